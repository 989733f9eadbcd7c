//! Classroom mode: the instructor's controls of a class run (votes and rounds, pause, added
//! time, reveals, skipping to the debrief, going back to play the road not taken) and the
//! keys that reach them on one display. The views and the keys send intents; this plugin
//! applies them to the run, so the whole classroom flow runs headless too.

use super::clock::Pause;
use super::flow::{ActiveRun, AppSystems, Intent, PlayView, Screen, Settings, stop, take};
use super::notice::Notices;
use super::records::Db;
use super::records::RunRecord;
use crate::engine::class::votable;
use crate::engine::vote::{Verdict, VoteError};
use crate::i18n::{Localize, Message};
use crate::msg;
use bevy::prelude::*;

/// What the instructor asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum ClassIntent {
    /// Changes a count of the current round (`k`: the choice's place among those voted on).
    Vote {
        k: usize,
        delta: i64,
    },
    SetVote {
        k: usize,
        count: u32,
    },
    /// Changes a count of the prediction taken while the consequences are hidden (`k`: the
    /// outcome's place, as shown).
    Predict {
        k: usize,
        delta: i64,
    },
    SetPrediction {
        k: usize,
        count: u32,
    },
    /// The final round, after discussion.
    SecondRound,
    /// Takes the class's majority.
    Decide,
    /// The instructor decides choice `k`: breaks a tie, or overrules the vote.
    Instructor(usize),
    TogglePause,
    AddTime,
    /// Shows the consequences of the last decision on the projector.
    Reveal,
    ToggleMeters,
    /// Hides or shows the posts on the projector (room for long choices).
    ToggleFeed,
    /// Shows scores, grade and the better road in the debrief.
    ToggleScores,
    SkipToDebrief,
    /// Goes back to the moment before decision `k` to play the road not taken.
    Rewind(usize),
    ToggleRewind,
    ToggleHelp,
    ToggleProjector,
    ToggleConsole,
    ToggleFullscreen,
    CloseOverlays,
    /// How many are in the room ("24/30 已投票").
    SetClassSize(u32),
    /// Shows the first round's counts as they come in instead of counting it blind.
    ToggleLiveFirstRound,
    /// The share (in percent) from which the class's opinion counts as concentrated.
    SetUnitedAt(u8),
}

/// Time one press of "add time" gives the class.
pub const ADD_TIME_MS: u64 = 60_000;

/// What the projector shows and hides, and the overlays open, as the instructor set them.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct Classroom {
    pub help: bool,
    pub show_meters: bool,
    pub hide_feed: bool,
    pub show_scores: bool,
    /// The list of decisions to go back to.
    pub rewind: bool,
    /// The instructor console window is wanted.
    pub console: bool,
    pub fullscreen: bool,
    /// A short word to the instructor: a tie to break, nothing to vote on yet.
    pub message: Option<Message>,
    /// How many are in the room.
    pub class_size: u32,
    /// The first round's counts are shown as they come in (off: counted blind).
    pub live_first_round: bool,
    /// The leading share, in percent, from which the projector calls opinion concentrated.
    pub united_at: u8,
}

/// A class of about thirty, as most training classes are.
pub const CLASS_SIZE: u32 = 30;

impl Default for Classroom {
    fn default() -> Self {
        Classroom {
            help: false,
            show_meters: false,
            hide_feed: false,
            show_scores: false,
            rewind: false,
            console: false,
            fullscreen: false,
            message: None,
            class_size: CLASS_SIZE,
            live_first_round: false,
            united_at: (crate::engine::vote::UNITED * 100.0).round() as u8,
        }
    }
}

