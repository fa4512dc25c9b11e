//! `netcurate pillars`: the projected effect of the plan on the SSI pillars, and setting
//! its assumptions.
//!
//! Must not: project anything itself (the library's `pillars`).

use crate::cli::{Session, command_line, say_how_to_take_it_back, write_json};
use anyhow::Result;
use netcurate::ops;
use netcurate::pillars;
use std::io::Write;

/// How many of the latest logged projections `pillars` lists.
const PROJECTIONS_SHOWN: usize = 5;

/// The projection of the plan, after the assumptions `set` change (each one step).
pub(crate) fn pillars_cmd(
    s: &mut Session,
    json: bool,
    set: &[String],
    out: &mut dyn Write,
) -> Result<()> {
    if !set.is_empty() {
        let mut a = s.assumptions()?;
        for assignment in set {
            a.set(assignment).map_err(anyhow::Error::msg)?;
        }
        let json = serde_json::to_string(&a)?;
        s.store.replace(ops::Named::assumptions(), Some(&json))?;
    }
    let network = s.load()?;
    let p = s.projection(&network)?;
    if json {
        write_json(out, &p)?;
        return Ok(());
    }
    if !set.is_empty() {
        writeln!(out, "set {}", set.join(" "))?;
        say_how_to_take_it_back(s, out)?;
    }
    let br = &p.build_relationships;
    let f = &p.features;
    let range = |pp: &pillars::PillarProjection| match (pp.baseline, pp.low, pp.high) {
        (Some(b), Some(l), Some(h)) => format!("{b:.1} → {l:.1} … {h:.1}"),
        _ => format!(
            "Δ {:+.2} … {:+.2} (record a reading with `{}` for a baseline)",
            pp.delta_low,
            pp.delta_high,
            command_line(s.store.path(), "ssi record")
        ),
    };
    writeln!(
        out,
        "Build relationships: {}  {}",
        range(br),
        br.direction.words()
    )?;
    writeln!(
        out,
        "Find the right people: {}  {} (documented change 0; upper end speculative)",
        range(&p.find_right_people),
        p.find_right_people.direction.words()
    )?;
    writeln!(out, "  FRP levers: {}", pillars::FRP_LEVERS.join(", "))?;
    writeln!(
        out,
        "  connections {} → {}, VP+ {} → {}, colleagues {} → {}, acceptance {:.0}% → {:.0}%, pending {} → {}",
        f.before.connections,
        f.after.connections,
        f.before.vp_plus,
        f.after.vp_plus,
        f.before.internal,
        f.after.internal,
        100.0 * f.before.acceptance_rate,
        100.0 * f.after.acceptance_rate,
        f.before.pending,
        f.after.pending
    )?;
    let readings = s.store.ssi_readings()?;
    // The latest few: a weekly plan logs one a week.
    let logged = s.store.projections()?;
    let earlier = logged.len().saturating_sub(PROJECTIONS_SHOWN);
    if earlier > 0 {
        let them = netcurate::text::counted(earlier as u64, "projection", "projections");
        writeln!(out, "  ({them} logged before these)")?;
    }
    for logged in &logged[earlier..] {
        writeln!(out, "  {}", logged.outcome(&readings))?;
    }
    writeln!(out, "{}", p.disclaimer)?;
    Ok(())
}
