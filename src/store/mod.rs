//! The SQLite store (rusqlite lives only here): opening with the right mode and pragmas,
//! loading the network or only the contacts a caller keeps (a large table read on two
//! connections side by side, one contact decoded at a time), settings, SSI readings and
//! saved filters. Undoable changes are applied, logged, undone and redone in `oplog`.
//! Imports are merged in `merge` (and undone with the copy `snapshot` keeps) and reported in `report`; rows
//! become contacts in `read`; what an import remembers is in `settings`; the schema and
//! its migrations are in `schema`.
//!
//! Must not: parse files, score, or know about terminals.

mod bulk;
mod merge;
mod oplog;
mod read;
mod report;
mod schema;
mod settings;
mod snapshot;
#[cfg(test)]
mod timeline_tests;

pub use crate::pillars::{LoggedProjection, SsiReading};
pub use oplog::{History, ImportInHistory, Step};
pub use report::{ColumnRead, FileReport, Found, ImportReport, ImportRun, Total, if_any};
pub use schema::{LATEST as SCHEMA_VERSION, Upgrade, upgrade_copies};
pub use snapshot::{ImportUndo, copies as import_copies};

use oplog::record_in;
use read::{
    contact_count, contacts_where, contacts_with_tags, data_version, load_for_scoring, load_network,
};
use settings::{
    EMPLOYERS, EXPORT_DELIMITER, FILTER_HISTORY, IMPORT_FOLDER, SCORED_WITH, json_setting_in,
    mark_scored, remembered_maps_in, set_json_setting_in, set_setting_in, setting_in,
};

use crate::error::{Error, Result};
use crate::import::RememberedMap;
use crate::import::dates::{iso_date, iso_datetime};
use crate::model::{Contact, ContactParts, Employers};
use crate::network::{Network, Segment};
use crate::ops::{self, Op};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Transaction, params};
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
    /// Set when opening migrated the database from an older version.
    upgrade: Option<Upgrade>,
}

