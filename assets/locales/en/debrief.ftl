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

## Words every debrief shares (terminal, printable page, desktop app)

debrief-title = Debrief: { $title }
debrief-basis = Basis: { $basis }
# Labels of the commentary voices, followed directly by the comment
debrief-expert = Expert:{" "}
debrief-practitioner = Practitioner:{" "}

## The desktop app's debrief screen

debrief-building = Building the debrief: finding the better choice at each decision…
# A run that crossed a red line: named before the scores.
debrief-red-lines-title = A red line was crossed: whatever the points, this run is graded no higher than Needs work
# $text is the line crossed as the author wrote it; $action what the trainee did.
debrief-red-line = { $text } ({ $action })
debrief-voices-differ = The two voices differ here: worth arguing in class
