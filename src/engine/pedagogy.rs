//! The library's teaching figures, read from the text of a scenario alone: how many decisions
//! are real dilemmas, whether the best option gives itself away by its length or its place,
//! where the two voices disagree, which decisions carry an instructor's note, and how many red
//! lines there are. `shapan analyze` prints them and `tests/pedagogy.rs` holds the library to
//! them. A decision scene is one that offers two or more options.

use crate::scenario::model::{Choice, Commentary, Next, Scenario};
use crate::scenario::text::Entries;

/// Two options are both defensible when each scores above zero and the better beats the other
/// by at most this many weighted points. An option across a red line is never defensible.
pub const DILEMMA_MARGIN: f64 = 3.0;

/// The figures of one scenario; every list holds scene indices, in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pedagogy {
    pub decision_scenes: Vec<usize>,
    /// Two or more options score above zero and the best is within the margin of the second.
    pub dilemmas: Vec<usize>,
    /// The longest option (in the original language) is a best-scoring one.
    pub longest_is_best: Vec<usize>,
    /// The first option listed is a best-scoring one.
    pub best_listed_first: Vec<usize>,
    /// Some option (or the timer) has commentary marked `disagree` with both voices present.
    pub voices_differ: Vec<usize>,
    /// Decision scenes without an instructor's `note`.
    pub without_note: Vec<usize>,
    /// Options and timers that carry a `red_line`.
    pub red_lines: usize,
}

/// An option's weighted points: each competency's points times its weight, with random outcomes
/// counted at their expected value.
pub fn weighted(s: &Scenario, choice: &Choice) -> f64 {
    points(s, &choice.scores) + next_points(s, &choice.next)
}

fn points(s: &Scenario, scores: &Entries<i64>) -> f64 {
    scores
        .iter()
        .map(|(id, p)| {
            let w = s.competencies.iter().find(|c| &c.id == id).map_or(0, |c| c.weight);
            (p * w) as f64
        })
        .sum()
}

fn next_points(s: &Scenario, next: &Next) -> f64 {
    let Next::Random(branches) = next else { return 0.0 };
    let total: i64 = branches.iter().map(|b| b.weight.max(0)).sum();
    if total == 0 {
        return 0.0;
    }
    branches.iter().map(|b| b.weight.max(0) as f64 / total as f64 * (points(s, &b.scores) + next_points(s, &b.next))).sum()
}

fn both_voices_disagree(c: &Option<Commentary>) -> bool {
    c.as_ref().is_some_and(|c| c.disagree && c.expert.is_some() && c.practitioner.is_some())
}

/// Measures one scenario.
pub fn measure(s: &Scenario) -> Pedagogy {
    let lang = s.original_language();
    let mut p = Pedagogy::default();
    for (i, scene) in s.scenes.iter().enumerate() {
        p.red_lines += scene.choices.iter().filter(|c| c.red_line.is_some()).count();
        p.red_lines += usize::from(scene.timer.as_ref().is_some_and(|t| t.red_line.is_some()));
        if scene.choices.len() < 2 {
            continue;
        }
        p.decision_scenes.push(i);
        // A red-line option ranks below every other, whatever its points.
        let scores: Vec<f64> =
            scene.choices.iter().map(|c| if c.red_line.is_some() { f64::NEG_INFINITY } else { weighted(s, c) }).collect();
        let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let is_best = |k: usize| scores[k] >= top - 1e-9;
        let mut ranked = scores.clone();
        ranked.sort_by(|a, b| b.total_cmp(a));
        if ranked[1] > 0.0 && ranked[0] - ranked[1] <= DILEMMA_MARGIN + 1e-9 {
            p.dilemmas.push(i);
        }
        let length = |k: usize| scene.choices[k].text.get(lang).chars().count();
        let longest = (0..scene.choices.len()).max_by_key(|&k| (length(k), std::cmp::Reverse(k))).unwrap_or(0);
        if is_best(longest) {
            p.longest_is_best.push(i);
        }
        if is_best(0) {
            p.best_listed_first.push(i);
        }
        if scene.choices.iter().any(|c| both_voices_disagree(&c.commentary))
            || scene.timer.as_ref().is_some_and(|t| both_voices_disagree(&t.commentary))
        {
            p.voices_differ.push(i);
        }
        if scene.note.is_none() {
            p.without_note.push(i);
        }
    }
    p
}

/// A share in percent, 0 when there is nothing to count.
pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 * 100.0 / whole as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::load::load_str;

    fn scenario(choices: &str) -> Scenario {
        let src = format!(
            r#"(format: 1, id: "p", languages: ["en"], title: "T", category: Other, summary: "S", minutes: 5,
            difficulty: Easy,
            competencies: [(id: "a", name: "A", weight: 2), (id: "b", name: "B", weight: 1)],
            roles: [(id: "r", name: "R", briefing: "B")], start: "s1",
            scenes: [(id: "s1", text: "Go", note: "Ask the room", choices: [{choices}])],
            endings: [(id: "e", title: "E", text: "Done", grade: Pass)])"#
        );
        let l = load_str(std::path::Path::new("p.ron"), src, &[]);
        l.scenario.unwrap_or_else(|| panic!("{:?}", l.diagnostics))
    }

    #[test]
    fn two_close_positive_options_make_a_dilemma_and_length_and_place_are_counted() {
        let s = scenario(
            r#"(id: "x", text: "A long careful answer", scores: {"a": 2}, next: End),
               (id: "y", text: "Short", scores: {"a": 1, "b": 1}, commentary: (expert: "E", practitioner: "P", disagree: true), next: End)"#,
        );
        let p = measure(&s);
        assert_eq!(p.decision_scenes, vec![0]);
        // 4 against 3 weighted points: both defensible, the best within the margin.
        assert_eq!(p.dilemmas, vec![0]);
        assert_eq!(p.longest_is_best, vec![0]);
        assert_eq!(p.best_listed_first, vec![0]);
        assert_eq!(p.voices_differ, vec![0]);
        assert!(p.without_note.is_empty());
    }

    #[test]
    fn one_right_answer_is_no_dilemma_and_random_outcomes_count_at_their_expectation() {
        let s = scenario(
            r#"(id: "x", text: "Short", scores: {"a": 1}, red_line: "Breaks the rules", next: End),
               (id: "y", text: "The longer of the two", next: Random([
                   (weight: 1, scores: {"a": 8}, next: End), (weight: 3, scores: {"b": -4}, next: End)]))"#,
        );
        assert_eq!(weighted(&s, &s.scenes[0].choices[1]), 1.0);
        let p = measure(&s);
        // 2 against 1 would be close, but the first crosses a red line: no dilemma, and the
        // longer, second option is the best one.
        assert!(p.dilemmas.is_empty());
        assert_eq!(p.longest_is_best, vec![0]);
        assert!(p.best_listed_first.is_empty());
        assert_eq!(p.red_lines, 1);
        let s = scenario(
            r#"(id: "x", text: "Short", scores: {"a": 4}, next: End),
               (id: "y", text: "Other", scores: {"a": -1}, next: End)"#,
        );
        assert!(measure(&s).dilemmas.is_empty());
        assert!(measure(&s).voices_differ.is_empty());
    }
}
