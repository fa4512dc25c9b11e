//! Every word the workbench shows, in one place (after gitui's `strings.rs`): tab, pane and
//! column titles, labels, prompts, empty-state text, the key-hint tables and the status
//! messages. A text that names a key takes it as the user bound it (a parameter here, or
//! a [`KeyHints`] table the view fills in from the keymap); no key is spelled here.
//!
//! Must not: choose colours (theme.rs), lay anything out, or read the app's state.

use super::app::{News, PromptKind, View};
use super::keymap::Command;
use chrono::NaiveDate;
use netcurate::model::{Contact, Decision, Standing};
use netcurate::pillars::Assumptions;
use netcurate::query::AskedAbout;
use netcurate::store::{Found, ImportReport, Rescored, Total};
use netcurate::text::counted;
use std::borrow::Cow;
use std::fmt::Display;
use std::path::Path;

pub const APP_NAME: &str = "netcurate";

// ---- Names and titles -------------------------------------------------------------

pub fn view_title(view: View) -> &'static str {
    match view {
        View::Contacts => "1 Contacts",
        View::Invitations => "2 Invitations",
        View::Segments => "3 Segments",
        View::Pillars => "4 Pillars",
    }
}

pub fn prompt_label(kind: PromptKind) -> &'static str {
    match kind {
        PromptKind::Filter => "filter",
        PromptKind::TagAdd => "add tag",
        PromptKind::TagRemove => "remove tag",
        PromptKind::Export => "export (kind path [; or tab])",
        PromptKind::SaveFilter => "save filter as",
        PromptKind::Rename => "rename to",
        PromptKind::FindInvitation => "find (a name, a message)",
        PromptKind::Import => "import path",
        PromptKind::Ssi => "SSI reading: total brand frp engage br",
        PromptKind::Assumption => "assumption name=value",
    }
}

/// The tab line's right end: the name and date when there is room, else the help key.
pub fn tab_line_end(as_of: NaiveDate, help: &str, wide: bool) -> String {
    if wide {
        format!("{APP_NAME} · as of {as_of}  {help} ")
    } else {
        format!(" {help} ")
    }
}

/// A contact's decision as a short word with a symbol, readable without colour. A planned
/// prune whose contact is gone in a newer export is done.
pub fn decision_label(c: &Contact) -> &'static str {
    match c.standing() {
        Standing::RemovalDone => "✓ done",
        Standing::Gone => "gone",
        Standing::Decided(Decision::Undecided) => "·",
        Standing::Decided(Decision::Keep) => "✓ keep",
        Standing::Decided(Decision::Prune) => "✗ prune",
        Standing::Decided(Decision::Protect) => "◆ protect",
    }
}

pub const HIDDEN_NAME: &str = "(hidden account)";

// ---- Keys -------------------------------------------------------------------------

/// Keys named by command (the user's own keys are shown), each group with its label:
/// "a keep · x prune …".
pub type KeyHints = &'static [KeyHint];
/// The commands a hint names (their keys as bound, joined by "/") and what they do.
pub type KeyHint = (&'static [Command], &'static str);

/// The line above the status bar when there is nothing else to show: each view's main
/// keys.
pub fn key_hints(view: View) -> KeyHints {
    use Command::*;
    match view {
        View::Contacts => &[
            (&[Filter], "filter"),
            (&[SortNext], "sort"),
            (&[ToggleSelect], "select"),
            (&[TagAdd], "tag"),
            (&[Keep, Prune, Protect], "decide"),
            (&[Undo], "undo"),
            (&[Help], "help"),
        ],
        View::Invitations => &[
            (&[Down, Up], "move"),
            (&[Left, Right], "pane"),
            (&[ToggleSelect], "select"),
            (&[Withdraw], "withdraw"),
            (&[WithdrawStale], "all stale"),
            (&[Export], "exports the plan"),
            (&[Explain], "details"),
            (&[OpenUrl], "open"),
            (&[Undo], "undo"),
            (&[Help], "help"),
        ],
        View::Segments => &[
            (&[Down, Up], "move"),
            (&[Left, Right], "pane"),
            (&[Explain], "filters the contacts"),
            (&[Export], "exports"),
            (&[DeleteSegment], "deletes"),
            (&[Rename], "renames"),
            (&[Undo], "undo"),
            (&[Help], "help"),
        ],
        View::Pillars => &[
            (&[RecordSsi], "records an SSI reading"),
            (&[SetAssumption], "sets an assumption"),
            (&[Undo], "undo"),
            (&[Help], "help"),
        ],
    }
}

/// The pillars view's keys when it is taller than the screen: the moving keys scroll it.
pub const PILLARS_SCROLL: KeyHints = &[(&[Command::Down, Command::Up], "scroll")];

/// What each command does, as the help lists it.
pub fn command_help(command: Command) -> &'static str {
    match command {
        Command::Down => "move down (or scroll)",
        Command::Up => "move up (or scroll)",
        Command::Top => "go to the first row",
        Command::Bottom => "go to the last row",
        Command::HalfPageDown => "half a page down",
        Command::HalfPageUp => "half a page up",
        Command::Left => "previous pane (invitations, segments)",
        Command::Right => "next pane (invitations, segments)",
        Command::Filter => "filter (score:<40 …); in invitations: find a name or message",
        Command::SortNext => "sort by the next key (the table title says which)",
        Command::SortReverse => "reverse the sort",
        Command::ToggleSelect => "select / unselect the row",
        Command::RangeSelect => "range select: from here to where you move",
        Command::SelectAll => "select every row in view",
        Command::ClearSelection => "clear the selection (or close; pause triage)",
        Command::Keep => "decide keep",
        Command::Prune => "decide prune (never a protected contact)",
        Command::Protect => "decide protect",
        Command::Reset => "reset the decision",
        Command::TagAdd => "add a tag (Tab completes)",
        Command::TagRemove => "remove a tag",
        Command::Undo => "undo the last change",
        Command::Redo => "redo",
        Command::History => "the changes undo and redo walk through, and the imports",
        Command::Explain => "explain; open a segment or invitation; triage: as suggested",
        Command::OpenUrl => "open the profile in the browser",
        Command::Copy => "copy the profile URL (or the selection's) to the clipboard",
        Command::Export => "export to CSV: selection, view, segment, or withdrawal plan",
        Command::Withdraw => "mark invitations for withdrawal (invitations view)",
        Command::WithdrawStale => "mark every stale invitation for withdrawal (invitations view)",
        Command::Triage => "triage cards: one undecided contact at a time",
        Command::ShowNew => "this week's news: new connections, job changes, gone ones",
        Command::SaveFilter => "save the current filter as a segment",
        Command::DeleteSegment => "delete the segment: the saved filter, or the tag from everyone",
        Command::Rename => "rename the segment: the saved filter, or the tag on everyone",
        Command::EditProfile => "edit the audience profile in $EDITOR, rescore",
        Command::Import => "import a file, folder or .zip",
        Command::RecordSsi => "record an SSI reading (pillars view)",
        Command::SetAssumption => "set a pillar assumption: name=value (pillars view)",
        Command::ViewContacts => "contacts view",
        Command::ViewInvitations => "invitations view",
        Command::ViewSegments => "segments view",
        Command::ViewPillars => "pillars view",
        Command::NextView => "next view",
        Command::Help => "this help",
        Command::Quit => "quit",
        // Windows' shells cannot stop and continue a program.
        Command::Suspend if cfg!(windows) => "suspend (not on Windows)",
        Command::Suspend => "suspend to the shell (fg comes back)",
    }
}

