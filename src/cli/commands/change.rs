//! `netcurate tag`, `decide` and `invitations withdraw` / `keep`: each plans a change over
//! what it selects, says what it would do, and stores it as one undoable step (or, with
//! `--dry-run`, stores nothing).
//!
//! Must not: work out what changes (the library's `ops` plans it).

use crate::cli::args::{DecideAction, InvitationsCommand, Selection, TagAction};
use crate::cli::commands::segments::with_segment;
use crate::cli::{DRY_RUN, Session, say_how_to_take_it_back};
use anyhow::{Result, bail};
use netcurate::error::did_you_mean;
use netcurate::import::url;
use netcurate::model::{ContactId, Decision, Invitation, InvitationFind, InvitationId};
use netcurate::network::Network;
use netcurate::ops;
use netcurate::query::Query;
use std::collections::BTreeSet;
use std::io::Write;

/// `tag add|remove TAG --filter QUERY` (or `--segment NAME`).
pub(crate) fn tag(
    s: &mut Session,
    action: TagAction,
    tag: &str,
    select: &Selection,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let (network, query) = selected(s, select)?;
    let ids = ids_of(&network);
    let add = matches!(action, TagAction::Add);
    // Spelt as the whole network holds it (the contacts selected may not have it).
    let held = s.store.tags()?;
    let tag = &ops::TagSpellings::of(&held).spell(tag.trim());
    let op = ops::plan_tag(&network, &ids, tag, add)?;
    let mut said = format!("{} ({} matched)", op.describe(), ids.len());
    let why = match (add, op.is_empty()) {
        (false, true) => s.untagged(tag),
        _ => why_none_selected(s, &query, &ids),
    };
    said.extend(why.map(|why| format!("\n{why}")));
    said.extend(filters_emptied(s, &op)?.map(|emptied| format!("\n{emptied}")));
    let near = ops::new_tag_near(&held, &op);
    said.extend((!near.is_empty()).then(|| format!("\na new tag{near}")));
    record_unless_dry_run(s, &op, dry_run, &said, out)
}

/// When `op` takes a tag off the last contacts that have it: the saved filters that ask
/// for it, which then find no one.
fn filters_emptied(s: &Session, op: &ops::Op) -> Result<Option<String>> {
    let ops::Op::Tag {
        tag, add: false, ..
    } = op
    else {
        return Ok(None);
    };
    let saved = s.store.saved_filters()?;
    // The whole network is read only when a saved filter asks for the tag.
    let asking = (saved.iter()).any(|f| netcurate::query::asks_for_tag(&f.query, tag));
    if !asking || op.is_empty() {
        return Ok(None);
    }
    let names: Vec<String> = (ops::filters_emptied_by(&s.load()?, &saved, op).into_iter())
        .map(|name| format!("'{name}'"))
        .collect();
    Ok(match &names[..] {
        [] => None,
        [name] => Some(format!(
            "then saved filter {name} finds no one: no contact has tag '{tag}'"
        )),
        names => Some(format!(
            "then saved filters {} find no one: no contact has tag '{tag}'",
            names.join(", ")
        )),
    })
}

/// `decide keep|prune|protect|reset --filter QUERY` (or `--segment NAME`).
pub(crate) fn decide(
    s: &mut Session,
    decision: DecideAction,
    select: &Selection,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let (network, query) = selected(s, select)?;
    let ids = ids_of(&network);
    let d = match decision {
        DecideAction::Keep => Decision::Keep,
        DecideAction::Prune => Decision::Prune,
        DecideAction::Protect => Decision::Protect,
        DecideAction::Reset => Decision::Undecided,
    };
    let op = ops::plan_decide(&network, &ids, d);
    let skipped = ids.len() - op.len();
    let mut said = format!(
        "{} ({} matched, {skipped} unchanged or protected)",
        op.describe(),
        ids.len()
    );
    said.extend(why_none_selected(s, &query, &ids).map(|why| format!("\n{why}")));
    // Pruning colleagues lowers the pillar a plan is made for: say so.
    match (d, ops::colleagues_to_prune(&network, &ids)) {
        (Decision::Prune, n) if n > 0 => said.push_str(&format!("\n{}", colleagues_pruned(n))),
        _ => {}
    }
    record_unless_dry_run(s, &op, dry_run, &said, out)
}

/// `invitations withdraw --stale [--days N]` and `--find TEXT`: the stale invitations, or
/// the pending ones a find finds (the stale ones alone with both), marked for withdrawal.
/// `days` defaults to the stale_days assumption.
fn withdraw_many(
    s: &mut Session,
    stale: bool,
    days: Option<i64>,
    find: Option<&str>,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let days = match days {
        Some(days) => days,
        None => s.assumptions()?.stale_days,
    };
    let network = s.load()?;
    let mut listed: Vec<&Invitation> = match stale {
        true => network.stale_invitations(days).collect(),
        false => (network.invitations.iter())
            .filter(|i| i.is_pending_outgoing())
            .collect(),
    };
    let which = if stale { "stale" } else { "pending" };
    if let Some(text) = find.map(str::trim) {
        let Some(found) = InvitationFind::new(text) else {
            bail!(
                "--find needs a name or words of a message to find (`--stale` alone: the stale ones)"
            );
        };
        listed.retain(|i| found.finds(&i.find_hay()));
        if listed.is_empty() {
            bail!(
                "no {which} invitation's name or message holds '{text}' (`netcurate invitations --find` lists what a find finds)"
            );
        }
    }
    let ids: Vec<InvitationId> = listed.iter().map(|i| i.id).collect();
    let op = ops::plan_withdraw(&network, &ids, true);
    let n = ids.len();
    let said = match (find.map(str::trim), op.is_empty()) {
        (None, true) => ops::stale_marked_already(n, days),
        (None, false) => format!(
            "{} (stale: pending more than {days} days, {n} in all)",
            op.describe()
        ),
        (Some(text), true) if n == 1 => {
            format!("the invitation found by '{text}' is marked for withdrawal already")
        }
        (Some(text), true) => {
            format!("the {n} invitations found by '{text}' are marked for withdrawal already")
        }
        (Some(text), false) => format!("{} ({n} {which} found by '{text}')", op.describe()),
    };
    record_unless_dry_run(s, &op, dry_run, &said, out)
}

