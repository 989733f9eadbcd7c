//! The `shapan` command: hands over to the CLI.

fn main() -> std::process::ExitCode {
    shapan::cli::main()
}
