//! What an author should know before teaching a scenario, found from every road: which endings
//! no road reaches and why, each competency's reachable range, the best and worst roads with
//! their grades, choices never offered or never worth taking, red lines best play would cross,
//! the pedagogy figures (defensible options, the longest text as the best one, the two voices
//! agreeing), duration, and text too long for a projector. Language-neutral data: indices and
//! numbers, rendered by `shapan analyze` and the app; problems an author must fix are also
//! `Finding`s, so they are reported with file:line:col like the validator's.

use super::compiled::{Compiled, Cond, allows};
use super::explore::{Action, Aim, Explorer, To, improves};
use super::pedagogy::{self, Pedagogy};
use super::score::{Scoring, crossed, graded};
use super::session::start_run;
use crate::msg;
use crate::scenario::diagnostic::{Code, Finding};
use crate::scenario::expr::BinOp;
use crate::scenario::model::Grade;
use crate::scenario::text::Text;
use rustc_hash::FxHashSet;
use unicode_width::UnicodeWidthStr;

/// Why no road reaches an ending.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Unreached {
    /// An earlier ending's condition always holds wherever this one would be checked.
    Shadowed { by: usize },
    /// The condition cannot hold within the meters' ranges.
    Impossible,
    /// Its condition never holds where a road ends (or no road names it).
    NoRoad,
}

/// One ending, for one role.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct EndingReach {
    pub ending: usize,
    pub reached: bool,
    pub why: Option<Unreached>,
}

/// One road, following best or worst play and the likeliest outcome of each random draw.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Road {
    /// (scene, choice or `None` for letting the timer run out), in order.
    pub steps: Vec<(usize, Action)>,
    pub ending: Option<usize>,
    /// Raw points per competency at the end.
    pub raw: Vec<i64>,
    /// The weighted total, 0-100, and its band.
    pub total: f64,
    pub grade: Grade,
    /// Expected weighted total of this play over every random outcome.
    pub expected: f64,
}

/// Story duration and classroom time, in minutes.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Duration {
    pub decisions: (usize, usize),
    pub solo_minutes: (u32, u32),
    pub class_minutes: (u32, u32),
}

/// What the analysis found for one role.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct RoleReport {
    pub role: usize,
    /// False when the scenario was too large to explore exactly: the rest is then empty.
    pub explored: bool,
    pub states: usize,
    pub endings: Vec<EndingReach>,
    /// Lowest and highest reachable raw total per competency.
    pub ranges: Vec<(i64, i64)>,
    pub best: Option<Road>,
    pub worst: Option<Road>,
    pub scene_reached: Vec<bool>,
    /// Per global choice index: some road can take it.
    pub choice_offered: Vec<bool>,
    /// Per scene: some road lets its timer run out and goes on from there (a timed scene that is
    /// reached but never here has a timer whose outcome can never apply).
    pub timer_taken: Vec<bool>,
    /// Choices that, wherever they are open, another option beats under both best and worst play.
    pub dominated: Vec<usize>,
    /// Red-line choices best play takes from some state it reaches.
    pub red_lines_on_best: Vec<usize>,
    pub duration: Duration,
}

/// A scene whose text and options need more lines than a 1280x720 projector image shows.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Overflow {
    pub scene: usize,
    pub language: String,
    pub lines: u32,
    pub room: u32,
}

/// A choice whose two voices, the expert's and the practitioner's, say nearly the same thing.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Echo {
    pub scene: usize,
    pub choice: usize,
    /// Share of character pairs the two texts have in common, 0-1.
    pub overlap: f64,
}

/// The whole analysis of one scenario.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Analysis {
    pub roles: Vec<RoleReport>,
    pub red_line_choices: Vec<usize>,
    pub echoes: Vec<Echo>,
    pub overflows: Vec<Overflow>,
    /// The teaching figures, read from the text (the same for every role).
    #[serde(skip)]
    pub pedagogy: Pedagogy,
    /// Problems to fix, with their places: unreachable endings, choices never offered, ...
    #[serde(skip)]
    pub findings: Vec<Finding>,
}