// Mistakes in the keymap file.
/// A keymap file's command that is none (`near`: " (did you mean undo?)" or "").
pub fn unknown_command(name: &str, near: &str) -> String {
    format!("unknown command '{name}'{near}")
}

pub fn takes_keys(name: &str) -> String {
    format!("'{name}' takes a key or a list of keys")
}

pub const MOUSE_TAKES: &str = "'mouse' takes true or false";

pub fn not_a_key(key: &str) -> String {
    format!("'{key}' is not a key")
}

pub const HELP_KEY: KeyHints = &[(&[Command::Help], "help")];
/// Under the triage card, those that do something on the card shown ([`triage_keys`]).
pub const TRIAGE_KEYS: KeyHints = &[
    (&[Command::Explain], "as suggested"),
    (&[Command::Keep], "keep"),
    (&[Command::Prune], "prune"),
    (&[Command::Protect], "protect"),
    (&[Command::TagAdd], "tag"),
    (&[Command::ToggleSelect], "skip"),
    (&[Command::Up], "back"),
    (&[Command::Undo], "undo"),
    (&[Command::OpenUrl], "open"),
    (&[Command::Copy], "copy"),
    (&[Command::ClearSelection], "pause"),
];
/// The keys under a triage card: [`TRIAGE_KEYS`], without "as suggested" when the card
/// suggests nothing, and without "back" and "undo" on the first card.
pub fn triage_keys(suggested: bool, first: bool) -> Vec<KeyHint> {
    let applies = |commands: &[Command]| match commands {
        [Command::Explain] => suggested,
        [Command::Up] | [Command::Undo] => !first,
        _ => true,
    };
    (TRIAGE_KEYS.iter())
        .filter(|(commands, _)| applies(commands))
        .copied()
        .collect()
}

/// In the title of a box too narrow for its other keys.
pub const CLOSES: KeyHints = &[(&[Command::ClearSelection], "closes")];
/// In the title of a contact's or an invitation's pane: its profile is at hand.
pub const PROFILE_KEYS_CLOSES: KeyHints = &[
    (&[Command::OpenUrl], "opens"),
    (&[Command::Copy], "copies"),
    (&[Command::ClearSelection], "closes"),
];
pub const HELP_CLOSES: KeyHints = &[(&[Command::ClearSelection, Command::Help], "closes")];
pub const HELP_SCROLLS: KeyHints = &[(&[Command::Down, Command::Up], "scroll")];
pub const HELP_SEARCHES: KeyHints = &[(&[Command::Filter], "searches")];
pub const HELP_SEARCH_CLEARS: KeyHints = &[(&[Command::ClearSelection], "clears")];
/// While the help's search is typed.
pub const HELP_SEARCH_KEYS: &str = "Enter keeps · Esc clears";
pub const WITHDRAWS: KeyHints = &[(&[Command::Withdraw], "withdraws")];
/// "n records one", with the user's key.
pub const RECORD_ONE: KeyHints = &[(&[Command::RecordSsi], "records one")];
pub const RECORDS_A_READING: KeyHints = &[(&[Command::RecordSsi], "records a reading")];
pub const SEGMENT_MAKERS: KeyHints = &[
    (&[Command::TagAdd], "tags"),
    (&[Command::SaveFilter], "saves a filter"),
];

/// The help overlay's notes under the keys.
pub const FILTER_HELP: [&str; 21] = [
    "",
    "Filter terms: words name: company: title: url: tag: -tag:",
    "  (a word starts words, or its pieces do: cto, vpeng for VP Engineering;",
    "  a field's text starts a word of it, title:cto, but url: email: anywhere;",
    "  case and accents ignored)",
    "  location: industry: email: (from other contact CSVs: a CRM, an enrichment)",
    "  decision: score:<40 seniority:>=director function:engineering",
    "  connected:<2020-01-01 (or a month 2024-06, a year >=2024, or ago: >=30d <2y)",
    "  changed:>=2026-11-01 (job changes recorded since)",
    "  gone:>=2026-11-01 (connections an import found gone since)",
    "  added:>=7d (connections an import added in the last 7 days: the new ones)",
    "  flag:warm|messaged|unanswered (they wrote last)|colleague|gone|job-change",
    "    |duplicate|hidden|no-title|open-to-work|student|excluded",
    "  a|b: either value, company:hooli|acme score:<20|>80; -company:a|b neither",
    "  quotes keep one value whole, spaces and | in it: title:\"CEO | Founder\"",
    "In a prompt: Enter ok · Esc cancel · Ctrl-W or Alt-Backspace deletes a word",
    "  · Ctrl-U clears · Tab completes a word, field, value, tag, kind or path",
    "  · Tab again walks through the choices it listed, Shift-Tab back",
    "  · Up/Down recall earlier filters (those starting with the text typed)",
    "  · a paste is text, its line breaks spaces; pasted in a view, a new filter",
    "  (a file dragged onto the window: its path, offered for import)",
];

/// The help's line on the mouse: what it does, or that it is left to the terminal.
pub fn mouse_help(taken: bool) -> &'static str {
    match taken {
        true => {
            "Mouse: the wheel moves as the moving keys do; a click picks a tab, a row, a column to sort \
             by or a key hint (does what the key does), and on the row at the cursor does \
             what Enter does; a click closes a box that shows \
             something (this help; an explanation, but for a click on another row). Shift+drag (Option or Fn on a Mac) selects text (mouse = false in keys.toml \
             leaves the mouse to the terminal)"
        }
        false => "Mouse: left to the terminal (mouse = false in keys.toml)",
    }
}

/// Ends a change's message: " — u to undo", `undo` as bound.
pub fn undo_hint(undo: &str) -> String {
    format!(" — {undo} to undo")
}

pub fn rebind_keys_in(path: &Path) -> String {
    format!("Rebind keys in {}", path.display())
}

