//! How a bare word of a filter matches a text: in pieces, each the start of a word of the
//! text, the words in order. `hool` finds Hooli, `cto` a CTO and a Chief Technology
//! Officer, `vpeng` a VP Engineering, `adasam` Ada Sample; `cto` does not find a Director
//! (its `cto` starts no word), nor `kira` Nakatomi Trading. Both texts arrive folded
//! (lower case, accents off), as the haystacks hold them.
//!
//! Must not: fold texts, or know which fields a query looks in.

/// Where the pieces of a word that have matched so far end: for each count of the word's
/// bytes matched, the earliest end in the text, and the piece that got there.
#[derive(Clone, Copy)]
struct Step {
    /// The byte of the text after the last piece (`u32::MAX`: not matched that far).
    end: u32,
    /// How many bytes of the word the pieces before the last one matched.
    before: u32,
    /// The byte of the text where the last piece starts.
    at: u32,
}

const UNREACHED: Step = Step {
    end: u32::MAX,
    before: 0,
    at: 0,
};

/// A word of `text` starts at byte `at`: the text's start, or after a character that is
/// neither a letter nor a digit (a space, a hyphen, an apostrophe, the mark between a
/// haystack's spellings); a letter after another letter beyond ASCII (`r` in `søren`)
/// starts none. Chinese, Japanese and Korean, and Thai, Lao, Khmer and Burmese, written
/// without spaces between words, start one at each of their characters (`小明` in `王小明`,
/// `工程师` in `高级工程师`, `ฝ่ายขาย` in `ผู้จัดการฝ่ายขาย`).
#[inline]
pub(super) fn starts_word(text: &[u8], at: usize) -> bool {
    let Some(&before) = at.checked_sub(1).and_then(|b| text.get(b)) else {
        return at == 0;
    };
    let here = text.get(at).copied().unwrap_or_default();
    match before.is_ascii() && here.is_ascii() {
        true => !is_word_byte(before),
        false => starts_word_beyond_ascii(text, at, before, here),
    }
}

/// A byte of a word: a letter or a digit, or part of a character beyond ASCII. Any other
/// byte (a space, a hyphen, an ampersand…) ends a word, and a word starts after it.
pub(super) fn is_word_byte(b: u8) -> bool {
    !b.is_ascii() || b.is_ascii_alphanumeric()
}

/// [`starts_word`] where the byte at `at` or the one `before` it is beyond ASCII.
#[inline(never)]
fn starts_word_beyond_ascii(text: &[u8], at: usize, before: u8, here: u8) -> bool {
    if (0x80..0xC0).contains(&here) {
        return false; // inside a character
    }
    let spaceless = |c: Option<char>| c.is_some_and(is_written_without_spaces);
    !is_word_byte(before) || spaceless(char_at(text, at)) || spaceless(char_before(text, at))
}

/// A character of the scripts written without spaces between words: Chinese characters,
/// Japanese kana, Korean syllables; Thai, Lao, Burmese, Khmer.
fn is_written_without_spaces(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}' // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Burmese
        | '\u{1780}'..='\u{17FF}' // Khmer
        | '\u{3040}'..='\u{30FF}' // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}' // CJK ideographs
        | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
    )
}

/// The character that starts at byte `at` of `text` (a valid UTF-8 text).
fn char_at(text: &[u8], at: usize) -> Option<char> {
    let len = match text.get(at)? {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    };
    let bytes = text.get(at..at + len)?;
    std::str::from_utf8(bytes).ok()?.chars().next()
}

/// The character that ends just before byte `at` of `text` (a valid UTF-8 text).
fn char_before(text: &[u8], at: usize) -> Option<char> {
    let start = (at.saturating_sub(4)..at)
        .rev()
        .find(|&i| !(0x80..0xC0).contains(&text[i]))?;
    char_at(text, start)
}

