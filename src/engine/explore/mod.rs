//! Exploration of every road through a scenario, for one role: the lowest and highest points
//! each competency can reach (to normalise scores), and the expected weighted score of the best
//! and worst play from any state (for `--policy best|worst`, the debrief's better road, the
//! console's best move and `shapan analyze`). Random outcomes are weighed by their chances.
//!
//! The roads are expanded once into a graph of abstract states, kept with the compiled scenario
//! and shared by every pass and every caller; ranges are found while expanding, best and worst
//! values by passes over the graph. What makes it small: a state stands for every state that
//! only differs in numbers no condition ahead can tell apart. While a state's future is played
//! through, the engine reports each comparison a condition made (`trust >= 60`) and how each
//! meter and the clock changed on the way (clamped additions and settings, composed into one
//! monotone map per road step). Pulled back to the state, the comparisons give a box of meter
//! and clock values over which every condition ahead answers the same; any later state in that
//! box with the same scene and the same live flags shares the result. Booleans are keyed
//! exactly, by the slots conditions can still read (as the reference explorer does).

pub mod reference;

use super::compiled::{Compiled, Mark, Trace};
use super::session::{Event, Offer, offers, offers_into, play_through};
use super::state::{Place, Run};
use rustc_hash::FxHashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// Most distinct states explored before giving up.
pub const MAX_STATES: usize = 2_000_000;
/// Most decisions in one road before it is treated as endless (a loop whose numbers never repeat).
pub const MAX_DEPTH: usize = 20_000;

/// A decision the explorer can take: a choice, or letting the timer run out (`None`).
pub type Action = Option<usize>;

/// Why a scenario cannot be explored for scores.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExploreError {
    /// The scenario has more distinct states than `MAX_STATES`.
    #[error("the scenario has more than {MAX_STATES} distinct states to explore")]
    TooLarge,
    /// No ending is reachable for this role.
    #[error("no ending can be reached")]
    NoEnding,
}

impl crate::i18n::Localize for ExploreError {
    fn message(&self) -> crate::i18n::Message {
        match self {
            ExploreError::TooLarge => crate::msg!("error-explore-too-large", states = MAX_STATES),
            ExploreError::NoEnding => crate::msg!("error-explore-no-ending"),
        }
    }
}

/// Best or worst play.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Aim {
    Best,
    Worst,
}

/// The decisions open in a state: offered, enabled choices and, with a timer, silence.
pub fn actions(c: &Compiled, run: &Run) -> Vec<Action> {
    let mut list = Vec::new();
    push_actions(c, run, &offers(c, run), &mut list);
    list
}

fn push_actions(c: &Compiled, run: &Run, offers: &[Offer], out: &mut Vec<Action>) {
    out.clear();
    out.extend(offers.iter().filter(|o| o.enabled).map(|o| Some(o.choice)));
    if let Place::Scene(i) = run.place
        && c.scenes[i].timer.is_some()
    {
        out.push(None);
    }
}

/// Whether a decision worth `q` beats the one kept so far under `aim`; a tie keeps the earlier.
pub(crate) fn improves(aim: Aim, q: f64, kept: Option<f64>) -> bool {
    match (kept, aim) {
        (None, _) => true,
        (Some(b), Aim::Best) => q > b + 1e-9,
        (Some(b), Aim::Worst) => q < b - 1e-9,
    }
}

/// `x ↦ clamp(x + add, lo, hi)`: what a road step does to one meter (or, unclamped, the clock).
/// Clamped additions and settings compose into this form again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Step {
    add: i64,
    lo: i64,
    hi: i64,
}

const SAME: Step = Step { add: 0, lo: i64::MIN, hi: i64::MAX };
/// An interval that constrains nothing.
const ANY: (i64, i64) = (i64::MIN, i64::MAX);

impl Step {
    fn constant(v: i64) -> Step {
        Step { add: 0, lo: v, hi: v }
    }

