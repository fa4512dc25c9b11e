//! How imported text is shown, searched and folded: as a reader sees it. Titles and
//! company names copied from web pages carry no-break and zero-width spaces, soft hyphens
//! and direction marks; self-typed ones can hold line breaks and escapes. One rule
//! ([`as_seen`]) says what each character looks like; filters, scoring keys, table cells,
//! reports and drafted profiles all go through it. Also: a count in words ([`counted`]), a
//! few of a list ([`a_few`]), the values of a text joined by `|` ([`alternatives`]).
//!
//! Must not: change stored text (JSON and CSV exports keep it as imported) or know about
//! terminals beyond what a character looks like.

use std::borrow::Cow;

/// `n` things in words, the noun in the number's form: "1 contact", "3 contacts".
pub fn counted(n: u64, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// How many items [`a_few`] names.
pub const A_FEW: usize = 5;

/// "a, b, c, d, e and 3 more": at most [`A_FEW`] items, and how many are left out.
pub fn a_few(items: &[impl AsRef<str>]) -> String {
    let named: Vec<&str> = items.iter().take(A_FEW).map(AsRef::as_ref).collect();
    if items.len() > A_FEW {
        format!("{} and {} more", named.join(", "), items.len() - A_FEW)
    } else {
        named.join(", ")
    }
}

/// Appends `text` as it is searched to `out`: as a reader sees it ([`as_seen`]), lower-cased
/// character by character.
pub fn push_folded(out: &mut String, text: &str) {
    if text.is_ascii() && reads_as_written(text) {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(text.chars().flat_map(folded_char));
    }
}

/// One character as [`push_folded`] folds it: nothing when it is invisible ([`as_seen`]),
/// else lower-cased, without its accents when it is a Latin or Greek letter
/// (`without_accents`), and the Greek final sigma as any other sigma (so `ΟΔΥΣΣΕΑΣ`
/// finds `Οδυσσεας`).
pub fn folded_char(c: char) -> impl Iterator<Item = char> {
    (as_seen(c).into_iter())
        .flat_map(char::to_lowercase)
        .flat_map(without_accents)
        .map(|c| if c == 'ς' { 'σ' } else { c })
}

/// A lower-case letter as it is typed on a keyboard without its accents: a Latin or Greek
/// letter's base letter (`ë` → `e`, `ć` → `c`, `ș` → `s`, `ά` → `α`), the letters that
/// have none as they are spelt out (`ø` → `o`, `ł` → `l`, `ß` → `ss`, `æ` → `ae`), and a
/// combining accent as nothing; any other character (CJK, Hangul, Arabic…) as itself.
fn without_accents(
    c: char,
) -> std::iter::Chain<std::option::IntoIter<char>, std::option::IntoIter<char>> {
    let base = match c {
        '\u{300}'..='\u{36F}' => return None.into_iter().chain(None),
        '\u{C0}'..='\u{24F}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{370}'..='\u{3FF}'
        | '\u{1F00}'..='\u{1FFF}' => {
            let mut base = None;
            unicode_normalization::char::decompose_canonical(c, |part| {
                base.get_or_insert(part);
            });
            base.unwrap_or(c)
        }
        c => c,
    };
    // A base letter that has no base of its own is spelt out (`ǽ` is `æ` with an acute).
    let (first, second) = match base {
        'ø' => ('o', None),
        'ł' => ('l', None),
        'đ' | 'ð' => ('d', None),
        'ħ' => ('h', None),
        'ı' => ('i', None),
        'ß' => ('s', Some('s')),
        'æ' => ('a', Some('e')),
        'œ' => ('o', Some('e')),
        'þ' => ('t', Some('h')),
        base => (base, None),
    };
    Some(first).into_iter().chain(second)
}

/// `text` folded as [`push_folded`] folds it: what a typed filter is compared as.
pub fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_folded(&mut out, text);
    out
}

/// Parts the spellings of one text in a haystack ([`push_searched`]): a control
/// character, which a folded needle never holds, so that no needle found in one text
/// spans both of its spellings.
pub const SPELLINGS_APART: char = '\u{1}';

