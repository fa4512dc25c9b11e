//! The workbench state and its pure `update(msg) -> effects`: every key becomes a named
//! command (keymap.rs), every command changes the state and may ask the runtime for an
//! effect (write to the database, open a URL, export). Nothing here does I/O, so every
//! command is tested without a terminal. Here: the state, the messages and effects, and
//! what every view shares (moving, undo, views); each view's own commands are in
//! `contacts`, `triage`, `invitations` and `segments`, prompts and confirmations in
//! `prompt`, the help in `help`, the mouse's wheel and clicks in `mouse`.
//!
//! Must not: touch the terminal, the database or files.

mod contacts;
mod help;
mod invitations;
mod mouse;
mod prompt;
mod segments;
mod triage;

pub use mouse::Clicked;
#[cfg(test)]
pub use mouse::WHEEL_ROWS;
#[cfg(test)]
pub use prompt::dropped_path;
pub use prompt::typed_path;

use super::keymap::{Command, Keymap};
use super::strings::{self, status};
pub use help::{HelpLine, HelpScroll, HelpSearch};
use netcurate::audience::Profile;
use netcurate::export::{self, ExportKind};
use netcurate::model::{ContactId, Decision, Function, InvitationId, Seniority};
use netcurate::network::{Figures, Network, Segment};
use netcurate::ops::{self, Op};
use netcurate::pillars::{self, Assumptions, Baseline, Projection};
use netcurate::query::{self, Haystack, Holds, Query, SortKey};
use netcurate::store::{Found, ImportRun, LoggedProjection, SsiReading};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashSet;
use std::path::PathBuf;

/// Pruning more contacts than this at once asks to confirm.
pub const CONFIRM_PRUNE_OVER: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Contacts,
    Invitations,
    Segments,
    Pillars,
}

/// The views `command` acts in, for those that act in some only (none: everywhere, or
/// moving, which needs no word): elsewhere the key says where it works instead of doing
/// nothing.
fn home_views(command: Command) -> &'static [View] {
    use Command::*;
    use View::*;
    match command {
        Keep | Prune | Protect | Reset | TagAdd | TagRemove | SortNext | SortReverse
        | SaveFilter | Triage => &[Contacts],
        Withdraw | WithdrawStale => &[Invitations],
        DeleteSegment => &[Segments],
        OpenUrl | Copy | ToggleSelect | RangeSelect | SelectAll => &[Contacts, Invitations],
        Explain | Export => &[Contacts, Invitations, Segments],
        _ => &[],
    }
}

impl View {
    pub const ALL: [View; 4] = [
        View::Contacts,
        View::Invitations,
        View::Segments,
        View::Pillars,
    ];

    pub fn title(self) -> &'static str {
        strings::view_title(self)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Filter,
    /// A pillar assumption: `name=value`.
    Assumption,
    TagAdd,
    TagRemove,
    Export,
    SaveFilter,
    /// The new name of the tag or saved filter [`App::renaming`].
    Rename,
    /// The text the invitations are narrowed to ([`App::invitation_find`]), as typed.
    FindInvitation,
    Import,
    Ssi,
}

impl PromptKind {
    pub fn label(self) -> &'static str {
        strings::prompt_label(self)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
    /// The filter (or the invitations' find) to restore when its prompt is cancelled.
    pub previous: String,
    /// What the prompt's text may become, gathered once when it opens: a tag prompt's
    /// (the network's tags, which its line lists at every frame) or an assumption's names.
    /// Tab completes among them.
    pub words: Vec<String>,
    /// While Up and Down walk the filter history: the filter shown, and the text typed
    /// before them.
    pub recalled: Option<Recalled>,
    /// The status as it was when the prompt opened. What the prompt says while open (what
    /// Tab could complete, why Enter did not take the text) is moot once it closes: the
    /// status goes back to this, unless what Enter does says something of its own.
    pub status_before: String,
    /// What the latest Tab listed, for Tab again to walk through.
    pub choices: Option<Choices>,
}

/// What a prompt's text could become, listed by a Tab that completed it only as far as
/// several choices agree. Tab again makes the text each choice's in turn (Shift-Tab goes
/// back), and past the last the text they were listed at; any other key ends the walk.
/// Shared, not copied, as the prompt is at each key (a company's Tab lists thousands).
#[derive(Debug, Clone, PartialEq)]
pub struct Choices {
    list: std::sync::Arc<[Choice]>,
    listed_at: String,
    at: Option<usize>,
}

/// One of [`Choices`]: its name, as the status lists it, and the prompt's whole text once
/// it is chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub name: String,
    pub text: String,
}

impl Choice {
    pub fn of(name: &str, text: &str) -> Choice {
        Choice {
            name: name.to_string(),
            text: text.to_string(),
        }
    }
}

impl Choices {
    /// The choices Tab listed at the prompt's text `input`: none when fewer than two.
    pub fn listed(input: &str, list: Vec<Choice>) -> Option<Choices> {
        (list.len() > 1).then(|| Choices {
            list: list.into(),
            listed_at: input.to_string(),
            at: None,
        })
    }

    /// Whether the prompt's text `input` is still what they were listed at or the choice
    /// walked to: only then does Tab walk on.
    pub fn shown_at(&self, input: &str) -> bool {
        input == self.text()
    }

    /// Walks to the next choice (the one before when `back`; past either end, back to the
    /// text they were listed at), and gives the prompt's text there.
    pub fn walk(&mut self, back: bool) -> &str {
        let last = self.list.len() - 1;
        self.at = match (self.at, back) {
            (None, false) => Some(0),
            (None, true) => Some(last),
            (Some(at), false) => (at < last).then_some(at + 1),
            (Some(at), true) => at.checked_sub(1),
        };
        self.text()
    }

    fn text(&self) -> &str {
        self.at.map_or(&self.listed_at, |at| &self.list[at].text)
    }

    /// What the status says of them: their names, the one walked to marked.
    pub fn status(&self) -> String {
        let names: Vec<&str> = self.list.iter().map(|c| c.name.as_str()).collect();
        status::choices(&names, self.at)
    }
}

/// A filter recalled from the history into the filter prompt: its place in
/// [`App::filter_history`], and the text typed before Up was pressed (only filters that
/// start with it are recalled).
#[derive(Debug, Clone, PartialEq)]
pub struct Recalled {
    pub at: usize,
    pub typed: String,
}

