//! The filter language (the README's "Filter language"; `--filter` and the TUI's `/`): a
//! query is parsed once into terms, then run over the in-memory network through
//! precomputed haystacks (with the marks of where text matched); a malformed term is an
//! error that names it. The text is read into terms in `parse`; the haystacks and marks
//! are in `haystack`; how a bare word matches, in `words`; sorting is in `sort`, Tab
//! completion of a term in `complete`.
//!
//! Must not: touch the database or the terminal.

use crate::error::{Result, did_you_mean};
use crate::model::{Contact, ContactParts, Decision, Flags, Function, Seniority};
use crate::network::Network;
use crate::text::{folded, push_searched};
use chrono::NaiveDate;

mod complete;
mod haystack;
mod members;
mod parse;
mod sort;
mod words;

pub use complete::{
    Completion, WordCompletion, complete, complete_word, last_term, network_values, words_starting,
};
pub use haystack::{Haystack, Marks};
pub use members::Members;
pub use sort::{SortKey, sort};

use haystack::{Found, mark};
use parse::{DateSpan, is_date_field, term, tokens};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

impl Cmp {
    fn split(value: &str) -> (Cmp, &str) {
        for (prefix, cmp) in [
            ("<=", Cmp::Le),
            (">=", Cmp::Ge),
            ("<", Cmp::Lt),
            (">", Cmp::Gt),
            ("=", Cmp::Eq),
        ] {
            if let Some(rest) = value.strip_prefix(prefix) {
                return (cmp, rest);
            }
        }
        (Cmp::Eq, value)
    }

    fn holds<T: PartialOrd>(self, a: T, b: T) -> bool {
        match self {
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
            Cmp::Eq => a == b,
        }
    }
}

/// A contact's text a field term looks in for a piece of text (`company:hool`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum TextField {
    Name,
    Company,
    Title,
    Url,
    /// The texts only other contact CSVs (a CRM, an enrichment file) bring: folded when
    /// a term reads them, not kept in every contact's haystack.
    Location,
    Industry,
    Email,
}

impl TextField {
    /// Each field's names in a term (`position:` is `title:`).
    const NAMES: [(&str, TextField); 8] = [
        ("name", TextField::Name),
        ("company", TextField::Company),
        ("title", TextField::Title),
        ("position", TextField::Title),
        ("url", TextField::Url),
        ("location", TextField::Location),
        ("industry", TextField::Industry),
        ("email", TextField::Email),
    ];

    /// The field's name in a term (`title`, not `position`).
    fn name(self) -> &'static str {
        (Self::NAMES.iter())
            .find_map(|&(n, field)| (field == self).then_some(n))
            .unwrap_or_default()
    }

    fn named(name: &str) -> Option<TextField> {
        let name = name.to_ascii_lowercase();
        (Self::NAMES.iter()).find_map(|&(n, field)| (n == name).then_some(field))
    }

    /// The one text of `c` this field reads, as written (`None` for a name, which is two
    /// texts, and a URL, looked for by its key).
    fn written(self, c: &Contact) -> Option<&str> {
        match self {
            TextField::Company => Some(&c.company),
            TextField::Title => Some(&c.position),
            TextField::Location => Some(&c.location),
            TextField::Industry => Some(&c.industry),
            TextField::Email => Some(&c.email),
            TextField::Name | TextField::Url => None,
        }
    }

    /// Whether a term of this field finds its text where a word of the field starts
    /// (`title:cto`, `name:ann`, `company:micro`), or anywhere in it (a URL's slug, an
    /// email address: `url:sample`, `email:gmail`).
    fn has_words(self) -> bool {
        !matches!(self, TextField::Url | TextField::Email)
    }

    fn part(self) -> u16 {
        match self {
            TextField::Name => ContactParts::NAME,
            TextField::Company => ContactParts::COMPANY,
            TextField::Title => ContactParts::TITLE,
            TextField::Url => ContactParts::URL,
            TextField::Location | TextField::Industry | TextField::Email => ContactParts::REST,
        }
    }
}

/// Whether `term` (as typed) looks for a piece of text in one field (`company:hool`, not
/// negated): typing on at its end can only narrow what it matches.
pub fn is_text_field_term(term: &str) -> bool {
    (term.split_once(':')).is_some_and(|(field, _)| TextField::named(field).is_some())
}

/// A lower-cased substring with its searcher built once per query, not per row; typed
/// with umlauts or rings, it is looked for in its spelt-out spelling too (`müller` also
/// finds Mueller, as `mueller` finds Müller).
#[derive(Clone)]
struct Needle {
    text: String,
    finder: memchr::memmem::Finder<'static>,
    /// The spelt-out spelling of a needle typed with umlauts or rings.
    spelt_out: Option<Box<Needle>>,
}

impl Needle {
    fn new(text: String) -> Needle {
        let finder = memchr::memmem::Finder::new(text.as_bytes()).into_owned();
        Needle {
            text,
            finder,
            spelt_out: None,
        }
    }

    /// The needle of text as typed: folded, and spelt out too when it has umlauts or rings.
    fn typed(text: &str) -> Needle {
        Needle {
            spelt_out: crate::text::other_spelling(text).map(|s| Box::new(Needle::new(s))),
            ..Needle::new(folded(text))
        }
    }

    /// This needle and its spelt-out spelling, if any.
    fn spellings(&self) -> impl Iterator<Item = &Needle> {
        std::iter::once(self).chain(self.spelt_out.as_deref())
    }

    /// Where this needle (this spelling) is first in `text` in one piece, and, when it
    /// starts with a letter or a digit, where a word of the text starts (`cto` is in
    /// "Co-Founder & CTO", not in "Director"; `ann` in Anna, not in Hartmann).
    fn first_in(&self, text: &[u8], from_word_start: bool) -> Option<usize> {
        let first = self.text.bytes().next().unwrap_or_default();
        let anywhere = !from_word_start || !words::is_word_byte(first);
        let mut found = self.finder.find_iter(text);
        found.find(|&at| anywhere || words::starts_word(text, at))
    }

    /// The needle (in one of its spellings) in `haystack`: where a word starts when
    /// `from_word_start` ([`Needle::first_in`]), else anywhere.
    fn in_text(&self, haystack: &str, from_word_start: bool) -> bool {
        let bytes = haystack.as_bytes();
        (self.spellings()).any(|n| n.first_in(bytes, from_word_start).is_some())
    }

    /// [`Needle::in_text`] of `text` folded now (a text no haystack keeps).
    fn in_folded(&self, text: &str, from_word_start: bool) -> bool {
        thread_local! {
            static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        !text.is_empty()
            && FOLDED.with_borrow_mut(|folded| {
                folded.clear();
                push_searched(folded, &[text]);
                self.in_text(folded, from_word_start)
            })
    }

    /// Whether this needle (in one of its spellings) may start a word of `field` in
    /// `hay`: not when the text's initials lack its first byte, which a match from the
    /// start of a word, in one piece or in pieces, starts with.
    fn may_start_a_word_of(&self, hay: &Haystack, field: TextField) -> bool {
        let first = |n: &Needle| n.text.bytes().next();
        (self.spellings()).any(|n| first(n).is_none_or(|b| hay.may_start_word(field, b)))
    }

    /// The needle (in one of its spellings) in pieces from the starts of the haystack's
    /// words ([`words`]).
    fn starts_words_of(&self, haystack: &str) -> bool {
        self.spellings()
            .any(|n| words::matches(n.text.as_bytes(), haystack.as_bytes()))
    }
}

impl PartialEq for Needle {
    fn eq(&self, other: &Needle) -> bool {
        self.text == other.text
    }
}

impl std::fmt::Debug for Needle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.text)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Test {
    /// A bare word: in name, title or company, in pieces from word starts ([`words`]).
    Words(Needle),
    Text(TextField, Needle),
    Tag(String),
    Decision(Decision),
    Score(Cmp, f64),
    Tier(Cmp, Seniority),
    Connected(Cmp, DateSpan),
    /// The day a job change was recorded (by an import).
    JobChanged(Cmp, DateSpan),
    Gone(Cmp, DateSpan),
    /// The day an import added the contact to the connections.
    Added(Cmp, DateSpan),
    Function(Function),
    Flag(u32),
    /// Either of a term's values (`company:hooli|acme`, `hooli|acme`), with the texts of
    /// a contact's haystack they read, together ([`Test::text_fields`]).
    Any(Vec<Test>, Vec<TextField>),
}

#[derive(Debug, Clone, PartialEq)]
struct Term {
    negate: bool,
    test: Test,
}

/// From this many contacts a full pass of a query is split between two threads (below,
/// starting a thread costs more than it saves).
const PARALLEL_FROM: usize = 20_000;

/// The words of the names, titles and companies in `hay` (every contact's haystack), or
/// of the `field` named (`name`: of the names alone), that start with `typed` (case and
/// accents ignored, umlauts typed spelt out or not), folded, the most common first: what
/// Tab completes a bare word of a filter to, or a `name:` term.
pub fn words_in(hay: &[Haystack], field: &str, typed: &str) -> Vec<String> {
    let fields: &[TextField] = match TextField::named(field) {
        None => &WORD_FIELDS,
        Some(field) => match WORD_FIELDS.iter().position(|&f| f == field) {
            Some(at) => &WORD_FIELDS[at..=at],
            None => return Vec::new(),
        },
    };
    let needle = Needle::typed(typed);
    let spellings: Vec<&str> = needle.spellings().map(|n| n.text.as_str()).collect();
    // Its spellings start alike (`ü` and `ue`, folded): texts none of whose words starts
    // so are passed over.
    let Some(first) = needle.text.bytes().next() else {
        return Vec::new();
    };
    let texts = hay.iter().flat_map(|h| h.texts_with_initial(fields, first));
    let words = words::starting_with(&spellings, texts);
    words.into_iter().map(String::from).collect()
}