/// Appends `parts` (joined by single spaces, empty ones left out) as they are searched:
/// folded ([`push_folded`]) and, when they hold an umlaut or a ring, then again, after
/// [`SPELLINGS_APART`], spelt out as a German or Nordic keyboard without them types it
/// ([`spelt_out_char`]): `mueller` finds Müller, `soeren` Søren, `aalborg` Ålborg, and
/// `muller`, `soren`, `alborg` still do. Only texts with such letters are written twice.
pub fn push_searched(out: &mut String, parts: &[&str]) {
    push_joined(out, parts, push_folded);
    if parts.iter().any(|p| has_other_spelling(p)) {
        out.push(SPELLINGS_APART);
        push_joined(out, parts, |out, part| {
            out.extend(part.chars().flat_map(spelt_out_char));
        });
    }
}

/// Appends the non-empty `parts`, single spaces between them, each by `push`.
fn push_joined(out: &mut String, parts: &[&str], push: impl Fn(&mut String, &str)) {
    for (i, part) in parts.iter().filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push(out, part);
    }
}

/// `text` folded with its umlauts and rings spelt out ([`spelt_out_char`]): `Müller` →
/// `mueller`.
pub fn spelt_out(text: &str) -> String {
    text.chars().flat_map(spelt_out_char).collect()
}

/// `text` [`spelt_out`] when that is another spelling than [`folded`] (it has umlauts or
/// rings): the second spelling a typed text or a profile phrase is looked for in.
pub fn other_spelling(text: &str) -> Option<String> {
    has_other_spelling(text).then(|| spelt_out(text))
}

/// Whether `text` has a letter [`spelt_out_char`] spells otherwise than [`folded_char`].
pub fn has_other_spelling(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(|c| !spelling_of(c).is_empty())
}

/// One character as [`folded_char`] folds it, but for the letters that German and Nordic
/// spelling writes out without their marks (`spelling_of`).
pub fn spelt_out_char(c: char) -> impl Iterator<Item = char> {
    let spelt = spelling_of(c);
    let folded = spelt.is_empty().then(|| folded_char(c));
    spelt.chars().chain(folded.into_iter().flatten())
}

/// How German and Nordic spelling writes a letter without its marks: `ä` → `ae`, `ö` and
/// `ø` → `oe`, `ü` → `ue`, `å` → `aa` (and a diaeresis or ring typed as its own
/// character → `e`, `a`); nothing for any other character.
fn spelling_of(c: char) -> &'static str {
    match c {
        'ä' | 'Ä' => "ae",
        'ö' | 'Ö' | 'ø' | 'Ø' => "oe",
        'ü' | 'Ü' => "ue",
        'å' | 'Å' => "aa",
        '\u{308}' => "e",
        '\u{30A}' => "a",
        _ => "",
    }
}

/// A character as a reader sees it: `None` for an invisible one (a soft hyphen, a
/// zero-width space, a direction mark, a byte-order mark: format characters that titles
/// and company names bring from copied text), a plain space for any other space (a
/// no-break space, a thin space…) and for a control character (a tab, a line break, an
/// escape, which would otherwise reach the terminal), else itself. The zero-width joiner
/// is kept: it joins emoji.
pub fn as_seen(c: char) -> Option<char> {
    match c {
        '\u{00AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'
        | '\u{200C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' => None,
        c if c != ' ' && (c.is_whitespace() || c.is_control()) => Some(' '),
        c => Some(c),
    }
}

/// Whether every character of `text` is as a reader sees it ([`as_seen`]): true of most
/// texts, which then need no copy to be shown or searched.
pub fn reads_as_written(text: &str) -> bool {
    match text.is_ascii() {
        true => !text.bytes().any(|b| b.is_ascii_control()),
        false => text.chars().all(|c| as_seen(c) == Some(c)),
    }
}

