//! Whole screens rendered into a `TestBackend`: the views at several sizes, the
//! explanation, the status line, and insta snapshots of each view.

use super::*;

/// Asked to replace a file with a long path on a narrow screen, the question wraps and
/// still ends with its answer keys.
#[test]
fn a_long_confirmation_wraps_to_show_its_keys() {
    let mut a = app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir
        .path()
        .join("a-rather-long-folder-name")
        .join("removal-plan-for-q4.csv");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "").unwrap();
    key(&mut a, KeyCode::Char('e'));
    submit(&mut a, &format!("removal-plan {}", path.display()));
    assert!(matches!(a.overlay, Overlay::Confirm(_)));
    let terminal = screen(&a, 60, 24);
    let text: String = format!("{:?}", terminal.backend());
    assert!(text.contains("(y / n)"), "{text}");
}

/// At 60 columns the name column gives room to position and company, so both still say
/// something ("Vice Presid…", "Stark C…").
#[test]
fn a_narrow_table_keeps_position_and_company_readable() {
    let a = app();
    let text = format!("{:?}", screen(&a, 60, 24).backend());
    let row = text
        .lines()
        .find(|l| l.contains("Rafael Kaur"))
        .expect("the top row");
    assert!(
        row.contains("Vice Presid") && row.contains("Stark C"),
        "{row}"
    );
}

/// A company in Arabic, whose lam-alef `str::width` counts as one column, is cut to its
/// column as drawn: the row's decision lines up with the others' (a debug build used to
/// panic here, and a release one cut two letters short).
#[test]
fn a_row_in_arabic_lines_up_with_the_others() {
    let mut network = demo().network.clone();
    for c in network
        .contacts
        .iter_mut()
        .filter(|c| c.full_name() == "Rafael Kaur")
    {
        c.company = "شركة الاتصالات السعودية للتقنية والأنظمة".into();
    }
    let a = app_on(network);
    for width in [60, 100, 140] {
        let rows = screen_rows(&a, width, 24);
        let arabic = rows
            .iter()
            .find(|r| r.contains("Rafael Kaur"))
            .expect("the row");
        let other = rows
            .iter()
            .find(|r| r.contains("Sven Umarov"))
            .expect("a row");
        let decision = |row: &str| {
            row.chars()
                .collect::<Vec<_>>()
                .iter()
                .rposition(|&c| c == '·')
        };
        assert_eq!(
            decision(arabic),
            decision(other),
            "{width}:\n{arabic}\n{other}"
        );
        assert!(arabic.contains('…'), "cut: {arabic}");
    }
}

/// On an 80-column terminal the help's notes under the keys are whole: none runs past
/// the box's edge (the prompt keys' line was cut at "delet").
#[test]
fn the_help_notes_fit_an_80_column_terminal() {
    let mut a = app();
    key(&mut a, KeyCode::Char('?'));
    key(&mut a, KeyCode::Char('G'));
    let rows = screen_rows(&a, 80, 24);
    for note in crate::tui::strings::FILTER_HELP
        .iter()
        .filter(|n| !n.is_empty())
    {
        assert!(
            rows.iter().any(|r| r.contains(note)),
            "{note:?} cut:\n{}",
            rows.join("\n")
        );
    }
}

/// What each key does is said whole in the help, wrapped under itself where the box is
/// narrow (on an 80-column terminal "W … (invitations view" and "D … the tag from everyo"
/// ran past its edge), and the scroll counts the wrapped lines.
#[test]
fn the_help_says_what_each_key_does_whole() {
    let mut a = app();
    key(&mut a, KeyCode::Char('?'));
    for width in [80, 50] {
        a.update(Msg::Resize {
            rows: 20,
            help_rows: view::help_rows(140),
            help_columns: view::help_columns(width),
            pillars_hidden: None,
        });
        let rows = screen_rows(&a, width, 140);
        let inside = |row: &String| row.trim_matches(|c| c == ' ' || c == '│').to_string();
        let shown: Vec<String> = rows.iter().map(inside).collect();
        let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let said = words(&shown.join(" "));
        for (keys, text) in a.keymap.help_lines() {
            assert!(
                said.contains(&words(&format!("{keys} {text}"))),
                "{width}: {text:?} cut:\n{}",
                rows.join("\n")
            );
        }
        assert!(
            rows.iter()
                .all(|r| r.trim_end().ends_with('│') || !r.starts_with('│')),
            "{rows:#?}"
        );
        assert_eq!(
            a.help_lines().len() + 2,
            rows.iter()
                .filter(|r| r.starts_with('│') || r.starts_with('┌') || r.starts_with('└'))
                .count(),
            "{width}: the box holds every wrapped line"
        );
    }
}

/// On an 80-column terminal the triage card's legend goes on two lines rather than
/// losing its last keys at the edge ("y copy · e" was the end of it).
#[test]
fn the_triage_legend_wraps_on_a_narrow_terminal() {
    let mut a = app();
    key(&mut a, KeyCode::Char('c'));
    let rows = screen_rows(&a, 80, 24);
    let legend: Vec<&String> = (rows.iter())
        .filter(|r| r.contains(" · ") && r.contains("prune") || r.contains("esc pause"))
        .collect();
    assert_eq!(legend.len(), 2, "{}", rows.join("\n"));
    assert!(legend[1].contains("esc pause"), "{}", rows.join("\n"));
}

/// A prompt's key hints show whole or not at all: with a long path typed on a narrow
/// terminal they give way ("Esc cance" was cut at the edge), the shorter ones first, and
/// come back when there is room.
#[test]
fn prompt_hints_show_whole_or_not_at_all() {
    let mut a = app();
    key(&mut a, KeyCode::Char('e'));
    let prompt_row = |a: &App, w| {
        let rows = screen_rows(a, w, 24);
        (rows.iter())
            .find(|r| r.starts_with("export"))
            .cloned()
            .unwrap_or_default()
    };
    assert!(prompt_row(&a, 120).contains("Enter ok · Esc cancel · Tab completes"));
    if let Overlay::Prompt(p) = &mut a.overlay {
        p.input = format!(
            "contacts {}/netcurate-contacts-2026-11-01.csv",
            "a".repeat(25)
        );
    }
    let narrow = prompt_row(&a, 80);
    assert!(
        narrow.contains(": …aaa")
            && narrow.contains("a/netcurate-contacts-2026-11-01.csv█")
            && !narrow.contains("Enter"),
        "the end of the text, where the cursor is: {narrow}"
    );
    // Between the two, the shorter hint.
    let middle = prompt_row(&a, 125);
    assert!(
        middle.trim_end().ends_with("Enter ok · Esc cancel"),
        "{middle}"
    );
}

/// While a prompt stays open, the reason why takes the status line before the projection
/// and the counts: at 90 columns "(did you mean removal-plan?)" was cut to "(did you mean
/// re…" beside the projection.
#[test]
fn a_prompts_reason_goes_before_the_projection_and_the_counts() {
    let mut a = app();
    key(&mut a, KeyCode::Char('e'));
    ctrl(&mut a, 'u');
    typed(&mut a, "removal-pla out.csv");
    key(&mut a, KeyCode::Enter);
    let reason = "no export kind 'removal-pla' (did you mean removal-plan?)";
    assert_eq!(a.status, reason);
    let status_row = |w| screen_rows(&a, w, 24)[23].clone();
    let wide = status_row(140);
    assert!(wide.contains(reason) && wide.contains("BR Δ"), "{wide}");
    let middle = status_row(90);
    assert!(
        middle.contains(reason) && middle.contains("2000") && !middle.contains("BR Δ"),
        "{middle}"
    );
    let narrow = status_row(60);
    assert!(narrow.starts_with(&format!(" {reason}")), "{narrow}");
    let narrowest = status_row(40);
    assert!(
        narrowest.starts_with(" no export kind 'removal-pla' (did") && narrowest.ends_with('…'),
        "{narrowest}"
    );
}

