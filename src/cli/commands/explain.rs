//! `netcurate explain`: finds one contact by id, URL or name and prints its score, flags,
//! job change, duplicates, invitations and messages.
//!
//! Must not: work out a score (the library's `audience` does).

use crate::cli::commands::list::shown_name;
use crate::cli::{Session, command_line, shell_word};
use crate::tui::strings::{added_on, contact_details, gone_since, messages_line};
use anyhow::{Result, bail};
use netcurate::audience;
use netcurate::model::{Contact, Flags, joined_or_none};
use netcurate::network::Network;
use netcurate::text::seen;
use netcurate::text::{A_FEW, a_few};
use std::io::Write;
use std::path::Path;

/// The contact whose name holds `who` (any case, as it reads), when one does; else which
/// ones do, to say which by id.
pub(crate) fn part_of_a_name<'n>(
    network: &'n Network,
    who: &str,
    db: &Path,
) -> Result<&'n Contact> {
    let who = who.trim();
    let part = netcurate::text::folded(who);
    // Typed with umlauts, also as they are spelt out (`jürgen mü` is part of Juergen
    // Mueller's name).
    let spelt = netcurate::text::other_spelling(who);
    let holding: Vec<&Contact> = (network.contacts.iter())
        .filter(|c| {
            let mut name = String::new();
            c.push_searched_name(&mut name);
            !part.is_empty()
                && (name.contains(&part) || spelt.as_ref().is_some_and(|s| name.contains(s)))
        })
        .collect();
    match holding[..] {
        [c] => Ok(c),
        [] => {
            let typed = [Some(part), spelt];
            let near = (closest_name(network, typed.iter().flatten())).map_or(String::new(), |c| {
                format!(" (did you mean {} (id {})?)", seen(&c.full_name()), c.id)
            });
            bail!("no contact with id, profile URL or name '{who}'{near}")
        }
        _ => {
            let named: Vec<String> = holding.iter().map(|c| with_id(c)).collect();
            bail!(
                "no contact is named '{who}', and {} names hold it: {}; say which by id or full name{}",
                holding.len(),
                a_few(&named),
                all_of_them(db, who, holding.len())
            )
        }
    }
}

/// The contact whose name reads most like one of `typed` (a misspelt name's, folded or
/// spelt out: Jaro-Winkler similarity above 0.9), in either spelling of its umlauts
/// ("Juergen Muler" is Jürgen Müller's), if any.
fn closest_name<'n, 't>(
    network: &'n Network,
    typed: impl Iterator<Item = &'t String> + Clone,
) -> Option<&'n Contact> {
    let alike = |c: &Contact| {
        let name = c.full_name();
        let spellings = [
            Some(netcurate::text::folded(&name)),
            netcurate::text::other_spelling(&name),
        ];
        let pairs = typed
            .clone()
            .flat_map(|t| spellings.iter().flatten().map(move |n| (t, n)));
        (pairs.filter(|(t, _)| !t.is_empty()))
            .map(|(t, n)| strsim::jaro_winkler(t, n))
            .fold(0.0, f64::max)
    };
    (network.contacts.iter())
        .filter(|c| !c.is_hidden())
        .map(|c| (alike(c), c))
        .filter(|&(similar, _)| similar > 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// After a few of `n` contacts a name holds, how to list them all (with their ids), when
/// there are more than a few.
fn all_of_them(db: &Path, who: &str, n: usize) -> String {
    if n <= A_FEW {
        return String::new();
    }
    let list = format!("list --filter {}", shell_word(&name_filter(who)));
    format!("; `{}` lists them all with ids", command_line(db, &list))
}

/// A filter that finds every contact named `who`: the name quoted, or, when it holds a
/// double quote (a nickname: `Robert "Bob" Smith`), which a filter cannot quote, each of
/// its words.
fn name_filter(who: &str) -> String {
    if !who.contains('"') {
        return format!("name:\"{}\"", who.trim());
    }
    let words = who.split(|c: char| c.is_whitespace() || c == '"');
    let terms: Vec<String> = (words.filter(|w| !w.is_empty()))
        .map(|w| format!("name:{w}"))
        .collect();
    terms.join(" ")
}

pub(crate) fn find_contact<'n>(network: &'n Network, who: &str, db: &Path) -> Result<&'n Contact> {
    if let Some(c) = who
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| network.contact(id))
    {
        return Ok(c);
    }
    if let Some(key) = netcurate::import::url::profile_key(who)
        && let Some(c) = network
            .contacts
            .iter()
            .find(|c| c.url_key.as_deref() == Some(key.as_str()))
    {
        return Ok(c);
    }
    // Else the full name, when it names one contact (in either spelling of an umlaut).
    let names: Vec<String> = netcurate::import::rows::name_keys(who, "").collect();
    let named: Vec<&Contact> = (network.contacts.iter())
        .filter(|c| {
            netcurate::import::rows::name_keys(&c.first_name, &c.last_name)
                .any(|k| names.contains(&k))
        })
        .collect();
    match named[..] {
        [c] => Ok(c),
        [] => part_of_a_name(network, who, db),
        _ => {
            let ids: Vec<String> = named.iter().map(|c| with_id(c)).collect();
            bail!(
                "{} contacts are named '{who}'; say which by id: {}{}",
                named.len(),
                a_few(&ids),
                all_of_them(db, who, named.len())
            )
        }
    }
}

