//! Paints a laid-out scenario map (`present::graph`) with egui's painter: the same boxes, arrows,
//! colours and greys as the SVG `shapan graph` writes, scaled to the room it has, in a box that
//! scrolls both ways.

use crate::app::map::Shown;
use crate::lang::Lang;
use crate::present::graph::{EdgeKind, LINE, NodeKind, Pt, palette};
use crate::present::{grade_rgb, graph::tint};
use crate::t;
use bevy_egui::egui::{self, Color32, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2};

fn rgb([r, g, b]: [u8; 3]) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// `#rrggbb` as a colour (the palette is shared with the SVG).
fn hex(s: &str) -> Color32 {
    let v = u32::from_str_radix(s.trim_start_matches('#'), 16).unwrap_or(0x333333);
    Color32::from_rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// Points along a cubic curve, for strokes and dashes.
fn sample(c: &[Pt; 4], at: impl Fn(Pt) -> Pos2) -> Vec<Pos2> {
    (0..=16)
        .map(|i| {
            let t = f64::from(i) / 16.0;
            let u = 1.0 - t;
            let (a, b, cc, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
            at(Pt::new(a * c[0].x + b * c[1].x + cc * c[2].x + d * c[3].x, a * c[0].y + b * c[1].y + cc * c[2].y + d * c[3].y))
        })
        .collect()
}

/// The map, at most `height` points tall before it scrolls.
pub fn show(ui: &mut egui::Ui, shown: &Shown, lang: Lang, height: f32) {
    let laid = &shown.laid;
    let map = &shown.map;
    let (reached, all) = shown.endings;
    ui.horizontal_wrapped(|ui| {
        legend(ui, lang);
        ui.label(egui::RichText::new(t!(lang, "app-map-endings-reached", reached = reached, all = all)).strong());
        if !shown.explored {
            ui.label(t!(lang, "app-map-not-explored"));
        }
    });
    for p in &shown.problems {
        let colour = if p.code.severity() == crate::scenario::Severity::Error { crate::app::theme::BAD } else { crate::app::theme::WARN };
        ui.colored_label(colour, format!("[{}] {}", p.code, p.message.render(lang)));
    }
    // Fit the width, but never shrink text below about 9 points.
    let scale = ((ui.available_width() - 8.0) / laid.size.x as f32).clamp(0.65, 1.2);
    // As tall as the map up to `height`, even inside the library's own scrolling list.
    let tall = (laid.size.y as f32 * scale + 12.0).min(height);
    egui::ScrollArea::both()
        .max_height(height)
        .min_scrolled_height(tall)
        .auto_shrink([false, true])
        .id_salt(("map", &map.title, &map.role))
        .show(ui, |ui| {
            let size = Vec2::new(laid.size.x as f32 * scale, laid.size.y as f32 * scale);
            let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
            let painter = ui.painter_at(rect);
            let at = |p: Pt| Pos2::new(rect.min.x + p.x as f32 * scale, rect.min.y + p.y as f32 * scale);
            let dark = ui.visuals().dark_mode;
            let ink = if dark { Color32::from_gray(220) } else { hex(palette::INK) };
            let paper = if dark { Color32::from_gray(30) } else { Color32::WHITE };
            for le in &laid.edges {
                let Some(e) = map.edges.get(le.edge) else { continue };
                let colour = if e.best {
                    hex(palette::BEST)
                } else if e.greyed {
                    hex(palette::GREY)
                } else {
                    ink
                };
                let width = if e.best { 3.0 } else { 1.2 } * scale;
                let dashed = e.greyed || matches!(e.kind, EdgeKind::Timer { .. });
                for c in &le.curves {
                    let points = sample(c, at);
                    if e.best {
                        painter.add(Shape::line(points.clone(), Stroke::new(width * 2.5, hex(palette::BEST_HALO))));
                    }
                    if dashed {
                        painter.extend(Shape::dashed_line(&points, Stroke::new(width, colour), 6.0 * scale, 4.0 * scale));
                    } else {
                        painter.add(Shape::line(points, Stroke::new(width, colour)));
                    }
                }
                // The arrow head at the target.
                if let Some(last) = le.curves.last() {
                    let (tip, from) = (at(last[3]), at(last[2]));
                    let dir = (tip - from).normalized();
                    let side = Vec2::new(-dir.y, dir.x);
                    let len = 8.0 * scale;
                    painter.add(Shape::convex_polygon(
                        vec![tip, tip - dir * len + side * len * 0.45, tip - dir * len - side * len * 0.45],
                        colour,
                        Stroke::NONE,
                    ));
                }
                if !le.lines.is_empty() {
                    let font = FontId::proportional((le.font as f32 * scale).max(8.0));
                    let centre = at(le.label_at);
                    let half = Vec2::new(le.label_size.x as f32, le.label_size.y as f32) * scale / 2.0;
                    painter.rect_filled(Rect::from_min_max(centre - half, centre + half), CornerRadius::same(2), paper);
                    let line_h = le.font as f32 * LINE as f32 * scale;
                    let top = centre.y - line_h * le.lines.len() as f32 / 2.0 + line_h / 2.0;
                    let text = if e.greyed { hex(palette::GREY_TEXT) } else { ink };
                    for (i, line) in le.lines.iter().enumerate() {
                        painter.text(Pos2::new(centre.x, top + i as f32 * line_h), egui::Align2::CENTER_CENTER, line, font.clone(), text);
                    }
                }
            }
            for ln in &laid.nodes {
                let Some(n) = map.nodes.get(ln.node) else { continue };
                let r = Rect::from_min_size(at(ln.min), Vec2::new(ln.size.x as f32, ln.size.y as f32) * scale);
                let (fill, border) = match n.kind {
                    NodeKind::Ending { grade, .. } => (rgb(tint(grade_rgb(grade), if dark { 0.3 } else { 0.85 })), rgb(grade_rgb(grade))),
                    NodeKind::Random | NodeKind::Judge | NodeKind::Inject { .. } => (paper, ink),
                    NodeKind::Scene { .. } => (paper, ink),
                };
                let (fill, border) = if n.greyed { (paper, hex(palette::GREY)) } else { (fill, border) };
                let border = if n.best && !matches!(n.kind, NodeKind::Ending { .. }) { hex(palette::BEST) } else { border };
                let width = if n.current {
                    5.0
                } else if n.best {
                    3.0
                } else {
                    1.5
                } * scale;
                match n.kind {
                    NodeKind::Random => {
                        let c = r.center();
                        let (w, h) = (r.width() / 2.0, r.height() / 2.0);
                        let diamond = vec![c + Vec2::new(0.0, -h), c + Vec2::new(w, 0.0), c + Vec2::new(0.0, h), c + Vec2::new(-w, 0.0)];
                        painter.add(Shape::convex_polygon(diamond, fill, Stroke::new(width, border)));
                    }
                    _ => {
                        painter.rect(r, CornerRadius::same((6.0 * scale) as u8), fill, Stroke::new(width, border), StrokeKind::Inside);
                    }
                }
                if n.current {
                    painter.rect_stroke(
                        r.expand(4.0 * scale),
                        CornerRadius::same((8.0 * scale) as u8),
                        Stroke::new(2.0, border),
                        StrokeKind::Outside,
                    );
                }
                let font = FontId::proportional((ln.font as f32 * scale).max(8.0));
                let line_h = ln.font as f32 * LINE as f32 * scale;
                let top = r.center().y - line_h * ln.lines.len() as f32 / 2.0 + line_h / 2.0;
                let text = if n.greyed { hex(palette::GREY_TEXT) } else { ink };
                for (i, line) in ln.lines.iter().enumerate() {
                    painter.text(Pos2::new(r.center().x, top + i as f32 * line_h), egui::Align2::CENTER_CENTER, line, font.clone(), text);
                }
            }
        });
}

fn legend(ui: &mut egui::Ui, lang: Lang) {
    let swatch = |ui: &mut egui::Ui, colour: Color32, text: &str| {
        let (r, _) = ui.allocate_exact_size(Vec2::new(14.0, 10.0), egui::Sense::hover());
        ui.painter().rect_filled(r, CornerRadius::same(2), colour);
        ui.label(egui::RichText::new(text).small());
    };
    swatch(ui, hex(palette::BEST), &t!(lang, "app-map-legend-best"));
    swatch(ui, hex(palette::GREY), &t!(lang, "app-map-legend-grey"));
    for grade in [
        crate::scenario::model::Grade::Excellent,
        crate::scenario::model::Grade::Good,
        crate::scenario::model::Grade::Pass,
        crate::scenario::model::Grade::Fail,
    ] {
        swatch(ui, rgb(grade_rgb(grade)), grade.label(lang));
    }
}
