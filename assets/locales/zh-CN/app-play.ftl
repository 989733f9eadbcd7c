# 桌面程序的演练界面。键名以 app-play- 开头。

## 顶部一行

app-play-story-time = 情景时间 { $time }
# 决策后情景时间前进了多少：08:10（+20分钟）
app-play-clock-advanced = { $time }（+{ $minutes }分钟）
app-play-class-decision = 集体决策 · { $group }
app-play-paused = 已暂停
# 课堂回到前面某一步、走另一条路时显示
app-play-road-not-taken = 另一条路：从第 { $decision } 步重走
app-play-time-left = 剩余 { $secs } 秒
# 演练中场景文件被改坏了，{ $problem } 是错误说明
app-play-reload-problem = 修改后的场景文件有错误，仍在运行上一个正确版本：{ $problem }
# 投影上不显示错误的细节
app-play-reload-problem-projector = 修改后的场景文件有错误，仍在运行上一个正确版本：详情见导师控制台（F2）

## 两侧的栏目

app-play-situation = 态势
app-play-feed = 舆情与信息
app-play-feed-empty = 暂无新消息
# 上次决策之后出现的帖子
app-play-new = 新
# 12345 热线工单的内容
app-play-hotline-request = 诉求：{ $text }

## 选项

app-play-hint = 按数字键 1-9 也可以选择
app-play-hint-class = 数字键 1-9 为该选项加一票（Shift 减一票），V 开始第二轮，Enter 按多数决定，H 查看全部快捷键

## 决策之后的反馈

app-play-decision = 决定：{ $choice }
app-play-no-decision = （没有作出决定）
app-play-consequences-hidden = 先讨论，再看后果
app-play-discuss-first = 请大家先说说：这样决定，接下来会发生什么？讨论后按 C 或 Enter 查看后果。
app-play-timed-out = ⏱ 时间到，没有作出决定。
app-predict-question = 你们预计会怎样？
app-predict-how = 举手：数字键 1-{ $n } 为对应结果加一人，Shift+数字减一人；按 C 查看后果
app-predict-hands = { $count } 人
app-predict-happened = 实际：{ $text }
app-predict-will-happen = 将会发生
app-console-predict = 预判（全班看不到哪个对）
app-play-feedback = 反馈
app-play-continue = 继续
app-play-see-debrief = 查看复盘
