//! The invitations view: outgoing pending by age (stale ones marked), incoming ranked by
//! relevance with a suggestion, the inferred acceptance rate, and the capacity panel.

use super::super::app::App;
use super::super::strings::{self, suggestion};
use super::super::theme::{self, Theme};
use super::{
    draw_scrollbar, fit, fitting, keys_text, pad, pane_scrollbar, place_on_scrollbar, window_start,
};
use crate::columns;
use chrono::Duration;
use netcurate::model::{Direction, Invitation, InvitationStatus};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Sparkline};

/// LinkedIn's connection cap, and where to start warning.
pub const CONNECTION_CAP: usize = 30_000;
pub const CAP_WARNING: usize = 29_000;
/// Practitioners' danger line for pending outgoing invitations.
pub const PENDING_DANGER: usize = 500;
/// The unofficial weekly invitation range before restrictions.
pub const WEEKLY_RANGE: (usize, usize) = (100, 200);
/// Days before a withdrawn person can be invited again.
pub const REINVITE_DAYS: i64 = 21;

/// Below this width the two lists do not fit side by side (their rows ran into each
/// other): the view shows the focused one alone, over the whole width (h/l moves between
/// them as ever), as the segments view does.
const ONE_PANE_BELOW: u16 = 60;

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let header = header(app, theme);
    let parts = parts(app, &header, area);
    frame.render_widget(header, parts.head);
    for (pane, place) in parts.lists {
        match pane {
            0 => draw_outgoing(app, theme, frame, place),
            _ => draw_incoming(app, theme, frame, place),
        }
    }
    draw_capacity(app, theme, frame, parts.capacity);
}

/// Where the view draws what in `area`.
struct Parts {
    /// The acceptance rates.
    head: Rect,
    /// Each list pane shown (0 outgoing, 1 incoming) and its place.
    lists: Vec<(usize, Rect)>,
    capacity: Rect,
}

fn parts(app: &App, header: &super::Wrapped, area: Rect) -> Parts {
    // Two lines, wrapped onto more on a narrow screen (the rates are numbers: never cut).
    let header_rows = (header.line_count(area.width) as u16).clamp(2, 4);
    let [head, lists, capacity] = Layout::vertical([
        Constraint::Length(header_rows),
        Constraint::Min(3),
        Constraint::Length(7),
    ])
    .areas(area);
    let lists = if area.width < ONE_PANE_BELOW {
        vec![(app.invitations.focus, lists)]
    } else {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(lists);
        vec![(0, left), (1, right)]
    };
    Parts {
        head,
        lists,
        capacity,
    }
}

/// The list pane and the place in its rows of the row [`draw`] draws at `at` in `area`,
/// if one is there.
pub fn row_at(app: &App, area: Rect, at: Position) -> Option<(usize, usize)> {
    let parts = parts(app, &header(app, &Theme::plain()), area);
    let (pane, place) = parts.lists.into_iter().find(|(_, r)| r.contains(at))?;
    let rows = app.invitation_rows(pane).len();
    if let Some(bar) = pane_scrollbar(place, 1, rows).filter(|bar| bar.contains(at)) {
        return Some((pane, place_on_scrollbar(rows, bar, at.y)));
    }
    let height = place.height.saturating_sub(1) as usize;
    let start = window_start(app.invitations.cursor[pane], height);
    let row = start + usize::from(at.y.checked_sub(place.y + 1)?);
    (row < rows).then_some((pane, row))
}

/// The columns a list pane's rows have: all but its scrollbar's, if it has one.
fn pane_text_width(area: Rect, len: usize) -> u16 {
    area.width - u16::from(pane_scrollbar(area, 1, len).is_some())
}

/// The acceptance rates, and how acceptance is inferred.
fn header<'a>(app: &App, theme: &Theme) -> super::Wrapped<'a> {
    let rate = |r: Option<(f64, usize)>| match r {
        Some((r, n)) => strings::rate(r, n),
        None => strings::NO_INVITATIONS.to_string(),
    };
    let lines = vec![
        Line::from(vec![
            Span::styled(strings::ACCEPTANCE, theme.title()),
            Span::raw(strings::acceptance_rates(
                &rate(app.network.acceptance_rate(None)),
                &rate(app.network.acceptance_rate(Some(90))),
            )),
        ]),
        Line::styled(
            format!(" {}{}", strings::INFERRED_NOTE, gone_note(app)),
            theme.dim(),
        ),
    ];
    super::Wrapped::new(Paragraph::new(lines), false)
}

