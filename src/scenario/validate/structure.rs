//! Structure pass: format version, languages, id syntax and uniqueness, meter ranges, weights,
//! timers and the clock.

use super::{Ctx, Outcome};
use crate::i18n::Message;
use crate::msg;
use crate::scenario::diagnostic::{Code, Finding, Location};
use crate::scenario::expr::BUILTINS;
use crate::scenario::model::{FORMAT_VERSION, Next};
use rustc_hash::FxHashMap as HashMap;
use unic_langid::LanguageIdentifier;

/// Longest id accepted, in characters.
pub const MAX_ID_LEN: usize = 64;

const RESERVED: [&str; 5] = ["true", "false", "and", "or", "not"];

pub(super) fn check(ctx: &Ctx, outcomes: &[Outcome], out: &mut Vec<Finding>) {
    let s = ctx.s;
    if s.format != FORMAT_VERSION {
        out.push(
            Finding::at(Code::UnsupportedFormat, "format", msg!("diag-format-version-is-not-supported", format = &s.format))
                .with_help(msg!("diag-this-shapan-reads-format", format_version = FORMAT_VERSION)),
        );
    }
    languages(ctx, out);
    ids(ctx, out);
    for (i, m) in s.meters.iter().enumerate() {
        if m.min >= m.max {
            out.push(Finding::at(
                Code::BadRange,
                format!("meters[{i}].max"),
                msg!("diag-meter-has-max-not-above-min", id = &m.id, max = &m.max, min = &m.min),
            ));
        } else if m.start < m.min || m.start > m.max {
            out.push(
                Finding::at(
                    Code::BadRange,
                    format!("meters[{i}].start"),
                    msg!("diag-meter-starts-at-outside", id = &m.id, start = &m.start, min = &m.min, max = &m.max),
                )
                .with_help(msg!("diag-set-start-between-min-and-max")),
            );
        }
    }
    for (i, c) in s.competencies.iter().enumerate() {
        if c.weight <= 0 {
            out.push(
                Finding::at(
                    Code::BadWeight,
                    format!("competencies[{i}].weight"),
                    msg!("diag-weight-must-be-above-0-it", weight = &c.weight),
                )
                .with_help(msg!("diag-remove-competency-that-should-not-count")),
            );
        }
    }
    for o in outcomes {
        let Some(Next::Random(branches)) = o.next else {
            continue;
        };
        let path = format!("{}.next", o.path());
        for (k, b) in branches.iter().enumerate() {
            if b.weight <= 0 {
                out.push(Finding::at(
                    Code::BadWeight,
                    format!("{path}.0[{k}].weight"),
                    msg!("diag-random-branch-s-weight-must-be", weight = &b.weight),
                ));
            }
        }
        if branches.is_empty() {
            out.push(Finding::at(Code::BadValue, path, msg!("diag-random-needs-at-least-one-branch")));
        }
    }
    for (i, scene) in s.scenes.iter().enumerate() {
        if let Some(t) = &scene.timer
            && t.seconds == 0
        {
            out.push(Finding::at(Code::BadValue, format!("scenes[{i}].timer.seconds"), msg!("diag-timer-cannot-be-0-seconds")));
        }
    }
    if let Some(clock) = &s.clock
        && let Some(start) = &clock.start
        && parse_hhmm(start).is_none()
    {
        out.push(
            Finding::at(Code::BadValue, "clock.start", msg!("diag-time-is-not-hh-mm", start = start))
                .with_help(msg!("diag-for-example-08-30")),
        );
    }
}

/// Minutes after midnight of an `HH:MM` time.
pub fn parse_hhmm(s: &str) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && s.len() <= 5).then_some(h * 60 + m)
}

