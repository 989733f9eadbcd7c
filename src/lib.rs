//! Shapan (沙盘): a role-play and simulation engine for training grassroots officials.
//! The core (`scenario`, `cli`) is pure Rust; the desktop app lives behind the `gui` feature.

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod engine;
pub mod lang;
pub mod present;
pub mod records;
pub mod scenario;
