//! The domain vocabulary: contacts, invitations, decisions, seniority tiers and
//! business functions. Plain data with small, obvious methods.
//!
//! Owns: the types every other module speaks in, and their text names (the same names
//! the CLI, the query language and the CSV exports use).
//! Must not: read files, touch the database or know about terminals.

use crate::text::push_folded;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Database id of a contact.
pub type ContactId = i64;
/// Database id of an invitation.
pub type InvitationId = i64;

/// What the user decided to do with a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    #[default]
    Undecided,
    Keep,
    Prune,
    Protect,
}

impl Decision {
    pub const ALL: [Decision; 4] = [
        Decision::Undecided,
        Decision::Keep,
        Decision::Prune,
        Decision::Protect,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Undecided => "undecided",
            Decision::Keep => "keep",
            Decision::Prune => "prune",
            Decision::Protect => "protect",
        }
    }

    pub fn parse(s: &str) -> Option<Decision> {
        match s.trim().to_ascii_lowercase().as_str() {
            "undecided" | "reset" | "" => Some(Decision::Undecided),
            "keep" => Some(Decision::Keep),
            "prune" => Some(Decision::Prune),
            "protect" => Some(Decision::Protect),
            _ => None,
        }
    }

    /// Stable small integer used in the database.
    pub fn code(self) -> i64 {
        match self {
            Decision::Undecided => 0,
            Decision::Keep => 1,
            Decision::Prune => 2,
            Decision::Protect => 3,
        }
    }

    pub fn from_code(code: i64) -> Decision {
        match code {
            1 => Decision::Keep,
            2 => Decision::Prune,
            3 => Decision::Protect,
            _ => Decision::Undecided,
        }
    }
}

/// Seniority tier inferred from a self-typed title (DESIGN.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Seniority {
    Owner,
    Partner,
    Cxo,
    Vp,
    Director,
    Manager,
    Senior,
    Entry,
    Training,
    Support,
    #[default]
    Unknown,
}

impl Seniority {
    pub const ALL: [Seniority; 11] = [
        Seniority::Owner,
        Seniority::Partner,
        Seniority::Cxo,
        Seniority::Vp,
        Seniority::Director,
        Seniority::Manager,
        Seniority::Senior,
        Seniority::Entry,
        Seniority::Training,
        Seniority::Support,
        Seniority::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Seniority::Owner => "owner",
            Seniority::Partner => "partner",
            Seniority::Cxo => "cxo",
            Seniority::Vp => "vp",
            Seniority::Director => "director",
            Seniority::Manager => "manager",
            Seniority::Senior => "senior",
            Seniority::Entry => "entry",
            Seniority::Training => "training",
            Seniority::Support => "support",
            Seniority::Unknown => "unknown",
        }
    }

    /// A tier by name, in any case; the stored form without allocating.
    pub fn parse(s: &str) -> Option<Seniority> {
        let named = |s: &str| Seniority::ALL.into_iter().find(|t| t.as_str() == s);
        named(s).or_else(|| named(&s.trim().to_ascii_lowercase()))
    }

    /// Position in the ordered ladder (training = 0 … owner = 8); `support` and
    /// `unknown` stand outside the order.
    pub fn rank(self) -> Option<u8> {
        match self {
            Seniority::Training => Some(0),
            Seniority::Entry => Some(1),
            Seniority::Senior => Some(2),
            Seniority::Manager => Some(3),
            Seniority::Director => Some(4),
            Seniority::Vp => Some(5),
            Seniority::Cxo => Some(6),
            Seniority::Partner => Some(7),
            Seniority::Owner => Some(8),
            Seniority::Support | Seniority::Unknown => None,
        }
    }

    /// LinkedIn's own "VP+ connections": owner/founder, partner, CxO, VP.
    pub fn is_vp_plus(self) -> bool {
        self.rank().is_some_and(|r| r >= 5)
    }

    /// VP+ or director.
    pub fn is_decision_maker(self) -> bool {
        self.rank().is_some_and(|r| r >= 4)
    }
}

/// Business function inferred from a title: the second axis users segment by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Function {
    Engineering,
    Product,
    Design,
    Data,
    Sales,
    Marketing,
    CustomerSuccess,
    Hr,
    Finance,
    Operations,
    Legal,
    Education,
    Management,
    #[default]
    Other,
}

