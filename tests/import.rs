//! Import end to end through the real binary: every export variant, the .zip, re-import,
//! bad files, gone/new/changed between exports (issues 2 and 5).

mod common;

use chrono::NaiveDate;
use common::{AS_OF, CRM_MAP, Db, fixture};
use netcurate::synth::{self, Person, Style};
use serde_json::json;

#[test]
fn export_2026_gives_exact_counts_and_reimport_changes_nothing() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    let st = db.stats();
    assert_eq!(st["connections"], 42);
    assert_eq!(st["hidden"], 2);
    assert_eq!(st["gone"], 0);
    assert_eq!(
        st["invitations"],
        json!({"outgoing": 10, "incoming": 3, "outgoing_accepted": 6, "outgoing_pending": 4, "outgoing_gone": 0, "outgoing_withdraw_planned": 0})
    );
    assert_eq!(st["decisions"]["undecided"], 42);
    let again = db.json(&["import", "--json", &fixture("linkedin/2026")]);
    assert_eq!(again["new"], 0);
    assert_eq!(again["gone"], 0);
    assert_eq!(again["changed"], 0);
    assert_eq!(again["unchanged"], 42);
    assert_eq!(again["invitations_known"], 13);
    assert_eq!(db.stats(), st, "importing twice gives the same numbers");
}

#[test]
fn zip_import_matches_folder_import_and_lists_skipped_files() {
    let folder = Db::new();
    folder.ok(&["import", &fixture("linkedin/2026")]);
    let zip = Db::new();
    let report = zip.json(&["import", "--json", &fixture("linkedin/export-2026.zip")]);
    assert_eq!(zip.stats(), folder.stats());
    let skipped: Vec<String> = report["skipped_files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            f["name"]
                .as_str()
                .unwrap()
                .rsplit(':')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        skipped,
        vec!["Profile.csv", "Skills.csv", "Articles/readme.html"]
    );
    let files = report["files"].as_array().unwrap();
    let messages = files.iter().find(|f| f["kind"] == "messages").unwrap();
    assert_eq!(
        messages["rows_read"], 7,
        "multi-line HTML content is one row each"
    );
    assert_eq!(messages["skipped_why"]["draft"], 1);
}

#[test]
fn every_connections_variant_imports_to_the_same_network() {
    let mut dates_2026 = None;
    for variant in [
        "2026", "2022", "2018", "excel", "excel-de", "excel-uk", "utf16",
    ] {
        let db = Db::new();
        let report = db.json(&[
            "import",
            "--json",
            &fixture(&format!("linkedin/{variant}/Connections.csv")),
        ]);
        assert_eq!(report["new"], 42, "{variant}");
        assert_eq!(report["hidden"], 2, "{variant}");
        let st = db.stats();
        assert_eq!(
            (st["connections"].clone(), st["hidden"].clone()),
            (json!(42), json!(2)),
            "{variant}"
        );
        let names = db.ok(&["list", "--filter", "name:zoë", "--json"]);
        assert!(
            names.contains("Ødegård"),
            "{variant}: accents survive the encoding"
        );
        // Every variant's dates are the same days, whichever way round it writes them.
        let listed = db.json(&["list", "--sort", "name", "--json"]);
        let dates: Vec<_> = (listed.as_array().unwrap().iter())
            .map(|c| (c["first_name"].clone(), c["connected_on"].clone()))
            .collect();
        assert_eq!(
            &dates,
            dates_2026.get_or_insert_with(|| dates.clone()),
            "{variant}"
        );
    }
}

#[test]
fn percent_encoded_and_raw_urls_are_one_person() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    let inv: serde_json::Value = db.json(&["invitations", "--json"]);
    let rene = inv
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "René Sample")
        .unwrap();
    assert_eq!(rene["status"], "accepted");
    let out = db.ok(&["explain", "https://www.linkedin.com/in/ren%C3%A9-sample"]);
    assert!(out.contains("René Sample"), "{out}");
}

#[test]
fn placeholder_invitation_urls_fall_back_to_names() {
    let db = Db::new();
    db.ok(&[
        "import",
        &fixture("linkedin/2026/Connections.csv"),
        &fixture("linkedin/2023-placeholder/Invitations.csv"),
    ]);
    let st = db.stats();
    assert_eq!(st["invitations"]["outgoing_accepted"], 6);
    assert_eq!(st["invitations"]["outgoing_pending"], 4);
}

#[test]
fn warm_and_messaged_come_from_messages() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    let count = |q: &str| {
        db.json(&["list", "--filter", q, "--json"])
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count("flag:messaged"), 4);
    assert!(
        count("flag:warm") >= 1 && count("flag:warm") <= 2,
        "two-way conversations only"
    );
    // The last message was theirs (one the owner may owe an answer): Oskar's and René's
    // replies, not the openings Nia and Jo left unanswered.
    let names = |q: &str| -> Vec<String> {
        let listed = db.json(&["list", "--filter", q, "--json", "--sort", "name"]);
        let people = listed.as_array().unwrap().iter();
        people
            .map(|c| c["last_name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names("flag:unanswered"), ["Jovanović", "Sample"]);
    assert_eq!(
        names("flag:messaged -flag:unanswered"),
        ["Doe, MBA", "Yilmaz"]
    );
    // explain says whose the last message was: Oskar answered, Nia has not.
    let oskar = db.ok(&[
        "explain",
        "https://www.linkedin.com/in/oskar-jovanović-1022",
    ]);
    assert!(
        oskar.contains("  messages: 2 exchanged, last 2025-11-15 (theirs)\n"),
        "{oskar}"
    );
    let nia = db.ok(&["explain", "Nia", "Yilmaz"]);
    assert!(
        nia.contains("  messages: 1 exchanged, last 2025-03-20 (yours)\n"),
        "{nia}"
    );
}

#[test]
fn crm_rows_join_by_url_then_name_and_company() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let report = db.json(&["import", "--json", &fixture("linkedin/hubspot.csv")]);
    assert_eq!(report["contacts_merged"], 2);
    assert_eq!(report["contacts_added"], 1);
    assert_eq!(report["gone"], 0, "a CRM file is not a full export");
    let st = db.stats();
    assert_eq!(st["connections"], 42);
    assert_eq!(st["other_contacts"], 1);
}

/// The report speaks of the kinds of file read: a lone Invitations.csv is not "0 new,
/// 0 gone" connections and "0 people matched" messages; a CRM file's contacts are counted
/// even when none were added.
#[test]
fn the_report_speaks_of_the_files_read() {
    let db = Db::new();
    let whole = db.ok(&["import", &fixture("linkedin/2026")]);
    for kind in ["connections: ", "invitations: ", "messages: "] {
        assert_eq!(
            whole.lines().filter(|l| l.starts_with(kind)).count(),
            1,
            "{kind}\n{whole}"
        );
    }
    let alone = db.ok(&["import", &fixture("linkedin/2026/Invitations.csv")]);
    assert_eq!(
        alone.lines().nth(1),
        Some("invitations: 0 new, 13 already known, 0 gone (withdrawn, expired or declined)"),
        "{alone}"
    );
    assert!(
        !alone.contains("connections: ") && !alone.contains("messages: "),
        "{alone}"
    );
    let crm = db.ok(&["import", &fixture("linkedin/hubspot.csv")]);
    assert!(
        crm.lines()
            .any(|l| l == "other contacts: 1 added, 2 merged"),
        "{crm}"
    );
    assert!(!crm.contains("connections: "), "{crm}");
}

/// A contact CSV under column names netcurate does not know is refused with its first
/// line and how to name the columns; `--map` reads it (a mapped column ahead of one merely
/// called "Title"), the report says which column each field came from, and a mapping no
/// file has or a field that does not exist is an error that stores nothing.
#[test]
fn map_reads_a_crm_file_under_other_column_names() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let before = (db.stats(), db.ok(&["list", "--json"]));
    let crm = fixture("linkedin/crm-other-names.csv");
    let (code, _, err) = db.run(&["import", &crm]);
    assert_eq!(code, 1);
    assert!(
        err.contains("crm-other-names.csv: not a file netcurate reads")
            && err.contains("\"Kontakt;Firma;Rolle;Title;")
            && err.contains("--map FIELD=COLUMN"),
        "{err}"
    );
    let map: Vec<&str> = (CRM_MAP.into_iter())
        .chain(["--map", "url=Profil", "--map", "email=E-Mail-Adresse"])
        .chain(["--map", "location=stadt"])
        .collect();
    for (extra, why) in [
        (
            ["--map", "industry=Branche"],
            "--map industry=Branche: no column \"Branche\" in",
        ),
        (
            ["--map", "postion=Titel"],
            "no field \"postion\" (did you mean position?)",
        ),
        (
            ["--map", "tags=Telefn"],
            "--map tags=Telefn: no column \"Telefn\" (did you mean Telefon?) in",
        ),
    ] {
        let args: Vec<&str> = ["import", &crm]
            .iter()
            .copied()
            .chain(map.iter().copied())
            .chain(extra)
            .collect();
        let (code, _, err) = db.run(&args);
        assert_eq!(code, 1, "{extra:?}");
        assert!(err.contains(why), "{err}");
    }
    assert_eq!(
        (db.stats(), db.ok(&["list", "--json"])),
        before,
        "nothing stored"
    );

    let args: Vec<&str> = ["import", "--json", &crm]
        .iter()
        .copied()
        .chain(map.iter().copied())
        .collect();
    let report = db.json(&args);
    assert_eq!(
        (
            report["contacts_merged"].clone(),
            report["contacts_added"].clone()
        ),
        (json!(1), json!(1))
    );
    let file = &report["files"][0];
    assert_eq!(
        file["columns"],
        json!([
            {"field": "name", "column": "Kontakt"}, {"field": "url", "column": "Profil"},
            {"field": "email", "column": "E-Mail-Adresse"}, {"field": "company", "column": "Firma"},
            {"field": "position", "column": "Rolle"}, {"field": "location", "column": "Stadt"},
        ])
    );
    assert_eq!(file["unread_columns"], json!(["Title", "Telefon"]));
    let contacts = db.json(&["list", "--json", "--filter", "name:\"rené sample\""]);
    assert_eq!(
        contacts.as_array().map(Vec::len),
        Some(1),
        "joined by the mapped URL"
    );
    let rene = &contacts[0];
    assert_eq!(
        (rene["email"].as_str(), rene["location"].as_str()),
        (Some("rene@example.org"), Some("Berlin"))
    );
    assert_eq!(
        rene["position"], "Director, Platform",
        "a CRM row fills gaps only"
    );
    let mila = &db.json(&["list", "--json", "--filter", "name:\"mila novak\""])[0];
    assert_eq!(
        (
            mila["first_name"].as_str(),
            mila["last_name"].as_str(),
            mila["company"].as_str()
        ),
        (Some("Mila"), Some("Novak"), Some("Pied Piper"))
    );
    assert_eq!(
        mila["position"], "Head of Infrastructure",
        "Rolle, not Title"
    );
    // What the CRM brought is looked for by the filter, the CLI's as the workbench's.
    let names = |filter: &str| -> Vec<String> {
        let list = db.json(&["list", "--json", "--sort", "name", "--filter", filter]);
        (list.as_array().expect("a list").iter())
            .map(|c| format!("{} {}", c["first_name"], c["last_name"]).replace('"', ""))
            .collect()
    };
    assert_eq!(names("location:berlin"), ["René Sample"]);
    assert_eq!(names("email:@example.org -location:berlin"), ["Mila Novak"]);
    assert_eq!(names("location:hamburg title:head"), ["Mila Novak"]);
    // list shows the location it is filtered by, in the seniority column's place.
    let listed = db.ok(&["list", "--filter", "location:berlin"]);
    let header = listed.lines().next().unwrap();
    assert!(
        header.contains("  location  ") && !header.contains("seniority"),
        "{listed}"
    );
    assert!(
        listed.lines().nth(1).unwrap().contains("  Berlin  "),
        "{listed}"
    );
    // explain says what the CRM told.
    let explained = db.ok(&["explain", "René Sample"]);
    assert!(
        explained.contains("\n  rene@example.org · Berlin\n"),
        "{explained}"
    );
    let text = db.ok(&["import", "--dry-run", &fixture("linkedin/hubspot.csv")]);
    // A dry run into a database not made yet stores nothing, not even an empty database.
    let fresh = Db::new();
    fresh.ok(&["import", "--dry-run", &fixture("linkedin/hubspot.csv")]);
    let left: Vec<_> = std::fs::read_dir(fresh.dir.path()).unwrap().collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(
        text.contains("    columns read: First Name → first-name, Last Name → last-name, LinkedIn URL → url, Email → email, Company Name → company, Job Title → position, Industry → industry\n"),
        "{text}"
    );
    assert!(!text.contains("columns not read"), "{text}");
}

