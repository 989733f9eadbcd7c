//! A printable debrief: one self-contained HTML page (inline CSS and SVG charts, no scripts,
//! nothing fetched) for a trainee's or a group's class file. Written with maud, which escapes
//! every text it is given; the words come from `assets/locales/*/report.ftl`.

use crate::lang::Lang;
use crate::present::chart::{Bars, Lines};
use crate::present::debrief::{DebriefView, StepView, Voices, gain_words, points, rating_label, rating_rgb, why};
use crate::present::{grade, hex};
use crate::t;
use maud::{DOCTYPE, Markup, PreEscaped, html};

const STYLE: &str = "body{font-family:'Noto Sans SC','Microsoft YaHei','PingFang SC',sans-serif;max-width:52em;margin:2em auto;color:#222;line-height:1.6}\
h1{font-size:1.6em} .total{font-size:1.2em;font-weight:bold;padding:.3em .8em;border-left:6px solid;background:#f6f6f6}\
.rating{color:#fff;border-radius:4px;padding:0 .4em;margin-right:.4em;font-size:.9em;font-weight:bold} .basis{color:#555} .turning{border-left:4px solid #888;padding:.2em 1em;margin:.8em 0;page-break-inside:avoid} .vote{color:#1e5aaa} .step{border:1px solid #ccc;border-radius:6px;padding:.5em 1em;margin:.6em 0;page-break-inside:avoid}\
.better{color:#1e8c3c} .redline{border:2px solid #a01e1e;border-radius:6px;padding:.5em 1em;color:#a01e1e} .expert{color:#1e5aaa} .practitioner{color:#784614} small{color:#666}\
@media print{body{margin:0}}";

/// The debrief as a printable page, in the debrief's language. `who` names the trainee or group.
pub fn debrief_page(d: &DebriefView, who: &str) -> String {
    let l = d.lang;
    let title = t!(l, "debrief-title", title = d.title.as_str());
    let lines = Lines::meters(d);
    let bars = Bars::competencies(d);
    let page = html! {
        (DOCTYPE)
        html lang=(l.code()) {
            head {
                meta charset="utf-8";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { (title) }
                p { (t!(l, "report-who", who = who, role = d.role.as_str())) }
                @if !d.red_lines.is_empty() {
                    div.redline {
                        p { b { (t!(l, "debrief-red-lines-title")) } }
                        @for r in &d.red_lines {
                            p { (t!(l, "debrief-red-line", text = r.text.as_str(), action = r.action.as_str())) }
                            @if let Some(b) = &r.basis {
                                p.basis { (t!(l, "debrief-basis", basis = b.as_str())) }
                            }
                        }
                    }
                }
                @if let Some(e) = &d.ending {
                    h2 { (t!(l, "report-ending", title = e.title.as_str())) }
                    p { (e.text) }
                } @else {
                    h2 { (t!(l, "report-no-ending")) }
                }
                @let band = hex(grade::band_rgb(d.grade));
                p.total style=(format!("border-color:{band};color:{band}")) { (t!(l, "report-total", total = points(d.total), grade = grade::label(d.grade, l))) }
                h3 { (t!(l, "debrief-turning-points", count = d.turning_points.len())) }
                @if d.turning_points.is_empty() {
                    p { (t!(l, "debrief-no-turning-points")) }
                } @else {
                    p { small { (t!(l, "debrief-turning-points-note")) } }
                    @for &i in &d.turning_points {
                        (turning(i, &d.path[i], l))
                    }
                }
                h3 { (bars.title) }
                (bars.svg())
                @if !lines.is_empty() {
                    h3 { (lines.title) }
                    (lines.svg())
                }
                h3 { (t!(l, "debrief-all-decisions")) }
                @for (i, s) in d.path.iter().enumerate() {
                    div.step {
                        p { (rating(s, l)) b { (i + 1) ". " (s.text) } }
                        @if let Some(v) = &s.vote {
                            p.vote { (t!(l, "report-class-vote", summary = crate::present::vote::summary(v, l))) }
                        }
                        @if let Some(f) = &s.feedback {
                            p { (f) }
                        }
                        @if let Some(b) = &s.basis {
                            p.basis { (t!(l, "debrief-basis", basis = b.as_str())) }
                        }
                        @if let Some(c) = &s.commentary {
                            (voices(c, l))
                        }
                        @if let Some(b) = &s.better {
                            p.better { (t!(l, "debrief-better-road", choice = b.text.as_str())) " · " (gain_words(b.gain, l)) }
                        }
                    }
                }
                @if let Some(c) = &d.commentary {
                    h3 { (t!(l, "report-commentary")) }
                    (voices(c, l))
                }
            }
        }
    };
    page.into_string() + "\n"
}

