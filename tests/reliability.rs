//! Reliability (issue 9): kill -9 in the middle of a large import leaves the database as it
//! was; a second writer gets a clear "database is busy"; a database from a newer
//! netcurate is refused; exports fail cleanly without partial files; `forget --all`.

mod common;

use chrono::NaiveDate;
use common::{Db, fixture};
use netcurate::synth::{self, Style};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Writes a seeded Connections.csv of `n` people (`hidden_per_mille` hidden) beside `db`.
fn generated_connections(
    db: &Db,
    name: &str,
    seed: u64,
    n: usize,
    hidden_per_mille: u32,
) -> std::path::PathBuf {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let people = synth::people(seed, n, (60, 40, 200), hidden_per_mille, as_of);
    let path = db.file(name);
    std::fs::write(&path, synth::connections_csv(&people, Style::Y2026)).unwrap();
    path
}

fn snapshot(db: &Db) -> (serde_json::Value, String) {
    (db.stats(), db.ok(&["list", "--json", "--sort", "name"]))
}

/// `netcurate import FILE` into `db`, its output dropped.
fn import_command(db: &Db, file: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_netcurate"));
    command
        .arg("--db")
        .arg(&db.path)
        .args(["import", "--json"])
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// `netcurate import FILE` into `db`, running (to be killed).
fn start_import(db: &Db, file: &std::path::Path) -> std::process::Child {
    import_command(db, file).spawn().unwrap()
}

/// Killed at each phase of an import into a database that has contacts (through the
/// WAL), up to the moment before its commit, the import leaves the database as it was.
#[test]
fn kill_9_during_a_100k_import_leaves_the_database_unchanged() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    db.ok(&["tag", "add", "before", "--filter", "title:a"]);
    let before = snapshot(&db);
    let big = generated_connections(&db, "big.csv", 77, 100_000, 10);
    for phase in [
        "read and parsed",
        "merged",
        "scored and wrote contacts",
        "set the duplicate flags",
    ] {
        let mut child = import_paused_after(&db, &big, phase);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        assert_eq!(
            snapshot(&db),
            before,
            "database changed by an import killed after '{phase}'"
        );
        let check = db.ok(&["stats"]);
        assert!(check.contains("connections 42"), "{check}");
    }
}

/// `netcurate import FILE` into `db`, once it has reached `phase` (and stopped there).
fn import_paused_after(db: &Db, file: &std::path::Path, phase: &str) -> std::process::Child {
    use std::io::BufRead;
    let mut child = import_command(db, file)
        .env("NETCURATE_TRACE", "1")
        .env("NETCURATE_PAUSE_AFTER", phase)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let reached = stderr
        .lines()
        .map_while(Result::ok)
        .any(|line| line.ends_with(&format!("  {phase}")));
    assert!(reached, "the import never reached '{phase}'");
    child
}

fn journal_mode(db: &Db) -> String {
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap()
}

/// A first import (into a database without contacts) goes through a rollback journal
/// instead of the WAL (its pages are written once): killed while it writes, it is rolled
/// back when the database is next opened, and the database is in WAL mode again.
#[test]
fn kill_9_during_a_first_import_leaves_an_empty_database() {
    let db = Db::new();
    let big = generated_connections(&db, "big.csv", 78, 100_000, 10);
    let mut child = start_import(&db, &big);
    let journal = db.file("net.db-journal");
    let start = Instant::now();
    while !journal.exists() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import finished without a rollback journal"
        );
        assert!(start.elapsed() < Duration::from_secs(60), "no journal");
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(db.stats()["connections"], 0, "{}", db.stats());
    assert_eq!(journal_mode(&db), "wal");
    // (A journal killed before its header was written is not hot: it may stay, unused.)
    db.ok(&["import", &fixture("linkedin/2026")]);
    assert!(db.ok(&["stats"]).contains("connections 42"));
    assert_eq!(journal_mode(&db), "wal");
}

