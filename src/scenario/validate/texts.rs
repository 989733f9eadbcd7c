//! Text pass: every text has each declared language and no other, none is empty, and none is too
//! long to read on a projector. Lengths are in display columns: a Chinese character counts two.

use super::{At, Ctx};
use crate::msg;
use crate::scenario::diagnostic::{Code, Finding, Location};
use crate::scenario::model::{Commentary, Media, Next, Scenario};
use crate::scenario::text::Text;
use unicode_width::UnicodeWidthStr;

/// What a text is, which sets how long it may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Titles and names: one line on the projector.
    Title,
    /// A choice button.
    Choice,
    /// Scene narration.
    Narrative,
    /// A simulated post.
    Post,
    /// Feedback, basis, commentary, briefings: read in the debrief or at a desk.
    Reading,
}

impl Kind {
    /// The longest readable text in display columns (a Chinese character is two columns).
    /// Chosen so that at projector sizes (see the author's guide) a title fits one line, a choice
    /// two lines, narration and posts one screen.
    pub fn max_columns(self) -> usize {
        match self {
            Kind::Title => 60,
            Kind::Choice => 120,
            Kind::Narrative => 1000,
            Kind::Post => 560,
            Kind::Reading => 2400,
        }
    }
}

/// Receives each text with its path and kind.
pub type TextVisitor<'v, 'a> = dyn FnMut(&At, &'a Text, Kind) + 'v;

/// Calls `f` with every text in the scenario, its path and its kind.
pub fn each_text<'a>(s: &'a Scenario, f: &mut TextVisitor<'_, 'a>) {
    f(&At::root("title"), &s.title, Kind::Title);
    f(&At::root("summary"), &s.summary, Kind::Reading);
    let objectives = At::root("objectives");
    for (i, t) in s.objectives.iter().enumerate() {
        f(&objectives.index(i), t, Kind::Reading);
    }
    let root = At::root("competencies");
    for (i, c) in s.competencies.iter().enumerate() {
        let at = root.index(i);
        f(&at.field("name"), &c.name, Kind::Title);
        opt(f, &at.field("description"), &c.description, Kind::Reading);
    }
    let root = At::root("meters");
    for (i, m) in s.meters.iter().enumerate() {
        let at = root.index(i);
        f(&at.field("name"), &m.name, Kind::Title);
        opt(f, &at.field("unit"), &m.unit, Kind::Title);
        opt(f, &at.field("description"), &m.description, Kind::Reading);
    }
    let root = At::root("flags");
    for (i, x) in s.flags.iter().enumerate() {
        opt(f, &root.index(i).field("description"), &x.description, Kind::Reading);
    }
    let root = At::root("roles");
    for (i, r) in s.roles.iter().enumerate() {
        let at = root.index(i);
        f(&at.field("name"), &r.name, Kind::Title);
        f(&at.field("briefing"), &r.briefing, Kind::Reading);
    }
    let root = At::root("characters");
    for (i, c) in s.characters.iter().enumerate() {
        let at = root.index(i);
        f(&at.field("name"), &c.name, Kind::Title);
        opt(f, &at.field("title"), &c.title, Kind::Title);
    }
    let root = At::root("scenes");
    for (i, sc) in s.scenes.iter().enumerate() {
        let p = root.index(i);
        opt(f, &p.field("title"), &sc.title, Kind::Title);
        f(&p.field("text"), &sc.text, Kind::Narrative);
        opt(f, &p.field("note"), &sc.note, Kind::Reading);
        media(f, &p, &sc.media);
        if let Some(t) = &sc.timer {
            let tp = p.field("timer");
            opt(f, &tp.field("feedback"), &t.feedback, Kind::Reading);
            opt(f, &tp.field("basis"), &t.basis, Kind::Reading);
            opt(f, &tp.field("red_line"), &t.red_line, Kind::Reading);
            commentary(f, &tp, &t.commentary);
            next(f, &tp, &t.next);
        }
        let choices = p.field("choices");
        for (j, c) in sc.choices.iter().enumerate() {
            let cp = choices.index(j);
            f(&cp.field("text"), &c.text, Kind::Choice);
            // Shown as a line under the greyed-out button: no longer than the button's own text.
            opt(f, &cp.field("locked"), &c.locked, Kind::Choice);
            opt(f, &cp.field("feedback"), &c.feedback, Kind::Reading);
            opt(f, &cp.field("basis"), &c.basis, Kind::Reading);
            opt(f, &cp.field("red_line"), &c.red_line, Kind::Reading);
            commentary(f, &cp, &c.commentary);
            let predict = cp.field("predict");
            for (k, o) in c.predict.iter().enumerate() {
                f(&predict.index(k).field("text"), &o.text, Kind::Choice);
            }
            next(f, &cp, &c.next);
        }
    }
    let root = At::root("injects");
    for (i, inj) in s.injects.iter().enumerate() {
        let p = root.index(i);
        opt(f, &p.field("text"), &inj.text, Kind::Narrative);
        media(f, &p, &inj.media);
        if let Some(n) = &inj.next {
            next(f, &p, n);
        }
    }
    let root = At::root("endings");
    for (i, e) in s.endings.iter().enumerate() {
        let p = root.index(i);
        f(&p.field("title"), &e.title, Kind::Title);
        f(&p.field("text"), &e.text, Kind::Narrative);
        commentary(f, &p, &e.commentary);
    }
    let debrief = At::root("debrief");
    opt(f, &debrief.field("expert"), &s.debrief.expert, Kind::Reading);
    opt(f, &debrief.field("practitioner"), &s.debrief.practitioner, Kind::Reading);
}

