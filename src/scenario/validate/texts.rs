//! Text pass: every text has each declared language and no other, none is empty, and none is too
//! long to read on a projector. Lengths are in display columns: a Chinese character counts two.

use super::Ctx;
use crate::bi;
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

/// Calls `f` with every text in the scenario, its path and its kind.
pub fn each_text<'a>(s: &'a Scenario, f: &mut dyn FnMut(String, &'a Text, Kind)) {
    f("title".into(), &s.title, Kind::Title);
    f("summary".into(), &s.summary, Kind::Reading);
    for (i, t) in s.objectives.iter().enumerate() {
        f(format!("objectives[{i}]"), t, Kind::Reading);
    }
    for (i, c) in s.competencies.iter().enumerate() {
        f(format!("competencies[{i}].name"), &c.name, Kind::Title);
        opt(f, format!("competencies[{i}].description"), &c.description, Kind::Reading);
    }
    for (i, m) in s.meters.iter().enumerate() {
        f(format!("meters[{i}].name"), &m.name, Kind::Title);
        opt(f, format!("meters[{i}].unit"), &m.unit, Kind::Title);
        opt(f, format!("meters[{i}].description"), &m.description, Kind::Reading);
    }
    for (i, x) in s.flags.iter().enumerate() {
        opt(f, format!("flags[{i}].description"), &x.description, Kind::Reading);
    }
    for (i, r) in s.roles.iter().enumerate() {
        f(format!("roles[{i}].name"), &r.name, Kind::Title);
        f(format!("roles[{i}].briefing"), &r.briefing, Kind::Reading);
    }
    for (i, c) in s.characters.iter().enumerate() {
        f(format!("characters[{i}].name"), &c.name, Kind::Title);
        opt(f, format!("characters[{i}].title"), &c.title, Kind::Title);
    }
    for (i, sc) in s.scenes.iter().enumerate() {
        let p = format!("scenes[{i}]");
        opt(f, format!("{p}.title"), &sc.title, Kind::Title);
        f(format!("{p}.text"), &sc.text, Kind::Narrative);
        opt(f, format!("{p}.note"), &sc.note, Kind::Reading);
        media(f, &p, &sc.media);
        if let Some(t) = &sc.timer {
            let tp = format!("{p}.timer");
            opt(f, format!("{tp}.feedback"), &t.feedback, Kind::Reading);
            opt(f, format!("{tp}.basis"), &t.basis, Kind::Reading);
            commentary(f, &tp, &t.commentary);
            next(f, &tp, &t.next);
        }
        for (j, c) in sc.choices.iter().enumerate() {
            let cp = format!("{p}.choices[{j}]");
            f(format!("{cp}.text"), &c.text, Kind::Choice);
            opt(f, format!("{cp}.feedback"), &c.feedback, Kind::Reading);
            opt(f, format!("{cp}.basis"), &c.basis, Kind::Reading);
            commentary(f, &cp, &c.commentary);
            next(f, &cp, &c.next);
        }
    }
    for (i, inj) in s.injects.iter().enumerate() {
        let p = format!("injects[{i}]");
        opt(f, format!("{p}.text"), &inj.text, Kind::Narrative);
        media(f, &p, &inj.media);
        if let Some(n) = &inj.next {
            next(f, &p, n);
        }
    }
    for (i, e) in s.endings.iter().enumerate() {
        let p = format!("endings[{i}]");
        f(format!("{p}.title"), &e.title, Kind::Title);
        f(format!("{p}.text"), &e.text, Kind::Narrative);
        commentary(f, &p, &e.commentary);
    }
    opt(f, "debrief.expert".into(), &s.debrief.expert, Kind::Reading);
    opt(f, "debrief.practitioner".into(), &s.debrief.practitioner, Kind::Reading);
}

fn opt<'a>(f: &mut dyn FnMut(String, &'a Text, Kind), path: String, t: &'a Option<Text>, kind: Kind) {
    if let Some(t) = t {
        f(path, t, kind);
    }
}

