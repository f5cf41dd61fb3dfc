## 考核（章程 八(二)）：/mystats、/leaderboard、/stats、/export

cmd-mystats = 我的积分及构成
cmd-leaderboard = 本群前 10 名（周、月或季度）
cmd-stats = 群统计（管理员）
cmd-export = 导出积分给人事（XLSX 和 CSV，管理员）
assessment-help = 🏅 <b>积分</b>
    /mystats [周|月|季度] — 你在各群的积分，逐项说明
    /leaderboard [周|月|季度] — 本群前 10 名
assessment-help-admin = 📈 <b>统计与导出（管理员）</b>
    /stats [周|月|季度] — 成员、活跃、分享、问答、违规、活动、入群和退群，附图表
    /export [周|月|季度] — 人事用的工作簿（XLSX）和 CSV，私聊发送
    /settings leaderboard_public off — 排行榜仅管理员可见

assessment-period-week = 周 { $start } – { $end }
assessment-period-month = 月 { $start } – { $end }
assessment-period-quarter = 季度 { $start } – { $end }
assessment-bad-period = “{ $value }”不是有效的周期：请用 周、月 或 季度（week、month、quarter）。
assessment-untagged = 未分类
assessment-duration-minutes = { $minutes } 分钟
assessment-duration-hours = { $hours } 小时
assessment-duration-days = { $days } 天
assessment-yes = 是
assessment-no = 否

assessment-stats-title = 📈 <b>群统计 | { $group }</b> — { $period }
assessment-stats-timezone = 时区 { $timezone }
assessment-stats-members = 👥 成员：{ $members }，活跃 { $active }（{ $share }）
assessment-stats-messages = 💬 消息：{ $count }
assessment-stats-shares = 📚 分享：{ $count }
assessment-stats-item = • { $name }：{ $count }
assessment-stats-questions = ❓ 提问：{ $asked } 个，已回答 { $answered } 个；回答时间中位数 { $median }
assessment-stats-violations = ⚠️ 违规：{ $count }
assessment-stats-activities = 🗓 举办活动：{ $count }；平均评分 { $rating }
assessment-stats-joins = ➕ 入群：{ $joins } · ➖ 退群：{ $leaves }
assessment-chart-title = 每日消息数
assessment-chart-messages = 消息

assessment-leaderboard-heading = 🏆 <b>{ $group }</b> — { $period }
assessment-leaderboard-title = 前 { $count } 名：
assessment-leaderboard-line = { $rank }. { $name } — { $total }
assessment-leaderboard-empty = 本周期暂无积分。
assessment-leaderboard-admins-only = 本群排行榜仅管理员可见。

assessment-mystats-title = 🏅 <b>{ $group }</b> — { $period }
assessment-mystats-total = 总分 <b>{ $total }</b>，排名第 { $rank }
assessment-mystats-component = <b>{ $name }</b>：{ $points }
assessment-mystats-indicator = · { $name }：{ $raw } × { $weight } = { $points }
assessment-mystats-capped = { $name }（按每日上限计，共发送 { $sent } 条）
assessment-mystats-none = 本周期你在各群还没有积分。
assessment-mystats-sent = 已私聊发送你的积分。

assessment-component-participation = 参与度
assessment-component-share_quality = 分享
assessment-component-answers = 答疑
assessment-component-compliance = 合规
assessment-component-activities = 活动
assessment-indicator-days_active = 活跃天数
assessment-indicator-messages = 消息数
assessment-indicator-notice_acks = 已确认通知
assessment-indicator-shares = 分享数
assessment-indicator-share_replies = 分享获回复
assessment-indicator-share_reactions = 分享获点赞
assessment-indicator-featured = 精选分享
assessment-indicator-answers = 回答问题
assessment-indicator-best_answers = 最佳答案
assessment-indicator-violation_points = 违规扣分
assessment-indicator-rules_accepted = 确认群规
assessment-indicator-attended = 参加活动
assessment-indicator-no_shows = 缺席
assessment-indicator-surveys = 填写问卷
assessment-indicator-organised = 组织活动

assessment-type-employee = 员工
assessment-type-partner = 合作伙伴
assessment-type-student = 学员
assessment-type-unknown = 未知
assessment-sheet-members = 成员
assessment-sheet-violations = 违规
assessment-sheet-activities = 活动
assessment-col-name = 姓名
assessment-col-username = 用户名
assessment-col-type = 成员类型
assessment-col-department = 部门
assessment-col-total = 总分
assessment-col-rank = 排名
assessment-col-date = 日期
assessment-col-member = 成员
assessment-col-rule = 规则
assessment-col-category = 类别
assessment-col-charter = 章程条款
assessment-col-sanction = 处理
assessment-col-undone = 已撤销
assessment-col-title = 标题
assessment-col-start = 开始时间
assessment-col-organiser = 组织者
assessment-col-going = 报名参加
assessment-col-attended = 已签到
assessment-col-no-shows = 缺席
assessment-col-rating = 平均评分

assessment-group-only = 请在群里使用此命令。
assessment-admins-only = 只有本群管理员可以使用。
assessment-no-admin-groups = 你不是我所在任何群的管理员。
assessment-choose-group = 哪个群？
assessment-start-bot = 请先私聊我并点“开始”，然后再试。
assessment-export-sent = 已私聊发送导出文件。
assessment-export-caption = { $group } — { $period }
