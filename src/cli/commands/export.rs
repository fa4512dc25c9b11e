//! `netcurate export`: contacts, a removal plan or a withdrawal plan as CSV, to a file or
//! standard output.
//!
//! Must not: write CSV itself (the library's `export`).

use crate::cli::args::ExportArgs;
use crate::cli::commands::segments::with_segment;
use crate::cli::{Session, command_line, tell};
use anyhow::{Context, Result};
use netcurate::error::did_you_mean;
use netcurate::export::{self, Export, ExportKind};
use netcurate::model::Contact;
use std::io::Write;
use std::path::PathBuf;

pub(crate) fn export_cmd(s: &mut Session, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    let kind = ExportKind::parse(&args.kind).with_context(|| {
        let near = did_you_mean(&args.kind, ExportKind::ALL.map(ExportKind::as_str));
        format!(
            "unknown export kind '{}'{near}: {}",
            args.kind,
            ExportKind::NAMES
        )
    })?;
    let filter = export_filter(s, args)?;
    let query = s.query(&filter)?;
    // Contact lists read only the matching contacts; plans need the whole network.
    let (network, positions) = match kind {
        ExportKind::Contacts | ExportKind::Linkedin => {
            let network = s.load_matching(&query)?;
            let all = (0..network.contacts.len() as u32).collect();
            (network, all)
        }
        ExportKind::RemovalPlan | ExportKind::WithdrawalPlan => {
            let network = s.load()?;
            let positions = query.filter_once(&network);
            (network, positions)
        }
    };
    netcurate::trace::phase("filtered");
    let contacts: Vec<&Contact> = positions
        .iter()
        .map(|&i| &network.contacts[i as usize])
        .collect();
    let columns = match &args.columns {
        Some(c) => export::choose_columns(c)?,
        None => kind.columns_for(query.asks_about()),
    };
    // A file in a folder is named for the segment asked for, else for the filter.
    let name = args.segment.as_deref().unwrap_or(&filter);
    let (path, delimiter) = destination(args, kind, name, s.as_of)?;
    let export = Export {
        kind,
        contacts: &contacts,
        columns: &columns,
        profile: s.profile.as_ref(),
        network: &network,
        delimiter,
    };
    let written = match path {
        None => {
            export.write_to(out)?;
            None
        }
        Some(path) => Some((export.write_file(&path, args.force, !args.no_bom)?, path)),
    };
    if kind.is_plan() {
        let projection = s.projection(&network)?;
        s.log_projection(&projection)?;
    }
    if let Some((n, path)) = &written {
        let kind = kind.as_str();
        let rows = netcurate::text::counted(*n as u64, "row", "rows");
        tell(&format!("exported {rows} ({kind}) to {}", path.display()));
    }
    if let Some(why) = contacts
        .is_empty()
        .then(|| s.why_none_match(&query))
        .flatten()
    {
        tell(&why);
    }
    match written {
        Some((0, _)) => say_how_to_make_the_plan(s, kind),
        Some(_) => kind.where_to_act().into_iter().for_each(tell),
        None => {}
    }
    Ok(())
}

/// The filter the options make together: `--filter` or `--segment`, `--tag`, `--decision`.
fn export_filter(s: &Session, args: &ExportArgs) -> Result<String> {
    let mut filter = with_segment(s, &args.filter, args.segment.as_deref())?;
    if let Some(t) = &args.tag {
        filter.push_str(&format!(" tag:\"{t}\""));
    }
    if let Some(d) = &args.decision {
        filter.push_str(&format!(" decision:{d}"));
    }
    Ok(filter)
}

/// Where the export goes (`None`: standard output; a folder: the file named for `name`
/// and the day in it, [`export::file_name`]) and with which delimiter (`--delimiter`,
/// else the file name's).
fn destination(
    args: &ExportArgs,
    kind: ExportKind,
    name: &str,
    as_of: chrono::NaiveDate,
) -> Result<(Option<PathBuf>, u8)> {
    let path = (args.output != "-").then(|| {
        let typed = PathBuf::from(crate::platform::expand_home(&args.output));
        export::file_for(&typed, kind, name, as_of).into_owned()
    });
    let delimiter = match (&args.delimiter, &path) {
        (Some(name), _) => export::delimiter_named(name)?,
        (None, Some(path)) => export::delimiter_for(path),
        (None, None) => export::COMMA,
    };
    Ok((path, delimiter))
}

/// An empty plan is most often a plan not made yet: says how to make one.
fn say_how_to_make_the_plan(s: &Session, kind: ExportKind) {
    match kind {
        ExportKind::RemovalPlan => tell(&format!(
            "none of these contacts is marked prune and still connected: `{}` (or x in the workbench) marks them",
            command_line(s.store.path(), "decide prune --filter …")
        )),
        ExportKind::WithdrawalPlan => tell(&format!(
            "no pending invitation is marked for withdrawal: `{}` (or w / W in the workbench's invitations view) marks them",
            command_line(s.store.path(), "invitations withdraw --stale")
        )),
        ExportKind::Contacts | ExportKind::Linkedin => {}
    }
}
