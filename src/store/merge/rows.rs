//! Merging each kind of row into the network in memory: Connections rows (and marking
//! gone those a newer full export leaves out), contact-list rows, message summaries.
//!
//! Must not: write to the store (the merge writes once, after every file).

use super::index::{FoundBy, Probe};
use super::{Merge, assign, assign_text, raise, says_other};
use crate::error::{Error, Result};
use crate::import::messages::{MessageSummary, PersonRef};
use crate::import::rows::{ConnectionRow, ContactRow};
use crate::model::{Contact, Decision, Flags, Text};
use crate::store::report::ImportReport;
use foldhash::HashMap;

/// Fewer connections left out than this never look like another network's export: a
/// small network's owner may remove a third of it in a week.
const MOSTLY_LEFT_OUT_MIN: u64 = 20;

impl Merge {
    /// Merges a Connections file's rows ([`Merge::in_identity_order`]); hidden rows are
    /// numbered afresh for each file.
    pub(super) fn merge_connections(
        &mut self,
        rows: Vec<ConnectionRow>,
        report: &mut ImportReport,
    ) {
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
    pub(super) fn refuse_doubtful_gone(&self) -> Result<()> {
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
    pub(super) fn mark_gone(&mut self, report: &mut ImportReport) {
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
    pub(super) fn merge_contacts(&mut self, rows: Vec<ContactRow>, report: &mut ImportReport) {
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

    pub(super) fn merge_messages(
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
}