/// With the database open elsewhere (the workbench, say), a first import cannot switch
/// journals without waiting: it goes through the WAL at once, and the other connection
/// sees it.
#[test]
fn a_first_import_while_the_database_is_open_elsewhere_goes_through_the_wal() {
    let db = Db::empty();
    let other = rusqlite::Connection::open(&db.path).unwrap();
    let count = |c: &rusqlite::Connection| -> i64 {
        c.query_row("SELECT COUNT(*) FROM contacts", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count(&other), 0);
    db.ok(&["import", &fixture("linkedin/2026")]);
    assert_eq!(count(&other), 42);
    assert!(db.file("net.db-wal").exists(), "through the WAL");
    assert_eq!(journal_mode(&db), "wal");
}

#[test]
fn a_second_writer_waits_then_says_the_database_is_busy() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE; UPDATE contacts SET decision = decision;")
        .unwrap();
    let start = Instant::now();
    let (code, out, err) = db.run(&["tag", "add", "x", "--filter", "title:a"]);
    assert_eq!(code, 1);
    assert!(err.contains("database is busy"), "{err}");
    assert_eq!(
        out, "",
        "a change that was not stored is not reported as made"
    );
    assert_eq!(err.lines().count(), 1);
    assert!(
        start.elapsed() >= Duration::from_secs(2),
        "it waits briefly before giving up"
    );
    conn.execute_batch("ROLLBACK").unwrap();
    db.ok(&["tag", "add", "x", "--filter", "title:a"]);
}

#[test]
fn a_database_from_a_newer_netcurate_is_refused() {
    let db = Db::empty();
    rusqlite::Connection::open(&db.path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let (code, _, err) = db.run(&["stats"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("schema version 99") && err.contains("upgrade netcurate"),
        "{err}"
    );
}

/// A command given a database that does not exist yet (a mistyped --db?) works on the
/// empty network, says so on stderr, and leaves no database behind unless it stored
/// something; an import makes it on purpose, without the note.
#[test]
fn a_command_on_a_missing_database_says_so_and_leaves_none_unless_it_stores() {
    let db = Db::new();
    let (code, out, err) = db.run(&["stats", "--json"]);
    assert_eq!(code, 0, "{err}");
    let stats: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(stats["connections"], 0);
    let note = |what: &str| {
        format!(
            "netcurate: {what} {} (nothing imported there yet: `netcurate --db {} import FILE`)",
            db.path.display(),
            db.path.display()
        )
    };
    assert!(err.contains(&note("no database at")), "{err}");
    let left: Vec<_> = std::fs::read_dir(db.dir.path()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
    // A command that fails leaves none either.
    let (code, _, err) = db.run(&["explain", "Ada"]);
    assert_eq!(code, 1);
    assert!(err.contains(&note("no database at")), "{err}");
    assert!(!db.path.exists());
    // A saved filter is something stored: the database is kept, and said to be new once.
    let (code, _, err) = db.run(&["segments", "save", "warm", "--filter", "flag:warm"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&note("made a new database at")), "{err}");
    assert!(db.path.exists());
    let (_, _, err) = db.run(&["stats"]);
    assert!(!err.contains("database at"), "said once: {err}");
    let fresh = Db::new();
    let (_, _, err) = fresh.run(&["import", &fixture("linkedin/2026/Connections.csv")]);
    assert!(
        !err.contains("database at"),
        "an import makes it on purpose: {err}"
    );
    assert!(fresh.path.exists());
}

#[test]
fn a_file_that_is_not_a_database_is_a_clear_error() {
    let db = Db::new();
    std::fs::write(
        &db.path,
        "this is not sqlite, it is a note to self\n".repeat(200),
    )
    .unwrap();
    let (code, _, err) = db.run(&["stats"]);
    assert_eq!(code, 1);
    assert!(err.contains("not a netcurate database"), "{err}");
}

#[cfg(unix)]
#[test]
fn export_to_a_read_only_folder_fails_cleanly_with_no_partial_file() {
    use std::os::unix::fs::PermissionsExt;
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    let dir = db.file("locked");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o500)).unwrap();
    let target = dir.join("out.csv");
    let (code, _, err) = db.run(&["export", "-o", &target.display().to_string()]);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    if code == 0 {
        // Running as root ignores folder permissions; nothing more to check here.
        assert!(target.exists());
        return;
    }
    assert_eq!(code, 1);
    assert!(err.contains("locked"), "{err}");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "no partial or temporary file"
    );
}

