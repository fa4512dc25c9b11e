//! Reading LinkedIn exports and other contact CSVs: files, folders and the export
//! `.zip`. Every file is recognised by its header, decoded, parsed and counted; the
//! result is an [`ImportBatch`] that the store applies in one transaction.
//!
//! Must not: write anything. A batch is built whole or the import fails with the file,
//! line and reason, so nothing partial ever reaches the database.

pub mod dates;
pub mod encoding;
pub mod fields;
pub mod messages;
pub mod rows;
pub mod spreadsheet;
pub mod table;
pub mod url;

use crate::error::{Error, Result};
pub use fields::{ColumnMap, Field, Mappings, RememberedMap};
use rows::{ParsedFile, parse_table};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
pub use table::FileKind;

/// One file's bytes, named as the user would recognise it: a file given by name, or one
/// found in a folder or archive that holds the header of a LinkedIn export file (the
/// others are passed over by their first bytes, `pass_over_by_head`).
pub struct SourceFile {
    pub name: String,
    pub bytes: Vec<u8>,
    /// The archive it came out of, else the folder it is in: the files of one origin
    /// are one export.
    pub origin: String,
}

/// A file that was looked at and passed over, with the reason.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SkippedFile {
    pub name: String,
    pub reason: String,
}

impl SkippedFile {
    /// One line per reason, not per file (a whole export holds dozens of other files):
    /// "skipped 3 files (not a network file): a.csv, b.csv, c.csv", naming at most
    /// [`crate::text::A_FEW`], each name without its first `folder` bytes (the folder
    /// they share).
    pub fn lines(skipped: &[SkippedFile], folder: usize) -> Vec<String> {
        let mut by_reason: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
        for f in skipped {
            let name = f.name.get(folder..).unwrap_or(&f.name);
            by_reason.entry(&f.reason).or_default().push(name);
        }
        (by_reason.into_iter())
            .map(|(reason, names)| {
                let files = crate::text::counted(names.len() as u64, "file", "files");
                format!("skipped {files} ({reason}): {}", crate::text::a_few(&names))
            })
            .collect()
    }
}

/// How far an import has come (0.0–1.0 over reading, merging and scoring), for a
/// progress bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub stage: &'static str,
    pub fraction: f64,
    /// While a pipe is read (`netcurate import -`), whose size is known only at its end:
    /// the bytes read so far (the fraction stands still meanwhile).
    pub read_bytes: Option<u64>,
}

impl Progress {
    /// `fraction` of the way, at `stage`.
    pub fn at(stage: &'static str, fraction: f64) -> Progress {
        Progress {
            stage,
            fraction,
            read_bytes: None,
        }
    }
}

/// Everything one import will apply.
#[derive(Debug, Default)]
pub struct ImportBatch {
    pub files: Vec<ParsedFile>,
    pub skipped_files: Vec<SkippedFile>,
    /// The given map (`--map`) as each file used it, to read files with the same header
    /// alike next time.
    pub maps_to_remember: Vec<RememberedMap>,
    /// Where next week's export will be: the folder this one was downloaded to (for a
    /// folder given with no export files of its own, such as Downloads, that folder).
    pub folder: Option<PathBuf>,
    /// Import even a full export that would mark gone connections it gives no sign were
    /// removed ([`crate::Error::doubts_gone`]): the connections it leaves out are marked gone.
    pub allow_gone: bool,
}

impl ImportBatch {
    /// Reads every path (file, folder or `.zip`) into a batch, or fails on the first bad
    /// network file.
    pub fn read(paths: &[PathBuf]) -> Result<ImportBatch> {
        ImportBatch::read_with(paths, &Mappings::default(), &mut |_| {})
    }

