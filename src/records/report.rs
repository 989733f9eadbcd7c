//! A printable debrief: one self-contained HTML file (inline CSS and SVG charts, no scripts,
//! nothing fetched) for a trainee's or a group's class file. Every text is escaped.

use crate::lang::Lang;
use crate::present::debrief::{DebriefView as Debrief, Voices};
use crate::present::grade::{self, score_rgb};
use crate::present::hex;
use std::fmt::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

const COLOURS: [&str; 6] = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

fn voices(out: &mut String, v: &Voices, l: Lang) {
    if let Some(e) = &v.expert {
        let _ = write!(out, "<p class=expert><b>{}</b>{}</p>", l.pick("专家点评：", "Expert: "), esc(e));
    }
    if let Some(p) = &v.practitioner {
        let _ = write!(out, "<p class=practitioner><b>{}</b>{}</p>", l.pick("基层干部点评：", "Practitioner: "), esc(p));
    }
}

/// The debrief as a printable page. `who` names the trainee or group.
pub fn html(d: &Debrief, who: &str, l: Lang) -> String {
    let mut o = String::new();
    let title = format!("{}{}", l.pick("复盘：", "Debrief: "), d.title);
    let _ = write!(
        o,
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>\
         body{{font-family:'Noto Sans SC','Microsoft YaHei','PingFang SC',sans-serif;max-width:52em;margin:2em auto;color:#222;line-height:1.6}}\
         h1{{font-size:1.6em}} .total{{font-size:1.4em;font-weight:bold}} .vote{{color:#1e5aaa}} .step{{border:1px solid #ccc;border-radius:6px;padding:.5em 1em;margin:.6em 0;page-break-inside:avoid}}\
         .better{{color:#1e8c3c}} .expert{{color:#1e5aaa}} .practitioner{{color:#784614}} small{{color:#666}}\
         @media print{{body{{margin:0}}}}</style></head><body>",
        l.code(),
        esc(&title)
    );
    let _ = write!(
        o,
        "<h1>{}</h1><p>{}{} · {}{}</p>",
        esc(&title),
        l.pick("学员/小组：", "Trainee/group: "),
        esc(who),
        l.pick("角色：", "Role: "),
        esc(&d.role)
    );
    match &d.ending {
        Some(e) => {
            let _ = write!(
                o,
                "<h2>{}{} <small>({})</small></h2><p>{}</p>",
                l.pick("结局：", "Ending: "),
                esc(&e.title),
                grade::label(e.grade, l),
                esc(&e.text)
            );
        }
        None => {
            let _ = write!(o, "<h2>{}</h2>", l.pick("演练没有走到结局", "The run did not reach an ending"));
        }
    }
    let _ = write!(o, "<p class=total>{}{:.1} · {}</p>", l.pick("总分 ", "Total "), d.total, grade::label(d.grade, l));
    // Competency bars.
    let row = 28;
    let _ = write!(
        o,
        "<h3>{}</h3><svg width=\"640\" height=\"{}\" role=\"img\">",
        l.pick("能力得分", "Score per competency"),
        row * d.competencies.len() + 8
    );
    for (i, k) in d.competencies.iter().enumerate() {
        let y = 4 + i * row;
        let w = (k.score * 4.0).round();
        let colour = hex(score_rgb(k.score));
        let _ = write!(
            o,
            "<text x=\"0\" y=\"{}\" font-size=\"14\">{}</text><rect x=\"180\" y=\"{}\" width=\"400\" height=\"16\" fill=\"#eee\"/><rect x=\"180\" y=\"{}\" width=\"{w}\" height=\"16\" fill=\"{colour}\"/><text x=\"588\" y=\"{}\" font-size=\"14\">{:.0}</text>",
            y + 16,
            esc(&k.name),
            y + 4,
            y + 4,
            y + 16,
            k.score
        );
    }
    o.push_str("</svg>");
    // Meters over the run.
    let meters: Vec<_> = d.meters.iter().filter(|m| m.visible).collect();
    if !meters.is_empty() {
        let (w, h) = (620.0, 180.0);
        let _ = write!(
            o,
            "<h3>{}</h3><svg width=\"640\" height=\"{}\" role=\"img\"><rect x=\"10\" y=\"5\" width=\"{w}\" height=\"{h}\" fill=\"none\" stroke=\"#999\"/>",
            l.pick("态势变化", "Meters over the run"),
            h + 40.0
        );
        for (i, m) in meters.iter().enumerate() {
            let n = (m.values.len().max(2) - 1) as f64;
            let span = (m.max - m.min).max(1) as f64;
            let points: Vec<String> = m
                .values
                .iter()
                .enumerate()
                .map(|(j, v)| format!("{:.1},{:.1}", 10.0 + w * j as f64 / n, 5.0 + h - h * (v - m.min) as f64 / span))
                .collect();
            let c = COLOURS[i % COLOURS.len()];
            let _ = write!(o, "<polyline points=\"{}\" fill=\"none\" stroke=\"{c}\" stroke-width=\"2.5\"/>", points.join(" "));
            let _ = write!(
                o,
                "<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"{c}\">■ {} {}</text>",
                10 + (i % 4) * 155,
                h + 25.0 + (i / 4) as f64 * 15.0,
                esc(&m.name),
                m.values.last().unwrap_or(&0)
            );
        }
        o.push_str("</svg>");
    }
    let _ = write!(o, "<h3>{}</h3>", l.pick("决策回顾", "Decisions"));
    for (i, s) in d.path.iter().enumerate() {
        let _ = write!(o, "<div class=step><p><b>{}. {}</b></p>", i + 1, esc(&s.text));
        if let Some(v) = &s.vote {
            let _ = write!(o, "<p class=vote>{}{}</p>", l.pick("全班投票：", "Class vote: "), esc(&crate::present::vote::summary(v, l)));
        }
        if let Some(f) = &s.feedback {
            let _ = write!(o, "<p>{}</p>", esc(f));
        }
        if let Some(b) = &s.basis {
            let _ = write!(o, "<p><i>{}{}</i></p>", l.pick("依据：", "Basis: "), esc(b));
        }
        if let Some(c) = &s.commentary {
            voices(&mut o, c, l);
        }
        if let Some(b) = &s.better {
            let _ = write!(o, "<p class=better>{}{} (+{:.1})</p>", l.pick("更好的选择：", "Better: "), esc(&b.text), b.gain);
        }
        o.push_str("</div>");
    }
    if let Some(c) = &d.commentary {
        let _ = write!(o, "<h3>{}</h3>", l.pick("总评", "Commentary"));
        voices(&mut o, c, l);
    }
    o.push_str("</body></html>\n");
    o
}
