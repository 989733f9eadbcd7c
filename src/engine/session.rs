//! A session: one trainee (or one class) playing one scenario. Driven by calls that return
//! events (`start`, `choose`, `elapse`); the caller owns the clock and the engine reads none.

use super::compiled::{CEffect, CNext, COutcome, Compiled, Mark, NoTrace, Trace, allows};
use super::rng::Draw;
use super::state::{Decision, Place, Run, SessionState, StateError};
use crate::i18n::{Localize, Message};
use crate::msg;
use std::sync::Arc;

/// Something that happened, for the caller to show. Indices refer to the scenario's lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    SceneEntered {
        scene: usize,
    },
    /// A media item of a scene (`inject: None`) or of an inject.
    MediaPosted {
        scene: Option<usize>,
        inject: Option<usize>,
        index: usize,
    },
    MeterChanged {
        meter: usize,
        from: i64,
        to: i64,
    },
    FlagSet {
        flag: usize,
        value: bool,
    },
    ScoreChanged {
        competency: usize,
        delta: i64,
        total: i64,
    },
    ClockAdvanced {
        minutes: u64,
    },
    InjectFired {
        inject: usize,
    },
    Feedback {
        source: FeedbackSource,
    },
    TimedOut {
        scene: usize,
    },
    Ended {
        ending: usize,
    },
    /// The decision was taken, but the scene it led to offers nothing to choose and has no
    /// timer: the run cannot go on (a dead end the validator only warns about,
    /// `maybe-no-way-out`). Always the last event of its step.
    Stuck {
        scene: usize,
    },
    /// A random branch was drawn (global branch index), before its effects: a class's
    /// prediction learns from it which outcome came about.
    BranchDrawn {
        branch: usize,
    },
}

/// Whose feedback text to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedbackSource {
    Choice(usize),
    Timer(usize),
    Branch(usize),
}

/// A choice as the trainee sees it now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Offer {
    /// Global choice index.
    pub choice: usize,
    /// False when the condition fails and the author chose to show it greyed out.
    pub enabled: bool,
}

/// Breaking the engine's contract: named errors, never panics.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("there is no role '{0}'")]
    UnknownRole(String),
    #[error("there is no choice '{0}'")]
    UnknownChoice(String),
    /// The choice exists but is not offered here (another scene, another role, or hidden).
    #[error("choice '{0}' is not offered now")]
    NotOffered(String),
    /// The choice is shown greyed out because its condition does not hold.
    #[error("choice '{0}' is not available: its condition does not hold")]
    Disabled(String),
    /// The run has ended; nothing more can be chosen.
    #[error("the run has ended")]
    Ended,
    /// No ending's condition holds for this role (the validator prevents this for authored endings).
    #[error("no ending's condition holds")]
    NoEndingMatched,
    /// Nothing can be decided here: the start scene is missing, or a time-out was asked of a scene
    /// without a timer. (A decision that *leads* to a dead end is not an error: it ends in
    /// [`Event::Stuck`].)
    #[error("this scene offers no choice and has no timer")]
    Stuck,
    #[error(transparent)]
    State(#[from] StateError),
}

impl Localize for EngineError {
    fn message(&self) -> Message {
        match self {
            EngineError::UnknownRole(r) => msg!("error-engine-unknown-role", role = r),
            EngineError::UnknownChoice(c) => msg!("error-engine-unknown-choice", choice = c),
            EngineError::NotOffered(c) => msg!("error-engine-not-offered", choice = c),
            EngineError::Disabled(c) => msg!("error-engine-disabled", choice = c),
            EngineError::Ended => msg!("error-engine-ended"),
            EngineError::NoEndingMatched => msg!("error-engine-no-ending"),
            EngineError::Stuck => msg!("error-engine-stuck"),
            EngineError::State(e) => e.message(),
        }
    }
}

/// Picks a branch from `(weight, branch)` pairs: the seeded generator in play, a forced
/// sequence in exploration.
pub(crate) type Picker<'a> = dyn FnMut(&[(u64, usize)]) -> usize + 'a;

