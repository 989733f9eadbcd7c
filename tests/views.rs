//! The views, one screen at a time: each view function is driven headless with egui_kittest and
//! read through AccessKit, by the labels a screen reader would hear, never by pixels. Each test
//! asserts what the screen shows (exact labels present or absent) and what a click or a key gives
//! back (the exact `Intent`), in Chinese (the default interface language), in English, and in
//! projector mode. Text painted without a widget (the debrief's competency chart, vote bars, the
//! map's boxes) has no label and is not read here.
#![cfg(feature = "gui")]

use bevy_egui::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::{AccessKitNode, NodeT, Queryable};
use egui_kittest::{Harness, Node};
use shapan::app::class::{ClassIntent, Classroom};
use shapan::app::flow::{ActiveRun, DebriefJob, FeedbackMode, Intent, PlayView, Screen, Settings, SetupForm, take};
use shapan::app::library::Library;
use shapan::app::map::Maps;
use shapan::app::notice::{Level, Notice};
use shapan::app::tasks::Job;
use shapan::app::theme;
use shapan::app::views;
use shapan::engine::class::Comparison;
use shapan::engine::debrief::Debrief;
use shapan::engine::score::Scoring;
use shapan::engine::transcript::Transcript;
use shapan::engine::{Compiled, Session};
use shapan::i18n::Message;
use shapan::lang::Lang;
use shapan::records::{DecisionRow, Records, RedLineRow, RunDetail, RunInfo, RunRow, ScoreRow};
use shapan::scenario::Scenario;
use std::path::PathBuf;
use std::sync::Arc;

const TUTORIAL: &str = "scenarios/tutorial/water_rumour_quick.ron";
const TUTORIAL_TITLE: &str = "停水谣言（入门示例）";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn settings(lang: Lang, projector: bool) -> Settings {
    Settings { lang, text_scale: 1.0, dark: false, projector }
}

/// What a view test keeps between frames: the settings, the theme as last applied, what the view
/// asked for, and the view's own data.
struct Seen<S> {
    settings: Settings,
    applied: theme::Applied,
    intents: Vec<Intent>,
    data: S,
}

/// A window of `size` points showing `view` with the app's theme (fonts, sizes, projector
/// contrast) installed as the chrome installs it; every intent the view returns is kept.
fn harness<'a, S: 'a>(
    size: (f32, f32),
    settings: Settings,
    data: S,
    mut view: impl FnMut(&mut egui::Ui, &mut S, &Settings) -> Option<Intent> + 'a,
) -> Harness<'a, Seen<S>> {
    Harness::builder().with_size(egui::vec2(size.0, size.1)).build_ui_state(
        move |ui, seen: &mut Seen<S>| {
            theme::keep(ui.ctx(), &mut seen.applied, &seen.settings);
            let settings = seen.settings.clone();
            if let Some(i) = view(ui, &mut seen.data, &settings) {
                seen.intents.push(i);
            }
        },
        Seen { settings, applied: None, intents: Vec::new(), data },
    )
}

const DESK: (f32, f32) = (1280.0, 800.0);
/// A 4:3 projector, where the feed column gives way.
const PROJECTOR_4_3: (f32, f32) = (1024.0, 768.0);

/// What a node says: a label's text (AccessKit keeps it as the value) or a widget's label, with
/// the line breaks the Chinese typesetter inserts taken out.
fn text_of(n: &AccessKitNode<'_>) -> Option<String> {
    let t = if n.role() == Role::Label { n.value() } else { n.label() };
    t.map(|t| t.replace('\n', ""))
}

/// Every node saying exactly `text` (line breaks aside).
fn all<'h, S>(h: &'h Harness<'_, S>, text: &str) -> Vec<Node<'h>> {
    let want = text.replace('\n', "");
    h.query_all_by(move |n| text_of(n).is_some_and(|t| t == want)).collect()
}

/// The one node saying exactly `text`.
#[track_caller]
fn one<'h, S>(h: &'h Harness<'_, S>, text: &str) -> Node<'h> {
    let mut found = all(h, text);
    assert_eq!(found.len(), 1, "expected exactly one node saying {text:?}, found {}:\n{:#?}", found.len(), h.root());
    found.remove(0)
}

/// The one button saying exactly `text`.
#[track_caller]
fn button<'h, S>(h: &'h Harness<'_, S>, text: &str) -> Node<'h> {
    let node = one(h, text);
    assert_eq!(node.accesskit_node().role(), Role::Button, "{text:?} is not a button");
    node
}

#[track_caller]
fn shows<S>(h: &Harness<'_, S>, text: &str) {
    one(h, text);
}

#[track_caller]
fn hides<S>(h: &Harness<'_, S>, text: &str) {
    assert!(all(h, text).is_empty(), "{text:?} should not be shown");
}

/// Whether any node's text contains `part`.
fn mentions<S>(h: &Harness<'_, S>, part: &str) -> bool {
    let want = part.to_string();
    h.query_all_by(move |n| text_of(n).is_some_and(|t| t.contains(&want))).next().is_some()
}

/// Clicks the button saying `text` (scrolled into view first, as a user would) and returns what
/// the view asked for meanwhile.
#[track_caller]
fn click<S>(h: &mut Harness<'_, Seen<S>>, text: &str) -> Vec<Intent> {
    button(h, text).scroll_to_me();
    h.run();
    h.state_mut().intents.clear();
    button(h, text).click();
    h.run();
    std::mem::take(&mut h.state_mut().intents)
}

/// Every widget's role and whether it is enabled, in tree order: the shape of a screen without
/// its words. Text runs (one per laid-out row, so as many as the words take lines) are left out.
fn shape<S>(h: &Harness<'_, S>) -> Vec<(Role, bool)> {
    h.query_all_by(|n| n.role() != Role::TextRun).map(|n| (n.accesskit_node().role(), n.accesskit_node().is_disabled())).collect()
}

fn compiled(rel: &str) -> Arc<Compiled> {
    let l = shapan::scenario::load_path(&root().join(rel));
    assert_eq!(l.error_count(), 0, "{rel}: {:?}", l.diagnostics);
    Arc::new(Compiled::new(l.scenario.unwrap()))
}

fn scenario(rel: &str) -> Scenario {
    compiled(rel).scenario.clone()
}

