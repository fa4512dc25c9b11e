//! Merging an import's invitations with the stored ones.
//!
//! Must not: touch contacts (it reads them only to link accepted invitations).

use crate::error::Result;
use crate::import::rows::{InvitationRow, may_be_one_invitation};
use crate::model::{Contact, Direction};
use crate::network::InvitationLinks;
use crate::store::bulk::BulkInsert;
use crate::store::report::ImportReport;
use crate::store::{DateText, datetime_text};
use chrono::NaiveDateTime;
use foldhash::{HashMap, HashMapExt};
use rusqlite::{Transaction, params};

/// What an invitation is known by: direction, time sent, and the two names. Those of one
/// key are one invitation when their other sides' URL keys allow it
/// ([`may_be_one_invitation`]).
fn invitation_key(direction: &str, sent_at: &str, from: &str, to: &str) -> String {
    // Joined, not format!ted: one is made for each invitation of an import and each stored
    // one, and format! took a tenth of merging 20k invitations.
    [direction, sent_at, from, to].join("|")
}

/// The invitations of `key` in `stored`: room for one where there were none (nearly
/// every key has one).
fn alike_of(stored: &mut Stored, key: String) -> &mut Vec<StoredInvitation> {
    stored.entry(key).or_insert_with(|| Vec::with_capacity(1))
}

/// A stored invitation, as an import of invitations needs it.
struct StoredInvitation {
    /// `None` for one this import adds.
    id: Option<i64>,
    sent_at: String,
    gone: bool,
    withdraw_planned: bool,
    /// In this import's Invitations files.
    listed: bool,
    /// The URL key and name of the person on the other side ([`Direction::other_side`]).
    other: (Option<String>, String),
}

/// A side of an invitation (a URL key and a name), owned.
fn owned((url, name): (Option<&str>, &str)) -> (Option<String>, String) {
    (url.map(str::to_string), name.to_string())
}

/// Of the invitations `alike` (one key), the one a row whose other side has the URL key
/// `other` lists: one this import has not listed yet, else one it has (the same row in
/// two files); none that may be the row's ([`may_be_one_invitation`]): a new one. A row
/// without a URL (an older export) cannot tell namesakes apart: the others it may be are
/// listed too, so that none of them is taken for gone.
fn listed_as<'a>(
    alike: &'a mut [StoredInvitation],
    other: Option<&str>,
) -> Option<&'a mut StoredInvitation> {
    let may_be = |i: &StoredInvitation| may_be_one_invitation(i.other.0.as_deref(), other);
    let at = (alike.iter().position(|i| may_be(i) && !i.listed))
        .or_else(|| alike.iter().position(may_be))?;
    if other.is_none() {
        let namesakes = alike.iter_mut().enumerate().filter(|&(k, _)| k != at);
        namesakes.for_each(|(_, namesake)| namesake.listed = true);
    }
    Some(&mut alike[at])
}

/// The stored invitations by [`invitation_key`], none listed yet.
type Stored = HashMap<String, Vec<StoredInvitation>>;

/// Adds the invitations not stored yet (known by [`invitation_key`] and the URL of the
/// person on the other side, [`listed_as`]), and marks gone the stored ones that this
/// import's Invitations files leave out ([`mark_left_out_gone`]). One listed again is no
/// longer gone.
pub(super) fn merge_invitations(
    tx: &Transaction<'_>,
    rows: &[InvitationRow],
    contacts: &[Contact],
    now: NaiveDateTime,
    report: &mut ImportReport,
) -> Result<()> {
    let mut stored = read_stored(tx)?;
    list_rows(tx, rows, &mut stored, report)?;
    mark_left_out_gone(tx, rows, &stored, contacts, now, report)
}

/// Every stored invitation, as an import needs it.
fn read_stored(tx: &Transaction<'_>) -> Result<Stored> {
    let mut stored = Stored::new();
    let mut stmt = tx.prepare(
        "SELECT direction, sent_at, from_name, to_name, id, gone_at IS NOT NULL, withdraw_planned,
            inviter_url, invitee_url
         FROM invitations",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let text = |i| {
            r.get_ref(i)
                .map(|v| v.as_str().unwrap_or_default().to_string())
        };
        let url = |i| r.get::<_, Option<String>>(i);
        let (direction, sent_at, from, to) = (text(0)?, text(1)?, text(2)?, text(3)?);
        let key = invitation_key(&direction, &sent_at, &from, &to);
        let direction = Direction::from_stored(Some(&direction));
        let (inviter, invitee) = (url(7)?, url(8)?);
        let invitation = StoredInvitation {
            id: Some(r.get(4)?),
            sent_at,
            gone: r.get(5)?,
            withdraw_planned: r.get(6)?,
            listed: false,
            other: owned(
                direction.other_side((inviter.as_deref(), &from), (invitee.as_deref(), &to)),
            ),
        };
        alike_of(&mut stored, key).push(invitation);
    }
    Ok(stored)
}

