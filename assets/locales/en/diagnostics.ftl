# Diagnostics: the loader, the validator and the analyser. Chinese is the original.

## src/scenario/validate/flow.rs

diag-end-is-used-but-every-ending = End is used, but every ending open to role '{ $id }' has a condition, so none may match
diag-add-ending-without-condition-at-end = add an ending without a condition at the end of endings as the fallback
diag-scene-has-no-choices-and-no = scene '{ $id }' has no choices and no timer: the trainee is stuck
diag-add-choice-e-g-continue-leading = add a choice, e.g. "Continue", leading to the next scene
diag-every-choice-in-scene-has-condition = every choice in scene '{ $id }' has a condition: none may show
diag-leave-one-choice-without-condition-or = leave one choice without a condition, or add a timer
diag-no-ending-can-be-reached-from = no ending can be reached from the start
diag-check-choices-next-at-least-one = check the choices' next: at least one road must lead to Ending(…) or End
diag-no-path-leads-to-scene = no path leads to scene '{ $id }'
diag-point-choice-at-it-scene-or = point a choice at it (Scene("{ $id }")) or remove it
diag-no-ending-from-scene = no ending can be reached from scene '{ $id }' (a loop with no exit)
diag-give-this-loop-way-out = give this loop a way out
diag-no-path-leads-to-ending = no path leads to ending '{ $id }'
diag-role-can-reach-scene-which-is = role '{ $role }' can reach scene '{ $id }', which is only for { $roles }
diag-route-roles-with-choices-roles-lists = route roles with the choices' roles lists or each role's start
diag-role-can-reach-ending-which-is = role '{ $role }' can reach ending '{ $id }', which is only for { $roles }
diag-no-path-leads-to-this-its = no path leads to this { $kind }: its id '{ $id }' repeats an earlier { $kind }'s, so every road to '{ $id }' goes to the earlier one
diag-give-it-new-id-and-point = give it a new id and point a choice at it
diag-no-path-leads-to-way-to = no path leads to { $kind } '{ $id }': the way to it passes through { $twin } '{ $twin_id }', whose id repeats an earlier one (see the duplicate-id error above)
diag-give-repeated-new-id-first-this = give the repeated { $twin } '{ $twin_id }' a new id first; this warning then goes away

## src/scenario/validate/refs.rs

diag-is-ending-write-ending = '{ $id }' is an ending: write Ending("{ $id }")
diag-there-is-no-scene-with-id = there is no scene with id '{ $id }'
diag-there-is-no-with-id = there is no { $kind } with id '{ $id }'
diag-competency-is-scored-twice = competency '{ $key }' is scored twice
diag-there-is-no-competency-with-id = there is no competency with id '{ $key }'
diag-is-scene-write-scene = '{ $id }' is a scene: write Scene("{ $id }")
diag-there-is-no-ending-with-id = there is no ending with id '{ $id }'
diag-did-you-mean = did you mean '{ $suggestion }'?
diag-is-flag-use-setflag-or-clearflag = '{ $id }' is a flag: use SetFlag or ClearFlag
diag-there-is-no-meter-with-id = there is no meter with id '{ $id }'
diag-is-meter-use-add-or-set = '{ $id }' is a meter: use Add or Set
diag-there-is-no-flag-with-id = there is no flag with id '{ $id }'
diag-image-path-leaves-assets-folder = image path '{ $file }' leaves the assets folder
diag-use-relative-path-without-or-drive = use a relative path without '..' or a drive, e.g. portraits/li.png
diag-use-png-of-at-most-4096 = use a PNG of at most 4096 x 4096 pixels
diag-image-not-found = image '{ $file }' not found
diag-put-it-beside-scenario-or-under = put it beside the scenario or under assets/ (looked in: { $roots })
diag-image-is-not-png-or-file = the image is not a PNG, or the file is damaged
diag-image-is-x-over-x-limit = the image is { $width } x { $height }, over the { $max_image_side } x { $max_image_side } limit

## src/scenario/validate/structure.rs