/// What the rates leave out: outgoing invitations gone from a later export, if any.
fn gone_note(app: &App) -> String {
    let gone = (app.network.invitations.iter())
        .filter(|i| i.direction == Direction::Outgoing && i.status == InvitationStatus::Gone)
        .count();
    match gone {
        0 => String::new(),
        n => strings::gone_left_out(n),
    }
}

/// One list pane (index, title, text when empty): a window of rows around the pane's
/// cursor, each row drawn by `row` (given the invitation and whether a row beside it names
/// another person of the same name, [`namesake_beside`]) as (text, style); the cursor row
/// is reversed when the pane has the focus.
fn draw_pane(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    rows: &[usize],
    (pane, title, empty): (usize, &str, &str),
    row: impl Fn(usize, bool) -> (String, Style),
) {
    let cursor = app.invitations.cursor[pane];
    let focused = app.invitations.focus == pane;
    let title_style = if focused { theme.accent() } else { theme.dim() };
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(title.to_string(), title_style));
    let height = area.height.saturating_sub(1) as usize;
    let start = window_start(cursor, height);
    let end = (start + height).min(rows.len());
    let mut lines: Vec<Line> = rows[start.min(end)..end]
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let (text, style) = row(i, namesake_beside(app, rows, start + k));
            let style = if focused && start + k == cursor {
                theme.cursor()
            } else {
                style
            };
            Line::styled(text, style)
        })
        .collect();
    if lines.is_empty() {
        // Narrowed by a find, the pane is empty of what it finds, not of invitations.
        let empty = match app.found_invitations {
            Some(_) => strings::none_found(app.invitation_find.trim()),
            None => empty.to_string(),
        };
        lines.push(Line::styled(empty, theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
    if let Some(bar) = pane_scrollbar(area, 1, rows.len()) {
        draw_scrollbar(frame, theme, bar, rows.len() - height, start);
    }
}

/// Whether a row next to the `at`-th of `rows` is an invitation of another person of the
/// same name (two people invited in the same minute from one search sit side by side).
fn namesake_beside(app: &App, rows: &[usize], at: usize) -> bool {
    let invitations = &app.network.invitations;
    let this = &invitations[rows[at]];
    let beside = [at.checked_sub(1), Some(at + 1)];
    (beside.into_iter().flatten().filter_map(|k| rows.get(k))).any(|&j| {
        let other = &invitations[j];
        other.other_name() == this.other_name() && other.other_url() != this.other_url()
    })
}

/// The name of the person on the other side, `width` columns wide; for a `namesake`
/// beside it, followed by the end of their profile's address (`…garcia-2`), the name
/// giving way first.
fn name_cell(inv: &Invitation, namesake: bool, width: u16) -> String {
    let slug = (inv.other_url().filter(|_| namesake)).and_then(|key| key.rsplit('/').next());
    let Some(slug) = slug else {
        return pad(inv.other_name(), width);
    };
    let slug_width = (columns::width(slug) as u16).min(width / 2);
    let name = fit(inv.other_name(), width.saturating_sub(slug_width + 1));
    pad(
        &format!("{name} {}", columns::fit_end(slug, slug_width)),
        width,
    )
}

fn draw_outgoing(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let stale_days = app.pillars.assumptions.stale_days;
    // Fits the pane on an 80-column screen; narrower, the key hints below name the key.
    let title = strings::outgoing_title(&keys_text(app, strings::WITHDRAWS));
    let title = match Span::raw(&title).width() <= usize::from(area.width) {
        true => title,
        false => strings::OUTGOING.to_string(),
    };
    let pane = (0, title.as_str(), strings::NO_OUTGOING);
    // The name gives way to the age and the state on a narrow screen.
    let rows = app.invitation_rows(0);
    let width = pane_text_width(area, rows.len());
    let name_width = width.saturating_sub(18).clamp(8, 28);
    draw_pane(app, theme, frame, area, &rows, pane, |i, namesake| {
        let inv = &app.network.invitations[i];
        let age = inv.age_days(app.network.as_of);
        let mark = if app.withdraw_selected.contains(&inv.id) {
            "●"
        } else {
            " "
        };
        let (state, style) = if inv.withdraw_planned {
            (
                strings::WITHDRAW,
                theme.decision(netcurate::model::Decision::Prune),
            )
        } else if inv.is_stale(app.network.as_of, stale_days) {
            (strings::STALE, theme.warn())
        } else {
            ("", Style::new())
        };
        let name = name_cell(inv, namesake, name_width);
        (format!("{mark}{age:>4}d  {name} {state:<9}"), style)
    });
}

fn draw_incoming(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let threshold = app.pillars.threshold;
    // Ranked by score when some inviter is a contact; else the order is simply the newest,
    // and the names take the room of scores that no row has.
    let scored = app.incoming_scored();
    let title = match scored {
        true => strings::INCOMING,
        false => strings::INCOMING_UNSCORED,
    };
    let pane = (1, title, strings::NO_INCOMING);
    // The name gives way to the score and the suggestion on a narrow screen; the age
    // shows where there is room for it too.
    let rows = app.invitation_rows(1);
    let width = pane_text_width(area, rows.len());
    let age_width = if width >= 36 { 6 } else { 0 };
    let score_width = if scored { 10 } else { 0 };
    let name_width = width
        .saturating_sub(9 + score_width + age_width)
        .clamp(8, 26);
    draw_pane(app, theme, frame, area, &rows, pane, |i, namesake| {
        let inv = &app.network.invitations[i];
        let age = inv.age_days(app.network.as_of);
        let score = app.invitation_score(i);
        let suggestion = match (inv.status, score) {
            (InvitationStatus::Accepted, _) => suggestion::ACCEPTED,
            (_, Some(s)) if f64::from(s) >= threshold => suggestion::ACCEPT,
            (_, Some(_)) => suggestion::IGNORE,
            (_, None) if scored => suggestion::UNSCORED,
            (_, None) => "",
        };
        let name = name_cell(inv, namesake, name_width);
        let age = match age_width {
            0 => String::new(),
            _ => format!("{age:>4}d "),
        };
        let score = match scored {
            true => format!("{} ", theme::score_bar(score)),
            false => String::new(),
        };
        (
            format!("{age}{score}{name} {suggestion}"),
            theme.score(app.invitation_score(i)),
        )
    });
}

fn draw_capacity(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    // The plan's features already count the network and its pending invitations.
    let Some(f) = app.projection.as_ref().map(|p| &p.features) else {
        return;
    };
    let (connections, pending) = (f.before.connections as usize, f.before.pending as usize);
    let stale = f.before.stale as usize;
    let planned = pending - f.after.pending as usize;
    let today = app.network.as_of;
    let sent_week = app
        .network
        .invitations
        .iter()
        .filter(|i| i.direction == Direction::Outgoing && i.age_days(today) < 7)
        .count();
    let cap_style = if connections >= CAP_WARNING {
        theme.error()
    } else {
        theme.good()
    };
    let pending_style = if pending >= PENDING_DANGER {
        theme.error()
    } else {
        theme.good()
    };
    let week_style = if sent_week >= WEEKLY_RANGE.0 {
        theme.warn()
    } else {
        theme.good()
    };
    let reinvite = if planned > 0 {
        strings::reinvite_from(planned, today + Duration::days(REINVITE_DAYS))
    } else {
        strings::NO_WITHDRAWALS.to_string()
    };
    let stale_style = if stale > 0 {
        theme.warn()
    } else {
        theme.good()
    };
    // Four facts, on one line when it is wide enough, else as many as they need.
    let facts = vec![
        Fact {
            spans: vec![
                Span::raw(strings::CONNECTIONS_IS),
                Span::styled(strings::out_of(connections, CONNECTION_CAP), cap_style),
            ],
            aside: Some(Span::styled(strings::warn_from(CAP_WARNING), theme.dim())),
        },
        Fact {
            spans: vec![
                Span::raw(strings::PENDING_IS),
                Span::styled(
                    strings::out_of_about(pending, PENDING_DANGER),
                    pending_style,
                ),
            ],
            aside: None,
        },
        Fact {
            spans: vec![
                Span::raw(strings::STALE_IS),
                Span::styled(stale.to_string(), stale_style),
            ],
            aside: Some(Span::styled(
                strings::stale_aside(app.pillars.assumptions.stale_days),
                theme.dim(),
            )),
        },
        Fact {
            spans: vec![
                Span::raw(strings::SENT_WEEK_IS),
                Span::styled(sent_week.to_string(), week_style),
            ],
            aside: Some(Span::styled(
                strings::weekly_limit(WEEKLY_RANGE),
                theme.dim(),
            )),
        },
    ];
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(strings::CAPACITY, theme.title()));
    let inner = block.inner(area);
    let mut lines = pack(facts, inner.width);
    lines.push(Line::raw(format!(" {reinvite}")));
    lines.push(Line::styled(
        fitting(strings::CONNECTED_PER_MONTH.map(String::from), inner.width),
        theme.dim(),
    ));
    frame.render_widget(block, area);
    let [text, spark] =
        Layout::vertical([Constraint::Length(lines.len() as u16), Constraint::Min(1)]).areas(inner);
    frame.render_widget(Paragraph::new(lines), text);
    let data: Vec<u64> = app.months.iter().map(|(_, n)| *n as u64).collect();
    frame.render_widget(
        Sparkline::default().data(&data).style(theme.accent()),
        spark,
    );
}

/// A fact of the capacity pane: what it says, and an aside (the limit it is measured
/// against) that goes where the fact alone would not fit a line with it: cut, "(warn from
/// 29000)" read "(warn from 2".
struct Fact<'a> {
    spans: Vec<Span<'a>>,
    aside: Option<Span<'a>>,
}