/// A filter on job changes shows what each was before and the day it was recorded; on
/// gone or added connections, the day of that; otherwise the connection's.
#[test]
fn the_table_shows_the_event_its_filter_selects_by() {
    let mut a = app();
    let header = |a: &App, w| screen_rows(a, w, 24)[2].clone();
    assert!(
        header(&a, 130).contains(" connected "),
        "{}",
        header(&a, 130)
    );
    assert!(!header(&a, 130).contains(" was "));
    a.set_filter("changed:>=7d");
    let rows = screen_rows(&a, 130, 24);
    assert!(
        rows[2].contains(" was ") && rows[2].contains(" changed "),
        "{}",
        rows[2]
    );
    let moved = a.network.contacts[a.table.ids[0] as usize].clone();
    let was = netcurate::text::seen(&moved.previous_position).into_owned();
    assert!(!was.is_empty());
    assert!(rows[3].contains(&was[..was.len().min(8)]), "{rows:?}");
    assert!(header(&a, 100).contains(" was "), "{}", header(&a, 100));
    assert!(header(&a, 80).contains(" was "), "{}", header(&a, 80));
    assert!(
        !header(&a, 79).contains(" was "),
        "no room under 80 columns"
    );
    a.set_filter("added:>=7d");
    assert!(header(&a, 130).contains(" added "), "{}", header(&a, 130));
    a.network.contacts[0].gone_on = Some(a.network.as_of);
    a.set_filter("gone:>=30d");
    assert_eq!(a.table.ids.len(), 1);
    assert!(header(&a, 130).contains(" gone "), "{}", header(&a, 130));
}

/// A hidden account's explanation names it as such and has no job line (it was " · ").
#[test]
fn a_hidden_accounts_explanation_has_no_empty_job() {
    let mut a = app();
    a.set_filter("flag:hidden");
    assert!(!a.table.ids.is_empty());
    key(&mut a, KeyCode::Enter);
    let rows = screen_rows(&a, 100, 30);
    let at = (rows.iter().position(|r| r.contains("│(hidden account)")))
        .unwrap_or_else(|| panic!("{}", rows.join("\n")));
    let next = rows[at + 1].trim_matches(|c: char| c == '│' || c == ' ');
    assert!(next.starts_with("seniority"), "{}", rows.join("\n"));
    assert!(
        !rows.iter().any(|r| r.contains("│ · ")),
        "{}",
        rows.join("\n")
    );
}

/// An empty database says how to import, where the export comes from, and the demo.
#[test]
fn an_empty_network_says_how_to_begin() {
    let d = demo();
    let empty = Network::new(Vec::new(), Vec::new(), d.network.as_of);
    let mut a = App::new(empty, None, Keymap::default_map(), d.pillars.clone());
    let text = format!("{:?}", screen(&a, 100, 24).backend());
    for needed in [
        "I imports your LinkedIn export",
        "Get a copy of your data",
        "netcurate demo",
    ] {
        assert!(text.contains(needed), "{needed:?} missing:\n{text}");
    }
    assert!(!text.contains("newest export"), "{text}");
    // An export found in the downloads folder is named, with the keys that import it.
    a.import_start = "~/Downloads/Basic_LinkedInDataExport_11-25-2026.zip".into();
    let text = screen_rows(&a, 100, 24).join("\n");
    assert!(
        text.contains(
            "Your newest export is there: ~/Downloads/Basic_LinkedInDataExport_11-25-2026.zip"
        ),
        "{text}"
    );
    assert!(text.contains("(I, then Enter)"), "{text}");
    // Opened on a database that is not the default one, the command to run names it.
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("empty.db");
    let session = crate::cli::Session::open(&db, Some(d.network.as_of), None).expect("open");
    let a = crate::tui::build_app(&session, Keymap::default_map()).expect("app");
    let text = screen_rows(&a, 160, 24).join("\n");
    let command = format!(
        "(or quit and run `netcurate --db {} import <path>`)",
        db.display()
    );
    assert!(text.contains(&command), "{text}");
}

/// On a wide terminal the name and tags columns grow with it (position had all the room:
/// 130 columns at 300 while a name was cut at 22).
#[test]
fn names_and_tags_take_more_room_on_a_wide_terminal() {
    let mut a = app();
    let c = &mut a.network.contacts[0];
    (c.first_name, c.last_name) = ("Anastasia".into(), "Castellano-Ruiz".into());
    let longest = c.full_name();
    tag_all(&mut a, &format!("name:\"{longest}\""), "board-members-emea");
    // The table's rows, without the filter line (which holds the name) and the status.
    let shown = |w: u16| screen_rows(&a, w, 12)[..10].join("\n");
    let narrow = shown(140);
    assert!(
        !narrow.contains(&longest) && !narrow.contains("board-members-emea"),
        "{narrow}"
    );
    let wide = shown(240);
    assert!(wide.contains(&longest), "{longest} whole:\n{wide}");
    assert!(wide.contains("board-members-emea"), "{wide}");
}

/// A terminal one column wide draws a filtered table (the marks of a match in a column of
/// no width took one from nothing: a panic the random keys found).
#[test]
fn a_one_column_terminal_draws_a_filtered_table() {
    let mut a = app();
    a.set_filter("v");
    for (w, h) in [(1, 7), (1, 1), (2, 3), (5, 24)] {
        screen(&a, w, h);
    }
}

/// A filter that finds nobody because it asks for a tag nobody has, or by a word that
/// starts no word of anyone's, says so, with the tag or word meant when it looks
/// misspelt; other filters that find nobody say only that.
#[test]
fn a_filter_on_a_tag_nobody_has_says_so() {
    let mut a = app();
    tag_all(&mut a, "company:hooli", "board");
    a.set_filter("tag:bord");
    assert!(a.table.ids.is_empty());
    let text = screen_rows(&a, 100, 24).join("\n");
    assert!(
        text.contains("No contact matches the filter: no contact is tagged 'bord' (did you"),
        "{text}"
    );
    a.set_filter("tag:board engnering");
    let text = screen_rows(&a, 150, 24).join("\n");
    assert!(
        text.contains("No contact matches the filter: no name, title or company has a word starting with 'engnering' (did you mean engineering?). esc clears it."),
        "{text}"
    );
    // Every word matches someone, only not together.
    a.set_filter("tag:board wonka");
    assert!(a.table.ids.is_empty());
    let text = screen_rows(&a, 100, 24).join("\n");
    assert!(
        text.contains("No contact matches the filter. esc clears it."),
        "{text}"
    );
    // A filter on scores, in a network not scored yet (no profile), says how to score it.
    let d = demo();
    let mut unscored = d.network.clone();
    unscored.contacts.iter_mut().for_each(|c| c.score = None);
    let mut a = App::new(unscored, None, Keymap::default_map(), d.pillars.clone());
    a.set_filter("score:<40");
    let text = screen_rows(&a, 140, 24).join("\n");
    assert!(
        text.contains(
            "No contact matches the filter: no contact is scored yet (no profile yet: E edits one, then scores). esc clears it."
        ),
        "{text}"
    );
    a.set_filter("-score:<40 score:>90");
    let text = screen_rows(&a, 140, 24).join("\n");
    assert!(text.contains("no contact is scored yet"), "{text}");
    // So does one on what only a contact CSV brings (the demo's export has none).
    a.set_filter("location:berlin");
    let text = screen_rows(&a, 140, 24).join("\n");
    assert!(
        text.contains("No contact matches the filter: no contact has a location (a contact CSV"),
        "{text}"
    );
}