/// How many filters the history keeps.
pub const FILTER_HISTORY_MAX: usize = 100;

#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    Prune(Vec<ContactId>),
    /// Nothing is left to undo but the latest import, which goes back whole.
    UndoImport(ImportRun),
    /// The import of `path` was refused for the connections it would mark gone (`why`:
    /// the export looks older than the network, or not the network's). Import it anyway?
    ImportAnyway {
        path: PathBuf,
        why: String,
    },
    Overwrite(ExportRequest),
}

/// An export the user asked for: what, where, which contacts, their columns, and the
/// delimiter.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    pub kind: ExportKind,
    pub path: PathBuf,
    pub ids: Vec<ContactId>,
    /// Of [`netcurate::export::CONTACT_COLUMNS`]: the kind's, and what the filter asks
    /// about ([`ExportKind::columns_for`]).
    pub columns: Vec<usize>,
    pub delimiter: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    None,
    Help,
    Explain,
    Prompt(Prompt),
    Confirm(Confirm),
    /// A long job (an import) in progress.
    Progress {
        label: String,
        ratio: f64,
    },
    /// What failed, whole (an error names a file, a line and a reason: the status line
    /// would cut it), until a key is pressed.
    Failure(String),
    /// What an import did, line by line (files, rows skipped and why, warnings, totals),
    /// or where to act on a plan just written, until a key is pressed; Enter lists what
    /// an import found to look at (`lists`).
    Report {
        title: &'static str,
        lines: Vec<String>,
        lists: Option<ImportList>,
        shows: Shows,
    },
}

/// Which part of a box's lines shows on a screen too short for all of them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shows {
    /// Its first lines: a list newest first (the history), its oldest cut.
    Start,
    /// Its last lines: a report's totals, an error's reason.
    End,
}

/// What Enter on an import's report lists: the new connections it added to a network
/// that had some, else the job changes it recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportList {
    pub of: Found,
    /// The filter that lists them.
    pub filter: String,
}

impl ImportList {
    /// What Enter lists after the import `r` reported: its new connections, else its job
    /// changes, else the connections it found gone, else nothing.
    pub fn of_report(r: &netcurate::store::ImportReport) -> Option<ImportList> {
        (Found::ALL.into_iter())
            .find_map(|of| r.filter_of(of).map(|filter| ImportList { of, filter }))
    }
}

/// What the runtime must do for the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Persist(Op),
    Undo,
    Redo,
    /// Read the history of changes, at most this many, to show it.
    ReadHistory(usize),
    OpenUrl(String),
    /// Put these profile URLs on the clipboard, one per line (through the terminal).
    Copy(Vec<String>),
    /// Write the export; `force`: over the file that is there (the user said yes).
    Export {
        request: ExportRequest,
        force: bool,
    },
    SaveFilter {
        name: String,
        query: String,
    },
    DeleteFilter(String),
    EditProfile,
    /// Import `path`; `allow_gone`: even when it would mark gone connections it gives no
    /// sign were removed.
    Import {
        path: PathBuf,
        allow_gone: bool,
    },
    RecordSsi(SsiReading),
    /// Store the pillar assumptions, changed by `assignment` (`kappa=0.8`).
    SetAssumptions {
        assumptions: Assumptions,
        assignment: String,
    },
    /// Complete the path that ends this prompt text (the runtime reads the folder).
    CompletePath(String),
    /// Store the filter history (the latest filter typed joined it), for the next session.
    RememberFilters(Vec<String>),
    /// Take back the latest import whole (confirmed).
    UndoImport(ImportRun),
    /// Give the terminal back to the shell until the user brings the workbench back (`fg`).
    Suspend,
    Quit,
}

#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// Rows available to the table and to the help's text, and the pillars view's rows
    /// that do not fit, measured while it is shown (set from the terminal size).
    Resize {
        rows: usize,
        help_rows: usize,
        help_columns: usize,
        pillars_hidden: Option<usize>,
    },
    /// The store undid / redid this op (as it was done).
    Undone(Op),
    Redone(Op),
    /// A message for the status bar (an effect's result).
    Status(String),
    /// What the user asked for failed (an import, an export, a write): the message goes
    /// on the status bar and, whole, in a box until a key is pressed.
    Failed(String),
    /// An import is done: its report's lines, shown whole until a key is pressed, and
    /// what Enter lists.
    Imported {
        lines: Vec<String>,
        lists: Option<ImportList>,
    },
    /// A plan was written (`said`, as the status says it): where to act on it on LinkedIn
    /// shows in a box until a key is pressed.
    PlanWritten {
        said: String,
        where_to_act: &'static str,
    },
    /// The projections logged (a plan's, when it is written), oldest first.
    ProjectionsLogged(Vec<LoggedProjection>),
    /// The history of changes was read: its lines, shown in a box until a key is pressed.
    HistoryRead(Vec<String>),
    /// A saved filter was stored.
    FilterSaved(String, String),
    FilterDeleted(String),
    /// An SSI reading was stored.
    SsiRecorded(SsiReading),
    /// The pillar assumptions were stored, changed by `assignment`.
    AssumptionsSet {
        assumptions: Assumptions,
        assignment: String,
    },
    /// Nothing is left to undo but the latest import: ask before taking it back.
    ImportUndoable(ImportRun),
    /// The import of `path` was refused for the connections it would mark gone (`why`):
    /// ask before importing it anyway.
    ImportRefused {
        path: PathBuf,
        why: String,
    },
    /// The prompt text `asked` with its last path completed, and the names it could
    /// still become when the folder has several.
    PathCompleted {
        asked: String,
        completed: String,
        choices: Vec<Choice>,
    },
    /// The mouse wheel turned a notch, down or up: it moves as the moving keys do,
    /// [`WHEEL_ROWS`](mouse::WHEEL_ROWS) rows a notch, in the views and the help; in
    /// triage and in a box that waits for an answer, it does nothing.
    Wheel {
        down: bool,
    },
    /// A left click on what the screen shows there (the view finds it).
    Click(Clicked),
    /// Text pasted (the terminal marks a paste, so its line breaks are not Enter).
    Paste(String),
}

