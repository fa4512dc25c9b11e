//! `netcurate undo`, `undo --import`, `redo` and `history`: the one timeline of steps
//! that the workbench shares.
//!
//! Must not: undo anything itself (the store's op log does).

use crate::cli::{Session, command_line};
use anyhow::{Result, bail};
use chrono::{Local, NaiveDateTime, TimeZone};
use netcurate::store::{ImportRun, ImportUndo, Store};
use std::io::Write;

/// The latest import in words ("the import of export.zip on 2026-11-27 (8 new)").
fn latest_import(s: &Session) -> Result<String> {
    Ok(s.store.latest_import()?.unwrap_or_default().describe())
}

/// Undoes the last step, or with `import` the latest import whole.
pub(crate) fn undo(s: &mut Session, import: bool, out: &mut dyn Write) -> Result<()> {
    if import {
        let latest = latest_import(s)?;
        return match s.store.undo_import(true)? {
            ImportUndo::Done => Ok(writeln!(
                out,
                "undid {latest}: the network is as it was before it (import again to redo it)"
            )?),
            ImportUndo::StepsAfter(n) => bail!(
                "changes made after the latest import are still done ({n}); undo them first with `{}`",
                command_line(s.store.path(), "undo")
            ),
            ImportUndo::Possible | ImportUndo::Nothing => {
                bail!("no import to take back (only the latest one can be, once)")
            }
        };
    }
    match s.store.undo()? {
        Some(op) => Ok(writeln!(out, "undid: {}", op.describe())?),
        None => match s.store.undo_import(false)? {
            ImportUndo::Possible => Ok(writeln!(
                out,
                "nothing to undo; `{}` takes back {}",
                command_line(s.store.path(), "undo --import"),
                latest_import(s)?
            )?),
            _ => Ok(writeln!(out, "nothing to undo")?),
        },
    }
}

pub(crate) fn redo(s: &mut Session, out: &mut dyn Write) -> Result<()> {
    match s.store.redo()? {
        Some(op) => Ok(writeln!(out, "redid: {}", op.describe())?),
        None => Ok(writeln!(out, "nothing to redo")?),
    }
}

/// How the history names what takes a change back or brings it back: the commands to
/// type (`netcurate undo`, in backquotes), or the workbench's keys.
pub(crate) struct HistoryActions {
    pub undo: String,
    pub redo: String,
    pub undo_import: String,
    /// The line that says how many changes more there are than those listed, and how to
    /// list them all (given how many more, and how many in all).
    pub more: Box<dyn Fn(usize, usize) -> String>,
}

impl HistoryActions {
    /// The commands, for the database at `db`.
    fn commands(db: &std::path::Path) -> HistoryActions {
        let command = |args| format!("`{}`", command_line(db, args));
        HistoryActions {
            undo: command("undo"),
            redo: command("redo"),
            undo_import: command("undo --import"),
            more: Box::new(|more, total| format!("{more} more: --limit {total}")),
        }
    }
}

/// Lists the recorded changes, newest first, in local time, marking what `undo` and
/// `redo` do next; the latest import stands among them while it can be taken back.
pub(crate) fn history(s: &Session, limit: usize, out: &mut dyn Write) -> Result<()> {
    let actions = HistoryActions::commands(s.store.path());
    for line in history_lines(&s.store, limit, &actions)? {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The history's lines (see [`history`]), at most `limit` changes, the actions named as
/// `actions` says.
pub(crate) fn history_lines(
    store: &Store,
    limit: usize,
    actions: &HistoryActions,
) -> Result<Vec<String>> {
    let history = store.history(limit)?;
    let (next_undo, next_redo) = (history.next_undo(), history.next_redo());
    let import = history.import.as_ref();
    if history.total == 0 && import.is_none() {
        let none = "no change recorded yet (tags, decisions, withdrawals, profiles…)";
        return Ok(vec![none.to_string()]);
    }
    let mut lines = Vec::new();
    // The import comes between the steps made before it and those after, when its place
    // is among those listed.
    let import_at = |place: usize, lines: &mut Vec<String>| match import {
        Some(i) if i.newer_steps == place => {
            lines.push(import_in_steps(&i.run, next_undo.is_none(), actions))
        }
        _ => {}
    };
    for (place, step) in history.steps.iter().enumerate() {
        import_at(place, &mut lines);
        let note = if Some(step) == next_undo {
            format!(" — {} takes it back next", actions.undo)
        } else if Some(step) == next_redo {
            format!(" — undone: {} brings it back", actions.redo)
        } else if step.undone {
            " — undone".to_string()
        } else {
            String::new()
        };
        lines.push(format!("{:<16}  {}{note}", local_time(step.at), step.label));
    }
    import_at(history.steps.len(), &mut lines);
    if history.total > history.steps.len() {
        let more = history.total - history.steps.len();
        lines.push((actions.more)(more, history.total));
    }
    lines.extend(earlier_imports(store, import.is_some(), limit)?);
    Ok(lines)
}

/// The imports kept before the one listed among the steps (`latest_listed`), newest
/// first: what each brought, though only the latest can be taken back.
fn earlier_imports(store: &Store, latest_listed: bool, limit: usize) -> Result<Vec<String>> {
    let skip = usize::from(latest_listed);
    let runs = store.imports(limit + skip)?;
    if runs.len() <= skip {
        return Ok(vec![]);
    }
    let head = match latest_listed {
        true => "earlier imports, kept (only the latest can be taken back):",
        false => "imports, kept (none can be taken back now):",
    };
    let listed = runs[skip..].iter().map(import_line);
    Ok(["".to_string(), head.to_string()]
        .into_iter()
        .chain(listed)
        .collect())
}

/// An import as the history lists it: when it was made (to the minute, or its day alone
/// for one stored by an older netcurate), then what it read and found.
fn import_line(run: &ImportRun) -> String {
    let when = match run.made_at {
        Some(_) => local_time(run.made_at),
        None => run.on.map(|d| d.to_string()).unwrap_or_default(),
    };
    // The day is in the time already.
    let mut run = run.clone();
    run.on = None;
    format!("{when:<16}  {}", run.describe())
}

/// The latest import's line among the steps: taken back next when `next` (no step after
/// it is still done).
fn import_in_steps(run: &ImportRun, next: bool, actions: &HistoryActions) -> String {
    let undo = &actions.undo_import;
    let undone_by = match next {
        true => format!("{undo} takes it back next"),
        false => format!("{undo} takes it back once the changes after it are undone"),
    };
    format!("{} — {undone_by}", import_line(run))
}

/// A time stored in UTC as the history shows it: local, to the minute.
fn local_time(at: Option<NaiveDateTime>) -> String {
    at.map(|at| {
        Local
            .from_utc_datetime(&at)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    })
    .unwrap_or_default()
}
