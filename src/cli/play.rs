//! `shapan play`: plays a scenario in the terminal, interactively (one line per decision, from a
//! terminal or a pipe) or unattended (`--choices`, `--policy`), then shows the debrief.

use super::show::{self, Screen};
use super::{EXIT_ERRORS, PlayArgs, Policy};
use crate::engine::debrief::Debrief;
use crate::engine::explore::{Aim, Explorer};
use crate::engine::rng::Draw;
use crate::engine::score::Scoring;
use crate::engine::score::grade_key;
use crate::engine::transcript::Transcript;
use crate::engine::{Compiled, EngineError, Event, Session};
use crate::i18n::Localize;
use crate::lang::Lang;
use crate::present::debrief::DebriefView;
use crate::records::{Records, RedLineRow, RunInfo, data_dir};
use crate::scenario::load_path;
use crate::scenario::render::render;
use crate::t;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Exit status when `--choices` (or standard input) runs out before an ending.
pub const EXIT_INCOMPLETE: u8 = 3;

/// What decides at each step.
enum Driver {
    Script(Vec<String>, usize),
    Policy(Policy, Box<Draw>),
    Stdin(mpsc::Receiver<String>),
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("{msg}");
    ExitCode::from(EXIT_ERRORS)
}

pub fn run(args: &PlayArgs, lang: Lang, data: Option<&std::path::Path>) -> ExitCode {
    // An author trying a scenario with --choices, --policy or --replay must not fill the class's
    // records; interactive play (a trainee at the terminal) is recorded, and so is anything with --record.
    // Resuming continues a run that is recorded already, however it is driven.
    let unattended = !args.resume && (args.replay.is_some() || args.policy.is_some() || !args.choices.is_empty());
    let mut records = if unattended && !args.record {
        None
    } else {
        match Records::open(&data_dir(data)) {
            Ok(r) => Some(r),
            Err(e) => return fail(&t!(lang, "records-cannot-open", error = e.to_string())),
        }
    };
    let resumed = if args.resume {
        match records.as_ref().map(Records::latest_interrupted) {
            Some(Ok(Some(x))) => Some(x),
            Some(Ok(None)) => return fail(&t!(lang, "play-no-interrupted")),
            Some(Err(e)) => return fail(&e.to_string()),
            None => None,
        }
    } else {
        None
    };
    let file = match (&resumed, &args.file) {
        (Some(u), _) => PathBuf::from(&u.path),
        (None, Some(f)) => f.clone(),
        (None, None) => return fail("no scenario file"),
    };
    let loaded = load_path(&file);
    let name = file.display().to_string();
    if loaded.error_count() > 0 {
        let lines = loaded.line_index();
        for d in loaded.diagnostics.iter().filter(|d| d.is_error()) {
            eprint!("{}", render(d, &name, &lines, lang));
        }
        return fail(&crate::scenario::render::summary(&name, loaded.error_count(), loaded.warning_count(), lang));
    }
    let Some(scenario) = loaded.scenario else { return fail("no scenario") };
    let compiled = Arc::new(Compiled::new(scenario));
    let out = std::io::stdout();
    let mut out = out.lock();

    // Exploring a large scenario takes a moment: do it at most once per run.
    let mut scoring: Option<Scoring> = None;
    let mut run_id: Option<i64> = None;
    let (session, transcript_complete) = if let Some(path) = &args.replay {
        let transcript: Transcript = match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(t) => t,
            Err(e) => return fail(&format!("{}: {e}", path.display())),
        };
        match transcript.replay(compiled.clone(), |_, _| {}) {
            Ok(s) => {
                if let Some(r) = records.as_mut() {
                    match record_replay(r, &run_info(args, &file, lang), &s) {
                        Ok(id) => run_id = Some(id),
                        Err(e) => return fail(&e.to_string()),
                    }
                }
                (s, transcript.complete)
            }
            Err(e) => return fail(&t!(lang, "play-cannot-replay", error = e.to_string())),
        }
    } else {
        let seed = args.seed.unwrap_or_else(crate::engine::rng::fresh_seed);
        if args.seed.is_none() && !args.json {
            // As text: a seed is a u64, which a Fluent number (an f64) would round.
            eprintln!("{}", t!(lang, "play-seed", seed = seed.to_string()));
        }
        let started = match &resumed {
            Some(u) => Session::resume(compiled.clone(), &u.state).map(|s| {
                eprintln!("{}", t!(lang, "play-resuming", id = u.id.to_string()));
                (s, Vec::new())
            }),
            None => Session::start(compiled.clone(), args.role.as_deref(), seed, !args.no_timer),
        };
        let (mut session, events) = match started {
            Ok(x) => x,
            Err(EngineError::UnknownRole(r)) => {
                let roles: Vec<&str> = compiled.scenario.roles.iter().map(|r| r.id.as_str()).collect();
                return fail(&t!(lang, "play-no-role", role = r, roles = roles.join(", ")));
            }
            Err(e) => return fail(&e.to_string()),
        };
        run_id = match (&resumed, records.as_ref()) {
            (Some(u), _) => Some(u.id),
            (None, Some(r)) => match r.start(&run_info(args, &file, lang), &session.state()) {
                Ok(id) => Some(id),
                Err(e) => return fail(&e.to_string()),
            },
            (None, None) => None,
        };
        let mut recorded = session.run().decisions.len();
        let quiet = args.json;
        let mut screen = Screen::new(&compiled, lang);
        let mut driver = if !args.choices.is_empty() {
            Driver::Script(args.choices.clone(), 0)
        } else if let Some(p) = args.policy {
            Driver::Policy(p, Box::new(Draw::new(seed ^ 0x5eed)))
        } else {
            Driver::Stdin(stdin_lines())
        };
        let needs_explorer = matches!(driver, Driver::Policy(Policy::Best | Policy::Worst, _));
        if needs_explorer {
            scoring = Some(scoring_for(&compiled, &session, lang));
        }
        let mut explorer = scoring.as_ref().map(|s| s.explorer(&compiled));
        if !quiet {
            let _ = write!(out, "{}", screen.intro(&session));
            let _ = write!(out, "{}", screen.events(&session, &events));
        }
        let complete = loop {
            if session.is_over() {
                break true;
            }
            if !quiet {
                let _ = write!(out, "{}", screen.scene(&session));
                let _ = out.flush();
            }
            let step = decide(&mut driver, &mut session, explorer.as_mut(), lang, &mut out, quiet);
            match step {
                Step::Events(events) => {
                    // Saved before anything is shown: a crash now loses nothing already decided.
                    if let (Some(r), Some(id)) = (records.as_mut(), run_id) {
                        let state = session.state();
                        for (seq, d) in state.decisions.iter().enumerate().skip(recorded) {
                            if let Err(e) = r.decision(id, seq, d, None, &state) {
                                return fail(&e.to_string());
                            }
                        }
                        recorded = state.decisions.len();
                    }
                    if !quiet {
                        let _ = write!(out, "{}", screen.events(&session, &events));
                    }
                    // A dead end: what was decided is kept, and the run stops before an ending.
                    if matches!(events.last(), Some(Event::Stuck { .. })) {
                        if quiet {
                            eprintln!("{}", crate::t!(lang, "error-engine-stuck-event"));
                        }
                        break false;
                    }
                }
                Step::Invalid(msg) => {
                    if let Some(path) = &args.transcript {
                        write_transcript(path, &session, false);
                    }
                    return fail(&msg);
                }
                Step::OutOfInput => {
                    let _ = writeln!(out);
                    let _ = out.flush();
                    eprintln!("{}", t!(lang, "play-out-of-input"));
                    break false;
                }
            }
        };
        (session, complete)
    };

    if let Some(path) = &args.transcript {
        write_transcript(path, &session, session.is_over());
    }
    let transcript = Transcript::of(&session.state(), session.is_over());
    let scoring = scoring.unwrap_or_else(|| scoring_for(&compiled, &session, lang));
    if let Some(path) = &args.write_plan {
        let shown = file.to_string_lossy().replace('\\', "/");
        let in_library = shown.rsplit_once("scenarios/").map_or(shown.as_str(), |(_, rest)| rest);
        let how = match (args.policy, args.choices.is_empty()) {
            (Some(p), _) => format!("{p:?}").to_lowercase(),
            (None, false) => "scripted".to_string(),
            (None, true) => "interactive".to_string(),
        };
        let text = crate::engine::plan::write(in_library, &session, &scoring, &format!("{} ({how} play)", compiled.scenario.id));
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("{}: {e}", path.display());
        }
    }
    let debrief = match Debrief::build(&compiled, &transcript, &scoring) {
        Ok(d) => DebriefView::new(&d, &compiled, lang),
        Err(e) => return fail(&e.message().render(lang)),
    };
    if let (Some(r), Some(id), Some(ending)) = (records.as_mut(), run_id, debrief.ending.as_ref()) {
        let scores: Vec<(String, i64, f64)> = debrief.competencies.iter().map(|k| (k.id.clone(), k.raw, k.score)).collect();
        let red_lines: Vec<RedLineRow> =
            debrief.red_lines.iter().map(|x| RedLineRow { scene: x.scene.clone(), choice: x.choice.clone() }).collect();
        if let Err(e) = r.finish(id, Some(&ending.id), grade_key(debrief.grade), debrief.total, &scores, &red_lines) {
            eprintln!("{e}");
        }
    }
    if args.json {
        let _ = writeln!(out, "{}", serde_json::to_string_pretty(&show::debrief_json(&debrief)).unwrap_or_default());
    } else {
        let _ = write!(out, "{}", show::debrief_text(&debrief, lang));
    }
    let _ = out.flush();
    if session.is_over() && transcript_complete { ExitCode::SUCCESS } else { ExitCode::from(EXIT_INCOMPLETE) }
}

