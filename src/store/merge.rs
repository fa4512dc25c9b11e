//! Merging an import batch into the store, in one transaction. The network is read into
//! memory once and every file is merged there: new connections are added, known ones
//! updated (a company or position change is recorded as a job change), connections
//! absent from a newer full export are marked gone (never deleted; an export older than
//! the network, or not the network's, is refused unless the user allows it), contact
//! CSVs enrich, message summaries fold in. Then every contact is scored and each new or
//! changed row is written once, with its score; invitations are added, and those a newer
//! Invitations.csv leaves out within its dates marked gone. Decisions are never touched;
//! tags are only added (from a re-imported netcurate export).
//!
//! The one rule every choice here serves: the same files imported again change nothing.
//! So files merge in one order (connections, contact lists, messages), rows found by URL
//! or email before rows found by name, the indexes follow a contact a row changes, and
//! where several contacts could be a row's the pick depends on nothing this import
//! changes (`tests/properties.rs` imports generated exports twice; `fuzz/` does too).
//!
//! Must not: parse files (the batch arrives parsed) or decide scores (audience does).

use super::bulk::{BulkStatement, Value};
use super::read::{read_contacts, url_key_column, url_key_is_derived};
use super::report::{ColumnRead, FileReport, ImportReport, NewInAudience};
use super::{DateText, Store, date_text, datetime_text};
use crate::audience::{Profile, Scored, in_audience, score_in_chunks};
use crate::error::{Error, Result};
use crate::import::rows::{
    ConnectionRow, ContactRow, InvitationRow, MessageSummary, ParsedFile, PersonRef, Rows,
    employers, name_keys, owner_in, spelt_out_weak_key, summarise_messages, weak_key,
};
use crate::import::{FileKind, ImportBatch, Progress};
use crate::model::{Contact, Decision, Direction, Flags, Text};
use crate::network::InvitationLinks;
use crate::text::{as_seen_text, folded};
use chrono::{NaiveDate, NaiveDateTime};
use foldhash::{HashMap, HashMapExt};
use rusqlite::{OptionalExtension, Transaction, params};
use std::cell::OnceCell;
use std::path::Path;

/// Merge bookkeeping for one contact, parallel to [`Merge::contacts`].
#[derive(Default)]
struct Entry {
    gone_at: Option<NaiveDateTime>,
    job_changed_at: Option<NaiveDateTime>,
    /// When an import added the contact to the connections.
    added_at: Option<NaiveDateTime>,
    /// What scoring last stored; `None` for a contact this import adds.
    stored: Option<Scored>,
    /// A merged field differs from the stored row.
    changed: bool,
    /// Met in this import's Connections files.
    seen: bool,
    /// A connection this import adds to the network (counted as new in the report).
    new_connection: bool,
    /// Of the contact-list rows of this import, the one (by its place in the files) that
    /// set the industry, and the location: a later one wins, whatever order the rows are
    /// merged in.
    set_by_row: [Option<u32>; 2],
}

/// Contact indexes by a key that several contacts may share, each key's contacts in the
/// network's order (so that one entered under a new key in the middle of an import comes
/// where an index built afresh by the next import puts it), without a vector per key: the
/// map holds each key's first and last entry, and each entry its contact and the key's
/// next entry. A contact may be entered under several keys (a name in both spellings of
/// an umlaut): each key's chain is its own.
#[derive(Default)]
struct MultiIndex {
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
    fn insert(&mut self, key: String, i: usize) {
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
    fn remove(&mut self, key: &str, i: usize) {
        let first = self.ends.get(key).map(|&(first, _)| first);
        let chain = std::iter::successors(first, |&e| {
            Some(self.entries[e].1).filter(|&n| n != NO_ENTRY)
        });
        let found: Vec<usize> = chain.filter(|&e| self.entries[e].0 == i).collect();
        for e in found {
            self.entries[e].0 = NO_ENTRY;
        }
    }

    /// The contacts entered under `key`, in the network's order.
    fn get<'a>(&'a self, key: &str) -> impl Iterator<Item = usize> + use<'a> {
        let first = self.ends.get(key).map(|&(first, _)| first);
        std::iter::successors(first, |&e| {
            Some(self.entries[e].1).filter(|&n| n != NO_ENTRY)
        })
        .map(|e| self.entries[e].0)
        .filter(|&i| i != NO_ENTRY)
    }

    /// The contacts entered under any of `keys`, key by key (a contact under two of them
    /// comes twice).
    fn get_any<K: IntoIterator<Item = String>>(
        &self,
        keys: K,
    ) -> impl Iterator<Item = usize> + use<'_, K> {
        keys.into_iter().flat_map(|key| self.get(&key))
    }

    /// Moves contact `i` from under the keys `old` to under `new` (under a key of both it
    /// keeps its place: a key's contacts stay in the order they were first entered, as
    /// the next import enters them).
    fn rekey(&mut self, i: usize, old: &[String], new: &[String]) {
        for key in old.iter().filter(|k| !new.contains(k)) {
            self.remove(key, i);
        }
        for key in new.iter().filter(|k| !old.contains(k)) {
            self.insert(key.clone(), i);
        }
    }

    /// Indexes every contact by each of its keys.
    fn build<K: IntoIterator<Item = String>>(
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
fn has_identity(url_key: Option<&str>, email: &str) -> bool {
    url_key.is_some() || !email.is_empty()
}

/// Every named contact by name and company ([`Probe::weak_keys`]), in `slot` once built.
fn weak_index<'a>(slot: &'a mut Option<MultiIndex>, contacts: &[Contact]) -> &'a MultiIndex {
    slot.get_or_insert_with(|| {
        MultiIndex::build(contacts.iter().enumerate().map(|(i, c)| {
            let probe = Probe::of_contact(c, None, OnceCell::new());
            let keys = (!c.is_hidden()).then(|| probe.weak_keys());
            (i, keys.into_iter().flatten())
        }))
    })
}

/// Every contact by name ([`name_keys`]), in `slot` once built.
fn name_index<'a>(slot: &'a mut Option<MultiIndex>, contacts: &[Contact]) -> &'a MultiIndex {
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
fn weak_keys(
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
enum IndexBy {
    NameAndCompany,
    Name,
}

/// What a contact is found by besides its URL, as it was before a row changed it: its
/// email, name and company.
#[derive(PartialEq)]
struct FoundBy {
    email: Text,
    first: Text,
    last: Text,
    company: Text,
    hidden: bool,
}

impl FoundBy {
    fn of(c: &Contact) -> FoundBy {
        FoundBy {
            email: c.email.clone(),
            first: c.first_name.clone(),
            last: c.last_name.clone(),
            company: c.company.clone(),
            hidden: c.is_hidden(),
        }
    }

    /// The keys by name and company ([`weak_keys`]; none for a hidden row).
    fn weak_keys(&self) -> Vec<String> {
        let (first, last, company) = (&self.first, &self.last, &self.company);
        match self.hidden {
            true => Vec::new(),
            false => weak_keys(weak_key(first, last, company), first, last, company).collect(),
        }
    }
}

/// What a row (or a stored contact) is matched by. The weak key (name and company) is
/// worked out only if a lookup needs it.
struct Probe<'r> {
    url_key: Option<&'r str>,
    email: &'r str,
    first: &'r str,
    last: &'r str,
    company: &'r str,
    position: &'r str,
    connected_on: Option<NaiveDate>,
    /// A hidden row has no name: its date and ordinal among hidden rows of that date.
    hidden: Option<HiddenSlot>,
    /// A row of a Connections file, which lists each connection once: a contact it
    /// matches only by name and company, already met in this import, is a namesake.
    listed_once: bool,
    weak: OnceCell<String>,
}

/// A hidden row's place among hidden rows: its date and ordinal for that date.
type HiddenSlot = (Option<NaiveDate>, u32);