    fn then_add(self, n: i64, min: i64, max: i64) -> Step {
        let (add, lo, hi) = (self.add.saturating_add(n), self.lo.saturating_add(n), self.hi.saturating_add(n));
        if hi < min {
            Step::constant(min)
        } else if lo > max {
            Step::constant(max)
        } else {
            Step { add, lo: lo.max(min), hi: hi.min(max) }
        }
    }

    fn shift(self, n: i64) -> Step {
        Step { add: self.add.saturating_add(n), lo: self.lo.saturating_add(n), hi: self.hi.saturating_add(n) }
    }

    /// The values `x` whose image lies in `p..=q`: an interval, since the map is monotone.
    fn preimage(self, (p, q): (i64, i64)) -> (i64, i64) {
        let lower = if p <= self.lo {
            i64::MIN
        } else if p > self.hi {
            return (i64::MAX, i64::MIN);
        } else {
            p.saturating_sub(self.add)
        };
        let upper = if q >= self.hi {
            i64::MAX
        } else if q < self.lo {
            return (i64::MAX, i64::MIN);
        } else {
            q.saturating_sub(self.add)
        };
        (lower, upper)
    }
}

fn meet(a: &mut (i64, i64), b: (i64, i64)) {
    a.0 = a.0.max(b.0);
    a.1 = a.1.min(b.1);
}

/// What one road step read and changed, in terms of the numbers at its start.
#[derive(Default)]
struct Tracer {
    steps: Vec<Step>,
    /// Per dimension, the start values over which every comparison made so far answers the same.
    keep: Vec<(i64, i64)>,
    /// Each narrowing of `keep` with what it held before, to take back.
    log: Vec<(usize, (i64, i64))>,
    marks: Vec<Mark>,
    endings: bool,
}

impl Tracer {
    fn reset(&mut self, dims: usize) {
        self.steps.clear();
        self.steps.resize(dims, SAME);
        self.keep.clear();
        self.keep.resize(dims, ANY);
        self.log.clear();
        self.marks.clear();
    }

    /// Narrows `keep` by a box the step's end state must stay in.
    fn pull_back(&mut self, boxed: &[(i64, i64)]) {
        for (d, &b) in boxed.iter().enumerate() {
            if b != ANY {
                let pre = self.steps[d].preimage(b);
                meet(&mut self.keep[d], pre);
            }
        }
    }
}

impl Trace for Tracer {
    fn keep(&mut self, dim: usize, lo: i64, hi: i64) {
        let pre = self.steps[dim].preimage((lo, hi));
        let before = self.keep[dim];
        meet(&mut self.keep[dim], pre);
        if self.keep[dim] != before {
            self.log.push((dim, before));
        }
    }
    fn checkpoint(&self) -> usize {
        self.log.len()
    }
    fn rollback(&mut self, to: usize) {
        while self.log.len() > to {
            if let Some((dim, before)) = self.log.pop() {
                self.keep[dim] = before;
            }
        }
    }
    fn endings(&self) -> bool {
        self.endings
    }
    fn add(&mut self, i: usize, n: i64, min: i64, max: i64) {
        self.steps[i] = self.steps[i].then_add(n, min, max);
    }
    fn set(&mut self, i: usize, value: i64) {
        self.steps[i] = Step::constant(value);
    }
    fn clock(&mut self, minutes: i64) {
        if let Some(last) = self.steps.last_mut() {
            *last = last.shift(minutes);
        }
    }
    fn mark(&mut self, mark: Mark) {
        self.marks.push(mark);
    }
}

/// The run's parts a decision changes, saved to undo it: exploration plays every road on one
/// `Run` in place instead of copying it (a large scenario's visited and chosen lists are long).
#[derive(Default)]
struct Saved {
    place: Option<Place>,
    meters: Vec<i64>,
    flags: Vec<bool>,
    fired: Vec<bool>,
    scores: Vec<i64>,
    clock_ms: u64,
    scene_ms: u64,
    extra_ms: u64,
}

