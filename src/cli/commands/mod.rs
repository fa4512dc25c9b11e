//! One module a command (or a few that show the same thing), each a thin layer over the
//! library: it reads the arguments, calls the library and prints. `cli::run` dispatches.
//!
//! Must not: hold domain logic; if a command needs a rule, the library gets it.

pub(super) mod change;
pub(super) mod explain;
pub(super) mod export;
pub(super) mod import;
pub(super) mod invitations;
pub(super) mod list;
pub(super) mod pillars;
pub(super) mod profile;
pub(super) mod segments;
pub(super) mod ssi;
pub(super) mod undo;
