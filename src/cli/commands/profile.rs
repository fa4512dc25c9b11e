//! `netcurate profile init|show` and `netcurate score`: the audience profile, drafted from
//! the network, shown as stored, and used to score every contact.
//!
//! Must not: score anything itself (the library's `audience` and the store do).

use crate::cli::args::ProfileCommand;
use crate::cli::{Session, command_line, say_how_to_take_it_back, shell_word};
use anyhow::{Result, bail};
use netcurate::audience::Profile;
use netcurate::export;
use netcurate::text::counted;
use std::io::Write;
use std::path::Path;

pub(crate) fn profile(s: &Session, command: ProfileCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        ProfileCommand::Init { output } => init(s, output.as_deref(), out),
        ProfileCommand::Show => match s.store.profile_text()? {
            Some(text) => Ok(writeln!(out, "{text}")?),
            None => bail!(
                "no profile stored yet; run `{}`",
                command_line(s.store.path(), "score --profile FILE")
            ),
        },
    }
}

/// Scores every contact with the profile given (`--profile`, which the session stored
/// and scored with already), else with the stored one, and says how many scores changed.
pub(crate) fn score(s: &mut Session, out: &mut dyn Write) -> Result<()> {
    if s.profile.is_none() {
        bail!(
            "no profile yet: `{}` scores with one (draft it with `{}`)",
            command_line(s.store.path(), "score --profile FILE"),
            command_line(s.store.path(), "profile init -o audience.toml")
        );
    }
    let r = match s.rescored {
        Some(r) => r,
        None => s.rescore()?,
    };
    writeln!(
        out,
        "scored {} with profile '{}': {} changed",
        counted(r.contacts as u64, "contact", "contacts"),
        s.profile.as_ref().map_or("", |p| &p.name),
        counted(r.changed as u64, "score", "scores")
    )?;
    match s.rescored {
        Some(_) => say_how_to_take_it_back(s, out),
        None => Ok(()),
    }
}

/// Drafts a profile from the network into `output` (a new file), or prints it.
fn init(s: &Session, output: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    let network = s.load()?;
    if !network.contacts.iter().any(|c| c.in_network()) {
        crate::cli::tell(&format!(
            "netcurate: the draft suggests no titles or companies: no connections are imported yet (`{}`); draft again after the import for one drawn from your network",
            command_line(s.store.path(), "import FILE")
        ));
    }
    let draft = Profile::draft(&network.contacts, &s.store.employers()?);
    match output.filter(|path| *path != Path::new("-")) {
        Some(path) => {
            export::write_atomic(path, false, |w| {
                w.write_all(draft.as_bytes())
                    .map_err(|e| netcurate::Error::io(path, e))
            })?;
            writeln!(
                out,
                "drafted {}; edit it, then `{}`",
                path.display(),
                command_line(
                    s.store.path(),
                    &format!(
                        "score --profile {}",
                        shell_word(&path.display().to_string())
                    )
                )
            )?;
        }
        None => write!(out, "{draft}")?,
    }
    Ok(())
}
