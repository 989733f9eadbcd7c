//! `shapan analyze`: what every road through a scenario does, per role, for the author to read
//! before teaching it: endings no road reaches and why, score ranges, the best and worst roads
//! with their grades, choices never open or never worth taking, red lines, pedagogy figures,
//! duration and projector fit. Text for people (Chinese or English), JSON for tools.

use super::{AnalyzeArgs, EXIT_ERRORS, EXIT_USAGE, Format};
use crate::engine::Compiled;
use crate::engine::analysis::{Analysis, Road, RoleReport, Unreached, analyse};
use crate::engine::compiled::allows;
use crate::engine::explore::Action;
use crate::engine::pedagogy::{DILEMMA_MARGIN, Pedagogy, percent};
use crate::i18n::Message;
use crate::lang::Lang;
use crate::present::graph::short;
use crate::scenario::diagnostic::Diagnostic;
use crate::scenario::load::resolve;
use crate::scenario::render::{render, summary};
use crate::scenario::{Loaded, Severity, load_path, scenario_files};
use crate::{msg, t};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

/// One analysed file.
pub struct Analysed {
    pub loaded: Loaded,
    pub compiled: Option<Compiled>,
    pub analysis: Option<Analysis>,
    /// The loader's diagnostics and the analysis's, with places.
    pub diagnostics: Vec<Diagnostic>,
    pub ms: f64,
}

/// Loads, checks and analyses one file (for `role`, or every role).
pub fn analyse_file(path: &std::path::Path, role: Option<&str>) -> Result<Analysed, String> {
    let loaded = load_path(path);
    let mut diagnostics = loaded.diagnostics.clone();
    let Some(scenario) = loaded.playable().cloned() else {
        return Ok(Analysed { loaded, compiled: None, analysis: None, diagnostics, ms: 0.0 });
    };
    let started = Instant::now();
    let compiled = Compiled::new(scenario);
    let role_ix = match role {
        Some(r) => Some(compiled.role_index(r).ok_or_else(|| r.to_string())?),
        None => None,
    };
    let analysis = analyse(&compiled, role_ix);
    let ms = started.elapsed().as_secs_f64() * 1e3;
    // The loader's findings are only warnings here (the file is playable); the analysis's follow.
    diagnostics.extend(resolve(analysis.findings.clone(), &loaded.source));
    Ok(Analysed { loaded, compiled: Some(compiled), analysis: Some(analysis), diagnostics, ms })
}

pub fn run(args: &AnalyzeArgs, lang: Lang) -> ExitCode {
    let files = scenario_files(&args.paths);
    if files.is_empty() {
        eprintln!("{}", t!(lang, "analyze-no-files"));
        return ExitCode::from(EXIT_USAGE);
    }
    let mut done = Vec::new();
    for f in &files {
        match analyse_file(f, args.role.as_deref()) {
            Ok(a) => done.push(a),
            Err(role) => {
                eprintln!("{}: {}", f.display(), t!(lang, "analyze-no-role", role = role));
                return ExitCode::from(EXIT_USAGE);
            }
        }
    }
    let mut out = std::io::stdout().lock();
    let _ = match args.format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json!({ "files": done.iter().map(|a| report_json(a, lang)).collect::<Vec<_>>() }))
                .unwrap_or_default()
        ),
        Format::Text => write!(out, "{}", done.iter().map(|a| report_text(a, lang)).collect::<String>()),
    };
    let errors = done.iter().any(|a| a.diagnostics.iter().any(|d| d.severity == Severity::Error));
    if errors { ExitCode::from(EXIT_ERRORS) } else { ExitCode::SUCCESS }
}

struct Words<'a> {
    c: &'a Compiled,
    lang: Lang,
    code: &'a str,
}

impl Words<'_> {
    fn scene(&self, i: usize) -> String {
        let sc = &self.c.scenario.scenes[i];
        sc.title.as_ref().map_or_else(|| sc.id.clone(), |t| t.get(self.code).to_string())
    }

    fn action(&self, a: Action) -> String {
        match a {
            Some(ix) => short(self.c.choice(ix).text.get(self.code), 40),
            None => t!(self.lang, "analyze-no-decision"),
        }
    }

    fn ending(&self, e: usize) -> String {
        let end = &self.c.scenario.endings[e];
        t!(self.lang, "analyze-ending", title = end.title.get(self.code), grade = end.grade.label(self.lang))
    }

    fn competency(&self, k: usize) -> String {
        self.c.scenario.competencies[k].name.get(self.code).to_string()
    }
}

