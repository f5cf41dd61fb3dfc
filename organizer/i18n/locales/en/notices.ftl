## Notices: validation (the composer, /notices, /acks)

notices-error-empty = The notice has no text. Please write something.
notices-error-too-long = The notice is too long: it would take { $parts } messages (at most { $max }). Please shorten it.
notices-error-caption-too-long = A caption can be at most { $limit } characters. Please shorten the text, or send it as a text notice without the file.
notices-error-bad-media = Only a photo or a document can be attached to a notice.
notices-error-past = That time is in the past. Please choose a later time, or send now.
notices-error-remind-hours = The acknowledgement reminder must be between 1 and { $max } hours after sending.
notices-error-bad-repeat = A notice can repeat daily, weekly or monthly (and an end date needs a repeat).
notices-error-repeat-until = The repeat must end after the first sending.
notices-error-bad-target = That target is not valid. Choose this group, groups of a kind, selected groups or all your groups.
notices-error-no-rights = You are not an admin of: { $groups }. Only admins of every targeted group can send a notice there.
notices-error-no-target = There is no group you administer among the targets (or the bot is no longer in them).
notices-error-not-found = That notice does not exist (any more).
notices-error-not-yours = Only the author, an admin of its groups or an organisation admin can change this notice.
notices-error-not-scheduled = Only a notice that is still scheduled can be cancelled.
notices-error-not-editable = This notice cannot be edited now (it is being sent, or it was cancelled).
notices-error-edit-media = The caption of a sent photo or document cannot be edited; send a new notice instead.
notices-error-edit-parts = The sent notice has { $parts } message(s); the new text must fit in the same number of messages.
notices-error-no-ack = This notice does not ask for acknowledgement.
notices-error-not-recipient = This notice was not sent to a group you are in.

## Notices: delivery

notices-ack-button = ✅ Received
notices-ack-thanks = Thank you, your acknowledgement is recorded.
notices-ack-already = You have already acknowledged this notice.
notices-report-title = <b>Delivery report</b> for notice #{ $id } “{ $excerpt }”
notices-report-summary = Delivered to { $delivered } of { $total } groups, failed in { $failed }.
notices-report-delivered = ✅ { $group }
notices-report-pinned = 📌 { $group } (pinned)
notices-report-pin-failed = ✅ { $group } (not pinned: { $reason })
notices-report-failed = ❌ { $group }: { $reason }
notices-report-remind = Those who have not pressed “Received” will be reminded at { $time }. See who has: /acks { $id }
notices-report-next = Next sending: { $time }.
notices-reason-no-rights = you are no longer an admin there
notices-reason-bot-removed = the bot is no longer in the group
notices-reason-unreachable = the group cannot be reached ({ $detail })
notices-reason-no-permission = the bot lacks the right ({ $detail })
notices-reason-migrated = the group was upgraded to a supergroup; please run /setup there
notices-reason-gave-up = failed repeatedly ({ $detail })
notices-reason-cancelled = cancelled
notices-reason-pin = the bot may not pin messages
notices-reason-other = { $detail }

## Notices: acknowledgement reminder

notices-remind-private = Reminder: please confirm you have read the notice “{ $excerpt }” in “{ $group }” (<a href="{ $link }">open it</a>) by pressing “Received”.
notices-remind-group = { $mentions } please confirm you have read <a href="{ $link }">this notice</a> “{ $excerpt }” by pressing “Received” under it.