/// `work` on each half of the positions `0..n` side by side when they are many (from
/// [`PARALLEL_FROM`]), else on all of them: what each piece gave, in order.
fn in_halves<T: Send>(n: usize, work: impl Fn(std::ops::Range<usize>) -> T + Sync) -> Vec<T> {
    if n < PARALLEL_FROM {
        return vec![work(0..n)];
    }
    let (a, b) = crate::parallel::join(|| work(0..n / 2), || work(n / 2..n));
    vec![a, b]
}

/// [`words::words_like`] over the texts of `fields` in `hay` (every contact's haystack)
/// whose words start as `typed` does, in halves side by side at 100k: the words (or
/// phrases) `typed` could misspell, with how often each comes; `None` as soon as a text
/// `matches`. (Its spellings start alike, `ü` and `ue`, so other texts are not asked.)
fn words_like_in<'h>(
    hay: &'h [Haystack],
    typed: &str,
    fields: &[TextField],
    matches: impl Fn(&str) -> bool + Sync,
) -> Option<foldhash::HashMap<&'h str, u32>> {
    let first = typed.bytes().next()?;
    let like = in_halves(hay.len(), |at| {
        let texts = (hay[at].iter()).flat_map(|h| h.texts_with_initial(fields, first));
        words::words_like(typed, texts, &matches)
    });
    let like: Vec<_> = like.into_iter().collect::<Option<_>>()?;
    let counts = like.into_iter().reduce(|mut all, more| {
        more.into_iter()
            .for_each(|(word, n)| *all.entry(word).or_default() += n);
        all
    });
    Some(counts.unwrap_or_default())
}

/// The texts of a contact's haystack `tests` read, each once, in field order.
fn text_fields_of<'t>(tests: impl Iterator<Item = &'t Test>) -> Vec<TextField> {
    let mut fields: Vec<TextField> = tests.flat_map(Test::text_fields).copied().collect();
    fields.sort_unstable_by_key(|f| *f as u8);
    fields.dedup();
    fields
}

/// The words of `counts` by how often they come, the most common first (then in
/// alphabetical order).
fn most_common_first(counts: foldhash::HashMap<&str, u32>) -> Vec<&str> {
    let mut words: Vec<(&str, u32)> = counts.into_iter().collect();
    words.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    words.into_iter().map(|(word, _)| word).collect()
}

/// " (did you mean hooli?)" when one of the words of `counts` ([`words::words_like`]) looks
/// like what `typed` misspells ([`did_you_mean`]); of words as alike, the most common.
fn said_meant(typed: &str, counts: foldhash::HashMap<&str, u32>) -> String {
    // Of names as alike, did_you_mean says the last: given the least common first, the
    // most common.
    did_you_mean(typed, most_common_first(counts).into_iter().rev())
}

/// The fields a bare word looks in.
const WORD_FIELDS: [TextField; 3] = [TextField::Name, TextField::Title, TextField::Company];

/// Fields as a sentence names them: "title", "name, title or company".
fn said_fields(fields: &[TextField]) -> String {
    let names: Vec<&str> = fields.iter().map(|f| f.name()).collect();
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// A parsed query; the empty query matches everything.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    terms: Vec<Term>,
}

/// What a network holds at all of what only some imports bring (scores, messages, an
/// import's news, a contact CSV's texts): a filter asking for what no contact has finds no
/// one, and [`Query::lacking`] says why.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Holds {
    pub scores: bool,
    pub messages: bool,
    pub added: bool,
    pub job_changes: bool,
    pub gone: bool,
    pub emails: bool,
    pub industries: bool,
    pub locations: bool,
}

impl Holds {
    pub fn of<'c>(contacts: impl IntoIterator<Item = &'c Contact>) -> Holds {
        let mut h = Holds::default();
        for c in contacts {
            h.scores |= c.score.is_some();
            h.messages |= c.message_count > 0;
            h.added |= c.added_on.is_some();
            h.job_changes |= c.job_changed_on.is_some();
            h.gone |= c.gone_on.is_some();
            h.emails |= !c.email.is_empty();
            h.industries |= !c.industry.is_empty();
            h.locations |= !c.location.is_empty();
        }
        h
    }

    fn has(&self, lack: Lack) -> bool {
        match lack {
            Lack::Scores => self.scores,
            Lack::Messages => self.messages,
            Lack::Added => self.added,
            Lack::JobChanges => self.job_changes,
            Lack::Gone => self.gone,
            Lack::Emails => self.emails,
            Lack::Industries => self.industries,
            Lack::Locations => self.locations,
        }
    }
}

/// What a network lacks that a filter asks for ([`Query::lacking`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lack {
    Scores,
    Messages,
    Added,
    JobChanges,
    Gone,
    Emails,
    Industries,
    Locations,
}

impl Lack {
    /// Why a filter asking for it finds no one (for scores, the caller adds how to score).
    pub fn reason(self) -> &'static str {
        match self {
            Lack::Scores => "no contact is scored yet",
            Lack::Messages => {
                "no messages imported yet (messages.csv, in your LinkedIn export, brings them)"
            }
            Lack::Added => {
                "no import has added connections yet (a first import's are the network, not news)"
            }
            Lack::JobChanges => {
                "no job change recorded yet (importing a newer export records them)"
            }
            Lack::Gone => "no connection found gone yet (importing a newer export finds them)",
            Lack::Emails => {
                "no contact has an email address (a contact CSV, such as a CRM's, brings them)"
            }
            Lack::Industries => {
                "no contact has an industry (a contact CSV, such as an enrichment file, brings them)"
            }
            Lack::Locations => {
                "no contact has a location (a contact CSV, such as a CRM's, brings them)"
            }
        }
    }
}

/// The events a query selects contacts by, and the texts of a contact CSV
/// ([`Query::asks_about`]): what a list of them is about, beyond who they are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AskedAbout {
    pub job_changes: bool,
    pub gone: bool,
    pub added: bool,
    /// The texts a contact CSV brings (`industry:`, `location:`).
    pub industry: bool,
    pub location: bool,
}

