//! The mouse: what a click lands on is found on the screen as drawn (`view::clicked_at`
//! against the rendered buffer), and what the wheel and a click do (`update`).

use super::*;
use crate::tui::app::{Clicked, WHEEL_ROWS};
use crate::tui::keymap::Command;
use netcurate::model::Decision;
use netcurate::query::SortKey;
use ratatui::layout::{Position, Size};

const W: u16 = 120;
const H: u16 = 30;

/// What a click at (`x`, `y`) lands on, on the `W`×`H` screen `a` is drawn on.
fn clicked(a: &App, x: u16, y: u16) -> Option<Clicked> {
    view::clicked_at(a, Size::new(W, H), Position::new(x, y))
}

/// The screen row that shows `text` first, and the column it starts at.
fn found(a: &App, text: &str) -> (u16, u16) {
    found_right_of(a, text, 0)
}

/// [`found`] for `text` starting at column `from` or further right.
fn found_right_of(a: &App, text: &str, from: usize) -> (u16, u16) {
    let rows = screen_rows(a, W, H);
    let starts = |row: &String| {
        (row.match_indices(text))
            .map(|(at, _)| row[..at].chars().count())
            .find(|&x| x >= from)
    };
    (rows.iter().enumerate())
        .find_map(|(y, row)| Some((y as u16, starts(row)? as u16)))
        .unwrap_or_else(|| panic!("{text:?} on the screen:\n{}", rows.join("\n")))
}

/// A click on the row at `place` of pane `pane`.
fn pane_row(pane: usize, place: usize) -> Option<Clicked> {
    Some(Clicked::PaneRow { pane, place })
}

fn wheel(a: &mut App, down: bool) -> Vec<Effect> {
    a.update(Msg::Wheel { down })
}

/// A click on a row of the table puts the cursor on the contact drawn there (scrolled or
/// not); a click on the row at the cursor explains it; a click on a tab shows its view.
#[test]
fn a_click_lands_on_the_contact_or_the_tab_drawn_there() {
    let mut a = app();
    resize(&mut a, W, H);
    // Scrolled: the cursor 40 rows down, the window following it.
    for _ in 0..40 / WHEEL_ROWS + 1 {
        wheel(&mut a, true);
    }
    assert!(a.table.offset > 0, "the table scrolled");
    let rows = screen_rows(&a, W, H);
    for y in [3, 10, H - 3] {
        let Some(Clicked::Row(place)) = clicked(&a, 20, y) else {
            panic!("row {y} is a contact's:\n{}", rows[y as usize]);
        };
        let name = a.network.contacts[a.table.ids[place] as usize].full_name();
        assert!(rows[y as usize].contains(&name), "{name} at row {y}");
        a.update(Msg::Click(Clicked::Row(place)));
        assert_eq!((current_name(&a), &a.overlay), (name, &Overlay::None));
    }
    // Again on the row at the cursor: its explanation.
    let y = H - 3;
    let again = clicked(&a, 60, y).expect("a row");
    a.update(Msg::Click(again));
    assert_eq!(a.overlay, Overlay::Explain);
    // The rule above the table and the status line: no row.
    for y in [1, H - 1] {
        assert_eq!(clicked(&a, 20, y), None, "row {y}");
    }
    // Beside the explanation, a click on another row goes there and the explanation
    // follows (as j does); in its box, or on its own row, it closes.
    let (y, x) = found(&a, "Why this score");
    assert_eq!(clicked(&a, x, y + 2), None, "in the box");
    let above = clicked(&a, 20, 3).expect("a row above the box");
    a.update(Msg::Click(above));
    let Clicked::Row(place) = above else {
        panic!("{above:?}");
    };
    assert_eq!((a.table.cursor, &a.overlay), (place, &Overlay::Explain));
    a.update(Msg::Click(Clicked::Elsewhere));
    assert_eq!(a.overlay, Overlay::None);
    key(&mut a, KeyCode::Enter);
    a.update(Msg::Click(Clicked::Row(place)));
    assert_eq!(a.overlay, Overlay::None, "its own row");
    // The help closes on any click, which does nothing else.
    let (tab_row, x) = found(&a, "2 Invitations");
    let cursor = a.table.cursor;
    key(&mut a, KeyCode::Char('?'));
    a.update(Msg::Click(Clicked::Row(0)));
    assert_eq!((&a.overlay, a.table.cursor), (&Overlay::None, cursor));
    // A prompt waits for its keys.
    key(&mut a, KeyCode::Char('/'));
    a.update(Msg::Click(Clicked::Elsewhere));
    assert!(matches!(a.overlay, Overlay::Prompt(_)));
    key(&mut a, KeyCode::Esc);
    assert_eq!(
        clicked(&a, x + 3, tab_row),
        Some(Clicked::Tab(View::Invitations))
    );
    for (title, view) in [("3 Segments", View::Segments), ("4 Pillars", View::Pillars)] {
        let (y, x) = found(&a, title);
        // On either end of the title, not on the rule between tabs.
        assert_eq!(clicked(&a, x, y), Some(Clicked::Tab(view)), "{title}");
        let end = x + title.len() as u16 - 1;
        assert_eq!(clicked(&a, end, y), Some(Clicked::Tab(view)), "{title}");
        assert_eq!(clicked(&a, x - 2, y), None, "the rule before {title}");
    }
    a.update(Msg::Click(Clicked::Tab(View::Invitations)));
    assert_eq!(a.view, View::Invitations);
}

