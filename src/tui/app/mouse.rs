//! The mouse: what a notch of the wheel and a click do. Where a click landed is the
//! view's to find (`view::clicked_at`, from where it drew what); here, what it then does,
//! which is what the keys do wherever there is one for it.
//!
//! Must not: know the screen's layout (view/ does) or read terminal events (the runtime
//! turns them into messages).

use super::{App, Effect, Overlay, PANES_OF_INVITATIONS, PANES_OF_SEGMENTS, View};
use crate::tui::keymap::Command;
use netcurate::query::SortKey;

/// What a click landed on: `view::clicked_at` finds it from where the frame drew what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clicked {
    /// A view's tab: shows the view, as its number key does.
    Tab(View),
    /// A column's header in the contacts table: the table sorts by it (again: the other
    /// way round), as `s` and `S` do.
    Header(SortKey),
    /// The contacts table's row at this place in the list shown (or the place its
    /// scrollbar points to there): the cursor goes there; on the row at the cursor, it is
    /// explained (as Enter does).
    Row(usize),
    /// The contacts' filter, shown under the table: the filter prompt opens on it, as `/`
    /// opens it.
    FilterLine,
    /// A row of a pane of the invitations or segments view (an invitation, a segment, a
    /// chart's bar; or where the pane's scrollbar points): the pane takes the focus and its
    /// cursor goes there; on the row at the focused pane's cursor, Enter's work is done
    /// (explain, show the segment).
    PaneRow { pane: usize, place: usize },
    /// A key hint, on the line above the status bar (`w withdraw`) or under a triage card
    /// (`x prune`): what pressing that key does.
    Key(Command),
    /// Where nothing on the screen takes a click (a rule, a line of text, a box).
    Elsewhere,
}

/// Rows a notch of the mouse wheel moves.
pub const WHEEL_ROWS: usize = 3;

impl App {
    /// A notch of the wheel: [`WHEEL_ROWS`] moves down or up wherever the moving keys
    /// move something (a list, the help, the pillars view); the explanation, one contact.
    pub(super) fn on_wheel(&mut self, down: bool) -> Vec<Effect> {
        let c = if down { Command::Down } else { Command::Up };
        let notch = std::iter::repeat_n(c, WHEEL_ROWS);
        match self.overlay {
            _ if self.triage.is_some() => vec![],
            Overlay::Help => {
                notch.for_each(|c| self.scroll_help(c));
                vec![]
            }
            Overlay::None => notch.flat_map(|c| self.on_command(c)).collect(),
            // The explanation shows one contact: a notch goes to the next one.
            Overlay::Explain => self.on_command(c),
            _ => vec![],
        }
    }

    /// A click: on a tab, its view; on a row of the contacts table, the cursor there, or
    /// on the row at the cursor, its explanation; and so on ([`Clicked`]). A box that only
    /// shows something (the help, a message) closes on a click and the click does nothing
    /// else; so does an explanation, but for a click on another row beside it, which goes
    /// there (the explanation follows, as with the moving keys). A box that asks (a
    /// prompt, a question) waits for its keys, and triage takes those of its legend.
    pub(super) fn on_click(&mut self, clicked: Clicked) -> Vec<Effect> {
        match self.overlay {
            Overlay::None => {}
            Overlay::Explain if clicked != Clicked::Elsewhere && !self.is_at_cursor(clicked) => {}
            Overlay::Help | Overlay::Explain | Overlay::Failure(_) | Overlay::Report { .. } => {
                self.overlay = Overlay::None;
                return vec![];
            }
            Overlay::Prompt(_) | Overlay::Confirm(_) | Overlay::Progress { .. } => return vec![],
        }
        // Triage takes its keys from the legend under its card.
        if self.triage.is_some() {
            return match clicked {
                Clicked::Key(command) => self.on_command(command),
                _ => vec![],
            };
        }
        match clicked {
            Clicked::Elsewhere => {}
            Clicked::Tab(view) => self.show_view(view),
            Clicked::FilterLine => return self.on_command(Command::Filter),
            Clicked::Key(command) => return self.on_command(command),
            Clicked::Header(key) if key == self.table.sort => {
                return self.on_command(Command::SortReverse);
            }
            Clicked::Header(key) => self.sort_by(key),
            // Again on the row at the cursor: what Enter does there.
            row if self.is_at_cursor(row) => return self.on_command(Command::Explain),
            Clicked::Row(place) => self.put_cursor(place),
            Clicked::PaneRow { pane, place } => self.click_pane_row(pane, place),
        }
        vec![]
    }

    /// Whether `clicked` is the row at the cursor (of the table, or of the focused pane).
    fn is_at_cursor(&self, clicked: Clicked) -> bool {
        match clicked {
            Clicked::Row(place) => place == self.table.cursor,
            Clicked::PaneRow { pane, place } => {
                let panes = match self.view {
                    View::Invitations => &self.invitations,
                    _ => &self.segments,
                };
                panes.focus == pane && panes.cursor.get(pane) == Some(&place)
            }
            _ => false,
        }
    }

    /// [`Clicked::PaneRow`] off the cursor, in the invitations or segments view: the pane
    /// takes the focus and its cursor goes there (a pane or a row the view does not have,
    /// nothing).
    fn click_pane_row(&mut self, pane: usize, place: usize) {
        let rows = match self.view {
            View::Invitations if pane < PANES_OF_INVITATIONS => self.invitation_rows(pane).len(),
            View::Segments if pane < PANES_OF_SEGMENTS => self.segment_queries(pane).len(),
            _ => return,
        };
        let panes = match self.view {
            View::Invitations => &mut self.invitations,
            _ => &mut self.segments,
        };
        if place >= rows {
            return;
        }
        if panes.focus != pane {
            panes.focus = pane;
            panes.range_anchor = None;
        }
        panes.cursor[pane] = place;
        if self.view == View::Invitations {
            let rows = self.invitation_rows(pane);
            self.select_withdraw_range(&rows);
        }
    }
}
