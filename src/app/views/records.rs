//! The records screen for instructors: every recorded run, filtered by group, trainee,
//! scenario and date, and for one scenario a class view: the score spread per competency, the
//! endings reached, how often each choice was taken at each scene, and the most common road.

use crate::app::flow::{Intent, Settings};
use crate::app::theme::{self, BAD, GOOD};
use crate::lang::Lang;
use crate::records::RunDetail;
use crate::t;
use bevy_egui::egui::{self, RichText};
use std::collections::BTreeMap;

/// The filters typed on the screen.
#[derive(Debug, Default, Clone)]
pub struct Filters {
    pub group: String,
    pub trainee: String,
    pub scenario: String,
    pub date: String,
}

fn keep(d: &RunDetail, f: &Filters) -> bool {
    let has = |field: &str, q: &str| q.trim().is_empty() || field.contains(q.trim());
    has(&d.run.group, &f.group)
        && has(&d.run.trainee, &f.trainee)
        && (f.scenario.is_empty() || d.run.scenario == f.scenario)
        && has(&d.run.started, &f.date)
}

pub fn show(ui: &mut egui::Ui, runs: &[RunDetail], filters: &mut Filters, settings: &Settings) -> Option<Intent> {
    let l = settings.lang;
    let mut intent = None;
    ui.horizontal(|ui| {
        ui.label(theme::title(t!(l, "app-records-title"), ui));
        if ui.button(t!(l, "app-back-to-library")).clicked() {
            intent = Some(Intent::ToLibrary);
        }
    });
    let mut scenarios: Vec<&str> = runs.iter().map(|r| r.run.scenario.as_str()).collect();
    scenarios.sort_unstable();
    scenarios.dedup();
    ui.horizontal_wrapped(|ui| {
        ui.label(t!(l, "app-records-filter-group"));
        ui.add(egui::TextEdit::singleline(&mut filters.group).desired_width(110.0));
        ui.label(t!(l, "app-records-filter-trainee"));
        ui.add(egui::TextEdit::singleline(&mut filters.trainee).desired_width(110.0));
        ui.label(t!(l, "app-records-filter-date"));
        ui.add(egui::TextEdit::singleline(&mut filters.date).hint_text("2026-11").desired_width(100.0));
        ui.label(t!(l, "app-records-filter-scenario"));
        egui::ComboBox::from_id_salt("scenario")
            .selected_text(if filters.scenario.is_empty() { t!(l, "app-records-all") } else { filters.scenario.clone() })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filters.scenario, String::new(), t!(l, "app-records-all"));
                for s in &scenarios {
                    ui.selectable_value(&mut filters.scenario, (*s).to_string(), *s);
                }
            });
    });
    let shown: Vec<&RunDetail> = runs.iter().filter(|d| keep(d, filters)).collect();
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        if !filters.scenario.is_empty() {
            class_view(ui, &shown, l);
            ui.separator();
        }
        egui::Grid::new("runs").striped(true).num_columns(8).show(ui, |ui| {
            for h in [
                t!(l, "records-column-id"),
                t!(l, "app-records-column-started"),
                t!(l, "records-column-scenario"),
                t!(l, "records-column-trainee"),
                t!(l, "records-column-group"),
                t!(l, "records-column-ending"),
                t!(l, "records-column-total"),
                t!(l, "app-records-column-decisions"),
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for d in &shown {
                let r = &d.run;
                ui.label(r.id.to_string());
                ui.label(&r.started);
                ui.label(&r.scenario);
                ui.label(&r.trainee);
                ui.label(&r.group);
                ui.label(r.ending.clone().unwrap_or_else(|| t!(l, "records-not-finished")));
                ui.label(r.total.map_or_else(|| "-".into(), |t| format!("{t:.1}")));
                ui.label(r.decisions.to_string());
                ui.end_row();
            }
        });
        if shown.is_empty() {
            ui.label(t!(l, "app-records-none"));
        }
    });
    intent
}

