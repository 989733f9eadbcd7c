//! The notices above every screen: each in the interface language, with a button to dismiss it.

use crate::app::flow::Intent;
use crate::app::notice::{Level, Notice};
use crate::app::theme::{BAD, WARN};
use crate::lang::Lang;
use bevy_egui::egui::{self, RichText};

pub fn show(ui: &mut egui::Ui, notices: &[Notice], l: Lang) -> Option<Intent> {
    let mut intent = None;
    for (i, n) in notices.iter().enumerate() {
        let colour = if n.level == Level::Error { BAD } else { WARN };
        ui.horizontal(|ui| {
            if ui.button(crate::t!(l, "notice-dismiss")).clicked() {
                intent = Some(Intent::DismissNotice(i));
            }
            ui.add(egui::Label::new(RichText::new(n.message.render(l)).color(colour)).wrap());
        });
    }
    intent
}