#[test]
fn export_to_a_missing_folder_fails_cleanly() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    let target = db.file("no/such/folder/out.csv");
    let (code, _, err) = db.run(&["export", "-o", &target.display().to_string()]);
    assert_eq!(code, 1);
    assert!(err.contains("no/such/folder"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

/// A folder given as the database is named as such, with a file to use instead.
#[test]
fn a_folder_is_not_taken_for_a_database() {
    let db = Db::new();
    let folder = db.dir.path().display().to_string();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_netcurate"))
        .args(["--db", &folder, "stats"])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains(&format!("{folder}: is a folder")), "{err}");
    assert!(err.contains("netcurate.db"), "{err}");
}

#[test]
fn forget_all_deletes_the_database() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    let (code, _, err) = db.run(&["forget"]);
    assert_eq!(code, 1);
    // The command to confirm with names this database (not the default one).
    assert!(
        err.contains(&format!(
            "say `{}` to confirm",
            db.command_line("forget --all")
        )),
        "{err}"
    );
    assert!(db.path.exists());
    // A profile edit kept beside the database (it did not parse) goes too.
    let kept_edit = std::path::PathBuf::from(format!("{}.profile-edit.toml", db.path.display()));
    std::fs::write(&kept_edit, "threshold = lots\n").unwrap();
    // So does a copy kept from before an upgrade of the database.
    let upgrade_copy = std::path::PathBuf::from(format!("{}.before-upgrade-v3", db.path.display()));
    std::fs::copy(&db.path, &upgrade_copy).unwrap();
    db.ok(&["forget", "--all"]);
    assert!(!db.path.exists());
    assert!(!kept_edit.exists());
    assert!(!upgrade_copy.exists());
    let left: Vec<_> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .flatten()
        .collect();
    assert!(left.is_empty(), "the import's copy goes too: {left:?}");
}

