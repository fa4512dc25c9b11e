//! The invitations view: its two panes (sent and pending, oldest first; incoming, newest
//! first), their rows, and marking invitations for withdrawal.
//!
//! Must not: do I/O (it asks the runtime with an effect).

use super::{App, Effect, Overlay, PANES_OF_INVITATIONS, moved_cursor, range_rows, toggle_range};
use crate::tui::keymap::Command;
use crate::tui::strings::status;
use netcurate::export::ExportKind;
use netcurate::model::{Direction, Invitation, InvitationFind, InvitationId, InvitationStatus};
use netcurate::ops;

impl App {
    /// The invitation rows of a pane: 0 = outgoing pending, oldest first; 1 = incoming,
    /// highest relevance first.
    pub fn invitation_rows(&self, pane: usize) -> Vec<usize> {
        let inv = &self.network.invitations;
        let found = self.found_invitations.as_deref();
        let mut rows: Vec<usize> = (0..inv.len())
            .filter(|&i| in_invitation_pane(&inv[i], pane))
            .filter(|&i| found.is_none_or(|found| found.get(i) == Some(&true)))
            .collect();
        if pane == 0 {
            rows.sort_by_key(|&i| (inv[i].sent_at, inv[i].id));
        } else {
            // The most relevant first; among equals (often all unscored), the newest.
            rows.sort_by_key(|&i| {
                std::cmp::Reverse((self.invitation_score(i), inv[i].sent_at, inv[i].id))
            });
        }
        rows
    }

    /// Narrows the invitations view's panes to those `text` finds ([`App::invitation_find`]),
    /// each pane's cursor kept on a row.
    pub fn find_invitations(&mut self, text: &str) {
        self.invitation_find = text.to_string();
        self.found_invitations = InvitationFind::new(text).map(|find| {
            let invitations = &self.network.invitations;
            let hay = (self.invitation_hay)
                .get_or_init(|| invitations.iter().map(Invitation::find_hay).collect());
            hay.iter().map(|h| find.finds(h)).collect()
        });
        for pane in 0..PANES_OF_INVITATIONS {
            let last = self.invitation_rows(pane).len().saturating_sub(1);
            self.invitations.cursor[pane] = self.invitations.cursor[pane].min(last);
        }
        self.invitations.range_anchor = None;
    }

    /// How many invitations the panes show, and hold in all: what the find line counts.
    pub fn invitations_shown(&self) -> (usize, usize) {
        let shown = (0..PANES_OF_INVITATIONS)
            .map(|p| self.invitation_rows(p).len())
            .sum();
        let (pending, incoming) = self.invitation_counts();
        (shown, pending + incoming)
    }

    /// The invitation under the cursor of the invitations view's focused pane.
    pub fn current_invitation(&self) -> Option<usize> {
        let pane = self.invitations.focus;
        self.invitation_rows(pane)
            .get(self.invitations.cursor[pane])
            .copied()
    }

    /// How many rows each invitations pane has: (pending outgoing, incoming).
    pub fn invitation_counts(&self) -> (usize, usize) {
        let count = |pane| {
            (self.network.invitations.iter())
                .filter(|inv| in_invitation_pane(inv, pane))
                .count()
        };
        (count(0), count(1))
    }

    /// The score of the person behind an invitation, when they are a known contact.
    /// Whether some invitation of the incoming pane comes from a scored contact (else
    /// the pane is simply newest first).
    pub fn incoming_scored(&self) -> bool {
        let invitations = &self.network.invitations;
        (0..invitations.len())
            .any(|i| in_invitation_pane(&invitations[i], 1) && self.invitation_score(i).is_some())
    }

    pub fn invitation_score(&self, i: usize) -> Option<u8> {
        self.network.invitations[i]
            .contact_id
            .and_then(|id| self.network.contact(id))
            .and_then(|c| c.score)
    }

    /// The profile of the person on the other side of invitation `i`.
    fn invitation_profile(&self, i: usize) -> Option<&str> {
        let network = &self.network;
        network.invitation_profile(&network.invitations[i])
    }

    // ---- update ---------------------------------------------------------------------

    /// Marks for withdrawal the invitations a range selection covers in the outgoing pane
    /// (`rows`, in order), while one is going on.
    pub(super) fn select_withdraw_range(&mut self, rows: &[usize]) {
        let Some(anchor) = self.invitations.range_anchor else {
            return;
        };
        let cursor = self.invitations.cursor[self.invitations.focus];
        let ids = range_rows(anchor, cursor).filter_map(|k| rows.get(k));
        let ids: Vec<InvitationId> = ids.map(|&i| self.network.invitations[i].id).collect();
        self.withdraw_selected.extend(ids);
    }