/// Why no road reaches an ending, to be shown in the reader's language.
fn unreached(c: &Compiled, why: &Unreached) -> Message {
    match why {
        Unreached::Shadowed { by } => msg!("analyze-unreached-shadowed", by = &c.scenario.endings[*by].id),
        Unreached::Impossible => msg!("analyze-unreached-impossible"),
        Unreached::NoRoad => msg!("analyze-unreached-no-road"),
    }
}

fn road_text(w: &Words, road: &Road, out: &mut String) {
    let l = w.lang;
    let ending = road.ending.map_or_else(|| t!(l, "analyze-no-ending"), |e| w.ending(e));
    // One decimal as the figures are shown everywhere, whatever the language's number format.
    let (total, expected) = (format!("{:.1}", road.total), format!("{:.1}", road.expected));
    let summary = t!(l, "analyze-road", ending = ending, total = total, grade = road.grade.label(l), expected = expected);
    let _ = writeln!(out, "    {summary}");
    for (n, &(scene, action)) in road.steps.iter().enumerate() {
        let _ = writeln!(out, "    {:>2}. {} → {}", n + 1, w.scene(scene), w.action(action));
    }
}

fn role_text(w: &Words, a: &Analysis, r: &RoleReport, out: &mut String) {
    let (c, l) = (w.c, w.lang);
    let s = &c.scenario;
    let role = &s.roles[r.role];
    let _ = writeln!(out, "\n## {}", t!(l, "analyze-role", name = role.name.get(w.code), id = &role.id));
    if !r.explored {
        let _ = writeln!(out, "  {}", t!(l, "analyze-role-not-explored"));
        return;
    }
    let _ = writeln!(out, "  {}", t!(l, "analyze-states", n = r.states));
    let _ = writeln!(out, "\n  {}", t!(l, "analyze-endings"));
    for e in &r.endings {
        let mark = if e.reached { "✓" } else { "✗" };
        let why = e.why.as_ref().map_or_else(String::new, |why| format!(" — {}", unreached(c, why).render(l)));
        let _ = writeln!(out, "    {mark} {} [{}]{why}", w.ending(e.ending), s.endings[e.ending].id);
    }
    let _ = writeln!(out, "\n  {}", t!(l, "analyze-ranges"));
    for (k, (lo, hi)) in r.ranges.iter().enumerate() {
        let _ = writeln!(out, "    {}: {lo} … {hi}", w.competency(k));
    }
    for (road, title) in [(&r.best, t!(l, "analyze-best-road")), (&r.worst, t!(l, "analyze-worst-road"))] {
        let Some(road) = road else { continue };
        let _ = writeln!(out, "\n  {title} {}", t!(l, "analyze-road-length", n = road.steps.len()));
        road_text(w, road, out);
        if let Some(e) = road.ending
            && s.endings[e].grade != road.grade
        {
            let (ending, score) = (s.endings[e].grade.label(l), road.grade.label(l));
            let _ = writeln!(out, "    {}", t!(l, "analyze-grade-mismatch", ending = ending, score = score));
        }
    }
    let never: Vec<usize> = (0..c.choices.len())
        .filter(|&i| !r.choice_offered[i] && r.scene_reached[c.choices[i].scene] && allows(&c.choices[i].roles, r.role))
        .collect();
    if !never.is_empty() {
        let _ = writeln!(out, "\n  {}", t!(l, "analyze-never-open"));
        for ix in never {
            let _ = writeln!(out, "    {} → {} [{}]", w.scene(c.choices[ix].scene), w.action(Some(ix)), c.choice(ix).id);
        }
    }
    let timers: Vec<usize> =
        (0..s.scenes.len()).filter(|&i| s.scenes[i].timer.is_some() && r.scene_reached[i] && !r.timer_taken[i]).collect();
    if !timers.is_empty() {
        let _ = writeln!(out, "\n  {}", t!(l, "analyze-timers-never-apply"));
        for i in timers {
            let _ = writeln!(out, "    {} [{}]", w.scene(i), s.scenes[i].id);
        }
    }
    if !r.dominated.is_empty() {
        let _ = writeln!(out, "\n  {}", t!(l, "analyze-dominated"));
        for &ix in &r.dominated {
            let _ = writeln!(out, "    {} → {} [{}]", w.scene(c.choices[ix].scene), w.action(Some(ix)), c.choice(ix).id);
        }
    }
    if !a.red_line_choices.is_empty() {
        let _ = writeln!(out, "\n  {}", t!(l, "analyze-red-lines"));
        for &ix in &a.red_line_choices {
            let crossed =
                if r.red_lines_on_best.contains(&ix) { format!("  {}", t!(l, "analyze-red-line-on-best")) } else { String::new() };
            let _ = writeln!(out, "    {} → {} [{}]{crossed}", w.scene(c.choices[ix].scene), w.action(Some(ix)), c.choice(ix).id);
        }
    }
    let d = r.duration;
    let span = |(a, b): (u32, u32)| if a == b { a.to_string() } else { format!("{a}–{b}") };
    let _ = writeln!(out, "\n  {}", t!(l, "analyze-duration"));
    let figures = t!(
        l,
        "analyze-duration-figures",
        solo = span(d.solo_minutes),
        decisions = span((d.decisions.0 as u32, d.decisions.1 as u32)),
        most = d.decisions.1,
        class = span(d.class_minutes),
    );
    let _ = writeln!(out, "    {figures}");
}

