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
//! Here: the network in memory (`Merge`), its loading and writing, and the import's
//! order. `index` holds the lookup indexes and what a row is looked up by; `find`, how a
//! row finds its contact; `rows`, how each kind of row merges into it; `write`, how the
//! merged contacts are stored; `invitations`, how invitations merge.
//!
//! Must not: parse files (the batch arrives parsed) or decide scores (audience does).

use super::bulk::BulkStatement;
use super::read::{read_contacts, url_key_is_derived};
use super::report::{ColumnRead, FileReport, ImportReport};
use super::{Store, datetime_text};
use crate::audience::{Profile, Scored, score_in_chunks};
use crate::error::Result;
use crate::import::messages::{PersonRef, owner_in};
use crate::import::rows::{InvitationRow, ParsedFile, Rows, employers};
use crate::import::{FileKind, ImportBatch, Progress};
use crate::model::{Contact, Direction, Text};
use crate::text::{as_seen_text, folded};
use chrono::{NaiveDate, NaiveDateTime};
use foldhash::{HashMap, HashMapExt};
use rusqlite::{OptionalExtension, Transaction, params};
use std::cell::OnceCell;
use std::path::Path;

mod find;
mod index;
mod invitations;
mod rows;
mod write;

use index::{HiddenSlot, MultiIndex, Probe, has_identity};
use invitations::merge_invitations;
use write::write_contacts;

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
    /// vector twice its size. The room is backed with memory meanwhile, on another core.
    fn reserve(&mut self, rows: usize) {
        let more = rows.saturating_sub(self.contacts.len());
        self.contacts.reserve(more);
        self.entries.reserve(more);
        self.by_url.reserve(more);
        crate::allocator::back_spare_room(&mut self.contacts);
        crate::allocator::back_spare_room(&mut self.entries);
    }

    /// Scores every contact and writes each new or changed row once, with its score
    /// (a new contact with only a Connections row's columns by a shorter insert: 8% of a
    /// 100k import), then the carried tags. Contacts are scored on another thread, in
    /// chunks written here as they come (after the invitations, which do not depend on
    /// scores), and their duplicates found there meanwhile; a row is written with the
    /// duplicate flag it had, and the flag set afterwards where it changed.
    fn write(
        &self,
        tx: &Transaction<'_>,
        profile: Option<&Profile>,
        report: &mut ImportReport,
    ) -> Result<()> {
        let (contacts, entries) = (&self.contacts, &self.entries);
        let (sender, chunks) = std::sync::mpsc::channel();
        // With each chunk of scores, whether each of its contacts' URL keys is its URL's
        // (stored as NULL): the scoring thread has time to spare, the writer none.
        let mut handed = 0;
        let hand_over = move |scored: Vec<Scored>| {
            let part = &contacts[handed..handed + scored.len()];
            handed += scored.len();
            let derived: Vec<bool> = part.iter().map(url_key_is_derived).collect();
            drop(sender.send((scored, derived)));
        };
        let (duplicates, written) = crate::parallel::join(
            || score_in_chunks(contacts, profile, hand_over),
            || {
                merge_invitations(tx, &self.invitations, contacts, self.now, report)?;
                let scored = (chunks.into_iter()).flat_map(|(s, d)| s.into_iter().zip(d));
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
        if self.tags.is_empty() {
            return Ok(());
        }
        let mut held = tx.prepare("SELECT DISTINCT tag FROM tags")?;
        let held: Vec<String> = held
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut spellings = crate::ops::TagSpellings::of(held);
        let mut add_tag =
            tx.prepare_cached("INSERT OR IGNORE INTO tags (contact_id, tag) VALUES (?1, ?2)")?;
        for (id, tag) in &self.tags {
            add_tag.execute(params![id, spellings.spell(tag)])?;
        }
        Ok(())
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
        return Ok(owner_in(i.own_side()));
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
                merge.merge_messages(&rows.summarise(&owner), &mut report);
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
    crate::parallel::drop_aside(merge);
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

#[cfg(test)]
mod tests;
