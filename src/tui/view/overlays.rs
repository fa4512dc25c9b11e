//! Overlays: help (generated from the keymap), the explain pane (a contact, or an
//! invitation in full), confirmations, and the triage card.

use super::super::app::{App, Confirm, HelpLine, Shows, View};
use super::super::keymap::Command;
use super::super::strings;
use super::super::theme::{self, Theme};
use super::{ShownHint, Wrapped, centered, fitting, hint_in, hints_text, keys_lines, keys_text};
use netcurate::audience;
use netcurate::model::{Contact, Flags, joined_or_none};
use netcurate::store::Found;
use netcurate::text::seen;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Gauge, Paragraph};

/// The keys, scrolled to `app.help.top` when they do not fit the screen.
pub fn help(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lines: Vec<Line> = app
        .help_lines()
        .into_iter()
        .map(|line| match line {
            HelpLine::Keys(keys, text) => Line::from(vec![
                Span::styled(
                    format!("{keys:>w$}  ", w = HelpLine::KEYS_COLUMNS),
                    theme.accent(),
                ),
                Span::raw(text),
            ]),
            HelpLine::Note(text) => Line::styled(text, theme.dim()),
        })
        .collect();
    let popup = centered(area, super::HELP_WIDTH, lines.len() as u16 + 2);
    let shown = usize::from(popup.height.saturating_sub(2));
    let search = &app.help_search;
    let scrolled = lines.len() > shown;
    let range = scrolled.then(|| {
        let last = (app.help.top + shown).min(lines.len());
        (app.help.top + 1, last, lines.len())
    });
    let keys: Vec<String> = match (search.typing, search.is_on()) {
        (true, _) => vec![strings::HELP_SEARCH_KEYS.to_string()],
        (false, on) => [
            scrolled.then_some(strings::HELP_SCROLLS),
            Some(strings::HELP_SEARCHES),
            Some(if on {
                strings::HELP_SEARCH_CLEARS
            } else {
                strings::HELP_CLOSES
            }),
        ]
        .into_iter()
        .flatten()
        .map(|hints| keys_text(app, hints))
        .collect(),
    };
    let searched = search
        .is_on()
        .then_some((search.text.as_str(), search.typing));
    let title = strings::help_title(range, searched, &keys);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((app.help.top as u16, 0))
            .block(Block::bordered().title(title)),
        popup,
    );
}

/// One invitation in full: who, when, where it stands, its message; then the contact on
/// the other side, explained, when they are in the network.
fn invitation_lines<'a>(app: &App, i: usize, theme: &Theme) -> Vec<Line<'a>> {
    let inv = &app.network.invitations[i];
    let between = strings::invitation_between(inv.direction.as_str(), &inv.from_name, &inv.to_name);
    let (today, stale_days) = (app.network.as_of, app.pillars.assumptions.stale_days);
    let mut lines = vec![
        Line::styled(seen(&between).into_owned(), theme.title()),
        Line::raw(strings::invitation_state(
            inv.sent_at.date(),
            inv.age_days(today),
            inv.status.as_str(),
            inv.is_stale(today, stale_days).then_some(stale_days),
            inv.withdraw_planned,
        )),
    ];
    // A message keeps its lines, each as it reads (Line::raw would glue them together).
    let message = strings::invitation_message(&inv.message);
    lines.extend(message.lines().map(|l| Line::raw(seen(l).into_owned())));
    if let Some(url) = inv.other_url() {
        lines.push(Line::styled(
            netcurate::import::url::key_to_url(url),
            theme.dim(),
        ));
    }
    lines.push(Line::raw(""));
    match inv.contact_id.and_then(|id| app.network.contact(id)) {
        Some(c) => {
            lines.push(Line::styled(strings::INVITATION_CONTACT, theme.header()));
            lines.extend(contact_lines(app, c, theme));
        }
        None => lines.push(Line::styled(strings::INVITATION_NOT_CONTACT, theme.dim())),
    }
    lines
}

