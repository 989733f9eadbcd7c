//! Screens as states and the intents that move between them. The views return intents; this
//! plugin's systems apply them to the engine, so the whole flow runs (and is tested) headless.

use super::class::ClassIntent;
use super::library::Library;
use crate::engine::class::Class;
use crate::engine::debrief::Debrief;
use crate::engine::score::Scoring;
use crate::engine::transcript::Transcript;
use crate::engine::{Compiled, Event, FeedbackSource, Session};
use crate::lang::Lang;
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// The app's screens.
#[derive(States, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Library,
    Setup,
    Play,
    Debrief,
    /// Recorded runs and the class view, for the instructor.
    Records,
}

/// When feedback is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FeedbackMode {
    #[default]
    AfterEachChoice,
    DebriefOnly,
}

/// What the trainee asked for, from any view or from the autoplay driver.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum Intent {
    OpenScenario(PathBuf),
    ChooseRole(usize),
    SetTrainee(String),
    SetGroup(String),
    SetFeedbackMode(FeedbackMode),
    /// A class deciding together (votes, instructor controls) instead of one trainee.
    SetClassMode(bool),
    Start,
    Choose(usize),
    /// Continue the run a crash interrupted.
    ResumeInterrupted,
    /// Leave the interrupted run as it is and stop offering it.
    DismissInterrupted,
    /// Let the decision timer run out (what the autoplay driver does for "silence").
    LetTimeRunOut,
    Continue,
    PlayAgain,
    ToLibrary,
    OpenRecords,
    SetLang(Lang),
    TextScale(f32),
    ToggleDark,
    /// The instructor's controls of a class run and the projector (applied by the class plugin).
    Class(ClassIntent),
    /// A view wants a scenario map it does not have yet (made by the map plugin).
    WantMap(super::map::WantMap),
}

/// Display settings, switchable at run time.
#[derive(Resource, Clone, Debug, PartialEq)]
pub struct Settings {
    pub lang: Lang,
    pub text_scale: f32,
    pub dark: bool,
    /// Projector mode: type readable from the back of a classroom, high contrast, and what the
    /// class should not see yet hidden until the instructor reveals it.
    pub projector: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { lang: Lang::from_env(), text_scale: 1.0, dark: false, projector: false }
    }
}

/// The setup form of the scenario being opened.
#[derive(Resource, Clone, Debug, Default)]
pub struct SetupForm {
    pub path: Option<PathBuf>,
    pub role: usize,
    pub trainee: String,
    pub group: String,
    pub feedback: FeedbackMode,
    /// A class session.
    pub class: bool,
}

/// A post in the trainee's media feed: from a scene or from an inject, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Post {
    pub scene: Option<usize>,
    pub inject: Option<usize>,
    pub index: usize,
}

/// The run being played, with what the views need to show it.
#[derive(Resource, Debug)]
pub struct ActiveRun {
    pub path: PathBuf,
    pub compiled: Arc<Compiled>,
    pub session: Session,
    pub trainee: String,
    pub group: String,
    pub feedback: FeedbackMode,
    /// Feedback waiting for the trainee to read before the next scene.
    pub pending: Vec<FeedbackSource>,
    /// Inject narrations waiting to be read.
    pub news: Vec<usize>,
    pub feed: Vec<Post>,
    /// Meter changes of the last decision: (meter, from, to).
    pub changes: Vec<(usize, i64, i64)>,
    pub timed_out: bool,
    pub debrief: Option<Debrief>,
    /// Problems of a hot reload that could not be applied (the last good version keeps running).
    pub reload_problem: Option<String>,
    /// The run's id in the results database once recorded, how many decisions are written,
    /// and whether its end is.
    pub record: Option<i64>,
    pub recorded: usize,
    pub finished: bool,
    /// Score ranges, explored on a worker thread while the trainee plays (a large scenario
    /// takes a few seconds), so the debrief appears at once.
    pub scoring: Arc<OnceLock<Scoring>>,
    /// What a class adds to the run: votes, checkpoints to go back to.
    pub class: Option<Class>,
    /// Whether the consequences of the last decision are shown (projector mode hides them until
    /// the instructor reveals them).
    pub revealed: bool,
    /// For the road not taken: the decision it branched at and the debrief of the road taken.
    /// Such a run is an exploration and is not recorded.
    pub counterfactual: Option<(usize, DebriefCell)>,
    /// The debrief being built on a worker thread.
    pub building: Option<DebriefCell>,
}

