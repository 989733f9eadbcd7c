//! Classroom views: the votes beside each choice, the round and consensus, the key help
//! overlay, the list of decisions to go back to, and the two roads side by side.

use crate::app::class::{ClassIntent, Classroom};
use crate::app::flow::{ActiveRun, Intent, PlayView, Settings};
use crate::app::theme::{self, BAD, GOOD};
use crate::engine::vote::{Verdict, Vote};
use crate::lang::Lang;
use crate::present::debrief::DebriefView;
use crate::t;
use bevy_egui::egui::{self, RichText};

/// Whether the projector shows the current round's counts: the first round is counted blind
/// (the room sees how many have voted, not for what, so no one follows the visible majority)
/// unless the instructor keeps live counts; the final round shows both rounds.
pub fn bars_shown(v: &Vote, room: &Classroom) -> bool {
    v.round() > 1 || room.live_first_round
}

/// The vote's line on the projector, as large as the choices: the round and how many have
/// voted; once counts are shown, the leading choice's share and how opinion moved.
pub fn vote_header(ui: &mut egui::Ui, v: &Vote, size: f32, room: &Classroom, l: Lang) {
    ui.label(RichText::new(vote_line(v, room, l)).size(size).strong());
}

/// The text of `vote_header`.
pub fn vote_line(v: &Vote, room: &Classroom, l: Lang) -> String {
    let round = if v.round() == 2 { t!(l, "app-class-round-final") } else { t!(l, "app-class-round-first") };
    let mut parts = vec![round];
    if bars_shown(v, room) {
        parts.push(t!(l, "app-class-vote-total", total = v.total()));
        if let (Some(c), Verdict::Majority(k)) = (v.consensus_at(room.united_at()), v.verdict()) {
            let share = format!("{:.0}", v.share() * 100.0);
            let label = crate::present::vote::consensus_label(c, l);
            parts.push(t!(l, "app-class-vote-leading", option = k + 1, share = share, consensus = label));
        }
        if let (Some(shift), [first, _]) = (v.shift(), v.rounds.as_slice())
            && let Verdict::Majority(k) = v.verdict()
        {
            let before = 100.0 * f64::from(first[k]) / f64::from(first.iter().sum::<u32>().max(1));
            let after = before + shift[k];
            parts.push(t!(l, "app-class-vote-moved", option = k + 1, before = format!("{before:.0}"), after = format!("{after:.0}")));
        }
    } else {
        parts.push(t!(l, "app-class-voted", voted = v.total(), size = room.class_size));
    }
    parts.join(" · ")
}

/// The round, the total, how united the class is and how opinion shifted, for the instructor
/// (all counts, at once).
pub fn vote_status(ui: &mut egui::Ui, v: &Vote, l: Lang) {
    ui.add_space(6.0);
    let round = if v.round() == 2 { t!(l, "app-class-round-final") } else { t!(l, "app-class-round-first") };
    let mut parts = vec![round, t!(l, "app-class-vote-total", total = v.total())];
    if let (Some(c), Verdict::Majority(k)) = (v.consensus(), v.verdict()) {
        let share = format!("{:.0}", v.share() * 100.0);
        parts.push(t!(l, "app-class-vote-leading", option = k + 1, share = share, consensus = crate::present::vote::consensus_label(c, l)));
    }
    if let Some(shift) = v.shift() {
        let moved: Vec<String> = shift
            .iter()
            .enumerate()
            .filter(|(_, d)| d.abs() >= 0.5)
            .map(|(k, d)| format!("{} {}{:.0}", k + 1, if *d > 0.0 { "+" } else { "" }, d))
            .collect();
        if !moved.is_empty() {
            parts.push(t!(l, "app-class-vote-shift", moves = moved));
        }
    }
    ui.label(RichText::new(parts.join(" · ")).strong());
    if let Verdict::Tie(t) = v.verdict() {
        let options: Vec<String> = t.iter().map(|k| (k + 1).to_string()).collect();
        ui.label(RichText::new(t!(l, "app-class-tie", options = options)).strong());
    }
}

