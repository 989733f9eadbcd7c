//! A class playing together: the vote of each decision, the class's prediction of what each
//! decision will lead to, a checkpoint of the state before each decision so the instructor can
//! go back and play the road not taken (counterfactual replay), and the scripted class sessions
//! of `--votes`. The session itself stays the one source of
//! truth; `Class` only keeps what a class adds to it.

use super::compiled::Compiled;
use super::debrief::Debrief;
use super::predict::{Prediction, Tally};
use super::rng::Draw;
use super::session::{EngineError, Event, Session};
use super::state::SessionState;
use super::vote::{SpecError, Verdict, Vote, VoteError, VoteSpec, plausible};
use crate::i18n::{Localize, Message};
use crate::msg;
use std::sync::Arc;

/// What a class adds to a session.
#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    /// Decisions taken before the class took over (a resumed run): no checkpoints for them.
    pub from: usize,
    /// The state as each decision's scene was entered: index `k` is the moment before decision
    /// `from + k`.
    pub checkpoints: Vec<SessionState>,
    /// The votes of the decisions taken (`None`: decided without a vote).
    pub votes: Vec<Option<Vote>>,
    /// The vote of the decision at hand.
    pub vote: Option<Vote>,
    /// What the class predicted each decision would lead to (`None`: nothing to ask, or taken
    /// before the class took over), counted while the consequences are hidden.
    pub predictions: Vec<Option<Prediction>>,
}

/// Why a class decision could not be taken.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClassError {
    #[error(transparent)]
    Vote(VoteError),
    #[error("cannot do that: {0}")]
    Engine(EngineError),
    /// Going back to a decision that was never reached.
    #[error("cannot go back to decision {}: it has no checkpoint", .0 + 1)]
    NoCheckpoint(usize),
}

impl Localize for ClassError {
    fn message(&self) -> Message {
        match self {
            ClassError::Vote(v) => v.message(),
            ClassError::Engine(e) => msg!("error-class-engine", reason = e.message()),
            ClassError::NoCheckpoint(k) => msg!("error-class-no-checkpoint", decision = k + 1),
        }
    }
}

impl From<VoteError> for ClassError {
    fn from(e: VoteError) -> Self {
        ClassError::Vote(e)
    }
}

impl From<EngineError> for ClassError {
    fn from(e: EngineError) -> Self {
        ClassError::Engine(e)
    }
}

/// The choices a class can vote on now: those offered and available, in the order shown.
pub fn votable(session: &Session) -> Vec<usize> {
    session.offers().into_iter().filter(|o| o.enabled).map(|o| o.choice).collect()
}

fn open(session: &Session) -> Option<Vote> {
    session.scene()?;
    let c = session.compiled();
    Some(Vote::new(votable(session).into_iter().map(|ix| c.choice(ix).id.clone()).collect()))
}

impl Class {
    /// A class starting (or resuming) `session`.
    pub fn new(session: &Session) -> Class {
        let from = session.run().decisions.len();
        Class { from, checkpoints: vec![session.state()], votes: vec![None; from], vote: open(session), predictions: vec![None; from] }
    }

    /// Whether the class can go back to the moment before decision `k`.
    pub fn can_branch(&self, k: usize) -> bool {
        k >= self.from && k - self.from < self.checkpoints.len()
    }

    /// Brings the class up to date after any engine step (a choice, a time-out, time passing):
    /// a decision taken keeps the vote that was open, and the next decision gets a checkpoint
    /// and a fresh vote. Counts survive when the choices on offer change mid-discussion.
    pub fn sync(&mut self, session: &Session) {
        self.settle(session, &[], None);
    }

