//! Finds the header of a CSV by its content (never by position or file name), sniffs the
//! delimiter, skips a preamble such as Connections.csv's `Notes:` paragraph, and hands out
//! records with their line numbers and columns by name (a large table in two halves that
//! can be read side by side).
//!
//! Must not: interpret what a row means; `rows` does.

use super::dates::DateOrder;
use super::fields::{ColumnMap, Field, Mappings, header_as_written, normalise_header};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// What a file is, judged from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    Connections,
    Invitations,
    Messages,
    /// Another contact CSV (CRM export, enrichment file), mapped by column names.
    Contacts,
    /// The owner's own positions (Positions.csv in the export): their employers.
    Positions,
}

impl FileKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Connections => "connections",
            FileKind::Invitations => "invitations",
            FileKind::Messages => "messages",
            FileKind::Contacts => "contacts",
            FileKind::Positions => "positions",
        }
    }
}

/// How many physical lines are searched for a header.
const HEADER_SEARCH_LINES: usize = 40;
const DELIMITERS: [u8; 3] = [b',', b'\t', b';'];

fn kind_of(headers: &[String]) -> Option<FileKind> {
    let has = |name: &str| headers.iter().any(|h| h == name);
    if has("first name") && has("last name") && has("connected on") {
        return Some(FileKind::Connections);
    }
    if has("from") && has("to") && has("sent at") && has("direction") {
        return Some(FileKind::Invitations);
    }
    if has("conversation id") && has("from") && has("date") {
        return Some(FileKind::Messages);
    }
    if has("company name") && has("title") && has("started on") {
        return Some(FileKind::Positions);
    }
    let has_any = |fields: &[Field]| {
        headers
            .iter()
            .any(|h| Field::of_header(h).is_some_and(|f| fields.contains(&f)))
    };
    let named = has_any(&[Field::FirstName, Field::Name]);
    let detailed = has_any(&[Field::Email, Field::Company, Field::Position, Field::Url]);
    (named && detailed).then_some(FileKind::Contacts)
}

/// A CSV text whose header has been found.
#[derive(Clone)]
pub struct Table<'a> {
    pub file: String,
    pub kind: FileKind,
    columns: HashMap<String, usize>,
    /// The header's cells as the file writes them (for reports).
    names: Vec<String>,
    /// The map was remembered from an earlier import of a file with this header.
    pub remembered_map: bool,
    /// The mappings (given with `--map`, or remembered) whose column this header has:
    /// those it is read with.
    pub map: ColumnMap,
    header_len: usize,
    /// Physical lines before the header (the preamble).
    line_offset: u64,
    body: &'a str,
    delimiter: u8,
    /// The body starts with the header line (false for the second part of a split).
    header_first: bool,
    /// How its slashed dates are read (month first unless its dates say otherwise).
    pub date_order: DateOrder,
    /// Where the bytes read so far are counted, for a progress bar, when someone watches.
    pub bytes_read: Option<&'a AtomicU64>,
}

/// Why a record that repeats the header is refused (read as a person, its "Connected On"
/// would be an impossible date).
const HEADER_AGAIN: &str = "the header again: two files joined into one? Import each file as it was exported (several at once: `netcurate import FILE FILE…`)";

/// How many records are read between two updates of [`Table::bytes_read`].
const RECORDS_PER_COUNT: u64 = 4096;

/// Bodies smaller than this are read in one piece.
const SPLIT_MIN_BYTES: usize = 2 << 20;