impl Classroom {
    /// The threshold as a share.
    pub fn united_at(&self) -> f64 {
        f64::from(self.united_at.clamp(51, 100)) / 100.0
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Classroom>().add_systems(Update, apply.in_set(AppSystems::ApplyIntents).after(super::flow::apply_intents));
}

/// Applies the instructor's intents.
fn apply(
    mut intents: MessageReader<Intent>,
    mut commands: Commands,
    mut run: Option<ResMut<ActiveRun>>,
    mut view: Option<ResMut<PlayView>>,
    mut record: Option<ResMut<RunRecord>>,
    mut room: ResMut<Classroom>,
    mut settings: ResMut<Settings>,
    pause: Res<State<Pause>>,
    mut set_pause: ResMut<NextState<Pause>>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    db: Option<Res<Db>>,
    mut notices: ResMut<Notices>,
) {
    let l = settings.lang;
    for intent in intents.read() {
        let Intent::Class(ci) = intent else { continue };
        room.message = None;
        let playing = *screen.get() == Screen::Play;
        match ci.clone() {
            ClassIntent::ToggleHelp => room.help = !room.help,
            ClassIntent::ToggleProjector => settings.projector = !settings.projector,
            ClassIntent::ToggleConsole => room.console = !room.console,
            ClassIntent::ToggleFullscreen => room.fullscreen = !room.fullscreen,
            ClassIntent::ToggleMeters => room.show_meters = !room.show_meters,
            ClassIntent::ToggleFeed => room.hide_feed = !room.hide_feed,
            ClassIntent::ToggleScores => room.show_scores = !room.show_scores,
            ClassIntent::ToggleRewind => room.rewind = !room.rewind && run.as_ref().is_some_and(|r| r.class.is_some()),
            ClassIntent::CloseOverlays => {
                room.help = false;
                room.rewind = false;
            }
            ClassIntent::SetClassSize(n) => room.class_size = n.clamp(1, 999),
            ClassIntent::ToggleLiveFirstRound => room.live_first_round = !room.live_first_round,
            ClassIntent::SetUnitedAt(p) => room.united_at = p.clamp(51, 100),
            ClassIntent::TogglePause => match pause.get() {
                Pause::Shown => set_pause.set(Pause::Running),
                Pause::Running => set_pause.set(Pause::Shown),
                Pause::Held => {}
            },
            _ => {}
        }
        let (Some(r), Some(v)) = (run.as_deref_mut(), view.as_deref_mut()) else { continue };
        let reading = v.reading();
        match ci.clone() {
            ClassIntent::Reveal => v.revealed = true,
            ClassIntent::AddTime if playing && !r.session.add_time(ADD_TIME_MS) => {
                room.message = Some(msg!("class-no-timer"));
            }
            ClassIntent::SkipToDebrief if playing => {
                stop(r, v);
                next.set(Screen::Debrief);
            }
            ClassIntent::Rewind(k) => {
                let Some(class) = &r.class else { continue };
                let Ok((session, branch)) = class.branch(r.compiled.clone(), k) else { continue };
                // The road left behind: its record ends here (a run never finished is stopped,
                // not offered for resuming), and its debrief is kept to compare with.
                if !r.session.is_over() {
                    stop(r, v);
                }
                if let Some(rec) = record.as_deref_mut() {
                    super::records::close(db.as_deref(), r, rec, l, &mut notices);
                }
                let taken = r.take_debrief();
                let mut fresh = ActiveRun::with_scoring(
                    r.path.clone(),
                    r.compiled.clone(),
                    session,
                    (r.trainee.clone(), r.group.clone()),
                    r.feedback,
                    r.share_scoring(),
                );
                fresh.class = Some(branch);
                fresh.counterfactual = Some((k, taken));
                commands.insert_resource(PlayView::rebuild(&fresh));
                commands.insert_resource(fresh);
                // The road not taken is an exploration: it is not recorded.
                commands.insert_resource(RunRecord::default());
                room.rewind = false;
                room.show_scores = false;
                next.set(Screen::Play);
            }
            ClassIntent::Vote { k, delta } if playing && !reading => {
                if let Some(vote) = r.class.as_mut().and_then(|c| c.vote.as_mut()) {
                    vote.add(k, delta);
                }
            }
            ClassIntent::SetVote { k, count } if playing && !reading => {
                if let Some(vote) = r.class.as_mut().and_then(|c| c.vote.as_mut()) {
                    vote.set(k, count);
                }
            }
            // Hands on a prediction count only while the consequences are still hidden.
            ClassIntent::Predict { k, delta } if playing && !v.revealed => {
                if let Some(p) = r.class.as_mut().and_then(|c| c.prediction_mut()) {
                    p.add(k, delta);
                }
            }
            ClassIntent::SetPrediction { k, count } if playing && !v.revealed => {
                if let Some(p) = r.class.as_mut().and_then(|c| c.prediction_mut()) {
                    p.set(k, count);
                }
            }
            ClassIntent::SecondRound if playing && !reading => {
                if let Some(vote) = r.class.as_mut().and_then(|c| c.vote.as_mut())
                    && !vote.second_round()
                {
                    room.message = Some(if vote.round() >= 2 { msg!("class-final-round") } else { VoteError::NoVotes.message() });
                }
            }
            ClassIntent::Decide | ClassIntent::Instructor(_) if playing && !reading => {
                let Some(class) = r.class.as_mut() else { continue };
                v.changes.clear();
                let taken = match ci {
                    &ClassIntent::Instructor(k) => match class.vote.as_ref().map(|v| v.verdict()) {
                        Some(Verdict::Tie(t)) if t.contains(&k) => class.decide(&mut r.session, Some(k)),
                        _ => match votable(&r.session).get(k) {
                            Some(&ix) => class.choose(&mut r.session, ix),
                            None => continue,
                        },
                    },
                    _ => class.decide(&mut r.session, None),
                };
                match taken {
                    Ok(events) => {
                        if take(r, v, &events) {
                            next.set(Screen::Debrief);
                        }
                    }
                    Err(e) => room.message = Some(e.message()),
                }
            }
            _ => {}
        }
    }
}
