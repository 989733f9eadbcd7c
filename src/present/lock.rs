//! Why a greyed-out choice cannot be taken, as a line for the trainee under the option (review
//! "Locked options": a grey box becomes the lesson that an earlier choice closed a better road).
//! The author's own `locked` text when there is one, else the condition in words: a flag by its
//! description, a meter by its name and threshold, only the parts that fail; and, where an
//! earlier decision of this run could have set the missing flag, the option taken there.

use crate::engine::Compiled;
use crate::engine::compiled::{Cond, atom};
use crate::engine::state::{Decision, Run};
use crate::lang::Lang;
use crate::scenario::expr::BinOp;
use crate::scenario::model::{Effect, Next};
use crate::t;

/// The reason greyed-out `choice` (a global choice index) cannot be taken in `run`: content
/// (flag descriptions, meter names, option texts, the author's `locked`) in the scenario's text
/// language `code`, the words around it from the interface catalogue in `lang`. Meant for a
/// choice offered with `enabled: false`; it never says "not yet", since in this run the option
/// may never open again.
pub fn reason(compiled: &Compiled, run: &Run, choice: usize, code: &str, lang: Lang) -> String {
    let mut w = Words { c: compiled, run, code, lang, hints: Vec::new() };
    let condition = compiled.choices[choice].condition.as_ref();
    let worded = condition.and_then(|k| w.needed(k, true));
    let mut line = match (&compiled.choice(choice).locked, worded) {
        (Some(text), _) => text.get(code).to_string(),
        (None, Some(what)) => t!(lang, "play-lock-needs", what = what),
        (None, None) => {
            let source = compiled.choice(choice).condition.as_ref().map(|k| k.source.clone()).unwrap_or_default();
            t!(lang, "play-lock-needs", what = t!(lang, "play-lock-condition", condition = source))
        }
    };
    for hint in w.hints {
        line.push_str(&hint);
    }
    line
}

struct Words<'a> {
    c: &'a Compiled,
    run: &'a Run,
    code: &'a str,
    lang: Lang,
    /// "(at … you chose …)" for each missing flag or choice an earlier decision could have given.
    hints: Vec<String>,
}

