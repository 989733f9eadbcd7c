//! The debrief screen: the red lines, the ending and the grade as one band, then the three
//! turning points (the decisions that lost the most, each with the better road and what it was
//! worth in words), the charts with their axes, and every decision folded under 全部决策, rated
//! and beside the better one with feedback, basis and the two commentary voices.

use super::class::CompareView;
use super::typeset;
use crate::app::class::{ClassIntent, Classroom};
use crate::app::flow::{Intent, Settings};
use crate::app::theme::{self, GOOD};
use crate::engine::rating::Rating;
use crate::present::chart::{Bars, Lines};
use crate::present::debrief::{DebriefView as Debrief, StepView, Voices, gain_words, points, rating_label, rating_rgb, why};
use crate::present::grade;
use crate::t;
use bevy_egui::egui::{self, Color32, RichText, Stroke, pos2, vec2};

/// What a class's debrief adds.
#[derive(Debug)]
pub struct ClassDebrief<'a> {
    pub class: bool,
    pub room: &'a Classroom,
    /// Both roads, when this run replayed the road not taken.
    pub compare: Option<CompareView>,
    /// How the class predicted the consequences of its decisions.
    pub predictions: crate::present::predict::Summary,
}

pub fn show(ui: &mut egui::Ui, d: &Debrief, settings: &Settings, extra: &ClassDebrief) -> Option<Intent> {
    let l = settings.lang;
    let mut intent = None;
    // On the projector, scores, ratings and the better road wait until the instructor shows them.
    let scores = !settings.projector || extra.room.show_scores;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.label(theme::title(t!(l, "debrief-title", title = &d.title), ui));
        ui.horizontal_wrapped(|ui| {
            if ui.add(egui::Button::new(RichText::new(t!(l, "app-debrief-play-again")).strong())).clicked() {
                intent = Some(Intent::PlayAgain);
            }
            if ui.button(t!(l, "app-back-to-library")).clicked() {
                intent = Some(Intent::ToLibrary);
            }
            if extra.class && !d.path.is_empty() && ui.button(t!(l, "app-debrief-go-back")).clicked() {
                intent = Some(Intent::Class(ClassIntent::ToggleRewind));
            }
            if settings.projector {
                let label = if scores { t!(l, "app-debrief-hide-scores") } else { t!(l, "app-debrief-show-scores") };
                if ui.button(label).clicked() {
                    intent = Some(Intent::Class(ClassIntent::ToggleScores));
                }
            }
        });
        if let Some(cmp) = &extra.compare {
            super::class::compare(ui, cmp, extra.room, settings);
            ui.separator();
        }
        red_lines(ui, d, l);
        ending(ui, d.ending.as_ref().map(|e| (e.title.as_str(), e.text.as_str())), l);
        if let Some(c) = d.ending.as_ref().and_then(|e| e.commentary.as_ref()) {
            voices(ui, c, settings);
        }
        if scores {
            band(ui, d, l);
            ui.add_space(8.0);
            turning_points(ui, d, l);
            ui.add_space(8.0);
            let (bars, lines) = (Bars::competencies(d), Lines::meters(d));
            ui.columns(2, |cols| {
                cols[0].heading(&bars.title);
                competency_chart(&mut cols[0], &bars);
                cols[1].heading(&lines.title);
                meter_chart(&mut cols[1], &lines);
            });
        } else {
            ui.label(RichText::new(t!(l, "app-debrief-scores-hidden")).color(quiet(ui)));
            ui.add_space(8.0);
            let lines = Lines::meters(d);
            ui.heading(&lines.title);
            meter_chart(ui, &lines);
        }
        ui.add_space(8.0);
        super::predict::debrief(ui, &extra.predictions, l);
        let heading = if extra.class { t!(l, "app-debrief-class-decisions") } else { t!(l, "debrief-all-decisions") };
        // With the scores shown the turning points come first and the rest waits, folded; before
        // the instructor shows them the decisions are what the room discusses.
        egui::CollapsingHeader::new(RichText::new(heading).size(theme::current(ui.ctx()).heading))
            .id_salt(("all-decisions", scores))
            .default_open(!scores)
            .show(ui, |ui| {
                for (i, step) in d.path.iter().enumerate() {
                    decision(ui, i, step, scores, settings);
                }
            });
        if let Some(c) = &d.commentary {
            ui.heading(t!(l, "report-commentary"));
            voices(ui, c, settings);
        }
    });
    intent
}

