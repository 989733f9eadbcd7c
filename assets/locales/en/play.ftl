# Playing in the terminal (shapan play) and the text debrief after it. Keys start with play-.

## The briefing

# The scenario at a glance: category · length · difficulty
play-facts = Category: { $category } · { $minutes } min · Difficulty: { $difficulty }
play-objectives = Objectives:
play-your-role = Your role: { $role }

## Scenes, messages and choices

# The title of a scene that has none of its own
play-step = Step { $n }
play-speaker = { $name }:{" "}
play-speaker-titled = { $name } ({ $title }):{" "}
play-hotline-caller = caller: { $author }
play-hotline-request = request: { $text }
# A meter's change; { $change } has its sign, e.g. +5
play-meter-change = { $meter } { $from }→{ $to } ({ $change })
play-timed-out = ⏱ Time ran out before a decision.
play-ending = Ending: { $title }
# Before a greyed-out choice whose condition does not hold yet
play-not-available = not available
# The line under a greyed-out choice: why it cannot be taken ({ $what } is made of the keys below)
play-lock-needs = Needs: { $what }
# All of several conditions / any one of them
play-lock-and = { $a }; { $b }
play-lock-or = { $a }, or { $b }
# The opposite of a flag: { $what } is the flag's description
play-lock-not = not “{ $what }”
play-lock-ge = { $name } at least { $n }
play-lock-gt = { $name } above { $n }
play-lock-le = { $name } at most { $n }
play-lock-lt = { $name } below { $n }
play-lock-eq = { $name } exactly { $n }
play-lock-ne = { $name } other than { $n }
# Story time read by a condition
play-lock-minutes = minutes since the start
play-lock-hours = hours since the start
play-lock-visited = having reached “{ $scene }”
play-lock-not-visited = not having reached “{ $scene }”
play-lock-chose = having chosen “{ $choice }”
play-lock-not-chose = not having chosen “{ $choice }”
play-lock-role = playing { $role }
play-lock-not-role = not playing { $role }
# When a condition cannot be put in words, it is given as written
play-lock-condition = the condition “{ $condition }”
# After a missing flag: the earlier decision that could have set it
play-lock-you-chose = {" "}(at “{ $scene }” you chose “{ $choice }”)
play-lock-you-let-time-run-out = {" "}(at “{ $scene }” you let the time run out)
play-time-limit = ⏱ { $secs ->
    [one] { $secs } second
   *[other] { $secs } seconds
} to decide
play-prompt = Your choice (number):{" "}
# The countdown; { $left } comes right-aligned in three columns
play-countdown = ⏱ left: { $left } s
play-time-is-up = ⏱ Time is up!

## Why a decision is refused

# A choice named by its text and id
play-choice-named = "{ $text }" ({ $id })
# A choice known only by its id
play-choice-id = '{ $id }'
# { $reason } is the line shown under the greyed-out choice ("Needs: …")
play-refused-disabled = choice { $choice } is greyed out and cannot be chosen. { $reason } (its condition "{ $condition }" does not hold). Pick one of the numbered options.
play-refused-no-timer = this scene has no time limit: t (letting time run out) does not apply.
play-refused-not-offered = choice { $choice } is not offered in this scene or to your role.
play-refused-unknown = there is no choice '{ $id }'.
play-refused-ended = the run has ended; nothing more can be chosen.
play-invalid = invalid choice: { $reason }
play-try-again = invalid choice, try again: { $reason }

## Starting, resuming and ending a run

play-seed = seed (repeat this run with --seed): { $seed }
play-resuming = resuming interrupted run #{ $id }
play-no-interrupted = there is no interrupted run to resume.
play-cannot-replay = cannot replay: { $error }
# { $roles }: the ids of every role in the scenario
play-no-role = no such role: '{ $role }' ({ $roles })
play-out-of-input = no more decisions: the run stopped before an ending.
play-approximate = the scenario could not be explored fully; scores use approximate ranges: { $error }

## The text debrief

play-debrief-role = Role: { $role }
play-debrief-ending = Ending: { $title }
play-debrief-no-ending = The run did not reach an ending.
# { $total } is rounded to whole points (out of 100)
play-debrief-total = Total: { $total } ({ $grade })
play-debrief-competencies = Competencies:
# The decisions most worth learning from come first
play-debrief-turning-points = { $title }:
play-debrief-competency = { $name } (points { $points }, range { $min }..{ $max }, weight { $weight })
play-debrief-decisions = All decisions:
# How many seconds a decision took
play-debrief-seconds = { $secs }s
play-debrief-feedback = Feedback: { $feedback }
play-debrief-meters = Meters over the run:
# A meter's values from the start to the end, joined by →
play-debrief-meter = { $meter }: { $values }
play-debrief-commentary = Commentary:
