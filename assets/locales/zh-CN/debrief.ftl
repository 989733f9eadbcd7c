# 复盘的标签。键名以 debrief- 开头。

debrief-silence = （未作决定，时间到）
