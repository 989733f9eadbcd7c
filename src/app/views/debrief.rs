//! The debrief screen: ending and grade, a chart of the score per competency, the meters over
//! the run, and the road taken, each decision beside the better one with feedback, basis and
//! the two commentary voices.

use super::class::CompareView;
use super::typeset;
use crate::app::class::{ClassIntent, Classroom};
use crate::app::flow::{Intent, Settings};
use crate::app::theme::{self, GOOD};
use crate::present::chart::{Bars, Lines};
use crate::present::debrief::{DebriefView as Debrief, Voices};
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
    // On the projector, scores and the better road wait until the instructor shows them.
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
        match &d.ending {
            Some(e) => {
                ui.heading(t!(l, "app-debrief-ending", title = &e.title, grade = e.grade.label(l)));
                typeset::label(ui, &e.text);
            }
            None => {
                ui.heading(t!(l, "report-no-ending"));
            }
        }
        // The grade band's colour, as on the printable page.
        let colour = rgb(crate::present::grade::grade_rgb(d.grade));
        if scores {
            ui.label(
                RichText::new(t!(l, "app-total", total = format!("{:.1}", d.total), grade = d.grade.label(l)))
                    .size(theme::current(ui.ctx()).heading * 1.3)
                    .color(colour)
                    .strong(),
            );
        } else {
            ui.label(RichText::new(t!(l, "app-debrief-scores-hidden")).italics());
        }
        ui.add_space(8.0);
        if scores {
            let (bars, lines) = (Bars::competencies(d), Lines::meters(d));
            ui.columns(2, |cols| {
                cols[0].heading(&bars.title);
                competency_chart(&mut cols[0], &bars);
                cols[1].heading(&lines.title);
                meter_chart(&mut cols[1], &lines);
            });
        } else {
            let lines = Lines::meters(d);
            ui.heading(&lines.title);
            meter_chart(ui, &lines);
        }
        ui.add_space(8.0);
        super::predict::debrief(ui, &extra.predictions, l);
        ui.heading(if extra.class { t!(l, "app-debrief-class-decisions") } else { t!(l, "app-debrief-your-decisions") });
        for (i, step) in d.path.iter().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                typeset::label(ui, RichText::new(format!("{}. {}", i + 1, step.text)).strong());
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
                    typeset::label(ui, RichText::new(t!(l, "debrief-basis", basis = b)).italics());
                }
                if let Some(c) = &step.commentary {
                    voices(ui, c, settings);
                }
                if let Some(b) = step.better.as_ref().filter(|_| scores) {
                    let better = t!(l, "play-debrief-better", choice = &b.text, gain = format!("{:.1}", b.gain));
                    typeset::label(ui, RichText::new(better).color(GOOD));
                    if let Some(f) = &b.feedback {
                        typeset::label(ui, RichText::new(f).small());
                    }
                }
            });
        }
        if let Some(c) = d.ending.as_ref().and_then(|e| e.commentary.as_ref()) {
            voices(ui, c, settings);
        }
        if let Some(c) = &d.commentary {
            ui.heading(t!(l, "report-commentary"));
            voices(ui, c, settings);
        }
    });
    intent
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
                typeset::label(ui, RichText::new(t!(l, "debrief-basis", basis = b)).italics());
            }
        }
    });
    ui.add_space(8.0);
}

fn voices(ui: &mut egui::Ui, c: &Voices, settings: &Settings) {
    let l = settings.lang;
    if c.disagree {
        typeset::label(ui, RichText::new(t!(l, "debrief-voices-differ")).italics());
    }
    if let Some(e) = &c.expert {
        typeset::label(ui, RichText::new(format!("{}{e}", t!(l, "debrief-expert"))).color(Color32::from_rgb(30, 90, 170)));
    }
    if let Some(p) = &c.practitioner {
        typeset::label(ui, RichText::new(format!("{}{p}", t!(l, "debrief-practitioner"))).color(Color32::from_rgb(120, 70, 20)));
    }
}

fn rgb([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// The chart model's bars (one per competency, 0-100, coloured by grade band), as the printable
/// page draws them.
fn competency_chart(ui: &mut egui::Ui, chart: &Bars) {
    let font = theme::current(ui.ctx()).small;
    let row = font * 2.0;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), row * chart.bars.len() as f32 + 8.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let label_w = rect.width() * 0.35;
    let text = ui.visuals().text_color();
    for (i, bar) in chart.bars.iter().enumerate() {
        let y = rect.top() + 4.0 + i as f32 * row;
        painter.text(pos2(rect.left(), y + row / 2.0), egui::Align2::LEFT_CENTER, &bar.label, egui::FontId::proportional(font), text);
        let x0 = rect.left() + label_w;
        let full = rect.width() - label_w - 50.0;
        painter.rect_filled(egui::Rect::from_min_size(pos2(x0, y + 6.0), vec2(full, row - 12.0)), 3.0, ui.visuals().faint_bg_color);
        let filled = vec2(full * bar.fraction as f32, row - 12.0);
        painter.rect_filled(egui::Rect::from_min_size(pos2(x0, y + 6.0), filled), 3.0, rgb(bar.colour));
        let value = format!("{:.0}", bar.value);
        painter.text(pos2(x0 + full + 6.0, y + row / 2.0), egui::Align2::LEFT_CENTER, value, egui::FontId::proportional(font), text);
    }
}

/// The chart model's lines (one per visible meter, each scaled to its own range) and a legend
/// with each meter's last value.
fn meter_chart(ui: &mut egui::Ui, chart: &Lines) {
    let h = theme::current(ui.ctx()).small * 12.0;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), h), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let plot = rect.shrink2(vec2(8.0, 10.0));
    painter.rect_stroke(plot, 2.0, Stroke::new(1.0, ui.visuals().weak_text_color()), egui::StrokeKind::Inside);
    for series in &chart.series {
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
    }
    ui.horizontal_wrapped(|ui| {
        for series in &chart.series {
            ui.colored_label(rgb(series.colour), format!("■ {} {}", series.label, series.last()));
        }
    });
}
