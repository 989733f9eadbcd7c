//! Screens as states and the intents that move between them. The views return intents; this
//! plugin's systems apply them to the engine, so the whole flow runs (and is tested) headless.

use super::class::ClassIntent;
use super::library::Library;
use super::notice::Notices;
use super::records::RunRecord;
use super::tasks::Job;
use crate::engine::class::Class;
use crate::engine::debrief::Debrief;
use crate::engine::score::Scoring;
use crate::engine::transcript::ReplayError;
use crate::engine::transcript::Transcript;
use crate::engine::{Compiled, Event, FeedbackSource, Session};
use crate::i18n::{Localize, Message};
use crate::lang::Lang;
use crate::msg;
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

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
    /// The user has read a notice.
    DismissNotice(usize),
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

/// The run being played: the engine's session of a compiled scenario, who plays it, and the
/// background work it owns (score ranges, debriefs), dropped with it. What the play screen shows
/// beyond the engine's state is the `PlayView`; its record in the database is the records
/// plugin's `RunRecord`. All three are inserted when a run starts and removed when the app
/// returns to the library.
#[derive(Resource, Debug)]
pub struct ActiveRun {
    pub path: PathBuf,
    pub compiled: Arc<Compiled>,
    pub session: Session,
    pub trainee: String,
    pub group: String,
    pub feedback: FeedbackMode,
    /// Problems of a hot reload that could not be applied (the last good version keeps running).
    pub reload_problem: Option<ReloadProblem>,
    /// Score ranges, explored on the task pool while the trainee plays (a large scenario takes a
    /// few seconds), so the debrief appears at once.
    pub scoring: Job<Explored>,
    /// What a class adds to the run: votes, checkpoints to go back to.
    pub class: Option<Class>,
    /// For the road not taken: the decision it branched at and the debrief of the road taken.
    /// Such a run is an exploration and is not recorded.
    pub counterfactual: Option<(usize, DebriefJob)>,
    /// The debrief, once the run is over (or stopped): waiting, being built, or built.
    pub debrief: Option<DebriefJob>,
}

/// What the play screen shows of the run beyond the engine's state, taken from the engine's
/// events: feedback and news waiting to be read, the media feed, the last decision's meter
/// changes, whether its consequences are revealed. Its indices point into the scenario, so a
/// resumed or branched run, and a hot reload, rebuild it from the run.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct PlayView {
    /// Feedback waiting for the trainee to read before the next scene.
    pub pending: Vec<FeedbackSource>,
    /// Inject narrations waiting to be read.
    pub news: Vec<usize>,
    pub feed: Vec<Post>,
    /// Meter changes of the last decision: (meter, from, to).
    pub changes: Vec<(usize, i64, i64)>,
    pub timed_out: bool,
    /// Whether the consequences of the last decision are shown (projector mode hides them until
    /// the instructor reveals them).
    pub revealed: bool,
    /// What the room saw before the last decision: the projector shows it until the instructor
    /// reveals the consequences, then marks what is new against it.
    pub before: Option<Before>,
    /// The story clock as of the last events taken in (the clock the room last saw).
    pub clock_seen: u64,
}

/// The feed, meters and story clock as they stood before a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Before {
    /// How many posts the feed held (new posts go in front of them).
    pub posts: usize,
    pub meters: Vec<i64>,
    pub clock_ms: u64,
}

/// What a screen shows of the run's situation: the feed (newest first), the meters and the
/// story clock. On the projector, while consequences wait to be revealed, it is the situation
/// before the decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub feed: Vec<Post>,
    /// How many of the feed's first posts are new since the last decision (0 while held back).
    pub fresh: usize,
    pub meters: Vec<i64>,
    pub clock_ms: u64,
    /// Story minutes the last decision took, once shown.
    pub advanced_min: Option<u64>,
}

