//! Drawing the workbench: the frame (tabs, view, filter line, status bar) and the
//! overlays. Each view renders only what is visible; nothing here changes state. And what
//! a click lands on ([`clicked_at`]), found from the same layout the drawing uses.
//!
//! Must not: change the app state or do I/O.

mod contacts;
pub(super) mod invitations;
mod overlays;
mod pillars;
mod segments;

pub use crate::columns::{fit, pad};

use super::app::{App, Clicked, Overlay, Prompt, PromptKind, View};
use super::keymap::Command;
use super::strings::{self, KeyHint, KeyHints};
use super::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect, Size};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Tabs, Widget, Wrap,
};

/// Rows the contacts table can show in a terminal of this height (header, tabs, filter
/// and status lines excluded).
pub fn table_rows(height: u16) -> usize {
    height.saturating_sub(5).max(1) as usize
}

/// Lines of text the help overlay shows on a screen of `height` rows (inside its border).
pub fn help_rows(height: u16) -> usize {
    height.saturating_sub(2).max(1) as usize
}

/// The help overlay's width at most, its border included.
const HELP_WIDTH: u16 = 84;

/// Columns of text the help overlay has on a screen of `width` columns (inside its border).
pub fn help_columns(width: u16) -> usize {
    usize::from(width.min(HELP_WIDTH).saturating_sub(2))
}

/// The first of `texts` (longest first) that fits in `width` columns, else the last one
/// cut to fit: a title or a label that drops words rather than be cut.
fn fitting<const N: usize>(texts: [String; N], width: u16) -> String {
    let fits = |t: &String| crate::columns::width(t) <= usize::from(width);
    let mut texts = texts.into_iter();
    let last = texts.next_back().unwrap_or_default();
    texts
        .find(fits)
        .unwrap_or_else(|| fit(&last, width).into_owned())
}

/// Rows of the pillars view that do not fit a terminal of this size (0 when it all
/// shows); `None` while another view is shown (it is not measured for nothing).
pub fn pillars_hidden(app: &App, theme: &Theme, size: Size) -> Option<usize> {
    let [_, main, _, _] = frame_areas(Rect::from((Position::ORIGIN, size)));
    (app.view == View::Pillars).then(|| pillars::hidden_rows(app, theme, main))
}

/// The frame's rows: the view tabs, the view, the filter line and the status bar.
fn frame_areas(area: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let [tabs, main, filter, status] = frame_areas(area);
    draw_tabs(app, theme, frame, tabs);
    if app.triage.is_some() {
        overlays::triage(app, theme, frame, main);
    } else {
        match app.view {
            View::Contacts => contacts::draw(app, theme, frame, main),
            View::Invitations => invitations::draw(app, theme, frame, main),
            View::Segments => segments::draw(app, theme, frame, main),
            View::Pillars => pillars::draw(app, theme, frame, main),
        }
    }
    // Decided once for both lines: whether the message fits the status line or goes above.
    let parts = status_parts(app, area.width);
    draw_filter_line(app, &parts, theme, frame, filter);
    draw_status(app, parts, theme, frame, status);
    match &app.overlay {
        Overlay::Help => overlays::help(app, theme, frame, area),
        Overlay::Explain => overlays::explain(app, theme, frame, area),
        Overlay::Confirm(c) => overlays::confirm(app, c, theme, frame, area),
        Overlay::Progress { label, ratio } => overlays::progress(label, *ratio, theme, frame, area),
        Overlay::Failure(message) => overlays::failure(message, theme, frame, area),
        Overlay::Report {
            title,
            lines,
            lists,
            shows,
        } => {
            let of = lists.as_ref().map(|l| l.of);
            overlays::report(title, lines, of, *shows, theme, frame, area)
        }
        Overlay::Prompt(_) | Overlay::None => {}
    }
}

