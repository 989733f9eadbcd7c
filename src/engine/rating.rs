//! How each decision of a run rated against what was open at that point, and which decisions
//! were the run's turning points. The thresholds live here and only here: the terminal, the
//! printable page, the app and `--json` all read the same `Rating`.
//!
//! A decision is measured by the expected total (0-100, playing as well as possible afterwards)
//! of the option taken, set against the best option that crosses no red line and the worst
//! option open at that point: its *share* is how far from the worst towards the best it went
//! (1.0 = the best). A trainer reads that as: close to the best road is sound (稳妥), more than
//! half way is acceptable (可以接受), less is poor (欠妥). A small loss in points is sound
//! whatever the share, so a scene whose options differ by two points marks nobody down; crossing
//! a red line is named as such whatever the points.

use serde::Serialize;

/// What the debrief says of one decision, before its prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// 稳妥: the best available, or close to it.
    Good,
    /// 可以接受: more than half way from the worst option towards the best.
    Acceptable,
    /// 欠妥: nearer the worst option than the best.
    Poor,
    /// 越过红线: the option crossed a red line the author drew, whatever its points.
    RedLine,
}

/// A share of the way from the worst option to the best at or above which a decision is sound.
pub const GOOD_SHARE: f64 = 0.85;
/// A share at or above which a decision is acceptable.
pub const ACCEPTABLE_SHARE: f64 = 0.5;
/// A loss (points of the 0-100 total) at or under which a decision is sound whatever its share.
pub const SMALL_LOSS: f64 = 2.0;
/// How many turning points the debrief names first.
pub const TURNING_POINTS: usize = 3;

/// How far the option taken went from the worst open option (0) to the best (1). Options of
/// equal worth share 1.0.
pub fn share(taken: f64, best: f64, worst: f64) -> f64 {
    if best - worst <= 1e-9 { 1.0 } else { ((taken - worst) / (best - worst)).clamp(0.0, 1.0) }
}

/// The rating of a decision worth `taken` where the best option crossing no red line was worth
/// `best` and the worst open option `worst` (expected totals, 0-100).
pub fn rate(taken: f64, best: f64, worst: f64, crossed_red_line: bool) -> Rating {
    if crossed_red_line {
        return Rating::RedLine;
    }
    let s = share(taken, best, worst.min(taken));
    if best - taken <= SMALL_LOSS || s >= GOOD_SHARE {
        Rating::Good
    } else if s >= ACCEPTABLE_SHARE {
        Rating::Acceptable
    } else {
        Rating::Poor
    }
}

/// The turning points of a run: the decisions that lost the most against the better road, at
/// most [`TURNING_POINTS`], largest loss first (the earlier decision on a tie). A sound decision
/// is never one, so a run that lost nothing worth naming has none; a red line crossed always
/// is one, even where it brought points. `steps` gives each decision's rating and its loss in
/// points (0 when nothing was better).
pub fn turning_points(steps: impl IntoIterator<Item = (Option<Rating>, f64)>) -> Vec<usize> {
    let mut lessons: Vec<(usize, f64)> = steps
        .into_iter()
        .enumerate()
        .filter(|(_, (rating, loss))| *rating == Some(Rating::RedLine) || (*loss > 0.0 && rating.is_some_and(|r| r != Rating::Good)))
        .map(|(i, (_, loss))| (i, loss))
        .collect();
    lessons.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    lessons.into_iter().take(TURNING_POINTS).map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_or_near_it_is_sound_half_way_is_acceptable_less_is_poor() {
        assert_eq!(rate(90.0, 90.0, 40.0, false), Rating::Good, "the best itself");
        assert_eq!(rate(83.0, 90.0, 40.0, false), Rating::Good, "86% of the way from worst to best");
        assert_eq!(rate(82.0, 90.0, 40.0, false), Rating::Acceptable, "84%");
        assert_eq!(rate(65.0, 90.0, 40.0, false), Rating::Acceptable, "exactly half way");
        assert_eq!(rate(64.0, 90.0, 40.0, false), Rating::Poor, "under half way");
        assert_eq!(rate(40.0, 90.0, 40.0, false), Rating::Poor, "the worst");
    }

    #[test]
    fn a_small_loss_is_sound_and_a_red_line_is_named_whatever_the_points() {
        assert_eq!(rate(69.0, 71.0, 69.0, false), Rating::Good, "two points lost where the options lie close");
        assert_eq!(rate(68.5, 71.0, 68.5, false), Rating::Poor, "two and a half is no longer small");
        assert_eq!(rate(90.0, 90.0, 40.0, true), Rating::RedLine, "more points than any other, still a red line");
        assert_eq!(rate(50.0, 50.0, 50.0, false), Rating::Good, "all options alike");
        assert_eq!(rate(30.0, 90.0, 40.0, false), Rating::Poor, "worse than the worst counted (a red-line option left out)");
        assert_eq!(share(30.0, 90.0, 40.0), 0.0);
    }

    #[test]
    fn turning_points_are_the_three_largest_losses_never_a_sound_decision() {
        use Rating::*;
        let steps = [
            (Some(Good), 0.0),
            (Some(Poor), 8.3),
            (Some(Acceptable), 2.0),
            (Some(Good), 9.0),
            (Some(RedLine), 12.0),
            (None, 20.0),
            (Some(Poor), 8.3),
            (Some(Poor), 1.5),
        ];
        assert_eq!(turning_points(steps), [4, 1, 6], "largest first, the earlier on a tie; unrated and sound left out");
        assert!(turning_points([(Some(Good), 0.0), (Some(Good), 1.8)]).is_empty(), "nothing lost worth naming, no lessons invented");
        assert_eq!(turning_points([(Some(Acceptable), 3.0)]), [0]);
        assert_eq!(turning_points([(Some(Good), 0.0), (Some(RedLine), 0.0)]), [1], "a red line that paid is still a lesson");
    }
}
