//! The debrief's two charts as plain data: bars of the score per competency and lines of the
//! meters over the run, with labels, values, scale and colours. The printable page draws them
//! as SVG (here); the app's painter can draw the same model, so both show one chart.

use crate::present::debrief::DebriefView;
use crate::present::grade::score_rgb;
use crate::present::hex;
use crate::t;
use maud::{Markup, html};

/// Line colours, one per meter in order (the first six of d3's category10, which stay apart on
/// paper and on a projector).
pub const PALETTE: [[u8; 3]; 6] =
    [[0x1f, 0x77, 0xb4], [0xff, 0x7f, 0x0e], [0x2c, 0xa0, 0x2c], [0xd6, 0x27, 0x28], [0x94, 0x67, 0xbd], [0x8c, 0x56, 0x4b]];

/// Horizontal bars on one scale from 0 to `max`.
#[derive(Clone, Debug, PartialEq)]
pub struct Bars {
    pub title: String,
    pub max: f64,
    pub bars: Vec<Bar>,
}

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    /// How much of the full length it fills, 0 to 1.
    pub fraction: f64,
    pub colour: [u8; 3],
}

/// Lines over the same steps, each scaled to its own range.
#[derive(Clone, Debug, PartialEq)]
pub struct Lines {
    pub title: String,
    pub series: Vec<Series>,
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
        let bars = d
            .competencies
            .iter()
            .map(|k| Bar { label: k.name.clone(), value: k.score, fraction: (k.score / max).clamp(0.0, 1.0), colour: score_rgb(k.score) })
            .collect();
        Bars { title: t!(d.lang, "debrief-chart-competencies"), max, bars }
    }

    /// The bars as an SVG picture for the printable page: label, track, bar, value.
    pub fn svg(&self) -> Markup {
        const ROW: usize = 28;
        const TRACK: f64 = 400.0;
        html! {
            svg width="640" height=((ROW * self.bars.len() + 8).to_string()) role="img" aria-label=(self.title) {
                @for (i, b) in self.bars.iter().enumerate() {
                    @let y = 4 + i * ROW;
                    text x="0" y=((y + 16).to_string()) font-size="14" { (b.label) }
                    rect x="180" y=((y + 4).to_string()) width=(TRACK.to_string()) height="16" fill="#eee" {}
                    rect x="180" y=((y + 4).to_string()) width=((b.fraction * TRACK).round().to_string()) height="16" fill=(hex(b.colour)) {}
                    text x="588" y=((y + 16).to_string()) font-size="14" { (format!("{:.0}", b.value)) }
                }
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
        Lines { title: t!(d.lang, "debrief-chart-meters"), series }
    }

    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }

    /// The lines as an SVG picture for the printable page: a frame, a polyline per meter, and a
    /// legend of four per row with each meter's last value.
    pub fn svg(&self) -> Markup {
        const PER_ROW: usize = 4;
        let (w, h) = (620.0, 180.0);
        let legend_rows = self.series.len().div_ceil(PER_ROW).max(1);
        let height = h + 25.0 + 15.0 * legend_rows as f64;
        html! {
            svg width="640" height=(height.to_string()) role="img" aria-label=(self.title) {
                rect x="10" y="5" width=(w.to_string()) height=(h.to_string()) fill="none" stroke="#999" {}
                @for (i, s) in self.series.iter().enumerate() {
                    @let points: Vec<String> = s.points().iter().map(|(x, y)| format!("{:.1},{:.1}", 10.0 + w * x, 5.0 + h - h * y)).collect();
                    polyline points=(points.join(" ")) fill="none" stroke=(hex(s.colour)) stroke-width="2.5" {}
                    text x=((10 + (i % PER_ROW) * 155).to_string()) y=((h + 25.0 + (i / PER_ROW) as f64 * 15.0).to_string()) font-size="13" fill=(hex(s.colour)) {
                        "■ " (s.label) " " (s.last())
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
    }

    #[test]
    fn the_svg_escapes_labels_and_draws_every_bar_line_and_legend_row() {
        let d = view(Lang::ZH_CN);
        let bars = Bars::competencies(&d).svg().into_string();
        assert!(bars.contains("&lt;calm&gt;") && !bars.contains("<calm>"), "{bars}");
        assert_eq!(bars.matches("<rect").count(), 6);
        assert!(bars.contains("width=\"340\""), "85 of 100 on a 400-wide track: {bars}");
        let lines = Lines::meters(&d).svg().into_string();
        assert_eq!(lines.matches("<polyline").count(), 7);
        assert!(lines.contains("points=\"10.0,95.0 320.0,113.0 630.0,5.0\""), "{lines}");
        assert!(lines.contains("height=\"235\""), "two legend rows fit: {lines}");
        assert!(roxmltree::Document::parse(&lines).is_ok() && roxmltree::Document::parse(&bars).is_ok(), "well-formed SVG");
    }
}
