//! Library benchmarks at 100k connections + 20k invitations: import (parse, normalise,
//! store, score; the same export again; and the floor under it, writing the parsed rows
//! alone), rescore with a new profile, filter, sort, bulk tag + undo, export.

mod common;

use common::*;
use criterion::{BatchSize, Criterion, criterion_group};
use netcurate::audience::{find_duplicates, score_all};
use netcurate::import::ImportBatch;
use netcurate::import::rows::{ConnectionRow, Rows};
use netcurate::ops;
use netcurate::query::{Haystack, Query, SortKey, sort};
use netcurate::store::Store;
use std::hint::black_box;
use std::time::Duration;

/// The day relative filter dates count back from.
const TODAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(day) => day,
    None => panic!("a day"),
};

fn import(c: &mut Criterion) {
    let dir = export_dir();
    let mut g = c.benchmark_group("import");
    g.sample_size(10).measurement_time(Duration::from_secs(30));
    g.bench_function("parse 100k + 20k invitations", |b| {
        b.iter(|| black_box(ImportBatch::read(std::slice::from_ref(&dir)).expect("read")))
    });
    g.bench_function("parse + store + score 100k + 20k invitations", |b| {
        b.iter(|| {
            let _ = imported_db("import-bench");
        })
    });
    // The floor under the import: the same 100k Connections rows, already parsed, written
    // into a new database's contacts table in one transaction as a first import writes them
    // (its columns, journal and sync settings), and nothing else: no merge, no scoring.
    let rows = connection_rows(&dir);
    g.bench_function("floor: write the 100k parsed rows to SQLite alone", |b| {
        b.iter_batched(
            new_db,
            |path| write_rows_alone(&path, &rows),
            BatchSize::PerIteration,
        )
    });
    // The weekly case: the same export into the database that holds it (read what is
    // stored, merge, rescore; nothing changes, so each run finds the database as before).
    let (_, mut again) = imported_db("import-again");
    g.bench_function("import the same 100k + 20k export again", |b| {
        b.iter(|| import_export(&mut again))
    });
    g.finish();
}

/// The rows of the export's Connections.csv, parsed.
fn connection_rows(dir: &std::path::Path) -> Vec<ConnectionRow> {
    let batch = ImportBatch::read(&[dir.join("Connections.csv")]).expect("read");
    (batch.files.into_iter())
        .find_map(|f| match f.rows {
            Rows::Connections(rows) => Some(rows),
            _ => None,
        })
        .expect("connections")
}

/// A new, empty database (its schema made), closed; its path.
fn new_db() -> std::path::PathBuf {
    let path = export_dir().join("floor.db");
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    drop(Store::open(&path).expect("open"));
    path
}

/// Writes `rows` into the contacts table at `path` with the columns, journal and sync a
/// first import uses (its `INSERT_PLAIN_CONTACT`), in one transaction.
fn write_rows_alone(path: &std::path::Path, rows: &[ConnectionRow]) {
    let mut conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA cache_size = -4096;",
    )
    .expect("pragmas");
    let tx = conn.transaction().expect("transaction");
    {
        let mut insert = tx
            .prepare(
                "INSERT INTO contacts (id, url_key, first_name, last_name, url, company,
                    position, connected_on, is_connection, hidden, score, seniority, function,
                    flags, added_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, 0, 'unknown', 'other', 0, NULL)",
            )
            .expect("prepare");
        for (id, row) in (1i64..).zip(rows) {
            let connected_on = row.connected_on.map(|d| d.to_string());
            insert
                .execute(rusqlite::params![
                    id,
                    None::<&str>,
                    row.first_name.as_str(),
                    row.last_name.as_str(),
                    row.url.as_str(),
                    row.company.as_str(),
                    row.position.as_str(),
                    connected_on,
                    row.hidden,
                ])
                .expect("insert");
        }
    }
    tx.commit().expect("commit");
}

fn rescore(c: &mut Criterion) {
    let (_, store) = imported_db("rescore");
    let network = store.load(as_of()).expect("load");
    let mut profile = profile();
    profile.titles.target.push("Head of Infrastructure".into());
    let mut g = c.benchmark_group("score");
    g.sample_size(10);
    g.bench_function("score 100k with a new profile (in memory)", |b| {
        b.iter(|| black_box(score_all(&network.contacts, Some(&profile))))
    });
    // Runs beside the scoring in score_all, which takes the longer of the two.
    g.bench_function("find duplicates among 100k", |b| {
        b.iter(|| black_box(find_duplicates(&network.contacts)))
    });
    g.bench_function("load 100k from the database", |b| {
        b.iter(|| black_box(store.load(as_of()).expect("load")))
    });
    // What a filtered export reads: only the contacts that match, from the database.
    let directors = Query::parse("title:director", TODAY).expect("query");
    g.bench_function("read the contacts matching title:director of 100k", |b| {
        b.iter(|| {
            let mut test = directors.one_off();
            black_box(
                store
                    .load_contacts_where(as_of(), directors.reads(), move |c| test.matches(c))
                    .expect("read"),
            )
        })
    });
    // Two profiles in turn, so that every rescore changes scores and stores them.
    let (path, _) = imported_db("rescore-db");
    let mut writable = Store::open(&path).expect("open");
    let profiles = [profile, common::profile()];
    let mut turn = 0;
    g.bench_function("rescore 100k in the database (profile changed)", |b| {
        b.iter(|| {
            turn += 1;
            black_box(
                writable
                    .rescore(Some(&profiles[turn % 2]))
                    .expect("rescore"),
            )
        })
    });
    g.finish();
}

