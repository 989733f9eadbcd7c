//! Results that last: an embedded SQLite database (bundled, nothing to install) in the user's
//! data folder. Every decision is written together with the run's saved state in one
//! transaction, so a crash loses at most the decision being made. A database that is damaged,
//! locked by another Shapan or written by a newer one is refused with a clear message and never
//! overwritten. No Bevy here.

pub mod export;
mod schema;

use crate::engine::SessionState;
use crate::engine::state::DecisionRecord;
use crate::engine::vote::Vote;
use crate::i18n::{Localize, Message};
use crate::msg;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use schema::SCHEMA_VERSION;

/// The database file's name inside the data folder.
pub const FILE_NAME: &str = "shapan.sqlite";

/// Why the records cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum RecordsError {
    /// The file is not a SQLite database (or is damaged).
    #[error("{path} is not a readable Shapan database ({detail}); it was left untouched: move it aside to start a new one", path = .0.display(), detail = .1)]
    Damaged(PathBuf, String),
    /// Another program holds the database longer than the busy timeout.
    #[error("{} is in use by another program; close the other Shapan and try again", .0.display())]
    Locked(PathBuf),
    /// Written by a newer Shapan: this one must not touch it.
    #[error("{} was written by a newer Shapan (schema {found}, this one reads up to {SCHEMA_VERSION}); it was left untouched", path.display())]
    Newer { path: PathBuf, found: i64 },
    #[error("{path}: {detail}", path = .0.display(), detail = .1)]
    Io(PathBuf, String),
    #[error("database error: {0}")]
    Sql(String),
}

impl Localize for RecordsError {
    fn message(&self) -> Message {
        match self {
            RecordsError::Damaged(p, e) => msg!("error-records-damaged", path = p.display().to_string(), detail = e),
            RecordsError::Locked(p) => msg!("error-records-locked", path = p.display().to_string()),
            RecordsError::Newer { path, found } => {
                msg!("error-records-newer", path = path.display().to_string(), found = *found, known = SCHEMA_VERSION)
            }
            RecordsError::Io(p, e) => msg!("error-records-io", path = p.display().to_string(), detail = e),
            RecordsError::Sql(e) => msg!("error-records-sql", detail = e),
        }
    }
}

/// Where the records live: `--data-dir`, else `SHAPAN_DATA_DIR`, else the platform's data folder.
pub fn data_dir(explicit: Option<&Path>) -> PathBuf {
    if let Some(p) = explicit {
        return p.to_path_buf();
    }
    if let Some(p) = std::env::var_os("SHAPAN_DATA_DIR").filter(|v| !v.is_empty()) {
        return PathBuf::from(p);
    }
    if let Some(p) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        return PathBuf::from(p).join("shapan");
    }
    if let Some(p) = std::env::var_os("APPDATA").filter(|v| !v.is_empty()) {
        return PathBuf::from(p).join("Shapan");
    }
    match std::env::var_os("HOME") {
        Some(home) => PathBuf::from(home).join(".local/share/shapan"),
        None => PathBuf::from(".shapan"),
    }
}

/// Who played and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunInfo {
    pub scenario_path: String,
    pub trainee: String,
    pub group: String,
    pub language: String,
    /// `solo` or `class`.
    pub mode: String,
}

/// A run a crash interrupted: where it stands and who was playing it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unfinished {
    pub id: i64,
    pub path: String,
    pub state: SessionState,
    /// A class was playing (its votes so far stay in the records; the resumed run starts fresh ones).
    pub class: bool,
    pub trainee: String,
    pub group: String,
}

/// One recorded run, as listed.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct RunRow {
    pub id: i64,
    pub scenario: String,
    pub trainee: String,
    pub group: String,
    pub mode: String,
    pub complete: bool,
    pub ending: Option<String>,
    pub grade: Option<String>,
    pub total: Option<f64>,
    pub decisions: i64,
    pub started: String,
}

/// The open records database.
#[derive(Debug)]
pub struct Records {
    conn: Connection,
    path: PathBuf,
}

fn now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    // UTC, ISO 8601, without a date library.
    let days = secs / 86_400;
    let (h, m, s) = ((secs % 86_400) / 3600, (secs % 3600) / 60, secs % 60);
    let (y, mo, d) = civil(days as i64);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{m:02}:{s:02}Z")
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's `civil_from_days`.
fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn sql(e: rusqlite::Error) -> RecordsError {
    RecordsError::Sql(e.to_string())
}

