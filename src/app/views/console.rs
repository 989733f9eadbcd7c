//! The instructor console: what the class does not see. The controls, vote entry, the scene's
//! instructor note, every meter (hidden ones too), the branching map around the current scene
//! with the best choice marked, and the decisions so far, each a place to go back to.

use crate::app::class::{ClassIntent, Classroom};
use crate::app::flow::{ActiveRun, Intent, Screen, Settings};
use crate::app::theme::{self, BAD, GOOD};
use crate::app::views::play::code;
use crate::engine::class::votable;
use crate::lang::Lang;
use crate::scenario::model::{Effect, Next};
use crate::scenario::text::Entries;
use bevy_egui::egui::{self, RichText};

/// What the console shows.
#[derive(Debug)]
pub struct Console<'a> {
    pub run: Option<&'a ActiveRun>,
    pub room: &'a Classroom,
    pub settings: &'a Settings,
    pub screen: Screen,
    pub paused: bool,
    /// The choice the best play takes here, once explored (`Some(None)`: letting time run out).
    pub best: Option<Option<usize>>,
    pub maps: &'a crate::app::map::Maps,
}

fn class(i: ClassIntent) -> Option<Intent> {
    Some(Intent::Class(i))
}

pub fn show(ui: &mut egui::Ui, v: &Console) -> Option<Intent> {
    let l = v.settings.lang;
    let mut intent = None;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(theme::title(l.pick("导师控制台", "Instructor console"), ui));
            ui.label(RichText::new(l.pick("（只在这块屏幕显示，学员看不到）", "(only on this display; the class does not see it)")).weak());
        });
        intent = controls(ui, v);
        let Some(run) = v.run else {
            ui.label(l.pick("还没有开始演练。", "No run has started yet."));
            return;
        };
        if let Some(m) = &v.room.message {
            ui.colored_label(BAD, RichText::new(m.render(l)).strong());
        }
        if let Some(p) = &run.reload_problem {
            ui.colored_label(
                BAD,
                format!(
                    "{}{}",
                    l.pick(
                        "修改后的场景文件有错误，仍在运行上一个正确版本：\n",
                        "The edited file has errors; the last good version keeps running:\n"
                    ),
                    p.render(l)
                ),
            );
        }
        if v.screen == Screen::Play && run.class.is_some() && !run.reading() {
            ui.separator();
            intent = votes(ui, run, l).or(intent.take());
        }
        ui.separator();
        scene(ui, run, v, l);
        ui.separator();
        meters(ui, run, l);
        ui.separator();
        if let Some(want) = map(ui, run, v) {
            intent = Some(want);
        }
        if run.class.is_some() && !run.session.run().decisions.is_empty() {
            ui.separator();
            ui.heading(l.pick("已作出的决策（点击回到那一步，走另一条路）", "Decisions so far (click to go back and take the other road)"));
            intent = super::class::rewind_list(ui, run, l).or(intent.take());
        }
        if let Some(d) = run.debrief().map(|d| crate::present::debrief::DebriefView::new(d, &run.compiled, l)) {
            ui.separator();
            ui.heading(l.pick("成绩（投影上由 S 公布）", "Scores (shown on the projector with S)"));
            ui.label(RichText::new(format!("{}{:.1} {}", l.pick("总分 ", "Total "), d.total, d.grade.label(l))).strong());
            for k in &d.competencies {
                ui.label(format!("{} {:.0}", k.name, k.score));
            }
        }
    });
    intent
}

fn controls(ui: &mut egui::Ui, v: &Console) -> Option<Intent> {
    let l = v.settings.lang;
    let mut intent = None;
    ui.horizontal_wrapped(|ui| {
        let playing = v.screen == Screen::Play;
        let mut button = |ui: &mut egui::Ui, label: &str, key: &str, enabled: bool, i: Option<Intent>| {
            if ui.add_enabled(enabled, egui::Button::new(format!("{label} ({key})"))).clicked() {
                intent = i;
            }
        };
        let pause = if v.paused { l.pick("继续计时", "Resume") } else { l.pick("暂停计时", "Pause") };
        button(ui, pause, "Space", playing, class(ClassIntent::TogglePause));
        button(ui, l.pick("加时 1 分钟", "Add a minute"), "T", playing, class(ClassIntent::AddTime));
        button(ui, l.pick("揭晓后果", "Reveal"), "C", playing, class(ClassIntent::Reveal));
        let meters = if v.room.show_meters { l.pick("隐藏指标", "Hide meters") } else { l.pick("显示指标", "Show meters") };
        button(ui, meters, "M", true, class(ClassIntent::ToggleMeters));
        let feed = if v.room.hide_feed { l.pick("显示舆情栏", "Show posts") } else { l.pick("隐藏舆情栏", "Hide posts") };
        button(ui, feed, "F", true, class(ClassIntent::ToggleFeed));
        let scores = if v.room.show_scores { l.pick("隐藏成绩", "Hide scores") } else { l.pick("公布成绩", "Show scores") };
        button(ui, scores, "S", true, class(ClassIntent::ToggleScores));
        button(ui, l.pick("跳到复盘", "Skip to the debrief"), "D", playing, class(ClassIntent::SkipToDebrief));
        button(ui, l.pick("重新开始", "Restart"), "Ctrl+R", v.run.is_some(), Some(Intent::PlayAgain));
        let projector = if v.settings.projector {
            l.pick("退出投影模式", "Leave projector mode")
        } else {
            l.pick("投影模式", "Projector mode")
        };
        button(ui, projector, "F5", true, class(ClassIntent::ToggleProjector));
    });
    intent
}

