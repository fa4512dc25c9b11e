//! The segments view: all contacts, then tags and saved filters, with counts, mean score
//! and VP+ share, and charts of the segment under the cursor (score histogram, seniority
//! and function bars, connections per month) whose bars filter the contacts view to the
//! people behind them (Enter).

use super::super::app::{App, ChartCounts, MONTHS_PANE};
use super::super::strings;
use super::super::theme::Theme;
use super::{
    bar_lines, draw_scrollbar, keys_text, pad, pane_scrollbar, place_on_scrollbar, window_start,
};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

/// Below this width the panes are too narrow to read side by side: the view shows the
/// focused pane alone, over the whole area (h/l moves between them as ever).
const ONE_PANE_BELOW: u16 = 72;

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let charts = chart_items(app);
    for (pane, place) in panes(app, area) {
        match pane {
            0 => draw_segments(app, theme, frame, place),
            _ => chart(app, theme, frame, place, pane, &charts[pane - 1]),
        }
    }
}

/// Each pane shown (0 the segments, then the charts: score, seniority, function, months)
/// and its place in `area`.
fn panes(app: &App, area: Rect) -> Vec<(usize, Rect)> {
    if area.width < ONE_PANE_BELOW {
        return vec![(app.segments.focus, area)];
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(area);
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(right);
    let [score, month] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(top);
    let [seniority, function] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(bottom);
    vec![
        (0, left),
        (1, score),
        (2, seniority),
        (3, function),
        (4, month),
    ]
}

/// The pane and the place in its rows (a segment, a bar) of the row [`draw`] draws at
/// `at` in `area`, if one is there.
pub fn row_at(app: &App, area: Rect, at: Position) -> Option<(usize, usize)> {
    let (pane, place) = panes(app, area).into_iter().find(|(_, r)| r.contains(at))?;
    // Under the pane's rule: the segments' column headers, or a chart's bars.
    let (first_row, rows) = match pane {
        0 => (place.y + SEGMENTS_HEAD, app.segment_rows.len()),
        _ => (place.y + 1, app.segment_queries(pane).len()),
    };
    if let Some(bar) = segments_scrollbar(app, place).filter(|bar| pane == 0 && bar.contains(at)) {
        return Some((pane, place_on_scrollbar(rows, bar, at.y)));
    }
    let shown = usize::from(place.bottom().saturating_sub(first_row));
    let start = window_start(app.segments.cursor[pane], shown);
    let row = start + usize::from(at.y.checked_sub(first_row)?);
    (row < rows).then_some((pane, row))
}

/// Rows of the segments pane above its first segment: its title's rule and its header.
const SEGMENTS_HEAD: u16 = 2;

/// The segments pane's scrollbar, when it has more segments than rows.
fn segments_scrollbar(app: &App, area: Rect) -> Option<Rect> {
    pane_scrollbar(area, SEGMENTS_HEAD, app.segment_rows.len())
}

/// The bars of the chart panes, in pane order (score, seniority, function, months), of
/// the segment under the segments pane's cursor (counted the first time it is shown; all
/// contacts, counted here, before the segments are worked out).
fn chart_items(app: &App) -> [Vec<(String, usize)>; 4] {
    let counted;
    let counts = match app.segment_rows.get(app.segments.cursor[0]) {
        Some(row) => row.charts(&app.network, &app.months),
        None => {
            counted = ChartCounts::of(app.network.contacts.iter(), &app.months);
            &counted
        }
    };
    let labelled = |pane: usize, counts: &[usize]| -> Vec<(String, usize)> {
        let labels = app
            .segment_queries(pane)
            .into_iter()
            .map(|(label, _)| label);
        labels.zip(counts.iter().copied()).collect()
    };
    [
        labelled(1, &counts.scores),
        labelled(2, &counts.tiers),
        labelled(3, &counts.functions),
        labelled(MONTHS_PANE, &counts.months),
    ]
}

fn pane_block<'a>(app: &App, theme: &Theme, index: usize) -> Block<'a> {
    let style = if app.segments.focus == index {
        theme.accent()
    } else {
        theme.dim()
    };
    let title = match app.charted_segment().filter(|_| index > 0) {
        Some(segment) => strings::chart_title(strings::SEGMENT_PANES[index], &segment.name),
        None => strings::SEGMENT_PANES[index].to_string(),
    };
    Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(title, style))
}

fn chart(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    index: usize,
    items: &[(String, usize)],
) {
    let block = pane_block(app, theme, index);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let focused = app.segments.focus == index;
    let cursor = app.segments.cursor[index];
    let start = window_start(cursor, usize::from(inner.height)).min(items.len());
    let lines = bar_lines(items, inner.width, focused.then_some(cursor), theme);
    frame.render_widget(Paragraph::new(lines[start..].to_vec()), inner);
}

fn draw_segments(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = pane_block(app, theme, 0);
    let segments = &app.segment_rows;
    let cursor = app.segments.cursor[0];
    let scrollbar = segments_scrollbar(app, area);
    // The numbers keep their columns; the name takes the rest but a column (cut with "…"),
    // and the scrollbar's.
    let width = block.inner(area).width - u16::from(scrollbar.is_some());
    let name_w = usize::from(width).saturating_sub(20).clamp(6, 32);
    let shown = usize::from(area.height.saturating_sub(SEGMENTS_HEAD));
    let start = window_start(cursor, shown).min(segments.len());
    let [segment, count, mean, vp] = strings::SEGMENT_COLUMNS;
    let mut lines = vec![Line::styled(
        format!("{segment:<name_w$} {count:>6} {mean:>5} {vp:>5}"),
        theme.header(),
    )];
    for (k, row) in segments.iter().enumerate().skip(start).take(shown) {
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
    // All contacts alone: how to make a segment.
    if segments.len() <= 1 {
        lines.extend(
            [
                strings::NO_SEGMENTS.to_string(),
                keys_text(app, strings::SEGMENT_MAKERS),
            ]
            .map(|text| Line::styled(text, theme.dim())),
        );
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
    if let Some(bar) = scrollbar {
        draw_scrollbar(frame, theme, bar, segments.len() - shown, start);
    }
}
