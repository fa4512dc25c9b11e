//! The SQLite store (rusqlite lives only here): opening with the right mode and pragmas,
//! loading the network (a large one on two connections side by side), logging invertible
//! operations for undo/redo, settings, SSI readings and saved filters. Imports are merged
//! in `merge`; the schema and its migrations are in `schema`.
//!
//! Must not: parse files, score, or know about terminals.

mod merge;
mod schema;

pub use crate::pillars::{LoggedProjection, SsiReading};
pub use merge::{FileReport, ImportReport};

use crate::audience::Scored;
use crate::error::{Error, Result};
use crate::model::{
    Contact, Decision, Direction, Flags, Function, Invitation, InvitationStatus, Seniority,
};
use crate::network::Network;
use crate::ops::Op;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};

/// How long a writer waits for another process's write lock before "database is busy".
const BUSY_TIMEOUT_MS: u64 = 3000;
/// Page cache per connection: a 100k network fits, so an import writes each page once.
const CACHE_KIB: i64 = 128 * 1024;
/// Larger pages than SQLite's 4 KiB: fewer pages to balance and log for 100k rows.
const PAGE_BYTES: i64 = 16 * 1024;

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// `YYYY-MM-DD` (written by hand: it runs for every row of an import).
pub(crate) fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
}

/// `YYYY-MM-DD HH:MM:SS`.
pub(crate) fn datetime_text(d: Option<NaiveDateTime>) -> Option<String> {
    d.map(|d| {
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            d.year(),
            d.month(),
            d.day(),
            d.hour(),
            d.minute(),
            d.second()
        )
    })
}

/// Reads the store's own `YYYY-MM-DD` (hand-parsed: it runs for every row at load).
fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok());
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// A text column without copying it (NULL and non-text are `None`).
fn text_ref(v: ValueRef<'_>) -> Option<&str> {
    match v {
        ValueRef::Text(t) => std::str::from_utf8(t).ok(),
        _ => None,
    }
}

/// Reads the store's own `YYYY-MM-DD HH:MM:SS` (hand-parsed, like [`parse_date`]).
fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    let b = s.as_bytes();
    if b.len() != 19 || b[10] != b' ' || b[13] != b':' || b[16] != b':' {
        return NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").ok();
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|t| t.parse::<u32>().ok());
    parse_date(s.get(..10)?)?.and_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)
}

