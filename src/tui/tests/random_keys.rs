//! Random key sequences, with the mouse's wheel, clicks, pastes and the runtime's boxes
//! (the history, a plan written) among them, on the demo (or an
//! empty network, or the demo written in the world's scripts), every view and overlay
//! reached by chance: `update` never panics, the table's cursor and selection stay inside
//! the network, and the screen draws at any size, a tiny one included. (3,000 cases ran
//! clean once the one-column panic was fixed; 48 run with the suite.)

use super::*;
use crate::tui::app::Clicked;
use crate::tui::keymap::BINDINGS;
use proptest::prelude::*;
use ratatui::layout::{Position, Size};

/// What a user does: a key, a notch of the wheel, a click somewhere on the screen, or
/// (what no screen gives, to check `update` takes anything) a click on any row of any
/// pane.
#[derive(Debug, Clone)]
enum Input {
    Key(KeyEvent),
    Wheel {
        down: bool,
    },
    ClickAt(u16, u16),
    Click(Clicked),
    /// Text pasted (any of the world's, line breaks and controls among it).
    Paste(String),
    /// The history the runtime read, as H asks (lines of the world's text).
    History(Vec<String>),
}

fn any_input() -> impl Strategy<Value = Input> {
    let view = proptest::sample::select(View::ALL.to_vec());
    let clicked = prop_oneof![
        view.prop_map(Clicked::Tab),
        (0usize..3000).prop_map(Clicked::Row),
        (0usize..7, 0usize..300).prop_map(|(pane, place)| Clicked::PaneRow { pane, place }),
        Just(Clicked::Elsewhere),
        proptest::sample::select(BINDINGS.iter().map(|(c, _, _)| *c).collect::<Vec<_>>())
            .prop_map(Clicked::Key),
    ];
    prop_oneof![
        20 => any_key().prop_map(Input::Key),
        2 => any::<bool>().prop_map(|down| Input::Wheel { down }),
        3 => (0u16..140, 0u16..45).prop_map(|(x, y)| Input::ClickAt(x, y)),
        1 => clicked.prop_map(Input::Click),
        1 => (world_text(), world_text()).prop_map(|(a, b)| Input::Paste(format!("{a}\n{b}"))),
        1 => proptest::collection::vec(world_text(), 0..60).prop_map(Input::History),
    ]
}

/// A key a user might press: every default binding's character, the editing and moving
/// keys, a few characters bound to nothing, sometimes with Ctrl.
fn any_key() -> impl Strategy<Value = KeyEvent> {
    let chars: Vec<char> = "jkgG/sS vV*axprtTueEcNoy+DRwWn=I1234hlH?qY:<>-;~.x0é東شلا🚀"
        .chars()
        .collect();
    let code = prop_oneof![
        6 => proptest::sample::select(chars).prop_map(KeyCode::Char),
        1 => proptest::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
        ]),
    ];
    let ctrl = proptest::bool::weighted(0.1);
    (code, ctrl).prop_map(|(code, ctrl)| {
        let modifiers = match ctrl {
            true => KeyModifiers::CONTROL,
            false => KeyModifiers::NONE,
        };
        KeyEvent::new(code, modifiers)
    })
}

/// Text as the world types it into a profile: accents precomposed and combining, CJK,
/// Hangul, Arabic (whose lam-alef a width count may take for one ligature), emoji joined
/// and with their presentation selector, invisible characters, controls and halfwidth
/// kana marks, in any order.
fn world_text() -> impl Strategy<Value = String> {
    let pieces = vec![
        "a",
        "Zoë",
        "e\u{301}",
        "東京",
        "한",
        "ش",
        "ل",
        "ا",
        "لا",
        "🚀",
        "👩\u{200d}💻",
        "❤\u{fe0f}",
        "\u{200b}",
        "\u{ad}",
        "\u{200e}",
        "\t",
        "\u{1b}[31m",
        " ",
        "ｶﾞ",
        "|",
        "\u{a0}",
        "\u{202e}",
    ];
    proptest::collection::vec(proptest::sample::select(pieces), 0..12).prop_map(|p| p.concat())
}

