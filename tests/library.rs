//! The shipped scenarios are the examples instructors copy: each must validate with no errors
//! and no warnings, with every text in every declared language.

use shapan::scenario::{load_path, scenario_files};
use std::path::Path;

#[test]
fn every_shipped_scenario_is_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let files = scenario_files(&[root]);
    assert!(!files.is_empty(), "no scenarios shipped");
    let mut ids = std::collections::HashSet::new();
    for file in files {
        let loaded = load_path(&file);
        let shown: Vec<String> = loaded
            .diagnostics
            .iter()
            .map(|d| format!("{} {:?}: {}", d.code, d.span.map(|s| s.start.line), d.message.render(shapan::lang::Lang::EN)))
            .collect();
        assert!(loaded.diagnostics.is_empty(), "{}: {shown:#?}", file.display());
        let s = loaded.scenario.unwrap();
        assert!(ids.insert(s.id.clone()), "scenario id {} used twice", s.id);
        for lang in ["zh-CN", "en"] {
            assert!(s.languages.iter().any(|l| l == lang), "{}: not available in {lang}", file.display());
        }
    }
}

#[test]
fn the_guides_show_the_tutorial_as_it_is() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tutorial = std::fs::read_to_string(root.join("scenarios/tutorial/water_rumour_quick.ron")).unwrap();
    for guide in ["scenarios/README.md", "scenarios/README.zh-CN.md"] {
        let text = std::fs::read_to_string(root.join(guide)).unwrap();
        assert!(text.contains(&format!("```ron\n{tutorial}```")), "{guide} must embed the tutorial verbatim");
    }
}
