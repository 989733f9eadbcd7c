//! Random playthroughs over the shipped scenarios (decisions per second on one core) and the
//! best/worst exploration of each. Run with `cargo bench --no-default-features --bench engine`.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use shapan::engine::explore::{Aim, actions, reference};
use shapan::engine::rng::Draw;
use shapan::engine::score::Scoring;
use shapan::engine::{Compiled, Session};
use shapan::scenario::{load_path, scenario_files};
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

mod common;

fn library() -> Vec<Arc<Compiled>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    scenario_files(&[root]).iter().filter_map(|f| load_path(f).playable().cloned()).map(|s| Arc::new(Compiled::new(s))).collect()
}

/// Plays `n` random runs of every scenario; returns the number of decisions taken.
fn random_runs(lib: &[Arc<Compiled>], n: u64) -> u64 {
    let mut decisions = 0;
    let mut pick = Draw::new(99);
    for c in lib {
        for seed in 0..n {
            let (mut s, _) = Session::start(c.clone(), None, seed, false).unwrap();
            while !s.is_over() {
                let open = actions(c, s.run());
                let a = open[pick.below(open.len() as u64) as usize];
                let r = match a {
                    Some(ix) => s.choose_index(ix),
                    None => s.time_out(),
                };
                black_box(r.unwrap());
                decisions += 1;
            }
        }
    }
    decisions
}

fn bench(c: &mut Criterion) {
    let lib = library();
    let per_round = random_runs(&lib, 20);
    eprintln!("{} scenarios, {per_round} decisions per round of 20 runs each", lib.len());
    let mut group = c.benchmark_group("playthroughs");
    group.throughput(Throughput::Elements(per_round));
    group.bench_function("random_20_runs_per_scenario", |b| b.iter(|| random_runs(&lib, 20)));
    group.finish();

    // Exploration, once per scenario and role on a freshly compiled scenario (nothing cached):
    // ranges, then best and worst play from the start, which is what `--policy best` and the
    // debrief need before anything is shown; beside the reference explorer doing the same.
    let reference = std::env::var_os("SHAPAN_BENCH_REFERENCE").is_some();
    eprintln!("{:<22} {:<16} {:>9} {:>10} {:>12} {:>12}", "scenario", "role", "states", "ms", "ref states", "ref ms");
    for compiled in &lib {
        for role in &compiled.scenario.roles {
            let fresh = Arc::new(Compiled::new(compiled.scenario.clone()));
            let (s, _) = Session::start(fresh.clone(), Some(&role.id), 1, true).unwrap();
            let started = Instant::now();
            let scoring = Scoring::for_role(&fresh, Some(&role.id)).unwrap_or_else(|_| Scoring::approximate(&fresh));
            let mut e = scoring.explorer(&fresh);
            black_box((e.pick(Aim::Best, s.run()), e.pick(Aim::Worst, s.run())));
            let ms = started.elapsed().as_secs_f64() * 1e3;
            let states = e.states(s.run().role);
            let (ref_states, ref_ms) = if reference {
                let started = Instant::now();
                let mut old = reference::Explorer::new(&fresh);
                let ranges = old.ranges(s.run()).unwrap_or_default();
                old.set_weights(Scoring { ranges, weights: scoring.weights.clone() }.point_values());
                black_box((old.pick(Aim::Best, s.run()), old.pick(Aim::Worst, s.run())));
                (old.states().to_string(), format!("{:.1}", started.elapsed().as_secs_f64() * 1e3))
            } else {
                ("-".into(), "-".into())
            };
            eprintln!("{:<22} {:<16} {states:>9} {ms:>10.1} {ref_states:>12} {ref_ms:>12}", compiled.scenario.id, role.id);
        }
    }
    // The generated 10 000-scene scenario: every road is thousands of decisions long.
    let big = shapan::scenario::load::load_str(Path::new("big.ron"), common::generate(10_000, true), &[]);
    let big = Arc::new(Compiled::new(big.playable().expect("the generated scenario is valid").clone()));
    let started = Instant::now();
    let scoring = Scoring::for_role(&big, None);
    let ranged = started.elapsed().as_secs_f64() * 1e3;
    let (s, _) = Session::start(big.clone(), None, 1, true).unwrap();
    let mut e = scoring.clone().unwrap_or_else(|_| Scoring::approximate(&big)).explorer(&big);
    black_box((e.pick(Aim::Best, s.run()), e.pick(Aim::Worst, s.run())));
    eprintln!(
        "exploration 10k_scenes: {} states, ranges {ranged:.0} ms, ranges + best + worst {:.0} ms, exact: {}",
        e.states(0),
        started.elapsed().as_secs_f64() * 1e3,
        scoring.is_ok()
    );

    let mut group = c.benchmark_group("exploration");
    group.sample_size(10);
    for compiled in &lib {
        group.bench_function(compiled.scenario.id.as_str(), |b| {
            b.iter_batched(
                || Arc::new(Compiled::new(compiled.scenario.clone())),
                |fresh| {
                    for role in &fresh.scenario.roles {
                        let scoring = Scoring::for_role(&fresh, Some(&role.id)).unwrap_or_else(|_| Scoring::approximate(&fresh));
                        let (s, _) = Session::start(fresh.clone(), Some(&role.id), 1, true).unwrap();
                        let mut e = scoring.explorer(&fresh);
                        black_box((e.pick(Aim::Best, s.run()), e.pick(Aim::Worst, s.run())));
                    }
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
