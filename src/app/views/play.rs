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
use crate::engine::vote::Vote;
use crate::lang::Lang;
use crate::present::format::paren;
use crate::present::format::{clock_label, engagement};
use crate::scenario::model::{Channel, Media};
use crate::t;
use bevy_egui::egui::{self, RichText};

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
    // The projector shows the room the situation before the decision until the consequences
    // are revealed: no new post, meter or clock gives them away.
    let stage = view.stage(run, projector);
    // Once the class votes, the posts give their room to the question and the choices.
    let voting = run.class.as_ref().and_then(|k| k.vote.as_ref()).is_some_and(|v| v.total() > 0 || v.round() > 1);
    let countdown = run.session.time_left_ms().filter(|_| counting(run, view)).map(|ms| {
        let limit = run.session.scene().and_then(|i| c.scenes[i].timer_ms).unwrap_or(1).max(1);
        let secs = ms.div_ceil(1000);
        (secs, ms as f32 / limit as f32, if secs <= 10 { BAD } else { theme::WARN })
    });
    egui::Panel::top("play-top").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            // Each item moves to the next line whole rather than breaking.
            let item = |ui: &mut egui::Ui, text: RichText| ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
            // On the projector the room's attention belongs to the question and the clock: the
            // title and the role, which the class already knows, are small, so the bar keeps to
            // one line.
            let title = RichText::new(s.title.get(code)).strong();
            item(ui, if projector { title.size(sizes.small) } else { title.heading() });
            ui.separator();
            let role = RichText::new(s.roles[run.session.run().role].name.get(code));
            item(ui, if projector { role.size(sizes.small) } else { role });
            if let Some(t) = clock_label(c, stage.clock_ms / 60_000, l) {
                ui.separator();
                let time = match stage.advanced_min {
                    Some(m) => t!(l, "app-play-clock-advanced", time = t, minutes = m),
                    None => t,
                };
                item(ui, RichText::new(t!(l, "app-play-story-time", time = time)).strong());
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
                item(ui, RichText::new(t!(l, "app-play-road-not-taken", decision = k + 1)).strong().color(theme::WARN));
            }
            // The seconds left, as large as the text the class reads, beside the clock rather
            // than on the bar's fill.
            if let Some((secs, _, colour)) = countdown {
                ui.separator();
                item(ui, RichText::new(t!(l, "app-play-time-left", secs = secs)).size(sizes.body).strong().color(colour));
            }
        });
        if let Some((_, frac, colour)) = countdown {
            ui.add(egui::ProgressBar::new(frac).fill(colour).desired_height(sizes.small * 0.4));
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
            ui.label(RichText::new(m.render(l)).strong());
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
                let v = stage.meters.get(i).copied().unwrap_or(m.start);
                let frac = ((v - m.min) as f32 / (m.max - m.min).max(1) as f32).clamp(0.0, 1.0);
                // The value beside the name in the text colour, not on the bar's fill.
                ui.horizontal(|ui| {
                    ui.label(m.name.get(code));
                    ui.label(RichText::new(v.to_string()).strong());
                });
                let worrying = if m.higher_is_worse { frac > 0.6 } else { frac < 0.4 };
                let colour = if worrying { BAD } else { GOOD };
                ui.add(egui::ProgressBar::new(frac).fill(colour).desired_height(sizes.small * 0.8));
                if let Some(&(_, from, to)) =
                    view.changes.iter().find(|ch| ch.0 == i && ch.1 != ch.2).filter(|_| view.revealed || !projector)
                {
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
    // On a 4:3 projector, and while the class votes, the posts shrink to one line above the
    // scene (F hides even that).
    let side_feed = !projector || (wide && !room.classroom.hide_feed && !voting);
    if side_feed {
        let width = if projector { 0.3 * ui.available_width() } else { 340.0 };
        let feed = egui::Panel::right("play-feed").default_size(width);
        // On the projector the column keeps its share whatever a post's width.
        let feed = if projector { feed.exact_size(width) } else { feed };
        feed.show(ui, |ui| {
            ui.heading(t!(l, "app-play-feed"));
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                if stage.feed.is_empty() {
                    ui.label(RichText::new(t!(l, "app-play-feed-empty")).color(theme::MUTED));
                }
                for (k, m) in stage.feed.iter().enumerate().filter_map(|(k, p)| media(p).map(|m| (k, m))) {
                    // On the projector what the room has already read shrinks to one line.
                    if projector && k >= stage.fresh {
                        ticker(ui, m, code, l, false);
                    } else {
                        post_card(ui, m, code, l, k < stage.fresh);
                    }
                }
            });
        });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        let scene = run.session.scene().filter(|_| !view.reading()).map(|i| &s.scenes[i]);
        let speaker = scene.and_then(|x| x.speaker.as_ref()).and_then(|id| s.characters.iter().find(|c| &c.id == id)).map(|ch| {
            let title = ch.title.as_ref().map(|t| paren(l, t.get(code))).unwrap_or_default();
            format!("{}{title}", ch.name.get(code))
        });
        let header = scene.map_or_else(String::new, |x| {
            let parts: Vec<&str> = x.title.as_ref().map(|t| t.get(code)).into_iter().chain(speaker.as_deref()).collect();
            parts.join(" ｜ ")
        });
        let offers = shown(run, code, l);
        let newest = stage.feed.first().and_then(media).filter(|_| projector && !side_feed && !room.classroom.hide_feed);
        // On the projector the scene's title and its speaker share one line, and the question
        // and every choice fit the screen without scrolling: the text shrinks (never below the
        // smallest projector size) until they do, and if even that is not enough the newest
        // post above them gives up its line.
        let mut ticker_shown = newest.is_some();
        let mut laid = (sizes.body * 1.1, 1);
        if let Some(x) = scene.filter(|_| projector) {
            let vote = run.class.as_ref().and_then(|k| k.vote.as_ref()).map(|v| super::class::vote_line(v, room.classroom, l));
            let texts = (header.as_str(), x.text.get(code));
            let at = |height: f32, min: f32| fit(ui, texts, &offers, vote.as_deref(), height, sizes.body, min);
            let line = sizes.small * 1.4 + 2.0 * ui.spacing().item_spacing.y + 4.0;
            let (text, cols, fits) = at(ui.available_height() - if ticker_shown { line } else { 0.0 }, sizes.small);
            laid = (text, cols);
            if !fits {
                // The post gives way first; below the smallest size only as a last resort.
                ticker_shown = false;
                let (text, cols, _) = at(ui.available_height(), sizes.small * LAST_RESORT);
                laid = (text, cols);
            }
        }
        if let Some(m) = newest.filter(|_| ticker_shown) {
            ticker(ui, m, code, l, stage.fresh > 0);
        }
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            if view.reading() {
                intent = feedback(ui, run, view, code, l, projector);
                return;
            }
            let Some(scene) = scene else {
                if ui.button(t!(l, "app-play-see-debrief")).clicked() {
                    intent = Some(Intent::Continue);
                }
                return;
            };
            if projector {
                if !header.is_empty() {
                    ui.horizontal(|ui| {
                        if let Some(tex) = portrait.filter(|_| speaker.is_some()) {
                            let side = laid.0 * HEADER * 1.2;
                            ui.add(egui::Image::new(tex).fit_to_exact_size(egui::vec2(side, side)).corner_radius(side / 2.0));
                        }
                        typeset::label(ui, RichText::new(&header).size(laid.0 * HEADER).strong());
                    });
                }
            } else {
                if let Some(t) = &scene.title {
                    ui.heading(t.get(code));
                }
                if let Some(name) = &speaker {
                    ui.horizontal_wrapped(|ui| {
                        if let Some(tex) = portrait {
                            let side = sizes.body * 3.3;
                            ui.add(egui::Image::new(tex).fit_to_exact_size(egui::vec2(side, side)).corner_radius(side / 2.0));
                        }
                        ui.label(RichText::new(name).strong());
                    });
                }
            }
            let (text, cols) = laid;
            let question = typeset::label(ui, RichText::new(scene.text.get(code)).size(text)).rect;
            ui.add_space(text * 0.4);
            let mut tiles = Vec::new();
            if run.session.stuck().is_some() {
                // A dead end the validator only warned of: say so, and let the run end here.
                ui.colored_label(BAD, RichText::new(crate::t!(l, "error-engine-stuck-event")).strong());
                if ui.button(RichText::new(crate::t!(l, "play-stuck-end")).size(sizes.body)).clicked() {
                    intent = Some(Intent::Class(crate::app::class::ClassIntent::SkipToDebrief));
                }
            } else {
                let size = if projector { text } else { sizes.choice };
                let (chosen, rects) = choices(ui, run, &offers, (size, cols), settings, room);
                intent = chosen.or(intent.take());
                tiles = rects;
            }
            ui.ctx().data_mut(|d| d.insert_temp(egui::Id::new(LAID_OUT), LaidOut { question, choices: tiles }));
        });
    });
    intent
}