/// The invitations view's panes (outgoing, incoming) and the segments view's (the
/// segments, then the score, seniority, function and months charts).
pub const PANES_OF_INVITATIONS: usize = 2;
pub const PANES_OF_SEGMENTS: usize = 5;

/// What a row of the segments view's first pane is.
#[derive(Debug, Clone, PartialEq)]
pub enum SegmentOf {
    Tag(String),
    SavedFilter(String),
}

impl SegmentOf {
    /// Its name: the tag's, or the saved filter's.
    fn name(&self) -> &str {
        match self {
            SegmentOf::Tag(name) | SegmentOf::SavedFilter(name) => name,
        }
    }

    /// The segment of the same kind named `name` (what renaming it makes).
    fn named(&self, name: &str) -> SegmentOf {
        match self {
            SegmentOf::Tag(_) => SegmentOf::Tag(name.to_string()),
            SegmentOf::SavedFilter(_) => SegmentOf::SavedFilter(name.to_string()),
        }
    }
}

/// A segment with the figures the segments view shows beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentRow {
    pub segment: Segment,
    pub figures: Figures,
    /// Its contacts: positions in the network's contacts.
    pub members: Vec<u32>,
    /// What the charts count of it, worked out the first time the cursor is on it (most
    /// segments' charts are never shown).
    pub charts: std::cell::OnceCell<ChartCounts>,
}

impl SegmentRow {
    /// What the charts count of this segment, on the network's `months`.
    pub fn charts(&self, network: &Network, months: &[(i32, usize)]) -> &ChartCounts {
        self.charts.get_or_init(|| {
            let contacts = self.members.iter().map(|&i| &network.contacts[i as usize]);
            ChartCounts::of(contacts, months)
        })
    }
}

/// What the segments view's charts count of one segment's contacts: by score band (tens),
/// seniority and function (in their `ALL` order), and by month connected, on the months
/// of [`App::months`] (the network's, so that segments compare).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartCounts {
    pub scores: [usize; 10],
    pub tiers: [usize; Seniority::ALL.len()],
    pub functions: [usize; Function::ALL.len()],
    pub months: Vec<usize>,
}

/// The contacts table: filtered, sorted positions into `network.contacts`.
#[derive(Debug, Default)]
pub struct Table {
    pub ids: Vec<u32>,
    pub cursor: usize,
    pub offset: usize,
    pub filter: String,
    /// `filter` parsed, as applied (an invalid text is never applied).
    query: Query,
    pub filter_error: Option<String>,
    pub sort: SortKey,
    pub descending: bool,
    pub range_anchor: Option<usize>,
    /// Every contact in the current sort order; filtering walks it, so a keystroke never sorts.
    sorted_all: Vec<u32>,
    /// Why the filter finds no contact, when that is known: it asks for a tag nobody has.
    /// Worked out with the rows (a pass over every contact's tags), not on every frame.
    pub none_because: Option<String>,
}

/// Triage cards: an undecided queue walked one contact at a time.
#[derive(Debug, Clone, Default)]
pub struct Triage {
    pub queue: Vec<ContactId>,
    pub index: usize,
}

/// The segments view's pane of connections made per month.
pub const MONTHS_PANE: usize = 4;

/// The most text copied at once (some terminals take no more in one clipboard sequence):
/// about 2,000 profile URLs; more are exported instead.
const COPY_MOST_BYTES: usize = 100_000;

/// Per-pane cursors of the segments and invitations views.
#[derive(Debug, Default, Clone)]
pub struct Panes {
    pub focus: usize,
    pub cursor: [usize; 5],
    /// Where a range selection started in the focused pane, while one is going on.
    pub range_anchor: Option<usize>,
}

/// What the pillar projection needs beyond the network.
#[derive(Debug, Clone, Default)]
pub struct PillarInputs {
    pub assumptions: Assumptions,
    pub readings: Vec<SsiReading>,
    pub log: Vec<LoggedProjection>,
    pub threshold: f64,
}

pub struct App {
    pub network: Network,
    /// Lower-cased text for filtering, built on the first filter (not at start-up).
    hay: std::cell::OnceCell<Vec<Haystack>>,
    /// Contacts by name, built when a duplicate is first explained.
    namesakes: std::cell::OnceCell<netcurate::audience::Namesakes>,
    pub profile: Option<Profile>,
    pub keymap: Keymap,
    pub view: View,
    pub table: Table,
    /// Selected contacts, by position in `network.contacts`.
    pub selected: Vec<bool>,
    pub selected_count: usize,
    pub invitations: Panes,
    pub withdraw_selected: HashSet<InvitationId>,
    pub segments: Panes,
    pub saved_filters: Vec<Segment>,
    /// What the import prompt starts with: the folder the latest import came from, else
    /// (nothing imported yet) the newest LinkedIn export in the downloads folder.
    pub import_start: String,
    /// The command that imports from outside the workbench, as the empty network names it
    /// (with `--db` when the database is not the default one).
    pub import_command: String,
    /// The delimiter of the latest export to a `.csv` file, which the export prompt
    /// offers again (a European spreadsheet's `;` is chosen once).
    pub export_delimiter: u8,
    /// The filters typed into the filter prompt, this session's and earlier ones', the
    /// latest last: Up and Down in the prompt recall them.
    pub filter_history: Vec<String>,
    /// What the open export prompt's contacts are named for (a filter, a segment's name):
    /// the file it offers, and the file in a folder typed instead ([`export::file_name`]).
    pub export_name: String,
    /// Segment figures, recomputed when the data changes while the segments view is
    /// open (never per frame).
    pub segment_rows: Vec<SegmentRow>,
    /// Connections made per month (`year*12 + month0`, count), last 24 months with data.
    pub months: Vec<(i32, usize)>,
    pub pillars: PillarInputs,
    pub projection: Option<Projection>,
    pub triage: Option<Triage>,
    pub overlay: Overlay,
    pub status: String,
    pub page: usize,
    /// Where the help overlay is scrolled to.
    pub help: HelpScroll,
    /// What the help is searched for.
    pub help_search: HelpSearch,
    /// Where the pillars view is scrolled to, when it is taller than the screen.
    pub pillars_scroll: ViewScroll,
    /// While the first frame shows only the top of the list: how many contacts are
    /// loading.
    pub loading: Option<usize>,
    /// The tag or saved filter the rename prompt renames.
    pub renaming: Option<SegmentOf>,
    /// What the invitations view's panes are narrowed to: the invitations whose person's
    /// name or message holds it (case and accents ignored); empty, every one.
    pub invitation_find: String,
    /// Which invitations [`App::invitation_find`] finds, by their place (none: every
    /// one), worked out when it changes, not at each frame.
    pub found_invitations: Option<Vec<bool>>,
    /// Each invitation's person and message folded, as a find looks in them: made the
    /// first time a find needs them (the network's invitations change only with a reload,
    /// which makes a new App).
    pub invitation_hay: std::cell::OnceCell<Vec<String>>,
    pub quit: bool,
}

