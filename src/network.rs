//! The network in memory: every contact and invitation, loaded once from the store, with
//! the facts derived from them (inferred invitation status, warm/messaged flags, counts,
//! segments and their figures).
//! The CLI and the TUI both query this; filters and sorts run over it, not over SQL.
//!
//! Must not: write to the database or know about terminals.

use crate::model::{
    Contact, ContactId, Decision, Direction, Flags, Invitation, InvitationStatus, Standing,
};
use crate::text::push_folded;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// A two-way conversation within this many days makes a contact warm.
pub const WARM_DAYS: i64 = 365;

#[derive(Debug, Clone, Default)]
pub struct Network {
    /// In id order ([`Network::new`] sorts them): found by binary search, and sorted
    /// views break ties by position.
    pub contacts: Vec<Contact>,
    pub invitations: Vec<Invitation>,
    /// The date treated as today.
    pub as_of: NaiveDate,
}

/// Freeing 100k contacts (a million small strings) takes tens of milliseconds: a large
/// network is freed on a thread of its own, so that a command ends, or the workbench
/// carries on, without waiting for it.
impl Drop for Network {
    fn drop(&mut self) {
        const FREE_ASIDE: usize = 10_000;
        if self.contacts.len() >= FREE_ASIDE {
            let contacts = std::mem::take(&mut self.contacts);
            let invitations = std::mem::take(&mut self.invitations);
            let _ = std::thread::Builder::new()
                .name("free-network".into())
                .spawn(move || drop((contacts, invitations)));
        }
    }
}

/// Who is on the other side of invitations, among the connections: the connection with
/// the invitation's URL key or, for an invitation without a usable URL (Dec 2023
/// placeholders, 2018-2022 files), the one connection of its folded name (a name that
/// several connections have is no one's). An invitation with a connection on the other
/// side was accepted.
pub struct InvitationLinks {
    by_url: foldhash::HashMap<String, Option<ContactId>>,
    /// How many connections have each name, and the last of them.
    by_name: foldhash::HashMap<String, (u32, ContactId)>,
}

impl InvitationLinks {
    /// The links of the invitations whose other sides are `others` (URL key, name):
    /// the people asked for are collected first, then the connections are scanned once
    /// (cheaper than indexing every connection for a few thousand invitations).
    pub fn new<'a>(
        others: impl Iterator<Item = (Option<&'a str>, &'a str)>,
        contacts: &[Contact],
    ) -> InvitationLinks {
        let mut links = InvitationLinks {
            by_url: Default::default(),
            by_name: Default::default(),
        };
        let mut folded = String::new();
        for (url, name) in others {
            match url {
                Some(k) => {
                    links.by_url.insert(k.to_string(), None);
                }
                None => {
                    folded.clear();
                    push_folded(&mut folded, name);
                    links.by_name.insert(folded.clone(), (0, 0));
                }
            }
        }
        if links.by_url.is_empty() && links.by_name.is_empty() {
            return links;
        }
        for c in contacts.iter().filter(|c| c.is_connection) {
            if let Some(slot) = c.url_key.as_deref().and_then(|k| links.by_url.get_mut(k)) {
                *slot = Some(c.id);
            }
            if links.by_name.is_empty() || c.is_hidden() {
                continue;
            }
            c.folded_name_into(&mut folded);
            if let Some((count, id)) = links.by_name.get_mut(folded.as_str()) {
                *count += 1;
                *id = c.id;
            }
        }
        links
    }

    /// The connection on the other side of an invitation to or from (`url`, `name`), one
    /// of those [`InvitationLinks::new`] was given.
    pub fn contact_of(&self, url: Option<&str>, name: &str) -> Option<ContactId> {
        match url {
            Some(k) => self.by_url.get(k).copied().flatten(),
            None => match self.by_name.get(crate::text::folded(name).as_str()) {
                Some(&(1, id)) => Some(id),
                _ => None,
            },
        }
    }
}

