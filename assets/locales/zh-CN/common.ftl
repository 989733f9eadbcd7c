# Shared pieces of the interface. Messages are keyed in English; the Chinese text is the original.

list-separator = 、
i18n-selftest = { $name }：{ $count } 项（{ $items }）
# 这种语言自己的名称，显示在切换到它的按钮上
lang-name = 中文
