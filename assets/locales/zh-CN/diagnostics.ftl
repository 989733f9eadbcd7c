# Diagnostics: the loader, the validator and the analyser. Chinese is the original.

## src/scenario/validate/flow.rs

diag-end-is-used-but-every-ending = 用了 End，但角色“{ $id }”能得到的结局都有条件，可能一个都不满足
diag-add-ending-without-condition-at-end = 在 endings 最后加一个没有 condition 的结局作为兜底
diag-scene-has-no-choices-and-no = 场景“{ $id }”没有选项也没有限时，学员会卡在这里
diag-add-choice-e-g-continue-leading = 加一个选项，例如“继续”，指向下一个场景
diag-every-choice-in-scene-has-condition = 场景“{ $id }”的选项都有条件，可能一个都不出现
diag-leave-one-choice-without-condition-or = 至少留一个没有条件的选项，或加上 timer
diag-no-ending-can-be-reached-from = 从开始场景走不到任何结局
diag-check-choices-next-at-least-one = 检查选项的 next：至少一条路要通向 Ending(…) 或 End
diag-no-path-leads-to-scene = 没有任何路径通向场景“{ $id }”
diag-point-choice-at-it-scene-or = 从某个选项指向它（Scene("{ $id }")），或删掉它
diag-no-ending-from-scene = 从场景“{ $id }”出发走不到任何结局（死循环）
diag-give-this-loop-way-out = 给这个循环加一个出口
diag-no-path-leads-to-ending = 没有任何路径通向结局“{ $id }”
diag-role-can-reach-scene-which-is = 角色“{ $role }”也能走到只给 { $roles } 的场景“{ $id }”
diag-route-roles-with-choices-roles-lists = 用选项的 roles 或角色的 start 把不同角色引到不同场景
diag-role-can-reach-ending-which-is = 角色“{ $role }”也能走到只给 { $roles } 的结局“{ $id }”
diag-no-path-leads-to-this-its = 没有任何路径通向这个{ $kind }：它的 id “{ $id }” 和前面的{ $kind }重复，所有指向“{ $id }”的路都去了前面那个
diag-give-it-new-id-and-point = 给它起一个新的 id，再让某个选项指向它
diag-no-path-leads-to-way-to = 没有任何路径通向{ $kind }“{ $id }”：通向它的路要经过{ $twin }“{ $twin_id }”，而那个{ $twin }的 id 和前面的重复了（见上面的 id 重复错误）
diag-give-repeated-new-id-first-this = 先给重复的{ $twin }“{ $twin_id }”改一个新的 id，这条警告会随之消失

## src/scenario/validate/refs.rs

diag-is-ending-write-ending = “{ $id }”是结局，请写 Ending("{ $id }")
diag-there-is-no-scene-with-id = 没有 id 为“{ $id }”的场景
diag-there-is-no-with-id = 没有 id 为“{ $id }”的{ $kind }
diag-competency-is-scored-twice = 能力项“{ $key }”记了两次分
diag-there-is-no-competency-with-id = 没有 id 为“{ $key }”的能力项
diag-is-scene-write-scene = “{ $id }”是场景，请写 Scene("{ $id }")
diag-there-is-no-ending-with-id = 没有 id 为“{ $id }”的结局
diag-did-you-mean = 是不是“{ $suggestion }”？
diag-is-flag-use-setflag-or-clearflag = “{ $id }”是标记，请用 SetFlag 或 ClearFlag
diag-there-is-no-meter-with-id = 没有 id 为“{ $id }”的指标
diag-is-meter-use-add-or-set = “{ $id }”是指标，请用 Add 或 Set
diag-there-is-no-flag-with-id = 没有 id 为“{ $id }”的标记
diag-image-path-leaves-assets-folder = 图片路径“{ $file }”跑出了素材文件夹
diag-use-relative-path-without-or-drive = 写相对路径，不要用“..”或盘符，例如 portraits/li.png
diag-use-png-of-at-most-4096 = 请用不超过 4096×4096 像素的 PNG 图片
diag-image-not-found = 找不到图片“{ $file }”
diag-put-it-beside-scenario-or-under = 图片放在场景文件旁边或 assets/ 文件夹里（找过：{ $roots }）
diag-image-is-not-png-or-file = 图片不是 PNG 格式，或文件已损坏
diag-image-is-x-over-x-limit = 图片尺寸 { $width }×{ $height } 超出上限 { $max_image_side }×{ $max_image_side }

## src/scenario/validate/structure.rs

