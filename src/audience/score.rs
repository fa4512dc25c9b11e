//! Relevance scoring 0–100 against a profile (DESIGN.md §4): each factor yields 0..1 and
//! a reason; the score is the weighted sum over the factors that apply, scaled to 0–100;
//! exclusions cap it low and say why. Each distinct position and each distinct company is
//! worked out once; a contact's score combines the two, and reasons are written only when
//! asked for (an explanation, a removal plan).
//!
//! Must not: store anything or classify flags other than exclusion (mod.rs gathers them).

use super::normalize::{company_keys, fold, role_part, spellings, title_key};
use super::profile::{Profile, Weights};
use crate::model::{Contact, Function, Seniority};
use foldhash::{HashMap, HashMapExt, HashSet};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

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

/// A profile prepared for scoring many contacts: what it looks for, folded once, and what
/// each distinct position and company was found to hold. A contact's score combines its
/// position's facts and its company's; in a network of 100k there are a few thousand of
/// each but tens of thousands of pairs.
pub struct Scorer<'p> {
    profile: &'p Profile,
    targets: Targets,
    positions: HashMap<String, TitleFacts>,
    companies: HashMap<String, CompanyFacts>,
}

/// The profile's lists as they are compared.
struct Targets {
    /// The minimum tier the profile asks for (director unless it says).
    min_tier: Seniority,
    /// Each target title and its key, once for each of its spellings.
    titles: Vec<(String, String)>,
    title_excludes: Vec<Phrase>,
    companies: HashSet<String>,
    company_excludes: HashSet<String>,
    /// The user's own companies (`my_companies`): people there are colleagues.
    my_companies: HashSet<String>,
    keywords: Vec<Phrase>,
    keyword_excludes: Vec<Phrase>,
    industries: Vec<String>,
    locations: Vec<String>,
    /// Some keyword or keyword exclusion is not kept as a bit ([`is_bit_phrase`]).
    has_long_phrases: bool,
    matcher: SkimMatcherV2,
}

/// What one position holds for the profile.
struct TitleFacts {
    /// Similarity to the closest target title (0 below [`TITLE_FLOOR`]), and that target.
    similarity: f64,
    target: usize,
    /// The first title exclusion it contains.
    excluded_by: Option<usize>,
    text: PhraseText,
}

/// What one company holds for the profile.
struct CompanyFacts {
    target: bool,
    excluded: bool,
    /// One of the user's own companies.
    mine: bool,
    text: PhraseText,
}

/// A phrase of the profile (a keyword, or a keyword or title exclusion) as it is looked
/// for in a folded text: folded, and spelt out too when it has umlauts or rings
/// ("Börse" as `borse` and `boerse`). It is found when one of its spellings is.
struct Phrase {
    spellings: Vec<String>,
    /// As the profile writes it, as a reason names it ("Börse").
    written: String,
}

impl Phrase {
    /// Each of `values` as a phrase; empty ones left out.
    fn all(values: &[String]) -> Vec<Phrase> {
        (values.iter())
            .map(|v| {
                let mut spellings: Vec<String> = spellings(v).map(|s| fold(&s)).collect();
                spellings.dedup();
                let written = v.trim().to_string();
                Phrase { spellings, written }
            })
            .filter(|p| !p.spellings[0].is_empty())
            .collect()
    }

    /// The phrase as the profile writes it, as a reason names it.
    fn shown(&self) -> &str {
        &self.written
    }

    fn is_one_word(&self) -> bool {
        !self.spellings[0].contains(' ')
    }

    /// Whether `padded` (a [`PhraseText`]'s text between spaces) holds the phrase.
    fn is_in(&self, padded: &str) -> bool {
        self.spellings.iter().any(|s| contains_phrase(padded, s))
    }
}