/// A map given once is remembered for files with that header: the next import of such a
/// file needs no `--map` (the report says whose map it read with), a map given later adds
/// to it, and a dry run remembers nothing.
#[test]
fn a_given_map_is_remembered_for_files_with_the_same_header() {
    let db = Db::new();
    let crm = fixture("linkedin/crm-other-names.csv");
    let map = CRM_MAP;
    let args: Vec<&str> = ["import", "--dry-run", &crm]
        .into_iter()
        .chain(map)
        .collect();
    db.ok(&args);
    let (code, _, err) = db.run(&["import", &crm]);
    assert_eq!(
        (code, err.contains("not a file netcurate reads")),
        (1, true),
        "{err}"
    );
    let args: Vec<&str> = ["import", &crm].into_iter().chain(map).collect();
    db.ok(&args);
    let again = db.ok(&["import", "--dry-run", &crm]);
    assert!(
        again.contains("    columns read (with the --map given for this header before): Kontakt → name, E-Mail-Adresse → email, Firma → company, Rolle → position, Stadt → location\n"),
        "{again}"
    );
    let report = db.json(&["import", "--json", &crm, "--map", "url=Profil"]);
    assert_eq!(report["files"][0]["remembered_map"], true);
    let columns: Vec<&str> = (report["files"][0]["columns"].as_array().unwrap().iter())
        .filter_map(|c| c["column"].as_str())
        .collect();
    assert_eq!(
        columns,
        [
            "Kontakt",
            "Profil",
            "E-Mail-Adresse",
            "Firma",
            "Rolle",
            "Stadt"
        ],
        "the given one adds to it"
    );
    let text = db.ok(&["import", &crm]);
    assert!(
        text.contains("Profil → url"),
        "and is remembered with it: {text}"
    );
    let mila = &db.json(&["list", "--json", "--filter", "name:\"mila novak\""])[0];
    assert_eq!(
        (mila["position"].as_str(), mila["email"].as_str()),
        (Some("Head of Infrastructure"), Some("mila@example.org"))
    );
    assert_eq!(
        db.stats()["other_contacts"],
        2,
        "the same two contacts each time"
    );
}

#[test]
fn bad_files_fail_cleanly_and_change_nothing() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    db.ok(&["tag", "add", "keepme", "--filter", "company:hooli"]);
    let before = (db.stats(), db.ok(&["list", "--json"]));
    let cases = [
        ("unterminated.csv", "line 8: unterminated quote"),
        (
            "impossible-date.csv",
            "line 10: impossible date '31 Feb 2024'",
        ),
        ("binary.csv", "binary"),
        ("empty.csv", "empty"),
        ("unknown.csv", "not a file netcurate reads"),
        ("bad-direction.csv", "line 2: Direction"),
    ];
    for (file, reason) in cases {
        let path = fixture(&format!("linkedin/bad/{file}"));
        // A bad file next to a good one: nothing of the import is written.
        let (code, _, err) = db.run(&["import", &fixture("linkedin/hubspot.csv"), &path]);
        assert_eq!(code, 1, "{file}");
        assert_eq!(err.lines().count(), 1, "{file}: one line: {err}");
        assert!(err.contains(file) && err.contains(reason), "{file}: {err}");
        assert_eq!(
            (db.stats(), db.ok(&["list", "--json"])),
            before,
            "{file}: database unchanged"
        );
    }
}

/// An archive with nothing in it is a .zip without any file netcurate reads, not "binary
/// data" (its first bytes are the end of a central directory, not a file header).
#[test]
fn an_empty_zip_says_it_holds_nothing_to_import() {
    let db = Db::new();
    let path = db.file("export.zip");
    let mut empty = b"PK\x05\x06".to_vec();
    empty.resize(22, 0);
    std::fs::write(&path, empty).unwrap();
    let (code, _, err) = db.run(&["import", &path.display().to_string()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("export.zip") && err.contains("no Connections, Invitations"),
        "{err}"
    );
}

/// A folder with nothing to import says what it passed over and why, one reason a clause,
/// so that a user who downloaded the wrong archive, or saved the export as a workbook,
/// sees it at once.
#[test]
fn a_folder_with_nothing_to_import_says_what_it_passed_over() {
    let db = Db::new();
    let folder = db.file("downloads");
    std::fs::create_dir_all(&folder).unwrap();
    for name in ["notes.txt", "dataset.csv"] {
        std::fs::write(folder.join(name), "id,value\n1,2\n").unwrap();
    }
    std::fs::write(
        folder.join("photo.jpg"),
        [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0, 0],
    )
    .unwrap();
    let shown = folder.display().to_string();
    let (code, _, err) = db.run(&["import", &shown]);
    let at = |name: &str| folder.join(name).display().to_string();
    let said = format!(
        "netcurate: {shown}: no Connections, Invitations, messages or contact CSV found; \
         skipped 1 file (not a CSV text file): {}; \
         skipped 2 files (not a network file): {}, {}\n",
        at("photo.jpg"),
        at("dataset.csv"),
        at("notes.txt")
    );
    assert_eq!((code, err), (1, said));
    assert!(!db.path.exists(), "no database left behind");
}

/// Tags a contact list brings (a netcurate export imported back, a CRM's) that contacts
/// have already in another case are spelt as they have them: one segment, not two. A
/// cell of several is split at `;` and at `|`.
#[test]
fn imported_tags_are_spelt_as_the_network_has_them() {
    let db = Db::with_demo();
    db.ok(&["tag", "add", "vip", "--filter", "company:hooli"]);
    let exported = db.ok(&["export", "-o", "-", "--filter", "company:initech"]);
    let mut read = csv::Reader::from_reader(exported.as_bytes());
    let header = read.headers().unwrap().clone();
    let tags_at = header.iter().position(|c| c == "Tags").unwrap();
    let list = db.file("retagged.csv");
    let mut write = csv::Writer::from_path(&list).unwrap();
    write.write_record(&header).unwrap();
    let mut retagged = 0;
    for row in read.records() {
        let row = row.unwrap();
        let cells = (row.iter().enumerate())
            .map(|(i, c)| if i == tags_at { "VIP;Board|Partner" } else { c });
        write.write_record(cells).unwrap();
        retagged += 1;
    }
    write.flush().unwrap();
    assert!(retagged > 0);
    db.ok(&["import", &list.display().to_string()]);
    let segments = db.json(&["segments", "--json"]);
    let names: Vec<&str> = (segments.as_array().unwrap().iter())
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["#Board", "#Partner", "#vip"], "split at ; and at |");
    let vips = db.json(&["list", "--json", "--segment", "#vip"]);
    let hooli_and_initech = db.json(&["list", "--json", "--filter", "company:hooli"]);
    assert_eq!(
        vips.as_array().unwrap().len(),
        hooli_and_initech.as_array().unwrap().len() + retagged
    );
}

