## Calendar subscription links (/calendar)

calendar-feed-subscribe-hint = 想让日历应用自动同步？我已私信您本群的订阅链接；如未收到，请先私聊我发送 /start，再在私聊中发送 /calendar。
calendar-feed-not-configured = 本安装尚未配置日历订阅链接。您仍可在群里发送 /calendar 获取本群的活动日历文件（.ics），导入日历应用。
calendar-feed-list-title = 📅 <b>日历订阅链接</b>
    在日历应用中选择「订阅日历 / 从 URL 添加」，粘贴下面的链接，活动变更会自动同步。链接就是钥匙，请勿转发；如已泄露，点下方按钮撤销并更换。
calendar-feed-mine = <b>我的活动</b>（我报名参加或组织的活动，所有群）：
    <code>{ $url }</code>
    { $webcal }
calendar-feed-group = <b>{ $group }</b>（本群全部活动）：
    <code>{ $url }</code>
    { $webcal }
calendar-feed-renew-mine = 🔄 撤销并更换：我的活动
calendar-feed-renew-group = 🔄 撤销并更换：{ $group }
calendar-feed-renewed = 已撤销旧链接并生成新链接；请在日历应用中用新链接重新订阅。
calendar-feed-stale = 这个按钮已失效，请重新发送 /calendar。
