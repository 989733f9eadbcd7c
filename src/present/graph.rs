//! The scenario as a map for one role: scenes and endings as nodes, choices, timers, random draws
//! and inject redirects as edges, each marked greyed (no road gets there), best (on the best road)
//! or current (the class is here now). Built once from a compiled scenario; the renderers in
//! `graph/` turn it into DOT, Mermaid, laid-out geometry and SVG.

mod dot;
mod laid;
mod mermaid;
mod svg;

pub use dot::to_dot;
pub use laid::{LINE, Laid, LaidEdge, LaidNode, Pt, layout, text_width, wrap};
pub use mermaid::to_mermaid;
pub use svg::{render as render_svg, to_svg};

use crate::engine::Compiled;
use crate::engine::compiled::{CNext, allows};
use crate::lang::Lang;
use crate::scenario::model::Grade;
use crate::scenario::text::Text;
use crate::t;
use unicode_width::UnicodeWidthChar;

/// What the analyser knows about each part of the map, for one role.
#[derive(Clone, Debug, Default)]
pub struct Marks {
    /// Per scene index: some road reaches it.
    pub scene_reached: Vec<bool>,
    /// Per global choice index: some road takes it.
    pub choice_taken: Vec<bool>,
    /// Per scene index: some road lets its timer run out.
    pub timer_taken: Vec<bool>,
    /// Per ending index: some road ends there.
    pub ending_reached: Vec<bool>,
    /// The best road: (scene, Some(choice) or None for the timer) in order.
    pub best: Vec<(usize, Option<usize>)>,
    /// The ending the best road reaches, when known.
    pub best_ending: Option<usize>,
    /// The scene to mark as "now" (during a class).
    pub current: Option<usize>,
}

impl Marks {
    /// What the scene graph alone says: every choice the role has is taken whatever its condition,
    /// every timer runs out, every random branch with weight is drawn, and `End` may give any of
    /// the role's endings up to the first one without a condition. No best road.
    pub fn structural(c: &Compiled, role: usize) -> Marks {
        let n = c.scenes.len();
        let mut m = Marks {
            scene_reached: vec![false; n],
            choice_taken: vec![false; c.choices.len()],
            timer_taken: vec![false; n],
            ending_reached: vec![false; c.endings.len()],
            best: Vec::new(),
            best_ending: None,
            current: None,
        };
        let mut stack: Vec<usize> = start_scene(c, role).into_iter().collect();
        // Injects fire on arriving anywhere, the first scene included, so their redirects are
        // reachable as soon as anything is.
        if !stack.is_empty() {
            for inj in c.injects.iter().filter(|i| allows(&i.roles, role)) {
                if let Some(next) = &inj.next {
                    follow(c, role, next, &mut stack, &mut m.ending_reached, 0);
                }
            }
        }
        while let Some(s) = stack.pop() {
            if s >= n || std::mem::replace(&mut m.scene_reached[s], true) {
                continue;
            }
            for ix in c.scenes[s].choices.clone() {
                let Some(choice) = c.choices.get(ix) else { continue };
                if allows(&choice.roles, role) {
                    m.choice_taken[ix] = true;
                    follow(c, role, &choice.outcome.next, &mut stack, &mut m.ending_reached, 0);
                }
            }
            if let Some(t) = &c.scenes[s].timer {
                m.timer_taken[s] = true;
                follow(c, role, &t.next, &mut stack, &mut m.ending_reached, 0);
            }
        }
        m
    }

    /// What exploring every road found (`shapan analyze`): what some road reaches, and the best
    /// road. A role too large to explore keeps the structural marks.
    pub fn explored(c: &Compiled, report: &crate::engine::analysis::RoleReport) -> Marks {
        if !report.explored {
            return Marks::structural(c, report.role);
        }
        let mut ending_reached = vec![false; c.endings.len()];
        for e in &report.endings {
            ending_reached[e.ending] = e.reached;
        }
        Marks {
            scene_reached: report.scene_reached.clone(),
            choice_taken: report.choice_offered.clone(),
            timer_taken: report.timer_taken.clone(),
            ending_reached,
            best: report.best.as_ref().map(|b| b.steps.clone()).unwrap_or_default(),
            best_ending: report.best.as_ref().and_then(|b| b.ending),
            current: None,
        }
    }
}

