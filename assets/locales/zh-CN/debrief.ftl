# 复盘的标签。键名以 debrief- 开头。

debrief-silence = （未作决定，时间到）

## 全班投票

debrief-consensus-united = 意见集中
debrief-consensus-majority = 形成多数
debrief-consensus-divided = 意见分散
debrief-vote-rounds = 第一轮 { $first } → 第二轮 { $last }
debrief-vote-counts = 票数 { $counts }
# 投影上决定后的一行：所选选项在各轮的票数
debrief-vote-headline-rounds = 第一轮 { $first } 票 → 第二轮 { $last } 票
debrief-vote-headline = { $votes } 票
debrief-vote-headline-share = ，占 { $share }%
debrief-vote-share = ，最高票占 { $share }%（{ $consensus }）
debrief-vote-by-instructor = ，由老师确定

## 图表的标题

debrief-chart-competencies = 能力得分
debrief-chart-meters = 态势变化
# 能力得分图上的合格线；$points 是合格的分数线
debrief-chart-pass = 合格线 { $points }
# 态势图的横轴（第几个决定，0 是开始）和纵轴（各指标量程不同时）
debrief-chart-steps = 第几个决定（0 为开始）
debrief-chart-lowest = 最低
debrief-chart-highest = 最高

## 各个复盘界面（终端、打印网页、桌面程序）共用的文字

debrief-title = 复盘｜{ $title }
debrief-basis = 依据：{ $basis }
# 每个决定的评价，写在它的文字之前（阈值见 src/engine/rating.rs）
debrief-rating-good = 稳妥
debrief-rating-acceptable = 可以接受
debrief-rating-poor = 欠妥
debrief-rating-red-line = 越过红线
# 更好的做法能多得的分数；$points 已取整
debrief-gain = 本可多得约 { $points } 分
debrief-gain-under-one = 相差不到 1 分
debrief-better-road = 更好的做法：{ $choice }
# 更好的做法为什么更好：它的反馈的第一句
debrief-why = 为什么：{ $why }
debrief-what-happened = 结果：{ $feedback }
debrief-step = 第 { $n } 个决定
debrief-choice-taken = 当时的选择：{ $choice }
debrief-choice-taken-class = 全班的选择：{ $choice }
# 复盘开头：失分最多的几个决定
debrief-turning-points = { $count ->
    [0] 转折点
    [1] 一个转折点
    [2] 两个转折点
   *[other] 三个转折点
}
debrief-turning-points-note = 总分满分 100。“本可多得”指当时改用更好的做法、此后每一步也都走好，总分大约能高出多少。
debrief-no-turning-points = 这一次没有哪个决定明显失分：每一步都接近当时最好的做法。
debrief-all-decisions = 全部决策
# 点评的标签，后面紧跟点评内容
debrief-expert = 专家点评：
debrief-practitioner = 基层干部点评：

## 桌面程序的复盘页

debrief-building = 正在计算成绩、图表和每一步更好的做法……
# A run that crossed a red line: named before the scores.
debrief-red-lines-title = 越过了红线：无论得分多少，本次评定不高于“待改进”
# $text is the line crossed as the author wrote it; $action what the trainee did.
debrief-red-line = { $text }（{ $action }）
debrief-voices-differ = 两位老师在这里看法不同，值得讨论
