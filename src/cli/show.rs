//! Terminal rendering for `shapan play`: the briefing, scenes, posts as they look on their
//! channel, feedback and meter changes, and the debrief (as text or JSON).

use crate::engine::score::grade_key;
use crate::engine::{Compiled, EngineError, Event, FeedbackSource, Session};
use crate::i18n::Localize;
use crate::lang::Lang;
use crate::present::debrief::{DebriefView as Debrief, StepView, Voices, gain_words, points, rating_label, why};
use crate::present::format::{clock_label, engagement, signed};
use crate::present::grade;
use crate::scenario::model::{Channel, Media};
use crate::t;
use serde_json::{Value, json};
use std::fmt::Write;

/// Renders a run for the terminal in one language.
#[derive(Debug)]
pub struct Screen<'c> {
    c: &'c Compiled,
    lang: Lang,
    code: &'c str,
}

impl<'c> Screen<'c> {
    pub fn new(c: &'c Compiled, lang: Lang) -> Screen<'c> {
        Screen { c, lang, code: c.scenario.text_language(lang) }
    }

    fn t<'a>(&self, text: &'a crate::scenario::Text) -> &'a str {
        text.get(self.code)
    }

    /// Why the engine refused a decision, in the interface language: the engine speaks ids, so
    /// the words are made here. A greyed-out choice says which one and what it waits for.
    pub fn refusal(&self, e: &EngineError, run: &crate::engine::state::Run) -> String {
        let l = self.lang;
        let named = |id: &str| match self.c.choice_index(id) {
            Some(ix) => {
                let ch = self.c.choice(ix);
                (t!(l, "play-choice-named", text = self.t(&ch.text), id = id), ch.condition.as_ref())
            }
            None => (t!(l, "play-choice-id", id = id), None),
        };
        match e {
            EngineError::Disabled(id) => {
                let (choice, condition) = named(id);
                let condition = condition.map(|c| c.source.as_str()).unwrap_or_default();
                let reason =
                    self.c.choice_index(id).map(|ix| crate::present::lock::reason(self.c, run, ix, self.code, l)).unwrap_or_default();
                t!(l, "play-refused-disabled", choice = choice, reason = reason, condition = condition)
            }
            EngineError::NotOffered(id) if id == "timeout" => t!(l, "play-refused-no-timer"),
            EngineError::NotOffered(id) => t!(l, "play-refused-not-offered", choice = named(id).0),
            EngineError::UnknownChoice(id) => t!(l, "play-refused-unknown", id = id),
            EngineError::Ended => t!(l, "play-refused-ended"),
            other => other.message().render(l),
        }
    }

    pub fn intro(&self, session: &Session) -> String {
        let s = &self.c.scenario;
        let l = self.lang;
        let role = &s.roles[session.run().role];
        let mut out = String::new();
        let _ = writeln!(out, "\n══════ {} ══════", self.t(&s.title));
        let _ = writeln!(
            out,
            "{}",
            t!(l, "play-facts", category = s.category.label(l), minutes = s.minutes, difficulty = s.difficulty.label(l))
        );
        let _ = writeln!(out, "\n{}", self.t(&s.summary));
        if !s.objectives.is_empty() {
            let _ = writeln!(out, "\n{}", t!(l, "play-objectives"));
            for o in &s.objectives {
                let _ = writeln!(out, "  • {}", self.t(o));
            }
        }
        let _ = writeln!(out, "\n{}", t!(l, "play-your-role", role = self.t(&role.name)));
        let _ = writeln!(out, "{}", self.t(&role.briefing));
        out
    }

    fn media(&self, m: &Media, out: &mut String) {
        let l = self.lang;
        let author = self.t(&m.author);
        let text = self.t(&m.text);
        let time = m.time.as_deref().map(|t| format!(" · {t}")).unwrap_or_default();
        let label = m.channel.label(l);
        match m.channel {
            Channel::Weibo | Channel::Douyin => {
                let play = if m.channel == Channel::Douyin { "▶ " } else { "" };
                let _ = writeln!(out, "  ┌ 【{label}】@{author}{time}\n  │ {play}{text}");
                let _ = writeln!(out, "  └ {}", engagement(m, l));
            }
            Channel::WechatGroup | Channel::WechatMoments => {
                let _ = writeln!(out, "  【{label}】{author}{time}：{text}");
            }
            Channel::NewsSite => {
                let _ = writeln!(out, "  ┌ 【{label}】{author}{time}\n  └ {text}");
            }
            Channel::Hotline => {
                let caller = t!(l, "play-hotline-caller", author = author);
                let request = t!(l, "play-hotline-request", text = text);
                let _ = writeln!(out, "  ┌ 【{label}】{caller}{time}\n  └ {request}");
            }
            Channel::OfficialNotice => {
                let _ = writeln!(out, "  ┏ 【{label}】{author}{time}\n  ┗ {text}");
            }
            Channel::Other => {
                let _ = writeln!(out, "  【{label}】{author}{time}：{text}");
            }
        }
    }

    /// What the events of a step mean for the trainee.
    pub fn events(&mut self, session: &Session, events: &[Event]) -> String {
        let s = &self.c.scenario;
        let l = self.lang;
        let mut out = String::new();
        let mut changes = Vec::new();
        for e in events {
            match *e {
                Event::TimedOut { .. } => {
                    let _ = writeln!(out, "{}", t!(l, "play-timed-out"));
                }
                Event::Feedback { source } => {
                    let text = match source {
                        FeedbackSource::Choice(ix) => self.c.choice(ix).feedback.as_ref(),
                        FeedbackSource::Timer(scene) => s.scenes[scene].timer.as_ref().and_then(|t| t.feedback.as_ref()),
                        FeedbackSource::Branch(b) => self.c.branches[b].feedback.as_ref(),
                    };
                    if let Some(t) = text {
                        let _ = writeln!(out, "💬 {}", self.t(t));
                    }
                }
                Event::MeterChanged { meter, from, to } if s.meters[meter].visible => {
                    let name = self.t(&s.meters[meter].name);
                    changes.push(t!(l, "play-meter-change", meter = name, from = from, to = to, change = signed(to - from)));
                }
                Event::InjectFired { inject } => {
                    let inj = &s.injects[inject];
                    if let Some(t) = &inj.text {
                        let _ = writeln!(out, "\n⚡ {}{}", speaker(self, inj.speaker.as_deref()), self.t(t));
                    }
                }
                Event::MediaPosted { scene, inject, index } => {
                    let m = match (scene, inject) {
                        (Some(sc), _) => &s.scenes[sc].media[index],
                        (None, Some(k)) => &s.injects[k].media[index],
                        _ => continue,
                    };
                    self.media(m, &mut out);
                }
                Event::SceneEntered { scene } => {
                    if !changes.is_empty() {
                        let _ = writeln!(out, "📊 {}", changes.join("  "));
                        changes.clear();
                    }
                    let sc = &s.scenes[scene];
                    let clock = clock_label(self.c, session.run().clock_ms / 60_000, l).map(|c| format!("  🕘 {c}")).unwrap_or_default();
                    let step = session.run().decisions.len() + 1;
                    let title = sc.title.as_ref().map_or_else(|| t!(l, "play-step", n = step), |t| self.t(t).to_string());
                    let _ = writeln!(out, "\n────── {title} ──────{clock}");
                    let _ = writeln!(out, "{}{}", speaker(self, sc.speaker.as_deref()), self.t(&sc.text));
                }
                Event::Stuck { .. } => {
                    if !changes.is_empty() {
                        let _ = writeln!(out, "📊 {}", changes.join("  "));
                        changes.clear();
                    }
                    let _ = writeln!(out, "\n⛔ {}", crate::t!(l, "error-engine-stuck-event"));
                }
                Event::Ended { ending } => {
                    if !changes.is_empty() {
                        let _ = writeln!(out, "📊 {}", changes.join("  "));
                        changes.clear();
                    }
                    let e = &s.endings[ending];
                    let _ = writeln!(out, "\n══════ {} ══════\n{}", t!(l, "play-ending", title = self.t(&e.title)), self.t(&e.text));
                }
                _ => {}
            }
        }
        if !changes.is_empty() {
            let _ = writeln!(out, "📊 {}", changes.join("  "));
        }
        out
    }

    /// The visible meters, the choices and the time limit of the current scene.
    pub fn scene(&self, session: &Session) -> String {
        let s = &self.c.scenario;
        let l = self.lang;
        let run = session.run();
        let mut out = String::new();
        let meters: Vec<String> =
            s.meters.iter().enumerate().filter(|(_, m)| m.visible).map(|(i, m)| format!("{} {}", self.t(&m.name), run.meters[i])).collect();
        if !meters.is_empty() {
            let _ = writeln!(out, "\n[{}]", meters.join(" | "));
        }
        // Numbered in the order shown, as the app and a class vote number them: only the options
        // that can be taken; the greyed-out ones follow, unnumbered, each with why it is locked.
        let mut number = 0;
        for o in session.offers() {
            let ch = self.c.choice(o.choice);
            if o.enabled {
                number += 1;
                let _ = writeln!(out, "  {number}. {}", self.t(&ch.text));
            } else {
                let _ = writeln!(out, "  🔒 ({}) {}", t!(l, "play-not-available"), self.t(&ch.text));
                let _ = writeln!(out, "     {}", crate::present::lock::reason(self.c, run, o.choice, self.code, l));
            }
        }
        if let Some(ms) = session.time_left_ms() {
            let _ = writeln!(out, "{}", t!(l, "play-time-limit", secs = ms.div_ceil(1000)));
        }
        let _ = write!(out, "{}", t!(l, "play-prompt"));
        out
    }
}