/// The help's title: which of its lines show when they do not all (`first`, `last`,
/// `of`), what it is searched for (`/text`, with the cursor while typed), and the keys
/// that act on it (`keys`: scroll, search, close; or clear the search).
pub fn help_title(
    shown: Option<(usize, usize, usize)>,
    search: Option<(&str, bool)>,
    keys: &[String],
) -> String {
    let lines = match shown {
        Some((first, last, of)) => format!(" {first}–{last} of {of}"),
        None => String::new(),
    };
    let search = match search {
        Some((text, typing)) => format!(" /{text}{}", if typing { "█" } else { "" }),
        None => String::new(),
    };
    format!(" Keys{lines}{search} — {} ", keys.join(" · "))
}

/// Said in the help when its search finds no line.
pub fn help_finds_nothing(text: &str) -> String {
    format!("no line of the help holds '{text}'")
}

// ---- The contacts view --------------------------------------------------------------

pub const CONTACTS: &str = " Contacts ";

pub fn sorted_title(sort: &str, descending: bool) -> String {
    format!(" sort: {sort} {} ", if descending { "↓" } else { "↑" })
}

/// Column headers of the contacts table.
pub mod column {
    pub const SCORE: &str = "score";
    pub const NAME: &str = "name";
    pub const POSITION: &str = "position";
    pub const COMPANY: &str = "company";
    pub const SENIORITY: &str = "seniority";
    pub const CONNECTED: &str = "connected";
    /// The date column while the table is sorted by the last message.
    pub const MESSAGED: &str = "messaged";
    /// The date column while the filter selects job changes, gone or added connections.
    pub const CHANGED: &str = "changed";
    pub const GONE: &str = "gone";
    pub const ADDED: &str = "added";
    /// While the filter selects job changes: the position and company before.
    pub const WAS: &str = "was";
    pub const INDUSTRY: &str = "industry";
    pub const LOCATION: &str = "location";
    pub const TAGS: &str = "tags";
    pub const DECISION: &str = "decision";
}

/// The contacts view of an empty database; `import` is the import key as bound, `found`
/// the export found in the downloads folder, if one was, `command` the command that
/// imports outside the workbench.
pub fn empty_network(import: &str, found: Option<&str>, command: &str) -> String {
    let found = found
        .map(|path| format!("\n\nYour newest export is there: {path} ({import}, then Enter)."))
        .unwrap_or_default();
    format!(
        "No contacts yet.

{import} imports your LinkedIn export: the .zip, its folder, or Connections.csv (or quit and run `{command}`).{found}

To get the export, on LinkedIn: Me → Settings & Privacy → Data privacy → Get a copy of your data; tick Connections, Invitations and Messages; LinkedIn e-mails a link, usually within 10 minutes.

To look around first: `netcurate demo` opens a made-up network."
    )
}

/// The table's text when its filter matches nobody, with why when that is known; `clear`
/// is the key that clears it.
pub fn no_match(why: Option<&str>, clear: &str) -> String {
    match why {
        Some(why) => format!("No contact matches the filter: {why}. {clear} clears it."),
        None => format!("No contact matches the filter. {clear} clears it."),
    }
}

// ---- The line above the status bar, and the status bar ------------------------------

pub const FILTER_IS: &str = "filter: ";
/// The invitations view's line above the status bar, while they are narrowed to a text.
pub const FIND_IS: &str = "find: ";

/// Said instead of opening the workbench when its output goes to a pipe or a file.
pub const NEEDS_A_TERMINAL: &str = "the workbench needs a terminal, and standard output is not one (a pipe or a file); the commands work without one: `netcurate list`, `netcurate stats`, `netcurate --help`";
pub const PROMPT_KEYS: &str = "  Enter ok · Esc cancel";
/// [`PROMPT_KEYS`] of a prompt that takes a path.
pub const PATH_PROMPT_KEYS: &str = "  Enter ok · Esc cancel · Tab completes";

pub fn tag_completions(tags: &[String]) -> String {
    format!("  Tab: {}", tags.join(" "))
}

pub fn shown_of(shown: usize, total: usize) -> String {
    format!("  {shown} of {total}")
}

pub fn counts(total: usize, in_view: usize, selected: usize) -> String {
    format!(" {total} total · {in_view} in view · {selected} selected ")
}

/// [`counts`] for a short status line.
pub fn counts_brief(total: usize, in_view: usize, selected: usize) -> String {
    format!(" {in_view} of {total} · {selected} selected ")
}

/// [`counts_brief`] for the shortest status line: without the selection while nothing
/// is selected.
pub fn counts_least(total: usize, in_view: usize, selected: usize) -> String {
    match selected {
        0 => format!(" {in_view} of {total} "),
        _ => counts_brief(total, in_view, selected),
    }
}

/// The invitations view's [`counts`]: its two panes' rows and the selected invitations.
pub fn invitation_counts(pending: usize, incoming: usize, selected: usize) -> String {
    format!(" {pending} pending · {incoming} incoming · {selected} selected ")
}

pub fn invitation_counts_brief(pending: usize, selected: usize) -> String {
    format!(" {pending} pending · {selected} selected ")
}

/// [`invitation_counts_brief`] for the shortest status line, as [`counts_least`].
pub fn invitation_counts_least(pending: usize, selected: usize) -> String {
    match selected {
        0 => format!(" {pending} pending "),
        _ => invitation_counts_brief(pending, selected),
    }
}

pub fn br_delta(low: f64, high: f64) -> String {
    format!(" BR Δ {low:+.1}…{high:+.1} ")
}

pub fn loading(total: usize) -> String {
    format!(" loading {total} contacts… ")
}

// ---- The explain pane and the triage card -------------------------------------------

pub const TITLES_NOTE: &str = "titles are self-typed and often inflated";

pub const EXPLAIN_TITLE: &str = "Why this score";
pub const INVITATION_TITLE: &str = "Invitation";

/// A box's title with its keys ("o opens · y copies · esc closes"), longest first: with
/// all of them, with the key that closes it, bare. The first that fits is shown.
pub fn box_titles(title: &str, keys: &str, closes: &str) -> [String; 3] {
    [
        format!(" {title} — {keys} "),
        format!(" {title} — {closes} "),
        format!(" {title} "),
    ]
}

/// Who sent an invitation to whom.
pub fn invitation_between(direction: &str, from: &str, to: &str) -> String {
    format!("{direction}: {from} → {to}")
}

/// When an invitation was sent and where it stands.
/// An invitation's date, age and state; `stale_days` when it is stale (pending longer).
pub fn invitation_state(
    sent: NaiveDate,
    age: i64,
    status: &str,
    stale_days: Option<i64>,
    withdraw: bool,
) -> String {
    let stale = stale_days.map_or(String::new(), |days| {
        format!(", stale{}", stale_aside(days))
    });
    let planned = if withdraw {
        " · marked for withdrawal"
    } else {
        ""
    };
    format!("sent {sent} ({age} days ago) · {status}{stale}{planned}")
}

