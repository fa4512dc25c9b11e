//! `netcurate segments`: tags and saved filters with their figures; saving, deleting and
//! renaming a saved filter, and renaming a tag.
//!
//! Must not: work out figures (the library's `network::Figures`).

use crate::cli::args::SegmentsCommand;
use crate::cli::{Session, command_line, say_how_to_take_it_back, shell_word, write_json};
use crate::columns::{pad, widest};
use anyhow::{Result, bail};
use netcurate::network::{Figures, Segment};
use netcurate::ops;
use netcurate::query::Members;
use netcurate::text::seen;
use std::io::Write;

/// `segments`: each tag and saved filter with its figures, or a saved filter saved or
/// deleted.
pub(crate) fn segments_cmd(
    s: &mut Session,
    action: Option<SegmentsCommand>,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    match action {
        Some(SegmentsCommand::Save { name, filter }) => save_segment(s, &name, &filter, out),
        Some(SegmentsCommand::Delete { name }) => delete_segment(s, &name, out),
        Some(SegmentsCommand::Rename { old, new }) => rename_segment(s, &old, &new, out),
        None => list_segments(s, json, out),
    }
}

pub(crate) fn save_segment(
    s: &mut Session,
    name: &str,
    filter: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let name = name.trim();
    if name.is_empty() {
        bail!("a segment needs a name");
    }
    // A filter that does not parse is refused here, before it is saved.
    let n = s.load_matching(&s.query(filter)?)?.contacts.len();
    s.store.save_filter(name, filter)?;
    let contacts = netcurate::text::counted(n as u64, "contact", "contacts");
    writeln!(out, "saved segment '{name}' ({contacts})")?;
    say_how_to_take_it_back(s, out)
}

/// Deletes a saved filter; for a tag's name (`#tag`), says the command that removes it.
pub(crate) fn delete_segment(s: &mut Session, name: &str, out: &mut dyn Write) -> Result<()> {
    let saved: Vec<String> = (s.store.saved_filters()?.into_iter())
        .map(|f| f.name)
        .collect();
    if let Some(tag) = name.strip_prefix('#')
        && !saved.iter().any(|saved| saved == name)
    {
        let remove = format!(
            "tag remove {} --filter {}",
            shell_word(tag),
            shell_word(&Segment::of_tag(tag).query)
        );
        bail!(
            "'{name}' is a tag: `{}` takes it off every contact",
            command_line(s.store.path(), &remove)
        );
    }
    if !s.store.delete_filter(name)? {
        bail!("{}", no_saved_filter(name, &saved));
    }
    writeln!(out, "deleted segment '{name}'")?;
    say_how_to_take_it_back(s, out)
}

/// Renames a saved filter, or with `#tag` a tag on every contact that has it, as one step.
fn rename_segment(s: &mut Session, old: &str, new: &str, out: &mut dyn Write) -> Result<()> {
    let saved = s.store.saved_filters()?;
    let is_saved = saved.iter().any(|f| f.name == old);
    let op = match old.strip_prefix('#') {
        Some(tag) if !is_saved => {
            let new = new.trim();
            let new = new.strip_prefix('#').unwrap_or(new);
            ops::plan_rename_tag(&s.load()?, &saved, tag, new)?
        }
        _ if !is_saved => {
            let names: Vec<String> = saved.into_iter().map(|f| f.name).collect();
            bail!("{}; for a tag, say #TAG", no_saved_filter(old, &names));
        }
        _ => ops::plan_rename_filter(&saved, old, new)?,
    };
    s.store.record(&op)?;
    writeln!(out, "{}", op.describe())?;
    say_how_to_take_it_back(s, out)
}

/// `filter` and, with `segment`, the filter of that segment (a saved filter's name, or
/// `#tag`): the contacts of both.
pub(crate) fn with_segment(s: &Session, filter: &str, segment: Option<&str>) -> Result<String> {
    let Some(name) = segment else {
        return Ok(filter.to_string());
    };
    let saved = s.store.saved_filters()?;
    let query = match saved.iter().find(|saved| saved.name == name) {
        Some(saved) => saved.query.clone(),
        None => match name.strip_prefix('#') {
            Some(tag) => Segment::of_tag(tag).query,
            None => {
                let names: Vec<String> = saved.into_iter().map(|f| f.name).collect();
                bail!("{}; for a tag, say #TAG", no_saved_filter(name, &names));
            }
        },
    };
    Ok(format!("{filter} {query}").trim().to_string())
}

/// "no saved filter is named 'x' (saved: 'a', 'b')".
fn no_saved_filter(name: &str, saved: &[String]) -> String {
    let quoted: Vec<String> = saved.iter().map(|name| format!("'{name}'")).collect();
    match quoted.is_empty() {
        true => format!("no saved filter is named '{name}': none is saved"),
        false => format!(
            "no saved filter is named '{name}' (saved: {})",
            quoted.join(", ")
        ),
    }
}

/// Each tag, then each saved filter, with the segments view's figures.
pub(crate) fn list_segments(s: &Session, json: bool, out: &mut dyn Write) -> Result<()> {
    let network = s.load()?;
    let saved = s.store.saved_filters()?;
    let members = Members::new(&network);
    let mut rows = Vec::new();
    for segment in network.tag_segments().chain(saved) {
        let positions = members.of(&s.query(&segment.query)?, |q| q.filter_once(&network));
        let figures = Figures::of(positions.iter().map(|&i| &network.contacts[i as usize]));
        rows.push((segment, figures));
    }
    if json {
        let rows: Vec<_> = (rows.iter())
            .map(|(segment, f)| {
                serde_json::json!({
                    "name": segment.name, "query": segment.query, "count": f.count,
                    "mean_score": f.mean_score, "vp_share": f.vp_share,
                })
            })
            .collect();
        return write_json(out, &rows);
    }
    if rows.is_empty() {
        let save = command_line(s.store.path(), "segments save NAME --filter QUERY");
        return crate::cli::output::fitted(out, |out| {
            Ok(writeln!(
                out,
                "no tags or saved filters yet: `{save}` saves one"
            )?)
        });
    }
    let width = widest(rows.iter().map(|(segment, _)| &segment.name)).max(7);
    writeln!(out, "{}  count  mean   VP+  filter", pad("segment", width))?;
    for (segment, f) in &rows {
        writeln!(
            out,
            "{} {:>6} {:>5.0} {:>4.0}%  {}",
            pad(&segment.name, width),
            f.count,
            f.mean_score,
            f.vp_share,
            seen(&segment.query)
        )?;
    }
    Ok(())
}
