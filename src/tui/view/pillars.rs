//! The pillars view: baseline vs projected gauges for "Build relationships" and "Find the
//! right people", the direction in words, the feature table before → after, the
//! assumptions, the disclaimer, the documented FRP levers, the readings sparkline and the
//! projection log; laid out at the height they take, and scrolled on a shorter screen.
//! Rows left over draw BR's readings and the projected ranges as a chart.

use super::super::app::App;
use super::super::strings::{self, feature};
use super::super::theme::Theme;
use super::{Wrapped, fitting, keys_text};
use chrono::NaiveDate;
use netcurate::pillars::{FRP_LEVERS, PillarProjection, Projection, SsiReading};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Block, Borders, Chart, Dataset, GraphType, LineGauge, Paragraph, Sparkline, Widget,
};

/// Draws the view, scrolled to `app.pillars_scroll.top` when it is taller than `area`
/// (a scrollbar then takes the last column): it is drawn whole into a buffer of its own
/// height, and the rows shown are copied out.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(p) = &app.projection else { return };
    let parts = Parts::new(app, p, theme, area);
    let top = app.pillars_scroll.top.min(parts.hidden(area));
    let whole = Rect::new(0, 0, parts.width, parts.rows.max(area.height));
    let mut buffer = Buffer::empty(whole);
    draw_whole(app, p, theme, parts, &mut buffer);
    let shown = frame.buffer_mut();
    for y in 0..area.height.min(whole.height) {
        for x in 0..parts.width {
            shown[(area.x + x, area.y + y)] = buffer[(x, top as u16 + y)].clone();
        }
    }
    if parts.width < area.width {
        super::draw_scrollbar(frame, theme, area, parts.hidden(area), top);
    }
}

/// Rows of the view that do not fit `area` (0 when it all shows).
pub fn hidden_rows(app: &App, theme: &Theme, area: Rect) -> usize {
    let Some(p) = &app.projection else { return 0 };
    Parts::new(app, p, theme, area).hidden(area)
}

/// How the view is laid out at a width: the columns it is drawn in (one less than the
/// screen's when it scrolls, for the scrollbar), the rows of each part, and in all.
#[derive(Clone, Copy)]
struct Parts {
    width: u16,
    /// The plan beside the assumptions (both this tall), or above them.
    side_by_side: bool,
    gauges: u16,
    plan: u16,
    assumptions: u16,
    /// The plan and the assumptions: side by side, or one above the other.
    table: u16,
    /// The readings, with their title and the whole projection log.
    readings: u16,
    rows: u16,
}

impl Parts {
    /// The parts as drawn in `area`'s width, or one column narrower when they do not
    /// fit its height.
    fn new(app: &App, p: &Projection, theme: &Theme, area: Rect) -> Parts {
        let whole = Parts::at(app, p, theme, area.width);
        match whole.rows > area.height && area.width > 1 {
            true => Parts::at(app, p, theme, area.width - 1),
            false => whole,
        }
    }

    /// The parts at `width`. The plan goes beside the assumptions when two plans (a gap
    /// included) fit side by side, else above them (on a narrow screen the plan's figures
    /// would run into the assumptions' text); side by side, the two are as tall as the
    /// assumptions wrap to, at least the plan's 9 rows.
    fn at(app: &App, p: &Projection, theme: &Theme, width: u16) -> Parts {
        let plan_width = plan_width(p, theme);
        let side_by_side = width >= 2 * plan_width;
        let [left, right] = halves(Rect::new(0, 0, width, 1));
        let words = |pillar: &PillarProjection, note: &str, w: u16| {
            pillar_words(pillar, note, theme).line_count(w) as u16
        };
        let br = words(&p.build_relationships, "", left.width);
        let frp = words(&p.find_right_people, strings::FRP_NOTE, right.width);
        // A title, the two gauges, and the words under them.
        let gauges = 3 + br.max(frp);
        let assumptions_width = if side_by_side { right.width } else { width };
        let assumptions = assumptions(app, p, theme).line_count(assumptions_width) as u16 + 1;
        let (plan, assumptions) = match side_by_side {
            true => {
                let both = assumptions.max(PLAN_ROWS + 1);
                (both, both)
            }
            false => (PLAN_ROWS, assumptions),
        };
        let (_, _, summary) = readings(app, theme, width);
        let readings = 1 + summary + (log(app, theme).line_count(width) as u16).max(1);
        let table = if side_by_side {
            plan
        } else {
            plan + assumptions
        };
        Parts {
            width,
            side_by_side,
            gauges,
            plan,
            assumptions,
            table,
            readings,
            rows: gauges + table + readings,
        }
    }

    fn hidden(&self, area: Rect) -> usize {
        usize::from(self.rows.saturating_sub(area.height))
    }
}

/// Rows of the plan table with its title: the header and six features.
const PLAN_ROWS: u16 = 8;

