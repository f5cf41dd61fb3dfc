## Admins' moderation tools (handlers/moderation_admin/): commands by reply, /report, /setlog,
## /blockword, the admin log cards and their Undo button.

## Durations

modcmd-unit-d = { $n } d
modcmd-unit-h = { $n } h
modcmd-unit-m = { $n } min

## Commands by reply: refusals and failures

modcmd-reason = Reason: { $reason }
modcmd-anonymous-admin = You are posting as an anonymous admin (as the group), so I cannot tell who you are. Turn off "Remain anonymous" under Group settings → Administrators, then use admin commands.
modcmd-no-target = Reply to a message of the member and send /{ $command }, or name them by @username or user id, e.g. <code>/{ $command } @zhangsan</code>.
modcmd-target-unknown = I don't know { $who }. Reply to one of their messages and send the command again.
modcmd-target-not-member = That message was sent as a channel or as the group: there is no member to act on.
modcmd-target-bot = That cannot be done to a bot.
modcmd-target-admin = That cannot be done to an admin.
modcmd-target-gone = That did not work: the user is not in this group.
modcmd-missing-restrict = That did not work: I lack the "Ban users" (restrict members) admin right. Please turn it on for me under Group settings → Administrators and try again.
modcmd-missing-delete = That did not work: I lack the "Delete messages" admin right (or the message is older than 48 hours, which Telegram no longer lets anyone delete). Please turn it on for me under Group settings → Administrators and try again.
modcmd-failed = That did not work: Telegram refused ({ $reason }).
modcmd-no-warnings = { $target } has no current warning.
modcmd-del-needs-reply = Reply to the message to delete and send /del.
modcmd-del-gone = That message no longer exists.

## What was done: the group's confirmation and the admin-log card (the target's name)

modcmd-done-warn = ⚠️ { $target } has been warned (violation { $count } in { $days } days).
modcmd-done-unwarn = ↩️ { $target }'s latest warning has been withdrawn.
modcmd-done-mute = 🔇 { $target } has been muted for { $duration }.
modcmd-done-unmute = 🔊 { $target } has been unmuted.
modcmd-done-kick = 👋 { $target } has been removed from the group (they may ask to join again).
modcmd-done-ban = ⛔ { $target } has been banned.
modcmd-done-unban = ✅ { $target } has been unbanned (they may ask to join again).
modcmd-done-delete = 🗑 A message by { $target } has been deleted.
modcmd-ladder-mute = Following the group's escalation ladder, also muted for { $duration }.
modcmd-ladder-kick = Following the group's escalation ladder, also removed from the group.
modcmd-ladder-ban = Following the group's escalation ladder, also banned.
modcmd-card =
    🛡 <b>{ $group }</b> · admin { $admin }
    { $what }

## Private notices to the member concerned

modcmd-notice-warn = ⚠️ You received a warning from an admin in "{ $group }" (violation { $count } in { $days } days). Please follow the rules; send /rules in the group to read them.
modcmd-notice-unwarn = An admin withdrew your latest warning in "{ $group }".
modcmd-notice-mute = 🔇 An admin muted you in "{ $group }" for { $duration }: you can read but not post.
modcmd-notice-unmute = 🔊 You are no longer muted in "{ $group }".
modcmd-notice-kick = An admin removed you from "{ $group }". If you have questions, contact the group's admins; you may ask to join again.
modcmd-notice-ban = ⛔ An admin banned you from "{ $group }". If you have questions, contact the group's admins.
modcmd-notice-unban = Your ban in "{ $group }" has been lifted; you may ask to join again.
modcmd-notice-delete = 🗑 An admin deleted one of your messages in "{ $group }".
modcmd-notice-undo = An admin withdrew a violation recorded against you in "{ $group }".
modcmd-notice-undo-unmute = An admin withdrew a violation recorded against you in "{ $group }"; you are no longer muted.
modcmd-notice-undo-unban = An admin withdrew a violation recorded against you in "{ $group }"; your ban has been lifted.

## Undo button of admin-log cards

modcmd-undo-button = ↩️ Undo
modcmd-undone = ↩️ Undone by { $admin }.
modcmd-undo-done = Undone.

## /report

modcmd-report-usage = In the group, reply to the message you want to report and send <code>/report reason</code> (the reason is optional). I pass it on to the admins without saying who reported it.
modcmd-report-cannot = That message cannot be reported (it was sent as a channel or the group, or by a bot).
modcmd-report-thanks = Thank you for the report! The admins of "{ $group }" will look at it soon. The reported member will not learn who reported them.
modcmd-report-duplicate = You have already reported this message; the admins will look at it soon.
modcmd-report-already-handled = The admins have already handled this message ({ $status ->
        [deleted] deleted
        [warned] sender warned
        [muted] sender muted
       *[dismissed] report dismissed
    }). Thank you!
modcmd-report-card = 📣 <b>Report #{ $id }</b> · { $group }
    Reported member: { $member }
    Reporters: { $count }
