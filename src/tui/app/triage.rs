//! Triage: one card at a time through the undecided contacts in view, lowest score
//! first.
//!
//! Must not: do I/O (it asks the runtime with an effect).

use super::{App, Effect, PromptKind, Triage};
use crate::tui::keymap::Command;
use crate::tui::strings::status;
use netcurate::model::Decision;
use netcurate::ops::{self, Op};

impl App {
    pub(super) fn start_triage(&mut self) {
        let mut queue: Vec<u32> = self
            .table
            .ids
            .iter()
            .copied()
            .filter(|&i| {
                let c = &self.network.contacts[i as usize];
                c.decision == Decision::Undecided && c.in_network()
            })
            .collect();
        let by_score = self.table.filter.is_empty();
        if by_score {
            queue.sort_by_key(|&i| (self.network.contacts[i as usize].score, i));
        }
        if queue.is_empty() {
            self.status = status::NOTHING_TO_TRIAGE.to_string();
            return;
        }
        // The card lists its keys; the status says what the queue holds.
        self.status = status::triage_started(queue.len(), by_score);
        self.triage = Some(Triage {
            queue: queue
                .iter()
                .map(|&i| self.network.contacts[i as usize].id)
                .collect(),
            index: 0,
        });
    }

    pub(super) fn on_triage_command(&mut self, c: Command) -> Vec<Effect> {
        let Some(t) = self.triage.clone() else {
            return vec![];
        };
        // The card is the explanation: its key takes the card's suggestion instead.
        let suggested = || {
            let c = &self.network.contacts[self.current()?];
            netcurate::audience::suggest(c, self.pillars.threshold).map(|(d, _)| d)
        };
        let decision = match c {
            Command::Keep => Some(Decision::Keep),
            Command::Prune => Some(Decision::Prune),
            Command::Protect => Some(Decision::Protect),
            Command::Reset => Some(Decision::Undecided),
            Command::Explain => match suggested() {
                Some(d) => Some(d),
                None => {
                    self.status = status::no_suggestion(&self.keymap);
                    return vec![];
                }
            },
            _ => None,
        };
        match (c, decision) {
            (_, Some(d)) => {
                let op = ops::plan_decide(&self.network, &t.queue[t.index..=t.index], d);
                let effects = self.perform(op);
                self.next_card();
                return effects;
            }
            (Command::ToggleSelect | Command::Down, _) => self.next_card(),
            (Command::Up, _) => {
                if let Some(t) = self.triage.as_mut() {
                    t.index = t.index.saturating_sub(1);
                }
            }
            (Command::TagAdd, _) => self.open_prompt(PromptKind::TagAdd, String::new()),
            (Command::OpenUrl, _) => return self.open_profile(),
            (Command::Copy, _) => return self.copy_contacts(),
            (Command::Undo, _) => return vec![Effect::Undo],
            (Command::Redo, _) => return vec![Effect::Redo],
            (Command::Help, _) => self.open_help(),
            (Command::ClearSelection | Command::Quit | Command::Triage, _) => self.pause_triage(&t),
            // Going elsewhere pauses triage on the way.
            (
                other @ (Command::ViewContacts
                | Command::ViewInvitations
                | Command::ViewSegments
                | Command::ViewPillars
                | Command::NextView
                | Command::Filter
                | Command::ShowNew),
                _,
            ) => {
                self.pause_triage(&t);
                return self.on_command(other);
            }
            (other, _) => self.status = status::not_in_triage(other, &self.keymap),
        }
        vec![]
    }

    /// On to the next card; past the last, triage is done.
    fn next_card(&mut self) {
        if let Some(t) = self.triage.as_mut() {
            t.index += 1;
            if t.index >= t.queue.len() {
                self.triage = None;
                self.status = status::TRIAGE_DONE.to_string();
            }
        }
    }

    fn pause_triage(&mut self, t: &Triage) {
        self.triage = None;
        let resume = self.keymap.key(Command::Triage);
        self.status = status::triage_paused(t.index + 1, t.queue.len(), resume);
    }

    /// After `op` is undone (`undone`) or redone: a card's decision taken back shows its
    /// card again, and the same decision made again goes on past it.
    pub(super) fn follow_in_triage(&mut self, op: &Op, undone: bool) {
        let (Some(t), Op::Decide { ids, .. }) = (self.triage.as_mut(), op) else {
            return;
        };
        let [id] = ids[..] else { return };
        if undone && t.index > 0 && t.queue[t.index - 1] == id {
            t.index -= 1;
        } else if !undone && t.queue.get(t.index) == Some(&id) {
            self.next_card();
        }
    }
}
