//! The contacts table: only the visible window of rows is built, however large the view.

use super::super::app::App;
use super::super::keymap::Command;
use super::super::strings::{self, AskedText, column};
use super::super::theme::{self, Theme};
use super::{Wrapped, draw_scrollbar, fit, list_scrollbar, place_on_scrollbar};
use chrono::NaiveDate;
use netcurate::model::Contact;
use netcurate::query::{AskedAbout, Query, SortKey};
use netcurate::text::{as_seen, seen};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table};

pub fn draw(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = &app.table;
    let sort = strings::sorted_title(t.sort.as_str(), t.descending);
    let block = Block::new().borders(Borders::TOP).title(Line::from(vec![
        Span::styled(strings::CONTACTS, theme.title()),
        Span::styled(sort, theme.dim()),
    ]));
    if app.network.contacts.is_empty() || t.ids.is_empty() {
        frame.render_widget(
            Wrapped::new(Paragraph::new(empty_text(app)), true).block(block),
            area,
        );
        return;
    }
    // The filter as applied, to mark where it matched.
    let query = app.applied_query();
    let columns = Columns::new(area.width, t.sort, query.asks_about());
    let widths: Vec<Constraint> = columns.list.iter().map(|c| c.width).collect();
    let places = Places::of(app, area);
    // The widths the table gives its columns, to end cut text with an ellipsis.
    let width: Vec<u16> = (columns.areas(places.table).iter())
        .map(|r| r.width)
        .collect();
    let end = (t.offset + places.rows).min(t.ids.len());
    let rows: Vec<Row> = (t.offset.min(end)..end)
        .map(|place| {
            let i = t.ids[place] as usize;
            let c = &app.network.contacts[i];
            let row = columns.row(c, app.selected[i], &width, query, theme);
            match place == t.cursor {
                true => row.style(theme.cursor()),
                false => row,
            }
        })
        .collect();
    let header: Vec<&str> = columns.list.iter().map(|c| c.header).collect();
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.header()))
        .column_spacing(COLUMN_SPACING);
    frame.render_widget(block, area);
    frame.render_widget(table, places.table);
    if let Some(bar) = places.scrollbar {
        let hidden = list_len(app).saturating_sub(places.rows);
        draw_scrollbar(frame, theme, bar, hidden, t.offset);
    }
}

/// Where the table draws what in the view's area: under its title's rule, the header and
/// the rows, and beside the rows, when the list is longer than they are, a scrollbar.
struct Places {
    /// The header and the rows.
    table: Rect,
    /// How many rows show.
    rows: usize,
    scrollbar: Option<Rect>,
}

impl Places {
    fn of(app: &App, area: Rect) -> Places {
        // Under the title's rule: the header, then the rows.
        let scrollbar = list_scrollbar(area, 2, list_len(app), SCROLLBAR_FROM_WIDTH);
        let table = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            width: area.width - u16::from(scrollbar.is_some()),
            ..area
        };
        Places {
            table,
            rows: usize::from(area.height.saturating_sub(2)),
            scrollbar,
        }
    }
}

/// Below this width the table keeps every column for its text: no scrollbar.
const SCROLLBAR_FROM_WIDTH: u16 = 80;

/// How long the list shown is: while the first frame shows the top of it, the whole
/// network loading (so that the first frame is drawn as the whole workbench then is).
fn list_len(app: &App) -> usize {
    app.loading.unwrap_or(app.table.ids.len())
}

/// The place in the list shown of the row [`draw`] draws at `at` in `area`, if one is
/// there; on the scrollbar, the place as far down the list as `at` is down the bar.
pub fn row_at(app: &App, area: Rect, at: Position) -> Option<usize> {
    let places = Places::of(app, area);
    let len = app.table.ids.len();
    if let Some(bar) = places.scrollbar.filter(|bar| bar.contains(at)) {
        return Some(place_on_scrollbar(len, bar, at.y));
    }
    let below_head = at.y.checked_sub(places.table.y + 1)?;
    let place = app.table.offset + usize::from(below_head);
    (at.y < area.bottom() && place < len).then_some(place)
}

