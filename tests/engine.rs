//! The engine through its public API: timers, injects, random outcomes, roles, the story clock,
//! save and resume, transcripts, and every contract error.

use shapan::engine::explore::{Aim, Explorer};
use shapan::engine::score::Scoring;
use shapan::engine::state::Position;
use shapan::engine::transcript::Transcript;
use shapan::engine::{Compiled, EngineError, Event, Session, SessionState};
use shapan::scenario::load_path;
use std::path::Path;
use std::sync::Arc;

fn compiled(rel: &str) -> Arc<Compiled> {
    let l = load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join(rel));
    assert!(l.error_count() == 0, "{rel}: {:?}", l.diagnostics);
    Arc::new(Compiled::new(l.scenario.unwrap()))
}

fn two_roles() -> Arc<Compiled> {
    compiled("tests/engine/two_roles.ron")
}

fn start(c: &Arc<Compiled>, role: &str, seed: u64) -> Session {
    Session::start(c.clone(), Some(role), seed, true).unwrap().0
}

fn meter(s: &Session, id: &str) -> i64 {
    s.run().meters[s.compiled().meter_index(id).unwrap()]
}

fn scene(s: &Session) -> String {
    s.scene().map(|i| s.compiled().scenario.scenes[i].id.clone()).unwrap_or_default()
}

fn offers(s: &Session) -> Vec<(String, bool)> {
    s.offers().iter().map(|o| (s.compiled().choice(o.choice).id.clone(), o.enabled)).collect()
}

#[test]
fn a_timer_applies_what_silence_costs_only_when_time_is_up() {
    let c = two_roles();
    let mut s = start(&c, "press", 1);
    assert_eq!(s.time_left_ms(), Some(60_000));
    let events = s.elapse(59_000).unwrap();
    assert_eq!(scene(&s), "desk", "not yet");
    assert!(events.iter().all(|e| !matches!(e, Event::TimedOut { .. })));
    assert_eq!(s.time_left_ms(), Some(1_000));
    let events = s.elapse(5_000).unwrap();
    assert!(events.contains(&Event::TimedOut { scene: 0 }));
    assert_eq!(meter(&s, "heat"), 90);
    assert_eq!(scene(&s), "hot_search", "silence let the video trend");
    let d = &s.run().decisions[0];
    assert_eq!((d.choice, d.ms), (None, 60_000), "only the time up to the limit counts");
}

#[test]
fn without_timers_nothing_runs_out() {
    let c = two_roles();
    let (mut s, _) = Session::start(c, Some("press"), 1, false).unwrap();
    assert_eq!(s.time_left_ms(), None);
    s.elapse(10_000_000).unwrap();
    assert_eq!(scene(&s), "desk");
    assert_eq!(s.run().clock_ms, 0, "deciding time only moves the story clock when timers are on");
}

#[test]
fn the_story_clock_runs_with_decisions_and_deciding_time() {
    let c = two_roles();
    let mut s = start(&c, "press", 1);
    s.elapse(30_000).unwrap(); // half a real minute at 60 story minutes per real minute
    assert_eq!(s.run().clock_ms / 60_000, 30);
    s.choose("wait").unwrap(); // this choice takes 120 story minutes
    assert_eq!(s.run().clock_ms / 60_000, 150);
    s.choose("apologise").unwrap(); // the default 30
    assert_eq!(s.run().clock_ms / 60_000, 180);
}

#[test]
fn injects_fire_in_order_redirect_and_repeat_when_asked() {
    let c = two_roles();
    let mut s = start(&c, "press", 1);
    // heat 50 + 60 = 110, clamped to 100: both injects hold.
    let events = s.choose("delete").unwrap();
    assert_eq!(meter(&s, "heat"), 100, "meters stay within their range");
    assert!(events.contains(&Event::InjectFired { inject: 0 }));
    assert!(events.contains(&Event::InjectFired { inject: 1 }));
    assert_eq!(scene(&s), "hot_search", "the trending inject redirected the story");
    assert_eq!(meter(&s, "pings"), 1);
    s.choose("press_conference").unwrap();
    assert!(s.is_over());
    // `once: false` fires again after the next decision; `once` (default) does not.
    let mut s = start(&c, "press", 1);
    s.choose("wait").unwrap(); // heat 60: reminder only
    assert_eq!(meter(&s, "pings"), 1);
    assert_eq!(scene(&s), "crowd");
    s.choose("apologise").unwrap();
    assert_eq!(meter(&s, "pings"), 2);
}