/// Facts as lines of at most `width` columns, each line indented by one space and facts
/// on one line three apart; a fact is never split (one wider than `width` has a line of
/// its own, without its aside when that is what makes it too wide).
fn pack(facts: Vec<Fact<'_>>, width: u16) -> Vec<Line<'_>> {
    const INDENT: &str = " ";
    const GAP: &str = "   ";
    let mut lines: Vec<Line> = Vec::new();
    for Fact { mut spans, aside } in facts {
        let wide = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
        if let Some(aside) = aside
            && INDENT.len() + wide(&spans) + aside.width() <= usize::from(width)
        {
            spans.push(aside);
        }
        let group = spans;
        let wide = wide(&group);
        match lines.last_mut() {
            Some(line) if line.width() + GAP.len() + wide <= usize::from(width) => {
                line.spans.push(Span::raw(GAP));
                line.spans.extend(group);
            }
            _ => {
                let mut line = Line::from(INDENT);
                line.spans.extend(group);
                lines.push(line);
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_share_a_line_while_they_fit() {
        let fact = |spans: &[&'static str], aside: Option<&'static str>| Fact {
            spans: spans.iter().map(|s| Span::raw(*s)).collect(),
            aside: aside.map(Span::raw),
        };
        let facts = || {
            vec![
                fact(&["aaaa"], None),
                fact(&["bb", "b"], None),
                fact(&["cc"], None),
            ]
        };
        let text = |lines: Vec<Line>| lines.iter().map(Line::to_string).collect::<Vec<_>>();
        assert_eq!(text(pack(facts(), 40)), [" aaaa   bbb   cc"]);
        assert_eq!(text(pack(facts(), 11)), [" aaaa   bbb", " cc"]);
        assert_eq!(text(pack(facts(), 3)), [" aaaa", " bbb", " cc"]);
        // An aside stays while its fact and it fit a line, else it goes, whole.
        let asides = || {
            vec![
                fact(&["n 10"], Some(" (of 99)")),
                fact(&["m 2"], Some(" (~9)")),
            ]
        };
        assert_eq!(text(pack(asides(), 40)), [" n 10 (of 99)   m 2 (~9)"]);
        assert_eq!(text(pack(asides(), 13)), [" n 10 (of 99)", " m 2 (~9)"]);
        assert_eq!(text(pack(asides(), 12)), [" n 10", " m 2 (~9)"]);
    }
}