impl Saved {
    fn save(&mut self, run: &Run) {
        self.place = Some(run.place);
        self.meters.clone_from(&run.meters);
        self.flags.clone_from(&run.flags);
        self.fired.clone_from(&run.fired);
        self.scores.clone_from(&run.scores);
        (self.clock_ms, self.scene_ms, self.extra_ms) = (run.clock_ms, run.scene_ms, run.extra_ms);
    }

    fn restore(&self, run: &mut Run, marks: &[Mark]) {
        if let Some(p) = self.place {
            run.place = p;
        }
        run.meters.copy_from_slice(&self.meters);
        run.flags.copy_from_slice(&self.flags);
        run.fired.copy_from_slice(&self.fired);
        run.scores.copy_from_slice(&self.scores);
        (run.clock_ms, run.scene_ms, run.extra_ms) = (self.clock_ms, self.scene_ms, self.extra_ms);
        for m in marks.iter().rev() {
            match *m {
                Mark::Chosen(i, prior) => run.chosen[i] = prior,
                Mark::Visited(i, prior) => run.visited[i] = prior,
            }
        }
    }
}

/// Scratch space for one depth of the search, reused so that exploring allocates per new
/// state only what the graph keeps.
#[derive(Default)]
struct Level {
    key: Vec<u64>,
    values: Vec<i64>,
    keep: Vec<(i64, i64)>,
    offers: Vec<Offer>,
    actions: Vec<Action>,
    tracer: Tracer,
    saved: Saved,
    events: Vec<Event>,
    prefixes: Vec<Vec<usize>>,
    taken: Vec<usize>,
    edges: Vec<(u32, Edge)>,
    delta: Vec<i64>,
}

/// A road that cannot be followed (a loop back into a state still being explored, too deep).
const DEAD: u32 = u32::MAX;
/// Edge targets from here up, but for `DEAD`, are endings: `DEAD - 1 - ending`.
const FIRST_END: u32 = u32::MAX - (1 << 20);

/// Where an edge leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum To {
    Node(u32),
    Ending(usize),
    Dead,
}

pub(crate) fn to(child: u32) -> To {
    match child {
        DEAD => To::Dead,
        c if c >= FIRST_END => To::Ending((DEAD - 1 - c) as usize),
        c => To::Node(c),
    }
}

fn ending_target(e: usize) -> u32 {
    DEAD - 1 - (e as u32).min(FIRST_END - 1)
}

#[derive(Clone, Copy, Debug)]
struct Edge {
    p: f64,
    child: u32,
    delta: u32,
}

#[derive(Clone, Copy, Debug)]
struct Act {
    action: Action,
    edges: (u32, u32),
}

#[derive(Clone, Copy, Debug)]
struct Node {
    scene: u32,
    acts: (u32, u32),
    done: bool,
    /// Whether some road from here reaches an ending.
    ends: bool,
}

/// What the search found for a state.
enum Found {
    Ended(usize),
    Node(u32),
    /// A loop back into a state still being explored, or a road past `MAX_DEPTH`.
    Dead,
}

/// A graph shared between callers and threads.
pub(crate) type Shared = Arc<Mutex<Graph>>;

/// Every road of one scenario for one role, expanded once and kept with the compiled scenario.
pub struct Graph {
    role: usize,
    /// Whether roads are told apart by the ending they reach (the analyser), or only by their
    /// scores (scoring, best and worst play: any ending will do when a fallback exists).
    precise: bool,
    dims: usize,
    competencies: usize,
    nodes: Vec<Node>,
    acts: Vec<Act>,
    edges: Vec<Edge>,
    /// Per node, `dims` intervals: the meter and clock values it stands for.
    boxes: Vec<(i64, i64)>,
    /// Per node, `competencies` pairs: the lowest and highest further points.
    ranges: Vec<(i64, i64)>,
    deltas: Vec<i64>,
    delta_ix: FxHashMap<Box<[i64]>, u32>,
    memo: FxHashMap<Box<[u64]>, Vec<u32>>,
    levels: Vec<Level>,
    too_large: bool,
    weights: Vec<f64>,
    values: [Vec<Option<Option<f64>>>; 2],
}