fn run_info(args: &PlayArgs, file: &std::path::Path, lang: Lang) -> RunInfo {
    RunInfo {
        scenario_path: file.display().to_string(),
        trainee: args.trainee.clone(),
        group: args.group.clone(),
        language: lang.code().to_string(),
        mode: "solo".into(),
    }
}

/// Records a replayed run with all its decisions (`--replay … --record`); finished like any other.
fn record_replay(r: &mut Records, info: &RunInfo, session: &Session) -> Result<i64, crate::records::RecordsError> {
    let state = session.state();
    let id = r.start(info, &state)?;
    for (seq, d) in state.decisions.iter().enumerate() {
        r.decision(id, seq, d, None, &state)?;
    }
    Ok(id)
}

fn scoring_for(c: &Compiled, session: &Session, lang: Lang) -> Scoring {
    let role = &c.scenario.roles[session.run().role].id;
    Scoring::for_role(c, Some(role)).unwrap_or_else(|e| {
        eprintln!("{}", t!(lang, "play-approximate", error = e.to_string()));
        Scoring::approximate(c)
    })
}

fn write_transcript(path: &std::path::Path, session: &Session, complete: bool) {
    let t = Transcript::of(&session.state(), complete);
    let text = serde_json::to_string_pretty(&t).unwrap_or_default();
    if let Err(e) = std::fs::write(path, text + "\n") {
        eprintln!("{}: {e}", path.display());
    }
}

