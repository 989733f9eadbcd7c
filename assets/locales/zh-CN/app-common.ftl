# 桌面程序里几个界面共用的文字。键名以 app- 开头。

app-back-to-library = 返回案例库
# 查看学员这次决策的后果（投影模式下后果先不显示）
app-reveal = 查看后果
# 总分和等级；{ $total } 已保留一位小数
app-total = 总分 { $total }  { $grade }
