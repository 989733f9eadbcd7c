# 导师控制台：第二块屏幕上的窗口，学员看不到。键名以 app-console- 开头。

app-console-window-title = 沙盘 · 导师控制台
app-console-title = 导师控制台
app-console-private = （只在这块屏幕显示，学员看不到）
app-console-no-run = 还没有开始演练。
# 演练中场景文件被改坏了，{ $problem } 是错误说明，另起一行
app-console-reload-problem =
    修改后的场景文件有错误，仍在运行上一个正确版本：
    { $problem }
app-console-decisions = 已作出的决策（点击回到那一步，走另一条路）
app-console-scores = 成绩（投影上由 S 公布）

## 控制按钮，后面括号里是快捷键

app-console-resume = 继续计时
app-console-pause = 暂停计时
app-console-add-time = 加时 1 分钟
app-console-show-meters = 显示指标
app-console-hide-meters = 隐藏指标
app-console-show-posts = 显示舆情栏
app-console-hide-posts = 隐藏舆情栏
app-console-show-scores = 公布成绩
app-console-hide-scores = 隐藏成绩
app-console-skip-to-debrief = 跳到复盘
app-console-restart = 重新开始
app-console-projector = 投影模式
app-console-leave-projector = 退出投影模式

## 录入票数

app-console-enter-votes = 录入票数
app-console-instructor-decides = 由导师决定
app-console-final-round = 开始第二轮 (V)
app-console-take-majority = 按多数决定 (Enter)

## 当前场景

app-console-ended = 演练已结束。
# { $scene } 是场景标题，后面括注场景 id
app-console-scene = 当前场景：{ $scene }
app-console-time-left = 剩余时间 { $secs } 秒
app-console-note = 导师提示
app-console-red-line = 红线：{ $text }
app-console-no-note = （这个场景没有导师提示）
app-console-leads = 从这里出发
app-console-to-ending = → 结局：{ $title }
app-console-to-end = → 结束（按条件定结局）
app-console-to-random = → 随机：{ $outcomes } 种结果
# 括注在条件还不满足的选项后面
app-console-not-available = 条件未满足
# 选项下方：它在场景文件里是第几项、id 是什么（投影上的序号随种子打乱）
app-console-authored = 文件中第 { $n } 项 · { $id }
app-console-time-runs-out = 时间到未决定
app-console-best = ★ 最佳路线的选择（按预期总分）
# { $scenes } 是场景标题的列表
app-console-reached-from = 从这些场景可以来到这里：{ $scenes }

## 指标

app-console-meters = 全部指标
# 括注在学员看不到的指标后面
app-console-hidden-meter = 隐藏，仅导师可见
# { $flags } 是已经设置的标记 id，用 · 隔开
app-console-flags = 已发生：{ $flags }
app-console-map = 路线图（粗框为当前场景）
