//! Invertible operations: every change the user makes to tags, decisions, withdrawal
//! marks, SSI readings, saved filters and their settings (the audience profile, the
//! pillar assumptions), and the renaming of a tag or a saved filter, is one `Op`, which
//! knows its exact inverse. The store logs them for undo/redo
//! (shared by the TUI and the CLI); the TUI applies them to its in-memory network too.
//!
//! Must not: decide what to change (callers build ops with the `plan_*` functions) or
//! touch the database.

use crate::error::{Error, Result};
use crate::model::{ContactId, Decision, Flags, InvitationId};
use crate::network::{Network, Segment};
use crate::pillars::SsiReading;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Op {
    /// Adds (or removes) `tag` on exactly `ids` (those whose state changes).
    Tag {
        tag: String,
        add: bool,
        ids: Vec<ContactId>,
    },
    /// Sets decisions; `before[i]` is what `ids[i]` had.
    Decide {
        ids: Vec<ContactId>,
        before: Vec<i64>,
        after: i64,
    },
    /// Marks (or unmarks) invitations for withdrawal; only ids whose mark changes.
    Withdraw { ids: Vec<InvitationId>, mark: bool },
    /// Records (or takes back) the SSI reading stored as row `id`.
    Reading {
        id: i64,
        reading: SsiReading,
        add: bool,
    },
    /// Replaces a text the user keeps by name (`None`: there is none). A new audience
    /// profile rescores every contact.
    Replace {
        what: Named,
        before: Option<String>,
        after: Option<String>,
    },
    /// Renames a tag or a saved filter, `from` to `to`, as one step made of the ops that
    /// do it (`parts`: the old name taken off, then the new one put on), done in order and
    /// undone in reverse.
    Rename {
        from: String,
        to: String,
        parts: Vec<Op>,
    },
}

/// A text the user keeps by name: one of their settings ([`SETTINGS`]) or a saved filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "kebab-case")]
pub enum Named {
    Setting(String),
    SavedFilter(String),
}

impl Named {
    pub fn profile() -> Named {
        Named::Setting(PROFILE.to_string())
    }

    pub fn assumptions() -> Named {
        Named::Setting(ASSUMPTIONS.to_string())
    }

    /// What changing it changes, in words.
    fn describe(&self, before: bool, after: bool) -> String {
        match self {
            Named::Setting(key) => {
                let what = (SETTINGS.iter())
                    .find(|(k, _)| k == key)
                    .map_or(key.as_str(), |(_, what)| what);
                let done = if after { "changed" } else { "removed" };
                format!("{done} {what}")
            }
            Named::SavedFilter(name) => {
                let done = match (before, after) {
                    (false, _) => "saved",
                    (true, true) => "changed",
                    (true, false) => "deleted",
                };
                format!("{done} segment '{name}'")
            }
        }
    }
}

/// The audience profile's setting: its TOML text.
pub const PROFILE: &str = "profile";
/// The pillar projection's assumptions' setting (JSON).
pub const ASSUMPTIONS: &str = "assumptions";
/// The settings whose changes are steps, with what they are called.
pub const SETTINGS: [(&str, &str); 2] = [
    (PROFILE, "the audience profile"),
    (ASSUMPTIONS, "the pillar assumptions"),
];

impl Op {
    /// The operation that undoes this one exactly.
    pub fn inverse(&self) -> Vec<Op> {
        match self {
            Op::Tag { tag, add, ids } => vec![Op::Tag {
                tag: tag.clone(),
                add: !add,
                ids: ids.clone(),
            }],
            Op::Decide { ids, before, after } => {
                // Group by previous decision so each inverse is a plain "set to d".
                Decision::ALL
                    .iter()
                    .filter_map(|d| {
                        let group: Vec<ContactId> = ids
                            .iter()
                            .zip(before)
                            .filter(|(_, b)| **b == d.code())
                            .map(|(id, _)| *id)
                            .collect();
                        (!group.is_empty()).then(|| Op::Decide {
                            before: vec![*after; group.len()],
                            ids: group,
                            after: d.code(),
                        })
                    })
                    .collect()
            }
            Op::Withdraw { ids, mark } => vec![Op::Withdraw {
                ids: ids.clone(),
                mark: !mark,
            }],
            Op::Reading { id, reading, add } => vec![Op::Reading {
                id: *id,
                reading: *reading,
                add: !add,
            }],
            Op::Replace {
                what,
                before,
                after,
            } => vec![Op::Replace {
                what: what.clone(),
                before: after.clone(),
                after: before.clone(),
            }],
            Op::Rename { parts, .. } => parts.iter().rev().flat_map(Op::inverse).collect(),
        }
    }

