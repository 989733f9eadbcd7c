//! Terminal rendering for `shapan play`: the briefing, scenes, posts as they look on their
//! channel, feedback and meter changes, and the debrief (as text or JSON).

use crate::engine::score::grade_key;
use crate::engine::{Compiled, EngineError, Event, FeedbackSource, Session};
use crate::i18n::Localize;
use crate::lang::Lang;
use crate::present::debrief::{DebriefView as Debrief, Voices};
use crate::present::format::{clock_label, engagement};
use crate::present::grade;
use crate::scenario::model::{Channel, Media};
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
        let code = if c.scenario.languages.iter().any(|l| l == lang.code()) { lang.code() } else { c.scenario.original_language() };
        let code = c.scenario.languages.iter().find(|l| l.as_str() == code).map_or("zh-CN", String::as_str);
        Screen { c, lang, code }
    }

    fn t<'a>(&self, text: &'a crate::scenario::Text) -> &'a str {
        text.get(self.code)
    }

    /// Why the engine refused a decision, in the interface language: the engine speaks ids, so
    /// the words are made here. A greyed-out choice says which one and what it waits for.
    pub fn refusal(&self, e: &EngineError) -> String {
        let l = self.lang;
        let named = |id: &str| match self.c.choice_index(id) {
            Some(ix) => {
                let ch = self.c.choice(ix);
                (format!("“{}”（{id}）", self.t(&ch.text)), format!("\"{}\" ({id})", self.t(&ch.text)), ch.condition.as_ref())
            }
            None => (format!("“{id}”"), format!("'{id}'"), None),
        };
        match e {
            EngineError::Disabled(id) => {
                let (zh, en, condition) = named(id);
                let cond = condition.map(|c| c.source.as_str()).unwrap_or_default();
                match l {
                    Lang::ZH_CN => format!("选项{zh}现在是灰色的，不能选：它的条件“{cond}”还没有满足。请选一个没有标“条件不满足”的选项。"),
                    _ => format!(
                        "choice {en} is greyed out and cannot be chosen: its condition \"{cond}\" does not hold yet. Pick one not marked \"not available\"."
                    ),
                }
            }
            EngineError::NotOffered(id) if id == "timeout" => l
                .pick("这个场景没有限时，不能用 t 让时间耗尽。", "this scene has no time limit: t (letting time run out) does not apply.")
                .into(),
            EngineError::NotOffered(id) => {
                let (zh, en, _) = named(id);
                match l {
                    Lang::ZH_CN => format!("选项{zh}不在这个场景里，或不属于你扮演的角色。"),
                    _ => format!("choice {en} is not offered in this scene or to your role."),
                }
            }
            EngineError::UnknownChoice(id) => match l {
                Lang::ZH_CN => format!("没有 id 为“{id}”的选项。"),
                _ => format!("there is no choice '{id}'."),
            },
            EngineError::Ended => l.pick("演练已经结束，不能再做决定。", "the run has ended; nothing more can be chosen.").into(),
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
            "{}{} · {} {} · {}{}",
            l.pick("类别：", "Category: "),
            s.category.label(l),
            s.minutes,
            l.pick("分钟", "min"),
            l.pick("难度：", "Difficulty: "),
            s.difficulty.label(l)
        );
        let _ = writeln!(out, "\n{}", self.t(&s.summary));
        if !s.objectives.is_empty() {
            let _ = writeln!(out, "\n{}", l.pick("学习目标：", "Objectives:"));
            for o in &s.objectives {
                let _ = writeln!(out, "  • {}", self.t(o));
            }
        }
        let _ = writeln!(out, "\n{}{}", l.pick("你的角色：", "Your role: "), self.t(&role.name));
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
                let _ = writeln!(
                    out,
                    "  ┌ 【{label}】{}{author}{time}\n  └ {}{text}",
                    l.pick("来电人：", "caller: "),
                    l.pick("诉求：", "request: ")
                );
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
                    let _ = writeln!(out, "{}", l.pick("⏱ 时间到，没有作出决定。", "⏱ Time ran out before a decision."));
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
                    let d = to - from;
                    let sign = if d > 0 { "+" } else { "" };
                    changes.push(format!(
                        "{} {from}→{to}{}",
                        self.t(&s.meters[meter].name),
                        l.pick("（{}）", " ({})").replace("{}", &format!("{sign}{d}"))
                    ));
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
                    let title = sc
                        .title
                        .as_ref()
                        .map_or_else(|| l.pick("第 {} 步", "Step {}").replace("{}", &step.to_string()), |t| self.t(t).to_string());
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
                    let _ = writeln!(out, "\n══════ {}{} ══════\n{}", l.pick("结局：", "Ending: "), self.t(&e.title), self.t(&e.text));
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
        for (n, o) in session.offers().iter().enumerate() {
            let ch = self.c.choice(o.choice);
            if o.enabled {
                let _ = writeln!(out, "  {}. {}", n + 1, self.t(&ch.text));
            } else {
                let _ = writeln!(out, "  {}. ({}) {}", n + 1, l.pick("条件不满足", "not available"), self.t(&ch.text));
            }
        }
        if let Some(ms) = session.time_left_ms() {
            let _ = writeln!(
                out,
                "{}",
                match l {
                    Lang::ZH_CN => format!("⏱ 限时 {} 秒作出决定", ms.div_ceil(1000)),
                    _ => format!("⏱ {} seconds to decide", ms.div_ceil(1000)),
                }
            );
        }
        let _ = write!(out, "{}", l.pick("请输入序号：", "Your choice (number): "));
        out
    }
}

