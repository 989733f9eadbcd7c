# A class deciding together: votes, the instructor's keys, going back to a decision, the two
# roads side by side. Keys start with app-class-.

## Votes

# One choice's votes in one round and their share; { $share } is rounded already
app-class-vote-bar = { $votes } votes · { $share }%
app-class-round-first = First round (first instinct)
app-class-round-final = Final round (after discussion)
app-class-vote-total = { $total } votes
# { $consensus } is "united", "a majority" or "divided"
app-class-vote-leading = leading: option { $option }, { $share }% ({ $consensus })
# First round counted blind: how many have voted, of the class
app-class-voted = { $voted }/{ $size } have voted
# How the leading option moved after discussion
app-class-vote-moved = after discussion: option { $option } from { $before }% to { $after }%
# { $moves } such as "1 +12, 2 -12": a choice's number and how many points its share moved
app-class-vote-shift = shift (points): { $moves }
app-class-grey-bars = (grey bars: first round)
app-class-tie = Tied (options { $options }): the instructor decides

## The instructor's keys (H shows them)

app-class-help-title = Instructor keys
app-class-help-close = Close (H)
app-class-key-vote = add a vote to that option; before a reveal, a hand for that prediction
app-class-key-unvote = remove a vote
app-class-key-final-round = start the final round (after discussion)
app-class-key-enter = take the majority; see the consequences; continue
app-class-key-instructor = the instructor decides: break a tie, or overrule
app-class-key-pause = pause / resume the clock
app-class-key-add-time = add a minute
app-class-key-reveal = see the consequences of this decision
app-class-key-meters = show / hide the meters
app-class-key-feed = show / hide the posts
app-class-key-scores = show / hide scores in the debrief
app-class-key-debrief = skip to the debrief
app-class-key-rewind = go back to a decision, take the other road
app-class-key-restart = restart
app-class-key-projector = projector mode on / off
app-class-key-console = instructor console window (second display)
app-class-key-fullscreen = full screen
app-class-key-help = show / hide this help
app-class-key-close = close overlays
app-class-key-language = switch language

## Going back to a decision to take the other road

# No choice was made before time ran out
app-class-timed-out = (time ran out)
app-class-rewind-hover = Go back to before this decision and decide again
app-class-rewind-title = Back to which decision?
app-class-rewind-explain = Press its number or click: take the other road from there; the debrief puts both roads side by side.
app-class-cancel = Cancel

## The two roads side by side in the debrief

app-class-compare-title = The two roads side by side
app-class-compare-part = They part at decision { $decision }
app-class-road-taken = The road taken
app-class-road-other = The road not taken
app-class-no-ending = no ending reached
# The headings of the score table
app-class-column-competency = Competency
app-class-column-taken = Taken
app-class-column-other = Not taken
