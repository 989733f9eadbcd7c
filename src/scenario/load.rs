//! Reading a scenario file: size and encoding checks, RON parsing (its errors worded in
//! syntax.rs), then the validation passes, then positions resolved.

use super::diagnostic::{Code, Diagnostic, Finding, Location, SourceSpan};
use super::locate::{LineIndex, SourceIndex, offset_in_string};
use super::model::Scenario;
use super::validate;
use crate::msg;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest scenario file accepted. A 10 000-scene scenario is about 6 MiB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Deepest bracket nesting accepted (ron's own guard against stack overflow; never turned off).
pub const MAX_NESTING: usize = 128;

/// A scenario file after loading: its text, the scenario if it parsed, and every problem found.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub source: String,
    /// Present when the file parsed, even with validation errors (so tools can still show counts).
    pub scenario: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    /// Line starts of the file's text, for rendering its diagnostics: build it once per file.
    pub fn line_index(&self) -> LineIndex<'_> {
        LineIndex::new(&self.source)
    }

    /// The scenario if it has no errors: only such a scenario may be played.
    pub fn playable(&self) -> Option<&Scenario> {
        if self.error_count() == 0 { self.scenario.as_ref() } else { None }
    }
}

/// Where assets such as portraits may be found for a scenario at `path`: its own folder and the
/// nearest `assets/` folder above it.
pub fn asset_roots(path: &Path) -> Vec<PathBuf> {
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
    let mut roots = vec![dir.clone()];
    let mut up = std::fs::canonicalize(&dir).ok();
    while let Some(d) = up {
        let candidate = d.join("assets");
        if candidate.is_dir() {
            roots.push(candidate);
            break;
        }
        up = d.parent().map(Path::to_path_buf);
    }
    roots
}

/// Files to check: each path itself, or for a folder every `*.ron` below it, in name order.
/// A path that does not exist is kept so that it is reported.
pub fn scenario_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            collect_ron(p, &mut found, 0);
            found.sort();
            if found.is_empty() {
                out.push(p.clone());
            }
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn collect_ron(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    // Deep or cyclic (symlinked) folder trees stop here rather than hang.
    if depth > 16 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            collect_ron(&path, out, depth + 1);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}

/// Loads and validates one file. Never panics, whatever the file holds.
pub fn load_path(path: &Path) -> Loaded {
    let fail = |finding: Finding| Loaded {
        path: path.to_path_buf(),
        source: String::new(),
        scenario: None,
        diagnostics: resolve(vec![finding], ""),
    };
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return fail(
                Finding::new(Code::Io, Location::File, msg!("diag-file-not-found", shown = &shown))
                    .with_help(msg!("diag-check-path-and-file-name")),
            );
        }
        Err(e) => {
            return fail(Finding::new(Code::Io, Location::File, msg!("diag-cannot-read", shown = &shown, error = e.to_string())));
        }
    };
    if meta.is_dir() {
        return fail(
            Finding::new(Code::Io, Location::File, msg!("diag-is-folder-not-scenario-file", shown = &shown))
                .with_help(msg!("diag-shapan-validate-folder-checks-every-ron")),
        );
    }
    let too_large = |size: u64| {
        let mib = MAX_FILE_BYTES / (1024 * 1024);
        Finding::new(Code::FileTooLarge, Location::File, msg!("diag-file-too-large-bytes-limit-is", size = size, mib = mib))
            .with_help(msg!("diag-scenario-is-usually-under-200-kib"))
    };
    if meta.len() > MAX_FILE_BYTES {
        return fail(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return fail(Finding::new(Code::Io, Location::File, msg!("diag-cannot-read", shown = &shown, error = e.to_string())));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return fail(too_large(bytes.len() as u64));
    }
    load_bytes(path, bytes, &asset_roots(path))
}

/// Loads and validates file content given as bytes (the path names it in messages).
pub fn load_bytes(path: &Path, bytes: Vec<u8>, asset_roots: &[PathBuf]) -> Loaded {
    match String::from_utf8(bytes) {
        Ok(source) => load_str(path, source, asset_roots),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let source = String::from_utf8_lossy(&bytes).into_owned();
            // Position of the first bad byte in the lossy text: the valid prefix is unchanged.
            let finding = Finding::new(
                Code::InvalidUtf8,
                Location::Bytes(valid, valid + 1),
                msg!("diag-file-is-not-utf-8-from-byte", byte = valid + 1),
            )
            .with_help(msg!("diag-save-it-as-utf-8-in"));
            Loaded { path: path.to_path_buf(), diagnostics: resolve(vec![finding], &source), source, scenario: None }
        }
    }
}

