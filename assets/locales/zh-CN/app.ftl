# 桌面程序的提示：出了什么问题、该怎么办。键名以 notice- 开头。

notice-start-missing = 无法开始演练：场景文件“{ $path }”已被删除或现在有错误。请回到场景库，查看它的错误提示。
notice-start-failed = 无法开始演练：{ $reason }
notice-resume-missing = 上次中断的演练暂时无法继续：场景文件“{ $path }”已被删除或现在有错误。修好或放回这个文件后可以再试；也可以点“不再提示”，重新开始一次演练。
notice-resume-failed = 上次中断的演练无法继续：{ $reason } 已作出的决定都保存在成绩记录里。
notice-records-unreadable = 无法读取成绩记录：{ $reason }
notice-records-write-failed = 这次演练没能写入成绩数据库，演练可以继续，但记录可能不完整：{ $reason }
notice-dismiss = 知道了

## 课堂

class-no-timer = 这个场景没有限时，不需要加时
class-final-round = 已经是第二轮了

## 演练

play-stuck-end = 结束演练，查看复盘