/// On opening, the workbench says how to score a network without a profile (with the key
/// as bound), else the week's news — the connections imports added and the job changes
/// they recorded — and the key that lists them (the demo's latest import has both); N
/// lists one, then the other, from any view; nothing to say or list a month on, or with no
/// contacts.
#[test]
fn the_workbench_opens_with_what_to_do_first() {
    let d = demo();
    let keymap = Keymap::parse_overrides("edit-profile = \"P\"").expect("keymap");
    let mut a = App::new(d.network.clone(), None, keymap, d.pillars.clone());
    a.say_what_to_do_first();
    let text = screen_rows(&a, 80, 24).join("\n");
    assert!(
        text.contains("no profile yet: P edits one, then scores"),
        "{text}"
    );
    let week_ago = d.network.as_of - chrono::Days::new(7);
    let this_week = |day: Option<chrono::NaiveDate>| day.is_some_and(|day| day >= week_ago);
    let contacts = &d.network.contacts;
    let added = contacts.iter().filter(|c| this_week(c.added_on)).count();
    let changed = (contacts.iter())
        .filter(|c| this_week(c.job_changed_on))
        .count();
    assert!(added > 1 && changed > 1, "{added} {changed}");
    let a = app();
    let bottom = screen_rows(&a, 100, 24)[23].clone();
    let opening = format!("this week: {added} new, {changed} job changes — N lists them");
    assert!(bottom.contains(&opening), "in the status bar: {bottom}");
    // N lists the new connections from any view, then the job changes, then again the new.
    let mut a = app();
    key(&mut a, KeyCode::Char('3'));
    let lists = [
        (
            "added:>=7d",
            added,
            format!("{added} new — c triages them · N: {changed} job changes"),
        ),
        (
            "changed:>=7d",
            changed,
            format!("{changed} job changes — enter: the old job · N: {added} new"),
        ),
    ];
    for (filter, count, status) in lists.iter().chain(&lists[..1]) {
        key(&mut a, KeyCode::Char('N'));
        assert_eq!((a.view, a.table.filter.as_str()), (View::Contacts, *filter));
        assert_eq!(a.table.ids.len(), *count, "{filter}");
        assert_eq!(&a.status, status);
    }
    // Connections an import found gone this week are news too, listed last.
    let mut contacts = d.network.contacts.clone();
    let unchanged = |c: &&mut netcurate::model::Contact| {
        c.in_network() && !this_week(c.added_on) && !this_week(c.job_changed_on)
    };
    for c in contacts.iter_mut().filter(unchanged).take(3) {
        c.gone_on = Some(d.network.as_of);
    }
    let with_gone = Network::new(contacts, Vec::new(), d.network.as_of);
    let mut a = app_on(with_gone);
    a.say_what_to_do_first();
    assert_eq!(
        a.status,
        format!("this week: {added} new, {changed} job changes, 3 gone — N lists them")
    );
    let cycle = [
        (
            "added:>=7d",
            format!("{added} new — c triages them · N: {changed} job changes"),
        ),
        (
            "changed:>=7d",
            format!("{changed} job changes — enter: the old job · N: 3 gone"),
        ),
        (
            "gone:>=7d",
            format!("3 gone — no longer connected · N: {added} new"),
        ),
        (
            "added:>=7d",
            format!("{added} new — c triages them · N: {changed} job changes"),
        ),
    ];
    for (filter, status) in cycle {
        key(&mut a, KeyCode::Char('N'));
        assert_eq!(
            (a.table.filter.as_str(), a.status.as_str()),
            (filter, status.as_str())
        );
    }
    let later = d.network.as_of + chrono::Days::new(30);
    let month_on = Network::new(d.network.contacts.clone(), Vec::new(), later);
    let mut a = app_on(month_on);
    a.say_what_to_do_first();
    assert_eq!(a.status, "", "no news a month on");
    key(&mut a, KeyCode::Char('N'));
    assert_eq!(a.table.filter, "", "nothing listed");
    assert_eq!(a.status, crate::tui::strings::status::NO_NEWS);
    let empty = Network::new(Vec::new(), Vec::new(), d.network.as_of);
    let mut a = App::new(empty, None, Keymap::default_map(), d.pillars.clone());
    a.say_what_to_do_first();
    assert_eq!(a.status, "", "no contacts: the screen says how to import");
}

/// On a screen too narrow for the plan beside the assumptions, the plan comes whole
/// above them: its rows end with the figures after the plan, not in the assumptions' text.
#[test]
fn pillars_stack_the_plan_above_the_assumptions_when_narrow() {
    let mut a = app();
    key(&mut a, KeyCode::Char('4'));
    for width in [50, 77] {
        let lines = screen_rows(&a, width, 34);
        let at = |text: &str| lines.iter().position(|l| l.contains(text));
        let pending = at(crate::tui::strings::feature::PENDING_STALE).expect("the plan's last row");
        let assumptions = at(crate::tui::strings::ASSUMPTIONS.trim()).expect("the assumptions");
        assert!(assumptions > pending, "{lines:#?}");
        // The scrollbar (in the last column when the view is taller than the screen) aside.
        let row = lines[pending]
            .trim_end_matches(['█', '║', '▲', '▼'])
            .trim_end();
        let after = row.rsplit(" → ").next().unwrap_or_default();
        assert!(
            after.split(" / ").all(|n| n.parse::<u32>().is_ok()),
            "{width} columns: {row:?}"
        );
    }
}

/// The plan's figures widen to the widest one (10,000 pending, at 100k contacts) and
/// stay in their columns; the plan stays beside the assumptions while two such plans fit.
#[test]
fn plan_columns_widen_for_large_figures() {
    let mut a = app();
    key(&mut a, KeyCode::Char('4'));
    let mut p = a.projection.clone().expect("a projection");
    (p.features.before.pending, p.features.before.stale) = (10_000, 9_475);
    a.projection = Some(p);
    for (width, beside) in [(90, true), (89, false)] {
        let lines = screen_rows(&a, width, 34);
        let plan = (lines.iter())
            .position(|l| l.contains(crate::tui::strings::PLAN.trim()))
            .expect("the plan");
        let rows = &lines[plan + 1..plan + 8];
        let arrows: Vec<usize> = rows
            .iter()
            .map(|l| l.chars().position(|c| c == '→').unwrap_or(0))
            .collect();
        assert!(arrows.iter().all(|&x| x == arrows[0]), "{width}: {rows:#?}");
        assert!(
            rows.iter().any(|l| l.contains("10000 / 9475 → 45 / 35")),
            "{rows:#?}"
        );
        let title = lines
            .iter()
            .find(|l| l.contains(crate::tui::strings::PLAN.trim()))
            .expect("plan");
        assert_eq!(
            title.contains(crate::tui::strings::ASSUMPTIONS.trim()),
            beside,
            "{width}: {title}"
        );
    }
}