impl std::fmt::Debug for Graph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Graph").field("role", &self.role).field("states", &self.nodes.len()).finish()
    }
}

/// Runs `f` on a stack that grows as needed: roads can be thousands of decisions long. Checked
/// every few levels only, so a shallow search pays nothing for it.
fn deep<R>(depth: usize, f: impl FnOnce() -> R) -> R {
    if depth.is_multiple_of(16) { stacker::maybe_grow(256 * 1024, 8 * 1024 * 1024, f) } else { f() }
}

impl Graph {
    fn new(c: &Compiled, role: usize, precise: bool) -> Graph {
        Graph {
            role,
            precise,
            dims: c.scenario.meters.len() + 1,
            competencies: c.scenario.competencies.len(),
            nodes: Vec::new(),
            acts: Vec::new(),
            edges: Vec::new(),
            boxes: Vec::new(),
            ranges: Vec::new(),
            deltas: Vec::new(),
            delta_ix: FxHashMap::default(),
            memo: FxHashMap::default(),
            levels: Vec::new(),
            too_large: false,
            weights: Vec::new(),
            values: [Vec::new(), Vec::new()],
        }
    }

    /// Distinct abstract states explored so far.
    pub fn states(&self) -> usize {
        self.nodes.len()
    }

    /// The boolean part of a state's memo key: the scene, the once-only injects that fired,
    /// and every flag, visit and choice a condition can still read from here.
    fn key(c: &Compiled, run: &Run, scene: usize, key: &mut Vec<u64>) {
        key.clear();
        key.push(scene as u64);
        let mut word = 0u64;
        let mut n = 0;
        let mut push = |key: &mut Vec<u64>, on: bool| {
            word |= u64::from(on) << n;
            n += 1;
            if n == 64 {
                key.push(word);
                word = 0;
                n = 0;
            }
        };
        for (k, inj) in c.injects.iter().enumerate() {
            if inj.once {
                push(key, run.fired[k]);
            }
        }
        let mut reads = |key: &mut Vec<u64>, r: &super::compiled::Reads| {
            for &i in &r.flags {
                push(key, run.flags[i]);
            }
            for &i in &r.visited {
                push(key, run.visited.get(i).copied().unwrap_or(false));
            }
            for &i in &r.chose {
                push(key, run.chosen.get(i).copied().unwrap_or(false));
            }
        };
        reads(key, &c.live[scene]);
        for (k, r) in c.inject_reads.iter().enumerate() {
            if !(c.injects[k].once && run.fired[k]) {
                reads(key, r);
            }
        }
        key.push(word);
    }

    /// The numbers of a state: every meter, then the story clock in minutes.
    fn values(run: &Run, out: &mut Vec<i64>) {
        out.clear();
        out.extend_from_slice(&run.meters);
        out.push(i64::try_from(run.clock_ms / 60_000).unwrap_or(i64::MAX));
    }

    fn lookup(&self, key: &[u64], values: &[i64]) -> Option<u32> {
        let d = self.dims;
        self.memo.get(key)?.iter().copied().find(|&id| {
            let b = &self.boxes[id as usize * d..(id as usize + 1) * d];
            b.iter().zip(values).all(|(&(lo, hi), &v)| lo <= v && v <= hi)
        })
    }

