# The desktop app's records screen, for instructors. Keys start with app-records-; the headings
# shared with shapan records are in records.ftl.

app-records-title = Records
app-records-none = No runs match.

## Filters

app-records-filter-group = Group
app-records-filter-trainee = Trainee
app-records-filter-date = Date
app-records-filter-scenario = Scenario
# Any scenario
app-records-all = all

## The headings of the list of runs (the others are in records.ftl)

app-records-column-started = started
app-records-column-decisions = decisions

## The whole class on one scenario

app-records-class-view = Class view ({ $runs ->
    [one] { $runs } finished run
   *[other] { $runs } finished runs
})
app-records-spread-title = Score spread per competency (0-20, 20-40, 40-60, 60-80, 80-100)
# One competency: { $competency } is its id, { $mean } comes with one decimal, { $bars } is a five-band histogram
app-records-spread = { $competency }: mean { $mean } ({ $low }..{ $high })   { $bars }
app-records-endings = Endings reached
app-records-choices = Choices at each scene
app-records-common-road = Most common road
