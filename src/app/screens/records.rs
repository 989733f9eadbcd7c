//! The records screen: the recorded runs, read when the screen opens (by the records plugin).

use super::{ScreenRect, UiSystems};
use crate::app::flow::{Intent, Screen, Settings};
use crate::app::records::Snapshot;
use crate::app::views;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// What the records screen keeps while it is shown: its filters.
#[derive(Resource, Debug, Default)]
pub struct RecordsScreen(pub views::records::Filters);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Records), |mut commands: Commands| commands.init_resource::<RecordsScreen>())
        .add_systems(OnExit(Screen::Records), |mut commands: Commands| commands.remove_resource::<RecordsScreen>())
        .add_systems(
            EguiPrimaryContextPass,
            show.in_set(UiSystems::Screen).run_if(in_state(Screen::Records).and_then(resource_exists::<RecordsScreen>)),
        );
}

fn show(
    mut contexts: EguiContexts,
    rect: Res<ScreenRect>,
    snapshot: Option<Res<Snapshot>>,
    settings: Res<Settings>,
    mut local: ResMut<RecordsScreen>,
    mut intents: MessageWriter<Intent>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let runs = snapshot.as_deref().map(|s| s.runs.as_slice()).unwrap_or_default();
    let mut ui = rect.ui(&ctx, "records");
    let intent = egui::CentralPanel::default().show(&mut ui, |ui| views::records::show(ui, runs, &mut local.0, &settings)).inner;
    intents.write_batch(intent);
    Ok(())
}