    /// While a state is being explored it stands only for itself in the numbers conditions
    /// ahead can read (a loop back to it is a loop); the rest are free, as in the reference.
    fn provisional(c: &Compiled, run: &Run, scene: usize, values: &[i64], out: &mut Vec<(i64, i64)>) {
        out.clear();
        out.resize(values.len(), ANY);
        let mut pin = |r: &super::compiled::Reads| {
            for &m in &r.meters {
                out[m] = (values[m], values[m]);
            }
            if r.clock {
                let t = *values.last().unwrap_or(&0);
                let pinned = match c.clock_horizon {
                    Some(h) if t >= h as i64 => (h as i64, i64::MAX),
                    _ => (t, t),
                };
                if let Some(last) = out.last_mut() {
                    *last = pinned;
                }
            }
        };
        pin(&c.live[scene]);
        for (k, r) in c.inject_reads.iter().enumerate() {
            if !(c.injects[k].once && run.fired[k]) {
                pin(r);
            }
        }
    }

    fn level(&mut self, depth: usize) -> Level {
        if self.levels.len() <= depth {
            self.levels.resize_with(depth + 1, Level::default);
        }
        std::mem::take(&mut self.levels[depth])
    }

    fn intern(&mut self, delta: &[i64]) -> u32 {
        if let Some(&ix) = self.delta_ix.get(delta) {
            return ix;
        }
        let ix = (self.deltas.len() / self.competencies.max(1)) as u32;
        self.deltas.extend_from_slice(delta);
        self.delta_ix.insert(delta.into(), ix);
        ix
    }

    fn delta(&self, ix: u32) -> &[i64] {
        let k = self.competencies;
        &self.deltas[ix as usize * k..(ix as usize + 1) * k]
    }

    /// Finds or explores the state `run` is in. `run` is played on in place and left as it was.
    fn explore(&mut self, c: &Compiled, run: &mut Run, depth: usize) -> Found {
        let scene = match run.place {
            Place::Scene(scene) => scene,
            Place::Ended(e) => return Found::Ended(e),
        };
        if depth > MAX_DEPTH || self.too_large {
            return Found::Dead;
        }
        let mut lv = self.level(depth);
        Graph::key(c, run, scene, &mut lv.key);
        Graph::values(run, &mut lv.values);
        if let Some(id) = self.lookup(&lv.key, &lv.values) {
            let done = self.nodes[id as usize].done;
            self.levels[depth] = lv;
            return if done { Found::Node(id) } else { Found::Dead };
        }
        if self.nodes.len() >= MAX_STATES {
            self.too_large = true;
            self.levels[depth] = lv;
            return Found::Dead;
        }
        let id = self.nodes.len() as u32;
        self.nodes.push(Node { scene: scene as u32, acts: (0, 0), done: false, ends: false });
        Graph::provisional(c, run, scene, &lv.values, &mut lv.keep);
        self.boxes.extend_from_slice(&lv.keep);
        self.ranges.extend(std::iter::repeat_n((0, 0), self.competencies));
        self.memo.entry(lv.key.as_slice().into()).or_default().push(id);

        let dims = self.dims;
        lv.keep.clear();
        lv.keep.resize(dims, ANY);
        lv.tracer.endings = self.precise;
        lv.tracer.reset(dims);
        offers_into(c, run, &mut lv.offers, &mut lv.tracer);
        for (k, &t) in lv.keep.iter_mut().zip(&lv.tracer.keep) {
            meet(k, t);
        }
        push_actions(c, run, &lv.offers, &mut lv.actions);
        lv.edges.clear();
        lv.saved.save(run);
        for (a, &action) in lv.actions.iter().enumerate() {
            // Depth-first over the random draws: each prefix forces the first picks, new draws
            // take the first entry and queue their alternatives (the reference's order).
            lv.prefixes.clear();
            lv.prefixes.push(Vec::new());
            while let Some(prefix) = lv.prefixes.pop() {
                lv.tracer.reset(dims);
                lv.events.clear();
                lv.taken.clear();
                let (mut pos, mut prob) = (0, 1.0);
                let (prefixes, taken) = (&mut lv.prefixes, &mut lv.taken);
                let mut draw = |list: &[(u64, usize)]| {
                    let total: u64 = list.iter().map(|(w, _)| *w).sum();
                    let pick = if pos < prefix.len() {
                        prefix[pos]
                    } else {
                        for alt in 1..list.len() {
                            let mut p = taken.clone();
                            p.push(alt);
                            prefixes.push(p);
                        }
                        0
                    };
                    pos += 1;
                    taken.push(pick);
                    if total > 0 {
                        prob *= list[pick].0 as f64 / total as f64;
                    }
                    list[pick].1
                };
                let played = play_through(c, run, action, &mut draw, &mut lv.events, &mut lv.tracer);
                if played.is_ok() {
                    lv.delta.clear();
                    lv.delta.extend(run.scores.iter().zip(&lv.saved.scores).map(|(now, before)| now.saturating_sub(*before)));
                    let child = match deep(depth, || self.explore(c, run, depth + 1)) {
                        Found::Ended(e) => ending_target(e),
                        Found::Node(child) => {
                            let b = child as usize * dims;
                            lv.tracer.pull_back(&self.boxes[b..b + dims]);
                            child
                        }
                        Found::Dead => {
                            // Only this very state is known to loop or run too deep.
                            let mut point = std::mem::take(&mut lv.values);
                            Graph::values(run, &mut point);
                            let here: Vec<(i64, i64)> = point.iter().map(|&v| (v, v)).collect();
                            lv.tracer.pull_back(&here);
                            lv.values = point;
                            DEAD
                        }
                    };
                    let delta = self.intern(&lv.delta);
                    lv.edges.push((a as u32, Edge { p: prob, child, delta }));
                }
                for (k, &t) in lv.keep.iter_mut().zip(&lv.tracer.keep) {
                    meet(k, t);
                }
                lv.saved.restore(run, &lv.tracer.marks);
            }
        }
        self.finish(id, &lv);
        self.levels[depth] = lv;
        Found::Node(id)
    }

