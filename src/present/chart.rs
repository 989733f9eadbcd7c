//! The debrief's two charts as plain data: bars of the score per competency on a 0-100 track
//! with the pass line, and lines of the meters over the run with a step axis, a scale and each
//! line's name at its end. The printable page draws them as SVG (here); the app's painter draws
//! the same model, so both show one chart.

use crate::present::debrief::{DebriefView, points};
use crate::present::grade::{band_floor, score_rgb};
use crate::present::hex;
use crate::scenario::model::Grade;
use crate::t;
use maud::{Markup, html};

/// Line colours, one per meter in order (the first six of d3's category10, which stay apart on
/// paper and on a projector).
pub const PALETTE: [[u8; 3]; 6] =
    [[0x1f, 0x77, 0xb4], [0xff, 0x7f, 0x0e], [0x2c, 0xa0, 0x2c], [0xd6, 0x27, 0x28], [0x94, 0x67, 0xbd], [0x8c, 0x56, 0x4b]];

/// Horizontal bars on one scale from 0 to `max`, with the pass line.
#[derive(Clone, Debug, PartialEq)]
pub struct Bars {
    pub title: String,
    pub max: f64,
    /// Where the grade boundary for passing stands on the scale (60 of 100).
    pub pass: f64,
    /// The pass line's label ("合格线 60").
    pub pass_label: String,
    pub bars: Vec<Bar>,
}

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// The value as shown at the bar's end: whole points.
    pub shown: String,
    /// How much of the full length it fills, 0 to 1.
    pub fraction: f64,
    pub colour: [u8; 3],
}

/// Lines over the same steps, each scaled to its own range.
#[derive(Clone, Debug, PartialEq)]
pub struct Lines {
    pub title: String,
    pub series: Vec<Series>,
    /// The x axis's name ("决策" / "decision"); its marks are the step numbers, 0 the start.
    pub x_label: String,
    /// The y axis's marks, bottom to top: the shared range's numbers when every line has the
    /// same range, else each line's own lowest and highest.
    pub y_marks: [String; 3],
}

/// One line: a value per step (the start, then after each decision).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub values: Vec<i64>,
    pub min: i64,
    pub max: i64,
    pub colour: [u8; 3],
}

impl Bars {
    /// The score per competency, 0-100, each bar coloured by its grade band.
    pub fn competencies(d: &DebriefView) -> Bars {
        let max = 100.0;
        let pass = band_floor(Grade::Pass);
        let bars = d
            .competencies
            .iter()
            .map(|k| Bar {
                label: k.name.clone(),
                value: k.score,
                shown: points(k.score),
                fraction: (k.score / max).clamp(0.0, 1.0),
                colour: score_rgb(k.score),
            })
            .collect();
        Bars {
            title: t!(d.lang, "debrief-chart-competencies"),
            max,
            pass,
            pass_label: t!(d.lang, "debrief-chart-pass", points = points(pass)),
            bars,
        }
    }

    /// The pass line's place on the track, 0 to 1.
    pub fn pass_fraction(&self) -> f64 {
        (self.pass / self.max).clamp(0.0, 1.0)
    }

    /// The bars as an SVG picture for the printable page: label, grey 0-100 track, bar, the value
    /// at the bar's end, the pass line across the rows and the scale's marks under them.
    pub fn svg(&self) -> Markup {
        const ROW: usize = 28;
        const TRACK: f64 = 380.0;
        const X0: f64 = 180.0;
        let rows = ROW * self.bars.len();
        let pass_x = X0 + TRACK * self.pass_fraction();
        html! {
            svg width="640" height=((rows + 44).to_string()) role="img" aria-label=(self.title) {
                @for (i, b) in self.bars.iter().enumerate() {
                    @let y = 4 + i * ROW;
                    @let end = X0 + (b.fraction * TRACK).round();
                    text x="0" y=((y + 16).to_string()) font-size="14" { (b.label) }
                    rect x=(X0.to_string()) y=((y + 4).to_string()) width=(TRACK.to_string()) height="16" fill="#e4e4e4" {}
                    rect x=(X0.to_string()) y=((y + 4).to_string()) width=((b.fraction * TRACK).round().to_string()) height="16" fill=(hex(b.colour)) {}
                    text x=((end + 6.0).to_string()) y=((y + 17).to_string()) font-size="14" font-weight="bold" { (b.shown) }
                }
                line x1=(pass_x.to_string()) y1="2" x2=(pass_x.to_string()) y2=((rows + 8).to_string()) stroke="#555" stroke-dasharray="4 3" {}
                @for (mark, x) in [("0".to_string(), X0), (points(self.pass), pass_x), (points(self.max), X0 + TRACK)] {
                    text x=(x.to_string()) y=((rows + 22).to_string()) font-size="12" text-anchor="middle" fill="#555" { (mark) }
                }
                text x=(pass_x.to_string()) y=((rows + 38).to_string()) font-size="12" text-anchor="middle" fill="#555" { (self.pass_label) }
            }
        }
    }
}

