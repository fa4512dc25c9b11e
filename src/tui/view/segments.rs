//! The segments view: tags and saved filters with counts, mean score and VP+ share, and
//! charts (score histogram, seniority and function bars, connections per month) whose
//! bars filter the contacts view to the people behind them (Enter).

use super::super::app::{App, MONTHS_PANE};
use super::super::strings;
use super::super::theme::Theme;
use super::{bar_lines, keys_text, pad};
use netcurate::model::{Function, Seniority};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Below this width the panes are too narrow to read side by side: the view shows the
/// focused pane alone, over the whole area (h/l moves between them as ever).
const ONE_PANE_BELOW: u16 = 72;

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let charts = chart_items(app);
    if area.width < ONE_PANE_BELOW {
        match app.segments.focus {
            0 => draw_segments(app, theme, frame, area),
            pane => chart(app, theme, frame, area, pane, &charts[pane - 1]),
        }
        return;
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(area);
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(right);
    let [score, month] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(top);
    let [seniority, function] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(bottom);
    draw_segments(app, theme, frame, left);
    for (pane, place) in [score, seniority, function, month].into_iter().enumerate() {
        chart(app, theme, frame, place, pane + 1, &charts[pane]);
    }
}

/// The bars of the chart panes, in pane order (score, seniority, function, months): one
/// pass over the network for the first three.
fn chart_items(app: &App) -> [Vec<(String, usize)>; 4] {
    let (mut hist, mut tiers, mut functions) = ([0usize; 10], [0usize; 11], [0usize; 14]);
    for c in app.network.contacts.iter().filter(|c| c.in_network()) {
        if let Some(s) = c.score {
            hist[(s as usize / 10).min(9)] += 1;
        }
        tiers[Seniority::ALL
            .iter()
            .position(|t| *t == c.seniority)
            .unwrap_or(10)] += 1;
        functions[Function::ALL
            .iter()
            .position(|f| *f == c.function)
            .unwrap_or(13)] += 1;
    }
    let labelled = |labels: Vec<String>, counts: &[usize]| -> Vec<(String, usize)> {
        labels.into_iter().zip(counts.iter().copied()).collect()
    };
    let score_labels = app.segment_queries(1).into_iter().map(|(l, _)| l).collect();
    let tier_labels = Seniority::ALL.iter().map(|t| t.as_str().to_string());
    let function_labels = Function::ALL.iter().map(|f| f.as_str().to_string());
    let months = (app.segment_queries(MONTHS_PANE).into_iter())
        .zip(app.months.iter())
        .map(|((label, _), &(_, n))| (label, n))
        .collect();
    [
        labelled(score_labels, &hist),
        labelled(tier_labels.collect(), &tiers),
        labelled(function_labels.collect(), &functions),
        months,
    ]
}

fn pane<'a>(app: &App, theme: &Theme, index: usize) -> Block<'a> {
    let style = if app.segments.focus == index {
        theme.accent()
    } else {
        theme.dim()
    };
    Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(strings::SEGMENT_PANES[index], style))
}

fn chart(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    index: usize,
    items: &[(String, usize)],
) {
    let block = pane(app, theme, index);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let focused = app.segments.focus == index;
    let cursor = app.segments.cursor[index];
    let height = inner.height as usize;
    let start = cursor
        .saturating_sub(height.saturating_sub(1))
        .min(items.len());
    let lines = bar_lines(items, inner.width, focused.then_some(cursor), theme);
    frame.render_widget(Paragraph::new(lines[start..].to_vec()), inner);
}

fn draw_segments(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = pane(app, theme, 0);
    let segments = &app.segment_rows;
    let cursor = app.segments.cursor[0];
    // The numbers keep their columns; the name takes the rest but a column (cut with "…").
    let name_w = usize::from(block.inner(area).width)
        .saturating_sub(20)
        .clamp(6, 32);
    let [segment, count, mean, vp] = strings::SEGMENT_COLUMNS;
    let mut lines = vec![Line::styled(
        format!("{segment:<name_w$} {count:>6} {mean:>5} {vp:>5}"),
        theme.header(),
    )];
    if segments.is_empty() {
        lines.extend(
            [
                strings::NO_SEGMENTS.to_string(),
                keys_text(app, strings::SEGMENT_MAKERS),
            ]
            .map(|text| Line::styled(text, theme.dim())),
        );
    }
    for (k, row) in segments.iter().enumerate() {
        let (s, f) = (&row.segment, &row.figures);
        let (count, mean, vp) = (f.count, f.mean_score, f.vp_share);
        let text = format!(
            "{} {count:>6} {mean:>5.0} {vp:>4.0}%",
            pad(&s.name, name_w as u16)
        );
        let focused = app.segments.focus == 0 && k == cursor;
        lines.push(if focused {
            Line::styled(text, theme.cursor())
        } else {
            Line::raw(text)
        });
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