/// The scene a role starts in.
pub fn start_scene(c: &Compiled, role: usize) -> Option<usize> {
    let id = c.scenario.roles.get(role).and_then(|r| r.start.as_deref()).unwrap_or(&c.scenario.start);
    c.scene_index(id)
}

/// The endings `End` can give a role: the role's endings in order, up to the first without a
/// condition (later ones can never be picked by `End`).
fn judged_endings(c: &Compiled, role: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, e) in c.endings.iter().enumerate() {
        if allows(&e.roles, role) {
            out.push(i);
            if e.condition.is_none() {
                break;
            }
        }
    }
    out
}

fn follow(c: &Compiled, role: usize, next: &CNext, stack: &mut Vec<usize>, endings: &mut [bool], depth: usize) {
    match next {
        CNext::Scene(i) => stack.push(*i),
        CNext::Ending(e) => {
            if let Some(r) = endings.get_mut(*e) {
                *r = true;
            }
        }
        CNext::End => {
            for e in judged_endings(c, role) {
                endings[e] = true;
            }
        }
        CNext::Random(list) if depth < 64 => {
            for &(w, b) in list {
                if let (true, Some(branch)) = (w > 0, c.branches.get(b)) {
                    follow(c, role, &branch.outcome.next, stack, endings, depth + 1);
                }
            }
        }
        CNext::Random(_) => {}
    }
}

/// Colours every renderer uses, beside the grade colours of [`crate::present::grade_rgb`].
pub mod palette {
    /// Lines and text of what no road reaches.
    pub const GREY: &str = "#bdbdbd";
    pub const GREY_TEXT: &str = "#9e9e9e";
    /// The best road: a colour no grade uses.
    pub const BEST: &str = "#7b3fbf";
    pub const BEST_HALO: &str = "#e4d6f5";
    /// Ordinary lines and text.
    pub const INK: &str = "#333333";
    /// The font list: common Chinese fonts on Linux, Windows and macOS, then any sans-serif.
    pub const FONTS: &str =
        "\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",\"PingFang SC\",\"WenQuanYi Micro Hei\",sans-serif";
}

/// `rgb` mixed with white, `amount` of the way (0 = the colour, 1 = white): a fill for a box.
pub fn tint(rgb: [u8; 3], amount: f64) -> [u8; 3] {
    rgb.map(|c| (f64::from(c) + (255.0 - f64::from(c)) * amount.clamp(0.0, 1.0)).round() as u8)
}

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// A scene (by index); `start` for the role's first scene.
    Scene { index: usize, start: bool },
    /// An ending (by index) with its grade.
    Ending { index: usize, grade: Grade },
    /// A random draw: its edges carry the chances.
    Random,
    /// `End`: the first of the role's endings whose condition holds.
    Judge,
    /// An inject that redirects the story (by index).
    Inject { index: usize },
}

/// One box on the map.
#[derive(Clone, Debug)]
pub struct Node {
    /// A short ASCII id, safe in DOT and Mermaid: `s3`, `e1`, `r0`, `judge`, `i2`.
    pub id: String,
    pub kind: NodeKind,
    /// The title (a scene's title or the start of its text; an ending's title).
    pub label: String,
    /// A second line: an ending's grade, an inject's condition.
    pub detail: Option<String>,
    pub greyed: bool,
    pub best: bool,
    pub current: bool,
}

/// What an edge stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// A choice, by global index.
    Choice { index: usize },
    /// The scene's timer running out.
    Timer { seconds: u32 },
    /// One outcome of a random draw, with its chance in percent.
    Random { percent: u32 },
    /// `End` picking this ending (the label is its condition).
    Judge,
    /// An inject's redirect.
    Inject,
}

/// One arrow on the map.
#[derive(Clone, Debug)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// The short form of the choice text, or the timer, chance or condition.
    pub text: String,
    /// The choice's condition as the author wrote it (shortened).
    pub condition: Option<String>,
    pub greyed: bool,
    pub best: bool,
}

impl Edge {
    /// The text and the condition in brackets, joined by `sep`.
    pub fn label(&self, sep: &str) -> String {
        match &self.condition {
            Some(c) => format!("{}{sep}[{c}]", self.text),
            None => self.text.clone(),
        }
    }
}

