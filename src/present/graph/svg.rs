//! The map as a standalone SVG drawn from the laid-out geometry: opens in any browser and prints,
//! with no Graphviz to install. Text uses the usual Chinese system fonts by name; nothing is
//! embedded, so the file stays small.

use super::laid::{LINE, Laid, LaidEdge, LaidNode, Pt, layout, text_width};
use super::{EdgeKind, Map, NodeKind, palette, tint};
use crate::present::{grade_rgb, hex};
use crate::scenario::model::Grade;
use crate::t;
use std::fmt::Write;

/// Text for XML: markup characters escaped, characters XML 1.0 forbids dropped.
pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

const CAPTION: f64 = 40.0;
const LEGEND: f64 = 44.0;

fn f(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() { format!("{r:.0}") } else { format!("{r:.1}") }
}

fn lines(out: &mut String, at: Pt, lines: &[String], font: f64, colour: &str, bold_first: bool) {
    let top = at.y - (lines.len() as f64 - 1.0) * font * LINE / 2.0;
    for (i, l) in lines.iter().enumerate() {
        let weight = if bold_first && i == 0 && lines.len() > 1 { " font-weight=\"bold\"" } else { "" };
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{colour}\" text-anchor=\"middle\" dominant-baseline=\"central\"{weight}>{}</text>",
            f(at.x),
            f(top + i as f64 * font * LINE),
            f(font),
            esc(l)
        );
    }
}

/// A small clock face centred at `c`.
fn clock(out: &mut String, c: Pt, r: f64, colour: &str) {
    let _ = writeln!(
        out,
        "<g class=\"clock\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.2\"><circle cx=\"{}\" cy=\"{}\" r=\"{}\"/><path d=\"M{},{} V{} H{}\"/></g>",
        f(c.x),
        f(c.y),
        f(r),
        f(c.x),
        f(c.y - r * 0.7),
        f(c.y),
        f(c.x + r * 0.55)
    );
}

fn path_d(e: &LaidEdge) -> String {
    let mut d = String::new();
    if let Some(first) = e.curves.first() {
        let _ = write!(d, "M{},{}", f(first[0].x), f(first[0].y));
    }
    for [_, a, b, c] in &e.curves {
        let _ = write!(d, " C{},{} {},{} {},{}", f(a.x), f(a.y), f(b.x), f(b.y), f(c.x), f(c.y));
    }
    d
}

fn edge(out: &mut String, map: &Map, e: &LaidEdge) {
    let Some(m) = map.edges.get(e.edge) else { return };
    if e.curves.is_empty() {
        return;
    }
    let d = path_d(e);
    let (colour, marker, width) = if m.best {
        ("BEST", "arrow-best", 3.0)
    } else if m.greyed {
        ("GREY", "arrow-grey", 1.2)
    } else {
        ("INK", "arrow", 1.4)
    };
    let colour = match colour {
        "BEST" => palette::BEST,
        "GREY" => palette::GREY,
        _ => palette::INK,
    };
    let dash = match (m.kind, m.greyed && !m.best) {
        (EdgeKind::Timer { .. } | EdgeKind::Inject, _) => " stroke-dasharray=\"7 4\"",
        (_, true) => " stroke-dasharray=\"3 3\"",
        _ => "",
    };
    let class = match m.kind {
        EdgeKind::Choice { .. } => "choice",
        EdgeKind::Timer { .. } => "timer",
        EdgeKind::Random { .. } => "random",
        EdgeKind::Judge => "judge",
        EdgeKind::Inject => "inject",
    };
    let state = if m.best {
        " best"
    } else if m.greyed {
        " greyed"
    } else {
        ""
    };
    let _ = writeln!(out, "<g class=\"edge {class}{state}\">");
    if m.best {
        let _ =
            writeln!(out, "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"10\" stroke-linecap=\"round\"/>", palette::BEST_HALO);
    }
    let _ = writeln!(
        out,
        "<path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\"{dash} marker-end=\"url(#{marker})\"/>",
        f(width)
    );
    let (at, size) = (e.label_at, e.label_size);
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.88\"/>",
        f(at.x - size.x / 2.0),
        f(at.y - size.y / 2.0),
        f(size.x),
        f(size.y)
    );
    let text = if m.greyed && !m.best { palette::GREY_TEXT } else { palette::INK };
    // Few fonts have ⏱, so the SVG draws its own clock where the label starts with one.
    match e.lines.split_first() {
        Some((first, rest)) if first.starts_with('⏱') => {
            let words = first.trim_start_matches('⏱').trim_start().to_string();
            let top = at.y - rest.len() as f64 * e.font * LINE / 2.0;
            let left = at.x + e.font * 0.5 - text_width(&words, e.font) / 2.0 - e.font * 0.75;
            clock(out, Pt::new(left, top), e.font * 0.42, text);
            let mut shown = vec![words];
            shown.extend(rest.iter().cloned());
            lines(out, Pt::new(at.x + e.font * 0.5, at.y), &shown, e.font, text, false);
        }
        _ => lines(out, at, &e.lines, e.font, text, false),
    }
    out.push_str("</g>\n");
}

