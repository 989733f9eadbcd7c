//! The setup screen: role, trainee or group, feedback mode, then start.

use super::{ScreenRect, UiSystems};
use crate::app::flow::{Intent, Screen, Settings, SetupForm};
use crate::app::library::Library;
use crate::app::views;
use crate::app::views::setup::Typing;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// What the setup screen keeps while it is shown: the text typed into its fields, starting from
/// the form (names carry over from the last run).
#[derive(Resource, Debug, Default)]
pub struct SetupScreen(pub Typing);

fn enter(mut commands: Commands, form: Res<SetupForm>) {
    commands.insert_resource(SetupScreen(Typing { trainee: form.trainee.clone(), group: form.group.clone() }));
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Setup), enter)
        .add_systems(OnExit(Screen::Setup), |mut commands: Commands| commands.remove_resource::<SetupScreen>())
        .add_systems(
            EguiPrimaryContextPass,
            show.in_set(UiSystems::Screen).run_if(in_state(Screen::Setup).and_then(resource_exists::<SetupScreen>)),
        );
}

fn show(
    mut contexts: EguiContexts,
    rect: Res<ScreenRect>,
    library: Option<Res<Library>>,
    form: Res<SetupForm>,
    settings: Res<Settings>,
    room: Res<crate::app::class::Classroom>,
    mut local: ResMut<SetupScreen>,
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
        egui::CentralPanel::default().show(&mut ui, |ui| views::setup::show(ui, scenario, &form, &mut local.0, &settings, &room)).inner;
    intents.write_batch(intent);
    Ok(())
}
