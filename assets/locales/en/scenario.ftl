# Labels of the scenario format's fixed words: categories, difficulties, channels and grades.

category-online-media = Online media crisis
category-community-dispute = Community dispute
category-development-planning = Development planning
category-integrity = Integrity
category-emergency = Emergency
category-governance = Grassroots governance
category-wellbeing = Wellbeing and stress
category-other = Other
difficulty-easy = Easy
difficulty-medium = Medium
difficulty-hard = Hard
channel-weibo = Weibo
channel-wechat-group = WeChat group
channel-wechat-moments = WeChat Moments
channel-douyin = Douyin
channel-news-site = News site
channel-hotline = 12345 hotline ticket
channel-official-notice = Official notice
channel-other = Other
grade-excellent = Excellent
grade-good = Good
grade-pass = Pass
grade-fail = Needs work
