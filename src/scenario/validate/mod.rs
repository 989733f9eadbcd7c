//! Validation: small passes over a parsed scenario, each pushing every problem it finds.
//! Passes locate problems by logical path; the loader turns paths into lines and columns.

mod flow;
mod predict;
mod refs;
mod structure;
pub use predict::{MAX_OUTCOMES, MIN_OUTCOMES};
pub use refs::{MAX_IMAGE_SIDE, png_size};
pub use structure::{id_problem, parse_hhmm};
mod texts;
mod usage;

use super::diagnostic::Finding;
use super::model::{Effect, Next, Scenario};
use super::text::Entries;
use rustc_hash::FxHashMap as HashMap;
use std::path::PathBuf;

/// Looked-up ids of a scenario, shared by the passes.
pub(crate) struct Ctx<'a> {
    pub s: &'a Scenario,
    pub scenes: HashMap<&'a str, usize>,
    pub endings: HashMap<&'a str, usize>,
    pub meters: HashMap<&'a str, usize>,
    pub flags: HashMap<&'a str, usize>,
    pub competencies: HashMap<&'a str, usize>,
    pub roles: HashMap<&'a str, usize>,
    pub characters: HashMap<&'a str, usize>,
    pub choices: HashMap<&'a str, (usize, usize)>,
    pub asset_roots: &'a [PathBuf],
}

fn index_by<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, usize> {
    let mut map = HashMap::with_capacity_and_hasher(items.len(), Default::default());
    for (i, item) in items.iter().enumerate() {
        map.entry(id(item)).or_insert(i);
    }
    map
}

impl<'a> Ctx<'a> {
    pub fn new(s: &'a Scenario, asset_roots: &'a [PathBuf]) -> Self {
        let mut choices = HashMap::default();
        for (i, scene) in s.scenes.iter().enumerate() {
            for (j, c) in scene.choices.iter().enumerate() {
                choices.entry(c.id.as_str()).or_insert((i, j));
            }
        }
        Ctx {
            s,
            scenes: index_by(&s.scenes, |x| &x.id),
            endings: index_by(&s.endings, |x| &x.id),
            meters: index_by(&s.meters, |x| &x.id),
            flags: index_by(&s.flags, |x| &x.id),
            competencies: index_by(&s.competencies, |x| &x.id),
            roles: index_by(&s.roles, |x| &x.id),
            characters: index_by(&s.characters, |x| &x.id),
            choices,
            asset_roots,
        }
    }
}

/// Runs every pass and returns all findings.
pub fn run(s: &Scenario, asset_roots: &[PathBuf]) -> Vec<Finding> {
    let ctx = Ctx::new(s, asset_roots);
    let outcomes = outcomes(s);
    let mut out = Vec::new();
    structure::check(&ctx, &outcomes, &mut out);
    refs::check(&ctx, &outcomes, &mut out);
    flow::check(&ctx, &outcomes, &mut out);
    texts::check(&ctx, &mut out);
    predict::check(&ctx, &outcomes, &mut out);
    usage::check(&ctx, &outcomes, &mut out);
    out
}