    /// How many things it changes (a profile is one).
    pub fn len(&self) -> usize {
        match self {
            Op::Tag { ids, .. } | Op::Decide { ids, .. } | Op::Withdraw { ids, .. } => ids.len(),
            Op::Reading { .. } => 1,
            Op::Replace { before, after, .. } => usize::from(before != after),
            // What had the old name: the contacts a tag is renamed on, or one filter.
            Op::Rename { parts, .. } => parts.first().map_or(0, Op::len),
        }
    }

    /// It changes what a network held in memory does not hold (SSI readings, settings,
    /// saved filters, the scores a new profile gives: see [`Op::apply_to`]): what is shown
    /// is read again.
    pub fn needs_reload(&self) -> bool {
        match self {
            Op::Reading { .. } | Op::Replace { .. } => true,
            Op::Rename { parts, .. } => parts.iter().any(Op::needs_reload),
            Op::Tag { .. } | Op::Decide { .. } | Op::Withdraw { .. } => false,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// One line for the status bar and the CLI.
    pub fn describe(&self) -> String {
        let n = self.len();
        let s = if n == 1 { "" } else { "s" };
        match self {
            Op::Tag { tag, add: true, .. } => format!("tagged {n} contact{s} '{tag}'"),
            Op::Tag {
                tag, add: false, ..
            } => format!("removed tag '{tag}' from {n} contact{s}"),
            Op::Decide { after, .. } => {
                format!(
                    "set {n} contact{s} to {}",
                    Decision::from_code(*after).as_str()
                )
            }
            Op::Withdraw { mark: true, .. } => format!("marked {n} invitation{s} for withdrawal"),
            Op::Withdraw { mark: false, .. } => {
                format!("unmarked {n} invitation{s} for withdrawal")
            }
            Op::Reading { reading, add, .. } => format!(
                "{} the SSI reading of {} (SSI {})",
                if *add { "recorded" } else { "removed" },
                reading.date,
                reading.total
            ),
            Op::Replace {
                what,
                before,
                after,
            } => what.describe(before.is_some(), after.is_some()),
            Op::Rename { from, to, parts } => match parts.first() {
                Some(Op::Tag { .. }) => {
                    let filters = parts.iter().filter(|p| matches!(p, Op::Replace { .. }));
                    let in_filters = match filters.count() {
                        0 => String::new(),
                        1 => " and in the saved filter naming it".to_string(),
                        f => format!(" and in the {f} saved filters naming it"),
                    };
                    format!("renamed tag '{from}' to '{to}' on {n} contact{s}{in_filters}")
                }
                _ => format!("renamed segment '{from}' to '{to}'"),
            },
        }
    }

    /// Applies the change to an in-memory network (only what it holds: see
    /// [`Op::needs_reload`]).
    pub fn apply_to(&self, network: &mut Network) {
        match self {
            Op::Tag { tag, add, ids } => {
                for id in ids {
                    if let Some(c) = network.contact_mut(*id) {
                        if *add {
                            if !c.tags.contains(tag) {
                                c.tags.push(tag.clone());
                                c.tags.sort();
                            }
                        } else {
                            c.tags.retain(|t| t != tag);
                        }
                    }
                }
            }
            Op::Decide { ids, after, .. } => {
                for id in ids {
                    if let Some(c) = network.contact_mut(*id) {
                        c.decision = Decision::from_code(*after);
                    }
                }
            }
            Op::Withdraw { ids, mark } => {
                // Looked up, not searched: W marks thousands of 20k invitations.
                let ids: std::collections::HashSet<&InvitationId> = ids.iter().collect();
                for inv in (network.invitations.iter_mut()).filter(|i| ids.contains(&i.id)) {
                    inv.withdraw_planned = *mark;
                }
            }
            Op::Rename { parts, .. } => parts.iter().for_each(|part| part.apply_to(network)),
            Op::Reading { .. } | Op::Replace { .. } => {}
        }
    }

    /// Applies the change to saved filters held in memory (a workbench's list), kept in
    /// the order the store lists them: by name.
    pub fn apply_to_saved_filters(&self, saved: &mut Vec<Segment>) {
        match self {
            Op::Replace {
                what: Named::SavedFilter(name),
                after,
                ..
            } => put_saved_filter(saved, name, after.as_deref()),
            Op::Rename { parts, .. } => parts.iter().for_each(|p| p.apply_to_saved_filters(saved)),
            _ => {}
        }
    }
}

/// Puts the saved filter `name` with `query` into `saved` (none: takes it out), keeping
/// them in the order the store lists them: by name.
pub fn put_saved_filter(saved: &mut Vec<Segment>, name: &str, query: Option<&str>) {
    saved.retain(|s| s.name != name);
    if let Some(query) = query {
        let at = saved.partition_point(|s| s.name.as_str() < name);
        let filter = Segment {
            name: name.to_string(),
            query: query.to_string(),
        };
        saved.insert(at, filter);
    }
}

/// Characters a tag cannot hold, and why: exports join a contact's tags with `;`, and the
/// query language quotes values with `"` (`tag:"blue team"`) and joins a term's values
/// with `|` (`tag:vip|board`).
const NOT_IN_TAGS: [(char, &str); 3] = [
    (';', "';' separates tags in exports"),
    ('"', "'\"' quotes values in filters"),
    ('|', "'|' joins a filter term's values (tag:a|b)"),
];

/// `typed` as a tag: trimmed, or why it cannot be one (empty, a control character, `;`
/// which separates tags in exports, `"` which quotes values in filters, or `|` which joins
/// a term's values).
pub fn tag_name(typed: &str) -> Result<&str> {
    let tag = typed.trim();
    let why = if tag.is_empty() {
        Some("a tag needs at least one character".to_string())
    } else if tag.chars().any(char::is_control) {
        Some(format!(
            "tag '{}' holds a control character",
            tag.escape_debug()
        ))
    } else {
        (NOT_IN_TAGS.iter())
            .find(|(c, _)| tag.contains(*c))
            .map(|(_, why)| format!("tag '{tag}': {why}; choose another character"))
    };
    match why {
        Some(why) => Err(Error::Invalid(why)),
        None => Ok(tag),
    }
}

/// Tags (or untags) `targets` with the tag `typed` (see [`tag_name`]), keeping only those
/// whose state changes. A tag contacts have already in another case is spelt as they
/// have it: filters compare tags without case, so `VIP` beside `vip` would be one segment
/// listed twice.
pub fn plan_tag(network: &Network, targets: &[ContactId], typed: &str, add: bool) -> Result<Op> {
    let has = |id: &ContactId, tag: &str| {
        (network.contact(*id)).is_some_and(|c| c.tags.iter().any(|t| t == tag))
    };
    let tag = match tag_name(typed) {
        Ok(tag) => TagSpellings::of(network.tags()).spell(tag),
        // A tag given before these rules held (an empty one) can still be taken off.
        Err(_) if !add && targets.iter().any(|id| has(id, typed.trim())) => {
            typed.trim().to_string()
        }
        Err(e) => return Err(e),
    };
    let ids = targets
        .iter()
        .copied()
        .filter(|id| network.contact(*id).is_some() && has(id, &tag) != add)
        .collect();
    Ok(Op::Tag { tag, add, ids })
}

/// How the tags contacts hold are spelt: a tag given again in another case is spelt as
/// held (filters compare tags without case, so `VIP` beside `vip` would be one segment
/// listed twice).
#[derive(Debug, Default)]
pub struct TagSpellings {
    /// Each held tag.
    held: std::collections::HashSet<String>,
    /// The first held spelling of each tag's letters, lower-cased.
    by_letters: std::collections::HashMap<String, String>,
}

impl TagSpellings {
    /// The spellings of the tags `held`.
    pub fn of<S: AsRef<str>>(held: impl IntoIterator<Item = S>) -> TagSpellings {
        let mut spellings = TagSpellings::default();
        for tag in held {
            let tag = tag.as_ref();
            spellings.held.insert(tag.to_string());
            (spellings.by_letters.entry(tag.to_ascii_lowercase())).or_insert_with(|| tag.into());
        }
        spellings
    }

    /// `tag` itself when held so (a network may hold two spellings from before), else as
    /// held in another case; a tag not held yet is held from now on as given.
    pub fn spell(&mut self, tag: &str) -> String {
        if self.held.contains(tag) {
            return tag.to_string();
        }
        let spelt = (self.by_letters.entry(tag.to_ascii_lowercase()))
            .or_insert_with(|| tag.to_string())
            .clone();
        self.held.insert(spelt.clone());
        spelt
    }
}

/// When `op` adds a tag none of `held` is (in any case) that looks like a typo of one of
/// them: " (did you mean vip?)"; else "". A new tag may be meant: this only says so.
pub fn new_tag_near<S: AsRef<str>>(held: &[S], op: &Op) -> String {
    let Op::Tag { tag, add: true, .. } = op else {
        return String::new();
    };
    let held = held.iter().map(AsRef::as_ref);
    match held.clone().any(|t| t.eq_ignore_ascii_case(tag)) || op.is_empty() {
        true => String::new(),
        false => crate::error::did_you_mean(tag, held),
    }
}

/// The saved filters (of `saved`) that ask for the tag `op` takes off the last contacts
/// of `network` that have it: once `op` is done they find no one. None for any other op.
pub fn filters_emptied_by<'a>(network: &Network, saved: &'a [Segment], op: &Op) -> Vec<&'a str> {
    let Op::Tag {
        tag,
        add: false,
        ids,
    } = op
    else {
        return Vec::new();
    };
    let asking: Vec<&str> = (saved.iter())
        .filter(|f| crate::query::asks_for_tag(&f.query, tag))
        .map(|f| f.name.as_str())
        .collect();
    if asking.is_empty() {
        return asking;
    }
    // Filters compare tags without case: "VIP" kept on anyone still finds them.
    let taken: std::collections::HashSet<ContactId> = ids.iter().copied().collect();
    let kept = |c: &crate::model::Contact, t: &String| {
        t.eq_ignore_ascii_case(tag) && !(t == tag && taken.contains(&c.id))
    };
    match (network.contacts.iter()).any(|c| c.tags.iter().any(|t| kept(c, t))) {
        true => Vec::new(),
        false => asking,
    }
}