pub fn invitation_message(message: &str) -> String {
    match message.trim() {
        "" => "no message".to_string(),
        text => format!("message: “{text}”"),
    }
}

/// Above the contact's explanation when the other side is in the network.
pub const INVITATION_CONTACT: &str = "in your network:";
pub const INVITATION_NOT_CONTACT: &str =
    "not in your network: nothing to score (an invitation carries no title)";

pub fn position_at(position: &str, company: &str) -> String {
    match (position.is_empty(), company.is_empty()) {
        (false, false) => format!("{position} · {company}"),
        (false, true) => position.to_string(),
        (true, _) => company.to_string(),
    }
}

/// How many probable duplicates the explanation names; the rest are counted.
pub const DUPLICATES_SHOWN: usize = 3;

/// One probable duplicate of the contact explained.
pub fn duplicate_of(
    name: &str,
    position: &str,
    company: &str,
    connected: Option<NaiveDate>,
) -> String {
    let on = connected
        .map(|d| format!(", connected {d}"))
        .unwrap_or_default();
    match position_at(position, company) {
        job if job.is_empty() => format!("probable duplicate of {name}{on}"),
        job => format!("probable duplicate of {name} — {job}{on}"),
    }
}

pub fn more_duplicates(n: usize) -> String {
    format!("… and {n} more with this name")
}

pub fn seniority_line(tier: &str, rule: &str, function: &str) -> String {
    format!("seniority {tier} ({rule}) · function {function} — {TITLES_NOTE}")
}

pub const SCORE: &str = "score ";

pub fn factor_line(name: &str, value: f64, weight: impl Display, reason: &str) -> String {
    format!("  {name:<10} {value:>4.2} ×{weight:<3} {reason}")
}

pub fn excluded(why: &str) -> String {
    format!("  excluded: {why} (score capped)")
}

/// A contact not scored yet; `edit` is the profile-editing key as bound.
pub fn no_profile(edit: &str) -> String {
    format!("no profile yet: {edit} edits one, then scores")
}

/// Why a filter on scores finds no one in a network not scored yet.
pub fn not_scored(edit: &str) -> String {
    format!("no contact is scored yet ({})", no_profile(edit))
}

pub fn flags_line(flags: &[&str]) -> String {
    format!("flags: {}", flags.join(", "))
}

pub fn suggested(decision: &str, why: &str) -> String {
    format!("suggested: {decision} — {why}")
}

/// The explanation's line of a job change recorded `on`: what `c` was before.
pub fn job_change(on: NaiveDate, c: &Contact) -> String {
    format!("job change recorded {on}: was {}", c.previous_job())
}

/// A text a filter asks about that a list of contacts otherwise leaves out: its column's
/// header and each contact's text.
#[derive(Clone, Copy)]
pub struct AskedText {
    pub header: &'static str,
    pub text_of: fn(&Contact) -> Cow<'_, str>,
}

/// The texts `asked` asks for, in order: what each was before a job change, the location
/// and the industry a contact CSV gave. The table shows each; `list` the first.
pub fn asked_texts(asked: AskedAbout) -> Vec<AskedText> {
    type TextOf = fn(&Contact) -> Cow<'_, str>;
    let texts: [(bool, &str, TextOf); 3] = [
        (asked.job_changes, column::WAS, |c| c.previous_job().into()),
        (asked.location, column::LOCATION, |c| {
            c.location.as_str().into()
        }),
        (asked.industry, column::INDUSTRY, |c| {
            c.industry.as_str().into()
        }),
    ];
    (texts.into_iter())
        .filter(|&(wanted, ..)| wanted)
        .map(|(_, header, text_of)| AskedText { header, text_of })
        .collect()
}

/// What a contact CSV (a CRM, an enrichment) told of a contact: email, industry and
/// location, those it has, as they read; none when it has none.
pub fn contact_details(c: &Contact) -> Option<String> {
    let details: Vec<String> = [&c.email, &c.industry, &c.location]
        .into_iter()
        .filter(|text| !text.trim().is_empty())
        .map(|text| netcurate::text::seen(text).into_owned())
        .collect();
    (!details.is_empty()).then(|| details.join(" · "))
}

pub fn gone_since(on: NaiveDate) -> String {
    format!("gone since {on}: the export imported then no longer lists them")
}

pub fn added_on(on: NaiveDate) -> String {
    format!("a new connection: added by the import of {on}")
}

pub fn invitation_line(direction: &str, sent: NaiveDate, status: &str) -> String {
    format!("invitation {direction} {sent} ({status}, inferred)")
}

/// The messages with a contact: how many, the last one's day, and whose it was.
pub fn messages_line(count: impl Display, last: NaiveDate, theirs: bool) -> String {
    let whose = if theirs { "theirs" } else { "yours" };
    format!("messages: {count} exchanged, last {last} ({whose})")
}

pub fn decision_and_tags(decision: &str, tags: &str) -> String {
    format!("decision: {decision} · tags: {tags}")
}

pub const TRIAGE: &str = " Triage ";
pub const QUEUE_EMPTY: &str = "queue empty";

pub fn triage_position(at: usize, of: usize) -> String {
    format!(" {at} of {of} ")
}

// ---- Dialogs --------------------------------------------------------------------------

pub const IMPORTING: &str = " Importing ";
pub const CONFIRM: &str = " Confirm ";
/// The title of the box that shows what failed.
pub const FAILED: &str = " Failed ";
pub const IMPORT_REPORT: &str = " Import ";
/// The box that lists the changes undo and redo walk through.
pub const HISTORY: &str = " History — newest first ";

/// How the history names taking an import back: the undo key, which asks first.
pub fn history_undo_import(undo: &str) -> String {
    format!("{undo} (asked first)")
}

/// The history's line on the changes it leaves out, and the `history` command that lists
/// them all.
pub fn history_more(more: usize, history: &str, total: usize) -> String {
    format!("{more} more: `{history} --limit {total}`")
}
/// The box that says where to act on a plan just written.
pub const PLAN_WRITTEN: &str = " Plan written ";
pub const ANY_KEY_CLOSES: &str = " any key closes ";
pub const ENTER_LISTS_NEW_OR_CLOSE: &str =
    " Enter lists the new connections · any other key closes ";
pub const ENTER_LISTS_JOB_CHANGES_OR_CLOSE: &str =
    " Enter lists the job changes · any other key closes ";
pub const ENTER_LISTS_GONE_OR_CLOSE: &str =
    " Enter lists the connections gone · any other key closes ";