/// A Connections.csv opened in Excel and saved as a workbook (or by LibreOffice, or an old
/// .xls) is not "no Connections … found" or "binary data": the import says what it is and
/// how to save it as CSV; beside an export in a folder it is passed over with that reason.
#[test]
fn a_spreadsheet_saved_by_excel_says_to_save_it_as_csv() {
    use std::io::Write;
    let db = Db::new();
    let workbook = |path: &std::path::Path, parts: &[&str]| {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
        for part in parts {
            zip.start_file(*part, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(b"<?xml version=\"1.0\"?><x/>").unwrap();
        }
        zip.finish().unwrap();
    };
    let xlsx = db.file("Connections.xlsx");
    workbook(
        &xlsx,
        &[
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/worksheets/sheet1.xml",
        ],
    );
    let ods = db.file("Connections.ods");
    workbook(&ods, &["mimetype", "content.xml", "META-INF/manifest.xml"]);
    let xls = db.file("Connections.xls");
    let mut old = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    old.resize(4096, 0);
    std::fs::write(&xls, old).unwrap();
    for (path, said) in [
        (
            &xlsx,
            "an Excel workbook, not a CSV file: in Excel, File → Save As → CSV UTF-8",
        ),
        (
            &ods,
            "an OpenDocument spreadsheet, not a CSV file: File → Save As → Text CSV",
        ),
        (&xls, "an Excel 97–2003 workbook, not a CSV file"),
    ] {
        let shown = path.display().to_string();
        let (code, _, err) = db.run(&["import", &shown]);
        assert!(
            code == 1 && err.starts_with(&format!("netcurate: {shown}: {said}")),
            "{err}"
        );
    }
    assert!(
        !db.path.exists(),
        "nothing imported: no database left behind"
    );
    // Named beside a CSV, a workbook is refused as any file named that cannot be read.
    let connections = fixture("linkedin/2026/Connections.csv");
    let (code, _, err) = db.run(&["import", &connections, &xlsx.display().to_string()]);
    assert!(
        code == 1 && err.contains("an Excel workbook, not a CSV file"),
        "{err}"
    );
    // In a folder beside an export: passed over, said in the report.
    let folder = downloads_with(&db, "linkedin/export-2026.zip");
    std::fs::copy(&xlsx, folder.join("Connections.xlsx")).unwrap();
    let report = db.json(&["import", "--json", &folder.display().to_string()]);
    assert_eq!(report["new"], 42);
    let skipped = report["skipped_files"].as_array().unwrap();
    assert!(
        skipped.iter().any(
            |s| s["name"].as_str().unwrap().ends_with("Connections.xlsx")
                && s["reason"]
                    .as_str()
                    .unwrap()
                    .starts_with("an Excel workbook")
        ),
        "{skipped:?}"
    );
}

/// A folder "downloads" beside `db`'s database, holding a copy of the fixture `export`.
fn downloads_with(db: &Db, export: &str) -> std::path::PathBuf {
    let folder = db.file("downloads");
    std::fs::create_dir(&folder).unwrap();
    let name = std::path::Path::new(export).file_name().unwrap();
    std::fs::copy(fixture(export), folder.join(name)).unwrap();
    folder
}

/// A folder is imported by what it holds that netcurate reads; anything else is passed
/// over by its first bytes. A file without end (a link to /dev/zero) shows that nothing
/// else is read whole.
#[cfg(unix)]
#[test]
fn a_folder_passes_over_other_files_without_reading_them() {
    let db = Db::new();
    let folder = downloads_with(&db, "linkedin/2026/Connections.csv");
    std::os::unix::fs::symlink("/dev/zero", folder.join("endless.iso")).unwrap();
    let report = db.json(&["import", "--json", &folder.display().to_string()]);
    assert_eq!(report["new"], 42);
    let skipped = report["skipped_files"].as_array().unwrap();
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert!(
        skipped[0]["name"]
            .as_str()
            .unwrap()
            .ends_with("endless.iso")
    );
    assert_eq!(skipped[0]["reason"], "not a CSV text file");

    // Links to folders are not followed: one back to the folder itself would never end,
    // one up would read the folders above.
    std::fs::remove_file(folder.join("endless.iso")).unwrap();
    std::os::unix::fs::symlink(".", folder.join("self")).unwrap();
    std::os::unix::fs::symlink("..", folder.join("up")).unwrap();
    let report = db.json(&["import", "--json", &folder.display().to_string()]);
    assert_eq!(report["files"].as_array().unwrap().len(), 1, "{report}");
    let passed: Vec<&str> = (report["skipped_files"].as_array().unwrap().iter())
        .map(|f| f["reason"].as_str().unwrap())
        .collect();
    assert_eq!(passed, ["a link to a folder (not followed)"; 2]);
}

/// An archive of something else in the folder (holiday photos in Downloads) is passed
/// over entry by entry from its first bytes, never read whole: here a photo damaged past
/// its first bytes, which a whole read would fail on, does not stop the import.
#[test]
fn a_folder_passes_over_archives_of_other_files_by_their_first_bytes() {
    let db = Db::new();
    let folder = downloads_with(&db, "linkedin/export-2026.zip");
    let mut photo: Vec<u8> = b"\x89PNG\r\n\x1a\n".to_vec();
    photo.extend((0..200_000u32).map(|i| (i % 251) as u8));
    photo.extend(b"DAMAGED HERE");
    let archive = folder.join("photos.zip");
    stored_zip(&archive, "IMG_0001.png", &photo);
    // One byte changed far past the first bytes: the entry's checksum no longer holds.
    let mut bytes = std::fs::read(&archive).unwrap();
    let at = (bytes.windows(12))
        .position(|w| w == b"DAMAGED HERE")
        .unwrap();
    bytes[at] ^= 0xFF;
    std::fs::write(&archive, bytes).unwrap();

    let report = db.json(&["import", "--json", &folder.display().to_string()]);
    assert_eq!(report["new"], 42);
    let photos: Vec<&serde_json::Value> = (report["skipped_files"].as_array().unwrap().iter())
        .filter(|f| f["name"].as_str().unwrap().contains("photos.zip"))
        .collect();
    assert_eq!(photos.len(), 1, "{report}");
    assert_eq!(photos[0]["reason"], "not a CSV text file");
}

/// A text file of something else in the folder (a dataset in Downloads) is passed over
/// from its first bytes, never read whole: here one without end, written as it is read.
#[cfg(unix)]
#[test]
fn a_folder_passes_over_other_text_files_by_their_first_bytes() {
    use std::io::Write;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let db = Db::new();
    let folder = downloads_with(&db, "linkedin/2026/Connections.csv");
    let dataset = folder.join("dataset.csv");
    make_fifo(&dataset);
    let written = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = written.clone();
    std::thread::spawn(move || {
        let mut pipe = std::fs::File::create(&dataset).unwrap();
        let mut chunk = String::from("id,value,label\n");
        chunk.extend((0..1000).map(|i| format!("{i},{},label-{}\n", i * 7, i % 13)));
        // At most 256 MiB, until the reader closes the pipe.
        while counter.load(Ordering::Relaxed) < 256 << 20
            && pipe.write_all(chunk.as_bytes()).is_ok()
        {
            counter.fetch_add(chunk.len(), Ordering::Relaxed);
        }
    });
    // A reader that opens it twice would wait for ever: it is stopped after 60 s.
    let out = import_json_within_a_minute(&db, &folder);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["new"], 42);
    assert_eq!(
        report["skipped_files"],
        json!([{"name": folder.join("dataset.csv").display().to_string(), "reason": "not a network file"}])
    );
    let read = written.load(Ordering::Relaxed);
    assert!(
        read < 1 << 20,
        "{read} bytes read of a file that is not the network's"
    );
}

/// A named pipe at `path` (`mkfifo`).
#[cfg(unix)]
fn make_fifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", path.display());
}

/// `netcurate import --json PATH` into `db`'s database, killed (and the test failed) if it
/// has not ended within a minute: a pipe read wrongly waits for ever.
#[cfg(unix)]
fn import_json_within_a_minute(db: &Db, path: &std::path::Path) -> std::process::Output {
    let mut import = (db.command(&["import", "--json"]))
        .arg(path)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while import.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            import.kill().unwrap();
            panic!("the import of {} did not end", path.display());
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = import.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    out
}

/// An import names the workbench's key for the week's news once, on the first of its
/// filters: the job changes' when it added no one.
#[test]
fn the_news_key_is_named_on_the_first_filter() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let next = db.changed_fixture(
        "linkedin/2026/Connections.csv",
        "Ada,Abara,https://www.linkedin.com/in/ada-abara-1000,,Los Pollos GmbH,Director of Engineering",
        "Ada,Abara,https://www.linkedin.com/in/ada-abara-1000,,Hooli,VP Engineering",
        "Connections.csv",
    );
    let out = db.ok(&["import", &next]);
    assert!(
        out.contains("connections: 0 new, 0 gone, 1 changed"),
        "{out}"
    );
    let line = (out.lines())
        .find(|l| l.starts_with("the job changes: `"))
        .expect("the job changes' filter");
    assert!(
        line.contains("` (in the workbench: ") && line.ends_with(')'),
        "{line}"
    );
    assert_eq!(out.matches("(in the workbench: ").count(), 1, "{out}");
}

/// `import -` reads the standard input: a CSV piped in, or a whole export archive; the
/// report names it stdin (/dev/stdin, from the folder it is in), and no import folder is remembered for it (`netcurate
/// import` alone then asks for a path).
#[cfg(unix)]
#[test]
fn a_dash_imports_what_is_piped_in() {
    let db = Db::new();
    for (file, said) in [
        (
            "linkedin/2026/Connections.csv",
            "\nstdin: connections — read 42, imported 42",
        ),
        (
            "linkedin/export-2026.zip",
            "\nstdin:Invitations.csv: invitations — read 13, imported 13",
        ),
    ] {
        let bytes = std::fs::read(fixture(file)).unwrap();
        let (code, report, err) = db.run_piping(&["import", "-"], &bytes);
        let report = format!("\n{report}");
        assert!(code == 0 && report.contains(said), "{report}{err}");
    }
    assert_eq!(db.stats()["connections"], 42);
    let (code, _, err) = db.run(&["import"]);
    assert!(code == 1 && err.contains("import needs a PATH"), "{err}");
}

/// A file given by name is opened once: a pipe (`netcurate import <(unzip -p …)` in a
/// shell) is read whole, its first bytes included.
#[cfg(unix)]
#[test]
fn a_pipe_given_by_name_is_read_whole() {
    use std::io::Write;
    let db = Db::new();
    let pipe = db.file("Connections.csv");
    make_fifo(&pipe);
    let bytes = std::fs::read(fixture("demo/Connections.csv")).unwrap();
    assert!(
        bytes.len() > 64 * 1024,
        "longer than any first bytes read apart"
    );
    let writing = pipe.clone();
    std::thread::spawn(move || {
        let _ = std::fs::File::create(&writing).unwrap().write_all(&bytes);
    });
    let out = import_json_within_a_minute(&db, &pipe);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["new"], 2000);
}

/// A dry run reports what the import would do and stores nothing; the real import then
/// does exactly that.
#[test]
fn a_dry_run_reports_the_import_and_stores_nothing() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    let before = (db.stats(), db.ok(&["list", "--json"]));
    let crm = fixture("linkedin/hubspot.csv");
    let text = db.ok(&["import", "--dry-run", &crm]);
    assert!(text.contains("dry run: nothing was stored"), "{text}");
    let preview = db.json(&["import", "--dry-run", "--json", &crm]);
    assert_eq!(
        (db.stats(), db.ok(&["list", "--json"])),
        before,
        "nothing stored"
    );
    let added = preview["contacts_added"].as_u64().unwrap();
    assert!(
        added + preview["contacts_merged"].as_u64().unwrap() > 0,
        "{preview}"
    );
    let done = db.json(&["import", "--json", &crm]);
    for field in [
        "contacts_added",
        "contacts_merged",
        "new",
        "gone",
        "changed",
        "unchanged",
    ] {
        assert_eq!(done[field], preview[field], "{field}");
    }
    let (code, _, err) = db.run(&["--profile", "x.toml", "import", "--dry-run", &crm]);
    assert!(code == 1 && err.contains("dry run"), "{err}");
}

/// An export without URLs (2021–2022) lists two people of one name at one company: two
/// connections, not one listed twice. Imported again they stay two, each matched once;
/// a newer export without one of them marks exactly one gone. A contact list that repeats
/// a name and company still lists one person twice.
#[test]
fn namesakes_at_one_employer_without_urls_are_two_people() {
    let db = Db::new();
    // Writes `text` as file `name` beside the database and imports it: the JSON report.
    let import = |name: &str, text: &str| {
        let file = db.write(name, text);
        db.json(&["import", "--json", &file.display().to_string()])
    };
    let totals = |report: &serde_json::Value, keys: &[&str]| -> Vec<serde_json::Value> {
        keys.iter().map(|k| report[*k].clone()).collect()
    };
    let header = "First Name,Last Name,Email Address,Company,Position,Connected On\n";
    let wei = |position: &str, on: &str| format!("Wei,Zhang,,Globex,{position},{on}\n");
    let (engineer, director) = (
        wei("Engineer", "01 Feb 2023"),
        wei("Sales Director", "05 Jun 2022"),
    );
    let others: String = (0..30)
        .map(|i| format!("P{i},Q{i},,Co{i},Engineer,01 Mar 2024\n"))
        .collect();
    let both = format!("{header}{engineer}{director}{others}");
    let report = import("Connections.csv", &both);
    assert_eq!(report["files"][0]["skipped"], 0);
    assert_eq!(report["new"], 32);
    let weis = || db.json(&["list", "--json", "--filter", "name:\"wei zhang\""]);
    assert_eq!(weis().as_array().unwrap().len(), 2);
    let again = import("Connections.csv", &both);
    let keys = ["new", "unchanged", "gone", "changed"];
    assert_eq!(
        totals(&again, &keys),
        [json!(0), json!(32), json!(0), json!(0)]
    );
    assert_eq!(weis().as_array().unwrap().len(), 2);
    // Listed the other way round, each keeps their own job.
    let swapped = import(
        "swapped.csv",
        &format!("{header}{director}{engineer}{others}"),
    );
    assert_eq!(
        totals(&swapped, &keys),
        [json!(0), json!(32), json!(0), json!(0)]
    );
    let newer = import("newer.csv", &format!("{header}{engineer}{others}"));
    assert_eq!(totals(&newer, &["gone", "new"]), [json!(1), json!(0)]);

    let crm = import(
        "crm.csv",
        "First Name,Last Name,Email,Company Name,Job Title\nAna,Lima,,Initech,CTO\nAna,Lima,,Initech,CTO\n",
    );
    assert_eq!(
        crm["files"][0]["skipped_why"]["same person listed twice"],
        1
    );
}

