//! Finds where a value sits in the source. ron deserialises without positions, so when a pass
//! reports a problem at a logical path (`scenes[3].choices[1].next`), this light RON scanner
//! walks the text once and maps every path to its byte range. It runs only when there is
//! something to report, never panics, and stops at the first thing it does not understand.

use super::diagnostic::Pos;
use std::collections::HashMap;

/// Deepest nesting the scanner follows (ron itself stops at 128).
const MAX_DEPTH: usize = 256;

/// Line starts of a text, to turn byte offsets into lines and character columns.
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        #[cfg(test)]
        BUILDS.with(|b| b.set(b.get() + 1));
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// The position of a byte offset (clamped into the text and onto a character boundary).
    pub fn pos(&self, offset: usize) -> Pos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = self.text[start..offset].chars().count() + 1;
        Pos { line, column, offset }
    }

    /// The byte offset of a 1-based line and character column (clamped into the text).
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let end = self.starts.get(line).map_or(self.text.len(), |&e| e);
        let line_text = &self.text[start..end];
        let within = line_text.char_indices().nth(column.saturating_sub(1)).map_or(line_text.len(), |(i, _)| i);
        start + within
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = self.starts.get(line).map_or(self.text.len(), |&e| e);
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The whole text the index was built over.
    pub fn text(&self) -> &'a str {
        self.text
    }
}

