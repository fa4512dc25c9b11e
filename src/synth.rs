//! Seeded synthetic LinkedIn exports: invented people, companies and titles rendered in
//! every real export style (DESIGN.md §2). Used by the demo network, the fixtures, the
//! tests and the benchmarks; the same seed always gives the same bytes. Never real data.
//!
//! Must not: touch the database or the file system (callers write the strings).

use chrono::{Duration, NaiveDate, NaiveDateTime};

/// A small deterministic PRNG (splitmix64): no dependency, same numbers everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < per_mille as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST: [&str; 48] = [
    "Ada", "Bruno", "Chloé", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ivo", "Jana", "Kofi",
    "Lena", "Mateo", "Nia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Viktor",
    "Wen", "Ximena", "Yusuf", "Zora", "René", "Søren", "Aiko", "Björn", "Camila", "Dario", "Esme",
    "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca", "Maya", "Noor", "Otto", "Paz",
    "Rafael", "Sana", "Theo", "Vera",
];
const LAST: [&str; 50] = [
    "Abara",
    "Brandt",
    "Castellano",
    "Dvořák",
    "Eriksen",
    "Fontaine",
    "Galloway",
    "Hartmann",
    "Ishikawa",
    "Jovanović",
    "Kowalczyk",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rahman",
    "Sandoval",
    "Tanaka",
    "Urquhart",
    "Varga",
    "Whitfield",
    "Xu",
    "Yilmaz",
    "Zimmer",
    "Sample",
    "Okonkwo",
    "Bellamy",
    "Carvalho",
    "Delacroix",
    "Esposito",
    "Fischer",
    "Grünewald",
    "Halvorsen",
    "Ivanova",
    "Jensen",
    "Kaur",
    "Laurent",
    "Mbeki",
    "Novak",
    "Olsen",
    "Pereira",
    "Rossi",
    "Schmidt",
    "Takahashi",
    "Umarov",
    "Vasquez",
    "Weber",
    "Zhang",
];
/// Invented companies; the first few are the demo profile's targets.
pub const COMPANIES: [&str; 30] = [
    "Hooli",
    "Stark Cloud",
    "Globex Corporation",
    "Initech",
    "Blue Sun Corp",
    "Acme Widgets",
    "Umbrella Analytics",
    "Wayne Logistics",
    "Soylent Foods",
    "Cyberdyne Systems",
    "Tyrell Biotech",
    "Massive Dynamic",
    "Wonka Labs",
    "Vandelay Industries",
    "Pied Piper",
    "Aperture Science",
    "Oscorp",
    "Gringotts Finance",
    "Monarch Solutions",
    "Nakatomi Trading",
    "Dunder Paper",
    "Prestige Worldwide",
    "Bluth Company",
    "Sterling Cooper",
    "Los Pollos GmbH",
    "Duff Brewing",
    "Krusty Media",
    "Oceanic Air",
    "Virtucon Ltd",
    "Gekko & Co",
];

/// Titles by rough group, realistic in shape.
const LEADER_TITLES: [&str; 14] = [
    "VP Engineering",
    "Vice President, Engineering",
    "Head of Platform",
    "CTO",
    "Chief Technology Officer",
    "Director of Engineering",
    "Head of Platform Engineering",
    "SVP Engineering",
    "Co-Founder & CTO",
    "Director, Platform Engineering",
    "VP Platform",
    "Head of Infrastructure",
    "Engineering Director",
    "Founder & CEO",
];
const DECOY_TITLES: [&str; 10] = [
    "Executive Assistant to the CTO",
    "Executive Assistant to the VP Engineering",
    "Technical Recruiter - Engineering Leadership",
    "Talent Acquisition Partner, Platform",
    "Account Executive, Platform Sales",
    "Account Executive - Kubernetes Solutions",
    "Platform Engineering Intern",
    "Kubernetes Intern",
    "Recruiter for VP Engineering roles",
    "Assistant to the Head of Platform",
];
const MID_TITLES: [&str; 10] = [
    "Software Engineer",
    "Senior Software Engineer",
    "Platform Engineer",
    "Site Reliability Engineer",
    "Engineering Manager",
    "Staff Engineer",
    "Backend Developer",
    "DevOps Engineer",
    "Senior Platform Engineer",
    "Kubernetes Engineer",
];
const OTHER_TITLES: [&str; 24] = [
    "Marketing Manager",
    "Product Manager",
    "Senior Product Designer",
    "Data Scientist",
    "Financial Analyst",
    "HR Business Partner",
    "Customer Success Manager",
    "Sales Director",
    "Office Manager",
    "Teacher",
    "Chief Financial Officer",
    "Operations Lead",
    "UX Researcher",
    "Legal Counsel",
    "Managing Director",
    "Junior Accountant",
    "Student at Tech University",
    "Associate Partner",
    "Business Development Executive",
    "Head of Marketing",
    "Growth Marketer",
    "Freelance Photographer",
    "Open to work | Data Analyst",
    "Owner",
];