/// How far under the smallest projector size the question and choices may shrink when nothing
/// else makes them fit (five long options in English at 720 lines).
const LAST_RESORT: f32 = 0.88;

/// The scene's title line on the projector, against the text size.
const HEADER: f32 = 1.15;

/// Where the question and the choices were drawn in the last frame (tests read it).
pub const LAID_OUT: &str = "play-laid-out";

/// Where the question and the choices were drawn.
#[derive(Clone, Debug)]
pub struct LaidOut {
    pub question: egui::Rect,
    pub choices: Vec<egui::Rect>,
}

/// A choice as shown: its offer, its label (numbered when it can be taken), and why it is
/// closed when it is.
struct Shown {
    offer: crate::engine::Offer,
    label: String,
    locked: Option<String>,
}

/// The choices in the order shown, the ones that can be taken numbered as the class votes on
/// them.
fn shown(run: &ActiveRun, code: &str, l: Lang) -> Vec<Shown> {
    let c = &run.compiled;
    let mut number = 0;
    run.session
        .offers()
        .into_iter()
        .map(|offer| {
            let text = c.choice(offer.choice).text.get(code);
            if offer.enabled {
                number += 1;
                Shown { offer, label: format!("{number}. {text}"), locked: None }
            } else {
                let why = crate::present::lock::reason(c, run.session.run(), offer.choice, code, l);
                Shown { offer, label: text.to_string(), locked: Some(why) }
            }
        })
        .collect()
}