diag-format-version-is-not-supported = format version { $format } is not supported
diag-this-shapan-reads-format = this Shapan reads format: { $format_version }
diag-meter-has-max-not-above-min = meter '{ $id }' has max { $max } not above min { $min }
diag-meter-starts-at-outside = meter '{ $id }' starts at { $start }, outside { $min }..{ $max }
diag-set-start-between-min-and-max = set start between min and max
diag-weight-must-be-above-0-it = weight must be above 0 (it is { $weight })
diag-remove-competency-that-should-not-count = remove a competency that should not count
diag-random-branch-s-weight-must-be = a random branch's weight must be above 0 (it is { $weight })
diag-random-needs-at-least-one-branch = Random needs at least one branch
diag-outcome-predicts-nothing = this branch names the outcome '{ $id }', but nothing is predicted here
diag-outcome-belongs-to-predicting-choice = `outcome` belongs on the branches of a choice's own `Random` next, beside that choice's `predict`; remove it or add the `predict` list
diag-predict-lists-outcomes = `predict` lists { $count } outcome(s); a class chooses among 2 to 4
diag-predict-two-to-four = give two to four outcomes a cadre could argue for, one of them what actually follows
diag-outcome-id-twice = two outcomes of this choice share the id '{ $id }'
diag-happens-beside-random = `happens` cannot say what follows a `Random` next: the draw decides
diag-name-outcome-on-each-branch = give each outcome an `id` and write `outcome: "id"` on every branch of `Random`
diag-branch-names-no-outcome = random branch { $branch } does not say which predicted outcome it brings about
diag-there-is-no-outcome-with-id = this choice's `predict` has no outcome with the id '{ $id }'
diag-no-outcome-happens = no outcome in `predict` says `happens: true`, so no prediction could be right
diag-several-outcomes-happen = more than one outcome says `happens: true`; only one can be what follows
diag-mark-one-happens = write `happens: true` on exactly the one outcome that this choice's feedback and next scene show
diag-timer-cannot-be-0-seconds = a timer cannot be 0 seconds
diag-time-is-not-hh-mm = time '{ $start }' is not HH:MM
diag-for-example-08-30 = for example "08:30"
diag-declare-at-least-one-language = declare at least one language
diag-for-example-languages-zh-cn-en = for example languages: ["zh-CN", "en"]
diag-write-language-as = write '{ $tag }'
diag-language-tag-hint = use a BCP 47 language tag, e.g. zh-CN, en, bo (Tibetan), ug (Uyghur)
diag-unknown-language-code = unknown language code '{ $code }'
diag-language-is-listed-twice = language '{ $code }' is listed twice
diag-id-is-not-usable = { $kind } id '{ $id }' is not usable: { $problem }
diag-ids-use-letters-digits-and-underscores = ids use letters, digits and underscores (Chinese letters too), e.g. hot_search
diag-id-is-used-twice-has-it = { $kind } id '{ $id }' is used twice: { $first } has it already
diag-id-is-used-twice = { $kind } id '{ $id }' is used twice
diag-give-this-one-new-id-copied = give this one a new id (a copied block often keeps the old one)
diag-it-is-empty = it is empty
diag-longer-than-characters = longer than { $max_id_len } characters
diag-it-is-used-in-conditions-so = it is used in conditions, so use '_' instead of '-'
diag-it-contains = it contains '{ $char }'
diag-it-starts-with-digit = it starts with a digit
diag-is-reserved-in-conditions = '{ $id }' is reserved in conditions
diag-scenario-id-is-not-usable = scenario id '{ $id }' is not usable: { $problem }
diag-at-least-one-role-is-needed = at least one role is needed
diag-at-least-one-competency-is-needed = at least one competency is needed
diag-at-least-one-ending-is-needed = at least one ending is needed

## src/scenario/validate/texts.rs

