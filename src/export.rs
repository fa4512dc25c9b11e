//! CSV writers for curated lists (the README's `export` kinds): contacts (segments), the removal
//! plan and the withdrawal plan. Cells a spreadsheet would run as formulas are
//! neutralised with a leading `'`; files are written whole or not at all (temporary file,
//! then rename), mode 0600, and an existing file is replaced only when asked. A file
//! starts with a UTF-8 byte-order mark, for Excel (see [`Export::write_file`]).
//!
//! Must not: choose which contacts to export (callers filter) or touch the database.

use crate::audience::{Explainer, Profile};
use crate::error::{Error, Result};
use crate::model::{Contact, Invitation};
use crate::network::Network;
use crate::query::AskedAbout;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Contacts,
    /// Only the original Connections.csv columns, for re-use in other tools.
    Linkedin,
    RemovalPlan,
    WithdrawalPlan,
}

impl ExportKind {
    pub const ALL: [ExportKind; 4] = [
        ExportKind::Contacts,
        ExportKind::Linkedin,
        ExportKind::RemovalPlan,
        ExportKind::WithdrawalPlan,
    ];
    pub const NAMES: &'static str = "contacts, linkedin, removal-plan, withdrawal-plan";

    pub fn parse(s: &str) -> Option<ExportKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "contacts" => Some(ExportKind::Contacts),
            "linkedin" => Some(ExportKind::Linkedin),
            "removal-plan" => Some(ExportKind::RemovalPlan),
            "withdrawal-plan" => Some(ExportKind::WithdrawalPlan),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ExportKind::Contacts => "contacts",
            ExportKind::Linkedin => "linkedin",
            ExportKind::RemovalPlan => "removal-plan",
            ExportKind::WithdrawalPlan => "withdrawal-plan",
        }
    }

    /// Whether it is a plan (of removals or withdrawals), whose projection is logged when
    /// it is written.
    pub fn is_plan(self) -> bool {
        matches!(self, ExportKind::RemovalPlan | ExportKind::WithdrawalPlan)
    }

    /// Where, for a plan, its user acts on it on LinkedIn (netcurate never does), said once
    /// it is written; the next export then confirms what was done.
    pub fn where_to_act(self) -> Option<&'static str> {
        match self {
            ExportKind::RemovalPlan => Some(
                "remove each on LinkedIn from its profile (the URL column): More → Remove \
                 connection; the next export finds them gone",
            ),
            ExportKind::WithdrawalPlan => Some(
                "withdraw each on LinkedIn: My Network → Manage invitations → Sent \
                 (https://www.linkedin.com/mynetwork/invitation-manager/sent/); the next \
                 export finds them gone",
            ),
            ExportKind::Contacts | ExportKind::Linkedin => None,
        }
    }

    /// The [`CONTACT_COLUMNS`] a contact list of this kind has unless told otherwise:
    /// Connections.csv's own seven for `linkedin` (what other tools, and netcurate, read
    /// back), then score, seniority, tags and decision for `contacts`.
    pub fn default_columns(self) -> Vec<usize> {
        match self {
            ExportKind::Linkedin => (0..7).collect(),
            _ => (0..11).collect(),
        }
    }

    /// [`ExportKind::default_columns`] for the contacts a filter chose by the events in
    /// `asked`: a contact list then also says what each one's event was — where a job
    /// changer was before and when, the day a connection went or was added.
    pub fn columns_for(self, asked: AskedAbout) -> Vec<usize> {
        let mut columns = self.default_columns();
        if self != ExportKind::Contacts {
            return columns;
        }
        let extra = [
            (asked.job_changes, "Previous Company"),
            (asked.job_changes, "Previous Position"),
            (asked.job_changes, "Job Changed On"),
            (asked.gone, "Gone On"),
            (asked.added, "Added On"),
            (asked.industry, "Industry"),
            (asked.location, "Location"),
        ];
        for (wanted, header) in extra {
            let at = CONTACT_COLUMNS.iter().position(|(h, _)| *h == header);
            columns.extend(at.filter(|_| wanted));
        }
        columns
    }
}