impl<'a> Table<'a> {
    /// Finds the header within the first lines of `text`. `None` when no known header is
    /// there: the file is not one netcurate reads.
    pub fn find(file: &str, text: &'a str, mappings: &Mappings<'_>) -> Option<Table<'a>> {
        let mut offset = 0usize;
        for (index, line) in text
            .split_inclusive('\n')
            .take(HEADER_SEARCH_LINES)
            .enumerate()
        {
            for &delimiter in &DELIMITERS {
                let cells: Vec<&str> = line
                    .trim_end_matches(['\r', '\n'])
                    .split(delimiter as char)
                    .collect();
                if cells.len() < 2 {
                    continue;
                }
                let key: Vec<String> = cells.iter().map(|c| normalise_header(c)).collect();
                let (map, remembered_map) = mappings.for_header(&key);
                // A column the user mapped is read under its field's first name.
                let mut mapped = Vec::new();
                let headers: Vec<String> = (key.iter().enumerate())
                    .map(|(i, header)| match map.field_of(header) {
                        Some(field) => {
                            mapped.push((field, i));
                            field.headers()[0].to_string()
                        }
                        None => header.clone(),
                    })
                    .collect();
                if let Some(kind) = kind_of(&headers) {
                    let mut columns: HashMap<String, usize> = (headers.iter().enumerate().rev())
                        .map(|(i, h)| (h.clone(), i))
                        .collect();
                    // Ahead of a column that merely has the field's name; of a mapped
                    // header the file repeats, the first.
                    for &(field, i) in mapped.iter().rev() {
                        columns.insert(field.headers()[0].to_string(), i);
                    }
                    return Some(Table {
                        file: file.to_string(),
                        kind,
                        columns,
                        names: cells
                            .iter()
                            .map(|c| header_as_written(c).to_string())
                            .collect(),
                        map: map.only(&mapped.iter().map(|&(field, _)| field).collect::<Vec<_>>()),
                        remembered_map,
                        header_len: headers.len(),
                        line_offset: index as u64,
                        body: &text[offset..],
                        delimiter,
                        header_first: true,
                        date_order: DateOrder::default(),
                        bytes_read: None,
                    });
                }
            }
            offset += line.len();
        }
        None
    }

    /// The header's cells as the file writes them.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The header of column `index` as the file writes it.
    pub fn name_of(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }

    /// The index of the first of `names` present in the header.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.columns.get(*n).copied())
    }

    pub fn require(&self, names: &[&str]) -> Result<usize> {
        self.column(names).ok_or_else(|| {
            Error::file(
                &self.file,
                format!("the header has no '{}' column", names[0]),
            )
        })
    }

    pub fn has_column(&self, name: &str) -> bool {
        self.columns.contains_key(name)
    }

    /// Which column each field is read from. A name column beside a first-name column,
    /// with no last-name column, holds the last name, as German forms write them
    /// ("Vorname, Name"), unless the user mapped it as the whole name.
    pub fn field_columns(&self) -> Vec<(Field, usize)> {
        let mut read: Vec<(Field, usize)> = (Field::ALL.into_iter())
            .filter_map(|field| Some((field, self.column(field.headers())?)))
            .collect();
        let has = |read: &[(Field, usize)], field| read.iter().any(|(f, _)| *f == field);
        let name_mapped = self.map.mappings().iter().any(|m| m.field == Field::Name);
        if has(&read, Field::FirstName) && !has(&read, Field::LastName) && !name_mapped {
            for (field, _) in &mut read {
                if *field == Field::Name {
                    *field = Field::LastName;
                }
            }
        }
        read
    }

    /// What to say of each column read whose header the file repeats (a CRM's "Name" of
    /// the contact and of the account): the first is read.
    pub fn repeated_columns(&self) -> Vec<String> {
        if !matches!(self.kind, FileKind::Connections | FileKind::Contacts) {
            return Vec::new();
        }
        let keys: Vec<String> = self.names.iter().map(|n| normalise_header(n)).collect();
        let mut read: Vec<usize> = (self.field_columns().into_iter()).map(|(_, i)| i).collect();
        read.sort_unstable();
        read.dedup();
        (read.into_iter())
            .filter_map(|i| {
                let same: Vec<String> = (keys.iter().enumerate())
                    .filter(|(_, key)| **key == keys[i])
                    .map(|(j, _)| (j + 1).to_string())
                    .collect();
                let (last, others) = same.split_last()?;
                let times = match same.len() {
                    2 => "twice".to_string(),
                    n => format!("{n} times"),
                };
                (!others.is_empty()).then(|| {
                    format!(
                        "the header names '{}' {times} (columns {} and {last}): the first is read; to read another, rename it",
                        self.name_of(i),
                        others.join(", "),
                    )
                })
            })
            .collect()
    }

    /// A list of contacts rather than a file of LinkedIn's export: a CRM or enrichment
    /// CSV, or a netcurate export (Connections' columns and a Tags column).
    pub fn is_contact_list(&self) -> bool {
        self.kind == FileKind::Contacts || self.has_column("tags")
    }

    /// At most how many records the body holds (its lines), to size what they fill once
    /// instead of growing it.
    pub fn records_at_most(&self) -> usize {
        memchr::memchr_iter(b'\n', self.body.as_bytes()).count() + 1
    }

    /// Calls `each(line, record)` for every record after the header, reusing one record.
    /// Returns the number of records read. Fails on an unterminated quote or a record with
    /// more filled fields than the header has columns, naming the line.
    pub fn for_each_record(
        &self,
        mut each: impl FnMut(u64, &csv::StringRecord) -> Result<()>,
    ) -> Result<u64> {
        if memchr::memchr_iter(b'"', self.body.as_bytes()).count() % 2 == 1 {
            return Err(self.unterminated_quote());
        }
        let mut reader = self.reader();
        let mut record = csv::StringRecord::new();
        let mut rows = 0u64;
        let mut counted = 0u64;
        let mut count = |upto: u64| {
            if let Some(bytes_read) = self.bytes_read {
                bytes_read.fetch_add(upto.saturating_sub(counted), Ordering::Relaxed);
                counted = counted.max(upto);
            }
        };
        loop {
            if rows.is_multiple_of(RECORDS_PER_COUNT) {
                count(reader.position().byte());
            }
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    let line = self.line_at(e.position());
                    return Err(Error::line(&self.file, line, csv_reason(&e)));
                }
            }
            let line = self.line_at(record.position());
            // Empty cells past the header's last column (a spreadsheet's trailing
            // delimiters) hold nothing to misread.
            if (record.iter().skip(self.header_len)).any(|f| !f.trim().is_empty()) {
                return Err(Error::line(
                    &self.file,
                    line,
                    format!(
                        "{} fields where the header has {} (a field with the delimiter needs quotes)",
                        record.len(),
                        self.header_len
                    ),
                ));
            }
            if record.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            if self.is_header(&record) {
                return Err(Error::line(&self.file, line, HEADER_AGAIN));
            }
            rows += 1;
            each(line, &record)?;
        }
        count(self.body.len() as u64);
        Ok(rows)
    }

    /// Whether `record` repeats the header (as written, spaces aside).
    fn is_header(&self, record: &csv::StringRecord) -> bool {
        let same = |cell: &str, name: &String| header_as_written(cell) == name;
        record
            .get(0)
            .zip(self.names.first())
            .is_some_and(|(c, n)| same(c, n))
            && record.len() == self.names.len()
            && record.iter().zip(&self.names).all(|(c, n)| same(c, n))
    }

    /// The physical line (of the whole file) where the record read from `position`
    /// starts. The csv crate counts a line end when it reads it, and reads the `\n` of a
    /// `\r\n` (and the blank lines before a record) only when it reads the next record:
    /// its line is then the line end's, one or more lines before the record's own.
    fn line_at(&self, position: Option<&csv::Position>) -> u64 {
        let Some(p) = position else {
            return self.line_offset;
        };
        let ends_first = (self.body.as_bytes().iter())
            .skip(usize::try_from(p.byte()).unwrap_or(usize::MAX))
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .filter(|&&b| b == b'\n')
            .count() as u64;
        p.line() + ends_first + self.line_offset
    }

    fn reader(&self) -> csv::Reader<&'a [u8]> {
        csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .flexible(true)
            .has_headers(self.header_first)
            .from_reader(self.body.as_bytes())
    }

    /// A large table as two tables that can be read side by side: cut at a line end near
    /// the middle that is outside any quoted field (an even number of quotes before it),
    /// the second part numbering its lines on from the first. `None` for small tables.
    pub fn split(&self) -> Option<(Table<'a>, Table<'a>)> {
        if self.body.len() < SPLIT_MIN_BYTES || !self.header_first {
            return None;
        }
        let bytes = self.body.as_bytes();
        let mut cut = self.body.len() / 2;
        let mut quotes = memchr::memchr_iter(b'"', &bytes[..cut]).count();
        loop {
            let newline = cut + memchr::memchr(b'\n', &bytes[cut..])?;
            quotes += memchr::memchr_iter(b'"', &bytes[cut..newline]).count();
            cut = newline + 1;
            if quotes.is_multiple_of(2) {
                break;
            }
        }
        if cut >= bytes.len() {
            return None;
        }
        let lines_before = memchr::memchr_iter(b'\n', &bytes[..cut]).count() as u64;
        let part = |body: &'a str, line_offset: u64, header_first: bool| Table {
            line_offset,
            body,
            header_first,
            ..self.clone()
        };
        Some((
            part(&self.body[..cut], self.line_offset, true),
            part(&self.body[cut..], self.line_offset + lines_before, false),
        ))
    }

    /// Where the quote that never closes properly was opened. A quote opens a field at
    /// its start and closes it only when followed by the delimiter or a line end; a quote
    /// inside an open field followed by anything else means the field opened earlier was
    /// never closed.
    fn unterminated_quote(&self) -> Error {
        let bytes = self.body.as_bytes();
        let (mut line, mut opened_at, mut quoted, mut field_start) = (1u64, 1u64, false, true);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let next = bytes.get(i + 1).copied();
            if quoted {
                if b == b'"' {
                    match next {
                        Some(b'"') => i += 1,
                        None | Some(b'\r' | b'\n') => quoted = false,
                        Some(n) if n == self.delimiter => quoted = false,
                        Some(_) => break,
                    }
                }
            } else if b == b'"' && field_start {
                quoted = true;
                opened_at = line;
            }
            if b == b'\n' {
                line += 1;
            }
            field_start = !quoted && (b == self.delimiter || b == b'\n');
            i += 1;
        }
        Error::line(
            &self.file,
            opened_at + self.line_offset,
            "unterminated quote: a quoted field never ends",
        )
    }
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => "invalid text encoding".to_string(),
        _ => e.to_string(),
    }
}

