//! What differs between the systems netcurate runs on (Linux and the BSDs, macOS,
//! Windows): where its data and settings live, the home folder, how a URL is opened, how
//! an editor is started, and stopping to the shell. Everything else is the same
//! everywhere.
//!
//! Must not: hold anything that is the same on every system, or draw on the terminal.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

/// An environment variable's value, when it is set and not empty.
fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The user's home folder: `$HOME` (set on Unix, and by Git Bash on Windows), else
/// Windows' `%USERPROFILE%`.
pub fn home() -> Option<PathBuf> {
    env_path("HOME").or_else(|| env_path("USERPROFILE").filter(|_| cfg!(windows)))
}

/// `path` with a leading `~/` (`~\` on Windows too) read as the home folder: a shell
/// does it on Unix, but PowerShell and cmd.exe pass `~` on as it is, and a path typed in
/// the workbench's prompts has no shell at all.
pub fn expand_home(path: &str) -> String {
    let rest = (path.strip_prefix('~')).filter(|rest| rest.starts_with(std::path::is_separator));
    match (rest, home()) {
        (Some(rest), Some(home)) => format!("{}{rest}", home.display()),
        _ => path.to_string(),
    }
}

/// `path` with the home folder written `~` (`/home/you/Downloads` as `~/Downloads`):
/// the inverse of [`expand_home`], for a path shown as the start of one to type.
pub fn shorten_home(path: &str) -> String {
    let home = home().map(|h| h.display().to_string()).unwrap_or_default();
    match path.strip_prefix(&home) {
        Some(rest) if !home.is_empty() && rest.starts_with(std::path::is_separator) => {
            format!("~{rest}")
        }
        _ => path.to_string(),
    }
}

/// Where a file written to `path` is, as the user finds it: from the root whatever
/// folder netcurate was started in, the home folder written `~` (an export typed
/// `plan.csv` was written to `~/plan.csv`).
pub fn where_written(path: &std::path::Path) -> String {
    let whole = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    shorten_home(&whole.display().to_string())
}

/// Where netcurate keeps its database: `$XDG_DATA_HOME`, else the system's place for an
/// application's data (`~/Library/Application Support` on macOS, `%APPDATA%` on Windows,
/// `~/.local/share` elsewhere); the current folder when none is known.
pub fn data_dir() -> PathBuf {
    env_path("XDG_DATA_HOME")
        .or_else(|| match cfg!(windows) {
            true => env_path("APPDATA"),
            false if cfg!(target_os = "macos") => {
                home().map(|h| h.join("Library/Application Support"))
            }
            false => home().map(|h| h.join(".local/share")),
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Where netcurate's settings live (the key bindings): `$XDG_CONFIG_HOME`, else
/// `%APPDATA%` on Windows, `~/.config` elsewhere.
pub fn config_dir() -> Option<PathBuf> {
    env_path("XDG_CONFIG_HOME").or_else(|| match cfg!(windows) {
        true => env_path("APPDATA"),
        false => home().map(|h| h.join(".config")),
    })
}

/// The folder a browser saves downloads to, where LinkedIn's export lands: on Linux the
/// one `user-dirs.dirs` names (`XDG_DOWNLOAD_DIR`, e.g. `$HOME/Téléchargements`), else
/// `Downloads` in the home folder. None when it is not there.
pub fn downloads_dir() -> Option<PathBuf> {
    let named = config_dir()
        .and_then(|c| std::fs::read_to_string(c.join("user-dirs.dirs")).ok())
        .and_then(|text| xdg_download_dir(&text));
    named
        .or_else(|| home().map(|h| h.join("Downloads")))
        .filter(|d| d.is_dir())
}

/// `XDG_DOWNLOAD_DIR` of a `user-dirs.dirs` file's `text` (`"$HOME/Downloads"`), its
/// `$HOME` read as the home folder.
fn xdg_download_dir(text: &str) -> Option<PathBuf> {
    let line = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("XDG_DOWNLOAD_DIR="))?;
    let value = line.trim().trim_matches('"');
    match value.strip_prefix("$HOME") {
        Some(rest) => Some(PathBuf::from(format!("{}{rest}", home()?.display()))),
        None => Some(PathBuf::from(value)).filter(|p| p.is_absolute()),
    }
}

/// Whether an environment variable is set (and not empty).
fn is_set(name: &str) -> bool {
    env_path(name).is_some()
}

/// Linux under Windows (WSL), where the browser and the clipboard are Windows' own.
fn in_wsl(set: &impl Fn(&str) -> bool) -> bool {
    cfg!(target_os = "linux") && set("WSL_DISTRO_NAME")
}

/// The program that opens a URL in the user's browser.
pub fn url_opener() -> &'static str {
    url_opener_in(is_set)
}

/// [`url_opener`], `set` saying whether an environment variable is set.
fn url_opener_in(set: impl Fn(&str) -> bool) -> &'static str {
    if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) || in_wsl(&set) {
        "explorer.exe"
    } else {
        "xdg-open"
    }
}

