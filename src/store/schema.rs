//! The database schema and its migrations, applied in order by `PRAGMA user_version`.
//!
//! Must not: hold queries other than the migrations themselves.

use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::Path;

/// Each entry migrates from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[r#"
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
"#];

pub const LATEST: i64 = MIGRATIONS.len() as i64;

pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > LATEST {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: LATEST,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