    /// [`Class::sync`] after a step with its events and the meters just before it, so the
    /// prediction of the decision knows which random branch was drawn and what changed.
    fn settle(&mut self, session: &Session, events: &[Event], before: Option<Vec<i64>>) {
        let c = session.compiled();
        let decisions = &session.run().decisions;
        while self.predictions.len() < decisions.len() {
            let k = self.predictions.len();
            let d = &decisions[k];
            let meters = |k: usize| decisions.get(k).map(|d| d.meters_after.clone());
            let start = || c.scenario.meters.iter().map(|m| m.start).collect();
            let last = k + 1 == decisions.len();
            let before = before.clone().filter(|_| last).or_else(|| k.checked_sub(1).and_then(meters)).unwrap_or_else(start);
            let events = if last { events } else { &[] };
            self.predictions.push(Prediction::after(c, d.choice, &before, &d.meters_after, events));
        }
        while self.votes.len() < session.run().decisions.len() {
            let d = &session.run().decisions[self.votes.len()];
            let vote = self.vote.take().filter(|v| v.rounds.len() > 1 || v.total() > 0).map(|mut v| {
                v.decided = d.choice.map(|ix| c.choice(ix).id.clone());
                v
            });
            self.votes.push(vote);
            self.checkpoints.truncate(self.votes.len() - self.from);
            self.checkpoints.push(session.state());
            self.vote = open(session);
        }
        if session.is_over() {
            self.vote = None;
        } else if let (Some(v), Some(fresh)) = (&self.vote, open(session))
            && v.choices != fresh.choices
        {
            let mut moved = fresh;
            moved.rounds = v
                .rounds
                .iter()
                .map(|r| moved.choices.iter().map(|id| v.choices.iter().position(|x| x == id).map_or(0, |k| r[k])).collect())
                .collect();
            self.vote = Some(moved);
        }
    }

    /// The class decides by its vote (`tiebreak`: the instructor's pick among tied choices,
    /// as an index into the vote's choices).
    pub fn decide(&mut self, session: &mut Session, tiebreak: Option<usize>) -> Result<Vec<Event>, ClassError> {
        let vote = self.vote.as_mut().ok_or(ClassError::Engine(EngineError::Ended))?;
        let before = vote.clone();
        let k = vote.decide(tiebreak)?;
        let ix = votable(session)[k];
        let meters = session.run().meters.clone();
        match session.choose_index(ix) {
            Ok(events) => {
                self.settle(session, &events, Some(meters));
                Ok(events)
            }
            Err(e) => {
                self.vote = Some(before);
                Err(e.into())
            }
        }
    }

    /// The instructor decides for the class (with or without a vote).
    pub fn choose(&mut self, session: &mut Session, ix: usize) -> Result<Vec<Event>, ClassError> {
        let before = self.vote.clone();
        if let Some(v) = self.vote.as_mut()
            && let Some(k) = votable(session).iter().position(|&x| x == ix)
        {
            v.overrule(k);
        }
        let meters = session.run().meters.clone();
        match session.choose_index(ix) {
            Ok(events) => {
                self.settle(session, &events, Some(meters));
                Ok(events)
            }
            Err(e) => {
                self.vote = before;
                Err(e.into())
            }
        }
    }

    /// Goes back to the moment before decision `k`, as a new run: the decisions before it and
    /// their votes are kept, and the same random stream continues, so taking the same road again
    /// gives the same story.
    pub fn branch(&self, compiled: Arc<Compiled>, k: usize) -> Result<(Session, Class), ClassError> {
        if !self.can_branch(k) {
            return Err(ClassError::NoCheckpoint(k));
        }
        let i = k - self.from;
        let session = Session::carry_over(compiled, &self.checkpoints[i])?;
        let class = Class {
            from: self.from,
            checkpoints: self.checkpoints[..=i].to_vec(),
            votes: self.votes[..k].to_vec(),
            vote: open(&session),
            predictions: self.predictions[..k.min(self.predictions.len())].to_vec(),
        };
        Ok((session, class))
    }

    /// Puts the votes and predictions beside the decisions of a debrief of this class's run.
    pub fn annotate(&self, debrief: &mut Debrief) {
        for (step, vote) in debrief.path.iter_mut().zip(&self.votes) {
            step.vote.clone_from(vote);
        }
        for (step, p) in debrief.path.iter_mut().zip(&self.predictions) {
            step.prediction = p.clone().filter(Prediction::taken);
        }
    }

