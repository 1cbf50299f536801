//! The `claimlint` binary: see `claimlint --help`.

mod cli;
mod memory;

fn main() -> std::process::ExitCode {
    memory::limit_arenas();
    cli::main()
}
