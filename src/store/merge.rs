//! Merging an import batch into the store, in one transaction: new connections are
//! added, known ones updated (a company or position change is recorded as a job change),
//! connections absent from a newer full export are marked gone (never deleted),
//! invitations and message summaries are merged, and every contact is rescored. Tags and
//! decisions are never touched.
//!
//! Must not: parse files (the batch arrives parsed) or decide scores (audience does).

use super::{Store, date_text, datetime_text, load_for_scoring, name_key, weak_key};
use crate::audience::{Profile, Scored, score_all};
use crate::error::Result;
use crate::import::rows::{
    ConnectionRow, ContactRow, InvitationRow, PersonRef, Rows, summarise_messages,
};
use crate::import::{FileKind, ImportBatch, Progress, SkippedFile};
use chrono::NaiveDateTime;
use rusqlite::{Transaction, params};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What one import did, in total and per file.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ImportReport {
    /// Connections not in the network before.
    pub new: u64,
    /// Connections absent from this full Connections export.
    pub gone: u64,
    /// Connections whose company or position changed (job change).
    pub changed: u64,
    pub unchanged: u64,
    /// Hidden rows (closed or restricted accounts) in this import.
    pub hidden: u64,
    /// Contacts from other CSVs added / merged into known contacts.
    pub contacts_added: u64,
    pub contacts_merged: u64,
    pub invitations_added: u64,
    pub invitations_known: u64,
    /// People in messages matched to a contact / not matched.
    pub messaged_matched: u64,
    pub messaged_unmatched: u64,
    pub files: Vec<FileReport>,
    pub skipped_files: Vec<SkippedFile>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FileReport {
    pub name: String,
    pub kind: FileKind,
    pub rows_read: u64,
    pub imported: u64,
    pub skipped: u64,
    pub skipped_why: BTreeMap<String, u64>,
    pub warnings: Vec<String>,
}

/// What is known of an existing contact, for matching.
struct Known {
    id: i64,
    url_key: Option<String>,
    company: String,
    position: String,
    is_connection: bool,
    gone: bool,
}

#[derive(Default)]
struct Index {
    known: Vec<Known>,
    by_url: HashMap<String, usize>,
    by_weak: HashMap<String, Vec<usize>>,
    by_email: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
}

impl Index {
    fn load(tx: &Transaction<'_>) -> Result<Index> {
        let mut index = Index::default();
        let mut stmt = tx.prepare(
            "SELECT id, url_key, weak_key, name_key, email, company, position, is_connection, gone_at FROM contacts",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let known = Known {
                id: r.get(0)?,
                url_key: r.get(1)?,
                company: r.get(5)?,
                position: r.get(6)?,
                is_connection: r.get(7)?,
                gone: r.get::<_, Option<String>>(8)?.is_some(),
            };
            let weak: String = r.get(2)?;
            let name: String = r.get(3)?;
            let email: String = r.get(4)?;
            index.add(known, weak, name, email);
        }
        Ok(index)
    }

    fn add(&mut self, known: Known, weak: String, name: String, email: String) -> usize {
        let i = self.known.len();
        if let Some(k) = &known.url_key {
            self.by_url.insert(k.clone(), i);
        }
        self.by_weak.entry(weak).or_default().push(i);
        if !email.is_empty() {
            self.by_email.insert(email.to_lowercase(), i);
        }
        if !name.is_empty() {
            self.by_name.entry(name).or_default().push(i);
        }
        self.known.push(known);
        i
    }

    /// By URL, else email, else weak key (never onto a contact with a different URL).
    fn find(&self, url_key: Option<&str>, weak: &str, email: &str) -> Option<usize> {
        if let Some(&i) = url_key.and_then(|k| self.by_url.get(k)) {
            return Some(i);
        }
        if let Some(&i) = (!email.is_empty())
            .then(|| self.by_email.get(&email.to_lowercase()))
            .flatten()
        {
            return Some(i);
        }
        self.by_weak.get(weak)?.iter().copied().find(|&i| {
            let k = &self.known[i].url_key;
            k.is_none() || url_key.is_none() || k.as_deref() == url_key
        })
    }

    fn find_person(&self, person: &PersonRef) -> Option<i64> {
        match person {
            PersonRef::Url(k) => self.by_url.get(k).map(|&i| self.known[i].id),
            PersonRef::Name(n) => match self.by_name.get(n).map(Vec::as_slice) {
                Some([only]) => Some(self.known[*only].id),
                _ => None,
            },
        }
    }
}

fn same_text(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// The identity of a row: weak key, or for hidden rows their date and ordinal.
fn row_weak_key(
    row: &ConnectionRow,
    hidden_ordinals: &mut HashMap<Option<chrono::NaiveDate>, u32>,
) -> String {
    if row.hidden {
        let n = hidden_ordinals.entry(row.connected_on).or_insert(0);
        *n += 1;
        return format!(
            "hidden|{}|{n}",
            date_text(row.connected_on).unwrap_or_default()
        );
    }
    weak_key(&row.first_name, &row.last_name, &row.company)
}

impl Store {
    /// Applies `batch` in one transaction and rescores with `profile`.
    pub fn import(
        &mut self,
        batch: &ImportBatch,
        profile: Option<&Profile>,
        now: NaiveDateTime,
    ) -> Result<ImportReport> {
        self.import_with(batch, profile, now, &mut |_| {})
    }

    /// [`Store::import`], reporting progress (0.4–1.0 of the whole import).
    pub fn import_with(
        &mut self,
        batch: &ImportBatch,
        profile: Option<&Profile>,
        now: NaiveDateTime,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportReport> {
        self.write(|tx| {
            let mut report = ImportReport {
                skipped_files: batch.skipped_files.clone(),
                ..ImportReport::default()
            };
            let mut index = Index::load(tx)?;
            let mut seen: HashSet<i64> = HashSet::new();
            for (i, file) in batch.files.iter().enumerate() {
                let fraction = 0.4 + 0.4 * i as f64 / batch.files.len().max(1) as f64;
                progress(Progress {
                    stage: "merging",
                    fraction,
                });
                match &file.rows {
                    Rows::Connections(rows) => {
                        merge_connections(tx, &mut index, rows, now, &mut seen, &mut report)?;
                    }
                    Rows::Contacts(rows) => merge_contacts(tx, &mut index, rows, &mut report)?,
                    Rows::Invitations(rows) => merge_invitations(tx, rows, &mut report)?,
                    Rows::Messages(rows) => {
                        let summaries = summarise_messages(rows);
                        merge_messages(tx, &index, &summaries, &mut report)?;
                    }
                }
                report.files.push(FileReport {
                    name: file.name.clone(),
                    kind: file.kind,
                    rows_read: file.rows_read,
                    imported: file.imported(),
                    skipped: file.skipped.values().sum(),
                    skipped_why: file.skipped.clone(),
                    warnings: file.warnings.clone(),
                });
            }
            if batch.has_full_network() {
                mark_gone(tx, &index, &seen, now, &mut report)?;
            }
            progress(Progress {
                stage: "scoring",
                fraction: 0.8,
            });
            let contacts = load_for_scoring(tx)?;
            save_scores(tx, &score_all(&contacts, profile))?;
            progress(Progress {
                stage: "saving",
                fraction: 0.95,
            });
            let json = serde_json::to_string(&report).unwrap_or_default();
            tx.execute(
                "INSERT INTO import_runs (at, report) VALUES (?1, ?2)",
                params![datetime_text(Some(now)), json],
            )?;
            Ok(report)
        })
    }
}

fn merge_connections(
    tx: &Transaction<'_>,
    index: &mut Index,
    rows: &[ConnectionRow],
    now: NaiveDateTime,
    seen: &mut HashSet<i64>,
    report: &mut ImportReport,
) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO contacts (id, url_key, weak_key, name_key, first_name, last_name, url, email, company, position, connected_on, is_connection, hidden)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1, ?12)",
    )?;
    let mut update = tx.prepare_cached(
        "UPDATE contacts SET url_key = COALESCE(?2, url_key), weak_key = ?3, name_key = ?4, first_name = ?5,
             last_name = ?6, url = CASE WHEN ?7 = '' THEN url ELSE ?7 END,
             email = CASE WHEN ?8 = '' THEN email ELSE ?8 END, company = ?9, position = ?10,
             connected_on = COALESCE(?11, connected_on), is_connection = 1, hidden = ?12, gone_at = NULL
         WHERE id = ?1",
    )?;
    let mut job_change = tx.prepare_cached(
        "UPDATE contacts SET previous_company = ?2, previous_position = ?3, job_changed_at = ?4 WHERE id = ?1",
    )?;
    let mut add_tag =
        tx.prepare_cached("INSERT OR IGNORE INTO tags (contact_id, tag) VALUES (?1, ?2)")?;
    let mut hidden_ordinals = HashMap::new();
    for row in rows {
        let weak = row_weak_key(row, &mut hidden_ordinals);
        let name = name_key(&row.first_name, &row.last_name);
        report.hidden += u64::from(row.hidden);
        let id = match index.find(row.url_key.as_deref(), &weak, &row.email) {
            Some(i) if seen.contains(&index.known[i].id) => continue,
            Some(i) => {
                let k = &index.known[i];
                let was_present = k.is_connection && !k.gone;
                let changed = was_present
                    && !row.hidden
                    && (!same_text(&k.company, &row.company)
                        || !same_text(&k.position, &row.position));
                write_connection(&mut update, Some(k.id), row, &weak, &name)?;
                if changed {
                    job_change.execute(params![
                        k.id,
                        k.company,
                        k.position,
                        datetime_text(Some(now))
                    ])?;
                    report.changed += 1;
                } else if was_present {
                    report.unchanged += 1;
                } else {
                    report.new += 1;
                }
                k.id
            }
            None => {
                write_connection(&mut insert, None, row, &weak, &name)?;
                let id = tx.last_insert_rowid();
                let known = Known {
                    id,
                    url_key: row.url_key.clone(),
                    company: row.company.clone(),
                    position: row.position.clone(),
                    is_connection: true,
                    gone: false,
                };
                index.add(known, weak, name, row.email.clone());
                report.new += 1;
                id
            }
        };
        seen.insert(id);
        for tag in &row.tags {
            add_tag.execute(params![id, tag])?;
        }
    }
    Ok(())
}

