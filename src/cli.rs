//! The command line (CLI.md): clap definitions and one small function per command, each
//! a thin layer over the library. Every change is one undoable step.
//!
//! Must not: hold domain logic; if a command needs a rule, the library gets it.

use crate::columns::pad;
use anyhow::{Context, Result, bail};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};
use netcurate::audience::{self, Profile};
use netcurate::export::{self, ExportKind};
use netcurate::import::{ColumnMap, ImportBatch, Mappings};
use netcurate::model::{
    Contact, ContactId, Decision, Direction, Flags, Invitation, joined_or_none,
};
use netcurate::network::{Figures, Network, Segment};
use netcurate::ops;
use netcurate::pillars::{self, Assumptions, Baseline};
use netcurate::query::{self, Haystack, Query, SortKey};
use netcurate::store::{ImportUndo, Rescored, SsiReading, Store, a_few};
use netcurate::text::seen;
use std::io::Write;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

const ABOUT: &str = "A local terminal workbench for curating your LinkedIn network.

Import your LinkedIn data export (Connections.csv, Invitations.csv, messages.csv or the
whole .zip), score every contact against an ideal-audience profile, triage from the
keyboard, see the projected effect on the SSI pillars, and export curated lists.
Everything stays on this machine: netcurate never logs into or automates LinkedIn.

With no command, opens the workbench on the database.";

const AFTER_HELP: &str = "Data lives in one SQLite file (mode 0600): --db, else $NETCURATE_DB, else
$XDG_DATA_HOME/netcurate/netcurate.db (~/.local/share/netcurate/netcurate.db), with a
copy beside it from before the latest import (`undo --import` restores it).
Delete both with `netcurate forget --all` (or remove the files).

Examples:
  netcurate demo
  netcurate import ~/Downloads/Basic_LinkedInDataExport_11-25-2026.zip
  netcurate score --profile audience.toml
  netcurate list --filter 'seniority:>=director company:hooli' --sort score
  netcurate decide prune --filter 'score:<20 -flag:warm -flag:colleague'
  netcurate export -o removal.csv --kind removal-plan";

/// The heading of the options every command takes.
const GLOBAL: &str = "Global options";

