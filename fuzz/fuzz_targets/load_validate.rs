//! Fuzz target: any bytes through load and every validation pass, then rendering every
//! diagnostic. It must never panic, and every span must lie inside the text in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shapan::lang::Lang;
use shapan::scenario::load::load_bytes;
use shapan::scenario::render::render;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let loaded = load_bytes(Path::new("fuzz.ron"), data.to_vec(), &[]);
    let lines = loaded.line_index();
    for d in &loaded.diagnostics {
        if let Some(s) = d.span {
            assert!(s.start.offset <= s.end.offset && s.end.offset <= loaded.source.len());
        }
        let _ = render(d, "fuzz.ron", &lines, Lang::ZH_CN);
    }
});