fn votes(ui: &mut egui::Ui, run: &ActiveRun, l: Lang) -> Option<Intent> {
    let vote = run.class.as_ref().and_then(|c| c.vote.as_ref())?;
    let c = &run.compiled;
    let code = code(run, l);
    let mut intent = None;
    ui.heading(l.pick("录入票数", "Enter the votes"));
    egui::Grid::new("console-votes").num_columns(5).spacing([10.0, 6.0]).show(ui, |ui| {
        for (k, ix) in votable(&run.session).into_iter().enumerate() {
            ui.label(format!("{}. {}", k + 1, c.choice(ix).text.get(code)));
            if ui.small_button("−").clicked() {
                intent = class(ClassIntent::Vote { k, delta: -1 });
            }
            let mut n = vote.current().get(k).copied().unwrap_or(0);
            if ui.add(egui::DragValue::new(&mut n).range(0..=999)).changed() {
                intent = class(ClassIntent::SetVote { k, count: n });
            }
            if ui.small_button("+").clicked() {
                intent = class(ClassIntent::Vote { k, delta: 1 });
            }
            if ui.button(l.pick("由导师决定", "Instructor decides")).clicked() {
                intent = class(ClassIntent::Instructor(k));
            }
            ui.end_row();
        }
    });
    super::class::vote_status(ui, vote, l);
    ui.horizontal(|ui| {
        if ui.add_enabled(vote.round() == 1, egui::Button::new(l.pick("开始第二轮 (V)", "Final round (V)"))).clicked() {
            intent = class(ClassIntent::SecondRound);
        }
        if ui.add(egui::Button::new(RichText::new(l.pick("按多数决定 (Enter)", "Take the majority (Enter)")).strong())).clicked() {
            intent = class(ClassIntent::Decide);
        }
    });
    intent
}

