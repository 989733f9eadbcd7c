# `shapan analyze`: the report an author reads before teaching a scenario.

analyze-no-files = 没有找到要分析的场景文件（*.ron）
analyze-no-role = 场景里没有角色“{ $role }”
analyze-no-decision = （不作决定，等时间到）
analyze-no-ending = （没有结局）
# An ending's title with its grade.
analyze-ending = { $title }（{ $grade }）
# One road's outcome; $total and $expected come with one decimal.
analyze-road = 结局 { $ending } · 总分 { $total } · 等级 { $grade } · 各种随机结果下的期望总分 { $expected }
analyze-role = 角色 { $name } ({ $id })
analyze-role-not-explored = 这个角色无法完整探索（状态太多，或者从开头到不了任何结局），以下内容从略
analyze-states = { $n } 个不同的局面
analyze-endings = 结局
analyze-unreached-shadowed = 到不了：排在前面的结局“{ $by }”总是先被选中
analyze-unreached-impossible = 到不了：条件在指标范围内不可能成立
analyze-unreached-no-road = 到不了：没有一条路线在结束时满足条件
analyze-ranges = 各能力可达到的原始分
analyze-best-road = 最优路线
analyze-worst-road = 最差路线
# After a road's title: how many decisions it takes.
analyze-road-length = ({ $n } 个决定)
analyze-grade-mismatch = ⚠ 结局定为“{ $ending }”，得分却是“{ $score }”：复盘里两者对不上，检查结局条件或得分
analyze-never-open = 走到了场景、却从不能选的选项
analyze-timers-never-apply = 时间到了也不会生效的限时（它的去向走不通）
analyze-dominated = 从不比另一个选项更好的选项（最优和最差打法下都被超过；多数是有意设计的错误选项，请确认）
analyze-red-lines = 红线选项
analyze-red-line-on-best = ⚠ 最优打法会选它
analyze-pedagogy = 教学指标（全场景，按选项本身的加权得分）
analyze-dilemmas = 两难的决策场景（至少两个选项得分为正，最优比次优多不超过 { $margin } 分）
analyze-longest-is-best = 最长的选项就是最优选项
analyze-best-listed-first = 最优选项排在第一个
analyze-voices-differ = 专家和实务工作者意见不同的决策场景
analyze-without-note = 没有导师提示（note）的决策场景
analyze-red-line-count = 红线
# $solo and $class are minutes as the scenario states them; $class may be "?".
analyze-stated-duration = 场景标注的时长：一名学员 { $solo } 分钟；30 人的课堂 { $class } 分钟
analyze-duration = 时长（估计）
# $solo and $class are minutes, $decisions a count, each a number or a range such as 5–8;
# $most is the largest number of decisions.
analyze-duration-figures = 一名学员 { $solo } 分钟 ({ $decisions } 个决定); 30 人的课堂 { $class } 分钟
analyze-echoes = 专家和实务工作者说法几乎相同的点评
analyze-overflows = 在 1280x720 投影上一屏放不下的场景（场景文字加全部选项）
analyze-overflow = { $lines } 行，可用 / { $room }
