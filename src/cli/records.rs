//! `shapan records`: what the results database holds.

use super::{EXIT_ERRORS, RecordsArgs, RecordsCommand};
use crate::lang::Lang;
use crate::records::{Records, data_dir, export};
use crate::t;
use std::io::Write;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

/// Pads to a display width (a Chinese character takes two columns).
fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

pub fn run(args: &RecordsArgs, lang: Lang, data: Option<&std::path::Path>) -> ExitCode {
    let records = match Records::open(&data_dir(data)) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}", t!(lang, "records-cannot-open", error = e.to_string()));
            return ExitCode::from(EXIT_ERRORS);
        }
    };
    match &args.command {
        RecordsCommand::List { json } => {
            let rows = match records.list() {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(EXIT_ERRORS);
                }
            };
            // A closed pipe (`| head`) ends the listing quietly.
            let mut out = std::io::stdout().lock();
            if *json {
                let _ = writeln!(out, "{}", serde_json::to_string_pretty(&rows).unwrap_or_default());
            } else {
                let head = [
                    "records-column-id",
                    "records-column-started",
                    "records-column-scenario",
                    "records-column-trainee",
                    "records-column-group",
                    "records-column-ending",
                    "records-column-total",
                ]
                .map(|key| t!(lang, key));
                let widths = [5, 21, 24, 10, 10, 20, 6];
                let line = |cells: [&str; 7]| cells.iter().zip(widths).map(|(c, w)| pad(c, w)).collect::<Vec<_>>().join(" ");
                let _ = writeln!(out, "{}", line(head.each_ref().map(String::as_str)).trim_end());
                for r in rows {
                    let ending = r.ending.clone().unwrap_or_else(|| t!(lang, "records-not-finished"));
                    let total = r.total.map_or_else(|| "-".to_string(), |t| format!("{t:.1}"));
                    let id = r.id.to_string();
                    let _ = writeln!(out, "{}", line([&id, &r.started, &r.scenario, &r.trainee, &r.group, &ending, &total]).trim_end());
                }
            }
            ExitCode::SUCCESS
        }
        RecordsCommand::Show { id, json } => match records.show(*id) {
            Ok(Some(d)) => {
                let mut out = std::io::stdout().lock();
                if *json {
                    let _ = writeln!(out, "{}", serde_json::to_string_pretty(&d).unwrap_or_default());
                } else {
                    let who = if d.run.mode == "class" && d.run.trainee.is_empty() {
                        t!(lang, "records-whole-class")
                    } else {
                        d.run.trainee.clone()
                    };
                    let _ = writeln!(out, "#{} {} · {who} · {} · {}", d.run.id, d.run.scenario, d.run.group, d.role);
                    for r in &d.red_lines {
                        let choice = r.choice.clone().unwrap_or_else(|| t!(lang, "records-timeout"));
                        let _ = writeln!(out, "  ⛔ {}", t!(lang, "records-red-line", scene = r.scene.as_str(), choice = choice));
                    }
                    for (i, dec) in d.decisions.iter().enumerate() {
                        let choice = dec.choice.clone().unwrap_or_else(|| t!(lang, "records-timeout"));
                        let _ = writeln!(out, "{:>3}. {} → {choice} ({:.0} s)", i + 1, dec.scene, dec.ms as f64 / 1000.0);
                        if let Some(v) = dec.votes.clone().and_then(|v| serde_json::from_value::<crate::engine::vote::Vote>(v).ok()) {
                            let _ =
                                writeln!(out, "     {}", t!(lang, "records-class-vote", summary = crate::present::vote::summary(&v, lang)));
                        }
                        if let Some(p) = &dec.prediction {
                            let _ = writeln!(out, "     {}", crate::present::predict::line(&p.prediction, &p.outcomes, lang));
                        }
                    }
                    if d.predictions.taken > 0 {
                        let (taken, right) = (d.predictions.taken, d.predictions.right);
                        let _ = writeln!(out, "  {}", t!(lang, "report-predictions-tally", taken = taken, right = right));
                    }
                    for s in &d.scores {
                        let _ = writeln!(out, "  {} {:.1}", s.competency, s.score);
                    }
                    if let (Some(e), Some(t)) = (&d.run.ending, d.run.total) {
                        let _ = writeln!(out, "{}", t!(lang, "records-ending", ending = e, total = format!("{t:.1}")));
                    }
                }
                ExitCode::SUCCESS
            }
            Ok(None) => {
                eprintln!("{}", t!(lang, "records-no-such-run", id = id.to_string()));
                ExitCode::from(EXIT_ERRORS)
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(EXIT_ERRORS)
            }
        },
        RecordsCommand::Html { id, out } => match printable(&records, *id, lang) {
            Ok(page) => match std::fs::write(out, page) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{}: {e}", out.display());
                    ExitCode::from(EXIT_ERRORS)
                }
            },
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(EXIT_ERRORS)
            }
        },
        RecordsCommand::Export { csv, decisions } => {
            let text = if *decisions { export::decisions_csv(&records) } else { export::runs_csv(&records) };
            match text.map_err(|e| e.to_string()).and_then(|t| std::fs::write(csv, t).map_err(|e| format!("{}: {e}", csv.display()))) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{e}");
                    ExitCode::from(EXIT_ERRORS)
                }
            }
        }
    }
}

/// Rebuilds a recorded run's debrief from its saved state and renders it as a page.
fn printable(records: &Records, id: i64, lang: Lang) -> Result<String, String> {
    use crate::engine::debrief::Debrief;
    use crate::engine::score::Scoring;
    use crate::engine::transcript::Transcript;
    let (path, state) =
        records.state(id).map_err(|e| e.to_string())?.ok_or_else(|| t!(lang, "records-no-such-run", id = id.to_string()))?;
    let loaded = crate::scenario::load_path(std::path::Path::new(&path));
    let scenario = loaded.playable().cloned().ok_or_else(|| t!(lang, "records-scenario-gone", path = path.as_str()))?;
    let compiled = std::sync::Arc::new(crate::engine::Compiled::new(scenario));
    let scoring = Scoring::for_role(&compiled, Some(&state.role)).unwrap_or_else(|_| Scoring::approximate(&compiled));
    let transcript = Transcript::of(&state, matches!(state.position, crate::engine::state::Position::Ended(_)));
    let mut debrief = Debrief::build(&compiled, &transcript, &scoring).map_err(|e| e.to_string())?;
    // A class's votes beside each decision.
    for (step, d) in debrief.path.iter_mut().zip(records.decisions(Some(id)).map_err(|e| e.to_string())?) {
        step.vote = d.votes.and_then(|v| serde_json::from_value(v).ok());
    }
    let run = records.show(id).map_err(|e| e.to_string())?.map(|d| d.run);
    let who = run.map(|r| [r.trainee, r.group].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")).unwrap_or_default();
    let view = crate::present::debrief::DebriefView::new(&debrief, &compiled, lang);
    Ok(crate::present::html::debrief_page(&view, &who))
}
