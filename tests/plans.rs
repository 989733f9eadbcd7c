//! Golden playthrough plans: every plan in tests/plans/ runs and meets its expectations; every
//! shipped scenario has a best and a worst plan, the best scoring higher; every ending is
//! reached by some plan.

use shapan::engine::Compiled;
use shapan::engine::plan::{Command, Expectation, Plan};
use shapan::engine::score::Scoring;
use shapan::scenario::{load_path, scenario_files};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn plans() -> Vec<(PathBuf, Plan)> {
    let mut out: Vec<(PathBuf, Plan)> = std::fs::read_dir(root().join("tests/plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "plan"))
        .map(|p| {
            let plan = Plan::parse(&std::fs::read_to_string(&p).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, plan)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn compiled(rel: &str) -> Arc<Compiled> {
    let l = load_path(&root().join("scenarios").join(rel));
    assert_eq!(l.error_count(), 0, "{rel}: {:?}", l.diagnostics);
    Arc::new(Compiled::new(l.scenario.unwrap()))
}

type Results = (BTreeMap<String, BTreeSet<String>>, BTreeMap<PathBuf, f64>);

/// Runs every plan once per test process (exploring a large scenario takes a while).
fn run_all() -> Results {
    static ONCE: std::sync::OnceLock<Results> = std::sync::OnceLock::new();
    ONCE.get_or_init(run_plans).clone()
}

/// Runs every plan; returns, per scenario id, the endings reached and each plan's total.
fn run_plans() -> Results {
    let mut scorings: BTreeMap<(String, Option<String>), Scoring> = BTreeMap::new();
    let mut reached: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut totals = BTreeMap::new();
    let mut failures = Vec::new();
    for (path, plan) in plans() {
        let c = compiled(&plan.scenario);
        let scoring = scorings
            .entry((plan.scenario.clone(), plan.role.clone()))
            .or_insert_with(|| Scoring::for_role(&c, plan.role.as_deref()).unwrap());
        match plan.run(c.clone(), scoring) {
            Ok(session) => {
                if let Some(e) = session.ending() {
                    reached.entry(c.scenario.id.clone()).or_default().insert(c.scenario.endings[e].id.clone());
                }
                totals.insert(path.clone(), scoring.total(&session.run().scores));
            }
            Err(errors) => {
                failures.push(format!("{}: {}", path.display(), errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; ")))
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    (reached, totals)
}

#[test]
fn every_plan_meets_its_expectations() {
    let (_, totals) = run_all();
    assert!(!totals.is_empty());
}

#[test]
fn every_scenario_has_best_and_worst_plans_and_every_ending_is_reached() {
    let (reached, totals) = run_all();
    let dir = root().join("tests/plans");
    for file in scenario_files(&[root().join("scenarios")]) {
        let l = load_path(&file);
        let s = l.scenario.unwrap();
        let best = dir.join(format!("{}.best.plan", s.id));
        let worst = dir.join(format!("{}.worst.plan", s.id));
        assert!(best.exists() && worst.exists(), "{}: needs {} and {}", s.id, best.display(), worst.display());
        assert!(totals[&best] > totals[&worst], "{}: the best plan must score higher than the worst", s.id);
        for e in &s.endings {
            assert!(reached.get(&s.id).is_some_and(|r| r.contains(&e.id)), "{}: no plan reaches ending {}", s.id, e.id);
        }
    }
}

#[test]
fn plans_state_an_ending_and_a_grade() {
    for (path, plan) in plans() {
        let has = |f: &dyn Fn(&Expectation) -> bool| plan.commands.iter().any(|(_, c)| matches!(c, Command::Expect(x) if f(x)));
        assert!(has(&|x| matches!(x, Expectation::Ending(_))), "{}: no `expect ending`", path.display());
        assert!(has(&|x| matches!(x, Expectation::Grade(_))), "{}: no `expect grade`", path.display());
    }
    let _ = Path::new("");
}