/// The sort of the column whose header [`draw`] draws at `at` in `area`, if it has one.
pub fn header_at(app: &App, area: Rect, at: Position) -> Option<SortKey> {
    let t = &app.table;
    let places = Places::of(app, area);
    if at.y != places.table.y || t.ids.is_empty() {
        return None;
    }
    let columns = Columns::new(area.width, t.sort, app.applied_query().asks_about());
    let areas = columns.areas(places.table);
    let at_column = areas
        .iter()
        .position(|r| (r.left()..r.right()).contains(&at.x))?;
    columns.list[at_column].sorts_by
}

/// What the table shows with no row: how to import, for an empty network, else why the
/// filter finds no one and how to clear it.
fn empty_text(app: &App) -> String {
    if app.network.contacts.is_empty() {
        let start = app.import_start.as_str();
        let export = netcurate::import::rows::export_date(start).is_some();
        let import = app.keymap.key(Command::Import);
        strings::empty_network(import, export.then_some(start), &app.import_command)
    } else {
        let why = app.table.none_because.as_deref();
        strings::no_match(why, app.keymap.key(Command::ClearSelection))
    }
}

/// One column of the table: its header, its width, and the sort its header's click picks.
struct Column {
    header: &'static str,
    width: Constraint,
    sorts_by: Option<SortKey>,
}

impl Column {
    fn new(header: &'static str, width: Constraint, sorts_by: Option<SortKey>) -> Column {
        Column {
            header,
            width,
            sorts_by,
        }
    }
}

/// The table's columns at a width: company from 60 columns; seniority, date and tags from
/// 120 (below, they would leave position and company under 20 columns between them); a
/// wider name from 160, wider tags from 200.
struct Columns {
    /// Position and company.
    medium: bool,
    /// Seniority, a date and the tags.
    wide: bool,
    /// The texts the filter asks about that the table shows nowhere else, after company,
    /// from 80 columns (below, position, company and these would each get a word).
    asked: Vec<AskedText>,
    /// The date shown, by the column's header.
    date_of: fn(&Contact) -> Option<NaiveDate>,
    /// The columns, in order.
    list: Vec<Column>,
}

impl Columns {
    fn new(width: u16, sort: SortKey, asked: AskedAbout) -> Columns {
        let (medium, wide) = (width >= 60, width >= 120);
        // The connection's date, or the last message's while sorted by it, or that of
        // the event the filter selects by (a job change, a connection gone or added).
        type DateOf = fn(&Contact) -> Option<NaiveDate>;
        let (date_column, date_of, date_sort): (&str, DateOf, _) = match sort {
            SortKey::Messaged => (
                column::MESSAGED,
                |c| c.last_message_at.map(|at| at.date()),
                Some(SortKey::Messaged),
            ),
            _ if asked.job_changes => (column::CHANGED, |c| c.job_changed_on, None),
            _ if asked.gone => (column::GONE, |c| c.gone_on, None),
            _ if asked.added => (column::ADDED, |c| c.added_on, None),
            _ => (
                column::CONNECTED,
                |c| c.connected_on,
                Some(SortKey::Connected),
            ),
        };
        // Under 80 columns the name gives up 6 of its 22 to position and company; from
        // 160 it takes 30 (a double-barrelled name whole), and from 200 the tags take 24,
        // where position and company would otherwise get all the room.
        let name_width = match width {
            ..80 => 16,
            80..160 => 22,
            160.. => 30,
        };
        let tags_width = if width < 200 { 14 } else { 24 };
        let mut list = vec![
            Column::new("", Constraint::Length(1), None),
            Column::new(column::SCORE, Constraint::Length(9), Some(SortKey::Score)),
            Column::new(
                column::NAME,
                Constraint::Length(name_width),
                Some(SortKey::Name),
            ),
        ];
        if medium {
            list.extend([
                Column::new(column::POSITION, Constraint::Fill(3), Some(SortKey::Title)),
                Column::new(column::COMPANY, Constraint::Fill(2), Some(SortKey::Company)),
            ]);
        }
        // What each was before takes more room than the industry or the location.
        let asked = match width >= 80 {
            true => strings::asked_texts(asked),
            false => Vec::new(),
        };
        for text in &asked {
            let fill = if text.header == column::WAS { 3 } else { 2 };
            list.push(Column::new(text.header, Constraint::Fill(fill), None));
        }
        if wide {
            list.extend([
                Column::new(
                    column::SENIORITY,
                    Constraint::Length(9),
                    Some(SortKey::Seniority),
                ),
                Column::new(date_column, Constraint::Length(10), date_sort),
                Column::new(column::TAGS, Constraint::Length(tags_width), None),
            ]);
        }
        list.push(Column::new(
            column::DECISION,
            Constraint::Length(9),
            Some(SortKey::Decision),
        ));
        Columns {
            medium,
            wide,
            asked,
            date_of,
            list,
        }
    }

