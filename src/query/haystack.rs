//! The texts a query looks in: each contact's haystack, worked out once per network
//! load, and the marks of where a query matched a contact's texts.
//!
//! Must not: parse queries.

use super::{Needle, TextField, words};
use crate::model::Contact;
use crate::network::Network;
use crate::text::{folded_char, has_other_spelling, push_searched, spelt_out_char};

/// Lower-cased text of one contact, computed once per network load so that filtering a
/// large network allocates nothing per keystroke.
#[derive(Debug, Clone, Default)]
pub struct Haystack {
    pub(super) name: String,
    pub(super) title: String,
    pub(super) company: String,
    pub(super) url: String,
    /// The bytes that start words of the name, the title and the company
    /// ([`initials_slot`]).
    initials: [Initials; super::WORD_FIELDS.len()],
}

/// Where a haystack keeps the initials of `field`'s text: the fields a bare word looks
/// in ([`super::WORD_FIELDS`]), in that order.
fn initials_slot(field: TextField) -> Option<usize> {
    // A match, not a search of WORD_FIELDS: it is asked per text on every keystroke.
    match field {
        TextField::Name => Some(0),
        TextField::Title => Some(1),
        TextField::Company => Some(2),
        _ => None,
    }
}

/// Which bytes start the words of a text, a bit each: every letter and digit its own, any
/// byte beyond ASCII one for all. A word or a text looked for from the starts of words
/// ([`words`], [`Needle::first_in`]) starts at one, with its own first byte: a text whose
/// initials lack that byte is passed over without being read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Initials(u64);

impl Initials {
    fn of(text: &str) -> Initials {
        let bytes = text.as_bytes();
        let starts = (0..bytes.len()).filter(|&at| words::starts_word(bytes, at));
        Initials(starts.fold(0, |bits, at| bits | Initials::bit(bytes[at])))
    }

    /// The bit of `byte`; none for any other byte (a word may start with it too, but
    /// initials do not tell).
    fn bit(byte: u8) -> u64 {
        match byte {
            b'a'..=b'z' => 1 << (byte - b'a'),
            b'0'..=b'9' => 1 << (26 + byte - b'0'),
            0x80.. => 1 << 63,
            _ => 0,
        }
    }

    /// Whether a word of the text may start with `byte`: not when the initials say no.
    fn may_start(self, byte: u8) -> bool {
        let bit = Initials::bit(byte);
        bit == 0 || self.0 & bit != 0
    }
}

impl Haystack {
    pub fn of(c: &Contact) -> Haystack {
        let mut hay = Haystack::default();
        hay.fill(c);
        hay
    }

    /// Makes this the haystack of `c`, reusing the strings' allocations.
    pub fn fill(&mut self, c: &Contact) {
        self.fill_fields(
            c,
            &[
                TextField::Name,
                TextField::Title,
                TextField::Company,
                TextField::Url,
            ],
        );
    }

    /// [`Haystack::fill`] for the texts in `fields` only.
    pub(super) fn fill_fields(&mut self, c: &Contact, fields: &[TextField]) {
        for field in fields {
            match field {
                TextField::Name => {
                    self.name.clear();
                    c.push_searched_name(&mut self.name);
                }
                TextField::Title => {
                    self.title.clear();
                    push_searched(&mut self.title, &[&c.position]);
                }
                TextField::Company => {
                    self.company.clear();
                    push_searched(&mut self.company, &[&c.company]);
                }
                TextField::Url => {
                    self.url.clear();
                    self.url.push_str(c.url_key.as_deref().unwrap_or_default());
                }
                TextField::Location | TextField::Industry | TextField::Email => {}
            }
            if let (Some(slot), Some(text)) = (initials_slot(*field), self.text(*field)) {
                self.initials[slot] = Initials::of(text);
            }
        }
    }

    /// The text kept of `field`, folded (`None` for a field no haystack keeps: those
    /// are folded when a term asks).
    pub(super) fn text(&self, field: TextField) -> Option<&str> {
        match field {
            TextField::Name => Some(&self.name),
            TextField::Title => Some(&self.title),
            TextField::Company => Some(&self.company),
            TextField::Url => Some(&self.url),
            TextField::Location | TextField::Industry | TextField::Email => None,
        }
    }

    /// Whether a word of `field`'s text may start with `byte` (a word's first byte): not
    /// when the text's initials say no; always for a field without initials.
    pub(super) fn may_start_word(&self, field: TextField, byte: u8) -> bool {
        initials_slot(field).is_none_or(|slot| self.initials[slot].may_start(byte))
    }