impl Function {
    pub const ALL: [Function; 14] = [
        Function::Engineering,
        Function::Product,
        Function::Design,
        Function::Data,
        Function::Sales,
        Function::Marketing,
        Function::CustomerSuccess,
        Function::Hr,
        Function::Finance,
        Function::Operations,
        Function::Legal,
        Function::Education,
        Function::Management,
        Function::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Function::Engineering => "engineering",
            Function::Product => "product",
            Function::Design => "design",
            Function::Data => "data",
            Function::Sales => "sales",
            Function::Marketing => "marketing",
            Function::CustomerSuccess => "customer-success",
            Function::Hr => "hr",
            Function::Finance => "finance",
            Function::Operations => "operations",
            Function::Legal => "legal",
            Function::Education => "education",
            Function::Management => "management",
            Function::Other => "other",
        }
    }

    /// A function by name or alias, in any case, with spaces or underscores for dashes;
    /// the stored form without allocating.
    pub fn parse(s: &str) -> Option<Function> {
        if let Some(f) = Function::ALL.into_iter().find(|f| f.as_str() == s) {
            return Some(f);
        }
        let s = s.trim().to_ascii_lowercase().replace([' ', '_'], "-");
        let alias = match s.as_str() {
            "recruiting" | "hr-recruiting" | "talent" => "hr",
            "cs" | "success" => "customer-success",
            "founder" | "general-management" | "founder-general-management" => "management",
            "ops" => "operations",
            other => other,
        };
        Function::ALL.into_iter().find(|f| f.as_str() == alias)
    }
}

/// Where a contact stands with the user's plan: its decision while it is in the network;
/// once a newer export shows it gone, gone — or, for a planned removal, done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Decided(Decision),
    Gone,
    RemovalDone,
}

/// Quality and relationship flags shown beside a score, as a bit set (in JSON, the list
/// of their names: `["warm", "job-change"]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags(pub u32);

impl Serialize for Flags {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.names())
    }
}

impl Flags {
    pub const HIDDEN: u32 = 1;
    pub const NO_TITLE: u32 = 1 << 1;
    pub const DUPLICATE: u32 = 1 << 2;
    pub const OPEN_TO_WORK: u32 = 1 << 3;
    pub const STUDENT: u32 = 1 << 4;
    pub const WARM: u32 = 1 << 5;
    pub const MESSAGED: u32 = 1 << 6;
    pub const GONE: u32 = 1 << 7;
    pub const JOB_CHANGE: u32 = 1 << 8;
    pub const EXCLUDED: u32 = 1 << 9;
    /// A connection at one of the profile's `my_companies` (an internal connection).
    pub const COLLEAGUE: u32 = 1 << 10;
    /// The last message with the contact was theirs ([`Contact::wrote_last`]): one the
    /// owner may owe an answer.
    pub const UNANSWERED: u32 = 1 << 11;

    /// Query-language names of the flags, in display order.
    pub const NAMES: [(&'static str, u32); 12] = [
        ("hidden", Flags::HIDDEN),
        ("no-title", Flags::NO_TITLE),
        ("duplicate", Flags::DUPLICATE),
        ("open-to-work", Flags::OPEN_TO_WORK),
        ("student", Flags::STUDENT),
        ("warm", Flags::WARM),
        ("messaged", Flags::MESSAGED),
        ("unanswered", Flags::UNANSWERED),
        ("gone", Flags::GONE),
        ("job-change", Flags::JOB_CHANGE),
        ("excluded", Flags::EXCLUDED),
        ("colleague", Flags::COLLEAGUE),
    ];

    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    pub fn set(&mut self, bit: u32, on: bool) {
        if on {
            self.0 |= bit;
        } else {
            self.0 &= !bit;
        }
    }

    pub fn bit_for(name: &str) -> Option<u32> {
        let name = name.trim().to_ascii_lowercase();
        Flags::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, bit)| *bit)
    }

    pub fn names(self) -> Vec<&'static str> {
        Flags::NAMES
            .iter()
            .filter(|(_, bit)| self.has(*bit))
            .map(|(n, _)| *n)
            .collect()
    }
}

/// Parts of a contact, as a bit set: what a test of contacts reads, so that a reader of
/// many contacts can decode those parts first and the rest only for the ones it keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ContactParts(pub u16);

