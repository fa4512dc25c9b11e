//! Relevance scoring 0–100 against a profile (DESIGN.md §4): each factor yields 0..1 and
//! a reason; the score is the weighted sum over the factors that apply, scaled to 0–100;
//! exclusions cap it low and say why. Distinct normalised titles are scored once.
//!
//! Must not: store anything or classify flags other than exclusion (mod.rs gathers them).

use super::normalize::{company_key, fold, role_part, title_key};
use super::profile::Profile;
use crate::model::{Contact, Function, Seniority};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::{HashMap, HashSet};

/// A score capped by an exclusion is at most this.
pub const EXCLUDED_CAP: f64 = 5.0;
/// Title similarity below this counts as no match.
const TITLE_FLOOR: f64 = 0.5;
/// Partial title credit for the same function and a shared word ("Senior Platform
/// Engineer" against "Head of Platform"): closer than another function, not a match.
const SAME_FUNCTION_CREDIT: f64 = 0.5;
/// Words that say rank, not role; they do not make two titles alike.
const RANK_WORDS: [&str; 14] = [
    "vp", "svp", "evp", "head", "of", "director", "chief", "officer", "senior", "lead", "manager",
    "and", "the", "cto",
];

/// One factor of a score.
#[derive(Debug, Clone, PartialEq)]
pub struct Factor {
    pub name: &'static str,
    pub value: f64,
    pub weight: f64,
    pub reason: String,
}

/// A score with everything needed to explain it.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub factors: Vec<Factor>,
    pub exclusion: Option<String>,
    pub score: u8,
}

impl Breakdown {
    /// The one-glance explanation, e.g.
    /// `title ≈ "VP Engineering" 0.91 ×40 · seniority vp ≥ director ×25 · … = 64`.
    pub fn one_line(&self) -> String {
        let mut parts: Vec<String> = self
            .factors
            .iter()
            .map(|f| {
                if f.value > 0.0 {
                    format!("{} ×{}", f.reason, f.weight)
                } else {
                    f.reason.clone()
                }
            })
            .collect();
        if let Some(x) = &self.exclusion {
            parts.push(format!("excluded: {x}"));
        }
        format!("{} = {}", parts.join(" · "), self.score)
    }
}

/// A profile prepared for scoring many contacts.
pub struct Scorer<'p> {
    profile: &'p Profile,
    titles: Vec<(String, String)>,
    title_excludes: Vec<String>,
    companies: HashSet<String>,
    company_excludes: HashSet<String>,
    keywords: Vec<String>,
    keyword_excludes: Vec<String>,
    matcher: SkimMatcherV2,
    title_cache: HashMap<String, (f64, usize)>,
}