fn node(out: &mut String, map: &Map, n: &LaidNode) {
    let Some(m) = map.nodes.get(n.node) else { return };
    let (x, y, w, h) = (n.min.x, n.min.y, n.size.x, n.size.y);
    let (mut stroke, mut fill, mut width, mut text) = (palette::INK.to_string(), "#ffffff".to_string(), 1.5, palette::INK.to_string());
    let mut dash = "";
    if let NodeKind::Ending { grade, .. } = m.kind {
        stroke = hex(grade_rgb(grade));
        fill = hex(tint(grade_rgb(grade), 0.85));
        width = 2.0;
        text = hex(grade_rgb(grade));
    }
    if matches!(m.kind, NodeKind::Inject { .. }) {
        fill = "#fff8e1".into();
    }
    if m.greyed {
        stroke = palette::GREY.into();
        fill = "#f7f7f7".into();
        text = palette::GREY_TEXT.into();
        dash = " stroke-dasharray=\"4 3\"";
    }
    if m.best {
        stroke = palette::BEST.into();
        width = 3.0;
    }
    if m.current {
        width = 5.0;
    }
    let state = [(m.greyed, " greyed"), (m.best, " best"), (m.current, " current")]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, s)| *s)
        .collect::<String>();
    let kind = match m.kind {
        NodeKind::Scene { .. } => "scene",
        NodeKind::Ending { .. } => "ending",
        NodeKind::Random => "random",
        NodeKind::Judge => "judge",
        NodeKind::Inject { .. } => "inject",
    };
    let _ = writeln!(out, "<g class=\"node {kind}{state}\" id=\"{}\">", esc(&m.id));
    let paint = format!("fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{}\"{dash}", f(width));
    match m.kind {
        NodeKind::Random => {
            let c = n.center();
            let _ = writeln!(
                out,
                "<polygon points=\"{},{} {},{} {},{} {},{}\" {paint}/>",
                f(c.x),
                f(y),
                f(x + w),
                f(c.y),
                f(c.x),
                f(y + h),
                f(x),
                f(c.y)
            );
        }
        NodeKind::Judge => {
            let _ =
                writeln!(out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" {paint}/>", f(x), f(y), f(w), f(h), f(h / 2.0));
        }
        NodeKind::Ending { .. } => {
            let _ = writeln!(out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"14\" {paint}/>", f(x), f(y), f(w), f(h));
        }
        _ => {
            let _ = writeln!(out, "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"5\" {paint}/>", f(x), f(y), f(w), f(h));
        }
    }
    lines(out, n.center(), &n.lines, n.font, &text, matches!(m.kind, NodeKind::Ending { .. }));
    out.push_str("</g>\n");
}

