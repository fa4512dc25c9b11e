//! The command line (README, "The command line"): its definitions (`args`), the session
//! every command shares (the database, the profile, today), and `run`, which dispatches to
//! the commands (`commands/`, one module a command, each a thin layer over the library).
//! Every change is one undoable step.
//!
//! Must not: hold domain logic; if a command needs a rule, the library gets it.

mod args;
mod commands;
mod output;

use anyhow::{Context, Result, bail};
pub use args::Cli;
use args::Command;
use chrono::{NaiveDate, NaiveDateTime, Utc};
use commands::explain::explain;
use commands::export::export_cmd;
use commands::import::{import, latest_import_folder};
use commands::invitations::invitations;
use commands::list::{list, stats};
use commands::pillars::pillars_cmd;
use commands::profile::{profile, score};
use commands::segments::segments_cmd;
use commands::ssi::ssi;
pub(crate) use commands::undo::{HistoryActions, history_lines};
use commands::{change, undo};
use netcurate::audience::Profile;
use netcurate::import::ColumnMap;
use netcurate::network::Network;
use netcurate::ops;
use netcurate::pillars::{self, Assumptions, Baseline};
use netcurate::query::{Haystack, Lack, Query};
use netcurate::store::{Rescored, Store};
use output::{fitted, fitted_unless};
pub(crate) use output::{output_width, tell, write_json};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `text` as one word of a POSIX shell command: as it is when nothing in it is special
/// (letters of any language are not), else in single quotes — but for a leading `~/`,
/// which the shell reads as the home folder only outside them.
pub(crate) fn shell_word(text: &str) -> String {
    if let Some(rest) = text.strip_prefix("~/").filter(|r| !r.is_empty()) {
        return format!("~/{}", shell_word(rest));
    }
    let plain = |c: char| c.is_alphanumeric() || "_./:=@%+,-".contains(c);
    match !text.is_empty() && text.chars().all(plain) {
        true => text.to_string(),
        false => format!("'{}'", text.replace('\'', "'\\''")),
    }
}

/// The newest LinkedIn export in the downloads folder, written with `~` for the home
/// folder: where a first import is pointed to.
pub fn newest_download() -> Option<String> {
    let export = netcurate::import::newest_export_in(&crate::platform::downloads_dir()?)?;
    Some(crate::platform::shorten_home(&export.display().to_string()))
}

