//! Reading a query's text into terms: tokens (quoted values kept whole), field terms,
//! comparisons and day spans.
//!
//! Must not: test contacts (the terms are run in `query`).

use super::{Cmp, FIELDS, Needle, Term, Test, TextField};
use crate::error::{Error, Result, did_you_mean};
use crate::import::dates::{digits, parse_date};
use crate::model::{Decision, Flags, Function, Seniority};
use crate::text::folded;
use chrono::NaiveDate;

/// The days a date term names: one day (`2024-11-25`), a month (`2024-11`) or a year
/// (`2024`), or the day so many days, weeks, months or years before today (`30d`, `2w`,
/// `6m`, `1y`), so that a saved filter stays current. `<` is before its first day, `<=`
/// up to its last, `>` after its last, `>=` from its first, `=` (or no operator) within
/// it: `connected:>2024` is from 2025 on, `added:>=7d` the last seven days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct DateSpan {
    first: NaiveDate,
    /// The day after the last.
    end: NaiveDate,
}

impl DateSpan {
    pub(super) fn parse(text: &str, today: NaiveDate) -> Option<DateSpan> {
        let text = text.trim();
        if let Some(day) = days_before(text, today) {
            return Some(DateSpan {
                first: day,
                end: day.succ_opt()?,
            });
        }
        let year = |y: &str| i32::try_from(digits(y, 4..=4)?).ok();
        let month = |year: i32, month: u32| {
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            Some((first, first.checked_add_months(chrono::Months::new(1))?))
        };
        let (first, end) = match text.split_once('-') {
            None if text.len() == 4 => {
                let year = year(text)?;
                (month(year, 1)?.0, month(year + 1, 1)?.0)
            }
            Some((y, m)) if y.len() == 4 && m.len() == 2 => month(year(y)?, digits(m, 2..=2)?)?,
            _ => {
                let day = parse_date(text)?;
                (day, day.succ_opt()?)
            }
        };
        Some(DateSpan { first, end })
    }

    pub(super) fn holds(self, cmp: Cmp, day: NaiveDate) -> bool {
        match cmp {
            Cmp::Lt => day < self.first,
            Cmp::Le => day < self.end,
            Cmp::Gt => day >= self.end,
            Cmp::Ge => day >= self.first,
            Cmp::Eq => self.first <= day && day < self.end,
        }
    }
}

/// The day `30d`, `2w`, `6m` or `1y` before `today`.
pub(super) fn days_before(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let unit = text.chars().last()?;
    let n = digits(&text[..text.len() - unit.len_utf8()], 1..=4)?;
    let months = |n: u32| today.checked_sub_months(chrono::Months::new(n));
    match unit.to_ascii_lowercase() {
        'd' => today.checked_sub_days(chrono::Days::new(n.into())),
        'w' => today.checked_sub_days(chrono::Days::new(7 * u64::from(n))),
        'm' => months(n),
        'y' => months(n.checked_mul(12)?),
        _ => None,
    }
}

/// Splits on spaces, keeping `"quoted values"` whole, quotes and all (a `|` or a `:`
/// between quotes is part of the value: [`crate::text::alternatives`]); a quote left open
/// runs to the end (`company:"blue s` as it is typed, before its quote is closed). Quotes
/// with nothing between them are no term.
pub(super) fn tokens(text: &str) -> Vec<&str> {
    (crate::text::pieces_outside_quotes(text, char::is_whitespace))
        .filter(|token| token.contains(|c| c != '"'))
        .collect()
}

/// A term's field and value (`company:"a b"`): split at its first `:` outside quotes.
pub(super) fn field_and_value(term: &str) -> Option<(&str, &str)> {
    let (colon, _) = crate::text::outside_quotes(term, |c| c == ':').next()?;
    Some((&term[..colon], &term[colon + 1..]))
}

/// What a `url:` value is looked for as in a contact's profile key: a pasted profile URL
/// by its own key (`https://www.linkedin.com/in/Ren%C3%A9-Sample/` as
/// `linkedin.com/in/rené-sample`), anything else percent-decoded and lowercased.
pub(super) fn url_needle(value: &str) -> String {
    crate::import::url::profile_key(value).unwrap_or_else(|| {
        let decoded = percent_encoding::percent_decode_str(value).decode_utf8_lossy();
        decoded.to_lowercase()
    })
}

/// What a date field tests of a contact, for a comparison with a day span.
pub(super) type DateTest = fn(Cmp, DateSpan) -> Test;

/// The fields that take a date, with the test each makes of one.
pub(super) const DATE_FIELDS: [(&str, DateTest); 4] = [
    ("connected", Test::Connected),
    ("changed", Test::JobChanged),
    ("gone", Test::Gone),
    ("added", Test::Added),
];

/// The test a date field (`field`, lowercase) makes of a day span; `None` for another field.
pub(super) fn date_test(field: &str) -> Option<DateTest> {
    (DATE_FIELDS.iter())
        .find(|(name, _)| *name == field)
        .map(|(_, test)| *test)
}