/// A view's scroll when it is taller than the screen: its first row shown, and how many
/// of its rows do not fit (0 when it all shows; set from the terminal size at each frame
/// while the view is shown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ViewScroll {
    pub top: usize,
    pub hidden: usize,
}

impl ViewScroll {
    /// Moves by `delta` rows, no further than the last row shown at the bottom.
    fn scroll_by(&mut self, delta: isize) {
        self.top = self.top.saturating_add_signed(delta).min(self.hidden);
    }
}

/// How far a moving command scrolls a text of pages of `rows` lines; `None` for a
/// command that does not move.
fn scroll_delta(c: Command, rows: usize) -> Option<isize> {
    let half = (rows / 2).max(1) as isize;
    Some(match c {
        Command::Down => 1,
        Command::Up => -1,
        Command::HalfPageDown => half,
        Command::HalfPageUp => -half,
        Command::Top => isize::MIN,
        Command::Bottom => isize::MAX,
        _ => return None,
    })
}

/// What imports recorded in this many days is news when the workbench opens.
const RECENT_DAYS: u64 = 7;

/// The week's news, in the order the `new` key lists them: the connections imports added,
/// the job changes they recorded, then the connections they found gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum News {
    Added,
    JobChanges,
    Gone,
}

impl News {
    pub const ALL: [News; 3] = [News::Added, News::JobChanges, News::Gone];

    /// The filter that lists them.
    pub fn filter(self) -> String {
        let field = match self {
            News::Added => "added",
            News::JobChanges => "changed",
            News::Gone => "gone",
        };
        format!("{field}:>={RECENT_DAYS}d")
    }

    /// The day an import recorded `c` as this news, if it did.
    fn day(self, c: &netcurate::model::Contact) -> Option<chrono::NaiveDate> {
        match self {
            News::Added => c.added_on,
            News::JobChanges => c.job_changed_on,
            News::Gone => c.gone_on,
        }
    }
}

impl App {
    pub fn new(
        network: Network,
        profile: Option<Profile>,
        keymap: Keymap,
        pillars: PillarInputs,
    ) -> App {
        let n = network.contacts.len();
        let mut app = App {
            network,
            hay: std::cell::OnceCell::new(),
            namesakes: std::cell::OnceCell::new(),
            profile,
            keymap,
            view: View::Contacts,
            table: Table {
                descending: true,
                ..Table::default()
            },
            selected: vec![false; n],
            selected_count: 0,
            invitations: Panes::default(),
            withdraw_selected: HashSet::new(),
            segments: Panes::default(),
            saved_filters: Vec::new(),
            import_start: String::new(),
            import_command: "netcurate import <path>".to_string(),
            export_delimiter: export::COMMA,
            filter_history: Vec::new(),
            export_name: String::new(),
            segment_rows: Vec::new(),
            months: Vec::new(),
            pillars,
            projection: None,
            triage: None,
            overlay: Overlay::None,
            status: String::new(),
            page: 20,
            help: HelpScroll {
                top: 0,
                rows: 20,
                columns: 0,
            },
            help_search: HelpSearch::default(),
            pillars_scroll: ViewScroll::default(),
            loading: None,
            renaming: None,
            invitation_find: String::new(),
            found_invitations: None,
            invitation_hay: std::cell::OnceCell::new(),
            quit: false,
        };
        app.months = App::connections_per_month(&app.network);
        // The months chart opens on the latest month: on a short screen, the recent ones
        // are those shown.
        app.segments.cursor[MONTHS_PANE] = app.months.len().saturating_sub(1);
        app.resort();
        app.refresh_projection();
        app
    }

    /// Says what the workbench says on opening (not on a reload, nor over the first frame
    /// of top rows): how to score a network without a profile (none is), else the week's
    /// news (how many connections imports added, how many job changes they recorded) and
    /// the key that lists them; else nothing.
    pub fn say_what_to_do_first(&mut self) {
        let new = self.keymap.key(Command::ShowNew);
        self.status = if self.profile.is_none() && !self.network.contacts.is_empty() {
            strings::no_profile(self.keymap.key(Command::EditProfile))
        } else {
            match self.news_counts() {
                counts if counts.iter().all(|&n| n == 0) => String::new(),
                counts => status::news_this_week(counts, new),
            }
        };
    }

    /// How many contacts each of the week's [`News`] holds.
    fn news_counts(&self) -> [usize; News::ALL.len()] {
        let since = self.network.as_of - chrono::Days::new(RECENT_DAYS);
        News::ALL.map(|news| {
            (self.network.contacts.iter())
                .filter(|c| news.day(c).is_some_and(|day| day >= since))
                .count()
        })
    }

    /// Lists the week's next news in the contacts view: the new connections, or, when they
    /// are listed already (or none), the job changes, then the connections gone; the
    /// status says what the key lists next.
    fn show_news(&mut self) {
        let counts = self.news_counts();
        let listed = News::ALL
            .iter()
            .position(|n| self.table.filter == n.filter());
        let start = listed.map_or(0, |i| i + 1);
        let next = (0..News::ALL.len())
            .map(|k| (start + k) % News::ALL.len())
            .find(|&i| counts[i] > 0);
        let Some(i) = next else {
            self.status = status::NO_NEWS.to_string();
            return;
        };
        self.set_filter(&News::ALL[i].filter());
        self.show_view(View::Contacts);
        let then = (1..News::ALL.len())
            .map(|k| (i + k) % News::ALL.len())
            .find(|&k| counts[k] > 0)
            .map(|k| (News::ALL[k], counts[k]));
        self.status = status::news_shown(News::ALL[i], self.table.ids.len(), then, &self.keymap);
    }

