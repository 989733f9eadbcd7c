//! `shapan validate` as a user runs it: exit codes, the text report and the JSON shape.

use std::path::Path;
use std::process::{Command, Output};

fn shapan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shapan")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn fixture(name: &str) -> String {
    Path::new("tests/fixtures").join(name).to_string_lossy().into_owned()
}

#[test]
fn exit_codes_say_what_happened() {
    assert_eq!(shapan(&["validate", &fixture("valid.ron")]).status.code(), Some(0));
    assert_eq!(shapan(&["validate", &fixture("unused-meter.ron")]).status.code(), Some(0), "warnings alone pass");
    assert_eq!(shapan(&["validate", &fixture("valid.ron"), &fixture("dangling-reference.ron")]).status.code(), Some(1));
    assert_eq!(shapan(&["validate", "--format", "yaml"]).status.code(), Some(2));
    assert_eq!(shapan(&["validate", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(shapan(&["validate"]).status.code(), Some(0), "the default scenarios/ folder is clean");
}

#[test]
fn text_report_renders_source_and_caret_in_the_chosen_language() {
    let out = shapan(&["--lang", "zh-CN", "validate", &fixture("dangling-reference.ron")]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("错误[dangling-reference]: 没有 id 为“s9”的场景"), "{text}");
    assert!(text.contains("--> tests/fixtures/dangling-reference.ron:19:119"), "{text}");
    assert!(text.contains("^^^^"), "{text}");
    let out = shapan(&["--lang", "en", "validate", &fixture("unknown-field.ron")]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error[unknown-field]"), "{text}");
    assert!(text.contains("did you mean `title`?"), "{text}");
}

#[test]
fn json_report_has_the_documented_shape() {
    let out = shapan(&[
        "--lang",
        "en",
        "validate",
        "--format",
        "json",
        &fixture("valid.ron"),
        &fixture("bad-range.ron"),
        "tests/fixtures/missing.ron",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    let ok = &files[0];
    assert_eq!(ok["id"], "fixture");
    assert_eq!(ok["title"], "测试场景");
    assert_eq!(ok["category"], "other");
    assert_eq!(ok["language"], "zh-CN");
    assert_eq!((ok["minutes"].as_u64(), ok["class_minutes"].as_u64()), (Some(5), None), "no class figure written");
    assert_eq!(ok["counts"]["scenes"], 2);
    assert_eq!(ok["counts"]["choices"], 4);
    assert_eq!(ok["counts"]["endings"], 2);
    for key in ["competencies", "meters", "injects"] {
        assert!(ok["counts"][key].is_u64(), "{key}");
    }
    assert_eq!(ok["diagnostics"].as_array().unwrap().len(), 0);
    let d = &files[1]["diagnostics"][0];
    assert_eq!(d["code"], "bad-range");
    assert_eq!(d["severity"], "error");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(12), Some(65)));
    assert!(d["end_line"].is_u64() && d["end_column"].is_u64());
    assert!(d["message"].as_str().unwrap().contains("outside 0..100"));
    // The same message as data: its catalogue key and arguments, for tools.
    assert_eq!(d["message_key"], "diag-meter-starts-at-outside");
    assert_eq!(d["args"]["id"], "trust");
    assert_eq!((d["args"]["min"].as_f64(), d["args"]["max"].as_f64()), (Some(0.0), Some(100.0)));
    assert_eq!(files[2]["diagnostics"][0]["code"], "io-error");
    assert!(files[2]["diagnostics"][0]["line"].is_null());
}

#[test]
fn folders_are_searched_recursively() {
    let out = shapan(&["--lang", "en", "validate", "--format", "json", "tests"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = v["files"].as_array().unwrap().len();
    let fixtures = std::fs::read_dir("tests/fixtures").map(|d| d.count()).unwrap_or(0);
    assert!(n >= fixtures.min(30), "{n}");
}

#[test]
fn json_report_gives_both_durations() {
    let out = shapan(&["validate", "--format", "json", "scenarios/tutorial/water_rumour_quick.ron"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["files"][0];
    assert_eq!((f["minutes"].as_u64(), f["class_minutes"].as_u64()), (Some(10), Some(30)));
}