fn draw_whole(app: &App, p: &Projection, theme: &Theme, parts: Parts, buffer: &mut Buffer) {
    let area = buffer.area;
    let [gauges, table, bottom] = Layout::vertical([
        Constraint::Length(parts.gauges),
        Constraint::Length(parts.table),
        Constraint::Min(parts.readings),
    ])
    .areas(area);
    let [br, frp] = halves(gauges);
    let pillar_parts = [
        (br, strings::BUILD_RELATIONSHIPS, &p.build_relationships, ""),
        (
            frp,
            strings::FIND_THE_RIGHT_PEOPLE,
            &p.find_right_people,
            strings::FRP_NOTE,
        ),
    ];
    for (area, title, pillar_projection, note) in pillar_parts {
        pillar(app, theme, buffer, area, title, pillar_projection, note);
    }
    let [plan, assumptions_area] = match parts.side_by_side {
        true => halves(table),
        false => Layout::vertical([
            Constraint::Length(parts.plan),
            Constraint::Length(parts.assumptions),
        ])
        .areas(table),
    };
    let block = |title: &'static str| {
        Block::new()
            .borders(Borders::TOP)
            .title(Span::styled(title, theme.title()))
    };
    Paragraph::new(plan_lines(p, theme))
        .block(block(strings::PLAN))
        .render(plan, buffer);
    (assumptions(app, p, theme).block(block(strings::ASSUMPTIONS)))
        .render(assumptions_area, buffer);
    history(app, theme, buffer, bottom);
}

/// The plan table's width, a column to spare.
fn plan_width(p: &Projection, theme: &Theme) -> u16 {
    let lines = plan_lines(p, theme);
    lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 1
}

/// The assumptions pane's text, wrapped: the disclaimer first (on a short screen the
/// lines below it may not fit), how to edit them, every parameter, the FRP levers.
fn assumptions<'a>(app: &App, p: &'a Projection, theme: &Theme) -> Wrapped<'a> {
    let mut text = vec![
        Line::styled(p.disclaimer, theme.warn()),
        Line::styled(keys_text(app, strings::EDIT_ASSUMPTIONS), theme.header()),
    ];
    text.extend(strings::assumptions(&p.assumptions, p.noise_used).map(Line::raw));
    text.push(Line::styled(strings::frp_levers(&FRP_LEVERS), theme.dim()));
    Wrapped::new(Paragraph::new(text), true)
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

fn pillar(
    app: &App,
    theme: &Theme,
    buffer: &mut Buffer,
    area: Rect,
    titles: [&str; 2],
    p: &PillarProjection,
    note: &str,
) {
    let title = fitting(titles.map(String::from), area.width);
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(title, theme.title()));
    let inner = block.inner(area);
    block.render(area, buffer);
    let [base, proj, words] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    let ratio = |x: f64| (x / 25.0).clamp(0.0, 1.0);
    match (p.baseline, p.low, p.high) {
        (Some(b), Some(lo), Some(hi)) => {
            (LineGauge::default().ratio(ratio(b)))
                .label(strings::gauge_now(b))
                .filled_style(theme.accent())
                .render(base, buffer);
            (LineGauge::default().ratio(ratio((lo + hi) / 2.0)))
                .label(strings::gauge_plan(lo, hi))
                .filled_style(theme.good())
                .render(proj, buffer);
        }
        // Without a reading, what to do takes both gauges' rows (wrapped in a narrow pane).
        _ => Wrapped::new(
            Paragraph::new(Line::styled(
                strings::no_reading(&keys_text(app, strings::RECORD_ONE)),
                theme.dim(),
            )),
            true,
        )
        .render(base.union(proj), buffer),
    }
    pillar_words(p, note, theme).render(words, buffer);
}

/// The change in words under a pillar's gauges, and its note, wrapped.
fn pillar_words<'a>(p: &PillarProjection, note: &'a str, theme: &Theme) -> Wrapped<'a> {
    let text = vec![
        Line::raw(strings::delta(
            p.delta_low,
            p.delta_high,
            p.direction.words(),
        )),
        Line::styled(note, theme.dim()),
    ];
    Wrapped::new(Paragraph::new(text), true)
}

