# The instructor console: a window on a second display that the class does not see. Keys start
# with app-console-.

app-console-window-title = Shapan · instructor console
