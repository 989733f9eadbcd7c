//! `shapan gui --autoplay`: drives the real window through the library, the setup, every
//! decision and the debrief, saving a screenshot of each screen, then exits. Used by the
//! real-window test under Xvfb and to make the README's screenshots. As a class (`--group`,
//! `--votes`) it enters each round's votes, reveals each consequence, shows the scores, then
//! goes back to the first decision the debrief says could have been better and plays that road
//! too, ending on both roads side by side.

use crate::app::ClassOptions;
use crate::app::class::{ClassIntent, Classroom};
use crate::app::clock::Pause;
use crate::app::flow::{ActiveRun, Intent, PlayView, Screen, Settings};
use crate::app::library::Library;
use crate::app::screens::library::LibraryScreen;
use crate::app::screens::setup::SetupScreen;
use crate::engine::class::votable;
use crate::engine::explore::{Aim, actions};
use crate::engine::rng::Draw;
use crate::engine::score::Scoring;
use crate::engine::vote::Verdict;
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
    /// The screenshot being written, and whether to act once it is on disk (the debrief's first
    /// frame is photographed in passing: nothing is done after it).
    waiting_for: Option<(PathBuf, bool)>,
    /// The debrief's first frame has been photographed.
    opening_shot: bool,
    draw: Draw,
    /// Hands a scripted class raises on predictions (the same stream as `engine::class::script`).
    hands: Draw,
    scoring: Option<Scoring>,
    /// Playing as a class.
    pub class: Option<ClassOptions>,
    /// Class votes taken so far (the index into the scripted votes).
    voted: usize,
    /// The road not taken has been started.
    branched: bool,
    /// The key help has been photographed.
    helped: bool,
    console_shot: bool,
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
            opening_shot: false,
            draw: Draw::new(seed ^ 0xa070),
            hands: Draw::new(seed ^ crate::engine::class::PREDICT_SEED),
            scoring: None,
            class: None,
            voted: 0,
            branched: false,
            helped: false,
            console_shot: false,
        }
    }
}

pub(crate) fn plugin(app: &mut App) {
    app.insert_state(Pause::Held).add_systems(Update, drive.run_if(resource_exists::<Autoplay>));
}