/// Loads and validates scenario text.
pub fn load_str(path: &Path, source: String, asset_roots: &[PathBuf]) -> Loaded {
    // Windows Notepad's "UTF-8 with BOM" starts with U+FEFF, which editors do not show.
    let source = match source.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => source,
    };
    let mut findings = Vec::new();
    let scenario = if only_comments(&source) {
        findings.push(
            Finding::new(Code::EmptyFile, Location::File, msg!("diag-file-is-empty")).with_help(msg!("diag-start-from-copy-of-one-of")),
        );
        None
    } else {
        match parse(&source) {
            Ok(s) => {
                findings.extend(validate::run(&s, asset_roots));
                Some(s)
            }
            Err(f) => {
                findings.push(*f);
                None
            }
        }
    };
    let diagnostics = resolve(findings, &source);
    Loaded { path: path.to_path_buf(), source, scenario, diagnostics }
}

/// Whether the text has nothing but white space and `//` comments.
fn only_comments(source: &str) -> bool {
    source.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with("//")
    })
}

pub(super) fn options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME).with_recursion_limit(MAX_NESTING)
}

/// Parses RON into a scenario without validating it; the error is a finding at its place.
pub fn parse(source: &str) -> Result<Scenario, Box<Finding>> {
    let options = options();
    // The fast path: plain ron. Only on failure parse again with path tracking for the message.
    let err = match options.from_str::<Scenario>(source) {
        Ok(s) => return Ok(s),
        Err(e) => e,
    };
    let path = match ron::Deserializer::from_str_with_options(source, &options) {
        Ok(mut de) => match serde_path_to_error::deserialize::<_, Scenario>(&mut de) {
            Err(e) => e.path().to_string(),
            Ok(_) => String::new(),
        },
        Err(_) => String::new(),
    };
    Err(Box::new(super::syntax::finding_from_ron(source, &err, &path)))
}

/// Turns findings into diagnostics with line and column, building the source index only if a
/// finding is located by path. Diagnostics read top to bottom, except that one which follows from
/// another comes right after its cause.
pub fn resolve(findings: Vec<Finding>, source: &str) -> Vec<Diagnostic> {
    if findings.is_empty() {
        return Vec::new();
    }
    let lines = LineIndex::new(source);
    let mut index: Option<SourceIndex> = None;
    let mut place = |location: &Location| match location {
        Location::File => None,
        Location::Bytes(s, e) => Some((*s, *e)),
        Location::Path(p) => index.get_or_insert_with(|| SourceIndex::build(source)).nearest(p),
        Location::Key(p) => {
            let idx = index.get_or_insert_with(|| SourceIndex::build(source));
            idx.key(p).or_else(|| idx.nearest(p))
        }
        Location::InString(p, s, e) => {
            let idx = index.get_or_insert_with(|| SourceIndex::build(source));
            idx.value(p).map(|lit| (offset_in_string(source, lit, *s), offset_in_string(source, lit, (*e).max(*s + 1))))
        }
    };
    let mut keyed: Vec<(Option<usize>, bool, Diagnostic)> = findings
        .into_iter()
        .map(|f| {
            let span = place(&f.location).map(|(s, e)| SourceSpan { start: lines.pos(s), end: lines.pos(e.max(s)) });
            let cause = f.follows.as_ref().map(|c| place(c).map(|(s, _)| s));
            let own = span.map(|s| s.start.offset);
            let anchor = match cause {
                Some(c) => c.or(own),
                None => own,
            };
            let d = Diagnostic { code: f.code, severity: f.code.severity(), span, message: f.message, help: f.help };
            (anchor, cause.is_some(), d)
        })
        .collect();
    keyed.sort_by(|(a, fa, x), (b, fb, y)| {
        let (ox, oy) = (x.span.map(|s| s.start.offset), y.span.map(|s| s.start.offset));
        a.cmp(b).then(fa.cmp(fb)).then(x.severity.cmp(&y.severity)).then(x.code.cmp(&y.code)).then(ox.cmp(&oy))
    });
    keyed.into_iter().map(|(_, _, d)| d).collect()
}
