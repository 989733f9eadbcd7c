//! Turning ron's errors into findings an instructor can act on: what went wrong in plain words,
//! where to fix it (a missing bracket is pointed at where it belongs), and the logical path, if
//! one is shown, in the guide's words.

use super::diagnostic::{Code, Finding, Location};
use super::expr::fullwidth_twin;
use super::load::{MAX_NESTING, options};
use super::locate::{LineIndex, open_brackets};
use super::model::Scenario;
use super::validate;
use crate::bi;
use crate::lang::Bilingual;

fn suggest<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    validate::closest(found, candidates)
}

fn list(items: &[&str]) -> String {
    items.join(", ")
}

/// Turns a ron error into a finding with a message an instructor can act on.
pub(super) fn finding_from_ron(source: &str, err: &ron::error::SpannedError, path: &str) -> Finding {
    use ron::Error as E;
    let lines = LineIndex::new(source);
    let mut start = lines.offset(err.span.start.line, err.span.start.col);
    let mut end = lines.offset(err.span.end.line, err.span.end.col);
    // ron can report an end before the start; put them in order before using them.
    if end < start {
        std::mem::swap(&mut start, &mut end);
    }
    // ron's span may begin on the blank before the value; point at the value itself.
    let skip = source[start..].len() - source[start..].trim_start_matches([' ', '\t']).len();
    start += skip;
    end = end.max(start);
    let at_path = plain_path(path);
    let loc = || Location::Bytes(start, end.max(start + 1));
    let where_ = || match &at_path {
        None => Bilingual::default(),
        Some(p) => bi!(("（位置：{}）", p.zh), (" (at {})", p.en)),
    };
    let syntax = |zh: &str, en: &str, help: Option<Bilingual>| {
        let w = where_();
        Finding::new(Code::Syntax, loc(), bi!(("{zh}{}", w.zh), ("{en}{}", w.en))).with_help_opt(help)
    };
    let wrong_type = |zh: String, en: String| {
        let w = where_();
        Finding::new(Code::WrongType, loc(), bi!(("{zh}{}", w.zh), ("{en}{}", w.en)))
    };
    // A full-width character typed with a Chinese input method is the usual cause of a syntax error.
    let here = source.get(start..).and_then(|t| t.chars().next());
    if let Some((c, ascii)) = here.and_then(|c| fullwidth_twin(c).map(|a| (c, a)))
        && !matches!(err.code, E::NoSuchStructField { .. } | E::NoSuchEnumVariant { .. } | E::MissingStructField { .. })
    {
        return Finding::new(Code::Syntax, loc(), bi!("这里的“{c}”是全角符号", "'{c}' here is a full-width character"))
            .with_help(bi!("请改成半角（英文输入法）的“{ascii}”", "type the ASCII '{ascii}' instead"));
    }
    match &err.code {
        E::Eof => unclosed_at_end(source, &lines).unwrap_or_else(|| {
            syntax(
                "文件在这里意外结束",
                "the file ends unexpectedly here",
                Some(bi!("有括号或引号没有闭合；检查最后几行", "a bracket or quote is not closed; check the last lines")),
            )
        }),
        E::ExceededRecursionLimit => Finding::new(
            Code::TooDeep,
            loc(),
            bi!("括号嵌套太深（最多 {MAX_NESTING} 层）", "brackets nested too deeply (at most {MAX_NESTING} levels)"),
        )
        .with_help(bi!("场景文件不需要这么多层；检查是否有多余的括号", "scenarios never need this many levels; look for stray brackets")),
        E::NoSuchStructField { expected, found, outer } => {
            let outer = outer.clone().unwrap_or_default();
            let help = match suggest(found, expected.iter().copied()) {
                Some(s) => bi!(("是不是“{s}”？可用的字段：{}", list(expected)), ("did you mean `{s}`? Fields here: {}", list(expected))),
                None => bi!(("可用的字段：{}", list(expected)), ("fields here: {}", list(expected))),
            };
            let w = where_();
            Finding::new(
                Code::UnknownField,
                loc(),
                bi!(("{outer} 没有字段“{found}”{}", w.zh), ("`{outer}` has no field `{found}`{}", w.en)),
            )
            .with_help(help)
        }
        E::NoSuchEnumVariant { expected, found, outer } => {
            let outer = outer.clone().unwrap_or_default();
            let help = match suggest(found, expected.iter().copied()) {
                Some(s) => bi!(("是不是“{s}”？可选：{}", list(expected)), ("did you mean `{s}`? One of: {}", list(expected))),
                None => bi!(("可选：{}", list(expected)), ("one of: {}", list(expected))),
            };
            let w = where_();
            Finding::new(
                Code::UnknownVariant,
                loc(),
                bi!(("{outer} 没有“{found}”这一项{}", w.zh), ("`{outer}` has no variant `{found}`{}", w.en)),
            )
            .with_help(help)
        }
        E::MissingStructField { field, outer } => {
            let outer = outer.clone().unwrap_or_default();
            let w = where_();
            Finding::new(
                Code::MissingField,
                loc(),
                bi!(("{outer} 缺少必填字段“{field}”{}", w.zh), ("`{outer}` is missing the required field `{field}`{}", w.en)),
            )
            .with_help(bi!("在这个括号结束前加上 {field}: …", "add `{field}: …` before this closing bracket"))
        }
        E::DuplicateStructField { field, outer } => {
            let outer = outer.clone().unwrap_or_default();
            let w = where_();
            Finding::new(
                Code::DuplicateField,
                loc(),
                bi!(("{outer} 的字段“{field}”写了两次{}", w.zh), ("`{outer}` has the field `{field}` twice{}", w.en)),
            )
            .with_help(bi!("删掉其中一个", "remove one of them"))
        }
        E::InvalidValueForType { expected, found } => {
            wrong_type(format!("这里应是 {expected}，却是 {found}"), format!("expected {expected}, found {found}"))
        }
        E::ExpectedString => wrong_type("这里应是用双引号括起来的文字".into(), "expected text in double quotes".into()),
        E::ExpectedInteger => wrong_type("这里应是整数".into(), "expected a whole number".into()),
        E::ExpectedBoolean => wrong_type("这里应是 true 或 false".into(), "expected true or false".into()),
        E::ExpectedArray => wrong_type("这里应是用方括号 [ ] 括起来的列表".into(), "expected a list in [ ]".into()),
        E::ExpectedMap => wrong_type("这里应是用花括号 { } 括起来的表".into(), "expected a map in { }".into()),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            wrong_type("这里应是用圆括号 ( ) 括起来的结构".into(), "expected a structure in ( )".into())
        }
        E::IntegerOutOfBounds => wrong_type("数字超出范围".into(), "number out of range".into()),
        E::ExpectedComma => {
            syntax("这里缺少逗号", "expected a comma here", Some(bi!("每一项后面都要有英文逗号“,”", "every item needs a comma after it")))
        }
        E::ExpectedArrayEnd => syntax(
            "这里应是列表的结尾“]”",
            "expected the end of the list `]`",
            Some(bi!("检查是否少了逗号或多了括号", "check for a missing comma or an extra bracket")),
        ),
        E::ExpectedMapEnd => syntax("这里应是“}”", "expected `}`", Some(bi!("检查是否少了逗号", "check for a missing comma"))),
        E::ExpectedMapColon => syntax("这里缺少冒号“:”", "expected `:`", None),
        E::ExpectedStructLikeEnd => {
            syntax("这里应是“)”", "expected `)`", Some(bi!("检查是否少了逗号或多写了内容", "check for a missing comma or something extra")))
        }
        E::ExpectedStringEnd => syntax("文字缺少结尾的双引号", "text is missing its closing quote", None),
        E::ExpectedIdentifier => match source[start..].chars().next() {
            Some('"') => quoted_word(source, start, path)
                .unwrap_or_else(|| syntax("这里应是不加引号的固定的词", "expected a fixed word, without quotes", None)),
            Some('(' | ')' | ']' | '}') => missing_close(source, start, &lines)
                .unwrap_or_else(|| syntax("这里应是字段名或名称", "expected a field name or a name", None)),
            _ => syntax("这里应是字段名或名称", "expected a field name or a name", None),
        },
        E::UnclosedBlockComment => syntax("注释 /* 没有用 */ 结束", "comment /* is never closed with */", None),
        E::TrailingCharacters => syntax(
            "场景结束后还有多余内容",
            "unexpected content after the end of the scenario",
            Some(bi!("一个文件只写一个场景；检查括号是否提前闭合", "a file holds one scenario; check for a bracket closed too early")),
        ),
        E::UnexpectedChar(c) => {
            let help = if let Some(ascii) = fullwidth_twin(*c) {
                Some(bi!(
                    "“{c}”是全角符号，请改成半角（英文输入法）的“{ascii}”",
                    "'{c}' is a full-width character; type the ASCII '{ascii}' instead"
                ))
            } else if !c.is_ascii() && c.is_alphabetic() {
                Some(bi!(
                    "字段名要用英文（如 title、text）；中文内容要写在双引号里",
                    "field names are English words (title, text); Chinese text goes inside double quotes"
                ))
            } else {
                None
            };
            syntax(&format!("这里不能有字符“{c}”"), &format!("unexpected character '{c}'"), help)
        }
        E::Utf8Error(_) => Finding::new(Code::InvalidUtf8, loc(), bi!("文件不是 UTF-8 编码的文本", "the file is not UTF-8 text")),
        E::Message(m) => wrong_type(m.clone(), m.clone()),
        other => syntax(&format!("格式错误：{other}"), &other.to_string(), None),
    }
}

