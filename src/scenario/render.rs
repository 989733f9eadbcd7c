//! Renders diagnostics like rustc: the message, `--> file:line:col`, the source line and a caret
//! under the exact place, then the help. Widths count a Chinese character as two columns.

use super::diagnostic::Diagnostic;
use super::locate::LineIndex;
use crate::lang::Lang;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// Renders one diagnostic against the file's text.
pub fn render(d: &Diagnostic, file: &str, source: &str, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}[{}]: {}", d.severity.label(lang), d.code, d.message.get(lang));
    match d.span {
        None => {
            let _ = writeln!(out, "  --> {file}");
        }
        Some(span) => {
            let lines = LineIndex::new(source);
            let line_no = span.start.line;
            let gutter = line_no.to_string().len();
            let pad = " ".repeat(gutter);
            let _ = writeln!(out, "{pad}--> {file}:{}:{}", line_no, span.start.column);
            let text = lines.line_text(line_no);
            let shown = text.replace('\t', "    ");
            let line_start = lines.offset(line_no, 1);
            let before = &source[line_start..span.start.offset.max(line_start)];
            let lead = before.replace('\t', "    ").width();
            let underline_end = if span.end.line == line_no { span.end.offset } else { line_start + text.len() };
            let under = source.get(span.start.offset..underline_end.max(span.start.offset)).unwrap_or("");
            let carets = under.replace('\t', "    ").width().max(1);
            let (shown, lead, carets) = window(&shown, lead, carets);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{line_no} | {shown}");
            let _ = writeln!(out, "{pad} | {}{}", " ".repeat(lead), "^".repeat(carets));
        }
    }
    if let Some(help) = &d.help {
        let label = lang.pick("帮助", "help");
        let _ = writeln!(out, "  = {label}: {}", help.get(lang));
    }
    out
}

/// Widest source excerpt shown, in columns; longer lines are cut around the caret.
const MAX_EXCERPT: usize = 110;

/// Cuts a long line to a window around the marked columns, marking cuts with `…`.
fn window(line: &str, lead: usize, carets: usize) -> (String, usize, usize) {
    if line.width() <= MAX_EXCERPT {
        return (line.to_string(), lead, carets);
    }
    let carets = carets.min(MAX_EXCERPT / 2);
    // Keep as much of the line's start as fits with the marked place and a little after it.
    let from = (lead + carets + 10).saturating_sub(MAX_EXCERPT);
    let mut col = 0;
    let mut out = String::new();
    let mut new_lead = lead;
    if from > 0 {
        out.push('…');
        new_lead = lead - from + 1;
    }
    for ch in line.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if col >= from && col + w <= from + MAX_EXCERPT {
            out.push(ch);
        }
        col += w;
    }
    if col > from + MAX_EXCERPT {
        out.push('…');
    }
    (out, new_lead, carets)
}

/// One line that counts errors and warnings for a file.
pub fn summary(file: &str, errors: usize, warnings: usize, lang: Lang) -> String {
    match (errors, warnings, lang) {
        (0, 0, Lang::ZhCn) => format!("{file}：通过，没有问题"),
        (0, 0, Lang::En) => format!("{file}: ok, no problems"),
        (e, w, Lang::ZhCn) => format!("{file}：{e} 个错误，{w} 个警告"),
        (e, w, Lang::En) => format!("{file}: {e} error{}, {w} warning{}", plural(e), plural(w)),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Bilingual;
    use crate::scenario::diagnostic::{Code, Pos, Severity, SourceSpan};

    #[test]
    fn caret_sits_under_the_place_with_wide_characters() {
        let source = "a\n\t名字: Scene(\"s9\"),\n";
        let start = source.find("\"s9\"").unwrap();
        let li = LineIndex::new(source);
        let d = Diagnostic {
            code: Code::DanglingReference,
            severity: Severity::Error,
            span: Some(SourceSpan { start: li.pos(start), end: li.pos(start + 4) }),
            message: Bilingual::new("没有场景“s9”", "no scene 's9'"),
            help: Some(Bilingual::new("是不是“s2”？", "did you mean 's2'?")),
        };
        let text = render(&d, "x.ron", source, Lang::ZhCn);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "错误[dangling-reference]: 没有场景“s9”");
        assert_eq!(lines[1], " --> x.ron:2:12");
        assert_eq!(lines[3], "2 |     名字: Scene(\"s9\"),");
        assert_eq!(lines[4], "  |                 ^^^^");
        assert_eq!(lines[5], "  = 帮助: 是不是“s2”？");
        let en = render(&d, "x.ron", source, Lang::En);
        assert!(en.starts_with("error[dangling-reference]: no scene 's9'"));
        let _ = Pos::default();
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let (shown, lead, carets) = window(&line, 500, 1);
        assert!(shown.width() <= MAX_EXCERPT + 2, "{}", shown.width());
        assert_eq!(shown.chars().nth(lead), Some('X'));
        assert_eq!(carets, 1);
    }
}