fn history(app: &App, theme: &Theme, buffer: &mut Buffer, area: Rect) {
    let titles = strings::readings_titles(
        &keys_text(app, strings::RECORDS_A_READING),
        &keys_text(app, strings::RECORD_ONE),
    );
    let block = Block::new()
        .borders(Borders::TOP)
        .title(Span::styled(fitting(titles, area.width), theme.title()));
    let inner = block.inner(area);
    block.render(area, buffer);
    let (spark_width, summary, rows) = readings(app, theme, inner.width);
    let log = log(app, theme);
    let log_rows = (log.line_count(inner.width) as u16).max(1);
    let [readings, log_area, chart] = Layout::vertical([
        Constraint::Length(rows),
        Constraint::Length(log_rows),
        Constraint::Min(0),
    ])
    .areas(inner);
    let [spark, words] = Layout::horizontal([Constraint::Length(spark_width), Constraint::Min(1)])
        .spacing(u16::from(spark_width > 0))
        .areas(readings);
    // Tenths of BR above the lowest reading (and one more, so that it shows): the bars
    // span the readings' range, as the chart's line does.
    let tenths: Vec<u64> = (app.pillars.readings.iter())
        .map(|r| (r.br * 10.0).round() as u64)
        .collect();
    let lowest = tenths.iter().min().map_or(0, |t| t.saturating_sub(1));
    let data: Vec<u64> = tenths.iter().map(|t| t - lowest).collect();
    let highest = data.iter().max().copied().unwrap_or(1);
    (Sparkline::default().data(&data).max(highest))
        .style(theme.accent())
        .render(spark, buffer);
    summary.render(words, buffer);
    log.render(log_area, buffer);
    if chart.height >= CHART_MIN_ROWS {
        br_chart(app, theme, buffer, chart);
    }
}

/// The fewest rows the BR chart is drawn in: under the words, the view's spare rows.
const CHART_MIN_ROWS: u16 = 7;

/// BR over the readings recorded, and beside them each projection logged as the range it
/// gave on its day, scaled to what they span: in the rows the view leaves free, when
/// there are two things to draw.
fn br_chart(app: &App, theme: &Theme, buffer: &mut Buffer, area: Rect) {
    let readings = &app.pillars.readings;
    let ranges: Vec<(NaiveDate, [f64; 2])> = (app.pillars.log.iter())
        .filter(|l| l.baseline.is_some())
        .map(|l| (l.date, [l.low, l.high]))
        .collect();
    let days = (readings.iter().map(|r| r.date)).chain(ranges.iter().map(|r| r.0));
    let (Some(first), Some(last)) = (days.clone().min(), days.max()) else {
        return;
    };
    if readings.len() + ranges.len() < 2 {
        return;
    }
    let x = |day: NaiveDate| (day - first).num_days() as f64;
    let points: Vec<(f64, f64)> = readings.iter().map(|r| (x(r.date), r.br)).collect();
    let bars: Vec<[(f64, f64); 2]> = (ranges.iter())
        .map(|&(day, [low, high])| [(x(day), low), (x(day), high)])
        .collect();
    let values = (points.iter().map(|p| p.1)).chain(bars.iter().flatten().map(|p| p.1));
    let (low, high) = values.fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(v), h.max(v)));
    let pad = ((high - low) / 10.0).max(0.5);
    let (low, high) = ((low - pad).max(0.0), (high + pad).min(25.0));
    let mut datasets = vec![
        Dataset::default()
            .name(strings::CHART_READINGS)
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.accent())
            .data(&points),
    ];
    for (i, bar) in bars.iter().enumerate() {
        let dataset = (Dataset::default().marker(Marker::Braille))
            .graph_type(GraphType::Line)
            .style(theme.warn())
            .data(bar);
        datasets.push(match i {
            0 => dataset.name(strings::CHART_PROJECTED),
            _ => dataset,
        });
    }
    let axis = |bounds: [f64; 2], labels: [String; 2]| {
        (Axis::default().bounds(bounds).labels(labels)).style(theme.dim())
    };
    // The first day's label starts at the BR axis rather than ending there: the BR
    // labels' width is the chart's margin.
    let days = axis(
        [0.0, x(last).max(1.0)],
        [first, last].map(|d| d.to_string()),
    );
    Chart::new(datasets)
        .x_axis(days.labels_alignment(Alignment::Right))
        .y_axis(axis([low, high], [low, high].map(|v| format!("{v:.1}"))))
        .render(area, buffer);
}

/// The readings at `width`: the sparkline's columns (one per reading, at most a third of
/// them), the summary in words beside it, wrapped (a number is never cut), and the rows
/// they take (at least the sparkline's two).
fn readings<'a>(app: &App, theme: &Theme, width: u16) -> (u16, Wrapped<'a>, u16) {
    let all = &app.pillars.readings;
    let spark_width = (all.len() as u16).min(width / 3);
    let words_width = width.saturating_sub(spark_width + u16::from(spark_width > 0));
    let summary = Wrapped::new(Paragraph::new(readings_summary(app, all, theme)), true);
    let rows = (summary.line_count(words_width) as u16).max(2);
    (spark_width, summary, rows)
}

/// The projections logged, the latest first, each against the reading after it.
fn log<'a>(app: &App, theme: &Theme) -> Wrapped<'a> {
    let mut lines: Vec<Line> = (app.pillars.log.iter().rev())
        .map(|l| Line::raw(l.outcome(&app.pillars.readings)))
        .collect();
    if lines.is_empty() {
        lines.push(Line::styled(strings::NO_PROJECTIONS, theme.dim()));
    }
    Wrapped::new(Paragraph::new(lines), true)
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
