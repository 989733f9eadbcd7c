//! Turning ron's errors into findings an instructor can act on: what went wrong in plain words,
//! where to fix it (a missing bracket is pointed at where it belongs), and the logical path, if
//! one is shown, in the guide's words.

use super::diagnostic::{Code, Finding, Location};
use super::expr::fullwidth_twin;
use super::load::{MAX_NESTING, options};
use super::locate::{LineIndex, open_brackets};
use super::model::Scenario;
use super::validate;
use crate::i18n::{Arg, Message};
use crate::msg;

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
        None => msg!("diag-nothing"),
        Some(p) => msg!("diag-at-path", path = p.clone()),
    };
    let syntax = |what: Message, help: Option<Message>| {
        Finding::new(Code::Syntax, loc(), msg!("diag-with-place", what = what, at = where_())).with_help_opt(help)
    };
    let wrong_type = |what: Message| Finding::new(Code::WrongType, loc(), msg!("diag-with-place", what = what, at = where_()));
    // A full-width character typed with a Chinese input method is the usual cause of a syntax error.
    let here = source.get(start..).and_then(|t| t.chars().next());
    if let Some((c, ascii)) = here.and_then(|c| fullwidth_twin(c).map(|a| (c, a)))
        && !matches!(err.code, E::NoSuchStructField { .. } | E::NoSuchEnumVariant { .. } | E::MissingStructField { .. })
    {
        return Finding::new(Code::Syntax, loc(), msg!("diag-here-is-full-width-character", char = c))
            .with_help(msg!("diag-type-ascii-instead", ascii = ascii));
    }
    match &err.code {
        E::Eof => unclosed_at_end(source, &lines)
            .unwrap_or_else(|| syntax(msg!("diag-file-ends-unexpectedly-here"), Some(msg!("diag-bracket-or-quote-is-not-closed")))),
        E::ExceededRecursionLimit => {
            Finding::new(Code::TooDeep, loc(), msg!("diag-brackets-nested-too-deeply-at-most", max_nesting = MAX_NESTING))
                .with_help(msg!("diag-scenarios-never-need-this-many-levels"))
        }
        E::NoSuchStructField { expected, found, outer } => {
            let outer = outer.clone().unwrap_or_default();
            let help = match suggest(found, expected.iter().copied()) {
                Some(s) => msg!("diag-did-you-mean-fields-here", suggestion = s, expected = list(expected)),
                None => msg!("diag-fields-here", expected = list(expected)),
            };
            let w = where_();
            Finding::new(Code::UnknownField, loc(), msg!("diag-has-no-field", outer = outer, found = found, place = w)).with_help(help)
        }
        E::NoSuchEnumVariant { expected, found, outer } => {
            let outer = outer.clone().unwrap_or_default();
            let help = match suggest(found, expected.iter().copied()) {
                Some(s) => msg!("diag-did-you-mean-one-of", suggestion = s, expected = list(expected)),
                None => msg!("diag-one-of", expected = list(expected)),
            };
            let w = where_();
            Finding::new(Code::UnknownVariant, loc(), msg!("diag-has-no-variant", outer = outer, found = found, place = w)).with_help(help)
        }
        E::MissingStructField { field, outer } => {
            let outer = outer.clone().unwrap_or_default();
            let w = where_();
            Finding::new(Code::MissingField, loc(), msg!("diag-is-missing-required-field", outer = outer, field = field, place = w))
                .with_help(msg!("diag-add-before-this-closing-bracket", field = field))
        }
        E::DuplicateStructField { field, outer } => {
            let outer = outer.clone().unwrap_or_default();
            let w = where_();
            Finding::new(Code::DuplicateField, loc(), msg!("diag-has-field-twice", outer = outer, field = field, place = w))
                .with_help(msg!("diag-remove-one-of-them"))
        }
        E::InvalidValueForType { expected, found } => {
            wrong_type(msg!("diag-expected-found", expected = expected.to_string(), found = found.to_string()))
        }
        E::ExpectedString => wrong_type(msg!("diag-expected-text-in-double-quotes")),
        E::ExpectedInteger => wrong_type(msg!("diag-expected-whole-number")),
        E::ExpectedBoolean => wrong_type(msg!("diag-expected-true-or-false")),
        E::ExpectedArray => wrong_type(msg!("diag-expected-list-in")),
        E::ExpectedMap => wrong_type(msg!("diag-expected-map-in")),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => wrong_type(msg!("diag-expected-structure-in")),
        E::IntegerOutOfBounds => wrong_type(msg!("diag-number-out-of-range")),
        E::ExpectedComma => syntax(msg!("diag-expected-comma-here"), Some(msg!("diag-every-item-needs-comma-after-it"))),
        E::ExpectedArrayEnd => syntax(msg!("diag-expected-end-of-list"), Some(msg!("diag-check-for-missing-comma-or-extra"))),
        E::ExpectedMapEnd => syntax(msg!("diag-expected-brace"), Some(msg!("diag-check-for-missing-comma"))),
        E::ExpectedMapColon => syntax(msg!("diag-expected-colon"), None),
        E::ExpectedStructLikeEnd => syntax(msg!("diag-expected-paren"), Some(msg!("diag-check-for-missing-comma-or-something"))),
        E::ExpectedStringEnd => syntax(msg!("diag-text-is-missing-its-closing-quote"), None),
        E::ExpectedIdentifier => match source[start..].chars().next() {
            Some('"') => quoted_word(source, start, path).unwrap_or_else(|| syntax(msg!("diag-expected-fixed-word-without-quotes"), None)),
            Some('(' | ')' | ']' | '}') => {
                missing_close(source, start, &lines).unwrap_or_else(|| syntax(msg!("diag-expected-field-name-or-name"), None))
            }
            _ => syntax(msg!("diag-expected-field-name-or-name"), None),
        },
        E::UnclosedBlockComment => syntax(msg!("diag-comment-is-never-closed-with"), None),
        E::TrailingCharacters => {
            syntax(msg!("diag-unexpected-content-after-end-of-scenario"), Some(msg!("diag-file-holds-one-scenario-check-for")))
        }
        E::UnexpectedChar(c) => {
            let help = if let Some(ascii) = fullwidth_twin(*c) {
                Some(msg!("diag-is-full-width-character-type-ascii", char = c, ascii = ascii))
            } else if !c.is_ascii() && c.is_alphabetic() {
                Some(msg!("diag-field-names-are-english-words-title"))
            } else {
                None
            };
            syntax(msg!("diag-unexpected-character", char = *c), help)
        }
        E::Utf8Error(_) => Finding::new(Code::InvalidUtf8, loc(), msg!("diag-file-is-not-utf-8-text")),
        E::Message(m) => wrong_type(msg!("diag-verbatim", text = m.clone())),
        other => syntax(msg!("diag-ron-error", error = other.to_string()), None),
    }
}