    /// [`ImportBatch::read`] with the user's names for columns (`mappings`), reporting
    /// progress (0.0–0.4 of the whole import) per file. A column of the given map that no
    /// file has is an error: its field would silently stay empty.
    pub fn read_with(
        paths: &[PathBuf],
        mappings: &Mappings<'_>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ImportBatch> {
        let mut batch = ImportBatch::default();
        for (p, path) in paths.iter().enumerate() {
            let share = 0.4 / paths.len() as f64;
            let mut show = |within: f64, read_bytes: Option<u64>| {
                progress(Progress {
                    read_bytes,
                    ..Progress::at("reading", share * (p as f64 + within))
                })
            };
            show(0.0, None);
            // The first half of a path's share is reading its files, the second parsing them.
            let sources = {
                let mut meter = Meter::new(|reading| match reading {
                    Reading::Share(read) => show(read / 2.0, None),
                    Reading::Bytes(bytes) => show(0.0, Some(bytes)),
                });
                let sources = gather(path, &mut batch.skipped_files, &mut meter)?;
                meter.finish();
                sources
            };
            let mut parsing = |parsed: f64| show(0.5 + parsed / 2.0, None);
            for parsed in parse_sources(&sources, mappings, &mut parsing) {
                batch.files.push(parsed?);
            }
        }
        if batch.files.is_empty() {
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            // What was passed over, and why, in the same words as a report's.
            let mut why = vec!["no Connections, Invitations, messages or contact CSV found".into()];
            why.extend(SkippedFile::lines(&batch.skipped_files, 0));
            return Err(Error::file(&names.join(", "), why.join("; ")));
        }
        batch.keep_newest_export();
        batch.check_mapped(mappings.given)?;
        batch.folder = (paths.first()).and_then(|p| next_exports_folder(p, &batch.files));
        // What a file was read with, when the user gave a map this time.
        if !mappings.given.is_empty() {
            batch.maps_to_remember = (batch.files.iter())
                .filter(|f| !f.map.is_empty())
                .map(|f| RememberedMap {
                    header: f
                        .header
                        .iter()
                        .map(|h| fields::normalise_header(h))
                        .collect(),
                    map: f.map.clone(),
                })
                .collect();
        }
        Ok(batch)
    }

    /// Fails on the first of `map`'s columns that no file has, naming the files read
    /// (and a single file's columns).
    fn check_mapped(&self, map: &ColumnMap) -> Result<()> {
        let Some(unused) =
            (map.mappings().iter()).find(|m| !(self.files.iter()).any(|f| f.map.maps(m.field)))
        else {
            return Ok(());
        };
        let names: Vec<&str> = self.files.iter().map(|f| f.name.as_str()).collect();
        let columns = match self.files.as_slice() {
            [only] => format!(" (its columns: {})", only.header.join(", ")),
            _ => String::new(),
        };
        let headers = self.files.iter().flat_map(|f| f.header.iter());
        let near = crate::error::did_you_mean(&unused.column, headers.map(String::as_str));
        Err(Error::Invalid(format!(
            "--map {}: no column \"{}\"{near} in {}{columns}",
            unused.spec(),
            unused.column,
            names.join(", ")
        )))
    }

    /// Of several exports of the same network in one batch (a Downloads folder holding
    /// this week's export and last month's, or an export beside its unzipped copy), only
    /// the newest is imported: its Connections file, and the other export files of its
    /// origin. The older ones' files are passed over, named in the report: merged with
    /// the newest, an older export's connections would hide its removals and job changes.
    /// Connections files of another network (few names in common) are all imported.
    fn keep_newest_export(&mut self) {
        let full: Vec<usize> = (0..self.files.len())
            .filter(|&i| self.files[i].full_network)
            .collect();
        if full.len() < 2 {
            return;
        }
        let Some(&newest) =
            (full.iter()).max_by_key(|&&i| (self.files[i].covers_until(), std::cmp::Reverse(i)))
        else {
            return;
        };
        let names = self.files[newest].connection_names();
        let older: Vec<usize> = (full.iter().copied())
            .filter(|&i| i != newest && self.files[i].mostly_listed_in(&names))
            .collect();
        if older.is_empty() {
            return;
        }
        let origin = self.files[newest].origin.clone();
        let older_origins: Vec<String> = (older.iter())
            .map(|&i| self.files[i].origin.clone())
            .filter(|o| *o != origin)
            .collect();
        let reason =
            format!("another export of the same network; only the newest, {origin}, is imported");
        for (i, file) in std::mem::take(&mut self.files).into_iter().enumerate() {
            let of_older_export = file.kind != FileKind::Contacts
                && !file.full_network
                && older_origins.contains(&file.origin);
            if older.contains(&i) || of_older_export {
                self.skipped_files.push(SkippedFile {
                    name: file.name,
                    reason: reason.clone(),
                });
            } else {
                self.files.push(file);
            }
        }
    }

    /// Whether the batch holds a full LinkedIn Connections export (which makes absent
    /// connections *gone*).
    pub fn has_full_network(&self) -> bool {
        self.files.iter().any(|f| f.full_network)
    }
}

