//! The command line's definitions for clap: every command, option and help text (what
//! `--help` prints). What each command does is in `commands/`.
//!
//! Must not: run anything.

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const ABOUT: &str = "A local terminal workbench for curating your LinkedIn network.

Import your LinkedIn data export (Connections.csv, Invitations.csv, messages.csv or the \
whole .zip), score every contact against an ideal-audience profile, triage from the \
keyboard, see the projected effect on the SSI pillars, and export curated lists. \
Everything stays on this machine: netcurate never logs into or automates LinkedIn.

With no command, opens the workbench on the database: `?` there lists every key, and the mouse
scrolls and clicks too.";

// A paragraph is one line (a `\` ends each source line): clap wraps it to the terminal.
const AFTER_HELP: &str =
    "Data lives in one SQLite file (mode 0600): --db, else $NETCURATE_DB, else \
$XDG_DATA_HOME/netcurate/netcurate.db (~/.local/share/netcurate/netcurate.db; on macOS \
~/Library/Application Support/netcurate, on Windows %APPDATA%\\netcurate), with a \
copy beside it from before the latest import (`undo --import` restores it). \
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
    #[arg(long, global = true, value_name = "PATH", value_parser = typed_path(), help_heading = GLOBAL)]
    pub db: Option<PathBuf>,
    /// The date treated as "today" for ages (stale invitations, warm contacts).
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_day, help_heading = GLOBAL)]
    pub as_of: Option<NaiveDate>,
    /// An audience profile (TOML) to use instead of the stored one; it is stored and
    /// contacts are rescored.
    #[arg(long, global = true, value_name = "PATH", value_parser = typed_path(), help_heading = GLOBAL)]
    pub profile: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A path as typed: a leading `~/` is the home folder ([`crate::platform::expand_home`]:
/// PowerShell and cmd.exe leave it to the program); any other path as it is, however it
/// is encoded.
fn typed_path() -> impl clap::builder::TypedValueParser<Value = PathBuf> {
    use clap::builder::TypedValueParser;
    clap::builder::OsStringValueParser::new().map(|typed| match typed.to_str() {
        Some(text) => PathBuf::from(crate::platform::expand_home(text)),
        None => PathBuf::from(typed),
    })
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
        #[arg(value_name = "PATH", value_parser = typed_path())]
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
    /// Score every contact with a profile (--profile FILE, then remembered), or again with the stored one.
    Score,
    /// Print one contact's score with its per-factor breakdown and flags (a probable duplicate names the other record).
    Explain {
        /// A profile URL (any spelling), a contact id (from `list`), a full name, or part
        /// of a name that only one contact's holds (several: they are listed with ids).
        /// A name needs no quotes: `explain Ada Abara`.
        #[arg(required = true, num_args = 1.., value_name = "WHO")]
        who: Vec<String>,
    },
    /// Print contacts.
    ///
    /// One aligned line each, fitted to the terminal's width (or $COLUMNS): long titles
    /// and companies are cut with "…" (names stay whole), tags at the edge, and under 100
    /// columns the seniority column goes. Into a pipe or a file every cell keeps its full
    /// width; --json gives all.
    List(ListArgs),
    /// Add or remove a tag on every contact matching a filter.
    Tag {
        /// Add the tag, or remove it.
        action: TagAction,
        /// The tag (free text, e.g. eu-leads). A tag is one whatever its case, as filters
        /// compare it: VIP where contacts have vip is vip.
        tag: String,
        #[command(flatten)]
        select: Selection,
        /// Say what would change, and store nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Set keep / prune / protect / reset on every contact matching a filter.
    Decide {
        /// The decision to set; reset makes the contacts undecided again.
        decision: DecideAction,
        #[command(flatten)]
        select: Selection,
        /// Say what would change, and store nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// List invitations, or mark them for withdrawal (or take them out of the plan).
    Invitations {
        #[command(subcommand)]
        action: Option<InvitationsCommand>,
        /// Only the stale ones: outgoing, still pending, older than the stale_days
        /// assumption (21 unless set with `pillars --set stale_days=N`), which
        /// `withdraw --stale` marks.
        #[arg(long)]
        stale: bool,
        /// Only those whose person's name or message holds TEXT (case and accents
        /// ignored; `varga|meetup`: either), as `/` finds them in the workbench's
        /// invitations view.
        #[arg(long, value_name = "TEXT")]
        find: Option<String>,
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
        /// Change an assumption, e.g. --set kappa=0.8 (repeatable; stored; undo takes it
        /// back): k_connections, k_vp, k_internal (the saturation constants, 0 to
        /// 100000), s_vp, s_internal (the shares that count in full, 0 to 1), w_relevant
        /// (the speculative FRP weight, 0 to 1), kappa (0 to 10), stale_days (whole days,
        /// 0 to 3650), noise (the band inside which a change is too small to notice, 0 to
        /// 25 points).
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
    /// List the changes undo and redo walk through, newest first.
    ///
    /// Each with when it was made (local time) and what it did, the one `undo` takes back
    /// next and the one `redo` brings back marked. The latest import stands among them
    /// while it can be taken back (`undo --import`); the imports kept before it follow,
    /// each with what it brought.
    History {
        /// How many changes (and earlier imports) to list.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
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
        #[arg(short = 'o', long, value_name = "FILE", value_parser = typed_path())]
        output: Option<PathBuf>,
    },
    /// Print the stored profile.
    Show,
}

#[derive(Subcommand, Debug)]
pub enum InvitationsCommand {
    /// Mark outgoing pending invitations for withdrawal: every stale one, those a find
    /// finds, or the one to a person.
    #[command(group(clap::ArgGroup::new("which").required(true).multiple(true).args(["stale", "find", "to"])))]
    Withdraw {
        /// Every stale one: outgoing, still pending, sent more than --days days ago.
        #[arg(long)]
        stale: bool,
        /// Every pending one whose person's name or message holds TEXT (case and accents
        /// ignored; `varga|meetup`: either), as `invitations --find` lists them; with
        /// --stale, the stale ones.
        #[arg(long, value_name = "TEXT", conflicts_with = "to")]
        find: Option<String>,
        /// The age in days from which a pending invitation is stale. Default: the
        /// stale_days assumption (21 unless set with `pillars --set stale_days=N`).
        #[arg(long, requires = "stale", conflicts_with = "to")]
        days: Option<i64>,
        /// The pending invitation to this person: their name as `netcurate invitations`
        /// lists it (no quotes needed), or their profile URL.
        #[arg(long, value_name = "NAME|URL", num_args = 1.., conflicts_with = "stale")]
        to: Option<Vec<String>>,
        /// Say what would change, and store nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Take outgoing invitations out of the withdrawal plan: the one to a person, or all.
    #[command(group(clap::ArgGroup::new("which").required(true).args(["to", "all"])))]
    Keep {
        /// The invitation to this person: their name as `netcurate invitations` lists it
        /// (no quotes needed), or their profile URL.
        #[arg(long, value_name = "NAME|URL", num_args = 1..)]
        to: Option<Vec<String>>,
        /// Every invitation marked for withdrawal.
        #[arg(long)]
        all: bool,
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
        #[arg(long, value_name = "QUERY", allow_hyphen_values = true)]
        filter: String,
    },
    /// Delete a saved filter (`undo` brings it back).
    Delete {
        /// The saved filter's name.
        name: String,
    },
    /// Rename a saved filter, or a tag on every contact that has it (`#OLD`), as one step
    /// (`undo` takes it back), as the workbench's R does.
    Rename {
        /// The saved filter's name, or #TAG for a tag (as `segments` lists them).
        old: String,
        /// The new name (for a tag, with or without its #).
        new: String,
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

/// The contacts a change is made to: a filter, a segment, or both. One of them must be
/// given (`--filter ''` for every contact), so that no change reaches everyone unasked.
#[derive(Args, Debug)]
pub struct Selection {
    /// Which contacts, in the filter language (see `netcurate list --help`).
    #[arg(
        long,
        value_name = "QUERY",
        required_unless_present = "segment",
        allow_hyphen_values = true
    )]
    pub filter: Option<String>,
    /// The contacts of this segment: a saved filter's name, or #TAG (as `segments` lists
    /// them); with --filter, those of both.
    #[arg(long, value_name = "NAME")]
    pub segment: Option<String>,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    /// Space-separated terms, all must hold: words (a word starts a word of the name, title or company, or pieces of it start
    /// words in order: cto, vpeng for VP Engineering), name: company: title:
    /// location: industry: (their text where a word of the field starts: title:cto) url: email: tag:T -tag:T decision:D score:<40 seniority:>=director connected:<2020-01-01 (or a month
    /// 2024-06, a year >=2024, or a time ago: >=30d, <2y, also w and m) changed:>=2026-11-01 (a job change recorded since)
    /// gone:>=2026-11-01 (found gone from the network since) added:>=7d (a new
    /// connection an import added in the last 7 days) function:engineering flag:warm|messaged|unanswered|colleague|gone|job-change|duplicate|hidden|no-title|open-to-work|student|excluded (unanswered: they wrote last).
    /// Values joined by | (no spaces) are either: company:hooli|acme, score:<20|>80, hooli|acme;
    /// negated, none of them: -company:hooli|acme. Quote a value with spaces or a |
    /// in it: title:"CEO | Founder".
    /// Case and accents are ignored: `name:jovanovic` finds Jovanović.
    #[arg(
        long,
        value_name = "QUERY",
        default_value = "",
        allow_hyphen_values = true
    )]
    pub filter: String,
    /// Only the contacts of this segment: a saved filter's name, or #TAG (as `segments`
    /// lists them); with --filter, those of both.
    #[arg(long, value_name = "NAME")]
    pub segment: Option<String>,
    /// score, name, company, title, seniority, connected, messaged (the last message,
    /// latest first), decision; prefix '-' to reverse.
    #[arg(long, default_value = "score", allow_hyphen_values = true)]
    pub sort: String,
    /// Print at most N contacts.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print the contacts as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Output file, or - for standard output; a folder: a file in it named for the
    /// segment or filter (a plan for its kind) and the day: netcurate-vp-hooli-2026-11-27.csv,
    /// netcurate-removal-plan-2026-11-27.csv.
    #[arg(short = 'o', long, value_name = "FILE|-")]
    pub output: String,
    /// Which contacts, in the filter language (see `netcurate list --help`).
    #[arg(
        long,
        value_name = "QUERY",
        default_value = "",
        allow_hyphen_values = true
    )]
    pub filter: String,
    /// Only the contacts of this segment: a saved filter's name, or #TAG (as `segments`
    /// lists them).
    #[arg(long, value_name = "NAME")]
    pub segment: Option<String>,
    /// Only contacts with this tag.
    #[arg(long)]
    pub tag: Option<String>,
    /// Only contacts with this decision: keep, prune, protect, undecided.
    #[arg(long)]
    pub decision: Option<String>,
    /// contacts (default), linkedin, removal-plan, withdrawal-plan.
    #[arg(long, default_value = "contacts")]
    pub kind: String,
    /// Columns for the contacts kind, comma-separated (e.g. "First Name,URL,Score"): First
    /// Name, Last Name, URL, Email Address, Company, Position, Connected On, Score,
    /// Seniority, Tags, Decision (the default), Function, Flags, Previous Company, Previous
    /// Position, Job Changed On, Gone On, Added On, Last Message On, Messages, Industry,
    /// Location.
    #[arg(long, value_name = "COLUMNS")]
    pub columns: Option<String>,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
    /// The character between cells: , (the default; a tab for a .tsv file), ; (for Excel in
    /// a language that lists with it: German, French, Dutch…), or tab.
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
    /// Leave out the byte-order mark a file starts with (it makes Excel read accents
    /// right; standard output and the linkedin kind never have one).
    #[arg(long)]
    pub no_bom: bool,
}
