//! The help overlay: its lines (every command's keys as bound, the filter terms, the
//! mouse, where keys are rebound), wrapped to its width, scrolled by the moving keys and
//! searched with `/`.
//!
//! Must not: draw (the view does) or know the terminal.

use super::{App, Effect, Overlay, prompt, scroll_delta};
use crate::tui::keymap::Command;
use crate::tui::strings;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// The help overlay's scroll: its first line shown, how many lines it shows, and how
/// many columns they have (0: as many as they take).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpScroll {
    pub top: usize,
    pub rows: usize,
    pub columns: usize,
}

impl HelpScroll {
    /// Moves by `delta` lines, keeping the last page of `len` lines full.
    pub(super) fn scroll_by(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(self.rows);
        self.top = self.top.saturating_add_signed(delta).min(last);
    }
}

/// The help's search: the text its lines must hold (case ignored; none: every line), and
/// whether it is being typed (`/` in the help starts it; Enter keeps it, Esc clears it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpSearch {
    pub text: String,
    pub typing: bool,
}

impl HelpSearch {
    pub fn is_on(&self) -> bool {
        self.typing || !self.text.is_empty()
    }
}

/// One line of the help overlay: a command's keys and what it does (no keys on the lines
/// it wraps onto), or a note.
#[derive(Debug, Clone, PartialEq)]
pub enum HelpLine {
    Keys(String, String),
    Note(String),
}

impl HelpLine {
    /// Where a line of keys starts saying what they do: after the keys, right-aligned in
    /// this many columns (more for longer keys), and two spaces.
    pub const KEYS_COLUMNS: usize = 16;

    /// This line broken at spaces into lines of at most `columns` columns (0: whole),
    /// what the keys do wrapping under itself, a note under its indent, each two columns in.
    fn wrapped(self, columns: usize) -> Vec<HelpLine> {
        if columns == 0 {
            return vec![self];
        }
        match self {
            HelpLine::Keys(keys, text) => {
                let keys_width = crate::columns::width(&keys).max(Self::KEYS_COLUMNS) + 2;
                let lines = crate::columns::wrap(&text, columns.saturating_sub(keys_width));
                let keys = std::iter::once(keys).chain(std::iter::repeat(String::new()));
                keys.zip(lines).map(|(k, t)| HelpLine::Keys(k, t)).collect()
            }
            HelpLine::Note(text) => (crate::columns::wrap(&text, columns).into_iter())
                .map(HelpLine::Note)
                .collect(),
        }
    }
}

impl App {
    /// A key for the help's search, if it is one: while a search is typed, every key but
    /// Enter (keeps it) and Esc (clears it); else the filter key (`/`) starts one, and Esc
    /// clears one kept (the next Esc closes the help). The help shows its top again.
    pub(super) fn on_help_search_key(&mut self, key: KeyEvent) -> Option<Vec<Effect>> {
        let command = self.keymap.command(&key);
        let search = &mut self.help_search;
        match key.code {
            _ if !search.typing && command == Some(Command::Filter) => {
                search.text.clear();
                search.typing = true;
            }
            _ if !search.typing && !search.text.is_empty() => match command {
                Some(Command::ClearSelection) => search.text.clear(),
                _ => return None,
            },
            _ if !search.typing => return None,
            KeyCode::Esc => *search = HelpSearch::default(),
            KeyCode::Enter => search.typing = false,
            KeyCode::Backspace => {
                search.text.pop();
            }
            KeyCode::Char(ch) if prompt::typed_char(key.modifiers) => search.text.push(ch),
            _ => {}
        }
        self.help.top = 0;
        Some(vec![])
    }

    /// The help overlay's lines: every command's keys, then the filter terms and where
    /// keys are rebound, wrapped to the overlay's columns (at 80 a line lost its end);
    /// only those the help's search finds, when it has one (and a line saying so when it
    /// finds none).
    pub fn help_lines(&self) -> Vec<HelpLine> {
        let mut lines: Vec<HelpLine> = (self.keymap.help_lines().into_iter())
            .map(|(keys, text)| HelpLine::Keys(keys, text.to_string()))
            .collect();
        lines.extend(
            strings::FILTER_HELP
                .iter()
                .map(|t| HelpLine::Note(t.to_string())),
        );
        lines.push(HelpLine::Note(
            strings::mouse_help(self.keymap.mouse).to_string(),
        ));
        if let Some(path) = &self.keymap.file {
            lines.push(HelpLine::Note(strings::rebind_keys_in(path)));
        }
        let search = &self.help_search;
        if !search.text.is_empty() {
            let wanted = search.text.to_lowercase();
            let holds = |text: &str| text.to_lowercase().contains(&wanted);
            lines.retain(|line| match line {
                HelpLine::Keys(keys, text) => holds(keys) || holds(text),
                HelpLine::Note(text) => holds(text),
            });
            if lines.is_empty() {
                lines.push(HelpLine::Note(strings::help_finds_nothing(&search.text)));
            }
        }
        (lines.into_iter())
            .flat_map(|line| line.wrapped(self.help.columns))
            .collect()
    }

    pub(super) fn open_help(&mut self) {
        self.help.top = 0;
        self.help_search = HelpSearch::default();
        self.overlay = Overlay::Help;
    }

    /// Moving keys scroll the open help.
    pub(super) fn scroll_help(&mut self, c: Command) {
        if let Some(delta) = scroll_delta(c, self.help.rows) {
            self.help.scroll_by(delta, self.help_lines().len());
        }
    }
}