/// The teaching figures of the whole scenario, with the scenes behind each.
fn pedagogy_text(w: &Words, p: &Pedagogy, out: &mut String) {
    let (l, s) = (w.lang, &w.c.scenario);
    let n = p.decision_scenes.len();
    let _ = writeln!(out, "\n{}", t!(l, "analyze-pedagogy"));
    let figures = [
        (t!(l, "analyze-dilemmas", margin = DILEMMA_MARGIN), &p.dilemmas),
        (t!(l, "analyze-longest-is-best"), &p.longest_is_best),
        (t!(l, "analyze-best-listed-first"), &p.best_listed_first),
        (t!(l, "analyze-voices-differ"), &p.voices_differ),
        (t!(l, "analyze-without-note"), &p.without_note),
    ];
    for (what, scenes) in figures {
        let _ = writeln!(out, "  {what}: {}/{n} ({:.0}%)", scenes.len(), percent(scenes.len(), n));
        if !scenes.is_empty() && scenes.len() < n {
            let list: Vec<&str> = scenes.iter().map(|&i| s.scenes[i].id.as_str()).collect();
            let _ = writeln!(out, "    {}", list.join(", "));
        }
    }
    let _ = writeln!(out, "  {}: {}", t!(l, "analyze-red-line-count"), p.red_lines);
    let class = s.class_minutes.map_or_else(|| "?".to_string(), |m| m.to_string());
    let _ = writeln!(out, "  {}", t!(l, "analyze-stated-duration", solo = s.minutes, class = class));
}

/// The text report of one file.
pub fn report_text(a: &Analysed, lang: Lang) -> String {
    let mut out = String::new();
    let name = a.loaded.path.display().to_string();
    if let (Some(c), Some(an)) = (&a.compiled, &a.analysis) {
        let w = Words { c, lang, code: c.scenario.text_language(lang) };
        let _ = writeln!(out, "# {} — {} ({:.0} ms)", name, c.scenario.title.get(w.code), a.ms);
        for r in &an.roles {
            role_text(&w, an, r, &mut out);
        }
        pedagogy_text(&w, &an.pedagogy, &mut out);
        if !an.echoes.is_empty() {
            let _ = writeln!(out, "\n{}", t!(lang, "analyze-echoes"));
            for e in &an.echoes {
                let _ = writeln!(out, "  {} → {} ({:.0}%)", w.scene(e.scene), w.action(Some(e.choice)), e.overlap * 100.0);
            }
        }
        if !an.overflows.is_empty() {
            let _ = writeln!(out, "\n{}", t!(lang, "analyze-overflows"));
            for o in &an.overflows {
                let fit = t!(lang, "analyze-overflow", lines = o.lines, room = o.room);
                let _ = writeln!(out, "  {} [{}]: {fit}", w.scene(o.scene), o.language);
            }
        }
        out.push('\n');
    }
    let lines = a.loaded.line_index();
    for d in &a.diagnostics {
        out.push_str(&render(d, &name, &lines, lang));
        out.push('\n');
    }
    let errors = a.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    out.push_str(&summary(&name, errors, a.diagnostics.len() - errors, lang));
    out.push('\n');
    out
}

