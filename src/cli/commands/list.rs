//! `netcurate list` and `netcurate stats`: contacts as aligned lines or JSON, and the
//! network's counts.
//!
//! Must not: filter or count by rules of its own (the library's `query` and `network`).

use crate::cli::Session;
use crate::cli::args::ListArgs;
use crate::cli::commands::segments::with_segment;
use crate::columns::{fit, pad, widest};
use anyhow::{Context, Result};
use netcurate::model::{Contact, Decision, Flags, Standing, joined_or_none};
use netcurate::query::{self, Haystack, SortKey};
use netcurate::text::seen;
use std::borrow::Cow;
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
    let contacts = || shown.iter().map(|&i| &network.contacts[i as usize]);
    let tags_width = widest(contacts().map(|c| c.tags.join(",")));
    let widths = TextWidths::within(
        crate::cli::output_width(),
        widest(contacts().map(shown_name)),
        tags_width,
    );
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
        let seniority = match widths.seniority {
            true => format!("{}  ", pad(seniority, 9)),
            false => String::new(),
        };
        let line = format!(
            "{id:>6}  {score:>5}  {}  {}  {}  {seniority}{}  {}",
            pad(name, widths.name),
            pad(position, widths.position),
            pad(company, widths.company),
            pad(decision, 8),
            widths.tags.map_or(Cow::Borrowed(tags), |w| fit(tags, w)),
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
            // Headed only when some contact listed has tags (on a narrow terminal an
            // empty column's header was cut to "t…").
            if tags_width > 0 { "tags" } else { "" },
        ];
        writeln!(out, "{}", row(header))?;
    }
    for &i in shown {
        let c = &network.contacts[i as usize];
        let name = shown_name(c);
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

/// A contact's name as `list` shows it.
fn shown_name(c: &Contact) -> String {
    match c.is_hidden() {
        true => "(hidden account)".to_string(),
        false => c.full_name(),
    }
}

/// The columns `list` gives its cells: as wide as they read well, or, to fit a terminal
/// (a wrapped table cannot be read), names as wide as the widest shown, titles and
/// companies narrower in proportion, the tags cut at the edge, and on a narrow terminal
/// no seniority column (the title says it).
#[derive(Debug)]
struct TextWidths {
    name: u16,
    position: u16,
    company: u16,
    seniority: bool,
    /// The tags' columns, when the line has to end at the terminal's edge.
    tags: Option<u16>,
}

impl TextWidths {
    /// Name, position and company as wide as they read well.
    const FULL: [u16; 3] = [28, 34, 22];
    /// Narrower than this a title or a company says too little: the line runs past the
    /// edge instead.
    const LEAST: [u16; 2] = [14, 10];
    /// The id, score and decision columns and the two spaces before each cell.
    const FIXED: u16 = 6 + 5 + 8 + 6 * 2;
    /// The seniority column with the spaces before it.
    const SENIORITY: u16 = 9 + 2;
    /// Narrower terminals go without the seniority column.
    const SENIORITY_FROM: u16 = 100;
    /// Columns kept for the tags (as many as the widest needs, up to this).
    const TAGS_KEPT: u16 = 12;

    /// The widths for lines of at most `width` columns (`None`: no limit) whose widest
    /// name and tags take `name` and `tags` columns: the full widths when they fit.
    fn within(width: Option<u16>, name: u16, tags: u16) -> TextWidths {
        let natural =
            (Self::FIXED + Self::SENIORITY + Self::FULL.iter().sum::<u16>()).saturating_add(tags);
        let Some(width) = width.filter(|&w| w < natural) else {
            let [name, position, company] = Self::FULL;
            let (seniority, tags) = (true, None);
            return TextWidths {
                name,
                position,
                company,
                seniority,
                tags,
            };
        };
        let seniority = width >= Self::SENIORITY_FROM;
        let fixed = Self::FIXED + if seniority { Self::SENIORITY } else { 0 };
        let name = name.clamp("name".len() as u16, Self::FULL[0]);
        let full = Self::FULL[1] + Self::FULL[2];
        let kept = tags.clamp("tags".len() as u16, Self::TAGS_KEPT);
        let room = width.saturating_sub(fixed + name + kept).min(full);
        let [position, company] = [0, 1].map(|i| {
            let share = u32::from(Self::FULL[i + 1]) * u32::from(room) / u32::from(full);
            (share as u16).max(Self::LEAST[i])
        });
        let tags = Some(width.saturating_sub(fixed + name + position + company));
        TextWidths {
            name,
            position,
            company,
            seniority,
            tags,
        }
    }
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
    // The latest import's new connections (the latest day an import added some).
    if let Some(day) = network.contacts.iter().filter_map(|c| c.added_on).max() {
        let count = (network.contacts.iter())
            .filter(|c| c.added_on == Some(day))
            .count();
        writeln!(
            out,
            "new connections: {count}, added by the import of {day} (`added:{day}`)"
        )?;
    }
    let i = &st.invitations;
    let stale_days = s.assumptions()?.stale_days;
    let stale = network.stale_invitations(stale_days).count();
    writeln!(
        out,
        "invitations: outgoing {} (accepted {}, pending {} of which {stale} stale, withdraw planned {}, gone {}), incoming {}",
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
