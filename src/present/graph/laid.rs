//! The map laid out as plain geometry (boxes, Bézier curves, label positions), so the SVG writer
//! and the desktop app paint the same picture. Placement is layout-rs's (Sugiyama-style ranks,
//! crossing reduction); we size every box ourselves, since its own text measure counts characters
//! and would misjudge Chinese.

use super::{Map, NodeKind};
use layout::core::base::Orientation;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use unicode_width::UnicodeWidthChar;

/// A point in SVG pixels, origin top left.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pt {
    pub x: f64,
    pub y: f64,
}

impl Pt {
    pub fn new(x: f64, y: f64) -> Pt {
        Pt { x, y }
    }
}

/// A node's box and the lines written in it.
#[derive(Clone, Debug)]
pub struct LaidNode {
    /// Index into `Map::nodes`.
    pub node: usize,
    /// Top-left corner and size.
    pub min: Pt,
    pub size: Pt,
    pub lines: Vec<String>,
    pub font: f64,
}

impl LaidNode {
    pub fn center(&self) -> Pt {
        Pt::new(self.min.x + self.size.x / 2.0, self.min.y + self.size.y / 2.0)
    }
}

/// An edge as cubic Bézier segments `[start, control, control, end]`, from its source to its
/// target, and its label's box.
#[derive(Clone, Debug)]
pub struct LaidEdge {
    /// Index into `Map::edges`.
    pub edge: usize,
    pub curves: Vec<[Pt; 4]>,
    /// Centre and size of the label's box.
    pub label_at: Pt,
    pub label_size: Pt,
    pub lines: Vec<String>,
    pub font: f64,
}

/// The whole map laid out.
#[derive(Clone, Debug, Default)]
pub struct Laid {
    pub size: Pt,
    pub nodes: Vec<LaidNode>,
    pub edges: Vec<LaidEdge>,
}

/// Font size of node titles, in pixels.
pub const NODE_FONT: f64 = 14.0;
/// Font size of edge labels.
pub const EDGE_FONT: f64 = 12.0;
/// Line height as a multiple of the font size.
pub const LINE: f64 = 1.3;
const MARGIN: f64 = 16.0;
const NODE_COLUMNS: usize = 20;

/// The width of `text` in pixels at `font`: a CJK (double-width) character is one em, anything
/// else 0.6 em, a safe estimate for the sans-serif fonts the SVG asks for.
pub fn text_width(text: &str, font: f64) -> f64 {
    text.chars().map(|c| if c.width().unwrap_or(0) >= 2 { 1.0 } else { 0.6 * f64::from(u8::from(c.width().unwrap_or(0) > 0)) }).sum::<f64>()
        * font
}

/// Breaks `text` into lines of at most `columns` display columns, at spaces where it can.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        // Chinese closing punctuation never starts a line: it may run one column over.
        let closing = "，。、；：！？）》」』”’…".contains(ch);
        if used + w > columns && !line.is_empty() && !closing {
            // Latin text breaks at its last space; CJK anywhere.
            // A break right after a marker such as `▶` would leave it alone on its line.
            let cut = line.rfind(' ').filter(|&i| ch != ' ' && line[..i].chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() > 2);
            let rest = match cut {
                Some(i) => {
                    let rest = line[i + 1..].to_string();
                    line.truncate(i);
                    rest
                }
                None => String::new(),
            };
            lines.push(std::mem::take(&mut line));
            line = rest;
            used = line.chars().map(|c| c.width().unwrap_or(0)).sum();
            if ch == ' ' {
                continue;
            }
        }
        line.push(ch);
        used += w;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The lines a node shows: its title wrapped to two lines, and its detail.
fn node_lines(map: &Map, i: usize) -> Vec<String> {
    let n = &map.nodes[i];
    let mut lines = wrap(&n.label, NODE_COLUMNS);
    if lines.len() > 2 {
        lines.truncate(2);
        if let Some(last) = lines.last_mut() {
            *last = super::short(&format!("{last}……"), NODE_COLUMNS);
        }
    }
    lines.extend(n.detail.clone());
    lines
}