/// Explaining a contact flagged duplicate names the contact it probably duplicates
/// (the flag alone left the user to search for it).
#[test]
fn explain_names_the_probable_duplicate() {
    use netcurate::model::{Contact, Flags};
    let d = demo();
    let mut contacts = d.network.contacts.clone();
    let first = (contacts.iter())
        .find(|c| !c.is_hidden() && !c.company.is_empty())
        .cloned()
        .expect("a named contact");
    contacts.push(Contact {
        id: 99_999,
        url: "https://www.linkedin.com/in/twin-99999".into(),
        url_key: Some("linkedin.com/in/twin-99999".into()),
        position: "Board Advisor".into(),
        ..first.clone()
    });
    let duplicates = netcurate::audience::find_duplicates(&contacts);
    for (c, duplicate) in contacts.iter_mut().zip(duplicates) {
        c.flags.set(Flags::DUPLICATE, duplicate);
    }
    let network = Network::new(contacts, d.network.invitations.clone(), d.network.as_of);
    let mut a = app_on(network);
    a.set_filter("title:\"board advisor\"");
    assert_eq!(a.table.ids.len(), 1);
    key(&mut a, KeyCode::Enter);
    let text = format!("{:?}", screen(&a, 120, 40).backend());
    let expected = format!(
        "probable duplicate of {} — {} · {}",
        first.full_name(),
        first.position,
        first.company
    );
    assert!(text.contains(&expected), "{expected}: {text}");
}

/// Explaining a contact whose profile URL the export percent-encodes (an accented slug)
/// shows it as an address bar does; `y` still copies it as exported.
#[test]
fn explain_shows_a_profile_url_as_it_reads() {
    let mut a = app();
    let c = (a.network.contacts.iter())
        .find(|c| c.url.contains("%C3%B6"))
        .expect("an ö in a profile URL")
        .clone();
    a.set_filter(&format!("url:{}", c.url));
    assert_eq!(a.table.ids.len(), 1);
    key(&mut a, KeyCode::Enter);
    // Above the filter line, which holds the URL as typed.
    let text = screen_rows(&a, 120, 40)[..38].join("\n");
    let readable = c.url.replace("%C3%B6", "ö");
    assert!(text.contains(&readable), "{readable}: {text}");
    assert!(!text.contains("%C3"), "{text}");
}

/// The rows on screen show where the filter matched: a bare word's letters in the title,
/// a field term's text in its column; other characters keep their style.
#[test]
fn rows_mark_where_the_filter_matched() {
    use ratatui::style::Modifier;
    let mut a = app();
    a.set_filter("plat company:hoo");
    let terminal = screen(&a, 120, 30);
    let buffer = terminal.backend().buffer();
    let rows = screen_rows(&a, 120, 30);
    let row = (3..30)
        .find(|&y| rows[y].contains("Platform Engineer ") && rows[y].contains("Hooli"))
        .expect("a platform engineer at Hooli");
    let line = &rows[row];
    let row = row as u16;
    let marked = |x: usize| {
        buffer[(x as u16, row)]
            .modifier
            .contains(Modifier::UNDERLINED)
    };
    // Columns, not bytes: the score bar before them is drawn with multi-byte blocks.
    let column = |text: &str| line[..line.find(text).expect(text)].chars().count();
    let (title, company) = (column("Platform Engineer"), column("Hooli"));
    let marks: Vec<usize> = (0..120).filter(|&x| marked(x)).collect();
    let expected: Vec<usize> = (title..title + 4).chain(company..company + 3).collect();
    assert_eq!(marks, expected, "{line}");
}

/// A title and company copied from a web page (soft hyphen, zero-width and no-break
/// spaces, a direction mark) take the columns they show, so the row's later columns stay
/// in line with the header, and the filter's marks fall on the letters that matched.
#[test]
fn rows_with_copied_text_stay_in_their_columns() {
    use ratatui::style::Modifier;
    let d = demo();
    let mut network = d.network.clone();
    let c = &mut network.contacts[0];
    c.company = "Soft\u{ad}ware\u{a0}Inc".into();
    c.position = "Head of\u{200b} Growth\u{200e}".into();
    let mut a = app_on(network);
    a.set_filter("company:software title:growth");
    let (w, h) = (120, 30);
    let rows = screen_rows(&a, w, h);
    let header = rows
        .iter()
        .position(|r| r.contains("company"))
        .expect("header");
    let y = (header..rows.len())
        .find(|&y| rows[y].contains("Software Inc "))
        .expect("the row");
    let line = &rows[y];
    let column = |text: &str, of: &str| of[..of.find(text).expect(text)].chars().count();
    let seniority = format!(" {} ", a.network.contacts[0].seniority.as_str());
    assert_eq!(
        column("seniority", &rows[header]),
        column(&seniority, line) + 1,
        "{line}"
    );
    let buffer = screen(&a, w, h).backend().buffer().clone();
    let marks: Vec<usize> = (0..usize::from(w))
        .filter(|&x| {
            buffer[(x as u16, y as u16)]
                .modifier
                .contains(Modifier::UNDERLINED)
        })
        .collect();
    let (title, company) = (column("Head of Growth", line), column("Software Inc", line));
    let expected: Vec<usize> = (title + 8..title + 14)
        .chain(company..company + 8)
        .collect();
    assert_eq!(marks, expected, "{line}");
}

/// The explanation of a contact whose title holds control characters (a line break from
/// a quoted cell, an escape) shows them as spaces, not as two words glued together.
#[test]
fn the_explanation_shows_control_characters_as_spaces() {
    let d = demo();
    let mut network = d.network.clone();
    network.contacts[0].position = "Growth\r\nLead\x1b[0m".into();
    let name = network.contacts[0].full_name();
    let mut a = app_on(network);
    a.set_filter(&format!("name:\"{name}\""));
    key(&mut a, KeyCode::Enter);
    let text = screen_rows(&a, 120, 30).join("\n");
    assert!(text.contains("Growth  Lead [0m · "), "{text}");
}

/// Sorted by the last message (`s` reaches it), the wide table's date column is that
/// message's day, the latest first; otherwise it is the day of connecting.
#[test]
fn sorted_by_the_last_message_the_date_column_shows_it() {
    use netcurate::query::SortKey;
    let mut a = app();
    let header_of = |a: &App| {
        let rows = screen_rows(a, 130, 20);
        let at = (rows.iter())
            .position(|r| r.contains(" name ") && r.contains("decision"))
            .expect("header");
        (rows[at].clone(), rows[at + 1].clone())
    };
    assert!(header_of(&a).0.contains(" connected "));
    for _ in 0..SortKey::ALL.len() {
        if a.table.sort == SortKey::Messaged {
            break;
        }
        key(&mut a, KeyCode::Char('s'));
    }
    assert_eq!(a.table.sort, SortKey::Messaged);
    let latest = (a.network.contacts.iter())
        .filter_map(|c| c.last_message_at)
        .max()
        .expect("the demo has messages")
        .date();
    let (header, first) = header_of(&a);
    assert!(
        header.contains(" messaged ") && !header.contains("connected"),
        "{header}"
    );
    assert!(first.contains(&latest.to_string()), "{first}");
}

/// The explanation of a connection an import found gone says since when, and the `gone:`
/// filter finds it.
#[test]
fn the_explanation_says_since_when_a_connection_is_gone() {
    let d = demo();
    let mut network = d.network.clone();
    let c = &mut network.contacts[0];
    c.gone_on = chrono::NaiveDate::from_ymd_opt(2026, 10, 20);
    c.flags.set(netcurate::model::Flags::GONE, true);
    let name = c.full_name();
    let mut a = app_on(network);
    a.set_filter("gone:2026-10");
    assert_eq!(a.table.ids.len(), 1);
    assert_eq!(current_name(&a), name);
    key(&mut a, KeyCode::Enter);
    let text = screen_rows(&a, 120, 30).join("\n");
    assert!(
        text.contains("gone since 2026-10-20: the export imported then no longer lists them"),
        "{text}"
    );
}