/// The newest LinkedIn export in `dir`, by the date LinkedIn puts in its name: an
/// archive (`Basic_LinkedInDataExport_11-25-2026.zip`) or its unzipped folder, the
/// archive when both are there. None when `dir` holds none (or cannot be read).
pub fn newest_export_in(dir: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(dir).ok()?;
    (entries.filter_map(|e| e.ok()))
        .filter_map(|e| {
            let path = e.path();
            let date = rows::export_date(&path.display().to_string())?;
            let archive = is_zip_name(&path) && path.is_file();
            (archive || path.is_dir()).then_some(((date, archive), path))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
        .map(|(_, path)| path)
}

fn is_zip_name(path: &Path) -> bool {
    (path.extension()).is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// Where next week's export will be, from the first path read (`first`): the folder
/// holding it (an export's archive, a file, or an unzipped export folder named as
/// LinkedIn names it) — else, for a folder (Downloads, holding the exports' archives and
/// unzipped folders, or a renamed export folder), that folder itself: the folder above
/// it could be the home folder, whose every file the next import would look at.
fn next_exports_folder(first: &Path, files: &[ParsedFile]) -> Option<PathBuf> {
    let canonical = dunce::canonicalize(first).ok()?;
    let unzipped_export = rows::export_date(&first.display().to_string()).is_some()
        && (files.iter()).any(|f| Path::new(&f.origin) == first);
    match canonical.is_dir() && !unzipped_export {
        true => Some(canonical),
        false => canonical.parent().map(Path::to_path_buf),
    }
}

/// Parses sources side by side (an export's Connections and Invitations files are
/// independent), returning the results in the sources' order. Meanwhile this thread tells
/// `progress` the share of the sources' bytes read so far (a large messages.csv takes
/// seconds).
fn parse_sources(
    sources: &[SourceFile],
    mappings: &Mappings<'_>,
    progress: &mut dyn FnMut(f64),
) -> Vec<Result<ParsedFile>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(sources.len());
    // Largest first, so that the big file does not start last.
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sources[i].bytes.len()));
    let next = AtomicUsize::new(0);
    let bytes_read: Vec<AtomicU64> = sources.iter().map(|_| AtomicU64::new(0)).collect();
    let size = |s: &SourceFile| s.bytes.len() as u64;
    let total = sources.iter().map(size).sum::<u64>().max(1);
    let read_so_far = || -> u64 {
        (bytes_read.iter().zip(sources))
            .map(|(read, s)| read.load(Ordering::Relaxed).min(size(s)))
            .sum()
    };
    let (finished, ended) = std::sync::mpsc::channel::<()>();
    let mut results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let finished = finished.clone();
                let (order, next, bytes_read) = (&order, &next, &bytes_read[..]);
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&i) = order.get(k) else { break };
                        let parsed = parse_source_counted(&sources[i], mappings, &bytes_read[i]);
                        done.push((i, parsed));
                    }
                    let _ = finished.send(());
                    done
                })
            })
            .collect();
        // Only the workers hold the channel now: one that panics (and never says it is
        // done) leaves it once the others are done, and the wait ends.
        drop(finished);
        let mut running = handles.len();
        while running > 0 {
            match ended.recv_timeout(PROGRESS_EVERY) {
                Ok(()) => running -= 1,
                Err(RecvTimeoutError::Timeout) => {}
                // A worker that panicked: its join below carries the panic on.
                Err(RecvTimeoutError::Disconnected) => break,
            }
            progress(read_so_far() as f64 / total as f64);
        }
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// How often a progress bar is told how far parsing has come.
const PROGRESS_EVERY: std::time::Duration = std::time::Duration::from_millis(50);

/// Why a file in a folder or archive that is not text is passed over.
const NOT_TEXT: &str = "not a CSV text file";
/// Why a link to a folder, inside a folder, is passed over.
const LINKED_FOLDER: &str = "a link to a folder (not followed)";
/// Why a file in a folder or archive that holds no known header is passed over.
const NOT_NETWORK_FILE: &str = "not a network file";
/// Why a contact list in a folder or archive is passed over.
const LIST_IN_CONTAINER: &str = "a contact list, not a LinkedIn export file: name it to import it";

/// Parses one source, reading the columns `mappings` name as their fields.
pub fn parse_source(source: &SourceFile, mappings: &Mappings<'_>) -> Result<ParsedFile> {
    parse_source_counted(source, mappings, &AtomicU64::new(0))
}