/// Asks before marking `n` contacts for pruning, `colleagues` of them at the user's
/// companies (internal connections count for Build relationships).
pub fn confirm_prune(n: usize, colleagues: usize) -> String {
    let colleagues = match colleagues {
        0 => String::new(),
        1 => {
            " 1 is a colleague (an internal connection: Build relationships counts it).".to_string()
        }
        k => {
            format!(" {k} are colleagues (internal connections: Build relationships counts them).")
        }
    };
    format!("Mark {n} contacts for pruning?{colleagues} (y / n)")
}

/// `import`: the latest import in words (`ImportRun::describe`).
pub fn confirm_undo_import(import: &str) -> String {
    format!("Nothing is left to undo but {import}. Take it back whole? (y / n)")
}

pub fn confirm_import_anyway(why: &str) -> String {
    format!("{why}. If they were removed on LinkedIn since, import it anyway? (y / n)")
}

pub fn confirm_overwrite(path: &Path) -> String {
    format!("{} exists. Replace it? (y / n)", path.display())
}

/// The import's stage and what it reads; for a pipe (whose size is known only at its end)
/// how much so far.
pub fn import_progress(stage: impl Display, path: &Path, read_bytes: Option<u64>) -> String {
    match read_bytes {
        Some(bytes) => format!(
            "{stage} {}: {} so far",
            path.display(),
            indicatif::HumanBytes(bytes)
        ),
        None => format!("{stage} {}", path.display()),
    }
}

// ---- The invitations view -------------------------------------------------------------

pub const ACCEPTANCE: &str = " Acceptance ";
pub const INFERRED_NOTE: &str = "acceptance is inferred: accepted = now a connection";
pub const NO_INVITATIONS: &str = "no invitations";

pub fn rate(rate: f64, of: usize) -> String {
    format!("{:.0}% of {of}", 100.0 * rate)
}

/// After the note on acceptance: the outgoing invitations the rates leave out.
pub fn gone_left_out(n: usize) -> String {
    format!(" · {n} withdrawn or expired left out")
}

pub fn acceptance_rates(all_time: &str, last_90_days: &str) -> String {
    format!("all time {all_time} · last 90 days {last_90_days}")
}

/// The outgoing pane's title when its key hint does not fit.
pub const OUTGOING: &str = " Sent, pending — oldest first ";

pub fn outgoing_title(withdraws: &str) -> String {
    format!("{OUTGOING}· {withdraws} ")
}

pub const NO_OUTGOING: &str = "no pending outgoing invitations";
pub const INCOMING: &str = " Incoming — by relevance ";
/// The incoming pane's title when no inviter is a scored contact (each row says
/// "unscored").
pub const INCOMING_UNSCORED: &str = " Incoming — newest first ";
pub const NO_INCOMING: &str = "no incoming invitations";

/// An invitations pane with none of those a find (`/`) narrows it to.
pub fn none_found(find: &str) -> String {
    format!("none here matches '{find}'")
}
pub const WITHDRAW: &str = "withdraw";
pub const STALE: &str = "stale";

/// What to do with an incoming invitation.
pub mod suggestion {
    pub const ACCEPTED: &str = "accepted";
    pub const ACCEPT: &str = "accept";
    pub const IGNORE: &str = "ignore?";
    pub const UNSCORED: &str = "unscored";
}

pub const CAPACITY: &str = " Capacity ";
pub const CONNECTIONS_IS: &str = "connections ";
pub const PENDING_IS: &str = "pending outgoing ";
pub const STALE_IS: &str = "stale ";
pub const SENT_WEEK_IS: &str = "sent last 7 days ";
pub const NO_WITHDRAWALS: &str = "no withdrawals planned";
/// The label over the months' sparkline, longest first: the first that fits is shown.
pub const CONNECTED_PER_MONTH: [&str; 3] = [
    " connections made per month (last 24 months with data):",
    " connections made per month:",
    " connected per month:",
];

pub fn out_of(n: usize, cap: usize) -> String {
    format!("{n} / {cap}")
}

pub fn out_of_about(n: usize, cap: usize) -> String {
    format!("{n} / ~{cap}")
}

pub fn warn_from(n: usize) -> String {
    format!(" (warn from {n})")
}

/// Why a stale invitation is worth withdrawing: it will most likely never be accepted.
pub fn stale_aside(stale_days: i64) -> String {
    format!(" (pending over {stale_days} days; 99% of acceptances come within 30)")
}

pub fn weekly_limit((low, high): (usize, usize)) -> String {
    format!(" (unofficial limit ~{low}–{high}/week)")
}

pub fn reinvite_from(planned: usize, from: NaiveDate) -> String {
    format!("{planned} to withdraw · re-invite from {from} (in 3 weeks)")
}

// ---- The segments view ----------------------------------------------------------------

/// Pane titles, in focus order.
pub const SEGMENT_PANES: [&str; 5] = [
    " Segments ",
    " Score ",
    " Seniority ",
    " Function ",
    " Connected per month ",
];
/// What a bar of each chart pane counts, before its label, to name the people behind
/// it ("score 0–9", "connected 2025-09") when it is opened or exported.
pub const SEGMENT_BARS: [&str; 5] = ["", "score", "seniority", "function", "connected"];
/// Column headers of the segments pane: name, count, mean score, VP+ share.
pub const SEGMENT_COLUMNS: [&str; 4] = ["segment", "count", "mean", "VP+"];
pub const NO_SEGMENTS: &str = "no tags or saved filters yet:";
/// The segments pane's first row: every contact (the charts show the segment under the
/// cursor, this one the whole network).
pub const ALL_CONTACTS: &str = "all contacts";
/// A chart's title naming the segment it shows (" Score · #hooli-folks ").
pub fn chart_title(chart: &str, segment: &str) -> String {
    format!("{} · {segment} ", chart.trim_end())
}

// ---- The pillars view -----------------------------------------------------------------

/// The pillars' titles, and their initials for a pane too narrow for them.
pub const BUILD_RELATIONSHIPS: [&str; 2] = [" Build relationships ", " BR "];
pub const FIND_THE_RIGHT_PEOPLE: [&str; 2] = [" Find the right people ", " FRP "];
pub const FRP_NOTE: &str = "documented change 0; upper end speculative";
pub const PLAN: &str = " Plan ";
pub const ASSUMPTIONS: &str = " Assumptions ";
pub const EDIT_ASSUMPTIONS: KeyHints = &[(
    &[Command::SetAssumption],
    "sets one (name=value), as netcurate pillars --set does",
)];
/// The plan table's header: feature, now, after.
pub const PLAN_COLUMNS: [&str; 3] = ["feature", "now", "after"];

