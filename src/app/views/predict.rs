//! Predict, then verify, on the projector: while the consequences of a class decision are
//! hidden, the question "你们预计会怎样？" with the outcomes as large numbered rows and the hands
//! counted on each (nothing hints which is right); after the reveal, the prediction beside what
//! happened. Also the console's view of it and the class debrief's tally.

use super::play::code;
use crate::app::class::ClassIntent;
use crate::app::flow::{ActiveRun, Intent};
use crate::app::theme::{self, GOOD};
use crate::lang::Lang;
use crate::present::predict::Summary;
use crate::t;
use bevy_egui::egui::{self, RichText};

/// The prediction on the projector's consequences step: the question and hands while hidden,
/// the prediction beside what happened once `revealed`. Nothing when no hand was raised after
/// the reveal, or nothing can be predicted.
pub fn show(ui: &mut egui::Ui, run: &ActiveRun, revealed: bool, l: Lang) -> Option<Intent> {
    let p = run.class.as_ref()?.prediction()?;
    let outcomes = p.outcomes(&run.compiled, code(run, l), l);
    if revealed {
        if p.taken() {
            let colour = if p.right() == Some(true) { GOOD } else { theme::WARN };
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                super::typeset::label(ui, RichText::new(crate::present::predict::line(p, &outcomes, l)).strong().color(colour));
            });
        }
        return None;
    }
    let size = theme::current(ui.ctx()).choice;
    let mut intent = None;
    ui.add_space(8.0);
    ui.label(RichText::new(t!(l, "app-predict-question")).heading().strong());
    // One line an outcome (it wraps when long), so three or four fit under the decision.
    for (k, text) in outcomes.iter().enumerate() {
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            let n = p.counts.get(k).copied().unwrap_or(0);
            if ui.add(egui::Button::new(RichText::new(format!("{}", k + 1)).size(size).strong()).small()).clicked() {
                intent = Some(Intent::Class(ClassIntent::Predict { k, delta: 1 }));
            }
            ui.label(RichText::new(text).size(size));
            ui.label(RichText::new(t!(l, "app-predict-hands", count = n)).size(size).strong());
        });
    }
    ui.separator();
    ui.label(RichText::new(t!(l, "app-predict-how", n = outcomes.len())).small().weak());
    intent
}

/// The instructor's console: the outcomes with their hands, and which one will happen.
pub fn console(ui: &mut egui::Ui, run: &ActiveRun, l: Lang) -> Option<Intent> {
    let p = run.class.as_ref()?.prediction()?;
    let outcomes = p.outcomes(&run.compiled, code(run, l), l);
    let mut intent = None;
    ui.heading(t!(l, "app-console-predict"));
    egui::Grid::new("console-predict").num_columns(4).spacing([10.0, 6.0]).show(ui, |ui| {
        for (k, text) in outcomes.iter().enumerate() {
            let label = format!("{}. {text}", k + 1);
            if k == p.happened {
                ui.label(RichText::new(format!("{label}  ★ {}", t!(l, "app-predict-will-happen"))).color(GOOD).strong());
            } else {
                ui.label(label);
            }
            if ui.small_button("−").clicked() {
                intent = Some(Intent::Class(ClassIntent::Predict { k, delta: -1 }));
            }
            let mut n = p.counts.get(k).copied().unwrap_or(0);
            if ui.add(egui::DragValue::new(&mut n).range(0..=999)).changed() {
                intent = Some(Intent::Class(ClassIntent::SetPrediction { k, count: n }));
            }
            if ui.small_button("+").clicked() {
                intent = Some(Intent::Class(ClassIntent::Predict { k, delta: 1 }));
            }
            ui.end_row();
        }
    });
    intent
}

/// The class debrief's tally, "预判 N 次，全班判断正确 M 次", with one line per prediction.
pub fn debrief(ui: &mut egui::Ui, s: &Summary, l: Lang) {
    if s.tally.taken == 0 {
        return;
    }
    ui.add_space(8.0);
    ui.heading(t!(l, "report-predictions-tally", taken = s.tally.taken, right = s.tally.right));
    for (n, line) in &s.lines {
        super::typeset::label(ui, format!("{n}. {line}"));
    }
}
