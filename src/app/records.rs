//! Recording in the app: every run is written to the results database as it is played (each
//! decision with the saved state, in one transaction), and a run interrupted by a crash is
//! offered for resuming on the library screen.

use super::flow::{ActiveRun, AppSystems, PlayView, Screen, Settings};
use super::notice::Notices;
use crate::engine::score::grade_key;
use crate::records::{Records, RecordsError, RedLineRow, RunInfo};
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::Mutex;

/// Where the results database lives (`--data-dir`, else the user's data folder).
#[derive(Resource, Debug, Clone)]
pub struct DataDir(pub PathBuf);

/// The open database, or why it could not be opened (the app then plays without recording and
/// says so, rather than touching a damaged or newer file).
#[derive(Resource, Debug)]
pub struct Db(pub Result<Mutex<Records>, RecordsError>);

/// A run that did not end last time.
#[derive(Resource, Debug, Clone)]
pub struct Interrupted(pub Option<crate::records::Unfinished>);

/// The runs shown on the records screen, read when the screen opens and dropped when it closes.
#[derive(Resource, Debug, Default)]
pub struct Snapshot {
    pub runs: Vec<crate::records::RunDetail>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, open)
        .add_systems(OnExit(Screen::Records), |mut commands: Commands| commands.remove_resource::<Snapshot>())
        .add_systems(OnEnter(Screen::Library), leave)
        // Read once the screen is shown and the database is open (the app may start on this screen).
        .add_systems(
            Update,
            read.in_set(AppSystems::Record)
                .run_if(in_state(Screen::Records).and_then(not(resource_exists::<Snapshot>)).and_then(resource_exists::<Db>)),
        )
        .add_systems(
            Update,
            save.in_set(AppSystems::Record)
                .run_if(resource_exists::<ActiveRun>.and_then(resource_exists::<RunRecord>).and_then(resource_exists::<Db>)),
        );
}

fn read(mut commands: Commands, db: Option<Res<Db>>, mut notices: ResMut<Notices>) {
    let mut snapshot = Snapshot::default();
    if let Some(Ok(db)) = db.as_deref().map(|d| d.0.as_ref())
        && let Ok(records) = db.lock()
    {
        match records.list() {
            Ok(runs) => snapshot.runs = runs.iter().filter_map(|r| records.show(r.id).ok().flatten()).collect(),
            Err(e) => notices.failed("notice-records-unreadable", &e),
        }
    }
    commands.insert_resource(snapshot);
}

fn open(mut commands: Commands, dir: Option<Res<DataDir>>) {
    let dir = dir.map_or_else(|| crate::records::data_dir(None), |d| d.0.clone());
    let db = Records::open(&dir);
    let interrupted = db.as_ref().ok().and_then(|r| r.latest_interrupted().ok().flatten());
    commands.insert_resource(Interrupted(interrupted));
    commands.insert_resource(Db(db.map(Mutex::new)));
}

/// A run's record in the results database: its id once written, how many decisions are
/// written, whether its end is; owned by this plugin and written when something is new.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct RunRecord {
    pub id: Option<i64>,
    pub recorded: usize,
    pub finished: bool,
    /// Writing failed (a notice said so): it is not tried again for this run.
    pub failed: bool,
    /// The class's predictions as last written (counted after their decision was written).
    pub predicted: Vec<Option<crate::engine::predict::Prediction>>,
}

/// A class's predictions with hands counted, one per decision, as they are to be kept.
fn counted(run: &ActiveRun) -> Vec<Option<crate::engine::predict::Prediction>> {
    run.class.as_ref().map_or_else(Vec::new, |c| c.predictions.iter().map(|p| p.clone().filter(|p| p.taken())).collect())
}

impl RunRecord {
    /// The record of a run resumed after a crash: written up to its last decision.
    pub fn resumed(id: i64, decisions: usize) -> RunRecord {
        RunRecord { id: Some(id), recorded: decisions, ..RunRecord::default() }
    }
}

/// Back at the library the run is over for the app: its record is closed (finished with its
/// debrief, or stopped if it was left half-way) and the run, its view and its background work
/// dropped.
fn leave(
    mut commands: Commands,
    run: Option<ResMut<ActiveRun>>,
    record: Option<ResMut<RunRecord>>,
    db: Option<Res<Db>>,
    settings: Res<Settings>,
    mut notices: ResMut<Notices>,
) {
    if let (Some(mut run), Some(mut record)) = (run, record) {
        close(db.as_deref(), &mut run, &mut record, settings.lang, &mut notices);
    }
    commands.remove_resource::<ActiveRun>();
    commands.remove_resource::<PlayView>();
    commands.remove_resource::<RunRecord>();
}

