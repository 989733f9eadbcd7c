//! CSV exports of the records, for Excel and WPS: UTF-8 with a byte-order mark (without it both
//! show Chinese as mojibake), one row per run or one per decision.

use super::{Records, RecordsError};
use std::fmt::Write;

/// Quotes a field when it needs it (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

fn row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "{}\r", cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
}

/// One row per run: who, what, how it ended, and a column per competency scored in any run.
pub fn runs_csv(r: &Records) -> Result<String, RecordsError> {
    let runs = r.list()?;
    let mut details = Vec::new();
    let mut competencies: Vec<String> = Vec::new();
    for run in runs.iter().rev() {
        let d = r.show(run.id)?.ok_or_else(|| RecordsError::Sql(format!("run {} vanished", run.id)))?;
        for s in &d.scores {
            if !competencies.contains(&s.competency) {
                competencies.push(s.competency.clone());
            }
        }
        details.push(d);
    }
    let mut out = String::from("\u{feff}");
    let mut head: Vec<String> = [
        "id",
        "scenario",
        "trainee",
        "group",
        "mode",
        "role",
        "language",
        "seed",
        "started",
        "ended",
        "complete",
        "ending",
        "grade",
        "total",
        "decisions",
        "red_lines",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    head.extend(competencies.iter().map(|c| format!("score:{c}")));
    row(&mut out, &head);
    for d in details {
        let mut cells = vec![
            d.run.id.to_string(),
            d.run.scenario.clone(),
            d.run.trainee.clone(),
            d.run.group.clone(),
            d.run.mode.clone(),
            d.role.clone(),
            d.language.clone(),
            d.seed.to_string(),
            d.run.started.clone(),
            d.ended.clone().unwrap_or_default(),
            d.run.complete.to_string(),
            d.run.ending.clone().unwrap_or_default(),
            d.run.grade.clone().unwrap_or_default(),
            d.run.total.map(|t| format!("{t:.1}")).unwrap_or_default(),
            d.run.decisions.to_string(),
            // Each red line crossed, as scene/choice (scene/- when the timer ran out).
            d.red_lines.iter().map(|r| format!("{}/{}", r.scene, r.choice.as_deref().unwrap_or("-"))).collect::<Vec<_>>().join(" "),
        ];
        cells.extend(
            competencies
                .iter()
                .map(|c| d.scores.iter().find(|s| &s.competency == c).map(|s| format!("{:.1}", s.score)).unwrap_or_default()),
        );
        row(&mut out, &cells);
    }
    Ok(out)
}

/// One row per decision.
pub fn decisions_csv(r: &Records) -> Result<String, RecordsError> {
    let runs = r.list()?;
    let mut out = String::from("\u{feff}");
    row(&mut out, &["session", "scenario", "trainee", "group", "seq", "scene", "choice", "ms", "votes"].map(String::from));
    for d in r.decisions(None)? {
        let run = runs.iter().find(|x| x.id == d.session);
        row(
            &mut out,
            &[
                d.session.to_string(),
                run.map(|x| x.scenario.clone()).unwrap_or_default(),
                run.map(|x| x.trainee.clone()).unwrap_or_default(),
                run.map(|x| x.group.clone()).unwrap_or_default(),
                (d.seq + 1).to_string(),
                d.scene.clone(),
                d.choice.clone().unwrap_or_else(|| "(timeout)".into()),
                d.ms.to_string(),
                d.votes.map(|v| v.to_string()).unwrap_or_default(),
            ],
        );
    }
    Ok(out)
}
