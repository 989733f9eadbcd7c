//! One theme for every screen: text sizes, spacing and colours come from here, scaled by the
//! text-size setting, so a projector layout is a theme, not a fork of the UI. In projector mode
//! sizes follow the window's height (see `PROJECTOR` for the sizes chosen and why).

use super::flow::Settings;
use crate::scenario::model::Channel;
use bevy_egui::egui::{self, Color32, FontData, FontDefinitions, FontFamily, FontId, TextStyle};

// `FONTS`: every font under assets/fonts/, embedded by build.rs, the bundled Chinese face (a
// GB 2312 subset of Noto Sans CJK SC; see assets/fonts/README.md) first.
include!(concat!(env!("OUT_DIR"), "/fonts.rs"));

/// Base sizes in points, before the text-size setting.
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    pub body: f32,
    pub heading: f32,
    pub title: f32,
    pub choice: f32,
    pub small: f32,
}

pub const DESK: Sizes = Sizes { body: 17.0, heading: 22.0, title: 30.0, choice: 19.0, small: 14.0 };

/// Projector sizes as fractions of the window's height, so the same proportion of the projected
/// image is text whatever the resolution. Sized for a room of about 30, whose back row sits
/// about 9 m from an image about 1.8 m tall: body text at 1/25 of the height is about 72 mm
/// there, about 27 minutes of arc from the back row, comfortably above the roughly 20 a
/// Chinese character needs to be read without effort (its strokes are denser than Latin
/// letters'). Nothing the class must read is smaller than 1/34 (about 20 minutes of arc).
pub const PROJECTOR: Sizes = Sizes { body: 1.0 / 25.0, heading: 1.0 / 19.0, title: 1.0 / 15.0, choice: 1.0 / 23.0, small: 1.0 / 34.0 };

/// The sizes in points for these settings and a window `height` points tall.
pub fn sizes(settings: &Settings, height: f32) -> Sizes {
    let s = settings.text_scale;
    let (base, unit) = if settings.projector { (PROJECTOR, height.max(480.0)) } else { (DESK, 1.0) };
    Sizes {
        body: base.body * unit * s,
        heading: base.heading * unit * s,
        title: base.title * unit * s,
        choice: base.choice * unit * s,
        small: base.small * unit * s,
    }
}

/// The sizes in use (set by `apply`).
pub fn current(ctx: &egui::Context) -> Sizes {
    ctx.data(|d| d.get_temp::<Sizes>(egui::Id::NULL)).unwrap_or(DESK)
}

/// Installs the bundled fonts ahead of egui's own, the Chinese face first, so Chinese and Latin
/// share one face and a script it lacks (a font added to assets/fonts/) is found in the next.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

/// egui's fonts with the bundled ones ahead, in `FONTS` order.
fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (at, (name, bytes)) in FONTS.iter().enumerate() {
        fonts.font_data.insert((*name).into(), std::sync::Arc::new(FontData::from_static(bytes)));
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            fonts.families.entry(family).or_default().insert(at, (*name).into());
        }
    }
    fonts
}

/// What a context's theme was last applied for: the settings and the window height.
pub type Applied = Option<(Settings, f32)>;

/// Installs the fonts on a context's first frame and applies the theme again whenever the
/// settings or the window height change.
pub fn keep(ctx: &egui::Context, applied: &mut Applied, settings: &Settings) {
    let height = ctx.viewport_rect().height();
    if applied.as_ref().is_some_and(|(s, h)| s == settings && *h == height) {
        return;
    }
    if applied.is_none() {
        install_fonts(ctx);
    }
    apply(ctx, settings, height);
    *applied = Some((settings.clone(), height));
}

/// Applies sizes and light or dark visuals for a window `height` points tall. Projector mode is
/// high contrast: pure black on white (or white on black) and heavier outlines.
pub fn apply(ctx: &egui::Context, settings: &Settings, height: f32) {
    let sizes = sizes(settings, height);
    let k = sizes.body / DESK.body;
    ctx.data_mut(|d| d.insert_temp(egui::Id::NULL, sizes));
    ctx.set_theme(if settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::proportional(sizes.heading)),
            (TextStyle::Body, FontId::proportional(sizes.body)),
            (TextStyle::Button, FontId::proportional(sizes.choice)),
            (TextStyle::Small, FontId::proportional(sizes.small)),
            (TextStyle::Monospace, FontId::monospace(sizes.small)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0) * k;
        style.spacing.button_padding = egui::vec2(12.0, 8.0) * k;
        style.spacing.interact_size.y = sizes.body * 1.3;
        if settings.projector {
            let (text, bg) = if settings.dark { (Color32::WHITE, Color32::BLACK) } else { (Color32::BLACK, Color32::WHITE) };
            style.visuals.override_text_color = Some(text);
            style.visuals.panel_fill = bg;
            style.visuals.window_fill = bg;
            let stroke = egui::Stroke::new(2.0, text);
            style.visuals.widgets.inactive.bg_stroke = stroke;
            style.visuals.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.5, text.gamma_multiply(0.6));
        } else {
            style.visuals.override_text_color = None;
        }
        // egui's own grey for weak text is about 2.3:1 on white.
        style.visuals.weak_text_color = Some(if settings.dark { Color32::from_gray(170) } else { MUTED });
    });
}

