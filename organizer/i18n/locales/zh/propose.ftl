## The activity proposal form (/propose) and its approval (handlers/propose)

## Ways in

propose-open-private = 活动提案需要填写几项信息，我们在私聊中进行：请点下面的按钮，为「{ $group }」发起活动。
propose-open-button = 📝 填写活动提案
propose-choose-group = 要为哪个群发起活动？
propose-no-groups = 我还不知道您在哪些群里。请在要发起活动的群里发送 /propose，然后点我发出的按钮。
propose-not-member = 您不是「{ $group }」的成员，不能为这个群发起活动。
propose-draft-exists =
    您有一份未完成的活动提案：「{ $title }」（群「{ $group }」，填写到「{ $step }」）。
    要继续填写，还是放弃它重新开始？
propose-draft-untitled = 未命名
propose-button-continue = ▶ 继续填写
propose-button-restart = 🔄 重新开始

## Steps

propose-step = <b>第 { $n }/{ $total } 步 · { $name }</b>
propose-current = 当前：{ $value }
propose-name-kind = 活动类型
propose-name-title = 标题
propose-name-description = 主题与简介
propose-name-start = 开始时间
propose-name-end = 结束时间
propose-name-place = 地点或链接
propose-name-capacity = 人数上限
propose-name-deadline = 报名截止
propose-name-agenda = 议程
propose-name-coordinator = 协调人
propose-name-repeat = 重复
propose-name-until = 重复次数
propose-name-preview = 预览

propose-ask-kind = 这是哪一类活动？
propose-ask-title = 请发送活动标题（一行，最多 { $max } 个字）。
propose-ask-description = 请发送活动的主题和简介：讲什么、适合谁、能收获什么（最多 { $max } 个字）。
propose-ask-start =
    活动什么时候开始？请在日历中选日期，或直接发送时间，例如 <code>12月1日 19:30</code>、<code>明天 19:30</code>、<code>下周三 14:00</code>、<code>2026-12-01 19:30</code>。
    时间按本群时区 { $timezone } 计算。
propose-ask-hour = { $date }：请选择开始的钟点。
propose-ask-minute = { $date } { $hour } 点：请选择分钟。
propose-ask-end =
    活动 { $start } 开始。什么时候结束？
    请发送结束时间或时长，例如 <code>21:00</code>、<code>90分钟</code>、<code>2h</code>，或点选时长。
propose-ask-place =
    活动在哪里举行？请发送地点，或线上会议链接（以 http:// 或 https:// 开头）。
    两者都有时用竖线分开，例如 <code>3楼会议室 | https://meeting.example.com/123</code>
propose-ask-capacity = 最多多少人参加？请发送 1 到 { $max } 之间的整数；不限人数请点「跳过」。
propose-ask-deadline = 报名什么时候截止？请发送时间（例如 <code>11月30日 18:00</code>）或点选；不设截止请点「跳过」，开始前都可以报名。
propose-ask-agenda =
    请发送议程，每条一条消息，例如 <code>19:30 开场介绍 — 张老师</code> 或 <code>自由交流</code>。
    发完后点「完成」；不需要议程直接点「完成」。
propose-agenda-so-far =
    目前的议程：
    { $items }
propose-agenda-empty = （还没有）
propose-ask-coordinator = 活动协调人是谁？请发送姓名（可附联系方式）；没有请点「跳过」。
propose-ask-repeat = 这个活动会定期重复吗？
propose-ask-until = 一共举行几次？请点选次数，或发送最后一次的日期（例如 <code>6月30日</code>）。最多 { $max } 次。

propose-hours = { $n } 小时
propose-deadline-hour = 开始前 1 小时
propose-deadline-day = 开始前 1 天
propose-repeat-none = 不重复
propose-repeat-1 = 每周
propose-repeat-2 = 每两周
propose-times = { $n } 次

propose-picker-title = { $year }年{ $month }
propose-picker-months = 1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月
propose-picker-weekdays = 一 二 三 四 五 六 日
propose-picker-date = { $year }年{ $month }月{ $day }日（周{ $weekday }）
propose-picker-hours = ◀ 重选钟点
propose-picker-back = ◀ 返回日历

propose-button-back = ◀ 上一步
propose-button-skip = 跳过 ⏭
propose-button-keep = 保持不变 ▶
propose-button-cancel = ✖ 取消
propose-button-done = ✅ 完成
propose-button-undo = ↩ 删除上一条
propose-button-submit = ✅ 提交
propose-button-edit = ✏️ 修改某一项
propose-button-revise = ✏️ 修改提案

## Preview and submit

propose-preview-header = <b>预览</b>：公告将在「{ $group }」中这样显示。请核对，无误后点「提交」。
propose-preview-repeat = 🔁 { $rule }，共 { $count } 次：{ $dates }
propose-preview-note = ✏️ 管理员的修改意见：{ $note }
propose-preview-review = 提交后由群管理员审核，通过后即发布。
propose-preview-direct = 您是本群管理员，提交后立即发布。
propose-edit-choose = 要修改哪一项？改完会回到预览。
propose-submitted = 📨 提案「{ $title }」已提交，正在等待「{ $group }」的管理员审核。审核结果我会私信告诉您。
propose-submitted-in-group = 📨 提案「{ $title }」已提交。管理员暂时无法接收私信，我已把审核卡片发到「{ $group }」群里。审核结果我会私信告诉您。
propose-published =
    🎉「{ $title }」已发布到「{ $group }」。{ $link ->
        [none] {""}
       *[other] 查看公告：{ $link }
    }

## Cancel

propose-cancel-confirm = 确定放弃这份提案吗？已填写的内容将被删除。
propose-cancel-yes = 是的，放弃
propose-cancel-no = 不，继续填写
propose-cancelled = 已放弃这份提案。想发起活动时，再发送 /propose 即可。