#[cfg(test)]
thread_local! {
    /// How many line indexes this thread has built: lets tests check that a report over many
    /// diagnostics scans each file once, without timing anything.
    pub(crate) static BUILDS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The brackets still open just before byte `upto`, outermost first, with where each opened.
/// Strings and comments are skipped; a stray closing bracket closes nothing.
pub fn open_brackets(text: &str, upto: usize) -> Vec<(char, usize)> {
    let mut stack = Vec::new();
    for (tok, start, _) in tokenize(text) {
        if start >= upto {
            break;
        }
        match tok {
            Tok::Open(c) => stack.push((c, start)),
            Tok::Close(c) => {
                let opener = match c {
                    ']' => '[',
                    '}' => '{',
                    _ => '(',
                };
                if stack.last().is_some_and(|&(o, _)| o == opener) {
                    stack.pop();
                }
            }
            _ => {}
        }
    }
    stack
}

#[derive(Clone, Debug, PartialEq)]
enum Tok<'a> {
    Open(char),
    Close(char),
    Colon,
    Comma,
    Str,
    Ident(&'a str),
    Other,
}

/// Byte ranges of values by path.
#[derive(Debug, Default)]
pub struct SourceIndex {
    values: HashMap<String, (usize, usize)>,
    keys: HashMap<String, (usize, usize)>,
}

impl SourceIndex {
    pub fn build(text: &str) -> SourceIndex {
        let tokens = tokenize(text);
        let mut scanner = Scanner { text, tokens, at: 0, index: SourceIndex::default() };
        scanner.value(String::new(), 0);
        scanner.index
    }

    /// The byte range of the value at `path`.
    pub fn value(&self, path: &str) -> Option<(usize, usize)> {
        self.values.get(path).copied()
    }

    /// The byte range of the key of the map entry at `path`.
    pub fn key(&self, path: &str) -> Option<(usize, usize)> {
        self.keys.get(path).copied()
    }

    /// The closest recorded ancestor of `path`, for paths inside a value the scanner did not split.
    pub fn nearest(&self, path: &str) -> Option<(usize, usize)> {
        let mut p = path;
        loop {
            if let Some(r) = self.value(p) {
                return Some(r);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

fn tokenize(text: &str) -> Vec<(Tok<'_>, usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 0usize;
                while i < bytes.len() {
                    if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                continue;
            }
            b'#' => {
                // `#![enable(...)]`: skip to the closing bracket.
                while i < bytes.len() && bytes[i] != b']' {
                    i += 1;
                }
                i += 1;
                continue;
            }
            b'(' | b'[' | b'{' => {
                out.push((Tok::Open(c as char), i, i + 1));
                i += 1;
                continue;
            }
            b')' | b']' | b'}' => {
                out.push((Tok::Close(c as char), i, i + 1));
                i += 1;
                continue;
            }
            b':' => {
                out.push((Tok::Colon, i, i + 1));
                i += 1;
                continue;
            }
            b',' => {
                out.push((Tok::Comma, i, i + 1));
                i += 1;
                continue;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                out.push((Tok::Str, start, i));
                continue;
            }
            b'\'' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'\'' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                out.push((Tok::Other, start, i));
                continue;
            }
            b'r' | b'b' if is_raw_string_start(&bytes[i..]) => {
                let mut j = i + 1;
                if bytes[i] == b'b' {
                    j += 1;
                }
                let hashes = bytes[j..].iter().take_while(|&&b| b == b'#').count();
                j += hashes + 1;
                let mut closing = vec![b'"'];
                closing.extend(std::iter::repeat_n(b'#', hashes));
                let end = bytes[j..].windows(closing.len()).position(|w| w == closing.as_slice());
                i = end.map_or(bytes.len(), |p| j + p + closing.len());
                out.push((Tok::Str, start, i));
                continue;
            }
            _ => {}
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'#') {
                i += 1;
            }
            out.push((Tok::Ident(&text[start..i]), start, i));
        } else {
            // numbers and anything else: a run up to the next separator
            i += 1;
            while i < bytes.len() && !b" \t\r\n,:()[]{}\"/".contains(&bytes[i]) {
                i += 1;
            }
            out.push((Tok::Other, start, i));
        }
    }
    out
}

fn is_raw_string_start(b: &[u8]) -> bool {
    let rest = match b {
        [b'b', b'r', rest @ ..] | [b'r', rest @ ..] => rest,
        [b'b', b'"', ..] => return true,
        _ => return false,
    };
    let after_hashes = rest.iter().find(|&&c| c != b'#');
    after_hashes == Some(&b'"')
}

struct Scanner<'a> {
    text: &'a str,
    tokens: Vec<(Tok<'a>, usize, usize)>,
    at: usize,
    index: SourceIndex,
}

fn join_field(path: &str, name: &str) -> String {
    if path.is_empty() { name.to_string() } else { format!("{path}.{name}") }
}

impl<'a> Scanner<'a> {
    fn peek(&self, k: usize) -> Option<&Tok<'a>> {
        self.tokens.get(self.at + k).map(|t| &t.0)
    }

    /// Scans one value, records its range under `path`, and returns whether it ended cleanly.
    fn value(&mut self, path: String, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        let Some((tok, start, mut end)) = self.tokens.get(self.at).cloned() else {
            return false;
        };
        self.at += 1;
        let ok = match tok {
            Tok::Str | Tok::Other => true,
            Tok::Ident(name) => {
                if self.peek(0) == Some(&Tok::Open('(')) {
                    self.at += 1;
                    if name == "Some" {
                        // `Some(x)` is recorded as `x` itself.
                        return self.parens(&path, depth, true);
                    }
                    self.parens(&path, depth, false)
                } else {
                    true
                }
            }
            Tok::Open('(') => self.parens(&path, depth, false),
            Tok::Open('[') => self.seq(&path, depth, ']', |p, i| format!("{p}[{i}]")),
            Tok::Open('{') => self.map(&path, depth),
            _ => false,
        };
        if ok {
            if let Some(&(_, _, e)) = self.tokens.get(self.at.saturating_sub(1)) {
                end = end.max(e);
            }
            self.index.values.insert(path, (start, end));
        }
        ok
    }

    /// After `(`: named fields, or tuple items (`.0`, `.1`), or for `Some(x)` the value itself.
    fn parens(&mut self, path: &str, depth: usize, transparent: bool) -> bool {
        let is_struct = matches!(self.peek(0), Some(Tok::Ident(_))) && self.peek(1) == Some(&Tok::Colon);
        if !is_struct {
            if transparent {
                if !self.value(path.to_string(), depth + 1) {
                    return false;
                }
                self.eat(&Tok::Comma);
                return self.eat(&Tok::Close(')'));
            }
            return self.seq(path, depth, ')', |p, i| format!("{p}.{i}"));
        }
        loop {
            match self.peek(0) {
                Some(Tok::Close(')')) => {
                    self.at += 1;
                    return true;
                }
                Some(Tok::Ident(name)) if self.peek(1) == Some(&Tok::Colon) => {
                    let field = join_field(path, name);
                    self.at += 2;
                    if !self.value(field, depth + 1) {
                        return false;
                    }
                    if !self.eat(&Tok::Comma) && self.peek(0) != Some(&Tok::Close(')')) {
                        return false;
                    }
                }
                _ => return false,
            }
        }
    }

    fn seq(&mut self, path: &str, depth: usize, close: char, item: fn(&str, usize) -> String) -> bool {
        let mut i = 0;
        loop {
            if self.eat(&Tok::Close(close)) {
                return true;
            }
            if !self.value(item(path, i), depth + 1) {
                return false;
            }
            i += 1;
            if !self.eat(&Tok::Comma) && self.peek(0) != Some(&Tok::Close(close)) {
                return false;
            }
        }
    }

    fn map(&mut self, path: &str, depth: usize) -> bool {
        loop {
            if self.eat(&Tok::Close('}')) {
                return true;
            }
            let Some((tok, ks, ke)) = self.tokens.get(self.at).cloned() else {
                return false;
            };
            let key = match tok {
                Tok::Str => self.string_text(ks, ke),
                Tok::Ident(s) => s.to_string(),
                Tok::Other => format!("#{ks}"),
                _ => return false,
            };
            self.at += 1;
            if !self.eat(&Tok::Colon) {
                return false;
            }
            let entry = join_field(path, &key);
            // A repeated key keeps the first place for the value and points the key at the repeat.
            self.index.keys.entry(entry.clone()).and_modify(|r| *r = (ks, ke)).or_insert((ks, ke));
            if self.index.values.contains_key(&entry) {
                let dup = format!("{entry}#{ks}");
                if !self.value(dup, depth + 1) {
                    return false;
                }
            } else if !self.value(entry, depth + 1) {
                return false;
            }
            if !self.eat(&Tok::Comma) && self.peek(0) != Some(&Tok::Close('}')) {
                return false;
            }
        }
    }

    /// The text of a simple `"…"` key (map keys in scenarios are ids, without escapes).
    fn string_text(&self, start: usize, end: usize) -> String {
        let raw = self.text.get(start..end).unwrap_or("");
        raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')).unwrap_or(raw).to_string()
    }

    fn eat(&mut self, tok: &Tok<'a>) -> bool {
        if self.peek(0) == Some(tok) {
            self.at += 1;
            true
        } else {
            false
        }
    }
}

