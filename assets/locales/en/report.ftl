# The printable debrief page (shapan records html). Keys start with report-.

report-who = Trainee/group: { $who } · Role: { $role }
report-ending = Ending: { $title }
report-no-ending = The run did not reach an ending
# { $total } comes with one decimal
report-total = Total { $total } · { $grade }
report-decisions = Decisions
report-class-vote = Class vote: { $summary }
# { $gain }: how much the total would be expected to rise, with one decimal
report-better = Better: { $choice } (+{ $gain })
report-commentary = Commentary
