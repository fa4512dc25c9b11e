//! Keys as data: one table maps keys to named commands per context, drives dispatch and
//! generates the help overlay. A user file (`$XDG_CONFIG_HOME/netcurate/keys.toml`, else
//! `~/.config/netcurate/keys.toml`) can rebind any command: `undo = "ctrl-z"`.
//!
//! Must not: know what a command does (app/ does).

use super::strings;
use netcurate::error::{did_you_mean, line_at, toml_line};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::HashMap;
use std::path::PathBuf;

/// Every bindable command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Quit,
    Help,
    Down,
    Up,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    Left,
    Right,
    Filter,
    SortNext,
    SortReverse,
    ToggleSelect,
    RangeSelect,
    SelectAll,
    ClearSelection,
    Keep,
    Prune,
    Protect,
    Reset,
    TagAdd,
    TagRemove,
    Undo,
    Redo,
    History,
    Explain,
    OpenUrl,
    Copy,
    Export,
    ViewContacts,
    ViewInvitations,
    ViewSegments,
    ViewPillars,
    NextView,
    Withdraw,
    WithdrawStale,
    Triage,
    ShowNew,
    SaveFilter,
    Rename,
    DeleteSegment,
    EditProfile,
    Import,
    RecordSsi,
    SetAssumption,
    Suspend,
}

/// (command, config name, default keys), in the help's order; each command's help text
/// is `strings::command_help`.
pub const BINDINGS: &[(Command, &str, &[&str])] = &[
    (Command::Down, "down", &["j", "down"]),
    (Command::Up, "up", &["k", "up"]),
    (Command::Top, "top", &["g", "home"]),
    (Command::Bottom, "bottom", &["G", "end"]),
    (
        Command::HalfPageDown,
        "half-page-down",
        &["ctrl-d", "pagedown"],
    ),
    (Command::HalfPageUp, "half-page-up", &["ctrl-u", "pageup"]),
    (Command::Left, "left", &["h", "left"]),
    (Command::Right, "right", &["l", "right"]),
    (Command::Filter, "filter", &["/"]),
    (Command::SortNext, "sort", &["s"]),
    (Command::SortReverse, "sort-reverse", &["S"]),
    (Command::ToggleSelect, "select", &["space"]),
    (Command::RangeSelect, "range-select", &["v"]),
    (Command::SelectAll, "select-all", &["*"]),
    (Command::ClearSelection, "clear", &["esc"]),
    (Command::Keep, "keep", &["a"]),
    (Command::Prune, "prune", &["x"]),
    (Command::Protect, "protect", &["p"]),
    (Command::Reset, "reset", &["r"]),
    (Command::TagAdd, "tag", &["t"]),
    (Command::TagRemove, "untag", &["T"]),
    (Command::Undo, "undo", &["u"]),
    (Command::Redo, "redo", &["ctrl-r"]),
    (Command::History, "history", &["H"]),
    (Command::Explain, "explain", &["enter"]),
    (Command::OpenUrl, "open", &["o"]),
    (Command::Copy, "copy", &["y"]),
    (Command::Export, "export", &["e"]),
    (Command::Withdraw, "withdraw", &["w"]),
    (Command::WithdrawStale, "withdraw-stale", &["W"]),
    (Command::Triage, "triage", &["c"]),
    (Command::ShowNew, "new", &["N"]),
    (Command::SaveFilter, "save-filter", &["+"]),
    (Command::DeleteSegment, "delete-segment", &["D"]),
    (Command::Rename, "rename", &["R"]),
    (Command::EditProfile, "edit-profile", &["E"]),
    (Command::Import, "import", &["I"]),
    (Command::RecordSsi, "record-ssi", &["n"]),
    (Command::SetAssumption, "set-assumption", &["="]),
    (Command::ViewContacts, "view-contacts", &["1"]),
    (Command::ViewInvitations, "view-invitations", &["2"]),
    (Command::ViewSegments, "view-segments", &["3"]),
    (Command::ViewPillars, "view-pillars", &["4"]),
    (Command::NextView, "next-view", &["tab"]),
    (Command::Help, "help", &["?"]),
    (Command::Suspend, "suspend", &["ctrl-z"]),
    (Command::Quit, "quit", &["q"]),
];

impl Command {
    /// The command's name in the keymap file (`prune`, `withdraw-stale`).
    pub fn name(self) -> &'static str {
        (BINDINGS.iter())
            .find(|(c, ..)| *c == self)
            .map_or("?", |(_, name, ..)| name)
    }
}