/// `--db` given a file that is not netcurate's (a CSV by mistake, another program's
/// SQLite database): `forget --all` deletes nothing, and no command writes into it.
#[test]
fn a_file_not_netcurate_s_is_left_alone() {
    let db = Db::new();
    let csv = db.file("Connections.csv");
    std::fs::copy(fixture("linkedin/2026/Connections.csv"), &csv).unwrap();
    let other = db.file("places.sqlite");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&other).unwrap();
    for file in [&csv, &other] {
        let path = file.display().to_string();
        let out = Command::new(env!("CARGO_BIN_EXE_netcurate"))
            .args(["--db", &path, "forget", "--all"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{path}: {err}");
        assert!(
            err.contains("not a netcurate database: nothing deleted"),
            "{err}"
        );
        assert!(file.exists(), "{path} kept");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_netcurate"))
        .args(["--db", &other.display().to_string(), "stats"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("another program's database"), "{err}");
    assert!(std::fs::read(&other).unwrap() == before, "not written to");
}

/// One seeded mutation of a file: flip, delete, duplicate, insert quotes or delimiters,
/// truncate, or splice in binary noise.
fn mutate(rng: &mut synth::Rng, mut bytes: Vec<u8>) -> Vec<u8> {
    let n = bytes.len().max(1);
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len().max(1));
        match rng.below(7) {
            0 if !bytes.is_empty() => bytes[at] = rng.next_u64() as u8,
            1 if !bytes.is_empty() => {
                let end = (at + rng.below(40)).min(bytes.len());
                bytes.drain(at..end);
            }
            2 => bytes.insert(at.min(bytes.len()), b'"'),
            3 => bytes.insert(at.min(bytes.len()), *rng.pick(b",;\t\n\r")),
            4 => bytes.truncate(rng.below(n)),
            5 => {
                let end = (at + rng.below(80)).min(bytes.len());
                let copy = bytes[at.min(end)..end].to_vec();
                bytes.splice(at.min(bytes.len())..at.min(bytes.len()), copy);
            }
            _ => {
                let noise: Vec<u8> = (0..rng.below(16)).map(|_| rng.next_u64() as u8).collect();
                bytes.splice(at.min(bytes.len())..at.min(bytes.len()), noise);
            }
        }
    }
    bytes
}

#[test]
fn sixty_mutated_exports_never_panic_or_hang() {
    let sources = [
        "linkedin/2026/Connections.csv",
        "linkedin/2026/Invitations.csv",
        "linkedin/2026/messages.csv",
        "linkedin/excel/Connections.csv",
        "linkedin/utf16/Connections.csv",
        "linkedin/hubspot.csv",
    ];
    let mut rng = synth::Rng::new(2026);
    let db = Db::new();
    let (mut ok, mut failed) = (0, 0);
    for i in 0..60 {
        let original = std::fs::read(fixture(sources[i % sources.len()])).unwrap();
        let path = db.file(&format!("mutant-{i}.csv"));
        std::fs::write(&path, mutate(&mut rng, original)).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_netcurate"))
            .arg("--db")
            .arg(&db.path)
            .arg("import")
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > Duration::from_secs(20) {
                let _ = child.kill();
                panic!("mutant {i} hangs");
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let mut err = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
        match status.code() {
            Some(0) => ok += 1,
            Some(1) => {
                failed += 1;
                assert_eq!(err.trim_end().lines().count(), 1, "mutant {i}: {err}");
                assert!(
                    err.contains(&format!("mutant-{i}.csv")),
                    "mutant {i} names the file: {err}"
                );
            }
            other => panic!("mutant {i}: exit {other:?} (panic?): {err}"),
        }
    }
    assert_eq!(ok + failed, 60);
    db.ok(&["stats"]);
}

/// Loading reads a large network on two connections at once; a change committed by
/// another process in the middle must not give a network that is half before, half after.
#[test]
fn a_network_loaded_while_another_process_writes_is_never_half_changed() {
    use netcurate::import::ImportBatch;
    use netcurate::ops::Op;
    use netcurate::store::Store;
    let db = Db::new();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let csv = generated_connections(&db, "Connections.csv", 5, 30_000, 0);
    let mut store = Store::open(&db.path).unwrap();
    let batch = ImportBatch::read(&[csv]).unwrap();
    store
        .import(batch, None, as_of.and_hms_opt(12, 0, 0).unwrap())
        .unwrap();
    let ids: Vec<i64> = store
        .load(as_of)
        .unwrap()
        .contacts
        .iter()
        .map(|c| c.id)
        .collect();
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut writer = Store::open(&db.path).unwrap();
            let mut keep = true;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                let op = Op::Decide {
                    ids: ids.clone(),
                    before: vec![i64::from(!keep); ids.len()],
                    after: i64::from(keep),
                };
                writer.record(&op).unwrap();
                keep = !keep;
            }
        });
        // Stops the writer however the loads end (a failed assertion included).
        struct Stop<'a>(&'a std::sync::atomic::AtomicBool);
        impl Drop for Stop<'_> {
            fn drop(&mut self) {
                self.0.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
        let _stop = Stop(&done);
        for _ in 0..12 {
            let network = store.load(as_of).unwrap();
            let first = network.contacts[0].decision;
            let same = network
                .contacts
                .iter()
                .filter(|c| c.decision == first)
                .count();
            assert_eq!(
                same,
                network.contacts.len(),
                "contacts with two different decisions: a torn read"
            );
        }
    });
}