/// A folded text (followed, when it has umlauts or rings, by its spelling with them spelt
/// out: "Müller" is `muller \u{1} mueller`) and the one-word keywords and keyword
/// exclusions found in it, as bits (see [`is_bit_phrase`]).
struct PhraseText {
    folded: String,
    keywords: u64,
    keyword_excludes: u64,
}

/// A contact's score, and what scoring found beside it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub score: u8,
    /// An exclusion capped the score.
    pub excluded: bool,
    /// A connection at one of the profile's `my_companies`: a colleague, an internal
    /// connection of the Build relationships pillar.
    pub colleague: bool,
}

/// Why a score is capped.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Exclusion {
    Title(usize),
    Company,
    Keyword(usize),
}

/// Every factor's value for one contact, before reasons are written.
struct Values {
    /// The company is one of the user's own.
    at_my_company: bool,
    /// Title similarity and the closest target, when the profile has target titles.
    title: Option<(f64, usize)>,
    seniority: f64,
    company: Option<bool>,
    keywords: Option<usize>,
    industry: Option<bool>,
    location: Option<bool>,
    exclusion: Option<Exclusion>,
}

/// The factors of a score.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Title,
    Seniority,
    Company,
    Keywords,
    Industry,
    Location,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Seniority => "seniority",
            Kind::Company => "company",
            Kind::Keywords => "keywords",
            Kind::Industry => "industry",
            Kind::Location => "location",
        }
    }
}

/// A factor, its value (0..1) and its weight.
type Part = (Kind, f64, f64);

impl Values {
    /// The factors that apply, in the order they are explained.
    fn parts(&self, w: &Weights, keywords: usize) -> [Option<Part>; 6] {
        let flag = |b: bool| f64::from(u8::from(b));
        [
            self.title.map(|(sim, _)| (Kind::Title, sim, w.title)),
            Some((Kind::Seniority, self.seniority, w.seniority)),
            self.company
                .map(|hit| (Kind::Company, flag(hit), w.company)),
            (self.keywords)
                .map(|found| (Kind::Keywords, found as f64 / keywords as f64, w.keywords)),
            self.industry
                .map(|hit| (Kind::Industry, flag(hit), w.industry)),
            self.location
                .map(|hit| (Kind::Location, flag(hit), w.location)),
        ]
    }

    /// The weighted sum over the factors that apply, 0–100, capped by an exclusion.
    fn score(&self, w: &Weights, keywords: usize) -> u8 {
        let parts = self.parts(w, keywords);
        let total_weight: f64 = parts.iter().flatten().map(|p| p.2).sum();
        let points: f64 = parts.iter().flatten().map(|p| p.1 * p.2).sum();
        let mut score = if total_weight > 0.0 {
            100.0 * points / total_weight
        } else {
            0.0
        };
        if self.exclusion.is_some() {
            score = score.min(EXCLUDED_CAP);
        }
        score.round().clamp(0.0, 100.0) as u8
    }
}

