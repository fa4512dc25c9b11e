//! Importing from the workbench: the import prompt, its report, what Enter on it lists,
//! refusals and failures.

use super::*;

/// The workbench's import message: the new connections with their filter, those back
/// after being gone counted apart, and the removal plan's progress, only when there are
/// some.
#[test]
fn import_message_counts_new_and_returning_apart() {
    use crate::tui::strings::status;
    let path = std::path::Path::new("/home/you/Downloads/export.zip");
    let report = |[new, returned, gone, changed, unchanged, hidden]: [u64; 6]| {
        netcurate::store::ImportReport {
            new,
            returned,
            gone,
            changed,
            unchanged,
            hidden,
            added_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
            files: vec![file_report(FileKind::Connections)],
            ..Default::default()
        }
    };
    let weekly = status::imported(path, &report([2, 0, 5, 1, 1994, 16]));
    assert_eq!(
        weekly,
        "imported export.zip: 2 new (added:>=2026-11-27), 5 gone, 1 changed, 1994 unchanged, 16 hidden"
    );
    let dated = netcurate::store::ImportReport {
        changed_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 26),
        gone_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 26),
        ..report([2, 0, 5, 1, 1994, 16])
    };
    assert!(
        status::imported(path, &dated)
            .contains(" 5 gone (gone:>=2026-11-26), 1 changed (changed:>=2026-11-26), "),
        "the filters of the gone and of the job changes"
    );
    let back = status::imported(path, &report([2, 20, 0, 0, 1977, 16]));
    assert!(
        back.contains("2 new (added:>=2026-11-27), 20 back, 0 gone"),
        "{back}"
    );
    assert!(!back.contains("removal plan"), "{back}");
    let planned = netcurate::store::ImportReport {
        gone_planned: 4,
        planned_left: 90,
        ..report([2, 0, 5, 1, 1994, 16])
    };
    assert!(
        status::imported(path, &planned).ends_with("16 hidden; removal plan: 4 done, 90 left"),
        "the export confirms what was done of the plan"
    );
}

/// An import's report of a file of `kind`, all its rows read.
fn file_report(kind: FileKind) -> netcurate::store::FileReport {
    netcurate::store::FileReport {
        name: format!("{}.csv", kind.as_str()),
        kind,
        rows_read: 116,
        imported: 116,
        skipped: 0,
        skipped_why: Default::default(),
        warnings: vec![],
        columns: vec![],
        unread_columns: vec![],
        remembered_map: false,
    }
}

/// The import message speaks of the kinds of file the import read, and of nothing else:
/// invitations alone are not "0 new, 0 gone" connections, a CRM file's contacts are
/// counted, a whole export says its new invitations and messages too.
#[test]
fn import_message_speaks_of_the_files_read() {
    use crate::tui::strings::status;
    let path = std::path::Path::new("Invitations.csv");
    let only = |kind, report: netcurate::store::ImportReport| {
        let report = netcurate::store::ImportReport {
            files: vec![file_report(kind)],
            ..report
        };
        status::imported(path, &report)
    };
    let invitations = netcurate::store::ImportReport {
        invitations_added: 3,
        invitations_known: 113,
        ..Default::default()
    };
    assert_eq!(
        only(FileKind::Invitations, invitations.clone()),
        "imported Invitations.csv: 3 new invitations"
    );
    let employers = netcurate::store::ImportReport {
        employers: Some(netcurate::model::Employers {
            current: vec!["Initech".into()],
            past: vec![],
        }),
        ..Default::default()
    };
    assert_eq!(
        only(FileKind::Positions, employers.clone()),
        "imported Invitations.csv: employer Initech"
    );
    let lacking = netcurate::store::ImportReport {
        employers_not_in_profile: vec!["Initech".into()],
        ..employers
    };
    assert_eq!(
        only(FileKind::Positions, lacking),
        "imported Invitations.csv: my_companies lacks Initech"
    );
    let confirmed = netcurate::store::ImportReport {
        withdrawals_done: 38,
        withdrawals_left: 7,
        ..invitations.clone()
    };
    assert_eq!(
        only(FileKind::Invitations, confirmed),
        "imported Invitations.csv: 3 new invitations; withdrawal plan: 38 done, 7 left"
    );
    let contacts = netcurate::store::ImportReport {
        contacts_added: 3,
        contacts_merged: 2,
        ..Default::default()
    };
    assert_eq!(
        only(FileKind::Contacts, contacts),
        "imported Invitations.csv: 3 contacts added, 2 merged"
    );
    let whole = netcurate::store::ImportReport {
        new: 2,
        messaged_matched: 87,
        files: [
            FileKind::Connections,
            FileKind::Invitations,
            FileKind::Messages,
        ]
        .map(file_report)
        .to_vec(),
        ..invitations
    };
    assert_eq!(
        status::imported(path, &whole),
        "imported Invitations.csv: 2 new, 0 gone, 0 changed, 0 unchanged, 0 hidden; 3 new invitations; messages of 87 contacts"
    );
}

