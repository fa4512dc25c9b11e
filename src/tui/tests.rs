//! Workbench tests in layers: pure `update` tests for the commands, and whole screens
//! rendered into a `TestBackend` and compared with insta snapshots. All on the bundled
//! demo network, built once.

use super::app::{App, Confirm, Effect, ImportList, Msg, Overlay, PromptKind, View};
use super::keymap::Keymap;
use super::theme::Theme;
use super::view;
use netcurate::import::FileKind;
use netcurate::model::Decision;
use netcurate::network::Network;
use netcurate::ops::Op;
use netcurate::store::Found;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::OnceLock;

struct Demo {
    network: Network,
    profile: Option<netcurate::audience::Profile>,
    pillars: super::app::PillarInputs,
}

fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| {
        let (_dir, session) = crate::demo::build(None).expect("demo builds");
        let app = super::build_app(&session, Keymap::default_map()).expect("app");
        Demo {
            network: app.network,
            profile: app.profile,
            pillars: app.pillars,
        }
    })
}

fn app() -> App {
    let d = demo();
    // The file help names, the same wherever the tests run.
    let mut keymap = Keymap::default_map();
    keymap.file = Some("/home/you/.config/netcurate/keys.toml".into());
    let mut app = App::new(
        d.network.clone(),
        d.profile.clone(),
        keymap,
        d.pillars.clone(),
    );
    app.update(Msg::Resize {
        rows: 20,
        help_rows: 23,
    });
    app
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

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

/// The workbench on `network` (the demo's, changed), with the demo's profile and pillar
/// inputs and the default keys.
fn app_on(network: Network) -> App {
    let d = demo();
    App::new(
        network,
        d.profile.clone(),
        Keymap::default_map(),
        d.pillars.clone(),
    )
}

fn typed(app: &mut App, text: &str) {
    for ch in text.chars() {
        key(app, KeyCode::Char(ch));
    }
}

/// The text of the open prompt (a test fails when none is open).
fn prompt_text(app: &App) -> String {
    match &app.overlay {
        Overlay::Prompt(p) => p.input.clone(),
        other => panic!("no prompt: {other:?}"),
    }
}

fn current_name(app: &App) -> String {
    app.network.contacts[app.current().unwrap()].full_name()
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
    a.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('d'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(a.table.cursor, 10);
    a.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(a.table.cursor, 0);
}

/// Keys handled while more are queued (`update_queued`), as the event loop does.
fn queued(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        app.update_queued(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

fn chars(text: &str) -> Vec<KeyCode> {
    text.chars().map(KeyCode::Char).collect()
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
    assert!(
        !super::app::narrows("score:<4", "score:<40"),
        "a number can widen"
    );
    assert!(!super::app::narrows("tag:a", "tag:ab"));
    assert!(super::app::narrows("company:ho", "company:hoo"));
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
    assert!(n > super::app::CONFIRM_PRUNE_OVER);
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
    a.set_filter("company:hooli");
    key(&mut a, KeyCode::Char('*'));
    key(&mut a, KeyCode::Char('t'));
    typed(&mut a, "eu-leads");
    let effects = key(&mut a, KeyCode::Enter);
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
    if let Overlay::Prompt(p) = &mut a.overlay {
        p.input = format!("removal-plan {}", path.display());
    }
    let effects = key(&mut a, KeyCode::Enter);
    assert!(
        matches!(&effects[..], [Effect::Export { ids, force: false, .. }] if ids.len() == a.table.ids.len())
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
        if let Overlay::Prompt(p) = &mut a.overlay {
            p.input = format!("removal-plan {}", dir.path().display());
        }
        let effects = key(&mut a, KeyCode::Enter);
        match asks {
            false => assert!(
                matches!(&effects[..], [Effect::Export { path, force: false, .. }] if *path == in_folder),
                "{effects:?}"
            ),
            true => assert!(
                matches!(&a.overlay, Overlay::Confirm(Confirm::Overwrite { path, .. }) if *path == in_folder),
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
    a.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typed(&mut a, "removal-plan");
    assert!(
        key(&mut a, KeyCode::Enter).is_empty(),
        "no file named removal-plan"
    );
    assert_eq!(open_with(&a).as_deref(), Some("removal-plan"));
    assert!(a.status.contains("needs a kind"), "{}", a.status);

    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('t'));
    typed(&mut a, "eu;leads");
    assert!(key(&mut a, KeyCode::Enter).is_empty(), "nothing tagged");
    assert_eq!(open_with(&a).as_deref(), Some("eu;leads"));
    assert!(a.status.contains("separates tags"), "{}", a.status);
}

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
    if let Overlay::Prompt(p) = &mut a.overlay {
        p.input = format!("removal-plan {}", path.display());
    }
    key(&mut a, KeyCode::Enter);
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

/// An empty database says how to import, where the export comes from, and the demo.
#[test]
fn an_empty_network_says_how_to_begin() {
    let d = demo();
    let empty = Network::new(Vec::new(), Vec::new(), d.network.as_of);
    let a = App::new(empty, None, Keymap::default_map(), d.pillars.clone());
    let text = format!("{:?}", screen(&a, 100, 24).backend());
    for needed in [
        "I imports your LinkedIn export",
        "Get a copy of your data",
        "netcurate demo",
    ] {
        assert!(text.contains(needed), "{needed:?} missing:\n{text}");
    }
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
        line.starts_with("n records an SSI reading · ctrl-z undo"),
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

/// On an 80-column screen the invitations view keeps what each row says: the name gives
/// way to the state and the suggestion (and, with no inviter scored, takes the room of
/// the scores), and the key hints drop keys before the help key.
#[test]
fn invitations_fit_an_80_column_screen() {
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    key(&mut a, KeyCode::Char('W'));
    a.status.clear();
    let first_row = screen_rows(&a, 80, 24).swap_remove(4);
    let withdraw = first_row.find("withdraw ").expect(&first_row);
    assert!(!a.incoming_scored(), "the demo's inviters are not contacts");
    let newest_inviter = &a.network.invitations[a.invitation_rows(1)[0]].from_name;
    assert!(
        first_row.find(newest_inviter.as_str()) > Some(withdraw),
        "both panes whole: {first_row}"
    );
    assert!(!first_row.contains("unscored"), "{first_row}");
    // An inviter who is a contact: scores and suggestions come back.
    let newest = a.invitation_rows(1)[0];
    a.network.invitations[newest].contact_id = Some(a.network.contacts[0].id);
    assert!(a.incoming_scored());
    let first_row = screen_rows(&a, 80, 24).swap_remove(4);
    let suggestion = first_row
        .find("accept")
        .or_else(|| first_row.find("ignore?"));
    assert!(
        suggestion.is_some_and(|at| at > withdraw),
        "both panes whole: {first_row}"
    );
    let (hints, _) = bottom_lines(&a, 80);
    assert!(hints.trim_end().ends_with("? help"), "{hints}");
    assert!(hints.contains("W all stale"), "{hints}");
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
        let pending = at(super::strings::feature::PENDING_STALE).expect("the plan's last row");
        let assumptions = at(super::strings::ASSUMPTIONS.trim()).expect("the assumptions");
        assert!(assumptions > pending, "{lines:#?}");
        let row = lines[pending].trim_end();
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
            .position(|l| l.contains(super::strings::PLAN.trim()))
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
            .find(|l| l.contains(super::strings::PLAN.trim()))
            .expect("plan");
        assert_eq!(
            title.contains(super::strings::ASSUMPTIONS.trim()),
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

/// Incoming invitations: the most relevant first and, among equals (the demo's are all
/// unscored), the newest; each row says how old it is where there is room.
#[test]
fn incoming_invitations_newest_first_among_equals_with_their_age() {
    let mut a = app();
    let rows = a.invitation_rows(1);
    assert!(rows.len() > 2);
    let inv = &a.network.invitations;
    for pair in rows.windows(2) {
        let (x, y) = (pair[0], pair[1]);
        let (sx, sy) = (a.invitation_score(x), a.invitation_score(y));
        assert!(
            sx > sy || (sx == sy && inv[x].sent_at >= inv[y].sent_at),
            "{pair:?}"
        );
    }
    let newest = inv[rows[0]].age_days(a.network.as_of);
    key(&mut a, KeyCode::Char('2'));
    let first_row = screen_rows(&a, 80, 24).swap_remove(4);
    let incoming = first_row.split("stale").nth(1).unwrap_or_default();
    assert!(
        incoming.trim_start().starts_with(&format!("{newest}d ")),
        "{first_row}"
    );
    // With none of them scored the pane says it is simply newest first; once an inviter
    // is a scored contact, it is ranked by relevance.
    let title_row = |a: &App| screen_rows(a, 120, 24).swap_remove(3);
    assert!(title_row(&a).contains("Incoming — newest first ─"));
    let scored = a.network.contacts[0].id;
    let i = rows[rows.len() - 1];
    a.network.invitations[i].contact_id = Some(scored);
    assert!(a.incoming_scored());
    assert!(
        title_row(&a).contains("Incoming — by relevance"),
        "{}",
        title_row(&a)
    );
}

/// The invitations view, its cursor on the newest outgoing pending invitation (the last
/// of the list); its index.
fn on_newest_pending_invitation(a: &mut App) -> usize {
    key(a, KeyCode::Char('2'));
    key(a, KeyCode::Char('G'));
    a.current_invitation().expect("an invitation")
}

/// Enter on an invitation shows it in full: who to whom, when, where it stands, its
/// message and the profile; Esc closes it.
#[test]
fn enter_shows_an_invitation_in_full() {
    let mut a = app();
    let i = on_newest_pending_invitation(&mut a);
    let inv = a.network.invitations[i].clone();
    assert!(
        !inv.message.is_empty(),
        "the newest pending one has a message"
    );
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.overlay, Overlay::Explain));
    let text = format!("{:?}", screen(&a, 120, 40).backend());
    for expected in [
        format!("outgoing: {} → {}", inv.from_name, inv.to_name),
        format!(
            "sent {} ({} days ago) · pending",
            inv.sent_at.date(),
            inv.age_days(a.network.as_of)
        ),
        format!("message: “{}”", inv.message),
    ] {
        assert!(text.contains(&expected), "{expected}: {text}");
    }
    key(&mut a, KeyCode::Esc);
    assert!(matches!(a.overlay, Overlay::None));
    key(&mut a, KeyCode::Char('l'));
    key(&mut a, KeyCode::Enter);
    let text = format!("{:?}", screen(&a, 120, 40).backend());
    assert!(text.contains("incoming: "), "{text}");
    assert!(
        text.contains(super::strings::INVITATION_NOT_CONTACT),
        "{text}"
    );
}

/// An invitation's message keeps its line breaks, a line each, and shows no control
/// character (LinkedIn's messages are multi-line; Line::raw glued the lines together).
#[test]
fn an_invitation_message_keeps_its_lines() {
    let mut a = app();
    let i = on_newest_pending_invitation(&mut a);
    a.network.invitations[i].message = "Hi Ada,\r\nloved your talk.\tCheers\x07".into();
    key(&mut a, KeyCode::Enter);
    let rows = screen_rows(&a, 120, 40);
    let at = |text: &str| rows.iter().position(|r| r.contains(text));
    let first = at("message: “Hi Ada,").expect("the first line");
    assert_eq!(
        at("loved your talk. Cheers ”"),
        Some(first + 1),
        "{rows:#?}"
    );
}

/// The workbench's import message: the new connections with their filter, those back
/// after being gone counted apart, and the removal plan's progress, only when there are
/// some.
#[test]
fn import_message_counts_new_and_returning_apart() {
    use super::strings::status;
    let path = std::path::Path::new("/home/you/Downloads/export.zip");
    let report = |[new, returned, gone, changed, unchanged, hidden]: [u64; 6]| {
        netcurate::store::ImportReport {
            new,
            returned,
            gone,
            changed,
            unchanged,
            hidden,
            new_since: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
            files: vec![file_report(FileKind::Connections)],
            ..Default::default()
        }
    };
    let weekly = status::imported(path, &report([2, 0, 5, 1, 1994, 16]));
    assert_eq!(
        weekly,
        "imported export.zip: 2 new (connected:>=2026-11-20), 5 gone, 1 changed, 1994 unchanged, 16 hidden"
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
        back.contains("2 new (connected:>=2026-11-20), 20 back, 0 gone"),
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
    use super::strings::status;
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
    r.new_since = Some(day(20));
    let new = ImportList::of_report(&r).unwrap();
    assert_eq!(
        (new.of, new.filter.as_str()),
        (Found::NewConnections, "connected:>=2026-11-20")
    );
    let nothing = netcurate::store::ImportReport {
        unchanged: 90,
        ..Default::default()
    };
    assert_eq!(ImportList::of_report(&nothing), None);
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

/// The outgoing pane's title keeps its key hint where it fits and drops it whole where
/// it does not (at 60 columns it was cut to "… · w").
#[test]
fn outgoing_title_drops_its_key_hint_when_it_does_not_fit() {
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    for (width, hint) in [(100, true), (60, false)] {
        let title = (screen_rows(&a, width, 24).into_iter())
            .find(|l| l.contains(super::strings::OUTGOING.trim()))
            .expect("the outgoing pane");
        let after = title
            .split(super::strings::OUTGOING)
            .nth(1)
            .unwrap_or_default();
        assert_eq!(
            after.starts_with("· w withdraws "),
            hint,
            "{width}: {title:?}"
        );
        assert!(hint || !after.starts_with('·'), "{width}: {title:?}");
    }
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
    let labels = a.segment_queries(super::app::MONTHS_PANE);
    assert_eq!(labels.len(), 24, "the demo spans more than two years");
    let text = format!("{:?}", screen(&a, 120, 24).backend());
    let (oldest, latest) = (&labels[0].0, &labels[23].0);
    assert!(text.contains(latest.as_str()), "{latest} shown: {text}");
    assert!(
        !text.contains(oldest.as_str()),
        "{oldest} scrolled away: {text}"
    );
}

/// The prefilled export prompt is edited like a shell line: Ctrl-W deletes the last word
/// (the file name), Ctrl-U the whole line, Backspace one character.
#[test]
fn prompt_lines_are_edited_word_by_word() {
    let mut a = app();
    key(&mut a, KeyCode::Char('e'));
    let ctrl = |a: &mut App, ch| {
        a.update(Msg::Key(KeyEvent::new(
            KeyCode::Char(ch),
            KeyModifiers::CONTROL,
        )))
    };
    assert!(
        prompt_text(&a).starts_with("contacts netcurate-all-"),
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
    ctrl(&mut a, 'u');
    assert_eq!(prompt_text(&a), "");
    assert!(
        a.help_lines().iter().any(
            |l| matches!(l, super::app::HelpLine::Note(n) if n.contains("Ctrl-W or Alt-Backspace deletes"))
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
    let (_, status) = bottom_lines(&a, 100);
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
}

/// D in the segments view deletes the segment under the cursor: a saved filter (the
/// runtime stores it, undoably), or a tag from every contact that has it (one step);
/// a score band or another figure is no segment.
#[test]
fn d_deletes_a_saved_filter_or_a_tag() {
    let mut a = app();
    for c in a.network.contacts.iter_mut().take(3) {
        c.tags = vec!["eu".into(), "keep-me".into()];
    }
    for (name, query) in [("hooli", "company:hooli"), ("vps", "seniority:vp")] {
        a.update(Msg::FilterSaved(name.into(), query.into()));
    }
    key(&mut a, KeyCode::Char('3'));
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
    assert_eq!(a.status, "removed tag 'eu' from 3 contacts — u to undo");
    let names: Vec<_> = a
        .segment_rows
        .iter()
        .map(|r| r.segment.name.as_str())
        .collect();
    assert_eq!(names, ["#keep-me", "hooli", "vps"]);
    key(&mut a, KeyCode::Char('G'));
    let effects = key(&mut a, KeyCode::Char('D'));
    assert_eq!(effects, [Effect::DeleteFilter("vps".into())]);
    a.update(Msg::FilterDeleted("vps".into()));
    let names: Vec<_> = a.segment_rows.iter().map(|r| &r.segment.name).collect();
    assert_eq!(names, ["#keep-me", "hooli"]);
    assert_eq!(a.segments.cursor[0], 1, "the cursor stays on a row");
    assert_eq!(a.status, "deleted segment 'vps' — u to undo");
    key(&mut a, KeyCode::Char('l'));
    assert!(key(&mut a, KeyCode::Char('D')).is_empty(), "a score band");
    assert_eq!(a.status, super::strings::status::NOT_A_SEGMENT);
}

fn screen(a: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| view::draw(a, &Theme::plain(), f))
        .unwrap();
    terminal
}

/// Each row of the screen drawn at `w`×`h`, as text (one character a cell).
fn screen_rows(a: &App, w: u16, h: u16) -> Vec<String> {
    let terminal = screen(a, w, h);
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// The last two lines of the screen at `w` columns: the filter line and the status line.
fn bottom_lines(a: &App, w: u16) -> (String, String) {
    let mut rows = screen_rows(a, w, 24);
    let status = rows.pop().unwrap_or_default();
    (rows.pop().unwrap_or_default(), status)
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
    let first = super::first_frame_app(&session, Keymap::default_map(), rows).expect("first");
    let mut whole = super::build_app(&session, Keymap::default_map()).expect("app");
    whole.update(Msg::Resize {
        rows,
        help_rows: view::help_rows(25),
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
/// an estimate, shows every assumption, keeps a line of readings, and the plan's numbers
/// stay apart from the assumptions beside them.
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
        "3 readings",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
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
    a.set_filter("company:hooli");
    key(&mut a, KeyCode::Char('*'));
    key(&mut a, KeyCode::Char('t'));
    typed(&mut a, "hooli");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('3'));
    insta::assert_snapshot!(screen(&a, 120, 32).backend());
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

/// Tab in the import or export prompt asks the runtime to complete the path; the answer
/// goes into that prompt only while its text is what was asked about.
/// In a tag prompt, Tab completes as far as the tags agree, which the prompt's line
/// lists; a letter more picks one, and Tab completes it whole.
#[test]
fn tab_completes_a_tag_as_far_as_the_tags_agree() {
    let d = demo();
    let mut network = d.network.clone();
    network.contacts[0].tags = vec!["eu-leads".into()];
    network.contacts[1].tags = vec!["eu-cto".into()];
    let mut a = app_on(network);
    key(&mut a, KeyCode::Char('T'));
    typed(&mut a, "e");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "eu-");
    let screen = screen_rows(&a, 100, 20).join("\n");
    assert!(screen.contains("eu-█  Tab: eu-cto eu-leads"), "{screen}");
    typed(&mut a, "l");
    key(&mut a, KeyCode::Tab);
    assert_eq!(prompt_text(&a), "eu-leads");
}

/// In the filter prompt, Tab completes a field's name and then its value, and the
/// completed filter applies at once; with several left, the status line lists them.
#[test]
fn tab_completes_a_filter_term() {
    let mut a = app();
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
}

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
    let complete = |text: &str| super::complete_path(text);
    assert_eq!(complete(&at("Con")), (at("Connections.csv"), vec![]));
    assert_eq!(complete(&at("ex")), (at("export/"), vec![]));
    let (text, choices) = complete(&format!("removal-plan {}", at("Inv")));
    assert_eq!(text, format!("removal-plan {}", at("Invitations")));
    assert_eq!(choices, ["Invitations-old.csv", "Invitations.csv"]);
    let (_, all) = complete(&at(""));
    assert!(!all.iter().any(|n| n.starts_with('.')), "{all:?}");
    assert!(all.contains(&"export/".to_string()), "{all:?}");
    assert_eq!(complete(&at(".s")).0, at(".secret"));
    assert_eq!(complete(&at("nothing")), (at("nothing"), vec![]));
}

/// The invitations view moves and selects as the contacts table does: half pages, and a
/// range from where `v` was pressed to where the cursor goes.
#[test]
fn invitations_range_select_and_half_pages() {
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    let ctrl = |a: &mut App, ch| {
        a.update(Msg::Key(KeyEvent::new(
            KeyCode::Char(ch),
            KeyModifiers::CONTROL,
        )))
    };
    ctrl(&mut a, 'd');
    let half = a.invitations.cursor[0];
    assert_eq!(half, 10, "half of a 20-row page");
    key(&mut a, KeyCode::Char('v'));
    for _ in 0..3 {
        key(&mut a, KeyCode::Char('j'));
    }
    key(&mut a, KeyCode::Char('k'));
    assert_eq!(a.withdraw_selected.len(), 4, "rows 10 to 13");
    key(&mut a, KeyCode::Char('v'));
    key(&mut a, KeyCode::Char('j'));
    assert_eq!(a.withdraw_selected.len(), 4, "the range ended");
    let effects = key(&mut a, KeyCode::Char('w'));
    assert!(matches!(&effects[..], [Effect::Persist(op)] if op.len() == 4));
    key(&mut a, KeyCode::Char('v'));
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('j'));
    assert!(a.withdraw_selected.is_empty(), "Esc ends the range too");
}

/// With nothing left to undo but the latest import, the workbench asks before taking the
/// import back whole; anything but y keeps it.
#[test]
fn undoing_an_import_is_confirmed() {
    let mut a = app();
    a.update(Msg::ImportUndoable);
    assert!(matches!(a.overlay, Overlay::Confirm(Confirm::UndoImport)));
    let text = format!("{:?}", screen(&a, 100, 24).backend());
    assert!(text.contains("Take it back whole? (y / n)"), "{text}");
    assert!(key(&mut a, KeyCode::Char('n')).is_empty());
    assert_eq!(a.status, "cancelled");
    a.update(Msg::ImportUndoable);
    assert_eq!(key(&mut a, KeyCode::Char('y')), vec![Effect::UndoImport]);
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

/// Invitations gone from a later export (withdrawn, declined) leave both panes.
#[test]
fn gone_invitations_leave_the_invitations_view() {
    use netcurate::model::{Direction, InvitationStatus};
    let mut a = app();
    let (outgoing, incoming) = (a.invitation_rows(0).len(), a.invitation_rows(1).len());
    assert!(outgoing > 1 && incoming > 1);
    for dir in [Direction::Outgoing, Direction::Incoming] {
        let inv = (a.network.invitations.iter_mut())
            .find(|i| i.direction == dir && i.status == InvitationStatus::Pending)
            .expect("a pending invitation");
        inv.status = InvitationStatus::Gone;
    }
    assert_eq!(a.invitation_rows(0).len(), outgoing - 1);
    assert_eq!(a.invitation_rows(1).len(), incoming - 1);
    // The rates say what they leave out.
    key(&mut a, KeyCode::Char('2'));
    let screen = screen_rows(&a, 120, 30).join("\n");
    assert!(
        screen.contains("now a connection · 1 withdrawn or expired left out"),
        "{screen}"
    );
}

/// The import prompt starts with the folder the latest import came from.
#[test]
fn the_import_prompt_starts_in_the_latest_import_folder() {
    let mut a = app();
    a.import_folder = "~/Downloads/".to_string();
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
    use super::app::typed_path;
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
