## Admins' moderation tools (handlers/moderation_admin/): commands by reply, /report, /setlog,
## /blockword, the admin log cards and their Undo button.

## Durations

modcmd-unit-d = { $n } 天
modcmd-unit-h = { $n } 小时
modcmd-unit-m = { $n } 分钟

## Commands by reply: refusals and failures

modcmd-reason = 原因：{ $reason }
modcmd-anonymous-admin = 您正以匿名管理员身份（以群组名义）发言，我无法确认您的身份。请在群设置 → 管理员中关闭「保持匿名」后再使用管理命令。
modcmd-no-target = 请回复要处理的成员的消息后发送 /{ $command }，或写出对方的 @用户名 或用户 ID，例如 <code>/{ $command } @zhangsan</code>。
modcmd-target-unknown = 我不认识 { $who }。请回复对方的一条消息后再发送命令。
modcmd-target-not-member = 这条消息是以频道或群组身份发送的，无法对其执行此操作。
modcmd-target-bot = 不能对机器人执行此操作。
modcmd-target-admin = 不能对管理员执行此操作。
modcmd-target-gone = 操作失败：该用户不在本群中。
modcmd-missing-restrict = 操作失败：我缺少「封禁用户」（限制成员）管理权限。请在群设置 → 管理员中为我开启后重试。
modcmd-missing-delete = 操作失败：我缺少「删除消息」管理权限（或该消息已超过 48 小时，Telegram 不再允许删除）。请在群设置 → 管理员中为我开启后重试。
modcmd-failed = 操作失败：Telegram 拒绝了请求（{ $reason }）。
modcmd-no-warnings = { $target } 目前没有未过期的警告。
modcmd-del-needs-reply = 请回复要删除的消息后发送 /del。
modcmd-del-gone = 这条消息已经不存在了。

## What was done: the group's confirmation and the admin-log card (the target's name)

modcmd-done-warn = ⚠️ 已警告 { $target }（{ $days } 天内第 { $count } 次违规）。
modcmd-done-unwarn = ↩️ 已撤销 { $target } 最近的一次警告。
modcmd-done-mute = 🔇 已禁言 { $target } { $duration }。
modcmd-done-unmute = 🔊 已解除 { $target } 的禁言。
modcmd-done-kick = 👋 已将 { $target } 移出本群（可重新申请加入）。
modcmd-done-ban = ⛔ 已封禁 { $target }。
modcmd-done-unban = ✅ 已解除对 { $target } 的封禁（对方可重新申请加入）。
modcmd-done-delete = 🗑 已删除 { $target } 的一条消息。
modcmd-ladder-mute = 按本群处罚阶梯，同时禁言 { $duration }。
modcmd-ladder-kick = 按本群处罚阶梯，同时移出本群。
modcmd-ladder-ban = 按本群处罚阶梯，同时封禁。
modcmd-card =
    🛡 <b>{ $group }</b> · 管理员 { $admin }
    { $what }

## Private notices to the member concerned

modcmd-notice-warn = ⚠️ 您在「{ $group }」收到管理员的警告（{ $days } 天内第 { $count } 次违规）。请遵守群规，可在群里发送 /rules 查看。
modcmd-notice-unwarn = 管理员撤销了您在「{ $group }」最近的一次警告。
modcmd-notice-mute = 🔇 您在「{ $group }」被管理员禁言 { $duration }，期间可以阅读但不能发言。
modcmd-notice-unmute = 🔊 您在「{ $group }」的禁言已解除。
modcmd-notice-kick = 您已被管理员移出「{ $group }」。如有疑问请联系群管理员；您可以重新申请加入。
modcmd-notice-ban = ⛔ 您已被管理员封禁，不能再进入「{ $group }」。如有疑问请联系群管理员。
modcmd-notice-unban = 您在「{ $group }」的封禁已解除，可以重新申请加入。
modcmd-notice-delete = 🗑 您在「{ $group }」的一条消息被管理员删除。
modcmd-notice-undo = 管理员撤销了您在「{ $group }」的一条违规记录。
modcmd-notice-undo-unmute = 管理员撤销了您在「{ $group }」的一条违规记录，禁言已解除。
modcmd-notice-undo-unban = 管理员撤销了您在「{ $group }」的一条违规记录，封禁已解除。

## Undo button of admin-log cards

modcmd-undo-button = ↩️ 撤销
modcmd-undone = ↩️ 已由 { $admin } 撤销。
modcmd-undo-done = 已撤销。

## /report

modcmd-report-usage = 请在群里回复要举报的消息并发送 <code>/report 原因</code>（原因可不写）。我会把消息转给管理员，不会透露举报人。
modcmd-report-cannot = 这条消息无法举报（以频道或群组身份发送的消息、机器人的消息）。
modcmd-report-thanks = 谢谢您的举报！「{ $group }」的管理员会尽快处理。被举报的成员不会知道是谁举报的。
modcmd-report-duplicate = 您已经举报过这条消息，管理员会尽快处理。
modcmd-report-already-handled = 这条消息已由管理员处理过了（{ $status ->
        [deleted] 已删除
        [warned] 已警告发送者
        [muted] 已禁言发送者
       *[dismissed] 已驳回举报
    }）。谢谢！
modcmd-report-card = 📣 <b>举报 #{ $id }</b> · { $group }
    被举报成员：{ $member }
    举报人数：{ $count }