/// After an import its report is shown whole, in a box, line by line with the sub-lines'
/// indentation kept; the next key only closes it.
#[test]
fn an_import_report_is_shown_until_a_key_closes_it() {
    let mut a = app();
    let report = netcurate::store::ImportReport {
        files: vec![netcurate::store::FileReport {
            skipped: 2,
            skipped_why: [("no name and no profile URL".to_string(), 2)].into(),
            warnings: vec!["not UTF-8: read as Windows-1252".to_string()],
            ..file_report(FileKind::Connections)
        }],
        new: 114,
        hidden: 3,
        ..Default::default()
    };
    a.update(Msg::Imported {
        lines: report.lines(),
        lists: None,
    });
    let rows = screen_rows(&a, 100, 24);
    let screen = rows.join("\n");
    for line in report.lines() {
        assert!(screen.contains(&format!("│{line}")), "{line}\n{screen}");
    }
    assert!(
        screen.contains("│    skipped 2: no name and no profile URL"),
        "{screen}"
    );
    assert!(screen.contains("Import"), "{screen}");
    let cursor = a.table.cursor;
    assert_eq!(key(&mut a, KeyCode::Char('j')), vec![]);
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.table.cursor, cursor, "the closing key does nothing else");

    // A report taller than the screen (a folder of many files) shows its end: the totals.
    let mut lines: Vec<String> = (1..=40)
        .map(|i| format!("crm-{i}.csv: contacts — read 3, imported 3, skipped 0"))
        .collect();
    lines.push("other contacts: 120 added, 0 merged".to_string());
    a.update(Msg::Imported { lines, lists: None });
    let rows = screen_rows(&a, 100, 24);
    let screen = rows.join("\n");
    assert!(
        screen.contains("│other contacts: 120 added, 0 merged"),
        "{screen}"
    );
    assert!(screen.contains("any key closes"), "{screen}");
    assert!(!screen.contains("crm-1.csv"), "{screen}");

    // A line longer than the box goes on under its own indent.
    let columns = "    columns read: First Name → first-name, Last Name → last-name, LinkedIn URL → url, Email → email";
    a.update(Msg::Imported {
        lines: vec![columns.to_string()],
        lists: None,
    });
    let screen = screen_rows(&a, 80, 24).join("\n");
    assert!(
        screen.contains(
            "│    columns read: First Name → first-name, Last Name → last-name, LinkedIn  │"
        ),
        "{screen}"
    );
    assert!(
        screen.contains("│      URL → url, Email → email"),
        "{screen}"
    );
}

