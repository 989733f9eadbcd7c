//! Classroom mode in the engine: votes decide, rounds, ties the instructor breaks, discussion
//! time on the story clock, added time, scripted SPECs, and counterfactual replay from a
//! checkpoint compared side by side.

use shapan::engine::class::{Class, ClassError, Comparison, script, votable};
use shapan::engine::debrief::Debrief;
use shapan::engine::score::Scoring;
use shapan::engine::transcript::Transcript;
use shapan::engine::vote::{VoteError, VoteSpec};
use shapan::engine::{Compiled, Session};
use shapan::i18n::Localize;
use shapan::lang::Lang;
use shapan::scenario::load_path;
use std::path::Path;
use std::sync::Arc;

fn compiled(rel: &str) -> Arc<Compiled> {
    let l = load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join(rel));
    assert!(l.error_count() == 0, "{rel}: {:?}", l.diagnostics);
    Arc::new(Compiled::new(l.scenario.unwrap()))
}

fn tutorial() -> Arc<Compiled> {
    compiled("scenarios/tutorial/water_rumour_quick.ron")
}

fn scene(s: &Session) -> String {
    s.scene().map(|i| s.compiled().scenario.scenes[i].id.clone()).unwrap_or_default()
}

fn ids(s: &Session) -> Vec<String> {
    votable(s).iter().map(|&ix| s.compiled().choice(ix).id.clone()).collect()
}

fn debrief(c: &Arc<Compiled>, s: &Session) -> Debrief {
    let scoring = Scoring::for_role(c, None).unwrap();
    Debrief::build(c, &Transcript::of(&s.state(), s.is_over()), &scoring).unwrap()
}

#[test]
fn the_class_majority_takes_the_decision_and_the_vote_is_kept_with_it() {
    let c = tutorial();
    let (mut s, _) = Session::start(c.clone(), None, 1, true).unwrap();
    let mut class = Class::new(&s);
    assert_eq!(ids(&s), ["call_water_company", "deny_at_once"]);
    let v = class.vote.as_mut().unwrap();
    v.set(0, 12);
    v.set(1, 18);
    assert!(v.second_round());
    v.set(0, 22);
    v.set(1, 8);
    class.decide(&mut s, None).unwrap();
    assert_eq!(scene(&s), "facts_in_hand", "round two's majority (call the water company) was taken");
    let kept = class.votes[0].as_ref().unwrap();
    assert_eq!(kept.rounds, vec![vec![12, 18], vec![22, 8]]);
    assert_eq!(kept.decided.as_deref(), Some("call_water_company"));
    assert_eq!(class.checkpoints.len(), 2, "a checkpoint before each decision");
    assert_eq!(class.vote.as_ref().unwrap().total(), 0, "the next decision starts a fresh vote");
}

#[test]
fn a_tie_waits_for_the_instructor_and_greyed_out_choices_get_no_vote() {
    let c = tutorial();
    let (mut s, _) = Session::start(c.clone(), None, 1, true).unwrap();
    let mut class = Class::new(&s);
    // Deny at once; with seed 1 the rumour then spreads or settles; either way the notice
    // scene greys out the plain notice until the water is verified.
    class.choose(&mut s, c.choice_index("deny_at_once").unwrap()).unwrap();
    assert!(class.votes[0].is_none(), "no votes were entered");
    while scene(&s) != "facts_in_hand" && !s.is_over() {
        let v = class.vote.as_mut().unwrap();
        v.set(0, 5);
        class.decide(&mut s, None).unwrap();
    }
    assert_eq!(scene(&s), "facts_in_hand");
    let offered = s.offers().len();
    let open = ids(&s);
    assert!(open.len() <= offered);
    assert!(!open.contains(&"plain_notice".to_string()) || s.run().flags[c.flag_index("verified").unwrap()]);
    let n = open.len();
    let v = class.vote.as_mut().unwrap();
    assert_eq!(v.choices, open);
    for k in 0..n {
        v.set(k, 7);
    }
    if n > 1 {
        assert_eq!(class.decide(&mut s, None).unwrap_err(), ClassError::Vote(VoteError::Tie((0..n).collect())));
        assert!(!s.is_over(), "nothing was decided");
        assert_eq!(class.decide(&mut s, Some(n - 1)).map(|_| ()), Ok(()));
        assert!(class.votes.last().unwrap().as_ref().unwrap().by_instructor);
    } else {
        class.decide(&mut s, None).unwrap();
    }
    assert!(s.is_over());
    assert!(class.vote.is_none());
}