/// The text size and number of columns at which the question and every choice fit `height`
/// (and whether they do):
/// the largest size from `max` down to `min`, over one to four columns of tiles no narrower than
/// about ten characters (more columns make each tile taller but the rows fewer).
fn fit(
    ui: &egui::Ui,
    (header, question): (&str, &str),
    offers: &[Shown],
    vote: Option<&str>,
    height: f32,
    max: f32,
    min: f32,
) -> (f32, usize, bool) {
    let width = ui.available_width();
    let spacing = ui.spacing().item_spacing;
    let class = vote.is_some();
    // What the panel's margins take, kept free.
    let height = height - 2.0 * spacing.y - ui.spacing().window_margin.sum().y - 4.0;
    let needed = |size: f32, cols: usize| {
        let mut h = typeset::galley(ui, RichText::new(question).size(size), width).size().y + size * 0.4 + 2.0 * spacing.y;
        if !header.is_empty() {
            h += typeset::galley(ui, RichText::new(header).size(size * HEADER).strong(), width).size().y + spacing.y;
        }
        if let Some(line) = vote {
            h += typeset::galley(ui, RichText::new(line).size(size).strong(), width).size().y + spacing.y;
        }
        let tile_w = (width - spacing.x * (cols as f32 - 1.0)) / cols as f32;
        for row in offers.chunks(cols) {
            h += row.iter().map(|o| tile_height(ui, o, tile_w, size, class)).fold(0.0, f32::max) + spacing.y;
        }
        h
    };
    let n = offers.len().max(1);
    let mut size = max;
    loop {
        // Two columns read best; one or three when only they fit.
        let mut tried: Vec<usize> = [2, 1, 3, 4].into_iter().filter(|&c| c <= n && width / c as f32 >= size * 10.0).collect();
        if tried.is_empty() {
            tried.push(1);
        }
        if let Some(&cols) = tried.iter().find(|&&c| needed(size, c) <= height) {
            return (size, cols, true);
        }
        if size <= min {
            let best = tried.iter().copied().min_by(|&a, &b| needed(min, a).total_cmp(&needed(min, b))).unwrap_or(1);
            return (min, best, false);
        }
        size = (size * 0.94).max(min);
    }
}