/// On a screen too short for all 24 months, the months chart shows the latest ones:
/// it opened on the oldest, so the recent months were below the pane's edge.
#[test]
fn months_chart_opens_on_the_latest_months() {
    let mut a = app();
    key(&mut a, KeyCode::Char('3'));
    let labels = a.segment_queries(crate::tui::app::MONTHS_PANE);
    assert_eq!(labels.len(), 24, "the demo spans more than two years");
    let text = format!("{:?}", screen(&a, 120, 24).backend());
    let (oldest, latest) = (&labels[0].0, &labels[23].0);
    assert!(text.contains(latest.as_str()), "{latest} shown: {text}");
    assert!(
        !text.contains(oldest.as_str()),
        "{oldest} scrolled away: {text}"
    );
}

#[test]
fn views_segments_and_invitations() {
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    assert_eq!(a.view, View::Invitations);
    let pending = a.invitation_rows(0);
    assert_eq!(pending.len(), 45);
    let ages: Vec<i64> = pending
        .iter()
        .map(|&i| a.network.invitations[i].age_days(a.network.as_of))
        .collect();
    assert!(ages.windows(2).all(|w| w[0] >= w[1]), "oldest first");
    key(&mut a, KeyCode::Char(' '));
    key(&mut a, KeyCode::Char(' '));
    // Wide enough for the counts in full beside the opening's news.
    let (_, status) = bottom_lines(&a, 130);
    assert!(
        status.starts_with(" 45 pending · 12 incoming · 2 selected "),
        "the view's own counts: {status}"
    );
    let effects = key(&mut a, KeyCode::Char('w'));
    assert!(matches!(&effects[..], [Effect::Persist(op)] if op.len() == 2));
    assert_eq!(a.network.stats().invitations.outgoing_withdraw_planned, 2);
    // W marks every stale one (the two marked already among them, unless they are new).
    let stale_days = a.pillars.assumptions.stale_days;
    let stale = ages.iter().filter(|&&age| age > stale_days).count();
    assert!(
        stale > 2 && stale < pending.len(),
        "{stale} of {}",
        pending.len()
    );
    let effects = key(&mut a, KeyCode::Char('W'));
    assert!(matches!(&effects[..], [Effect::Persist(op)] if op.len() == stale - 2));
    assert_eq!(
        a.network.stats().invitations.outgoing_withdraw_planned,
        stale
    );
    assert!(
        key(&mut a, KeyCode::Char('W')).is_empty(),
        "nothing more to mark"
    );
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.view, View::Segments);
    key(&mut a, KeyCode::Char('l'));
    key(&mut a, KeyCode::Char('G'));
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.view, View::Contacts);
    assert_eq!(a.table.filter, "score:>=90");
    key(&mut a, KeyCode::Char('3'));
    key(&mut a, KeyCode::Char('l'));
    key(&mut a, KeyCode::Char('j'));
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.table.filter, "seniority:partner");
    key(&mut a, KeyCode::Char('4'));
    assert_eq!(a.view, View::Pillars);
    key(&mut a, KeyCode::Char('n'));
    typed(&mut a, "60 14 12 18 15");
    let effects = key(&mut a, KeyCode::Enter);
    let [Effect::RecordSsi(r)] = &effects[..] else {
        panic!("{effects:?}")
    };
    a.update(Msg::SsiRecorded(*r));
    assert_eq!(
        a.projection.as_ref().unwrap().build_relationships.baseline,
        Some(15.0)
    );
    assert!(
        a.status.starts_with("recorded SSI 60 (BR 15) on "),
        "{}",
        a.status
    );
    assert!(
        !a.status.contains("mistyped"),
        "14 + 12 + 18 + 15 = 59: {}",
        a.status
    );
    // A pillar mistyped is recorded, and the status says the pillars do not add up.
    key(&mut a, KeyCode::Char('n'));
    ctrl(&mut a, 'u');
    typed(&mut a, "60 14 12 18 5");
    let effects = key(&mut a, KeyCode::Enter);
    let [Effect::RecordSsi(r)] = &effects[..] else {
        panic!("{effects:?}")
    };
    a.update(Msg::SsiRecorded(*r));
    assert!(
        a.status
            .contains("but its pillars add up to 49: one mistyped?"),
        "{}",
        a.status
    );
}

/// The status line always shows the counts and the plan's projected BR change; as it gets
/// shorter the counts take their brief form and the last action drops its undo hint; a
/// message that still does not fit moves to the line above, after the filter, ending in
/// "…" only if it does not fit there either. Without a filter it replaces the key hints.
#[test]
fn a_short_status_line_keeps_counts_projection_and_the_action() {
    let mut a = app();
    a.set_filter("title:vp");
    key(&mut a, KeyCode::Char('*'));
    key(&mut a, KeyCode::Char('x'));
    key(&mut a, KeyCode::Char('y'));
    let n = a.selected_count;
    let br = &a.projection.as_ref().unwrap().build_relationships;
    let numbers = format!("BR Δ {:+.1}…{:+.1}", br.delta_low, br.delta_high);
    let shows = |line: &str, text: &str| assert!(line.contains(text), "{text:?} not in {line:?}");
    let action = format!("set {n} contacts to prune");
    let (above, wide) = bottom_lines(&a, 140);
    shows(&wide, &format!(" 2000 total · {n} in view · {n} selected "));
    shows(&wide, &format!("{action} — u to undo"));
    shows(&wide, &format!("{numbers} {}", br.direction.words()));
    assert!(!above.contains(&action), "{above}");

    let (_, narrow) = bottom_lines(&a, 80);
    assert!(
        narrow.starts_with(&format!(" {n} of 2000 · {n} selected ")),
        "{narrow}"
    );
    shows(&narrow, &action);
    assert!(narrow.trim_end().ends_with(&numbers), "{narrow}");

    let (above, tight) = bottom_lines(&a, 60);
    assert!(!tight.contains(&action), "{tight}");
    assert!(tight.trim_end().ends_with(&numbers), "{tight}");
    assert!(
        above.contains(&format!("filter: title:vp  {n} of 2000  {action}")),
        "{above}"
    );
    assert!(!above.contains("undo"), "the hint goes first: {above}");

    let (above, _) = bottom_lines(&a, 40);
    assert!(above.ends_with("…"), "cut, and marked: {above}");

    a.set_filter("");
    let (above, _) = bottom_lines(&a, 60);
    assert!(
        above.starts_with(&action),
        "in place of the key hints: {above}"
    );
}

/// Narrower than the brief counts and the projection, the counts leave out an empty
/// selection, then the projection goes: a count is never cut into another number (at 40
/// columns " 2000 of 2000 · 0 selected" was cut to " 2000 of 2000 · 0 se", at 30 a
/// 100000 network's " 100000 of 100000" to " 100000 of 1000"); narrower still, cut and
/// marked.
#[test]
fn a_narrow_status_line_never_cuts_a_count() {
    let mut a = app();
    let br = &a.projection.as_ref().unwrap().build_relationships;
    let numbers = format!("BR Δ {:+.1}…{:+.1}", br.delta_low, br.delta_high);
    for width in [30, 40] {
        let (_, status) = bottom_lines(&a, width);
        assert!(status.starts_with(" 2000 of 2000  "), "{width}: {status:?}");
        assert!(status.trim_end().ends_with(&numbers), "{width}: {status:?}");
    }
    key(&mut a, KeyCode::Char('*'));
    let (_, status) = bottom_lines(&a, 40);
    assert_eq!(
        status.trim_end(),
        " 2000 of 2000 · 2000 selected",
        "the projection goes"
    );
    let (_, status) = bottom_lines(&a, 12);
    assert_eq!(status, " 2000 of 20…", "cut, and marked");
    key(&mut a, KeyCode::Char('2'));
    let (_, status) = bottom_lines(&a, 30);
    assert!(
        status.contains(" pending  ") && status.trim_end().ends_with(&numbers),
        "{status:?}"
    );
}