fn languages(ctx: &Ctx, out: &mut Vec<Finding>) {
    let langs = &ctx.s.languages;
    if langs.is_empty() {
        out.push(
            Finding::at(Code::UnknownLanguage, "languages", msg!("diag-declare-at-least-one-language"))
                .with_help(msg!("diag-for-example-languages-zh-cn-en")),
        );
    }
    let mut seen = HashMap::default();
    for (i, code) in langs.iter().enumerate() {
        // Content languages are any BCP 47 tag (Tibetan "bo", Uyghur "ug"), not only the interface's:
        // a tag must be well formed and written the canonical way, since texts are keyed by it.
        // Only two- and three-letter primary languages are ever assigned (ISO 639), so a longer
        // one ("english", "chinese") is a word written where a tag belongs.
        let parsed = code.parse::<LanguageIdentifier>().ok().filter(|l| (2..=3).contains(&l.language.as_str().len()));
        let canonical = parsed.map(|l| l.to_string());
        if canonical.as_deref() != Some(code.as_str()) {
            let help = match canonical {
                Some(canonical) => msg!("diag-write-language-as", tag = canonical),
                None => msg!("diag-language-tag-hint"),
            };
            out.push(
                Finding::at(Code::UnknownLanguage, format!("languages[{i}]"), msg!("diag-unknown-language-code", code = code))
                    .with_help(help),
            );
        }
        if seen.insert(code.as_str(), i).is_some() {
            out.push(Finding::at(Code::DuplicateId, format!("languages[{i}]"), msg!("diag-language-is-listed-twice", code = code)));
        }
    }
}

/// Checks one kind of id for syntax and duplicates. `expr_name` ids are used as names in conditions.
fn kind<'a>(
    out: &mut Vec<Finding>,
    what: &'static str,
    items: impl Iterator<Item = (Place, &'a str)>,
    expr_name: bool,
    seen: &mut HashMap<&'a str, Place>,
) {
    let kind = || msg!(what);
    for (path, id) in items {
        if let Some(problem) = id_problem(id, expr_name) {
            out.push(
                Finding::at(Code::BadId, path.to_string(), msg!("diag-id-is-not-usable", kind = kind(), id = id, problem = problem))
                    .with_help(msg!("diag-ids-use-letters-digits-and-underscores")),
            );
        }
        if let Some(first) = seen.get(id) {
            out.push(
                Finding::at(
                    Code::DuplicateId,
                    path.to_string(),
                    match crate::scenario::syntax::plain_path(first.to_string().trim_end_matches(".id")) {
                        Some(p) => {
                            msg!("diag-id-is-used-twice-has-it", kind = kind(), id = id, first = p)
                        }
                        None => msg!("diag-id-is-used-twice", kind = kind(), id = id),
                    },
                )
                .with_help(msg!("diag-give-this-one-new-id-copied")),
            );
        } else {
            seen.insert(id, path);
        }
    }
}

/// What is wrong with an id, if anything. `expr_name` ids (meters, flags) are also names in conditions.
pub fn id_problem(id: &str, expr_name: bool) -> Option<Message> {
    if id.is_empty() {
        return Some(msg!("diag-it-is-empty"));
    }
    if id.chars().count() > MAX_ID_LEN {
        return Some(msg!("diag-longer-than-characters", max_id_len = MAX_ID_LEN));
    }
    if let Some(c) = id.chars().find(|c| !(c.is_alphanumeric() || *c == '_' || (*c == '-' && !expr_name))) {
        return Some(if c == '-' { msg!("diag-it-is-used-in-conditions-so") } else { msg!("diag-it-contains", char = c) });
    }
    if expr_name {
        if id.starts_with(|c: char| c.is_ascii_digit()) {
            return Some(msg!("diag-it-starts-with-digit"));
        }
        if RESERVED.contains(&id) || BUILTINS.contains(&id) {
            return Some(msg!("diag-is-reserved-in-conditions", id = id));
        }
    }
    None
}

/// Where an id is written, formatted only when reported.
#[derive(Clone, Copy, Debug)]
enum Place {
    Item(&'static str, usize),
    Choice(usize, usize),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Item(name, i) => write!(f, "{name}[{i}].id"),
            Place::Choice(i, j) => write!(f, "scenes[{i}].choices[{j}].id"),
        }
    }
}

fn ids_of<'a, T>(name: &'static str, items: &'a [T], id: fn(&T) -> &String) -> impl Iterator<Item = (Place, &'a str)> {
    items.iter().enumerate().map(move |(i, x)| (Place::Item(name, i), id(x).as_str()))
}