## Errors (each is followed by the same question again)

propose-error-empty = 内容不能为空，请重新发送。
propose-error-title-too-long = 标题有 { $length } 个字，超过了 { $max } 个字的上限，请缩短后重新发送。
propose-error-title-one-line = 标题请写成一行；详细内容可以放在下一步的简介里。
propose-error-description-too-long = 简介有 { $length } 个字，超过了 { $max } 个字的上限，请精简后重新发送。
propose-error-place-too-long = 地点有 { $length } 个字，最多 { $max } 个字，请缩短后重新发送。
propose-error-url-invalid = 「{ $value }」不是有效的网址。线上链接需要以 http:// 或 https:// 开头，例如 <code>https://meeting.example.com/123</code>。
propose-error-url-too-long = 链接有 { $length } 个字符，最多 { $max } 个，请使用短一些的链接。
propose-error-capacity-not-number = 「{ $value }」不是整数。请发送 1 到 { $max } 之间的整数，或点「跳过」表示不限人数。
propose-error-capacity-range = 人数上限需要在 1 到 { $max } 之间，您发送的是 { $value }。
propose-error-start-past = 这个时间已经过去了：{ $when }（现在是 { $now }）。请选择将来的时间。
propose-error-start-first = 请先填写开始时间。
propose-error-end-before-start = 结束时间需要晚于开始时间，请重新填写结束时间。
propose-error-deadline-after-start = 报名截止时间（{ $deadline }）需要早于活动开始时间（{ $start }）。
propose-error-agenda-time-outside = 议程时间 { $time } 不在活动时间 { $start }–{ $end } 之内，请检查后重新发送这一条。
propose-error-agenda-too-long = 这条议程有 { $length } 个字，最多 { $max } 个字，请缩短后重新发送。
propose-error-agenda-no-topic = 这一条还缺议题，请按 <code>19:30 议题 — 主讲人</code> 的格式重新发送。
propose-error-announcement-too-long = 整个公告有 { $length } 个字符，超过了一条消息能容纳的 { $max } 个。请精简简介（或议程），改完会回到预览。
propose-error-agenda-full = 议程最多 { $max } 条。请点「完成」继续。
propose-error-coordinator-too-long = 协调人信息有 { $length } 个字，最多 { $max } 个字，请缩短后重新发送。
propose-error-until-too-soon = 最后一次的日期需要至少在第二次活动那天（{ $earliest }）或之后。
propose-error-until-too-late = 最多重复 { $max } 次：按这个频率，最后一次最晚在 { $last }。
propose-error-use-buttons = 这一步请点选上面的按钮。
propose-error-text-only = 请发送文字消息。
propose-error-missing = 这一项还没有填写，请先填写。
propose-error-stale = 这个按钮已经过期了，请使用最新一条消息里的按钮。
propose-error-no-draft = 您目前没有正在填写的提案。发送 /propose 开始一份新的。
propose-error-group-gone = 这份提案的群已经不可用（我可能已被移出该群），草稿已删除。

## Approval cards (to admins)

review-card-header =
    📝 <b>新的活动提案</b>
    群：{ $group }
    发起人：{ $proposer }
review-card-revised = ✏️ 这是按修改意见修改后的版本。修改意见：{ $note }
review-card-in-group = 管理员们暂时都无法接收我的私信，请在这里审核（只有本群管理员可以点按钮）。
review-button-approve = ✅ 批准
review-button-reject = ❌ 驳回
review-button-changes = ✏️ 要求修改
review-card-approved = ✅ 已由 { $name } 批准并发布。
review-card-rejected = ❌ 已由 { $name } 驳回。理由：{ $note }
review-card-changes = ✏️ { $name } 已请发起人修改：{ $note }
review-ask-reason = 请发送驳回「{ $title }」的理由，我会转告发起人。发送 /cancel 放弃。
review-ask-note = 请写下「{ $title }」需要修改的地方，我会转告发起人。发送 /cancel 放弃。
review-note-asked = 请在与我的私聊中发送说明。
review-note-length = 说明需要在 1 到 { $max } 个字之间（您发送了 { $length } 个字），请重新发送。
review-note-cancelled = 已放弃，提案仍在等待审核。
review-need-private = 请先在私聊中给我发送 /start，然后再点这个按钮：驳回理由和修改意见需要在私聊中填写。
review-done-approved = 已批准，公告已发到群里。
review-done-rejected = 已驳回，已告知发起人。
review-done-changes = 已请发起人修改，已告知对方。
activity-already-reviewed-by = 这个提案已由 { $name } 于 { $when } 处理：{ $outcome }。

propose-status-pending_approval = 等待审核
propose-status-changes_requested = 要求修改
propose-status-rejected = 驳回
propose-status-published = 批准并发布
propose-status-cancelled = 已取消
propose-status-completed = 已结束

## Outcomes (to the proposer)

propose-outcome-approved =
    🎉 您的活动提案「{ $title }」已通过审核，公告已发布到「{ $group }」。{ $link ->
        [none] {""}
       *[other] 查看公告：{ $link }
    }
propose-outcome-rejected =
    很遗憾，您的活动提案「{ $title }」（{ $group }）没有通过审核。
    理由：{ $note }
propose-outcome-changes =
    管理员希望您修改活动提案「{ $title }」（{ $group }）：
    { $note }
    请点下面的按钮修改后重新提交。
propose-revise-unavailable = 这个提案现在不能修改了（它可能已经被处理或撤销）。
propose-revise-busy = 您还有一份未完成的提案。请先提交或放弃它（发送 /propose），再修改这个提案。
