//! The `shapan` command line: argument parsing and dispatch to subcommands. No Bevy here.

mod validate;

use crate::lang::Lang;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status for "the input has errors".
pub const EXIT_ERRORS: u8 = 1;
/// Exit status for a usage problem (clap uses it too).
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "shapan",
    version,
    about = "沙盘 Shapan：基层干部情景模拟训练 / role-play exercises for training grassroots officials",
    long_about = None,
)]
pub struct Cli {
    /// 界面语言 / message language: zh-CN or en (default: from LANG, else zh-CN)
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查场景文件并指出每个问题的位置 / check scenario files and point at every problem
    Validate(ValidateArgs),
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// 场景文件或文件夹（递归查找 *.ron）/ files or folders (searched for *.ron); default: scenarios/
    pub paths: Vec<PathBuf>,

    /// 输出格式 / output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 });
        }
    };
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    match cli.command {
        Some(Command::Validate(args)) => validate::run(&args, lang),
        None => {
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
