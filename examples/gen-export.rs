//! Writes a seeded synthetic LinkedIn export (never real people) for tests, benchmarks
//! and trying netcurate at scale:
//!
//! ```sh
//! cargo run --release --example gen-export -- --connections 100000 --invitations 20000 --out /tmp/big
//! cargo run --release --example gen-export -- --connections 30000 --messages 20000 --out /tmp/msgs
//! cargo run --example gen-export -- --demo fixtures/demo
//! ```

use chrono::NaiveDate;
use clap::Parser;
use netcurate::synth;
use std::path::PathBuf;

/// Writes a seeded synthetic LinkedIn export (Connections.csv, Invitations.csv and, with
/// --messages, messages.csv) of made-up people, the same for the same seed.
#[derive(Parser)]
struct Args {
    /// How many connections.
    #[arg(long, default_value_t = 100_000)]
    connections: usize,
    /// How many invitations (default: a fifth of the connections).
    #[arg(long)]
    invitations: Option<usize>,
    /// Conversations with the first N connections (about 1.5 messages each).
    #[arg(long, default_value_t = 0)]
    messages: usize,
    /// Messages each conversation goes on with after its opening (a heavy inbox: 28).
    #[arg(long, default_value_t = 0)]
    follow_ups: usize,
    /// The seed: the same seed writes the same export.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write into (made when missing).
    #[arg(long, default_value = "export")]
    out: PathBuf,
    /// Write the bundled demo network into this folder instead (fixtures/demo).
    #[arg(long, value_name = "DIR")]
    demo: Option<PathBuf>,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date");
    if let Some(dir) = args.demo {
        std::fs::create_dir_all(&dir)?;
        let demo = synth::demo_export(as_of);
        std::fs::write(dir.join("Connections.csv"), demo.connections)?;
        std::fs::write(dir.join("Invitations.csv"), demo.invitations)?;
        std::fs::write(dir.join("messages.csv"), demo.messages)?;
        return Ok(());
    }
    let (n, seed, out) = (args.connections, args.seed, args.out);
    let m = args.invitations.unwrap_or(n / 5);
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
    let talked = args.messages;
    if talked > 0 {
        let talk_to = &people[..talked.min(people.len())];
        std::fs::write(
            out.join("messages.csv"),
            synth::messages_csv(seed, talk_to, as_of, args.follow_ups),
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
