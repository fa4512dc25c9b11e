//! What an import did — in total, per file, and why rows or files were left out — and
//! that report as the lines a person reads (the CLI prints them, the workbench shows
//! them in a box), so both say the same thing in the same words.
//!
//! Must not: merge or count anything (`merge` fills the report), or know how the lines
//! are shown.

use crate::import::{FileKind, SkippedFile};
use crate::model::Employers;
use crate::text::{a_few, seen};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// What one import did, in total and per file.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ImportReport {
    /// Connections not in the network before.
    pub new: u64,
    /// Connections absent from this full Connections export.
    pub gone: u64,
    /// The day this import marked connections gone, when it marked some: `gone:>=` it
    /// lists them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gone_on: Option<NaiveDate>,
    /// Of the gone, those the user had decided to prune: removals done.
    pub gone_planned: u64,
    /// After a full Connections export: connections decided prune that are still
    /// connected (the removals still to do).
    pub planned_left: u64,
    /// Connections back in this export after a full export had left them out (gone).
    pub returned: u64,
    /// Connections whose company or position changed (job change).
    pub changed: u64,
    /// The day this import recorded its job changes, when it recorded some:
    /// `changed:>=` it lists them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changed_on: Option<NaiveDate>,
    pub unchanged: u64,
    /// The earliest connection date among the new connections.
    pub new_since: Option<NaiveDate>,
    /// The day this import added its new connections, when it added some to a network
    /// that held connections before: `added:>=` it lists them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added_on: Option<NaiveDate>,
    /// Hidden rows (closed or restricted accounts) in this import.
    pub hidden: u64,
    /// With a profile: how many of the new connections are in the audience.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_in_audience: Option<NewInAudience>,
    /// Contacts from other CSVs added / merged into known contacts.
    pub contacts_added: u64,
    pub contacts_merged: u64,
    pub invitations_added: u64,
    pub invitations_known: u64,
    /// Stored invitations this import's Invitations files leave out though they were
    /// sent within the dates the files cover: withdrawn, expired or declined.
    pub invitations_gone: u64,
    /// Invitations gone from an earlier export that this import lists again.
    pub invitations_back: u64,
    /// Of the gone, those the user had marked for withdrawal: withdrawals done.
    pub withdrawals_done: u64,
    /// Invitations marked for withdrawal that this import's files still list.
    pub withdrawals_left: u64,
    /// The owner's employers, when the import read their Positions.csv.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employers: Option<Employers>,
    /// Current employers the profile's `my_companies` lacks (with a profile).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub employers_not_in_profile: Vec<String>,
    /// People in messages matched to a contact / not matched.
    pub messaged_matched: u64,
    pub messaged_unmatched: u64,
    pub files: Vec<FileReport>,
    pub skipped_files: Vec<SkippedFile>,
}

/// Of an import's new connections, those in the audience: scoring at or above the
/// profile's threshold.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct NewInAudience {
    pub threshold: f64,
    pub count: u64,
}

/// A total an import report speaks of (see [`ImportReport::totals`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Total {
    Connections,
    /// Of the new connections, those in the audience (with a profile).
    NewInAudience,
    RemovalPlan,
    Contacts,
    Invitations,
    WithdrawalPlan,
    Messages,
    Employers,
}

impl ImportReport {
    /// Counts a connection new to the network, connected on `connected_on`.
    pub(super) fn count_new(&mut self, connected_on: Option<NaiveDate>) {
        self.new += 1;
        if let Some(on) = connected_on {
            self.new_since = Some(self.new_since.map_or(on, |since| since.min(on)));
        }
    }

    /// The filter that lists what this import found of `what`, when it found some: the
    /// connections whose job change it recorded, those it found gone, or its new
    /// connections (unless every connection is new, a first import).
    pub fn filter_of(&self, what: Found) -> Option<String> {
        let (field, found, day) = match what {
            Found::NewConnections => ("added", self.new > 0, self.added_on),
            Found::JobChanges => ("changed", self.changed > 0, self.changed_on),
            Found::Gone => ("gone", self.gone > 0, self.gone_on),
        };
        (found.then_some(day).flatten()).map(|day| format!("{field}:>={day}"))
    }
}