/// A logical path (`scenes[0].choices[1].?`) in the words of the author's guide
/// (第 1 个场景 → 第 2 个选项), or nothing when it says nothing useful.
pub(crate) fn plain_path(path: &str) -> Option<Bilingual> {
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for seg in path.split('.') {
        let (name, rest) = seg.split_once('[').unwrap_or((seg, ""));
        if name.is_empty() || name == "?" || name.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let (z, e) = match name {
            "scenes" => ("场景", "scene"),
            "choices" => ("选项", "choice"),
            "endings" => ("结局", "ending"),
            "roles" => ("角色", "role"),
            "characters" => ("人物", "character"),
            "meters" => ("指标", "meter"),
            "competencies" => ("能力项", "competency"),
            "flags" => ("标记", "flag"),
            "injects" => ("突发事件", "inject"),
            "media" => ("帖文", "post"),
            "objectives" => ("目标", "objective"),
            "effects" => ("效果", "effect"),
            "Random" => ("随机分支", "random branch"),
            other => (other, other),
        };
        let index = rest.split('[').next().and_then(|i| i.trim_end_matches(']').parse::<usize>().ok());
        match index {
            Some(i) => {
                zh.push(format!("第 {} 个{z}", i + 1));
                en.push(format!("{e} {}", i + 1));
            }
            None => {
                zh.push(name.to_string());
                en.push(name.to_string());
            }
        }
    }
    (!zh.is_empty()).then(|| Bilingual::new(zh.join(" → "), en.join(" → ")))
}

