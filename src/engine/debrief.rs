//! The debrief: how a run ended, the score per competency, the road taken with each decision's
//! feedback, basis and commentary beside the better decision, and the meters over the run.
//! Built from a transcript by replaying it, in one language; the GUI and the terminal render it.

use super::compiled::Compiled;
use super::explore::Aim;
use super::score::{Scoring, band, round1};
use super::transcript::{ReplayError, Transcript};
use crate::lang::Lang;
use crate::scenario::model::{Commentary, Grade};
use crate::scenario::text::Text;
use serde::Serialize;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Voices {
    pub expert: Option<String>,
    pub practitioner: Option<String>,
}

impl Voices {
    fn of(c: Option<&Commentary>, lang: &str) -> Option<Voices> {
        let c = c?;
        let v = Voices {
            expert: c.expert.as_ref().map(|t| t.get(lang).to_string()),
            practitioner: c.practitioner.as_ref().map(|t| t.get(lang).to_string()),
        };
        (v.expert.is_some() || v.practitioner.is_some()).then_some(v)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompetencyScore {
    pub id: String,
    pub name: String,
    pub weight: i64,
    pub raw: i64,
    pub min: i64,
    pub max: i64,
    pub score: f64,
}

/// A decision worth more than the one taken.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Better {
    /// `None`: letting the timer run out would have been better (it happens).
    pub choice: Option<String>,
    pub text: String,
    pub feedback: Option<String>,
    /// How many points of the weighted total the better decision is expected to add.
    pub gain: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    pub scene: String,
    pub scene_text: String,
    /// `None` when the timer ran out.
    pub choice: Option<String>,
    pub text: String,
    pub ms: u64,
    pub feedback: Option<String>,
    pub basis: Option<String>,
    pub commentary: Option<Voices>,
    pub better: Option<Better>,
    /// The class's votes, when a class decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote: Option<super::vote::Vote>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeterTrack {
    pub id: String,
    pub name: String,
    pub visible: bool,
    pub higher_is_worse: bool,
    pub min: i64,
    pub max: i64,
    /// The start value, then the value after each decision.
    pub values: Vec<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EndingInfo {
    pub id: String,
    pub title: String,
    pub grade: Grade,
    pub text: String,
    pub commentary: Option<Voices>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Debrief {
    pub scenario: String,
    pub title: String,
    pub role: String,
    pub seed: u64,
    pub complete: bool,
    pub ending: Option<EndingInfo>,
    /// Band of the weighted total.
    pub grade: Grade,
    pub total: f64,
    pub competencies: Vec<CompetencyScore>,
    pub path: Vec<Step>,
    pub meters: Vec<MeterTrack>,
    pub commentary: Option<Voices>,
    /// Story minutes that passed.
    pub minutes: u64,
}

fn text(t: &Option<Text>, lang: &str) -> Option<String> {
    t.as_ref().map(|t| t.get(lang).to_string())
}

/// Label for letting the timer run out.
pub fn silence_label(lang: Lang) -> &'static str {
    lang.pick("（未作决定，时间到）", "(no decision: time ran out)")
}

impl Debrief {
    /// Replays the transcript and builds the debrief in `lang`.
    pub fn build(compiled: &Arc<Compiled>, transcript: &Transcript, scoring: &Scoring, lang: Lang) -> Result<Debrief, ReplayError> {
        let c = compiled.as_ref();
        let s = &c.scenario;
        let code = if s.languages.iter().any(|l| l == lang.code()) { lang.code() } else { s.original_language() };
        let mut explorer = scoring.explorer(c);
        let mut betters: Vec<Option<Better>> = Vec::new();
        let session = transcript.replay(compiled.clone(), |i, run| {
            let taken = transcript.decisions[i].choice.as_deref().and_then(|id| c.choice_index(id));
            let values = explorer.evaluate(Aim::Best, run);
            let taken_q = values.iter().find(|(a, _)| *a == taken).and_then(|(_, q)| *q);
            let best = values.iter().filter_map(|(a, q)| q.map(|q| (*a, q))).fold(None::<(Option<usize>, f64)>, |acc, (a, q)| match acc {
                Some((_, b)) if q <= b + 1e-9 => acc,
                _ => Some((a, q)),
            });
            let better = match (best, taken_q) {
                (Some((a, q)), Some(t)) if q > t + 0.05 && a != taken => Some((a, q - t)),
                (Some((a, q)), None) if a != taken => Some((a, q)),
                _ => None,
            };
            betters.push(better.map(|(a, gain)| Better {
                choice: a.map(|ix| c.choice(ix).id.clone()),
                text: a.map_or_else(|| silence_label(lang).to_string(), |ix| c.choice(ix).text.get(code).to_string()),
                feedback: match a {
                    Some(ix) => text(&c.choice(ix).feedback, code),
                    None => c.scenario.scenes[run_scene(run)].timer.as_ref().and_then(|t| text(&t.feedback, code)),
                },
                gain: round1(gain),
            }));
        })?;
        let run = session.run();
        let path = run
            .decisions
            .iter()
            .zip(betters)
            .map(|(d, better)| {
                let scene = &s.scenes[d.scene];
                let (id, label, feedback, basis, commentary) = match d.choice {
                    Some(ix) => {
                        let ch = c.choice(ix);
                        (
                            Some(ch.id.clone()),
                            ch.text.get(code).to_string(),
                            text(&ch.feedback, code),
                            text(&ch.basis, code),
                            Voices::of(ch.commentary.as_ref(), code),
                        )
                    }
                    None => {
                        let t = scene.timer.as_ref();
                        (
                            None,
                            silence_label(lang).to_string(),
                            t.and_then(|t| text(&t.feedback, code)),
                            t.and_then(|t| text(&t.basis, code)),
                            Voices::of(t.and_then(|t| t.commentary.as_ref()), code),
                        )
                    }
                };
                Step {
                    scene: scene.id.clone(),
                    scene_text: scene.text.get(code).to_string(),
                    choice: id,
                    text: label,
                    ms: d.ms,
                    feedback,
                    basis,
                    commentary,
                    better,
                    vote: None,
                }
            })
            .collect();
        let meters = s
            .meters
            .iter()
            .enumerate()
            .map(|(i, m)| MeterTrack {
                id: m.id.clone(),
                name: m.name.get(code).to_string(),
                visible: m.visible,
                higher_is_worse: m.higher_is_worse,
                min: m.min,
                max: m.max,
                values: std::iter::once(m.start).chain(run.decisions.iter().map(|d| d.meters_after[i])).collect(),
            })
            .collect();
        let competencies = s
            .competencies
            .iter()
            .enumerate()
            .map(|(k, comp)| CompetencyScore {
                id: comp.id.clone(),
                name: comp.name.get(code).to_string(),
                weight: comp.weight,
                raw: run.scores[k],
                min: scoring.ranges[k].0,
                max: scoring.ranges[k].1,
                score: round1(scoring.normalised(k, run.scores[k])),
            })
            .collect();
        let total = round1(scoring.total(&run.scores));
        let ending = run.ended().map(|e| {
            let end = &s.endings[e];
            EndingInfo {
                id: end.id.clone(),
                title: end.title.get(code).to_string(),
                grade: end.grade,
                text: end.text.get(code).to_string(),
                commentary: Voices::of(end.commentary.as_ref(), code),
            }
        });
        Ok(Debrief {
            scenario: s.id.clone(),
            title: s.title.get(code).to_string(),
            role: s.roles[run.role].name.get(code).to_string(),
            seed: transcript.seed,
            complete: ending.is_some(),
            ending,
            grade: band(total),
            total,
            competencies,
            path,
            meters,
            commentary: Voices::of(Some(&s.debrief), code),
            minutes: run.clock_ms / 60_000,
        })
    }
}

fn run_scene(run: &super::state::Run) -> usize {
    match run.place {
        super::state::Place::Scene(i) => i,
        super::state::Place::Ended(_) => 0,
    }
}
