//! The library screen: scenarios grouped by category, a search box, and files with errors
//! listed with their diagnostics.

use crate::app::flow::{Intent, Settings};
use crate::app::library::Library;
use crate::app::map::{MapKey, Maps, WantMap};
use crate::app::theme::{self, BAD, WARN};
use crate::lang::Lang;
use crate::scenario::model::Category;
use crate::scenario::render::render;
use crate::t;
use bevy_egui::egui::{self, RichText};

fn matches(text: &str, query: &str) -> bool {
    query.trim().is_empty() || text.to_lowercase().contains(&query.trim().to_lowercase())
}

/// What the library screen says about the results database.
#[derive(Debug, Default)]
pub struct RecordsNotice<'a> {
    /// Title and decisions so far of a run a crash interrupted.
    pub interrupted: Option<(&'a str, usize)>,
    /// Why runs are not being recorded.
    pub problem: Option<&'a str>,
}

pub fn show(
    ui: &mut egui::Ui,
    lib: &Library,
    settings: &Settings,
    search: &mut String,
    notice: &RecordsNotice,
    maps: &Maps,
    open_map: Option<&std::path::Path>,
) -> Option<Intent> {
    let l = settings.lang;
    let mut intent = None;
    ui.label(theme::title(t!(l, "app-library-title"), ui));
    if let Some((title, decisions)) = notice.interrupted {
        egui::Frame::group(ui.style()).stroke(egui::Stroke::new(2.0, WARN)).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(t!(l, "app-library-interrupted", title = title, decisions = decisions)).strong());
            ui.horizontal(|ui| {
                if ui.button(RichText::new(t!(l, "app-library-resume")).strong()).clicked() {
                    intent = Some(Intent::ResumeInterrupted);
                }
                if ui.button(t!(l, "app-library-dismiss")).clicked() {
                    intent = Some(Intent::DismissInterrupted);
                }
            });
        });
    }
    if let Some(p) = notice.problem {
        ui.colored_label(BAD, t!(l, "app-library-records-problem", problem = p));
    }
    ui.horizontal(|ui| {
        ui.label(t!(l, "app-library-search"));
        ui.add(egui::TextEdit::singleline(search).hint_text(t!(l, "app-library-search-hint")).desired_width(320.0));
    });
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for category in Category::ALL {
            let entries: Vec<_> = lib
                .entries
                .iter()
                .filter_map(|e| e.loaded.scenario.as_ref().filter(|s| s.category == category).map(|s| (e, s)))
                .filter(|(_, s)| {
                    s.languages.iter().any(|lang| {
                        matches(s.title.get(lang), search)
                            || matches(s.summary.get(lang), search)
                            || s.objectives.iter().any(|o| matches(o.get(lang), search))
                    })
                })
                .collect();
            if entries.is_empty() {
                continue;
            }
            ui.add_space(6.0);
            ui.heading(category.label(l));
            for (e, s) in entries {
                let code = if s.languages.iter().any(|x| x == l.code()) { l.code() } else { s.original_language() };
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        let playable = e.loaded.playable().is_some() || e.last_good.is_some();
                        let button = ui.add_enabled(playable, egui::Button::new(RichText::new(s.title.get(code)).strong()));
                        if button.clicked() {
                            intent = Some(Intent::OpenScenario(e.path.clone()));
                        }
                        let minutes = match s.class_minutes {
                            Some(class) => t!(l, "app-library-minutes-both", solo = s.minutes, class = class),
                            None => t!(l, "app-library-minutes", solo = s.minutes),
                        };
                        ui.label(t!(
                            l,
                            "app-library-facts",
                            minutes = minutes,
                            difficulty = s.difficulty.label(l),
                            languages = s.languages.join(" / ")
                        ));
                    });
                    ui.label(s.summary.get(code));
                    for o in &s.objectives {
                        ui.label(RichText::new(format!("• {}", o.get(code))).small());
                    }
                    if let Some(want) = map(ui, e, l, maps, open_map == Some(e.path.as_path())) {
                        intent = Some(want);
                    }
                    problems(ui, e, l);
                });
            }
        }
        let broken: Vec<_> = lib.entries.iter().filter(|e| e.loaded.scenario.is_none()).collect();
        if !broken.is_empty() {
            ui.add_space(6.0);
            ui.heading(RichText::new(t!(l, "app-library-unreadable")).color(BAD));
            for e in broken {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(e.path.display().to_string()).strong());
                    problems(ui, e, l);
                });
            }
        }
        if lib.entries.is_empty() {
            ui.label(t!(l, "app-library-empty", dir = lib.dir.display().to_string()));
        }
    });
    intent
}

fn problems(ui: &mut egui::Ui, e: &crate::app::library::Entry, l: Lang) {
    let errors = e.loaded.error_count();
    if errors == 0 && e.loaded.warning_count() == 0 {
        return;
    }
    let colour = if errors > 0 { BAD } else { WARN };
    let label = crate::scenario::render::summary(&e.path.display().to_string(), errors, e.loaded.warning_count(), l);
    egui::CollapsingHeader::new(RichText::new(label).color(colour)).id_salt(&e.path).show(ui, |ui| {
        let name = e.path.display().to_string();
        let lines = e.loaded.line_index();
        for d in &e.loaded.diagnostics {
            ui.label(RichText::new(render(d, &name, &lines, l)).monospace());
        }
    });
}

/// The scenario's map, for one role at a time, under a header that opens it: explored and laid
/// out the first time it is opened.
fn map(ui: &mut egui::Ui, e: &crate::app::library::Entry, l: Lang, maps: &Maps, force_open: bool) -> Option<Intent> {
    let scenario = e.loaded.playable().or(e.last_good.as_ref())?;
    let mut intent = None;
    let header = egui::CollapsingHeader::new(t!(l, "app-map-header")).id_salt(("map", &e.path)).open(force_open.then_some(true));
    let shown = header.show(ui, |ui| {
        let id = ui.id().with("role");
        let mut role: usize = ui.data_mut(|d| *d.get_temp_mut_or_default(id));
        if scenario.roles.len() > 1 {
            ui.horizontal_wrapped(|ui| {
                ui.label(t!(l, "app-map-role"));
                for (i, r) in scenario.roles.iter().enumerate() {
                    ui.radio_value(&mut role, i, r.name.get(scenario.text_language(l)));
                }
            });
            ui.data_mut(|d| d.insert_temp(id, role));
        }
        let version = format!("{:016x}", crate::engine::compiled::fnv1a(e.loaded.source.as_bytes()));
        let key = MapKey { path: e.path.clone(), version, role: role.min(scenario.roles.len().saturating_sub(1)), lang: l, current: None };
        match maps.get(&key) {
            Some(shown) => super::map::show(ui, shown, l, 520.0),
            None => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t!(l, "app-map-exploring"));
                });
                if !maps.is_pending(&key) {
                    let compiled = std::sync::Arc::new(crate::engine::Compiled::new(scenario.clone()));
                    intent = Some(Intent::WantMap(WantMap { key, compiled }));
                }
            }
        }
    });
    if force_open {
        shown.header_response.scroll_to_me(Some(egui::Align::Min));
    }
    intent
}
