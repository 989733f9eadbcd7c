//! One theme for every screen: text sizes, spacing and colours come from here, scaled by the
//! text-size setting, so a projector layout is a theme, not a fork of the UI.

use super::flow::Settings;
use crate::scenario::model::Channel;
use bevy_egui::egui::{self, Color32, FontData, FontDefinitions, FontFamily, FontId, TextStyle};

/// The bundled Chinese font (a GB 2312 subset of Noto Sans CJK SC; see assets/fonts/README.md).
pub static CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Shapan.otf");

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

/// Installs the Chinese font ahead of egui's own fonts, so Chinese and Latin share one face.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert("noto-sc".into(), std::sync::Arc::new(FontData::from_static(CJK_FONT)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.entry(family).or_default().insert(0, "noto-sc".into());
    }
    ctx.set_fonts(fonts);
}

/// Applies sizes and light or dark visuals.
pub fn apply(ctx: &egui::Context, settings: &Settings) {
    let s = settings.text_scale;
    let sizes = DESK;
    ctx.set_theme(if settings.dark { egui::Theme::Dark } else { egui::Theme::Light });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::proportional(sizes.heading * s)),
            (TextStyle::Body, FontId::proportional(sizes.body * s)),
            (TextStyle::Button, FontId::proportional(sizes.choice * s)),
            (TextStyle::Small, FontId::proportional(sizes.small * s)),
            (TextStyle::Monospace, FontId::monospace(sizes.small * s)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0) * s;
        style.spacing.button_padding = egui::vec2(12.0, 8.0) * s;
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
pub fn title(text: impl Into<String>, settings: &Settings) -> egui::RichText {
    egui::RichText::new(text).size(DESK.title * settings.text_scale).strong()
}