/// Binds a connection row to the insert (`id` None) or the update statement: both take
/// the same twelve parameters.
fn write_connection(
    stmt: &mut rusqlite::CachedStatement<'_>,
    id: Option<i64>,
    row: &ConnectionRow,
    weak: &str,
    name: &str,
) -> Result<()> {
    stmt.execute(params![
        id,
        row.url_key,
        weak,
        name,
        row.first_name,
        row.last_name,
        row.url,
        row.email,
        row.company,
        row.position,
        date_text(row.connected_on),
        row.hidden
    ])?;
    Ok(())
}

fn mark_gone(
    tx: &Transaction<'_>,
    index: &Index,
    seen: &HashSet<i64>,
    now: NaiveDateTime,
    report: &mut ImportReport,
) -> Result<()> {
    let mut gone = tx.prepare_cached("UPDATE contacts SET gone_at = ?2 WHERE id = ?1")?;
    for k in &index.known {
        if k.is_connection && !k.gone && !seen.contains(&k.id) {
            gone.execute(params![k.id, datetime_text(Some(now))])?;
            report.gone += 1;
        }
    }
    Ok(())
}

fn merge_contacts(
    tx: &Transaction<'_>,
    index: &mut Index,
    rows: &[ContactRow],
    report: &mut ImportReport,
) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO contacts (url_key, weak_key, name_key, first_name, last_name, url, email, company, position, industry, location)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut enrich = tx.prepare_cached(
        "UPDATE contacts SET
             url_key = COALESCE(url_key, ?2),
             url = CASE WHEN url = '' THEN ?3 ELSE url END,
             email = CASE WHEN email = '' THEN ?4 ELSE email END,
             company = CASE WHEN company = '' THEN ?5 ELSE company END,
             position = CASE WHEN position = '' THEN ?6 ELSE position END,
             industry = CASE WHEN ?7 = '' THEN industry ELSE ?7 END,
             location = CASE WHEN ?8 = '' THEN location ELSE ?8 END
         WHERE id = ?1",
    )?;
    for row in rows {
        let b = &row.base;
        let weak = weak_key(&b.first_name, &b.last_name, &b.company);
        let name = name_key(&b.first_name, &b.last_name);
        match index.find(b.url_key.as_deref(), &weak, &b.email) {
            Some(i) => {
                let url_key = b
                    .url_key
                    .as_ref()
                    .filter(|k| !index.by_url.contains_key(*k));
                enrich.execute(params![
                    index.known[i].id,
                    url_key,
                    b.url,
                    b.email,
                    b.company,
                    b.position,
                    row.industry,
                    row.location
                ])?;
                report.contacts_merged += 1;
            }
            None => {
                insert.execute(params![
                    b.url_key,
                    weak,
                    name,
                    b.first_name,
                    b.last_name,
                    b.url,
                    b.email,
                    b.company,
                    b.position,
                    row.industry,
                    row.location
                ])?;
                let known = Known {
                    id: tx.last_insert_rowid(),
                    url_key: b.url_key.clone(),
                    company: b.company.clone(),
                    position: b.position.clone(),
                    is_connection: false,
                    gone: false,
                };
                index.add(known, weak, name, b.email.clone());
                report.contacts_added += 1;
            }
        }
    }
    Ok(())
}