/// What the debrief shows at once, before it is built: its title, the ending and a spinner saying
/// what is still being worked out. The ending is known the moment the run ends; the scores, the
/// charts and the better road follow on the task pool.
pub fn pending(ui: &mut egui::Ui, title: &str, ending_shown: Option<(&str, &str)>, lang: crate::lang::Lang) {
    ui.label(theme::title(t!(lang, "debrief-title", title = title), ui));
    ending(ui, ending_shown, lang);
    ui.add_space(16.0);
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(RichText::new(t!(lang, "debrief-building")).size(theme::current(ui.ctx()).heading));
    });
}

fn ending(ui: &mut egui::Ui, e: Option<(&str, &str)>, l: crate::lang::Lang) {
    match e {
        Some((title, text)) => {
            ui.heading(t!(l, "report-ending", title = title));
            typeset::label(ui, text);
        }
        None => {
            ui.heading(t!(l, "report-no-ending"));
        }
    }
}

/// The total and its grade, once, as a band in the grade's colour (待改进 in dark orange).
fn band(ui: &mut egui::Ui, d: &Debrief, l: crate::lang::Lang) {
    let colour = rgb(grade::band_rgb(d.grade));
    ui.add_space(6.0);
    egui::Frame::new().fill(colour).corner_radius(4.0).inner_margin(egui::Margin::symmetric(12, 6)).show(ui, |ui| {
        let line = t!(l, "report-total", total = points(d.total), grade = d.grade.label(l));
        ui.label(RichText::new(line).size(theme::current(ui.ctx()).heading).color(Color32::WHITE).strong());
    });
}

/// A decision's rating as a small coloured tag.
fn rating_tag(ui: &mut egui::Ui, r: Rating, l: crate::lang::Lang) {
    egui::Frame::new().fill(rgb(rating_rgb(r))).corner_radius(3.0).inner_margin(egui::Margin::symmetric(6, 1)).show(ui, |ui| {
        ui.label(RichText::new(rating_label(r, l)).color(Color32::WHITE).strong());
    });
}

/// The turning points, or a line saying there were none worth naming.
fn turning_points(ui: &mut egui::Ui, d: &Debrief, l: crate::lang::Lang) {
    ui.heading(t!(l, "debrief-turning-points", count = d.turning_points.len()));
    if d.turning_points.is_empty() {
        typeset::label(ui, t!(l, "debrief-no-turning-points"));
        return;
    }
    typeset::label(ui, RichText::new(t!(l, "debrief-turning-points-note")).small().color(quiet(ui)));
    for &i in &d.turning_points {
        let step = &d.path[i];
        let edge = step.rating.map_or(ui.visuals().weak_text_color(), |r| rgb(rating_rgb(r)));
        egui::Frame::group(ui.style()).stroke(Stroke::new(2.0, edge)).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                if let Some(r) = step.rating {
                    rating_tag(ui, r, l);
                }
                ui.label(RichText::new(t!(l, "debrief-step", n = i + 1)).strong());
            });
            typeset::label(ui, RichText::new(step.chosen(l)).strong());
            if let Some(f) = &step.feedback {
                typeset::label(ui, t!(l, "debrief-what-happened", feedback = f));
            }
            if let Some(b) = &step.better {
                let road = format!("{} · {}", t!(l, "debrief-better-road", choice = &b.text), gain_words(b.gain, l));
                typeset::label(ui, RichText::new(road).color(GOOD).strong());
                if let Some(w) = why(b) {
                    typeset::label(ui, t!(l, "debrief-why", why = w));
                }
            }
            if let Some(b) = &step.basis {
                typeset::label(ui, RichText::new(t!(l, "debrief-basis", basis = b)).color(quiet(ui)));
            }
        });
    }
}

