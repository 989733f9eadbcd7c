# 桌面程序开始演练前的设置：角色、练习方式、学员、反馈方式。键名以 app-setup- 开头。

app-setup-role = 选择角色
app-setup-who = 练习方式
app-setup-one-trainee = 个人练习
app-setup-class = 课堂集体决策（投屏、举手投票、导师控制）
app-setup-trainee = 学员姓名
app-setup-group = 小组
# 课堂集体决策时，“小组”一栏的名称
app-setup-class-or-group = 班级或小组
app-setup-class-size = 学员人数
app-setup-united-at = 最高票达到多少算“意见集中”
app-setup-live-first-round = 第一轮实时显示票数（默认不公开，只显示已投票人数，避免跟风）
app-setup-feedback = 反馈方式
app-setup-feedback-each = 每次决策后立即反馈
app-setup-feedback-debrief = 只在复盘时反馈
app-setup-start = 开始演练
