# 打印用的复盘网页（shapan records html）。键名以 report- 开头。

report-who = 学员/小组：{ $who } · 角色：{ $role }
report-ending = 结局：{ $title }
report-no-ending = 演练没有走到结局
# { $total } 已保留一位小数
report-total = 总分 { $total } · { $grade }
report-decisions = 决策回顾
report-class-vote = 全班投票：{ $summary }
# { $gain } 是总分预计能提高多少，已保留一位小数
report-better = 更好的选择：{ $choice } (+{ $gain })
report-commentary = 总评
