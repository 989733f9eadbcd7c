//! The screens, one plugin each: its view system runs in the egui pass only while its screen is
//! the current state, inside the space the chrome (settings bar, notices) leaves, and what it
//! needs for the screen's lifetime is inserted on entering and removed on leaving.

pub mod debrief;
pub mod library;
pub mod play;
pub mod records;
pub mod setup;

use bevy::prelude::*;
use bevy_egui::egui;

/// The parts of each egui pass, in order: the chrome around the screens, the current screen,
/// then what floats over it (instructor overlays, keys) and the window's own settings.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiSystems {
    Chrome,
    Screen,
    Overlay,
}

/// The part of the window the current screen may use this frame (set by the chrome).
#[derive(Resource, Debug, Clone, Copy)]
pub struct ScreenRect(pub egui::Rect);

impl Default for ScreenRect {
    fn default() -> Self {
        ScreenRect(egui::Rect::NOTHING)
    }
}

impl ScreenRect {
    /// A `Ui` over the screen's part of the window.
    pub fn ui(&self, ctx: &egui::Context, id: &'static str) -> egui::Ui {
        let rect = if self.0.is_positive() { self.0 } else { ctx.viewport_rect() };
        egui::Ui::new(ctx.clone(), id.into(), egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(rect))
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ScreenRect>()
        .configure_sets(bevy_egui::EguiPrimaryContextPass, (UiSystems::Chrome, UiSystems::Screen, UiSystems::Overlay).chain())
        .add_plugins((library::plugin, setup::plugin, play::plugin, debrief::plugin, records::plugin));
}