/// The plan table's rows, in order.
pub mod feature {
    pub const CONNECTIONS: &str = "connections";
    pub const VP_PLUS: &str = "VP+ connections";
    pub const COLLEAGUES: &str = "colleagues";
    pub const ACCEPTANCE_RATE: &str = "acceptance rate";
    pub const RELEVANT_SHARE: &str = "relevant share";
    pub const PENDING_STALE: &str = "pending / stale";
}

/// The assumptions in three lines, by the names `netcurate pillars --set` takes.
pub fn assumptions(a: &Assumptions, noise: f64) -> [String; 3] {
    [
        format!(
            "k_connections {} · k_vp {} · k_internal {}",
            a.k_connections, a.k_vp, a.k_internal
        ),
        format!(
            "s_vp {} · s_internal {} · w_relevant {}",
            a.s_vp, a.s_internal, a.w_relevant
        ),
        format!(
            "kappa {} · stale_days {} · noise ±{noise}",
            a.kappa, a.stale_days
        ),
    ]
}

pub fn frp_levers(levers: &[&str]) -> String {
    format!("FRP levers: {}", levers.join(", "))
}

pub fn gauge_now(baseline: f64) -> String {
    format!("now  {baseline:>5.1}")
}

pub fn gauge_plan(low: f64, high: f64) -> String {
    format!("plan {low:>5.1}…{high:.1}")
}

pub fn delta(low: f64, high: f64, words: &str) -> String {
    format!("Δ {low:+.2} … {high:+.2}  {words}")
}

pub fn no_reading(record: &str) -> String {
    format!("no SSI reading yet: {record}")
}

/// The readings pane's title, longest first, with "n records a reading" and "n records
/// one": the first that fits is shown.
pub fn readings_titles(record_a_reading: &str, record_one: &str) -> [String; 3] {
    [
        format!(" Readings (BR) and projections — {record_a_reading} "),
        format!(" Readings — {record_one} "),
        " Readings ".to_string(),
    ]
}

pub const NO_PROJECTIONS: &str = "exporting a removal or withdrawal plan logs its projection here";
/// The pillars view's chart: the line of BR readings, and the projections' ranges.
pub const CHART_READINGS: &str = "BR readings";
pub const CHART_PROJECTED: &str = "projected ranges";

pub fn no_readings(record: &str) -> String {
    format!("no SSI readings yet: {record} from LinkedIn's SSI page")
}

pub fn one_reading(br: f64, on: NaiveDate) -> String {
    format!("1 reading, BR {br:.1} on {on}")
}

pub fn readings_span(
    n: usize,
    (first, last): (f64, f64),
    (from, to): (NaiveDate, NaiveDate),
) -> String {
    format!("{n} readings, BR {first:.1} → {last:.1} from {from} to {to}")
}

pub fn last_reading(total: f64, brand: f64, frp: f64, engage: f64, br: f64) -> String {
    format!(
        "last: SSI {total:.0} · brand {brand:.1} · FRP {frp:.1} · engage {engage:.1} · BR {br:.1}"
    )
}

// ---- Status messages --------------------------------------------------------------------

pub mod status {
    use super::*;

    pub const NOTHING_TO_CHANGE: &str = "nothing to change";

    /// Ends the message of a new tag that looks like a typo (`near`: " (did you mean
    /// vip?)"; none: nothing).
    pub fn new_tag(near: &str) -> String {
        match near.is_empty() {
            true => String::new(),
            false => format!(", a new tag{near}"),
        }
    }

    /// Ends the message of a tag taken off its last holders: the saved filters asking for
    /// it (none: nothing).
    pub fn filters_emptied(names: &[&str]) -> String {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        match quoted.len() {
            0 => String::new(),
            1 => format!("; saved filter {} finds no one now", quoted[0]),
            _ => format!(
                "; saved filters {} find no one now",
                in_words(&quoted, "and")
            ),
        }
    }

    /// Ends the message of a prune of `of` contacts: how many colleagues it marked (none:
    /// nothing).
    pub fn colleagues_among(n: usize, of: usize) -> String {
        match (n, of) {
            (0, _) => String::new(),
            (1, 1) => " (a colleague)".to_string(),
            (1, _) => " (1 colleague among them)".to_string(),
            (n, _) => format!(" ({n} colleagues among them)"),
        }
    }
    pub const SELECTION_CLEARED: &str = "selection cleared";
    pub const FILTER_CLEARED: &str = "filter cleared";
    pub const NO_URL: &str = "this contact has no profile URL";
    pub const NO_URLS: &str = "none of these has a profile URL";
    /// `o` or `y` on an invitation from an export without URLs (2018–2022, Dec 2023), its person
    /// not among the connections.
    pub const INVITATION_NO_URL: &str =
        "this invitation has no profile URL (older exports leave it out)";
    pub const NOTHING_TO_TRIAGE: &str = "nothing to triage: every contact in view is decided";
    pub const TRIAGE_DONE: &str = "triage done: the queue is empty";
    pub const CANCELLED: &str = "cancelled";
    pub const RELOADED: &str = "changed by another netcurate: reloaded";
    pub const PROFILE_UNCHANGED: &str = "profile unchanged";
    /// After taking back `import` (by name); `import_key` imports again, as bound.
    pub fn import_undone(import: &str, import_key: &str) -> String {
        format!("undid {import}: {import_key} imports it again")
    }
    pub const SSI_NEEDS_FIVE: &str = "type five numbers: total brand frp engage br";
    pub const SSI_RANGES: &str = "total is 0–100, each pillar 0–25";

    pub fn undid(what: &str) -> String {
        format!("undid: {what}")
    }

    pub fn redid(what: &str) -> String {
        format!("redid: {what}")
    }

    pub fn nothing_to(undo: bool) -> String {
        format!("nothing to {}", if undo { "undo" } else { "redo" })
    }

    pub fn saved_segment(name: &str) -> String {
        format!("saved segment '{name}'")
    }

    pub fn deleted_segment(name: &str) -> String {
        format!("deleted segment '{name}'")
    }

    /// D on a row of the figures' panes (score bands, tiers…).
    pub const IMPORT_NEEDS_PATH: &str = "type your LinkedIn export's path: the .zip, its folder, or a CSV (Tab completes; Esc cancels)";

    pub const PASTE_NOWHERE: &str =
        "a paste goes into a prompt, or from a view into the filter: not here";

    pub const NOT_A_SEGMENT: &str =
        "only a tag or a saved filter is deleted here (the first pane's rows, below all contacts)";

    pub fn assumption_now(name: &str, value: f64) -> String {
        format!("{name} is {value} now")
    }

    pub fn assumption_set(assignment: &str) -> String {
        format!("set {assignment}")
    }

    /// `pillars_sum`: what the pillars add up to, when it is not the total.
    pub fn recorded_ssi(total: f64, br: f64, on: NaiveDate, pillars_sum: Option<f64>) -> String {
        match pillars_sum {
            None => format!("recorded SSI {total} (BR {br}) on {on}"),
            Some(sum) => format!(
                "recorded SSI {total} (BR {br}) on {on}, but its pillars add up to {sum}: one mistyped?"
            ),
        }
    }