impl Words<'_> {
    /// What must change for `k` to be `want`, naming only the parts that are not; `None` when
    /// some part cannot be put in words (arithmetic, a constant).
    fn needed(&mut self, k: &Cond, want: bool) -> Option<String> {
        let l = self.lang;
        let code = self.code;
        let s = &self.c.scenario;
        match k {
            Cond::Not(x) => self.needed(x, !want),
            Cond::Bin(op @ (BinOp::And | BinOp::Or), a, b) => {
                // `a && b` wanted true (or `a || b` wanted false): every part must be `want`.
                let all = (*op == BinOp::And) == want;
                if all {
                    let failing: Vec<&Cond> = [&**a, &**b].into_iter().filter(|p| p.holds(self.run) != want).collect();
                    let mut words = Vec::new();
                    for p in failing {
                        words.push(self.needed(p, want)?);
                    }
                    words.into_iter().reduce(|a, b| t!(l, "play-lock-and", a = a, b = b))
                } else {
                    // Any one part would do, and none does now: name each.
                    let (a, b) = (self.needed(a, want)?, self.needed(b, want)?);
                    Some(t!(l, "play-lock-or", a = a, b = b))
                }
            }
            Cond::Flag(i) => {
                let flag = &s.flags[*i];
                let what = flag.description.as_ref().map_or_else(|| flag.id.clone(), |d| d.get(code).to_string());
                self.hint_flag(*i, want);
                Some(if want { what } else { t!(l, "play-lock-not", what = what) })
            }
            Cond::Bin(op, a, b) => {
                let (slot, op, n) = atom(*op, a, b)?;
                let op = if want { op } else { negate(op) };
                let name = match slot {
                    Cond::Meter(i) => s.meters[*i].name.get(code).to_string(),
                    Cond::Minutes => t!(l, "play-lock-minutes"),
                    _ => t!(l, "play-lock-hours"),
                };
                // As text: a Fluent number would be grouped (1,000) or rounded.
                let n = n.to_string();
                Some(match op {
                    BinOp::Ge => t!(l, "play-lock-ge", name = name, n = n),
                    BinOp::Gt => t!(l, "play-lock-gt", name = name, n = n),
                    BinOp::Le => t!(l, "play-lock-le", name = name, n = n),
                    BinOp::Lt => t!(l, "play-lock-lt", name = name, n = n),
                    BinOp::Eq => t!(l, "play-lock-eq", name = name, n = n),
                    _ => t!(l, "play-lock-ne", name = name, n = n),
                })
            }
            Cond::Visited(i) => {
                let sc = &s.scenes[*i];
                let scene = sc.title.as_ref().map_or_else(|| sc.id.clone(), |t| t.get(code).to_string());
                Some(if want { t!(l, "play-lock-visited", scene = scene) } else { t!(l, "play-lock-not-visited", scene = scene) })
            }
            Cond::Chose(i) => {
                let choice = self.c.choice(*i).text.get(code).to_string();
                self.hint_choice(*i, want);
                Some(if want { t!(l, "play-lock-chose", choice = choice) } else { t!(l, "play-lock-not-chose", choice = choice) })
            }
            Cond::Role(i) => {
                let role = s.roles[*i].name.get(code).to_string();
                Some(if want { t!(l, "play-lock-role", role = role) } else { t!(l, "play-lock-not-role", role = role) })
            }
            _ => None,
        }
    }

    /// Names the latest earlier decision where another option would have left flag `i` as
    /// wanted (or where the option taken set it the wrong way).
    fn hint_flag(&mut self, i: usize, want: bool) {
        let sets = |effects: &[Effect], next: &Next| gives(effects, next, &self.c.scenario.flags[i].id, want);
        let ids = |ix: usize| {
            let ch = self.c.choice(ix);
            sets(&ch.effects, &ch.next)
        };
        let at = self.run.decisions.iter().rev().find(|d| {
            let taken = d.choice.is_some_and(ids);
            let scene = &self.c.scenes[d.scene];
            // Missing: another option there would have given it. Wrongly set: the one taken did,
            // the opposite way (which `gives` with `!want` finds).
            let other = scene.choices.clone().any(|o| Some(o) != d.choice && ids(o));
            let wrong = d.choice.is_some_and(|ix| {
                let ch = self.c.choice(ix);
                gives(&ch.effects, &ch.next, &self.c.scenario.flags[i].id, !want)
            });
            (!taken && other) || wrong
        });
        if let Some(d) = at {
            self.hint(d);
        }
    }

    /// Names the decision in choice `i`'s scene: another option taken (when `i` was wanted) or
    /// `i` itself (when it was not).
    fn hint_choice(&mut self, i: usize, want: bool) {
        let scene = self.c.choices[i].scene;
        let at = self.run.decisions.iter().rev().find(|d| d.scene == scene && ((d.choice == Some(i)) != want));
        if let Some(d) = at {
            self.hint(d);
        }
    }

    fn hint(&mut self, d: &Decision) {
        let l = self.lang;
        let sc = &self.c.scenario.scenes[d.scene];
        // A scene without a title is shown as its step number, as the terminal and the app do.
        let step = self.run.decisions.iter().position(|x| std::ptr::eq(x, d)).unwrap_or(0) + 1;
        let title = sc.title.as_ref().map_or_else(|| t!(l, "play-step", n = step), |t| t.get(self.code).to_string());
        let hint = match d.choice {
            Some(ix) => t!(l, "play-lock-you-chose", scene = title, choice = self.c.choice(ix).text.get(self.code)),
            None => t!(l, "play-lock-you-let-time-run-out", scene = title),
        };
        if !self.hints.contains(&hint) {
            self.hints.push(hint);
        }
    }
}

/// Whether an outcome (its effects, or one of its random branches) leaves `flag` as `value`.
fn gives(effects: &[Effect], next: &Next, flag: &str, value: bool) -> bool {
    let own = effects.iter().any(|e| match e {
        Effect::SetFlag(f) => value && f == flag,
        Effect::ClearFlag(f) => !value && f == flag,
        _ => false,
    });
    own || matches!(next, Next::Random(branches) if branches.iter().any(|b| gives(&b.effects, &b.next, flag, value)))
}

