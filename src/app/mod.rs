//! The desktop app (feature `gui`): Bevy with bevy_egui. Screens are states, views are functions
//! returning intents, one plugin per file. The engine stays the single source of truth.

pub mod atlas;
pub mod class;
pub mod clock;
pub mod console;
#[cfg(feature = "dev")]
pub mod dev;
pub mod flow;
pub mod idle;
pub mod library;
pub mod map;
pub mod notice;
pub mod portraits;
pub mod records;
pub mod screens;
pub mod tasks;
pub mod theme;
pub mod ui;
pub mod views;

use crate::lang::Lang;
use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitSettings, WinitUserEvent};
use bevy_egui::EguiPlugin;
use std::path::PathBuf;
use std::process::ExitCode;

/// How the app is started.
#[derive(Debug, Clone)]
pub struct GuiOptions {
    pub scenarios: PathBuf,
    pub lang: Lang,
    pub seed: Option<u64>,
    /// Folder of the results database.
    pub data_dir: Option<PathBuf>,
    /// Open on the records screen.
    pub open_records: bool,
    /// Start in projector mode.
    pub projector: bool,
    /// Open the instructor console window too.
    pub console: bool,
    /// Set up for a class (`--group`, `--votes`).
    pub class: Option<ClassOptions>,
    /// Autoplay, screenshots and measurements (the `dev` feature).
    #[cfg(feature = "dev")]
    pub dev: dev::DevOptions,
}

/// A class session from the command line.
#[derive(Debug, Clone, Default)]
pub struct ClassOptions {
    pub group: String,
    /// The votes of every decision for autoplay, checked against the scenario before the window opens.
    pub votes: Option<Vec<Vec<Vec<u32>>>>,
}

/// The app's logic without rendering: states, intents, library, countdown. Headless tests add
/// this to `MinimalPlugins` + `StatesPlugin`.
pub fn logic(app: &mut App) {
    app.add_plugins((flow::plugin, notice::plugin, library::plugin, clock::plugin, records::plugin, class::plugin, map::plugin));
}

fn camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

/// Lets the library's file watcher wake the window when a scenario file is saved.
fn wake_on_saved_files(watch: Res<library::Watch>, proxy: Res<EventLoopProxyWrapper>) {
    let proxy = (**proxy).clone();
    let _ = watch.wake.set(library::WakeFn(Box::new(move || {
        let _ = proxy.send_event(WinitUserEvent::WakeUp);
    })));
}

/// Opens the window and runs until it is closed.
pub fn run(options: GuiOptions) -> ExitCode {
    #[cfg(feature = "dev")]
    let began = std::time::Instant::now();
    // winit would panic without a display; say what is missing instead.
    if cfg!(target_os = "linux") && ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"].iter().all(|v| std::env::var_os(v).is_none()) {
        eprintln!("{}", crate::t!(options.lang, "app-no-display"));
        return ExitCode::FAILURE;
    }
    #[cfg(feature = "dev")]
    if let Some(auto) = &options.dev.autoplay
        && let Err(e) = std::fs::create_dir_all(&auto.screenshots)
    {
        eprintln!(
            "{}",
            crate::t!(options.lang, "app-cannot-create-screenshots", path = auto.screenshots.display().to_string(), error = e.to_string())
        );
        return ExitCode::FAILURE;
    }
    #[cfg(feature = "dev")]
    if options.dev.measure_startup == Some(dev::Startup::Empty) {
        return exit_code(dev::measure::run_empty(began));
    }
    let mut app = App::new();
    library::asset_source(&mut app, &options.scenarios);
    let title = crate::t!(options.lang, "app-window-title");
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin { primary_window: Some(Window { title, resolution: (1280, 800).into(), ..default() }), ..default() })
            .set(bevy::log::LogPlugin { level: bevy::log::Level::WARN, ..default() })
            .set(library::asset_plugin(&options.scenarios)),
    )
    .add_plugins(EguiPlugin::default())
    .insert_resource(library::LibraryDir(options.scenarios.clone()))
    .insert_resource(records::DataDir(crate::records::data_dir(options.data_dir.as_deref())))
    .insert_resource(flow::Settings { lang: options.lang, projector: options.projector, ..default() })
    // A projector is used full screen (F11 leaves it).
    .insert_resource(class::Classroom { console: options.console, fullscreen: options.projector, ..default() })
    .add_systems(Startup, (camera, wake_on_saved_files));
    logic(&mut app);
    app.add_plugins((ui::plugin, screens::plugin, idle::plugin, atlas::plugin, portraits::plugin, console::plugin));
    if options.open_records {
        app.insert_state(flow::Screen::Records);
    }
    if let Some(class) = &options.class {
        app.insert_resource(flow::SetupForm { group: class.group.clone(), class: true, ..default() });
    }
    #[cfg(feature = "dev")]
    let autoplay = options.dev.autoplay.is_some();
    #[cfg(not(feature = "dev"))]
    let autoplay = false;
    // Autoplay always uses a fixed seed, so its road is the one `--votes` was checked against.
    if let Some(seed) = options.seed.or(autoplay.then_some(1)) {
        app.insert_resource(flow::FixedSeed(seed));
    }
    app.insert_resource(if autoplay { WinitSettings::continuous() } else { WinitSettings::desktop_app() });
    #[cfg(feature = "dev")]
    dev_tools(&mut app, &options, began);
    exit_code(app.run())
}

/// Adds the developer's tools the command line asked for.
#[cfg(feature = "dev")]
fn dev_tools(app: &mut App, options: &GuiOptions, began: std::time::Instant) {
    if let Some(auto) = &options.dev.autoplay {
        let mut driver =
            dev::autoplay::Autoplay::new(auto.scenario.clone(), auto.policy, auto.screenshots.clone(), options.seed.unwrap_or(1));
        driver.class = options.class.clone();
        app.insert_resource(driver).add_plugins((dev::autoplay::plugin, dev::watch::plugin));
    }
    if let Some(seconds) = options.dev.measure_idle {
        app.insert_resource(dev::measure::MeasureIdle::new(seconds)).add_plugins(dev::measure::plugin);
    }
    if options.dev.measure_startup.is_some() {
        app.insert_resource(dev::measure::MeasureStartup::new(began)).add_plugins(dev::measure::startup_plugin);
    }
}

fn exit_code(exit: AppExit) -> ExitCode {
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}
