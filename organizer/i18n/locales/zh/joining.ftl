## 申请入群（制度 二）：/invite、申请人问答、审批卡片、/approvers

join-type-employee = 公司员工
join-type-partner = 外部合作伙伴
join-type-student = 学员
join-type-unknown = 未回答

join-ask-type = 你申请加入「{ $group }」。请问你是？（请在 5 分钟内回答。）
join-ask-department = 你在哪个部门？请输入部门名称。
join-ask-voucher = 谁为你担保（部门负责人或业务对接人）？
join-ask-voucher-username = 请输入对方的 Telegram 用户名，例如 @zhang_san。
join-confirm = 请核对你申请加入「{ $group }」的信息：
    身份：{ $type }
    部门：{ $department }
    担保人：{ $voucher }
join-button-someone-else = 其他人（输入 @用户名）
join-button-confirm = ✅ 提交
join-button-restart = ↩️ 重新填写
join-sent-to-approver = 谢谢。你的申请已交给 { $name } 审批，结果会通知你。
join-sent-to-admins = 谢谢。你的申请已交给本群管理员审批，结果会通知你。
join-welcome-back = 欢迎回到「{ $group }」：你是回归成员，已直接通过。

join-error-not-yours = 这不是你的申请。
join-error-closed = 该申请已处理。
join-error-already-answered = 你已经提交过回答了。
join-error-too-late = 5 分钟的回答时间已过；管理员已收到你的申请及已填写的信息。
join-error-incomplete = 请先回答所有问题。
join-error-not-found = 该入群申请已不存在。
join-error-decided = 该入群申请已处理。
join-error-stale = 该按钮已失效。
join-error-text-length = 请输入 1 到 { $max } 个字符。
join-error-username-format = 请输入 @用户名，例如 @zhang_san。
join-error-not-approver = 只有收到该申请的审批人、本群审批人或管理员才能处理此申请。

join-card-title = 入群申请：{ $name }（{ $username }）
join-card-type = 身份：{ $type }
join-card-department = 部门：{ $department }
join-card-voucher = 担保人：{ $voucher }
join-card-requested = 申请时间：{ $when }
join-card-unanswered = ⚠️ 申请人未在 5 分钟内完成问答。
join-card-approver-left = ⚠️ 所选审批人 { $name } 已不在群内，申请已转给管理员。
join-card-escalated = ⏰ 超时未处理：已升级给管理员。
join-card-group = { $name } 的入群申请待处理。请管理员点击按钮（详情已私聊发送给已启动本机器人的管理员）。
join-card-decided = { $name }：{ $outcome }。理由：{ $reason }
join-button-approve = ✅ 通过
join-button-decline = ❌ 拒绝

join-status-pending = 待处理
join-status-approved = 已通过
join-status-declined = 已拒绝
join-status-expired = 已过期
join-decider-system = 机器人
join-already-decided = 已由 { $name } 于 { $when } 处理：{ $outcome }。
join-done-approved = 已通过。
join-done-declined = 已拒绝，并已通知申请人。
join-need-private = 拒绝需要填写理由：请先私聊启动本机器人，再点一次。
join-ask-reason = 拒绝 { $name } 的申请的理由是？请输入（申请人会看到），或发送 /cancel 取消。
join-reason-asked = 已私聊向你询问理由。
join-decline-cancelled = 已取消：该申请仍在等待处理。

join-outcome-approved = 你加入「{ $group }」的申请已通过，欢迎！
join-outcome-declined = 你加入「{ $group }」的申请未通过。理由：{ $reason }
join-outcome-expired = 你加入「{ $group }」的申请超时未处理，已关闭。你可以稍后再次申请。

join-invite-no-right = 我无法创建邀请链接：请授予我“通过链接邀请用户”的管理员权限，然后再发送 /invite。
join-invite-link = 「{ $group }」的邀请链接（打开链接的人需先申请并经审批）：
    { $link }
join-invite-sent-privately = 邀请链接已私聊发给你。

approvers-title = 「{ $group }」的入群审批人：
approvers-line = { $type }：{ $names }
approvers-none = 无（由管理员审批）
approvers-absent = { $name }（已不在群内，跳过）
approvers-usage = 用法：/approvers add employee|partner|student @用户名 [备注] —— 或回复某成员的消息；/approvers remove employee|partner|student @用户名。
approvers-added = { $name } 现在审批以下身份的入群申请：{ $type }。
approvers-removed = { $name } 不再审批以下身份的入群申请：{ $type }。
approvers-not-listed = { $name } 原本就不是以下身份的审批人：{ $type }。
approvers-not-in-group = 注意：{ $name } 目前不在本群，入群申请会跳过 TA，直到 TA 入群。
approvers-bad-type = “{ $value }”不是有效身份：请使用 employee、partner 或 student。
approvers-unknown-username = 我还没见过 { $username }：请 TA 先在群里发言或私聊启动我（或回复 TA 的消息发送 /approvers add …）。
approvers-no-groups = 你不是我所在任何群的管理员。
approvers-choose-group = 选择哪个群？
