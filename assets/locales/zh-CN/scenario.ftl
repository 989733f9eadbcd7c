# Labels of the scenario format's fixed words: categories, difficulties, channels and grades.

category-online-media = 网络舆情
category-community-dispute = 社区矛盾
category-development-planning = 发展规划
category-integrity = 廉洁自律
category-emergency = 应急处置
category-governance = 基层治理
category-wellbeing = 心理调适
category-other = 其他
difficulty-easy = 入门
difficulty-medium = 中等
difficulty-hard = 困难
channel-weibo = 微博
channel-wechat-group = 微信群
channel-wechat-moments = 朋友圈
channel-douyin = 抖音
channel-news-site = 新闻网站
channel-hotline = 12345热线工单
channel-official-notice = 官方通报
channel-other = 其他
grade-excellent = 优秀
grade-good = 良好
grade-pass = 合格
grade-fail = 待改进
