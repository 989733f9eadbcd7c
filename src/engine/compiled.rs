//! A validated scenario prepared for play: ids resolved to indices, conditions compiled to slot
//! lookups, random branches numbered. Built once per scenario and shared read-only by every
//! session, so a decision costs vector lookups, not string hashing.

use crate::scenario::expr::{BinOp, Expr, Func};
use crate::scenario::model::{Effect, Next, Scenario, WhenUnmet};
use crate::scenario::text::Text;
use rustc_hash::FxHashMap;

/// A condition with names resolved to slots.
#[derive(Clone, Debug)]
pub enum Cond {
    Int(i64),
    Bool(bool),
    Meter(usize),
    Flag(usize),
    Minutes,
    Hours,
    Visited(usize),
    Chose(usize),
    Role(usize),
    Not(Box<Cond>),
    Neg(Box<Cond>),
    Bin(BinOp, Box<Cond>, Box<Cond>),
}

#[derive(Clone, Copy, Debug)]
pub enum CEffect {
    Add(usize, i64),
    Set(usize, i64),
    Flag(usize, bool),
}

/// Where the story goes, resolved.
#[derive(Clone, Debug)]
pub enum CNext {
    Scene(usize),
    Ending(usize),
    End,
    /// (weight, branch index) pairs.
    Random(Vec<(u64, usize)>),
}

/// Effects, scores and the way on, shared by choices, timers and branches.
#[derive(Clone, Debug)]
pub struct COutcome {
    pub effects: Vec<CEffect>,
    pub scores: Vec<(usize, i64)>,
    pub minutes: Option<u32>,
    pub next: CNext,
}

#[derive(Clone, Debug)]
pub struct CChoice {
    pub scene: usize,
    pub roles: Vec<usize>,
    pub condition: Option<Cond>,
    pub disable_when_unmet: bool,
    pub outcome: COutcome,
}

#[derive(Clone, Debug)]
pub struct CScene {
    pub roles: Vec<usize>,
    /// Global indices of this scene's choices.
    pub choices: std::ops::Range<usize>,
    pub timer_ms: Option<u64>,
    pub timer: Option<COutcome>,
}

#[derive(Clone, Debug)]
pub struct CInject {
    pub roles: Vec<usize>,
    pub when: Cond,
    pub once: bool,
    pub effects: Vec<CEffect>,
    pub next: Option<CNext>,
}

#[derive(Clone, Debug)]
pub struct CEnding {
    pub roles: Vec<usize>,
    pub condition: Option<Cond>,
}

#[derive(Clone, Debug)]
pub struct CBranch {
    pub outcome: COutcome,
    pub feedback: Option<Text>,
}

/// Which slots conditions read: only these shape the future, so only these key the explorer's memo.
#[derive(Clone, Debug, Default)]
pub struct Reads {
    pub meters: Vec<usize>,
    pub flags: Vec<usize>,
    pub visited: Vec<usize>,
    pub chose: Vec<usize>,
    pub clock: bool,
}

impl Reads {
    fn normalise(&mut self) {
        for list in [&mut self.meters, &mut self.flags, &mut self.visited, &mut self.chose] {
            list.sort_unstable();
            list.dedup();
        }
    }

    pub fn merge(&mut self, other: &Reads) {
        self.meters.extend(&other.meters);
        self.flags.extend(&other.flags);
        self.visited.extend(&other.visited);
        self.chose.extend(&other.chose);
        self.clock |= other.clock;
    }
}

