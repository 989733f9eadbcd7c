//! The one egui system: the settings bar and the current screen's view. Views return intents,
//! which are sent on as messages; nothing here touches the engine.

use super::class::{ClassIntent, Classroom};
use super::clock::Paused;
use super::flow::{ActiveRun, Intent, Screen, Settings, SetupForm};
use super::library::Library;
use super::portraits::Portraits;
use super::theme;
use super::views::{self, setup::Typing};
use crate::lang::Lang;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy::window::{MonitorSelection, WindowMode};
use bevy_egui::egui::RichText;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// View state that lives between frames: typed text and the search box.
#[derive(Resource, Debug, Default)]
pub struct Local {
    pub search: String,
    pub typing: Typing,
    pub filters: views::records::Filters,
    /// A scenario whose map the library shows open (the autoplay driver's screenshot).
    pub open_map: Option<std::path::PathBuf>,
    /// The settings and window height the theme was last applied for.
    applied: theme::Applied,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Local>().add_systems(EguiPrimaryContextPass, draw);
}

fn settings_bar(ui: &mut egui::Ui, settings: &Settings, group: Option<&str>) -> Option<Intent> {
    let l = settings.lang;
    let mut intent = None;
    if settings.projector {
        // The projector shows the story, not the app's settings: one quiet line.
        ui.horizontal(|ui| {
            let class = group.map(|g| format!("{}{g} · ", l.pick("集体决策：", "Class: "))).unwrap_or_default();
            let line = format!("{class}{}", l.pick("投影模式 · 按 H 查看导师快捷键", "Projector · H: instructor's keys"));
            ui.label(RichText::new(line).small().weak());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.small_button(l.pick("退出投影（F5）", "Leave projector mode (F5)")).clicked() {
                    intent = Some(Intent::Class(ClassIntent::ToggleProjector));
                }
            });
        });
        return intent;
    }
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(l.pick("沙盘 · 基层干部情景模拟训练", "Shapan · role-play training for grassroots officials")).strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let other = if l == Lang::ZH_CN { Lang::EN } else { Lang::ZH_CN };
            if ui.button(l.pick("成绩记录", "Records")).clicked() {
                intent = Some(Intent::OpenRecords);
            }
            if ui.button(l.pick("投影模式", "Projector")).on_hover_text("F5").clicked() {
                intent = Some(Intent::Class(ClassIntent::ToggleProjector));
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
    records: (Option<Res<super::records::Interrupted>>, Option<Res<super::records::Db>>),
    snapshot: Option<Res<super::records::Snapshot>>,
    class: (Res<Classroom>, Option<Res<Paused>>),
    monitors: Query<(&bevy::window::Monitor, Has<bevy::window::PrimaryMonitor>)>,
    maps: Res<super::map::Maps>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    theme::keep(&ctx, &mut local.applied, &settings);
    let (room, paused) = class;
    let room = &*room;
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()),
    );
    let mut intent = None;
    egui::Panel::top("settings-bar")
        .show(&mut root, |ui| intent = settings_bar(ui, &settings, run.as_deref().filter(|r| r.class.is_some()).map(|r| r.group.as_str())));
    let local = &mut *local;
    let view = match screen.get() {
        Screen::Library => library.as_deref().and_then(|lib| {
            let (interrupted, db) = &records;
            let code = settings.lang.code();
            let notice = views::library::RecordsNotice {
                interrupted: interrupted
                    .as_ref()
                    .and_then(|i| i.0.as_ref())
                    .and_then(|u| lib.playable(std::path::Path::new(&u.path)).map(|s| (s.title.get(code), u.state.decisions.len()))),
                problem: db.as_ref().and_then(|d| d.0.as_ref().err()).map(String::as_str),
            };
            egui::CentralPanel::default()
                .show(&mut root, |ui| {
                    views::library::show(ui, lib, &settings, &mut local.search, &notice, &maps, local.open_map.as_deref())
                })
                .inner
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
            let room = views::play::Room { classroom: room, paused: paused.as_ref().is_some_and(|p| p.shown) };
            views::play::show(&mut root, r, portrait.as_ref(), &settings, &room)
        }),
        Screen::Records => {
            let runs = snapshot.as_deref().map(|s| s.runs.as_slice()).unwrap_or_default();
            egui::CentralPanel::default().show(&mut root, |ui| views::records::show(ui, runs, &mut local.filters, &settings)).inner
        }
        Screen::Debrief => run.as_deref().and_then(|r| {
            let Some(d) = r.debrief.as_ref() else {
                let wait = settings.lang.pick(
                    "正在生成复盘：逐一计算每次决策更好的选择……",
                    "Building the debrief: finding the better choice at each decision…",
                );
                egui::CentralPanel::default().show(&mut root, |ui| {
                    ui.add_space(40.0);
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.heading(wait);
                    });
                });
                return None;
            };
            let extra = views::debrief::ClassDebrief {
                class: r.class.is_some(),
                room,
                compare: r.counterfactual.as_ref().and_then(|(at, taken)| {
                    let taken = taken.get()?.clone()?;
                    let cmp = crate::engine::class::Comparison { at: *at, taken, other: d.clone() };
                    Some(views::class::CompareView::new(&cmp, &r.compiled, settings.lang))
                }),
            };
            egui::CentralPanel::default()
                .show(&mut root, |ui| {
                    views::debrief::show(ui, &crate::present::debrief::DebriefView::new(d, &r.compiled, settings.lang), &settings, &extra)
                })
                .inner
        }),
    };
    let mut overlay = None;
    if room.help {
        overlay = views::class::help(&ctx, settings.lang);
    }
    if room.rewind
        && let Some(r) = run.as_deref()
    {
        overlay = overlay.or(views::class::rewind(&ctx, r, settings.lang));
    }
    if let Some(i) = intent.or(view).or(overlay) {
        intents.write(i);
    }
    // Chinese input methods need IME on while a text field has focus.
    // Only a text field takes the keys (a focused button must not swallow them).
    let typing = ctx.text_edit_focused();
    if !typing {
        let here = views::class::KeyContext::of(*screen.get(), run.as_deref(), &settings, room);
        intents.write_batch(ctx.input(|i| views::class::keys(&i.events, &here)));
    }
    let mode = if room.fullscreen { WindowMode::BorderlessFullscreen(MonitorSelection::Current) } else { WindowMode::Windowed };
    for mut w in &mut window {
        if w.ime_enabled != typing {
            w.ime_enabled = typing;
        }
        if w.mode != mode {
            w.mode = mode;
            // Also size the window to the display: without a window manager (a bare X server
            // driving a projector) the full-screen request alone changes nothing.
            let monitor = monitors.iter().max_by_key(|(_, primary)| *primary).map(|(m, _)| m);
            match (room.fullscreen, monitor) {
                (true, Some(m)) => {
                    w.resolution.set_physical_resolution(m.physical_width, m.physical_height);
                    w.position = bevy::window::WindowPosition::At(IVec2::ZERO);
                }
                (false, _) => w.resolution.set(1280.0, 800.0),
                _ => {}
            }
        }
    }
    Ok(())
}
