//! Usage pass: meters, flags and competencies that nothing uses, flags nothing sets,
//! choices or timers that give the trainee no feedback, and lock lines nobody will see.

use super::{Ctx, Outcome};
use crate::msg;
use crate::scenario::diagnostic::{Code, Finding};
use crate::scenario::expr::{Condition, Expr};
use crate::scenario::model::{Effect, WhenUnmet};
use rustc_hash::FxHashSet as HashSet;

pub(super) fn check(ctx: &Ctx, outcomes: &[Outcome], out: &mut Vec<Finding>) {
    let s = ctx.s;
    let conditions: Vec<&Condition> = s
        .scenes
        .iter()
        .flat_map(|sc| sc.choices.iter().filter_map(|c| c.condition.as_ref()))
        .chain(s.endings.iter().filter_map(|e| e.condition.as_ref()))
        .chain(s.injects.iter().map(|i| &i.when))
        .collect();
    let mut read: HashSet<&str> = HashSet::default();
    for c in conditions {
        if let Ok(tree) = &c.parsed {
            tree.visit(&mut |e| {
                if let Expr::Var(name, _) = e {
                    read.insert(name.as_str());
                }
            });
        }
    }
    let mut changed: HashSet<&str> = HashSet::default();
    let mut scored: HashSet<&str> = HashSet::default();
    for o in outcomes {
        for e in o.effects {
            match e {
                Effect::Add(id, _) | Effect::Set(id, _) | Effect::SetFlag(id) | Effect::ClearFlag(id) => changed.insert(id.as_str()),
            };
        }
        if let Some(scores) = o.scores {
            scored.extend(scores.iter().map(|(k, _)| k.as_str()));
        }
    }
    for (i, m) in s.meters.iter().enumerate() {
        if !read.contains(m.id.as_str()) && !changed.contains(m.id.as_str()) {
            out.push(
                Finding::at(Code::UnusedMeter, format!("meters[{i}].id"), msg!("diag-meter-is-never-changed-and-never", id = &m.id))
                    .with_help(msg!("diag-change-it-with-add-in-choice", id = &m.id)),
            );
        }
    }
    for (i, f) in s.flags.iter().enumerate() {
        let id = f.id.as_str();
        let sets = s.flags[i].start || outcomes.iter().any(|o| o.effects.iter().any(|e| matches!(e, Effect::SetFlag(x) if x == id)));
        if !read.contains(id) && !changed.contains(id) {
            out.push(Finding::at(Code::UnusedFlag, format!("flags[{i}].id"), msg!("diag-flag-is-never-set-and-never", id = id)));
        } else if read.contains(id) && !sets {
            out.push(
                Finding::at(Code::FlagNeverSet, format!("flags[{i}].id"), msg!("diag-flag-is-never-set-so-conditions", id = id))
                    .with_help(msg!("diag-add-setflag-to-some-choice-s", id = id)),
            );
        }
    }
    for (i, c) in s.competencies.iter().enumerate() {
        if !scored.contains(c.id.as_str()) {
            out.push(
                Finding::at(Code::UnusedCompetency, format!("competencies[{i}].id"), msg!("diag-no-choice-scores-competency", id = &c.id))
                    .with_help(msg!("diag-score-it-in-choice-with-scores", id = &c.id)),
            );
        }
    }
    for (i, scene) in s.scenes.iter().enumerate() {
        for (j, c) in scene.choices.iter().enumerate() {
            if c.feedback.is_none() {
                out.push(
                    Finding::at(
                        Code::MissingFeedback,
                        format!("scenes[{i}].choices[{j}].id"),
                        msg!("diag-choice-has-no-feedback", id = &c.id),
                    )
                    .with_help(msg!("diag-tell-trainee-what-this-decision-led")),
                );
            }
            // The lock line is shown only under a greyed-out option: elsewhere it would never be read.
            if c.locked.is_some() && (c.condition.is_none() || c.when_unmet != WhenUnmet::Disable) {
                out.push(
                    Finding::at(
                        Code::LockedNeverShown,
                        format!("scenes[{i}].choices[{j}].locked"),
                        msg!("diag-locked-never-shown", id = &c.id),
                    )
                    .with_help(msg!("diag-locked-needs-disable")),
                );
            }
        }
        if scene.timer.as_ref().is_some_and(|t| t.feedback.is_none()) {
            out.push(Finding::at(Code::MissingFeedback, format!("scenes[{i}].timer"), msg!("diag-timer-has-no-feedback-tell-trainee")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{BASE, codes, run_on};
    use crate::scenario::diagnostic::Code;

    #[test]
    fn unused_things_and_missing_feedback() {
        let src = BASE
            .replace(
                "meters: [(id: \"trust\", name: \"信任\", min: 0, max: 100, start: 50)]",
                "meters: [(id: \"trust\", name: \"信任\", min: 0, max: 100, start: 50), (id: \"idle\", name: \"闲\", min: 0, max: 1, start: 0)]",
            )
            .replace("flags: [(id: \"deleted\")]", "flags: [(id: \"deleted\"), (id: \"never\"), (id: \"lonely\")]")
            .replace("!deleted", "!deleted && !never")
            .replace("competencies: [(id: \"law\", name: \"依法\", weight: 1)]", "competencies: [(id: \"law\", name: \"依法\", weight: 1), (id: \"speed\", name: \"时效\", weight: 1)]")
            .replace("text: \"收尾\", feedback: \"好\",", "text: \"收尾\",");
        let got = codes(&run_on(&src));
        for want in [
            (Code::UnusedMeter, "meters[1].id"),
            (Code::FlagNeverSet, "flags[1].id"),
            (Code::UnusedFlag, "flags[2].id"),
            (Code::UnusedCompetency, "competencies[1].id"),
            (Code::MissingFeedback, "scenes[1].choices[0].id"),
        ] {
            assert!(got.contains(&(want.0, want.1.to_string())), "missing {want:?} in {got:?}");
        }
        assert!(!got.iter().any(|(_, p)| p == "meters[0].id" || p == "flags[0].id"), "{got:?}");
    }
}