/// Which part of a labelled network a person was generated as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Leader,
    Decoy,
    Mid,
    Other,
}

/// One invented person.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub first: String,
    pub last: String,
    pub slug: String,
    pub company: String,
    pub position: String,
    pub connected_on: NaiveDate,
    pub label: Label,
    /// A hidden row (closed account): everything empty but the date.
    pub hidden: bool,
}

impl Person {
    pub fn url(&self) -> String {
        format!("https://www.linkedin.com/in/{}", self.slug)
    }

    /// The URL as Connections.csv writes it: non-ASCII percent-encoded.
    pub fn url_percent_encoded(&self) -> String {
        let slug: String =
            percent_encoding::utf8_percent_encode(&self.slug, percent_encoding::NON_ALPHANUMERIC)
                .to_string()
                .replace("%2D", "-");
        format!("https://www.linkedin.com/in/{slug}")
    }
}

/// Generates `n` people; `mix` is per mille of leaders, decoys and mid-level (the rest
/// other titles); `hidden_per_mille` of them are hidden rows.
pub fn people(
    seed: u64,
    n: usize,
    mix: (u32, u32, u32),
    hidden_per_mille: u32,
    as_of: NaiveDate,
) -> Vec<Person> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let roll = rng.below(1000) as u32;
            let (label, titles): (Label, &[&str]) = if roll < mix.0 {
                (Label::Leader, &LEADER_TITLES)
            } else if roll < mix.0 + mix.1 {
                (Label::Decoy, &DECOY_TITLES)
            } else if roll < mix.0 + mix.1 + mix.2 {
                (Label::Mid, &MID_TITLES)
            } else {
                (Label::Other, &OTHER_TITLES)
            };
            let (first, last) = name(i, &mut rng);
            let slug = format!(
                "{}-{}-{:x}",
                first.split(' ').next().unwrap_or_default().to_lowercase(),
                last.to_lowercase(),
                i + 4096
            );
            let days = rng.below(365 * 9) as i64;
            Person {
                first,
                last,
                slug,
                company: company(i, &mut rng),
                position: rng.pick(titles).to_string(),
                connected_on: as_of - Duration::days(days + 1),
                label,
                hidden: rng.chance(hidden_per_mille),
            }
        })
        .collect()
}

/// The `i`-th person's first and last name: distinct pairs while they last (namesakes
/// would look like duplicates), then, in networks larger than that, a middle initial on
/// half and a double-barrelled surname on half, so that namesakes at one company stay
/// about as rare as in a real network of that size (a few in a hundred, not most).
fn name(i: usize, rng: &mut Rng) -> (String, String) {
    let pairs = FIRST.len() * LAST.len();
    if i < pairs {
        let combo = (i * 7919) % pairs;
        return (
            FIRST[combo % FIRST.len()].to_string(),
            LAST[combo / FIRST.len()].to_string(),
        );
    }
    let mut first = rng.pick(&FIRST).to_string();
    if rng.chance(500) {
        let initial = char::from(b'A' + rng.below(26) as u8);
        first = format!("{first} {initial}.");
    }
    let mut last = rng.pick(&LAST).to_string();
    if rng.chance(500) {
        last = format!("{last}-{}", rng.pick(&LAST));
    }
    (first, last)
}

/// Syllables of the invented employers of a large network.
const SYLLABLES: [&str; 20] = [
    "ka", "lo", "ven", "tri", "mar", "zen", "qu", "bel", "dor", "ix", "sa", "ro", "thal", "ny",
    "vo", "ge", "lin", "cor", "um", "pha",
];

