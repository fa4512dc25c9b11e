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

    /// The texts a bare word of a filter looks in ([`super::WORD_FIELDS`]).
    pub(super) fn word_texts(&self) -> impl Iterator<Item = &str> {
        self.texts(&super::WORD_FIELDS)
    }

    /// The texts of `fields` this haystack keeps.
    pub(super) fn texts<'h>(&'h self, fields: &'h [TextField]) -> impl Iterator<Item = &'h str> {
        fields.iter().filter_map(|&f| self.text(f))
    }

    pub fn all(network: &Network) -> Vec<Haystack> {
        network.contacts.iter().map(Haystack::of).collect()
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
