//! The contacts table: only the visible window of rows is built, however large the view.

use super::super::app::App;
use super::super::theme::{self, Theme};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = &app.table;
    let sort = format!(
        " sort: {} {} ",
        t.sort.as_str(),
        if t.descending { "↓" } else { "↑" }
    );
    let block = Block::new().borders(Borders::TOP).title(Line::from(vec![
        Span::styled(" Contacts ", theme.title()),
        Span::styled(sort, theme.dim()),
    ]));
    if app.network.contacts.is_empty() || t.ids.is_empty() {
        let text = if app.network.contacts.is_empty() {
            theme::EMPTY_NETWORK
        } else {
            theme::NO_MATCH
        };
        frame.render_widget(
            Paragraph::new(text)
                .block(block)
                .wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let wide = area.width >= 100;
    let medium = area.width >= 60;
    let rows_visible = area.height.saturating_sub(2) as usize;
    let end = (t.offset + rows_visible).min(t.ids.len());
    let rows: Vec<Row> = t.ids[t.offset.min(end)..end]
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let c = &app.network.contacts[i as usize];
            let selected = app.selected[i as usize];
            let name = if c.is_hidden() {
                theme::HIDDEN_NAME.to_string()
            } else {
                c.full_name()
            };
            let mark = if selected { "●" } else { " " };
            let mut cells = vec![
                Cell::from(mark).style(theme.selected()),
                Cell::from(theme::score_bar(c.score)).style(theme.score(c.score)),
                Cell::from(name),
            ];
            if medium {
                cells.push(Cell::from(c.position.clone()));
            }
            if wide {
                cells.push(Cell::from(c.company.clone()));
                cells.push(Cell::from(c.seniority.as_str()));
                cells.push(Cell::from(
                    c.connected_on.map(|d| d.to_string()).unwrap_or_default(),
                ));
                cells.push(Cell::from(c.tags.join(",")).style(theme.accent()));
            }
            cells.push(Cell::from(theme::decision_label(c)).style(theme.decision(c.decision)));
            let row = Row::new(cells);
            if t.offset + k == t.cursor {
                row.style(theme.cursor())
            } else {
                row
            }
        })
        .collect();
    let mut widths = vec![
        Constraint::Length(1),
        Constraint::Length(9),
        Constraint::Length(22),
    ];
    let mut header = vec!["", "score", "name"];
    if medium {
        widths.push(Constraint::Fill(2));
        header.push("position");
    }
    if wide {
        widths.extend([
            Constraint::Fill(1),
            Constraint::Length(9),
            Constraint::Length(10),
            Constraint::Length(14),
        ]);
        header.extend(["company", "seniority", "connected", "tags"]);
    }
    widths.push(Constraint::Length(9));
    header.push("decision");
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header()))
        .block(block)
        .column_spacing(1);
    frame.render_widget(table, area);
}