impl Default for PlayView {
    fn default() -> Self {
        PlayView {
            pending: Vec::new(),
            news: Vec::new(),
            feed: Vec::new(),
            changes: Vec::new(),
            timed_out: false,
            revealed: true,
            before: None,
            clock_seen: 0,
        }
    }
}

impl PlayView {
    /// The view of a run resumed, branched or reloaded from its state (whose events are gone):
    /// the media of the scenes passed through in order, then those of injects that fired; nothing
    /// waits to be read.
    pub fn rebuild(run: &ActiveRun) -> PlayView {
        let s = &run.compiled.scenario;
        let state = run.session.run();
        let role = &s.roles[state.role].id;
        let shown = |roles: &[String]| roles.is_empty() || roles.contains(role);
        let mut scenes: Vec<usize> = state.decisions.iter().map(|d| d.scene).collect();
        scenes.extend(run.session.scene());
        scenes.dedup();
        let mut feed = Vec::new();
        for sc in scenes {
            for (index, _) in s.scenes[sc].media.iter().enumerate().filter(|(_, m)| shown(&m.roles)) {
                feed.insert(0, Post { scene: Some(sc), inject: None, index });
            }
        }
        for (k, inj) in s.injects.iter().enumerate().filter(|(k, _)| state.fired[*k]) {
            for (index, _) in inj.media.iter().enumerate().filter(|(_, m)| shown(&m.roles)) {
                feed.insert(0, Post { scene: None, inject: Some(k), index });
            }
        }
        PlayView { feed, clock_seen: state.clock_ms, ..PlayView::default() }
    }

    /// After a hot reload: the feedback and news waiting to be read found again by id in the
    /// edited scenario (what no longer exists is dropped), the feed rebuilt, no meter changes.
    pub fn remap(&mut self, old: &Compiled, run: &ActiveRun) {
        let new = &run.compiled;
        let remapped = |f: &FeedbackSource| match *f {
            FeedbackSource::Choice(ix) => {
                (ix < old.choices.len()).then(|| new.choice_index(&old.choice(ix).id)).flatten().map(FeedbackSource::Choice)
            }
            FeedbackSource::Timer(sc) => old.scenario.scenes.get(sc).and_then(|x| new.scene_index(&x.id)).map(FeedbackSource::Timer),
            // Branches have no ids: kept only while the scenario has as many.
            FeedbackSource::Branch(b) => (old.branches.len() == new.branches.len()).then_some(FeedbackSource::Branch(b)),
        };
        self.pending = self.pending.iter().filter_map(remapped).collect();
        let injects = &new.scenario.injects;
        self.news = self
            .news
            .iter()
            .filter_map(|&k| old.scenario.injects.get(k))
            .filter_map(|i| injects.iter().position(|j| j.id == i.id))
            .collect();
        self.feed = PlayView::rebuild(run).feed;
        self.changes.clear();
        self.before = None;
    }