/// Inner padding of a choice tile.
fn padding(size: f32) -> egui::Vec2 {
    egui::vec2(size * 0.4, size * 0.2)
}

/// The laid-out label of a tile and its height with padding and, for a class, the vote line.
fn tile_text(ui: &egui::Ui, o: &Shown, width: f32, size: f32) -> (std::sync::Arc<egui::Galley>, Option<std::sync::Arc<egui::Galley>>) {
    let inner = width - 2.0 * padding(size).x;
    let ink = if o.locked.is_some() { theme::MUTED } else { theme::INK };
    let label = typeset::galley(ui, RichText::new(&o.label).size(size).color(ink), inner);
    let lock = o.locked.as_ref().map(|why| typeset::galley(ui, RichText::new(why).size(size * 0.8).color(theme::MUTED), inner));
    (label, lock)
}

fn tile_height(ui: &egui::Ui, o: &Shown, width: f32, size: f32, class: bool) -> f32 {
    let (label, lock) = tile_text(ui, o, width, size);
    let votes = if class && o.locked.is_none() { size * 1.3 } else { 0.0 };
    label.size().y + lock.map_or(0.0, |g| g.size().y + size * 0.2) + votes + 2.0 * padding(size).y
}

/// The choices as tiles, all laid out alike (the one that reads best must not look different),
/// in one column at the desk and as many as fit on the projector; for a
/// class each carries its votes inside. Returns the choice clicked and where each tile is.
fn choices(
    ui: &mut egui::Ui,
    run: &ActiveRun,
    offers: &[Shown],
    (size, cols): (f32, usize),
    settings: &Settings,
    room: &Room,
) -> (Option<Intent>, Vec<egui::Rect>) {
    let l = settings.lang;
    let projector = settings.projector;
    let mut intent = None;
    let vote = run.class.as_ref().and_then(|k| k.vote.as_ref());
    if let Some(v) = vote {
        super::class::vote_header(ui, v, size, room.classroom, l);
    }
    let spacing = ui.spacing().item_spacing;
    let width = ui.available_width();
    let tile_w = (width - spacing.x * (cols as f32 - 1.0)) / cols as f32;
    let mut rects = Vec::new();
    let mut number = 0;
    for row in offers.chunks(cols) {
        let h = row.iter().map(|o| tile_height(ui, o, tile_w, size, vote.is_some())).fold(0.0, f32::max);
        ui.horizontal(|ui| {
            for o in row {
                let sense = if o.offer.enabled { egui::Sense::click() } else { egui::Sense::hover() };
                let (rect, response) = ui.allocate_exact_size(egui::vec2(tile_w, h), sense);
                response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Button, o.offer.enabled, &o.label));
                rects.push(rect);
                let k = o.offer.enabled.then(|| {
                    number += 1;
                    number - 1
                });
                let shown_votes = vote.filter(|v| k.is_some() && super::class::bars_shown(v, room.classroom));
                tile(ui, rect, o, size, &response, k.zip(shown_votes), vote.is_some(), l);
                // For a class, number keys count votes (the class plugin reads them).
                let key = run.class.is_none()
                    && k.is_some_and(|k| super::class::DIGITS.get(k).is_some_and(|d| ui.input(|inp| inp.key_pressed(*d))));
                if o.offer.enabled && (response.clicked() || key) {
                    intent = Some(Intent::Choose(o.offer.choice));
                }
            }
        });
    }
    if !projector {
        ui.add_space(8.0);
        let hint = if run.class.is_some() { t!(l, "app-play-hint-class") } else { t!(l, "app-play-hint") };
        ui.label(RichText::new(hint).small().color(theme::MUTED));
    }
    (intent, rects)
}

