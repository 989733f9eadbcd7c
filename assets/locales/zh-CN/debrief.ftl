# 复盘的标签。键名以 debrief- 开头。

debrief-silence = （未作决定，时间到）

## 全班投票

debrief-consensus-united = 意见统一
debrief-consensus-majority = 多数赞成
debrief-consensus-divided = 意见分散
debrief-vote-rounds = 第一轮 { $first } → 第二轮 { $last }
debrief-vote-counts = 票数 { $counts }
debrief-vote-share = ，最多票占 { $share }%（{ $consensus }）
debrief-vote-by-instructor = ，导师裁决

## 图表的标题

debrief-chart-competencies = 能力得分
debrief-chart-meters = 态势变化
