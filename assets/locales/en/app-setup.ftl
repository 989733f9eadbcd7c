# The desktop app's setup before a run: the role, who plays, the trainee, when feedback shows.
# Keys start with app-setup-.

app-setup-role = Choose your role
app-setup-who = Who plays
app-setup-one-trainee = One trainee
app-setup-class = A class deciding together (projector, votes, instructor controls)
app-setup-trainee = Trainee
app-setup-group = Group
# The group field's name when a class decides together
app-setup-class-or-group = Class or group
app-setup-class-size = People in the room
app-setup-united-at = Leading share that counts as concentrated
app-setup-live-first-round = Show first-round counts live (by default counted blind: only how many have voted, so no one follows the majority)
app-setup-feedback = Feedback
app-setup-feedback-each = After each decision
app-setup-feedback-debrief = Only in the debrief
app-setup-start = Start