impl Store {
    /// Opens (creating with mode 0600) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        create_private(path)?;
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
        // Takes effect only while the file is still empty (a new database).
        conn.pragma_update(None, "page_size", PAGE_BYTES)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| busy_or(e, path))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        schema::migrate(&mut conn, path).map_err(|e| match e {
            Error::Db(db) => busy_or(db, path),
            other => other,
        })?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Changes whenever another connection (another netcurate process) commits; the
    /// workbench polls it to pick up outside changes.
    pub fn data_version(&self) -> Result<i64> {
        data_version(&self.conn)
    }

    /// Runs `f` in one write transaction, translating a held lock into [`Error::Busy`].
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| busy_or(e, &path))?;
        let value = f(&tx)?;
        tx.commit().map_err(|e| busy_or(e, &path))?;
        Ok(value)
    }

    /// Loads every contact and invitation.
    pub fn load(&self, as_of: NaiveDate) -> Result<Network> {
        let (contacts, invitations) = load_network(&self.conn, &self.path, true)?;
        let network = Network::new(contacts, invitations, as_of);
        crate::trace::phase("indexed the network");
        Ok(network)
    }

    /// Loads every contact but no invitations, for commands about contacts alone.
    pub fn load_contacts_only(&self, as_of: NaiveDate) -> Result<Network> {
        let (contacts, _) = load_network(&self.conn, &self.path, false)?;
        Ok(Network::new(contacts, Vec::new(), as_of))
    }

    /// Applies `op` and logs it as the newest undoable step (clearing the redo stack).
    pub fn record(&mut self, op: &Op) -> Result<()> {
        if op.is_empty() {
            return Ok(());
        }
        let payload = serde_json::to_string(op).map_err(|e| Error::Invalid(e.to_string()))?;
        self.write(|tx| {
            apply_op(tx, op)?;
            tx.execute("DELETE FROM ops WHERE undone = 1", [])?;
            tx.execute(
                "INSERT INTO ops (at, label, payload) VALUES (datetime('now'), ?1, ?2)",
                params![op.describe(), payload],
            )?;
            Ok(())
        })
    }

    /// Undoes the newest step; returns it (as it was done) or `None` when there is none.
    pub fn undo(&mut self) -> Result<Option<Op>> {
        self.step(
            "SELECT id, payload FROM ops WHERE undone = 0 ORDER BY id DESC LIMIT 1",
            true,
        )
    }

    /// Redoes the oldest undone step.
    pub fn redo(&mut self) -> Result<Option<Op>> {
        self.step(
            "SELECT id, payload FROM ops WHERE undone = 1 ORDER BY id ASC LIMIT 1",
            false,
        )
    }

    fn step(&mut self, select: &str, undo: bool) -> Result<Option<Op>> {
        self.write(|tx| {
            let found: Option<(i64, String)> = tx
                .query_row(select, [], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((id, payload)) = found else {
                return Ok(None);
            };
            let op: Op = serde_json::from_str(&payload)
                .map_err(|e| Error::Invalid(format!("undo log entry {id} is unreadable: {e}")))?;
            let steps = if undo { op.inverse() } else { vec![op.clone()] };
            for step in &steps {
                apply_op(tx, step)?;
            }
            tx.execute(
                "UPDATE ops SET undone = ?1 WHERE id = ?2",
                params![undo, id],
            )?;
            Ok(Some(op))
        })
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Every row of a read query, mapped.
    fn query_all<T>(
        &self,
        sql: &str,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Runs one write statement in its own transaction.
    fn execute(&mut self, sql: &str, values: impl rusqlite::Params) -> Result<()> {
        self.write(|tx| {
            tx.execute(sql, values)?;
            Ok(())
        })
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )
    }

    pub fn record_ssi(&mut self, r: &SsiReading) -> Result<()> {
        self.execute(
            "INSERT INTO ssi_readings (date, total, brand, frp, engage, br, industry_rank, network_rank)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                date_text(Some(r.date)),
                r.total,
                r.brand,
                r.frp,
                r.engage,
                r.br,
                r.industry_rank,
                r.network_rank
            ],
        )
    }

    /// Every SSI reading, oldest first.
    pub fn ssi_readings(&self) -> Result<Vec<SsiReading>> {
        self.query_all(
            "SELECT date, total, brand, frp, engage, br, industry_rank, network_rank
             FROM ssi_readings ORDER BY date, id",
            |r| {
                Ok(SsiReading {
                    date: text_ref(r.get_ref(0)?)
                        .and_then(parse_date)
                        .unwrap_or_default(),
                    total: r.get(1)?,
                    brand: r.get(2)?,
                    frp: r.get(3)?,
                    engage: r.get(4)?,
                    br: r.get(5)?,
                    industry_rank: r.get(6)?,
                    network_rank: r.get(7)?,
                })
            },
        )
    }

    /// Logs a projection so the next SSI reading can be compared with it.
    pub fn log_projection(
        &mut self,
        at: NaiveDate,
        baseline: Option<f64>,
        low: f64,
        high: f64,
    ) -> Result<()> {
        self.execute(
            "INSERT INTO projections (at, br_baseline, br_low, br_high) VALUES (?1, ?2, ?3, ?4)",
            params![date_text(Some(at)), baseline, low, high],
        )
    }

    /// Logged projections, oldest first.
    pub fn projections(&self) -> Result<Vec<LoggedProjection>> {
        self.query_all(
            "SELECT at, br_baseline, br_low, br_high FROM projections ORDER BY at, id",
            |r| {
                Ok(LoggedProjection {
                    date: text_ref(r.get_ref(0)?)
                        .and_then(parse_date)
                        .unwrap_or_default(),
                    baseline: r.get(1)?,
                    low: r.get(2)?,
                    high: r.get(3)?,
                })
            },
        )
    }

    pub fn save_filter(&mut self, name: &str, query: &str) -> Result<()> {
        self.execute(
            "INSERT INTO saved_filters (name, query) VALUES (?1, ?2)
             ON CONFLICT(name) DO UPDATE SET query = excluded.query",
            params![name, query],
        )
    }

    pub fn saved_filters(&self) -> Result<Vec<(String, String)>> {
        self.query_all("SELECT name, query FROM saved_filters ORDER BY name", |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
    }

    /// Rescores every contact with `profile` and stores what changed, in one
    /// transaction. Returns how many contacts were scored.
    pub fn rescore(&mut self, profile: Option<&crate::audience::Profile>) -> Result<usize> {
        self.write(|tx| {
            let (contacts, stored) = load_for_scoring(tx)?;
            let mut scoring = crate::audience::Scoring::new(&contacts, profile);
            let mut update = tx.prepare_cached(
                "UPDATE contacts SET score = ?2, seniority = ?3, function = ?4, flags = ?5
                 WHERE id = ?1",
            )?;
            for (c, old) in contacts.iter().zip(&stored) {
                let new = scoring.score(c);
                if new != *old {
                    update.execute(params![
                        c.id,
                        new.score,
                        new.seniority.as_str(),
                        new.function.as_str(),
                        new.stored_flags
                    ])?;
                }
            }
            Ok(contacts.len())
        })
    }
}

/// Creates the file with mode 0600 if it does not exist yet.
fn create_private(path: &Path) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

fn busy_or(e: rusqlite::Error, path: &Path) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            Error::Busy(path.to_path_buf())
        }
        Some(rusqlite::ErrorCode::NotADatabase) => Error::Invalid(format!(
            "{} is not a netcurate database (or it is damaged)",
            path.display()
        )),
        _ => Error::Db(e),
    }
}