#[derive(Parser, Debug)]
#[command(name = "netcurate", version, about = ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    /// The database file (SQLite). Default: $NETCURATE_DB, else the platform data directory.
    #[arg(long, global = true, value_name = "PATH", help_heading = GLOBAL)]
    pub db: Option<PathBuf>,
    /// The date treated as "today" for ages (stale invitations, warm contacts).
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_day, help_heading = GLOBAL)]
    pub as_of: Option<NaiveDate>,
    /// An audience profile (TOML) to use instead of the stored one; it is stored and
    /// contacts are rescored.
    #[arg(long, global = true, value_name = "PATH", help_heading = GLOBAL)]
    pub profile: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date like 2026-11-25"))
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Open the workbench on a throwaway copy of the bundled demo network and profile.
    Demo {
        /// Print the demo network's stats instead of opening the workbench.
        #[arg(long)]
        stats: bool,
    },
    /// Import LinkedIn export files, a whole export .zip, a folder, or other contact CSVs.
    Import {
        /// Files, folders or export .zip archives; each file is recognised by its header.
        /// `-` reads one from standard input (`unzip -p export.zip Connections.csv |
        /// netcurate import -`). Without any, the folder of the latest import (where next
        /// week's export lands too): the newest export in it is imported.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Work out and report what the import would do, and store nothing (to check a
        /// CRM or enrichment CSV before it joins the network).
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Read the column COLUMN of a contact CSV as FIELD, for headers netcurate does not
        /// know (repeat for each): first-name, last-name, name (a full name), url, email,
        /// company, position, industry, location, tags. E.g. --map position="Job Role"
        /// --map company=Organisation. The report lists which column each field came from.
        /// Remembered for files with the same header: their next import needs no --map.
        #[arg(long = "map", value_name = "FIELD=COLUMN")]
        map: Vec<String>,
        /// Import a Connections export even when it would mark gone connections it gives
        /// no sign were removed: an export older than the network (it leaves out
        /// connections made after its date: the date in LinkedIn's archive name, else its
        /// newest connection's), or one that leaves out most of the network (part of an
        /// export, or another person's). Without it such an import is refused, and
        /// nothing is stored.
        #[arg(long)]
        allow_gone: bool,
    },
    /// Draft or show the audience profile.
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Score every contact with a profile (--profile FILE) and remember it.
    Score,
    /// Print one contact's score with its per-factor breakdown and flags (a probable duplicate names the other record).
    Explain {
        /// A profile URL (any spelling), a contact id (from `list`), a full name, or part
        /// of a name that only one contact's holds (several: they are listed with ids).
        who: String,
    },
    /// Print contacts.
    List(ListArgs),
    /// Add or remove a tag on every contact matching a filter.
    Tag {
        /// Add the tag, or remove it.
        action: TagAction,
        /// The tag (free text, e.g. eu-leads).
        tag: String,
        /// Which contacts, in the filter language (see `netcurate list --help`).
        #[arg(long, value_name = "QUERY")]
        filter: String,
        /// Say what would change, and store nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Set keep / prune / protect / reset on every contact matching a filter.
    Decide {
        /// The decision to set; reset makes the contacts undecided again.
        decision: DecideAction,
        /// Which contacts, in the filter language (see `netcurate list --help`).
        #[arg(long, value_name = "QUERY")]
        filter: String,
        /// Say what would change, and store nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// List invitations, or mark stale ones for withdrawal.
    Invitations {
        #[command(subcommand)]
        action: Option<InvitationsCommand>,
        /// Only the stale ones: outgoing, still pending, older than the stale_days
        /// assumption (21 unless set with `pillars --set stale_days=N`), which
        /// `withdraw --stale` marks.
        #[arg(long)]
        stale: bool,
        /// Print the invitations as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Tags and saved filters with their counts; save or delete a saved filter.
    Segments {
        #[command(subcommand)]
        action: Option<SegmentsCommand>,
        /// Print the segments as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Record your SSI reading from LinkedIn's SSI page.
    #[command(subcommand)]
    Ssi(SsiCommand),
    /// The projected effect of the current plan on the SSI pillars.
    Pillars {
        /// Print the projection as JSON.
        #[arg(long)]
        json: bool,
        /// Change an assumption, e.g. --set kappa=0.8 (repeatable; stored).
        #[arg(long, value_name = "NAME=VALUE")]
        set: Vec<String>,
    },
    /// Write contacts, a removal plan or a withdrawal plan as CSV.
    Export(ExportArgs),
    /// Counts of the network.
    Stats {
        /// Print the counts as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Undo the last change (made in the workbench or by a command).
    Undo {
        /// Take back the latest import whole instead (once every change made after it is
        /// undone): the database goes back to how it was before it.
        #[arg(long)]
        import: bool,
    },
    /// Redo the last undone change.
    Redo,
    /// Delete the database (all imported data and decisions).
    Forget {
        /// Required: confirms deleting everything.
        #[arg(long)]
        all: bool,
    },
    /// Print a shell completion script, e.g. `source <(netcurate completions bash)` in
    /// ~/.bashrc, or `netcurate completions zsh > ~/.zfunc/_netcurate`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand, Debug)]
pub enum ProfileCommand {
    /// Draft a profile from the network's most common titles and companies.
    Init {
        /// Write the draft to this file (it must not exist) instead of printing it; `-`
        /// prints it, as `export -o -` does.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print the stored profile.
    Show,
}

#[derive(Subcommand, Debug)]
pub enum InvitationsCommand {
    /// Mark outgoing pending invitations older than N days for withdrawal.
    Withdraw {
        /// Every stale one: outgoing, still pending, sent more than --days days ago.
        #[arg(long, required = true)]
        stale: bool,
        /// The age in days from which a pending invitation is stale. Default: the
        /// stale_days assumption (21 unless set with `pillars --set stale_days=N`).
        #[arg(long)]
        days: Option<i64>,
        /// Say what would change, and store nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum SegmentsCommand {
    /// Save a filter as a segment (replacing one of that name), as the workbench's + does.
    Save {
        /// The segment's name, as the segments view and `segments` show it.
        name: String,
        /// The contacts it finds, in the filter language (see `netcurate list --help`).
        #[arg(long, value_name = "QUERY")]
        filter: String,
    },
    /// Delete a saved filter (`undo` brings it back).
    Delete {
        /// The saved filter's name.
        name: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum SsiCommand {
    /// Store one reading (each pillar 0–25, total 0–100).
    Record {
        /// The Social Selling Index, 0–100.
        #[arg(long)]
        total: f64,
        /// "Establish your professional brand", 0–25.
        #[arg(long)]
        brand: f64,
        /// "Find the right people", 0–25.
        #[arg(long)]
        frp: f64,
        /// "Engage with insights", 0–25.
        #[arg(long)]
        engage: f64,
        /// "Build relationships", 0–25.
        #[arg(long)]
        br: f64,
        /// The day of the reading (default: today, or --as-of).
        #[arg(long, value_parser = parse_day, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        /// "Top N% of your industry" as shown on the SSI page (N, 0–100).
        #[arg(long, value_name = "N")]
        industry_rank: Option<f64>,
        /// "Top N% of your network" as shown on the SSI page (N, 0–100).
        #[arg(long, value_name = "N")]
        network_rank: Option<f64>,
    },
    /// List recorded readings, oldest first.
    List {
        /// Print the readings as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TagAction {
    Add,
    Remove,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DecideAction {
    Keep,
    Prune,
    Protect,
    Reset,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    /// Space-separated terms, all must hold: fuzzy words, name: company: title: url: tag:T
    /// -tag:T decision:D score:<40 seniority:>=director connected:<2020-01-01 (or a month
    /// 2024-06, a year >=2024) changed:>=2026-11-01 (a job change recorded since)
    /// gone:>=2026-11-01 (found gone from the network since) function:engineering
    /// flag:warm|messaged|colleague|gone|job-change|duplicate|hidden|no-title|open-to-work|student|excluded.
    #[arg(long, value_name = "QUERY", default_value = "")]
    filter: String,
    /// score, name, company, title, seniority, connected, messaged (the last message,
    /// latest first), decision; prefix '-' to reverse.
    #[arg(long, default_value = "score", allow_hyphen_values = true)]
    sort: String,
    /// Print at most N contacts.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Print the contacts as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Output file, or - for standard output; a folder: a file in it named for the kind
    /// and the day (netcurate-removal-plan-2026-11-27.csv).
    #[arg(short = 'o', long, value_name = "FILE|-")]
    output: String,
    /// Which contacts, in the filter language (see `netcurate list --help`).
    #[arg(long, value_name = "QUERY", default_value = "")]
    filter: String,
    /// Only contacts with this tag.
    #[arg(long)]
    tag: Option<String>,
    /// Only contacts with this decision: keep, prune, protect, undecided.
    #[arg(long)]
    decision: Option<String>,
    /// contacts (default), linkedin, removal-plan, withdrawal-plan.
    #[arg(long, default_value = "contacts")]
    kind: String,
    /// Columns for the contacts kind, comma-separated (e.g. "First Name,URL,Score"): First
    /// Name, Last Name, URL, Email Address, Company, Position, Connected On, Score,
    /// Seniority, Tags, Decision (the default), Function, Flags, Previous Company, Previous
    /// Position, Job Changed On, Gone On, Last Message On, Messages, Industry, Location.
    #[arg(long, value_name = "COLUMNS")]
    columns: Option<String>,
    /// Replace an existing file.
    #[arg(long)]
    force: bool,
}

/// `text` as one word of a POSIX shell command: as it is when nothing in it is special,
/// else in single quotes.
fn shell_word(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./:=@%+,-".contains(c);
    match !text.is_empty() && text.chars().all(plain) {
        true => text.to_string(),
        false => format!("'{}'", text.replace('\'', "'\\''")),
    }
}

/// The default database path (CLI.md): $NETCURATE_DB, else the platform data directory.
pub fn default_db() -> PathBuf {
    if let Some(p) = std::env::var_os("NETCURATE_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| {
                let home = PathBuf::from(h);
                if cfg!(target_os = "macos") {
                    home.join("Library/Application Support")
                } else {
                    home.join(".local/share")
                }
            })
        })
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("netcurate").join("netcurate.db")
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
                .with_context(|| format!("reading profile {}", path.display()))?;
            let new = Profile::parse(&path.display().to_string(), &text)?;
            if session.profile.as_ref() != Some(&new) {
                session.rescored = Some(session.store.change_profile(&text)?);
                session.profile = Some(new);
            }
        }
        // Scored by an older netcurate, whose scoring stored less (no colleague flag):
        // rescored once, best effort (another process may hold the database; the scores
        // are then as they were, and the next open tries again).
        if !session.store.scores_are_current()? {
            let _ = session.rescore();
        }
        Ok(session)
    }

    /// Reads the stored profile again (after an undo or redo that changed it).
    pub fn read_profile(&mut self) -> Result<()> {
        self.profile = match self.store.profile_text()? {
            Some(text) => Some(Profile::parse("stored profile", &text)?),
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

    /// The contacts matching `filter` (no invitations), read without loading the others.
    pub fn load_matching(&self, filter: &str) -> Result<Network> {
        let query = Query::parse(filter)?;
        let mut test = query.one_off();
        Ok(self
            .store
            .load_contacts_where(self.as_of, query.reads(), move |c| test.matches(c))?)
    }

    /// The folder the latest import came from, written with `~/` for the home folder and
    /// a trailing `/`: the start of a path to type.
    pub fn import_folder(&self) -> Option<String> {
        let folder = self.store.import_folder().ok().flatten()?;
        let home = std::env::var("HOME").unwrap_or_default();
        let short = match folder.strip_prefix(&home) {
            Some(rest) if !home.is_empty() && rest.starts_with('/') => format!("~{rest}"),
            _ => folder,
        };
        Some(format!("{}/", short.trim_end_matches('/')))
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

/// The note on pruning `n` colleagues.
fn colleagues_pruned(n: usize) -> String {
    format!(
        "  {n} of them colleagues (at your companies): internal connections, which Build relationships counts"
    )
}

fn ids_of(network: &Network) -> Vec<ContactId> {
    network.contacts.iter().map(|c| c.id).collect()
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
    if matches!(command, Command::Import { dry_run: true, .. }) && cli.profile.is_some() {
        bail!("--profile stores the profile; leave it out of a dry run (the stored one scores)");
    }
    if matches!(command, Command::Score) && cli.profile.is_none() {
        bail!(
            "score needs --profile FILE (draft one with `netcurate profile init -o audience.toml`)"
        );
    }
    // The database is made on first use (CLI.md); made by a command other than an import,
    // it may be a mistyped --db, and what follows an empty network's figures: say so.
    if !db.exists() && !matches!(command, Command::Import { .. }) {
        eprintln!(
            "netcurate: a new, empty database at {} (nothing imported there yet: `{}`)",
            db.display(),
            command_line(&db, "import FILE")
        );
    }
    let mut s = Session::open(&db, cli.as_of, cli.profile.as_deref())?;
    netcurate::trace::phase("opened the database");
    let out = &mut std::io::stdout().lock();
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
                true => vec![latest_import_folder(&s)?],
                false => paths
                    .into_iter()
                    .map(standard_input_for_dash)
                    .collect::<Result<_>>()?,
            };
            import(&mut s, &paths, &map, dry_run, allow_gone, json, out)
        }
        Command::Profile(ProfileCommand::Init { output }) => {
            profile_init(&s, output.as_deref(), out)
        }
        Command::Profile(ProfileCommand::Show) => match s.store.profile_text()? {
            Some(text) => Ok(writeln!(out, "{text}")?),
            None => bail!("no profile stored yet; run `netcurate score --profile FILE`"),
        },
        Command::Score => {
            let r = match s.rescored {
                Some(r) => r,
                None => s.rescore()?,
            };
            writeln!(
                out,
                "scored {} contacts with profile '{}': {} scores changed",
                r.contacts,
                s.profile.as_ref().map_or("", |p| &p.name),
                r.changed
            )?;
            match s.rescored {
                Some(_) => say_how_to_take_it_back(&s, out),
                None => Ok(()),
            }
        }
        Command::Explain { who } => explain(&s, &who, out),
        Command::List(args) => list(&s, &args, out),
        Command::Tag {
            action,
            tag,
            filter,
            dry_run,
        } => {
            let network = s.load_matching(&filter)?;
            let ids = ids_of(&network);
            let op = ops::plan_tag(&network, &ids, &tag, matches!(action, TagAction::Add))?;
            let said = format!("{} ({} matched)", op.describe(), ids.len());
            record_unless_dry_run(&mut s, &op, dry_run, &said, out)
        }
        Command::Decide {
            decision,
            filter,
            dry_run,
        } => {
            let network = s.load_matching(&filter)?;
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
            // Pruning colleagues lowers the pillar a plan is made for: say so.
            match (d, ops::colleagues_to_prune(&network, &ids)) {
                (Decision::Prune, n) if n > 0 => {
                    said.push_str(&format!("\n{}", colleagues_pruned(n)))
                }
                _ => {}
            }
            record_unless_dry_run(&mut s, &op, dry_run, &said, out)
        }
        Command::Invitations {
            action: None,
            stale,
            json,
        } => invitations(&s, stale, json, out),
        Command::Invitations {
            action: Some(InvitationsCommand::Withdraw { days, dry_run, .. }),
            ..
        } => {
            let days = match days {
                Some(days) => days,
                None => s.assumptions()?.stale_days,
            };
            let network = s.load()?;
            let stale: Vec<i64> = network.stale_invitations(days).map(|i| i.id).collect();
            let op = ops::plan_withdraw(&network, &stale, true);
            let said = format!(
                "{} (stale: pending more than {days} days, {} in all)",
                op.describe(),
                stale.len()
            );
            record_unless_dry_run(&mut s, &op, dry_run, &said, out)
        }
        Command::Ssi(SsiCommand::Record {
            total,
            brand,
            frp,
            engage,
            br,
            date,
            industry_rank,
            network_rank,
        }) => {
            for (name, v, max) in [
                ("total", total, 100.0),
                ("brand", brand, 25.0),
                ("frp", frp, 25.0),
                ("engage", engage, 25.0),
                ("br", br, 25.0),
                ("industry-rank", industry_rank.unwrap_or(0.0), 100.0),
                ("network-rank", network_rank.unwrap_or(0.0), 100.0),
            ] {
                if !(0.0..=max).contains(&v) {
                    bail!("--{name} {v} is outside 0–{max}");
                }
            }
            let reading = SsiReading {
                date: date.unwrap_or(s.as_of),
                total,
                brand,
                frp,
                engage,
                br,
                industry_rank,
                network_rank,
            };
            s.store.record_ssi(&reading)?;
            writeln!(
                out,
                "recorded SSI {total} on {} (BR {br}, FRP {frp})",
                reading.date
            )?;
            say_how_to_take_it_back(&s, out)
        }
        Command::Ssi(SsiCommand::List { json }) => {
            let readings = s.store.ssi_readings()?;
            if json {
                return Ok(writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&readings)?
                )?);
            }
            if readings.is_empty() {
                let record = "ssi record --total 62 --brand 14 --frp 12 --engage 18 --br 15";
                writeln!(
                    out,
                    "no SSI readings yet: `{}` records one (your numbers from linkedin.com/sales/ssi)",
                    command_line(s.store.path(), record)
                )?;
            }
            for r in readings {
                writeln!(
                    out,
                    "{}  total {:5.1}  brand {:4.1}  frp {:4.1}  engage {:4.1}  br {:4.1}",
                    r.date, r.total, r.brand, r.frp, r.engage, r.br
                )?;
            }
            Ok(())
        }
        Command::Segments { action, json } => segments_cmd(&mut s, action, json, out),
        Command::Pillars { json, set } => pillars_cmd(&mut s, json, &set, out),
        Command::Export(args) => export_cmd(&mut s, &args, out),
        Command::Stats { json } => stats(&s, json, out),
        Command::Undo { import: false } => match s.store.undo()? {
            Some(op) => Ok(writeln!(out, "undid: {}", op.describe())?),
            None => match s.store.undo_import(false)? {
                ImportUndo::Possible => Ok(writeln!(
                    out,
                    "nothing to undo; `netcurate undo --import` takes back the latest import"
                )?),
                _ => Ok(writeln!(out, "nothing to undo")?),
            },
        },
        Command::Undo { import: true } => match s.store.undo_import(true)? {
            ImportUndo::Done => Ok(writeln!(out, "{IMPORT_UNDONE}")?),
            ImportUndo::StepsAfter(n) => bail!(
                "changes made after the latest import are still done ({n}); undo them first with `netcurate undo`"
            ),
            ImportUndo::Possible | ImportUndo::Nothing => {
                bail!("no import to take back (only the latest one can be, once)")
            }
        },
        Command::Redo => match s.store.redo()? {
            Some(op) => Ok(writeln!(out, "redid: {}", op.describe())?),
            None => Ok(writeln!(out, "nothing to redo")?),
        },
    }
}

/// What `undo` says after taking back an import.
const IMPORT_UNDONE: &str =
    "undid the latest import: the network is as it was before it (import again to redo it)";

/// Beside the database: a profile being edited in the workbench, kept while it does not
/// parse (the database's folder is the user's own, unlike the shared temporary folder).
const PROFILE_EDIT_SUFFIX: &str = ".profile-edit.toml";

pub fn profile_edit_file(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}{PROFILE_EDIT_SUFFIX}", db.display()))
}

fn forget(db: &Path, all: bool) -> Result<()> {
    if !all {
        bail!("forget deletes everything; say `netcurate forget --all` to confirm");
    }
    if db.is_file() && !netcurate::store::is_netcurate_database(db)? {
        bail!(
            "{} is not a netcurate database: nothing deleted (check --db or $NETCURATE_DB)",
            db.display()
        );
    }
    let mut removed = 0;
    for copy in netcurate::store::import_copies(db) {
        std::fs::remove_file(&copy).with_context(|| format!("removing {}", copy.display()))?;
    }
    for suffix in ["", "-wal", "-shm", PROFILE_EDIT_SUFFIX] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("removing {}", p.display()))?;
            removed += 1;
        }
    }
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

pub fn import(
    s: &mut Session,
    paths: &[PathBuf],
    map: &ColumnMap,
    dry_run: bool,
    allow_gone: bool,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let bar = indicatif::ProgressBar::new(100);
    if json {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg:>8} [{bar:30}] {percent:>3}%")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let mut show = |p: netcurate::import::Progress| {
        bar.set_message(p.stage);
        bar.set_position((p.fraction * 100.0) as u64);
    };
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
    bar.finish_and_clear();
    netcurate::trace::phase(match dry_run {
        true => "import rolled back (dry run)",
        false => "import committed",
    });
    let report = report?;
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
        return Ok(());
    }
    for line in report.lines() {
        writeln!(out, "{line}")?;
    }
    let lists = [
        ("the new connections", report.new_filter()),
        ("the job changes", report.changed_filter()),
        ("the connections gone", report.gone_filter()),
    ];
    for (what, filter) in lists.into_iter().filter(|_| !dry_run) {
        if let Some(filter) = filter {
            let list = format!("list --filter {}", shell_word(&filter));
            writeln!(out, "{what}: {}", command_line(s.store.path(), &list))?;
        }
    }
    if dry_run {
        writeln!(out, "{DRY_RUN}")?;
    } else if s.profile.is_none() {
        writeln!(out, "{NO_PROFILE_YET}")?;
    }
    Ok(())
}

