//! What a scripted session checks on the real window while it plays (with `--autoplay`): on the
//! projector, that nothing of a decision's consequences (posts, meters, the story clock) shows
//! before the reveal, and that the question and every choice are inside the window while the
//! class votes. A failure is logged and ends the session with an error, so a scripted class over
//! the library is a test of what the room actually sees.

use crate::app::flow::{ActiveRun, PlayView, Screen, Settings, Stage};
use crate::app::views::play::{LAID_OUT, LaidOut};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContexts, egui};

/// The situation the room saw last while a decision was open.
#[derive(Resource, Debug, Default)]
struct Seen {
    open: Option<Stage>,
    checked_votes: u32,
    checked_reveals: u32,
    /// Frames in a row with something off the window (egui settles a changed layout within a
    /// frame or two: only what stays is what the room sees).
    off_for: u32,
}

/// Frames in a row a choice may sit off the window while the layout settles.
const SETTLE: u32 = 3;

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<Seen>().add_systems(PostUpdate, watch.run_if(in_state(Screen::Play))).add_systems(Last, report);
}

fn watch(
    mut contexts: EguiContexts,
    run: Option<Res<ActiveRun>>,
    view: Option<Res<PlayView>>,
    settings: Res<Settings>,
    window: Query<&Window, With<PrimaryWindow>>,
    mut seen: ResMut<Seen>,
    mut exit: MessageWriter<AppExit>,
) {
    let (Some(run), Some(view)) = (run, view) else { return };
    if !settings.projector {
        return;
    }
    let stage = view.stage(&run, true);
    let situation = |s: &Stage| (s.feed.clone(), s.meters.clone(), s.clock_ms);
    if view.reading() && !view.revealed {
        if let Some(before) = &seen.open
            && situation(before) != situation(&stage)
        {
            error!("the projector shows consequences before the reveal: {before:?} became {stage:?}");
            exit.write(AppExit::error());
        }
        seen.checked_reveals += 1;
        return;
    }
    if view.reading() || run.session.scene().is_none() {
        seen.open = None;
        return;
    }
    seen.open = Some(stage);
    let voting = run.class.as_ref().and_then(|c| c.vote.as_ref()).is_some_and(|v| v.total() > 0);
    let (Ok(ctx), Ok(w)) = (contexts.ctx_mut(), window.single()) else { return };
    let Some(laid) = ctx.data(|d| d.get_temp::<LaidOut>(egui::Id::new(LAID_OUT))) else { return };
    if !voting {
        return;
    }
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w.width(), w.height()));
    let outside: Vec<egui::Rect> =
        std::iter::once(laid.question).chain(laid.choices.iter().copied()).filter(|r| !screen.expand(0.5).contains_rect(*r)).collect();
    seen.off_for = if outside.is_empty() { 0 } else { seen.off_for + 1 };
    if seen.off_for > SETTLE {
        error!("while the class votes, part of the question or a choice is off the {}x{} window: {outside:?}", w.width(), w.height());
        exit.write(AppExit::error());
    }
    seen.checked_votes += 1;
}

fn report(mut exits: MessageReader<AppExit>, seen: Res<Seen>) {
    if exits.read().next().is_some() {
        info!("checked the projector on {} vote frames and {} frames before a reveal", seen.checked_votes, seen.checked_reveals);
    }
}
