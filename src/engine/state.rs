//! Play state. `Run` is the engine's working form (indices, vectors); `SessionState` is the same
//! state by ids, serialisable, and the one thing saved, resumed, replayed and recorded.

use super::compiled::{Compiled, Slots};
use crate::i18n::{Localize, Message};
use crate::msg;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a run stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    Scene(usize),
    Ended(usize),
}

/// One decision as taken: the scene, the choice (`None` when the timer ran out) and the deciding time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub scene: usize,
    pub choice: Option<usize>,
    pub ms: u64,
    /// Time the instructor added to the scene's limit before this decision.
    pub extra_ms: u64,
    /// Meter values right after the decision and everything it set off.
    pub meters_after: Vec<i64>,
    /// The choices as they were shown (global indices, first shown first, greyed-out ones
    /// last); empty where the order was not recorded (exploration, saves from before).
    pub shown: Vec<usize>,
}

/// The engine's working state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub role: usize,
    pub place: Place,
    pub meters: Vec<i64>,
    pub flags: Vec<bool>,
    pub visited: Vec<bool>,
    pub chosen: Vec<bool>,
    pub fired: Vec<bool>,
    pub scores: Vec<i64>,
    /// Story time since the start, in milliseconds.
    pub clock_ms: u64,
    /// Real deciding time spent in the current scene, in milliseconds.
    pub scene_ms: u64,
    /// Time added to the current scene's limit (an instructor giving a class longer to discuss).
    pub extra_ms: u64,
    pub decisions: Vec<Decision>,
}

impl Run {
    pub fn new(c: &Compiled, role: usize) -> Run {
        let s = &c.scenario;
        Run {
            role,
            place: Place::Scene(0),
            meters: s.meters.iter().map(|m| m.start).collect(),
            flags: s.flags.iter().map(|f| f.start).collect(),
            visited: vec![false; s.scenes.len()],
            chosen: vec![false; c.choices.len()],
            fired: vec![false; c.injects.len()],
            scores: vec![0; s.competencies.len()],
            clock_ms: 0,
            scene_ms: 0,
            extra_ms: 0,
            decisions: Vec::new(),
        }
    }

    pub fn ended(&self) -> Option<usize> {
        match self.place {
            Place::Ended(e) => Some(e),
            Place::Scene(_) => None,
        }
    }
}

impl Slots for Run {
    fn meter(&self, i: usize) -> i64 {
        self.meters[i]
    }
    fn flag(&self, i: usize) -> bool {
        self.flags[i]
    }
    fn visited(&self, i: usize) -> bool {
        self.visited.get(i).copied().unwrap_or(false)
    }
    fn chose(&self, i: usize) -> bool {
        self.chosen.get(i).copied().unwrap_or(false)
    }
    fn role(&self) -> usize {
        self.role
    }
    fn clock_minutes(&self) -> i64 {
        i64::try_from(self.clock_ms / 60_000).unwrap_or(i64::MAX)
    }
}

/// Where a saved run stands, by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Position {
    Scene(String),
    Ended(String),
}

/// A decision by id, as saved and as written in transcripts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    pub scene: String,
    /// `None` when the timer ran out.
    pub choice: Option<String>,
    pub ms: u64,
    /// Time the instructor added to the scene's limit.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extra_ms: u64,
    #[serde(default)]
    pub meters_after: BTreeMap<String, i64>,
    /// The choice ids in the order they were shown, greyed-out ones last: "option 2" is `shown[1]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shown: Vec<String>,
}

/// Everything that changes while a scenario is played, by id. Content is not in here: it is
/// found again by `scenario` and checked against `content_hash`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionState {
    pub format: u32,
    pub scenario: String,
    pub content_hash: String,
    pub role: String,
    pub seed: u64,
    /// Position of the random generator's stream, so a resumed run draws what the original would have.
    pub rng_word_pos: u128,
    pub timers: bool,
    pub position: Position,
    pub meters: BTreeMap<String, i64>,
    pub flags: BTreeMap<String, bool>,
    pub visited: Vec<String>,
    pub chosen: Vec<String>,
    pub fired: Vec<String>,
    pub scores: BTreeMap<String, i64>,
    pub clock_ms: u64,
    pub scene_ms: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extra_ms: u64,
    pub decisions: Vec<DecisionRecord>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The state format version written by this Shapan.
pub const STATE_FORMAT: u32 = 1;

/// Why a saved state cannot be resumed on a scenario.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StateError {
    #[error("the save is for scenario '{saved}', not '{loaded}'")]
    OtherScenario { saved: String, loaded: String },
    #[error("the scenario has changed since this run was saved")]
    ContentChanged,
    #[error("the save names {kind} '{id}', which the scenario no longer has")]
    UnknownId { kind: &'static str, id: String },
    #[error("the save has format {0}, which this Shapan does not read")]
    Format(u32),
}

impl Localize for StateError {
    fn message(&self) -> Message {
        match self {
            StateError::OtherScenario { saved, loaded } => msg!("error-state-other-scenario", saved = saved, loaded = loaded),
            StateError::ContentChanged => msg!("error-state-content-changed"),
            StateError::UnknownId { kind, id } => msg!("error-state-unknown-id", kind = *kind, id = id),
            StateError::Format(n) => msg!("error-state-format", format = *n, known = STATE_FORMAT),
        }
    }
}