/// A scenario ready to play.
#[derive(Debug)]
pub struct Compiled {
    pub scenario: Scenario,
    /// Hash of the scenario's content, so a save or transcript is only resumed on the same content.
    pub content_hash: String,
    pub scenes: Vec<CScene>,
    pub choices: Vec<CChoice>,
    pub branches: Vec<CBranch>,
    pub injects: Vec<CInject>,
    pub endings: Vec<CEnding>,
    pub reads: Reads,
    /// Per scene: what conditions can still read from there on (choices in every scene reachable
    /// from it, and the endings). Injects' reads are added per state by the explorer.
    pub live: Vec<Reads>,
    /// What each inject's condition reads.
    pub inject_reads: Vec<Reads>,
    /// When story time is only compared against constants (`hours >= 4`), the largest of them in
    /// minutes: later times all behave alike, since the clock never runs back.
    pub clock_horizon: Option<u64>,
    pub clock_default_minutes: u32,
    pub clock_rate: u32,
    /// Every road explored so far, per role: found once per scenario version and shared by
    /// scoring, best and worst play, the debrief, the console and the analyser.
    /// Per role: an ending without a condition admits it, so a road that ends always finds one.
    pub fallback: Vec<bool>,
    pub(crate) explorations: std::sync::Mutex<FxHashMap<(usize, bool), super::explore::Shared>>,
    scene_ix: FxHashMap<String, usize>,
    choice_ix: FxHashMap<String, usize>,
    role_ix: FxHashMap<String, usize>,
    meter_ix: FxHashMap<String, usize>,
    flag_ix: FxHashMap<String, usize>,
    ending_ix: FxHashMap<String, usize>,
    competency_ix: FxHashMap<String, usize>,
}

/// Roles list → role indices (unknown ids cannot happen after validation; they are skipped).
fn roles(ix: &FxHashMap<String, usize>, ids: &[String]) -> Vec<usize> {
    ids.iter().filter_map(|r| ix.get(r).copied()).collect()
}

fn index<T>(items: &[T], id: impl Fn(&T) -> &str) -> FxHashMap<String, usize> {
    items.iter().enumerate().map(|(i, x)| (id(x).to_string(), i)).collect()
}

/// 64-bit FNV-1a, written out so the hash of a scenario never changes with a dependency.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

impl Compiled {
    /// Prepares a scenario that validated without errors.
    pub fn new(scenario: Scenario) -> Compiled {
        let canonical = serde_json::to_vec(&scenario).unwrap_or_default();
        let content_hash = format!("{:016x}", fnv1a(&canonical));
        let s = &scenario;
        let scene_ix = index(&s.scenes, |x| &x.id);
        let role_ix = index(&s.roles, |x| &x.id);
        let meter_ix = index(&s.meters, |x| &x.id);
        let flag_ix = index(&s.flags, |x| &x.id);
        let ending_ix = index(&s.endings, |x| &x.id);
        let competency_ix = index(&s.competencies, |x| &x.id);
        let mut choice_ix = FxHashMap::default();
        for c in s.scenes.iter().flat_map(|sc| &sc.choices) {
            let n = choice_ix.len();
            choice_ix.entry(c.id.clone()).or_insert(n);
        }
        let mut c = Compiled {
            content_hash,
            scenes: Vec::new(),
            choices: Vec::new(),
            branches: Vec::new(),
            injects: Vec::new(),
            endings: Vec::new(),
            reads: Reads::default(),
            live: Vec::new(),
            inject_reads: Vec::new(),
            clock_horizon: None,
            clock_default_minutes: s.clock.as_ref().map_or(0, |k| k.minutes_per_decision),
            clock_rate: s.clock.as_ref().map_or(0, |k| k.minutes_per_real_minute),
            fallback: Vec::new(),
            explorations: Default::default(),
            scene_ix,
            choice_ix,
            role_ix,
            meter_ix,
            flag_ix,
            ending_ix,
            competency_ix,
            scenario: Scenario::clone(s),
        };
        c.build();
        c
    }

    fn build(&mut self) {
        let s = self.scenario.clone();
        for (i, scene) in s.scenes.iter().enumerate() {
            let first = self.choices.len();
            for choice in &scene.choices {
                let outcome = self.outcome(&choice.effects, &choice.scores.0, choice.minutes, &choice.next);
                let condition = choice.condition.as_ref().and_then(|c| c.parsed.as_ref().ok()).map(|e| self.cond(e));
                self.choices.push(CChoice {
                    scene: i,
                    roles: roles(&self.role_ix, &choice.roles),
                    condition,
                    disable_when_unmet: choice.when_unmet == WhenUnmet::Disable,
                    outcome,
                });
            }
            let timer = scene.timer.as_ref().map(|t| self.outcome(&t.effects, &t.scores.0, t.minutes, &t.next));
            self.scenes.push(CScene {
                roles: roles(&self.role_ix, &scene.roles),
                choices: first..self.choices.len(),
                timer_ms: scene.timer.as_ref().map(|t| u64::from(t.seconds) * 1000),
                timer,
            });
        }
        for inj in &s.injects {
            let when = inj.when.parsed.as_ref().map(|e| self.cond(e)).unwrap_or(Cond::Bool(false));
            let effects = self.effects(&inj.effects);
            let next = inj.next.as_ref().map(|n| self.next(n));
            self.injects.push(CInject { roles: roles(&self.role_ix, &inj.roles), when, once: inj.once, effects, next });
        }
        for e in &s.endings {
            let condition = e.condition.as_ref().and_then(|c| c.parsed.as_ref().ok()).map(|x| self.cond(x));
            self.endings.push(CEnding { roles: roles(&self.role_ix, &e.roles), condition });
        }
        self.fallback = (0..s.roles.len()).map(|r| self.endings.iter().any(|e| e.condition.is_none() && allows(&e.roles, r))).collect();
        self.reads.normalise();
        self.liveness();
        self.clock_horizon = self.horizon();
    }

