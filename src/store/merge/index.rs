//! The lookup indexes a merge finds contacts by, and what a row is looked up by.
//!
//! Must not: change contacts or the store.

use crate::import::rows::{ConnectionRow, name_keys, spelt_out_weak_key, weak_key};
use crate::model::{Contact, Text};
use chrono::NaiveDate;
use foldhash::HashMap;
use std::cell::OnceCell;

/// Contact indexes by a key that several contacts may share, each key's contacts in the
/// network's order (so that one entered under a new key in the middle of an import comes
/// where an index built afresh by the next import puts it), without a vector per key: the
/// map holds each key's first and last entry, and each entry its contact and the key's
/// next entry. A contact may be entered under several keys (a name in both spellings of
/// an umlaut): each key's chain is its own.
#[derive(Default)]
pub(super) struct MultiIndex {
    ends: HashMap<String, (usize, usize)>,
    /// Each entry's contact and the entry after it under the same key ([`NO_ENTRY`] at
    /// the end).
    entries: Vec<(usize, usize)>,
}

/// The end of a key's chain in a [`MultiIndex`].
const NO_ENTRY: usize = usize::MAX;

impl MultiIndex {
    /// Enters contact `i` under `key`, after the contacts before it in the network (at
    /// the end, as contacts are entered in their order, unless a row moves one).
    pub(super) fn insert(&mut self, key: String, i: usize) {
        let entry = self.entries.len();
        let Some((first, last)) = self.ends.get_mut(&key) else {
            self.entries.push((i, NO_ENTRY));
            self.ends.insert(key, (entry, entry));
            return;
        };
        let entries = &mut self.entries;
        let at_end = |e: usize| entries[e].0 != NO_ENTRY && entries[e].0 <= i;
        if at_end(*last) {
            entries.push((i, NO_ENTRY));
            entries[*last].1 = entry;
            *last = entry;
            return;
        }
        // The last entry before the first contact after `i` (removed ones are passed over).
        let (mut before, mut next) = (None, *first);
        while next != NO_ENTRY && !(entries[next].0 != NO_ENTRY && entries[next].0 > i) {
            (before, next) = (Some(next), entries[next].1);
        }
        entries.push((i, next));
        match before {
            Some(e) => entries[e].1 = entry,
            None => *first = entry,
        }
        if next == NO_ENTRY {
            *last = entry;
        }
    }

    /// Takes contact `i` out from under `key` (its entry stays in the chain, for no one).
    pub(super) fn remove(&mut self, key: &str, i: usize) {
        let first = self.ends.get(key).map(|&(first, _)| first);
        let chain = std::iter::successors(first, |&e| {
            Some(self.entries[e].1).filter(|&n| n != NO_ENTRY)
        });
        let found: Vec<usize> = chain.filter(|&e| self.entries[e].0 == i).collect();
        for e in found {
            self.entries[e].0 = NO_ENTRY;
        }
    }

    /// Whether no contact was ever entered under any key.
    pub(super) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The contacts entered under `key`, in the network's order.
    pub(super) fn get<'a>(&'a self, key: &str) -> impl Iterator<Item = usize> + use<'a> {
        let first = self.ends.get(key).map(|&(first, _)| first);
        std::iter::successors(first, |&e| {
            Some(self.entries[e].1).filter(|&n| n != NO_ENTRY)
        })
        .map(|e| self.entries[e].0)
        .filter(|&i| i != NO_ENTRY)
    }

    /// The contacts entered under any of `keys`, key by key (a contact under two of them
    /// comes twice).
    pub(super) fn get_any<K: IntoIterator<Item = String>>(
        &self,
        keys: K,
    ) -> impl Iterator<Item = usize> + use<'_, K> {
        keys.into_iter().flat_map(|key| self.get(&key))
    }

    /// Moves contact `i` from under the keys `old` to under `new` (under a key of both it
    /// keeps its place: a key's contacts stay in the order they were first entered, as
    /// the next import enters them).
    pub(super) fn rekey(&mut self, i: usize, old: &[String], new: &[String]) {
        for key in old.iter().filter(|k| !new.contains(k)) {
            self.remove(key, i);
        }
        for key in new.iter().filter(|k| !old.contains(k)) {
            self.insert(key.clone(), i);
        }
    }

    /// Indexes every contact by each of its keys.
    pub(super) fn build<K: IntoIterator<Item = String>>(
        contacts: impl Iterator<Item = (usize, K)>,
    ) -> MultiIndex {
        let mut index = MultiIndex::default();
        for (i, keys) in contacts {
            for key in keys {
                index.insert(key, i);
            }
        }
        index
    }
}

/// Whether a row or contact has what finds it for certain: a URL key or an email. A
/// hidden one without either is found by its date and place among the hidden of that
/// date; one with either is not counted among them, in the network or in a file alike
/// (a hidden row found by its email took a place, and the next import found the hidden
/// contact after it at another).
pub(super) fn has_identity(url_key: Option<&str>, email: &str) -> bool {
    url_key.is_some() || !email.is_empty()
}

