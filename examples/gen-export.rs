//! Writes a seeded synthetic LinkedIn export (never real people) for tests, benchmarks
//! and trying netcurate at scale:
//!
//! ```sh
//! cargo run --release --example gen-export -- --connections 100000 --invitations 20000 --out /tmp/big
//! cargo run --release --example gen-export -- --connections 30000 --messages 20000 --out /tmp/msgs
//! cargo run --example gen-export -- --demo fixtures/demo
//! ```

use chrono::NaiveDate;
use netcurate::synth;
use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date");
    if let Some(dir) = value("--demo") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir)?;
        let demo = synth::demo_export(as_of);
        std::fs::write(dir.join("Connections.csv"), demo.connections)?;
        std::fs::write(dir.join("Invitations.csv"), demo.invitations)?;
        std::fs::write(dir.join("messages.csv"), demo.messages)?;
        return Ok(());
    }
    let n: usize = value("--connections")
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let m: usize = value("--invitations")
        .and_then(|v| v.parse().ok())
        .unwrap_or(n / 5);
    let seed: u64 = value("--seed").and_then(|v| v.parse().ok()).unwrap_or(1);
    let out = PathBuf::from(value("--out").unwrap_or_else(|| "export".to_string()));
    std::fs::create_dir_all(&out)?;
    let people = synth::people(seed, n, (60, 40, 200), 10, as_of);
    let accepted: Vec<synth::Person> = people.iter().take(m / 2).cloned().collect();
    let pending: Vec<i64> = (0..m / 2).map(|i| 1 + (i as i64 % 400)).collect();
    let invitations = synth::invitations(seed, &accepted, &pending, m / 10, as_of);
    std::fs::write(
        out.join("Connections.csv"),
        synth::connections_csv(&people, synth::Style::Y2026),
    )?;
    std::fs::write(
        out.join("Invitations.csv"),
        synth::invitations_csv(&invitations),
    )?;
    // Conversations with the first --messages people (about 1.5 messages each).
    let talked: usize = value("--messages")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if talked > 0 {
        let talk_to = &people[..talked.min(people.len())];
        std::fs::write(
            out.join("messages.csv"),
            synth::messages_csv(seed, talk_to, as_of),
        )?;
    }
    eprintln!(
        "wrote {} connections, {} invitations and conversations with {} people to {}",
        n,
        invitations.len(),
        talked.min(n),
        out.display()
    );
    Ok(())
}
