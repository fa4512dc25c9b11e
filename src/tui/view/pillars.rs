//! The pillars view: baseline vs projected gauges for "Build relationships" and "Find the
//! right people", the direction in words, the feature table before → after, the
//! assumptions, the disclaimer, the documented FRP levers, the readings sparkline and the
//! projection log.

use super::super::app::App;
use super::super::strings::{self, feature};
use super::super::theme::Theme;
use super::keys_text;
use netcurate::pillars::{FRP_LEVERS, PillarProjection, Projection, SsiReading};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, LineGauge, Paragraph, Sparkline, Wrap};

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(p) = &app.projection else { return };
    let lines = plan_lines(p, theme);
    let plan_width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 1;
    let assumptions = assumptions(app, p, theme);
    let [gauges, t_left, t_right, bottom] = areas(area, plan_width, &assumptions);
    let [br, frp] = halves(gauges);
    pillar(
        app,
        theme,
        frame,
        br,
        strings::BUILD_RELATIONSHIPS,
        &p.build_relationships,
        "",
    );
    pillar(
        app,
        theme,
        frame,
        frp,
        strings::FIND_THE_RIGHT_PEOPLE,
        &p.find_right_people,
        strings::FRP_NOTE,
    );
    let block = |title: &'static str| {
        Block::new()
            .borders(Borders::TOP)
            .title(Span::styled(title, theme.title()))
    };
    frame.render_widget(Paragraph::new(lines).block(block(strings::PLAN)), t_left);
    frame.render_widget(assumptions.block(block(strings::ASSUMPTIONS)), t_right);
    history(app, theme, frame, bottom);
}

/// The assumptions pane's text, wrapped: the disclaimer first (on a short screen the
/// lines below it may not fit), how to edit them, every parameter, the FRP levers.
fn assumptions<'a>(app: &App, p: &'a Projection, theme: &Theme) -> Paragraph<'a> {
    let mut text = vec![
        Line::styled(p.disclaimer, theme.warn()),
        Line::styled(keys_text(app, strings::EDIT_ASSUMPTIONS), theme.header()),
    ];
    text.extend(strings::assumptions(&p.assumptions, p.noise_used).map(Line::raw));
    text.push(Line::styled(strings::frp_levers(&FRP_LEVERS), theme.dim()));
    Paragraph::new(text).wrap(Wrap { trim: true })
}

/// The plan table: each feature of the network before → after the plan.
fn plan_lines(p: &Projection, theme: &Theme) -> Vec<Line<'static>> {
    let f = &p.features;
    let pct = |x: f64| format!("{:.0}%", 100.0 * x);
    let rows = [
        (
            feature::CONNECTIONS,
            f.before.connections.to_string(),
            f.after.connections.to_string(),
        ),
        (
            feature::VP_PLUS,
            f.before.vp_plus.to_string(),
            f.after.vp_plus.to_string(),
        ),
        (
            feature::COLLEAGUES,
            f.before.internal.to_string(),
            f.after.internal.to_string(),
        ),
        (
            feature::ACCEPTANCE_RATE,
            pct(f.before.acceptance_rate),
            pct(f.after.acceptance_rate),
        ),
        (
            feature::RELEVANT_SHARE,
            pct(f.before.relevant_share),
            pct(f.after.relevant_share),
        ),
        (
            feature::PENDING_STALE,
            format!("{} / {}", f.before.pending, f.before.stale),
            format!("{} / {}", f.after.pending, f.after.stale),
        ),
    ];
    // Figures in 9 columns unless one is wider (a network with 10,000 pending): 38 in
    // all, half of an 80-column screen.
    let w = (rows.iter())
        .flat_map(|(_, b, a)| [b.chars().count(), a.chars().count()])
        .fold(9, usize::max);
    let row = |n: &str, b: &str, a: &str| format!("{n:<16} {b:>w$} → {a:<w$}");
    let [n, b, a] = strings::PLAN_COLUMNS;
    let mut lines = vec![Line::styled(row(n, b, a), theme.header())];
    lines.extend(rows.iter().map(|(n, b, a)| Line::raw(row(n, b, a))));
    lines
}

/// Two columns with one between them (the first pillar's gauges end before the
/// second's labels begin), the right one lined up with the assumptions below.
fn halves(area: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
        .spacing(1)
        .areas(area)
}

