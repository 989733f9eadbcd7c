//! The scenario library: every `*.ron` under the scenarios folder, loaded and validated, files
//! with errors kept with their diagnostics. A watcher thread notices saved files and the app
//! reloads them: a broken edit keeps the last good version running and shows its diagnostics;
//! a valid edit carries the trainee's progress over when the current scene still exists.

use super::flow::{ActiveRun, AppSystems, ReloadProblem};
use crate::engine::{Compiled, Session};
use crate::scenario::{Loaded, Scenario, load_path, scenario_files};
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// One scenario file.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    pub loaded: Loaded,
    /// The last version that validated, kept while an edit has errors.
    pub last_good: Option<Scenario>,
}

#[derive(Resource, Debug, Default)]
pub struct Library {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
}

impl Library {
    pub fn scan(dir: &Path) -> Library {
        let mut entries: Vec<Entry> = scenario_files(&[dir.to_path_buf()])
            .into_iter()
            .map(|path| {
                let loaded = load_path(&path);
                let last_good = loaded.playable().cloned();
                Entry { path, loaded, last_good }
            })
            .collect();
        entries.sort_by_key(|e| (e.loaded.scenario.as_ref().map(|s| s.category), e.path.clone()));
        Library { dir: dir.to_path_buf(), entries }
    }

    /// The playable version of the scenario at `path`: the current one, or the last good one.
    pub fn playable(&self, path: &Path) -> Option<&Scenario> {
        self.entries.iter().find(|e| e.path == path).and_then(|e| e.loaded.playable().or(e.last_good.as_ref()))
    }

    pub fn entry(&self, path: &Path) -> Option<&Entry> {
        self.entries.iter().find(|e| e.path == path)
    }

    /// Reloads one file; returns the entry.
    pub fn reload(&mut self, path: &Path) -> Option<&Entry> {
        let loaded = load_path(path);
        match self.entries.iter().position(|e| e.path == path) {
            Some(i) => {
                let e = &mut self.entries[i];
                if let Some(s) = loaded.playable() {
                    e.last_good = Some(s.clone());
                }
                e.loaded = loaded;
                Some(&self.entries[i])
            }
            None if path.exists() => {
                let last_good = loaded.playable().cloned();
                self.entries.push(Entry { path: path.to_path_buf(), loaded, last_good });
                self.entries.last()
            }
            None => None,
        }
    }
}

/// Where the library is read from.
#[derive(Resource, Debug, Clone)]
pub struct LibraryDir(pub PathBuf);

/// Paths whose files changed on disk, sent by the watcher thread.
#[derive(Resource)]
pub struct Changes(pub Mutex<Receiver<PathBuf>>);

impl std::fmt::Debug for Changes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Changes")
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, scan).add_systems(
        Update,
        apply_changes.in_set(AppSystems::ApplyIntents).before(super::flow::apply_intents).run_if(resource_exists::<Changes>),
    );
}

fn scan(mut commands: Commands, dir: Option<Res<LibraryDir>>) {
    let dir = dir.map_or_else(|| PathBuf::from("scenarios"), |d| d.0.clone());
    commands.insert_resource(Library::scan(&dir));
}

/// Starts a thread that polls the folder's `*.ron` files twice a second and reports changes,
/// calling `wake` so a sleeping (reactive) app updates at once.
pub fn watch(dir: PathBuf, wake: impl Fn() + Send + 'static) -> Changes {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let stamp = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).unwrap_or(SystemTime::UNIX_EPOCH);
        let stamps = || -> Vec<(PathBuf, SystemTime)> {
            scenario_files(std::slice::from_ref(&dir)).into_iter().map(|p| (p.clone(), stamp(&p))).collect()
        };
        let mut seen = stamps();
        loop {
            std::thread::sleep(Duration::from_millis(500));
            let now = stamps();
            let mut changed = false;
            for (p, t) in &now {
                if !seen.iter().any(|(q, u)| q == p && u == t) {
                    if tx.send(p.clone()).is_err() {
                        return;
                    }
                    changed = true;
                }
            }
            seen = now;
            if changed {
                wake();
            }
        }
    });
    Changes(Mutex::new(rx))
}

fn apply_changes(changes: Res<Changes>, mut library: ResMut<Library>, run: Option<ResMut<ActiveRun>>) {
    let paths: Vec<PathBuf> = changes.0.lock().map(|rx| rx.try_iter().collect()).unwrap_or_default();
    let mut run = run;
    for path in paths {
        let Some(entry) = library.reload(&path).cloned() else { continue };
        if let Some(r) = run.as_mut()
            && r.path == path
        {
            reload_run(r, &entry);
        }
    }
}

/// Applies a reloaded file to the run being played.
pub fn reload_run(run: &mut ActiveRun, entry: &Entry) {
    let Some(scenario) = entry.loaded.playable() else {
        run.reload_problem = Some(ReloadProblem::Invalid(Box::new(entry.clone())));
        return;
    };
    let compiled = Arc::new(Compiled::new(scenario.clone()));
    match Session::carry_over(compiled.clone(), &run.session.state()) {
        Ok(session) => {
            let role = compiled.scenario.roles[session.run().role].id.clone();
            run.scoring = super::flow::explore(&compiled, &role);
            run.compiled = compiled;
            run.session = session;
            run.reload_problem = None;
            // A class's open vote follows the choices the edit left.
            run.sync();
        }
        Err(e) => run.reload_problem = Some(ReloadProblem::Refused(e)),
    }
}