/// Renames tag `from` to `typed` (see [`tag_name`]) on every contact that has it, as one
/// step: `from` taken off them all, the new name put on those of them without it, and the
/// saved filters (of `saved`) that name the tag made to name the new one.
pub fn plan_rename_tag(
    network: &Network,
    saved: &[Segment],
    from: &str,
    typed: &str,
) -> Result<Op> {
    let to = tag_name(typed)?;
    // Onto a tag held in another case: that one (but `vip` to `VIP` respells it).
    let to = match to.eq_ignore_ascii_case(from) {
        true => to.to_string(),
        false => TagSpellings::of(network.tags()).spell(to),
    };
    let to = to.as_str();
    let having = |tag: &str| -> Vec<ContactId> {
        (network.contacts.iter())
            .filter(|c| c.tags.iter().any(|t| t == tag))
            .map(|c| c.id)
            .collect()
    };
    let ids = having(from);
    if ids.is_empty() {
        return Err(Error::Invalid(format!("no contact has tag '{from}'")));
    }
    let had_new_name = having(to);
    let added = (ids.iter().copied())
        .filter(|id| !had_new_name.contains(id))
        .collect();
    let mut parts = vec![
        Op::Tag {
            tag: from.to_string(),
            add: false,
            ids,
        },
        Op::Tag {
            tag: to.to_string(),
            add: true,
            ids: added,
        },
    ];
    parts.extend(saved.iter().filter_map(|filter| {
        let query = crate::query::with_tag_renamed(&filter.query, from, to)?;
        Some(Op::Replace {
            what: Named::SavedFilter(filter.name.clone()),
            before: Some(filter.query.clone()),
            after: Some(query),
        })
    }));
    renamed(from, to, parts)
}

