//! The play screen: the scene, the speaker's portrait, the choices, the clock, the feed.

use super::{ScreenRect, UiSystems};
use crate::app::class::Classroom;
use crate::app::clock::Pause;
use crate::app::flow::{ActiveRun, Intent, PlayView, Screen, Settings};
use crate::app::portraits::Portraits;
use crate::app::views;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, show.in_set(UiSystems::Screen).run_if(in_state(Screen::Play)));
}

fn show(
    mut contexts: EguiContexts,
    rect: Res<ScreenRect>,
    run: Option<Res<ActiveRun>>,
    view: Option<Res<PlayView>>,
    mut portraits: ResMut<Portraits>,
    settings: Res<Settings>,
    room: Res<Classroom>,
    pause: Res<State<Pause>>,
    mut intents: MessageWriter<Intent>,
) -> Result {
    let (Some(r), Some(view)) = (run, view) else { return Ok(()) };
    let ctx = contexts.ctx_mut()?.clone();
    let speaker = r.session.scene().and_then(|i| r.compiled.scenario.scenes[i].speaker.as_ref());
    let portrait = speaker
        .and_then(|id| r.compiled.scenario.characters.iter().find(|c| &c.id == id))
        .and_then(|c| c.portrait.as_deref())
        .and_then(|p| portraits.get(&ctx, &r.path, p));
    let here = views::play::Room { classroom: &room, paused: *pause.get() == Pause::Shown };
    let mut ui = rect.ui(&ctx, "play");
    intents.write_batch(views::play::show(&mut ui, &r, &view, portrait.as_ref(), &settings, &here));
    Ok(())
}
