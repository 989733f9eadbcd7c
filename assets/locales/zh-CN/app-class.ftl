# 课堂集体决策：票数、导师快捷键、回到前面某一步、两条路对比。键名以 app-class- 开头。

## 票数

# 一个选项在一轮里的票数和占比，{ $share } 已取整
app-class-vote-bar = { $votes }票 · { $share }%
app-class-round-first = 第一轮（第一反应）
app-class-round-final = 第二轮（讨论后）
app-class-vote-total = 共{ $total }票
# { $consensus } 是“意见集中”“形成多数”或“意见分散”
app-class-vote-leading = 最高票：选项{ $option }，占{ $share }%（{ $consensus }）
# 第一轮不公开票数时：已表态人数/学员人数
app-class-voted = 已投票 { $voted }/{ $size }
# 讨论后领先选项的变化
app-class-vote-moved = 讨论后：选项{ $option } 从 { $before }% 到 { $after }%
# { $moves } 如“1 +12、2 -12”：选项序号和它的得票率变了多少个百分点
app-class-vote-shift = 讨论后变化（百分点）：{ $moves }
app-class-grey-bars = （灰条为第一轮）
app-class-tie = 平票（选项 { $options }），请老师确定

## 导师快捷键（按 H 显示）

app-class-help-title = 导师快捷键
app-class-help-close = 关闭（H）
app-class-key-vote = 为该选项加一票；查看后果前：为该预判举手计一人
app-class-key-unvote = 减一票
app-class-key-final-round = 开始第二轮（讨论后再投）
app-class-key-enter = 按多数决定；查看后果；继续
app-class-key-instructor = 由老师确定：平票时选定，或直接决定
app-class-key-pause = 暂停 / 继续计时
app-class-key-add-time = 加时 1 分钟
app-class-key-reveal = 查看本次决策的后果
app-class-key-meters = 显示 / 隐藏态势指标
app-class-key-feed = 显示 / 隐藏舆情信息栏
app-class-key-scores = 复盘中显示 / 隐藏成绩
app-class-key-debrief = 直接进入复盘
app-class-key-rewind = 回到前面的决策，走另一条路
app-class-key-restart = 重新开始
app-class-key-projector = 投影模式开 / 关
app-class-key-console = 导师控制台窗口（第二块屏幕）
app-class-key-fullscreen = 全屏
app-class-key-help = 显示 / 隐藏本帮助
app-class-key-close = 关闭弹出框
app-class-key-language = 切换界面语言

## 回到前面某一步，走另一条路

# 这次决策没有选，时间到了
app-class-timed-out = （时间到）
app-class-rewind-hover = 回到这次决策之前，重新决定
app-class-rewind-title = 回到哪一步？
app-class-rewind-explain = 按数字键或点击：从那一步起走另一条路，复盘时两条路并排比较。
app-class-cancel = 取消

## 复盘时两条路并排比较

app-class-compare-title = 两条路对比
app-class-compare-part = 从第 { $decision } 步起分开
app-class-road-taken = 原来的路
app-class-road-other = 另一条路
app-class-no-ending = 没有走到结局
# 得分表的表头
app-class-column-competency = 能力
app-class-column-taken = 原来的路
app-class-column-other = 另一条路