/// The field a path ends in: `difficulty` for `difficulty`, `effects` for `scenes[0].effects[1]`.
fn last_field(path: &str) -> Option<&str> {
    path.rsplit('.')
        .map(|seg| seg.split('[').next().unwrap_or(seg))
        .find(|name| !name.is_empty() && *name != "?" && !name.chars().all(|c| c.is_ascii_digit()))
}

/// A fixed word (an enum variant such as `Hard`) written in quotes, as text would be. ron only
/// says it wanted a name; parsing again without the quotes tells whether the word itself is right.
fn quoted_word(source: &str, start: usize, path: &str) -> Option<Finding> {
    let body = &source[start + 1..];
    let end = body.find(['"', '\n'])?;
    // A quote left open is a different mistake, reported as such.
    if !body[end..].starts_with('"') {
        return None;
    }
    let word = &body[..end];
    let is_word =
        word.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !is_word {
        return None;
    }
    let close = start + 1 + word.len();
    let unquoted = format!("{}{word}{}", &source[..start], &source[close + 1..]);
    let other_choices = match options().from_str::<Scenario>(&unquoted) {
        Err(ron::error::SpannedError { code: ron::Error::NoSuchEnumVariant { expected, found, .. }, .. }) if found == word => {
            Some((suggest(word, expected.iter().copied()).map(str::to_string), list(expected)))
        }
        _ => None,
    };
    let loc = Location::Bytes(start, close + 1);
    let field = last_field(path);
    let (zh_field, en_field) = match field {
        Some(f) => (format!("{f} 的值"), format!("the value of `{f}`")),
        None => ("这里".to_string(), "this value".to_string()),
    };
    Some(match other_choices {
        None => Finding::new(
            Code::Syntax,
            loc,
            bi!("{zh_field}是固定的词，不加引号：{word}", "{en_field} is a fixed word, written without quotes: {word}"),
        )
        .with_help(bi!("把 \"{word}\" 改成 {word}", "write {word} instead of \"{word}\"")),
        Some((close_word, all)) => {
            let help = match close_word {
                Some(s) => bi!("是不是 {s}？可选：{all}", "did you mean {s}? One of: {all}"),
                None => bi!("可选：{all}", "one of: {all}"),
            };
            Finding::new(
                Code::Syntax,
                loc,
                bi!(
                    "{zh_field}是固定的词，不加引号，而且没有“{word}”这一项",
                    "{en_field} is a fixed word, written without quotes, and `{word}` is not one of them"
                ),
            )
            .with_help(help)
        }
    })
}

