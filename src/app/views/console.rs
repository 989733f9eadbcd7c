//! The instructor console: what the class does not see. The controls, vote entry, the scene's
//! instructor note, every meter (hidden ones too), the branching map around the current scene
//! with the best choice marked, and the decisions so far, each a place to go back to.

use crate::app::class::{ClassIntent, Classroom};
use crate::app::flow::{ActiveRun, Intent, Screen, Settings};
use crate::app::theme::{self, BAD, GOOD};
use crate::app::views::play::code;
use crate::engine::class::votable;
use crate::lang::Lang;
use crate::present::format::paren;
use crate::scenario::model::{Effect, Next};
use crate::scenario::text::Entries;
use crate::t;
use bevy_egui::egui::{self, RichText};

/// What the console shows.
#[derive(Debug)]
pub struct Console<'a> {
    pub run: Option<&'a ActiveRun>,
    /// The trainee or class is reading feedback (no vote is open).
    pub reading: bool,
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
            ui.label(theme::title(t!(l, "app-console-title"), ui));
            ui.label(RichText::new(t!(l, "app-console-private")).weak());
        });
        intent = controls(ui, v);
        let Some(run) = v.run else {
            ui.label(t!(l, "app-console-no-run"));
            return;
        };
        if let Some(m) = &v.room.message {
            ui.colored_label(BAD, RichText::new(m.render(l)).strong());
        }
        if let Some(p) = &run.reload_problem {
            ui.colored_label(BAD, t!(l, "app-console-reload-problem", problem = p.render(l)));
        }
        if v.screen == Screen::Play && run.class.is_some() && !v.reading {
            ui.separator();
            intent = votes(ui, run, l).or(intent.take());
        }
        if v.screen == Screen::Play && v.reading {
            intent = super::predict::console(ui, run, l).or(intent.take());
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
            ui.heading(t!(l, "app-console-decisions"));
            intent = super::class::rewind_list(ui, run, l).or(intent.take());
        }
        if let Some(d) = run.debrief().map(|d| crate::present::debrief::DebriefView::new(d, &run.compiled, l)) {
            ui.separator();
            ui.heading(t!(l, "app-console-scores"));
            ui.label(
                RichText::new(t!(l, "app-total", total = crate::present::debrief::points(d.total), grade = d.grade.label(l))).strong(),
            );
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
        // Each button names its key, the same in every language.
        let mut button = |ui: &mut egui::Ui, label: String, key: &str, enabled: bool, i: Option<Intent>| {
            if ui.add_enabled(enabled, egui::Button::new(format!("{label} ({key})"))).clicked() {
                intent = i;
            }
        };
        let pause = if v.paused { t!(l, "app-console-resume") } else { t!(l, "app-console-pause") };
        button(ui, pause, "Space", playing, class(ClassIntent::TogglePause));
        button(ui, t!(l, "app-console-add-time"), "T", playing, class(ClassIntent::AddTime));
        button(ui, t!(l, "app-reveal"), "C", playing, class(ClassIntent::Reveal));
        let meters = if v.room.show_meters { t!(l, "app-console-hide-meters") } else { t!(l, "app-console-show-meters") };
        button(ui, meters, "M", true, class(ClassIntent::ToggleMeters));
        let feed = if v.room.hide_feed { t!(l, "app-console-show-posts") } else { t!(l, "app-console-hide-posts") };
        button(ui, feed, "F", true, class(ClassIntent::ToggleFeed));
        let scores = if v.room.show_scores { t!(l, "app-console-hide-scores") } else { t!(l, "app-console-show-scores") };
        button(ui, scores, "S", true, class(ClassIntent::ToggleScores));
        button(ui, t!(l, "app-console-skip-to-debrief"), "D", playing, class(ClassIntent::SkipToDebrief));
        button(ui, t!(l, "app-console-restart"), "Ctrl+R", v.run.is_some(), Some(Intent::PlayAgain));
        let projector = if v.settings.projector { t!(l, "app-console-leave-projector") } else { t!(l, "app-console-projector") };
        button(ui, projector, "F5", true, class(ClassIntent::ToggleProjector));
    });
    intent
}

