//! The library's error type: every failure a user can cause, with the file, line or
//! term that caused it, worded to be shown as one line; and what wording one needs: the
//! name a typo was meant to be, the line of a TOML key.
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
    /// Reading or writing `path` failed; its `cause` is said in a user's words, once (not
    /// a source, which the command line would say again in the system's).
    #[error("{}: {}", path.display(), io_reason(cause))]
    Io {
        path: PathBuf,
        cause: std::io::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong reading or writing a file, in a user's words where the system's are
/// obscure ("No such file or directory (os error 2)").
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or folder".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "a folder, not a file".to_string(),
        _ => e.to_string(),
    }
}

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

    pub fn io(path: impl Into<PathBuf>, cause: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            cause,
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

/// " (did you mean NAME?)" when `typed` looks like a typo of one of `names` (the most
/// alike, by Jaro-Winkler similarity above 0.8, case aside), else "": for the errors that
/// refuse a name the user typed (a filter's field, a profile's key, a sort key…).
pub fn did_you_mean<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> String {
    let typed = typed.to_lowercase();
    let alike = |name: &str| strsim::jaro_winkler(&typed, &name.to_lowercase());
    (names.into_iter())
        .map(|name| (alike(name), name))
        .filter(|&(similar, name)| similar > 0.8 && name.to_lowercase() != typed)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(String::new(), |(_, name)| {
            format!(" (did you mean {name}?)")
        })
}

/// The line (from 1) where a TOML `text` sets `key`: in `[table]`, or with `None` at the
/// top level, where a `[key]` table header counts too. For errors about a key that TOML
/// itself accepted (one netcurate does not know, a value out of range). Dotted and inline
/// keys are not followed: `None`.
pub fn toml_line(text: &str, table: Option<&str>, key: &str) -> Option<usize> {
    let bare = |name: &str| name.trim().trim_matches(['"', '\'']).to_string();
    let mut current: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start();
        if let Some(header) = line.strip_prefix('[') {
            let header = bare(header.split(']').next().unwrap_or_default());
            if table.is_none() && header == key {
                return Some(i + 1);
            }
            current = Some(header);
        } else if let Some((name, _)) = line.split_once('=')
            && !line.starts_with('#')
            && current.as_deref() == table
            && bare(name) == key
        {
            return Some(i + 1);
        }
    }
    None
}

/// The line (from 1) at byte `offset` of `text`: where a parser's error span starts.
pub fn line_at(text: &str, offset: usize) -> usize {
    let before = text.get(..offset).unwrap_or(text);
    before.matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_toml_key_is_found_in_its_table() {
        let text = "# threshold = 1\nname = \"x\"\nthreshold = 70\n[titles]\ntarget = []\n\n[ weights ]\ntitle = 3\n";
        assert_eq!(
            toml_line(text, None, "threshold"),
            Some(3),
            "not the comment"
        );
        assert_eq!(toml_line(text, None, "titles"), Some(4), "a table's header");
        assert_eq!(toml_line(text, Some("titles"), "target"), Some(5));
        assert_eq!(toml_line(text, Some("weights"), "title"), Some(8));
        assert_eq!(toml_line(text, None, "title"), None, "not at the top level");
        assert_eq!(line_at(text, 0), 1);
        assert_eq!(line_at(text, text.find("threshold = 70").unwrap()), 3);
    }

    #[test]
    fn a_typo_gets_the_name_it_was_meant_to_be() {
        let fields = ["name", "seniority", "score", "company"];
        assert_eq!(
            did_you_mean("senority", fields),
            " (did you mean seniority?)"
        );
        assert_eq!(did_you_mean("Scor", fields), " (did you mean score?)");
        assert_eq!(did_you_mean("zzz", fields), "");
        assert_eq!(did_you_mean("name", fields), "", "not a typo");
    }
}