impl<'p> Scorer<'p> {
    pub fn new(profile: &'p Profile) -> Scorer<'p> {
        let keys = |v: &[String]| v.iter().flat_map(|c| company_keys(c)).collect();
        let (keywords, keyword_excludes) = (
            Phrase::all(&profile.keywords.include),
            Phrase::all(&profile.keywords.exclude),
        );
        let long = |v: &[Phrase]| v.iter().enumerate().any(|(i, p)| !is_bit_phrase(i, p));
        let targets = Targets {
            min_tier: profile.min_tier().unwrap_or(Seniority::Director),
            titles: (profile.titles.target.iter())
                .flat_map(|t| spellings(t).map(|s| (t.clone(), title_key(&s))))
                .collect(),
            title_excludes: Phrase::all(&profile.titles.exclude),
            companies: keys(&profile.companies.target),
            company_excludes: keys(&profile.companies.exclude),
            my_companies: keys(&profile.my_companies),
            has_long_phrases: long(&keywords) || long(&keyword_excludes),
            keywords,
            keyword_excludes,
            industries: folded_spellings(&profile.industries.target),
            locations: folded_spellings(&profile.locations.target),
            matcher: SkimMatcherV2::default(),
        };
        Scorer {
            profile,
            targets,
            positions: HashMap::new(),
            companies: HashMap::new(),
        }
    }

    /// The score and whether an exclusion capped it, without the reasons.
    pub fn score(&mut self, c: &Contact, seniority: Seniority) -> Score {
        let values = self.values(c, seniority, None);
        let n = self.targets.keywords.len();
        Score {
            score: values.score(&self.profile.weights, n),
            excluded: values.exclusion.is_some(),
            colleague: c.is_connection && values.at_my_company,
        }
    }

    /// The score with a reason for each factor and for an exclusion.
    pub fn breakdown(&mut self, c: &Contact, seniority: Seniority) -> Breakdown {
        let mut keywords = Vec::new();
        let values = self.values(c, seniority, Some(&mut keywords));
        let n = self.targets.keywords.len();
        let factors = (values.parts(&self.profile.weights, n).into_iter().flatten())
            .map(|(kind, value, weight)| Factor {
                name: kind.name(),
                value,
                weight,
                reason: self.reason(kind, &values, c, seniority, &keywords),
            })
            .collect();
        Breakdown {
            factors,
            exclusion: values.exclusion.map(|x| self.exclusion_reason(x, c)),
            score: values.score(&self.profile.weights, n),
        }
    }

    /// Every factor's value for `c`, from its position's and its company's facts; the
    /// profile's keywords found, as it writes them, are added to `named` when asked for
    /// (what a reason names).
    fn values(
        &mut self,
        c: &Contact,
        seniority: Seniority,
        named: Option<&mut Vec<String>>,
    ) -> Values {
        let seniority = self.seniority_value(seniority);
        let t = &self.targets;
        let title = facts(&mut self.positions, &c.position, |p| t.title_facts(p));
        let company = facts(&mut self.companies, &c.company, |co| t.company_facts(co));
        let joined = match t.has_long_phrases {
            true => format!(" {} {} ", title.text.folded, company.text.folded),
            false => String::new(),
        };
        let keyword_bits = title.text.keywords | company.text.keywords;
        let exclude_bits = title.text.keyword_excludes | company.text.keyword_excludes;
        let exclusion = match title.excluded_by {
            Some(i) => Some(Exclusion::Title(i)),
            None if company.excluded && !c.company.is_empty() => Some(Exclusion::Company),
            None => found_phrases(&t.keyword_excludes, exclude_bits, &joined)
                .next()
                .map(Exclusion::Keyword),
        };
        let listed = |list: &[String], value: &str| {
            (!list.is_empty() && !value.is_empty()).then(|| {
                spellings(value).any(|v| {
                    let v = fold(&v);
                    list.iter().any(|t| v.contains(t.as_str()))
                })
            })
        };
        Values {
            at_my_company: company.mine,
            title: (!t.titles.is_empty()).then_some((title.similarity, title.target)),
            seniority,
            company: (!t.companies.is_empty()).then_some(company.target),
            keywords: (!t.keywords.is_empty()).then(|| {
                let found = found_phrases(&t.keywords, keyword_bits, &joined);
                match named {
                    Some(named) => {
                        named.extend(found.map(|i| t.keywords[i].shown().to_string()));
                        named.len()
                    }
                    None => found.count(),
                }
            }),
            industry: listed(&t.industries, &c.industry),
            location: listed(&t.locations, &c.location),
            exclusion,
        }
    }

    /// The reason of one factor; `keywords`, the profile's keywords found.
    fn reason(
        &self,
        kind: Kind,
        values: &Values,
        c: &Contact,
        tier: Seniority,
        keywords: &[String],
    ) -> String {
        let said = |hit: Option<bool>| match hit {
            Some(true) => "matches",
            _ => "not a target",
        };
        match kind {
            Kind::Title => match values.title {
                Some((sim, i)) if sim > 0.0 => {
                    format!("title ≈ \"{}\" {sim:.2}", self.targets.titles[i].0)
                }
                _ => "title not a target".to_string(),
            },
            Kind::Seniority => self.seniority_reason(tier),
            Kind::Company => match values.company {
                Some(true) => format!("company {} is a target", c.company),
                _ => "company not a target".to_string(),
            },
            Kind::Keywords => {
                let (found, of) = (keywords.len(), self.targets.keywords.len());
                match keywords {
                    [] => format!("keywords 0/{of}"),
                    named => format!("keywords {found}/{of}: {}", named.join(", ")),
                }
            }
            Kind::Industry => format!("industry {}", said(values.industry)),
            Kind::Location => format!("location {}", said(values.location)),
        }
    }

    fn exclusion_reason(&self, why: Exclusion, c: &Contact) -> String {
        match why {
            Exclusion::Title(i) => {
                format!(
                    "title contains '{}'",
                    self.targets.title_excludes[i].shown()
                )
            }
            Exclusion::Company => format!("company {} is excluded", c.company),
            Exclusion::Keyword(i) => {
                format!("keyword '{}'", self.targets.keyword_excludes[i].shown())
            }
        }
    }

    /// Whether `tier` meets the minimum, misses it by one tier, or not (`None`).
    fn seniority_standing(&self, tier: Seniority) -> Option<bool> {
        let min_rank = self.targets.min_tier.rank().unwrap_or(4);
        match tier.rank() {
            Some(r) if r >= min_rank => Some(true),
            Some(r) if r + 1 == min_rank => Some(false),
            _ => None,
        }
    }

    fn seniority_value(&self, tier: Seniority) -> f64 {
        match self.seniority_standing(tier) {
            Some(true) => 1.0,
            Some(false) => 0.5,
            None => 0.0,
        }
    }

    fn seniority_reason(&self, tier: Seniority) -> String {
        let (tier_name, min) = (tier.as_str(), self.targets.min_tier.as_str());
        match self.seniority_standing(tier) {
            Some(true) => format!("seniority {tier_name} ≥ {min}"),
            Some(false) => format!("seniority {tier_name} one below {min}"),
            None if tier == Seniority::Support => {
                "seniority support: assists a decision maker, is not one".to_string()
            }
            None => format!("seniority {tier_name} below {min}"),
        }
    }
}

impl Targets {
    fn title_facts(&self, position: &str) -> TitleFacts {
        let (sim, target) = self.title_similarity(position);
        let text = self.phrase_text(position);
        let padded = format!(" {} ", text.folded);
        TitleFacts {
            similarity: if sim >= TITLE_FLOOR { sim } else { 0.0 },
            target,
            excluded_by: (self.title_excludes.iter()).position(|x| x.is_in(&padded)),
            text,
        }
    }

