//! Workbench tests in layers: pure `update` tests for the commands (`keys`, `imports`,
//! `invitations`), and whole screens rendered into a `TestBackend` and compared with insta
//! snapshots (`screens`). All on the bundled demo network, built once; this module holds
//! what they share (the demo app, typing keys, drawing a screen).

use super::app::{
    App, Choice, Confirm, Effect, HelpLine, ImportList, Msg, Overlay, PromptKind, View,
};
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

mod imports;
mod invitations;
mod keys;
mod mouse;
mod narrowing;
mod random_keys;
mod screens;

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
    app.say_what_to_do_first();
    app.update(Msg::Resize {
        rows: 20,
        help_rows: 23,
        // The help's lines whole, as a screen wide enough shows them.
        help_columns: 0,
        pillars_hidden: None,
    });
    app
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Ctrl and the character `ch`, as [`key`] sends a key.
fn ctrl(app: &mut App, ch: char) -> Vec<Effect> {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char(ch),
        KeyModifiers::CONTROL,
    )))
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

/// Replaces the open prompt's text with `text` and presses Enter: what that asks for.
fn submit(app: &mut App, text: &str) -> Vec<Effect> {
    if let Overlay::Prompt(p) = &mut app.overlay {
        p.input = text.to_string();
    }
    key(app, KeyCode::Enter)
}

/// Tags every contact `filter` finds with `tag` from the keys (`/`'s filter, `*`, `t`),
/// leaving the filter applied: what tagging asks for.
fn tag_all(app: &mut App, filter: &str, tag: &str) -> Vec<Effect> {
    app.set_filter(filter);
    key(app, KeyCode::Char('*'));
    key(app, KeyCode::Char('t'));
    typed(app, tag);
    key(app, KeyCode::Enter)
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

/// Keys handled while more are queued (`update_queued`), as the event loop does.
fn queued(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        app.update_queued(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

fn chars(text: &str) -> Vec<KeyCode> {
    text.chars().map(KeyCode::Char).collect()
}

fn screen(a: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| view::draw(a, &Theme::plain(), f))
        .unwrap();
    terminal
}

/// Tells `a` the terminal is `w`×`h`, as the event loop does before each frame; the
/// pillars view's rows that do not fit (while it is shown).
fn resize(a: &mut App, w: u16, h: u16) -> Option<usize> {
    let pillars_hidden = view::pillars_hidden(a, &Theme::plain(), ratatui::layout::Size::new(w, h));
    a.update(Msg::Resize {
        rows: view::table_rows(h),
        help_rows: view::help_rows(h),
        help_columns: view::help_columns(w),
        pillars_hidden,
    });
    pillars_hidden
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