fn media<'a>(f: &mut dyn FnMut(String, &'a Text, Kind), path: &str, items: &'a [Media]) {
    for (k, m) in items.iter().enumerate() {
        f(format!("{path}.media[{k}].author"), &m.author, Kind::Title);
        f(format!("{path}.media[{k}].text"), &m.text, Kind::Post);
    }
}

fn commentary<'a>(f: &mut dyn FnMut(String, &'a Text, Kind), path: &str, c: &'a Option<Commentary>) {
    if let Some(c) = c {
        opt(f, format!("{path}.commentary.expert"), &c.expert, Kind::Reading);
        opt(f, format!("{path}.commentary.practitioner"), &c.practitioner, Kind::Reading);
    }
}

fn next<'a>(f: &mut dyn FnMut(String, &'a Text, Kind), path: &str, n: &'a Next) {
    if let Next::Random(branches) = n {
        for (k, b) in branches.iter().enumerate() {
            let bp = format!("{path}.next.0[{k}]");
            opt(f, format!("{bp}.feedback"), &b.feedback, Kind::Reading);
            next(f, &bp, &b.next);
        }
    }
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let langs = &ctx.s.languages;
    let declared = langs.join(", ");
    each_text(ctx.s, &mut |path, text, kind| {
        match text {
            Text::Plain(_) if langs.len() > 1 => {
                out.push(
                    Finding::at(
                        Code::MissingTranslation,
                        path.clone(),
                        bi!(
                            "这段文字只有一种写法，但场景声明了 {declared}",
                            "this text has one version, but the scenario declares {declared}"
                        ),
                    )
                    .with_help(bi!("写成 {{\"zh-CN\": \"…\", \"en\": \"…\"}}", "write {{\"zh-CN\": \"…\", \"en\": \"…\"}}")),
                );
            }
            Text::Plain(_) => {}
            Text::Translated(entries) => {
                let missing: Vec<&str> = langs.iter().map(String::as_str).filter(|l| !entries.iter().any(|(k, _)| k == l)).collect();
                if !missing.is_empty() {
                    let m = missing.join(", ");
                    out.push(
                        Finding::at(Code::MissingTranslation, path.clone(), bi!("缺少 {m} 的文字", "missing the {m} text"))
                            .with_help(bi!("每段文字都要有 {declared} 各一份", "every text needs one version for each of {declared}")),
                    );
                }
                for (i, (k, _)) in entries.iter().enumerate() {
                    let key = Location::Key(format!("{path}.{k}"));
                    if !langs.contains(k) {
                        out.push(
                            Finding::new(
                                Code::MissingTranslation,
                                key,
                                bi!("语言“{k}”没有在 languages 里声明", "language '{k}' is not declared in languages"),
                            )
                            .with_help(bi!("场景声明的语言：{declared}", "the scenario declares: {declared}")),
                        );
                    } else if entries[..i].iter().any(|(prev, _)| prev == k) {
                        out.push(Finding::new(Code::DuplicateId, key, bi!("语言“{k}”写了两次", "language '{k}' is written twice")));
                    }
                }
            }
        }
        for (lang, body) in text.variants() {
            let at = match lang {
                Some(l) => format!("{path}.{l}"),
                None => path.clone(),
            };
            if body.trim().is_empty() {
                out.push(Finding::at(Code::EmptyText, at, bi!("文字是空的", "the text is empty")));
                continue;
            }
            let width = body.width();
            let max = kind.max_columns();
            if width > max {
                out.push(
                    Finding::at(
                        Code::TextTooLong,
                        at,
                        bi!(
                            "文字太长，投影时难以阅读（{width} 列，上限 {max} 列；一个汉字算两列）",
                            "text too long to read on a projector ({width} columns, limit {max}; a Chinese character counts two)"
                        ),
                    )
                    .with_help(bi!("拆成两个场景，或删去次要内容", "split it across two scenes or cut what is secondary")),
                );
            }
        }
    });
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
        assert!(got.contains(&(Code::EmptyText, "scenes[0].choices[1].text".into())), "{got:?}");
    }
}