    fn company_facts(&self, company: &str) -> CompanyFacts {
        let keys: Vec<String> = company_keys(company).filter(|k| !k.is_empty()).collect();
        let listed = |set: &HashSet<String>| keys.iter().any(|k| set.contains(k));
        CompanyFacts {
            target: listed(&self.companies),
            excluded: listed(&self.company_excludes),
            mine: listed(&self.my_companies),
            text: self.phrase_text(company),
        }
    }

    fn phrase_text(&self, text: &str) -> PhraseText {
        let mut folded = fold(text);
        if let Some(spelt) = crate::text::other_spelling(text) {
            folded = format!("{folded} {} {}", crate::text::SPELLINGS_APART, fold(&spelt));
        }
        let padded = format!(" {folded} ");
        PhraseText {
            keywords: phrase_bits(&self.keywords, &padded),
            keyword_excludes: phrase_bits(&self.keyword_excludes, &padded),
            folded,
        }
    }

    /// Best similarity of a title to any target, with the index of that target.
    fn title_similarity(&self, position: &str) -> (f64, usize) {
        (spellings(position))
            .map(|spelling| self.key_similarity(&role_part(&title_key(&spelling))))
            .fold(
                (0.0, 0),
                |best, this| if this.0 > best.0 { this } else { best },
            )
    }

