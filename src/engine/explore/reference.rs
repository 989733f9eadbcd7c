//! The first explorer, kept as the test oracle and the benchmark baseline: a memoised search
//! keyed by the exact value of every slot a condition can still read. It gives the same ranges
//! and values as `explore::Explorer` on every road graph without cycles, only slower (see the
//! equivalence test in `tests/explore.rs` and README's exploration table).

use super::{Action, Aim, ExploreError, MAX_STATES, actions};
use crate::engine::compiled::Compiled;
use crate::engine::session::{Event, decide};
use crate::engine::state::{Place, Run};
use rustc_hash::FxHashMap;

/// Most decisions in one road before it is treated as endless.
pub const MAX_DEPTH: usize = 400;

type Key = Vec<i64>;
type Ranges = Vec<(i64, i64)>;

#[derive(Clone, Copy)]
enum Mark<T> {
    InProgress,
    Done(T),
}

/// Explores one scenario for one role, exactly and slowly.
pub struct Explorer<'c> {
    c: &'c Compiled,
    ranges: FxHashMap<Key, Mark<Option<Ranges>>>,
    values: FxHashMap<(Aim, Key), Mark<Option<f64>>>,
    weights: Vec<f64>,
    states: usize,
    too_large: bool,
    /// Live reads per (scene, fired injects), computed once.
    live_cache: FxHashMap<(usize, u64), std::rc::Rc<crate::engine::compiled::Reads>>,
}

impl std::fmt::Debug for Explorer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Explorer").field("states", &self.states).finish()
    }
}

/// The result of a decision: each possible next state with its chance.
fn successors(c: &Compiled, run: &Run, action: Action) -> Vec<(f64, Run)> {
    let mut out = Vec::new();
    // Depth-first over the random draws: each prefix forces the first picks, new draws take
    // the first entry and queue their alternatives.
    let mut prefixes: Vec<Vec<usize>> = vec![Vec::new()];
    let mut events: Vec<Event> = Vec::new();
    while let Some(prefix) = prefixes.pop() {
        let mut r = run.clone();
        r.decisions.clear();
        let mut pos = 0;
        let mut prob = 1.0;
        let mut taken: Vec<usize> = Vec::new();
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
        events.clear();
        if decide(c, &mut r, action, &mut draw, &mut events).is_ok() {
            r.decisions.clear();
            out.push((prob, r));
        }
    }
    out
}

