//! Usage pass: meters, flags and competencies that nothing uses, flags nothing sets, and
//! choices or timers that give the trainee no feedback.

use super::{Ctx, Outcome};
use crate::bi;
use crate::scenario::diagnostic::{Code, Finding};
use crate::scenario::expr::{Condition, Expr};
use crate::scenario::model::Effect;
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
                Finding::at(
                    Code::UnusedMeter,
                    format!("meters[{i}].id"),
                    bi!(("指标“{}”没有被任何选项改变，也没有被任何条件用到", m.id), ("meter '{}' is never changed and never read", m.id)),
                )
                .with_help(bi!(
                    ("在选项的 effects 里用 Add(\"{}\", …) 改变它，或删掉它", m.id),
                    ("change it with Add(\"{}\", …) in a choice's effects, or remove it", m.id)
                )),
            );
        }
    }
    for (i, f) in s.flags.iter().enumerate() {
        let id = f.id.as_str();
        let sets = s.flags[i].start || outcomes.iter().any(|o| o.effects.iter().any(|e| matches!(e, Effect::SetFlag(x) if x == id)));
        if !read.contains(id) && !changed.contains(id) {
            out.push(Finding::at(
                Code::UnusedFlag,
                format!("flags[{i}].id"),
                bi!("标记“{id}”没有被设置，也没有被任何条件用到", "flag '{id}' is never set and never read"),
            ));
        } else if read.contains(id) && !sets {
            out.push(
                Finding::at(
                    Code::FlagNeverSet,
                    format!("flags[{i}].id"),
                    bi!("标记“{id}”从未被设为真，用到它的条件永远不成立", "flag '{id}' is never set, so conditions on it never hold"),
                )
                .with_help(bi!("在某个选项的 effects 里加上 SetFlag(\"{id}\")", "add SetFlag(\"{id}\") to some choice's effects")),
            );
        }
    }
    for (i, c) in s.competencies.iter().enumerate() {
        if !scored.contains(c.id.as_str()) {
            out.push(
                Finding::at(
                    Code::UnusedCompetency,
                    format!("competencies[{i}].id"),
                    bi!(("没有任何选项给能力项“{}”记分", c.id), ("no choice scores competency '{}'", c.id)),
                )
                .with_help(bi!(
                    ("在选项里写 scores: {{\"{}\": 2}}，或删掉它", c.id),
                    ("score it in a choice with scores: {{\"{}\": 2}}, or remove it", c.id)
                )),
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
                        bi!(("选项“{}”没有反馈（feedback）", c.id), ("choice '{}' has no feedback", c.id)),
                    )
                    .with_help(bi!("告诉学员这个决定带来了什么、为什么", "tell the trainee what this decision led to and why")),
                );
            }
        }
        if scene.timer.as_ref().is_some_and(|t| t.feedback.is_none()) {
            out.push(Finding::at(
                Code::MissingFeedback,
                format!("scenes[{i}].timer"),
                bi!("限时没有反馈：超时后学员应知道沉默的代价", "the timer has no feedback: tell the trainee what silence cost"),
            ));
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
