# 运行时错误：每条都说清发生了什么、该怎么办。键名以 error- 开头。

## 演练引擎

error-engine-unknown-role = 这个场景里没有“{ $role }”这个角色。请检查角色名称，或不指定角色，从第一个角色开始。
error-engine-unknown-choice = 没有 id 为“{ $choice }”的选项。请检查拼写，或输入选项前的序号。
error-engine-not-offered = 选项“{ $choice }”现在不能选：它不属于当前场景或你的角色。请从当前列出的选项中选择。
error-engine-disabled = 选项“{ $choice }”暂时不可用：它的条件还没有满足。请选择其他选项。
error-engine-ended = 演练已经结束，不能再做决定。可以查看复盘，或重新开始一次演练。
error-engine-no-ending = 演练走到了尽头，但没有一个结局的条件成立。请联系场景作者补充一个不带条件的结局。
error-engine-stuck = 这个场景没有可选的选项，也没有限时，演练无法继续。请联系场景作者修改这个场景。
error-engine-stuck-event = 这个场景没有可选的选项，也没有限时，演练无法继续。到目前为止的决定都已保存；请联系场景作者修改这个场景（shapan validate 会提示 maybe-no-way-out）。

## 存档与重放

error-state-other-scenario = 这份存档属于场景“{ $saved }”，不是“{ $loaded }”。请打开存档对应的场景再继续。
error-state-content-changed = 存档之后场景文件已被修改，无法接着原来的进度继续。请重新开始一次演练。
error-state-unknown-id = 存档中提到的{ $kind }“{ $id }”在场景中已经不存在。场景已被修改，请重新开始一次演练。
error-state-format = 这份存档的格式版本是 { $format }，本版本的沙盘只能读取到第 { $known } 版。请升级沙盘后再打开。
error-replay-other-scenario = 这份记录属于场景“{ $scenario }”。请用对应的场景文件重放。
error-replay-content-changed = 记录写下之后场景文件已被修改，无法按原样重放。请使用当时的场景文件。
error-replay-diverged = 第 { $decision } 步是在场景“{ $expected }”中做出的，但重放到了“{ $found }”。场景可能已被修改，请使用当时的场景文件。
error-replay-engine = 第 { $decision } 步无法重放：{ $reason }

## 评分与课堂

error-explore-too-large = 场景的情形超过 { $states } 种，无法逐一推演来评分。得分将按近似方法计算；如需精确评分，请让作者简化场景。
error-explore-no-ending = 这个角色走不到任何结局，无法评分。请运行 shapan validate 检查场景。
error-vote-no-votes = 还没有录入票数。请先录入各选项的票数。
error-vote-tie = 选项 { $options } 票数相同，请老师确定（Ctrl+数字键）
error-vote-not-tied = 选项 { $option } 不在平票的选项中。请在平票的选项中裁决。
error-vote-already-decided = 这次投票已经决定，无需再投。
error-class-engine = 无法执行：{ $reason }
error-class-no-checkpoint = 无法回到第 { $decision } 步：中断前的决策没有存档点。请选择之后的某一步。
error-plan = 第 { $line } 行：{ $problem }

## 课堂票数说明（--votes）

error-spec = { $problem }；应为 auto，或每次决策一组票数：组之间用分号，每组内各选项票数用逗号，两轮之间用斜杠，例如 "12,10,8;5,20,5/2,26,2"
error-spec-empty = 票数说明是空的
error-spec-empty-group = 第 { $group } 组票数是空的
error-spec-negative = 第 { $group } 组里的 "{ $item }" 是负数，票数不能为负
error-spec-not-a-count = 第 { $group } 组里的 "{ $item }" 不是票数（应为非负整数）
error-spec-too-many-rounds = 第 { $group } 组有 { $rounds } 轮，最多两轮
error-spec-rounds-differ = 第 { $group } 组两轮的选项数不同
error-spec-no-votes = 第 { $group } 组有一轮没有票
error-spec-cannot-start = 无法开始：{ $reason }
error-spec-endless = 按这些票数，{ $limit } 次决策后仍未结束
error-spec-too-few = 票数只够 { $given } 次决策，这场课至少有 { $needed } 次决策
error-spec-wrong-width = 第 { $decision } 次决策有 { $offers } 个可选项，第 { $decision } 组却给了 { $counts } 个票数
error-spec-no-vote = 第 { $decision } 次决策没有可以投票的场景
error-spec-refused = 第 { $decision } 次决策无法执行：{ $reason }
error-spec-stuck = 第 { $decision } 次决策后来到场景“{ $scene }”，它没有可选的选项，也没有限时
error-spec-too-many = 票数给了 { $given } 次决策，但按这些票数，这场课 { $used } 次决策就结束了

## 成绩记录

error-records-damaged = { $path } 不是可以读取的沙盘数据库（{ $detail }）。文件没有被改动：请把它移到别处，沙盘会新建一个数据库。
error-records-locked = { $path } 正被另一个程序使用。请关闭另一个沙盘窗口后再试。
error-records-newer = { $path } 是较新版本的沙盘写的（数据库第 { $found } 版，本版本只能读到第 { $known } 版），文件没有被改动。请升级沙盘后再打开。
error-records-io = 无法读写 { $path }：{ $detail }。请检查文件夹是否存在、是否有写入权限。
error-records-sql = 数据库出错：{ $detail }。请重试；如果反复出现，请把这段信息告诉技术支持。