/// Where `import` without a path reads: the folder of the latest import, said on stderr.
fn latest_import_folder(s: &Session) -> Result<PathBuf> {
    let Some(folder) = s.store.import_folder()? else {
        bail!(
            "import needs a PATH: your LinkedIn export's .zip, its folder, or a CSV (without one it reads the folder of the latest import, and nothing was imported yet)"
        );
    };
    let shown = s.import_folder().unwrap_or_else(|| folder.clone());
    eprintln!("netcurate: importing from {shown}, the folder of the latest import");
    Ok(PathBuf::from(folder))
}

/// An import refused for the connections it would mark gone, with the command that
/// imports it anyway.
fn import_anyway_hint(e: netcurate::Error, db: &Path, paths: &[PathBuf]) -> anyhow::Error {
    if !e.doubts_gone() {
        return e.into();
    }
    let paths: Vec<String> = (paths.iter())
        .map(|p| shell_word(&p.display().to_string()))
        .collect();
    let anyway = format!("import --allow-gone {}", paths.join(" "));
    anyhow::anyhow!(
        "{e}. Nothing was imported. If they were removed on LinkedIn since, import it anyway: {}",
        command_line(db, &anyway)
    )
}

/// What every `--dry-run` ends with.
const DRY_RUN: &str = "dry run: nothing was stored (the same command without --dry-run does it)";

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

