## 通知：编辑器（/announce）、管理（/notices、/acks）与“已收到”按钮

cmd-announce = 发布通知（管理员，私聊）
cmd-notices = 我的通知：取消、修改、报告、确认情况
cmd-acks = 查看通知的确认情况：/acks 编号
notices-help-admin =
    <b>通知</b>
    /announce — 在私聊中发布通知：文字（保留格式）或图片/文件；发送到一个群、某类群、选定的几个群或您管理的所有群；立即或定时发送；可置顶、保密（禁止转发）、要求成员点击“已收到”（未确认者 24 小时后提醒，可改为 1–168 小时）、按天/周/月重复。发送前会先预览
    /notices — 您的定时和最近的通知：取消、修改文字（已发送的也会在群里同步修改）、发送报告、确认情况
    /acks 编号 — 谁已确认、谁还没有确认

notices-ui-open-private = 请在私聊中发布通知，点击下方按钮打开与我的对话。
notices-ui-open-private-button = 在私聊中发布通知
notices-ui-not-admin = 抱歉，只有群管理员或组织管理员可以发布通知（且机器人须在您管理的群中）。
notices-ui-cancelled = 已取消，草稿已丢弃。
notices-ui-cancel-confirm = 确定放弃这条通知吗？已输入的内容将被丢弃。
notices-ui-cancel-yes = 放弃
notices-ui-cancel-no = 继续编辑
notices-ui-back = ◀ 返回
notices-ui-cancel = ✖ 取消
notices-ui-keep = 保留当前内容 ▶
notices-ui-current = 当前：{ $value }
notices-ui-on = 开
notices-ui-off = 关
notices-ui-and-more = 等另外 { $n } 个

## 第 1 步：内容
notices-ui-ask-content =
    <b>第 1/5 步：通知内容</b>
    请发送通知的文字（粗体、链接等格式会保留），或一张图片/一个文件（可带说明文字）。随时发送 /cancel 取消。
notices-ui-error-empty = 通知没有内容，请输入文字。
notices-ui-error-content-kind = 只能发送文字、图片或文件。

## 第 2 步：发送到哪里
notices-ui-ask-target = <b>第 2/5 步：发送到哪里？</b>选择一个群，或下方的一组群。
notices-ui-kind-project = 所有项目群
notices-ui-kind-student_service = 所有学员服务群
notices-ui-kind-industry_exchange = 所有行业交流群
notices-ui-several = 选择几个群
notices-ui-all-mine = 我管理的所有群
notices-ui-all-groups = 所有群
notices-ui-ask-several = <b>第 2/5 步：选择几个群</b>（点击切换，选好后点“完成”）。
notices-ui-done = 完成（已选 { $n } 个）
notices-ui-error-none-picked = 请至少选择一个群。
notices-ui-error-no-targets = 这个目标中没有您可以发布通知的群，请另选。

## 第 3 步：时间
notices-ui-ask-time =
    <b>第 3/5 步：什么时候发送？</b>
    点击“立即发送”，或输入日期和时间（按 { $timezone } 时间），例如 <code>明天 9:00</code>、<code>3月5日 19:30</code>、<code>周五 18:00</code>、<code>2小时后</code>。
notices-ui-now = 立即发送
notices-ui-when-now = 立即

## 第 4 步：选项
notices-ui-ask-options = <b>第 4/5 步：选项</b>（点击切换），设置好后点“预览”。
notices-ui-same-day =
    当天已安排的其他通知（{ $n } 条）：
    { $items }