modcmd-report-reasons = Reasons: { $reasons }
modcmd-report-message = Message: <blockquote>{ $text }</blockquote>
modcmd-report-no-text = Message: (not a text message)
modcmd-report-link = <a href="{ $url }">Open the message</a>
modcmd-report-button-delete = 🗑 Delete
modcmd-report-button-warn = ⚠️ Warn
modcmd-report-button-mute = 🔇 Mute 1 h
modcmd-report-button-dismiss = ✖️ Dismiss
modcmd-report-handled = ✅ Handled by { $admin }:
modcmd-report-status-open = open
modcmd-report-status-deleted = message deleted
modcmd-report-status-warned = sender warned
modcmd-report-status-muted = sender muted
modcmd-report-status-dismissed = report dismissed
modcmd-report-already = { $admin } has already handled this report: { $outcome }.
modcmd-report-done = Done.

## /setlog

modcmd-setlog-choose = Which group's admin log (moderation actions, reports, Undo buttons) should come to this chat?
modcmd-setlog-all = 🌐 All groups (organisation log)
modcmd-setlog-not-admin = Only group admins can set an admin log, and you are not an admin of any group.
modcmd-setlog-done = ✅ From now on the admin log of "{ $group }" comes to this chat.
modcmd-setlog-public = Note: this is the group itself, so every member sees the admin log (reports included). A separate group of just the admins is better.
modcmd-setlog-off = "{ $group }" no longer has a log chat of its own: its admin log goes to the organisation's log chat, or, without one, privately to the group's admins.
modcmd-setlog-off-all = The organisation's log chat is cleared: each group's admin log goes to its own log chat, or, without one, privately to its admins.
modcmd-setlog-org-only = Only organisation admins can change the organisation's log chat.
modcmd-setlog-usage = Send /setlog in the chat that should receive the admin log (e.g. a group of just the admins, with me in it), then choose the group.

## /blockword

modcmd-category-porn = pornography
modcmd-category-violence = violence
modcmd-category-gambling = gambling
modcmd-category-fraud = fraud
modcmd-category-subversion = subversion
modcmd-category-abuse = abuse
modcmd-blockword-usage =
    Usage:
    <code>/blockword add category term</code> — block a term in this group
    <code>/blockword remove category term</code> — unblock it (default terms too)
    <code>/blockword list</code> — this group's changes to the default lexicon
    Categories: porn 色情, violence 暴力, gambling 赌博, fraud 诈骗, subversion 颠覆, abuse 辱骂
modcmd-blockword-bad-category = Unknown category "{ $category }". Categories: porn 色情, violence 暴力, gambling 赌博, fraud 诈骗, subversion 颠覆, abuse 辱骂.
modcmd-blockword-add-done = ✅ "{ $term }" is now blocked ({ $category }).
modcmd-blockword-add-unchanged = "{ $term }" is already blocked ({ $category }).
modcmd-blockword-remove-done = ✅ "{ $term }" is no longer blocked ({ $category }).
modcmd-blockword-remove-unchanged = "{ $term }" is not a blocked term in { $category } (or was unblocked already).
modcmd-blockword-list-empty = "{ $group }" uses the default lexicon without changes.
modcmd-blockword-list-title = <b>Changes of "{ $group }" to the default lexicon</b>
modcmd-blockword-list-line = { $category }: added { $added }; removed { $removed }

## /help and the command menu

modcmd-help-member =
    <b>Reports</b>
    /report reason — reply to a message that breaks the rules: it goes to the admins, the command is removed and nobody learns who reported
modcmd-help-admin =
    <b>Moderation (reply to the member's message; the command is removed)</b>
    /warn reason — warning, counts towards the escalation ladder (default: warning → mute 1 h → mute 24 h → removal, over 30 days)
    /unwarn — withdraw the latest warning
    /mute duration reason — mute, e.g. 30m, 2h, 1d (default 1 h); /unmute lifts it
    /kick reason — remove from the group (they may ask to join again)
    /ban reason — ban; /unban lifts it (an @username or user id works instead of a reply)
    /del — delete the replied message
    The member is told privately, with the reason; every action is recorded and posted to the admin log, warnings and automatic actions with an Undo button.
    /setlog — send it in the chat that should receive the admin log and choose the group (organisation admins: "All groups"); /setlog off in a group returns it to the organisation log or the admins' private chats
    /blockword add|remove category term — this group's blocked terms; /blockword list shows them (answers come privately)
cmd-warn = Warn a member (admins, by reply)
cmd-unwarn = Withdraw the latest warning (admins)
cmd-mute = Mute a member (admins, by reply)
cmd-unmute = Unmute a member (admins)
cmd-kick = Remove a member (admins)
cmd-ban = Ban a member (admins)
cmd-unban = Lift a ban (admins)
cmd-del = Delete the replied message (admins)
cmd-report = Report a message to the admins
cmd-setlog = Set the admin log chat (admins)
cmd-blockword = This group's blocked terms (admins)
