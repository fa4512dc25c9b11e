//! Keys and prompts through `update`: moving, filtering, sorting, selecting, deciding,
//! tagging, completing, triage, help, and what the messages say.

use super::*;

/// Ctrl-Z suspends the workbench wherever it is, the filter prompt included (its text
/// kept for when it comes back); a plain letter bound to suspend is still typed in a
/// prompt.
#[test]
fn ctrl_z_suspends_from_anywhere() {
    let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
    let mut a = app();
    assert_eq!(a.update(Msg::Key(ctrl_z)), vec![Effect::Suspend]);
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "hool");
    assert_eq!(a.update(Msg::Key(ctrl_z)), vec![Effect::Suspend]);
    assert!(matches!(&a.overlay, Overlay::Prompt(p) if p.input == "hool"));
    a.keymap = Keymap::parse_overrides("suspend = \"Z\"").unwrap();
    typed(&mut a, "Z");
    assert!(matches!(&a.overlay, Overlay::Prompt(p) if p.input == "hoolZ"));
    key(&mut a, KeyCode::Esc);
    assert_eq!(key(&mut a, KeyCode::Char('Z')), vec![Effect::Suspend]);
}

#[test]
fn movement_keys_move_and_clamp() {
    let mut a = app();
    let n = a.table.ids.len();
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(a.table.cursor, 2);
    key(&mut a, KeyCode::Char('k'));
    assert_eq!(a.table.cursor, 1);
    key(&mut a, KeyCode::Char('G'));
    assert_eq!(a.table.cursor, n - 1);
    assert!(a.table.offset + 20 >= n, "the last row is in view");
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(a.table.cursor, n - 1);
    key(&mut a, KeyCode::Char('g'));
    assert_eq!((a.table.cursor, a.table.offset), (0, 0));
    ctrl(&mut a, 'd');
    assert_eq!(a.table.cursor, 10);
    ctrl(&mut a, 'u');
    assert_eq!(a.table.cursor, 0);
}

/// Filter text typed while more keys are queued is worked out once, when the queue is
/// handled, for the last text: the same rows as typing it key by key. Enter and Esc among
/// the queued keys see the text typed before them.
#[test]
fn queued_filter_keys_are_filtered_once_for_the_last_text() {
    let mut one_by_one = app();
    key(&mut one_by_one, KeyCode::Char('/'));
    typed(&mut one_by_one, "company:hooli score:>=60");
    let mut a = app();
    let everyone = a.table.ids.clone();
    queued(&mut a, &chars("/company:hooli score:>=60"));
    assert_eq!(
        (a.table.filter.as_str(), &a.table.ids),
        ("", &everyone),
        "nothing worked out while keys are queued"
    );
    a.settle();
    assert_eq!(a.table.filter, "company:hooli score:>=60");
    assert_eq!(a.table.ids, one_by_one.table.ids);

    let mut entered = app();
    let mut keys = chars("/company:hooli score:>=60");
    keys.push(KeyCode::Enter);
    queued(&mut entered, &keys);
    assert_eq!(entered.overlay, Overlay::None);
    assert_eq!(entered.table.ids, one_by_one.table.ids);

    let mut escaped = app();
    let mut keys = chars("/zzzz");
    keys.push(KeyCode::Esc);
    queued(&mut escaped, &keys);
    escaped.settle();
    assert_eq!(
        (escaped.table.filter.as_str(), &escaped.table.ids),
        ("", &everyone)
    );
}

#[test]
fn filter_applies_as_you_type_and_esc_restores() {
    let mut a = app();
    let total = a.table.ids.len();
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "company:hool");
    let hooli = a.table.ids.len();
    assert!(hooli > 10 && hooli < total);
    assert!(
        a.table
            .ids
            .iter()
            .all(|&i| a.network.contacts[i as usize].company == "Hooli")
    );
    typed(&mut a, "i score:>=60");
    let leaders = a.table.ids.len();
    assert!(leaders < hooli && leaders > 0);
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.table.filter, "company:hooli score:>=60");
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, " zzzz");
    assert_eq!(a.table.ids.len(), 0);
    key(&mut a, KeyCode::Esc);
    assert_eq!(
        a.table.ids.len(),
        leaders,
        "Esc restores the filter before the prompt"
    );
}

/// A paste goes into the open prompt as text: its line breaks become spaces, so the
/// prompt stays open and nothing after a line break runs as a key (`x` would prune).
/// Pasted in a view, it is a new filter (Esc brings back the one before); over the help
/// it goes nowhere and says so.
#[test]
fn a_paste_is_text_in_a_prompt_and_never_keys() {
    let mut a = app();
    key(&mut a, KeyCode::Char('/'));
    a.update(Msg::Paste("company:hooli\nx\tp\n".into()));
    assert_eq!(prompt_text(&a), "company:hooli x p");
    assert!(matches!(a.overlay, Overlay::Prompt(_)));
    assert_eq!(a.table.filter, "company:hooli x p", "the table follows");
    key(&mut a, KeyCode::Esc);
    a.set_filter("company:hooli");
    key(&mut a, KeyCode::Char('2'));
    a.update(Msg::Paste("Sven Fontaine\n".into()));
    assert_eq!(
        (a.view, prompt_text(&a)),
        (View::Contacts, "Sven Fontaine".into())
    );
    let found = |a: &App| {
        a.table
            .ids
            .iter()
            .map(|&i| a.network.contacts[i as usize].full_name())
            .collect::<Vec<_>>()
    };
    assert!(
        found(&a).contains(&"Sven Fontaine".to_string()) && found(&a).len() < 10,
        "{:?}",
        found(&a)
    );
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.table.filter, "company:hooli", "the filter before");
    key(&mut a, KeyCode::Char('?'));
    a.update(Msg::Paste("x".into()));
    assert_eq!(a.status, crate::tui::strings::status::PASTE_NOWHERE);
    assert_eq!(a.overlay, Overlay::Help);
    let decided = |a: &App| {
        a.network
            .contacts
            .iter()
            .filter(|c| c.decision != Decision::Undecided)
            .count()
    };
    assert_eq!(decided(&a), 0, "nothing was decided");
}

/// A file dragged onto the terminal pastes its path, as each terminal writes it: the
/// path is read back whole, and, pasted in a view, opens the import prompt with it (Enter
/// imports); in the import prompt it replaces what the prompt offered. Text that is not
/// a whole path is none.
#[test]
fn a_dropped_export_is_offered_for_import() {
    use crate::tui::app::dropped_path;
    for (pasted, path) in [
        (
            "'/home/you/My export (1).zip'",
            "/home/you/My export (1).zip",
        ),
        (
            "/Users/you/My\\ export\\ \\(1\\).zip",
            "/Users/you/My export (1).zip",
        ),
        (
            "/tmp/Basic_LinkedInDataExport_11-25-2026.zip\n",
            "/tmp/Basic_LinkedInDataExport_11-25-2026.zip",
        ),
        ("\"C:\\Users\\you\\x.zip\"", "C:\\Users\\you\\x.zip"),
        ("C:\\Users\\you\\Downloads\\", "C:\\Users\\you\\Downloads\\"),
        ("~/Downloads/export/", "~/Downloads/export/"),
    ] {
        assert_eq!(dropped_path(pasted).as_deref(), Some(path), "{pasted}");
    }
    for text in [
        "Sven Fontaine",
        "company:hooli",
        "/a\n/b",
        "relative/x.zip",
        "",
    ] {
        assert_eq!(dropped_path(text), None, "{text}");
    }
    let mut a = app();
    key(&mut a, KeyCode::Char('3'));
    a.update(Msg::Paste("'/tmp/My export.zip'".into()));
    assert!(matches!(&a.overlay, Overlay::Prompt(p) if p.kind == PromptKind::Import));
    assert_eq!(prompt_text(&a), "/tmp/My export.zip");
    assert_eq!(a.view, View::Segments, "the view stays");
    let effects = key(&mut a, KeyCode::Enter);
    assert!(
        matches!(&effects[..], [Effect::Import { path, .. }] if path.to_str() == Some("/tmp/My export.zip")),
        "{effects:?}"
    );
    key(&mut a, KeyCode::Char('I'));
    a.update(Msg::Paste("/Users/you/x\\ y.zip".into()));
    assert_eq!(
        prompt_text(&a),
        "/Users/you/x y.zip",
        "the offered folder replaced"
    );
}

/// What a prompt says while open (what Tab could complete) goes with it: Esc, or Enter
/// that says nothing of its own, leaves the status as it was before the prompt opened,
/// not a list of companies under the next prompt.
#[test]
fn a_prompts_completions_go_when_it_closes() {
    let mut a = app();
    // A filter's companies, the export kinds, the assumptions' names; a folder's files
    // (Tab in the import prompt asks the runtime, which answers with them), then Enter
    // imports (the runtime says how it went).
    let tab = |a: &mut App| {
        let asked = key(a, KeyCode::Tab);
        if let [Effect::CompletePath(asked)] = asked.as_slice() {
            a.update(Msg::PathCompleted {
                asked: asked.clone(),
                completed: asked.clone(),
                choices: vec![Choice::of("2025/", "2025/"), Choice::of("2026/", "2026/")],
            });
        }
    };
    let prompts = [
        ('/', "company:", KeyCode::Esc),
        ('e', "", KeyCode::Esc),
        ('=', "", KeyCode::Esc),
        ('I', "export.zip", KeyCode::Enter),
    ];
    for (opens, text, closes) in prompts {
        a.status = "before".to_string();
        key(&mut a, KeyCode::Char(opens));
        ctrl(&mut a, 'u');
        typed(&mut a, text);
        tab(&mut a);
        assert!(a.status.starts_with("Tab: "), "{opens}: {}", a.status);
        key(&mut a, closes);
        assert!(matches!(a.overlay, Overlay::None), "{opens}");
        assert_eq!(a.status, "before", "{opens}");
    }
    // Enter on an empty import prompt (no export found to offer) says what it wants.
    key(&mut a, KeyCode::Char('I'));
    ctrl(&mut a, 'u');
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.overlay, Overlay::Prompt(_)));
    assert_eq!(a.status, crate::tui::strings::status::IMPORT_NEEDS_PATH);
}