notices-ui-pin = 📌 置顶
notices-ui-conf = 🔒 保密
notices-ui-ack = ✅ 需确认收到
notices-ui-remind = ⏰ 未确认者 { $n } 小时后提醒（点击修改）
notices-ui-repeat-none = 不重复
notices-ui-repeat-daily = 每天
notices-ui-repeat-weekly = 每周
notices-ui-repeat-monthly = 每月
notices-ui-until-none = 📅 重复到：未设置（点击设置）
notices-ui-until = 📅 重复到：{ $date }
notices-ui-to-preview = 预览 ▶
notices-ui-ask-hours = 请输入提醒时间：发送后多少小时提醒尚未确认的成员（{ $min }–{ $max }，例如 <code>48</code>）。
notices-ui-error-hours = “{ $value }”不是有效的小时数，请输入 { $min } 到 { $max } 之间的整数。
notices-ui-ask-until = 请输入重复的截止日期，例如 <code>6月30日</code>、<code>2026-06-30</code>。
notices-ui-error-until = 截止时间 { $until } 不晚于首次发送 { $first }，请输入更晚的日期。

## 第 5 步：预览
notices-ui-preview =
    ⬆️ <b>第 5/5 步：预览</b>，以上就是群里将看到的样子。
    <b>发送到</b>（{ $n } 个群）：{ $groups }
    <b>时间</b>：{ $when }
    <b>选项</b>：{ $options }
notices-ui-ack-summary = ✅ 需确认收到（{ $n } 小时后提醒）
notices-ui-repeat-until = { $rule }，至 { $date }
notices-ui-no-options = 无
notices-ui-send = ✅ 立即发送
notices-ui-schedule = ✅ 定时发送
notices-ui-created = 已安排发送到 { $n } 个群（{ $when }）。通知编号 #{ $id }，可在 /notices 中管理。

## “已收到”按钮
notices-ui-ack-done = 已确认收到，谢谢！
notices-ui-ack-again = 您已确认过。
notices-ui-ack-stale = 这条通知已取消或不存在。

## /notices 与 /acks
notices-ui-error-stale = 这个按钮已失效，请重新发送命令。
notices-ui-error-use-buttons = 请使用上面的按钮。
notices-ui-list-none = 您还没有通知。发送 /announce 发布一条。
notices-ui-list-title = 您的定时和最近的通知（{ $n } 条）：
notices-ui-card =
    <b>#{ $id }</b> · { $status } · { $when } · { $n } 个群
    { $excerpt }
notices-ui-status-scheduled = ⏳ 待发送
notices-ui-status-sending = 📤 发送中
notices-ui-status-sent = ✅ 已发送
notices-ui-status-cancelled = ✖ 已取消
notices-ui-action-cancel = 取消发送
notices-ui-action-edit = 修改文字
notices-ui-action-report = 发送报告
notices-ui-action-acks = 确认情况
notices-ui-cancel-notice = 确定取消通知 #{ $id } 吗？
notices-ui-cancel-notice-yes = 确定取消
notices-ui-cancelled-notice = 通知 #{ $id } 已取消。
notices-ui-ask-edit = 请发送通知 #{ $id } 的新文字（格式会保留）。已发送的群消息也会同步修改。发送 /cancel 放弃。
notices-ui-edited = 通知 #{ $id } 已修改，群里的 { $n } 条消息已同步更新。
notices-ui-edited-failed = 通知 #{ $id } 已修改；群里 { $n } 条消息中有 { $failed } 条无法更新（可能已被删除）。
notices-ui-report-title = <b>通知 #{ $id } 的发送报告</b>：{ $excerpt }
notices-ui-report-delivered = ✅ { $group }
notices-ui-report-pinned = 📌 { $group }（已置顶）
notices-ui-report-failed = ❌ { $group }：{ $error }
notices-ui-report-pending = ⏳ { $group }（待发送）
notices-ui-report-empty = 还没有发送记录。
notices-ui-report-summary = 已送达 { $delivered }，失败 { $failed }，待发送 { $pending }。
notices-ui-acks-title = <b>通知 #{ $id } 的确认情况</b>：{ $excerpt }
notices-ui-acks-done = ✅ 已确认（{ $n }）：{ $names }
notices-ui-acks-pending = ⏳ 未确认（{ $n }）：{ $names }
notices-ui-acks-nobody = 无
notices-ui-acks-usage = 用法：/acks 通知编号（例如 <code>/acks 12</code>）。编号见 /notices。