/// The editor used when neither `$VISUAL` nor `$EDITOR` names one.
pub const DEFAULT_EDITOR: &str = if cfg!(windows) { "notepad" } else { "vi" };

/// The command that edits `file` with `editor` as the user wrote it (`code --wait`, a
/// program with its options): through the shell on Unix, as `$EDITOR` is meant; split at
/// spaces on Windows, which has no such shell.
pub fn editor_command(editor: &str, file: impl Into<OsString>) -> Command {
    if cfg!(windows) {
        let mut words = editor.split_whitespace();
        let mut command = Command::new(words.next().unwrap_or(DEFAULT_EDITOR));
        command.args(words).arg(file.into());
        command
    } else {
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(format!("{editor} \"$1\""))
            .arg("sh")
            .arg(file.into());
        command
    }
}

/// The program that puts its standard input on the system clipboard, when netcurate runs
/// on the user's own machine: `pbcopy` on macOS, `clip` on Windows and under WSL,
/// `wl-copy` under Wayland, `xclip` under X. None over ssh (that machine's clipboard is
/// not the user's; the terminal's own copy, OSC 52, reaches theirs) or without a display;
/// `set` says whether an environment variable is set.
fn clipboard_program(
    set: impl Fn(&str) -> bool,
) -> Option<(&'static str, &'static [&'static str])> {
    if set("SSH_CONNECTION") || set("SSH_TTY") {
        None
    } else if cfg!(target_os = "macos") {
        Some(("pbcopy", &[]))
    } else if cfg!(windows) || in_wsl(&set) {
        Some(("clip.exe", &[]))
    } else if set("WAYLAND_DISPLAY") {
        Some(("wl-copy", &[]))
    } else if set("DISPLAY") {
        Some(("xclip", &["-selection", "clipboard"]))
    } else {
        None
    }
}

/// Puts `text` on the system clipboard through its program ([`clipboard_program`]),
/// when there is one; Terminal.app and others ignore the terminal's own copy (OSC 52).
pub fn copy_to_system_clipboard(text: &str) -> std::io::Result<()> {
    match clipboard_program(is_set) {
        Some((program, args)) => copy_through(program, args, &clipboard_input(program, text)),
        None => Ok(()),
    }
}

/// `text` as `program` reads it: UTF-16 (little-endian) for Windows' `clip.exe`, which
/// tells UTF-16 from the console's legacy code page by looking, and reads UTF-8 as the
/// latter (René became RenÃ©, under WSL too); UTF-8 for the others. No byte-order mark:
/// it could be pasted with the URL.
fn clipboard_input(program: &str, text: &str) -> Vec<u8> {
    match program {
        "clip.exe" => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        _ => text.as_bytes().to_vec(),
    }
}

/// Runs `program` with `args`, `input` on its standard input, and waits for it (xclip and
/// wl-copy leave a process behind to serve the clipboard, and return).
fn copy_through(program: &str, args: &[&str], input: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input)?;
    }
    match child.wait()?.success() {
        true => Ok(()),
        false => Err(std::io::Error::other(format!("{program} failed"))),
    }
}

/// Whether a write failed because the reader of the pipe has gone (`netcurate list |
/// head`). Windows says so as "the pipe is being closed" or, the reader gone before,
/// "no process is on the other end of the pipe" (`ERROR_PIPE_NOT_CONNECTED`, which std
/// does not call a broken pipe).
pub fn is_closed_pipe(e: &std::io::Error) -> bool {
    const ERROR_PIPE_NOT_CONNECTED: i32 = 233;
    e.kind() == std::io::ErrorKind::BrokenPipe
        || cfg!(windows) && e.raw_os_error() == Some(ERROR_PIPE_NOT_CONNECTED)
}