fn opt<'a>(f: &mut TextVisitor<'_, 'a>, at: &At, t: &'a Option<Text>, kind: Kind) {
    if let Some(t) = t {
        f(at, t, kind);
    }
}

fn media<'a>(f: &mut TextVisitor<'_, 'a>, at: &At, items: &'a [Media]) {
    let root = at.field("media");
    for (k, m) in items.iter().enumerate() {
        let mp = root.index(k);
        f(&mp.field("author"), &m.author, Kind::Title);
        f(&mp.field("text"), &m.text, Kind::Post);
    }
}

fn commentary<'a>(f: &mut TextVisitor<'_, 'a>, at: &At, c: &'a Option<Commentary>) {
    if let Some(c) = c {
        let cp = at.field("commentary");
        opt(f, &cp.field("expert"), &c.expert, Kind::Reading);
        opt(f, &cp.field("practitioner"), &c.practitioner, Kind::Reading);
    }
}

fn next<'a>(f: &mut TextVisitor<'_, 'a>, at: &At, n: &'a Next) {
    if let Next::Random(branches) = n {
        let np = at.field("next");
        let list = np.field("0");
        for (k, b) in branches.iter().enumerate() {
            let bp = list.index(k);
            opt(f, &bp.field("feedback"), &b.feedback, Kind::Reading);
            next(f, &bp, &b.next);
        }
    }
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let langs = &ctx.s.languages;
    let declared = || langs.join(", ");
    each_text(ctx.s, &mut |at, text, kind| {
        match text {
            Text::Plain(_) if langs.len() > 1 => {
                let d = declared();
                out.push(
                    Finding::at(Code::MissingTranslation, at.to_string(), msg!("diag-this-text-has-one-version-but", declared = d))
                        .with_help(msg!("diag-write-zh-cn-en")),
                );
            }
            Text::Plain(_) => {}
            Text::Translated(entries) => {
                let complete = entries.len() == langs.len() && langs.iter().all(|l| entries.iter().any(|(k, _)| k == l));
                if !complete {
                    translation_problems(at, entries, langs, out);
                }
            }
        }
        for (lang, body) in text.variants() {
            let place = || match lang {
                Some(l) => format!("{at}.{l}"),
                None => at.to_string(),
            };
            if body.trim().is_empty() {
                out.push(Finding::at(Code::EmptyText, place(), msg!("diag-text-is-empty")));
                continue;
            }
            let max = kind.max_columns();
            // No character is wider than its UTF-8 length, so short texts need no measuring.
            if body.len() <= max {
                continue;
            }
            let width = body.width();
            if width > max {
                out.push(too_long(place(), lang.or(langs.first().map(String::as_str)), width, max, kind));
            }
        }
    });
}

/// A text too long for the projector, naming which language is too long, and on a choice
/// button pointing at the feedback, where the detail belongs.
fn too_long(place: String, lang: Option<&str>, width: usize, max: usize, kind: Kind) -> Finding {
    // The catalogue names the languages it knows and quotes any other tag.
    let language = msg!("diag-text-language", tag = lang.unwrap_or("none"));
    let help =
        if kind == Kind::Choice { msg!("diag-keep-button-to-what-trainee-does") } else { msg!("diag-split-it-across-two-scenes-or") };
    Finding::at(Code::TextTooLong, place, msg!("diag-text-is-too-long-to-read", language = language, width = width, max = max))
        .with_help(help)
}

