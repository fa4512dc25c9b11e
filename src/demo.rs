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
/// The day of the earlier export the demo imports first, as a user would have two weeks
/// before: the connections made since are new, and a few job changes show.
const EARLIER_EXPORT_ON: NaiveDate = match NaiveDate::from_ymd_opt(2026, 10, 18) {
    Some(day) => day,
    None => NaiveDate::MIN,
};
/// Every this many rows of the earlier export, the person was still in their previous
/// job (that of the next row): about five job changes in the demo.
const JOB_CHANGE_EVERY: usize = 397;

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
    // Two weeks ago's export, then today's: the network as a weekly user has it, with
    // new connections (`added:`) and job changes (`changed:`) to look at.
    let earlier = dir.path().join("earlier-export");
    std::fs::create_dir_all(&earlier)?;
    std::fs::write(
        earlier.join("Connections.csv"),
        earlier_export(CONNECTIONS, EARLIER_EXPORT_ON)?,
    )?;
    let noon = |day: NaiveDate| day.and_hms_opt(12, 0, 0).unwrap_or_default();
    for (folder, now) in [(earlier, noon(EARLIER_EXPORT_ON)), (export, session.now())] {
        let mut batch = netcurate::import::ImportBatch::read(&[folder])?;
        // A throwaway folder: the demo's import prompt starts empty, as a first run's does.
        batch.folder = None;
        session
            .store
            .import(batch, session.profile.as_ref(), now)
            .context("importing the demo network")?;
    }
    Ok((dir, session))
}

/// The Connections export of `on`, made from today's: without the connections made after
/// that day, and with every [`JOB_CHANGE_EVERY`]th person still in their previous job.
fn earlier_export(connections: &[u8], on: NaiveDate) -> Result<Vec<u8>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(connections);
    let records = reader.records().collect::<Result<Vec<_>, _>>()?;
    let header_at = (records.iter())
        .position(|r| r.get(0) == Some("First Name"))
        .context("the demo's Connections.csv has its header")?;
    let (header, rows) = (&records[header_at], &records[header_at + 1..]);
    let column = |name: &str| {
        (header.iter().position(|h| h == name))
            .with_context(|| format!("the demo's Connections.csv has {name}"))
    };
    let (company, position, connected) = (
        column("Company")?,
        column("Position")?,
        column("Connected On")?,
    );
    let made_by = |r: &csv::StringRecord| {
        let day = r.get(connected).unwrap_or_default();
        NaiveDate::parse_from_str(day, "%d %b %Y").is_ok_and(|day| day <= on)
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header)?;
    for (i, row) in rows.iter().enumerate().filter(|(_, r)| made_by(r)) {
        let mut row: Vec<&str> = row.iter().collect();
        let still_in_previous_job = (i + 1) % JOB_CHANGE_EVERY == 0;
        if let Some(next) = rows.get(i + 1).filter(|_| still_in_previous_job) {
            row[company] = next.get(company).unwrap_or_default();
            row[position] = next.get(position).unwrap_or_default();
        }
        writer.write_record(row)?;
    }
    writer.into_inner().context("writing the earlier export")
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

    const PREFIX: &str = "netcurate-demo-";

    pub struct TempDir(PathBuf);

    impl TempDir {
        pub fn new() -> std::io::Result<TempDir> {
            let base = std::env::temp_dir();
            remove_abandoned(&base);
            for attempt in 0..100u32 {
                let p = base.join(format!("{PREFIX}{}-{attempt}", std::process::id()));
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

    /// Removes the folders of demos whose process is gone: a demo ended by its terminal
    /// closing (SIGHUP) or by a kill never runs `drop`, and left its folder behind.
    /// Linux only, where `/proc` tells which processes live; elsewhere the system empties
    /// its temporary folder itself.
    fn remove_abandoned(base: &Path) {
        if !cfg!(target_os = "linux") {
            return;
        }
        let Ok(entries) = std::fs::read_dir(base) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let pid = (name.to_str())
                .and_then(|n| n.strip_prefix(PREFIX))
                .and_then(|rest| rest.split_once('-'))
                .and_then(|(pid, _)| pid.parse::<u32>().ok());
            if pid.is_some_and(|pid| !Path::new("/proc").join(pid.to_string()).exists()) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use netcurate::query::Query;

    /// A demo killed (its terminal closed) leaves its folder; the next demo removes it, and
    /// leaves alone those of demos still running.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_demo_removes_the_folders_of_demos_gone() {
        let mut ended = std::process::Command::new("true").spawn().expect("spawn");
        ended.wait().expect("wait");
        let base = std::env::temp_dir();
        let gone = base.join(format!("netcurate-demo-{}-0", ended.id()));
        let running = base.join(format!("netcurate-demo-{}-77", std::process::id()));
        for dir in [&gone, &running] {
            std::fs::create_dir_all(dir).expect("dir");
            std::fs::write(dir.join("demo.db"), "left").expect("write");
        }
        let (dir, _session) = build(None).expect("the demo builds");
        assert!(!gone.exists(), "{gone:?} was left");
        assert!(running.join("demo.db").exists(), "{running:?} was removed");
        assert!(dir.path().exists());
        std::fs::remove_dir_all(&running).expect("clean up");
    }

    /// The demo is a weekly user's network: the connections made since the earlier export
    /// are those `added:` finds, and the few still in their previous job then show a job
    /// change, with where they were.
    #[test]
    fn the_demo_holds_the_news_of_its_latest_import() {
        let (_dir, session) = build(None).expect("the demo builds");
        let network = session.load().expect("load");
        let mut made_since: Vec<i64> = (network.contacts.iter())
            .filter(|c| c.connected_on.is_some_and(|on| on > EARLIER_EXPORT_ON))
            .map(|c| c.id)
            .collect();
        let query = Query::parse("added:>=7d", network.as_of).expect("query");
        let mut added: Vec<i64> = (query.filter_once(&network).iter())
            .map(|&i| network.contacts[i as usize].id)
            .collect();
        made_since.sort_unstable();
        added.sort_unstable();
        assert!(made_since.len() > 3, "{made_since:?}");
        assert_eq!(added, made_since);
        let changed: Vec<_> = (network.contacts.iter())
            .filter(|c| c.job_changed_on == Some(network.as_of))
            .collect();
        assert!(changed.len() >= 3, "{}", changed.len());
        for c in changed {
            assert!(
                (c.previous_company != c.company || c.previous_position != c.position)
                    && !c.previous_company.is_empty(),
                "{c:?}"
            );
        }
        assert_eq!(network.stats().gone, 0, "nobody left: the demo stays 2000");
    }
}