    pub fn sorted_by(sort: &str) -> String {
        format!("sorted by {sort}")
    }

    pub fn sorted_by_direction(sort: &str, descending: bool) -> String {
        let direction = if descending {
            "descending"
        } else {
            "ascending"
        };
        format!("sorted by {sort} ({direction})")
    }

    pub fn range_select(stop: &str) -> String {
        format!("range select: move to extend, {stop} to stop")
    }

    pub fn selected(n: usize) -> String {
        format!("{n} selected")
    }

    pub fn selected_all(n: usize) -> String {
        format!("selected all {n} in view")
    }

    pub fn no_filter_to_save(filter: &str) -> String {
        format!("no filter to save: filter first with {filter}")
    }

    /// On opening, when imports of the last week added connections, recorded job changes
    /// or found connections gone (`counts`, in [`News::ALL`]'s order); `new` is the key
    /// that lists them, as bound.
    pub fn news_this_week(counts: [usize; News::ALL.len()], new: &str) -> String {
        let parts: Vec<String> = (News::ALL.into_iter().zip(counts))
            .filter(|(_, n)| *n > 0)
            .map(|(news, n)| news_count(news, n))
            .collect();
        format!("this week: {} — {new} lists them", parts.join(", "))
    }

    /// `8 new`, `1 job change`, `5 job changes`.
    fn news_count(news: News, n: usize) -> String {
        match (news, n) {
            (News::Added, n) => format!("{n} new"),
            (News::JobChanges, 1) => "1 job change".to_string(),
            (News::JobChanges, n) => format!("{n} job changes"),
            (News::Gone, n) => format!("{n} gone"),
        }
    }

    /// When the week holds no news to list.
    pub const NO_NEWS: &str = "nothing new this week: no import added, changed or lost connections";

    /// The order of a triage queue: lowest score first without a filter, else the table's.
    pub fn triage_started(undecided: usize, by_score: bool) -> String {
        let order = if by_score {
            "lowest score first"
        } else {
            "in the table's order"
        };
        format!("triage: {undecided} undecided, {order}")
    }

    /// A key pressed in a view where its command does nothing: the views where it works
    /// (`homes`), and their keys.
    pub fn acts_in(command: Command, homes: &[View], keys: &crate::tui::keymap::Keymap) -> String {
        let (whats, views): (Vec<&str>, Vec<&str>) = (homes.iter())
            .map(|home| match home {
                View::Contacts => ("contacts", keys.key(Command::ViewContacts)),
                View::Invitations => ("invitations", keys.key(Command::ViewInvitations)),
                View::Segments => ("segments", keys.key(Command::ViewSegments)),
                View::Pillars => ("the pillars", keys.key(Command::ViewPillars)),
            })
            .unzip();
        format!(
            "{} ({}) acts on {}: {} shows them",
            keys.key(command),
            command.name(),
            in_words(&whats, "and"),
            in_words(&views, "or")
        )
    }

