## Activity kinds

activity-kind-seminar = 线上研讨会
activity-kind-sharing = 经验分享会
activity-kind-case_analysis = 案例分析会
activity-kind-other = 其他活动

## Announcement

announce-title = 📣 <b>{ $title }</b>（{ $kind }）
announce-cancelled = ❌ <b>本活动已取消</b>
announce-when = 🕒 时间：{ $when }
announce-place = 📍 地点：{ $place }
announce-link = 🔗 线上链接：{ $url }
announce-organizer = 👤 发起人：{ $name }
announce-coordinator = 🤝 协调人：{ $name }
announce-agenda = <b>议程</b>
announce-counts-capacity = 👥 已报名 { $going }/{ $capacity } · 可能 { $maybe } · 候补 { $waitlist }
announce-counts = 👥 参加 { $going } · 可能 { $maybe } · 不参加 { $no }
announce-deadline = ⏳ 报名截止：{ $deadline }

rsvp-going = ✅ 参加 { $n }
rsvp-maybe = 🤔 可能 { $n }
rsvp-no = ❌ 不参加 { $n }
checkin-button = 📍 签到
calendar-button = 📅 加入日历

## RSVP answers (shown as a short alert)

rsvp-answer-going = 已报名参加「{ $title }」。
rsvp-answer-maybe = 已记录：您可能参加「{ $title }」。
rsvp-answer-no = 已记录：您不参加「{ $title }」。
rsvp-answer-waitlist = 名额已满，您在候补名单第 { $place } 位；有人退出时我会通知您。
rsvp-promoted = 🎉 好消息：「{ $title }」有名额空出，您已从候补转为参加。时间：{ $when }
rsvp-promoted-group = { $mention }：「{ $title }」有名额空出，您已从候补转为参加。

## Errors

activity-not-found = 找不到这个活动，它可能已被删除。
activity-already-reviewed = 这个提案已经处理过了（当前状态：{ $status }）。
rsvp-invalid = 这个按钮已失效，请使用公告上的按钮。
rsvp-not-open = 这个活动目前不接受报名。
rsvp-closed = 报名已截止。
capacity-invalid = 名额必须是大于 0 的整数。

## Lists and calendar

events-title = <b>近期活动</b>
events-item = • { $title } — { $when } · 已报名 { $going } { $link }
events-none = 本群近期没有活动。发送 /propose 发起一个活动。
myevents-title = <b>我的活动</b>
myevents-item = • { $title }（{ $group }）— { $when } · { $answer }
myevents-none = 您还没有报名任何近期活动。
myevents-answer-going = ✅ 参加
myevents-answer-maybe = 🤔 可能
myevents-answer-no = ❌ 不参加
myevents-answer-waitlist = ⏳ 候补
calendar-sent = 已把日历文件私信发给您。
calendar-start-first = 我还不能私信您：请先打开与我的私聊并发送 /start，然后再点一次。
calendar-feed-caption = 本群活动日历（.ics）：用日历应用打开即可导入全部活动。

## Managing (/manage)

manage-none = 您目前没有可以管理的近期活动（只有发起人和群管理员可以修改活动）。
manage-choose = 选择要管理的活动：
manage-menu = 管理「{ $title }」：
manage-not-allowed = 只有活动发起人和群管理员可以修改这个活动。
manage-action-time = 🕒 改时间
manage-action-place = 📍 改地点
manage-action-capacity = 👥 改名额
manage-action-cancel = ❌ 取消活动
manage-ask-time = 请发送新的开始时间，例如 <code>12月3日 19:30</code> 或 <code>明天 20:00</code>（时长不变）。发送 /cancel 放弃修改。
manage-ask-place = 请发送新的地点，或线上会议链接（http 开头）。发送 /cancel 放弃修改。
manage-ask-capacity = 请发送新的名额（正整数），或发送「不限」。发送 /cancel 放弃修改。
manage-capacity-invalid = 「{ $value }」不是有效的名额：请发送 1 到 10000 之间的整数，或「不限」。
manage-cancel-confirm = 确定取消「{ $title }」吗？所有已回复的成员都会收到通知。
manage-cancel-yes = 确定取消
manage-done = 已更新「{ $title }」，并已通知所有已回复的成员。
manage-input-cancelled = 已放弃修改。
activity-not-editable = 这个活动已结束、已取消或尚未发布，不能再修改。
activity-already-over = 这个活动已经结束，不能再修改。
change-start-in-past = 新的开始时间已经过去，请发送一个将来的时间。
change-end-before-start = 结束时间必须晚于开始时间。
change-place-empty = 请发送地点或链接。

activity-changed-time = 🕒「{ $title }」时间调整为：{ $when }
activity-changed-place = 📍「{ $title }」地点调整为：{ $where }
activity-changed-capacity = 👥「{ $title }」的名额已调整。
activity-changed-cancelled = ❌「{ $title }」已取消。
activity-changed-group = { $mentions }
    { $text }
reconfirm-ask = 🕒「{ $title }」时间调整为 { $when }。您还参加吗？
reconfirm-ask-group = { $mentions }：「{ $title }」时间调整为 { $when }。如不能参加，请在活动公告上点「不参加」。
reconfirm-keep = ✅ 仍然参加
reconfirm-drop = ❌ 不能参加了
reconfirm-going = 好的，已为您保留名额。
reconfirm-waitlist = 您在候补名单上，有名额时会通知您。
reconfirm-no = 已记录：您不参加了。
reconfirm-maybe = 已记录。
reconfirm-not-needed = 不需要再次确认。