fn write(dir: &std::path::Path, name: &str, people: &[Person]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, synth::connections_csv(people, Style::Y2026)).unwrap();
    path.display().to_string()
}

/// `n` synthetic people (from `seed`), oldest connection first, written as a Connections
/// file named `name` beside a new database and imported: the database, the people and
/// the file's path.
fn imported_network(
    seed: u64,
    n: usize,
    as_of: NaiveDate,
    name: &str,
) -> (Db, Vec<Person>, String) {
    let mut people = synth::people(seed, n, (100, 50, 300), 0, as_of);
    people.sort_by_key(|p| p.connected_on);
    let db = Db::new();
    let file = write(db.dir.path(), name, &people);
    db.ok(&["import", &file]);
    (db, people, file)
}

/// A Downloads folder holding last month's export and this week's is imported as this
/// week's alone: its removals and job change are recorded (merged with the older one, the
/// older one's rows hid them), and the older export is named as passed over. An export
/// beside its own unzipped copy counts once. Two networks' Connections files both count.
#[test]
fn of_several_exports_in_a_folder_only_the_newest_is_imported() {
    let as_of = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let (db, people, first) = imported_network(11, 120, as_of, "first.csv");
    // Last month's export lacks the 10 newest; this week's lacks 3 removed since, and one
    // person changed jobs.
    let downloads = db.dir.path().join("Downloads");
    for folder in [
        "Basic_LinkedInDataExport_10-01-2026",
        "Basic_LinkedInDataExport_11-20-2026",
    ] {
        std::fs::create_dir_all(downloads.join(folder)).unwrap();
    }
    let older = write(
        &downloads.join("Basic_LinkedInDataExport_10-01-2026"),
        "Connections.csv",
        &people[..110],
    );
    let mut newer: Vec<Person> = people[3..].to_vec();
    newer[0].company = "Brand New Employer".into();
    let newest = downloads.join("Basic_LinkedInDataExport_11-20-2026");
    write(&newest, "Connections.csv", &newer);
    let report = db.json(&["import", "--json", downloads.to_str().unwrap()]);
    assert_eq!(
        (
            report["gone"].clone(),
            report["changed"].clone(),
            report["new"].clone()
        ),
        (json!(3), json!(1), json!(0))
    );
    assert_eq!(
        report["skipped_files"],
        json!([{
            "name": older,
            "reason": format!(
                "another export of the same network; only the newest, {}, is imported",
                newest.display()
            )
        }])
    );

    // Next week, `import` alone reads that folder again.
    let (code, out, err) = db.run(&["import", "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("importing from ")
            && err.ends_with("Downloads/, the folder of the latest import\n"),
        "{err}"
    );
    let again: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(again["skipped_files"], report["skipped_files"]);
    assert_eq!(
        (again["gone"].clone(), again["changed"].clone()),
        (json!(0), json!(0))
    );
    // An unzipped export, named as LinkedIn names it, remembers the folder it is in; a
    // folder named otherwise remembers itself (the one above could be home).
    let other = db.file("linkedin-october");
    std::fs::create_dir(&other).unwrap();
    write(&other, "Connections.csv", &people[..110]);
    for (folder, remembered) in [
        (newest.clone(), "Downloads/"),
        (
            downloads.join("Basic_LinkedInDataExport_10-01-2026"),
            "Downloads/",
        ),
        (other, "linkedin-october/"),
    ] {
        let imported = Db::new();
        imported.ok(&["import", folder.to_str().unwrap()]);
        let (_, _, err) = imported.run(&["import", "--dry-run"]);
        assert!(
            err.ends_with(&format!("{remembered}, the folder of the latest import\n")),
            "{}: {err}",
            folder.display()
        );
    }

    // Before any import it needs a path, and makes no database for nothing.
    let never = Db::new();
    let (code, _, err) = never.run(&["import"]);
    assert_eq!(code, 1);
    assert!(err.contains("import needs a PATH"), "{err}");
    assert!(!never.path.exists(), "no database made");
    // It names the newest export in the downloads folder (of `user-dirs.dirs`, in French
    // here), without importing it.
    let home = never.file("home");
    let downloads = home.join("Téléchargements");
    std::fs::create_dir_all(home.join(".config")).unwrap();
    std::fs::write(
        home.join(".config/user-dirs.dirs"),
        "# written by xdg-user-dirs-update\nXDG_DOWNLOAD_DIR=\"$HOME/Téléchargements\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(downloads.join("Basic_LinkedInDataExport_11-25-2026")).unwrap();
    for name in [
        "Basic_LinkedInDataExport_11-25-2026.zip",
        "Basic_LinkedInDataExport_01-02-2026.zip",
    ] {
        std::fs::copy(fixture("linkedin/export-2026.zip"), downloads.join(name)).unwrap();
    }
    let out = (never.command(&["import"]))
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "; your newest export: `{}`",
            never.command_line("import ~/Téléchargements/Basic_LinkedInDataExport_11-25-2026.zip")
        )),
        "{err}"
    );
    assert!(!never.path.exists(), "no database made");

    // The fixture's export beside its unzipped copy: the same as the export alone.
    let alone = Db::new().json(&["import", "--json", &fixture("linkedin/export-2026.zip")]);
    let both = Db::new();
    let folder = both.dir.path().join("Downloads");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(
        fixture("linkedin/export-2026.zip"),
        folder.join("export-2026.zip"),
    )
    .unwrap();
    for file in ["Connections.csv", "Invitations.csv", "messages.csv"] {
        let unzipped = folder.join("export-2026");
        std::fs::create_dir_all(&unzipped).unwrap();
        std::fs::copy(
            fixture(&format!("linkedin/2026/{file}")),
            unzipped.join(file),
        )
        .unwrap();
    }
    let twice = both.json(&["import", "--json", folder.to_str().unwrap()]);
    for total in [
        "new",
        "hidden",
        "invitations_added",
        "invitations_known",
        "messaged_matched",
    ] {
        assert_eq!(twice[total], alone[total], "{total}");
    }
    // The copy comes first in the folder: the archive's export files are passed over.
    let passed: Vec<&str> = (twice["skipped_files"].as_array().unwrap().iter())
        .filter(|f| f["reason"].as_str().unwrap().starts_with("another export"))
        .map(|f| f["name"].as_str().unwrap().rsplit(':').next().unwrap())
        .collect();
    assert_eq!(
        passed,
        [
            "Connections.csv",
            "Invitations.csv",
            "messages.csv",
            "Positions.csv"
        ]
    );

    // Two people's networks: no names in common, both imported.
    let other = Db::new();
    let theirs = synth::people(12, 50, (100, 50, 300), 0, as_of)
        .into_iter()
        .map(|mut p| {
            p.first = format!("Other{}", p.first);
            p.slug = format!("other-{}", p.slug);
            p
        })
        .collect::<Vec<_>>();
    let theirs = write(other.dir.path(), "theirs.csv", &theirs);
    let report = other.json(&["import", "--json", &first, &theirs]);
    assert_eq!(report["new"], json!(170), "{report}");
}

/// Last month's export, picked by mistake after this week's, would mark every connection
/// made since gone and take back their job changes: it is refused whole, saying why and
/// how to import it anyway. A newer export without a recent connection is not refused.
#[test]
fn an_older_export_is_refused_whole_unless_allowed() {
    let as_of = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let (db, people, newest) = imported_network(7, 200, as_of, "newest.csv");
    // The export made before the 20 newest connections: its newest is the 180th.
    let cut = people[180].connected_on;
    let before: Vec<Person> = (people.iter())
        .filter(|p| p.connected_on < cut)
        .cloned()
        .collect();
    let later = people.len() - before.len();
    let newest_listed = before.last().unwrap().connected_on;
    let older = write(db.dir.path(), "older.csv", &before);
    let (code, out, err) = db.run(&["import", &older]);
    assert_eq!(code, 1, "refused: {out}");
    assert!(
        err.contains(&format!(
            "older.csv: this export looks older than the network already imported: \
             it lists connections made up to {newest_listed}, but it leaves out {later} \
             connections that were made later (the latest on {})",
            people.last().unwrap().connected_on
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "Nothing was imported. If they were removed on LinkedIn since, import it anyway: \
             `{}`",
            db.command_line(&format!("import --allow-gone {older}"))
        )),
        "{err}"
    );
    assert_eq!(db.stats()["gone"], 0, "nothing stored");
    // A dry run says the same; asked for, it is imported.
    assert_eq!(db.run(&["import", "--dry-run", &older]).0, 1);
    let report = db.json(&["import", "--allow-gone", "--json", &older]);
    assert_eq!(report["gone"], json!(later));
    assert_eq!(db.stats()["gone"], json!(later));

    // A Connections file listing a sixth of the network (cut down in a spreadsheet, or a
    // colleague's) is refused too; a third removed from a small network is not.
    let part = write(db.dir.path(), "part.csv", &people[170..]);
    let (code, _, err) = db.run(&["import", &part]);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "part.csv: it leaves out 170 of the network's 200 connections (85%, your removal \
             plan aside): it looks like part of an export, or another person's network; \
             importing it would mark them gone. Nothing was imported."
        ),
        "{err}"
    );
    let small = Db::new();
    let thirty = write(small.dir.path(), "thirty.csv", &people[170..]);
    small.ok(&["import", &thirty]);
    let kept = write(small.dir.path(), "kept.csv", &people[181..]);
    assert_eq!(small.json(&["import", "--json", &kept])["gone"], json!(11));

    // The newest connections, triaged and pruned, then removed on LinkedIn: the next
    // export lacks them, as planned.
    let pruned = Db::new();
    pruned.ok(&["import", &newest]);
    let since = people[190].connected_on;
    pruned.ok(&[
        "decide",
        "prune",
        "--filter",
        &format!("connected:>={since}"),
    ]);
    let kept: Vec<Person> = (people.iter())
        .filter(|p| p.connected_on < since)
        .cloned()
        .collect();
    let removed = people.len() - kept.len();
    let after = write(pruned.dir.path(), "after.csv", &kept);
    let report = pruned.json(&["import", "--json", &after]);
    assert_eq!(
        (report["gone"].clone(), report["gone_planned"].clone()),
        (json!(removed), json!(removed))
    );

    // The newest connection removed on LinkedIn outside the plan, and none made since:
    // the export's date, in LinkedIn's archive name, says the export is not older.
    let removed = Db::new();
    removed.ok(&["import", &newest]);
    let last = people.last().unwrap().connected_on;
    let export = removed.file(&format!(
        "Basic_LinkedInDataExport_{}",
        (last + chrono::Duration::days(2)).format("%m-%d-%Y")
    ));
    std::fs::create_dir(&export).unwrap();
    let lacking = write(&export, "Connections.csv", &people[..people.len() - 1]);
    let undated = write(
        removed.dir.path(),
        "undated.csv",
        &people[..people.len() - 1],
    );
    assert_eq!(
        removed.run(&["import", &undated]).0,
        1,
        "without a date: refused"
    );
    let report = removed.json(&["import", "--json", &lacking]);
    assert_eq!(report["gone"], json!(1));

    // This week's export, where the newest connection was removed since but newer ones
    // were made: an ordinary import.
    let other = Db::new();
    other.ok(&["import", &newest]);
    let mut next: Vec<Person> = people[..people.len() - 1].to_vec();
    let mut made = synth::people(8, 1, (100, 50, 300), 0, as_of).remove(0);
    made.slug = format!("new-{}", made.slug);
    made.connected_on = people.last().unwrap().connected_on + chrono::Duration::days(1);
    next.push(made);
    let next = write(other.dir.path(), "next.csv", &next);
    let report = other.json(&["import", "--json", &next]);
    assert_eq!(
        (report["new"].clone(), report["gone"].clone()),
        (json!(1), json!(1))
    );
}