/// The report of an import that added connections to a network: Enter lists them in the
/// contacts view (from any view), as the filter the status line names; without new
/// connections Enter only closes the box.
#[test]
fn enter_on_an_import_report_lists_the_new_connections() {
    let mut a = app();
    let since = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
    let new = (a.network.contacts.iter())
        .filter(|c| c.connected_on.is_some_and(|on| on >= since))
        .count();
    assert!(new > 0 && new < a.network.contacts.len());
    key(&mut a, KeyCode::Char('2'));
    a.update(Msg::Imported {
        lines: vec!["connections: …".to_string()],
        lists: Some(ImportList {
            of: Found::NewConnections,
            filter: format!("connected:>={since}"),
        }),
    });
    let screen = screen_rows(&a, 100, 24).join("\n");
    assert!(
        screen.contains("Enter lists the new connections"),
        "{screen}"
    );
    assert_eq!(key(&mut a, KeyCode::Enter), vec![]);
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.view, View::Contacts);
    assert_eq!(a.table.filter, format!("connected:>={since}"));
    assert_eq!(a.table.ids.len(), new);
    assert!(
        a.status.starts_with(&format!("{new} shown")) && a.status.ends_with("c triages them"),
        "{}",
        a.status
    );

    a.update(Msg::Imported {
        lines: vec!["invitations: 0 new, 116 already known".to_string()],
        lists: None,
    });
    let screen = screen_rows(&a, 100, 24).join("\n");
    assert!(!screen.contains("Enter lists"), "{screen}");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.table.ids.len(), new, "Enter only closed the box");

    // Without new connections, Enter lists the job changes the import recorded.
    a.update(Msg::Imported {
        lines: vec!["connections: 0 new, 0 gone, 3 changed (job change)".to_string()],
        lists: Some(ImportList {
            of: Found::JobChanges,
            filter: "flag:job-change".to_string(),
        }),
    });
    let screen = screen_rows(&a, 100, 24).join("\n");
    assert!(screen.contains("Enter lists the job changes"), "{screen}");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.table.filter, "flag:job-change");
    let changed = a.table.ids.len();
    assert!(
        a.status.starts_with(&format!(
            "{changed} shown: the import's job changes — enter says"
        )),
        "{}",
        a.status
    );

    // Without either, the connections it found gone.
    a.update(Msg::Imported {
        lines: vec!["connections: 0 new, 2 gone, 0 changed (job change)".to_string()],
        lists: Some(ImportList {
            of: Found::Gone,
            filter: "flag:gone".to_string(),
        }),
    });
    let screen = screen_rows(&a, 100, 24).join("\n");
    assert!(
        screen.contains("Enter lists the connections gone"),
        "{screen}"
    );
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.table.filter, "flag:gone");
    let gone = a.table.ids.len();
    assert_eq!(
        a.status,
        format!("{gone} shown: the connections the import found gone — enter says since when")
    );
}

/// Enter on an import's report lists the new connections it added to a known network,
/// else the job changes it recorded, else the connections it found gone, else nothing.
#[test]
fn an_import_report_lists_new_connections_first_then_job_changes() {
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let mut r = netcurate::store::ImportReport {
        unchanged: 90,
        gone: 3,
        gone_on: Some(day(27)),
        ..Default::default()
    };
    let gone = ImportList::of_report(&r).unwrap();
    assert_eq!(
        (gone.of, gone.filter.as_str()),
        (Found::Gone, "gone:>=2026-11-27"),
        "with neither new connections nor job changes, the gone"
    );
    r.changed = 2;
    r.changed_on = Some(day(27));
    let job_changes = ImportList::of_report(&r).unwrap();
    assert_eq!(
        (job_changes.of, job_changes.filter.as_str()),
        (Found::JobChanges, "changed:>=2026-11-27")
    );
    r.new = 4;
    r.added_on = Some(day(27));
    let new = ImportList::of_report(&r).unwrap();
    assert_eq!(
        (new.of, new.filter.as_str()),
        (Found::NewConnections, "added:>=2026-11-27")
    );
    let nothing = netcurate::store::ImportReport {
        unchanged: 90,
        ..Default::default()
    };
    assert_eq!(ImportList::of_report(&nothing), None);
}

/// With nothing left to undo but the latest import, the workbench asks before taking the
/// import back whole; anything but y keeps it.
#[test]
fn undoing_an_import_is_confirmed() {
    let mut a = app();
    let report =
        r#"{"new":8,"changed":5,"files":[{"name":"/home/you/export.zip:Connections.csv"}]}"#;
    let import = netcurate::store::ImportRun::from_report(report, a.network.as_of.into());
    a.update(Msg::ImportUndoable(import.clone()));
    assert!(matches!(&a.overlay, Overlay::Confirm(Confirm::UndoImport(i)) if *i == import));
    let text = screen_rows(&a, 100, 24).join("\n");
    assert!(
        text.contains("Nothing is left to undo but the import of export.zip on 2026-11-01 (8"),
        "it says which import goes back: {text}"
    );
    assert!(
        text.contains("back whole? (y / n)"),
        "wrapped, whole: {text}"
    );
    assert!(key(&mut a, KeyCode::Char('n')).is_empty());
    assert_eq!(a.status, "cancelled");
    a.update(Msg::ImportUndoable(import.clone()));
    assert_eq!(
        key(&mut a, KeyCode::Char('y')),
        vec![Effect::UndoImport(import)]
    );
}