/// The default database path (the README's "Where your data lives"): $NETCURATE_DB, else
/// the platform data directory.
pub fn default_db() -> PathBuf {
    if let Some(p) = std::env::var_os("NETCURATE_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    crate::platform::data_dir()
        .join("netcurate")
        .join("netcurate.db")
}

/// An open database with the run's date and profile.
pub struct Session {
    pub store: Store,
    pub as_of: NaiveDate,
    pub profile: Option<Profile>,
    /// What opening rescored (a new `--profile`), if it did.
    pub rescored: Option<Rescored>,
}

impl Session {
    pub fn open(db: &Path, as_of: Option<NaiveDate>, profile: Option<&Path>) -> Result<Session> {
        let store = Store::open(db)?;
        let mut session = Session {
            as_of: as_of.unwrap_or_else(|| Utc::now().date_naive()),
            profile: None,
            store,
            rescored: None,
        };
        session.read_profile()?;
        if let Some(path) = profile {
            let text = std::fs::read_to_string(path)
                .map_err(|e| netcurate::Error::io(path, e))
                .context("reading the profile")?;
            let new = Profile::parse(&path.display().to_string(), &text)?;
            if session.profile.as_ref() != Some(&new) {
                session.rescored = Some(session.store.change_profile(&text)?);
                session.profile = Some(new);
            }
        }
        // Scored by an older netcurate, whose scoring differs (audience::SCORING_VERSION:
        // no colleague flag, accents not folded…): rescored once, best effort (another process may hold the database; the scores
        // are then as they were, and the next open tries again).
        if !session.store.scores_are_current()? {
            let _ = session.rescore();
        }
        Ok(session)
    }

    /// Reads the stored profile again (after an undo or redo that changed it).
    pub fn read_profile(&mut self) -> Result<()> {
        self.profile = match self.store.profile_text()? {
            Some(text) => Some(Profile::parse_stored(&text)?),
            None => None,
        };
        Ok(())
    }

    pub fn now(&self) -> NaiveDateTime {
        let now = Utc::now().naive_utc();
        if now.date() == self.as_of {
            now
        } else {
            self.as_of.and_hms_opt(12, 0, 0).unwrap_or(now)
        }
    }

    pub fn load(&self) -> Result<Network> {
        Ok(self.store.load(self.as_of)?)
    }

    /// `filter` in the filter language, as of the session's day.
    pub fn query(&self, filter: &str) -> Result<Query> {
        Ok(Query::parse(filter, self.as_of)?)
    }

    /// The contacts `query` matches (no invitations), read without loading the others.
    pub fn load_matching(&self, query: &Query) -> Result<Network> {
        let mut test = query.one_off();
        Ok(self
            .store
            .load_contacts_where(self.as_of, query.reads(), move |c| test.matches(c))?)
    }

    /// Why `query` matches no contact, when that is known: it asks for what the network
    /// holds nowhere ([`Query::lacking`]: scores, messages, an import's news…), for a tag
    /// nobody has ([`Query::unknown_tag`]), or by a word no contact's starts
    /// ([`Query::unmatched_word`]; the whole network is read for it).
    pub fn why_none_match(&self, query: &Query) -> Option<String> {
        query.why_none(
            || self.store.holds().ok(),
            || self.store.tags().ok(),
            || Some(Haystack::all(&self.store.load(self.as_of).ok()?)),
            || {
                let score = command_line(self.store.path(), "score --profile FILE");
                format!("{}: `{score}` scores them", Lack::Scores.reason())
            },
        )
    }

    /// Whether no contact has `tag`, said with the tag meant ([`netcurate::query::untagged`]).
    pub fn untagged(&self, tag: &str) -> Option<String> {
        self.with_tags(|tags| netcurate::query::untagged(tag, tags))
    }

    /// `said` of the tags contacts have (none when they cannot be read).
    fn with_tags(&self, said: impl FnOnce(&[&str]) -> Option<String>) -> Option<String> {
        let tags = self.store.tags().ok()?;
        said(&tags.iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// The folder the latest import came from, written with `~` for the home folder and a
    /// trailing separator (`~/Downloads/`): the start of a path to type.
    pub fn import_folder(&self) -> Option<String> {
        let folder = self.store.import_folder().ok().flatten()?;
        let short = crate::platform::shorten_home(&folder);
        let separator = std::path::MAIN_SEPARATOR;
        Some(format!(
            "{}{separator}",
            short.trim_end_matches(['/', separator])
        ))
    }

    /// Where an import is looked for when none is named: the folder of the latest import,
    /// else (nothing imported yet) the newest LinkedIn export in the downloads folder.
    pub fn where_to_import(&self) -> Option<String> {
        self.import_folder().or_else(newest_download)
    }

    pub fn rescore(&mut self) -> Result<Rescored> {
        Ok(self.store.rescore(self.profile.as_ref())?)
    }

    pub fn assumptions(&self) -> Result<Assumptions> {
        Ok(match self.store.setting(ops::ASSUMPTIONS)? {
            Some(json) => serde_json::from_str(&json).unwrap_or_default(),
            None => Assumptions::default(),
        })
    }

    /// Logs a plan's projected BR range (when a plan is exported), so that the next SSI
    /// reading can be compared with it.
    pub fn log_projection(&mut self, p: &pillars::Projection) -> Result<()> {
        let br = &p.build_relationships;
        let (low, high) = match br.baseline {
            Some(_) => (br.low.unwrap_or(0.0), br.high.unwrap_or(0.0)),
            None => (br.delta_low, br.delta_high),
        };
        self.store
            .log_projection(self.as_of, br.baseline, low, high)?;
        Ok(())
    }

    pub fn projection(&self, network: &Network) -> Result<pillars::Projection> {
        let a = self.assumptions()?;
        let threshold = self.profile.as_ref().map_or(60.0, |p| p.threshold);
        let pair = pillars::features(network, threshold, a.stale_days);
        let readings = self.store.ssi_readings()?;
        let last = readings.last();
        let baseline = Baseline {
            br: last.map(|r| r.br),
            frp: last.map(|r| r.frp),
            br_history: readings.iter().map(|r| r.br).collect(),
        };
        Ok(pillars::project(&pair, &baseline, &a))
    }
}

pub fn run(cli: Cli) -> Result<()> {
    let db = cli.db.clone().unwrap_or_else(default_db);
    let command = match cli.command {
        None => return crate::tui::run_on(&db, cli.as_of, cli.profile.as_deref()),
        Some(c) => c,
    };
    if let Command::Demo { stats } = command {
        return crate::demo::run(stats, cli.as_of);
    }
    if let Command::Forget { all } = command {
        return forget(&db, all);
    }
    if let Command::Completions { shell } = command {
        let mut cli = <Cli as clap::CommandFactory>::command();
        clap_complete::generate(shell, &mut cli, "netcurate", &mut std::io::stdout());
        return Ok(());
    }
    netcurate::allocator::for_one_command();
    check_before_opening(&command, &db, cli.profile.is_some())?;
    let made_here = !db.exists();
    let import = matches!(command, Command::Import { .. });
    let mut s = Session::open(&db, cli.as_of, cli.profile.as_deref())?;
    netcurate::trace::phase("opened the database");
    if let Some(upgrade) = s.store.upgrade() {
        tell(&format!("netcurate: {}", upgrade_said(upgrade)));
    }
    let result = run_in(&mut s, command, &mut std::io::stdout().lock());
    if made_here {
        let kept = keep_unless_empty(s, &db);
        // An import makes the database on purpose, and says what it stored; another
        // command may have been given a mistyped --db.
        if !import {
            let what = match kept {
                true => "made a new database at",
                false => "no database at",
            };
            tell(&format!(
                "netcurate: {what} {} (nothing imported there yet: `{}`)",
                db.display(),
                command_line(&db, "import FILE")
            ));
        }
    }
    result
}

/// What opening a database of an older version did: "database upgraded from version 3 to
/// 4; a copy from before: ~/….before-upgrade-v3".
pub(crate) fn upgrade_said(upgrade: &netcurate::store::Upgrade) -> String {
    format!(
        "database upgraded from version {} to {}; a copy from before: {}",
        upgrade.from,
        netcurate::store::SCHEMA_VERSION,
        crate::platform::where_written(&upgrade.copy)
    )
}

/// Closes a database this run made, and removes it when nothing was stored in it (a dry
/// run, an import refused, a command given a mistyped --db, a workbench quit at once):
/// whether it is kept.
pub(crate) fn keep_unless_empty(s: Session, db: &Path) -> bool {
    let empty = s.store.holds_nothing().unwrap_or(false);
    drop(s);
    !(empty && remove_database_files(db).is_ok())
}

/// What can be refused, or said, before the database is opened (or made).
fn check_before_opening(command: &Command, db: &Path, profile_given: bool) -> Result<()> {
    if matches!(command, Command::Import { dry_run: true, .. }) && profile_given {
        bail!("--profile stores the profile; leave it out of a dry run (the stored one scores)");
    }
    // Without a path an import reads the latest import's folder: a database not made yet
    // has none (and is not made for nothing).
    if matches!(command, Command::Import { paths, .. } if paths.is_empty()) && !db.exists() {
        return Err(commands::import::needs_a_path(db));
    }
    Ok(())
}

/// Runs a command on the session's database, printing to `out`.
fn run_in(s: &mut Session, command: Command, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Demo { .. } | Command::Forget { .. } | Command::Completions { .. } => {
            unreachable!("handled above")
        }
        Command::Import {
            paths,
            dry_run,
            json,
            map,
            allow_gone,
        } => {
            let map = ColumnMap::parse(&map)?;
            let paths = match paths.is_empty() {
                true => vec![latest_import_folder(s)?],
                false => paths
                    .into_iter()
                    .map(standard_input_for_dash)
                    .collect::<Result<_>>()?,
            };
            fitted_unless(json, out, |out| {
                import(s, &paths, &map, dry_run, allow_gone, json, out)
            })
        }
        Command::Profile(command) => profile(s, command, out),
        Command::Score => score(s, out),
        Command::Explain { who } => fitted(out, |out| explain(s, &who.join(" "), out)),
        Command::List(args) => list(s, &args, out),
        Command::Tag {
            action,
            tag,
            select,
            dry_run,
        } => fitted(out, |out| {
            change::tag(s, action, &tag, &select, dry_run, out)
        }),
        Command::Decide {
            decision,
            select,
            dry_run,
        } => fitted(out, |out| {
            change::decide(s, decision, &select, dry_run, out)
        }),
        Command::Invitations {
            action: None,
            stale,
            find,
            json,
        } => invitations(s, stale, find.as_deref(), json, out),
        Command::Invitations {
            action: Some(action),
            ..
        } => fitted(out, |out| change::withdrawal_plan(s, action, out)),
        Command::Ssi(command) => fitted(out, |out| ssi(s, command, out)),
        Command::Segments { action, json } => segments_cmd(s, action, json, out),
        Command::Pillars { json, set } => {
            fitted_unless(json, out, |out| pillars_cmd(s, json, &set, out))
        }
        Command::Export(args) => export_cmd(s, &args, out),
        Command::Stats { json } => fitted_unless(json, out, |out| stats(s, json, out)),
        Command::Undo { import } => fitted(out, |out| undo::undo(s, import, out)),
        Command::Redo => fitted(out, |out| undo::redo(s, out)),
        Command::History { limit } => fitted(out, |out| undo::history(s, limit, out)),
    }
}

/// Beside the database: a profile being edited in the workbench, kept while it does not
/// parse (the database's folder is the user's own, unlike the shared temporary folder).
const PROFILE_EDIT_SUFFIX: &str = ".profile-edit.toml";

pub fn profile_edit_file(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}{PROFILE_EDIT_SUFFIX}", db.display()))
}

fn forget(db: &Path, all: bool) -> Result<()> {
    if !all {
        bail!(
            "forget deletes everything; say `{}` to confirm",
            command_line(db, "forget --all")
        );
    }
    if db.is_file() && !netcurate::store::is_netcurate_database(db)? {
        bail!(
            "{} is not a netcurate database: nothing deleted (check --db or $NETCURATE_DB)",
            db.display()
        );
    }
    let removed = remove_database_files(db)?;
    println!(
        "{}",
        if removed > 0 {
            format!("deleted {}", db.display())
        } else {
            format!("nothing at {}", db.display())
        }
    );
    Ok(())
}

/// Removes the database and the files kept beside it (the copies for undoing an import
/// and from before upgrades, SQLite's journal, a profile edit); how many of the database's own there were.
fn remove_database_files(db: &Path) -> Result<usize> {
    let mut removed = 0;
    let copies = netcurate::store::import_copies(db);
    for copy in copies
        .into_iter()
        .chain(netcurate::store::upgrade_copies(db))
    {
        std::fs::remove_file(&copy).with_context(|| format!("removing {}", copy.display()))?;
    }
    for suffix in ["", "-wal", "-shm", PROFILE_EDIT_SUFFIX] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("removing {}", p.display()))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// What every `--dry-run` ends with.
const DRY_RUN: &str = "dry run: nothing was stored (the same command without --dry-run does it)";

/// The line after a change stored as one step: the command that undoes it.
fn say_how_to_take_it_back(s: &Session, out: &mut dyn Write) -> Result<()> {
    let undo = command_line(s.store.path(), "undo");
    // In backquotes, as every command a line names: a line fitted to the terminal keeps it
    // whole (see output::Fitted).
    Ok(writeln!(out, "to take it back: `{undo}`")?)
}

/// `netcurate ARGS` as a command to paste: with the database named unless it is the
/// default one.
pub(crate) fn command_line(db: &Path, args: &str) -> String {
    match db == default_db() {
        true => format!("netcurate {args}"),
        false => format!(
            "netcurate --db {} {args}",
            shell_word(&db.display().to_string())
        ),
    }
}

/// `path`, or for `-` the standard input, read by its name (`/dev/stdin`: a pipe, or a
/// file the shell redirected); refused when the standard input is the terminal, where the
/// import would wait for typing.
fn standard_input_for_dash(path: PathBuf) -> Result<PathBuf> {
    if path != Path::new("-") {
        return Ok(path);
    }
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        bail!(
            "- imports what is piped into netcurate (e.g. `unzip -p export.zip Connections.csv | netcurate import -`), and nothing is"
        );
    }
    Ok(PathBuf::from("/dev/stdin"))
}