fn box_size(lines: &[String], font: f64, pad: Pt) -> Pt {
    let w = lines.iter().map(|l| text_width(l, font)).fold(0.0, f64::max);
    Pt::new(w + 2.0 * pad.x, lines.len() as f64 * font * LINE + 2.0 * pad.y)
}

type RecordedPath = (Vec<(Point, Point)>, bool);

/// Records what layout-rs draws, keyed by the ids we hid in its properties and labels.
#[derive(Default)]
struct Recorder {
    boxes: Vec<Option<(Pt, Pt)>>,
    /// Per edge: layout-rs's path, and whether it runs backwards.
    arrows: Vec<Option<RecordedPath>>,
    labels: Vec<Option<Pt>>,
}

fn key(props: &Option<String>, prefix: char) -> Option<usize> {
    props.as_deref()?.strip_prefix(prefix)?.parse().ok()
}

fn pt(p: Point) -> Pt {
    Pt::new(p.x, p.y)
}

impl RenderBackend for Recorder {
    fn draw_rect(&mut self, xy: Point, size: Point, _: &StyleAttr, props: Option<String>, _: Option<ClipHandle>) {
        if let Some(slot) = key(&props, 'n').and_then(|i| self.boxes.get_mut(i)) {
            *slot = Some((pt(xy), pt(size)));
        }
    }

    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_circle(&mut self, xy: Point, size: Point, _: &StyleAttr, props: Option<String>) {
        if let Some(slot) = key(&props, 'n').and_then(|i| self.boxes.get_mut(i)) {
            *slot = Some((Pt::new(xy.x - size.x / 2.0, xy.y - size.y / 2.0), pt(size)));
        }
    }

    fn draw_text(&mut self, xy: Point, text: &str, _: &StyleAttr) {
        let id: String = text.strip_prefix('#').unwrap_or("").chars().take_while(char::is_ascii_digit).collect();
        if let Some(slot) = id.parse::<usize>().ok().and_then(|i| self.labels.get_mut(i)) {
            *slot = Some(pt(xy));
        }
    }

    fn draw_arrow(&mut self, path: &[(Point, Point)], _: bool, head: (bool, bool), _: &StyleAttr, props: Option<String>, _: &str) {
        if let Some(slot) = key(&props, 'e').and_then(|i| self.arrows.get_mut(i)) {
            // A back edge is laid out reversed: its head is at the start.
            *slot = Some((path.to_vec(), head.0 && !head.1));
        }
    }

    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

/// The lines an edge's label shows: the text, then the condition.
fn edge_lines(map: &Map, i: usize) -> Vec<String> {
    let e = &map.edges[i];
    let mut lines = vec![e.text.clone()];
    lines.extend(e.condition.as_ref().map(|c| format!("[{c}]")));
    lines
}

/// Lays the map out. Never panics: should the layout library fail on some graph, the nodes are
/// set out in a plain grid with straight edges instead.
pub fn layout(map: &Map) -> Laid {
    let nodes: Vec<(Vec<String>, f64, Pt)> = (0..map.nodes.len())
        .map(|i| {
            let lines = node_lines(map, i);
            let size = match map.nodes[i].kind {
                NodeKind::Random => {
                    let s = box_size(&lines, EDGE_FONT, Pt::new(0.0, 0.0));
                    Pt::new(s.x * 2.0 + 8.0, s.y * 2.0 + 8.0)
                }
                _ => box_size(&lines, NODE_FONT, Pt::new(12.0, 8.0)),
            };
            let font = if matches!(map.nodes[i].kind, NodeKind::Random) { EDGE_FONT } else { NODE_FONT };
            (lines, font, size)
        })
        .collect();
    let edges: Vec<(Vec<String>, Pt)> = (0..map.edges.len())
        .map(|i| {
            let lines = edge_lines(map, i);
            let size = box_size(&lines, EDGE_FONT, Pt::new(4.0, 2.0));
            (lines, size)
        })
        .collect();
    let placed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| place(map, &nodes, &edges))).ok().flatten();
    let (boxes, curves, labels) = placed.unwrap_or_else(|| grid(map, &nodes, &edges));
    finish(nodes, edges, boxes, curves, labels)
}

type Placed = (Vec<(Pt, Pt)>, Vec<Vec<[Pt; 4]>>, Vec<Pt>);