/// Every key and what it does (a message key), for a single display.
pub const KEYS: [(&str, &str); 20] = [
    ("1-9", "app-class-key-vote"),
    ("Shift+1-9", "app-class-key-unvote"),
    ("V", "app-class-key-final-round"),
    ("Enter", "app-class-key-enter"),
    ("Ctrl+1-9", "app-class-key-instructor"),
    ("Space", "app-class-key-pause"),
    ("T", "app-class-key-add-time"),
    ("C", "app-class-key-reveal"),
    ("M", "app-class-key-meters"),
    ("F", "app-class-key-feed"),
    ("S", "app-class-key-scores"),
    ("D", "app-class-key-debrief"),
    ("B", "app-class-key-rewind"),
    ("Ctrl+R", "app-class-key-restart"),
    ("F5", "app-class-key-projector"),
    ("F2", "app-class-key-console"),
    ("F11", "app-class-key-fullscreen"),
    ("H / F1", "app-class-key-help"),
    ("Esc", "app-class-key-close"),
    ("L", "app-class-key-language"),
];

/// The key help overlay: for the instructor, so in the small size and two columns, to fit a
/// projected 4:3 image too.
pub fn help(ctx: &egui::Context, l: Lang) -> Option<Intent> {
    let mut close = false;
    let size = theme::current(ctx).small;
    egui::Window::new(RichText::new(t!(l, "app-class-help-title")).size(size * 1.2))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .min_width(ctx.viewport_rect().width() * 0.88)
        .max_width(ctx.viewport_rect().width() * 0.88)
        .show(ctx, |ui| {
            let half = KEYS.len().div_ceil(2);
            // The list scrolls on a short image; the close button stays in view below it. Each
            // line wraps inside its column, so no wording pushes the window off the image.
            let tall = ui.ctx().viewport_rect().height() * 0.7;
            egui::ScrollArea::vertical().max_height(tall).show(ui, |ui| {
                ui.columns(2, |cols| {
                    for (col, keys) in cols.iter_mut().zip(KEYS.chunks(half)) {
                        for (key, what) in keys {
                            col.horizontal_wrapped(|ui| {
                                ui.label(RichText::new(*key).size(size).strong());
                                ui.label(RichText::new(t!(l, what)).size(size));
                            });
                        }
                    }
                })
            });
            close = ui.button(RichText::new(t!(l, "app-class-help-close")).size(size)).clicked();
        });
    close.then_some(Intent::Class(ClassIntent::ToggleHelp))
}

/// The decisions taken, each a place to go back to.
pub fn rewind_list(ui: &mut egui::Ui, run: &ActiveRun, l: Lang) -> Option<Intent> {
    let c = &run.compiled;
    let code = crate::app::views::play::code(run, l);
    let mut intent = None;
    for (k, d) in run.session.run().decisions.iter().enumerate() {
        let scene = &c.scenario.scenes[d.scene];
        let title = scene.title.as_ref().map_or_else(|| scene.id.clone(), |t| t.get(code).to_string());
        let taken = d.choice.map_or_else(|| t!(l, "app-class-timed-out"), |ix| c.choice(ix).text.get(code).to_string());
        let label = format!("{}. {title} → {taken}", k + 1);
        if ui.button(label).on_hover_text(t!(l, "app-class-rewind-hover")).clicked() {
            intent = Some(Intent::Class(ClassIntent::Rewind(k)));
        }
    }
    intent
}

/// The rewind overlay on the projector window.
pub fn rewind(ctx: &egui::Context, run: &ActiveRun, l: Lang) -> Option<Intent> {
    let mut intent = None;
    egui::Window::new(t!(l, "app-class-rewind-title"))
        .collapsible(false)
        .min_width(ctx.viewport_rect().width() * 0.6)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label(t!(l, "app-class-rewind-explain"));
            intent = rewind_list(ui, run, l);
            if ui.button(t!(l, "app-class-cancel")).clicked() {
                intent = Some(Intent::Class(ClassIntent::ToggleRewind));
            }
        });
    intent
}