#[cfg(test)]
mod tests {
    use super::{Cli, shell_word};
    use clap::CommandFactory;

    /// A word meant to be pasted into a shell reaches the command as it was, whatever it
    /// holds: checked by a shell echoing it back.
    #[test]
    fn shell_words_survive_a_shell() {
        for text in [
            "connected:>=2026-11-20",
            "plain.db",
            "it's my network.db",
            "",
            "a\"b $c",
            "Téléchargements/René.csv",
        ] {
            let echoed = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("printf %s {}", shell_word(text)))
                .output()
                .expect("sh");
            assert_eq!(String::from_utf8_lossy(&echoed.stdout), text);
        }
        assert_eq!(shell_word("plain.db"), "plain.db");
        assert_eq!(shell_word("Téléchargements/x.zip"), "Téléchargements/x.zip");
        // The home folder stays the shell's to expand.
        assert_eq!(shell_word("~/my exports/x.zip"), "~/'my exports/x.zip'");
        let home = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("printf %s {}", shell_word("~/my exports/x.zip")))
            .env("HOME", "/home/you")
            .output()
            .expect("sh");
        assert_eq!(
            String::from_utf8_lossy(&home.stdout),
            "/home/you/my exports/x.zip"
        );
    }

    /// `export --help` names every column `--columns` takes, and `pillars --help` every
    /// assumption `--set` takes.
    #[test]
    fn helps_name_every_value_their_options_take() {
        let columns = netcurate::export::CONTACT_COLUMNS.map(|(column, _)| column);
        let assumptions = netcurate::pillars::Assumptions::NAMES;
        for (command, values) in [("export", &columns[..]), ("pillars", &assumptions[..])] {
            let mut cli = Cli::command();
            let help = (cli.find_subcommand_mut(command).expect(command))
                .render_long_help()
                .to_string();
            // A name with a space may be broken over two lines of the help.
            let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
            for value in values {
                assert!(help.contains(value), "{command}: {value}: {help}");
            }
        }
    }

    /// `list --help` and the workbench's help name every field and flag the filter
    /// language knows.
    #[test]
    fn both_helps_name_every_field_and_flag() {
        let mut cli = Cli::command();
        let list = cli.find_subcommand_mut("list").expect("list");
        let list_help = list.render_long_help().to_string();
        let workbench_help = crate::tui::strings::FILTER_HELP.join("");
        for help in [list_help, workbench_help] {
            for field in netcurate::query::FIELDS.split(' ') {
                assert!(help.contains(&format!("{field}:")), "{field}: {help}");
            }
            for (name, _) in netcurate::model::Flags::NAMES {
                assert!(
                    help.contains(&format!("|{name}")) || help.contains(&format!(":{name}")),
                    "{name}: {help}"
                );
            }
        }
    }

    /// The top-level help names each system's data folder as it is written there (a
    /// `\n` in `%APPDATA%\netcurate` once broke the line).
    #[test]
    fn the_help_names_the_data_folders_whole() {
        let help = Cli::command().render_long_help().to_string();
        let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
        for folder in [
            "~/.local/share/netcurate/netcurate.db",
            "~/Library/Application Support/netcurate",
            "%APPDATA%\\netcurate",
        ] {
            assert!(help.contains(folder), "{folder}: {help}");
        }
    }

    /// The top-level help's paragraphs are wrapped to the terminal as paragraphs: its
    /// source's own line breaks once made ragged lines at 80 columns ("… messages.csv" /
    /// "or the" / "whole .zip), …").
    #[test]
    fn the_help_wraps_its_paragraphs_to_the_terminal() {
        for width in [60, 80, 120] {
            let help = Cli::command()
                .term_width(width)
                .render_long_help()
                .to_string();
            for start in ["Import your LinkedIn", "Data lives in one SQLite file"] {
                let paragraph: Vec<&str> = (help.lines())
                    .skip_while(|l| !l.starts_with(start))
                    .take_while(|l| !l.trim().is_empty())
                    .collect();
                assert!(paragraph.len() > 1, "{start}: {help}");
                for pair in paragraph.windows(2) {
                    let next_word = pair[1].split_whitespace().next().unwrap_or("");
                    let with_next = pair[0].chars().count() + 1 + next_word.chars().count();
                    assert!(
                        with_next > width,
                        "at {width} columns, {:?} had room for {next_word:?}\n{help}",
                        pair[0]
                    );
                }
                let widest = paragraph.iter().map(|l| l.chars().count()).max();
                assert!(widest <= Some(width), "{help}");
            }
        }
    }

    /// Every option and argument of every command says what it is in `--help`.
    #[test]
    fn every_option_has_help_text() {
        fn check(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                if arg.get_help().is_none() && !["help", "version"].contains(&arg.get_id().as_str())
                {
                    missing.push(format!("{path} --{}", arg.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                check(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        check(&Cli::command(), "netcurate", &mut missing);
        assert!(missing.is_empty(), "no help text: {missing:?}");
    }
}
