# Labels of the debrief. Keys start with debrief-.

debrief-silence = (no decision: time ran out)

## Class votes

debrief-consensus-united = concentrated
debrief-consensus-majority = a majority
debrief-consensus-divided = divided
debrief-vote-rounds = first round { $first } → final { $last }
debrief-vote-counts = votes { $counts }
# The decided option's votes on the projector after the decision
debrief-vote-headline-rounds = first round { $first } → final { $last } votes
debrief-vote-headline = { $votes } votes
debrief-vote-headline-share = , { $share }%
debrief-vote-share = , leading with { $share }% ({ $consensus })
debrief-vote-by-instructor = , decided by the instructor

## Chart titles

debrief-chart-competencies = Score per competency
debrief-chart-meters = Meters over the run
# The pass line on the competency chart; $points is the pass mark
debrief-chart-pass = pass mark { $points }
# The meter chart's x axis (decision number, 0 the start) and y axis (when the meters' ranges differ)
debrief-chart-steps = decision (0 = the start)
debrief-chart-lowest = lowest
debrief-chart-highest = highest

## Words every debrief shares (terminal, printable page, desktop app)

debrief-title = Debrief: { $title }
debrief-basis = Basis: { $basis }
# How each decision rated, shown before its text (thresholds in src/engine/rating.rs)
debrief-rating-good = Sound
debrief-rating-acceptable = Acceptable
debrief-rating-poor = Poor
debrief-rating-red-line = Crossed a red line
# What the better decision was worth; $points is rounded
debrief-gain = about { $points } { $points ->
    [1] point
   *[other] points
} more
debrief-gain-under-one = less than a point more
debrief-better-road = The better road: { $choice }
# Why the better decision is better: the first sentence of its feedback
debrief-why = Why: { $why }
debrief-what-happened = What happened: { $feedback }
debrief-step = Decision { $n }
debrief-choice-taken = You chose: { $choice }
debrief-choice-taken-class = The class chose: { $choice }
# The debrief opens with the decisions that lost the most
debrief-turning-points = { $count ->
    [0] Turning points
    [1] One turning point
    [2] Two turning points
   *[other] Three turning points
}
debrief-turning-points-note = The total is out of 100. "Points more" is how much higher the total would likely have been with the better decision there and good decisions after it.
debrief-no-turning-points = No decision lost ground worth naming this time: each was close to the best open at that point.
debrief-all-decisions = All decisions
# Labels of the commentary voices, followed directly by the comment
debrief-expert = Expert:{" "}
debrief-practitioner = Practitioner:{" "}

## The desktop app's debrief screen

debrief-building = Working out the scores, the charts and the better road at each decision…
# A run that crossed a red line: named before the scores.
debrief-red-lines-title = A red line was crossed: whatever the points, this run is graded no higher than Needs work
# $text is the line crossed as the author wrote it; $action what the trainee did.
debrief-red-line = { $text } ({ $action })
debrief-voices-differ = The two voices differ here: worth arguing in class
