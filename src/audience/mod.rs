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
use foldhash::{HashMap, HashMapExt};
use std::hash::BuildHasher;

/// Everything scoring derives for one contact, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub score: Option<u8>,
    pub seniority: Seniority,
    pub function: Function,
    /// The flags scoring owns (no-title, duplicate, open-to-work, student, excluded).
    pub stored_flags: u32,
}

const OPEN_TO_WORK: [&str; 5] = [
    "open to work",
    "opentowork",
    "seeking new",
    "looking for new",
    "actively looking",
];

/// What a score depends on besides seniority: position, company, industry, location.
type RoleKey<'a> = (&'a str, &'a str, &'a str, &'a str);

/// Scores every contact; without a profile only seniority, function and flags are set.
/// Duplicates are found on another thread meanwhile.
pub fn score_all(contacts: &[Contact], profile: Option<&Profile>) -> Vec<(ContactId, Scored)> {
    let (duplicates, scored) = crate::parallel::join(
        || find_duplicates(contacts),
        || {
            let mut scoring = Scoring::new(profile);
            contacts
                .iter()
                .map(|c| scoring.score(c))
                .collect::<Vec<_>>()
        },
    );
    contacts
        .iter()
        .zip(scored)
        .zip(duplicates)
        .map(|((c, mut s), duplicate)| {
            s.set_duplicate(duplicate);
            (c.id, s)
        })
        .collect()
}

/// How many contacts' scores [`score_in_chunks`] hands over at a time, at most.
const SCORED_CHUNK: usize = 4096;

/// The first chunk [`score_in_chunks`] hands over, each next one twice as large up to
/// [`SCORED_CHUNK`]: the first contacts take the longest to score (their titles are new
/// to it), and a writer waiting for 4096 of them waited 15 ms at 100k contacts.
const FIRST_SCORED_CHUNK: usize = 256;

/// [`score_all`] for a caller that stores the scores while they are worked out (on
/// another thread): hands them to `chunk` in the contacts' order, 256 at first, then up to
/// `SCORED_CHUNK` (4096) at a time, with their duplicate flags clear, lets go of `chunk`
/// (a channel's sender closes), then finds the probable duplicates among all the
/// contacts: each one's flag.
pub fn score_in_chunks(
    contacts: &[Contact],
    profile: Option<&Profile>,
    mut chunk: impl FnMut(Vec<Scored>),
) -> Vec<bool> {
    let mut scoring = Scoring::new(profile);
    let (mut start, mut size) = (0, FIRST_SCORED_CHUNK);
    while start < contacts.len() {
        let part = &contacts[start..(start + size).min(contacts.len())];
        chunk(part.iter().map(|c| scoring.score(c)).collect());
        start += part.len();
        size = (size * 2).min(SCORED_CHUNK);
    }
    drop(chunk);
    find_duplicates(contacts)
}

impl Scored {
    /// Sets or clears the duplicate flag (which [`find_duplicates`] works out for the
    /// whole network, apart from `Scoring`).
    pub fn set_duplicate(&mut self, duplicate: bool) {
        let mut flags = Flags(self.stored_flags);
        flags.set(Flags::DUPLICATE, duplicate);
        self.stored_flags = flags.0;
    }

    pub fn is_duplicate(&self) -> bool {
        Flags(self.stored_flags).has(Flags::DUPLICATE)
    }
}

/// Raised whenever what scoring stores changes (2: the colleague flag; 3: titles and
/// companies folded as filters fold them, invisible characters out; 4: accents folded
/// off, `Müller` as `Muller`, and the seniorities and functions of titles in German,
/// French, Spanish, Italian, Portuguese and Dutch; 5: umlauts spelt out or not are one
/// title, company or place, `SAP SE` the company `SAP`, `Sekretaerin` support; 6: and one
/// keyword or exclusion; 7: namesakes by either spelling are probable duplicates), so
/// that a database scored by an older netcurate is rescored when it is next opened.
pub const SCORING_VERSION: u32 = 7;