/// The filter line keeps its count whole, the filter cut to make room (at 40 columns
/// "929 of 2000" was cut to "929 of 200"), both as applied and while typed; with too
/// little room for both, the filter stays and the count goes. A malformed term's error
/// keeps its room too (it was cut at the edge, the typed text whole before it).
#[test]
fn a_narrow_filter_line_keeps_room_for_its_count_or_error() {
    let mut a = app();
    let filter = "score:<10 -flag:warm -flag:hidden";
    a.set_filter(filter);
    let count = crate::tui::strings::shown_of(a.table.ids.len(), a.network.contacts.len());
    let count = count.trim();
    let (line, _) = bottom_lines(&a, 40);
    assert!(line.trim_end().ends_with(count), "{line:?}");
    assert!(line.starts_with("filter: score:<10"), "{line:?}");
    assert!(line.contains('…'), "the filter is marked cut: {line:?}");
    key(&mut a, KeyCode::Char('/'));
    let (line, _) = bottom_lines(&a, 40);
    assert!(line.trim_end().ends_with(count), "{line:?}");
    assert!(
        line.contains("-flag:hidden█"),
        "the end typed shows: {line:?}"
    );
    for width in [20, 24] {
        let (line, _) = bottom_lines(&a, width);
        assert!(!line.contains(" of "), "{width}: {line:?}");
        assert!(line.trim_end().ends_with("hidden█"), "{width}: {line:?}");
    }
    // An error keeps its room as the count does, the text typed cut at its start; on a
    // line too narrow for both, a few columns of the text and the error cut at the edge.
    typed(&mut a, " score:<<4");
    let error = a.table.filter_error.clone().expect("a malformed term");
    for width in [60, 80] {
        let (line, _) = bottom_lines(&a, width);
        assert!(line.trim_end().ends_with(&error), "{width}: {line:?}");
        assert!(line.starts_with("filter: …"), "{width}: {line:?}");
        assert!(line.contains("idden score:<<4█"), "{width}: {line:?}");
    }
    let (line, _) = bottom_lines(&a, 40);
    assert!(
        line.starts_with("filter: …ore:<<4█  'score:<<4'"),
        "{line:?}"
    );
    assert!(line.trim_end().ends_with('…'), "{line:?}");
}

#[test]
fn snapshot_contacts_view() {
    let mut a = app();
    a.set_filter("company:hooli");
    key(&mut a, KeyCode::Char(' '));
    key(&mut a, KeyCode::Char('a'));
    insta::assert_snapshot!(screen(&a, 120, 24).backend());
}

/// The first frame, drawn from the top of the list while the network loads, shows what
/// the whole workbench then shows, but for the status line, which says it is loading.
#[test]
fn the_first_frame_is_the_workbench_before_it_has_loaded() {
    let (_dir, session) = crate::demo::build(None).expect("demo builds");
    let rows = view::table_rows(25);
    let first = crate::tui::first_frame_app(&session, Keymap::default_map(), rows).expect("first");
    let mut whole = crate::tui::build_app(&session, Keymap::default_map()).expect("app");
    whole.update(Msg::Resize {
        rows,
        help_rows: view::help_rows(25),
        help_columns: view::help_columns(120),
        pillars_hidden: None,
    });
    assert_eq!(first.network.contacts.len(), rows);
    let lines = |a: &App| screen_rows(a, 120, 25);
    let (first, whole) = (lines(&first), lines(&whole));
    assert_eq!(
        first[..24],
        whole[..24],
        "the same tabs, table and help line"
    );
    assert!(
        first[24].contains("loading 2000 contacts…"),
        "{}",
        first[24]
    );
    assert!(whole[24].contains("2000 total"), "{}", whole[24]);
}

/// The last action's message keeps its room in the status line: the projection drops its
/// words, not its numbers, when both do not fit.
#[test]
fn the_status_message_is_not_cut_by_the_projection() {
    let mut a = app();
    a.status = "tagged 64 contacts 'eu-leads'".into();
    let last_line = |width: u16| screen_rows(&a, width, 24).swap_remove(23);
    let narrow = last_line(100);
    assert!(narrow.contains("tagged 64 contacts 'eu-leads'"), "{narrow}");
    assert!(narrow.contains("BR Δ +0.0…+0.0"), "{narrow}");
    assert!(!narrow.contains("notice"), "{narrow}");
    let wide = last_line(160);
    assert!(wide.contains("tagged 64 contacts 'eu-leads'"), "{wide}");
    assert!(wide.contains("too small to notice"), "{wide}");
}

/// On an 80-column terminal the table keeps the company beside the position, and text
/// cut to its column ends in "…".
#[test]
fn narrow_screens_keep_the_company_and_mark_cut_text() {
    let a = app();
    let text = format!("{:?}", screen(&a, 80, 24).backend());
    assert!(text.contains("company"), "{text}");
    assert!(text.contains("Stark Cloud"), "{text}");
    assert!(text.contains("Vice President, Eng…"), "{text}");
    assert!(
        !text.contains("seniority"),
        "no room for seniority at 80 columns"
    );
}