/// The line after a change stored as one step: the command that undoes it.
fn say_how_to_take_it_back(s: &Session, out: &mut dyn Write) -> Result<()> {
    let undo = command_line(s.store.path(), "undo");
    Ok(writeln!(out, "to take it back: {undo}")?)
}

/// `netcurate ARGS` as a command to paste: with the database named unless it is the
/// default one.
fn command_line(db: &Path, args: &str) -> String {
    match db == default_db() {
        true => format!("netcurate {args}"),
        false => format!(
            "netcurate --db {} {args}",
            shell_word(&db.display().to_string())
        ),
    }
}

/// What an import without a stored profile says next: contacts are not scored yet.
const NO_PROFILE_YET: &str =
    "not scored yet (no audience profile). Draft one from your network, edit it, then score:
  netcurate profile init -o audience.toml
  netcurate score --profile audience.toml";

fn profile_init(s: &Session, output: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    let network = s.load()?;
    if !network.contacts.iter().any(|c| c.in_network()) {
        eprintln!(
            "netcurate: the draft suggests no titles or companies: no connections are imported yet (`{}`); draft again after the import for one drawn from your network",
            command_line(s.store.path(), "import FILE")
        );
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
                "drafted {}; edit it, then `netcurate score --profile {}`",
                path.display(),
                shell_word(&path.display().to_string())
            )?;
        }
        None => write!(out, "{draft}")?,
    }
    Ok(())
}