/// With a profile, an import says how many of its new connections are in the audience:
/// those of them scoring at or above the profile's threshold; without one it does not.
#[test]
fn the_report_counts_the_new_connections_in_the_audience() {
    let as_of = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let first = synth::people(5, 300, (100, 50, 300), 0, as_of);
    let db = Db::new();
    let old = write(db.dir.path(), "old.csv", &first);
    let report = db.json(&["import", "--json", &old]);
    assert!(report.get("new_in_audience").is_none(), "no profile yet");
    db.ok(&["score", "--profile", &fixture("demo/profile.toml")]);
    let mut next = first.clone();
    let new = synth::people(99, 40, (100, 50, 300), 0, as_of).into_iter();
    next.extend(new.enumerate().map(|(k, mut p)| {
        p.slug = format!("new-{}", p.slug);
        // A few with the profile's first target title.
        if k % 8 == 0 {
            p.position = "VP Engineering".into();
        }
        p
    }));
    let next = write(db.dir.path(), "next.csv", &next);
    let text = db.ok(&["import", "--dry-run", &next]);
    let report = db.json(&["import", "--json", &next]);
    let in_audience = db.json(&["list", "--json", "--filter", "url:in/new- score:>=60"]);
    let count = in_audience.as_array().map_or(0, Vec::len);
    assert!(count > 0 && count < 40, "some, not all: {count}");
    assert_eq!(
        report["new_in_audience"],
        json!({"threshold": 60.0, "count": count})
    );
    assert!(
        text.contains(&format!(
            "\nof the 40 new connections, {count} are in your audience (a score of 60 or more)\n"
        )),
        "the dry run says it too: {text}"
    );
}

#[test]
fn newer_export_reports_new_gone_changed_and_keeps_tags() {
    let as_of = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let first = synth::people(5, 300, (100, 50, 300), 0, as_of);
    let db = Db::new();
    let old = write(db.dir.path(), "old.csv", &first);
    db.ok(&["import", &old]);
    // Tag one contact that will disappear and one that stays.
    let (gone_slug, kept_slug) = (&first[0].slug, &first[299].slug);
    db.ok(&["tag", "add", "vip", "--filter", &format!("url:{gone_slug}")]);
    db.ok(&["tag", "add", "vip", "--filter", &format!("url:{kept_slug}")]);
    db.ok(&["decide", "prune", "--filter", &format!("url:{gone_slug}")]);
    let stays = &first[100].slug;
    db.ok(&["decide", "prune", "--filter", &format!("url:{stays}")]);
    // A month later: the first 20 gone, 30 new, 5 changed company and position.
    let mut next: Vec<Person> = first[20..].to_vec();
    for p in next.iter_mut().take(5) {
        p.company = "Brand New Employer".into();
        p.position = "Chief Happiness Officer".into();
    }
    // 3 more re-typed their title in capitals, and their company with no-break spaces
    // and a soft hyphen: the same job (its text updated), not a job change.
    for p in next.iter_mut().skip(5).take(3) {
        p.position = p.position.to_uppercase();
        p.company = p.company.replace(' ', "\u{a0}") + "\u{ad}";
    }
    next.extend(
        synth::people(99, 30, (100, 50, 300), 0, as_of)
            .into_iter()
            .enumerate()
            .map(|(k, mut p)| {
                p.slug = format!("new-{}", p.slug);
                // Connected since the first export, as new connections are.
                p.connected_on = as_of + chrono::Duration::days(3 + k as i64 % 20);
                p
            }),
    );
    let newer = write(db.dir.path(), "new.csv", &next);
    let text = db.ok(&["import", &newer]);
    let since = (as_of + chrono::Duration::days(3)).to_string();
    assert!(
        text.contains(&format!("list --filter 'added:>={AS_OF}'")),
        "the day this import added them: {text}"
    );
    // The export confirms what the user did of the removal plan, and what is left.
    assert!(
        text.contains("\nremoval plan: 1 done (gone in this export), 1 still connected\n"),
        "{text}"
    );
    // The job changes it recorded, as a filter (the import's day, --as-of here).
    assert!(
        text.contains(&format!(
            "the job changes: `{}`\n",
            db.command_line(&format!("list --filter 'changed:>={AS_OF}'"))
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "the connections gone: `{}`\n",
            db.command_line(&format!("list --filter 'gone:>={AS_OF}'"))
        )),
        "{text}"
    );
    // The plan exported now lists the one still to remove, not the one removed.
    let plan = db.ok(&["export", "-o", "-", "--kind", "removal-plan"]);
    assert_eq!(plan.lines().count(), 2, "a header and one contact:\n{plan}");
    // The command as printed, pasted into a shell (the filter's '>' must not redirect).
    let command = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("the new connections: `netcurate "))
        .and_then(|line| line.split_once("` (in the workbench: "))
        .map(|(command, _)| command)
        .expect("the command, and the workbench's key for them");
    assert!(
        command.starts_with(&format!("--db {} list", db.path.display())),
        "names the database it was not told by default: {command}"
    );
    let pasted = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("\"$0\" {command} --json"))
        .arg(env!("CARGO_BIN_EXE_netcurate"))
        .current_dir(db.dir.path())
        .output()
        .expect("sh");
    let listed: serde_json::Value = serde_json::from_slice(&pasted.stdout).expect("JSON");
    assert_eq!(listed.as_array().unwrap().len(), 30, "exactly the new ones");
    assert!(
        (listed.as_array().unwrap().iter()).all(|c| c["added_on"] == AS_OF),
        "{listed}"
    );
    // Counted back from today (--as-of): the same 30 within the last week.
    let this_week = db.json(&["list", "--filter", "added:>=7d", "--json"]);
    assert_eq!(this_week, listed);
    // The same two exports into a database of their own, for the report.
    let other = Db::new();
    other.ok(&["import", &old]);
    assert_eq!(
        other
            .ok(&["list", "--filter", "added:>=2000", "--json"])
            .trim(),
        "[]",
        "a first import's connections are the network, not news"
    );
    let report = other.json(&["import", "--json", &newer]);
    assert_eq!(report["new_since"], since);
    assert_eq!(report["added_on"], AS_OF);
    assert_eq!(
        (
            report["new"].clone(),
            report["gone"].clone(),
            report["changed"].clone()
        ),
        (json!(30), json!(20), json!(5))
    );
    assert_eq!(report["unchanged"], 275);
    let retyped = other.json(&[
        "list",
        "--json",
        "--filter",
        &format!("url:{}", next[5].slug),
    ]);
    assert_eq!(retyped[0]["position"], next[5].position.as_str());
    assert_eq!(retyped[0]["previous_position"], "");
    assert_eq!(
        (
            report["gone_planned"].clone(),
            report["planned_left"].clone()
        ),
        (json!(0), json!(0)),
        "nothing was planned in that database"
    );
    let st = db.stats();
    assert_eq!(st["gone"], 20);
    assert_eq!(st["connections"], 310);
    assert_eq!(
        (
            st["flags"]["gone"].clone(),
            st["flags"]["job-change"].clone()
        ),
        (json!(20), json!(5))
    );
    let text = db.ok(&["stats"]);
    assert!(
        text.contains(&format!(
            "\nnew connections: 30, added by the import of {AS_OF} (`added:{AS_OF}`)\n"
        )),
        "the latest import's new connections: {text}"
    );
    let flags = text
        .lines()
        .find(|l| l.starts_with("flags: "))
        .expect("a flags line");
    assert!(
        flags.contains("gone 20") && flags.contains("job-change 5"),
        "{flags}"
    );
    assert!(
        !flags.contains("duplicate"),
        "flags no contact has are left out: {flags}"
    );
    assert_eq!(st["tags"]["vip"], 2, "tags survive, on gone contacts too");
    assert_eq!(
        st["removal_plan_done"], 1,
        "a planned prune that is gone counts as done"
    );
    let jobs = db.json(&["list", "--filter", "flag:job-change", "--json"]);
    assert_eq!(jobs.as_array().unwrap().len(), 5);
    // In JSON, the flags by name (they were a bit set's number).
    assert!(
        jobs.as_array().unwrap().iter().all(|c| c["flags"]
            .as_array()
            .unwrap()
            .contains(&json!("job-change"))),
        "{jobs}"
    );
    let since = db.json(&["list", "--filter", &format!("changed:>={AS_OF}"), "--json"]);
    assert_eq!(
        since, jobs,
        "the job changes of the import are those flagged"
    );
    let before = db.json(&["list", "--filter", &format!("changed:<{AS_OF}"), "--json"]);
    assert_eq!(before.as_array().unwrap().len(), 0);
    let moved = &jobs[0];
    let explained = db.ok(&["explain", &moved["id"].to_string()]);
    assert!(
        explained.contains(&format!(
            "job change recorded {AS_OF}: was {} at {}",
            moved["previous_position"].as_str().unwrap(),
            moved["previous_company"].as_str().unwrap()
        )),
        "{explained}"
    );
    // A list to act on: the job changes with what each was before, as CSV.
    let moves = db.ok(&[
        "export",
        "-o",
        "-",
        "--filter",
        "flag:job-change",
        "--columns",
        "URL,Previous Company,Company,job_changed_on,Flags,Gone On",
    ]);
    let mut reader = csv::Reader::from_reader(moves.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "URL",
            "Previous Company",
            "Company",
            "Job Changed On",
            "Flags",
            "Gone On"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 5);
    for (row, person) in rows.iter().zip(&first[20..25]) {
        assert_eq!(
            (&row[1], &row[2], &row[3], &row[5]),
            (person.company.as_str(), "Brand New Employer", AS_OF, ""),
            "{row:?}"
        );
        assert!(row[4].split(';').any(|f| f == "job-change"), "{row:?}");
    }
    // Without --columns, a list of job changes says where each was before and when; of
    // gone connections, the day; filtered otherwise, the usual columns.
    let headers = |filter: &str| {
        let out = db.ok(&["export", "-o", "-", "--filter", filter]);
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        headers[11..].to_vec()
    };
    let previous = ["Previous Company", "Previous Position", "Job Changed On"];
    assert_eq!(headers(&format!("changed:>={AS_OF}")), previous);
    assert_eq!(headers("flag:job-change company:employer"), previous);
    assert_eq!(headers("flag:gone"), ["Gone On"]);
    assert_eq!(
        headers(&format!("gone:>={AS_OF} -flag:job-change")),
        ["Gone On"]
    );
    assert!(headers("company:employer -flag:job-change").is_empty());
    // Listed, the job changes say what each was before, in the seniority column's place.
    let listed = db.ok(&["list", "--filter", &format!("changed:>={AS_OF}")]);
    let header = listed.lines().next().unwrap();
    assert!(
        header.contains("  was  ") && !header.contains("seniority"),
        "{header}"
    );
    for person in &first[20..25] {
        let line = (listed.lines())
            .find(|l| l.contains(&format!("{} {}", person.first, person.last)))
            .unwrap_or_else(|| panic!("{} listed: {listed}", person.first));
        let was = format!("{} · {}", person.position, person.company);
        let cut = was.chars().take(20).collect::<String>();
        assert!(
            line.contains("Brand New Employer") && line.contains(&cut),
            "{line}"
        );
    }
    let everyone = db.ok(&["list", "--filter", "company:employer"]);
    assert!(
        !everyone.lines().next().unwrap().contains("was"),
        "{everyone}"
    );
    let gone = db.json(&["list", "--filter", "flag:gone", "--json"]);
    assert_eq!(gone.as_array().unwrap().len(), 20);
    let gone_csv = db.ok(&[
        "export",
        "-o",
        "-",
        "--filter",
        "flag:gone",
        "--columns",
        "Gone On",
    ]);
    assert_eq!(
        gone_csv,
        format!("Gone On\n{}", format!("{AS_OF}\n").repeat(20))
    );
    // The filter the import named for the connections it found gone lists the same 20,
    // and with -decision:prune those the user did not remove (one was planned).
    let since_gone = db.json(&["list", "--filter", &format!("gone:>={AS_OF}"), "--json"]);
    assert_eq!(since_gone, gone, "the import's gone are those flagged");
    let left_us = db.json(&[
        "list",
        "--filter",
        &format!("gone:{AS_OF} -decision:prune"),
        "--json",
    ]);
    assert_eq!(left_us.as_array().unwrap().len(), 19);
    // In the list, a gone connection's decision column says gone (done: a planned removal).
    let listed = db.ok(&[
        "list",
        "--filter",
        &format!("gone:{AS_OF}"),
        "--sort",
        "decision",
    ]);
    let header = listed.lines().next().unwrap();
    let column = header.find("decision").unwrap();
    let rows = listed.lines().skip(1).take(listed.lines().count() - 2);
    let decisions: Vec<String> = rows
        .map(|l| l.chars().skip(column).take_while(|c| *c != ' ').collect())
        .collect();
    let done = decisions.iter().filter(|d| *d == "done").count();
    assert_eq!((done, decisions.len() - done), (1, 19), "{listed}");
    let explained = db.ok(&["explain", &gone[0]["id"].to_string()]);
    assert!(
        explained.contains(&format!(
            "gone since {AS_OF}: the export imported then no longer lists them"
        )),
        "{explained}"
    );
    // The month after, the 20 are back with their old dates and 2 are new: counted
    // apart, so that the new connections' filter lists the 2 alone, not years of others.
    let mut third = next.clone();
    third.extend(first[..20].iter().cloned());
    let since = as_of + chrono::Duration::days(40);
    third.extend(
        synth::people(77, 2, (100, 50, 300), 0, as_of)
            .into_iter()
            .map(|mut p| {
                p.slug = format!("newer-{}", p.slug);
                p.connected_on = since;
                p
            }),
    );
    let path = write(db.dir.path(), "third.csv", &third);
    // Imported a month after the others.
    let imported = std::process::Command::new(env!("CARGO_BIN_EXE_netcurate"))
        .args(["--as-of", "2026-12-01", "--db"])
        .arg(&db.path)
        .args(["import", &path])
        .output()
        .expect("import");
    let text = String::from_utf8_lossy(&imported.stdout);
    assert!(
        text.contains("connections: 2 new, 20 back after being gone, 0 gone,"),
        "{text}"
    );
    assert!(
        text.contains("--filter 'added:>=2026-12-01'` (in the workbench: "),
        "{text}"
    );
    let listed = db.json(&["list", "--filter", "added:>=2026-12-01", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 2, "the new ones alone");
    let slugs = (listed.as_array().unwrap().iter())
        .map(|c| c["url"].as_str().unwrap_or_default())
        .filter(|url| url.contains("/newer-"))
        .count();
    assert_eq!(slugs, 2, "{listed}");
    assert_eq!(db.stats()["gone"], 0);
}

