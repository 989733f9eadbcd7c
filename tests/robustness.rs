//! Bad input never panics and never hangs: random and mutated files, deep nesting, truncation.

use proptest::prelude::*;
use shapan::scenario::load::load_bytes;
use shapan::scenario::{Code, load_path};
use std::path::Path;

fn tutorial() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial/water_rumour_quick.ron")).unwrap()
}

fn load(bytes: Vec<u8>) -> shapan::scenario::Loaded {
    load_bytes(Path::new("input.ron"), bytes, &[])
}

/// Every diagnostic must have its span in order and inside the text.
fn check_spans(l: &shapan::scenario::Loaded) {
    for d in &l.diagnostics {
        if let Some(s) = d.span {
            assert!(s.start.offset <= s.end.offset && s.end.offset <= l.source.len(), "{d:?}");
            assert!(s.start.line >= 1 && s.start.column >= 1);
        }
        let _ = shapan::scenario::render::render(d, "input.ron", &l.line_index(), shapan::lang::Lang::ZH_CN);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        check_spans(&load(bytes));
    }

    #[test]
    fn mutated_scenarios_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)) {
        let mut bytes = tutorial();
        for (at, byte, kind) in edits {
            let i = at.index(bytes.len());
            match kind {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                _ => bytes.insert(i, b"()[]{},:\"#r'\\"[byte as usize % 13]),
            }
        }
        check_spans(&load(bytes));
    }

    #[test]
    fn truncated_scenarios_never_panic(cut in any::<prop::sample::Index>()) {
        let bytes = tutorial();
        let cut = cut.index(bytes.len());
        let l = load(bytes[..cut].to_vec());
        // Only what comes after the scenario's closing bracket (a newline) may go unnoticed.
        let whole = bytes.iter().rposition(|&b| b == b')').map_or(0, |i| i + 1);
        prop_assert!(cut >= whole || l.error_count() > 0);
        check_spans(&l);
    }
}

#[test]
fn a_hundred_thousand_nested_brackets_are_refused() {
    for open in ["[", "(", "{", "Some("] {
        let text = format!("(format: 1, id: \"x\", title: {}", open.repeat(100_000));
        let l = load(text.into_bytes());
        assert!(l.error_count() > 0);
        check_spans(&l);
    }
    let deep = format!(
        "(format: 1, scenes: [(id: \"a\", choices: [(id: \"c\", next: {}End{})])])",
        "Random([(weight: 1, next: ".repeat(50_000),
        ")])".repeat(50_000)
    );
    let l = load(deep.into_bytes());
    assert!(l.diagnostics.iter().any(|d| d.code == Code::TooDeep), "{:?}", l.diagnostics);
}

#[test]
fn garbage_and_encodings_get_diagnostics() {
    let l = load(vec![0xff, 0xfe, 0x00, 0x41]);
    assert_eq!(l.diagnostics[0].code, Code::InvalidUtf8);
    let l = load(b"\x00\x01\x02 binary".to_vec());
    assert!(l.error_count() > 0);
    let l = load(Vec::new());
    assert_eq!(l.diagnostics[0].code, Code::EmptyFile);
}

#[test]
fn a_file_full_of_expressions_is_bounded() {
    // A long condition is cut at the length limit rather than parsed at length.
    let cond = "!".repeat(200_000) + "true";
    let text = String::from_utf8(tutorial()).unwrap().replace("condition: \"verified\"", &format!("condition: \"{cond}\""));
    let l = load(text.into_bytes());
    assert!(l.diagnostics.iter().any(|d| d.code == Code::BadExpression));
}

#[test]
fn load_path_handles_the_tutorial() {
    let l = load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial/water_rumour_quick.ron"));
    assert!(l.playable().is_some(), "{:?}", l.diagnostics);
}
