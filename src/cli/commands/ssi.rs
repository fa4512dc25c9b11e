//! `netcurate ssi record` and `ssi list`: the user's SSI readings, typed from LinkedIn's SSI
//! page (netcurate never reads it).
//!
//! Must not: project anything (`pillars` does, from these readings).

use crate::cli::args::SsiCommand;
use crate::cli::{Session, command_line, say_how_to_take_it_back, write_json};
use anyhow::{Result, bail};
use netcurate::store::SsiReading;
use std::io::Write;

pub(crate) fn ssi(s: &mut Session, command: SsiCommand, out: &mut dyn Write) -> Result<()> {
    match command {
        SsiCommand::Record {
            total,
            brand,
            frp,
            engage,
            br,
            date,
            industry_rank,
            network_rank,
        } => {
            let reading = SsiReading {
                date: date.unwrap_or(s.as_of),
                total,
                brand,
                frp,
                engage,
                br,
                industry_rank,
                network_rank,
            };
            record(s, &reading, out)
        }
        SsiCommand::List { json } => list(s, json, out),
    }
}

/// Stores a reading once each number is within its range; says so when the pillars do
/// not add up to the total (most likely a number mistyped: `undo` takes it back).
fn record(s: &mut Session, r: &SsiReading, out: &mut dyn Write) -> Result<()> {
    if let Some((name, v, max)) = r.out_of_range() {
        bail!("--{name} {v} is outside 0–{max}");
    }
    s.store.record_ssi(r)?;
    writeln!(
        out,
        "recorded SSI {} on {} (BR {}, FRP {})",
        r.total, r.date, r.br, r.frp
    )?;
    if let Some(sum) = r.pillars_disagree() {
        writeln!(
            out,
            "note: the four pillars add up to {sum}, not {}: LinkedIn's total is their sum, so one may be mistyped",
            r.total
        )?;
    }
    say_how_to_take_it_back(s, out)
}

fn list(s: &Session, json: bool, out: &mut dyn Write) -> Result<()> {
    let readings = s.store.ssi_readings()?;
    if json {
        return write_json(out, &readings);
    }
    if readings.is_empty() {
        let record = "ssi record --total 59 --brand 14 --frp 12 --engage 18 --br 15";
        writeln!(
            out,
            "no SSI readings yet: `{}` records one (your numbers from linkedin.com/sales/ssi)",
            command_line(s.store.path(), record)
        )?;
    }
    for r in readings {
        writeln!(
            out,
            "{}  total {:5.1}  brand {:4.1}  frp {:4.1}  engage {:4.1}  br {:4.1}",
            r.date, r.total, r.brand, r.frp, r.engage, r.br
        )?;
    }
    Ok(())
}