    /// Works out, per scene, which slots the conditions ahead of it can read.
    fn liveness(&mut self) {
        let n = self.scenes.len();
        self.inject_reads = self.injects.iter().map(|i| i.when.reads()).collect();
        let mut endings = Reads::default();
        for e in &self.endings {
            if let Some(c) = &e.condition {
                c.collect(&mut endings);
            }
        }
        // Too many scenes for a closure per scene: every scene may read everything.
        if n > 2000 {
            let mut all = self.reads.clone();
            all.clock = self.reads.clock;
            self.live = vec![all; n];
            return;
        }
        let mut direct: Vec<Reads> = vec![endings.clone(); n];
        let mut edges: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut global_targets = Vec::new();
        for inj in &self.injects {
            if let Some(next) = &inj.next {
                self.targets(next, &mut global_targets);
            }
        }
        for (i, scene) in self.scenes.iter().enumerate() {
            for ix in scene.choices.clone() {
                if let Some(c) = &self.choices[ix].condition {
                    c.collect(&mut direct[i]);
                }
                self.targets(&self.choices[ix].outcome.next, &mut edges[i]);
            }
            if let Some(t) = &scene.timer {
                self.targets(&t.next, &mut edges[i]);
            }
            edges[i].extend(&global_targets);
        }
        self.live = (0..n)
            .map(|start| {
                let mut seen = vec![false; n];
                let mut stack = vec![start];
                let mut acc = Reads::default();
                while let Some(v) = stack.pop() {
                    if std::mem::replace(&mut seen[v], true) {
                        continue;
                    }
                    acc.merge(&direct[v]);
                    stack.extend(&edges[v]);
                }
                acc.normalise();
                acc
            })
            .collect();
    }

    /// The clock horizon: every condition's use of `minutes`/`hours` must be an ordering
    /// comparison with a constant; otherwise exact times matter and there is no horizon.
    fn horizon(&self) -> Option<u64> {
        fn walk(c: &Cond, max: &mut u64) -> bool {
            let time = |x: &Cond| matches!(x, Cond::Minutes | Cond::Hours);
            let scale = |x: &Cond| if matches!(x, Cond::Hours) { 60 } else { 1 };
            match c {
                Cond::Bin(op, a, b) if matches!(op, BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge) && (time(a) || time(b)) => {
                    let (t, k) = if time(a) { (a, b) } else { (b, a) };
                    match **k {
                        Cond::Int(n) if n >= 0 => {
                            *max = (*max).max(n as u64 * scale(t) + 60);
                            true
                        }
                        _ => false,
                    }
                }
                Cond::Minutes | Cond::Hours => false,
                Cond::Not(x) | Cond::Neg(x) => walk(x, max),
                Cond::Bin(_, a, b) => walk(a, max) && walk(b, max),
                _ => true,
            }
        }
        let mut max = 0;
        let conds = self
            .choices
            .iter()
            .filter_map(|c| c.condition.as_ref())
            .chain(self.endings.iter().filter_map(|e| e.condition.as_ref()))
            .chain(self.injects.iter().map(|i| &i.when));
        for c in conds {
            if !walk(c, &mut max) {
                return None;
            }
        }
        Some(max)
    }

