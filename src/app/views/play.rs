//! The play screen: the scene and its speaker, a media feed whose posts look like their
//! channel, meters as labelled bars with the last change, the story clock, a visible countdown,
//! and choices as large buttons also reachable with keys 1-9.

use crate::app::clock::counting;
use crate::app::flow::{ActiveRun, Intent, Settings};
use crate::app::theme::{self, BAD, GOOD, channel_colour};
use crate::cli::show::{clock_label, engagement};
use crate::engine::FeedbackSource;
use crate::lang::Lang;
use crate::scenario::model::{Channel, Media};
use bevy_egui::egui::{self, Color32, RichText};

const KEYS: [egui::Key; 9] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
    egui::Key::Num7,
    egui::Key::Num8,
    egui::Key::Num9,
];

fn code(run: &ActiveRun, l: Lang) -> &str {
    let s = &run.compiled.scenario;
    s.languages.iter().find(|x| x.as_str() == l.code()).map_or_else(|| s.original_language(), String::as_str)
}

pub fn show(ui: &mut egui::Ui, run: &ActiveRun, portrait: Option<&egui::TextureHandle>, settings: &Settings) -> Option<Intent> {
    let mut intent = None;
    let l = settings.lang;
    let c = &run.compiled;
    let s = &c.scenario;
    let code = code(run, l);
    egui::Panel::top("play-top").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(s.title.get(code));
            ui.separator();
            ui.label(s.roles[run.session.run().role].name.get(code));
            if let Some(t) = clock_label(c, run.session.run().clock_ms / 60_000, l) {
                ui.separator();
                ui.label(RichText::new(format!("{} {t}", l.pick("剧情时间", "Story time"))).strong());
            }
        });
        if let Some(ms) = run.session.time_left_ms().filter(|_| counting(run)) {
            let limit = run.session.scene().and_then(|i| c.scenes[i].timer_ms).unwrap_or(1).max(1);
            let frac = ms as f32 / limit as f32;
            let secs = ms.div_ceil(1000);
            let colour = if secs <= 10 { BAD } else { theme::WARN };
            ui.add(
                egui::ProgressBar::new(frac)
                    .fill(colour)
                    .text(RichText::new(format!("{} {secs} {}", l.pick("剩余", "Time left:"), l.pick("秒", "s"))).strong()),
            );
        }
        if let Some(p) = &run.reload_problem {
            ui.colored_label(
                BAD,
                format!(
                    "{} {}",
                    l.pick(
                        "修改后的场景文件有错误，仍在运行上一个正确版本：",
                        "The edited file has errors; the last good version keeps running:"
                    ),
                    p
                ),
            );
        }
    });
    egui::Panel::left("play-meters").default_size(240.0).show(ui, |ui| {
        ui.heading(l.pick("态势", "Situation"));
        for (i, m) in s.meters.iter().enumerate().filter(|(_, m)| m.visible) {
            let v = run.session.run().meters[i];
            let frac = ((v - m.min) as f32 / (m.max - m.min).max(1) as f32).clamp(0.0, 1.0);
            ui.label(m.name.get(code));
            let worrying = if m.higher_is_worse { frac > 0.6 } else { frac < 0.4 };
            let colour = if worrying { BAD } else { GOOD };
            ui.add(egui::ProgressBar::new(frac).fill(colour).text(v.to_string()));
            if let Some(&(_, from, to)) = run.changes.iter().find(|ch| ch.0 == i) {
                let d = to - from;
                let good = (d > 0) != m.higher_is_worse;
                ui.colored_label(
                    if good { GOOD } else { BAD },
                    format!("{} {}{d}", if d > 0 { "▲" } else { "▼" }, if d > 0 { "+" } else { "" }),
                );
            }
        }
    });
    egui::Panel::right("play-feed").default_size(340.0).show(ui, |ui| {
        ui.heading(l.pick("舆情与信息", "Posts and messages"));
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            for post in &run.feed {
                let media = match (post.scene, post.inject) {
                    (Some(sc), _) => s.scenes.get(sc).and_then(|x| x.media.get(post.index)),
                    (None, Some(k)) => s.injects.get(k).and_then(|x| x.media.get(post.index)),
                    _ => None,
                };
                if let Some(m) = media {
                    post_card(ui, m, code, l);
                }
            }
        });
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            if run.reading() {
                intent = feedback(ui, run, code, l);
                return;
            }
            let Some(i) = run.session.scene() else {
                if ui.button(l.pick("查看复盘", "See the debrief")).clicked() {
                    intent = Some(Intent::Continue);
                }
                return;
            };
            let scene = &s.scenes[i];
            if let Some(t) = &scene.title {
                ui.heading(t.get(code));
            }
            if let Some(ch) = scene.speaker.as_ref().and_then(|id| s.characters.iter().find(|c| &c.id == id)) {
                let title = ch.title.as_ref().map(|t| l.pick("（{}）", " ({})").replace("{}", t.get(code))).unwrap_or_default();
                ui.horizontal(|ui| {
                    if let Some(tex) = portrait {
                        let side = 56.0 * settings.text_scale;
                        ui.add(egui::Image::new(tex).fit_to_exact_size(egui::vec2(side, side)).corner_radius(side / 2.0));
                    }
                    ui.label(RichText::new(format!("{}{title}", ch.name.get(code))).strong());
                });
            }
            ui.label(RichText::new(scene.text.get(code)).size(theme::DESK.body * 1.1 * settings.text_scale));
            ui.add_space(12.0);
            for (n, offer) in run.session.offers().iter().enumerate() {
                let ch = c.choice(offer.choice);
                let label = format!("{}. {}", n + 1, ch.text.get(code));
                let button = egui::Button::new(RichText::new(label).size(theme::DESK.choice * settings.text_scale))
                    .min_size(egui::vec2(ui.available_width(), 48.0 * settings.text_scale));
                let response = ui.add_enabled(offer.enabled, button);
                let key = KEYS.get(n).is_some_and(|k| ui.input(|inp| inp.key_pressed(*k)));
                if offer.enabled && (response.clicked() || key) {
                    intent = Some(Intent::Choose(offer.choice));
                }
                if !offer.enabled {
                    response.on_disabled_hover_text(l.pick("条件还不满足", "Not available yet"));
                }
            }
            ui.add_space(8.0);
            ui.label(RichText::new(l.pick("按数字键 1-9 也可以选择", "Keys 1-9 choose too")).small().weak());
        });
    });
    intent
}

