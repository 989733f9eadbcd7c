# Shared pieces of the interface. Messages are keyed in English; the Chinese text is the original.

list-separator = 、
i18n-selftest = { $name }：{ $count } 项（{ $items }）