impl Records {
    /// Opens (or creates) the database in `dir`, migrating an older schema. Another process
    /// creating or migrating the same database at that moment is waited for (up to 10 s).
    pub fn open(dir: &Path) -> Result<Records, RecordsError> {
        let mut tries = 0;
        loop {
            match Records::try_open(dir) {
                Err(RecordsError::Locked(_)) if tries < 100 => {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(100));
                }
                other => return other,
            }
        }
    }

    fn try_open(dir: &Path) -> Result<Records, RecordsError> {
        std::fs::create_dir_all(dir).map_err(|e| RecordsError::Io(dir.to_path_buf(), e.to_string()))?;
        let path = dir.join(FILE_NAME);
        let conn = Connection::open(&path).map_err(|e| RecordsError::Damaged(path.clone(), e.to_string()))?;
        conn.busy_timeout(Duration::from_secs(5)).map_err(sql)?;
        let classify = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => RecordsError::Locked(path.clone()),
            Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
                RecordsError::Damaged(path.clone(), e.to_string())
            }
            _ => RecordsError::Sql(e.to_string()),
        };
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(classify)?;
        if version > SCHEMA_VERSION {
            return Err(RecordsError::Newer { path, found: version });
        }
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).map_err(classify)?;
        if !mode.eq_ignore_ascii_case("wal") {
            conn.pragma_update(None, "journal_mode", "WAL").map_err(classify)?;
        }
        conn.pragma_update(None, "foreign_keys", "ON").map_err(classify)?;
        schema::migrate(&conn, version).map_err(classify)?;
        Ok(Records { conn, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn person(&self, table: &str, name: &str) -> Result<Option<i64>, RecordsError> {
        if name.trim().is_empty() {
            return Ok(None);
        }
        self.conn.execute(&format!("INSERT OR IGNORE INTO {table} (name) VALUES (?1)"), params![name]).map_err(sql)?;
        self.conn.query_row(&format!("SELECT id FROM {table} WHERE name = ?1"), params![name], |r| r.get(0)).map(Some).map_err(sql)
    }

    /// Records the start of a run; returns its id.
    pub fn start(&self, info: &RunInfo, state: &SessionState) -> Result<i64, RecordsError> {
        let trainee = self.person("trainees", &info.trainee)?;
        let group = self.person("groups", &info.group)?;
        let json = serde_json::to_string(state).map_err(|e| RecordsError::Sql(e.to_string()))?;
        self.conn
            .execute(
                "INSERT INTO sessions (scenario_id, scenario_path, content_hash, language, role, seed, mode, trainee_id, group_id, started_at, state)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![state.scenario, info.scenario_path, state.content_hash, info.language, state.role, state.seed as i64, info.mode, trainee, group, now(), json],
            )
            .map_err(sql)?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records one decision and saves the run's state, in one transaction.
    /// Records a decision (with the class's votes, if a class took it) and the state after it.
    pub fn decision(
        &mut self,
        run: i64,
        seq: usize,
        d: &DecisionRecord,
        vote: Option<&Vote>,
        state: &SessionState,
    ) -> Result<(), RecordsError> {
        let json = serde_json::to_string(state).map_err(|e| RecordsError::Sql(e.to_string()))?;
        let votes = vote.map(serde_json::to_string).transpose().map_err(|e| RecordsError::Sql(e.to_string()))?;
        let tx = self.conn.transaction().map_err(sql)?;
        tx.execute(
            "INSERT INTO decisions (session_id, seq, scene, choice, ms, votes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![run, seq as i64, d.scene, d.choice, d.ms as i64, votes],
        )
        .map_err(sql)?;
        tx.execute("UPDATE sessions SET state = ?1 WHERE id = ?2", params![json, run]).map_err(sql)?;
        tx.commit().map_err(sql)
    }

    /// Records the class's prediction of decision `seq`, counted after the decision was written.
    pub fn prediction(&mut self, run: i64, seq: usize, p: &PredictionRecord) -> Result<(), RecordsError> {
        let json = serde_json::to_string(p).map_err(|e| RecordsError::Sql(e.to_string()))?;
        self.conn
            .execute("UPDATE decisions SET prediction = ?1 WHERE session_id = ?2 AND seq = ?3", params![json, run, seq as i64])
            .map_err(sql)?;
        Ok(())
    }

    /// Records how a run ended, with its scores and the red lines it crossed (scene and choice
    /// ids; no choice when the timer ran out). `ending` is `None` when the instructor stopped
    /// the run early (skipping to the debrief): it is then no longer offered for resuming.
    pub fn finish(
        &mut self,
        run: i64,
        ending: Option<&str>,
        grade: &str,
        total: f64,
        scores: &[(String, i64, f64)],
        red_lines: &[RedLineRow],
    ) -> Result<(), RecordsError> {
        let tx = self.conn.transaction().map_err(sql)?;
        tx.execute(
            "UPDATE sessions SET ended_at = ?1, ending = ?2, grade = ?3, total = ?4 WHERE id = ?5",
            params![now(), ending, grade, total, run],
        )
        .map_err(sql)?;
        for (competency, raw, score) in scores {
            tx.execute(
                "INSERT OR REPLACE INTO scores (session_id, competency, raw, score) VALUES (?1, ?2, ?3, ?4)",
                params![run, competency, raw, score],
            )
            .map_err(sql)?;
        }
        for (seq, r) in red_lines.iter().enumerate() {
            tx.execute(
                "INSERT OR REPLACE INTO red_lines (session_id, seq, scene, choice) VALUES (?1, ?2, ?3, ?4)",
                params![run, seq as i64, r.scene, r.choice],
            )
            .map_err(sql)?;
        }
        tx.commit().map_err(sql)
    }

    /// Marks a run that did not end as stopped on purpose (the instructor left it): it keeps its
    /// decisions but is no longer offered for resuming.
    pub fn stop(&mut self, run: i64) -> Result<(), RecordsError> {
        self.conn
            .execute("UPDATE sessions SET ended_at = ?1 WHERE id = ?2 AND ended_at IS NULL", params![now(), run])
            .map(|_| ())
            .map_err(sql)
    }

    /// The latest run that did not end (a crash), to resume.
    pub fn latest_interrupted(&self) -> Result<Option<Unfinished>, RecordsError> {
        let row: Option<(i64, String, String, String, String, String)> = self
            .conn
            .query_row(
                "SELECT s.id, s.scenario_path, s.state, s.mode, COALESCE(t.name, ''), COALESCE(g.name, '')
                 FROM sessions s LEFT JOIN trainees t ON t.id = s.trainee_id LEFT JOIN groups g ON g.id = s.group_id
                 WHERE s.ended_at IS NULL ORDER BY s.id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
            )
            .optional()
            .map_err(sql)?;
        match row {
            None => Ok(None),
            Some((id, path, json, mode, trainee, group)) => {
                let state = serde_json::from_str(&json).map_err(|e| RecordsError::Sql(format!("run {id}: {e}")))?;
                Ok(Some(Unfinished { id, path, state, class: mode == "class", trainee, group }))
            }
        }
    }

    /// Every run, newest first.
    pub fn list(&self) -> Result<Vec<RunRow>, RecordsError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT s.id, s.scenario_id, COALESCE(t.name, ''), COALESCE(g.name, ''), s.mode, s.ending IS NOT NULL, s.ending, s.grade, s.total,
                        (SELECT COUNT(*) FROM decisions d WHERE d.session_id = s.id), s.started_at
                 FROM sessions s LEFT JOIN trainees t ON t.id = s.trainee_id LEFT JOIN groups g ON g.id = s.group_id
                 ORDER BY s.id DESC",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok(RunRow {
                    id: r.get(0)?,
                    scenario: r.get(1)?,
                    trainee: r.get(2)?,
                    group: r.get(3)?,
                    mode: r.get(4)?,
                    complete: r.get(5)?,
                    ending: r.get(6)?,
                    grade: r.get(7)?,
                    total: r.get(8)?,
                    decisions: r.get(9)?,
                    started: r.get(10)?,
                })
            })
            .map_err(sql)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(sql)
    }
}

