//! The map as a Mermaid flowchart, for Markdown pages and wikis that draw Mermaid: ASCII node ids,
//! every label quoted and escaped with Mermaid's `#code;` entities, styles by class and link index.

use super::{EdgeKind, Map, NodeKind, palette, tint};
use crate::present::{grade_rgb, hex};
use crate::scenario::model::Grade;
use std::fmt::Write;

/// A quoted Mermaid label: characters Mermaid or its HTML labels would read as syntax become
/// entities, line breaks `<br/>`, other control characters are dropped.
pub(super) fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '\n' => out.push_str("<br/>"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn grade_class(g: Grade) -> &'static str {
    match g {
        Grade::Excellent => "excellent",
        Grade::Good => "good",
        Grade::Pass => "pass",
        Grade::Fail => "fail",
    }
}

/// The map as a Mermaid `flowchart TD`.
pub fn to_mermaid(map: &Map) -> String {
    let mut out = String::new();
    let caption: String = format!("{} · {}", map.title, map.role).chars().filter(|c| !c.is_control()).collect();
    let _ = writeln!(out, "%% {caption}");
    out.push_str("flowchart TD\n");
    let mut classes: Vec<(&str, Vec<String>)> = Vec::new();
    let mut add = |class: &'static str, id: &str| match classes.iter_mut().find(|(c, _)| *c == class) {
        Some((_, ids)) => ids.push(id.to_string()),
        None => classes.push((class, vec![id.to_string()])),
    };
    for n in &map.nodes {
        let mut label = n.label.clone();
        if let Some(d) = &n.detail {
            label = format!("{label}\n{d}");
        }
        let q = quote(&label);
        let shape = match n.kind {
            NodeKind::Scene { .. } => format!("[{q}]"),
            NodeKind::Ending { grade, .. } => {
                add(grade_class(grade), &n.id);
                format!("([{q}])")
            }
            NodeKind::Random => format!("{{{q}}}"),
            NodeKind::Judge => format!("{{{{{q}}}}}"),
            NodeKind::Inject { .. } => format!(">{q}]"),
        };
        let _ = writeln!(out, "  {}{shape}", n.id);
        if n.greyed {
            add("greyed", &n.id);
        }
        if n.best {
            add("best", &n.id);
        }
        if n.current {
            add("current", &n.id);
        }
    }
    let (mut grey_links, mut best_links) = (Vec::new(), Vec::new());
    let mut k = 0;
    for e in &map.edges {
        let (Some(from), Some(to)) = (map.nodes.get(e.from), map.nodes.get(e.to)) else { continue };
        let arrow = match (e.best, e.kind) {
            (true, _) => "==>",
            (false, EdgeKind::Timer { .. } | EdgeKind::Inject) => "-.->",
            _ => "-->",
        };
        let _ = writeln!(out, "  {} {arrow}|{}| {}", from.id, quote(&e.label("\n")), to.id);
        if e.best {
            best_links.push(k.to_string());
        } else if e.greyed {
            grey_links.push(k.to_string());
        }
        k += 1;
    }
    for g in [Grade::Excellent, Grade::Good, Grade::Pass, Grade::Fail] {
        let rgb = grade_rgb(g);
        let _ = writeln!(out, "  classDef {} fill:{},stroke:{},stroke-width:2px", grade_class(g), hex(tint(rgb, 0.85)), hex(rgb));
    }
    let _ = writeln!(out, "  classDef greyed fill:#f5f5f5,stroke:{},color:{},stroke-dasharray:4 3", palette::GREY, palette::GREY_TEXT);
    let _ = writeln!(out, "  classDef best stroke:{},stroke-width:3px", palette::BEST);
    let _ = writeln!(out, "  classDef current stroke-width:5px");
    for (class, ids) in &classes {
        let _ = writeln!(out, "  class {} {class}", ids.join(","));
    }
    if !grey_links.is_empty() {
        let _ = writeln!(
            out,
            "  linkStyle {} stroke:{},color:{},stroke-dasharray:4 3",
            grey_links.join(","),
            palette::GREY,
            palette::GREY_TEXT
        );
    }
    if !best_links.is_empty() {
        let _ = writeln!(out, "  linkStyle {} stroke:{},stroke-width:3px", best_links.join(","), palette::BEST);
    }
    out
}