/// What scoring reads of every contact (names, company, position, enrichment, hidden: no
/// tags, dates or messages), with what scoring last stored for it.
fn load_for_scoring(conn: &Connection) -> Result<(Vec<Contact>, Vec<Scored>)> {
    let mut stmt = conn.prepare(
        "SELECT id, first_name, last_name, company, position, industry, location, hidden,
                score, seniority, function, flags
         FROM contacts ORDER BY id",
    )?;
    let count = contact_count(conn)?;
    let (mut contacts, mut stored) = (Vec::with_capacity(count), Vec::with_capacity(count));
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let mut flags = Flags::default();
        flags.set(Flags::HIDDEN, r.get(7)?);
        contacts.push(Contact {
            id: r.get(0)?,
            first_name: r.get(1)?,
            last_name: r.get(2)?,
            company: r.get(3)?,
            position: r.get(4)?,
            industry: r.get(5)?,
            location: r.get(6)?,
            flags,
            ..Contact::default()
        });
        stored.push(read_scored(r, 8)?);
    }
    Ok((contacts, stored))
}

/// What scoring stored, from the score, seniority, function and flags columns (in that
/// order from column `first`).
fn read_scored(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Scored> {
    Ok(Scored {
        score: r
            .get::<_, Option<i64>>(first)?
            .map(|s| s.clamp(0, 100) as u8),
        seniority: text_ref(r.get_ref(first + 1)?)
            .and_then(Seniority::parse)
            .unwrap_or_default(),
        function: text_ref(r.get_ref(first + 2)?)
            .and_then(Function::parse)
            .unwrap_or_default(),
        stored_flags: r.get::<_, i64>(first + 3)? as u32,
    })
}

/// The columns [`read_contacts`] selects, in its order.
const CONTACT_COLUMNS: &str = "id, first_name, last_name, url, url_key, email, company, position,
    connected_on, is_connection, hidden, gone_at, job_changed_at, previous_company,
    previous_position, industry, location, decision, score, seniority, function, flags,
    last_message_at, last_inbound_at, last_outbound_at, message_count";

/// Whether a contact's identity key is the key of its URL (nearly always).
pub(crate) fn url_key_is_derived(c: &Contact) -> bool {
    crate::import::url::profile_key(&c.url).as_deref() == c.url_key.as_deref()
}

/// The `url_key` column: NULL when the key is the key of the URL (not stored twice), ''
/// for no key, else the key.
pub(crate) fn url_key_column(c: &Contact, derived: bool) -> Option<&str> {
    match derived {
        true => None,
        false => Some(c.url_key.as_deref().unwrap_or("")),
    }
}

/// What a stored contact row holds beyond [`Contact`] (which keeps these only as flags).
#[derive(Debug, Clone)]
pub(crate) struct RowExtra {
    pub gone_at: Option<NaiveDateTime>,
    pub job_changed_at: Option<NaiveDateTime>,
    /// What scoring stored (its `stored_flags` are the `flags` column as stored).
    pub scored: Scored,
}

/// Reads every contact row in id order (without tags), handing each to `each`.
pub(crate) fn read_contacts(conn: &Connection, each: impl FnMut(Contact, RowExtra)) -> Result<()> {
    read_contact_ids(conn, i64::MIN..i64::MAX, each)
}

/// [`read_contacts`] for the contacts whose id is in `ids`.
fn read_contact_ids(
    conn: &Connection,
    ids: std::ops::Range<i64>,
    mut each: impl FnMut(Contact, RowExtra),
) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {CONTACT_COLUMNS} FROM contacts WHERE id >= ?1 AND id < ?2 ORDER BY id"
    ))?;
    let mut rows = stmt.query(params![ids.start, ids.end])?;
    while let Some(r) = rows.next()? {
        let scored = read_scored(r, 18)?;
        let mut flags = Flags(scored.stored_flags);
        flags.set(Flags::HIDDEN, r.get(10)?);
        flags.set(Flags::GONE, !matches!(r.get_ref(11)?, ValueRef::Null));
        flags.set(Flags::JOB_CHANGE, !matches!(r.get_ref(12)?, ValueRef::Null));
        let contact = Contact {
            id: r.get(0)?,
            first_name: r.get(1)?,
            last_name: r.get(2)?,
            url_key: match r.get_ref(4)? {
                ValueRef::Text(b"") => None,
                ValueRef::Text(k) => Some(String::from_utf8_lossy(k).into_owned()),
                _ => text_ref(r.get_ref(3)?).and_then(crate::import::url::profile_key),
            },
            url: r.get(3)?,
            email: r.get(5)?,
            company: r.get(6)?,
            position: r.get(7)?,
            connected_on: text_ref(r.get_ref(8)?).and_then(parse_date),
            is_connection: r.get(9)?,
            previous_company: r.get(13)?,
            previous_position: r.get(14)?,
            industry: r.get(15)?,
            location: r.get(16)?,
            decision: Decision::from_code(r.get(17)?),
            score: scored.score,
            seniority: scored.seniority,
            function: scored.function,
            flags,
            last_message_at: text_ref(r.get_ref(22)?).and_then(parse_datetime),
            last_inbound_at: text_ref(r.get_ref(23)?).and_then(parse_datetime),
            last_outbound_at: text_ref(r.get_ref(24)?).and_then(parse_datetime),
            message_count: r.get::<_, i64>(25)? as u32,
            tags: Vec::new(),
        };
        let extra = RowExtra {
            gone_at: text_ref(r.get_ref(11)?).and_then(parse_datetime),
            job_changed_at: text_ref(r.get_ref(12)?).and_then(parse_datetime),
            scored,
        };
        each(contact, extra);
    }
    Ok(())
}

