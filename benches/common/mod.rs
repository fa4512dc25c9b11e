//! Shared setup for the benchmarks: a seeded 100k-connection + 20k-invitation export
//! written once to a temporary folder, and a database imported from it.
#![allow(dead_code)]

use chrono::NaiveDate;
use netcurate::audience::Profile;
use netcurate::import::ImportBatch;
use netcurate::store::Store;
use netcurate::synth;
use std::path::PathBuf;

/// The binary's allocator, so that the figures are the binary's (see `netcurate::allocator`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub const CONNECTIONS: usize = 100_000;
pub const INVITATIONS: usize = 20_000;

pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).expect("date")
}

pub fn profile() -> Profile {
    Profile::parse("demo", include_str!("../../fixtures/demo/profile.toml")).expect("profile")
}

/// Writes the export once a run; returns its folder. The folder is cargo's for benchmarks'
/// files (`target/tmp`), one for every run: a run writes over the last one's files where a
/// folder per process in the system's temporary folder kept 144 MiB after each run.
pub fn export_dir() -> PathBuf {
    static WRITTEN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    WRITTEN.get_or_init(write_export).clone()
}

fn write_export() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("netcurate-bench");
    std::fs::create_dir_all(&dir).expect("dir");
    let people = synth::people(1, CONNECTIONS, (60, 40, 200), 10, as_of());
    let accepted: Vec<synth::Person> = people.iter().take(INVITATIONS / 2).cloned().collect();
    let pending: Vec<i64> = (0..INVITATIONS / 2).map(|i| 1 + (i as i64 % 400)).collect();
    let invitations = synth::invitations(1, &accepted, &pending, 0, as_of());
    std::fs::write(
        dir.join("Connections.csv"),
        synth::connections_csv(&people, synth::Style::Y2026),
    )
    .expect("write");
    std::fs::write(
        dir.join("Invitations.csv"),
        synth::invitations_csv(&invitations),
    )
    .expect("write");
    dir
}

/// A fresh database holding the 100k export, scored.
pub fn imported_db(name: &str) -> (PathBuf, Store) {
    let path = export_dir().join(format!("{name}.db"));
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let mut store = Store::open(&path).expect("open");
    import_export(&mut store);
    (path, store)
}

/// Imports the 100k export into `store` (scored with the demo profile).
pub fn import_export(store: &mut Store) {
    let batch = ImportBatch::read(&[export_dir()]).expect("read");
    store
        .import(
            batch,
            Some(&profile()),
            as_of().and_hms_opt(12, 0, 0).expect("time"),
        )
        .expect("import");
}