/// The explanation of one contact, as lines (also used by the triage card), its texts as
/// they read ([`seen`]: a title's line break a space, not two words glued together).
pub fn contact_lines<'a>(app: &App, c: &Contact, theme: &Theme) -> Vec<Line<'a>> {
    let guess = audience::seniority::classify(&c.position);
    let mut lines = vec![Line::styled(
        if c.is_hidden() {
            strings::HIDDEN_NAME.to_string()
        } else {
            seen(&c.full_name()).into_owned()
        },
        theme.title(),
    )];
    let job = strings::position_at(&seen(&c.position), &seen(&c.company));
    if !job.is_empty() {
        lines.push(Line::raw(job));
    }
    if !c.url.is_empty() {
        lines.push(Line::styled(
            netcurate::import::url::readable(&c.url),
            theme.dim(),
        ));
    }
    if let Some(details) = strings::contact_details(c) {
        lines.push(Line::styled(details, theme.dim()));
    }
    lines.push(Line::raw(strings::seniority_line(
        guess.tier.as_str(),
        guess.rule,
        c.function.as_str(),
    )));
    lines.extend(score_lines(app, c, theme));
    let flags = c.flags.names();
    if !flags.is_empty() {
        lines.push(Line::styled(strings::flags_line(&flags), theme.warn()));
    }
    // What to decide comes before the facts below it, which a short screen cuts first.
    if let Some((d, why)) = audience::suggest(c, app.pillars.threshold) {
        lines.push(Line::styled(
            strings::suggested(d.as_str(), why),
            theme.good(),
        ));
    }
    lines.push(Line::raw(strings::decision_and_tags(
        c.decision.as_str(),
        &joined_or_none(&c.tags),
    )));
    lines.extend(duplicate_lines(app, c, theme));
    if let Some(on) = c.job_changed_on {
        lines.push(Line::raw(strings::job_change(on, c)));
    }
    if let Some(on) = c.gone_on {
        lines.push(Line::raw(strings::gone_since(on)));
    }
    if let Some(on) = c.added_on {
        lines.push(Line::raw(strings::added_on(on)));
    }
    for inv in app.network.invitations_of(c.id) {
        lines.push(Line::raw(strings::invitation_line(
            inv.direction.as_str(),
            inv.sent_at.date(),
            inv.status.as_str(),
        )));
    }
    if let (Some(at), Some(theirs)) = (c.last_message_at, c.wrote_last()) {
        lines.push(Line::raw(strings::messages_line(
            c.message_count,
            at.date(),
            theirs,
        )));
    }
    lines
}

/// The score with its bar and factor by factor, or how to get one.
fn score_lines<'a>(app: &App, c: &Contact, theme: &Theme) -> Vec<Line<'a>> {
    let Some(b) = audience::explain(c, app.profile.as_ref()) else {
        let how = strings::no_profile(app.keymap.key(Command::EditProfile));
        return vec![Line::styled(how, theme.dim())];
    };
    let mut lines = vec![Line::from(vec![
        Span::raw(strings::SCORE),
        Span::styled(theme::score_bar(Some(b.score)), theme.score(Some(b.score))),
    ])];
    for f in &b.factors {
        let line = strings::factor_line(f.name, f.value, f.weight, &f.reason);
        lines.push(Line::raw(line));
    }
    if let Some(x) = &b.exclusion {
        lines.push(Line::styled(strings::excluded(x), theme.warn()));
    }
    lines
}

/// A probable duplicate's other records, the first few by name.
fn duplicate_lines<'a>(app: &App, c: &Contact, theme: &Theme) -> Vec<Line<'a>> {
    let Some(i) = (app.network.position_of(c.id)).filter(|_| c.flags.has(Flags::DUPLICATE)) else {
        return vec![];
    };
    let others = app.duplicates_of(i);
    let mut lines: Vec<Line> = (others.iter().take(strings::DUPLICATES_SHOWN))
        .map(|&k| {
            let d = &app.network.contacts[k];
            let name = seen(&d.full_name()).into_owned();
            let (position, company) = (seen(&d.position), seen(&d.company));
            let line = strings::duplicate_of(&name, &position, &company, d.connected_on);
            Line::styled(line, theme.warn())
        })
        .collect();
    if let Some(n) = (others.len().checked_sub(strings::DUPLICATES_SHOWN)).filter(|&n| n > 0) {
        lines.push(Line::styled(strings::more_duplicates(n), theme.warn()));
    }
    lines
}

