//! Property test of the one timeline of steps that `undo` and `redo` walk (tags, decisions,
//! withdrawal marks, profile changes, tags renamed), on an imported export: random steps, undone and
//! redone in random order, give back exactly the states they left, and a network kept in
//! memory by applying each step (as the workbench keeps its own) agrees with the database
//! after every one.
//!
//! Must not: test what a single step does (the store's and the CLI's tests do).

use super::Store;
use crate::audience::Profile;
use crate::import::ImportBatch;
use crate::model::{ContactId, Decision, InvitationId};
use crate::network::Network;
use crate::ops::{self, Op};
use chrono::NaiveDate;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// What the user can do to a network, as a test chooses it: `pick` chooses the contacts
/// (or invitations) by their places, bit by bit.
#[derive(Debug, Clone)]
enum Action {
    Tag { tag: usize, add: bool, pick: u64 },
    RenameTag { from: usize, to: usize },
    Decide { decision: usize, pick: u64 },
    Withdraw { mark: bool, pick: u64 },
    Profile { which: usize },
    Undo,
    Redo,
}

/// `VIP` is `vip` in another case: tagged so, it is spelt as held (a rename to it from
/// `vip` respells it).
const TAGS: [&str; 4] = ["vip", "eu team", "later", "VIP"];
const DECISIONS: [Decision; 4] = [
    Decision::Keep,
    Decision::Prune,
    Decision::Protect,
    Decision::Undecided,
];

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        3 => (0..TAGS.len(), any::<bool>(), any::<u64>())
            .prop_map(|(tag, add, pick)| Action::Tag { tag, add, pick }),
        1 => (0..TAGS.len(), 0..TAGS.len()).prop_map(|(from, to)| Action::RenameTag { from, to }),
        2 => (0..DECISIONS.len(), any::<u64>())
            .prop_map(|(decision, pick)| Action::Decide { decision, pick }),
        1 => (any::<bool>(), any::<u64>()).prop_map(|(mark, pick)| Action::Withdraw { mark, pick }),
        1 => (0..2usize).prop_map(|which| Action::Profile { which }),
        2 => Just(Action::Undo),
        1 => Just(Action::Redo),
    ]
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
}

/// The demo profile, and the same with one more target title (which changes scores).
fn profile_text(which: usize) -> String {
    let text = std::fs::read_to_string(fixture("demo/profile.toml")).expect("profile");
    match which {
        0 => text,
        _ => text.replacen(
            "target = [\"VP Engineering\",",
            "target = [\"VP Engineering\", \"Product Designer\",",
            1,
        ),
    }
}

/// The places of `items` whose bit is set in `pick` (the bits repeat past 64).
fn picked<T: Copy>(items: impl Iterator<Item = T>, pick: u64) -> Vec<T> {
    (items.enumerate())
        .filter(|(i, _)| pick >> (i % 64) & 1 == 1)
        .map(|(_, item)| item)
        .collect()
}

/// Everything a step may change, as the database holds it: the contacts whole (tags,
/// decisions, scores, flags…), the invitations' withdrawal marks, the profile.
#[derive(Debug, Clone, PartialEq)]
struct State {
    contacts: serde_json::Value,
    marks: Vec<(InvitationId, bool)>,
    profile: Option<String>,
}

fn state_of(network: &Network, profile: Option<String>) -> State {
    State {
        contacts: serde_json::to_value(&network.contacts).expect("contacts as json"),
        marks: (network.invitations.iter())
            .map(|i| (i.id, i.withdraw_planned))
            .collect(),
        profile,
    }
}

struct Timeline {
    _dir: tempfile::TempDir,
    store: Store,
    as_of: NaiveDate,
    /// The network as the workbench keeps it: loaded once, then changed step by step.
    kept: Network,
    /// The states after each step still done, the import's first.
    done: Vec<State>,
    /// The states the undone steps left, the next to redo last.
    undone: Vec<State>,
}

impl Timeline {
    fn new() -> Timeline {
        let dir = tempfile::tempdir().expect("dir");
        let mut store = Store::open(&dir.path().join("t.db")).expect("open");
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
        let batch = ImportBatch::read(&[fixture("linkedin/2026")]).expect("read");
        let profile = Profile::parse("profile.toml", &profile_text(0)).expect("profile");
        let now = as_of.and_hms_opt(12, 0, 0).expect("time");
        // Stored before the import, as `--profile` with a first import: undo stops at the
        // import, and so does this timeline.
        store.change_profile(&profile_text(0)).expect("profile");
        store.import(batch, Some(&profile), now).expect("import");
        let kept = store.load(as_of).expect("load");
        let mut t = Timeline {
            _dir: dir,
            store,
            as_of,
            kept,
            done: vec![],
            undone: vec![],
        };
        t.done.push(t.stored());
        t
    }