/// Scores contacts one at a time, for [`score_all`]. Many contacts share a title, or a
/// title and a company, so each distinct one is classified and scored once. The duplicate
/// flag is left clear: it depends on the whole network, and [`find_duplicates`] works it
/// out meanwhile on another thread.
struct Scoring<'a> {
    scorer: Option<Scorer<'a>>,
    by_title: HashMap<&'a str, (Seniority, Function, bool)>,
}

impl<'a> Scoring<'a> {
    fn new(profile: Option<&'a Profile>) -> Scoring<'a> {
        Scoring {
            scorer: profile.map(Scorer::new),
            by_title: HashMap::new(),
        }
    }

    /// Scores one contact (its duplicate flag clear).
    fn score(&mut self, c: &'a Contact) -> Scored {
        let (seniority, function, open_to_work) =
            *self.by_title.entry(c.position.as_str()).or_insert_with(|| {
                let lower = c.position.to_lowercase();
                (
                    seniority::classify(&c.position).tier,
                    function::classify(&c.position),
                    OPEN_TO_WORK.iter().any(|w| lower.contains(w)),
                )
            });
        let mut flags = Flags::default();
        flags.set(
            Flags::NO_TITLE,
            !c.is_hidden() && c.position.is_empty() && c.company.is_empty(),
        );
        flags.set(Flags::OPEN_TO_WORK, open_to_work);
        flags.set(Flags::STUDENT, seniority == Seniority::Training);
        let score = match self.scorer.as_mut() {
            Some(s) if !c.is_hidden() => {
                let scored = s.score(c, seniority);
                flags.set(Flags::EXCLUDED, scored.excluded);
                flags.set(Flags::COLLEAGUE, scored.colleague);
                Some(scored.score)
            }
            Some(_) => Some(0),
            None => None,
        };
        Scored {
            score,
            seniority,
            function,
            stored_flags: flags.0,
        }
    }
}

/// Probable duplicates, one answer per contact in order: same case-folded name (a name
/// with umlauts or rings also in its spelt-out spelling: Jürgen Müller is Jurgen Muller's
/// namesake and Juergen Mueller's) and a similar (or missing) company (strsim).
/// URLs are not compared: slugs are made from names, so namesakes' slugs look alike.
/// One pass in network order writes each case-folded name into one buffer, hashes it
/// and interns each company; sorted, a run of equal name hashes is one block of
/// namesakes (checked to be one name in the buffer, else split by name) already grouped
/// by company, and each pair of distinct companies is compared once. The block checks
/// read only the buffer and the keys: at 100k contacts, reaching back into the contacts
/// themselves (strings all over the heap) was half the time of the search.
pub fn find_duplicates(contacts: &[Contact]) -> Vec<bool> {
    let mut companies = CompanySimilarity::default();
    let mut folded = String::with_capacity(contacts.len() * 16);
    let mut keyed: Vec<NameKey> = Vec::with_capacity(contacts.len());
    for (i, c) in contacts.iter().enumerate().filter(|(_, c)| has_name(c)) {
        let company = companies.key(&c.company);
        let key = |folded: &String, start: usize| NameKey {
            name: name_hash(&folded[start..]),
            company,
            at: i as u32,
            folded: (start as u32, folded.len() as u32),
        };
        let start = folded.len();
        c.push_folded_name(&mut folded);
        keyed.push(key(&folded, start));
        let start = folded.len();
        if c.push_spelt_out_name(&mut folded) {
            keyed.push(key(&folded, start));
        }
    }
    keyed.sort_unstable();
    let name = |k: &NameKey| &folded[k.folded.0 as usize..k.folded.1 as usize];
    let mut duplicate = vec![false; contacts.len()];
    for run in keyed
        .chunk_by(|a, b| a.name == b.name)
        .filter(|r| r.len() > 1)
    {
        if run.iter().all(|k| name(k) == name(&run[0])) {
            companies.pair_block(run, &mut duplicate);
            continue;
        }
        // Two names with one hash: split the run by name (keeping company order).
        let mut named: Vec<NameKey> = run.to_vec();
        named.sort_by(|a, b| name(a).cmp(name(b)).then(a.cmp(b)));
        for block in named
            .chunk_by(|a, b| name(a) == name(b))
            .filter(|b| b.len() > 1)
        {
            companies.pair_block(block, &mut duplicate);
        }
    }
    duplicate
}

/// A contact's place in the duplicate search: its folded name's hash, its company's
/// interned key, its position in the network (sorted in this order), and where its
/// folded name is in the search's buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct NameKey {
    name: u64,
    company: u32,
    at: u32,
    folded: (u32, u32),
}