/// The layout-rs run. Labels ride on placeholder text of the right size that starts with the
/// edge's number, so the recorder can tell which label it is asked to draw.
fn place(map: &Map, nodes: &[(Vec<String>, f64, Pt)], edges: &[(Vec<String>, Pt)]) -> Option<Placed> {
    if map.nodes.is_empty() {
        return Some((Vec::new(), Vec::new(), Vec::new()));
    }
    let dir = Orientation::TopToBottom;
    let mut vg = VisualGraph::new(dir);
    let mut style = StyleAttr::simple();
    let handles: Vec<_> = nodes
        .iter()
        .enumerate()
        .map(|(i, (_, _, size))| {
            let shape = match map.nodes[i].kind {
                NodeKind::Random => ShapeKind::Circle(String::new()),
                _ => ShapeKind::Box(String::new()),
            };
            vg.add_node(Element::create_with_properties(shape, style.clone(), dir, Point::new(size.x, size.y), format!("n{i}")))
        })
        .collect();
    // The connector that carries a label is `chars × font` wide and `lines × font` high, plus 10
    // on each side; choose the counts that give our label box.
    let font = 10usize;
    style.font_size = font;
    for (i, (_, size)) in edges.iter().enumerate() {
        let e = &map.edges[i];
        let (Some(&from), Some(&to)) = (handles.get(e.from), handles.get(e.to)) else { continue };
        let id = format!("#{i}");
        let cols = (((size.x - 20.0) / font as f64).ceil().max(0.0) as usize).max(id.len());
        let rows = (((size.y - 20.0) / font as f64).ceil().max(1.0)) as usize;
        let mut text = format!("{id}{}", "x".repeat(cols - id.len()));
        for _ in 1..rows {
            text.push('\n');
            text.push('x');
        }
        let arrow = Arrow::with_properties(
            LineEndKind::None,
            LineEndKind::Arrow,
            LineStyleKind::Normal,
            &text,
            &style,
            format!("e{i}"),
            &None,
            &None,
        );
        vg.add_edge(arrow, from, to);
    }
    let mut rec = Recorder { boxes: vec![None; map.nodes.len()], arrows: vec![None; map.edges.len()], labels: vec![None; map.edges.len()] };
    // The DAG's self-check after every step is a reachability test per edge: quadratic at least,
    // seconds on a large scenario, and it only asserts what layout-rs itself guarantees.
    vg.dag.set_validate(false);
    vg.do_it(false, false, false, &mut rec);
    let boxes: Option<Vec<(Pt, Pt)>> = rec.boxes.into_iter().collect();
    let boxes = boxes?;
    let mut curves = Vec::new();
    for arrow in rec.arrows {
        let (path, reversed) = arrow?;
        curves.push(beziers(&path, reversed));
    }
    let labels = rec.labels.iter().zip(&curves).map(|(l, c)| l.unwrap_or_else(|| midpoint(c))).collect();
    Some((boxes, curves, labels))
}

/// layout-rs's path (`M p0 C c0 c1 p1 S c2 p2 …`) as explicit cubic segments from source to target.
fn beziers(path: &[(Point, Point)], reversed: bool) -> Vec<[Pt; 4]> {
    let mut out: Vec<[Pt; 4]> = Vec::new();
    if path.len() < 2 {
        return out;
    }
    out.push([pt(path[0].0), pt(path[0].1), pt(path[1].0), pt(path[1].1)]);
    for p in &path[2..] {
        let Some(&[_, _, c2, end]) = out.last() else { break };
        let c1 = Pt::new(2.0 * end.x - c2.x, 2.0 * end.y - c2.y);
        out.push([end, c1, pt(p.0), pt(p.1)]);
    }
    if reversed {
        out.reverse();
        for seg in &mut out {
            seg.reverse();
        }
    }
    out
}

/// The point halfway along an edge (the middle segment's middle).
fn midpoint(curves: &[[Pt; 4]]) -> Pt {
    let Some([a, b, c, d]) = curves.get(curves.len() / 2) else { return Pt::default() };
    let t = |p: fn(&Pt) -> f64| 0.125 * p(a) + 0.375 * p(b) + 0.375 * p(c) + 0.125 * p(d);
    Pt::new(t(|p| p.x), t(|p| p.y))
}