/// Three-valued truth of a condition over every meter value within its range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tri {
    Always,
    Never,
    Maybe,
}

/// An integer known to lie in an interval, or a truth value.
#[derive(Clone, Copy, Debug)]
enum Abs {
    Int(i64, i64),
    Bool(Tri),
}

fn abstract_eval(c: &Cond, meters: &[(i64, i64)]) -> Abs {
    let int = |c: &Cond| match abstract_eval(c, meters) {
        Abs::Int(a, b) => Some((a, b)),
        Abs::Bool(_) => None,
    };
    let tri = |c: &Cond| match abstract_eval(c, meters) {
        Abs::Bool(t) => t,
        Abs::Int(..) => Tri::Maybe,
    };
    let any = Abs::Int(i64::MIN, i64::MAX);
    match c {
        Cond::Int(n) => Abs::Int(*n, *n),
        Cond::Bool(b) => Abs::Bool(if *b { Tri::Always } else { Tri::Never }),
        Cond::Meter(i) => meters.get(*i).map_or(any, |&(a, b)| Abs::Int(a, b)),
        Cond::Minutes | Cond::Hours => Abs::Int(0, i64::MAX),
        Cond::Flag(_) | Cond::Visited(_) | Cond::Chose(_) | Cond::Role(_) => Abs::Bool(Tri::Maybe),
        Cond::Not(x) => Abs::Bool(match tri(x) {
            Tri::Always => Tri::Never,
            Tri::Never => Tri::Always,
            Tri::Maybe => Tri::Maybe,
        }),
        Cond::Neg(x) => int(x).map_or(any, |(a, b)| Abs::Int(b.saturating_neg(), a.saturating_neg())),
        Cond::Bin(op, l, r) => match op {
            BinOp::And => Abs::Bool(match (tri(l), tri(r)) {
                (Tri::Never, _) | (_, Tri::Never) => Tri::Never,
                (Tri::Always, Tri::Always) => Tri::Always,
                _ => Tri::Maybe,
            }),
            BinOp::Or => Abs::Bool(match (tri(l), tri(r)) {
                (Tri::Always, _) | (_, Tri::Always) => Tri::Always,
                (Tri::Never, Tri::Never) => Tri::Never,
                _ => Tri::Maybe,
            }),
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
                let (Some((a, b)), Some((c, d))) = (int(l), int(r)) else { return any };
                match op {
                    BinOp::Add => Abs::Int(a.saturating_add(c), b.saturating_add(d)),
                    BinOp::Sub => Abs::Int(a.saturating_sub(d), b.saturating_sub(c)),
                    BinOp::Mul => {
                        let p = [a.saturating_mul(c), a.saturating_mul(d), b.saturating_mul(c), b.saturating_mul(d)];
                        Abs::Int(p.iter().copied().min().unwrap_or(i64::MIN), p.iter().copied().max().unwrap_or(i64::MAX))
                    }
                    _ => any,
                }
            }
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                let (Some((a, b)), Some((c, d))) = (int(l), int(r)) else { return Abs::Bool(Tri::Maybe) };
                let (always, never) = match op {
                    BinOp::Lt => (b < c, a >= d),
                    BinOp::Le => (b <= c, a > d),
                    BinOp::Gt => (a > d, b <= c),
                    BinOp::Ge => (a >= d, b < c),
                    BinOp::Eq => (a == b && c == d && a == c, b < c || d < a),
                    _ => (b < c || d < a, a == b && c == d && a == c),
                };
                Abs::Bool(if always {
                    Tri::Always
                } else if never {
                    Tri::Never
                } else {
                    Tri::Maybe
                })
            }
        },
    }
}