/// `invitations withdraw` (`--stale`, `--find` or `--to`) and `invitations keep` (`--to` or `--all`):
/// invitations into the withdrawal plan, or out of it.
pub(crate) fn withdrawal_plan(
    s: &mut Session,
    action: InvitationsCommand,
    out: &mut dyn Write,
) -> Result<()> {
    match action {
        InvitationsCommand::Withdraw {
            to: Some(who),
            dry_run,
            ..
        } => withdraw_to(s, &who.join(" "), true, dry_run, out),
        InvitationsCommand::Withdraw {
            stale,
            days,
            find,
            dry_run,
            ..
        } => withdraw_many(s, stale, days, find.as_deref(), dry_run, out),
        InvitationsCommand::Keep {
            to: Some(who),
            dry_run,
            ..
        } => withdraw_to(s, &who.join(" "), false, dry_run, out),
        InvitationsCommand::Keep { dry_run, .. } => keep_all(s, dry_run, out),
    }
}

/// `invitations withdraw --to WHO` (`mark`) and `invitations keep --to WHO`: the pending
/// invitation to one person, marked for withdrawal or taken out of the plan.
fn withdraw_to(
    s: &mut Session,
    who: &str,
    mark: bool,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let network = s.load()?;
    let ids = pending_invitations_to(&network, who)?;
    let op = ops::plan_withdraw(&network, &ids, mark);
    let said = match (op.is_empty(), mark) {
        (false, _) => op.describe(),
        (true, true) => format!("the invitation to {who} is marked for withdrawal already"),
        (true, false) => format!("the invitation to {who} is not marked for withdrawal"),
    };
    record_unless_dry_run(s, &op, dry_run, &said, out)
}

/// `invitations keep --all`: the withdrawal plan emptied.
fn keep_all(s: &mut Session, dry_run: bool, out: &mut dyn Write) -> Result<()> {
    let network = s.load()?;
    let marked: Vec<InvitationId> = (network.invitations.iter())
        .filter(|i| i.in_withdrawal_plan())
        .map(|i| i.id)
        .collect();
    let op = ops::plan_withdraw(&network, &marked, false);
    record_unless_dry_run(s, &op, dry_run, &op.describe(), out)
}

/// The pending invitations to `who` (a name or a profile URL): one person's, or an error
/// that says why none, or which of several namesakes to name by URL.
fn pending_invitations_to(network: &Network, who: &str) -> Result<Vec<InvitationId>> {
    let found = network.pending_invitations_to(who);
    if found.is_empty() {
        let pending = (network.invitations.iter())
            .filter(|i| i.is_pending_outgoing())
            .map(|i| i.other_name());
        let near = match did_you_mean(who, pending) {
            near if near.is_empty() => " (`netcurate invitations` lists them)".to_string(),
            near => near,
        };
        bail!("no pending invitation to '{who}'{near}");
    }
    // Invitations without a URL (older exports) may be any of the people named.
    let people: BTreeSet<String> = (found.iter())
        .filter_map(|i| i.other_url().map(url::key_to_url))
        .collect();
    if people.len() > 1 {
        let people: Vec<String> = people.into_iter().collect();
        bail!(
            "{} people named {who} have pending invitations: {}; say which by profile URL",
            people.len(),
            people.join(", ")
        );
    }
    Ok(found.iter().map(|i| i.id).collect())
}

/// Stores `op` (unless `dry_run`), then says `said`, what it does: only once it is stored,
/// so that a change that fails (a read-only database) is never reported as made; then how
/// to take it back, or, with `dry_run`, that nothing was stored.
fn record_unless_dry_run(
    s: &mut Session,
    op: &ops::Op,
    dry_run: bool,
    said: &str,
    out: &mut dyn Write,
) -> Result<()> {
    if !dry_run {
        s.store.record(op)?;
    }
    writeln!(out, "{said}")?;
    if dry_run {
        writeln!(out, "{DRY_RUN}")?;
    } else if !op.is_empty() {
        say_how_to_take_it_back(s, out)?;
    }
    Ok(())
}

/// The note on pruning `n` colleagues.
fn colleagues_pruned(n: usize) -> String {
    format!(
        "  {n} of them colleagues (at your companies): internal connections, which Build relationships counts"
    )
}

/// The contacts `select` names (its filter's, its segment's, or those of both), and the
/// query that finds them.
fn selected(s: &Session, select: &Selection) -> Result<(Network, Query)> {
    let filter = select.filter.as_deref().unwrap_or_default();
    let filter = with_segment(s, filter, select.segment.as_deref())?;
    let query = s.query(&filter)?;
    Ok((s.load_matching(&query)?, query))
}

/// Why `query` found no contact, when it found none (`ids`) and that is known.
fn why_none_selected(s: &Session, query: &Query, ids: &[ContactId]) -> Option<String> {
    ids.is_empty().then(|| s.why_none_match(query)).flatten()
}

fn ids_of(network: &Network) -> Vec<ContactId> {
    network.contacts.iter().map(|c| c.id).collect()
}