    /// Takes in the events of a step.
    pub fn absorb(&mut self, run: &ActiveRun, events: &[Event]) {
        let mut changes = Vec::new();
        let state = run.session.run();
        let mut before = Before { posts: self.feed.len(), meters: state.meters.clone(), clock_ms: self.clock_seen };
        let mut seen = vec![false; before.meters.len()];
        for e in events {
            if let Event::MeterChanged { meter, from, .. } = *e
                && !std::mem::replace(&mut seen[meter], true)
            {
                before.meters[meter] = from;
            }
        }
        self.clock_seen = state.clock_ms;
        for e in events {
            match *e {
                Event::Feedback { source } if run.feedback == FeedbackMode::AfterEachChoice => {
                    self.pending.push(source);
                    self.revealed = false;
                }
                Event::MeterChanged { meter, from, to } => changes.push((meter, from, to)),
                Event::MediaPosted { scene, inject, index } => self.feed.insert(0, Post { scene, inject, index }),
                Event::InjectFired { inject } if run.compiled.scenario.injects[inject].text.is_some() => self.news.push(inject),
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
        // A step of the story (not the clock merely ticking on) starts a new "before".
        if events.iter().any(|e| !matches!(e, Event::ClockAdvanced { .. })) {
            self.before = Some(before);
        }
    }

    /// What to show of the situation; `hold` keeps the room at the moment before the last
    /// decision (the projector, until the consequences are revealed).
    pub fn stage(&self, run: &ActiveRun, hold: bool) -> Stage {
        let state = run.session.run();
        let now = Stage { feed: self.feed.clone(), fresh: 0, meters: state.meters.clone(), clock_ms: state.clock_ms, advanced_min: None };
        let Some(b) = self.before.as_ref().filter(|b| b.posts <= self.feed.len() && b.meters.len() == state.meters.len()) else {
            return now;
        };
        if hold && !self.revealed {
            let feed = self.feed[self.feed.len() - b.posts..].to_vec();
            return Stage { feed, fresh: 0, meters: b.meters.clone(), clock_ms: b.clock_ms, advanced_min: None };
        }
        let advanced = (state.clock_ms.saturating_sub(b.clock_ms)) / 60_000;
        Stage { fresh: self.feed.len() - b.posts, advanced_min: (advanced > 0).then_some(advanced), ..now }
    }

    /// Whether the trainee is reading feedback (the clock is paused meanwhile).
    pub fn reading(&self) -> bool {
        !self.pending.is_empty() || !self.news.is_empty() || self.timed_out
    }

    /// The trainee has read what was waiting.
    pub fn read(&mut self) {
        self.pending.clear();
        self.news.clear();
        self.timed_out = false;
    }
}

/// Takes in the events of a decision; true when the run is over and the debrief is on its way.
pub fn take(run: &mut ActiveRun, view: &mut PlayView, events: &[Event]) -> bool {
    view.absorb(run, events);
    if run.session.is_over() && !view.reading() {
        run.build_debrief();
        return true;
    }
    false
}

/// Ends the run early (the instructor skipping to the debrief, or a scene with no way out).
pub fn stop(run: &mut ActiveRun, view: &mut PlayView) {
    view.read();
    run.build_debrief();
}

/// Why an edit of the running scenario's file was not applied.
#[derive(Clone, Debug)]
pub enum ReloadProblem {
    /// The edited file has errors: its diagnostics, rendered where they are shown.
    Invalid(Box<super::library::Entry>),
    /// The run's progress does not fit the edited scenario.
    Refused(crate::engine::EngineError),
}

impl ReloadProblem {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            ReloadProblem::Invalid(entry) => {
                let name = entry.path.display().to_string();
                let lines = entry.loaded.line_index();
                let errors = entry.loaded.diagnostics.iter().filter(|d| d.is_error());
                errors.map(|d| crate::scenario::render::render(d, &name, &lines, lang)).collect::<Vec<_>>().join("\n")
            }
            ReloadProblem::Refused(e) => e.message().render(lang),
        }
    }
}

/// A run's score ranges: exact, or estimated when the scenario is too large to explore (and then
/// why, for a notice).
#[derive(Clone, Debug)]
pub struct Explored {
    pub scoring: Arc<Scoring>,
    pub problem: Option<Message>,
}

/// Starts exploring the scenario for `role` on the task pool.
pub fn explore(compiled: &Arc<Compiled>, role: &str) -> Job<Explored> {
    let (c, r) = (compiled.clone(), role.to_string());
    Job::spawn(move || match Scoring::for_role(&c, Some(&r)) {
        Ok(s) => Explored { scoring: Arc::new(s), problem: None },
        Err(e) => Explored { scoring: Arc::new(Scoring::approximate(&c)), problem: Some(e.message()) },
    })
}