impl Query {
    /// The query `text`, its relative dates (`added:>=7d`) counted back from `today`.
    pub fn parse(text: &str, today: NaiveDate) -> Result<Query> {
        let terms = tokens(text)
            .into_iter()
            .map(|t| term(t, today))
            .collect::<Result<_>>()?;
        Ok(Query { terms })
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every term holds for `c`.
    pub fn matches(&self, c: &Contact, hay: &Haystack) -> bool {
        self.terms.iter().all(|t| t.test.holds(c, hay) != t.negate)
    }

    /// Where this query's text terms match `c`'s name, title and company, to show them:
    /// bare words where their pieces start words, `name:` `title:` `company:`
    /// where their text is. Negated terms mark nothing.
    pub fn marks(&self, c: &Contact) -> Marks {
        let mut marks = Marks::default();
        if self.terms.is_empty() {
            return marks;
        }
        let name = c.full_name();
        for term in self.terms.iter().filter(|t| !t.negate) {
            term.test.mark(c, &name, &mut marks);
        }
        for positions in [&mut marks.name, &mut marks.title, &mut marks.company] {
            positions.sort_unstable();
            positions.dedup();
        }
        marks
    }

    /// Which contacts match, by position: one sequential pass over the network (fast
    /// at 100k because memory is read in order).
    /// A large network is tested in two halves side by side.
    pub fn mask(&self, network: &Network, hay: &[Haystack]) -> Vec<bool> {
        let contacts = &network.contacts;
        let part = |at: std::ops::Range<usize>| -> Vec<bool> {
            (contacts[at.clone()].iter().zip(&hay[at]))
                .map(|(c, h)| self.matches(c, h))
                .collect()
        };
        in_halves(contacts.len().min(hay.len()), part).concat()
    }

    /// Positions of every matching contact, for a one-off query.
    pub fn filter_once(&self, network: &Network) -> Vec<u32> {
        let mut test = self.one_off();
        (0..network.contacts.len() as u32)
            .filter(|&i| test.matches(&network.contacts[i as usize]))
            .collect()
    }

    /// The events this query selects contacts by (in terms not negated): job changes
    /// (`changed:`, `flag:job-change`), connections gone (`gone:`, `flag:gone`), or
    /// added by an import (`added:`).
    pub fn asks_about(&self) -> AskedAbout {
        let mut asked = AskedAbout::default();
        for term in self.terms.iter().filter(|t| !t.negate) {
            term.test.ask_about(&mut asked);
        }
        asked
    }

    /// Why this query finds no one, when the network tells: it asks for what the network
    /// holds nowhere (`holds`, [`Query::lacking`]; `unscored` words the lack of scores with
    /// how the caller's user gets them), for a tag nobody has (`tags`, the tags contacts
    /// have), or by a bare word that starts no word of anyone's (`hay`, every contact's
    /// haystack: [`Query::unmatched_word`]). Each is asked for only when a term needs it.
    pub fn why_none<T: AsRef<str>, H: AsRef<[Haystack]>>(
        &self,
        holds: impl FnOnce() -> Option<Holds>,
        tags: impl FnOnce() -> Option<Vec<T>>,
        hay: impl FnOnce() -> Option<H>,
        unscored: impl FnOnce() -> String,
    ) -> Option<String> {
        match self.lacking(holds) {
            Some(Lack::Scores) => return Some(unscored()),
            Some(lack) => return Some(lack.reason().to_string()),
            None => {}
        }
        if self.tags_asked().next().is_some() {
            let tags = tags()?;
            let tags: Vec<&str> = tags.iter().map(AsRef::as_ref).collect();
            if let Some(why) = self.unknown_tag(&tags) {
                return Some(why);
            }
        }
        self.words_asked().next()?;
        let hay = hay()?;
        let hay = hay.as_ref();
        if let Some(why) = self.or_meant(hay) {
            return Some(why);
        }
        self.unmatched_word(hay).or_else(|| self.words_apart(hay))
    }

    /// The terms of this query, not negated, that look for text where words of a name, a
    /// title or a company start: bare words, and `name:` `title:` `company:` terms.
    fn words_asked(&self) -> impl Iterator<Item = &Test> {
        let asked = self.terms.iter().filter(|t| !t.negate);
        asked
            .map(|t| &t.test)
            .filter(|test| test.starts_words().is_some())
    }

    /// Why this query, which finds no one, does: one of its bare words, or its `name:`
    /// `title:` `company:` terms, alone matches no contact of `hay` (every contact's
    /// haystack). Said with the word likely meant: "no name, title or company has a word
    /// starting with 'hooly' (did you mean hooli?)", "no title has a word starting with
    /// 'ctoo' (did you mean cto?)".
    pub fn unmatched_word(&self, hay: &[Haystack]) -> Option<String> {
        // A term that is the whole query matches no one: nothing to ask.
        let alone = self.terms.len() == 1;
        let (needle, fields, counts) = self.words_asked().find_map(|test| {
            let (needle, fields) = test.starts_words()?;
            let like = words_like_in(hay, &needle.text, fields, |t| !alone && test.in_one_text(t))?;
            Some((needle, fields, like))
        })?;
        let typed = &needle.text;
        let near = match typed.strip_prefix('-') {
            // `-word` as a field term is left out (a bare word never is).
            Some(word) if word.starts_with(|c: char| c.is_alphanumeric()) => format!(
                " (a bare word is looked for as typed: to leave out those with a word, \
                 name its field, -title:{word})"
            ),
            _ => said_meant(typed, counts),
        };
        let fields = said_fields(fields);
        Some(format!(
            "no {fields} has a word starting with '{typed}'{near}"
        ))
    }

    /// Why this query finds no one when it asks for words alone (bare words, `name:`
    /// `title:` `company:` terms; none negated), each of which finds someone
    /// ([`Query::unmatched_word`] found none that does not): no one has them all. Bare
    /// words are read as one phrase too, and the phrase likely meant said, one slip away:
    /// "no one matches 'head', 'fo' and 'sales' together (did you mean head of sales?)".
    fn words_apart(&self, hay: &[Haystack]) -> Option<String> {
        let asked =
            (self.terms.iter()).map(|t| (!t.negate).then(|| t.test.starts_words()).flatten());
        let asked: Vec<(&Needle, &[TextField])> = asked.collect::<Option<_>>()?;
        if asked.len() < 2 {
            return None;
        }
        let said: Vec<String> = (self.terms.iter().zip(&asked))
            .map(|(term, (needle, fields))| match term.test {
                Test::Words(_) => format!("'{}'", needle.text),
                _ => format!("'{}:{}'", fields[0].name(), needle.text),
            })
            .collect();
        let near = self.phrase_meant(hay);
        let (last, rest) = said.split_last()?;
        Some(format!(
            "no one matches {} and {last} together{}",
            rest.join(", "),
            match near.is_empty() {
                true => " (each finds someone alone)".to_string(),
                false => near,
            }
        ))
    }

    /// " (did you mean head of sales?)" when this query is bare words alone (two or more)
    /// that read as one phrase are one slip from a phrase of names, titles or companies
    /// in `hay`; else "".
    fn phrase_meant(&self, hay: &[Haystack]) -> String {
        let words: Option<Vec<&str>> = (self.terms.iter())
            .map(|t| match &t.test {
                Test::Words(needle) if !t.negate => Some(needle.text.as_str()),
                _ => None,
            })
            .collect();
        let phrase = match words {
            Some(words) if words.len() >= 2 => words.join(" "),
            _ => return String::new(),
        };
        match words_like_in(hay, &phrase, &WORD_FIELDS, |_| false) {
            Some(mut counts) => {
                counts.retain(|meant, _| strsim::damerau_levenshtein(&phrase, meant) <= 1);
                said_meant(&phrase, counts)
            }
            None => String::new(),
        }
    }

    /// Why this query finds no one when it holds `or` between two bare words (`hooli or
    /// acme`), meant as either: every word must match, `or` too. With the phrase meant,
    /// when there is one (`head or sales`: head of sales?).
    fn or_meant(&self, hay: &[Haystack]) -> Option<String> {
        let words = self.terms.windows(3).find_map(|terms| match terms {
            [
                Term {
                    negate: false,
                    test: Test::Words(a),
                },
                Term {
                    negate: false,
                    test: Test::Words(or),
                },
                Term {
                    negate: false,
                    test: Test::Words(b),
                },
            ] if or.text == "or" => Some((a, b)),
            _ => None,
        });
        let (a, b) = words?;
        let near = self.phrase_meant(hay);
        Some(format!(
            "'or' is looked for as a word, as every word is: for either, join them with |: {}|{}{}",
            a.text, b.text, near
        ))
    }

    /// Why this query can match no contact when it asks for a tag (in a term not negated)
    /// that none of `tags` is, the tags contacts have: "no contact is tagged 'bord' (did
    /// you mean board?)" — a misspelt tag, or one not given yet, finds nobody unsaid. A
    /// term of tags as alternatives (`tag:vipp|bord`) when none of them is.
    pub fn unknown_tag(&self, tags: &[&str]) -> Option<String> {
        self.tags_asked()
            .find_map(|asked| untagged_all(&asked, tags))
    }

    /// The first thing this query asks for (in a term not negated) that the network
    /// holds nowhere: why it finds no one. What it holds is asked (`holds`: a pass over
    /// the network) only when the query asks for such a thing; `None` from it says nothing.
    pub fn lacking(&self, holds: impl FnOnce() -> Option<Holds>) -> Option<Lack> {
        let asked = self.terms.iter().filter(|t| !t.negate);
        let needs: Vec<Lack> = asked.filter_map(|t| t.test.needs()).collect();
        if needs.is_empty() {
            return None;
        }
        let holds = holds()?;
        needs.into_iter().find(|&lack| !holds.has(lack))
    }

    /// The tag this query asks for, when that is all it asks (one term, not negated).
    pub(crate) fn only_tag(&self) -> Option<&str> {
        match self.terms.as_slice() {
            [
                Term {
                    negate: false,
                    test: Test::Tag(tag),
                },
            ] => Some(tag),
            _ => None,
        }
    }

    /// The tags each term not negated asks for: its one, or its alternatives when each
    /// is a tag (`tag:vip|board`).
    fn tags_asked(&self) -> impl Iterator<Item = Vec<&str>> {
        let asked = self.terms.iter().filter(|t| !t.negate);
        asked.filter_map(|term| match &term.test {
            Test::Tag(tag) => Some(vec![tag.as_str()]),
            Test::Any(tests, _) => (tests.iter())
                .map(|test| match test {
                    Test::Tag(tag) => Some(tag.as_str()),
                    _ => None,
                })
                .collect(),
            _ => None,
        })
    }

    /// The parts of a contact this query reads.
    pub fn reads(&self) -> ContactParts {
        let mut parts = ContactParts::default();
        for term in &self.terms {
            parts.add(term.test.reads());
        }
        parts
    }

    /// This query for contacts seen once each: each contact's haystack is made in turn,
    /// of the texts the terms read only, in one reused buffer instead of kept for all.
    pub fn one_off(&self) -> OneOffQuery {
        OneOffQuery {
            query: self.clone(),
            fields: text_fields_of(self.terms.iter().map(|t| &t.test)),
            hay: Haystack::default(),
        }
    }

    /// Positions (in `network.contacts`) of the matching contacts, among `within`.
    pub fn filter(
        &self,
        network: &Network,
        hay: &[Haystack],
        within: impl Iterator<Item = u32>,
    ) -> Vec<u32> {
        within
            .filter(|&i| self.matches(&network.contacts[i as usize], &hay[i as usize]))
            .collect()
    }
}

/// A query with its own haystack buffer, for contacts seen once each ([`Query::one_off`]).
/// Cloned, it can test contacts on another thread; it owns its query, so that SQLite can
/// call it (see `Store::load_contacts_where`).
#[derive(Debug, Clone)]
pub struct OneOffQuery {
    query: Query,
    fields: Vec<TextField>,
    hay: Haystack,
}

impl OneOffQuery {
    pub fn matches(&mut self, c: &Contact) -> bool {
        self.hay.fill_fields(c, &self.fields);
        self.query.matches(c, &self.hay)
    }
}

impl Test {
    /// A test that holds when one of `tests` holds.
    pub(super) fn any(tests: Vec<Test>) -> Test {
        let fields = text_fields_of(tests.iter());
        Test::Any(tests, fields)
    }

    /// What a contact must hold for this test to find it, of what only some imports bring.
    fn needs(&self) -> Option<Lack> {
        match self {
            // What each of them needs, when that is one thing.
            Test::Any(tests, _) => {
                let mut needs = tests.iter().map(Test::needs);
                let first = needs.next().flatten()?;
                needs.all(|need| need == Some(first)).then_some(first)
            }
            Test::Score(..) => Some(Lack::Scores),
            Test::Added(..) => Some(Lack::Added),
            Test::JobChanged(..) => Some(Lack::JobChanges),
            Test::Gone(..) => Some(Lack::Gone),
            Test::Text(TextField::Email, _) => Some(Lack::Emails),
            Test::Text(TextField::Industry, _) => Some(Lack::Industries),
            Test::Text(TextField::Location, _) => Some(Lack::Locations),
            Test::Flag(bits) if bits & (Flags::WARM | Flags::MESSAGED | Flags::UNANSWERED) != 0 => {
                Some(Lack::Messages)
            }
            Test::Flag(bits) if bits & Flags::JOB_CHANGE != 0 => Some(Lack::JobChanges),
            Test::Flag(bits) if bits & Flags::GONE != 0 => Some(Lack::Gone),
            _ => None,
        }
    }

