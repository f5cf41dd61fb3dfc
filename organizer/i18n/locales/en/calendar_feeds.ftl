## Calendar subscription links (/calendar)

calendar-feed-subscribe-hint = Want your calendar app to stay in sync? I've sent you this group's subscription link in private; if it didn't arrive, open a private chat with me, send /start, then send /calendar there.
calendar-feed-not-configured = Subscription links are not configured on this installation. You can still send /calendar in a group to get its activity calendar file (.ics) and import it into your calendar app.
calendar-feed-list-title = 📅 <b>Calendar subscription links</b>
    In your calendar app choose "Subscribe to calendar / Add from URL" and paste a link below; changes to activities then sync by themselves. A link is a key: don't forward it. If it leaked, use the buttons below to revoke and renew it.
calendar-feed-mine = <b>My activities</b> (what I go to or organise, in every group):
    <code>{ $url }</code>
    { $webcal }
calendar-feed-group = <b>{ $group }</b> (all of the group's activities):
    <code>{ $url }</code>
    { $webcal }
calendar-feed-renew-mine = 🔄 Revoke and renew: My activities
calendar-feed-renew-group = 🔄 Revoke and renew: { $group }
calendar-feed-renewed = The old link is revoked and a new one issued; subscribe again with the new link in your calendar app.
calendar-feed-stale = This button has expired; please send /calendar again.
