# The desktop app's scenario library and map. Keys start with app-library- and app-map-.

app-library-title = Scenario library
# A run a crash interrupted; { $title } is the scenario's title
app-library-interrupted = The last run of “{ $title }” did not finish ({ $decisions ->
    [one] { $decisions } decision
   *[other] { $decisions } decisions
} made).
app-library-resume = Continue where it stopped
app-library-dismiss = Dismiss
app-library-records-problem = The results database cannot be used; runs are not recorded: { $problem }
app-library-search = Search:
app-library-search-hint = title, summary or objective
# The scenario at a glance: length · difficulty · the languages its file offers
app-library-facts = { $minutes } · { $difficulty } · { $languages }
app-library-minutes = alone { $solo } min
app-library-minutes-both = alone { $solo } min, class { $class } min
app-library-unreadable = Files that cannot be read
app-library-empty = No scenario files in { $dir }

## The map

app-map-header = Map: where every road leads
app-map-role = Role:
app-map-exploring = Exploring every road…
app-map-endings-reached = endings reached { $reached }/{ $all }
app-map-not-explored = (too many states: greys follow the scene links only)
app-map-legend-best = best road
app-map-legend-grey = no road goes there
