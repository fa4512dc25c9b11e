//! The database schema and its migrations, applied in order by `PRAGMA user_version`.
//!
//! Must not: hold queries other than the migrations themselves.

use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Each entry migrates from version `index` to `index + 1`. They run with foreign keys
/// off (a migration may rebuild a table that others reference).
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    url_key TEXT UNIQUE,
    weak_key TEXT NOT NULL,
    name_key TEXT NOT NULL,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    connected_on TEXT,
    is_connection INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0,
    gone_at TEXT,
    job_changed_at TEXT,
    previous_company TEXT NOT NULL DEFAULT '',
    previous_position TEXT NOT NULL DEFAULT '',
    industry TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    decision INTEGER NOT NULL DEFAULT 0,
    score INTEGER,
    seniority TEXT NOT NULL DEFAULT 'unknown',
    function TEXT NOT NULL DEFAULT 'other',
    flags INTEGER NOT NULL DEFAULT 0,
    last_message_at TEXT,
    last_inbound_at TEXT,
    last_outbound_at TEXT,
    message_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE tags (
    contact_id INTEGER NOT NULL REFERENCES contacts(id),
    tag TEXT NOT NULL,
    PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags(tag);
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY,
    direction TEXT NOT NULL,
    from_name TEXT NOT NULL,
    to_name TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    inviter_url TEXT,
    invitee_url TEXT,
    withdraw_planned INTEGER NOT NULL DEFAULT 0,
    UNIQUE (direction, sent_at, from_name, to_name)
);
CREATE TABLE import_runs (id INTEGER PRIMARY KEY, at TEXT NOT NULL, report TEXT NOT NULL);
CREATE TABLE ops (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    label TEXT NOT NULL,
    payload TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE ssi_readings (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    total REAL NOT NULL,
    brand REAL NOT NULL,
    frp REAL NOT NULL,
    engage REAL NOT NULL,
    br REAL NOT NULL,
    industry_rank REAL,
    network_rank REAL
);
CREATE TABLE projections (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    br_baseline REAL,
    br_low REAL NOT NULL,
    br_high REAL NOT NULL
);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE saved_filters (name TEXT PRIMARY KEY, query TEXT NOT NULL);
"#,
    // v2: imports match contacts and invitations in memory, so the stored match keys
    // (weak_key, name_key) and the unique indexes only cost time and space. A NULL url_key
    // now means "the key of the url column" (most rows); '' means no key.
    r#"
CREATE TABLE contacts_v2 (
    id INTEGER PRIMARY KEY,
    url_key TEXT,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    connected_on TEXT,
    is_connection INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0,
    gone_at TEXT,
    job_changed_at TEXT,
    previous_company TEXT NOT NULL DEFAULT '',
    previous_position TEXT NOT NULL DEFAULT '',
    industry TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    decision INTEGER NOT NULL DEFAULT 0,
    score INTEGER,
    seniority TEXT NOT NULL DEFAULT 'unknown',
    function TEXT NOT NULL DEFAULT 'other',
    flags INTEGER NOT NULL DEFAULT 0,
    last_message_at TEXT,
    last_inbound_at TEXT,
    last_outbound_at TEXT,
    message_count INTEGER NOT NULL DEFAULT 0
);
INSERT INTO contacts_v2 SELECT id, COALESCE(url_key, ''), first_name, last_name, url, email, company,
    position, connected_on, is_connection, hidden, gone_at, job_changed_at, previous_company,
    previous_position, industry, location, decision, score, seniority, function, flags,
    last_message_at, last_inbound_at, last_outbound_at, message_count FROM contacts;
DROP TABLE contacts;
ALTER TABLE contacts_v2 RENAME TO contacts;
CREATE TABLE invitations_v2 (
    id INTEGER PRIMARY KEY,
    direction TEXT NOT NULL,
    from_name TEXT NOT NULL,
    to_name TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    inviter_url TEXT,
    invitee_url TEXT,
    withdraw_planned INTEGER NOT NULL DEFAULT 0
);
INSERT INTO invitations_v2 SELECT id, direction, from_name, to_name, sent_at, message,
    inviter_url, invitee_url, withdraw_planned FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_v2 RENAME TO invitations;
"#,
    // v3: an invitation that a newer Invitations.csv no longer lists, though it was sent
    // within the dates that file covers, is gone (withdrawn, expired or declined): when.
    r#"
ALTER TABLE invitations ADD COLUMN gone_at TEXT;
"#,
    // v4: when an import added a contact to the connections (`added:` finds this week's new
    // ones exactly, whatever their connection dates). Connections stored before are left
    // without: when they came is not known.
    r#"
ALTER TABLE contacts ADD COLUMN added_at TEXT;
"#,
];

pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Refuses another program's database (tables, but never migrated by netcurate) before
/// anything is written to it, the journal mode included.
pub fn refuse_foreign(conn: &Connection, path: &Path) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    if version == 0 && tables > 0 {
        return Err(Error::Invalid(format!(
            "{} is another program's database (it has tables netcurate did not make); netcurate leaves it alone",
            path.display()
        )));
    }
    Ok(())
}

/// Whether `conn` is a netcurate database: migrated at least once, with its contacts.
pub fn is_netcurate(conn: &Connection) -> Result<bool> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let contacts: i64 = conn.query_row(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'contacts'",
        [],
        |r| r.get(0),
    )?;
    Ok(version >= 1 && contacts == 1)
}

/// What a copy of the database from before an upgrade is named, after the database's own
/// name and before the version it was at: `netcurate.db.before-upgrade-v3`.
pub const UPGRADE_COPY_SUFFIX: &str = ".before-upgrade-v";

/// A database migrated from an older version: the version it was at, and the copy of it
/// kept from then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    pub from: i64,
    pub copy: PathBuf,
}

/// Brings the database at `path` (open as `conn`) to the [`LATEST`] version. A database
/// of an older version is first copied beside it ([`UPGRADE_COPY_SUFFIX`]), so that a
/// newer netcurate never changes the only copy of the user's work: the copy is said.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<Option<Upgrade>> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > LATEST {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: LATEST,
        });
    }
    let upgrade = match version {
        1.. if version < LATEST => Some(keep_copy(conn, path, version)?),
        _ => None,
    };
    // Outside any transaction, where the pragma takes effect; the caller turns them on.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(upgrade)
}

/// Copies the database open as `conn` (at `path`, version `version`) to its upgrade copy.
fn keep_copy(conn: &Connection, path: &Path, version: i64) -> Result<Upgrade> {
    let copy = super::snapshot::named_beside(path, UPGRADE_COPY_SUFFIX, version);
    let _ = std::fs::remove_file(&copy);
    super::create_private(&copy)?;
    super::snapshot::copy_database(conn, &mut Connection::open(&copy)?, path)?;
    Ok(Upgrade {
        from: version,
        copy,
    })
}

/// The copies kept from before upgrades beside the database at `db`.
pub fn upgrade_copies(db: &Path) -> Vec<PathBuf> {
    super::snapshot::beside(db, UPGRADE_COPY_SUFFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database made by the first release keeps its contacts, tags and decisions when
    /// the contacts table is rebuilt without its match keys, and a copy of it from before
    /// is kept beside it, once.
    #[test]
    fn version_one_databases_migrate_with_their_data() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("v1.db");
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch(MIGRATIONS[0]).expect("v1 schema");
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO contacts (id, url_key, weak_key, name_key, first_name, company, decision, score)
                 VALUES (7, 'linkedin.com/in/ada', 'ada|hooli', 'ada', 'Ada', 'Hooli', 2, 81);
             INSERT INTO tags (contact_id, tag) VALUES (7, 'vip');",
        )
        .expect("v1 rows");
        conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
        drop(conn);

        let mut conn = Connection::open(&path).expect("reopen");
        let upgrade = migrate(&mut conn, &path).expect("migrate");
        let copy = path.with_file_name("v1.db.before-upgrade-v1");
        assert_eq!(
            upgrade,
            Some(Upgrade {
                from: 1,
                copy: copy.clone()
            })
        );
        assert_eq!(upgrade_copies(&path), vec![copy.clone()]);
        assert_eq!(migrate(&mut conn, &path).expect("again"), None, "once");
        let kept = Connection::open(&copy).expect("the copy");
        let (version, name): (i64, String) = kept
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version), first_name FROM contacts WHERE id = 7",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("the copy is the database as it was");
        assert_eq!((version, name.as_str()), (1, "Ada"));
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, LATEST);
        let row: (String, String, i64, i64, String) = conn
            .query_row(
                "SELECT c.first_name, c.url_key, c.decision, c.score, t.tag
                 FROM contacts c JOIN tags t ON t.contact_id = c.id WHERE c.id = 7",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .expect("row survives");
        assert_eq!(
            row,
            (
                "Ada".into(),
                "linkedin.com/in/ada".into(),
                2,
                81,
                "vip".into()
            )
        );
        let weak_columns: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM pragma_table_info('contacts') WHERE name IN ('weak_key', 'name_key')",
                [],
                |r| r.get(0),
            )
            .expect("columns");
        assert_eq!(weak_columns, 0);
        conn.pragma_update(None, "foreign_keys", "ON").expect("fk");
        let violations: i64 = conn
            .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .expect("fk check");
        assert_eq!(violations, 0);
    }
}