/// What a click at `at` lands on, on a screen of `size` as [`draw`] drew `app` on it: a
/// view's tab, a column's header or a row of the contacts table or its filter's line, a
/// row of a pane of the invitations or segments view, a key hint (on the line above the
/// status bar, or under a triage card).
pub fn clicked_at(app: &App, size: Size, at: Position) -> Option<Clicked> {
    let screen = Rect::from((Position::ORIGIN, size));
    // The explanation's box takes no click; what shows beside it does.
    let in_box = |r: Rect| r.contains(at);
    if app.overlay == Overlay::Explain && overlays::explain_box(app, screen).is_some_and(in_box) {
        return None;
    }
    let [tabs, main, filter, _] = frame_areas(screen);
    if filter.contains(at) {
        return match filter_line_shows(app, &status_parts(app, size.width)) {
            FilterLine::Filter { .. } => Some(Clicked::FilterLine),
            FilterLine::Keys => hint_at(app, filter.width, at.x - filter.x).map(Clicked::Key),
            FilterLine::Prompt(_) | FilterLine::Message(_) => None,
        };
    }
    if tabs.contains(at) {
        let TabLine {
            tabs: left, titles, ..
        } = tab_line(app, tabs);
        let view = (tab_spans(&titles, left).position(|(from, to)| (from..to).contains(&at.x)))
            .map(|i| View::ALL[i]);
        return view.map(Clicked::Tab);
    }
    if !main.contains(at) {
        return None;
    }
    if app.triage.is_some() {
        return overlays::triage_key_at(app, main, at).map(Clicked::Key);
    }
    let pane_row = |(pane, place)| Clicked::PaneRow { pane, place };
    match app.view {
        View::Contacts => (contacts::header_at(app, main, at).map(Clicked::Header))
            .or_else(|| contacts::row_at(app, main, at).map(Clicked::Row)),
        View::Invitations => invitations::row_at(app, main, at).map(pane_row),
        View::Segments => segments::row_at(app, main, at).map(pane_row),
        View::Pillars => None,
    }
}

/// A paragraph wrapped at spaces to its area's width, drawn as ratatui draws it but never
/// past the area: ratatui's wrapping can run a line a column or two past the area's right
/// edge (a wide character in a word longer than its line, a line that starts with a
/// combining mark: ratatui issue #2679), which panics at the edge of the screen. The one
/// way the workbench wraps text: clippy.toml refuses `Paragraph::wrap` anywhere else.
pub(super) struct Wrapped<'a>(Paragraph<'a>);

impl<'a> Wrapped<'a> {
    /// `paragraph` wrapped; `trim`: a wrapped line's leading spaces dropped.
    #[allow(clippy::disallowed_methods)]
    pub fn new(paragraph: Paragraph<'a>, trim: bool) -> Wrapped<'a> {
        Wrapped(paragraph.wrap(Wrap { trim }))
    }

    pub fn block(self, block: Block<'a>) -> Wrapped<'a> {
        Wrapped(self.0.block(block))
    }

    pub fn scroll(self, offset: (u16, u16)) -> Wrapped<'a> {
        Wrapped(self.0.scroll(offset))
    }

    /// How many lines the text takes wrapped to `width` (its block's included).
    pub fn line_count(&self, width: u16) -> usize {
        self.0.line_count(width)
    }
}

impl Widget for Wrapped<'_> {
    /// Drawn over a copy of the area with as many columns again to spare, then the area
    /// copied back: a line run past the area lands in the spare columns.
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        let spare = area.width.max(4).min(u16::MAX - area.right());
        let mut roomy = Buffer::empty(Rect {
            width: area.width + spare,
            ..area
        });
        for at in area.positions() {
            roomy[at] = buf[at].clone();
        }
        self.0.render(area, &mut roomy);
        for at in area.positions() {
            buf[at] = std::mem::take(&mut roomy[at]);
        }
    }
}

/// A scrollbar in `bar` beside a list (or a text) `hidden` rows longer than the rows
/// shown, scrolled `top` rows down: its thumb where the rows shown are.
fn draw_scrollbar(frame: &mut Frame, theme: &Theme, bar: Rect, hidden: usize, top: usize) {
    let mut state = ScrollbarState::new(hidden + 1).position(top);
    let scrollbar = Scrollbar::new(ScrollbarOrientation::VerticalRight).style(theme.dim());
    frame.render_stateful_widget(scrollbar, bar, &mut state);
}

/// The first row a list of `rows` rows on screen shows for its cursor at `cursor`: the
/// cursor on the last row once it is past the first page.
fn window_start(cursor: usize, rows: usize) -> usize {
    cursor.saturating_sub(rows.saturating_sub(1))
}