    fn targets(&self, next: &CNext, out: &mut Vec<usize>) {
        match next {
            CNext::Scene(i) => out.push(*i),
            CNext::Random(list) => {
                for &(_, b) in list {
                    self.targets(&self.branches[b].outcome.next, out);
                }
            }
            CNext::Ending(_) | CNext::End => {}
        }
    }

    fn effects(&self, effects: &[Effect]) -> Vec<CEffect> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Add(m, n) => self.meter_ix.get(m).map(|&i| CEffect::Add(i, *n)),
                Effect::Set(m, n) => self.meter_ix.get(m).map(|&i| CEffect::Set(i, *n)),
                Effect::SetFlag(f) => self.flag_ix.get(f).map(|&i| CEffect::Flag(i, true)),
                Effect::ClearFlag(f) => self.flag_ix.get(f).map(|&i| CEffect::Flag(i, false)),
            })
            .collect()
    }

    fn outcome(&mut self, effects: &[Effect], scores: &[(String, i64)], minutes: Option<u32>, next: &Next) -> COutcome {
        COutcome {
            effects: self.effects(effects),
            scores: scores.iter().filter_map(|(k, v)| self.competency_ix.get(k).map(|&i| (i, *v))).collect(),
            minutes,
            next: self.next(next),
        }
    }

    fn next(&mut self, next: &Next) -> CNext {
        match next {
            Next::Scene(id) => self.scene_ix.get(id).map_or(CNext::End, |&i| CNext::Scene(i)),
            Next::Ending(id) => self.ending_ix.get(id).map_or(CNext::End, |&i| CNext::Ending(i)),
            Next::End => CNext::End,
            Next::Random(branches) => {
                let mut list = Vec::new();
                for b in branches {
                    let outcome = self.outcome(&b.effects, &b.scores.0, None, &b.next);
                    let ix = self.branches.len();
                    self.branches.push(CBranch { outcome, feedback: b.feedback.clone() });
                    list.push((u64::try_from(b.weight).unwrap_or(0), ix));
                }
                CNext::Random(list)
            }
        }
    }

    fn cond(&mut self, e: &Expr) -> Cond {
        let b = |c: Cond| Box::new(c);
        match e {
            Expr::Int(n) => Cond::Int(*n),
            Expr::Bool(v) => Cond::Bool(*v),
            Expr::Var(name, _) => {
                if let Some(&i) = self.meter_ix.get(name) {
                    self.reads.meters.push(i);
                    Cond::Meter(i)
                } else if let Some(&i) = self.flag_ix.get(name) {
                    self.reads.flags.push(i);
                    Cond::Flag(i)
                } else {
                    self.reads.clock = true;
                    if name == "hours" { Cond::Hours } else { Cond::Minutes }
                }
            }
            Expr::Call(func, id, _) => match func {
                Func::Visited => {
                    let i = self.scene_ix.get(id).copied().unwrap_or(usize::MAX);
                    self.reads.visited.push(i);
                    Cond::Visited(i)
                }
                Func::Chose => {
                    let i = self.choice_ix.get(id).copied().unwrap_or(usize::MAX);
                    self.reads.chose.push(i);
                    Cond::Chose(i)
                }
                Func::Role => Cond::Role(self.role_ix.get(id).copied().unwrap_or(usize::MAX)),
            },
            Expr::Not(x, _) => Cond::Not(b(self.cond(x))),
            Expr::Neg(x, _) => Cond::Neg(b(self.cond(x))),
            Expr::Binary(op, l, r, _) => {
                let (l, r) = (self.cond(l), self.cond(r));
                Cond::Bin(*op, b(l), b(r))
            }
        }
    }

    pub fn scene_index(&self, id: &str) -> Option<usize> {
        self.scene_ix.get(id).copied()
    }
    pub fn choice_index(&self, id: &str) -> Option<usize> {
        self.choice_ix.get(id).copied()
    }
    pub fn role_index(&self, id: &str) -> Option<usize> {
        self.role_ix.get(id).copied()
    }
    pub fn meter_index(&self, id: &str) -> Option<usize> {
        self.meter_ix.get(id).copied()
    }
    pub fn flag_index(&self, id: &str) -> Option<usize> {
        self.flag_ix.get(id).copied()
    }
    pub fn ending_index(&self, id: &str) -> Option<usize> {
        self.ending_ix.get(id).copied()
    }
    pub fn competency_index(&self, id: &str) -> Option<usize> {
        self.competency_ix.get(id).copied()
    }

    /// The authored choice behind a global choice index.
    pub fn choice(&self, ix: usize) -> &crate::scenario::model::Choice {
        let scene = self.choices[ix].scene;
        &self.scenario.scenes[scene].choices[ix - self.scenes[scene].choices.start]
    }
}