/// Accent colour of a media channel, so a Weibo post does not look like a news headline.
pub fn channel_colour(c: Channel) -> Color32 {
    match c {
        Channel::Weibo => Color32::from_rgb(230, 22, 45),
        Channel::WechatGroup | Channel::WechatMoments => Color32::from_rgb(7, 193, 96),
        Channel::Douyin => Color32::from_rgb(37, 244, 238),
        Channel::NewsSite => Color32::from_rgb(30, 90, 170),
        Channel::Hotline => Color32::from_rgb(120, 70, 170),
        Channel::OfficialNotice => Color32::from_rgb(200, 30, 30),
        Channel::Other => Color32::GRAY,
    }
}

// Every colour text is drawn in meets WCAG AA (4.5:1) on the light panels it is drawn on; the
// test below measures each pair.
pub const GOOD: Color32 = Color32::from_rgb(25, 125, 50);
pub const BAD: Color32 = Color32::from_rgb(190, 35, 35);
/// Dark orange: a warning, and the grade that needs work, without alarm red.
pub const WARN: Color32 = Color32::from_rgb(170, 85, 0);
/// Text on light surfaces the theme paints itself (choice tiles, vote fills).
pub const INK: Color32 = Color32::from_rgb(20, 20, 20);
/// Secondary text: times, engagement counts, hints, why a choice is closed.
pub const MUTED: Color32 = Color32::from_rgb(85, 85, 85);
/// A closed choice's tile.
pub const LOCKED_FILL: Color32 = Color32::from_rgb(232, 232, 232);
/// A choice's share of the votes, behind its text: a neutral blue that says nothing about right
/// or wrong (green would read as "correct" to a class).
pub const VOTE_FILL: Color32 = Color32::from_rgb(200, 218, 240);
/// The mark of a post new since the last decision.
pub const NEW_MARK: Color32 = Color32::from_rgb(255, 214, 102);
/// Choice tiles: light in both themes, so the ink on them is always dark.
pub const TILE_FILL: Color32 = Color32::from_rgb(250, 250, 250);

/// WCAG relative luminance of a colour.
pub fn luminance(c: Color32) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The text colour of a channel's badge: black or white, whichever reads better on its colour.
pub fn badge_text(c: Channel) -> Color32 {
    let bg = channel_colour(c);
    if contrast(Color32::BLACK, bg) >= contrast(Color32::WHITE, bg) { Color32::BLACK } else { Color32::WHITE }
}

/// A title-sized rich text.
pub fn title(text: impl Into<String>, ui: &egui::Ui) -> egui::RichText {
    egui::RichText::new(text).size(current(ui.ctx()).title).strong()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text colours and the surfaces they are drawn on, as the views pair them.
    fn pairs(ctx: &egui::Context, settings: &Settings) -> Vec<(String, Color32, Color32)> {
        apply(ctx, settings, 1080.0);
        let v = ctx.style_of(if settings.dark { egui::Theme::Dark } else { egui::Theme::Light }).visuals.clone();
        let mut out = vec![
            ("text".to_string(), v.text_color(), v.panel_fill),
            ("strong text".into(), v.strong_text_color(), v.panel_fill),
            ("weak text".into(), v.weak_text_color(), v.panel_fill),
            ("button text".into(), v.widgets.inactive.text_color(), v.widgets.inactive.weak_bg_fill),
            ("hovered button text".into(), v.widgets.hovered.text_color(), v.widgets.hovered.weak_bg_fill),
            ("choice".into(), INK, TILE_FILL),
            ("choice with votes".into(), INK, VOTE_FILL),
            ("closed choice".into(), MUTED, LOCKED_FILL),
            ("new mark".into(), INK, NEW_MARK),
        ];
        if !settings.dark {
            for (name, c) in [("good", GOOD), ("bad", BAD), ("warning", WARN), ("muted", MUTED)] {
                out.push((name.into(), c, v.panel_fill));
                out.push((format!("{name} in a window"), c, v.window_fill));
            }
        }
        for ch in [
            Channel::Weibo,
            Channel::WechatGroup,
            Channel::WechatMoments,
            Channel::Douyin,
            Channel::NewsSite,
            Channel::Hotline,
            Channel::OfficialNotice,
            Channel::Other,
        ] {
            out.push((format!("{ch:?} badge"), badge_text(ch), channel_colour(ch)));
        }
        out
    }

    #[test]
    fn every_text_colour_meets_wcag_aa_on_its_surface_at_the_desk_and_on_the_projector() {
        let ctx = egui::Context::default();
        let mut failures = Vec::new();
        for (projector, dark) in [(false, false), (true, false), (true, true), (false, true)] {
            let settings = Settings { projector, dark, ..Settings::default() };
            for (name, fg, bg) in pairs(&ctx, &settings) {
                let ratio = contrast(fg, bg);
                if ratio < 4.5 {
                    failures.push(format!("{name} (projector {projector}, dark {dark}): {ratio:.2}:1"));
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
        // The measure itself: black on white is 21:1, and the old Douyin badge 1.38:1.
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::WHITE, Color32::from_rgb(0x25, 0xF4, 0xEE)) - 1.38).abs() < 0.01);
    }

    #[test]
    fn every_bundled_font_is_installed_ahead_of_eguis_own_with_the_chinese_face_first() {
        assert_eq!(FONTS.first().map(|(name, _)| *name), Some("NotoSansSC-Shapan"));
        let defs = font_definitions();
        let families = &defs.families;
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            let order = &families[&family];
            assert!(order.len() > FONTS.len(), "egui's own fonts stay as the last fallbacks");
            let ours: Vec<&str> = FONTS.iter().map(|(n, _)| *n).collect();
            assert_eq!(order[..ours.len()].iter().map(String::as_str).collect::<Vec<_>>(), ours, "{family:?}: {order:?}");
        }
    }
}
