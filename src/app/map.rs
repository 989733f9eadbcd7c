//! The scenario map in the app: the library's scenario card and the instructor console ask for
//! a map (one role, one language, the current scene marked during a class); it is explored, laid
//! out and kept here, made on Bevy's compute task pool so the window never waits for it.

use super::flow::Intent;
use crate::engine::Compiled;
use crate::engine::analysis::analyse;
use crate::lang::Lang;
use crate::present::graph::{Laid, Map, Marks, layout};
use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, block_on, futures_lite::future};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Which map: a scenario file at one version, for one role, in one language, with a scene marked.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MapKey {
    pub path: PathBuf,
    /// The scenario's content hash: an edited file gets a new map.
    pub version: String,
    pub role: usize,
    pub lang: Lang,
    pub current: Option<usize>,
}

/// A map ready to paint, with what the analysis says beside it.
#[derive(Debug)]
pub struct Shown {
    pub map: Map,
    pub laid: Laid,
    /// Endings reached out of the role's endings.
    pub endings: (usize, usize),
    /// Whether every road could be explored (otherwise greys follow the scene graph only).
    pub explored: bool,
    /// What the analysis says an author should fix (as `shapan analyze` reports it).
    pub problems: Vec<crate::scenario::diagnostic::Finding>,
}

/// Maps made and being made.
#[derive(Resource, Default, Debug)]
pub struct Maps {
    ready: HashMap<MapKey, Arc<Shown>>,
    pending: HashMap<MapKey, Task<Shown>>,
}

impl Maps {
    pub fn get(&self, key: &MapKey) -> Option<&Arc<Shown>> {
        self.ready.get(key)
    }

    pub fn is_pending(&self, key: &MapKey) -> bool {
        self.pending.contains_key(key)
    }

    /// Whether a map of this file is made and none is being made.
    pub fn ready_for(&self, path: &std::path::Path) -> bool {
        self.ready.keys().any(|k| k.path == path) && !self.pending.keys().any(|k| k.path == path)
    }

    /// Starts making the map unless it is made or being made.
    pub fn request(&mut self, key: MapKey, compiled: Arc<Compiled>) {
        if self.ready.contains_key(&key) || self.pending.contains_key(&key) {
            return;
        }
        let (role, lang, current) = (key.role, key.lang, key.current);
        let task = AsyncComputeTaskPool::get().spawn(async move { make(&compiled, role, lang, current) });
        self.pending.insert(key, task);
    }
}

/// Explores every road for the role, then builds and lays out the map.
pub fn make(c: &Compiled, role: usize, lang: Lang, current: Option<usize>) -> Shown {
    let analysis = analyse(c, Some(role));
    let report = analysis.roles.first();
    let mut marks = report.map_or_else(|| Marks::structural(c, role), |r| Marks::explored(c, r));
    marks.current = current;
    let map = Map::build(c, role, lang, &marks);
    let laid = layout(&map);
    let endings = report.map_or((0, 0), |r| (r.endings.iter().filter(|e| e.reached).count(), r.endings.len()));
    let explored = report.is_some_and(|r| r.explored);
    Shown { map, laid, endings, explored, problems: analysis.findings }
}

/// A view's request for a map it wants to show.
#[derive(Clone, Debug)]
pub struct WantMap {
    pub key: MapKey,
    pub compiled: Arc<Compiled>,
}

impl PartialEq for WantMap {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Maps>().add_systems(Update, (request, receive).chain());
}

fn request(mut intents: MessageReader<Intent>, mut maps: ResMut<Maps>) {
    for intent in intents.read() {
        if let Intent::WantMap(want) = intent {
            maps.request(want.key.clone(), want.compiled.clone());
        }
    }
}

fn receive(mut maps: ResMut<Maps>, mut redraw: MessageWriter<bevy::window::RequestRedraw>) {
    let done: Vec<MapKey> = maps.pending.iter_mut().filter_map(|(k, t)| t.is_finished().then(|| k.clone())).collect();
    for key in done {
        if let Some(task) = maps.pending.remove(&key)
            && let Some(shown) = block_on(future::poll_once(task))
        {
            maps.ready.insert(key, Arc::new(shown));
            redraw.write(bevy::window::RequestRedraw);
        }
    }
    // While a map is being made, look again next frame (the app otherwise sleeps).
    if !maps.pending.is_empty() {
        redraw.write(bevy::window::RequestRedraw);
    }
}
