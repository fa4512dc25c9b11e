//! The op log: every undoable change (a tag, a decision, a withdrawal mark, an SSI
//! reading, a profile or a saved filter replaced) is applied and logged here as one step,
//! and undo, redo and the history walk the steps.
//!
//! Must not: take back imports (`snapshot` does) or decide what a change is (`ops` does).

use super::settings::{set_setting_in, setting_in};
use super::{
    ImportRun, ImportUndo, Rescored, Store, date_text, db_error, parse_datetime, rescore_in,
    snapshot,
};
use crate::error::{Error, Result};
use crate::ops::{Named, Op};
use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

impl Store {
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

    /// The recorded steps, newest first (at most `limit`), how many there are, and where
    /// the latest import stands among them when it can still be taken back.
    pub fn history(&self, limit: usize) -> Result<History> {
        let steps = self.query_all(
            &format!("SELECT id, at, label, undone FROM ops ORDER BY id DESC LIMIT {limit}"),
            |r| {
                Ok(Step {
                    id: r.get(0)?,
                    at: parse_datetime(&r.get::<_, String>(1)?),
                    label: r.get(2)?,
                    undone: r.get(3)?,
                })
            },
        )?;
        let total: i64 = (self.conn).query_row("SELECT COUNT(*) FROM ops", [], |r| r.get(0))?;
        let import = match snapshot::undoable_import_after(&self.conn, &self.path)? {
            Some(after_step) => self.latest_import()?.map(|run| -> Result<_> {
                let newer_steps: i64 = (self.conn).query_row(
                    "SELECT COUNT(*) FROM ops WHERE id > ?1",
                    [after_step],
                    |r| r.get(0),
                )?;
                Ok(ImportInHistory {
                    run,
                    after_step,
                    newer_steps: newer_steps as usize,
                })
            }),
            None => None,
        };
        Ok(History {
            steps,
            total: total as usize,
            import: import.transpose()?,
        })
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
        .map(crate::audience::Profile::parse_stored)
        .transpose()?;
    rescore_in(tx, profile.as_ref())
}

/// Applies `op` in `tx` and logs it as the newest undoable step (forgetting the steps
/// undone); what it rescored.
pub(super) fn record_in(tx: &Transaction<'_>, op: &Op) -> Result<Rescored> {
    let rescored = apply_op(tx, op)?;
    let payload = serde_json::to_string(op).map_err(|e| Error::Invalid(e.to_string()))?;
    tx.execute("DELETE FROM ops WHERE undone = 1", [])?;
    tx.execute(
        "INSERT INTO ops (at, label, payload) VALUES (datetime('now'), ?1, ?2)",
        params![op.describe(), payload],
    )?;
    Ok(rescored)
}

/// One recorded change, as undo and redo walk them.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: i64,
    /// When it was made (UTC).
    pub at: Option<NaiveDateTime>,
    /// What it did, in words ("tagged 42 contacts 'eu-leads'").
    pub label: String,
    /// Undone: redo brings it back.
    pub undone: bool,
}

/// The recorded changes ([`Store::history`]).
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// Newest first.
    pub steps: Vec<Step>,
    /// How many steps are recorded in all.
    pub total: usize,
    /// The latest import, when it can still be taken back.
    pub import: Option<ImportInHistory>,
}

/// The latest import among the steps of a [`History`].
#[derive(Debug, Clone, PartialEq)]
pub struct ImportInHistory {
    pub run: ImportRun,
    /// The newest step made before it (0: none).
    pub after_step: i64,
    /// How many steps were recorded after it: its place in the history, newest first.
    pub newer_steps: usize,
}

impl History {
    /// The step `undo` takes back next: the newest one still done, made after the import
    /// that can be taken back (steps before it come once it is).
    pub fn next_undo(&self) -> Option<&Step> {
        let after = self.import.as_ref().map_or(0, |i| i.after_step);
        (self.steps.iter()).find(|s| !s.undone && s.id > after)
    }

    /// The step `redo` brings back next: the oldest one undone.
    pub fn next_redo(&self) -> Option<&Step> {
        self.steps.iter().rev().find(|s| s.undone)
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
        // A rename's parts are tags and saved filters: nothing is rescored.
        Op::Rename { parts, .. } => {
            for part in parts {
                apply_op(tx, part)?;
            }
        }
    }
    Ok(Rescored::default())
}