impl<'c> Explorer<'c> {
    pub fn new(c: &'c Compiled) -> Explorer<'c> {
        Explorer {
            c,
            ranges: FxHashMap::default(),
            values: FxHashMap::default(),
            weights: Vec::new(),
            states: 0,
            too_large: false,
            live_cache: FxHashMap::default(),
        }
    }

    /// The memo key: the place and every slot a condition can still read from here on. Values
    /// nothing will read again (a meter only earlier choices cared about) do not split states.
    fn key(&mut self, run: &Run) -> Key {
        let c = self.c;
        let Place::Scene(scene) = run.place else {
            return vec![i64::MIN];
        };
        let fired_mask = run.fired.iter().enumerate().fold(0u64, |m, (i, on)| m | (u64::from(*on) << (i % 64)));
        let live = self
            .live_cache
            .entry((scene, fired_mask))
            .or_insert_with(|| {
                let mut live = c.live[scene].clone();
                for (k, reads) in c.inject_reads.iter().enumerate() {
                    if !(c.injects[k].once && run.fired[k]) {
                        live.merge(reads);
                    }
                }
                for list in [&mut live.meters, &mut live.flags, &mut live.visited, &mut live.chose] {
                    list.sort_unstable();
                    list.dedup();
                }
                std::rc::Rc::new(live)
            })
            .clone();
        let mut k = Vec::with_capacity(4 + live.meters.len());
        k.push(scene as i64);
        k.extend(live.meters.iter().map(|&i| run.meters[i]));
        let mut bits = 0i64;
        let mut n = 0;
        let mut push_bit = |k: &mut Key, on: bool| {
            bits |= i64::from(on) << n;
            n += 1;
            if n == 63 {
                k.push(bits);
                bits = 0;
                n = 0;
            }
        };
        // The once-only injects come first: which have fired decides which slots follow (an
        // inject that has fired reads nothing more), so two states whose later bits line up
        // differently can never pack to the same key.
        for (i, &on) in run.fired.iter().enumerate() {
            // A once-only inject that has fired is done; one that has not may still fire.
            if c.injects[i].once {
                push_bit(&mut k, on);
            }
        }
        for &i in &live.flags {
            push_bit(&mut k, run.flags[i]);
        }
        for &i in &live.visited {
            push_bit(&mut k, run.visited.get(i).copied().unwrap_or(false));
        }
        for &i in &live.chose {
            push_bit(&mut k, run.chosen.get(i).copied().unwrap_or(false));
        }
        k.push(bits);
        if live.clock {
            let minutes = run.clock_ms / 60_000;
            k.push(c.clock_horizon.map_or(minutes, |h| minutes.min(h)) as i64);
        }
        k
    }

    /// Counts a newly explored state; past the limit of either memo, exploration stops.
    fn count_state(&mut self) -> bool {
        self.states += 1;
        // The value memo holds best and worst play side by side: twice the room.
        if self.ranges.len() > MAX_STATES || self.values.len() > 2 * MAX_STATES {
            self.too_large = true;
        }
        !self.too_large
    }

    /// Lowest and highest further points per competency from `run`; `None` if no ending is reachable.
    fn future_ranges(&mut self, run: &Run, depth: usize) -> Option<Ranges> {
        let n = self.c.scenario.competencies.len();
        if run.ended().is_some() {
            return Some(vec![(0, 0); n]);
        }
        if depth > MAX_DEPTH {
            return None;
        }
        let key = self.key(run);
        match self.ranges.get(&key) {
            Some(Mark::Done(r)) => return r.clone(),
            Some(Mark::InProgress) => return None,
            None => {}
        }
        if !self.count_state() {
            return None;
        }
        self.ranges.insert(key.clone(), Mark::InProgress);
        let mut acc: Option<Ranges> = None;
        for action in actions(self.c, run) {
            for (_, next) in successors(self.c, run, action) {
                let Some(fut) = self.future_ranges(&next, depth + 1) else { continue };
                let merged: Ranges = (0..n)
                    .map(|k| {
                        let d = next.scores[k] - run.scores[k];
                        (fut[k].0 + d, fut[k].1 + d)
                    })
                    .collect();
                acc = Some(match acc {
                    None => merged,
                    Some(a) => a.iter().zip(&merged).map(|(x, y)| (x.0.min(y.0), x.1.max(y.1))).collect(),
                });
            }
        }
        self.ranges.insert(key, Mark::Done(acc.clone()));
        acc
    }

    /// The lowest and highest total each competency can reach over a whole run from the start.
    pub fn ranges(&mut self, start: &Run) -> Result<Ranges, ExploreError> {
        let r = self.future_ranges(start, 0);
        if self.too_large {
            return Err(ExploreError::TooLarge);
        }
        let fut = r.ok_or(ExploreError::NoEnding)?;
        Ok(fut.iter().zip(&start.scores).map(|(f, s)| (f.0 + s, f.1 + s)).collect())
    }

    /// Sets how points turn into the weighted total (from the ranges: see `score::weights`).
    pub fn set_weights(&mut self, weights: Vec<f64>) {
        self.weights = weights;
        self.values.clear();
    }

    fn gain(&self, from: &Run, to: &Run) -> f64 {
        self.weights.iter().enumerate().map(|(k, w)| w * (to.scores[k] - from.scores[k]) as f64).sum()
    }

    /// Expected further weighted points from `run` under the best or worst play.
    fn value(&mut self, aim: Aim, run: &Run, depth: usize) -> Option<f64> {
        if run.ended().is_some() {
            return Some(0.0);
        }
        if depth > MAX_DEPTH {
            return None;
        }
        let key = (aim, self.key(run));
        match self.values.get(&key) {
            Some(Mark::Done(v)) => return *v,
            Some(Mark::InProgress) => return None,
            None => {}
        }
        if !self.count_state() {
            return None;
        }
        self.values.insert(key.clone(), Mark::InProgress);
        let mut best: Option<f64> = None;
        for action in actions(self.c, run) {
            if let Some(q) = self.q(aim, run, action, depth) {
                best = Some(match (best, aim) {
                    (None, _) => q,
                    (Some(b), Aim::Best) => b.max(q),
                    (Some(b), Aim::Worst) => b.min(q),
                });
            }
        }
        self.values.insert(key, Mark::Done(best));
        best
    }

    fn q(&mut self, aim: Aim, run: &Run, action: Action, depth: usize) -> Option<f64> {
        let mut total = 0.0;
        let mut mass = 0.0;
        for (p, next) in successors(self.c, run, action) {
            // A road with no ending is not a road the trainee can finish: weigh only the rest.
            if let Some(v) = self.value(aim, &next, depth + 1) {
                total += p * (self.gain(run, &next) + v);
                mass += p;
            }
        }
        (mass > 0.0).then(|| total / mass)
    }

    /// Expected further weighted points of each open decision from `run`, in offer order.
    pub fn evaluate(&mut self, aim: Aim, run: &Run) -> Vec<(Action, Option<f64>)> {
        let mut r = run.clone();
        r.decisions.clear();
        actions(self.c, &r).into_iter().map(|a| (a, self.q(aim, &r, a, 0))).collect()
    }

    /// The decision best (or worst) play takes from `run`; ties go to the earlier offer.
    pub fn pick(&mut self, aim: Aim, run: &Run) -> Option<Action> {
        let mut chosen: Option<(Action, f64)> = None;
        for (a, q) in self.evaluate(aim, run) {
            let Some(q) = q else { continue };
            let better = match (chosen, aim) {
                (None, _) => true,
                (Some((_, b)), Aim::Best) => q > b + 1e-9,
                (Some((_, b)), Aim::Worst) => q < b - 1e-9,
            };
            if better {
                chosen = Some((a, q));
            }
        }
        chosen.map(|(a, _)| a)
    }

    pub fn states(&self) -> usize {
        self.states
    }

    pub fn too_large(&self) -> bool {
        self.too_large
    }
}