impl Lines {
    /// The visible meters over the run, in the palette's colours.
    pub fn meters(d: &DebriefView) -> Lines {
        let series = d
            .meters
            .iter()
            .filter(|m| m.visible)
            .enumerate()
            .map(|(i, m)| Series {
                label: m.name.clone(),
                values: m.values.clone(),
                min: m.min,
                max: m.max,
                colour: PALETTE[i % PALETTE.len()],
            })
            .collect();
        let shared = d.meters.iter().filter(|m| m.visible).map(|m| (m.min, m.max)).reduce(|a, b| if a == b { a } else { (1, 0) });
        let y_marks = match shared {
            Some((lo, hi)) if lo <= hi => [lo.to_string(), ((lo + hi) / 2).to_string(), hi.to_string()],
            _ => [t!(d.lang, "debrief-chart-lowest"), String::new(), t!(d.lang, "debrief-chart-highest")],
        };
        Lines { title: t!(d.lang, "debrief-chart-meters"), series, x_label: t!(d.lang, "debrief-chart-steps"), y_marks }
    }

    /// How many decisions the x axis spans (its marks run 0 to this).
    pub fn steps(&self) -> usize {
        self.series.iter().map(|s| s.values.len().saturating_sub(1)).max().unwrap_or(0)
    }

    /// The step numbers to mark on the x axis: every one while they fit, else every second,
    /// fifth or tenth (always the first and the last).
    pub fn x_marks(&self) -> Vec<usize> {
        let n = self.steps();
        let every = [1, 2, 5, 10].into_iter().find(|k| n / k <= 12).unwrap_or(n.max(1).div_ceil(12));
        let mut marks: Vec<usize> = (0..=n).step_by(every).collect();
        if marks.last() != Some(&n) {
            marks.push(n);
        }
        marks
    }