impl<'r> Probe<'r> {
    /// The probe for a person row (`hidden`: its slot, when it is a hidden row).
    fn of_row(row: &'r ConnectionRow, hidden: Option<HiddenSlot>) -> Probe<'r> {
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

    fn weak(&self) -> &str {
        self.weak
            .get_or_init(|| weak_key(self.first, self.last, self.company))
    }

    /// A name and no company (none, or none that a company key keeps).
    fn has_name_alone(&self) -> bool {
        let weak = self.weak();
        weak.ends_with('|') && !weak.starts_with('|')
    }

    /// The keys this probe is indexed and looked up by name and company ([`weak_keys`]).
    fn weak_keys(&self) -> impl Iterator<Item = String> + use<> {
        weak_keys(self.weak().to_string(), self.first, self.last, self.company)
    }

    /// A probe for a contact that is already built, keeping what a row's probe found.
    fn of_contact(c: &'r Contact, hidden: Option<HiddenSlot>, weak: OnceCell<String>) -> Probe<'r> {
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

/// The whole network in memory while a batch is merged, with its lookup indexes.
struct Merge {
    contacts: Vec<Contact>,
    entries: Vec<Entry>,
    by_url: HashMap<Text, usize>,
    /// Contacts by email (lower-cased); several may have one ([`Merge::find_by_identity`]).
    by_email: MultiIndex,
    /// Contacts without a URL key, by weak key: all that a row with a URL may match by
    /// name and company (never a contact with another URL).
    urlless: MultiIndex,
    /// Every named contact by weak key, built when a row without URL first looks.
    by_weak: Option<MultiIndex>,
    /// Every contact by case-folded name, built when messages first look.
    by_name: Option<MultiIndex>,
    hidden: HashMap<HiddenSlot, usize>,
    hidden_ordinals: HashMap<Option<NaiveDate>, u32>,
    next_id: i64,
    /// Tags carried by re-imported rows, added once the rows are written.
    tags: Vec<(i64, String)>,
    /// Invitation rows, stored while contacts are scored.
    invitations: Vec<InvitationRow>,
    /// Contact-list rows merged so far in this import (each row's place among them).
    contact_rows: u32,
    /// The full Connections file this import dates the network by (the one covering the
    /// latest date), and that date ([`crate::import::rows::ParsedFile::covers_until`]).
    full_file: Option<String>,
    covers_until: Option<NaiveDate>,
    now: NaiveDateTime,
    /// The time this import's new connections are added at: `now` when the network held
    /// connections before, else none (a first import's connections are the network, not
    /// news).
    new_connections_at: Option<NaiveDateTime>,
}

/// Fewer connections left out than this never look like another network's export: a
/// small network's owner may remove a third of it in a week.
const MOSTLY_LEFT_OUT_MIN: u64 = 20;

/// Sets `slot` to `value`, noting whether that changed it.
fn assign<T: PartialEq>(slot: &mut T, value: T, changed: &mut bool) {
    if *slot != value {
        *slot = value;
        *changed = true;
    }
}

/// Raises `slot` to `value` when that is later or larger.
fn raise<T: Ord + Copy>(slot: &mut T, value: T, changed: &mut bool) {
    assign(slot, (*slot).max(value), changed);
}

/// [`assign`] for text, copying only when the text differs.
fn assign_text(slot: &mut Text, value: &str, changed: &mut bool) {
    if slot != value {
        *slot = value.into();
        *changed = true;
    }
}

/// The same title or company as a reader sees it: in any case, spaces and invisible
/// characters aside ("Directeur général" re-typed "Directeur Général" is no job change).
fn same_text(a: &str, b: &str) -> bool {
    a == b || folded(&as_seen_text(a)) == folded(&as_seen_text(b))
}

/// Whether a row's `listed` company or position says another than the `known` one (an
/// empty one says nothing: a contact list may have filled in what LinkedIn leaves empty).
fn says_other(known: &str, listed: &str) -> bool {
    !listed.is_empty() && !same_text(known, listed)
}

impl Merge {
    fn load(tx: &Transaction<'_>, path: &Path, now: NaiveDateTime) -> Result<Merge> {
        let (contacts, extras) = read_contacts(tx, path)?;
        let mut entries = Vec::with_capacity(contacts.capacity());
        entries.extend(extras.into_iter().map(|extra| Entry {
            gone_at: extra.gone_at,
            job_changed_at: extra.job_changed_at,
            added_at: extra.added_at,
            stored: Some(extra.scored),
            ..Entry::default()
        }));
        let mut merge = Merge {
            contacts: Vec::new(),
            entries,
            by_url: HashMap::with_capacity(contacts.len()),
            by_email: MultiIndex::default(),
            urlless: MultiIndex::default(),
            by_weak: None,
            by_name: None,
            hidden: HashMap::new(),
            hidden_ordinals: HashMap::new(),
            next_id: contacts.iter().map(|c| c.id + 1).max().unwrap_or(1),
            tags: Vec::new(),
            invitations: Vec::new(),
            contact_rows: 0,
            full_file: None,
            covers_until: None,
            now,
            new_connections_at: contacts.iter().any(|c| c.is_connection).then_some(now),
        };
        // The stored contacts stay in the vector they were read into; only the indexes
        // are built.
        for (i, c) in contacts.iter().enumerate() {
            let slotted = c.is_hidden() && !has_identity(c.url_key.as_deref(), &c.email);
            let hidden = merge.hidden_slot(slotted, c.connected_on);
            merge.index(i, &Probe::of_contact(c, hidden, OnceCell::new()));
        }
        merge.contacts = contacts;
        Ok(merge)
    }

    /// Room for what a file of `rows` rows is likely to add, so that the network is not
    /// copied as it grows: as many contacts as the file has rows beyond the network's size
    /// (all of them into an empty network, none when the same export comes again).
    /// Reserving a row for each row made a weekly re-import copy the whole network into a
    /// vector twice its size.
    fn reserve(&mut self, rows: usize) {
        let more = rows.saturating_sub(self.contacts.len());
        self.contacts.reserve(more);
        self.entries.reserve(more);
        self.by_url.reserve(more);
    }

    /// The next slot for a hidden row of `date` (`None` when the row is not hidden).
    fn hidden_slot(&mut self, hidden: bool, date: Option<NaiveDate>) -> Option<HiddenSlot> {
        hidden.then(|| {
            let n = self.hidden_ordinals.entry(date).or_insert(0);
            *n += 1;
            (date, *n)
        })
    }

    /// The probe for a row of a Connections file (hidden rows take the next slot).
    fn probe<'r>(&mut self, row: &'r ConnectionRow) -> Probe<'r> {
        let slotted = row.hidden && !has_identity(row.url_key.as_deref(), &row.email);
        Probe {
            listed_once: true,
            ..Probe::of_row(row, self.hidden_slot(slotted, row.connected_on))
        }
    }

    /// Enters contact `i` (not yet pushed), described by `probe`, in every index.
    fn index(&mut self, i: usize, probe: &Probe<'_>) {
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
    fn reindex(&mut self, i: usize, was: FoundBy) {
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
    fn add_new(
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
    fn email_free_for(&self, email: &str, i: Option<usize>) -> bool {
        self.by_email
            .get(&email.to_lowercase())
            .all(|j| Some(j) == i)
    }

    /// `row` as a new contact: its email left out when another contact has it
    /// ([`Merge::email_free_for`]).
    fn new_contact(&self, mut row: ConnectionRow) -> Contact {
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
    fn find_by_identity(&self, p: &Probe<'_>) -> Option<usize> {
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
    fn find(&mut self, p: &Probe<'_>) -> Option<usize> {
        if let Some(i) = self.find_by_identity(p) {
            return Some(i);
        }
        if let Some(h) = p.hidden {
            return self.hidden.get(&h).copied();
        }
        match p.url_key {
            // A row of a file that lists each person once never takes a namesake already
            // met in this import (who has no URL to tell them apart).
            Some(key) if !self.urlless.ends.is_empty() => (self.urlless)
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
    fn find_person(&mut self, person: &PersonRef) -> Option<usize> {
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
    fn adopt_url_key(&mut self, i: usize, key: Option<&Text>, changed: &mut bool) {
        let Some(key) = key else { return };
        if self.contacts[i].url_key.is_none() && !self.by_url.contains_key(key) {
            self.contacts[i].url_key = Some(key.clone());
            self.by_url.insert(key.clone(), i);
            *changed = true;
        }
    }

    fn merge_connections(&mut self, rows: Vec<ConnectionRow>, report: &mut ImportReport) {
        self.hidden_ordinals.clear();
        self.reserve(rows.len());
        let merge_row = &mut |merge: &mut Merge, row| merge.merge_connection_row(row, report);
        self.in_identity_order(rows, |row| row, merge_row);
    }

    /// Merges a Connections row into the contact it finds (unless this import met that
    /// one already), or adds it.
    fn merge_connection_row(&mut self, mut row: ConnectionRow, report: &mut ImportReport) {
        let tags = std::mem::take(&mut row.tags);
        report.hidden += u64::from(row.hidden);
        let probe = self.probe(&row);
        // A hidden row with a URL or an email is found by it or is someone new (it has no
        // name to look for, and no slot among the others).
        let found = match row.hidden && probe.hidden.is_none() {
            true => self.find_by_identity(&probe),
            false => self.find(&probe),
        };
        let (hidden, weak) = (probe.hidden, probe.weak);
        let id = match found {
            Some(i) if self.entries[i].seen => return,
            Some(i) => self.update_connection(i, &row, report),
            None => {
                report.count_new(row.connected_on);
                self.add_new(self.new_contact(row), true, hidden, weak)
            }
        };
        self.tags.extend(tags.into_iter().map(|tag| (id, tag)));
    }

    /// Merges `rows` (each a person's, as `person` reads it) one by one with `merge_row`,
    /// those that name a contact by URL or email before the others, found by name (and
    /// company), each in their order. What a row found by email gives its contact (a
    /// name, a company) changes how the contact is found by name: a row found by name
    /// before would not find it in the next import of the same file, where the row found
    /// by email comes first. (A row cannot wait for another of its file to make its URL or
    /// email known: a row gives a contact only its own, and a file's rows that share a URL
    /// or an email are one person listed twice, dropped when the file is read.)
    fn in_identity_order<R>(
        &mut self,
        rows: Vec<R>,
        person: impl Fn(&R) -> &ConnectionRow,
        merge_row: &mut dyn FnMut(&mut Merge, R),
    ) {
        let known: Vec<bool> = (rows.iter())
            .map(|row| (self.find_by_identity(&Probe::of_row(person(row), None))).is_some())
            .collect();
        // Into an empty network (a first import) no row is known: nothing to hold back.
        if !known.contains(&true) || !known.contains(&false) {
            rows.into_iter().for_each(|row| merge_row(self, row));
            return;
        }
        let mut by_name = Vec::new();
        for (row, known) in rows.into_iter().zip(known) {
            match known {
                true => merge_row(self, row),
                false => by_name.push(row),
            }
        }
        by_name.into_iter().for_each(|row| merge_row(self, row));
    }

    /// A known contact met again in a Connections file.
    fn update_connection(
        &mut self,
        i: usize,
        row: &ConnectionRow,
        report: &mut ImportReport,
    ) -> i64 {
        let now = self.now;
        let mut changed = false;
        let was = FoundBy::of(&self.contacts[i]);
        self.adopt_url_key(i, row.url_key.as_ref(), &mut changed);
        let email_free = self.email_free_for(&row.email, Some(i));
        let (c, e) = (&mut self.contacts[i], &mut self.entries[i]);
        let was_present = c.is_connection && e.gone_at.is_none();
        // Another company or position is a job change ([`says_other`]).
        let job_change = was_present
            && !row.hidden
            && (says_other(&c.company, &row.company) || says_other(&c.position, &row.position));
        if job_change {
            c.previous_company = std::mem::take(&mut c.company);
            c.previous_position = std::mem::take(&mut c.position);
            e.job_changed_at = Some(now);
            changed = true;
            report.changed += 1;
        } else if was_present {
            report.unchanged += 1;
        } else if c.is_connection {
            report.returned += 1;
        } else {
            report.count_new(row.connected_on);
            e.new_connection = true;
            e.added_at = self.new_connections_at;
            changed = true;
        }
        assign_text(&mut c.first_name, &row.first_name, &mut changed);
        assign_text(&mut c.last_name, &row.last_name, &mut changed);
        // A URL without a key (Dec 2023's placeholder) says nothing of one with a key.
        if !row.url.is_empty() && (row.url_key.is_some() || c.url_key.is_none()) {
            assign_text(&mut c.url, &row.url, &mut changed);
        }
        // An email is filled in, never replaced (nor given when another contact has it):
        // a contact's email then finds it from one import to the next.
        if c.email.is_empty() && email_free {
            assign_text(&mut c.email, &row.email, &mut changed);
        }
        // A job change takes the row's job whole; else what the row leaves empty is kept.
        for (known, listed) in [
            (&mut c.company, &row.company),
            (&mut c.position, &row.position),
        ] {
            if job_change || !listed.is_empty() {
                assign_text(known, listed, &mut changed);
            }
        }
        if row.connected_on.is_some() {
            assign(&mut c.connected_on, row.connected_on, &mut changed);
        }
        assign(&mut c.is_connection, true, &mut changed);
        let mut hidden = c.is_hidden();
        assign(&mut hidden, row.hidden, &mut changed);
        c.flags.set(Flags::HIDDEN, hidden);
        assign(&mut e.gone_at, None, &mut changed);
        e.changed |= changed;
        e.seen = true;
        let id = c.id;
        self.reindex(i, was);
        id
    }

    /// Connections of the network this full export leaves out that are not in the
    /// removal plan: gone only if the export is the network's, and newer.
    fn left_out_unplanned(&self) -> impl Iterator<Item = &Contact> {
        (self.contacts.iter().zip(&self.entries))
            .filter(|(c, e)| c.is_connection && e.gone_at.is_none() && !e.seen)
            .filter(|(c, _)| c.decision != Decision::Prune)
            .map(|(c, _)| c)
    }

    /// Refuses a full export that would mark gone connections it gives no sign were
    /// removed ([`Error::doubts_gone`]). *Older*: it leaves out connections made after its
    /// date; a newer export lists every connection made by then, save those removed since,
    /// so these were most likely made after it. *Mostly left out*: it lists fewer than
    /// half of the network's connections (part of an export, or another person's). Those
    /// in the removal plan do not count: their removal is what the user planned (the
    /// newest connections, triaged and pruned, may be the ones gone).
    fn refuse_doubtful_gone(&self) -> Result<()> {
        let Some(file) = &self.full_file else {
            return Ok(());
        };
        if let Some(covers_until) = self.covers_until {
            let later = (self.left_out_unplanned())
                .filter_map(|c| c.connected_on.filter(|on| *on > covers_until));
            let (count, newest_stored) =
                later.fold((0, None), |(n, newest), on| (n + 1, newest.max(Some(on))));
            if let Some(newest_stored) = newest_stored {
                return Err(Error::OlderExport {
                    file: file.clone(),
                    covers_until,
                    later: count,
                    newest_stored,
                });
            }
        }
        let left_out = self.left_out_unplanned().count() as u64;
        let listed = (self.entries.iter())
            .filter(|e| e.seen && e.stored.is_some())
            .count() as u64;
        if left_out >= MOSTLY_LEFT_OUT_MIN && left_out > listed {
            return Err(Error::MostlyLeftOut {
                file: file.clone(),
                left_out,
                network: left_out + listed,
            });
        }
        Ok(())
    }

    /// Connections of the network that this full export no longer lists.
    fn mark_gone(&mut self, report: &mut ImportReport) {
        for (c, e) in self.contacts.iter().zip(&mut self.entries) {
            let planned = c.decision == Decision::Prune;
            if c.is_connection && e.gone_at.is_none() && !e.seen {
                e.gone_at = Some(self.now);
                e.changed = true;
                report.gone += 1;
                report.gone_planned += u64::from(planned);
            } else if c.is_connection && e.seen && planned {
                report.planned_left += 1;
            }
        }
    }

    /// Merges a contact list's rows ([`Merge::in_identity_order`]).
    fn merge_contacts(&mut self, rows: Vec<ContactRow>, report: &mut ImportReport) {
        self.reserve(rows.len());
        let first = self.contact_rows;
        self.contact_rows += rows.len() as u32;
        let rows: Vec<(u32, ContactRow)> = (first..).zip(rows).collect();
        let merge_row = &mut |merge: &mut Merge, (place, row): (u32, ContactRow)| {
            merge.merge_list_row(place, row, report)
        };
        self.in_identity_order(rows, |(_, row)| &row.base, merge_row);
    }

    /// Merges the `place`-th contact-list row of this import into the contact it finds,
    /// or adds it.
    fn merge_list_row(&mut self, place: u32, row: ContactRow, report: &mut ImportReport) {
        let probe = Probe::of_row(&row.base, None);
        let found = self.find(&probe);
        let weak = probe.weak;
        if let Some(i) = found {
            self.enrich(i, &row, place);
            report.contacts_merged += 1;
            return;
        }
        let set = [!row.industry.is_empty(), !row.location.is_empty()];
        let contact = Contact {
            is_connection: false,
            industry: row.industry,
            location: row.location,
            flags: Flags::default(),
            ..self.new_contact(row.base)
        };
        self.add_new(contact, false, None, weak);
        let i = self.contacts.len() - 1;
        self.entries[i].set_by_row = set.map(|set| set.then_some(place));
        report.contacts_added += 1;
    }

    /// Fills what a known contact lacks from a contact CSV row (the `place`-th of this
    /// import's); industry and location from the row win, unless a later row of this
    /// import set them.
    fn enrich(&mut self, i: usize, row: &ContactRow, place: u32) {
        let b = &row.base;
        let mut changed = false;
        let was = FoundBy::of(&self.contacts[i]);
        self.adopt_url_key(i, b.url_key.as_ref(), &mut changed);
        let email = match self.email_free_for(&b.email, Some(i)) {
            true => &b.email,
            false => &Text::default(),
        };
        let c = &mut self.contacts[i];
        for (slot, value) in [
            (&mut c.url, &b.url),
            (&mut c.email, email),
            (&mut c.company, &b.company),
            (&mut c.position, &b.position),
        ] {
            if slot.is_empty() {
                assign_text(slot, value, &mut changed);
            }
        }
        let set_by_row = &mut self.entries[i].set_by_row;
        for ((slot, value), set_by) in [
            (&mut c.industry, &row.industry),
            (&mut c.location, &row.location),
        ]
        .into_iter()
        .zip(set_by_row)
        {
            if !value.is_empty() && set_by.is_none_or(|by| by < place) {
                assign_text(slot, value, &mut changed);
                *set_by = Some(place);
            }
        }
        self.entries[i].changed |= changed;
        self.reindex(i, was);
        // Another email than the contact's names it too for the rest of this import: a
        // later row with it is the same person (as in the next import of the same file,
        // where this row comes first again), not someone to add.
        let email = b.email.as_str().to_lowercase();
        if !email.is_empty() && self.by_email.get(&email).next().is_none() {
            self.by_email.insert(email, i);
        }
    }

    fn merge_messages(
        &mut self,
        summaries: &HashMap<PersonRef, MessageSummary>,
        report: &mut ImportReport,
    ) {
        for (person, s) in summaries {
            let Some(i) = self.find_person(person) else {
                report.messaged_unmatched += 1;
                continue;
            };
            let c = &mut self.contacts[i];
            let mut changed = false;
            raise(&mut c.last_message_at, s.last_message_at, &mut changed);
            raise(&mut c.last_inbound_at, s.last_inbound_at, &mut changed);
            raise(&mut c.last_outbound_at, s.last_outbound_at, &mut changed);
            raise(&mut c.message_count, s.count, &mut changed);
            self.entries[i].changed |= changed;
            report.messaged_matched += 1;
        }
    }

    /// Scores every contact and writes each new or changed row once, with its score
    /// (a new contact with only a Connections row's columns by a shorter insert: 8% of a
    /// 100k import), then the carried tags. Contacts are scored on another thread, in
    /// chunks written here as they come (after the invitations, which do not depend on
    /// scores), and their duplicates found there meanwhile; a row is written with the
    /// duplicate flag it had, and the flag set afterwards where it changed.
    fn write(
        self,
        tx: &Transaction<'_>,
        profile: Option<&Profile>,
        report: &mut ImportReport,
    ) -> Result<()> {
        let (contacts, entries) = (&self.contacts, &self.entries);
        let (sender, chunks) = std::sync::mpsc::channel();
        let (duplicates, written) = crate::parallel::join(
            || score_in_chunks(contacts, profile, move |chunk| drop(sender.send(chunk))),
            || {
                merge_invitations(tx, &self.invitations, contacts, self.now, report)?;
                let scored = chunks.into_iter().flatten();
                write_contacts(tx, contacts, entries, scored, profile, report)
            },
        );
        let written = written?;
        crate::trace::phase("scored and wrote contacts");
        let mut set_flags =
            BulkStatement::prepare(tx, "UPDATE contacts SET flags = ?2 WHERE id = ?1")?;
        for ((c, mut s), duplicate) in contacts.iter().zip(written).zip(duplicates) {
            if s.is_duplicate() != duplicate {
                s.set_duplicate(duplicate);
                set_flags.execute(&[c.id.into(), s.stored_flags.into()])?;
            }
        }
        crate::trace::phase("set the duplicate flags");
        let mut add_tag =
            tx.prepare_cached("INSERT OR IGNORE INTO tags (contact_id, tag) VALUES (?1, ?2)")?;
        for (id, tag) in &self.tags {
            add_tag.execute(params![id, tag])?;
        }
        Ok(())
    }
}

/// Writes each of `contacts` (with its entry, and its score as `scored` yields them with
/// the duplicate flag clear) that is new or changed, with the duplicate flag its row had
/// (clear for a new one), and counts the new connections in the audience into `report`:
/// the scores the rows now hold.
fn write_contacts(
    tx: &Transaction<'_>,
    contacts: &[Contact],
    entries: &[Entry],
    scored: impl Iterator<Item = Scored>,
    profile: Option<&Profile>,
    report: &mut ImportReport,
) -> Result<Vec<Scored>> {
    let mut upsert = BulkStatement::prepare(tx, UPSERT_CONTACT)?;
    let mut insert_plain = BulkStatement::prepare(tx, INSERT_PLAIN_CONTACT)?;
    let mut written = Vec::with_capacity(contacts.len());
    let mut new_in_audience = 0;
    let threshold = profile.map(|p| p.threshold);
    for ((c, e), mut s) in contacts.iter().zip(entries).zip(scored) {
        s.set_duplicate(e.stored.as_ref().is_some_and(Scored::is_duplicate));
        let derived = url_key_is_derived(c);
        if is_plain_new(c, e) {
            insert_plain_contact(&mut insert_plain, c, e, &s, derived)?;
        } else if e.changed || e.stored.as_ref() != Some(&s) {
            write_contact(&mut upsert, c, e, &s, derived)?;
        }
        new_in_audience +=
            u64::from(e.new_connection && threshold.is_some_and(|t| in_audience(s.score, t)));
        written.push(s);
    }
    report.new_in_audience = profile.map(|p| NewInAudience {
        threshold: p.threshold,
        count: new_in_audience,
    });
    Ok(written)
}

fn write_contact(
    upsert: &mut BulkStatement<'_>,
    c: &Contact,
    e: &Entry,
    s: &Scored,
    url_key_derived: bool,
) -> Result<()> {
    upsert.execute(&[
        c.id.into(),
        url_key_column(c, url_key_derived).into(),
        c.first_name.as_str().into(),
        c.last_name.as_str().into(),
        c.url.as_str().into(),
        c.email.as_str().into(),
        c.company.as_str().into(),
        c.position.as_str().into(),
        date_value(&date_text(c.connected_on)),
        c.is_connection.into(),
        c.is_hidden().into(),
        date_value(&datetime_text(e.gone_at)),
        date_value(&datetime_text(e.job_changed_at)),
        c.previous_company.as_str().into(),
        c.previous_position.as_str().into(),
        c.industry.as_str().into(),
        c.location.as_str().into(),
        s.score.into(),
        s.seniority.as_str().into(),
        s.function.as_str().into(),
        s.stored_flags.into(),
        date_value(&datetime_text(c.last_message_at)),
        date_value(&datetime_text(c.last_inbound_at)),
        date_value(&datetime_text(c.last_outbound_at)),
        c.message_count.into(),
        date_value(&datetime_text(e.added_at)),
    ])?;
    Ok(())
}

/// Inserts a contact row or, for a known id, updates every column an import owns
/// (never the decision).
const UPSERT_CONTACT: &str = "INSERT INTO contacts (id, url_key, first_name, last_name, url, email,
        company, position, connected_on, is_connection, hidden, gone_at, job_changed_at,
        previous_company, previous_position, industry, location, score, seniority, function,
        flags, last_message_at, last_inbound_at, last_outbound_at, message_count, added_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
        ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)
    ON CONFLICT(id) DO UPDATE SET url_key = excluded.url_key, first_name = excluded.first_name,
        last_name = excluded.last_name, url = excluded.url, email = excluded.email,
        company = excluded.company, position = excluded.position,
        connected_on = excluded.connected_on, is_connection = excluded.is_connection,
        hidden = excluded.hidden, gone_at = excluded.gone_at,
        job_changed_at = excluded.job_changed_at, previous_company = excluded.previous_company,
        previous_position = excluded.previous_position, industry = excluded.industry,
        location = excluded.location, score = excluded.score, seniority = excluded.seniority,
        function = excluded.function, flags = excluded.flags,
        last_message_at = excluded.last_message_at, last_inbound_at = excluded.last_inbound_at,
        last_outbound_at = excluded.last_outbound_at, message_count = excluded.message_count,
        added_at = excluded.added_at";

/// A contact this import adds that has only what a Connections row brings (most of a
/// first import): inserted with those columns, the others left to their defaults.
fn is_plain_new(c: &Contact, e: &Entry) -> bool {
    e.stored.is_none()
        && e.gone_at.is_none()
        && e.job_changed_at.is_none()
        && c.email.is_empty()
        && c.industry.is_empty()
        && c.location.is_empty()
        && c.previous_company.is_empty()
        && c.previous_position.is_empty()
        && c.message_count == 0
        && c.last_message_at.is_none()
        && c.last_inbound_at.is_none()
        && c.last_outbound_at.is_none()
}

fn insert_plain_contact(
    insert: &mut BulkStatement<'_>,
    c: &Contact,
    e: &Entry,
    s: &Scored,
    url_key_derived: bool,
) -> Result<()> {
    insert.execute(&[
        c.id.into(),
        url_key_column(c, url_key_derived).into(),
        c.first_name.as_str().into(),
        c.last_name.as_str().into(),
        c.url.as_str().into(),
        c.company.as_str().into(),
        c.position.as_str().into(),
        date_value(&date_text(c.connected_on)),
        c.is_connection.into(),
        c.is_hidden().into(),
        s.score.into(),
        s.seniority.as_str().into(),
        s.function.as_str().into(),
        s.stored_flags.into(),
        date_value(&datetime_text(e.added_at)),
    ])?;
    Ok(())
}

/// A date as bound: its text, or NULL.
fn date_value(date: &Option<DateText>) -> Value<'_> {
    date.as_ref().map(DateText::as_str).into()
}

const INSERT_PLAIN_CONTACT: &str = "INSERT INTO contacts (id, url_key, first_name, last_name,
        url, company, position, connected_on, is_connection, hidden, score, seniority,
        function, flags, added_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

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

impl Store {
    /// Applies `batch` in one transaction and rescores with `profile`.
    pub fn import(
        &mut self,
        batch: ImportBatch,
        profile: Option<&Profile>,
        now: NaiveDateTime,
    ) -> Result<ImportReport> {
        self.import_with(batch, profile, now, &mut |_| {})
    }

    /// [`Store::import`], reporting progress (0.4–1.0 of the whole import).
    pub fn import_with(
        &mut self,
        batch: ImportBatch,
        profile: Option<&Profile>,
        now: NaiveDateTime,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport> {
        let path = self.path.clone();
        let report = self.write_import(|tx| {
            // The database as it was, for `undo`, while nothing else can write.
            super::snapshot::take(tx, &path)?;
            crate::trace::phase("copied the database for undo");
            merge_batch(tx, &path, batch, profile, now, progress)
        });
        super::snapshot::tidy(&self.conn, &path);
        report
    }

    /// What [`Store::import_with`] would do, worked out in full and then rolled back:
    /// nothing is stored.
    pub fn preview_import(
        &mut self,
        batch: ImportBatch,
        profile: Option<&Profile>,
        now: NaiveDateTime,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport> {
        let path = self.path.clone();
        self.write_then_roll_back(|tx| merge_batch(tx, &path, batch, profile, now, progress))
    }
}

/// The export's owner as an invitation names them ([`owner_in`]): the first of this
/// import's Invitations files, else the latest one stored; none without invitations.
fn owner_of(tx: &Transaction<'_>, files: &[ParsedFile]) -> Result<Vec<PersonRef>> {
    let listed = files.iter().find_map(|f| match &f.rows {
        Rows::Invitations(rows) => rows.first(),
        _ => None,
    });
    if let Some(i) = listed {
        let (from, to) = (
            (i.inviter_url.as_deref(), &*i.from_name),
            (i.invitee_url.as_deref(), &*i.to_name),
        );
        return Ok(owner_in(i.direction.own_side(from, to)));
    }
    let stored = tx
        .query_row(
            "SELECT direction, inviter_url, from_name, invitee_url, to_name FROM invitations
             ORDER BY sent_at DESC, id DESC LIMIT 1",
            [],
            |r| {
                let direction = Direction::from_stored(r.get_ref(0)?.as_str().ok());
                let (from_url, from): (Option<String>, String) = (r.get(1)?, r.get(2)?);
                let (to_url, to): (Option<String>, String) = (r.get(3)?, r.get(4)?);
                let (from, to) = ((from_url.as_deref(), &*from), (to_url.as_deref(), &*to));
                Ok(owner_in(direction.own_side(from, to)))
            },
        )
        .optional()?;
    Ok(stored.unwrap_or_default())
}

/// Merges `batch` into the database of `tx` (at `path`), scores what changed with
/// `profile` and logs the run; the caller commits or rolls back.
fn merge_batch(
    tx: &Transaction<'_>,
    path: &Path,
    mut batch: ImportBatch,
    profile: Option<&Profile>,
    now: NaiveDateTime,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport> {
    let full_network = batch.has_full_network();
    let maps_to_remember = std::mem::take(&mut batch.maps_to_remember);
    let folder = batch.folder.take();
    let mut report = ImportReport {
        skipped_files: batch.skipped_files,
        ..ImportReport::default()
    };
    let mut merge = Merge::load(tx, path, now)?;
    crate::trace::phase("loaded the network for merging");
    let files = batch.files.len().max(1);
    // The network first, then what contact lists add to it, then the messages that find
    // people among them all: in whatever order the files were named, an import merges
    // them alike, and the same files again change nothing.
    batch.files.sort_by_key(|f| merge_rank(f.kind));
    let owner = match batch
        .files
        .iter()
        .any(|f| matches!(f.rows, Rows::Messages(_)))
    {
        true => owner_of(tx, &batch.files)?,
        false => Vec::new(),
    };
    for (i, file) in batch.files.into_iter().enumerate() {
        let fraction = 0.4 + 0.3 * i as f64 / files as f64;
        progress(Progress::at("merging", fraction));
        if file.full_network
            && (merge.full_file.is_none() || file.covers_until() > merge.covers_until)
        {
            merge.covers_until = file.covers_until();
            merge.full_file = Some(file.name.clone());
        }
        let (file_report, rows) = file_report(file);
        report.files.push(file_report);
        match rows {
            Rows::Connections(rows) => merge.merge_connections(rows, &mut report),
            Rows::Contacts(rows) => merge.merge_contacts(rows, &mut report),
            Rows::Invitations(rows) => merge.invitations.extend(rows),
            Rows::Messages(rows) => {
                merge.merge_messages(&summarise_messages(&rows, &owner), &mut report);
            }
            Rows::Positions(rows) => report.employers = Some(employers(&rows)),
        }
    }
    if full_network {
        if !batch.allow_gone {
            merge.refuse_doubtful_gone()?;
        }
        merge.mark_gone(&mut report);
    }
    report.added_on = (merge.new_connections_at.map(|at| at.date())).filter(|_| report.new > 0);
    report.changed_on = (report.changed > 0).then_some(now.date());
    report.gone_on = (report.gone > 0).then_some(now.date());
    progress(Progress::at("scoring", 0.7));
    crate::trace::phase("merged");
    merge.write(tx, profile, &mut report)?;
    progress(Progress::at("saving", 0.95));
    // With the import, so that undoing it forgets them too.
    super::settings::remember_maps(tx, &maps_to_remember)?;
    if let Some(folder) = folder.as_ref().and_then(|f| f.to_str()) {
        super::settings::remember_import_folder(tx, folder)?;
    }
    if let Some(employers) = &report.employers {
        super::settings::remember_employers(tx, employers)?;
        report.employers_not_in_profile = (employers.current.iter())
            .filter(|c| profile.is_some_and(|p| !p.counts_as_mine(c)))
            .cloned()
            .collect();
    }
    super::settings::mark_scored(tx)?;
    log_run(tx, &report, now)?;
    Ok(report)
}

/// Where files of `kind` come in the order an import merges its files.
fn merge_rank(kind: FileKind) -> u8 {
    match kind {
        FileKind::Connections => 0,
        FileKind::Contacts => 1,
        FileKind::Messages => 2,
        FileKind::Invitations => 3,
        FileKind::Positions => 4,
    }
}

/// What the report says of a file read, and its rows to merge.
fn file_report(file: ParsedFile) -> (FileReport, Rows) {
    let report = FileReport {
        imported: file.imported(),
        name: file.name,
        kind: file.kind,
        rows_read: file.rows_read,
        skipped: file.skipped.values().sum(),
        skipped_why: file.skipped,
        warnings: file.warnings,
        columns: (file.columns.read.into_iter())
            .map(|(field, column)| ColumnRead {
                field: field.as_str(),
                column,
            })
            .collect(),
        unread_columns: file.columns.unread,
        remembered_map: file.remembered_map,
    };
    (report, file.rows)
}

/// Logs the import as a run, dated `now` (the day `--as-of` says) with its report and
/// when it was made by the clock.
fn log_run(tx: &Transaction<'_>, report: &ImportReport, now: NaiveDateTime) -> Result<()> {
    let stored = StoredReport {
        report,
        made_at: chrono::Utc::now().naive_utc(),
    };
    let json = serde_json::to_string(&stored).unwrap_or_default();
    tx.execute(
        "INSERT INTO import_runs (at, report) VALUES (?1, ?2)",
        params![datetime_text(Some(now)), json],
    )?;
    Ok(())
}

/// An import's report as stored in `import_runs` (read back as an
/// [`ImportRun`](super::ImportRun)), with when it was made by the clock: the run's `at` is
/// the `--as-of` day's when one is given.
#[derive(serde::Serialize)]
struct StoredReport<'a> {
    #[serde(flatten)]
    report: &'a ImportReport,
    made_at: NaiveDateTime,
}

/// An invitation's identity: direction, time sent, and the two names.
fn invitation_key(direction: &str, sent_at: &str, from: &str, to: &str) -> String {
    format!("{direction}|{sent_at}|{from}|{to}")
}

/// A stored invitation, as an import of invitations needs it.
struct StoredInvitation {
    /// `None` for one this import adds.
    id: Option<i64>,
    sent_at: String,
    gone: bool,
    withdraw_planned: bool,
    /// In this import's Invitations files.
    listed: bool,
    /// The URL key and name of the person on the other side ([`Direction::other_side`]).
    other: (Option<String>, String),
}

/// The person on the other side of an invitation in `direction`, owned.
fn other_side(
    direction: Direction,
    from: (Option<&str>, &str),
    to: (Option<&str>, &str),
) -> (Option<String>, String) {
    let (url, name) = direction.other_side(from, to);
    (url.map(str::to_string), name.to_string())
}

/// Adds the invitations not stored yet (known by [`invitation_key`]), and marks gone the
/// stored ones that this import's Invitations files leave out though they were sent
/// within the dates the files cover: withdrawn (the withdrawal plan done), expired or
/// declined — or accepted, which the report does not count as gone nor as a withdrawal
/// done or still to do: the person on the other side is one of `contacts`' connections
/// (as the network links them, [`InvitationLinks`]). One listed again is no longer gone.
fn merge_invitations(
    tx: &Transaction<'_>,
    rows: &[InvitationRow],
    contacts: &[Contact],
    now: NaiveDateTime,
    report: &mut ImportReport,
) -> Result<()> {
    let mut stored: HashMap<String, StoredInvitation> = HashMap::new();
    {
        let mut stmt = tx.prepare(
            "SELECT direction, sent_at, from_name, to_name, id, gone_at IS NOT NULL, withdraw_planned,
                inviter_url, invitee_url
             FROM invitations",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let text = |i| {
                r.get_ref(i)
                    .map(|v| v.as_str().unwrap_or_default().to_string())
            };
            let url = |i| r.get::<_, Option<String>>(i);
            let (direction, sent_at, from, to) = (text(0)?, text(1)?, text(2)?, text(3)?);
            let key = invitation_key(&direction, &sent_at, &from, &to);
            let direction = Direction::from_stored(Some(&direction));
            let (inviter, invitee) = (url(7)?, url(8)?);
            let invitation = StoredInvitation {
                id: Some(r.get(4)?),
                sent_at,
                gone: r.get(5)?,
                withdraw_planned: r.get(6)?,
                listed: false,
                other: other_side(
                    direction,
                    (inviter.as_deref(), &from),
                    (invitee.as_deref(), &to),
                ),
            };
            stored.insert(key, invitation);
        }
    }
    let mut insert = BulkStatement::prepare(
        tx,
        "INSERT INTO invitations (direction, from_name, to_name, sent_at, message, inviter_url, invitee_url)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut set_gone = tx.prepare("UPDATE invitations SET gone_at = ?2 WHERE id = ?1")?;
    for r in rows {
        let sent_at = datetime_text(Some(r.sent_at));
        let sent_at = sent_at.as_ref().map_or("", DateText::as_str);
        let key = invitation_key(r.direction.as_str(), sent_at, &r.from_name, &r.to_name);
        if let Some(known) = stored.get_mut(&key) {
            report.invitations_known += 1;
            known.listed = true;
            if let (true, Some(id)) = (known.gone, known.id) {
                set_gone.execute(params![id, None::<&str>])?;
                known.gone = false;
                report.invitations_back += 1;
            }
            continue;
        }
        insert.execute(&[
            r.direction.as_str().into(),
            r.from_name.as_str().into(),
            r.to_name.as_str().into(),
            sent_at.into(),
            r.message.as_str().into(),
            r.inviter_url.as_deref().into(),
            r.invitee_url.as_deref().into(),
        ])?;
        report.invitations_added += 1;
        let added = StoredInvitation {
            id: None,
            sent_at: sent_at.to_string(),
            gone: false,
            withdraw_planned: false,
            listed: true,
            other: other_side(
                r.direction,
                (r.inviter_url.as_deref(), &r.from_name),
                (r.invitee_url.as_deref(), &r.to_name),
            ),
        };
        stored.insert(key, added);
    }
    // The dates the files cover: what they leave out of them is gone.
    let covered = (rows.iter().map(|r| r.sent_at).min())
        .zip(rows.iter().map(|r| r.sent_at).max())
        .and_then(|(first, last)| datetime_text(Some(first)).zip(datetime_text(Some(last))));
    let Some((first, last)) = covered else {
        return Ok(());
    };
    let now = datetime_text(Some(now));
    let now = now.as_ref().map(DateText::as_str);
    let others = stored
        .values()
        .map(|i| (i.other.0.as_deref(), i.other.1.as_str()));
    let links = InvitationLinks::new(others, contacts);
    for invitation in stored.values() {
        let in_files = (first.as_str()..=last.as_str()).contains(&invitation.sent_at.as_str());
        let (url, name) = &invitation.other;
        let open = links.contact_of(url.as_deref(), name).is_none();
        let planned = u64::from(invitation.withdraw_planned && open);
        match (invitation.listed, invitation.id) {
            (false, Some(id)) if in_files && !invitation.gone => {
                set_gone.execute(params![id, now])?;
                report.invitations_gone += u64::from(open);
                report.withdrawals_done += planned;
            }
            (true, _) => report.withdrawals_left += planned,
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A new store in a folder of its own, removed when the folder is dropped.
    fn scratch_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("dir");
        let store = Store::open(&dir.path().join("d.db")).expect("open");
        (dir, store)
    }

    /// Each key lists its contacts in the order they were entered, also when a contact
    /// is entered under several keys (Ana Müller as `muller` and `mueller`): no key's
    /// list loses a contact to another key's.
    #[test]
    fn a_contact_under_two_keys_leaves_each_key_its_contacts() {
        let keys = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
        let index = MultiIndex::build(
            [
                (0, keys(&["muller", "mueller"])),
                (1, keys(&["mueller"])),
                (2, keys(&["muller", "mueller"])),
                (3, keys(&["li"])),
            ]
            .into_iter(),
        );
        let got = |key: &str| index.get(key).collect::<Vec<_>>();
        assert_eq!(got("mueller"), [0, 1, 2]);
        assert_eq!(got("muller"), [0, 2]);
        assert_eq!(got("li"), [3]);
        assert_eq!(got("none"), Vec::<usize>::new());
    }

    /// A title or company re-typed in other capitals, with other spaces or invisible
    /// characters is the same job; other words are another.
    #[test]
    fn the_same_job_as_a_reader_sees_it() {
        for (a, b) in [
            ("Directeur général", "DIRECTEUR GÉNÉRAL"),
            ("Head of Growth", " head of\u{a0}growth "),
            ("Softwareфирма", "Soft\u{ad}wareФирма"),
            ("Blue  Sun", "Blue Sun"),
        ] {
            assert!(same_text(a, b), "{a:?} {b:?}");
        }
        for (a, b) in [("Head of Growth", "Head of Sales"), ("Bluesun", "Blue Sun")] {
            assert!(!same_text(a, b), "{a:?} {b:?}");
        }
    }

    /// The shorter insert of a plain new contact stores the row the full upsert stores.
    #[test]
    fn a_plain_insert_stores_what_the_full_upsert_stores() {
        let (_dir, mut store) = scratch_store();
        let contact = |id| Contact {
            id,
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            url: "https://www.linkedin.com/in/Ada-L".into(),
            url_key: Some("linkedin.com/in/ada-l".into()),
            company: "Hooli".into(),
            position: "VP Engineering".into(),
            connected_on: NaiveDate::from_ymd_opt(2024, 3, 5),
            is_connection: true,
            ..Contact::default()
        };
        let scored = Scored {
            score: Some(81),
            seniority: crate::model::Seniority::Vp,
            function: crate::model::Function::Engineering,
            stored_flags: Flags::DUPLICATE,
        };
        let entry = Entry {
            added_at: NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(9, 0, 0)),
            ..Entry::default()
        };
        assert!(is_plain_new(&contact(1), &entry));
        store
            .write(|tx| {
                let derived = url_key_is_derived(&contact(1));
                insert_plain_contact(
                    &mut BulkStatement::prepare(tx, INSERT_PLAIN_CONTACT)?,
                    &contact(1),
                    &entry,
                    &scored,
                    derived,
                )?;
                write_contact(
                    &mut BulkStatement::prepare(tx, UPSERT_CONTACT)?,
                    &contact(2),
                    &entry,
                    &scored,
                    derived,
                )?;
                let row = |id: i64| -> Result<Vec<rusqlite::types::Value>> {
                    let mut stmt = tx.prepare("SELECT * FROM contacts WHERE id = ?1")?;
                    let n = stmt.column_count();
                    Ok(stmt.query_row([id], |r| (1..n).map(|i| r.get(i)).collect())?)
                };
                assert_eq!(row(1)?, row(2)?);
                Ok(())
            })
            .expect("write");
    }

    /// The duplicate flag, worked out apart from the scores, reaches every row it
    /// concerns: rows this import writes and rows it leaves as they were.
    /// Imports a Connections.csv (`connections`' rows) and, when `crm` has rows, a contact
    /// list beside it, into `store` ([`import_files`]).
    fn import_with_list(
        store: &mut Store,
        connections: &str,
        crm: &str,
    ) -> ((u64, u64, u64), Vec<String>) {
        let network = ("Connections.csv", CONNECTIONS, connections);
        match crm.is_empty() {
            true => import_files(store, &[network]),
            false => import_files(store, &[network, ("crm.csv", LIST, crm)]),
        }
    }

    /// A contact list's row found by name and an empty company, and another that fills
    /// in that company (found by the email the connection has): the same files again
    /// change nothing (the first row found the connection before its company was filled
    /// in, and the next import added its person anew). Found by the cargo-fuzz `merge`
    /// target.
    #[test]
    fn a_company_a_list_fills_in_leaves_the_same_files_unchanged() {
        let (_dir, mut store) = scratch_store();
        let connections = "Ana,Mueller,,ana@old.example,,,01 Mar 2024\n";
        let crm = "Ana,Mueller,ana@new.example,,,\nA.,Mueller,ana@old.example,Initech,CTO,\n";
        let (_, first) = import_with_list(&mut store, connections, crm);
        let (counts, again) = import_with_list(&mut store, connections, crm);
        assert_eq!(counts, (0, 0, 0));
        assert_eq!(again, first);
    }

    /// A job change recorded by a Connections row (found by URL) moves the contact to its
    /// new company for the rest of the import: a contact list's row at the old company no
    /// longer finds it by a key the next import would not have (it did while an earlier
    /// row without URL had the index by name and company built, and the next import of the
    /// same files added the list's person anew).
    #[test]
    fn a_job_change_moves_the_contact_in_the_index_at_once() {
        let (_dir, mut store) = scratch_store();
        let row = |company: &str| {
            format!(
                "Bo,Chen,,,Globex,CFO,01 Mar 2024\nAna,Li,https://www.linkedin.com/in/ana-li,,{company},CTO,01 Mar 2024\n"
            )
        };
        import_with_list(&mut store, &row("Old Co"), "");
        let crm = "Ana,Li,,Old Co,CTO,Software\n";
        let (_, moved) = import_with_list(&mut store, &row("New Co"), crm);
        let (counts, again) = import_with_list(&mut store, &row("New Co"), crm);
        assert_eq!(counts, (0, 0, 0));
        assert_eq!(again, moved);
    }

    /// Imports `files` (name, header and rows each) in the order given into `store`:
    /// the report's (new, gone, contacts added), and the network's contacts as text.
    fn import_files(
        store: &mut Store,
        files: &[(&str, &str, &str)],
    ) -> ((u64, u64, u64), Vec<String>) {
        let dir = tempfile::tempdir().expect("dir");
        let now = NaiveDate::from_ymd_opt(2026, 11, 1)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .expect("time");
        let paths: Vec<_> = (files.iter())
            .map(|(name, header, rows)| {
                let path = dir.path().join(name);
                std::fs::write(&path, format!("{header}\n{rows}")).expect("write");
                path
            })
            .collect();
        let mut batch = ImportBatch::read(&paths).expect("read");
        batch.allow_gone = true;
        let report = store.import(batch, None, now).expect("import");
        let network = store.load(now.date()).expect("load");
        let contacts = network.contacts.iter().map(|c| format!("{c:?}")).collect();
        ((report.new, report.gone, report.contacts_added), contacts)
    }

    const CONNECTIONS: &str =
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
    const LIST: &str = "First Name,Last Name,Email,Company,Job Title,Industry";

    /// A hidden row that has an email (or a URL) is found by it, and takes no place among
    /// the hidden rows of its date: it took one, so that the hidden row after it was
    /// looked for at the next place, and the next import of the same file said "1 new,
    /// 1 gone".
    #[test]
    fn a_hidden_row_found_by_its_email_takes_no_place_among_the_hidden() {
        let (_dir, mut store) = scratch_store();
        let rows = "Ana,Li,,ana@x.example,Initech,CTO,01 Mar 2024\n\
                    ,,https://www.linkedin.com/in,ana@x.example,,,15 Oct 2026\n\
                    ,,,,,,15 Oct 2026\n";
        let file = [("Connections.csv", CONNECTIONS, rows)];
        let (_, first) = import_files(&mut store, &file);
        let (counts, again) = import_files(&mut store, &file);
        assert_eq!(counts, (0, 0, 0));
        assert_eq!(again, first);
    }

    /// The files of an import are merged in one order (connections, contact lists,
    /// messages) whatever order they are named in: a list named first found a contact by
    /// the company a Connections row then changed.
    #[test]
    fn files_merge_alike_in_whatever_order_they_are_named() {
        let network = "Ana,Li,https://www.linkedin.com/in/ana-li,,Globex,CTO,01 Mar 2024\n";
        let list = "Ana,Li,,Globex,CTO,Software\n";
        let files = [
            ("crm.csv", LIST, list),
            ("Connections.csv", CONNECTIONS, network),
        ];
        let reversed = [files[1], files[0]];
        let mut contacts = Vec::new();
        for order in [&files, &reversed] {
            let (_dir, mut store) = scratch_store();
            let (counts, merged) = import_files(&mut store, order);
            assert_eq!(counts, (1, 0, 0), "the list's row joins the connection");
            contacts.push(merged);
        }
        assert_eq!(contacts[0], contacts[1]);
    }

    /// A contact list's row without a company joins the first contact of its name in the
    /// network, whatever their company (it joined only one with no company either, then
    /// one that a later row gave a company was found no more).
    #[test]
    fn a_list_row_without_a_company_joins_the_first_contact_of_its_name() {
        let (_dir, mut store) = scratch_store();
        let network = "Jürgen,Müller,https://www.linkedin.com/in/jm,,Initech,CTO,01 Mar 2024\n\
                       Jürgen,Müller,https://www.linkedin.com/in/jm2,,Globex,CFO,01 Mar 2025\n";
        let list = "Juergen,Mueller,jm@x.example,,,Software\n";
        let files = [
            ("Connections.csv", CONNECTIONS, network),
            ("crm.csv", LIST, list),
        ];
        let (counts, _) = import_files(&mut store, &files);
        assert_eq!(counts, (2, 0, 0), "no contact added");
        let network = store.load(NaiveDate::MIN).expect("load");
        let found: Vec<_> = (network.contacts.iter())
            .map(|c| (c.url.as_str(), c.email.as_str(), c.industry.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("https://www.linkedin.com/in/jm", "jm@x.example", "Software"),
                ("https://www.linkedin.com/in/jm2", "", "")
            ]
        );
    }

    /// Two people of one name without URLs, one at a company and one without: each row of
    /// the next export finds its own, whatever their order in the file. (A row without a
    /// company looks among everyone of its name: taking the first not met yet, it would
    /// take the other's contact, and the other's row then none: "1 new, 1 gone". It takes
    /// the one connected the same day.)
    #[test]
    fn namesakes_without_urls_find_their_own_in_any_order() {
        let (_dir, mut store) = scratch_store();
        let at = "Ana,Li,,,Initech,CTO,01 Mar 2024\n";
        let between_jobs = "Ana,Li,,,,CTO,15 Oct 2025\n";
        let first = format!("{at}{between_jobs}");
        let (counts, before) =
            import_files(&mut store, &[("Connections.csv", CONNECTIONS, &first)]);
        assert_eq!(counts, (2, 0, 0));
        let swapped = format!("{between_jobs}{at}");
        let (counts, after) =
            import_files(&mut store, &[("Connections.csv", CONNECTIONS, &swapped)]);
        assert_eq!(counts, (0, 0, 0));
        assert_eq!(after, before);
    }

    /// A contact's email is filled in, never replaced, nor given when another contact has
    /// it; a URL without a key (Dec 2023's placeholder) leaves a contact's URL as it is.
    /// (Else a row found a contact by an email another row of the same import then gave
    /// or took away, and the next import of the same file found another.)
    #[test]
    fn emails_are_filled_in_once_and_never_shared() {
        let (_dir, mut store) = scratch_store();
        let ana =
            |url: &str, email: &str| format!("Ana,Li,{url},{email},Initech,CTO,01 Mar 2024\n");
        let bo = |email: &str| {
            format!("Bo,Chen,https://www.linkedin.com/in/bo,{email},Globex,CFO,01 Mar 2024\n")
        };
        let url = "https://www.linkedin.com/in/ana";
        let weeks = [
            format!("{}{}", ana(url, "ana@x.example"), bo("")),
            // Bo's row gives him Ana's email, and another: he takes neither.
            format!("{}{}", ana(url, ""), bo("ana@x.example")),
            format!("{}{}", ana(url, ""), bo("bo@x.example")),
            // Ana's row with a placeholder URL: found by her email, her URL kept.
            format!(
                "{}{}",
                ana("https://www.linkedin.com/in", "ana@x.example"),
                bo("")
            ),
        ];
        for rows in &weeks {
            let file = [("Connections.csv", CONNECTIONS, rows.as_str())];
            let (counts, after) = import_files(&mut store, &file);
            assert_eq!(
                counts.0 + counts.1,
                if rows == &weeks[0] { 2 } else { 0 },
                "{rows}"
            );
            let (again, same) = import_files(&mut store, &file);
            assert_eq!((again, &same), ((0, 0, 0), &after), "{rows}");
        }
        let network = store.load(NaiveDate::MIN).expect("load");
        let found: Vec<_> = (network.contacts.iter())
            .map(|c| (c.url.as_str(), c.email.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (url, "ana@x.example"),
                ("https://www.linkedin.com/in/bo", "bo@x.example")
            ]
        );
    }

    #[test]
    fn imports_store_the_duplicate_flag_of_rows_written_and_rows_kept() {
        let (dir, mut store) = scratch_store();
        let now = NaiveDate::from_ymd_opt(2026, 11, 1)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .expect("time");
        let csv = dir.path().join("Connections.csv");
        let import = |store: &mut Store, rows: &str| {
            let header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
            std::fs::write(&csv, format!("{header}\n{rows}")).expect("write");
            let batch = ImportBatch::read(std::slice::from_ref(&csv)).expect("read");
            store.import(batch, None, now).expect("import");
            let network = store.load(now.date()).expect("load");
            let mut duplicates: Vec<String> = network
                .contacts
                .iter()
                .filter(|c| c.flags.has(Flags::DUPLICATE))
                .map(|c| c.url.to_string())
                .collect();
            duplicates.sort();
            duplicates
        };
        let ada = |n: u8, company: &str| {
            format!("Ada,Sample,https://www.linkedin.com/in/ada-{n},,{company},CTO,01 Mar 2024\n")
        };
        let bo = "Bo,Other,https://www.linkedin.com/in/bo,,Hooli,CFO,01 Mar 2024\n";
        let url = |n: u8| format!("https://www.linkedin.com/in/ada-{n}");
        // A first import: both namesakes at one company are written with the flag.
        let first = format!("{}{}{bo}", ada(1, "Hooli Inc."), ada(2, "Hooli"));
        assert_eq!(import(&mut store, &first), vec![url(1), url(2)]);
        // The same export again writes nothing and keeps both flags.
        assert_eq!(import(&mut store, &first), vec![url(1), url(2)]);
        // The second Ada moves to another company: her row is rewritten, the first Ada's
        // row is kept and only loses its flag.
        let moved = format!("{}{}{bo}", ada(1, "Hooli Inc."), ada(2, "Globex"));
        assert_eq!(import(&mut store, &moved), Vec::<String>::new());
        // A third Ada at Globex makes the second a duplicate again.
        let third = format!("{moved}{}", ada(3, "Globex Corp"));
        assert_eq!(import(&mut store, &third), vec![url(2), url(3)]);
    }

    /// A network large enough to be read in two halves inside the import's transaction
    /// merges with itself: importing the same export again adds, changes and writes
    /// nothing, and every contact keeps its id and row.
    #[test]
    fn reimporting_a_large_export_changes_nothing() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("r.db");
        let mut store = Store::open(&path).expect("open");
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let now = as_of.and_hms_opt(12, 0, 0).expect("time");
        let people = crate::synth::people(
            5,
            super::super::read::PARALLEL_LOAD_MIN + 500,
            (60, 40, 200),
            10,
            as_of,
        );
        let csv = dir.path().join("Connections.csv");
        std::fs::write(
            &csv,
            crate::synth::connections_csv(&people, crate::synth::Style::Y2026),
        )
        .expect("write");
        let import = |store: &mut Store| {
            let batch = ImportBatch::read(std::slice::from_ref(&csv)).expect("read");
            store.import(batch, None, now).expect("import")
        };
        let first = import(&mut store);
        let rows = |store: &Store| {
            let network = store.load(as_of).expect("load");
            network
                .contacts
                .iter()
                .map(|c| format!("{c:?}"))
                .collect::<Vec<_>>()
        };
        let before = rows(&store);
        let again = import(&mut store);
        assert!(first.new > 20_000, "{}", first.new);
        assert_eq!((again.new, again.gone, again.changed), (0, 0, 0));
        assert_eq!(again.unchanged, first.new);
        assert!(rows(&store) == before, "every contact as it was");
    }
}