/// A click on the line under the table edits its filter (as `/` does); in another view
/// that line holds key hints, and a click there is a hint's. A box that any key closes, a
/// click closes, and does nothing else.
#[test]
fn a_click_on_the_filter_line_edits_the_filter_and_a_click_closes_a_message() {
    let mut a = app();
    resize(&mut a, W, H);
    a.set_filter("hooli");
    assert!(screen_rows(&a, W, H)[usize::from(H - 2)].contains("hooli"));
    let click = clicked(&a, 30, H - 2);
    assert_eq!(click, Some(Clicked::FilterLine));
    a.update(Msg::Click(Clicked::FilterLine));
    assert_eq!(prompt_text(&a), "hooli");
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('2'));
    assert!(matches!(clicked(&a, 30, H - 2), Some(Clicked::Key(_))));
    a.update(Msg::Failed("the export failed".to_string()));
    a.update(Msg::Click(Clicked::Tab(View::Segments)));
    assert_eq!((&a.overlay, a.view), (&Overlay::None, View::Invitations));
}

/// A list longer than the screen has a scrollbar beside its rows, its thumb where the
/// rows shown are; a click on the bar goes as far down the list as it is down the bar.
#[test]
fn the_scrollbar_shows_where_the_rows_are_and_a_click_on_it_goes_there() {
    let mut a = app();
    resize(&mut a, W, H);
    let (first, last) = (3, H - 3);
    // The bar's column, from its first row to its last.
    let bar = |a: &App| -> String {
        let rows = screen_rows(a, W, H);
        (first..=last)
            .map(|y| rows[usize::from(y)].chars().last().unwrap_or(' '))
            .collect()
    };
    let thumb_at = |bar: &str| bar.chars().position(|c| c == '█');
    let at_top = bar(&a);
    assert!(
        at_top.starts_with("▲█") && at_top.ends_with("║▼"),
        "{at_top}"
    );
    let len = a.table.ids.len();
    let middle = first + (last - first) / 2;
    let Some(Clicked::Row(place)) = clicked(&a, W - 1, middle) else {
        panic!("the bar's middle is a place in the list");
    };
    assert!(
        (len * 2 / 5..len * 3 / 5).contains(&place),
        "{place} of {len}"
    );
    a.update(Msg::Click(Clicked::Row(place)));
    assert_eq!(a.table.cursor, place);
    let halfway = bar(&a);
    let thumb = thumb_at(&halfway).expect("a thumb");
    assert!(
        (5..usize::from(last - first) - 5).contains(&thumb),
        "{halfway}"
    );
    a.update(Msg::Click(clicked(&a, W - 1, last).expect("the bar's end")));
    assert_eq!(a.table.cursor, len - 1);
    let at_end = bar(&a);
    assert!(at_end.ends_with("█▼"), "{at_end}");
}

/// The key hints above the status bar are buttons: a click on a key does what the key
/// does, on a hint's label what its first key does.
#[test]
fn a_click_on_a_key_hint_does_what_the_key_does() {
    let mut a = app();
    resize(&mut a, W, H);
    let hints = screen_rows(&a, W, H)[usize::from(H - 2)].clone();
    assert!(hints.starts_with("/ filter · s sort"), "{hints}");
    let at = |text: &str| hints[..hints.find(text).expect(text)].chars().count() as u16;
    let key_at = |x: u16| clicked(&a, x, H - 2);
    assert_eq!(key_at(at("s sort")), Some(Clicked::Key(Command::SortNext)));
    assert_eq!(
        key_at(at("s sort") + 3),
        Some(Clicked::Key(Command::SortNext))
    );
    assert_eq!(key_at(at("x/p decide")), Some(Clicked::Key(Command::Prune)));
    assert_eq!(key_at(at("p decide")), Some(Clicked::Key(Command::Protect)));
    assert_eq!(key_at(at("decide") + 2), Some(Clicked::Key(Command::Keep)));
    assert_eq!(key_at(at("· s sort") + 1), None, "between two hints");
    a.update(Msg::Click(Clicked::Key(Command::SortNext)));
    assert_eq!(a.table.sort, SortKey::Name);
    // In the invitations view, its own: W marks every stale invitation.
    key(&mut a, KeyCode::Char('2'));
    let hints = screen_rows(&a, W, H)[usize::from(H - 2)].clone();
    let x = hints[..hints.find("W all stale").expect("W")]
        .chars()
        .count() as u16;
    let click = clicked(&a, x, H - 2);
    assert_eq!(click, Some(Clicked::Key(Command::WithdrawStale)));
    a.update(Msg::Click(Clicked::Key(Command::WithdrawStale)));
    assert!(a.network.invitations.iter().any(|i| i.withdraw_planned));
}

