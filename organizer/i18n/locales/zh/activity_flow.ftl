## 活动执行与总结（制度 七(二)–七(三)）：提醒、签到、考勤、反馈问卷、总结、备注。
## 标注 (alert) 的文字以纯文本弹窗显示：其中不能有 HTML 标签。

flow-stale-button = 此按钮已失效，请重新发送命令。
flow-cancelled = 已取消。

## 提醒

flow-lead-days = { $days } 天后
flow-lead-hours = { $hours } 小时后
flow-lead-hours-minutes = { $hours } 小时 { $minutes } 分钟后
flow-lead-minutes = { $minutes } 分钟后
flow-reminder-group = ⏰ <b>活动提醒</b>：「{ $title }」将于{ $lead }开始。
flow-reminder-private = ⏰ <b>活动提醒</b>：「{ $title }」（{ $group }）将于{ $lead }开始。您已报名参加。
flow-reminder-when = 🕒 { $when }
flow-reminder-place = 📍 { $place }
flow-reminder-link = 🔗 { $url }
flow-reminder-mentions = { $mentions }：您已报名参加，但我无法私信您，特在群里提醒。如需私信提醒，请打开与我的私聊并点击“开始”。

## 签到

flow-checkin-code-private =
    🔑 「{ $title }」已开放签到。请在现场宣读签到码：<b>{ $code }</b>
    成员私信我发送：/checkin { $code }（也可以点击群公告上的“签到”按钮）。签到于 { $closes } 截止。
flow-checkin-code-unreachable = { $mention }：「{ $title }」已开放签到，但我无法私信您签到码。请打开与我的私聊并发送 /attendance 查看。
# (alert)
flow-checkin-done = ✅ 已签到「{ $title }」，时间 { $time }。
# (alert)
flow-checkin-done-late = ✅ 已签到「{ $title }」，时间 { $time }，记为迟到（活动 { $start } 开始）。
# (alert)
flow-checkin-already = 您已于 { $time } 签到「{ $title }」。
# (alert)
flow-checkin-closed = 「{ $title }」现在不在签到时间内。
flow-checkin-ask-code = 请发送组织者现场宣读的签到码（4 位数字）。发送 /cancel 可取消。
flow-checkin-code-format = 签到码是 { $length } 位数字，例如 0427。请重新发送。
flow-checkin-nothing-open = 您所在的群目前没有开放签到的线下活动。线上活动请在群公告上点击“签到”。
flow-checkin-wrong-code = “{ $code }”不是签到码。还可以尝试 { $left } 次。
flow-checkin-too-many = 错误次数过多，请 { $minutes } 分钟后再试，或请组织者为您标记出席。
flow-checkin-in-private = 请私信我发送签到码（点击我的名字，然后发送 /checkin 和签到码），以免被他人抄用。

## 考勤（/attendance）

flow-attendance-none = 您近期没有可管理的活动。考勤可由活动组织者和群管理员标记。
flow-attendance-choose = 请选择活动：
flow-attendance-header =
    <b>{ $title }</b>
    🕒 { $when }
    出席：{ $present } / { $total } · 迟到：{ $late }
flow-attendance-code = 🔑 签到码：<b>{ $code }</b>
flow-attendance-empty = 还没有人报名或签到。
flow-attendance-hint = 点击姓名可标记出席 ✅ 或缺席 ⬜。
flow-attendance-more = 另有 { $count } 人未显示（列表只显示前 90 人）。
flow-attendance-late-mark = （迟到）
flow-attendance-exports = 📎 总结、图表和导出文件
flow-attendance-back = « 全部活动
# (alert)
flow-attendance-not-allowed = 只有本活动的组织者或群管理员可以这样做。
# (alert)
flow-attendance-not-on-roster = 该成员既未报名也未签到；请发送 /attendance 刷新列表。
# (alert)
flow-attendance-saved-present = 已标记为出席。
# (alert)
flow-attendance-saved-absent = 已标记为缺席。
# (alert)
flow-attendance-exports-not-yet = 活动结束后才能获取总结和导出文件。
# (alert)
flow-attendance-exports-coming = 正在发送总结和文件……
flow-attendance-in-private = 请在与我的私聊中使用 /attendance。

## 反馈问卷

