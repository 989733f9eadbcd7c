//! `shapan gui --autoplay`: drives the real window through the library, the setup, every
//! decision and the debrief, saving a screenshot of each screen, then exits. Used by the
//! real-window test under Xvfb and to make the README's screenshots.

use super::clock::Paused;
use super::flow::{ActiveRun, Intent, Screen};
use super::library::Library;
use super::ui::Local;
use crate::engine::explore::{Aim, actions};
use crate::engine::rng::Draw;
use crate::engine::score::Scoring;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use std::path::PathBuf;

/// How the driver decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AutoPolicy {
    First,
    Random,
    Best,
    Worst,
}

#[derive(Resource, Debug)]
pub struct Autoplay {
    pub scenario: PathBuf,
    pub policy: AutoPolicy,
    pub dir: PathBuf,
    stage: Stage,
    shots: usize,
    frames: u32,
    /// Frames since the last action.
    since: u32,
    waiting_for: Option<PathBuf>,
    draw: Draw,
    scoring: Option<Scoring>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Library,
    Setup,
    Playing,
    Done,
}

/// Frames to let a new screen settle before it is photographed.
const SETTLE: u32 = 6;
/// Frames after which the driver gives up (a scenario that never ends, a window that never draws).
const GIVE_UP: u32 = 20_000;

impl Autoplay {
    pub fn new(scenario: PathBuf, policy: AutoPolicy, dir: PathBuf, seed: u64) -> Autoplay {
        Autoplay {
            scenario,
            policy,
            dir,
            stage: Stage::Library,
            shots: 0,
            frames: 0,
            since: 0,
            waiting_for: None,
            draw: Draw::new(seed ^ 0xa070),
            scoring: None,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(Paused).add_systems(Update, drive.run_if(resource_exists::<Autoplay>));
}

#[allow(clippy::too_many_arguments)]
fn drive(
    mut commands: Commands,
    mut auto: ResMut<Autoplay>,
    screen: Res<State<Screen>>,
    library: Option<Res<Library>>,
    run: Option<Res<ActiveRun>>,
    mut local: ResMut<Local>,
    mut intents: MessageWriter<Intent>,
    mut exit: MessageWriter<AppExit>,
) {
    auto.frames += 1;
    auto.since += 1;
    if auto.frames > GIVE_UP {
        error!("autoplay gave up after {GIVE_UP} frames");
        exit.write(AppExit::error());
        return;
    }
    // Wait for the last screenshot to reach the disk before the screen changes.
    if let Some(path) = auto.waiting_for.clone() {
        if !path.exists() {
            return;
        }
        auto.waiting_for = None;
        auto.since = 0;
        if auto.stage == Stage::Done {
            exit.write(AppExit::Success);
            return;
        }
        return act(&mut auto, &screen, library.as_deref(), run.as_deref(), &mut local, &mut intents);
    }
    // Photograph a screen only once it has had a few frames to settle.
    let settled = auto.since >= SETTLE;
    let ready = match screen.get() {
        Screen::Library => library.is_some(),
        Screen::Setup => true,
        Screen::Play => run.is_some(),
        Screen::Debrief => run.as_ref().is_some_and(|r| r.debrief.is_some()),
        Screen::Records => true,
    };
    if !(settled && ready) {
        return;
    }
    let kind = match screen.get() {
        Screen::Library => "library",
        Screen::Setup => "setup",
        Screen::Play if run.as_ref().is_some_and(|r| r.reading()) => "feedback",
        Screen::Play => "play",
        Screen::Debrief => "debrief",
        Screen::Records => "records",
    };
    let path = auto.dir.join(format!("{:02}-{kind}.png", auto.shots));
    auto.shots += 1;
    let _ = std::fs::remove_file(&path);
    commands.spawn(Screenshot::primary_window()).observe(save_to_disk(path.clone()));
    if *screen.get() == Screen::Debrief {
        auto.stage = Stage::Done;
    }
    auto.waiting_for = Some(path);
}

fn act(
    auto: &mut Autoplay,
    screen: &State<Screen>,
    library: Option<&Library>,
    run: Option<&ActiveRun>,
    local: &mut Local,
    intents: &mut MessageWriter<Intent>,
) {
    match screen.get() {
        Screen::Library => {
            if library.is_some_and(|l| l.playable(&auto.scenario).is_some()) {
                intents.write(Intent::OpenScenario(auto.scenario.clone()));
                auto.stage = Stage::Setup;
            } else {
                error!("autoplay: {} is not a playable scenario in the library", auto.scenario.display());
                auto.stage = Stage::Done;
            }
        }
        Screen::Setup => {
            // Chinese typed into the form shows that input and rendering work.
            local.typing.trainee = "李明".into();
            local.typing.group = "第一组".into();
            intents.write(Intent::SetTrainee(local.typing.trainee.clone()));
            intents.write(Intent::SetGroup(local.typing.group.clone()));
            intents.write(Intent::Start);
            auto.stage = Stage::Playing;
        }
        Screen::Play => {
            let Some(run) = run else { return };
            if run.reading() || run.session.is_over() {
                intents.write(Intent::Continue);
                return;
            }
            let c = &run.compiled;
            let open = actions(c, run.session.run());
            let choice = match auto.policy {
                AutoPolicy::First => open.first().copied(),
                AutoPolicy::Random => (!open.is_empty()).then(|| open[auto.draw.below(open.len() as u64) as usize]),
                AutoPolicy::Best | AutoPolicy::Worst => {
                    let role = c.scenario.roles[run.session.run().role].id.clone();
                    let scoring =
                        auto.scoring.get_or_insert_with(|| Scoring::for_role(c, Some(&role)).unwrap_or_else(|_| Scoring::approximate(c)));
                    let aim = if auto.policy == AutoPolicy::Best { Aim::Best } else { Aim::Worst };
                    scoring.explorer(c).pick(aim, run.session.run()).or(open.first().copied())
                }
            };
            match choice {
                Some(Some(ix)) => {
                    intents.write(Intent::Choose(ix));
                }
                Some(None) => {
                    intents.write(Intent::LetTimeRunOut);
                }
                None => {
                    error!("autoplay: nothing to choose");
                    auto.stage = Stage::Done;
                }
            }
        }
        Screen::Debrief | Screen::Records => {}
    }
}