    /// [`Targets::title_similarity`] of one spelling of a title, as its key.
    fn key_similarity(&self, key: &str) -> (f64, usize) {
        let function = super::function::classify(key);
        let mut best = (0.0, 0);
        for (i, (_, target)) in self.titles.iter().enumerate() {
            let shares_role = shares_content_word(key, target);
            let mut sim = if !has_content_words(target) {
                // A bare rank such as "CTO" matches only as a word ("Director" holds the
                // letters c-t-o, and is not a CTO).
                f64::from(u8::from(key.split(' ').any(|w| w == target.as_str())))
            } else if shares_role {
                similarity(&self.matcher, key, target)
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
        best
    }
}

/// A profile's industries or locations as they are looked for: each folded, and spelt out
/// too when it has umlauts or rings ("München" is looked for as `munchen` and `muenchen`).
fn folded_spellings(values: &[String]) -> Vec<String> {
    (values.iter().flat_map(|v| spellings(v)))
        .map(|v| fold(&v))
        .collect()
}

/// The facts of `text` from `seen`, worked out by `work` the first time it is met.
fn facts<'s, T>(
    seen: &'s mut HashMap<String, T>,
    text: &str,
    work: impl FnOnce(&str) -> T,
) -> &'s T {
    if !seen.contains_key(text) {
        seen.insert(text.to_string(), work(text));
    }
    &seen[text]
}

/// Phrases kept as bits: one-word ones among the first 64. A one-word phrase is found in
/// " title company " exactly when it is found in the title or in the company; a longer
/// one may span the two, so it is looked for in them joined.
fn is_bit_phrase(i: usize, phrase: &Phrase) -> bool {
    i < 64 && phrase.is_one_word()
}

/// The bits of the one-word `phrases` found in `padded` (a folded text between spaces).
fn phrase_bits(phrases: &[Phrase], padded: &str) -> u64 {
    (phrases.iter().enumerate())
        .filter(|&(i, p)| is_bit_phrase(i, p) && p.is_in(padded))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// The indices of `phrases` found in a title and company: one-word ones by `bits` (the
/// two texts' bits together), the others in `joined`, " title company ".
fn found_phrases<'a>(
    phrases: &'a [Phrase],
    bits: u64,
    joined: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    (phrases.iter().enumerate())
        .filter(move |&(i, p)| match is_bit_phrase(i, p) {
            true => bits >> i & 1 == 1,
            false => p.is_in(joined),
        })
        .map(|(i, _)| i)
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

    /// A profile typed without accents matches the accented spelling, and the other way
    /// round: a company, a title, a keyword.
    #[test]
    fn accents_do_not_keep_a_contact_out_of_the_audience() {
        let p = Profile::parse(
            "p",
            r#"
[titles]
target = ["Directeur Général"]
[companies]
target = ["Muller", "Société Générale"]
[keywords]
include = ["energie"]
"#,
        )
        .unwrap();
        let mut s = Scorer::new(&p);
        let tier = super::super::seniority::classify("Directeur General").tier;
        let b = s.breakdown(&contact("Directeur General Énergie", "Müller GmbH"), tier);
        let line = b.one_line();
        assert!(
            line.contains("title ≈ \"Directeur Général\" 1.00"),
            "{line}"
        );
        assert!(line.contains("company Müller GmbH is a target"), "{line}");
        assert!(line.contains("keywords 1/1"), "{line}");
        let b = s.breakdown(&contact("CFO", "Societe Generale SA"), tier);
        assert!(b.one_line().contains("is a target"), "{}", b.one_line());
    }

    /// A profile typed with umlauts spelt out (as a keyboard without them writes) matches
    /// the letters, and the other way round: targets, excluded and own companies,
    /// locations (industries are looked for as locations are) and titles.
    #[test]
    fn umlauts_spelt_out_or_not_are_one_company_and_place() {
        let p = Profile::parse(
            "p",
            r#"
my_companies = ["Baeckerei Jansen"]
[titles]
target = ["CTO"]
[companies]
target = ["Mueller GmbH", "Bjørnson AS"]
exclude = ["Groessler"]
[locations]
target = ["Muenchen", "Tromsø"]
"#,
        )
        .unwrap();
        let mut s = Scorer::new(&p);
        let cto = super::super::seniority::classify("CTO").tier;
        let located = |company: &str, location: &str| Contact {
            location: location.into(),
            is_connection: true,
            ..contact("CTO", company)
        };
        for (company, location) in [
            ("Müller AG", "München"),
            ("Bjoernson", "Tromsoe"),
            ("Bjørnson", "Tromsø, Norway"),
        ] {
            let b = s.breakdown(&located(company, location), cto);
            let line = b.one_line();
            assert!(line.contains("is a target"), "{company}: {line}");
            assert!(line.contains("location matches"), "{location}: {line}");
        }
        let b = s.breakdown(&located("Muller", "Munich"), cto);
        assert!(
            !b.one_line().contains("is a target"),
            "Muller is no Mueller: {}",
            b.one_line()
        );
        assert!(
            s.breakdown(&located("Grössler", ""), cto)
                .exclusion
                .is_some()
        );
        assert!(s.score(&located("Bäckerei Jansen", ""), cto).colleague);
        assert!(p.counts_as_mine("Bäckerei Jansen GmbH"));
        assert!(!p.counts_as_mine("Backerei Jansen"));
        // Titles likewise, both ways, named as the profile writes them.
        let p = Profile::parse(
            "p",
            "[titles]\ntarget = [\"Geschaeftsfuehrer\", \"Leiterin Qualitätssicherung\"]\n",
        )
        .unwrap();
        let mut s = Scorer::new(&p);
        for (title, target) in [
            ("Geschäftsführer", "Geschaeftsfuehrer"),
            ("Geschaeftsfuehrer", "Geschaeftsfuehrer"),
            (
                "Leiterin Qualitaetssicherung",
                "Leiterin Qualitätssicherung",
            ),
        ] {
            let tier = super::super::seniority::classify(title).tier;
            let line = s.breakdown(&contact(title, "Acme"), tier).one_line();
            assert!(
                line.contains(&format!("title ≈ \"{target}\" 1.00")),
                "{title}: {line}"
            );
        }
    }

    #[test]
    fn exclusion_caps_and_says_why() {
        let b = score("Technical Recruiter, Engineering Leadership", "Hooli");
        assert!(b.score as f64 <= EXCLUDED_CAP);
        assert_eq!(b.exclusion.as_deref(), Some("title contains 'recruiter'"));
    }

    /// Each case's (position, company) is scored by `p` with its keywords reason (such as
    /// `keywords 2/4: platform, cloud`) and its exclusion; `score` gives `breakdown`'s score and exclusion.
    fn assert_keywords_found(p: &Profile, cases: &[(&str, &str, &str, Option<&str>)]) {
        let mut s = Scorer::new(p);
        for &(position, company, keywords, exclusion) in cases {
            let c = contact(position, company);
            let tier = super::super::seniority::classify(position).tier;
            let b = s.breakdown(&c, tier);
            let reasons: Vec<&str> = b.factors.iter().map(|f| f.reason.as_str()).collect();
            assert!(reasons.contains(&keywords), "{position}: {reasons:?}");
            assert_eq!(b.exclusion.as_deref(), exclusion, "{position}");
            let fast = s.score(&c, tier);
            assert_eq!((fast.score, fast.excluded), (b.score, exclusion.is_some()));
        }
    }

    /// Keywords and keyword exclusions are found as in " title company ": one-word ones
    /// from each text's own bits, longer ones (one here spans the two) in the texts
    /// joined; `score` gives `breakdown`'s score and exclusion, for these and for a
    /// synthetic network scored by the demo profile.
    #[test]
    fn keywords_count_as_in_title_and_company_joined() {
        let p = Profile::parse(
            "p",
            r#"
[titles]
target = ["Head of Platform"]
[companies]
target = ["Hooli"]
[keywords]
include = ["platform", "cloud", "engineering hooli", "kubernetes"]
exclude = ["crypto", "web3 labs"]
"#,
        )
        .unwrap();
        let cases = [
            (
                "Head of Platform Engineering",
                "Hooli",
                "keywords 2/4: platform, engineering hooli",
                None,
            ),
            (
                "Platform Engineer",
                "Stark Cloud",
                "keywords 2/4: platform, cloud",
                None,
            ),
            (
                "Kubernetes Lead",
                "Web3 Labs",
                "keywords 1/4: kubernetes",
                Some("keyword 'web3 labs'"),
            ),
            (
                "Crypto Analyst",
                "Hooli",
                "keywords 0/4",
                Some("keyword 'crypto'"),
            ),
        ];
        assert_keywords_found(&p, &cases);
        let demo = Profile::parse("demo", include_str!("../../fixtures/demo/profile.toml"))
            .expect("the demo profile");
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let (mut fast, mut explained) = (Scorer::new(&demo), Scorer::new(&demo));
        for person in crate::synth::people(8, 5000, (100, 100, 300), 0, as_of) {
            let c = contact(&person.position, &person.company);
            let tier = super::super::seniority::classify(&person.position).tier;
            let b = explained.breakdown(&c, tier);
            let quick = fast.score(&c, tier);
            assert_eq!(
                (quick.score, quick.excluded),
                (b.score, b.exclusion.is_some())
            );
        }
    }

    /// Keywords and exclusions typed with umlauts spelt out (as a keyboard without them
    /// writes) are found in titles and companies with the letters, and the other way
    /// round; each still counts once. `score` agrees with `breakdown`.
    #[test]
    fn keywords_are_found_in_either_spelling_of_an_umlaut() {
        let p = Profile::parse(
            "p",
            r#"
[titles]
target = ["Head of Platform"]
exclude = ["praktikant", "Schüler"]
[keywords]
include = ["kuenstliche intelligenz", "Zahlungsverkehr", "Börse", "mueller"]
exclude = ["Glücksspiel"]
"#,
        )
        .unwrap();
        let cases = [
            (
                "Leiter Künstliche Intelligenz",
                "Deutsche Börse",
                "keywords 2/4: kuenstliche intelligenz, Börse",
                None,
            ),
            (
                "Leiter Zahlungsverkehr",
                "Mueller Boerse AG",
                "keywords 3/4: Zahlungsverkehr, Börse, mueller",
                None,
            ),
            (
                "Werkstudent Zahlungsverkehr",
                "Müller AG",
                "keywords 2/4: Zahlungsverkehr, mueller",
                None,
            ),
            (
                "Head of Platform",
                "Gluecksspiel GmbH",
                "keywords 0/4",
                Some("keyword 'Glücksspiel'"),
            ),
            (
                "Schueler Praktikant",
                "Hooli",
                "keywords 0/4",
                Some("title contains 'praktikant'"),
            ),
            (
                "Schueler",
                "Hooli",
                "keywords 0/4",
                Some("title contains 'Schüler'"),
            ),
        ];
        assert_keywords_found(&p, &cases);
    }

    #[test]
    fn unrelated_titles_score_low() {
        let b = score("Pastry Chef", "Bakery");
        assert!(b.score < 10, "{}", b.one_line());
    }
}
