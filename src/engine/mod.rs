//! The engine: plays a validated scenario. A `Session` is driven by calls that return events;
//! exploration finds score ranges and the best and worst roads; the debrief and transcripts
//! come from the session state. No Bevy here, no wall clock, randomness only from the seed.

pub mod analysis;
pub mod class;
pub mod compiled;
pub mod debrief;
pub mod explore;
pub mod order;
pub mod pedagogy;
pub mod plan;
pub mod predict;
pub mod rating;
pub mod rng;
pub mod score;
pub mod session;
pub mod state;
pub mod transcript;
pub mod vote;

pub use compiled::Compiled;
pub use session::{EngineError, Event, FeedbackSource, Offer, Session};
pub use state::{SessionState, StateError};