/// A list pane's scrollbar ([`list_scrollbar`]) when the pane is wide enough to spare
/// the column.
fn pane_scrollbar(area: Rect, head: u16, len: usize) -> Option<Rect> {
    list_scrollbar(area, head, len, PANE_SCROLLBAR_FROM_WIDTH)
}

/// The scrollbar of a list in `area` (a pane, the table), when its `len` rows are more
/// than `area` shows under its `head` rows (a title's rule, a header) and `area` is at
/// least `min_width` wide: its last column, beside the rows.
fn list_scrollbar(area: Rect, head: u16, len: usize, min_width: u16) -> Option<Rect> {
    let height = area.height.saturating_sub(head);
    let scrolls = height > 0 && len > usize::from(height);
    (scrolls && area.width >= min_width).then(|| Rect {
        x: area.right() - 1,
        y: area.y + head,
        width: 1,
        height,
    })
}

/// Below this width a pane keeps every column for its text: no scrollbar.
const PANE_SCROLLBAR_FROM_WIDTH: u16 = 40;

/// Where a click on a list's scrollbar `bar` at row `y` goes: the place as far down the
/// list (`len` rows long) as `y` is down the bar.
fn place_on_scrollbar(len: usize, bar: Rect, y: u16) -> usize {
    let down = usize::from(y.saturating_sub(bar.y));
    let last = usize::from(bar.height.saturating_sub(1)).max(1);
    (down * len.saturating_sub(1) / last).min(len.saturating_sub(1))
}

/// The tab line's parts: the view tabs first, then the name, date and help key.
struct TabLine {
    tabs: Rect,
    titles: Vec<&'static str>,
    end: Rect,
    /// The name and date only when there is room for them.
    end_text: String,
}

/// The tab line in `area`.
fn tab_line(app: &App, area: Rect) -> TabLine {
    let help = keys_text(app, strings::HELP_KEY);
    let end_text = strings::tab_line_end(app.network.as_of, &help, area.width >= 100);
    let [tabs, end] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(end_text.chars().count() as u16),
    ])
    .areas(area);
    TabLine {
        tabs,
        titles: tab_titles(app.view, tabs.width),
        end,
        end_text,
    }
}

/// The columns each tab takes in `area` as [`Tabs`] draws `titles`: a space either side
/// of its title, one column between tabs.
fn tab_spans(titles: &[&str], area: Rect) -> impl Iterator<Item = (u16, u16)> {
    let widths = titles.iter().map(|t| crate::columns::width(t) as u16 + 2);
    widths.scan(area.x, move |from, width| {
        let span = (*from, (*from + width).min(area.right()));
        *from += width + 1;
        Some(span)
    })
}

fn draw_tabs(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let selected = View::ALL.iter().position(|v| *v == app.view).unwrap_or(0);
    let line = tab_line(app, area);
    frame.render_widget(
        Tabs::new(line.titles)
            .select(selected)
            .highlight_style(theme.cursor())
            .divider("│"),
        line.tabs,
    );
    frame.render_widget(
        Paragraph::new(Span::styled(line.end_text, theme.dim())),
        line.end,
    );
}

/// The view tabs' titles: each view's number and name, or where they do not all fit in
/// `width`, the number alone for every view but the one shown, which is always named.
fn tab_titles(shown: View, width: u16) -> Vec<&'static str> {
    let titles = View::ALL.map(View::title);
    // Tabs pads each title with a space either side and divides them with one column.
    let needed: usize = titles.iter().map(|t| t.chars().count() + 3).sum::<usize>() - 1;
    if needed <= width as usize {
        return titles.to_vec();
    }
    (View::ALL.iter().zip(titles))
        .map(|(&view, title)| match view == shown {
            true => title,
            false => title.split(' ').next().unwrap_or(title),
        })
        .collect()
}