fn negate(op: BinOp) -> BinOp {
    match op {
        BinOp::Ge => BinOp::Lt,
        BinOp::Gt => BinOp::Le,
        BinOp::Le => BinOp::Gt,
        BinOp::Lt => BinOp::Ge,
        BinOp::Eq => BinOp::Ne,
        _ => BinOp::Eq,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::state::Place;
    use crate::scenario::load::load_str;
    use std::path::Path;

    fn library(rel: &str) -> Compiled {
        let l = crate::scenario::load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios").join(rel));
        Compiled::new(l.playable().cloned().unwrap_or_else(|| panic!("{:?}", l.diagnostics)))
    }

    /// A run standing in `choice`'s scene, having taken `taken` (by id) earlier.
    fn run_at(c: &Compiled, choice: &str, taken: &[&str]) -> (Run, usize) {
        let ix = c.choice_index(choice).unwrap();
        let mut run = Run::new(c, 0);
        for id in taken {
            let t = c.choice_index(id).unwrap();
            let scene = c.choices[t].scene;
            run.decisions.push(Decision {
                scene,
                choice: Some(t),
                ms: 0,
                extra_ms: 0,
                meters_after: run.meters.clone(),
                shown: Vec::new(),
            });
        }
        run.place = Place::Scene(c.choices[ix].scene);
        (run, ix)
    }

    /// The option in the same scene as the one that sets `flag`, which does not set it.
    fn passed_over(c: &Compiled, flag: &str) -> String {
        let setter = (0..c.choices.len()).find(|&i| c.choice(i).effects.contains(&Effect::SetFlag(flag.into()))).unwrap();
        let scene = c.choices[setter].scene;
        let other = c.scenes[scene]
            .choices
            .clone()
            .find(|&i| !gives(&c.choice(i).effects, &c.choice(i).next, flag, true))
            .unwrap_or_else(|| panic!("every option of that scene sets {flag}"));
        c.choice(other).id.clone()
    }

    #[test]
    fn elevator_retrofit_names_the_visit_to_flat_101_and_the_option_taken_instead() {
        let c = library("community_dispute/elevator_retrofit.ron");
        let skipped = passed_over(&c, "heard_chen");
        let (run, ix) = run_at(&c, "adopt_adjusted_design", &[&skipped]);
        let taken = c.choice(c.choice_index(&skipped).unwrap()).text.get("zh-CN").to_string();
        let zh = reason(&c, &run, ix, "zh-CN", Lang::ZH_CN);
        assert_eq!(zh, format!("需要：上门听取并记录了101室的具体诉求（你们当时选了‘{taken}’）"));
        let en = reason(&c, &run, ix, "en", Lang::EN);
        assert!(en.starts_with("Needs: Visited Flat 101 and recorded its specific concerns (at “"), "{en}");
        assert!(en.contains(&format!("you chose “{}”)", c.choice(c.choice_index(&skipped).unwrap()).text.get("en"))), "{en}");
        // Without the earlier decision in the run there is nobody to name.
        let (bare, _) = run_at(&c, "adopt_adjusted_design", &[]);
        assert_eq!(reason(&c, &bare, ix, "zh-CN", Lang::ZH_CN), "需要：上门听取并记录了101室的具体诉求");
    }

    #[test]
    fn flood_evacuation_names_the_missing_ledger_and_the_stress_threshold() {
        let c = library("emergency/flood_evacuation.ron");
        let skipped = passed_over(&c, "ledger_real");
        let (run, ix) = run_at(&c, "launch_ledger", &[&skipped]);
        let en = reason(&c, &run, ix, "en", Lang::EN);
        assert!(en.starts_with("Needs: A real one-plan-per-household evacuation record exists (at “"), "{en}");
        let zh = reason(&c, &run, ix, "zh-CN", Lang::ZH_CN);
        assert!(zh.starts_with("需要：已逐户建立“一户一策”转移台账（你们当时选了‘"), "{zh}");
        // A meter: its name and the threshold in words.
        let (mut run, ix) = run_at(&c, "calm_persuade", &[]);
        run.meters[c.meter_index("stress").unwrap()] = 85;
        assert_eq!(reason(&c, &run, ix, "zh-CN", Lang::ZH_CN), "需要：压力低于 70");
        assert_eq!(reason(&c, &run, ix, "en", Lang::EN), "Needs: Stress below 70");
    }

    #[test]
    fn the_library_never_says_not_yet() {
        for (file, choice) in
            [("community_dispute/elevator_retrofit.ron", "file_pending_items"), ("integrity/contractor_gift.ron", "rework_with_plan")]
        {
            let c = library(file);
            let (run, ix) = run_at(&c, choice, &[]);
            for (code, lang) in [("zh-CN", Lang::ZH_CN), ("en", Lang::EN)] {
                let r = reason(&c, &run, ix, code, lang);
                assert!(!r.contains("yet") && !r.contains("还不") && !r.contains('{'), "{r}");
            }
        }
    }

    const FIXTURE: &str = r#"(format: 1, id: "t", languages: ["zh-CN", "en"], title: "T", category: Other, summary: "S", minutes: 1, difficulty: Easy,
competencies: [(id: "k", name: "K", weight: 1)],
meters: [(id: "trust", name: {"zh-CN": "居民信任", "en": "Trust"}, min: 0, max: 100, start: 50)],
flags: [
  (id: "heard", description: {"zh-CN": "听取了诉求", "en": "Concerns heard"}),
  (id: "leaked", description: {"zh-CN": "名单外泄", "en": "The list leaked"}),
],
roles: [(id: "r", name: "R", briefing: "B")],
start: "a",
scenes: [
  (id: "a", title: {"zh-CN": "上午", "en": "Morning"}, text: "A", choices: [
    (id: "listen", text: {"zh-CN": "上门听", "en": "Go and listen"}, effects: [SetFlag("heard")], scores: {"k": 1}, feedback: "F", next: Scene("b")),
    (id: "post", text: {"zh-CN": "发名单", "en": "Post the list"}, effects: [SetFlag("leaked")], scores: {"k": -1}, feedback: "F", next: Scene("b")),
  ]),
  (id: "b", text: "B", choices: [
    (id: "both", text: "Both", condition: "heard && trust >= 60", when_unmet: Disable, scores: {"k": 1}, feedback: "F", next: End),
    (id: "either", text: "Either", condition: "heard || !(trust < 70)", when_unmet: Disable, scores: {"k": 1}, feedback: "F", next: End),
    (id: "clean", text: "Clean", condition: "!leaked", when_unmet: Disable, scores: {"k": 1}, feedback: "F", next: End),
    (id: "own", text: "Own", condition: "heard", when_unmet: Disable, locked: {"zh-CN": "需要：上午先上门", "en": "Needs: a morning visit"}, scores: {"k": 1}, feedback: "F", next: End),
    (id: "odd", text: "Odd", condition: "trust * 2 > 150", when_unmet: Disable, scores: {"k": 1}, feedback: "F", next: End),
    (id: "go", text: "Go", scores: {"k": 0}, feedback: "F", next: End),
  ]),
],
endings: [(id: "e", title: "E", grade: Pass, text: "E")])"#;

    fn fixture() -> Compiled {
        // Plain one-language texts in a two-language file are reported, not fatal: compile anyway.
        let l = load_str(Path::new("t.ron"), FIXTURE.to_string(), &[]);
        assert!(l.diagnostics.iter().all(|d| d.code == crate::scenario::Code::MissingTranslation), "{:?}", l.diagnostics);
        Compiled::new(l.scenario.unwrap())
    }

    #[test]
    fn and_names_only_what_fails_or_names_each_way_and_not_is_worded_as_the_opposite() {
        let c = fixture();
        let (mut run, _) = run_at(&c, "both", &["post"]);
        run.flags[c.flag_index("leaked").unwrap()] = true;
        let zh = |run: &Run, id: &str| reason(&c, run, c.choice_index(id).unwrap(), "zh-CN", Lang::ZH_CN);
        let en = |run: &Run, id: &str| reason(&c, run, c.choice_index(id).unwrap(), "en", Lang::EN);
        assert_eq!(zh(&run, "both"), "需要：听取了诉求；居民信任不低于 60（你们当时选了‘发名单’）");
        assert_eq!(en(&run, "both"), "Needs: Concerns heard; Trust at least 60 (at “Morning” you chose “Post the list”)");
        assert_eq!(en(&run, "either"), "Needs: Concerns heard, or Trust at least 70 (at “Morning” you chose “Post the list”)");
        // The option taken set the flag that locks this one.
        assert_eq!(en(&run, "clean"), "Needs: not “The list leaked” (at “Morning” you chose “Post the list”)");
        assert_eq!(zh(&run, "own"), "需要：上午先上门（你们当时选了‘发名单’）", "the author's words first");
        assert_eq!(en(&run, "odd"), "Needs: the condition “trust * 2 > 150”", "arithmetic is given as written");
        // Trust high enough: only the flag is missing.
        run.meters[0] = 65;
        assert_eq!(en(&run, "both"), "Needs: Concerns heard (at “Morning” you chose “Post the list”)");
    }
}