modcmd-report-reasons = 举报原因：{ $reasons }
modcmd-report-message = 消息内容：<blockquote>{ $text }</blockquote>
modcmd-report-no-text = 消息内容：（非文字消息）
modcmd-report-link = <a href="{ $url }">查看原消息</a>
modcmd-report-button-delete = 🗑 删除消息
modcmd-report-button-warn = ⚠️ 警告
modcmd-report-button-mute = 🔇 禁言 1 小时
modcmd-report-button-dismiss = ✖️ 驳回
modcmd-report-handled = ✅ 已由 { $admin } 处理：
modcmd-report-status-open = 待处理
modcmd-report-status-deleted = 已删除该消息
modcmd-report-status-warned = 已警告发送者
modcmd-report-status-muted = 已禁言发送者
modcmd-report-status-dismissed = 已驳回举报
modcmd-report-already = 该举报已由 { $admin } 处理：{ $outcome }。
modcmd-report-done = 已处理。

## /setlog

modcmd-setlog-choose = 请选择要把哪个群的管理日志（违规处理、举报、撤销按钮）发送到这里：
modcmd-setlog-all = 🌐 所有群（组织日志）
modcmd-setlog-not-admin = 只有群管理员可以设置管理日志。您目前不是任何群的管理员。
modcmd-setlog-done = ✅ 今后「{ $group }」的管理日志将发送到这里。
modcmd-setlog-public = 注意：这是该群本身，所有成员都能看到管理日志（包括举报内容）。建议另建一个只有管理员的群作为日志群。
modcmd-setlog-off = 「{ $group }」不再使用单独的日志群：管理日志将发到组织日志群；若未设置，则私信发给本群管理员。
modcmd-setlog-off-all = 已取消组织日志群：各群的管理日志将发到各自的日志群；若未设置，则私信发给该群管理员。
modcmd-setlog-org-only = 只有组织管理员可以修改组织日志群。
modcmd-setlog-usage = 请在要接收管理日志的群里（例如只有管理员的群，我也需要在群里）发送 /setlog，然后选择对应的群。

## /blockword

modcmd-category-porn = 色情
modcmd-category-violence = 暴力
modcmd-category-gambling = 赌博
modcmd-category-fraud = 诈骗
modcmd-category-subversion = 颠覆
modcmd-category-abuse = 辱骂
modcmd-blockword-usage =
    用法：
    <code>/blockword add 类别 词语</code> — 在本群屏蔽一个词
    <code>/blockword remove 类别 词语</code> — 取消屏蔽（也可以取消默认词库中的词）
    <code>/blockword list</code> — 查看本群对默认词库的调整
    类别：色情 porn、暴力 violence、赌博 gambling、诈骗 fraud、颠覆 subversion、辱骂 abuse
modcmd-blockword-bad-category = 未知的类别「{ $category }」。可用类别：色情 porn、暴力 violence、赌博 gambling、诈骗 fraud、颠覆 subversion、辱骂 abuse。
modcmd-blockword-add-done = ✅ 已在「{ $category }」类中屏蔽「{ $term }」。
modcmd-blockword-add-unchanged = 「{ $term }」已在「{ $category }」类中屏蔽，无需重复添加。
modcmd-blockword-remove-done = ✅ 已取消屏蔽「{ $category }」类中的「{ $term }」。
modcmd-blockword-remove-unchanged = 「{ $category }」类中没有「{ $term }」这个屏蔽词（或已取消）。
modcmd-blockword-list-empty = 「{ $group }」使用默认词库，没有自定义调整。
modcmd-blockword-list-title = <b>「{ $group }」对默认词库的调整</b>
modcmd-blockword-list-line = { $category }：新增 { $added }；取消 { $removed }

## /help and the command menu

modcmd-help-member =
    <b>举报</b>
    /report 原因 — 回复一条违规消息发送：消息会转给管理员处理，命令会自动删除，不会透露举报人
modcmd-help-admin =
    <b>群管理（回复成员的消息发送；命令会自动删除）</b>
    /warn 原因 — 警告，计入处罚阶梯（默认：警告 → 禁言 1 小时 → 禁言 24 小时 → 移出，30 天内累计）
    /unwarn — 撤销最近的一次警告
    /mute 时长 原因 — 禁言，时长如 30m、2h、1d（默认 1 小时）；/unmute 解除
    /kick 原因 — 移出本群（可重新申请加入）
    /ban 原因 — 封禁；/unban 解除（也可写 @用户名 或用户 ID，不必回复）
    /del — 删除所回复的消息
    成员会私下收到通知和原因；每个操作都会记录并发到管理日志，警告和自动处理附有「撤销」按钮。
    /setlog — 在要接收管理日志的群里发送，选择把哪个群的日志发到这里（组织管理员可选「所有群」）；/setlog off 在本群发送，恢复为组织日志或私信管理员
    /blockword add|remove 类别 词语 — 调整本群屏蔽词；/blockword list 查看（结果私信发给您）
cmd-warn = 警告成员（管理员，回复消息）
cmd-unwarn = 撤销最近的警告（管理员）
cmd-mute = 禁言成员（管理员，回复消息）
cmd-unmute = 解除禁言（管理员）
cmd-kick = 移出成员（管理员）
cmd-ban = 封禁成员（管理员）
cmd-unban = 解除封禁（管理员）
cmd-del = 删除所回复的消息（管理员）
cmd-report = 向管理员举报一条消息
cmd-setlog = 设置管理日志群（管理员）
cmd-blockword = 管理本群屏蔽词（管理员）