    /// Stores a state's decisions and roads, its ranges, and the box it stands for.
    fn finish(&mut self, id: u32, lv: &Level) {
        let first_act = self.acts.len() as u32;
        let k = self.competencies;
        let at = id as usize * k;
        let mut ends = false;
        for (a, &action) in lv.actions.iter().enumerate() {
            let start = self.edges.len() as u32;
            for (_, e) in lv.edges.iter().filter(|(x, _)| *x as usize == a) {
                self.edges.push(*e);
                let fut = match to(e.child) {
                    To::Ending(_) => None,
                    To::Dead => continue,
                    To::Node(ch) if !self.nodes[ch as usize].ends => continue,
                    To::Node(ch) => Some(ch as usize * k),
                };
                let d = e.delta as usize * k;
                for i in 0..k {
                    let delta = self.deltas[d + i];
                    let (lo, hi) = fut.map_or((delta, delta), |f| {
                        (self.ranges[f + i].0.saturating_add(delta), self.ranges[f + i].1.saturating_add(delta))
                    });
                    let r = &mut self.ranges[at + i];
                    *r = if ends { (r.0.min(lo), r.1.max(hi)) } else { (lo, hi) };
                }
                ends = true;
            }
            self.acts.push(Act { action, edges: (start, self.edges.len() as u32) });
        }
        let n = &mut self.nodes[id as usize];
        n.acts = (first_act, self.acts.len() as u32);
        n.done = true;
        n.ends = ends;
        let d = self.dims;
        self.boxes[id as usize * d..(id as usize + 1) * d].copy_from_slice(&lv.keep);
    }

    /// The scene of a state.
    pub(crate) fn scene_of(&self, id: u32) -> usize {
        self.nodes[id as usize].scene as usize
    }

