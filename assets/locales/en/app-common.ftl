# Words several screens of the desktop app share. Keys start with app-.

app-back-to-library = Back to library
# Shows what the decision led to (on the projector consequences wait for this)
app-reveal = See what happens
# The total and its grade; { $total } comes with one decimal
app-total = Total { $total }  { $grade }