/// How many bytes `a` and `b` have in common from their starts.
fn common_start(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Works out whether `word` matches `text` in pieces from word starts, into `steps`; the
/// word's length in `steps` has its end when it does. The earliest ends win, so that what
/// is left of the word has the most words left to match. Pieces are looked for from byte
/// `from` on (where the first could start first).
fn walk(word: &[u8], text: &[u8], from: usize, steps: &mut [Step]) -> bool {
    let n = word.len();
    if n == 0 || text.len() >= u32::MAX as usize {
        return n == 0;
    }
    steps.fill(UNREACHED);
    steps[0].end = 0;
    for at in (from..text.len()).filter(|&at| starts_word(text, at)) {
        for matched in 0..n {
            if steps[matched].end as usize > at || word[matched] != text[at] {
                continue;
            }
            let len = common_start(&word[matched..], &text[at..]);
            for more in 1..=len {
                let end = (at + more) as u32;
                if end < steps[matched + more].end {
                    steps[matched + more] = Step {
                        end,
                        before: matched as u32,
                        at: at as u32,
                    };
                }
            }
        }
        if steps[n].end != u32::MAX {
            return true;
        }
    }
    false
}

/// Whether `word` matches `text` in pieces from word starts (module doc).
pub(super) fn matches(word: &[u8], text: &[u8]) -> bool {
    let Some(&first) = word.first() else {
        return true;
    };
    // The first piece starts a word with the word's first byte: the pieces are looked
    // for from the first such start on, and the commonest match, the whole word there
    // (`eng` in `vp engineering`), needs no walk.
    let mut starts = memchr::memchr_iter(first, text).filter(|&at| starts_word(text, at));
    let Some(from) = starts.next() else {
        return false;
    };
    let whole_at = |at: usize| text[at..].starts_with(word);
    if whole_at(from) || starts.any(whole_at) {
        return true;
    }
    if !is_subsequence(word, &text[from..]) {
        return false;
    }
    // On the stack for any word a person types (a filter is tested on every contact).
    const TYPED: usize = 16;
    match word.len() < TYPED {
        true => walk(word, text, from, &mut [UNREACHED; TYPED][..=word.len()]),
        false => walk(word, text, from, &mut vec![UNREACHED; word.len() + 1]),
    }
}

/// Every byte of `word` in `text`, in order: what any match implies, and quick to rule out.
fn is_subsequence(word: &[u8], text: &[u8]) -> bool {
    let mut rest = text;
    word.iter().all(|&b| match memchr::memchr(b, rest) {
        Some(i) => {
            rest = &rest[i + 1..];
            true
        }
        None => false,
    })
}

/// The byte ranges of `text` the pieces of `word` match, in order, when it matches.
pub(super) fn pieces(word: &[u8], text: &[u8]) -> Option<Vec<std::ops::Range<usize>>> {
    let mut steps = vec![UNREACHED; word.len() + 1];
    if word.is_empty() || !walk(word, text, 0, &mut steps) {
        return None;
    }
    let mut ranges = Vec::new();
    let mut matched = word.len();
    while matched > 0 {
        let step = steps[matched];
        let (at, before) = (step.at as usize, step.before as usize);
        ranges.push(at..at + (matched - before));
        matched = before;
    }
    ranges.reverse();
    Some(ranges)
}

/// The words of `texts` that could be what `typed` misspells, with how often each comes
/// (those that start with its first letter and are as long give or take two bytes); for
/// a phrase typed (`haed of sales`), the phrases of `texts` of as many words that start
/// with its first letter (`head of sales`), wherever its slip is. `None` as soon as a
/// text matches the word after all (`matches`, asked only of texts where a word starts
/// as the candidates do: a first piece could start nowhere else).
pub(super) fn words_like<'t>(
    typed: &str,
    texts: impl Iterator<Item = &'t str>,
    matches: impl Fn(&str) -> bool,
) -> Option<foldhash::HashMap<&'t str, u32>> {
    let lengths = typed.len().saturating_sub(2)..=typed.len() + 2;
    let like = |words: &str| lengths.contains(&words.len());
    let &first = typed.as_bytes().first()?;
    count_words(texts, first, word_count(typed.as_bytes()), like, matches)
}

