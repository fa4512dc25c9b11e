//! Colours and user-visible strings of the workbench, in one place. Colour is used
//! sparingly and never carries meaning alone (every state also has a symbol or word), so
//! the screens read the same in monochrome (`NO_COLOR`).
//!
//! Must not: lay anything out.

use super::app::View;
use super::keymap::Command;
use netcurate::model::{Contact, Decision};
use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set (https://no-color.org).
    pub fn from_env() -> Theme {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    #[cfg(test)]
    pub fn plain() -> Theme {
        Theme { color: false }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    pub fn header(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn cursor(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn selected(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow)
    }

    pub fn good(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn accent(&self) -> Style {
        self.fg(Color::Cyan)
    }

    pub fn decision(&self, d: Decision) -> Style {
        match d {
            Decision::Keep => self.fg(Color::Green),
            Decision::Prune => self.fg(Color::Red),
            Decision::Protect => self.fg(Color::Blue).add_modifier(Modifier::BOLD),
            Decision::Undecided => self.dim(),
        }
    }

    pub fn score(&self, score: Option<u8>) -> Style {
        match score {
            Some(s) if s >= 60 => self.fg(Color::Green),
            Some(s) if s >= 30 => self.fg(Color::Yellow),
            Some(_) => self.fg(Color::Red),
            None => self.dim(),
        }
    }
}

/// A contact's decision as a short word with a symbol, readable without colour. A planned
/// prune whose contact is gone in a newer export is done.
pub fn decision_label(c: &Contact) -> &'static str {
    match (c.decision, c.is_gone()) {
        (Decision::Prune, true) => "✓ done",
        (_, true) => "gone",
        (Decision::Undecided, false) => "·",
        (Decision::Keep, false) => "✓ keep",
        (Decision::Prune, false) => "✗ prune",
        (Decision::Protect, false) => "◆ protect",
    }
}

/// A 5-cell bar for a 0–100 score.
pub fn score_bar(score: Option<u8>) -> String {
    match score {
        None => "   -     ".to_string(),
        Some(s) => {
            let eighths = (u32::from(s) * 40).div_ceil(100) as usize;
            let mut bar = String::new();
            for cell in 0..5 {
                let fill = eighths.saturating_sub(cell * 8).min(8);
                bar.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'][fill]);
            }
            format!("{bar} {s:>3}")
        }
    }
}

pub const APP_NAME: &str = "netcurate";

/// Keys named by command (the user's own keys are shown), each group with its label:
/// "a keep · x prune …".
pub type KeyHints = &'static [(&'static [Command], &'static str)];

/// Under the triage card.
pub const TRIAGE_KEYS: KeyHints = &[
    (&[Command::Keep], "keep"),
    (&[Command::Prune], "prune"),
    (&[Command::Protect], "protect"),
    (&[Command::TagAdd], "tag"),
    (&[Command::ToggleSelect], "skip"),
    (&[Command::Up], "back"),
    (&[Command::OpenUrl], "open"),
    (&[Command::ClearSelection], "stop"),
];

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
            (&[OpenUrl], "open"),
            (&[Undo], "undo"),
            (&[Help], "help"),
        ],
        View::Segments => &[
            (&[Down, Up], "move"),
            (&[Left, Right], "pane"),
            (&[Explain], "filters the contacts"),
            (&[Help], "help"),
        ],
        View::Pillars => &[
            (&[RecordSsi], "records an SSI reading"),
            (&[Undo], "undo"),
            (&[Help], "help"),
        ],
    }
}

pub const HIDDEN_NAME: &str = "(hidden account)";
pub const INFERRED_NOTE: &str = "acceptance is inferred: accepted = the person is now a connection";
pub const TITLES_NOTE: &str = "titles are self-typed and often inflated";
/// The contacts view of an empty database; `import` is the import key as bound.
pub fn empty_network(import: &str) -> String {
    format!(
        "No contacts yet.

{import} imports your LinkedIn export: the .zip, its folder, or Connections.csv (or quit and run `netcurate import <path>`).

To get the export, on LinkedIn: Me → Settings & Privacy → Data privacy → Get a copy of your data; tick Connections, Invitations and Messages; LinkedIn e-mails a link, usually within 10 minutes.

To look around first: `netcurate demo` opens a made-up network."
    )
}
/// The help overlay's notes under the keys.
pub const FILTER_HELP: [&str; 6] = [
    "",
    "Filter terms: words (fuzzy) name: company: title: url: tag: -tag:",
    "  decision: score:<40 seniority:>=director connected:<2020-01-01",
    "  function:engineering flag:warm|hidden|duplicate|gone|job-change",
    "In a prompt: Enter ok · Esc cancel · Backspace · Ctrl-W deletes a word",
    "  · Ctrl-U clears · Tab completes a tag",
];
/// The contacts view when the filter matches no one; `clear` is the key that clears it.
pub fn no_match(clear: &str) -> String {
    format!("No contact matches the filter. {clear} clears it.")
}
