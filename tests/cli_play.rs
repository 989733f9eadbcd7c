//! `shapan play` as a script or a class drives it: piped input, unattended runs, JSON,
//! transcripts, replays and exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const TUTORIAL: &str = "scenarios/tutorial/water_rumour_quick.ron";

fn shapan(args: &[&str], input: Option<&str>) -> Output {
    // Interactive runs are recorded: keep them out of the user's own database.
    let data = std::env::temp_dir().join(format!("shapan-cli-play-{}", std::process::id()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_shapan"))
        .args(args)
        .env("SHAPAN_DATA_DIR", data)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    if let Some(text) = input {
        stdin.write_all(text.as_bytes()).unwrap();
    }
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn piped_answers_play_to_the_debrief() {
    let out = shapan(&["--lang", "zh-CN", "play", TUTORIAL, "--seed", "1"], Some("1\ncall_water_company\n1\n"));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("王阿姨（楼栋长）："), "speaker shown");
    assert!(text.contains("【微信群】3号楼 张姐"), "the post looks like a WeChat message");
    assert!(text.contains("结局：风波平息"), "{text}");
    assert!(text.contains("复盘"), "{text}");
}

#[test]
fn bad_typed_answers_are_asked_again() {
    let out = shapan(&["--lang", "en", "play", TUTORIAL, "--seed", "1"], Some("7\nnonsense\n1\n1\n"));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert_eq!(text.matches("invalid choice, try again").count(), 2, "{text}");
}

#[test]
fn unattended_json_is_byte_identical_for_the_same_inputs() {
    // An id, then a number: 1 is the first option shown that can be taken.
    let args = ["--lang", "en", "play", TUTORIAL, "--seed", "42", "--choices", "deny_at_once,1", "--json"];
    let a = shapan(&args, None);
    let b = shapan(&args, None);
    assert_eq!(a.status.code(), Some(0), "{}", String::from_utf8_lossy(&a.stderr));
    assert_eq!(a.stdout, b.stdout);
    let d = json(&a);
    for key in ["ending", "grade", "total", "competencies", "path"] {
        assert!(!d[key].is_null(), "{key}");
    }
    assert_eq!(d["path"][0]["choice"], "deny_at_once");
    assert!(d["competencies"]["accuracy"].is_number());
}

#[test]
fn policies_play_best_and_worst() {
    let best = json(&shapan(&["play", TUTORIAL, "--seed", "1", "--policy", "best", "--json"], None));
    let worst = json(&shapan(&["play", TUTORIAL, "--seed", "1", "--policy", "worst", "--json"], None));
    assert_eq!(best["ending"], "calm");
    assert_eq!(best["total"], 100.0);
    assert_eq!(worst["ending"], "settled");
    assert!(worst["total"].as_f64() < best["total"].as_f64());
    assert!(worst["path"][0]["choice"].is_null(), "worst play lets the timer run out");
    assert_eq!(worst["path"][0]["better"]["choice"], "call_water_company");
    // Each decision says how it rated, and the run's turning points name the largest losses.
    assert!(best["path"].as_array().unwrap().iter().all(|s| s["rating"] == "good"), "{best}");
    assert_eq!(best["turning_points"], serde_json::json!([]), "the best road has no lessons invented for it");
    let turning = worst["turning_points"].as_array().unwrap();
    assert!(!turning.is_empty() && turning.len() <= 3, "{worst}");
    assert_eq!(turning[0]["index"], 0, "{worst}");
    assert_eq!(turning[0]["better"], "call_water_company");
    assert_eq!(turning[0]["gain"], worst["path"][0]["better"]["gain"]);
    assert!(["poor", "acceptable", "red_line"].contains(&turning[0]["rating"].as_str().unwrap()), "{worst}");
    // The terminal shows the same: the turning points first, each decision rated.
    let text = String::from_utf8(shapan(&["--lang", "zh-CN", "play", TUTORIAL, "--seed", "1", "--policy", "worst"], None).stdout).unwrap();
    let turning = text.find("转折点").unwrap_or_else(|| panic!("{text}"));
    assert!(turning < text.find("能力得分").unwrap() && turning < text.find("全部决策").unwrap(), "lessons first: {text}");
    assert!(text.contains("本可多得约") && !text.contains("预计总分"), "points in words: {text}");
    let text = String::from_utf8(shapan(&["--lang", "zh-CN", "play", TUTORIAL, "--seed", "1", "--policy", "best"], None).stdout).unwrap();
    assert!(text.contains("这一次没有哪个决定明显失分") && text.contains("[稳妥]"), "{text}");
}

#[test]
fn exit_codes() {
    assert_eq!(shapan(&["play", TUTORIAL, "--choices", "1"], None).status.code(), Some(3), "choices ran out");
    assert_eq!(shapan(&["play", TUTORIAL, "--choices", "9"], None).status.code(), Some(1), "no such choice");
    assert_eq!(shapan(&["play", TUTORIAL, "--choices", "plain_notice"], None).status.code(), Some(1), "not offered here");
    assert_eq!(shapan(&["play", TUTORIAL, "--role", "mayor", "--policy", "first"], None).status.code(), Some(1));
    let bad = shapan(&["play", "tests/fixtures/dangling-reference.ron", "--policy", "first"], None);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("dangling-reference"), "diagnostics are shown");
    assert_eq!(shapan(&["play", TUTORIAL, "--seed", "1"], Some("")).status.code(), Some(3), "input ended early");
}

#[test]
fn transcripts_replay_byte_identically() {
    let dir = std::env::temp_dir().join(format!("shapan-play-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let t = dir.join("run.json");
    let t = t.to_str().unwrap();
    let first = shapan(&["play", TUTORIAL, "--seed", "9", "--choices", "deny_at_once,1,2", "--json", "--transcript", t], None);
    let again = shapan(&["play", TUTORIAL, "--replay", t, "--json"], None);
    assert_eq!(first.status.code(), Some(0));
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(first.stdout, again.stdout);
    let transcript: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(t).unwrap()).unwrap();
    assert_eq!(transcript["seed"], 9);
    assert!(transcript["content_hash"].is_string());
    assert_eq!(transcript["decisions"].as_array().unwrap().len(), 3);
    // Each decision says the order its options were shown in, so "1" and "2" can be read back.
    for step in transcript["decisions"].as_array().unwrap() {
        let shown = step["shown"].as_array().unwrap_or_else(|| panic!("the order shown is recorded: {step}"));
        assert!(shown.contains(&step["choice"]), "{step}");
    }
    let second = &transcript["decisions"][1];
    assert_eq!(second["choice"], second["shown"][0], "the answer `1` was the first shown: {second}");
}

/// `--choices N` and `--policy first` count in the order shown, which the seed draws: with one
/// seed the first option shown is the author's first, with another it is not.
#[test]
fn numbers_follow_the_order_shown() {
    let first = |seed: &str, how: &[&str]| {
        let mut args = vec!["play", TUTORIAL, "--seed", seed, "--json"];
        args.extend_from_slice(how);
        json(&shapan(&args, None))["path"][0]["choice"].as_str().unwrap_or_default().to_string()
    };
    let mut seen = std::collections::BTreeSet::new();
    for seed in 1..=8 {
        let seed = seed.to_string();
        let by_number = first(&seed, &["--choices", "1"]);
        assert_eq!(by_number, first(&seed, &["--policy", "first"]), "seed {seed}");
        // The terminal lists the same option first.
        let text = String::from_utf8(shapan(&["--lang", "en", "play", TUTORIAL, "--seed", &seed, "--choices", "1"], None).stdout).unwrap();
        let listed = text.lines().find(|l| l.starts_with("  1. ")).unwrap_or_default().to_string();
        let want = if by_number == "call_water_company" { "Call the water company" } else { "Post at once" };
        assert!(listed.contains(want), "seed {seed}: {listed}");
        seen.insert(by_number);
    }
    assert_eq!(seen.len(), 2, "over eight seeds both options come first: {seen:?}");
}

/// A greyed-out choice says why it cannot be chosen, in the language asked for.
#[test]
fn a_greyed_out_choice_explains_itself_in_the_chosen_language() {
    // Denying at once leads on (with seed 7) without checking the facts, so `plain_notice` is greyed.
    for (lang, want) in [
        (
            "zh-CN",
            "选项“在群里发通俗说明，附检测报告，并上门看望独居老人”（plain_notice）是灰色的，不能选。需要：已向水务公司核实水质（你们当时选了‘马上在群里说“纯属谣言，大家放心喝”’）（条件“verified”不成立）",
        ),
        (
            "en",
            "choice \"Post a plain explanation with the test report, and visit elderly residents who live alone\" (plain_notice) is greyed out and cannot be chosen. Needs: Water quality checked with the water company (at “Step 1” you chose “Post at once: \"Pure rumour, drink without worry\"”) (its condition \"verified\" does not hold)",
        ),
    ] {
        let out = shapan(&["--lang", lang, "play", TUTORIAL, "--seed", "7", "--choices", "deny_at_once,plain_notice"], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(want), "{lang}: {err}");
    }
    let typed = shapan(&["--lang", "en", "play", TUTORIAL, "--seed", "7"], Some("deny_at_once\nplain_notice\nofficial_notice_only\n"));
    let text = String::from_utf8_lossy(&typed.stdout);
    assert!(text.contains("invalid choice, try again: choice \"Post a plain"), "asked again with the reason: {text}");
    // Listed last and unnumbered, with why it is locked and what closed it.
    assert!(
        text.contains("  🔒 (not available) Post a plain explanation with the test report, and visit elderly residents who live alone\n     Needs: Water quality checked with the water company (at “Step 1” you chose “Post at once: \"Pure rumour, drink without worry\"”)\n"),
        "{text}"
    );
}

#[test]
fn a_red_line_is_named_first_in_the_debrief_and_carried_in_json() {
    let file = "tests/engine/red_line.ron";
    let out = shapan(&["--lang", "zh-CN", "play", file, "--seed", "1", "--choices", "delete,close"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    let red = text.find("越过了红线").unwrap_or_else(|| panic!("the red line is named: {text}"));
    assert!(red < text.find("总分").unwrap(), "before the scores: {text}");
    assert!(text.contains("压制批评、删帖（让群主删帖）"), "{text}");
    assert!(text.contains("总分：100（待改进）"), "full points, graded Needs work: {text}");
    assert!(text.contains("[越过红线] 让群主删帖"), "the decision itself is rated as crossing it: {text}");
    let v = json(&shapan(&["play", file, "--seed", "1", "--choices", "delete,close", "--json"], None));
    assert_eq!(v["path"][0]["rating"], "red_line");
    assert_eq!(v["grade"], "needs_work");
    assert_eq!(v["red_lines"], serde_json::json!([{"scene": "post", "choice": "delete", "text": "压制批评、删帖"}]));
    let v = json(&shapan(&["--lang", "en", "play", file, "--seed", "1", "--choices", "t,close", "--json"], None));
    assert_eq!(v["red_lines"], serde_json::json!([{"scene": "post", "choice": null, "text": "Not reporting the incident"}]));
    let v = json(&shapan(&["play", file, "--seed", "1", "--choices", "explain,close", "--json"], None));
    assert_eq!((v["grade"].as_str(), v["red_lines"].as_array().map(Vec::len)), (Some("pass"), Some(0)));
}