#[test]
fn discussion_moves_the_story_clock_at_the_scenario_rate_and_added_time_holds_off_the_timer() {
    // 60 story minutes per real minute, a 60-second timer on the first scene.
    let c = compiled("tests/engine/two_roles.ron");
    let (mut s, _) = Session::start(c.clone(), Some("press"), 1, true).unwrap();
    let mut class = Class::new(&s);
    s.elapse(45_000).unwrap();
    class.sync(&s);
    assert_eq!(s.run().clock_ms / 60_000, 45, "45 s of discussion is 45 story minutes");
    assert!(s.add_time(60_000));
    s.elapse(45_000).unwrap();
    class.sync(&s);
    assert_eq!(scene(&s), "desk", "the added minute keeps the decision open");
    assert_eq!(s.time_left_ms(), Some(30_000));
    assert_eq!(s.run().clock_ms / 60_000, 90);
    class.vote.as_mut().unwrap().set(0, 30);
    class.decide(&mut s, None).unwrap();
    assert_eq!(s.run().decisions[0].extra_ms, 60_000);
    // The transcript carries the added time, so the run replays exactly.
    let replayed = Transcript::of(&s.state(), false).replay(c.clone(), |_, _| {}).unwrap();
    assert_eq!(replayed.state(), s.state());
    // Without added time, the same discussion would have run out the clock.
    let (mut t, _) = Session::start(c, Some("press"), 1, true).unwrap();
    t.elapse(90_000).unwrap();
    assert_eq!(t.run().decisions[0].choice, None);
}

#[test]
fn a_counterfactual_branch_replays_the_road_not_taken_from_the_same_moment() {
    let c = tutorial();
    let (mut s, _) = Session::start(c.clone(), None, 7, true).unwrap();
    let mut class = Class::new(&s);
    class.choose(&mut s, c.choice_index("deny_at_once").unwrap()).unwrap();
    while !s.is_over() {
        let ix = votable(&s)[0];
        class.choose(&mut s, ix).unwrap();
    }
    let taken = debrief(&c, &s);

    // Back to the first decision: the same state as then.
    let (mut b, mut bc) = class.branch(c.clone(), 0).unwrap();
    assert_eq!(b.state(), class.checkpoints[0]);
    assert!(bc.votes.is_empty());
    // Taking the same road again tells the same story (the random stream continues alike).
    let (mut same, mut sc) = class.branch(c.clone(), 0).unwrap();
    sc.choose(&mut same, c.choice_index("deny_at_once").unwrap()).unwrap();
    assert_eq!(same.state().decisions[0], s.state().decisions[0]);
    assert_eq!(scene(&same), s.state().decisions[1].scene);

    // The options are voted on in the order shown (the seed's): count by id.
    let v = bc.vote.as_mut().unwrap();
    let at = |id: &str| v.choices.iter().position(|x| x == id).unwrap();
    let (verify, deny) = (at("call_water_company"), at("deny_at_once"));
    v.set(verify, 25);
    v.set(deny, 5);
    bc.decide(&mut b, None).unwrap();
    while !b.is_over() {
        let ix = votable(&b)[0];
        bc.choose(&mut b, ix).unwrap();
    }
    let mut other = debrief(&c, &b);
    bc.annotate(&mut other);
    assert_eq!(other.path[0].choice, c.choice_index("call_water_company"));
    let shown = shapan::present::debrief::DebriefView::new(&other, &c, Lang::ZH_CN);
    assert_eq!(shown.path[0].choice.as_deref(), Some("call_water_company"));
    assert_eq!(shown.path[0].vote, other.path[0].vote, "the votes reach the view");
    let mut counts = vec![0; 2];
    (counts[verify], counts[deny]) = (25, 5);
    assert_eq!(other.path[0].vote.as_ref().unwrap().rounds, vec![counts]);
    let cmp = Comparison { at: 0, taken: taken.clone(), other: other.clone() };
    let rows = cmp.rows();
    assert_eq!(rows.len(), 3);
    assert!(other.total > taken.total, "verifying first scores better: {} vs {}", other.total, taken.total);
    assert!(rows.iter().any(|(_, a, b)| a != b));
    assert!(matches!(class.branch(c, 9), Err(ClassError::NoCheckpoint(9))));
}

