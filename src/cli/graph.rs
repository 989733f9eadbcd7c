//! `shapan graph`: the scenario as a map (scenes, endings, choices, timers, random draws) in DOT,
//! Mermaid or SVG, greyed where no road goes and the best road drawn thick, both found by
//! exploring every road.

use super::{EXIT_ERRORS, EXIT_USAGE, GraphArgs, GraphFormat};
use crate::engine::Compiled;
use crate::lang::Lang;
use crate::present::graph::{Map, Marks, to_dot, to_mermaid, to_svg};
use crate::scenario::load_path;
use crate::t;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &GraphArgs, lang: Lang) -> ExitCode {
    let loaded = load_path(&args.file);
    let scenario = match loaded.scenario.clone() {
        Some(s) if loaded.error_count() == 0 => s,
        _ => {
            eprint!("{}", super::validate::report_text(std::slice::from_ref(&loaded), lang));
            return ExitCode::from(EXIT_ERRORS);
        }
    };
    let compiled = Compiled::new(scenario);
    let role = match &args.role {
        None => 0,
        Some(r) => match compiled.role_index(r) {
            Some(i) => i,
            None => {
                let known: Vec<&str> = compiled.scenario.roles.iter().map(|r| r.id.as_str()).collect();
                // Ids are ASCII: a comma list reads the same in every language.
                eprintln!("{}", t!(lang, "graph-no-role", role = r, roles = known.join(", ")));
                return ExitCode::from(EXIT_USAGE);
            }
        },
    };
    // Grey what no road reaches and draw the best road, from exploring every road.
    let analysis = crate::engine::analysis::analyse(&compiled, Some(role));
    let marks = analysis.roles.first().map_or_else(|| Marks::structural(&compiled, role), |r| Marks::explored(&compiled, r));
    let map = Map::build(&compiled, role, lang, &marks);
    let text = match args.format {
        GraphFormat::Dot => to_dot(&map),
        GraphFormat::Mermaid => to_mermaid(&map),
        GraphFormat::Svg => to_svg(&map),
    };
    let written = match &args.out {
        Some(path) => std::fs::write(path, &text).map_err(|e| format!("{}: {e}", path.display())),
        // A closed pipe (`| head`) is not an error worth reporting.
        None => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            Ok(())
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", t!(lang, "graph-cannot-write", error = e));
            ExitCode::from(EXIT_ERRORS)
        }
    }
}