/// Lines from standard input on a thread, so a countdown can run while waiting.
fn stdin_lines() -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        for line in stdin.lock().lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

enum Step {
    Events(Vec<Event>),
    Invalid(String),
    OutOfInput,
}

/// Resolves one typed answer (a number as shown: the n-th option that can be taken, in the order
/// shown; a choice id; or `t` for silence).
fn resolve(session: &Session, answer: &str) -> Result<Option<usize>, String> {
    let c = session.compiled();
    let live: Vec<usize> = session.offers().iter().filter(|o| o.enabled).map(|o| o.choice).collect();
    let answer = answer.trim();
    if matches!(answer, "t" | "timeout" | "超时") {
        return Ok(None);
    }
    let ix = if let Ok(n) = answer.parse::<usize>() {
        live.get(n.wrapping_sub(1)).copied().ok_or_else(|| format!("“{n}”（1..{}）", live.len()))?
    } else {
        c.choice_index(answer).ok_or_else(|| format!("“{answer}”"))?
    };
    Ok(Some(ix))
}

fn apply(session: &mut Session, action: Option<usize>, ms: u64) -> Result<Vec<Event>, EngineError> {
    let before = session.run().decisions.len();
    let mut events = session.elapse(ms)?;
    if session.run().decisions.len() > before {
        return Ok(events);
    }
    events.extend(match action {
        Some(ix) => session.choose_index(ix)?,
        None => session.time_out()?,
    });
    Ok(events)
}