pub(crate) fn contact_count(conn: &Connection) -> Result<usize> {
    let count: i64 = conn.query_row("SELECT COUNT(*) FROM contacts", [], |r| r.get(0))?;
    Ok(usize::try_from(count).unwrap_or(0))
}

/// Every contact, with its tags, and (when asked) every invitation. The two halves of
/// the contacts table are read side by side, the second on its own read-only connection
/// that then reads the invitations; when another process commits meanwhile (the halves
/// could then disagree) everything is read again on one connection.
fn load_network(
    conn: &Connection,
    path: &Path,
    with_invitations: bool,
) -> Result<(Vec<Contact>, Vec<Invitation>)> {
    let version = data_version(conn)?;
    let (count, first, last): (i64, Option<i64>, Option<i64>) =
        conn.query_row("SELECT COUNT(*), MIN(id), MAX(id) FROM contacts", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    let count = usize::try_from(count).unwrap_or(0);
    let mut contacts: Vec<Contact> = Vec::with_capacity(count);
    let mut invitations = Vec::new();
    let mut consistent = false;
    if let (Some(first), Some(last)) = (first, last)
        && count >= PARALLEL_LOAD_MIN
        && path.exists()
    {
        // The second connection also reads the invitations (and opens first): it takes
        // fewer contacts.
        let share = if with_invitations { 0.4 } else { 0.47 };
        let middle = first + ((last - first) as f64 * (1.0 - share)) as i64;
        let mut second: Vec<Contact> = Vec::with_capacity(count / 2 + 1);
        let (theirs, mine) = crate::parallel::join(
            || {
                let other = Connection::open_with_flags(
                    path,
                    rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                        | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                read_contact_ids(&other, middle..i64::MAX, pusher(&mut second))?;
                match with_invitations {
                    true => read_invitations(&other),
                    false => Ok(Vec::new()),
                }
            },
            || read_contact_ids(conn, i64::MIN..middle, pusher(&mut contacts)),
        );
        mine?;
        invitations = theirs?;
        contacts.append(&mut second);
        consistent = data_version(conn)? == version;
    }
    if !consistent {
        contacts.clear();
        read_contacts(conn, pusher(&mut contacts))?;
        if with_invitations {
            invitations = read_invitations(conn)?;
        }
    }
    attach_tags(conn, &mut contacts)?;
    crate::trace::phase("read contacts and invitations");
    Ok((contacts, invitations))
}

fn pusher(contacts: &mut Vec<Contact>) -> impl FnMut(Contact, RowExtra) + '_ {
    move |c, _| contacts.push(c)
}

fn read_invitations(conn: &Connection) -> Result<Vec<Invitation>> {
    let mut stmt = conn.prepare(
        "SELECT id, direction, from_name, to_name, sent_at, message, inviter_url, invitee_url,
                withdraw_planned
         FROM invitations",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Invitation {
            id: r.get(0)?,
            direction: match text_ref(r.get_ref(1)?) {
                Some("outgoing") => Direction::Outgoing,
                _ => Direction::Incoming,
            },
            from_name: r.get(2)?,
            to_name: r.get(3)?,
            sent_at: text_ref(r.get_ref(4)?)
                .and_then(parse_datetime)
                .unwrap_or_default(),
            message: r.get(5)?,
            inviter_url: r.get(6)?,
            invitee_url: r.get(7)?,
            withdraw_planned: r.get(8)?,
            status: InvitationStatus::Pending,
            contact_id: None,
        })
    })?;
    // Sorted here: without an index on sent_at SQLite would sort the rows itself, slower.
    let mut invitations: Vec<Invitation> = rows.collect::<Result<_, _>>()?;
    invitations.sort_by_key(|i| (i.sent_at, i.id));
    Ok(invitations)
}