diag-this-text-has-one-version-but = this text has one version, but the scenario declares { $declared }
diag-write-zh-cn-en = write {"{"}"zh-CN": "…", "en": "…"{"}"}
diag-text-is-empty = the text is empty
diag-keep-button-to-what-trainee-does = keep the button to what the trainee does; move the reasons and details to this choice's feedback
diag-split-it-across-two-scenes-or = split it across two scenes or cut what is secondary
diag-text-is-too-long-to-read = { $language } text is too long to read on a projector ({ $width } columns, limit { $max }; a Chinese character counts two)
diag-missing-text = missing the { $missing } text
diag-every-text-needs-one-version-for = every text needs one version for each of { $declared }
diag-language-is-not-declared-in-languages = language '{ $language }' is not declared in languages
diag-scenario-declares = the scenario declares: { $declared }
diag-language-is-written-twice = language '{ $language }' is written twice

diag-text-language = { $tag ->
        [zh-CN] The Chinese (zh-CN)
        [en] The English (en)
        [none] The
       *[other] The '{ $tag }'
    }

## src/scenario/validate/usage.rs

diag-meter-is-never-changed-and-never = meter '{ $id }' is never changed and never read
diag-change-it-with-add-in-choice = change it with Add("{ $id }", …) in a choice's effects, or remove it
diag-flag-is-never-set-and-never = flag '{ $id }' is never set and never read
diag-flag-is-never-set-so-conditions = flag '{ $id }' is never set, so conditions on it never hold
diag-add-setflag-to-some-choice-s = add SetFlag("{ $id }") to some choice's effects
diag-no-choice-scores-competency = no choice scores competency '{ $id }'
diag-score-it-in-choice-with-scores = score it in a choice with scores: {"{"}"{ $id }": 2{"}"}, or remove it
diag-choice-has-no-feedback = choice '{ $id }' has no feedback
diag-tell-trainee-what-this-decision-led = tell the trainee what this decision led to and why
diag-locked-never-shown = choice '{ $id }' has a locked text, but it is never shown greyed out
diag-locked-needs-disable = the locked text is shown under a greyed-out option: give the choice a condition and when_unmet: Disable, or remove locked
diag-timer-has-no-feedback-tell-trainee = the timer has no feedback: tell the trainee what silence cost

## src/scenario/syntax.rs

diag-at-path = {" "}(at { $path })
diag-here-is-full-width-character = '{ $char }' here is a full-width character
diag-type-ascii-instead = type the ASCII '{ $ascii }' instead
diag-bracket-or-quote-is-not-closed = a bracket or quote is not closed; check the last lines
diag-brackets-nested-too-deeply-at-most = brackets nested too deeply (at most { $max_nesting } levels)
diag-scenarios-never-need-this-many-levels = scenarios never need this many levels; look for stray brackets
diag-did-you-mean-fields-here = did you mean `{ $suggestion }`? Fields here: { $expected }
diag-fields-here = fields here: { $expected }
diag-has-no-field = `{ $outer }` has no field `{ $found }`{ $place }
diag-did-you-mean-one-of = did you mean `{ $suggestion }`? One of: { $expected }
diag-one-of = one of: { $expected }
diag-has-no-variant = `{ $outer }` has no variant `{ $found }`{ $place }
diag-is-missing-required-field = `{ $outer }` is missing the required field `{ $field }`{ $place }
diag-add-before-this-closing-bracket = add `{ $field }: …` before this closing bracket
diag-has-field-twice = `{ $outer }` has the field `{ $field }` twice{ $place }
diag-remove-one-of-them = remove one of them
diag-every-item-needs-comma-after-it = every item needs a comma after it
diag-check-for-missing-comma-or-extra = check for a missing comma or an extra bracket
diag-check-for-missing-comma = check for a missing comma
diag-check-for-missing-comma-or-something = check for a missing comma or something extra
diag-file-holds-one-scenario-check-for = a file holds one scenario; check for a bracket closed too early
diag-is-full-width-character-type-ascii = '{ $char }' is a full-width character; type the ASCII '{ $ascii }' instead
diag-field-names-are-english-words-title = field names are English words (title, text); Chinese text goes inside double quotes
diag-file-is-not-utf-8-text = the file is not UTF-8 text
diag-is-fixed-word-written-without-quotes = { $field } is a fixed word, written without quotes: { $word }
diag-write-instead-of = write { $word } instead of "{ $word }"
diag-did-you-mean-word-one-of = did you mean { $suggestion }? One of: { $all }
diag-one-of-words = one of: { $all }
diag-fixed-word-not-one-of = { $field } is a fixed word, written without quotes, and `{ $word }` is not one of them
diag-closing-bracket-is-missing-here = a closing bracket `{ $close }` is missing here
diag-item-opened-with-on-line-is = the item opened with `{ $open }` on line { $line } is not closed before what follows; add `{ $close }` here
diag-file-ends-but = the file ends, but { $count ->
        [1] a closing bracket `{ $closers }` is missing
       *[other] { $count } closing brackets `{ $closers }` are missing
    }