fn speaker(screen: &Screen, id: Option<&str>) -> String {
    let Some(ch) = id.and_then(|id| screen.c.scenario.characters.iter().find(|c| c.id == id)) else { return String::new() };
    let name = screen.t(&ch.name);
    match &ch.title {
        Some(title) => t!(screen.lang, "play-speaker-titled", name = name, title = screen.t(title)),
        None => t!(screen.lang, "play-speaker", name = name),
    }
}

fn bar(score: f64) -> String {
    let filled = ((score / 10.0).round() as usize).min(10);
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

/// The debrief as text.
pub fn debrief_text(d: &Debrief, lang: Lang) -> String {
    let l = lang;
    let mut out = String::new();
    let _ = writeln!(out, "\n══════ {} ══════", t!(l, "debrief-title", title = d.title.as_str()));
    let _ = writeln!(out, "{}", t!(l, "play-debrief-role", role = d.role.as_str()));
    if !d.red_lines.is_empty() {
        let _ = writeln!(out, "\n⛔ {}", t!(l, "debrief-red-lines-title"));
        for r in &d.red_lines {
            let _ = writeln!(out, "  • {}", t!(l, "debrief-red-line", text = r.text.as_str(), action = r.action.as_str()));
            if let Some(b) = &r.basis {
                let _ = writeln!(out, "    {}", t!(l, "debrief-basis", basis = b.as_str()));
            }
        }
        out.push('\n');
    }
    match &d.ending {
        Some(e) => {
            let _ = writeln!(out, "{}", t!(l, "play-debrief-ending", title = e.title.as_str()));
        }
        None => {
            let _ = writeln!(out, "{}", t!(l, "play-debrief-no-ending"));
        }
    }
    let _ = writeln!(out, "{}", t!(l, "play-debrief-total", total = points(d.total), grade = grade::label(d.grade, l)));
    // The lessons first: the decisions that lost the most against the better road.
    let title = t!(l, "debrief-turning-points", count = d.turning_points.len());
    let _ = writeln!(out, "\n{}", t!(l, "play-debrief-turning-points", title = title));
    if d.turning_points.is_empty() {
        let _ = writeln!(out, "  {}", t!(l, "debrief-no-turning-points"));
    }
    for &i in &d.turning_points {
        let step = &d.path[i];
        let _ = writeln!(out, "  {}{} {}", tag(step, l), t!(l, "debrief-step", n = i + 1), step.chosen(l));
        if let Some(f) = &step.feedback {
            let _ = writeln!(out, "     {}", t!(l, "debrief-what-happened", feedback = f));
        }
        if let Some(b) = &step.better {
            let _ = writeln!(out, "     ➜ {} · {}", t!(l, "debrief-better-road", choice = b.text.as_str()), gain_words(b.gain, l));
            if let Some(w) = why(b) {
                let _ = writeln!(out, "       {}", t!(l, "debrief-why", why = w));
            }
        }
        if let Some(b) = &step.basis {
            let _ = writeln!(out, "     {}", t!(l, "debrief-basis", basis = b));
        }
    }
    if !d.turning_points.is_empty() {
        let _ = writeln!(out, "  ({})", t!(l, "debrief-turning-points-note"));
    }
    let _ = writeln!(out, "\n{}", t!(l, "play-debrief-competencies"));
    for k in &d.competencies {
        let named = t!(l, "play-debrief-competency", name = k.name.as_str(), points = k.raw, min = k.min, max = k.max, weight = k.weight);
        let _ = writeln!(out, "  {} {:>3}  {named}", bar(k.score), points(k.score));
    }
    let _ = writeln!(out, "\n{}", t!(l, "play-debrief-decisions"));
    for (i, step) in d.path.iter().enumerate() {
        let secs = if step.ms > 0 {
            format!(" · {}", t!(l, "play-debrief-seconds", secs = format!("{:.0}", step.ms as f64 / 1000.0)))
        } else {
            String::new()
        };
        let _ = writeln!(out, "{:>3}. {}{}{}", i + 1, tag(step, l), step.text, secs);
        if let Some(f) = &step.feedback {
            let _ = writeln!(out, "     {}", t!(l, "play-debrief-feedback", feedback = f));
        }
        if let Some(b) = &step.basis {
            let _ = writeln!(out, "     {}", t!(l, "debrief-basis", basis = b));
        }
        if let Some(c) = &step.commentary {
            voices(&mut out, c, l, "     ");
        }
        if let Some(b) = &step.better {
            let _ = writeln!(out, "     ➜ {} · {}", t!(l, "debrief-better-road", choice = b.text.as_str()), gain_words(b.gain, l));
            if let Some(f) = &b.feedback {
                let _ = writeln!(out, "       {f}");
            }
        }
    }
    let shown: Vec<_> = d.meters.iter().filter(|m| m.visible).collect();
    if !shown.is_empty() {
        let _ = writeln!(out, "\n{}", t!(l, "play-debrief-meters"));
        for m in shown {
            let values: Vec<String> = m.values.iter().map(i64::to_string).collect();
            let _ = writeln!(out, "  {}", t!(l, "play-debrief-meter", meter = m.name.as_str(), values = values.join(" → ")));
        }
    }
    if let Some(c) = d.ending.as_ref().and_then(|e| e.commentary.as_ref()) {
        let _ = writeln!(out);
        voices(&mut out, c, l, "");
    }
    if let Some(c) = &d.commentary {
        let _ = writeln!(out, "\n{}", t!(l, "play-debrief-commentary"));
        voices(&mut out, c, l, "  ");
    }
    out
}

/// A decision's rating in brackets before its text ("[欠妥] "), or nothing where unrated.
fn tag(step: &StepView, l: Lang) -> String {
    step.rating.map_or_else(String::new, |r| format!("[{}] ", rating_label(r, l)))
}

fn voices(out: &mut String, c: &Voices, l: Lang, indent: &str) {
    if c.disagree {
        let _ = writeln!(out, "{indent}⚖ {}", t!(l, "debrief-voices-differ"));
    }
    if let Some(e) = &c.expert {
        let _ = writeln!(out, "{indent}{}{e}", t!(l, "debrief-expert"));
    }
    if let Some(p) = &c.practitioner {
        let _ = writeln!(out, "{indent}{}{p}", t!(l, "debrief-practitioner"));
    }
}

/// The debrief as JSON (the shape scripts rely on; see README).
pub fn debrief_json(d: &Debrief) -> Value {
    let competencies: serde_json::Map<String, Value> = d.competencies.iter().map(|k| (k.id.clone(), json!(k.score))).collect();
    let meters: serde_json::Map<String, Value> = d.meters.iter().map(|m| (m.id.clone(), json!(m.values))).collect();
    json!({
        "scenario": d.scenario,
        "role": d.role,
        "seed": d.seed,
        "complete": d.complete,
        "ending": d.ending.as_ref().map(|e| e.id.clone()),
        "ending_grade": d.ending.as_ref().map(|e| grade_key(e.grade)),
        "grade": grade_key(d.grade),
        "total": d.total,
        "red_lines": d.red_lines.iter().map(|r| json!({"scene": r.scene, "choice": r.choice, "text": r.text})).collect::<Vec<_>>(),
        "competencies": competencies,
        "raw": d.competencies.iter().map(|k| (k.id.clone(), json!({"points": k.raw, "min": k.min, "max": k.max}))).collect::<serde_json::Map<_, _>>(),
        "path": d.path.iter().map(|s| json!({
            "scene": s.scene,
            "choice": s.choice,
            "ms": s.ms,
            "better": s.better.as_ref().map(|b| json!({"choice": b.choice, "gain": b.gain})),
            "rating": s.rating,
        })).collect::<Vec<_>>(),
        "turning_points": d.turning_points.iter().map(|&i| {
            let s = &d.path[i];
            json!({"index": i, "scene": s.scene, "choice": s.choice, "rating": s.rating, "better": s.better.as_ref().map(|b| b.choice.clone()), "gain": s.loss()})
        }).collect::<Vec<_>>(),
        "meters": meters,
        "minutes": d.minutes,
    })
}