/// Triage's legend is buttons too: a click on `x prune` prunes the card's contact and
/// shows the next card; elsewhere in triage a click does nothing.
#[test]
fn a_click_on_the_triage_legend_decides_the_card() {
    let mut a = app();
    resize(&mut a, W, H);
    key(&mut a, KeyCode::Char('c'));
    let card = a.current().expect("a card");
    let (y, x) = found(&a, "x prune");
    assert_eq!(clicked(&a, x, y), Some(Clicked::Key(Command::Prune)));
    assert_eq!(
        clicked(&a, x + 3, y),
        Some(Clicked::Key(Command::Prune)),
        "its label"
    );
    let (name_row, name_x) = found(&a, &current_name(&a));
    assert_eq!(clicked(&a, name_x, name_row), None, "the card itself");
    a.update(Msg::Click(Clicked::Row(0)));
    assert_eq!(a.current(), Some(card), "a click elsewhere does nothing");
    a.update(Msg::Click(Clicked::Key(Command::Prune)));
    assert_eq!(a.network.contacts[card].decision, Decision::Prune);
    assert_ne!(a.current(), Some(card), "the next card");
}

/// A click on a column's header sorts the table by it, again the other way round; a
/// header without a sort (the tags) does nothing.
#[test]
fn a_click_on_a_header_sorts_by_its_column() {
    let mut a = app();
    resize(&mut a, W, H);
    let header = |a: &App, text: &str| {
        let (y, x) = found(a, text);
        assert_eq!(y, 2, "{text} is in the header");
        clicked(a, x + 1, y)
    };
    for (text, key) in [
        ("company", SortKey::Company),
        ("position", SortKey::Title),
        ("connected", SortKey::Connected),
        ("name", SortKey::Name),
    ] {
        let click = header(&a, text).expect("a header to click");
        assert_eq!(click, Clicked::Header(key), "{text}");
        a.update(Msg::Click(click));
        assert_eq!(
            (a.table.sort, a.table.descending),
            (key, key.descending_by_default())
        );
        a.update(Msg::Click(click));
        assert_eq!(
            (a.table.sort, a.table.descending),
            (key, !key.descending_by_default())
        );
    }
    // Names from the end of the alphabet first.
    let first = a.network.contacts[a.table.ids[0] as usize].full_name();
    let last = a.network.contacts[a.table.ids[a.table.ids.len() - 1] as usize].full_name();
    assert!(first > last, "{first} before {last}");
    assert_eq!(header(&a, "tags"), None);
}

/// In the invitations view a click picks a pane and an invitation in it; on the one at
/// the cursor, it explains it.
#[test]
fn a_click_picks_an_invitation_in_either_pane() {
    let mut a = app();
    resize(&mut a, W, H);
    key(&mut a, KeyCode::Char('2'));
    for pane in [1, 0] {
        let rows = a.invitation_rows(pane);
        let name = a.network.invitations[rows[2]].other_name().to_string();
        // The incoming pane is the right one.
        let (y, x) = found_right_of(&a, &name, pane * usize::from(W) * 55 / 100);
        let click = clicked(&a, x, y);
        assert_eq!(click, pane_row(pane, 2), "{name}");
        a.update(Msg::Click(Clicked::PaneRow { pane, place: 2 }));
        assert_eq!((a.invitations.focus, a.invitations.cursor[pane]), (pane, 2));
    }
    a.update(Msg::Click(Clicked::PaneRow { pane: 0, place: 2 }));
    assert_eq!(a.overlay, Overlay::Explain);
    key(&mut a, KeyCode::Esc);
    // The outgoing list is longer than its pane: a click at the end of its scrollbar
    // goes to its last invitation.
    let (y, x) = found(&a, "▼");
    let last = a.invitation_rows(0).len() - 1;
    assert_eq!(clicked(&a, x, y), pane_row(0, last));
}