/// Up in the filter prompt recalls the filters typed before, the latest first (those that
/// start with the text typed, when some is), and the table follows; Down walks back to the
/// text typed. A filter used again moves up; each new one asks for the history to be
/// stored.
#[test]
fn up_and_down_recall_the_filters_typed_before() {
    let mut a = app();
    let mut stored = Vec::new();
    for filter in ["hooli", "title:cto", "added:>=7d", "hooli", "title:cto"] {
        key(&mut a, KeyCode::Char('/'));
        ctrl(&mut a, 'u');
        typed(&mut a, filter);
        for effect in key(&mut a, KeyCode::Enter) {
            if let Effect::RememberFilters(filters) = effect {
                stored = filters;
            }
        }
    }
    assert_eq!(stored, ["added:>=7d", "hooli", "title:cto"]);
    assert_eq!(a.filter_history, stored);
    key(&mut a, KeyCode::Char('/'));
    ctrl(&mut a, 'u');
    let walk = |a: &mut App, code| {
        key(a, code);
        (prompt_text(a), a.table.filter.clone())
    };
    let shown = |text: &str| (text.to_string(), text.to_string());
    assert_eq!(walk(&mut a, KeyCode::Up), shown("title:cto"));
    assert_eq!(walk(&mut a, KeyCode::Up), shown("hooli"));
    assert_eq!(walk(&mut a, KeyCode::Up), shown("added:>=7d"));
    assert_eq!(
        walk(&mut a, KeyCode::Up),
        shown("added:>=7d"),
        "the earliest stays"
    );
    assert_eq!(walk(&mut a, KeyCode::Down), shown("hooli"));
    assert_eq!(walk(&mut a, KeyCode::Down), shown("title:cto"));
    assert_eq!(
        walk(&mut a, KeyCode::Down),
        shown(""),
        "back to the text typed"
    );
    // With some text typed, only the filters that start with it.
    typed(&mut a, "h");
    assert_eq!(walk(&mut a, KeyCode::Up), shown("hooli"));
    assert_eq!(walk(&mut a, KeyCode::Up), shown("hooli"));
    assert_eq!(walk(&mut a, KeyCode::Down), shown("h"));
    // A filter recalled and edited is the text typed from then on.
    walk(&mut a, KeyCode::Up);
    typed(&mut a, " vp");
    assert_eq!(
        walk(&mut a, KeyCode::Up),
        shown("hooli vp"),
        "none starts with it"
    );
    // Enter keeps it; Esc would have gone back to the filter before the prompt.
    let effects = key(&mut a, KeyCode::Enter);
    assert!(effects.contains(&Effect::RememberFilters(vec![
        "added:>=7d".to_string(),
        "hooli".to_string(),
        "title:cto".to_string(),
        "hooli vp".to_string(),
    ])));
}

#[test]
fn malformed_filter_is_shown_inline_and_keeps_results() {
    let mut a = app();
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "score:<");
    assert!(
        a.table
            .filter_error
            .as_deref()
            .is_some_and(|e| e.contains("score:<"))
    );
    let shown = a.table.ids.len();
    let mut last_good = app();
    last_good.set_filter("score");
    assert!(
        a.table.ids == last_good.table.ids,
        "the last good results stay"
    );
    key(&mut a, KeyCode::Enter);
    assert!(
        matches!(a.overlay, Overlay::Prompt(_)),
        "Enter keeps the prompt open on a bad term"
    );
    typed(&mut a, "40");
    assert!(a.table.filter_error.is_none());
    // A misspelt field: the field meant, first on the line (the reason names the term).
    typed(&mut a, " senority:vp");
    assert_eq!(
        a.table.filter_error.as_deref().map(|e| e.split(';').next()),
        Some(Some("unknown field 'senority' (did you mean seniority?)"))
    );
    for _ in " senority:vp".chars() {
        key(&mut a, KeyCode::Backspace);
    }
    assert!(a.table.filter_error.is_none());
    assert!(a.table.ids.len() != shown);
    assert!(
        a.table
            .ids
            .iter()
            .all(|&i| a.network.contacts[i as usize].score.is_some_and(|s| s < 40))
    );
}

#[test]
fn narrowing_filter_equals_a_fresh_filter() {
    let mut a = app();
    for text in [
        "h",
        "ho",
        "hoo",
        "hooli",
        "hooli ",
        "hooli t",
        "hooli title:",
        "hooli title:d",
        "hooli title:di",
    ] {
        a.set_filter(text);
        if a.table.filter_error.is_some() {
            continue;
        }
        let mut fresh = app();
        fresh.set_filter(text);
        assert!(a.table.ids == fresh.table.ids, "{text:?}");
    }
    // A value's alternatives, typed a character at a time: after `|` the rows widen.
    let mut a = app();
    let typed = "company:hooli|oscorp|ini";
    for end in 1..=typed.len() {
        a.set_filter(&typed[..end]);
        if a.table.filter_error.is_some() {
            continue;
        }
        let mut fresh = app();
        fresh.set_filter(&typed[..end]);
        assert!(a.table.ids == fresh.table.ids, "{:?}", &typed[..end]);
    }
    let companies: std::collections::BTreeSet<&str> = (a.table.ids.iter())
        .map(|&i| a.network.contacts[i as usize].company.as_str())
        .collect();
    assert_eq!(
        companies,
        ["Hooli", "Initech", "Oscorp"].into(),
        "either of them"
    );
    assert!(
        !crate::tui::app::narrows("score:<4", "score:<40"),
        "a number can widen"
    );
    assert!(!crate::tui::app::narrows("tag:a", "tag:ab"));
    assert!(crate::tui::app::narrows("company:ho", "company:hoo"));
    assert!(crate::tui::app::narrows("location:ber", "location:berl"));
    assert!(crate::tui::app::narrows("position:dir", "position:dire"));
    assert!(!crate::tui::app::narrows("-company:ho", "-company:hoo"));
    // Alternatives widen (`company:ho|` is company:ho), and narrow as they are typed on.
    assert!(!crate::tui::app::narrows("company:ho", "company:ho|a"));
    assert!(!crate::tui::app::narrows("company:ho|", "company:ho|a"));
    assert!(crate::tui::app::narrows("company:ho|ac", "company:ho|acm"));
    // The last term is read outside quotes: typed on after a quoted value, a negated or
    // exact term widens or changes what it finds; a text field's narrows.
    assert!(!crate::tui::app::narrows(
        "-title:\"head of\"",
        "-title:\"head of\"s"
    ));
    assert!(!crate::tui::app::narrows(
        "tag:\"eu leads\"",
        "tag:\"eu leads\"x"
    ));
    assert!(crate::tui::app::narrows(
        "title:\"head of\"",
        "title:\"head of\"s"
    ));
}

#[test]
fn sort_cycles_and_reverses() {
    let mut a = app();
    assert!(a.table.ids.windows(2).all(
        |w| a.network.contacts[w[0] as usize].score >= a.network.contacts[w[1] as usize].score
    ));
    key(&mut a, KeyCode::Char('s'));
    assert_eq!(a.table.sort.as_str(), "name");
    let first = current_name(&a);
    key(&mut a, KeyCode::Char('S'));
    assert_ne!(current_name(&a), first);
    assert!(a.table.descending, "S reverses name order");
}

#[test]
fn selection_space_range_all_and_esc() {
    let mut a = app();
    key(&mut a, KeyCode::Char(' '));
    assert_eq!((a.selected_count, a.table.cursor), (1, 1));
    key(&mut a, KeyCode::Char('v'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('v'));
    assert_eq!(a.selected_count, 4, "row 0 by space, rows 1..=3 by range");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.selected_count, 0);
    a.set_filter("company:globex");
    key(&mut a, KeyCode::Char('*'));
    assert_eq!(a.selected_count, a.table.ids.len());
    assert_eq!(a.targets().len(), a.table.ids.len());
    assert_eq!(
        a.status,
        format!("selected all {} in view", a.table.ids.len())
    );
}

#[test]
fn decisions_persist_as_ops_and_protect_wins() {
    let mut a = app();
    let id = a.network.contacts[a.current().unwrap()].id;
    let effects = key(&mut a, KeyCode::Char('p'));
    assert!(matches!(&effects[..], [Effect::Persist(_)]));
    assert_eq!(a.network.contact(id).unwrap().decision, Decision::Protect);
    assert!(
        key(&mut a, KeyCode::Char('x')).is_empty(),
        "a protected contact is never pruned"
    );
    assert_eq!(a.network.contact(id).unwrap().decision, Decision::Protect);
    key(&mut a, KeyCode::Char('r'));
    key(&mut a, KeyCode::Char('a'));
    assert_eq!(a.network.contact(id).unwrap().decision, Decision::Keep);
    assert!(a.status.contains("u to undo"));
    assert!(a.projection.is_some());
}