fn truth(c: Option<&Cond>, meters: &[(i64, i64)]) -> Tri {
    match c.map(|c| abstract_eval(c, meters)) {
        None => Tri::Always,
        Some(Abs::Bool(t)) => t,
        Some(Abs::Int(..)) => Tri::Never,
    }
}

/// Character pairs of a text, for comparing two voices.
fn bigrams(s: &str) -> FxHashSet<(char, char)> {
    let chars: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

fn overlap(a: &str, b: &str) -> f64 {
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    x.intersection(&y).count() as f64 / x.union(&y).count() as f64
}

/// Share of character pairs above which two voices are taken to say the same thing.
pub const ECHO_OVERLAP: f64 = 0.6;

/// Reading speed assumed for duration estimates: Chinese characters (or English words x 2) per minute.
const READ_PER_MINUTE: f64 = 300.0;

fn reading_minutes(t: &Text, lang: &str) -> f64 {
    let s = t.get(lang);
    let units =
        if s.is_ascii() { s.split_whitespace().count() as f64 * 1.5 } else { s.chars().filter(|c| !c.is_whitespace()).count() as f64 };
    units / READ_PER_MINUTE
}

/// Projector geometry at 1280x720, as `app::theme` sets it: body text 1/25 of the height, the
/// scene and choices in a column of about 62% of the width beside the posts.
const PROJECTOR_HEIGHT: f64 = 720.0;
const PROJECTOR_COLUMN: f64 = 1280.0 * 0.62;

fn projector_lines(s: &str) -> u32 {
    let font = PROJECTOR_HEIGHT / 25.0;
    // Display columns: a CJK character takes two, about one em; Latin about half an em.
    let per_line = (PROJECTOR_COLUMN / font * 2.0).floor().max(1.0);
    s.lines().map(|l| ((l.width() as f64) / per_line).ceil().max(1.0) as u32).sum()
}

/// Lines of body text the 720-line projector image has for the scene and its options: the rest
/// goes to the title (1/15 of the height), the status row and margins.
fn projector_room() -> u32 {
    let font = PROJECTOR_HEIGHT / 25.0;
    let title = PROJECTOR_HEIGHT / 15.0 * 1.4;
    ((PROJECTOR_HEIGHT - title - 2.0 * font - 40.0) / (font * 1.35)).floor() as u32
}

/// Analyses a compiled scenario and reports on every role (or only `role`). The problems found
/// always look at every role: a scene only another role reaches is not unreachable.
pub fn analyse(c: &Compiled, role: Option<usize>) -> Analysis {
    let s = &c.scenario;
    let reports: Vec<RoleReport> = (0..s.roles.len()).map(|r| role_report(c, r)).collect();
    let mut a = Analysis {
        roles: reports,
        red_line_choices: (0..c.choices.len()).filter(|&i| c.choice(i).red_line.is_some()).collect(),
        echoes: Vec::new(),
        overflows: Vec::new(),
        pedagogy: pedagogy::measure(s),
        findings: Vec::new(),
    };
    for (si, scene) in s.scenes.iter().enumerate() {
        for (k, ch) in scene.choices.iter().enumerate() {
            let Some(cm) = &ch.commentary else { continue };
            let (Some(e), Some(p)) = (&cm.expert, &cm.practitioner) else { continue };
            let lang = s.original_language();
            let o = overlap(e.get(lang), p.get(lang));
            if o >= ECHO_OVERLAP {
                a.echoes.push(Echo { scene: si, choice: c.scenes[si].choices.start + k, overlap: o });
            }
        }
        for lang in &s.languages {
            let options: u32 = scene.choices.iter().map(|ch| projector_lines(ch.text.get(lang)) + 1).sum();
            let lines = projector_lines(scene.text.get(lang)) + options;
            if lines > projector_room() {
                a.overflows.push(Overflow { scene: si, language: lang.clone(), lines, room: projector_room() });
            }
        }
    }
    a.findings = findings(c, &a);
    a.roles.retain(|r| role.is_none_or(|x| x == r.role));
    a
}

fn role_report(c: &Compiled, role: usize) -> RoleReport {
    let s = &c.scenario;
    let n_choices = c.choices.len();
    let mut report = RoleReport {
        role,
        explored: false,
        states: 0,
        endings: Vec::new(),
        ranges: Vec::new(),
        best: None,
        worst: None,
        scene_reached: vec![false; s.scenes.len()],
        choice_offered: vec![false; n_choices],
        timer_taken: vec![false; s.scenes.len()],
        dominated: Vec::new(),
        red_lines_on_best: Vec::new(),
        duration: Duration { decisions: (0, 0), solo_minutes: (0, 0), class_minutes: (0, 0) },
    };
    let Ok(start) = start_run(c, Some(&s.roles[role].id), &mut |w| w[0].1, &mut Vec::new()) else { return report };
    let mut explorer = Explorer::precise(c);
    let Ok(ranges) = explorer.ranges(&start) else { return report };
    let scoring = Scoring { ranges: ranges.clone(), weights: s.competencies.iter().map(|k| k.weight).collect() };
    explorer.set_weights(scoring.point_values());
    report.ranges = ranges;
    report.explored = true;
    let lang = s.original_language().to_string();
    explorer.inspect(&start, |g, root| {
        let Some(root) = root else { return };
        // Every state a road reaches from the start, in the order found.
        let mut order = vec![root];
        let mut seen: FxHashSet<u32> = [root].into_iter().collect();
        let mut ended = vec![false; s.endings.len()];
        let mut i = 0;
        while i < order.len() {
            let id = order[i];
            i += 1;
            for a in g.acts_of(id) {
                for (_, to, _) in g.edges(a) {
                    match to {
                        To::Node(n) if seen.insert(n) => order.push(n),
                        To::Ending(e) => ended[e] = true,
                        _ => {}
                    }
                }
            }
        }
        report.states = order.len();
        // Per state: the best and worst values of each decision.
        struct Here {
            id: u32,
            acts: Vec<(u32, Action, Option<f64>, Option<f64>)>,
        }
        let states: Vec<Here> = order
            .iter()
            .map(|&id| Here { id, acts: g.acts_of(id).map(|a| (a, g.action(a), g.q_of(Aim::Best, a), g.q_of(Aim::Worst, a))).collect() })
            .collect();
        let mut never_worse = vec![false; n_choices];
        for h in &states {
            let scene = g.scene_of(h.id);
            report.scene_reached[scene] = true;
            for &(act, action, qb, qw) in &h.acts {
                match action {
                    Some(ix) => report.choice_offered[ix] = true,
                    // Time running out counts only where its outcome leads somewhere.
                    None => report.timer_taken[scene] |= g.edges(act).next().is_some(),
                }
                // Not dominated here if no other option beats it under both kinds of play.
                let beaten = h.acts.iter().any(|&(_, other, ob, ow)| {
                    other != action
                        && ob.unwrap_or(f64::MIN) >= qb.unwrap_or(f64::MIN)
                        && ow.unwrap_or(f64::MIN) >= qw.unwrap_or(f64::MIN)
                        && (ob > qb || ow > qw)
                });
                if let (Some(ix), false) = (action, beaten) {
                    never_worse[ix] = true;
                }
            }
        }
        report.dominated = (0..n_choices).filter(|&i| report.choice_offered[i] && !never_worse[i]).collect();
        report.endings = (0..s.endings.len())
            .filter(|&e| allows(&c.endings[e].roles, role))
            .map(|e| EndingReach { ending: e, reached: ended[e], why: (!ended[e]).then(|| why_unreached(c, role, e)) })
            .collect();
        let mut on_best = FxHashSet::default();
        best_reach(g, root, &mut on_best);
        report.red_lines_on_best = on_best.into_iter().filter(|&ix| c.choice(ix).red_line.is_some()).collect();
        report.red_lines_on_best.sort_unstable();
        report.best = Some(road(c, g, root, Aim::Best, &scoring, &start.scores));
        report.worst = Some(road(c, g, root, Aim::Worst, &scoring, &start.scores));
    });
    report.duration = duration(c, &report, &lang);
    report
}

/// The choices best play takes in every state it can reach.
fn best_reach(g: &mut super::explore::Graph, root: u32, out: &mut FxHashSet<usize>) {
    let mut stack = vec![root];
    let mut seen: FxHashSet<u32> = FxHashSet::default();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Some(a) = pick(g, id, Aim::Best) else { continue };
        if let Some(ix) = g.action(a) {
            out.insert(ix);
        }
        for (_, to, _) in g.edges(a) {
            if let To::Node(n) = to {
                stack.push(n);
            }
        }
    }
}