/// A folder holding the tutorial and one file that cannot be read, for tests that must not see
/// the other scenarios.
fn library_with_broken(name: &str) -> (PathBuf, Library) {
    let dir = std::env::temp_dir().join(format!("shapan-views-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root().join(TUTORIAL), dir.join("water.ron")).unwrap();
    std::fs::copy(root().join("tests/fixtures/syntax-error.ron"), dir.join("broken.ron")).unwrap();
    let lib = Library::scan(&dir);
    (dir, lib)
}

// ---------------------------------------------------------------------------------------------
// Library

/// The library screen's own state: the search box, the interrupted run, the records problem.
#[derive(Default)]
struct LibraryState {
    search: String,
    interrupted: Option<(String, usize)>,
    problem: Option<String>,
    open_map: Option<PathBuf>,
}

fn library<'a>(size: (f32, f32), s: Settings, lib: &'a Library, maps: &'a Maps, state: LibraryState) -> Harness<'a, Seen<LibraryState>> {
    harness(size, s, state, move |ui, st, settings| {
        let notice = views::library::RecordsNotice {
            interrupted: st.interrupted.as_ref().map(|(t, n)| (t.as_str(), *n)),
            problem: st.problem.as_deref(),
        };
        egui::CentralPanel::default()
            .show(ui, |ui| views::library::show(ui, lib, settings, &mut st.search, &notice, maps, st.open_map.as_deref()))
            .inner
    })
}

#[test]
fn the_library_lists_every_scenario_by_title_under_its_category() {
    let lib = Library::scan(&root().join("scenarios"));
    let maps = Maps::default();
    let scenarios: Vec<_> = lib.entries.iter().filter_map(|e| e.loaded.scenario.as_ref()).collect();
    assert!(scenarios.len() >= 9, "the shipped scenarios load: {}", scenarios.len());
    // Tall enough that no card is scrolled away.
    let h = library((1280.0, 9000.0), settings(Lang::ZH_CN, false), &lib, &maps, LibraryState::default());
    shows(&h, "情景模拟案例库");
    shows(&h, "搜索：");
    for s in &scenarios {
        let title = button(&h, s.title.get("zh-CN"));
        assert!(!title.accesskit_node().is_disabled(), "{} can be opened", s.id);
    }
    for category in ["网络舆情", "社区矛盾", "发展规划", "廉洁自律", "应急处置"] {
        shows(&h, category);
    }
    hides(&h, "其他");
    hides(&h, "无法读取的文件");
    // The tutorial's card: length, difficulty, languages, summary and objectives.
    shows(&h, "单人 10 分钟，课堂 30 分钟 · 入门 · zh-CN / en");
    shows(&h, "• 先核实，再发布：不在情况不明时否认或沉默");
    shows(&h, "• 用居民听得懂的话回应关切");
}

#[test]
fn clicking_a_title_opens_that_scenario_and_nothing_else() {
    let lib = Library::scan(&root().join("scenarios/tutorial"));
    let maps = Maps::default();
    let mut h = library(DESK, settings(Lang::ZH_CN, false), &lib, &maps, LibraryState::default());
    assert!(h.state().intents.is_empty(), "showing the library asks for nothing");
    let intents = click(&mut h, TUTORIAL_TITLE);
    assert_eq!(intents, vec![Intent::OpenScenario(root().join(TUTORIAL))]);
}

#[test]
fn a_file_that_cannot_be_read_is_listed_with_its_diagnostics() {
    let (dir, lib) = library_with_broken("broken");
    let maps = Maps::default();
    let broken = lib.entries.iter().find(|e| e.loaded.scenario.is_none()).expect("the broken file is in the library");
    assert!(broken.loaded.error_count() > 0);
    let mut h = library(DESK, settings(Lang::ZH_CN, false), &lib, &maps, LibraryState::default());
    shows(&h, "无法读取的文件");
    shows(&h, &broken.path.display().to_string());
    button(&h, TUTORIAL_TITLE);
    // The count of errors heads a section that opens on the diagnostics themselves.
    let name = broken.path.display().to_string();
    let summary = shapan::scenario::render::summary(&name, broken.loaded.error_count(), broken.loaded.warning_count(), Lang::ZH_CN);
    let lines = broken.loaded.line_index();
    let rendered: Vec<String> =
        broken.loaded.diagnostics.iter().map(|d| shapan::scenario::render::render(d, &name, &lines, Lang::ZH_CN)).collect();
    assert!(rendered[0].contains("错误[syntax-error]"), "{}", rendered[0]);
    for r in &rendered {
        hides(&h, r);
    }
    assert!(click(&mut h, &summary).is_empty(), "opening the diagnostics asks for nothing");
    for r in &rendered {
        shows(&h, r);
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_scenario_with_errors_is_listed_but_cannot_be_opened() {
    let dir = std::env::temp_dir().join(format!("shapan-views-invalid-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root().join("tests/fixtures/dangling-reference.ron"), dir.join("dangling.ron")).unwrap();
    let lib = Library::scan(&dir);
    let maps = Maps::default();
    let entry = &lib.entries[0];
    let s = entry.loaded.scenario.as_ref().expect("the file parses");
    assert!(entry.loaded.playable().is_none());
    let mut h = library(DESK, settings(Lang::ZH_CN, false), &lib, &maps, LibraryState::default());
    let title = s.title.get(s.original_language()).to_string();
    assert!(button(&h, &title).accesskit_node().is_disabled());
    assert!(click(&mut h, &title).is_empty(), "a scenario with errors does not open");
    let summary = shapan::scenario::render::summary(
        &entry.path.display().to_string(),
        entry.loaded.error_count(),
        entry.loaded.warning_count(),
        Lang::ZH_CN,
    );
    button(&h, &summary);
    hides(&h, "无法读取的文件");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_interrupted_run_is_offered_and_its_buttons_resume_or_dismiss_it() {
    let lib = Library::scan(&root().join("scenarios/tutorial"));
    let maps = Maps::default();
    let offer = "上次的演练《停水谣言（入门示例）》没有完成（已作出 2 个决定）。";
    let h = library(DESK, settings(Lang::ZH_CN, false), &lib, &maps, LibraryState::default());
    hides(&h, offer);
    hides(&h, "从中断处继续");
    hides(&h, "不再提示");
    drop(h);
    let state = LibraryState { interrupted: Some((TUTORIAL_TITLE.into(), 2)), ..LibraryState::default() };
    let mut h = library(DESK, settings(Lang::ZH_CN, false), &lib, &maps, state);
    shows(&h, offer);
    assert_eq!(click(&mut h, "从中断处继续"), vec![Intent::ResumeInterrupted]);
    assert_eq!(click(&mut h, "不再提示"), vec![Intent::DismissInterrupted]);
    drop(h);
    let state = LibraryState { interrupted: Some((TUTORIAL_TITLE.into(), 2)), ..LibraryState::default() };
    let mut h = library(DESK, settings(Lang::EN, false), &lib, &maps, state);
    shows(&h, "The last run of “停水谣言（入门示例）” did not finish (2 decisions made).");
    assert_eq!(click(&mut h, "Continue where it stopped"), vec![Intent::ResumeInterrupted]);
    assert_eq!(click(&mut h, "Dismiss"), vec![Intent::DismissInterrupted]);
}

#[test]
fn a_records_problem_is_said_after_its_lead_in() {
    let lib = Library::scan(&root().join("scenarios/tutorial"));
    let maps = Maps::default();
    let state = LibraryState { problem: Some("磁盘已满".into()), ..LibraryState::default() };
    let h = library(DESK, settings(Lang::ZH_CN, false), &lib, &maps, state);
    shows(&h, "成绩数据库无法使用，本次演练不会被记录：磁盘已满");
}

#[test]
fn typing_in_the_search_box_filters_the_list() {
    let lib = Library::scan(&root().join("scenarios"));
    let maps = Maps::default();
    let other = lib
        .entries
        .iter()
        .filter_map(|e| e.loaded.scenario.as_ref())
        .find(|s| s.id != "water_rumour_quick")
        .map(|s| s.title.get("zh-CN").to_string())
        .unwrap();
    let mut h = library((1280.0, 9000.0), settings(Lang::ZH_CN, false), &lib, &maps, LibraryState::default());
    button(&h, &other);
    let search = h.get_by_role(Role::TextInput);
    search.focus();
    h.run();
    h.get_by_role(Role::TextInput).type_text("停水");
    h.run();
    assert_eq!(h.state().data.search, "停水");
    button(&h, TUTORIAL_TITLE);
    hides(&h, &other);
    hides(&h, "社区矛盾");
    // Title, summary and objectives are searched in each of the scenario's languages; the
    // competencies' descriptions are not.
    h.state_mut().data.search = "golden four hours".into();
    h.run();
    hides(&h, TUTORIAL_TITLE);
    h.state_mut().data.search = "Verify, then publish".into();
    h.run();
    button(&h, TUTORIAL_TITLE);
    h.state_mut().data.search = "没有这样的案例".into();
    h.run();
    hides(&h, TUTORIAL_TITLE);
    hides(&h, &other);
    hides(&h, "网络舆情");
    assert!(h.state().intents.is_empty(), "searching asks for nothing");
}

#[test]
fn the_library_speaks_english_and_shows_english_titles() {
    let lib = Library::scan(&root().join("scenarios/tutorial"));
    let maps = Maps::default();
    let mut h = library(DESK, settings(Lang::EN, false), &lib, &maps, LibraryState::default());
    shows(&h, "Scenario library");
    shows(&h, "Search:");
    shows(&h, "alone 10 min, class 30 min · Easy · zh-CN / en");
    hides(&h, TUTORIAL_TITLE);
    assert_eq!(click(&mut h, "The tap-water rumour (starter example)"), vec![Intent::OpenScenario(root().join(TUTORIAL))]);
}

#[test]
fn opening_a_map_asks_for_it() {
    let lib = Library::scan(&root().join("scenarios/tutorial"));
    let maps = Maps::default();
    let mut h = library(DESK, settings(Lang::ZH_CN, false), &lib, &maps, LibraryState::default());
    hides(&h, "正在走遍每一条路线……");
    assert!(h.state().intents.is_empty(), "a closed map is not explored");
    button(&h, "路线图：每一条路线走向哪里").click();
    // The spinner keeps asking for frames: step instead of running until idle.
    h.run_steps(2);
    shows(&h, "正在走遍每一条路线……");
    let wants: Vec<_> = h
        .state()
        .intents
        .iter()
        .map(|i| match i {
            Intent::WantMap(w) => w.key.clone(),
            other => panic!("only a map is asked for, not {other:?}"),
        })
        .collect();
    assert!(!wants.is_empty());
    assert!(wants.iter().all(|k| k.path == root().join(TUTORIAL) && k.role == 0 && k.lang == Lang::ZH_CN && k.current.is_none()));
}

#[test]
fn a_map_says_how_many_endings_the_role_reaches() {
    let c = compiled(TUTORIAL);
    let shown = shapan::app::map::make(&c, 0, Lang::ZH_CN, None);
    let (reached, all) = shown.endings;
    let h = harness(DESK, settings(Lang::ZH_CN, false), (), |ui, _, s| {
        views::map::show(ui, &shown, s.lang, 400.0);
        None
    });
    shows(&h, &format!("可达结局 {reached}/{all}"));
    assert_eq!((reached, all), (2, 2));
}

#[test]
fn the_library_renders_in_projector_mode() {
    let (dir, lib) = library_with_broken("projector");
    let maps = Maps::default();
    let state = LibraryState { interrupted: Some((TUTORIAL_TITLE.into(), 1)), ..LibraryState::default() };
    let h = library(PROJECTOR_4_3, settings(Lang::ZH_CN, true), &lib, &maps, state);
    shows(&h, "情景模拟案例库");
    button(&h, TUTORIAL_TITLE);
    button(&h, "从中断处继续");
    shows(&h, "无法读取的文件");
    std::fs::remove_dir_all(dir).unwrap();
}

// ---------------------------------------------------------------------------------------------
// Setup

struct SetupState {
    form: SetupForm,
    typing: views::setup::Typing,
}

fn setup(size: (f32, f32), s: Settings, scenario: &Scenario, form: SetupForm) -> Harness<'_, Seen<SetupState>> {
    let state = SetupState { form, typing: views::setup::Typing::default() };
    harness(size, s, state, move |ui, st, settings| {
        egui::CentralPanel::default()
            .show(ui, |ui| views::setup::show(ui, scenario, &st.form, &mut st.typing, settings, &Classroom::default()))
            .inner
    })
}

#[test]
fn setup_shows_the_scenario_the_role_and_its_briefing() {
    let s = scenario(TUTORIAL);
    let h = setup(DESK, settings(Lang::ZH_CN, false), &s, SetupForm::default());
    shows(&h, TUTORIAL_TITLE);
    shows(&h, s.summary.get("zh-CN"));
    for heading in ["选择角色", "练习方式", "反馈方式", "学员姓名", "小组"] {
        shows(&h, heading);
    }
    let role = one(&h, "社区值班干部");
    assert_eq!(role.accesskit_node().role(), Role::RadioButton);
    assert_eq!(role.accesskit_node().toggled(), Some(egui::accesskit::Toggled::True));
    shows(&h, "周六上午，你在社区居委会值班。书记外出开会，电话能打通。");
    button(&h, "开始演练");
    button(&h, "返回案例库");
    assert_eq!(h.get_all_by_role(Role::TextInput).count(), 2, "the trainee's name and the group");
}

#[test]
fn choosing_another_role_shows_its_briefing_only() {
    let s = scenario("scenarios/online_media/viral_video.ron");
    assert_eq!(s.roles.len(), 2);
    let (first, second) = (&s.roles[0], &s.roles[1]);
    let mut h = setup(DESK, settings(Lang::ZH_CN, false), &s, SetupForm::default());
    shows(&h, first.briefing.get("zh-CN"));
    hides(&h, second.briefing.get("zh-CN"));
    h.state_mut().intents.clear();
    one(&h, second.name.get("zh-CN")).click();
    h.run();
    assert_eq!(std::mem::take(&mut h.state_mut().intents), vec![Intent::ChooseRole(1)]);
    // The flow applies the intent to the form; the view follows the form.
    h.state_mut().data.form.role = 1;
    h.run();
    hides(&h, first.briefing.get("zh-CN"));
    shows(&h, second.briefing.get("zh-CN"));
}

#[test]
fn typing_the_trainee_name_sends_it() {
    let s = scenario(TUTORIAL);
    let mut h = setup(DESK, settings(Lang::ZH_CN, false), &s, SetupForm::default());
    h.get_all_by_role(Role::TextInput).next().unwrap().focus();
    h.run();
    h.state_mut().intents.clear();
    h.get_all_by_role(Role::TextInput).next().unwrap().type_text("李明");
    h.run();
    assert_eq!(std::mem::take(&mut h.state_mut().intents), vec![Intent::SetTrainee("李明".into())]);
    assert_eq!(h.state().data.typing.trainee, "李明");
    assert_eq!(h.get_all_by_role(Role::TextInput).next().unwrap().value().as_deref(), Some("李明"));
    // Enter confirms the name (or an input method's choice): it does not start the run.
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(!h.state().intents.contains(&Intent::Start), "{:?}", h.state().intents);
}

#[test]
fn the_start_button_and_enter_start_the_run() {
    let s = scenario(TUTORIAL);
    let mut h = setup(DESK, settings(Lang::ZH_CN, false), &s, SetupForm::default());
    assert_eq!(click(&mut h, "开始演练"), vec![Intent::Start]);
    assert_eq!(click(&mut h, "返回案例库"), vec![Intent::ToLibrary]);
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(std::mem::take(&mut h.state_mut().intents), vec![Intent::Start]);
}

#[test]
fn class_mode_and_feedback_mode_are_chosen_with_their_radio_buttons() {
    let s = scenario(TUTORIAL);
    let mut h = setup(DESK, settings(Lang::ZH_CN, false), &s, SetupForm::default());
    let class = "课堂集体决策（投屏、举手投票、导师控制）";
    h.state_mut().intents.clear();
    one(&h, class).click();
    h.run();
    assert_eq!(std::mem::take(&mut h.state_mut().intents), vec![Intent::SetClassMode(true)]);
    one(&h, "只在复盘时反馈").click();
    h.run();
    assert_eq!(std::mem::take(&mut h.state_mut().intents), vec![Intent::SetFeedbackMode(FeedbackMode::DebriefOnly)]);
    // A class has no trainee name, only its group.
    h.state_mut().data.form.class = true;
    h.run();
    hides(&h, "学员姓名");
    shows(&h, "班级或小组");
    assert_eq!(h.get_all_by_role(Role::TextInput).count(), 1);
    assert_eq!(one(&h, class).accesskit_node().toggled(), Some(egui::accesskit::Toggled::True));
}

#[test]
fn a_group_from_the_command_line_fills_the_group_field() {
    let s = scenario(TUTORIAL);
    let form = SetupForm { group: "三班".into(), ..SetupForm::default() };
    let h = setup(DESK, settings(Lang::ZH_CN, false), &s, form);
    let values: Vec<_> = h.get_all_by_role(Role::TextInput).map(|n| n.value().unwrap_or_default()).collect();
    assert_eq!(values, ["", "三班"]);
}

#[test]
fn setup_speaks_english() {
    let s = scenario(TUTORIAL);
    let mut h = setup(DESK, settings(Lang::EN, false), &s, SetupForm::default());
    shows(&h, "The tap-water rumour (starter example)");
    shows(&h, "Community duty officer");
    shows(&h, "Choose your role");
    assert_eq!(click(&mut h, "Start"), vec![Intent::Start]);
}

#[test]
fn setup_renders_in_projector_mode() {
    let s = scenario(TUTORIAL);
    let mut h = setup(PROJECTOR_4_3, settings(Lang::ZH_CN, true), &s, SetupForm::default());
    shows(&h, TUTORIAL_TITLE);
    assert_eq!(click(&mut h, "开始演练"), vec![Intent::Start]);
}

// ---------------------------------------------------------------------------------------------
// Play

/// A run and what the play screen shows of it, as the flow keeps them.
struct Live {
    run: ActiveRun,
    view: PlayView,
}

impl Live {
    fn with_class(self) -> Live {
        Live { run: self.run.with_class(), ..self }
    }
}

/// A run of `file` just started, as the flow starts it.
fn started(file: &str, seed: u64) -> Live {
    let c = compiled(file);
    let (session, events) = Session::start(c.clone(), None, seed, true).unwrap();
    let run = ActiveRun::new(root().join(file), c, session, ("李明".into(), "一班".into()), FeedbackMode::AfterEachChoice);
    let mut view = PlayView::default();
    view.absorb(&run, &events);
    Live { run, view }
}

/// A run of the tutorial just started.
fn active(seed: u64) -> Live {
    started(TUTORIAL, seed)
}

fn choose(run: &mut ActiveRun, view: &mut PlayView, id: &str) {
    let ix = run.compiled.choice_index(id).unwrap();
    let events = match run.class.as_mut() {
        Some(class) => class.choose(&mut run.session, ix).unwrap(),
        None => run.session.choose_index(ix).unwrap(),
    };
    take(run, view, &events);
}

struct PlayState {
    run: ActiveRun,
    view: PlayView,
    room: Classroom,
    paused: bool,
}

fn play(size: (f32, f32), s: Settings, live: Live, room: Classroom) -> Harness<'static, Seen<PlayState>> {
    harness(size, s, PlayState { run: live.run, view: live.view, room, paused: false }, |ui, st, settings| {
        let room = views::play::Room { classroom: &st.room, paused: st.paused };
        views::play::show(ui, &st.run, &st.view, None, settings, &room)
    })
}

const CHOICE_1: &str = "1. 先给水务公司打电话核实情况";
const CHOICE_2: &str = "2. 马上在群里说“纯属谣言，大家放心喝”";

#[test]
fn play_shows_the_scene_its_speaker_the_feed_the_meters_and_every_choice() {
    let h = play(DESK, settings(Lang::ZH_CN, false), active(1), Classroom::default());
    let run = &h.state().data.run;
    let scene = &run.compiled.scenario.scenes[run.session.scene().unwrap()];
    shows(&h, TUTORIAL_TITLE);
    shows(&h, "社区值班干部");
    shows(&h, "情景时间 09:00");
    shows(&h, "王阿姨（楼栋长）");
    shows(&h, scene.text.get("zh-CN"));
    // The post of the first scene, looking like its channel.
    shows(&h, "舆情与信息");
    shows(&h, "微信群");
    shows(&h, "3号楼 张姐");
    shows(&h, "紧急扩散！自来水厂出事了，水有毒千万别喝！！");
    // The meters and the countdown.
    shows(&h, "态势");
    shows(&h, "居民恐慌");
    shows(&h, "居民信任");
    shows(&h, "剩余 90 秒");
    // Every choice, numbered, as a button that can be pressed.
    let offers = run.session.offers();
    assert_eq!(offers.len(), 2);
    for label in [CHOICE_1, CHOICE_2] {
        assert!(!button(&h, label).accesskit_node().is_disabled());
    }
    shows(&h, "按数字键 1-9 也可以选择");
    hides(&h, "已暂停");
    hides(&h, "结束演练，查看复盘");
    assert!(h.state().intents.is_empty());
}

#[test]
fn clicking_a_choice_or_pressing_its_number_chooses_it() {
    let mut h = play(DESK, settings(Lang::ZH_CN, false), active(1), Classroom::default());
    let c = h.state().data.run.compiled.clone();
    let call = c.choice_index("call_water_company").unwrap();
    let deny = c.choice_index("deny_at_once").unwrap();
    assert_eq!(click(&mut h, CHOICE_1), vec![Intent::Choose(call)]);
    assert_eq!(click(&mut h, CHOICE_2), vec![Intent::Choose(deny)]);
    h.key_press(egui::Key::Num2);
    h.run();
    assert_eq!(std::mem::take(&mut h.state_mut().intents), vec![Intent::Choose(deny)]);
    // No third choice to press.
    h.key_press(egui::Key::Num3);
    h.run();
    assert!(h.state().intents.is_empty());
}

#[test]
fn a_choice_whose_condition_fails_is_greyed_out_and_not_numbered() {
    // Denying at once leads by chance to the facts, without having checked them: find a seed
    // that goes that way.
    let run = (0..200)
        .map(|seed| {
            let mut live = active(seed);
            choose(&mut live.run, &mut live.view, "deny_at_once");
            live
        })
        .find(|l| l.run.session.scene().is_some_and(|i| l.run.compiled.scenario.scenes[i].id == "facts_in_hand"))
        .expect("some seed reaches the facts without checking them");
    let mut run = run;
    run.view.read();
    let mut h = play(DESK, settings(Lang::ZH_CN, false), run, Classroom::default());
    let c = h.state().data.run.compiled.clone();
    let greyed = "在群里发通俗说明，附检测报告，并上门看望独居老人";
    assert!(button(&h, greyed).accesskit_node().is_disabled());
    assert!(click(&mut h, greyed).is_empty(), "a greyed-out choice does nothing");
    assert_eq!(click(&mut h, "1. 只转发一份措辞正式的官方通报"), vec![Intent::Choose(c.choice_index("official_notice_only").unwrap())]);
}

#[test]
fn after_a_choice_its_feedback_is_read_before_going_on() {
    let mut run = active(1);
    choose(&mut run.run, &mut run.view, "call_water_company");
    let mut h = play(DESK, settings(Lang::ZH_CN, false), run, Classroom::default());
    shows(&h, "决定：先给水务公司打电话核实情况");
    shows(&h, "反馈");
    shows(&h, "先核实是对的。水务公司说昨夜管网检修，短时水黄属正常，水质检测合格。");
    hides(&h, CHOICE_1);
    // The meter moved: panic rose by 5 (up, and bad).
    shows(&h, "▲ +5");
    hides(&h, "▼ +5");
    assert_eq!(click(&mut h, "继续"), vec![Intent::Continue]);
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(std::mem::take(&mut h.state_mut().intents), vec![Intent::Continue]);
}

/// A run that reached a scene with no choice and no timer (its feedback read).
fn dead_end() -> Live {
    let mut live = started("tests/engine/dead_end.ron", 1);
    choose(&mut live.run, &mut live.view, "delete");
    assert!(live.run.session.stuck().is_some());
    live.view.read();
    live
}

#[test]
fn a_dead_end_replaces_the_choices_with_its_message_and_a_way_to_end() {
    let mut h = play(DESK, settings(Lang::ZH_CN, false), dead_end(), Classroom::default());
    shows(&h, &shapan::t!(Lang::ZH_CN, "error-engine-stuck-event"));
    hides(&h, CHOICE_1);
    hides(&h, CHOICE_2);
    hides(&h, "按数字键 1-9 也可以选择");
    assert_eq!(click(&mut h, "结束演练，查看复盘"), vec![Intent::Class(ClassIntent::SkipToDebrief)]);
    // Number keys choose nothing either.
    h.key_press(egui::Key::Num1);
    h.run();
    assert!(h.state().intents.is_empty());
    drop(h);
    let mut h = play(DESK, settings(Lang::EN, false), dead_end(), Classroom::default());
    shows(&h, &shapan::t!(Lang::EN, "error-engine-stuck-event"));
    assert_eq!(click(&mut h, "End the run and see the debrief"), vec![Intent::Class(ClassIntent::SkipToDebrief)]);
}

#[test]
fn a_class_votes_with_its_keys_so_digits_choose_nothing_on_the_play_screen() {
    let run = active(1).with_class();
    let mut h = play(DESK, settings(Lang::ZH_CN, false), run, Classroom::default());
    shows(&h, "集体决策 · 一班");
    shows(&h, "第一轮（第一反应） · 已投票 0/30");
    shows(&h, "数字键 1-9 为该选项加一票（Shift 减一票），V 开始第二轮，Enter 按多数决定，H 查看全部快捷键");
    h.key_press(egui::Key::Num1);
    h.run();
    assert!(h.state().intents.is_empty(), "the class plugin counts the vote, not the view");
    let call = h.state().data.run.compiled.choice_index("call_water_company").unwrap();
    assert_eq!(click(&mut h, CHOICE_1), vec![Intent::Choose(call)]);
}

#[test]
fn the_pause_is_shown() {
    let mut h = play(DESK, settings(Lang::ZH_CN, false), active(1), Classroom::default());
    h.state_mut().data.paused = true;
    h.run();
    shows(&h, "已暂停");
}

#[test]
fn play_speaks_english() {
    let mut h = play(DESK, settings(Lang::EN, false), active(1), Classroom::default());
    shows(&h, "The tap-water rumour (starter example)");
    shows(&h, "Scenario time 09:00");
    shows(&h, "Auntie Wang (Building representative)");
    shows(&h, "Situation");
    hides(&h, CHOICE_1);
    let call = h.state().data.run.compiled.choice_index("call_water_company").unwrap();
    assert_eq!(click(&mut h, "1. Call the water company first to check"), vec![Intent::Choose(call)]);
}

#[test]
fn play_renders_in_projector_mode_with_meters_and_consequences_held_back() {
    let mut h = play(PROJECTOR_4_3, settings(Lang::ZH_CN, true), active(1).with_class(), Classroom::default());
    // Meters wait for the instructor; on a 4:3 image the newest post sits above the scene.
    hides(&h, "态势");
    hides(&h, "舆情与信息");
    assert!(mentions(&h, "紧急扩散！自来水厂出事了"), "the newest post on one line above the scene");
    button(&h, CHOICE_1);
    button(&h, CHOICE_2);
    h.state_mut().data.room.show_meters = true;
    h.run();
    shows(&h, "态势");
    // After a decision the consequences wait to be revealed.
    let data = &mut h.state_mut().data;
    choose(&mut data.run, &mut data.view, "call_water_company");
    h.run();
    shows(&h, "先讨论，再看后果");
    hides(&h, "先核实是对的。水务公司说昨夜管网检修，短时水黄属正常，水质检测合格。");
    assert_eq!(click(&mut h, "查看后果"), vec![Intent::Class(ClassIntent::Reveal)]);
    h.state_mut().data.view.revealed = true;
    h.run();
    shows(&h, "先核实是对的。水务公司说昨夜管网检修，短时水黄属正常，水质检测合格。");
}

#[test]
fn play_renders_on_a_wide_projector() {
    let mut h = play((1920.0, 1080.0), settings(Lang::ZH_CN, true), active(1), Classroom { show_meters: true, ..Classroom::default() });
    shows(&h, "态势");
    shows(&h, "舆情与信息");
    let call = h.state().data.run.compiled.choice_index("call_water_company").unwrap();
    assert_eq!(click(&mut h, CHOICE_1), vec![Intent::Choose(call)]);
}

/// Every scenario file of the library.
fn library_files() -> Vec<String> {
    let mut out = Vec::new();
    for cat in std::fs::read_dir(root().join("scenarios")).unwrap() {
        let cat = cat.unwrap().path();
        if !cat.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&cat).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "ron") {
                out.push(f.strip_prefix(root()).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

/// A class run of `file` placed at scene `scene` for the role that sees most of its choices.
fn class_at(file: &str, scene: &str) -> Live {
    let c = compiled(file);
    let roles: Vec<String> = c.scenario.roles.iter().map(|r| r.id.clone()).collect();
    let sessions = roles.iter().filter_map(|role| {
        let (session, _) = Session::start(c.clone(), Some(role), 1, true).ok()?;
        let mut state = session.state();
        state.position = shapan::engine::state::Position::Scene(scene.to_string());
        Session::resume(c.clone(), &state).ok()
    });
    let session = sessions.max_by_key(|s| s.offers().len()).expect("some role can stand in the scene");
    let run = ActiveRun::new(root().join(file), c, session, ("".into(), "一班".into()), FeedbackMode::AfterEachChoice).with_class();
    let view = PlayView::rebuild(&run);
    Live { run, view }
}

/// Every scene of the library where a choice is made.
fn every_decision_scene() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for file in library_files() {
        let c = compiled(&file);
        out.extend(c.scenario.scenes.iter().filter(|s| s.choices.len() >= 2).map(|s| (file.clone(), s.id.clone())));
    }
    out
}

#[test]
fn while_a_class_votes_the_question_and_every_choice_with_its_votes_fit_the_projector() {
    // Every decision scene of the library, the longest included, at the usual projector sizes,
    // and in English (longer on screen) at the smallest.
    let cases = every_decision_scene();
    assert!(cases.len() > 150, "{}", cases.len());
    let mut off = Vec::new();
    for (w, h, lang) in
        [(1280.0, 720.0, Lang::ZH_CN), (1024.0, 768.0, Lang::ZH_CN), (1920.0, 1080.0, Lang::ZH_CN), (1280.0, 720.0, Lang::EN)]
    {
        for (file, scene) in &cases {
            let mut live = class_at(file, scene);
            // Mid-discussion: the first round closed, the final round being counted.
            let n = live.run.class.as_ref().and_then(|c| c.vote.as_ref()).map(|v| v.choices.len()).unwrap();
            if n == 0 {
                continue;
            }
            let vote = live.run.class.as_mut().and_then(|c| c.vote.as_mut()).unwrap();
            for k in 0..n {
                vote.set(k, 3 + 2 * k as u32);
            }
            assert!(vote.second_round());
            vote.set(n - 1, 14);
            // The play screen below the app's own bar, as the window shows it.
            let state = PlayState { run: live.run, view: live.view, room: Classroom::default(), paused: false };
            let mut harness = harness((w, h), settings(lang, true), state, |ui, st, settings| {
                egui::Panel::top("settings-bar").show(ui, |ui| shapan::app::ui::settings_bar(ui, settings, Some("一班")));
                let room = views::play::Room { classroom: &st.room, paused: st.paused };
                views::play::show(ui, &st.run, &st.view, None, settings, &room)
            });
            harness.run();
            let laid: views::play::LaidOut =
                harness.ctx.data(|d| d.get_temp(egui::Id::new(views::play::LAID_OUT))).expect("the play view says where it drew");
            let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w, h));
            let what = format!("{file} {scene} at {w}x{h} in {}", lang.code());
            if !screen.contains_rect(laid.question) {
                off.push(format!("{what}: the question, {:?}", laid.question));
            }
            assert_eq!(laid.choices.len(), harness.state().data.run.session.offers().len(), "{what}");
            for (k, r) in laid.choices.iter().enumerate() {
                if !screen.contains_rect(*r) || r.height() < 20.0 {
                    off.push(format!("{what}: choice {}, {r:?}", k + 1));
                }
            }
        }
    }
    assert!(off.is_empty(), "{off:#?}");
}

#[test]
fn until_the_reveal_the_projector_shows_the_room_the_moment_before_the_decision() {
    // Every scenario of the library, down the road of its first and of its last options (most
    // decisions set off posts, move meters and the clock), for every role.
    let mut changed = 0;
    for file in library_files() {
        let c = compiled(&file);
        for role in &c.scenario.roles {
            for last in [false, true] {
                let (session, events) = Session::start(c.clone(), Some(&role.id), 3, true).unwrap();
                let run = ActiveRun::new(root().join(&file), c.clone(), session, ("".into(), "一班".into()), FeedbackMode::AfterEachChoice);
                let mut live = Live { run: run.with_class(), view: PlayView::default() };
                live.view.absorb(&live.run, &events);
                let seen = |s: &shapan::app::flow::Stage| (s.feed.clone(), s.meters.clone(), s.clock_ms);
                while live.run.session.scene().is_some() {
                    let before = live.view.stage(&live.run, true);
                    let offers = shapan::engine::class::votable(&live.run.session);
                    let Some(&ix) = (if last { offers.last() } else { offers.first() }) else { break };
                    let id = live.run.compiled.choice(ix).id.clone();
                    choose(&mut live.run, &mut live.view, &id);
                    assert!(!live.view.revealed, "{file} {id}: consequences wait");
                    let hidden = live.view.stage(&live.run, true);
                    assert_eq!(seen(&hidden), seen(&before), "{file} {id}: nothing of its consequences shows before the reveal");
                    assert_eq!((hidden.fresh, hidden.advanced_min), (0, None), "{file} {id}");
                    live.view.revealed = true;
                    let shown = live.view.stage(&live.run, true);
                    let now = live.run.session.run();
                    assert_eq!(
                        (shown.clock_ms, &shown.meters),
                        (now.clock_ms, &now.meters),
                        "{file} {id}: revealed, it is the run's state"
                    );
                    assert_eq!(shown.feed.len(), before.feed.len() + shown.fresh, "{file} {id}: the new posts are marked new");
                    if seen(&shown) != seen(&hidden) {
                        changed += 1;
                    }
                    // At the desk nothing is held back.
                    assert_eq!(live.view.stage(&live.run, false).clock_ms, now.clock_ms);
                    live.view.read();
                }
            }
        }
    }
    assert!(changed > 100, "most decisions change what the room sees: {changed}");
}

// ---------------------------------------------------------------------------------------------
// Debrief

/// The tutorial played through `choices`, and its debrief built as the app builds it.
fn played(choices: &[&str]) -> (Arc<Compiled>, Debrief) {
    played_in(TUTORIAL, choices)
}

/// `file` played through `choices`, and its debrief built as the app builds it.
fn played_in(file: &str, choices: &[&str]) -> (Arc<Compiled>, Debrief) {
    let c = compiled(file);
    let (mut s, _) = Session::start(c.clone(), None, 1, true).unwrap();
    for id in choices {
        s.choose(id).unwrap();
    }
    let scoring = Scoring::for_role(&c, None).unwrap();
    let d = Debrief::build(&c, &Transcript::of(&s.state(), s.is_over()), &scoring).unwrap();
    (c, d)
}

struct DebriefState {
    compiled: Arc<Compiled>,
    debrief: Debrief,
    room: Classroom,
    class: bool,
    /// The road not taken to compare with, from decision `at`.
    compare: Option<Comparison>,
}

fn debrief(size: (f32, f32), s: Settings, state: DebriefState) -> Harness<'static, Seen<DebriefState>> {
    harness(size, s, state, |ui, st, settings| {
        // As the debrief screen does: the view model made in the interface language each frame.
        let view = shapan::present::debrief::DebriefView::new(&st.debrief, &st.compiled, settings.lang);
        let compare = st.compare.as_ref().map(|cmp| views::class::CompareView::new(cmp, &st.compiled, settings.lang));
        let extra = views::debrief::ClassDebrief { class: st.class, room: &st.room, compare, predictions: Default::default() };
        egui::CentralPanel::default().show(ui, |ui| views::debrief::show(ui, &view, settings, &extra)).inner
    })
}

/// The best road: check with the water company, then tell residents plainly.
const BEST: [&str; 2] = ["call_water_company", "plain_notice"];

fn best() -> DebriefState {
    let (compiled, debrief) = played(&BEST);
    DebriefState { compiled, debrief, room: Classroom::default(), class: false, compare: None }
}

#[test]
fn the_debrief_shows_the_ending_the_grade_once_the_lessons_and_the_road_taken_folded() {
    let mut h = debrief(DESK, settings(Lang::ZH_CN, false), best());
    let total = h.state().data.debrief.total;
    assert!(total >= 70.0, "the best road scores well: {total}");
    shows(&h, "复盘｜停水谣言（入门示例）");
    shows(&h, "结局：风波平息");
    hides(&h, "结局：风波平息（优秀）");
    shows(&h, "当天中午，群里开始有人晒“放水后清亮”的照片，抢水停止了。");
    shows(&h, &format!("总分 {} · {}", shapan::present::debrief::points(total), h.state().data.debrief.grade.label(Lang::ZH_CN)));
    // The best road lost nothing: no lessons are invented for it.
    shows(&h, "转折点");
    shows(&h, "这一次没有哪个决定明显失分：每一步都接近当时最好的做法。");
    shows(&h, "能力得分");
    shows(&h, "态势变化");
    // Every decision, folded under its heading until opened.
    hides(&h, "先给水务公司打电话核实情况");
    click(&mut h, "全部决策");
    shows(&h, "先给水务公司打电话核实情况");
    shows(&h, "在群里发通俗说明，附检测报告，并上门看望独居老人");
    shows(&h, "第 1 个决定");
    assert_eq!(all(&h, "稳妥").len(), 2, "each decision rated before its text");
    shows(&h, "专家点评：实务里常说“快报事实、慎报原因”：先说确认了的，原因查清再说。");
    shows(&h, "总评");
    hides(&h, "回到某一步，走另一条路（B）");
    hides(&h, "显示成绩（S）");
    assert_eq!(click(&mut h, "再练一次"), vec![Intent::PlayAgain]);
    assert_eq!(click(&mut h, "返回案例库"), vec![Intent::ToLibrary]);
}

#[test]
fn a_red_line_crossed_is_named_before_the_ending_and_the_scores() {
    let (compiled, debrief_) = played_in("tests/engine/red_line.ron", &["delete", "close"]);
    let state = DebriefState { compiled, debrief: debrief_, room: Classroom::default(), class: false, compare: None };
    let h = debrief(DESK, settings(Lang::ZH_CN, false), state);
    let title = one(&h, "越过了红线：无论得分多少，本次评定不高于“待改进”").rect();
    shows(&h, "压制批评、删帖（让群主删帖）");
    assert_eq!(all(&h, "依据：党的纪律").len(), 2, "its basis, with the red line and again at its turning point");
    let total = one(&h, "总分 100 · 待改进").rect();
    let ending = one(&h, "结局：结束").rect();
    assert!(title.max.y <= ending.min.y && ending.max.y <= total.min.y, "red line, then the ending, then the scores");
    let turning = one(&h, "越过红线").rect();
    assert!(total.max.y <= turning.min.y, "then the turning point, rated");
    let (compiled, debrief_) = played_in("tests/engine/red_line.ron", &["explain", "close"]);
    let state = DebriefState { compiled, debrief: debrief_, room: Classroom::default(), class: false, compare: None };
    let h = debrief(DESK, settings(Lang::EN, false), state);
    assert!(!mentions(&h, "red line"), "an honest run names no red line");
}

#[test]
fn a_weaker_road_opens_on_its_turning_point_with_the_better_road_in_words() {
    let (compiled, debrief_) = played(&["call_water_company", "official_notice_only"]);
    let state = DebriefState { compiled, debrief: debrief_, room: Classroom::default(), class: false, compare: None };
    let h = debrief(DESK, settings(Lang::ZH_CN, false), state);
    shows(&h, "结局：基本平稳");
    shows(&h, "一个转折点");
    shows(&h, "第 2 个决定");
    shows(&h, "当时的选择：只转发一份措辞正式的官方通报");
    assert!(mentions(&h, "更好的做法：在群里发通俗说明，附检测报告，并上门看望独居老人 · 本可多得约"), "points in words");
    assert!(!mentions(&h, "预计总分") && !mentions(&h, "+"), "no jargon, no signed decimals");
    assert!(mentions(&h, "为什么："), "why, in one line");
    let turning = one(&h, "一个转折点").rect();
    let chart = one(&h, "能力得分").rect();
    assert!(turning.max.y <= chart.min.y, "the lesson comes before the charts");
}

#[test]
fn the_debrief_waiting_to_be_built_shows_the_ending_and_what_is_coming() {
    let (compiled, _) = played(&BEST);
    let h = harness(PROJECTOR_4_3, settings(Lang::ZH_CN, true), compiled, |ui, c, settings| {
        let e = &c.scenario.endings[0];
        egui::CentralPanel::default().show(ui, |ui| {
            views::debrief::pending(ui, c.scenario.title.get("zh-CN"), Some((e.title.get("zh-CN"), e.text.get("zh-CN"))), settings.lang)
        });
        None
    });
    shows(&h, "复盘｜停水谣言（入门示例）");
    assert!(mentions(&h, "结局："), "the ending at once");
    shows(&h, "正在计算成绩、图表和每一步更好的做法……");
}

#[test]
fn switching_the_debrief_to_english_changes_only_its_text() {
    let mut h = debrief(DESK, settings(Lang::ZH_CN, false), best());
    let chinese = shape(&h);
    h.state_mut().settings.lang = Lang::EN;
    h.run();
    let total = h.state().data.debrief.total;
    shows(&h, "Debrief: The tap-water rumour (starter example)");
    shows(&h, &format!("Total {} · {}", shapan::present::debrief::points(total), h.state().data.debrief.grade.label(Lang::EN)));
    shows(&h, "Turning points");
    shows(&h, "Score per competency");
    shows(&h, "Meters over the run");
    shows(&h, "All decisions");
    shows(&h, "Ending: Calm restored");
    hides(&h, "能力得分");
    hides(&h, "再练一次");
    assert_eq!(shape(&h), chinese, "the same widgets in the same order, only their words differ");
    assert_eq!(click(&mut h, "Play again"), vec![Intent::PlayAgain]);
    assert_eq!(click(&mut h, "Back to library"), vec![Intent::ToLibrary]);
}

#[test]
fn a_class_debrief_offers_the_road_not_taken_and_compares_both() {
    let mut state = best();
    state.class = true;
    let mut h = debrief(DESK, settings(Lang::ZH_CN, false), state);
    shows(&h, "全班的决策");
    hides(&h, "决策回顾");
    assert_eq!(click(&mut h, "回到某一步，走另一条路（B）"), vec![Intent::Class(ClassIntent::ToggleRewind)]);
    // Going back to the last decision and telling residents only formally.
    let (_, other) = played(&["call_water_company", "official_notice_only"]);
    let taken = h.state().data.debrief.clone();
    h.state_mut().data.compare = Some(Comparison { at: 1, taken, other });
    h.run();
    shows(&h, "两条路对比");
    shows(&h, "从第 2 步起分开");
    assert_eq!(all(&h, "结局：风波平息").len(), 2, "in the comparison and as this road's ending");
    shows(&h, "结局：基本平稳");
    assert_eq!(all(&h, "原来的路").len(), 2, "a column head and a table head");
    assert_eq!(all(&h, "另一条路").len(), 2);
    shows(&h, "能力");
    // The table of scores names every competency (the chart beside it paints them, unlabelled).
    for k in &h.state().data.compiled.scenario.competencies {
        shows(&h, k.name.get("zh-CN"));
    }
}

#[test]
fn the_debrief_renders_in_projector_mode_with_scores_held_back() {
    let mut h = debrief(PROJECTOR_4_3, settings(Lang::ZH_CN, true), best());
    shows(&h, "结局：风波平息");
    shows(&h, "成绩暂不显示，导师按 S 公布");
    hides(&h, "能力得分");
    hides(&h, "稳妥");
    hides(&h, "转折点");
    shows(&h, "先给水务公司打电话核实情况");
    shows(&h, "态势变化");
    assert_eq!(click(&mut h, "显示成绩（S）"), vec![Intent::Class(ClassIntent::ToggleScores)]);
    h.state_mut().data.room.show_scores = true;
    h.run();
    shows(&h, "能力得分");
    shows(&h, "转折点");
    hides(&h, "成绩暂不显示，导师按 S 公布");
    assert_eq!(click(&mut h, "隐藏成绩（S）"), vec![Intent::Class(ClassIntent::ToggleScores)]);
}

// ---------------------------------------------------------------------------------------------
// Records

fn detail(id: i64, trainee: &str, group: &str, started: &str, finished: Option<(&str, f64)>, choices: &[(&str, &str)]) -> RunDetail {
    RunDetail {
        run: RunRow {
            id,
            scenario: "water_rumour_quick".into(),
            trainee: trainee.into(),
            group: group.into(),
            mode: "solo".into(),
            complete: finished.is_some(),
            ending: finished.map(|(e, _)| e.to_string()),
            grade: finished.map(|_| "pass".to_string()),
            total: finished.map(|(_, t)| t),
            decisions: choices.len() as i64,
            started: started.into(),
        },
        role: "duty_officer".into(),
        language: "zh-CN".into(),
        seed: 1,
        ended: None,
        scores: match finished {
            Some((_, t)) => vec![ScoreRow { competency: "accuracy".into(), raw: 3, score: t }],
            None => Vec::new(),
        },
        decisions: choices
            .iter()
            .enumerate()
            .map(|(i, (scene, choice))| DecisionRow {
                session: id,
                seq: i as i64,
                scene: (*scene).into(),
                choice: Some((*choice).into()),
                ms: 1000,
                votes: None,
                prediction: None,
            })
            .collect(),
        red_lines: Vec::new(),
        predictions: Default::default(),
    }
}

fn two_runs() -> Vec<RunDetail> {
    vec![
        detail(
            1,
            "李明",
            "一班",
            "2026-11-03T09:00:00Z",
            Some(("calm", 91.5)),
            &[("group_chat", "call_water_company"), ("facts_in_hand", "plain_notice")],
        ),
        detail(2, "王芳", "二班", "2026-12-01T10:00:00Z", None, &[("group_chat", "deny_at_once")]),
    ]
}

fn records(size: (f32, f32), s: Settings, runs: Vec<RunDetail>) -> Harness<'static, Seen<(Vec<RunDetail>, views::records::Filters)>> {
    harness(size, s, (runs, views::records::Filters::default()), |ui, (runs, filters), settings| {
        egui::CentralPanel::default().show(ui, |ui| views::records::show(ui, runs, filters, settings)).inner
    })
}

#[test]
fn records_list_every_run_with_its_columns() {
    let mut h = records(DESK, settings(Lang::ZH_CN, false), two_runs());
    shows(&h, "演练记录");
    for head in ["编号", "开始", "结局", "总分", "决策"] {
        shows(&h, head);
    }
    for cell in ["李明", "王芳", "一班", "二班", "2026-11-03T09:00:00Z", "2026-12-01T10:00:00Z", "calm", "91.5", "（未完成）", "-"]
    {
        shows(&h, cell);
    }
    assert_eq!(all(&h, "water_rumour_quick").len(), 2);
    hides(&h, "没有符合条件的记录。");
    hides(&h, "全班情况（1 次完成的演练）");
    assert_eq!(click(&mut h, "返回案例库"), vec![Intent::ToLibrary]);
}

#[test]
fn typing_a_filter_keeps_only_the_runs_that_match() {
    let mut h = records(DESK, settings(Lang::ZH_CN, false), two_runs());
    // Group, trainee, date: the text inputs in that order.
    assert_eq!(h.get_all_by_role(Role::TextInput).count(), 3);
    h.get_all_by_role(Role::TextInput).nth(1).unwrap().focus();
    h.run();
    h.get_all_by_role(Role::TextInput).nth(1).unwrap().type_text("王");
    h.run();
    assert_eq!(h.state().data.1.trainee, "王");
    shows(&h, "王芳");
    hides(&h, "李明");
    h.state_mut().data.1 = views::records::Filters { date: "2026-11".into(), ..Default::default() };
    h.run();
    shows(&h, "李明");
    hides(&h, "王芳");
    h.state_mut().data.1 = views::records::Filters { group: "三班".into(), ..Default::default() };
    h.run();
    hides(&h, "李明");
    hides(&h, "王芳");
    shows(&h, "没有符合条件的记录。");
    assert!(h.state().intents.is_empty());
}

#[test]
fn choosing_a_scenario_shows_the_class_view() {
    let mut h = records((1280.0, 1200.0), settings(Lang::ZH_CN, false), two_runs());
    h.get_by_role(Role::ComboBox).click();
    h.run();
    // The list offers every scenario recorded; the grid shows it in both rows too.
    let option = h
        .query_all_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("water_rumour_quick"))
        .next()
        .expect("the scenario is offered");
    option.click();
    h.run();
    assert_eq!(h.state().data.1.scenario, "water_rumour_quick");
    shows(&h, "全班情况（1 次完成的演练）");
    shows(&h, "各能力得分分布（0-20、20-40、40-60、60-80、80-100）");
    shows(&h, "accuracy: 平均 91.5 (92..92)   0 | 0 | 0 | 0 | █1");
    shows(&h, "到达的结局");
    shows(&h, "calm × 1");
    shows(&h, "各场景的选择");
    shows(&h, "group_chat: call_water_company 50% · deny_at_once 50%");
    shows(&h, "facts_in_hand: plain_notice 100%");
    shows(&h, "最常见的路线");
    shows(&h, "call_water_company → plain_notice (×1)");
    hides(&h, "越过红线的演练: 0/1");
    // A run that crossed a red line is counted under that line.
    let mut runs = two_runs();
    runs.push(detail(3, "赵强", "一班", "2026-12-02T10:00:00Z", Some(("calm", 95.0)), &[("group_chat", "deny_at_once")]));
    runs[2].red_lines = vec![RedLineRow { scene: "group_chat".into(), choice: Some("deny_at_once".into()) }];
    let mut h = records((1280.0, 1200.0), settings(Lang::ZH_CN, false), runs);
    h.state_mut().data.1.scenario = "water_rumour_quick".into();
    h.run();
    shows(&h, "越过红线的演练: 1/2");
    shows(&h, "group_chat → deny_at_once × 1");
}

#[test]
fn a_run_recorded_in_the_database_is_listed() {
    let dir = std::env::temp_dir().join(format!("shapan-views-records-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let c = compiled(TUTORIAL);
    let (mut s, _) = Session::start(c.clone(), None, 7, true).unwrap();
    let mut db = Records::open(&dir).unwrap();
    let info = RunInfo {
        scenario_path: TUTORIAL.into(),
        trainee: "赵雷".into(),
        group: "四班".into(),
        language: "zh-CN".into(),
        mode: "solo".into(),
    };
    let id = db.start(&info, &s.state()).unwrap();
    for choice in BEST {
        s.choose(choice).unwrap();
    }
    db.finish(id, Some("calm"), "excellent", 88.0, &[("accuracy".into(), 3, 88.0)], &[]).unwrap();
    let runs = vec![db.show(id).unwrap().unwrap()];
    drop(db);
    let h = records(DESK, settings(Lang::ZH_CN, false), runs);
    shows(&h, "赵雷");
    shows(&h, "四班");
    shows(&h, "calm");
    shows(&h, "88.0");
    shows(&h, &id.to_string());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn records_speak_english_and_render_in_projector_mode() {
    let h = records(DESK, settings(Lang::EN, false), two_runs());
    shows(&h, "Records");
    shows(&h, "(not finished)");
    shows(&h, "Back to library");
    drop(h);
    let mut h = records(PROJECTOR_4_3, settings(Lang::ZH_CN, true), two_runs());
    shows(&h, "演练记录");
    shows(&h, "李明");
    assert_eq!(click(&mut h, "返回案例库"), vec![Intent::ToLibrary]);
}

// ---------------------------------------------------------------------------------------------
// Notices

fn notices() -> Vec<Notice> {
    vec![
        Notice { level: Level::Error, message: Message::new("notice-start-missing").arg("path", "a.ron") },
        Notice { level: Level::Warning, message: Message::new("notice-records-write-failed").arg("reason", "磁盘已满") },
    ]
}

fn notice_harness(size: (f32, f32), s: Settings, list: Vec<Notice>) -> Harness<'static, Seen<Vec<Notice>>> {
    harness(size, s, list, |ui, list, settings| views::notice::show(ui, list, settings.lang))
}

#[test]
fn each_notice_shows_its_text_and_its_ok_button_dismisses_that_one() {
    let list = notices();
    let mut h = notice_harness(DESK, settings(Lang::ZH_CN, false), list.clone());
    shows(&h, "无法开始演练：场景文件“a.ron”已被删除或现在有错误。请回到场景库，查看它的错误提示。");
    let second = list[1].message.render(Lang::ZH_CN);
    assert!(second.contains("磁盘已满"), "{second}");
    shows(&h, &second);
    let ok: Vec<_> = all(&h, "知道了");
    assert_eq!(ok.len(), 2, "one button per notice");
    assert!(ok.iter().all(|n| n.accesskit_node().role() == Role::Button));
    ok[1].click();
    h.run();
    assert_eq!(std::mem::take(&mut h.state_mut().intents), vec![Intent::DismissNotice(1)]);
    all(&h, "知道了")[0].click();
    h.run();
    assert_eq!(std::mem::take(&mut h.state_mut().intents), vec![Intent::DismissNotice(0)]);
}

#[test]
fn notices_speak_english_and_render_in_projector_mode() {
    let mut h = notice_harness(DESK, settings(Lang::EN, false), notices());
    shows(
        &h,
        "The run cannot start: the scenario file “a.ron” was deleted or now has errors. Go back to the library to see what is wrong with it.",
    );
    assert_eq!(all(&h, "OK").len(), 2);
    hides(&h, "知道了");
    drop(h);
    h = notice_harness(PROJECTOR_4_3, settings(Lang::ZH_CN, true), notices());
    assert_eq!(all(&h, "知道了").len(), 2);
    let empty = notice_harness(DESK, settings(Lang::ZH_CN, false), Vec::new());
    hides(&empty, "知道了");
}

// ---------------------------------------------------------------------------------------------
// Classroom overlays and the instructor console

#[test]
fn the_key_help_lists_every_key_and_closes() {
    let mut h = harness(DESK, settings(Lang::ZH_CN, false), (), |ui, _, s| views::class::help(&ui.ctx().clone(), s.lang));
    assert_eq!(h.get_by_role(Role::Window).accesskit_node().label().as_deref(), Some("导师快捷键"));
    for (key, what) in views::class::KEYS {
        shows(&h, key);
        shows(&h, &shapan::i18n::format(Lang::ZH_CN, what, &[]));
    }
    assert_eq!(click(&mut h, "关闭（H）"), vec![Intent::Class(ClassIntent::ToggleHelp)]);
    h.state_mut().settings = settings(Lang::EN, true);
    h.run();
    shows(&h, "skip to the debrief");
    assert_eq!(click(&mut h, "Close (H)"), vec![Intent::Class(ClassIntent::ToggleHelp)]);
}

#[test]
fn the_rewind_overlay_lists_the_decisions_to_go_back_to() {
    let mut live = active(1).with_class();
    choose(&mut live.run, &mut live.view, "call_water_company");
    let run = live.run;
    let mut h = harness(DESK, settings(Lang::ZH_CN, false), run, |ui, run, s| views::class::rewind(&ui.ctx().clone(), run, s.lang));
    assert_eq!(h.get_by_role(Role::Window).accesskit_node().label().as_deref(), Some("回到哪一步？"));
    shows(&h, "按数字键或点击：从那一步起走另一条路，复盘时两条路并排比较。");
    assert_eq!(click(&mut h, "1. group_chat → 先给水务公司打电话核实情况"), vec![Intent::Class(ClassIntent::Rewind(0))]);
    assert_eq!(click(&mut h, "取消"), vec![Intent::Class(ClassIntent::ToggleRewind)]);
    h.state_mut().settings = settings(Lang::EN, true);
    h.run();
    assert_eq!(click(&mut h, "1. group_chat → Call the water company first to check"), vec![Intent::Class(ClassIntent::Rewind(0))]);
}

struct ConsoleState {
    run: Option<ActiveRun>,
    room: Classroom,
    screen: Screen,
}

fn console(size: (f32, f32), s: Settings, state: ConsoleState, maps: &Maps) -> Harness<'_, Seen<ConsoleState>> {
    harness(size, s, state, move |ui, st, settings| {
        let v = views::console::Console {
            run: st.run.as_ref(),
            reading: false,
            room: &st.room,
            settings,
            screen: st.screen,
            paused: false,
            best: None,
            maps,
        };
        egui::CentralPanel::default().show(ui, |ui| views::console::show(ui, &v)).inner
    })
}

#[test]
fn the_console_shows_what_the_class_does_not_see_and_its_controls() {
    let maps = Maps::default();
    let state = ConsoleState { run: Some(active(1).with_class().run), room: Classroom::default(), screen: Screen::Play };
    let mut h = console((1280.0, 1400.0), settings(Lang::ZH_CN, false), state, &maps);
    shows(&h, "导师控制台");
    shows(&h, "当前场景：group_chat");
    shows(&h, "导师提示");
    shows(&h, "问全班：先核实，还是先辟谣？情况不明时说“纯属谣言”，风险在哪里？社区说的话，凭什么让居民相信？");
    shows(&h, "录入票数");
    shows(&h, "1. 先给水务公司打电话核实情况");
    // Each option with its place and id in the file, beside the number the class sees.
    shows(&h, "文件中第 1 项 · call_water_company");
    shows(&h, "文件中第 2 项 · deny_at_once");
    shows(&h, "全部指标");
    hides(&h, "成绩（投影上由 S 公布）");
    assert_eq!(click(&mut h, "暂停计时 (Space)"), vec![Intent::Class(ClassIntent::TogglePause)]);
    assert_eq!(click(&mut h, "跳到复盘 (D)"), vec![Intent::Class(ClassIntent::SkipToDebrief)]);
    assert_eq!(click(&mut h, "按多数决定 (Enter)"), vec![Intent::Class(ClassIntent::Decide)]);
    let plus = all(&h, "+");
    assert_eq!(plus.len(), 2, "a + per choice voted on");
    plus[1].click();
    h.run();
    assert_eq!(std::mem::take(&mut h.state_mut().intents), vec![Intent::Class(ClassIntent::Vote { k: 1, delta: 1 })]);
    // Once the debrief is built, the instructor sees every competency's score before the class.
    let (_, d) = played(&BEST);
    let names: Vec<String> = d
        .competencies
        .iter()
        .map(|k| {
            let c = &h.state().data.run.as_ref().unwrap().compiled;
            c.scenario.competencies[k.competency].name.get("zh-CN").to_string()
        })
        .collect();
    let scores: Vec<f64> = d.competencies.iter().map(|k| k.score).collect();
    h.state_mut().data.run.as_mut().unwrap().debrief = Some(DebriefJob::Building(Job::Done(Ok(d))));
    h.run();
    shows(&h, "成绩（投影上由 S 公布）");
    assert_eq!(names.len(), 3);
    for (name, score) in names.iter().zip(&scores) {
        shows(&h, &format!("{name} {score:.0}"));
    }
    // Without a run the controls that need one are greyed out.
    h.state_mut().data.run = None;
    h.state_mut().data.screen = Screen::Library;
    h.run();
    shows(&h, "还没有开始演练。");
    assert!(button(&h, "跳到复盘 (D)").accesskit_node().is_disabled());
    assert!(button(&h, "重新开始 (Ctrl+R)").accesskit_node().is_disabled());
    assert!(click(&mut h, "跳到复盘 (D)").is_empty());
}

#[test]
fn the_console_renders_in_projector_mode() {
    let maps = Maps::default();
    let state = ConsoleState { run: Some(active(1).run), room: Classroom::default(), screen: Screen::Play };
    let mut h = console(PROJECTOR_4_3, settings(Lang::ZH_CN, true), state, &maps);
    shows(&h, "导师控制台");
    assert_eq!(click(&mut h, "退出投影模式 (F5)"), vec![Intent::Class(ClassIntent::ToggleProjector)]);
}
