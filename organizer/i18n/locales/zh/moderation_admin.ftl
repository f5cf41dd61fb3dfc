## Moderation records: refusals from the violation, report and block-word services
## (organizer/services/violations.py, reports.py, blockwords.py)

moderation-admin-report-self = 不能举报自己的消息。
moderation-admin-report-admin = 管理员的消息不能举报。如有意见，请通过 /feedback 反馈。
moderation-admin-blockword-bad-category = 未知的类别「{ $category }」。可用类别：{ $categories }。
moderation-admin-blockword-bad-term = 屏蔽词长度须为 1 至 { $max } 个字符。
moderation-admin-duration-invalid = 无法识别时长「{ $value }」。请写成 <code>30m</code>、<code>2h</code> 或 <code>1d</code>（也可写 30分钟、2小时、1天）。
moderation-admin-duration-range = 时长「{ $value }」无效：须至少 1 分钟，最多 366 天。
moderation-admin-ladder-invalid = 「{ $step }」不是有效的处罚步骤。请使用 <code>warn</code>、<code>mute:1h</code>、<code>kick</code>、<code>ban</code> 或 <code>ban:7d</code>。
