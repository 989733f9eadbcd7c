//! Chinese line breaking (避头尾): no line starts with closing punctuation (，。！？）」 …) and
//! none ends with opening punctuation (（「《 …). egui's own breaker knows only part of the rule
//! (it lets "，" start a line), so text is laid out by egui, checked row by row, and where a row
//! breaks the rule a line break is put one character earlier, carrying that character over with
//! the punctuation, as a typesetter would, and laid out again.

use bevy_egui::egui::{self, Galley, Response, TextWrapMode, Ui, WidgetText, text::LayoutJob};
use std::sync::Arc;

/// Characters a line must not start with.
pub const NOT_AT_LINE_START: &str = "，。、；：？！）］｝〕〉》」』】〙〗〟’”｠»…‥—～·%‰℃,.;:?!)]}";
/// Characters a line must not end with.
pub const NOT_AT_LINE_END: &str = "（［｛〔〈《「『【〘〖〝‘“｟«([{";

/// Rounds of re-layout at most: each moves one break, and a paragraph has few bad ones.
const MAX_ROUNDS: usize = 64;

/// `text` laid out to `width` by `layout`, with line breaks moved where a row would break 避头尾.
pub fn kinsoku(mut job: LayoutJob, mut layout: impl FnMut(LayoutJob) -> Arc<Galley>) -> Arc<Galley> {
    let mut galley = layout(job.clone());
    for _ in 0..MAX_ROUNDS {
        let Some(at) = bad_break(&galley) else { break };
        insert_break(&mut job, at);
        galley = layout(job.clone());
    }
    galley
}

/// The character index where a forced line break would mend the first bad row, if any.
fn bad_break(galley: &Galley) -> Option<usize> {
    let mut start = 0;
    let rows = &galley.rows;
    for (i, row) in rows.iter().enumerate() {
        let count = row.char_count_including_newline().0;
        let wrapped_after = !row.ends_with_newline && i + 1 < rows.len();
        if wrapped_after && let Some(next) = rows.get(i + 1) {
            let glyphs = &row.row.glyphs;
            let last = glyphs.last().map(|g| g.chr);
            let first_next = next.row.glyphs.first().map(|g| g.chr);
            let closing_next = first_next.is_some_and(|c| NOT_AT_LINE_START.contains(c));
            let opening_last = last.is_some_and(|c| NOT_AT_LINE_END.contains(c));
            if closing_next || opening_last {
                // Carry over the last character (and an opening one before it): never empty a row.
                let mut carry = 1;
                while carry < glyphs.len() && NOT_AT_LINE_END.contains(glyphs[glyphs.len() - 1 - carry].chr) {
                    carry += 1;
                }
                if carry >= glyphs.len() {
                    return None;
                }
                return Some(start + glyphs.len() - carry);
            }
        }
        start += count;
    }
    None
}

/// Inserts a line break before character `at` of the job's text, keeping its sections aligned.
fn insert_break(job: &mut LayoutJob, at: usize) {
    let byte = job.text.char_indices().nth(at).map_or(job.text.len(), |(b, _)| b);
    job.text.insert(byte, '\n');
    // The break belongs to the section holding the character it precedes; later ones move on.
    for section in &mut job.sections {
        let (s, e) = (section.byte_range.start.0, section.byte_range.end.0);
        let (s, e) = if s > byte {
            (s + 1, e + 1)
        } else if e > byte {
            (s, e + 1)
        } else {
            (s, e)
        };
        section.byte_range = egui::text::ByteIndex(s)..egui::text::ByteIndex(e);
    }
}

/// A wrapped label laid out by the Chinese rules, as wide as the space left.
pub fn label(ui: &mut Ui, text: impl Into<WidgetText>) -> Response {
    let galley = galley(ui, text, ui.available_width());
    ui.add(egui::Label::new(galley).wrap_mode(TextWrapMode::Wrap))
}

/// `text` in the ui's style, wrapped to `width` by the Chinese rules.
pub fn galley(ui: &Ui, text: impl Into<WidgetText>, width: f32) -> Arc<Galley> {
    let text: WidgetText = text.into();
    let galley = text.into_galley(ui, Some(TextWrapMode::Wrap), width, egui::TextStyle::Body);
    let job = Arc::unwrap_or_clone(galley.job.clone());
    let ctx = ui.ctx().clone();
    kinsoku(job, |job| ctx.fonts_mut(|f| f.layout_job(job)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{FontId, TextFormat};

    /// Lays out `text` at `width` in a context with the bundled Chinese font; the rows' texts.
    fn rows(text: &str, width: f32, mended: bool) -> Vec<String> {
        let ctx = egui::Context::default();
        crate::app::theme::install_fonts(&ctx);
        let mut out = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let ctx = ui.ctx();
            let mut job = LayoutJob::single_section(text.to_string(), TextFormat::simple(FontId::proportional(20.0), egui::Color32::WHITE));
            job.wrap.max_width = width;
            let g = if mended { kinsoku(job, |j| ctx.fonts_mut(|f| f.layout_job(j))) } else { ctx.fonts_mut(|f| f.layout_job(job)) };
            out = g.rows.iter().map(|r| r.row.glyphs.iter().map(|g| g.chr).collect()).collect();
        });
        // No renderer here: the atlas is not uploaded anywhere.
        output.textures_delta.clear();
        out
    }

    const FEED: &str = "紧急通知：自来水厂被投毒了，水有毒千万别喝！！转给家里人，（已证实）“不要再喝了”。";

    #[test]
    fn no_line_starts_with_closing_or_ends_with_opening_punctuation() {
        let mut broke_before = false;
        for width in (60..400).step_by(7) {
            let width = width as f32;
            broke_before |= rows(FEED, width, false).iter().skip(1).any(|r| r.starts_with(|c| NOT_AT_LINE_START.contains(c)));
            let mended = rows(FEED, width, true);
            assert_eq!(mended.concat(), FEED.replace('\n', ""), "no text is lost at {width}");
            for (i, r) in mended.iter().enumerate() {
                assert!(i == 0 || !r.starts_with(|c| NOT_AT_LINE_START.contains(c)), "row {i} at {width}: {mended:?}");
                assert!(i + 1 == mended.len() || !r.ends_with(|c| NOT_AT_LINE_END.contains(c)), "row {i} at {width}: {mended:?}");
            }
        }
        // The check above means something: egui alone does start lines with "，" here.
        assert!(broke_before, "egui's own wrapping never broke the rule in this text");
    }

    #[test]
    fn a_break_inside_a_multi_section_job_keeps_each_sections_text() {
        let mut job = LayoutJob::default();
        // Two colours, or egui would merge the sections.
        job.append("甲乙丙", 0.0, TextFormat { color: egui::Color32::RED, ..TextFormat::default() });
        job.append("丁，戊", 0.0, TextFormat { color: egui::Color32::BLUE, ..TextFormat::default() });
        insert_break(&mut job, 4);
        assert_eq!(job.text, "甲乙丙丁\n，戊");
        let text = |i: usize| &job.text[job.sections[i].byte_range.start.0..job.sections[i].byte_range.end.0];
        assert_eq!(text(0), "甲乙丙");
        assert_eq!(text(1), "丁\n，戊");
    }
}
