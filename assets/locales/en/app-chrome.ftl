# The desktop app's frame: the window title, the settings bar above every screen, and what is
# said when no window can open. Keys start with app-.

app-window-title = Shapan · role-play training
app-no-display = no graphical display (DISPLAY is not set), so no window can open. On a server, run it under xvfb-run; see shapan --help for the terminal commands.
# { $error } is the operating system's reason
app-cannot-create-screenshots = cannot create the screenshot folder { $path }: { $error }

## The settings bar

app-bar-title = Shapan · role-play training for grassroots officials
app-bar-records = Records
app-bar-projector = Projector
app-bar-light = Light
app-bar-dark = Dark
app-bar-larger-text = Larger text
app-bar-smaller-text = Smaller text

## The settings bar in projector mode: one quiet line

app-bar-projector-line = Projector · H: instructor's keys
# For a class, the class or group's name comes first
app-bar-projector-line-class = Class: { $group } · Projector · H: instructor's keys
app-bar-leave-projector = Leave projector mode (F5)