/// The first characters that make a spreadsheet evaluate a cell as a formula.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell needs a leading `'` in an export: a spreadsheet would evaluate it (it
/// starts with one of [`FORMULA_STARTS`]), or it already starts with `'`s before such a
/// character (`'=`), which an import would read without one of them.
pub fn needs_quote_mark(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A cell that [`needs_quote_mark`] gets a leading `'`; the text is kept (and an import
/// takes the `'` off again: [`crate::import::table::field`]).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match needs_quote_mark(cell) {
        true => Cow::Owned(format!("'{cell}")),
        false => Cow::Borrowed(cell),
    }
}

type Getter = fn(&Contact) -> Cow<'_, str>;

/// A day as `YYYY-MM-DD` (the filter language's form, which spreadsheets read as a date),
/// or an empty cell.
fn iso_day(day: Option<NaiveDate>) -> Cow<'static, str> {
    day.map(|d| d.to_string()).unwrap_or_default().into()
}

/// The contacts columns that can be exported, in order: (header, value). The first
/// eleven are the default ([`ExportKind::default_columns`]); the rest are chosen by name
/// (`--columns`).
pub const CONTACT_COLUMNS: [(&str, Getter); 22] = [
    ("First Name", |c| Cow::Borrowed(&c.first_name)),
    ("Last Name", |c| Cow::Borrowed(&c.last_name)),
    ("URL", |c| Cow::Borrowed(&c.url)),
    ("Email Address", |c| Cow::Borrowed(&c.email)),
    ("Company", |c| Cow::Borrowed(&c.company)),
    ("Position", |c| Cow::Borrowed(&c.position)),
    ("Connected On", |c| {
        c.connected_on
            .map(crate::import::dates::day_month_year_text)
            .unwrap_or_default()
            .into()
    }),
    ("Score", |c| {
        c.score.map(|s| s.to_string()).unwrap_or_default().into()
    }),
    ("Seniority", |c| c.seniority.as_str().into()),
    ("Tags", |c| c.tags.join(";").into()),
    ("Decision", |c| c.decision.as_str().into()),
    ("Function", |c| c.function.as_str().into()),
    ("Flags", |c| c.flags.names().join(";").into()),
    ("Previous Company", |c| Cow::Borrowed(&c.previous_company)),
    ("Previous Position", |c| Cow::Borrowed(&c.previous_position)),
    ("Job Changed On", |c| iso_day(c.job_changed_on)),
    ("Gone On", |c| iso_day(c.gone_on)),
    ("Added On", |c| iso_day(c.added_on)),
    ("Last Message On", |c| {
        iso_day(c.last_message_at.map(|at| at.date()))
    }),
    ("Messages", |c| c.message_count.to_string().into()),
    ("Industry", |c| Cow::Borrowed(&c.industry)),
    ("Location", |c| Cow::Borrowed(&c.location)),
];

/// Picks columns by header name (case-insensitive), in the order given.
pub fn choose_columns(names: &str) -> Result<Vec<usize>> {
    names
        .split(',')
        .map(|n| {
            let n = n.trim();
            CONTACT_COLUMNS
                .iter()
                .position(|(h, _)| {
                    h.eq_ignore_ascii_case(n) || h.replace(' ', "_").eq_ignore_ascii_case(n)
                })
                .ok_or_else(|| {
                    let all: Vec<&str> = CONTACT_COLUMNS.iter().map(|(h, _)| *h).collect();
                    Error::Invalid(format!(
                        "unknown column '{n}' (columns: {})",
                        all.join(", ")
                    ))
                })
        })
        .collect()
}

