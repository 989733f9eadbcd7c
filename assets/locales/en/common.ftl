# Shared pieces of the interface.

list-separator = {", "}
i18n-selftest = { $name }: { $count ->
    [one] { $count } item
   *[other] { $count } items
} ({ $items })
# The language's own name, on the button that switches to it
lang-name = English
