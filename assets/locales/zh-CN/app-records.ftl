# 桌面程序的成绩记录界面（给导师看）。键名以 app-records- 开头；和 shapan records 相同的表头在 records.ftl。

app-records-title = 演练记录
app-records-none = 没有符合条件的记录。

## 筛选

app-records-filter-group = 小组
app-records-filter-trainee = 学员
app-records-filter-date = 日期
app-records-filter-scenario = 案例
# 案例筛选不限
app-records-all = 全部

## 演练列表的表头（其余的在 records.ftl）

app-records-column-started = 开始
app-records-column-decisions = 决策

## 一个案例的全班情况

app-records-class-view = 全班情况（{ $runs } 次完成的演练）
app-records-spread-title = 各能力得分分布（0-20、20-40、40-60、60-80、80-100）
# 一项能力：{ $competency } 是它的 id，{ $mean } 已保留一位小数，{ $bars } 是五段的柱形
app-records-spread = { $competency }: 平均 { $mean } ({ $low }..{ $high })   { $bars }
app-records-endings = 到达的结局
app-records-choices = 各场景的选择
app-records-common-road = 最常见的路线
