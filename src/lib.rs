//! Shapan (沙盘): a role-play and simulation engine for training grassroots officials.
//! The core (`scenario`, `engine`, `present`, `records`, `cli`, with `lang` and `i18n` beneath
//! them) is pure Rust; the desktop app lives behind the `gui` feature. See ARCHITECTURE.md.

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod engine;
pub mod i18n;
pub mod lang;
pub mod present;
pub mod records;
pub mod scenario;