impl ContactParts {
    /// First and last name.
    pub const NAME: u16 = 1;
    /// The URL and its key.
    pub const URL: u16 = 1 << 1;
    pub const COMPANY: u16 = 1 << 2;
    pub const TITLE: u16 = 1 << 3;
    pub const TAGS: u16 = 1 << 4;
    pub const DECISION: u16 = 1 << 5;
    /// What scoring stores: score, seniority, function.
    pub const SCORED: u16 = 1 << 6;
    pub const CONNECTED_ON: u16 = 1 << 7;
    /// The flags, with what the day-dependent ones are derived from (message dates).
    pub const FLAGS: u16 = 1 << 8;
    /// Everything else (email, enrichment, previous job, connection or not).
    pub const REST: u16 = 1 << 9;
    pub const ALL: ContactParts = ContactParts(u16::MAX);

    pub fn has(self, part: u16) -> bool {
        self.0 & part != 0
    }

    pub fn add(&mut self, part: u16) {
        self.0 |= part;
    }
}

/// Items as a comma-separated list, or "none": how tags and flags read to a user.
pub fn joined_or_none<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        return "none".to_string();
    }
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    items.join(", ")
}

/// A contact's text: inline when short (most names, companies and titles), so that a
/// network of 100k contacts allocates a third as often.
pub type Text = compact_str::CompactString;

/// One person in the network (a connection, or a contact from another CSV).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Contact {
    pub id: ContactId,
    pub first_name: Text,
    pub last_name: Text,
    /// The profile URL as it appeared in the export (may be empty).
    pub url: Text,
    /// The normalised identity (`linkedin.com/in/<slug>`), when there is a URL.
    pub url_key: Option<Text>,
    pub email: Text,
    pub company: Text,
    pub position: Text,
    pub connected_on: Option<NaiveDate>,
    /// The day an import recorded a job change (a new company or position); with the
    /// flags.
    pub job_changed_on: Option<NaiveDate>,
    /// The day an import found the connection gone (a newer full export left it out:
    /// removed, by the user or by them, or the account closed); with the flags.
    pub gone_on: Option<NaiveDate>,
    /// The day an import added the contact to the connections (a new connection); none
    /// for a contact from another CSV, or a connection stored before netcurate kept it.
    pub added_on: Option<NaiveDate>,
    /// A connection (from Connections.csv) rather than a contact from another CSV.
    pub is_connection: bool,
    pub industry: Text,
    pub location: Text,
    pub decision: Decision,
    pub tags: Vec<String>,
    pub score: Option<u8>,
    pub seniority: Seniority,
    pub function: Function,
    pub flags: Flags,
    pub last_message_at: Option<NaiveDateTime>,
    pub last_inbound_at: Option<NaiveDateTime>,
    pub last_outbound_at: Option<NaiveDateTime>,
    pub message_count: u32,
    pub previous_company: Text,
    pub previous_position: Text,
}

impl Contact {
    pub fn full_name(&self) -> String {
        match (self.first_name.is_empty(), self.last_name.is_empty()) {
            (false, false) => format!("{} {}", self.first_name, self.last_name),
            (false, true) => self.first_name.to_string(),
            (true, false) => self.last_name.to_string(),
            (true, true) => String::new(),
        }
    }

    /// What the contact was before a recorded job change: "position · company", or the
    /// one of the two known ('' when neither is).
    pub fn previous_job(&self) -> String {
        match (
            self.previous_position.is_empty(),
            self.previous_company.is_empty(),
        ) {
            (false, false) => format!("{} · {}", self.previous_position, self.previous_company),
            (true, _) => self.previous_company.to_string(),
            (false, true) => self.previous_position.to_string(),
        }
    }

    /// `full_name()` case-folded into `out` (cleared first), without allocating when `out`
    /// has room: for lookups that run over every contact.
    pub fn folded_name_into(&self, out: &mut String) {
        out.clear();
        self.push_folded_name(out);
    }

    /// Appends the full name as filters search it: folded, and spelt out too when it has
    /// umlauts or rings ([`crate::text::push_searched`]: `bjoern` is part of Björn's).
    pub fn push_searched_name(&self, out: &mut String) {
        crate::text::push_searched(out, &[&self.first_name, &self.last_name]);
    }

    /// Appends the case-folded full name (as [`Contact::folded_name_into`] writes it).
    pub fn push_folded_name(&self, out: &mut String) {
        self.push_name_by(out, push_folded);
    }

    /// Appends the full name folded with its umlauts and rings spelt out (`juergen
    /// mueller` for Jürgen Müller) when it has such letters ([`crate::text::spelt_out`]);
    /// whether it did.
    pub fn push_spelt_out_name(&self, out: &mut String) -> bool {
        let has = crate::text::has_other_spelling;
        if !has(&self.first_name) && !has(&self.last_name) {
            return false;
        }
        self.push_name_by(out, |out, part| {
            out.extend(part.chars().flat_map(crate::text::spelt_out_char))
        });
        true
    }