/// The words of `texts` that start with a typed word, in one of its `spellings` (which
/// start alike: `ü` and `ue`), the most common first: what a bare word completes to.
pub(super) fn starting_with<'t>(
    spellings: &[&str],
    texts: impl Iterator<Item = &'t str>,
) -> Vec<&'t str> {
    let Some(&first) = spellings.first().and_then(|s| s.as_bytes().first()) else {
        return Vec::new();
    };
    let starting = |word: &str| spellings.iter().any(|s| word.starts_with(s));
    super::most_common_first(count_words(texts, first, 1, starting, |_| false).unwrap_or_default())
}

/// How many words `text` holds: runs of [word bytes](is_word_byte).
fn word_count(text: &[u8]) -> usize {
    let starts = |(i, &b): (usize, &u8)| is_word_byte(b) && (i == 0 || !is_word_byte(text[i - 1]));
    text.iter().enumerate().filter(|&p| starts(p)).count()
}

/// Where `words` words of `text` end, counted from `from` (the word under way there is the
/// first): a run of word bytes each, what lies between them skipped. Never past a
/// [`crate::text::SPELLINGS_APART`], so that the words all come from one spelling.
fn end_of_words(text: &[u8], from: usize, words: usize) -> usize {
    let until = |from: usize, stop: fn(u8) -> bool| {
        (text[from..].iter())
            .position(|&b| stop(b))
            .map_or(text.len(), |n| from + n)
    };
    let mut end = until(from, |b| !is_word_byte(b));
    for _ in 1..words {
        let next = until(end, is_word_byte);
        if text[end..next].contains(&(crate::text::SPELLINGS_APART as u8)) || next == text.len() {
            break;
        }
        end = until(next, |b| !is_word_byte(b));
    }
    end
}