/// The decision best (or worst) play takes in a state: ties go to the earlier offer.
fn pick(g: &mut super::explore::Graph, id: u32, aim: Aim) -> Option<u32> {
    let mut chosen: Option<(u32, f64)> = None;
    for a in g.acts_of(id) {
        if let Some(q) = g.q_of(aim, a).filter(|&q| improves(aim, q, chosen.map(|c| c.1))) {
            chosen = Some((a, q));
        }
    }
    chosen.map(|(a, _)| a)
}

fn road(c: &Compiled, g: &mut super::explore::Graph, root: u32, aim: Aim, scoring: &Scoring, start: &[i64]) -> Road {
    let mut raw = start.to_vec();
    let mut steps = Vec::new();
    let mut ending = None;
    let mut id = root;
    let expected_gain = pick(g, root, aim).and_then(|a| g.q_of(aim, a)).unwrap_or(0.0);
    while let Some(a) = pick(g, id, aim) {
        steps.push((g.scene_of(id), g.action(a)));
        // The likeliest outcome; the first of equally likely ones.
        let next = g.edges(a).filter(|(_, to, _)| *to != To::Dead).fold(None::<(f64, To, Vec<i64>)>, |acc, (p, to, d)| match acc {
            Some((q, ..)) if q >= p => acc,
            _ => Some((p, to, d.to_vec())),
        });
        let Some((_, to, delta)) = next else { break };
        for (r, d) in raw.iter_mut().zip(&delta) {
            *r = r.saturating_add(*d);
        }
        match to {
            To::Node(n) => id = n,
            To::Ending(e) => {
                ending = Some(e);
                break;
            }
            To::Dead => break,
        }
        if steps.len() > c.scenes.len() * 64 {
            break;
        }
    }
    let total = scoring.total(&raw);
    let grade = graded(total, !crossed(c, steps.iter().copied()).is_empty());
    Road { steps, ending, grade, total, raw, expected: scoring.total(start) + expected_gain }
}