/// What a condition can read while it is evaluated.
pub trait Slots {
    fn meter(&self, i: usize) -> i64;
    fn flag(&self, i: usize) -> bool;
    fn visited(&self, i: usize) -> bool;
    fn chose(&self, i: usize) -> bool;
    fn role(&self) -> usize;
    fn clock_minutes(&self) -> i64;
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum V {
    I(i64),
    B(bool),
}

impl Cond {
    /// Adds the slots this condition reads.
    pub fn collect(&self, r: &mut Reads) {
        match self {
            Cond::Meter(i) => r.meters.push(*i),
            Cond::Flag(i) => r.flags.push(*i),
            Cond::Visited(i) => r.visited.push(*i),
            Cond::Chose(i) => r.chose.push(*i),
            Cond::Minutes | Cond::Hours => r.clock = true,
            Cond::Not(c) | Cond::Neg(c) => c.collect(r),
            Cond::Bin(_, a, b) => {
                a.collect(r);
                b.collect(r);
            }
            Cond::Int(_) | Cond::Bool(_) | Cond::Role(_) => {}
        }
    }

    /// The slots this condition reads.
    pub fn reads(&self) -> Reads {
        let mut r = Reads::default();
        self.collect(&mut r);
        r.normalise();
        r
    }

    /// Whether the condition holds. Overflow and division by zero make it not hold.
    pub fn holds(&self, s: &dyn Slots) -> bool {
        matches!(self.eval(s), Some(V::B(true)))
    }

    /// Whether the condition holds, telling `t` for each number it read (a meter, the clock)
    /// the range of values over which its answer would stay the same. A comparison of one slot
    /// with a constant keeps a whole interval; a slot inside arithmetic keeps its exact value.
    pub(crate) fn holds_traced<T: Trace>(&self, s: &dyn Slots, t: &mut T, meters: usize) -> bool {
        if !T::ACTIVE {
            return self.holds(s);
        }
        matches!(self.eval_traced(s, t, meters), Some(V::B(true)))
    }

