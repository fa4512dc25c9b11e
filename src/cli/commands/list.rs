//! `netcurate list` and `netcurate stats`: contacts as aligned lines or JSON, and the
//! network's counts.
//!
//! Must not: filter or count by rules of its own (the library's `query` and `network`).

use crate::cli::Session;
use crate::cli::args::ListArgs;
use crate::cli::commands::segments::with_segment;
use crate::columns::pad;
use anyhow::{Context, Result};
use netcurate::model::{Contact, Decision, Flags, Standing, joined_or_none};
use netcurate::query::{self, Haystack, SortKey};
use netcurate::text::seen;
use std::io::Write;

pub(crate) fn list(s: &Session, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let filter = with_segment(s, &args.filter, args.segment.as_deref())?;
    let network = s.load_matching(&filter)?;
    let mut ids: Vec<u32> = (0..network.contacts.len() as u32).collect();
    let (reverse, key_text) = match args.sort.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, args.sort.as_str()),
    };
    let key = SortKey::parse(key_text)
        .with_context(|| format!("unknown sort key '{key_text}' ({})", SortKey::names()))?;
    // Text keys sort by the haystack's folded text; number keys need none.
    let hay = match key.needs_text() {
        true => Haystack::all(&network),
        false => Vec::new(),
    };
    query::sort(
        &mut ids,
        &network,
        &hay,
        key,
        key.descending_by_default() != reverse,
    );
    let shown = &ids[..args.limit.unwrap_or(ids.len()).min(ids.len())];
    if args.json {
        let rows: Vec<&Contact> = shown
            .iter()
            .map(|&i| &network.contacts[i as usize])
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        return Ok(());
    }
    // One aligned line: id, score, name, position, company, seniority, decision, tags.
    let row = |[
        id,
        score,
        name,
        position,
        company,
        seniority,
        decision,
        tags,
    ]: [&str; 8]| {
        let line = format!(
            "{id:>6}  {score:>5}  {}  {}  {}  {}  {}  {tags}",
            pad(name, 28),
            pad(position, 34),
            pad(company, 22),
            pad(seniority, 9),
            pad(decision, 8),
        );
        line.trim_end().to_string()
    };
    if !shown.is_empty() {
        let header = [
            "id",
            "score",
            "name",
            "position",
            "company",
            "seniority",
            "decision",
            "tags",
        ];
        writeln!(out, "{}", row(header))?;
    }
    for &i in shown {
        let c = &network.contacts[i as usize];
        let name = if c.is_hidden() {
            "(hidden account)".to_string()
        } else {
            c.full_name()
        };
        let (id, score, tags) = (
            c.id.to_string(),
            c.score.map_or("-".to_string(), |s| s.to_string()),
            c.tags.join(","),
        );
        let (position, company) = (c.position.as_str(), c.company.as_str());
        let decision = match c.standing() {
            Standing::RemovalDone => "done",
            Standing::Gone => "gone",
            Standing::Decided(Decision::Undecided) => "-",
            Standing::Decided(d) => d.as_str(),
        };
        let cells = [
            &*id,
            &score,
            &name,
            position,
            company,
            c.seniority.as_str(),
            decision,
            &tags,
        ];
        writeln!(out, "{}", row(cells))?;
    }
    let (matching, total) = (ids.len(), s.store.contact_count()?);
    if shown.len() < matching {
        let shown = shown.len();
        writeln!(
            out,
            "{shown} shown of {matching} matching, {total} contacts"
        )?;
    } else {
        writeln!(out, "{matching} of {total} contacts")?;
    }
    Ok(())
}

pub(crate) fn stats(s: &Session, json: bool, out: &mut dyn Write) -> Result<()> {
    let network = s.load()?;
    let st = network.stats();
    // The network's counts alone: two databases of the same network give the same JSON.
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&st)?)?;
        return Ok(());
    }
    let imported = match (s.store.last_import_day()?, s.import_folder()) {
        (Some(day), Some(folder)) => format!("last import {day} (from {folder})"),
        (Some(day), None) => format!("last import {day}"),
        (None, _) => "no import yet".to_string(),
    };
    let profile = match &s.profile {
        Some(p) => format!("profile '{}'", seen(&p.name)),
        None => "no profile yet".to_string(),
    };
    writeln!(
        out,
        "database {} · {imported} · {profile}",
        s.store.path().display()
    )?;
    writeln!(
        out,
        "connections {} (hidden {}), gone {}, other contacts {}",
        st.connections, st.hidden, st.gone, st.other_contacts
    )?;
    let i = &st.invitations;
    writeln!(
        out,
        "invitations: outgoing {} (accepted {}, pending {}, withdraw planned {}, gone {}), incoming {}",
        i.outgoing,
        i.outgoing_accepted,
        i.outgoing_pending,
        i.outgoing_withdraw_planned,
        i.outgoing_gone,
        i.incoming
    )?;
    let d: Vec<String> = st
        .decisions
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    writeln!(
        out,
        "decisions: {} (removal plan done: {})",
        d.join(", "),
        st.removal_plan_done
    )?;
    // The flags a contact has, in the order the filter language lists them.
    let flagged: Vec<String> = (Flags::NAMES.iter())
        .filter_map(|(name, _)| {
            st.flags
                .get(name)
                .filter(|&&n| n > 0)
                .map(|n| format!("{name} {n}"))
        })
        .collect();
    writeln!(out, "flags: {}", joined_or_none(&flagged))?;
    let employers = s.store.employers()?;
    if !(employers.current.is_empty() && employers.past.is_empty()) {
        writeln!(
            out,
            "your employers (from Positions.csv): {}; earlier: {}",
            seen(&joined_or_none(&employers.current)),
            seen(&joined_or_none(&employers.past))
        )?;
    }
    if !st.tags.is_empty() {
        let t: Vec<String> = st.tags.iter().map(|(k, v)| format!("{k} ({v})")).collect();
        writeln!(out, "tags: {}", t.join(", "))?;
    }
    Ok(())
}
