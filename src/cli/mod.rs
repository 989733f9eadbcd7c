//! The `shapan` command line: argument parsing and dispatch to subcommands. No Bevy here.

mod play;
pub mod show;
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
    /// 在终端里演练一个场景 / play a scenario in the terminal
    Play(PlayArgs),
}

#[derive(Debug, clap::Args)]
pub struct PlayArgs {
    /// 场景文件 / scenario file
    pub file: PathBuf,
    /// 扮演的角色 id（默认第一个）/ role id (default: the first)
    #[arg(long)]
    pub role: Option<String>,
    /// 随机种子，相同种子重现同样的随机结果 / seed for random outcomes (default: random, printed)
    #[arg(long)]
    pub seed: Option<u64>,
    /// 关闭决策限时 / turn decision time limits off
    #[arg(long)]
    pub no_timer: bool,
    /// 依次作出的决定：序号（从 1 起）或选项 id，t 表示超时 / decisions in order: 1-based numbers or choice ids, t for letting time run out
    #[arg(long, value_delimiter = ',', conflicts_with = "policy")]
    pub choices: Vec<String>,
    /// 自动决策策略 / decide automatically
    #[arg(long, value_enum)]
    pub policy: Option<Policy>,
    /// 以 JSON 输出复盘 / print the debrief as JSON
    #[arg(long)]
    pub json: bool,
    /// 把本次演练记录写入文件 / write the transcript to FILE
    #[arg(long, value_name = "FILE")]
    pub transcript: Option<PathBuf>,
    /// 把本次演练写成测试路线（golden plan）/ write this run as a playthrough plan for tests
    #[arg(long, value_name = "FILE")]
    pub write_plan: Option<PathBuf>,
    /// 重放一份演练记录 / replay a transcript
    #[arg(long, value_name = "FILE", conflicts_with_all = ["choices", "policy", "seed", "role"])]
    pub replay: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Policy {
    First,
    Random,
    Best,
    Worst,
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
        Some(Command::Play(args)) => play::run(&args, lang),
        None => {
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}
