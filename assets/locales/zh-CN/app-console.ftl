# 导师控制台：第二块屏幕上的窗口，学员看不到。键名以 app-console- 开头。

app-console-window-title = 沙盘 · 导师控制台