/// What an import found that a filter lists, in the order a person looks at them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    NewConnections,
    JobChanges,
    Gone,
}

impl Found {
    pub const ALL: [Found; 3] = [Found::NewConnections, Found::JobChanges, Found::Gone];
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FileReport {
    pub name: String,
    pub kind: FileKind,
    pub rows_read: u64,
    pub imported: u64,
    pub skipped: u64,
    pub skipped_why: BTreeMap<String, u64>,
    pub warnings: Vec<String>,
    /// Of a contact CSV: the column each field was read from, in field order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<ColumnRead>,
    /// Of a contact CSV: the columns nothing was read from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unread_columns: Vec<String>,
    /// The columns were read with the map given at an earlier import of a file with the
    /// same header.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub remembered_map: bool,
}

/// A field of a contact CSV and the column it was read from.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ColumnRead {
    pub field: &'static str,
    pub column: String,
}

impl ImportReport {
    /// Whether this import read a file of `kind`.
    pub fn read_any(&self, kind: FileKind) -> bool {
        self.files.iter().any(|f| f.kind == kind)
    }

    /// The totals this import speaks of, in order: those of each kind of file it read,
    /// and a plan's progress when the files confirmed some of it.
    pub fn totals(&self) -> Vec<Total> {
        [
            (Total::Connections, self.read_any(FileKind::Connections)),
            (
                Total::NewInAudience,
                self.new > 0 && self.new_in_audience.is_some(),
            ),
            (
                Total::RemovalPlan,
                self.gone_planned + self.planned_left > 0,
            ),
            (Total::Contacts, self.read_any(FileKind::Contacts)),
            (Total::Invitations, self.read_any(FileKind::Invitations)),
            (
                Total::WithdrawalPlan,
                self.withdrawals_done + self.withdrawals_left > 0,
            ),
            (Total::Messages, self.read_any(FileKind::Messages)),
            (Total::Employers, self.employers.is_some()),
        ]
        .into_iter()
        .filter_map(|(total, spoken)| spoken.then_some(total))
        .collect()
    }

    /// One total's line of [`ImportReport::lines`].
    fn total_line(&self, total: Total) -> String {
        match total {
            Total::Connections => {
                let back = if_any(self.returned, |n| format!(", {n} back after being gone"));
                format!(
                    "connections: {} new{back}, {} gone, {} changed (job change), {} unchanged; {} hidden rows",
                    self.new, self.gone, self.changed, self.unchanged, self.hidden
                )
            }
            Total::NewInAudience => {
                let a = self.new_in_audience.unwrap_or_default();
                let score = format!("(a score of {} or more)", a.threshold);
                match (self.new, a.count) {
                    (1, 1) => format!("the new connection is in your audience {score}"),
                    (1, _) => format!("the new connection is not in your audience {score}"),
                    (new, n) => {
                        let are = if n == 1 { "is" } else { "are" };
                        format!("of the {new} new connections, {n} {are} in your audience {score}")
                    }
                }
            }
            Total::RemovalPlan => format!(
                "removal plan: {} done (gone in this export), {} still connected",
                self.gone_planned, self.planned_left
            ),
            Total::Contacts => format!(
                "other contacts: {} added, {} merged",
                self.contacts_added, self.contacts_merged
            ),
            Total::Invitations => {
                let back = if_any(self.invitations_back, |n| {
                    format!(" ({n} back after being gone)")
                });
                format!(
                    "invitations: {} new, {} already known{back}, {} gone (withdrawn, expired or declined)",
                    self.invitations_added, self.invitations_known, self.invitations_gone
                )
            }
            Total::WithdrawalPlan => format!(
                "withdrawal plan: {} done (gone from this export), {} still in it",
                self.withdrawals_done, self.withdrawals_left
            ),
            Total::Messages => format!(
                "messages: {} people matched, {} not in the network",
                self.messaged_matched, self.messaged_unmatched
            ),
            Total::Employers => {
                let current = self.employers.as_ref().map(|e| &e.current);
                let now = match current.filter(|c| !c.is_empty()) {
                    Some(current) => current.join(", "),
                    None => "none current".to_string(),
                };
                let lacking = match self.employers_not_in_profile.is_empty() {
                    true => String::new(),
                    false => format!(
                        "; not in your profile's my_companies: {} (add them: connections there are colleagues)",
                        self.employers_not_in_profile.join(", ")
                    ),
                };
                format!("your employers (Positions.csv): {now}{lacking}")
            }
        }
    }

