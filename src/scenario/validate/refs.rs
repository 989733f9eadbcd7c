//! References pass: every id that points somewhere must exist (with did-you-mean), every
//! condition must parse and type-check, and asset paths must stay inside the asset folders.

use super::{At, Ctx, Outcome, closest};
use crate::i18n::Message;
use crate::msg;
use crate::scenario::diagnostic::{Code, Finding, Location};
use crate::scenario::expr::{self, BUILTINS, Condition, Func, Ty};
use crate::scenario::model::{Effect, Next};
use rustc_hash::FxHashMap as HashMap;
use std::path::{Component, Path};

pub(super) fn check(ctx: &Ctx, outcomes: &[Outcome], out: &mut Vec<Finding>) {
    let s = ctx.s;
    let scene_ref = |out: &mut Vec<Finding>, path: &dyn Fn() -> String, id: &str| {
        if !ctx.scenes.contains_key(id) {
            let help = if ctx.endings.contains_key(id) {
                Some(msg!("diag-is-ending-write-ending", id = id))
            } else {
                did_you_mean(id, &ctx.scenes)
            };
            out.push(Finding::at(Code::DanglingReference, path(), msg!("diag-there-is-no-scene-with-id", id = id)).with_help_opt(help));
        }
    };
    scene_ref(out, &|| "start".into(), &s.start);
    for (i, r) in s.roles.iter().enumerate() {
        if let Some(start) = &r.start {
            scene_ref(out, &|| format!("roles[{i}].start"), start);
        }
    }
    let reference = |out: &mut Vec<Finding>, path: &At, id: &str, map: &HashMap<&str, usize>, what: &'static str| {
        if !map.contains_key(id) {
            out.push(
                Finding::at(Code::DanglingReference, path.to_string(), msg!("diag-there-is-no-with-id", id = id, kind = msg!(what)))
                    .with_help_opt(did_you_mean(id, map)),
            );
        }
    };
    let roles = |out: &mut Vec<Finding>, at: &At, list: &[String]| {
        let at = at.field("roles");
        for (k, r) in list.iter().enumerate() {
            reference(out, &at.index(k), r, &ctx.roles, "diag-kind-role");
        }
    };
    let scenes = At::root("scenes");
    for (i, scene) in s.scenes.iter().enumerate() {
        let sp = scenes.index(i);
        if let Some(sp_id) = &scene.speaker {
            reference(out, &sp.field("speaker"), sp_id, &ctx.characters, "diag-kind-character");
        }
        roles(out, &sp, &scene.roles);
        let media = sp.field("media");
        for (k, m) in scene.media.iter().enumerate() {
            roles(out, &media.index(k), &m.roles);
        }
        let choices = sp.field("choices");
        for (j, c) in scene.choices.iter().enumerate() {
            let cp = choices.index(j);
            roles(out, &cp, &c.roles);
            if let Some(cond) = &c.condition {
                condition(ctx, &cp.field("condition"), cond, out);
            }
        }
    }
    let endings = At::root("endings");
    for (i, e) in s.endings.iter().enumerate() {
        let ep = endings.index(i);
        roles(out, &ep, &e.roles);
        if let Some(cond) = &e.condition {
            condition(ctx, &ep.field("condition"), cond, out);
        }
    }
    let injects = At::root("injects");
    for (i, inj) in s.injects.iter().enumerate() {
        let ip = injects.index(i);
        roles(out, &ip, &inj.roles);
        condition(ctx, &ip.field("when"), &inj.when, out);
        if let Some(sp_id) = &inj.speaker {
            reference(out, &ip.field("speaker"), sp_id, &ctx.characters, "diag-kind-character");
        }
        let media = ip.field("media");
        for (k, m) in inj.media.iter().enumerate() {
            roles(out, &media.index(k), &m.roles);
        }
    }
    for o in outcomes {
        for (k, e) in o.effects.iter().enumerate() {
            effect(ctx, &|| format!("{}.effects[{k}].0", o.path()), e, out);
        }
        if let Some(scores) = o.scores {
            for (n, (key, _)) in scores.iter().enumerate() {
                let p = || format!("{}.scores.{key}", o.path());
                if scores.0[..n].iter().any(|(k, _)| k == key) {
                    out.push(Finding::new(Code::DuplicateId, Location::Key(p()), msg!("diag-competency-is-scored-twice", key = key)));
                }
                if !ctx.competencies.contains_key(key.as_str()) {
                    out.push(
                        Finding::new(Code::DanglingReference, Location::Key(p()), msg!("diag-there-is-no-competency-with-id", key = key))
                            .with_help_opt(did_you_mean(key, &ctx.competencies)),
                    );
                }
            }
        }
        match o.next {
            Some(Next::Scene(id)) => scene_ref(out, &|| format!("{}.next.0", o.path()), id),
            Some(Next::Ending(id)) if !ctx.endings.contains_key(id.as_str()) => {
                let help = if ctx.scenes.contains_key(id.as_str()) {
                    Some(msg!("diag-is-scene-write-scene", id = id))
                } else {
                    did_you_mean(id, &ctx.endings)
                };
                out.push(
                    Finding::at(Code::DanglingReference, format!("{}.next.0", o.path()), msg!("diag-there-is-no-ending-with-id", id = id))
                        .with_help_opt(help),
                );
            }
            _ => {}
        }
    }
    for (i, c) in s.characters.iter().enumerate() {
        if let Some(p) = &c.portrait {
            asset(ctx, &format!("characters[{i}].portrait"), p, out);
        }
    }
}

