//! Tools for developers, compiled only with the `dev` feature (CI builds and tests with it):
//! autoplay with screenshots (the real-window tests and the README's pictures), and the startup
//! and idle measurements of the bench script. A user's build and `shapan gui --help` have none
//! of them.

pub mod autoplay;
pub mod measure;
pub mod watch;

use std::path::PathBuf;

/// What the developer asked for on the command line.
#[derive(Debug, Clone, Default)]
pub struct DevOptions {
    /// Drive the window by itself and photograph each screen.
    pub autoplay: Option<AutoplayOptions>,
    /// Sit idle this many seconds, report frames and CPU, exit.
    pub measure_idle: Option<f32>,
    /// Report the time to the first drawn frame and memory, then exit.
    pub measure_startup: Option<Startup>,
}

/// An autoplayed run.
#[derive(Debug, Clone)]
pub struct AutoplayOptions {
    pub scenario: PathBuf,
    pub policy: autoplay::AutoPolicy,
    /// Where the screenshots go.
    pub screenshots: PathBuf,
}

/// What the startup measurement opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Startup {
    /// The app as a user starts it.
    App,
    /// A bare Bevy + bevy_egui window, for comparison.
    Empty,
}
