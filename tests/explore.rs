//! The explorer against its oracle: on every shipped scenario and role, and on random generated
//! scenarios, the shared abstract-state explorer gives exactly the ranges and the best and worst
//! values of the first, exact-value explorer (`explore::reference`), at the start and at every
//! decision along random roads (what the debrief and `--policy` read).

use proptest::prelude::*;
use shapan::engine::explore::{Aim, ExploreError, Explorer, actions, reference};
use shapan::engine::rng::Draw;
use shapan::engine::score::Scoring;
use shapan::engine::{Compiled, Session};
use shapan::scenario::load::load_str;
use shapan::scenario::{load_path, scenario_files};
use std::path::Path;
use std::sync::Arc;

fn library() -> Vec<Arc<Compiled>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    scenario_files(&[root]).iter().filter_map(|f| load_path(f).playable().cloned()).map(|s| Arc::new(Compiled::new(s))).collect()
}

/// Compares both explorers for every role: ranges, then the best and worst values of every open
/// decision at the start and along `roads` random roads. Returns how many decisions were compared.
fn compare(c: &Arc<Compiled>, roads: u64) -> usize {
    let mut compared = 0;
    let mut stale = 0;
    for role in &c.scenario.roles {
        let (start, _) = Session::start(c.clone(), Some(&role.id), 1, false).unwrap();
        let mut old = reference::Explorer::new(c);
        let mut new = Explorer::new(c);
        let mut precise = Explorer::precise(c);
        let (a, b) = (old.ranges(start.run()), new.ranges(start.run()));
        assert_eq!(b, precise.ranges(start.run()), "{} as {}: ranges, roads told apart by ending", c.scenario.id, role.id);
        // Exact values can outgrow the reference's memo where the abstraction stays small (a
        // meter with many values that conditions read at a few thresholds): beyond the oracle.
        if a == Err(ExploreError::TooLarge) && b.is_ok() {
            println!("{} as {}: beyond the reference ({} exact states)", c.scenario.id, role.id, old.states());
            BEYOND.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            continue;
        }
        assert_eq!(a, b, "{} as {}: ranges", c.scenario.id, role.id);
        let Ok(ranges) = a else { continue };
        let weights = Scoring { ranges, weights: c.scenario.competencies.iter().map(|k| k.weight).collect() }.point_values();
        old.set_weights(weights.clone());
        new.set_weights(weights.clone());
        precise.set_weights(weights.clone());
        let mut pick = Draw::new(7);
        for seed in 0..roads {
            let (mut s, _) = Session::start(c.clone(), Some(&role.id), seed, false).unwrap();
            while !s.is_over() {
                for aim in [Aim::Best, Aim::Worst] {
                    let (mut x, y) = (old.evaluate(aim, s.run()), new.evaluate(aim, s.run()));
                    if x != y {
                        // The reference's memo can carry a value into a state it does not fit
                        // when it is reused along many roads; a fresh one is the oracle.
                        let mut fresh = reference::Explorer::new(c);
                        fresh.set_weights(weights.clone());
                        x = fresh.evaluate(aim, s.run());
                        stale += 1;
                    }
                    assert_eq!(x, y, "{} as {}, seed {seed}, {aim:?} at {:?}", c.scenario.id, role.id, s.scene());
                    assert_eq!(x, precise.evaluate(aim, s.run()), "{} as {}, precise, seed {seed}", c.scenario.id, role.id);
                    compared += 1;
                }
                let open = actions(c, s.run());
                let r = match open[pick.below(open.len() as u64) as usize] {
                    Some(ix) => s.choose_index(ix),
                    None => s.time_out(),
                };
                r.unwrap();
            }
        }
    }
    assert!(stale * 10 <= compared.max(10), "{}: the reused reference went stale {stale} times in {compared}", c.scenario.id);
    compared
}

/// Roles whose exact state space the reference cannot hold.
static BEYOND: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

#[test]
fn every_shipped_scenario_explores_exactly_as_the_reference_does() {
    let lib = library();
    assert!(lib.len() >= 9);
    let mut total = 0;
    for c in &lib {
        let before = BEYOND.load(std::sync::atomic::Ordering::Relaxed);
        let n = compare(c, 12);
        let beyond = BEYOND.load(std::sync::atomic::Ordering::Relaxed) > before;
        assert!(n > 0 || beyond, "{}: nothing compared", c.scenario.id);
        total += n;
    }
    assert!(total > 500, "compared {total} decisions");
    let beyond = BEYOND.load(std::sync::atomic::Ordering::Relaxed);
    // The generated scenarios below keep checking the explorer against the reference everywhere.
    let roles: usize = lib.iter().map(|c| c.scenario.roles.len()).sum();
    assert!(beyond * 5 <= roles, "{beyond} of {roles} roles beyond the reference: the oracle no longer checks the library");
}

