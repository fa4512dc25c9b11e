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

/// The program that opens a URL in the user's browser.
pub const URL_OPENER: &str = if cfg!(target_os = "macos") {
    "open"
} else if cfg!(windows) {
    "explorer"
} else {
    "xdg-open"
};

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