fn did_you_mean<V>(id: &str, map: &HashMap<&str, V>) -> Option<Message> {
    closest(id, map.keys().copied()).map(|s| msg!("diag-did-you-mean", suggestion = s))
}

fn effect(ctx: &Ctx, path: &dyn Fn() -> String, e: &Effect, out: &mut Vec<Finding>) {
    let (id, wants_meter) = match e {
        Effect::Add(id, _) | Effect::Set(id, _) => (id, true),
        Effect::SetFlag(id) | Effect::ClearFlag(id) => (id, false),
    };
    if wants_meter && !ctx.meters.contains_key(id.as_str()) {
        let help = if ctx.flags.contains_key(id.as_str()) {
            Some(msg!("diag-is-flag-use-setflag-or-clearflag", id = id))
        } else {
            did_you_mean(id, &ctx.meters)
        };
        out.push(Finding::at(Code::DanglingReference, path(), msg!("diag-there-is-no-meter-with-id", id = id)).with_help_opt(help));
    } else if !wants_meter && !ctx.flags.contains_key(id.as_str()) {
        let help = if ctx.meters.contains_key(id.as_str()) {
            Some(msg!("diag-is-meter-use-add-or-set", id = id))
        } else {
            did_you_mean(id, &ctx.flags)
        };
        out.push(Finding::at(Code::DanglingReference, path(), msg!("diag-there-is-no-flag-with-id", id = id)).with_help_opt(help));
    }
}

struct Names<'c, 'a>(&'c Ctx<'a>);

impl expr::Names for Names<'_, '_> {
    fn var(&self, name: &str) -> Option<Ty> {
        if self.0.meters.contains_key(name) || BUILTINS.contains(&name) {
            Some(Ty::Number)
        } else if self.0.flags.contains_key(name) {
            Some(Ty::YesNo)
        } else {
            None
        }
    }

    fn exists(&self, func: Func, id: &str) -> bool {
        match func {
            Func::Visited => self.0.scenes.contains_key(id),
            Func::Chose => self.0.choices.contains_key(id),
            Func::Role => self.0.roles.contains_key(id),
        }
    }

    fn suggest(&self, func: Option<Func>, name: &str) -> Option<String> {
        let c = self.0;
        let found = match func {
            None => closest(name, c.meters.keys().chain(c.flags.keys()).copied().chain(BUILTINS)),
            Some(Func::Visited) => closest(name, c.scenes.keys().copied()),
            Some(Func::Chose) => closest(name, c.choices.keys().copied()),
            Some(Func::Role) => closest(name, c.roles.keys().copied()),
        };
        found.map(str::to_string)
    }
}

fn condition(ctx: &Ctx, path: &At, cond: &Condition, out: &mut Vec<Finding>) {
    let errors = match &cond.parsed {
        Err(e) => vec![e.clone()],
        Ok(tree) => expr::check(tree, &Names(ctx)),
    };
    for e in errors {
        let code = if e.is_type_error { Code::ExpressionType } else { Code::BadExpression };
        let (start, end) = e.range;
        out.push(Finding::new(code, Location::InString(path.to_string(), start, end), e.message).with_help_opt(e.help));
    }
}