diag-format-version-is-not-supported = 不支持格式版本 { $format }
diag-this-shapan-reads-format = 这个版本的沙盘读取 format: { $format_version }
diag-meter-has-max-not-above-min = 指标“{ $id }”的上限 { $max } 不大于下限 { $min }
diag-meter-starts-at-outside = 指标“{ $id }”的初始值 { $start } 不在 { $min }..{ $max } 之内
diag-set-start-between-min-and-max = 把 start 改到 min 和 max 之间
diag-weight-must-be-above-0-it = 权重必须大于 0（现在是 { $weight }）
diag-remove-competency-that-should-not-count = 不想计入总分的能力项，直接删掉
diag-random-branch-s-weight-must-be = 随机分支的权重必须大于 0（现在是 { $weight }）
diag-random-needs-at-least-one-branch = Random 里至少要有一个分支
diag-outcome-predicts-nothing = 这个分支写了 outcome '{ $id }'，但这里没有预判
diag-outcome-belongs-to-predicting-choice = `outcome` 只能写在带 `predict` 的选项自己的 `Random` 分支上；删掉它，或给选项加上 `predict`
diag-predict-lists-outcomes = `predict` 列了 { $count } 个结果；全班要在 2 到 4 个结果中选
diag-predict-two-to-four = 写 2 到 4 个有人会主张的结果，其中一个是实际发生的
diag-outcome-id-twice = 这个选项有两个结果都叫 '{ $id }'
diag-happens-beside-random = 下一步是 `Random` 时不能用 `happens`：实际结果由抽签决定
diag-name-outcome-on-each-branch = 给每个结果一个 `id`，并在 `Random` 的每个分支上写 `outcome: "id"`
diag-branch-names-no-outcome = 第 { $branch } 个随机分支没有说明它对应哪个预判结果
diag-there-is-no-outcome-with-id = 这个选项的 `predict` 里没有 id 为 '{ $id }' 的结果
diag-no-outcome-happens = `predict` 里没有一个结果写了 `happens: true`，全班怎么猜都不会对
diag-several-outcomes-happen = 有不止一个结果写了 `happens: true`；实际发生的只能有一个
diag-mark-one-happens = 只在一个结果上写 `happens: true`：就是这个选项的反馈和下一个场景所写的那个
diag-timer-cannot-be-0-seconds = 限时不能是 0 秒
diag-time-is-not-hh-mm = 时间“{ $start }”不是 时:分 格式
diag-for-example-08-30 = 例如 "08:30"
diag-declare-at-least-one-language = 至少要声明一种语言
diag-for-example-languages-zh-cn-en = 例如 languages: ["zh-CN", "en"]
diag-write-language-as = 请写成“{ $tag }”
diag-language-tag-hint = 请用 BCP 47 语言标签，例如 zh-CN、en、bo（藏语）、ug（维吾尔语）
diag-unknown-language-code = 不认识的语言代码“{ $code }”
diag-language-is-listed-twice = 语言“{ $code }”重复了
diag-id-is-not-usable = { $kind } id “{ $id }” 不可用：{ $problem }
diag-ids-use-letters-digits-and-underscores = id 用字母、数字、下划线（中文也可以），例如 hot_search
diag-id-is-used-twice-has-it = { $kind } id “{ $id }” 重复了：{ $first }已经用了它
diag-id-is-used-twice = { $kind } id “{ $id }” 重复了
diag-give-this-one-new-id-copied = 给这一个起一个新的 id（复制一段内容后，常会忘了改 id）
diag-it-is-empty = 是空的
diag-longer-than-characters = 超过 { $max_id_len } 个字符
diag-it-is-used-in-conditions-so = 条件里要用到它，不能含“-”，请用“_”
diag-it-contains = 含有字符“{ $char }”
diag-it-starts-with-digit = 不能以数字开头
diag-is-reserved-in-conditions = “{ $id }”是条件语言的保留字
diag-scenario-id-is-not-usable = 场景 id “{ $id }” 不可用：{ $problem }
diag-at-least-one-role-is-needed = 至少要有一个角色
diag-at-least-one-competency-is-needed = 至少要有一个能力项
diag-at-least-one-ending-is-needed = 至少要有一个结局

## src/scenario/validate/texts.rs