    /// A state's decisions, as indices for `action`, `edges` and `q`.
    pub(crate) fn acts_of(&self, id: u32) -> std::ops::Range<u32> {
        let n = self.nodes[id as usize];
        n.acts.0..n.acts.1
    }

    pub(crate) fn action(&self, act: u32) -> Action {
        self.acts[act as usize].action
    }

    /// Where a decision can lead: each road with its chance, target and points.
    pub(crate) fn edges(&self, act: u32) -> impl Iterator<Item = (f64, To, &[i64])> + '_ {
        let (a, b) = self.acts[act as usize].edges;
        (a..b).map(|e| {
            let edge = self.edges[e as usize];
            (edge.p, to(edge.child), self.delta(edge.delta))
        })
    }

    /// The expected further weighted points of a decision under best or worst play.
    pub(crate) fn q_of(&mut self, aim: Aim, act: u32) -> Option<f64> {
        deep(0, || self.q(aim, act, 1))
    }

    pub(crate) fn set_weights(&mut self, weights: &[f64]) {
        if self.weights != weights {
            self.weights = weights.to_vec();
            self.values = [Vec::new(), Vec::new()];
        }
    }

    fn value(&mut self, aim: Aim, id: u32, depth: usize) -> Option<f64> {
        let slot = aim as usize;
        if self.values[slot].len() < self.nodes.len() {
            self.values[slot].resize(self.nodes.len(), None);
        }
        if let Some(v) = self.values[slot][id as usize] {
            return v;
        }
        let node = self.nodes[id as usize];
        let mut best: Option<f64> = None;
        for a in node.acts.0..node.acts.1 {
            if let Some(q) = self.q(aim, a, depth) {
                best = Some(match (best, aim) {
                    (None, _) => q,
                    (Some(b), Aim::Best) => b.max(q),
                    (Some(b), Aim::Worst) => b.min(q),
                });
            }
        }
        self.values[slot][id as usize] = Some(best);
        best
    }

    fn q(&mut self, aim: Aim, act: u32, depth: usize) -> Option<f64> {
        let (start, end) = self.acts[act as usize].edges;
        let mut total = 0.0;
        let mut mass = 0.0;
        for e in start..end {
            let edge = self.edges[e as usize];
            let v = match to(edge.child) {
                To::Ending(_) => Some(0.0),
                To::Dead => None,
                To::Node(ch) => deep(depth, || self.value(aim, ch, depth + 1)),
            };
            // A road with no ending is not a road the trainee can finish: weigh only the rest.
            if let Some(v) = v {
                let delta = self.delta(edge.delta);
                let gain: f64 = self.weights.iter().enumerate().map(|(k, w)| w * delta[k] as f64).sum();
                total += edge.p * (gain + v);
                mass += edge.p;
            }
        }
        (mass > 0.0).then(|| total / mass)
    }
}

/// Explores one scenario: a handle on the graphs kept with the compiled scenario (one per role),
/// with the weights best and worst play are measured by.
pub struct Explorer<'c> {
    c: &'c Compiled,
    weights: Vec<f64>,
    precise: bool,
}

impl std::fmt::Debug for Explorer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Explorer").field("scenario", &self.c.scenario.id).finish()
    }
}

