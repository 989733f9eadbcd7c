# The desktop app's notices: what went wrong and what to do. Keys start with notice-.

notice-start-missing = The run cannot start: the scenario file “{ $path }” was deleted or now has errors. Go back to the library to see what is wrong with it.
notice-start-failed = The run cannot start: { $reason }
notice-resume-missing = The interrupted run cannot continue for now: the scenario file “{ $path }” was deleted or now has errors. Fix or restore the file and try again, or choose Dismiss and start a new run.
notice-resume-failed = The interrupted run cannot continue: { $reason } The decisions made so far are kept in the records.
notice-records-unreadable = The records cannot be read: { $reason }
notice-records-write-failed = This run could not be written to the results database. The run goes on, but its record may be incomplete: { $reason }
notice-dismiss = OK

## Class

class-no-timer = This scene has no time limit to extend
class-final-round = This is already the final round

## Play

play-stuck-end = End the run and see the debrief