#[test]
fn a_spec_is_checked_against_the_road_its_votes_lead_down() {
    let c = tutorial();
    // Verify first (22 of 30), then the plain notice: two decisions.
    let two = VoteSpec::parse("22,8;20,10").unwrap();
    assert_eq!(script(c.clone(), None, 1, &two).unwrap().len(), 2);
    let short = VoteSpec::parse("22,8").unwrap();
    let e = script(c.clone(), None, 1, &short).unwrap_err();
    let zh = e.message().render(Lang::ZH_CN);
    assert!(zh.contains("只够 1 次决策"), "{zh}");
    let long = VoteSpec::parse("22,8;20,10;1,2").unwrap();
    assert!(script(c.clone(), None, 1, &long).unwrap_err().message().render(Lang::EN).contains("ends after 2"));
    let wide = VoteSpec::parse("22,8,3;20,10").unwrap();
    assert!(script(c.clone(), None, 1, &wide).unwrap_err().message().render(Lang::ZH_CN).contains("有 2 个可选项"));
    // Auto: two rounds per decision with something to discuss, the same with the same seed.
    let auto = script(c.clone(), None, 3, &VoteSpec::Auto).unwrap();
    assert!(auto.iter().all(|d| d.len() == if d[0].len() > 1 { 2 } else { 1 }), "{auto:?}");
    assert_eq!(auto, script(c, None, 3, &VoteSpec::Auto).unwrap());
}

#[test]
fn every_library_scenario_plays_through_with_auto_votes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    for path in shapan::scenario::scenario_files(&[root]) {
        let l = load_path(&path);
        let c = Arc::new(Compiled::new(l.scenario.unwrap()));
        for seed in 0..5 {
            let votes = script(c.clone(), None, seed, &VoteSpec::Auto).unwrap_or_else(|e| panic!("{}: {}", path.display(), e));
            assert!(!votes.is_empty());
        }
    }
}

#[test]
fn a_resumed_class_keeps_decision_numbers_and_cannot_go_back_before_the_resume() {
    let c = tutorial();
    let (mut s, _) = Session::start(c.clone(), None, 1, true).unwrap();
    s.choose("call_water_company").unwrap();
    let resumed = Session::resume(c.clone(), &s.state()).unwrap();
    let mut s = resumed;
    let mut class = Class::new(&s);
    assert_eq!((class.from, class.votes.len()), (1, 1));
    assert!(!class.can_branch(0) && class.can_branch(1));
    class.vote.as_mut().unwrap().set(0, 9);
    class.decide(&mut s, None).unwrap();
    assert_eq!(class.votes.len(), 2);
    assert!(class.votes[1].as_ref().is_some_and(|v| v.current() == [9, 0]), "the vote sits at the decision's own number");
    assert!(matches!(class.branch(c.clone(), 0), Err(ClassError::NoCheckpoint(0))));
    let (b, _) = class.branch(c, 1).unwrap();
    assert_eq!(b.run().decisions.len(), 1);
}
