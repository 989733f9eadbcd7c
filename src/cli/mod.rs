//! The `shapan` command line: argument parsing and dispatch to subcommands. No Bevy here.

mod analyze;
mod graph;
mod new;
mod play;
mod records;
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

    /// 成绩数据库所在的文件夹（默认：用户数据文件夹）/ folder of the results database (default: the user's data folder)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查场景文件并指出每个问题的位置 / check scenario files and point at every problem
    Validate(ValidateArgs),
    /// 在终端里演练一个场景 / play a scenario in the terminal
    Play(PlayArgs),
    /// 打开桌面程序（不带子命令时的默认行为）/ open the desktop app (what `shapan` alone does)
    Gui(GuiArgs),
    /// 查看演练记录 / read the recorded runs
    Records(RecordsArgs),
    /// 按类别生成一个新案例的起点文件 / write a small valid starting scenario for a category
    New(NewArgs),
    /// 分析场景的每一条路线：到不了的结局、得分范围、最优和最差路线、红线、教学指标 / analyse every road: unreachable endings, score ranges, best and worst roads, red lines, pedagogy
    Analyze(AnalyzeArgs),
    /// 画出场景地图（DOT、SVG 或 Mermaid）/ draw the scenario as a map (DOT, SVG or Mermaid)
    Graph(GraphArgs),
}

#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// 场景文件或文件夹（递归查找 *.ron）/ files or folders (searched for *.ron)
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// 只分析这个角色（默认每个角色）/ only this role (default: every role)
    #[arg(long)]
    pub role: Option<String>,
    /// 输出格式 / output format
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// 类别 / category: online_media, community_dispute, development_planning, integrity, emergency, governance, wellbeing, other
    #[arg(value_parser = new::parse_category)]
    pub category: crate::scenario::model::Category,
    /// 案例 id（字母、数字、下划线）/ the scenario's id (letters, digits, underscores)
    pub id: String,
    /// 输出文件（默认 scenarios/<类别>/<id>.ron）/ output file (default: scenarios/<category>/<id>.ron)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// 案例标题 / the scenario's title
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// 场景文件 / scenario file
    pub file: PathBuf,
    /// 角色 id（默认第一个）/ role id (default: the first)
    #[arg(long)]
    pub role: Option<String>,
    /// 输出格式 / output format
    #[arg(long, value_enum)]
    pub format: GraphFormat,
    /// 输出文件（默认：标准输出）/ output file (default: standard output)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    Dot,
    Svg,
    Mermaid,
}

#[derive(Debug, clap::Args)]
pub struct RecordsArgs {
    #[command(subcommand)]
    pub command: RecordsCommand,
}

