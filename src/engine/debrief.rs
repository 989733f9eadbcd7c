//! The debrief: how a run ended, the score per competency, the road taken with the better
//! decision beside each step, and the meters over the run. Built from a transcript by replaying
//! it, in no language: indices into the scenario, numbers and grades. Front ends resolve the
//! words at render time (`present::debrief::DebriefView`), so switching language rebuilds nothing.

use super::compiled::Compiled;
use super::explore::Aim;
use super::rating::{self, Rating};
use super::score::{Crossed, Scoring, crossed, graded, red_line, round1};
use super::state::Place;
use super::transcript::{ReplayError, Transcript};
use crate::scenario::model::Grade;
use serde::Serialize;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompetencyScore {
    /// Index into the scenario's competencies.
    pub competency: usize,
    pub raw: i64,
    pub min: i64,
    pub max: i64,
    pub score: f64,
}

/// A decision worth more than the one taken.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Better {
    /// Global choice index; `None`: letting the timer run out would have been better (it happens).
    pub choice: Option<usize>,
    /// How many points of the weighted total the better decision is expected to add.
    pub gain: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// Index of the scene the decision was taken in.
    pub scene: usize,
    /// Global choice index; `None` when the timer ran out.
    pub choice: Option<usize>,
    pub ms: u64,
    pub better: Option<Better>,
    /// How the decision rated against what was open at that point (`engine::rating`); `None`
    /// where the exploration could not value it (a scenario too large to explore).
    pub rating: Option<Rating>,
    /// The class's votes, when a class decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote: Option<super::vote::Vote>,
    /// The class's prediction of what this decision would lead to, when one was taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prediction: Option<super::predict::Prediction>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeterTrack {
    /// Index into the scenario's meters.
    pub meter: usize,
    /// The start value, then the value after each decision.
    pub values: Vec<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Debrief {
    pub scenario: String,
    /// Index into the scenario's roles.
    pub role: usize,
    pub seed: u64,
    pub complete: bool,
    /// Index into the scenario's endings.
    pub ending: Option<usize>,
    /// Band of the weighted total; never above Needs work when a red line was crossed.
    pub grade: Grade,
    /// The red lines crossed, in the order taken: the debrief names them before the scores.
    pub red_lines: Vec<Crossed>,
    pub total: f64,
    pub competencies: Vec<CompetencyScore>,
    pub path: Vec<Step>,
    pub meters: Vec<MeterTrack>,
    /// Story minutes that passed.
    pub minutes: u64,
}

impl Debrief {
    /// How the class predicted over the road: predictions taken and those it got right.
    pub fn predictions(&self) -> super::predict::Tally {
        super::predict::Tally::of(self.path.iter().filter_map(|s| s.prediction.as_ref()))
    }

    /// Replays the transcript and builds the debrief.
    pub fn build(compiled: &Arc<Compiled>, transcript: &Transcript, scoring: &Scoring) -> Result<Debrief, ReplayError> {
        let c = compiled.as_ref();
        let s = &c.scenario;
        let mut explorer = scoring.explorer(c);
        let mut betters: Vec<(Option<Better>, Option<Rating>)> = Vec::new();
        let session = transcript.replay(compiled.clone(), |i, run| {
            let taken = transcript.decisions[i].choice.as_deref().and_then(|id| c.choice_index(id));
            let values = explorer.evaluate(Aim::Best, run);
            let taken_q = values.iter().find(|(a, _)| *a == taken).and_then(|(_, q)| *q);
            // The better decision is never one across a red line.
            let scene = match run.place {
                Place::Scene(s) => Some(s),
                Place::Ended(_) => None,
            };
            let safe = |a: &Option<usize>| scene.is_none_or(|s| red_line(c, s, *a).is_none());
            let best = values.iter().filter(|(a, _)| safe(a)).filter_map(|(a, q)| q.map(|q| (*a, q))).fold(
                None::<(Option<usize>, f64)>,
                |acc, (a, q)| match acc {
                    Some((_, b)) if q <= b + 1e-9 => acc,
                    _ => Some((a, q)),
                },
            );
            let better = match (best, taken_q) {
                (Some((a, q)), Some(t)) if q > t + 0.05 && a != taken => Some((a, q - t)),
                (Some((a, q)), None) if a != taken => Some((a, q)),
                _ => None,
            };
            let worst = values.iter().filter_map(|(_, q)| *q).fold(f64::INFINITY, f64::min);
            let crosses = scene.is_some_and(|s| red_line(c, s, taken).is_some());
            let rated = match (taken_q, best) {
                (Some(t), Some((_, b))) => Some(rating::rate(t, b, worst, crosses)),
                _ if crosses => Some(Rating::RedLine),
                _ => None,
            };
            betters.push((better.map(|(choice, gain)| Better { choice, gain: round1(gain) }), rated));
        })?;
        let run = session.run();
        let path = run
            .decisions
            .iter()
            .zip(betters)
            .map(|(d, (better, rating))| Step { scene: d.scene, choice: d.choice, ms: d.ms, better, rating, vote: None, prediction: None })
            .collect();
        let meters = (0..s.meters.len())
            .map(|i| MeterTrack {
                meter: i,
                values: std::iter::once(s.meters[i].start).chain(run.decisions.iter().map(|d| d.meters_after[i])).collect(),
            })
            .collect();
        let competencies = (0..s.competencies.len())
            .map(|k| CompetencyScore {
                competency: k,
                raw: run.scores[k],
                min: scoring.ranges[k].0,
                max: scoring.ranges[k].1,
                score: round1(scoring.normalised(k, run.scores[k])),
            })
            .collect();
        let total = round1(scoring.total(&run.scores));
        let ending = run.ended();
        let red_lines = crossed(c, run.decisions.iter().map(|d| (d.scene, d.choice)));
        Ok(Debrief {
            scenario: s.id.clone(),
            role: run.role,
            seed: transcript.seed,
            complete: ending.is_some(),
            ending,
            grade: graded(total, !red_lines.is_empty()),
            red_lines,
            total,
            competencies,
            path,
            meters,
            minutes: run.clock_ms / 60_000,
        })
    }

    /// The decisions that lost the most against the better road, largest first (indices into
    /// `path`; see `rating::turning_points`).
    pub fn turning_points(&self) -> Vec<usize> {
        rating::turning_points(self.path.iter().map(|s| (s.rating, s.better.as_ref().map_or(0.0, |b| b.gain))))
    }
}
