//! Overlays: help (generated from the keymap), the explain pane, confirmations, and the
//! triage card.

use super::super::app::{App, Confirm, HelpLine};
use super::super::keymap::Command;
use super::super::theme::{self, Theme};
use super::{centered, keys_text};
use netcurate::audience;
use netcurate::model::{Contact, joined_or_none};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Gauge, Paragraph, Wrap};

/// The keys, scrolled to `app.help.top` when they do not fit the screen.
pub fn help(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lines: Vec<Line> = app
        .help_lines()
        .into_iter()
        .map(|line| match line {
            HelpLine::Keys(keys, text) => Line::from(vec![
                Span::styled(format!("{keys:>16}  "), theme.accent()),
                Span::raw(text),
            ]),
            HelpLine::Note(text) => Line::styled(text, theme.dim()),
        })
        .collect();
    let popup = centered(area, 84, lines.len() as u16 + 2);
    let shown = usize::from(popup.height.saturating_sub(2));
    let closes = keys_text(
        app,
        &[(&[Command::ClearSelection, Command::Help], "closes")],
    );
    let title = if lines.len() > shown {
        let scroll = keys_text(app, &[(&[Command::Down, Command::Up], "scroll")]);
        format!(
            " Keys {}–{} of {} — {scroll} · {closes} ",
            app.help.top + 1,
            (app.help.top + shown).min(lines.len()),
            lines.len()
        )
    } else {
        format!(" Keys — {closes} ")
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((app.help.top as u16, 0))
            .block(Block::bordered().title(title)),
        popup,
    );
}

/// The explanation of one contact, as lines (also used by the triage card).
pub fn contact_lines<'a>(app: &App, c: &Contact, theme: &Theme) -> Vec<Line<'a>> {
    let guess = audience::seniority::classify(&c.position);
    let mut lines = vec![
        Line::styled(
            if c.is_hidden() {
                theme::HIDDEN_NAME.to_string()
            } else {
                c.full_name()
            },
            theme.title(),
        ),
        Line::raw(format!("{} · {}", c.position, c.company)),
    ];
    if !c.url.is_empty() {
        lines.push(Line::styled(c.url.clone(), theme.dim()));
    }
    lines.push(Line::raw(format!(
        "seniority {} ({}) · function {} — {}",
        guess.tier.as_str(),
        guess.rule,
        c.function.as_str(),
        theme::TITLES_NOTE
    )));
    match audience::explain(c, app.profile.as_ref()) {
        Some(b) => {
            lines.push(Line::from(vec![
                Span::raw("score "),
                Span::styled(theme::score_bar(Some(b.score)), theme.score(Some(b.score))),
            ]));
            for f in &b.factors {
                lines.push(Line::raw(format!(
                    "  {:<10} {:>4.2} ×{:<3} {}",
                    f.name, f.value, f.weight, f.reason
                )));
            }
            if let Some(x) = &b.exclusion {
                lines.push(Line::styled(
                    format!("  excluded: {x} (score capped)"),
                    theme.warn(),
                ));
            }
        }
        None => lines.push(Line::styled(
            "no profile yet: E edits one, then scores",
            theme.dim(),
        )),
    }
    let flags = c.flags.names();
    if !flags.is_empty() {
        lines.push(Line::styled(
            format!("flags: {}", flags.join(", ")),
            theme.warn(),
        ));
    }
    if let Some((d, why)) = audience::suggest(c, app.pillars.threshold) {
        lines.push(Line::styled(
            format!("suggested: {} — {why}", d.as_str()),
            theme.good(),
        ));
    }
    if !c.previous_company.is_empty() || !c.previous_position.is_empty() {
        lines.push(Line::raw(format!(
            "job change: was {} · {}",
            c.previous_position, c.previous_company
        )));
    }
    for inv in app.network.invitations_of(c.id) {
        lines.push(Line::raw(format!(
            "invitation {} {} ({}, inferred)",
            inv.direction.as_str(),
            inv.sent_at.date(),
            inv.status.as_str()
        )));
    }
    if let Some(at) = c.last_message_at {
        lines.push(Line::raw(format!(
            "messages: {} exchanged, last {}",
            c.message_count,
            at.date()
        )));
    }
    lines.push(Line::raw(format!(
        "decision: {} · tags: {}",
        c.decision.as_str(),
        joined_or_none(&c.tags)
    )));
    lines
}

pub fn explain(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(i) = app.current() else { return };
    let lines = contact_lines(app, &app.network.contacts[i], theme);
    let card = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(format!(
            " Why this score — {} ",
            keys_text(app, &[(&[Command::ClearSelection], "closes")])
        )));
    let popup = fit_box(&card, area, 96, 0);
    frame.render_widget(Clear, popup);
    frame.render_widget(card, popup);
}

/// A centred box at most `max_width` wide for the wrapped `paragraph` (its border
/// included) with `below` more rows under it, as tall as the text wraps to (the text's
/// line count fell short once a line wrapped, and the last lines were cut).
fn fit_box(paragraph: &Paragraph<'_>, area: Rect, max_width: u16, below: u16) -> Rect {
    let width = max_width.min(area.width);
    let height = paragraph.line_count(width.saturating_sub(2)) as u16 + below;
    centered(area, width, height)
}

pub fn progress(label: &str, ratio: f64, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup = centered(area, 60, 3);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Gauge::default()
            .block(Block::bordered().title(" Importing "))
            .gauge_style(theme.accent())
            .ratio(ratio.clamp(0.0, 1.0))
            .label(label.to_string()),
        popup,
    );
}

pub fn confirm(c: &Confirm, theme: &Theme, frame: &mut Frame, area: Rect) {
    let text = match c {
        Confirm::Prune(ids) => format!("Mark {} contacts for pruning? (y / n)", ids.len()),
        Confirm::Overwrite { path, .. } => {
            format!("{} exists. Replace it? (y / n)", path.display())
        }
    };
    let width = Line::raw(text.as_str()).width() as u16 + 4;
    // Wrapped, so that a long path never pushes "(y / n)" off a narrow screen.
    let question = Paragraph::new(Span::styled(text, theme.warn()))
        .wrap(Wrap { trim: true })
        .block(Block::bordered().title(" Confirm "));
    let popup = fit_box(&question, area, width, 0);
    frame.render_widget(Clear, popup);
    frame.render_widget(question, popup);
}

pub fn triage(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(t) = &app.triage else { return };
    let block = Block::new().borders(Borders::TOP).title(Line::from(vec![
        Span::styled(" Triage ", theme.title()),
        Span::styled(
            format!(" {} of {} ", t.index + 1, t.queue.len()),
            theme.accent(),
        ),
    ]));
    let lines = match app.current() {
        Some(i) => contact_lines(app, &app.network.contacts[i], theme),
        None => vec![Line::raw("queue empty")],
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let card = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered());
    // The legend sits below the card.
    let outer = fit_box(&card, inner, 100, 1);
    let card_area = Rect {
        height: outer.height.saturating_sub(1),
        ..outer
    };
    let legend = Rect {
        y: card_area.y + card_area.height,
        height: outer.height.min(1),
        ..outer
    };
    frame.render_widget(card, card_area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            keys_text(app, theme::TRIAGE_KEYS),
            theme.accent(),
        ))
        .centered(),
        legend,
    );
}
