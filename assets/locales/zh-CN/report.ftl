# 打印用的复盘网页（shapan records html）。键名以 report- 开头。

report-who = 学员/小组：{ $who } · 角色：{ $role }
report-ending = 结局：{ $title }
report-no-ending = 演练没有走到结局
# { $total } 已取整（满分 100）
report-total = 总分 { $total } · { $grade }
report-class-vote = 全班投票：{ $summary }
report-commentary = 总评
