//! The invitations view: its order, its columns on narrow screens, an invitation in full,
//! range selection and withdrawal marks.

use super::*;

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
    // Past the outgoing pane's text and its scrollbar.
    let incoming = first_row.split("stale").nth(1).unwrap_or_default();
    let incoming = incoming.trim_start_matches([' ', '▲', '█', '║']);
    assert!(incoming.starts_with(&format!("{newest}d ")), "{first_row}");
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

/// Enter on an invitation shows it in full: who to whom, when, where it stands (stale
/// too, when it is), its message and the profile; Esc closes it.
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
    assert!(!text.contains("pending, stale"), "a week old: {text}");
    key(&mut a, KeyCode::Esc);
    assert!(matches!(a.overlay, Overlay::None));
    // The oldest pending one says it is stale, as its row in the list does.
    key(&mut a, KeyCode::Char('g'));
    key(&mut a, KeyCode::Enter);
    let text = format!("{:?}", screen(&a, 120, 40).backend());
    assert!(
        text.contains("· pending, stale (pending over 21 days"),
        "{text}"
    );
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('l'));
    key(&mut a, KeyCode::Enter);
    let text = format!("{:?}", screen(&a, 120, 40).backend());
    assert!(text.contains("incoming: "), "{text}");
    assert!(
        text.contains(crate::tui::strings::INVITATION_NOT_CONTACT),
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

/// The outgoing pane's title keeps its key hint where it fits and drops it whole where
/// it does not (at 60 columns it was cut to "… · w").
#[test]
fn outgoing_title_drops_its_key_hint_when_it_does_not_fit() {
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    for (width, hint) in [(100, true), (60, false)] {
        let title = (screen_rows(&a, width, 24).into_iter())
            .find(|l| l.contains(crate::tui::strings::OUTGOING.trim()))
            .expect("the outgoing pane");
        let after = title
            .split(crate::tui::strings::OUTGOING)
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

/// The invitations view moves and selects as the contacts table does: half pages, and a
/// range from where `v` was pressed to where the cursor goes.
#[test]
fn invitations_range_select_and_half_pages() {
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
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

/// Under 60 columns the view shows one list at a time (h/l moves between them; side by
/// side their rows ran into each other: "stalePaz Varga"), the acceptance rates wrap
/// rather than lose the last 90 days, and a capacity fact drops the limit it is measured
/// against rather than cut it ("(warn from 2").
#[test]
fn a_narrow_invitations_view_shows_one_list_and_cuts_no_number() {
    use crate::tui::strings::{self, INCOMING_UNSCORED, OUTGOING};
    use crate::tui::view::invitations::{CAP_WARNING, WEEKLY_RANGE};
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    let has = |rows: &[String], text: &str| rows.iter().any(|r| r.contains(text.trim()));
    let rows = screen_rows(&a, 40, 24);
    assert!(
        has(&rows, OUTGOING) && !has(&rows, INCOMING_UNSCORED),
        "{rows:#?}"
    );
    key(&mut a, KeyCode::Char('l'));
    let rows = screen_rows(&a, 40, 24);
    assert!(
        has(&rows, INCOMING_UNSCORED) && !has(&rows, OUTGOING),
        "{rows:#?}"
    );
    let rate = a
        .network
        .acceptance_rate(Some(90))
        .expect("the demo's invitations");
    let header = rows[1..5]
        .iter()
        .map(|r| r.trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(header.contains(&strings::rate(rate.0, rate.1)), "{header}");
    for aside in [
        strings::warn_from(CAP_WARNING),
        strings::weekly_limit(WEEKLY_RANGE),
    ] {
        let start = aside.trim().split(' ').next().expect("a word");
        assert!(
            !rows.iter().any(|r| r.contains(start)),
            "{aside} goes whole: {rows:#?}"
        );
        let wide = screen_rows(&a, 100, 24);
        assert!(has(&wide, &aside), "{aside} where it fits: {wide:#?}");
    }
    let wide = screen_rows(&a, 80, 24);
    assert!(
        has(&wide, OUTGOING) && has(&wide, INCOMING_UNSCORED),
        "{wide:#?}"
    );
}

/// Two people of one name invited in the same minute (from one search) sit side by side
/// in the outgoing list: each row then ends its name with the end of the person's profile
/// address, so that they can be told apart; a name alone in its place shows as before.
#[test]
fn namesakes_side_by_side_show_their_profiles() {
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    let rows = a.invitation_rows(0);
    let (first, second) = (rows[0], rows[1]);
    for (i, slug) in [(first, "maria-garcia-1"), (second, "maria-garcia-2")] {
        let inv = &mut a.network.invitations[i];
        inv.to_name = "Maria Garcia".into();
        inv.invitee_url = Some(format!("linkedin.com/in/{slug}"));
    }
    let third = a.network.invitations[rows[2]].to_name.clone();
    let screen = screen_rows(&a, 100, 24);
    let outgoing: Vec<String> = (screen[4..7].iter())
        .map(|r| r.chars().take(50).collect())
        .collect();
    assert!(
        outgoing[0].contains("Maria Garcia") && outgoing[0].contains("garcia-1"),
        "{outgoing:#?}"
    );
    assert!(
        outgoing[1].contains("Maria Garcia") && outgoing[1].contains("garcia-2"),
        "{outgoing:#?}"
    );
    assert!(
        outgoing[2].contains(&third) && !outgoing[2].contains("pending-"),
        "{outgoing:#?}"
    );
}

/// In the invitations view `e` offers the withdrawal plan; a bare path typed over the
/// offer (the kind cleared with the rest) exports that plan still, not the contacts.
#[test]
fn a_bare_path_in_the_invitations_view_exports_the_withdrawal_plan() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.csv");
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    key(&mut a, KeyCode::Char('e'));
    assert!(
        prompt_text(&a).starts_with("withdrawal-plan "),
        "{}",
        prompt_text(&a)
    );
    match &submit(&mut a, path.to_str().expect("utf-8"))[..] {
        [Effect::Export { request, .. }] => {
            assert_eq!(request.kind, netcurate::export::ExportKind::WithdrawalPlan)
        }
        other => panic!("{other:?}"),
    }
    // In the contacts view a bare path exports the contacts, as before.
    key(&mut a, KeyCode::Char('1'));
    key(&mut a, KeyCode::Char('e'));
    match &submit(&mut a, path.to_str().expect("utf-8"))[..] {
        [Effect::Export { request, .. }] => {
            assert_eq!(request.kind, netcurate::export::ExportKind::Contacts)
        }
        other => panic!("{other:?}"),
    }
}

/// `o` and `y` on an invitation from an export without URLs take the profile of the
/// connection it is linked to (by name); one linked to no one says it has no URL (they
/// did nothing, and `y` spoke of a contact).
#[test]
fn an_invitation_without_a_url_opens_its_connection_or_says_why_not() {
    let mut a = app();
    let i = on_newest_pending_invitation(&mut a);
    let inv = &mut a.network.invitations[i];
    (inv.inviter_url, inv.invitee_url) = (None, None);
    for k in ['o', 'y'] {
        a.status.clear();
        assert!(key(&mut a, KeyCode::Char(k)).is_empty());
        assert_eq!(a.status, crate::tui::strings::status::INVITATION_NO_URL);
    }
    let connection = (a.network.contacts.iter())
        .find(|c| c.is_connection && c.url_key.is_some())
        .unwrap();
    let (id, url) = (connection.id, connection.url_key.clone().unwrap());
    a.network.invitations[i].contact_id = Some(id);
    let url = netcurate::import::url::key_to_url(&url);
    assert_eq!(
        key(&mut a, KeyCode::Char('o')),
        vec![Effect::OpenUrl(url.clone())]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('y')),
        vec![Effect::Copy(vec![url])]
    );
}

/// In the incoming pane, the keys that select and mark for withdrawal say they act on the
/// sent invitations (they did nothing).
#[test]
fn withdrawal_keys_in_the_incoming_pane_say_where_they_act() {
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    key(&mut a, KeyCode::Char('l'));
    for k in ['w', ' ', '*', 'v'] {
        a.status.clear();
        assert!(key(&mut a, KeyCode::Char(k)).is_empty());
        let k = if k == ' ' {
            "space".to_string()
        } else {
            k.to_string()
        };
        assert_eq!(
            a.status,
            format!(
                "{k} acts on the invitations you sent (h); incoming ones are answered on LinkedIn"
            )
        );
    }
    assert!(a.withdraw_selected.is_empty());
}

/// `W` with every stale invitation marked already says so, and with none stale that
/// there is none, not "nothing to change".
#[test]
fn w_again_says_the_stale_are_marked_already() {
    let mut a = app();
    key(&mut a, KeyCode::Char('2'));
    let stale = a.network.stale_invitations(21).count();
    assert!(stale > 1);
    // The capacity pane counts the stale ones W marks, and says why they are worth it.
    let said = format!("stale {stale} (pending over 21 days; 99% of acceptances come within 30)");
    let rows = screen_rows(&a, 120, 30);
    assert!(rows.iter().any(|r| r.trim() == said), "{rows:#?}");
    assert_eq!(
        key(&mut a, KeyCode::Char('W')).len(),
        1,
        "marked: persisted"
    );
    assert!(key(&mut a, KeyCode::Char('W')).is_empty());
    assert_eq!(
        a.status,
        format!("the {stale} stale invitations are marked for withdrawal already")
    );
    a.pillars.assumptions.stale_days = 1000;
    assert!(key(&mut a, KeyCode::Char('W')).is_empty());
    assert_eq!(
        a.status,
        "no stale invitation: none pending more than 1000 days"
    );
}

/// `/` in the invitations view finds invitations by their person's name or message (case
/// and accents ignored) as it is typed: both panes narrow, the line says how many of how
/// many, `w` acts on the row found; Enter keeps it, Esc in the prompt puts the last one
/// back, and Esc in the view (nothing selected) shows every invitation again. The
/// contacts' filter is left as it was.
#[test]
fn slash_finds_invitations_by_name_or_message() {
    let mut a = app();
    a.set_filter("company:hooli");
    key(&mut a, KeyCode::Char('2'));
    let all = (a.invitation_rows(0).len(), a.invitation_rows(1).len());
    let person = |a: &App, pane: usize, i: usize| {
        let inv = &a.network.invitations[i];
        if pane == 0 {
            inv.to_name.clone()
        } else {
            inv.from_name.clone()
        }
    };
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "VARGA");
    assert_eq!(
        a.view,
        View::Invitations,
        "the find is the invitations' own"
    );
    assert!(
        a.withdraw_selected.is_empty(),
        "typed, not run as the view's keys"
    );
    let found = (a.invitation_rows(0).len(), a.invitation_rows(1).len());
    assert!(
        found.0 > 0 && found.0 < all.0 && found.1 < all.1,
        "{found:?} of {all:?}"
    );
    for pane in 0..2 {
        for i in a.invitation_rows(pane) {
            let inv = &a.network.invitations[i];
            let said = format!("{} {}", person(&a, pane, i), inv.message).to_lowercase();
            assert!(said.contains("varga"), "{said}");
        }
    }
    let (line, _) = bottom_lines(&a, 100);
    let counts = crate::tui::strings::shown_of(found.0 + found.1, all.0 + all.1);
    assert!(line.trim_end().ends_with(counts.trim()), "{line}");
    key(&mut a, KeyCode::Enter);
    let (line, _) = bottom_lines(&a, 100);
    assert!(line.starts_with("find: VARGA"), "{line}");
    // w marks the row found.
    let first = a.network.invitations[a.invitation_rows(0)[0]].id;
    let effects = key(&mut a, KeyCode::Char('w'));
    assert!(
        matches!(&effects[..], [Effect::Persist(Op::Withdraw { ids, mark: true })] if ids == &[first]),
        "{effects:?}"
    );
    // Esc in the prompt puts back what was found before it opened.
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "zzz");
    assert_eq!(a.invitation_rows(0).len(), 0);
    // Each pane says it is empty of what the find finds, not of invitations.
    let rows = screen_rows(&a, 100, 30);
    let said = |text: &str| rows.iter().map(|r| r.matches(text).count()).sum::<usize>();
    assert_eq!(said("none here matches 'VARGAzzz'"), 2, "{rows:#?}");
    assert_eq!(said(crate::tui::strings::NO_OUTGOING), 0, "{rows:#?}");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.invitation_find, "VARGA");
    // Esc in the view shows them all again.
    key(&mut a, KeyCode::Esc);
    assert_eq!(
        (a.invitation_rows(0).len(), a.invitation_rows(1).len()),
        all
    );
    assert_eq!(a.table.filter, "company:hooli");
}
