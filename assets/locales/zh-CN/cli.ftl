# 命令行本身的话（不属于某个子命令）。键名以 cli- 开头。

# 没有编译桌面程序的版本，后面接着列出所有子命令
cli-no-gui = 这个版本没有编译桌面程序（gui 功能）；可用的子命令：
# 开发者用 --votes 指定全班票数时，场景文件有错误
cli-votes-scenario-errors = { $path }：场景文件有错误，请先运行 shapan validate 查看