    /// The prediction of the last decision taken, to count hands on while its consequences are
    /// hidden (`None`: nothing to predict there).
    pub fn prediction_mut(&mut self) -> Option<&mut Prediction> {
        self.predictions.last_mut().and_then(Option::as_mut)
    }

    pub fn prediction(&self) -> Option<&Prediction> {
        self.predictions.last().and_then(Option::as_ref)
    }

    /// How the class predicted so far.
    pub fn tally(&self) -> Tally {
        Tally::of(self.predictions.iter().flatten())
    }
}

/// Two roads of one class side by side: the one taken and the one replayed from decision `at`.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub at: usize,
    pub taken: Debrief,
    pub other: Debrief,
}

impl Comparison {
    /// Per competency: its index, score on the road taken, score on the other road.
    pub fn rows(&self) -> Vec<(usize, f64, f64)> {
        self.taken
            .competencies
            .iter()
            .filter_map(|a| self.other.competencies.iter().find(|b| b.competency == a.competency).map(|b| (a.competency, a.score, b.score)))
            .collect()
    }
}

/// Mixed into the seed for the hands a scripted class raises on predictions (apart from the
/// votes' draw, so adding predictions changes no scripted vote).
pub const PREDICT_SEED: u64 = 0x9ed1c7;

/// Decisions after which a scripted session is given up (a scenario that loops forever).
const SCRIPT_LIMIT: usize = 500;

/// Plays a scripted class session without a window, checking that the SPEC fits the road its
/// votes lead down: one group of counts per vote, as many counts as choices on offer, no group
/// left over. Ties go to the first tied choice, as the autoplay's instructor does. Returns the
/// counts (drawn from the seed for `auto`).
pub fn script(compiled: Arc<Compiled>, role: Option<&str>, seed: u64, spec: &VoteSpec) -> Result<Vec<Vec<Vec<u32>>>, SpecError> {
    let (mut session, _) = Session::start(compiled, role, seed, true).map_err(SpecError::CannotStart)?;
    let mut class = Class::new(&session);
    let mut draw = Draw::new(seed ^ 0x0c1a55);
    let mut hands = Draw::new(seed ^ PREDICT_SEED);
    let mut used = Vec::new();
    while !session.is_over() {
        if used.len() >= SCRIPT_LIMIT {
            return Err(SpecError::Endless { limit: SCRIPT_LIMIT });
        }
        if let Some(scene) = session.stuck() {
            let scene = session.compiled().scenario.scenes[scene].id.clone();
            return Err(SpecError::Stuck { decision: used.len(), scene });
        }
        let n = votable(&session).len();
        if n == 0 {
            let decision = used.len() + 1;
            session.time_out().map_err(|e| SpecError::Refused { decision, error: e.into() })?;
            class.sync(&session);
            continue;
        }
        let d = used.len();
        let rounds = match spec {
            VoteSpec::Auto => plausible(n, &mut draw),
            VoteSpec::Counts(all) => all.get(d).cloned().ok_or(SpecError::TooFew { given: all.len(), needed: d + 1 })?,
        };
        if let Some(bad) = rounds.iter().find(|r| r.len() != n) {
            return Err(SpecError::WrongWidth { decision: d + 1, offers: n, counts: bad.len() });
        }
        let Some(vote) = class.vote.as_mut() else {
            return Err(SpecError::NoVote { decision: d + 1 });
        };
        for (r, counts) in rounds.iter().enumerate() {
            if r > 0 {
                vote.second_round();
            }
            for (k, c) in counts.iter().enumerate() {
                vote.set(k, *c);
            }
        }
        let tiebreak = match vote.verdict() {
            Verdict::Tie(t) => t.first().copied(),
            _ => None,
        };
        class.decide(&mut session, tiebreak).map_err(|error| SpecError::Refused { decision: d + 1, error })?;
        if let Some(p) = class.prediction_mut() {
            p.counts = super::predict::plausible(p, &mut hands);
        }
        used.push(rounds);
    }
    if let VoteSpec::Counts(all) = spec
        && all.len() > used.len()
    {
        return Err(SpecError::TooMany { given: all.len(), used: used.len() });
    }
    Ok(used)
}
