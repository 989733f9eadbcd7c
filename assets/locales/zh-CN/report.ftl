# 打印用的复盘网页（shapan records html）。键名以 report- 开头。

report-who = 学员/小组：{ $who } · 角色：{ $role }
report-ending = 结局：{ $title }
report-no-ending = 演练没有走到结局
# { $total } 已取整（满分 100）
report-total = 总分 { $total } · { $grade }
report-class-vote = 全班投票：{ $summary }
report-class-prediction = 全班预判：{ $share }% 预计“{ $predicted }”；实际：{ $happened }（{ $verdict }）
report-class-prediction-split = 全班预判：意见不一（{ $counts }）；实际：{ $happened }（{ $verdict }）
predict-right = 判断正确
predict-wrong = 判断有误
# { $taken }: 做过几次预判；{ $right }: 多数人押中实际结果的次数
report-predictions-tally = 预判 { $taken } 次，全班判断正确 { $right } 次
predict-better = 会好转
predict-worse = 会恶化
predict-little-change = 变化不大
report-commentary = 总评