#[test]
fn reimporting_a_netcurate_export_of_a_segment_marks_nobody_gone() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026")]);
    let segment = db.file("segment.csv");
    db.ok(&[
        "export",
        "-o",
        &segment.display().to_string(),
        "--filter",
        "company:hooli",
    ]);
    let report = db.json(&["import", "--json", &segment.display().to_string()]);
    assert_eq!(
        report["gone"], 0,
        "an exported list is not the whole network"
    );
    assert_eq!(db.stats()["gone"], 0);
    // Saved in the folder of next week's export, it stays out of that import (its tags,
    // taken off since, would come back); named, it is read.
    let downloads = db.file("Downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    std::fs::write(
        downloads.join("segment.csv"),
        std::fs::read(&segment).unwrap(),
    )
    .unwrap();
    db.ok(&["tag", "add", "hooli", "--filter", "company:hooli"]);
    let hooli = db.stats()["tags"]["hooli"].clone();
    assert_ne!(hooli, json!(null));
    let tagged = db.file("tagged.csv").display().to_string();
    db.ok(&["export", "-o", &tagged, "--tag", "hooli"]);
    std::fs::copy(&tagged, downloads.join("tagged.csv")).unwrap();
    db.ok(&["tag", "remove", "hooli", "--filter", "company:hooli"]);
    std::fs::copy(
        fixture("linkedin/2026/Connections.csv"),
        downloads.join("Connections.csv"),
    )
    .unwrap();
    let report = db.json(&["import", "--json", downloads.to_str().unwrap()]);
    let passed: Vec<String> = (report["skipped_files"].as_array().unwrap().iter())
        .map(|f| {
            format!(
                "{} {}",
                f["name"].as_str().unwrap(),
                f["reason"].as_str().unwrap()
            )
        })
        .collect();
    let why = "a contact list, not a LinkedIn export file: name it to import it";
    assert_eq!(
        passed,
        [
            format!("{} {why}", downloads.join("segment.csv").display()),
            format!("{} {why}", downloads.join("tagged.csv").display()),
        ]
    );
    assert_eq!(db.stats()["tags"], json!({}), "the tag taken off stays off");
    db.ok(&["import", &tagged]);
    assert_eq!(
        db.stats()["tags"]["hooli"],
        hooli,
        "named, its tags are read"
    );
}

/// Invitations.csv rows from the owner ("Sam Owner") to `(name, slug, sent M/D/YY)`, or
/// from them when `incoming`.
fn invitations_csv(rows: &[(&str, &str, &str, bool)]) -> String {
    let me = "https://www.linkedin.com/in/sam-owner";
    let mut csv =
        String::from("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
    for (name, slug, sent, incoming) in rows {
        let them = format!("https://www.linkedin.com/in/{slug}");
        let line = match incoming {
            false => format!("Sam Owner,{name},\"{sent}, 9:00 AM\",,OUTGOING,{me},{them}\n"),
            true => format!("{name},Sam Owner,\"{sent}, 9:00 AM\",,INCOMING,{them},{me}\n"),
        };
        csv.push_str(&line);
    }
    csv
}

/// The next export confirms the withdrawal plan: invitations it leaves out, though sent
/// within the dates it covers, are gone — the planned ones are withdrawals done — and no
/// longer count as pending, stale, in the plan or in the pillars; an invitation sent
/// before those dates stays as it was; listed again, a gone invitation is back.
#[test]
fn a_newer_invitations_export_confirms_the_withdrawal_plan() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let a = ("Ada Early", "ada-early", "6/1/26", false);
    let b = ("Ben Planned", "ben-planned", "7/1/26", false);
    let c = ("Cy Planned", "cy-planned", "7/15/26", false);
    let d = ("Dee Unplanned", "dee-unplanned", "9/10/26", false);
    let e = ("Eve Incoming", "eve-incoming", "8/10/26", true);
    let f = ("Fay Pending", "fay-pending", "9/20/26", false);
    let h = ("Hal New", "hal-new", "6/20/26", false);
    let first = db.write("first.csv", invitations_csv(&[a, b, c, d, e, f]));
    db.ok(&["import", first.to_str().unwrap()]);
    let marked = db.ok(&["invitations", "withdraw", "--stale", "--days", "80"]);
    assert!(marked.starts_with("marked 3 invitations"), "{marked}");
    let before = db.json(&["pillars", "--json"])["features"]["before"].clone();

    let newer = db.write("newer.csv", invitations_csv(&[h, c, f]));
    let report = db.json(&["import", "--json", newer.to_str().unwrap()]);
    assert_eq!(
        [
            "invitations_added",
            "invitations_known",
            "invitations_gone",
            "withdrawals_done",
            "withdrawals_left"
        ]
        .map(|k| report[k].as_u64().unwrap()),
        [1, 2, 3, 1, 1],
        "{report:#}"
    );
    let status = |db: &Db, name: &str| {
        let all = db.json(&["invitations", "--json"]);
        let row = (all.as_array().unwrap().iter())
            .find(|i| i["name"] == name)
            .cloned()
            .unwrap();
        row["status"].as_str().unwrap().to_string()
    };
    for (who, want) in [
        (a.0, "pending"),
        (b.0, "gone"),
        (c.0, "pending"),
        (d.0, "gone"),
        (e.0, "gone"),
        (f.0, "pending"),
        (h.0, "pending"),
    ] {
        assert_eq!(status(&db, who), want, "{who}");
    }
    let st = &db.stats()["invitations"];
    assert_eq!(
        [
            "outgoing_pending",
            "outgoing_gone",
            "outgoing_withdraw_planned"
        ]
        .map(|k| st[k].as_u64().unwrap()),
        [4, 2, 2]
    );
    let plan = db.ok(&["export", "-o", "-", "--kind", "withdrawal-plan"]);
    let planned: Vec<&str> = plan.lines().skip(1).collect();
    assert!(
        planned.len() == 2 && planned[0].starts_with(a.0) && planned[1].starts_with(c.0),
        "{plan}"
    );
    let after = db.json(&["pillars", "--json"])["features"]["before"].clone();
    assert_eq!(before["pending"], 5);
    assert_eq!(after["pending"], 4, "the withdrawn left, the new one came");
    let text = db.ok(&["import", first.to_str().unwrap()]);
    assert!(
        text.contains("withdrawal plan: 0 done (gone from this export), 3 still in it"),
        "{text}"
    );
    assert!(
        text.contains("invitations: 0 new, 6 already known (3 back after being gone), 1 gone"),
        "{text}"
    );
    assert_eq!(status(&db, b.0), "pending", "listed again");
}

