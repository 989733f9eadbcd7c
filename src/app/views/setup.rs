//! The setup screen: the role (with its briefing), one trainee or a class deciding together,
//! the trainee's name and group, and when feedback is shown.

use crate::app::class::{ClassIntent, Classroom};
use crate::app::flow::{FeedbackMode, Intent, Settings, SetupForm};
use crate::app::theme;
use crate::scenario::Scenario;
use crate::t;
use bevy_egui::egui::{self, RichText};

/// Text typed into the form, kept between frames.
#[derive(Debug, Default, Clone)]
pub struct Typing {
    pub trainee: String,
    pub group: String,
}

pub fn show(
    ui: &mut egui::Ui,
    s: &Scenario,
    form: &SetupForm,
    typing: &mut Typing,
    settings: &Settings,
    room: &Classroom,
) -> Option<Intent> {
    let l = settings.lang;
    let code = if s.languages.iter().any(|x| x == l.code()) { l.code() } else { s.original_language() };
    let mut intent = None;
    // A group named on the command line (`--group`) shows in the form.
    if typing.group.is_empty() && !form.group.is_empty() {
        typing.group.clone_from(&form.group);
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.label(theme::title(s.title.get(code), ui));
        ui.label(s.summary.get(code));
        ui.add_space(8.0);
        ui.heading(t!(l, "app-setup-role"));
        for (i, r) in s.roles.iter().enumerate() {
            if ui.radio(form.role == i, RichText::new(r.name.get(code)).strong()).clicked() {
                intent = Some(Intent::ChooseRole(i));
            }
            if form.role == i {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(r.briefing.get(code));
                });
            }
        }
        ui.add_space(8.0);
        ui.heading(t!(l, "app-setup-who"));
        if ui.radio(!form.class, t!(l, "app-setup-one-trainee")).clicked() {
            intent = Some(Intent::SetClassMode(false));
        }
        if ui.radio(form.class, t!(l, "app-setup-class")).clicked() {
            intent = Some(Intent::SetClassMode(true));
        }
        ui.add_space(8.0);
        // Enter in a text field confirms what was typed (and a Chinese input method's choice);
        // egui gives up the field's focus in that same frame, so note it: it must not start.
        let mut left_field = false;
        egui::Grid::new("trainee").num_columns(2).spacing([12.0, 8.0]).show(ui, |ui| {
            if !form.class {
                ui.label(t!(l, "app-setup-trainee"));
                let field = ui.add(egui::TextEdit::singleline(&mut typing.trainee).desired_width(260.0));
                left_field |= field.lost_focus();
                if field.changed() {
                    intent = Some(Intent::SetTrainee(typing.trainee.clone()));
                }
                ui.end_row();
            }
            ui.label(if form.class { t!(l, "app-setup-class-or-group") } else { t!(l, "app-setup-group") });
            let field = ui.add(egui::TextEdit::singleline(&mut typing.group).desired_width(260.0));
            left_field |= field.lost_focus();
            if field.changed() {
                intent = Some(Intent::SetGroup(typing.group.clone()));
            }
            ui.end_row();
            if form.class {
                // How many are in the room: the projector counts the blind first round against it.
                ui.label(t!(l, "app-setup-class-size"));
                let mut n = room.class_size;
                if ui.add(egui::DragValue::new(&mut n).range(1..=999)).changed() {
                    intent = Some(Intent::Class(ClassIntent::SetClassSize(n)));
                }
                ui.end_row();
                ui.label(t!(l, "app-setup-united-at"));
                let mut p = room.united_at;
                if ui.add(egui::DragValue::new(&mut p).range(51..=100).suffix("%")).changed() {
                    intent = Some(Intent::Class(ClassIntent::SetUnitedAt(p)));
                }
                ui.end_row();
            }
        });
        if form.class {
            let mut live = room.live_first_round;
            if ui.checkbox(&mut live, t!(l, "app-setup-live-first-round")).changed() {
                intent = Some(Intent::Class(ClassIntent::ToggleLiveFirstRound));
            }
        }
        ui.add_space(8.0);
        ui.heading(t!(l, "app-setup-feedback"));
        if ui.radio(form.feedback == FeedbackMode::AfterEachChoice, t!(l, "app-setup-feedback-each")).clicked() {
            intent = Some(Intent::SetFeedbackMode(FeedbackMode::AfterEachChoice));
        }
        if ui.radio(form.feedback == FeedbackMode::DebriefOnly, t!(l, "app-setup-feedback-debrief")).clicked() {
            intent = Some(Intent::SetFeedbackMode(FeedbackMode::DebriefOnly));
        }
        ui.add_space(12.0);
        ui.horizontal(|ui| {
            let start = ui.add(egui::Button::new(RichText::new(t!(l, "app-setup-start")).strong()).min_size(egui::vec2(160.0, 44.0)));
            let typing_now = ui.ctx().memory(|m| m.focused().is_some());
            if start.clicked() || (!typing_now && !left_field && ui.input(|i| i.key_pressed(egui::Key::Enter))) {
                intent = Some(Intent::Start);
            }
            if ui.button(t!(l, "app-back-to-library")).clicked() {
                intent = Some(Intent::ToLibrary);
            }
        });
    });
    intent
}