/// A failed CSV write, keeping the system's error as its cause (a reader that went away,
/// `netcurate export -o - | head`, is told apart from a full disk that way).
fn write_error(e: impl Into<csv::Error>) -> Error {
    let e: csv::Error = e.into();
    if !e.is_io_error() {
        return Error::Invalid(format!("writing CSV: {e}"));
    }
    match e.into_kind() {
        csv::ErrorKind::Io(source) => Error::Write(source),
        other => Error::Invalid(format!("writing CSV: {other:?}")),
    }
}

/// One record, each cell neutralised (without copying the cells that need not be).
fn write_row<W: Write, S: AsRef<str>>(
    w: &mut csv::Writer<W>,
    cells: impl IntoIterator<Item = S>,
) -> Result<()> {
    for cell in cells {
        w.write_field(neutralise(cell.as_ref()).as_bytes())
            .map_err(write_error)?;
    }
    // An empty record ends the one the fields were written into.
    w.write_record(None::<&[u8]>).map_err(write_error)
}

/// Writes contacts with the chosen [`CONTACT_COLUMNS`], in that order.
fn write_contacts<W: Write>(
    w: &mut csv::Writer<W>,
    contacts: &[&Contact],
    cols: &[usize],
) -> Result<usize> {
    write_row(w, cols.iter().map(|&i| CONTACT_COLUMNS[i].0))?;
    for c in contacts {
        write_row(w, cols.iter().map(|&i| (CONTACT_COLUMNS[i].1)(c)))?;
    }
    Ok(contacts.len())
}

/// The removal plan: connections decided prune and still in the network (one gone from a
/// later export was removed already), lowest score first, with the reason (the score's
/// explanation, from `audience::explanations`).
fn write_removal_plan<W: Write>(
    w: &mut csv::Writer<W>,
    contacts: &[&Contact],
    profile: Option<&Profile>,
) -> Result<usize> {
    let mut reasons = Explainer::new(profile);
    let mut rows: Vec<&Contact> = contacts
        .iter()
        .copied()
        .filter(|c| c.decision == crate::model::Decision::Prune && c.in_network())
        .collect();
    rows.sort_by_key(|c| (c.score, c.id));
    write_row(
        w,
        [
            "URL",
            "First Name",
            "Last Name",
            "Company",
            "Position",
            "Score",
            "Reason",
            "Done",
        ],
    )?;
    for c in &rows {
        let done = if c.is_gone() {
            "yes (gone in a newer export)"
        } else {
            ""
        };
        let score = c.score.map(|s| s.to_string()).unwrap_or_default();
        write_row(
            w,
            [
                c.url.as_str(),
                c.first_name.as_str(),
                c.last_name.as_str(),
                c.company.as_str(),
                c.position.as_str(),
                score.as_str(),
                reasons.line(c),
                done,
            ],
        )?;
    }
    Ok(rows.len())
}

/// The withdrawal plan: outgoing invitations marked for withdrawal, oldest first.
fn write_withdrawal_plan<W: Write>(w: &mut csv::Writer<W>, network: &Network) -> Result<usize> {
    let mut rows: Vec<&Invitation> = network
        .invitations
        .iter()
        .filter(|i| i.in_withdrawal_plan())
        .collect();
    rows.sort_by_key(|i| (i.sent_at, i.id));
    write_row(w, ["Invitee", "Invitee URL", "Sent At", "Age (days)"])?;
    for i in &rows {
        write_row(
            w,
            &[
                i.to_name.clone(),
                i.invitee_url
                    .as_deref()
                    .map(crate::import::url::key_to_url)
                    .unwrap_or_default(),
                i.sent_at.format("%Y-%m-%d").to_string(),
                i.age_days(network.as_of).to_string(),
            ],
        )?;
    }
    Ok(rows.len())
}