fn feedback(ui: &mut egui::Ui, run: &ActiveRun, code: &str, l: Lang) -> Option<Intent> {
    let c = &run.compiled;
    let s = &c.scenario;
    if run.timed_out {
        ui.colored_label(BAD, RichText::new(l.pick("时间到！没有作出决定。", "Time is up! No decision was made.")).strong());
    }
    for source in &run.pending {
        let text = match *source {
            FeedbackSource::Choice(ix) if ix < c.choices.len() => c.choice(ix).feedback.as_ref(),
            FeedbackSource::Timer(scene) => s.scenes.get(scene).and_then(|x| x.timer.as_ref()).and_then(|t| t.feedback.as_ref()),
            FeedbackSource::Branch(b) => c.branches.get(b).and_then(|x| x.feedback.as_ref()),
            FeedbackSource::Choice(_) => None,
        };
        if let Some(t) = text {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(l.pick("反馈", "Feedback")).strong());
                ui.label(t.get(code));
            });
        }
        if let FeedbackSource::Choice(ix) = *source
            && let Some(b) = (ix < c.choices.len()).then(|| c.choice(ix).basis.as_ref()).flatten()
        {
            ui.label(RichText::new(format!("{}{}", l.pick("依据：", "Basis: "), b.get(code))).italics());
        }
    }
    for &k in &run.news {
        if let Some(t) = s.injects.get(k).and_then(|i| i.text.as_ref()) {
            ui.colored_label(theme::WARN, RichText::new(format!("⚠ {}", t.get(code))).strong());
        }
    }
    ui.add_space(12.0);
    let label = if run.session.is_over() { l.pick("查看复盘", "See the debrief") } else { l.pick("继续", "Continue") };
    let clicked = ui.add(egui::Button::new(RichText::new(label).strong()).min_size(egui::vec2(160.0, 44.0))).clicked();
    (clicked || ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Space))).then_some(Intent::Continue)
}

fn post_card(ui: &mut egui::Ui, m: &Media, code: &str, l: Lang) {
    let accent = channel_colour(m.channel);
    egui::Frame::group(ui.style()).stroke(egui::Stroke::new(2.0, accent)).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let author = m.author.get(code);
        let time = m.time.clone().unwrap_or_default();
        let header = match m.channel {
            Channel::Weibo | Channel::Douyin => format!("@{author}"),
            _ => author.to_string(),
        };
        ui.horizontal(|ui| {
            ui.label(RichText::new(m.channel.label(l)).color(Color32::WHITE).background_color(accent).strong());
            ui.label(RichText::new(header).strong());
            ui.label(RichText::new(time).small().weak());
        });
        match m.channel {
            Channel::OfficialNotice => {
                ui.label(RichText::new(m.text.get(code)).strong());
            }
            Channel::Hotline => {
                ui.label(format!("{}{}", l.pick("诉求：", "Request: "), m.text.get(code)));
            }
            _ => {
                ui.label(m.text.get(code));
            }
        }
        let stats = engagement(m, l);
        if !stats.is_empty() {
            ui.label(RichText::new(stats).small().weak());
        }
    });
}
