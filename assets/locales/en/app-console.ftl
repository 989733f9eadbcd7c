# The instructor console: a window on a second display that the class does not see. Keys start
# with app-console-.

app-console-window-title = Shapan · instructor console
app-console-title = Instructor console
app-console-private = (only on this display; the class does not see it)
app-console-no-run = No run has started yet.
# The scenario file was broken while playing; { $problem } says how, on a line of its own
app-console-reload-problem =
    The edited file has errors; the last good version keeps running:
    { $problem }
app-console-decisions = Decisions so far (click to go back and take the other road)
app-console-scores = Scores (shown on the projector with S)

## The control buttons, followed by their key in parentheses

app-console-resume = Resume
app-console-pause = Pause
app-console-add-time = Add a minute
app-console-show-meters = Show meters
app-console-hide-meters = Hide meters
app-console-show-posts = Show posts
app-console-hide-posts = Hide posts
app-console-show-scores = Show scores
app-console-hide-scores = Hide scores
app-console-skip-to-debrief = Skip to the debrief
app-console-restart = Restart
app-console-projector = Projector mode
app-console-leave-projector = Leave projector mode

## Entering the votes

app-console-enter-votes = Enter the votes
app-console-instructor-decides = Instructor decides
app-console-final-round = Final round (V)
app-console-take-majority = Take the majority (Enter)

## The scene at hand

app-console-ended = The run has ended.
# { $scene } is the scene's title with its id in parentheses
app-console-scene = Scene: { $scene }
app-console-time-left = Time left { $secs } s
app-console-note = Instructor's note
app-console-red-line = Red line: { $text }
app-console-no-note = (no instructor's note for this scene)
app-console-leads = Where each choice leads
app-console-to-ending = → ending: { $title }
app-console-to-end = → the end (ending by conditions)
app-console-to-random = → random: { $outcomes ->
    [one] { $outcomes } outcome
   *[other] { $outcomes } outcomes
}
# In parentheses after a choice whose condition does not hold yet
app-console-not-available = not available
# Under a choice: its place and id in the scenario file (the numbers shown follow the seed)
app-console-authored = #{ $n } in the file · { $id }
app-console-time-runs-out = Time runs out
app-console-best = ★ the best road's choice (by expected total)
# { $scenes } is a list of scene titles
app-console-reached-from = Reached from: { $scenes }

## The meters

app-console-meters = Every meter
# In parentheses after a meter the class does not see
app-console-hidden-meter = hidden from the class
# { $flags }: the ids of the flags set, separated by ·
app-console-flags = Flags set: { $flags }
app-console-map = Map (the current scene outlined)
