//! The play screen: the scene and its speaker, a media feed whose posts look like their
//! channel, meters as labelled bars with the last change, the story clock, a visible countdown,
//! and choices as large buttons also reachable with keys 1-9. For a class, each choice carries
//! its votes, and on the projector meters and consequences wait for the instructor.

use super::typeset;
use crate::app::class::Classroom;
use crate::app::clock::counting;
use crate::app::flow::{ActiveRun, Intent, PlayView, Settings};
use crate::app::theme::{self, BAD, GOOD, channel_colour};
use crate::engine::FeedbackSource;
use crate::lang::Lang;
use crate::present::format::paren;
use crate::present::format::{clock_label, engagement};
use crate::scenario::model::{Channel, Media};
use crate::t;
use bevy_egui::egui::{self, Color32, RichText};

/// The scenario language to show for the interface language `l`.
pub fn code(run: &ActiveRun, l: Lang) -> &str {
    let s = &run.compiled.scenario;
    s.languages.iter().find(|x| x.as_str() == l.code()).map_or_else(|| s.original_language(), String::as_str)
}

/// What the play screen needs besides the run.
#[derive(Debug)]
pub struct Room<'a> {
    pub classroom: &'a Classroom,
    /// The instructor paused the clock.
    pub paused: bool,
}

