//! Tab completion of a filter's last term (a field's name, then a value of a field that
//! has a set of them, or of a text the network holds) and of a word among candidates (the
//! tag prompts' tags).
//!
//! Must not: parse or run queries (the module above does).

use super::{Cmp, FIELDS, TextField, is_date_field, quote};
use crate::model::{Decision, Flags, Function, Seniority};
use crate::network::Network;
use crate::text::{common_start, seen};

/// What Tab makes of a filter's last term: its text completed as far as every candidate
/// agrees, and the candidates while more than one remains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub text: String,
    pub choices: Vec<String>,
    /// The text before the completed word (the terms before it, the field, its
    /// comparison), and what follows a word completed whole.
    stem: String,
    after: &'static str,
}

impl Completion {
    /// The input with its last term completed to `choice`, one of [`Completion::choices`]
    /// (or the one candidate left), as Tab makes it: quoted when it holds a space, and a
    /// value followed by a space for the next term.
    pub fn text_with(&self, choice: &str) -> String {
        let q = quote(choice);
        format!("{}{q}{choice}{q}{}", self.stem, self.after)
    }
}

/// Completes the last term of `input`: a field's name (`sen` → `seniority:`), a bare word
/// to a word of names, titles and companies that `words_of` gives (those starting with
/// what is typed, the most common first; asked with the field, "" for a bare word, and
/// what is typed), a `name:` term to a word of the names (`name:okon` → `name:okonkwo`),
/// or a value
/// of a field that has a set of them — seniority (after a comparison too), function,
/// flag, decision, a date's times ago (`added:>=` → `7d 30d 90d 1y`) — or whose values `values_of` gives (tags, companies, locations,
/// industries: [`network_values`]), quoted when they hold a space. A value completed
/// whole is followed by a space, for the next term.
pub fn complete(
    input: &str,
    values_of: &dyn Fn(&str) -> Vec<String>,
    words_of: &dyn Fn(&str, &str) -> Vec<String>,
) -> Completion {
    let (head, term) = input.split_at(last_term_start(input));
    let (sign, rest) = match term.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", term),
    };
    let (prefix, partial, candidates, after) = match rest.split_once(':') {
        // A word that starts no field's name is a bare word (`-` is part of such a word,
        // never a negation).
        None if !rest.is_empty() && words_starting(rest, &field_names()).is_empty() => {
            // The last of its alternatives (`hooli|ini`) is completed.
            let (earlier, word) = term.split_at(crate::text::last_alternative_start(term));
            (earlier.to_string(), word, words_of("", word), " ")
        }
        None => (sign.to_string(), rest, field_names(), ""),
        Some((field, value)) => {
            let field_lower = field.to_ascii_lowercase();
            // The last of a value's alternatives (`function:sales|mar`) is completed.
            let (earlier, value) = value.split_at(crate::text::last_alternative_start(value));
            // A seniority or a date follows its comparison.
            let compared = field_lower == "seniority" || is_date_field(&field_lower);
            let (op, partial) = match compared {
                true => value.split_at(value.len() - Cmp::split(value).1.len()),
                false => ("", value),
            };
            let values = match field_lower.as_str() {
                "name" => words_of("name", partial.trim_start_matches('"')),
                _ => field_values(&field_lower, values_of),
            };
            (format!("{sign}{field}:{earlier}{op}"), partial, values, " ")
        }
    };
    let partial = partial.strip_prefix('"').unwrap_or(partial);
    let word = complete_word(partial, &candidates);
    let mut completion = Completion {
        text: input.to_string(),
        choices: word.choices,
        stem: format!("{head}{prefix}"),
        after,
    };
    match (&word.whole, &word.longer) {
        (Some(one), _) => completion.text = completion.text_with(one),
        // A value with a space is quoted: opened, and closed once it is whole.
        (None, Some(common)) => {
            completion.text = format!("{}{}{common}", completion.stem, quote(common));
        }
        (None, None) => {}
    }
    completion
}

/// Every field's name with its colon, as a term starts.
fn field_names() -> Vec<String> {
    FIELDS.split(' ').map(|f| format!("{f}:")).collect()
}

/// What a word typed can become among some candidates: the one it starts (case and
/// accents ignored, umlauts typed spelt out or not, either of them, as filters take them),
/// else the start the several it starts share when that is longer than what was typed
/// (never shorter: a quote typed is kept), and those several.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WordCompletion {
    pub whole: Option<String>,
    pub longer: Option<String>,
    pub choices: Vec<String>,
}