    // ---- derived data -------------------------------------------------------------

    pub fn hay(&self) -> &[Haystack] {
        self.hay.get_or_init(|| Haystack::all(&self.network))
    }

    /// Works out ahead, while no key waits, what a first filter would otherwise wait for:
    /// the haystacks (~75 ms at 100k), after the workbench opens and after each reload.
    pub fn prepare(&self) {
        self.hay();
    }

    /// Whether [`App::prepare`] has nothing left to do.
    #[cfg(test)]
    pub fn is_prepared(&self) -> bool {
        self.hay.get().is_some()
    }

    /// The contacts that the contact at `i` is a probable duplicate of.
    pub fn duplicates_of(&self, i: usize) -> Vec<usize> {
        let contacts = &self.network.contacts;
        (self.namesakes)
            .get_or_init(|| netcurate::audience::Namesakes::new(contacts))
            .of(contacts, i)
    }

    pub fn refresh_projection(&mut self) {
        let p = &self.pillars;
        let pair = pillars::features(&self.network, p.threshold, p.assumptions.stale_days);
        let last = p.readings.last();
        let baseline = Baseline {
            br: last.map(|r| r.br),
            frp: last.map(|r| r.frp),
            br_history: p.readings.iter().map(|r| r.br).collect(),
        };
        self.projection = Some(pillars::project(&pair, &baseline, &p.assumptions));
    }

    /// Sorts the table by `key`, its usual way round (the best scores, the latest dates
    /// first), saying so.
    fn sort_by(&mut self, key: SortKey) {
        self.table.sort = key;
        self.table.descending = key.descending_by_default();
        self.resort();
        self.status = status::sorted_by(key.as_str());
    }

    fn resort(&mut self) {
        let mut all: Vec<u32> = (0..self.network.contacts.len() as u32).collect();
        // Numeric sorts need no haystack: the first frame does not wait for one.
        let hay = if self.table.sort.needs_text() {
            self.hay()
        } else {
            &[]
        };
        query::sort(
            &mut all,
            &self.network,
            hay,
            self.table.sort,
            self.table.descending,
        );
        self.table.sorted_all = all;
        self.refilter();
    }

    /// The filter as applied: an invalid text is never applied, so it reads as none.
    pub fn applied_query(&self) -> &Query {
        &self.table.query
    }

    /// Re-runs the current filter over everything (after a change to the data or sort).
    fn refilter(&mut self) {
        self.table.ids = self.filter_all(&self.table.query);
        self.table.none_because = self.why_none(&self.table.query);
        self.clamp_cursor();
    }

    /// Why `q` finds no row, when it finds none and asks for what the network holds
    /// nowhere (scores before a profile, messages…), for a tag nobody has, or by a word
    /// that starts no word of anyone's.
    fn why_none(&self, q: &Query) -> Option<String> {
        if !self.table.ids.is_empty() {
            return None;
        }
        q.why_none(
            || Some(Holds::of(&self.network.contacts)),
            || Some(self.network.tags()),
            || Some(self.hay()),
            || strings::not_scored(self.keymap.key(Command::EditProfile)),
        )
    }

    /// The matching rows in sort order: test every contact in memory order, then walk
    /// the sorted order once.
    fn filter_all(&self, q: &Query) -> Vec<u32> {
        if q.is_empty() {
            return self.table.sorted_all.clone();
        }
        let mask = q.mask(&self.network, self.hay());
        self.table
            .sorted_all
            .iter()
            .copied()
            .filter(|&i| mask[i as usize])
            .collect()
    }

    /// Applies a filter as typed. When the new text only narrows the previous one, only
    /// the rows in view are tested again.
    pub fn set_filter(&mut self, text: &str) {
        match Query::parse(text, self.network.as_of) {
            Ok(q) => {
                let narrowing =
                    self.table.filter_error.is_none() && narrows(&self.table.filter, text);
                // Narrowing tests only the rows in view; when many rows are in view, one
                // pass in memory order beats jumping around in sort order.
                let few = self.table.ids.len() * 4 < self.table.sorted_all.len();
                self.table.ids = if narrowing && few {
                    q.filter(&self.network, self.hay(), self.table.ids.iter().copied())
                } else {
                    self.filter_all(&q)
                };
                self.table.filter = text.to_string();
                self.table.filter_error = None;
                self.table.none_because = self.why_none(&q);
                self.table.query = q;
                self.table.cursor = 0;
                self.table.offset = 0;
            }
            // Beside the filter typed, why, after the term unless the reason names it:
            // the line is short for both ("unknown field 'senority' (did you mean…").
            Err(netcurate::error::Error::Query { term, reason }) => {
                let parts = term.trim_start_matches('-').split(':');
                let named = parts
                    .filter(|p| !p.is_empty())
                    .any(|p| reason.contains(&format!("'{p}'")));
                self.table.filter_error = Some(match named {
                    true => reason,
                    false => format!("'{term}': {reason}"),
                })
            }
            Err(e) => self.table.filter_error = Some(e.to_string()),
        }
    }

    fn clamp_cursor(&mut self) {
        let n = self.table.ids.len();
        if self.table.cursor >= n {
            self.table.cursor = n.saturating_sub(1);
        }
        self.scroll_into_view();
    }

    fn scroll_into_view(&mut self) {
        let page = self.page.max(1);
        let t = &mut self.table;
        if t.cursor < t.offset {
            t.offset = t.cursor;
        } else if t.cursor >= t.offset + page {
            t.offset = t.cursor + 1 - page;
        }
    }

    /// The contact under the cursor (position in `network.contacts`).
    pub fn current(&self) -> Option<usize> {
        if let Some(t) = &self.triage {
            return t
                .queue
                .get(t.index)
                .and_then(|id| self.network.position_of(*id));
        }
        self.table.ids.get(self.table.cursor).map(|&i| i as usize)
    }

    /// The contacts an action applies to: the selection, else the row under the cursor.
    pub fn targets(&self) -> Vec<ContactId> {
        if self.triage.is_none() && self.selected_count > 0 {
            return self
                .selected
                .iter()
                .enumerate()
                .filter(|(_, s)| **s)
                .map(|(i, _)| self.network.contacts[i].id)
                .collect();
        }
        self.current()
            .map(|i| vec![self.network.contacts[i].id])
            .unwrap_or_default()
    }

