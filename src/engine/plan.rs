//! Playthrough plans (like Yarn Spinner's test plans): a plain-text file that drives a session
//! and states what must happen. One command per line; `#` starts a comment.
//!
//! ```text
//! scenario: tutorial/water_rumour_quick.ron
//! role: duty_officer
//! seed: 1
//! choose call_water_company
//! expect scene facts_in_hand
//! choose plain_notice
//! expect ending calm
//! expect grade excellent
//! expect total 100
//! expect score accuracy 100
//! ```
//!
//! Commands: `choose ID`, `timeout`, `elapse MS`, and `expect` with `scene ID`, `ending ID`,
//! `grade excellent|good|pass|needs_work`, `total N`, `score COMPETENCY N` (0-100),
//! `points COMPETENCY N` (raw), `meter ID N`, `flag ID true|false`, `offers ID ID …` (in the
//! order shown, which the plan's seed draws), `minutes N`,
//! `red_lines N` (red lines crossed so far: the grade is then never above needs_work),
//! `stuck ID` (a dead end: the run cannot go on from scene ID).

use super::compiled::Compiled;
use super::score::Scoring;
use super::session::Session;
use crate::scenario::model::Grade;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Choose(String),
    Timeout,
    Elapse(u64),
    Expect(Expectation),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expectation {
    Scene(String),
    Ending(String),
    Grade(Grade),
    Total(f64),
    Score(String, f64),
    Points(String, i64),
    Meter(String, i64),
    Flag(String, bool),
    Offers(Vec<String>),
    Minutes(u64),
    /// How many red lines the run has crossed so far.
    RedLines(usize),
    /// The run is stuck in this scene: nothing to choose, no timer (a dead end the author allowed).
    Stuck(String),
}

/// A parsed plan. `scenario` is relative to the plan's scenario folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub scenario: String,
    pub role: Option<String>,
    pub seed: u64,
    pub timers: bool,
    /// Commands with their line numbers.
    pub commands: Vec<(usize, Command)>,
}

/// A line that does not parse, or an expectation that failed. Plans are a developer's tool:
/// `message` is English, and the localised form only frames it with the line.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct PlanError {
    pub line: usize,
    pub message: String,
}

impl crate::i18n::Localize for PlanError {
    fn message(&self) -> crate::i18n::Message {
        crate::msg!("error-plan", line = self.line, problem = self.message.as_str())
    }
}

pub fn grade_from_key(s: &str) -> Option<Grade> {
    Some(match s {
        "excellent" => Grade::Excellent,
        "good" => Grade::Good,
        "pass" => Grade::Pass,
        "needs_work" | "fail" => Grade::Fail,
        _ => return None,
    })
}

