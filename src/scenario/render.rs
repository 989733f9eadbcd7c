//! Renders diagnostics like rustc: the message, `--> file:line:col`, the source line and a caret
//! under the exact place, then the help. Widths count a Chinese character as two columns.

use super::diagnostic::Diagnostic;
use super::locate::LineIndex;
use crate::lang::Lang;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

/// Renders one diagnostic against the file's text. The caller builds the line index once per
/// file and passes it to every diagnostic: building it here cost a scan of the whole file per
/// diagnostic, so a draft with tens of thousands of warnings took minutes to print.
pub fn render(d: &Diagnostic, file: &str, lines: &LineIndex, lang: Lang) -> String {
    let source = lines.text();
    let mut out = String::new();
    let _ = writeln!(out, "{}[{}]: {}", d.severity.label(lang), d.code, d.message.render(lang));
    match d.span {
        None => {
            let _ = writeln!(out, "  --> {file}");
        }
        Some(span) => {
            let line_no = span.start.line;
            let gutter = line_no.to_string().len();
            let pad = " ".repeat(gutter);
            let _ = writeln!(out, "{pad}--> {file}:{}:{}", line_no, span.start.column);
            let text = lines.line_text(line_no);
            let line_start = lines.offset(line_no, 1);
            let line_end = line_start + text.len();
            let at = span.start.offset.clamp(line_start, line_end);
            // Only a stretch around the caret is ever shown, so cut there before measuring: a
            // file written on one huge line then costs no more per diagnostic than a short one.
            let from = char_floor(source, at.saturating_sub(REACH).max(line_start));
            let to = char_floor(source, at.saturating_add(REACH).min(line_end));
            let to = if to < at { at } else { to };
            let shown = source[from..to].replace('\t', "    ");
            let lead = source[from..at].replace('\t', "    ").width();
            let underline_end = if span.end.line == line_no { span.end.offset.min(to) } else { to };
            let under = source.get(at..underline_end.max(at)).unwrap_or("");
            let carets = under.replace('\t', "    ").width().max(1);
            let (mut shown, mut lead, carets) = window(&shown, lead, carets);
            if from > line_start && !shown.starts_with('…') {
                shown.insert(0, '…');
                lead += 1;
            }
            if to < line_end && !shown.ends_with('…') {
                shown.push('…');
            }
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{line_no} | {shown}");
            let _ = writeln!(out, "{pad} | {}{}", " ".repeat(lead), "^".repeat(carets));
        }
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  = {}: {}", crate::t!(lang, "diag-help-label"), help.render(lang));
    }
    out
}

/// Widest source excerpt shown, in columns; longer lines are cut around the caret.
const MAX_EXCERPT: usize = 110;
/// Bytes either side of the caret read from a long line: more than an excerpt can show.
const REACH: usize = MAX_EXCERPT * 4;

/// The nearest character boundary at or before `i`.
fn char_floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

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
    if errors == 0 && warnings == 0 {
        crate::t!(lang, "diag-summary-ok", file = file)
    } else {
        crate::t!(lang, "diag-summary", file = file, errors = errors, warnings = warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
            message: crate::msg!("diag-there-is-no-scene-with-id", id = "s9"),
            help: Some(crate::msg!("diag-did-you-mean", suggestion = "s2")),
        };
        let text = render(&d, "x.ron", &li, Lang::ZH_CN);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "错误[dangling-reference]: 没有 id 为“s9”的场景");
        assert_eq!(lines[1], " --> x.ron:2:12");
        assert_eq!(lines[3], "2 |     名字: Scene(\"s9\"),");
        assert_eq!(lines[4], "  |                 ^^^^");
        assert_eq!(lines[5], "  = 帮助: 是不是“s2”？");
        let en = render(&d, "x.ron", &li, Lang::EN);
        assert!(en.starts_with("error[dangling-reference]: there is no scene with id 's9'"), "{en}");
        assert!(en.ends_with("  = help: did you mean 's2'?\n"), "{en}");
        let _ = Pos::default();
    }

    #[test]
    fn a_file_on_one_line_is_cut_around_each_caret() {
        let source = format!("{}X{}", "汉a".repeat(20_000), "b".repeat(50_000));
        let li = LineIndex::new(&source);
        let at = source.find('X').unwrap();
        let d = Diagnostic {
            code: Code::UnusedFlag,
            severity: Severity::Warning,
            span: Some(SourceSpan { start: li.pos(at), end: li.pos(at + 1) }),
            message: crate::msg!("diag-file-is-empty"),
            help: None,
        };
        let text = render(&d, "x.ron", &li, Lang::EN);
        let lines: Vec<&str> = text.lines().collect();
        let shown = lines[3].split_once(" | ").unwrap().1;
        let marks = lines[4].split_once(" | ").unwrap().1;
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(shown.width() <= MAX_EXCERPT + 2, "{}", shown.width());
        // The caret sits under the X, counting a Chinese character as two columns.
        let caret = marks.find('^').unwrap();
        let mut col = 0;
        let under = shown.chars().find(|c| {
            let hit = col == caret;
            col += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            hit
        });
        assert_eq!(under, Some('X'), "{shown}\n{marks}");
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