fn votes(ui: &mut egui::Ui, run: &ActiveRun, l: Lang) -> Option<Intent> {
    let vote = run.class.as_ref().and_then(|c| c.vote.as_ref())?;
    let c = &run.compiled;
    let code = code(run, l);
    let mut intent = None;
    ui.heading(t!(l, "app-console-enter-votes"));
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
            if ui.button(t!(l, "app-console-instructor-decides")).clicked() {
                intent = class(ClassIntent::Instructor(k));
            }
            ui.end_row();
        }
    });
    super::class::vote_status(ui, vote, l);
    ui.horizontal(|ui| {
        if ui.add_enabled(vote.round() == 1, egui::Button::new(t!(l, "app-console-final-round"))).clicked() {
            intent = class(ClassIntent::SecondRound);
        }
        if ui.add(egui::Button::new(RichText::new(t!(l, "app-console-take-majority")).strong())).clicked() {
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
        ui.label(t!(l, "app-console-ended"));
        return;
    };
    let scene = &s.scenes[i];
    let title = scene.title.as_ref().map_or_else(|| scene.id.clone(), |t| format!("{}{}", t.get(code), paren(l, &scene.id)));
    ui.heading(t!(l, "app-console-scene", scene = title));
    if let Some(ms) = run.session.time_left_ms() {
        ui.label(t!(l, "app-console-time-left", secs = ms.div_ceil(1000)));
    }
    match &scene.note {
        Some(n) => {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(t!(l, "app-console-note")).strong().color(theme::WARN));
                ui.label(n.get(code));
            });
        }
        None => {
            ui.label(RichText::new(t!(l, "app-console-no-note")).weak());
        }
    }
    ui.label(RichText::new(t!(l, "app-console-leads")).strong());
    let target = |next: &Next| -> String {
        match next {
            Next::Scene(id) => {
                let sc = s.scenes.iter().find(|x| &x.id == id);
                let t = sc.and_then(|x| x.title.as_ref()).map_or_else(|| id.clone(), |t| t.get(code).to_string());
                format!("→ {t}")
            }
            Next::Ending(id) => {
                let t = s.endings.iter().find(|e| &e.id == id).map_or_else(|| id.clone(), |e| e.title.get(code).to_string());
                t!(l, "app-console-to-ending", title = t)
            }
            Next::End => t!(l, "app-console-to-end"),
            Next::Random(b) => t!(l, "app-console-to-random", outcomes = b.len()),
        }
    };
    // In the order the class sees them (drawn from the seed), numbered as on the projector, each
    // with its place and id in the file: the instructor knows which "2" is which authored option.
    let first = c.scenes[i].choices.start;
    let mut number = 0;
    for offer in run.session.offers() {
        let ch = c.choice(offer.choice);
        let star = if v.best == Some(Some(offer.choice)) { "★ " } else { "" };
        let (shown, state) = if offer.enabled {
            number += 1;
            (format!("{number}. "), String::new())
        } else {
            (String::new(), paren(l, &t!(l, "app-console-not-available")))
        };
        let line = format!("{shown}{star}{}{state} {}", ch.text.get(code), target(&ch.next));
        let colour = if star.is_empty() { ui.visuals().text_color() } else { GOOD };
        ui.colored_label(colour, line);
        ui.label(RichText::new(t!(l, "app-console-authored", n = offer.choice - first + 1, id = ch.id.as_str())).small().weak());
        if !offer.enabled {
            let why = crate::present::lock::reason(c, run.session.run(), offer.choice, code, l);
            ui.label(RichText::new(why).small().color(theme::WARN));
        }
        ui.label(RichText::new(consequences(&ch.effects, &ch.scores)).small().weak());
        if let Some(r) = &ch.red_line {
            ui.label(RichText::new(t!(l, "app-console-red-line", text = r.get(code))).small().color(theme::BAD));
        }
        if ch.commentary.as_ref().is_some_and(|c| c.disagree) {
            ui.label(RichText::new(t!(l, "debrief-voices-differ")).small().italics());
        }
    }
    if let Some(t) = &scene.timer {
        let star = if v.best == Some(None) { "★ " } else { "" };
        ui.label(format!("{star}{} {}", t!(l, "app-console-time-runs-out"), target(&t.next)));
        ui.label(RichText::new(consequences(&t.effects, &t.scores)).small().weak());
    }
    if v.best.is_some() {
        ui.label(RichText::new(t!(l, "app-console-best")).small());
    }
    let from: Vec<String> = s
        .scenes
        .iter()
        .filter(|x| x.choices.iter().any(|ch| matches!(&ch.next, Next::Scene(id) if id == &scene.id)))
        .map(|x| x.title.as_ref().map_or_else(|| x.id.clone(), |t| t.get(code).to_string()))
        .collect();
    if !from.is_empty() {
        ui.label(t!(l, "app-console-reached-from", scenes = from));
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
    ui.heading(t!(l, "app-console-meters"));
    egui::Grid::new("console-meters").num_columns(2).show(ui, |ui| {
        for (i, m) in s.meters.iter().enumerate() {
            let hidden = if m.visible { String::new() } else { paren(l, &t!(l, "app-console-hidden-meter")) };
            ui.label(format!("{}{hidden}", m.name.get(code)));
            ui.label(run.session.run().meters[i].to_string());
            ui.end_row();
        }
    });
    let set: Vec<&str> = s.flags.iter().zip(&run.session.run().flags).filter(|(_, on)| **on).map(|(f, _)| f.id.as_str()).collect();
    if !set.is_empty() {
        ui.label(t!(l, "app-console-flags", flags = set.join(" · ")));
    }
}

/// The whole scenario as a map for this run's role, the current scene outlined.
fn map(ui: &mut egui::Ui, run: &ActiveRun, v: &Console) -> Option<Intent> {
    use crate::app::map::{MapKey, WantMap};
    let l = v.settings.lang;
    let mut intent = None;
    egui::CollapsingHeader::new(RichText::new(t!(l, "app-console-map")).heading()).id_salt("console-map").show(ui, |ui| {
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
