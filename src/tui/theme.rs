//! The workbench's colours and styles, in one place (its words are in strings.rs). Colour
//! is used sparingly and never carries meaning alone (every state also has a symbol or
//! word), so the screens read the same in monochrome (`NO_COLOR`).
//!
//! Must not: lay anything out, or hold words.

use netcurate::model::Decision;
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

    /// No colour: for tests, and for finding where a view draws what (a style moves
    /// nothing).
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

    /// Characters of a row where the filter matched.
    pub fn matched(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
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