/// The `i`-th person's employer: one of [`COMPANIES`], and past the distinct names of
/// [`name`], one of 8,000 invented ones for half of the people: a real network of
/// 100k works at thousands of companies, not thirty.
fn company(i: usize, rng: &mut Rng) -> String {
    if i < FIRST.len() * LAST.len() || rng.chance(500) {
        return rng.pick(&COMPANIES).to_string();
    }
    let word: String = (0..3).map(|_| *rng.pick(&SYLLABLES)).collect();
    let mut letters = word.chars();
    letters
        .next()
        .map(|c| c.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

/// The export styles of Connections.csv seen 2018–2026.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Preamble, URL column, `25 Nov 2024`.
    Y2026,
    /// Preamble, no URL column.
    Y2022,
    /// No preamble, no URL, `1/8/18, 6:14 PM`.
    Y2018,
    /// Excel re-save: BOM, CRLF, `;`, `9-Sep-22`, no preamble.
    Excel,
    /// A German Excel's re-save: BOM, CRLF, `;`, `25.11.2024`, no preamble.
    ExcelGerman,
    /// A British Excel's re-save: BOM, CRLF, `25/11/2024` (day first), no preamble.
    ExcelBritish,
    /// UTF-16LE with BOM, TAB-separated.
    Utf16Tab,
}

pub const PREAMBLE: &str = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\n";

fn quote(field: &str, delimiter: char) -> String {
    if field.contains([delimiter, '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Renders Connections.csv in a style, as bytes.
pub fn connections_csv(people: &[Person], style: Style) -> Vec<u8> {
    let (delim, eol) = match style {
        Style::Excel | Style::ExcelGerman => (';', "\r\n"),
        Style::ExcelBritish => (',', "\r\n"),
        Style::Utf16Tab => ('\t', "\n"),
        _ => (',', "\n"),
    };
    let with_url = style == Style::Y2026;
    let mut out = String::new();
    if matches!(style, Style::Y2026 | Style::Y2022) {
        out.push_str(PREAMBLE);
    }
    let header: Vec<&str> = if with_url {
        vec![
            "First Name",
            "Last Name",
            "URL",
            "Email Address",
            "Company",
            "Position",
            "Connected On",
        ]
    } else {
        vec![
            "First Name",
            "Last Name",
            "Email Address",
            "Company",
            "Position",
            "Connected On",
        ]
    };
    out.push_str(&header.join(&delim.to_string()));
    out.push_str(eol);
    for p in people {
        let date = match style {
            Style::Y2026 | Style::Y2022 | Style::Utf16Tab => {
                crate::import::dates::day_month_year_text(p.connected_on)
            }
            Style::Y2018 => p
                .connected_on
                .and_hms_opt(18, 14, 0)
                .unwrap_or_default()
                .format("%-m/%-d/%y, %-I:%M %p")
                .to_string(),
            Style::Excel => p.connected_on.format("%-d-%b-%y").to_string(),
            Style::ExcelGerman => p.connected_on.format("%d.%m.%Y").to_string(),
            Style::ExcelBritish => p.connected_on.format("%d/%m/%Y").to_string(),
        };
        let blank = String::new();
        let pick = |s: &String| if p.hidden { blank.clone() } else { s.clone() };
        let mut fields = vec![pick(&p.first), pick(&p.last)];
        if with_url {
            fields.push(if p.hidden {
                String::new()
            } else {
                p.url_percent_encoded()
            });
        }
        fields.extend([String::new(), pick(&p.company), pick(&p.position), date]);
        let line: Vec<String> = fields.iter().map(|f| quote(f, delim)).collect();
        out.push_str(&line.join(&delim.to_string()));
        out.push_str(eol);
    }
    match style {
        Style::Excel | Style::ExcelGerman | Style::ExcelBritish => {
            let mut bytes = vec![0xEF, 0xBB, 0xBF];
            bytes.extend_from_slice(out.as_bytes());
            bytes
        }
        Style::Utf16Tab => {
            let mut bytes = vec![0xFF, 0xFE];
            for u in out.encode_utf16() {
                bytes.extend_from_slice(&u.to_le_bytes());
            }
            bytes
        }
        _ => out.into_bytes(),
    }
}

/// An invitation to render.
#[derive(Debug, Clone)]
pub struct SynthInvitation {
    pub outgoing: bool,
    pub other_first: String,
    pub other_last: String,
    pub other_slug: String,
    pub sent_at: NaiveDateTime,
    pub message: String,
}

pub const OWNER_NAME: &str = "Sam Owner";
pub const OWNER_SLUG: &str = "sam-owner-demo";

/// Invitations: `accepted` outgoing ones to existing people, `pending` outgoing ones to
/// new people sent `pending_ages` days before `as_of`, and `incoming` new people.
pub fn invitations(
    seed: u64,
    accepted_to: &[Person],
    pending_ages: &[i64],
    incoming: usize,
    as_of: NaiveDate,
) -> Vec<SynthInvitation> {
    let mut rng = Rng::new(seed ^ 0xABCD);
    let at = |days: i64, rng: &mut Rng| {
        (as_of - Duration::days(days))
            .and_hms_opt(9 + rng.below(9) as u32, rng.below(60) as u32, 0)
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for p in accepted_to.iter().filter(|p| !p.hidden) {
        let days = (as_of - p.connected_on).num_days().max(0);
        out.push(SynthInvitation {
            outgoing: true,
            other_first: p.first.clone(),
            other_last: p.last.clone(),
            other_slug: p.slug.clone(),
            sent_at: at(days + 1, &mut rng),
            message: String::new(),
        });
    }
    let stranger = |i: usize, rng: &mut Rng, prefix: &str| {
        let first = rng.pick(&FIRST).to_string();
        let last = rng.pick(&LAST).to_string();
        let slug = format!(
            "{prefix}-{}-{}-{i}",
            first.to_lowercase(),
            last.to_lowercase()
        );
        (first, last, slug)
    };
    for (i, &days) in pending_ages.iter().enumerate() {
        let (first, last, slug) = stranger(i, &mut rng, "pending");
        out.push(SynthInvitation {
            outgoing: true,
            other_first: first,
            other_last: last,
            other_slug: slug,
            sent_at: at(days, &mut rng),
            message: if i % 3 == 0 {
                "Hi, let's connect, we met at the platform meetup.".into()
            } else {
                String::new()
            },
        });
    }
    for i in 0..incoming {
        let (first, last, slug) = stranger(i, &mut rng, "incoming");
        let days = 1 + rng.below(200) as i64;
        out.push(SynthInvitation {
            outgoing: false,
            other_first: first,
            other_last: last,
            other_slug: slug,
            sent_at: at(days, &mut rng),
            message: String::new(),
        });
    }
    out.sort_by_key(|i| std::cmp::Reverse(i.sent_at));
    out
}

/// Renders Invitations.csv (2024+ shape, raw UTF-8 URLs).
pub fn invitations_csv(invitations: &[SynthInvitation]) -> Vec<u8> {
    let mut out =
        String::from("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
    let owner_url = format!("https://www.linkedin.com/in/{OWNER_SLUG}");
    for i in invitations {
        let other = format!("{} {}", i.other_first, i.other_last);
        let other_url = format!("https://www.linkedin.com/in/{}", i.other_slug);
        let (from, to, dir, inviter, invitee) = if i.outgoing {
            (
                OWNER_NAME.to_string(),
                other,
                "OUTGOING",
                owner_url.clone(),
                other_url,
            )
        } else {
            (
                other,
                OWNER_NAME.to_string(),
                "INCOMING",
                other_url,
                owner_url.clone(),
            )
        };
        let sent = format!("\"{}\"", i.sent_at.format("%-m/%-d/%y, %-I:%M %p"));
        out.push_str(&format!(
            "{},{},{sent},{},{dir},{inviter},{invitee}\n",
            quote(&from, ','),
            quote(&to, ','),
            quote(&i.message, ',')
        ));
    }
    out.into_bytes()
}

/// A follow-up in a long conversation, about as long as a real one.
const FOLLOW_UP: &str = "<p>Thanks for the notes on the platform migration, \"very\" useful.</p>\n\
    We moved our build farm last quarter and hit the same wall with cache invalidation; \
    happy to share what worked for us. Does Thursday afternoon suit you for a short call?";

/// Renders messages.csv: conversations with `talk_to`, two-way for every other one,
/// with HTML and multi-line content; each goes on for `follow_ups` messages more.
pub fn messages_csv(seed: u64, talk_to: &[Person], as_of: NaiveDate, follow_ups: usize) -> Vec<u8> {
    let mut rng = Rng::new(seed ^ 0x5EED);
    let mut out = String::from(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT\n",
    );
    let owner_url = format!("https://www.linkedin.com/in/{OWNER_SLUG}");
    for (n, p) in talk_to.iter().filter(|p| !p.hidden).enumerate() {
        let conv = format!("2-{:016x}", rng.next_u64());
        let name = format!("{} {}", p.first, p.last);
        let days = 1 + rng.below(700) as i64;
        let t0 = (as_of - Duration::days(days))
            .and_hms_opt(10, 0, 0)
            .unwrap_or_default();
        let line = |from: &str,
                    from_url: &str,
                    to: &str,
                    to_url: &str,
                    at: NaiveDateTime,
                    content: &str| {
            format!(
                "{conv},,{},{from_url},{},{to_url},{},,{},INBOX,,No,No\n",
                quote(from, ','),
                quote(to, ','),
                at.format("%Y-%m-%d %H:%M:%S UTC"),
                quote(content, ',')
            )
        };
        out.push_str(&line(
            OWNER_NAME,
            &owner_url,
            &name,
            &p.url(),
            t0,
            "<p>Hi, great to connect!</p>\nWould love to compare notes on platform work, sometime.",
        ));
        if n % 2 == 0 {
            out.push_str(&line(
                &name,
                &p.url(),
                OWNER_NAME,
                &owner_url,
                t0 + Duration::hours(5),
                "Thanks, \"happy\" to chat.\nNext week?",
            ));
        }
        // A long conversation: turns in turn, a day apart.
        let url = p.url();
        for k in 1..=follow_ups as i64 {
            let at = t0 + Duration::days(k) + Duration::minutes(rng.below(600) as i64);
            if at.date() > as_of {
                break;
            }
            let (owner, them) = ((OWNER_NAME, owner_url.as_str()), (name.as_str(), &*url));
            let (from, to) = if k % 2 == 0 {
                (owner, them)
            } else {
                (them, owner)
            };
            out.push_str(&line(from.0, from.1, to.0, to.1, at, FOLLOW_UP));
        }
    }
    out.into_bytes()
}

/// The demo network: about 2,000 connections with invitations and messages, as the
/// three export files (2026 style).
pub struct DemoExport {
    pub connections: Vec<u8>,
    pub invitations: Vec<u8>,
    pub messages: Vec<u8>,
}

pub fn demo_export(as_of: NaiveDate) -> DemoExport {
    let all = people(2026, 2000, (60, 40, 200), 10, as_of);
    let accepted: Vec<Person> = all.iter().rev().take(60).cloned().collect();
    let pending: Vec<i64> = (0..45).map(|i| 3 + 2 * i).collect();
    let invs = invitations(2026, &accepted, &pending, 12, as_of);
    let talk: Vec<Person> = all.iter().step_by(23).cloned().collect();
    DemoExport {
        connections: connections_csv(&all, Style::Y2026),
        invitations: invitations_csv(&invs),
        messages: messages_csv(2026, &talk, as_of, 0),
    }
}

/// Hand-made people carrying the quirks of real exports: accents (percent-encoded in
/// Connections.csv, raw in Invitations.csv), emoji, credentials after a comma, stray
/// spaces, a quoted title with a comma.
pub fn quirky_people(as_of: NaiveDate) -> Vec<Person> {
    let person =
        |first: &str, last: &str, slug: &str, company: &str, position: &str, days: i64| Person {
            first: first.to_string(),
            last: last.to_string(),
            slug: slug.to_string(),
            company: company.to_string(),
            position: position.to_string(),
            connected_on: as_of - Duration::days(days),
            label: Label::Other,
            hidden: false,
        };
    vec![
        person(
            "René",
            "Sample",
            "rené-sample",
            "Hooli",
            "Director, Platform",
            40,
        ),
        person(
            "Jo 🚀",
            "Doe, MBA",
            "jo-doe-mba",
            "Stark Cloud GmbH",
            "VP Engineering | Kubernetes",
            400,
        ),
        person(
            " Ana ",
            "  Lima",
            "ana-lima",
            "Initech",
            "Head of Platform",
            800,
        ),
        person(
            "Zoë",
            "Ødegård",
            "zoë-ødegård",
            "Blue Sun Corp",
            "\"Chief\" Technology Officer",
            1500,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let a = connections_csv(&people(7, 50, (100, 100, 300), 20, d), Style::Y2026);
        let b = connections_csv(&people(7, 50, (100, 100, 300), 20, d), Style::Y2026);
        assert_eq!(a, b);
    }
}