/// `text` as a reader sees it, character for character ([`as_seen`]): how imported text
/// is shown (a terminal cell, a report line). A soft hyphen counts one column but takes
/// none on screen, so the rest of a row slid left; a control character would reach the
/// terminal (an escape starts a sequence). Borrowed when nothing changes (most texts).
pub fn seen(text: &str) -> Cow<'_, str> {
    if reads_as_written(text) {
        return text.into();
    }
    text.chars().filter_map(as_seen).collect::<String>().into()
}

/// [`seen`], its spaces single and trimmed: how netcurate writes an imported text into a
/// file for the user to read and edit (a drafted profile).
pub fn as_seen_text(text: &str) -> String {
    seen(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The longest start all `names` share (whole characters); `None` without names.
pub fn common_start<'a>(mut names: impl Iterator<Item = &'a str>) -> Option<String> {
    let first = names.next()?;
    let mut len = first.len();
    for name in names {
        let shared = (first.char_indices().zip(name.chars()))
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8());
        len = len.min(shared);
    }
    Some(first[..len].to_string())
}

/// The values of `typed` joined by `|` (`hooli|acme`: a filter term's alternatives, a find
/// of invitations), each trimmed, its double quotes taken off. A `|` inside quotes is part
/// of its value, as a space is: `"CEO | Founder"|cto` is two values, the title LinkedIn
/// users write with bars and a CTO. One left empty (`hooli|` as it is typed, `""`) adds
/// nothing.
pub fn alternatives(typed: &str) -> impl Iterator<Item = Cow<'_, str>> {
    (pieces_outside_quotes(typed, |c| c == '|'))
        .map(|value| match unquoted(value) {
            Cow::Borrowed(value) => Cow::Borrowed(value.trim()),
            Cow::Owned(value) => Cow::Owned(value.trim().to_string()),
        })
        .filter(|value| !value.is_empty())
}

/// Where the value being typed last in `typed` starts: after its last `|` outside quotes
/// (0 when it has none), the alternative Tab completes.
pub fn last_alternative_start(typed: &str) -> usize {
    last_piece_start(typed, |c| c == '|')
}

/// Where the last of the pieces [`pieces_outside_quotes`] cuts `text` into starts: after
/// the last character `is_cut` takes outside quotes (0 when there is none).
pub fn last_piece_start(text: &str, is_cut: impl Fn(char) -> bool) -> usize {
    (outside_quotes(text, is_cut).last()).map_or(0, |(at, c)| at + c.len_utf8())
}

/// `text` without its double quotes: they group what is between them (spaces, `|`), and
/// are not looked for.
pub fn unquoted(text: &str) -> Cow<'_, str> {
    match text.contains('"') {
        true => Cow::Owned(text.replace('"', "")),
        false => Cow::Borrowed(text),
    }
}

/// The characters of `text` that `is_cut` takes, outside double quotes, with their
/// places (a quote left open runs to the end, as a value is typed).
pub fn outside_quotes<'t>(
    text: &'t str,
    is_cut: impl Fn(char) -> bool + 't,
) -> impl Iterator<Item = (usize, char)> + 't {
    let mut quoted = false;
    text.char_indices().filter(move |&(_, c)| {
        quoted ^= c == '"';
        is_cut(c) && !quoted
    })
}