diag-this-text-has-one-version-but = 这段文字只有一种写法，但场景声明了 { $declared }
diag-write-zh-cn-en = 写成 {"{"}"zh-CN": "…", "en": "…"{"}"}
diag-text-is-empty = 文字是空的
diag-keep-button-to-what-trainee-does = 按钮上只写要做的事，把理由和细节移到这个选项的 feedback（选后反馈）里
diag-split-it-across-two-scenes-or = 拆成两个场景，或删去次要内容
diag-text-is-too-long-to-read = { $language }文字太长，投影时难以阅读（{ $width } 列，上限 { $max } 列；一个汉字算两列）
diag-missing-text = 缺少 { $missing } 的文字
diag-every-text-needs-one-version-for = 每段文字都要有 { $declared } 各一份
diag-language-is-not-declared-in-languages = 语言“{ $language }”没有在 languages 里声明
diag-scenario-declares = 场景声明的语言：{ $declared }
diag-language-is-written-twice = 语言“{ $language }”写了两次

diag-text-language = { $tag ->
        [zh-CN] 中文（zh-CN）
        [en] 英文（en）
        [none] {""}
       *[other] “{ $tag }”
    }

## src/scenario/validate/usage.rs

diag-meter-is-never-changed-and-never = 指标“{ $id }”没有被任何选项改变，也没有被任何条件用到
diag-change-it-with-add-in-choice = 在选项的 effects 里用 Add("{ $id }", …) 改变它，或删掉它
diag-flag-is-never-set-and-never = 标记“{ $id }”没有被设置，也没有被任何条件用到
diag-flag-is-never-set-so-conditions = 标记“{ $id }”从未被设为真，用到它的条件永远不成立
diag-add-setflag-to-some-choice-s = 在某个选项的 effects 里加上 SetFlag("{ $id }")
diag-no-choice-scores-competency = 没有任何选项给能力项“{ $id }”记分
diag-score-it-in-choice-with-scores = 在选项里写 scores: {"{"}"{ $id }": 2{"}"}，或删掉它
diag-choice-has-no-feedback = 选项“{ $id }”没有反馈（feedback）
diag-tell-trainee-what-this-decision-led = 告诉学员这个决定带来了什么、为什么
diag-locked-never-shown = 选项“{ $id }”写了 locked，但它从不会显示为灰色
diag-locked-needs-disable = locked 显示在灰色选项下方：给这个选项加上 condition 和 when_unmet: Disable，或删掉 locked
diag-timer-has-no-feedback-tell-trainee = 限时没有反馈：超时后学员应知道沉默的代价

## src/scenario/syntax.rs

diag-at-path = （位置：{ $path }）
diag-here-is-full-width-character = 这里的“{ $char }”是全角符号
diag-type-ascii-instead = 请改成半角（英文输入法）的“{ $ascii }”
diag-bracket-or-quote-is-not-closed = 有括号或引号没有闭合；检查最后几行
diag-brackets-nested-too-deeply-at-most = 括号嵌套太深（最多 { $max_nesting } 层）
diag-scenarios-never-need-this-many-levels = 场景文件不需要这么多层；检查是否有多余的括号
diag-did-you-mean-fields-here = 是不是“{ $suggestion }”？可用的字段：{ $expected }
diag-fields-here = 可用的字段：{ $expected }
diag-has-no-field = { $outer } 没有字段“{ $found }”{ $place }
diag-did-you-mean-one-of = 是不是“{ $suggestion }”？可选：{ $expected }
diag-one-of = 可选：{ $expected }
diag-has-no-variant = { $outer } 没有“{ $found }”这一项{ $place }
diag-is-missing-required-field = { $outer } 缺少必填字段“{ $field }”{ $place }
diag-add-before-this-closing-bracket = 在这个括号结束前加上 { $field }: …
diag-has-field-twice = { $outer } 的字段“{ $field }”写了两次{ $place }
diag-remove-one-of-them = 删掉其中一个
diag-every-item-needs-comma-after-it = 每一项后面都要有英文逗号“,”
diag-check-for-missing-comma-or-extra = 检查是否少了逗号或多了括号
diag-check-for-missing-comma = 检查是否少了逗号
diag-check-for-missing-comma-or-something = 检查是否少了逗号或多写了内容
diag-file-holds-one-scenario-check-for = 一个文件只写一个场景；检查括号是否提前闭合
diag-is-full-width-character-type-ascii = “{ $char }”是全角符号，请改成半角（英文输入法）的“{ $ascii }”
diag-field-names-are-english-words-title = 字段名要用英文（如 title、text）；中文内容要写在双引号里
diag-file-is-not-utf-8-text = 文件不是 UTF-8 编码的文本
diag-is-fixed-word-written-without-quotes = { $field }是固定的词，不加引号：{ $word }
diag-write-instead-of = 把 "{ $word }" 改成 { $word }
diag-did-you-mean-word-one-of = 是不是 { $suggestion }？可选：{ $all }
diag-one-of-words = 可选：{ $all }
diag-fixed-word-not-one-of = { $field }是固定的词，不加引号，而且没有“{ $word }”这一项
diag-closing-bracket-is-missing-here = 这里少了一个右括号“{ $close }”
diag-item-opened-with-on-line-is = 第 { $line } 行的“{ $open }”开始的这一项还没有结束，后面的内容就开始了；在这里补上“{ $close }”
diag-file-ends-but = 文件结束了，但{ $count ->
        [1] 少了一个右括号“{ $closers }”
       *[other] 少了 { $count } 个右括号“{ $closers }”
    }