/// Apply an outcome's effects and scores to a run, pushing events.
pub(crate) fn apply<T: Trace>(
    c: &Compiled,
    run: &mut Run,
    effects: &[CEffect],
    scores: &[(usize, i64)],
    events: &mut Vec<Event>,
    t: &mut T,
) {
    let meters = &c.scenario.meters;
    for e in effects {
        match *e {
            CEffect::Add(i, n) | CEffect::Set(i, n) => {
                let from = run.meters[i];
                let (min, max) = (meters[i].min, meters[i].max);
                let to = if matches!(e, CEffect::Add(..)) {
                    t.add(i, n, min, max);
                    from.saturating_add(n).clamp(min, max)
                } else {
                    t.set(i, n.clamp(min, max));
                    n.clamp(min, max)
                };
                run.meters[i] = to;
                if to != from {
                    events.push(Event::MeterChanged { meter: i, from, to });
                }
            }
            CEffect::Flag(i, value) => {
                if run.flags[i] != value {
                    run.flags[i] = value;
                    events.push(Event::FlagSet { flag: i, value });
                }
            }
        }
    }
    for &(k, delta) in scores {
        run.scores[k] = run.scores[k].saturating_add(delta);
        events.push(Event::ScoreChanged { competency: k, delta, total: run.scores[k] });
    }
}

/// What a `next` finally resolves to once random draws are made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Scene(usize),
    Ending(usize),
    End,
}

/// Follows random branches (drawing with `draw`) until a scene or an ending.
pub(crate) fn resolve<T: Trace>(
    c: &Compiled,
    run: &mut Run,
    next: &CNext,
    draw: &mut Picker,
    events: &mut Vec<Event>,
    t: &mut T,
) -> Target {
    let mut next = next;
    loop {
        match next {
            CNext::Scene(i) => return Target::Scene(*i),
            CNext::Ending(i) => return Target::Ending(*i),
            CNext::End => return Target::End,
            CNext::Random(list) => {
                let b = draw(list);
                events.push(Event::BranchDrawn { branch: b });
                let branch = &c.branches[b];
                apply(c, run, &branch.outcome.effects, &branch.outcome.scores, events, t);
                if branch.feedback.is_some() {
                    events.push(Event::Feedback { source: FeedbackSource::Branch(b) });
                }
                next = &branch.outcome.next;
            }
        }
    }
}

/// Fires injects whose condition holds (in file order), then enters the target (or the first
/// inject's redirect). Returns an error if `End` finds no ending.
pub(crate) fn arrive<T: Trace>(
    c: &Compiled,
    run: &mut Run,
    target: Target,
    draw: &mut Picker,
    events: &mut Vec<Event>,
    t: &mut T,
) -> Result<(), EngineError> {
    let mut target = target;
    let mut redirected = false;
    let m = run.meters.len();
    for (k, inj) in c.injects.iter().enumerate() {
        if !allows(&inj.roles, run.role) || (inj.once && run.fired[k]) || !inj.when.holds_traced(run, t, m) {
            continue;
        }
        run.fired[k] = true;
        events.push(Event::InjectFired { inject: k });
        for i in 0..c.scenario.injects[k].media.len() {
            if allows_ids(c, &c.scenario.injects[k].media[i].roles, run.role) {
                events.push(Event::MediaPosted { scene: None, inject: Some(k), index: i });
            }
        }
        apply(c, run, &inj.effects, &[], events, t);
        if let (Some(next), false) = (&inj.next, redirected) {
            redirected = true;
            target = resolve(c, run, next, draw, events, t);
        }
    }
    let place = match target {
        Target::Scene(i) => Place::Scene(i),
        Target::Ending(e) => Place::Ended(e),
        Target::End => {
            // Exploring for scores need not tell endings apart when a fallback always catches the road.
            let which = t.endings() || !c.fallback[run.role];
            let e = c
                .endings
                .iter()
                .position(|e| {
                    allows(&e.roles, run.role)
                        && e.condition.as_ref().is_none_or(|k| if which { k.holds_traced(run, t, m) } else { k.holds(run) })
                })
                .ok_or(EngineError::NoEndingMatched)?;
            Place::Ended(e)
        }
    };
    run.place = place;
    run.scene_ms = 0;
    run.extra_ms = 0;
    match place {
        Place::Scene(i) => {
            t.mark(Mark::Visited(i, run.visited[i]));
            run.visited[i] = true;
            events.push(Event::SceneEntered { scene: i });
            for (m, media) in c.scenario.scenes[i].media.iter().enumerate() {
                if allows_ids(c, &media.roles, run.role) {
                    events.push(Event::MediaPosted { scene: Some(i), inject: None, index: m });
                }
            }
        }
        Place::Ended(e) => events.push(Event::Ended { ending: e }),
    }
    Ok(())
}

