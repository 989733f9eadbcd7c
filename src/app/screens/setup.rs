//! The setup screen: role, trainee or group, feedback mode, then start.

use super::{ScreenRect, UiSystems};
use crate::app::flow::{Intent, Screen, Settings, SetupForm};
use crate::app::library::Library;
use crate::app::ui::Local;
use crate::app::views;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, show.in_set(UiSystems::Screen).run_if(in_state(Screen::Setup)));
}

fn show(
    mut contexts: EguiContexts,
    rect: Res<ScreenRect>,
    library: Option<Res<Library>>,
    form: Res<SetupForm>,
    settings: Res<Settings>,
    mut local: ResMut<Local>,
    mut intents: MessageWriter<Intent>,
) -> Result {
    let Some(scenario) = form.path.as_ref().and_then(|p| library.as_deref().and_then(|lib| lib.playable(p))) else {
        // The file broke or went away while its setup was open.
        intents.write(Intent::ToLibrary);
        return Ok(());
    };
    let ctx = contexts.ctx_mut()?.clone();
    let mut ui = rect.ui(&ctx, "setup");
    let intent =
        egui::CentralPanel::default().show(&mut ui, |ui| views::setup::show(ui, scenario, &form, &mut local.typing, &settings)).inner;
    intents.write_batch(intent);
    Ok(())
}
