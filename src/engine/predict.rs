//! Predict, then verify: while the consequences of a class decision are hidden, the class
//! predicts what will follow, by a show of hands over the outcomes the author listed for the
//! choice (`predict`), or, where none are listed, over "better / worse / little change" on the
//! meters the class can see. The engine knows the answer as soon as the decision is taken; the
//! front end shows it only at the reveal.

use super::compiled::{CNext, Compiled};
use super::session::Event;
use crate::scenario::model::{Meter, Next};
use serde::{Deserialize, Serialize};

/// Net change, as a share of one meter's range, below which a decision "changed little".
/// Summed over the visible meters, each as `(after - before) / (max - min)`, negated where more
/// is worse: 0.05 is a twentieth of a meter's range, about what one modest effect moves.
pub const LITTLE_CHANGE: f64 = 0.05;

/// What the class is asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Question {
    /// The outcomes the author listed on this choice (by id), in their order.
    Authored { choice: String },
    /// "Will it get better, worse, or change little?", judged on the visible meters: outcomes
    /// in the order of [`Direction`].
    Direction,
}

/// The three outcomes of a [`Question::Direction`], in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    Better,
    Worse,
    LittleChange,
}

impl Direction {
    pub const ALL: [Direction; 3] = [Direction::Better, Direction::Worse, Direction::LittleChange];

    /// The catalogue key of its label.
    pub fn label_key(self) -> &'static str {
        match self {
            Direction::Better => "predict-better",
            Direction::Worse => "predict-worse",
            Direction::LittleChange => "predict-little-change",
        }
    }
}

/// A class's prediction of one decision's consequences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prediction {
    pub question: Question,
    /// Hands per outcome, in the order shown.
    pub counts: Vec<u32>,
    /// The outcome that came about (index into the outcomes).
    pub happened: usize,
}

/// How the class predicted over a run: predictions taken (with at least one hand) and those
/// where the outcome that came about had the most hands, alone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub taken: usize,
    pub right: usize,
}

impl Tally {
    pub fn of<'a>(predictions: impl IntoIterator<Item = &'a Prediction>) -> Tally {
        let mut t = Tally::default();
        for p in predictions.into_iter().filter(|p| p.taken()) {
            t.taken += 1;
            t.right += usize::from(p.right() == Some(true));
        }
        t
    }
}

/// Judges a change of the meters the class sees: better, worse or little change (see
/// [`LITTLE_CHANGE`]). Hidden meters do not count: the class could not have seen them move.
pub fn direction(meters: &[Meter], before: &[i64], after: &[i64]) -> Direction {
    let net: f64 = meters
        .iter()
        .zip(before.iter().zip(after))
        .filter(|(m, _)| m.visible && m.max > m.min)
        .map(|(m, (b, a))| {
            let share = (*a - *b) as f64 / (m.max - m.min) as f64;
            if m.higher_is_worse { -share } else { share }
        })
        .sum();
    if net >= LITTLE_CHANGE {
        Direction::Better
    } else if net <= -LITTLE_CHANGE {
        Direction::Worse
    } else {
        Direction::LittleChange
    }
}

impl Prediction {
    /// The prediction a class is asked after a decision: `choice` (global index; `None` when the
    /// timer ran out), the visible meters before and after, and the step's events (which random
    /// branch was drawn). `None` when there is nothing to ask: no outcomes listed and no meter the
    /// class can see.
    pub fn after(c: &Compiled, choice: Option<usize>, before: &[i64], after: &[i64], events: &[Event]) -> Option<Prediction> {
        let s = &c.scenario;
        if let Some(ix) = choice
            && let authored = c.choice(ix)
            && !authored.predict.is_empty()
        {
            let happened = match (&c.choices[ix].outcome.next, &authored.next) {
                (CNext::Random(list), Next::Random(branches)) => {
                    let drawn = events.iter().find_map(|e| match e {
                        Event::BranchDrawn { branch } => list.iter().position(|(_, b)| b == branch),
                        _ => None,
                    })?;
                    let id = branches.get(drawn)?.outcome.as_deref()?;
                    authored.predict.iter().position(|o| o.id.as_deref() == Some(id))?
                }
                _ => authored.predict.iter().position(|o| o.happens)?,
            };
            return Some(Prediction {
                question: Question::Authored { choice: authored.id.clone() },
                counts: vec![0; authored.predict.len()],
                happened,
            });
        }
        if !s.meters.iter().any(|m| m.visible) {
            return None;
        }
        let d = direction(&s.meters, before, after);
        Some(Prediction {
            question: Question::Direction,
            counts: vec![0; Direction::ALL.len()],
            happened: Direction::ALL.iter().position(|x| *x == d).unwrap_or(2),
        })
    }

    /// How many outcomes the class chooses among.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Changes a count by `delta`, never below zero.
    pub fn add(&mut self, k: usize, delta: i64) {
        if let Some(n) = self.counts.get_mut(k) {
            *n = u32::try_from((i64::from(*n) + delta).max(0)).unwrap_or(u32::MAX);
        }
    }

    pub fn set(&mut self, k: usize, count: u32) {
        if let Some(n) = self.counts.get_mut(k) {
            *n = count;
        }
    }

    pub fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// Whether any hand was counted.
    pub fn taken(&self) -> bool {
        self.total() > 0
    }