#[test]
fn pruning_many_asks_first() {
    let mut a = app();
    a.set_filter("score:<20");
    key(&mut a, KeyCode::Char('*'));
    let n = a.selected_count;
    assert!(n > crate::tui::app::CONFIRM_PRUNE_OVER);
    assert!(key(&mut a, KeyCode::Char('x')).is_empty());
    assert!(matches!(&a.overlay, Overlay::Confirm(Confirm::Prune(ids)) if ids.len() == n));
    // The question counts the colleagues (the demo profile's company) among them.
    let colleagues = (a.table.ids.iter())
        .map(|&i| &a.network.contacts[i as usize])
        .filter(|c| c.company.as_str() == "Acme Widgets")
        .count();
    assert!(colleagues > 1);
    let asked = screen_rows(&a, 100, 30).join("\n");
    assert!(
        asked.contains(&format!("{colleagues} are colleagues")),
        "{asked}"
    );
    key(&mut a, KeyCode::Char('n'));
    assert_eq!(a.network.stats().decisions["prune"], 0);
    key(&mut a, KeyCode::Char('x'));
    let effects = key(&mut a, KeyCode::Char('y'));
    assert!(matches!(&effects[..], [Effect::Persist(op)] if op.len() == n));
    assert_eq!(a.network.stats().decisions["prune"], n);
    assert!(
        a.status
            .contains(&format!("({colleagues} colleagues among them) — u to undo")),
        "{}",
        a.status
    );
    let br = &a.projection.as_ref().unwrap().build_relationships;
    assert!(
        br.delta_low != 0.0 || br.delta_high != 0.0,
        "the status bar projection follows the plan"
    );
}

#[test]
fn tag_prompt_completes_and_undo_restores_exactly() {
    let mut a = app();
    let effects = tag_all(&mut a, "company:hooli", "eu-leads");
    let [Effect::Persist(op)] = &effects[..] else {
        panic!("{effects:?}")
    };
    let n = a.table.ids.len();
    assert_eq!(a.network.tag_counts()["eu-leads"], n);
    assert_eq!(
        a.status,
        format!("tagged {n} contacts 'eu-leads' — u to undo")
    );
    key(&mut a, KeyCode::Esc);
    // A tag nobody has: the prompt stays open, saying so, with the tag meant.
    key(&mut a, KeyCode::Char('T'));
    assert!(submit(&mut a, "eu-lead").is_empty());
    assert_eq!(
        a.status,
        "no contact is tagged 'eu-lead' (did you mean eu-leads?)"
    );
    assert!(matches!(&a.overlay, Overlay::Prompt(p) if p.kind == PromptKind::TagRemove));
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('T'));
    typed(&mut a, "eu");
    key(&mut a, KeyCode::Tab);
    assert!(
        matches!(&a.overlay, Overlay::Prompt(p) if p.input == "eu-leads" && p.kind == PromptKind::TagRemove)
    );
    key(&mut a, KeyCode::Esc);
    assert_eq!(key(&mut a, KeyCode::Char('u')), vec![Effect::Undo]);
    a.update(Msg::Undone(op.clone()));
    assert!(a.network.tag_counts().is_empty());
    a.update(Msg::Redone(op.clone()));
    assert_eq!(a.network.tag_counts()["eu-leads"], n);
    // A new tag that looks like a typo of one held is added, and said to be new; typed
    // in another case, a held tag is that one.
    key(&mut a, KeyCode::Esc);
    tag_all(&mut a, "company:globex", "eu-lead");
    assert!(
        a.status
            .contains("'eu-lead', a new tag (did you mean eu-leads?) — u to undo"),
        "{}",
        a.status
    );
    key(&mut a, KeyCode::Esc);
    tag_all(&mut a, "company:globex", "EU-LEADS");
    assert!(a.status.contains(" 'eu-leads' — u to undo"), "{}", a.status);
    assert!(!a.network.tag_counts().contains_key("EU-LEADS"));
}

/// The export prompt's last word `;` (or `tab`) is the delimiter, not part of the file's
/// name; a `.tsv` is tab-separated by its name; the prompt offers the delimiter of the
/// latest `.csv` export again.
#[test]
fn the_export_prompt_takes_a_delimiter_and_offers_the_last_one() {
    let mut a = app();
    let dir = tempfile::tempdir().unwrap();
    let export = |a: &mut App, typed: String| {
        key(a, KeyCode::Char('e'));
        match &submit(a, &typed)[..] {
            [Effect::Export { request, .. }] => (request.path.clone(), request.delimiter),
            other => panic!("{other:?} {}", a.status),
        }
    };
    let csv = dir.path().join("leads.csv");
    let tsv = dir.path().join("leads.tsv");
    let cases = [
        (format!("contacts {} ;", csv.display()), &csv, b';'),
        (format!("{}  tab", csv.display()), &csv, b'\t'),
        (format!("contacts {}", csv.display()), &csv, b','),
        (format!("contacts {}", tsv.display()), &tsv, b'\t'),
        (format!("contacts {} ;", tsv.display()), &tsv, b';'),
    ];
    // A delimiter without a path asks for one.
    key(&mut a, KeyCode::Char('e'));
    assert!(submit(&mut a, "contacts ;").is_empty());
    assert!(matches!(a.overlay, Overlay::Prompt(_)), "kept open");
    assert!(a.status.contains("removal-plan"), "{}", a.status);
    a.overlay = Overlay::None;
    for (typed, path, delimiter) in cases {
        assert_eq!(
            export(&mut a, typed.clone()),
            (path.clone(), delimiter),
            "{typed}"
        );
    }
    // A list of job changes says where each was before (as `export` does).
    a.set_filter("flag:job-change");
    key(&mut a, KeyCode::Char('e'));
    let headers = |columns: &[usize]| -> Vec<&str> {
        (columns.iter())
            .map(|&i| netcurate::export::CONTACT_COLUMNS[i].0)
            .collect()
    };
    match &key(&mut a, KeyCode::Enter)[..] {
        [Effect::Export { request, .. }] => assert_eq!(
            headers(&request.columns)[11..],
            ["Previous Company", "Previous Position", "Job Changed On"]
        ),
        other => panic!("{other:?}"),
    }
    a.set_filter("");
    a.export_delimiter = b';';
    key(&mut a, KeyCode::Char('e'));
    assert_eq!(
        prompt_text(&a),
        format!("contacts netcurate-contacts-{}.csv ;", a.network.as_of)
    );
}

#[test]
fn explain_open_url_export_and_help() {
    let mut a = app();
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.overlay, Overlay::Explain);
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.overlay, Overlay::None);
    let effects = key(&mut a, KeyCode::Char('o'));
    assert!(
        matches!(&effects[..], [Effect::OpenUrl(u)] if u.starts_with("https://www.linkedin.com/in/"))
    );
    a.set_filter("company:globex");
    key(&mut a, KeyCode::Char('e'));
    let Overlay::Prompt(p) = &a.overlay else {
        panic!()
    };
    assert_eq!(
        p.input,
        format!("contacts netcurate-company-globex-{}.csv", a.network.as_of)
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.csv");
    a.overlay = Overlay::None;
    key(&mut a, KeyCode::Char('e'));
    let effects = submit(&mut a, &format!("removal-plan {}", path.display()));
    assert!(
        matches!(&effects[..], [Effect::Export { request, force: false }] if request.ids.len() == a.table.ids.len())
    );
    // A folder: the file in it, named for the kind and the day (asked about only if it
    // is there already), not "the folder exists, replace it?".
    let in_folder = dir
        .path()
        .join(format!("netcurate-removal-plan-{}.csv", a.network.as_of));
    for (there, asks) in [(false, false), (true, true)] {
        if there {
            std::fs::write(&in_folder, "").unwrap();
        }
        key(&mut a, KeyCode::Char('e'));
        let effects = submit(&mut a, &format!("removal-plan {}", dir.path().display()));
        match asks {
            false => assert!(
                matches!(&effects[..], [Effect::Export { request, force: false }] if request.path == in_folder),
                "{effects:?}"
            ),
            true => assert!(
                matches!(&a.overlay, Overlay::Confirm(Confirm::Overwrite(request)) if request.path == in_folder),
                "{:?}",
                a.overlay
            ),
        }
        a.overlay = Overlay::None;
    }
    key(&mut a, KeyCode::Char('?'));
    assert_eq!(a.overlay, Overlay::Help);
    key(&mut a, KeyCode::Char('?'));
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(key(&mut a, KeyCode::Char('q')), vec![Effect::Quit]);
    assert!(a.quit);
}

/// A prompt whose text cannot be used stays open with it, saying what is wrong, so the
/// user mends it instead of typing it again.
#[test]
fn a_malformed_prompt_stays_open_with_its_text() {
    let mut a = app();
    let open_with = |a: &App| match &a.overlay {
        Overlay::Prompt(p) => Some(p.input.clone()),
        _ => None,
    };
    key(&mut a, KeyCode::Char('4'));
    key(&mut a, KeyCode::Char('n'));
    typed(&mut a, "62 15 13 17");
    assert!(key(&mut a, KeyCode::Enter).is_empty());
    assert_eq!(open_with(&a).as_deref(), Some("62 15 13 17"));
    assert!(a.status.contains("five numbers"), "{}", a.status);
    let (_, status) = bottom_lines(&a, 80);
    assert!(
        status.contains("type five numbers"),
        "the reason shows beside the prompt: {status}"
    );
    let said = std::mem::take(&mut a.status);
    let (_, status) = bottom_lines(&a, 100);
    assert!(
        status.contains("2000 total · 2000 in view"),
        "nothing to say, every count: {status}"
    );
    a.status = said;
    typed(&mut a, " 17");
    assert!(matches!(
        &key(&mut a, KeyCode::Enter)[..],
        [Effect::RecordSsi(_)]
    ));
    assert_eq!(open_with(&a), None);

    key(&mut a, KeyCode::Char('1'));
    key(&mut a, KeyCode::Char('e'));
    ctrl(&mut a, 'u');
    typed(&mut a, "removal-plan");
    assert!(
        key(&mut a, KeyCode::Enter).is_empty(),
        "no file named removal-plan"
    );
    assert_eq!(open_with(&a).as_deref(), Some("removal-plan"));
    assert!(a.status.contains("needs a kind"), "{}", a.status);
    // A misspelt kind is asked again, not taken for part of a file name.
    assert!(submit(&mut a, "removal-pla out.csv").is_empty());
    assert_eq!(open_with(&a).as_deref(), Some("removal-pla out.csv"));
    assert_eq!(
        a.status,
        "no export kind 'removal-pla' (did you mean removal-plan?)"
    );
    for path in ["contacts.csv", "my contacts.csv", "~/contact"] {
        assert!(
            matches!(&submit(&mut a, path)[..], [Effect::Export { .. }]),
            "{path}: {}",
            a.status
        );
        key(&mut a, KeyCode::Char('e'));
    }

    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('t'));
    typed(&mut a, "eu;leads");
    assert!(key(&mut a, KeyCode::Enter).is_empty(), "nothing tagged");
    assert_eq!(open_with(&a).as_deref(), Some("eu;leads"));
    assert!(a.status.contains("separates tags"), "{}", a.status);
}