/// Renames the saved filter `from`, one of `saved`, to `typed` (trimmed), as one step;
/// refused when another saved filter has that name (renaming would replace it).
pub fn plan_rename_filter(saved: &[Segment], from: &str, typed: &str) -> Result<Op> {
    let to = typed.trim();
    let query = |name: &str| {
        saved
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.query.clone())
    };
    let Some(filter) = query(from) else {
        return Err(Error::Invalid(format!("no saved filter is named '{from}'")));
    };
    if to.is_empty() {
        return Err(Error::Invalid("a segment needs a name".to_string()));
    }
    if to != from && query(to).is_some() {
        return Err(Error::Invalid(format!(
            "a saved filter is named '{to}' already: delete it first, or choose another name"
        )));
    }
    let replace = |name: &str, before: Option<String>, after: Option<String>| Op::Replace {
        what: Named::SavedFilter(name.to_string()),
        before,
        after,
    };
    renamed(
        from,
        to,
        vec![
            replace(from, Some(filter.clone()), None),
            replace(to, None, Some(filter)),
        ],
    )
}

/// The renaming of `from` to `to` made of `parts`; refused when the name is the same.
fn renamed(from: &str, to: &str, parts: Vec<Op>) -> Result<Op> {
    if from == to {
        return Err(Error::Invalid(format!("'{from}' is named so already")));
    }
    Ok(Op::Rename {
        from: from.to_string(),
        to: to.to_string(),
        parts,
    })
}