fn scene(ui: &mut egui::Ui, run: &ActiveRun, v: &Console, l: Lang) {
    let c = &run.compiled;
    let s = &c.scenario;
    let code = code(run, l);
    let Some(i) = run.session.scene() else {
        ui.label(l.pick("演练已结束。", "The run has ended."));
        return;
    };
    let scene = &s.scenes[i];
    let title = scene.title.as_ref().map_or_else(|| scene.id.clone(), |t| format!("{}（{}）", t.get(code), scene.id));
    ui.heading(format!("{}{title}", l.pick("当前场景：", "Scene: ")));
    if let Some(ms) = run.session.time_left_ms() {
        ui.label(format!("{}{} {}", l.pick("剩余时间 ", "Time left "), ms.div_ceil(1000), l.pick("秒", "s")));
    }
    match &scene.note {
        Some(n) => {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(l.pick("导师提示", "Instructor's note")).strong().color(theme::WARN));
                ui.label(n.get(code));
            });
        }
        None => {
            ui.label(RichText::new(l.pick("（这个场景没有导师提示）", "(no instructor's note for this scene)")).weak());
        }
    }
    ui.label(RichText::new(l.pick("从这里出发", "Where each choice leads")).strong());
    let target = |next: &Next| -> String {
        match next {
            Next::Scene(id) => {
                let sc = s.scenes.iter().find(|x| &x.id == id);
                let t = sc.and_then(|x| x.title.as_ref()).map_or_else(|| id.clone(), |t| t.get(code).to_string());
                format!("→ {t}")
            }
            Next::Ending(id) => {
                let t = s.endings.iter().find(|e| &e.id == id).map_or_else(|| id.clone(), |e| e.title.get(code).to_string());
                format!("→ {}{t}", l.pick("结局：", "ending: "))
            }
            Next::End => l.pick("→ 结束（按条件定结局）", "→ the end (ending by conditions)").to_string(),
            Next::Random(b) => l.pick("→ 随机：{} 种结果", "→ random: {} outcomes").replace("{}", &b.len().to_string()),
        }
    };
    for offer in run.session.offers() {
        let ch = c.choice(offer.choice);
        let star = if v.best == Some(Some(offer.choice)) { "★ " } else { "" };
        let state = if offer.enabled { "" } else { l.pick("（条件未满足）", " (not available)") };
        let line = format!("{star}{}{state} {}", ch.text.get(code), target(&ch.next));
        let colour = if star.is_empty() { ui.visuals().text_color() } else { GOOD };
        ui.colored_label(colour, line);
        ui.label(RichText::new(consequences(&ch.effects, &ch.scores)).small().weak());
    }
    if let Some(t) = &scene.timer {
        let star = if v.best == Some(None) { "★ " } else { "" };
        ui.label(format!("{star}{} {}", l.pick("时间到未决定", "Time runs out"), target(&t.next)));
        ui.label(RichText::new(consequences(&t.effects, &t.scores)).small().weak());
    }
    if v.best.is_some() {
        ui.label(RichText::new(l.pick("★ 最佳路线的选择（按预期总分）", "★ the best road's choice (by expected total)")).small());
    }
    let from: Vec<String> = s
        .scenes
        .iter()
        .filter(|x| x.choices.iter().any(|ch| matches!(&ch.next, Next::Scene(id) if id == &scene.id)))
        .map(|x| x.title.as_ref().map_or_else(|| x.id.clone(), |t| t.get(code).to_string()))
        .collect();
    if !from.is_empty() {
        ui.label(format!("{}{}", l.pick("从这些场景可以来到这里：", "Reached from: "), from.join(l.pick("、", ", "))));
    }
}

/// Effects and score changes in the author's own ids, compact.
fn consequences(effects: &[Effect], scores: &Entries<i64>) -> String {
    let mut parts: Vec<String> = effects
        .iter()
        .map(|e| match e {
            Effect::Add(m, n) => format!("{m} {n:+}"),
            Effect::Set(m, n) => format!("{m} = {n}"),
            Effect::SetFlag(f) => format!("+{f}"),
            Effect::ClearFlag(f) => format!("-{f}"),
        })
        .collect();
    parts.extend(scores.iter().map(|(k, n)| format!("{k} {n:+}")));
    parts.join(" · ")
}

fn meters(ui: &mut egui::Ui, run: &ActiveRun, l: Lang) {
    let s = &run.compiled.scenario;
    let code = code(run, l);
    ui.heading(l.pick("全部指标", "Every meter"));
    egui::Grid::new("console-meters").num_columns(2).show(ui, |ui| {
        for (i, m) in s.meters.iter().enumerate() {
            let hidden = if m.visible { "" } else { l.pick("（隐藏，仅导师可见）", " (hidden from the class)") };
            ui.label(format!("{}{hidden}", m.name.get(code)));
            ui.label(run.session.run().meters[i].to_string());
            ui.end_row();
        }
    });
    let set: Vec<&str> = s.flags.iter().zip(&run.session.run().flags).filter(|(_, on)| **on).map(|(f, _)| f.id.as_str()).collect();
    if !set.is_empty() {
        ui.label(format!("{}{}", l.pick("已发生：", "Flags set: "), set.join(" · ")));
    }
}

/// The whole scenario as a map for this run's role, the current scene outlined.
fn map(ui: &mut egui::Ui, run: &ActiveRun, v: &Console) -> Option<Intent> {
    use crate::app::map::{MapKey, WantMap};
    let l = v.settings.lang;
    let mut intent = None;
    egui::CollapsingHeader::new(RichText::new(l.pick("路线图（粗框为当前场景）", "Map (the current scene outlined)")).heading())
        .id_salt("console-map")
        .show(ui, |ui| {
            let key = MapKey {
                path: run.path.clone(),
                version: run.compiled.content_hash.clone(),
                role: run.session.run().role,
                lang: l,
                current: run.session.scene(),
            };
            match v.maps.get(&key) {
                Some(shown) => super::map::show(ui, shown, l, 420.0),
                None => {
                    ui.spinner();
                    if !v.maps.is_pending(&key) {
                        intent = Some(Intent::WantMap(WantMap { key, compiled: run.compiled.clone() }));
                    }
                }
            }
        });
    intent
}
