# `shapan analyze`: the report an author reads before teaching a scenario.

analyze-no-files = no scenario files (*.ron) to analyse
analyze-no-role = the scenario has no role '{ $role }'
analyze-no-decision = (no decision: let time run out)
analyze-no-ending = (no ending)
# An ending's title with its grade.
analyze-ending = { $title } ({ $grade })
# One road's outcome; $total and $expected come with one decimal.
analyze-road = ending { $ending } · total { $total } · grade { $grade } · expected over every random outcome { $expected }
analyze-role = Role { $name } ({ $id })
analyze-role-not-explored = this role could not be explored fully (too many states, or no ending can be reached); the rest is left out
analyze-states = { $n ->
    [one] { $n } distinct state
   *[other] { $n } distinct states
}
analyze-endings = Endings
analyze-unreached-shadowed = unreachable: the ending '{ $by }' listed before it is always taken first
analyze-unreached-impossible = unreachable: its condition is impossible within the meters' ranges
analyze-unreached-no-road = unreachable: no road ends where its condition holds
analyze-ranges = Raw points each competency can reach
analyze-best-road = Best road
analyze-worst-road = Worst road
# After a road's title: how many decisions it takes.
analyze-road-length = ({ $n ->
    [one] { $n } decision
   *[other] { $n } decisions
})
analyze-grade-mismatch = ⚠ the ending is graded { $ending } but the score is { $score }: the debrief will disagree with itself; check the ending's condition or the scores
analyze-never-open = Choices never open in a scene that is reached
analyze-timers-never-apply = Timers whose outcome can never apply (where they lead cannot be reached)
analyze-dominated = Choices never better than another option (beaten under best and under worst play; mostly the intended wrong answers: check)
analyze-red-lines = Red-line choices
analyze-red-line-on-best = ⚠ best play takes it
analyze-pedagogy = Pedagogy (whole scenario, from each option's own weighted points)
analyze-dilemmas = dilemmas (two or more options score above zero, the best within { $margin } points of the second)
analyze-longest-is-best = the longest option is the best one
analyze-best-listed-first = the best option is listed first
analyze-voices-differ = decision scenes where the expert and the practitioner disagree
analyze-without-note = decision scenes without an instructor's note
analyze-red-line-count = red lines
# $solo and $class are minutes as the scenario states them; $class may be "?".
analyze-stated-duration = stated duration: one trainee { $solo } min; a class of 30 { $class } min
analyze-duration = Duration (estimate)
# $solo and $class are minutes, $decisions a count, each a number or a range such as 5–8;
# $most is the largest number of decisions.
analyze-duration-figures = one trainee { $solo } min ({ $decisions } { $most ->
    [one] decision
   *[other] decisions
}); a class of 30 { $class } min
analyze-overflow = { $lines ->
    [one] { $lines } line, room for
   *[other] { $lines } lines, room for
} / { $room }
analyze-echoes = Commentary where the expert and the practitioner say nearly the same
analyze-overflows = Scenes whose text and options do not fit a 1280x720 projector image