diag-on-line-is-never-closed-add = 第 { $line } 行的“{ $innermost }”没有闭合；找到它该结束的地方补上

## src/scenario/load.rs

diag-file-not-found = 找不到文件 { $shown }
diag-check-path-and-file-name = 检查路径和文件名是否写对
diag-cannot-read = 无法读取 { $shown }：{ $error }
diag-is-folder-not-scenario-file = { $shown } 是文件夹，不是场景文件
diag-shapan-validate-folder-checks-every-ron = `shapan validate 文件夹` 会检查其中所有 .ron 文件
diag-file-too-large-bytes-limit-is = 文件太大（{ $size } 字节，上限 { $mib } MiB）
diag-scenario-is-usually-under-200-kib = 一个场景通常不到 200 KiB；请检查是否选错了文件
diag-file-is-not-utf-8-from-byte = 文件不是 UTF-8 编码的文本（第 { $byte } 个字节起）
diag-save-it-as-utf-8-in = 用记事本或 WPS 另存为“UTF-8”编码；若是 GBK 编码的文件，需要先转换
diag-file-is-empty = 文件是空的
diag-start-from-copy-of-one-of = 从 scenarios/ 里复制一个示例场景作为起点

## src/scenario/expr.rs

diag-type-number = 数值
diag-type-yes-no = 是/否
diag-single-does-not-compare = 单个“=”不是比较运算符
diag-write-to-test-equality = 比较是否相等请写“==”
diag-must-be-doubled = “{ $char }”要成对书写
diag-write-doubled = 请写“{ $op }”
diag-number-is-too-large = 数字 { $digits } 太大
diag-unexpected-character-in-condition = 条件里不能有字符“{ $char }”
diag-this-is-full-width-character-type = 这是全角符号，请改用半角（英文输入法）的“{ $ascii }”
diag-conditions-may-use-numbers-meter-and = 条件可用：数字、指标和标记的 id、比较（== != < <= > >=）、&&、||、!、括号，以及 visited(场景)、chose(选项)、role(角色)
diag-condition-too-long-characters-at-most = 条件太长（{ $chars } 个字符，最多 { $max_len } 个）
diag-split-it-into-flags-or-meters = 把它拆成几个标记或指标
diag-condition-is-empty = 条件是空的
diag-if-no-condition-is-needed-remove = 不需要条件时，删掉这个字段
diag-unexpected = 多余的 { $what }
diag-join-two-conditions-with-or = 两个条件之间要用 && 或 || 连接
diag-token-number = 数字 { $number }
diag-token-name = 名称“{ $suggestion }”
diag-token-operator = “{ $operator }”
diag-token-open-paren = “(”
diag-token-close-paren = “)”
diag-token-end = 结尾
diag-condition-nested-too-deeply-at-most = 条件嵌套太深（最多 { $max_depth } 层）
diag-comparisons-cannot-be-chained = 比较不能连写（“{ $operator }”）
diag-write-b-b-c = 写成 a < b && b < c
diag-there-is-no-function = 没有叫“{ $name }”的函数
diag-functions-visited-scene-chose-choice-role = 可用的函数：visited(场景)、chose(选项)、role(角色)
diag-expected-but-found = 这里缺少“)”，却是 { $what }
diag-to-close-at-character = 与第 { $at } 个字符处的“(”配对
diag-expected-number-name-or-but-found = 这里应是数值、名称或“(”，却是 { $what }
diag-is-missing-its = { $func }( 缺少右括号“)”
diag-takes-exactly-one-id = { $func }(…) 只接受一个 id
diag-for-example-hot-search = 例如 { $func }(hot_search)
diag-condition-must-be-yes-or-no = 条件要得出是或否，例如 trust >= 60
diag-expected-here-found = 这里需要{ $want }，却是{ $got }
diag-no-meter-or-flag-is-called = 没有叫“{ $name }”的指标或标记
diag-declare-it-under-meters-or-flags = 在 meters 或 flags 里声明它

## src/engine/analysis.rs

diag-ending-listed-before-it-always-holds = 排在它前面的结局“{ $other }”的条件总是成立，走到结局时总是先选中它
diag-put-fallback-ending-one-without-condition = 没有条件的兜底结局要放在最后：结局按文件中的顺序检查，第一个条件成立的就是结局
diag-its-condition-can-never-hold-within = 它的条件在指标的取值范围内永远不会成立
diag-check-numbers-in-condition-no-meter = 检查条件里的数字：指标达不到这个值（例如最大值是 186 时写了 > 186）
diag-no-road-ends-where-its-condition = 没有一条路线在结束时满足它的条件
diag-look-at-map-shapan-graph-for = 用 shapan graph 看看哪些选择能让条件成立，或者放宽条件
diag-no-role-can-reach-ending = 任何角色都到不了结局“{ $id }”：{ $reason }
diag-role-cannot-reach-ending = 角色“{ $who }”到不了结局“{ $id }”：{ $reason }
diag-no-road-reaches-scene-conditions-on = 没有一条路线能走到场景“{ $id }”：沿途的条件总把它挡在外面
diag-choice-is-never-open-on-any = 选项“{ $id }”在任何路线上都不会出现或不能选：它的条件在走到这里时从不成立
diag-check-what-flags-and-meters-in = 看看条件里的标记和指标在走到这个场景时可能是什么值
diag-best-play-takes-red-line-choice = 最优路线会选择触碰红线的选项“{ $id }”：复盘会把它推荐给学员
diag-red-line-choice-should-score-lowest = 红线选项应当得分最低或导向失败结局；检查它的得分和后果
diag-flag-is-set-but-no-condition = 标记“{ $id }”会被设置，但没有任何条件读取它：它不改变任何后果
diag-hidden-meter-changes-but-no-condition = 隐藏指标“{ $id }”会变化，但没有任何条件读取它，学员也看不到：它不改变任何后果

## src/scenario/syntax.rs: what ron met, and where

diag-nothing = {""}
diag-with-place = { $what }{ $at }
diag-verbatim = { $text }
diag-ron-error = 格式错误：{ $error }
diag-expected-found = 这里应是 { $expected }，却是 { $found }
diag-unexpected-character = 这里不能有字符“{ $char }”
diag-the-value-of = { $field } 的值
diag-this-value = 这里
diag-path-index = 第 { $number } 个{ $kind }
diag-path-step = { $head } → { $tail }
diag-file-ends-unexpectedly-here = 文件在这里意外结束
diag-expected-comma-here = 这里缺少逗号
diag-expected-end-of-list = 这里应是列表的结尾“]”
diag-expected-brace = 这里应是“{"}"}”
diag-expected-colon = 这里缺少冒号“:”
diag-expected-paren = 这里应是“)”
diag-text-is-missing-its-closing-quote = 文字缺少结尾的双引号
diag-expected-fixed-word-without-quotes = 这里应是不加引号的固定的词
diag-expected-field-name-or-name = 这里应是字段名或名称
diag-comment-is-never-closed-with = 注释 /* 没有用 */ 结束
diag-unexpected-content-after-end-of-scenario = 场景结束后还有多余内容
diag-expected-text-in-double-quotes = 这里应是用双引号括起来的文字
diag-expected-whole-number = 这里应是整数
diag-expected-true-or-false = 这里应是 true 或 false
diag-expected-list-in = 这里应是用方括号 [ ] 括起来的列表
diag-expected-map-in = 这里应是用花括号 {"{"} {"}"} 括起来的表
diag-expected-structure-in = 这里应是用圆括号 ( ) 括起来的结构
diag-number-out-of-range = 数字超出范围

## Kinds of things in a scenario, as parts of other messages

diag-kind-scene = 场景
diag-kind-choice = 选项
diag-kind-ending = 结局
diag-kind-role = 角色
diag-kind-character = 人物
diag-kind-meter = 指标
diag-kind-competency = 能力项
diag-kind-flag = 标记
diag-kind-inject = 突发事件
diag-kind-post = 帖文
diag-kind-objective = 目标
diag-kind-effect = 效果
diag-kind-random-branch = 随机分支

## Severities and the report (src/scenario/render.rs, src/cli/validate.rs)

diag-severity-error = 错误
diag-severity-warning = 警告
diag-help-label = 帮助
diag-summary-ok = { $file }：通过，没有问题
diag-summary = { $file }：{ $errors } 个错误，{ $warnings } 个警告
diag-summary-total = 合计 ({ $files })
diag-no-scenarios-folder = 当前目录下没有 scenarios/ 文件夹；请给出要检查的文件或文件夹