/// Why a decision was refused, in the interface language.
fn refusal(session: &Session, e: &EngineError, lang: Lang) -> String {
    Screen::new(session.compiled(), lang).refusal(e, session.run())
}

fn decide(
    driver: &mut Driver,
    session: &mut Session,
    explorer: Option<&mut Explorer>,
    lang: Lang,
    out: &mut impl Write,
    quiet: bool,
) -> Step {
    let invalid = |what: String| Step::Invalid(t!(lang, "play-invalid", reason = what));
    match driver {
        Driver::Script(list, next) => {
            let Some(answer) = list.get(*next).cloned() else { return Step::OutOfInput };
            *next += 1;
            let action = match resolve(session, &answer) {
                Ok(a) => a,
                Err(e) => return invalid(e),
            };
            if !quiet {
                let _ = writeln!(out, "> {answer}");
            }
            apply(session, action, 0).map_or_else(|e| invalid(refusal(session, &e, lang)), Step::Events)
        }
        Driver::Policy(policy, draw) => {
            let open: Vec<Option<usize>> = crate::engine::explore::actions(session.compiled(), session.run());
            let action = match policy {
                // First as shown to the trainee, not as the author listed it.
                Policy::First => session.offers().iter().find(|o| o.enabled).map(|o| Some(o.choice)).or(open.first().copied()),
                Policy::Random => (!open.is_empty()).then(|| open[draw.below(open.len() as u64) as usize]),
                Policy::Best | Policy::Worst => {
                    let aim = if matches!(policy, Policy::Best) { Aim::Best } else { Aim::Worst };
                    explorer.and_then(|e| e.pick(aim, session.run())).or(open.first().copied())
                }
            };
            let Some(action) = action else { return Step::Invalid(EngineError::Stuck.message().render(lang)) };
            if !quiet {
                let label = action.map_or_else(|| "t".to_string(), |ix| session.compiled().choice(ix).id.clone());
                let _ = writeln!(out, "> {label}");
            }
            apply(session, action, 0).map_or_else(|e| Step::Invalid(e.message().render(lang)), Step::Events)
        }
        Driver::Stdin(rx) => loop {
            let started = Instant::now();
            let deadline = session.time_left_ms().map(|ms| started + Duration::from_millis(ms));
            let tty = std::io::stderr().is_terminal();
            let line = loop {
                let wait = match deadline {
                    Some(d) => d.saturating_duration_since(Instant::now()).min(Duration::from_secs(1)),
                    None => Duration::from_secs(3600),
                };
                match rx.recv_timeout(wait) {
                    Ok(line) => break Some(line),
                    Err(mpsc::RecvTimeoutError::Disconnected) => return Step::OutOfInput,
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        if let Some(d) = deadline {
                            let left = d.saturating_duration_since(Instant::now()).as_secs();
                            if tty {
                                eprint!("\r{}  ", t!(lang, "play-countdown", left = format!("{left:>3}")));
                            }
                            if Instant::now() >= d {
                                break None;
                            }
                        }
                    }
                }
            };
            if tty && deadline.is_some() {
                eprint!("\r{}\r", " ".repeat(24));
            }
            let ms = started.elapsed().as_millis() as u64;
            let Some(line) = line else {
                let _ = writeln!(out, "{}", t!(lang, "play-time-is-up"));
                return apply(session, None, ms).map_or_else(|e| Step::Invalid(e.message().render(lang)), Step::Events);
            };
            if line.trim().is_empty() {
                continue;
            }
            match resolve(session, &line) {
                Ok(action) => match apply(session, action, ms) {
                    Ok(events) => return Step::Events(events),
                    Err(e) => {
                        let why = refusal(session, &e, lang);
                        let _ = writeln!(out, "{}", t!(lang, "play-try-again", reason = why));
                    }
                },
                Err(e) => {
                    // The time spent typing still counts, and may run the timer out.
                    let before = session.run().decisions.len();
                    match session.elapse(ms) {
                        Ok(events) if session.run().decisions.len() > before => return Step::Events(events),
                        Ok(_) => {
                            let _ = writeln!(out, "{}", t!(lang, "play-try-again", reason = e));
                        }
                        Err(e) => return Step::Invalid(e.message().render(lang)),
                    }
                }
            }
            let _ = out.flush();
        },
    }
}
