//! Reading a scenario file: size and encoding checks, RON parsing with every serde error turned
//! into a diagnostic at its place, then the validation passes, then positions resolved.

use super::diagnostic::{Code, Diagnostic, Finding, Location, SourceSpan};
use super::expr::fullwidth_twin;
use super::locate::{LineIndex, SourceIndex, offset_in_string, open_brackets};
use super::model::Scenario;
use super::validate;
use crate::bi;
use crate::lang::Bilingual;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest scenario file accepted. A 10 000-scene scenario is about 6 MiB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Deepest bracket nesting accepted (ron's own guard against stack overflow; never turned off).
pub const MAX_NESTING: usize = 128;

/// A scenario file after loading: its text, the scenario if it parsed, and every problem found.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub source: String,
    /// Present when the file parsed, even with validation errors (so tools can still show counts).
    pub scenario: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    /// Line starts of the file's text, for rendering its diagnostics: build it once per file.
    pub fn line_index(&self) -> LineIndex<'_> {
        LineIndex::new(&self.source)
    }

    /// The scenario if it has no errors: only such a scenario may be played.
    pub fn playable(&self) -> Option<&Scenario> {
        if self.error_count() == 0 { self.scenario.as_ref() } else { None }
    }
}

/// Where assets such as portraits may be found for a scenario at `path`: its own folder and the
/// nearest `assets/` folder above it.
pub fn asset_roots(path: &Path) -> Vec<PathBuf> {
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
    let mut roots = vec![dir.clone()];
    let mut up = std::fs::canonicalize(&dir).ok();
    while let Some(d) = up {
        let candidate = d.join("assets");
        if candidate.is_dir() {
            roots.push(candidate);
            break;
        }
        up = d.parent().map(Path::to_path_buf);
    }
    roots
}

/// Files to check: each path itself, or for a folder every `*.ron` below it, in name order.
/// A path that does not exist is kept so that it is reported.
pub fn scenario_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            collect_ron(p, &mut found, 0);
            found.sort();
            if found.is_empty() {
                out.push(p.clone());
            }
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn collect_ron(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    // Deep or cyclic (symlinked) folder trees stop here rather than hang.
    if depth > 16 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            collect_ron(&path, out, depth + 1);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}

/// Loads and validates one file. Never panics, whatever the file holds.
pub fn load_path(path: &Path) -> Loaded {
    let fail = |finding: Finding| Loaded {
        path: path.to_path_buf(),
        source: String::new(),
        scenario: None,
        diagnostics: resolve(vec![finding], ""),
    };
    let shown = path.display();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return fail(
                Finding::new(Code::Io, Location::File, bi!("找不到文件 {shown}", "file not found: {shown}"))
                    .with_help(bi!("检查路径和文件名是否写对", "check the path and the file name")),
            );
        }
        Err(e) => {
            return fail(Finding::new(Code::Io, Location::File, bi!("无法读取 {shown}：{e}", "cannot read {shown}: {e}")));
        }
    };
    if meta.is_dir() {
        return fail(
            Finding::new(Code::Io, Location::File, bi!("{shown} 是文件夹，不是场景文件", "{shown} is a folder, not a scenario file"))
                .with_help(bi!(
                    "`shapan validate 文件夹` 会检查其中所有 .ron 文件",
                    "`shapan validate FOLDER` checks every .ron file in it"
                )),
        );
    }
    let too_large = |size: u64| {
        let mib = MAX_FILE_BYTES / (1024 * 1024);
        Finding::new(
            Code::FileTooLarge,
            Location::File,
            bi!("文件太大（{size} 字节，上限 {mib} MiB）", "file too large ({size} bytes; the limit is {mib} MiB)"),
        )
        .with_help(bi!(
            "一个场景通常不到 200 KiB；请检查是否选错了文件",
            "a scenario is usually under 200 KiB; check that this is the right file"
        ))
    };
    if meta.len() > MAX_FILE_BYTES {
        return fail(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return fail(Finding::new(Code::Io, Location::File, bi!("无法读取 {shown}：{e}", "cannot read {shown}: {e}")));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return fail(too_large(bytes.len() as u64));
    }
    load_bytes(path, bytes, &asset_roots(path))
}

/// Loads and validates file content given as bytes (the path names it in messages).
pub fn load_bytes(path: &Path, bytes: Vec<u8>, asset_roots: &[PathBuf]) -> Loaded {
    match String::from_utf8(bytes) {
        Ok(source) => load_str(path, source, asset_roots),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let source = String::from_utf8_lossy(&bytes).into_owned();
            // Position of the first bad byte in the lossy text: the valid prefix is unchanged.
            let finding = Finding::new(
                Code::InvalidUtf8,
                Location::Bytes(valid, valid + 1),
                bi!(("文件不是 UTF-8 编码的文本（第 {} 个字节起）", valid + 1), ("the file is not UTF-8 text (from byte {})", valid + 1)),
            )
            .with_help(bi!(
                "用记事本或 WPS 另存为“UTF-8”编码；若是 GBK 编码的文件，需要先转换",
                "save it as UTF-8 in your editor; a GBK-encoded file must be converted first"
            ));
            Loaded { path: path.to_path_buf(), diagnostics: resolve(vec![finding], &source), source, scenario: None }
        }
    }
}