#[test]
fn random_outcomes_follow_the_seed_and_the_weights() {
    let c = two_roles();
    let trust_after = |seed| {
        let mut s = start(&c, "press", seed);
        s.choose("delete").unwrap();
        meter(&s, "trust")
    };
    for seed in 0..20 {
        assert_eq!(trust_after(seed), trust_after(seed), "same seed, same draw");
    }
    // Branch weights 1:3; the unlucky branch costs 30 trust and the trending inject 10 more.
    let n = 2000;
    let unlucky = (0..n).filter(|&seed| trust_after(seed) == 10).count();
    let share = unlucky as f64 / n as f64;
    assert!((share - 0.75).abs() < 0.04, "unlucky share {share}");
    assert!((0..n).any(|seed| trust_after(seed) == 40), "the lucky branch happens too");
}

#[test]
fn roles_see_their_own_scenes_media_choices_and_endings() {
    let c = two_roles();
    let (press, events) = Session::start(c.clone(), Some("press"), 1, true).unwrap();
    assert_eq!(scene(&press), "desk");
    let media: Vec<_> = events.iter().filter(|e| matches!(e, Event::MediaPosted { .. })).collect();
    assert_eq!(media.len(), 1, "the hotline ticket is for the chief only");
    let (mut chief, _) = Session::start(c.clone(), Some("chief"), 1, true).unwrap();
    assert_eq!(scene(&chief), "street", "the chief starts in the street");
    chief.choose("calm_down").unwrap();
    assert!(offers(&chief).iter().any(|(id, _)| id == "chief_only"));
    let mut press = press;
    press.choose("post").unwrap();
    assert!(!offers(&press).iter().any(|(id, _)| id == "chief_only"));
    assert_eq!(press.choose("chief_only"), Err(EngineError::NotOffered("chief_only".into())));
    chief.choose("chief_only").unwrap();
    assert_eq!(c.scenario.endings[chief.ending().unwrap()].id, "chief_end", "endings are filtered by role");
}

#[test]
fn hidden_and_greyed_out_choices() {
    let c = two_roles();
    let mut s = start(&c, "press", 1);
    s.choose("wait").unwrap();
    assert_eq!(offers(&s), vec![("apologise".into(), true), ("explain".into(), false)], "explain greyed out, secret hidden");
    assert_eq!(s.choose("explain"), Err(EngineError::Disabled("explain".into())));
    assert_eq!(s.choose("secret"), Err(EngineError::NotOffered("secret".into())));
    let mut s = start(&c, "press", 1);
    s.choose("post").unwrap(); // heat 30: still not below 20
    assert!(!offers(&s).iter().any(|(id, _)| id == "secret"));
}

#[test]
fn contract_errors_are_named_never_panics() {
    let c = two_roles();
    assert_eq!(Session::start(c.clone(), Some("mayor"), 1, true).err(), Some(EngineError::UnknownRole("mayor".into())));
    let mut s = start(&c, "press", 1);
    assert_eq!(s.choose("nonsense"), Err(EngineError::UnknownChoice("nonsense".into())));
    assert_eq!(s.choose("apologise"), Err(EngineError::NotOffered("apologise".into())), "a choice of another scene");
    s.choose("post").unwrap();
    assert_eq!(s.time_out(), Err(EngineError::NotOffered("timeout".into())), "this scene has no timer");
    s.choose("apologise").unwrap();
    assert!(s.is_over());
    assert_eq!(s.choose("apologise"), Err(EngineError::Ended));
    assert_eq!(s.time_out(), Err(EngineError::Ended));
    assert_eq!(s.elapse(1000), Err(EngineError::Ended));
    assert_eq!(s.choose_index(usize::MAX), Err(EngineError::Ended));
    let mut s = start(&c, "press", 1);
    assert!(matches!(s.choose_index(usize::MAX), Err(EngineError::NotOffered(_))));
}

#[test]
fn save_and_resume_mid_run_continues_identically() {
    let c = two_roles();
    for seed in 0..30 {
        let mut whole = start(&c, "press", seed);
        let mut first = start(&c, "press", seed);
        whole.elapse(1_500).unwrap();
        first.elapse(1_500).unwrap();
        whole.choose("delete").unwrap();
        first.choose("delete").unwrap();
        // Save to JSON and back, as a crash-safe autosave would.
        let json = serde_json::to_string(&first.state()).unwrap();
        let saved: SessionState = serde_json::from_str(&json).unwrap();
        let mut resumed = Session::resume(c.clone(), &saved).unwrap();
        assert_eq!(resumed.state(), first.state());
        let next = offers(&whole)[0].0.clone();
        whole.choose(&next).unwrap();
        resumed.choose(&next).unwrap();
        assert_eq!(resumed.state(), whole.state(), "seed {seed}");
    }
}