/// A key as written in the keymap (`j`, `G`, `ctrl-r`, `space`, `enter`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub fn parse(s: &str) -> Option<Key> {
        let (ctrl, rest) = match s.strip_prefix("ctrl-") {
            Some(r) => (true, r),
            None => (false, s),
        };
        let code = match rest {
            "space" => KeyCode::Char(' '),
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "backspace" => KeyCode::Backspace,
            one if one.chars().count() == 1 => KeyCode::Char(one.chars().next()?),
            _ => return None,
        };
        Some(Key { code, ctrl })
    }

    pub fn of(event: &KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        }
    }
}

#[derive(Clone)]
pub struct Keymap {
    map: HashMap<Key, Command>,
    /// For help: each command's keys as text.
    pub keys_of: HashMap<Command, Vec<String>>,
    /// Where the user rebinds keys (whether or not the file exists yet), for help to say;
    /// `None` for the defaults alone.
    pub file: Option<PathBuf>,
    /// Whether the workbench takes the mouse (the wheel, clicks); `mouse = false` in the
    /// file leaves it to the terminal (selecting text without holding Shift).
    pub mouse: bool,
}

/// The keymap file's one setting that is not a command: whether the workbench takes the
/// mouse.
const MOUSE_SETTING: &str = "mouse";

/// What one line of keys.toml sets.
enum Override {
    Mouse(bool),
    Keys(Vec<String>),
}

/// What the keys.toml line `name = value` sets, or why it cannot.
fn override_of(name: &str, value: toml::Value) -> Result<Override, String> {
    if name == MOUSE_SETTING {
        return match value {
            toml::Value::Boolean(on) => Ok(Override::Mouse(on)),
            _ => Err(strings::MOUSE_TAKES.to_string()),
        };
    }
    if !BINDINGS.iter().any(|(_, n, _)| *n == name) {
        let names = BINDINGS.iter().map(|(_, n, _)| *n);
        let near = did_you_mean(name, names.chain([MOUSE_SETTING]));
        return Err(strings::unknown_command(name, &near));
    }
    let keys: Vec<String> = match value {
        toml::Value::String(s) => vec![s],
        toml::Value::Array(a) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => return Err(strings::takes_keys(name)),
    };
    match keys.iter().find(|k| Key::parse(k).is_none()) {
        Some(bad) => Err(strings::not_a_key(bad)),
        None => Ok(Override::Keys(keys)),
    }
}

/// `why`, after the line it is about when known: "line 3: …".
fn at_line(line: Option<usize>, why: String) -> String {
    match line {
        Some(line) => format!("line {line}: {why}"),
        None => why,
    }
}

impl Keymap {
    pub fn default_map() -> Keymap {
        Keymap::with_overrides(&HashMap::new())
    }

    /// The defaults with `overrides` (config name → keys). A key the user gives a command
    /// is taken from whichever command had it by default (`undo = "ctrl-z"` undoes rather
    /// than suspends; before, the command listed later kept the key).
    fn with_overrides(overrides: &HashMap<String, Vec<String>>) -> Keymap {
        let mut map = HashMap::new();
        let mut keys_of = HashMap::new();
        let claimed: Vec<Key> = (overrides.values().flatten())
            .filter_map(|k| Key::parse(k))
            .collect();
        for (command, name, defaults) in BINDINGS {
            let keys: Vec<String> = match overrides.get(*name) {
                Some(keys) => keys.clone(),
                None => (defaults.iter())
                    .filter(|k| Key::parse(k).is_none_or(|key| !claimed.contains(&key)))
                    .map(|k| k.to_string())
                    .collect(),
            };
            for k in &keys {
                if let Some(key) = Key::parse(k) {
                    map.insert(key, *command);
                }
            }
            keys_of.insert(*command, keys);
        }
        Keymap {
            map,
            keys_of,
            file: None,
            mouse: true,
        }
    }

    /// The user's keymap file, if any.
    fn user_file() -> Option<PathBuf> {
        Some(
            crate::platform::config_dir()?
                .join("netcurate")
                .join("keys.toml"),
        )
    }

    /// Defaults with the user's overrides (`command = "key"` or `command = ["k1", "k2"]`),
    /// knowing its file, and what the status should say of the file, if anything: when it
    /// cannot be read or is not TOML, the defaults (still knowing the file, for help to
    /// name it) and why; when some of its lines have a mistake, the others applied and
    /// every mistake, each with its line.
    pub fn load() -> (Keymap, Option<String>) {
        let file = Keymap::user_file();
        let read = |path: &PathBuf| {
            let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
            Keymap::read_overrides(&text)
        };
        let (mut keymap, said) = match file.as_ref().filter(|p| p.exists()) {
            None => (Keymap::default_map(), None),
            Some(path) => match read(path) {
                Ok((keymap, mistakes)) if mistakes.is_empty() => (keymap, None),
                Ok((keymap, mistakes)) => (
                    keymap,
                    Some(strings::status::keymap_lines_left_out(path, &mistakes)),
                ),
                Err(e) => (
                    Keymap::default_map(),
                    Some(strings::status::keymap_ignored(format!(
                        "{}: {e}",
                        path.display()
                    ))),
                ),
            },
        };
        keymap.file = file;
        (keymap, said)
    }

