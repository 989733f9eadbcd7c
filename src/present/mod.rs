//! What every front end shows, as plain data: the debrief in one language, grade bands, vote
//! summaries, why a greyed-out option is locked, small formatting helpers, the debrief's charts, the scenario map, and the printable
//! debrief page. No Bevy, no egui: the terminal, the printable files and the desktop app all draw
//! from the same values.

pub mod chart;
pub mod debrief;
pub mod format;
pub mod grade;
pub mod graph;
pub mod html;
pub mod lock;
pub mod predict;
pub mod vote;

pub use grade::grade_rgb;

/// A colour as `#rrggbb`, for SVG, HTML, DOT and Mermaid.
pub fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}
