# `shapan graph` and the scenario map: labels on the map, its legend, the command's errors.

graph-no-role = 没有这个角色：{ $role }；可选：{ $roles }
graph-cannot-write = 无法写入文件：{ $error }
# A timer's arrow: what happens when $seconds pass without a decision.
graph-timer = ⏱ { $seconds }秒无决定
graph-inject = 插入事件 { $id }
# The arrow from an inject to where it sends the story.
graph-redirect = 跳转
# The junction of a random draw.
graph-random = 随机
# The junction where `End` picks the first ending whose condition holds.
graph-judge = 按条件定结局
# The arrow to the ending without a condition.
graph-otherwise = 否则
graph-legend-best = 最佳路线
graph-legend-timer = 限时到了还没决定
graph-legend-random = 随机结果（概率）
graph-legend-grey = 灰色：没有路线能到
