//! Transcripts: what a run needs to be replayed exactly (scenario and content hash, role, seed,
//! each decision with its time and the order its options were shown in), written as JSON by
//! `--transcript` and read by `--replay`.

use super::compiled::Compiled;
use super::session::{EngineError, Session};
use super::state::{Run, SessionState};
use crate::i18n::{Localize, Message};
use crate::msg;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub scene: String,
    /// `None` when the trainee let the timer run out.
    pub choice: Option<String>,
    pub ms: u64,
    /// Time the instructor added to the scene's limit.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extra_ms: u64,
    /// The choice ids in the order they were shown (greyed-out ones last), so a reader knows
    /// what "option 2" was. Derived from the seed, so a replay does not need it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shown: Vec<String>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcript {
    pub format: u32,
    pub scenario: String,
    pub content_hash: String,
    pub role: String,
    pub seed: u64,
    pub timers: bool,
    pub decisions: Vec<Step>,
    /// Whether the run reached an ending.
    pub complete: bool,
}

/// Why a transcript does not replay.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    #[error("the transcript is for scenario '{0}'")]
    OtherScenario(String),
    #[error("the scenario has changed since the transcript was written")]
    ContentChanged,
    /// Decision `index` was taken in another scene than the replay reached.
    #[error("decision {} was taken in scene '{expected}' but the replay is in '{found}'", index + 1)]
    Diverged { index: usize, expected: String, found: String },
    #[error("decision {}: {error}", index + 1)]
    Engine { index: usize, error: EngineError },
}

impl Localize for ReplayError {
    fn message(&self) -> Message {
        match self {
            ReplayError::OtherScenario(s) => msg!("error-replay-other-scenario", scenario = s),
            ReplayError::ContentChanged => msg!("error-replay-content-changed"),
            ReplayError::Diverged { index, expected, found } => {
                msg!("error-replay-diverged", decision = index + 1, expected = expected, found = found)
            }
            ReplayError::Engine { index, error } => msg!("error-replay-engine", decision = index + 1, reason = error.message()),
        }
    }
}

impl Transcript {
    pub fn of(state: &SessionState, complete: bool) -> Transcript {
        Transcript {
            format: 1,
            scenario: state.scenario.clone(),
            content_hash: state.content_hash.clone(),
            role: state.role.clone(),
            seed: state.seed,
            timers: state.timers,
            decisions: state
                .decisions
                .iter()
                .map(|d| Step { scene: d.scene.clone(), choice: d.choice.clone(), ms: d.ms, extra_ms: d.extra_ms, shown: d.shown.clone() })
                .collect(),
            complete,
        }
    }

    /// Replays every decision; `each` sees the run just before each decision is taken.
    pub fn replay(&self, compiled: Arc<Compiled>, mut each: impl FnMut(usize, &Run)) -> Result<Session, ReplayError> {
        if self.scenario != compiled.scenario.id {
            return Err(ReplayError::OtherScenario(self.scenario.clone()));
        }
        if self.content_hash != compiled.content_hash {
            return Err(ReplayError::ContentChanged);
        }
        let engine = |index: usize| move |error| ReplayError::Engine { index, error };
        let (mut session, _) = Session::start(compiled, Some(&self.role), self.seed, self.timers).map_err(engine(0))?;
        for (i, step) in self.decisions.iter().enumerate() {
            let here = session.scene().map(|s| session.compiled().scenario.scenes[s].id.clone()).unwrap_or_default();
            if here != step.scene {
                return Err(ReplayError::Diverged { index: i, expected: step.scene.clone(), found: here });
            }
            each(i, session.run());
            let before = session.run().decisions.len();
            session.add_time(step.extra_ms);
            session.elapse(step.ms).map_err(engine(i))?;
            let timed_out = session.run().decisions.len() > before;
            match (&step.choice, timed_out) {
                (Some(id), false) => {
                    session.choose(id).map_err(engine(i))?;
                }
                (None, false) => {
                    session.time_out().map_err(engine(i))?;
                }
                (None, true) => {}
                (Some(id), true) => return Err(ReplayError::Engine { index: i, error: EngineError::NotOffered(id.clone()) }),
            }
        }
        Ok(session)
    }
}