    /// The share of hands on the outcome that came about (`None` before any hand).
    pub fn right_share(&self) -> Option<f64> {
        let t = self.total();
        (t > 0).then(|| f64::from(self.counts.get(self.happened).copied().unwrap_or(0)) / f64::from(t))
    }

    /// The outcome most hands went to, when one leads alone.
    pub fn leader(&self) -> Option<usize> {
        let top = self.counts.iter().copied().max().filter(|&t| t > 0)?;
        let mut leaders = (0..self.counts.len()).filter(|&k| self.counts[k] == top);
        let first = leaders.next()?;
        leaders.next().is_none().then_some(first)
    }

    /// Whether the class was right: the outcome that came about had the most hands, alone. A tie
    /// at the top is not right (the class did not agree on it); `None` before any hand.
    pub fn right(&self) -> Option<bool> {
        self.taken().then(|| self.leader() == Some(self.happened))
    }

    /// The outcome texts, in `code`'s language (`direction` labels from the catalogue).
    pub fn outcomes(&self, c: &Compiled, code: &str, lang: crate::lang::Lang) -> Vec<String> {
        match &self.question {
            Question::Authored { choice } => c
                .scenario
                .scenes
                .iter()
                .flat_map(|s| &s.choices)
                .find(|x| &x.id == choice)
                .map(|x| x.predict.iter().map(|o| o.text.get(code).to_string()).collect())
                .unwrap_or_default(),
            Question::Direction => Direction::ALL.iter().map(|d| crate::i18n::format(lang, d.label_key(), &[])).collect(),
        }
    }
}

/// Plausible hands for a scripted class: most of the room on one outcome (the right one about
/// two times in three), the rest spread.
pub fn plausible(p: &Prediction, draw: &mut super::rng::Draw) -> Vec<u32> {
    let n = p.len().max(1);
    let class = 30;
    let favourite = if draw.below(3) < 2 { p.happened } else { draw.below(n as u64) as usize };
    // A leader of 16 or more leaves at most 14 to share: no other outcome can reach it.
    let lead = 16 + draw.below(8) as u32;
    let mut counts = vec![0; n];
    let favourite = favourite.min(n - 1);
    counts[favourite] = lead;
    let mut left = class - lead;
    let others: Vec<usize> = (0..n).filter(|&k| k != favourite).collect();
    for (i, &k) in others.iter().enumerate() {
        let c = if i + 1 == others.len() { left } else { draw.below(u64::from(left) + 1) as u32 };
        counts[k] = c;
        left -= c;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::model::Meter;

    fn meter(id: &str, higher_is_worse: bool, visible: bool) -> Meter {
        Meter { id: id.into(), name: id.into(), min: 0, max: 100, start: 50, higher_is_worse, visible, unit: None, description: None }
    }

    #[test]
    fn direction_weighs_meters_by_whether_more_is_worse_and_ignores_hidden_ones() {
        let m = [meter("trust", false, true), meter("heat", true, true), meter("secret", false, false)];
        assert_eq!(direction(&m, &[50, 50, 50], &[60, 50, 50]), Direction::Better);
        assert_eq!(direction(&m, &[50, 50, 50], &[50, 60, 50]), Direction::Worse, "heat rising is worse");
        assert_eq!(direction(&m, &[50, 50, 50], &[50, 40, 50]), Direction::Better, "heat falling is better");
        assert_eq!(direction(&m, &[50, 50, 50], &[60, 60, 50]), Direction::LittleChange, "trust up, heat up: they cancel");
        assert_eq!(direction(&m, &[50, 50, 50], &[52, 50, 0]), Direction::LittleChange, "a hidden meter does not count");
        assert_eq!(direction(&m, &[50, 50, 50], &[55, 50, 50]), Direction::Better, "a twentieth of the range is a change");
    }

    #[test]
    fn the_class_is_right_when_the_outcome_that_came_about_leads_alone() {
        let mut p = Prediction { question: Question::Direction, counts: vec![0; 3], happened: 1 };
        assert_eq!(p.right(), None);
        assert_eq!(p.right_share(), None);
        p.set(1, 21);
        p.set(0, 9);
        assert_eq!(p.right(), Some(true));
        assert!((p.right_share().unwrap() - 0.7).abs() < 1e-9);
        p.set(0, 21);
        assert_eq!(p.right(), Some(false), "a tie at the top is not right");
        p.add(0, 5);
        p.add(2, -3);
        assert_eq!(p.counts, vec![26, 21, 0]);
        assert_eq!(p.right(), Some(false));
        let other = Prediction { question: Question::Direction, counts: vec![0; 3], happened: 0 };
        assert_eq!(Tally::of([&p, &other, &Prediction { happened: 0, ..p.clone() }]), Tally { taken: 2, right: 1 });
    }

    #[test]
    fn plausible_hands_add_up_to_a_class_with_a_clear_leader() {
        let mut draw = crate::engine::rng::Draw::new(7);
        for n in 2..=4 {
            for happened in 0..n {
                let p = Prediction { question: Question::Direction, counts: vec![0; n], happened };
                let c = plausible(&p, &mut draw);
                assert_eq!(c.len(), n);
                assert_eq!(c.iter().sum::<u32>(), 30, "{c:?}");
                let q = Prediction { counts: c.clone(), ..p };
                assert!(q.leader().is_some(), "{c:?}");
            }
        }
    }
}