#[test]
fn a_save_is_refused_on_other_content() {
    let c = two_roles();
    let s = start(&c, "press", 1);
    let mut st = s.state();
    st.content_hash = "0000000000000000".into();
    assert!(matches!(Session::resume(c.clone(), &st), Err(EngineError::State(_))));
    // …but carries over to an edited scenario when its scene still exists (hot reload).
    let carried = Session::carry_over(c.clone(), &st).unwrap();
    assert_eq!(scene(&carried), "desk");
    st.position = Position::Scene("gone".into());
    assert!(Session::carry_over(c, &st).is_err());
}

#[test]
fn transcripts_replay_to_the_same_result() {
    let c = two_roles();
    for seed in 0..10 {
        let mut s = start(&c, "press", seed);
        s.elapse(2_000).unwrap();
        s.choose("delete").unwrap();
        let next = offers(&s)[0].0.clone();
        s.elapse(700).unwrap();
        s.choose(&next).unwrap();
        let t = Transcript::of(&s.state(), s.is_over());
        let json = serde_json::to_string(&t).unwrap();
        let back: Transcript = serde_json::from_str(&json).unwrap();
        let replayed = back.replay(c.clone(), |_, _| {}).unwrap();
        assert_eq!(replayed.state(), s.state());
    }
    // A timed-out decision replays as a time-out.
    let mut s = start(&c, "press", 3);
    s.elapse(60_000).unwrap();
    let t = Transcript::of(&s.state(), false);
    assert_eq!(t.decisions[0].choice, None);
    assert_eq!(t.replay(c.clone(), |_, _| {}).unwrap().state(), s.state());
}

#[test]
fn exploration_finds_ranges_and_best_and_worst_play() {
    let c = two_roles();
    let scoring = Scoring::for_role(&c, Some("press")).unwrap();
    // law: at best post (+1) then apologise (+1), since explain needs trust 60; at worst delete
    // (-3) and the unlucky draw (-1), then the trending redirect skips the crowd.
    // speed: at best post (+2); at worst silence (-2) then the press conference (+1), or wait (-1).
    let law = c.competency_index("law").unwrap();
    let speed = c.competency_index("speed").unwrap();
    assert_eq!(scoring.ranges[law], (-4, 2));
    assert_eq!(scoring.ranges[speed], (-1, 2));
    let mut e = scoring.explorer(&c);
    let s = start(&c, "press", 1);
    assert_eq!(e.pick(Aim::Best, s.run()), Some(c.choice_index("post")));
    assert_eq!(e.pick(Aim::Worst, s.run()), Some(c.choice_index("delete")));
    let mut fresh = Explorer::new(&c);
    assert!(fresh.ranges(s.run()).is_ok());
}

#[test]
fn a_dead_end_is_an_event_after_the_decision_not_an_error_that_loses_it() {
    let c = compiled("tests/engine/dead_end.ron");
    let mut s = start(&c, "clerk", 1);
    let events = s.choose("delete").expect("a decision that leads to a dead end is still taken");
    let s2 = c.scene_index("s2").unwrap();
    assert_eq!(events.last(), Some(&Event::Stuck { scene: s2 }), "{events:?}");
    assert!(events.iter().any(|e| matches!(e, Event::ScoreChanged { .. })), "the decision's own events are kept");
    assert_eq!(s.run().decisions.len(), 1, "and it is written down");
    assert_eq!(s.stuck(), Some(s2));
    assert!(!s.is_over());
    // The transcript of a stuck run replays to the same place, incomplete.
    let t = Transcript::of(&s.state(), false);
    let again = t.replay(c.clone(), |_, _| ()).expect("a stuck run replays");
    assert_eq!(again.stuck(), Some(s2));
    // Going on is refused, with a message in the user's language that says what to do.
    let e = s.choose("close").unwrap_err();
    assert!(matches!(e, EngineError::NotOffered(_) | EngineError::Disabled(_)), "{e:?}");
    use shapan::i18n::Localize;
    assert!(EngineError::Stuck.message().render(shapan::lang::Lang::ZH_CN).contains("场景作者"));
    // The other road is not stuck.
    let mut ok = start(&c, "clerk", 1);
    let events = ok.choose("reply").unwrap();
    assert!(!events.iter().any(|e| matches!(e, Event::Stuck { .. })));
    assert_eq!(ok.stuck(), None);
}

