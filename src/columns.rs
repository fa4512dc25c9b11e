//! Text cut and padded to terminal columns (display width, so accents, emoji and CJK line
//! up), for the workbench's cells and the command line's tables alike.
//!
//! Must not: know what the text is.

use netcurate::text::seen;
use std::borrow::Cow;
use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

/// `text` ([`seen`]) cut to `width` columns, ending in "…" when it was cut.
pub fn fit(text: &str, width: u16) -> Cow<'_, str> {
    let text = seen(text);
    if text.width() <= usize::from(width) {
        return text;
    }
    if width == 0 {
        return "".into();
    }
    let (kept, _) = text.unicode_truncate(usize::from(width.saturating_sub(1)));
    format!("{kept}…").into()
}

/// `text` in exactly `width` columns: cut as [`fit`] cuts, then padded with spaces.
pub fn pad(text: &str, width: u16) -> String {
    let cut = fit(text, width);
    let room = usize::from(width).saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(room))
}

#[cfg(test)]
mod tests {
    use super::{Cow, fit, pad, seen};

    /// Text copied from a web page takes the columns it shows: no soft hyphen, zero-width
    /// space or direction mark counted, a no-break space as a space.
    #[test]
    fn invisible_characters_take_no_column() {
        assert_eq!(pad("Soft\u{ad}ware\u{a0}Inc\u{200e}", 14), "Software Inc  ");
        assert_eq!(fit("Head\u{200b} of Growth", 8), "Head of…");
        assert!(matches!(seen("Zoë Ødegård"), Cow::Borrowed(_)));
        // A control character would reach the terminal (an escape starts a sequence).
        assert_eq!(pad("Two\nLines\tCo\x1b[31m", 17), "Two Lines Co [31m");
        assert_eq!(pad("Two\nLines\tCo\x1b[31m", 18), "Two Lines Co [31m ");
    }

    #[test]
    fn cut_text_ends_in_an_ellipsis_within_its_width() {
        assert_eq!(fit("Hooli", 5), "Hooli");
        assert_eq!(fit("Hooli", 9), "Hooli");
        assert_eq!(fit("Stark Cloud", 8), "Stark C…");
        assert_eq!(fit("Dvořák", 4), "Dvo…");
        // Wide characters count twice: never past the width, even when a half is left.
        assert_eq!(fit("東京都庁", 5), "東京…");
        assert_eq!(fit("東京都庁", 6), "東京…");
        assert_eq!(fit("abc", 1), "…");
        assert_eq!(fit("abc", 0), "");
    }

    /// Padded cells line up by display width, whatever the script.
    #[test]
    fn padded_cells_take_exactly_their_columns() {
        assert_eq!(pad("Ann", 6), "Ann   ");
        assert_eq!(pad("Zoë", 4), "Zoë ");
        assert_eq!(pad("東京", 6), "東京  ");
        assert_eq!(pad("東京都庁", 5), "東京…");
        // Cut where a wide character would not fit: its half is a space.
        assert_eq!(pad("東京都庁", 6), "東京… ");
        assert_eq!(pad("Stark Cloud", 8), "Stark C…");
    }
}