/// The line above the status bar names each view's own keys, as the user bound them.
#[test]
fn key_hints_follow_the_view_and_the_keymap() {
    let mut a = app();
    a.keymap = Keymap::parse_overrides("withdraw = \"W\"\nfilter = \"f\"\nundo = \"ctrl-z\"")
        .expect("keymap");
    let hints = |a: &App| bottom_lines(a, 100).0;
    assert!(
        hints(&a).starts_with("f filter · s sort · space select"),
        "{}",
        hints(&a)
    );
    key(&mut a, KeyCode::Char('2'));
    let screen_text = format!("{:?}", screen(&a, 100, 24).backend());
    assert!(
        screen_text.contains("oldest first · W withdraws"),
        "the pane's title too"
    );
    let line = hints(&a);
    assert!(
        line.contains("W withdraw") && !line.contains("filter"),
        "{line}"
    );
    key(&mut a, KeyCode::Char('4'));
    let line = hints(&a);
    assert!(
        line.starts_with("n records an SSI reading · = sets an assumption · ctrl-z undo"),
        "{line}"
    );
    key(&mut a, KeyCode::Char('1'));
    key(&mut a, KeyCode::Char('a'));
    assert!(a.status.ends_with(" — ctrl-z to undo"), "{}", a.status);
}

/// Messages that name a key name it as bound: pausing triage says which key resumes it,
/// and an unscored contact's explanation which key edits the profile.
#[test]
fn messages_name_the_keys_as_bound() {
    let mut a = app();
    a.keymap = Keymap::parse_overrides("triage = \"T\"\nedit-profile = \"P\"").expect("keymap");
    key(&mut a, KeyCode::Char('T'));
    key(&mut a, KeyCode::Esc);
    assert!(a.status.ends_with("; T resumes"), "{}", a.status);
    a.profile = None;
    key(&mut a, KeyCode::Enter);
    let text = format!("{:?}", screen(&a, 120, 40).backend());
    assert!(text.contains("no profile yet: P edits one"), "{text}");
}

/// Switching views closes an open explanation: it explained a row of the view left, and
/// would have shown another view's row (or a contact over the pillars) instead.
#[test]
fn switching_views_closes_the_explanation() {
    let mut a = app();
    for (open_in, then) in [('1', '2'), ('2', '1'), ('1', '4')] {
        key(&mut a, KeyCode::Char(open_in));
        key(&mut a, KeyCode::Enter);
        assert!(matches!(a.overlay, Overlay::Explain), "{open_in}");
        key(&mut a, KeyCode::Char(then));
        assert!(matches!(a.overlay, Overlay::None), "{open_in} then {then}");
    }
    key(&mut a, KeyCode::Char('1'));
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('j'));
    assert!(
        matches!(a.overlay, Overlay::Explain),
        "moving within the view keeps it open"
    );
}

/// The prefilled export prompt is edited like a shell line: Ctrl-W deletes the last word
/// (the file name), Ctrl-U the whole line, Backspace one character.
#[test]
fn prompt_lines_are_edited_word_by_word() {
    let mut a = app();
    key(&mut a, KeyCode::Char('e'));
    assert!(
        prompt_text(&a).starts_with("contacts netcurate-contacts-"),
        "{}",
        prompt_text(&a)
    );
    ctrl(&mut a, 'w');
    assert_eq!(prompt_text(&a), "contacts ");
    typed(&mut a, "plan.csv  ");
    ctrl(&mut a, 'w');
    assert_eq!(prompt_text(&a), "contacts ");
    ctrl(&mut a, 'w');
    assert_eq!(prompt_text(&a), "");
    typed(&mut a, "removal-plan x.csv");
    key(&mut a, KeyCode::Backspace);
    assert_eq!(prompt_text(&a), "removal-plan x.cs");
    let alt_backspace = KeyEvent::new(KeyCode::Backspace, KeyModifiers::ALT);
    a.update(Msg::Key(alt_backspace));
    assert_eq!(
        prompt_text(&a),
        "removal-plan ",
        "Alt-Backspace deletes a word"
    );
    let alt_gr = KeyModifiers::CONTROL | KeyModifiers::ALT;
    a.update(Msg::Key(KeyEvent::new(KeyCode::Char('@'), alt_gr)));
    assert_eq!(
        prompt_text(&a),
        "removal-plan @",
        "AltGr (Ctrl+Alt on Windows) types"
    );
    ctrl(&mut a, 'u');
    assert_eq!(prompt_text(&a), "");
    assert!(
        a.help_lines().iter().any(
            |l| matches!(l, crate::tui::app::HelpLine::Note(n) if n.contains("Ctrl-W or Alt-Backspace deletes"))
        ),
        "help says so"
    );
}

/// Esc and a key typed right after it reach the workbench as Alt+key (the terminal sends
/// Alt+key as Esc, key): they do what Esc and then the key do, in a prompt, in the help
/// and in the view.
#[test]
fn escape_and_a_key_read_as_alt_key_are_both_done() {
    let mut a = app();
    let alt = |a: &mut App, ch| {
        a.update(Msg::Key(KeyEvent::new(
            KeyCode::Char(ch),
            KeyModifiers::ALT,
        )))
    };
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "hool");
    let narrowed = a.table.ids.len();
    alt(&mut a, '3');
    assert_eq!(a.overlay, Overlay::None, "the prompt closed");
    assert_eq!(a.view, View::Segments, "and 3 went to the view");
    assert!(a.table.filter.is_empty(), "Esc left no filter behind");
    assert!(narrowed < a.table.ids.len());
    key(&mut a, KeyCode::Char('?'));
    alt(&mut a, '1');
    assert_eq!((a.overlay.clone(), a.view), (Overlay::None, View::Contacts));
    key(&mut a, KeyCode::Char('*'));
    assert!(a.selected_count > 1);
    alt(&mut a, 'x');
    assert_eq!(a.selected_count, 0, "Esc cleared the selection");
    let decided = a
        .network
        .contacts
        .iter()
        .filter(|c| c.decision != Decision::Undecided)
        .count();
    assert_eq!(decided, 1, "x decided the row under the cursor alone");
}

/// On a short screen the help scrolls with the moving keys, and its title says which
/// lines are shown; every line can be reached.
#[test]
fn help_scrolls_on_a_short_screen() {
    let mut a = app(); // 25 rows: 23 lines of help shown
    let len = a.help_lines().len();
    assert!(len > 23, "the help is longer than a short screen: {len}");
    let text = |a: &App| format!("{:?}", screen(a, 90, 25).backend());
    key(&mut a, KeyCode::Char('?'));
    assert!(text(&a).contains(&format!("Keys 1–23 of {len}")));
    assert!(text(&a).contains("move down"));
    assert!(!text(&a).contains("function:engineering"));
    for _ in 0..3 {
        key(&mut a, KeyCode::Char('j'));
    }
    assert_eq!(a.help.top, 3);
    assert!(
        !text(&a).contains("move down"),
        "the first lines scrolled away"
    );
    key(&mut a, KeyCode::Char('G'));
    assert_eq!(a.help.top, len - 23);
    assert!(text(&a).contains("function:engineering"));
    assert!(text(&a).contains(&format!("of {len}")));
    key(&mut a, KeyCode::Char('k'));
    assert_eq!(a.help.top, len - 24, "one line up from the end, at once");
    key(&mut a, KeyCode::Char('g'));
    assert_eq!(a.help.top, 0);
    key(&mut a, KeyCode::Char('G'));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.table.cursor, 0, "moving keys in the help leave the table");
    key(&mut a, KeyCode::Char('?'));
    assert_eq!(a.help.top, 0, "the help opens at its top");
    key(&mut a, KeyCode::Char('G'));
    a.update(Msg::Resize {
        rows: 60,
        help_rows: len + 10,
        help_columns: 0,
        pillars_hidden: None,
    });
    assert_eq!(a.help.top, 0, "a screen tall enough shows it all");
}

#[test]
fn triage_walks_the_undecided_queue_lowest_first() {
    let mut a = app();
    key(&mut a, KeyCode::Char('c'));
    let t = a.triage.clone().unwrap();
    let undecided = a.network.contacts.iter().filter(|c| c.in_network()).count();
    assert_eq!(t.queue.len(), undecided);
    let scores: Vec<_> = t
        .queue
        .iter()
        .map(|id| a.network.contact(*id).unwrap().score)
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] <= w[1]),
        "lowest score first"
    );
    let first = t.queue[0];
    key(&mut a, KeyCode::Char('x'));
    assert_eq!(a.network.contact(first).unwrap().decision, Decision::Prune);
    key(&mut a, KeyCode::Char(' '));
    key(&mut a, KeyCode::Char('a'));
    assert_eq!(a.triage.as_ref().unwrap().index, 3);
    key(&mut a, KeyCode::Esc);
    assert!(a.triage.is_none());
    assert!(a.status.contains("paused at 4 of"));
    key(&mut a, KeyCode::Char('c'));
    assert_eq!(
        a.triage.as_ref().unwrap().queue.len(),
        undecided - 2,
        "resumes with what is still undecided"
    );
}

