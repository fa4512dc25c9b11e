use super::write::{
    PLAIN_CONTACT_COLUMNS, UPSERT_CONTACT, insert_plain_contact, is_plain_new, write_contact,
};
use super::*;
use crate::model::Flags;
use crate::store::bulk::BulkInsert;
use crate::store::read::url_key_is_derived;

/// A new store in a folder of its own, removed when the folder is dropped.
fn scratch_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&dir.path().join("d.db")).expect("open");
    (dir, store)
}

/// Each key lists its contacts in the order they were entered, also when a contact
/// is entered under several keys (Ana Müller as `muller` and `mueller`): no key's
/// list loses a contact to another key's.
#[test]
fn a_contact_under_two_keys_leaves_each_key_its_contacts() {
    let keys = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    let index = MultiIndex::build(
        [
            (0, keys(&["muller", "mueller"])),
            (1, keys(&["mueller"])),
            (2, keys(&["muller", "mueller"])),
            (3, keys(&["li"])),
        ]
        .into_iter(),
    );
    let got = |key: &str| index.get(key).collect::<Vec<_>>();
    assert_eq!(got("mueller"), [0, 1, 2]);
    assert_eq!(got("muller"), [0, 2]);
    assert_eq!(got("li"), [3]);
    assert_eq!(got("none"), Vec::<usize>::new());
}

/// A title or company re-typed in other capitals, with other spaces or invisible
/// characters is the same job; other words are another.
#[test]
fn the_same_job_as_a_reader_sees_it() {
    for (a, b) in [
        ("Directeur général", "DIRECTEUR GÉNÉRAL"),
        ("Head of Growth", " head of\u{a0}growth "),
        ("Softwareфирма", "Soft\u{ad}wareФирма"),
        ("Blue  Sun", "Blue Sun"),
    ] {
        assert!(same_text(a, b), "{a:?} {b:?}");
    }
    for (a, b) in [("Head of Growth", "Head of Sales"), ("Bluesun", "Blue Sun")] {
        assert!(!same_text(a, b), "{a:?} {b:?}");
    }
}

/// The shorter insert of a plain new contact stores the row the full upsert stores.
#[test]
fn a_plain_insert_stores_what_the_full_upsert_stores() {
    let (_dir, mut store) = scratch_store();
    let contact = |id| Contact {
        id,
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        url: "https://www.linkedin.com/in/Ada-L".into(),
        url_key: Some("linkedin.com/in/ada-l".into()),
        company: "Hooli".into(),
        position: "VP Engineering".into(),
        connected_on: NaiveDate::from_ymd_opt(2024, 3, 5),
        is_connection: true,
        ..Contact::default()
    };
    let scored = Scored {
        score: Some(81),
        seniority: crate::model::Seniority::Vp,
        function: crate::model::Function::Engineering,
        stored_flags: Flags::DUPLICATE,
    };
    let entry = Entry {
        added_at: NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(9, 0, 0)),
        ..Entry::default()
    };
    assert!(is_plain_new(&contact(1), &entry));
    store
        .write(|tx| {
            let derived = url_key_is_derived(&contact(1));
            let first = contact(1);
            let mut insert = BulkInsert::prepare(tx, "contacts", PLAIN_CONTACT_COLUMNS)?;
            insert_plain_contact(&mut insert, &first, &entry, &scored, derived)?;
            insert.finish()?;
            write_contact(
                &mut BulkStatement::prepare(tx, UPSERT_CONTACT)?,
                &contact(2),
                &entry,
                &scored,
                derived,
            )?;
            let row = |id: i64| -> Result<Vec<rusqlite::types::Value>> {
                let mut stmt = tx.prepare("SELECT * FROM contacts WHERE id = ?1")?;
                let n = stmt.column_count();
                Ok(stmt.query_row([id], |r| (1..n).map(|i| r.get(i)).collect())?)
            };
            assert_eq!(row(1)?, row(2)?);
            Ok(())
        })
        .expect("write");
}

/// The duplicate flag, worked out apart from the scores, reaches every row it
/// concerns: rows this import writes and rows it leaves as they were.
/// Imports a Connections.csv (`connections`' rows) and, when `crm` has rows, a contact
/// list beside it, into `store` ([`import_files`]).
fn import_with_list(
    store: &mut Store,
    connections: &str,
    crm: &str,
) -> ((u64, u64, u64), Vec<String>) {
    let network = ("Connections.csv", CONNECTIONS, connections);
    match crm.is_empty() {
        true => import_files(store, &[network]),
        false => import_files(store, &[network, ("crm.csv", LIST, crm)]),
    }
}

