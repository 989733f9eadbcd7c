# 成绩记录（shapan records）。键名以 records- 开头。

records-cannot-open = 无法打开成绩数据库：{ $error }
records-no-such-run = 没有这次演练： #{ $id }
records-scenario-gone = { $path }: 场景文件有错误或已不存在

## 演练列表的表头（shapan records list）

records-column-id = 编号
records-column-started = 开始时间
records-column-scenario = 案例
records-column-trainee = 学员
records-column-group = 小组
records-column-ending = 结局
records-column-total = 总分
records-not-finished = （未完成）

## 一次演练的详情（shapan records show）

# 集体决策、没有填学员姓名时，“学员”一栏显示的内容
records-whole-class = 全班
records-timeout = （超时）
records-class-vote = 全班投票：{ $summary }
# { $total } 已保留一位小数
records-ending = 结局：{ $ending } · { $total }
records-red-line = 越过红线：{ $scene } → { $choice }
# 课堂汇总：某条红线有多少次演练越过
records-red-lines-crossed = 越过红线的演练
