//! The library's error type: every failure a user can cause, with the file, line or
//! term that caused it, worded to be shown as one line.
//!
//! Must not: print, exit, or know how the message is displayed.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A problem at one line of an input file.
    #[error("{file}: line {line}: {reason}")]
    Line {
        file: String,
        line: u64,
        reason: String,
    },
    /// A date that reads only in the other order than its file's dates are being read
    /// in (`13/09/2022`, day first, in a file read month first). The import then reads
    /// the file in that order; the user sees this only where both orders fail.
    #[error("{file}: line {line}: the date '{text}' in {column} reads only {reads}")]
    DateOrder {
        file: String,
        line: u64,
        text: String,
        column: &'static str,
        reads: crate::import::dates::DateOrder,
    },
    /// A problem with a whole input file.
    #[error("{file}: {reason}")]
    File { file: String, reason: String },
    /// A malformed query term.
    #[error("bad query term '{term}': {reason}")]
    Query { term: String, reason: String },
    /// An invalid audience profile.
    #[error("profile {file}: {reason}")]
    Profile { file: String, reason: String },
    /// A value the user typed is out of range or unknown.
    #[error("{0}")]
    Invalid(String),
    /// Another process holds the database's write lock.
    #[error(
        "database is busy: another netcurate process is writing to {0}; try again when it is done"
    )]
    Busy(PathBuf),
    /// The database file, or the folder SQLite keeps its journal in, cannot be written.
    #[error(
        "cannot write to {0}: the database file or its folder is read-only (SQLite writes a journal beside the file); check their permissions"
    )]
    ReadOnly(PathBuf),
    /// The database was written by a newer netcurate.
    #[error(
        "database {path} has schema version {found}, newer than this netcurate understands ({supported}); upgrade netcurate"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// An export older than the network already imported: it leaves out connections
    /// made after its date, and importing it would mark them gone.
    #[error("{file}: {}", older_export(*.covers_until, *.later, *.newest_stored))]
    OlderExport {
        file: String,
        /// The date up to which the file lists the network's connections (its newest
        /// connection's, or the export's date in LinkedIn's archive name).
        covers_until: chrono::NaiveDate,
        /// Stored connections made after that date, and left out by the file.
        later: u64,
        /// The date of the newest of them.
        newest_stored: chrono::NaiveDate,
    },
    /// A full Connections export that lists fewer than half of the network's connections:
    /// part of an export, or another person's; importing it would mark the rest gone.
    #[error("{file}: {}", mostly_left_out(*.left_out, *.network))]
    MostlyLeftOut {
        file: String,
        /// Connections it leaves out (the removal plan aside).
        left_out: u64,
        /// The network's connections it was matched against.
        network: u64,
    },
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    /// Writing an export failed.
    #[error("writing CSV: {0}")]
    Write(#[source] std::io::Error),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why an export looks older than the network: what [`Error::OlderExport`] says.
fn older_export(
    covers_until: chrono::NaiveDate,
    later: u64,
    newest_stored: chrono::NaiveDate,
) -> String {
    let (connections, were) = match later {
        1 => ("connection", "was"),
        _ => ("connections", "were"),
    };
    format!(
        "this export looks older than the network already imported: it lists connections made up to {covers_until}, \
         but it leaves out {later} {connections} that {were} made later (the latest on {newest_stored}); \
         importing it would mark them gone"
    )
}

/// Why an export looks like part of one, or another network's.
fn mostly_left_out(left_out: u64, network: u64) -> String {
    let share = left_out * 100 / network.max(1);
    format!(
        "it leaves out {left_out} of the network's {network} connections ({share}%, your removal plan aside): \
         it looks like part of an export, or another person's network; importing it would mark them gone"
    )
}

impl Error {
    /// An import refused because it would mark gone connections it gives no sign were
    /// removed ([`Error::OlderExport`], [`Error::MostlyLeftOut`]): imported anyway when
    /// the user says they were.
    pub fn doubts_gone(&self) -> bool {
        matches!(
            self,
            Error::OlderExport { .. } | Error::MostlyLeftOut { .. }
        )
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn line(file: &str, line: u64, reason: impl Into<String>) -> Error {
        Error::Line {
            file: file.to_string(),
            line,
            reason: reason.into(),
        }
    }

    pub fn file(file: &str, reason: impl Into<String>) -> Error {
        Error::File {
            file: file.to_string(),
            reason: reason.into(),
        }
    }
}
