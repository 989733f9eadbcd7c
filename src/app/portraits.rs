//! Portraits and other scenario images are untrusted: they are decoded here with limits
//! (4096 x 4096 pixels, 64 MiB), never by Bevy's image loader, which decodes without any (a
//! 1 MiB PNG can claim a size that takes gigabytes). An image that fails is simply not shown;
//! the validator has already reported it as `bad-image`.

use crate::scenario::load::asset_roots;
use crate::scenario::validate::MAX_IMAGE_SIDE;
use bevy::prelude::*;
use bevy_egui::egui;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Most memory a decoded image may take.
pub const MAX_IMAGE_BYTES: u64 = 64 * 1024 * 1024;

/// Decoded portraits by file, `None` for files that could not be decoded.
#[derive(Resource, Default)]
pub struct Portraits(HashMap<PathBuf, Option<egui::TextureHandle>>);

impl std::fmt::Debug for Portraits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Portraits").field(&self.0.len()).finish()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Portraits>();
}

/// Decodes a PNG with limits on size and memory.
pub fn decode(path: &Path) -> Result<egui::ColorImage, String> {
    let mut reader = image::ImageReader::open(path).map_err(|e| e.to_string())?;
    reader.set_format(image::ImageFormat::Png);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(MAX_IMAGE_BYTES);
    reader.limits(limits);
    let rgba = reader.decode().map_err(|e| e.to_string())?.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    Ok(egui::ColorImage::from_rgba_unmultiplied(size, rgba.as_raw()))
}

impl Portraits {
    /// The texture of `portrait` (a path relative to the scenario's asset folders), loaded once.
    pub fn get(&mut self, ctx: &egui::Context, scenario: &Path, portrait: &str) -> Option<egui::TextureHandle> {
        let file = asset_roots(scenario).into_iter().map(|r| r.join(portrait)).find(|p| p.is_file())?;
        self.0
            .entry(file.clone())
            .or_insert_with(|| match decode(&file) {
                Ok(image) => Some(ctx.load_texture(file.display().to_string(), image, egui::TextureOptions::LINEAR)),
                Err(e) => {
                    warn!("portrait {}: {e}", file.display());
                    None
                }
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_a_real_portrait_and_refuses_a_huge_one() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let ok = decode(&root.join("assets/portraits/wang.png")).unwrap();
        assert_eq!(ok.size, [256, 256]);
        let huge = decode(&root.join("tests/fixtures/portraits/huge.png"));
        assert!(huge.is_err(), "a 100000 x 100000 header must be refused before decoding");
        assert!(decode(&root.join("README.md")).is_err());
    }
}
