//! Workbench benchmarks at 100k contacts: one filter keystroke (cold and narrowing) and
//! one frame render of the contacts view. The TUI lives in the binary, so its modules are
//! compiled into this bench as they are into `netcurate`.
#![allow(dead_code, unused_imports)]

mod common;

#[path = "../src/cli.rs"]
mod cli;
#[path = "../src/demo.rs"]
mod demo;
#[path = "../src/tui/mod.rs"]
mod tui;

use common::*;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
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
    app.update(Msg::Resize { rows: 35 });
    app
}

fn keystroke(c: &mut Criterion) {
    let mut app = app();
    let mut g = c.benchmark_group("workbench");
    g.bench_function("filter keystroke, cold: 'company:hool' at 100k", |b| {
        b.iter(|| {
            app.set_filter("");
            app.set_filter(black_box("company:hool"));
        })
    });
    g.bench_function(
        "filter keystroke, narrowing: 'company:hool' -> 'company:hooli'",
        |b| {
            b.iter(|| {
                app.set_filter("company:hool");
                app.set_filter(black_box("company:hooli"));
            })
        },
    );
    g.bench_function("filter keystroke, fuzzy word 'platf' at 100k", |b| {
        b.iter(|| {
            app.set_filter("");
            app.set_filter(black_box("platf"));
        })
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
    g.finish();
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
