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

/// Stores a reading once each number is within its range.
fn record(s: &mut Session, r: &SsiReading, out: &mut dyn Write) -> Result<()> {
    for (name, v, max) in [
        ("total", r.total, 100.0),
        ("brand", r.brand, 25.0),
        ("frp", r.frp, 25.0),
        ("engage", r.engage, 25.0),
        ("br", r.br, 25.0),
        ("industry-rank", r.industry_rank.unwrap_or(0.0), 100.0),
        ("network-rank", r.network_rank.unwrap_or(0.0), 100.0),
    ] {
        if !(0.0..=max).contains(&v) {
            bail!("--{name} {v} is outside 0–{max}");
        }
    }
    s.store.record_ssi(r)?;
    writeln!(
        out,
        "recorded SSI {} on {} (BR {}, FRP {})",
        r.total, r.date, r.br, r.frp
    )?;
    say_how_to_take_it_back(s, out)
}

fn list(s: &Session, json: bool, out: &mut dyn Write) -> Result<()> {
    let readings = s.store.ssi_readings()?;
    if json {
        return write_json(out, &readings);
    }
    if readings.is_empty() {
        let record = "ssi record --total 62 --brand 14 --frp 12 --engage 18 --br 15";
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
