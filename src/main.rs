//! The `claimlint` binary: see `claimlint --help`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
