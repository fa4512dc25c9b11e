//! `netcurate demo`: a throwaway database holding the bundled demo network (the
//! fixtures' sample export and profile, embedded in the binary), opened in the workbench.
//!
//! Must not: touch the user's own database.

use crate::cli::Session;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use std::path::PathBuf;

const CONNECTIONS: &[u8] = include_bytes!("../fixtures/demo/Connections.csv");
const INVITATIONS: &[u8] = include_bytes!("../fixtures/demo/Invitations.csv");
const MESSAGES: &[u8] = include_bytes!("../fixtures/demo/messages.csv");
pub const PROFILE: &str = include_str!("../fixtures/demo/profile.toml");
/// The demo export's own date, so ages look as they would have on the day.
pub const DEMO_AS_OF: &str = "2026-11-01";

/// Sample SSI readings (invented): a few weeks of a user's own numbers.
const DEMO_READINGS: [netcurate::store::SsiReading; 3] = [
    demo_reading(10, 11.8, 14.6),
    demo_reading(18, 12.1, 14.9),
    demo_reading(25, 12.0, 15.2),
];

const fn demo_reading(day: u32, frp: f64, br: f64) -> netcurate::store::SsiReading {
    let date = match NaiveDate::from_ymd_opt(2026, 10, day) {
        Some(d) => d,
        None => NaiveDate::MIN,
    };
    netcurate::store::SsiReading {
        date,
        total: 14.0 + frp + 16.0 + br,
        brand: 14.0,
        frp,
        engage: 16.0,
        br,
        industry_rank: None,
        network_rank: None,
    }
}

/// Builds the demo database in a fresh temporary folder; returns the folder and database.
pub fn build(as_of: Option<NaiveDate>) -> Result<(tempdir::TempDir, Session)> {
    let dir = tempdir::TempDir::new()?;
    let export = dir.path().join("export");
    std::fs::create_dir_all(&export)?;
    for (name, bytes) in [
        ("Connections.csv", CONNECTIONS),
        ("Invitations.csv", INVITATIONS),
        ("messages.csv", MESSAGES),
    ] {
        std::fs::write(export.join(name), bytes)?;
    }
    let profile = dir.path().join("profile.toml");
    std::fs::write(&profile, PROFILE)?;
    let as_of = as_of.or_else(|| NaiveDate::parse_from_str(DEMO_AS_OF, "%Y-%m-%d").ok());
    let mut session = Session::open(&dir.path().join("demo.db"), as_of, Some(&profile))?;
    // Sample SSI readings, so that the pillars view has a baseline to project from; before
    // the import, which is then the newest change (u offers to take it back, as after a
    // user's first import).
    for reading in DEMO_READINGS {
        session.store.record_ssi(&reading)?;
    }
    let mut batch = netcurate::import::ImportBatch::read(&[export])?;
    // A throwaway folder: the demo's import prompt starts empty, as a first run's does.
    batch.folder = None;
    session
        .store
        .import(batch, session.profile.as_ref(), session.now())
        .context("importing the demo network")?;
    Ok((dir, session))
}

pub fn run(stats_only: bool, as_of: Option<NaiveDate>) -> Result<()> {
    let (dir, session) = build(as_of)?;
    if stats_only {
        let st = session.load()?.stats();
        println!("{}", serde_json::to_string_pretty(&st)?);
        return Ok(());
    }
    let db: PathBuf = session.store.path().to_path_buf();
    let as_of = Some(session.as_of);
    drop(session);
    let result = crate::tui::run_on(&db, as_of, None);
    drop(dir);
    result
}

/// A temporary folder removed on drop (no extra dependency for one folder).
mod tempdir {
    use std::path::{Path, PathBuf};

    pub struct TempDir(PathBuf);

    impl TempDir {
        pub fn new() -> std::io::Result<TempDir> {
            let base = std::env::temp_dir();
            for attempt in 0..100u32 {
                let p = base.join(format!("netcurate-demo-{}-{attempt}", std::process::id()));
                match std::fs::create_dir(&p) {
                    Ok(()) => return Ok(TempDir(p)),
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                    Err(e) => return Err(e),
                }
            }
            Err(std::io::Error::other("cannot create a temporary folder"))
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