/// The byte offset in the source of character `char_index` of the string literal at `literal`
/// (a `"…"` or raw string), following escapes so a position inside the decoded string lands on
/// the right source character.
pub fn offset_in_string(text: &str, literal: (usize, usize), char_index: usize) -> usize {
    let Some(lit) = text.get(literal.0..literal.1) else {
        return literal.0;
    };
    let (body_start, raw) = if lit.starts_with('"') {
        (1, false)
    } else if let Some(q) = lit.find('"') {
        (q + 1, true)
    } else {
        return literal.0;
    };
    let body = &lit[body_start..];
    let mut chars = body.char_indices().peekable();
    let mut n = 0;
    while let Some((i, c)) = chars.next() {
        if n == char_index || (c == '"' && !raw) {
            return literal.0 + body_start + i;
        }
        if c == '\\' && !raw {
            match chars.next() {
                Some((_, 'u')) => {
                    for (_, c) in chars.by_ref() {
                        if c == '}' {
                            break;
                        }
                    }
                }
                Some((_, 'x')) => {
                    chars.next();
                    chars.next();
                }
                _ => {}
            }
        }
        n += 1;
    }
    literal.1.saturating_sub(1).max(literal.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r##"#![enable(implicit_some)]
// a comment with ( and "
Scenario(
    id: "demo",
    scores: {"law": 2, "time": -1},
    scenes: [
        (id: "s1", next: Scene("s2"), cond: Some("a > 1")),
        /* block (comment) */ (id: r#"s2"#, list: [1, 2,],),
    ],
)
"##;

    fn text_at(idx: &SourceIndex, path: &str) -> String {
        let (s, e) = idx.value(path).unwrap_or_else(|| panic!("no {path}"));
        SRC[s..e].to_string()
    }

    #[test]
    fn maps_paths_to_source() {
        let idx = SourceIndex::build(SRC);
        assert_eq!(text_at(&idx, "id"), "\"demo\"");
        assert_eq!(text_at(&idx, "scores.law"), "2");
        assert_eq!(text_at(&idx, "scores.time"), "-1");
        let (ks, ke) = idx.key("scores.time").unwrap();
        assert_eq!(&SRC[ks..ke], "\"time\"");
        assert_eq!(text_at(&idx, "scenes[0].next"), "Scene(\"s2\")");
        assert_eq!(text_at(&idx, "scenes[0].next.0"), "\"s2\"");
        assert_eq!(text_at(&idx, "scenes[0].cond"), "\"a > 1\"", "Some(..) is transparent");
        assert_eq!(text_at(&idx, "scenes[1].id"), "r#\"s2\"#");
        assert_eq!(text_at(&idx, "scenes[1].list[1]"), "2");
        assert!(text_at(&idx, "scenes[1]").starts_with("(id:"));
        assert_eq!(idx.nearest("scenes[0].next.0.deeper"), idx.value("scenes[0].next.0"));
    }

    #[test]
    fn survives_garbage_and_depth() {
        for src in ["", "(((", ")))", "\"unterminated", "(a: [1, {\"k\": ", "r##\"x\"#", "/* open", "#!["] {
            let _ = SourceIndex::build(src);
        }
        let deep = "[".repeat(100_000);
        let idx = SourceIndex::build(&deep);
        assert!(idx.value("").is_none());
    }

    #[test]
    fn lines_and_character_columns() {
        let text = "ab\n汉字x\n";
        let li = LineIndex::new(text);
        let p = li.pos(text.find('x').unwrap());
        assert_eq!((p.line, p.column), (2, 3));
        assert_eq!(li.offset(2, 3), text.find('x').unwrap());
        assert_eq!(li.line_text(2), "汉字x");
        assert_eq!(li.pos(10_000).offset, text.len());
    }

    #[test]
    fn offsets_inside_strings_follow_escapes() {
        let text = r#"c: "a\"b > 汉 && x""#;
        let lit = (3, text.len());
        let off = offset_in_string(text, lit, 2);
        assert_eq!(&text[off..off + 1], "b");
        let off = offset_in_string(text, lit, 6);
        assert!(text[off..].starts_with('汉'));
    }
}