    /// Appends the first and last name, each by `push`, a space between them.
    fn push_name_by(&self, out: &mut String, push: impl Fn(&mut String, &str)) {
        push(out, &self.first_name);
        if !self.first_name.is_empty() && !self.last_name.is_empty() {
            out.push(' ');
        }
        push(out, &self.last_name);
    }

    /// Sets the flags that depend on the day (`warm`: a two-way conversation within
    /// [`WARM_DAYS`](crate::network::WARM_DAYS) of `as_of`) and on messages (`messaged`,
    /// `unanswered`).
    pub fn derive_flags(&mut self, as_of: NaiveDate) {
        let warm = [self.last_inbound_at, self.last_outbound_at]
            .iter()
            .all(|t| t.is_some_and(|t| (as_of - t.date()).num_days() <= crate::network::WARM_DAYS));
        self.flags.set(Flags::WARM, warm);
        self.flags.set(Flags::MESSAGED, self.message_count > 0);
        self.flags
            .set(Flags::UNANSWERED, self.wrote_last() == Some(true));
    }

    /// Whether the last message between the owner and this contact was the contact's
    /// (one the owner may owe an answer), rather than the owner's; `None` without messages.
    pub fn wrote_last(&self) -> Option<bool> {
        self.last_message_at?;
        Some(self.last_inbound_at > self.last_outbound_at)
    }

    /// Everything empty but the connection date: a closed or restricted account.
    pub fn is_hidden(&self) -> bool {
        self.flags.has(Flags::HIDDEN)
    }

    pub fn is_gone(&self) -> bool {
        self.flags.has(Flags::GONE)
    }

    /// Where the contact stands with the user's plan, as lists show it.
    pub fn standing(&self) -> Standing {
        match (self.decision, self.is_gone()) {
            (Decision::Prune, true) => Standing::RemovalDone,
            (_, true) => Standing::Gone,
            (decision, false) => Standing::Decided(decision),
        }
    }

    /// A connection still in the network (hidden ones included, gone ones not).
    pub fn in_network(&self) -> bool {
        self.is_connection && !self.is_gone()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Incoming,
    Outgoing,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Incoming => "incoming",
            Direction::Outgoing => "outgoing",
        }
    }

    /// The direction [`Direction::as_str`] wrote (anything else is incoming).
    pub fn from_stored(text: Option<&str>) -> Direction {
        match text {
            Some("outgoing") => Direction::Outgoing,
            _ => Direction::Incoming,
        }
    }

    /// Of an invitation in this direction between `from` and `to` (each a URL key and a
    /// name): the person on the other side of the owner, the invitee of an outgoing one
    /// and the inviter of an incoming one.
    pub fn other_side<'a>(
        self,
        from: (Option<&'a str>, &'a str),
        to: (Option<&'a str>, &'a str),
    ) -> (Option<&'a str>, &'a str) {
        match self {
            Direction::Outgoing => to,
            Direction::Incoming => from,
        }
    }

    /// Of an invitation in this direction between `from` and `to`: the owner's side, the
    /// inviter of an outgoing one and the invitee of an incoming one.
    pub fn own_side<'a>(
        self,
        from: (Option<&'a str>, &'a str),
        to: (Option<&'a str>, &'a str),
    ) -> (Option<&'a str>, &'a str) {
        self.other_side(to, from)
    }
}

/// The inferred state of an invitation (the export does not say it; see DESIGN.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InvitationStatus {
    /// The other side is (or was) a connection.
    Accepted,
    /// Not (yet) a connection: pending, or ignored (the export does not tell).
    Pending,
    /// Not a connection, and gone from a later Invitations.csv that covers the day it was
    /// sent: withdrawn (an outgoing one), expired or declined.
    Gone,
}

impl InvitationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationStatus::Accepted => "accepted",
            InvitationStatus::Pending => "pending",
            InvitationStatus::Gone => "gone",
        }
    }
}

/// One row of Invitations.csv.
#[derive(Debug, Clone, Serialize)]
pub struct Invitation {
    pub id: InvitationId,
    pub direction: Direction,
    pub from_name: String,
    pub to_name: String,
    pub sent_at: NaiveDateTime,
    pub message: String,
    pub inviter_url: Option<String>,
    pub invitee_url: Option<String>,
    /// Marked by the user for withdrawal (outgoing pending only).
    pub withdraw_planned: bool,
    /// When an import found it gone from a newer Invitations.csv (see
    /// [`InvitationStatus::Gone`]).
    pub gone_at: Option<NaiveDateTime>,
    /// Filled when the network is loaded.
    pub status: InvitationStatus,
    /// The contact on the other side, when known.
    pub contact_id: Option<ContactId>,
}