pub fn explain(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some((card, popup)) = explain_card(app, theme, area) else {
        return;
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(card, popup);
}

/// Where the explanation's box goes on a screen of `area`, when there is one to show.
pub fn explain_box(app: &App, area: Rect) -> Option<Rect> {
    explain_card(app, &Theme::plain(), area).map(|(_, popup)| popup)
}

/// The explanation of the contact (or, in the invitations view, the invitation) at the
/// cursor, and where its box goes in `area`.
fn explain_card<'a>(app: &App, theme: &Theme, area: Rect) -> Option<(Wrapped<'a>, Rect)> {
    let (lines, title) = match app.view {
        View::Invitations => {
            let i = app.current_invitation()?;
            (invitation_lines(app, i, theme), strings::INVITATION_TITLE)
        }
        _ => {
            let c = &app.network.contacts[app.current()?];
            (contact_lines(app, c, theme), strings::EXPLAIN_TITLE)
        }
    };
    const EXPLAIN_WIDTH: u16 = 96;
    let width = EXPLAIN_WIDTH.min(area.width);
    let lines = hang(lines, width.saturating_sub(2));
    let titles = strings::box_titles(
        title,
        &keys_text(app, strings::PROFILE_KEYS_CLOSES),
        &keys_text(app, strings::CLOSES),
    );
    let card = Wrapped::new(Paragraph::new(lines), false)
        .block(Block::bordered().title(fitting(titles, width.saturating_sub(2))));
    let popup = fit_box(&card, area, EXPLAIN_WIDTH, 0);
    Some((card, popup))
}

/// `lines` broken at spaces to `width` columns, as [`crate::columns::wrap`] breaks plain
/// text: a line's later lines go two columns past its own indent, each word in its style
/// (a box's own wrapping starts them at its left edge, under the indent).
fn hang(lines: Vec<Line<'_>>, width: u16) -> Vec<Line<'_>> {
    let width = usize::from(width);
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if line.width() <= width {
            out.push(line);
            continue;
        }
        // The words between single spaces, each of its spans' pieces; the line's indent
        // is as many empty words.
        let mut words: Vec<Vec<Span<'static>>> = vec![vec![]];
        for span in &line.spans {
            for (i, piece) in span.content.split(' ').enumerate() {
                if i > 0 {
                    words.push(vec![]);
                }
                if !piece.is_empty() {
                    let last = words.last_mut().expect("a word");
                    last.push(Span::styled(piece.to_string(), span.style));
                }
            }
        }
        let indent = words.iter().take_while(|w| w.is_empty()).count();
        let words = words.into_iter().skip(indent);
        let width_of = |w: &Vec<Span>| w.iter().map(Span::width).sum();
        for (indent, words) in crate::columns::lay_out(indent, words, width, width_of) {
            let mut spans = vec![Span::raw(" ".repeat(indent))];
            for (i, word) in words.into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::raw(" "));
                }
                spans.extend(word);
            }
            out.push(Line::from(spans).style(line.style));
        }
    }
    out
}

/// A centred box at most `max_width` wide for the wrapped `paragraph` (its border
/// included) with `below` more rows under it, as tall as the text wraps to (the text's
/// line count fell short once a line wrapped, and the last lines were cut).
fn fit_box(paragraph: &Wrapped<'_>, area: Rect, max_width: u16, below: u16) -> Rect {
    let width = max_width.min(area.width);
    let height = paragraph.line_count(width.saturating_sub(2)) as u16 + below;
    centered(area, width, height)
}

pub fn progress(label: &str, ratio: f64, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup = centered(area, 60, 3);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Gauge::default()
            .block(Block::bordered().title(strings::IMPORTING))
            .gauge_style(theme.accent())
            .ratio(ratio.clamp(0.0, 1.0))
            .label(label.to_string()),
        popup,
    );
}