/// One decision in the full list: its rating (once the scores are shown), the choice, the
/// class's votes, feedback, basis, the two voices and the better road.
fn decision(ui: &mut egui::Ui, i: usize, step: &StepView, scores: bool, settings: &Settings) {
    let l = settings.lang;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            if let Some(r) = step.rating.filter(|_| scores) {
                rating_tag(ui, r, l);
            }
            ui.label(RichText::new(t!(l, "debrief-step", n = i + 1)).strong());
        });
        typeset::label(ui, RichText::new(&step.text).strong());
        if let Some(v) = &step.vote {
            ui.label(
                RichText::new(t!(l, "report-class-vote", summary = crate::present::vote::summary(v, l)))
                    .color(Color32::from_rgb(30, 90, 170)),
            );
        }
        if let Some(f) = &step.feedback {
            typeset::label(ui, f);
        }
        if let Some(b) = &step.basis {
            typeset::label(ui, RichText::new(t!(l, "debrief-basis", basis = b)).color(quiet(ui)));
        }
        if let Some(c) = &step.commentary {
            voices(ui, c, settings);
        }
        if let Some(b) = step.better.as_ref().filter(|_| scores) {
            let road = format!("{} · {}", t!(l, "debrief-better-road", choice = &b.text), gain_words(b.gain, l));
            typeset::label(ui, RichText::new(road).color(GOOD));
            if let Some(f) = &b.feedback {
                typeset::label(ui, RichText::new(f).small());
            }
        }
    });
}

/// The red lines the run crossed, first and framed, before the ending and the scores.
fn red_lines(ui: &mut egui::Ui, d: &Debrief, l: crate::lang::Lang) {
    if d.red_lines.is_empty() {
        return;
    }
    egui::Frame::group(ui.style()).stroke(Stroke::new(2.0, theme::BAD)).show(ui, |ui| {
        ui.set_width(ui.available_width());
        typeset::label(ui, RichText::new(t!(l, "debrief-red-lines-title")).color(theme::BAD).strong());
        for r in &d.red_lines {
            typeset::label(ui, RichText::new(t!(l, "debrief-red-line", text = &r.text, action = &r.action)).strong());
            if let Some(b) = &r.basis {
                typeset::label(ui, RichText::new(t!(l, "debrief-basis", basis = b)).color(quiet(ui)));
            }
        }
    });
    ui.add_space(8.0);
}

fn voices(ui: &mut egui::Ui, c: &Voices, settings: &Settings) {
    let l = settings.lang;
    if c.disagree {
        typeset::label(ui, RichText::new(t!(l, "debrief-voices-differ")).color(quiet(ui)));
    }
    if let Some(e) = &c.expert {
        // Not link blue: it is not clickable.
        typeset::label(ui, RichText::new(format!("{}{e}", t!(l, "debrief-expert"))));
    }
    if let Some(p) = &c.practitioner {
        typeset::label(ui, RichText::new(format!("{}{p}", t!(l, "debrief-practitioner"))).color(Color32::from_rgb(120, 70, 20)));
    }
}

/// Secondary text that must still read on a projector (a basis, the charts' scales): a dark
/// grey, not egui's faint one (about 2.3:1 on white).
fn quiet(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { Color32::from_gray(185) } else { Color32::from_gray(80) }
}

fn rgb([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// The chart model's bars: one per competency on a grey 0-100 track, the value at the bar's
/// end, the pass line across the rows and the scale under them (as the printable page draws it).
fn competency_chart(ui: &mut egui::Ui, chart: &Bars) {
    let font = theme::current(ui.ctx()).small;
    let row = font * 2.0;
    let rows = row * chart.bars.len() as f32;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), rows + font * 3.4 + 8.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let label_w = rect.width() * 0.32;
    let text = ui.visuals().text_color();
    let weak = quiet(ui);
    let track = if ui.visuals().dark_mode { Color32::from_gray(70) } else { Color32::from_gray(226) };
    let x0 = rect.left() + label_w;
    // Room at the right for a value at a full bar.
    let full = rect.width() - label_w - font * 2.6;
    let small = egui::FontId::proportional(font);
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = rect.top() + 4.0 + i as f32 * row;
        painter.text(pos2(rect.left(), y + row / 2.0), egui::Align2::LEFT_CENTER, &bar.label, small.clone(), text);
        painter.rect_filled(egui::Rect::from_min_size(pos2(x0, y + 5.0), vec2(full, row - 10.0)), 2.0, track);
        let end = x0 + full * bar.fraction as f32;
        painter.rect_filled(egui::Rect::from_min_max(pos2(x0, y + 5.0), pos2(end, y + row - 5.0)), 2.0, rgb(bar.colour));
        painter.text(pos2(end + 5.0, y + row / 2.0), egui::Align2::LEFT_CENTER, &bar.shown, egui::FontId::proportional(font), text);
    }
    let pass_x = x0 + full * chart.pass_fraction() as f32;
    let bottom = rect.top() + 4.0 + rows;
    painter.add(egui::Shape::dashed_line(&[pos2(pass_x, rect.top()), pos2(pass_x, bottom + 4.0)], Stroke::new(1.5, text), 5.0, 3.0));
    let scale_y = bottom + font * 0.9;
    for (mark, x) in [("0".to_string(), x0), (points(chart.pass), pass_x), (points(chart.max), x0 + full)] {
        painter.text(pos2(x, scale_y), egui::Align2::CENTER_CENTER, mark, small.clone(), weak);
    }
    painter.text(pos2(pass_x, scale_y + font * 1.3), egui::Align2::CENTER_CENTER, &chart.pass_label, small, weak);
}