impl Invitation {
    /// Age in whole days on `today`.
    pub fn age_days(&self, today: NaiveDate) -> i64 {
        (today - self.sent_at.date()).num_days()
    }

    /// An invitation the owner sent that is neither accepted nor gone: one they may
    /// withdraw.
    pub fn is_pending_outgoing(&self) -> bool {
        self.direction == Direction::Outgoing && self.status == InvitationStatus::Pending
    }

    /// A pending outgoing invitation marked for withdrawal: a row of the withdrawal plan.
    pub fn in_withdrawal_plan(&self) -> bool {
        self.is_pending_outgoing() && self.withdraw_planned
    }

    /// An outgoing invitation still pending after `days` days.
    pub fn is_stale(&self, today: NaiveDate, days: i64) -> bool {
        self.is_pending_outgoing() && self.age_days(today) > days
    }

    /// The URL key and name of the person on the other side ([`Direction::other_side`]).
    pub fn other_side(&self) -> (Option<&str>, &str) {
        self.direction.other_side(
            (self.inviter_url.as_deref(), &self.from_name),
            (self.invitee_url.as_deref(), &self.to_name),
        )
    }

    /// The URL of the person on the other side.
    pub fn other_url(&self) -> Option<&str> {
        self.other_side().0
    }

    /// The name of the person on the other side.
    pub fn other_name(&self) -> &str {
        self.other_side().1
    }

    /// What a find looks in: the name of the person on the other side and the message,
    /// folded ([`crate::text::folded`]) and apart, so that a find never spans both. A
    /// find's text, folded, is [`str::contains`]ed in it.
    pub fn find_hay(&self) -> String {
        use crate::text::folded;
        format!("{}\n{}", folded(self.other_name()), folded(&self.message))
    }
}

/// A find of invitations as typed (`/` in their view, `--find`): its text, or either of
/// its values joined by `|` (`varga|meetup`), as a filter's term reads them; folded.
#[derive(Debug, Clone, PartialEq)]
pub struct InvitationFind {
    texts: Vec<String>,
}

impl InvitationFind {
    /// `None` for a text that finds nothing in particular (empty, spaces, `|` alone).
    pub fn new(typed: &str) -> Option<InvitationFind> {
        let texts: Vec<String> = crate::text::alternatives(typed)
            .map(|text| crate::text::folded(&text))
            .collect();
        (!texts.is_empty()).then_some(InvitationFind { texts })
    }

    /// Whether an invitation's [`Invitation::find_hay`] holds one of its texts.
    pub fn finds(&self, hay: &str) -> bool {
        self.texts.iter().any(|text| hay.contains(text.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::joined_or_none;

    /// A find of invitations finds its text folded, or either of its values joined by
    /// `|`; a text of nothing to find is none.
    #[test]
    fn an_invitation_find_finds_either_of_its_texts() {
        use super::InvitationFind;
        use crate::text::folded;
        // As Invitation::find_hay makes it.
        let hay = format!(
            "{}\n{}",
            folded("Søren Varga"),
            folded("Met you at the Platform Meetup")
        );
        let finds = |typed: &str| InvitationFind::new(typed).is_some_and(|f| f.finds(&hay));
        assert!(finds(" SØREN "));
        assert!(finds("soren"), "spelt as folded");
        assert!(finds("kim|meetup"));
        assert!(finds("kim | Varga|"));
        assert!(!finds("kim|zoe"));
        for nothing in ["", "  ", "|", " | "] {
            assert_eq!(InvitationFind::new(nothing), None, "{nothing:?}");
        }
    }

    #[test]
    fn a_list_reads_as_its_items_or_none() {
        assert_eq!(joined_or_none::<&str>(&[]), "none");
        assert_eq!(joined_or_none(&["warm", "gone"]), "warm, gone");
        assert_eq!(joined_or_none(&["eu-leads".to_string()]), "eu-leads");
    }
}

/// The owner's employers, from their Positions.csv: where connections are colleagues.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Employers {
    /// Companies of the positions held now (no end date), in the file's order.
    pub current: Vec<String>,
    /// Companies of earlier positions only.
    pub past: Vec<String>,
}
