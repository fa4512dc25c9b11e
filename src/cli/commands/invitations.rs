//! `netcurate invitations`: the invitations, newest first, with their ages; stale marked.
//!
//! Must not: decide what is stale (the library's `model` does).

use crate::cli::{Session, command_line, write_json};
use crate::columns::{pad, widest};
use anyhow::Result;
use netcurate::model::{Direction, Invitation, InvitationFind};
use std::io::Write;

/// Lists the invitations (the stale ones alone with `only_stale`; those a find of `find`
/// finds alone with it), newest first.
pub(crate) fn invitations(
    s: &Session,
    only_stale: bool,
    find: Option<&str>,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let network = s.load()?;
    let stale_days = s.assumptions()?.stale_days;
    let mut listed: Vec<&Invitation> = if only_stale {
        network.stale_invitations(stale_days).collect()
    } else {
        network.invitations.iter().collect()
    };
    let before_find = listed.len();
    if let Some(found) = find.and_then(InvitationFind::new) {
        listed.retain(|i| found.finds(&i.find_hay()));
    }
    if json {
        let rows: Vec<serde_json::Value> = (listed.iter())
            .map(|i| {
                serde_json::json!({
                    "id": i.id, "direction": i.direction, "name": i.other_name(), "url": i.other_url().map(netcurate::import::url::key_to_url),
                    "sent_at": i.sent_at.to_string(), "age_days": i.age_days(network.as_of), "status": i.status,
                    "stale": i.is_stale(network.as_of, stale_days), "withdraw_planned": i.withdraw_planned,
                    "score": i.contact_id.and_then(|id| network.contact(id)).and_then(|c| c.score),
                })
            })
            .collect();
        write_json(out, &rows)?;
        return Ok(());
    }
    let which = if only_stale {
        "stale invitation"
    } else {
        "invitation"
    };
    if let (Some(text), true) = (find, listed.is_empty() && !network.invitations.is_empty()) {
        writeln!(out, "no {which}'s name or message holds '{}'", text.trim())?;
        return Ok(());
    }
    if network.invitations.is_empty() {
        writeln!(
            out,
            "no invitations yet: they come from Invitations.csv, in your LinkedIn export (`{}`)",
            command_line(s.store.path(), "import FILE")
        )?;
        return Ok(());
    }
    // Buffered: standard output writes each line on its own.
    let out = &mut std::io::BufWriter::new(out);
    writeln!(
        out,
        "Acceptance is inferred: an invitation is accepted when the person is now a connection."
    )?;
    // Where each invitation stands ("pending [stale]"), then the name, then the profile
    // URL last: on a narrow terminal only the URL runs on to the next line.
    let state = |i: &Invitation| {
        let mark = if i.in_withdrawal_plan() {
            " [withdraw]"
        } else if i.is_stale(network.as_of, stale_days) {
            " [stale]"
        } else {
            ""
        };
        format!("{}{mark}", i.status.as_str())
    };
    let state_width = widest(listed.iter().map(|&i| state(i)));
    // The names' column as wide as the widest name listed (up to 30 columns).
    let name_width = widest(listed.iter().map(|i| i.other_name())).min(30);
    for dir in [Direction::Outgoing, Direction::Incoming] {
        for &i in listed.iter().rev().filter(|i| i.direction == dir) {
            let line = format!(
                "{:<8}  {:>4}d  {}  {}  {}",
                dir.as_str(),
                i.age_days(network.as_of),
                pad(&state(i), state_width),
                pad(i.other_name(), name_width),
                i.other_url()
                    .map(netcurate::import::url::key_to_url)
                    .unwrap_or_default()
            );
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    if let Some(text) = find {
        let of = netcurate::text::counted(before_find as u64, which, &format!("{which}s"));
        let n = listed.len();
        writeln!(
            out,
            "{n} of {of} found by '{}' (in the name or message)",
            text.trim()
        )?;
    }
    if only_stale && find.is_none() {
        let n = listed.len();
        writeln!(
            out,
            "{n} stale: outgoing, pending more than {stale_days} days (`invitations withdraw --stale` marks them)"
        )?;
    }
    for (label, days) in [("all time", None), ("last 90 days", Some(90))] {
        if let Some((rate, sent)) = network.acceptance_rate(days) {
            writeln!(
                out,
                "acceptance rate {label} (inferred): {:.0}% of {sent} sent",
                100.0 * rate
            )?;
        }
    }
    Ok(out.flush()?)
}
