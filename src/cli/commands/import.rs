//! `netcurate import`: reads export files, applies them in one step, and prints the report
//! with the filters that list what changed.
//!
//! Must not: hold import logic (the library's `import` and `store` have it).

use crate::cli::{DRY_RUN, Session, command_line, shell_word, write_json};
use crate::tui::keymap::Command;
use anyhow::Result;
use netcurate::import::{ColumnMap, ImportBatch, Mappings};
use netcurate::store::Found;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What an import without a stored profile says next: contacts are not scored yet.
const NO_PROFILE_YET: &str =
    "not scored yet (no audience profile). Draft one from your network, edit it, then score:
  netcurate profile init -o audience.toml
  netcurate score --profile audience.toml";

/// The import's progress on stderr: a bar over its stages, or, while a pipe of unknown size
/// is read, a spinner with the bytes read so far (a bar would stand at 0% until its end).
struct ImportBar {
    bar: indicatif::ProgressBar,
    spinning: bool,
}

impl ImportBar {
    const BAR: &str = "{msg:>8} [{bar:30}] {percent:>3}%";
    const SPINNER: &str = "{msg} {spinner}";

    fn new(hidden: bool) -> ImportBar {
        let bar = indicatif::ProgressBar::new(100);
        if hidden {
            bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        }
        bar.set_style(Self::style(Self::BAR));
        ImportBar {
            bar,
            spinning: false,
        }
    }

    fn style(template: &str) -> indicatif::ProgressStyle {
        indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> ")
    }

    fn show(&mut self, p: netcurate::import::Progress) {
        let spin = p.read_bytes.is_some();
        if spin != self.spinning {
            self.spinning = spin;
            match spin {
                true => {
                    self.bar.set_style(Self::style(Self::SPINNER));
                    self.bar
                        .enable_steady_tick(std::time::Duration::from_millis(120));
                }
                false => {
                    self.bar.disable_steady_tick();
                    self.bar.set_style(Self::style(Self::BAR));
                }
            }
        }
        match p.read_bytes {
            Some(bytes) => (self.bar).set_message(format!(
                "{} {} so far",
                p.stage,
                indicatif::HumanBytes(bytes)
            )),
            None => self.bar.set_message(p.stage),
        }
        self.bar.set_position((p.fraction * 100.0) as u64);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

pub(crate) fn import(
    s: &mut Session,
    paths: &[PathBuf],
    map: &ColumnMap,
    dry_run: bool,
    allow_gone: bool,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let mut bar = ImportBar::new(json);
    let mut show = |p: netcurate::import::Progress| bar.show(p);
    let remembered = s.store.remembered_maps()?;
    let mappings = Mappings {
        given: map,
        remembered: &remembered,
    };
    let report = ImportBatch::read_with(paths, &mappings, &mut show)
        .map_err(anyhow::Error::from)
        .and_then(|mut b| {
            netcurate::trace::phase("read and parsed");
            b.allow_gone = allow_gone;
            let (profile, now) = (s.profile.as_ref(), s.now());
            match dry_run {
                true => s.store.preview_import(b, profile, now, &mut show),
                false => s.store.import_with(b, profile, now, &mut show),
            }
            .map_err(|e| import_anyway_hint(e, s.store.path(), paths))
        });
    bar.finish();
    netcurate::trace::phase(match dry_run {
        true => "import rolled back (dry run)",
        false => "import committed",
    });
    let report = report?;
    if json {
        write_json(out, &report)?;
        return Ok(());
    }
    for line in report.lines() {
        writeln!(out, "{line}")?;
    }
    // The workbench lists the week's news with one key, in this order: said once, first.
    let mut key_said = false;
    for found in Found::ALL.into_iter().filter(|_| !dry_run) {
        if let Some(filter) = report.filter_of(found) {
            let what = match found {
                Found::NewConnections => "the new connections",
                Found::JobChanges => "the job changes",
                Found::Gone => "the connections gone",
            };
            let list = format!("list --filter {}", shell_word(&filter));
            let command = command_line(s.store.path(), &list);
            let key = (!key_said).then(|| {
                let (keys, _) = crate::tui::keymap::Keymap::load();
                format!(" (in the workbench: {})", keys.key(Command::ShowNew))
            });
            key_said = true;
            writeln!(out, "{what}: `{command}`{}", key.unwrap_or_default())?;
        }
    }
    if dry_run {
        writeln!(out, "{DRY_RUN}")?;
    } else if s.profile.is_none() {
        writeln!(out, "{NO_PROFILE_YET}")?;
    }
    Ok(())
}

/// Why `import` without a path imported nothing (nothing was imported yet), and the
/// newest LinkedIn export in the downloads folder when there is one.
pub(crate) fn needs_a_path(db: &Path) -> anyhow::Error {
    let newest = crate::cli::newest_download().map(|shown| {
        format!(
            "; your newest export: `{}`",
            command_line(db, &format!("import {}", shell_word(&shown)))
        )
    });
    anyhow::anyhow!(
        "import needs a PATH: your LinkedIn export's .zip, its folder, or a CSV (without one it reads the folder of the latest import, and nothing was imported yet){}",
        newest.unwrap_or_default()
    )
}

/// Where `import` without a path reads: the folder of the latest import, said on stderr.
pub(crate) fn latest_import_folder(s: &Session) -> Result<PathBuf> {
    let Some(folder) = s.store.import_folder()? else {
        return Err(needs_a_path(s.store.path()));
    };
    let shown = s.import_folder().unwrap_or_else(|| folder.clone());
    crate::cli::tell(&format!(
        "netcurate: importing from {shown}, the folder of the latest import"
    ));
    Ok(PathBuf::from(folder))
}

/// An import refused for the connections it would mark gone, with the command that
/// imports it anyway.
pub(crate) fn import_anyway_hint(
    e: netcurate::Error,
    db: &Path,
    paths: &[PathBuf],
) -> anyhow::Error {
    if !e.doubts_gone() {
        return e.into();
    }
    let paths: Vec<String> = (paths.iter())
        .map(|p| shell_word(&p.display().to_string()))
        .collect();
    let anyway = format!("import --allow-gone {}", paths.join(" "));
    anyhow::anyhow!(
        "{e}. Nothing was imported. If they were removed on LinkedIn since, import it anyway: `{}`",
        command_line(db, &anyway)
    )
}