    /// `y`: the profile URLs of the contacts an action applies to ([`App::targets`]).
    pub(super) fn copy_contacts(&mut self) -> Vec<Effect> {
        let ids = self.targets();
        let keys: Vec<String> = (ids.iter())
            .filter_map(|&id| {
                self.network
                    .contact(id)?
                    .url_key
                    .as_deref()
                    .map(str::to_string)
            })
            .collect();
        self.copy_profiles(ids.len(), keys)
    }

    /// Asks the runtime to copy the URLs of profile `keys` (of `asked` people, some maybe
    /// without one), or says why not: none has a URL, or too many for one copy.
    pub(super) fn copy_profiles(&mut self, asked: usize, keys: Vec<String>) -> Vec<Effect> {
        let urls: Vec<String> = (keys.iter())
            .map(|k| netcurate::import::url::key_to_url(k))
            .collect();
        let bytes: usize = urls.iter().map(|u| u.len() + 1).sum();
        if urls.is_empty() {
            self.status = match asked {
                1 => status::NO_URL,
                _ => status::NO_URLS,
            }
            .to_string();
            return vec![];
        }
        if bytes > COPY_MOST_BYTES {
            self.status = status::too_many_to_copy(urls.len(), self.keymap.key(Command::Export));
            return vec![];
        }
        vec![Effect::Copy(urls)]
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let effects = self.update_queued(msg);
        self.settle();
        effects
    }

