//! Prediction pass: a choice's `predict` lists two to four outcomes and says, without doubt,
//! which one follows: exactly one `happens`, or, where `next` is `Random`, an `outcome` on each
//! branch naming one of them. A branch's `outcome` anywhere else is reported, never ignored.

use super::{Ctx, Outcome, Site, closest};
use crate::msg;
use crate::scenario::diagnostic::{Code, Finding};
use crate::scenario::model::{Choice, Next};

/// Fewest and most outcomes a class is asked to choose among.
pub const MIN_OUTCOMES: usize = 2;
pub const MAX_OUTCOMES: usize = 4;

pub(super) fn check(ctx: &Ctx, outcomes: &[Outcome], out: &mut Vec<Finding>) {
    for (i, scene) in ctx.s.scenes.iter().enumerate() {
        for (j, c) in scene.choices.iter().enumerate() {
            if !c.predict.is_empty() {
                choice(c, &format!("scenes[{i}].choices[{j}]"), out);
            }
        }
    }
    // A branch may name an outcome only directly under a predicting choice's `next`.
    for o in outcomes {
        let Some(Next::Random(branches)) = o.next else { continue };
        let predicting = o.branch.is_empty() && matches!(o.site, Site::Choice(i, j) if !ctx.s.scenes[i].choices[j].predict.is_empty());
        if predicting {
            continue;
        }
        for (k, b) in branches.iter().enumerate() {
            if let Some(id) = &b.outcome {
                out.push(
                    Finding::at(
                        Code::StrayOutcome,
                        format!("{}.next.0[{k}].outcome", o.path()),
                        msg!("diag-outcome-predicts-nothing", id = id),
                    )
                    .with_help(msg!("diag-outcome-belongs-to-predicting-choice")),
                );
            }
        }
    }
}