/// In the segments view a click on a chart's bar puts the cursor on it; again, it shows
/// the contacts behind the bar, as Enter does.
#[test]
fn a_click_on_a_chart_bar_then_again_shows_its_contacts() {
    let mut a = app();
    resize(&mut a, W, H);
    key(&mut a, KeyCode::Char('3'));
    let bars = a.segment_queries(2);
    let (label, query) = bars[3].clone();
    // The seniority chart: the lower left of the charts, right of the segments.
    let (y, x) = found_right_of(&a, &format!("{label} "), usize::from(W) * 40 / 100);
    assert_eq!(clicked(&a, x, y), pane_row(2, 3), "{label}");
    a.update(Msg::Click(Clicked::PaneRow { pane: 2, place: 3 }));
    assert_eq!((a.segments.focus, a.segments.cursor[2]), (2, 3));
    assert_eq!(a.view, View::Segments);
    a.update(Msg::Click(Clicked::PaneRow { pane: 2, place: 3 }));
    assert_eq!(
        (a.view, a.table.filter.as_str()),
        (View::Contacts, query.as_str())
    );
}

/// More segments than the pane has rows: the list scrolls with its cursor (the last one
/// shows once the cursor is on it), a scrollbar beside it, and a click finds the segment
/// drawn where it lands.
#[test]
fn a_long_list_of_segments_scrolls_with_its_cursor() {
    let mut network = demo().network.clone();
    for (i, c) in network.contacts.iter_mut().enumerate().take(400) {
        c.tags = vec![format!("team-{:02}", i % 40)];
    }
    let mut a = app_on(network);
    resize(&mut a, W, H);
    key(&mut a, KeyCode::Char('3'));
    assert!(!screen_rows(&a, W, H).join("\n").contains("team-39"));
    key(&mut a, KeyCode::Char('G'));
    let last = a.segment_rows.len() - 1;
    assert_eq!(a.segments.cursor[0], last);
    let name = a.segment_rows[last].segment.name.clone();
    // In the list (the charts' titles name the segment under the cursor too).
    let (y, x) = found(&a, &format!("{name}  "));
    assert_eq!(clicked(&a, x, y), pane_row(0, last));
    let above = a.segment_rows[last - 3].segment.name.clone();
    let (y, x) = found(&a, &above);
    assert_eq!(clicked(&a, x, y), pane_row(0, last - 3));
    let (y, x) = found(&a, "▼");
    assert!(x < W / 2, "the segments pane's scrollbar");
    assert_eq!(clicked(&a, x, y), pane_row(0, last));
}

/// The wheel moves as the moving keys do, a notch three rows: the table's cursor, the
/// help, a pane's cursor; in triage and in a prompt, it does nothing.
#[test]
fn the_wheel_moves_as_the_moving_keys_do() {
    let mut a = app();
    resize(&mut a, W, H);
    wheel(&mut a, true);
    wheel(&mut a, true);
    assert_eq!(a.table.cursor, 2 * WHEEL_ROWS);
    wheel(&mut a, false);
    assert_eq!(a.table.cursor, WHEEL_ROWS);
    // The explanation goes to the next contact, one a notch.
    key(&mut a, KeyCode::Enter);
    wheel(&mut a, true);
    assert_eq!(
        (&a.overlay, a.table.cursor),
        (&Overlay::Explain, WHEEL_ROWS + 1)
    );
    wheel(&mut a, false);
    key(&mut a, KeyCode::Esc);
    // The help scrolls.
    key(&mut a, KeyCode::Char('?'));
    wheel(&mut a, true);
    assert_eq!((a.help.top, a.table.cursor), (WHEEL_ROWS, WHEEL_ROWS));
    key(&mut a, KeyCode::Esc);
    // A prompt keeps its text, the table its cursor.
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "vp");
    let cursor = a.table.cursor;
    wheel(&mut a, true);
    assert_eq!(
        (prompt_text(&a), a.table.cursor),
        ("vp".to_string(), cursor)
    );
    key(&mut a, KeyCode::Esc);
    // Triage stays on its card.
    key(&mut a, KeyCode::Char('c'));
    let card = current_name(&a);
    wheel(&mut a, true);
    assert_eq!(current_name(&a), card);
    key(&mut a, KeyCode::Esc);
    // The invitations' focused pane.
    key(&mut a, KeyCode::Char('2'));
    wheel(&mut a, true);
    assert_eq!(a.invitations.cursor[0], WHEEL_ROWS);
}

/// The help says what the mouse does, or that it is left to the terminal.
#[test]
fn the_help_says_what_the_mouse_does() {
    let mut a = app();
    let said = |a: &App| {
        (a.help_lines().iter())
            .filter_map(|l| match l {
                super::super::app::HelpLine::Note(n) => Some(n.clone()),
                _ => None,
            })
            .find(|n| n.starts_with("Mouse:"))
    };
    assert!(said(&a).is_some_and(|n| n.contains("wheel")));
    a.keymap.mouse = false;
    assert!(said(&a).is_some_and(|n| n.contains("left to the terminal")));
}
