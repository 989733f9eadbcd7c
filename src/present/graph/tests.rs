//! Unit tests of the map: structural marks, greys, the best road, escaping and the geometry.

use super::*;
use crate::scenario::load_path;
use std::path::Path;

fn tutorial() -> crate::scenario::model::Scenario {
    let loaded = load_path(Path::new("scenarios/tutorial/water_rumour_quick.ron"));
    assert_eq!(loaded.error_count(), 0);
    loaded.scenario.unwrap()
}

/// The tutorial with a scene nothing leads to, and its first choice kept for a second role.
fn with_orphan_and_second_role() -> Compiled {
    let mut s = tutorial();
    let mut orphan = s.scenes[1].clone();
    orphan.id = "orphan".into();
    orphan.title = Some(Text::Plain("孤立的场景".into()));
    s.scenes.push(orphan);
    let mut second = s.roles[0].clone();
    second.id = "second".into();
    s.roles.push(second);
    s.scenes[0].choices[0].roles = vec!["second".into()];
    Compiled::new(s)
}

fn node<'m>(map: &'m Map, id: &str) -> &'m Node {
    map.nodes.iter().find(|n| n.id == id).unwrap()
}

#[test]
fn short_cuts_by_display_width() {
    assert_eq!(short("先核实再发布", 14), "先核实再发布");
    assert_eq!(short("先核实再发布，不说过头话", 14), "先核实再发布…");
    assert_eq!(short("Verify  then\npublish", 40), "Verify then publish");
    assert_eq!(short("Verify then publish the facts", 14), "Verify then…");
    assert_eq!(short("", 5), "");
}

#[test]
fn wrap_keeps_lines_within_columns() {
    assert_eq!(wrap("情况已经清楚：管网检修", 10), vec!["情况已经清", "楚：管网检", "修"]);
    assert_eq!(wrap("The facts are clear now", 12), vec!["The facts", "are clear", "now"]);
    assert_eq!(wrap("▶ 视频上了同城热榜", 10), vec!["▶ 视频上了", "同城热榜"]);
    assert_eq!(wrap("小李啊，群里", 6), vec!["小李啊，", "群里"]);
}

#[test]
fn structural_marks_reach_everything_in_the_tutorial() {
    let c = Compiled::new(tutorial());
    let m = Marks::structural(&c, 0);
    assert!(m.scene_reached.iter().all(|&r| r));
    assert!(m.ending_reached.iter().all(|&r| r));
    assert!(m.timer_taken[0]);
    assert!(m.best.is_empty() && m.current.is_none());
}

#[test]
fn structural_marks_honour_roles_and_leave_orphans_unreached() {
    let c = with_orphan_and_second_role();
    let orphan = c.scene_index("orphan").unwrap();
    let m = Marks::structural(&c, 0);
    assert!(!m.scene_reached[orphan]);
    assert!(!m.choice_taken[0], "the first choice belongs to the second role");
    let map = Map::build(&c, 0, Lang::ZH_CN, &m);
    assert!(node(&map, &format!("s{orphan}")).greyed);
    assert!(!node(&map, "s0").greyed);
    assert!(!map.edges.iter().any(|e| e.kind == EdgeKind::Choice { index: 0 }), "another role's choice is not drawn");
    let m1 = Marks::structural(&c, 1);
    assert!(m1.choice_taken[0]);
}

#[test]
fn greyed_parts_are_styled_grey_in_every_format() {
    let c = with_orphan_and_second_role();
    let orphan = c.scene_index("orphan").unwrap();
    let map = Map::build(&c, 0, Lang::ZH_CN, &Marks::structural(&c, 0));
    let dot = to_dot(&map);
    let line = dot.lines().find(|l| l.trim_start().starts_with(&format!("s{orphan} ["))).unwrap();
    assert!(line.contains(palette::GREY) && line.contains("dashed"), "{line}");
    let reached = dot.lines().find(|l| l.trim_start().starts_with("s0 [")).unwrap();
    assert!(!reached.contains(palette::GREY), "{reached}");
    let mermaid = to_mermaid(&map);
    assert!(mermaid.lines().any(|l| l.trim() == format!("class s{orphan} greyed")), "{mermaid}");
    let svg = to_svg(&map);
    assert!(svg.contains(&format!("class=\"node scene greyed\" id=\"s{orphan}\"")), "{svg}");
    assert!(svg.contains("孤立的场景"));
    // With nothing known, nothing is grey.
    let plain = to_svg(&Map::build(&c, 0, Lang::ZH_CN, &Marks::default()));
    assert!(!plain.contains("greyed"));
}

#[test]
fn the_best_road_and_the_current_scene_are_highlighted() {
    let c = Compiled::new(tutorial());
    // group_chat: the first choice (verify first) leads straight to the third scene.
    let first = c.scenes[0].choices.start;
    let CNext::Scene(next) = c.choices[first].outcome.next else { panic!("the tutorial's first choice leads to a scene") };
    let last = c.scenes[next].choices.start;
    let marks = Marks { best: vec![(0, Some(first)), (next, Some(last))], current: Some(next), ..Marks::structural(&c, 0) };
    let map = Map::build(&c, 0, Lang::ZH_CN, &marks);
    let best: Vec<&Edge> = map.edges.iter().filter(|e| e.best).collect();
    assert!(best.iter().any(|e| e.kind == EdgeKind::Choice { index: first }));
    assert!(best.iter().any(|e| e.kind == EdgeKind::Choice { index: last }));
    assert!(!map.edges.iter().any(|e| e.best && e.kind == EdgeKind::Timer { seconds: 90 }));
    assert!(node(&map, "s0").best && node(&map, &format!("s{next}")).current);
    let dot = to_dot(&map);
    assert_eq!(dot.lines().filter(|l| l.contains("->") && l.contains(palette::BEST)).count(), best.len(), "{dot}");
    assert!(to_mermaid(&map).contains("==>"));
    let svg = to_svg(&map);
    assert_eq!(svg.matches("class=\"edge choice best\"").count(), 2);
    assert!(svg.contains(palette::BEST_HALO));
    assert!(svg.contains("stroke-width=\"5\""), "the current scene has a thick outline");
    let plain = to_svg(&Map::build(&c, 0, Lang::ZH_CN, &Marks::structural(&c, 0)));
    assert!(!plain.contains(" best\""));
}