/// A field with surrounding spaces trimmed (other characters, such as a leading tab, are
/// kept: they are the user's text), empty when the record is short. A cell that an export
/// kept from running as a formula (`'=…`, `''=…` for `'=…`: [`crate::export::neutralise`])
/// is read as it was before, so that a re-imported export holds the same text as the
/// network.
pub fn field(record: &csv::StringRecord, index: Option<usize>) -> &str {
    let cell = (index.and_then(|i| record.get(i))).map_or("", |f| f.trim_matches([' ', '\u{a0}']));
    match cell.strip_prefix('\'') {
        Some(formula) if crate::export::needs_quote_mark(formula) => formula,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_header_after_notes_preamble() {
        let text = "Notes:\n\"When exporting, you may notice, some emails are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Byron,https://www.linkedin.com/in/ada,,Hooli,CTO,25 Nov 2024\n";
        let t = Table::find("c.csv", text, &Mappings::default()).unwrap();
        assert_eq!(t.kind, FileKind::Connections);
        let mut seen = vec![];
        t.for_each_record(|line, r| {
            seen.push((line, r[0].to_string()));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, vec![(5, "Ada".to_string())]);
    }

    /// The line of each record and of an error, as an editor numbers them: with Excel's
    /// CRLF line ends, blank lines, a quoted field over two lines, a preamble, and in the
    /// second half of a split table.
    #[test]
    fn records_are_numbered_by_their_physical_line() {
        let row = |name: &str| format!("{name},B,C,D,25 Nov 2024");
        for end in ["\n", "\r\n"] {
            let mut lines = vec![
                "Notes:".to_string(),
                "\"a, preamble\"".to_string(),
                String::new(),
                "First Name,Last Name,Company,Position,Connected On".to_string(),
                row("r5"),
                String::new(),
                String::new(),
                row("r8"),
                "r9,B,\"two".to_string(),
                "lines\",D,25 Nov 2024".to_string(),
                row("r11"),
            ];
            let rows = SPLIT_MIN_BYTES / 20;
            lines.extend((12..12 + rows).map(|n| row(&format!("r{n}"))));
            lines.push("r-bad,B,C,D,E,F".to_string());
            let text = lines.join(end) + end;
            let t = Table::find("c.csv", &text, &Mappings::default()).unwrap();
            let (first, second) = t.split().expect("a table large enough to split");
            let mut seen = vec![];
            let mut read = |part: &Table<'_>| {
                part.for_each_record(|line, r| {
                    seen.push((line, r[0].to_string()));
                    Ok(())
                })
            };
            read(&first).unwrap();
            let err = read(&second).unwrap_err().to_string();
            let bad_line = lines.len();
            assert!(
                err.contains(&format!("c.csv: line {bad_line}: 6 fields")),
                "{end:?}: {err}"
            );
            for (line, name) in &seen {
                let expected = name.trim_start_matches('r').parse::<u64>().unwrap();
                assert_eq!(*line, expected, "{end:?}: {name}");
            }
            assert_eq!(seen.len(), 4 + rows, "{end:?}");
        }
    }

    /// Trailing delimiters (empty cells past the header) are read; a filled cell there
    /// means a field held the delimiter unquoted, and is refused.
    #[test]
    fn only_filled_cells_past_the_header_are_refused() {
        let text = "First Name;Last Name;Company;Position;Connected On\r\n\
                    A;B;C;D;25.11.2024;;\r\n\
                    E;F;G;H;25.11.2024; ;\r\n";
        let t = Table::find("c.csv", text, &Mappings::default()).unwrap();
        assert_eq!(t.for_each_record(|_, _| Ok(())).unwrap(), 2);
        let text = "First Name;Last Name;Company;Position;Connected On\r\n\
                    A;B;C;D;25.11.2024;;\r\n\
                    E;F;G, Inc; H;25.11.2024;x\r\n";
        let t = Table::find("c.csv", text, &Mappings::default()).unwrap();
        let err = t.for_each_record(|_, _| Ok(())).unwrap_err().to_string();
        assert!(
            err.contains("c.csv: line 3: 6 fields where the header has 5"),
            "{err}"
        );
    }

    /// Two exports joined into one file: the second header is named, not read as a person.
    #[test]
    fn a_header_met_again_is_named() {
        let text = "First Name,Last Name,Company,Position,Connected On\n\
                    A,B,C,D,25 Nov 2024\n\
                    First Name, Last Name,Company,Position,Connected On\n\
                    E,F,G,H,25 Nov 2024\n";
        let t = Table::find("c.csv", text, &Mappings::default()).unwrap();
        let err = t.for_each_record(|_, _| Ok(())).unwrap_err().to_string();
        assert!(err.starts_with("c.csv: line 3: the header again"), "{err}");
        let text = "First Name,Last Name,Company,Position,Connected On\n\
                    First Name,Last Name,Company,Position,2024-11-25\n";
        let t = Table::find("c.csv", text, &Mappings::default()).unwrap();
        assert_eq!(
            t.for_each_record(|_, _| Ok(())).unwrap(),
            1,
            "a person, odd as it is"
        );
    }

    #[test]
    fn sniffs_semicolon_and_tab() {
        let t = Table::find(
            "c",
            "First Name;Last Name;Company;Position;Connected On\n",
            &Mappings::default(),
        )
        .unwrap();
        assert_eq!((t.kind, t.delimiter), (FileKind::Connections, b';'));
        let t = Table::find(
            "i",
            "From\tTo\tSent At\tMessage\tDirection\n",
            &Mappings::default(),
        )
        .unwrap();
        assert_eq!((t.kind, t.delimiter), (FileKind::Invitations, b'\t'));
    }

    #[test]
    fn unknown_header_is_none() {
        assert!(Table::find("p", "Skill\nRust\n", &Mappings::default()).is_none());
    }

    #[test]
    fn unterminated_quote_names_the_line() {
        let text = "First Name,Last Name,Company,Position,Connected On\nA,B,C,D,25 Nov 2024\nE,F,\"G,H,25 Nov 2024\nI,J,K,L,25 Nov 2024\n";
        let t = Table::find("c.csv", text, &Mappings::default()).unwrap();
        let err = t.for_each_record(|_, _| Ok(())).unwrap_err().to_string();
        assert!(err.contains("c.csv: line 3: unterminated quote"), "{err}");
    }
}