/// Undo on a triage card takes back the previous card's decision and shows that card
/// again; redo makes it again and goes on. An undo of something else leaves the card. A
/// key the card does not take says how to reach it; a view's key pauses triage and goes.
#[test]
fn undo_in_triage_goes_back_to_the_card_it_takes_back() {
    let mut a = app();
    key(&mut a, KeyCode::Char('c'));
    let queue = a.triage.clone().unwrap().queue;
    let effects = key(&mut a, KeyCode::Char('x'));
    let [Effect::Persist(op)] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(a.triage.as_ref().unwrap().index, 1);
    assert_eq!(key(&mut a, KeyCode::Char('u')), vec![Effect::Undo]);
    a.update(Msg::Undone(op.clone()));
    assert_eq!(a.triage.as_ref().unwrap().index, 0, "back to its card");
    assert_eq!(
        a.network.contact(queue[0]).unwrap().decision,
        Decision::Undecided
    );
    assert_eq!(ctrl(&mut a, 'r'), vec![Effect::Redo]);
    a.update(Msg::Redone(op.clone()));
    assert_eq!(a.triage.as_ref().unwrap().index, 1, "on past it again");
    assert_eq!(
        a.network.contact(queue[0]).unwrap().decision,
        Decision::Prune
    );
    // Two cards on, an undo of the first card's decision stays where it is.
    key(&mut a, KeyCode::Char(' '));
    a.update(Msg::Undone(op.clone()));
    assert_eq!(a.triage.as_ref().unwrap().index, 2);

    key(&mut a, KeyCode::Char('s'));
    assert_eq!(a.status, "s: esc pauses triage first (c resumes)");
    assert!(a.triage.is_some());
    // Going to another view pauses triage on the way.
    key(&mut a, KeyCode::Char('2'));
    assert_eq!(a.view, View::Invitations);
    assert!(a.triage.is_none());
    assert!(
        a.status.starts_with("triage paused at 3 of"),
        "{}",
        a.status
    );
}

/// `o` on a triage card opens its profile, or says it has none (as in the table).
#[test]
fn o_on_a_triage_card_without_a_profile_says_so() {
    let mut a = app();
    key(&mut a, KeyCode::Char('c'));
    let first = a.triage.as_ref().unwrap().queue[0];
    let url = a.network.contact(first).unwrap().url_key.clone().unwrap();
    assert_eq!(
        key(&mut a, KeyCode::Char('o')),
        vec![Effect::OpenUrl(netcurate::import::url::key_to_url(&url))]
    );
    a.network.contact_mut(first).unwrap().url_key = None;
    assert!(key(&mut a, KeyCode::Char('o')).is_empty());
    assert_eq!(a.status, crate::tui::strings::status::NO_URL);
}

/// `e` exports what each view shows: from the invitations view the withdrawal plan, from
/// the segments view the segment under the cursor (its contacts shown behind the prompt).
#[test]
fn each_view_exports_what_it_shows() {
    let mut a = app();
    let day = a.network.as_of;
    key(&mut a, KeyCode::Char('2'));
    key(&mut a, KeyCode::Char('e'));
    assert_eq!(
        prompt_text(&a),
        format!("withdrawal-plan netcurate-withdrawal-plan-{day}.csv")
    );
    let dir = tempfile::tempdir().unwrap();
    let w = dir.path().join("w.csv");
    let effects = submit(&mut a, &format!("withdrawal-plan {}", w.display()));
    assert!(
        matches!(&effects[..], [Effect::Export { request, .. }] if request.kind == netcurate::export::ExportKind::WithdrawalPlan),
        "{effects:?}"
    );

    a.update(Msg::FilterSaved("vps".into(), "seniority:vp".into()));
    key(&mut a, KeyCode::Char('3'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('e'));
    assert_eq!(
        (a.view, a.table.filter.as_str()),
        (View::Contacts, "seniority:vp")
    );
    let shown = a.table.ids.len();
    assert!(shown > 0 && shown < a.network.contacts.len(), "{shown}");
    assert_eq!(
        prompt_text(&a),
        format!("contacts netcurate-vps-{day}.csv"),
        "a saved filter's file is named for it"
    );
    // A folder typed instead: the same file in it.
    let folder = tempfile::tempdir().unwrap();
    let effects = submit(&mut a, &format!("contacts {}", folder.path().display()));
    let named = folder.path().join(format!("netcurate-vps-{day}.csv"));
    assert!(
        matches!(&effects[..], [Effect::Export { request, .. }] if request.path == named),
        "{effects:?}"
    );
    // A chart's bar: for its filter, within the segment the charts show (the saved
    // filter under the cursor), then of all contacts (the first row).
    let cases = [
        (
            "",
            "vps-score-0-9",
            "vps score 0–9",
            Some("seniority:vp score:>=0 score:<10"),
        ),
        ("hg", "score-0-9", "score 0–9", None),
    ];
    for (to_segment, file, name, filter) in cases {
        key(&mut a, KeyCode::Esc);
        key(&mut a, KeyCode::Char('3'));
        for k in to_segment.chars() {
            key(&mut a, KeyCode::Char(k));
        }
        key(&mut a, KeyCode::Char('l'));
        key(&mut a, KeyCode::Char('e'));
        assert_eq!(
            prompt_text(&a),
            format!("contacts netcurate-{file}-{day}.csv")
        );
        if let Some(filter) = filter {
            assert_eq!(a.table.filter, filter);
        }
        let said = format!("segment {name}: ");
        assert!(a.status.starts_with(&said), "{}", a.status);
    }
    // A month's bar: "connected 2025-09".
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('3'));
    let months = a.segment_queries(crate::tui::app::MONTHS_PANE);
    for _ in 0..3 {
        key(&mut a, KeyCode::Char('l'));
    }
    key(&mut a, KeyCode::Char('e'));
    let offered = prompt_text(&a);
    assert!(
        (months.iter())
            .any(|(m, _)| offered == format!("contacts netcurate-connected-{m}-{day}.csv")),
        "{offered}"
    );
}

/// A key whose command acts in one view only says so elsewhere (it did nothing), and
/// changes nothing; `c` goes to the contacts and triages them.
#[test]
fn a_key_of_another_view_says_where_it_acts() {
    let mut a = app();
    let decisions = |a: &App| {
        a.network
            .contacts
            .iter()
            .map(|c| c.decision)
            .collect::<Vec<_>>()
    };
    let before = decisions(&a);
    for (view, pressed, said) in [
        ('2', 'x', "x (prune) acts on contacts: 1 shows them"),
        ('3', 's', "s (sort) acts on contacts: 1 shows them"),
        ('4', 't', "t (tag) acts on contacts: 1 shows them"),
        (
            '1',
            'W',
            "W (withdraw-stale) acts on invitations: 2 shows them",
        ),
        (
            '2',
            'D',
            "D (delete-segment) acts on segments: 3 shows them",
        ),
        (
            '3',
            'o',
            "o (open) acts on contacts and invitations: 1 or 2 shows them",
        ),
        (
            '4',
            'e',
            "e (export) acts on contacts, invitations and segments: 1, 2 or 3 shows them",
        ),
    ] {
        key(&mut a, KeyCode::Char(view));
        let effects = key(&mut a, KeyCode::Char(pressed));
        assert!(effects.is_empty(), "{effects:?}");
        assert_eq!(a.status, said);
        assert_eq!(a.overlay, Overlay::None);
    }
    assert_eq!(decisions(&a), before);
    assert!(a.network.invitations.iter().all(|i| !i.withdraw_planned));
    key(&mut a, KeyCode::Char('2'));
    key(&mut a, KeyCode::Char('c'));
    assert_eq!(a.view, View::Contacts);
    assert!(a.triage.is_some());
}

/// In the export prompt, Tab on the first word completes the kind, with its file; with
/// several kinds possible it lists them.
#[test]
fn tab_completes_the_export_kind() {
    let mut a = app();
    let day = a.network.as_of;
    key(&mut a, KeyCode::Char('e'));
    ctrl(&mut a, 'u');
    typed(&mut a, "rem");
    key(&mut a, KeyCode::Tab);
    assert_eq!(
        prompt_text(&a),
        format!("removal-plan netcurate-removal-plan-{day}.csv")
    );
    ctrl(&mut a, 'u');
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "");
    for kind in ["contacts", "linkedin", "removal-plan", "withdrawal-plan"] {
        assert!(a.status.contains(kind), "{}", a.status);
    }
    // The kind's file is named for what the prompt was opened on.
    key(&mut a, KeyCode::Esc);
    a.set_filter("company:globex");
    key(&mut a, KeyCode::Char('e'));
    ctrl(&mut a, 'u');
    typed(&mut a, "l");
    key(&mut a, KeyCode::Tab);
    assert_eq!(
        prompt_text(&a),
        format!("linkedin netcurate-company-globex-{day}.csv")
    );
}

/// `/` from another view filters the contacts there: what is typed is the filter, not
/// that view's commands (the invitations view's `/` finds invitations: the test in
/// invitations.rs).
#[test]
fn the_filter_key_from_another_view_filters_the_contacts() {
    for view in ['3', '4'] {
        let mut a = app();
        key(&mut a, KeyCode::Char(view));
        assert_ne!(a.view, View::Contacts);
        key(&mut a, KeyCode::Char('/'));
        assert_eq!(a.view, View::Contacts);
        typed(&mut a, "varga");
        key(&mut a, KeyCode::Enter);
        assert_eq!(a.table.filter, "varga");
        assert!(a.table.ids.len() < a.network.contacts.len());
        assert!(a.withdraw_selected.is_empty() && a.selected_count == 0);
    }
}