    fn stored(&self) -> State {
        let network = self.store.load(self.as_of).expect("load");
        state_of(&network, self.store.profile_text().expect("profile"))
    }

    /// The kept network brought up to date with `op` done (or undone), as the workbench
    /// does: in place, or read again when the step changes what it does not hold.
    fn keep(&mut self, op: &Op, undo: bool) {
        if op.needs_reload() {
            self.kept = self.store.load(self.as_of).expect("load");
        } else if undo {
            for inverse in op.inverse() {
                inverse.apply_to(&mut self.kept);
            }
        } else {
            op.apply_to(&mut self.kept);
        }
    }

    fn record(&mut self, op: Op) {
        self.store.record(&op).expect("record");
        if !op.is_empty() {
            self.keep(&op, false);
            self.done.push(self.stored());
            self.undone.clear();
        }
    }

    fn run(&mut self, action: &Action) {
        let contacts: Vec<ContactId> = self.kept.contacts.iter().map(|c| c.id).collect();
        match *action {
            Action::Tag { tag, add, pick } => {
                let targets = picked(contacts.into_iter(), pick);
                let op = ops::plan_tag(&self.kept, &targets, TAGS[tag], add).expect("a tag");
                self.record(op);
            }
            // Refused when no one has the tag or it is its own name: nothing happens.
            Action::RenameTag { from, to } => {
                if let Ok(op) = ops::plan_rename_tag(&self.kept, &[], TAGS[from], TAGS[to]) {
                    self.record(op);
                }
            }
            Action::Decide { decision, pick } => {
                let targets = picked(contacts.into_iter(), pick);
                self.record(ops::plan_decide(&self.kept, &targets, DECISIONS[decision]));
            }
            Action::Withdraw { mark, pick } => {
                let ids = picked(self.kept.invitations.iter().map(|i| i.id), pick);
                self.record(ops::plan_withdraw(&self.kept, &ids, mark));
            }
            Action::Profile { which } => {
                let changed =
                    self.store.profile_text().expect("profile") != Some(profile_text(which));
                self.store
                    .change_profile(&profile_text(which))
                    .expect("change");
                if changed {
                    self.kept = self.store.load(self.as_of).expect("load");
                    self.done.push(self.stored());
                    self.undone.clear();
                }
            }
            Action::Undo => match self.store.undo().expect("undo") {
                Some(op) => {
                    self.keep(&op, true);
                    let left = self.done.pop().expect("a step was done");
                    self.undone.push(left);
                }
                None => assert_eq!(self.done.len(), 1, "undo found no step to undo"),
            },
            Action::Redo => match self.store.redo().expect("redo") {
                Some(op) => {
                    self.keep(&op, false);
                    let back = self.undone.pop().expect("a step was undone");
                    self.done.push(back);
                }
                None => assert!(self.undone.is_empty(), "redo found no step to redo"),
            },
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// After every action the database holds the state its place in the timeline left
    /// (the state after the last step still done), and the network kept in memory agrees.
    #[test]
    fn undo_and_redo_walk_back_and_forth_exactly(
        actions in proptest::collection::vec(action(), 1..16)
    ) {
        let mut t = Timeline::new();
        for (n, action) in actions.iter().enumerate() {
            t.run(action);
            let stored = t.stored();
            let expected = t.done.last().expect("the import's state");
            prop_assert!(&stored == expected, "after {n}: {action:?}");
            let kept = state_of(&t.kept, stored.profile.clone());
            prop_assert!(kept == stored, "kept in memory after {n}: {action:?}");
        }
        // Everything undone gives back the import's state; everything redone, the state
        // of the furthest step.
        let furthest = t.undone.first().or(t.done.last()).expect("a state").clone();
        while t.store.undo().expect("undo").is_some() {}
        prop_assert!(t.stored() == t.done[0]);
        while t.store.redo().expect("redo").is_some() {}
        prop_assert!(t.stored() == furthest);
    }
}