fn draw_filter_line(
    app: &App,
    status: &StatusParts<'_>,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let message_above = message_above(app, status);
    let line = match filter_line_shows(app, status) {
        FilterLine::Prompt(p) => {
            prompt_line(app, p, narrowed_counts(app, p.kind), theme, area.width)
        }
        FilterLine::Filter {
            label,
            text,
            counts,
        } => {
            let room = usize::from(area.width).saturating_sub(Line::raw(label).width());
            let (filter_room, count_shows) = room_before_count(text, &counts, room);
            let mut spans = vec![
                Span::styled(label, theme.dim()),
                Span::raw(fit(text, filter_room as u16).into_owned()),
            ];
            if count_shows {
                spans.push(Span::styled(counts, theme.dim()));
            }
            if let Some(message) = message_above {
                let room = area
                    .width
                    .saturating_sub(Line::from(spans.clone()).width() as u16 + 2);
                spans.push(Span::styled(
                    format!("  {}", fit_message(app, message, room)),
                    theme.accent(),
                ));
            }
            Line::from(spans)
        }
        FilterLine::Message(message) => Line::from(Span::styled(
            fit_message(app, message, area.width),
            theme.accent(),
        )),
        FilterLine::Keys => Line::from(Span::styled(key_hints(app, area.width), theme.dim())),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The columns left for `text` before `count` in `room` columns, and whether the count
/// shows: a count shows whole or not at all (cut at the edge, "929 of 2000" would read
/// "929 of 200"), and goes rather than leave the text fewer than a few columns.
fn room_before_count(text: &str, count: &str, room: usize) -> (usize, bool) {
    let (text, count) = (crate::columns::width(text), Line::raw(count).width());
    match text + count <= room || room >= count + TEXT_AT_LEAST {
        true => (room.saturating_sub(count), true),
        false => (room, false),
    }
}

/// The columns of a filter's text kept, when it has more, beside its count or error.
const TEXT_AT_LEAST: usize = 8;

/// What the line above the status bar shows.
enum FilterLine<'a> {
    /// The open prompt.
    Prompt(&'a Prompt),
    /// What the view is narrowed to (the contacts' filter, the invitations' find), after
    /// its label, with how many it shows of how many.
    Filter {
        label: &'static str,
        text: &'a str,
        counts: String,
    },
    /// A message too long for the status bar.
    Message(&'a str),
    /// The view's main keys.
    Keys,
}

fn filter_line_shows<'a>(app: &'a App, status: &StatusParts<'_>) -> FilterLine<'a> {
    let narrowed = match app.view {
        View::Contacts => Some((strings::FILTER_IS, &app.table.filter, PromptKind::Filter)),
        View::Invitations => Some((
            strings::FIND_IS,
            &app.invitation_find,
            PromptKind::FindInvitation,
        )),
        View::Segments | View::Pillars => None,
    };
    match (&app.overlay, message_above(app, status), narrowed) {
        (Overlay::Prompt(p), ..) => FilterLine::Prompt(p),
        (_, _, Some((label, text, kind))) if !text.is_empty() => FilterLine::Filter {
            label,
            text,
            counts: narrowed_counts(app, kind),
        },
        (_, Some(message), _) => FilterLine::Message(message),
        (_, None, _) => FilterLine::Keys,
    }
}

/// How many the text a prompt of `kind` narrows to shows, of how many: the contacts in
/// view, or the invitations found.
fn narrowed_counts(app: &App, kind: PromptKind) -> String {
    let (shown, of) = match kind {
        PromptKind::FindInvitation => app.invitations_shown(),
        _ => (app.table.ids.len(), app.network.contacts.len()),
    };
    strings::shown_of(shown, of)
}

/// An open prompt: its label, the text typed (its end, when longer than the line) with the
/// cursor, then the filter's count or error, or the first of the prompt's hints that fits.
fn prompt_line(app: &App, p: &Prompt, counts: String, theme: &Theme, width: u16) -> Line<'static> {
    let label = format!("{}: ", p.kind.label());
    let room = usize::from(width).saturating_sub(Line::raw(&label).width() + 1);
    // A filter's (or a find's) count or error has its room kept, the text typed cut at
    // its start to leave it: a count shows whole or not at all; an error always, cut at the
    // edge only when even a few columns of the text leave it too little.
    let narrows = matches!(p.kind, PromptKind::Filter | PromptKind::FindInvitation);
    let error = (app.table.filter_error.as_ref()).filter(|_| p.kind == PromptKind::Filter);
    let after = narrows.then(|| match error {
        Some(e) => Span::styled(format!("  {e}"), theme.error()),
        None => Span::styled(counts, theme.dim()),
    });
    let (input_room, after) = match after {
        Some(after) => match room_before_count(&p.input, &after.content, room) {
            (input_room, true) => (input_room, Some(after)),
            _ if error.is_none() => (room, None),
            _ => {
                let input_room = crate::columns::width(&p.input).min(TEXT_AT_LEAST);
                let cut =
                    crate::columns::fit(&after.content, room.saturating_sub(input_room) as u16);
                (
                    input_room,
                    Some(Span::styled(cut.into_owned(), after.style)),
                )
            }
        },
        None => (room, None),
    };
    let input = crate::columns::fit_end(&p.input, input_room as u16);
    let mut spans = vec![
        Span::styled(label, theme.accent()),
        Span::raw(input.into_owned()),
        Span::styled("█", theme.accent()),
    ];
    if narrows {
        spans.extend(after);
        return Line::from(spans);
    }
    // A hint shows whole or not at all (cut at the edge it read "Esc cance").
    let room = usize::from(width).saturating_sub(Line::from(spans.clone()).width());
    if let Some(hint) = (prompt_hints(p).into_iter()).find(|h| Line::raw(h).width() <= room) {
        spans.push(Span::styled(hint, theme.dim()));
    }
    Line::from(spans)
}

/// The hints a prompt (not the filter's) may show, longest first: the tags that complete
/// what is typed (until Tab lists them on the status), or the keys of a path's or any
/// prompt.
fn prompt_hints(p: &Prompt) -> Vec<String> {
    match p.kind {
        PromptKind::TagAdd | PromptKind::TagRemove if p.choices.is_none() => {
            let tags: Vec<String> = (netcurate::query::words_starting(&p.input, &p.words))
                .into_iter()
                .take(5)
                .map(String::from)
                .collect();
            match tags.is_empty() {
                true => vec![],
                false => vec![strings::tag_completions(&tags)],
            }
        }
        PromptKind::Import | PromptKind::Export => {
            vec![
                strings::PATH_PROMPT_KEYS.into(),
                strings::PROMPT_KEYS.into(),
            ]
        }
        _ => vec![strings::PROMPT_KEYS.to_string()],
    }
}

/// What the status line shows: the counts, the last action's message (unless it is too
/// long, when the line above shows it instead) and the plan's projected BR change.
struct StatusParts<'a> {
    counts: String,
    message: Option<&'a str>,
    projection: String,
}

/// The status line's parts at `width` columns. The projection stays, on the right; as the
/// line gets shorter the counts take their brief form, the last action drops its undo
/// hint, the projection its words; a message that still does not fit moves up a line.
/// Narrower still, the counts leave out an empty selection, then the projection goes.
fn status_parts(app: &App, width: u16) -> StatusParts<'_> {
    let (total, in_view, selected) = (
        app.network.contacts.len(),
        app.table.ids.len(),
        app.selected_count,
    );
    // The invitations view counts its own rows and selection.
    let (full_counts, brief_counts, least_counts) = match app.view {
        View::Invitations => {
            let (pending, incoming) = app.invitation_counts();
            let selected = app.withdraw_selected.len();
            (
                strings::invitation_counts(pending, incoming, selected),
                strings::invitation_counts_brief(pending, selected),
                strings::invitation_counts_least(pending, selected),
            )
        }
        _ => (
            strings::counts(total, in_view, selected),
            strings::counts_brief(total, in_view, selected),
            strings::counts_least(total, in_view, selected),
        ),
    };
    let (numbers, words) = app.projection.as_ref().map_or_else(Default::default, |p| {
        let br = &p.build_relationships;
        let numbers = strings::br_delta(br.delta_low, br.delta_high);
        let words = format!("{numbers}{} ", br.direction.words());
        (numbers, words)
    });
    let message = (!app.status.is_empty()).then_some(app.status.as_str());
    let brief_message = message.map(|m| without_undo_hint(app, m));
    let nothing = String::new();
    let choices = [
        (&full_counts, message, &words),
        (&full_counts, message, &numbers),
        (&brief_counts, message, &numbers),
        (&brief_counts, brief_message, &numbers),
        (&full_counts, None, &words),
        (&full_counts, None, &numbers),
        (&brief_counts, None, &numbers),
        (&least_counts, None, &numbers),
        // The counts before the projection: cut, a count would show another number.
        (&least_counts, None, &nothing),
    ];
    // While a prompt holds the line above, its message (why the prompt is still open)
    // goes before the projection, and then before the counts.
    let prompt_choices = [
        choices[0],
        choices[1],
        choices[2],
        choices[3],
        (&full_counts, brief_message, &nothing),
        (&brief_counts, brief_message, &nothing),
        (&nothing, brief_message, &nothing),
    ];
    let text_width = |text: &str| Line::raw(text).width();
    let fits = |(counts, message, projection): &(&String, Option<&str>, &String)| {
        let message = message.map_or(0, |m| 1 + text_width(m));
        text_width(counts) + message + text_width(projection) <= usize::from(width)
    };
    // While a prompt holds the line above, the message stays here, cut if it must be.
    let prompt_above = matches!(app.overlay, Overlay::Prompt(_)) && message.is_some();
    let (counts, message, projection) = if prompt_above {
        let found = prompt_choices.iter().find(|c| fits(c));
        *found.unwrap_or(&prompt_choices[6])
    } else {
        *choices.iter().find(|c| fits(c)).unwrap_or(&choices[8])
    };
    StatusParts {
        counts: counts.clone(),
        message,
        projection: projection.clone(),
    }
}