/// The closest candidate to a misspelt name, if one is close enough to be a likely typo.
pub fn closest<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (found.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .filter(|c| *c != found)
        .map(|c| (strsim::levenshtein(found, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A path built on the stack and turned into text only when a problem is reported, so that
/// clean files pay no allocation per value: `At::root("scenes").index(3).field("text")`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct At<'a> {
    parent: Option<&'a At<'a>>,
    seg: Seg<'a>,
}

#[derive(Clone, Copy, Debug)]
enum Seg<'a> {
    Field(&'a str),
    Index(usize),
}

impl<'a> At<'a> {
    pub fn root(field: &'a str) -> At<'a> {
        At { parent: None, seg: Seg::Field(field) }
    }

    pub fn field(&'a self, field: &'a str) -> At<'a> {
        At { parent: Some(self), seg: Seg::Field(field) }
    }

    pub fn index(&'a self, i: usize) -> At<'a> {
        At { parent: Some(self), seg: Seg::Index(i) }
    }
}

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(p) = self.parent {
            write!(f, "{p}")?;
        }
        match self.seg {
            Seg::Field(name) if self.parent.is_some() => write!(f, ".{name}"),
            Seg::Field(name) => f.write_str(name),
            Seg::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// Where an outcome sits, kept as indices so its path is only formatted when needed.
#[derive(Clone, Debug)]
pub(crate) enum Site {
    Choice(usize, usize),
    Timer(usize),
    Inject(usize),
}

/// Anything that changes state and moves the story: a choice, a timer, a random branch, an inject.
pub(crate) struct Outcome<'a> {
    pub site: Site,
    /// Indices of the random branches leading here; empty for the outcome itself.
    pub branch: Vec<usize>,
    /// Scene index for choices, timers and their branches.
    pub scene: Option<usize>,
    pub effects: &'a [Effect],
    pub scores: Option<&'a Entries<i64>>,
    pub next: Option<&'a Next>,
}

impl Outcome<'_> {
    /// The logical path of this outcome, e.g. `scenes[2].choices[0].next.0[1]`.
    pub fn path(&self) -> String {
        let mut p = match self.site {
            Site::Choice(i, j) => format!("scenes[{i}].choices[{j}]"),
            Site::Timer(i) => format!("scenes[{i}].timer"),
            Site::Inject(k) => format!("injects[{k}]"),
        };
        for k in &self.branch {
            p.push_str(&format!(".next.0[{k}]"));
        }
        p
    }
}

/// Every outcome in the scenario, nested random branches included.
pub(crate) fn outcomes(s: &Scenario) -> Vec<Outcome<'_>> {
    let mut out = Vec::new();
    for (i, scene) in s.scenes.iter().enumerate() {
        for (j, c) in scene.choices.iter().enumerate() {
            push_outcome(&mut out, Site::Choice(i, j), Vec::new(), Some(i), &c.effects, Some(&c.scores), Some(&c.next));
        }
        if let Some(t) = &scene.timer {
            push_outcome(&mut out, Site::Timer(i), Vec::new(), Some(i), &t.effects, Some(&t.scores), Some(&t.next));
        }
    }
    for (k, inj) in s.injects.iter().enumerate() {
        push_outcome(&mut out, Site::Inject(k), Vec::new(), None, &inj.effects, None, inj.next.as_ref());
    }
    out
}

fn push_outcome<'a>(
    out: &mut Vec<Outcome<'a>>,
    site: Site,
    branch: Vec<usize>,
    scene: Option<usize>,
    effects: &'a [Effect],
    scores: Option<&'a Entries<i64>>,
    next: Option<&'a Next>,
) {
    out.push(Outcome { site: site.clone(), branch: branch.clone(), scene, effects, scores, next });
    if let Some(Next::Random(branches)) = next {
        for (k, b) in branches.iter().enumerate() {
            let mut deeper = branch.clone();
            deeper.push(k);
            push_outcome(out, site.clone(), deeper, scene, &b.effects, Some(&b.scores), Some(&b.next));
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::scenario::diagnostic::{Code, Finding, Location};
    use crate::scenario::model::Scenario;

    /// A small valid scenario that tests modify to provoke one problem at a time.
    pub const BASE: &str = r#"(
    format: 1,
    id: "t",
    languages: ["zh-CN"],
    title: "测试",
    category: Other,
    summary: "测试用例",
    minutes: 5,
    difficulty: Easy,
    competencies: [(id: "law", name: "依法", weight: 1)],
    meters: [(id: "trust", name: "信任", min: 0, max: 100, start: 50)],
    flags: [(id: "deleted")],
    roles: [(id: "clerk", name: "干事", briefing: "你是干事")],
    characters: [(id: "li", name: "李书记")],
    start: "s1",
    scenes: [
        (id: "s1", speaker: "li", text: "开始", choices: [
            (id: "a", text: "回应", feedback: "好", scores: {"law": 1}, effects: [Add("trust", 5), SetFlag("deleted")], next: Scene("s2")),
            (id: "b", text: "沉默", feedback: "差", condition: "trust > 10 && !deleted", next: Ending("bad")),
        ]),
        (id: "s2", text: "结束前", choices: [
            (id: "c", text: "收尾", feedback: "好", next: End),
        ]),
    ],
    endings: [
        (id: "good", title: "好结局", condition: "trust >= 60", grade: Good, text: "好"),
        (id: "bad", title: "坏结局", grade: Fail, text: "坏"),
    ],
)"#;

    pub fn run_on(src: &str) -> Vec<Finding> {
        let s: Scenario = crate::scenario::load::parse(src).unwrap_or_else(|f| panic!("parse failed: {f:?}"));
        super::run(&s, &[])
    }

    pub fn codes(findings: &[Finding]) -> Vec<(Code, String)> {
        findings
            .iter()
            .map(|f| {
                let p = match &f.location {
                    Location::Path(p) | Location::Key(p) | Location::InString(p, _, _) => p.clone(),
                    other => format!("{other:?}"),
                };
                (f.code, p)
            })
            .collect()
    }

    #[test]
    fn base_is_clean() {
        assert_eq!(codes(&run_on(BASE)), vec![]);
    }

    #[test]
    fn closest_finds_typos_only() {
        assert_eq!(super::closest("sceen2", ["scene2", "ending"]), Some("scene2"));
        assert_eq!(super::closest("xyz", ["scene2", "ending"]), None);
    }
}