pub fn show(
    ui: &mut egui::Ui,
    run: &ActiveRun,
    view: &PlayView,
    portrait: Option<&egui::TextureHandle>,
    settings: &Settings,
    room: &Room,
) -> Option<Intent> {
    let mut intent = None;
    let l = settings.lang;
    let c = &run.compiled;
    let s = &c.scenario;
    let code = code(run, l);
    let sizes = theme::current(ui.ctx());
    let projector = settings.projector;
    // Once the class votes, what it has already read gives its room to the choices.
    let voting = run.class.as_ref().and_then(|k| k.vote.as_ref()).is_some_and(|v| v.total() > 0);
    egui::Panel::top("play-top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            // Each item moves to the next line whole rather than breaking.
            let item = |ui: &mut egui::Ui, text: RichText| ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
            item(ui, RichText::new(s.title.get(code)).heading());
            ui.separator();
            item(ui, RichText::new(s.roles[run.session.run().role].name.get(code)));
            if let Some(t) = clock_label(c, run.session.run().clock_ms / 60_000, l) {
                ui.separator();
                item(ui, RichText::new(t!(l, "app-play-story-time", time = t)).strong());
            }
            if run.class.is_some() && !projector {
                ui.separator();
                ui.label(RichText::new(t!(l, "app-play-class-decision", group = &run.group)).strong());
            }
            if room.paused {
                ui.separator();
                ui.colored_label(theme::WARN, RichText::new(t!(l, "app-play-paused")).strong());
            }
            if let Some((k, _)) = &run.counterfactual {
                ui.separator();
                ui.colored_label(theme::WARN, RichText::new(t!(l, "app-play-road-not-taken", decision = k + 1)).strong());
            }
        });
        if let Some(ms) = run.session.time_left_ms().filter(|_| counting(run, view)) {
            let limit = run.session.scene().and_then(|i| c.scenes[i].timer_ms).unwrap_or(1).max(1);
            let frac = ms as f32 / limit as f32;
            let secs = ms.div_ceil(1000);
            let colour = if secs <= 10 { BAD } else { theme::WARN };
            ui.add(
                egui::ProgressBar::new(frac)
                    .fill(colour)
                    .desired_height(theme::current(ui.ctx()).small * 1.4)
                    .text(RichText::new(t!(l, "app-play-time-left", secs = secs)).size(theme::current(ui.ctx()).small).strong()),
            );
        }
        if let Some(p) = &run.reload_problem {
            if projector {
                // The class need not read the author's mistake: one line here, the details on
                // the instructor console.
                ui.colored_label(BAD, RichText::new(t!(l, "app-play-reload-problem-projector")).small());
            } else {
                ui.colored_label(BAD, t!(l, "app-play-reload-problem", problem = p.render(l)));
            }
        }
    });
    if let Some(m) = &room.classroom.message {
        egui::Panel::bottom("play-message").show(ui, |ui| {
            ui.colored_label(BAD, RichText::new(m.render(l)).strong());
        });
    }
    let hide_meters = projector && !room.classroom.show_meters;
    let screen = ui.ctx().viewport_rect();
    let wide = screen.width() / screen.height().max(1.0) >= 1.5;
    let meters_panel = if projector { 0.24 * ui.available_width() } else { 240.0 };
    if !hide_meters {
        egui::Panel::left("play-meters").default_size(meters_panel).show(ui, |ui| {
            ui.heading(t!(l, "app-play-situation"));
            for (i, m) in s.meters.iter().enumerate().filter(|(_, m)| m.visible) {
                let v = run.session.run().meters[i];
                let frac = ((v - m.min) as f32 / (m.max - m.min).max(1) as f32).clamp(0.0, 1.0);
                ui.label(m.name.get(code));
                let worrying = if m.higher_is_worse { frac > 0.6 } else { frac < 0.4 };
                let colour = if worrying { BAD } else { GOOD };
                ui.add(egui::ProgressBar::new(frac).fill(colour).text(v.to_string()));
                if let Some(&(_, from, to)) = view.changes.iter().find(|ch| ch.0 == i).filter(|_| view.revealed || !projector) {
                    let d = to - from;
                    let good = (d > 0) != m.higher_is_worse;
                    ui.colored_label(
                        if good { GOOD } else { BAD },
                        format!("{} {}{d}", if d > 0 { "▲" } else { "▼" }, if d > 0 { "+" } else { "" }),
                    );
                }
            }
        });
    }
    let media = |post: &crate::app::flow::Post| match (post.scene, post.inject) {
        (Some(sc), _) => s.scenes.get(sc).and_then(|x| x.media.get(post.index)),
        (None, Some(k)) => s.injects.get(k).and_then(|x| x.media.get(post.index)),
        _ => None,
    };
    // On a 4:3 projector there is no room for a feed column: the newest post sits above the scene.
    let side_feed = !projector || (wide && !room.classroom.hide_feed);
    if side_feed {
        let width = if projector { 0.3 * ui.available_width() } else { 340.0 };
        let feed = egui::Panel::right("play-feed").default_size(width);
        // On the projector the column keeps its share whatever a post's width.
        let feed = if projector { feed.exact_size(width) } else { feed };
        feed.show(ui, |ui| {
            ui.heading(t!(l, "app-play-feed"));
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                for m in view.feed.iter().filter_map(media) {
                    post_card(ui, m, code, l);
                }
            });
        });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            if !side_feed
                && !room.classroom.hide_feed
                && !voting
                && let Some(m) = view.feed.first().and_then(media)
            {
                post_card(ui, m, code, l);
            }
            if view.reading() {
                intent = feedback(ui, run, view, code, l, projector);
                return;
            }
            let Some(i) = run.session.scene() else {
                if ui.button(t!(l, "app-play-see-debrief")).clicked() {
                    intent = Some(Intent::Continue);
                }
                return;
            };
            let scene = &s.scenes[i];
            // On the projector the scene's title and its speaker share one line.
            let one_line = projector && scene.title.is_some() && scene.speaker.is_some();
            if let Some(t) = scene.title.as_ref().filter(|_| !one_line) {
                ui.heading(t.get(code));
            }
            if let Some(ch) = scene.speaker.as_ref().and_then(|id| s.characters.iter().find(|c| &c.id == id)) {
                let title = ch.title.as_ref().map(|t| paren(l, t.get(code))).unwrap_or_default();
                ui.horizontal_wrapped(|ui| {
                    if let Some(t) = scene.title.as_ref().filter(|_| one_line) {
                        ui.heading(t.get(code));
                        ui.separator();
                    }
                    if let Some(tex) = portrait {
                        let side = sizes.body * if projector { 2.0 } else { 3.3 };
                        ui.add(egui::Image::new(tex).fit_to_exact_size(egui::vec2(side, side)).corner_radius(side / 2.0));
                    }
                    ui.label(RichText::new(format!("{}{title}", ch.name.get(code))).strong());
                });
            }
            if projector {
                // A long scene scrolls in its own box, so the choices and their votes stay in view.
                let share = if voting { 0.12 } else { 0.24 };
                egui::ScrollArea::vertical().id_salt("scene-text").max_height(share * ui.ctx().viewport_rect().height()).show(ui, |ui| {
                    typeset::label(ui, RichText::new(scene.text.get(code)).size(sizes.body));
                });
            } else {
                typeset::label(ui, RichText::new(scene.text.get(code)).size(sizes.body * 1.1));
            }
            ui.add_space(12.0);
            if run.session.stuck().is_some() {
                // A dead end the validator only warned of: say so, and let the run end here.
                ui.colored_label(BAD, RichText::new(crate::t!(l, "error-engine-stuck-event")).strong());
                if ui.button(RichText::new(crate::t!(l, "play-stuck-end")).size(sizes.body)).clicked() {
                    intent = Some(Intent::Class(crate::app::class::ClassIntent::SkipToDebrief));
                }
            } else {
                intent = choices(ui, run, code, l, projector).or(intent.take());
            }
        });
    });
    intent
}