#[test]
fn random_draws_go_through_a_junction_with_percentages() {
    let c = Compiled::new(tutorial());
    let map = Map::build(&c, 0, Lang::EN, &Marks::structural(&c, 0));
    let junction = map.nodes.iter().position(|n| n.kind == NodeKind::Random).unwrap();
    let shares: Vec<u32> = map
        .edges
        .iter()
        .filter(|e| e.from == junction)
        .map(|e| match e.kind {
            EdgeKind::Random { percent } => percent,
            _ => panic!("only chances leave a random junction"),
        })
        .collect();
    assert_eq!(shares.len(), 2);
    assert!((99..=101).contains(&shares.iter().sum::<u32>()), "{shares:?}");
    assert!(map.edges.iter().any(|e| e.text.starts_with('⏱') && e.text.contains("90 s")));
}

#[test]
fn text_is_escaped_for_each_format() {
    assert_eq!(dot::quote("a\"b\\c\nd\u{1}"), "\"a\\\"b\\\\c\\nd\"");
    assert_eq!(mermaid::quote("x<\"#|>`&"), "\"x#lt;#quot;#35;#124;#gt;#96;#amp;\"");
    assert_eq!(svg::esc("<a & 'b'>\u{0}\u{fffe}"), "&lt;a &amp; &apos;b&apos;&gt;");
}

#[test]
fn edges_run_from_their_source_to_their_target() {
    let c = Compiled::new(tutorial());
    let map = Map::build(&c, 0, Lang::ZH_CN, &Marks::structural(&c, 0));
    let laid = layout(&map);
    assert_eq!(laid.nodes.len(), map.nodes.len());
    assert_eq!(laid.edges.len(), map.edges.len());
    let near = |p: Pt, n: &LaidNode| {
        let pad = 12.0;
        p.x >= n.min.x - pad && p.x <= n.min.x + n.size.x + pad && p.y >= n.min.y - pad && p.y <= n.min.y + n.size.y + pad
    };
    for e in &laid.edges {
        let m = &map.edges[e.edge];
        let (first, last) = (e.curves.first().unwrap(), e.curves.last().unwrap());
        assert!(near(first[0], &laid.nodes[m.from]), "edge {} starts away from its source", e.edge);
        assert!(near(last[3], &laid.nodes[m.to]), "edge {} ends away from its target", e.edge);
    }
    for n in &laid.nodes {
        assert!(n.min.x >= 0.0 && n.min.y >= 0.0 && n.min.x + n.size.x <= laid.size.x && n.min.y + n.size.y <= laid.size.y);
        // A box is wide enough for its widest line.
        let widest = n.lines.iter().map(|l| text_width(l, n.font)).fold(0.0, f64::max);
        assert!(n.size.x >= widest, "{:?}", n.lines);
    }
}

#[test]
fn an_empty_map_lays_out_and_renders() {
    let map = Map::default();
    let laid = layout(&map);
    assert!(laid.nodes.is_empty());
    assert!(to_svg(&map).ends_with("</svg>\n"));
    assert!(to_dot(&map).starts_with("digraph"));
}

#[test]
fn a_road_back_is_laid_out_from_its_source_to_its_target() {
    let mut s = tutorial();
    // The second scene's first choice now leads back to the first: a cycle layout-rs reverses.
    s.scenes[1].choices[0].next = crate::scenario::model::Next::Scene(s.scenes[0].id.clone());
    let c = Compiled::new(s);
    let map = Map::build(&c, 0, Lang::ZH_CN, &Marks::structural(&c, 0));
    let back = map.edges.iter().position(|e| e.from == 1 && e.to == 0).unwrap();
    let laid = layout(&map);
    let e = &laid.edges[back];
    let (start, end) = (e.curves[0][0], e.curves[e.curves.len() - 1][3]);
    let (from, to) = (&laid.nodes[1], &laid.nodes[0]);
    // The first scene is above the second, so the road back ends higher than it starts.
    assert!(to.min.y < from.min.y);
    assert!(end.y < start.y, "{start:?} -> {end:?}");
    assert!((end.y - (to.min.y + to.size.y)).abs() < 15.0 || (end.y - to.min.y).abs() < 15.0, "ends at the first scene's box");
}

#[test]
fn marks_that_do_not_fit_the_scenario_are_ignored() {
    let c = Compiled::new(tutorial());
    let marks = Marks {
        scene_reached: vec![false],
        choice_taken: Vec::new(),
        timer_taken: vec![true; 99],
        ending_reached: vec![false; 1],
        best: vec![(999, Some(999)), (0, Some(12345)), (1, None), (0, None)],
        best_ending: Some(77),
        current: Some(999),
    };
    let map = Map::build(&c, 7, Lang::EN, &marks);
    assert!(node(&map, "s0").greyed && !node(&map, "s1").greyed);
    assert!(map.nodes.iter().all(|n| !n.current));
    assert!(roxmltree::Document::parse(&to_svg(&map)).is_ok());
}
