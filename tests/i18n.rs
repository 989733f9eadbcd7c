//! The message catalogues are complete and every message the code names exists: each language
//! has the same keys, no file has a syntax error, and each `t!`/`msg!`/`Message::new` key written
//! in `src/` is in the Chinese catalogue (the one every language falls back to).

use std::collections::BTreeSet;
use std::path::Path;

use shapan::i18n;
use shapan::lang::Lang;

#[test]
fn every_catalogue_parses() {
    for lang in Lang::all() {
        let errors = i18n::catalogue_errors(lang);
        assert!(errors.is_empty(), "{lang}: {errors:#?}");
    }
}

#[test]
fn every_language_has_every_message_and_no_key_twice() {
    let keys = |l: Lang| -> BTreeSet<String> {
        let all = i18n::keys(l);
        let set: BTreeSet<String> = all.iter().map(|(_, k)| k.clone()).collect();
        assert_eq!(set.len(), all.len(), "{l}: a key is defined twice");
        set
    };
    let chinese = keys(Lang::ZH_CN);
    assert!(chinese.len() > 1);
    for lang in Lang::all() {
        let other = keys(lang);
        let missing: Vec<_> = chinese.difference(&other).collect();
        let extra: Vec<_> = other.difference(&chinese).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang} has keys Chinese lacks: {extra:?}");
    }
}

/// The message keys named literally in the source: `t!(lang, "key"`, `msg!("key"`, `Message::new("key"`.
fn keys_in_source() -> BTreeSet<(String, String)> {
    fn walk(dir: &Path, out: &mut BTreeSet<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for marker in ["t!(", "msg!(", "Message::new("] {
                    for (at, _) in text.match_indices(marker) {
                        // `assert!(` ends in `t!(`: only a whole macro name counts.
                        if text[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
                            && marker != "Message::new("
                        {
                            continue;
                        }
                        // Skip the macro definitions and doc examples.
                        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                        let line = &text[line_start..];
                        if line.trim_start().starts_with("//") || line.trim_start().starts_with("macro_rules") {
                            continue;
                        }
                        let rest = &text[at + marker.len()..];
                        let rest = if marker == "t!(" { rest.split_once(',').map_or("", |(_, r)| r) } else { rest };
                        let rest = rest.trim_start();
                        if let Some(r) = rest.strip_prefix('"')
                            && let Some(end) = r.find('"')
                        {
                            out.insert((path.display().to_string(), r[..end].to_string()));
                        }
                    }
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path(), &mut out);
    out
}

#[test]
fn every_message_the_code_names_exists() {
    let used = keys_in_source();
    assert!(used.len() > 1, "the scan found no keys: {used:?}");
    // `no-such-…` keys are the fallback tests' deliberate misses.
    let missing: Vec<_> = used.iter().filter(|(_, k)| !k.starts_with("no-such-") && !i18n::has(Lang::ZH_CN, k)).collect();
    assert!(missing.is_empty(), "messages named in the code but not in assets/locales/zh-CN: {missing:#?}");
}