/// The choices as large buttons (numbered as the class votes on them), each with its votes.
fn choices(ui: &mut egui::Ui, run: &ActiveRun, code: &str, l: Lang, projector: bool) -> Option<Intent> {
    let c = &run.compiled;
    let sizes = theme::current(ui.ctx());
    // On the projector choices are body-sized so three or four long ones fit below the scene.
    let text = if projector { sizes.body } else { sizes.choice };
    let mut intent = None;
    let vote = run.class.as_ref().and_then(|k| k.vote.as_ref());
    if let Some(v) = vote {
        super::class::vote_status(ui, v, l);
    }
    // Choices are numbered as the class votes on them: only those that can be taken.
    let mut number = 0;
    for offer in run.session.offers() {
        let ch = c.choice(offer.choice);
        let label = if offer.enabled {
            number += 1;
            format!("{number}. {}", ch.text.get(code))
        } else {
            format!("   {}", ch.text.get(code))
        };
        let row = ui.available_width();
        let bars = if vote.is_some() && offer.enabled { row * 0.28 } else { 0.0 };
        let response = ui
            .horizontal(|ui| {
                let width = row - bars - if bars > 0.0 { ui.spacing().item_spacing.x } else { 0.0 };
                let response = ui
                    .allocate_ui(egui::vec2(width, 0.0), |ui| {
                        // Laid out beforehand by the Chinese line-breaking rules, inside the button's padding.
                        let inner = ui.available_width() - 2.0 * ui.spacing().button_padding.x;
                        let button = egui::Button::new(typeset::galley(ui, RichText::new(label).size(text), inner))
                            .min_size(egui::vec2(ui.available_width(), text * 1.9));
                        ui.add_enabled(offer.enabled, button)
                    })
                    .inner;
                if let Some(v) = vote.filter(|_| bars > 0.0) {
                    ui.vertical(|ui| {
                        ui.set_width(bars);
                        super::class::vote_bar(ui, v, number - 1, l);
                    });
                }
                response
            })
            .inner;
        // For a class, number keys count votes (the class plugin reads them).
        let key = run.class.is_none()
            && offer.enabled
            && super::class::DIGITS.get(number - 1).is_some_and(|k| ui.input(|inp| inp.key_pressed(*k)));
        if offer.enabled && (response.clicked() || key) {
            intent = Some(Intent::Choose(offer.choice));
        }
        if !offer.enabled {
            response.on_disabled_hover_text(t!(l, "app-play-not-available-yet"));
        }
    }
    ui.add_space(8.0);
    let hint = if run.class.is_some() { t!(l, "app-play-hint-class") } else { t!(l, "app-play-hint") };
    ui.label(RichText::new(hint).small().weak());
    intent
}

