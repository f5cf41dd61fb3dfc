## /settings: the group settings admins may change

cmd-settings = 查看与修改本群设置（管理员）

settings-title = <b>「{ $group }」的设置</b>
settings-section-join = <b>入群审批</b>
settings-section-newcomers = <b>新成员</b>
settings-section-inactive = <b>不活跃成员</b>
settings-section-activities = <b>活动</b>
settings-section-content = <b>内容</b>
settings-section-moderation = <b>内容审核</b>
settings-section-supervision = <b>督导</b>
settings-line-default = • <code>{ $name }</code> = { $value }（默认值）— { $description }
settings-line-changed = • <code>{ $name }</code> = <b>{ $value }</b>（默认：{ $default }）— { $description }
settings-line-inherited = • <code>{ $name }</code> = { $value }（默认：同 { $inherits }）— { $description }
settings-same-as = 同 { $name }
settings-on = 开
settings-off = 关
settings-by-kind-private_data_check = { $kind ->
    [student_service] 按群类型（学员服务群：手机号、身份证号、银行卡号、邮箱）
   *[other] 按群类型（本群：身份证号、银行卡号）
}
settings-usage =
    修改：/settings 名称 值，例如 <code>/settings join_escalate_hours 12</code>、<code>/settings inactive_auto_remove 开</code>
    审核名单（允许的域名、白名单成员、广告许可、处罚阶梯）：/modlist
    恢复默认：/settings 名称 default
settings-usage-one = 修改：/settings { $name } 值；恢复默认：/settings { $name } default
settings-set = 已设置 <code>{ $name }</code> = { $value }。
settings-reset = 已恢复默认：<code>{ $name }</code> = { $value }。
settings-private = 请在要设置的群里发送 /settings（仅群管理员可用）。

settings-error-unknown = 没有名为「{ $name }」的设置。发送 /settings 查看全部设置。
settings-error-unknown-suggest = 没有名为「{ $name }」的设置。您是不是要找：{ $suggestions }？
settings-error-not-int = 「{ $value }」不是整数。{ $name } 需要 { $min }–{ $max } 之间的整数，或 default 恢复默认。
settings-error-range = { $value } 超出范围：{ $name } 需要 { $min }–{ $max } 之间的整数。
settings-error-not-bool = 「{ $value }」无法识别。{ $name } 只接受 开/关（on/off、是/否、1/0），或 default 恢复默认。

settings-desc-join_escalate_hours = 入群申请多少小时无人处理即升级给群管理员（1–720）
settings-desc-join_escalate_hours_employee = 同上，仅限公司员工的申请（1–720）
settings-desc-join_escalate_hours_partner = 同上，仅限外部合作伙伴的申请（1–720）
settings-desc-join_escalate_hours_student = 同上，仅限学员的申请（1–720）
settings-desc-join_decline_hours = 入群申请多少小时仍未处理即自动拒绝（1–720，不早于升级）
settings-desc-join_decline_hours_employee = 同上，仅限公司员工的申请（1–720）
settings-desc-join_decline_hours_partner = 同上，仅限外部合作伙伴的申请（1–720）
settings-desc-join_decline_hours_student = 同上，仅限学员的申请（1–720）
settings-desc-returning_skip_approval = 曾在本群的成员再次申请时直接通过，无需审批
settings-desc-require_join_request = 只接受入群申请：通过普通链接加入的人会被移出（首次 /invite 时自动开启）
settings-desc-welcome_timeout_hours = 新成员须在多少小时内接受群规，否则被移出（1–168）
settings-desc-clean_join_messages = 新成员接受群规或被移出后，删除「某某加入了群组」的系统提示
settings-desc-inactive_days = 多少天未发言即提醒（0–365，0 = 关闭不活跃清理）
settings-desc-inactive_grace_days = 提醒后再过多少天仍未发言即交管理员处理（1–90）
settings-desc-inactive_auto_remove = 宽限期满后自动移出，而不是发清理卡片给管理员
settings-desc-publish_without_approval = 管理员和受信任组织者发起的活动无需审核，直接发布
settings-desc-question_raise_hours = 群里的提问多少小时无人回答即提交给管理员和专家（1–168）
settings-desc-moderation = 内容审核总开关：关闭后本群不再检查违规内容
settings-desc-ad_check = 检查广告与推广信息（/modlist advertisers 中的成员可发广告）
settings-desc-channel_forwards_allowed = 允许转发频道消息；关闭时频道转发按广告处理
settings-desc-private_data_check = 检查个人信息（手机号、身份证号、银行卡号、邮箱）。未设置时按群类型：学员服务群检查全部四种，其他群只查身份证号和银行卡号；开 = 全部四种，关 = 不检查
settings-desc-news_quota = 本群每天可发的行业新闻条数，超出的顺延到之后的空档（0–50，0 = 不限；管理员不计）
settings-desc-max_file_mb = 文件超过多少 MB 即提醒（0–2000，0 = 不提醒）
settings-desc-max_video_mb = 视频超过多少 MB 即提醒（0–2000，0 = 不提醒）
settings-desc-max_voice_s = 语音超过多少秒即提醒（0–3600，0 = 不提醒）
settings-desc-warning_days = 警告累计多少天内有效，决定处罚阶梯走到哪一步（1–365）
settings-desc-admins_exempt = 群管理员不受内容审核
settings-desc-digest_every_days = 管理员待办摘要（0–7：0 = 关闭，1 = 每天，7 = 每周一，2–6 = 每隔几天），北京时间 09:00 发送
settings-desc-leaderboard_public = /leaderboard 排行榜是否对所有成员公开（关：仅管理员可见，私聊发送）
settings-desc-commendations = 每月底在群里表彰贡献最多的成员（管理员会提前收到名单，可跳过当月）
