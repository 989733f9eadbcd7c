//! What every front end shows, as plain data: the scenario map today; view models, grade bands and
//! charts as they move here. No Bevy, no egui: the terminal, the printable files and the desktop
//! app all draw from the same values.

pub mod debrief;
pub mod graph;
pub mod vote;

use crate::scenario::model::Grade;

/// The colour of a grade, as the printed debrief and the charts use it (RGB).
pub fn grade_rgb(grade: Grade) -> [u8; 3] {
    match grade {
        Grade::Excellent => [0x1e, 0x8c, 0x3c],
        Grade::Good => [0x1e, 0x5a, 0xaa],
        Grade::Pass => [0xd2, 0x78, 0x00],
        Grade::Fail => [0xc8, 0x28, 0x28],
    }
}

/// A colour as `#rrggbb`, for SVG, HTML, DOT and Mermaid.
pub fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}
