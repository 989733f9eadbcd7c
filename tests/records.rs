//! The results database: created and migrated, never overwritten when damaged or newer, runs
//! recorded by `shapan play`, and a run killed with SIGKILL resumed with nothing lost.

use shapan::records::{FILE_NAME, Records, RecordsError, SCHEMA_VERSION};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TUTORIAL: &str = "scenarios/tutorial/water_rumour_quick.ron";

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("shapan-records-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn shapan(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_shapan"))
        .args(args)
        .arg("--data-dir")
        .arg(dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn an_empty_folder_gets_the_current_schema() {
    let dir = temp("fresh");
    let r = Records::open(&dir).unwrap();
    assert!(r.list().unwrap().is_empty());
    drop(r);
    let conn = rusqlite::Connection::open(dir.join(FILE_NAME)).unwrap();
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    // Opening again does not migrate twice.
    assert!(Records::open(&dir).is_ok());
}

#[test]
fn a_newer_or_damaged_database_is_refused_and_left_untouched() {
    let dir = temp("newer");
    {
        let conn = rusqlite::Connection::open(dir.join(FILE_NAME)).unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;").unwrap();
    }
    let before = std::fs::read(dir.join(FILE_NAME)).unwrap();
    assert!(matches!(Records::open(&dir), Err(RecordsError::Newer { found: 99, .. })));
    assert_eq!(std::fs::read(dir.join(FILE_NAME)).unwrap(), before);

    let dir = temp("damaged");
    let garbage = b"this is not a database, it is a class list someone saved here".repeat(200);
    std::fs::write(dir.join(FILE_NAME), &garbage).unwrap();
    let err = Records::open(&dir).unwrap_err();
    assert!(matches!(err, RecordsError::Damaged(..)), "{err}");
    assert_eq!(std::fs::read(dir.join(FILE_NAME)).unwrap(), garbage, "never overwritten");
    let out = shapan(&dir, &["play", TUTORIAL, "--choices", "1,1", "--record"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("untouched"));
}

#[test]
fn play_records_every_run_with_trainee_group_and_result() {
    let dir = temp("play");
    let out = shapan(
        &dir,
        // By id: the numbers follow the seed's order, and this run must be the best road.
        &[
            "play",
            TUTORIAL,
            "--seed",
            "1",
            "--choices",
            "call_water_company,plain_notice",
            "--record",
            "--trainee",
            "李明",
            "--group",
            "第一组",
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let out = shapan(&dir, &["play", TUTORIAL, "--seed", "1", "--choices", "call_water_company", "--record"]);
    assert_eq!(out.status.code(), Some(3));
    let list = shapan(&dir, &["records", "list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let done = &rows[1];
    assert_eq!(done["trainee"], "李明");
    assert_eq!(done["group"], "第一组");
    assert_eq!(done["complete"], true);
    assert_eq!(done["ending"], "calm");
    assert_eq!(done["grade"], "excellent");
    assert_eq!(done["total"], 100.0);
    assert_eq!(done["decisions"], 2);
    assert_eq!(rows[0]["complete"], false);
    assert_eq!(rows[0]["decisions"], 1, "the decision before stopping is kept");
    let text = String::from_utf8(shapan(&dir, &["--lang", "zh-CN", "records", "list"]).stdout).unwrap();
    assert!(text.contains("李明") && text.contains("（未完成）"), "{text}");
}

/// An author trying a scenario unattended does not fill the class's records unless asked;
/// a trainee playing at the terminal is always recorded.
#[test]
fn only_interactive_play_is_recorded_unless_asked() {
    let dir = temp("trial");
    let runs = |dir: &Path| Records::open(dir).unwrap().list().unwrap().len();
    let transcript = dir.join("run.json");
    let t = transcript.to_str().unwrap();
    for args in [
        vec!["play", TUTORIAL, "--seed", "1", "--policy", "first"],
        vec!["play", TUTORIAL, "--seed", "1", "--choices", "1,1", "--transcript", t],
        vec!["play", TUTORIAL, "--replay", t],
    ] {
        let out = shapan(&dir, &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(runs(&dir), 0, "trial runs are not recorded");
    for args in [
        vec!["play", TUTORIAL, "--seed", "1", "--policy", "first", "--record"],
        vec!["play", TUTORIAL, "--seed", "1", "--choices", "1,1", "--record"],
        vec!["play", TUTORIAL, "--replay", t, "--record"],
    ] {
        let out = shapan(&dir, &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let list = Records::open(&dir).unwrap().list().unwrap();
    assert_eq!(list.len(), 3, "--record records each of them");
    assert!(list.iter().all(|r| r.complete && r.decisions == 2), "the replay is recorded whole, with its decisions");
    let mut child = Command::new(env!("CARGO_BIN_EXE_shapan"))
        .args(["play", TUTORIAL, "--seed", "1", "--data-dir"])
        .arg(&dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"1\n1\n").unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert_eq!(runs(&dir), 4, "interactive play is recorded as before");
}

#[test]
fn a_run_killed_mid_way_resumes_with_nothing_lost() {
    let dir = temp("kill");
    let mut child = Command::new(env!("CARGO_BIN_EXE_shapan"))
        .args(["play", TUTORIAL, "--seed", "1", "--data-dir"])
        .arg(&dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Two decisions (with this seed denying leads to `spreading`), then the process dies while
    // the trainee thinks about the third.
    stdin.write_all(b"deny_at_once\nverify_late\n").unwrap();
    stdin.flush().unwrap();
    let decisions = || -> i64 {
        let Ok(r) = Records::open(&dir) else { return 0 };
        r.list().ok().and_then(|l| l.first().map(|x| x.decisions)).unwrap_or(0)
    };
    let started = Instant::now();
    while decisions() < 2 && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(decisions(), 2, "both decisions reached the database");
    // SIGKILL: no chance to clean up.
    child.kill().unwrap();
    let _ = child.wait();
    drop(stdin);
    let out = shapan(&dir, &["play", "--resume", "--policy", "first", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let path: Vec<&str> = d["path"].as_array().unwrap().iter().map(|s| s["choice"].as_str().unwrap_or("t")).collect();
    assert_eq!(path[..2], ["deny_at_once", "verify_late"], "the decisions made before the kill are part of the run");
    assert!(path.len() >= 3);
    assert_eq!(d["complete"], true);
    let rows: serde_json::Value = serde_json::from_slice(&shapan(&dir, &["records", "list", "--json"]).stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1, "resumed, not started again");
    assert_eq!(rows[0]["complete"], true);
    assert_eq!(rows[0]["decisions"].as_u64(), Some(path.len() as u64), "every decision recorded once");
    let again = shapan(&dir, &["play", "--resume"]);
    assert_eq!(again.status.code(), Some(1), "nothing left to resume");
}

#[test]
fn show_and_csv_exports_read_back_with_chinese_text() {
    let dir = temp("export");
    shapan(
        &dir,
        &[
            "play",
            TUTORIAL,
            "--seed",
            "1",
            "--choices",
            "call_water_company,plain_notice",
            "--record",
            "--trainee",
            "张三, \"老张\"",
            "--group",
            "第二组",
        ],
    );
    shapan(&dir, &["play", TUTORIAL, "--seed", "1", "--choices", "t,1,2", "--record", "--trainee", "李四"]);
    let show: serde_json::Value = serde_json::from_slice(&shapan(&dir, &["records", "show", "1", "--json"]).stdout).unwrap();
    assert_eq!(show["trainee"], "张三, \"老张\"");
    assert_eq!(show["decisions"].as_array().unwrap().len(), 2);
    assert_eq!(show["decisions"][0]["choice"], "call_water_company");
    assert!(show["decisions"][0]["votes"].is_null(), "a solo run has no votes");
    assert_eq!(show["scores"].as_array().unwrap().len(), 3);
    assert_eq!(shapan(&dir, &["records", "show", "99"]).status.code(), Some(1));

    let runs = dir.join("runs.csv");
    assert_eq!(shapan(&dir, &["records", "export", "--csv", runs.to_str().unwrap()]).status.code(), Some(0));
    let bytes = std::fs::read(&runs).unwrap();
    assert_eq!(&bytes[..3], b"\xef\xbb\xbf", "a byte-order mark, so Excel and WPS read UTF-8");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for col in ["id", "scenario", "trainee", "group", "ending", "grade", "total", "score:timeliness", "score:accuracy", "score:mass_work"] {
        assert!(head.contains(&col.to_string()), "{col} in {head:?}");
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("trainee")], "张三, \"老张\"", "quotes and commas survive");
    assert_eq!(&rows[0][col("group")], "第二组");
    assert_eq!(&rows[0][col("ending")], "calm");
    assert_eq!(&rows[0][col("score:timeliness")], "100.0");
    assert_eq!(&rows[1][col("trainee")], "李四");

    let decisions = dir.join("decisions.csv");
    assert_eq!(shapan(&dir, &["records", "export", "--csv", decisions.to_str().unwrap(), "--decisions"]).status.code(), Some(0));
    let bytes = std::fs::read(&decisions).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(&rows[2][6], "(timeout)");
    assert_eq!(&rows[2][3], "");
}

#[test]
fn concurrent_writers_do_not_corrupt_the_database() {
    let dir = temp("concurrent");
    let children: Vec<_> = (0..4)
        .map(|i| {
            Command::new(env!("CARGO_BIN_EXE_shapan"))
                .args([
                    "play",
                    TUTORIAL,
                    "--seed",
                    &i.to_string(),
                    "--policy",
                    "random",
                    "--record",
                    "--trainee",
                    &format!("学员{i}"),
                    "--data-dir",
                ])
                .arg(&dir)
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let r = Records::open(&dir).unwrap();
    let runs = r.list().unwrap();
    assert_eq!(runs.len(), 4);
    assert!(runs.iter().all(|x| x.complete && x.decisions >= 2));
    let conn = rusqlite::Connection::open(dir.join(FILE_NAME)).unwrap();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn a_printable_debrief_is_one_self_contained_page() {
    let dir = temp("html");
    shapan(&dir, &["play", TUTORIAL, "--seed", "1", "--choices", "1,1", "--record", "--trainee", "李明<script>", "--group", "第一组"]);
    let page = dir.join("debrief.html");
    let out = shapan(&dir, &["--lang", "zh-CN", "records", "html", "1", "--out", page.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("李明&lt;script&gt;"), "names are escaped");
    assert!(!html.contains("<script"), "no scripts");
    assert!(html.contains("风波平息"), "the ending");
    assert_eq!(html.matches("<svg").count(), 2, "the competency chart and the meter chart");
    assert!(!html.contains("http"), "nothing fetched from anywhere");
    assert_eq!(shapan(&dir, &["records", "html", "7", "--out", page.to_str().unwrap()]).status.code(), Some(1));
}

#[test]
fn a_version_one_database_gains_red_lines_and_keeps_its_runs() {
    let dir = temp("v1");
    {
        // A results database as version 1 wrote it, with one finished run.
        let r = Records::open(&dir).unwrap();
        drop(r);
        let conn = rusqlite::Connection::open(dir.join(FILE_NAME)).unwrap();
        conn.execute_batch(
            "DROP TABLE red_lines; ALTER TABLE decisions DROP COLUMN prediction; PRAGMA user_version = 1;
             INSERT INTO sessions (scenario_id, scenario_path, content_hash, language, role, seed, mode, started_at, ended_at, ending, grade, total, state)
             VALUES ('old', 'old.ron', 'h', 'zh-CN', 'r', 1, 'solo', '2026-11-01T08:00:00Z', '2026-11-01T08:20:00Z', 'calm', 'good', 75.0, '{}');",
        )
        .unwrap();
    }
    let r = Records::open(&dir).unwrap();
    let runs = r.list().unwrap();
    assert_eq!(runs.len(), 1, "the old run is kept");
    assert!(r.show(runs[0].id).unwrap().unwrap().red_lines.is_empty());
    drop(r);
    let conn = rusqlite::Connection::open(dir.join(FILE_NAME)).unwrap();
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, SCHEMA_VERSION);
}

#[test]
fn a_recorded_run_keeps_the_red_lines_it_crossed() {
    let dir = temp("red");
    let out = shapan(&dir, &["play", "tests/engine/red_line.ron", "--seed", "1", "--choices", "delete,close", "--record"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r = Records::open(&dir).unwrap();
    let id = r.list().unwrap()[0].id;
    let d = r.show(id).unwrap().unwrap();
    assert_eq!(d.run.grade.as_deref(), Some("needs_work"));
    assert_eq!(d.red_lines.len(), 1);
    assert_eq!((d.red_lines[0].scene.as_str(), d.red_lines[0].choice.as_deref()), ("post", Some("delete")));
    let shown = String::from_utf8(shapan(&dir, &["--lang", "zh-CN", "records", "show", &id.to_string()]).stdout).unwrap();
    assert!(shown.contains("越过红线：post → delete"), "{shown}");
    let csv = dir.join("runs.csv");
    assert!(shapan(&dir, &["records", "export", "--csv", csv.to_str().unwrap()]).status.success());
    let bytes = std::fs::read(&csv).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let head: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[head.iter().position(|h| h == "red_lines").unwrap()], "post/delete");
}

#[test]
fn a_version_two_database_gains_predictions_and_a_class_prediction_reads_back() {
    use shapan::engine::predict::{Prediction, Question, Tally};
    use shapan::records::PredictionRecord;
    let dir = temp("v2");
    {
        // A results database as version 2 wrote it, with one class decision and its votes.
        drop(Records::open(&dir).unwrap());
        let conn = rusqlite::Connection::open(dir.join(FILE_NAME)).unwrap();
        conn.execute_batch(
            "ALTER TABLE decisions DROP COLUMN prediction; PRAGMA user_version = 2;
             INSERT INTO sessions (id, scenario_id, scenario_path, content_hash, language, role, seed, mode, started_at, state)
             VALUES (1, 'old', 'old.ron', 'h', 'zh-CN', 'r', 1, 'class', '2026-11-01T08:00:00Z', '{}');
             INSERT INTO decisions (session_id, seq, scene, choice, ms, votes)
             VALUES (1, 0, 'meeting', 'listen', 60000, '{\"choices\":[\"listen\",\"decide\"],\"rounds\":[[20,10]],\"decided\":\"listen\"}');",
        )
        .unwrap();
    }
    let mut r = Records::open(&dir).unwrap();
    let before = r.show(1).unwrap().unwrap();
    assert_eq!(before.decisions.len(), 1, "the old decision is kept");
    assert!(before.decisions[0].votes.is_some() && before.decisions[0].prediction.is_none());
    let p = Prediction { question: Question::Authored { choice: "listen".into() }, counts: vec![21, 6, 3], happened: 0 };
    let record =
        PredictionRecord {
            right: p.right(), prediction: p, outcomes: vec!["两户同意再谈".into(), "两户去信访".into(), "没人理".into()]
        };
    r.prediction(1, 0, &record).unwrap();
    let after = r.show(1).unwrap().unwrap();
    assert_eq!(after.decisions[0].prediction.as_ref(), Some(&record));
    assert_eq!(after.predictions, Tally { taken: 1, right: 1 });
    drop(r);
    let conn = rusqlite::Connection::open(dir.join(FILE_NAME)).unwrap();
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    drop(conn);
    let shown = String::from_utf8(shapan(&dir, &["--lang", "zh-CN", "records", "show", "1"]).stdout).unwrap();
    assert!(shown.contains("全班预判：70% 预计“两户同意再谈”；实际：两户同意再谈（判断正确）"), "{shown}");
    assert!(shown.contains("预判 1 次，全班判断正确 1 次"), "{shown}");
    let json = String::from_utf8(shapan(&dir, &["records", "show", "1", "--json"]).stdout).unwrap();
    assert!(json.contains("\"happened\": 0") && json.contains("\"right\": true"), "{json}");
}