/// On an 80-column terminal the pillars view still says, in full, that the projection is
/// an estimate, shows every assumption, and the plan's numbers stay apart from the
/// assumptions beside them; the readings are a scroll away.
#[test]
fn narrow_pillars_keep_the_disclaimer_whole() {
    let mut a = app();
    key(&mut a, KeyCode::Char('4'));
    let text = format!("{:?}", screen(&a, 80, 24).backend());
    for words in [
        "Estimate from public information;",
        "LinkedIn does not publish",
        "formula.",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    assert!(
        text.contains("pending / stale    45 / 35 → 45 / 35  "),
        "{text}"
    );
    for words in [
        "k_internal 25",
        "w_relevant 0.1",
        "stale_days 21 · noise ±0.5",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    resize(&mut a, 80, 24);
    key(&mut a, KeyCode::Char('G'));
    let text = format!("{:?}", screen(&a, 80, 24).backend());
    assert!(
        text.contains("3 readings") && text.contains("last: SSI"),
        "{text}"
    );
}

/// A pillars view taller than the screen (at 80×24 the readings' last line and the log
/// did not show) scrolls with the moving keys, a scrollbar showing; its log has the latest
/// projection first. On a tall screen it all shows and nothing scrolls.
#[test]
fn a_pillars_view_taller_than_the_screen_scrolls() {
    let mut a = app();
    key(&mut a, KeyCode::Char('4'));
    let on = |day: u32| chrono::NaiveDate::from_ymd_opt(2026, 10, day).expect("day");
    for (day, low) in [(1, 14.0), (20, 15.5)] {
        let baseline = Some(14.6);
        let (date, high) = (on(day), low + 1.0);
        (a.pillars.log).push(netcurate::pillars::LoggedProjection {
            date,
            baseline,
            low,
            high,
        });
    }
    let hidden = resize(&mut a, 80, 24).expect("the pillars view is measured");
    assert!(hidden > 0);
    let rows = screen_rows(&a, 80, 24);
    assert!(
        rows[1].contains("Build relationships") && rows[1].ends_with('▲'),
        "{rows:#?}"
    );
    assert!(!rows.iter().any(|r| r.contains("last: SSI")), "{rows:#?}");
    // The keys line says the moving keys scroll it (when the status is empty).
    a.status.clear();
    let hints = &screen_rows(&a, 80, 24)[22];
    assert!(hints.starts_with("j/k scroll · n records"), "{hints}");
    key(&mut a, KeyCode::Char('G'));
    assert_eq!(a.pillars_scroll.top, hidden);
    let rows = screen_rows(&a, 80, 24);
    let at = |text: &str| rows.iter().position(|r| r.contains(text));
    let newest = at("projected BR +0.9…+1.9 on 2026-10-20").expect("the newest projection");
    let oldest = at("projected BR -0.6…+0.4 on 2026-10-01").expect("the oldest projection");
    assert!(
        at("last: SSI").is_some_and(|last| last < newest) && newest < oldest,
        "{rows:#?}"
    );
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(a.pillars_scroll.top, hidden, "no further than the end");
    key(&mut a, KeyCode::Char('k'));
    assert_eq!(a.pillars_scroll.top, hidden - 1);
    // Another view is not measured, and the scroll is where it was on coming back.
    key(&mut a, KeyCode::Char('1'));
    assert_eq!(resize(&mut a, 80, 24), None);
    key(&mut a, KeyCode::Char('4'));
    assert_eq!(resize(&mut a, 80, 24), Some(hidden));
    assert_eq!(a.pillars_scroll.top, hidden - 1);
    key(&mut a, KeyCode::Char('g'));
    assert_eq!(a.pillars_scroll.top, 0);
    assert!(screen_rows(&a, 80, 24)[1].contains("Build relationships"));
    // Tall enough: nothing hidden, no scrollbar, and a scroll made on a short screen is
    // taken back.
    key(&mut a, KeyCode::Char('G'));
    assert_eq!(resize(&mut a, 120, 50), Some(0));
    assert_eq!(a.pillars_scroll.top, 0);
    let rows = screen_rows(&a, 120, 50);
    assert!(
        !rows.iter().any(|r| r.contains('▲') || r.contains('▼')),
        "{rows:#?}"
    );
    assert!(rows[48].starts_with("n records"), "{rows:#?}");
}

/// Rows the pillars view leaves free draw BR: the readings as a line and each projection
/// logged (with its baseline) as the range it gave, scaled to what they span, with the
/// first and last day under it (at 120×30, nine rows spare; 120×50 here). A screen with
/// no rows to spare draws none, and the sparkline beside the readings' words rises with
/// them (it stood as full bars: BR 14.6 and 15.2 out of 25 looked alike).
#[test]
fn spare_rows_of_the_pillars_view_chart_br_and_the_projected_ranges() {
    let mut a = app();
    key(&mut a, KeyCode::Char('4'));
    let date = chrono::NaiveDate::from_ymd_opt(2026, 10, 12).expect("day");
    let (baseline, low, high) = (Some(14.6), 13.2, 18.4);
    (a.pillars.log).push(netcurate::pillars::LoggedProjection {
        date,
        baseline,
        low,
        high,
    });
    resize(&mut a, 120, 50);
    let rows = screen_rows(&a, 120, 50);
    let at = |text: &str| rows.iter().position(|r| r.contains(text));
    // The y axis spans the projected range too, with room: 18.4 + 0.52, 13.2 - 0.52.
    let top = at("18.9│").expect("BR's top label");
    let bottom = at("12.7│").expect("BR's bottom label");
    let days = (rows.iter()).rposition(|r| {
        let r = r.trim();
        r.starts_with("2026-10-10") && r.ends_with("2026-10-25")
    });
    assert!(
        at("projected BR").is_some_and(|log| log < top) && top < bottom && days > Some(bottom),
        "{rows:#?}"
    );
    assert!(
        at("BR readings").is_some() && at("projected ranges").is_some(),
        "{rows:#?}"
    );
    let chart = rows[top..=bottom].join("\n");
    assert!(
        chart.contains('⢸') || chart.contains('⡇'),
        "a range's bar: {chart}"
    );
    let spark = |rows: &[String]| -> String {
        let at = rows
            .iter()
            .position(|r| r.contains("3 readings"))
            .expect("the readings");
        [&rows[at], &rows[at + 1]]
            .map(|r| r.chars().take(3).collect::<String>())
            .join("/")
    };
    // BR 14.6, 14.9, 15.2: a tenth above the lowest, four, seven (of two rows' eighths).
    assert_eq!(spark(&rows), " ▁█/▂██", "{rows:#?}");
    // A screen the view scrolls on has no row to spare: at its end, the log and no chart.
    assert!(resize(&mut a, 120, 20).is_some_and(|hidden| hidden > 0));
    key(&mut a, KeyCode::Char('G'));
    let short = screen_rows(&a, 120, 20);
    assert!(
        short.iter().any(|r| r.starts_with("projected BR")),
        "{short:#?}"
    );
    assert!(
        !short.iter().any(|r| r.contains('│') && r.contains('.')),
        "no chart: {short:#?}"
    );
}

/// At 40 columns the pillars' titles are their initials rather than cut ("Find the right
/// peo"), the readings' title drops to "Readings — n records one", and the readings'
/// numbers wrap whole (a date was cut to "from 202").
#[test]
fn narrow_pillars_cut_no_title_or_number() {
    let mut a = app();
    key(&mut a, KeyCode::Char('4'));
    resize(&mut a, 40, 24);
    let rows = screen_rows(&a, 40, 24);
    assert!(
        rows[1].starts_with(" BR ───") && rows[1].contains(" FRP ───"),
        "{rows:#?}"
    );
    key(&mut a, KeyCode::Char('G'));
    let rows = screen_rows(&a, 40, 24);
    let text = rows.join("\n");
    assert!(text.contains(" Readings — n records one ─"), "{text}");
    let last = a.pillars.readings.last().expect("a reading");
    for whole in [last.date.to_string(), format!("BR {:.1}", last.br)] {
        assert!(text.contains(&whole), "{whole}: {text}");
    }
}

/// A box too narrow for its title with every key keeps the key that closes it ("Why this
/// score — o opens · y copies ·" lost "esc closes" at 40 columns), and the months'
/// label drops its words rather than be cut.
#[test]
fn narrow_boxes_keep_the_key_that_closes_them() {
    let mut a = app();
    key(&mut a, KeyCode::Enter);
    let rows = screen_rows(&a, 40, 24);
    assert!(
        rows.iter()
            .any(|r| r.starts_with("┌ Why this score — esc closes ─")),
        "{rows:#?}"
    );
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('2'));
    let rows = screen_rows(&a, 40, 30);
    assert!(
        rows.iter()
            .any(|r| r.trim_end() == " connections made per month:"),
        "{rows:#?}"
    );
}

/// A triage card taller than the screen keeps what to decide: the suggestion and the
/// decision come before the facts a short screen cuts (the decision was the last line,
/// and went first).
#[test]
fn a_card_cut_short_keeps_the_suggestion_and_decision() {
    let mut a = app();
    let i = a.table.ids[0] as usize;
    let name = a.network.contacts[i].full_name();
    let c = &mut a.network.contacts[i];
    let day = a.network.as_of;
    (c.job_changed_on, c.added_on) = (Some(day), Some(day));
    c.last_message_at = day.and_hms_opt(9, 0, 0);
    c.message_count = 3;
    c.tags = vec!["eu-lead".to_string()];
    a.set_filter(&format!("\"{name}\""));
    key(&mut a, KeyCode::Char('c'));
    let rows = screen_rows(&a, 80, 20);
    let text = rows.join("\n");
    assert!(
        !text.contains("messages: 3 exchanged"),
        "the card is cut: {text}"
    );
    assert!(text.contains("suggested: "), "{text}");
    assert!(
        text.contains("decision: undecided · tags: eu-lead"),
        "{text}"
    );
}

#[test]
fn snapshot_explain_and_help() {
    let mut a = app();
    key(&mut a, KeyCode::Enter);
    insta::assert_snapshot!("explain", screen(&a, 110, 30).backend());
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('?'));
    insta::assert_snapshot!("help", screen(&a, 110, 50).backend());
}