fn why_unreached(c: &Compiled, role: usize, e: usize) -> Unreached {
    let bounds: Vec<(i64, i64)> = c.scenario.meters.iter().map(|m| (m.min, m.max)).collect();
    for (k, earlier) in c.endings.iter().enumerate().take(e) {
        if allows(&earlier.roles, role) && truth(earlier.condition.as_ref(), &bounds) == Tri::Always {
            return Unreached::Shadowed { by: k };
        }
    }
    if truth(c.endings[e].condition.as_ref(), &bounds) == Tri::Never {
        return Unreached::Impossible;
    }
    Unreached::NoRoad
}

fn duration(c: &Compiled, r: &RoleReport, lang: &str) -> Duration {
    let s = &c.scenario;
    let road_minutes = |road: &Road| -> (f64, f64) {
        let mut solo = 0.0;
        let mut class = 0.0;
        for &(scene, action) in &road.steps {
            let sc = &s.scenes[scene];
            let read = reading_minutes(&sc.text, lang) + sc.choices.iter().map(|ch| reading_minutes(&ch.text, lang)).sum::<f64>();
            let feedback = action.and_then(|ix| c.choice(ix).feedback.as_ref()).map_or(0.0, |t| reading_minutes(t, lang));
            let decide = sc.timer.as_ref().map_or(0.5, |t| f64::from(t.seconds) / 60.0);
            solo += read + decide + feedback;
            // A class reads together, argues, votes in two rounds and hears the consequences.
            class += read * 1.5 + 3.0 + 2.0 + 1.0 + feedback * 1.5;
        }
        (solo + 2.0, class + 10.0)
    };
    let (Some(best), Some(worst)) = (&r.best, &r.worst) else { return r.duration };
    let (bs, bc) = road_minutes(best);
    let (ws, wc) = road_minutes(worst);
    let span = |a: f64, b: f64| (a.min(b).ceil() as u32, a.max(b).ceil() as u32);
    Duration {
        decisions: (best.steps.len().min(worst.steps.len()), best.steps.len().max(worst.steps.len())),
        solo_minutes: span(bs, ws),
        class_minutes: span(bc, wc),
    }
}