    fn eval_traced<T: Trace>(&self, s: &dyn Slots, t: &mut T, meters: usize) -> Option<V> {
        if let Cond::Bin(op, l, r) = self
            && let Some((slot, op, k)) = atom(*op, l, r)
        {
            // `slot op k` with a constant: the answer only changes at k.
            let (dim, x, hours) = match slot {
                Cond::Meter(i) => (*i, s.meter(*i), false),
                Cond::Minutes => (meters, s.clock_minutes(), false),
                _ => (meters, s.clock_minutes() / 60, true),
            };
            let holds = compare(op, x, k);
            let (lo, hi) = keep_interval(op, x, k, holds);
            let (lo, hi) = if hours { (lo.saturating_mul(60), hi.saturating_mul(60).saturating_add(59)) } else { (lo, hi) };
            t.keep(dim, lo, hi);
            return Some(V::B(holds));
        }
        let int = |c: &Cond, t: &mut T| match c.eval_traced(s, t, meters)? {
            V::I(n) => Some(n),
            V::B(_) => None,
        };
        let boolean = |c: &Cond, t: &mut T| match c.eval_traced(s, t, meters)? {
            V::B(b) => Some(b),
            V::I(_) => None,
        };
        Some(match self {
            Cond::Meter(i) => {
                let v = s.meter(*i);
                t.keep(*i, v, v);
                V::I(v)
            }
            Cond::Minutes => {
                let v = s.clock_minutes();
                t.keep(meters, v, v);
                V::I(v)
            }
            Cond::Hours => {
                let h = s.clock_minutes() / 60;
                t.keep(meters, h.saturating_mul(60), h.saturating_mul(60).saturating_add(59));
                V::I(h)
            }
            Cond::Not(c) => V::B(!boolean(c, t)?),
            Cond::Neg(c) => V::I(int(c, t)?.checked_neg()?),
            Cond::Bin(op @ (BinOp::And | BinOp::Or), l, r) if T::ACTIVE => {
                // What the answer depends on: when one side decides it alone (a false side of
                // `&&`, a true side of `||`), only that side's numbers matter; of two such
                // sides, the one that reads fewer.
                let decisive = matches!(op, BinOp::Or);
                let start = t.checkpoint();
                let left = boolean(l, t)?;
                let mid = t.checkpoint();
                if left == decisive {
                    let right = boolean(r, t);
                    if right == Some(decisive) && t.checkpoint() - mid < mid - start {
                        t.rollback(start);
                        let _ = boolean(r, t);
                    } else {
                        t.rollback(mid);
                    }
                    V::B(decisive)
                } else {
                    let right = boolean(r, t)?;
                    if right == decisive {
                        t.rollback(start);
                        let _ = boolean(r, t);
                    }
                    V::B(right)
                }
            }
            Cond::Bin(op, l, r) => match op {
                BinOp::Or => V::B(boolean(l, t)? || boolean(r, t)?),
                BinOp::And => V::B(boolean(l, t)? && boolean(r, t)?),
                BinOp::Eq => V::B(l.eval_traced(s, t, meters)? == r.eval_traced(s, t, meters)?),
                BinOp::Ne => V::B(l.eval_traced(s, t, meters)? != r.eval_traced(s, t, meters)?),
                BinOp::Lt => V::B(int(l, t)? < int(r, t)?),
                BinOp::Le => V::B(int(l, t)? <= int(r, t)?),
                BinOp::Gt => V::B(int(l, t)? > int(r, t)?),
                BinOp::Ge => V::B(int(l, t)? >= int(r, t)?),
                BinOp::Add => V::I(int(l, t)?.checked_add(int(r, t)?)?),
                BinOp::Sub => V::I(int(l, t)?.checked_sub(int(r, t)?)?),
                BinOp::Mul => V::I(int(l, t)?.checked_mul(int(r, t)?)?),
                BinOp::Div => V::I(int(l, t)?.checked_div(int(r, t)?)?),
            },
            other => other.eval(s)?,
        })
    }

    fn eval(&self, s: &dyn Slots) -> Option<V> {
        let int = |c: &Cond| match c.eval(s)? {
            V::I(n) => Some(n),
            V::B(_) => None,
        };
        let boolean = |c: &Cond| match c.eval(s)? {
            V::B(b) => Some(b),
            V::I(_) => None,
        };
        Some(match self {
            Cond::Int(n) => V::I(*n),
            Cond::Bool(b) => V::B(*b),
            Cond::Meter(i) => V::I(s.meter(*i)),
            Cond::Flag(i) => V::B(s.flag(*i)),
            Cond::Minutes => V::I(s.clock_minutes()),
            Cond::Hours => V::I(s.clock_minutes() / 60),
            Cond::Visited(i) => V::B(s.visited(*i)),
            Cond::Chose(i) => V::B(s.chose(*i)),
            Cond::Role(i) => V::B(s.role() == *i),
            Cond::Not(c) => V::B(!boolean(c)?),
            Cond::Neg(c) => V::I(int(c)?.checked_neg()?),
            Cond::Bin(op, l, r) => match op {
                BinOp::Or => V::B(boolean(l)? || boolean(r)?),
                BinOp::And => V::B(boolean(l)? && boolean(r)?),
                BinOp::Eq => V::B(l.eval(s)? == r.eval(s)?),
                BinOp::Ne => V::B(l.eval(s)? != r.eval(s)?),
                BinOp::Lt => V::B(int(l)? < int(r)?),
                BinOp::Le => V::B(int(l)? <= int(r)?),
                BinOp::Gt => V::B(int(l)? > int(r)?),
                BinOp::Ge => V::B(int(l)? >= int(r)?),
                BinOp::Add => V::I(int(l)?.checked_add(int(r)?)?),
                BinOp::Sub => V::I(int(l)?.checked_sub(int(r)?)?),
                BinOp::Mul => V::I(int(l)?.checked_mul(int(r)?)?),
                BinOp::Div => V::I(int(l)?.checked_div(int(r)?)?),
            },
        })
    }
}

/// A comparison of one numeric slot (meter, minutes, hours) with a constant, as `slot op k`.
pub(crate) fn atom<'a>(op: BinOp, l: &'a Cond, r: &'a Cond) -> Option<(&'a Cond, BinOp, i64)> {
    let slot = |c: &Cond| matches!(c, Cond::Meter(_) | Cond::Minutes | Cond::Hours);
    let flip = |op| match op {
        BinOp::Lt => BinOp::Gt,
        BinOp::Le => BinOp::Ge,
        BinOp::Gt => BinOp::Lt,
        BinOp::Ge => BinOp::Le,
        other => other,
    };
    if !matches!(op, BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne) {
        return None;
    }
    match (l, r) {
        (x, Cond::Int(k)) if slot(x) => Some((x, op, *k)),
        (Cond::Int(k), x) if slot(x) => Some((x, flip(op), *k)),
        _ => None,
    }
}

