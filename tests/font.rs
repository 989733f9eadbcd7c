//! The bundled font covers every Chinese character the shipped scenarios and the program use
//! (its code and its message catalogues),
//! so nothing shows as a box on a machine without CJK fonts.

use std::path::Path;

fn cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

#[test]
fn every_chinese_character_in_use_is_in_the_bundled_font() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read(root.join("assets/fonts/NotoSansSC-Shapan.otf")).unwrap();
    let face = ttf_parser::Face::parse(&data, 0).unwrap();
    let mut texts: Vec<std::path::PathBuf> = shapan::scenario::scenario_files(&[root.join("scenarios")]);
    texts.push(root.join("src/lang.rs"));
    let mut stack = vec![root.join("src"), root.join("assets/locales")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs" || x == "ftl") {
                texts.push(p);
            }
        }
    }
    let mut missing = std::collections::BTreeSet::new();
    for file in texts {
        for c in std::fs::read_to_string(&file).unwrap().chars().filter(|c| cjk(*c)) {
            if face.glyph_index(c).is_none() {
                missing.insert((c, file.file_name().unwrap().to_string_lossy().into_owned()));
            }
        }
    }
    assert!(missing.is_empty(), "characters missing from the font (re-run the subset, see assets/fonts/README.md): {missing:?}");
}