/// The last action's message when the status line (its `status` parts) has no room for it.
fn message_above<'a>(app: &'a App, status: &StatusParts<'_>) -> Option<&'a str> {
    (!app.status.is_empty() && status.message.is_none()).then_some(app.status.as_str())
}

/// The current view's main keys, as the user has bound them, in `width` columns:
/// "/ filter · s sort · … · ? help". Where they do not all fit, the last but one go first,
/// so that the help key (the last) stays.
fn key_hints(app: &App, width: u16) -> String {
    hints_text(&fitted_hints(app, width))
}

/// [`key_hints`]' hints, each with its keys.
fn fitted_hints(app: &App, width: u16) -> Vec<ShownHint> {
    let mut hints = shown_hints(app, strings::key_hints(app.view));
    if app.view == View::Pillars && app.pillars_scroll.hidden > 0 {
        hints.splice(0..0, shown_hints(app, strings::PILLARS_SCROLL));
    }
    let fits = |hints: &[ShownHint]| Line::raw(hints_text(hints)).width() <= usize::from(width);
    while hints.len() > 1 && !fits(&hints) {
        hints.remove(hints.len() - 2);
    }
    hints
}

/// The command of the key (or of the first key, on its label) that the line of key hints
/// shows at column `x` of a line `width` wide: a hint is a button too.
fn hint_at(app: &App, width: u16, x: u16) -> Option<Command> {
    hint_in(&fitted_hints(app, width), x)
}