/// ron wanted a field name but met the next item's `(` or the end of the list: the item before
/// was never closed. Points just after the last thing written, where the bracket belongs, and
/// names the line where the unclosed bracket opened.
fn missing_close(source: &str, at: usize, lines: &LineIndex) -> Option<Finding> {
    let &(open, opened) = open_brackets(source, at).last()?;
    let close = closing(open);
    let end = source[..at].trim_end().len();
    let line = lines.pos(opened).line;
    Some(
        Finding::new(
            Code::Syntax,
            Location::Bytes(end, end + 1),
            bi!("这里少了一个右括号“{close}”", "a closing bracket `{close}` is missing here"),
        )
        .with_help(bi!(
            "第 {line} 行的“{open}”开始的这一项还没有结束，后面的内容就开始了；在这里补上“{close}”",
            "the item opened with `{open}` on line {line} is not closed before what follows; add `{close}` here"
        )),
    )
}

/// The file ended with brackets still open: says how many, and where the innermost opened.
fn unclosed_at_end(source: &str, lines: &LineIndex) -> Option<Finding> {
    let open = open_brackets(source, source.len());
    let &(innermost, opened) = open.last()?;
    let end = source.trim_end().len();
    let line = lines.pos(opened).line;
    let closers: String = open.iter().rev().map(|&(c, _)| closing(c)).collect();
    let (zh, en) = if open.len() == 1 {
        (format!("少了一个右括号“{closers}”"), format!("a closing bracket `{closers}` is missing"))
    } else {
        (format!("少了 {} 个右括号“{closers}”", open.len()), format!("{} closing brackets `{closers}` are missing", open.len()))
    };
    Some(Finding::new(Code::Syntax, Location::Bytes(end, end + 1), bi!("文件结束了，但{zh}", "the file ends, but {en}")).with_help(bi!(
        "第 {line} 行的“{innermost}”没有闭合；找到它该结束的地方补上",
        "the `{innermost}` on line {line} is never closed; add its closing bracket where it should end"
    )))
}

fn closing(open: char) -> char {
    match open {
        '[' => ']',
        '{' => '}',
        _ => ')',
    }
}
