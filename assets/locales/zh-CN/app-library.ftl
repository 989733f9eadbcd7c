# 桌面程序的案例库和路线图。键名以 app-library- 和 app-map- 开头。

app-library-title = 情景模拟案例库
# 上次被意外中断的演练，{ $title } 是案例标题
app-library-interrupted = 上次的演练《{ $title }》没有完成（已作出 { $decisions } 个决定）。
app-library-resume = 从中断处继续
app-library-dismiss = 不再提示
app-library-records-problem = 成绩数据库无法使用，本次演练不会被记录：{ $problem }
app-library-search = 搜索：
app-library-search-hint = 标题、简介或目标
# 案例概况：时长 · 难度 · 场景文件提供的语言
app-library-facts = { $minutes } · { $difficulty } · { $languages }
app-library-minutes = 单人 { $solo } 分钟
app-library-minutes-both = 单人 { $solo } 分钟，课堂 { $class } 分钟
app-library-unreadable = 无法读取的文件
app-library-empty = 这个文件夹里没有场景文件：{ $dir }

## 路线图

app-map-header = 路线图：每一条路线走向哪里
app-map-role = 角色：
app-map-exploring = 正在走遍每一条路线……
app-map-endings-reached = 可达结局 { $reached }/{ $all }
app-map-not-explored = （局面太多，灰色只按场景连线判断）
app-map-legend-best = 最优路线
app-map-legend-grey = 没有路线走到
