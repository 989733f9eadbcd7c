//! Keeps the GPU's copy of egui's font atlas in step with the text drawn.
//!
//! The debrief used to drop characters ("结局：坏事变成了好事" drawn as "：　　成了好"): a new screen
//! needs glyphs the atlas lacks, egui adds them to its atlas and draws text that points at them,
//! and bevy_egui writes the new glyphs into the atlas image in `PostUpdate`, *after*
//! `AssetEventSystems` (which turns changed images into the events the renderer uploads by).
//! So the frame was drawn with the previous frame's atlas: the new glyphs came out blank or cut,
//! and were mended only by the next frame. The app draws a frame only when something happens,
//! so the broken one stayed on screen. Ordering egui's texture updates before the asset events
//! makes every frame upload the glyphs it draws (`tests/gui.rs` checks the order).

use bevy::asset::AssetEventSystems;
use bevy::prelude::*;
use bevy_egui::EguiPostUpdateSet;

pub fn plugin(app: &mut App) {
    app.configure_sets(PostUpdate, EguiPostUpdateSet::PostProcessOutput.before(AssetEventSystems));
}