/// The runs of `words` words of `texts` that start, at a word's start, with the byte
/// `first`, and that `keep` keeps, with how often each comes; `None` as soon as a text
/// `matches` (asked only of texts where a word starts with `first`).
fn count_words<'t>(
    texts: impl Iterator<Item = &'t str>,
    first: u8,
    words: usize,
    keep: impl Fn(&str) -> bool,
    matches: impl Fn(&str) -> bool,
) -> Option<foldhash::HashMap<&'t str, u32>> {
    let mut counts = foldhash::HashMap::default();
    for text in texts {
        let bytes = text.as_bytes();
        let found = memchr::memchr_iter(first, bytes);
        let mut starts = found.filter(|&at| starts_word(bytes, at)).peekable();
        if starts.peek().is_some() && matches(text) {
            return None;
        }
        for at in starts {
            let run = &text[at..end_of_words(bytes, at + 1, words)];
            if keep(run) {
                *counts.entry(run).or_default() += 1;
            }
        }
    }
    Some(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(word: &str, text: &str) -> bool {
        matches(word.as_bytes(), text.as_bytes())
    }

    #[test]
    fn a_word_matches_from_the_starts_of_words() {
        for (word, text) in [
            ("hool", "hooli"),
            ("cto", "co-founder & cto"),
            ("cto", "chief technology officer"),
            ("vpeng", "vp engineering"),
            ("adasam", "ada sample"),
            ("obrien", "o'brien"),
            ("lindq", "kira esposito-lindqvist"),
            ("head of", "head of platform"),
            // A piece may run on over a word's end: the greedy split (`ab` from the
            // first word) fails, the whole word in the second does not.
            ("abc", "ab abc"),
            ("soeren", "soren\u{1}soeren"),
            ("小明", "王小明"),
            ("工程师", "高级工程师"),
            ("민수", "김민수"),
            ("ฝ่ายขาย", "ผู้จัดการฝ่ายขาย"),
            ("ผู้จัดการ", "ผู้จัดการฝ่ายขาย"),
            ("ana", "佐藤ana"),
            ("пет", "иван петров"),
        ] {
            assert!(check(word, text), "{word:?} in {text:?}");
            assert!(pieces(word.as_bytes(), text.as_bytes()).is_some());
        }
        for (word, text) in [
            ("cto", "director"),
            ("kira", "nakatomi trading"),
            ("berlin", "bruno grunewald-lindqvist"),
            ("adasmp", "ada sample"),
            ("soft", "microsoft"),
            ("ren", "søren"),
            ("ван", "иван"),
            ("ab", "a"),
            ("ba", "a b"),
            ("x", ""),
        ] {
            assert!(!check(word, text), "{word:?} not in {text:?}");
            assert_eq!(pieces(word.as_bytes(), text.as_bytes()), None);
        }
    }

    #[test]
    fn pieces_say_which_bytes_matched() {
        // Each piece as (first byte, byte after it).
        let at = |w: &str, t: &str| {
            let ranges = pieces(w.as_bytes(), t.as_bytes()).unwrap_or_default();
            ranges.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>()
        };
        assert_eq!(
            at("cto", "chief technology officer"),
            [(0, 1), (6, 7), (17, 18)]
        );
        assert_eq!(at("abc", "ab abc"), [(3, 6)]);
        assert_eq!(at("vpeng", "vp engineering"), [(0, 2), (3, 6)]);
    }

    #[test]
    fn a_misspelt_word_finds_the_word_meant() {
        let texts = [
            "hooli",
            "head of platform engineering",
            "hooli",
            "hoover dam",
            "ada",
            "head of sales",
            "soren jensen\u{1}soeren jensen",
        ];
        // The word meant, as the query says it ([`super::super::Query::unmatched_word`]).
        let near = |typed: &str| {
            let like = words_like(typed, texts.iter().copied(), |_| false);
            let said = super::super::said_meant(typed, like.unwrap_or_default());
            let word = said.strip_prefix(" (did you mean ")?.strip_suffix("?)")?;
            Some(word.to_string())
        };
        assert_eq!(near("hooly").as_deref(), Some("hooli"));
        assert_eq!(near("enginering").as_deref(), Some("engineering"));
        assert_eq!(near("platfrm").as_deref(), Some("platform"));
        assert_eq!(near("xyz"), None, "no word starts with x");
        assert_eq!(near("hzzzzz"), None, "none alike");
        // A phrase: its slip in any of its words, among the phrases of as many words.
        assert_eq!(near("head of salse").as_deref(), Some("head of sales"));
        assert_eq!(near("head of platfrm").as_deref(), Some("head of platform"));
        assert_eq!(near("haed of sales").as_deref(), Some("head of sales"));
        assert_eq!(near("head fo sales").as_deref(), Some("head of sales"));
        assert_eq!(near("hoover dma").as_deref(), Some("hoover dam"));
        assert_eq!(near("hzzzz dam"), None, "none alike");
        // The words of a phrase come from one spelling of a name.
        assert_eq!(near("soeren jensne").as_deref(), Some("soeren jensen"));
        let across = words_like("jensen soerne", texts.iter().copied(), |_| false);
        let across = across.unwrap_or_default();
        assert!(across.keys().all(|k| !k.contains('\u{1}')), "{across:?}");
        let matched = words_like("hoo", texts.iter().copied(), |t| t.starts_with("hoo"));
        assert_eq!(matched, None, "a text matches");
    }

    /// The plain definition, tried every way: a first piece at some word start, then the
    /// rest from a later word start.
    fn by_definition(word: &[u8], text: &[u8], from: usize) -> bool {
        if word.is_empty() {
            return true;
        }
        (from..text.len())
            .filter(|&at| starts_word(text, at))
            .any(|at| {
                (1..=common_start(word, &text[at..]))
                    .any(|len| by_definition(&word[len..], text, at + len))
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The quick search agrees with the plain definition, and its pieces spell the word
        /// from word starts, in order, never overlapping.
        #[test]
        fn the_search_agrees_with_the_definition(
            word in "[ab王小-]{1,6}",
            text in "[ab王小 -]{0,14}",
        ) {
            let (w, t) = (word.as_bytes(), text.as_bytes());
            prop_assert_eq!(check(&word, &text), by_definition(w, t, 0));
            if let Some(ranges) = pieces(w, t) {
                let spelt: Vec<u8> = ranges.iter().flat_map(|r| t[r.clone()].to_vec()).collect();
                prop_assert_eq!(spelt, w.to_vec());
                prop_assert!(ranges.iter().all(|r| starts_word(t, r.start)));
                prop_assert!(ranges.windows(2).all(|p| p[0].end <= p[1].start), "{:?}", ranges);
            }
        }
    }
}
