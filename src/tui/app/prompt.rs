//! Prompts and confirmations: typing, completing (filter terms, tags, paths) and recalling
//! (the filters typed before), and what Enter does with each kind (filter, tag, export,
//! import, SSI reading, saved filter).
//!
//! Must not: do I/O (it asks the runtime with an effect).

use super::{
    App, Choice, Choices, Confirm, Effect, ExportRequest, FILTER_HISTORY_MAX, Overlay, Prompt,
    PromptKind, Recalled, View,
};
use crate::tui::strings::status;
use netcurate::error::did_you_mean;
use netcurate::export::{self, ExportKind};
use netcurate::ops;
use netcurate::store::SsiReading;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

impl App {
    pub(super) fn on_prompt_key(&mut self, mut p: Prompt, key: KeyEvent) -> Vec<Effect> {
        // Any key but Up and Down ends a walk through the history: the text recalled is
        // the prompt's now, to edit or apply.
        if !matches!(key.code, KeyCode::Up | KeyCode::Down) {
            p.recalled = None;
        }
        // Tab again walks through what the latest Tab listed; any other key ends the walk.
        let walking = matches!(key.code, KeyCode::Tab | KeyCode::BackTab);
        if let Some(c) = &mut p.choices
            && walking
            && c.shown_at(&p.input)
        {
            p.input = c.walk(key.code == KeyCode::BackTab).to_string();
            self.status = c.status();
            self.overlay = Overlay::Prompt(p);
            return vec![];
        }
        p.choices = None;
        match key.code {
            KeyCode::Esc => {
                match p.kind {
                    PromptKind::Filter => self.set_filter(&p.previous),
                    PromptKind::FindInvitation => self.find_invitations(&p.previous),
                    _ => {}
                }
                self.overlay = Overlay::None;
                self.status = p.status_before;
                return vec![];
            }
            KeyCode::Enter => {
                // The prompt is still open: its last text is applied first.
                self.settle();
                self.overlay = Overlay::None;
                self.status = p.status_before.clone();
                return self.submit_prompt(&p);
            }
            KeyCode::Backspace if key.modifiers.contains(KeyModifiers::ALT) => {
                delete_word(&mut p.input)
            }
            KeyCode::Backspace => {
                p.input.pop();
            }
            KeyCode::Tab if matches!(p.kind, PromptKind::TagAdd | PromptKind::TagRemove) => {
                // The prompt's line lists the tags it could still become.
                let word = netcurate::query::complete_word(&p.input, &p.words);
                if let Some(completed) = word.whole.or(word.longer) {
                    p.input = completed;
                }
                self.status = p.offer(word.choices.iter().map(|t| Choice::of(t, t)).collect());
            }
            KeyCode::Tab if p.kind == PromptKind::Assumption && !p.input.contains('=') => {
                let word = netcurate::query::complete_word(&p.input, &p.words);
                let list = (word.choices.iter())
                    .map(|name| Choice::of(name, &format!("{name}=")))
                    .collect();
                if let Some(completed) = word.longer {
                    p.input = completed;
                }
                self.status = p.offer(list);
                if let Some(name) = word.whole {
                    if let Some(now) = self.pillars.assumptions.get(&name) {
                        self.status = status::assumption_now(&name, now);
                    }
                    p.input = format!("{name}=");
                }
            }
            KeyCode::Tab if p.kind == PromptKind::Filter => {
                let network = &self.network;
                let values_of = |field: &str| netcurate::query::network_values(network, field);
                let words_of =
                    |field: &str, typed: &str| netcurate::query::words_in(self.hay(), field, typed);
                let completion = netcurate::query::complete(&p.input, &values_of, &words_of);
                let list = (completion.choices.iter())
                    .map(|name| Choice::of(name, &completion.text_with(name)))
                    .collect();
                p.input = completion.text;
                self.status = p.offer(list);
            }
            // The export's first word is its kind: Tab completes it, with the kind's file.
            KeyCode::Tab if p.kind == PromptKind::Export && !p.input.contains(' ') => {
                let kinds = ExportKind::ALL.map(|k| k.as_str().to_string());
                let word = netcurate::query::complete_word(&p.input, &kinds);
                let list = (word.choices.iter())
                    .filter_map(|name| {
                        Some(Choice::of(
                            name,
                            &self.export_text(ExportKind::parse(name)?),
                        ))
                    })
                    .collect();
                match (
                    word.whole.as_deref().and_then(ExportKind::parse),
                    word.longer,
                ) {
                    (Some(kind), _) => {
                        p.input = self.export_text(kind);
                    }
                    (None, Some(longer)) => p.input = longer,
                    (None, None) => {}
                }
                self.status = p.offer(list);
            }
            KeyCode::Tab if matches!(p.kind, PromptKind::Import | PromptKind::Export) => {
                let asked = p.input.clone();
                self.overlay = Overlay::Prompt(p);
                return vec![Effect::CompletePath(asked)];
            }
            KeyCode::Up | KeyCode::Down if p.kind == PromptKind::Filter => {
                self.recall_filter(&mut p, key.code == KeyCode::Up);
            }
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => p.input.clear(),
            KeyCode::Char('w') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                delete_word(&mut p.input)
            }
            KeyCode::Char(ch) if typed_char(key.modifiers) => p.input.push(ch),
            _ => {}
        }
        self.overlay = Overlay::Prompt(p);
        vec![]
    }

    /// Text pasted goes into the open prompt (or the help's search being typed) as if
    /// typed, but for its line breaks and tabs ([`as_typed`]): a pasted line break
    /// neither submits the prompt nor lets the rest of the text run as commands. Pasted
    /// in a view, it is a new filter (a name copied from an email finds its contact; Esc
    /// brings the filter back), or, when it is a whole path (a file dragged onto the
    /// terminal: [`dropped_path`]), the import prompt with that path; over anything else
    /// (the help, an explanation, a card, a question) it goes nowhere, and the status
    /// says so.
    pub(super) fn on_paste(&mut self, text: &str) {
        let dropped = dropped_path(text);
        if self.overlay == Overlay::None {
            if dropped.is_none() {
                self.show_view(View::Contacts);
            }
            let kind = match dropped {
                Some(_) => PromptKind::Import,
                None => PromptKind::Filter,
            };
            self.open_prompt(kind, String::new());
        }
        if self.overlay == Overlay::Help && self.help_search.typing {
            self.help_search.text.extend(as_typed(text));
            return;
        }
        let Overlay::Prompt(p) = &mut self.overlay else {
            self.status = status::PASTE_NOWHERE.to_string();
            return;
        };
        // A dropped file's path is the whole path to import, whatever the prompt offered.
        if let (PromptKind::Import, Some(path)) = (p.kind, dropped) {
            p.input = path;
            return;
        }
        p.input.extend(as_typed(text));
        p.recalled = None;
    }

    /// Up (`earlier`) shows the latest filter typed before the one shown that starts with
    /// the text typed (the whole history when none is); Down the next one after it, and
    /// past the latest, the text typed again.
    fn recall_filter(&self, p: &mut Prompt, earlier: bool) {
        let history = &self.filter_history;
        let typed = match &p.recalled {
            Some(r) => r.typed.clone(),
            None => p.input.clone(),
        };
        let recalls = |f: &String| f.starts_with(&typed) && *f != typed;
        let shown = p.recalled.as_ref().map_or(history.len(), |r| r.at);
        let found = match earlier {
            true => history[..shown].iter().rposition(recalls),
            false => (history.iter().enumerate().skip(shown + 1))
                .find(|(_, f)| recalls(f))
                .map(|(at, _)| at),
        };
        match found {
            Some(at) => {
                p.input = history[at].clone();
                p.recalled = Some(Recalled { at, typed });
            }
            // Past the latest: what was typed. Before the earliest: it stays.
            None if !earlier => {
                p.input = typed;
                p.recalled = None;
            }
            None => {}
        }
    }

    /// Adds `filter` to the history as its latest (once: an earlier use moves up), and
    /// asks for the history to be stored.
    fn remember_filter(&mut self, filter: &str) -> Vec<Effect> {
        if filter.is_empty() || self.filter_history.last().is_some_and(|f| f == filter) {
            return vec![];
        }
        self.filter_history.retain(|f| f != filter);
        self.filter_history.push(filter.to_string());
        let over = self.filter_history.len().saturating_sub(FILTER_HISTORY_MAX);
        self.filter_history.drain(..over);
        vec![Effect::RememberFilters(self.filter_history.clone())]
    }

    pub(super) fn submit_prompt(&mut self, p: &Prompt) -> Vec<Effect> {
        let input = p.input.trim();
        match p.kind {
            PromptKind::Filter => {
                if self.table.filter_error.is_some() {
                    // Keep the prompt open on a malformed term.
                    self.overlay = Overlay::Prompt(p.clone());
                    return vec![];
                }
                // The status says nothing of it: the filter line shows it with its count.
                self.remember_filter(input)
            }
            PromptKind::TagAdd | PromptKind::TagRemove if !input.is_empty() => {
                let add = p.kind == PromptKind::TagAdd;
                // Removing a tag nobody has is a typo's: the prompt stays, saying so.
                let untagged =
                    (!add).then(|| netcurate::query::untagged(input, &self.network.tags()));
                match ops::plan_tag(&self.network, &self.targets(), input, add) {
                    Ok(_) if let Some(Some(why)) = untagged => self.reopen(p, why),
                    Ok(op) => self.perform_tagging(op),
                    Err(e) => self.reopen(p, e.to_string()),
                }
            }
            PromptKind::Rename => match self.renaming.clone() {
                Some(of) => match self.rename_segment(&of, input) {
                    Ok(effects) => effects,
                    Err(why) => self.reopen(p, why),
                },
                None => vec![],
            },
            PromptKind::SaveFilter if !input.is_empty() => vec![Effect::SaveFilter {
                name: input.to_string(),
                query: self.table.filter.clone(),
            }],
            PromptKind::Import if !input.is_empty() => {
                vec![Effect::Import {
                    path: PathBuf::from(typed_path(input)),
                    allow_gone: false,
                }]
            }
            // Nothing typed, and no export found to offer: the prompt says what it wants.
            PromptKind::Import => self.reopen(p, status::IMPORT_NEEDS_PATH.to_string()),
            PromptKind::Export => self.submit_export(p),
            PromptKind::Assumption => {
                let mut assumptions = self.pillars.assumptions.clone();
                match assumptions.set(input) {
                    Ok(()) => vec![Effect::SetAssumptions {
                        assumptions,
                        assignment: input.to_string(),
                    }],
                    Err(e) => self.reopen(p, e),
                }
            }
            PromptKind::Ssi => match parse_ssi(input, self.network.as_of) {
                Ok(r) => vec![Effect::RecordSsi(r)],
                Err(e) => self.reopen(p, e),
            },
            _ => vec![],
        }
    }

    /// Keeps prompt `p` open with what was typed, saying what is wrong with it.
    pub(super) fn reopen(&mut self, p: &Prompt, problem: String) -> Vec<Effect> {
        self.status = problem;
        self.overlay = Overlay::Prompt(p.clone());
        vec![]
    }

    /// What a path typed without a kind exports: what `e` offers in the view, the
    /// withdrawal plan in the invitations view, else the contacts.
    fn bare_path_kind(&self) -> ExportKind {
        match self.view {
            View::Invitations => ExportKind::WithdrawalPlan,
            _ => ExportKind::Contacts,
        }
    }

    pub(super) fn submit_export(&mut self, p: &Prompt) -> Vec<Effect> {
        let input = p.input.trim();
        // A first word like a kind, misspelt ("removal-pla out.csv"), would export the
        // contacts to a file named after both words: ask again instead.
        let first = input.split(' ').next().unwrap_or_default();
        let like_a_path = first.contains(['.', '/', '\\', '~']);
        let near = did_you_mean(first, ExportKind::ALL.map(ExportKind::as_str));
        if ExportKind::parse(first).is_none() && !like_a_path && !near.is_empty() {
            return self.reopen(p, status::no_export_kind(first, &near));
        }
        let (kind, path) = match input.split_once(' ') {
            Some((k, rest)) if ExportKind::parse(k).is_some() => {
                (ExportKind::parse(k), rest.trim())
            }
            // A kind alone is a kind without a path, not a file named after it.
            _ if ExportKind::parse(input).is_some() => (None, ""),
            _ => (Some(self.bare_path_kind()), input),
        };
        let (path, delimiter) = export::split_delimiter(path);
        let Some(kind) = kind.filter(|_| !path.is_empty()) else {
            let problem = status::export_needs(ExportKind::NAMES);
            return self.reopen(p, problem);
        };
        let ids = if self.selected_count > 0 {
            self.targets()
        } else {
            self.table
                .ids
                .iter()
                .map(|&i| self.network.contacts[i as usize].id)
                .collect()
        };
        let typed = PathBuf::from(typed_path(path));
        let as_of = self.network.as_of;
        let path = export::file_for(&typed, kind, &self.export_name, as_of).into_owned();
        let delimiter = delimiter.unwrap_or_else(|| export::delimiter_for(&path));
        let request = ExportRequest {
            kind,
            path,
            ids,
            columns: kind.columns_for(self.applied_query().asks_about()),
            delimiter,
        };
        if request.path.exists() {
            self.overlay = Overlay::Confirm(Confirm::Overwrite(request));
            return vec![];
        }
        vec![Effect::Export {
            request,
            force: false,
        }]
    }

    pub(super) fn on_confirm_key(&mut self, c: Confirm, key: KeyEvent) -> Vec<Effect> {
        self.overlay = Overlay::None;
        if !matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y')) {
            self.status = status::CANCELLED.to_string();
            return vec![];
        }
        match c {
            Confirm::Prune(ids) => self.prune(&ids),
            Confirm::Overwrite(request) => vec![Effect::Export {
                request,
                force: true,
            }],
            Confirm::UndoImport(import) => vec![Effect::UndoImport(import)],
            Confirm::ImportAnyway { path, .. } => vec![Effect::Import {
                path,
                allow_gone: true,
            }],
        }
    }
}

