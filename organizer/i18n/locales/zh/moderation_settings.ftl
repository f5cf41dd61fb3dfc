## /modlist: the list-valued parts of a group's moderation policy

cmd-modlist = 审核名单：允许的域名、白名单、广告许可、处罚阶梯（管理员）

modset-help-admin =
    <b>内容审核设置</b>
    /settings 的「内容审核」部分：审核总开关、广告检查、频道转发、个人信息检查、每日新闻配额、文件/视频/语音提醒上限、警告累计天数、管理员免审；例如 <code>/settings ad_check 关</code>
    /modlist — 查看允许的链接域名、白名单成员（不受审核）、可发广告的成员和处罚阶梯；/modlist domains|exempt|advertisers add|remove …（@用户名、用户 ID 或回复成员消息），/modlist ladder warn mute:1h mute:24h kick 或 /modlist ladder default

modset-private = 请在要设置的群里发送 /modlist（仅群管理员可用）。
modset-title = <b>「{ $group }」的审核名单</b>
modset-disabled = 本群的内容审核已关闭（/settings moderation 开 可重新开启）。
modset-section-domains = <b>允许的链接域名</b>（含子域名）
modset-domains-default = 默认：{ $domains }
modset-domains-own = 本群添加：{ $domains }
modset-section-exempt = <b>白名单成员</b>（不受内容审核）
modset-section-advertisers = <b>可发广告的成员</b>
modset-member-line = • { $name } · <code>{ $id }</code>
modset-none = 无
modset-section-ladder = <b>处罚阶梯</b>
modset-ladder-line = { $steps }
modset-ladder-default-note = （默认；警告在 { $days } 天内累计）
modset-ladder-own-note = （本群设定；警告在 { $days } 天内累计）
modset-usage =
    修改：/modlist domains add|remove 域名，/modlist exempt add|remove @用户名|用户 ID（或回复成员消息），/modlist advertisers add|remove …
    处罚阶梯：/modlist ladder warn mute:1h mute:24h kick；恢复默认：/modlist ladder default

modset-domain-added = 已允许 <code>{ $domain }</code>（含子域名）的链接。
modset-domain-removed = 已移除 <code>{ $domain }</code>，其链接不再默认允许。
modset-bad-domain = 「{ $value }」不是有效的域名，例如 example.com 或 https://www.example.com/page。
modset-domain-default = <code>{ $domain }</code> 已默认允许（{ $parent }），无需添加。
modset-domain-already = <code>{ $domain }</code> 已在本群允许的域名中（{ $parent }）。
modset-domain-is-default = <code>{ $domain }</code> 属于默认允许的域名（{ $parent }），不能移除。
modset-domain-not-listed = 本群没有添加过 <code>{ $domain }</code>。发送 /modlist 查看名单。

modset-exempt-added = 已将 { $name } 加入白名单：其消息不再受内容审核。
modset-exempt-removed = 已将 { $name } 移出白名单。
modset-exempt-already-on = { $name } 已在白名单中。
modset-exempt-not-on = { $name } 不在白名单中。
modset-advertisers-added = 已允许 { $name } 发布广告。
modset-advertisers-removed = 已取消 { $name } 的广告许可。
modset-advertisers-already-on = { $name } 已可发布广告。
modset-advertisers-not-on = { $name } 没有广告许可。

modset-ladder-set = 处罚阶梯已设为：{ $steps }
modset-ladder-reset = 已恢复默认处罚阶梯：{ $steps }
modset-ladder-empty = 请写出处罚阶梯的各步，例如 <code>/modlist ladder warn mute:1h mute:24h kick</code>；恢复默认：/modlist ladder default
modset-ladder-too-long = 处罚阶梯最多 { $max } 步（您写了 { $count } 步）。
modset-ladder-bad-step = 「{ $step }」不是有效的一步。可用：warn、mute:时长（必须有时长）、kick、ban 或 ban:时长；时长 1 分钟到 366 天，如 30m、2h、1d。

modset-bad-user = 「{ $value }」不是 @用户名 或用户 ID。也可以回复该成员的消息发送此命令。
modset-unknown-username = 我不认识 { $username }：TA 需要先在群里发过言或私聊过我。也可以回复 TA 的消息，或写用户 ID。
modset-no-member = 请写出成员：@用户名 或用户 ID，或回复该成员的消息发送此命令。
modset-target-not-member = 这条消息不是成员发的（频道、匿名管理员或机器人），无法加入名单。
modset-usage-unknown = 没有名为「{ $value }」的名单。可用：domains、exempt、advertisers、ladder。
modset-usage-action = 请写 add 或 remove，例如 <code>/modlist { $list } add …</code>。
modset-usage-domain = 请写出域名，例如 <code>/modlist domains { $action } example.com</code>。
