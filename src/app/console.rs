//! The instructor console in a second window, for a second display: F2 (or the classroom's
//! `console` switch) opens and closes it, and closing the window by hand switches it off. Its
//! egui context runs in its own pass; the best choice it marks is explored on the task pool.

use super::class::Classroom;
use super::clock::Pause;
use super::flow::{ActiveRun, Intent, PlayView, Screen, Settings};
use super::tasks::Job;
use super::theme;
use super::views;
use crate::engine::explore::Aim;
use bevy::camera::RenderTarget;
use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy::window::{WindowRef, WindowResolution};
use bevy_egui::{EguiContext, EguiSchedule, egui};
use std::sync::Arc;

/// The console window's egui pass.
#[derive(ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ConsolePass;

#[derive(Component)]
struct ConsoleCamera;

/// The console's window and camera while open, and what its view keeps between frames.
#[derive(Resource, Default)]
struct Open {
    window: Option<Entity>,
    camera: Option<Entity>,
    applied: theme::Applied,
    best: Option<Best>,
}

/// The best choice for the decision at hand, explored on the task pool: for which run (its
/// scoring's address) after how many decisions, and the answer once known (`Some(None)`:
/// letting time run out is best). A new decision drops the job for the last one.
struct Best {
    run: usize,
    decisions: usize,
    answer: Job<Option<Option<usize>>>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Open>().add_systems(Update, manage).add_systems(ConsolePass, draw);
}

fn manage(
    mut commands: Commands,
    mut room: ResMut<Classroom>,
    mut open: ResMut<Open>,
    windows: Query<(), With<Window>>,
    settings: Res<Settings>,
) {
    match (room.console, open.window) {
        (true, None) => {
            let title = crate::t!(settings.lang, "app-console-window-title");
            let window = commands.spawn(Window { title, resolution: WindowResolution::new(900, 760), ..default() }).id();
            let camera = commands
                .spawn((Camera2d, RenderTarget::Window(WindowRef::Entity(window)), EguiSchedule::new(ConsolePass), ConsoleCamera))
                .id();
            *open = Open { window: Some(window), camera: Some(camera), ..default() };
        }
        (true, Some(w)) if windows.get(w).is_err() => {
            // Closed by hand.
            room.console = false;
            if let Some(c) = open.camera {
                commands.entity(c).despawn();
            }
            *open = Open::default();
        }
        (false, Some(w)) => {
            for e in [Some(w), open.camera].into_iter().flatten() {
                if let Ok(mut e) = commands.get_entity(e) {
                    e.despawn();
                }
            }
            *open = Open::default();
        }
        _ => {}
    }
}

/// Starts (once per decision) exploring which choice the best play takes, and returns it when known.
fn best(open: &mut Open, run: &ActiveRun) -> Option<Option<usize>> {
    let scoring = run.scoring.get()?.scoring.clone();
    let key = (Arc::as_ptr(&scoring) as usize, run.session.run().decisions.len());
    if open.best.as_ref().is_none_or(|b| (b.run, b.decisions) != key) {
        let (c, state) = (run.compiled.clone(), run.session.run().clone());
        let answer = Job::spawn(move || scoring.explorer(&c).pick(Aim::Best, &state));
        open.best = Some(Best { run: key.0, decisions: key.1, answer });
    }
    let best = open.best.as_mut()?;
    best.answer.poll();
    best.answer.get().copied().flatten()
}

fn draw(
    mut ctx: Single<&mut EguiContext, With<ConsoleCamera>>,
    mut open: ResMut<Open>,
    run: Option<Res<ActiveRun>>,
    view: Option<Res<PlayView>>,
    room: Res<Classroom>,
    settings: Res<Settings>,
    screen: Res<State<Screen>>,
    pause: Res<State<Pause>>,
    mut intents: MessageWriter<Intent>,
    maps: Res<super::map::Maps>,
) -> Result {
    let ctx = ctx.get_mut().clone();
    // The console is read up close: desk sizes, whatever the projector shows.
    let desk = Settings { projector: false, ..settings.clone() };
    theme::keep(&ctx, &mut open.applied, &desk);
    let best = run.as_deref().and_then(|r| best(&mut open, r));
    let console = views::console::Console {
        run: run.as_deref(),
        reading: view.as_deref().is_some_and(PlayView::reading),
        room: &room,
        settings: &settings,
        screen: *screen.get(),
        paused: *pause.get() == Pause::Shown,
        best,
        maps: &maps,
    };
    let mut root = egui::Ui::new(
        ctx.clone(),
        "console".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()),
    );
    let intent = egui::CentralPanel::default().show(&mut root, |ui| views::console::show(ui, &console)).inner;
    intents.write_batch(intent);
    // Only a text field takes the keys (a focused button must not swallow them).
    if !ctx.text_edit_focused() {
        let here = views::class::KeyContext::of(*screen.get(), run.as_deref().zip(view.as_deref()), &settings, &room);
        intents.write_batch(ctx.input(|i| views::class::keys(&i.events, &here)));
    }
    Ok(())
}