/// Loads and validates scenario text.
pub fn load_str(path: &Path, source: String, asset_roots: &[PathBuf]) -> Loaded {
    // Windows Notepad's "UTF-8 with BOM" starts with U+FEFF, which editors do not show.
    let source = match source.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => source,
    };
    let mut findings = Vec::new();
    let scenario =
        if only_comments(&source) {
            findings.push(Finding::new(Code::EmptyFile, Location::File, bi!("文件是空的", "the file is empty")).with_help(bi!(
                "从 scenarios/ 里复制一个示例场景作为起点",
                "start from a copy of one of the example scenarios in scenarios/"
            )));
            None
        } else {
            match parse(&source) {
                Ok(s) => {
                    findings.extend(validate::run(&s, asset_roots));
                    Some(s)
                }
                Err(f) => {
                    findings.push(*f);
                    None
                }
            }
        };
    let diagnostics = resolve(findings, &source);
    Loaded { path: path.to_path_buf(), source, scenario, diagnostics }
}

/// Whether the text has nothing but white space and `//` comments.
fn only_comments(source: &str) -> bool {
    source.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with("//")
    })
}

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME).with_recursion_limit(MAX_NESTING)
}

/// Parses RON into a scenario without validating it; the error is a finding at its place.
pub fn parse(source: &str) -> Result<Scenario, Box<Finding>> {
    let options = options();
    // The fast path: plain ron. Only on failure parse again with path tracking for the message.
    let err = match options.from_str::<Scenario>(source) {
        Ok(s) => return Ok(s),
        Err(e) => e,
    };
    let path = match ron::Deserializer::from_str_with_options(source, &options) {
        Ok(mut de) => match serde_path_to_error::deserialize::<_, Scenario>(&mut de) {
            Err(e) => e.path().to_string(),
            Ok(_) => String::new(),
        },
        Err(_) => String::new(),
    };
    Err(Box::new(finding_from_ron(source, &err, &path)))
}

fn suggest<'a>(found: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    validate::closest(found, candidates)
}

fn list(items: &[&str]) -> String {
    items.join(", ")
}

/// Turns a ron error into a finding with a message an instructor can act on.
fn finding_from_ron(source: &str, err: &ron::error::SpannedError, path: &str) -> Finding {
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
    let word = &body[..body.find(['"', '\n'])?];
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

/// Turns findings into diagnostics with line and column, building the source index only if a
/// finding is located by path. Diagnostics read top to bottom, except that one which follows from
/// another comes right after its cause.
fn resolve(findings: Vec<Finding>, source: &str) -> Vec<Diagnostic> {
    if findings.is_empty() {
        return Vec::new();
    }
    let lines = LineIndex::new(source);
    let mut index: Option<SourceIndex> = None;
    let mut place = |location: &Location| match location {
        Location::File => None,
        Location::Bytes(s, e) => Some((*s, *e)),
        Location::Path(p) => index.get_or_insert_with(|| SourceIndex::build(source)).nearest(p),
        Location::Key(p) => {
            let idx = index.get_or_insert_with(|| SourceIndex::build(source));
            idx.key(p).or_else(|| idx.nearest(p))
        }
        Location::InString(p, s, e) => {
            let idx = index.get_or_insert_with(|| SourceIndex::build(source));
            idx.value(p).map(|lit| (offset_in_string(source, lit, *s), offset_in_string(source, lit, (*e).max(*s + 1))))
        }
    };
    let mut keyed: Vec<(Option<usize>, bool, Diagnostic)> = findings
        .into_iter()
        .map(|f| {
            let span = place(&f.location).map(|(s, e)| SourceSpan { start: lines.pos(s), end: lines.pos(e.max(s)) });
            let cause = f.follows.as_ref().map(|c| place(c).map(|(s, _)| s));
            let own = span.map(|s| s.start.offset);
            let anchor = match cause {
                Some(c) => c.or(own),
                None => own,
            };
            let d = Diagnostic { code: f.code, severity: f.code.severity(), span, message: f.message, help: f.help };
            (anchor, cause.is_some(), d)
        })
        .collect();
    keyed.sort_by(|(a, fa, x), (b, fb, y)| {
        let (ox, oy) = (x.span.map(|s| s.start.offset), y.span.map(|s| s.start.offset));
        a.cmp(b).then(fa.cmp(fb)).then(x.severity.cmp(&y.severity)).then(x.code.cmp(&y.code)).then(ox.cmp(&oy))
    });
    keyed.into_iter().map(|(_, _, d)| d).collect()
}
