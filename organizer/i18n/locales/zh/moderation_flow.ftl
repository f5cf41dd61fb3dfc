## What the automatic moderation tells the member, the group and the admins.

modflow-returned =
    您在「{ $group }」发的消息已被删除。原因：{ $reason }
    { $sanction }
    以下是您的原文，修改后可以再发：

    { $text }
modflow-returned-private =
    您在「{ $group }」发的消息含有个人隐私信息，已被删除（{ $reason }）。
    如需把这些信息告诉某位成员，请直接私聊对方。{ $sanction }
    以下是您的原文：

    { $text }
modflow-sanction-warn = 这是一次警告（30 天内第 { $count } 次违规；再次违规将被禁言）。
modflow-sanction-mute = 您已被禁言至 { $until }（30 天内第 { $count } 次违规）。
modflow-sanction-kick = 您已被移出本群（未封禁；30 天内第 { $count } 次违规）。
modflow-sanction-ban = 您已被本群封禁（30 天内第 { $count } 次违规）。
modflow-sanction-none = {""}
modflow-group-notice = { $mention } 的消息已删除：{ $reason }
modflow-log-card =
    🛡 「{ $group }」自动处理
    成员：{ $member }
    原因：{ $reason }
    依据：{ $evidence }
    处理：{ $sanction }
    原文：{ $text }
modflow-log-sanction-warn = 删除消息并警告（30 天内第 { $count } 次）
modflow-log-sanction-mute = 删除消息并禁言至 { $until }（30 天内第 { $count } 次）
modflow-log-sanction-kick = 删除消息并移出（30 天内第 { $count } 次）
modflow-log-sanction-ban = 删除消息并封禁（30 天内第 { $count } 次）
modflow-log-sanction-none = 删除消息
modflow-log-not-deleted = ⚠️ 消息未能删除
modflow-rights-missing = ⚠️ 我在「{ $group }」缺少“{ $right }”权限，无法{ $action }。违规仍已记录；请在群设置中授予我该权限。
modflow-right-delete = 删除消息
modflow-right-restrict = 封禁/限制成员
modflow-action-delete = 删除违规消息
modflow-action-restrict = 执行禁言或移出
modflow-media-notice = { $mention }：{ $reason }
