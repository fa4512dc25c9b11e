//! The SQLite store (rusqlite lives only here): opening with the right mode and pragmas,
//! loading the network or only the contacts a caller keeps (a large table read on two
//! connections side by side, one contact decoded at a time), logging invertible
//! operations for undo/redo, settings, SSI readings and saved filters. Imports are merged
//! in `merge` (and undone with the copy `snapshot` keeps) and reported in `report`; the
//! schema and its migrations are in `schema`.
//!
//! Must not: parse files, score, or know about terminals.

mod bulk;
mod merge;
mod report;
mod schema;
mod snapshot;

pub use crate::pillars::{LoggedProjection, SsiReading};
pub use report::{ColumnRead, FileReport, ImportReport, Total, a_few, if_any};
pub use snapshot::{ImportUndo, copies as import_copies};

use crate::audience::Scored;
use crate::error::{Error, Result};
use crate::import::RememberedMap;
use crate::import::dates::{iso_date, iso_datetime};
use crate::model::{
    Contact, ContactParts, Decision, Direction, Employers, Flags, Function, Invitation,
    InvitationStatus, Seniority, Text,
};
use crate::network::Network;
use crate::ops::{self, Named, Op};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rusqlite::functions::FunctionFlags;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
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

/// A date as the store writes it, `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`, made without
/// allocating (it is made for several columns of every row an import writes).
#[derive(Clone, Copy)]
pub(crate) struct DateText {
    bytes: [u8; 19],
    len: usize,
}

impl DateText {
    fn new(parts: &[(u32, usize)]) -> DateText {
        const SEPARATORS: &[u8; 5] = b"-- ::";
        let mut text = DateText {
            bytes: [0; 19],
            len: 0,
        };
        for (i, &(value, width)) in parts.iter().enumerate() {
            if i > 0 {
                text.bytes[text.len] = SEPARATORS[i - 1];
                text.len += 1;
            }
            for d in (0..width).rev() {
                text.bytes[text.len + d] =
                    b'0' + (value / 10u32.pow((width - 1 - d) as u32) % 10) as u8;
            }
            text.len += width;
        }
        text
    }

    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl rusqlite::ToSql for DateText {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::Borrowed(ValueRef::Text(
            &self.bytes[..self.len],
        )))
    }
}

/// `YYYY-MM-DD`.
pub(crate) fn date_text(d: Option<NaiveDate>) -> Option<DateText> {
    d.map(|d| DateText::new(&date_parts(d)))
}

/// `YYYY-MM-DD HH:MM:SS`.
pub(crate) fn datetime_text(d: Option<NaiveDateTime>) -> Option<DateText> {
    d.map(|d| {
        let [year, month, day] = date_parts(d.date());
        DateText::new(&[
            year,
            month,
            day,
            (d.hour(), 2),
            (d.minute(), 2),
            (d.second(), 2),
        ])
    })
}

/// A date's year, month and day as [`DateText::new`] takes them (value, digits).
fn date_parts(d: NaiveDate) -> [(u32, usize); 3] {
    [
        (d.year().clamp(0, 9999) as u32, 4),
        (d.month(), 2),
        (d.day(), 2),
    ]
}