/// How many of `targets` a prune would mark that are colleagues (flagged by scoring:
/// internal connections, which the Build relationships pillar counts); protected contacts
/// are never pruned, so they are left out.
pub fn colleagues_to_prune(network: &Network, targets: &[ContactId]) -> usize {
    (targets.iter())
        .filter_map(|&id| network.contact(id))
        .filter(|c| c.decision != Decision::Protect && c.flags.has(Flags::COLLEAGUE))
        .count()
}

/// Sets `decision` on `targets`, keeping only those whose decision changes. Protected
/// contacts are never set to prune (the user's explicit prune of a warm contact stands:
/// warm contacts are only never *suggested* for pruning, see `audience::suggest`).
pub fn plan_decide(network: &Network, targets: &[ContactId], decision: Decision) -> Op {
    let mut ids = Vec::new();
    let mut before = Vec::new();
    for id in targets {
        let Some(c) = network.contact(*id) else {
            continue;
        };
        if c.decision == decision {
            continue;
        }
        if decision == Decision::Prune && c.decision == Decision::Protect {
            continue;
        }
        ids.push(*id);
        before.push(c.decision.code());
    }
    Op::Decide {
        ids,
        before,
        after: decision.code(),
    }
}

/// Why marking the `stale` invitations (pending more than `days` days) changes nothing:
/// there is none, or every one is marked already. For the status bar and the CLI.
pub fn stale_marked_already(stale: usize, days: i64) -> String {
    match stale {
        0 => format!("no stale invitation: none pending more than {days} days"),
        1 => "the stale invitation is marked for withdrawal already".to_string(),
        n => format!("the {n} stale invitations are marked for withdrawal already"),
    }
}

