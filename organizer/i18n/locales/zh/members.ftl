## Inactivity sweep

members-inactive-reminder = 您在「{ $group }」已经 { $days } 天没有发言了。如果您仍想留在群里，请在群里说句话；如果在休假，请发送 /away 天数。{ $grace } 天后仍未发言，管理员可能会将您移出本群。
members-inactive-reminder-group = { $mentions }：各位已经 { $days } 天没有在本群发言了。如果仍想留在群里，请说句话；休假请私聊我发送 /away 天数。{ $grace } 天后仍未发言，管理员可能会将您移出本群。
members-review-card =
    <b>「{ $group }」长期未发言成员（{ $count } 人）</b>
    以下成员已 { $days } 天以上未发言，提醒后仍无回应：
    { $names }
    请选择：全部移出、移出选中的成员，或全部保留。移出不是封禁，他们可以重新申请加入。
members-review-remove-all = 全部移出
members-review-remove-selected = 移出选中
members-review-keep = 全部保留
members-review-done-removed = 「{ $group }」：{ $admin } 已移出 { $removed } 人，保留 { $kept } 人。
members-review-done-kept = 「{ $group }」：{ $admin } 决定保留全部成员。
members-review-already = 这项审核已由 { $admin } 处理。
members-review-stale = 这张审核卡片已过期。
members-review-none-selected = 请先点选要移出的成员。
members-review-kick-failed = 未能移出 { $count } 人（我可能缺少“封禁成员”权限）。
members-inactive-auto-removed = 「{ $group }」：{ $count } 名提醒后仍未发言的成员已被自动移出：{ $names }
members-removed-notice = 由于长期未发言，您已被移出「{ $group }」。这不是封禁，如需回来可以重新申请加入。

## /away

members-away-set = 好的，{ $until } 之前您不会因未发言而被提醒或移出（共 { $count } 个群）。回来后发送 /away off 即可。
members-away-off = 欢迎回来！休假状态已取消。
members-away-usage = 用法：/away 天数（1–90），例如 /away 14；取消休假：/away off。

## /feedback

members-feedback-usage = 请发送您的建议内容（或发送 /cancel 取消）。
members-feedback-choose-group = 您的建议要发给哪个群的管理员？
members-feedback-no-group = 您还不在我管理的任何群里。
members-feedback-sent = 谢谢！您的建议已转交「{ $group }」的管理员，处理后我会通知您。
members-feedback-card =
    <b>「{ $group }」收到一条建议</b>（#{ $id }）
    来自：{ $member }
    { $text }
members-feedback-reply = 回复
members-feedback-handle = 标记为已处理
members-feedback-ask-reply = 请输入给 #{ $id } 的回复（发送 /cancel 取消）。
members-feedback-handled-admin = 已处理 #{ $id }，已通知对方。
members-feedback-already = #{ $id } 已由 { $admin } 处理。
members-feedback-handled-member = 您对「{ $group }」的建议已处理。
members-feedback-handled-member-reply =
    您对「{ $group }」的建议已处理。管理员回复：
    { $reply }
members-cancelled = 已取消。
members-feedback-private-hint = 为保护隐私，我已删除您在群里的命令。

## /lost

members-lost-ask = 哪个账号被盗或丢失了？
members-lost-this = 就是这个账号
members-lost-other = 我的另一个账号
members-lost-ask-other = 请发送那个账号的 @用户名 或数字 ID（发送 /cancel 取消）。
members-lost-unknown = 我不认识 { $who }。请确认用户名，或发送数字 ID。
members-lost-recorded = 已记录，我已通知 { $count } 个共同群组的管理员。
members-lost-alert =
    ⚠️ <b>账号安全警报</b>（#{ $id }）
    { $reporter } 报告账号 { $reported } 已被盗或丢失。
    涉及的群：{ $groups }
    在确认前，请勿相信该账号发出的消息或转账请求。
members-lost-restrict = 在所有群限制该账号
members-lost-restricted = 已由 { $admin } 在 { $count } 个群限制该账号。
members-lost-already = 该账号已由 { $admin } 限制。

## Name imitation

members-imitation-flag = ⚠️ 「{ $group }」中的成员 { $member }（ID { $user_id }）的名字与管理员 { $admin } 非常相似，可能在冒充管理员。请核实。