impl Plan {
    pub fn parse(text: &str) -> Result<Plan, PlanError> {
        let mut plan = Plan { scenario: String::new(), role: None, seed: 0, timers: true, commands: Vec::new() };
        for (n, raw) in text.lines().enumerate() {
            let line = n + 1;
            let err = |message: String| PlanError { line, message };
            let content = raw.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                continue;
            }
            if let Some((key, value)) = content.split_once(':') {
                let value = value.trim();
                match key.trim() {
                    "scenario" => plan.scenario = value.to_string(),
                    "role" => plan.role = Some(value.to_string()),
                    "seed" => plan.seed = value.parse().map_err(|_| err(format!("seed must be a number, not '{value}'")))?,
                    "timers" => plan.timers = matches!(value, "on" | "true" | "yes"),
                    other => return Err(err(format!("unknown setting '{other}'"))),
                }
                continue;
            }
            let words: Vec<&str> = content.split_whitespace().collect();
            let num = |s: &str| s.parse::<f64>().map_err(|_| err(format!("'{s}' is not a number")));
            let int = |s: &str| s.parse::<i64>().map_err(|_| err(format!("'{s}' is not a whole number")));
            let command = match words.as_slice() {
                ["choose", id] => Command::Choose((*id).to_string()),
                ["timeout"] => Command::Timeout,
                ["elapse", ms] => Command::Elapse(int(ms)?.max(0) as u64),
                ["expect", "scene", id] => Command::Expect(Expectation::Scene((*id).to_string())),
                ["expect", "stuck", id] => Command::Expect(Expectation::Stuck((*id).to_string())),
                ["expect", "ending", id] => Command::Expect(Expectation::Ending((*id).to_string())),
                ["expect", "grade", g] => {
                    Command::Expect(Expectation::Grade(grade_from_key(g).ok_or_else(|| err(format!("unknown grade '{g}'")))?))
                }
                ["expect", "total", n] => Command::Expect(Expectation::Total(num(n)?)),
                ["expect", "score", id, n] => Command::Expect(Expectation::Score((*id).to_string(), num(n)?)),
                ["expect", "points", id, n] => Command::Expect(Expectation::Points((*id).to_string(), int(n)?)),
                ["expect", "meter", id, n] => Command::Expect(Expectation::Meter((*id).to_string(), int(n)?)),
                ["expect", "flag", id, v] => Command::Expect(Expectation::Flag((*id).to_string(), *v == "true")),
                ["expect", "offers", ids @ ..] => Command::Expect(Expectation::Offers(ids.iter().map(|s| (*s).to_string()).collect())),
                ["expect", "minutes", n] => Command::Expect(Expectation::Minutes(int(n)?.max(0) as u64)),
                ["expect", "red_lines", n] => Command::Expect(Expectation::RedLines(int(n)?.max(0) as usize)),
                _ => return Err(err(format!("cannot read '{content}'"))),
            };
            plan.commands.push((line, command));
        }
        if plan.scenario.is_empty() {
            return Err(PlanError { line: 1, message: "the plan names no scenario (scenario: PATH)".into() });
        }
        Ok(plan)
    }

    /// Runs the plan; returns every failed expectation (or the first engine error).
    pub fn run(&self, compiled: Arc<Compiled>, scoring: &Scoring) -> Result<Session, Vec<PlanError>> {
        let c = compiled.clone();
        let fail = |line: usize, message: String| vec![PlanError { line, message }];
        let (mut session, _) =
            Session::start(compiled, self.role.as_deref(), self.seed, self.timers).map_err(|e| fail(1, e.to_string()))?;
        let mut failures = Vec::new();
        for (line, command) in &self.commands {
            let line = *line;
            if let (Some(scene), Command::Choose(_) | Command::Timeout | Command::Elapse(_)) = (session.stuck(), command) {
                let id = &c.scenario.scenes[scene].id;
                return Err(fail(line, format!("the run is stuck in scene {id}: it offers no choice and has no timer")));
            }
            match command {
                Command::Choose(id) => {
                    session.choose(id).map_err(|e| fail(line, e.to_string()))?;
                }
                Command::Timeout => {
                    session.time_out().map_err(|e| fail(line, e.to_string()))?;
                }
                Command::Elapse(ms) => {
                    session.elapse(*ms).map_err(|e| fail(line, e.to_string()))?;
                }
                Command::Expect(x) => {
                    if let Some(message) = check(&c, &session, scoring, x) {
                        failures.push(PlanError { line, message });
                    }
                }
            }
        }
        if failures.is_empty() { Ok(session) } else { Err(failures) }
    }
}

fn check(c: &Compiled, session: &Session, scoring: &Scoring, x: &Expectation) -> Option<String> {
    let s = &c.scenario;
    let run = session.run();
    let scene = session.scene().map(|i| s.scenes[i].id.as_str()).unwrap_or("(ended)");
    let ending = session.ending().map(|e| s.endings[e].id.as_str()).unwrap_or("(none)");
    let total = scoring.total(&run.scores);
    let near = |a: f64, b: f64| (a - b).abs() < 0.05;
    match x {
        Expectation::Scene(id) => (scene != id).then(|| format!("expected scene {id}, at {scene}")),
        Expectation::Ending(id) => (ending != id).then(|| format!("expected ending {id}, got {ending}")),
        Expectation::Grade(g) => {
            let got = session.grade(scoring);
            (got != *g).then(|| format!("expected grade {g:?}, got {got:?} (total {total:.1})"))
        }
        Expectation::Total(n) => (!near(total, *n)).then(|| format!("expected total {n}, got {total:.1}")),
        Expectation::Score(id, n) => match c.competency_index(id) {
            None => Some(format!("no competency {id}")),
            Some(k) => {
                let got = scoring.normalised(k, run.scores[k]);
                (!near(got, *n)).then(|| format!("expected {id} score {n}, got {got:.1}"))
            }
        },
        Expectation::Points(id, n) => match c.competency_index(id) {
            None => Some(format!("no competency {id}")),
            Some(k) => (run.scores[k] != *n).then(|| format!("expected {id} points {n}, got {}", run.scores[k])),
        },
        Expectation::Meter(id, n) => match c.meter_index(id) {
            None => Some(format!("no meter {id}")),
            Some(i) => (run.meters[i] != *n).then(|| format!("expected meter {id} = {n}, got {}", run.meters[i])),
        },
        Expectation::Flag(id, v) => match c.flag_index(id) {
            None => Some(format!("no flag {id}")),
            Some(i) => (run.flags[i] != *v).then(|| format!("expected flag {id} = {v}, got {}", run.flags[i])),
        },
        Expectation::Offers(ids) => {
            let got: Vec<String> = session.offers().iter().map(|o| c.choice(o.choice).id.clone()).collect();
            (&got != ids).then(|| format!("expected offers {ids:?}, got {got:?}"))
        }
        Expectation::Stuck(id) => match session.stuck() {
            Some(i) if s.scenes[i].id == *id => None,
            Some(i) => Some(format!("expected to be stuck in {id}, stuck in {}", s.scenes[i].id)),
            None => Some(format!("expected to be stuck in {id}, at {scene}")),
        },
        Expectation::Minutes(n) => {
            let got = run.clock_ms / 60_000;
            (got != *n).then(|| format!("expected {n} story minutes, got {got}"))
        }
        Expectation::RedLines(n) => {
            let got = session.red_lines().len();
            (got != *n).then(|| format!("expected {n} red lines crossed, got {got}"))
        }
    }
}

