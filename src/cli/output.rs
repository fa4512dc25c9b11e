//! What the command line writes, fitted to where it goes: the width a line may take (the
//! terminal's, or `$COLUMNS`), and a writer that breaks long lines at spaces to it.
//!
//! Must not: decide what a command says (its module does).

use anyhow::Result;
use std::io::Write;

/// The columns a line of output may take: `$COLUMNS` when set, else the terminal's width
/// when the output goes to one; `None` (no limit) into a pipe or a file.
pub(crate) fn output_width() -> Option<u16> {
    width_of(&std::io::stdout())
}

/// [`output_width`] of `stream`.
fn width_of(stream: &impl std::io::IsTerminal) -> Option<u16> {
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    columns
        .filter(|&c: &u16| c > 0)
        .or_else(|| crate::tui::columns_of(stream))
}

/// Writes `value` as indented JSON and a line end, as it is made (`list --json` of 100k
/// contacts held 214 MiB as one string first).
pub(crate) fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<()> {
    let mut buffered = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut buffered, value)?;
    writeln!(buffered)?;
    Ok(buffered.flush()?)
}

/// Says `message` on standard error (what was done beside the output, a hint, an error),
/// its long lines broken at spaces to the terminal's width as [`Fitted`] does.
pub(crate) fn tell(message: &str) {
    let stderr = &mut std::io::stderr();
    let width = width_of(stderr);
    let mut fitted = Fitted::new(stderr, width);
    // Nothing to do when standard error itself is gone.
    let _ = writeln!(fitted, "{message}").and_then(|()| fitted.flush());
}

/// Output whose long lines are broken at spaces to fit `width` columns (a terminal would
/// break them mid-word); with no width, passed on as it is.
pub(crate) struct Fitted<'a> {
    out: &'a mut dyn Write,
    width: Option<u16>,
    line: Vec<u8>,
}

impl<'a> Fitted<'a> {
    pub(crate) fn new(out: &'a mut dyn Write, width: Option<u16>) -> Fitted<'a> {
        let line = Vec::new();
        Fitted { out, width, line }
    }

    /// Writes the line gathered so far, wrapped, ending it with `end`.
    fn emit(&mut self, width: u16, end: &str) -> std::io::Result<()> {
        let text = String::from_utf8_lossy(&self.line).into_owned();
        self.line.clear();
        let lines = crate::columns::wrap(&text, usize::from(width));
        write!(self.out, "{}{end}", lines.join("\n"))
    }
}

impl Write for Fitted<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let Some(width) = self.width else {
            return self.out.write(buf);
        };
        for &byte in buf {
            match byte {
                b'\n' => self.emit(width, "\n")?,
                other => self.line.push(other),
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if let (Some(width), false) = (self.width, self.line.is_empty()) {
            self.emit(width, "")?;
        }
        self.out.flush()
    }
}

/// Runs `command` writing to `out` through [`Fitted`] at the output's width.
pub(super) fn fitted(
    out: &mut dyn Write,
    command: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    fitted_unless(false, out, command)
}

/// [`fitted`], unless the command writes `json` (a script's, passed on as it is).
pub(super) fn fitted_unless(
    json: bool,
    out: &mut dyn Write,
    command: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let width = if json { None } else { output_width() };
    let mut fitted = Fitted::new(out, width);
    command(&mut fitted)?;
    Ok(fitted.flush()?)
}