/// The chart model's lines: one per visible meter (each scaled to its own range), the y scale on
/// the left, the step numbers under the x axis with its name, and each line's name and last
/// value at its right end.
fn meter_chart(ui: &mut egui::Ui, chart: &Lines) {
    let font = theme::current(ui.ctx()).small;
    let small = egui::FontId::proportional(font);
    let h = font * 14.0;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), h), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let weak = quiet(ui);
    // Room for the end labels: the longest name and its value.
    let label_w = chart
        .series
        .iter()
        .map(|s| painter.layout_no_wrap(format!("{} {}", s.label, s.last()), small.clone(), weak).size().x)
        .fold(0.0, f32::max)
        .min(rect.width() * 0.4);
    let y_w = chart.y_marks.iter().map(|m| painter.layout_no_wrap(m.clone(), small.clone(), weak).size().x).fold(0.0, f32::max);
    let plot = egui::Rect::from_min_max(
        pos2(rect.left() + y_w + 8.0, rect.top() + font * 0.6),
        pos2(rect.right() - label_w - 8.0, rect.bottom() - font * 2.8),
    );
    painter.rect_stroke(plot, 0.0, Stroke::new(1.0, weak), egui::StrokeKind::Inside);
    for (k, mark) in chart.y_marks.iter().enumerate() {
        let y = plot.bottom() - plot.height() * k as f32 / 2.0;
        painter.line_segment([pos2(plot.left() - 4.0, y), pos2(plot.left(), y)], Stroke::new(1.0, weak));
        painter.text(pos2(plot.left() - 6.0, y), egui::Align2::RIGHT_CENTER, mark, small.clone(), weak);
    }
    let n = chart.steps().max(1) as f32;
    for step in chart.x_marks() {
        let x = plot.left() + plot.width() * step as f32 / n;
        painter.line_segment([pos2(x, plot.bottom()), pos2(x, plot.bottom() + 4.0)], Stroke::new(1.0, weak));
        painter.text(pos2(x, plot.bottom() + 5.0), egui::Align2::CENTER_TOP, step.to_string(), small.clone(), weak);
    }
    painter.text(pos2(plot.center().x, rect.bottom()), egui::Align2::CENTER_BOTTOM, &chart.x_label, small.clone(), weak);
    let labels = chart.end_label_ys(f64::from(font * 1.1 / plot.height()));
    for (series, label_y) in chart.series.iter().zip(labels) {
        let colour = rgb(series.colour);
        let points: Vec<egui::Pos2> = series
            .points()
            .into_iter()
            .map(|(x, y)| pos2(plot.left() + plot.width() * x as f32, plot.bottom() - plot.height() * y as f32))
            .collect();
        painter.add(egui::Shape::line(points.clone(), Stroke::new(2.5, colour)));
        for p in points {
            painter.circle_filled(p, 3.0, colour);
        }
        let y = plot.bottom() - plot.height() * label_y as f32;
        painter.text(
            pos2(plot.right() + 6.0, y),
            egui::Align2::LEFT_CENTER,
            format!("{} {}", series.label, series.last()),
            small.clone(),
            colour,
        );
    }
}