/// The path a path prompt's text names. A path typed after the folder the prompt
/// started with starts again where it starts (as in Emacs: `~/Downloads//tmp/x.zip` is
/// `/tmp/x.zip`, `~/Downloads/~/x.zip` is `~/x.zip`), so that one pasted whole needs no
/// clearing first; then a leading `~/` is the home folder.
pub fn typed_path(input: &str) -> String {
    let restart = [input.rfind("//"), input.rfind("/~/")]
        .into_iter()
        .flatten()
        .max()
        .map_or(0, |i| i + 1);
    crate::platform::expand_home(&input[restart..])
}

/// The path a file dragged onto a terminal pastes, as terminals write it: quoted
/// (`'/home/you/My export.zip'`, Linux terminals; `"C:\Users\you\x.zip"`, Windows'), with
/// its spaces and brackets escaped (`/Users/you/My\ export.zip`, macOS'), or bare; none
/// when the text does not start as a whole path does (`/`, `~/`, a drive's `C:\`) or
/// holds more than one line.
pub fn dropped_path(text: &str) -> Option<String> {
    let text = text.trim();
    if text.contains(['\n', '\r']) {
        return None;
    }
    let quoted = ['\'', '"']
        .iter()
        .find_map(|&q| text.strip_prefix(q)?.strip_suffix(q));
    let path = match quoted {
        Some(inside) => inside.to_string(),
        // Windows' separator is a backslash: nothing there is escaped.
        None if text.contains(":\\") => text.to_string(),
        None => unescaped(text),
    };
    let drive = |p: &str| {
        let mut chars = p.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.next() == Some(':')
            && chars.next().is_some_and(|c| c == '\\' || c == '/')
    };
    (path.starts_with('/') || path.starts_with("~/") || drive(&path)).then_some(path)
}