/// The contact whose name holds `who` (any case, as it reads), when one does; else which
/// ones do, to say which by id.
fn part_of_a_name<'n>(network: &'n Network, who: &str) -> Result<&'n Contact> {
    let part = netcurate::text::folded(who.trim());
    let holding: Vec<&Contact> = (network.contacts.iter())
        .filter(|c| !part.is_empty() && netcurate::text::folded(&c.full_name()).contains(&part))
        .collect();
    match holding[..] {
        [c] => Ok(c),
        [] => bail!("no contact with id, profile URL or name '{who}'"),
        _ => {
            let named: Vec<String> = (holding.iter())
                .map(|c| format!("{} (id {})", seen(&c.full_name()), c.id))
                .collect();
            bail!(
                "no contact is named '{who}', and {} names hold it: {}; say which by id or full name",
                holding.len(),
                a_few(&named)
            )
        }
    }
}

fn find_contact<'n>(network: &'n Network, who: &str) -> Result<&'n Contact> {
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
    // Else the full name, when it names one contact.
    let name = netcurate::import::rows::name_key(who, "");
    let named: Vec<&Contact> = (network.contacts.iter())
        .filter(|c| {
            !name.is_empty()
                && netcurate::import::rows::name_key(&c.first_name, &c.last_name) == name
        })
        .collect();
    match named[..] {
        [c] => Ok(c),
        [] => part_of_a_name(network, who),
        _ => {
            let ids: Vec<String> = named.iter().map(|c| c.id.to_string()).collect();
            bail!(
                "{} contacts are named '{who}'; say which by id: {}",
                named.len(),
                a_few(&ids)
            )
        }
    }
}

