//! The workbench (TUI). Work in progress.

use anyhow::Result;
use chrono::NaiveDate;
use std::path::Path;

pub fn run_on(db: &Path, as_of: Option<NaiveDate>, profile: Option<&Path>) -> Result<()> {
    let s = crate::cli::Session::open(db, as_of, profile)?;
    let st = s.load()?.stats();
    println!("{}", serde_json::to_string_pretty(&st)?);
    Ok(())
}
