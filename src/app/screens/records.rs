//! The records screen: the recorded runs, read when the screen opens (by the records plugin).

use super::{ScreenRect, UiSystems};
use crate::app::flow::{Intent, Screen, Settings};
use crate::app::records::Snapshot;
use crate::app::ui::Local;
use crate::app::views;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, show.in_set(UiSystems::Screen).run_if(in_state(Screen::Records)));
}

fn show(
    mut contexts: EguiContexts,
    rect: Res<ScreenRect>,
    snapshot: Option<Res<Snapshot>>,
    settings: Res<Settings>,
    mut local: ResMut<Local>,
    mut intents: MessageWriter<Intent>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let runs = snapshot.as_deref().map(|s| s.runs.as_slice()).unwrap_or_default();
    let mut ui = rect.ui(&ctx, "records");
    let intent = egui::CentralPanel::default().show(&mut ui, |ui| views::records::show(ui, runs, &mut local.filters, &settings)).inner;
    intents.write_batch(intent);
    Ok(())
}