#[test]
fn crossing_a_red_line_caps_the_grade_whatever_the_points_and_the_debrief_names_it() {
    use shapan::engine::debrief::Debrief;
    use shapan::scenario::model::Grade;
    let c = compiled("tests/engine/red_line.ron");
    let scoring = Scoring::for_role(&c, None).unwrap();
    let play = |first: Option<&str>| {
        let mut s = start(&c, "duty", 1);
        match first {
            Some(id) => drop(s.choose(id).unwrap()),
            None => drop(s.elapse(61_000).unwrap()),
        }
        s.choose("close").unwrap();
        s
    };
    let deleted = play(Some("delete"));
    assert_eq!(scoring.total(&deleted.run().scores), 100.0, "the most points of any road");
    assert_eq!(deleted.red_lines().len(), 1);
    assert_eq!(deleted.grade(&scoring), Grade::Fail, "yet never above Needs work");
    let honest = play(Some("explain"));
    assert!(honest.red_lines().is_empty());
    assert_eq!(honest.grade(&scoring), Grade::Pass, "fewer points, an honest grade");
    let silent = play(None);
    let crossed = silent.red_lines();
    assert_eq!((crossed.len(), crossed[0].choice), (1, None), "silence can cross a line too");
    assert_eq!(silent.grade(&scoring), Grade::Fail);
    let d = Debrief::build(&c, &Transcript::of(&deleted.state(), true), &scoring).unwrap();
    assert_eq!((d.grade, d.red_lines.len()), (Grade::Fail, 1));
    assert_eq!(d.red_lines[0].choice, c.choice_index("delete"));
}

#[test]
fn best_play_and_the_better_road_never_cross_a_red_line() {
    use shapan::engine::debrief::Debrief;
    let c = compiled("tests/engine/red_line.ron");
    let scoring = Scoring::for_role(&c, None).unwrap();
    let s = start(&c, "duty", 1);
    // Deleting the post brings the most points, yet best play explains what happened.
    assert_eq!(scoring.explorer(&c).pick(Aim::Best, s.run()), Some(c.choice_index("explain")));
    assert_eq!(scoring.explorer(&c).pick(Aim::Worst, s.run()), Some(None), "silence is worst, and open to worst play");
    let mut silent = start(&c, "duty", 1);
    silent.elapse(61_000).unwrap();
    silent.choose("close").unwrap();
    let d = Debrief::build(&c, &Transcript::of(&silent.state(), true), &scoring).unwrap();
    let better = d.path[0].better.as_ref().expect("a better decision than silence");
    assert_eq!(better.choice, c.choice_index("explain"), "not the red line that scores more");
}

/// Plays the first role of a scenario the way best or worst play would, and builds its debrief.
fn debrief_by(rel: &str, aim: Aim) -> (Arc<Compiled>, shapan::engine::debrief::Debrief) {
    let c = compiled(rel);
    let role = c.scenario.roles[0].id.clone();
    let scoring = Scoring::for_role(&c, Some(&role)).unwrap();
    let mut s = start(&c, &role, 1);
    let mut e = scoring.explorer(&c);
    while !s.is_over() {
        match e.pick(aim, s.run()) {
            Some(Some(ix)) => drop(s.choose_index(ix).unwrap()),
            Some(None) => drop(s.time_out().unwrap()),
            None => break,
        }
    }
    let d = shapan::engine::debrief::Debrief::build(&c, &Transcript::of(&s.state(), true), &scoring).unwrap();
    (c, d)
}

#[test]
fn each_decision_is_rated_and_the_worst_road_has_three_turning_points_the_best_none() {
    use shapan::engine::rating::Rating;
    let (c, worst) = debrief_by("scenarios/online_media/canteen_rumour.ron", Aim::Worst);
    assert!(worst.path.iter().all(|s| s.rating.is_some()), "every decision of a library scenario is rated");
    for step in &worst.path {
        let crossed = shapan::engine::score::red_line(&c, step.scene, step.choice).is_some();
        assert_eq!(step.rating == Some(Rating::RedLine), crossed, "a red line is named as such, never otherwise");
    }
    assert!(worst.path.iter().filter(|s| s.rating == Some(Rating::Poor)).count() >= 5, "worst play is mostly poor: {:?}", worst.path);
    let turning = worst.turning_points();
    assert_eq!(turning.len(), 3, "three lessons from the worst road");
    let loss = |i: usize| worst.path[i].better.as_ref().map_or(0.0, |b| b.gain);
    assert!(loss(turning[0]) >= loss(turning[1]) && loss(turning[1]) >= loss(turning[2]), "largest loss first");
    let largest = (0..worst.path.len()).map(loss).fold(0.0, f64::max);
    assert_eq!(loss(turning[0]), largest, "the largest loss of the run leads");
    assert!(turning.iter().all(|&i| worst.path[i].rating != Some(Rating::Good)));
    let (_, best) = debrief_by("scenarios/online_media/canteen_rumour.ron", Aim::Best);
    assert!(best.path.iter().all(|s| s.rating == Some(Rating::Good)), "best play is sound throughout: {:?}", best.path);
    assert!(best.turning_points().is_empty(), "a run that lost nothing has no lessons invented for it");
}
