//! The scenario library: every `*.ron` under the scenarios folder, loaded and validated, files
//! with errors kept with their diagnostics. The folder is Bevy's default asset source: an asset
//! loader runs the checker on each file, and Bevy's file watcher reloads a saved file, whose
//! asset event reaches the library and the run being played: a broken edit keeps the last good
//! version running and shows its diagnostics; a valid edit carries the trainee's progress over
//! when the current scene still exists.

use super::flow::{ActiveRun, AppSystems, PlayView, ReloadProblem};
use crate::engine::{Compiled, Session};
use crate::scenario::load::load_bytes;
use crate::scenario::{Loaded, Scenario, load_path, scenario_files};
use bevy::asset::io::file::FileWatcher;
use bevy::asset::io::{AssetSource, AssetSourceBuilder, AssetSourceEvent, Reader};
use bevy::asset::{AssetLoader, AssetMetaCheck, LoadContext};
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

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

    /// Takes in a file as it is now on disk; the entry when it changed (a file seen for the
    /// first time, or with other text).
    pub fn apply(&mut self, loaded: Loaded) -> Option<&Entry> {
        match self.entries.iter().position(|e| e.path == loaded.path) {
            Some(i) if self.entries[i].loaded.source == loaded.source && !loaded.source.is_empty() => None,
            Some(i) => {
                let e = &mut self.entries[i];
                if let Some(s) = loaded.playable() {
                    e.last_good = Some(s.clone());
                }
                e.loaded = loaded;
                Some(&self.entries[i])
            }
            None => {
                let last_good = loaded.playable().cloned();
                self.entries.push(Entry { path: loaded.path.clone(), loaded, last_good });
                self.entries.last()
            }
        }
    }
}

/// Where the library is read from.
#[derive(Resource, Debug, Clone)]
pub struct LibraryDir(pub PathBuf);

/// A scenario file as the asset loader checked it (a broken file is an asset too: its
/// diagnostics are what the library shows). The library takes the content out once it has it,
/// so each scenario is held once.
#[derive(Asset, TypePath, Debug)]
pub struct ScenarioFile(pub Option<Loaded>);

/// Runs the checker on each `*.ron` file Bevy loads from the library folder.
#[derive(TypePath, Debug)]
struct ScenarioLoader {
    dir: PathBuf,
}

impl AssetLoader for ScenarioLoader {
    type Asset = ScenarioFile;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(&self, reader: &mut dyn Reader, _: &(), cx: &mut LoadContext<'_>) -> Result<ScenarioFile, std::io::Error> {
        // The same path the library lists the file under, so the two meet.
        let path = self.dir.join(cx.path().path());
        // An oversized file is refused by its size, before anything is read.
        if std::fs::metadata(&path).is_ok_and(|m| m.len() > crate::scenario::load::MAX_FILE_BYTES) {
            return Ok(ScenarioFile(Some(load_path(&path))));
        }
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        Ok(ScenarioFile(Some(load_bytes(&path, bytes, &crate::scenario::load::asset_roots(&path)))))
    }

    fn extensions(&self) -> &[&str] {
        &["ron"]
    }
}

/// Every scenario file of the library, kept loaded (and so reloaded when saved).
#[derive(Resource, Debug, Default)]
pub struct Files(pub Vec<Handle<ScenarioFile>>);

/// What the file watcher tells the app beside Bevy: wake the window, which may be asleep (set
/// once its event loop exists), and the scenario files newly saved into the folder (relative to
/// it), for the library to load.
#[derive(Resource, Debug, Clone, Default)]
pub struct Watch {
    pub wake: Arc<OnceLock<WakeFn>>,
    pub added: Arc<Mutex<Vec<PathBuf>>>,
}

/// What wakes the window.
pub struct WakeFn(pub Box<dyn Fn() + Send + Sync>);

impl std::fmt::Debug for WakeFn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WakeFn")
    }
}

/// Makes the library folder Bevy's default asset source, watched by Bevy's file watcher. Call
/// before `AssetPlugin` is added, and add it with [`asset_plugin`]. Where the system refuses a
/// watcher (too many watched folders), the library works without hot reload and says so in the log.
pub fn asset_source(app: &mut App, dir: &Path) {
    let root = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let watch = Watch::default();
    let (woken, added) = (watch.wake.clone(), watch.added.clone());
    let watched = root.clone();
    let source = AssetSourceBuilder::new(AssetSource::get_default_reader(root.display().to_string())).with_watcher(move |sender| {
        let (tx, rx) = async_channel::unbounded::<AssetSourceEvent>();
        let watcher = match FileWatcher::new(watched.clone(), tx, Duration::from_millis(300)) {
            Ok(w) => w,
            Err(e) => {
                warn!("edited scenario files will not reload: cannot watch {}: {e}", watched.display());
                return None;
            }
        };
        // Passes each event on to the asset server, notes new scenario files, and wakes the
        // window, which may be asleep.
        let (woken, added) = (woken.clone(), added.clone());
        std::thread::spawn(move || {
            while let Ok(event) = rx.recv_blocking() {
                if let AssetSourceEvent::AddedAsset(path) = &event
                    && path.extension().is_some_and(|e| e == "ron")
                    && let Ok(mut added) = added.lock()
                {
                    added.push(path.clone());
                }
                if sender.send_blocking(event).is_err() {
                    return;
                }
                if let Some(w) = woken.get() {
                    (w.0)();
                }
            }
        });
        Some(Box::new(watcher))
    });
    app.register_asset_source(bevy::asset::io::AssetSourceId::Default, source).insert_resource(watch);
}

