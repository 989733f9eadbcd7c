# The desktop app's debrief screen. Keys start with app-debrief-; words every debrief shares are
# in debrief.ftl.

app-debrief-play-again = Play again
app-debrief-go-back = Go back and take the other road (B)
app-debrief-show-scores = Show scores (S)
app-debrief-hide-scores = Hide scores (S)
app-debrief-scores-hidden = Scores are hidden until the instructor presses S
app-debrief-class-decisions = The class's decisions
