//! The schema and its migrations, versioned with SQLite's `user_version`. Each step upgrades
//! one version inside a transaction; a database is never recreated.

use rusqlite::Connection;

/// The schema version this Shapan writes.
pub const SCHEMA_VERSION: i64 = 3;

const V1: &str = "
CREATE TABLE trainees (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE groups (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    scenario_id TEXT NOT NULL,
    scenario_path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    language TEXT NOT NULL,
    role TEXT NOT NULL,
    seed INTEGER NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('solo', 'class')),
    trainee_id INTEGER REFERENCES trainees(id),
    group_id INTEGER REFERENCES groups(id),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    ending TEXT,
    grade TEXT,
    total REAL,
    state TEXT NOT NULL
);
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    scene TEXT NOT NULL,
    choice TEXT,
    ms INTEGER NOT NULL,
    votes TEXT,
    UNIQUE (session_id, seq)
);
CREATE TABLE scores (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    competency TEXT NOT NULL,
    raw INTEGER NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (session_id, competency)
);
CREATE INDEX sessions_by_scenario ON sessions (scenario_id);
";

/// Version 2: the red lines a finished run crossed (`choice` is NULL when the timer ran out).
const V2: &str = "
CREATE TABLE red_lines (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    scene TEXT NOT NULL,
    choice TEXT,
    PRIMARY KEY (session_id, seq)
);
";

/// Version 3: a class's prediction of what each decision would lead to (JSON, like `votes`).
const V3: &str = "
ALTER TABLE decisions ADD COLUMN prediction TEXT;
";

/// Every step, in order: step `i` upgrades version `i` to `i + 1`.
const STEPS: [&str; 3] = [V1, V2, V3];

/// Brings a database at `from` up to `SCHEMA_VERSION`. The version is read again under the
/// write lock, so two processes opening a new database at once migrate it once.
pub fn migrate(conn: &Connection, from: i64) -> rusqlite::Result<()> {
    if from >= SCHEMA_VERSION {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let result = (|| {
        let now: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        for (i, step) in STEPS.iter().enumerate().skip(now.max(0) as usize) {
            conn.execute_batch(&format!("{step} PRAGMA user_version = {};", i as i64 + 1))?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => conn.execute_batch("COMMIT"),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}