/// An import refused as older than the network says why, whole, and asks: y imports the
/// same path anyway, anything else imports nothing.
#[test]
fn an_import_refused_as_older_is_confirmed() {
    let mut a = app();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 10, d).unwrap();
    let why = netcurate::Error::OlderExport {
        file: "Downloads/export-october/Connections.csv".into(),
        covers_until: day(14),
        later: 37,
        newest_stored: day(28),
    }
    .to_string();
    let path = std::path::PathBuf::from("Downloads/export-october");
    let refused = Msg::ImportRefused {
        path: path.clone(),
        why,
    };
    a.update(refused);
    // The box's lines, as one text.
    let text = (screen_rows(&a, 80, 24).iter())
        .filter_map(|r| Some(r.split('│').nth(1)?.trim().to_string()))
        .collect::<Vec<_>>()
        .join(" ");
    for words in [
        "leaves out 37 connections",
        "(the latest on 2026-10-28)",
        "import it anyway? (y / n)",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    assert!(key(&mut a, KeyCode::Char('n')).is_empty());
    assert_eq!(a.status, "cancelled");
    a.update(Msg::ImportRefused {
        path: path.clone(),
        why: "older".into(),
    });
    assert_eq!(
        key(&mut a, KeyCode::Char('y')),
        vec![Effect::Import {
            path,
            allow_gone: true
        }]
    );
}

/// A failure (here an import's, whose error names the file and the reason) is shown whole,
/// wrapped in a box, however narrow the screen, and stays on the status line; the next key
/// only closes the box: `j` does not move, `q` does not quit.
#[test]
fn a_failure_is_shown_whole_until_a_key_closes_it() {
    let mut a = app();
    let error = "import failed, nothing changed: /home/you/Downloads/crm.csv: not a file netcurate reads: no Connections, Invitations, messages or contact header in its first lines (the first is \"Kontakt;Firma;Rolle\")";
    a.update(Msg::Failed(error.to_string()));
    assert_eq!(a.overlay, Overlay::Failure(error.to_string()));
    for width in [60, 100] {
        let rows = screen_rows(&a, width, 24);
        let boxed: String = (rows.iter())
            .filter_map(|r| Some(r.split('│').nth(1)?.trim().to_string()))
            .filter(|text| !text.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            boxed.contains(error),
            "{width} columns:\n{}",
            rows.join("\n")
        );
        assert!(rows.iter().any(|r| r.contains("Failed")), "{rows:#?}");
        assert!(
            rows.iter().any(|r| r.contains("any key closes")),
            "{rows:#?}"
        );
    }
    assert_eq!(a.status, error, "the status line keeps it");
    for k in ['j', 'q'] {
        a.update(Msg::Failed(error.to_string()));
        assert_eq!(key(&mut a, KeyCode::Char(k)), vec![], "{k}");
        assert_eq!(
            (a.overlay.clone(), a.table.cursor, a.quit),
            (Overlay::None, 0, false)
        );
    }
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(a.table.cursor, 1, "keys work again once it is closed");
}

/// The import prompt starts with the folder the latest import came from.
#[test]
fn the_import_prompt_starts_in_the_latest_import_folder() {
    let mut a = app();
    a.import_start = "~/Downloads/".to_string();
    key(&mut a, KeyCode::Char('I'));
    assert!(
        matches!(&a.overlay, Overlay::Prompt(p) if p.kind == PromptKind::Import && p.input == "~/Downloads/"),
        "{:?}",
        a.overlay
    );
}

/// A path typed or pasted after the folder the import prompt starts with starts again
/// at its own start: `//` at the root, `/~/` at home; otherwise the text is the path.
#[test]
fn a_path_typed_after_the_prompts_folder_starts_again() {
    use crate::tui::app::typed_path;
    let home = std::env::var("HOME").unwrap_or_default();
    for (typed, path) in [
        ("/dl/export.zip", "/dl/export.zip".to_string()),
        ("relative/x.csv", "relative/x.csv".to_string()),
        ("/dl//tmp/x.zip", "/tmp/x.zip".to_string()),
        ("~/Downloads//work/a//b.csv", "/b.csv".to_string()),
        ("~/Downloads/~/x.zip", format!("{home}/x.zip")),
        ("/dl/~/x.zip", format!("{home}/x.zip")),
        ("~/x.zip", format!("{home}/x.zip")),
        ("/dl/not~/x.zip", "/dl/not~/x.zip".to_string()),
    ] {
        assert_eq!(typed_path(typed), path, "{typed}");
    }
}