fn choice_path(c: &Compiled, ix: usize) -> String {
    let scene = c.choices[ix].scene;
    format!("scenes[{scene}].choices[{}]", ix - c.scenes[scene].choices.start)
}

/// The problems an author must see, with their places.
fn findings(c: &Compiled, a: &Analysis) -> Vec<Finding> {
    let s = &c.scenario;
    let mut out = Vec::new();
    let explored: Vec<&RoleReport> = a.roles.iter().filter(|r| r.explored).collect();
    if explored.is_empty() {
        return out;
    }
    let role_name = |r: usize| s.roles[r].id.clone();
    for e in 0..s.endings.len() {
        let reports: Vec<(&RoleReport, &EndingReach)> =
            explored.iter().filter_map(|r| r.endings.iter().find(|x| x.ending == e).map(|x| (*r, x))).collect();
        if reports.is_empty() {
            continue;
        }
        let missed: Vec<&(&RoleReport, &EndingReach)> = reports.iter().filter(|(_, x)| !x.reached).collect();
        if missed.is_empty() {
            continue;
        }
        let id = &s.endings[e].id;
        let why = missed[0].1.why.clone().unwrap_or(Unreached::NoRoad);
        let (reason, help) = match why {
            Unreached::Shadowed { by } => {
                let other = &s.endings[by].id;
                (msg!("diag-ending-listed-before-it-always-holds", other = other), msg!("diag-put-fallback-ending-one-without-condition"))
            }
            Unreached::Impossible => (msg!("diag-its-condition-can-never-hold-within"), msg!("diag-check-numbers-in-condition-no-meter")),
            Unreached::NoRoad => (msg!("diag-no-road-ends-where-its-condition"), msg!("diag-look-at-map-shapan-graph-for")),
        };
        let path = if s.endings[e].condition.is_some() { format!("endings[{e}].condition") } else { format!("endings[{e}].id") };
        if missed.len() == reports.len() {
            let msg = msg!("diag-no-role-can-reach-ending", id = id, reason = reason.clone());
            out.push(Finding::at(Code::EndingUnreachable, path, msg).with_help(help));
        } else {
            for (r, _) in missed {
                let who = role_name(r.role);
                let msg = msg!("diag-role-cannot-reach-ending", who = who, id = id, reason = reason.clone());
                out.push(Finding::at(Code::EndingUnreachableForRole, path.clone(), msg).with_help(help.clone()));
            }
        }
    }
    // Scenes and choices no road reaches, for any role that can be explored.
    let reached = |f: &dyn Fn(&RoleReport) -> bool| explored.iter().any(|r| f(r));
    for (i, sc) in s.scenes.iter().enumerate() {
        if !reached(&|r| r.scene_reached[i]) {
            let msg = msg!("diag-no-road-reaches-scene-conditions-on", id = &sc.id);
            out.push(Finding::at(Code::NeverReached, format!("scenes[{i}].id"), msg));
            continue;
        }
        for ix in c.scenes[i].choices.clone() {
            if !reached(&|r| r.choice_offered[ix]) {
                let ch = c.choice(ix);
                let msg = msg!("diag-choice-is-never-open-on-any", id = &ch.id);
                out.push(
                    Finding::at(Code::ChoiceNeverOffered, format!("{}.id", choice_path(c, ix)), msg)
                        .with_help(msg!("diag-check-what-flags-and-meters-in")),
                );
            }
        }
    }
    // Red lines best play would cross: the debrief would recommend them.
    let mut crossed: Vec<usize> = explored.iter().flat_map(|r| r.red_lines_on_best.iter().copied()).collect();
    crossed.sort_unstable();
    crossed.dedup();
    for ix in crossed {
        let ch = c.choice(ix);
        let msg = msg!("diag-best-play-takes-red-line-choice", id = &ch.id);
        out.push(
            Finding::at(Code::RedLineOnBestRoad, format!("{}.red_line", choice_path(c, ix)), msg)
                .with_help(msg!("diag-red-line-choice-should-score-lowest")),
        );
    }
    // Flags set and hidden meters changed that no condition ever reads.
    let mut set_flags = vec![false; s.flags.len()];
    let mut changed = vec![false; s.meters.len()];
    let outcomes = c.choices.iter().map(|x| &x.outcome.effects).chain(c.scenes.iter().filter_map(|x| x.timer.as_ref().map(|t| &t.effects)));
    let effects = outcomes.chain(c.branches.iter().map(|b| &b.outcome.effects)).chain(c.injects.iter().map(|i| &i.effects));
    for list in effects {
        for e in list {
            match *e {
                super::compiled::CEffect::Add(i, _) | super::compiled::CEffect::Set(i, _) => changed[i] = true,
                super::compiled::CEffect::Flag(i, true) => set_flags[i] = true,
                super::compiled::CEffect::Flag(..) => {}
            }
        }
    }
    for (i, f) in s.flags.iter().enumerate() {
        if set_flags[i] && !c.reads.flags.contains(&i) {
            let msg = msg!("diag-flag-is-set-but-no-condition", id = &f.id);
            out.push(Finding::at(Code::ChangesNothing, format!("flags[{i}].id"), msg));
        }
    }
    for (i, m) in s.meters.iter().enumerate() {
        if changed[i] && !m.visible && !c.reads.meters.contains(&i) {
            let msg = msg!("diag-hidden-meter-changes-but-no-condition", id = &m.id);
            out.push(Finding::at(Code::ChangesNothing, format!("meters[{i}].id"), msg));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::load::load_str;
    use std::path::Path;

    fn compiled(src: &str) -> Compiled {
        let l = load_str(Path::new("t.ron"), src.to_string(), &[]);
        Compiled::new(l.playable().cloned().unwrap_or_else(|| panic!("{:?}", l.diagnostics)))
    }

    const BASE: &str = r#"(format: 1, id: "t", languages: ["en"], title: "T", category: Other, summary: "S", minutes: 5, difficulty: Easy,
competencies: [(id: "law", name: "Law", weight: 1)],
meters: [(id: "wages", name: "Wages", min: 0, max: 186, start: 0)],
roles: [(id: "r", name: "R", briefing: "B")],
start: "a",
scenes: [(id: "a", text: "A", choices: [
  (id: "pay", text: "Pay", effects: [Add("wages", 100)], scores: {"law": 2}, feedback: "F", next: End),
  (id: "skip", text: "Skip", scores: {"law": -1}, feedback: "F", next: End),
])],
endings: ENDINGS,
)"#;

    fn with_endings(endings: &str) -> Compiled {
        compiled(&BASE.replace("ENDINGS", endings))
    }

    #[test]
    fn a_fallback_listed_first_shadows_every_later_ending() {
        let c = with_endings(
            r#"[(id: "any", title: "Any", grade: Pass, text: "E"), (id: "paid", title: "Paid", condition: "wages >= 100", grade: Excellent, text: "E")]"#,
        );
        let a = analyse(&c, None);
        let paid = &a.roles[0].endings[1];
        assert!(!paid.reached);
        assert_eq!(paid.why, Some(Unreached::Shadowed { by: 0 }));
        assert!(a.findings.iter().any(|f| f.code == Code::EndingUnreachable && f.message.render(crate::lang::Lang::EN).contains("'any'")));
    }

    #[test]
    fn a_condition_past_the_meters_maximum_is_impossible() {
        let c = with_endings(
            r#"[(id: "rich", title: "Rich", condition: "wages > 186", grade: Excellent, text: "E"), (id: "any", title: "Any", grade: Pass, text: "E")]"#,
        );
        let a = analyse(&c, None);
        assert_eq!(a.roles[0].endings[0].why, Some(Unreached::Impossible));
        assert!(a.roles[0].endings[1].reached);
    }

    #[test]
    fn a_condition_no_road_meets_is_reported_as_such() {
        let c = with_endings(
            r#"[(id: "mid", title: "Mid", condition: "wages == 50", grade: Good, text: "E"), (id: "any", title: "Any", grade: Pass, text: "E")]"#,
        );
        let a = analyse(&c, None);
        assert_eq!(a.roles[0].endings[0].why, Some(Unreached::NoRoad));
    }

    #[test]
    fn best_and_worst_roads_and_ranges() {
        let c = with_endings(
            r#"[(id: "paid", title: "Paid", condition: "wages >= 100", grade: Excellent, text: "E"), (id: "any", title: "Any", grade: Fail, text: "E")]"#,
        );
        let a = analyse(&c, None);
        let r = &a.roles[0];
        assert_eq!(r.ranges, vec![(-1, 2)]);
        let best = r.best.as_ref().unwrap();
        assert_eq!((best.ending, best.grade, best.total), (Some(0), Grade::Excellent, 100.0));
        let worst = r.worst.as_ref().unwrap();
        assert_eq!((worst.ending, worst.grade, worst.total), (Some(1), Grade::Fail, 0.0));
        assert_eq!(r.dominated, vec![1], "skipping is never better than paying");
        assert!(a.findings.is_empty(), "{:?}", a.findings);
    }

    #[test]
    fn best_play_over_a_red_line_is_flagged() {
        let src = BASE.replace("ENDINGS", r#"[(id: "any", title: "Any", grade: Pass, text: "E")]"#).replace(
            r#"scores: {"law": 2}, feedback: "F","#,
            r#"scores: {"law": 2}, feedback: "F", red_line: "Paying from the relief fund breaks the rules","#,
        );
        let a = analyse(&compiled(&src), None);
        assert_eq!(a.red_line_choices, vec![0]);
        assert_eq!(a.roles[0].red_lines_on_best, vec![0]);
        assert!(a.findings.iter().any(|f| f.code == Code::RedLineOnBestRoad));
    }

    #[test]
    fn three_valued_conditions() {
        let c = with_endings(r#"[(id: "any", title: "Any", grade: Pass, text: "E")]"#);
        let b = [(0, 186)];
        let m = Cond::Meter(0);
        let cmp = |op, k| Cond::Bin(op, Box::new(m.clone()), Box::new(Cond::Int(k)));
        assert_eq!(truth(Some(&cmp(BinOp::Gt, 186)), &b), Tri::Never);
        assert_eq!(truth(Some(&cmp(BinOp::Ge, 0)), &b), Tri::Always);
        assert_eq!(truth(Some(&cmp(BinOp::Ge, 100)), &b), Tri::Maybe);
        drop(c);
    }
}
