## Welcome and rules acceptance

welcome-message =
    { $mention }，欢迎加入「{ $title }」！
    请先阅读下面的群规，点击「我已阅读并同意」后即可发言；{ $hours } 小时内未同意将被移出本群。

    { $rules }
welcome-accept-button = ✅ 我已阅读并同意
welcome-not-for-you = 这个按钮只对刚加入的那位成员有效，您无需点击。
welcome-accepted = 谢谢！您已同意群规，现在可以发言了。
welcome-nothing-pending = 您已同意过群规，无需再次确认。
welcome-expired-private = 您在 { $hours } 小时内没有同意「{ $title }」的群规，因此已被移出该群（未封禁）。如需重新加入，请联系群管理员。
welcome-rules-short =
    1. 遵守法律法规，信息真实可靠。
    2. 围绕培训业务交流，文明发言、尊重他人。
    3. 禁止广告、刷屏、谣言和人身攻击。
    4. 不得发布公司机密和学员隐私。
welcome-rules-more = 完整群规：发送 /rules

## Versioned rules

rules-version-line = 当前版本：第 { $version } 版
setrules-usage = 用法：/setrules 后接群规全文，或回复一条写有群规的消息并发送 /setrules。
setrules-too-long = 群规太长（最多 { $max } 字）。
rules-updated =
    <b>群规已更新（第 { $version } 版）</b>
    请全体成员阅读，并点击下方「已阅知」确认。

    { $rules }
rules-ack-button = 📖 已阅知
rules-ack-recorded = 已记录：您已确认第 { $version } 版群规。
rules-ack-already = 您已确认过当前版本的群规。

## Rules reminder

rules-reminder-title = <b>群规提醒</b>
rulesreminder-usage = 用法：/rulesreminder off，或 /rulesreminder weekly 星期(0–6，0 为周一) HH:MM，例如 /rulesreminder weekly 0 09:00
rulesreminder-off = 群规定期提醒已关闭。
rulesreminder-weekly = 群规提醒：每{ $weekday } { $time }（{ $timezone }）。下一次：{ $next }。
rules-weekday =
    { $day ->
        [0] 周一
        [1] 周二
        [2] 周三
        [3] 周四
        [4] 周五
        [5] 周六
       *[6] 周日
    }

## /help lines (for the help text)

welcome-help-setrules = /setrules 群规 — 更新本群群规（也可回复一条消息发送），成员需点击确认新版本
welcome-help-rulesreminder = /rulesreminder off | weekly 星期 HH:MM — 群规定期提醒（默认每周一 09:00）
welcome-request-required = 「{ $title }」只接受经审批的入群申请，你通过普通链接加入，因此已被移出（未封禁）。请向群管理员索取申请链接后重新申请。
welcome-request-required-group = { $mention } 本群只接受经审批的入群申请，你已被移出（未封禁）。请向管理员索取申请链接。
