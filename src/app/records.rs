//! Recording in the app: every run is written to the results database as it is played (each
//! decision with the saved state, in one transaction), and a run interrupted by a crash is
//! offered for resuming on the library screen.

use super::flow::{ActiveRun, Screen};
use crate::engine::score::grade_key;
use crate::records::{Records, RunInfo};
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::Mutex;

/// Where the results database lives (`--data-dir`, else the user's data folder).
#[derive(Resource, Debug, Clone)]
pub struct DataDir(pub PathBuf);

/// The open database, or why it could not be opened (the app then plays without recording and
/// says so, rather than touching a damaged or newer file).
#[derive(Resource, Debug)]
pub struct Db(pub Result<Mutex<Records>, String>);

/// A run that did not end last time.
#[derive(Resource, Debug, Clone)]
pub struct Interrupted(pub Option<crate::records::Unfinished>);

/// The runs shown on the records screen, read each time the screen opens.
#[derive(Resource, Debug, Default)]
pub struct Snapshot {
    pub runs: Vec<crate::records::RunDetail>,
    fresh: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Snapshot>()
        .add_systems(Startup, open)
        .add_systems(OnExit(Screen::Records), |mut s: ResMut<Snapshot>| s.fresh = false)
        .add_systems(Update, read.run_if(in_state(Screen::Records)))
        .add_systems(Update, save.run_if(resource_exists::<ActiveRun>.and_then(resource_exists::<Db>)));
}

fn read(db: Option<Res<Db>>, mut snapshot: ResMut<Snapshot>) {
    if snapshot.fresh {
        return;
    }
    let Some(Ok(db)) = db.as_deref().map(|d| d.0.as_ref()) else { return };
    let Ok(records) = db.lock() else { return };
    let runs = records.list().unwrap_or_default();
    snapshot.runs = runs.iter().filter_map(|r| records.show(r.id).ok().flatten()).collect();
    snapshot.fresh = true;
}

fn open(mut commands: Commands, dir: Option<Res<DataDir>>) {
    let dir = dir.map_or_else(|| crate::records::data_dir(None), |d| d.0.clone());
    let db = Records::open(&dir).map_err(|e| e.to_string());
    let interrupted = db.as_ref().ok().and_then(|r| r.latest_interrupted().ok().flatten());
    commands.insert_resource(Interrupted(interrupted));
    commands.insert_resource(Db(db.map(Mutex::new)));
}

/// Writes what the run has not written yet: its start, new decisions, its end (a run stopped
/// early ends without an ending). A road not taken, replayed from a checkpoint, is not recorded.
fn save(mut run: ResMut<ActiveRun>, db: Res<Db>, settings: Res<super::flow::Settings>, screen: Res<State<Screen>>) {
    let end = if *screen.get() == Screen::Debrief { End::WithDebrief } else { End::NotYet };
    write(&db, &mut run, settings.lang, end);
}

/// Closes a run's record now, as the instructor leaves it for the road not taken: what it has
/// not written yet is written, and a run whose debrief is not ready (or that did not end) is
/// marked stopped: it is not offered for resuming.
pub fn close(db: Option<&Db>, run: &mut ActiveRun, lang: crate::lang::Lang) {
    if let Some(db) = db {
        write(db, run, lang, End::Now);
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

fn write(db: &Db, run: &mut ActiveRun, lang: crate::lang::Lang, end: End) {
    if run.counterfactual.is_some() {
        return;
    }
    let Ok(db) = &db.0 else { return };
    let Ok(mut records) = db.lock() else { return };
    let state = run.session.state();
    if run.record.is_none() {
        let info = RunInfo {
            scenario_path: run.path.display().to_string(),
            trainee: run.trainee.clone(),
            group: run.group.clone(),
            language: lang.code().to_string(),
            mode: if run.class.is_some() { "class" } else { "solo" }.into(),
        };
        match records.start(&info, &state) {
            Ok(id) => run.record = Some(id),
            Err(e) => {
                run.reload_problem = Some(e.to_string());
                return;
            }
        }
    }
    let Some(id) = run.record else { return };
    for seq in run.recorded..state.decisions.len() {
        let vote = run.class.as_ref().and_then(|c| c.votes.get(seq)).and_then(Option::as_ref);
        if let Err(e) = records.decision(id, seq, &state.decisions[seq], vote, &state) {
            run.reload_problem = Some(e.to_string());
            return;
        }
    }
    run.recorded = state.decisions.len();
    if end == End::NotYet || run.finished {
        return;
    }
    let done = match &run.debrief {
        Some(d) => {
            let s = &run.compiled.scenario;
            let scores: Vec<(String, i64, f64)> =
                d.competencies.iter().map(|k| (s.competencies[k.competency].id.clone(), k.raw, k.score)).collect();
            records.finish(id, d.ending.map(|e| s.endings[e].id.as_str()), grade_key(d.grade), d.total, &scores).is_ok()
        }
        None if end == End::Now => records.stop(id).is_ok(),
        None => false,
    };
    run.finished = done;
}
