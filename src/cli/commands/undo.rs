//! `netcurate undo`, `undo --import`, `redo` and `history`: the one timeline of steps
//! that the workbench shares.
//!
//! Must not: undo anything itself (the store's op log does).

use crate::cli::{Session, command_line};
use anyhow::{Result, bail};
use chrono::{Local, NaiveDateTime, TimeZone};
use netcurate::store::{ImportRun, ImportUndo};
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

/// Lists the recorded changes, newest first, in local time, marking what `undo` and
/// `redo` do next; the latest import stands among them while it can be taken back.
pub(crate) fn history(s: &Session, limit: usize, out: &mut dyn Write) -> Result<()> {
    let history = s.store.history(limit)?;
    let (next_undo, next_redo) = (history.next_undo(), history.next_redo());
    let import = history.import.as_ref();
    if history.total == 0 && import.is_none() {
        writeln!(
            out,
            "no change recorded yet (tags, decisions, withdrawals, profiles…)"
        )?;
        return Ok(());
    }
    // The import comes between the steps made before it and those after, when its place
    // is among those listed.
    let write_import_at = |place: usize, out: &mut dyn Write| match import {
        Some(i) if i.newer_steps == place => write_import(s, &i.run, next_undo.is_none(), out),
        _ => Ok(()),
    };
    for (place, step) in history.steps.iter().enumerate() {
        write_import_at(place, out)?;
        let note = if Some(step) == next_undo {
            format!(
                " — `{}` takes it back next",
                command_line(s.store.path(), "undo")
            )
        } else if Some(step) == next_redo {
            let redo = command_line(s.store.path(), "redo");
            format!(" — undone: `{redo}` brings it back")
        } else if step.undone {
            " — undone".to_string()
        } else {
            String::new()
        };
        writeln!(out, "{:<16}  {}{note}", local_time(step.at), step.label)?;
    }
    write_import_at(history.steps.len(), out)?;
    if history.total > history.steps.len() {
        let more = history.total - history.steps.len();
        writeln!(out, "{more} more: --limit {}", history.total)?;
    }
    write_earlier_imports(s, import.is_some(), limit, out)
}

/// The imports kept before the one listed among the steps (`latest_listed`), newest
/// first: what each brought, though only the latest can be taken back.
fn write_earlier_imports(
    s: &Session,
    latest_listed: bool,
    limit: usize,
    out: &mut dyn Write,
) -> Result<()> {
    let skip = usize::from(latest_listed);
    let runs = s.store.imports(limit + skip)?;
    if runs.len() <= skip {
        return Ok(());
    }
    match latest_listed {
        true => writeln!(
            out,
            "\nearlier imports, kept (only the latest can be taken back):"
        )?,
        false => writeln!(out, "\nimports, kept (none can be taken back now):")?,
    }
    for run in &runs[skip..] {
        writeln!(out, "{}", import_line(run))?;
    }
    Ok(())
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

/// The latest import's line in the history: taken back next when `next` (no step after it
/// is still done).
fn write_import(s: &Session, run: &ImportRun, next: bool, out: &mut dyn Write) -> Result<()> {
    let undo = command_line(s.store.path(), "undo --import");
    let undone_by = match next {
        true => format!("`{undo}` takes it back next"),
        false => format!("`{undo}` takes it back once the changes after it are undone"),
    };
    writeln!(out, "{} — {undone_by}", import_line(run))?;
    Ok(())
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
