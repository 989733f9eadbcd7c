//! The library screen: the scenarios, the offer to resume a run a crash interrupted, and why
//! runs are not recorded when the results database cannot be used.

use super::{ScreenRect, UiSystems};
use crate::app::flow::{Intent, Screen, Settings};
use crate::app::library::Library;
use crate::app::map::Maps;
use crate::app::records::{Db, Interrupted};
use crate::app::views;
use crate::i18n::Localize;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// What the library screen keeps while it is shown: the search box, and the scenario whose map
/// is open (the autoplay driver's screenshot).
#[derive(Resource, Debug, Default)]
pub struct LibraryScreen {
    pub search: String,
    pub open_map: Option<std::path::PathBuf>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Library), |mut commands: Commands| commands.init_resource::<LibraryScreen>())
        .add_systems(OnExit(Screen::Library), |mut commands: Commands| commands.remove_resource::<LibraryScreen>())
        .add_systems(
            EguiPrimaryContextPass,
            show.in_set(UiSystems::Screen).run_if(in_state(Screen::Library).and_then(resource_exists::<LibraryScreen>)),
        );
}

fn show(
    mut contexts: EguiContexts,
    rect: Res<ScreenRect>,
    library: Option<Res<Library>>,
    settings: Res<Settings>,
    mut local: ResMut<LibraryScreen>,
    interrupted: Option<Res<Interrupted>>,
    db: Option<Res<Db>>,
    maps: Res<Maps>,
    mut intents: MessageWriter<Intent>,
) -> Result {
    let Some(lib) = library else { return Ok(()) };
    let ctx = contexts.ctx_mut()?.clone();
    let code = settings.lang.code();
    let problem = db.as_ref().and_then(|d| d.0.as_ref().err()).map(|e| e.message().render(settings.lang));
    let notice = views::library::RecordsNotice {
        interrupted: interrupted
            .as_ref()
            .and_then(|i| i.0.as_ref())
            .and_then(|u| lib.playable(std::path::Path::new(&u.path)).map(|s| (s.title.get(code), u.state.decisions.len()))),
        problem: problem.as_deref(),
    };
    let local = &mut *local;
    let mut ui = rect.ui(&ctx, "library");
    let intent = egui::CentralPanel::default()
        .show(&mut ui, |ui| views::library::show(ui, &lib, &settings, &mut local.search, &notice, &maps, local.open_map.as_deref()))
        .inner;
    intents.write_batch(intent);
    Ok(())
}