impl<'p> Scorer<'p> {
    pub fn new(profile: &'p Profile) -> Scorer<'p> {
        let folded = |v: &[String]| {
            v.iter()
                .map(|s| fold(s))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        };
        Scorer {
            profile,
            titles: profile
                .titles
                .target
                .iter()
                .map(|t| (t.clone(), title_key(t)))
                .collect(),
            title_excludes: folded(&profile.titles.exclude),
            companies: profile
                .companies
                .target
                .iter()
                .map(|c| company_key(c))
                .collect(),
            company_excludes: profile
                .companies
                .exclude
                .iter()
                .map(|c| company_key(c))
                .collect(),
            keywords: folded(&profile.keywords.include),
            keyword_excludes: folded(&profile.keywords.exclude),
            matcher: SkimMatcherV2::default(),
            title_cache: HashMap::new(),
        }
    }

    /// Best similarity of a title to any target, with the index of that target.
    fn title_similarity(&mut self, position: &str) -> (f64, usize) {
        let key = role_part(&title_key(position));
        if let Some(hit) = self.title_cache.get(&key) {
            return *hit;
        }
        let function = super::function::classify(&key);
        let mut best = (0.0, 0);
        for (i, (_, target)) in self.titles.iter().enumerate() {
            let shares_role = shares_content_word(&key, target);
            let mut sim = if !has_content_words(target) {
                // A bare rank such as "CTO" matches only as a word ("Director" holds the
                // letters c-t-o, and is not a CTO).
                f64::from(u8::from(key.split(' ').any(|w| w == target.as_str())))
            } else if shares_role {
                similarity(&self.matcher, &key, target)
            } else {
                0.0
            };
            if sim < SAME_FUNCTION_CREDIT
                && function != Function::Other
                && function == super::function::classify(target)
                && shares_role
            {
                sim = SAME_FUNCTION_CREDIT;
            }
            if sim > best.0 {
                best = (sim, i);
            }
        }
        self.title_cache.insert(key, best);
        best
    }

    pub fn breakdown(&mut self, c: &Contact, seniority: Seniority) -> Breakdown {
        let w = self.profile.weights.clone();
        let mut factors = Vec::new();
        if !self.titles.is_empty() {
            let (sim, i) = self.title_similarity(&c.position);
            let value = if sim >= TITLE_FLOOR { sim } else { 0.0 };
            let reason = if value > 0.0 {
                format!("title ≈ \"{}\" {value:.2}", self.titles[i].0)
            } else {
                "title not a target".to_string()
            };
            factors.push(Factor {
                name: "title",
                value,
                weight: w.title,
                reason,
            });
        }
        factors.push(self.seniority_factor(seniority, w.seniority));
        if !self.companies.is_empty() {
            let hit = self.companies.contains(&company_key(&c.company));
            let reason = if hit {
                format!("company {} is a target", c.company)
            } else {
                "company not a target".to_string()
            };
            factors.push(Factor {
                name: "company",
                value: f64::from(u8::from(hit)),
                weight: w.company,
                reason,
            });
        }
        let haystack = format!(" {} {} ", fold(&c.position), fold(&c.company));
        if !self.keywords.is_empty() {
            let found = self
                .keywords
                .iter()
                .filter(|k| contains_phrase(&haystack, k))
                .count();
            let n = self.keywords.len();
            factors.push(Factor {
                name: "keywords",
                value: found as f64 / n as f64,
                weight: w.keywords,
                reason: format!("keywords {found}/{n}"),
            });
        }
        for (name, list, value, weight) in [
            (
                "industry",
                &self.profile.industries.target,
                &c.industry,
                w.industry,
            ),
            (
                "location",
                &self.profile.locations.target,
                &c.location,
                w.location,
            ),
        ] {
            if !list.is_empty() && !value.is_empty() {
                let v = fold(value);
                let hit = list.iter().any(|t| v.contains(&fold(t)));
                let reason = format!("{name} {}", if hit { "matches" } else { "not a target" });
                factors.push(Factor {
                    name,
                    value: f64::from(u8::from(hit)),
                    weight,
                    reason,
                });
            }
        }
        let total_weight: f64 = factors.iter().map(|f| f.weight).sum();
        let points: f64 = factors.iter().map(|f| f.value * f.weight).sum();
        let mut score = if total_weight > 0.0 {
            100.0 * points / total_weight
        } else {
            0.0
        };
        let exclusion = self.exclusion(c, &haystack);
        if exclusion.is_some() {
            score = score.min(EXCLUDED_CAP);
        }
        Breakdown {
            factors,
            exclusion,
            score: score.round().clamp(0.0, 100.0) as u8,
        }
    }

    fn seniority_factor(&self, tier: Seniority, weight: f64) -> Factor {
        let min = self.profile.min_tier().unwrap_or(Seniority::Director);
        let min_rank = min.rank().unwrap_or(4);
        let (value, reason) = match tier.rank() {
            Some(r) if r >= min_rank => (
                1.0,
                format!("seniority {} ≥ {}", tier.as_str(), min.as_str()),
            ),
            Some(r) if r + 1 == min_rank => (
                0.5,
                format!("seniority {} one below {}", tier.as_str(), min.as_str()),
            ),
            _ if tier == Seniority::Support => (
                0.0,
                "seniority support: assists a decision maker, is not one".to_string(),
            ),
            _ => (
                0.0,
                format!("seniority {} below {}", tier.as_str(), min.as_str()),
            ),
        };
        Factor {
            name: "seniority",
            value,
            weight,
            reason,
        }
    }

    fn exclusion(&self, c: &Contact, haystack: &str) -> Option<String> {
        let title = format!(" {} ", fold(&c.position));
        if let Some(x) = self
            .title_excludes
            .iter()
            .find(|x| contains_phrase(&title, x))
        {
            return Some(format!("title contains '{x}'"));
        }
        if self.company_excludes.contains(&company_key(&c.company)) && !c.company.is_empty() {
            return Some(format!("company {} is excluded", c.company));
        }
        self.keyword_excludes
            .iter()
            .find(|x| contains_phrase(haystack, x))
            .map(|x| format!("keyword '{x}'"))
    }
}

fn content_words(title: &str) -> impl Iterator<Item = &str> {
    title
        .split(' ')
        .filter(|w| w.len() > 2 && !RANK_WORDS.contains(w))
}

/// Whether a title names a role beyond its rank ("VP Engineering" does, "CTO" does not).
fn has_content_words(title: &str) -> bool {
    content_words(title).next().is_some()
}

/// Whether the title has a role word of the target (same 6-letter stem): "Head of
/// Marketing" is not like "Head of Platform" however alike the letters are.
fn shares_content_word(title: &str, target: &str) -> bool {
    let stem = |w: &str| w.chars().take(6).collect::<String>();
    content_words(target).any(|t| title.split(' ').any(|w| stem(w) == stem(t)))
}

/// `haystack` is padded with spaces; a phrase matches on word boundaries.
fn contains_phrase(haystack: &str, phrase: &str) -> bool {
    haystack.contains(&format!(" {phrase} ")) || (phrase.len() > 4 && haystack.contains(phrase))
}

/// The better of a fuzzy subsequence match (normalised by a perfect match) and
/// Jaro-Winkler, both on normalised titles.
fn similarity(matcher: &SkimMatcherV2, title: &str, target: &str) -> f64 {
    if title.is_empty() || target.is_empty() {
        return 0.0;
    }
    if title == target {
        return 1.0;
    }
    let perfect = matcher.fuzzy_match(target, target).unwrap_or(1).max(1) as f64;
    let fuzzy = matcher
        .fuzzy_match(title, target)
        .map_or(0.0, |s| (s as f64 / perfect).clamp(0.0, 1.0));
    let jw = strsim::jaro_winkler(title, target);
    // Jaro-Winkler rates any two short strings fairly high; only a close one counts.
    let jw = if jw >= 0.85 { jw } else { 0.0 };
    fuzzy.max(jw)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        Profile::parse(
            "p",
            r#"
[titles]
target = ["VP Engineering", "Head of Platform", "CTO"]
exclude = ["recruiter"]
[companies]
target = ["Hooli"]
[keywords]
include = ["platform", "kubernetes"]
"#,
        )
        .unwrap()
    }