/// `text`, or "?" when empty.
fn or_unknown(text: &str) -> &str {
    if text.is_empty() { "?" } else { text }
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

/// `explain`: a contact's texts written as they read ([`seen`]): a control character in a
/// title (an escape, a line break) would otherwise reach the terminal.
fn explain(s: &Session, who: &str, out: &mut dyn Write) -> Result<()> {
    let network = s.load()?;
    let c = find_contact(&network, who)?;
    let guess = audience::seniority::classify(&c.position);
    writeln!(
        out,
        "{} — {} at {}",
        seen(&c.full_name()),
        seen(&c.position),
        seen(&c.company)
    )?;
    if !c.url.is_empty() {
        writeln!(out, "  {}", c.url)?;
    }
    writeln!(
        out,
        "  seniority: {} ({}; confidence {:.0}%; titles are self-typed and often inflated)",
        guess.tier.as_str(),
        guess.rule,
        guess.confidence * 100.0
    )?;
    let dm = if guess.tier.is_decision_maker() {
        "yes".to_string()
    } else {
        format!(
            "no — {}",
            if guess.tier == netcurate::model::Seniority::Support {
                guess.rule
            } else {
                "below director"
            }
        )
    };
    writeln!(
        out,
        "  decision maker: {dm}; VP+: {}",
        if guess.tier.is_vp_plus() { "yes" } else { "no" }
    )?;
    writeln!(out, "  function: {}", c.function.as_str())?;
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
            "  score: none yet (run `netcurate score --profile FILE`)"
        )?,
    }
    let threshold = s.profile.as_ref().map_or(60.0, |p| p.threshold);
    if let Some((d, why)) = audience::suggest(c, threshold) {
        writeln!(out, "  suggested: {} — {why}", d.as_str())?;
    }
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
        writeln!(
            out,
            "    gone since {on}: the export imported then no longer lists them"
        )?;
    }
    if c.flags.has(Flags::DUPLICATE)
        && let Some(i) = network.position_of(c.id)
    {
        for k in audience::Namesakes::new(&network.contacts).of(&network.contacts, i) {
            let d = &network.contacts[k];
            let on = d
                .connected_on
                .map(|d| format!(", connected {d}"))
                .unwrap_or_default();
            writeln!(
                out,
                "    probable duplicate of {} — {} at {}{on} ({})",
                seen(&d.full_name()),
                seen(&d.position),
                seen(&d.company),
                if d.url.is_empty() {
                    "no URL"
                } else {
                    d.url.as_str()
                }
            )?;
        }
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
    if let Some(at) = c.last_message_at {
        writeln!(
            out,
            "  messages: {} exchanged, last {}",
            c.message_count,
            at.date()
        )?;
    }
    Ok(())
}