/// Stops the workbench's process group, as Ctrl-Z does to a program that is not in raw
/// mode, and returns when the shell's `fg` continues it. The whole group, not only this
/// process: under a wrapper (`cargo run`, `sh -c`) the shell waits on the wrapper, and
/// would not get the terminal back. Without job control (an orphaned group) the kernel
/// discards the signal and this returns at once.
#[cfg(unix)]
pub fn stop_to_shell() -> std::io::Result<()> {
    // SAFETY: kill(2) with pid 0 sends a signal to this process's group; it reads and
    // writes no memory of ours.
    match unsafe { libc::kill(0, libc::SIGTSTP) } {
        0 => Ok(()),
        _ => Err(std::io::Error::last_os_error()),
    }
}

/// Windows has no job control: a program cannot be stopped and continued by its shell.
#[cfg(not(unix))]
pub fn stop_to_shell() -> std::io::Result<()> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "this system's shell cannot stop and continue a program (no job control)",
    ))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    /// The system clipboard is the user's own only on their machine: over ssh none, else
    /// the display's program.
    #[cfg(not(target_os = "macos"))]
    #[test]
    fn the_clipboard_program_is_the_displays_on_the_users_machine() {
        let with = |vars: &'static [&'static str]| {
            clipboard_program(move |name: &str| vars.contains(&name)).map(|(p, _)| p)
        };
        assert_eq!(with(&["WAYLAND_DISPLAY", "DISPLAY"]), Some("wl-copy"));
        assert_eq!(with(&["DISPLAY"]), Some("xclip"));
        assert_eq!(with(&[]), None, "a console without a display");
        assert_eq!(with(&["DISPLAY", "SSH_CONNECTION"]), None, "over ssh");
        assert_eq!(with(&["WAYLAND_DISPLAY", "SSH_TTY"]), None, "over ssh");
        if cfg!(target_os = "linux") {
            assert_eq!(with(&["WSL_DISTRO_NAME"]), Some("clip.exe"), "Windows' own");
        }
    }

    /// A file written by a name alone is said with the folder it went to, from the root.
    #[test]
    fn a_file_written_is_said_from_the_root() {
        let here = std::env::current_dir().expect("a current folder");
        let said = where_written(std::path::Path::new("plan.csv"));
        assert_eq!(
            said,
            shorten_home(&here.join("plan.csv").display().to_string())
        );
        assert!(
            said.ends_with("plan.csv") && said.len() > "plan.csv".len(),
            "{said}"
        );
        let whole = here.join("x").join("y.csv");
        assert_eq!(
            where_written(&whole),
            shorten_home(&whole.display().to_string())
        );
    }

    /// Under WSL the browser is Windows' own (xdg-open is most often missing there).
    #[cfg(target_os = "linux")]
    #[test]
    fn the_browser_under_wsl_is_windows_own() {
        assert_eq!(
            url_opener_in(|n: &str| n == "WSL_DISTRO_NAME"),
            "explorer.exe"
        );
        assert_eq!(url_opener_in(|_: &str| false), "xdg-open");
    }

    /// The text reaches the program whole, on its standard input; a failing program says
    /// so.
    #[test]
    fn copying_hands_the_text_to_the_program() {
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("clipboard");
        let script = format!("cat > '{}'", file.display());
        let text = "https://www.linkedin.com/in/ren%C3%A9-sample\nhttps://www.linkedin.com/in/ada";
        copy_through("sh", &["-c", &script], text.as_bytes()).expect("copied");
        assert_eq!(std::fs::read_to_string(&file).expect("read"), text);
        assert!(copy_through("sh", &["-c", "exit 3"], b"x").is_err());
        assert!(copy_through("no-such-clipboard-program", &[], b"x").is_err());
    }

    /// Windows' clip.exe is given UTF-16 (it reads UTF-8 as the legacy code page); the
    /// other programs UTF-8 as it is.
    #[test]
    fn clip_exe_reads_utf16() {
        assert_eq!(
            clipboard_input("clip.exe", "Ré\n"),
            [b'R', 0, 0xe9, 0, b'\n', 0]
        );
        assert_eq!(clipboard_input("pbcopy", "Ré"), "Ré".as_bytes());
    }

    /// The editor's command gets the file as one argument, whatever its name holds (a
    /// space, a quote, a `$`), and the editor's own options as the user wrote them.
    #[test]
    fn the_editor_gets_the_file_whole() {
        let file = "/tmp/it's a $HOME \"profile\".toml";
        let run = editor_command("printf '%s|' --wait", file)
            .output()
            .expect("sh");
        assert!(run.status.success());
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            format!("--wait|{file}|")
        );
    }
}
