//! Scoring: raw points per competency, normalised to 0-100 between the lowest and highest totals
//! reachable in the scenario (found by exploration, not guessed by the author), a weighted total,
//! and grade bands.

use super::compiled::Compiled;
use super::explore::{ExploreError, Explorer};
use super::session::start_run;
use super::state::Run;
use crate::scenario::model::Grade;

/// Lowest weighted total (0-100) for each grade band, documented in README.
pub const BANDS: [(f64, Grade); 3] = [(85.0, Grade::Excellent), (70.0, Grade::Good), (60.0, Grade::Pass)];

/// The band a weighted total falls in.
pub fn band(total: f64) -> Grade {
    BANDS.iter().find(|(min, _)| total >= *min - 1e-9).map_or(Grade::Fail, |(_, g)| *g)
}

/// A red line a run crossed: the scene, and the option taken (`None`: the timer ran out).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Crossed {
    pub scene: usize,
    pub choice: Option<usize>,
}

/// The red lines crossed by a road of decisions, `(scene, choice)` in the order taken.
pub fn crossed(c: &Compiled, decisions: impl IntoIterator<Item = (usize, Option<usize>)>) -> Vec<Crossed> {
    decisions
        .into_iter()
        .filter(|&(scene, choice)| red_line(c, scene, choice).is_some())
        .map(|(scene, choice)| Crossed { scene, choice })
        .collect()
}

/// The red line on an option, or on a scene's timer when `choice` is `None`.
pub fn red_line(c: &Compiled, scene: usize, choice: Option<usize>) -> Option<&crate::scenario::text::Text> {
    match choice {
        Some(ix) => c.choice(ix).red_line.as_ref(),
        None => c.scenario.scenes.get(scene)?.timer.as_ref()?.red_line.as_ref(),
    }
}

/// The grade of a run: the band of its total, but never above 待改进 (Needs work) once it has
/// crossed a red line, whatever its points.
pub fn graded(total: f64, crossed_red_line: bool) -> Grade {
    if crossed_red_line { Grade::Fail } else { band(total) }
}

/// How a role's points become scores in one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scoring {
    /// Lowest and highest reachable raw total per competency.
    pub ranges: Vec<(i64, i64)>,
    /// Competency weights as authored.
    pub weights: Vec<i64>,
}

impl Scoring {
    /// Explores the scenario for `role` to find the reachable ranges.
    pub fn for_role(c: &Compiled, role: Option<&str>) -> Result<Scoring, ExploreError> {
        let start = start_run(c, role, &mut |w| w[0].1, &mut Vec::new()).map_err(|_| ExploreError::NoEnding)?;
        let ranges = Explorer::new(c).ranges(&start)?;
        Ok(Scoring { ranges, weights: c.scenario.competencies.iter().map(|k| k.weight).collect() })
    }

    /// Loose ranges without exploring, for scenarios too large to explore: every negative and
    /// every positive point of each competency added up.
    pub fn approximate(c: &Compiled) -> Scoring {
        let n = c.scenario.competencies.len();
        let mut ranges = vec![(0i64, 0i64); n];
        let outcomes = c
            .choices
            .iter()
            .map(|x| &x.outcome)
            .chain(c.scenes.iter().filter_map(|s| s.timer.as_ref()))
            .chain(c.branches.iter().map(|b| &b.outcome));
        for o in outcomes {
            for &(k, d) in &o.scores {
                if d < 0 {
                    ranges[k].0 = ranges[k].0.saturating_add(d);
                } else {
                    ranges[k].1 = ranges[k].1.saturating_add(d);
                }
            }
        }
        Scoring { ranges, weights: c.scenario.competencies.iter().map(|k| k.weight).collect() }
    }

    /// The weights that count (negative ones count as zero), added up. Arithmetic on an author's
    /// numbers saturates or runs in floating point: absurd values give absurd scores, not a crash.
    fn weight_sum(&self) -> i64 {
        self.weights.iter().fold(0i64, |a, w| a.saturating_add((*w).max(0)))
    }

    /// One competency's 0-100 score.
    pub fn normalised(&self, k: usize, raw: i64) -> f64 {
        let (lo, hi) = self.ranges[k];
        if hi <= lo {
            return 100.0;
        }
        ((raw as f64 - lo as f64) * 100.0 / (hi as f64 - lo as f64)).clamp(0.0, 100.0)
    }

    /// The weighted total (0-100) of raw points.
    pub fn total(&self, raw: &[i64]) -> f64 {
        let sum = self.weight_sum();
        if sum == 0 {
            return 0.0;
        }
        raw.iter().enumerate().map(|(k, r)| self.weights[k].max(0) as f64 * self.normalised(k, *r)).sum::<f64>() / sum as f64
    }

    /// Per-point value of each competency in the weighted total, for the explorer's best and worst play.
    pub fn point_values(&self) -> Vec<f64> {
        let sum = self.weight_sum();
        self.ranges
            .iter()
            .zip(&self.weights)
            .map(|(&(lo, hi), &w)| if hi > lo && sum > 0 { w.max(0) as f64 * 100.0 / (sum as f64 * (hi as f64 - lo as f64)) } else { 0.0 })
            .collect()
    }

    /// An explorer set up to find best and worst play under this scoring.
    pub fn explorer<'c>(&self, c: &'c Compiled) -> Explorer<'c> {
        let mut e = Explorer::new(c);
        e.set_weights(self.point_values());
        e
    }

    /// The weighted total of a run so far.
    pub fn total_of(&self, run: &Run) -> f64 {
        self.total(&run.scores)
    }
}

/// The lowercase key of a grade band, used in JSON and in plans.
pub fn grade_key(g: Grade) -> &'static str {
    match g {
        Grade::Excellent => "excellent",
        Grade::Good => "good",
        Grade::Pass => "pass",
        Grade::Fail => "needs_work",
    }
}

/// Rounds to one decimal, so reports and JSON show stable figures.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands() {
        assert_eq!(band(85.0), Grade::Excellent);
        assert_eq!(band(84.9), Grade::Good);
        assert_eq!(band(70.0), Grade::Good);
        assert_eq!(band(60.0), Grade::Pass);
        assert_eq!(band(59.9), Grade::Fail);
        assert_eq!(graded(99.0, false), Grade::Excellent);
        assert_eq!(graded(99.0, true), Grade::Fail);
    }

    #[test]
    fn normalising_and_weighting() {
        let s = Scoring { ranges: vec![(-2, 4), (0, 0)], weights: vec![3, 1] };
        assert_eq!(s.normalised(0, -2), 0.0);
        assert_eq!(s.normalised(0, 4), 100.0);
        assert_eq!(s.normalised(0, 1), 50.0);
        assert_eq!(s.normalised(1, 0), 100.0, "a competency nobody can move counts as full");
        assert_eq!(s.total(&[1, 0]), (3.0 * 50.0 + 100.0) / 4.0);
        let v = s.point_values();
        assert!((v[0] * 6.0 - 75.0).abs() < 1e-9, "the whole range of a 3/4 weight is worth 75 points");
        assert_eq!(v[1], 0.0);
    }
}
