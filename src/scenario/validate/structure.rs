//! Structure pass: format version, languages, id syntax and uniqueness, meter ranges, weights,
//! timers and the clock.

use super::{Ctx, Outcome};
use crate::bi;
use crate::lang::Lang;
use crate::scenario::diagnostic::{Code, Finding, Location};
use crate::scenario::expr::BUILTINS;
use crate::scenario::model::{FORMAT_VERSION, Next};
use rustc_hash::FxHashMap as HashMap;

/// Longest id accepted, in characters.
pub const MAX_ID_LEN: usize = 64;

const RESERVED: [&str; 5] = ["true", "false", "and", "or", "not"];

pub(super) fn check(ctx: &Ctx, outcomes: &[Outcome], out: &mut Vec<Finding>) {
    let s = ctx.s;
    if s.format != FORMAT_VERSION {
        out.push(
            Finding::at(
                Code::UnsupportedFormat,
                "format",
                bi!(("不支持格式版本 {}", s.format), ("format version {} is not supported", s.format)),
            )
            .with_help(bi!("这个版本的沙盘读取 format: {FORMAT_VERSION}", "this Shapan reads format: {FORMAT_VERSION}")),
        );
    }
    languages(ctx, out);
    ids(ctx, out);
    for (i, m) in s.meters.iter().enumerate() {
        if m.min >= m.max {
            out.push(Finding::at(
                Code::BadRange,
                format!("meters[{i}].max"),
                bi!(
                    ("指标“{}”的上限 {} 不大于下限 {}", m.id, m.max, m.min),
                    ("meter '{}' has max {} not above min {}", m.id, m.max, m.min)
                ),
            ));
        } else if m.start < m.min || m.start > m.max {
            out.push(
                Finding::at(
                    Code::BadRange,
                    format!("meters[{i}].start"),
                    bi!(
                        ("指标“{}”的初始值 {} 不在 {}..{} 之内", m.id, m.start, m.min, m.max),
                        ("meter '{}' starts at {}, outside {}..{}", m.id, m.start, m.min, m.max)
                    ),
                )
                .with_help(bi!("把 start 改到 min 和 max 之间", "set start between min and max")),
            );
        }
    }
    for (i, c) in s.competencies.iter().enumerate() {
        if c.weight <= 0 {
            out.push(
                Finding::at(
                    Code::BadWeight,
                    format!("competencies[{i}].weight"),
                    bi!(("权重必须大于 0（现在是 {}）", c.weight), ("weight must be above 0 (it is {})", c.weight)),
                )
                .with_help(bi!("不想计入总分的能力项，直接删掉", "remove a competency that should not count")),
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
                    bi!(
                        ("随机分支的权重必须大于 0（现在是 {}）", b.weight),
                        ("a random branch's weight must be above 0 (it is {})", b.weight)
                    ),
                ));
            }
        }
        if branches.is_empty() {
            out.push(Finding::at(Code::BadValue, path, bi!("Random 里至少要有一个分支", "Random needs at least one branch")));
        }
    }
    for (i, scene) in s.scenes.iter().enumerate() {
        if let Some(t) = &scene.timer
            && t.seconds == 0
        {
            out.push(Finding::at(
                Code::BadValue,
                format!("scenes[{i}].timer.seconds"),
                bi!("限时不能是 0 秒", "a timer cannot be 0 seconds"),
            ));
        }
    }
    if let Some(clock) = &s.clock
        && let Some(start) = &clock.start
        && parse_hhmm(start).is_none()
    {
        out.push(
            Finding::at(Code::BadValue, "clock.start", bi!("时间“{start}”不是 时:分 格式", "time '{start}' is not HH:MM"))
                .with_help(bi!("例如 \"08:30\"", "for example \"08:30\"")),
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
            Finding::at(Code::UnknownLanguage, "languages", bi!("至少要声明一种语言", "declare at least one language"))
                .with_help(bi!("例如 languages: [\"zh-CN\", \"en\"]", "for example languages: [\"zh-CN\", \"en\"]")),
        );
    }
    let mut seen = HashMap::default();
    for (i, code) in langs.iter().enumerate() {
        if code.parse::<Lang>().map(|l| l.code() != code).unwrap_or(true) {
            let help = match code.parse::<Lang>() {
                Ok(l) => bi!(("请写成“{}”", l.code()), ("write '{}'", l.code())),
                Err(_) => bi!("目前支持 zh-CN 和 en", "supported: zh-CN and en"),
            };
            out.push(
                Finding::at(
                    Code::UnknownLanguage,
                    format!("languages[{i}]"),
                    bi!("不认识的语言代码“{code}”", "unknown language code '{code}'"),
                )
                .with_help(help),
            );
        }
        if seen.insert(code.as_str(), i).is_some() {
            out.push(Finding::at(
                Code::DuplicateId,
                format!("languages[{i}]"),
                bi!("语言“{code}”重复了", "language '{code}' is listed twice"),
            ));
        }
    }
}

