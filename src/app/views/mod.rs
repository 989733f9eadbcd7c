//! Views are functions: each takes the data it shows and returns what the trainee asked for.

pub mod class;
pub mod console;
pub mod debrief;
pub mod library;
pub mod map;
pub mod notice;
pub mod play;
pub mod records;
pub mod setup;
pub mod typeset;
