//! Helpers shared by the integration tests: run the real binary on a throwaway database
//! and read its JSON.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub const AS_OF: &str = "2026-11-01";

pub struct Db {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Db {
    pub fn new() -> Db {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("net.db");
        Db { dir, path }
    }

    /// A database with nothing in it yet (the schema only).
    pub fn empty() -> Db {
        let db = Db::new();
        netcurate::store::Store::open(&db.path).expect("create the database");
        db
    }

    /// `netcurate --db DB --as-of AS_OF args…`, to run.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_netcurate"));
        // `list` fits a width given by $COLUMNS; tests that want one set it.
        command
            .env_remove("COLUMNS")
            .arg("--db")
            .arg(&self.path)
            .arg("--as-of")
            .arg(AS_OF)
            .args(args);
        command
    }

    /// `netcurate --db DB args`, as netcurate's messages name a command to paste (this
    /// database is not the default one).
    pub fn command_line(&self, args: &str) -> String {
        format!("netcurate --db {} {args}", self.path.display())
    }

    /// Runs `netcurate --db DB --as-of AS_OF args…`; returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        outcome(self.command(args).output().expect("run netcurate"))
    }

    /// [`Db::run`] with `input` piped into its standard input.
    pub fn run_piping(&self, args: &[&str], input: &[u8]) -> (i32, String, String) {
        use std::io::Write;
        let mut child = (self.command(args))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run netcurate");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input).expect("write stdin");
        drop(stdin);
        outcome(child.wait_with_output().expect("run netcurate"))
    }

    /// Runs and requires success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "netcurate {args:?} failed: {err}");
        out
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).expect("JSON output")
    }

    pub fn stats(&self) -> serde_json::Value {
        self.json(&["stats", "--json"])
    }

    /// The full names of the contacts `list` shows with `args` (`--filter …`), in its
    /// order.
    pub fn names(&self, args: &[&str]) -> Vec<String> {
        let listed = self.json(&[["list", "--json"].as_slice(), args].concat());
        (listed.as_array().expect("a list").iter())
            .map(|c| {
                let part = |k: &str| c[k].as_str().expect("a name part").to_string();
                format!("{} {}", part("first_name"), part("last_name"))
            })
            .collect()
    }

    /// Every contact's score, by id (`null` for none).
    pub fn scores(&self) -> std::collections::BTreeMap<i64, serde_json::Value> {
        let all = self.json(&["list", "--json"]);
        (all.as_array().expect("a list").iter())
            .map(|c| (c["id"].as_i64().expect("an id"), c["score"].clone()))
            .collect()
    }

    /// The fixture `rel` with `from` replaced by `to` (which must change it), written
    /// beside the database as `name`: its path.
    pub fn changed_fixture(&self, rel: &str, from: &str, to: &str, name: &str) -> String {
        let text = std::fs::read_to_string(fixture(rel)).expect("fixture");
        let changed = text.replace(from, to);
        assert_ne!(changed, text, "{from:?} is not in {rel}");
        let path = self.file(name);
        std::fs::write(&path, changed).expect("write");
        path.display().to_string()
    }

    /// A database holding the bundled demo network, scored with the demo profile.
    pub fn with_demo() -> Db {
        let db = Db::new();
        db.ok(&[
            "--profile",
            &fixture("demo/profile.toml"),
            "import",
            &fixture("demo"),
        ]);
        db
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `text` to the file `name` in the test's folder; its path.
    pub fn write(&self, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.file(name);
        std::fs::write(&path, text).expect("write a test file");
        path
    }
}

pub fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
        .display()
        .to_string()
}

/// `import` flags that read fixtures/linkedin/crm-other-names.csv's name, company and
/// position columns (its name and role columns have names netcurate does not know).
#[allow(dead_code)]
pub const CRM_MAP: [&str; 6] = [
    "--map",
    "name=Kontakt",
    "--map",
    "company=Firma",
    "--map",
    "position=Rolle",
];

/// (exit code, stdout, stderr) of a run.
/// (exit code, stdout, stderr) of a finished run.
pub fn outcome(out: std::process::Output) -> (i32, String, String) {
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
