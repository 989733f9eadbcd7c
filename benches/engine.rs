//! Random playthroughs over the shipped scenarios (decisions per second on one core) and the
//! best/worst exploration of each. Run with `cargo bench --no-default-features --bench engine`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use shapan::engine::explore::{Aim, actions};
use shapan::engine::rng::Draw;
use shapan::engine::score::Scoring;
use shapan::engine::{Compiled, Session};
use shapan::scenario::{load_path, scenario_files};
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

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

    // Exploring a large scenario takes seconds, too long for repeated samples: time it once
    // per scenario (what `--policy best` and the debrief do before anything is shown).
    for compiled in &lib {
        let started = std::time::Instant::now();
        let scoring = Scoring::for_role(compiled, None).unwrap_or_else(|_| Scoring::approximate(compiled));
        let ranges = started.elapsed();
        let mut e = scoring.explorer(compiled);
        let (s, _) = Session::start(compiled.clone(), None, 1, true).unwrap();
        black_box((e.pick(Aim::Best, s.run()), e.pick(Aim::Worst, s.run())));
        eprintln!(
            "exploration {:<24} ranges {:>8.1} ms, ranges + best + worst {:>8.1} ms",
            compiled.scenario.id,
            ranges.as_secs_f64() * 1e3,
            started.elapsed().as_secs_f64() * 1e3
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