#[test]
fn the_graph_is_found_once_and_shared_by_every_pass() {
    let lib = library();
    let c = lib.iter().find(|c| c.scenario.id == "viral_video").unwrap();
    let (s, _) = Session::start(c.clone(), None, 1, false).unwrap();
    let scoring = Scoring::for_role(c, None).unwrap();
    let states = Explorer::new(c).states(0);
    assert!(states > 0);
    let mut e = scoring.explorer(c);
    assert!(e.pick(Aim::Best, s.run()).is_some());
    assert!(e.pick(Aim::Worst, s.run()).is_some());
    assert_eq!(Explorer::new(c).states(0), states, "best and worst play explored nothing new");
    // The abstraction keeps the graph far smaller than the exact-value search.
    let mut old = reference::Explorer::new(c);
    old.ranges(s.run()).unwrap();
    assert!(states * 4 < old.states(), "{states} abstract states against {} exact ones", old.states());
}

/// A small random scenario in RON: `scenes` scenes in a chain that only moves forward (so roads
/// have no loops), choices with meter effects, flags, conditions on meters, flags, visits and the
/// clock, random branches, timers, injects and conditional endings.
fn generated(spec: &Spec) -> String {
    let n = spec.scenes.len();
    let mut s = String::from(
        r#"(format: 1, id: "gen", languages: ["en"], title: "Gen", category: Other, summary: "Generated", minutes: 10, difficulty: Easy,
competencies: [(id: "a", name: "A", weight: 2), (id: "b", name: "B", weight: 1)],
meters: [(id: "m", name: "M", min: 0, max: 20, start: 10), (id: "n", name: "N", min: -5, max: 5, start: 0)],
flags: [(id: "f"), (id: "g")],
clock: (start: "08:00", minutes_per_decision: 10),
roles: [(id: "r", name: "R", briefing: "B")],
start: "s0",
scenes: [
"#,
    );
    let target = |i: usize, hop: u8| {
        let j = i + 1 + (hop as usize % 2);
        if j >= n { "End".to_string() } else { format!("Scene(\"s{j}\")") }
    };
    for (i, sc) in spec.scenes.iter().enumerate() {
        s.push_str(&format!("(id: \"s{i}\", text: \"S{i}\",\n"));
        if sc.timer {
            s.push_str(&format!(
                " timer: (seconds: 30, effects: [Add(\"m\", {})], scores: {{\"b\": -1}}, feedback: \"T\", next: {}),\n",
                sc.choices[0].dm,
                target(i, 0)
            ));
        }
        s.push_str(" choices: [\n");
        for (k, ch) in sc.choices.iter().enumerate() {
            let cond = match ch.cond {
                0 => String::new(),
                1 => format!("condition: \"m {} {}\", ", ["<=", ">", ">=", "<", "==", "!="][(ch.k % 6) as usize], ch.k),
                2 => format!("condition: \"f || n < {}\", when_unmet: Disable, ", ch.k % 5),
                3 => format!("condition: \"visited(s{}) && m + n > {}\", ", i.saturating_sub(1), ch.k),
                _ => format!("condition: \"minutes >= {} || !g\", ", 10 * ch.k),
            };
            let flag = if ch.flag { "SetFlag(\"f\"), " } else { "ClearFlag(\"g\"), " };
            let next = if ch.random {
                format!(
                    "Random([(weight: 1, effects: [Add(\"n\", {})], next: {}), (weight: 2, scores: {{\"b\": 1}}, next: {})])",
                    ch.dn,
                    target(i, ch.hop),
                    target(i, ch.hop + 1)
                )
            } else {
                target(i, ch.hop)
            };
            let set = if ch.set { format!("Set(\"n\", {}), ", ch.dn) } else { String::new() };
            s.push_str(&format!(
                "  (id: \"c{i}_{k}\", text: \"C\", {cond}effects: [{flag}{set}Add(\"m\", {}), Add(\"n\", {})], scores: {{\"a\": {}, \"b\": {}}}, feedback: \"F\", next: {next}),\n",
                ch.dm, ch.dn, ch.sa, ch.sb
            ));
        }
        s.push_str(" ]),\n");
    }
    s.push_str("],\ninjects: [\n");
    for (i, inj) in spec.injects.iter().enumerate() {
        s.push_str(&format!(
            " (id: \"i{i}\", when: \"m >= {} && !f\", once: {}, effects: [Add(\"n\", {}), SetFlag(\"g\")]),\n",
            inj.0, inj.1, inj.2
        ));
    }
    s.push_str(&format!(
        "],\nendings: [\n (id: \"e1\", title: \"E1\", condition: \"m >= {} && n > 0\", grade: Excellent, text: \"E\"),\n (id: \"e2\", title: \"E2\", condition: \"g || hours >= 1\", grade: Pass, text: \"E\"),\n (id: \"e3\", title: \"E3\", grade: Fail, text: \"E\"),\n],\n)",
        spec.ending
    ));
    s
}

#[derive(Clone, Debug)]
struct ChoiceSpec {
    cond: u8,
    k: i64,
    flag: bool,
    set: bool,
    random: bool,
    hop: u8,
    dm: i64,
    dn: i64,
    sa: i64,
    sb: i64,
}

#[derive(Clone, Debug)]
struct SceneSpec {
    timer: bool,
    choices: Vec<ChoiceSpec>,
}

#[derive(Clone, Debug)]
struct Spec {
    scenes: Vec<SceneSpec>,
    injects: Vec<(i64, bool, i64)>,
    ending: i64,
}

fn spec() -> impl Strategy<Value = Spec> {
    let choice = (
        0u8..5,
        0i64..20,
        any::<bool>(),
        prop::bool::weighted(0.15),
        prop::bool::weighted(0.3),
        0u8..2,
        -6i64..7,
        -3i64..4,
        -2i64..3,
        -2i64..3,
    )
        .prop_map(|(cond, k, flag, set, random, hop, dm, dn, sa, sb)| ChoiceSpec { cond, k, flag, set, random, hop, dm, dn, sa, sb });
    let scene = (prop::bool::weighted(0.3), prop::collection::vec(choice, 2..4)).prop_map(|(timer, mut choices)| {
        // The first choice is always open, so no scene is a dead end.
        choices[0].cond = 0;
        SceneSpec { timer, choices }
    });
    (prop::collection::vec(scene, 2..8), prop::collection::vec((0i64..20, any::<bool>(), -3i64..4), 0..3), 0i64..20)
        .prop_map(|(scenes, injects, ending)| Spec { scenes, injects, ending })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_scenarios_explore_exactly_as_the_reference_does(spec in spec()) {
        let text = generated(&spec);
        let loaded = load_str(Path::new("gen.ron"), text.clone(), &[]);
        let Some(scenario) = loaded.playable().cloned() else {
            panic!("the generated scenario must load: {:?}\n{text}", loaded.diagnostics.iter().filter(|d| d.severity == shapan::scenario::Severity::Error).collect::<Vec<_>>());
        };
        let c = Arc::new(Compiled::new(scenario));
        compare(&c, 4);
    }
}

fn c(cond: u8, k: i64, flag: bool, set: bool, random: bool, hop: u8, dm: i64, dn: i64, sa: i64, sb: i64) -> ChoiceSpec {
    ChoiceSpec { cond, k, flag, set, random, hop, dm, dn, sa, sb }
}

/// The smallest scenario proptest found (CI, 2026-12-05) where the two explorers disagreed on the
/// lowest score of competency b. The oracle was wrong: its memo key packed the flags, visits and
/// fired injects into bits whose layout depends on which injects have fired, so a state that had
/// visited s2 shared a key with one that had not (a road to -4 that no play can take; every road
/// tried by hand ends at -3 or more). Kept as a fixed case.
#[test]
fn a_timer_a_random_branch_and_a_visited_condition_explore_as_the_reference_does() {
    let plain = || c(0, 0, false, false, false, 0, 0, 0, 0, 0);
    let spec = Spec {
        scenes: vec![
            SceneSpec { timer: true, choices: vec![c(0, 0, true, false, true, 1, 0, 1, 0, 0), plain()] },
            SceneSpec { timer: false, choices: vec![c(0, 0, false, false, true, 1, 6, 2, 0, -2), plain()] },
            SceneSpec {
                timer: false,
                choices: vec![c(0, 0, false, false, true, 0, 6, 0, 0, 0), c(0, 0, false, false, false, 0, -2, 0, 0, 0)],
            },
            SceneSpec { timer: false, choices: vec![plain(), c(3, 0, false, false, false, 0, 0, 0, 0, -1)] },
        ],
        injects: vec![(11, true, -2)],
        ending: 0,
    };
    let text = generated(&spec);
    std::fs::write(std::env::temp_dir().join("gen-regression.ron"), &text).unwrap();
    let loaded = load_str(Path::new("gen.ron"), text, &[]);
    let c = Arc::new(Compiled::new(loaded.playable().cloned().expect("it loads")));
    compare(&c, 30);
}
