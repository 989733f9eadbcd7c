# The command line's own words (not a subcommand's). Keys start with cli-.

# A build without the desktop app; the list of subcommands follows
cli-no-gui = this build has no desktop app (feature `gui`); the subcommands are:
# A developer's --votes names a scenario that has errors
cli-votes-scenario-errors = { $path }: the scenario has errors; run shapan validate to see them
