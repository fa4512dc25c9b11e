//! Workbench benchmarks at 100k contacts: one filter keystroke (cold and narrowing), one
//! frame render of each view, and working out the segments view. The TUI lives in the binary, so its modules are
//! compiled into this bench as they are into `netcurate`.
#![allow(dead_code, unused_imports)]

mod common;

#[path = "../src/cli/mod.rs"]
mod cli;
#[path = "../src/columns.rs"]
mod columns;
#[path = "../src/demo.rs"]
mod demo;
#[path = "../src/platform.rs"]
mod platform;
#[path = "../src/tui/mod.rs"]
mod tui;

use common::*;
use criterion::{Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::time::{Duration, Instant};
use tui::app::{App, Msg, PillarInputs};
use tui::keymap::Keymap;
use tui::theme::Theme;

fn app() -> App {
    let (_, store) = imported_db("workbench");
    let network = store.load(as_of()).expect("load");
    let mut app = App::new(
        network,
        Some(profile()),
        Keymap::default_map(),
        PillarInputs::default(),
    );
    app.update(Msg::Resize {
        rows: 35,
        help_rows: 38,
        help_columns: 82,
        pillars_hidden: None,
    });
    app
}

fn keystroke(c: &mut Criterion) {
    let mut app = app();
    let mut g = c.benchmark_group("workbench");
    // Each keystroke is timed alone: the state before it is set up outside the clock.
    let mut keystroke = |name: &str, before: &'static str, after: &'static str| {
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    app.set_filter(before);
                    let start = Instant::now();
                    app.set_filter(black_box(after));
                    total += start.elapsed();
                }
                total
            })
        });
    };
    keystroke(
        "filter keystroke, cold: '' -> 'company:hool' at 100k",
        "",
        "company:hool",
    );
    keystroke(
        "filter keystroke, narrowing: 'company:hool' -> 'company:hooli'",
        "company:hool",
        "company:hooli",
    );
    keystroke(
        "filter keystroke, bare word: 'plat' -> 'platf' at 100k",
        "plat",
        "platf",
    );
    // The slowest of typing a common word letter by letter: many rows still match, so
    // the whole network is tested again.
    keystroke(
        "filter keystroke, common bare word: 'en' -> 'eng' at 100k",
        "en",
        "eng",
    );
    // A word whose letters are in most titles in order but start words in few: the
    // pieces are worked out for every such row.
    keystroke(
        "filter keystroke, a word in pieces: 'ct' -> 'cto' at 100k",
        "ct",
        "cto",
    );
    // Nobody matches: the table says why, with the word likely meant, found among the
    // words of every name, title and company.
    keystroke(
        "filter keystroke, a word nobody's starts: 'hooly' -> 'hoolyx' at 100k",
        "hooly",
        "hoolyx",
    );
    keystroke(
        "filter keystroke, a word nobody's starts beside another term: 'seniority:vp hooly' -> 'seniority:vp hoolyx' at 100k",
        "seniority:vp hooly",
        "seniority:vp hoolyx",
    );
    // A phrase nobody's: the phrases of as many words that start with its letter.
    keystroke(
        "filter keystroke, a phrase nobody's: 'title:\"haed of plat' -> 'title:\"haed of platf' at 100k",
        "title:\"haed of plat",
        "title:\"haed of platf",
    );
    keystroke(
        "filter keystroke, clearing: 'platf' -> '' at 100k",
        "platf",
        "",
    );
    // Tab on a bare word: the words of names, titles and companies that start with it.
    g.bench_function("tab completes a bare word: 'hoo' at 100k", |b| {
        let values_of = |field: &str| netcurate::query::network_values(&app.network, field);
        let words_of =
            |field: &str, typed: &str| netcurate::query::words_in(app.hay(), field, typed);
        b.iter(|| netcurate::query::complete(black_box("hoo"), &values_of, &words_of))
    });
    app.set_filter("");
    let theme = Theme::from_env();
    let mut terminal = Terminal::new(TestBackend::new(160, 40)).expect("terminal");
    g.bench_function(
        "render one frame of the contacts view, 100k rows, 160x40",
        |b| {
            b.iter(|| {
                terminal
                    .draw(|f| tui::view::draw(&app, &theme, f))
                    .expect("draw");
            })
        },
    );
    // The same with a filter whose matches are marked in every row on screen.
    app.set_filter("plat company:hoo");
    g.bench_function(
        "render one frame, filter 'plat company:hoo' marked in its rows, 160x40",
        |b| {
            b.iter(|| {
                terminal
                    .draw(|f| tui::view::draw(&app, &theme, f))
                    .expect("draw");
            })
        },
    );
    // The other views, drawn from the whole network (charts, invitations).
    for (view, name) in [
        (
            '2',
            "render one frame of the invitations view, 100k + 20k, 160x40",
        ),
        (
            '3',
            "render one frame of the segments view (charts), 100k, 160x40",
        ),
    ] {
        let key = ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(view),
            ratatui::crossterm::event::KeyModifiers::NONE,
        );
        app.update(Msg::Key(key));
        g.bench_function(name, |b| {
            b.iter(|| {
                terminal
                    .draw(|f| tui::view::draw(&app, &theme, f))
                    .expect("draw");
            })
        });
    }
    // The invitations view narrowed to a find: every invitation's person and message
    // folded and searched at each frame.
    let press = |app: &mut App, code| {
        let key = ratatui::crossterm::event::KeyEvent::new(
            code,
            ratatui::crossterm::event::KeyModifiers::NONE,
        );
        app.update(Msg::Key(key));
    };
    use ratatui::crossterm::event::KeyCode;
    for code in [
        KeyCode::Char('2'),
        KeyCode::Char('/'),
        KeyCode::Char('a'),
        KeyCode::Char('n'),
        KeyCode::Enter,
    ] {
        press(&mut app, code);
    }
    g.bench_function(
        "render one frame of the invitations view found by 'an', 100k + 20k, 160x40",
        |b| {
            b.iter(|| {
                terminal
                    .draw(|f| tui::view::draw(&app, &theme, f))
                    .expect("draw");
            })
        },
    );
    // The pillars view at 80x24, where it is taller than the screen: each frame is
    // measured (how many rows do not fit, as the event loop asks before drawing), laid out
    // whole, drawn into a buffer of its height and its rows shown copied out.
    let pillars = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('4'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    app.update(Msg::Key(pillars));
    let mut small = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let size = ratatui::layout::Size::new(80, 24);
    g.bench_function(
        "render one frame of the pillars view scrolled, 100k, 80x24, measured first",
        |b| {
            b.iter(|| {
                let hidden = tui::view::pillars_hidden(&app, &theme, size);
                small
                    .draw(|f| tui::view::draw(&app, &theme, f))
                    .expect("draw");
                hidden
            })
        },
    );
    let contacts_view = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('1'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    app.update(Msg::Key(contacts_view));
    // The tag prompt open over a network whose every contact has a tag: the prompt's line
    // lists the tags the text could become.
    app.set_filter("");
    for (i, c) in app.network.contacts.iter_mut().enumerate() {
        c.tags = vec![format!("segment-{}", i % 40)];
    }
    let t = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('t'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    app.update(Msg::Key(t));
    g.bench_function(
        "render one frame with the tag prompt open, 100k rows all tagged, 160x40",
        |b| {
            b.iter(|| {
                terminal
                    .draw(|f| tui::view::draw(&app, &theme, f))
                    .expect("draw");
            })
        },
    );
    // A filter on a tag nobody has (misspelt): the empty table says which tag was meant,
    // from the tags of the whole network.
    let esc = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Esc,
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    app.update(Msg::Key(esc));
    app.set_filter("tag:segmnt-3");
    g.bench_function(
        "render one frame, a filter on a tag nobody has (100k rows all tagged), 160x40",
        |b| {
            b.iter(|| {
                terminal
                    .draw(|f| tui::view::draw(&app, &theme, f))
                    .expect("draw");
            })
        },
    );
    // The segments view worked out again (as after a change while it is shown): all
    // contacts and 40 tags, each segment's figures and chart counts.
    app.set_filter("");
    let segments_view = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::Char('3'),
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    app.update(Msg::Key(segments_view));
    assert_eq!(app.segment_rows.len(), 41, "all contacts and 40 tags");
    g.bench_function(
        "work out the segments view: all contacts and 40 tags, 100k",
        |b| b.iter(|| app.refresh_segments()),
    );
    g.finish();
}

criterion_group!(benches, keystroke);

/// `criterion_main!` with the binary's allocator settings first.
fn main() {
    netcurate::allocator::tune();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