#[derive(Debug, Subcommand)]
pub enum RecordsCommand {
    /// 列出所有演练 / list every run, newest first
    List {
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 查看一次演练的详情 / show one run with its decisions and scores
    Show {
        id: i64,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 生成可打印的复盘网页（含图表）/ write a printable debrief (one HTML file with its charts)
    Html {
        id: i64,
        /// 输出文件 / output file
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// 导出 CSV（Excel、WPS 可直接打开）/ export CSV for Excel and WPS
    Export {
        /// 输出文件 / output file
        #[arg(long, value_name = "FILE")]
        csv: PathBuf,
        /// 每个决策一行（默认每次演练一行）/ one row per decision (default: one per run)
        #[arg(long)]
        decisions: bool,
    },
}

#[derive(Debug, Clone, Default, clap::Args)]
pub struct GuiArgs {
    /// 案例库文件夹 / the scenario library folder
    #[arg(long, default_value = "scenarios")]
    pub scenarios: PathBuf,
    /// 随机种子 / seed for random outcomes
    #[arg(long)]
    pub seed: Option<u64>,
    /// 直接打开成绩记录页 / open on the records screen
    #[arg(long)]
    pub records: bool,
    /// 投影模式：大字、高对比，成绩等内容由导师公布 / projector mode: large type, high contrast, scores hidden until revealed
    #[arg(long)]
    pub projector: bool,
    /// 课堂集体决策，班级或小组名称 / a class deciding together, with this class or group name
    #[arg(long, value_name = "NAME")]
    pub group: Option<String>,
    /// 同时打开导师控制台窗口（第二块屏幕） / open the instructor console window too (second display)
    #[arg(long)]
    pub console: bool,
    /// Tools for developers (the `dev` feature).
    #[cfg(feature = "dev")]
    #[command(flatten)]
    pub dev: DevArgs,
}

/// Developers' options of `shapan gui`, in builds with the `dev` feature only.
#[cfg(feature = "dev")]
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DevArgs {
    /// 自动演练的场景文件 / scenario to play automatically
    #[arg(long, requires = "autoplay")]
    pub scenario: Option<PathBuf>,
    /// 自动演练：每个画面截图后退出 / play by itself, screenshot every screen, then exit
    #[arg(long, value_enum, requires_all = ["scenario", "screenshots"])]
    pub autoplay: Option<Policy>,
    /// 截图保存的文件夹 / folder for the screenshots
    #[arg(long, value_name = "DIR")]
    pub screenshots: Option<PathBuf>,
    /// 空闲测量：静置若干秒后报告绘制帧数和 CPU 占用 / sit idle N seconds, report frames drawn and CPU, exit
    #[arg(long, value_name = "SECONDS")]
    pub measure_idle: Option<f32>,
    /// 启动测量：报告首帧时间和内存后退出 / report the time to the first drawn frame and memory, then exit
    #[arg(long)]
    pub measure_startup: bool,
    /// 与 --measure-startup 一起：测量一个空白窗口作对照 / with --measure-startup: measure a bare window instead
    #[arg(long, requires = "measure_startup")]
    pub empty: bool,
    /// 自动演练时的全班票数，如 "12,10,8;5,20,5/2,26,2" 或 auto / the class's votes for autoplay, e.g. "12,10,8;5,20,5/2,26,2" or auto
    #[arg(long, value_name = "SPEC", requires = "autoplay", allow_hyphen_values = true)]
    pub votes: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct PlayArgs {
    /// 场景文件 / scenario file
    #[arg(required_unless_present = "resume")]
    pub file: Option<PathBuf>,
    /// 继续最近一次中断的演练 / resume the latest interrupted run
    #[arg(long, conflicts_with_all = ["file", "replay", "seed", "role"])]
    pub resume: bool,
    /// 学员姓名 / trainee's name, for the records
    #[arg(long, default_value = "")]
    pub trainee: String,
    /// 小组 / group, for the records
    #[arg(long, default_value = "")]
    pub group: String,
    /// 扮演的角色 id（默认第一个）/ role id (default: the first)
    #[arg(long)]
    pub role: Option<String>,
    /// 随机种子，相同种子重现同样的随机结果 / seed for random outcomes (default: random, printed)
    #[arg(long)]
    pub seed: Option<u64>,
    /// 关闭决策限时 / turn decision time limits off
    #[arg(long)]
    pub no_timer: bool,
    /// 依次作出的决定：屏幕上显示的序号（从 1 起，随种子打乱）或选项 id，t 表示超时 / decisions in order: numbers as shown (from 1, in the seed's order) or choice ids, t for letting time run out
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
    /// 记入成绩数据库：交互演练总会记录，--choices、--policy、--replay 只有加上它才记录 / record this run in the results database: interactive play always is, --choices, --policy and --replay runs only with this
    #[arg(long)]
    pub record: bool,
    /// 重放一份演练记录 / replay a transcript
    #[arg(long, value_name = "FILE", conflicts_with_all = ["choices", "policy", "seed", "role"])]
    pub replay: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Policy {
    /// 总选显示在最前的可选项 / always the first option as shown (in the seed's order)
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

/// What the binary does once the command line is read. The CLI runs its own subcommands; the
/// desktop app is opened by `main`, so this module never names the app.
#[derive(Debug)]
pub enum Action {
    /// A subcommand ran, or the command line was refused: exit with this status.
    Exit(ExitCode),
    /// Open the desktop app (`shapan gui`, or `shapan` alone).
    Gui(GuiLaunch),
}

/// The desktop app's command line, read and ready for `main` to hand to the app.
#[derive(Debug)]
pub struct GuiLaunch {
    pub args: GuiArgs,
    pub lang: Lang,
    /// `--data-dir`: the folder of the results database.
    pub data_dir: Option<PathBuf>,
}

/// Reads the command line and runs the subcommand it names, or says to open the app.
pub fn main() -> Action {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return Action::Exit(ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { 0 }));
        }
    };
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    let data_dir = cli.data_dir.as_deref();
    Action::Exit(match cli.command {
        Some(Command::Validate(args)) => validate::run(&args, lang),
        Some(Command::Play(args)) => play::run(&args, lang, data_dir),
        Some(Command::Records(args)) => records::run(&args, lang, data_dir),
        Some(Command::Analyze(args)) => analyze::run(&args, lang),
        Some(Command::New(args)) => new::run(&args, lang),
        Some(Command::Graph(args)) => graph::run(&args, lang),
        Some(Command::Gui(args)) => return Action::Gui(GuiLaunch { args, lang, data_dir: cli.data_dir }),
        None => {
            let args = GuiArgs { scenarios: PathBuf::from("scenarios"), ..GuiArgs::default() };
            return Action::Gui(GuiLaunch { args, lang, data_dir: cli.data_dir });
        }
    })
}

/// What a build without the desktop app (no `gui` feature) says when asked to open it: which
/// subcommands it has.
#[cfg(not(feature = "gui"))]
pub fn without_gui(lang: Lang) -> ExitCode {
    use clap::CommandFactory;
    eprintln!("{}", crate::t!(lang, "cli-no-gui"));
    let _ = Cli::command().print_help();
    ExitCode::from(EXIT_USAGE)
}