/// The `candidates` that start with `typed`, as a filter compares text (case and accents
/// ignored, either spelling of an umlaut), in their order.
pub fn words_starting<'a>(typed: &str, candidates: &'a [String]) -> Vec<&'a str> {
    let mut typed_spellings = String::new();
    crate::text::push_searched(&mut typed_spellings, &[typed]);
    let typed_spellings: Vec<&str> = typed_spellings
        .split(crate::text::SPELLINGS_APART)
        .collect();
    (candidates.iter())
        .filter(|c| {
            let mut spellings = String::new();
            crate::text::push_searched(&mut spellings, &[c]);
            (spellings.split(crate::text::SPELLINGS_APART))
                .any(|s| typed_spellings.iter().any(|t| s.starts_with(t)))
        })
        .map(String::as_str)
        .collect()
}

/// Completes `typed` among `candidates` (the tag prompt's tags; a filter term's fields
/// and values).
pub fn complete_word(typed: &str, candidates: &[String]) -> WordCompletion {
    let matching = words_starting(typed, candidates);
    match matching.as_slice() {
        [] => WordCompletion::default(),
        [one] => WordCompletion {
            whole: Some(one.to_string()),
            ..WordCompletion::default()
        },
        many => {
            let common = common_start(many.iter().copied()).unwrap_or_default();
            WordCompletion {
                whole: None,
                longer: (common.chars().count() > typed.chars().count()).then_some(common),
                choices: many.iter().map(|c| c.to_string()).collect(),
            }
        }
    }
}

/// The last term of a filter's text, as typed: after its last space outside quotes
/// (`-title:"head of"`, not `of"`).
pub fn last_term(input: &str) -> &str {
    &input[last_term_start(input)..]
}

/// Where the last term of a filter's text starts: after its last space outside quotes.
fn last_term_start(input: &str) -> usize {
    crate::text::last_piece_start(input, |c| c == ' ')
}

/// The values a field takes from a set (for a date, times ago as examples), else those
/// `values_of` gives it (none for scores).
fn field_values(field: &str, values_of: &dyn Fn(&str) -> Vec<String>) -> Vec<String> {
    let names: Vec<&str> = match field {
        date if is_date_field(date) => vec!["7d", "30d", "90d", "1y"],
        "seniority" => Seniority::ALL.iter().map(|s| s.as_str()).collect(),
        "function" => Function::ALL.iter().map(|f| f.as_str()).collect(),
        "flag" => Flags::NAMES.iter().map(|(n, _)| *n).collect(),
        "decision" => Decision::ALL.iter().map(|d| d.as_str()).collect(),
        _ => return values_of(field),
    };
    names.into_iter().map(String::from).collect()
}