fn compare(op: BinOp, x: i64, k: i64) -> bool {
    match op {
        BinOp::Lt => x < k,
        BinOp::Le => x <= k,
        BinOp::Gt => x > k,
        BinOp::Ge => x >= k,
        BinOp::Eq => x == k,
        _ => x != k,
    }
}

/// The widest interval around `x` over which `x op k` keeps the answer `holds`.
fn keep_interval(op: BinOp, x: i64, k: i64, holds: bool) -> (i64, i64) {
    let below = (i64::MIN, k.saturating_sub(1));
    let above = (k.saturating_add(1), i64::MAX);
    let side = if x < k { below } else { above };
    match (op, holds) {
        (BinOp::Lt, true) | (BinOp::Ge, false) => below,
        (BinOp::Lt, false) | (BinOp::Ge, true) => (k, i64::MAX),
        (BinOp::Le, true) | (BinOp::Gt, false) => (i64::MIN, k),
        (BinOp::Le, false) | (BinOp::Gt, true) => above,
        (BinOp::Eq, true) | (BinOp::Ne, false) => (k, k),
        _ => side,
    }
}

/// What exploration learns while the engine plays a decision through: which values the
/// conditions depended on, and how each meter and the clock were changed. Play uses `NoTrace`,
/// which compiles to nothing.
pub(crate) trait Trace {
    /// False for play, which skips the bookkeeping.
    const ACTIVE: bool = true;
    /// A condition's answer depends on slot `dim` (a meter index, or the meter count for the
    /// story clock in minutes) staying within `lo..=hi`, as the value stands now.
    fn keep(&mut self, dim: usize, lo: i64, hi: i64);
    /// Meter `i` became `clamp(value + n, min, max)`.
    fn add(&mut self, i: usize, n: i64, min: i64, max: i64);
    /// Meter `i` was set to `value` (already clamped).
    fn set(&mut self, i: usize, value: i64);
    /// The story clock moved on by whole minutes.
    fn clock(&mut self, minutes: i64);
    /// A choice was marked chosen or a scene visited; `prior` is what the slot held before.
    fn mark(&mut self, _mark: Mark) {}
    /// How many `keep`s have narrowed something so far.
    fn checkpoint(&self) -> usize {
        0
    }
    /// Undoes the `keep`s since `checkpoint` returned `to`.
    fn rollback(&mut self, _to: usize) {}
    /// Whether it matters which ending a road reaches, or only that it reaches one (scores do
    /// not depend on the ending, so scoring need not tell endings apart when a fallback exists).
    fn endings(&self) -> bool {
        true
    }
}

/// A boolean slot the engine set while playing a decision, with its value before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    Chosen(usize, bool),
    Visited(usize, bool),
}

/// Play: nothing to learn.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct NoTrace;

impl Trace for NoTrace {
    const ACTIVE: bool = false;
    #[inline(always)]
    fn keep(&mut self, _: usize, _: i64, _: i64) {}
    #[inline(always)]
    fn add(&mut self, _: usize, _: i64, _: i64, _: i64) {}
    #[inline(always)]
    fn set(&mut self, _: usize, _: i64) {}
    #[inline(always)]
    fn clock(&mut self, _: i64) {}
}

/// Whether a roles list admits a role (an empty list admits every role).
pub fn allows(roles: &[usize], role: usize) -> bool {
    roles.is_empty() || roles.contains(&role)
}