fn translation_problems(at: &At, entries: &[(String, String)], langs: &[String], out: &mut Vec<Finding>) {
    let declared = langs.join(", ");
    let missing: Vec<&str> = langs.iter().map(String::as_str).filter(|l| !entries.iter().any(|(k, _)| k == l)).collect();
    if !missing.is_empty() {
        let m = missing.join(", ");
        out.push(
            Finding::at(Code::MissingTranslation, at.to_string(), msg!("diag-missing-text", missing = m))
                .with_help(msg!("diag-every-text-needs-one-version-for", declared = &declared)),
        );
    }
    for (i, (k, _)) in entries.iter().enumerate() {
        let key = || Location::Key(format!("{at}.{k}"));
        if !langs.contains(k) {
            out.push(
                Finding::new(Code::MissingTranslation, key(), msg!("diag-language-is-not-declared-in-languages", language = k))
                    .with_help(msg!("diag-scenario-declares", declared = &declared)),
            );
        } else if entries[..i].iter().any(|(prev, _)| prev == k) {
            out.push(Finding::new(Code::DuplicateId, key(), msg!("diag-language-is-written-twice", language = k)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{BASE, codes, run_on};
    use crate::scenario::diagnostic::Code;

    #[test]
    fn translations_must_be_complete() {
        let src = BASE
            .replace("languages: [\"zh-CN\"]", "languages: [\"zh-CN\", \"en\"]")
            .replace("title: \"测试\"", "title: {\"zh-CN\": \"测试\", \"en\": \"Test\"}")
            .replace("summary: \"测试用例\"", "summary: {\"zh-CN\": \"测试用例\", \"fr\": \"x\"}");
        let got = codes(&run_on(&src));
        assert!(!got.iter().any(|(_, p)| p == "title"), "a complete text is fine: {got:?}");
        assert!(got.contains(&(Code::MissingTranslation, "summary".into())), "{got:?}");
        assert!(got.contains(&(Code::MissingTranslation, "summary.fr".into())), "{got:?}");
        assert!(got.contains(&(Code::MissingTranslation, "scenes[0].text".into())), "plain text in a bilingual scenario: {got:?}");
    }

    #[test]
    fn long_and_empty_texts_warn() {
        let long = "很".repeat(61);
        let src = BASE.replace("text: \"回应\"", &format!("text: \"{long}\"")).replace("text: \"沉默\"", "text: \" \"");
        let got = codes(&run_on(&src));
        assert!(got.contains(&(Code::TextTooLong, "scenes[0].choices[0].text".into())), "{got:?}");
        let f = run_on(&src).into_iter().find(|f| f.code == Code::TextTooLong).unwrap();
        assert!(
            f.message.render(crate::lang::Lang::ZH_CN).starts_with("中文（zh-CN）文字太长"),
            "{}",
            f.message.render(crate::lang::Lang::ZH_CN)
        );
        assert!(
            f.message.render(crate::lang::Lang::EN).starts_with("The Chinese (zh-CN) text is too long"),
            "{}",
            f.message.render(crate::lang::Lang::EN)
        );
        assert!(f.help.unwrap().render(crate::lang::Lang::ZH_CN).contains("feedback"), "a long choice points at the feedback");
        assert!(got.contains(&(Code::EmptyText, "scenes[0].choices[1].text".into())), "{got:?}");
    }

    #[test]
    fn a_long_english_text_is_named_as_english() {
        let src = std::fs::read_to_string("scenarios/tutorial/water_rumour_quick.ron").unwrap();
        let long = "Call the water company first to check, ".repeat(4);
        let src = src.replace("\"en\": \"Call the water company first to check\"", &format!("\"en\": \"{long}\""));
        let found = run_on(&src);
        let f = found.iter().find(|f| f.code == Code::TextTooLong).expect("too long");
        assert!(
            f.message.render(crate::lang::Lang::ZH_CN).starts_with("英文（en）文字太长"),
            "{}",
            f.message.render(crate::lang::Lang::ZH_CN)
        );
        assert!(
            f.message.render(crate::lang::Lang::EN).starts_with("The English (en) text is too long"),
            "{}",
            f.message.render(crate::lang::Lang::EN)
        );
        assert!(f.help.as_ref().unwrap().render(crate::lang::Lang::EN).contains("feedback"));
        let summary = "很".repeat(1300);
        let src = src.replacen("\"zh-CN\": \"小区业主群", &format!("\"zh-CN\": \"{summary}小区业主群"), 1);
        let f = run_on(&src)
            .into_iter()
            .find(|f| f.code == Code::TextTooLong && f.message.render(crate::lang::Lang::ZH_CN).starts_with("中文"))
            .expect("summary");
        assert!(!f.help.unwrap().render(crate::lang::Lang::EN).contains("feedback"), "only choices are pointed at the feedback");
    }
}