    fn contact(position: &str, company: &str) -> Contact {
        Contact {
            position: position.into(),
            company: company.into(),
            ..Contact::default()
        }
    }

    fn score(position: &str, company: &str) -> Breakdown {
        let p = profile();
        let mut s = Scorer::new(&p);
        let tier = super::super::seniority::classify(position).tier;
        s.breakdown(&contact(position, company), tier)
    }

    #[test]
    fn leader_at_target_scores_high_and_explains() {
        let b = score("VP Engineering, Platform", "Hooli Inc.");
        assert!(b.score >= 80, "{}", b.one_line());
        let line = b.one_line();
        assert!(line.contains("title ≈ \"VP Engineering\""), "{line}");
        assert!(line.contains("company Hooli Inc. is a target"), "{line}");
        assert!(line.ends_with(&format!("= {}", b.score)));
    }

    #[test]
    fn exclusion_caps_and_says_why() {
        let b = score("Technical Recruiter, Engineering Leadership", "Hooli");
        assert!(b.score as f64 <= EXCLUDED_CAP);
        assert_eq!(b.exclusion.as_deref(), Some("title contains 'recruiter'"));
    }

    #[test]
    fn unrelated_titles_score_low() {
        let b = score("Pastry Chef", "Bakery");
        assert!(b.score < 10, "{}", b.one_line());
    }
}
