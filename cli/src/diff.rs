//! `gongkai diff` (not yet implemented).

use std::process::ExitCode;

/// Arguments of `gongkai diff`.
#[derive(clap::Args)]
pub struct Args {
    /// Arguments (not yet defined).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    rest: Vec<String>,
}

/// Runs the command.
pub fn run(a: Args) -> ExitCode {
    let _ = a.rest;
    eprintln!("gongkai diff: not yet implemented");
    crate::common::exit(crate::common::FAILURE)
}
