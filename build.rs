//! Embeds the interface's message catalogues and fonts: every `assets/locales/<language>/*.ftl`
//! and every `assets/fonts/*.otf|ttf` becomes part of the binary, so adding an interface language
//! is adding a folder of catalogues and, for a script the bundled fonts lack, a font file; nothing
//! is read from disk at run time.

use std::fmt::Write as _;
use std::path::Path;

/// The package's folder as cargo gives it to this run of the script. Not `env!`: that is fixed
/// when the script is compiled, so a target folder shared by two checkouts of the repository
/// would embed the other checkout's catalogues and fonts.
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| std::path::PathBuf::from("."), std::path::PathBuf::from)
}

fn main() {
    let root = manifest_dir().join("assets/locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut locales: Vec<(String, Vec<std::path::PathBuf>)> = Vec::new();
    if let Ok(dirs) = std::fs::read_dir(&root) {
        for dir in dirs.flatten() {
            let path = dir.path();
            if !path.is_dir() {
                continue;
            }
            println!("cargo:rerun-if-changed={}", path.display());
            let tag = dir.file_name().to_string_lossy().into_owned();
            let mut files: Vec<_> = std::fs::read_dir(&path)
                .into_iter()
                .flatten()
                .flatten()
                .map(|f| f.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
                .collect();
            files.sort();
            for f in &files {
                println!("cargo:rerun-if-changed={}", f.display());
            }
            locales.push((tag, files));
        }
    }
    // Chinese first: it is the product's first language and every other falls back to it.
    locales.sort_by(|a, b| (a.0 != "zh-CN", &a.0).cmp(&(b.0 != "zh-CN", &b.0)));
    let mut out = String::from("/// Every interface language's catalogue files, Chinese first: (tag, [(file, text)]).\n");
    out.push_str("pub(crate) static CATALOGUES: &[(&str, &[(&str, &str)])] = &[\n");
    for (tag, files) in &locales {
        let _ = write!(out, "    ({tag:?}, &[");
        for f in files {
            let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let _ = write!(out, "({name:?}, include_str!({:?})), ", f.display().to_string());
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    write_new(&Path::new(&out_dir).join("catalogues.rs"), &out);
    fonts(Path::new(&out_dir));
}

/// Writes a generated file as a new file: a target folder copied with hard links shares its
/// files with the original, and writing into one in place would change the other checkout's
/// build too.
fn write_new(path: &Path, text: &str) {
    let _ = std::fs::remove_file(path);
    std::fs::write(path, text).expect("OUT_DIR is writable");
}

/// Every font file under `assets/fonts/`, the bundled Chinese face first, then by name: the app
/// installs them in this order ahead of egui's own, so each glyph comes from the first that has it.
fn fonts(out_dir: &Path) {
    let root = manifest_dir().join("assets/fonts");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|e| e == "otf" || e == "ttf"))
        .collect();
    files.sort_by_key(|p| (!p.ends_with("NotoSansSC-Shapan.otf"), p.clone()));
    let mut out = String::from("/// Every bundled font, the Chinese face first: (name, bytes).\n");
    out.push_str("pub static FONTS: &[(&str, &[u8])] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let _ = writeln!(out, "    ({name:?}, include_bytes!({:?})),", f.display().to_string());
    }
    out.push_str("];\n");
    write_new(&out_dir.join("fonts.rs"), &out);
}