diag-on-line-is-never-closed-add = the `{ $innermost }` on line { $line } is never closed; add its closing bracket where it should end

## src/scenario/load.rs

diag-file-not-found = file not found: { $shown }
diag-check-path-and-file-name = check the path and the file name
diag-cannot-read = cannot read { $shown }: { $error }
diag-is-folder-not-scenario-file = { $shown } is a folder, not a scenario file
diag-shapan-validate-folder-checks-every-ron = `shapan validate FOLDER` checks every .ron file in it
diag-file-too-large-bytes-limit-is = file too large ({ $size } bytes; the limit is { $mib } MiB)
diag-scenario-is-usually-under-200-kib = a scenario is usually under 200 KiB; check that this is the right file
diag-file-is-not-utf-8-from-byte = the file is not UTF-8 text (from byte { $byte })
diag-save-it-as-utf-8-in = save it as UTF-8 in your editor; a GBK-encoded file must be converted first
diag-file-is-empty = the file is empty
diag-start-from-copy-of-one-of = start from a copy of one of the example scenarios in scenarios/

## src/scenario/expr.rs

diag-type-number = a number
diag-type-yes-no = a yes/no value
diag-single-does-not-compare = a single '=' does not compare
diag-write-to-test-equality = write '==' to test equality
diag-must-be-doubled = '{ $char }' must be doubled
diag-write-doubled = write '{ $op }'
diag-number-is-too-large = the number { $digits } is too large
diag-unexpected-character-in-condition = unexpected character '{ $char }' in condition
diag-this-is-full-width-character-type = this is a full-width character; type the ASCII '{ $ascii }' instead
diag-conditions-may-use-numbers-meter-and = conditions may use numbers, meter and flag ids, comparisons (== != < <= > >=), &&, ||, !, parentheses, and visited(scene), chose(choice), role(role)
diag-condition-too-long-characters-at-most = condition too long ({ $chars } characters, at most { $max_len })
diag-split-it-into-flags-or-meters = split it into flags or meters set by earlier choices
diag-condition-is-empty = the condition is empty
diag-if-no-condition-is-needed-remove = if no condition is needed, remove the field
diag-unexpected = unexpected { $what }
diag-join-two-conditions-with-or = join two conditions with && or ||
diag-token-number = number { $number }
diag-token-name = name '{ $suggestion }'
diag-token-operator = '{ $operator }'
diag-token-open-paren = '('
diag-token-close-paren = ')'
diag-token-end = end of condition
diag-condition-nested-too-deeply-at-most = condition nested too deeply (at most { $max_depth } levels)
diag-comparisons-cannot-be-chained = comparisons cannot be chained ('{ $operator }')
diag-write-b-b-c = write a < b && b < c
diag-there-is-no-function = there is no function '{ $name }'
diag-functions-visited-scene-chose-choice-role = functions: visited(scene), chose(choice), role(role)
diag-expected-but-found = expected ')' but found { $what }
diag-to-close-at-character = to close the '(' at character { $at }
diag-expected-number-name-or-but-found = expected a number, a name or '(' but found { $what }
diag-is-missing-its = { $func }( is missing its ')'
diag-takes-exactly-one-id = { $func }(…) takes exactly one id
diag-for-example-hot-search = for example { $func }(hot_search)
diag-condition-must-be-yes-or-no = a condition must be yes or no, e.g. trust >= 60
diag-expected-here-found = expected { $want } here, found { $got }
diag-no-meter-or-flag-is-called = no meter or flag is called '{ $name }'
diag-declare-it-under-meters-or-flags = declare it under meters or flags

## src/engine/analysis.rs

diag-ending-listed-before-it-always-holds = the ending '{ $other }' listed before it always holds, so it is always taken first
diag-put-fallback-ending-one-without-condition = put the fallback ending (the one without a condition) last: endings are checked in file order and the first that holds is taken
diag-its-condition-can-never-hold-within = its condition can never hold within the meters' ranges
diag-check-numbers-in-condition-no-meter = check the numbers in the condition: no meter can reach them (e.g. `> 186` when the maximum is 186)
diag-no-road-ends-where-its-condition = no road ends where its condition holds
diag-look-at-map-shapan-graph-for = look at the map (shapan graph) for choices that would make the condition hold, or loosen it
diag-no-role-can-reach-ending = no role can reach the ending '{ $id }': { $reason }
diag-role-cannot-reach-ending = the role '{ $who }' cannot reach the ending '{ $id }': { $reason }
diag-no-road-reaches-scene-conditions-on = no road reaches the scene '{ $id }': the conditions on the way always keep it out
diag-choice-is-never-open-on-any = the choice '{ $id }' is never open on any road: its condition never holds when the scene is reached
diag-check-what-flags-and-meters-in = check what the flags and meters in its condition can be when the scene is reached
diag-best-play-takes-red-line-choice = best play takes the red-line choice '{ $id }': the debrief would recommend crossing it
diag-red-line-choice-should-score-lowest = a red-line choice should score lowest or lead to a failing ending; check its scores and consequences
diag-flag-is-set-but-no-condition = the flag '{ $id }' is set but no condition reads it: it changes nothing
diag-hidden-meter-changes-but-no-condition = the hidden meter '{ $id }' changes but no condition reads it and trainees never see it: it changes nothing

## src/scenario/syntax.rs: what ron met, and where

diag-nothing = {""}
diag-with-place = { $what }{ $at }
diag-verbatim = { $text }
diag-ron-error = { $error }
diag-expected-found = expected { $expected }, found { $found }
diag-unexpected-character = unexpected character '{ $char }'
diag-the-value-of = the value of `{ $field }`
diag-this-value = this value
diag-path-index = { $kind } { $number }
diag-path-step = { $head } → { $tail }
diag-file-ends-unexpectedly-here = the file ends unexpectedly here
diag-expected-comma-here = expected a comma here
diag-expected-end-of-list = expected the end of the list `]`
diag-expected-brace = expected `{"}"}`
diag-expected-colon = expected `:`
diag-expected-paren = expected `)`
diag-text-is-missing-its-closing-quote = text is missing its closing quote
diag-expected-fixed-word-without-quotes = expected a fixed word, without quotes
diag-expected-field-name-or-name = expected a field name or a name
diag-comment-is-never-closed-with = comment /* is never closed with */
diag-unexpected-content-after-end-of-scenario = unexpected content after the end of the scenario
diag-expected-text-in-double-quotes = expected text in double quotes
diag-expected-whole-number = expected a whole number
diag-expected-true-or-false = expected true or false
diag-expected-list-in = expected a list in [ ]
diag-expected-map-in = expected a map in {"{"} {"}"}
diag-expected-structure-in = expected a structure in ( )
diag-number-out-of-range = number out of range

## Kinds of things in a scenario, as parts of other messages

diag-kind-scene = scene
diag-kind-choice = choice
diag-kind-ending = ending
diag-kind-role = role
diag-kind-character = character
diag-kind-meter = meter
diag-kind-competency = competency
diag-kind-flag = flag
diag-kind-inject = inject
diag-kind-post = post
diag-kind-objective = objective
diag-kind-effect = effect
diag-kind-random-branch = random branch

## Severities and the report (src/scenario/render.rs, src/cli/validate.rs)

diag-severity-error = error
diag-severity-warning = warning
diag-help-label = help
diag-summary-ok = { $file }: ok, no problems
diag-summary = { $file }: { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
diag-summary-total = total ({ $files })
diag-no-scenarios-folder = there is no scenarios/ folder here; name the files or folders to check