/// [`parse_source`], counting in `bytes_read` how much of it is read as it goes (the
/// decoded text's bytes, which a re-read counts again: a watcher caps it at the source's
/// size) and, at the end, the source's size.
fn parse_source_counted(
    source: &SourceFile,
    mappings: &Mappings<'_>,
    bytes_read: &AtomicU64,
) -> Result<ParsedFile> {
    let parsed = (|| {
        let decoded = encoding::decode(&source.name, &source.bytes)?;
        let Some(mut table) = table::Table::find(&source.name, &decoded.text, mappings) else {
            return Err(Error::file(&source.name, unrecognised(&decoded.text)));
        };
        table.bytes_read = Some(bytes_read);
        let mut parsed = parse_table(&table)?;
        parsed.warnings.extend(decoded.warning);
        parsed.origin.clone_from(&source.origin);
        Ok(parsed)
    })();
    bytes_read.store(source.bytes.len() as u64, Ordering::Relaxed);
    parsed
}

/// Why a file given by name is not read: what its first line holds, and how to name the
/// columns of a contact CSV whose headers netcurate does not know.
fn unrecognised(text: &str) -> String {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let first = match first.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", &first[..cut]),
        None => first.to_string(),
    };
    format!(
        "not a file netcurate reads: no Connections, Invitations, messages or contact header in its first lines (the first is \"{first}\"); for contacts under other column names, say which column is which once: `netcurate import FILE --map FIELD=COLUMN`, e.g. `--map position=\"Job Role\"` (fields: {})",
        Field::names()
    )
}

/// Expands a path into source files: a file, every file below a folder, or the entries
/// of a `.zip` archive (recognised by content).
pub fn gather(
    path: &Path,
    skipped: &mut Vec<SkippedFile>,
    meter: &mut Meter<'_>,
) -> Result<Vec<SourceFile>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        meter.expect(bytes_below(path));
        let mut files = Vec::new();
        gather_dir(path, &mut files, skipped, meter)?;
        return Ok(files);
    }
    meter.expect(meta.len());
    let name = path.display().to_string();
    let (file, head) = read_head(path, encoding::HEAD_BYTES)?;
    if let Some(why) = spreadsheet::by_head(&head) {
        return Err(Error::file(&name, why));
    }
    if is_zip(&head) && meta.is_file() {
        return read_zip_file(path, Named::Yes, skipped, meter);
    }
    let bytes = read_rest(path, file, head, meter)?;
    if is_zip(&bytes) {
        // A pipe's archive (`<(…)` in a shell) cannot be read entry by entry from the file.
        let archive = std::io::Cursor::new(bytes);
        return read_zip(&name, archive, Named::Yes, skipped, meter);
    }
    Ok(vec![SourceFile {
        name,
        bytes,
        origin: folder_of(path),
    }])
}

fn gather_dir(
    dir: &Path,
    files: &mut Vec<SourceFile>,
    skipped: &mut Vec<SkippedFile>,
    meter: &mut Meter<'_>,
) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            // A link to a folder may lead back up (to the folder itself, or home): it is
            // not followed.
            let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            match link {
                true => skipped.push(SkippedFile {
                    name: path.display().to_string(),
                    reason: LINKED_FOLDER.to_string(),
                }),
                false => gather_dir(&path, files, skipped, meter)?,
            }
            continue;
        }
        let name = path.display().to_string();
        let (file, head) = read_head(&path, CONTAINER_HEAD_BYTES)?;
        if is_zip(&head) {
            files.extend(read_zip_file(&path, Named::No, skipped, meter)?);
        } else if let Some(reason) = pass_over_by_head(&name, &head) {
            meter.read(file.metadata().map_or(0, |m| m.len()));
            skipped.push(SkippedFile {
                name,
                reason: reason.to_string(),
            });
        } else {
            files.push(SourceFile {
                name,
                bytes: read_rest(&path, file, head, meter)?,
                origin: folder_of(&path),
            });
        }
    }
    Ok(())
}

/// How much of a file in a folder or archive is read to tell whether it is one of
/// LinkedIn's export files: room for the `Notes:` preamble and the header, even in UTF-16.
const CONTAINER_HEAD_BYTES: usize = 64 * 1024;

