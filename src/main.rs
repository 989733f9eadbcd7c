//! The `shapan` command: the CLI reads the command line and runs its subcommands; opening the
//! desktop app is decided here, so `cli` never names `app` (see ARCHITECTURE.md, "Layers").

use shapan::cli::{self, Action, GuiLaunch};
use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::main() {
        Action::Exit(code) => code,
        Action::Gui(launch) => gui(launch),
    }
}

#[cfg(not(feature = "gui"))]
fn gui(launch: GuiLaunch) -> ExitCode {
    cli::without_gui(launch.lang)
}

/// Turns `shapan gui`'s arguments into the app's options and runs the app.
#[cfg(feature = "gui")]
fn gui(GuiLaunch { args, lang, data_dir }: GuiLaunch) -> ExitCode {
    use shapan::app::{ClassOptions, GuiOptions};
    #[cfg(feature = "dev")]
    let (dev, votes) = match dev::options(&args.dev, args.seed, lang) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(cli::EXIT_USAGE);
        }
    };
    #[cfg(not(feature = "dev"))]
    let votes = None;
    // An autoplayed scenario outside the library folder is read from its own folder.
    #[cfg(feature = "dev")]
    let scenarios = match &args.dev.scenario {
        Some(s) if !s.starts_with(&args.scenarios) => s.parent().map_or_else(|| ".".into(), std::path::Path::to_path_buf),
        _ => args.scenarios.clone(),
    };
    #[cfg(not(feature = "dev"))]
    let scenarios = args.scenarios.clone();
    shapan::app::run(GuiOptions {
        scenarios,
        lang,
        seed: args.seed,
        data_dir,
        open_records: args.records,
        projector: args.projector,
        console: args.console,
        class: (args.group.is_some() || votes.is_some()).then(|| ClassOptions { group: args.group.clone().unwrap_or_default(), votes }),
        #[cfg(feature = "dev")]
        dev,
    })
}

/// The developers' options of `shapan gui` (the `dev` feature), checked before a window opens.
#[cfg(feature = "dev")]
mod dev {
    use shapan::app::dev::{AutoplayOptions, DevOptions, Startup, autoplay::AutoPolicy};
    use shapan::cli::{DevArgs, Policy};
    use shapan::i18n::Localize;
    use shapan::lang::Lang;
    use shapan::t;

    /// The scripted votes of every decision, as the app takes them.
    type Votes = Vec<Vec<Vec<u32>>>;

    /// The developer's options for the app, with the scripted votes checked against the scenario.
    pub fn options(args: &DevArgs, seed: Option<u64>, lang: Lang) -> Result<(DevOptions, Option<Votes>), String> {
        let votes = scripted_votes(args, seed, lang)?;
        let autoplay = match (&args.scenario, args.autoplay, &args.screenshots) {
            (Some(s), Some(p), Some(d)) => {
                let policy = match p {
                    Policy::First => AutoPolicy::First,
                    Policy::Random => AutoPolicy::Random,
                    Policy::Best => AutoPolicy::Best,
                    Policy::Worst => AutoPolicy::Worst,
                };
                Some(AutoplayOptions { scenario: s.clone(), policy, screenshots: d.clone() })
            }
            _ => None,
        };
        let measure_startup = args.measure_startup.then_some(if args.empty { Startup::Empty } else { Startup::App });
        Ok((DevOptions { autoplay, measure_idle: args.measure_idle, measure_startup }, votes))
    }

    /// Reads `--votes` and plays the class session it scripts without a window, so a SPEC that is
    /// malformed or does not fit the scenario is refused before any window opens.
    fn scripted_votes(args: &DevArgs, seed: Option<u64>, lang: Lang) -> Result<Option<Votes>, String> {
        use shapan::engine::class::script;
        use shapan::engine::vote::VoteSpec;
        let (Some(spec), Some(path)) = (&args.votes, &args.scenario) else { return Ok(None) };
        let spec = VoteSpec::parse(spec).map_err(|e| format!("--votes: {}", e.message().render(lang)))?;
        let loaded = shapan::scenario::load_path(path);
        let scenario = match loaded.scenario {
            Some(s) if loaded.error_count() == 0 => s,
            _ => return Err(t!(lang, "cli-votes-scenario-errors", path = path.display().to_string())),
        };
        let compiled = std::sync::Arc::new(shapan::engine::Compiled::new(scenario));
        script(compiled, None, seed.unwrap_or(1), &spec).map(Some).map_err(|e| format!("--votes: {}", e.message().render(lang)))
    }
}
