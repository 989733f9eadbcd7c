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

## 各个复盘界面（终端、打印网页、桌面程序）共用的文字

debrief-title = 复盘：{ $title }
debrief-basis = 依据：{ $basis }
# 点评的标签，后面紧跟点评内容
debrief-expert = 专家点评：
debrief-practitioner = 基层干部点评：

## 桌面程序的复盘页

debrief-building = 正在生成复盘：逐一计算每次决策更好的选择……
# A run that crossed a red line: named before the scores.
debrief-red-lines-title = 越过了红线：无论得分多少，本次评定不高于“待改进”
# $text is the line crossed as the author wrote it; $action what the trainee did.
debrief-red-line = { $text }（{ $action }）
debrief-voices-differ = 两位老师在这里看法不同，值得讨论