/// Why a file found in a folder or archive is passed over, told from its first bytes
/// alone (a folder may hold large files of anything: videos, disk images, datasets):
/// `None` when they hold the header of one of LinkedIn's export files, which is then read
/// whole. Only those are read from a folder or archive: a contact list (a CRM file, or a
/// netcurate export, whose tags it would bring back) is imported when named, not because
/// it lies beside an export.
fn pass_over_by_head(name: &str, head: &[u8]) -> Option<&'static str> {
    if let Some(why) = spreadsheet::by_head(head) {
        return Some(why);
    }
    if !encoding::looks_like_text(head) {
        return Some(NOT_TEXT);
    }
    let Ok(decoded) = encoding::decode(name, head) else {
        return Some(NOT_TEXT);
    };
    match table::Table::find(name, &decoded.text, &Mappings::default()) {
        None => Some(NOT_NETWORK_FILE),
        Some(table) if table.is_contact_list() => Some(LIST_IN_CONTAINER),
        Some(_) => None,
    }
}

/// The folder holding `path`, as the user would name it (`.` for a bare file name).
fn folder_of(path: &Path) -> String {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => folder.display().to_string(),
        None => ".".to_string(),
    }
}

/// The first `bytes` of the file at `path` (fewer when it is shorter), and the file to
/// read the rest from ([`read_rest`]): a file is opened once, since a pipe (`<(…)` in a
/// shell, a FIFO) opened again would have lost its head, or wait for ever.
fn read_head(path: &Path, bytes: usize) -> Result<(std::fs::File, Vec<u8>)> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut head = Vec::with_capacity(bytes);
    (&mut file)
        .take(bytes as u64)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(path, e))?;
    Ok((file, head))
}

/// The whole file: its `head` ([`read_head`]) and the rest of `file`, told to `meter`.
fn read_rest(
    path: &Path,
    file: std::fs::File,
    mut head: Vec<u8>,
    meter: &mut Meter<'_>,
) -> Result<Vec<u8>> {
    if let Ok(meta) = file.metadata() {
        head.reserve((meta.len() as usize).saturating_sub(head.len()));
    }
    meter.read(head.len() as u64);
    read_metered(file, &mut head, meter, 1.0).map_err(|e| Error::io(path, e))?;
    Ok(head)
}

/// Reads `reader` to its end into `data`, telling `meter` as it goes (a large file or
/// archive entry takes seconds from a slow disk), each byte as `scale` bytes on disk (an
/// archive entry's compressed share).
fn read_metered(
    mut reader: impl Read,
    data: &mut Vec<u8>,
    meter: &mut Meter<'_>,
    scale: f64,
) -> std::io::Result<()> {
    loop {
        let before = data.len();
        let n = (&mut reader).take(METERED_CHUNK).read_to_end(data)?;
        meter.read(((data.len() - before) as f64 * scale) as u64);
        if n == 0 {
            return Ok(());
        }
    }
}

/// The bytes of the files below `dir`, not following links to folders (nor does
/// [`gather_dir`]): what reading a folder may read. A pipe or a link to a file is not
/// counted here: its bytes may run past the whole, which a [`Meter`] caps.
fn bytes_below(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    (entries.filter_map(|e| e.ok()))
        .map(|e| match (e.file_type(), e.metadata()) {
            (Ok(t), _) if t.is_dir() => bytes_below(&e.path()),
            (Ok(t), Ok(m)) if t.is_file() => m.len(),
            _ => 0,
        })
        .sum()
}

/// How much is read between two reports to a [`Meter`].
const METERED_CHUNK: u64 = 1 << 20;

/// How far the reading of an import's files has come: the bytes on disk read (or passed
/// over) of those the path holds, reported as a share that never goes back; or, for a
/// pipe, whose size is known only at its end, the bytes read so far.
pub struct Meter<'a> {
    report: Box<dyn FnMut(Reading) + 'a>,
    read: u64,
    expected: u64,
    shown: f64,
}