/// A contact list's row found by name and an empty company, and another that fills
/// in that company (found by the email the connection has): the same files again
/// change nothing (the first row found the connection before its company was filled
/// in, and the next import added its person anew). Found by the cargo-fuzz `merge`
/// target.
#[test]
fn a_company_a_list_fills_in_leaves_the_same_files_unchanged() {
    let (_dir, mut store) = scratch_store();
    let connections = "Ana,Mueller,,ana@old.example,,,01 Mar 2024\n";
    let crm = "Ana,Mueller,ana@new.example,,,\nA.,Mueller,ana@old.example,Initech,CTO,\n";
    let (_, first) = import_with_list(&mut store, connections, crm);
    let (counts, again) = import_with_list(&mut store, connections, crm);
    assert_eq!(counts, (0, 0, 0));
    assert_eq!(again, first);
}

/// A job change recorded by a Connections row (found by URL) moves the contact to its
/// new company for the rest of the import: a contact list's row at the old company no
/// longer finds it by a key the next import would not have (it did while an earlier
/// row without URL had the index by name and company built, and the next import of the
/// same files added the list's person anew).
#[test]
fn a_job_change_moves_the_contact_in_the_index_at_once() {
    let (_dir, mut store) = scratch_store();
    let row = |company: &str| {
        format!(
            "Bo,Chen,,,Globex,CFO,01 Mar 2024\nAna,Li,https://www.linkedin.com/in/ana-li,,{company},CTO,01 Mar 2024\n"
        )
    };
    import_with_list(&mut store, &row("Old Co"), "");
    let crm = "Ana,Li,,Old Co,CTO,Software\n";
    let (_, moved) = import_with_list(&mut store, &row("New Co"), crm);
    let (counts, again) = import_with_list(&mut store, &row("New Co"), crm);
    assert_eq!(counts, (0, 0, 0));
    assert_eq!(again, moved);
}

/// Imports `files` (name, header and rows each) in the order given into `store`:
/// the report's (new, gone, contacts added), and the network's contacts as text.
fn import_files(store: &mut Store, files: &[(&str, &str, &str)]) -> ((u64, u64, u64), Vec<String>) {
    let dir = tempfile::tempdir().expect("dir");
    let now = NaiveDate::from_ymd_opt(2026, 11, 1)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("time");
    let paths: Vec<_> = (files.iter())
        .map(|(name, header, rows)| {
            let path = dir.path().join(name);
            std::fs::write(&path, format!("{header}\n{rows}")).expect("write");
            path
        })
        .collect();
    let mut batch = ImportBatch::read(&paths).expect("read");
    batch.allow_gone = true;
    let report = store.import(batch, None, now).expect("import");
    let network = store.load(now.date()).expect("load");
    let contacts = network.contacts.iter().map(|c| format!("{c:?}")).collect();
    ((report.new, report.gone, report.contacts_added), contacts)
}

const CONNECTIONS: &str = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
const LIST: &str = "First Name,Last Name,Email,Company,Job Title,Industry";

/// A hidden row that has an email (or a URL) is found by it, and takes no place among
/// the hidden rows of its date: it took one, so that the hidden row after it was
/// looked for at the next place, and the next import of the same file said "1 new,
/// 1 gone".
#[test]
fn a_hidden_row_found_by_its_email_takes_no_place_among_the_hidden() {
    let (_dir, mut store) = scratch_store();
    let rows = "Ana,Li,,ana@x.example,Initech,CTO,01 Mar 2024\n\
                ,,https://www.linkedin.com/in,ana@x.example,,,15 Oct 2026\n\
                ,,,,,,15 Oct 2026\n";
    let file = [("Connections.csv", CONNECTIONS, rows)];
    let (_, first) = import_files(&mut store, &file);
    let (counts, again) = import_files(&mut store, &file);
    assert_eq!(counts, (0, 0, 0));
    assert_eq!(again, first);
}