fn list(s: &Session, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let network = s.load_matching(&args.filter)?;
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
        let decision = match c.decision {
            Decision::Undecided => "-",
            d => d.as_str(),
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

/// Lists the invitations (the stale ones alone with `only_stale`), newest first.
fn invitations(s: &Session, only_stale: bool, json: bool, out: &mut dyn Write) -> Result<()> {
    let network = s.load()?;
    let stale_days = s.assumptions()?.stale_days;
    let listed: Vec<&Invitation> = if only_stale {
        network.stale_invitations(stale_days).collect()
    } else {
        network.invitations.iter().collect()
    };
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
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
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
    writeln!(
        out,
        "Acceptance is inferred: an invitation is accepted when the person is now a connection."
    )?;
    for dir in [Direction::Outgoing, Direction::Incoming] {
        for i in listed.iter().rev().filter(|i| i.direction == dir) {
            let pending = i.status == netcurate::model::InvitationStatus::Pending;
            let mark = if pending && i.withdraw_planned {
                " [withdraw]"
            } else if i.is_stale(network.as_of, stale_days) {
                " [stale]"
            } else {
                ""
            };
            writeln!(
                out,
                "{:<8}  {:>4}d  {:<9}  {}  {}{mark}",
                dir.as_str(),
                i.age_days(network.as_of),
                i.status.as_str(),
                pad(i.other_name(), 30),
                i.other_url()
                    .map(netcurate::import::url::key_to_url)
                    .unwrap_or_default()
            )?;
        }
    }
    if only_stale {
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
    Ok(())
}

/// `segments`: each tag and saved filter with its figures, or a saved filter saved or
/// deleted.
fn segments_cmd(
    s: &mut Session,
    action: Option<SegmentsCommand>,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    match action {
        Some(SegmentsCommand::Save { name, filter }) => save_segment(s, &name, &filter, out),
        Some(SegmentsCommand::Delete { name }) => delete_segment(s, &name, out),
        None => list_segments(s, json, out),
    }
}

fn save_segment(s: &mut Session, name: &str, filter: &str, out: &mut dyn Write) -> Result<()> {
    let name = name.trim();
    if name.is_empty() {
        bail!("a segment needs a name");
    }
    // A filter that does not parse is refused here, before it is saved.
    let n = s.load_matching(filter)?.contacts.len();
    s.store.save_filter(name, filter)?;
    let contacts = if n == 1 { "contact" } else { "contacts" };
    writeln!(out, "saved segment '{name}' ({n} {contacts})")?;
    say_how_to_take_it_back(s, out)
}

/// Deletes a saved filter; for a tag's name (`#tag`), says the command that removes it.
fn delete_segment(s: &mut Session, name: &str, out: &mut dyn Write) -> Result<()> {
    let saved: Vec<String> = (s.store.saved_filters()?.into_iter())
        .map(|(name, _)| name)
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
        let quoted: Vec<String> = saved.iter().map(|name| format!("'{name}'")).collect();
        match quoted.is_empty() {
            true => bail!("no saved filter is named '{name}': none is saved"),
            false => bail!(
                "no saved filter is named '{name}' (saved: {})",
                quoted.join(", ")
            ),
        }
    }
    writeln!(out, "deleted segment '{name}'")?;
    say_how_to_take_it_back(s, out)
}

/// Each tag, then each saved filter, with the segments view's figures.
fn list_segments(s: &Session, json: bool, out: &mut dyn Write) -> Result<()> {
    let network = s.load()?;
    let saved = (s.store.saved_filters()?.into_iter()).map(|(name, query)| Segment { name, query });
    let mut rows = Vec::new();
    for segment in network.tag_segments().chain(saved) {
        let mut query = Query::parse(&segment.query)?.one_off();
        let figures = Figures::of(network.contacts.iter().filter(|c| query.matches(c)));
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
        return Ok(writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?);
    }
    if rows.is_empty() {
        let save = command_line(s.store.path(), "segments save NAME --filter QUERY");
        return Ok(writeln!(
            out,
            "no tags or saved filters yet: `{save}` saves one"
        )?);
    }
    let width = (rows.iter())
        .map(|(segment, _)| UnicodeWidthStr::width(seen(&segment.name).as_ref()))
        .fold(7, usize::max) as u16;
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

fn pillars_cmd(s: &mut Session, json: bool, set: &[String], out: &mut dyn Write) -> Result<()> {
    if !set.is_empty() {
        let mut a = s.assumptions()?;
        for assignment in set {
            a.set(assignment).map_err(anyhow::Error::msg)?;
        }
        let json = serde_json::to_string(&a)?;
        s.store.replace(ops::Named::assumptions(), Some(&json))?;
    }
    let network = s.load()?;
    let p = s.projection(&network)?;
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&p)?)?;
        return Ok(());
    }
    if !set.is_empty() {
        writeln!(out, "set {}", set.join(" "))?;
        say_how_to_take_it_back(s, out)?;
    }
    let br = &p.build_relationships;
    let f = &p.features;
    let range = |pp: &pillars::PillarProjection| match (pp.baseline, pp.low, pp.high) {
        (Some(b), Some(l), Some(h)) => format!("{b:.1} → {l:.1} … {h:.1}"),
        _ => format!(
            "Δ {:+.2} … {:+.2} (record a reading with `netcurate ssi record` for a baseline)",
            pp.delta_low, pp.delta_high
        ),
    };
    writeln!(
        out,
        "Build relationships: {}  {}",
        range(br),
        br.direction.words()
    )?;
    writeln!(
        out,
        "Find the right people: {}  {} (documented change 0; upper end speculative)",
        range(&p.find_right_people),
        p.find_right_people.direction.words()
    )?;
    writeln!(out, "  FRP levers: {}", pillars::FRP_LEVERS.join(", "))?;
    writeln!(
        out,
        "  connections {} → {}, VP+ {} → {}, colleagues {} → {}, acceptance {:.0}% → {:.0}%, pending {} → {}",
        f.before.connections,
        f.after.connections,
        f.before.vp_plus,
        f.after.vp_plus,
        f.before.internal,
        f.after.internal,
        100.0 * f.before.acceptance_rate,
        100.0 * f.after.acceptance_rate,
        f.before.pending,
        f.after.pending
    )?;
    let readings = s.store.ssi_readings()?;
    for logged in s.store.projections()? {
        writeln!(out, "  {}", logged.outcome(&readings))?;
    }
    writeln!(out, "{}", p.disclaimer)?;
    Ok(())
}

