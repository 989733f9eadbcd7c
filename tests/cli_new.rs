//! `shapan new`: a starting scenario per category that validates clean and plays to an ending,
//! written where the library expects it, and never over an existing file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CATEGORIES: [&str; 6] = ["online_media", "community_dispute", "development_planning", "integrity", "emergency", "other"];

fn shapan(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shapan")).args(args).env("SHAPAN_DATA_DIR", dir.join("data")).current_dir(dir).output().unwrap()
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("shapan-new-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn each_category_starts_a_clean_scenario_that_plays_to_an_ending() {
    let dir = temp("categories");
    for category in CATEGORIES {
        let id = format!("my_{category}");
        let out = shapan(&dir, &["--lang", "en", "new", category, &id]);
        assert_eq!(out.status.code(), Some(0), "{category}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stderr.is_empty(), "no diagnostics: {}", String::from_utf8_lossy(&out.stderr));
        let file = format!("scenarios/{category}/{id}.ron");
        assert!(dir.join(&file).is_file(), "written where the library looks: {file}");
        let check = shapan(&dir, &["--lang", "en", "validate", &file]);
        let text = String::from_utf8_lossy(&check.stdout);
        assert_eq!(check.status.code(), Some(0), "{text}");
        assert!(text.contains("ok, no problems"), "{text}");
        let play = shapan(&dir, &["play", &file, "--seed", "1", "--policy", "first", "--json"]);
        assert_eq!(play.status.code(), Some(0), "{category}: {}", String::from_utf8_lossy(&play.stderr));
        let debrief: serde_json::Value = serde_json::from_slice(&play.stdout).unwrap();
        assert!(debrief["ending"].is_string(), "{category}: {debrief}");
        assert_eq!(debrief["complete"], true);
    }
    assert!(!dir.join("data").exists(), "trying a template records nothing");
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = temp("exists");
    let file = dir.join("mine.ron");
    std::fs::write(&file, "// my own work\n").unwrap();
    let target = file.to_str().unwrap();
    for (lang, want) in [("zh-CN", "已经存在，没有覆盖它"), ("en", "already exists and was left as it is")] {
        let out = shapan(&dir, &["--lang", lang, "new", "emergency", "flood", "--out", target]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want) && err.contains("--out"), "{lang}: {err}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "// my own work\n");
}

#[test]
fn title_out_and_bad_ids() {
    let dir = temp("options");
    let out = shapan(&dir, &["new", "Integrity", "gift_case", "--out", "drafts/gift.ron", "--title", "节前的“心意”"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(dir.join("drafts/gift.ron")).unwrap();
    assert!(text.contains("title: {\"zh-CN\": \"节前的“心意”\""), "{text}");
    assert!(text.contains("category: Integrity") && text.contains("id: \"gift_case\""));
    let bad = shapan(&dir, &["--lang", "zh-CN", "new", "other", "my case"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("案例 id “my case” 不可用"), "{}", String::from_utf8_lossy(&bad.stderr));
    let unknown = shapan(&dir, &["new", "sports", "x"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("online_media"), "lists the categories");
}
