//! The map as Graphviz DOT, for anyone who has Graphviz or an online viewer: one statement per
//! node and per edge, every string escaped.

use super::{EdgeKind, Map, Node, NodeKind, palette, tint};
use crate::present::{grade_rgb, hex};
use std::fmt::Write;

/// A DOT string literal: quotes and backslashes escaped, line breaks as `\n`, other control
/// characters dropped.
pub(super) fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn node_attrs(n: &Node) -> Vec<(&'static str, String)> {
    let mut label = n.label.clone();
    if let Some(d) = &n.detail {
        label = format!("{label}\n{d}");
    }
    let mut a = vec![("label", label)];
    let mut style = vec!["rounded"];
    match n.kind {
        NodeKind::Scene { .. } => {}
        NodeKind::Ending { grade, .. } => {
            let rgb = grade_rgb(grade);
            style.push("filled");
            a.push(("color", hex(rgb)));
            a.push(("fillcolor", hex(tint(rgb, 0.85))));
            a.push(("penwidth", "2".into()));
        }
        NodeKind::Random => {
            a.push(("shape", "diamond".into()));
            a.push(("fontsize", "9".into()));
            a.push(("width", "0.3".into()));
            a.push(("height", "0.3".into()));
        }
        NodeKind::Judge => a.push(("shape", "hexagon".into())),
        NodeKind::Inject { .. } => a.push(("shape", "note".into())),
    }
    if n.greyed {
        style.push("dashed");
        a.push(("color", palette::GREY.into()));
        a.push(("fontcolor", palette::GREY_TEXT.into()));
        if matches!(n.kind, NodeKind::Ending { .. }) {
            a.push(("fillcolor", "#f5f5f5".into()));
        }
    }
    if n.best {
        a.push(("color", palette::BEST.into()));
        a.push(("penwidth", "3".into()));
    }
    if n.current {
        a.push(("penwidth", "5".into()));
    }
    a.push(("style", style.join(",")));
    a
}

/// The map as a DOT digraph (top to bottom).
pub fn to_dot(map: &Map) -> String {
    let mut out = String::new();
    let font = quote(&palette::FONTS.replace('"', ""));
    let _ = writeln!(out, "digraph shapan {{");
    let caption = if map.role.is_empty() { map.title.clone() } else { format!("{} · {}", map.title, map.role) };
    let _ = writeln!(out, "  graph [rankdir=TB, labelloc=t, fontname={font}, label={}];", quote(&caption));
    let _ = writeln!(out, "  node [shape=box, fontname={font}, fontsize=12, color={}];", quote(palette::INK));
    let _ = writeln!(out, "  edge [fontname={font}, fontsize=10, color={}];", quote(palette::INK));
    for n in &map.nodes {
        let attrs: Vec<String> = node_attrs(n).into_iter().map(|(k, v)| format!("{k}={}", quote(&v))).collect();
        let _ = writeln!(out, "  {} [{}];", n.id, attrs.join(", "));
    }
    for e in &map.edges {
        let (Some(from), Some(to)) = (map.nodes.get(e.from), map.nodes.get(e.to)) else { continue };
        let mut a = vec![("label", e.label("\n"))];
        match e.kind {
            EdgeKind::Timer { .. } => a.push(("style", "dashed".into())),
            EdgeKind::Inject => a.push(("style", "dashed".into())),
            EdgeKind::Random { .. } | EdgeKind::Judge => a.push(("arrowsize", "0.7".into())),
            EdgeKind::Choice { .. } => {}
        }
        if e.greyed && !e.best {
            a.push(("color", palette::GREY.into()));
            a.push(("fontcolor", palette::GREY_TEXT.into()));
            if !matches!(e.kind, EdgeKind::Timer { .. } | EdgeKind::Inject) {
                a.push(("style", "dashed".into()));
            }
        }
        if e.best {
            a.push(("color", palette::BEST.into()));
            a.push(("penwidth", "3".into()));
        }
        let attrs: Vec<String> = a.into_iter().map(|(k, v)| format!("{k}={}", quote(&v))).collect();
        let _ = writeln!(out, "  {} -> {} [{}];", from.id, to.id, attrs.join(", "));
    }
    out.push_str("}\n");
    out
}
