//! Keeps the app asleep while nothing happens. bevy_egui 0.42 feeds egui a
//! `ModifiersChanged` event on every frame, and egui answers any input event with an immediate
//! repaint: the window would redraw forever (156% of a core measured here). This drops
//! modifier events that repeat the last known modifiers before the egui pass begins.

use bevy::prelude::*;
use bevy_egui::{EguiInput, EguiPreUpdateSet, egui};
use std::collections::HashMap;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreUpdate, drop_repeated_modifiers.after(EguiPreUpdateSet::ProcessInput).before(EguiPreUpdateSet::BeginPass));
}

/// Removes `ModifiersChanged` events whose modifiers equal the previous ones, per context.
pub fn drop_repeated_modifiers(mut inputs: Query<(Entity, &mut EguiInput)>, mut last: Local<HashMap<Entity, egui::Modifiers>>) {
    for (entity, mut input) in &mut inputs {
        let known = last.entry(entity).or_default();
        input.0.events.retain(|e| match e {
            egui::Event::ModifiersChanged(m) if m == known => false,
            egui::Event::ModifiersChanged(m) => {
                *known = *m;
                true
            }
            _ => true,
        });
    }
}
