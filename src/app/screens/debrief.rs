//! The debrief screen: the ending at once with a spinner while the rest of the debrief is built on
//! the task pool, then the view model
//! rendered in the interface language (switching language rebuilds nothing), with both roads side
//! by side after the road not taken.

use super::{ScreenRect, UiSystems};
use crate::app::class::Classroom;
use crate::app::flow::{ActiveRun, Intent, Screen, Settings};
use crate::app::views;
use crate::present::debrief::DebriefView;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, show.in_set(UiSystems::Screen).run_if(in_state(Screen::Debrief)));
}

fn show(
    mut contexts: EguiContexts,
    rect: Res<ScreenRect>,
    run: Option<Res<ActiveRun>>,
    settings: Res<Settings>,
    room: Res<Classroom>,
    mut intents: MessageWriter<Intent>,
) -> Result {
    let Some(r) = run else { return Ok(()) };
    let ctx = contexts.ctx_mut()?.clone();
    let mut ui = rect.ui(&ctx, "debrief");
    let l = settings.lang;
    let Some(d) = r.debrief() else {
        // Still building, or it failed (a notice says why). Never an empty frame: the run's
        // ending is known already and shows at once, the rest follows when it is built.
        let building = r.debrief.as_ref().is_none_or(|j| !j.is_done());
        let c = &r.compiled;
        let code = c.scenario.text_language(l);
        let ending = r.session.run().ended().map(|e| &c.scenario.endings[e]);
        egui::CentralPanel::default().show(&mut ui, |ui| {
            let shown = ending.map(|e| (e.title.get(code), e.text.get(code)));
            if building {
                views::debrief::pending(ui, c.scenario.title.get(code), shown, l);
            } else if ui.button(crate::t!(l, "app-back-to-library")).clicked() {
                intents.write(Intent::ToLibrary);
            }
        });
        return Ok(());
    };
    let extra = views::debrief::ClassDebrief {
        class: r.class.is_some(),
        room: &room,
        predictions: r.class.as_ref().map_or_else(Default::default, |c| {
            crate::present::predict::Summary::new(&c.predictions[..d.path.len().min(c.predictions.len())], &r.compiled, l)
        }),
        compare: r.counterfactual.as_ref().and_then(|(at, taken)| {
            let cmp = crate::engine::class::Comparison { at: *at, taken: taken.get()?.clone(), other: d.clone() };
            Some(views::class::CompareView::new(&cmp, &r.compiled, l))
        }),
    };
    let view = DebriefView::new(d, &r.compiled, l);
    let intent = egui::CentralPanel::default().show(&mut ui, |ui| views::debrief::show(ui, &view, &settings, &extra)).inner;
    intents.write_batch(intent);
    Ok(())
}
