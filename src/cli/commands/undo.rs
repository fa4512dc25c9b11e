//! `netcurate undo`, `undo --import` and `redo`: the one timeline of steps that the
//! workbench shares.
//!
//! Must not: undo anything itself (the store's op log does).

use crate::cli::Session;
use anyhow::{Result, bail};
use netcurate::store::ImportUndo;
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
                "changes made after the latest import are still done ({n}); undo them first with `netcurate undo`"
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
                "nothing to undo; `netcurate undo --import` takes back {}",
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