/// Reads the store's own `YYYY-MM-DD` (hand-parsed: it runs for every row at load).
fn parse_date(s: &str) -> Option<NaiveDate> {
    iso_date(s).or_else(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
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
    iso_datetime(s).or_else(|| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").ok())
}

/// Whether the file at `path` may be deleted as a netcurate database: one, or an empty
/// file (a database that never got its first table). Read without changing it; anything
/// else (another program's database, a CSV given to `--db` by mistake) is not.
pub fn is_netcurate_database(path: &Path) -> Result<bool> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let read = file.read(&mut head).map_err(|e| Error::io(path, e))?;
    if read == 0 {
        return Ok(true);
    }
    if read < head.len() || &head != b"SQLite format 3\0" {
        return Ok(false);
    }
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    Ok(schema::is_netcurate(&conn).unwrap_or(false))
}

impl Store {
    /// Opens (creating with mode 0600) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        if path.is_dir() {
            let example = path.join("netcurate.db");
            return Err(Error::file(
                &path.display().to_string(),
                format!(
                    "is a folder; the database is a file, e.g. {}",
                    example.display()
                ),
            ));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        create_private(path)?;
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
        schema::refuse_foreign(&conn, path).map_err(|e| db_error(e, path))?;
        // Takes effect only while the file is still empty (a new database).
        conn.pragma_update(None, "page_size", PAGE_BYTES)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| busy_or(e, path))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        schema::migrate(&mut conn, path).map_err(|e| db_error(e, path))?;
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
        self.transaction(true, f)
    }

    /// Runs `f` in one write transaction and rolls it back: what `f` works out, nothing it
    /// writes.
    pub(crate) fn write_then_roll_back<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.transaction(false, f)
    }

    /// `f` in one write transaction, committed when `commit` holds, else rolled back.
    fn transaction<T>(
        &mut self,
        commit: bool,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| busy_or(e, &path))?;
        let value = f(&tx).map_err(|e| db_error(e, &path))?;
        match commit {
            true => tx.commit().map_err(|e| busy_or(e, &path))?,
            false => tx.rollback()?,
        }
        Ok(value)
    }

    /// [`Store::write`] for an import. Into a database with no contacts yet, and when no
    /// other connection has it open, the transaction goes through a rollback journal
    /// instead of the WAL: its new pages are then written once, not into the WAL and again
    /// into the database when the WAL is checkpointed (on close). The journal keeps the
    /// import all or nothing (a killed import is rolled back when the database is next
    /// opened); the database is in WAL mode again afterwards.
    pub(crate) fn write_import<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        if !(self.contact_count()? == 0 && self.try_journal_mode("delete")?) {
            return self.write(f);
        }
        // The journal is synced before the database is written (NORMAL skips that for a
        // rollback journal: a power cut could then damage what is stored).
        let value = (self.conn)
            .pragma_update(None, "cache_size", -4096)
            .and_then(|()| self.conn.pragma_update(None, "synchronous", "FULL"))
            .map_err(Error::from)
            .and_then(|()| self.write(f));
        // Back to the usual settings, best effort: the import is committed or rolled back
        // either way, and every open sets them again.
        let _ = self.conn.pragma_update(None, "synchronous", "NORMAL");
        let _ = self.try_journal_mode("wal");
        value
    }

    /// Sets the journal mode unless another connection is in the way (without waiting for
    /// it); whether the mode is now `mode`.
    fn try_journal_mode(&self, mode: &str) -> Result<bool> {
        self.conn.busy_timeout(std::time::Duration::ZERO)?;
        let set = self
            .conn
            .pragma_update_and_check(None, "journal_mode", mode, |r| r.get::<_, String>(0));
        self.conn
            .busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
        match set.map_err(|e| busy_or(e, &self.path)) {
            Ok(now) => Ok(now.eq_ignore_ascii_case(mode)),
            Err(Error::Busy(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Loads every contact and invitation.
    pub fn load(&self, as_of: NaiveDate) -> Result<Network> {
        let (contacts, invitations) = load_network(&self.conn, &self.path)?;
        let network = Network::new(contacts, invitations, as_of);
        crate::trace::phase("indexed the network");
        Ok(network)
    }

    /// Loads the contacts for which `keep` holds (no invitations), for commands about
    /// some contacts alone; `keep` reads only the `reads` parts of a contact.
    pub fn load_contacts_where(
        &self,
        as_of: NaiveDate,
        reads: ContactParts,
        keep: impl FnMut(&Contact) -> bool + Clone + Send + Sync + 'static,
    ) -> Result<Network> {
        let contacts = contacts_where(&self.conn, &self.path, as_of, reads, keep)?;
        crate::trace::phase("read the contacts asked for");
        Ok(Network::new(contacts, Vec::new(), as_of))
    }

    /// The first `n` contacts in the workbench's opening order (score, highest first, no
    /// score last; then id: `query::sort` by score, descending), with their tags, and how
    /// many contacts there are: what the first frame shows while the rest loads. Only the
    /// score column of every row is read. Day-dependent flags are left to `Network::new`.
    pub fn load_first(&self, n: usize) -> Result<(Vec<Contact>, usize)> {
        let ids: Vec<i64> = self.query_all(
            &format!("SELECT id FROM contacts ORDER BY COALESCE(score, -1) DESC, id LIMIT {n}"),
            |r| r.get(0),
        )?;
        let mut contacts = Vec::with_capacity(ids.len());
        for id in ids {
            contacts.extend(contacts_with_tags(&self.conn, id..id + 1, "TRUE", 1)?);
        }
        Ok((contacts, contact_count(&self.conn)?))
    }

    /// How many contacts the database holds.
    pub fn contact_count(&self) -> Result<usize> {
        contact_count(&self.conn)
    }

    /// Applies `op` and logs it as the newest undoable step (clearing the redo stack).
    pub fn record(&mut self, op: &Op) -> Result<()> {
        if op.is_empty() {
            return Ok(());
        }
        self.write(|tx| {
            record_in(tx, op)?;
            Ok(())
        })
    }

    /// Undoes the newest step; returns it (as it was done) or `None` when there is none
    /// since the latest import. An import is not a step but comes between them in time:
    /// the steps made before it are reached once it is taken back ([`Store::undo_import`]).
    pub fn undo(&mut self) -> Result<Option<Op>> {
        let before_import = snapshot::steps_before_import(&self.conn, &self.path)?;
        self.step(
            "SELECT id, payload FROM ops WHERE undone = 0 AND id > ?1 ORDER BY id DESC LIMIT 1",
            before_import,
            true,
        )
    }

    /// Takes back the latest import whole, when it is the newest change still done, by
    /// restoring the copy of the database taken just before it; with `apply` false, only
    /// says whether it could. An undone import is redone by importing again.
    pub fn undo_import(&mut self, apply: bool) -> Result<ImportUndo> {
        let path = self.path.clone();
        snapshot::undo_import(&mut self.conn, &path, apply).map_err(|e| db_error(e, &path))
    }

    /// Redoes the oldest undone step.
    pub fn redo(&mut self) -> Result<Option<Op>> {
        self.step(
            "SELECT id, payload FROM ops WHERE undone = 1 AND id > ?1 ORDER BY id ASC LIMIT 1",
            0,
            false,
        )
    }

    /// Undoes (or redoes) the step `select` finds among those after step `after`.
    fn step(&mut self, select: &str, after: i64, undo: bool) -> Result<Option<Op>> {
        self.write(|tx| {
            let found: Option<(i64, String)> = tx
                .query_row(select, [after], |r| Ok((r.get(0)?, r.get(1)?)))
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
        setting_in(&self.conn, key)
    }

    /// Whether the stored scores were worked out by this netcurate's scoring (see
    /// [`crate::audience::SCORING_VERSION`]), not an older one's.
    pub fn scores_are_current(&self) -> Result<bool> {
        let version = crate::audience::SCORING_VERSION.to_string();
        Ok(self.setting(SCORED_WITH)?.as_deref() == Some(version.as_str()))
    }

    /// The column maps earlier imports were given (`--map`), each for the header of the
    /// file it read.
    pub fn remembered_maps(&self) -> Result<Vec<RememberedMap>> {
        remembered_maps_in(&self.conn)
    }

    /// The folder the latest import came from, as an absolute path (none before one).
    pub fn import_folder(&self) -> Result<Option<String>> {
        setting_in(&self.conn, IMPORT_FOLDER)
    }

    /// The owner's employers from the latest Positions.csv imported (none before one).
    pub fn employers(&self) -> Result<Employers> {
        Ok(setting_in(&self.conn, EMPLOYERS)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
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

    /// Stores an SSI reading, as one undoable step.
    pub fn record_ssi(&mut self, r: &SsiReading) -> Result<()> {
        self.write(|tx| {
            let id: i64 = tx.query_row(
                "SELECT COALESCE(MAX(id), 0) + 1 FROM ssi_readings",
                [],
                |row| row.get(0),
            )?;
            let op = Op::Reading {
                id,
                reading: *r,
                add: true,
            };
            record_in(tx, &op)?;
            Ok(())
        })
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

    pub fn saved_filters(&self) -> Result<Vec<(String, String)>> {
        self.query_all("SELECT name, query FROM saved_filters ORDER BY name", |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
    }

    /// Rescores every contact with `profile` and stores what changed, in one
    /// transaction. Returns how many contacts were scored.
    pub fn rescore(&mut self, profile: Option<&crate::audience::Profile>) -> Result<Rescored> {
        self.write(|tx| rescore_in(tx, profile))
    }

    /// The stored audience profile's TOML text, if there is one.
    pub fn profile_text(&self) -> Result<Option<String>> {
        self.setting(ops::PROFILE)
    }

    /// Stores `text` (a profile that parses) as the audience profile and rescores every
    /// contact with it, as one undoable step.
    pub fn change_profile(&mut self, text: &str) -> Result<Rescored> {
        self.replace(Named::profile(), Some(text))
    }

    /// Saves `query` as segment `name` (replacing one of that name), as one undoable step.
    pub fn save_filter(&mut self, name: &str, query: &str) -> Result<()> {
        self.replace(Named::SavedFilter(name.to_string()), Some(query))?;
        Ok(())
    }

    /// Deletes the filter saved as segment `name`, as one undoable step; whether there
    /// was one.
    pub fn delete_filter(&mut self, name: &str) -> Result<bool> {
        let what = Named::SavedFilter(name.to_string());
        Ok(self.write(|tx| replace_in(tx, what, None))?.is_some())
    }

    /// Sets the text kept as `what` to `value` (`None`: removes it) in one transaction
    /// logged as an undoable step (a profile rescores every contact); nothing when it
    /// holds `value` already.
    pub fn replace(&mut self, what: Named, value: Option<&str>) -> Result<Rescored> {
        Ok(self
            .write(|tx| replace_in(tx, what, value))?
            .unwrap_or_default())
    }
}

/// [`Store::replace`] within `tx` (the text it replaces read there too, so that no other
/// writer comes between): what it rescored, or `None` when `what` held `value` already.
fn replace_in(tx: &Transaction<'_>, what: Named, value: Option<&str>) -> Result<Option<Rescored>> {
    let op = Op::Replace {
        before: named_text(tx, &what)?,
        what,
        after: value.map(str::to_string),
    };
    match op.is_empty() {
        true => Ok(None),
        false => record_in(tx, &op).map(Some),
    }
}

/// The text kept as `what`, if any.
fn named_text(conn: &Connection, what: &Named) -> Result<Option<String>> {
    match what {
        Named::Setting(key) => setting_in(conn, key),
        Named::SavedFilter(name) => Ok(conn
            .query_row(
                "SELECT query FROM saved_filters WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?),
    }
}

/// Sets the text kept as `what` to `value` (`None`: removes it); a profile rescores every
/// contact with it.
fn put_named(tx: &Transaction<'_>, what: &Named, value: Option<&str>) -> Result<Rescored> {
    match (what, value) {
        (Named::Setting(key), Some(value)) => set_setting_in(tx, key, value)?,
        (Named::Setting(key), None) => {
            tx.execute("DELETE FROM settings WHERE key = ?1", [key])?;
        }
        (Named::SavedFilter(name), Some(query)) => {
            tx.execute(
                "INSERT INTO saved_filters (name, query) VALUES (?1, ?2)
                 ON CONFLICT(name) DO UPDATE SET query = excluded.query",
                params![name, query],
            )?;
        }
        (Named::SavedFilter(name), None) => {
            tx.execute("DELETE FROM saved_filters WHERE name = ?1", [name])?;
        }
    }
    if *what != Named::profile() {
        return Ok(Rescored::default());
    }
    let profile = value
        .map(|text| crate::audience::Profile::parse("stored profile", text))
        .transpose()?;
    rescore_in(tx, profile.as_ref())
}

/// [`Store::rescore`] within `tx`.
fn rescore_in(
    tx: &Transaction<'_>,
    profile: Option<&crate::audience::Profile>,
) -> Result<Rescored> {
    let (contacts, stored) = load_for_scoring(tx)?;
    let scored = crate::audience::score_all(&contacts, profile);
    let mut update = tx.prepare_cached(
        "UPDATE contacts SET score = ?2, seniority = ?3, function = ?4, flags = ?5
         WHERE id = ?1",
    )?;
    let mut changed = 0;
    for ((c, old), (_, new)) in contacts.iter().zip(&stored).zip(scored) {
        changed += usize::from(new.score != old.score);
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
    mark_scored(tx)?;
    Ok(Rescored {
        contacts: contacts.len(),
        changed,
    })
}

/// Applies `op` in `tx` and logs it as the newest undoable step (forgetting the steps
/// undone); what it rescored.
fn record_in(tx: &Transaction<'_>, op: &Op) -> Result<Rescored> {
    let rescored = apply_op(tx, op)?;
    let payload = serde_json::to_string(op).map_err(|e| Error::Invalid(e.to_string()))?;
    tx.execute("DELETE FROM ops WHERE undone = 1", [])?;
    tx.execute(
        "INSERT INTO ops (at, label, payload) VALUES (datetime('now'), ?1, ?2)",
        params![op.describe(), payload],
    )?;
    Ok(rescored)
}

/// What a rescore did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rescored {
    /// Contacts scored.
    pub contacts: usize,
    /// Of them, those whose score is not what it was (or now has one, or no longer has).
    pub changed: usize,
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

/// [`busy_or`] for a library error: a database error in it is named as `busy_or` names
/// it; any other error is left as it is.
fn db_error(e: Error, path: &Path) -> Error {
    match e {
        Error::Db(db) => busy_or(db, path),
        other => other,
    }
}

fn busy_or(e: rusqlite::Error, path: &Path) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            Error::Busy(path.to_path_buf())
        }
        Some(rusqlite::ErrorCode::ReadOnly) => Error::ReadOnly(path.to_path_buf()),
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
                score, seniority, function, flags, is_connection
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
            first_name: text_column(r, 1)?,
            last_name: text_column(r, 2)?,
            company: text_column(r, 3)?,
            position: text_column(r, 4)?,
            industry: text_column(r, 5)?,
            location: text_column(r, 6)?,
            is_connection: r.get(12)?,
            flags,
            ..Contact::default()
        });
        stored.push(read_scored(r, 8)?);
    }
    Ok((contacts, stored))
}

/// What scoring stored, from the score, seniority, function and flags columns (in that
/// order from column `first`).
fn read_scored(r: &impl Columns, first: usize) -> rusqlite::Result<Scored> {
    Ok(Scored {
        score: r.get::<Option<i64>>(first)?.map(|s| s.clamp(0, 100) as u8),
        seniority: text_ref(r.column(first + 1)?)
            .and_then(Seniority::parse)
            .unwrap_or_default(),
        function: text_ref(r.column(first + 2)?)
            .and_then(Function::parse)
            .unwrap_or_default(),
        stored_flags: r.get::<i64>(first + 3)? as u32,
    })
}

/// The columns [`for_each_row`] selects, in its order.
const CONTACT_COLUMNS: &str = "id, first_name, last_name, url, url_key, email, company, position,
    connected_on, is_connection, hidden, gone_at, job_changed_at, previous_company,
    previous_position, industry, location, decision, score, seniority, function, flags,
    last_message_at, last_inbound_at, last_outbound_at, message_count";

/// Where [`fill_contact`] reads the columns of [`CONTACT_COLUMNS`]: a result row, or the
/// arguments of the SQL function that tests rows inside SQLite ([`contacts_where`]).
trait Columns {
    fn column(&self, i: usize) -> rusqlite::Result<ValueRef<'_>>;

    fn get<T: rusqlite::types::FromSql>(&self, i: usize) -> rusqlite::Result<T> {
        let value = self.column(i)?;
        T::column_result(value).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, value.data_type(), Box::new(e))
        })
    }
}

impl Columns for rusqlite::Row<'_> {
    fn column(&self, i: usize) -> rusqlite::Result<ValueRef<'_>> {
        self.get_ref(i)
    }

    fn get<T: rusqlite::types::FromSql>(&self, i: usize) -> rusqlite::Result<T> {
        rusqlite::Row::get(self, i)
    }
}

impl Columns for rusqlite::functions::Context<'_> {
    fn column(&self, i: usize) -> rusqlite::Result<ValueRef<'_>> {
        Ok(self.get_raw(i))
    }
}

