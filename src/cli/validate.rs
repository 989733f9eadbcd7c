//! `shapan validate`: checks files and folders and reports every problem, as text or JSON.

use super::{EXIT_ERRORS, EXIT_USAGE, Format, ValidateArgs};
use crate::lang::Lang;
use crate::scenario::render::{render, summary};
use crate::scenario::{Loaded, load_path, scenario_files};
use serde_json::{Value, json};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The folder validated when no path is given.
pub const DEFAULT_DIR: &str = "scenarios";

pub fn run(args: &ValidateArgs, lang: Lang) -> ExitCode {
    let paths = if args.paths.is_empty() {
        let dir = PathBuf::from(DEFAULT_DIR);
        if !dir.is_dir() {
            eprintln!("{}", crate::t!(lang, "diag-no-scenarios-folder"));
            return ExitCode::from(EXIT_USAGE);
        }
        vec![dir]
    } else {
        args.paths.clone()
    };
    let files = scenario_files(&paths);
    let loaded: Vec<Loaded> = files.iter().map(|f| load_path(f)).collect();
    // A closed pipe (`| head`) is not an error worth a panic.
    let mut out = std::io::stdout().lock();
    let _ = match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&report_json(&loaded, lang)).unwrap_or_default()),
        Format::Text => write!(out, "{}", report_text(&loaded, lang)),
    };
    if loaded.iter().any(|l| l.error_count() > 0) { ExitCode::from(EXIT_ERRORS) } else { ExitCode::SUCCESS }
}

/// The text report: every diagnostic rendered, a line per file, and a total.
pub fn report_text(loaded: &[Loaded], lang: Lang) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings) = (0, 0);
    for l in loaded {
        let name = l.path.display().to_string();
        let lines = l.line_index();
        for d in &l.diagnostics {
            out.push_str(&render(d, &name, &lines, lang));
            out.push('\n');
        }
        out.push_str(&summary(&name, l.error_count(), l.warning_count(), lang));
        out.push('\n');
        errors += l.error_count();
        warnings += l.warning_count();
    }
    if loaded.len() > 1 {
        let total = crate::t!(lang, "diag-summary-total", files = loaded.len());
        out.push_str(&summary(&total, errors, warnings, lang));
        out.push('\n');
    }
    out
}

/// The JSON report; its shape is relied on by other tools (see README).
pub fn report_json(loaded: &[Loaded], lang: Lang) -> Value {
    let files: Vec<Value> = loaded
        .iter()
        .map(|l| {
            let s = l.scenario.as_ref();
            let diagnostics: Vec<Value> = l.diagnostics.iter().map(|d| diagnostic_json(d, lang)).collect();
            json!({
                "path": l.path.display().to_string(),
                "id": s.map(|s| s.id.clone()),
                "title": s.map(|s| s.title.get(lang.code()).to_string()),
                "category": s.map(|s| s.category.key()),
                "language": s.map(|s| s.original_language().to_string()),
                "languages": s.map(|s| s.languages.clone()),
                "minutes": s.map(|s| s.minutes),
                "class_minutes": s.and_then(|s| s.class_minutes),
                "difficulty": s.map(|s| format!("{:?}", s.difficulty).to_lowercase()),
                "summary": s.map(|s| s.summary.get(lang.code()).to_string()),
                "objectives": s.map(|s| s.objectives.iter().map(|o| o.get(lang.code()).to_string()).collect::<Vec<_>>()),
                "roles": s.map(|s| s.roles.iter().map(|r| r.name.get(lang.code()).to_string()).collect::<Vec<_>>()),
                "counts": s.map(|s| json!({
                    "scenes": s.scenes.len(),
                    "choices": s.choice_count(),
                    "endings": s.endings.len(),
                    "competencies": s.competencies.len(),
                    "meters": s.meters.len(),
                    "injects": s.injects.len(),
                })),
                "errors": l.error_count(),
                "warnings": l.warning_count(),
                "diagnostics": diagnostics,
            })
        })
        .collect();
    json!({ "files": files })
}

/// One diagnostic in the JSON reports of `validate` and `analyze`: its message and help rendered
/// in `lang`, and the message's catalogue key and arguments as data (`message_key`, `args`), so a
/// tool can word it itself or look at the ids without parsing prose.
pub fn diagnostic_json(d: &crate::scenario::Diagnostic, lang: Lang) -> Value {
    json!({
        "code": d.code.as_str(),
        "message_key": d.message.key,
        "args": args_json(&d.message, lang),
        "severity": d.severity.as_str(),
        "line": d.span.map(|s| s.start.line),
        "column": d.span.map(|s| s.start.column),
        "end_line": d.span.map(|s| s.end.line),
        "end_column": d.span.map(|s| s.end.column),
        "message": d.message_in(lang),
        "help": d.help_in(lang),
    })
}

/// A message's arguments as a JSON object: text and numbers as they are, lists as arrays, and a
/// nested message (a kind of thing, a place in the file) rendered in `lang`.
fn args_json(m: &crate::i18n::Message, lang: Lang) -> Value {
    use crate::i18n::Arg;
    let map = m
        .args
        .iter()
        .map(|(name, arg)| {
            let v = match arg {
                Arg::Str(s) => json!(s),
                Arg::Num(n) => json!(n),
                Arg::List(items) => json!(items),
                Arg::Msg(inner) => json!(inner.render(lang)),
            };
            ((*name).to_string(), v)
        })
        .collect::<serde_json::Map<_, _>>();
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::load::load_str;
    use crate::scenario::locate::BUILDS;
    use std::path::Path;

    /// A report over many diagnostics scans each file's lines once, not once per diagnostic
    /// (which made a draft with 34 000 warnings take 41 s to print).
    #[test]
    fn text_report_builds_one_line_index_per_file() {
        let source = std::fs::read_to_string("scenarios/tutorial/water_rumour_quick.ron").unwrap();
        let flags: String = (0..300).map(|i| format!("(id: \"unused_{i}\"), ")).collect();
        let noisy = source.replacen("flags: [", &format!("flags: [{flags}"), 1);
        let files = [load_str(Path::new("a.ron"), noisy.clone(), &[]), load_str(Path::new("b.ron"), noisy, &[])];
        assert!(files.iter().all(|l| l.warning_count() >= 300), "{}", files[0].warning_count());
        BUILDS.with(|b| b.set(0));
        let text = report_text(&files, Lang::EN);
        assert_eq!(BUILDS.with(|b| b.get()), files.len(), "one line index per file");
        assert!(text.matches("warning[unused-flag]").count() >= 600);
        assert!(text.contains("a.ron:") && text.contains("b.ron:"));
    }
}