fn choice(c: &Choice, at: &str, out: &mut Vec<Finding>) {
    let n = c.predict.len();
    if !(MIN_OUTCOMES..=MAX_OUTCOMES).contains(&n) {
        out.push(
            Finding::at(Code::PredictionCount, format!("{at}.predict"), msg!("diag-predict-lists-outcomes", count = n))
                .with_help(msg!("diag-predict-two-to-four")),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for (k, o) in c.predict.iter().enumerate() {
        if let Some(id) = &o.id {
            if seen.contains(&id.as_str()) {
                out.push(Finding::at(Code::DuplicateId, format!("{at}.predict[{k}].id"), msg!("diag-outcome-id-twice", id = id)));
            }
            seen.push(id);
        }
    }
    let happens: Vec<usize> = (0..n).filter(|&k| c.predict[k].happens).collect();
    match &c.next {
        Next::Random(branches) => {
            for &k in &happens {
                out.push(
                    Finding::at(Code::PredictionAnswer, format!("{at}.predict[{k}].happens"), msg!("diag-happens-beside-random"))
                        .with_help(msg!("diag-name-outcome-on-each-branch")),
                );
            }
            for (k, b) in branches.iter().enumerate() {
                match &b.outcome {
                    None => out.push(
                        Finding::at(
                            Code::PredictionAnswer,
                            format!("{at}.next.0[{k}]"),
                            msg!("diag-branch-names-no-outcome", branch = k + 1),
                        )
                        .with_help(msg!("diag-name-outcome-on-each-branch")),
                    ),
                    Some(id) if !seen.contains(&id.as_str()) => out.push(
                        Finding::at(
                            Code::DanglingReference,
                            format!("{at}.next.0[{k}].outcome"),
                            msg!("diag-there-is-no-outcome-with-id", id = id),
                        )
                        .with_help_opt(closest(id, seen.iter().copied()).map(|s| msg!("diag-did-you-mean", suggestion = s))),
                    ),
                    Some(_) => {}
                }
            }
        }
        _ if happens.len() == 1 => {}
        _ if happens.is_empty() => out.push(
            Finding::at(Code::PredictionAnswer, format!("{at}.predict"), msg!("diag-no-outcome-happens"))
                .with_help(msg!("diag-mark-one-happens")),
        ),
        _ => {
            for &k in &happens[1..] {
                out.push(
                    Finding::at(Code::PredictionAnswer, format!("{at}.predict[{k}].happens"), msg!("diag-several-outcomes-happen"))
                        .with_help(msg!("diag-mark-one-happens")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{BASE, codes, run_on};
    use crate::scenario::diagnostic::Code;

    fn with(choice_a: &str) -> Vec<(Code, String)> {
        let src = BASE.replace(
            r#"(id: "a", text: "回应", feedback: "好", scores: {"law": 1}, effects: [Add("trust", 5), SetFlag("deleted")], next: Scene("s2")),"#,
            choice_a,
        );
        assert_ne!(src, BASE);
        codes(&run_on(&src))
    }

    #[test]
    fn one_outcome_that_happens_is_clean() {
        let a = r#"(id: "a", text: "回应", feedback: "好", scores: {"law": 1}, effects: [Add("trust", 5), SetFlag("deleted")],
            predict: [(text: "平息", happens: true), (text: "升级")], next: Scene("s2")),"#;
        assert_eq!(with(a), vec![]);
    }

    #[test]
    fn counts_and_answers_are_checked() {
        let one = r#"(id: "a", text: "回应", feedback: "好", scores: {"law": 1}, effects: [Add("trust", 5), SetFlag("deleted")],
            predict: [(text: "平息", happens: true)], next: Scene("s2")),"#;
        assert_eq!(with(one), vec![(Code::PredictionCount, "scenes[0].choices[0].predict".into())]);
        let none = r#"(id: "a", text: "回应", feedback: "好", scores: {"law": 1}, effects: [Add("trust", 5), SetFlag("deleted")],
            predict: [(text: "平息"), (text: "升级")], next: Scene("s2")),"#;
        assert_eq!(with(none), vec![(Code::PredictionAnswer, "scenes[0].choices[0].predict".into())]);
        let two = r#"(id: "a", text: "回应", feedback: "好", scores: {"law": 1}, effects: [Add("trust", 5), SetFlag("deleted")],
            predict: [(text: "平息", happens: true), (text: "升级", happens: true)], next: Scene("s2")),"#;
        assert_eq!(with(two), vec![(Code::PredictionAnswer, "scenes[0].choices[0].predict[1].happens".into())]);
    }

    #[test]
    fn random_branches_name_their_outcome() {
        let good = r#"(id: "a", text: "回应", feedback: "好", scores: {"law": 1}, effects: [Add("trust", 5), SetFlag("deleted")],
            predict: [(id: "calm", text: "平息"), (id: "worse", text: "升级"), (text: "没人理")],
            next: Random([(weight: 1, outcome: "calm", next: Scene("s2")), (weight: 1, outcome: "worse", next: Scene("s2"))])),"#;
        assert_eq!(with(good), vec![]);
        let bad = r#"(id: "a", text: "回应", feedback: "好", scores: {"law": 1}, effects: [Add("trust", 5), SetFlag("deleted")],
            predict: [(id: "calm", text: "平息", happens: true), (id: "worse", text: "升级")],
            next: Random([(weight: 1, outcome: "clam", next: Scene("s2")), (weight: 1, next: Scene("s2"))])),"#;
        assert_eq!(
            with(bad),
            vec![
                (Code::PredictionAnswer, "scenes[0].choices[0].predict[0].happens".into()),
                (Code::DanglingReference, "scenes[0].choices[0].next.0[0].outcome".into()),
                (Code::PredictionAnswer, "scenes[0].choices[0].next.0[1]".into()),
            ]
        );
    }

    #[test]
    fn an_outcome_where_nothing_is_predicted_is_reported() {
        let a = r#"(id: "a", text: "回应", feedback: "好", scores: {"law": 1}, effects: [Add("trust", 5), SetFlag("deleted")],
            next: Random([(weight: 1, outcome: "calm", next: Scene("s2"))])),"#;
        assert_eq!(with(a), vec![(Code::StrayOutcome, "scenes[0].choices[0].next.0[0].outcome".into())]);
    }
}
