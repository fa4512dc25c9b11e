//! Random key sequences on the demo (or an empty network), every view and overlay reached
//! by chance: `update` never panics, the table's cursor and selection stay inside the
//! network, and the screen draws at any size, a tiny one included. (3,000 cases ran clean
//! once the one-column panic was fixed; 48 run with the suite.)

use super::*;
use proptest::prelude::*;

/// A key a user might press: every default binding's character, the editing and moving
/// keys, a few characters bound to nothing, sometimes with Ctrl.
fn any_key() -> impl Strategy<Value = KeyEvent> {
    let chars: Vec<char> = "jkgG/sS vV*axprtTueEcNoy+DwWn=I1234hl?qY:<>-;~.x0"
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
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_keys_never_break_the_workbench(
        keys in proptest::collection::vec((any_key(), proptest::option::weighted(0.05, 0usize..50)), 1..80),
        sizes in proptest::collection::vec((1u16..140, 1u16..45), 3),
        empty in proptest::bool::weighted(0.2),
    ) {
        // The demo, or (a fifth of the time) a network with nothing imported yet.
        let mut a = match empty {
            true => app_on(Network::new(Vec::new(), Vec::new(), demo().network.as_of)),
            false => app(),
        };
        for (n, (key, resized)) in keys.into_iter().enumerate() {
            // Now and then the terminal changes size: the page and the help's rows follow.
            if let Some(rows) = resized {
                a.update(Msg::Resize { rows, help_rows: rows });
            }
            a.update(Msg::Key(key));
            holds(&a)?;
            if n % 20 == 19 {
                let (w, h) = sizes[n / 20 % sizes.len()];
                screen(&a, w, h);
            }
        }
        for (w, h) in sizes {
            screen(&a, w, h);
        }
    }
}