/// Jaro-Winkler similarity from which two companies count as alike.
const ALIKE: f64 = 0.88;

/// Whether two namesakes' companies (as [`normalize::company_key`]s) make them probable
/// duplicates: the same company, alike ones, or one missing.
fn companies_alike(a: &str, b: &str) -> bool {
    a == b || a.is_empty() || b.is_empty() || strsim::jaro_winkler(a, b) >= ALIKE
}

/// Whether [`find_duplicates`] looks at a contact at all: a hidden account or one without
/// a first name has no name to share.
fn has_name(c: &Contact) -> bool {
    !c.is_hidden() && !c.first_name.is_empty()
}

/// Contacts by case-folded name, to name one contact's probable duplicates (those for
/// which [`find_duplicates`] flags it) without a pass over the network each time.
pub struct Namesakes {
    by_name: HashMap<u64, Vec<u32>>,
}

impl Namesakes {
    pub fn new(contacts: &[Contact]) -> Namesakes {
        let mut by_name: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, c) in contacts.iter().enumerate().filter(|(_, c)| has_name(c)) {
            for name in names(c) {
                by_name.entry(name_hash(&name)).or_default().push(i as u32);
            }
        }
        Namesakes { by_name }
    }

    /// The positions of the contacts that `contacts[i]` is a probable duplicate of: the
    /// same name (in either spelling), and the same, a similar or a missing company.
    pub fn of(&self, contacts: &[Contact], i: usize) -> Vec<usize> {
        let Some(c) = contacts.get(i).filter(|c| has_name(c)) else {
            return Vec::new();
        };
        let key = normalize::company_key(&c.company);
        let mut found: Vec<usize> = names(c)
            .flat_map(|name| {
                let same = self.by_name.get(&name_hash(&name));
                (same.into_iter().flatten().map(|&k| k as usize))
                    .filter(move |&k| k != i && names(&contacts[k]).any(|n| n == name))
            })
            .filter(|&k| companies_alike(&key, &normalize::company_key(&contacts[k].company)))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// A contact's names as [`find_duplicates`] compares them: folded, and spelt out when
/// the name has umlauts or rings.
fn names(c: &Contact) -> impl Iterator<Item = String> {
    let mut folded = String::new();
    c.push_folded_name(&mut folded);
    let mut spelt = String::new();
    let spelt = c.push_spelt_out_name(&mut spelt).then_some(spelt);
    std::iter::once(folded).chain(spelt)
}

/// The hash a case-folded name is indexed by.
fn name_hash(folded: &str) -> u64 {
    foldhash::fast::FixedState::with_seed(0).hash_one(folded)
}

/// Company keys, interned, and their pairwise similarity, each worked out once.
#[derive(Default)]
struct CompanySimilarity<'a> {
    by_company: HashMap<&'a str, u32>,
    by_key: HashMap<String, u32>,
    keys: Vec<String>,
    letters: Vec<Option<Letters>>,
    similar: HashMap<(u32, u32), bool>,
}

/// A company key's length and its characters counted by kind (the low five bits of
/// each), for a bound on its similarity to another that costs no comparison of letters.
struct Letters {
    chars: u8,
    kinds: [u8; 32],
}