/// `text` with each backslash-escaped character as itself (`My\ export` is `My export`).
fn unescaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        out.push(match c {
            '\\' => chars.next().unwrap_or(c),
            _ => c,
        });
    }
    out
}

pub(super) fn parse_ssi(input: &str, date: chrono::NaiveDate) -> Result<SsiReading, String> {
    let v: Vec<f64> = input
        .split_whitespace()
        .map(|s| s.parse::<f64>().map_err(|_| status::not_a_number(s)))
        .collect::<Result<_, _>>()?;
    let [total, brand, frp, engage, br] = v[..] else {
        return Err(status::SSI_NEEDS_FIVE.to_string());
    };
    let reading = SsiReading {
        date,
        total,
        brand,
        frp,
        engage,
        br,
        ..SsiReading::default()
    };
    match reading.out_of_range() {
        Some(_) => Err(status::SSI_RANGES.to_string()),
        None => Ok(reading),
    }
}

/// Whether a character key with these modifiers is text to type: without Ctrl, or with
/// Ctrl and Alt together, which is how Windows reports AltGr (`@`, `\`, `{` on many
/// European keyboards).
/// Pasted `text` as typed into a line: its line breaks and tabs as spaces, but for a line
/// break at its end (a line copied whole), left out.
fn as_typed(text: &str) -> impl Iterator<Item = char> + '_ {
    let text = text.trim_end_matches(['\r', '\n']);
    text.chars().map(|c| if c.is_control() { ' ' } else { c })
}

pub(super) fn typed_char(modifiers: KeyModifiers) -> bool {
    let alt_gr = KeyModifiers::CONTROL | KeyModifiers::ALT;
    !modifiers.contains(KeyModifiers::CONTROL) || modifiers.contains(alt_gr)
}

/// Deletes the last word typed (and the spaces after it), as Ctrl-W does in a shell.
fn delete_word(input: &mut String) {
    let kept = input.trim_end().rfind(' ').map_or(0, |space| space + 1);
    input.truncate(kept);
}

impl Prompt {
    /// Lists `list`, what Tab could complete the text to, for Tab again to walk through;
    /// gives what the status says of them.
    pub(super) fn offer(&mut self, list: Vec<Choice>) -> String {
        self.choices = Choices::listed(&self.input, list);
        self.choices
            .as_ref()
            .map(Choices::status)
            .unwrap_or_default()
    }
}