    /// "a", "a and b", "a, b and c" (with `and` the last joint).
    fn in_words(items: &[impl AsRef<str>], and: &str) -> String {
        let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        match &items[..] {
            [] => String::new(),
            [one] => one.to_string(),
            [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
        }
    }

    /// Enter on a triage card that suggests nothing (a score between the two bounds).
    pub fn no_suggestion(keys: &crate::tui::keymap::Keymap) -> String {
        let key = |c| keys.key(c);
        format!(
            "no suggestion for this one: {} keep · {} prune · {} protect",
            key(Command::Keep),
            key(Command::Prune),
            key(Command::Protect)
        )
    }

    /// A selection or withdrawal key in the incoming invitations' pane.
    pub fn withdraws_sent_only(key: &str, back: &str) -> String {
        format!(
            "{key} acts on the invitations you sent ({back}); incoming ones are answered on LinkedIn"
        )
    }

    /// A key pressed on a triage card that the card does not take.
    pub fn not_in_triage(command: Command, keys: &crate::tui::keymap::Keymap) -> String {
        format!(
            "{}: {} pauses triage first ({} resumes)",
            keys.key(command),
            keys.key(Command::ClearSelection),
            keys.key(Command::Triage)
        )
    }

    pub fn triage_paused(at: usize, of: usize, resume: &str) -> String {
        format!("triage paused at {at} of {of}; {resume} resumes")
    }

    /// After Enter on an import's report: what the filter it set shows.
    pub fn new_connections_shown(n: usize, triage: &str) -> String {
        format!("{n} shown: the import's new connections — {triage} triages them")
    }

    /// After the key that lists the week's `news`: what is shown, what to do with it, and
    /// the other news the key lists next (`then`).
    pub fn news_shown(
        news: News,
        n: usize,
        then: Option<(News, usize)>,
        keys: &crate::tui::keymap::Keymap,
    ) -> String {
        let what = match news {
            News::Added => format!("{} triages them", keys.key(Command::Triage)),
            News::JobChanges => format!("{}: the old job", keys.key(Command::Explain)),
            News::Gone => "no longer connected".to_string(),
        };
        let shown = format!("{} — {what}", news_count(news, n));
        match then {
            Some((other, n)) => {
                let new = keys.key(Command::ShowNew);
                format!("{shown} · {new}: {}", news_count(other, n))
            }
            None => shown,
        }
    }

    /// After Enter on an import's report without new connections: its job changes.
    pub fn job_changes_shown(n: usize, explain: &str) -> String {
        format!("{n} shown: the import's job changes — {explain} says what each was before")
    }

    pub fn gone_shown(n: usize, explain: &str) -> String {
        format!("{n} shown: the connections the import found gone — {explain} says since when")
    }

    pub fn segment_shown(name: &str, n: usize) -> String {
        format!(
            "segment {name}: {}",
            counted(n as u64, "contact", "contacts")
        )
    }

    pub fn export_needs(kinds: &str) -> String {
        format!("export needs a kind ({kinds}) and a path")
    }

    /// An export prompt's first word that looks like a misspelt kind (`near`: " (did you
    /// mean removal-plan?)").
    pub fn no_export_kind(word: &str, near: &str) -> String {
        format!("no export kind '{word}'{near}")
    }

    pub fn not_a_number(s: &str) -> String {
        format!("'{s}' is not a number")
    }

    /// What a path or a filter term being completed could still become (none: nothing to
    /// say).
    /// What Tab could complete a prompt's text to: the first names, or once Tab walks
    /// through them (`at`), the one walked to, in brackets, and those after it (first,
    /// so that a narrow status line never cuts it off).
    pub fn choices(names: &[&str], at: Option<usize>) -> String {
        const SHOWN: usize = 6;
        if names.len() < 2 {
            return String::new();
        }
        let start = at.unwrap_or(0);
        let page = &names[start..names.len().min(start + SHOWN)];
        let shown: Vec<String> = (page.iter().enumerate())
            .map(|(i, name)| match at == Some(start + i) {
                true => format!("[{name}]"),
                false => name.to_string(),
            })
            .collect();
        let head = match at {
            None => "Tab".to_string(),
            Some(at) => format!("Tab {}/{}", at + 1, names.len()),
        };
        let more = match names.len() - start - page.len() {
            0 => String::new(),
            n => format!("  (+{n} more)"),
        };
        format!("{head}: {}{more}", shown.join("  "))
    }

    pub fn keymap_ignored(e: impl Display) -> String {
        format!("keymap ignored: {e}")
    }

    /// The keymap file's lines with a mistake, left out (the rest of it applies).
    pub fn keymap_lines_left_out(file: &std::path::Path, mistakes: &[String]) -> String {
        let lines = match mistakes.len() {
            1 => "that line",
            _ => "those lines",
        };
        format!(
            "{}: {} — {lines} left out, the rest applies",
            file.display(),
            mistakes.join("; ")
        )
    }

    pub fn not_saved(e: impl Display) -> String {
        format!("not saved: {e}")
    }

    pub fn opened(url: &str) -> String {
        format!("opened {url}")
    }

    pub fn no_opener(opener: &str, url: &str, copy_key: &str) -> String {
        format!("no browser opener ({opener}); the URL is {url} ({copy_key} copies it)")
    }

    /// Profile URLs sent to the clipboard through the terminal (which may refuse them:
    /// the help and the README say how it works). Short, to fit the status bar.
    pub fn copied(count: usize) -> String {
        match count {
            1 => "copied the profile URL to the clipboard".to_string(),
            n => format!("copied {n} profile URLs to the clipboard"),
        }
    }

    pub fn too_many_to_copy(count: usize, export_key: &str) -> String {
        format!("{count} profile URLs are too many to copy at once; {export_key} exports them")
    }

    pub fn export_failed(e: impl Display) -> String {
        format!("export failed: {e}")
    }

    /// After an empty plan's "exported 0 …": how its rows are marked, with the keys
    /// (`mark`) as bound.
    pub fn none_marked(invitations: bool, mark: &str) -> String {
        match invitations {
            false => format!(" — none marked prune and connected ({mark} marks)"),
            true => format!(" — none marked ({mark} mark, in invitations)"),
        }
    }

    /// After an export to `path` (as the user finds it: `~/…`); the `delimiter` is named
    /// unless it is the usual comma.
    pub fn exported(n: usize, invitations: bool, kind: &str, path: &str, delimiter: u8) -> String {
        let what = match invitations {
            true => netcurate::text::counted(n as u64, "invitation", "invitations"),
            false => netcurate::text::counted(n as u64, "contact", "contacts"),
        };
        let separated = match delimiter {
            netcurate::export::COMMA => String::new(),
            b'\t' => " with tabs".to_string(),
            d => format!(" with {}", char::from(d)),
        };
        format!("exported {what} ({kind}) to {path}{separated}")
    }

    /// After an import without a profile, before what the import did; `edit` is the
    /// profile-editing key as bound.
    pub fn not_scored_yet(edit: &str) -> String {
        format!("not scored yet: {edit} drafts a profile; ")
    }

    /// What an import did, briefly, a part for each kind of file it read (the new
    /// connections with the filter that shows them); the report box has the rest.
    pub fn imported(path: &Path, r: &ImportReport) -> String {
        let parts: Vec<String> = r.totals().into_iter().map(|t| brief(r, t)).collect();
        // The file's name, not the path typed: the counts matter, and must fit.
        let name = path.file_name().unwrap_or(path.as_os_str());
        format!("imported {}: {}", name.display(), parts.join("; "))
    }

    /// One total of an import, briefly.
    fn brief(r: &ImportReport, total: Total) -> String {
        match total {
            Total::Connections => {
                // Each count with the filter that lists it, when there is one.
                let lists =
                    |filter: Option<String>| filter.map(|f| format!(" ({f})")).unwrap_or_default();
                let (which, gone, jobs) = (
                    lists(r.filter_of(Found::NewConnections)),
                    lists(r.filter_of(Found::Gone)),
                    lists(r.filter_of(Found::JobChanges)),
                );
                let back = netcurate::store::if_any(r.returned, |n| format!(", {n} back"));
                format!(
                    "{} new{which}{back}, {} gone{gone}, {} changed{jobs}, {} unchanged, {} hidden",
                    r.new, r.gone, r.changed, r.unchanged, r.hidden
                )
            }
            Total::NewInAudience => {
                let a = r.new_in_audience.unwrap_or_default();
                format!("{} of the new in your audience", a.count)
            }
            Total::RemovalPlan => format!(
                "removal plan: {} done, {} left",
                r.gone_planned, r.planned_left
            ),
            Total::Contacts => format!(
                "{}, {} merged",
                counted(r.contacts_added, "contact added", "contacts added"),
                r.contacts_merged
            ),
            Total::Invitations => format!("{} new invitations", r.invitations_added),
            Total::WithdrawalPlan => format!(
                "withdrawal plan: {} done, {} left",
                r.withdrawals_done, r.withdrawals_left
            ),
            Total::Messages => format!(
                "messages of {}",
                counted(r.messaged_matched, "contact", "contacts")
            ),
            Total::Employers => match r.employers_not_in_profile.is_empty() {
                true => (r.employers.as_ref())
                    .map(|e| e.current.join(", "))
                    .filter(|current| !current.is_empty())
                    .map_or("no current employer".to_string(), |c| {
                        format!("employer {c}")
                    }),
                false => format!(
                    "my_companies lacks {}",
                    r.employers_not_in_profile.join(", ")
                ),
            },
        }
    }

    pub fn import_failed(e: impl Display) -> String {
        format!("import failed, nothing changed: {e}")
    }

    pub fn not_suspended(e: impl Display) -> String {
        format!("could not suspend: {e}")
    }

    pub fn profile_not_changed(e: impl Display) -> String {
        format!("profile not changed: {e}")
    }

    /// A profile edit that was not taken; `reopen` is the key that reopens it.
    pub fn edit_kept(reopen: &str, why: impl Display) -> String {
        format!("{reopen} reopens your edit; {why}")
    }

    pub fn profile_saved(r: Rescored) -> String {
        format!(
            "profile saved; rescored {}: {} changed",
            counted(r.contacts as u64, "contact", "contacts"),
            counted(r.changed as u64, "score", "scores")
        )
    }
}