impl Letters {
    /// `None` past 255 characters, where the counts would overflow.
    fn of(key: &str) -> Option<Letters> {
        let mut letters = Letters {
            chars: 0,
            kinds: [0; 32],
        };
        for c in key.chars() {
            letters.chars = letters.chars.checked_add(1)?;
            letters.kinds[c as usize & 31] += 1;
        }
        Some(letters)
    }

    /// Whether two keys may reach [`ALIKE`]: Jaro finds at most the characters the two
    /// share (counting by kind can only count more), all in order, and Winkler adds a
    /// tenth of the rest per character of common prefix, at most four.
    fn could_be_alike(&self, a: &str, other: &Letters, b: &str) -> bool {
        let shared: u32 = (self.kinds.iter().zip(&other.kinds))
            .map(|(x, y)| u32::from(*x.min(y)))
            .sum();
        let m = f64::from(shared);
        let jaro = (m / f64::from(self.chars) + m / f64::from(other.chars) + 1.0) / 3.0;
        let prefix = (a.chars().zip(b.chars()).take(4))
            .take_while(|(x, y)| x == y)
            .count();
        // A hair below the threshold: the bound may round down where Jaro-Winkler does not.
        jaro + 0.1 * prefix as f64 * (1.0 - jaro) >= ALIKE - 1e-9
    }
}

impl<'a> CompanySimilarity<'a> {
    fn key(&mut self, company: &'a str) -> u32 {
        if let Some(&id) = self.by_company.get(company) {
            return id;
        }
        let key = normalize::company_key(company);
        let id = match self.by_key.get(&key) {
            Some(&id) => id,
            None => {
                let id = self.keys.len() as u32;
                self.by_key.insert(key.clone(), id);
                self.letters.push(Letters::of(&key));
                self.keys.push(key);
                id
            }
        };
        self.by_company.insert(company, id);
        id
    }

    /// Whether two companies' keys are alike: one missing, or close by Jaro-Winkler. Most
    /// pairs of namesakes' companies are far apart, which the letters' bound tells first.
    fn alike(&mut self, a: u32, b: u32) -> bool {
        let (ka, kb) = (&self.keys[a as usize], &self.keys[b as usize]);
        if ka.is_empty() || kb.is_empty() {
            return true;
        }
        if let (Some(la), Some(lb)) = (&self.letters[a as usize], &self.letters[b as usize])
            && !la.could_be_alike(ka, lb, kb)
        {
            return false;
        }
        *(self.similar.entry((a, b))).or_insert_with(|| companies_alike(ka, kb))
    }

    /// Marks the duplicates in one block of namesakes, sorted by company key: two with
    /// the same company key, and every one of two companies that are alike.
    fn pair_block(&mut self, block: &[NameKey], duplicate: &mut [bool]) {
        let groups: Vec<&[NameKey]> = block.chunk_by(|a, b| a.company == b.company).collect();
        let mut mark =
            |group: &[NameKey]| group.iter().for_each(|k| duplicate[k.at as usize] = true);
        for (i, a) in groups.iter().enumerate() {
            if a.len() > 1 {
                mark(a);
            }
            for b in &groups[i + 1..] {
                if self.alike(a[0].company, b[0].company) {
                    mark(a);
                    mark(b);
                }
            }
        }
    }
}

/// One-line explanations of contacts' scores (the removal plan's reasons), with one
/// scorer for all and each distinct role explained once.
pub struct Explainer<'p, 'c> {
    scorer: Option<Scorer<'p>>,
    by_role: HashMap<RoleKey<'c>, String>,
}

impl<'p, 'c> Explainer<'p, 'c> {
    pub fn new(profile: Option<&'p Profile>) -> Explainer<'p, 'c> {
        Explainer {
            scorer: profile.map(Scorer::new),
            by_role: HashMap::new(),
        }
    }