/// Checks one kind of id for syntax and duplicates. `expr_name` ids are used as names in conditions.
fn kind<'a>(
    out: &mut Vec<Finding>,
    what: (&str, &str),
    items: impl Iterator<Item = (Place, &'a str)>,
    expr_name: bool,
    seen: &mut HashMap<&'a str, Place>,
) {
    let (zh, en) = what;
    for (path, id) in items {
        if let Some(problem) = id_problem(id, expr_name) {
            out.push(
                Finding::at(
                    Code::BadId,
                    path.to_string(),
                    bi!(("{zh} id “{id}” 不可用：{}", problem.zh), ("{en} id '{id}' is not usable: {}", problem.en)),
                )
                .with_help(bi!(
                    "id 用字母、数字、下划线（中文也可以），例如 hot_search",
                    "ids use letters, digits and underscores (Chinese letters too), e.g. hot_search"
                )),
            );
        }
        if let Some(first) = seen.get(id) {
            out.push(
                Finding::at(
                    Code::DuplicateId,
                    path.to_string(),
                    match crate::scenario::syntax::plain_path(first.to_string().trim_end_matches(".id")) {
                        Some(p) => {
                            bi!(("{zh} id “{id}” 重复了：{}已经用了它", p.zh), ("{en} id '{id}' is used twice: {} has it already", p.en))
                        }
                        None => bi!("{zh} id “{id}” 重复了", "{en} id '{id}' is used twice"),
                    },
                )
                .with_help(bi!(
                    "给这一个起一个新的 id（复制一段内容后，常会忘了改 id）",
                    "give this one a new id (a copied block often keeps the old one)"
                )),
            );
        } else {
            seen.insert(id, path);
        }
    }
}

/// What is wrong with an id, if anything. `expr_name` ids (meters, flags) are also names in conditions.
pub fn id_problem(id: &str, expr_name: bool) -> Option<crate::lang::Bilingual> {
    if id.is_empty() {
        return Some(bi!("是空的", "it is empty"));
    }
    if id.chars().count() > MAX_ID_LEN {
        return Some(bi!("超过 {MAX_ID_LEN} 个字符", "longer than {MAX_ID_LEN} characters"));
    }
    if let Some(c) = id.chars().find(|c| !(c.is_alphanumeric() || *c == '_' || (*c == '-' && !expr_name))) {
        return Some(if c == '-' {
            bi!("条件里要用到它，不能含“-”，请用“_”", "it is used in conditions, so use '_' instead of '-'")
        } else {
            bi!("含有字符“{c}”", "it contains '{c}'")
        });
    }
    if expr_name {
        if id.starts_with(|c: char| c.is_ascii_digit()) {
            return Some(bi!("不能以数字开头", "it starts with a digit"));
        }
        if RESERVED.contains(&id) || BUILTINS.contains(&id) {
            return Some(bi!("“{id}”是条件语言的保留字", "'{id}' is reserved in conditions"));
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
        out.push(Finding::at(
            Code::BadId,
            "id",
            bi!(("场景 id “{}” 不可用：{}", s.id, p.zh), ("scenario id '{}' is not usable: {}", s.id, p.en)),
        ));
    }
    let fresh = HashMap::default;
    kind(out, ("场景", "scene"), ids_of("scenes", &s.scenes, |x| &x.id), false, &mut fresh());
    kind(out, ("结局", "ending"), ids_of("endings", &s.endings, |x| &x.id), false, &mut fresh());
    kind(out, ("能力项", "competency"), ids_of("competencies", &s.competencies, |x| &x.id), false, &mut fresh());
    kind(out, ("角色", "role"), ids_of("roles", &s.roles, |x| &x.id), false, &mut fresh());
    kind(out, ("人物", "character"), ids_of("characters", &s.characters, |x| &x.id), false, &mut fresh());
    kind(out, ("突发事件", "inject"), ids_of("injects", &s.injects, |x| &x.id), false, &mut fresh());
    // Meters and flags share one namespace: conditions name both the same way.
    let mut names = fresh();
    kind(out, ("指标", "meter"), ids_of("meters", &s.meters, |x| &x.id), true, &mut names);
    kind(out, ("标记", "flag"), ids_of("flags", &s.flags, |x| &x.id), true, &mut names);
    let choices = s
        .scenes
        .iter()
        .enumerate()
        .flat_map(|(i, sc)| sc.choices.iter().enumerate().map(move |(j, c)| (Place::Choice(i, j), c.id.as_str())));
    kind(out, ("选项", "choice"), choices, false, &mut fresh());
    if s.roles.is_empty() {
        out.push(Finding::new(Code::MissingField, Location::Path("roles".into()), bi!("至少要有一个角色", "at least one role is needed")));
    }
    if s.competencies.is_empty() {
        out.push(Finding::at(Code::MissingField, "competencies", bi!("至少要有一个能力项", "at least one competency is needed")));
    }
    if s.endings.is_empty() {
        out.push(Finding::at(Code::NoEndingReachable, "endings", bi!("至少要有一个结局", "at least one ending is needed")));
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