/// A debrief: waiting for the score ranges, then built on the task pool (its better-road advice
/// explores the scenario from every decision, seconds on a large scenario, which the window must
/// not freeze for).
#[derive(Debug)]
pub enum DebriefJob {
    Waiting { transcript: Transcript, class: Option<Class> },
    Building(Job<Result<Debrief, ReplayError>>),
}

impl DebriefJob {
    /// The debrief of `session` as it stands.
    pub fn of(session: &Session, class: Option<&Class>) -> DebriefJob {
        DebriefJob::Waiting { transcript: Transcript::of(&session.state(), session.is_over()), class: class.cloned() }
    }

    /// Starts building once the score ranges are known and takes the result once built; the
    /// reason when it just failed.
    pub fn advance(&mut self, compiled: &Arc<Compiled>, scoring: Option<&Arc<Scoring>>) -> Option<Message> {
        if let (DebriefJob::Waiting { transcript, class }, Some(scoring)) = (&*self, scoring) {
            let (c, t, s, class) = (compiled.clone(), transcript.clone(), scoring.clone(), class.clone());
            *self = DebriefJob::Building(Job::spawn(move || {
                let mut debrief = Debrief::build(&c, &t, &s)?;
                if let Some(class) = &class {
                    class.annotate(&mut debrief);
                }
                Ok(debrief)
            }));
        }
        match self {
            DebriefJob::Building(job) => match job.poll() {
                true => job.get().and_then(|r| r.as_ref().err()).map(Localize::message),
                false => None,
            },
            DebriefJob::Waiting { .. } => None,
        }
    }

    /// The debrief once built.
    pub fn get(&self) -> Option<&Debrief> {
        match self {
            DebriefJob::Building(job) => job.get().and_then(|r| r.as_ref().ok()),
            DebriefJob::Waiting { .. } => None,
        }
    }

    /// Built, or failed (a notice said why).
    pub fn is_done(&self) -> bool {
        matches!(self, DebriefJob::Building(job) if job.get().is_some())
    }

    /// Waits for the debrief (a run being left must not lose its end): explores here if need be.
    pub fn wait(&mut self, compiled: &Arc<Compiled>, scoring: &mut Job<Explored>) -> Option<&Debrief> {
        let scoring = scoring.wait().map(|e| e.scoring.clone());
        self.advance(compiled, scoring.as_ref());
        match self {
            DebriefJob::Building(job) => job.wait().and_then(|r| r.as_ref().ok()),
            DebriefJob::Waiting { .. } => None,
        }
    }
}

impl ActiveRun {
    /// A run just started (or resumed), exploring its scores in the background.
    pub fn new(path: PathBuf, compiled: Arc<Compiled>, session: Session, who: (String, String), feedback: FeedbackMode) -> ActiveRun {
        let role = compiled.scenario.roles[session.run().role].id.clone();
        let scoring = explore(&compiled, &role);
        ActiveRun::with_scoring(path, compiled, session, who, feedback, scoring)
    }

    /// A run whose score ranges are already known or being explored (a branch of the same run).
    pub fn with_scoring(
        path: PathBuf,
        compiled: Arc<Compiled>,
        session: Session,
        who: (String, String),
        feedback: FeedbackMode,
        scoring: Job<Explored>,
    ) -> ActiveRun {
        ActiveRun {
            path,
            scoring,
            compiled,
            session,
            trainee: who.0,
            group: who.1,
            feedback,
            reload_problem: None,
            class: None,
            counterfactual: None,
            debrief: None,
        }
    }

    /// The score ranges for a branch of this run: the same ones when known, else explored again.
    pub fn share_scoring(&self) -> Job<Explored> {
        match self.scoring.get() {
            Some(e) => Job::Done(e.clone()),
            None => explore(&self.compiled, &self.compiled.scenario.roles[self.session.run().role].id),
        }
    }