/// The demo's network with every contact's name, job and tags written in `texts`, in turn.
fn written_in(texts: &[String]) -> Network {
    let mut network = demo().network.clone();
    let text = |i: usize| texts[i % texts.len()].as_str();
    for (i, c) in network.contacts.iter_mut().enumerate() {
        c.first_name = text(i).into();
        c.last_name = text(i + 1).into();
        c.position = text(i + 2).into();
        c.company = text(i + 3).into();
        c.previous_company = text(i + 4).into();
        if !text(i + 5).trim().is_empty() && i % 3 == 0 {
            c.tags = vec![text(i + 5).to_string()];
        }
    }
    network
}

/// What every key leaves true of the app.
fn holds(a: &App) -> Result<(), TestCaseError> {
    let contacts = a.network.contacts.len();
    let ids = &a.table.ids;
    prop_assert!(
        ids.is_empty() || a.table.cursor < ids.len(),
        "cursor {} of {}",
        a.table.cursor,
        ids.len()
    );
    prop_assert!(ids.iter().all(|&i| (i as usize) < contacts));
    prop_assert_eq!(a.selected.len(), contacts);
    prop_assert_eq!(a.selected_count, a.selected.iter().filter(|&&s| s).count());
    prop_assert!(a.pillars_scroll.top <= a.pillars_scroll.hidden);
    let panes = [(&a.invitations, 2), (&a.segments, 5)];
    for (panes, count) in panes {
        prop_assert!(panes.focus < count, "pane {} of {count}", panes.focus);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_keys_never_break_the_workbench(
        keys in proptest::collection::vec((any_input(), proptest::option::weighted(0.05, 0usize..50)), 1..80),
        sizes in proptest::collection::vec((1u16..140, 1u16..45), 3),
        network in 0..5u8,
        texts in proptest::collection::vec(world_text(), 1..8),
    ) {
        // The demo, or a network with nothing imported yet, or the demo's written in
        // the world's scripts.
        let mut a = match network {
            0 => app_on(Network::new(Vec::new(), Vec::new(), demo().network.as_of)),
            1 => app_on(written_in(&texts)),
            _ => app(),
        };
        for (n, (key, resized)) in keys.into_iter().enumerate() {
            // Now and then the terminal changes size: the page and the help's rows follow.
            if let Some(rows) = resized {
                let help_columns = rows;
                a.update(Msg::Resize { rows, help_rows: rows, help_columns, pillars_hidden: Some(rows) });
            }
            // The screen a click lands on.
            let (w, h) = sizes[n / 20 % sizes.len()];
            let msg = match key {
                Input::Key(key) => Some(Msg::Key(key)),
                Input::Wheel { down } => Some(Msg::Wheel { down }),
                // As the runtime sends it: somewhere, when nothing there takes a click.
                Input::ClickAt(x, y) => {
                    let at = Position::new(x, y);
                    let clicked = view::clicked_at(&a, Size::new(w, h), at);
                    Some(Msg::Click(clicked.unwrap_or(Clicked::Elsewhere)))
                }
                Input::Click(clicked) => Some(Msg::Click(clicked)),
                Input::Paste(text) => Some(Msg::Paste(text)),
                Input::History(lines) => Some(Msg::HistoryRead(lines)),
            };
            if let Some(msg) = msg {
                a.update(msg);
            }
            holds(&a)?;
            if n % 20 == 19 {
                screen(&a, w, h);
            }
        }
        for (w, h) in sizes {
            screen(&a, w, h);
        }
    }
}

/// A case the property found: a word nobody's, pasted into the filter, is said in the
/// empty table's text; on a 3-column screen ratatui's wrapping ran its halfwidth kana with
/// a voiced mark past the screen's edge, a panic (ratatui issue #2679).
#[test]
fn a_word_with_wide_letters_said_on_a_tiny_screen_stays_on_it() {
    let mut a = app_on(written_in(&[String::new()]));
    a.update(Msg::Paste("ae\u{301}e\u{301}ｶ\u{ff9e}\n".into()));
    let why = a.table.none_because.clone().unwrap_or_default();
    assert!(why.contains("'aeeｶ\u{ff9e}'"), "{why}");
    for width in 1..12 {
        screen(&a, width, 36);
    }
}