    /// Where each line's name stands at its right end, in the unit square's y (0 bottom, 1
    /// top): at the line's last value, pushed apart so no two are closer than `gap`.
    pub fn end_label_ys(&self, gap: f64) -> Vec<f64> {
        let mut order: Vec<(usize, f64)> =
            self.series.iter().enumerate().map(|(i, s)| (i, s.points().last().map_or(0.0, |p| p.1))).collect();
        order.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        // Upwards from the lowest, then back down from the top if the last ones ran over.
        for k in 1..order.len() {
            order[k].1 = order[k].1.max(order[k - 1].1 + gap);
        }
        if let Some(last) = order.last_mut() {
            last.1 = last.1.min(1.0);
        }
        for k in (0..order.len().saturating_sub(1)).rev() {
            order[k].1 = order[k].1.min(order[k + 1].1 - gap);
        }
        let mut ys = vec![0.0; self.series.len()];
        for (i, y) in order {
            ys[i] = y;
        }
        ys
    }

    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }

    /// The lines as an SVG picture for the printable page: the y scale on the left, a frame, a
    /// polyline per meter with its name and last value at its right end, and the step numbers
    /// under the x axis with the axis's name.
    pub fn svg(&self) -> Markup {
        let (x0, y0, w, h) = (40.0, 8.0, 440.0, 180.0);
        let n = self.steps().max(1) as f64;
        let labels = self.end_label_ys(14.0 / h);
        html! {
            svg width="640" height=((y0 + h + 40.0).to_string()) role="img" aria-label=(self.title) {
                rect x=(x0.to_string()) y=(y0.to_string()) width=(w.to_string()) height=(h.to_string()) fill="none" stroke="#999" {}
                @for (k, mark) in self.y_marks.iter().enumerate() {
                    @let y = y0 + h - h * k as f64 / 2.0;
                    line x1=((x0 - 4.0).to_string()) y1=(y.to_string()) x2=(x0.to_string()) y2=(y.to_string()) stroke="#999" {}
                    text x=((x0 - 6.0).to_string()) y=((y + 4.0).to_string()) font-size="12" text-anchor="end" fill="#555" { (mark) }
                }
                @for step in self.x_marks() {
                    @let x = x0 + w * step as f64 / n;
                    line x1=(x.to_string()) y1=((y0 + h).to_string()) x2=(x.to_string()) y2=((y0 + h + 4.0).to_string()) stroke="#999" {}
                    text x=(x.to_string()) y=((y0 + h + 17.0).to_string()) font-size="12" text-anchor="middle" fill="#555" { (step) }
                }
                text x=((x0 + w / 2.0).to_string()) y=((y0 + h + 34.0).to_string()) font-size="12" text-anchor="middle" fill="#555" { (self.x_label) }
                @for (i, s) in self.series.iter().enumerate() {
                    @let points: Vec<String> = s.points().iter().map(|(x, y)| format!("{:.1},{:.1}", x0 + w * x, y0 + h - h * y)).collect();
                    polyline points=(points.join(" ")) fill="none" stroke=(hex(s.colour)) stroke-width="2.5" {}
                    text x=((x0 + w + 6.0).to_string()) y=(format!("{:.1}", y0 + h - h * labels[i] + 4.0)) font-size="13" fill=(hex(s.colour)) {
                        (s.label) " " (s.last())
                    }
                }
            }
        }
    }
}

impl Series {
    /// Each value's place in the unit square: x from 0 (the first step) to 1 (the last), y from
    /// 0 (the meter's minimum) to 1 (its maximum). One value stands at x = 0.
    pub fn points(&self) -> Vec<(f64, f64)> {
        let n = (self.values.len().max(2) - 1) as f64;
        let span = (self.max - self.min).max(1) as f64;
        self.values.iter().enumerate().map(|(j, v)| (j as f64 / n, (v - self.min) as f64 / span)).collect()
    }