/// A date as the store writes it, `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`, made without
/// allocating (it is made for several columns of every row an import writes).
#[derive(Debug, Clone, Copy, PartialEq)]
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
        let upgrade = schema::migrate(&mut conn, path).map_err(|e| db_error(e, path))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            upgrade,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What opening did to a database of an older version: the version it was at and
    /// where the copy from then is.
    pub fn upgrade(&self) -> Option<&Upgrade> {
        self.upgrade.as_ref()
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

    /// Every tag some contact has, in name order.
    pub fn tags(&self) -> Result<Vec<String>> {
        self.query_all("SELECT DISTINCT tag FROM tags ORDER BY tag", |r| r.get(0))
    }

    /// What the network holds at all of what only some imports bring
    /// ([`Holds::of`](crate::query::Holds::of), counted in the database).
    pub fn holds(&self) -> Result<crate::query::Holds> {
        let sql =
            "SELECT MAX(score IS NOT NULL), MAX(message_count > 0), MAX(added_at IS NOT NULL),
            MAX(job_changed_at IS NOT NULL), MAX(gone_at IS NOT NULL), MAX(email <> ''),
            MAX(industry <> ''), MAX(location <> '') FROM contacts";
        Ok(self.conn.query_row(sql, [], |r| {
            // An empty table gives NULLs: it holds nothing.
            let has = |i| r.get::<_, Option<bool>>(i).map(Option::unwrap_or_default);
            Ok(crate::query::Holds {
                scores: has(0)?,
                messages: has(1)?,
                added: has(2)?,
                job_changes: has(3)?,
                gone: has(4)?,
                emails: has(5)?,
                industries: has(6)?,
                locations: has(7)?,
            })
        })?)
    }

    /// How many contacts the database holds.
    pub fn contact_count(&self) -> Result<usize> {
        contact_count(&self.conn)
    }

    /// Whether nothing was ever stored here: no contact, invitation, step, reading, saved
    /// filter or remembered setting (the scoring version every database notes does not
    /// count, nor the filters typed in a workbench opened on it). A database made by a
    /// command that then stored nothing (a mistyped `--db`) is one its caller can remove.
    pub fn holds_nothing(&self) -> Result<bool> {
        let tables = [
            "contacts",
            "invitations",
            "tags",
            "import_runs",
            "ops",
            "ssi_readings",
            "projections",
            "saved_filters",
        ];
        let any_row = tables
            .map(|t| format!("EXISTS (SELECT 1 FROM {t})"))
            .join(" OR ");
        let sql = format!(
            "SELECT NOT ({any_row} OR EXISTS (SELECT 1 FROM settings
             WHERE key NOT IN ('{SCORED_WITH}', '{FILTER_HISTORY}')))"
        );
        Ok(self.conn.query_row(&sql, [], |r| r.get(0))?)
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
    /// The day of the latest import kept (an import taken back is forgotten with it).
    pub fn last_import_day(&self) -> Result<Option<NaiveDate>> {
        let at: Option<String> =
            (self.conn).query_row("SELECT MAX(at) FROM import_runs", [], |r| r.get(0))?;
        Ok(at.as_deref().and_then(parse_datetime).map(|at| at.date()))
    }

    /// The latest import kept, named by what it read and found (none before one).
    pub fn latest_import(&self) -> Result<Option<ImportRun>> {
        Ok(self.imports(1)?.into_iter().next())
    }

    /// The imports kept (an import taken back is forgotten with it), newest first, at
    /// most `limit`.
    pub fn imports(&self, limit: usize) -> Result<Vec<ImportRun>> {
        self.query_all(
            &format!("SELECT at, report FROM import_runs ORDER BY id DESC LIMIT {limit}"),
            |r| {
                let on = parse_datetime(&r.get::<_, String>(0)?).map(|at| at.date());
                Ok(ImportRun::from_report(&r.get::<_, String>(1)?, on))
            },
        )
    }

    pub fn import_folder(&self) -> Result<Option<String>> {
        setting_in(&self.conn, IMPORT_FOLDER)
    }

    /// The delimiter the latest export to a `.csv` file chose ([`Store::remember_export_delimiter`]).
    pub fn export_delimiter(&self) -> Result<Option<u8>> {
        let name = setting_in(&self.conn, EXPORT_DELIMITER)?;
        Ok(name.and_then(|n| crate::export::delimiter_named(&n).ok()))
    }

    /// Remembers the delimiter of an export to a `.csv` file, for the next one.
    pub fn remember_export_delimiter(&mut self, delimiter: u8) -> Result<()> {
        set_setting_in(
            &self.conn,
            EXPORT_DELIMITER,
            crate::export::delimiter_name(delimiter),
        )
    }

    /// The filters typed in the workbench, the latest last
    /// ([`Store::remember_filter_history`]).
    pub fn filter_history(&self) -> Result<Vec<String>> {
        json_setting_in(&self.conn, FILTER_HISTORY)
    }

    /// Remembers the filters typed in the workbench, the latest last, for its filter
    /// prompt to recall in the next session.
    pub fn remember_filter_history(&mut self, filters: &[String]) -> Result<()> {
        set_json_setting_in(&self.conn, FILTER_HISTORY, &filters)
    }

    /// The owner's employers from the latest Positions.csv imported (none before one).
    pub fn employers(&self) -> Result<Employers> {
        json_setting_in(&self.conn, EMPLOYERS)
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

    /// Logs a projection so the next SSI reading can be compared with it; the same as the
    /// latest one logged (a plan written again) is not logged twice.
    pub fn log_projection(
        &mut self,
        at: NaiveDate,
        baseline: Option<f64>,
        low: f64,
        high: f64,
    ) -> Result<()> {
        let logged = LoggedProjection {
            date: at,
            baseline,
            low,
            high,
        };
        if self.projections()?.last() == Some(&logged) {
            return Ok(());
        }
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

    pub fn saved_filters(&self) -> Result<Vec<Segment>> {
        self.query_all("SELECT name, query FROM saved_filters ORDER BY name", |r| {
            Ok(Segment {
                name: r.get(0)?,
                query: r.get(1)?,
            })
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

#[cfg(test)]
mod tests {
    use super::read::{
        CONTACT_COLUMNS, PARALLEL_LOAD_MIN, columns_for, url_key_column, url_key_is_derived,
    };
    use super::*;

    /// The network of a new database (in a temporary folder) holding `rows`.
    fn loaded(rows: &str) -> Network {
        let dir = tempfile::tempdir().expect("dir");
        let store = Store::open(&dir.path().join("t.db")).expect("open");
        store.conn.execute_batch(rows).expect("rows");
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        store.load(as_of).expect("load")
    }

    /// What the database holds, counted in SQL, is what its network holds in memory: an
    /// empty database nothing; an export with messages and a CRM file with emails and
    /// industries, those.
    #[test]
    fn the_database_holds_what_its_network_holds() {
        let dir = tempfile::tempdir().expect("dir");
        let mut store = Store::open(&dir.path().join("t.db")).expect("open");
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let now = as_of.and_hms_opt(12, 0, 0).expect("time");
        assert_eq!(
            store.holds().expect("holds"),
            crate::query::Holds::default()
        );
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/linkedin");
        let mut seen = Vec::new();
        for path in ["2026/Connections.csv", "2026", "hubspot.csv"] {
            let batch = crate::import::ImportBatch::read(&[fixtures.join(path)]).expect("read");
            store.import(batch, None, now).expect("import");
            let holds = store.holds().expect("holds");
            let network = store.load(as_of).expect("load");
            assert_eq!(holds, crate::query::Holds::of(&network.contacts), "{path}");
            seen.push(holds);
        }
        assert!(!seen[0].messages && seen[1].messages, "{seen:?}");
        assert!(
            !seen[1].emails && seen[2].emails && seen[2].industries,
            "{seen:?}"
        );
    }

    /// A new database holds nothing, after a rescore (which notes the scoring version)
    /// too; a profile, a logged projection, a remembered setting or an import is something.
    #[test]
    fn a_database_holds_nothing_until_something_is_stored() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.db");
        let fresh = || {
            let _ = std::fs::remove_file(&path);
            let mut store = Store::open(&path).expect("open");
            assert!(store.holds_nothing().expect("holds"));
            store.rescore(None).expect("rescore");
            assert!(store.holds_nothing().expect("holds"), "after a rescore");
            store
        };
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let mut store = fresh();
        store
            .change_profile("[titles]\ntarget = [\"CTO\"]\n")
            .expect("profile");
        assert!(!store.holds_nothing().expect("holds"), "a profile");
        drop(store);
        let mut store = fresh();
        store.log_projection(as_of, None, 0.0, 0.5).expect("log");
        assert!(!store.holds_nothing().expect("holds"), "a projection");
        drop(store);
        let mut store = fresh();
        store.remember_export_delimiter(b';').expect("remember");
        assert!(!store.holds_nothing().expect("holds"), "a setting");
        drop(store);
        // The filters typed in a workbench opened on it are kept, but are not data.
        let mut store = fresh();
        let filters = ["added:>=7d".to_string(), "flag:warm".to_string()];
        store.remember_filter_history(&filters).expect("remember");
        assert_eq!(store.filter_history().expect("read"), filters);
        assert!(
            store.holds_nothing().expect("holds"),
            "a filter history alone"
        );
        drop(store);
        let mut store = fresh();
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/linkedin");
        let batch = crate::import::ImportBatch::read(&[fixtures.join("2026/Invitations.csv")])
            .expect("read");
        let now = as_of.and_hms_opt(12, 0, 0).expect("time");
        store.import(batch, None, now).expect("import");
        assert!(!store.holds_nothing().expect("holds"), "invitations");
    }

    /// A plan written again logs its projection once; another projection, or the same
    /// one after it, is logged.
    #[test]
    fn a_plan_written_again_logs_its_projection_once() {
        let dir = tempfile::tempdir().expect("dir");
        let mut store = Store::open(&dir.path().join("t.db")).expect("open");
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let ranges = |store: &Store| -> Vec<f64> {
            let logged = store.projections().expect("read");
            logged.iter().map(|p| p.high).collect()
        };
        for high in [0.5, 0.5, 0.7, 0.5] {
            store
                .log_projection(as_of, Some(15.0), 14.0, high)
                .expect("log");
        }
        assert_eq!(ranges(&store), [0.5, 0.7, 0.5]);
    }

    /// Saving, changing and deleting a saved filter are steps: each undone and redone
    /// exactly; deleting what is not there is no step.
    #[test]
    fn saved_filters_are_undone_and_redone() {
        let dir = tempfile::tempdir().expect("dir");
        let mut store = Store::open(&dir.path().join("t.db")).expect("open");
        let saved = |store: &Store| store.saved_filters().expect("read");
        let pair = |name: &str, query: &str| {
            vec![Segment {
                name: name.to_string(),
                query: query.to_string(),
            }]
        };
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
            let query = Query::parse(text, network.as_of).expect("query");
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