/// Where the gauges, the plan, the assumptions and the readings go: the plan beside the
/// assumptions when two plans (`plan_width` columns each, a gap included) fit side by
/// side, else above them (on a narrow screen the plan's figures would run into the
/// assumptions' text). Side by side, the two are as tall as the assumptions wrap to
/// (at least the plan's 9 rows), as far as the readings keep their 3.
fn areas(area: Rect, plan_width: u16, assumptions: &Paragraph<'_>) -> [Rect; 4] {
    if area.width >= 2 * plan_width {
        const GAUGES: u16 = 7;
        let [_, right] = halves(area);
        let wrapped = assumptions.line_count(right.width) as u16 + 1;
        let table = wrapped.clamp(9, area.height.saturating_sub(GAUGES + 3).max(9));
        let [gauges, table, bottom] = Layout::vertical([
            Constraint::Length(GAUGES),
            Constraint::Length(table),
            Constraint::Min(3),
        ])
        .areas(area);
        let [plan, assumptions] = halves(table);
        return [gauges, plan, assumptions, bottom];
    }
    Layout::vertical([
        Constraint::Length(7),
        Constraint::Length(8),
        Constraint::Length(10),
        Constraint::Min(3),
    ])
    .areas(area)
}

fn pillar(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    p: &PillarProjection,
    note: &str,
) {
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(title.to_string(), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [base, proj, words] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    let ratio = |x: f64| (x / 25.0).clamp(0.0, 1.0);
    match (p.baseline, p.low, p.high) {
        (Some(b), Some(lo), Some(hi)) => {
            frame.render_widget(
                LineGauge::default()
                    .ratio(ratio(b))
                    .label(strings::gauge_now(b))
                    .filled_style(theme.accent()),
                base,
            );
            frame.render_widget(
                LineGauge::default()
                    .ratio(ratio((lo + hi) / 2.0))
                    .label(strings::gauge_plan(lo, hi))
                    .filled_style(theme.good()),
                proj,
            );
        }
        // Without a reading, what to do takes both gauges' rows (wrapped in a narrow pane).
        _ => frame.render_widget(
            Paragraph::new(Line::styled(
                strings::no_reading(&keys_text(app, strings::RECORD_ONE)),
                theme.dim(),
            ))
            .wrap(Wrap { trim: true }),
            base.union(proj),
        ),
    }
    let text = vec![
        Line::raw(strings::delta(
            p.delta_low,
            p.delta_high,
            p.direction.words(),
        )),
        Line::styled(note.to_string(), theme.dim()),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), words);
}

fn history(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::new().borders(Borders::TOP).title(Span::styled(
        strings::readings_title(&keys_text(app, strings::RECORDS_A_READING)),
        theme.title(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [readings, log] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
    let all = &app.pillars.readings;
    let data: Vec<u64> = all.iter().map(|r| (r.br * 10.0).round() as u64).collect();
    // One column per reading, then what they say in words.
    let spark_width = (data.len() as u16).min(readings.width / 3);
    let [spark, words] = Layout::horizontal([Constraint::Length(spark_width), Constraint::Min(1)])
        .spacing(u16::from(spark_width > 0))
        .areas(readings);
    frame.render_widget(
        Sparkline::default()
            .data(&data)
            .max(250)
            .style(theme.accent()),
        spark,
    );
    let summary = Paragraph::new(readings_summary(app, all, theme));
    // Before the first reading, one line of what to do, wrapped onto the second row.
    let summary = match all.is_empty() {
        true => summary.wrap(Wrap { trim: true }),
        false => summary,
    };
    frame.render_widget(summary, words);
    let mut lines = Vec::new();
    for l in &app.pillars.log {
        lines.push(Line::raw(l.outcome(&app.pillars.readings)));
    }
    if lines.is_empty() {
        lines.push(Line::styled(strings::NO_PROJECTIONS, theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), log);
}

/// The recorded readings in two lines: how BR moved over them, and the last one whole.
fn readings_summary<'a>(app: &App, readings: &[SsiReading], theme: &Theme) -> Vec<Line<'a>> {
    let (Some(first), Some(last)) = (readings.first(), readings.last()) else {
        return vec![Line::styled(
            strings::no_readings(&keys_text(app, strings::RECORD_ONE)),
            theme.dim(),
        )];
    };
    let span = if readings.len() == 1 {
        strings::one_reading(last.br, last.date)
    } else {
        strings::readings_span(readings.len(), (first.br, last.br), (first.date, last.date))
    };
    vec![
        Line::raw(span),
        Line::styled(
            strings::last_reading(last.total, last.brand, last.frp, last.engage, last.br),
            theme.dim(),
        ),
    ]
}
