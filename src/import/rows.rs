//! Turns the records of a recognised table into typed rows: connections, invitations,
//! messages and other contacts, with exact per-reason counts of what was skipped.
//!
//! Must not: touch the database or merge with what is already known; `store` does.

use super::dates::{DateOrder, parse_date_in, parse_datetime_in};
use super::fields::{ColumnMap, Field};
use super::messages::{MessageLog, MessageRow};
use super::table::{FileKind, Table, field};
use super::url::profile_key;
use crate::error::{Error, Result};
use crate::model::{Direction, Text};
use crate::text::has_other_spelling;
use chrono::{NaiveDate, NaiveDateTime};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConnectionRow {
    pub line: u64,
    pub first_name: Text,
    pub last_name: Text,
    pub url: Text,
    pub url_key: Option<Text>,
    pub email: Text,
    pub company: Text,
    pub position: Text,
    pub connected_on: Option<NaiveDate>,
    /// Everything empty but the date: a closed or restricted account.
    pub hidden: bool,
    /// Tags carried by a netcurate export being re-imported.
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InvitationRow {
    pub line: u64,
    pub direction: Direction,
    pub from_name: String,
    pub to_name: String,
    pub sent_at: NaiveDateTime,
    pub message: String,
    pub inviter_url: Option<String>,
    pub invitee_url: Option<String>,
}

impl InvitationRow {
    /// The inviter's and the invitee's URL key and name.
    fn sides(&self) -> [(Option<&str>, &str); 2] {
        [
            (self.inviter_url.as_deref(), &self.from_name),
            (self.invitee_url.as_deref(), &self.to_name),
        ]
    }

    /// The URL key and name of the person on the other side ([`Direction::other_side`]).
    pub fn other_side(&self) -> (Option<&str>, &str) {
        let [from, to] = self.sides();
        self.direction.other_side(from, to)
    }

    /// The URL key and name of the export's owner ([`Direction::own_side`]).
    pub fn own_side(&self) -> (Option<&str>, &str) {
        let [from, to] = self.sides();
        self.direction.own_side(from, to)
    }
}

/// Whether two invitations of one direction, time and names may be one, by the URL keys
/// of the people on the other side: the same key, or none on either (an export without
/// URLs says nothing). Two people of one name invited in the same minute (from one
/// search) have two keys.
pub fn may_be_one_invitation(a: Option<&str>, b: Option<&str>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// The rows of one file, by kind.
#[derive(Debug, Clone)]
pub enum Rows {
    Connections(Vec<ConnectionRow>),
    Invitations(Vec<InvitationRow>),
    Messages(MessageLog),
    /// Other contact CSVs reuse the connection row, with enrichment columns.
    Contacts(Vec<ContactRow>),
    Positions(Vec<PositionRow>),
}

/// One of the owner's positions (a row of Positions.csv).
#[derive(Debug, Clone, PartialEq)]
pub struct PositionRow {
    pub company: String,
    pub title: String,
    /// No end date: a position held now.
    pub current: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactRow {
    pub base: ConnectionRow,
    pub industry: Text,
    pub location: Text,
}

/// One parsed file with its accounting.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub name: String,
    pub kind: FileKind,
    pub rows_read: u64,
    pub skipped: BTreeMap<String, u64>,
    pub warnings: Vec<String>,
    pub rows: Rows,
    /// A complete LinkedIn Connections export: connections missing from it are *gone*.
    /// A netcurate export (it has a Tags column) is a list, not the whole network.
    pub full_network: bool,
    /// Of a contact CSV (whose columns vary): which column each field was read from, and
    /// the columns nothing was read from. Empty for LinkedIn's own files.
    pub columns: ColumnUse,
    /// The map was remembered from an earlier import of a file with this header.
    pub remembered_map: bool,
    /// The mappings the file was read with (given, remembered, or both).
    pub map: ColumnMap,
    /// The header's cells as the file writes them.
    pub header: Vec<String>,
    /// The archive or folder it came in (see [`super::SourceFile::origin`]).
    pub origin: String,
}

/// Which column of a contact CSV each field was read from, and the columns left unread.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnUse {
    pub read: Vec<(Field, String)>,
    pub unread: Vec<String>,
}

impl ColumnUse {
    fn of(t: &Table<'_>) -> ColumnUse {
        let read = t.field_columns();
        let unread = (0..t.names().len())
            .filter(|i| read.iter().all(|(_, r)| r != i))
            .map(|i| t.name_of(i).to_string())
            .filter(|name| !name.is_empty())
            .collect();
        ColumnUse {
            read: (read.into_iter())
                .map(|(field, i)| (field, t.name_of(i).to_string()))
                .collect(),
            unread,
        }
    }
}

impl ParsedFile {
    /// The date of the newest connection a Connections file lists.
    pub fn newest_connection(&self) -> Option<NaiveDate> {
        match &self.rows {
            Rows::Connections(rows) => rows.iter().filter_map(|r| r.connected_on).max(),
            _ => None,
        }
    }

    /// The date up to which a Connections file lists the network: the export's date when
    /// it came in LinkedIn's archive (or its unzipped folder), named
    /// `…LinkedInDataExport_MM-DD-YYYY`, else its newest connection's. Connections made
    /// by then that it leaves out were removed; those made after, it cannot list.
    pub fn covers_until(&self) -> Option<NaiveDate> {
        self.newest_connection().max(export_date(&self.origin))
    }

    /// The name keys of the people a Connections file lists.
    pub fn connection_names(&self) -> foldhash::HashSet<String> {
        match &self.rows {
            Rows::Connections(rows) => (rows.iter())
                .filter(|r| !r.hidden)
                .map(|r| name_key(&r.first_name, &r.last_name))
                .collect(),
            _ => Default::default(),
        }
    }

    /// Whether most of the people this Connections file lists are in `names`: the two
    /// files are exports of one network.
    pub fn mostly_listed_in(&self, names: &foldhash::HashSet<String>) -> bool {
        let Rows::Connections(rows) = &self.rows else {
            return false;
        };
        let people = rows.iter().filter(|r| !r.hidden);
        let listed = (people.clone())
            .filter(|r| names.contains(&name_key(&r.first_name, &r.last_name)))
            .count();
        2 * listed > people.count()
    }

    pub fn imported(&self) -> u64 {
        match &self.rows {
            Rows::Connections(r) => r.len() as u64,
            Rows::Invitations(r) => r.len() as u64,
            Rows::Messages(r) => r.len() as u64,
            Rows::Contacts(r) => r.len() as u64,
            Rows::Positions(r) => r.len() as u64,
        }
    }
}

/// Counts skipped rows by reason.
#[derive(Default)]
struct Skips(BTreeMap<String, u64>);

impl Skips {
    fn add(&mut self, reason: &str) {
        self.add_many(reason, 1);
    }

    fn add_many(&mut self, reason: &str, n: u64) {
        if n > 0 {
            *self.0.entry(reason.to_string()).or_default() += n;
        }
    }
}

/// What a table's records are read into: rows in a vector, or a messages file's log.
trait Collected: Send {
    /// Empty, with room for about `records` records.
    fn with_room(records: usize) -> Self;
    /// Adds what the later part of a table gave, after what this one holds.
    fn append(&mut self, later: Self);
}

impl<T: Send> Collected for Vec<T> {
    fn with_room(records: usize) -> Self {
        Vec::with_capacity(records)
    }

    fn append(&mut self, mut later: Self) {
        Vec::append(self, &mut later);
    }
}

impl Collected for MessageLog {
    fn with_room(records: usize) -> Self {
        MessageLog::with_capacity(records)
    }

    fn append(&mut self, later: Self) {
        MessageLog::append(self, later);
    }
}

/// Reads a table's records into `C`, counting skips; returns records read.
type ReadRows<C> = fn(&Table<'_>, &mut Skips, &mut C) -> Result<u64>;

/// Reads a large table's two halves side by side (see [`Table::split`]), in file order.
/// The first half reads into room for the whole table, so the rows are copied once, not
/// again when the vector grows (fresh memory is slow to touch).
fn in_parts<C: Collected>(
    table: &Table<'_>,
    skips: &mut Skips,
    read: ReadRows<C>,
) -> Result<(u64, C)> {
    let mut rows = C::with_room(table.records_at_most());
    let Some((first, second)) = table.split() else {
        let n = read(table, skips, &mut rows)?;
        return Ok((n, rows));
    };
    let mut later = Skips::default();
    let mut more = C::with_room(second.records_at_most());
    let (tail, head) = crate::parallel::join(
        || read(&second, &mut later, &mut more),
        || read(&first, skips, &mut rows),
    );
    let (n, m) = (head?, tail?);
    rows.append(more);
    for (reason, count) in later.0 {
        skips.add_many(&reason, count);
    }
    Ok((n + m, rows))
}

/// A date cell read in `order` by `parse`, or why not, naming the line: a date that
/// reads only in the other order is an [`Error::DateOrder`].
fn date_cell<T>(
    file: &str,
    line: u64,
    column: &'static str,
    text: &str,
    order: DateOrder,
    parse: fn(&str, DateOrder) -> Option<T>,
) -> Result<T> {
    if let Some(value) = parse(text, order) {
        return Ok(value);
    }
    // A quoted cell may hold line breaks: an error says it on one line.
    let shown = crate::text::seen(text);
    if parse(text, order.other()).is_some() {
        return Err(Error::DateOrder {
            file: file.to_string(),
            line,
            text: shown.into_owned(),
            column,
            reads: order.other(),
        });
    }
    Err(Error::line(
        file,
        line,
        format!("impossible date '{shown}' in {column}"),
    ))
}

/// Reads every row of `table`. Its slashed dates are read month first (LinkedIn's own
/// `11/20/24`) unless one of them reads only day first (`25/11/2024`, re-saved by a
/// spreadsheet): then the whole file is read again day first, with a warning that says
/// so. A file with dates in both orders is refused, naming one of each.
pub fn parse_table(table: &Table<'_>) -> Result<ParsedFile> {
    let (first_line, first_date) = match parse_table_in_its_order(table) {
        Err(Error::DateOrder {
            line, text, reads, ..
        }) if reads != table.date_order => (line, text),
        Ok(mut parsed) => {
            if let Some((line, text)) = undecided_date_order(table, parsed.rows_read)? {
                parsed.warnings.push(format!(
                    "dates read {} ({}), as LinkedIn writes them: '{text}' on line {line} and the others read either way; if the day comes first, save them as YYYY-MM-DD",
                    table.date_order,
                    table.date_order.pattern()
                ));
            }
            return Ok(parsed);
        }
        read => return read,
    };
    let mut again = table.clone();
    again.date_order = table.date_order.other();
    match parse_table_in_its_order(&again) {
        Ok(mut parsed) => {
            parsed.warnings.push(format!(
                "dates read {} ({}): '{first_date}' on line {first_line} cannot be {}",
                again.date_order,
                again.date_order.pattern(),
                table.date_order
            ));
            Ok(parsed)
        }
        Err(Error::DateOrder {
            file,
            line,
            text,
            column,
            reads,
        }) => Err(Error::line(
            &file,
            line,
            format!(
                "the date '{text}' in {column} reads only {reads}, but '{first_date}' on line {first_line} only {}: write the file's dates one way (YYYY-MM-DD reads the same everywhere)",
                again.date_order
            ),
        )),
        Err(e) => Err(e),
    }
}

/// More dates than this settle their order in any real file (some day is past the
/// 12th), so a larger file is not read again to ask.
const UNDECIDED_DATES_MAX: u64 = 2_000;

/// In a small table of people whose connection dates are written with slashes and no time
/// (a spreadsheet's re-save; LinkedIn's own `1/8/18, 6:14 PM` is month first), the first
/// date that reads as another day the other way round, when no date settles the order
/// (`03/04/2024` and never `25/11/2024`): the file was read in its default order, and
/// may be in the other.
fn undecided_date_order(table: &Table<'_>, rows: u64) -> Result<Option<(u64, String)>> {
    let people = matches!(table.kind, FileKind::Connections | FileKind::Contacts);
    let Some(column) = table.column(&["connected on"]).filter(|_| people) else {
        return Ok(None);
    };
    if rows > UNDECIDED_DATES_MAX {
        return Ok(None);
    }
    let order = table.date_order;
    let (mut first_either_way, mut settled) = (None, false);
    table.for_each_record(|line, r| {
        let text = field(r, Some(column)).trim();
        if settled || !text.contains('/') || text.contains(':') {
            return Ok(());
        }
        match (
            parse_date_in(text, order),
            parse_date_in(text, order.other()),
        ) {
            (Some(a), Some(b)) if a != b => {
                first_either_way.get_or_insert_with(|| (line, text.to_string()));
            }
            (Some(_), None) => settled = true,
            _ => {}
        }
        Ok(())
    })?;
    Ok(first_either_way.filter(|_| !settled))
}

fn parse_table_in_its_order(table: &Table<'_>) -> Result<ParsedFile> {
    let mut skips = Skips::default();
    let (rows_read, rows) = match table.kind {
        FileKind::Connections => {
            let (n, rows) = in_parts(table, &mut skips, connections)?;
            (
                n,
                Rows::Connections(drop_repeats(rows, |r| r, false, &mut skips)),
            )
        }
        FileKind::Invitations => {
            let (n, rows) = invitations(table, &mut skips)?;
            (n, Rows::Invitations(rows))
        }
        FileKind::Messages => {
            let (n, rows) = in_parts(table, &mut skips, messages)?;
            (n, Rows::Messages(rows))
        }
        FileKind::Positions => {
            let (n, rows) = positions(table, &mut skips)?;
            (n, Rows::Positions(rows))
        }
        FileKind::Contacts => {
            let (n, rows) = in_parts(table, &mut skips, contacts)?;
            (
                n,
                Rows::Contacts(drop_repeats(rows, |r| &r.base, true, &mut skips)),
            )
        }
    };
    Ok(ParsedFile {
        name: table.file.clone(),
        kind: table.kind,
        rows_read,
        skipped: skips.0,
        warnings: table.repeated_columns(),
        rows,
        full_network: table.kind == FileKind::Connections && !table.is_contact_list(),
        columns: match table.kind {
            FileKind::Contacts => ColumnUse::of(table),
            _ => ColumnUse::default(),
        },
        remembered_map: table.remembered_map,
        map: table.map.clone(),
        header: table.names().to_vec(),
        origin: String::new(),
    })
}

/// Column indexes of a person-shaped table (Connections.csv or a CRM export).
struct PersonColumns {
    first: Option<usize>,
    last: Option<usize>,
    /// The last name is read from a name column ([`Table::field_columns`]): it may hold the
    /// whole name.
    last_from_name: bool,
    full: Option<usize>,
    url: Option<usize>,
    email: Option<usize>,
    company: Option<usize>,
    position: Option<usize>,
    connected: Option<usize>,
    tags: Option<usize>,
    date_order: DateOrder,
}

impl PersonColumns {
    fn of(t: &Table<'_>) -> PersonColumns {
        let read = t.field_columns();
        let column = |field: Field| read.iter().find(|(f, _)| *f == field).map(|&(_, i)| i);
        PersonColumns {
            first: column(Field::FirstName),
            last: column(Field::LastName),
            last_from_name: column(Field::LastName).is_some()
                && column(Field::LastName) == t.column(Field::Name.headers()),
            full: column(Field::Name),
            url: column(Field::Url),
            email: column(Field::Email),
            company: column(Field::Company),
            position: column(Field::Position),
            connected: t.column(&["connected on"]),
            tags: column(Field::Tags),
            date_order: t.date_order,
        }
    }

    fn row(&self, file: &str, line: u64, r: &csv::StringRecord) -> Result<ConnectionRow> {
        let (mut first_name, mut last_name) = (
            clean_name(field(r, self.first)),
            clean_name(field(r, self.last)),
        );
        if first_name.is_empty() && last_name.is_empty() {
            let full = clean_name(field(r, self.full));
            match full.split_once(' ') {
                Some((f, l)) => (first_name, last_name) = (f.into(), l.trim().into()),
                None => first_name = full,
            }
        } else if self.last_from_name
            && let Some(rest) = last_name.strip_prefix(first_name.as_str())
            && rest.starts_with(' ')
        {
            // The name column held the whole name.
            last_name = rest.trim().into();
        }
        let url = Text::from(field(r, self.url));
        let connected_on = match field(r, self.connected) {
            "" => None,
            text => Some(date_cell(
                file,
                line,
                "Connected On",
                text,
                self.date_order,
                parse_date_in,
            )?),
        };
        let url_key = profile_key(&url).map(Text::from);
        let company = Text::from(field(r, self.company));
        let position = Text::from(field(r, self.position));
        let hidden = first_name.is_empty()
            && last_name.is_empty()
            && url_key.is_none()
            && company.is_empty()
            && position.is_empty();
        let tags = field(r, self.tags)
            .split([';', '|'])
            .map(filterable_tag)
            .filter(|t| !t.is_empty())
            .collect();
        Ok(ConnectionRow {
            line,
            first_name,
            last_name,
            url,
            url_key,
            email: field(r, self.email).into(),
            company,
            position,
            connected_on,
            hidden,
            tags,
        })
    }
}

/// An imported tag as `tag:` can find it (the rule `tag add` enforces on typed tags):
/// trimmed, `"` (which quotes filter values) written `'`, control characters left out.
/// (Tags are split at `;` and at `|`, which joins a filter term's values: a CRM's
/// `VIP|Board` is two tags, as `tag:vip|board` reads them.)
fn filterable_tag(tag: &str) -> String {
    (tag.trim().chars())
        .filter(|c| !c.is_control())
        .map(|c| if c == '"' { '\'' } else { c })
        .collect()
}

/// Trims stray spaces inside and around a name; keeps accents, emoji and credentials.
fn clean_name(s: &str) -> Text {
    let b = s.as_bytes();
    let tidy = b.iter().all(|&c| (b' '..=b'~').contains(&c))
        && b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && memchr::memmem::find(b, b"  ").is_none();
    if tidy {
        return s.into();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ").into()
}

/// The case-folded name plus normalised company: the identity of a row without URL.
pub fn weak_key(first: &str, last: &str, company: &str) -> String {
    let mut key = name_key(first, last);
    key.push('|');
    key.push_str(&crate::audience::normalize::company_key(company));
    key
}

/// The date in the name of LinkedIn's export archive or its unzipped folder
/// (`Basic_LinkedInDataExport_11-25-2026.zip`, month first), if the name has one.
pub fn export_date(origin: &str) -> Option<NaiveDate> {
    let name = std::path::Path::new(origin).file_name()?.to_str()?;
    let (_, after) = name.split_once("LinkedInDataExport_")?;
    NaiveDate::parse_from_str(after.get(..10)?, "%m-%d-%Y").ok()
}

/// The other key of a person whose name or company has umlauts or rings: the
/// [`weak_key`] of the name and company spelt out (`juergen mueller|baeckerei mueller`
/// for Jürgen Müller at Bäckerei Müller), as a CRM typed without those letters writes
/// them; `None` for a name and company without them.
pub fn spelt_out_weak_key(first: &str, last: &str, company: &str) -> Option<String> {
    let spelt = |text: &str| crate::text::spelt_out(text);
    (has_other_spelling(first) || has_other_spelling(last) || has_other_spelling(company))
        .then(|| weak_key(&spelt(first), &spelt(last), &spelt(company)))
}

/// The [`name_key`] of a name with umlauts or rings spelt out (`juergen mueller`), as
/// [`spelt_out_weak_key`]; `None` for a name without them.
pub fn spelt_out_name_key(first: &str, last: &str) -> Option<String> {
    let spelt = |text: &str| crate::text::spelt_out(text);
    (has_other_spelling(first) || has_other_spelling(last))
        .then(|| name_key(&spelt(first), &spelt(last)))
}

/// The keys a person is found by name alone: the [`name_key`] and, when the name has
/// umlauts or rings, its [`spelt_out_name_key`] (none for a hidden account's empty name).
pub fn name_keys(first: &str, last: &str) -> impl Iterator<Item = String> + use<> {
    let keys = [Some(name_key(first, last)), spelt_out_name_key(first, last)];
    keys.into_iter().flatten().filter(|k| !k.is_empty())
}

/// "first last" as names are compared: folded as filters fold text (case, accents and
/// invisible characters off: a CRM's "Zoe Odegard" is the export's "Zoë Ødegård"),
/// without outer spaces.
pub fn name_key(first: &str, last: &str) -> String {
    let mut key = String::with_capacity(first.len() + last.len() + 1);
    crate::text::push_folded(&mut key, first);
    key.push(' ');
    crate::text::push_folded(&mut key, last);
    match key.trim().len() == key.len() {
        true => key,
        false => key.trim().to_string(),
    }
}

/// Drops rows that list a person an earlier row already listed (same URL key, or the same
/// email unless both rows have URL keys, else, with `by_name`, same name and company),
/// counting them. Hidden rows are never repeats, and neither are rows of a Connections
/// file without URLs that share a name and company: LinkedIn lists each connection once,
/// so they are namesakes at one employer.
fn drop_repeats<T>(
    rows: Vec<T>,
    person: impl Fn(&T) -> &ConnectionRow,
    by_name: bool,
    skips: &mut Skips,
) -> Vec<T> {
    let mut seen: foldhash::HashSet<Cow<'_, str>> = foldhash::HashSet::default();
    seen.reserve(rows.len());
    // Each email met, and whether the row it was met in had a URL key.
    let mut emails: foldhash::HashMap<String, bool> = foldhash::HashMap::default();
    let keep: Vec<bool> = rows
        .iter()
        .map(|r| {
            let row = person(r);
            if !row.email.is_empty() {
                let with_url = row.url_key.is_some();
                let email = row.email.as_str().to_lowercase();
                match emails.get(&email) {
                    Some(&met_with_url) if !(met_with_url && with_url) => return false,
                    Some(_) => {}
                    None => {
                        emails.insert(email, with_url);
                    }
                }
            }
            if row.hidden {
                return true;
            }
            let id = match &row.url_key {
                Some(k) => Cow::Borrowed(k.as_str()),
                None if by_name => {
                    Cow::Owned(weak_key(&row.first_name, &row.last_name, &row.company))
                }
                None => return true,
            };
            seen.insert(id)
        })
        .collect();
    drop(seen);
    let repeats = keep.iter().filter(|k| !**k).count() as u64;
    if repeats == 0 {
        // Most files: the rows stay where they are (collected anew they were copied, 20
        // MB at 100k, into fresh memory).
        return rows;
    }
    skips.add_many("same person listed twice", repeats);
    rows.into_iter()
        .zip(keep)
        .filter_map(|(row, keep)| keep.then_some(row))
        .collect()
}

fn connections(t: &Table<'_>, skips: &mut Skips, rows: &mut Vec<ConnectionRow>) -> Result<u64> {
    let cols = PersonColumns::of(t);
    t.for_each_record(|line, r| {
        let row = cols.row(&t.file, line, r)?;
        if row.hidden && row.connected_on.is_none() {
            skips.add("empty row");
            return Ok(());
        }
        rows.push(row);
        Ok(())
    })
}

fn contacts(t: &Table<'_>, skips: &mut Skips, rows: &mut Vec<ContactRow>) -> Result<u64> {
    let cols = PersonColumns::of(t);
    let industry = t.column(Field::Industry.headers());
    let location = t.column(Field::Location.headers());
    t.for_each_record(|line, r| {
        let base = cols.row(&t.file, line, r)?;
        let nameless = base.first_name.is_empty() && base.last_name.is_empty();
        if nameless && base.url_key.is_none() && base.email.is_empty() {
            skips.add("no name, URL or email");
            return Ok(());
        }
        rows.push(ContactRow {
            base,
            industry: field(r, industry).into(),
            location: field(r, location).into(),
        });
        Ok(())
    })
}

/// The companies of the owner's positions: current ones, then earlier ones not current.
pub fn employers(rows: &[PositionRow]) -> crate::model::Employers {
    let mut employers = crate::model::Employers::default();
    for current in [true, false] {
        for r in rows.iter().filter(|r| r.current == current) {
            let known = employers.current.iter().chain(&employers.past);
            if !known.clone().any(|c| *c == r.company) {
                match current {
                    true => employers.current.push(r.company.clone()),
                    false => employers.past.push(r.company.clone()),
                }
            }
        }
    }
    employers
}

/// The owner's positions; one without a company says nothing of an employer.
fn positions(t: &Table<'_>, skips: &mut Skips) -> Result<(u64, Vec<PositionRow>)> {
    let company = t.require(&["company name"])?;
    let title = t.column(&["title"]);
    let finished = t.column(&["finished on"]);
    let mut rows = Vec::new();
    let n = t.for_each_record(|_, r| {
        let company = clean_name(field(r, Some(company)));
        if company.is_empty() {
            skips.add("no company");
            return Ok(());
        }
        rows.push(PositionRow {
            company: company.to_string(),
            title: field(r, title).trim().to_string(),
            current: field(r, finished).trim().is_empty(),
        });
        Ok(())
    })?;
    Ok((n, rows))
}

fn invitations(t: &Table<'_>, skips: &mut Skips) -> Result<(u64, Vec<InvitationRow>)> {
    let from = t.require(&["from"])?;
    let to = t.require(&["to"])?;
    let sent = t.require(&["sent at"])?;
    let direction = t.require(&["direction"])?;
    let message = t.column(&["message"]);
    let inviter = t.column(&["inviterprofileurl"]);
    let invitee = t.column(&["inviteeprofileurl"]);
    let mut seen = HashMap::new();
    let mut rows = Vec::with_capacity(t.records_at_most());
    let n = t.for_each_record(|line, r| {
        let sent_text = field(r, Some(sent));
        let sent_at = date_cell(
            &t.file,
            line,
            "Sent At",
            sent_text,
            t.date_order,
            parse_datetime_in,
        )?;
        let direction = match field(r, Some(direction)).to_ascii_uppercase().as_str() {
            "OUTGOING" => Direction::Outgoing,
            "INCOMING" => Direction::Incoming,
            other => {
                return Err(Error::line(
                    &t.file,
                    line,
                    format!(
                        "Direction is '{}', expected INCOMING or OUTGOING",
                        crate::text::seen(other)
                    ),
                ));
            }
        };
        let row = InvitationRow {
            line,
            direction,
            from_name: clean_name(field(r, Some(from))).into(),
            to_name: clean_name(field(r, Some(to))).into(),
            sent_at,
            message: field(r, message).to_string(),
            inviter_url: profile_key(field(r, inviter)),
            invitee_url: profile_key(field(r, invitee)),
        };
        let others: &mut Vec<Option<String>> = seen.entry(identity(&row)).or_default();
        let other = row.other_side().0.map(str::to_string);
        if others.contains(&other) {
            skips.add("same invitation listed twice");
            return Ok(());
        }
        others.push(other);
        rows.push(row);
        Ok(())
    })?;
    // A row without the other side's URL is the same invitation as a row of its minute
    // and names with one ([`may_be_one_invitation`]), whichever comes first.
    let listed = rows.len();
    rows.retain(|r| r.other_side().0.is_some() || !seen[&identity(r)].iter().any(Option::is_some));
    skips.add_many("same invitation listed twice", (listed - rows.len()) as u64);
    Ok((n, rows))
}

/// What tells invitations of a file apart, besides the other side's URL: direction, time
/// sent and the two names.
fn identity(r: &InvitationRow) -> (Direction, NaiveDateTime, String, String) {
    (
        r.direction,
        r.sent_at,
        r.from_name.clone(),
        r.to_name.clone(),
    )
}

fn messages(t: &Table<'_>, skips: &mut Skips, log: &mut MessageLog) -> Result<u64> {
    let conversation = t.require(&["conversation id"])?;
    let from = t.require(&["from"])?;
    let date = t.require(&["date"])?;
    let sender = t.column(&["sender profile url"]);
    let to = t.column(&["to"]);
    let recipients = t.column(&["recipient profile urls"]);
    let drafts = [
        t.column(&["is message draft"]),
        t.column(&["is conversation draft"]),
    ];
    // One row filled again for each message: the log keeps only numbers.
    let mut row = MessageRow::default();
    t.for_each_record(|line, r| {
        if drafts.iter().any(|c| {
            field(r, *c).eq_ignore_ascii_case("yes") || field(r, *c).eq_ignore_ascii_case("true")
        }) {
            skips.add("draft");
            return Ok(());
        }
        let date_text = field(r, Some(date));
        let date = date_cell(
            &t.file,
            line,
            "DATE",
            date_text,
            t.date_order,
            parse_datetime_in,
        )?;
        row.conversation_id.clear();
        row.conversation_id.push_str(field(r, Some(conversation)));
        row.from_name.clear();
        row.from_name.push_str(&clean_name(field(r, Some(from))));
        row.sender_key = profile_key(field(r, sender));
        row.recipient_keys.clear();
        (row.recipient_keys).extend(field(r, recipients).split(',').filter_map(profile_key));
        row.to_names.clear();
        row.to_names.extend(
            (field(r, to).split(','))
                .map(clean_name)
                .filter(|n| !n.is_empty())
                .map(String::from),
        );
        row.date = date;
        log.push(&row);
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A large Connections file read in two halves side by side gives exactly what one
    /// pass gives: the same rows in the same order, counts and skips, and an error in the
    /// second half names its true line.
    #[test]
    fn a_large_file_read_in_halves_is_read_as_one() {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let mut people = crate::synth::people(3, 40_000, (100, 100, 300), 20, as_of);
        // A quoted field holding a line break right at the middle, and repeats across halves.
        people[20_000].position = "Head of Platform,\nEMEA \"North\"".into();
        people[30_000] = people[100].clone();
        let bytes = crate::synth::connections_csv(&people, crate::synth::Style::Y2026);
        let text = String::from_utf8(bytes).expect("utf-8");
        let table = Table::find("Connections.csv", &text, &Default::default()).expect("header");
        assert!(table.split().is_some(), "the file is large enough to split");
        let parsed = parse_table(&table).expect("parse");

        let mut skips = Skips::default();
        let mut rows = Vec::new();
        let n = connections(&table, &mut skips, &mut rows).expect("one pass");
        let rows = drop_repeats(rows, |r| r, false, &mut skips);
        assert_eq!(parsed.rows_read, n);
        assert_eq!(parsed.skipped, skips.0);
        let Rows::Connections(halves) = &parsed.rows else {
            panic!("connections")
        };
        assert_eq!(halves.len(), rows.len());
        assert!(halves.iter().zip(&rows).all(|(a, b)| {
            (a.line, &a.first_name, &a.position, a.connected_on)
                == (b.line, &b.first_name, &b.position, b.connected_on)
        }));

        let bad_line = text.lines().count() - 5;
        let broken: String = text
            .lines()
            .enumerate()
            .map(|(i, l)| {
                // One field too many on that line.
                let l = if i + 1 == bad_line {
                    l.replacen(',', ",extra,", 1)
                } else {
                    l.to_string()
                };
                l + "\n"
            })
            .collect();
        let table = Table::find("Connections.csv", &broken, &Default::default()).expect("header");
        let error = parse_table(&table).expect_err("bad row").to_string();
        assert!(error.contains(&format!("line {bad_line}")), "{error}");
    }

    /// A large messages file read in two halves side by side says what one pass says:
    /// the same count, the same summary per person (the owner and the people whose
    /// conversations straddle the cut are numbered once), and an error in the second
    /// half names its true line.
    #[test]
    fn a_large_messages_file_read_in_halves_is_read_as_one() {
        use super::super::messages::owner_in;
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let people = crate::synth::people(5, 3_000, (100, 100, 300), 20, as_of);
        let bytes = crate::synth::messages_csv(5, &people, as_of, 8);
        let text = String::from_utf8(bytes).expect("utf-8");
        let table = Table::find("messages.csv", &text, &Default::default()).expect("header");
        assert!(table.split().is_some(), "the file is large enough to split");
        let parsed = parse_table(&table).expect("parse");
        let mut one_pass = MessageLog::default();
        let n = messages(&table, &mut Skips::default(), &mut one_pass).expect("one pass");
        let Rows::Messages(halves) = &parsed.rows else {
            panic!("messages")
        };
        assert_eq!((parsed.rows_read, halves.len()), (n, one_pass.len()));
        let owner = owner_in((None, crate::synth::OWNER_NAME));
        let summary = halves.summarise(&owner);
        assert!(summary.len() > 2_000, "{}", summary.len());
        assert_eq!(summary, one_pass.summarise(&owner));
        assert_eq!(
            summary,
            halves.summarise(&[]),
            "the owner is in the most conversations"
        );

        // The last message's date, one past the end: not a time.
        let lines: Vec<&str> = text.lines().collect();
        let bad_line = 1 + lines
            .iter()
            .rposition(|l| l.contains(" UTC,"))
            .expect("a date");
        let broken = (lines.iter().enumerate())
            .map(|(i, l)| match i + 1 == bad_line {
                true => l.replace(" UTC,", " UTC+,"),
                false => l.to_string(),
            })
            .fold(String::new(), |all, l| all + &l + "\n");
        let table = Table::find("messages.csv", &broken, &Default::default()).expect("header");
        let error = parse_table(&table).expect_err("bad date").to_string();
        assert!(error.contains(&format!("line {bad_line}")), "{error}");
    }

    /// Invitations of one minute to people of one name are told apart by the invitee's
    /// URL: two URLs are two invitations; a row without one is the same as a row with
    /// one, whichever comes first in the file.
    #[test]
    fn a_namesakes_invitation_without_url_repeats_one_with_url_in_any_order() {
        let row = |slug: &str| {
            let them = match slug {
                "" => String::new(),
                s => format!("https://www.linkedin.com/in/{s}"),
            };
            format!("Sam Owner,Maria Garcia,\"9/1/26, 9:00 AM\",,OUTGOING,,{them}\n")
        };
        let header = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n";
        for order in [
            ["", "maria-1", "maria-2"],
            ["maria-1", "", "maria-2"],
            ["maria-1", "maria-2", ""],
        ] {
            let text = format!("{header}{}", order.map(row).concat());
            let table = Table::find("Invitations.csv", &text, &Default::default()).expect("header");
            let parsed = parse_table(&table).expect("parse");
            let Rows::Invitations(rows) = &parsed.rows else {
                panic!("invitations")
            };
            let urls: Vec<_> = rows.iter().map(|r| r.other_side().0).collect();
            assert_eq!(
                urls,
                [
                    Some("linkedin.com/in/maria-1"),
                    Some("linkedin.com/in/maria-2")
                ],
                "{order:?}"
            );
            assert_eq!(parsed.skipped.get("same invitation listed twice"), Some(&1));
        }
    }

    /// A row repeats an earlier one with its URL key, or its email unless both rows have
    /// URL keys (two profiles are two people): a row without URL of the same email (a
    /// Dec 2023 placeholder) is the same person listed twice.
    #[test]
    fn a_row_with_an_email_met_before_is_a_repeat_unless_both_have_urls() {
        let text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
                    Ana,Li,https://www.linkedin.com/in/ana,ana@x.example,Initech,CTO,01 Mar 2024\n\
                    Ana,Li,https://www.linkedin.com/in,ANA@x.example,Initech,CTO,01 Mar 2024\n\
                    Bo,Chen,https://www.linkedin.com/in/bo,ana@x.example,Globex,CFO,01 Mar 2024\n\
                    Bo,Chen,https://www.linkedin.com/in/bo,,Globex,CFO,01 Mar 2024\n";
        let table = Table::find("Connections.csv", text, &Default::default()).expect("header");
        let parsed = parse_table(&table).expect("parse");
        let Rows::Connections(rows) = &parsed.rows else {
            panic!("connections")
        };
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4]);
        assert_eq!(parsed.skipped.get("same person listed twice"), Some(&2));
    }

    /// Slashed dates are read month first until one reads only day first: then the whole
    /// file is, with a warning (in an invitations file too); dates in both orders are
    /// refused, naming one of each; an impossible date is an impossible date.
    #[test]
    fn a_file_of_day_first_dates_is_read_day_first() {
        let connections = |dates: &[&str]| {
            let mut text = "First Name,Last Name,Company,Position,Connected On\n".to_string();
            for (i, date) in dates.iter().enumerate() {
                text.push_str(&format!("P{i},Q,Co,CTO,{date}\n"));
            }
            text
        };
        let parse = |text: &str| {
            let table = Table::find("c.csv", text, &Default::default()).expect("header");
            parse_table(&table)
        };
        let days = |parsed: &ParsedFile| match &parsed.rows {
            Rows::Connections(rows) => (rows.iter())
                .map(|r| r.connected_on.expect("date").to_string())
                .collect::<Vec<_>>(),
            _ => panic!("connections"),
        };

        let us = parse(&connections(&["03/04/2022", "11/25/2024"])).expect("month first");
        assert_eq!(days(&us), ["2022-03-04", "2024-11-25"]);
        assert!(us.warnings.is_empty(), "{:?}", us.warnings);

        // No date settles the order: read month first, and said so (not of LinkedIn's own
        // dates, with their time, which are month first).
        let either =
            parse(&connections(&["03/04/2022", "12/12/2023", "01/02/2024"])).expect("month first");
        assert_eq!(days(&either), ["2022-03-04", "2023-12-12", "2024-01-02"]);
        assert_eq!(
            either.warnings,
            [
                "dates read month first (mm/dd/yyyy), as LinkedIn writes them: '03/04/2022' on line 2 and the others read either way; if the day comes first, save them as YYYY-MM-DD"
            ]
        );
        let linkedin = parse(&connections(&[
            "\"3/8/22, 6:14 PM\"",
            "\"1/5/19, 6:14 PM\"",
        ]))
        .expect("LinkedIn's own");
        assert!(linkedin.warnings.is_empty(), "{:?}", linkedin.warnings);
        let same_day = parse(&connections(&["05/05/2022", "25 Nov 2024"])).expect("either way");
        assert!(same_day.warnings.is_empty(), "the same day either way");

        let uk = parse(&connections(&["03/04/2022", "25/11/2024", "1/2/25"])).expect("day first");
        assert_eq!(days(&uk), ["2022-04-03", "2024-11-25", "2025-02-01"]);
        assert_eq!(
            uk.warnings,
            ["dates read day first (dd/mm/yyyy): '25/11/2024' on line 3 cannot be month first"]
        );

        let mixed = parse(&connections(&["03/04/2022", "25/11/2024", "11/25/2024"]));
        let error = mixed.expect_err("both orders").to_string();
        assert_eq!(
            error,
            "c.csv: line 4: the date '11/25/2024' in Connected On reads only month first, but \
             '25/11/2024' on line 3 only day first: write the file's dates one way (YYYY-MM-DD \
             reads the same everywhere)"
        );

        let impossible = parse(&connections(&["03/04/2022", "25/13/2024"]));
        let error = impossible.expect_err("no such month").to_string();
        assert_eq!(
            error,
            "c.csv: line 3: impossible date '25/13/2024' in Connected On"
        );
        // A quoted date across lines is named on one line (found by the cargo-fuzz merge
        // target); so is a direction.
        let broken = parse(&connections(&["03/04/2022", "\"25/13/\n2024\""]));
        let error = broken.expect_err("no such date").to_string();
        assert_eq!(
            error,
            "c.csv: line 3: impossible date '25/13/ 2024' in Connected On"
        );
        let direction = "From,To,Sent At,Message,Direction\nA B,C D,11/20/24,,\"OUT\nGOING\"\n";
        let error = parse(direction).expect_err("no such direction").to_string();
        assert!(
            !error.contains('\n') && error.contains("'OUT GOING'"),
            "{error}"
        );

        let invitations = "From,To,Sent At,Message,Direction\n\
                           A B,C D,20/11/2024 15:45,,OUTGOING\n";
        let parsed = parse(invitations).expect("day first");
        let Rows::Invitations(rows) = &parsed.rows else {
            panic!("invitations")
        };
        assert_eq!(rows[0].sent_at.to_string(), "2024-11-20 15:45:00");
        assert_eq!(parsed.warnings.len(), 1);
    }
}