    /// The debrief once built.
    pub fn debrief(&self) -> Option<&Debrief> {
        self.debrief.as_ref().and_then(DebriefJob::get)
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

    /// Starts building the debrief from the run so far, on the task pool.
    pub fn build_debrief(&mut self) {
        self.debrief = Some(DebriefJob::of(&self.session, self.class.as_ref()));
    }

    /// The debrief of the run so far as it is or will be, for the road not taken to compare with.
    pub fn take_debrief(&mut self) -> DebriefJob {
        self.debrief.take().unwrap_or_else(|| DebriefJob::of(&self.session, self.class.as_ref()))
    }
}

/// The app's update systems, in the order they run each frame: what the user asked for (intents
/// and edited files), then what time and the task pool bring, then what is written to disk.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    ApplyIntents,
    Tick,
    Record,
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .init_resource::<Settings>()
        .init_resource::<SetupForm>()
        .add_message::<Intent>()
        .configure_sets(Update, (AppSystems::ApplyIntents, AppSystems::Tick, AppSystems::Record).chain())
        .add_systems(Update, (apply_intents.in_set(AppSystems::ApplyIntents), advance.in_set(AppSystems::Tick), wake));
}

/// Frames still drawn after a debrief arrives, though nothing asks for them: the app sleeps
/// after a frame, so a frame lost on the way to the screen (as the class debrief's first one
/// was, when its new glyphs grew the font atlas into a new texture the GPU did not have yet)
/// would stay on screen. Two more frames replace it.
const FRAMES_AFTER_ARRIVAL: u8 = 2;