fn ids<'a>(flags: &'a [bool], id: impl Fn(usize) -> &'a str) -> Vec<String> {
    flags.iter().enumerate().filter(|(_, on)| **on).map(|(i, _)| id(i).to_string()).collect()
}

impl Run {
    /// The run by id.
    pub fn to_state(&self, c: &Compiled, seed: u64, rng_word_pos: u128, timers: bool) -> SessionState {
        let s = &c.scenario;
        let meters = |values: &[i64]| s.meters.iter().zip(values).map(|(m, v)| (m.id.clone(), *v)).collect();
        SessionState {
            format: STATE_FORMAT,
            scenario: s.id.clone(),
            content_hash: c.content_hash.clone(),
            role: s.roles[self.role].id.clone(),
            seed,
            rng_word_pos,
            timers,
            position: match self.place {
                Place::Scene(i) => Position::Scene(s.scenes[i].id.clone()),
                Place::Ended(e) => Position::Ended(s.endings[e].id.clone()),
            },
            meters: meters(&self.meters),
            flags: s.flags.iter().zip(&self.flags).map(|(f, v)| (f.id.clone(), *v)).collect(),
            visited: ids(&self.visited, |i| &s.scenes[i].id),
            chosen: ids(&self.chosen, |i| &c.choice(i).id),
            fired: ids(&self.fired, |i| &s.injects[i].id),
            scores: s.competencies.iter().zip(&self.scores).map(|(k, v)| (k.id.clone(), *v)).collect(),
            clock_ms: self.clock_ms,
            scene_ms: self.scene_ms,
            extra_ms: self.extra_ms,
            decisions: self
                .decisions
                .iter()
                .map(|d| DecisionRecord {
                    scene: s.scenes[d.scene].id.clone(),
                    choice: d.choice.map(|i| c.choice(i).id.clone()),
                    ms: d.ms,
                    extra_ms: d.extra_ms,
                    meters_after: meters(&d.meters_after),
                    shown: d.shown.iter().map(|&i| c.choice(i).id.clone()).collect(),
                })
                .collect(),
        }
    }

    /// The run from a saved state. With `strict`, the content must be exactly what was saved;
    /// without it (hot reload of an edited scenario), ids that still exist carry over and
    /// meters or flags the edit added take their start values.
    pub fn from_state(c: &Compiled, st: &SessionState, strict: bool) -> Result<Run, StateError> {
        let s = &c.scenario;
        if st.format != STATE_FORMAT {
            return Err(StateError::Format(st.format));
        }
        if st.scenario != s.id {
            return Err(StateError::OtherScenario { saved: st.scenario.clone(), loaded: s.id.clone() });
        }
        if strict && st.content_hash != c.content_hash {
            return Err(StateError::ContentChanged);
        }
        let unknown = |kind: &'static str, id: &str| StateError::UnknownId { kind, id: id.to_string() };
        let role = c.role_index(&st.role).ok_or_else(|| unknown("role", &st.role))?;
        let mut run = Run::new(c, role);
        run.place = match &st.position {
            Position::Scene(id) => Place::Scene(c.scene_index(id).ok_or_else(|| unknown("scene", id))?),
            Position::Ended(id) => Place::Ended(c.ending_index(id).ok_or_else(|| unknown("ending", id))?),
        };
        let lenient = |r: Result<(), StateError>| if strict { r } else { Ok(()) };
        for (id, v) in &st.meters {
            match c.meter_index(id) {
                Some(i) => run.meters[i] = *v,
                None => lenient(Err(unknown("meter", id)))?,
            }
        }
        for (id, v) in &st.flags {
            match c.flag_index(id) {
                Some(i) => run.flags[i] = *v,
                None => lenient(Err(unknown("flag", id)))?,
            }
        }
        for id in &st.visited {
            match c.scene_index(id) {
                Some(i) => run.visited[i] = true,
                None => lenient(Err(unknown("scene", id)))?,
            }
        }
        for id in &st.chosen {
            match c.choice_index(id) {
                Some(i) => run.chosen[i] = true,
                None => lenient(Err(unknown("choice", id)))?,
            }
        }
        for id in &st.fired {
            match s.injects.iter().position(|x| &x.id == id) {
                Some(i) => run.fired[i] = true,
                None => lenient(Err(unknown("inject", id)))?,
            }
        }
        for (id, v) in &st.scores {
            match c.competency_index(id) {
                Some(i) => run.scores[i] = *v,
                None => lenient(Err(unknown("competency", id)))?,
            }
        }
        run.clock_ms = st.clock_ms;
        run.scene_ms = st.scene_ms;
        run.extra_ms = st.extra_ms;
        for d in &st.decisions {
            let Some(scene) = c.scene_index(&d.scene) else {
                lenient(Err(unknown("scene", &d.scene)))?;
                continue;
            };
            let choice = match &d.choice {
                Some(id) => match c.choice_index(id) {
                    Some(i) => Some(i),
                    None => {
                        lenient(Err(unknown("choice", id)))?;
                        continue;
                    }
                },
                None => None,
            };
            let meters_after = s.meters.iter().map(|m| d.meters_after.get(&m.id).copied().unwrap_or(m.start)).collect();
            // An id the edit removed just drops out of the order shown (it was shown, but is gone).
            let shown = d.shown.iter().filter_map(|id| c.choice_index(id)).collect();
            run.decisions.push(Decision { scene, choice, ms: d.ms, extra_ms: d.extra_ms, meters_after, shown });
        }
        Ok(run)
    }
}