impl<'a> Meter<'a> {
    pub fn new(report: impl FnMut(Reading) + 'a) -> Meter<'a> {
        Meter {
            report: Box::new(report),
            read: 0,
            expected: 0,
            shown: 0.0,
        }
    }

    /// `bytes` more may be read.
    fn expect(&mut self, bytes: u64) {
        self.expected += bytes;
    }

    /// Reading is over, whatever was expected (an archive's own headers are never read
    /// as an entry).
    fn finish(&mut self) {
        if self.shown < 1.0 {
            self.shown = 1.0;
            (self.report)(Reading::Share(1.0));
        }
    }

    /// `bytes` more were read (or passed over).
    fn read(&mut self, bytes: u64) {
        self.read += bytes;
        if self.expected == 0 {
            if bytes > 0 {
                (self.report)(Reading::Bytes(self.read));
            }
            return;
        }
        let share = (self.read as f64 / self.expected as f64).min(1.0);
        if share > self.shown {
            self.shown = share;
            (self.report)(Reading::Share(share));
        }
    }
}

/// What a [`Meter`] reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// The share read of what the files hold (0.0–1.0).
    Share(f64),
    /// The bytes read so far of a pipe, whose size is known only at its end.
    Bytes(u64),
}

/// A `.zip` archive by its first bytes: a local file header, or the end of the central
/// directory (an archive with nothing in it).
fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Largest archive entry read, so that a hostile archive cannot exhaust memory.
const MAX_ENTRY_BYTES: u64 = 2 << 30;

/// Whether the user named an archive, or it was found in a folder: a spreadsheet document
/// (a zip archive of its parts) named is refused, as any file named that netcurate cannot
/// read; found beside an export, it is passed over.
#[derive(Clone, Copy, PartialEq)]
enum Named {
    Yes,
    No,
}

/// The entries of the archive at `path` that can be text ([`read_zip`]).
fn read_zip_file(
    path: &Path,
    named: Named,
    skipped: &mut Vec<SkippedFile>,
    meter: &mut Meter<'_>,
) -> Result<Vec<SourceFile>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let name = path.display().to_string();
    read_zip(&name, std::io::BufReader::new(file), named, skipped, meter)
}

/// How a file read out of an archive is named: the archive, `:`, the file's path in it
/// (`~/Downloads/export.zip:Connections.csv`).
fn entry_name(archive: &str, entry: &str) -> String {
    format!("{archive}:{entry}")
}

/// The `.zip` archive a file named by `entry_name` came out of (`…/export.zip`), else
/// the name itself (a file read on its own, or out of a folder).
pub fn archive_of(name: &str) -> &str {
    match name.find(".zip:") {
        Some(at) => &name[..at + ".zip".len()],
        None => name,
    }
}

/// What to do about an archive that cannot be read: most often a download that stopped.
const DOWNLOAD_AGAIN: &str = "the archive is cut short or damaged; download the export again";

