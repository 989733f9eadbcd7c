# 桌面程序的外框：窗口标题、每个界面上方的设置栏，以及窗口打不开时的提示。键名以 app- 开头。

app-window-title = 沙盘 · 基层干部情景模拟训练
app-no-display = 没有可用的图形显示（DISPLAY 未设置），无法打开窗口。在服务器上可用 xvfb-run 运行；命令行功能见 shapan --help。
# { $error } 是操作系统给出的原因
app-cannot-create-screenshots = 无法创建截图文件夹 { $path }: { $error }

## 设置栏

app-bar-title = 沙盘 · 基层干部情景模拟训练
app-bar-records = 成绩记录
app-bar-projector = 投影模式
app-bar-light = 浅色
app-bar-dark = 深色
app-bar-larger-text = 放大文字
app-bar-smaller-text = 缩小文字

## 投影模式下的设置栏：只有一行小字

app-bar-projector-line = 投影模式 · 按 H 查看导师快捷键
# 集体决策时，前面加上班级或小组的名称
app-bar-projector-line-class = 集体决策：{ $group } · 投影模式 · 按 H 查看导师快捷键
app-bar-leave-projector = 退出投影（F5）