fn merge_invitations(
    tx: &Transaction<'_>,
    rows: &[InvitationRow],
    report: &mut ImportReport,
) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO invitations (direction, from_name, to_name, sent_at, message, inviter_url, invitee_url)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for r in rows {
        let added = insert.execute(params![
            r.direction.as_str(),
            r.from_name,
            r.to_name,
            datetime_text(Some(r.sent_at)),
            r.message,
            r.inviter_url,
            r.invitee_url
        ])?;
        if added == 1 {
            report.invitations_added += 1;
        } else {
            report.invitations_known += 1;
        }
    }
    Ok(())
}

fn merge_messages(
    tx: &Transaction<'_>,
    index: &Index,
    summaries: &HashMap<PersonRef, crate::import::rows::MessageSummary>,
    report: &mut ImportReport,
) -> Result<()> {
    let mut update = tx.prepare_cached(
        "UPDATE contacts SET
             last_message_at = MAX(COALESCE(last_message_at, ''), COALESCE(?2, '')),
             last_inbound_at = NULLIF(MAX(COALESCE(last_inbound_at, ''), COALESCE(?3, '')), ''),
             last_outbound_at = NULLIF(MAX(COALESCE(last_outbound_at, ''), COALESCE(?4, '')), ''),
             message_count = MAX(message_count, ?5)
         WHERE id = ?1",
    )?;
    let mut people: Vec<_> = summaries.iter().collect();
    people.sort_by(|a, b| a.0.cmp(b.0));
    for (person, s) in people {
        match index.find_person(person) {
            Some(id) => {
                update.execute(params![
                    id,
                    datetime_text(s.last_message_at),
                    datetime_text(s.last_inbound_at),
                    datetime_text(s.last_outbound_at),
                    s.count
                ])?;
                report.messaged_matched += 1;
            }
            None => report.messaged_unmatched += 1,
        }
    }
    Ok(())
}

pub(super) fn save_scores(tx: &Transaction<'_>, scored: &[(i64, Scored)]) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "UPDATE contacts SET score = ?2, seniority = ?3, function = ?4, flags = ?5
         WHERE id = ?1 AND (score IS NOT ?2 OR seniority != ?3 OR function != ?4 OR flags != ?5)",
    )?;
    for (id, s) in scored {
        stmt.execute(params![
            id,
            s.score,
            s.seniority.as_str(),
            s.function.as_str(),
            s.stored_flags
        ])?;
    }
    Ok(())
}