/// The values `network` gives a field term to complete to: its tags (by name), or each
/// company, title, location or industry its contacts hold, as it reads, the most common first
/// (the choices show a few); nothing for other fields. A text holding `"` is left out:
/// a quoted value cannot hold one.
pub fn network_values(network: &Network, field: &str) -> Vec<String> {
    if field == "tag" {
        return network.tag_counts().into_keys().collect();
    }
    // The texts many contacts share: not names or emails.
    let shared = |f: &TextField| {
        matches!(
            f,
            TextField::Company | TextField::Title | TextField::Location | TextField::Industry
        )
    };
    let Some(field) = TextField::named(field).filter(shared) else {
        return Vec::new();
    };
    let mut counts: foldhash::HashMap<&str, u32> = foldhash::HashMap::default();
    for t in network.contacts.iter().filter_map(|c| field.written(c)) {
        if !t.is_empty() && !t.contains('"') {
            *counts.entry(t).or_default() += 1;
        }
    }
    (super::most_common_first(counts).into_iter())
        .map(|t| seen(t).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::Query;
    use super::*;

    /// Tab completes a field's name, then a value of a field with a set of them; a value
    /// chosen whole ends with a space for the next term.
    #[test]
    fn completes_fields_and_their_values() {
        let tags = vec!["eu leads".to_string(), "eu-cto".to_string()];
        let companies = ["Acme | Widgets", "Acme", "Foo|Bar"]
            .map(String::from)
            .to_vec();
        let values_of = |field: &str| match field {
            "tag" => tags.clone(),
            "company" => companies.clone(),
            _ => Vec::new(),
        };
        let done = |input: &str| complete(input, &values_of, &|_, _| Vec::new());
        let text = |input: &str| done(input).text;
        assert_eq!(text("sen"), "seniority:");
        assert_eq!(text("title:vp -Sen"), "title:vp -seniority:");
        assert_eq!(text("seniority:>=d"), "seniority:>=director ");
        assert_eq!(text("Seniority:VP"), "Seniority:vp ");
        assert_eq!(text("flag:job"), "flag:job-change ");
        assert_eq!(text("function:eng"), "function:engineering ");
        assert_eq!(text("tag:eu-"), "tag:eu-cto ");
        assert_eq!(text("tag:\"eu l"), "tag:\"eu leads\" ");
        assert_eq!(
            text("company:\"blue s"),
            "company:\"blue s",
            "no company given: no values"
        );
        assert_eq!(text("score:<4"), "score:<4");
        // A bare word completes to the network's words, when it starts no field's name.
        let words = ["hooli", "head", "hoover"];
        let names = ["okonkwo", "okafor"];
        let words_of = |field: &str, typed: &str| {
            let typed = typed.to_lowercase();
            let words = match field {
                "name" => names.as_slice(),
                _ => words.as_slice(),
            };
            (words.iter())
                .filter(|w| w.starts_with(&typed))
                .map(|w| w.to_string())
                .collect()
        };
        let word = |input: &str| complete(input, &|_| Vec::new(), &words_of);
        assert_eq!(word("vp hool").text, "vp hooli ");
        assert_eq!(word("Hoo").choices, ["hooli", "hoover"]);
        assert_eq!(word("na").text, "name:", "a field's name first");
        assert_eq!(word("-hoo").text, "-hoo", "a bare word, never negated");
        assert_eq!(word("zz").text, "zz");
        // A name: term completes to a word of the names.
        assert_eq!(word("name:okon").text, "name:okonkwo ");
        assert_eq!(word("-Name:OK").choices, ["okonkwo", "okafor"]);
        assert_eq!(word("name:hoo").text, "name:hoo", "not a word of a name");
        // The last of a value's alternatives.
        assert_eq!(word("name:okafor|okon").text, "name:okafor|okonkwo ");
        assert_eq!(word("vp|hool").text, "vp|hooli ");
        assert_eq!(text("function:sales|mar"), "function:sales|marketing ");
        assert_eq!(text("seniority:vp|>=dir"), "seniority:vp|>=director ");
        // A bar between quotes is part of the value typed, and a value holding one is
        // quoted, so that it reads as one value.
        assert_eq!(text("company:\"acme | w"), "company:\"Acme | Widgets\" ");
        assert_eq!(
            text("company:foo|\"acme | w"),
            "company:foo|\"Acme | Widgets\" "
        );
        assert_eq!(text("company:fo"), "company:\"Foo|Bar\" ");
        assert_eq!(
            done("decision:keep|").choices,
            ["undecided", "keep", "prune", "protect"]
        );
        // A date offers times ago, after its comparison too.
        assert_eq!(done("added:>=").choices, ["7d", "30d", "90d", "1y"]);
        assert_eq!(text("added:>=3"), "added:>=30d ");
        assert_eq!(text("-connected:<1"), "-connected:<1y ");
        assert_eq!(text("zz"), "zz", "no field starts so");
        assert_eq!(text("\""), "\"", "a quote typed stays");
        // Several left: as far as they agree, with the choices.
        let c = done("c");
        assert_eq!(c.text, "c");
        assert_eq!(c.choices, ["company:", "connected:", "changed:"]);
        let d = done("decision:p");
        assert_eq!(
            (d.text.as_str(), d.choices),
            (
                "decision:pr",
                vec!["prune".to_string(), "protect".to_string()]
            )
        );
        let t = done("tag:e");
        assert_eq!((t.text.as_str(), t.choices.len()), ("tag:eu", 2));
        // Each choice makes the text Tab would have made had it been the only one.
        assert_eq!(t.text_with(&t.choices[0]), "tag:\"eu leads\" ");
        assert_eq!(c.text_with(&c.choices[1]), "connected:");
        let later = done("title:vp -decision:p");
        assert_eq!(later.text_with("protect"), "title:vp -decision:protect ");
        let all_flags = done("-flag:");
        assert_eq!(all_flags.text, "-flag:");
        assert_eq!(all_flags.choices.len(), Flags::NAMES.len());
        // Each field the parser knows is offered, and each completed term parses.
        for field in FIELDS.split(' ') {
            assert_eq!(text(field), format!("{field}:"));
            for value in field_values(field, &values_of) {
                let term = text(&format!("{field}:{q}{value}{q}", q = quote(&value)));
                assert!(
                    Query::parse(&term, super::super::tests::TODAY).is_ok(),
                    "{term}"
                );
            }
        }
    }

    /// A company, title, location or industry completes to one the network holds, the most
    /// common first, quoted when it holds a space; the term it makes finds them.
    #[test]
    fn completes_the_networks_own_texts() {
        let contact = |company: &str, location: &str| crate::model::Contact {
            company: company.into(),
            location: location.into(),
            position: format!("Head of {company}").into(),
            ..crate::model::Contact::default()
        };
        let mut contacts = vec![
            contact("Hooli Labs", "Berlin"),
            contact("Soylent", "München"),
        ];
        contacts.extend(
            [
                "Hooli",
                "Stark Cloud GmbH",
                "Hooli",
                "Stark Cloud GmbH",
                "Hooli",
            ]
            .map(|c| contact(c, "")),
        );
        contacts.push(contact("Say \"Hi\" Inc", ""));
        contacts.push(contact("", "Duesseldorf"));
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let network = Network::new(contacts, Vec::new(), as_of);
        assert_eq!(
            network_values(&network, "company"),
            ["Hooli", "Stark Cloud GmbH", "Hooli Labs", "Soylent"],
            "the most common first; one with a quote cannot be typed"
        );
        let values_of = |field: &str| network_values(&network, field);
        let done = |input: &str| complete(input, &values_of, &|_, _| Vec::new());
        assert_eq!(done("company:st").text, "company:\"Stark Cloud GmbH\" ");
        assert_eq!(done("-Company:ST").text, "-Company:\"Stark Cloud GmbH\" ");
        let hooli = done("company:hoo");
        assert_eq!(
            (hooli.text.as_str(), hooli.choices.len()),
            ("company:Hooli", 2)
        );
        assert_eq!(done("location:b").text, "location:Berlin ");
        // Typed without its accent, as a filter finds it.
        assert_eq!(done("location:mun").text, "location:München ");
        // Or with its umlaut spelt out, as a German keyboard without one types it.
        assert_eq!(done("location:muen").text, "location:München ");
        // And a place LinkedIn has spelt out, typed with its umlaut.
        assert_eq!(done("location:düss").text, "location:Duesseldorf ");
        assert!(
            done("location:mue").choices.is_empty()
                && done("location:mue").text.contains("München")
        );
        assert_eq!(done("industry:").choices, Vec::<String>::new(), "none held");
        // Titles too (`position:` is `title:`), quoted as they hold a space.
        let heads = done("title:\"head of s");
        assert_eq!(
            heads.choices,
            ["Head of Stark Cloud GmbH", "Head of Soylent"]
        );
        assert_eq!(
            done("position:\"head of soy").text,
            "position:\"Head of Soylent\" "
        );
        assert_eq!(
            done("name:a").choices,
            Vec::<String>::new(),
            "a name completes to the words of names (words_of), not to whole names"
        );
        let term = done("company:st").text;
        let found = Query::parse(&term, super::super::tests::TODAY)
            .expect("parses")
            .filter_once(&network);
        assert_eq!(found.len(), 2, "{term}");
    }

    /// A word completes to the one candidate it starts, else as far as the several agree
    /// beyond what was typed, listing them; case is ignored.
    #[test]
    fn completes_a_word_among_candidates() {
        let tags: Vec<String> = ["eu-leads", "eu-cto", "Asia"].map(String::from).to_vec();
        let done = |typed: &str| complete_word(typed, &tags);
        assert_eq!(done("a").whole.as_deref(), Some("Asia"));
        let eu = done("e");
        assert_eq!((eu.whole, eu.longer.as_deref()), (None, Some("eu-")));
        assert_eq!(eu.choices, ["eu-leads", "eu-cto"]);
        let typed_out = done("eu-");
        assert_eq!((typed_out.longer, typed_out.choices.len()), (None, 2));
        assert_eq!(done("x"), WordCompletion::default());
    }
}
