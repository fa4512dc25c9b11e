//! Writing the merged contacts: each new or changed row once, with its score.
//!
//! Must not: merge or score (both are done before a row comes here).

use super::Entry;
use crate::audience::{Profile, Scored, in_audience};
use crate::error::Result;
use crate::model::Contact;
use crate::store::bulk::{BulkInsert, BulkStatement};
use crate::store::read::url_key_column;
use crate::store::report::{ImportReport, NewInAudience};
use crate::store::{date_text, datetime_text};
use rusqlite::Transaction;

/// Writes each of `contacts` (with its entry, and its score as `scored` yields them with
/// the duplicate flag clear, each with whether its URL key is its URL's:
/// [`crate::store::read::url_key_is_derived`]) that is new or changed, with the
/// duplicate flag its row had (clear for a new one), and counts the new connections in
/// the audience into `report`: the scores the rows now hold.
pub(super) fn write_contacts(
    tx: &Transaction<'_>,
    contacts: &[Contact],
    entries: &[Entry],
    scored: impl Iterator<Item = (Scored, bool)>,
    profile: Option<&Profile>,
    report: &mut ImportReport,
) -> Result<Vec<Scored>> {
    let mut upsert = BulkStatement::prepare(tx, UPSERT_CONTACT)?;
    let mut insert_plain = BulkInsert::prepare(tx, "contacts", PLAIN_CONTACT_COLUMNS)?;
    let mut written = Vec::with_capacity(contacts.len());
    let mut new_in_audience = 0;
    let threshold = profile.map(|p| p.threshold);
    for ((c, e), (mut s, derived)) in contacts.iter().zip(entries).zip(scored) {
        s.set_duplicate(e.stored.as_ref().is_some_and(Scored::is_duplicate));
        if is_plain_new(c, e) {
            insert_plain_contact(&mut insert_plain, c, e, &s, derived)?;
        } else if e.changed || e.stored.as_ref() != Some(&s) {
            write_contact(&mut upsert, c, e, &s, derived)?;
        }
        new_in_audience +=
            u64::from(e.new_connection && threshold.is_some_and(|t| in_audience(s.score, t)));
        written.push(s);
    }
    insert_plain.finish()?;
    report.new_in_audience = profile.map(|p| NewInAudience {
        threshold: p.threshold,
        count: new_in_audience,
    });
    Ok(written)
}

pub(super) fn write_contact(
    upsert: &mut BulkStatement<'_>,
    c: &Contact,
    e: &Entry,
    s: &Scored,
    url_key_derived: bool,
) -> Result<()> {
    upsert.execute(&[
        c.id.into(),
        url_key_column(c, url_key_derived).into(),
        c.first_name.as_str().into(),
        c.last_name.as_str().into(),
        c.url.as_str().into(),
        c.email.as_str().into(),
        c.company.as_str().into(),
        c.position.as_str().into(),
        date_text(c.connected_on).into(),
        c.is_connection.into(),
        c.is_hidden().into(),
        datetime_text(e.gone_at).into(),
        datetime_text(e.job_changed_at).into(),
        c.previous_company.as_str().into(),
        c.previous_position.as_str().into(),
        c.industry.as_str().into(),
        c.location.as_str().into(),
        s.score.into(),
        s.seniority.as_str().into(),
        s.function.as_str().into(),
        s.stored_flags.into(),
        datetime_text(c.last_message_at).into(),
        datetime_text(c.last_inbound_at).into(),
        datetime_text(c.last_outbound_at).into(),
        c.message_count.into(),
        datetime_text(e.added_at).into(),
    ])?;
    Ok(())
}

/// Inserts a contact row or, for a known id, updates every column an import owns
/// (never the decision).
pub(super) const UPSERT_CONTACT: &str =
    "INSERT INTO contacts (id, url_key, first_name, last_name, url, email,
        company, position, connected_on, is_connection, hidden, gone_at, job_changed_at,
        previous_company, previous_position, industry, location, score, seniority, function,
        flags, last_message_at, last_inbound_at, last_outbound_at, message_count, added_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
        ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)
    ON CONFLICT(id) DO UPDATE SET url_key = excluded.url_key, first_name = excluded.first_name,
        last_name = excluded.last_name, url = excluded.url, email = excluded.email,
        company = excluded.company, position = excluded.position,
        connected_on = excluded.connected_on, is_connection = excluded.is_connection,
        hidden = excluded.hidden, gone_at = excluded.gone_at,
        job_changed_at = excluded.job_changed_at, previous_company = excluded.previous_company,
        previous_position = excluded.previous_position, industry = excluded.industry,
        location = excluded.location, score = excluded.score, seniority = excluded.seniority,
        function = excluded.function, flags = excluded.flags,
        last_message_at = excluded.last_message_at, last_inbound_at = excluded.last_inbound_at,
        last_outbound_at = excluded.last_outbound_at, message_count = excluded.message_count,
        added_at = excluded.added_at";

/// A contact this import adds that has only what a Connections row brings (most of a
/// first import): inserted with those columns, the others left to their defaults.
pub(super) fn is_plain_new(c: &Contact, e: &Entry) -> bool {
    e.stored.is_none()
        && e.gone_at.is_none()
        && e.job_changed_at.is_none()
        && c.email.is_empty()
        && c.industry.is_empty()
        && c.location.is_empty()
        && c.previous_company.is_empty()
        && c.previous_position.is_empty()
        && c.message_count == 0
        && c.last_message_at.is_none()
        && c.last_inbound_at.is_none()
        && c.last_outbound_at.is_none()
}

pub(super) fn insert_plain_contact<'a>(
    insert: &mut BulkInsert<'_, 'a>,
    c: &'a Contact,
    e: &Entry,
    s: &Scored,
    url_key_derived: bool,
) -> Result<()> {
    insert.push(&[
        c.id.into(),
        url_key_column(c, url_key_derived).into(),
        c.first_name.as_str().into(),
        c.last_name.as_str().into(),
        c.url.as_str().into(),
        c.company.as_str().into(),
        c.position.as_str().into(),
        date_text(c.connected_on).into(),
        c.is_connection.into(),
        c.is_hidden().into(),
        s.score.into(),
        s.seniority.as_str().into(),
        s.function.as_str().into(),
        s.stored_flags.into(),
        datetime_text(e.added_at).into(),
    ])?;
    Ok(())
}

/// The columns [`insert_plain_contact`] gives, in its order.
pub(super) const PLAIN_CONTACT_COLUMNS: &[&str] = &[
    "id",
    "url_key",
    "first_name",
    "last_name",
    "url",
    "company",
    "position",
    "connected_on",
    "is_connection",
    "hidden",
    "score",
    "seniority",
    "function",
    "flags",
    "added_at",
];
