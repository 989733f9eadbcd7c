# `shapan new`: writing a starting scenario. The scenario's own texts are content, written in
# both languages into the file, and are not here.

# $problem says what is wrong with the id.
new-bad-id = 案例 id “{ $id }” 不可用：{ $problem }。id 用字母、数字、下划线，例如 flood_night
new-cannot-create-folder = 无法创建文件夹 { $dir }: { $error }
new-exists = { $path } 已经存在，没有覆盖它。换一个 id，或者用 --out 指定另一个文件名。
new-cannot-write = 无法写入 { $path }: { $error }
new-written =
    已写好 { $path }（{ $category }类）。把其中的文字换成你的情景，然后运行：
      shapan validate { $path }
      shapan play { $path }