/// `text` cut at the characters `is_cut` takes outside double quotes ([`outside_quotes`]):
/// the pieces between them, empty ones too, quotes kept.
pub fn pieces_outside_quotes<'t>(
    text: &'t str,
    is_cut: impl Fn(char) -> bool + 't,
) -> impl Iterator<Item = &'t str> {
    let mut cuts = (outside_quotes(text, is_cut).map(|(at, c)| (at, at + c.len_utf8())))
        .chain([(text.len(), text.len())]);
    let mut start = 0;
    std::iter::from_fn(move || {
        let (end, next) = cuts.next()?;
        let piece = &text[start..end];
        start = next;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::{SPELLINGS_APART, as_seen_text, folded, push_searched};

    fn searched(parts: &[&str]) -> String {
        let mut out = String::new();
        push_searched(&mut out, parts);
        out
    }

    /// A value's alternatives: cut at the bars outside quotes, trimmed, unquoted, none
    /// empty; where the one typed last starts.
    #[test]
    fn alternatives_are_cut_at_bars_outside_quotes() {
        let cut = |typed: &str| {
            super::alternatives(typed)
                .map(|v| v.into_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(cut("hooli|acme"), ["hooli", "acme"]);
        assert_eq!(cut(" hooli | |acme|"), ["hooli", "acme"]);
        assert_eq!(cut("\"CEO | Founder\"|cto"), ["CEO | Founder", "cto"]);
        assert_eq!(cut("\"a|b"), ["a|b"], "a quote left open runs to the end");
        assert_eq!(cut("\"\"|\" \"|"), [] as [&str; 0]);
        let start = super::last_alternative_start;
        assert_eq!(start("company:hooli|ac"), 14);
        assert_eq!(start("company:\"a | b"), 0);
        assert_eq!(start("hooli"), 0);
    }

    /// A name with an umlaut or a ring is searched as typed with and without its letters
    /// spelt out; other texts once.
    #[test]
    fn umlauts_and_rings_are_also_searched_spelt_out() {
        let apart = SPELLINGS_APART;
        assert_eq!(
            searched(&["Jürgen", "Müller"]),
            format!("jurgen muller{apart}juergen mueller")
        );
        assert_eq!(
            searched(&["Søren", "Ålborg"]),
            format!("soren alborg{apart}soeren aalborg")
        );
        assert_eq!(
            searched(&["Schöne Grüße GmbH"]),
            format!("schone grusse gmbh{apart}schoene gruesse gmbh")
        );
        // Typed as base letters and marks (as macOS writes file names).
        assert_eq!(
            searched(&["Mu\u{308}ller"]),
            format!("muller{apart}mueller")
        );
        assert_eq!(
            searched(&["Zoë", "", "Ødegård"]),
            format!("zoe odegard{apart}zoe oedegaard")
        );
        assert_eq!(searched(&["Ada", "Lovelace"]), "ada lovelace");
        assert_eq!(searched(&["José", "Núñez"]), "jose nunez");
        assert_eq!(searched(&["", "Ünal"]), format!("unal{apart}uenal"));
    }

    /// Text copied from a web page brings no-break spaces and invisible characters; a
    /// filter sees it as a reader does, and the Greek final sigma as any sigma.
    #[test]
    fn text_is_folded_and_shown_as_a_reader_sees_it() {
        let copied = "Head of\u{a0}Growth\u{200e} at Soft\u{ad}ware\u{200b}";
        assert_eq!(folded(copied), "head of growth at software");
        assert_eq!(as_seen_text(copied), "Head of Growth at Software");
        assert_eq!(
            as_seen_text(" \u{feff}VP\u{2009}\u{2009}Sales "),
            "VP Sales"
        );
        assert_eq!(folded("ΟΔΥΣΣΕΑΣ"), folded("Οδυσσεας"));
        // Typed without accents, as on most keyboards.
        assert_eq!(folded("Zoë Ångström"), "zoe angstrom");
        assert_eq!(folded("Søren Jovanović, Łódź"), "soren jovanovic, lodz");
        assert_eq!(folded("Müller Straße ÆØÅ"), "muller strasse aeoa");
        // Letters whose base has no base of its own: folding twice changes nothing.
        assert_eq!(folded("Ǽ ǿ"), "ae o");
        assert_eq!(folded(&folded("Ǽ ǿ")), folded("Ǽ ǿ"));
        assert_eq!(
            folded("Ștefan Țurcanu, Nguyễn Thị"),
            "stefan turcanu, nguyen thi"
        );
        assert_eq!(folded("Ελένη Παπαδοπούλου"), "ελενη παπαδοπουλου");
        // Accents typed as their own characters fold alike.
        assert_eq!(folded("Zoe\u{308} Cafe\u{301}"), "zoe cafe");
        // Other scripts keep their letters.
        assert_eq!(folded("김민수 山田 ガ محمد"), "김민수 山田 ガ محمد");
        assert_eq!(
            folded("👩\u{200d}💻 Dev\tOps"),
            "👩\u{200d}💻 dev ops",
            "emoji joiner kept, a tab a space"
        );
    }
}