    /// The keymap a keys.toml `text` makes, any mistake in it an error (every one, each
    /// said with its line).
    #[cfg(test)]
    pub fn parse_overrides(text: &str) -> Result<Keymap, String> {
        match Keymap::read_overrides(text)? {
            (keymap, mistakes) if mistakes.is_empty() => Ok(keymap),
            (_, mistakes) => Err(mistakes.join("; ")),
        }
    }

    /// The keymap a keys.toml `text` makes with its lines that have a mistake left out
    /// (their commands keep their default keys), and those mistakes, each said with its
    /// line; text that is not TOML makes none, and its mistake is the error.
    pub fn read_overrides(text: &str) -> Result<(Keymap, Vec<String>), String> {
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let line = e.span().map(|span| line_at(text, span.start));
            at_line(line, e.message().to_string())
        })?;
        let mut overrides = HashMap::new();
        let mut mouse = true;
        let mut mistakes = Vec::new();
        for (name, value) in table {
            let line = toml_line(text, None, &name);
            match override_of(&name, value) {
                Ok(Override::Mouse(on)) => mouse = on,
                Ok(Override::Keys(keys)) => {
                    overrides.insert(name, keys);
                }
                Err(why) => mistakes.push((line, at_line(line, why))),
            }
        }
        // In the file's order (the table's is the names').
        mistakes.sort_by_key(|(line, _)| *line);
        let keymap = Keymap {
            mouse,
            ..Keymap::with_overrides(&overrides)
        };
        Ok((keymap, mistakes.into_iter().map(|(_, m)| m).collect()))
    }

    pub fn command(&self, event: &KeyEvent) -> Option<Command> {
        let mut key = Key::of(event);
        // Shifted letters arrive as uppercase chars; ignore the SHIFT modifier itself.
        if let KeyCode::BackTab = key.code {
            key.code = KeyCode::Tab;
        }
        self.map.get(&key).copied()
    }

    /// The first key bound to `command`, as the help shows it.
    pub fn first_key(&self, command: Command) -> Option<&str> {
        self.keys_of.get(&command)?.first().map(String::as_str)
    }

    /// How a message names `command`'s key: its first key, or, when the user left it
    /// without one, the command's name in the keymap file.
    pub fn key(&self, command: Command) -> &str {
        self.first_key(command).unwrap_or_else(|| command.name())
    }

    /// What ends the message of a change: " — u to undo", with the user's undo key.
    pub fn undo_hint(&self) -> String {
        strings::undo_hint(self.key(Command::Undo))
    }

    /// Help lines: (keys, description), in table order.
    pub fn help_lines(&self) -> Vec<(String, &'static str)> {
        BINDINGS
            .iter()
            .map(|(c, _, _)| {
                (
                    self.keys_of.get(c).map(|k| k.join(" ")).unwrap_or_default(),
                    strings::command_help(*c),
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README lists every command a keymap file can bind, by its name there.
    #[test]
    fn the_readme_names_every_bindable_command() {
        let readme = include_str!("../../README.md");
        let listed = readme
            .split_once("Commands: ")
            .map(|(_, rest)| rest.split_once(". ").map_or(rest, |(list, _)| list))
            .expect("the README lists the commands");
        for (_, name, _) in BINDINGS {
            assert!(listed.contains(&format!("`{name}`")), "{name} in: {listed}");
        }
    }

    #[test]
    fn overrides_rebind_and_help_follows() {
        let km = Keymap::parse_overrides("undo = \"ctrl-z\"\nquit = [\"q\", \"Q\"]").unwrap();
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(km.command(&ctrl_z), Some(Command::Undo));
        let u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE);
        assert_eq!(km.command(&u), None);
        assert!(
            km.help_lines()
                .iter()
                .any(|(k, h)| k == "ctrl-z" && *h == "undo the last change")
        );
        assert!(Keymap::parse_overrides("fly = \"f\"").is_err());
        assert!(Keymap::parse_overrides("undo = \"ctrl-\"").is_err());
    }

    /// A mistake in keys.toml is said with its line, a misspelt command with the one meant.
    #[test]
    fn a_keymap_mistake_names_its_line() {
        let err = |text: &str| Keymap::parse_overrides(text).err().unwrap_or_default();
        assert_eq!(
            err("# mine\nundo = \"ctrl-z\"\nundoo = \"U\"\n"),
            "line 3: unknown command 'undoo' (did you mean undo?)"
        );
        assert_eq!(
            err("quit = \"q\"\nredo = \"ctrl-\"\n"),
            "line 2: 'ctrl-' is not a key"
        );
        assert_eq!(
            err("quit = 3\n"),
            "line 1: 'quit' takes a key or a list of keys"
        );
        assert!(err("quit = \"q\"\nundo = = \"u\"\n").starts_with("line 2: "));
        assert_eq!(
            err("undo = \"u\"\nmouse = \"no\"\n"),
            "line 2: 'mouse' takes true or false"
        );
        assert_eq!(
            err("mose = false\n"),
            "line 1: unknown command 'mose' (did you mean mouse?)"
        );
    }

    /// A keys.toml with mistakes on some lines: the others apply, and every mistake is
    /// said, in the file's order; text that is not TOML applies none.
    #[test]
    fn a_keymap_applies_its_good_lines_and_says_every_mistake() {
        let text = "undo = \"U\"\nzoom = \"z\"\nmouse = \"no\"\nredo = \"ctrl-\"\nquit = \"Q\"\n";
        let (km, mistakes) = Keymap::read_overrides(text).expect("TOML");
        assert_eq!(
            mistakes,
            [
                "line 2: unknown command 'zoom'",
                "line 3: 'mouse' takes true or false",
                "line 4: 'ctrl-' is not a key",
            ]
        );
        assert_eq!(km.key(Command::Undo), "U");
        assert_eq!(km.key(Command::Quit), "Q");
        assert_eq!(
            km.key(Command::Redo),
            "ctrl-r",
            "a bad line's command keeps its keys"
        );
        assert!(km.mouse);
        let said = strings::status::keymap_lines_left_out("keys.toml".as_ref(), &mistakes);
        assert_eq!(
            said,
            "keys.toml: line 2: unknown command 'zoom'; line 3: 'mouse' takes true or false; \
             line 4: 'ctrl-' is not a key — those lines left out, the rest applies"
        );
        assert!(Keymap::read_overrides("undo = = \"u\"").is_err());
    }

    /// The workbench takes the mouse unless the keymap file says `mouse = false`; the
    /// keys bound there still apply.
    #[test]
    fn the_keymap_file_can_leave_the_mouse_to_the_terminal() {
        assert!(Keymap::default_map().mouse);
        assert!(Keymap::parse_overrides("undo = \"U\"").unwrap().mouse);
        let km = Keymap::parse_overrides("mouse = false\nundo = \"U\"").unwrap();
        assert!(!km.mouse);
        let shift_u = KeyEvent::new(KeyCode::Char('U'), KeyModifiers::SHIFT);
        assert_eq!(km.command(&shift_u), Some(Command::Undo));
    }

    /// A key the user gives a command is taken from the command that had it by default,
    /// whichever comes first in the table, and help no longer lists it there: `undo =
    /// "ctrl-z"` undoes (suspend keeps no key), `undo = "q"` undoes (quit has none left).
    #[test]
    fn a_key_the_user_binds_is_taken_from_its_default_command() {
        for (file, key, gone) in [
            ("undo = \"ctrl-z\"", Key::parse("ctrl-z"), Command::Suspend),
            ("undo = \"q\"", Key::parse("q"), Command::Quit),
        ] {
            let km = Keymap::parse_overrides(file).unwrap();
            let key = key.unwrap();
            let modifiers = match key.ctrl {
                true => KeyModifiers::CONTROL,
                false => KeyModifiers::NONE,
            };
            let event = KeyEvent::new(key.code, modifiers);
            assert_eq!(km.command(&event), Some(Command::Undo), "{file}");
            assert_eq!(km.first_key(gone), None, "{file}");
        }
    }

    /// Text names a command's first key, or its keymap name when the user left it none.
    #[test]
    fn a_command_is_named_by_its_key_or_its_name() {
        let km = Keymap::parse_overrides("range-select = []\nundo = [\"ctrl-z\", \"u\"]").unwrap();
        assert_eq!(km.key(Command::Undo), "ctrl-z");
        assert_eq!(km.key(Command::RangeSelect), "range-select");
        assert_eq!(km.key(Command::Filter), "/");
    }

    #[test]
    fn every_command_has_a_default_key() {
        let km = Keymap::default_map();
        for (c, _, keys) in BINDINGS {
            assert!(!keys.is_empty());
            for k in *keys {
                let key = Key::parse(k).unwrap();
                let ev = KeyEvent::new(
                    key.code,
                    if key.ctrl {
                        KeyModifiers::CONTROL
                    } else {
                        KeyModifiers::NONE
                    },
                );
                assert_eq!(km.command(&ev), Some(*c), "{k}");
            }
        }
    }
}