/// The files of an import are merged in one order (connections, contact lists,
/// messages) whatever order they are named in: a list named first found a contact by
/// the company a Connections row then changed.
#[test]
fn files_merge_alike_in_whatever_order_they_are_named() {
    let network = "Ana,Li,https://www.linkedin.com/in/ana-li,,Globex,CTO,01 Mar 2024\n";
    let list = "Ana,Li,,Globex,CTO,Software\n";
    let files = [
        ("crm.csv", LIST, list),
        ("Connections.csv", CONNECTIONS, network),
    ];
    let reversed = [files[1], files[0]];
    let mut contacts = Vec::new();
    for order in [&files, &reversed] {
        let (_dir, mut store) = scratch_store();
        let (counts, merged) = import_files(&mut store, order);
        assert_eq!(counts, (1, 0, 0), "the list's row joins the connection");
        contacts.push(merged);
    }
    assert_eq!(contacts[0], contacts[1]);
}

/// A contact list's row without a company joins the first contact of its name in the
/// network, whatever their company (it joined only one with no company either, then
/// one that a later row gave a company was found no more).
#[test]
fn a_list_row_without_a_company_joins_the_first_contact_of_its_name() {
    let (_dir, mut store) = scratch_store();
    let network = "Jürgen,Müller,https://www.linkedin.com/in/jm,,Initech,CTO,01 Mar 2024\n\
                   Jürgen,Müller,https://www.linkedin.com/in/jm2,,Globex,CFO,01 Mar 2025\n";
    let list = "Juergen,Mueller,jm@x.example,,,Software\n";
    let files = [
        ("Connections.csv", CONNECTIONS, network),
        ("crm.csv", LIST, list),
    ];
    let (counts, _) = import_files(&mut store, &files);
    assert_eq!(counts, (2, 0, 0), "no contact added");
    let network = store.load(NaiveDate::MIN).expect("load");
    let found: Vec<_> = (network.contacts.iter())
        .map(|c| (c.url.as_str(), c.email.as_str(), c.industry.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("https://www.linkedin.com/in/jm", "jm@x.example", "Software"),
            ("https://www.linkedin.com/in/jm2", "", "")
        ]
    );
}

/// Two people of one name without URLs, one at a company and one without: each row of
/// the next export finds its own, whatever their order in the file. (A row without a
/// company looks among everyone of its name: taking the first not met yet, it would
/// take the other's contact, and the other's row then none: "1 new, 1 gone". It takes
/// the one connected the same day.)
#[test]
fn namesakes_without_urls_find_their_own_in_any_order() {
    let (_dir, mut store) = scratch_store();
    let at = "Ana,Li,,,Initech,CTO,01 Mar 2024\n";
    let between_jobs = "Ana,Li,,,,CTO,15 Oct 2025\n";
    let first = format!("{at}{between_jobs}");
    let (counts, before) = import_files(&mut store, &[("Connections.csv", CONNECTIONS, &first)]);
    assert_eq!(counts, (2, 0, 0));
    let swapped = format!("{between_jobs}{at}");
    let (counts, after) = import_files(&mut store, &[("Connections.csv", CONNECTIONS, &swapped)]);
    assert_eq!(counts, (0, 0, 0));
    assert_eq!(after, before);
}

/// A contact's email is filled in, never replaced, nor given when another contact has
/// it; a URL without a key (Dec 2023's placeholder) leaves a contact's URL as it is.
/// (Else a row found a contact by an email another row of the same import then gave
/// or took away, and the next import of the same file found another.)
#[test]
fn emails_are_filled_in_once_and_never_shared() {
    let (_dir, mut store) = scratch_store();
    let ana = |url: &str, email: &str| format!("Ana,Li,{url},{email},Initech,CTO,01 Mar 2024\n");
    let bo = |email: &str| {
        format!("Bo,Chen,https://www.linkedin.com/in/bo,{email},Globex,CFO,01 Mar 2024\n")
    };
    let url = "https://www.linkedin.com/in/ana";
    let weeks = [
        format!("{}{}", ana(url, "ana@x.example"), bo("")),
        // Bo's row gives him Ana's email, and another: he takes neither.
        format!("{}{}", ana(url, ""), bo("ana@x.example")),
        format!("{}{}", ana(url, ""), bo("bo@x.example")),
        // Ana's row with a placeholder URL: found by her email, her URL kept.
        format!(
            "{}{}",
            ana("https://www.linkedin.com/in", "ana@x.example"),
            bo("")
        ),
    ];
    for rows in &weeks {
        let file = [("Connections.csv", CONNECTIONS, rows.as_str())];
        let (counts, after) = import_files(&mut store, &file);
        assert_eq!(
            counts.0 + counts.1,
            if rows == &weeks[0] { 2 } else { 0 },
            "{rows}"
        );
        let (again, same) = import_files(&mut store, &file);
        assert_eq!((again, &same), ((0, 0, 0), &after), "{rows}");
    }
    let network = store.load(NaiveDate::MIN).expect("load");
    let found: Vec<_> = (network.contacts.iter())
        .map(|c| (c.url.as_str(), c.email.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (url, "ana@x.example"),
            ("https://www.linkedin.com/in/bo", "bo@x.example")
        ]
    );
}