    /// Why `c` scores what it does, in one line.
    pub fn line(&mut self, c: &'c Contact) -> &str {
        match self.scorer.as_mut() {
            _ if c.is_hidden() => "hidden account: nothing to score",
            None => "no profile yet: not scored",
            Some(s) => self
                .by_role
                .entry((&c.position, &c.company, &c.industry, &c.location))
                .or_insert_with(|| s.breakdown(c, c.seniority).one_line()),
        }
    }
}

/// Whether a score puts a contact in the audience: at or above the profile's threshold
/// ("the right people" of the pillar).
pub fn in_audience(score: Option<u8>, threshold: f64) -> bool {
    score.is_some_and(|s| f64::from(s) >= threshold)
}

/// What netcurate suggests for a contact, with the reason. A warm contact (a two-way
/// conversation within a year) is suggested for protect and never for prune, whatever
/// the score; a colleague for keep (pruning one lowers Build relationships).
pub fn suggest(c: &Contact, threshold: f64) -> Option<(crate::model::Decision, &'static str)> {
    use crate::model::Decision;
    if c.flags.has(Flags::WARM) {
        return Some((
            Decision::Protect,
            "warm: a two-way conversation within a year",
        ));
    }
    if c.flags.has(Flags::COLLEAGUE) {
        return Some((
            Decision::Keep,
            "a colleague: an internal connection, which Build relationships counts",
        ));
    }
    let score = f64::from(c.score?);
    if in_audience(c.score, threshold) {
        Some((
            Decision::Keep,
            "in your audience (score at or above the threshold)",
        ))
    } else if score < threshold / 3.0 && c.decision != Decision::Protect {
        Some((
            Decision::Prune,
            "far from your audience (score under a third of the threshold)",
        ))
    } else {
        None
    }
}