/// The road taken and the road not taken, side by side: ending, total and each competency,
/// then each road's decisions from where they part.
/// Both roads of a class that went back for the road not taken, in the interface language.
#[derive(Debug, Clone)]
pub struct CompareView {
    pub at: usize,
    pub taken: DebriefView,
    pub other: DebriefView,
    /// Per competency: its name, the score on the road taken and on the other.
    pub rows: Vec<(String, f64, f64)>,
}

impl CompareView {
    pub fn new(cmp: &crate::engine::class::Comparison, c: &crate::engine::Compiled, lang: Lang) -> CompareView {
        let s = &c.scenario;
        let code = s.text_language(lang);
        let rows = cmp.rows().into_iter().map(|(k, a, b)| (s.competencies[k].name.get(code).to_string(), a, b)).collect();
        CompareView { at: cmp.at, taken: DebriefView::new(&cmp.taken, c, lang), other: DebriefView::new(&cmp.other, c, lang), rows }
    }
}

pub fn compare(ui: &mut egui::Ui, cmp: &CompareView, room: &Classroom, settings: &Settings) {
    let l = settings.lang;
    let scores = !settings.projector || room.show_scores;
    ui.heading(t!(l, "app-class-compare-title"));
    ui.label(t!(l, "app-class-compare-part", decision = cmp.at + 1));
    ui.columns(2, |cols| {
        for (col, (name, d)) in
            cols.iter_mut().zip([(t!(l, "app-class-road-taken"), &cmp.taken), (t!(l, "app-class-road-other"), &cmp.other)])
        {
            egui::Frame::group(col.style()).show(col, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(name).heading());
                let ending = d.ending.as_ref().map_or_else(|| t!(l, "app-class-no-ending"), |e| e.title.clone());
                ui.label(RichText::new(t!(l, "report-ending", title = ending)).strong());
                if scores {
                    ui.label(
                        RichText::new(t!(l, "app-total", total = crate::present::debrief::points(d.total), grade = d.grade.label(l)))
                            .strong(),
                    );
                }
                for (k, step) in d.path.iter().enumerate().skip(cmp.at) {
                    let mut line = format!("{}. {}", k + 1, step.text);
                    if let Some(v) = &step.vote {
                        line.push_str(&format!(" · {}", crate::present::vote::summary(v, l)));
                    }
                    ui.label(line);
                }
            });
        }
    });
    if scores {
        egui::Grid::new("compare-scores").num_columns(3).striped(true).show(ui, |ui| {
            for heading in [t!(l, "app-class-column-competency"), t!(l, "app-class-column-taken"), t!(l, "app-class-column-other")] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for (name, a, b) in &cmp.rows {
                let (a, b) = (*a, *b);
                ui.label(name);
                ui.label(crate::present::debrief::points(a));
                let colour = if b > a + 0.05 {
                    GOOD
                } else if b < a - 0.05 {
                    BAD
                } else {
                    ui.visuals().text_color()
                };
                ui.colored_label(colour, crate::present::debrief::points(b));
                ui.end_row();
            }
        });
    }
}

/// Where the keys are pressed.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyContext {
    pub screen: crate::app::flow::Screen,
    pub class: bool,
    /// Feedback is on screen (or the run is over).
    pub reading: bool,
    pub revealed: bool,
    pub projector: bool,
    /// The list of decisions to go back to is open: digits pick one.
    pub rewind: bool,
    pub lang: Lang,
}

impl KeyContext {
    pub fn of(screen: crate::app::flow::Screen, run: Option<(&ActiveRun, &PlayView)>, settings: &Settings, room: &Classroom) -> KeyContext {
        KeyContext {
            rewind: room.rewind,
            screen,
            class: run.is_some_and(|(r, _)| r.class.is_some()),
            reading: run.is_some_and(|(r, v)| v.reading() || r.session.is_over()),
            revealed: run.is_none_or(|(_, v)| v.revealed),
            projector: settings.projector,
            lang: settings.lang,
        }
    }
}

