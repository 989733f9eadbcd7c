//! `shapan graph` as a user runs it: every shipped scenario in every format, what the DOT,
//! Mermaid and SVG hold, and the exit codes for a broken file and a wrong role.

use shapan::engine::Compiled;
use shapan::lang::Lang;
use shapan::present::graph::{Map, Marks, TITLE_COLUMNS, layout, short, wrap};
use shapan::scenario::load_path;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn shapan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shapan")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn shipped() -> Vec<PathBuf> {
    let files = shapan::scenario::scenario_files(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios")]);
    assert!(files.len() >= 9, "{files:?}");
    files
}

fn compiled(path: &Path) -> Compiled {
    let loaded = load_path(path);
    assert_eq!(loaded.error_count(), 0, "{}", path.display());
    Compiled::new(loaded.scenario.unwrap())
}

fn graph(path: &Path, format: &str) -> String {
    let out = shapan(&["--lang", "zh-CN", "graph", &path.to_string_lossy(), "--format", format]);
    assert_eq!(out.status.code(), Some(0), "{} {format}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The id at the start of a DOT statement (`s3 [` or `s3 -> e1 [`).
fn dot_id(line: &str) -> &str {
    line.trim_start().split([' ', '[']).next().unwrap_or("")
}

#[test]
fn dot_has_a_node_per_scene_and_ending_and_an_edge_per_choice() {
    for path in shipped() {
        let c = compiled(&path);
        let marks = Marks::structural(&c, 0);
        let dot = graph(&path, "dot");
        assert!(dot.starts_with("digraph shapan {") && dot.trim_end().ends_with('}'), "{}", path.display());
        let nodes: Vec<&str> = dot.lines().filter(|l| !l.contains("->") && l.trim_end().ends_with("];")).map(dot_id).collect();
        for (i, reached) in marks.scene_reached.iter().enumerate() {
            let id = format!("s{i}");
            assert!(nodes.contains(&id.as_str()), "{}: no node for scene {i}", path.display());
            let line = dot.lines().find(|l| dot_id(l) == id && !l.contains("->")).unwrap();
            assert_eq!(line.contains("#bdbdbd"), !reached, "{line}");
        }
        for (e, reached) in marks.ending_reached.iter().enumerate() {
            if *reached {
                assert!(nodes.contains(&format!("e{e}").as_str()), "{}: no node for ending {e}", path.display());
            }
        }
        let role_choices = c.choices.iter().filter(|ch| ch.roles.is_empty() || ch.roles.contains(&0)).count();
        let timers = c.scenes.iter().filter(|s| s.timer.is_some()).count();
        let from_scenes = dot.lines().filter(|l| l.contains(" -> ") && dot_id(l).starts_with('s')).count();
        assert_eq!(from_scenes, role_choices + timers, "{}", path.display());
    }
}

#[test]
fn mermaid_ids_are_ascii_and_labels_quoted() {
    for path in shipped() {
        let m = graph(&path, "mermaid");
        let mut lines = m.lines();
        assert!(lines.next().unwrap().starts_with("%% "));
        assert_eq!(lines.next(), Some("flowchart TD"));
        for line in lines.map(str::trim).filter(|l| !l.starts_with("classDef") && !l.starts_with("class ") && !l.starts_with("linkStyle")) {
            // Everything outside the quoted labels is ASCII: ids, arrows and shape brackets.
            let outside: String = line.split('"').step_by(2).collect();
            assert!(outside.is_ascii(), "{}: {line}", path.display());
            let id = line.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap();
            assert!(!id.is_empty() && id != "end", "{line}");
            assert_eq!(line.matches('"').count() % 2, 0, "{line}");
        }
    }
}

#[test]
fn svg_is_well_formed_and_shows_the_chinese_scene_titles() {
    for path in shipped() {
        let c = compiled(&path);
        let svg = graph(&path, "svg");
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        let fonts = root.attribute("font-family").unwrap();
        for f in ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"] {
            assert!(fonts.contains(f), "{fonts}");
        }
        let texts: String = doc.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect::<Vec<_>>().join("\n");
        for scene in &c.scenario.scenes {
            let Some(title) = &scene.title else { continue };
            let first = wrap(&short(title.get("zh-CN"), TITLE_COLUMNS), 20).remove(0);
            assert!(texts.contains(first.trim_start_matches("▶ ")), "{}: {first}", path.display());
        }
        assert!(texts.contains(c.scenario.title.get("zh-CN")));
        let scenes = doc.descendants().filter(|n| n.attribute("class").is_some_and(|k| k.starts_with("node scene"))).count();
        assert_eq!(scenes, c.scenes.len());
    }
}

#[test]
fn laid_out_edges_join_their_nodes_in_every_shipped_scenario() {
    for path in shipped() {
        let c = compiled(&path);
        for role in 0..c.scenario.roles.len() {
            let map = Map::build(&c, role, Lang::ZH_CN, &Marks::structural(&c, role));
            let laid = layout(&map);
            let near = |x: f64, y: f64, n: usize| {
                let b = &laid.nodes[n];
                (b.min.x - 12.0..=b.min.x + b.size.x + 12.0).contains(&x) && (b.min.y - 12.0..=b.min.y + b.size.y + 12.0).contains(&y)
            };
            for e in &laid.edges {
                let m = &map.edges[e.edge];
                let (a, z) = (e.curves[0][0], e.curves[e.curves.len() - 1][3]);
                assert!(near(a.x, a.y, m.from) && near(z.x, z.y, m.to), "{} edge {}: {} -> {}", path.display(), e.edge, m.from, m.to);
            }
        }
    }
}

#[test]
fn out_writes_the_file_and_lang_picks_the_content_language() {
    let dir = std::env::temp_dir().join(format!("shapan-graph-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("map.svg");
    let out = shapan(&[
        "--lang",
        "en",
        "graph",
        "scenarios/tutorial/water_rumour_quick.ron",
        "--format",
        "svg",
        "--out",
        &file.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let svg = std::fs::read_to_string(&file).unwrap();
    assert!(svg.contains("The tap-water rumour") && svg.contains("Excellent"), "English content and legend");
    assert!(!svg.contains("停水谣言"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_role_picks_its_own_map() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/online_media/viral_video.ron");
    let c = compiled(&path);
    let second = c.scenario.roles[1].id.clone();
    let first = graph(&path, "dot");
    let out = shapan(&["--lang", "zh-CN", "graph", &path.to_string_lossy(), "--format", "dot", "--role", &second]);
    assert_eq!(out.status.code(), Some(0));
    let other = String::from_utf8(out.stdout).unwrap();
    assert!(other.contains(c.scenario.roles[1].name.get("zh-CN")));
    assert_ne!(first, other);
}

#[test]
fn a_broken_file_exits_1_with_its_diagnostics_and_a_wrong_role_exits_2() {
    let out = shapan(&["--lang", "en", "graph", "tests/fixtures/dangling-reference.ron", "--format", "svg"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("dangling-reference") && err.contains("tests/fixtures/dangling-reference.ron:19:"), "{err}");
    let out = shapan(&["--lang", "en", "graph", "scenarios/tutorial/water_rumour_quick.ron", "--format", "dot", "--role", "mayor"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("duty_officer"));
    assert_eq!(shapan(&["graph", "scenarios/tutorial/water_rumour_quick.ron"]).status.code(), Some(2), "--format is required");
    assert_eq!(shapan(&["graph", "scenarios/tutorial/water_rumour_quick.ron", "--format", "png"]).status.code(), Some(2));
    assert_eq!(shapan(&["graph", "no/such/file.ron", "--format", "dot"]).status.code(), Some(1));
}

#[test]
fn the_map_greys_what_no_road_reaches_and_draws_the_best_road_from_the_analysis() {
    // The scene graph leads to s3, but the choice that leads there needs more trust than any road has.
    let out = shapan(&["graph", "tests/fixtures/never-reached.ron", "--format", "dot"]);
    assert_eq!(out.status.code(), Some(0));
    let dot = String::from_utf8(out.stdout).unwrap();
    let line = |needle: &str| dot.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("no {needle} in {dot}")).to_string();
    assert!(line("大家都很满意").contains("dashed"), "the scene no road reaches is grey: {dot}");
    assert!(line("label=\"表扬").contains("dashed"), "so is the choice that is never open");
    assert!(line("label=\"马上回应\"").contains("penwidth=\"3\""), "the best road's first choice is drawn thick");
    assert!(!line("label=\"删帖\"").contains("penwidth"), "the worse choice is not");
    // The best road ends well: through the judge to the good ending, not the plain one.
    assert!(line("e0 [label=\"好结局").contains("penwidth=\"3\"") || line("e0 [label=\"好结局").contains("#7b3fbf"), "{dot}");
    assert!(line("judge -> e0").contains("#7b3fbf"), "{dot}");
    assert!(!line("judge -> e1").contains("#7b3fbf"), "{dot}");
}
