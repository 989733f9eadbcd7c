# `shapan graph` and the scenario map: labels on the map, its legend, the command's errors.

graph-no-role = no such role: { $role }; the roles are: { $roles }
graph-cannot-write = cannot write the file: { $error }
# A timer's arrow: what happens when $seconds pass without a decision.
graph-timer = ⏱ { $seconds } s, no decision
graph-inject = inject { $id }
# The arrow from an inject to where it sends the story.
graph-redirect = redirect
# The junction of a random draw.
graph-random = chance
# The junction where `End` picks the first ending whose condition holds.
graph-judge = ending by conditions
# The arrow to the ending without a condition.
graph-otherwise = otherwise
graph-legend-best = best road
graph-legend-timer = time runs out
graph-legend-random = random outcome (chance)
graph-legend-grey = grey: no road gets here
