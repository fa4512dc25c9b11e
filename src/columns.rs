//! Text cut and padded to terminal columns (display width, so accents, emoji and CJK line
//! up), for the workbench's cells and the command line's tables alike.
//!
//! Must not: know what the text is.

use netcurate::text::seen;
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The columns `text` takes on a terminal: its graphemes' widths added up, as ratatui
/// draws them and terminals show them (`str::width` counts Arabic's lam-alef as one
/// ligature's column, where a terminal gives each letter its own).
pub fn width(text: &str) -> usize {
    // Below the combining marks (ASCII, Latin letters with their accents) every
    // character is a grapheme of its own: the quick sum is the same.
    match text.is_ascii() || text.chars().all(|c| c < '\u{300}') {
        true => text.width(),
        false => text.graphemes(true).map(UnicodeWidthStr::width).sum(),
    }
}

/// `text` ([`seen`]) cut to `columns` columns, ending in "…" when it was cut.
pub fn fit(text: &str, columns: u16) -> Cow<'_, str> {
    let text = seen(text);
    if width(&text) <= usize::from(columns) {
        return text;
    }
    if columns == 0 {
        return "".into();
    }
    format!("{}…", start_within(&text, usize::from(columns - 1))).into()
}

/// `text` cut from its start to `columns` columns, starting with "…" when it was cut: the
/// end of what is being typed, where the cursor is.
pub fn fit_end(text: &str, columns: u16) -> Cow<'_, str> {
    if width(text) <= usize::from(columns) {
        return text.into();
    }
    if columns == 0 {
        return "".into();
    }
    format!("…{}", end_within(text, usize::from(columns - 1))).into()
}

/// The longest start of `text` that takes at most `room` columns ([`width`]).
fn start_within(text: &str, room: usize) -> &str {
    let mut used = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        used += grapheme.width();
        if used > room {
            return &text[..at];
        }
    }
    text
}

/// The longest end of `text` that takes at most `room` columns ([`width`]).
fn end_within(text: &str, room: usize) -> &str {
    let mut used = 0;
    for (at, grapheme) in text.grapheme_indices(true).rev() {
        used += grapheme.width();
        if used > room {
            return &text[at + grapheme.len()..];
        }
    }
    text
}

/// `text` in exactly `columns` columns: cut as [`fit`] cuts, then padded with spaces.
pub fn pad(text: &str, columns: u16) -> String {
    let cut = fit(text, columns);
    let room = usize::from(columns).saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(room))
}

/// The columns the widest of `texts` takes as [`pad`] shows it (0 for none; at most
/// `u16::MAX`): a column sized to what it holds.
pub fn widest<S: AsRef<str>>(texts: impl IntoIterator<Item = S>) -> u16 {
    let widths = texts.into_iter().map(|t| width(&seen(t.as_ref())));
    widths.max().unwrap_or(0).min(usize::from(u16::MAX)) as u16
}

/// `line` broken at spaces into lines of at most `width` columns, for a terminal that
/// would break it mid-word: the lines after the first are indented two columns past the
/// first's own indent. A word longer than a line stays whole on its own line, and so does
/// a `command in backquotes` (to be copied whole).
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let words = unbroken_words(&line[indent..]);
    let lines = lay_out(indent, words, width, |w| self::width(w));
    (lines.into_iter())
        .map(|(indent, words)| format!("{}{}", " ".repeat(indent), words.join(" ")))
        .collect()
}

/// `words` laid out greedily in lines of at most `width` columns, one space between
/// them: each line's indent (`indent` for the first, two more for the others) and words.
/// A word longer than a line stays whole on its own line. The one rule behind [`wrap`]
/// and the workbench's styled lines.
pub fn lay_out<W>(
    indent: usize,
    words: impl IntoIterator<Item = W>,
    width: usize,
    width_of: impl Fn(&W) -> usize,
) -> Vec<(usize, Vec<W>)> {
    let mut lines = vec![(indent, Vec::new())];
    let mut used = indent;
    for word in words {
        let word_width = width_of(&word);
        let (_, current) = lines.last_mut().expect("a line");
        if !current.is_empty() && used + 1 + word_width > width {
            used = indent + 2 + word_width;
            lines.push((indent + 2, vec![word]));
        } else {
            used += word_width + usize::from(!current.is_empty());
            current.push(word);
        }
    }
    lines
}