/// The export's Positions.csv names the owner's employers: `profile init` drafts the
/// current one as `my_companies` (and not as a target account), an import with a profile
/// that lacks it says so, and the rows without a company are skipped with the reason.
#[test]
fn positions_csv_drafts_my_companies() {
    let db = Db::new();
    let report = db.json(&["import", "--json", &fixture("linkedin/export-2026.zip")]);
    assert_eq!(
        report["employers"],
        json!({"current": ["Initech"], "past": ["Hooli"]})
    );
    let files = report["files"].as_array().unwrap();
    let positions = files.iter().find(|f| f["kind"] == "positions").unwrap();
    assert_eq!(
        (
            positions["rows_read"].clone(),
            positions["skipped_why"].clone()
        ),
        (json!(3), json!({"no company": 1}))
    );
    let stats = db.ok(&["stats"]);
    assert!(
        stats.contains("\nyour employers (from Positions.csv): Initech; earlier: Hooli\n"),
        "{stats}"
    );
    let draft = db.ok(&["profile", "init", "-o", "-"]);
    assert!(
        draft.contains("\nmy_companies = [\"Initech\"]\n"),
        "{draft}"
    );
    assert!(draft.contains("Earlier employers"), "{draft}");
    let targets = (draft.lines())
        .find(|l| l.starts_with("target = [") && !l.contains("Head"))
        .unwrap_or_default();
    assert!(!targets.contains("Initech"), "{targets}\n{draft}");
    let path = db.write("draft.toml", &draft);
    db.ok(&["--profile", path.to_str().unwrap(), "score"]);
    assert!(db.stats()["flags"]["colleague"].as_u64().unwrap() > 0);

    // A stored profile without the current employer: the import says so.
    let other = Db::new();
    let demo = fixture("demo/profile.toml");
    let text = other.ok(&[
        "--profile",
        &demo,
        "import",
        &fixture("linkedin/export-2026.zip"),
    ]);
    assert!(
        text.contains(
            "your employers (Positions.csv): Initech; not in your profile's my_companies: Initech"
        ),
        "{text}"
    );
}

/// A CRM file whose header repeats a column it is read from (the contact's and the
/// account's "Name") is read from the first, and the report says so, naming the columns;
/// a header given to `--map` that the file repeats is read from its first too.
#[test]
fn a_repeated_header_is_read_from_its_first_column_and_said() {
    let db = Db::new();
    let crm = db.write("crm.csv", "Name,Title,Email,Name,Org,Org\nMila Novak,Head of Sales,mila@example.org,Initech,Initech,Initrode\n");
    let report = db.json(&[
        "import",
        "--json",
        "--map",
        "company=Org",
        crm.to_str().unwrap(),
    ]);
    let warnings = &report["files"][0]["warnings"];
    assert_eq!(
        warnings,
        &serde_json::json!([
            "the header names 'Name' twice (columns 1 and 4): the first is read; to read another, rename it",
            "the header names 'Org' twice (columns 5 and 6): the first is read; to read another, rename it",
        ]),
        "{report}"
    );
    let list = db.json(&["list", "--json"]);
    assert_eq!(list[0]["first_name"], "Mila");
    assert_eq!(list[0]["company"], "Initech");
    // A LinkedIn export, whose header never repeats, has no such warning.
    let report = db.json(&[
        "import",
        "--json",
        &fixture("linkedin/2026/Connections.csv"),
    ]);
    assert_eq!(report["files"][0]["warnings"], serde_json::json!([]));
}

/// A CRM row names a connection as a keyboard without accents types it ("Zoe Odegard" at
/// her company): it is merged into the connection the export spells "Zoë Ødegård", not
/// added beside her as a second person.
#[test]
fn a_name_typed_without_accents_merges_into_its_connection() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let before = db.stats()["other_contacts"].clone();
    let zoe = db.json(&["list", "--json", "--filter", "name:Ødegård"]);
    let company = zoe[0]["company"].as_str().expect("a company").to_string();
    let crm = db.write(
        "crm.csv",
        format!("First Name,Last Name,Email,Company\nZoe,Odegard,zoe@example.org,{company}\n"),
    );
    let report = db.json(&["import", "--json", crm.to_str().unwrap()]);
    assert_eq!(
        (&report["contacts_merged"], &report["contacts_added"]),
        (&serde_json::json!(1), &serde_json::json!(0)),
        "{report}"
    );
    assert_eq!(db.stats()["other_contacts"], before);
    let zoe = db.json(&["list", "--json", "--filter", "name:odegard"]);
    assert_eq!(zoe.as_array().map(Vec::len), Some(1), "{zoe}");
    assert_eq!(zoe[0]["email"], "zoe@example.org");
}

/// A CRM typed without umlauts and rings spells them out ("Bjoern Halvorsen",
/// "Soeren Okafor"): its rows are merged into the connections Björn and Søren, and
/// messages from them are theirs; rows spelt plainly ("Bjorn") still merge too.
#[test]
fn a_name_with_its_umlauts_spelt_out_merges_into_its_connection() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let before = db.stats()["other_contacts"].clone();
    let crm = db.write(
        "crm.csv",
        "First Name,Last Name,Email,Company\n\
         Bjoern,Halvorsen,bjorn@example.org,Initech\n\
         Soeren,Okafor,soren@example.org,Sterling Cooper\n\
         Joel,Okafor,joel@example.org,Sterling Cooper\n",
    );
    let report = db.json(&["import", "--json", crm.to_str().unwrap()]);
    assert_eq!(
        (&report["contacts_merged"], &report["contacts_added"]),
        (&serde_json::json!(2), &serde_json::json!(1)),
        "Björn and Søren merged; Joel, whose name has no umlaut, is someone else: {report}"
    );
    assert_eq!(
        db.stats()["other_contacts"],
        serde_json::json!(before.as_u64().unwrap() + 1)
    );
    for (filter, email) in [
        ("name:björn", "bjorn@example.org"),
        ("name:soeren", "soren@example.org"),
    ] {
        let found = db.json(&["list", "--json", "--filter", filter]);
        assert_eq!(found.as_array().map(Vec::len), Some(1), "{filter}: {found}");
        assert_eq!(found[0]["email"], email, "{filter}");
    }
}

/// The other way round: a connection whose name is spelt out on LinkedIn ("Juergen
/// Mueller") takes a CRM row that writes the umlauts ("Jürgen Müller", at "Müller GmbH"
/// for "Mueller GmbH"), while a row written plainly ("Jurgen Muller") is not his: only
/// the umlauts say "ue".
#[test]
fn a_name_with_umlauts_merges_into_its_connection_spelt_out() {
    let db = Db::new();
    let connections = db.write(
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On
         Juergen,Mueller,https://www.linkedin.com/in/juergen-mueller,,Mueller GmbH,CTO,01 Mar 2024
",
    );
    db.ok(&["import", connections.to_str().unwrap()]);
    let crm = db.write(
        "crm.csv",
        "First Name,Last Name,Email,Company
         Jürgen,Müller,jm@example.org,Müller GmbH
         Jurgen,Muller,other@example.org,Mueller GmbH
",
    );
    let report = db.json(&["import", "--json", crm.to_str().unwrap()]);
    assert_eq!(
        (&report["contacts_merged"], &report["contacts_added"]),
        (&serde_json::json!(1), &serde_json::json!(1)),
        "{report}"
    );
    let found = db.json(&["list", "--json", "--filter", "email:jm@"]);
    assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
    assert_eq!(found[0]["first_name"], "Juergen", "{found}");
}

/// Messages whose participants have no profile URL are matched by name, as names are
/// compared everywhere: accents folded ("Zoë Ødegård") and umlauts typed spelt out
/// ("Bjoern Halvorsen" for Björn). The accented name found no one: it was compared
/// lower-cased against names folded.
#[test]
fn messages_without_urls_find_their_people_by_folded_names() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let messages = db.file("messages.csv");
    let head = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT";
    let row = |id: &str, from: &str, to: &str, at: &str| {
        format!("{id},,{from},,{to},,{at} UTC,,Hello,INBOX,,No,No")
    };
    let rows = [
        row("c1", "Sam Owner", "Zoë Ødegård", "2026-10-01 10:00:00"),
        row("c1", "Zoë Ødegård", "Sam Owner", "2026-10-02 10:00:00"),
        row("c2", "Sam Owner", "Bjoern Halvorsen", "2026-10-03 10:00:00"),
        row("c2", "Bjoern Halvorsen", "Sam Owner", "2026-10-04 10:00:00"),
        row("c3", "Sam Owner", "Nobody Known", "2026-10-05 10:00:00"),
    ];
    std::fs::write(&messages, format!("{head}\n{}\n", rows.join("\n"))).unwrap();
    let report = db.json(&["import", "--json", messages.to_str().unwrap()]);
    assert_eq!(
        (&report["messaged_matched"], &report["messaged_unmatched"]),
        (&serde_json::json!(2), &serde_json::json!(1)),
        "{report}"
    );
    let mut names = db.names(&["--filter", "flag:messaged"]);
    names.sort();
    assert_eq!(names, ["Björn Halvorsen", "Zoë Ødegård"]);
}

/// A message from a name with umlauts ("Jürgen Müller", messages.csv without profile
/// URLs) is the contact's a CRM list spells out ("Juergen Mueller") when no one has the
/// name as written: the spelt-out name found the umlauts, not the other way round.
#[test]
fn a_message_with_umlauts_finds_its_contact_spelt_out() {
    let db = Db::new();
    let crm = db.write(
        "crm.csv",
        "First Name,Last Name,Email,Company\nJuergen,Mueller,jm@example.org,Initech\n",
    );
    db.ok(&["import", crm.to_str().unwrap()]);
    let messages = db.file("messages.csv");
    let head = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER";
    let rows = [
        "c1,,Sam Owner,,Jürgen Müller,,2026-10-01 10:00:00 UTC,,Hello,INBOX",
        "c1,,Jürgen Müller,,Sam Owner,,2026-10-02 10:00:00 UTC,,Hi,INBOX",
        "c2,,Sam Owner,,Nobody Known,,2026-10-03 10:00:00 UTC,,Hello,INBOX",
    ];
    std::fs::write(&messages, format!("{head}\n{}\n", rows.join("\n"))).unwrap();
    let report = db.json(&["import", "--json", messages.to_str().unwrap()]);
    assert_eq!(
        (&report["messaged_matched"], &report["messaged_unmatched"]),
        (&serde_json::json!(1), &serde_json::json!(1)),
        "{report}"
    );
    assert_eq!(
        db.names(&["--filter", "flag:messaged"]),
        ["Juergen Mueller"]
    );
}