/// Writes what the run has not written yet: its start, new decisions, and its end once the
/// debrief is ready (a run stopped early ends without an ending). A road not taken, replayed from
/// a checkpoint, is not recorded. A run whose writing failed once is not written again: a notice
/// said so.
fn save(run: Res<ActiveRun>, mut record: ResMut<RunRecord>, db: Res<Db>, settings: Res<Settings>, mut notices: ResMut<Notices>) {
    let decided = run.session.run().decisions.len();
    let ending = run.debrief().is_some() && !record.finished;
    let fresh = record.predicted != counted(&run);
    if run.counterfactual.is_some() || record.failed || (record.id.is_some() && record.recorded == decided && !ending && !fresh) {
        return;
    }
    let end = if run.debrief.is_some() { End::WithDebrief } else { End::NotYet };
    if let Err(e) = write(&db, &run, &mut record, settings.lang, end) {
        record.failed = true;
        notices.failed("notice-records-write-failed", &e);
    }
}

/// Closes a run's record now, as the run is left (for the library, another run, or the road not
/// taken): what it has not written yet is written; a run that ended waits for its debrief, and one
/// left half-way is marked stopped, so it is not offered for resuming.
pub fn close(db: Option<&Db>, run: &mut ActiveRun, record: &mut RunRecord, lang: crate::lang::Lang, notices: &mut Notices) {
    let Some(db) = db else { return };
    if run.counterfactual.is_some() || record.failed {
        return;
    }
    if run.session.is_over() && run.debrief.is_none() {
        run.build_debrief();
    }
    if let Some(job) = run.debrief.as_mut() {
        job.wait(&run.compiled, &mut run.scoring);
    }
    if let Err(e) = write(db, run, record, lang, End::Now) {
        record.failed = true;
        notices.failed("notice-records-write-failed", &e);
    }
}

/// How far a write goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    NotYet,
    /// Finish the record once the debrief is ready.
    WithDebrief,
    /// Finish it now: with the debrief if ready, else as stopped.
    Now,
}

fn write(db: &Db, run: &ActiveRun, record: &mut RunRecord, lang: crate::lang::Lang, end: End) -> Result<(), RecordsError> {
    // A database that could not be opened was said on the library screen.
    let Ok(db) = &db.0 else { return Ok(()) };
    let Ok(mut records) = db.lock() else { return Ok(()) };
    let state = run.session.state();
    let id = match record.id {
        Some(id) => id,
        None => {
            let info = RunInfo {
                scenario_path: run.path.display().to_string(),
                trainee: run.trainee.clone(),
                group: run.group.clone(),
                language: lang.code().to_string(),
                mode: if run.class.is_some() { "class" } else { "solo" }.into(),
            };
            let id = records.start(&info, &state)?;
            record.id = Some(id);
            id
        }
    };
    for seq in record.recorded..state.decisions.len() {
        let vote = run.class.as_ref().and_then(|c| c.votes.get(seq)).and_then(Option::as_ref);
        records.decision(id, seq, &state.decisions[seq], vote, &state)?;
    }
    record.recorded = state.decisions.len();
    let now = counted(run);
    for (seq, p) in now.iter().enumerate().take(record.recorded) {
        if let Some(p) = p
            && record.predicted.get(seq) != Some(&Some(p.clone()))
        {
            let code = run.compiled.scenario.text_language(lang);
            let outcomes = p.outcomes(&run.compiled, code, lang);
            records.prediction(id, seq, &crate::records::PredictionRecord { prediction: p.clone(), outcomes, right: p.right() })?;
        }
    }
    record.predicted = now;
    if end == End::NotYet || record.finished {
        return Ok(());
    }
    match run.debrief() {
        Some(d) => {
            let s = &run.compiled.scenario;
            let scores: Vec<(String, i64, f64)> =
                d.competencies.iter().map(|k| (s.competencies[k.competency].id.clone(), k.raw, k.score)).collect();
            let red_lines: Vec<RedLineRow> = d
                .red_lines
                .iter()
                .map(|x| RedLineRow { scene: s.scenes[x.scene].id.clone(), choice: x.choice.map(|ix| run.compiled.choice(ix).id.clone()) })
                .collect();
            records.finish(id, d.ending.map(|e| s.endings[e].id.as_str()), grade_key(d.grade), d.total, &scores, &red_lines)?;
            record.finished = true;
        }
        None if end == End::Now => {
            records.stop(id)?;
            record.finished = true;
        }
        None => {}
    }
    Ok(())
}