/// Lists each row's invitation in `stored`: a known one is listed (and back, if it was
/// gone), a new one stored.
fn list_rows(
    tx: &Transaction<'_>,
    rows: &[InvitationRow],
    stored: &mut Stored,
    report: &mut ImportReport,
) -> Result<()> {
    let mut insert = BulkInsert::prepare(
        tx,
        "invitations",
        &[
            "direction",
            "from_name",
            "to_name",
            "sent_at",
            "message",
            "inviter_url",
            "invitee_url",
        ],
    )?;
    let mut set_back = tx.prepare("UPDATE invitations SET gone_at = NULL WHERE id = ?1")?;
    let mut set_urls = tx.prepare(
        "UPDATE invitations SET inviter_url = COALESCE(inviter_url, ?2),
            invitee_url = COALESCE(invitee_url, ?3) WHERE id = ?1",
    )?;
    for r in rows {
        let sent_text = datetime_text(Some(r.sent_at));
        let sent_at = sent_text.as_ref().map_or("", DateText::as_str);
        let key = invitation_key(r.direction.as_str(), sent_at, &r.from_name, &r.to_name);
        let alike = alike_of(stored, key);
        let other_url = r.other_side().0;
        if let Some(known) = listed_as(alike, other_url) {
            report.invitations_known += 1;
            let first_listing = !std::mem::replace(&mut known.listed, true);
            let Some(id) = known.id else { continue };
            if known.gone {
                set_back.execute(params![id])?;
                known.gone = false;
                report.invitations_back += 1;
            }
            if let (true, None, Some(url)) = (first_listing, &known.other.0, other_url) {
                // Stored from an export without URLs: its URLs tell it from a namesake's.
                set_urls.execute(params![id, r.inviter_url, r.invitee_url])?;
                known.other.0 = Some(url.to_string());
            }
            continue;
        }
        insert.push(&[
            r.direction.as_str().into(),
            r.from_name.as_str().into(),
            r.to_name.as_str().into(),
            sent_text.into(),
            r.message.as_str().into(),
            r.inviter_url.as_deref().into(),
            r.invitee_url.as_deref().into(),
        ])?;
        report.invitations_added += 1;
        alike.push(StoredInvitation {
            id: None,
            sent_at: sent_at.to_string(),
            gone: false,
            withdraw_planned: false,
            listed: true,
            other: owned(r.other_side()),
        });
    }
    Ok(insert.finish()?)
}

/// Marks gone the stored invitations that `rows` leave out though they were sent within
/// the dates the rows cover: withdrawn (the withdrawal plan done), expired or declined —
/// or accepted, which the report does not count as gone nor as a withdrawal done or still
/// to do: the person on the other side is one of `contacts`' connections (as the network
/// links them, [`InvitationLinks`]).
fn mark_left_out_gone(
    tx: &Transaction<'_>,
    rows: &[InvitationRow],
    stored: &Stored,
    contacts: &[Contact],
    now: NaiveDateTime,
    report: &mut ImportReport,
) -> Result<()> {
    let covered = (rows.iter().map(|r| r.sent_at).min())
        .zip(rows.iter().map(|r| r.sent_at).max())
        .and_then(|(first, last)| datetime_text(Some(first)).zip(datetime_text(Some(last))));
    let Some((first, last)) = covered else {
        return Ok(());
    };
    let now = datetime_text(Some(now));
    let now = now.as_ref().map(DateText::as_str);
    let mut set_gone = tx.prepare("UPDATE invitations SET gone_at = ?2 WHERE id = ?1")?;
    let in_files =
        |i: &StoredInvitation| (first.as_str()..=last.as_str()).contains(&i.sent_at.as_str());
    let left_out = |i: &StoredInvitation| !i.listed && i.id.is_some() && in_files(i) && !i.gone;
    // Only these are counted, and only they are linked to the connections (a first
    // import's invitations, all new, none): linking every invitation took a tenth of a
    // 100k import's writing.
    let counted: Vec<&StoredInvitation> = (stored.values().flatten())
        .filter(|i| left_out(i) || (i.listed && i.withdraw_planned))
        .collect();
    let others = counted
        .iter()
        .map(|i| (i.other.0.as_deref(), i.other.1.as_str()));
    let links = InvitationLinks::new(others, contacts);
    for invitation in counted {
        let (url, name) = &invitation.other;
        let open = links.contact_of(url.as_deref(), name).is_none();
        let planned = u64::from(invitation.withdraw_planned && open);
        match invitation.id {
            Some(id) if left_out(invitation) => {
                set_gone.execute(params![id, now])?;
                report.invitations_gone += u64::from(open);
                report.withdrawals_done += planned;
            }
            _ => report.withdrawals_left += planned,
        }
    }
    Ok(())
}
