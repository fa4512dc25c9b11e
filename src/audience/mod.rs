//! Who is the right audience: profiles, seniority and function classifiers, relevance
//! scores with explanations, quality flags and probable duplicates.
//!
//! Must not: read or write the database or files other than a profile; callers store
//! the results.

pub mod function;
pub mod normalize;
pub mod profile;
pub mod score;
pub mod seniority;

pub use profile::Profile;
pub use score::{Breakdown, Scorer};

use crate::model::{Contact, ContactId, Flags, Function, Seniority};
use std::collections::HashMap;

/// Everything scoring derives for one contact, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub score: Option<u8>,
    pub seniority: Seniority,
    pub function: Function,
    /// The flags scoring owns (no-title, duplicate, open-to-work, student, excluded).
    pub stored_flags: u32,
    pub explanation: String,
}

const OPEN_TO_WORK: [&str; 5] = [
    "open to work",
    "opentowork",
    "seeking new",
    "looking for new",
    "actively looking",
];

/// Scores every contact; without a profile only seniority, function and flags are set.
/// Duplicates are found in one pass, blocked by case-folded name.
pub fn score_all(contacts: &[Contact], profile: Option<&Profile>) -> Vec<(ContactId, Scored)> {
    let mut scorer = profile.map(Scorer::new);
    let duplicates = find_duplicates(contacts);
    let mut tiers: HashMap<&str, (Seniority, Function)> = HashMap::new();
    contacts
        .iter()
        .map(|c| {
            let (seniority, function) = *tiers.entry(c.position.as_str()).or_insert_with(|| {
                (
                    seniority::classify(&c.position).tier,
                    function::classify(&c.position),
                )
            });
            let mut flags = Flags::default();
            flags.set(
                Flags::NO_TITLE,
                !c.is_hidden() && c.position.is_empty() && c.company.is_empty(),
            );
            flags.set(Flags::DUPLICATE, duplicates.contains_key(&c.id));
            let lower = c.position.to_lowercase();
            flags.set(
                Flags::OPEN_TO_WORK,
                OPEN_TO_WORK.iter().any(|w| lower.contains(w)),
            );
            flags.set(Flags::STUDENT, seniority == Seniority::Training);
            let (score, explanation) = match scorer.as_mut() {
                Some(s) if !c.is_hidden() => {
                    let b = s.breakdown(c, seniority);
                    flags.set(Flags::EXCLUDED, b.exclusion.is_some());
                    (Some(b.score), b.one_line())
                }
                Some(_) => (Some(0), "hidden account: nothing to score".to_string()),
                None => (None, String::new()),
            };
            let scored = Scored {
                score,
                seniority,
                function,
                stored_flags: flags.0,
                explanation,
            };
            (c.id, scored)
        })
        .collect()
}

/// Probable duplicates: same case-folded name and a similar (or missing) company (strsim).
/// URLs are not compared: slugs are made from names, so namesakes' slugs look alike.
/// Returns each duplicate contact with the id of one contact it duplicates.
pub fn find_duplicates(contacts: &[Contact]) -> HashMap<ContactId, ContactId> {
    let mut blocks: HashMap<String, Vec<&Contact>> = HashMap::new();
    for c in contacts
        .iter()
        .filter(|c| !c.is_hidden() && !c.first_name.is_empty())
    {
        blocks
            .entry(c.full_name().to_lowercase())
            .or_default()
            .push(c);
    }
    let mut out = HashMap::new();
    for block in blocks.values().filter(|b| b.len() > 1) {
        for (i, a) in block.iter().enumerate() {
            for b in &block[i + 1..] {
                let ca = normalize::company_key(&a.company);
                let cb = normalize::company_key(&b.company);
                let similar_company =
                    ca.is_empty() || cb.is_empty() || strsim::jaro_winkler(&ca, &cb) >= 0.88;
                if similar_company {
                    out.entry(a.id).or_insert(b.id);
                    out.entry(b.id).or_insert(a.id);
                }
            }
        }
    }
    out
}

/// Explains one contact in full (the `explain` command and the TUI's explain pane).
pub fn explain(contact: &Contact, profile: Option<&Profile>) -> Option<Breakdown> {
    let tier = seniority::classify(&contact.position).tier;
    profile.map(|p| Scorer::new(p).breakdown(contact, tier))
}