    /// The texts of `fields` this haystack keeps where a word may start with `byte` (their
    /// initials do not say no): those a word that starts with it can be found in.
    pub(super) fn texts_with_initial<'h, 'f>(
        &'h self,
        fields: &'f [TextField],
        byte: u8,
    ) -> impl Iterator<Item = &'h str> + use<'h, 'f> {
        let may = move |f: &&TextField| self.may_start_word(**f, byte);
        fields.iter().filter(may).filter_map(|&f| self.text(f))
    }

    /// Every contact's haystack, in order; a large network's in two halves side by side.
    pub fn all(network: &Network) -> Vec<Haystack> {
        let contacts = &network.contacts;
        let halves = super::in_halves(contacts.len(), |range| {
            contacts[range].iter().map(Haystack::of).collect::<Vec<_>>()
        });
        let mut all = Vec::with_capacity(contacts.len());
        halves.into_iter().for_each(|half| all.extend(half));
        all
    }
}

/// Where a query matched a contact's texts: character positions in its full name, its
/// title and its company, in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Marks {
    pub name: Vec<usize>,
    pub title: Vec<usize>,
    pub company: Vec<usize>,
}

/// How a needle is looked for in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Found {
    /// In pieces from word starts, as a bare word matches ([`super::words`]).
    WordStarts,
    /// The whole needle in one piece from a word start, as a field term of a name, title
    /// or company matches (the first place: [`Needle::first_in`]).
    FromWordStart,
}

/// Adds to `out` the positions of the characters of `text` where `needle` (in its first
/// spelling that does) matches, when it does: in the text folded as the haystacks are
/// (character by character, each folded character remembering the character it came
/// from), else in its other spelling (`mueller` marks the letters of Müller).
pub(super) fn mark(text: &str, needle: &Needle, found: Found, out: &mut Vec<usize>) {
    let before = out.len();
    for needle in needle.spellings() {
        mark_spelling(text, folded_char, needle, found, out);
        if out.len() == before && has_other_spelling(text) {
            mark_spelling(text, spelt_out_char, needle, found, out);
        }
        if out.len() > before {
            return;
        }
    }
}

/// [`mark`] in one of the spellings a haystack holds of `text` ([`push_searched`]), each
/// character folded by `fold`.
fn mark_spelling<I: Iterator<Item = char>>(
    text: &str,
    fold: impl Fn(char) -> I,
    needle: &Needle,
    found: Found,
    out: &mut Vec<usize>,
) {
    // The text folded, and for each folded character the character it came from.
    let mut folded_text = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, ch) in text.chars().enumerate() {
        for lower in fold(ch) {
            folded_text.push(lower);
            origin.push(i);
        }
    }
    let at: Vec<usize> = match found {
        Found::WordStarts => {
            let Some(pieces) = words::pieces(needle.text.as_bytes(), folded_text.as_bytes()) else {
                return;
            };
            (folded_text.char_indices().enumerate())
                .filter(|(_, (byte, _))| pieces.iter().any(|p| p.contains(byte)))
                .map(|(k, _)| k)
                .collect()
        }
        // The searcher the filter itself uses, on the same folded text.
        Found::FromWordStart => match needle.first_in(folded_text.as_bytes(), true) {
            Some(byte) => {
                let k = folded_text[..byte].chars().count();
                (k..k + needle.text.chars().count()).collect()
            }
            None => return,
        },
    };
    out.extend(at.into_iter().map(|k| origin[k]));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// A text's initials never pass over a text where a word matches, in pieces or in
        /// one piece from a word's start: they only ever say no where it cannot.
        #[test]
        fn initials_never_hide_a_match(
            word in "[aeb1é王 &-]{1,5}",
            text in "[aeb1é王 &'-]{0,16}",
        ) {
            let initials = Initials::of(&text);
            let first = word.as_bytes()[0];
            if words::matches(word.as_bytes(), text.as_bytes()) {
                prop_assert!(initials.may_start(first), "{word:?} in {text:?}");
            }
            let needle = Needle::new(word.clone());
            if needle.first_in(text.as_bytes(), true).is_some() {
                prop_assert!(initials.may_start(first), "{word:?} in {text:?}");
            }
        }
    }

    #[test]
    fn initials_say_which_letters_start_words() {
        let initials = Initials::of("vp engineering, r&d 2ndline søren\u{1}soeren 王小明");
        // `d` after `&`, and `soeren` after the mark between spellings, start words too.
        for byte in [b'v', b'e', b'r', b'd', b'2', b's', 0xE7] {
            assert!(initials.may_start(byte), "{}", byte as char);
        }
        for byte in [b'p', b'n', b'g', b'o', b'x', b'1'] {
            assert!(!initials.may_start(byte), "{}", byte as char);
        }
        // What initials do not tell, they never rule out.
        assert!(initials.may_start(b'&'));
        assert!(!Initials::default().may_start(b'a'));
        for (slot, &field) in super::super::WORD_FIELDS.iter().enumerate() {
            assert_eq!(initials_slot(field), Some(slot), "{field:?}");
        }
    }
}
