# The desktop app's play screen. Keys start with app-play-.

## The top line

app-play-story-time = Story time { $time }
app-play-class-decision = Class decision · { $group }
app-play-paused = Paused
# When a class went back to a decision to take the other road
app-play-road-not-taken = The road not taken: from decision { $decision }
app-play-time-left = Time left: { $secs } s
# The scenario file was broken while playing; { $problem } says how
app-play-reload-problem = The edited file has errors; the last good version keeps running: { $problem }
# The projector shows no details of the error
app-play-reload-problem-projector = The edited file has errors; the last good version keeps running: details on the instructor console (F2)

## The side columns

app-play-situation = Situation
app-play-feed = Posts and messages
# What a 12345 hotline ticket asks for
app-play-hotline-request = Request: { $text }

## The choices

app-play-not-available-yet = Not available yet
app-play-hint = Keys 1-9 choose too
app-play-hint-class = Keys 1-9 add a vote (Shift removes one), V starts the final round, Enter takes the majority, H lists every key

## After a decision

app-play-decision = Decision: { $choice }
app-play-no-decision = (no decision)
app-play-consequences-hidden = Consequences not shown yet
app-play-discuss-first = Let the class discuss what will happen, then press C or Enter to reveal.
app-predict-question = What do you expect will happen?
app-predict-how = Hands up: 1-{ $n } counts a hand for an outcome, Shift takes one back; C reveals
app-predict-hands = { $count } hands
app-predict-happened = What happened: { $text }
app-predict-will-happen = will happen
app-console-predict = Prediction (the class does not see which is right)
app-play-timed-out = Time is up! No decision was made.
app-play-feedback = Feedback
app-play-continue = Continue
app-play-see-debrief = See the debrief