/// The command of the key (or of the first key, on its label) at column `x` of a line of
/// `hints` as [`hints_text`] writes it.
pub fn hint_in(hints: &[ShownHint], x: u16) -> Option<Command> {
    let mut from = 0;
    for (piece, command) in line_pieces(hints) {
        from += crate::columns::width(piece);
        if usize::from(x) < from {
            return command;
        }
    }
    None
}

/// A line of `hints`, piece by piece, each with the command a click on it runs: a key
/// (and the "/" after it) its own, a label its hint's first key's, " · " none.
fn line_pieces(hints: &[ShownHint]) -> impl Iterator<Item = (&str, Option<Command>)> {
    hints.iter().enumerate().flat_map(|(n, hint)| {
        let apart = (n > 0).then_some((HINTS_APART, None));
        let keys = hint
            .keys
            .iter()
            .enumerate()
            .flat_map(|(i, (command, key))| {
                let slash = (i > 0).then_some(("/", Some(*command)));
                slash.into_iter().chain([(key.as_str(), Some(*command))])
            });
        let first = hint.keys.first().map(|(c, _)| *c);
        apart
            .into_iter()
            .chain(keys)
            .chain([(" ", first), (hint.label, first)])
    })
}

/// A key hint as the user's keys make it: each command with its key, and the label.
pub struct ShownHint {
    keys: Vec<(Command, String)>,
    label: &'static str,
}

impl ShownHint {
    /// "a/x/p decide".
    fn text(&self) -> String {
        hints_text(std::slice::from_ref(self))
    }
}