fn lock(g: &Mutex<Graph>) -> MutexGuard<'_, Graph> {
    g.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl<'c> Explorer<'c> {
    pub fn new(c: &'c Compiled) -> Explorer<'c> {
        Explorer { c, weights: Vec::new(), precise: false }
    }

    /// An explorer whose roads also keep which ending they reach (for the analyser).
    pub fn precise(c: &'c Compiled) -> Explorer<'c> {
        Explorer { c, weights: Vec::new(), precise: true }
    }

    /// The graph for `role`, made the first time any caller asks.
    fn graph(&self, role: usize) -> Arc<Mutex<Graph>> {
        let mut all = self.c.explorations.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        all.entry((role, self.precise)).or_insert_with(|| Arc::new(Mutex::new(Graph::new(self.c, role, self.precise)))).clone()
    }

    /// The state `run` is in, explored if new.
    fn node(&self, g: &mut Graph, run: &Run) -> Option<u32> {
        let mut r = run.clone();
        r.decisions.clear();
        match deep(0, || g.explore(self.c, &mut r, 0)) {
            Found::Node(id) => Some(id),
            Found::Ended(_) | Found::Dead => None,
        }
    }

    /// The lowest and highest total each competency can reach over a whole run from the start.
    pub fn ranges(&mut self, start: &Run) -> Result<Vec<(i64, i64)>, ExploreError> {
        let graph = self.graph(start.role);
        let mut g = lock(&graph);
        let k = g.competencies;
        if start.ended().is_some() {
            return Ok(start.scores.iter().map(|&s| (s, s)).collect());
        }
        let id = self.node(&mut g, start);
        if g.too_large {
            return Err(ExploreError::TooLarge);
        }
        let id = id.filter(|&id| g.nodes[id as usize].ends).ok_or(ExploreError::NoEnding)? as usize;
        Ok(g.ranges[id * k..(id + 1) * k]
            .iter()
            .zip(&start.scores)
            .map(|(f, s)| (f.0.saturating_add(*s), f.1.saturating_add(*s)))
            .collect())
    }

    /// Sets how points turn into the weighted total (from the ranges: see `score::weights`).
    pub fn set_weights(&mut self, weights: Vec<f64>) {
        self.weights = weights;
    }

    /// Expected further weighted points of each open decision from `run`, in offer order.
    pub fn evaluate(&mut self, aim: Aim, run: &Run) -> Vec<(Action, Option<f64>)> {
        let graph = self.graph(run.role);
        let mut g = lock(&graph);
        let Some(id) = self.node(&mut g, run) else {
            return actions(self.c, run).into_iter().map(|a| (a, None)).collect();
        };
        g.set_weights(&self.weights);
        let node = g.nodes[id as usize];
        (node.acts.0..node.acts.1).map(|a| (g.acts[a as usize].action, deep(0, || g.q(aim, a, 1)))).collect()
    }

    /// The decision best (or worst) play takes from `run`; ties go to the earlier offer.
    pub fn pick(&mut self, aim: Aim, run: &Run) -> Option<Action> {
        let values = self.evaluate(aim, run);
        // Best play never crosses a red line while another way is open: no points balance it.
        let c = self.c;
        let crosses = |a: Action| match (aim, &run.place) {
            (Aim::Best, Place::Scene(scene)) => super::score::red_line(c, *scene, a).is_some(),
            _ => false,
        };
        let safe = values.iter().any(|&(a, q)| q.is_some() && !crosses(a));
        let mut chosen: Option<(Action, f64)> = None;
        for (a, q) in values {
            if safe && crosses(a) {
                continue;
            }
            if let Some(q) = q.filter(|&q| improves(aim, q, chosen.map(|c| c.1))) {
                chosen = Some((a, q));
            }
        }
        chosen.map(|(a, _)| a)
    }

    /// Lends the graph of `run`'s role to `f`, with `run`'s state explored (`None` when it has
    /// ended or cannot be explored) and the weights set.
    pub(crate) fn inspect<R>(&mut self, run: &Run, f: impl FnOnce(&mut Graph, Option<u32>) -> R) -> R {
        let graph = self.graph(run.role);
        let mut g = lock(&graph);
        let id = self.node(&mut g, run);
        g.set_weights(&self.weights);
        f(&mut g, id)
    }

    /// Abstract states explored so far for `role`.
    pub fn states(&self, role: usize) -> usize {
        lock(&self.graph(role)).states()
    }

    /// Whether exploring `role` stopped at `MAX_STATES`.
    pub fn too_large(&self, role: usize) -> bool {
        lock(&self.graph(role)).too_large
    }
}