/// Below this many contacts one connection reads them all.
const PARALLEL_LOAD_MIN: usize = 20_000;

fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

fn attach_tags(conn: &Connection, contacts: &mut [Contact]) -> Result<()> {
    let mut stmt = conn.prepare("SELECT contact_id, tag FROM tags ORDER BY contact_id, tag")?;
    let mut rows = stmt.query([])?;
    let mut at = 0;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        // Both are in id order: walk forward to the tag's contact.
        while at < contacts.len() && contacts[at].id < id {
            at += 1;
        }
        if let Some(c) = contacts.get_mut(at).filter(|c| c.id == id) {
            c.tags.push(r.get(1)?);
        }
    }
    Ok(())
}

fn apply_op(tx: &rusqlite::Transaction<'_>, op: &Op) -> Result<()> {
    match op {
        Op::Tag { tag, add, ids } => {
            let sql = if *add {
                "INSERT OR IGNORE INTO tags (contact_id, tag) VALUES (?1, ?2)"
            } else {
                "DELETE FROM tags WHERE contact_id = ?1 AND tag = ?2"
            };
            let mut stmt = tx.prepare_cached(sql)?;
            for id in ids {
                stmt.execute(params![id, tag])?;
            }
        }
        Op::Decide { ids, after, .. } => {
            let mut stmt = tx.prepare_cached("UPDATE contacts SET decision = ?1 WHERE id = ?2")?;
            for id in ids {
                stmt.execute(params![after, id])?;
            }
        }
        Op::Withdraw { ids, mark } => {
            let mut stmt =
                tx.prepare_cached("UPDATE invitations SET withdraw_planned = ?1 WHERE id = ?2")?;
            for id in ids {
                stmt.execute(params![mark, id])?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The url_key column: NULL reads as the key of the URL, '' as no key, anything else
    /// as itself; and a contact is written back in the form it was read.
    #[test]
    fn url_keys_are_stored_only_when_they_are_not_the_urls_own() {
        let dir = tempfile::tempdir().expect("dir");
        let store = Store::open(&dir.path().join("k.db")).expect("open");
        store
            .conn
            .execute_batch(
                "INSERT INTO contacts (id, url, url_key) VALUES
                    (1, 'https://www.linkedin.com/in/Ada-L', NULL),
                    (2, 'https://www.linkedin.com/in/bo', ''),
                    (3, 'https://www.linkedin.com/in/cy', 'linkedin.com/in/cy-old'),
                    (4, '', NULL);",
            )
            .expect("rows");
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let network = store.load(as_of).expect("load");
        let keys: Vec<Option<&str>> = network
            .contacts
            .iter()
            .map(|c| c.url_key.as_deref())
            .collect();
        assert_eq!(
            keys,
            [
                Some("linkedin.com/in/ada-l"),
                None,
                Some("linkedin.com/in/cy-old"),
                None
            ]
        );
        let columns: Vec<Option<&str>> = network
            .contacts
            .iter()
            .map(|c| url_key_column(c, url_key_is_derived(c)))
            .collect();
        assert_eq!(
            columns,
            [None, Some(""), Some("linkedin.com/in/cy-old"), None]
        );
    }
}