/// Each of `hints` with the user's keys; a hint none of whose commands has a key is left
/// out.
fn shown_hints(app: &App, hints: &[KeyHint]) -> Vec<ShownHint> {
    (hints.iter())
        .filter_map(|(commands, label)| {
            let keys: Vec<(Command, String)> = (commands.iter())
                .filter_map(|&c| Some((c, app.keymap.first_key(c)?.to_string())))
                .collect();
            (!keys.is_empty()).then_some(ShownHint { keys, label })
        })
        .collect()
}

/// [`keys_text`] in lines of at most `width` columns, broken between two keys, as few
/// lines as at `width` and as even as they go (not a full line over one key alone).
pub fn keys_lines(app: &App, hints: &[KeyHint], width: u16) -> Vec<Vec<ShownHint>> {
    let mut hints = shown_hints(app, hints).into_iter();
    let widths: Vec<usize> = (hints.as_slice().iter())
        .map(|h| Line::raw(h.text()).width())
        .collect();
    let fewest = fill_lines(&widths, usize::from(width)).len();
    let total = Line::raw(hints_text(hints.as_slice())).width();
    let lines = (total.div_ceil(fewest.max(1))..usize::from(width))
        .map(|narrower| fill_lines(&widths, narrower))
        .find(|lines| lines.len() == fewest)
        .unwrap_or_else(|| fill_lines(&widths, usize::from(width)));
    (lines.into_iter())
        .map(|count| hints.by_ref().take(count).collect())
        .collect()
}

/// How many hints of `widths` go on each line of at most `width` columns, with
/// [`HINTS_APART`] between two, each line as full as it goes (a hint wider than `width`
/// on a line of its own).
fn fill_lines(widths: &[usize], width: usize) -> Vec<usize> {
    let apart = crate::columns::width(HINTS_APART);
    let mut lines: Vec<(usize, usize)> = Vec::new();
    for &w in widths {
        match lines.last_mut() {
            Some((count, used)) if *used + apart + w <= width => {
                *count += 1;
                *used += apart + w;
            }
            _ => lines.push((1, w)),
        }
    }
    lines.into_iter().map(|(count, _)| count).collect()
}

/// Between two key hints.
const HINTS_APART: &str = " · ";

/// A line of key hints: "a keep · x prune · …".
pub fn hints_text(hints: &[ShownHint]) -> String {
    line_pieces(hints).map(|(piece, _)| piece).collect()
}

/// `hints` with the user's keys: "a keep · x prune · …" (a command without a key is left
/// out).
pub fn keys_text(app: &App, hints: KeyHints) -> String {
    hints_text(&shown_hints(app, hints))
}

/// `message` without the undo hint a change's message ends with.
fn without_undo_hint<'m>(app: &App, message: &'m str) -> &'m str {
    let hint = app.keymap.undo_hint();
    message.strip_suffix(hint.as_str()).unwrap_or(message)
}

/// A message in `width` columns: whole, else without its undo hint, else cut with "…".
fn fit_message<'m>(app: &App, message: &'m str, width: u16) -> std::borrow::Cow<'m, str> {
    if Line::raw(message).width() <= usize::from(width) {
        return message.into();
    }
    fit(without_undo_hint(app, message), width)
}

fn draw_status(app: &App, parts: StatusParts<'_>, theme: &Theme, frame: &mut Frame, area: Rect) {
    if let Some(total) = app.loading {
        let text = strings::loading(total);
        frame.render_widget(Paragraph::new(Span::styled(text, theme.cursor())), area);
        return;
    }
    let right_width = (Line::raw(parts.projection.as_str()).width() as u16).min(area.width / 2);
    let [left, right] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(right_width)]).areas(area);
    let room = left
        .width
        .saturating_sub(Line::raw(parts.counts.as_str()).width() as u16 + 1);
    // Cut with "…" when even the least counts do not fit: never a number cut unmarked.
    let counts = fit(&parts.counts, left.width).into_owned();
    let mut spans = vec![Span::styled(counts, theme.cursor())];
    if let Some(message) = parts.message {
        spans.push(Span::styled(
            format!(" {}", fit(message, room)),
            theme.accent(),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), left);
    frame.render_widget(
        Paragraph::new(Span::styled(parts.projection, theme.dim())),
        right,
    );
}

