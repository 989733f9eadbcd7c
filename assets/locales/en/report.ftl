# The printable debrief page (shapan records html). Keys start with report-.

report-who = Trainee/group: { $who } · Role: { $role }
report-ending = Ending: { $title }
report-no-ending = The run did not reach an ending
# { $total } is rounded to whole points (out of 100)
report-total = Total { $total } · { $grade }
report-class-vote = Class vote: { $summary }
report-commentary = Commentary