/// One recorded decision.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DecisionRow {
    pub session: i64,
    pub seq: i64,
    pub scene: String,
    pub choice: Option<String>,
    pub ms: i64,
    /// Class votes per round, as recorded (none for solo runs).
    pub votes: Option<serde_json::Value>,
    /// The class's prediction of what the decision would lead to, when one was taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prediction: Option<PredictionRecord>,
}

/// A class's prediction as kept: the engine's counts and answer, with the outcomes' texts in
/// the run's language and whether the class was right, so the record reads without the scenario.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PredictionRecord {
    #[serde(flatten)]
    pub prediction: crate::engine::predict::Prediction,
    pub outcomes: Vec<String>,
    pub right: Option<bool>,
}

/// One run with its decisions and scores.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct RunDetail {
    #[serde(flatten)]
    pub run: RunRow,
    pub role: String,
    pub language: String,
    pub seed: i64,
    pub ended: Option<String>,
    pub scores: Vec<ScoreRow>,
    pub decisions: Vec<DecisionRow>,
    pub red_lines: Vec<RedLineRow>,
    /// How the class predicted: predictions taken and those it got right.
    pub predictions: crate::engine::predict::Tally,
}

/// A red line a run crossed: the scene, and the option taken (`None`: the timer ran out).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct RedLineRow {
    pub scene: String,
    pub choice: Option<String>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ScoreRow {
    pub competency: String,
    pub raw: i64,
    pub score: f64,
}