/// The words of `text` between single spaces, a span in backquotes counting as one.
fn unbroken_words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (at, ch) in text.char_indices() {
        match ch {
            '`' => quoted = !quoted,
            ' ' if !quoted => {
                words.push(&text[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    words.push(&text[start..]);
    words
}

#[cfg(test)]
mod tests {
    use super::{Cow, fit, fit_end, pad, seen, wrap};

    /// Text too long keeps its end (to the last wide character that fits), after "…".
    #[test]
    fn text_cut_from_its_start_keeps_its_end() {
        assert_eq!(
            fit_end("~/Downloads/leads.csv", 30),
            "~/Downloads/leads.csv"
        );
        assert_eq!(fit_end("~/Downloads/leads.csv", 10), "…leads.csv");
        assert_eq!(fit_end("東京/名古屋.csv", 9), "…古屋.csv");
        assert_eq!(fit_end("東京/名古屋.csv", 8), "…屋.csv");
        assert_eq!(fit_end("abc", 0), "");
    }

    /// A long line breaks at spaces within the width, its later lines indented under it.
    #[test]
    fn long_lines_break_at_spaces_with_a_hanging_indent() {
        let line = "  seniority: cxo (C-level, president or managing director; confidence 90%)";
        let lines = wrap(line, 40);
        assert_eq!(
            lines,
            [
                "  seniority: cxo (C-level, president or",
                "    managing director; confidence 90%)",
            ]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 40));
        assert_eq!(wrap("short", 40), ["short"]);
        // A word longer than the width is kept whole.
        assert_eq!(
            wrap(
                "see https://www.linkedin.com/in/a-very-long-slug-indeed",
                20
            ),
            [
                "see",
                "  https://www.linkedin.com/in/a-very-long-slug-indeed"
            ]
        );
        assert_eq!(wrap("", 20), [""]);
        // A command in backquotes is copied whole: never broken.
        assert_eq!(
            wrap("record one with `netcurate ssi record` first", 24),
            ["record one with", "  `netcurate ssi record`", "  first"]
        );
    }

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

    /// A terminal gives each letter of Arabic's lam-alef its own column, though
    /// `str::width` counts the pair as one ligature: text is cut and padded by the columns
    /// it takes on screen (a debug build's check in the cutting crate used before took the
    /// workbench down on such a company; the workbench's tests check them drawn).
    #[test]
    fn arabic_is_cut_and_padded_by_the_columns_it_takes_on_screen() {
        let company = "شركة الاتصالات السعودية";
        assert_eq!(super::width(company), 23);
        assert_eq!(fit(company, 10), "شركة الات…");
        assert_eq!(fit_end(company, 9), "…السعودية");
        assert_eq!(pad(company, 25), format!("{company}  "));
        assert_eq!(super::widest([company, "Aramco"]), 23);
        // An emoji joined of two (woman + laptop) is one on screen.
        assert_eq!(super::width("Dev 👩\u{200d}💻"), 6);
        assert_eq!(fit("Dev 👩\u{200d}💻 lead", 7), "Dev 👩\u{200d}💻…");
    }

    proptest::proptest! {
        /// Whatever the text, a padded cell takes exactly its columns and a cut one no
        /// more than its own; text that fits is shown whole.
        #[test]
        fn cells_take_their_columns_whatever_the_text(text in ".{0,30}", columns in 0u16..40) {
            let width = super::width;
            proptest::prop_assert_eq!(width(&pad(&text, columns)), usize::from(columns));
            proptest::prop_assert!(width(&fit(&text, columns)) <= usize::from(columns));
            proptest::prop_assert!(width(&fit_end(&text, columns)) <= usize::from(columns));
            if width(&seen(&text)) <= usize::from(columns) {
                proptest::prop_assert_eq!(fit(&text, columns), seen(&text));
            }
        }
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
        // A column sized to the widest it holds, as padded.
        assert_eq!(super::widest(["Ann", "東京", "Soft\u{ad}ware"]), 8);
        assert_eq!(super::widest(Vec::<String>::new()), 0);
    }
}