/// A logical path (`scenes[0].choices[1].?`) in the words of the author's guide
/// (第 1 个场景 → 第 2 个选项), or nothing when it says nothing useful.
pub(crate) fn plain_path(path: &str) -> Option<Message> {
    let mut steps: Vec<Arg> = Vec::new();
    for seg in path.split('.') {
        let (name, rest) = seg.split_once('[').unwrap_or((seg, ""));
        if name.is_empty() || name == "?" || name.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let kind: Arg = match name {
            "scenes" => msg!("diag-kind-scene").into(),
            "choices" => msg!("diag-kind-choice").into(),
            "endings" => msg!("diag-kind-ending").into(),
            "roles" => msg!("diag-kind-role").into(),
            "characters" => msg!("diag-kind-character").into(),
            "meters" => msg!("diag-kind-meter").into(),
            "competencies" => msg!("diag-kind-competency").into(),
            "flags" => msg!("diag-kind-flag").into(),
            "injects" => msg!("diag-kind-inject").into(),
            "media" => msg!("diag-kind-post").into(),
            "objectives" => msg!("diag-kind-objective").into(),
            "effects" => msg!("diag-kind-effect").into(),
            "Random" => msg!("diag-kind-random-branch").into(),
            other => other.into(),
        };
        let index = rest.split('[').next().and_then(|i| i.trim_end_matches(']').parse::<usize>().ok());
        steps.push(match index {
            Some(i) => msg!("diag-path-index", kind = kind, number = i + 1).into(),
            None => name.into(),
        });
    }
    // Steps joined right to left with arrows: `a → (b → c)` reads as `a → b → c`.
    let last = steps.pop()?;
    let joined = steps.into_iter().rev().fold(last, |tail, head| msg!("diag-path-step", head = head, tail = tail).into());
    Some(match joined {
        Arg::Msg(m) => *m,
        other => msg!("diag-verbatim", text = other),
    })
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
    let field = match field {
        Some(f) => msg!("diag-the-value-of", field = f),
        None => msg!("diag-this-value"),
    };
    Some(match other_choices {
        None => Finding::new(Code::Syntax, loc, msg!("diag-is-fixed-word-written-without-quotes", field = field.clone(), word = word))
            .with_help(msg!("diag-write-instead-of", word = word)),
        Some((close_word, all)) => {
            let help = match close_word {
                Some(s) => msg!("diag-did-you-mean-word-one-of", suggestion = s, all = all),
                None => msg!("diag-one-of-words", all = all),
            };
            Finding::new(Code::Syntax, loc, msg!("diag-fixed-word-not-one-of", field = field.clone(), word = word)).with_help(help)
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
        Finding::new(Code::Syntax, Location::Bytes(end, end + 1), msg!("diag-closing-bracket-is-missing-here", close = close))
            .with_help(msg!("diag-item-opened-with-on-line-is", line = line, open = open, close = close)),
    )
}

/// The file ended with brackets still open: says how many, and where the innermost opened.
fn unclosed_at_end(source: &str, lines: &LineIndex) -> Option<Finding> {
    let open = open_brackets(source, source.len());
    let &(innermost, opened) = open.last()?;
    let end = source.trim_end().len();
    let line = lines.pos(opened).line;
    let closers: String = open.iter().rev().map(|&(c, _)| closing(c)).collect();
    Some(
        Finding::new(Code::Syntax, Location::Bytes(end, end + 1), msg!("diag-file-ends-but", count = open.len(), closers = closers))
            .with_help(msg!("diag-on-line-is-never-closed-add", line = line, innermost = innermost)),
    )
}

fn closing(open: char) -> char {
    match open {
        '[' => ']',
        '{' => '}',
        _ => ')',
    }
}