/// A debrief built on a worker thread: its better-road advice explores the scenario from every
/// decision, seconds on a large scenario, which the window must not freeze for.
pub type DebriefCell = Arc<OnceLock<Option<Debrief>>>;

/// Starts exploring the scenario for `role` on a worker thread.
pub fn explore_in_background(compiled: &Arc<Compiled>, role: &str) -> Arc<OnceLock<Scoring>> {
    let cell = Arc::new(OnceLock::new());
    let (c, r, out) = (compiled.clone(), role.to_string(), cell.clone());
    std::thread::spawn(move || {
        let scoring = Scoring::for_role(&c, Some(&r)).unwrap_or_else(|_| Scoring::approximate(&c));
        let _ = out.set(scoring);
    });
    cell
}

impl ActiveRun {
    /// A run just started (or resumed, with its record id), exploring its scores in the background.
    pub fn new(
        path: PathBuf,
        compiled: Arc<Compiled>,
        session: Session,
        who: (String, String),
        feedback: FeedbackMode,
        record: Option<i64>,
    ) -> ActiveRun {
        let role = compiled.scenario.roles[session.run().role].id.clone();
        let scoring = explore_in_background(&compiled, &role);
        ActiveRun::with_scoring(path, compiled, session, who, feedback, record, scoring)
    }

    /// A run whose score ranges are already being explored (a branch of the same run).
    pub fn with_scoring(
        path: PathBuf,
        compiled: Arc<Compiled>,
        session: Session,
        who: (String, String),
        feedback: FeedbackMode,
        record: Option<i64>,
        scoring: Arc<OnceLock<Scoring>>,
    ) -> ActiveRun {
        let recorded = session.run().decisions.len();
        ActiveRun {
            path,
            scoring,
            compiled,
            session,
            trainee: who.0,
            group: who.1,
            feedback,
            pending: Vec::new(),
            news: Vec::new(),
            feed: Vec::new(),
            changes: Vec::new(),
            timed_out: false,
            debrief: None,
            reload_problem: None,
            record,
            recorded,
            finished: false,
            class: None,
            revealed: true,
            counterfactual: None,
            building: None,
        }
    }

    /// The feed as it stood, for a run resumed or branched from a saved state (whose events are
    /// gone): the media of the scenes passed through in order, then those of injects that fired.
    pub fn rebuild_feed(&mut self) {
        let s = &self.compiled.scenario;
        let run = self.session.run();
        let role = &s.roles[run.role].id;
        let shown = |roles: &[String]| roles.is_empty() || roles.contains(role);
        let mut scenes: Vec<usize> = run.decisions.iter().map(|d| d.scene).collect();
        scenes.extend(self.session.scene());
        scenes.dedup();
        let mut feed = Vec::new();
        for sc in scenes {
            for (index, _) in s.scenes[sc].media.iter().enumerate().filter(|(_, m)| shown(&m.roles)) {
                feed.insert(0, Post { scene: Some(sc), inject: None, index });
            }
        }
        for (k, inj) in s.injects.iter().enumerate().filter(|(k, _)| run.fired[*k]) {
            for (index, _) in inj.media.iter().enumerate().filter(|(_, m)| shown(&m.roles)) {
                feed.insert(0, Post { scene: None, inject: Some(k), index });
            }
        }
        self.feed = feed;
    }

    /// Makes this a class run.
    pub fn with_class(mut self) -> ActiveRun {
        self.class = Some(Class::new(&self.session));
        self
    }

    /// Brings the class's votes and checkpoints up to date after an engine step.
    pub fn sync(&mut self) {
        if let Some(c) = self.class.as_mut() {
            c.sync(&self.session);
        }
    }