fn allows_ids(c: &Compiled, roles: &[String], role: usize) -> bool {
    roles.is_empty() || roles.iter().any(|r| c.role_index(r) == Some(role))
}

/// The choices offered in the run's current scene.
pub(crate) fn offers(c: &Compiled, run: &Run) -> Vec<Offer> {
    let mut out = Vec::new();
    offers_into(c, run, &mut out, &mut NoTrace);
    out
}

/// The offers, into a list the caller reuses.
pub(crate) fn offers_into<T: Trace>(c: &Compiled, run: &Run, out: &mut Vec<Offer>, t: &mut T) {
    out.clear();
    let Place::Scene(i) = run.place else { return };
    for ix in c.scenes[i].choices.clone() {
        let ch = &c.choices[ix];
        if !allows(&ch.roles, run.role) {
            continue;
        }
        let holds = ch.condition.as_ref().is_none_or(|k| k.holds_traced(run, t, run.meters.len()));
        if holds || ch.disable_when_unmet {
            out.push(Offer { choice: ix, enabled: holds });
        }
    }
}

/// Takes a decision (a choice, or `None` for the timer running out) and plays it through.
pub(crate) fn decide(
    c: &Compiled,
    run: &mut Run,
    choice: Option<usize>,
    draw: &mut Picker,
    events: &mut Vec<Event>,
) -> Result<(), EngineError> {
    let Place::Scene(scene) = run.place else { return Err(EngineError::Ended) };
    if choice.is_none() && c.scenes[scene].timer.is_none() {
        events.push(Event::TimedOut { scene });
        return Err(EngineError::Stuck);
    }
    let (ms, extra_ms) = (run.scene_ms, run.extra_ms);
    let result = play_through(c, run, choice, draw, events, &mut NoTrace);
    run.decisions.push(Decision { scene, choice, ms, extra_ms, meters_after: run.meters.clone(), shown: Vec::new() });
    result
}

/// A decision played through without being written down: what `decide` does, and what
/// exploration does for every road, telling `t` what it read and changed.
pub(crate) fn play_through<T: Trace>(
    c: &Compiled,
    run: &mut Run,
    choice: Option<usize>,
    draw: &mut Picker,
    events: &mut Vec<Event>,
    t: &mut T,
) -> Result<(), EngineError> {
    let Place::Scene(scene) = run.place else { return Err(EngineError::Ended) };
    let outcome: &COutcome = match choice {
        Some(ix) => {
            t.mark(Mark::Chosen(ix, run.chosen[ix]));
            run.chosen[ix] = true;
            &c.choices[ix].outcome
        }
        None => {
            events.push(Event::TimedOut { scene });
            c.scenes[scene].timer.as_ref().ok_or(EngineError::Stuck)?
        }
    };
    apply(c, run, &outcome.effects, &outcome.scores, events, t);
    events.push(Event::Feedback { source: choice.map_or(FeedbackSource::Timer(scene), FeedbackSource::Choice) });
    let minutes = u64::from(outcome.minutes.unwrap_or(c.clock_default_minutes));
    let before = run.clock_ms / 60_000;
    run.clock_ms = run.clock_ms.saturating_add(minutes * 60_000);
    t.clock(i64::try_from(run.clock_ms / 60_000 - before).unwrap_or(i64::MAX));
    if run.clock_ms / 60_000 != before {
        events.push(Event::ClockAdvanced { minutes: run.clock_ms / 60_000 });
    }
    let target = resolve(c, run, &outcome.next, draw, events, t);
    arrive(c, run, target, draw, events, t)
}