/// Writes a plan that pins what a finished session did: every decision with the scene it led
/// to, then the ending, grade, total and each competency's score.
pub fn write(path_in_library: &str, session: &Session, scoring: &Scoring, title: &str) -> String {
    let c = session.compiled();
    let s = &c.scenario;
    let run = session.run();
    let mut out = format!("# {title}\nscenario: {path_in_library}\nrole: {}\nseed: {}\n", s.roles[run.role].id, session.seed());
    if !session.timers() {
        out.push_str("timers: off\n");
    }
    // Replay the decisions to record the scene each one leads to.
    let state = session.state();
    for (i, d) in state.decisions.iter().enumerate() {
        match &d.choice {
            Some(id) => out.push_str(&format!("choose {id}\n")),
            None => out.push_str("timeout\n"),
        }
        match state.decisions.get(i + 1) {
            Some(next) => out.push_str(&format!("expect scene {}\n", next.scene)),
            None => {
                if let Some(e) = session.ending() {
                    out.push_str(&format!("expect ending {}\n", s.endings[e].id));
                } else if let Some(scene) = session.stuck() {
                    out.push_str(&format!("expect stuck {}\n", s.scenes[scene].id));
                }
            }
        }
    }
    let total = scoring.total(&run.scores);
    let crossed = session.red_lines().len();
    if crossed > 0 {
        out.push_str(&format!("expect red_lines {crossed}\n"));
    }
    out.push_str(&format!("expect grade {}\n", super::score::grade_key(session.grade(scoring))));
    out.push_str(&format!("expect total {:.1}\n", super::score::round1(total)));
    for (k, comp) in s.competencies.iter().enumerate() {
        out.push_str(&format!("expect score {} {:.1}\n", comp.id, super::score::round1(scoring.normalised(k, run.scores[k]))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_settings_commands_and_comments() {
        let p = Plan::parse("# best\nscenario: a.ron\nrole: clerk\nseed: 9\ntimers: off\nchoose x  # why\ntimeout\nelapse 500\nexpect offers a b\nexpect grade needs_work\n").unwrap();
        assert_eq!(p.scenario, "a.ron");
        assert_eq!(p.role.as_deref(), Some("clerk"));
        assert_eq!((p.seed, p.timers), (9, false));
        assert_eq!(p.commands[0], (6, Command::Choose("x".into())));
        assert_eq!(p.commands[1].1, Command::Timeout);
        assert_eq!(p.commands[2].1, Command::Elapse(500));
        assert_eq!(p.commands[3].1, Command::Expect(Expectation::Offers(vec!["a".into(), "b".into()])));
        assert_eq!(p.commands[4].1, Command::Expect(Expectation::Grade(Grade::Fail)));
    }

    #[test]
    fn reports_the_line_of_a_bad_command() {
        let e = Plan::parse("scenario: a.ron\n\nexpect total lots\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(Plan::parse("choose x\n").is_err(), "a plan must name its scenario");
        assert_eq!(Plan::parse("scenario: a\nfly away\n").unwrap_err().line, 2);
    }
}
