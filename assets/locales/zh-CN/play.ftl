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
# 灰色选项下方的一行：为什么不能选（{ $what } 是缺少的条件，用下面几条拼成）
play-lock-needs = 需要：{ $what }
# 几个条件都要满足 / 满足其一即可
play-lock-and = { $a }；{ $b }
play-lock-or = { $a }，或者{ $b }
# 一个标记的反面：{ $what } 是标记的说明
play-lock-not = 没有出现‘{ $what }’的情况
play-lock-ge = { $name }不低于 { $n }
play-lock-gt = { $name }高于 { $n }
play-lock-le = { $name }不高于 { $n }
play-lock-lt = { $name }低于 { $n }
play-lock-eq = { $name }等于 { $n }
play-lock-ne = { $name }不等于 { $n }
# 条件里用到的演练时间
play-lock-minutes = 开始后的分钟数
play-lock-hours = 开始后的小时数
play-lock-visited = 经过‘{ $scene }’这一步
play-lock-not-visited = 没有经过‘{ $scene }’这一步
play-lock-chose = 选过‘{ $choice }’
play-lock-not-chose = 没有选过‘{ $choice }’
play-lock-role = 扮演{ $role }
play-lock-not-role = 不是扮演{ $role }
# 条件无法用文字说明时，原样给出条件
play-lock-condition = 条件“{ $condition }”成立
# 跟在缺少的标记后面：前面哪一次决定本可以设置它（选项文字里常有双引号，这里用单引号）
play-lock-you-chose = （你们当时选了‘{ $choice }’）
play-lock-you-let-time-run-out = （你们当时在‘{ $scene }’没有作出决定）
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
# { $reason } 是灰色选项下方那一行（“需要：……”）
play-refused-disabled = 选项{ $choice }是灰色的，不能选。{ $reason }（条件“{ $condition }”不成立）。请选一个带序号的选项。
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
