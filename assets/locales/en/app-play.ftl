# The desktop app's play screen. Keys start with app-play-.

## The top line

app-play-story-time = Scenario time { $time }
# How far the decision moved the scenario clock: 08:10 (+20 min)
app-play-clock-advanced = { $time } (+{ $minutes } min)
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
app-play-feed-empty = No posts yet
# A post that appeared since the last decision
app-play-new = New
# What a 12345 hotline ticket asks for
app-play-hotline-request = Request: { $text }

## The choices

app-play-hint = You can also press 1–9
app-play-hint-class = Keys 1-9 add a vote (Shift removes one), V starts the final round, Enter takes the majority, H lists every key

## After a decision

app-play-decision = Decision: { $choice }
app-play-no-decision = (no decision)
app-play-consequences-hidden = Discuss first, then see what happens
app-play-discuss-first = Ask the room: after this decision, what happens next? Then press C or Enter to see the consequences.
app-play-timed-out = ⏱ Time ran out: no decision was made.
app-predict-question = What do you expect will happen?
app-predict-how = Hands up: 1-{ $n } counts a hand for an outcome, Shift takes one back; C shows what happens
app-predict-hands = { $count } hands
app-predict-happened = What happened: { $text }
app-predict-will-happen = will happen
app-console-predict = Prediction (the class does not see which is right)
app-play-feedback = Feedback
app-play-continue = Continue
app-play-see-debrief = See the debrief