flow-survey-intro = 📝 感谢参加「{ $title }」！共五个小问题，约一分钟；文字题可以跳过。问卷于 { $closes } 截止。
flow-survey-reminder = ⏰ 提醒：「{ $title }」的反馈问卷将于 { $closes } 截止，只需约一分钟。
flow-survey-step = （{ $n }/{ $total }）
flow-survey-q-overall = 您对本次活动的总体评价？（1 = 很差，5 = 很好）
flow-survey-q-content = 您对活动内容的评价？
flow-survey-q-content-seminar = 本次研讨会的内容对您的工作有多大帮助？
flow-survey-q-content-sharing = 本次分享的经验对您有多大帮助？
flow-survey-q-content-case_analysis = 本次案例及其分析对您有多大帮助？
flow-survey-q-organisation = 您对活动组织（时间安排、场地或链接、沟通）的评价？
flow-survey-q-good = 有哪些做得好的地方？请直接输入，或点击“跳过”。
flow-survey-q-good-case_analysis = 您从这个案例中有什么收获？请直接输入，或点击“跳过”。
flow-survey-q-improve = 有哪些需要改进的地方？请直接输入，或点击“跳过”。
flow-survey-q-custom = { $text }
flow-survey-skip = 跳过
flow-survey-use-buttons = 请使用下面的 1–5 按钮作答（或发送 1 到 5 中的一个数字）。
# (alert)
flow-survey-saved = 已保存。
flow-survey-thanks = 🙏 谢谢！您对「{ $title }」的反馈已保存。
flow-survey-none = 您目前没有待填写的问卷。
# (alert)
flow-survey-not-found = 找不到该问卷，活动可能已取消。
# (alert)
flow-survey-not-yet = 「{ $title }」的问卷在活动结束后开放。
# (alert)
flow-survey-closed = 「{ $title }」的问卷已截止，仍然感谢您！
# (alert)
flow-survey-not-eligible = 此问卷仅面向「{ $title }」已签到的成员。
# (alert)
flow-survey-already-done = 您已填写过「{ $title }」的问卷，谢谢！
# (alert)
flow-survey-not-current = 这道题已经回答过了，请回答最新的一题。
# (alert)
flow-survey-invalid = 此按钮已失效。
flow-survey-group = 📝 { $mentions }：感谢参加「{ $title }」！我无法私信您，请填写简短的反馈问卷（{ $closes } 截止）：
flow-survey-group-reminder = ⏰ { $mentions }：「{ $title }」的反馈问卷将于 { $closes } 截止，只需约一分钟：
flow-survey-group-link = 👉 { $link }
flow-survey-group-no-link = 👉 请打开与我的私聊（点击我的名字）并发送 /survey。

## 总结

flow-summary-chart-caption = 📊 「{ $title }」：评分与出勤趋势
flow-summary-csv-caption = 📎 「{ $title }」：参与者与问卷答案（CSV）
flow-summary-xlsx-caption = 📎 「{ $title }」：参与者与问卷答案（Excel）
flow-summary-organizer-unreachable = { $mention }：「{ $title }」的总结见上。我无法私信您图表和导出文件：请打开与我的私聊并发送 /attendance 获取。

## 组织者备注（/notes）

flow-notes-choose = 备注是哪个活动的？
flow-notes-ask = 请用一条消息发送「{ $title }」的备注（会议纪要、资料链接）。发送 /cancel 可取消。
flow-notes-saved = 🗒 已保存「{ $title }」的备注，将显示在活动总结中。
flow-notes-saved-posted = 🗒 已保存「{ $title }」的备注，更新后的总结已发到群里。
flow-notes-too-long = 备注最多 { $limit } 个字符，您的有 { $length } 个，请精简。
flow-notes-group-usage = 请回复活动公告并发送 /notes 和备注内容，或私信我发送 /notes。

## 本群自定义问卷措辞（/surveyq，群管理员）

flow-surveyq-title = <b>本群反馈问卷的问题</b>
flow-surveyq-usage = 修改问题措辞：/surveyq 2 新的措辞。恢复默认：/surveyq 2 -
flow-surveyq-saved = 已为本群修改第 { $n } 题的措辞。
flow-surveyq-reset = 第 { $n } 题已恢复默认措辞。