impl Network {
    /// Builds the network and derives what depends on the whole (invitation status) and on
    /// `as_of` (warm).
    pub fn new(
        mut contacts: Vec<Contact>,
        mut invitations: Vec<Invitation>,
        as_of: NaiveDate,
    ) -> Network {
        // Sorted by id, so a contact is found by binary search (no index to build).
        contacts.sort_by_key(|c| c.id);
        for c in &mut contacts {
            c.derive_flags(as_of);
        }
        let links = InvitationLinks::new(invitations.iter().map(Invitation::other_side), &contacts);
        for inv in &mut invitations {
            inv.contact_id = links.contact_of(inv.other_url(), inv.other_name());
            inv.status = match (inv.contact_id, inv.gone_at) {
                (Some(_), _) => InvitationStatus::Accepted,
                (None, Some(_)) => InvitationStatus::Gone,
                (None, None) => InvitationStatus::Pending,
            };
        }
        Network {
            contacts,
            invitations,
            as_of,
        }
    }

    /// The outgoing pending invitations to `who`: a profile URL, else a full name as the
    /// invitations list shows it (case and accents aside, as a filter reads them).
    pub fn pending_invitations_to(&self, who: &str) -> Vec<&Invitation> {
        let key = crate::import::url::profile_key(who);
        let name = crate::text::folded(who.trim());
        (self.invitations.iter())
            .filter(|i| i.is_pending_outgoing())
            .filter(|i| match &key {
                Some(key) => i.other_url() == Some(key.as_str()),
                None => crate::text::folded(i.other_name()) == name,
            })
            .collect()
    }

    /// The profile key of the person on the other side of `inv`: the invitation's own,
    /// else that of the connection it is linked to (by name, for an invitation from an
    /// export without URLs).
    pub fn invitation_profile<'a>(&'a self, inv: &'a Invitation) -> Option<&'a str> {
        inv.other_url().or_else(|| {
            let id = inv.contact_id?;
            self.contact(id)?.url_key.as_deref()
        })
    }

    pub fn contact(&self, id: ContactId) -> Option<&Contact> {
        self.position_of(id).map(|i| &self.contacts[i])
    }

    pub fn contact_mut(&mut self, id: ContactId) -> Option<&mut Contact> {
        self.position_of(id).map(|i| &mut self.contacts[i])
    }

    /// Position of a contact in `contacts`.
    pub fn position_of(&self, id: ContactId) -> Option<usize> {
        self.contacts.binary_search_by_key(&id, |c| c.id).ok()
    }

    /// Every tag with the number of contacts carrying it.
    pub fn tag_counts(&self) -> BTreeMap<String, usize> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for c in &self.contacts {
            for t in &c.tags {
                *counts.entry(t.as_str()).or_insert(0) += 1;
            }
        }
        (counts.into_iter())
            .map(|(tag, n)| (tag.to_string(), n))
            .collect()
    }

    /// Every tag some contact has, in name order (without counting: [`Network::tag_counts`]
    /// counts them).
    pub fn tags(&self) -> Vec<&str> {
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for c in &self.contacts {
            seen.extend(c.tags.iter().map(String::as_str));
        }
        let mut tags: Vec<&str> = seen.into_iter().collect();
        tags.sort_unstable();
        tags
    }

    /// Its tags as segments, in name order.
    pub fn tag_segments(&self) -> impl Iterator<Item = Segment> {
        self.tag_counts().into_keys().map(|t| Segment::of_tag(&t))
    }

    /// Invitations of one contact (either direction).
    pub fn invitations_of(&self, id: ContactId) -> impl Iterator<Item = &Invitation> {
        self.invitations
            .iter()
            .filter(move |i| i.contact_id == Some(id))
    }

    /// The stale invitations (outgoing, pending after `days` days, as of the network's
    /// date): what a withdrawal of the stale ones marks.
    pub fn stale_invitations(&self, days: i64) -> impl Iterator<Item = &Invitation> {
        self.invitations
            .iter()
            .filter(move |i| i.is_stale(self.as_of, days))
    }

    /// The inferred acceptance rate of outgoing invitations sent within `days` (all when
    /// `None`), with how many were sent; `None` when none were. Gone ones (withdrawn)
    /// are left out, as the pillar projection leaves out those planned for withdrawal.
    pub fn acceptance_rate(&self, days: Option<i64>) -> Option<(f64, usize)> {
        let sent: Vec<&Invitation> = self
            .invitations
            .iter()
            .filter(|i| i.direction == Direction::Outgoing && i.status != InvitationStatus::Gone)
            .filter(|i| days.is_none_or(|d| i.age_days(self.as_of) <= d))
            .collect();
        let accepted = sent
            .iter()
            .filter(|i| i.status == InvitationStatus::Accepted)
            .count();
        (!sent.is_empty()).then(|| (accepted as f64 / sent.len() as f64, sent.len()))
    }

    pub fn stats(&self) -> Stats {
        let in_network = || self.contacts.iter().filter(|c| c.in_network());
        let mut decisions = BTreeMap::new();
        for d in Decision::ALL {
            decisions.insert(d.as_str(), 0);
        }
        for c in in_network() {
            *decisions.entry(c.decision.as_str()).or_insert(0) += 1;
        }
        let outgoing = || {
            self.invitations
                .iter()
                .filter(|i| i.direction == Direction::Outgoing)
        };
        let pruned_gone = self
            .contacts
            .iter()
            .filter(|c| c.standing() == Standing::RemovalDone)
            .count();
        Stats {
            connections: in_network().count(),
            hidden: in_network().filter(|c| c.is_hidden()).count(),
            gone: self.contacts.iter().filter(|c| c.is_gone()).count(),
            other_contacts: self.contacts.iter().filter(|c| !c.is_connection).count(),
            invitations: InvitationStats {
                outgoing: outgoing().count(),
                incoming: self
                    .invitations
                    .iter()
                    .filter(|i| i.direction == Direction::Incoming)
                    .count(),
                outgoing_accepted: outgoing()
                    .filter(|i| i.status == InvitationStatus::Accepted)
                    .count(),
                outgoing_pending: outgoing()
                    .filter(|i| i.status == InvitationStatus::Pending)
                    .count(),
                outgoing_gone: outgoing()
                    .filter(|i| i.status == InvitationStatus::Gone)
                    .count(),
                outgoing_withdraw_planned: outgoing().filter(|i| i.in_withdrawal_plan()).count(),
            },
            decisions,
            removal_plan_done: pruned_gone,
            flags: Flags::NAMES
                .iter()
                .map(|&(name, bit)| {
                    let n = self.contacts.iter().filter(|c| c.flags.has(bit)).count();
                    (name, n)
                })
                .collect(),
            tags: self.tag_counts(),
        }
    }
}

