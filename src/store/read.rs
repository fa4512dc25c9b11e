//! Reading the network from the database: contact rows into [`Contact`]s (only the
//! parts a caller asks for, tested inside SQLite when a filter allows), invitations and
//! tags, in parallel ranges on large networks.
//!
//! Must not: write anything.

use super::{parse_date, parse_datetime, text_ref};
use crate::audience::Scored;
use crate::error::{Error, Result};
use crate::model::{
    Contact, ContactParts, Decision, Direction, Flags, Function, Invitation, InvitationStatus,
    Seniority, Text,
};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::functions::FunctionFlags;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, params};
use std::path::Path;

/// What a stored contact row holds beyond [`Contact`] (which keeps these only as flags).
#[derive(Debug, Clone)]
pub(crate) struct RowExtra {
    pub gone_at: Option<NaiveDateTime>,
    pub job_changed_at: Option<NaiveDateTime>,
    pub added_at: Option<NaiveDateTime>,
    /// What scoring stored (its `stored_flags` are the `flags` column as stored).
    pub scored: Scored,
}

/// What a read of the contacts table does with the rows of one id range on one
/// connection (`expected`: how many rows to make room for).
pub(super) type RangeRead<'a, T> =
    dyn Fn(&Connection, std::ops::Range<i64>, usize) -> Result<T> + Sync + 'a;

/// What scoring reads of every contact (names, company, position, enrichment, hidden: no
/// tags, dates or messages), with what scoring last stored for it.
pub(super) fn load_for_scoring(conn: &Connection) -> Result<(Vec<Contact>, Vec<Scored>)> {
    let mut stmt = conn.prepare(
        "SELECT id, first_name, last_name, company, position, industry, location, hidden,
                score, seniority, function, flags, is_connection
         FROM contacts ORDER BY id",
    )?;
    let count = contact_count(conn)?;
    let (mut contacts, mut stored) = (Vec::with_capacity(count), Vec::with_capacity(count));
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let mut flags = Flags::default();
        flags.set(Flags::HIDDEN, r.get(7)?);
        contacts.push(Contact {
            id: r.get(0)?,
            first_name: text_column(r, 1)?,
            last_name: text_column(r, 2)?,
            company: text_column(r, 3)?,
            position: text_column(r, 4)?,
            industry: text_column(r, 5)?,
            location: text_column(r, 6)?,
            is_connection: r.get(12)?,
            flags,
            ..Contact::default()
        });
        stored.push(read_scored(r, 8)?);
    }
    Ok((contacts, stored))
}

/// What scoring stored, from the score, seniority, function and flags columns (in that
/// order from column `first`).
pub(super) fn read_scored(r: &impl Columns, first: usize) -> rusqlite::Result<Scored> {
    Ok(Scored {
        score: r.get::<Option<i64>>(first)?.map(|s| s.clamp(0, 100) as u8),
        seniority: text_ref(r.column(first + 1)?)
            .and_then(Seniority::parse)
            .unwrap_or_default(),
        function: text_ref(r.column(first + 2)?)
            .and_then(Function::parse)
            .unwrap_or_default(),
        stored_flags: r.get::<i64>(first + 3)? as u32,
    })
}

/// The columns [`for_each_row`] selects, in its order.
pub(super) const CONTACT_COLUMNS: &str =
    "id, first_name, last_name, url, url_key, email, company, position,
    connected_on, is_connection, hidden, gone_at, job_changed_at, previous_company,
    previous_position, industry, location, decision, score, seniority, function, flags,
    last_message_at, last_inbound_at, last_outbound_at, message_count, added_at";

/// Where [`fill_contact`] reads the columns of [`CONTACT_COLUMNS`]: a result row, or the
/// arguments of the SQL function that tests rows inside SQLite ([`contacts_where`]).
pub(super) trait Columns {
    fn column(&self, i: usize) -> rusqlite::Result<ValueRef<'_>>;

    fn get<T: rusqlite::types::FromSql>(&self, i: usize) -> rusqlite::Result<T> {
        let value = self.column(i)?;
        T::column_result(value).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, value.data_type(), Box::new(e))
        })
    }
}

impl Columns for rusqlite::Row<'_> {
    fn column(&self, i: usize) -> rusqlite::Result<ValueRef<'_>> {
        self.get_ref(i)
    }

    fn get<T: rusqlite::types::FromSql>(&self, i: usize) -> rusqlite::Result<T> {
        rusqlite::Row::get(self, i)
    }
}