/// The scenario as a map for one role.
#[derive(Clone, Debug, Default)]
pub struct Map {
    /// The scenario's title and the role's name, for a caption.
    pub title: String,
    pub role: String,
    /// The interface language, for the legend.
    pub lang: Lang,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// How many display columns a choice's text keeps on an edge.
pub const CHOICE_COLUMNS: usize = 14;
/// How many display columns a condition keeps.
pub const CONDITION_COLUMNS: usize = 26;
/// How many display columns a node's title keeps.
pub const TITLE_COLUMNS: usize = 24;

/// `text` on one line, cut to `columns` display columns with `…` (a CJK character takes two).
pub fn short(text: &str, columns: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let width = |c: char| c.width().unwrap_or(0);
    if flat.chars().map(width).sum::<usize>() <= columns {
        return flat;
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in flat.chars() {
        let w = width(ch);
        if used + w + 1 > columns {
            // Latin words are not cut in the middle when a space came before.
            if let (true, Some(i)) = (ch.is_ascii_alphanumeric() && out.ends_with(|c: char| c.is_ascii_alphanumeric()), out.rfind(' ')) {
                out.truncate(i);
            }
            break;
        }
        used += w;
        out.push(ch);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// The content language code for `lang`: the scenario's own text in that language when it has
/// one, else its original language (as `shapan play` picks it).
pub fn content_code(c: &Compiled, lang: Lang) -> String {
    let s = &c.scenario;
    if s.languages.iter().any(|l| l == lang.code()) { lang.code().to_string() } else { s.original_language().to_string() }
}

struct Builder<'a> {
    c: &'a Compiled,
    role: usize,
    lang: Lang,
    code: String,
    marks: &'a Marks,
    map: Map,
    scene_node: Vec<usize>,
    ending_node: Vec<Option<usize>>,
    judge: Option<usize>,
    /// Per global choice index: its edge.
    choice_edge: Vec<Option<usize>>,
    /// Per scene index: its timer's edge.
    timer_edge: Vec<Option<usize>>,
}

impl Map {
    /// The map of `c` as `role` sees it, in the content language for `lang`, marked with `marks`
    /// (an empty `Marks` greys nothing; `Marks::structural` greys what no road reaches).
    pub fn build(c: &Compiled, role: usize, lang: Lang, marks: &Marks) -> Map {
        let code = content_code(c, lang);
        let s = &c.scenario;
        let map = Map {
            title: s.title.get(&code).to_string(),
            role: s.roles.get(role).map(|r| r.name.get(&code).to_string()).unwrap_or_default(),
            lang,
            nodes: Vec::new(),
            edges: Vec::new(),
        };
        let mut b = Builder {
            c,
            role,
            lang,
            code,
            marks,
            map,
            scene_node: Vec::new(),
            ending_node: vec![None; c.endings.len()],
            judge: None,
            choice_edge: vec![None; c.choices.len()],
            timer_edge: vec![None; c.scenes.len()],
        };
        b.build();
        b.map
    }
}

/// `v[i]`, or `true` where the marks say nothing (an empty `Marks` greys nothing).
fn mark(v: &[bool], i: usize) -> bool {
    v.get(i).copied().unwrap_or(true)
}

impl Builder<'_> {
    fn text(&self, t: &Text) -> String {
        t.get(&self.code).to_string()
    }

    fn node(&mut self, id: String, kind: NodeKind, label: String, detail: Option<String>, greyed: bool) -> usize {
        self.map.nodes.push(Node { id, kind, label, detail, greyed, best: false, current: false });
        self.map.nodes.len() - 1
    }

    fn edge(&mut self, from: usize, to: usize, kind: EdgeKind, text: String, condition: Option<String>, greyed: bool) -> usize {
        self.map.edges.push(Edge { from, to, kind, text, condition, greyed, best: false });
        self.map.edges.len() - 1
    }

    fn build(&mut self) {
        let c = self.c;
        let start = start_scene(c, self.role);
        for (i, scene) in c.scenario.scenes.iter().enumerate() {
            let label = match &scene.title {
                Some(t) => short(&self.text(t), TITLE_COLUMNS),
                None => short(&self.text(&scene.text), TITLE_COLUMNS),
            };
            let label = if start == Some(i) { format!("▶ {label}") } else { label };
            let greyed = !mark(&self.marks.scene_reached, i);
            let n = self.node(format!("s{i}"), NodeKind::Scene { index: i, start: start == Some(i) }, label, None, greyed);
            self.scene_node.push(n);
        }
        for (e, ending) in c.endings.iter().enumerate() {
            if allows(&ending.roles, self.role) {
                self.ending(e);
            }
        }
        for (i, scene) in c.scenes.iter().enumerate() {
            for ix in scene.choices.clone() {
                let Some(choice) = c.choices.get(ix) else { continue };
                if !allows(&choice.roles, self.role) {
                    continue;
                }
                let authored = c.choice(ix);
                let to = self.target(&choice.outcome.next, 0);
                let text = short(&self.text(&authored.text), CHOICE_COLUMNS);
                let condition = authored.condition.as_ref().map(|k| short(&k.source, CONDITION_COLUMNS));
                let greyed = !mark(&self.marks.choice_taken, ix);
                let e = self.edge(self.scene_node[i], to, EdgeKind::Choice { index: ix }, text, condition, greyed);
                self.choice_edge[ix] = Some(e);
            }
            if let Some(timer) = &scene.timer {
                let seconds = scene.timer_ms.map_or(0, |ms| u32::try_from(ms / 1000).unwrap_or(u32::MAX));
                let to = self.target(&timer.next, 0);
                let text = t!(self.lang, "graph-timer", seconds = seconds);
                let greyed = !mark(&self.marks.timer_taken, i);
                let e = self.edge(self.scene_node[i], to, EdgeKind::Timer { seconds }, text, None, greyed);
                self.timer_edge[i] = Some(e);
            }
        }
        for (k, inj) in c.injects.iter().enumerate() {
            let Some(next) = &inj.next else { continue };
            if !allows(&inj.roles, self.role) {
                continue;
            }
            let authored = &c.scenario.injects[k];
            let label = t!(self.lang, "graph-inject", id = &authored.id);
            let detail = Some(format!("[{}]", short(&authored.when.source, CONDITION_COLUMNS)));
            let from = self.node(format!("i{k}"), NodeKind::Inject { index: k }, label, detail, false);
            let to = self.target(next, 0);
            self.edge(from, to, EdgeKind::Inject, t!(self.lang, "graph-redirect"), None, false);
        }
        self.settle_greys();
        self.mark_best();
        if let Some(&n) = self.marks.current.and_then(|s| self.scene_node.get(s)) {
            self.map.nodes[n].current = true;
        }
    }

    fn ending(&mut self, e: usize) -> usize {
        if let Some(n) = self.ending_node[e] {
            return n;
        }
        let c = self.c;
        let authored = &c.scenario.endings[e];
        let label = short(&self.text(&authored.title), TITLE_COLUMNS);
        let detail = Some(authored.grade.label(self.lang).to_string());
        let greyed = !mark(&self.marks.ending_reached, e);
        let n = self.node(format!("e{e}"), NodeKind::Ending { index: e, grade: authored.grade }, label, detail, greyed);
        self.ending_node[e] = Some(n);
        n
    }

    /// The node a `next` leads to, adding random and judge junctions as needed.
    fn target(&mut self, next: &CNext, depth: usize) -> usize {
        match next {
            CNext::Scene(i) => self.scene_node.get(*i).copied().unwrap_or_else(|| self.judge()),
            CNext::Ending(e) if *e < self.ending_node.len() => self.ending(*e),
            CNext::Ending(_) | CNext::End => self.judge(),
            CNext::Random(list) => {
                let id = format!("r{}", list.first().map_or(self.map.nodes.len(), |&(_, b)| b));
                let junction = self.node(id, NodeKind::Random, t!(self.lang, "graph-random"), None, true);
                // Weights are the author's numbers: add them up wide, so no weight can overflow the sum.
                let total: u128 = list.iter().map(|&(w, _)| u128::from(w)).sum();
                for &(w, b) in list {
                    let Some(branch) = self.c.branches.get(b) else { continue };
                    let to = if depth < 64 { self.target(&branch.outcome.next, depth + 1) } else { self.judge() };
                    let share = (u128::from(w) * 100 + total / 2).checked_div(total).unwrap_or(0);
                    let percent = u32::try_from(share).unwrap_or(100);
                    self.edge(junction, to, EdgeKind::Random { percent }, format!("{percent}%"), None, true);
                }
                junction
            }
        }
    }

    fn judge(&mut self) -> usize {
        if let Some(j) = self.judge {
            return j;
        }
        let j = self.node("judge".into(), NodeKind::Judge, t!(self.lang, "graph-judge"), None, true);
        self.judge = Some(j);
        for e in judged_endings(self.c, self.role) {
            let to = self.ending(e);
            let text = match &self.c.scenario.endings[e].condition {
                Some(k) => format!("[{}]", short(&k.source, CONDITION_COLUMNS)),
                None => t!(self.lang, "graph-otherwise"),
            };
            self.edge(j, to, EdgeKind::Judge, text, None, true);
        }
        j
    }

    /// Junctions are greyed when nothing that reaches them is taken; their edges and injects'
    /// redirects when their source or target is greyed.
    fn settle_greys(&mut self) {
        let junction = |k: NodeKind| matches!(k, NodeKind::Random | NodeKind::Judge);
        for _ in 0..=self.map.nodes.len() {
            let mut changed = false;
            for n in 0..self.map.nodes.len() {
                if !junction(self.map.nodes[n].kind) {
                    continue;
                }
                let greyed = self.map.edges.iter().filter(|e| e.to == n).all(|e| e.greyed);
                changed |= std::mem::replace(&mut self.map.nodes[n].greyed, greyed) != greyed;
            }
            for i in 0..self.map.edges.len() {
                let e = &self.map.edges[i];
                let from = &self.map.nodes[e.from];
                if !(junction(from.kind) || matches!(e.kind, EdgeKind::Inject)) {
                    continue;
                }
                let greyed = (junction(from.kind) && from.greyed) || self.map.nodes[e.to].greyed;
                changed |= std::mem::replace(&mut self.map.edges[i].greyed, greyed) != greyed;
            }
            if !changed {
                break;
            }
        }
        for i in 0..self.map.nodes.len() {
            if matches!(self.map.nodes[i].kind, NodeKind::Inject { .. }) {
                self.map.nodes[i].greyed = self.map.edges.iter().filter(|e| e.from == i).all(|e| e.greyed);
            }
        }
    }

    /// Highlights the best road: its scenes and decisions, and through random draws the branch
    /// that leads on to the road's next scene.
    fn mark_best(&mut self) {
        let best = self.marks.best.clone();
        for (k, &(scene, decision)) in best.iter().enumerate() {
            let Some(&n) = self.scene_node.get(scene) else { continue };
            self.map.nodes[n].best = true;
            let edge = match decision {
                Some(ix) => self.choice_edge.get(ix).copied().flatten(),
                None => self.timer_edge.get(scene).copied().flatten(),
            };
            let Some(e) = edge else { continue };
            self.map.edges[e].best = true;
            // The next step's scene, or after the last step the ending the road reaches.
            let goal = match best.get(k + 1) {
                Some(&(s, _)) => self.scene_node.get(s).copied(),
                None => self.marks.best_ending.and_then(|e| self.ending_node.get(e).copied().flatten()),
            };
            let to = self.map.edges[e].to;
            self.best_through(to, goal, 0);
        }
    }

    /// Marks the way from `node` through junctions to `goal` (a scene node), or, on the last step,
    /// the ending or junction reached. Returns whether `goal` was found.
    fn best_through(&mut self, node: usize, goal: Option<usize>, depth: usize) -> bool {
        let kind = self.map.nodes[node].kind;
        match kind {
            NodeKind::Random | NodeKind::Judge if depth < 64 => {
                let outs: Vec<usize> = (0..self.map.edges.len()).filter(|&i| self.map.edges[i].from == node).collect();
                let mut found = false;
                if goal.is_some() {
                    for e in outs {
                        if self.best_through(self.map.edges[e].to, goal, depth + 1) {
                            self.map.edges[e].best = true;
                            found = true;
                        }
                    }
                }
                if found || goal.is_none() {
                    self.map.nodes[node].best = true;
                }
                found
            }
            NodeKind::Ending { .. } if goal.is_none() || goal == Some(node) => {
                self.map.nodes[node].best = true;
                true
            }
            _ => Some(node) == goal,
        }
    }
}

#[cfg(test)]
mod tests;