/// A segment of the network: a tag (`#tag`) or a saved filter, with the query that finds
/// its contacts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    pub name: String,
    pub query: String,
}

impl Segment {
    /// The segment of the contacts tagged `tag`.
    pub fn of_tag(tag: &str) -> Segment {
        Segment {
            name: format!("#{tag}"),
            query: format!("tag:\"{tag}\""),
        }
    }
}

/// What the segments view and `segments` show of a segment's contacts.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Figures {
    pub count: usize,
    /// The mean score of those scored (0 when none is).
    pub mean_score: f64,
    /// Percent of them that are VP or above.
    pub vp_share: f64,
}

impl Figures {
    pub fn of<'c>(contacts: impl IntoIterator<Item = &'c Contact>) -> Figures {
        let (mut count, mut scored, mut score_sum, mut vp) = (0, 0, 0.0, 0);
        for c in contacts {
            count += 1;
            if let Some(score) = c.score {
                scored += 1;
                score_sum += f64::from(score);
            }
            vp += usize::from(c.seniority.is_vp_plus());
        }
        Figures {
            count,
            mean_score: score_sum / scored.max(1) as f64,
            vp_share: 100.0 * vp as f64 / count.max(1) as f64,
        }
    }
}

/// The counts of `stats --json` (README, "The command line").
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    pub connections: usize,
    pub hidden: usize,
    pub gone: usize,
    pub other_contacts: usize,
    pub invitations: InvitationStats,
    pub decisions: BTreeMap<&'static str, usize>,
    /// Contacts planned for pruning that a newer export shows gone: done.
    pub removal_plan_done: usize,
    /// How many contacts carry each flag (every flag named, in [`Flags::NAMES`]' order
    /// when printed).
    pub flags: BTreeMap<&'static str, usize>,
    pub tags: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct InvitationStats {
    pub outgoing: usize,
    pub incoming: usize,
    pub outgoing_accepted: usize,
    pub outgoing_pending: usize,
    /// Gone from a later export: withdrawn (or expired).
    pub outgoing_gone: usize,
    /// Pending and marked for withdrawal.
    pub outgoing_withdraw_planned: usize,
}
