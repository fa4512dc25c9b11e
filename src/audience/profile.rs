//! The ideal-audience profile: a TOML file the user edits (DESIGN.md §4, issue 3), its
//! validation with line numbers, and drafting one from the network's own titles and
//! companies (`profile init`).
//!
//! Must not: score contacts (score.rs does) or read the database.

use crate::error::{Error, Result, did_you_mean, line_at, toml_line};
use crate::model::{Contact, Employers, Seniority};
use crate::text::as_seen_text;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub name: String,
    /// Score at or above which a contact counts as "the right people".
    pub threshold: f64,
    /// The user's own companies: connections there are colleagues (internal).
    pub my_companies: Vec<String>,
    pub titles: TargetList,
    pub seniority: SeniorityRule,
    pub companies: TargetList,
    pub keywords: KeywordList,
    pub industries: TargetList,
    pub locations: TargetList,
    pub weights: Weights,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetList {
    pub target: Vec<String>,
    pub exclude: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct KeywordList {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeniorityRule {
    /// Tier name (`owner partner cxo vp director manager senior entry training`).
    pub min: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    pub title: f64,
    pub seniority: f64,
    pub company: f64,
    pub keywords: f64,
    pub industry: f64,
    pub location: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            title: 40.0,
            seniority: 25.0,
            company: 20.0,
            keywords: 15.0,
            industry: 10.0,
            location: 10.0,
        }
    }
}

impl Default for SeniorityRule {
    fn default() -> Self {
        SeniorityRule {
            min: "director".to_string(),
        }
    }
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            name: "Unnamed audience".to_string(),
            threshold: 60.0,
            my_companies: Vec::new(),
            titles: TargetList::default(),
            seniority: SeniorityRule::default(),
            companies: TargetList::default(),
            keywords: KeywordList::default(),
            industries: TargetList::default(),
            locations: TargetList::default(),
            weights: Weights::default(),
        }
    }
}

impl Profile {
    /// Parses and validates a profile the user wrote; errors name the file and line. A key
    /// netcurate does not know is one: a misspelt `treshold` or `[seniorty]` would
    /// otherwise leave its setting at the default, unsaid.
    pub fn parse(file: &str, text: &str) -> Result<Profile> {
        let profile = Profile::read(file, text)?;
        unknown_keys(file, text)?;
        profile.validate(file, text)?;
        Ok(profile)
    }

    /// A profile as the database stores it: written by this netcurate, or by an older one,
    /// which let keys it did not know pass (they are left aside again, as they were then).
    pub fn parse_stored(text: &str) -> Result<Profile> {
        let file = "stored profile";
        let profile = Profile::read(file, text)?;
        profile.validate(file, text)?;
        Ok(profile)
    }

    /// The profile `text` holds, keys netcurate does not know aside.
    fn read(file: &str, text: &str) -> Result<Profile> {
        toml::from_str(text).map_err(|e| {
            let reason = e.message().to_string();
            Error::Profile {
                file: file.to_string(),
                reason: match e.span() {
                    Some(span) => format!("line {}: {reason}", line_at(text, span.start)),
                    None => reason,
                },
            }
        })
    }

