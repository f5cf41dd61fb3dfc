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
