//! The `netcurate` binary: parses the command line, runs a command or the workbench, and
//! turns every failure into one line on stderr with exit code 1 (clap's usage errors: 2).
//!
//! Must not: hold logic of its own beyond dispatch and error reporting.

mod cli;
mod demo;
mod tui;

use clap::Parser;

fn main() {
    netcurate::trace::phase("start");
    let cli = cli::Cli::parse();
    if let Err(e) = cli::run(cli) {
        let mut message = e.to_string();
        for cause in e.chain().skip(1) {
            message.push_str(&format!(": {cause}"));
        }
        eprintln!("netcurate: {message}");
        std::process::exit(1);
    }
    netcurate::trace::phase("done");
}