    pub(super) fn on_invitations_command(&mut self, c: Command) -> Vec<Effect> {
        let pane = self.invitations.focus;
        let rows = self.invitation_rows(pane);
        if let Some(moved) = moved_cursor(c, self.invitations.cursor[pane], rows.len(), self.page) {
            self.invitations.cursor[pane] = moved;
            self.select_withdraw_range(&rows);
            return vec![];
        }
        let cursor = &mut self.invitations.cursor[pane];
        match c {
            Command::Left | Command::Right => {
                self.invitations.focus = (pane + 1) % PANES_OF_INVITATIONS;
                self.invitations.range_anchor = None;
            }
            Command::RangeSelect if pane == 0 => {
                let started = toggle_range(&mut self.invitations.range_anchor, *cursor);
                self.select_withdraw_range(&rows);
                self.say_range(started, self.withdraw_selected.len());
            }
            Command::ToggleSelect if pane == 0 => {
                if let Some(&i) = rows.get(*cursor) {
                    let id = self.network.invitations[i].id;
                    if !self.withdraw_selected.remove(&id) {
                        self.withdraw_selected.insert(id);
                    }
                    *cursor = (*cursor + 1).min(rows.len().saturating_sub(1));
                }
            }
            Command::SelectAll if pane == 0 => {
                self.withdraw_selected = rows
                    .iter()
                    .map(|&i| self.network.invitations[i].id)
                    .collect();
            }
            // Esc clears the selection, else what the invitations are narrowed to.
            Command::ClearSelection if self.withdraw_selected.is_empty() => {
                self.find_invitations("");
            }
            Command::ClearSelection => {
                self.withdraw_selected.clear();
                self.invitations.range_anchor = None;
            }
            Command::Withdraw if pane == 0 => {
                let row = rows.get(*cursor).copied();
                return self.toggle_withdrawal(row);
            }
            // The invitations' export is the withdrawal plan (the marked invitations).
            Command::Export => self.open_export_prompt(ExportKind::WithdrawalPlan, ""),
            Command::WithdrawStale => return self.mark_stale(),
            Command::Explain if rows.get(*cursor).is_some() => self.overlay = Overlay::Explain,
            Command::Copy => {
                let row = rows.get(*cursor).copied();
                return self.copy_invitation_profiles(row);
            }
            Command::OpenUrl => {
                let row = rows.get(*cursor).copied();
                return self.open_invitation_profile(row);
            }
            // Only sent invitations can be withdrawn: the incoming are answered on LinkedIn.
            Command::Withdraw
            | Command::ToggleSelect
            | Command::SelectAll
            | Command::RangeSelect => {
                let back = self.keymap.key(Command::Left);
                self.status = status::withdraws_sent_only(self.keymap.key(c), back);
            }
            _ => {}
        }
        vec![]
    }

    /// `w`: marks the selected invitations (else the one at `row`) for withdrawal, or,
    /// when every one is marked already, unmarks them.
    fn toggle_withdrawal(&mut self, row: Option<usize>) -> Vec<Effect> {
        let targets: Vec<InvitationId> = match self.withdraw_selected.is_empty() {
            true => (row.iter())
                .map(|&i| self.network.invitations[i].id)
                .collect(),
            false => self.withdraw_selected.iter().copied().collect(),
        };
        let mut op = ops::plan_withdraw(&self.network, &targets, true);
        if op.is_empty() {
            op = ops::plan_withdraw(&self.network, &targets, false);
        }
        self.withdraw_selected.clear();
        self.perform(op)
    }

    /// `W`: marks every stale invitation for withdrawal, or says why there is none to mark.
    fn mark_stale(&mut self) -> Vec<Effect> {
        let stale_days = self.pillars.assumptions.stale_days;
        let stale: Vec<InvitationId> = (self.network.stale_invitations(stale_days))
            .map(|inv| inv.id)
            .collect();
        let op = ops::plan_withdraw(&self.network, &stale, true);
        if op.is_empty() {
            self.status = ops::stale_marked_already(stale.len(), stale_days);
            return vec![];
        }
        self.perform(op)
    }

    /// `y`: copies the profiles of the selected invitations' people (else of the one at
    /// `row`).
    fn copy_invitation_profiles(&mut self, row: Option<usize>) -> Vec<Effect> {
        let chosen: Vec<usize> = match self.withdraw_selected.is_empty() {
            true => row.into_iter().collect(),
            false => (0..self.network.invitations.len())
                .filter(|&i| (self.withdraw_selected).contains(&self.network.invitations[i].id))
                .collect(),
        };
        let keys: Vec<String> = (chosen.iter())
            .filter_map(|&i| self.invitation_profile(i).map(str::to_string))
            .collect();
        if keys.is_empty() && chosen.len() == 1 {
            self.status = status::INVITATION_NO_URL.to_string();
            return vec![];
        }
        self.copy_profiles(chosen.len(), keys)
    }

    /// `o`: opens the profile of the person of the invitation at `row`, or says it has none.
    fn open_invitation_profile(&mut self, row: Option<usize>) -> Vec<Effect> {
        match row.map(|i| self.invitation_profile(i)) {
            Some(Some(key)) => vec![Effect::OpenUrl(netcurate::import::url::key_to_url(key))],
            Some(None) => {
                self.status = status::INVITATION_NO_URL.to_string();
                vec![]
            }
            None => vec![],
        }
    }
}

/// Whether `inv` is a row of the invitations view's pane `pane`: 0 lists the pending
/// outgoing invitations, 1 the incoming ones not gone from the export (declined).
pub(super) fn in_invitation_pane(inv: &Invitation, pane: usize) -> bool {
    match pane {
        0 => inv.is_pending_outgoing(),
        _ => inv.direction == Direction::Incoming && inv.status != InvitationStatus::Gone,
    }
}