/// The legend along the bottom: grade colours, then the line styles the map uses. Returns the
/// width it takes.
fn legend(out: &mut String, map: &Map, y: f64) -> f64 {
    let l = map.lang;
    let mut x = 16.0;
    let font = 12.0;
    let word = |out: &mut String, x: &mut f64, s: &str| {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\" dominant-baseline=\"central\">{}</text>",
            f(*x),
            f(y),
            f(font),
            palette::INK,
            esc(s)
        );
        *x += text_width(s, font) + 18.0;
    };
    for g in [Grade::Excellent, Grade::Good, Grade::Pass, Grade::Fail] {
        let rgb = grade_rgb(g);
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"12\" rx=\"4\" fill=\"{}\" stroke=\"{}\" stroke-width=\"2\"/>",
            f(x),
            f(y - 6.0),
            hex(tint(rgb, 0.85)),
            hex(rgb)
        );
        x += 24.0;
        word(out, &mut x, g.label(l));
    }
    let sample = |out: &mut String, x: &mut f64, stroke: &str, width: f64, dash: &str, words: &str| {
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{stroke}\" stroke-width=\"{}\"{dash}/>",
            f(*x),
            f(y),
            f(*x + 28.0),
            f(y),
            f(width)
        );
        *x += 34.0;
        word(out, x, words);
    };
    if map.edges.iter().any(|e| e.best) {
        sample(out, &mut x, palette::BEST, 3.0, "", &t!(l, "graph-legend-best"));
    }
    if map.edges.iter().any(|e| matches!(e.kind, EdgeKind::Timer { .. })) {
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.4\" stroke-dasharray=\"7 4\"/>",
            f(x),
            f(y),
            f(x + 28.0),
            f(y),
            palette::INK
        );
        clock(out, Pt::new(x + 40.0, y), 5.0, palette::INK);
        x += 50.0;
        word(out, &mut x, &t!(l, "graph-legend-timer"));
    }
    if map.nodes.iter().any(|n| matches!(n.kind, NodeKind::Random)) {
        let _ = writeln!(
            out,
            "<polygon points=\"{},{} {},{} {},{} {},{}\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"1.5\"/>",
            f(x + 9.0),
            f(y - 7.0),
            f(x + 18.0),
            f(y),
            f(x + 9.0),
            f(y + 7.0),
            f(x),
            f(y),
            palette::INK
        );
        x += 24.0;
        word(out, &mut x, &t!(l, "graph-legend-random"));
    }
    if map.nodes.iter().any(|n| n.greyed) || map.edges.iter().any(|e| e.greyed) {
        sample(out, &mut x, palette::GREY, 1.2, " stroke-dasharray=\"3 3\"", &t!(l, "graph-legend-grey"));
    }
    x
}

/// The map as an SVG document, laid out by [`layout`].
pub fn to_svg(map: &Map) -> String {
    render(map, &layout(map))
}

/// The SVG for a map already laid out.
pub fn render(map: &Map, laid: &Laid) -> String {
    let caption = if map.role.is_empty() { map.title.clone() } else { format!("{} · {}", map.title, map.role) };
    let height = laid.size.y + CAPTION + LEGEND;
    let mut key = String::new();
    let key_width = legend(&mut key, map, height - LEGEND / 2.0);
    let width = laid.size.x.max(text_width(&caption, 18.0) + 32.0).max(key_width);
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family='{fonts}'>",
        w = f(width),
        h = f(height),
        fonts = palette::FONTS
    );
    let _ = writeln!(out, "<title>{}</title>", esc(&caption));
    let _ = writeln!(out, "<style>text {{ font-family: {}; }}</style>", palette::FONTS);
    out.push_str("<defs>\n");
    for (id, colour) in [("arrow", palette::INK), ("arrow-grey", palette::GREY), ("arrow-best", palette::BEST)] {
        let _ = writeln!(
            out,
            "<marker id=\"{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>"
        );
    }
    out.push_str("</defs>\n");
    out.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    let _ =
        writeln!(out, "<text x=\"16\" y=\"26\" font-size=\"18\" font-weight=\"bold\" fill=\"{}\">{}</text>", palette::INK, esc(&caption));
    let _ = writeln!(out, "<g transform=\"translate(0,{})\">", f(CAPTION));
    for e in &laid.edges {
        edge(&mut out, map, e);
    }
    for n in &laid.nodes {
        node(&mut out, map, n);
    }
    out.push_str("</g>\n");
    out.push_str(&key);
    out.push_str("</svg>\n");
    out
}
