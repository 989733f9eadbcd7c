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

pub const GOOD: Color32 = Color32::from_rgb(30, 140, 60);
pub const BAD: Color32 = Color32::from_rgb(200, 40, 40);
pub const WARN: Color32 = Color32::from_rgb(210, 120, 0);

/// A title-sized rich text.
pub fn title(text: impl Into<String>, ui: &egui::Ui) -> egui::RichText {
    egui::RichText::new(text).size(current(ui.ctx()).title).strong()
}

#[cfg(test)]
mod tests {
    use super::*;

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