    /// The value at the end of the run (0 for a line with no values).
    pub fn last(&self) -> i64 {
        self.values.last().copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::present::debrief::{CompetencyView, MeterView};
    use crate::present::grade::grade_rgb;
    use crate::scenario::model::Grade;

    fn view(lang: Lang) -> DebriefView {
        let competency =
            |id: &str, score: f64| CompetencyView { id: id.into(), name: format!("<{id}>"), weight: 1, raw: 0, min: 0, max: 10, score };
        let meter = |id: &str, visible: bool, values: Vec<i64>| MeterView {
            id: id.into(),
            name: id.into(),
            visible,
            higher_is_worse: false,
            min: 0,
            max: 100,
            values,
        };
        DebriefView {
            lang,
            scenario: "s".into(),
            title: "t".into(),
            role: "r".into(),
            seed: 1,
            complete: true,
            ending: None,
            grade: Grade::Pass,
            total: 65.0,
            red_lines: Vec::new(),
            competencies: vec![competency("calm", 85.0), competency("law", 62.5), competency("speed", 120.0)],
            path: Vec::new(),
            turning_points: Vec::new(),
            meters: (0..8).map(|i| meter(&format!("m{i}"), i != 1, vec![50, 40, 100])).collect(),
            commentary: None,
            minutes: 10,
        }
    }

    #[test]
    fn bars_hold_each_score_on_a_0_to_100_scale_in_its_band_colour() {
        let bars = Bars::competencies(&view(Lang::ZH_CN));
        assert_eq!(bars.title, "能力得分");
        assert_eq!(Bars::competencies(&view(Lang::EN)).title, "Score per competency");
        assert_eq!(bars.max, 100.0);
        let fractions: Vec<f64> = bars.bars.iter().map(|b| b.fraction).collect();
        assert_eq!(fractions, [0.85, 0.625, 1.0], "a score over the scale fills the bar, no more");
        assert_eq!(bars.bars[0].colour, grade_rgb(Grade::Excellent));
        assert_eq!(bars.bars[1].colour, grade_rgb(Grade::Pass));
        assert_eq!(bars.bars[0].label, "<calm>");
    }

    #[test]
    fn lines_keep_the_visible_meters_scaled_to_their_ranges_in_palette_order() {
        let lines = Lines::meters(&view(Lang::EN));
        assert_eq!(lines.title, "Meters over the run");
        assert_eq!(lines.series.len(), 7, "the hidden meter is left out");
        assert_eq!(lines.series[1].label, "m2");
        assert_eq!(lines.series[1].colour, PALETTE[1], "colours follow the shown lines, not the hidden one");
        assert_eq!(lines.series[6].colour, PALETTE[0], "the palette wraps round");
        assert_eq!(lines.series[0].points(), [(0.0, 0.5), (0.5, 0.4), (1.0, 1.0)]);
        assert_eq!(lines.series[0].last(), 100);
        let single = Series { label: "x".into(), values: vec![3], min: 3, max: 3, colour: PALETTE[0] };
        assert_eq!(single.points(), [(0.0, 0.0)], "one value, and an empty range, still draw");
        assert_eq!(lines.y_marks, ["0", "50", "100"].map(String::from), "a shared range is the y scale");
        assert_eq!((lines.steps(), lines.x_marks()), (2, vec![0, 1, 2]), "the x axis marks every decision");
    }

    #[test]
    fn axes_thin_their_marks_and_end_labels_never_overlap() {
        let mut d = view(Lang::ZH_CN);
        d.meters[3].max = 50;
        let mixed = Lines::meters(&d);
        assert_eq!(mixed.y_marks, ["最低".to_string(), String::new(), "最高".to_string()], "ranges differ: each line's own");
        for m in &mut d.meters {
            m.values = (0..=23).collect();
        }
        assert_eq!(Lines::meters(&d).x_marks(), [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 23], "every second step, and the last");
        // Three lines ending at the same value, one far below: spread apart, kept in the frame.
        let at = |v: i64| Series { label: "m".into(), values: vec![0, v], min: 0, max: 100, colour: PALETTE[0] };
        let lines = Lines {
            title: String::new(),
            series: vec![at(100), at(100), at(100), at(0)],
            x_label: String::new(),
            y_marks: Default::default(),
        };
        let ys = lines.end_label_ys(0.1);
        assert!((ys[2] - 1.0).abs() < 1e-9 && (ys[1] - 0.9).abs() < 1e-9 && (ys[0] - 0.8).abs() < 1e-9, "{ys:?}");
        assert!(ys[3].abs() < 1e-9, "{ys:?}");
    }

    #[test]
    fn the_svg_escapes_labels_and_draws_every_bar_line_and_legend_row() {
        let d = view(Lang::ZH_CN);
        let bars = Bars::competencies(&d).svg().into_string();
        assert!(bars.contains("&lt;calm&gt;") && !bars.contains("<calm>"), "{bars}");
        assert_eq!(bars.matches("<rect").count(), 6);
        assert!(bars.contains("width=\"323\""), "85 of 100 on a 380-wide track: {bars}");
        assert!(bars.contains(">85</text>") && bars.contains(">合格线 60</text>"), "values at the bars' ends, the pass line named: {bars}");
        assert!(bars.contains("<line x1=\"408\""), "the pass line at 60 of 100: {bars}");
        let lines = Lines::meters(&d).svg().into_string();
        assert_eq!(lines.matches("<polyline").count(), 7);
        assert!(lines.contains("points=\"40.0,98.0 260.0,116.0 480.0,8.0\""), "{lines}");
        assert!(lines.contains(">m0 100</text>"), "each line named at its end with its last value: {lines}");
        assert!(lines.contains(">第几个决定（0 为开始）</text>") && lines.contains(">50</text>"), "both axes: {lines}");
        assert!(roxmltree::Document::parse(&lines).is_ok() && roxmltree::Document::parse(&bars).is_ok(), "well-formed SVG");
    }
}