/// Bevy's asset plugin for the library folder, watching it for saved files.
pub fn asset_plugin(dir: &Path) -> AssetPlugin {
    let root = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    AssetPlugin {
        file_path: root.display().to_string(),
        watch_for_changes_override: Some(true),
        // Scenario files have no `.meta` files: do not look for them.
        meta_check: AssetMetaCheck::Never,
        ..default()
    }
}

pub(super) fn plugin(app: &mut App) {
    let dir = app.world().get_resource::<LibraryDir>().map_or_else(|| PathBuf::from("scenarios"), |d| d.0.clone());
    app.init_asset::<ScenarioFile>()
        .register_asset_loader(ScenarioLoader { dir })
        .init_resource::<Files>()
        .add_systems(Startup, scan)
        .add_systems(
            Update,
            (load_files.run_if(drawn.and_then(run_once)), load_added, apply_changes)
                .chain()
                .in_set(AppSystems::ApplyIntents)
                .before(super::flow::apply_intents),
        );
}

/// Lists the folder at once, so the first frame shows the library.
fn scan(mut commands: Commands, dir: Option<Res<LibraryDir>>) {
    let dir = dir.map_or_else(|| PathBuf::from("scenarios"), |d| d.0.clone());
    commands.insert_resource(Library::scan(&dir));
}

/// Once the first frame is drawn (the scenario files load after it, not competing with it).
fn drawn(frames: Res<bevy::diagnostic::FrameCount>) -> bool {
    frames.0 >= 1
}

/// Asks Bevy to load each scenario file the library lists, which its file watcher then reloads
/// when saved. The first load of each brings what the library already has and changes nothing.
fn load_files(dir: Option<Res<LibraryDir>>, library: Option<Res<Library>>, server: Res<AssetServer>, mut files: ResMut<Files>) {
    let (Some(dir), Some(library)) = (dir, library) else { return };
    let paths = library.entries.iter().filter_map(|e| e.path.strip_prefix(&dir.0).ok());
    files.0.extend(paths.map(|p| server.load(p.to_path_buf())));
}

/// Loads the scenario files saved into the folder since it was listed.
fn load_added(watch: Option<Res<Watch>>, server: Res<AssetServer>, mut files: ResMut<Files>) {
    let Some(added) = watch.and_then(|w| w.added.lock().ok().map(|mut a| std::mem::take(&mut *a))) else { return };
    for path in added {
        files.0.push(server.load(path));
    }
}

/// Takes in scenario files Bevy (re)loaded: new files join the library, edited ones replace
/// their entry and reach the run being played.
fn apply_changes(
    mut events: MessageReader<AssetEvent<ScenarioFile>>,
    mut files: ResMut<Assets<ScenarioFile>>,
    library: Option<ResMut<Library>>,
    mut run: Option<ResMut<ActiveRun>>,
    mut view: Option<ResMut<PlayView>>,
) {
    let Some(mut library) = library else { return };
    for event in events.read() {
        let (AssetEvent::Added { id } | AssetEvent::Modified { id }) = event else { continue };
        // Taken out without a change event: the library holds it from now on.
        let Some(loaded) = files.get_mut_untracked(*id).and_then(|f| f.0.take()) else { continue };
        let Some(entry) = library.apply(loaded).cloned() else { continue };
        if let Some(r) = run.as_mut()
            && r.path == entry.path
        {
            reload_run(r, view.as_deref_mut(), &entry);
        }
    }
}

/// Applies a reloaded file to the run being played and remaps its view.
pub fn reload_run(run: &mut ActiveRun, view: Option<&mut PlayView>, entry: &Entry) {
    let Some(scenario) = entry.loaded.playable() else {
        run.reload_problem = Some(ReloadProblem::Invalid(Box::new(entry.clone())));
        return;
    };
    let compiled = Arc::new(Compiled::new(scenario.clone()));
    match Session::carry_over(compiled.clone(), &run.session.state()) {
        Ok(session) => {
            let role = compiled.scenario.roles[session.run().role].id.clone();
            run.scoring = super::flow::explore(&compiled, &role);
            let old = std::mem::replace(&mut run.compiled, compiled);
            run.session = session;
            run.reload_problem = None;
            // A class's open vote follows the choices the edit left.
            run.sync();
            if let Some(view) = view {
                view.remap(&old, run);
            }
        }
        Err(e) => run.reload_problem = Some(ReloadProblem::Refused(e)),
    }
}
