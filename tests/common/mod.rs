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

    /// Runs `netcurate --db DB --as-of AS_OF args…`; returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_netcurate"))
            .arg("--db")
            .arg(&self.path)
            .arg("--as-of")
            .arg(AS_OF)
            .args(args)
            .output()
            .expect("run netcurate");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
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
}

pub fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
        .display()
        .to_string()
}

/// `import` flags that read fixtures/linkedin/crm-other-names.csv's name, company and
/// position columns (its headers are ones netcurate does not know).
#[allow(dead_code)]
pub const CRM_MAP: [&str; 6] = [
    "--map",
    "name=Kontakt",
    "--map",
    "company=Firma",
    "--map",
    "position=Rolle",
];
