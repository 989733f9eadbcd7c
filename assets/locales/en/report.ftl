# The printable debrief page (shapan records html). Keys start with report-.

report-who = Trainee/group: { $who } · Role: { $role }
report-ending = Ending: { $title }
report-no-ending = The run did not reach an ending
# { $total } is rounded to whole points (out of 100)
report-total = Total { $total } · { $grade }
report-class-vote = Class vote: { $summary }
report-class-prediction = Class prediction: { $share }% expected "{ $predicted }"; what happened: { $happened } ({ $verdict })
report-class-prediction-split = Class prediction: divided ({ $counts }); what happened: { $happened } ({ $verdict })
predict-right = the class was right
predict-wrong = the class was wrong
# { $taken }: predictions taken; { $right }: those where most hands were on what happened
report-predictions-tally = Predicted { $taken } times; the class was right { $right } times
predict-better = It will get better
predict-worse = It will get worse
predict-little-change = Little will change
report-commentary = Commentary