fn drive(
    mut commands: Commands,
    mut auto: ResMut<Autoplay>,
    screen: Res<State<Screen>>,
    library: Option<Res<Library>>,
    run: Option<Res<ActiveRun>>,
    shown: Option<Res<PlayView>>,
    mut shelf: Option<ResMut<LibraryScreen>>,
    mut form: Option<ResMut<SetupScreen>>,
    mut intents: MessageWriter<Intent>,
    mut exit: MessageWriter<AppExit>,
    view: (Res<Settings>, Res<Classroom>),
    consoles: Query<Entity, (With<Window>, Without<bevy::window::PrimaryWindow>)>,
    maps: Res<crate::app::map::Maps>,
) {
    let (settings, room) = view;
    auto.frames += 1;
    auto.since += 1;
    if auto.frames > GIVE_UP {
        error!("autoplay gave up after {GIVE_UP} frames");
        exit.write(AppExit::error());
        return;
    }
    // Wait for the last screenshot to reach the disk before the screen changes.
    if let Some((path, then_act)) = auto.waiting_for.clone() {
        if !path.exists() {
            return;
        }
        auto.waiting_for = None;
        if !then_act {
            return;
        }
        auto.since = 0;
        if auto.stage == Stage::Done {
            exit.write(AppExit::Success);
            return;
        }
        let open = (shelf.as_deref_mut(), form.as_deref_mut());
        return act(&mut auto, &screen, library.as_deref(), run.as_deref(), shown.as_deref(), open, &mut intents, (&settings, &room));
    }
    // The library is photographed with the scenario's map open, once it is explored and laid out.
    if *screen.get() == Screen::Library
        && auto.shots == 0
        && let Some(shelf) = shelf.as_mut()
        && shelf.open_map.is_none()
    {
        shelf.open_map = Some(auto.scenario.clone());
        auto.since = 0;
    }
    // The debrief's very first frame, before anything settles: it must never be empty (on a
    // projector a blank frame at the climax of the exercise looks like a crash).
    if *screen.get() == Screen::Debrief && !auto.opening_shot {
        auto.opening_shot = true;
        let path = auto.dir.join(format!("{:02}-debrief-opening.png", auto.shots));
        auto.shots += 1;
        let _ = std::fs::remove_file(&path);
        commands.spawn(Screenshot::primary_window()).observe(save_to_disk(path.clone()));
        auto.waiting_for = Some((path, false));
        return;
    }
    // Photograph a screen only once it has had a few frames to settle.
    let settled = auto.since >= SETTLE;
    let ready = match screen.get() {
        Screen::Library => library.is_some() && shelf.as_ref().is_some_and(|s| s.open_map.as_deref().is_none_or(|p| maps.ready_for(p))),
        Screen::Setup => true,
        Screen::Play => run.is_some(),
        // Both roads' debriefs are built on the task pool: wait for them.
        Screen::Debrief => {
            run.as_ref().is_some_and(|r| r.debrief().is_some() && r.counterfactual.as_ref().is_none_or(|(_, c)| c.is_done()))
        }
        Screen::Records => true,
    };
    if !(settled && ready) {
        return;
    }
    let class = run.as_ref().and_then(|r| r.class.as_ref());
    let kind = match screen.get() {
        Screen::Library => "library",
        Screen::Setup => "setup",
        Screen::Play
            if shown.as_ref().is_some_and(|v| v.reading() && !v.revealed && settings.projector)
                && class.and_then(|c| c.prediction()).is_some_and(|p| p.taken()) =>
        {
            "predict"
        }
        Screen::Play if shown.as_ref().is_some_and(|v| v.reading() && !v.revealed && settings.projector) => "decided",
        Screen::Play if shown.as_ref().is_some_and(|v| v.reading()) => "feedback",
        Screen::Play if room.help => "help",
        Screen::Play if class.and_then(|c| c.vote.as_ref()).is_some_and(|v| v.total() > 0) => "vote",
        Screen::Play => "play",
        Screen::Debrief if run.as_ref().is_some_and(|r| r.counterfactual.is_some()) => "compare",
        Screen::Debrief if room.show_scores => "debrief-scores",
        Screen::Debrief => "debrief",
        Screen::Records => "records",
    };
    let path = auto.dir.join(format!("{:02}-{kind}.png", auto.shots));
    auto.shots += 1;
    let _ = std::fs::remove_file(&path);
    commands.spawn(Screenshot::primary_window()).observe(save_to_disk(path.clone()));
    // The console window, once, while the class votes.
    if kind == "vote"
        && !auto.console_shot
        && let Some(w) = consoles.iter().next()
    {
        auto.console_shot = true;
        let console = auto.dir.join(format!("{:02}-console.png", auto.shots));
        let _ = std::fs::remove_file(&console);
        commands.spawn(Screenshot::window(w)).observe(save_to_disk(console));
    }
    let finished = match &auto.class {
        // A class's debrief goes on: scores shown, then the road not taken, then both side by side.
        Some(_) => kind == "compare" && (room.show_scores || !settings.projector),
        None => *screen.get() == Screen::Debrief,
    };
    if finished {
        auto.stage = Stage::Done;
    }
    auto.waiting_for = Some((path, true));
}

