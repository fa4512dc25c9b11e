//! End-to-end: the real binary driven in tmux (send-keys, capture-pane), waiting for text
//! on the screen rather than sleeping. Skipped, with a message, when tmux is missing
//! (CI installs it).

mod common;

use common::{CRM_MAP, Db, fixture};
use std::process::Command;
use std::time::{Duration, Instant};

fn tmux(args: &[&str]) -> String {
    let out = tmux_command(args).output().expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A tmux command on the end-to-end tests' own server (its own socket, no user config),
/// which a keep-alive session of each test run holds up until the run ends. On the shared
/// default server, a test whose session was the last one let the server exit while
/// another test's new session joined it: that session vanished (a blank screen for 20 s).
fn tmux_command(args: &[&str]) -> Command {
    const SOCKET: &str = "netcurate-e2e";
    static KEEP_ALIVE: std::sync::Once = std::sync::Once::new();
    KEEP_ALIVE.call_once(|| {
        let run = std::process::id();
        let started = Command::new("tmux")
            .args(["-L", SOCKET, "-f", "/dev/null", "new-session", "-d", "-s"])
            .arg(format!("keep-alive-{run}"))
            .arg(format!("while kill -0 {run} 2>/dev/null; do sleep 1; done"))
            .status();
        assert!(
            started.is_ok_and(|s| s.success()),
            "tmux server did not start"
        );
    });
    let mut command = Command::new("tmux");
    command.args(["-L", SOCKET]).args(args);
    command
}

/// The demo network in a database, or `None` (with a message) when tmux is missing.
fn demo_db() -> Option<Db> {
    tmux_or_skip().then(Db::with_demo)
}

/// Whether tmux is here to run an end-to-end test (saying so when it is not).
fn tmux_or_skip() -> bool {
    let here = have_tmux();
    if !here {
        eprintln!("tmux is not installed: skipping the terminal end-to-end test");
    }
    here
}

fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A tmux session running netcurate on a database, killed on drop.
struct Screen {
    name: String,
    exit_file: std::path::PathBuf,
}

impl Screen {
    fn start(db: &Db, tag: &str, w: u16, h: u16) -> Screen {
        Screen::start_with(db, tag, w, h, "")
    }

    /// Starts with extra environment assignments (`EDITOR=…`).
    fn start_with(db: &Db, tag: &str, w: u16, h: u16, env: &str) -> Screen {
        Screen::start_running(db, tag, w, h, env, "")
    }

    /// Starts `netcurate … ARGS` (`demo`), with extra environment assignments.
    fn start_running(db: &Db, tag: &str, w: u16, h: u16, env: &str, args: &str) -> Screen {
        let (screen, line) = Screen::prepare(db, tag, env);
        let line = format!("{line} {args}");
        let exit_file = screen.exit_file.display();
        screen.open(w, h, &format!("{line}; echo $? > '{exit_file}'; sleep 60"));
        screen
    }

    /// Starts netcurate from an interactive shell (job control: Ctrl-Z, `fg`), whose
    /// prompt is `shell$ ` (no exit file: ask the shell for `$?`), under a wrapper as
    /// `cargo run` is (`sh -c`: the shell's job is the wrapper, not netcurate).
    fn start_in_shell(db: &Db, tag: &str, w: u16, h: u16) -> Screen {
        let (screen, line) = Screen::prepare(db, tag, "");
        screen.open(w, h, "PS1='shell$ ' bash --norc --noprofile -i");
        screen.wait_for("shell$");
        screen.type_text(&format!("sh -c \"{line}\""));
        screen.keys(&["Enter"]);
        screen
    }

    /// The session's name, its exit file, and the command line that runs netcurate on
    /// `db`.
    fn prepare(db: &Db, tag: &str, env: &str) -> (Screen, String) {
        let name = format!("netcurate-e2e-{tag}-{}", std::process::id());
        let exit_file = db.file(&format!("exit-{tag}"));
        let _ = std::fs::remove_file(&exit_file);
        let line = format!(
            "TERM=xterm-256color {env} '{}' --db '{}' --as-of {}",
            env!("CARGO_BIN_EXE_netcurate"),
            db.path.display(),
            common::AS_OF,
        );
        (Screen { name, exit_file }, line)
    }

    fn open(&self, w: u16, h: u16, cmd: &str) {
        tmux(&["kill-session", "-t", &self.name]);
        let (w, h) = (w.to_string(), h.to_string());
        let new_session = [
            "new-session",
            "-d",
            "-s",
            &self.name,
            "-x",
            &w,
            "-y",
            &h,
            cmd,
        ];
        let started = tmux_command(&new_session).status();
        assert!(
            started.is_ok_and(|s| s.success()),
            "tmux did not start session {}",
            self.name
        );
    }

    fn capture(&self) -> String {
        tmux(&["capture-pane", "-p", "-t", &self.name])
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |screen| screen.contains(text))
    }

    fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go"), |screen| !screen.contains(text))
    }

    /// The screen once `done` holds for it (waiting up to 20 s for `what`).
    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.capture();
            if done(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {what}; screen:\n{screen}\n{}",
                self.diagnosis()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// What tmux and netcurate say when a wait times out: the sessions, and the exit
    /// code if netcurate ended.
    fn diagnosis(&self) -> String {
        let sessions = tmux(&["list-sessions"]);
        let exit = std::fs::read_to_string(&self.exit_file).unwrap_or_default();
        format!(
            "session {}; tmux sessions:\n{sessions}netcurate's exit code: {exit:?}",
            self.name
        )
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            tmux(&["send-keys", "-t", &self.name, k]);
        }
    }

    /// Sends `keys` in one write, as a fast typist or a slow link delivers them.
    fn keys_together(&self, keys: &[&str]) {
        tmux(&[["send-keys", "-t", &self.name].as_slice(), keys].concat());
    }

    fn type_text(&self, text: &str) {
        // tmux reads an argument's last `;` as the end of its command (even with -l):
        // that one is sent escaped.
        let (head, semicolon) = match text.strip_suffix(';') {
            Some(head) => (head, true),
            None => (text, false),
        };
        tmux(&["send-keys", "-t", &self.name, "-l", head]);
        if semicolon {
            tmux(&["send-keys", "-t", &self.name, "\\;"]);
        }
    }

    /// A mouse report as a terminal sends it (SGR: `button`, then the 1-based column and
    /// row of the cell at `x`, `y` counted from 0).
    fn mouse(&self, button: u8, x: u16, y: u16) {
        self.type_text(&format!("\x1b[<{button};{};{}M", x + 1, y + 1));
    }

    /// Pastes `text` as a terminal does (marked as a paste when the program asked for
    /// that: bracketed paste), through a tmux buffer of this session's own.
    fn paste(&self, text: &str) {
        let buffer = format!("paste-{}", self.name);
        tmux(&["set-buffer", "-b", &buffer, text]);
        tmux(&["paste-buffer", "-p", "-d", "-b", &buffer, "-t", &self.name]);
    }

    /// Whether the program in the pane has the terminal report the mouse to it.
    fn mouse_taken(&self) -> bool {
        let format = "#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}";
        tmux(&["display-message", "-p", "-t", &self.name, format]).contains('1')
    }

    /// Waits for the process to exit and returns its exit code.
    fn exit_code(&self) -> i32 {
        let start = Instant::now();
        loop {
            if let Ok(code) = std::fs::read_to_string(&self.exit_file)
                && !code.trim().is_empty()
            {
                return code.trim().parse().unwrap_or(-1);
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "netcurate did not exit; screen:\n{}",
                self.capture()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        tmux(&["kill-session", "-t", &self.name]);
    }
}

/// Ctrl-Z gives the terminal back to the shell (the screen restored, the mouse too, the
/// job stopped); `fg` brings the workbench back as it was, the filter being typed included,
/// and it quits cleanly.
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_workbench_back() {
    let Some(db) = demo_db() else { return };
    let s = Screen::start_in_shell(&db, "suspend", 100, 30);
    s.wait_for(" total · ");
    s.keys(&["/"]);
    s.type_text("hool");
    s.wait_for("filter: hool");
    s.keys(&["C-z"]);
    let shell = s.wait_for("Stopped");
    assert!(
        !shell.contains(" total · "),
        "the workbench left the screen:\n{shell}"
    );
    assert!(!s.mouse_taken(), "the shell has the mouse back");
    s.type_text("fg");
    s.keys(&["Enter"]);
    s.wait_for(" total · ");
    assert!(s.mouse_taken(), "the workbench has the mouse again");
    s.type_text("i");
    s.wait_for("filter: hooli█");
    s.keys(&["Enter"]);
    s.wait_gone("filter: hooli█");
    s.keys(&["q"]);
    s.wait_gone(" total · ");
    s.type_text("echo exit=$?");
    s.keys(&["Enter"]);
    s.wait_for("exit=0");
}

#[test]
fn tag_a_filtered_segment_then_undo_across_restarts_and_tiny_terminal() {
    let Some(db) = demo_db() else { return };
    let hooli = db
        .json(&["list", "--filter", "company:hooli", "--json"])
        .as_array()
        .unwrap()
        .len();
    assert!(hooli > 10);

    // Filter, select all in view, tag, quit.
    let s = Screen::start(&db, "tag", 120, 30);
    s.wait_for("2000 total");
    s.keys(&["/"]);
    s.type_text("company:hooli");
    s.wait_for(&format!("{hooli} of 2000"));
    s.keys(&["Enter", "*", "t"]);
    s.wait_for("add tag:");
    s.type_text("eu-leads");
    s.keys(&["Enter"]);
    s.wait_for(&format!("tagged {hooli} contacts 'eu-leads'"));
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    drop(s);
    assert_eq!(db.stats()["tags"]["eu-leads"], hooli);

    // Reopen, undo, quit: the tag is gone.
    let s = Screen::start(&db, "undo", 120, 30);
    s.wait_for("2000 total");
    s.keys(&["u"]);
    s.wait_for("undid: tagged");
    // A misspelt word finds no one and says the word meant; Tab completes a word.
    s.keys(&["/"]);
    s.type_text("enginering");
    s.wait_for("starting with 'enginering' (did you mean");
    s.wait_for("engineering?)");
    s.keys(&["C-u"]);
    s.type_text("okon");
    s.keys(&["Tab"]);
    s.wait_for("filter: okonkwo █");
    // A field term finds its text from a word start, says the word a misspelt one meant,
    // and Tab opens a quote that narrows the table as it stands.
    let count = |filter: &str| {
        db.json(&["list", "--filter", filter, "--json"])
            .as_array()
            .map_or(0, Vec::len)
    };
    s.keys(&["C-u"]);
    s.type_text("title:ctoo");
    s.wait_for("no title has a word starting with 'ctoo' (did you mean cto?)");
    s.keys(&["BSpace"]);
    s.wait_for(&format!(
        "filter: title:cto█  {} of 2000",
        count("title:cto")
    ));
    s.keys(&["C-u"]);
    s.type_text("title:head");
    s.keys(&["Tab"]);
    s.wait_for(&format!(
        "filter: title:\"Head of █  {} of 2000",
        count("title:\"head of")
    ));
    s.keys(&["Escape"]);
    s.wait_for("2000 in view");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    drop(s);
    assert!(db.stats()["tags"].get("eu-leads").is_none());

    // A 30×8 terminal: move, open help, close, quit cleanly.
    // (The counts in their brief form: "2000 of 2000 · 0 selected".)
    let s = Screen::start(&db, "tiny", 30, 8);
    s.wait_for("2000 of 2000");
    s.keys(&["j", "j", "G", "?"]);
    s.wait_for("Keys");
    s.keys(&["Escape"]);
    s.wait_for("2000 of 2000");
    s.keys(&["2", "3", "4", "1", "q"]);
    assert_eq!(s.exit_code(), 0);
}

#[test]
fn demo_opens_the_workbench_and_a_cli_change_shows_up() {
    let Some(db) = demo_db() else { return };
    let s = Screen::start(&db, "outside", 120, 30);
    s.wait_for("2000 total");
    // Another process changes the database while the workbench is open.
    db.ok(&["tag", "add", "from-cli", "--filter", "company:globex"]);
    s.wait_for("changed by another netcurate: reloaded");
    s.keys(&["3"]);
    s.wait_for("#from-cli");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
}

/// On an 80×24 terminal the pillars view is taller than the screen: a scrollbar shows,
/// and `G` scrolls to the readings at its end, `g` back to the gauges.
#[test]
fn the_pillars_view_scrolls_on_a_standard_terminal() {
    let Some(db) = demo_db() else { return };
    db.ok(&[
        "ssi",
        "record",
        "--total",
        "61",
        "--brand",
        "14",
        "--frp",
        "12",
        "--engage",
        "16",
        "--br",
        "19",
        "--date",
        "2026-10-01",
    ]);
    let s = Screen::start(&db, "pillars", 80, 24);
    s.wait_for(" total · ");
    s.keys(&["4"]);
    s.wait_for("Build relationships");
    assert!(s.capture().contains('▲'), "{}", s.capture());
    assert!(!s.capture().contains("last: SSI 61"), "{}", s.capture());
    s.keys(&["G"]);
    s.wait_for("last: SSI 61");
    assert!(
        !s.capture().contains("Build relationships"),
        "{}",
        s.capture()
    );
    s.keys(&["g"]);
    s.wait_for("Build relationships");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
}

/// `netcurate demo` opens on the news of its latest import: N lists the new connections,
/// c triages them.
#[test]
fn the_demo_opens_on_the_weeks_new_connections() {
    let Some(db) = demo_db() else { return };
    let s = Screen::start_running(&db, "demo-news", 100, 28, "", "demo");
    s.wait_for("this week: 8 new, 5 job changes — N lists them");
    s.keys(&["N"]);
    let screen = s.wait_for("8 new — c triages them · N: 5 job changes");
    assert!(screen.contains("filter: added:>=7d  8 of 2000"), "{screen}");
    s.keys(&["c"]);
    s.wait_for("Triage  1 of 8");
    s.wait_for("a new connection: added by the import of 2026-11-01");
    s.keys(&["Escape"]);
    s.wait_gone("Triage  1 of 8");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
}

/// A keymap file with a mistake: the workbench opens with its other lines applied (the
/// mistaken one's command keeps its default keys), says why, and its help names the
/// file to fix.
#[test]
fn a_keymap_files_mistake_is_named_and_its_other_lines_apply() {
    let Some(db) = demo_db() else { return };
    let config = db.file("config");
    std::fs::create_dir_all(config.join("netcurate")).unwrap();
    let keys = config.join("netcurate").join("keys.toml");
    std::fs::write(&keys, "frobnicate = \"z\"\nhelp = \"H\"\n").unwrap();
    let env = format!("XDG_CONFIG_HOME='{}'", config.display());
    let s = Screen::start_with(&db, "keymap", 160, 30, &env);
    s.wait_for("line 1: unknown command 'frobnicate'");
    assert!(
        s.capture().contains("that line left out"),
        "{}",
        s.capture()
    );
    s.keys(&["H"]);
    s.wait_for("Keys");
    s.keys(&["G"]);
    s.wait_for(&format!("Rebind keys in {}", keys.display()));
    s.keys(&["Escape"]);
    s.wait_for("2000 total");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
}

/// The workbench takes the mouse while it runs and gives it back when it quits: a click on
/// a tab shows its view, the wheel scrolls the table, a click on a row and another there
/// explain it. With `mouse = false` in keys.toml the terminal keeps the mouse.
#[test]
fn the_mouse_clicks_and_scrolls_and_is_given_back_on_quit() {
    // SGR mouse buttons.
    const LEFT: u8 = 0;
    const WHEEL_DOWN: u8 = 65;
    let Some(db) = demo_db() else { return };
    let s = Screen::start(&db, "mouse", 120, 30);
    let first = s.wait_for("2000 total");
    assert!(s.mouse_taken(), "the workbench has the mouse");
    // The tabs: " 1 Contacts │ 2 Invitations │ …"
    s.mouse(LEFT, 18, 0);
    s.wait_for("Acceptance");
    s.mouse(LEFT, 4, 0);
    s.wait_for("sort: score");
    // Ten notches: the cursor 30 rows down, past the first page; the top row scrolls away.
    let top_row = first.lines().nth(3).expect("a first row").to_string();
    for _ in 0..10 {
        s.mouse(WHEEL_DOWN, 40, 10);
    }
    s.wait_until("the table to scroll", |screen| {
        screen.lines().nth(3).is_some_and(|row| row != top_row)
    });
    s.mouse(LEFT, 20, 6);
    s.mouse(LEFT, 20, 6);
    s.wait_for("Why this score");
    s.keys(&["Escape", "q"]);
    assert_eq!(s.exit_code(), 0);
    assert!(!s.mouse_taken(), "the mouse is given back");
    drop(s);

    let config = db.file("config-mouse");
    std::fs::create_dir_all(config.join("netcurate")).unwrap();
    std::fs::write(
        config.join("netcurate").join("keys.toml"),
        "mouse = false\n",
    )
    .unwrap();
    let env = format!("XDG_CONFIG_HOME='{}'", config.display());
    let s = Screen::start_with(&db, "no-mouse", 120, 30, &env);
    s.wait_for("2000 total");
    assert!(
        !s.mouse_taken(),
        "mouse = false leaves the mouse to the terminal"
    );
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
}

/// A click that reaches the workbench together with a key (a fast hand, a slow link) lands
/// on the row the user clicked, on the screen they saw, not on the row the key put there:
/// `G` and a click on the fourth row, in one write, then Enter explains that row's contact.
#[test]
fn a_click_queued_behind_a_key_lands_on_the_row_that_was_shown() {
    let Some(db) = demo_db() else { return };
    let s = Screen::start(&db, "click-queued", 120, 30);
    let first = s.wait_for("2000 total");
    // Row 6 of the screen: the fourth contact (a title line, a rule, the header first).
    let row = first.lines().nth(6).expect("a fourth row");
    let name = row
        .split_whitespace()
        .skip(2)
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    s.type_text("G\x1b[<0;21;7M");
    s.keys(&["Enter"]);
    let explained = s.wait_for("Why this score");
    let title = explained
        .lines()
        .skip_while(|line| !line.contains("Why this score"))
        .nth(1)
        .expect("the explanation's first line");
    assert!(title.contains(&name), "{name:?} explained:\n{explained}");
    s.keys(&["Escape", "q"]);
    assert_eq!(s.exit_code(), 0);
}

/// A paste reaches the workbench marked as one (bracketed paste): a line break in it is
/// text in the filter prompt, not Enter, and what follows it does not run as keys (`x`
/// would prune the contacts in view).
#[test]
fn a_pasted_line_break_is_text_not_enter() {
    let Some(db) = demo_db() else { return };
    let s = Screen::start(&db, "paste", 120, 30);
    s.wait_for("2000 total");
    s.keys(&["/"]);
    s.wait_for("filter: █");
    s.paste("company:hooli\nx");
    s.wait_for("filter: company:hooli x█");
    s.keys(&["Escape"]);
    s.wait_gone("filter: company");
    assert!(!s.capture().contains("prune"), "nothing pruned");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
}

/// A file dragged onto the terminal (its path pasted, quoted as Linux terminals quote
/// it) is offered for import: Enter imports it and shows the report.
#[test]
fn a_dropped_export_is_imported_on_enter() {
    let Some(db) = demo_db() else { return };
    let s = Screen::start(&db, "drop", 120, 30);
    s.wait_for("2000 total");
    let folder = format!("'{}/fixtures/demo/'", env!("CARGO_MANIFEST_DIR"));
    s.paste(&folder);
    s.wait_for("fixtures/demo/█");
    s.keys(&["Enter"]);
    s.wait_for("0 new, 0 gone");
    s.keys(&["Escape", "q"]);
    assert_eq!(s.exit_code(), 0);
}

/// A filter typed in one session is recalled by Up in the filter prompt of the next: the
/// history is kept with the database.
#[test]
fn a_filter_typed_is_recalled_by_up_in_the_next_session() {
    let Some(db) = demo_db() else { return };
    let s = Screen::start(&db, "history", 120, 30);
    s.wait_for("2000 total");
    s.keys(&["/"]);
    s.type_text("title:cto");
    s.wait_for("filter: title:cto█");
    s.keys(&["Enter"]);
    s.wait_gone("title:cto█");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    drop(s);
    let s = Screen::start(&db, "history-again", 120, 30);
    s.wait_for("2000 total");
    s.keys(&["/", "Up"]);
    s.wait_for("filter: title:cto█");
    s.keys(&["Escape", "q"]);
    assert_eq!(s.exit_code(), 0);
}

/// A panic in the workbench gives the terminal back as it was (the screen, the mouse) and
/// says what happened.
#[test]
fn a_panic_in_the_workbench_gives_the_terminal_back() {
    let Some(db) = demo_db() else { return };
    let err = db.file("panic-stderr");
    let env = "NETCURATE_TRACE=1 NETCURATE_PANIC_AFTER='drew the whole workbench'";
    let stderr_to = format!("2> '{}'", err.display());
    let s = Screen::start_running(&db, "panic", 100, 30, env, &stderr_to);
    assert_eq!(s.exit_code(), 101, "a panic's exit code");
    let pane = "#{alternate_on} #{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}";
    let modes = tmux(&["display-message", "-p", "-t", &s.name, pane]);
    assert_eq!(modes.trim(), "0 000", "the screen and the mouse given back");
    let stderr = std::fs::read_to_string(&err).unwrap_or_default();
    assert!(stderr.contains("a panic as asked"), "{stderr}");
}

/// Sends a signal to the netcurate process working on this database.
fn signal(db: &Db, sig: &str) {
    let status = Command::new("pkill")
        // The binary's own command line (the shell around it has quotes in it).
        .args([
            sig,
            "-f",
            "--",
            &format!("netcurate --db {}", db.path.display()),
        ])
        .status()
        .expect("pkill runs");
    assert!(status.success(), "no netcurate process to signal");
}

#[test]
fn triage_export_kill_restart_import_edit_profile_and_sigterm() {
    let Some(db) = demo_db() else { return };

    // Triage three cards, export the removal plan, then kill -9.
    let s = Screen::start(&db, "triage", 120, 34);
    s.wait_for("2000 total");
    // A plan with nothing marked yet says how to mark.
    s.keys(&["e"]);
    s.wait_for("export (kind path");
    s.keys(&["C-u"]);
    s.type_text(&format!("withdrawal-plan {}", db.file("w.csv").display()));
    s.keys(&["Enter"]);
    s.wait_for("exported 0 invitations (withdrawal-plan)");
    s.wait_for("— none marked (w / W mark, in invitations)");
    s.keys(&["c"]);
    s.wait_for("Triage  1 of");
    s.keys(&["x", "a", "p"]);
    s.wait_for("Triage  4 of");
    s.keys(&["Escape"]);
    s.wait_for("triage paused at 4 of");
    s.keys(&["e"]);
    s.wait_for("export (kind path");
    let plan = db.file("plan.csv");
    s.keys(&["C-u"]);
    // A last `;`: semicolons, for a spreadsheet in German, French, Dutch…
    s.type_text(&format!("removal-plan {} ;", plan.display()));
    s.keys(&["Enter"]);
    s.wait_for("exported 1 contact (removal-plan)");
    s.wait_for(".csv with ;");
    // Written, a plan says where to act on it on LinkedIn, in a box until a key.
    s.wait_for("Plan written");
    s.wait_for("More → Remove connection");
    // Its projection is logged, and the pillars view lists it at once.
    s.keys(&["Escape"]);
    s.wait_gone("Plan written");
    s.keys(&["4"]);
    s.wait_for("projected BR");
    signal(&db, "-KILL");
    s.exit_code();
    drop(s);
    let st = db.stats();
    assert_eq!(
        (
            st["decisions"]["prune"].clone(),
            st["decisions"]["keep"].clone(),
            st["decisions"]["protect"].clone()
        ),
        (1.into(), 1.into(), 1.into())
    );
    let written = std::fs::read_to_string(&plan).unwrap();
    assert_eq!(written.lines().count(), 2);
    assert!(written.starts_with("\u{feff}URL;"), "for Excel: {written}");

    // Restart: everything is still there, the export prompt offers `;` again; import a
    // file from inside with I.
    let s = Screen::start(&db, "import", 120, 34);
    s.wait_for("2000 total");
    s.keys(&["e"]);
    s.wait_for(".csv ;█");
    s.keys(&["Escape"]);
    s.wait_gone(".csv ;█");
    s.keys(&["I"]);
    s.wait_for("import path:");
    s.type_text(&fixture("linkedin/hubspot.csv"));
    s.keys(&["Enter"]);
    // The import's message names the file, not the path typed.
    let screen = s.wait_for("imported hubspot.csv: 3 contacts added, 0 merged");
    assert!(screen.contains("2003 total"), "{screen}");
    // Its report, whole, in a box until a key closes it.
    assert!(
        screen.contains("other contacts: 3 added, 0 merged"),
        "{screen}"
    );
    s.keys(&["Escape"]);
    s.wait_gone("any key closes");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    drop(s);
    assert_eq!(db.stats()["decisions"]["prune"], 1);

    // E edits the profile in $EDITOR and rescores.
    let s = Screen::start_with(
        &db,
        "edit",
        120,
        34,
        "EDITOR=\"sed -i s/threshold\\ =\\ 60/threshold\\ =\\ 65/\"",
    );
    s.wait_for("2003 total");
    edit_profile_to_threshold_65_and_quit(s, &db);

    // SIGTERM: the workbench quits cleanly and gives the terminal back.
    let s = Screen::start(&db, "term", 120, 34);
    s.wait_for("2003 total");
    signal(&db, "-TERM");
    assert_eq!(s.exit_code(), 0);
    assert!(
        !s.capture().contains("2003 total"),
        "the normal screen is back"
    );
}

/// A profile edit that does not parse is not lost: the workbench says why, keeps the old
/// profile, and the next E reopens the edit (here an editor that breaks the threshold the
/// first time and mends what it finds broken the second). `forget` removes the kept edit.
#[test]
fn a_broken_profile_edit_is_reopened_not_lost() {
    let Some(db) = demo_db() else { return };
    let editor = db.write("editor.sh", "if grep -q 'threshold = lots' \"$1\"; then sed -i 's/threshold = lots/threshold = 65/' \"$1\"; \
         else sed -i 's/threshold = 60/threshold = lots/' \"$1\"; fi\n");
    let s = Screen::start_with(
        &db,
        "reedit",
        120,
        34,
        &format!("EDITOR='sh {}'", editor.display()),
    );
    s.wait_for("2000 total");
    s.keys(&["E"]);
    s.wait_for("E reopens your edit");
    // The failure is shown whole in a box; the next key only closes it.
    s.wait_for("any key closes");
    s.keys(&["E"]);
    s.wait_gone("any key closes");
    assert!(
        db.ok(&["profile", "show"]).contains("threshold = 60"),
        "the old profile stays"
    );
    let kept = std::path::PathBuf::from(format!("{}.profile-edit.toml", db.path.display()));
    assert!(
        std::fs::read_to_string(&kept)
            .unwrap()
            .contains("threshold = lots")
    );
    edit_profile_to_threshold_65_and_quit(s, &db);
    assert!(!kept.exists(), "a saved edit leaves nothing behind");
}

/// A profile edit is one step: u brings back the old profile's scores on screen, Ctrl-R
/// the new ones, and the database keeps the one shown.
#[test]
fn a_profile_edit_is_undone_and_redone_in_the_workbench() {
    let Some(db) = demo_db() else { return };
    let s = Screen::start_with(
        &db,
        "undoedit",
        120,
        34,
        "EDITOR=\"sed -i s/Hooli/Initech/\"",
    );
    let rows = |screen: &str| {
        screen
            .lines()
            .skip(3)
            .take(20)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let before = rows(&s.wait_for("2000 total"));
    s.keys(&["E"]);
    let edited = rows(&s.wait_for("profile saved; rescored"));
    assert_ne!(edited, before);
    s.keys(&["u"]);
    assert_eq!(
        rows(&s.wait_for("undid: changed the audience profile")),
        before
    );
    assert!(db.ok(&["profile", "show"]).contains("\"Hooli\""));
    s.keys(&["C-r"]);
    assert_eq!(
        rows(&s.wait_for("redid: changed the audience profile")),
        edited
    );
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    assert!(db.ok(&["profile", "show"]).contains("\"Initech\""));
}

/// The saved filter `name` finding `query`, as the store lists it.
fn saved_filter(name: &str, query: &str) -> netcurate::network::Segment {
    netcurate::network::Segment {
        name: name.into(),
        query: query.into(),
    }
}

/// The workbench on `db` (a tmux session named for `test`) with the filter `company:hooli`
/// saved as the segment 'hooli team' from its keys (`/`, then `+`).
fn with_hooli_team_saved(db: &Db, test: &str) -> Screen {
    let s = Screen::start(db, test, 120, 34);
    s.wait_for("2000 total");
    s.keys(&["/"]);
    s.type_text("company:hooli");
    s.keys(&["Enter", "+"]);
    s.type_text("hooli team");
    s.keys(&["Enter"]);
    s.wait_for("saved segment 'hooli team'");
    s
}

/// A saved filter renamed with R in the segments view is stored under its new name; u
/// brings the old one back (the workbench reads its saved filters again), and Ctrl-r the
/// new one.
#[test]
fn a_saved_filter_renamed_with_r_is_undone_and_redone() {
    let Some(db) = demo_db() else { return };
    let s = with_hooli_team_saved(&db, "rename");
    s.keys(&["3", "G", "R"]);
    s.wait_for("rename to: hooli team█");
    s.keys(&["C-u"]);
    s.type_text("Hooli people");
    s.keys(&["Enter"]);
    s.wait_for("renamed segment 'hooli team' to 'Hooli people'");
    let listed = |screen: &str, name: &str| screen.lines().any(|l| l.starts_with(name));
    s.keys(&["u"]);
    let screen = s.wait_for("undid: renamed segment");
    assert!(
        listed(&screen, "hooli team") && !listed(&screen, "Hooli people"),
        "{screen}"
    );
    s.keys(&["C-r"]);
    let screen = s.wait_for("redid: renamed segment");
    assert!(
        listed(&screen, "Hooli people") && !listed(&screen, "hooli team"),
        "{screen}"
    );
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    let store = netcurate::store::Store::open(&db.path).unwrap();
    assert_eq!(
        store.saved_filters().unwrap(),
        [saved_filter("Hooli people", "company:hooli")]
    );
}

/// A saved filter deleted with D in the segments view comes back with u, shown in the
/// view at once, and the database keeps what is shown.
#[test]
fn a_deleted_saved_filter_comes_back_with_u() {
    let Some(db) = demo_db() else { return };
    let s = with_hooli_team_saved(&db, "segments");
    s.keys(&["3", "G", "D"]);
    s.wait_for("deleted segment 'hooli team'");
    s.wait_for("no tags or saved filters yet");
    s.keys(&["u"]);
    let screen = s.wait_for("undid: deleted segment 'hooli team'");
    assert!(
        screen.lines().any(|l| l.starts_with("hooli team")),
        "{screen}"
    );
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    let mut store = netcurate::store::Store::open(&db.path).unwrap();
    let saved = store.saved_filters().unwrap();
    assert_eq!(saved, [saved_filter("hooli team", "company:hooli")]);
    assert_eq!(
        store.undo().unwrap().map(|op| op.describe()).as_deref(),
        Some("saved segment 'hooli team'"),
        "what is left to undo"
    );
}

/// E (with an editor that sets the threshold to 65), saved and rescored; then q.
fn edit_profile_to_threshold_65_and_quit(s: Screen, db: &Db) {
    s.keys(&["E"]);
    s.wait_for("profile saved; rescored");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    drop(s);
    assert!(db.ok(&["profile", "show"]).contains("threshold = 65"));
}

/// The first import from an empty workbench, without a profile: the import prompt
/// starts with the newest LinkedIn export in the downloads folder; the workbench then
/// says that nothing is scored yet and which key drafts a profile.
#[test]
fn a_first_import_without_a_profile_says_how_to_score() {
    if !tmux_or_skip() {
        return;
    }
    let db = Db::new();
    let home = db.file("home");
    let downloads = home.join("Downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    for name in [
        "Basic_LinkedInDataExport_10-01-2026.zip",
        "Basic_LinkedInDataExport_11-25-2026.zip",
    ] {
        std::fs::copy(fixture("linkedin/export-2026.zip"), downloads.join(name)).unwrap();
    }
    std::fs::write(downloads.join("unrelated.csv"), "a,b\n1,2\n").unwrap();
    let env = format!(
        "HOME='{}' XDG_CONFIG_HOME='{}'",
        home.display(),
        home.join(".config").display()
    );
    // Quit at once, the workbench leaves no database behind (a mistyped --db?).
    let s = Screen::start_with(&db, "first-look", 120, 30, &env);
    s.wait_for("No contacts yet");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    assert!(!db.path.exists(), "an empty database was left behind");
    let s = Screen::start_with(&db, "first", 120, 30, &env);
    s.wait_for("No contacts yet");
    s.keys(&["I"]);
    s.wait_for("import path: ~/Downloads/Basic_LinkedInDataExport_11-25-2026.zip█");
    s.keys(&["Enter"]);
    s.wait_for("not scored yet: E drafts a profile; imported Basic_LinkedInDataExport_11-25");
    s.keys(&["Escape"]);
    s.wait_gone("any key closes");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    assert_eq!(
        db.stats()["connections"],
        42,
        "the archive alone, not the folder"
    );
}

/// A file piped in slowly (`… | netcurate import -`) has no size until its end: the
/// progress line says how much it has read so far, by a spinner, instead of a bar
/// standing still, then the import reports as any other.
#[test]
fn a_slow_pipe_shows_the_bytes_read_so_far() {
    if !tmux_or_skip() {
        return;
    }
    let db = Db::new();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let people = netcurate::synth::people(5, 2000, (60, 40, 200), 0, as_of);
    let file = db.file("Connections.csv");
    let csv = netcurate::synth::connections_csv(&people, netcurate::synth::Style::Y2026);
    std::fs::write(&file, csv).unwrap();
    let (s, line) = Screen::prepare(&db, "pipe", "");
    let (file, exit_file) = (file.display(), s.exit_file.display());
    s.open(
        100,
        10,
        &format!(
            "(head -c 100000 '{file}'; sleep 3; tail -c +100001 '{file}') | {line} import -; \
             echo $? > '{exit_file}'; sleep 60"
        ),
    );
    let screen = s.wait_until("the bytes read so far", |screen| {
        screen
            .lines()
            .any(|l| l.contains("reading") && l.contains("KiB so far"))
    });
    assert!(!screen.contains("connections —"), "{screen}");
    // A spinner, not a bar standing at 0% until the pipe ends.
    assert!(!screen.contains('%'), "{screen}");
    s.wait_for("stdin: connections — read 2000, imported 2000");
    assert_eq!(s.exit_code(), 0);
}

/// An export imported from the workbench ends with its report; Enter on it lists the new
/// connections. (The fixture's export is another, older network than the demo's: the
/// workbench first asks whether to import it anyway.)
#[test]
fn enter_on_the_import_report_lists_the_new_connections() {
    let Some(db) = demo_db() else { return };
    let s = Screen::start(&db, "weekly", 110, 34);
    s.wait_for("2000 total");
    s.keys(&["I"]);
    s.wait_for("import path:");
    s.type_text(&fixture("linkedin/export-2026.zip"));
    s.keys(&["Enter"]);
    let screen = s.wait_for("import it anyway? (y / n)");
    assert!(screen.contains("this export looks older"), "{screen}");
    s.keys(&["y"]);
    let screen = s.wait_for("Enter lists the new connections");
    assert!(screen.contains("connections: 6 new"), "{screen}");
    assert!(
        screen.contains("of the 6 new connections, 4 are in your audience"),
        "{screen}"
    );
    s.keys(&["Enter"]);
    let screen = s.wait_for("shown: the import's new connections");
    assert!(
        screen.contains("6 shown") && screen.contains("added:>=2026-11-01"),
        "exactly the 6 new, whatever their connection dates: {screen}"
    );
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    drop(s);
    // Next week's import prompt starts in the folder this one came from.
    let s = Screen::start(&db, "weekly-again", 110, 34);
    // The week's news: the 6 added, and the demo's connections this export lacks, gone.
    s.wait_for("6 new, 36 job changes, 1964 gone — N lists them");
    s.keys(&["I"]);
    let folder = std::fs::canonicalize(fixture("linkedin")).unwrap();
    s.wait_for(&format!("import path: {}/", folder.display()));
    s.keys(&["Escape"]);
    s.wait_gone("import path:");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
}

/// The weekly import from inside the workbench, with Tab completing the file's name, then
/// taken back whole with u once nothing else is left to undo (asked first); H lists it in
/// the history, saying so.
#[test]
fn an_import_from_the_workbench_is_completed_by_tab_and_taken_back_by_u() {
    let Some(db) = demo_db() else { return };
    let s = Screen::start(&db, "undo-import", 120, 34);
    s.wait_for("2000 total");
    s.keys(&["I"]);
    s.wait_for("import path:");
    s.type_text(&fixture("linkedin/hub"));
    s.keys(&["Tab"]);
    s.wait_for("hubspot.csv█");
    s.keys(&["Enter"]);
    s.wait_for("2003 total");
    s.keys(&["Escape"]);
    s.wait_gone("any key closes");
    s.keys(&["H"]);
    s.wait_for("History — newest first");
    s.wait_for("the import of hubspot.csv (3 contacts added) — u (asked first) takes it back");
    s.keys(&["Escape"]);
    s.wait_gone("History — newest first");
    s.keys(&["u"]);
    s.wait_for("Nothing is left to undo but the import of hubspot.csv on ");
    s.wait_for("Take it back whole? (y / n)");
    s.keys(&["y"]);
    s.wait_for("undid the import of hubspot.csv on ");
    s.wait_for(": I imports it again");
    s.wait_for("2000 of 2000");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    drop(s);
    assert_eq!(db.stats()["connections"], 2000);
}

/// A contact CSV under column names netcurate does not know: the workbench's import (I)
/// shows why it cannot read it, whole; once a file with that header was imported with
/// `--map`, the workbench imports the next one with the map remembered for it.
#[test]
fn the_workbench_imports_a_crm_file_with_its_remembered_map() {
    if !tmux_or_skip() {
        return;
    }
    let db = Db::new();
    db.ok(&["import", &fixture("linkedin/2026/Connections.csv")]);
    let next_week = db.write(
        "crm-next-week.csv",
        "Kontakt;Firma;Rolle;Title;Profil;E-Mail-Adresse;Stadt;Telefon\n\
         Jonas Berg;Initech;Head of Data;Old title;;jonas@example.org;Köln;\n",
    );
    let import_in_workbench = |name: &str, expect: &str| {
        let s = Screen::start(&db, name, 100, 30);
        s.wait_for(" total · ");
        s.keys(&["I"]);
        s.wait_for("import path:");
        s.type_text(&next_week.display().to_string());
        s.keys(&["Enter"]);
        s.wait_for(expect);
        // Together they read as Alt-q: Esc closes the report, then q quits.
        s.keys_together(&["Escape", "q"]);
        assert_eq!(s.exit_code(), 0);
    };
    import_in_workbench("crm-unknown", "any key closes");
    assert_eq!(db.stats()["other_contacts"], 0);
    let crm = fixture("linkedin/crm-other-names.csv");
    db.ok(&[["import", crm.as_str()].as_slice(), &CRM_MAP].concat());
    import_in_workbench(
        "crm-mapped",
        "columns read (with the --map given for this header before)",
    );
    let jonas = &db.json(&["list", "--json", "--filter", "name:\"jonas berg\""])[0];
    assert_eq!(
        (jonas["company"].as_str(), jonas["position"].as_str()),
        (Some("Initech"), Some("Head of Data"))
    );
}

/// In the real terminal, Tab in the filter prompt completes a field and then its value,
/// Tab again walks through the values it listed and Shift-Tab back, and the completed
/// filter applies; sorted by the last message (`s` to it), the wide table's date column
/// is the last message's.
#[test]
fn tab_completes_a_filter_and_the_table_sorts_by_the_last_message() {
    let Some(db) = demo_db() else { return };
    let s = Screen::start(&db, "complete-filter", 140, 30);
    s.wait_for("2000 total");
    s.keys(&["/"]);
    s.type_text("fla");
    s.keys(&["Tab"]);
    s.wait_for("filter: flag:█");
    s.keys(&["Tab"]);
    s.wait_for("Tab: hidden  no-title");
    s.keys(&["Tab"]);
    s.wait_for("filter: flag:hidden █");
    s.wait_for("Tab 1/12: [hidden]  no-title");
    s.keys(&["BTab"]);
    s.wait_for("filter: flag:█");
    s.keys(&["BTab"]);
    s.wait_for("Tab 12/12: [");
    s.keys(&["C-w"]);
    s.type_text("flag:wa");
    s.keys(&["Tab"]);
    s.wait_for("filter: flag:warm █");
    s.keys(&["Enter"]);
    let warm = db.json(&["list", "--filter", "flag:warm", "--json"]);
    let warm = warm.as_array().expect("a list").len();
    s.wait_for(&format!("2000 total · {warm} in view"));
    // score → name → company → title → seniority → connected → messaged.
    s.keys(&["s", "s", "s", "s", "s", "s"]);
    let screen = s.wait_for("sort: messaged ↓");
    let latest = warm_latest(&db);
    assert!(screen.contains(" messaged "), "{screen}");
    assert!(
        screen.contains(&latest),
        "the latest message first: {latest}\n{screen}"
    );
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
}

/// The day of the latest message with a warm contact, as the table shows it.
fn warm_latest(db: &Db) -> String {
    let warm = db.json(&[
        "list",
        "--filter",
        "flag:warm",
        "--sort",
        "messaged",
        "--json",
    ]);
    let at = warm[0]["last_message_at"].as_str().expect("a date");
    at[..10].to_string()
}

/// `y` puts the row's profile URL on the clipboard through the terminal (OSC 52): tmux,
/// told to take such copies, holds it as its paste buffer.
#[test]
fn y_copies_the_profile_url_through_the_terminal() {
    let Some(db) = demo_db() else { return };
    tmux(&["set-option", "-g", "set-clipboard", "on"]);
    let first = &db.json(&["list", "--limit", "1", "--json"])[0];
    let url = first["url"].as_str().expect("a URL").to_string();
    let s = Screen::start(&db, "copy", 140, 30);
    s.wait_for("2000 total");
    s.keys(&["y"]);
    s.wait_for("copied the profile URL to the clipboard");
    assert_eq!(tmux(&["show-buffer"]), url);
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
}

/// `=` in the pillars view stores an assumption (Tab completing its name), as `pillars
/// --set` does: the command line reads it, and `undo` takes it back.
#[test]
fn an_assumption_set_in_the_workbench_is_stored_and_undone() {
    let Some(db) = demo_db() else { return };
    let kappa = |db: &Db| db.json(&["pillars", "--json"])["assumptions"]["kappa"].as_f64();
    assert_eq!(kappa(&db), Some(1.0));
    let s = Screen::start(&db, "assumption", 120, 30);
    s.wait_for("2000 total");
    s.keys(&["4", "="]);
    s.wait_for("assumption name=value:");
    s.type_text("kap");
    s.keys(&["Tab"]);
    s.wait_for("assumption name=value: kappa=█");
    s.type_text("0.5");
    s.keys(&["Enter"]);
    s.wait_for("set kappa=0.5");
    s.keys(&["q"]);
    assert_eq!(s.exit_code(), 0);
    assert_eq!(kappa(&db), Some(0.5));
    db.ok(&["undo"]);
    assert_eq!(kappa(&db), Some(1.0));
}

/// In a real 80-column terminal (no `$COLUMNS`: the shell does not export it), `list`
/// fits its lines to the terminal's own width and `explain` breaks its long lines at
/// spaces: no line wraps (tmux joins wrapped lines back with `capture-pane -J`).
#[test]
fn commands_fit_the_terminal_they_print_to() {
    let Some(db) = demo_db() else { return };
    let (s, line) = Screen::prepare(&db, "fit", "");
    s.open(80, 60, "PS1='shell$ ' bash --norc --noprofile -i");
    s.wait_for("shell$");
    s.type_text(&format!(
        "{line} list --limit 8; {line} explain 12; echo done-$((6*7))"
    ));
    s.keys(&["Enter"]);
    s.wait_for("done-42");
    let joined = tmux(&["capture-pane", "-p", "-J", "-t", &s.name]);
    let width = |l: &str| unicode_width::UnicodeWidthStr::width(l.trim_end());
    assert!(joined.contains("8 shown of 2000"), "{joined}");
    assert!(joined.contains('…'), "titles cut to fit: {joined}");
    assert!(joined.contains("= "), "explain's summary: {joined}");
    let output = joined.lines().filter(|l| !l.starts_with("shell$"));
    assert!(output.clone().all(|l| width(l) <= 80), "{joined}");
}