/// Notes which columns [`fill_contact`] reads (each reads as the integer 0).
#[derive(Default)]
struct ColumnsRead(std::cell::RefCell<Vec<usize>>);

impl Columns for ColumnsRead {
    fn column(&self, i: usize) -> rusqlite::Result<ValueRef<'_>> {
        self.0.borrow_mut().push(i);
        Ok(ValueRef::Integer(0))
    }
}

/// [`CONTACT_COLUMNS`] with each column that [`fill_contact`] does not read for `parts`
/// replaced by NULL: the arguments of the SQL function that tests a row, so that SQLite
/// decodes only what the test reads.
fn columns_for(parts: ContactParts) -> String {
    let read = ColumnsRead::default();
    // Reading integer zeros cannot fail.
    let _ = fill_contact(&read, &mut Contact::default(), parts);
    let read = read.0.into_inner();
    CONTACT_COLUMNS
        .split(',')
        .enumerate()
        .map(|(i, name)| {
            if read.contains(&i) {
                name.trim()
            } else {
                "NULL"
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a contact's identity key is the key of its URL (nearly always).
pub(crate) fn url_key_is_derived(c: &Contact) -> bool {
    match c.url_key.as_deref() {
        Some(key) => crate::import::url::is_key_of(&c.url, key),
        None => crate::import::url::profile_key(&c.url).is_none(),
    }
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

/// The settings key of the column maps imports remember.
const COLUMN_MAPS: &str = "column_maps";
/// The settings key of the folder the latest import came from.
const IMPORT_FOLDER: &str = "import_folder";
/// The settings key of the owner's employers (from the latest Positions.csv).
const EMPLOYERS: &str = "employers";
/// The settings key of the scoring version the stored scores were worked out with.
const SCORED_WITH: &str = "scored_with";

/// Notes that every stored score is this netcurate's (after a rescore or an import, which
/// scores every contact).
pub(crate) fn mark_scored(conn: &Connection) -> Result<()> {
    let version = crate::audience::SCORING_VERSION.to_string();
    set_setting_in(conn, SCORED_WITH, &version)
}

fn setting_in(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

fn set_setting_in(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

fn remembered_maps_in(conn: &Connection) -> Result<Vec<RememberedMap>> {
    Ok((setting_in(conn, COLUMN_MAPS)?)
        .map(|json| RememberedMap::from_json(&json))
        .unwrap_or_default())
}

/// Stores the folder an import came from.
pub(crate) fn remember_import_folder(conn: &Connection, folder: &str) -> Result<()> {
    set_setting_in(conn, IMPORT_FOLDER, folder)
}

/// Stores the owner's employers, replacing those of an earlier Positions.csv.
pub(crate) fn remember_employers(conn: &Connection, employers: &Employers) -> Result<()> {
    let json = serde_json::to_string(employers).map_err(|e| Error::Invalid(e.to_string()))?;
    set_setting_in(conn, EMPLOYERS, &json)
}

/// Adds `maps` to the remembered column maps, each replacing one for the same header.
pub(crate) fn remember_maps(conn: &Connection, maps: &[RememberedMap]) -> Result<()> {
    if maps.is_empty() {
        return Ok(());
    }
    let all = RememberedMap::merged(remembered_maps_in(conn)?, maps);
    set_setting_in(conn, COLUMN_MAPS, &RememberedMap::to_json(&all))
}

/// Every contact (without tags) in id order, with what its row holds beyond it (in a
/// vector of its own, so that a caller can keep the contacts without copying them); a
/// large table is read side by side like a load. Inside a write transaction that has not
/// written yet, the second connection sees the same rows (nobody else can commit).
pub(crate) fn read_contacts(
    conn: &Connection,
    path: &Path,
) -> Result<(Vec<Contact>, Vec<RowExtra>)> {
    let read = |conn: &Connection, ids: std::ops::Range<i64>, expected: usize| {
        // Room for a re-import's new contacts (a few percent a week) without copying the
        // network into a larger vector.
        let room = expected + expected / 16;
        let (mut contacts, mut extras) = (Vec::with_capacity(room), Vec::with_capacity(room));
        for_each_row(conn, ids, |r| {
            extras.push(RowExtra {
                gone_at: text_ref(r.get_ref(11)?).and_then(parse_datetime),
                job_changed_at: text_ref(r.get_ref(12)?).and_then(parse_datetime),
                scored: read_scored(r, 18)?,
            });
            contacts.push(contact_of(r)?);
            Ok(())
        })?;
        Ok((contacts, extras))
    };
    Ok(read_side_by_side(conn, path, 0.5, &read, &|_| Ok(()))?.0)
}

/// The contact of row `r` (columns of [`CONTACT_COLUMNS`]), without tags.
fn contact_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Contact> {
    let mut contact = Contact::default();
    fill_contact(r, &mut contact, ContactParts::ALL)?;
    Ok(contact)
}

/// Runs `each` on every contact row whose id is in `ids`, in id order, with the columns
/// of [`CONTACT_COLUMNS`].
fn for_each_row(
    conn: &Connection,
    ids: std::ops::Range<i64>,
    each: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<()>,
) -> Result<()> {
    for_each_row_where(conn, ids, "TRUE", each)
}

/// [`for_each_row`] for the rows for which the SQL `condition` holds.
fn for_each_row_where(
    conn: &Connection,
    ids: std::ops::Range<i64>,
    condition: &str,
    mut each: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {CONTACT_COLUMNS} FROM contacts WHERE id >= ?1 AND id < ?2 AND ({condition})
         ORDER BY id"
    ))?;
    let mut rows = stmt.query(params![ids.start, ids.end])?;
    while let Some(r) = rows.next()? {
        each(r)?;
    }
    Ok(())
}

/// Makes the `parts` of `c` (and its id) those of row `r` (columns of
/// [`CONTACT_COLUMNS`]), reusing its strings' allocations. Tags are not in the row.
fn fill_contact(r: &impl Columns, c: &mut Contact, parts: ContactParts) -> rusqlite::Result<()> {
    c.id = r.get(0)?;
    if parts.has(ContactParts::NAME) {
        set_text(&mut c.first_name, r.column(1)?);
        set_text(&mut c.last_name, r.column(2)?);
    }
    if parts.has(ContactParts::URL) {
        set_text(&mut c.url, r.column(3)?);
        match r.column(4)? {
            ValueRef::Text(b"") => c.url_key = None,
            ValueRef::Text(k) => set_text(c.url_key.get_or_insert_default(), ValueRef::Text(k)),
            _ => c.url_key = crate::import::url::profile_key(&c.url).map(Text::from),
        }
    }
    if parts.has(ContactParts::COMPANY) {
        set_text(&mut c.company, r.column(6)?);
    }
    if parts.has(ContactParts::TITLE) {
        set_text(&mut c.position, r.column(7)?);
    }
    if parts.has(ContactParts::CONNECTED_ON) {
        c.connected_on = text_ref(r.column(8)?).and_then(parse_date);
    }
    if parts.has(ContactParts::DECISION) {
        c.decision = Decision::from_code(r.get(17)?);
    }
    if parts.has(ContactParts::SCORED) || parts.has(ContactParts::FLAGS) {
        let scored = read_scored(r, 18)?;
        c.score = scored.score;
        c.seniority = scored.seniority;
        c.function = scored.function;
        c.flags = Flags(scored.stored_flags);
    }
    if parts.has(ContactParts::FLAGS) {
        c.flags.set(Flags::HIDDEN, r.get(10)?);
        c.gone_on = text_ref(r.column(11)?)
            .and_then(parse_datetime)
            .map(|at| at.date());
        c.flags.set(Flags::GONE, c.gone_on.is_some());
        c.job_changed_on = text_ref(r.column(12)?)
            .and_then(parse_datetime)
            .map(|at| at.date());
        c.flags.set(Flags::JOB_CHANGE, c.job_changed_on.is_some());
        c.last_message_at = text_ref(r.column(22)?).and_then(parse_datetime);
        c.last_inbound_at = text_ref(r.column(23)?).and_then(parse_datetime);
        c.last_outbound_at = text_ref(r.column(24)?).and_then(parse_datetime);
        c.message_count = r.get::<i64>(25)? as u32;
    }
    if parts.has(ContactParts::REST) {
        set_text(&mut c.email, r.column(5)?);
        c.is_connection = r.get(9)?;
        set_text(&mut c.previous_company, r.column(13)?);
        set_text(&mut c.previous_position, r.column(14)?);
        set_text(&mut c.industry, r.column(15)?);
        set_text(&mut c.location, r.column(16)?);
    }
    Ok(())
}

/// The text of column `i` (empty for NULL).
fn text_column(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Text> {
    let mut text = Text::default();
    set_text(&mut text, r.get_ref(i)?);
    Ok(text)
}

/// Makes `slot` the text of a column (empty for NULL), keeping its allocation.
fn set_text(slot: &mut Text, v: ValueRef<'_>) {
    slot.clear();
    if let ValueRef::Text(t) = v {
        // Valid UTF-8 (always, unless the file was edited by hand) is checked by the fast
        // path of `from_utf8`; `from_utf8_lossy` checks a character at a time.
        match std::str::from_utf8(t) {
            Ok(text) => slot.push_str(text),
            Err(_) => slot.push_str(&String::from_utf8_lossy(t)),
        }
    }
}

pub(crate) fn contact_count(conn: &Connection) -> Result<usize> {
    let count: i64 = conn.query_row("SELECT COUNT(*) FROM contacts", [], |r| r.get(0))?;
    Ok(usize::try_from(count).unwrap_or(0))
}

/// Every contact, with its tags (each connection reads the tags of its share), and every
/// invitation (read by the second connection after its share of the contacts).
fn load_network(conn: &Connection, path: &Path) -> Result<(Vec<Contact>, Vec<Invitation>)> {
    // The second connection also reads the invitations (and opens first): it takes fewer
    // contacts.
    let (contacts, invitations) = read_side_by_side(
        conn,
        path,
        0.4,
        &|conn, ids, expected| contacts_with_tags(conn, ids, "TRUE", expected),
        &read_invitations,
    )?;
    crate::trace::phase("read contacts and invitations");
    Ok((contacts, invitations))
}

/// The contacts (with their tags) for which `keep` holds, `keep` seeing each with its
/// day-dependent flags as of `as_of`. SQLite calls `keep` for each row (as the SQL function
/// [`KEEP_FUNCTION`]), given only the columns of the parts it `reads`: a row it turns down
/// is never decoded in full, nor leaves SQLite. At 100k contacts that reads a third of
/// the time of decoding every row and testing it here.
fn contacts_where<K: FnMut(&Contact) -> bool + Clone + Send + Sync + 'static>(
    conn: &Connection,
    path: &Path,
    as_of: NaiveDate,
    reads: ContactParts,
    keep: K,
) -> Result<Vec<Contact>> {
    let condition = format!("{KEEP_FUNCTION}({})", columns_for(reads));
    let arity = CONTACT_COLUMNS.split(',').count() as i32;
    let scan = |conn: &Connection, ids: std::ops::Range<i64>, _expected: usize| {
        let test_tags = if reads.has(ContactParts::TAGS) {
            read_tags(conn, ids.clone())?
        } else {
            Vec::new()
        };
        let test = std::sync::Mutex::new((
            keep.clone(),
            Contact::default(),
            test_tags.into_iter().peekable(),
        ));
        conn.create_scalar_function(
            KEEP_FUNCTION,
            arity,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DIRECTONLY,
            move |args| {
                let mut test = test
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let (keep, c, tags) = &mut *test;
                fill_contact(args, c, reads)?;
                c.derive_flags(as_of);
                c.tags.clear();
                take_tags(tags, c.id, &mut c.tags);
                Ok(keep(c))
            },
        )?;
        // (The kept rows' tags are read again with them.)
        let kept = contacts_with_tags(conn, ids, &condition, 0);
        conn.remove_function(KEEP_FUNCTION, arity)?;
        kept
    };
    Ok(read_side_by_side(conn, path, 0.5, &scan, &|_| Ok(()))?.0)
}

/// The SQL function that tests a contact row for [`contacts_where`].
const KEEP_FUNCTION: &str = "netcurate_keep";

/// The contacts, with their tags, of the rows in `ids` for which the SQL `condition`
/// holds (room made for `expected` of them); their day-dependent flags are left to
/// `Network::new`.
fn contacts_with_tags(
    conn: &Connection,
    ids: std::ops::Range<i64>,
    condition: &str,
    expected: usize,
) -> Result<Vec<Contact>> {
    let mut tags = read_tags(conn, ids.clone())?.into_iter().peekable();
    let mut contacts = Vec::with_capacity(expected);
    for_each_row_where(conn, ids, condition, |r| {
        let mut c = contact_of(r)?;
        take_tags(&mut tags, c.id, &mut c.tags);
        contacts.push(c);
        Ok(())
    })?;
    Ok(contacts)
}

/// What a read of the contacts table does with the rows of one id range on one
/// connection (`expected`: how many rows to make room for).
type RangeRead<'a, T> = dyn Fn(&Connection, std::ops::Range<i64>, usize) -> Result<T> + Sync + 'a;

/// What reading an id range gives: the later range's is appended to the earlier one's.
trait RangeRows {
    fn append(&mut self, later: &mut Self);
}

impl<T> RangeRows for Vec<T> {
    fn append(&mut self, later: &mut Self) {
        Vec::append(self, later);
    }
}

impl<A, B> RangeRows for (Vec<A>, Vec<B>) {
    fn append(&mut self, later: &mut Self) {
        self.0.append(&mut later.0);
        self.1.append(&mut later.1);
    }
}

/// Reads the contacts table with `read`, then runs `after`. A large table is read in two
/// id ranges side by side, the second (`second_share` of the ids) on its own read-only
/// connection, which then runs `after`; when another process commits meanwhile (the
/// halves could then disagree) everything is read again on one connection.
fn read_side_by_side<T: RangeRows + Send, X: Send>(
    conn: &Connection,
    path: &Path,
    second_share: f64,
    read: &RangeRead<'_, T>,
    after: &(dyn Fn(&Connection) -> Result<X> + Sync),
) -> Result<(T, X)> {
    conn.pragma_update(None, "mmap_size", READ_MMAP_BYTES)?;
    let result = (|| {
        let version = data_version(conn)?;
        // Three subqueries: each is then a quick lookup (the count walks the leaf pages
        // only); in one SELECT, MIN and MAX scanned every row (20 ms at 100k).
        let (count, first, last): (i64, Option<i64>, Option<i64>) = conn.query_row(
            "SELECT (SELECT COUNT(*) FROM contacts), (SELECT MIN(id) FROM contacts),
                    (SELECT MAX(id) FROM contacts)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let count = usize::try_from(count).unwrap_or(0);
        if let (Some(first), Some(last)) = (first, last)
            && count >= PARALLEL_LOAD_MIN
            && path.exists()
        {
            let middle = first + ((last - first) as f64 * (1.0 - second_share)) as i64;
            let theirs_expected = (count as f64 * second_share) as usize + 1;
            let (theirs, mine) = crate::parallel::join(
                || {
                    let other = Connection::open_with_flags(
                        path,
                        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
                    )?;
                    other.pragma_update(None, "mmap_size", READ_MMAP_BYTES)?;
                    let rows = read(&other, middle..i64::MAX, theirs_expected)?;
                    Ok::<_, Error>((rows, after(&other)?))
                },
                // Room for both halves: the second is appended to this one.
                || read(conn, i64::MIN..middle, count),
            );
            let mut rows = mine?;
            let (mut second, extra) = theirs?;
            if data_version(conn)? == version {
                rows.append(&mut second);
                return Ok((rows, extra));
            }
        }
        Ok((read(conn, i64::MIN..i64::MAX, count)?, after(conn)?))
    })();
    // Best effort: the mapping would otherwise last as long as the connection.
    let _ = conn.pragma_update(None, "mmap_size", 0);
    result
}

/// How much of the database a whole-table read maps into memory: its pages then come
/// straight from the system's file cache instead of being copied into SQLite's (a
/// filtered export at 100k contacts 0.06 -> 0.04 s). Only for the length of one read: a
/// mapped file that another program truncates meanwhile (a VACUUM by hand) would crash
/// the reader, and the workbench keeps its connection open for hours.
const READ_MMAP_BYTES: i64 = 1 << 30;

fn read_invitations(conn: &Connection) -> Result<Vec<Invitation>> {
    let mut stmt = conn.prepare(
        "SELECT id, direction, from_name, to_name, sent_at, message, inviter_url, invitee_url,
                withdraw_planned, gone_at
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
            gone_at: text_ref(r.get_ref(9)?).and_then(parse_datetime),
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

/// The tags of the contacts whose id is in `ids`, by contact id and tag.
fn read_tags(conn: &Connection, ids: std::ops::Range<i64>) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT contact_id, tag FROM tags WHERE contact_id >= ?1 AND contact_id < ?2
         ORDER BY contact_id, tag",
    )?;
    let rows = stmt.query_map(params![ids.start, ids.end], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Moves the tags of contact `id` from `tags` (in id order, walked forward over the
/// tags of lower ids) to `out`.
fn take_tags(
    tags: &mut std::iter::Peekable<std::vec::IntoIter<(i64, String)>>,
    id: i64,
    out: &mut Vec<String>,
) {
    while tags.next_if(|(of, _)| *of < id).is_some() {}
    while let Some((_, tag)) = tags.next_if(|(of, _)| *of == id) {
        out.push(tag);
    }
}

/// Applies `op` in `tx`; what it rescored, when it is a new profile.
fn apply_op(tx: &rusqlite::Transaction<'_>, op: &Op) -> Result<Rescored> {
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
        Op::Reading {
            id,
            reading: r,
            add: true,
        } => {
            tx.execute(
                "INSERT INTO ssi_readings (id, date, total, brand, frp, engage, br, industry_rank,
                     network_rank)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    id,
                    date_text(Some(r.date)),
                    r.total,
                    r.brand,
                    r.frp,
                    r.engage,
                    r.br,
                    r.industry_rank,
                    r.network_rank
                ],
            )?;
        }
        Op::Reading { id, add: false, .. } => {
            tx.execute("DELETE FROM ssi_readings WHERE id = ?1", [id])?;
        }
        Op::Replace { what, after, .. } => {
            return put_named(tx, what, after.as_deref());
        }
    }
    Ok(Rescored::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The network of a new database (in a temporary folder) holding `rows`.
    fn loaded(rows: &str) -> Network {
        let dir = tempfile::tempdir().expect("dir");
        let store = Store::open(&dir.path().join("t.db")).expect("open");
        store.conn.execute_batch(rows).expect("rows");
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        store.load(as_of).expect("load")
    }

    /// Saving, changing and deleting a saved filter are steps: each undone and redone
    /// exactly; deleting what is not there is no step.
    #[test]
    fn saved_filters_are_undone_and_redone() {
        let dir = tempfile::tempdir().expect("dir");
        let mut store = Store::open(&dir.path().join("t.db")).expect("open");
        let saved = |store: &Store| store.saved_filters().expect("read");
        let pair = |name: &str, query: &str| vec![(name.to_string(), query.to_string())];
        store.save_filter("eu", "tag:eu").expect("save");
        store.save_filter("eu", "tag:eu score:>50").expect("change");
        assert!(store.delete_filter("eu").expect("delete"));
        assert!(!store.delete_filter("eu").expect("nothing to delete"));
        assert!(saved(&store).is_empty());
        let undid = store.undo().expect("undo").expect("a step");
        assert_eq!(undid.describe(), "deleted segment 'eu'");
        assert_eq!(saved(&store), pair("eu", "tag:eu score:>50"));
        let undid = store.undo().expect("undo").expect("a step");
        assert_eq!(undid.describe(), "changed segment 'eu'");
        assert_eq!(saved(&store), pair("eu", "tag:eu"));
        let undid = store.undo().expect("undo").expect("a step");
        assert_eq!(undid.describe(), "saved segment 'eu'");
        assert!(saved(&store).is_empty());
        assert!(store.undo().expect("undo").is_none());
        store.redo().expect("redo");
        store.redo().expect("redo");
        assert_eq!(saved(&store), pair("eu", "tag:eu score:>50"));
    }

    /// A write refused because the database cannot be written (as SQLite refuses it for a
    /// read-only file or folder; here, as the test may run as root, a query-only
    /// connection) says so, naming the file, rather than SQLite's bare message.
    #[test]
    fn a_read_only_database_says_so() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.db");
        let mut store = Store::open(&path).expect("open");
        store
            .conn
            .execute_batch(
                "INSERT INTO contacts (id, first_name) VALUES (1, 'Ada'); PRAGMA query_only = ON;",
            )
            .expect("rows");
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let network = store.load(as_of).expect("load");
        let op = crate::ops::plan_decide(&network, &[1], crate::model::Decision::Keep);
        let e = store.record(&op).expect_err("read-only");
        assert!(matches!(&e, Error::ReadOnly(p) if *p == path), "{e:?}");
        assert!(e.to_string().contains("read-only"), "{e}");
    }

    /// The url_key column: NULL reads as the key of the URL, '' as no key, anything else
    /// as itself; and a contact is written back in the form it was read.
    #[test]
    fn url_keys_are_stored_only_when_they_are_not_the_urls_own() {
        let network = loaded(
            "INSERT INTO contacts (id, url, url_key) VALUES
                (1, 'https://www.linkedin.com/in/Ada-L', NULL),
                (2, 'https://www.linkedin.com/in/bo', ''),
                (3, 'https://www.linkedin.com/in/cy', 'linkedin.com/in/cy-old'),
                (4, '', NULL);",
        );
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

    /// Text that is not UTF-8 (a database edited by hand) loads with replacement
    /// characters, not an error; valid text as it is.
    #[test]
    fn invalid_text_in_the_database_loads_with_replacement_characters() {
        let network = loaded(
            "INSERT INTO contacts (id, first_name, last_name) VALUES
                (1, CAST(X'416EFF6E' AS TEXT), 'Dvořák');",
        );
        let c = &network.contacts[0];
        assert_eq!(
            (c.first_name.as_str(), c.last_name.as_str()),
            ("An\u{FFFD}n", "Dvořák")
        );
    }

    #[test]
    fn dates_are_written_in_the_form_they_are_read() {
        let at = NaiveDate::from_ymd_opt(2026, 3, 4)
            .and_then(|d| d.and_hms_opt(5, 6, 17))
            .expect("time");
        let text = datetime_text(Some(at)).expect("text");
        assert_eq!(text.as_str(), "2026-03-04 05:06:17");
        assert_eq!(parse_datetime(text.as_str()), Some(at));
        let day = date_text(Some(at.date())).expect("text");
        assert_eq!(day.as_str(), "2026-03-04");
        assert_eq!(parse_date(day.as_str()), Some(at.date()));
        assert!(date_text(None).is_none());
    }

    /// A store in `dir` that imported `first`, then a generated Connections file of `n`
    /// people (seed `seed`), scored with the demo profile; and the day it is as of.
    fn scored_store(dir: &Path, first: &[PathBuf], seed: u64, n: usize) -> (Store, NaiveDate) {
        let mut store = Store::open(&dir.join("s.db")).expect("open");
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let now = as_of.and_hms_opt(12, 0, 0).expect("time");
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let profile = crate::audience::Profile::load(&root.join("fixtures/demo/profile.toml"))
            .expect("profile");
        let people = crate::synth::people(seed, n, (60, 40, 200), 10, as_of);
        let generated = dir.join("Connections.csv");
        let csv = crate::synth::connections_csv(&people, crate::synth::Style::Y2026);
        std::fs::write(&generated, csv).expect("write");
        for path in first.iter().chain([&generated]) {
            let batch = crate::import::ImportBatch::read(std::slice::from_ref(path)).expect("read");
            store.import(batch, Some(&profile), now).expect("import");
        }
        (store, as_of)
    }

    /// The first frame's contacts are the first of the whole network sorted as the
    /// workbench opens it (score descending, ties and unscored contacts included), field
    /// by field, with their tags.
    #[test]
    fn the_first_contacts_are_the_top_of_the_opening_order() {
        use crate::query::{SortKey, sort};
        let dir = tempfile::tempdir().expect("dir");
        let (mut store, as_of) = scored_store(dir.path(), &[], 3, 3_000);
        // Some contacts without a score (hidden accounts have none) and some tags.
        store
            .execute("UPDATE contacts SET score = NULL WHERE id % 97 = 0", [])
            .expect("unscore");
        store
            .execute(
                "INSERT INTO tags SELECT id, 'vip' FROM contacts WHERE id % 5 = 0",
                [],
            )
            .expect("tag");
        let network = store.load(as_of).expect("load");
        let mut order: Vec<u32> = (0..network.contacts.len() as u32).collect();
        sort(&mut order, &network, &[], SortKey::Score, true);
        let show = |c: &Contact| format!("{c:?}");
        for n in [40, 3_100] {
            let (mut first, total) = store.load_first(n).expect("first");
            for c in &mut first {
                c.derive_flags(as_of);
            }
            assert_eq!(total, network.contacts.len());
            let expected: Vec<String> = order
                .iter()
                .take(n)
                .map(|&i| show(&network.contacts[i as usize]))
                .collect();
            let first: Vec<String> = first.iter().map(show).collect();
            assert_eq!(first.len(), expected.len().min(n));
            assert!(first == expected, "n = {n}");
        }
        let (first, _) = store.load_first(40).expect("first");
        assert!(
            first.windows(2).any(|w| w[0].score == w[1].score),
            "ties among them"
        );
        assert!(first.iter().any(|c| !c.tags.is_empty()), "tags among them");
    }

    /// The test function gets only the columns its parts need; the others are NULL.
    #[test]
    fn the_row_test_is_given_only_the_columns_it_reads() {
        let title = columns_for(ContactParts(ContactParts::TITLE));
        let given: Vec<&str> = title.split(", ").filter(|c| *c != "NULL").collect();
        assert_eq!(given, ["id", "position"]);
        assert_eq!(
            title.split(", ").count(),
            CONTACT_COLUMNS.split(',').count()
        );
        let name_and_company =
            columns_for(ContactParts(ContactParts::NAME | ContactParts::COMPANY));
        let given: Vec<&str> = name_and_company
            .split(", ")
            .filter(|c| *c != "NULL")
            .collect();
        assert_eq!(given, ["id", "first_name", "last_name", "company"]);
    }

    /// A one-off query read straight from the table (tested inside SQLite on the columns
    /// it reads; the large table in two halves) gives exactly the contacts, every field
    /// and tag, that filtering the whole loaded network gives.
    #[test]
    fn reading_only_matching_contacts_equals_filtering_the_whole_network() {
        use crate::query::Query;
        let dir = tempfile::tempdir().expect("dir");
        // The fixture brings messages (warm, messaged); the bigger export then marks its
        // people gone.
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/linkedin/2026");
        let (mut store, as_of) =
            scored_store(dir.path(), &[fixture], 11, PARALLEL_LOAD_MIN + 1_000);
        let ids: Vec<i64> = store
            .load(as_of)
            .expect("load")
            .contacts
            .iter()
            .map(|c| c.id)
            .collect();
        let every = |n: usize| ids.iter().copied().step_by(n).collect::<Vec<_>>();
        let tagged = Op::Tag {
            tag: "vip".into(),
            add: true,
            ids: every(7),
        };
        let kept = every(5);
        let decided = Op::Decide {
            before: vec![0; kept.len()],
            ids: kept,
            after: 1,
        };
        store.record(&tagged).expect("tag");
        store.record(&decided).expect("decide");

        let network = store.load(as_of).expect("load");
        for text in [
            "title:director",
            "tag:vip -title:engineer",
            "decision:keep company:a",
            "score:>=1 seniority:>=director",
            "function:engineering",
            "connected:<2020-01-01",
            "flag:gone",
            "flag:messaged",
            "url:an",
            "ann",
            "",
        ] {
            let query = Query::parse(text).expect("query");
            let show = |c: &Contact| format!("{c:?}");
            let whole: Vec<String> = query
                .filter_once(&network)
                .iter()
                .map(|&i| show(&network.contacts[i as usize]))
                .collect();
            let mut test = query.one_off();
            let read = store
                .load_contacts_where(as_of, query.reads(), move |c| test.matches(c))
                .expect("read");
            let read: Vec<String> = read.contacts.iter().map(show).collect();
            assert!(!whole.is_empty(), "'{text}' matches somebody");
            assert_eq!(read.len(), whole.len(), "'{text}'");
            assert!(read == whole, "'{text}': the same contacts, field by field");
        }
    }
}