/// Enter on a triage card takes the card's suggestion (the card is the explanation) and
/// goes on; a card that suggests nothing says which keys decide, and stays. The legend
/// offers Enter only on a card with a suggestion, and "back" from the second card on.
#[test]
fn enter_in_triage_takes_the_suggestion() {
    let mut a = app();
    key(&mut a, KeyCode::Char('c'));
    let threshold = a.pillars.threshold;
    let suggestion = |a: &App, id| {
        netcurate::audience::suggest(a.network.contact(id).unwrap(), threshold).map(|(d, _)| d)
    };
    let queue = a.triage.clone().unwrap().queue;
    let (mut took, mut told) = (0, 0);
    for &id in &queue {
        assert_eq!(a.triage.as_ref().map(|t| t.queue[t.index]), Some(id));
        let at = |a: &App| a.triage.as_ref().map_or(queue.len(), |t| t.index);
        let before = at(&a);
        let legend = screen_rows(&a, 110, 28).join("\n");
        assert_eq!(
            legend.contains("enter as suggested"),
            suggestion(&a, id).is_some(),
            "{legend}"
        );
        assert_eq!(
            legend.contains("k back") && legend.contains("u undo"),
            before > 0,
            "back and undo from the second card on"
        );
        key(&mut a, KeyCode::Enter);
        match suggestion(&a, id) {
            Some(d) => {
                assert_eq!(a.network.contact(id).unwrap().decision, d);
                assert_eq!(at(&a), before + 1);
                took += 1;
            }
            None => {
                assert_eq!(a.network.contact(id).unwrap().decision, Decision::Undecided);
                assert_eq!(
                    a.status,
                    "no suggestion for this one: a keep · x prune · p protect"
                );
                assert_eq!(at(&a), before, "the card stays");
                key(&mut a, KeyCode::Char(' '));
                told += 1;
            }
        }
        assert_eq!(a.overlay, Overlay::None, "no explanation over the card");
    }
    assert!(
        took > 0 && told > 0,
        "both kinds of card: {took} taken, {told} told"
    );
}

/// D in the segments view deletes the segment under the cursor: a saved filter (the
/// runtime stores it, undoably), or a tag from every contact that has it (one step),
/// saying which saved filters asked for it and find no one now (as T does); a score band
/// or another figure is no segment.
#[test]
fn d_deletes_a_saved_filter_or_a_tag() {
    let mut a = app();
    for c in a.network.contacts.iter_mut().take(3) {
        c.tags = vec!["eu".into(), "keep-me".into()];
    }
    let saved = [
        ("hooli", "company:hooli -tag:eu"),
        ("keepers", "tag:keep-me"),
        ("vps", "seniority:vp tag:eu"),
    ];
    for (name, query) in saved {
        a.update(Msg::FilterSaved(name.into(), query.into()));
    }
    key(&mut a, KeyCode::Char('3'));
    assert!(key(&mut a, KeyCode::Char('D')).is_empty(), "all contacts");
    assert_eq!(a.status, crate::tui::strings::status::NOT_A_SEGMENT);
    key(&mut a, KeyCode::Char('j'));
    let effects = key(&mut a, KeyCode::Char('D'));
    assert!(
        matches!(&effects[..], [Effect::Persist(Op::Tag { tag, add: false, ids })]
            if tag == "eu" && ids.len() == 3),
        "{effects:?}"
    );
    assert!(
        a.network
            .contacts
            .iter()
            .all(|c| !c.tags.contains(&"eu".to_string()))
    );
    assert_eq!(
        a.status,
        "removed tag 'eu' from 3 contacts; saved filter 'vps' finds no one now — u to undo"
    );
    let names: Vec<_> = a
        .segment_rows
        .iter()
        .map(|r| r.segment.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["all contacts", "#keep-me", "hooli", "keepers", "vps"]
    );
    key(&mut a, KeyCode::Char('G'));
    let effects = key(&mut a, KeyCode::Char('D'));
    assert_eq!(effects, [Effect::DeleteFilter("vps".into())]);
    a.update(Msg::FilterDeleted("vps".into()));
    let names: Vec<_> = a.segment_rows.iter().map(|r| &r.segment.name).collect();
    assert_eq!(names, ["all contacts", "#keep-me", "hooli", "keepers"]);
    assert_eq!(a.segments.cursor[0], 3, "the cursor stays on a row");
    assert_eq!(a.status, "deleted segment 'vps' — u to undo");
    key(&mut a, KeyCode::Char('l'));
    assert!(key(&mut a, KeyCode::Char('D')).is_empty(), "a score band");
    assert_eq!(a.status, crate::tui::strings::status::NOT_A_SEGMENT);
    // T taking the tag off its last contacts says so too; off some of them, not.
    key(&mut a, KeyCode::Char('1'));
    key(&mut a, KeyCode::Char('/'));
    submit(&mut a, "tag:keep-me");
    key(&mut a, KeyCode::Char(' '));
    key(&mut a, KeyCode::Char('T'));
    submit(&mut a, "keep-me");
    assert_eq!(a.status, "removed tag 'keep-me' from 1 contact — u to undo");
    key(&mut a, KeyCode::Char('*'));
    key(&mut a, KeyCode::Char('T'));
    submit(&mut a, "keep-me");
    assert_eq!(
        a.status,
        "removed tag 'keep-me' from 2 contacts; saved filter 'keepers' finds no one now — u to undo"
    );
    assert_eq!(
        crate::tui::strings::status::filters_emptied(&["a", "b", "c"]),
        "; saved filters 'a', 'b' and 'c' find no one now"
    );
}

/// R in the segments view renames the segment under the cursor, its name typed to edit:
/// a tag on every contact that has it, or a saved filter, each one step the runtime
/// stores, the cursor following it to its new row; a name taken keeps the prompt open,
/// saying so, and all contacts or a figure is no segment.
#[test]
fn r_renames_a_tag_or_a_saved_filter() {
    let mut a = app();
    for c in a.network.contacts.iter_mut().take(3) {
        c.tags = vec!["eu".into()];
    }
    for (name, query) in [("hooli", "company:hooli"), ("vps", "seniority:vp tag:eu")] {
        a.update(Msg::FilterSaved(name.into(), query.into()));
    }
    key(&mut a, KeyCode::Char('3'));
    assert!(key(&mut a, KeyCode::Char('R')).is_empty(), "all contacts");
    assert_eq!(a.status, crate::tui::strings::status::NOT_A_SEGMENT);
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('R'));
    assert_eq!(prompt_text(&a), "eu");
    let effects = submit(&mut a, "zz emea");
    assert!(
        matches!(&effects[..], [Effect::Persist(Op::Rename { from, to, .. })]
            if from == "eu" && to == "zz emea"),
        "{effects:?}"
    );
    let tagged = |a: &App, tag: &str| {
        let tag = tag.to_string();
        a.network
            .contacts
            .iter()
            .filter(|c| c.tags.contains(&tag))
            .count()
    };
    assert_eq!((tagged(&a, "eu"), tagged(&a, "zz emea")), (0, 3));
    assert_eq!(
        a.status,
        "renamed tag 'eu' to 'zz emea' on 3 contacts and in the saved filter naming it — u to undo"
    );
    let vps = a
        .saved_filters
        .iter()
        .find(|s| s.name == "vps")
        .expect("kept");
    assert_eq!(vps.query, "seniority:vp tag:\"zz emea\"");
    let names = |a: &App| -> Vec<String> {
        a.segment_rows
            .iter()
            .map(|r| r.segment.name.clone())
            .collect()
    };
    assert_eq!(names(&a), ["all contacts", "#zz emea", "hooli", "vps"]);
    assert_eq!(a.segments.cursor[0], 1, "on the tag renamed");
    // A saved filter: renamed in the workbench's list, its query kept.
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('R'));
    let effects = submit(&mut a, "vps");
    assert!(effects.is_empty(), "a name taken");
    assert!(matches!(a.overlay, Overlay::Prompt(_)));
    assert!(a.status.contains("named 'vps' already"), "{}", a.status);
    let effects = submit(&mut a, "A Hooli");
    assert!(
        matches!(&effects[..], [Effect::Persist(Op::Rename { to, .. })] if to == "A Hooli"),
        "{effects:?}"
    );
    assert_eq!(names(&a), ["all contacts", "#zz emea", "A Hooli", "vps"]);
    assert_eq!(a.segment_rows[2].segment.query, "company:hooli");
    // Renamed onto a tag held in another case, a tag joins it, and the cursor follows.
    key(&mut a, KeyCode::Char('1'));
    key(&mut a, KeyCode::Char('t'));
    submit(&mut a, "Alpha");
    key(&mut a, KeyCode::Char('3'));
    assert_eq!(names(&a)[..3], ["all contacts", "#Alpha", "#zz emea"]);
    a.segments.cursor[0] = 2;
    key(&mut a, KeyCode::Char('R'));
    submit(&mut a, "alpha");
    assert_eq!(names(&a), ["all contacts", "#Alpha", "A Hooli", "vps"]);
    assert_eq!(a.segments.cursor[0], 1, "on the tag it joined");
    key(&mut a, KeyCode::Char('l'));
    assert!(key(&mut a, KeyCode::Char('R')).is_empty(), "a score band");
    assert_eq!(a.status, crate::tui::strings::status::NOT_A_SEGMENT);
}

/// In a tag prompt, the prompt's line lists the tags that complete what is typed; Tab
/// completes as far as they agree and lists them on the status line instead (not twice);
/// Tab again walks through them, and a letter more picks one, which Tab completes whole.
#[test]
fn tab_completes_a_tag_as_far_as_the_tags_agree() {
    let d = demo();
    let mut network = d.network.clone();
    network.contacts[0].tags = vec!["eu-leads".into()];
    network.contacts[1].tags = vec!["eu-cto".into()];
    let mut a = app_on(network);
    key(&mut a, KeyCode::Char('T'));
    typed(&mut a, "e");
    let screen = screen_rows(&a, 100, 20).join("\n");
    assert!(screen.contains("e█  Tab: eu-cto eu-leads"), "{screen}");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "eu-");
    let screen = screen_rows(&a, 100, 20);
    let prompt = &screen[screen.len() - 2];
    assert!(prompt.contains("eu-█  Enter ok · Esc cancel"), "{prompt}");
    assert!(screen[screen.len() - 1].contains("Tab: eu-cto  eu-leads"));
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "eu-cto");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "eu-leads");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "eu-", "back to what Tab listed them at");
    typed(&mut a, "l");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "eu-leads");
    // Typed in another case, the tags are listed all the same (as Tab completes them).
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('T'));
    typed(&mut a, "EU-L");
    let screen = screen_rows(&a, 100, 20).join("\n");
    assert!(screen.contains("EU-L█  Tab: eu-leads"), "{screen}");
}

