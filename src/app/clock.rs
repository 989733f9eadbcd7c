//! The decision countdown: while a timed scene waits for a decision, real time is fed to the
//! engine (`elapse`), which applies what silence costs when time is up. Only then does the app
//! redraw continuously; otherwise it sleeps. A class's discussion runs the story clock too.

use super::flow::{ActiveRun, AppSystems, PlayView, Screen};
use bevy::prelude::*;
use bevy::window::RequestRedraw;

pub(super) fn plugin(app: &mut App) {
    // Registered here too so the flow runs headless, without the window plugin.
    app.add_message::<RequestRedraw>().init_state::<Pause>().add_systems(
        Update,
        tick.in_set(AppSystems::Tick).run_if(
            in_state(Screen::Play)
                .and_then(in_state(Pause::Running))
                .and_then(resource_exists::<ActiveRun>)
                .and_then(resource_exists::<PlayView>),
        ),
    );
}

/// Whether the countdown is running now.
pub fn counting(run: &ActiveRun, view: &PlayView) -> bool {
    !view.reading() && !run.session.is_over() && run.session.time_left_ms().is_some()
}

/// Whether real time counts now: the countdown, or a class discussing while the scenario's story
/// clock runs with discussion time (`minutes_per_real_minute`), timer or not.
pub fn running(run: &ActiveRun, view: &PlayView) -> bool {
    counting(run, view) || (run.class.is_some() && run.compiled.clock_rate > 0 && !view.reading() && !run.session.is_over())
}

fn tick(
    time: Res<Time<Real>>,
    mut run: ResMut<ActiveRun>,
    mut view: ResMut<PlayView>,
    mut redraw: MessageWriter<RequestRedraw>,
    mut next: ResMut<NextState<Screen>>,
) {
    if !running(&run, &view) {
        return;
    }
    // Long gaps (a dragged window, a suspended laptop) count at most one second per frame.
    let ms = time.delta().as_millis().min(1000) as u64;
    if let Ok(events) = run.session.elapse(ms) {
        view.absorb(&run, &events);
        run.sync();
        if run.session.is_over() && !view.reading() {
            run.build_debrief();
            next.set(Screen::Debrief);
        }
    }
    redraw.write(RequestRedraw);
}

/// Whether the countdown runs or is held: by the instructor (and said on screen), or by the
/// autoplay driver so its screenshots are stable.
#[derive(States, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Pause {
    #[default]
    Running,
    /// Held by the instructor: the screen says so.
    Shown,
    /// Held quietly (autoplay).
    Held,
}
