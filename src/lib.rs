//! # netcurate
//!
//! A local workbench for curating a LinkedIn network. Data flows one way:
//!
//! ```text
//! export files ──import──▶ ImportBatch ──store::merge──▶ SQLite ──store::load──▶ Network
//!                                                                  │
//!             audience (profile, seniority, scores) ◀──────────────┤
//!             query (filter, sort) · pillars (projection) · export (CSV)
//!             ops (invertible changes) ──store::record──▶ SQLite (+ undo log)
//! ```
//!
//! Invariants:
//! - an import applies whole or not at all; tags and decisions survive every re-import;
//! - connections and invitations are never deleted: one missing from a newer export is
//!   *gone* (an invitation only when the newer file covers the day it was sent);
//! - every user change is an [`ops::Op`] with an exact inverse, logged for undo/redo;
//! - protected contacts are never set to prune;
//! - the library knows nothing of terminals (the TUI lives in the binary).
//!
//! Glossary: *connection* — a row of Connections.csv; *hidden* — a connection row with
//! nothing but a date (closed/restricted account); *gone* — absent from a newer export
//! (a gone invitation was withdrawn, expired or declined);
//! *key* — the normalised profile URL; *stale* — an outgoing invitation pending longer
//! than 21 days (the `stale_days` assumption); *VP+* — owner, partner, CxO or VP;
//! *probable duplicate* — a contact with a namesake whose company is the same, alike or
//! missing; *back* — a gone connection listed again by a newer export; *colleague* — a
//! connection at one of the profile's `my_companies` (an *internal connection* of the
//! Build relationships pillar); *employers* — the owner's companies, from their own
//! Positions.csv (the current ones drafted as `my_companies`); *column map* — the user's
//! `FIELD=COLUMN` names for a contact CSV's columns, remembered for files with the same
//! header.

pub mod allocator;
pub mod audience;
pub mod error;
pub mod export;
pub mod import;
pub mod model;
pub mod network;
pub mod ops;
mod parallel;
pub mod pillars;
pub mod query;
pub mod store;
pub mod synth;
pub mod text;
pub mod trace;

pub use error::{Error, Result};