fn action_id(c: &Compiled, a: Action) -> Value {
    a.map_or(Value::Null, |ix| Value::from(c.choice(ix).id.clone()))
}

fn road_json(c: &Compiled, road: &Road, code: &str) -> Value {
    json!({
        "steps": road.steps.iter().map(|&(scene, a)| json!({
            "scene": c.scenario.scenes[scene].id,
            "choice": action_id(c, a),
            "text": a.map(|ix| c.choice(ix).text.get(code).to_string()),
        })).collect::<Vec<_>>(),
        "ending": road.ending.map(|e| c.scenario.endings[e].id.clone()),
        "ending_grade": road.ending.map(|e| crate::engine::score::grade_key(c.scenario.endings[e].grade)),
        "raw": c.scenario.competencies.iter().zip(&road.raw).map(|(k, v)| (k.id.clone(), json!(v))).collect::<serde_json::Map<_, _>>(),
        "total": crate::engine::score::round1(road.total),
        "grade": crate::engine::score::grade_key(road.grade),
        "expected": crate::engine::score::round1(road.expected),
    })
}

/// The JSON report of one file: ids for tools, texts in the chosen language beside them.
pub fn report_json(a: &Analysed, lang: Lang) -> Value {
    let diagnostics: Vec<Value> = a.diagnostics.iter().map(|d| super::validate::diagnostic_json(d, lang)).collect();
    let (Some(c), Some(an)) = (&a.compiled, &a.analysis) else {
        return json!({ "path": a.loaded.path.display().to_string(), "diagnostics": diagnostics });
    };
    let s = &c.scenario;
    let code = s.text_language(lang);
    let ids = |list: &[usize], f: &dyn Fn(usize) -> String| list.iter().map(|&i| f(i)).collect::<Vec<_>>();
    let choice_id = |i: usize| c.choice(i).id.clone();
    let scene_id = |i: usize| s.scenes[i].id.clone();
    let roles: Vec<Value> = an
        .roles
        .iter()
        .map(|r| {
            json!({
                "role": s.roles[r.role].id,
                "explored": r.explored,
                "states": r.states,
                "endings": r.endings.iter().map(|e| json!({
                    "id": s.endings[e.ending].id,
                    "title": s.endings[e.ending].title.get(code),
                    "reached": e.reached,
                    "why": e.why.as_ref().map(|w| match w {
                        Unreached::Shadowed { by } => json!({"kind": "shadowed", "by": s.endings[*by].id}),
                        Unreached::Impossible => json!({"kind": "impossible"}),
                        Unreached::NoRoad => json!({"kind": "no_road"}),
                    }),
                })).collect::<Vec<_>>(),
                "ranges": s.competencies.iter().zip(&r.ranges).map(|(k, (lo, hi))| (k.id.clone(), json!({"min": lo, "max": hi}))).collect::<serde_json::Map<_, _>>(),
                "best": r.best.as_ref().map(|b| road_json(c, b, code)),
                "worst": r.worst.as_ref().map(|b| road_json(c, b, code)),
                "scenes_never_reached": ids(&(0..s.scenes.len()).filter(|&i| !r.scene_reached[i]).collect::<Vec<_>>(), &scene_id),
                "choices_never_offered": ids(&(0..c.choices.len()).filter(|&i| !r.choice_offered[i] && r.scene_reached[c.choices[i].scene] && allows(&c.choices[i].roles, r.role)).collect::<Vec<_>>(), &choice_id),
                "timers_taken": ids(&(0..s.scenes.len()).filter(|&i| r.timer_taken[i]).collect::<Vec<_>>(), &scene_id),
                "timers_never_apply": ids(&(0..s.scenes.len()).filter(|&i| s.scenes[i].timer.is_some() && r.scene_reached[i] && !r.timer_taken[i]).collect::<Vec<_>>(), &scene_id),
                "dominated": ids(&r.dominated, &choice_id),
                "red_lines_on_best": ids(&r.red_lines_on_best, &choice_id),
                "duration": {
                    "decisions": [r.duration.decisions.0, r.duration.decisions.1],
                    "solo_minutes": [r.duration.solo_minutes.0, r.duration.solo_minutes.1],
                    "class_minutes": [r.duration.class_minutes.0, r.duration.class_minutes.1],
                },
            })
        })
        .collect();
    json!({
        "path": a.loaded.path.display().to_string(),
        "id": s.id,
        "title": s.title.get(code),
        "ms": (a.ms * 10.0).round() / 10.0,
        "roles": roles,
        "red_line_choices": ids(&an.red_line_choices, &choice_id),
        "pedagogy": {
            "decision_scenes": ids(&an.pedagogy.decision_scenes, &scene_id),
            "dilemmas": ids(&an.pedagogy.dilemmas, &scene_id),
            "longest_is_best": ids(&an.pedagogy.longest_is_best, &scene_id),
            "best_listed_first": ids(&an.pedagogy.best_listed_first, &scene_id),
            "voices_differ": ids(&an.pedagogy.voices_differ, &scene_id),
            "without_note": ids(&an.pedagogy.without_note, &scene_id),
            "red_lines": an.pedagogy.red_lines,
        },
        "minutes": {"solo": s.minutes, "class": s.class_minutes},
        "echoes": an.echoes.iter().map(|e| json!({"scene": scene_id(e.scene), "choice": choice_id(e.choice), "overlap": (e.overlap * 100.0).round() / 100.0})).collect::<Vec<_>>(),
        "overflows": an.overflows.iter().map(|o| json!({"scene": scene_id(o.scene), "language": o.language, "lines": o.lines, "room": o.room})).collect::<Vec<_>>(),
        "errors": a.diagnostics.iter().filter(|d| d.severity == Severity::Error).count(),
        "warnings": a.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count(),
        "diagnostics": diagnostics,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines no shipped scenario or fixture prints, in the wording they had before the catalogues.
    #[test]
    fn rarely_seen_lines_keep_their_wording() {
        let (zh, en) = (Lang::ZH_CN, Lang::EN);
        assert_eq!(t!(zh, "analyze-states", n = 1), "1 个不同的局面");
        assert_eq!(t!(en, "analyze-states", n = 1), "1 distinct state");
        assert_eq!(t!(en, "analyze-states", n = 12), "12 distinct states");
        assert_eq!(t!(en, "analyze-road-length", n = 1), "(1 decision)");
        let figures = |l, decisions: &str, most: usize| {
            t!(l, "analyze-duration-figures", solo = "5–8", decisions = decisions, most = most, class = "20–30")
        };
        assert_eq!(figures(zh, "3–4", 4), "一名学员 5–8 分钟 (3–4 个决定); 30 人的课堂 20–30 分钟");
        assert_eq!(figures(en, "3–4", 4), "one trainee 5–8 min (3–4 decisions); a class of 30 20–30 min");
        assert_eq!(figures(en, "1", 1), "one trainee 5–8 min (1 decision); a class of 30 20–30 min");
        assert_eq!(t!(zh, "analyze-overflow", lines = 14, room = 11), "14 行，可用 / 11");
        assert_eq!(t!(en, "analyze-overflow", lines = 14, room = 11), "14 lines, room for / 11");
        assert_eq!(t!(zh, "analyze-dilemmas", margin = DILEMMA_MARGIN), "两难的决策场景（至少两个选项得分为正，最优比次优多不超过 3 分）");
        assert_eq!(msg!("analyze-unreached-impossible").render(en), "unreachable: its condition is impossible within the meters' ranges");
        assert_eq!(t!(en, "analyze-ending", title = "Calm", grade = "Good"), "Calm (Good)");
        assert_eq!(t!(zh, "analyze-ending", title = "平息", grade = "良好"), "平息（良好）");
    }
}