fn speaker(screen: &Screen, id: Option<&str>) -> String {
    let Some(ch) = id.and_then(|id| screen.c.scenario.characters.iter().find(|c| c.id == id)) else { return String::new() };
    match &ch.title {
        Some(t) => format!(
            "{}{}{}",
            screen.t(&ch.name),
            screen.lang.pick("（{}）", " ({})").replace("{}", screen.t(t)),
            screen.lang.pick("：", ": ")
        ),
        None => format!("{}{}", screen.t(&ch.name), screen.lang.pick("：", ": ")),
    }
}

/// A remark in parentheses, full-width in Chinese.
fn paren(l: Lang, s: &str) -> String {
    l.pick("（{}）", " ({})").replace("{}", s)
}

fn bar(score: f64) -> String {
    let filled = ((score / 10.0).round() as usize).min(10);
    format!("{}{}", "█".repeat(filled), "░".repeat(10 - filled))
}

/// The debrief as text.
pub fn debrief_text(d: &Debrief, lang: Lang) -> String {
    let l = lang;
    let mut out = String::new();
    let _ = writeln!(out, "\n══════ {}{} ══════", l.pick("复盘：", "Debrief: "), d.title);
    let _ = writeln!(out, "{}{}", l.pick("角色：", "Role: "), d.role);
    match &d.ending {
        Some(e) => {
            let grade = format!("{}{}", l.pick("作者评定：", "author's grade: "), grade::label(e.grade, l));
            let _ = writeln!(out, "{}{}{}", l.pick("结局：", "Ending: "), e.title, paren(l, &grade));
        }
        None => {
            let _ = writeln!(out, "{}", l.pick("演练没有走到结局。", "The run did not reach an ending."));
        }
    }
    let _ = writeln!(out, "{}{:.1}{}", l.pick("总分：", "Total: "), d.total, paren(l, &grade::label(d.grade, l)));
    let _ = writeln!(out, "\n{}", l.pick("能力得分：", "Competencies:"));
    for k in &d.competencies {
        let detail = [
            format!("{}{}", l.pick("得分", "points "), k.raw),
            format!("{}{}..{}", l.pick("可能范围 ", "range "), k.min, k.max),
            format!("{}{}", l.pick("权重 ", "weight "), k.weight),
        ]
        .join(l.pick("，", ", "));
        let _ = writeln!(out, "  {} {:>5.1}  {}{}", bar(k.score), k.score, k.name, paren(l, &detail));
    }
    let _ = writeln!(out, "\n{}", l.pick("决策回顾：", "Your decisions:"));
    for (i, step) in d.path.iter().enumerate() {
        let secs = if step.ms > 0 { format!(" · {:.0}{}", step.ms as f64 / 1000.0, l.pick("秒", "s")) } else { String::new() };
        let _ = writeln!(out, "{:>3}. {}{}", i + 1, step.text, secs);
        if let Some(f) = &step.feedback {
            let _ = writeln!(out, "     {}{f}", l.pick("反馈：", "Feedback: "));
        }
        if let Some(b) = &step.basis {
            let _ = writeln!(out, "     {}{b}", l.pick("依据：", "Basis: "));
        }
        if let Some(c) = &step.commentary {
            voices(&mut out, c, l, "     ");
        }
        if let Some(b) = &step.better {
            let gain = format!("{}{:.1}", l.pick("预计总分 +", "expected total +"), b.gain);
            let _ = writeln!(
                out,
                "     ➜ {}{}{}{}{}",
                l.pick("更好的选择：", "Better: "),
                l.pick("「", "“"),
                b.text,
                l.pick("」", "”"),
                paren(l, &gain)
            );
            if let Some(f) = &b.feedback {
                let _ = writeln!(out, "       {f}");
            }
        }
    }
    let shown: Vec<_> = d.meters.iter().filter(|m| m.visible).collect();
    if !shown.is_empty() {
        let _ = writeln!(out, "\n{}", l.pick("指标变化：", "Meters over the run:"));
        for m in shown {
            let values: Vec<String> = m.values.iter().map(i64::to_string).collect();
            let _ = writeln!(out, "  {}{}{}", m.name, l.pick("：", ": "), values.join(" → "));
        }
    }
    if let Some(c) = d.ending.as_ref().and_then(|e| e.commentary.as_ref()) {
        let _ = writeln!(out);
        voices(&mut out, c, l, "");
    }
    if let Some(c) = &d.commentary {
        let _ = writeln!(out, "\n{}", l.pick("总评：", "Commentary:"));
        voices(&mut out, c, l, "  ");
    }
    out
}

fn voices(out: &mut String, c: &Voices, l: Lang, indent: &str) {
    if let Some(e) = &c.expert {
        let _ = writeln!(out, "{indent}{}{e}", l.pick("专家点评：", "Expert: "));
    }
    if let Some(p) = &c.practitioner {
        let _ = writeln!(out, "{indent}{}{p}", l.pick("基层干部点评：", "Practitioner: "));
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
        "competencies": competencies,
        "raw": d.competencies.iter().map(|k| (k.id.clone(), json!({"points": k.raw, "min": k.min, "max": k.max}))).collect::<serde_json::Map<_, _>>(),
        "path": d.path.iter().map(|s| json!({
            "scene": s.scene,
            "choice": s.choice,
            "ms": s.ms,
            "better": s.better.as_ref().map(|b| json!({"choice": b.choice, "gain": b.gain})),
        })).collect::<Vec<_>>(),
        "meters": meters,
        "minutes": d.minutes,
    })
}
