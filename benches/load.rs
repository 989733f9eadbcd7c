//! Load+validate of a generated 10 000-scene scenario, beside plain `ron::from_str` into the
//! same types. Run with `cargo bench --no-default-features --bench load`; figures go in README.

use criterion::{Criterion, criterion_group, criterion_main};
use shapan::scenario::Scenario;
use shapan::scenario::load::load_str;
use std::hint::black_box;
use std::path::Path;

mod common;
use common::generate;

fn bench(c: &mut Criterion) {
    for (name, bilingual) in [("10k_scenes_bilingual", true), ("10k_scenes_chinese_only", false)] {
        let text = generate(10_000, bilingual);
        let loaded = load_str(Path::new("big.ron"), text.clone(), &[]);
        let first: Vec<_> = loaded.diagnostics.iter().take(3).collect();
        assert!(loaded.diagnostics.is_empty(), "the generated scenario must be clean: {first:?}");
        eprintln!("{name}: {:.1} MiB", text.len() as f64 / 1048576.0);
        let mut group = c.benchmark_group(name);
        group.sample_size(20);
        group.bench_function("ron_from_str", |b| {
            b.iter(|| {
                let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
                let s: Scenario = options.from_str(black_box(&text)).unwrap();
                black_box(s)
            })
        });
        group.bench_function("load_and_validate", |b| b.iter(|| black_box(load_str(Path::new("big.ron"), black_box(text.clone()), &[]))));
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
