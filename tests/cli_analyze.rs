//! `shapan analyze` as an author runs it: exit codes, the report in Chinese and English with
//! places in the file, the JSON shape, and the shipped library analysed end to end.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn shapan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shapan")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn fixture(name: &str) -> String {
    Path::new("tests/fixtures").join(name).to_string_lossy().into_owned()
}

fn json(args: &[&str]) -> Value {
    let out = shapan(args);
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn exit_codes_say_what_happened() {
    assert_eq!(shapan(&["analyze", &fixture("valid.ron")]).status.code(), Some(0));
    assert_eq!(shapan(&["analyze", &fixture("changes-nothing.ron")]).status.code(), Some(0), "warnings alone pass");
    assert_eq!(shapan(&["analyze", &fixture("ending-unreachable.ron")]).status.code(), Some(1), "an ending no role reaches is an error");
    assert_eq!(shapan(&["analyze", &fixture("dangling-reference.ron")]).status.code(), Some(1), "a broken file is reported, not analysed");
    assert_eq!(shapan(&["analyze", &fixture("valid.ron"), "--role", "nobody"]).status.code(), Some(2));
    assert_eq!(shapan(&["analyze"]).status.code(), Some(2));
    assert_eq!(shapan(&["analyze", "--format", "yaml", &fixture("valid.ron")]).status.code(), Some(2));
}

#[test]
fn an_unreachable_ending_is_explained_at_its_place_in_both_languages() {
    let zh = String::from_utf8(shapan(&["--lang", "zh-CN", "analyze", &fixture("ending-unreachable.ron")]).stdout).unwrap();
    assert!(zh.contains("✗ 好结局（良好） [good] — 到不了：排在前面的结局“plain”总是先被选中"), "{zh}");
    assert!(zh.contains("错误[ending-unreachable]: 任何角色都到不了结局“good”"), "{zh}");
    assert!(zh.contains("--> tests/fixtures/ending-unreachable.ron:29:47"), "{zh}");
    assert!(zh.contains("没有条件的兜底结局要放在最后"), "{zh}");
    let en = String::from_utf8(shapan(&["--lang", "en", "analyze", &fixture("ending-unreachable.ron")]).stdout).unwrap();
    assert!(en.contains("error[ending-unreachable]: no role can reach the ending 'good'"), "{en}");
    assert!(en.contains("Best road"), "{en}");
}

#[test]
fn the_json_report_names_ids_and_texts() {
    let v = json(&["--lang", "en", "analyze", "--format", "json", &fixture("valid.ron")]);
    let f = &v["files"][0];
    assert_eq!(f["id"], "fixture");
    assert_eq!(f["errors"], 0);
    let role = &f["roles"][0];
    assert_eq!(role["role"], "clerk");
    assert_eq!(role["explored"], true);
    assert_eq!(role["ranges"]["law"]["min"], -1);
    assert_eq!(role["ranges"]["law"]["max"], 1);
    let endings: Vec<(&str, bool)> =
        role["endings"].as_array().unwrap().iter().map(|e| (e["id"].as_str().unwrap(), e["reached"].as_bool().unwrap())).collect();
    assert_eq!(endings, vec![("good", true), ("plain", true)]);
    assert_eq!(role["best"]["steps"][0]["choice"], "reply");
    assert_eq!(role["best"]["ending"], "good");
    assert_eq!(role["best"]["grade"], "excellent");
    assert_eq!(role["worst"]["steps"][0]["choice"], "delete");
    assert_eq!(role["dominated"], serde_json::json!(["delete"]));
    assert!(role["duration"]["class_minutes"][0].as_u64().unwrap() > role["duration"]["solo_minutes"][0].as_u64().unwrap());
}

#[test]
fn every_shipped_scenario_is_analysed_without_errors() {
    let v = json(&["analyze", "--format", "json", "scenarios"]);
    let files = v["files"].as_array().unwrap();
    assert!(files.len() >= 9);
    for f in files {
        assert_eq!(f["errors"], 0, "{}: {}", f["path"], f["diagnostics"]);
        for r in f["roles"].as_array().unwrap() {
            assert_eq!(r["explored"], true, "{} as {}", f["path"], r["role"]);
            let (best, worst) = (r["best"]["total"].as_f64().unwrap(), r["worst"]["total"].as_f64().unwrap());
            assert!(best > worst, "{} as {}: best {best} > worst {worst}", f["path"], r["role"]);
            assert!(r["endings"].as_array().unwrap().iter().any(|e| e["reached"] == true));
        }
    }
}

#[test]
fn one_role_is_reported_but_problems_look_at_every_role() {
    let all = json(&["analyze", "--format", "json", "scenarios/online_media/viral_video.ron"]);
    let one = json(&["analyze", "--format", "json", "--role", "squad_leader", "scenarios/online_media/viral_video.ron"]);
    let roles: Vec<&str> = one["files"][0]["roles"].as_array().unwrap().iter().map(|r| r["role"].as_str().unwrap()).collect();
    assert_eq!(roles, vec!["squad_leader"]);
    assert_eq!(one["files"][0]["diagnostics"], all["files"][0]["diagnostics"], "a scene only the other role reaches is not unreachable");
    let never = one["files"][0]["roles"][0]["choices_never_offered"].as_array().unwrap();
    assert!(never.iter().all(|c| !c.as_str().unwrap().starts_with("pd_")), "the other role's choices are not listed: {never:?}");
}

#[test]
fn absurd_points_give_absurd_scores_not_a_crash() {
    let valid = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid.ron")).unwrap();
    let huge = valid
        .replace(r#"scores: {"law": 1}"#, r#"scores: {"law": 9223372036854775807}"#)
        .replace(r#"scores: {"law": -1}"#, r#"scores: {"law": -9223372036854775807}"#);
    assert_ne!(huge, valid);
    let path = std::env::temp_dir().join(format!("shapan-huge-{}.ron", std::process::id()));
    std::fs::write(&path, huge).unwrap();
    let file = path.to_string_lossy().into_owned();
    for args in [
        vec!["analyze", file.as_str()],
        vec!["play", file.as_str(), "--policy", "best", "--json"],
        vec!["graph", file.as_str(), "--format", "dot"],
    ] {
        let out = shapan(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let _ = std::fs::remove_file(path);
}
