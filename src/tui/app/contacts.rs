//! The contacts view's commands: moving, selecting (a range too), deciding, tagging,
//! filtering, sorting, explaining, opening and exporting what is in view.
//!
//! Must not: do I/O (it asks the runtime with an effect).

use super::{
    App, CONFIRM_PRUNE_OVER, Confirm, Effect, Overlay, PromptKind, range_rows, toggle_range,
};
use crate::tui::keymap::Command;
use crate::tui::strings::status;
use netcurate::export::ExportKind;
use netcurate::model::Decision;
use netcurate::ops;
use netcurate::query::SortKey;

impl App {
    /// Selects the table rows a range selection covers, while one is going on.
    pub(super) fn select_table_range(&mut self) {
        let Some(anchor) = self.table.range_anchor else {
            return;
        };
        for k in range_rows(anchor, self.table.cursor) {
            let Some(&i) = self.table.ids.get(k) else {
                break;
            };
            let i = i as usize;
            if !self.selected[i] {
                self.selected[i] = true;
                self.selected_count += 1;
            }
        }
    }

    /// Says that a range selection started (`started`) or ended with `selected` rows.
    pub(super) fn say_range(&mut self, started: bool, selected: usize) {
        self.status = match started {
            true => status::range_select(self.keymap.key(Command::RangeSelect)),
            false => status::selected(selected),
        };
    }

    pub(super) fn decide(&mut self, d: Decision) -> Vec<Effect> {
        let targets = self.targets();
        if d == Decision::Prune && targets.len() > CONFIRM_PRUNE_OVER {
            self.overlay = Overlay::Confirm(Confirm::Prune(targets));
            return vec![];
        }
        if d == Decision::Prune {
            return self.prune(&targets);
        }
        let op = ops::plan_decide(&self.network, &targets, d);
        self.perform(op)
    }

    /// Opens the current contact's profile (the row's, or the triage card's), or says it
    /// has none.
    pub(super) fn open_profile(&mut self) -> Vec<Effect> {
        let Some(i) = self.current() else {
            return vec![];
        };
        match self.network.contacts[i].url_key.as_deref() {
            Some(k) => vec![Effect::OpenUrl(netcurate::import::url::key_to_url(k))],
            None => {
                self.status = status::NO_URL.to_string();
                vec![]
            }
        }
    }

    pub(super) fn on_contacts_command(&mut self, c: Command) -> Vec<Effect> {
        if self.move_cursor(c) {
            return vec![];
        }
        match c {
            Command::SortNext => {
                let i = SortKey::ALL
                    .iter()
                    .position(|k| *k == self.table.sort)
                    .unwrap_or(0);
                self.sort_by(SortKey::ALL[(i + 1) % SortKey::ALL.len()]);
            }
            Command::SortReverse => {
                self.table.descending = !self.table.descending;
                self.resort();
                self.status =
                    status::sorted_by_direction(self.table.sort.as_str(), self.table.descending);
            }
            Command::ToggleSelect => {
                if let Some(i) = self.current() {
                    self.selected[i] = !self.selected[i];
                    if self.selected[i] {
                        self.selected_count += 1;
                    } else {
                        self.selected_count -= 1;
                    }
                    self.move_cursor(Command::Down);
                }
            }
            Command::RangeSelect => {
                let started = toggle_range(&mut self.table.range_anchor, self.table.cursor);
                self.select_table_range();
                self.say_range(started, self.selected_count);
            }
            Command::SelectAll => {
                for &i in &self.table.ids {
                    if !self.selected[i as usize] {
                        self.selected[i as usize] = true;
                        self.selected_count += 1;
                    }
                }
                // The count of selected contacts is on the status line already.
                self.status = status::selected_all(self.table.ids.len());
            }
            Command::ClearSelection => {
                if self.selected_count > 0 || self.table.range_anchor.is_some() {
                    self.selected.iter_mut().for_each(|s| *s = false);
                    self.selected_count = 0;
                    self.table.range_anchor = None;
                    self.status = status::SELECTION_CLEARED.to_string();
                } else if !self.table.filter.is_empty() {
                    self.set_filter("");
                    self.status = status::FILTER_CLEARED.to_string();
                }
            }
            Command::Keep => return self.decide(Decision::Keep),
            Command::Prune => return self.decide(Decision::Prune),
            Command::Protect => return self.decide(Decision::Protect),
            Command::Reset => return self.decide(Decision::Undecided),
            Command::TagAdd => self.open_prompt(PromptKind::TagAdd, String::new()),
            Command::TagRemove => self.open_prompt(PromptKind::TagRemove, String::new()),
            Command::Explain if self.current().is_some() => self.overlay = Overlay::Explain,
            Command::OpenUrl => return self.open_profile(),
            Command::Copy => return self.copy_contacts(),
            Command::Export => {
                let filter = self.table.filter.clone();
                self.open_export_prompt(ExportKind::Contacts, &filter);
            }
            Command::SaveFilter => {
                if self.table.filter.trim().is_empty() {
                    let key = self.keymap.key(Command::Filter);
                    self.status = status::no_filter_to_save(key);
                } else {
                    self.open_prompt(PromptKind::SaveFilter, String::new());
                }
            }
            Command::Triage => self.start_triage(),
            _ => {}
        }
        vec![]
    }
}