/// Text bars for counts: `label ████ 12`, the cursor row marked when focused.
pub fn bar_lines<'a>(
    items: &[(String, usize)],
    width: u16,
    cursor: Option<usize>,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let max = items.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    // Labels give way (cut with "…") to keep a bar of MIN_BAR columns in a narrow pane.
    const MIN_BAR: usize = 6;
    // Around the label and the bar: the cursor's marker, two spaces and the widest count.
    let around = 3 + max.to_string().len();
    let label_w = items
        .iter()
        .map(|(l, _)| Line::raw(l.as_str()).width())
        .max()
        .unwrap_or(0)
        .min(18)
        .min((width as usize).saturating_sub(around + MIN_BAR).max(4));
    let bar_w = (width as usize).saturating_sub(label_w + around).max(1);
    items
        .iter()
        .enumerate()
        .map(|(i, (label, n))| {
            let len = (n * bar_w).div_ceil(max).min(bar_w);
            let marker = if cursor == Some(i) { "▶" } else { " " };
            let text = format!(
                "{marker}{} {}{} {n}",
                pad(label, label_w as u16),
                "█".repeat(len),
                " ".repeat(bar_w - len)
            );
            if cursor == Some(i) {
                Line::styled(text, theme.cursor())
            } else {
                Line::raw(text)
            }
        })
        .collect()
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::{Wrapped, bar_lines};
    use crate::tui::theme::Theme;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

    /// A wrapped paragraph is drawn as ratatui draws it, and where ratatui's wrapping runs
    /// a line past the area (a wide character in a word too long for a line, at the edge
    /// of the screen), the line is cut at the area's edge instead of panicking.
    #[test]
    #[allow(clippy::disallowed_methods)] // ratatui's own wrapping, to compare with
    fn wrapped_paragraphs_stay_in_their_area() {
        let paragraph = |text| {
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title("t"))
        };
        let ours_of =
            |text| Wrapped::new(Paragraph::new(text), true).block(Block::bordered().title("t"));
        let whole = Rect::new(0, 0, 30, 8);
        let area = Rect::new(2, 1, 20, 6);
        let mut ours = Buffer::empty(whole);
        let mut theirs = Buffer::empty(whole);
        ours.set_string(0, 0, "x".repeat(30), ratatui::style::Style::default());
        theirs.clone_from(&ours);
        let text = "Ada Sample, Head of Platform at 腾讯 · Zoë e\u{301} 🚀";
        ours_of(text).render(area, &mut ours);
        paragraph(text).render(area, &mut theirs);
        assert_eq!(ours, theirs, "as ratatui draws it, around the area too");
        for (text, width) in [
            ("a🌞b", 2),
            ("'aeeｶ\u{ff9e}'", 3),
            ("a高级工程师高级工程师", 2),
        ] {
            let edge = Rect::new(0, 0, width, 5);
            let mut buf = Buffer::empty(edge);
            let bare = Paragraph::new(text).wrap(Wrap { trim: true });
            let direct = std::panic::catch_unwind(|| {
                let mut buf = Buffer::empty(edge);
                bare.clone().render(edge, &mut buf);
            });
            let fixed = "ratatui now keeps it in its columns: Wrapped's copy can go";
            assert!(direct.is_err(), "{text:?} at {width} columns: {fixed}");
            Wrapped::new(Paragraph::new(text), true).render(edge, &mut buf);
            assert!(buf.content.iter().any(|c| c.symbol() != " "), "{buf:?}");
        }
    }

    /// In a narrow pane the labels are cut (marked "…"), not the bars: the largest count
    /// still gets a bar of several columns, and every line fits the pane. The counts take
    /// the columns their widest needs, the labels the rest ("engineering" whole at 80
    /// columns).
    #[test]
    fn narrow_bars_cut_their_labels_not_their_bars() {
        let items = vec![
            ("engineering".to_string(), 512),
            ("customer-success".to_string(), 61),
            ("hr".to_string(), 91),
        ];
        let lines = bar_lines(&items, 23, None, &Theme::plain());
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert!(text.iter().all(|l| l.chars().count() <= 23), "{text:?}");
        assert!(text[0].starts_with(" engineering ██████ 512"), "{text:?}");
        assert!(text[1].starts_with(" customer-s… █ "), "{text:?}");
        assert!(text[2].starts_with(" hr          ██ "), "{text:?}");
        let wide = bar_lines(&items, 60, None, &Theme::plain());
        assert!(
            wide[1].to_string().starts_with(" customer-success █"),
            "{wide:?}"
        );
    }
}