    /// [`App::update`], except that text typed into the filter prompt is left for
    /// [`App::settle`] to apply. The event loop handles every key already queued (a paste,
    /// key repeat, typing faster than the filter) before it settles and draws: a filter is
    /// worked out for the last text only, never for the texts in between, whose results
    /// would be stale before they were shown.
    pub fn update_queued(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Key(key) => return self.on_key(key),
            Msg::Wheel { down } => return self.on_wheel(down),
            Msg::Click(clicked) => return self.on_click(clicked),
            Msg::Paste(text) => self.on_paste(&text),
            Msg::Resize {
                rows,
                help_rows,
                help_columns,
                pillars_hidden,
            } => self.on_resize(rows, (help_rows, help_columns), pillars_hidden),
            Msg::Undone(op) => {
                for inverse in op.inverse() {
                    inverse.apply_to(&mut self.network);
                }
                self.follow_in_triage(&op, true);
                self.after_change(status::undid(&op.describe()));
            }
            Msg::Redone(op) => {
                op.apply_to(&mut self.network);
                self.follow_in_triage(&op, false);
                self.after_change(status::redid(&op.describe()));
            }
            Msg::Status(s) => {
                self.status = s;
            }
            Msg::Failed(s) => {
                self.overlay = Overlay::Failure(s.clone());
                self.status = s;
            }
            Msg::Imported { lines, lists } => {
                let title = strings::IMPORT_REPORT;
                self.overlay = Overlay::Report {
                    title,
                    lines,
                    lists,
                    shows: Shows::End,
                };
            }
            Msg::HistoryRead(lines) => {
                self.overlay = Overlay::Report {
                    title: strings::HISTORY,
                    lines,
                    lists: None,
                    shows: Shows::Start,
                };
            }
            Msg::ProjectionsLogged(log) => self.pillars.log = log,
            Msg::PlanWritten { said, where_to_act } => {
                self.overlay = Overlay::Report {
                    title: strings::PLAN_WRITTEN,
                    lines: vec![said.clone(), where_to_act.to_string()],
                    lists: None,
                    shows: Shows::End,
                };
                self.status = said;
            }
            Msg::FilterSaved(name, query) => {
                ops::put_saved_filter(&mut self.saved_filters, &name, Some(&query));
                self.status = self.undoable(status::saved_segment(&name));
                self.refresh_segments();
            }
            Msg::FilterDeleted(name) => {
                ops::put_saved_filter(&mut self.saved_filters, &name, None);
                self.status = self.undoable(status::deleted_segment(&name));
                self.refresh_segments();
            }
            Msg::AssumptionsSet {
                assumptions,
                assignment,
            } => {
                self.pillars.assumptions = assumptions;
                self.refresh_projection();
                self.status = self.undoable(status::assumption_set(&assignment));
            }
            Msg::SsiRecorded(r) => {
                self.pillars.readings.push(r);
                self.pillars.readings.sort_by_key(|r| r.date);
                self.refresh_projection();
                let recorded = status::recorded_ssi(r.total, r.br, r.date, r.pillars_disagree());
                self.status = self.undoable(recorded);
            }
            Msg::ImportRefused { path, why } => {
                self.status = status::import_failed(&why);
                self.overlay = Overlay::Confirm(Confirm::ImportAnyway { path, why });
            }
            Msg::ImportUndoable(import) => {
                self.overlay = Overlay::Confirm(Confirm::UndoImport(import));
            }
            Msg::PathCompleted {
                asked,
                completed,
                choices,
            } => {
                // Only into the prompt that asked, unchanged since (a late answer is dropped).
                if let Overlay::Prompt(p) = &mut self.overlay
                    && p.input == asked
                {
                    p.input = completed;
                    self.status = p.offer(choices);
                }
            }
        }
        vec![]
    }

    /// The screen's size, measured as the frame is drawn: `rows` of the table, the help's
    /// rows and columns, and how many rows of the pillars view do not fit (when shown).
    fn on_resize(&mut self, rows: usize, help: (usize, usize), pillars_hidden: Option<usize>) {
        self.page = rows.max(1);
        if let Some(hidden) = pillars_hidden {
            self.pillars_scroll.hidden = hidden;
            self.pillars_scroll.scroll_by(0);
        }
        (self.help.rows, self.help.columns) = (help.0.max(1), help.1);
        // Resize comes with every frame: the help's lines are made only when open.
        if self.overlay == Overlay::Help {
            self.help.scroll_by(0, self.help_lines().len());
        }
        self.scroll_into_view();
    }

    /// A change's message, followed by the key that undoes it (" — u to undo").
    fn undoable(&self, said: String) -> String {
        format!("{said}{}", self.keymap.undo_hint())
    }

    fn after_change(&mut self, status: String) {
        self.refresh_segments();
        if self.table.sort == SortKey::Decision {
            self.resort();
        } else {
            self.refilter();
        }
        self.refresh_projection();
        self.status = status;
    }

    /// Applies an op to the state and asks the runtime to persist it.
    fn perform(&mut self, op: Op) -> Vec<Effect> {
        self.perform_noting(op, String::new())
    }

    /// [`App::perform`], its message followed by `note`.
    fn perform_noting(&mut self, op: Op, note: String) -> Vec<Effect> {
        if op.is_empty() {
            self.status = status::NOTHING_TO_CHANGE.to_string();
            return vec![];
        }
        op.apply_to(&mut self.network);
        // The hint goes first when the status line is short (see the view).
        self.after_change(self.undoable(format!("{}{note}", op.describe())));
        vec![Effect::Persist(op)]
    }

    /// Tags or untags, saying which saved filters find no one once a tag is taken off the
    /// last contacts that had it, and when a new tag looks like a typo of one held.
    fn perform_tagging(&mut self, op: Op) -> Vec<Effect> {
        let emptied = ops::filters_emptied_by(&self.network, &self.saved_filters, &op);
        let near = ops::new_tag_near(&self.network.tags(), &op);
        let note = format!(
            "{}{}",
            status::new_tag(&near),
            status::filters_emptied(&emptied)
        );
        self.perform_noting(op, note)
    }

    /// Marks `ids` for pruning, saying how many of them are colleagues.
    fn prune(&mut self, ids: &[ContactId]) -> Vec<Effect> {
        let colleagues = ops::colleagues_to_prune(&self.network, ids);
        let op = ops::plan_decide(&self.network, ids, Decision::Prune);
        let note = status::colleagues_among(colleagues, op.len());
        self.perform_noting(op, note)
    }

    /// Applies the text of the open filter prompt, unless the table already shows it (or
    /// of the invitations' find prompt, unless the invitations show it).
    pub fn settle(&mut self) {
        if let Overlay::Prompt(p) = &self.overlay
            && p.kind == PromptKind::Filter
            && (p.input != self.table.filter || self.table.filter_error.is_some())
        {
            let text = p.input.clone();
            self.set_filter(&text);
        }
        if let Overlay::Prompt(p) = &self.overlay
            && p.kind == PromptKind::FindInvitation
            && p.input != self.invitation_find
        {
            let text = p.input.clone();
            self.find_invitations(&text);
        }
    }

    fn on_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if let Some(after_escape) = escape_then(&key) {
            let mut effects = self.on_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
            effects.extend(self.on_key(after_escape));
            return effects;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.quit = true;
            return vec![Effect::Quit];
        }
        // Suspend's key works everywhere (a box, triage), but a plain key bound to it is
        // typed in a prompt.
        let typing = matches!(self.overlay, Overlay::Prompt(_))
            && !key.modifiers.contains(KeyModifiers::CONTROL);
        if !typing && self.keymap.command(&key) == Some(Command::Suspend) {
            return vec![Effect::Suspend];
        }
        match self.overlay.clone() {
            Overlay::Prompt(p) => return self.on_prompt_key(p, key),
            Overlay::Confirm(c) => return self.on_confirm_key(c, key),
            Overlay::Progress { .. } => return vec![],
            Overlay::Report {
                lists: Some(list), ..
            } if key.code == KeyCode::Enter => {
                self.overlay = Overlay::None;
                self.set_filter(&list.filter);
                self.view = View::Contacts;
                let shown = self.table.ids.len();
                self.status = match list.of {
                    Found::NewConnections => {
                        status::new_connections_shown(shown, self.keymap.key(Command::Triage))
                    }
                    Found::JobChanges => {
                        status::job_changes_shown(shown, self.keymap.key(Command::Explain))
                    }
                    Found::Gone => status::gone_shown(shown, self.keymap.key(Command::Explain)),
                };
                return vec![];
            }
            // Any other key closes it, and does nothing else: it was not meant for the view.
            Overlay::Failure(_) | Overlay::Report { .. } => {
                self.overlay = Overlay::None;
                return vec![];
            }
            Overlay::Help if let Some(effects) = self.on_help_search_key(key) => return effects,
            Overlay::Help | Overlay::Explain => {
                let command = self.keymap.command(&key);
                if matches!(
                    command,
                    Some(
                        Command::Quit | Command::ClearSelection | Command::Help | Command::Explain
                    )
                ) {
                    self.overlay = Overlay::None;
                    return vec![];
                }
                if self.overlay == Overlay::Help {
                    if let Some(c) = command {
                        self.scroll_help(c);
                    }
                    return vec![];
                }
            }
            Overlay::None => {}
        }
        match self.keymap.command(&key) {
            Some(c) => self.on_command(c),
            None => vec![],
        }
    }

    fn open_prompt(&mut self, kind: PromptKind, input: String) {
        let words = match kind {
            PromptKind::TagAdd | PromptKind::TagRemove => self.all_tags(),
            PromptKind::Assumption => Assumptions::NAMES.map(String::from).to_vec(),
            _ => Vec::new(),
        };
        let previous = match kind {
            PromptKind::FindInvitation => self.invitation_find.clone(),
            _ => self.table.filter.clone(),
        };
        self.overlay = Overlay::Prompt(Prompt {
            kind,
            input,
            previous,
            words,
            recalled: None,
            status_before: self.status.clone(),
            choices: None,
        });
    }

    /// Opens the export prompt on an export of `kind` to `netcurate-<name>-<day>.csv`, with
    /// the delimiter the latest `.csv` export chose.
    fn open_export_prompt(&mut self, kind: ExportKind, name: &str) {
        self.export_name = name.to_string();
        let text = self.export_text(kind);
        self.open_prompt(PromptKind::Export, text);
    }

    /// The export prompt's text for an export of `kind` to its file named for
    /// [`App::export_name`] ([`export::file_name`]), with the delimiter the latest `.csv`
    /// export chose.
    fn export_text(&self, kind: ExportKind) -> String {
        let file = export::file_name(kind, &self.export_name, self.network.as_of);
        let text = format!("{} {file}", kind.as_str());
        match self.export_delimiter {
            export::COMMA => text,
            d => format!("{text} {}", export::delimiter_name(d)),
        }
    }

    /// Switches to `view`. An open explanation closes: it was about a row of the view
    /// left (a contact, or an invitation), and would show another's over the new view.
    fn show_view(&mut self, view: View) {
        self.view = view;
        if self.overlay == Overlay::Explain {
            self.overlay = Overlay::None;
        }
        if view == View::Segments {
            self.refresh_segments();
        }
    }

    fn on_command(&mut self, c: Command) -> Vec<Effect> {
        if self.triage.is_some() {
            return self.on_triage_command(c);
        }
        match c {
            Command::Quit => {
                self.quit = true;
                return vec![Effect::Quit];
            }
            Command::Help => self.open_help(),
            Command::ViewContacts => self.show_view(View::Contacts),
            Command::ViewInvitations => self.show_view(View::Invitations),
            Command::ViewSegments => self.show_view(View::Segments),
            Command::ViewPillars => self.show_view(View::Pillars),
            Command::NextView => {
                let i = View::ALL.iter().position(|v| *v == self.view).unwrap_or(0);
                self.show_view(View::ALL[(i + 1) % View::ALL.len()]);
            }
            Command::Undo => return vec![Effect::Undo],
            Command::Redo => return vec![Effect::Redo],
            // As many as the screen shows (earlier imports follow the changes).
            Command::History => return vec![Effect::ReadHistory((self.page / 2).max(3))],
            Command::EditProfile => return vec![Effect::EditProfile],
            Command::Import => self.open_prompt(PromptKind::Import, self.import_start.clone()),
            // The filter is the contacts': from another view it goes there (typed keys
            // were read as that view's commands).
            // In the invitations view it finds an invitation by its person or message.
            Command::Filter if self.view == View::Invitations => {
                self.open_prompt(PromptKind::FindInvitation, self.invitation_find.clone());
            }
            Command::Filter => {
                self.show_view(View::Contacts);
                self.open_prompt(PromptKind::Filter, self.table.filter.clone());
            }
            Command::ShowNew => self.show_news(),
            Command::RecordSsi => self.open_prompt(PromptKind::Ssi, String::new()),
            Command::SetAssumption => self.open_prompt(PromptKind::Assumption, String::new()),
            // Triage walks the contacts: from another view it goes there.
            Command::Triage if self.view != View::Contacts => {
                self.show_view(View::Contacts);
                return self.on_contacts_command(c);
            }
            _ => {
                let homes = home_views(c);
                if !homes.is_empty() && !homes.contains(&self.view) {
                    self.status = status::acts_in(c, homes, &self.keymap);
                    return vec![];
                }
                return match self.view {
                    View::Contacts => self.on_contacts_command(c),
                    View::Invitations => self.on_invitations_command(c),
                    View::Segments => self.on_segments_command(c),
                    View::Pillars => {
                        // Moving keys scroll it (when it is taller than the screen).
                        if let Some(delta) = scroll_delta(c, self.page) {
                            self.pillars_scroll.scroll_by(delta);
                        }
                        vec![]
                    }
                };
            }
        }
        vec![]
    }

    fn move_cursor(&mut self, c: Command) -> bool {
        let n = self.table.ids.len();
        let Some(cursor) = moved_cursor(c, self.table.cursor, n, self.page) else {
            return false;
        };
        self.put_cursor(cursor);
        true
    }

    /// Puts the table's cursor at `place` (the last row at most), extending a range
    /// selection going on, and scrolls it into view.
    fn put_cursor(&mut self, place: usize) {
        let Some(last) = self.table.ids.len().checked_sub(1) else {
            return;
        };
        self.table.cursor = place.min(last);
        self.select_table_range();
        self.scroll_into_view();
    }
}