/// One choice tile: a frame, the label from the top left, the reason a closed choice is closed,
/// and for a class the final round's share as a fill behind the text (the first round's as a
/// mark) with the count and share at the bottom.
#[expect(
    clippy::too_many_arguments,
    reason = "a tile is drawn from its place, its choice and its votes; bundling them would only rename them"
)]
fn tile(
    ui: &egui::Ui,
    rect: egui::Rect,
    o: &Shown,
    size: f32,
    response: &egui::Response,
    votes: Option<(usize, &Vote)>,
    class: bool,
    l: Lang,
) {
    let painter = ui.painter_at(rect);
    let pad = padding(size);
    let locked = o.locked.is_some();
    let fill = if locked { theme::LOCKED_FILL } else { theme::TILE_FILL };
    let radius = size * 0.25;
    painter.rect_filled(rect, radius, fill);
    if let Some((k, v)) = votes {
        let rounds = &v.rounds;
        let share = |r: &[u32]| {
            let total: u32 = r.iter().sum();
            if total == 0 { 0.0 } else { r.get(k).copied().unwrap_or(0) as f32 / total as f32 }
        };
        let last = rounds.last().map_or(0.0, |r| share(r));
        painter.rect_filled(egui::Rect::from_min_size(rect.min, egui::vec2(rect.width() * last, rect.height())), radius, theme::VOTE_FILL);
        if rounds.len() > 1 {
            // The first round's share: a mark along the bottom edge, clear of the text.
            let x = rect.left() + rect.width() * share(&rounds[0]);
            let y = rect.bottom() - size * 0.25;
            painter.line_segment([egui::pos2(rect.left(), y), egui::pos2(x, y)], egui::Stroke::new(size * 0.15, theme::MUTED));
        }
    }
    let stroke = if response.hovered() && o.offer.enabled { 3.0 } else { 1.5 };
    let edge = if locked { theme::MUTED } else { theme::INK };
    painter.rect_stroke(rect, radius, egui::Stroke::new(stroke, edge), egui::StrokeKind::Inside);
    let (label, lock) = tile_text(ui, o, rect.width(), size);
    let mut y = rect.top() + pad.y;
    let label_h = label.size().y;
    painter.galley(egui::pos2(rect.left() + pad.x, y), label, theme::INK);
    y += label_h;
    if let Some(g) = lock {
        painter.galley(egui::pos2(rect.left() + pad.x, y + size * 0.2), g, theme::MUTED);
    }
    if class && !locked {
        let text = match votes {
            Some((k, v)) => {
                let n = v.current().get(k).copied().unwrap_or(0);
                let total = v.total();
                let share = if total == 0 { 0.0 } else { 100.0 * n as f32 / total as f32 };
                t!(l, "app-class-vote-bar", votes = n, share = format!("{share:.0}"))
            }
            None => String::new(),
        };
        painter.text(
            egui::pos2(rect.left() + pad.x, rect.bottom() - pad.y),
            egui::Align2::LEFT_BOTTOM,
            text,
            egui::FontId::proportional(size),
            theme::INK,
        );
    }
}

