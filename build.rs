//! Embeds the interface's message catalogues: every `assets/locales/<language>/*.ftl` becomes part
//! of the binary, so adding an interface language is adding a folder (and a font), and nothing is
//! read from disk at run time.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/locales");
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
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogues.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