fn export_cmd(s: &mut Session, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    let kind = ExportKind::parse(&args.kind).with_context(|| {
        format!(
            "unknown export kind '{}' ({})",
            args.kind,
            ExportKind::NAMES
        )
    })?;
    let mut filter = args.filter.clone();
    if let Some(t) = &args.tag {
        filter.push_str(&format!(" tag:\"{t}\""));
    }
    if let Some(d) = &args.decision {
        filter.push_str(&format!(" decision:{d}"));
    }
    // Contact lists read only the matching contacts; plans need the whole network.
    let (network, positions) = match kind {
        ExportKind::Contacts | ExportKind::Linkedin => {
            let network = s.load_matching(&filter)?;
            let all = (0..network.contacts.len() as u32).collect();
            (network, all)
        }
        ExportKind::RemovalPlan | ExportKind::WithdrawalPlan => {
            let query = Query::parse(&filter)?;
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
        None => kind.default_columns(),
    };
    let write = |w: &mut dyn Write| -> netcurate::Result<usize> {
        match kind {
            ExportKind::Contacts | ExportKind::Linkedin => {
                export::write_contacts(w, &contacts, &columns)
            }
            ExportKind::RemovalPlan => export::write_removal_plan(w, &contacts, s.profile.as_ref()),
            ExportKind::WithdrawalPlan => export::write_withdrawal_plan(w, &network),
        }
    };
    let written = if args.output == "-" {
        write(out)?;
        None
    } else {
        let path = export::file_for(Path::new(&args.output), kind, s.as_of);
        Some((export::write_atomic(&path, args.force, write)?, path))
    };
    if matches!(kind, ExportKind::RemovalPlan | ExportKind::WithdrawalPlan) {
        let projection = s.projection(&network)?;
        s.log_projection(&projection)?;
    }
    if let Some((n, path)) = &written {
        eprintln!(
            "exported {n} rows ({}) to {}",
            kind.as_str(),
            path.display()
        );
    }
    // An empty plan is most often a plan not made yet: say how to make one.
    match (kind, written) {
        (ExportKind::RemovalPlan, Some((0, _))) => eprintln!(
            "none of these contacts is marked prune and still connected: `netcurate decide prune --filter …` (or x in the workbench) marks them"
        ),
        (ExportKind::WithdrawalPlan, Some((0, _))) => eprintln!(
            "no pending invitation is marked for withdrawal: `netcurate invitations withdraw --stale` (or w / W in the workbench's invitations view) marks them"
        ),
        _ => {}
    }
    Ok(())
}

fn stats(s: &Session, json: bool, out: &mut dyn Write) -> Result<()> {
    let network = s.load()?;
    let st = network.stats();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&st)?)?;
        return Ok(());
    }
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
        ] {
            let echoed = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("printf %s {}", shell_word(text)))
                .output()
                .expect("sh");
            assert_eq!(String::from_utf8_lossy(&echoed.stdout), text);
        }
        assert_eq!(shell_word("plain.db"), "plain.db");
    }

    /// `export --help` names every column `--columns` takes.
    #[test]
    fn export_help_names_every_column() {
        let mut cli = Cli::command();
        let export = cli.find_subcommand_mut("export").expect("export");
        let help = export.render_long_help().to_string();
        let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
        for (column, _) in netcurate::export::CONTACT_COLUMNS {
            assert!(help.contains(column), "{column}: {help}");
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
