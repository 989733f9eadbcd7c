//! The one egui system: the settings bar and the current screen's view. Views return intents,
//! which are sent on as messages; nothing here touches the engine.

use super::flow::{ActiveRun, Intent, Screen, Settings, SetupForm};
use super::library::Library;
use super::portraits::Portraits;
use super::theme;
use super::views::{self, setup::Typing};
use crate::lang::Lang;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// View state that lives between frames: typed text and the search box.
#[derive(Resource, Debug, Default)]
pub struct Local {
    pub search: String,
    pub typing: Typing,
    pub filters: views::records::Filters,
    applied: Option<Settings>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Local>().add_systems(EguiPrimaryContextPass, draw);
}

fn settings_bar(ui: &mut egui::Ui, settings: &Settings) -> Option<Intent> {
    let l = settings.lang;
    let mut intent = None;
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(l.pick("沙盘 · 基层干部情景模拟训练", "Shapan · role-play training for grassroots officials")).strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let other = if l == Lang::ZhCn { Lang::En } else { Lang::ZhCn };
            if ui.button(l.pick("成绩记录", "Records")).clicked() {
                intent = Some(Intent::OpenRecords);
            }
            if ui.button(other.pick("中文", "English")).clicked() {
                intent = Some(Intent::SetLang(other));
            }
            if ui.button(if settings.dark { l.pick("浅色", "Light") } else { l.pick("深色", "Dark") }).clicked() {
                intent = Some(Intent::ToggleDark);
            }
            if ui.button("A+").on_hover_text(l.pick("放大文字", "Larger text")).clicked() {
                intent = Some(Intent::TextScale(settings.text_scale + 0.1));
            }
            if ui.button("A-").on_hover_text(l.pick("缩小文字", "Smaller text")).clicked() {
                intent = Some(Intent::TextScale(settings.text_scale - 0.1));
            }
        });
    });
    intent
}

#[allow(clippy::too_many_arguments)]
fn draw(
    mut contexts: EguiContexts,
    screen: Res<State<Screen>>,
    library: Option<Res<Library>>,
    run: Option<Res<ActiveRun>>,
    form: Res<SetupForm>,
    settings: Res<Settings>,
    mut local: ResMut<Local>,
    mut intents: MessageWriter<Intent>,
    mut window: Query<&mut Window, With<PrimaryWindow>>,
    mut portraits: ResMut<Portraits>,
    startup: Option<ResMut<super::measure::MeasureStartup>>,
    records: (Option<Res<super::records::Interrupted>>, Option<Res<super::records::Db>>),
    snapshot: Option<Res<super::records::Snapshot>>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    if local.applied.as_ref() != Some(&*settings) {
        if local.applied.is_none() {
            theme::install_fonts(&ctx);
        }
        theme::apply(&ctx, &settings);
        local.applied = Some(settings.clone());
    }
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()),
    );
    let mut intent = None;
    egui::Panel::top("settings-bar").show(&mut root, |ui| intent = settings_bar(ui, &settings));
    let local = &mut *local;
    let view = match screen.get() {
        Screen::Library => library.as_deref().and_then(|lib| {
            let (interrupted, db) = &records;
            let code = settings.lang.code();
            let notice = views::library::RecordsNotice {
                interrupted: interrupted
                    .as_ref()
                    .and_then(|i| i.0.as_ref())
                    .and_then(|(_, path, state)| lib.playable(path).map(|s| (s.title.get(code), state.decisions.len()))),
                problem: db.as_ref().and_then(|d| d.0.as_ref().err()).map(String::as_str),
            };
            egui::CentralPanel::default().show(&mut root, |ui| views::library::show(ui, lib, &settings, &mut local.search, &notice)).inner
        }),
        Screen::Setup => {
            let scenario = form.path.as_ref().and_then(|p| library.as_deref().and_then(|lib| lib.playable(p)));
            scenario.and_then(|s| {
                egui::CentralPanel::default().show(&mut root, |ui| views::setup::show(ui, s, &form, &mut local.typing, &settings)).inner
            })
        }
        Screen::Play => run.as_deref().and_then(|r| {
            let speaker = r.session.scene().and_then(|i| r.compiled.scenario.scenes[i].speaker.as_ref());
            let portrait = speaker
                .and_then(|id| r.compiled.scenario.characters.iter().find(|c| &c.id == id))
                .and_then(|c| c.portrait.as_deref())
                .and_then(|p| portraits.get(&ctx, &r.path, p));
            views::play::show(&mut root, r, portrait.as_ref(), &settings)
        }),
        Screen::Records => {
            let runs = snapshot.as_deref().map(|s| s.runs.as_slice()).unwrap_or_default();
            egui::CentralPanel::default().show(&mut root, |ui| views::records::show(ui, runs, &mut local.filters, &settings)).inner
        }
        Screen::Debrief => run
            .as_deref()
            .and_then(|r| r.debrief.as_ref())
            .and_then(|d| egui::CentralPanel::default().show(&mut root, |ui| views::debrief::show(ui, d, &settings)).inner),
    };
    // The library screen is complete once the library has been read.
    if let (Some(mut m), true) = (startup, library.is_some()) {
        m.drawn = true;
    }
    if let Some(i) = intent.or(view) {
        intents.write(i);
    }
    // Chinese input methods need IME on while a text field has focus.
    let typing = ctx.egui_wants_keyboard_input();
    for mut w in &mut window {
        if w.ime_enabled != typing {
            w.ime_enabled = typing;
        }
    }
    Ok(())
}