pub fn confirm(app: &App, c: &Confirm, theme: &Theme, frame: &mut Frame, area: Rect) {
    let text = match c {
        Confirm::Prune(ids) => strings::confirm_prune(
            ids.len(),
            netcurate::ops::colleagues_to_prune(&app.network, ids),
        ),
        Confirm::Overwrite(request) => strings::confirm_overwrite(&request.path),
        Confirm::UndoImport(import) => strings::confirm_undo_import(&import.describe()),
        Confirm::ImportAnyway { why, .. } => strings::confirm_import_anyway(why),
    };
    let width = Line::raw(text.as_str()).width() as u16 + 4;
    // Wrapped, so that a long path never pushes "(y / n)" off a narrow screen.
    let question = Wrapped::new(Paragraph::new(Span::styled(text, theme.warn())), true)
        .block(Block::bordered().title(strings::CONFIRM));
    let popup = fit_box(&question, area, width, 0);
    frame.render_widget(Clear, popup);
    frame.render_widget(question, popup);
}

/// What failed, wrapped in a box as wide as it needs (up to [`FAILURE_WIDTH`]), with how
/// to close it on the border.
pub fn failure(message: &str, theme: &Theme, frame: &mut Frame, area: Rect) {
    // Line by line, each as it reads (an error may quote a file's text).
    let lines = message.lines().map(|l| seen(l).into_owned());
    let text = Text::from_iter(lines).style(theme.error());
    let closes = Line::styled(strings::ANY_KEY_CLOSES, theme.dim());
    notice(
        strings::FAILED,
        text,
        closes,
        FAILURE_WIDTH,
        Shows::End,
        frame,
        area,
    );
}

/// An import's report, a line each (wrapped, indentation kept), in a box; `lists`: what
/// Enter lists.
pub fn report(
    title: &str,
    lines: &[String],
    lists: Option<Found>,
    shows: Shows,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    // Broken here, not by the box: a long line's later lines go under its own indent.
    // Each as it reads: its text comes from files and names (a control character there
    // would reach the terminal, and drew past the box).
    let room = usize::from(REPORT_WIDTH.min(area.width).saturating_sub(4));
    let text = Text::from_iter(
        (lines.iter())
            .flat_map(|l| crate::columns::wrap(&seen(l), room))
            .map(Line::raw),
    );
    let closes = match lists {
        Some(Found::NewConnections) => strings::ENTER_LISTS_NEW_OR_CLOSE,
        Some(Found::JobChanges) => strings::ENTER_LISTS_JOB_CHANGES_OR_CLOSE,
        Some(Found::Gone) => strings::ENTER_LISTS_GONE_OR_CLOSE,
        None => strings::ANY_KEY_CLOSES,
    };
    let closes = Line::styled(closes, theme.dim());
    notice(title, text, closes, REPORT_WIDTH, shows, frame, area);
}

