//! Finding the contact a row names (by URL, email, name and company, or a hidden
//! row's place), and entering new and changed contacts in the indexes.
//!
//! Must not: read files or the store; merging a row's fields is `rows`' work.

use super::index::{FoundBy, HiddenSlot, IndexBy, Probe, has_identity, name_index, weak_index};
use super::{Entry, Merge, says_other};
use crate::import::messages::PersonRef;
use crate::import::rows::{ConnectionRow, name_keys};
use crate::model::{Contact, Flags, Text};
use chrono::NaiveDate;
use std::cell::OnceCell;

impl Merge {
    /// The next slot for a hidden row of `date` (`None` when the row is not hidden).
    pub(super) fn hidden_slot(
        &mut self,
        hidden: bool,
        date: Option<NaiveDate>,
    ) -> Option<HiddenSlot> {
        hidden.then(|| {
            let n = self.hidden_ordinals.entry(date).or_insert(0);
            *n += 1;
            (date, *n)
        })
    }

    /// The probe for a row of a Connections file (hidden rows take the next slot).
    pub(super) fn probe<'r>(&mut self, row: &'r ConnectionRow) -> Probe<'r> {
        let slotted = row.hidden && !has_identity(row.url_key.as_deref(), &row.email);
        Probe {
            listed_once: true,
            ..Probe::of_row(row, self.hidden_slot(slotted, row.connected_on))
        }
    }

    /// Enters contact `i` (not yet pushed), described by `probe`, in every index.
    pub(super) fn index(&mut self, i: usize, probe: &Probe<'_>) {
        if let Some(k) = probe.url_key {
            self.by_url.insert(k.into(), i);
        }
        if !probe.email.is_empty() {
            self.by_email.insert(probe.email.to_lowercase(), i);
        }
        match probe.hidden {
            Some(h) => {
                self.hidden.insert(h, i);
            }
            None => {
                if probe.url_key.is_none() {
                    probe.weak_keys().for_each(|k| self.urlless.insert(k, i));
                }
                if let Some(index) = &mut self.by_weak {
                    probe.weak_keys().for_each(|k| index.insert(k, i));
                }
            }
        }
        if let Some(index) = &mut self.by_name {
            name_keys(probe.first, probe.last).for_each(|k| index.insert(k, i));
        }
    }

    /// Re-enters contact `i` in the indexes by email, by name and by name and company,
    /// where a row changed what it is found by (`was`): a later row of this import then
    /// finds it as the next import of the same files will (a stale key found it once, and
    /// the next import added that row's person anew).
    pub(super) fn reindex(&mut self, i: usize, was: FoundBy) {
        let now = FoundBy::of(&self.contacts[i]);
        if now == was {
            return;
        }
        if now.email != was.email {
            if !was.email.is_empty() {
                self.by_email.remove(&was.email.as_str().to_lowercase(), i);
            }
            if !now.email.is_empty() {
                self.by_email.insert(now.email.as_str().to_lowercase(), i);
            }
        }
        let (old, new) = (was.weak_keys(), now.weak_keys());
        if old != new {
            let urlless = self.contacts[i].url_key.is_none();
            self.urlless
                .rekey(i, &old, if urlless { &new } else { &[] });
            if let Some(index) = &mut self.by_weak {
                index.rekey(i, &old, &new);
            }
        }
        if (&now.first, &now.last) != (&was.first, &was.last)
            && let Some(index) = &mut self.by_name
        {
            let old: Vec<String> = name_keys(&was.first, &was.last).collect();
            let new: Vec<String> = name_keys(&now.first, &now.last).collect();
            index.rekey(i, &old, &new);
        }
    }

    /// A new contact with the next free id, indexed as its row's probe described it.
    pub(super) fn add_new(
        &mut self,
        mut contact: Contact,
        seen: bool,
        hidden: Option<HiddenSlot>,
        weak: OnceCell<String>,
    ) -> i64 {
        contact.id = self.next_id;
        self.next_id += 1;
        let id = contact.id;
        // Only a Connections row adds a contact already seen, and it is a new connection.
        let entry = Entry {
            seen,
            new_connection: seen,
            added_at: self.new_connections_at.filter(|_| seen),
            ..Entry::default()
        };
        let i = self.contacts.len();
        self.index(i, &Probe::of_contact(&contact, hidden, weak));
        self.contacts.push(contact);
        self.entries.push(entry);
        id
    }

    /// Whether contact `i` (or a new one, for `None`) may take `email`: no other contact
    /// has it. A row does not give a contact another's email, which would then find
    /// either of the two (a row took one, and the next import of the same file the other).
    pub(super) fn email_free_for(&self, email: &str, i: Option<usize>) -> bool {
        self.by_email
            .get(&email.to_lowercase())
            .all(|j| Some(j) == i)
    }

    /// `row` as a new contact: its email left out when another contact has it
    /// ([`Merge::email_free_for`]).
    pub(super) fn new_contact(&self, mut row: ConnectionRow) -> Contact {
        if !self.email_free_for(&row.email, None) {
            row.email = Text::default();
        }
        connection_contact(row)
    }

    /// By URL, else email (never a contact with another URL): the contact a row names for
    /// certain. Of several contacts with the row's email (older data: a row no longer
    /// gives one another's email), one with the row's URL key or, without, one without;
    /// then, for a Connections row, one it has not met yet; then the first in the
    /// network. (By the first alone, or the last, a row took one contact, and the next
    /// import of the same file the other.)
    pub(super) fn find_by_identity(&self, p: &Probe<'_>) -> Option<usize> {
        if let Some(&i) = p.url_key.and_then(|k| self.by_url.get(k)) {
            return Some(i);
        }
        if p.email.is_empty() {
            return None;
        }
        (self.by_email.get(&p.email.to_lowercase()))
            .filter(|&i| {
                let known = self.contacts[i].url_key.as_deref();
                p.url_key.is_none() || known.is_none_or(|k| Some(k) == p.url_key)
            })
            .min_by_key(|&i| {
                let met = p.listed_once && self.entries[i].seen;
                let other_url = self.contacts[i].url_key.as_deref() != p.url_key;
                (other_url, met, i)
            })
    }

    /// By URL, else email, else name and company (never onto a contact with a different
    /// URL); a hidden row by its date and ordinal.
    pub(super) fn find(&mut self, p: &Probe<'_>) -> Option<usize> {
        if let Some(i) = self.find_by_identity(p) {
            return Some(i);
        }
        if let Some(h) = p.hidden {
            return self.hidden.get(&h).copied();
        }
        match p.url_key {
            // A row of a file that lists each person once never takes a namesake already
            // met in this import (who has no URL to tell them apart).
            Some(key) if !self.urlless.is_empty() => (self.urlless)
                .get_any(p.weak_keys())
                .filter(|&i| !(p.listed_once && self.entries[i].seen))
                .filter(|&i| self.contacts[i].url_key.as_deref().is_none_or(|k| k == key))
                .min(),
            Some(_) => None,
            // A contact list's row without a company says nothing of it: the first contact
            // of its name in the network (in either spelling), whatever their company. (By
            // name and an empty company, a row found a contact whose company a later row
            // then filled in, and the next import of the same files did not.) The first in
            // the network, not of the row's own spelling first: a contact in that spelling
            // that this import adds would be the next import's pick.
            None if !p.listed_once && p.has_name_alone() => {
                let index = name_index(&mut self.by_name, &self.contacts);
                index.get_any(name_keys(p.first, p.last)).min()
            }
            None if !p.listed_once => {
                let index = weak_index(&mut self.by_weak, &self.contacts);
                index.get_any(p.weak_keys()).min()
            }
            // A Connections row without URL: by name and company; one without a company
            // (LinkedIn leaves it empty between jobs) by name alone, whatever company a
            // contact list filled in.
            None => match p.has_name_alone() {
                true => self.pick_unseen(p, IndexBy::Name),
                false => self.pick_unseen(p, IndexBy::NameAndCompany),
            },
        }
    }

    /// The contact a Connections row without URL (`p`) takes among those `by` its keys
    /// that this import has not met yet: the one most like it — connected the same day,
    /// in the same position (an empty one says nothing), its name spelt the same, at the
    /// same company (an empty one says nothing) — the first in the network of those
    /// alike; none left: a new one. So two people of one name (at one company) in an export without
    /// URLs each find their own, whatever their order in the file, and whatever a contact
    /// list filled in.
    fn pick_unseen(&mut self, p: &Probe<'_>, by: IndexBy) -> Option<usize> {
        let keys: Vec<String> = match by {
            IndexBy::NameAndCompany => p.weak_keys().collect(),
            IndexBy::Name => name_keys(p.first, p.last).collect(),
        };
        let (contacts, entries) = (&self.contacts, &self.entries);
        let index = match by {
            IndexBy::NameAndCompany => weak_index(&mut self.by_weak, contacts),
            IndexBy::Name => name_index(&mut self.by_name, contacts),
        };
        let likeness = |i: usize| {
            let c = &contacts[i];
            std::cmp::Reverse((
                c.connected_on == p.connected_on,
                !says_other(&c.position, p.position),
                (c.first_name.as_str(), c.last_name.as_str()) == (p.first, p.last),
                !says_other(&c.company, p.company),
            ))
        };
        (keys.iter().flat_map(|key| index.get(key)))
            .filter(|&i| !entries[i].seen)
            .min_by_key(|&i| (likeness(i), i))
    }

    /// The contact a person in messages is: by URL key, else the one contact of their name.
    pub(super) fn find_person(&mut self, person: &PersonRef) -> Option<usize> {
        match person {
            PersonRef::Url(k) => self.by_url.get(k.as_str()).copied(),
            PersonRef::Name(key, spelt_out) => {
                let index = name_index(&mut self.by_name, &self.contacts);
                let only = |key: &str| {
                    let mut found = index.get(key);
                    match (found.next(), found.next()) {
                        (Some(only), None) => Some(only),
                        _ => None,
                    }
                };
                // The name as written first; a name with umlauts no one has so is looked
                // for spelt out (Jürgen Müller's messages are Juergen Mueller's, from a
                // CRM list).
                match index.get(key).next() {
                    Some(_) => only(key),
                    None => spelt_out.as_deref().and_then(only),
                }
            }
        }
    }

    /// Gives contact `i` the URL key `key` when it has none and no one else holds it.
    pub(super) fn adopt_url_key(&mut self, i: usize, key: Option<&Text>, changed: &mut bool) {
        let Some(key) = key else { return };
        if self.contacts[i].url_key.is_none() && !self.by_url.contains_key(key) {
            self.contacts[i].url_key = Some(key.clone());
            self.by_url.insert(key.clone(), i);
            *changed = true;
        }
    }
}

/// A connection row as a new contact.
fn connection_contact(row: ConnectionRow) -> Contact {
    let mut flags = Flags::default();
    flags.set(Flags::HIDDEN, row.hidden);
    Contact {
        first_name: row.first_name,
        last_name: row.last_name,
        url: row.url,
        url_key: row.url_key,
        email: row.email,
        company: row.company,
        position: row.position,
        connected_on: row.connected_on,
        is_connection: true,
        flags,
        ..Contact::default()
    }
}