/// Every named contact by name and company ([`Probe::weak_keys`]), in `slot` once built.
pub(super) fn weak_index<'a>(
    slot: &'a mut Option<MultiIndex>,
    contacts: &[Contact],
) -> &'a MultiIndex {
    slot.get_or_insert_with(|| {
        MultiIndex::build(contacts.iter().enumerate().map(|(i, c)| {
            let probe = Probe::of_contact(c, None, OnceCell::new());
            let keys = (!c.is_hidden()).then(|| probe.weak_keys());
            (i, keys.into_iter().flatten())
        }))
    })
}

/// Every contact by name ([`name_keys`]), in `slot` once built.
pub(super) fn name_index<'a>(
    slot: &'a mut Option<MultiIndex>,
    contacts: &[Contact],
) -> &'a MultiIndex {
    slot.get_or_insert_with(|| {
        MultiIndex::build(
            (contacts.iter().enumerate()).map(|(i, c)| (i, name_keys(&c.first_name, &c.last_name))),
        )
    })
}

/// The keys a contact is indexed and a row looked up by name and company: its `weak` key
/// ([`weak_key`]) and, when the name or company has umlauts or rings, their
/// [`spelt_out_weak_key`], so that a CRM row typed without those letters finds the
/// contact, and a row typed with them finds a contact spelt out.
pub(super) fn weak_keys(
    weak: String,
    first: &str,
    last: &str,
    company: &str,
) -> impl Iterator<Item = String> + use<> {
    let spelt = spelt_out_weak_key(first, last, company);
    std::iter::once(weak).chain(spelt)
}

/// Which index a row without URL is looked up in.
#[derive(Clone, Copy)]
pub(super) enum IndexBy {
    NameAndCompany,
    Name,
}

/// What a contact is found by besides its URL, as it was before a row changed it: its
/// email, name and company.
#[derive(PartialEq)]
pub(super) struct FoundBy {
    pub(super) email: Text,
    pub(super) first: Text,
    pub(super) last: Text,
    pub(super) company: Text,
    pub(super) hidden: bool,
}

impl FoundBy {
    pub(super) fn of(c: &Contact) -> FoundBy {
        FoundBy {
            email: c.email.clone(),
            first: c.first_name.clone(),
            last: c.last_name.clone(),
            company: c.company.clone(),
            hidden: c.is_hidden(),
        }
    }

    /// The keys by name and company ([`weak_keys`]; none for a hidden row).
    pub(super) fn weak_keys(&self) -> Vec<String> {
        let (first, last, company) = (&self.first, &self.last, &self.company);
        match self.hidden {
            true => Vec::new(),
            false => weak_keys(weak_key(first, last, company), first, last, company).collect(),
        }
    }
}

/// What a row (or a stored contact) is matched by. The weak key (name and company) is
/// worked out only if a lookup needs it.
pub(super) struct Probe<'r> {
    pub(super) url_key: Option<&'r str>,
    pub(super) email: &'r str,
    pub(super) first: &'r str,
    pub(super) last: &'r str,
    pub(super) company: &'r str,
    pub(super) position: &'r str,
    pub(super) connected_on: Option<NaiveDate>,
    /// A hidden row has no name: its date and ordinal among hidden rows of that date.
    pub(super) hidden: Option<HiddenSlot>,
    /// A row of a Connections file, which lists each connection once: a contact it
    /// matches only by name and company, already met in this import, is a namesake.
    pub(super) listed_once: bool,
    pub(super) weak: OnceCell<String>,
}

/// A hidden row's place among hidden rows: its date and ordinal for that date.
pub(super) type HiddenSlot = (Option<NaiveDate>, u32);

impl<'r> Probe<'r> {
    /// The probe for a person row (`hidden`: its slot, when it is a hidden row).
    pub(super) fn of_row(row: &'r ConnectionRow, hidden: Option<HiddenSlot>) -> Probe<'r> {
        Probe {
            url_key: row.url_key.as_deref(),
            email: &row.email,
            first: &row.first_name,
            last: &row.last_name,
            company: &row.company,
            position: &row.position,
            connected_on: row.connected_on,
            hidden,
            listed_once: false,
            weak: OnceCell::new(),
        }
    }

    pub(super) fn weak(&self) -> &str {
        self.weak
            .get_or_init(|| weak_key(self.first, self.last, self.company))
    }

    /// A name and no company (none, or none that a company key keeps).
    pub(super) fn has_name_alone(&self) -> bool {
        let weak = self.weak();
        weak.ends_with('|') && !weak.starts_with('|')
    }

    /// The keys this probe is indexed and looked up by name and company ([`weak_keys`]).
    pub(super) fn weak_keys(&self) -> impl Iterator<Item = String> + use<> {
        weak_keys(self.weak().to_string(), self.first, self.last, self.company)
    }

    /// A probe for a contact that is already built, keeping what a row's probe found.
    pub(super) fn of_contact(
        c: &'r Contact,
        hidden: Option<HiddenSlot>,
        weak: OnceCell<String>,
    ) -> Probe<'r> {
        Probe {
            url_key: c.url_key.as_deref(),
            email: &c.email,
            first: &c.first_name,
            last: &c.last_name,
            company: &c.company,
            position: &c.position,
            connected_on: c.connected_on,
            hidden,
            listed_once: false,
            weak,
        }
    }
}
