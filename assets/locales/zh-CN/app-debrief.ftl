# 桌面程序的复盘界面。键名以 app-debrief- 开头；各个复盘共用的文字在 debrief.ftl。

app-debrief-play-again = 再练一次
app-debrief-go-back = 回到某一步，走另一条路（B）
app-debrief-show-scores = 显示成绩（S）
app-debrief-hide-scores = 隐藏成绩（S）
app-debrief-scores-hidden = 成绩暂不显示，导师按 S 公布
app-debrief-class-decisions = 全班的决策