/// Asset paths are untrusted: relative, no `..`, and the file must exist inside an asset root.
fn asset(ctx: &Ctx, path: &str, file: &str, out: &mut Vec<Finding>) {
    let rel = Path::new(file);
    let escapes = file.is_empty()
        || rel.is_absolute()
        || file.starts_with(['/', '\\'])
        || file.contains(':')
        || rel.components().any(|c| !matches!(c, Component::Normal(_)))
        || file.split(['/', '\\']).any(|part| part == "..");
    if escapes {
        out.push(
            Finding::at(Code::UnsafePath, path, msg!("diag-image-path-leaves-assets-folder", file = file))
                .with_help(msg!("diag-use-relative-path-without-or-drive")),
        );
        return;
    }
    if ctx.asset_roots.is_empty() {
        return;
    }
    let found = ctx.asset_roots.iter().find_map(|root| {
        let candidate = root.join(rel);
        match (std::fs::canonicalize(&candidate), std::fs::canonicalize(root)) {
            // A link inside the folder may still point outside it: compare the real paths.
            (Ok(real), Ok(root)) if real.starts_with(&root) && real.is_file() => Some(real),
            _ => None,
        }
    });
    if let Some(real) = &found {
        if let Err(problem) = png_size(real) {
            out.push(Finding::at(Code::BadImage, path, problem).with_help(msg!("diag-use-png-of-at-most-4096")));
        }
        return;
    }
    {
        let roots: Vec<String> = ctx.asset_roots.iter().map(|r| r.display().to_string()).collect();
        let roots = roots.join(", ");
        out.push(
            Finding::at(Code::MissingAsset, path, msg!("diag-image-not-found", file = file))
                .with_help(msg!("diag-put-it-beside-scenario-or-under", roots = roots)),
        );
    }
}

/// Largest image side accepted, in pixels.
pub const MAX_IMAGE_SIDE: u32 = 4096;

/// Reads a PNG's size from its header without decoding it; refuses other formats and images
/// larger than `MAX_IMAGE_SIDE` (a small file can claim a huge size and exhaust memory).
pub fn png_size(file: &Path) -> Result<(u32, u32), Message> {
    use std::io::Read;
    let mut head = [0u8; 24];
    let read = std::fs::File::open(file).and_then(|mut f| f.read_exact(&mut head));
    if read.is_err() || &head[..8] != b"\x89PNG\r\n\x1a\n" || &head[12..16] != b"IHDR" {
        return Err(msg!("diag-image-is-not-png-or-file"));
    }
    let w = u32::from_be_bytes([head[16], head[17], head[18], head[19]]);
    let h = u32::from_be_bytes([head[20], head[21], head[22], head[23]]);
    if w == 0 || h == 0 || w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE {
        return Err(msg!("diag-image-is-x-over-x-limit", width = w, height = h, max_image_side = MAX_IMAGE_SIDE));
    }
    Ok((w, h))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{BASE, codes, run_on};
    use crate::scenario::diagnostic::{Code, Location};

    #[test]
    fn dangling_references_with_suggestions() {
        let src = BASE
            .replace("next: Scene(\"s2\")", "next: Scene(\"s3\")")
            .replace("speaker: \"li\"", "speaker: \"lii\"")
            .replace("{\"law\": 1}", "{\"lwa\": 1}")
            .replace("Add(\"trust\", 5)", "Add(\"deleted\", 5)")
            .replace("next: Ending(\"bad\")", "next: Ending(\"s2\")");
        let f = run_on(&src);
        let got = codes(&f);
        for want in [
            "scenes[0].choices[0].next.0",
            "scenes[0].speaker",
            "scenes[0].choices[0].scores.lwa",
            "scenes[0].choices[0].effects[0].0",
            "scenes[0].choices[1].next.0",
        ] {
            assert!(got.contains(&(Code::DanglingReference, want.to_string())), "missing {want} in {got:?}");
        }
        let speaker = f.iter().find(|x| x.location == Location::Path("scenes[0].speaker".into())).unwrap();
        assert!(speaker.help.as_ref().unwrap().render(crate::lang::Lang::EN).contains("'li'"));
        let flag = f.iter().find(|x| x.location == Location::Path("scenes[0].choices[0].effects[0].0".into())).unwrap();
        assert!(flag.help.as_ref().unwrap().render(crate::lang::Lang::EN).contains("SetFlag"));
    }

    #[test]
    fn conditions_are_checked_in_place() {
        let src = BASE.replace("\"trust > 10 && !deleted\"", "\"trust > 10 && !delted || trust\"");
        let f = run_on(&src);
        let got: Vec<_> = f.iter().map(|x| (x.code, x.location.clone())).collect();
        assert!(got.contains(&(Code::BadExpression, Location::InString("scenes[0].choices[1].condition".into(), 15, 21))), "{got:?}");
        assert!(got.contains(&(Code::ExpressionType, Location::InString("scenes[0].choices[1].condition".into(), 25, 30))), "{got:?}");
    }

    #[test]
    fn asset_paths_cannot_escape() {
        for bad in ["../../etc/passwd", "/etc/passwd", "C:\\\\x.png", "a/../../b.png"] {
            let src = BASE.replace("(id: \"li\", name: \"李书记\")", &format!("(id: \"li\", name: \"李书记\", portrait: \"{bad}\")"));
            let got = codes(&run_on(&src));
            assert!(got.contains(&(Code::UnsafePath, "characters[0].portrait".into())), "{bad}: {got:?}");
        }
    }
}
