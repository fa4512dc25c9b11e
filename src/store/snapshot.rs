//! Undo of the latest import: a copy of the database as it was just before that import,
//! kept beside it (`<db>.before-import.<id>`), and a mark in the database naming the copy.
//! `undo` restores the copy when the import is newer than every change still done.
//!
//! Must not: keep more than the latest import's copy, or restore a copy the mark does not
//! name (a crash at any point leaves the mark and its copy together, or no undo).

use crate::error::{Error, Result};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use std::path::{Path, PathBuf};

/// What the copies' names start with, after the database's own name.
pub const COPY_SUFFIX: &str = ".before-import.";
/// In the database's settings: `"<id of the newest step then> <the copy's id>"`.
const MARK_KEY: &str = "undo_import";

fn copy_path(db: &Path, id: &str) -> PathBuf {
    named_beside(db, COPY_SUFFIX, id)
}

/// The file beside the database at `db` named as its own name, then `suffix`, then `id`:
/// what [`beside`] finds.
pub(super) fn named_beside(db: &Path, suffix: &str, id: impl std::fmt::Display) -> PathBuf {
    PathBuf::from(format!("{}{suffix}{id}", db.display()))
}

/// Every copy beside the database at `db` (a crash may leave one the mark does not name).
pub fn copies(db: &Path) -> Vec<PathBuf> {
    beside(db, COPY_SUFFIX)
}

/// The files beside the database at `db` whose names are its own, then `suffix`, then
/// anything.
pub(super) fn beside(db: &Path, suffix: &str) -> Vec<PathBuf> {
    let Some(name) = db.file_name().and_then(|n| n.to_str()) else {
        return vec![];
    };
    let prefix = format!("{name}{suffix}");
    let folder = db.parent().filter(|p| !p.as_os_str().is_empty());
    let entries = std::fs::read_dir(folder.unwrap_or(Path::new(".")));
    (entries.into_iter().flatten().flatten())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix))
        })
        .collect()
}

/// Copies the database at `db`, in the import's transaction `tx` (so nothing else writes
/// meanwhile), and marks the import as undone by that copy. Without a write-ahead log to
/// fold in, the file is copied as it is (18 MB at 100k contacts: milliseconds); with one
/// (another netcurate has the database open), through SQLite on a connection of its own
/// (the import's connection, writing, cannot be read from by a copy).
pub(crate) fn take(tx: &rusqlite::Transaction<'_>, db: &Path) -> Result<()> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let id = format!("{nanos:x}-{:x}", std::process::id());
    let copy = copy_path(db, &id);
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    let wal_empty = std::fs::metadata(&wal).map_or(true, |m| m.len() == 0);
    if wal_empty {
        std::fs::copy(db, &copy).map_err(|e| Error::io(&copy, e))?;
    } else {
        super::create_private(&copy)?;
        let from = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        copy_database(&from, &mut Connection::open(&copy)?, db)?;
    }
    let newest_step: i64 =
        tx.query_row("SELECT COALESCE(MAX(id), 0) FROM ops", [], |r| r.get(0))?;
    tx.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
        params![MARK_KEY, format!("{newest_step} {id}")],
    )?;
    Ok(())
}

/// After an import is committed (or given up): removes every copy but the one the mark
/// names, best effort.
pub(crate) fn tidy(conn: &Connection, db: &Path) {
    let named = marked(conn)
        .ok()
        .flatten()
        .map(|(_, id)| copy_path(db, &id));
    let named = named.as_ref().and_then(|p| p.file_name());
    for copy in copies(db) {
        if copy.file_name() != named {
            let _ = std::fs::remove_file(&copy);
        }
    }
}

/// Copies every page of `from` into `to` in one step; a lock in the way (after the
/// connection's busy timeout) is [`Error::Busy`] for the database at `db`, never a wait
/// without end.
pub(super) fn copy_database(from: &Connection, to: &mut Connection, db: &Path) -> Result<()> {
    match Backup::new(from, to)?.step(-1)? {
        StepResult::Done => Ok(()),
        _ => Err(Error::Busy(db.to_path_buf())),
    }
}

/// The mark: the newest step when the latest import was made, and its copy's id.
fn marked(conn: &Connection) -> Result<Option<(i64, String)>> {
    let mark: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [MARK_KEY],
            |r| r.get(0),
        )
        .optional()?;
    Ok(mark.and_then(|m| {
        let (step, id) = m.split_once(' ')?;
        Some((step.parse().ok()?, id.to_string()))
    }))
}

/// The newest step made before the latest import, while that import can still be taken
/// back (0 when none can): steps up to it come before the import in time, so an undo
/// reaches them only once the import is taken back.
pub(crate) fn steps_before_import(conn: &Connection, db: &Path) -> Result<i64> {
    Ok(undoable_import_after(conn, db)?.unwrap_or(0))
}

/// The newest step made before the latest import (0: none), when that import can still
/// be taken back (its copy is kept); `None` when no import can be.
pub(crate) fn undoable_import_after(conn: &Connection, db: &Path) -> Result<Option<i64>> {
    Ok(match marked(conn)? {
        Some((newest_step, id)) if copy_path(db, &id).exists() => Some(newest_step),
        _ => None,
    })
}

/// Whether the latest import can be taken back, or was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportUndo {
    /// The database is as it was before the latest import.
    Done,
    /// It can be: every change made after it is undone.
    Possible,
    /// This many steps made after the import are still done; they go first.
    StepsAfter(u64),
    /// No import to take back (none, or its copy is gone).
    Nothing,
}

/// Restores the copy taken before the latest import when that import is the newest
/// change still done (every step recorded after it is undone) and `apply` holds.
pub(crate) fn undo_import(conn: &mut Connection, db: &Path, apply: bool) -> Result<ImportUndo> {
    let Some((newest_step, id)) = marked(conn)? else {
        return Ok(ImportUndo::Nothing);
    };
    let copy = copy_path(db, &id);
    if !copy.exists() {
        return Ok(ImportUndo::Nothing);
    }
    let steps_after: i64 = conn.query_row(
        "SELECT COUNT(*) FROM ops WHERE undone = 0 AND id > ?1",
        [newest_step],
        |r| r.get(0),
    )?;
    if steps_after > 0 {
        return Ok(ImportUndo::StepsAfter(steps_after as u64));
    }
    if !apply {
        return Ok(ImportUndo::Possible);
    }
    {
        let from = Connection::open_with_flags(&copy, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        copy_database(&from, conn, db)?;
    }
    // The restored database's own mark names an older copy, removed when it was replaced.
    for leftover in [
        copy.clone(),
        PathBuf::from(format!("{}-wal", copy.display())),
    ] {
        let _ = std::fs::remove_file(leftover);
    }
    let _ = std::fs::remove_file(PathBuf::from(format!("{}-shm", copy.display())));
    Ok(ImportUndo::Done)
}