fn ids(ctx: &Ctx, out: &mut Vec<Finding>) {
    let s = ctx.s;
    if let Some(p) = id_problem(&s.id, false) {
        out.push(Finding::at(Code::BadId, "id", msg!("diag-scenario-id-is-not-usable", id = &s.id, problem = p)));
    }
    let fresh = HashMap::default;
    kind(out, "diag-kind-scene", ids_of("scenes", &s.scenes, |x| &x.id), false, &mut fresh());
    kind(out, "diag-kind-ending", ids_of("endings", &s.endings, |x| &x.id), false, &mut fresh());
    kind(out, "diag-kind-competency", ids_of("competencies", &s.competencies, |x| &x.id), false, &mut fresh());
    kind(out, "diag-kind-role", ids_of("roles", &s.roles, |x| &x.id), false, &mut fresh());
    kind(out, "diag-kind-character", ids_of("characters", &s.characters, |x| &x.id), false, &mut fresh());
    kind(out, "diag-kind-inject", ids_of("injects", &s.injects, |x| &x.id), false, &mut fresh());
    // Meters and flags share one namespace: conditions name both the same way.
    let mut names = fresh();
    kind(out, "diag-kind-meter", ids_of("meters", &s.meters, |x| &x.id), true, &mut names);
    kind(out, "diag-kind-flag", ids_of("flags", &s.flags, |x| &x.id), true, &mut names);
    let choices = s
        .scenes
        .iter()
        .enumerate()
        .flat_map(|(i, sc)| sc.choices.iter().enumerate().map(move |(j, c)| (Place::Choice(i, j), c.id.as_str())));
    kind(out, "diag-kind-choice", choices, false, &mut fresh());
    if s.roles.is_empty() {
        out.push(Finding::new(Code::MissingField, Location::Path("roles".into()), msg!("diag-at-least-one-role-is-needed")));
    }
    if s.competencies.is_empty() {
        out.push(Finding::at(Code::MissingField, "competencies", msg!("diag-at-least-one-competency-is-needed")));
    }
    if s.endings.is_empty() {
        out.push(Finding::at(Code::NoEndingReachable, "endings", msg!("diag-at-least-one-ending-is-needed")));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{BASE, codes, run_on};
    use crate::scenario::diagnostic::Code;

    #[test]
    fn reports_format_range_weight_and_ids() {
        let src = BASE
            .replace("format: 1", "format: 2")
            .replace("min: 0, max: 100, start: 50", "min: 0, max: 100, start: 150")
            .replace("weight: 1", "weight: 0")
            .replace("(id: \"deleted\")", "(id: \"trust\"), (id: \"has-dash\")")
            .replace("(id: \"s2\"", "(id: \"s1\"")
            .replace("languages: [\"zh-CN\"]", "languages: [\"zh-CN\", \"zh_cn\"]");
        let got = codes(&run_on(&src));
        for want in [
            (Code::UnsupportedFormat, "format"),
            (Code::BadRange, "meters[0].start"),
            (Code::BadWeight, "competencies[0].weight"),
            (Code::DuplicateId, "flags[0].id"),
            (Code::BadId, "flags[1].id"),
            (Code::DuplicateId, "scenes[1].id"),
            (Code::UnknownLanguage, "languages[1]"),
        ] {
            assert!(got.contains(&(want.0, want.1.to_string())), "missing {want:?} in {got:?}");
        }
    }

    #[test]
    fn random_weights_and_timer_seconds() {
        let src = BASE.replace("next: Scene(\"s2\")", "next: Random([(weight: 0, next: Scene(\"s2\")), (weight: 2, next: End)])");
        let src = src.replace("(id: \"s2\", text: \"结束前\",", "(id: \"s2\", text: \"结束前\", timer: (seconds: 0, next: End),");
        let got = codes(&run_on(&src));
        assert!(got.contains(&(Code::BadWeight, "scenes[0].choices[0].next.0[0].weight".into())), "{got:?}");
        assert!(got.contains(&(Code::BadValue, "scenes[1].timer.seconds".into())), "{got:?}");
    }

    #[test]
    fn hhmm() {
        assert_eq!(super::parse_hhmm("08:30"), Some(510));
        assert_eq!(super::parse_hhmm("24:00"), None);
        assert_eq!(super::parse_hhmm("8点"), None);
    }
}