#[test]
fn imports_store_the_duplicate_flag_of_rows_written_and_rows_kept() {
    let (dir, mut store) = scratch_store();
    let now = NaiveDate::from_ymd_opt(2026, 11, 1)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("time");
    let csv = dir.path().join("Connections.csv");
    let import = |store: &mut Store, rows: &str| {
        let header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
        std::fs::write(&csv, format!("{header}\n{rows}")).expect("write");
        let batch = ImportBatch::read(std::slice::from_ref(&csv)).expect("read");
        store.import(batch, None, now).expect("import");
        let network = store.load(now.date()).expect("load");
        let mut duplicates: Vec<String> = network
            .contacts
            .iter()
            .filter(|c| c.flags.has(Flags::DUPLICATE))
            .map(|c| c.url.to_string())
            .collect();
        duplicates.sort();
        duplicates
    };
    let ada = |n: u8, company: &str| {
        format!("Ada,Sample,https://www.linkedin.com/in/ada-{n},,{company},CTO,01 Mar 2024\n")
    };
    let bo = "Bo,Other,https://www.linkedin.com/in/bo,,Hooli,CFO,01 Mar 2024\n";
    let url = |n: u8| format!("https://www.linkedin.com/in/ada-{n}");
    // A first import: both namesakes at one company are written with the flag.
    let first = format!("{}{}{bo}", ada(1, "Hooli Inc."), ada(2, "Hooli"));
    assert_eq!(import(&mut store, &first), vec![url(1), url(2)]);
    // The same export again writes nothing and keeps both flags.
    assert_eq!(import(&mut store, &first), vec![url(1), url(2)]);
    // The second Ada moves to another company: her row is rewritten, the first Ada's
    // row is kept and only loses its flag.
    let moved = format!("{}{}{bo}", ada(1, "Hooli Inc."), ada(2, "Globex"));
    assert_eq!(import(&mut store, &moved), Vec::<String>::new());
    // A third Ada at Globex makes the second a duplicate again.
    let third = format!("{moved}{}", ada(3, "Globex Corp"));
    assert_eq!(import(&mut store, &third), vec![url(2), url(3)]);
}

/// A network large enough to be read in two halves inside the import's transaction
/// merges with itself: importing the same export again adds, changes and writes
/// nothing, and every contact keeps its id and row.
#[test]
fn reimporting_a_large_export_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("r.db");
    let mut store = Store::open(&path).expect("open");
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
    let now = as_of.and_hms_opt(12, 0, 0).expect("time");
    let people = crate::synth::people(
        5,
        super::super::read::PARALLEL_LOAD_MIN + 500,
        (60, 40, 200),
        10,
        as_of,
    );
    let csv = dir.path().join("Connections.csv");
    std::fs::write(
        &csv,
        crate::synth::connections_csv(&people, crate::synth::Style::Y2026),
    )
    .expect("write");
    let import = |store: &mut Store| {
        let batch = ImportBatch::read(std::slice::from_ref(&csv)).expect("read");
        store.import(batch, None, now).expect("import")
    };
    let first = import(&mut store);
    let rows = |store: &Store| {
        let network = store.load(as_of).expect("load");
        network
            .contacts
            .iter()
            .map(|c| format!("{c:?}"))
            .collect::<Vec<_>>()
    };
    let before = rows(&store);
    let again = import(&mut store);
    assert!(first.new > 20_000, "{}", first.new);
    assert_eq!((again.new, again.gone, again.changed), (0, 0, 0));
    assert_eq!(again.unchanged, first.new);
    assert!(rows(&store) == before, "every contact as it was");
}
