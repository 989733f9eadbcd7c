//! The authored scenario: data model, RON loading, diagnostics and validation. No Bevy here.

pub mod diagnostic;
pub mod expr;
pub mod load;
pub mod locate;
pub mod model;
pub mod render;
mod syntax;
pub mod text;
pub mod validate;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use load::{Loaded, load_path, scenario_files};
pub use model::Scenario;
pub use text::Text;