/// One export: its kind and what it lists (the contacts chosen, with `columns` for a
/// contact list; a withdrawal plan lists `network`'s marked invitations).
pub struct Export<'a> {
    pub kind: ExportKind,
    pub contacts: &'a [&'a Contact],
    pub columns: &'a [usize],
    /// The profile whose explanations give a removal plan its reasons.
    pub profile: Option<&'a Profile>,
    pub network: &'a Network,
    /// The character between cells: `,`, or `;` for a spreadsheet whose language lists
    /// with it (Excel in German, French, Dutch…), or a tab ([`delimiter_named`]).
    pub delimiter: u8,
}

/// The delimiter unless told otherwise.
pub const COMMA: u8 = b',';

/// The delimiters an export can use, by the names they are given (`,` `;` `tab`).
pub const DELIMITERS: [(&str, u8); 3] = [(",", COMMA), (";", b';'), ("tab", b'\t')];

/// The delimiter of a file named `path` unless told otherwise: a tab for a `.tsv` or
/// `.tab` file (tab-separated by its name: spreadsheets open it so), else a comma.
pub fn delimiter_for(path: &Path) -> u8 {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let tab_separated = ["tsv", "tab"]
        .iter()
        .any(|t| extension.eq_ignore_ascii_case(t));
    if tab_separated { b'\t' } else { COMMA }
}

/// The delimiter of [`DELIMITERS`] named `name` (a tab typed as itself too).
pub fn delimiter_named(name: &str) -> Result<u8> {
    let name = if name == "\t" { "tab" } else { name.trim() };
    (DELIMITERS.iter())
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, d)| d)
        .ok_or_else(|| Error::Invalid(format!("unknown delimiter '{name}' (',' ';' or 'tab')")))
}

/// The name [`DELIMITERS`] gives `delimiter` (`,` `;` `tab`).
pub fn delimiter_name(delimiter: u8) -> &'static str {
    (DELIMITERS.iter())
        .find(|&&(_, d)| d == delimiter)
        .map_or(",", |&(name, _)| name)
}

/// Splits text such as `out.csv ;` into the path and the delimiter named by its last
/// word, when that word is one of [`DELIMITERS`]' names (or by a `;` right after the
/// path): how the workbench's export prompt is told the delimiter. A delimiter alone
/// leaves no path.
pub fn split_delimiter(text: &str) -> (&str, Option<u8>) {
    let text = text.trim();
    // `out.csv;` too: no one names a file so.
    if let Some(path) = text.strip_suffix(';') {
        return (path.trim_end(), Some(b';'));
    }
    let (path, word) = text.rsplit_once([' ', '\t']).unwrap_or(("", text));
    match delimiter_named(word) {
        Ok(d) => (path.trim_end(), Some(d)),
        Err(_) => (text, None),
    }
}

/// The UTF-8 byte-order mark: Excel reads a CSV file without it in the system's legacy
/// code page (René as RenÃ©), and saving it then keeps the damage.
pub const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

impl Export<'_> {
    /// Writes the CSV to `w`; the rows written (contacts or invitations).
    pub fn write_to(&self, out: &mut dyn Write) -> Result<usize> {
        let w = &mut csv::WriterBuilder::new()
            .delimiter(self.delimiter)
            .from_writer(out);
        let rows = match self.kind {
            ExportKind::Contacts | ExportKind::Linkedin => {
                write_contacts(w, self.contacts, self.columns)
            }
            ExportKind::RemovalPlan => write_removal_plan(w, self.contacts, self.profile),
            ExportKind::WithdrawalPlan => write_withdrawal_plan(w, self.network),
        }?;
        w.flush().map_err(write_error)?;
        Ok(rows)
    }

    /// Writes the CSV into the file at `path` ([`write_atomic`]), starting with the
    /// [`BYTE_ORDER_MARK`] when `mark` and unless it is a `linkedin` export (a copy of
    /// LinkedIn's own file, which has none); the rows written.
    pub fn write_file(&self, path: &Path, force: bool, mark: bool) -> Result<usize> {
        write_atomic(path, force, |w| {
            if mark && self.kind != ExportKind::Linkedin {
                w.write_all(BYTE_ORDER_MARK).map_err(Error::Write)?;
            }
            self.write_to(w)
        })
    }
}