impl Columns for rusqlite::functions::Context<'_> {
    fn column(&self, i: usize) -> rusqlite::Result<ValueRef<'_>> {
        Ok(self.get_raw(i))
    }
}

/// Notes which columns [`fill_contact`] reads (each reads as the integer 0).
#[derive(Default)]
pub(super) struct ColumnsRead(std::cell::RefCell<Vec<usize>>);

impl Columns for ColumnsRead {
    fn column(&self, i: usize) -> rusqlite::Result<ValueRef<'_>> {
        self.0.borrow_mut().push(i);
        Ok(ValueRef::Integer(0))
    }
}

/// [`CONTACT_COLUMNS`] with each column that [`fill_contact`] does not read for `parts`
/// replaced by NULL: the arguments of the SQL function that tests a row, so that SQLite
/// decodes only what the test reads.
pub(super) fn columns_for(parts: ContactParts) -> String {
    let read = ColumnsRead::default();
    // Reading integer zeros cannot fail.
    let _ = fill_contact(&read, &mut Contact::default(), parts);
    let read = read.0.into_inner();
    CONTACT_COLUMNS
        .split(',')
        .enumerate()
        .map(|(i, name)| {
            if read.contains(&i) {
                name.trim()
            } else {
                "NULL"
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a contact's identity key is the key of its URL (nearly always).
pub(crate) fn url_key_is_derived(c: &Contact) -> bool {
    match c.url_key.as_deref() {
        Some(key) => crate::import::url::is_key_of(&c.url, key),
        None => crate::import::url::profile_key(&c.url).is_none(),
    }
}

/// The `url_key` column: NULL when the key is the key of the URL (not stored twice), ''
/// for no key, else the key.
pub(crate) fn url_key_column(c: &Contact, derived: bool) -> Option<&str> {
    match derived {
        true => None,
        false => Some(c.url_key.as_deref().unwrap_or("")),
    }
}

/// Every contact (without tags) in id order, with what its row holds beyond it (in a
/// vector of its own, so that a caller can keep the contacts without copying them); a
/// large table is read side by side like a load. Inside a write transaction that has not
/// written yet, the second connection sees the same rows (nobody else can commit).
pub(crate) fn read_contacts(
    conn: &Connection,
    path: &Path,
) -> Result<(Vec<Contact>, Vec<RowExtra>)> {
    let read = |conn: &Connection, ids: std::ops::Range<i64>, expected: usize| {
        // Room for a re-import's new contacts (a few percent a week) without copying the
        // network into a larger vector.
        let room = expected + expected / 16;
        let (mut contacts, mut extras) = (Vec::with_capacity(room), Vec::with_capacity(room));
        for_each_row(conn, ids, |r| {
            extras.push(RowExtra {
                gone_at: text_ref(r.get_ref(11)?).and_then(parse_datetime),
                job_changed_at: text_ref(r.get_ref(12)?).and_then(parse_datetime),
                added_at: text_ref(r.get_ref(26)?).and_then(parse_datetime),
                scored: read_scored(r, 18)?,
            });
            contacts.push(contact_of(r)?);
            Ok(())
        })?;
        Ok((contacts, extras))
    };
    Ok(read_side_by_side(conn, path, 0.5, &read, &|_| Ok(()))?.0)
}

/// The contact of row `r` (columns of [`CONTACT_COLUMNS`]), without tags.
pub(super) fn contact_of(r: &rusqlite::Row<'_>) -> rusqlite::Result<Contact> {
    let mut contact = Contact::default();
    fill_contact(r, &mut contact, ContactParts::ALL)?;
    Ok(contact)
}

/// Runs `each` on every contact row whose id is in `ids`, in id order, with the columns
/// of [`CONTACT_COLUMNS`].
pub(super) fn for_each_row(
    conn: &Connection,
    ids: std::ops::Range<i64>,
    each: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<()>,
) -> Result<()> {
    for_each_row_where(conn, ids, "TRUE", each)
}

/// [`for_each_row`] for the rows for which the SQL `condition` holds.
pub(super) fn for_each_row_where(
    conn: &Connection,
    ids: std::ops::Range<i64>,
    condition: &str,
    mut each: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {CONTACT_COLUMNS} FROM contacts WHERE id >= ?1 AND id < ?2 AND ({condition})
         ORDER BY id"
    ))?;
    let mut rows = stmt.query(params![ids.start, ids.end])?;
    while let Some(r) = rows.next()? {
        each(r)?;
    }
    Ok(())
}

/// Makes the `parts` of `c` (and its id) those of row `r` (columns of
/// [`CONTACT_COLUMNS`]), reusing its strings' allocations. Tags are not in the row.
pub(super) fn fill_contact(
    r: &impl Columns,
    c: &mut Contact,
    parts: ContactParts,
) -> rusqlite::Result<()> {
    c.id = r.get(0)?;
    if parts.has(ContactParts::NAME) {
        set_text(&mut c.first_name, r.column(1)?);
        set_text(&mut c.last_name, r.column(2)?);
    }
    if parts.has(ContactParts::URL) {
        set_text(&mut c.url, r.column(3)?);
        match r.column(4)? {
            ValueRef::Text(b"") => c.url_key = None,
            ValueRef::Text(k) => set_text(c.url_key.get_or_insert_default(), ValueRef::Text(k)),
            _ => c.url_key = crate::import::url::profile_key(&c.url).map(Text::from),
        }
    }
    if parts.has(ContactParts::COMPANY) {
        set_text(&mut c.company, r.column(6)?);
    }
    if parts.has(ContactParts::TITLE) {
        set_text(&mut c.position, r.column(7)?);
    }
    if parts.has(ContactParts::CONNECTED_ON) {
        c.connected_on = text_ref(r.column(8)?).and_then(parse_date);
    }
    if parts.has(ContactParts::DECISION) {
        c.decision = Decision::from_code(r.get(17)?);
    }
    if parts.has(ContactParts::SCORED) || parts.has(ContactParts::FLAGS) {
        let scored = read_scored(r, 18)?;
        c.score = scored.score;
        c.seniority = scored.seniority;
        c.function = scored.function;
        c.flags = Flags(scored.stored_flags);
    }
    if parts.has(ContactParts::FLAGS) {
        c.flags.set(Flags::HIDDEN, r.get(10)?);
        c.gone_on = text_ref(r.column(11)?)
            .and_then(parse_datetime)
            .map(|at| at.date());
        c.flags.set(Flags::GONE, c.gone_on.is_some());
        c.job_changed_on = text_ref(r.column(12)?)
            .and_then(parse_datetime)
            .map(|at| at.date());
        c.flags.set(Flags::JOB_CHANGE, c.job_changed_on.is_some());
        c.added_on = text_ref(r.column(26)?)
            .and_then(parse_datetime)
            .map(|at| at.date());
        c.last_message_at = text_ref(r.column(22)?).and_then(parse_datetime);
        c.last_inbound_at = text_ref(r.column(23)?).and_then(parse_datetime);
        c.last_outbound_at = text_ref(r.column(24)?).and_then(parse_datetime);
        c.message_count = r.get::<i64>(25)? as u32;
    }
    if parts.has(ContactParts::REST) {
        set_text(&mut c.email, r.column(5)?);
        c.is_connection = r.get(9)?;
        set_text(&mut c.previous_company, r.column(13)?);
        set_text(&mut c.previous_position, r.column(14)?);
        set_text(&mut c.industry, r.column(15)?);
        set_text(&mut c.location, r.column(16)?);
    }
    Ok(())
}

/// The text of column `i` (empty for NULL).
pub(super) fn text_column(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Text> {
    let mut text = Text::default();
    set_text(&mut text, r.get_ref(i)?);
    Ok(text)
}

/// Makes `slot` the text of a column (empty for NULL), keeping its allocation.
pub(super) fn set_text(slot: &mut Text, v: ValueRef<'_>) {
    slot.clear();
    if let ValueRef::Text(t) = v {
        // Valid UTF-8 (always, unless the file was edited by hand) is checked by the fast
        // path of `from_utf8`; `from_utf8_lossy` checks a character at a time.
        match std::str::from_utf8(t) {
            Ok(text) => slot.push_str(text),
            Err(_) => slot.push_str(&String::from_utf8_lossy(t)),
        }
    }
}

pub(crate) fn contact_count(conn: &Connection) -> Result<usize> {
    let count: i64 = conn.query_row("SELECT COUNT(*) FROM contacts", [], |r| r.get(0))?;
    Ok(usize::try_from(count).unwrap_or(0))
}

/// Every contact, with its tags (each connection reads the tags of its share), and every
/// invitation (read by the second connection after its share of the contacts).
pub(super) fn load_network(
    conn: &Connection,
    path: &Path,
) -> Result<(Vec<Contact>, Vec<Invitation>)> {
    // The second connection also reads the invitations (and opens first): it takes fewer
    // contacts.
    let (contacts, invitations) = read_side_by_side(
        conn,
        path,
        0.4,
        &|conn, ids, expected| contacts_with_tags(conn, ids, "TRUE", expected),
        &read_invitations,
    )?;
    crate::trace::phase("read contacts and invitations");
    Ok((contacts, invitations))
}

/// The contacts (with their tags) for which `keep` holds, `keep` seeing each with its
/// day-dependent flags as of `as_of`. SQLite calls `keep` for each row (as the SQL function
/// [`KEEP_FUNCTION`]), given only the columns of the parts it `reads`: a row it turns down
/// is never decoded in full, nor leaves SQLite. At 100k contacts that reads a third of
/// the time of decoding every row and testing it here.
pub(super) fn contacts_where<K: FnMut(&Contact) -> bool + Clone + Send + Sync + 'static>(
    conn: &Connection,
    path: &Path,
    as_of: NaiveDate,
    reads: ContactParts,
    keep: K,
) -> Result<Vec<Contact>> {
    let condition = format!("{KEEP_FUNCTION}({})", columns_for(reads));
    let arity = CONTACT_COLUMNS.split(',').count() as i32;
    let scan = |conn: &Connection, ids: std::ops::Range<i64>, _expected: usize| {
        let test_tags = if reads.has(ContactParts::TAGS) {
            read_tags(conn, ids.clone())?
        } else {
            Vec::new()
        };
        let test = std::sync::Mutex::new((
            keep.clone(),
            Contact::default(),
            test_tags.into_iter().peekable(),
        ));
        conn.create_scalar_function(
            KEEP_FUNCTION,
            arity,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DIRECTONLY,
            move |args| {
                let mut test = test
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let (keep, c, tags) = &mut *test;
                fill_contact(args, c, reads)?;
                c.derive_flags(as_of);
                c.tags.clear();
                take_tags(tags, c.id, &mut c.tags);
                Ok(keep(c))
            },
        )?;
        // (The kept rows' tags are read again with them.)
        let kept = contacts_with_tags(conn, ids, &condition, 0);
        conn.remove_function(KEEP_FUNCTION, arity)?;
        kept
    };
    Ok(read_side_by_side(conn, path, 0.5, &scan, &|_| Ok(()))?.0)
}

/// The SQL function that tests a contact row for [`contacts_where`].
pub(super) const KEEP_FUNCTION: &str = "netcurate_keep";

/// The contacts, with their tags, of the rows in `ids` for which the SQL `condition`
/// holds (room made for `expected` of them); their day-dependent flags are left to
/// `Network::new`.
pub(super) fn contacts_with_tags(
    conn: &Connection,
    ids: std::ops::Range<i64>,
    condition: &str,
    expected: usize,
) -> Result<Vec<Contact>> {
    let mut tags = read_tags(conn, ids.clone())?.into_iter().peekable();
    let mut contacts = Vec::with_capacity(expected);
    for_each_row_where(conn, ids, condition, |r| {
        let mut c = contact_of(r)?;
        take_tags(&mut tags, c.id, &mut c.tags);
        contacts.push(c);
        Ok(())
    })?;
    Ok(contacts)
}

/// What reading an id range gives: the later range's is appended to the earlier one's.
pub(super) trait RangeRows {
    fn append(&mut self, later: &mut Self);
}

impl<T> RangeRows for Vec<T> {
    fn append(&mut self, later: &mut Self) {
        Vec::append(self, later);
    }
}

impl<A, B> RangeRows for (Vec<A>, Vec<B>) {
    fn append(&mut self, later: &mut Self) {
        self.0.append(&mut later.0);
        self.1.append(&mut later.1);
    }
}

/// Reads the contacts table with `read`, then runs `after`. A large table is read in two
/// id ranges side by side, the second (`second_share` of the ids) on its own read-only
/// connection, which then runs `after`; when another process commits meanwhile (the
/// halves could then disagree) everything is read again on one connection.
pub(super) fn read_side_by_side<T: RangeRows + Send, X: Send>(
    conn: &Connection,
    path: &Path,
    second_share: f64,
    read: &RangeRead<'_, T>,
    after: &(dyn Fn(&Connection) -> Result<X> + Sync),
) -> Result<(T, X)> {
    conn.pragma_update(None, "mmap_size", READ_MMAP_BYTES)?;
    let result = (|| {
        let version = data_version(conn)?;
        // Three subqueries: each is then a quick lookup (the count walks the leaf pages
        // only); in one SELECT, MIN and MAX scanned every row (20 ms at 100k).
        let (count, first, last): (i64, Option<i64>, Option<i64>) = conn.query_row(
            "SELECT (SELECT COUNT(*) FROM contacts), (SELECT MIN(id) FROM contacts),
                    (SELECT MAX(id) FROM contacts)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let count = usize::try_from(count).unwrap_or(0);
        if let (Some(first), Some(last)) = (first, last)
            && count >= PARALLEL_LOAD_MIN
            && path.exists()
        {
            let middle = first + ((last - first) as f64 * (1.0 - second_share)) as i64;
            let theirs_expected = (count as f64 * second_share) as usize + 1;
            let (theirs, mine) = crate::parallel::join(
                || {
                    let other = Connection::open_with_flags(
                        path,
                        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
                    )?;
                    other.pragma_update(None, "mmap_size", READ_MMAP_BYTES)?;
                    let rows = read(&other, middle..i64::MAX, theirs_expected)?;
                    Ok::<_, Error>((rows, after(&other)?))
                },
                // Room for both halves: the second is appended to this one.
                || read(conn, i64::MIN..middle, count),
            );
            let mut rows = mine?;
            let (mut second, extra) = theirs?;
            if data_version(conn)? == version {
                rows.append(&mut second);
                return Ok((rows, extra));
            }
        }
        Ok((read(conn, i64::MIN..i64::MAX, count)?, after(conn)?))
    })();
    // Best effort: the mapping would otherwise last as long as the connection.
    let _ = conn.pragma_update(None, "mmap_size", 0);
    result
}

/// How much of the database a whole-table read maps into memory: its pages then come
/// straight from the system's file cache instead of being copied into SQLite's (a
/// filtered export at 100k contacts 0.06 -> 0.04 s). Only for the length of one read: a
/// mapped file that another program truncates meanwhile (a VACUUM by hand) would crash
/// the reader, and the workbench keeps its connection open for hours.
pub(super) const READ_MMAP_BYTES: i64 = 1 << 30;

pub(super) fn read_invitations(conn: &Connection) -> Result<Vec<Invitation>> {
    let mut stmt = conn.prepare(
        "SELECT id, direction, from_name, to_name, sent_at, message, inviter_url, invitee_url,
                withdraw_planned, gone_at
         FROM invitations",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Invitation {
            id: r.get(0)?,
            direction: Direction::from_stored(text_ref(r.get_ref(1)?)),
            from_name: r.get(2)?,
            to_name: r.get(3)?,
            sent_at: text_ref(r.get_ref(4)?)
                .and_then(parse_datetime)
                .unwrap_or_default(),
            message: r.get(5)?,
            inviter_url: r.get(6)?,
            invitee_url: r.get(7)?,
            withdraw_planned: r.get(8)?,
            gone_at: text_ref(r.get_ref(9)?).and_then(parse_datetime),
            status: InvitationStatus::Pending,
            contact_id: None,
        })
    })?;
    // Sorted here: without an index on sent_at SQLite would sort the rows itself, slower.
    let mut invitations: Vec<Invitation> = rows.collect::<Result<_, _>>()?;
    invitations.sort_by_key(|i| (i.sent_at, i.id));
    Ok(invitations)
}

/// Below this many contacts one connection reads them all.
pub(super) const PARALLEL_LOAD_MIN: usize = 20_000;

pub(super) fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

/// The tags of the contacts whose id is in `ids`, by contact id and tag.
pub(super) fn read_tags(
    conn: &Connection,
    ids: std::ops::Range<i64>,
) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT contact_id, tag FROM tags WHERE contact_id >= ?1 AND contact_id < ?2
         ORDER BY contact_id, tag",
    )?;
    let rows = stmt.query_map(params![ids.start, ids.end], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Moves the tags of contact `id` from `tags` (in id order, walked forward over the
/// tags of lower ids) to `out`.
pub(super) fn take_tags(
    tags: &mut std::iter::Peekable<std::vec::IntoIter<(i64, String)>>,
    id: i64,
    out: &mut Vec<String>,
) {
    while tags.next_if(|(of, _)| *of < id).is_some() {}
    while let Some((_, tag)) = tags.next_if(|(of, _)| *of == id) {
        out.push(tag);
    }
}