#[test]
fn snapshot_invitations_and_capacity() {
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    insta::assert_snapshot!(screen(&a, 120, 30).backend());
}

#[test]
fn snapshot_segments() {
    let mut a = app();
    tag_all(&mut a, "company:hooli", "hooli");
    key(&mut a, KeyCode::Char('3'));
    insta::assert_snapshot!(screen(&a, 120, 32).backend());
}

/// What a contact CSV told (email, industry, location) shows in the explanation; a filter
/// on the location or the industry shows it in the table too, from 80 columns.
#[test]
fn a_filter_on_location_shows_it_in_the_table() {
    let mut network = demo().network.clone();
    for c in network.contacts.iter_mut().take(40) {
        c.location = "Berlin, Germany".into();
        c.industry = "Software Development".into();
    }
    let mut a = app_on(network);
    let text = |a: &App, w| screen_rows(a, w, 24).join("\n");
    assert!(!text(&a, 120).contains("location"), "{}", text(&a, 120));
    a.set_filter("location:berlin");
    assert_eq!(a.table.ids.len(), 40);
    let shown = text(&a, 120);
    let header = &screen_rows(&a, 120, 24)[2];
    assert!(header.contains(" location "), "{header}");
    assert!(!header.contains("industry"), "{header}");
    assert!(shown.contains(" Berlin, "), "{shown}");
    assert!(!screen_rows(&a, 79, 24)[2].contains("location"));
    key(&mut a, KeyCode::Enter);
    assert!(
        text(&a, 120).contains("Software Development · Berlin, Germany"),
        "{}",
        text(&a, 120)
    );
}

/// The charts show the segment under the cursor, named in their titles: all contacts
/// first, a tag's contacts on its row; a bar then filters within the segment.
#[test]
fn the_charts_show_the_segment_under_the_cursor() {
    let mut a = app();
    tag_all(&mut a, "company:hooli", "hooli");
    key(&mut a, KeyCode::Char('3'));
    // The count after a bar's label in the chart that holds it.
    let count_of = |a: &App, label: &str| -> usize {
        let rows = screen_rows(a, 120, 32);
        (rows.iter())
            .find_map(|row| {
                let after = &row[row.find(label)? + label.len()..];
                after.split_whitespace().find_map(|w| w.parse().ok())
            })
            .unwrap_or_else(|| panic!("{label} in:\n{}", rows.join("\n")))
    };
    let low = |c: &&netcurate::model::Contact| c.score.is_some_and(|s| s < 10);
    let contacts = &a.network.contacts;
    let everyone = contacts.iter().filter(low).count();
    let tagged = (contacts.iter())
        .filter(|c| c.tags.iter().any(|t| t == "hooli"))
        .filter(low)
        .count();
    assert!(tagged < everyone, "{tagged} {everyone}");
    assert_eq!(count_of(&a, "0–9 "), everyone);
    assert!(!screen_rows(&a, 120, 32).join("").contains("Score ·"));
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(count_of(&a, "0–9 "), tagged);
    assert!(screen_rows(&a, 120, 32)[1].contains(" Score · #hooli "));
    key(&mut a, KeyCode::Char('l'));
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.table.ids.len(), tagged, "{}", a.table.filter);
}

/// On a narrow screen the tabs name the view shown (the others by number), and the
/// segments view shows its focused pane alone, whose labels are whole.
#[test]
fn a_narrow_screen_names_its_view_and_shows_one_segments_pane() {
    let mut a = app();
    let tabs = |a: &App| screen_rows(a, 50, 16)[0].clone();
    assert!(
        tabs(&a).starts_with(" 1 Contacts │ 2 │ 3 │ 4 "),
        "{}",
        tabs(&a)
    );
    key(&mut a, KeyCode::Char('4'));
    assert!(
        tabs(&a).starts_with(" 1 │ 2 │ 3 │ 4 Pillars "),
        "{}",
        tabs(&a)
    );
    key(&mut a, KeyCode::Char('3'));
    // The panes' titles are on the line below the tabs.
    let titles = |a: &App, w| screen_rows(a, w, 16)[1].clone();
    assert!(
        titles(&a, 50).starts_with(" Segments ──"),
        "{}",
        titles(&a, 50)
    );
    key(&mut a, KeyCode::Char('l'));
    assert!(
        titles(&a, 50).starts_with(" Score ──"),
        "{}",
        titles(&a, 50)
    );
    assert!(!titles(&a, 50).contains("Segments"), "{}", titles(&a, 50));
    let rows = screen_rows(&a, 50, 16).join("\n");
    assert!(rows.contains(" 10–19 "), "whole labels: {rows}");
    let wide = titles(&a, 120);
    assert!(
        wide.contains(" Segments ") && wide.contains(" Score "),
        "{wide}"
    );
    insta::assert_snapshot!(screen(&a, 50, 16).backend());
}

/// Before the first SSI reading, each pillar says what to do over both its gauges' rows,
/// wrapped in a narrow pane (at 60 columns it lost "one"), and so does the readings pane
/// (at 40).
#[test]
fn without_a_reading_the_pillars_say_what_to_do_whole() {
    let mut a = app();
    key(&mut a, KeyCode::Char('4'));
    a.pillars.readings.clear();
    a.refresh_projection();
    let record = crate::tui::view::keys_text(&a, crate::tui::strings::RECORD_ONE);
    let rows = screen_rows(&a, 60, 30);
    let left = |row: &str| row.chars().take(29).collect::<String>().trim().to_string();
    let said = format!("{} {}", left(&rows[2]), left(&rows[3]));
    assert_eq!(said, crate::tui::strings::no_reading(&record), "{rows:#?}");
    let readings = crate::tui::strings::no_readings(&record);
    let rows = screen_rows(&a, 40, 40);
    let from = rows.iter().position(|r| r.starts_with("no SSI readings"));
    let whole = from.map(|at| format!("{} {}", rows[at].trim(), rows[at + 1].trim()));
    assert!(whole.is_some_and(|w| w.starts_with(&readings)), "{rows:#?}");
}

#[test]
fn snapshot_pillars() {
    let mut a = app();
    a.update(Msg::SsiRecorded(netcurate::store::SsiReading {
        date: a.network.as_of,
        total: 60.0,
        brand: 14.0,
        frp: 12.0,
        engage: 18.0,
        br: 15.0,
        ..Default::default()
    }));
    a.set_filter("score:<20");
    key(&mut a, KeyCode::Char('*'));
    key(&mut a, KeyCode::Char('x'));
    key(&mut a, KeyCode::Char('y'));
    key(&mut a, KeyCode::Char('4'));
    insta::assert_snapshot!(screen(&a, 120, 30).backend());
}

#[test]
fn snapshot_triage_card() {
    let mut a = app();
    key(&mut a, KeyCode::Char('c'));
    insta::assert_snapshot!(screen(&a, 110, 28).backend());
}

#[test]
fn tiny_terminals_do_not_panic() {
    let mut a = app();
    for (w, h) in [(30, 8), (10, 3), (1, 1), (200, 60)] {
        for v in ['1', '2', '3', '4', 'c'] {
            key(&mut a, KeyCode::Char(v));
            screen(&a, w, h);
            key(&mut a, KeyCode::Enter);
            screen(&a, w, h);
            key(&mut a, KeyCode::Esc);
            key(&mut a, KeyCode::Char('?'));
            screen(&a, w, h);
            key(&mut a, KeyCode::Esc);
        }
    }
}
