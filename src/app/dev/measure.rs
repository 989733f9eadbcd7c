//! `shapan gui --measure-idle SECONDS`: leaves the library screen alone for that long, then
//! prints how many frames were drawn and how much CPU the process used, and exits. The idle
//! test and the bench script use it: an app that sleeps draws next to nothing.

use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use std::time::{Duration, Instant};

/// Warm-up before counting, so start-up frames do not count.
const WARM_UP: Duration = Duration::from_secs(2);

#[derive(Resource, Debug)]
pub struct MeasureIdle {
    pub seconds: f32,
    born: Instant,
    started: Option<Instant>,
    frames: u32,
    cpu_at_start: Option<f64>,
}

impl MeasureIdle {
    pub fn new(seconds: f32) -> MeasureIdle {
        MeasureIdle { seconds, born: Instant::now(), started: None, frames: 0, cpu_at_start: None }
    }
}

/// CPU seconds this process has used (user + system), from /proc.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

pub(crate) fn plugin(app: &mut App) {
    app.add_systems(Startup, wake_later).add_systems(Last, count);
}

/// The app sleeps while idle: wake it when the warm-up ends and when the window closes.
fn wake_later(proxy: Res<EventLoopProxyWrapper>, mut measure: ResMut<MeasureIdle>) {
    let proxy = (**proxy).clone();
    measure.born = Instant::now();
    let slack = Duration::from_millis(100);
    let window = Duration::from_secs_f32(measure.seconds);
    std::thread::spawn(move || {
        std::thread::sleep(WARM_UP + slack);
        let _ = proxy.send_event(WinitUserEvent::WakeUp);
        std::thread::sleep(window + slack);
        let _ = proxy.send_event(WinitUserEvent::WakeUp);
    });
}

fn count(mut m: ResMut<MeasureIdle>, mut exit: MessageWriter<AppExit>) {
    let now = Instant::now();
    if now < m.born + WARM_UP {
        return;
    }
    let Some(began) = m.started else {
        m.started = Some(now);
        m.cpu_at_start = cpu_seconds();
        return;
    };
    m.frames += 1;
    let window = now - began;
    if window.as_secs_f32() >= m.seconds {
        let cpu = match (cpu_seconds(), m.cpu_at_start) {
            (Some(b), Some(a)) => format!("{:.1}", (b - a) / window.as_secs_f64() * 100.0),
            _ => "?".into(),
        };
        // The last frame is our own wake-up call, not one the app drew by itself.
        println!("idle: {} frames in {:.1} s, cpu {cpu}% of one core", m.frames - 1, window.as_secs_f32());
        exit.write(AppExit::Success);
    }
}

/// `shapan gui --measure-startup [--empty]`: prints the time from start to the first frame the
/// UI has drawn and the resident memory then, and exits. `--empty` measures a bare Bevy +
/// bevy_egui window built the same way, for comparison (`benches/gui_startup.sh`).
#[derive(Resource, Debug)]
pub struct MeasureStartup {
    pub began: Instant,
    /// Set by the UI when it has drawn a complete screen.
    pub drawn: bool,
    frames_after: u32,
}

impl MeasureStartup {
    pub fn new(began: Instant) -> MeasureStartup {
        MeasureStartup { began, drawn: false, frames_after: 0 }
    }
}

/// Resident memory of this process in KiB, from /proc.
pub fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.split_whitespace().next()?.parse().ok())
}

pub(crate) fn startup_plugin(app: &mut App) {
    app.add_systems(Last, (mark_drawn, report_startup).chain());
}

/// The library screen is complete once the library has been read: the frame that drew it ends here.
fn mark_drawn(library: Option<Res<crate::app::library::Library>>, mut m: ResMut<MeasureStartup>) {
    if library.is_some() {
        m.drawn = true;
    }
}

fn report_startup(mut m: ResMut<MeasureStartup>, mut exit: MessageWriter<AppExit>) {
    if !m.drawn {
        return;
    }
    // The frame the UI was drawn in is presented at the end of this update; report after it.
    m.frames_after += 1;
    if m.frames_after == 1 {
        println!(
            "startup: first frame drawn after {:.0} ms, resident memory {} KiB",
            m.began.elapsed().as_secs_f64() * 1e3,
            rss_kib().unwrap_or(0)
        );
        exit.write(AppExit::Success);
    }
}

/// The baseline: a bare window with one egui label.
pub fn run_empty(began: Instant) -> AppExit {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(bevy::log::LogPlugin { level: bevy::log::Level::WARN, ..default() }))
        .add_plugins(bevy_egui::EguiPlugin::default())
        .insert_resource(bevy::winit::WinitSettings::desktop_app())
        .insert_resource(MeasureStartup::new(began))
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(bevy_egui::EguiPrimaryContextPass, empty_ui)
        .add_plugins(startup_plugin);
    app.run()
}

fn empty_ui(mut contexts: bevy_egui::EguiContexts, mut m: ResMut<MeasureStartup>) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = bevy_egui::egui::Ui::new(ctx.clone(), "root".into(), bevy_egui::egui::UiBuilder::new().max_rect(ctx.viewport_rect()));
    root.label("empty");
    m.drawn = true;
    Ok(())
}
