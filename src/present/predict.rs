//! A class's prediction in words: "全班 70% 预计……；实际：……（判断正确）", for the projector after
//! the reveal, the debrief, the records and the terminal. The engine's `Prediction` holds only
//! counts and the index of what came about; the outcome texts come from the caller.

use crate::engine::predict::Prediction;
use crate::lang::Lang;
use crate::t;

/// Whether the class was right, in words.
pub fn verdict(p: &Prediction, lang: Lang) -> String {
    if p.right() == Some(true) { t!(lang, "predict-right") } else { t!(lang, "predict-wrong") }
}

/// One line: the share of the room behind the leading outcome (or the counts when the room was
/// split), what happened, and whether the class was right.
pub fn line(p: &Prediction, outcomes: &[String], lang: Lang) -> String {
    let text = |k: usize| outcomes.get(k).cloned().unwrap_or_else(|| (k + 1).to_string());
    let happened = text(p.happened);
    match p.leader() {
        Some(k) => {
            let share = format!("{:.0}", 100.0 * f64::from(p.counts[k]) / f64::from(p.total().max(1)));
            t!(lang, "report-class-prediction", share = share, predicted = text(k), happened = happened, verdict = verdict(p, lang))
        }
        None => {
            let counts = p.counts.iter().map(u32::to_string).collect::<Vec<_>>().join("/");
            t!(lang, "report-class-prediction-split", counts = counts, happened = happened, verdict = verdict(p, lang))
        }
    }
}

/// A class's predictions over a run, for its debrief: the tally and one line per decision
/// (numbered from 1) where hands were counted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub tally: crate::engine::predict::Tally,
    pub lines: Vec<(usize, String)>,
}

impl Summary {
    /// From a class's predictions, one per decision (those still being counted included).
    pub fn new(predictions: &[Option<Prediction>], c: &crate::engine::Compiled, lang: Lang) -> Summary {
        let code = c.scenario.text_language(lang);
        let lines = predictions
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.as_ref().filter(|p| p.taken()).map(|p| (i + 1, line(p, &p.outcomes(c, code, lang), lang))))
            .collect();
        Summary { tally: crate::engine::predict::Tally::of(predictions.iter().flatten()), lines }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::predict::Question;

    #[test]
    fn a_line_names_the_share_what_happened_and_the_verdict() {
        let p = Prediction { question: Question::Direction, counts: vec![21, 9, 0], happened: 1 };
        let outcomes = ["会好转".to_string(), "会恶化".to_string(), "变化不大".to_string()];
        assert_eq!(line(&p, &outcomes, Lang::ZH_CN), "全班预判：70% 预计“会好转”；实际：会恶化（判断有误）");
        let split = Prediction { counts: vec![10, 10, 10], ..p };
        assert!(line(&split, &outcomes, Lang::EN).contains("divided (10/10/10)"), "{}", line(&split, &outcomes, Lang::EN));
    }
}
