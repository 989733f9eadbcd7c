# The results records (shapan records). Keys start with records-.

records-cannot-open = cannot open the results database: { $error }
records-no-such-run = no such run: #{ $id }
records-scenario-gone = { $path }: the scenario file has errors or is gone

## The headings of the list of runs (shapan records list)

records-column-id = id
records-column-started = started
records-column-scenario = scenario
records-column-trainee = trainee
records-column-group = group
records-column-ending = ending
records-column-total = total
records-not-finished = (not finished)

## One run in detail (shapan records show)

# Shown as the trainee of a class run with no trainee named
records-whole-class = whole class
records-timeout = (timeout)
records-class-vote = class vote: { $summary }
# { $total } comes with one decimal
records-ending = ending: { $ending } · { $total }
records-red-line = Red line crossed: { $scene } → { $choice }
# Class view: how many runs crossed each red line
records-red-lines-crossed = Runs that crossed a red line