/// Keys 1-9: votes for a class, choices for one trainee.
pub const DIGITS: [egui::Key; 9] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
    egui::Key::Num7,
    egui::Key::Num8,
    egui::Key::Num9,
];

/// The instructor's keys, from this frame's input events. Physical keys are read, so Shift with
/// a digit is still that digit on any keyboard layout. Called only when no text field has focus.
pub fn keys(events: &[egui::Event], here: &KeyContext) -> Vec<Intent> {
    use crate::app::flow::Screen;
    use egui::Key;
    let mut out = Vec::new();
    for e in events {
        let egui::Event::Key { key, physical_key, pressed: true, repeat: false, modifiers } = e else { continue };
        let key = physical_key.unwrap_or(*key);
        let ctrl = modifiers.ctrl || modifiers.command;
        let class = |i: ClassIntent| Some(Intent::Class(i));
        let digit = DIGITS.iter().position(|d| *d == key);
        let playing = here.screen == Screen::Play;
        let intent =
            match key {
                _ if here.rewind && digit.is_some() => digit.map(|k| Intent::Class(ClassIntent::Rewind(k))),
                Key::F1 | Key::H if !ctrl => class(ClassIntent::ToggleHelp),
                Key::F5 => class(ClassIntent::ToggleProjector),
                Key::F2 => class(ClassIntent::ToggleConsole),
                Key::F11 => class(ClassIntent::ToggleFullscreen),
                Key::Escape => class(ClassIntent::CloseOverlays),
                Key::L if !ctrl => Some(Intent::SetLang(here.lang.next())),
                Key::R if ctrl && matches!(here.screen, Screen::Play | Screen::Debrief) => Some(Intent::PlayAgain),
                Key::S if here.screen == Screen::Debrief => class(ClassIntent::ToggleScores),
                Key::B if here.class && matches!(here.screen, Screen::Play | Screen::Debrief) => class(ClassIntent::ToggleRewind),
                Key::M if playing => class(ClassIntent::ToggleMeters),
                Key::F if playing && !ctrl => class(ClassIntent::ToggleFeed),
                Key::D if playing && !ctrl => class(ClassIntent::SkipToDebrief),
                // Consequences on the projector (a class's or one trainee's) wait to be revealed.
                Key::C if playing && here.reading => class(ClassIntent::Reveal),
                Key::Enter | Key::Space if playing && here.reading && (here.class || here.projector) => {
                    if here.projector && !here.revealed { class(ClassIntent::Reveal) } else { Some(Intent::Continue) }
                }
                // While the consequences are hidden, digits count hands on the prediction.
                _ if playing && here.class && here.reading && here.projector && !here.revealed && digit.is_some() && !ctrl => {
                    digit.map(|k| Intent::Class(ClassIntent::Predict { k, delta: if modifiers.shift { -1 } else { 1 } }))
                }
                _ if !(playing && here.class) || here.reading => None,
                // A class deciding from here on.
                Key::Enter => class(ClassIntent::Decide),
                Key::Space => class(ClassIntent::TogglePause),
                Key::T | Key::Plus | Key::Equals => class(ClassIntent::AddTime),
                Key::V => class(ClassIntent::SecondRound),
                _ => match digit {
                    Some(k) if ctrl => class(ClassIntent::Instructor(k)),
                    Some(k) => class(ClassIntent::Vote { k, delta: if modifiers.shift { -1 } else { 1 } }),
                    None => None,
                },
            };
        out.extend(intent);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::flow::Screen;
    use egui::{Key, Modifiers};

    fn press(key: Key, physical: Key, modifiers: Modifiers) -> egui::Event {
        egui::Event::Key { key, physical_key: Some(physical), pressed: true, repeat: false, modifiers }
    }

    fn here(reading: bool, revealed: bool) -> KeyContext {
        KeyContext { screen: Screen::Play, class: true, reading, revealed, projector: true, rewind: false, lang: Lang::ZH_CN }
    }

    #[test]
    fn every_key_in_the_help_has_its_text_in_every_language() {
        for (key, what) in KEYS {
            for lang in Lang::all() {
                assert!(crate::i18n::has(lang, what), "{key}: {what} is not in {lang}'s catalogue");
            }
        }
    }

    #[test]
    fn digits_count_votes_and_shift_or_ctrl_change_what_they_do() {
        let events = [
            press(Key::Num2, Key::Num2, Modifiers::NONE),
            // Shift+1 arrives as "!" on most layouts: the physical key still counts.
            press(Key::Exclamationmark, Key::Num1, Modifiers::SHIFT),
            press(Key::Num3, Key::Num3, Modifiers::CTRL),
        ];
        assert_eq!(
            keys(&events, &here(false, true)),
            vec![
                Intent::Class(ClassIntent::Vote { k: 1, delta: 1 }),
                Intent::Class(ClassIntent::Vote { k: 0, delta: -1 }),
                Intent::Class(ClassIntent::Instructor(2)),
            ]
        );
    }

    #[test]
    fn enter_decides_then_reveals_then_continues() {
        let enter = [press(Key::Enter, Key::Enter, Modifiers::NONE)];
        assert_eq!(keys(&enter, &here(false, true)), vec![Intent::Class(ClassIntent::Decide)]);
        assert_eq!(keys(&enter, &here(true, false)), vec![Intent::Class(ClassIntent::Reveal)]);
        assert_eq!(keys(&enter, &here(true, true)), vec![Intent::Continue]);
        // While feedback is read, digits do not vote.
        assert!(keys(&[press(Key::Num1, Key::Num1, Modifiers::NONE)], &here(true, true)).is_empty());
        // While the consequences are hidden, they count hands on the prediction.
        let hands = [press(Key::Num2, Key::Num2, Modifiers::NONE), press(Key::Exclamationmark, Key::Num1, Modifiers::SHIFT)];
        assert_eq!(
            keys(&hands, &here(true, false)),
            vec![Intent::Class(ClassIntent::Predict { k: 1, delta: 1 }), Intent::Class(ClassIntent::Predict { k: 0, delta: -1 })]
        );
        // With the list of decisions open, a digit goes back to that decision.
        let back = KeyContext { rewind: true, ..here(false, true) };
        assert_eq!(keys(&[press(Key::Num2, Key::Num2, Modifiers::NONE)], &back), vec![Intent::Class(ClassIntent::Rewind(1))]);
    }

    #[test]
    fn a_trainee_alone_gets_no_class_keys_but_the_projector_and_help_keys_work_everywhere() {
        let solo = KeyContext { class: false, ..here(false, true) };
        // On the projector a trainee's consequences are revealed with the same key.
        let enter = [press(Key::Enter, Key::Enter, Modifiers::NONE)];
        assert_eq!(keys(&enter, &KeyContext { reading: true, revealed: false, ..solo.clone() }), vec![Intent::Class(ClassIntent::Reveal)]);
        // At a desk the feedback view itself reads Enter.
        assert!(keys(&enter, &KeyContext { reading: true, projector: false, ..solo.clone() }).is_empty());
        assert!(keys(&[press(Key::Num1, Key::Num1, Modifiers::NONE)], &solo).is_empty());
        assert!(keys(&[press(Key::V, Key::V, Modifiers::NONE)], &solo).is_empty());
        let library = KeyContext { screen: Screen::Library, ..solo };
        assert_eq!(keys(&[press(Key::F5, Key::F5, Modifiers::NONE)], &library), vec![Intent::Class(ClassIntent::ToggleProjector)]);
        assert_eq!(keys(&[press(Key::H, Key::H, Modifiers::NONE)], &library), vec![Intent::Class(ClassIntent::ToggleHelp)]);
        let debrief = KeyContext { screen: Screen::Debrief, ..here(true, true) };
        assert_eq!(keys(&[press(Key::S, Key::S, Modifiers::NONE)], &debrief), vec![Intent::Class(ClassIntent::ToggleScores)]);
        assert_eq!(keys(&[press(Key::R, Key::R, Modifiers::CTRL)], &debrief), vec![Intent::PlayAgain]);
    }
}