/// In the filter prompt, Tab completes a field's name and then its value, and the
/// completed filter applies at once; with several left, the status line lists them.
#[test]
fn tab_completes_a_filter_term() {
    let mut a = app();
    a.status = "before".to_string();
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "sen");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "seniority:");
    typed(&mut a, ">=d");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "seniority:>=director ");
    assert_eq!(a.table.filter, "seniority:>=director ");
    assert!(a.table.ids.len() > 10);
    assert!(
        (a.table.ids.iter()).all(|&i| a.network.contacts[i as usize].seniority.rank() >= Some(4)),
        "director (rank 4) and above"
    );
    typed(&mut a, "c");
    key(&mut a, KeyCode::Tab);
    assert_eq!(
        prompt_text(&a),
        "seniority:>=director c",
        "three fields start so"
    );
    assert_eq!(a.status, "Tab: company:  connected:  changed:");
    // Applied, it leaves the status as it was: the filter line shows it and its count.
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.table.filter, "seniority:>=director c");
    assert_eq!(a.status, "before");
    let (filter_line, _) = bottom_lines(&a, 100);
    let count = crate::tui::strings::shown_of(a.table.ids.len(), a.network.contacts.len());
    assert!(
        filter_line.trim_end().ends_with(count.trim()),
        "{filter_line}"
    );
    // A word that starts no field's name completes to the words of names, titles and
    // companies that start with it, the most common first.
    key(&mut a, KeyCode::Char('/'));
    ctrl(&mut a, 'u');
    typed(&mut a, "Okon");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "okonkwo ", "{}", a.status);
    typed(&mut a, "plat");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "okonkwo platform ");
    typed(&mut a, "engineer");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "okonkwo platform engineer");
    assert_eq!(a.status, "Tab: engineer  engineering");
    // A name: term, to the words of the names alone (no Platform there).
    ctrl(&mut a, 'u');
    typed(&mut a, "name:Okon");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "name:okonkwo ", "{}", a.status);
    ctrl(&mut a, 'u');
    typed(&mut a, "name:plat");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "name:plat");
}

/// A Tab that lists several choices leaves them for Tab again to walk through, each
/// making the prompt's text what Tab would have made of it alone (a filter applying at
/// once), then back to the text typed; Shift-Tab walks back, and a key typed ends the walk.
#[test]
fn tab_again_walks_through_the_choices() {
    let mut a = app();
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "seniority:>=director c");
    key(&mut a, KeyCode::Tab);
    let mut walked = vec![];
    for _ in 0..4 {
        key(&mut a, KeyCode::Tab);
        walked.push((prompt_text(&a), a.status.clone()));
    }
    let walked: Vec<(&str, &str)> = walked
        .iter()
        .map(|(t, s)| (t.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        walked,
        [
            (
                "seniority:>=director company:",
                "Tab 1/3: [company:]  connected:  changed:"
            ),
            (
                "seniority:>=director connected:",
                "Tab 2/3: [connected:]  changed:"
            ),
            ("seniority:>=director changed:", "Tab 3/3: [changed:]"),
            (
                "seniority:>=director c",
                "Tab: company:  connected:  changed:"
            ),
        ]
    );
    key(&mut a, KeyCode::BackTab);
    assert_eq!(prompt_text(&a), "seniority:>=director changed:");
    // A key typed ends the walk: Tab completes what is typed now.
    ctrl(&mut a, 'u');
    typed(&mut a, "company:");
    key(&mut a, KeyCode::Tab);
    assert!(a.status.starts_with("Tab: "), "{}", a.status);
    key(&mut a, KeyCode::Tab);
    let first = prompt_text(&a);
    assert!(
        first.starts_with("company:") && first.ends_with(' ') && first.len() > 9,
        "{first}"
    );
    assert!(a.status.starts_with("Tab 1/"), "{}", a.status);
    // The filter walked to applies, as typed: all in view work there.
    assert_eq!(a.table.filter, first);
    let company = first["company:".len()..]
        .trim()
        .trim_matches('"')
        .to_lowercase();
    assert!(!a.table.ids.is_empty());
    assert!(
        (a.table.ids.iter()).all(|&i| a.network.contacts[i as usize]
            .company
            .to_lowercase()
            .contains(&company)),
        "{company}"
    );
    key(&mut a, KeyCode::Esc);

    // The export's kinds, a path's entries (a tag prompt's tags: the test above): the
    // same walk.
    key(&mut a, KeyCode::Char('e'));
    ctrl(&mut a, 'u');
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::BackTab);
    let last = netcurate::export::ExportKind::ALL.last().expect("kinds");
    assert!(
        prompt_text(&a).starts_with(&format!("{} netcurate-", last.as_str())),
        "{}",
        prompt_text(&a)
    );
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('I'));
    ctrl(&mut a, 'u');
    typed(&mut a, "x/");
    assert!(matches!(
        &key(&mut a, KeyCode::Tab)[..],
        [Effect::CompletePath(_)]
    ));
    a.update(Msg::PathCompleted {
        asked: "x/".into(),
        completed: "x/".into(),
        choices: vec![
            Choice::of("2025/", "x/2025/"),
            Choice::of("a.zip", "x/a.zip"),
        ],
    });
    assert!(
        key(&mut a, KeyCode::Tab).is_empty(),
        "walked, not asked again"
    );
    assert_eq!(prompt_text(&a), "x/2025/");
}

/// The status lists the first choices, and while Tab walks, the one walked to first.
#[test]
fn the_status_follows_the_choices_walked() {
    let names = ["a", "b", "c", "d", "e", "f", "g", "h"];
    let said = |at| crate::tui::strings::status::choices(&names, at);
    assert_eq!(said(None), "Tab: a  b  c  d  e  f  (+2 more)");
    assert_eq!(said(Some(1)), "Tab 2/8: [b]  c  d  e  f  g  (+1 more)");
    assert_eq!(said(Some(7)), "Tab 8/8: [h]");
    assert_eq!(crate::tui::strings::status::choices(&["one"], None), "");
}

/// Tab in the import or export prompt asks the runtime to complete the path; the answer
/// goes into that prompt only while its text is what was asked about.
#[test]
fn tab_completes_a_path_in_the_import_prompt() {
    let mut a = app();
    key(&mut a, KeyCode::Char('I'));
    typed(&mut a, "~/Down");
    let (prompt_line, _) = bottom_lines(&a, 100);
    assert!(prompt_line.contains("Tab completes"), "{prompt_line}");
    assert!(matches!(&key(&mut a, KeyCode::Tab)[..], [Effect::CompletePath(t)] if t == "~/Down"));
    let answer = |asked: &str| Msg::PathCompleted {
        asked: asked.into(),
        completed: "~/Downloads/".into(),
        choices: vec![],
    };
    a.update(answer("~/Do"));
    assert_eq!(prompt_text(&a), "~/Down", "a late answer is dropped");
    a.update(answer("~/Down"));
    assert_eq!(prompt_text(&a), "~/Downloads/");
}

/// The runtime's completion: to the longest shared start, a slash after a folder, the
/// candidates when several remain, hidden entries only when asked for.
#[test]
fn paths_complete_from_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    for file in [
        "Connections.csv",
        "Invitations.csv",
        "Invitations-old.csv",
        ".secret",
    ] {
        std::fs::write(dir.path().join(file), "").unwrap();
    }
    std::fs::create_dir(dir.path().join("export")).unwrap();
    let at = |name: &str| format!("{}/{name}", dir.path().display());
    let complete = |text: &str| crate::tui::complete_path(text);
    let names = |choices: &[Choice]| choices.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    assert_eq!(complete(&at("Con")), (at("Connections.csv"), vec![]));
    assert_eq!(complete(&at("ex")), (at("export/"), vec![]));
    let (text, choices) = complete(&format!("removal-plan {}", at("Inv")));
    assert_eq!(text, format!("removal-plan {}", at("Invitations")));
    assert_eq!(names(&choices), ["Invitations-old.csv", "Invitations.csv"]);
    // Each choice is the whole text with it, for Tab again to walk to.
    assert_eq!(
        choices[1].text,
        format!("removal-plan {}", at("Invitations.csv"))
    );
    let all = names(&complete(&at("")).1);
    assert!(!all.iter().any(|n| n.starts_with('.')), "{all:?}");
    assert!(all.contains(&"export/".to_string()), "{all:?}");
    assert_eq!(complete(&at(".s")).0, at(".secret"));
    assert_eq!(complete(&at("nothing")), (at("nothing"), vec![]));
}

/// A prune too small to ask about says the colleagues it marked too (none: nothing).
#[test]
fn a_small_prune_names_the_colleagues_it_marked() {
    let mut a = app();
    a.set_filter("flag:colleague");
    key(&mut a, KeyCode::Char('x'));
    assert!(
        a.status
            .contains("set 1 contact to prune (a colleague) — u to undo"),
        "{}",
        a.status
    );
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('v'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Char('v'));
    key(&mut a, KeyCode::Char('x'));
    assert!(
        a.status.contains("(2 colleagues among them) — u to undo"),
        "{}",
        a.status
    );
    a.set_filter("-flag:colleague");
    key(&mut a, KeyCode::Char('x'));
    assert!(!a.status.contains("colleague"), "{}", a.status);
}