/// Marks (or unmarks) invitations for withdrawal; only outgoing pending ones qualify.
pub fn plan_withdraw(network: &Network, targets: &[InvitationId], mark: bool) -> Op {
    let targets: std::collections::HashSet<InvitationId> = targets.iter().copied().collect();
    let ids = network
        .invitations
        .iter()
        .filter(|i| targets.contains(&i.id))
        .filter(|i| i.is_pending_outgoing() && i.withdraw_planned != mark)
        .map(|i| i.id)
        .collect();
    Op::Withdraw { ids, mark }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Contact;

    fn network() -> Network {
        let contacts = [
            Decision::Undecided,
            Decision::Keep,
            Decision::Protect,
            Decision::Prune,
        ]
        .iter()
        .enumerate()
        .map(|(i, d)| Contact {
            id: i as i64 + 1,
            decision: *d,
            tags: if i == 0 { vec!["a".into()] } else { vec![] },
            is_connection: true,
            ..Contact::default()
        })
        .collect();
        Network::new(contacts, vec![], chrono::NaiveDate::default())
    }

    fn decisions(n: &Network) -> Vec<Decision> {
        n.contacts.iter().map(|c| c.decision).collect()
    }

    #[test]
    fn decide_then_inverse_restores_exactly_and_protect_wins() {
        let mut n = network();
        let before = decisions(&n);
        let op = plan_decide(&n, &[1, 2, 3, 4], Decision::Prune);
        assert_eq!(op.len(), 2, "protected and already-pruned are left alone");
        op.apply_to(&mut n);
        assert_eq!(
            decisions(&n),
            vec![
                Decision::Prune,
                Decision::Prune,
                Decision::Protect,
                Decision::Prune
            ]
        );
        for inverse in op.inverse() {
            inverse.apply_to(&mut n);
        }
        assert_eq!(decisions(&n), before);
    }

    /// Colleagues a prune would mark: not a protected one (never pruned), nor anyone
    /// unflagged or not asked for.
    #[test]
    fn colleagues_to_prune_leaves_out_the_protected() {
        let mut n = network();
        for c in &mut n.contacts {
            c.flags.set(Flags::COLLEAGUE, c.id != 2);
        }
        assert_eq!(
            colleagues_to_prune(&n, &[1, 2, 3, 4]),
            2,
            "1 and 4; 3 is protected"
        );
        assert_eq!(colleagues_to_prune(&n, &[2, 3]), 0);
        assert_eq!(colleagues_to_prune(&n, &[]), 0);
    }

    #[test]
    fn tag_ops_touch_only_changed_contacts() {
        let mut n = network();
        let op = plan_tag(&n, &[1, 2], " a ", true).expect("a tag");
        assert_eq!(
            op,
            Op::Tag {
                tag: "a".into(),
                add: true,
                ids: vec![2]
            }
        );
        op.apply_to(&mut n);
        for inverse in op.inverse() {
            inverse.apply_to(&mut n);
        }
        assert_eq!(
            n.tag_counts().get("a"),
            Some(&1),
            "contact 1 keeps the tag it had"
        );
        let json = serde_json::to_string(&op).unwrap();
        assert_eq!(
            serde_json::from_str::<Op>(&json).unwrap(),
            op,
            "the undo log round-trips"
        );
    }

    #[test]
    fn a_tag_is_trimmed_and_never_empty_nor_holds_a_separator() {
        assert_eq!(tag_name("  eu leads ").unwrap(), "eu leads");
        for (typed, why) in [
            ("", "at least one character"),
            ("   ", "at least one character"),
            ("a;b", "';' separates tags in exports"),
            ("say \"hi\"", "quotes values in filters"),
            ("vip|board", "joins a filter term's values"),
            ("tab\there", "control character"),
        ] {
            let err = tag_name(typed).unwrap_err().to_string();
            assert!(err.contains(why), "{typed:?}: {err}");
        }
        assert!(plan_tag(&network(), &[1], ";", true).is_err());
        assert!(plan_tag(&network(), &[1], "", false).is_err());
        // An empty tag from before the rules can be taken off, and only taken off.
        let mut n = network();
        n.contacts[0].tags.push(String::new());
        let id = n.contacts[0].id;
        assert!(plan_tag(&n, &[id], "", true).is_err());
        let op = plan_tag(&n, &[id], " ", false).expect("removable");
        op.apply_to(&mut n);
        assert!(n.contacts[0].tags.iter().all(|t| !t.is_empty()));
    }

    /// A tag typed in another case than contacts have it is theirs, added or taken off:
    /// no second spelling of one tag (filters, and so segments, compare without case).
    #[test]
    fn a_tag_typed_in_another_case_is_spelt_as_contacts_have_it() {
        let n = network();
        let tagged = |op: Op| match op {
            Op::Tag { tag, ids, .. } => (tag, ids),
            other => panic!("{other:?}"),
        };
        let add = plan_tag(&n, &[2, 3], " A ", true).expect("a tag");
        assert_eq!(tagged(add), ("a".to_string(), vec![2, 3]));
        let remove = plan_tag(&n, &[1, 2], "A", false).expect("a tag");
        assert_eq!(tagged(remove), ("a".to_string(), vec![1]));
        let new = plan_tag(&n, &[2], "B", true).expect("a tag");
        assert_eq!(tagged(new), ("B".to_string(), vec![2]));
        // Two spellings held from before: each is itself; a new tag is held as given.
        let mut spellings = TagSpellings::of(["Vip", "vip"]);
        assert_eq!(spellings.spell("vip"), "vip");
        assert_eq!(spellings.spell("Vip"), "Vip");
        assert_eq!(spellings.spell("VIP"), "Vip");
        assert_eq!(spellings.spell("Board"), "Board");
        assert_eq!(spellings.spell("board"), "Board");
    }

    /// Taking a tag off the last contacts that have it (in any case) empties the saved
    /// filters that ask for it, and only then; adding it, or taking it off some, does not.
    #[test]
    fn the_filters_a_tag_removed_empties_are_those_asking_for_it() {
        let mut n = network();
        n.contacts[1].tags = vec!["A".into()];
        let saved = [
            ("the a's", "tag:a seniority:>=vp"),
            ("not a", "-tag:a"),
            ("b", "tag:b"),
        ]
        .map(|(name, query)| Segment {
            name: name.into(),
            query: query.into(),
        });
        let untag = |n: &Network, ids: &[ContactId], tag: &str| {
            plan_tag(n, ids, tag, false).expect("a tag")
        };
        let emptied = |n: &Network, op: &Op| filters_emptied_by(n, &saved, op);
        // Contact 2 still has "A", which tag:a finds.
        assert!(emptied(&n, &untag(&n, &[1], "a")).is_empty());
        assert!(emptied(&n, &untag(&n, &[1, 2], "a")).is_empty());
        let op = untag(&n, &[1], "a");
        op.apply_to(&mut n);
        assert_eq!(emptied(&n, &untag(&n, &[2], "A")), ["the a's"]);
        assert!(emptied(&n, &plan_tag(&n, &[2], "b", true).expect("a tag")).is_empty());
    }

    /// A tag renamed moves to its new name on every contact that had it (one that had
    /// both keeps one), and in the saved filters naming it, as one step whose inverse
    /// gives back exactly the tags and filters before; the undo log round-trips it. A name
    /// taken, the same, or no one tagged is refused.
    /// Renamed onto a tag held in another case, it joins that one.
    #[test]
    fn a_tag_renamed_is_one_step_undone_exactly() {
        let mut n = network();
        n.contacts[1].tags = vec!["a".into(), "b".into()];
        n.contacts[2].tags = vec!["b".into()];
        let before: Vec<Vec<String>> = n.contacts.iter().map(|c| c.tags.clone()).collect();
        let saved_before = vec![
            Segment {
                name: "a vps".into(),
                query: "tag:a seniority:vp".into(),
            },
            Segment {
                name: "others".into(),
                query: "tag:ab".into(),
            },
        ];
        let op = plan_rename_tag(&n, &saved_before, "a", " b ").expect("a rename");
        assert_eq!(
            op.describe(),
            "renamed tag 'a' to 'b' on 2 contacts and in the saved filter naming it"
        );
        let mut saved = saved_before.clone();
        op.apply_to_saved_filters(&mut saved);
        assert_eq!(saved[0].query, "tag:b seniority:vp");
        assert_eq!(saved[1], saved_before[1]);
        for inverse in op.inverse() {
            inverse.apply_to_saved_filters(&mut saved);
        }
        assert_eq!(saved, saved_before);
        let op = plan_rename_tag(&n, &[], "a", " b ").expect("a rename");
        assert_eq!(op.describe(), "renamed tag 'a' to 'b' on 2 contacts");
        op.apply_to(&mut n);
        let tags = |n: &Network| -> Vec<Vec<String>> {
            n.contacts.iter().map(|c| c.tags.clone()).collect()
        };
        let b = vec!["b".to_string()];
        assert_eq!(tags(&n), [b.clone(), b.clone(), b, vec![]]);
        for inverse in op.inverse() {
            inverse.apply_to(&mut n);
        }
        assert_eq!(tags(&n), before);
        let json = serde_json::to_string(&op).unwrap();
        assert_eq!(serde_json::from_str::<Op>(&json).unwrap(), op);
        assert!(!op.needs_reload());
        for (from, to, why) in [
            ("a", "a", "named so already"),
            ("zz", "b", "no contact has tag 'zz'"),
            ("a", "x;y", "separates tags"),
        ] {
            let e = plan_rename_tag(&n, &[], from, to)
                .expect_err(why)
                .to_string();
            assert!(e.contains(why), "{e}");
        }
        // Onto a tag held in another case: that one; in another case of its own: respelt.
        let onto = plan_rename_tag(&n, &[], "a", "B").expect("a rename");
        assert_eq!(onto.describe(), "renamed tag 'a' to 'b' on 2 contacts");
        let respelt = plan_rename_tag(&n, &[], "a", "A").expect("a rename");
        assert_eq!(respelt.describe(), "renamed tag 'a' to 'A' on 2 contacts");
    }

    /// A saved filter renamed keeps its query under the new name, as one step undone in
    /// reverse; a name another saved filter has is refused.
    #[test]
    fn a_saved_filter_renamed_keeps_its_query() {
        let saved = [
            Segment {
                name: "vps".into(),
                query: "seniority:vp".into(),
            },
            Segment {
                name: "eu".into(),
                query: "location:eu".into(),
            },
        ];
        let op = plan_rename_filter(&saved, "vps", " VPs ").expect("a rename");
        assert_eq!(op.describe(), "renamed segment 'vps' to 'VPs'");
        let mut kept = saved.to_vec();
        op.apply_to_saved_filters(&mut kept);
        let names: Vec<&str> = kept.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["VPs", "eu"], "by name, as the store lists them");
        assert_eq!(kept[0].query, "seniority:vp");
        assert!(op.needs_reload());
        let Op::Rename { parts, .. } = &op else {
            panic!("a rename: {op:?}")
        };
        let named = |name: &str| Named::SavedFilter(name.to_string());
        assert_eq!(
            parts,
            &[
                Op::Replace {
                    what: named("vps"),
                    before: Some("seniority:vp".into()),
                    after: None
                },
                Op::Replace {
                    what: named("VPs"),
                    before: None,
                    after: Some("seniority:vp".into())
                },
            ]
        );
        // Undone: the new name goes first, then the old one comes back.
        let undone = op.inverse();
        assert!(
            matches!(&undone[0], Op::Replace { what, after: None, .. } if *what == named("VPs"))
        );
        assert!(
            matches!(&undone[1], Op::Replace { what, after: Some(_), .. } if *what == named("vps"))
        );
        for (from, to, why) in [
            ("vps", "eu", "is named 'eu' already"),
            ("nope", "x", "no saved filter is named 'nope'"),
            ("vps", " ", "needs a name"),
        ] {
            let e = plan_rename_filter(&saved, from, to)
                .expect_err(why)
                .to_string();
            assert!(e.contains(why), "{e}");
        }
    }
}