/// `text` in a box titled `title`, as wide as it needs up to `max_width`, with how to
/// close it (`closes`) on the bottom border. Taller than the screen, it shows its end (an
/// import's totals, an error's reason) or, for a list newest first, its start.
fn notice(
    title: &str,
    text: Text<'_>,
    closes: Line<'_>,
    max_width: u16,
    shows: Shows,
    frame: &mut Frame,
    area: Rect,
) {
    let width = (text.width() as u16 + 4).clamp(closes.width() as u16 + 4, max_width);
    let text = Wrapped::new(Paragraph::new(text), false).block(
        Block::bordered()
            .title(title)
            .title_bottom(closes.right_aligned()),
    );
    let popup = fit_box(&text, area, width, 0);
    // The lines counted with the box's borders, as the box's height is.
    let hidden = match shows {
        Shows::Start => 0,
        Shows::End => {
            (text.line_count(popup.width.saturating_sub(2)) as u16).saturating_sub(popup.height)
        }
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(text.scroll((hidden, 0)), popup);
}

/// The widest a failure's box gets, so that a long error reads as a paragraph.
const FAILURE_WIDTH: u16 = 76;
/// The widest an import report's box gets: most of its lines on one line each.
const REPORT_WIDTH: u16 = 100;

pub fn triage(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(block) = triage_title(app, theme) else {
        return;
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (card, layout) = triage_card(app, theme, inner);
    frame.render_widget(card, layout.card);
    let legend_lines: Vec<Line> = (layout.legend_lines.iter())
        .map(|hints| Line::styled(hints_text(hints), theme.accent()))
        .collect();
    frame.render_widget(Paragraph::new(legend_lines).centered(), layout.legend);
}

/// Triage's rule above its card, titled with where it is in its queue (none outside
/// triage).
fn triage_title<'a>(app: &App, theme: &Theme) -> Option<Block<'a>> {
    let t = app.triage.as_ref()?;
    Some(Block::new().borders(Borders::TOP).title(Line::from(vec![
        Span::styled(strings::TRIAGE, theme.title()),
        Span::styled(
            strings::triage_position(t.index + 1, t.queue.len()),
            theme.accent(),
        ),
    ])))
}

/// The widest a triage card goes.
const CARD_WIDTH: u16 = 100;

/// Where a triage card and the legend of its keys go under the view's title.
struct TriageLayout {
    card: Rect,
    legend: Rect,
    /// The legend's lines, centred under the card.
    legend_lines: Vec<Vec<ShownHint>>,
}

/// The card of the contact triage shows, and where it and its legend go in `inner` (the
/// view under its title): the legend sits below the card, on as many lines as it needs.
fn triage_card<'a>(app: &App, theme: &Theme, inner: Rect) -> (Wrapped<'a>, TriageLayout) {
    let first = app.triage.as_ref().is_none_or(|t| t.index == 0);
    let lines = match app.current() {
        Some(i) => contact_lines(app, &app.network.contacts[i], theme),
        None => vec![Line::raw(strings::QUEUE_EMPTY)],
    };
    let lines = hang(lines, CARD_WIDTH.min(inner.width).saturating_sub(2));
    let card = Wrapped::new(Paragraph::new(lines), false).block(Block::bordered());
    let suggested = (app.current()).is_some_and(|i| {
        audience::suggest(&app.network.contacts[i], app.pillars.threshold).is_some()
    });
    let hints = strings::triage_keys(suggested, first);
    let legend_lines = keys_lines(app, &hints, CARD_WIDTH.min(inner.width));
    let below = legend_lines.len() as u16;
    let outer = fit_box(&card, inner, CARD_WIDTH, below);
    let card_area = Rect {
        height: outer.height.saturating_sub(below),
        ..outer
    };
    let legend = Rect {
        y: card_area.y + card_area.height,
        height: outer.height.min(below),
        ..outer
    };
    let layout = TriageLayout {
        card: card_area,
        legend,
        legend_lines,
    };
    (card, layout)
}

/// The command of the key in the triage legend that `area` (the view, title included)
/// shows at `at`: the legend's keys are buttons.
pub fn triage_key_at(app: &App, area: Rect, at: Position) -> Option<Command> {
    let theme = Theme::plain();
    let (_, layout) = triage_card(app, &theme, triage_title(app, &theme)?.inner(area));
    let legend = layout.legend;
    let row = usize::from(at.y.checked_sub(legend.y)?);
    let hints = layout
        .legend_lines
        .get(row)
        .filter(|_| legend.contains(at))?;
    // Centred as a paragraph centres it.
    let width = Line::raw(hints_text(hints)).width() as u16;
    let from = legend.x + legend.width.saturating_sub(width) / 2;
    hint_in(hints, at.x.checked_sub(from)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    /// A long line breaks at spaces under its own indent, two columns in, each word
    /// keeping its style; a line that fits and a word longer than the width stay whole.
    #[test]
    fn long_lines_hang_under_their_indent_in_their_styles() {
        let bold = Style::new().bold();
        let line = Line::from(vec![
            Span::raw("  seniority "),
            Span::styled("vp", bold),
            Span::raw(" (vice president) — titles are self-typed"),
        ]);
        let fits = Line::raw("short");
        let hung = hang(vec![line, fits.clone()], 24);
        let text: Vec<String> = hung.iter().map(|l| l.to_string()).collect();
        assert_eq!(
            text,
            [
                "  seniority vp (vice",
                "    president) — titles",
                "    are self-typed",
                "short"
            ]
        );
        assert!(
            hung[0]
                .spans
                .iter()
                .any(|s| s.content == "vp" && s.style == bold)
        );
        assert_eq!(hung[3], fits);
        let long = hang(
            vec![Line::raw("see https://www.linkedin.com/in/a-long-slug")],
            20,
        );
        let text: Vec<String> = long.iter().map(|l| l.to_string()).collect();
        assert_eq!(text, ["see", "  https://www.linkedin.com/in/a-long-slug"]);
    }
}
