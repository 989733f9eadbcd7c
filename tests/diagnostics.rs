//! One fixture per diagnostic code: each `tests/fixtures/<code>.ron` starts with
//! `// expect: <code> <line>:<col>` and must produce that code at that place.

use shapan::engine::Compiled;
use shapan::engine::analysis::analyse;
use shapan::lang::Lang;
use shapan::scenario::load::resolve;
use shapan::scenario::render::render;
use shapan::scenario::{Code, load_path};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Codes that need a file no fixture can be: a missing path, a directory, a file over the size limit.
const TESTED_IN_CODE: [Code; 2] = [Code::Io, Code::FileTooLarge];

#[test]
fn every_fixture_reports_its_code_at_its_place() {
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") || path.file_stem().unwrap() == "valid" {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let header = String::from_utf8_lossy(&bytes).lines().next().unwrap().to_string();
        let expect = header.strip_prefix("// expect: ").unwrap_or_else(|| panic!("{}: no expect header", path.display()));
        let mut parts = expect.split_whitespace();
        let code = Code::parse(parts.next().unwrap()).unwrap_or_else(|| panic!("{}: unknown code", path.display()));
        assert_eq!(path.file_stem().unwrap().to_str().unwrap(), code.as_str(), "fixture named after its code");
        let place = parts.next().map(|p| {
            let (l, c) = p.split_once(':').unwrap();
            (l.parse::<usize>().unwrap(), c.parse::<usize>().unwrap())
        });
        let loaded = load_path(&path);
        let mut diagnostics = loaded.diagnostics.clone();
        if code.from_analysis() {
            // Found by exploring every road, as `shapan analyze` does.
            let c = Compiled::new(loaded.playable().cloned().unwrap_or_else(|| panic!("{}: must be playable", path.display())));
            diagnostics.extend(resolve(analyse(&c, None).findings, &loaded.source));
        }
        let found = diagnostics.iter().any(|d| {
            d.code == code
                && d.severity == code.severity()
                && place.is_none_or(|(l, c)| d.span.is_some_and(|s| (s.start.line, s.start.column) == (l, c)))
        });
        assert!(
            found,
            "{}: expected {code} at {place:?}, got {:?}",
            path.display(),
            diagnostics.iter().map(|d| (d.code, d.span.map(|s| (s.start.line, s.start.column)))).collect::<Vec<_>>()
        );
        seen.push(code);
    }
    for code in Code::ALL {
        assert!(seen.contains(code) || TESTED_IN_CODE.contains(code), "no fixture for {code}");
    }
}

#[test]
fn the_valid_fixture_is_clean() {
    let loaded = load_path(&fixtures().join("valid.ron"));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let c = Compiled::new(loaded.playable().cloned().unwrap());
    let findings = analyse(&c, None).findings;
    assert!(findings.is_empty(), "the analysis finds nothing either: {findings:?}");
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("shapan-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn missing_paths_and_folders_are_io_errors() {
    let dir = temp_dir("io");
    for path in [dir.join("nope.ron"), dir.clone()] {
        let loaded = load_path(&path);
        assert_eq!(loaded.diagnostics.len(), 1);
        assert_eq!(loaded.diagnostics[0].code, Code::Io);
        assert!(loaded.diagnostics[0].span.is_none());
        assert!(loaded.scenario.is_none());
    }
}

#[test]
fn files_over_the_limit_are_refused_before_parsing() {
    let dir = temp_dir("large");
    let path = dir.join("huge.ron");
    // 50 MB of something that would otherwise parse slowly.
    let chunk = "(id: \"x\", text: \"很长很长的文字\"),\n".repeat(1000);
    let mut text = String::from("(scenes: [\n");
    while text.len() < 50_000_000 {
        text.push_str(&chunk);
    }
    std::fs::write(&path, text).unwrap();
    let loaded = load_path(&path);
    assert_eq!(loaded.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), vec![Code::FileTooLarge]);
    std::fs::remove_file(&path).unwrap();
}

#[cfg(unix)]
#[test]
fn an_endless_device_is_cut_at_the_limit() {
    // /dev/zero reports a size of 0 but never ends: the read must stop at the limit.
    let loaded = load_path(Path::new("/dev/zero"));
    assert_eq!(loaded.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), vec![Code::FileTooLarge]);
}

/// Syntax mistakes authors make most (a quoted fixed word, a missing bracket) get a message in
/// plain words that names the fix. Each `tests/fixtures/syntax/*.ron` starts with
/// `// expect: syntax-error L:C` and then `// zh: …` / `// en: …` lines that the message or its
/// help must contain.
#[test]
fn syntax_fixtures_name_the_fix_in_both_languages() {
    use shapan::lang::Lang;
    let mut count = 0;
    for entry in std::fs::read_dir(fixtures().join("syntax")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let loaded = load_path(&path);
        assert_eq!(loaded.diagnostics.len(), 1, "{}: {:?}", path.display(), loaded.diagnostics);
        let d = &loaded.diagnostics[0];
        let expect = text.lines().next().unwrap().strip_prefix("// expect: syntax-error ").unwrap();
        let span = d.span.unwrap();
        assert_eq!(format!("{}:{}", span.start.line, span.start.column), expect, "{}", path.display());
        for line in text.lines().skip(1).take_while(|l| l.starts_with("// ")) {
            let (lang, want) = line[3..].split_once(": ").unwrap();
            let lang: Lang = lang.parse().unwrap();
            let said = format!("{} / {}", d.message.render(lang), d.help.as_ref().map_or(String::new(), |h| h.render(lang)));
            assert!(said.contains(want), "{}: {said:?} lacks {want:?}", path.display());
            assert!(!said.contains('?') || lang == Lang::EN, "no logical path like `[0].?` in Chinese: {said}");
        }
        count += 1;
    }
    assert!(count >= 5, "{count} syntax fixtures");
}

