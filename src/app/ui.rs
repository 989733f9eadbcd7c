//! The chrome of the main window: the settings bar and the notices above every screen, the
//! instructor's overlays and keys over it, and the window's own settings. The screens draw
//! themselves (`screens`). Views return intents, sent on as messages; nothing here touches the
//! engine.

use super::class::{ClassIntent, Classroom};
use super::flow::{ActiveRun, Intent, PlayView, Screen, Settings};
use super::notice::Notices;
use super::screens::{ScreenRect, UiSystems};
use super::theme;
use super::views;
use crate::t;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy::window::{MonitorSelection, WindowMode};
use bevy_egui::egui::RichText;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// What the chrome keeps between frames: the settings and window height the theme was last
/// applied for.
#[derive(Resource, Debug, Default)]
struct Chrome {
    applied: theme::Applied,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Chrome>()
        .add_systems(EguiPrimaryContextPass, (chrome.in_set(UiSystems::Chrome), (overlays, window).chain().in_set(UiSystems::Overlay)));
}

/// The bar above every screen (one quiet line on the projector); `group` names a class.
pub fn settings_bar(ui: &mut egui::Ui, settings: &Settings, group: Option<&str>) -> Option<Intent> {
    let l = settings.lang;
    let mut intent = None;
    if settings.projector {
        // The projector shows the story, not the app's settings: one quiet line.
        ui.horizontal(|ui| {
            let line = match group {
                Some(g) => t!(l, "app-bar-projector-line-class", group = g),
                None => t!(l, "app-bar-projector-line"),
            };
            ui.label(RichText::new(line).small().weak());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.small_button(t!(l, "app-bar-leave-projector")).clicked() {
                    intent = Some(Intent::Class(ClassIntent::ToggleProjector));
                }
            });
        });
        return intent;
    }
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(t!(l, "app-bar-title")).strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(t!(l, "app-bar-records")).clicked() {
                intent = Some(Intent::OpenRecords);
            }
            if ui.button(t!(l, "app-bar-projector")).on_hover_text("F5").clicked() {
                intent = Some(Intent::Class(ClassIntent::ToggleProjector));
            }
            // The next language, named in itself: a reader who cannot read this one finds theirs.
            let other = l.next();
            if ui.button(t!(other, "lang-name")).clicked() {
                intent = Some(Intent::SetLang(other));
            }
            if ui.button(if settings.dark { t!(l, "app-bar-light") } else { t!(l, "app-bar-dark") }).clicked() {
                intent = Some(Intent::ToggleDark);
            }
            if ui.button("A+").on_hover_text(t!(l, "app-bar-larger-text")).clicked() {
                intent = Some(Intent::TextScale(settings.text_scale + 0.1));
            }
            if ui.button("A-").on_hover_text(t!(l, "app-bar-smaller-text")).clicked() {
                intent = Some(Intent::TextScale(settings.text_scale - 0.1));
            }
        });
    });
    intent
}

/// The chrome around every screen: the settings bar and the notices; what is left of the window
/// goes to the screen.
fn chrome(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    run: Option<Res<ActiveRun>>,
    notices: Res<Notices>,
    mut local: ResMut<Chrome>,
    mut rect: ResMut<ScreenRect>,
    mut intents: MessageWriter<Intent>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    theme::keep(&ctx, &mut local.applied, &settings);
    let mut root = egui::Ui::new(
        ctx.clone(),
        "chrome".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()),
    );
    let group = run.as_deref().filter(|r| r.class.is_some()).map(|r| r.group.as_str());
    let mut intent = egui::Panel::top("settings-bar").show(&mut root, |ui| settings_bar(ui, &settings, group)).inner;
    if !notices.is_empty() {
        let shown = egui::Panel::top("notices").show(&mut root, |ui| views::notice::show(ui, notices.list(), settings.lang)).inner;
        intent = intent.or(shown);
    }
    rect.0 = root.available_rect_before_wrap();
    intents.write_batch(intent);
    Ok(())
}

/// What floats over the screen (the instructor's key list, the decisions to go back to) and the
/// keys, which reach the instructor's controls unless a text field has focus.
fn overlays(
    mut contexts: EguiContexts,
    screen: Res<State<Screen>>,
    run: Option<Res<ActiveRun>>,
    view: Option<Res<PlayView>>,
    settings: Res<Settings>,
    room: Res<Classroom>,
    mut intents: MessageWriter<Intent>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut overlay = None;
    if room.help {
        overlay = views::class::help(&ctx, settings.lang);
    }
    if room.rewind
        && let Some(r) = run.as_deref()
    {
        overlay = overlay.or(views::class::rewind(&ctx, r, settings.lang));
    }
    intents.write_batch(overlay);
    // Only a text field takes the keys (a focused button must not swallow them).
    if !ctx.text_edit_focused() {
        let here = views::class::KeyContext::of(*screen.get(), run.as_deref().zip(view.as_deref()), &settings, &room);
        intents.write_batch(ctx.input(|i| views::class::keys(&i.events, &here)));
    }
    Ok(())
}

/// The window follows the app: its title in the interface language, IME on while a text field
/// has focus (Chinese input methods need it), full screen for the projector, sized to the display
/// where no window manager does it.
fn window(
    mut contexts: EguiContexts,
    room: Res<Classroom>,
    settings: Res<Settings>,
    mut window: Query<&mut Window, With<PrimaryWindow>>,
    monitors: Query<(&bevy::window::Monitor, Has<bevy::window::PrimaryMonitor>)>,
) -> Result {
    let typing = contexts.ctx_mut()?.text_edit_focused();
    let mode = if room.fullscreen { WindowMode::BorderlessFullscreen(MonitorSelection::Current) } else { WindowMode::Windowed };
    for mut w in &mut window {
        if settings.is_changed() {
            let title = t!(settings.lang, "app-window-title");
            if w.title != title {
                w.title = title;
            }
        }
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
