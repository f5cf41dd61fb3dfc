## Inactivity sweep

members-inactive-reminder = You have not spoken in “{ $group }” for { $days } days. If you want to stay, say something in the group; if you are on leave, send /away followed by the number of days. If you are still silent { $grace } days from now, the admins may remove you.
members-inactive-reminder-group = { $mentions }: you have not spoken here for { $days } days. If you want to stay, say something; on leave? Send me /away and the number of days privately. Still silent { $grace } days from now, the admins may remove you.
members-review-card =
    <b>Silent members of “{ $group }” ({ $count })</b>
    These members have not spoken for over { $days } days and did not react to a reminder:
    { $names }
    Remove them all, remove the selected ones, or keep everyone. Removal is not a ban: they can ask to join again.
members-review-remove-all = Remove all
members-review-remove-selected = Remove selected
members-review-keep = Keep all
members-review-done-removed = “{ $group }”: { $admin } removed { $removed } and kept { $kept }.
members-review-done-kept = “{ $group }”: { $admin } kept everyone.
members-review-already = { $admin } has already handled this review.
members-review-stale = This review card has expired.
members-review-none-selected = Select the members to remove first.
members-review-kick-failed = Could not remove { $count } (I may lack the right to ban members).
members-inactive-auto-removed = “{ $group }”: { $count } members who stayed silent after a reminder were removed automatically: { $names }
members-removed-notice = You were removed from “{ $group }” for being silent a long time. This is not a ban: you can ask to join again.

## /away

members-away-set = OK: until { $until } you will not be reminded or removed for being silent ({ $count } groups). Send /away off when you are back.
members-away-off = Welcome back! Your leave is cancelled.
members-away-usage = Usage: /away days (1–90), e.g. /away 14; to cancel: /away off.

## /feedback

members-feedback-usage = Send me your suggestion (or /cancel).
members-feedback-choose-group = Which group's admins is your suggestion for?
members-feedback-no-group = You are not in any group I manage.
members-feedback-sent = Thank you! Your suggestion went to the admins of “{ $group }”; I will tell you when it is handled.
members-feedback-card =
    <b>Suggestion for “{ $group }”</b> (#{ $id })
    From: { $member }
    { $text }
members-feedback-reply = Reply
members-feedback-handle = Mark handled
members-feedback-ask-reply = Type your reply to #{ $id } (or /cancel).
members-feedback-handled-admin = #{ $id } is handled; the member has been told.
members-feedback-already = #{ $id } was already handled by { $admin }.
members-feedback-handled-member = Your suggestion for “{ $group }” has been handled.
members-feedback-handled-member-reply =
    Your suggestion for “{ $group }” has been handled. The admins reply:
    { $reply }
members-cancelled = Cancelled.
members-feedback-private-hint = For your privacy I deleted your command in the group.

## /lost

members-lost-ask = Which account is compromised or lost?
members-lost-this = This account
members-lost-other = My other account
members-lost-ask-other = Send that account's @username or numeric id (or /cancel).
members-lost-unknown = I do not know { $who }. Check the username, or send the numeric id.
members-lost-recorded = Recorded. I alerted the admins of { $count } shared groups.
members-lost-alert =
    ⚠️ <b>Account safety alert</b> (#{ $id })
    { $reporter } reports that the account { $reported } is compromised or lost.
    Groups: { $groups }
    Until this is cleared, do not trust messages or payment requests from that account.
members-lost-restrict = Restrict everywhere
members-lost-restricted = Restricted by { $admin } in { $count } groups.
members-lost-already = That account was already restricted by { $admin }.

## Name imitation

members-imitation-flag = ⚠️ In “{ $group }”, member { $member } (id { $user_id }) has a name very close to admin { $admin }'s: possibly impersonating an admin. Please check.