/// A scene copied without a new id: the duplicate id is the cause and comes first; the copy
/// being unreachable, and a scene only the copy leads to, follow from it and say so, even when
/// that scene is written earlier in the file.
#[test]
fn follow_on_problems_come_after_their_cause_and_name_it() {
    let valid = std::fs::read_to_string(fixtures().join("valid.ron")).unwrap();
    let src = valid.replace(
        "        (id: \"s2\", text: \"事情有了结果。\"",
        "        (id: \"after\", text: \"后来\", choices: [(id: \"close4\", text: \"结束\", feedback: \"好。\", next: End)]),\n        \
         (id: \"s2\", text: \"事情有了结果。\"",
    );
    let src = src.replace(
        "    ],\n    endings:",
        "        (id: \"s2\", text: \"复制的场景\", choices: [(id: \"close3\", text: \"再看看\", feedback: \"好。\", next: Scene(\"after\"))]),\n    ],\n    endings:",
    );
    let loaded = shapan::scenario::load::load_str(Path::new("dup.ron"), src, &[]);
    let got: Vec<(Code, usize)> = loaded.diagnostics.iter().map(|d| (d.code, d.span.unwrap().start.line)).collect();
    assert_eq!(got.len(), 3, "{:#?}", loaded.diagnostics);
    let copy_line = got[0].1;
    assert_eq!(got[0], (Code::DuplicateId, copy_line), "the cause first: {got:?}");
    assert_eq!(got[1], (Code::Unreachable, copy_line), "{got:?}");
    assert_eq!(got[2].0, Code::Unreachable);
    assert!(got[2].1 < copy_line, "the scene written earlier is still listed after the cause: {got:?}");
    let zh: Vec<String> = loaded.diagnostics.iter().map(|d| d.message_in(Lang::ZH_CN)).collect();
    let en: Vec<String> = loaded.diagnostics.iter().map(|d| d.message_in(Lang::EN)).collect();
    assert!(zh[0].contains("第 3 个场景已经用了它"), "{}", zh[0]);
    assert!(zh[1].contains("和前面的场景重复"), "{}", zh[1]);
    assert!(en[1].contains("repeats an earlier scene's"), "{}", en[1]);
    assert!(zh[2].contains("要经过场景“s2”") && zh[2].contains("见上面的 id 重复错误"), "{}", zh[2]);
    assert!(en[2].contains("passes through scene 's2'"), "{}", en[2]);
}

/// Content languages are any BCP 47 tag, not only the interface's: a scenario in Tibetan with a
/// Chinese translation is clean, shows its Chinese under the Chinese interface and its Tibetan
/// original under one it has no translation for, and its problems are told in Chinese.
#[test]
fn a_scenario_in_tibetan_and_chinese_is_checked_and_told_in_chinese() {
    let path = fixtures().join("languages/bo-zh-CN.ron");
    let loaded = load_path(&path);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let s = loaded.playable().unwrap();
    assert_eq!(s.text_language(Lang::ZH_CN), "zh-CN");
    assert_eq!(s.text_language(Lang::EN), "bo", "no English: the original");
    assert_eq!(s.title.get(s.text_language(Lang::ZH_CN)), "测试场景");

    // Drop one Chinese translation and misspell a tag: the problems are told in Chinese.
    let source = std::fs::read_to_string(&path).unwrap();
    let broken = source.replacen(", \"zh-CN\": \"及时。\"", "", 1).replacen("[\"bo\", \"zh-CN\"]", "[\"bo\", \"zh-CN\", \"藏文\"]", 1);
    let loaded = shapan::scenario::load::load_str(&path, broken, &[]);
    let lines = loaded.line_index();
    let text: String = loaded.diagnostics.iter().map(|d| render(d, "bo.ron", &lines, Lang::ZH_CN)).collect();
    assert!(text.contains("错误[unknown-language]: 不认识的语言代码“藏文”"), "{text}");
    assert!(text.contains("请用 BCP 47 语言标签"), "{text}");
    assert!(text.contains("错误[missing-translation]: 缺少 zh-CN, 藏文 的文字"), "{text}");
    assert!(!text.contains("error["), "no English in a Chinese report: {text}");
}

/// A tag that is well formed but not canonical is reported with the canonical spelling; a word
/// written where a tag belongs is not a tag.
#[test]
fn language_tags_must_be_well_formed_and_canonical() {
    let source = std::fs::read_to_string(fixtures().join("valid.ron")).unwrap();
    for (tag, ok, hint) in
        [("ug", true, ""), ("zh-Hans-CN", true, ""), ("zh_cn", false, "“zh-CN”"), ("english", false, "BCP 47"), ("中文", false, "BCP 47")]
    {
        let edited = source.replace("languages: [\"zh-CN\"]", &format!("languages: [\"zh-CN\", \"{tag}\"]"));
        let loaded = shapan::scenario::load::load_str(Path::new("x.ron"), edited, &[]);
        let bad: Vec<_> = loaded.diagnostics.iter().filter(|d| d.code == Code::UnknownLanguage).collect();
        assert_eq!(bad.is_empty(), ok, "{tag}: {bad:?}");
        if let Some(d) = bad.first() {
            assert!(d.help_in(Lang::ZH_CN).unwrap().contains(hint), "{tag}: {:?}", d.help_in(Lang::ZH_CN));
        }
    }
}