/// A contact's name and job as `explain` heads it: `Ann Lee — CTO at Hooli`.
fn described(c: &Contact) -> String {
    let job = match (c.position.is_empty(), c.company.is_empty()) {
        (true, true) => String::new(),
        (false, true) => format!(" — {}", seen(&c.position)),
        (true, false) => format!(" — at {}", seen(&c.company)),
        (false, false) => format!(" — {} at {}", seen(&c.position), seen(&c.company)),
    };
    format!("{}{job}", seen(&shown_name(c)))
}

/// One of several contacts a name could mean, to be told by id: `Ann Lee — CTO at Hooli
/// (id 1)`.
fn with_id(c: &Contact) -> String {
    format!("{} (id {})", described(c), c.id)
}

/// `text`, or "?" when empty.
pub(crate) fn or_unknown(text: &str) -> &str {
    if text.is_empty() { "?" } else { text }
}

/// `explain`: a contact's texts written as they read ([`seen`]): a control character in a
/// title (an escape, a line break) would otherwise reach the terminal.
pub(crate) fn explain(s: &Session, who: &str, out: &mut dyn Write) -> Result<()> {
    let network = s.load()?;
    let c = find_contact(&network, who, s.store.path())?;
    writeln!(out, "{}", described(c))?;
    if !c.url.is_empty() {
        writeln!(out, "  {}", netcurate::import::url::readable(&c.url))?;
    }
    if let Some(details) = contact_details(c) {
        writeln!(out, "  {details}")?;
    }
    write_seniority(c, out)?;
    writeln!(out, "  function: {}", c.function.as_str())?;
    write_score(s, c, out)?;
    write_flags(&network, c, out)?;
    if let Some(on) = c.added_on {
        writeln!(out, "  {}", added_on(on))?;
    }
    writeln!(
        out,
        "  decision: {}; tags: {}",
        c.decision.as_str(),
        joined_or_none(&c.tags)
    )?;
    for inv in network.invitations_of(c.id) {
        writeln!(
            out,
            "  invitation {} {} ({})",
            inv.direction.as_str(),
            inv.sent_at.date(),
            inv.status.as_str()
        )?;
    }
    if let (Some(at), Some(theirs)) = (c.last_message_at, c.wrote_last()) {
        let said = messages_line(c.message_count, at.date(), theirs);
        writeln!(out, "  {said}")?;
    }
    Ok(())
}

/// The seniority read from the title, by which rule and how surely, and what it makes of
/// the contact (a decision maker, VP+).
fn write_seniority(c: &Contact, out: &mut dyn Write) -> Result<()> {
    let guess = audience::seniority::classify(&c.position);
    writeln!(
        out,
        "  seniority: {} ({}; confidence {:.0}%; titles are self-typed and often inflated)",
        guess.tier.as_str(),
        guess.rule,
        guess.confidence * 100.0
    )?;
    let dm = if guess.tier.is_decision_maker() {
        "yes".to_string()
    } else if guess.tier == netcurate::model::Seniority::Support {
        format!("no — {}", guess.rule)
    } else {
        "no — below director".to_string()
    };
    writeln!(
        out,
        "  decision maker: {dm}; VP+: {}",
        if guess.tier.is_vp_plus() { "yes" } else { "no" }
    )?;
    Ok(())
}

/// The score factor by factor (or how to get one), and the decision it suggests.
fn write_score(s: &Session, c: &Contact, out: &mut dyn Write) -> Result<()> {
    match audience::explain(c, s.profile.as_ref()) {
        Some(b) => {
            writeln!(out, "  score: {}", b.score)?;
            for f in &b.factors {
                writeln!(
                    out,
                    "    {:<10} {:>4.2} ×{:<3} {}",
                    f.name, f.value, f.weight, f.reason
                )?;
            }
            if let Some(x) = &b.exclusion {
                writeln!(out, "    excluded: {x} (score capped)")?;
            }
            writeln!(out, "  {}", b.one_line())?;
        }
        None => writeln!(
            out,
            "  score: none yet (run `{}`)",
            command_line(s.store.path(), "score --profile FILE")
        )?,
    }
    let threshold = s.profile.as_ref().map_or(60.0, |p| p.threshold);
    if let Some((d, why)) = audience::suggest(c, threshold) {
        writeln!(out, "  suggested: {} — {why}", d.as_str())?;
    }
    Ok(())
}

/// The flags, with what stands behind the job change, the gone connection and the
/// probable duplicate (the other records, by name).
fn write_flags(network: &Network, c: &Contact, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "  flags: {}", joined_or_none(&c.flags.names()))?;
    if let Some(on) = c.job_changed_on {
        writeln!(
            out,
            "    job change recorded {on}: was {} at {}",
            seen(or_unknown(&c.previous_position)),
            seen(or_unknown(&c.previous_company))
        )?;
    }
    if let Some(on) = c.gone_on {
        writeln!(out, "    {}", gone_since(on))?;
    }
    let Some(i) = network
        .position_of(c.id)
        .filter(|_| c.flags.has(Flags::DUPLICATE))
    else {
        return Ok(());
    };
    for k in audience::Namesakes::new(&network.contacts).of(&network.contacts, i) {
        let d = &network.contacts[k];
        let on = (d.connected_on)
            .map(|d| format!(", connected {d}"))
            .unwrap_or_default();
        let url = if d.url.is_empty() {
            "no URL"
        } else {
            d.url.as_str()
        };
        writeln!(
            out,
            "    probable duplicate of {}{on} ({url})",
            described(d)
        )?;
    }
    Ok(())
}