    /// The texts of a contact's haystack this test reads.
    fn text_fields(&self) -> &[TextField] {
        match self {
            Test::Words(_) => &WORD_FIELDS,
            Test::Text(field, _) => std::slice::from_ref(field),
            Test::Any(_, fields) => fields,
            _ => &[],
        }
    }

    /// The parts of a contact this test reads.
    fn reads(&self) -> u16 {
        let texts = self
            .text_fields()
            .iter()
            .fold(0, |parts, f| parts | f.part());
        texts
            | match self {
                Test::Words(_) | Test::Text(..) => 0,
                Test::Tag(_) => ContactParts::TAGS,
                Test::Decision(_) => ContactParts::DECISION,
                Test::Score(..) | Test::Tier(..) | Test::Function(_) => ContactParts::SCORED,
                Test::Connected(..) => ContactParts::CONNECTED_ON,
                Test::Flag(_) | Test::JobChanged(..) | Test::Gone(..) | Test::Added(..) => {
                    ContactParts::FLAGS
                }
                Test::Any(tests, _) => tests.iter().fold(0, |parts, t| parts | t.reads()),
            }
    }

    /// The needle of a term that looks for text where words of a name, title or company
    /// start, with the fields it looks in ([`Test::text_fields`]): a bare word, a `name:`
    /// `title:` `company:` term.
    fn starts_words(&self) -> Option<(&Needle, &[TextField])> {
        let (Test::Words(needle) | Test::Text(_, needle)) = self else {
            return None;
        };
        let fields = self.text_fields();
        (fields.iter())
            .all(|f| WORD_FIELDS.contains(f))
            .then_some((needle, fields))
    }

    /// Adds what this test selects contacts by to `asked` ([`Query::asks_about`]).
    fn ask_about(&self, asked: &mut AskedAbout) {
        match self {
            Test::JobChanged(..) => asked.job_changes = true,
            Test::Gone(..) => asked.gone = true,
            Test::Added(..) => asked.added = true,
            Test::Text(TextField::Industry, _) => asked.industry = true,
            Test::Text(TextField::Location, _) => asked.location = true,
            Test::Flag(bits) => {
                asked.job_changes |= bits & Flags::JOB_CHANGE != 0;
                asked.gone |= bits & Flags::GONE != 0;
            }
            Test::Any(tests, _) => tests.iter().for_each(|t| t.ask_about(asked)),
            _ => {}
        }
    }

    /// Marks where this test finds its text in `c`'s name (`name`, whole), title and
    /// company ([`Query::marks`]).
    fn mark(&self, c: &Contact, name: &str, marks: &mut Marks) {
        match self {
            Test::Words(needle) => {
                mark(name, needle, Found::WordStarts, &mut marks.name);
                mark(&c.position, needle, Found::WordStarts, &mut marks.title);
                mark(&c.company, needle, Found::WordStarts, &mut marks.company);
            }
            Test::Text(TextField::Name, needle) => {
                mark(name, needle, Found::FromWordStart, &mut marks.name);
            }
            Test::Text(TextField::Title, needle) => {
                mark(&c.position, needle, Found::FromWordStart, &mut marks.title);
            }
            Test::Text(TextField::Company, needle) => {
                mark(&c.company, needle, Found::FromWordStart, &mut marks.company);
            }
            Test::Any(tests, _) => tests.iter().for_each(|t| t.mark(c, name, marks)),
            _ => {}
        }
    }

    /// Whether this term of a bare word or a field's text finds it in one folded `text`
    /// of the fields it looks in.
    fn in_one_text(&self, text: &str) -> bool {
        match self {
            Test::Words(needle) => needle.starts_words_of(text),
            Test::Text(field, needle) => needle.in_text(text, field.has_words()),
            Test::Any(tests, _) => tests.iter().any(|t| t.in_one_text(text)),
            _ => false,
        }
    }

    fn holds(&self, c: &Contact, hay: &Haystack) -> bool {
        match self {
            Test::Words(needle) => WORD_FIELDS.iter().any(|&field| {
                needle.may_start_a_word_of(hay, field)
                    && hay.text(field).is_some_and(|text| self.in_one_text(text))
            }),
            Test::Text(field, v) => match hay.text(*field) {
                Some(text) => {
                    (!field.has_words() || v.may_start_a_word_of(hay, *field))
                        && self.in_one_text(text)
                }
                None => self.holds_of_contact(c),
            },
            Test::Any(tests, _) => tests.iter().any(|t| t.holds(c, hay)),
            _ => self.holds_of_contact(c),
        }
    }

    /// [`Test::holds`] for the tests of what the contact holds other than the texts its
    /// haystack keeps. Apart, so that a test of a haystack's text never reads the contact:
    /// at 100k the contacts are far from the cache, and reading each (fields the compiler
    /// read ahead for other tests) was two fifths of a common bare word's keystroke.
    #[inline(never)]
    fn holds_of_contact(&self, c: &Contact) -> bool {
        match self {
            Test::Words(_) => false,
            Test::Text(field, v) => {
                (field.written(c)).is_some_and(|text| v.in_folded(text, field.has_words()))
            }
            Test::Tag(t) => c.tags.iter().any(|x| x.eq_ignore_ascii_case(t)),
            Test::Decision(d) => c.decision == *d,
            Test::Score(cmp, v) => c.score.is_some_and(|s| cmp.holds(f64::from(s), *v)),
            Test::Tier(Cmp::Eq, tier) => c.seniority == *tier,
            Test::Tier(cmp, tier) => match (c.seniority.rank(), tier.rank()) {
                (Some(a), Some(b)) => cmp.holds(a, b),
                _ => false,
            },
            Test::Connected(cmp, span) => c.connected_on.is_some_and(|x| span.holds(*cmp, x)),
            Test::JobChanged(cmp, span) => c.job_changed_on.is_some_and(|x| span.holds(*cmp, x)),
            Test::Gone(cmp, span) => c.gone_on.is_some_and(|x| span.holds(*cmp, x)),
            Test::Added(cmp, span) => c.added_on.is_some_and(|x| span.holds(*cmp, x)),
            Test::Function(f) => c.function == *f,
            Test::Flag(bit) => c.flags.has(*bit),
            Test::Any(tests, _) => tests.iter().any(|t| t.holds_of_contact(c)),
        }
    }
}

/// The field terms' names, as the error for an unknown one lists them.
pub const FIELDS: &str = "name company title url tag decision score seniority connected changed gone added function flag location industry email";

/// `query` with its terms on tag `from` (`tag:from`, `-tag:"from"`, `tag:from|vip`; case
/// ignored, as filters compare tags) made terms on `to`, the rest as typed; `None` when it
/// has none. What renaming a tag does to the saved filters that name it.
pub fn with_tag_renamed(query: &str, from: &str, to: &str) -> Option<String> {
    let mut renamed = false;
    let terms: Vec<String> = (typed_terms(query).into_iter())
        .map(|term| {
            let typed = term.trim_end();
            match TagTerm::of(typed).filter(|t| t.names(from)) {
                Some(tag_term) => {
                    renamed = true;
                    let tags = tag_term.tags().map(|t| match t.eq_ignore_ascii_case(from) {
                        true => to.into(),
                        false => t,
                    });
                    let tags: Vec<String> =
                        tags.map(|t| format!("{q}{t}{q}", q = quote(&t))).collect();
                    let TagTerm { sign, field, .. } = tag_term;
                    format!("{sign}{field}:{}{}", tags.join("|"), &term[typed.len()..])
                }
                None => term.to_string(),
            }
        })
        .collect();
    renamed.then(|| terms.concat())
}

/// The quote a value needs around it: one when it holds a space, or a `|` that would
/// otherwise join two values (a title "CEO|Founder").
pub(super) fn quote(value: &str) -> &'static str {
    if value.contains([' ', '|']) { "\"" } else { "" }
}

/// Whether `query` asks for tag `tag` alone in a term not negated (`tag:vip`, `tag:"VIP"`;
/// not `tag:vip|board`): a query that finds no one once no contact has the tag.
pub fn asks_for_tag(query: &str, tag: &str) -> bool {
    (typed_terms(query).into_iter())
        .filter_map(|term| TagTerm::of(term.trim_end()))
        .any(|term| {
            let alone = term.tags().all(|t| t.eq_ignore_ascii_case(tag));
            term.sign.is_empty() && term.names(tag) && alone
        })
}

/// A term on a tag as typed: `-tag:"old"` is sign `-`, field `tag`, value `"old"`.
struct TagTerm<'a> {
    sign: &'a str,
    field: &'a str,
    value: &'a str,
}

impl<'a> TagTerm<'a> {
    /// `typed` (one term, no spaces around it) when it is a term on a tag.
    fn of(typed: &'a str) -> Option<Self> {
        let (sign, rest) = typed.split_at(usize::from(typed.starts_with('-')));
        let (field, value) = parse::field_and_value(rest)?;
        field
            .eq_ignore_ascii_case("tag")
            .then_some(TagTerm { sign, field, value })
    }

    /// The tags the term names: its value's alternatives (`"eu leads"|vip`), unquoted.
    fn tags(&self) -> impl Iterator<Item = Cow<'a, str>> {
        crate::text::alternatives(self.value)
    }

    /// Whether the term is on tag `tag` (case ignored, as filters compare tags), alone or
    /// as one of its alternatives.
    fn names(&self, tag: &str) -> bool {
        self.tags().any(|t| t.eq_ignore_ascii_case(tag))
    }
}