fn feedback(ui: &mut egui::Ui, run: &ActiveRun, view: &PlayView, code: &str, l: Lang, projector: bool) -> Option<Intent> {
    let c = &run.compiled;
    let s = &c.scenario;
    if let Some(d) = run.session.run().decisions.last() {
        let taken = d.choice.map_or_else(|| t!(l, "app-play-no-decision"), |ix| c.choice(ix).text.get(code).to_string());
        ui.label(RichText::new(t!(l, "app-play-decision", choice = taken)).strong());
        if let Some(v) = run.class.as_ref().and_then(|k| k.votes.last()).and_then(Option::as_ref) {
            ui.label(t!(l, "report-class-vote", summary = crate::present::vote::summary(v, l)));
        }
    }
    if projector && !view.revealed {
        ui.add_space(12.0);
        ui.label(RichText::new(t!(l, "app-play-consequences-hidden")).heading());
        ui.label(t!(l, "app-play-discuss-first"));
        let predicted = super::predict::show(ui, run, false, l);
        let clicked = ui.add(egui::Button::new(RichText::new(t!(l, "app-reveal")).strong())).clicked();
        return clicked.then_some(Intent::Class(crate::app::class::ClassIntent::Reveal)).or(predicted);
    }
    super::predict::show(ui, run, true, l);
    if view.timed_out {
        ui.colored_label(BAD, RichText::new(t!(l, "app-play-timed-out")).strong());
    }
    for source in &view.pending {
        let text = match *source {
            FeedbackSource::Choice(ix) if ix < c.choices.len() => c.choice(ix).feedback.as_ref(),
            FeedbackSource::Timer(scene) => s.scenes.get(scene).and_then(|x| x.timer.as_ref()).and_then(|t| t.feedback.as_ref()),
            FeedbackSource::Branch(b) => c.branches.get(b).and_then(|x| x.feedback.as_ref()),
            FeedbackSource::Choice(_) => None,
        };
        if let Some(t) = text {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(t!(l, "app-play-feedback")).strong());
                typeset::label(ui, t.get(code));
            });
        }
        if let FeedbackSource::Choice(ix) = *source
            && let Some(b) = (ix < c.choices.len()).then(|| c.choice(ix).basis.as_ref()).flatten()
        {
            typeset::label(ui, RichText::new(t!(l, "debrief-basis", basis = b.get(code))).italics());
        }
    }
    for &k in &view.news {
        if let Some(t) = s.injects.get(k).and_then(|i| i.text.as_ref()) {
            typeset::label(ui, RichText::new(format!("⚠ {}", t.get(code))).strong().color(theme::WARN));
        }
    }
    ui.add_space(12.0);
    let label = if run.session.is_over() { t!(l, "app-play-see-debrief") } else { t!(l, "app-play-continue") };
    let clicked = ui.add(egui::Button::new(RichText::new(label).strong())).clicked();
    // A class's keys, and the projector's, are read by the class plugin.
    let key = run.class.is_none() && !projector && ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Space));
    (clicked || key).then_some(Intent::Continue)
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
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(m.channel.label(l)).color(Color32::WHITE).background_color(accent).strong());
            ui.label(RichText::new(header).strong());
            ui.label(RichText::new(time).small().weak());
        });
        match m.channel {
            Channel::OfficialNotice => {
                typeset::label(ui, RichText::new(m.text.get(code)).strong());
            }
            Channel::Hotline => {
                typeset::label(ui, t!(l, "app-play-hotline-request", text = m.text.get(code)));
            }
            _ => {
                typeset::label(ui, m.text.get(code));
            }
        }
        let stats = engagement(m, l);
        if !stats.is_empty() {
            ui.label(RichText::new(stats).small().weak());
        }
    });
}