    /// Takes in the events of a step.
    pub fn absorb(&mut self, events: &[Event]) {
        let mut changes = Vec::new();
        for e in events {
            match *e {
                Event::Feedback { source } if self.feedback == FeedbackMode::AfterEachChoice => {
                    self.pending.push(source);
                    self.revealed = false;
                }
                Event::MeterChanged { meter, from, to } => changes.push((meter, from, to)),
                Event::MediaPosted { scene, inject, index } => self.feed.insert(0, Post { scene, inject, index }),
                Event::InjectFired { inject } if self.compiled.scenario.injects[inject].text.is_some() => self.news.push(inject),
                Event::TimedOut { .. } => self.timed_out = true,
                _ => {}
            }
        }
        if !changes.is_empty() {
            // Merge repeated changes of one meter into one from-to pair.
            let mut merged: Vec<(usize, i64, i64)> = Vec::new();
            for (m, from, to) in changes {
                match merged.iter_mut().find(|c| c.0 == m) {
                    Some(c) => c.2 = to,
                    None => merged.push((m, from, to)),
                }
            }
            self.changes = merged;
        }
    }

    /// Takes in the events of a decision; true when the run is over and the debrief is ready.
    pub fn take(&mut self, events: &[Event]) -> bool {
        self.absorb(events);
        if self.session.is_over() && !self.reading() {
            self.build_debrief();
            return true;
        }
        false
    }

    /// Whether the trainee is reading feedback (the clock is paused meanwhile).
    pub fn reading(&self) -> bool {
        !self.pending.is_empty() || !self.news.is_empty() || self.timed_out
    }

    /// Starts building the debrief in `lang` from the run so far, on a worker thread; `debrief`
    /// is set once it is ready (see `poll_debrief`).
    pub fn build_debrief(&mut self) {
        let cell: DebriefCell = Arc::new(OnceLock::new());
        let transcript = Transcript::of(&self.session.state(), self.session.is_over());
        let (compiled, scoring, class, out) = (self.compiled.clone(), self.scoring.clone(), self.class.clone(), cell.clone());
        std::thread::spawn(move || {
            let mut debrief = Debrief::build(&compiled, &transcript, scoring.wait()).ok();
            if let (Some(class), Some(d)) = (&class, debrief.as_mut()) {
                class.annotate(d);
            }
            let _ = out.set(debrief);
        });
        self.debrief = None;
        self.building = Some(cell);
    }

    /// Takes the debrief once the worker has built it; true when it arrived now.
    pub fn poll_debrief(&mut self) -> bool {
        let Some(built) = self.building.as_ref().and_then(|c| c.get()) else { return false };
        self.debrief = built.clone();
        self.building = None;
        true
    }

    /// The debrief of the run so far as it is or will be: for the road not taken to compare with.
    pub fn debrief_cell(&mut self) -> DebriefCell {
        if let Some(d) = &self.debrief {
            return Arc::new(OnceLock::from(Some(d.clone())));
        }
        if self.building.is_none() {
            self.build_debrief();
        }
        self.building.clone().unwrap_or_default()
    }