fn query(c: &mut Criterion) {
    let (_, store) = imported_db("query");
    let network = store.load(as_of()).expect("load");
    let hay = Haystack::all(&network);
    let all: Vec<u32> = (0..network.contacts.len() as u32).collect();
    let mut g = c.benchmark_group("query");
    // What a filter searches, folded once a load: built when the workbench starts.
    g.bench_function("build the haystacks of 100k", |b| {
        b.iter(|| black_box(Haystack::all(&network)))
    });
    for text in [
        "hooli",
        "company:hooli score:>=60",
        "seniority:>=director -tag:x function:engineering",
    ] {
        let q = Query::parse(text, TODAY).expect("query");
        g.bench_function(format!("filter 100k: {text}"), |b| {
            b.iter(|| black_box(q.filter(&network, &hay, all.iter().copied())))
        });
    }
    for key in [SortKey::Score, SortKey::Name] {
        g.bench_function(format!("sort 100k by {}", key.as_str()), |b| {
            b.iter(|| {
                let mut ids = all.clone();
                sort(&mut ids, &network, &hay, key, key.descending_by_default());
                black_box(ids)
            })
        });
    }
    g.finish();
}

fn bulk(c: &mut Criterion) {
    let (path, _) = imported_db("bulk");
    let mut store = Store::open(&path).expect("open");
    let network = store.load(as_of()).expect("load");
    let ids: Vec<i64> = network.contacts.iter().map(|c| c.id).collect();
    let mut g = c.benchmark_group("ops");
    g.sample_size(10);
    g.bench_function("tag 100k + undo (database)", |b| {
        b.iter(|| {
            let op = ops::plan_tag(&network, &ids, "bench", true).expect("a tag");
            store.record(&op).expect("record");
            store.undo().expect("undo");
        })
    });
    // The workbench's W: every pending invitation marked, in the network it keeps.
    let invitations: Vec<i64> = network.invitations.iter().map(|i| i.id).collect();
    let mut kept = store.load(as_of()).expect("load");
    g.bench_function(
        "mark 20k invitations for withdrawal + unmark (in memory)",
        |b| {
            b.iter(|| {
                let op = ops::plan_withdraw(&kept, &invitations, true);
                op.apply_to(&mut kept);
                for inverse in op.inverse() {
                    inverse.apply_to(&mut kept);
                }
            })
        },
    );
    g.bench_function("export 100k contacts (CSV in memory)", |b| {
        let contacts: Vec<&netcurate::model::Contact> = network.contacts.iter().collect();
        let all_columns = netcurate::export::ExportKind::Contacts.default_columns();
        b.iter(|| {
            let mut out = Vec::with_capacity(16 << 20);
            let export = netcurate::export::Export {
                kind: netcurate::export::ExportKind::Contacts,
                contacts: &contacts,
                columns: &all_columns,
                profile: None,
                network: &network,
                delimiter: netcurate::export::COMMA,
            };
            export.write_to(&mut out).expect("export");
            black_box(out)
        })
    });
    // Every contact marked prune: each row with its score explained in one line.
    let pruned: Vec<netcurate::model::Contact> = (network.contacts.iter())
        .map(|c| netcurate::model::Contact {
            decision: netcurate::model::Decision::Prune,
            ..c.clone()
        })
        .collect();
    let profile = profile();
    g.bench_function("removal plan of 100k with reasons (CSV in memory)", |b| {
        let contacts: Vec<&netcurate::model::Contact> = pruned.iter().collect();
        b.iter(|| {
            let mut out = Vec::with_capacity(32 << 20);
            let export = netcurate::export::Export {
                kind: netcurate::export::ExportKind::RemovalPlan,
                contacts: &contacts,
                columns: &[],
                profile: Some(&profile),
                network: &network,
                delimiter: netcurate::export::COMMA,
            };
            export.write_to(&mut out).expect("export");
            black_box(out)
        })
    });
    g.finish();
}

criterion_group!(benches, import, rescore, query, bulk);

/// `criterion_main!` with the binary's allocator settings first: those of its commands
/// (imports, scoring, exports), which run once and exit.
fn main() {
    netcurate::allocator::tune();
    netcurate::allocator::for_one_command();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
