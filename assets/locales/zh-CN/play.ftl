# 终端里的演练（shapan play）和演练后的文字复盘。键名以 play- 开头。

## 开场

# 场景概况：类别 · 时长 · 难度
play-facts = 类别：{ $category } · { $minutes } 分钟 · 难度：{ $difficulty }
play-objectives = 学习目标：
play-your-role = 你的角色：{ $role }

## 场景、消息和选项

# 场景没有标题时，用第几步作标题
play-step = 第 { $n } 步
play-speaker = { $name }：
play-speaker-titled = { $name }（{ $title }）：
play-hotline-caller = 来电人：{ $author }
play-hotline-request = 诉求：{ $text }
# 一个指标的变化，{ $change } 带正负号，如 +5
play-meter-change = { $meter } { $from }→{ $to }（{ $change }）
play-timed-out = ⏱ 时间到，没有作出决定。
play-ending = 结局：{ $title }
# 条件还没满足、显示为灰色的选项前面的标注
play-not-available = 条件不满足
play-time-limit = ⏱ 限时 { $secs } 秒作出决定
play-prompt = 请输入序号：
# 倒计时，{ $left } 已右对齐成三格
play-countdown = ⏱ 剩余 { $left } 秒
play-time-is-up = ⏱ 时间到！

## 不能这样选的原因

# 提到一个选项：选项的文字和 id
play-choice-named = “{ $text }”（{ $id }）
# 提到一个找不到文字的选项：只有 id
play-choice-id = “{ $id }”
play-refused-disabled = 选项{ $choice }现在是灰色的，不能选：它的条件“{ $condition }”还没有满足。请选一个没有标“条件不满足”的选项。
play-refused-no-timer = 这个场景没有限时，不能用 t 让时间耗尽。
play-refused-not-offered = 选项{ $choice }不在这个场景里，或不属于你扮演的角色。
play-refused-unknown = 没有 id 为“{ $id }”的选项。
play-refused-ended = 演练已经结束，不能再做决定。
play-invalid = 无效的选择：{ $reason }
play-try-again = 无效的选择，请重新输入： { $reason }

## 开始、继续和结束一次演练

play-seed = 随机种子（用 --seed 重现本次）： { $seed }
play-resuming = 继续中断的演练 #{ $id }
play-no-interrupted = 没有中断的演练可以继续。
play-cannot-replay = 无法重放: { $error }
# { $roles } 是场景里所有角色的 id
play-no-role = 没有这个角色： '{ $role }' ({ $roles })
play-out-of-input = 没有更多的决定了，演练在结局前停止。
play-approximate = 无法完整探索这个场景，分数按近似范围计算: { $error }

## 文字复盘

play-debrief-role = 角色：{ $role }
play-debrief-ending = 结局：{ $title }
play-debrief-no-ending = 演练没有走到结局。
# { $total } 已取整（满分 100）
play-debrief-total = 总分：{ $total }（{ $grade }）
play-debrief-competencies = 能力得分：
# 先列出最值得吸取教训的几个决定
play-debrief-turning-points = { $title }：
play-debrief-competency = { $name }（得分{ $points }，可能范围 { $min }..{ $max }，权重 { $weight }）
play-debrief-decisions = 全部决策：
# 一个决定用了多少秒
play-debrief-seconds = { $secs }秒
play-debrief-feedback = 反馈：{ $feedback }
play-debrief-meters = 指标变化：
# 一个指标从开始到结束的各个数值，用 → 连起来
play-debrief-meter = { $meter }：{ $values }
play-debrief-commentary = 总评：