/// Takes in what the task pool finished: the score ranges (saying when they are only estimated)
/// and the debriefs, drawing frames while a debrief is on its way and a few after it arrives.
fn advance(
    run: Option<ResMut<ActiveRun>>,
    mut notices: ResMut<Notices>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
    (mut after, mut in_flight): (Local<u8>, Local<bool>),
) {
    if *after > 0 {
        *after -= 1;
        redraw.write(bevy::window::RequestRedraw);
    }
    let Some(mut run) = run else { return };
    // Most frames have nothing in flight: leave the run untouched (and unmarked as changed).
    let mut jobs = run.debrief.iter().chain(run.counterfactual.iter().map(|(_, j)| j));
    if run.scoring.get().is_some() && jobs.all(DebriefJob::is_done) {
        // A job can finish between frames, seen here before it was polled below.
        if std::mem::take(&mut *in_flight) {
            *after = FRAMES_AFTER_ARRIVAL;
        }
        return;
    }
    *in_flight = true;
    let r = &mut *run;
    if r.scoring.poll()
        && let Some(Explored { problem: Some(m), .. }) = r.scoring.get()
    {
        notices.warn(m.clone());
    }
    let scoring = r.scoring.get().map(|e| e.scoring.clone());
    let mut busy = false;
    for job in r.debrief.iter_mut().chain(r.counterfactual.iter_mut().map(|(_, j)| j)) {
        if let Some(m) = job.advance(&r.compiled, scoring.as_ref()) {
            notices.error(m);
        }
        busy |= !job.is_done();
    }
    if busy {
        redraw.write(bevy::window::RequestRedraw);
    } else {
        *after = FRAMES_AFTER_ARRIVAL;
        *in_flight = false;
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
pub(super) fn apply_intents(
    mut intents: MessageReader<Intent>,
    mut commands: Commands,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    mut form: ResMut<SetupForm>,
    mut settings: ResMut<Settings>,
    library: Res<Library>,
    mut run: Option<ResMut<ActiveRun>>,
    mut view: Option<ResMut<PlayView>>,
    mut record: Option<ResMut<RunRecord>>,
    fixed_seed: Option<Res<FixedSeed>>,
    mut interrupted: Option<ResMut<super::records::Interrupted>>,
    db: Option<Res<super::records::Db>>,
    mut notices: ResMut<Notices>,
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
                let Some(scenario) = library.playable(&path) else {
                    notices.error(msg!("notice-start-missing", path = path.display().to_string()));
                    continue;
                };
                let compiled = Arc::new(Compiled::new(scenario.clone()));
                let role = compiled.scenario.roles.get(form.role).map(|r| r.id.clone());
                let seed = fixed_seed.as_ref().map_or_else(crate::engine::rng::fresh_seed, |s| s.0);
                let (session, events) = match Session::start(compiled.clone(), role.as_deref(), seed, true) {
                    Ok(started) => started,
                    Err(e) => {
                        notices.failed("notice-start-failed", &e);
                        continue;
                    }
                };
                if let (Some(old), Some(rec)) = (run.as_deref_mut(), record.as_deref_mut()) {
                    super::records::close(db.as_deref(), old, rec, settings.lang, &mut notices);
                }
                let trainee = if form.class { String::new() } else { form.trainee.clone() };
                let mut active = ActiveRun::new(path, compiled, session, (trainee, form.group.clone()), form.feedback);
                if form.class {
                    active = active.with_class();
                }
                let mut shown = PlayView::default();
                shown.absorb(&active, &events);
                commands.insert_resource(active);
                commands.insert_resource(shown);
                commands.insert_resource(RunRecord::default());
                next.set(Screen::Play);
            }
            Intent::Choose(ix) => {
                let (Some(r), Some(v)) = (run.as_deref_mut(), view.as_deref_mut()) else { continue };
                if *screen.get() != Screen::Play || v.reading() {
                    continue;
                }
                v.changes.clear();
                let taken = match r.class.as_mut() {
                    Some(class) => class.choose(&mut r.session, ix).ok(),
                    None => r.session.choose_index(ix).ok(),
                };
                if let Some(events) = taken
                    && take(r, v, &events)
                {
                    next.set(Screen::Debrief);
                }
            }
            Intent::ResumeInterrupted => {
                // The offer stays until the run resumes or is dismissed: a file that is missing
                // now may be put back.
                let Some(u) = interrupted.as_ref().and_then(|i| i.0.clone()) else { continue };
                let path = PathBuf::from(&u.path);
                let Some(scenario) = library.playable(&path) else {
                    notices.error(msg!("notice-resume-missing", path = u.path.clone()));
                    continue;
                };
                let compiled = Arc::new(Compiled::new(scenario.clone()));
                let session = match Session::resume(compiled.clone(), &u.state) {
                    Ok(session) => session,
                    Err(e) => {
                        notices.failed("notice-resume-failed", &e);
                        continue;
                    }
                };
                if let Some(slot) = interrupted.as_mut() {
                    slot.0 = None;
                }
                let decided = session.run().decisions.len();
                let active = ActiveRun::new(path, compiled, session, (u.trainee, u.group), FeedbackMode::AfterEachChoice);
                let active = if u.class { active.with_class() } else { active };
                commands.insert_resource(PlayView::rebuild(&active));
                commands.insert_resource(active);
                commands.insert_resource(RunRecord::resumed(u.id, decided));
                next.set(Screen::Play);
            }
            Intent::DismissInterrupted => {
                if let Some(slot) = interrupted.as_mut() {
                    slot.0 = None;
                }
            }
            Intent::LetTimeRunOut => {
                let (Some(r), Some(v)) = (run.as_deref_mut(), view.as_deref_mut()) else { continue };
                v.changes.clear();
                if let Ok(events) = r.session.time_out() {
                    v.absorb(r, &events);
                    r.sync();
                }
            }
            Intent::Continue => {
                let (Some(r), Some(v)) = (run.as_deref_mut(), view.as_deref_mut()) else { continue };
                v.read();
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
            Intent::DismissNotice(i) => notices.dismiss(i),
            Intent::Class(_) | Intent::WantMap(_) => {}
        }
    }
}

/// A seed fixed from the command line (autoplay and tests), instead of a fresh one per run.
#[derive(Resource, Clone, Copy, Debug)]
pub struct FixedSeed(pub u64);