/// With a single conversation in messages.csv both its people are in every conversation:
/// the owner is the one the invitations name (the inviter of an outgoing one), from the
/// same import or an earlier one. By the count alone the tie went by name order, and the
/// owner's connection was taken for the owner ("Ada Zeta" before "Zed Owner").
#[test]
fn the_owner_of_a_single_conversation_is_who_the_invitations_name() {
    let at = |tag: &str| format!("https://www.linkedin.com/in/{tag}");
    let write = |db: &Db, name: &str, text: String| {
        let path = db.write(name, text);
        path.to_str().unwrap().to_string()
    };
    let files = |db: &Db| {
        let connections = write(
            db,
            "Connections.csv",
            format!(
                "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
                 Ada,Zeta,{},,Initech,CTO,01 Mar 2024\n",
                at("ada-zeta")
            ),
        );
        let invitations = write(
            db,
            "Invitations.csv",
            format!(
                "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n\
                 Zed Owner,Bo Li,\"10/20/26, 3:45 PM\",,OUTGOING,{},{}\n",
                at("zed-owner"),
                at("bo-li")
            ),
        );
        let head = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER";
        let (zed, ada) = (at("zed-owner"), at("ada-zeta"));
        let messages = write(
            db,
            "messages.csv",
            format!(
                "{head}\n\
                 c1,,Zed Owner,{zed},Ada Zeta,{ada},2026-10-01 10:00:00 UTC,,Hi,INBOX\n\
                 c1,,Ada Zeta,{ada},Zed Owner,{zed},2026-10-02 10:00:00 UTC,,Hello,INBOX\n"
            ),
        );
        (connections, invitations, messages)
    };
    // All in one import, and the messages a week after the invitations.
    let together = Db::new();
    let (connections, invitations, messages) = files(&together);
    let report = together.json(&["import", "--json", &connections, &invitations, &messages]);
    let later = Db::new();
    let (connections, invitations, messages) = files(&later);
    later.ok(&["import", &connections, &invitations]);
    let next = later.json(&["import", "--json", &messages]);
    for (db, report) in [(&together, report), (&later, next)] {
        assert_eq!(
            (&report["messaged_matched"], &report["messaged_unmatched"]),
            (&serde_json::json!(1), &serde_json::json!(0)),
            "{report}"
        );
        assert_eq!(db.names(&["--filter", "flag:messaged"]), ["Ada Zeta"]);
    }
}

/// A CRM that labels its columns in German, French or Spanish (accents and all) is read
/// without `--map`: "Vorname, Name" as German forms write them (the name is the last
/// name, unless it is the whole one), "Prénom, Nom", "Nombre, Apellidos".
#[test]
fn a_crm_in_another_language_is_read_by_its_column_names() {
    let db = Db::new();
    let files = [
        (
            "de.csv",
            "Vorname,Name,E-Mail-Adresse,Unternehmen,Berufsbezeichnung,Ort\nJonas,Weber,jonas@example.de,Acme GmbH,Bereichsleiter Vertrieb,München\nLea,Lea Schmidt,,Beta AG,Teamleiterin,Berlin\n",
        ),
        (
            "fr.csv",
            "Prénom,Nom,Courriel,Société,Intitulé du poste,Ville\nZoé,Martin,zoe@example.fr,Acme SA,Directrice Marketing,Lyon\n",
        ),
        (
            "es.csv",
            "Nombre,Apellidos,Correo electrónico,Empresa,Cargo,Ciudad\nLucía,García López,lucia@example.es,Gamma SL,Jefa de ventas,Madrid\n",
        ),
    ];
    let mut paths = Vec::new();
    for (name, text) in files {
        let path = db.write(name, text);
        paths.push(path.to_str().unwrap().to_string());
    }
    let mut args = vec!["import", "--json"];
    args.extend(paths.iter().map(String::as_str));
    let report = db.json(&args);
    let columns = |i: usize| report["files"][i]["columns"].clone();
    assert_eq!(
        columns(0),
        serde_json::json!([
            {"field": "first-name", "column": "Vorname"},
            {"field": "last-name", "column": "Name"},
            {"field": "email", "column": "E-Mail-Adresse"},
            {"field": "company", "column": "Unternehmen"},
            {"field": "position", "column": "Berufsbezeichnung"},
            {"field": "location", "column": "Ort"},
        ]),
        "{report}"
    );
    let people: Vec<String> = (db.json(&["list", "--json", "--sort", "name"]).as_array())
        .expect("a list")
        .iter()
        .map(|c| {
            let text = |k: &str| c[k].as_str().unwrap_or_default().to_string();
            [
                text("first_name"),
                text("last_name"),
                text("company"),
                text("location"),
                text("seniority"),
            ]
            .join("|")
        })
        .collect();
    assert_eq!(
        people,
        [
            "Jonas|Weber|Acme GmbH|München|director",
            "Lea|Schmidt|Beta AG|Berlin|manager",
            "Lucía|García López|Gamma SL|Madrid|manager",
            "Zoé|Martin|Acme SA|Lyon|director",
        ]
    );
}

/// A contact list fills in a job LinkedIn leaves empty; next week's export, still empty
/// there, is no job change and keeps what the list said. A move to another company still
/// is one, and takes the export's job whole (an empty position included).
#[test]
fn a_job_a_contact_list_filled_in_is_no_job_change_next_week() {
    let db = Db::new();
    let header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
    let connections = db.file("Connections.csv");
    let write = |company: &str| {
        std::fs::write(
            &connections,
            format!(
                "{header}\nAna,Muller,https://www.linkedin.com/in/ana,,{company},,01 Mar 2024\n"
            ),
        )
        .unwrap();
    };
    write("Initech");
    let crm = db.write(
        "crm.csv",
        "First Name,Last Name,Email,Company,Job Title\nAna,Muller,ana@example.org,Initech,CTO\n",
    );
    let (network, list) = (connections.to_str().unwrap(), crm.to_str().unwrap());
    db.ok(&["import", network, list]);
    for again in [vec![network, list], vec![network]] {
        let report = db.json(&[&["import", "--json"][..], &again].concat());
        assert_eq!(
            (&report["changed"], &report["unchanged"]),
            (&json!(0), &json!(1)),
            "{report}"
        );
        let ana = db.json(&["list", "--json"]);
        assert_eq!(ana[0]["position"], "CTO", "{ana}");
    }
    write("Globex");
    let report = db.json(&["import", "--json", network]);
    assert_eq!(report["changed"], json!(1), "{report}");
    let ana = db.json(&["list", "--json"]);
    assert_eq!(
        (
            &ana[0]["company"],
            &ana[0]["position"],
            &ana[0]["previous_company"],
            &ana[0]["previous_position"]
        ),
        (
            &json!("Globex"),
            &json!(""),
            &json!("Initech"),
            &json!("CTO")
        ),
        "{ana}"
    );
}

/// Two invitations to two people of one name, sent in the same minute (a recruiter
/// inviting from one search), are two invitations: the export tells them apart by the
/// invitee's profile URL. The same row listed twice is still one. An invitation stored
/// from an export without URLs is the first of the two, and learns its URL; imported
/// again, nothing changes.
#[test]
fn namesakes_invited_in_the_same_minute_are_two_invitations() {
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let one = ("Maria Garcia", "maria-garcia-1", "9/1/26", false);
    let two = ("Maria Garcia", "maria-garcia-2", "9/1/26", false);
    let import = |name: &str, csv: String| {
        let path = db.write(name, csv);
        db.json(&["import", "--json", path.to_str().unwrap()])
    };
    let counts = |report: &serde_json::Value| {
        ["invitations_added", "invitations_known"].map(|k| report[k].as_u64().unwrap())
    };
    let marias = |db: &Db| {
        let all = db.json(&["invitations", "--json"]);
        (all.as_array().unwrap().iter())
            .filter(|i| i["name"] == "Maria Garcia")
            .count()
    };

    let listed = import("both.csv", invitations_csv(&[one, two, one]));
    assert_eq!(counts(&listed), [2, 0], "{listed:#}");
    let file = &listed["files"][0];
    assert_eq!([&file["rows_read"], &file["imported"]], [3, 2], "{file:#}");
    assert_eq!(file["skipped_why"]["same invitation listed twice"], 1);
    assert_eq!(marias(&db), 2);
    let again = import("both.csv", invitations_csv(&[one, two]));
    assert_eq!(counts(&again), [0, 2], "{again:#}");
    assert_eq!(marias(&db), 2);

    let old = Db::new();
    let without_urls =
        "From,To,Sent At,Message,Direction\nSam Owner,Maria Garcia,\"9/1/26, 9:00 AM\",,OUTGOING\n";
    let path = old.write("old.csv", without_urls);
    old.ok(&["import", path.to_str().unwrap()]);
    let path = old.write("new.csv", invitations_csv(&[one, two]));
    let newer = old.json(&["import", "--json", path.to_str().unwrap()]);
    assert_eq!(counts(&newer), [1, 1], "{newer:#}");
    let again = old.json(&["import", "--json", path.to_str().unwrap()]);
    assert_eq!(counts(&again), [0, 2], "{again:#}");
    assert_eq!(marias(&old), 2);
}

/// The same invitation in two files of one import (an export's Invitations.csv and a
/// copy kept from last month) is one invitation, in whichever order the files come.
#[test]
fn an_invitation_listed_in_two_files_of_one_import_is_one() {
    let maria = ("Maria Garcia", "maria-garcia-1", "9/1/26", false);
    let ana = ("Ana Lima", "ana-lima", "9/2/26", false);
    let db = Db::new();
    let both = db.write("Invitations.csv", invitations_csv(&[maria, ana]));
    let copy = db.write("invitations-copy.csv", invitations_csv(&[maria]));
    let report = db.json(&[
        "import",
        "--json",
        both.to_str().unwrap(),
        copy.to_str().unwrap(),
    ]);
    assert_eq!(report["invitations_added"], 2, "{report:#}");
    let stored = db.json(&["invitations", "--json"]);
    assert_eq!(stored.as_array().unwrap().len(), 2, "{stored:#}");
}

/// An export .zip cut short (a download that stopped) or damaged inside is refused whole,
/// naming the archive (or its entry) and saying to download the export again; nothing is
/// imported.
#[test]
fn an_export_zip_cut_short_or_damaged_says_to_download_it_again() {
    let db = Db::new();
    let connections = std::fs::read(fixture("linkedin/2026/Connections.csv")).unwrap();
    let archive = db.file("Basic_LinkedInDataExport_11-25-2026.zip");
    stored_zip(&archive, "Connections.csv", &connections);
    let whole = std::fs::read(&archive).unwrap();

    let cut = db.write("cut.zip", &whole[..whole.len() / 2]);
    let (code, _, err) = db.run(&["import", &cut.display().to_string()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("cut.zip: "), "names the archive: {err}");
    assert!(err.contains("cut short or damaged"), "{err}");
    assert!(err.contains("download the export again"), "{err}");

    // One byte of a row changed: the entry's checksum no longer holds.
    let mut damaged = whole.clone();
    let at = (damaged.windows(4)).rposition(|w| w == b"2026").unwrap();
    damaged[at] ^= 0x01;
    let damaged = db.write("damaged.zip", damaged);
    let (code, _, err) = db.run(&["import", &damaged.display().to_string()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("damaged.zip:Connections.csv: "),
        "names the entry: {err}"
    );
    assert!(err.contains("cut short or damaged"), "{err}");
    assert!(err.contains("download the export again"), "{err}");
    assert_eq!(db.stats()["connections"], 0, "nothing imported");
}

/// Writes a .zip at `path` holding `bytes` as its one entry `name`, stored as they are
/// (so that a test can find and change them in the archive).
fn stored_zip(path: &std::path::Path, name: &str, bytes: &[u8]) {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file(name, stored).unwrap();
    zip.write_all(bytes).unwrap();
    zip.finish().unwrap();
}
