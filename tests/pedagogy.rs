//! The library's teaching contract, measured on the shipped scenarios (issue 13): real dilemmas
//! in every scenario, a best option that does not give itself away by its length, two voices that
//! disagree, red lines, an instructor's note on every decision, and both durations. The table it
//! prints (`cargo test --test pedagogy -- --nocapture`) is the one README quotes.

use shapan::engine::Compiled;
use shapan::engine::analysis::analyse;
use shapan::engine::pedagogy::{Pedagogy, measure, percent};
use shapan::scenario::model::Scenario;
use shapan::scenario::{load_path, scenario_files};
use std::path::PathBuf;

fn library() -> Vec<(PathBuf, Scenario)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut out: Vec<(PathBuf, Scenario)> = scenario_files(&[root])
        .into_iter()
        .map(|p| {
            let l = load_path(&p);
            assert_eq!(l.error_count(), 0, "{}: {:?}", p.display(), l.diagnostics);
            (p, l.scenario.unwrap())
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn is_tutorial(s: &Scenario) -> bool {
    s.id == "water_rumour_quick"
}

fn table(rows: &[(String, Pedagogy)]) -> String {
    let mut out = String::from("scenario                     decisions dilemmas longest=best best-first voices-differ red-lines\n");
    for (id, p) in rows {
        let n = p.decision_scenes.len();
        out.push_str(&format!(
            "{id:<28} {n:>9} {:>7.0}% {:>11.0}% {:>9.0}% {:>13} {:>9}\n",
            percent(p.dilemmas.len(), n),
            percent(p.longest_is_best.len(), n),
            percent(p.best_listed_first.len(), n),
            p.voices_differ.len(),
            p.red_lines
        ));
    }
    out
}

#[test]
fn the_library_meets_its_teaching_contract() {
    let lib = library();
    let rows: Vec<(String, Pedagogy)> = lib.iter().map(|(_, s)| (s.id.clone(), measure(s))).collect();
    println!("{}", table(&rows));
    let mut problems = Vec::new();
    let (mut decisions, mut longest) = (0, 0);
    for ((_, s), (id, p)) in lib.iter().zip(&rows) {
        let n = p.decision_scenes.len();
        if p.red_lines == 0 {
            problems.push(format!("{id}: no red line"));
        }
        for &i in &p.without_note {
            problems.push(format!("{id}: decision scene {} has no instructor's note", s.scenes[i].id));
        }
        if s.class_minutes.is_none_or(|c| c <= s.minutes) {
            problems.push(format!("{id}: class_minutes missing or not above the solo minutes"));
        }
        if is_tutorial(s) {
            continue;
        }
        decisions += n;
        longest += p.longest_is_best.len();
        if percent(p.dilemmas.len(), n) < 60.0 {
            problems.push(format!("{id}: {} of {n} decision scenes are dilemmas, under 60%", p.dilemmas.len()));
        }
        if p.voices_differ.len() < 2 {
            problems.push(format!("{id}: the two voices disagree in {} scenes, fewer than 2", p.voices_differ.len()));
        }
    }
    let share = percent(longest, decisions);
    println!("library: the best option is the longest in {longest} of {decisions} decision scenes ({share:.0}%)");
    if share > 40.0 {
        problems.push(format!("library: the best option is the longest in {share:.0}% of decision scenes, over 40%"));
    }
    assert!(problems.is_empty(), "{}\n{problems:#?}", table(&rows));
}

#[test]
fn the_library_has_fifteen_scenarios_in_every_area_the_programme_names() {
    let lib = library();
    assert_eq!(lib.len(), 15, "{:?}", lib.iter().map(|(_, s)| &s.id).collect::<Vec<_>>());
    for id in [
        "inspection_week",
        "village_election",
        "workshop_before_new_year",
        "repeat_petitioner",
        "industrial_park_land",
        "norovirus_cluster",
    ] {
        assert!(lib.iter().any(|(_, s)| s.id == id), "{id} is missing");
    }
    let two_roles = lib.iter().filter(|(_, s)| s.roles.len() >= 2).count();
    assert!(two_roles >= 3, "{two_roles} scenarios with two roles");
}

/// `minutes` and `class_minutes` tell the truth: each is at least the upper end of what the
/// analyser estimates for the longer role (reading at about 300 characters a minute, deciding,
/// discussing in class) and not padded beyond half as much again.
#[test]
fn both_stated_durations_match_the_measured_estimate() {
    let mut problems = Vec::new();
    for (_, s) in library() {
        let id = s.id.clone();
        let (minutes, class) = (s.minutes, s.class_minutes.unwrap_or(0));
        let a = analyse(&Compiled::new(s), None);
        let solo = a.roles.iter().map(|r| r.duration.solo_minutes.1).max().unwrap_or(0);
        let room = a.roles.iter().map(|r| r.duration.class_minutes.1).max().unwrap_or(0);
        println!("{id:<28} alone {minutes:>3} (measured up to {solo:>3})   class {class:>3} (measured up to {room:>3})");
        for (what, stated, measured) in [("minutes", minutes, solo), ("class_minutes", class, room)] {
            if stated < measured || f64::from(stated) > f64::from(measured) * 1.5 + 5.0 {
                problems.push(format!("{id}: {what} {stated}, measured up to {measured}"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