/// The file an export of `kind` writes when asked for `path`: `path` itself, or, when it
/// is a folder (`-o ~/Desktop`), the [`file_name`] for `kind`, `name` and the day in it.
/// A folder used to be refused as a file that exists, and `--force` then failed with "Is
/// a directory".
pub fn file_for<'a>(
    path: &'a Path,
    kind: ExportKind,
    name: &str,
    as_of: NaiveDate,
) -> Cow<'a, Path> {
    match path.is_dir() {
        true => path.join(file_name(kind, name, as_of)).into(),
        false => path.into(),
    }
}

/// The name of an export's file: `netcurate-<name>-<day>.csv`, a plan's name its kind
/// (`netcurate-removal-plan-2026-11-27.csv`), contacts' the [`slug`] of `name`, what
/// chose them — a segment's name, a tag, a filter — (`netcurate-vp-hooli-…`), else the
/// kind's (`netcurate-contacts-…`). Exports of several segments into one folder then
/// each have their own file.
pub fn file_name(kind: ExportKind, name: &str, as_of: NaiveDate) -> String {
    let slug = slug(name);
    let name = match kind {
        ExportKind::RemovalPlan | ExportKind::WithdrawalPlan => kind.as_str(),
        _ if slug.is_empty() => kind.as_str(),
        _ => &slug,
    };
    format!("netcurate-{name}-{as_of}.csv")
}

/// `text` as a file name's word: its letters and digits, lowercased, the runs of anything
/// else one '-' (`seniority:>=vp company:"blue sun"` → `seniority-vp-company-blue-sun`), at
/// most 40 characters.
pub fn slug(text: &str) -> String {
    let lowered = text.chars().map(|c| match c.is_alphanumeric() {
        true => c.to_lowercase().next().unwrap_or(c),
        false => '-',
    });
    let words: String = lowered.collect();
    let words: Vec<&str> = words.split('-').filter(|w| !w.is_empty()).collect();
    let slug: String = words.join("-").chars().take(40).collect();
    slug.trim_end_matches('-').to_string()
}