/// `text` cut into its terms as typed, each with the spaces after it (a quoted value
/// whole): joined, they give `text` back.
fn typed_terms(text: &str) -> Vec<&str> {
    let mut terms = Vec::new();
    let (mut start, mut quoted, mut in_spaces) = (0, false, false);
    for (at, ch) in text.char_indices() {
        quoted ^= ch == '"';
        let space = ch.is_whitespace() && !quoted;
        if in_spaces && !space {
            terms.push(&text[start..at]);
            start = at;
        }
        in_spaces = space;
    }
    if start < text.len() {
        terms.push(&text[start..]);
    }
    terms
}

/// "no contact is tagged 'bord' (did you mean board?)" when `tag` is none of `tags` (the
/// tags contacts have; compared without case, as filters compare them).
pub fn untagged(tag: &str, tags: &[&str]) -> Option<String> {
    untagged_all(&[tag], tags)
}

/// [`untagged`] for tags asked as alternatives: "no contact is tagged 'vipp' or 'bord'
/// (did you mean board?)" when none of `asked` is one of `tags`.
fn untagged_all(asked: &[&str], tags: &[&str]) -> Option<String> {
    let known = |tag: &&str| tags.iter().any(|held| held.eq_ignore_ascii_case(tag));
    if asked.iter().any(known) {
        return None;
    }
    let near = (asked.iter())
        .map(|tag| did_you_mean(tag, tags.iter().copied()))
        .find(|near| !near.is_empty());
    let said: Vec<String> = asked.iter().map(|tag| format!("'{tag}'")).collect();
    Some(format!(
        "no contact is tagged {}{}",
        said.join(" or "),
        near.unwrap_or_default()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A saved filter's terms on a tag renamed name the new tag (negated, quoted, in any
    /// case), the rest kept as typed; a filter without one is left alone.
    #[test]
    fn a_renamed_tag_is_renamed_in_a_query() {
        let renamed = |q: &str| with_tag_renamed(q, "eu leads", "emea");
        assert_eq!(
            renamed("tag:\"eu leads\"  seniority:>=vp -Tag:\"EU Leads\" company:\"Blue Sun\""),
            Some("tag:emea  seniority:>=vp -Tag:emea company:\"Blue Sun\"".to_string())
        );
        assert_eq!(
            with_tag_renamed("tag:eu -tag:eu-cto", "eu", "europe team"),
            Some("tag:\"europe team\" -tag:eu-cto".to_string())
        );
        assert_eq!(renamed("tag:eu company:\"eu leads\" eu leads"), None);
        // One of a term's alternatives, the others kept; quoted as each needs. A `|`
        // between quotes is part of one tag's name, which is not the one renamed.
        assert_eq!(
            renamed("tag:vip|\"EU leads\" -tag:\"eu leads\"|board tag:\"eu leads|board\"")
                .as_deref(),
            Some("tag:vip|emea -tag:emea|board tag:\"eu leads|board\"")
        );
        assert_eq!(
            with_tag_renamed("tag:eu|vip", "eu", "europe team").as_deref(),
            Some("tag:\"europe team\"|vip")
        );
        assert_eq!(typed_terms(" a  \"b c\" d").concat(), " a  \"b c\" d");
    }

    /// A query asks for a tag in a term not negated, quoted or not, in any case; a
    /// negated term, another tag or the tag's name as a word does not ask for it.
    #[test]
    fn a_query_asks_for_a_tag_in_a_term_not_negated() {
        assert!(asks_for_tag("seniority:>=vp Tag:\"EU Leads\"", "eu leads"));
        assert!(asks_for_tag("tag:vip", "VIP"));
        assert!(!asks_for_tag("-tag:vip company:vip vip", "vip"));
        assert!(!asks_for_tag("tag:vip-eu", "vip"));
        assert!(
            !asks_for_tag("tag:vip|board", "vip"),
            "either: finds the board without vip"
        );
        assert!(asks_for_tag("tag:vip|VIP|", "vip"), "the one tag alone");
    }

    /// The day relative dates count back from in these tests.
    pub(super) const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 11, 27) {
        Some(day) => day,
        None => panic!("a day"),
    };

    pub(super) fn contact(first: &str, company: &str, position: &str) -> Contact {
        Contact {
            first_name: first.into(),
            last_name: "Sample".into(),
            company: company.into(),
            position: position.into(),
            is_connection: true,
            ..Contact::default()
        }
    }

    fn check(q: &str, c: &Contact) -> bool {
        Query::parse(q, TODAY).unwrap().matches(c, &Haystack::of(c))
    }

    /// Of `contacts`, those `q` finds, each as `named` names it.
    fn found_among<'c>(
        q: &str,
        contacts: &[&'c Contact],
        named: fn(&'c Contact) -> &'c str,
    ) -> Vec<&'c str> {
        (contacts.iter().copied())
            .filter(|c| check(q, c))
            .map(named)
            .collect()
    }

    /// A field term finds its text where a word of the field starts: `title:cto` finds a
    /// CTO and not a Director, `name:ann` Anna and not Hartmann, `title:art` no Partner.
    /// A URL's slug and an email address are searched anywhere, and so is a
    /// text that starts with neither a letter nor a digit (`title:&d` in R&D).
    #[test]
    fn field_terms_find_their_text_from_a_word_start() {
        let cto = contact("Anna", "Microsoft", "Co-Founder & CTO");
        let director = Contact {
            last_name: "Hartmann".into(),
            email: "lena@softmail.example".into(),
            url: "https://www.linkedin.com/in/lena-hartmann-1".into(),
            url_key: Some("linkedin.com/in/lena-hartmann-1".into()),
            location: "Greater Boston".into(),
            ..contact("Lena", "Nakatomi Trading", "Director, R&D")
        };
        let partner = contact("Ola", "Acme", "Associate Partner");
        let finds = |q: &str, c: &Contact| assert!(check(q, c), "{q} finds {}", c.position);
        let misses = |q: &str, c: &Contact| assert!(!check(q, c), "{q} misses {}", c.position);
        for q in [
            "title:cto",
            "title:co-f",
            "title:founder",
            "name:ann",
            "name:sam",
        ] {
            finds(q, &cto);
        }
        finds("company:micro", &cto);
        misses("company:soft", &cto);
        for q in [
            "title:cto",
            "name:ann",
            "title:art",
            "company:ading",
            "location:ton",
        ] {
            misses(q, &director);
            misses(q, &partner);
        }
        for q in [
            "title:dir",
            "title:r&d",
            "title:&d",
            "title:d",
            "location:bost",
        ] {
            finds(q, &director);
        }
        for q in ["url:hartmann", "url:mann-1", "email:softmail", "email:mail"] {
            finds(q, &director);
        }
        finds("title:part", &partner);
        let marks = Query::parse("title:cto name:ann", TODAY)
            .unwrap()
            .marks(&cto);
        assert_eq!(
            marks.title,
            vec![13, 14, 15],
            "the CTO of 'Co-Founder & CTO'"
        );
        assert_eq!(marks.name, vec![0, 1, 2]);
    }

    /// In scripts written without spaces between words (Chinese, Japanese, Korean, Thai…)
    /// every character starts a word, so a word within a name, title or company is found,
    /// by a bare word and by a field term alike, folded as the haystacks fold them.
    #[test]
    fn words_of_scripts_without_spaces_are_found() {
        let chinese = contact("王小明", "腾讯科技", "高级工程师");
        let thai = contact("สมชาย", "บริษัท ไทยเทค", "ผู้จัดการฝ่ายขาย");
        for q in [
            "小明",
            "name:小明",
            "工程师",
            "title:工程师",
            "company:科技",
        ] {
            assert!(check(q, &chinese), "{q}");
        }
        for q in [
            "ฝ่ายขาย",
            "title:ฝ่ายขาย",
            "ผู้จัดการ",
            "company:ไทยเทค",
            "company:เทค",
        ] {
            assert!(check(q, &thai), "{q}");
        }
        for q in ["小红", "title:销售", "ฝ่ายบัญชี"] {
            assert!(!check(q, &chinese) && !check(q, &thai), "{q}");
        }
        let marks = Query::parse("title:ฝ่ายขาย", TODAY).unwrap().marks(&thai);
        assert_eq!(
            marks.title,
            (9..16).collect::<Vec<_>>(),
            "ฝ่ายขาย of ผู้จัดการฝ่ายขาย"
        );
    }

    /// Marks fall on the characters that matched, counted in the texts as shown (an
    /// accent or a capital included); negated terms and other fields mark nothing; a
    /// text where a bare word is not found keeps no marks for it.
    /// A profile URL pasted from the browser or the export finds its contact, however it
    /// is spelled; a slug or a part of one is matched as the address bar shows it.
    #[test]
    fn url_terms_find_a_pasted_profile_url() {
        let c = Contact {
            url: "https://www.linkedin.com/in/ren%C3%A9-sample".into(),
            url_key: Some("linkedin.com/in/rené-sample".into()),
            ..contact("René", "Hooli", "CTO")
        };
        for q in [
            "url:https://www.linkedin.com/in/ren%C3%A9-sample",
            "url:https://www.linkedin.com/in/Ren%C3%A9-Sample/?trk=people",
            "url:linkedin.com/in/rené-sample",
            "url:ren%C3%A9-sample",
            "url:RENÉ-sam",
            "url:in/ren",
        ] {
            assert!(check(q, &c), "{q}");
        }
        for q in [
            "url:https://www.linkedin.com/in/rene-sample",
            "url:sample-2",
        ] {
            assert!(!check(q, &c), "{q}");
        }
    }

    /// A title or company copied from a web page (no-break spaces, soft hyphens,
    /// zero-width spaces) is found by what it shows, and its marks fall on the characters
    /// shown; a Greek name typed in capitals finds its final sigma.
    #[test]
    fn copied_text_is_found_as_it_reads() {
        let c = contact("Νίκος", "Soft\u{ad}ware Inc", "Head of\u{a0}\u{200b}Growth");
        for q in [
            "title:\"head of growth\"",
            "company:software",
            "software",
            "name:\"ΝΊΚΟΣ\"",
            "νίκος",
        ] {
            assert!(check(q, &c), "{q}");
        }
        let marks = Query::parse("company:software title:\"of growth\"", TODAY)
            .unwrap()
            .marks(&c);
        assert_eq!(
            marks.company,
            vec![0, 1, 2, 3, 5, 6, 7, 8],
            "the soft hyphen (4) unmarked"
        );
        assert_eq!(
            marks.title,
            vec![5, 6, 7, 9, 10, 11, 12, 13, 14],
            "not the zero-width space (8)"
        );
    }

    /// A field term's values separated by `|` find a contact that holds any of them;
    /// negated, none of them. Each value is read as the field reads one alone (a
    /// comparison each, quotes around a value with spaces), and an error names the value.
    #[test]
    fn a_value_with_alternatives_finds_either() {
        let hooli = Contact {
            score: Some(85),
            seniority: Seniority::Vp,
            function: Function::Sales,
            tags: vec!["vip".into()],
            ..contact("Ada", "Hooli", "VP Sales")
        };
        let blue_sun = Contact {
            score: Some(10),
            seniority: Seniority::Cxo,
            function: Function::Marketing,
            tags: vec!["eu leads".into()],
            ..contact("Ola", "Blue Sun Corp", "CMO")
        };
        let initech = Contact {
            score: Some(50),
            seniority: Seniority::Manager,
            ..contact("Ivo", "Initech", "Sales Manager")
        };
        let found = |q: &str| found_among(q, &[&hooli, &blue_sun, &initech], |c| &c.company);
        let two = ["Hooli", "Blue Sun Corp"];
        assert_eq!(found("company:hooli|blue"), two);
        assert_eq!(
            found("company:\"blue sun\"|hool"),
            two,
            "quoted, with a space"
        );
        assert_eq!(
            found("-company:hooli|blue"),
            ["Initech"],
            "negated: none of them"
        );
        assert_eq!(found("seniority:vp|cxo"), two);
        assert_eq!(found("score:<20|>80"), two, "a comparison each");
        assert_eq!(found("function:sales|marketing"), two);
        assert_eq!(found("tag:VIP|\"eu leads\""), two);
        assert_eq!(found("title:vp|cmo"), two);
        assert_eq!(
            found("company:hooli|blue title:vp"),
            ["Hooli"],
            "beside another term"
        );
        assert_eq!(
            found("company:hooli|"),
            ["Hooli"],
            "a value left empty, as typed"
        );
        assert_eq!(found("hooli|ivo"), ["Hooli", "Initech"], "bare words too");
        assert_eq!(found("hooli|ivo sales"), ["Hooli", "Initech"]);
        let refused = |q: &str| Query::parse(q, TODAY).unwrap_err().to_string();
        assert!(refused("seniority:vp|cxoo").contains("unknown tier 'cxoo' (did you mean cxo?)"));
        assert!(refused("company:|").contains("'company:' needs a value"));
        assert!(refused("hooli | blue").contains("'|' goes between the values of one term"));
        // What it reads, marks and asks about: that of each value.
        let q = Query::parse("company:hooli|blue", TODAY).unwrap();
        assert_eq!(q.marks(&blue_sun).company, vec![0, 1, 2, 3]);
        assert_eq!(q.marks(&hooli).company, vec![0, 1, 2, 3, 4]);
        let q = Query::parse("flag:gone|job-change", TODAY).unwrap();
        let asked = q.asks_about();
        assert!(asked.gone && asked.job_changes, "{asked:?}");
        assert_eq!(
            q.lacking(|| Some(Holds::default())),
            None,
            "two things: neither alone"
        );
        let q = Query::parse("gone:>=2026|<2020", TODAY).unwrap();
        assert_eq!(
            q.lacking(|| Some(Holds::default())),
            Some(Lack::Gone),
            "each needs it"
        );
    }

    /// A `|` between quotes is part of its value, as a space is: LinkedIn titles are
    /// often written with bars ("CEO | Founder"), and a title copied into a filter, or
    /// completed by Tab, finds that title, not every CEO and every founder. Outside the
    /// quotes the bars still join values; a `:` between quotes is no field.
    #[test]
    fn a_bar_between_quotes_is_part_of_the_value() {
        let bars = Contact {
            tags: vec!["q3|q4".into()],
            ..contact("Ada", "Acme | Widgets", "CEO | Founder")
        };
        let ceo = contact("Bo", "Acme", "CEO");
        let founder = contact("Cy", "Widgets Inc", "Founder");
        let cto = contact("Di", "Other", "CTO");
        let found = |q: &str| found_among(q, &[&bars, &ceo, &founder, &cto], |c| &c.first_name);
        assert_eq!(found("title:\"CEO | Founder\""), ["Ada"]);
        assert_eq!(found("title:\"ceo|founder\""), [] as [&str; 0]);
        assert_eq!(found("company:\"acme | widgets\""), ["Ada"]);
        assert_eq!(found("\"ceo | founder\""), ["Ada"], "a bare phrase");
        assert_eq!(found("-title:\"ceo | founder\""), ["Bo", "Cy", "Di"]);
        assert_eq!(found("title:\"ceo | founder\"|cto"), ["Ada", "Di"]);
        assert_eq!(
            found("title:ceo|founder"),
            ["Ada", "Bo", "Cy"],
            "unquoted: either"
        );
        assert_eq!(
            found("tag:\"q3|q4\""),
            ["Ada"],
            "a tag made before bars joined values"
        );
        assert_eq!(found("tag:q3|q4"), [] as [&str; 0]);
        assert_eq!(found("\"acme: the\""), [] as [&str; 0], "no field 'acme'");
        assert_eq!(found("\"\" cto"), ["Di"], "empty quotes are no term");
    }

    #[test]
    fn marks_show_where_text_terms_matched() {
        let c = contact("Søren", "Blue Sun Corp", "Head of Platform");
        let marks = |q: &str| Query::parse(q, TODAY).unwrap().marks(&c);
        let m = marks("plat");
        assert_eq!(
            m.title,
            vec![8, 9, 10, 11],
            "the word that 'plat' starts in 'Head of Platform'"
        );
        assert!(m.name.is_empty() && m.company.is_empty(), "{m:?}");
        assert_eq!(
            marks("sosa").name,
            vec![0, 1, 6, 7],
            "So, Sa of 'Søren Sample'"
        );
        assert!(marks("srn").name.is_empty(), "r and n start no word");
        assert_eq!(marks("name:SØR").name, vec![0, 1, 2]);
        assert!(
            marks("name:ØR").name.is_empty(),
            "ør starts no word of Søren's"
        );
        // Typed without accents, found and marked on the accented letters.
        assert_eq!(marks("name:soren").name, vec![0, 1, 2, 3, 4]);
        assert_eq!(marks("sor").name, vec![0, 1, 2]);
        assert_eq!(marks("company:sun").company, vec![5, 6, 7]);
        let both = marks("company:sun bsc");
        assert_eq!(
            both.company,
            vec![0, 5, 6, 7, 9],
            "two terms, merged in order"
        );
        assert_eq!(marks("-company:sun score:>10 tag:x"), Marks::default());
        assert_eq!(
            marks("title:platform company:x").title,
            (8..16).collect::<Vec<_>>()
        );
        for q in [
            "plat",
            "sosa",
            "name:SØR",
            "name:soren",
            "sor",
            "company:sun bsc",
            "title:platform",
        ] {
            assert!(
                check(q, &c),
                "{q} matches, so its marks are where it matched"
            );
        }
    }

    /// German and Nordic names are typed with their umlauts and rings spelt out as often
    /// as without them: both find the contact, and mark the letters they matched.
    #[test]
    fn umlauts_typed_spelt_out_find_and_mark() {
        let c = contact("Jürgen", "Bäckerei Øster", "Geschäftsführer");
        let marks = |q: &str| Query::parse(q, TODAY).unwrap().marks(&c);
        for q in [
            "name:juergen",
            "name:jurgen",
            "name:Jürgen",
            "company:baeckerei",
            "company:oester",
            "company:ost",
            "title:geschaeftsfuehrer",
            "title:geschaftsfuhrer",
            "juergen",
            "-name:mueller",
        ] {
            assert!(check(q, &c), "{q} finds Jürgen");
        }
        for q in [
            "name:juergenx",
            "name:jurgenue",
            "company:ster",
            "company:ost\u{1}",
            "name:\"jurgen sample\u{1}juergen\"",
        ] {
            assert!(!check(q, &c), "{q} does not");
        }
        assert_eq!(
            marks("name:juergen").name,
            vec![0, 1, 2, 3, 4, 5],
            "J, ü, r, g, e, n"
        );
        assert_eq!(
            marks("name:jurg").name,
            vec![0, 1, 2, 3],
            "in the folded spelling first"
        );
        assert_eq!(marks("company:oester").company, vec![9, 10, 11, 12, 13]);
        let plain = contact("Joel", "Muller AG", "CEO");
        for q in ["name:jol", "company:mueller"] {
            assert!(
                !check(q, &plain),
                "{q}: only texts with umlauts have a second spelling"
            );
        }
    }

    /// The other way round: a name written spelt out on LinkedIn (Juergen Mueller, a
    /// Baeckerei) is found by its umlauts typed on a German keyboard, in a field term or a
    /// bare word, and marked where it matched; typed plainly (`muller`) it is not (only
    /// the umlauts say "ue").
    #[test]
    fn umlauts_typed_find_names_spelt_out() {
        let c = contact("Juergen Mueller", "Baeckerei Oester", "Geschaeftsfuehrer");
        let marks = |q: &str| Query::parse(q, TODAY).unwrap().marks(&c);
        for q in [
            "name:Jürgen",
            "name:müller",
            "müller",
            "company:bäckerei",
            "company:Øster",
            "title:geschäftsführer",
            "-name:muller",
        ] {
            assert!(check(q, &c), "{q} finds Juergen Mueller");
        }
        for q in [
            "name:muller",
            "name:jurgen",
            "company:backerei",
            "name:müllerx",
        ] {
            assert!(!check(q, &c), "{q} does not");
        }
        assert_eq!(marks("name:müller").name, (8..15).collect::<Vec<_>>());
        assert_eq!(marks("company:Øster").company, (10..16).collect::<Vec<_>>());
        assert_eq!(marks("jü").name, vec![0, 1], "J, u: as `ju` is found first");
    }

    #[test]
    fn field_terms() {
        let mut c = contact("Ada", "Blue Sun Corp", "VP Engineering");
        c.score = Some(72);
        c.seniority = Seniority::Vp;
        c.tags = vec!["cto-eu".into()];
        c.connected_on = NaiveDate::from_ymd_opt(2019, 5, 1);
        assert!(check("company:\"blue sun\" title:vp", &c));
        // A quote left open, as it is typed, runs to the end.
        for open in [
            "title:vp company:\"blue s",
            "company:\"blue sun corp",
            "company:\"blue ",
        ] {
            assert_eq!(
                tokens(open).last().map(|t| t.contains(' ')),
                Some(true),
                "{open}"
            );
            assert!(check(open, &c), "{open}");
        }
        assert!(!check("company:\"blue sky", &c));
        assert!(check("score:>=70 score:<73 seniority:>=director", &c));
        assert!(!check("seniority:>vp", &c));
        assert!(check("tag:cto-eu -tag:other decision:undecided", &c));
        assert!(!check("-tag:cto-eu", &c));
        assert!(check("connected:<2020-01-01", &c));
        assert!(
            check("Connected:<2020-01-01", &c),
            "a field's name in any case"
        );
        assert!(!check("changed:>=2026-11-01", &c), "no job change recorded");
        c.job_changed_on = NaiveDate::from_ymd_opt(2026, 11, 20);
        assert!(check("changed:>=2026-11-01 Changed:<=2026-11-20", &c));
        assert!(!check("changed:>2026-11-20", &c));
        assert!(!check("added:>=2000", &c), "not added by an import");
        c.added_on = NaiveDate::from_ymd_opt(2026, 11, 27);
        assert!(check(
            "added:>=2026-11-27 added:2026-11 -added:<2026-11-27",
            &c
        ));
        assert!(!check("added:>2026-11-27", &c));
        // Relative days count back from today (2026-11-27 here): saved filters stay current.
        assert!(check("added:>=7d added:0d added:>=1w", &c));
        assert!(!check("added:<7d", &c));
        c.added_on = NaiveDate::from_ymd_opt(2026, 11, 20);
        assert!(
            check("added:7d added:>=1W", &c),
            "7 days ago is the day itself"
        );
        assert!(!check("added:>7d", &c));
        assert!(check("connected:<2y connected:>=8y -connected:>=6m", &c));
        assert!(!check("connected:>=7y", &c), "7 years ago was 2019-11-27");
        assert!(!check("gone:>=2026-01-01", &c), "not gone");
        c.gone_on = NaiveDate::from_ymd_opt(2026, 11, 27);
        assert!(check("gone:>=2026-11-27 gone:2026-11", &c));
        assert!(!check("gone:<2026-11-27", &c));
        assert!(check("-gone:2025", &c), "negated like any field term");
        // A month or a year is all of its days.
        for (q, holds) in [
            ("connected:2019", true),
            ("connected:2019-05", true),
            ("connected:=2019-04", false),
            ("connected:<2019", false),
            ("connected:<=2019", true),
            ("connected:>2018", true),
            ("connected:>2019", false),
            ("connected:>=2019-05", true),
            ("connected:>2019-04", true),
            ("connected:>2019-05", false),
            ("connected:<2019-06", true),
            ("connected:<2019-05", false),
            ("connected:<=2019-04", false),
            ("connected:2019-05-01", true),
            ("connected:\"1 May 2019\"", true),
            ("connected:>2019-04-30", true),
            ("connected:<=2019-04-30", false),
            ("changed:2026-11", true),
            ("changed:2026-12", false),
        ] {
            assert_eq!(check(q, &c), holds, "{q}");
        }
        assert!(
            check("adasam", &c),
            "pieces from the starts of the name's words"
        );
        assert!(!check("adasmp", &c), "not any letters in order");
        assert!(!check("zzz", &c));
        assert!(check("", &c));
    }

    /// What another contact CSV brings (a CRM's city, an enrichment file's industry, an
    /// email) is looked for as the other texts are: in any case, negated too;
    /// a contact without it matches no such term.
    #[test]
    fn location_industry_and_email_terms() {
        let mut c = contact("Ada", "Hooli", "CTO");
        assert!(!check("location:ber", &c), "no location");
        assert!(check("-location:ber", &c));
        c.location = "München, BERLIN area".into();
        c.industry = "Computer Software".into();
        c.email = "Ada@Hooli.example".into();
        for (q, holds) in [
            ("location:berlin", true),
            ("Location:MÜNCHEN", true),
            ("location:\"berlin area\"", true),
            ("location:paris", false),
            ("-location:paris", true),
            ("industry:software company:hooli", true),
            ("industry:consulting", false),
            ("email:@hooli.example", true),
            ("email:@acme", false),
            // A bare word is still a name, title or company.
            ("berlin", false),
        ] {
            assert_eq!(check(q, &c), holds, "{q}");
        }
        let hooli = Query::parse("email:hooli", TODAY).expect("query");
        assert!(
            hooli.reads().has(ContactParts::REST),
            "the CLI loads the email"
        );
        assert!(is_text_field_term("location:ber") && is_text_field_term("position:dir"));
        assert!(!is_text_field_term("-location:ber") && !is_text_field_term("score:>4"));
    }

    #[test]
    fn malformed_terms_name_themselves() {
        for (q, needle) in [
            ("score:abc", "score:abc"),
            ("seniority:>=boss", "boss"),
            ("colour:red", "colour"),
            ("connected:<yesterday", "yesterday"),
            ("connected:2024-13", "'2024-13' is not a date"),
            ("connected:>=24", "'24' is not a date"),
            ("connected:>=20x4", "'20x4' is not a date"),
            ("added:>=7x", "'7x' is not a date"),
            ("added:>=", "'added:>=' needs a date"),
            ("added:>=d", "'d' is not a date"),
            ("added:>=12345d", "'12345d' is not a date"),
            ("flag:shiny", "shiny"),
        ] {
            let e = Query::parse(q, TODAY).unwrap_err().to_string();
            assert!(e.contains(needle), "{q}: {e}");
        }
    }

    /// A one-off filter, which folds only the texts its terms read, and the workbench's
    /// mask, which tests a network this large in two halves side by side, find exactly
    /// what the full haystacks find row by row.
    #[test]
    fn one_off_filters_and_masks_match_full_haystacks() {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let n = PARALLEL_FROM + 1001;
        let contacts: Vec<Contact> = crate::synth::people(4, n, (200, 200, 200), 10, as_of)
            .into_iter()
            .enumerate()
            .map(|(i, p)| Contact {
                id: i as i64 + 1,
                url_key: Some(format!("linkedin.com/in/{}", p.slug).into()),
                ..contact(&p.first, &p.company, &p.position)
            })
            .collect();
        let network = Network::new(contacts, Vec::new(), as_of);
        let hay = Haystack::all(&network);
        for text in [
            "title:director",
            "eng",
            "name:a company:o -title:vp",
            "url:in/a",
            "",
            "score:>=0 plat",
        ] {
            let q = Query::parse(text, TODAY).expect("query");
            let everything = q.filter(&network, &hay, 0..network.contacts.len() as u32);
            assert_eq!(q.filter_once(&network), everything, "{text}");
            let masked: Vec<u32> = (q.mask(&network, &hay).iter().enumerate())
                .filter_map(|(i, &hit)| hit.then_some(i as u32))
                .collect();
            assert_eq!(masked, everything, "{text}");
        }
    }

    /// A filter asking for a tag nobody has says so (a misspelt one, with the tag meant).
    #[test]
    fn a_tag_nobody_has_is_why_nothing_matches() {
        let tags = ["board", "eu-leads"];
        let why = |text: &str| Query::parse(text, TODAY).expect("query").unknown_tag(&tags);
        assert_eq!(
            why("vp tag:bord").as_deref(),
            Some("no contact is tagged 'bord' (did you mean board?)")
        );
        assert_eq!(why("tag:EU-leads"), None, "tags match without case");
        assert_eq!(why("-tag:bord"), None, "nobody has it: everyone matches");
        assert_eq!(why("tag:x").as_deref(), Some("no contact is tagged 'x'"));
        assert_eq!(
            why("tag:vipp|bord").as_deref(),
            Some("no contact is tagged 'vipp' or 'bord' (did you mean board?)"),
            "alternatives, none of them held"
        );
        assert_eq!(why("tag:vipp|board"), None, "one of them is held");
        assert_eq!(why("-tag:vipp|bord"), None, "negated: everyone matches");
        assert_eq!(why("vipp|bord"), None, "words, not tags");
    }

    /// A filter whose bare word starts no word of any contact's name, title or company says
    /// so, with the word likely meant; a word someone's words start says nothing.
    #[test]
    fn a_word_nobody_has_is_why_nothing_matches() {
        let people = [
            contact("Ada", "Hooli", "VP Engineering"),
            contact("Søren", "Initech", "Designer"),
        ];
        let hay: Vec<Haystack> = people.iter().map(Haystack::of).collect();
        let why = |text: &str| {
            Query::parse(text, TODAY)
                .expect("query")
                .unmatched_word(&hay)
        };
        assert_eq!(
            why("hooli enginering").as_deref(),
            Some(
                "no name, title or company has a word starting with 'enginering' (did you mean engineering?)"
            )
        );
        assert_eq!(
            why("Hooly").as_deref(),
            Some(
                "no name, title or company has a word starting with 'hooly' (did you mean hooli?)"
            ),
            "said as folded"
        );
        assert_eq!(
            why("qqq").as_deref(),
            Some("no name, title or company has a word starting with 'qqq'")
        );
        assert_eq!(why("hooli designer"), None, "each finds someone");
        assert_eq!(why("soeren vpeng"), None, "spelt out, and in pieces");
        // A field term of a name, title or company, said with the field it looks in.
        assert_eq!(
            why("title:enginering").as_deref(),
            Some("no title has a word starting with 'enginering' (did you mean engineering?)")
        );
        assert_eq!(
            why("hooli company:initek").as_deref(),
            Some("no company has a word starting with 'initek' (did you mean initech?)")
        );
        assert_eq!(
            why("company:ooli").as_deref(),
            Some("no company has a word starting with 'ooli'"),
            "found inside a word, not from its start"
        );
        assert_eq!(
            why("title:\"vp engineerign\"").as_deref(),
            Some(
                "no title has a word starting with 'vp engineerign' (did you mean vp engineering?)"
            ),
            "a phrase, its last word misspelt"
        );
        assert_eq!(
            why("title:\"vpp engineering\"").as_deref(),
            Some(
                "no title has a word starting with 'vpp engineering' (did you mean vp engineering?)"
            ),
            "a phrase misspelt before its last word"
        );
        assert_eq!(why("title:vp company:initech"), None, "each finds someone");
        assert_eq!(why("-title:qqq designer"), None, "negated: finds everyone");
        assert_eq!(
            why("url:qqq location:qqq"),
            None,
            "not words of a name, title or company"
        );
    }

    /// A filter of words that each find someone, and together no one, says so; bare words
    /// are read as one phrase too, and the phrase meant said when it is one slip away.
    /// Through `why_none`, as the workbench and `list` ask: after the words nobody has.
    #[test]
    fn words_that_find_no_one_together_say_so() {
        let people = [
            contact("Ada", "Hooli", "Head of Sales"),
            contact("Søren", "Initech", "VP Engineering"),
            contact("Ola", "Acme", "Founder"),
        ];
        let hay: Vec<Haystack> = people.iter().map(Haystack::of).collect();
        let why = |text: &str| {
            let query = Query::parse(text, TODAY).expect("query");
            let found = people.iter().zip(&hay).filter(|(c, h)| query.matches(c, h));
            assert_eq!(found.count(), 0, "{text} finds no one");
            query.why_none(|| None, || None::<Vec<&str>>, || Some(&hay), String::new)
        };
        assert_eq!(
            why("head fo sales").as_deref(),
            Some("no one matches 'head', 'fo' and 'sales' together (did you mean head of sales?)"),
            "each word alone finds someone (fo: Founder)"
        );
        assert_eq!(
            why("hooli vp").as_deref(),
            Some("no one matches 'hooli' and 'vp' together (each finds someone alone)"),
            "no phrase one slip away"
        );
        assert_eq!(
            why("hooli or acme").as_deref(),
            Some(
                "'or' is looked for as a word, as every word is: for either, join them with |: hooli|acme"
            ),
            "or, meant as either"
        );
        assert_eq!(
            why("Hooli OR Acme").as_deref(),
            Some(
                "'or' is looked for as a word, as every word is: for either, join them with |: hooli|acme"
            ),
        );
        assert_eq!(
            why("head or sales").as_deref(),
            Some(
                "'or' is looked for as a word, as every word is: for either, join them with |: head|sales (did you mean head of sales?)"
            ),
            "or one slip from a phrase"
        );
        assert_eq!(
            why("head ola").as_deref(),
            Some("no one matches 'head' and 'ola' together (each finds someone alone)"),
            "head of is alike, but two slips away"
        );
        assert_eq!(
            why("company:hooli title:vp").as_deref(),
            Some(
                "no one matches 'company:hooli' and 'title:vp' together (each finds someone alone)"
            ),
            "field terms said as typed, not read as a phrase"
        );
        assert_eq!(
            why("hooli enginering").as_deref(),
            Some(
                "no name, title or company has a word starting with 'enginering' (did you mean engineering?)"
            ),
            "a word nobody has is said first"
        );
        assert_eq!(why("hooli vp score:>50"), None, "another term may be why");
        assert_eq!(why("hooli -title:head"), None, "a term negated may be why");
        assert_eq!(
            why("-founder").as_deref(),
            Some(
                "no name, title or company has a word starting with '-founder' (a bare word is looked for as typed: to leave out those with a word, name its field, -title:founder)"
            )
        );
    }

    /// Tab's words: those of names, titles and companies that start with what is typed,
    /// the most common first, folded; for a `name:` term those of the names alone (a
    /// field's words, of a field that has words).
    #[test]
    fn words_complete_from_the_fields_asked() {
        let people = [
            contact("Hoa", "Hooli", "Head of Platform"),
            contact("Søren", "Hooli", "Designer"),
            Contact {
                last_name: "Hoover".into(),
                ..contact("Ada", "Initech", "Hotel Manager")
            },
        ];
        let hay: Vec<Haystack> = people.iter().map(Haystack::of).collect();
        assert_eq!(
            words_in(&hay, "", "ho"),
            ["hooli", "hoa", "hoover", "hotel"]
        );
        assert_eq!(words_in(&hay, "name", "ho"), ["hoa", "hoover"]);
        assert_eq!(
            words_in(&hay, "Name", "SOE"),
            ["soeren"],
            "spelt out, folded"
        );
        assert_eq!(words_in(&hay, "company", "ho"), ["hooli"]);
        assert_eq!(
            words_in(&hay, "url", "ho"),
            Vec::<String>::new(),
            "no words"
        );
    }

    /// A query that asks (in a term not negated) for what only some imports bring says
    /// which the network lacks: why it finds no one.
    #[test]
    fn a_query_says_what_the_network_lacks_that_it_asks_for() {
        let lacking = |text: &str, holds: Holds| {
            Query::parse(text, TODAY)
                .expect("query")
                .lacking(|| Some(holds))
        };
        let none = Holds::default();
        assert_eq!(lacking("score:<40", none), Some(Lack::Scores));
        assert_eq!(lacking("-score:<40", none), None, "negated: finds everyone");
        assert_eq!(lacking("flag:warm", none), Some(Lack::Messages));
        assert_eq!(lacking("flag:messaged", none), Some(Lack::Messages));
        assert_eq!(lacking("flag:unanswered", none), Some(Lack::Messages));
        assert_eq!(lacking("flag:job-change", none), Some(Lack::JobChanges));
        assert_eq!(lacking("changed:>=7d", none), Some(Lack::JobChanges));
        assert_eq!(lacking("gone:>=7d", none), Some(Lack::Gone));
        assert_eq!(lacking("added:>=7d", none), Some(Lack::Added));
        assert_eq!(lacking("location:berlin", none), Some(Lack::Locations));
        assert_eq!(lacking("industry:software", none), Some(Lack::Industries));
        assert_eq!(lacking("email:@hooli.example", none), Some(Lack::Emails));
        assert_eq!(
            lacking("company:hooli title:cto flag:duplicate", none),
            None
        );
        // The first term's lack, of those the network lacks.
        let scored = Holds {
            scores: true,
            ..none
        };
        assert_eq!(lacking("score:>50 flag:warm", scored), Some(Lack::Messages));
        assert_eq!(lacking("score:>50 flag:warm", none), Some(Lack::Scores));
        // What the network holds is not worked out for a query that needs none of it.
        let plain = Query::parse("company:hooli -flag:warm", TODAY).expect("query");
        assert_eq!(
            plain.lacking(|| unreachable!("a pass over the network")),
            None
        );
        // Holds of contacts: each kind by one contact that has it.
        let mut c = Contact {
            score: Some(40),
            message_count: 2,
            ..Contact::default()
        };
        c.location = "Berlin".into();
        let holds = Holds::of([&c, &Contact::default()]);
        assert!(holds.scores && holds.messages && holds.locations);
        assert!(!holds.added && !holds.emails && !holds.gone);
        assert_eq!(Holds::of([]), none);
    }

    /// A query asks about the events and the contact CSV's texts its terms select by, not
    /// those it leaves out.
    #[test]
    fn a_query_asks_about_the_events_it_selects_by() {
        let asked = |text: &str| Query::parse(text, TODAY).expect("query").asks_about();
        let about = |job_changes, gone, added| AskedAbout {
            job_changes,
            gone,
            added,
            ..AskedAbout::default()
        };
        assert_eq!(asked("company:hooli score:>50"), about(false, false, false));
        let texts = |industry, location| AskedAbout {
            industry,
            location,
            ..AskedAbout::default()
        };
        assert_eq!(asked("location:berlin"), texts(false, true));
        assert_eq!(asked("industry:soft -location:x"), texts(true, false));
        assert_eq!(asked("changed:>=7d"), about(true, false, false));
        assert_eq!(asked("flag:job-change flag:gone"), about(true, true, false));
        assert_eq!(asked("added:>=7d -flag:gone"), about(false, false, true));
        assert_eq!(asked("-changed:>=30d gone:2026"), about(false, true, false));
    }
}