/// A decision's rating as a small coloured tag before its text (nothing where it is unrated).
fn rating(s: &StepView, l: Lang) -> Markup {
    html! {
        @if let Some(r) = s.rating {
            span.rating style=(format!("background:{}", hex(rating_rgb(r)))) { (rating_label(r, l)) }
        }
    }
}

/// One turning point: the choice taken, what happened, the better road with what it would have
/// changed and why, and the basis.
fn turning(i: usize, s: &StepView, l: Lang) -> Markup {
    html! {
        div.turning {
            p { (rating(s, l)) b { (t!(l, "debrief-step", n = i + 1)) " " (s.chosen(l)) } }
            @if let Some(f) = &s.feedback {
                p { (t!(l, "debrief-what-happened", feedback = f.as_str())) }
            }
            @if let Some(b) = &s.better {
                p.better { b { (t!(l, "debrief-better-road", choice = b.text.as_str())) } " · " (gain_words(b.gain, l)) }
                @if let Some(w) = why(b) {
                    p { (t!(l, "debrief-why", why = w)) }
                }
            }
            @if let Some(b) = &s.basis {
                p { small { (t!(l, "debrief-basis", basis = b.as_str())) } }
            }
        }
    }
}

fn voices(v: &Voices, l: Lang) -> Markup {
    html! {
        @if v.disagree {
            p { i { (t!(l, "debrief-voices-differ")) } }
        }
        @if let Some(e) = &v.expert {
            p.expert { b { (t!(l, "debrief-expert")) } (e) }
        }
        @if let Some(p) = &v.practitioner {
            p.practitioner { b { (t!(l, "debrief-practitioner")) } (p) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rating::Rating;
    use crate::engine::vote::Vote;
    use crate::present::debrief::{BetterView, CompetencyView, EndingView, MeterView, RedLineView, StepView};
    use crate::scenario::model::Grade;

    const NASTY: &str = "<script>alert(1)</script>";

    fn step(n: usize) -> StepView {
        StepView {
            scene: format!("scene{n}"),
            scene_text: String::new(),
            choice: Some(format!("c{n}")),
            text: format!("step {n}: say \"&'"),
            ms: 0,
            feedback: Some(format!("feedback {n} {NASTY}")),
            basis: Some("law & order".into()),
            commentary: Some(Voices { expert: Some("<b>expert</b>".into()), practitioner: None, disagree: false }),
            better: Some(BetterView {
                choice: None,
                text: "wait \"&'".into(),
                feedback: Some("Quiet first. Then talk.".into()),
                expert: None,
                gain: 2.5 * n as f64,
            }),
            rating: Some(if n == 1 { Rating::Good } else { Rating::Poor }),
            vote: (n == 2).then(|| Vote {
                choices: vec!["a".into(), "b".into()],
                rounds: vec![vec![3, 5]],
                decided: None,
                by_instructor: false,
            }),
        }
    }

    fn view(lang: Lang) -> DebriefView {
        DebriefView {
            lang,
            scenario: "s".into(),
            title: format!("Title {NASTY}"),
            role: "role \"&'".into(),
            seed: 1,
            complete: true,
            ending: Some(EndingView { id: "e".into(), title: "end \"&'".into(), grade: Grade::Good, text: NASTY.into(), commentary: None }),
            grade: Grade::Pass,
            total: 64.0,
            red_lines: vec![RedLineView {
                scene: "scene2".into(),
                choice: Some("c2".into()),
                text: format!("line {NASTY}"),
                action: "did it".into(),
                basis: Some("the rules".into()),
            }],
            competencies: vec![CompetencyView { id: "k".into(), name: "k \"&'".into(), weight: 1, raw: 3, min: 0, max: 5, score: 60.0 }],
            path: (1..=3).map(step).collect(),
            turning_points: vec![2, 1],
            meters: vec![MeterView {
                id: "m".into(),
                name: "trust".into(),
                visible: true,
                higher_is_worse: false,
                min: 0,
                max: 100,
                values: vec![50, 60, 70, 40],
            }],
            commentary: Some(Voices { expert: None, practitioner: Some(NASTY.into()), disagree: true }),
            minutes: 10,
        }
    }

    #[test]
    fn every_text_is_escaped_and_the_page_runs_no_script() {
        let page = debrief_page(&view(Lang::EN), &format!("{NASTY} · \"&'"));
        assert!(!page.contains("<script") && !page.contains("alert(1)</"), "{page}");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "names and scenario texts are escaped");
        assert!(page.contains("step 1: say &quot;&amp;'"), "quotes and ampersands in scenario text: {page}");
        assert!(page.contains("role &quot;&amp;'"));
        assert!(page.contains("&lt;b&gt;expert&lt;/b&gt;"), "an author's markup is shown, not obeyed");
        assert!(page.contains("k &quot;&amp;'"), "chart labels too");
        assert!(page.contains("line &lt;script&gt;"), "the red line's text too");
        let red = page.find("class=\"redline\"").expect("the red line is named");
        assert!(red < page.find("class=\"total\"").unwrap(), "before the total");
        assert!(!page.contains("http"), "nothing fetched from anywhere");
    }

    #[test]
    fn the_page_holds_both_charts_and_every_step() {
        for lang in [Lang::ZH_CN, Lang::EN] {
            let page = debrief_page(&view(lang), "A");
            assert!(page.starts_with("<!DOCTYPE html><html lang=\""), "{page}");
            assert!(page.ends_with("</html>\n"));
            assert_eq!(page.matches("<svg").count(), 2, "the competency chart and the meter chart");
            assert_eq!(page.matches("<polyline").count(), 1);
            assert_eq!(page.matches("class=\"step\"").count(), 3, "every step");
            for n in 1..=3 {
                assert!(page.contains(&format!("<b>{n}. step {n}")), "step {n}");
            }
            assert_eq!(page.matches("class=\"turning\"").count(), 2, "the turning points");
            assert!(page.find("class=\"turning\"").unwrap() < page.find("<svg").unwrap(), "the lessons come before the charts");
            assert!(page.find("<svg").unwrap() < page.find("class=\"step\"").unwrap(), "and every decision after");
            assert_eq!(page.matches("class=\"vote\"").count(), 1);
        }
        let zh = debrief_page(&view(Lang::ZH_CN), "第一组");
        assert!(zh.contains("<html lang=\"zh-CN\">"));
        assert!(zh.contains("<title>复盘｜Title &lt;script&gt;"), "one colon at most: {zh}");
        assert!(zh.contains("学员/小组：第一组 · 角色："));
        assert!(zh.contains("<h2>结局：end &quot;&amp;'</h2>"), "the grade is said once, by the band: {zh}");
        assert!(zh.contains(">总分 64 · 合格</p>"), "whole points: {zh}");
        assert!(zh.contains("<h3>两个转折点</h3>"), "{zh}");
        let third = zh.find("第 3 个决定 当时的选择：step 3").expect("the largest loss first");
        assert!(third < zh.find("第 2 个决定 全班的选择：step 2").expect("the class's choice"), "{zh}");
        assert!(zh.contains("更好的做法：wait &quot;&amp;'</b> · 本可多得约 8 分"), "7.5 points in words: {zh}");
        assert!(zh.contains("为什么：Quiet first."), "why, in one line: {zh}");
        assert!(zh.contains(">稳妥</span><b>1. step 1") && zh.contains(">欠妥</span><b>3. step 3"), "each decision rated before its text");
        assert!(zh.contains("<h3>能力得分</h3>") && zh.contains("<h3>态势变化</h3>") && zh.contains("<h3>全部决策</h3>"));
        assert!(zh.contains("全班投票：票数 3/5"));
        assert!(zh.contains("<p class=\"basis\">依据：law &amp; order</p>"), "upright: Chinese has no italic");
        assert!(zh.contains("更好的做法：wait &quot;&amp;' · 本可多得约 3 分"), "{zh}");
        assert!(zh.contains("<b>专家点评：</b>") && zh.contains("<b>基层干部点评：</b>"));
        let en = debrief_page(&view(Lang::EN), "A");
        assert!(en.contains("Trainee/group: A · Role: ") && en.contains("<h3>Commentary</h3>") && en.contains("<b>Expert: </b>"), "{en}");
        assert!(en.contains("<h3>Two turning points</h3>") && en.contains("about 8 points more") && en.contains(">Poor</span>"), "{en}");
        let mut clean = view(Lang::ZH_CN);
        clean.turning_points.clear();
        let clean = debrief_page(&clean, "A");
        assert!(clean.contains("这一次没有哪个决定明显失分") && !clean.contains("class=\"turning\""), "no lessons invented: {clean}");
    }

    #[test]
    fn a_run_without_an_ending_or_meters_says_so() {
        let mut d = view(Lang::ZH_CN);
        d.ending = None;
        d.meters.clear();
        let page = debrief_page(&d, "");
        assert!(page.contains("<h2>演练没有走到结局</h2>"));
        assert_eq!(page.matches("<svg").count(), 1, "no meter chart without visible meters");
    }
}