/// Writes a file whole or not at all: into a temporary file beside it (mode 0600), then
/// renamed over the target. Refuses to replace an existing file unless `force`.
pub fn write_atomic<T>(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    if path.exists() && !force {
        return Err(Error::Invalid(format!(
            "{} exists; use --force to replace it",
            path.display()
        )));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !dir.is_dir() {
        return Err(Error::file(
            &path.display().to_string(),
            format!("cannot write: the folder {} does not exist", dir.display()),
        ));
    }
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    // Errors name the file asked for: the temporary one is an inner detail.
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&tmp).map_err(|e| Error::io(path, e))?;
        let mut buf = std::io::BufWriter::new(file);
        let value = write(&mut buf).map_err(|e| match e {
            Error::Write(source) => Error::io(path, source),
            other => other,
        })?;
        let file = buf
            .into_inner()
            .map_err(|e| Error::io(path, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(path, e))?;
        std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e))?;
        Ok(value)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A contacts export chosen by what a contact CSV told (`industry:`, `location:`) has
    /// those columns after the usual ones; a plan, or a filter on other things, does not.
    #[test]
    fn an_export_filtered_by_location_or_industry_has_those_columns() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).expect("day");
        let headers = |kind: ExportKind, filter: &str| -> Vec<&str> {
            let asked = crate::query::Query::parse(filter, day)
                .expect("query")
                .asks_about();
            let columns = kind.columns_for(asked);
            let extra = &columns[kind.default_columns().len()..];
            extra.iter().map(|&i| CONTACT_COLUMNS[i].0).collect()
        };
        let contacts = ExportKind::Contacts;
        assert_eq!(headers(contacts, "location:berlin"), ["Location"]);
        assert_eq!(
            headers(contacts, "industry:soft location:berlin"),
            ["Industry", "Location"]
        );
        assert!(headers(contacts, "-location:berlin company:acme").is_empty());
        assert!(headers(ExportKind::RemovalPlan, "location:berlin").is_empty());
    }

    /// A file is named for what chose its contacts, in lowercase words joined by '-', no
    /// longer than 40 characters and never ending in '-'; a plan for its kind.
    #[test]
    fn an_exports_file_is_named_for_what_chose_it() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).expect("day");
        for (kind, text, file) in [
            (
                ExportKind::Contacts,
                "seniority:>=vp company:\"Blue Sun\"",
                "netcurate-seniority-vp-company-blue-sun-2026-11-01.csv",
            ),
            (
                ExportKind::Contacts,
                "#Zoë's list",
                "netcurate-zoë-s-list-2026-11-01.csv",
            ),
            (
                ExportKind::Contacts,
                " :: ",
                "netcurate-contacts-2026-11-01.csv",
            ),
            (
                ExportKind::Linkedin,
                "",
                "netcurate-linkedin-2026-11-01.csv",
            ),
            (
                ExportKind::RemovalPlan,
                "score:<20",
                "netcurate-removal-plan-2026-11-01.csv",
            ),
        ] {
            assert_eq!(file_name(kind, text, day), file, "{kind:?} {text}");
        }
        let long = slug("company:abcdefghijklmnopqrstuvwxyz title:head");
        assert_eq!(long, "company-abcdefghijklmnopqrstuvwxyz-title");
        let cut = slug(&format!("{} tail", "a".repeat(39)));
        assert_eq!(cut, "a".repeat(39), "no '-' left at the end");
    }

    #[test]
    fn formula_cells_are_prefixed_and_kept() {
        for s in ["=SUM(A1)", "+1", "-2", "@x", "\tcmd", "\rx"] {
            let n = neutralise(s);
            assert!(n.starts_with('\''), "{s:?}");
            assert!(n.ends_with(&s[1..]));
        }
        assert_eq!(neutralise("Acme"), "Acme");
        assert_eq!(neutralise("'Tis"), "'Tis");
        // What an import reads back is the text itself, an apostrophe before a formula's
        // first character included.
        for s in ["=SUM(A1)", "'=SUM(A1)", "''+1", "'Tis", "-", "'"] {
            let record = csv::StringRecord::from(vec![neutralise(s).into_owned()]);
            assert_eq!(crate::import::table::field(&record, Some(0)), s);
        }
    }

    /// The export prompt's last word names the delimiter only after a path, and only when
    /// it is one; each name reads back as the delimiter it names.
    #[test]
    fn a_delimiter_is_told_by_the_last_word_after_a_path() {
        assert_eq!(split_delimiter("out.csv ;"), ("out.csv", Some(b';')));
        assert_eq!(split_delimiter("out.csv;"), ("out.csv", Some(b';')));
        assert_eq!(
            split_delimiter(" ~/a b.csv   tab "),
            ("~/a b.csv", Some(b'\t'))
        );
        assert_eq!(split_delimiter("out.csv ,"), ("out.csv", Some(COMMA)));
        assert_eq!(split_delimiter("my list.csv"), ("my list.csv", None));
        // A delimiter alone names no file.
        assert_eq!(split_delimiter(";"), ("", Some(b';')));
        assert_eq!(split_delimiter(" tab"), ("", Some(b'\t')));
        assert_eq!(split_delimiter("out.csv"), ("out.csv", None));
        for (name, d) in DELIMITERS {
            assert_eq!(delimiter_name(d), name);
            assert_eq!(delimiter_named(delimiter_name(d)).ok(), Some(d));
        }
    }
}
