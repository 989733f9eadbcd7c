# `shapan new`: writing a starting scenario. The scenario's own texts are content, written in
# both languages into the file, and are not here.

# $problem says what is wrong with the id.
new-bad-id = scenario id '{ $id }' is not usable: { $problem }. Ids use letters, digits and underscores, e.g. flood_night
new-cannot-create-folder = cannot create the folder { $dir }: { $error }
new-exists = { $path } already exists and was left as it is. Choose another id, or name another file with --out.
new-cannot-write = cannot write { $path }: { $error }
new-written =
    Wrote { $path } ({ $category }). Replace its texts with your own situation, then run:
      shapan validate { $path }
      shapan play { $path }