/// Whether `field` (lowercase) takes a date.
pub(super) fn is_date_field(field: &str) -> bool {
    date_test(field).is_some()
}

pub(super) fn term(token: &str, today: NaiveDate) -> Result<Term> {
    let bad = |reason: String| Error::Query {
        term: token.to_string(),
        reason,
    };
    let (negate, body) = match token.strip_prefix('-') {
        Some(rest) if field_and_value(rest).is_some() => (true, rest),
        _ => (false, token),
    };
    let Some((field, value)) = field_and_value(body) else {
        // A bare word too: `hooli|acme`, either.
        if token.starts_with('|') {
            return Err(bad(
                "'|' goes between the values of one term, with no spaces: hooli|acme, company:hooli|acme"
                    .to_string(),
            ));
        }
        let test = either(token, &|word| Ok(Test::Words(Needle::typed(word))))?;
        let unquoted = || Test::Words(Needle::typed(&crate::text::unquoted(token)));
        return Ok(Term {
            negate: false,
            test: test.unwrap_or_else(unquoted),
        });
    };
    let name = field.to_ascii_lowercase();
    let test = either(value, &|value| field_test(&name, value, today, body, &bad))?;
    let test = test.ok_or_else(|| bad(format!("'{field}:' needs a value")))?;
    Ok(Term { negate, test })
}

/// The test of `value`, or of either of its alternatives (`hooli|acme`), each as `test`
/// reads one; `None` when it has none. An alternative left empty (`hooli|` as it is
/// typed) adds nothing.
fn either(value: &str, test: &dyn Fn(&str) -> Result<Test>) -> Result<Option<Test>> {
    let mut alternatives = crate::text::alternatives(value);
    Ok(match (alternatives.next(), alternatives.next()) {
        (None, _) => None,
        (Some(one), None) => Some(test(&one)?),
        (Some(first), Some(second)) => {
            let alternatives = [first, second].into_iter().chain(alternatives);
            let tests = alternatives.map(|a| test(&a)).collect::<Result<_>>()?;
            Some(Test::any(tests))
        }
    })
}

/// The test field `name` (lowercase; `body` the term without its sign) makes of one
/// `value`; `bad` words the error of a value it refuses.
fn field_test(
    name: &str,
    value: &str,
    today: NaiveDate,
    body: &str,
    bad: &dyn Fn(String) -> Error,
) -> Result<Test> {
    let lower = folded(value);
    let test = match name {
        "url" => Test::Text(TextField::Url, Needle::new(url_needle(value))),
        "tag" => Test::Tag(value.to_string()),
        "decision" => Test::Decision(Decision::parse(value).ok_or_else(|| {
            let near = did_you_mean(value, Decision::ALL.map(Decision::as_str));
            bad(format!(
                "decision is keep, prune, protect or undecided{near}"
            ))
        })?),
        "score" => {
            let (cmp, n) = Cmp::split(value);
            let n: f64 = n
                .parse()
                .map_err(|_| bad(format!("'{n}' is not a number")))?;
            Test::Score(cmp, n)
        }
        "seniority" => {
            let (cmp, t) = Cmp::split(&lower);
            let tier = Seniority::parse(t).ok_or_else(|| {
                let near = did_you_mean(t, Seniority::ALL.map(Seniority::as_str));
                bad(format!(
                    "unknown tier '{t}'{near}: training entry senior manager director vp cxo partner owner support unknown"
                ))
            })?;
            if cmp != Cmp::Eq && tier.rank().is_none() {
                return Err(bad(format!(
                    "'{t}' is outside the tier order; use seniority:{t}"
                )));
            }
            Test::Tier(cmp, tier)
        }
        date if let Some(test) = date_test(date) => {
            let (cmp, d) = Cmp::split(value);
            let span = DateSpan::parse(d, today).ok_or_else(|| {
                let what = match d.trim() {
                    "" => format!("'{body}' needs a date"),
                    _ => format!("'{d}' is not a date"),
                };
                bad(format!(
                    "{what} (YYYY-MM-DD, YYYY-MM, YYYY, or 30d 2w 6m 1y ago)"
                ))
            })?;
            test(cmp, span)
        }
        "function" => Test::Function(Function::parse(value).ok_or_else(|| {
            let names: Vec<&str> = Function::ALL.iter().map(|f| f.as_str()).collect();
            let near = did_you_mean(value, names.iter().copied());
            bad(format!(
                "unknown function '{value}'{near}: {}",
                names.join(" ")
            ))
        })?),
        "flag" => Test::Flag(Flags::bit_for(value).ok_or_else(|| {
            let names: Vec<&str> = Flags::NAMES.iter().map(|(n, _)| *n).collect();
            let near = did_you_mean(value, names.iter().copied());
            bad(format!("unknown flag '{value}'{near}: {}", names.join(" ")))
        })?),
        other => match TextField::named(other) {
            Some(field) => Test::Text(field, Needle::typed(value)),
            None => {
                let near = did_you_mean(other, FIELDS.split(' '));
                return Err(bad(format!(
                    "unknown field '{other}'{near}; fields: {FIELDS}"
                )));
            }
        },
    };
    Ok(test)
}