fn act(
    auto: &mut Autoplay,
    screen: &State<Screen>,
    library: Option<&Library>,
    run: Option<&ActiveRun>,
    view: Option<&PlayView>,
    (shelf, form): (Option<&mut LibraryScreen>, Option<&mut SetupScreen>),
    intents: &mut MessageWriter<Intent>,
    (settings, room): (&Settings, &Classroom),
) {
    match screen.get() {
        Screen::Library => {
            if library.is_some_and(|l| l.playable(&auto.scenario).is_some()) {
                if let Some(shelf) = shelf {
                    shelf.open_map = None;
                }
                intents.write(Intent::OpenScenario(auto.scenario.clone()));
                auto.stage = Stage::Setup;
            } else {
                error!("autoplay: {} is not a playable scenario in the library", auto.scenario.display());
                auto.stage = Stage::Done;
            }
        }
        Screen::Setup => {
            // Chinese typed into the form shows that input and rendering work.
            let mut typing = crate::app::views::setup::Typing::default();
            match &auto.class {
                Some(class) => {
                    typing.group = if class.group.is_empty() { "第一期培训班".into() } else { class.group.clone() };
                    intents.write(Intent::SetClassMode(true));
                }
                None => {
                    typing.trainee = "李明".into();
                    typing.group = "第一组".into();
                    intents.write(Intent::SetTrainee(typing.trainee.clone()));
                }
            }
            intents.write(Intent::SetGroup(typing.group.clone()));
            if let Some(form) = form {
                form.0 = typing;
            }
            intents.write(Intent::Start);
            auto.stage = Stage::Playing;
        }
        Screen::Play => {
            let (Some(run), Some(view)) = (run, view) else { return };
            if (view.reading() || run.session.is_over()) && settings.projector && !view.revealed {
                // A scripted class first raises its hands on the prediction (the screen is then
                // photographed), then the consequences are revealed.
                if auto.class.as_ref().is_some_and(|o| o.votes.is_some())
                    && run.counterfactual.is_none()
                    && let Some(p) = run.class.as_ref().and_then(|c| c.prediction()).filter(|p| !p.taken())
                {
                    for (k, count) in crate::engine::predict::plausible(p, &mut auto.hands).into_iter().enumerate() {
                        intents.write(Intent::Class(ClassIntent::SetPrediction { k, count }));
                    }
                    return;
                }
                intents.write(Intent::Class(ClassIntent::Reveal));
                return;
            }
            if view.reading() || run.session.is_over() {
                intents.write(Intent::Continue);
                return;
            }
            // A class's first scene: the instructor's key help, once.
            if auto.class.is_some() && !auto.helped {
                auto.helped = true;
                intents.write(Intent::Class(ClassIntent::ToggleHelp));
                return;
            }
            if room.help {
                intents.write(Intent::Class(ClassIntent::ToggleHelp));
            }
            if class_vote(auto, run, intents) {
                return;
            }
            let c = &run.compiled;
            let open = actions(c, run.session.run());
            let choice = match auto.policy {
                // First as shown (the seed's order), as `shapan play --policy first` takes it.
                AutoPolicy::First => run.session.offers().iter().find(|o| o.enabled).map(|o| Some(o.choice)).or(open.first().copied()),
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
        Screen::Debrief => {
            let Some(run) = run else { return };
            if auto.class.is_none() {
                return;
            }
            if settings.projector && !room.show_scores {
                intents.write(Intent::Class(ClassIntent::ToggleScores));
            } else if !auto.branched {
                // Back to the first decision the debrief says could have been better.
                auto.branched = true;
                let at = run.debrief().and_then(|d| d.path.iter().position(|s| s.better.is_some())).unwrap_or(0);
                intents.write(Intent::Class(ClassIntent::Rewind(at)));
            }
        }
        Screen::Records => {}
    }
}

/// A class's turn: enter the scripted votes round by round, then decide (the first tied choice
/// when tied, as the SPEC was checked). True when it acted.
fn class_vote(auto: &mut Autoplay, run: &ActiveRun, intents: &mut MessageWriter<Intent>) -> bool {
    let (Some(class), Some(opts)) = (&run.class, &auto.class) else { return false };
    // The road not taken is played by the policy, the instructor deciding.
    let Some(votes) = opts.votes.as_ref().filter(|_| run.counterfactual.is_none()) else { return false };
    let Some(vote) = class.vote.as_ref() else { return false };
    if votable(&run.session).is_empty() {
        intents.write(Intent::LetTimeRunOut);
        return true;
    }
    let Some(rounds) = votes.get(auto.voted) else {
        error!("autoplay: the scripted votes ran out");
        auto.stage = Stage::Done;
        return true;
    };
    let set = |intents: &mut MessageWriter<Intent>, counts: &[u32]| {
        for (k, &count) in counts.iter().enumerate() {
            intents.write(Intent::Class(ClassIntent::SetVote { k, count }));
        }
    };
    if vote.round() == 1 && vote.total() == 0 {
        set(intents, &rounds[0]);
    } else if vote.round() == 1 && rounds.len() == 2 {
        intents.write(Intent::Class(ClassIntent::SecondRound));
        set(intents, &rounds[1]);
    } else {
        match vote.verdict() {
            Verdict::Tie(t) => intents.write(Intent::Class(ClassIntent::Instructor(t[0]))),
            _ => intents.write(Intent::Class(ClassIntent::Decide)),
        };
        auto.voted += 1;
    }
    true
}