/// A plain fallback: rows of boxes in map order and straight edges.
fn grid(map: &Map, nodes: &[(Vec<String>, f64, Pt)], _: &[(Vec<String>, Pt)]) -> Placed {
    const PER_ROW: usize = 4;
    let cell = nodes.iter().fold(Pt::new(0.0, 0.0), |m, (_, _, s)| Pt::new(m.x.max(s.x), m.y.max(s.y)));
    let (w, h) = (cell.x + 80.0, cell.y + 80.0);
    let boxes: Vec<(Pt, Pt)> = nodes
        .iter()
        .enumerate()
        .map(|(i, (_, _, s))| {
            let (col, row) = ((i % PER_ROW) as f64, (i / PER_ROW) as f64);
            (Pt::new(col * w + (w - s.x) / 2.0, row * h + (h - s.y) / 2.0), *s)
        })
        .collect();
    let centre = |i: usize| boxes.get(i).map_or(Pt::default(), |(m, s)| Pt::new(m.x + s.x / 2.0, m.y + s.y / 2.0));
    let curves: Vec<Vec<[Pt; 4]>> = map
        .edges
        .iter()
        .map(|e| {
            let (a, d) = (centre(e.from), centre(e.to));
            let lerp = |t: f64| Pt::new(a.x + (d.x - a.x) * t, a.y + (d.y - a.y) * t);
            vec![[a, lerp(1.0 / 3.0), lerp(2.0 / 3.0), d]]
        })
        .collect();
    let labels = curves.iter().map(|c| midpoint(c)).collect();
    (boxes, curves, labels)
}

/// Moves everything so the picture starts at the margin, and assembles the result.
fn finish(
    nodes: Vec<(Vec<String>, f64, Pt)>,
    edges: Vec<(Vec<String>, Pt)>,
    boxes: Vec<(Pt, Pt)>,
    curves: Vec<Vec<[Pt; 4]>>,
    labels: Vec<Pt>,
) -> Laid {
    let (mut lo, mut hi) = (Pt::new(f64::MAX, f64::MAX), Pt::new(f64::MIN, f64::MIN));
    let mut grow = |p: Pt| {
        if p.x.is_finite() && p.y.is_finite() {
            lo = Pt::new(lo.x.min(p.x), lo.y.min(p.y));
            hi = Pt::new(hi.x.max(p.x), hi.y.max(p.y));
        }
    };
    for (m, s) in &boxes {
        grow(*m);
        grow(Pt::new(m.x + s.x, m.y + s.y));
    }
    for c in curves.iter().flatten().flatten() {
        grow(*c);
    }
    for (l, (_, s)) in labels.iter().zip(&edges) {
        grow(Pt::new(l.x - s.x / 2.0, l.y - s.y / 2.0));
        grow(Pt::new(l.x + s.x / 2.0, l.y + s.y / 2.0));
    }
    if lo.x > hi.x {
        return Laid { size: Pt::new(2.0 * MARGIN, 2.0 * MARGIN), nodes: Vec::new(), edges: Vec::new() };
    }
    let shift = |p: Pt| Pt::new(p.x - lo.x + MARGIN, p.y - lo.y + MARGIN);
    let laid_nodes = nodes
        .into_iter()
        .zip(boxes)
        .enumerate()
        .map(|(node, ((lines, font, _), (min, size)))| LaidNode { node, min: shift(min), size, lines, font })
        .collect();
    let laid_edges = edges
        .into_iter()
        .zip(curves.into_iter().zip(labels))
        .enumerate()
        .map(|(edge, ((lines, label_size), (curves, at)))| LaidEdge {
            edge,
            curves: curves.into_iter().map(|seg| seg.map(shift)).collect(),
            label_at: shift(at),
            label_size,
            lines,
            font: EDGE_FONT,
        })
        .collect();
    Laid { size: Pt::new(hi.x - lo.x + 2.0 * MARGIN, hi.y - lo.y + 2.0 * MARGIN), nodes: laid_nodes, edges: laid_edges }
}
