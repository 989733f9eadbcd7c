# 各个界面共用的小片段：计数、剧情时间、括注。键名以 format- 开头。

## 帖子的互动数，{ $count } 已按中文习惯写好（如 1.2万）

format-views = 播放 { $count }
format-shares = 转发 { $count }
format-comments = 评论 { $count }
format-likes = 赞 { $count }

# 剧情时间跨到第二天以后：{ $day } 从 2 起，{ $time } 如 08:30
format-later-day = 第{ $day }天 { $time }
# 名称后面的括注，用全角括号
format-paren = （{ $remark }）
