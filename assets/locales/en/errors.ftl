# Runtime errors: each says what happened and what to do. Keys start with error-.

## The engine

error-engine-unknown-role = This scenario has no role '{ $role }'. Check the role's name, or leave it out to play the first role.
error-engine-unknown-choice = There is no choice '{ $choice }'. Check the spelling, or type the number shown before a choice.
error-engine-not-offered = Choice '{ $choice }' is not offered now: it belongs to another scene or another role. Pick one of the choices listed.
error-engine-disabled = Choice '{ $choice }' is not available yet: its condition does not hold. Pick another choice.
error-engine-ended = The run has ended; nothing more can be chosen. See the debrief, or start a new run.
error-engine-no-ending = The run reached its end but no ending's condition holds. Ask the scenario's author to add an ending without a condition.
error-engine-stuck = This scene offers no choice and has no timer, so the run cannot go on. Ask the scenario's author to fix the scene.
error-engine-stuck-event = This scene offers no choice and has no timer, so the run cannot go on. Every decision so far is saved; ask the scenario's author to fix the scene (shapan validate warns about it as maybe-no-way-out).

## Saves and replays

error-state-other-scenario = This save is for scenario '{ $saved }', not '{ $loaded }'. Open the scenario it was saved on to continue.
error-state-content-changed = The scenario file has changed since this run was saved, so it cannot continue where it stopped. Start a new run.
error-state-unknown-id = The save names { $kind } '{ $id }', which the scenario no longer has. The scenario was edited: start a new run.
error-state-format = This save has format { $format }; this Shapan reads up to format { $known }. Update Shapan to open it.
error-replay-other-scenario = This transcript is for scenario '{ $scenario }'. Replay it with that scenario's file.
error-replay-content-changed = The scenario file has changed since this transcript was written, so it cannot be replayed as it was. Use the file as it was then.
error-replay-diverged = Decision { $decision } was taken in scene '{ $expected }' but the replay reached '{ $found }'. The scenario was probably edited: use the file as it was then.
error-replay-engine = Decision { $decision } does not replay: { $reason }

## Scores and classes

error-explore-too-large = The scenario has more than { $states } distinct situations to explore, too many to score exactly. Scores are approximate; ask the author to simplify the scenario for exact ones.
error-explore-no-ending = No ending can be reached as this role, so nothing can be scored. Run shapan validate on the scenario.
error-vote-no-votes = No votes have been entered yet. Enter the counts for each option first.
error-vote-tie = Options { $options } are tied: the instructor decides (Ctrl+number)
error-vote-not-tied = Option { $option } is not one of the tied options. Decide among the tied ones.
error-vote-already-decided = This vote is already decided.
error-class-engine = Cannot do that: { $reason }
error-class-no-checkpoint = Cannot go back to decision { $decision }: decisions before the interruption have no checkpoint. Pick a later decision.
error-plan = line { $line }: { $problem }

## Scripted class votes (--votes)

error-spec = { $problem }; expected auto, or one group of counts per decision: groups separated by ';', counts per choice by ',', two rounds by '/', e.g. "12,10,8;5,20,5/2,26,2"
error-spec-empty = the SPEC is empty
error-spec-empty-group = group { $group } is empty
error-spec-negative = "{ $item }" in group { $group } is negative; counts cannot be negative
error-spec-not-a-count = "{ $item }" in group { $group } is not a count (a whole number, 0 or more)
error-spec-too-many-rounds = group { $group } has { $rounds } rounds; at most two
error-spec-rounds-differ = the two rounds of group { $group } count different numbers of choices
error-spec-no-votes = a round of group { $group } has no votes
error-spec-cannot-start = cannot start: { $reason }
error-spec-endless = with these votes the session has not ended after { $limit } decisions
error-spec-too-few = the SPEC has votes for { $given ->
    [one] { $given } decision
   *[other] { $given } decisions
} but the session has at least { $needed }
error-spec-wrong-width = decision { $decision } offers { $offers ->
    [one] { $offers } choice
   *[other] { $offers } choices
} but group { $decision } gives { $counts ->
    [one] { $counts } count
   *[other] { $counts } counts
}
error-spec-no-vote = decision { $decision } has no scene to vote in
error-spec-refused = decision { $decision } cannot be taken: { $reason }
error-spec-stuck = decision { $decision } leads to scene '{ $scene }', which offers no choice and has no timer
error-spec-too-many = the SPEC has votes for { $given ->
    [one] { $given } decision
   *[other] { $given } decisions
} but with these votes the session ends after { $used }

## Records

error-records-damaged = { $path } is not a readable Shapan database ({ $detail }). It was left untouched: move it aside and Shapan will start a new one.
error-records-locked = { $path } is in use by another program. Close the other Shapan and try again.
error-records-newer = { $path } was written by a newer Shapan (schema { $found }; this one reads up to { $known }). It was left untouched: update Shapan to open it.
error-records-io = Cannot read or write { $path }: { $detail }. Check that the folder exists and that you may write to it.
error-records-sql = Database error: { $detail }. Try again; if it keeps happening, give this message to technical support.