/// The entries of archive `name`, each read whole only once its first bytes hold the
/// header of a LinkedIn export file ([`pass_over_by_head`]), and the archive itself never
/// read whole: a folder may hold large archives of anything (the workbench's import
/// prompt starts in Downloads).
fn read_zip(
    name: &str,
    archive: impl Read + std::io::Seek,
    named: Named,
    skipped: &mut Vec<SkippedFile>,
    meter: &mut Meter<'_>,
) -> Result<Vec<SourceFile>> {
    let bad = |e: zip::result::ZipError| {
        Error::file(
            name,
            format!("unreadable .zip archive ({e}): {DOWNLOAD_AGAIN}"),
        )
    };
    let mut archive = zip::ZipArchive::new(archive).map_err(bad)?;
    if let Some(why) = spreadsheet::by_entries(archive.file_names()) {
        if named == Named::Yes {
            return Err(Error::file(name, why));
        }
        skipped.push(SkippedFile {
            name: name.to_string(),
            reason: why.to_string(),
        });
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(bad)?;
        if entry.is_dir() {
            continue;
        }
        // Progress counts the archive's bytes: an entry's compressed ones.
        let on_disk = entry.compressed_size();
        let scale = on_disk as f64 / entry.size().max(1) as f64;
        let entry_name = entry_name(name, entry.name());
        if entry.size() > MAX_ENTRY_BYTES {
            meter.read(on_disk);
            skipped.push(SkippedFile {
                name: entry_name,
                reason: "larger than 2 GiB".to_string(),
            });
            continue;
        }
        let cannot = |e: std::io::Error| {
            Error::file(
                &entry_name,
                format!("cannot extract it ({e}): {DOWNLOAD_AGAIN}"),
            )
        };
        let mut data = Vec::new();
        (&mut entry)
            .take(CONTAINER_HEAD_BYTES as u64)
            .read_to_end(&mut data)
            .map_err(cannot)?;
        if let Some(reason) = pass_over_by_head(&entry_name, &data) {
            meter.read(on_disk);
            skipped.push(SkippedFile {
                name: entry_name,
                reason: reason.to_string(),
            });
            continue;
        }
        meter.read((data.len() as f64 * scale) as u64);
        data.reserve((entry.size() as usize).saturating_sub(data.len()));
        read_metered(&mut entry, &mut data, meter, scale).map_err(cannot)?;
        files.push(SourceFile {
            name: entry_name,
            bytes: data,
            origin: name.to_string(),
        });
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::{self, Style};

    /// Reading tells how far it has come: a table counts the bytes of the records read
    /// while it reads, and the sources' reader ends at the whole, never going back.
    #[test]
    fn reading_reports_its_progress() {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let people = synth::people(5, 10_000, (100, 100, 300), 0, as_of);
        let bytes = synth::connections_csv(&people, Style::Y2026);
        let text = std::str::from_utf8(&bytes).expect("utf-8");
        let mut table = table::Table::find("c.csv", text, &Mappings::default()).expect("header");
        let counter = AtomicU64::new(0);
        table.bytes_read = Some(&counter);
        let mut midway = None;
        table
            .for_each_record(|line, _| {
                if line == 5_000 {
                    midway = Some(counter.load(Ordering::Relaxed));
                }
                Ok(())
            })
            .expect("read");
        let midway = midway.expect("line 5000");
        let whole = counter.load(Ordering::Relaxed);
        assert!(
            whole >= text.len() as u64 * 9 / 10,
            "{whole} of {}",
            text.len()
        );
        assert!(
            midway > whole / 4 && midway < whole * 3 / 4,
            "{midway} of {whole}"
        );

        let source = |name: &str, bytes: Vec<u8>| SourceFile {
            name: name.to_string(),
            bytes,
            origin: ".".to_string(),
        };
        let invitations = synth::invitations(5, &people[..50], &[3, 30], 3, as_of);
        let sources = [
            source("Connections.csv", bytes.clone()),
            source("Invitations.csv", synth::invitations_csv(&invitations)),
        ];
        let mut told = vec![];
        let parsed = parse_sources(&sources, &Mappings::default(), &mut |f| told.push(f));
        assert!(parsed.iter().all(Result::is_ok));
        assert_eq!(told.last(), Some(&1.0), "{told:?}");
        assert!(told.windows(2).all(|w| w[0] <= w[1]), "{told:?}");
    }

    /// A Connections.csv larger than one metered read, so that reading it reports more
    /// than once.
    fn connections_over_a_chunk() -> Vec<u8> {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let people = synth::people(7, 60_000, (100, 100, 300), 0, as_of);
        let bytes = synth::connections_csv(&people, Style::Y2026);
        assert!(bytes.len() as u64 > METERED_CHUNK, "{}", bytes.len());
        bytes
    }

    /// Reading files tells how far it has come before any is parsed (a large messages.csv
    /// read from a slow disk, or inflated from an archive, takes seconds): a folder's file
    /// and an archive's entry each report more than once, never going back, ending whole;
    /// a file passed over by its first bytes is not waited for.
    #[test]
    fn reading_files_reports_its_progress() {
        let bytes = connections_over_a_chunk();
        let dir = tempfile::tempdir().expect("dir");
        let folder = dir.path().join("export");
        std::fs::create_dir(&folder).expect("folder");
        std::fs::write(folder.join("Connections.csv"), &bytes).expect("write");
        std::fs::write(folder.join("notes.txt"), "shopping list").expect("write");
        let archive = dir.path().join("export.zip");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&archive).expect("zip"));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("Connections.csv", stored).expect("entry");
        std::io::Write::write_all(&mut zip, &bytes).expect("entry");
        zip.finish().expect("zip");
        for path in [folder.join("Connections.csv"), folder, archive] {
            let told = std::cell::RefCell::new(vec![]);
            let mut meter = Meter::new(|reading| match reading {
                Reading::Share(share) => told.borrow_mut().push(share),
                Reading::Bytes(_) => panic!("a file's size is known"),
            });
            let sources = gather(&path, &mut vec![], &mut meter).expect("read");
            assert_eq!(sources.len(), 1);
            // An archive's own headers are never read as an entry: `finish` counts them.
            let read = told.borrow().last().copied();
            assert!(read > Some(0.99), "{}: {read:?}", path.display());
            meter.finish();
            drop(meter);
            let told = told.into_inner();
            assert_eq!(told.last(), Some(&1.0), "{}: {told:?}", path.display());
            assert!(told.windows(2).all(|w| w[0] < w[1]), "{told:?}");
            assert!(told.len() >= 3, "reported while it read: {told:?}");
        }
    }

    /// A pipe (`netcurate import -`, a FIFO) has no size until its end: reading it reports
    /// the bytes read so far, growing, then the whole once it ends.
    #[cfg(unix)]
    #[test]
    fn a_pipe_is_metered_by_the_bytes_read_so_far() {
        let bytes = connections_over_a_chunk();
        let dir = tempfile::tempdir().expect("dir");
        let fifo = dir.path().join("pipe");
        let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: a NUL-terminated path that lives through the call.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0, "mkfifo");
        let writer = {
            let (fifo, bytes) = (fifo.clone(), bytes.clone());
            std::thread::spawn(move || std::fs::write(fifo, bytes).expect("write the pipe"))
        };
        let told = std::cell::RefCell::new(vec![]);
        let mut meter = Meter::new(|reading| told.borrow_mut().push(reading));
        let sources = gather(&fifo, &mut vec![], &mut meter).expect("read");
        meter.finish();
        drop(meter);
        writer.join().expect("writer");
        assert_eq!(sources.len(), 1);
        assert_eq!(sources[0].bytes, bytes);
        let told = told.into_inner();
        let (last, so_far) = told.split_last().expect("told");
        assert_eq!(*last, Reading::Share(1.0), "{told:?}");
        let read: Vec<u64> = (so_far.iter())
            .map(|r| match r {
                Reading::Bytes(b) => *b,
                Reading::Share(s) => panic!("a share of an unknown size: {s}"),
            })
            .collect();
        assert!(
            read.len() >= 2 && read.windows(2).all(|w| w[0] < w[1]),
            "{read:?}"
        );
        assert_eq!(read.last().copied(), Some(bytes.len() as u64));
    }

    /// Every variant of LinkedIn's files is told from the first bytes of a large one (so
    /// that a folder's files are read whole only when they are the network's), and other
    /// files are passed over with the reason a whole read gives.
    #[test]
    fn export_files_are_told_from_their_first_bytes() {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let people = synth::people(3, 5000, (100, 50, 300), 10, as_of);
        for style in [
            Style::Y2026,
            Style::Y2022,
            Style::Y2018,
            Style::Excel,
            Style::Utf16Tab,
        ] {
            let file = synth::connections_csv(&people, style);
            assert!(file.len() > CONTAINER_HEAD_BYTES, "{style:?} is larger");
            let head = &file[..CONTAINER_HEAD_BYTES];
            assert_eq!(
                pass_over_by_head("Connections.csv", head),
                None,
                "{style:?}"
            );
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/linkedin");
        for name in [
            "2026/Invitations.csv",
            "2026/messages.csv",
            "2023-placeholder/Invitations.csv",
        ] {
            let file = std::fs::read(root.join(name)).expect("fixture");
            assert_eq!(pass_over_by_head(name, &file), None, "{name}");
        }
        let hubspot = std::fs::read(root.join("hubspot.csv")).expect("fixture");
        assert_eq!(
            pass_over_by_head("hubspot.csv", &hubspot),
            Some(LIST_IN_CONTAINER)
        );
        let dataset = b"id,value,label\n1,7,label-1\n2,14,label-2\n";
        assert_eq!(
            pass_over_by_head("dataset.csv", dataset),
            Some(NOT_NETWORK_FILE)
        );
        assert_eq!(
            pass_over_by_head("a.png", b"\x89PNG\r\n\x1a\n\0\0"),
            Some(NOT_TEXT)
        );
    }

    /// LinkedIn names its archive (and so the folder it unzips to) with the export's
    /// date, month first; other names have none.
    #[test]
    fn an_export_is_dated_by_linkedins_archive_name() {
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d);
        for (origin, date) in [
            (
                "/home/u/Downloads/Basic_LinkedInDataExport_11-25-2026.zip",
                day(11, 25),
            ),
            (
                "Downloads/Complete_LinkedInDataExport_01-05-2026",
                day(1, 5),
            ),
            ("Complete_LinkedInDataExport_01-05-2026 (1).zip", day(1, 5)),
            ("/home/u/Downloads", None),
            ("Basic_LinkedInDataExport_25-11-2026.zip", None),
            ("Basic_LinkedInDataExport_11-25", None),
            (".", None),
        ] {
            assert_eq!(rows::export_date(origin), date, "{origin}");
        }
    }
}
