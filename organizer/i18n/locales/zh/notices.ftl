## 通知：校验（编辑器、/notices、/acks）

notices-error-empty = 通知没有内容，请输入文字。
notices-error-too-long = 通知太长：需要分成 { $parts } 条消息（最多 { $max } 条），请精简。
notices-error-caption-too-long = 图片或文件的说明最多 { $limit } 个字符。请精简文字，或不带文件作为文字通知发送。
notices-error-bad-media = 通知只能附带图片或文件。
notices-error-past = 该时间已过，请选择更晚的时间，或立即发送。
notices-error-remind-hours = 确认提醒须在发送后 1 到 { $max } 小时之间。
notices-error-bad-repeat = 通知可以每天、每周或每月重复（设置结束日期须先选择重复）。
notices-error-repeat-until = 重复的结束时间须晚于首次发送时间。
notices-error-bad-target = 目标无效。请选择本群、某类群、选定的群或您管理的所有群。
notices-error-no-rights = 您不是以下群的管理员：{ $groups }。只有每个目标群的管理员才能在其中发布通知。
notices-error-no-target = 目标中没有您管理的群（或机器人已不在这些群中）。
notices-error-not-found = 该通知不存在（或已删除）。
notices-error-not-yours = 只有发布人、相关群的管理员或组织管理员可以修改此通知。
notices-error-not-scheduled = 只能取消尚未发送的定时通知。
notices-error-not-editable = 此通知目前无法编辑（正在发送或已取消）。
notices-error-edit-media = 已发送的图片或文件的说明无法修改，请发布新通知。
notices-error-edit-parts = 已发送的通知共 { $parts } 条消息，新内容须能放入相同数量的消息。
notices-error-no-ack = 此通知不需要确认。
notices-error-not-recipient = 此通知没有发送到您所在的群。

## 通知：发送

notices-ack-button = ✅ 已收到
notices-ack-thanks = 谢谢，已记录您的确认。
notices-ack-already = 您已确认过此通知。
notices-report-title = 通知 #{ $id }“{ $excerpt }”的<b>发送报告</b>
notices-report-summary = 已送达 { $delivered }/{ $total } 个群，失败 { $failed } 个。
notices-report-delivered = ✅ { $group }
notices-report-pinned = 📌 { $group }（已置顶）
notices-report-pin-failed = ✅ { $group }（未置顶：{ $reason }）
notices-report-failed = ❌ { $group }：{ $reason }
notices-report-remind = 将于 { $time } 提醒尚未点击“已收到”的成员。查看确认情况：/acks { $id }
notices-report-next = 下次发送：{ $time }。
notices-reason-no-rights = 您已不是该群的管理员
notices-reason-bot-removed = 机器人已不在该群
notices-reason-unreachable = 无法访问该群（{ $detail }）
notices-reason-no-permission = 机器人缺少权限（{ $detail }）
notices-reason-migrated = 该群已升级为超级群，请在群内重新运行 /setup
notices-reason-gave-up = 多次发送失败（{ $detail }）
notices-reason-cancelled = 已取消
notices-reason-pin = 机器人没有置顶消息的权限
notices-reason-other = { $detail }

## 通知：确认提醒

notices-remind-private = 提醒：请确认您已阅读“{ $group }”中的通知“{ $excerpt }”（<a href="{ $link }">查看</a>），点击“已收到”即可。
notices-remind-group = { $mentions } 请确认您已阅读<a href="{ $link }">这条通知</a>“{ $excerpt }”，点击其下方的“已收到”即可。