/// The class view of one scenario's runs.
fn class_view(ui: &mut egui::Ui, runs: &[&RunDetail], l: Lang) {
    let done: Vec<&&RunDetail> = runs.iter().filter(|r| r.run.complete).collect();
    ui.heading(t!(l, "app-records-class-view", runs = done.len()));
    if done.is_empty() {
        return;
    }
    // Score spread per competency: mean, lowest, highest, and a five-band histogram.
    let mut scores: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for r in &done {
        for s in &r.scores {
            scores.entry(&s.competency).or_default().push(s.score);
        }
    }
    ui.label(RichText::new(t!(l, "app-records-spread-title")).strong());
    for (k, v) in &scores {
        let mean = v.iter().sum::<f64>() / v.len() as f64;
        let lo = v.iter().copied().fold(f64::MAX, f64::min);
        let hi = v.iter().copied().fold(f64::MIN, f64::max);
        let mut bands = [0usize; 5];
        for x in v {
            bands[((x / 20.0) as usize).min(4)] += 1;
        }
        let hist = bands.iter().map(|n| format!("{}{n}", "█".repeat(*n))).collect::<Vec<_>>().join(" | ");
        let colour = if mean >= 70.0 { GOOD } else { BAD };
        let line = t!(
            l,
            "app-records-spread",
            competency = *k,
            mean = format!("{mean:.1}"),
            low = format!("{lo:.0}"),
            high = format!("{hi:.0}"),
            bars = hist
        );
        ui.colored_label(colour, line);
    }
    let mut endings: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &done {
        *endings.entry(r.run.ending.as_deref().unwrap_or("-")).or_default() += 1;
    }
    ui.label(RichText::new(t!(l, "app-records-endings")).strong());
    ui.label(endings.iter().map(|(e, n)| format!("{e} × {n}")).collect::<Vec<_>>().join("   "));
    // How many runs crossed each red line (a run counts once per line).
    let mut crossed: BTreeMap<(String, String), usize> = BTreeMap::new();
    for r in &done {
        let lines: std::collections::BTreeSet<&crate::records::RedLineRow> = r.red_lines.iter().collect();
        for x in lines {
            let choice = x.choice.clone().unwrap_or_else(|| t!(l, "records-timeout"));
            *crossed.entry((x.scene.clone(), choice)).or_default() += 1;
        }
    }
    if !crossed.is_empty() {
        let runs = done.iter().filter(|r| !r.red_lines.is_empty()).count();
        ui.label(RichText::new(format!("{}: {runs}/{}", t!(l, "records-red-lines-crossed"), done.len())).strong().color(BAD));
        for ((scene, choice), n) in &crossed {
            ui.label(format!("{scene} → {choice} × {n}"));
        }
    }
    // How often each choice was taken at each scene.
    let mut at: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    let mut paths: BTreeMap<Vec<String>, usize> = BTreeMap::new();
    for r in runs {
        let mut path = Vec::new();
        for d in &r.decisions {
            let choice = d.choice.clone().unwrap_or_else(|| t!(l, "records-timeout"));
            *at.entry(&d.scene).or_default().entry(choice.clone()).or_default() += 1;
            path.push(choice);
        }
        if r.run.complete {
            *paths.entry(path).or_default() += 1;
        }
    }
    ui.label(RichText::new(t!(l, "app-records-choices")).strong());
    for (scene, counts) in &at {
        let total: usize = counts.values().sum();
        let parts: Vec<String> = counts.iter().map(|(c, n)| format!("{c} {}%", n * 100 / total.max(1))).collect();
        ui.label(format!("{scene}: {}", parts.join(" · ")));
    }
    if let Some((path, n)) = paths.iter().max_by_key(|(_, n)| **n) {
        ui.label(RichText::new(t!(l, "app-records-common-road")).strong());
        ui.label(format!("{} (×{n})", path.join(" → ")));
    }
}