/// `y` copies profile URLs: the row's, else the selection's, one per line (the runtime
/// writes them to the terminal as an OSC 52 sequence); a contact without one says so; in
/// the invitations view, the other person's.
#[test]
fn y_copies_the_profile_urls_of_the_row_or_the_selection() {
    let mut a = app();
    let url_of = |a: &App, i: usize| {
        let key = a.network.contacts[i].url_key.as_deref().expect("a URL");
        netcurate::import::url::key_to_url(key)
    };
    let first = a.current().expect("a row");
    let copied = key(&mut a, KeyCode::Char('y'));
    assert_eq!(copied, vec![Effect::Copy(vec![url_of(&a, first)])]);
    // Also from the explanation, whose title says so.
    key(&mut a, KeyCode::Enter);
    assert!(
        screen_rows(&a, 110, 30)
            .join("\n")
            .contains("y copies · esc closes")
    );
    assert_eq!(key(&mut a, KeyCode::Char('y')), copied);
    key(&mut a, KeyCode::Esc);
    let rows: Vec<usize> = a.table.ids[..3].iter().map(|&i| i as usize).collect();
    for _ in 0..3 {
        key(&mut a, KeyCode::Char(' '));
    }
    let urls: Vec<String> = rows.iter().map(|&i| url_of(&a, i)).collect();
    assert_eq!(key(&mut a, KeyCode::Char('y')), vec![Effect::Copy(urls)]);
    key(&mut a, KeyCode::Esc);
    a.set_filter("flag:hidden");
    assert_eq!(key(&mut a, KeyCode::Char('y')), vec![]);
    assert_eq!(a.status, crate::tui::strings::status::NO_URL);
    key(&mut a, KeyCode::Char('2'));
    let invitation = a.current_invitation().expect("a pending invitation");
    let other = a.network.invitations[invitation]
        .other_url()
        .expect("a URL");
    let url = netcurate::import::url::key_to_url(other);
    assert_eq!(
        key(&mut a, KeyCode::Char('y')),
        vec![Effect::Copy(vec![url])]
    );
    let mut written = Vec::new();
    crate::tui::copy_through_terminal(&mut written, "a\nb").expect("written");
    assert_eq!(written, b"\x1b]52;c;YQpi\x07");
}

/// `=` sets a pillar assumption from the workbench: Tab completes its name (the choices
/// go to the status line while several are left), a wrong value is said and kept in the
/// prompt, a right one goes to the runtime; once stored, the projection uses it.
#[test]
fn an_assumption_is_set_from_the_pillars_view() {
    let mut a = app();
    key(&mut a, KeyCode::Char('4'));
    key(&mut a, KeyCode::Char('='));
    typed(&mut a, "s_");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "s_");
    assert!(
        a.status.contains("s_vp") && a.status.contains("s_internal"),
        "{}",
        a.status
    );
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    typed(&mut a, "kap");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "kappa=");
    assert_eq!(a.status, "kappa is 1 now");
    typed(&mut a, "x");
    assert_eq!(key(&mut a, KeyCode::Enter), vec![]);
    assert!(a.status.contains("not a number"), "{}", a.status);
    assert_eq!(prompt_text(&a), "kappa=x", "kept open");
    key(&mut a, KeyCode::Backspace);
    typed(&mut a, "0.5");
    let effects = key(&mut a, KeyCode::Enter);
    let [
        Effect::SetAssumptions {
            assumptions,
            assignment,
        },
    ] = &effects[..]
    else {
        panic!("{effects:?}")
    };
    assert_eq!((assumptions.kappa, assignment.as_str()), (0.5, "kappa=0.5"));
    assert_eq!(a.pillars.assumptions.kappa, 1.0, "not before it is stored");
    a.update(Msg::AssumptionsSet {
        assumptions: assumptions.clone(),
        assignment: assignment.clone(),
    });
    assert_eq!(a.pillars.assumptions.kappa, 0.5);
    let projection = a.projection.as_ref().expect("a projection");
    assert_eq!(projection.assumptions.kappa, 0.5);
    assert!(a.status.starts_with("set kappa=0.5"), "{}", a.status);
}

/// In the help, `/` searches it: only the lines holding the text typed show (case
/// ignored), the title saying what is searched; Enter keeps the search for the moving keys
/// to scroll, Esc clears it, and the next Esc closes the help. Typed, `q` and `?` are
/// text, not quit and close; a paste goes into the search.
#[test]
fn the_help_is_searched_with_slash() {
    let mut a = app();
    key(&mut a, KeyCode::Char('?'));
    let all = a.help_lines().len();
    let title = |a: &App| screen_rows(a, 100, 40).join("\n");
    assert!(
        title(&a).contains("/ searches · esc/? closes"),
        "{}",
        title(&a)
    );
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "EXPORT");
    let shown = a.help_lines();
    assert!(!shown.is_empty() && shown.len() < all / 4, "{shown:?}");
    let says = |line: &HelpLine| match line {
        HelpLine::Keys(keys, text) => format!("{keys} {text}"),
        HelpLine::Note(text) => text.clone(),
    };
    assert!(
        shown.iter().any(|l| says(l).contains("export to CSV")),
        "{shown:?}"
    );
    assert!(
        title(&a).contains("Keys /EXPORT█ — Enter keeps · Esc clears"),
        "{}",
        title(&a)
    );
    // Typed, q and ? are text; a word found nowhere says so.
    typed(&mut a, "q?");
    assert_eq!(a.overlay, Overlay::Help);
    assert_eq!(
        a.help_lines(),
        [HelpLine::Note(crate::tui::strings::help_finds_nothing(
            "EXPORTq?"
        ))]
    );
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    a.update(Msg::Paste(" to\n".into()));
    assert_eq!(a.help_search.text, "EXPORT to");
    key(&mut a, KeyCode::Enter);
    assert!(!a.help_search.typing);
    assert!(
        title(&a).contains("Keys /EXPORT to — / searches · esc clears"),
        "{}",
        title(&a)
    );
    // Kept, the moving keys scroll (no text is typed) and Esc clears it.
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(a.help_search.text, "EXPORT to");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.overlay, Overlay::Help);
    assert_eq!(a.help_lines().len(), all);
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.overlay, Overlay::None);
    // Esc while typing clears the search at once; the help opens unsearched.
    key(&mut a, KeyCode::Char('?'));
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "tag");
    key(&mut a, KeyCode::Esc);
    assert_eq!(
        (a.overlay.clone(), a.help_lines().len()),
        (Overlay::Help, all)
    );
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "tag");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('q'));
    key(&mut a, KeyCode::Char('?'));
    assert_eq!(a.help_lines().len(), all, "a new help, a new search");
}

/// A plan written says where to act on it on LinkedIn in a box, which any key closes; the
/// status keeps what was written.
#[test]
fn a_plan_written_says_where_to_act_on_it() {
    let mut a = app();
    let where_to_act = netcurate::export::ExportKind::WithdrawalPlan
        .where_to_act()
        .expect("a plan's");
    let said = "exported 3 invitations (withdrawal-plan) to w.csv".to_string();
    a.update(Msg::PlanWritten {
        said: said.clone(),
        where_to_act,
    });
    let shown = screen_rows(&a, 100, 30).join("\n");
    assert!(shown.contains("Plan written"), "{shown}");
    assert!(shown.contains("invitation-manager/sent"), "{shown}");
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.status, said);
    assert_eq!(
        a.table.cursor, 0,
        "the key closed the box, and did nothing else"
    );
}

/// H asks for the history as many changes as half the screen's rows, and shows what the
/// runtime read in a box, which any key closes.
#[test]
fn h_shows_the_history() {
    let mut a = app();
    let page = a.page;
    assert_eq!(
        key(&mut a, KeyCode::Char('H')),
        vec![Effect::ReadHistory((page / 2).max(3))]
    );
    let lines =
        vec!["2026-11-01 09:00  tagged 3 contacts 'vip' — u takes it back next".to_string()];
    a.update(Msg::HistoryRead(lines));
    let shown = screen_rows(&a, 100, 30).join("\n");
    assert!(shown.contains("History — newest first"), "{shown}");
    assert!(shown.contains("'vip' — u takes it back next"), "{shown}");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.overlay, Overlay::None);
    // Taller than the screen, the newest show and the oldest are cut (an import's report
    // keeps its end, its totals, instead).
    let lines: Vec<String> = (1..=40).map(|n| format!("change number {n}")).collect();
    a.update(Msg::HistoryRead(lines.clone()));
    let shown = screen_rows(&a, 100, 20).join("\n");
    assert!(shown.contains("change number 1 "), "{shown}");
    assert!(!shown.contains("change number 40"), "{shown}");
    key(&mut a, KeyCode::Esc);
    a.update(Msg::Imported { lines, lists: None });
    let shown = screen_rows(&a, 100, 20).join("\n");
    assert!(!shown.contains("change number 1 "), "{shown}");
    assert!(shown.contains("change number 40"), "{shown}");
}

/// A box of lines from the runtime (a history, a report) shows any text as it reads: a
/// control character, a zero-width space or a halfwidth sound mark among wide letters
/// drew past the box's edge (a panic) on a narrow screen.
#[test]
fn a_box_of_lines_shows_any_text_at_any_width() {
    let mut a = app();
    let line = "ش\u{200b}ｶ\u{ff9e}한\u{1b}[31mلا한ｶ\u{ff9e}a".to_string();
    a.update(Msg::HistoryRead(vec![line.clone()]));
    for (w, h) in [(17, 42), (17, 4), (1, 1), (40, 10)] {
        screen_rows(&a, w, h);
    }
    let shown = screen_rows(&a, 60, 10).join("\n");
    assert!(!shown.contains('\u{1b}'), "{shown}");
    assert!(
        shown.contains("[31m"),
        "the rest of the text shows: {shown}"
    );
}

/// While no key waits, the event loop works out what a first filter would wait for (the
/// haystacks: ~75 ms at 100k), for the workbench as it opens and as a reload makes it anew.
#[test]
fn idle_time_prepares_what_a_first_filter_needs() {
    let a = app();
    assert!(!a.is_prepared(), "nothing built before it is needed");
    a.prepare();
    assert!(a.is_prepared());
}