impl Records {
    /// Every decision of the run `id` (or of every run), in order.
    pub fn decisions(&self, id: Option<i64>) -> Result<Vec<DecisionRow>, RecordsError> {
        let mut stmt = self
            .conn
            .prepare("SELECT session_id, seq, scene, choice, ms, votes, prediction FROM decisions WHERE ?1 IS NULL OR session_id = ?1 ORDER BY session_id, seq")
            .map_err(sql)?;
        let rows = stmt
            .query_map(params![id], |r| {
                let votes: Option<String> = r.get(5)?;
                Ok(DecisionRow {
                    session: r.get(0)?,
                    seq: r.get(1)?,
                    scene: r.get(2)?,
                    choice: r.get(3)?,
                    ms: r.get(4)?,
                    votes: votes.and_then(|v| serde_json::from_str(&v).ok()),
                    prediction: r.get::<_, Option<String>>(6)?.and_then(|p| serde_json::from_str(&p).ok()),
                })
            })
            .map_err(sql)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(sql)
    }

    /// The saved state and scenario file of the run `id`.
    pub fn state(&self, id: i64) -> Result<Option<(String, SessionState)>, RecordsError> {
        let row: Option<(String, String)> = self
            .conn
            .query_row("SELECT scenario_path, state FROM sessions WHERE id = ?1", params![id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(sql)?;
        row.map(|(p, json)| serde_json::from_str(&json).map(|s| (p, s)).map_err(|e| RecordsError::Sql(e.to_string()))).transpose()
    }

    /// Scores of the run `id`, in the order they were recorded.
    pub fn scores(&self, id: i64) -> Result<Vec<ScoreRow>, RecordsError> {
        let mut stmt = self.conn.prepare("SELECT competency, raw, score FROM scores WHERE session_id = ?1 ORDER BY rowid").map_err(sql)?;
        let rows =
            stmt.query_map(params![id], |r| Ok(ScoreRow { competency: r.get(0)?, raw: r.get(1)?, score: r.get(2)? })).map_err(sql)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(sql)
    }

    /// The red lines the run `id` crossed, in the order taken.
    pub fn red_lines(&self, id: i64) -> Result<Vec<RedLineRow>, RecordsError> {
        let mut stmt = self.conn.prepare("SELECT scene, choice FROM red_lines WHERE session_id = ?1 ORDER BY seq").map_err(sql)?;
        let rows = stmt.query_map(params![id], |r| Ok(RedLineRow { scene: r.get(0)?, choice: r.get(1)? })).map_err(sql)?;
        rows.collect::<Result<Vec<_>, _>>().map_err(sql)
    }

    /// One run in full, if it exists.
    pub fn show(&self, id: i64) -> Result<Option<RunDetail>, RecordsError> {
        let Some(run) = self.list()?.into_iter().find(|r| r.id == id) else { return Ok(None) };
        let (role, language, seed, ended): (String, String, i64, Option<String>) = self
            .conn
            .query_row("SELECT role, language, seed, ended_at FROM sessions WHERE id = ?1", params![id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .map_err(sql)?;
        let decisions = self.decisions(Some(id))?;
        let predictions = crate::engine::predict::Tally::of(decisions.iter().filter_map(|d| d.prediction.as_ref().map(|p| &p.prediction)));
        Ok(Some(RunDetail {
            role,
            language,
            seed,
            ended,
            scores: self.scores(id)?,
            predictions,
            decisions,
            red_lines: self.red_lines(id)?,
            run,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_civil() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(20_454), (2026, 1, 1));
        assert_eq!(civil(20_782), (2026, 11, 25));
    }
}