/// Explains one contact in full (the `explain` command and the TUI's explain pane).
pub fn explain(contact: &Contact, profile: Option<&Profile>) -> Option<Breakdown> {
    let tier = seniority::classify(&contact.position).tier;
    profile.map(|p| Scorer::new(p).breakdown(contact, tier))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Decision;

    /// The scores handed over chunk by chunk are `score_all`'s, in the contacts' order
    /// (the duplicate flags come apart): a small first chunk, for the writer to start
    /// on, then larger ones up to `SCORED_CHUNK`.
    #[test]
    fn scores_in_chunks_are_every_score_in_order() {
        let titles = [
            "VP Engineering",
            "Head of Platform",
            "Recruiter",
            "Engineer",
            "CTO",
        ];
        let contacts: Vec<Contact> = (0..10_000)
            .map(|i| Contact {
                id: i as i64 + 1,
                first_name: ["Ada", "Noah", "Priya"][i % 3].into(),
                last_name: format!("N{}", i % 3000).into(),
                position: format!("{} {}", titles[i % 5], i % 7).into(),
                company: ["Hooli", "Acme", "Stark Cloud"][i % 3].into(),
                ..Contact::default()
            })
            .collect();
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo/profile.toml"),
        )
        .expect("profile");
        let profile = Profile::parse("profile.toml", &text).expect("profile");
        let mut sizes = Vec::new();
        let mut chunked = Vec::new();
        let duplicates = score_in_chunks(&contacts, Some(&profile), |part| {
            sizes.push(part.len());
            chunked.extend(part);
        });
        let all = score_all(&contacts, Some(&profile));
        assert_eq!(sizes.iter().sum::<usize>(), contacts.len());
        assert_eq!(sizes[0], FIRST_SCORED_CHUNK);
        assert!(sizes.iter().all(|&n| n <= SCORED_CHUNK) && sizes.contains(&SCORED_CHUNK));
        assert!(duplicates.contains(&true), "namesakes at one company");
        let apart: Vec<Scored> = (chunked.into_iter().zip(duplicates))
            .map(|(mut s, duplicate)| {
                s.set_duplicate(duplicate);
                s
            })
            .collect();
        assert_eq!(apart, all.into_iter().map(|(_, s)| s).collect::<Vec<_>>());
    }

    fn contact(score: u8, flags: u32) -> Contact {
        Contact {
            score: Some(score),
            flags: Flags(flags),
            ..Contact::default()
        }
    }

    /// Warm contacts are suggested for protect and never for prune, whatever the score;
    /// colleagues for keep; the others by score.
    #[test]
    fn suggestions_protect_the_warm_and_keep_colleagues() {
        let suggested = |c: &Contact| suggest(c, 60.0).map(|x| x.0);
        for score in [0, 5, 30, 90] {
            let s = suggested(&contact(score, Flags::WARM));
            assert_eq!(s, Some(Decision::Protect), "score {score}");
        }
        assert_eq!(suggested(&contact(5, 0)), Some(Decision::Prune));
        assert_eq!(suggested(&contact(70, 0)), Some(Decision::Keep));
        assert_eq!(suggested(&contact(40, 0)), None);
        assert_eq!(
            suggested(&contact(5, Flags::COLLEAGUE)),
            Some(Decision::Keep)
        );
        let warm_colleague = contact(5, Flags::COLLEAGUE | Flags::WARM);
        assert_eq!(suggested(&warm_colleague), Some(Decision::Protect));
    }

    /// Scoring flags colleagues: connections at one of the profile's companies, however
    /// its name is spelled; not a contact from another CSV, and nobody without companies.
    #[test]
    fn scoring_flags_colleagues() {
        let mut profile = Profile::parse("p", "name = \"p\"\n").expect("profile");
        let person = |company: &str, is_connection| Contact {
            company: company.into(),
            position: "Engineer".into(),
            is_connection,
            ..Contact::default()
        };
        let people = [
            person("ACME Widgets", true),
            person("Acme Widgets Inc.", true),
            person("Acme Widgets", false),
            person("Hooli", true),
        ];
        let flagged = |profile: &Profile| -> Vec<bool> {
            (score_all(&people, Some(profile)).iter())
                .map(|(_, s)| Flags(s.stored_flags).has(Flags::COLLEAGUE))
                .collect()
        };
        assert_eq!(flagged(&profile), [false; 4]);
        profile.my_companies = vec!["Acme Widgets".into()];
        assert_eq!(flagged(&profile), [true, true, false, false]);
        profile.my_companies = vec![String::new()];
        assert_eq!(
            flagged(&profile),
            [false; 4],
            "an empty name is nobody's company"
        );
    }

    #[test]
    fn duplicates_need_the_same_name_and_a_similar_company() {
        let person = |id, first: &str, company: &str| Contact {
            id,
            first_name: first.into(),
            last_name: "Sample".into(),
            company: company.into(),
            ..Contact::default()
        };
        let contacts = vec![
            person(1, "Ada", "Hooli Inc."),
            person(2, "Ada", "Hooli"),
            person(3, "Ada", "Globex"),
            person(4, "Bo", "Hooli"),
            person(5, "Cy", "Initech"),
            person(6, "Cy", ""),
        ];
        let found = find_duplicates(&contacts);
        assert_eq!(found, [true, true, false, false, true, true]);
    }

    /// The letters' bound never rules out two alike companies: every pair of the
    /// synthetic companies, their typos (a letter dropped, two swapped), other endings
    /// and accented spellings; and it rules out most pairs that are not alike.
    #[test]
    fn the_letters_bound_keeps_every_alike_pair() {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let mut names: Vec<String> = crate::synth::COMPANIES
            .iter()
            .map(|c| c.to_string())
            .collect();
        names.extend(
            crate::synth::people(3, 3000, (100, 100, 300), 0, as_of)
                .into_iter()
                .map(|p| p.company)
                .take(300),
        );
        for name in names.clone().iter().take(60) {
            let chars: Vec<char> = name.chars().collect();
            let dropped: String = chars
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != 2)
                .map(|(_, c)| c)
                .collect();
            let mut swapped = chars.clone();
            swapped.swap(1, 2);
            names.extend([
                dropped,
                swapped.into_iter().collect(),
                format!("{name} Labs"),
                name.replace('o', "ö").replace('e', "é"),
            ]);
        }
        let keys: Vec<String> = names.iter().map(|n| normalize::company_key(n)).collect();
        let (mut alike, mut ruled_out, mut unlike) = (0, 0, 0);
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                let (la, lb) = (
                    Letters::of(a).expect("short"),
                    Letters::of(b).expect("short"),
                );
                let bound = la.could_be_alike(a, &lb, b);
                if strsim::jaro_winkler(a, b) >= ALIKE {
                    alike += 1;
                    assert!(bound, "{a:?} and {b:?} are alike");
                } else {
                    unlike += 1;
                    ruled_out += usize::from(!bound);
                }
            }
        }
        assert!(alike > 100, "alike pairs: {alike}");
        assert!(ruled_out * 2 > unlike, "ruled out {ruled_out} of {unlike}");
    }

    /// The blocked, interned search flags exactly the contacts that have a namesake with
    /// the same, a similar or a missing company, on a generated network with many
    /// namesakes (checked against every pair).
    #[test]
    fn duplicates_match_a_pairwise_check_on_a_generated_network() {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let mut contacts: Vec<Contact> =
            crate::synth::people(7, 20_000, (100, 100, 300), 10, as_of)
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    let mut flags = Flags::default();
                    flags.set(Flags::HIDDEN, p.hidden);
                    Contact {
                        id: i as ContactId + 1,
                        first_name: p.first.into(),
                        last_name: p.last.into(),
                        company: p.company.into(),
                        flags,
                        ..Contact::default()
                    }
                })
                .collect();
        // Case and a final sigma must not split a block.
        contacts[10].first_name = contacts[11].first_name.to_uppercase();
        contacts[10].last_name = contacts[11].last_name.clone();
        // Umlauts in both spellings: namesakes by one of their names.
        contacts[20].first_name = "Jürgen".into();
        contacts[20].last_name = "Müller".into();
        contacts[20].company = "Initech".into();
        contacts[21].first_name = "Juergen".into();
        contacts[21].last_name = "Mueller".into();
        contacts[21].company = "Initech GmbH".into();
        let names = |c: &Contact| -> Vec<String> {
            crate::import::rows::name_keys(&c.first_name, &c.last_name).collect()
        };
        let alike = |a: &Contact, b: &Contact| {
            let (ka, kb) = (
                normalize::company_key(&a.company),
                normalize::company_key(&b.company),
            );
            companies_alike(&ka, &kb)
        };
        let mut by_name: std::collections::BTreeMap<String, Vec<&Contact>> = Default::default();
        for c in contacts
            .iter()
            .filter(|c| !c.is_hidden() && !c.first_name.is_empty())
        {
            for name in names(c) {
                by_name.entry(name).or_default().push(c);
            }
        }
        let mut expected: Vec<ContactId> = by_name
            .values()
            .flat_map(|block| {
                block
                    .iter()
                    .filter(|a| block.iter().any(|b| b.id != a.id && alike(a, b)))
            })
            .map(|c| c.id)
            .collect();
        expected.sort();
        expected.dedup();
        assert!(expected.contains(&21) && expected.contains(&22));
        let found: Vec<ContactId> = contacts
            .iter()
            .zip(find_duplicates(&contacts))
            .filter_map(|(c, duplicate)| duplicate.then_some(c.id))
            .collect();
        assert!(
            expected.len() > 20,
            "the network has namesakes: {}",
            expected.len()
        );
        assert_eq!(found, expected);
        // One contact's duplicates, named: there are some exactly when it is flagged,
        // and each names it back.
        let namesakes = Namesakes::new(&contacts);
        let flagged = find_duplicates(&contacts);
        for (i, &duplicate) in flagged.iter().enumerate() {
            let of = namesakes.of(&contacts, i);
            assert_eq!(!of.is_empty(), duplicate, "{}", contacts[i].full_name());
            assert!(of.iter().all(|&k| namesakes.of(&contacts, k).contains(&i)));
        }
    }
}