    /// Where each column goes in `area`, as the table lays them out.
    fn areas(&self, area: Rect) -> std::rc::Rc<[Rect]> {
        Layout::horizontal(self.list.iter().map(|c| c.width))
            .spacing(COLUMN_SPACING)
            .split(area)
    }

    /// One contact's row, its texts cut to the columns' `width` and the filter's matches
    /// marked.
    fn row(
        &self,
        c: &Contact,
        selected: bool,
        width: &[u16],
        query: &Query,
        theme: &Theme,
    ) -> Row<'static> {
        let name = match c.is_hidden() {
            true => strings::HIDDEN_NAME.to_string(),
            false => c.full_name(),
        };
        let marks = query.marks(c);
        let name_marks: &[usize] = if c.is_hidden() { &[] } else { &marks.name };
        let mut cells = vec![
            Cell::from(if selected { "●" } else { " " }).style(theme.selected()),
            Cell::from(theme::score_bar(c.score)).style(theme.score(c.score)),
            Cell::from(marked(&name, width[2], name_marks, theme)),
        ];
        if self.medium {
            cells.push(Cell::from(marked(
                &c.position,
                width[3],
                &marks.title,
                theme,
            )));
            cells.push(Cell::from(marked(
                &c.company,
                width[4],
                &marks.company,
                theme,
            )));
        }
        for text in &self.asked {
            let shown = fit(&(text.text_of)(c), width[cells.len()]).into_owned();
            // What each was before, dimmed beside what each is now.
            let style = if text.header == column::WAS {
                theme.dim()
            } else {
                Default::default()
            };
            cells.push(Cell::from(shown).style(style));
        }
        if self.wide {
            cells.push(Cell::from(c.seniority.as_str()));
            let date = (self.date_of)(c).map(|d| d.to_string()).unwrap_or_default();
            cells.push(Cell::from(date));
            let tags = fit(&c.tags.join(","), width[width.len() - 2]).into_owned();
            cells.push(Cell::from(tags).style(theme.accent()));
        }
        cells.push(Cell::from(strings::decision_label(c)).style(theme.decision(c.decision)));
        Row::new(cells)
    }
}

const COLUMN_SPACING: u16 = 1;

/// `text` as shown ([`fit`]), its characters at `marks` (positions in `text`) styled as
/// matched; a mark past the cut, or on an invisible character, is not shown.
fn marked(text: &str, width: u16, marks: &[usize], theme: &Theme) -> Line<'static> {
    let shown = fit(text, width).into_owned();
    if marks.is_empty() {
        return Line::raw(shown);
    }
    // Where each shown character is in `text`; a cut text ends in an ellipsis, its own.
    let cut = shown != seen(text);
    // (Nothing shows in a column of no width: no ellipsis either.)
    let own = shown.chars().count().saturating_sub(usize::from(cut));
    let places: Vec<usize> = (text.chars().enumerate())
        .filter(|&(_, ch)| as_seen(ch).is_some())
        .map(|(i, _)| i)
        .take(own)
        .collect();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut plain = String::new();
    for (k, ch) in shown.chars().enumerate() {
        if places
            .get(k)
            .is_some_and(|i| marks.binary_search(i).is_ok())
        {
            if !plain.is_empty() {
                spans.push(Span::raw(std::mem::take(&mut plain)));
            }
            spans.push(Span::styled(ch.to_string(), theme.matched()));
        } else {
            plain.push(ch);
        }
    }
    if !plain.is_empty() {
        spans.push(Span::raw(plain));
    }
    Line::from(spans)
}