/// The key after an Esc, when `key` is Alt+key: a terminal sends Alt+key as Esc followed
/// by the key, so Esc and then a key typed fast (or arriving together over a slow link)
/// reads as Alt+key. netcurate binds nothing to Alt, so it is Esc, then the key. Alt+
/// Backspace stays itself (a prompt deletes a word with it, as a shell does).
fn escape_then(key: &KeyEvent) -> Option<KeyEvent> {
    let alt_alone =
        key.modifiers.contains(KeyModifiers::ALT) && !key.modifiers.contains(KeyModifiers::CONTROL);
    (alt_alone && key.code != KeyCode::Backspace).then(|| KeyEvent {
        modifiers: key.modifiers - KeyModifiers::ALT,
        ..*key
    })
}

/// Whether `new` can only match a subset of what `old` matched (so filtering can start
/// from the rows in view): the old text is a prefix, and its last term was a bare word
/// or a substring field, or the new text adds whole terms. A value's alternatives
/// widen it: typed on after a `|` (`company:hooli|` reads as `company:hooli`), or
/// with another `|`.
pub fn narrows(old: &str, new: &str) -> bool {
    if old.is_empty() || !new.starts_with(old) || old.matches('"').count() % 2 == 1 {
        return false;
    }
    if old.ends_with(' ') {
        return true;
    }
    let last = query::last_term(old);
    let substring_field = query::is_text_field_term(last);
    let rest = &new[old.len()..];
    (!last.contains(':') && !last.starts_with('-') || substring_field)
        && !rest.contains(['"', '|'])
        && !last.ends_with('|')
}

/// Starts a range selection at `cursor`, or ends the one going on; whether it started.
fn toggle_range(anchor: &mut Option<usize>, cursor: usize) -> bool {
    let started = anchor.take().is_none();
    if started {
        *anchor = Some(cursor);
    }
    started
}

/// The rows a range selection covers: from where it started to the cursor, either way.
fn range_rows(anchor: usize, cursor: usize) -> std::ops::RangeInclusive<usize> {
    anchor.min(cursor)..=anchor.max(cursor)
}

/// Where a moving command takes a cursor over `len` rows on a page of `page` rows; `None`
/// for a command that does not move.
fn moved_cursor(c: Command, cursor: usize, len: usize, page: usize) -> Option<usize> {
    let (last, half) = (len.saturating_sub(1), (page / 2).max(1));
    Some(match c {
        Command::Down => (cursor + 1).min(last),
        Command::Up => cursor.saturating_sub(1),
        Command::Top => 0,
        Command::Bottom => last,
        Command::HalfPageDown => (cursor + half).min(last),
        Command::HalfPageUp => cursor.saturating_sub(half),
        _ => return None,
    })
}