    /// Ends the run early (the instructor skipping to the debrief).
    pub fn stop(&mut self) {
        self.pending.clear();
        self.news.clear();
        self.timed_out = false;
        self.build_debrief();
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .init_resource::<Settings>()
        .init_resource::<SetupForm>()
        .add_message::<Intent>()
        .add_systems(Update, (apply_intents, wake, receive_debrief));
}

/// Takes in a debrief built on a worker thread, drawing frames until it arrives.
fn receive_debrief(run: Option<ResMut<ActiveRun>>, mut redraw: MessageWriter<bevy::window::RequestRedraw>) {
    let Some(mut run) = run else { return };
    if run.building.is_some() || run.counterfactual.as_ref().is_some_and(|(_, c)| c.get().is_none()) {
        run.poll_debrief();
        redraw.write(bevy::window::RequestRedraw);
    }
}

/// A key press does not make egui ask for another frame the way a click does, yet an intent is
/// applied (and a new screen entered) only in the frames after it was sent: ask for them, or
/// the window would show the result only at the next input.
fn wake(mut intents: MessageReader<Intent>, mut redraw: MessageWriter<bevy::window::RequestRedraw>) {
    if intents.read().count() > 0 {
        redraw.write(bevy::window::RequestRedraw);
    }
}

/// Applies intents to the form, the settings and the engine, and changes screens.
fn apply_intents(
    mut intents: MessageReader<Intent>,
    mut commands: Commands,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    mut form: ResMut<SetupForm>,
    mut settings: ResMut<Settings>,
    library: Res<Library>,
    mut run: Option<ResMut<ActiveRun>>,
    fixed_seed: Option<Res<FixedSeed>>,
    mut interrupted: Option<ResMut<super::records::Interrupted>>,
) {
    for intent in intents.read() {
        match intent.clone() {
            Intent::OpenScenario(path) => {
                if library.playable(&path).is_some() {
                    *form = SetupForm {
                        path: Some(path),
                        trainee: std::mem::take(&mut form.trainee),
                        group: std::mem::take(&mut form.group),
                        class: form.class,
                        ..SetupForm::default()
                    };
                    next.set(Screen::Setup);
                }
            }
            Intent::ChooseRole(r) => form.role = r,
            Intent::SetTrainee(t) => form.trainee = t,
            Intent::SetGroup(g) => form.group = g,
            Intent::SetFeedbackMode(m) => form.feedback = m,
            Intent::SetClassMode(on) => form.class = on,
            Intent::Start | Intent::PlayAgain => {
                if matches!(intent, Intent::PlayAgain)
                    && let Some(r) = &run
                {
                    form.path = Some(r.path.clone());
                }
                let Some(path) = form.path.clone() else { continue };
                let Some(scenario) = library.playable(&path) else { continue };
                let compiled = Arc::new(Compiled::new(scenario.clone()));
                let role = compiled.scenario.roles.get(form.role).map(|r| r.id.clone());
                let seed = fixed_seed.as_ref().map_or_else(crate::engine::rng::fresh_seed, |s| s.0);
                let Ok((session, events)) = Session::start(compiled.clone(), role.as_deref(), seed, true) else { continue };
                let trainee = if form.class { String::new() } else { form.trainee.clone() };
                let mut active = ActiveRun::new(path, compiled, session, (trainee, form.group.clone()), form.feedback, None);
                if form.class {
                    active = active.with_class();
                }
                active.absorb(&events);
                commands.insert_resource(active);
                next.set(Screen::Play);
            }
            Intent::Choose(ix) => {
                let Some(r) = run.as_deref_mut() else { continue };
                if *screen.get() != Screen::Play || r.reading() {
                    continue;
                }
                r.changes.clear();
                let taken = match r.class.as_mut() {
                    Some(class) => class.choose(&mut r.session, ix).ok(),
                    None => r.session.choose_index(ix).ok(),
                };
                if let Some(events) = taken
                    && r.take(&events)
                {
                    next.set(Screen::Debrief);
                }
            }
            Intent::ResumeInterrupted => {
                let Some(slot) = interrupted.as_mut() else { continue };
                let Some(u) = slot.0.take() else { continue };
                let path = PathBuf::from(&u.path);
                let Some(scenario) = library.playable(&path) else { continue };
                let compiled = Arc::new(Compiled::new(scenario.clone()));
                let Ok(session) = Session::resume(compiled.clone(), &u.state) else { continue };
                let mut active = ActiveRun::new(path, compiled, session, (u.trainee, u.group), FeedbackMode::AfterEachChoice, Some(u.id));
                active.rebuild_feed();
                commands.insert_resource(if u.class { active.with_class() } else { active });
                next.set(Screen::Play);
            }
            Intent::DismissInterrupted => {
                if let Some(slot) = interrupted.as_mut() {
                    slot.0 = None;
                }
            }
            Intent::LetTimeRunOut => {
                let Some(r) = run.as_mut() else { continue };
                r.changes.clear();
                if let Ok(events) = r.session.time_out() {
                    r.absorb(&events);
                    r.sync();
                }
            }
            Intent::Continue => {
                let Some(r) = run.as_mut() else { continue };
                r.pending.clear();
                r.news.clear();
                r.timed_out = false;
                if r.session.is_over() {
                    r.build_debrief();
                    next.set(Screen::Debrief);
                }
            }
            Intent::ToLibrary => next.set(Screen::Library),
            Intent::OpenRecords => next.set(Screen::Records),
            Intent::SetLang(l) => {
                // The debrief holds no text: only its view is made again, in the new language.
                settings.lang = l;
            }
            Intent::TextScale(s) => settings.text_scale = s.clamp(0.8, 2.0),
            Intent::ToggleDark => settings.dark = !settings.dark,
            Intent::Class(_) | Intent::WantMap(_) => {}
        }
    }
}

/// A seed fixed from the command line (autoplay and tests), instead of a fresh one per run.
#[derive(Resource, Clone, Copy, Debug)]
pub struct FixedSeed(pub u64);