    pub fn load(path: &std::path::Path) -> Result<Profile> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Profile::parse(&path.display().to_string(), &text)
    }

    /// Checks the values TOML cannot: the tier, weights, threshold.
    fn validate(&self, file: &str, text: &str) -> Result<()> {
        let fail = |(table, key): (Option<&str>, &str), reason: String| {
            let line = toml_line(text, table, key).map_or(String::new(), |l| format!("line {l}: "));
            Err(Error::Profile {
                file: file.to_string(),
                reason: format!("{line}{reason}"),
            })
        };
        if self.min_tier().is_none() {
            let tiers = Seniority::ALL.into_iter().filter(|t| t.rank().is_some());
            let near = did_you_mean(&self.seniority.min, tiers.map(Seniority::as_str));
            return fail(
                (Some("seniority"), "min"),
                format!(
                    "unknown seniority tier '{}'{near}; expected one of owner, partner, cxo, vp, director, manager, senior, entry, training",
                    self.seniority.min
                ),
            );
        }
        let w = &self.weights;
        for (name, value) in [
            ("title", w.title),
            ("seniority", w.seniority),
            ("company", w.company),
            ("keywords", w.keywords),
            ("industry", w.industry),
            ("location", w.location),
        ] {
            if !(value >= 0.0 && value.is_finite()) {
                return fail(
                    (Some("weights"), name),
                    format!("weight '{name}' is {value}; weights must be 0 or more"),
                );
            }
        }
        if !(0.0..=100.0).contains(&self.threshold) {
            return fail(
                (None, "threshold"),
                format!("threshold {} is outside 0–100", self.threshold),
            );
        }
        Ok(())
    }

    pub fn min_tier(&self) -> Option<Seniority> {
        Seniority::parse(&self.seniority.min).filter(|t| t.rank().is_some())
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    /// Whether `company` is one of `my_companies` (compared as the scorer compares
    /// companies: without case, accents or legal suffixes).
    pub fn counts_as_mine(&self, company: &str) -> bool {
        use super::normalize::company_keys;
        let mine: Vec<String> = self
            .my_companies
            .iter()
            .flat_map(|c| company_keys(c))
            .collect();
        company_keys(company).any(|key| mine.contains(&key))
    }

    /// Drafts a profile from the network: the most common titles among decision makers,
    /// the most common companies (but the owner's `employers`, which are
    /// `my_companies`: colleagues, not targets), with comments explaining each key.
    pub fn draft(contacts: &[Contact], employers: &Employers) -> String {
        let employer_keys: Vec<String> = (employers.current.iter())
            .map(|c| super::normalize::company_key(c))
            .collect();
        let top = |items: Vec<String>, n: usize| -> Vec<String> {
            let mut counts: HashMap<String, usize> = HashMap::new();
            for i in items
                .iter()
                .map(|i| as_seen_text(i))
                .filter(|i| !i.is_empty())
            {
                *counts.entry(i).or_default() += 1;
            }
            let mut v: Vec<(String, usize)> = counts.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v.into_iter().take(n).map(|(s, _)| s).collect()
        };
        let list = |v: &[String]| {
            v.iter()
                .map(|s| toml::Value::String(as_seen_text(s)).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let live = || contacts.iter().filter(|c| c.in_network() && !c.is_hidden());
        let titles = top(
            live()
                .filter(|c| {
                    super::seniority::classify(&c.position)
                        .tier
                        .is_decision_maker()
                })
                .map(|c| c.position.to_string())
                .collect(),
            5,
        );
        let not_mine =
            |c: &&Contact| !employer_keys.contains(&super::normalize::company_key(&c.company));
        let companies = top(
            live()
                .filter(not_mine)
                .map(|c| c.company.to_string())
                .collect(),
            5,
        );
        let mine = match employers.current.is_empty() {
            true => "# Build relationships counts; suggested for keep), e.g. my_companies = [\"Acme Widgets\"].".to_string(),
            false => "# Build relationships counts; suggested for keep); from your Positions.csv.".to_string(),
        };
        let past = match employers.past.is_empty() {
            true => String::new(),
            false => format!(
                "\n# Earlier employers (add them to count their people as colleagues): {}",
                list(&employers.past)
            ),
        };
        format!(
            r#"# netcurate audience profile, drafted from your network. Edit it, then run
#   netcurate score --profile THIS_FILE
# Every factor yields 0..1; the score is the weighted sum scaled to 0-100.

name = "My ideal audience"
# A contact scoring at or above this counts as "the right people".
threshold = 60
# Your own employers: connections there are colleagues (internal connections, which
{mine}
my_companies = [{my_companies}]{past}

[titles]
# Titles you want to reach (fuzzy-matched against each contact's position).
target = [{titles}]
# Words that, in a title, push a contact out of the audience (score capped low).
exclude = []

[seniority]
# The lowest tier that fully counts: owner partner cxo vp director manager senior entry training.
min = "director"

[companies]
# Target accounts (compared without legal suffixes such as Inc, GmbH, Ltd).
target = [{companies}]
exclude = []

[keywords]
# Words looked for in position and company; the share found is the factor.
include = []
exclude = []

[weights]
# Relative importance of each factor (0 or more).
title = 40
seniority = 25
company = 20
keywords = 15
"#,
            titles = list(&titles),
            companies = list(&companies),
            my_companies = list(&employers.current),
        )
    }
}

/// Fails on the first key of `text` (in the file's order) that a profile does not have,
/// naming its line and the keys its table takes (those [`Profile::default`] writes).
fn unknown_keys(file: &str, text: &str) -> Result<()> {
    let (Ok(toml::Value::Table(known)), Ok(given)) = (
        toml::Value::try_from(Profile::default()),
        toml::from_str::<toml::Table>(text),
    ) else {
        return Ok(());
    };
    // (its table, the key, the keys that table takes)
    let mut unknown: Vec<(Option<&str>, &str, &toml::Table)> = Vec::new();
    for (key, value) in &given {
        match (known.get(key), value) {
            (None, _) => unknown.push((None, key, &known)),
            (Some(toml::Value::Table(takes)), toml::Value::Table(inner)) => unknown.extend(
                (inner.keys())
                    .filter(|k| !takes.contains_key(*k))
                    .map(|k| (Some(key.as_str()), k.as_str(), takes)),
            ),
            _ => {}
        }
    }
    let line = |&(table, key, _): &(Option<&str>, &str, &toml::Table)| toml_line(text, table, key);
    let Some(first) = unknown.iter().min_by_key(|u| line(u).unwrap_or(usize::MAX)) else {
        return Ok(());
    };
    let (table, key, takes) = *first;
    let near = did_you_mean(key, takes.keys().map(String::as_str));
    let names = takes
        .keys()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    let reason = match table {
        None => format!("unknown key '{key}'{near}; a profile's keys: {names}"),
        Some(t) => format!("unknown key '{key}' in [{t}]{near}; [{t}] takes {names}"),
    };
    Err(Error::Profile {
        file: file.to_string(),
        reason: match line(first) {
            Some(l) => format!("line {l}: {reason}"),
            None => reason,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
name = "Platform engineering leaders"
threshold = 60
my_companies = ["Acme Widgets"]
[titles]
target = ["VP Engineering", "Head of Platform", "CTO"]
exclude = ["recruiter", "talent acquisition"]
[seniority]
min = "director"
[companies]
target = ["Stark Cloud", "Hooli"]
exclude = []
[keywords]
include = ["platform", "kubernetes"]
exclude = []
"#;

    #[test]
    fn parses_the_documented_shape() {
        let p = Profile::parse("p.toml", GOOD).unwrap();
        assert_eq!(p.titles.target.len(), 3);
        assert_eq!(p.min_tier(), Some(Seniority::Director));
        assert_eq!(p.weights.title, 40.0);
    }

    #[test]
    fn unknown_tier_names_the_line() {
        let bad = GOOD.replace("min = \"director\"", "min = \"boss\"");
        let e = Profile::parse("p.toml", &bad).unwrap_err().to_string();
        assert!(
            e.contains("p.toml") && e.contains("line 9") && e.contains("boss"),
            "{e}"
        );
    }

    /// A misspelt key is an error naming its line and the key meant (the first in the
    /// file's order), where it was left aside and its setting stayed at the default.
    #[test]
    fn an_unknown_key_names_its_line_and_the_key_meant() {
        let typos = GOOD
            .replace("threshold = 60", "treshold = 70")
            .replace("[keywords]", "[keyword]");
        let e = Profile::parse("p.toml", &typos).unwrap_err().to_string();
        assert!(
            e.starts_with(
                "profile p.toml: line 3: unknown key 'treshold' (did you mean threshold?);"
            ),
            "{e}"
        );
        let bad = GOOD.replace("exclude = [\"recruiter\"", "excludes = [\"recruiter\"");
        let e = Profile::parse("p.toml", &bad).unwrap_err().to_string();
        assert!(
            e.contains("line 7: unknown key 'excludes' in [titles] (did you mean exclude?); [titles] takes exclude target"),
            "{e}"
        );
        // As stored by an older netcurate, which let them pass: read as it read them.
        let stored = Profile::parse_stored(&typos).expect("stored");
        assert_eq!(stored.threshold, 60.0);
        assert_eq!(stored.keywords, KeywordList::default());
    }

    #[test]
    fn bad_toml_and_negative_weight_are_errors_with_lines() {
        let e = Profile::parse("p.toml", "name = \"x\"\nthreshold = = 3\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2"), "{e}");
        let e = Profile::parse("p.toml", "[weights]\ntitle = -4\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("-4"), "{e}");
    }

    /// A draft parses, with or without employers (any name, quotes included), and
    /// takes the current ones as `my_companies`.
    #[test]
    fn draft_parses() {
        let draft = Profile::draft(&[], &Employers::default());
        assert!(
            Profile::parse("draft", &draft)
                .unwrap()
                .my_companies
                .is_empty()
        );
        let employers = Employers {
            current: vec!["Acme \"Widgets\" GmbH".into(), "Initech".into()],
            past: vec!["Hooli".into()],
        };
        let draft = Profile::draft(&[], &employers);
        let profile = Profile::parse("draft", &draft).unwrap();
        assert_eq!(profile.my_companies, employers.current);
        assert!(profile.counts_as_mine("acme widgets"), "{draft}");
        assert!(!profile.counts_as_mine("Hooli"));
    }

    /// Titles and companies copied from web pages (no-break and zero-width spaces, soft
    /// hyphens, direction marks) and ones with quotes or backslashes make a draft that
    /// parses (it was written with Rust's escapes, which TOML refuses: "\u{200b}"), and
    /// it suggests them as they read, one text however it was copied.
    #[test]
    fn a_draft_from_copied_text_parses_and_reads_clean() {
        let person = |i: usize, position: &str, company: &str| Contact {
            first_name: format!("P{i}").into(),
            position: position.into(),
            company: company.into(),
            is_connection: true,
            ..Contact::default()
        };
        let mut contacts = Vec::new();
        for i in 0..3 {
            contacts.push(person(i, "VP\u{200b} Sales", "Soft\u{ad}ware\u{a0}Inc"));
            contacts.push(person(i, "VP Sales\u{200e}", "Software Inc"));
            contacts.push(person(i, "Director, \"Sales\" \\ EU", "Ünïcode \u{feff}AG"));
        }
        let employers = Employers {
            current: vec!["Acme\u{a0}Widgets".into()],
            past: vec![],
        };
        let draft = Profile::draft(&contacts, &employers);
        let profile = Profile::parse("draft", &draft).unwrap_or_else(|e| panic!("{e}\n{draft}"));
        assert_eq!(
            profile.titles.target,
            ["VP Sales", "Director, \"Sales\" \\ EU"]
        );
        assert_eq!(profile.companies.target, ["Software Inc", "Ünïcode AG"]);
        assert_eq!(profile.my_companies, ["Acme Widgets"]);
    }
}