    /// The report as lines to read: one per file (with why rows were skipped, the columns
    /// read and warnings), the files left out, then the totals of each kind of file read.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        // Files are named from the folder they share (the one the import was asked for):
        // `export.zip:Connections.csv`, not its whole path on every line.
        let names = (self.files.iter().map(|f| f.name.as_str()))
            .chain(self.skipped_files.iter().map(|f| f.name.as_str()));
        let folder = common_folder(names);
        for f in &self.files {
            f.describe(&f.name[folder..], &mut lines);
        }
        lines.extend(SkippedFile::lines(&self.skipped_files, folder));
        for total in self.totals() {
            lines.push(self.total_line(total));
        }
        // Names of files and employers as they read: no control character reaches the
        // terminal.
        for line in &mut lines {
            if let Cow::Owned(shown) = seen(line) {
                *line = shown;
            }
        }
        lines
    }
}

impl FileReport {
    /// This file's lines of [`ImportReport::lines`], the file called `name`.
    fn describe(&self, name: &str, lines: &mut Vec<String>) {
        lines.push(format!(
            "{}: {} — read {}, imported {}, skipped {}",
            name,
            self.kind.as_str(),
            self.rows_read,
            self.imported,
            self.skipped
        ));
        for (why, n) in &self.skipped_why {
            lines.push(format!("    skipped {n}: {why}"));
        }
        if !self.columns.is_empty() {
            let read: Vec<String> = (self.columns.iter())
                .map(|c| format!("{} → {}", c.column, c.field))
                .collect();
            let how = match self.remembered_map {
                true => " (with the --map given for this header before)",
                false => "",
            };
            lines.push(format!("    columns read{how}: {}", read.join(", ")));
        }
        if !self.unread_columns.is_empty() {
            lines.push(format!(
                "    columns not read: {} (--map FIELD=COLUMN reads one)",
                self.unread_columns.join(", ")
            ));
        }
        for w in &self.warnings {
            lines.push(format!("    warning: {w}"));
        }
    }
}

/// The length of the folder all `names` start with, up to and including its last `/` (or
/// `\`); 0 when they share none.
fn common_folder<'a>(mut names: impl Iterator<Item = &'a str>) -> usize {
    let Some(first) = names.next() else {
        return 0;
    };
    let folder_of = |text: &str| text.rfind(['/', '\\']).map_or(0, |i| i + 1);
    let mut len = folder_of(first);
    for name in names {
        while len > 0 && name.get(..len) != first.get(..len) {
            len = folder_of(&first[..len - 1]);
        }
    }
    len
}

/// `words(n)`, or nothing when `n` is 0: a count said only when there is some.
pub fn if_any(n: u64, words: impl FnOnce(u64) -> String) -> String {
    match n {
        0 => String::new(),
        n => words(n),
    }
}

/// What the store keeps of an import once done, read back from its report: enough to
/// name it before it is taken back.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ImportRun {
    /// The day it was made.
    #[serde(skip)]
    pub on: Option<NaiveDate>,
    /// When it was made by the clock (UTC), whatever `--as-of` said: none for one stored
    /// by an older netcurate.
    pub made_at: Option<NaiveDateTime>,
    files: Vec<RunFile>,
    new: u64,
    gone: u64,
    changed: u64,
    contacts_added: u64,
    invitations_added: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
struct RunFile {
    name: String,
}

impl ImportRun {
    /// The import's report as stored (an older or unreadable one names only the day).
    pub fn from_report(json: &str, on: Option<NaiveDate>) -> ImportRun {
        let run: ImportRun = serde_json::from_str(json).unwrap_or_default();
        ImportRun { on, ..run }
    }