/// The run at its first scene (injects that hold at the start have fired).
pub(crate) fn start_run(c: &Compiled, role: Option<&str>, draw: &mut Picker, events: &mut Vec<Event>) -> Result<Run, EngineError> {
    let role_ix = match role {
        Some(r) => c.role_index(r).ok_or_else(|| EngineError::UnknownRole(r.to_string()))?,
        None => 0,
    };
    let start = c.scenario.roles.get(role_ix).and_then(|r| r.start.as_deref()).unwrap_or(&c.scenario.start);
    let start_ix = c.scene_index(start).ok_or(EngineError::Stuck)?;
    let mut run = Run::new(c, role_ix);
    arrive(c, &mut run, Target::Scene(start_ix), draw, events, &mut NoTrace)?;
    Ok(run)
}

/// One trainee's (or one class's) run of a scenario.
#[derive(Clone, Debug)]
pub struct Session {
    compiled: Arc<Compiled>,
    run: Run,
    draw: Draw,
    timers: bool,
}

impl Session {
    /// Starts a run as `role` (the first role when `None`) with a seed for every random draw.
    pub fn start(compiled: Arc<Compiled>, role: Option<&str>, seed: u64, timers: bool) -> Result<(Session, Vec<Event>), EngineError> {
        let mut draw = Draw::new(seed);
        let mut events = Vec::new();
        let run = start_run(&compiled, role, &mut |w| draw.pick(w), &mut events)?;
        Ok((Session { compiled, run, draw, timers }, events))
    }

    /// Continues a saved run. The scenario must be the one it was saved on, unchanged.
    pub fn resume(compiled: Arc<Compiled>, state: &SessionState) -> Result<Session, EngineError> {
        let run = Run::from_state(&compiled, state, true)?;
        let draw = Draw::at(state.seed, state.rng_word_pos);
        Ok(Session { compiled, run, draw, timers: state.timers })
    }

    /// Carries a run over to an edited version of its scenario (hot reload): ids that still exist
    /// keep their values. Fails if the current scene is gone.
    pub fn carry_over(compiled: Arc<Compiled>, state: &SessionState) -> Result<Session, EngineError> {
        let run = Run::from_state(&compiled, state, false)?;
        let draw = Draw::at(state.seed, state.rng_word_pos);
        Ok(Session { compiled, run, draw, timers: state.timers })
    }

    pub fn compiled(&self) -> &Arc<Compiled> {
        &self.compiled
    }

    pub fn run(&self) -> &Run {
        &self.run
    }

    /// The red lines this run has crossed so far, in the order taken.
    pub fn red_lines(&self) -> Vec<super::score::Crossed> {
        super::score::crossed(&self.compiled, self.run.decisions.iter().map(|d| (d.scene, d.choice)))
    }

    /// The grade the run has earned so far: its band, capped once it has crossed a red line.
    pub fn grade(&self, scoring: &super::score::Scoring) -> crate::scenario::model::Grade {
        super::score::graded(scoring.total(&self.run.scores), !self.red_lines().is_empty())
    }

    pub fn seed(&self) -> u64 {
        self.draw.seed()
    }

    pub fn timers(&self) -> bool {
        self.timers
    }

    /// The state by id, to save or record.
    pub fn state(&self) -> SessionState {
        self.run.to_state(&self.compiled, self.draw.seed(), self.draw.word_pos(), self.timers)
    }

    pub fn scene(&self) -> Option<usize> {
        match self.run.place {
            Place::Scene(i) => Some(i),
            Place::Ended(_) => None,
        }
    }

    pub fn ending(&self) -> Option<usize> {
        self.run.ended()
    }

    pub fn is_over(&self) -> bool {
        self.run.ended().is_some()
    }

    /// The scene the run is stuck in: nothing enabled to choose and no timer to run out.
    pub fn stuck(&self) -> Option<usize> {
        let scene = self.scene()?;
        let open = self.offers().iter().any(|o| o.enabled) || self.compiled.scenes[scene].timer.is_some();
        (!open).then_some(scene)
    }

    /// What can be chosen now, in the order shown to the trainee: drawn from the seed and the
    /// scene (unless the scene's `order` is `Fixed`), greyed-out choices last. Every front end
    /// numbers choices by this order, and a class votes on it.
    pub fn offers(&self) -> Vec<Offer> {
        let mut out = offers(&self.compiled, &self.run);
        super::order::arrange(&self.compiled, self.seed(), &mut out);
        out
    }

    /// What can be chosen now, in the author's order (the instructor's console shows both).
    pub fn offers_authored(&self) -> Vec<Offer> {
        offers(&self.compiled, &self.run)
    }