fn feedback(ui: &mut egui::Ui, run: &ActiveRun, view: &PlayView, code: &str, l: Lang, projector: bool) -> Option<Intent> {
    let c = &run.compiled;
    let s = &c.scenario;
    if let Some(d) = run.session.run().decisions.last() {
        let taken = d.choice.map_or_else(|| t!(l, "app-play-no-decision"), |ix| c.choice(ix).text.get(code).to_string());
        ui.label(RichText::new(t!(l, "app-play-decision", choice = taken)).strong());
        if let Some(v) = run.class.as_ref().and_then(|k| k.votes.last()).and_then(Option::as_ref) {
            ui.label(t!(l, "report-class-vote", summary = crate::present::vote::headline(v, l)));
        }
    }
    if projector && !view.revealed {
        ui.add_space(12.0);
        ui.label(RichText::new(t!(l, "app-play-consequences-hidden")).heading());
        // With a prediction to take, its question is the prompt to discuss.
        if run.class.as_ref().and_then(|k| k.prediction()).is_none() {
            ui.label(t!(l, "app-play-discuss-first"));
        }
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
            // What the decision set off: dark text, marked, so it reads on any projector.
            ui.horizontal_top(|ui| {
                ui.label(RichText::new("⚠").strong().color(theme::WARN));
                typeset::label(ui, RichText::new(t.get(code)).strong());
            });
        }
    }
    ui.add_space(12.0);
    let label = if run.session.is_over() { t!(l, "app-play-see-debrief") } else { t!(l, "app-play-continue") };
    let clicked = ui.add(egui::Button::new(RichText::new(label).strong())).clicked();
    // A class's keys, and the projector's, are read by the class plugin.
    let key = run.class.is_none() && !projector && ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Space));
    (clicked || key).then_some(Intent::Continue)
}

/// The newest post on one line, for the projector while the class votes.
fn ticker(ui: &mut egui::Ui, m: &Media, code: &str, l: Lang, new: bool) {
    ui.horizontal(|ui| {
        if new {
            ui.label(RichText::new(t!(l, "app-play-new")).strong().color(theme::INK).background_color(theme::NEW_MARK));
        }
        let small = theme::current(ui.ctx()).small;
        let channel = m.channel;
        ui.label(
            RichText::new(channel.label(l))
                .size(small)
                .color(theme::badge_text(channel))
                .background_color(channel_colour(channel))
                .strong(),
        );
        let colon = if code.starts_with("zh") { "：" } else { ": " };
        let line = format!("{}{colon}{}", m.author.get(code), m.text.get(code).replace('\n', " "));
        ui.add(egui::Label::new(RichText::new(line).size(small)).truncate());
    });
    ui.separator();
}

/// A post's channel as a badge: dark text on the channel's colour, readable on a washed-out
/// projector.
fn badge(ui: &mut egui::Ui, m: &Media, l: Lang) {
    ui.label(RichText::new(m.channel.label(l)).color(theme::badge_text(m.channel)).background_color(channel_colour(m.channel)).strong());
}

fn post_card(ui: &mut egui::Ui, m: &Media, code: &str, l: Lang, new: bool) {
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
            if new {
                ui.label(RichText::new(t!(l, "app-play-new")).strong().color(theme::INK).background_color(theme::NEW_MARK));
            }
            badge(ui, m, l);
            ui.label(RichText::new(header).strong());
            ui.label(RichText::new(time).small().color(theme::MUTED));
        });
        match m.channel {
            Channel::OfficialNotice => {
                typeset::label(ui, RichText::new(m.text.get(code)).strong());
            }
            // A ticket that heads itself (【诉求】, 【督办】) needs no label of ours.
            Channel::Hotline if !m.text.get(code).starts_with('【') => {
                typeset::label(ui, t!(l, "app-play-hotline-request", text = m.text.get(code)));
            }
            _ => {
                typeset::label(ui, m.text.get(code));
            }
        }
        let stats = engagement(m, l);
        if !stats.is_empty() {
            ui.label(RichText::new(stats).small().color(theme::MUTED));
        }
    });
}