    /// What the import read, as the user named it: the .zip (its files are named
    /// `path/export.zip:Connections.csv`), the folder of several files, or the file.
    fn sources(&self) -> Vec<String> {
        let mut sources: Vec<(&str, &str)> = Vec::new();
        for file in &self.files {
            let whole = crate::import::archive_of(&file.name);
            let (folder, name) = whole.rsplit_once(['/', '\\']).unwrap_or(("", whole));
            if !sources.contains(&(folder, name)) {
                sources.push((folder, name));
            }
        }
        match sources.first() {
            Some(&(folder, _)) if sources.len() > 1 && sources.iter().all(|s| s.0 == folder) => {
                let name = folder.rsplit(['/', '\\']).next().unwrap_or(folder);
                vec![format!("{name}/")]
            }
            _ => sources.iter().map(|(_, name)| name.to_string()).collect(),
        }
    }

    /// The import by name: "the import of export.zip on 2026-11-27".
    pub fn name(&self) -> String {
        let of = match self.sources() {
            sources if sources.is_empty() => String::new(),
            sources => format!(" of {}", a_few(&sources)),
        };
        let on = self.on.map(|d| format!(" on {d}")).unwrap_or_default();
        format!("the import{of}{on}")
    }

    /// The import in words: "the import of export.zip on 2026-11-27 (8 new, 5 changed)".
    pub fn describe(&self) -> String {
        let found: Vec<String> = [
            (self.new, "new", "new"),
            (self.gone, "gone", "gone"),
            (self.changed, "changed", "changed"),
            (self.contacts_added, "contact added", "contacts added"),
            (
                self.invitations_added,
                "invitation added",
                "invitations added",
            ),
        ]
        .into_iter()
        .filter(|&(n, ..)| n > 0)
        .map(|(n, one, many)| crate::text::counted(n, one, many))
        .collect();
        let found = match found.is_empty() {
            true => "nothing new".to_string(),
            false => found.join(", "),
        };
        format!("{} ({found})", self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report names files from the folder they share: a .zip's by the archive, a
    /// folder's by their own names, files of two folders from where those part.
    #[test]
    fn files_are_named_from_the_folder_they_share() {
        let shown = |names: &[&str]| {
            let report = ImportReport {
                files: (names.iter())
                    .map(|name| FileReport {
                        name: name.to_string(),
                        kind: FileKind::Connections,
                        rows_read: 1,
                        imported: 1,
                        skipped: 0,
                        skipped_why: BTreeMap::new(),
                        warnings: vec![],
                        columns: vec![],
                        unread_columns: vec![],
                        remembered_map: false,
                    })
                    .collect(),
                ..ImportReport::default()
            };
            let lines = report.lines();
            (lines.iter())
                .filter_map(|l| {
                    l.split_once(": connections")
                        .map(|(name, _)| name.to_string())
                })
                .collect::<Vec<_>>()
        };
        let zip = "/home/you/Downloads/Basic_LinkedInDataExport.zip";
        assert_eq!(
            shown(&[
                &format!("{zip}:Connections.csv"),
                &format!("{zip}:Articles/a.csv")
            ]),
            [
                "Basic_LinkedInDataExport.zip:Connections.csv",
                "Basic_LinkedInDataExport.zip:Articles/a.csv"
            ]
        );
        assert_eq!(
            shown(&["/home/you/export/Connections.csv"]),
            ["Connections.csv"]
        );
        assert_eq!(
            shown(&["/home/you/a/Connections.csv", "/home/you/ab/crm.csv"]),
            ["a/Connections.csv", "ab/crm.csv"]
        );
        assert_eq!(
            shown(&["Connections.csv", "/tmp/crm.csv"]),
            ["Connections.csv", "/tmp/crm.csv"]
        );
        assert_eq!(
            shown(&["C:\\Users\\you\\Connections.csv"]),
            ["Connections.csv"]
        );
    }

    /// An import is named by its files (a .zip by the archive), its day and what it
    /// found; a report it cannot read still names the day.
    #[test]
    fn an_import_is_named_by_its_files_day_and_findings() {
        let on = NaiveDate::from_ymd_opt(2026, 11, 27);
        // As an import stores it (a 2026-11 report, cut short).
        let json = r#"{"new":8,"gone":0,"changed":5,"unchanged":1987,"hidden":2,
            "files":[{"name":"/home/you/Downloads/export.zip:Connections.csv","kind":"connections","rows_read":2000},
                     {"name":"/home/you/Downloads/export.zip:Invitations.csv","kind":"invitations","rows_read":104}],
            "skipped_files":[]}"#;
        assert_eq!(
            ImportRun::from_report(json, on).describe(),
            "the import of export.zip on 2026-11-27 (8 new, 5 changed)"
        );
        let folder = json.replace("export.zip:", "export/");
        assert_eq!(
            ImportRun::from_report(&folder, on).describe(),
            "the import of export/ on 2026-11-27 (8 new, 5 changed)"
        );
        let one_file = json.replace(
            "/home/you/Downloads/export.zip:Invitations.csv",
            "/tmp/x.csv",
        );
        assert_eq!(
            ImportRun::from_report(&one_file, on).describe(),
            "the import of export.zip, x.csv on 2026-11-27 (8 new, 5 changed)"
        );
        assert_eq!(
            ImportRun::from_report("not json", on).describe(),
            "the import on 2026-11-27 (nothing new)"
        );
        // A count of one names one thing.
        let crm = json.replace(
            r#""new":8,"gone":0,"changed":5"#,
            r#""contacts_added":1,"invitations_added":2"#,
        );
        assert_eq!(
            ImportRun::from_report(&crm, on).describe(),
            "the import of export.zip on 2026-11-27 (1 contact added, 2 invitations added)"
        );
        // When it was made, as an import stores it now; a report stored before has none.
        assert_eq!(ImportRun::from_report(json, on).made_at, None);
        let made = json.replace(r#""new":8"#, r#""made_at":"2026-11-27T20:48:02.5","new":8"#);
        assert_eq!(
            ImportRun::from_report(&made, on).made_at,
            NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_milli_opt(20, 48, 2, 500))
        );
    }

    /// The new connections in the audience, said in words for one and for several.
    #[test]
    fn new_connections_in_the_audience_read_as_a_sentence() {
        let line = |new, count| {
            let r = ImportReport {
                new,
                new_in_audience: Some(NewInAudience {
                    threshold: 62.5,
                    count,
                }),
                ..ImportReport::default()
            };
            r.total_line(Total::NewInAudience)
        };
        let score = "(a score of 62.5 or more)";
        assert_eq!(
            line(1, 1),
            format!("the new connection is in your audience {score}")
        );
        assert_eq!(
            line(1, 0),
            format!("the new connection is not in your audience {score}")
        );
        assert_eq!(
            line(3, 1),
            format!("of the 3 new connections, 1 is in your audience {score}")
        );
        assert_eq!(
            line(30, 0),
            format!("of the 30 new connections, 0 are in your audience {score}")
        );
        let r = ImportReport {
            new_in_audience: None,
            new: 3,
            ..ImportReport::default()
        };
        assert!(
            !r.totals().contains(&Total::NewInAudience),
            "without a profile"
        );
    }

    /// The other files of a whole export are summed up in one line per reason, naming a
    /// few, from the folder they share.
    #[test]
    fn skipped_files_are_one_line_per_reason() {
        let skipped = |name: String, reason: &str| SkippedFile {
            name: format!("export/{name}"),
            reason: reason.to_string(),
        };
        let mut files: Vec<SkippedFile> = (1..=8)
            .map(|i| skipped(format!("f{i}.csv"), "not a network file"))
            .collect();
        files.insert(3, skipped("Profile.xlsx".into(), "a spreadsheet"));
        assert_eq!(
            SkippedFile::lines(&files, "export/".len()),
            [
                "skipped 1 file (a spreadsheet): Profile.xlsx",
                "skipped 8 files (not a network file): f1.csv, f2.csv, f3.csv, f4.csv, f5.csv and 3 more"
            ]
        );
    }
}
