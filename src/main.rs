//! The `claimlint` binary: see `claimlint --help`.

// The same rule as the library's (src/lib.rs): no panics from input.
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::todo,
        clippy::unimplemented
    )
)]

mod cli;
mod memory;

fn main() -> std::process::ExitCode {
    memory::limit_arenas();
    cli::main()
}