    /// The current scene's time limit with any time added, when timers are on and the scene has one.
    pub fn limit_ms(&self) -> Option<u64> {
        let i = self.scene()?;
        let limit = self.compiled.scenes[i].timer_ms.filter(|_| self.timers)?;
        Some(limit.saturating_add(self.run.extra_ms))
    }

    /// Milliseconds left on the current scene's timer, when timers are on and the scene has one.
    pub fn time_left_ms(&self) -> Option<u64> {
        Some(self.limit_ms()?.saturating_sub(self.run.scene_ms))
    }

    /// Gives more time on the current scene's timer (an instructor letting a class finish its
    /// discussion). Returns false when there is no running timer to extend.
    pub fn add_time(&mut self, ms: u64) -> bool {
        if self.limit_ms().is_none() {
            return false;
        }
        self.run.extra_ms = self.run.extra_ms.saturating_add(ms);
        true
    }

    /// Chooses by id.
    pub fn choose(&mut self, id: &str) -> Result<Vec<Event>, EngineError> {
        let ix = self.compiled.choice_index(id).ok_or_else(|| EngineError::UnknownChoice(id.to_string()))?;
        self.choose_index(ix)
    }

    /// Chooses by global index.
    pub fn choose_index(&mut self, ix: usize) -> Result<Vec<Event>, EngineError> {
        if self.is_over() {
            return Err(EngineError::Ended);
        }
        let id = || self.compiled.choices.get(ix).map_or_else(|| ix.to_string(), |_| self.compiled.choice(ix).id.clone());
        let offer = self.offers().into_iter().find(|o| o.choice == ix).ok_or_else(|| EngineError::NotOffered(id()))?;
        if !offer.enabled {
            return Err(EngineError::Disabled(id()));
        }
        self.decide(Some(ix))
    }

    /// Lets the timer run out now (what the terminal does when the trainee stays silent).
    pub fn time_out(&mut self) -> Result<Vec<Event>, EngineError> {
        if self.is_over() {
            return Err(EngineError::Ended);
        }
        let scene = self.scene().ok_or(EngineError::Ended)?;
        if self.compiled.scenes[scene].timer.is_none() {
            return Err(EngineError::NotOffered("timeout".into()));
        }
        self.decide(None)
    }

    /// Real time passed while deciding. Advances the story clock at the scenario's rate and,
    /// when the scene's time limit is reached, applies what silence costs.
    pub fn elapse(&mut self, ms: u64) -> Result<Vec<Event>, EngineError> {
        if self.is_over() {
            return Err(EngineError::Ended);
        }
        let mut events = Vec::new();
        let limit = self.limit_ms();
        let step = match limit {
            Some(l) => ms.min(l.saturating_sub(self.run.scene_ms)),
            None => ms,
        };
        self.run.scene_ms = self.run.scene_ms.saturating_add(step);
        if self.timers && self.compiled.clock_rate > 0 {
            let before = self.run.clock_ms / 60_000;
            self.run.clock_ms = self.run.clock_ms.saturating_add(step.saturating_mul(u64::from(self.compiled.clock_rate)));
            if self.run.clock_ms / 60_000 != before {
                events.push(Event::ClockAdvanced { minutes: self.run.clock_ms / 60_000 });
            }
        }
        if limit.is_some_and(|l| self.run.scene_ms >= l) {
            events.extend(self.decide(None)?);
        }
        Ok(events)
    }

    fn decide(&mut self, choice: Option<usize>) -> Result<Vec<Event>, EngineError> {
        let mut events = Vec::new();
        // Written down with the decision, so a transcript says what "option 2" was.
        let shown: Vec<usize> = self.offers().iter().map(|o| o.choice).collect();
        let before = self.run.decisions.len();
        let draw = &mut self.draw;
        let result = decide(&self.compiled, &mut self.run, choice, &mut |w| draw.pick(w), &mut events);
        if let Some(d) = self.run.decisions.get_mut(before) {
            d.shown = shown;
        }
        result?;
        // The decision is taken and written down whatever comes next: a dead end is news, not a refusal.
        if let Some(scene) = self.stuck() {
            events.push(Event::Stuck { scene });
        }
        Ok(events)
    }
}
