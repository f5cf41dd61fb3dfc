## Notices: the composer (/announce), managing them (/notices, /acks) and the Received button

cmd-announce = Post a notice (admins, private)
cmd-notices = My notices: cancel, edit, report, acknowledgements
cmd-acks = Who acknowledged a notice: /acks NUMBER
notices-help-admin =
    <b>Notices</b>
    /announce — post a notice from the private chat: text (formatting kept) or a photo/file; to one group, all groups of a kind, several groups or all your groups; now or at a set time; optionally pinned, confidential (no forwarding), with a "Received" button members must press (those who haven't are reminded after 24 h, or 1–168 h), repeated daily/weekly/monthly. You see a preview first
    /notices — your scheduled and recent notices: cancel, edit the text (already sent messages are edited in the groups too), delivery report, acknowledgements
    /acks NUMBER — who has and hasn't acknowledged

notices-ui-open-private = Please post notices from our private chat: press the button below to open it.
notices-ui-open-private-button = Post a notice privately
notices-ui-not-admin = Sorry, only group admins and organisation admins can post notices (and I must be in a group you administer).
notices-ui-cancelled = Cancelled, the draft is discarded.
notices-ui-cancel-confirm = Discard this notice? What you entered will be lost.
notices-ui-cancel-yes = Discard
notices-ui-cancel-no = Keep editing
notices-ui-back = ◀ Back
notices-ui-cancel = ✖ Cancel
notices-ui-keep = Keep the current content ▶
notices-ui-current = Current: { $value }
notices-ui-on = on
notices-ui-off = off
notices-ui-and-more = and { $n } more

## Step 1: content
notices-ui-ask-content =
    <b>Step 1/5: the notice</b>
    Send the notice's text (bold, links and other formatting are kept), or one photo or file (with a caption if you like). Send /cancel at any time to stop.
notices-ui-error-empty = The notice is empty: please type some text.
notices-ui-error-content-kind = Please send text, a photo or a file.

## Step 2: where to
notices-ui-ask-target = <b>Step 2/5: where should it go?</b> Choose a group, or one of the sets below.
notices-ui-kind-project = All project groups
notices-ui-kind-student_service = All student service groups
notices-ui-kind-industry_exchange = All industry exchange groups
notices-ui-several = Several groups
notices-ui-all-mine = All my groups
notices-ui-all-groups = All groups
notices-ui-ask-several = <b>Step 2/5: choose several groups</b> (press to toggle, then Done).
notices-ui-done = Done ({ $n } chosen)
notices-ui-error-none-picked = Please choose at least one group.
notices-ui-error-no-targets = None of these groups is one you can post to. Please choose another target.

## Step 3: when
notices-ui-ask-time =
    <b>Step 3/5: when should it be sent?</b>
    Press "Send now", or type a date and time ({ $timezone } time), for example <code>tomorrow 9:00</code>, <code>Mar 5 19:30</code>, <code>fri 18:00</code>, <code>in 2 hours</code>.
notices-ui-now = Send now
notices-ui-when-now = now

## Step 4: options
notices-ui-ask-options = <b>Step 4/5: options</b> (press to toggle), then Preview.
notices-ui-same-day =
    Also scheduled that day ({ $n }):
    { $items }
notices-ui-pin = 📌 Pin
notices-ui-conf = 🔒 Confidential
notices-ui-ack = ✅ Acknowledgement required
notices-ui-remind = ⏰ Remind after { $n } h (press to change)
notices-ui-repeat-none = Once
notices-ui-repeat-daily = Daily
notices-ui-repeat-weekly = Weekly
notices-ui-repeat-monthly = Monthly
notices-ui-until-none = 📅 Repeat until: not set (press to set)
notices-ui-until = 📅 Repeat until: { $date }
notices-ui-to-preview = Preview ▶
notices-ui-ask-hours = After how many hours should members who haven't acknowledged be reminded? ({ $min }–{ $max }, for example <code>48</code>)
notices-ui-error-hours = "{ $value }" is not a valid number of hours: please type a whole number from { $min } to { $max }.
notices-ui-ask-until = Until which day should it repeat? For example <code>Jun 30</code> or <code>2026-06-30</code>.
notices-ui-error-until = The end, { $until }, is not after the first send, { $first }. Please give a later date.

## Step 5: preview
notices-ui-preview =
    ⬆️ <b>Step 5/5: preview</b>: above is exactly what the groups will see.
    <b>To</b> ({ $n } groups): { $groups }
    <b>When</b>: { $when }
    <b>Options</b>: { $options }
notices-ui-ack-summary = ✅ acknowledgement required (reminder after { $n } h)
notices-ui-repeat-until = { $rule } until { $date }
notices-ui-no-options = none
notices-ui-send = ✅ Send now
notices-ui-schedule = ✅ Schedule
notices-ui-created = Scheduled to { $n } groups ({ $when }). Notice #{ $id }: manage it with /notices.

## The Received button
notices-ui-ack-done = Acknowledged, thank you!
notices-ui-ack-again = You have already acknowledged this.
notices-ui-ack-stale = This notice was cancelled or no longer exists.

## /notices and /acks
notices-ui-error-stale = This button has expired. Please send the command again.
notices-ui-error-use-buttons = Please use the buttons above.
notices-ui-list-none = You have no notices yet. Send /announce to post one.
notices-ui-list-title = Your scheduled and recent notices ({ $n }):
notices-ui-card =
    <b>#{ $id }</b> · { $status } · { $when } · { $n } groups
    { $excerpt }
notices-ui-status-scheduled = ⏳ scheduled
notices-ui-status-sending = 📤 sending
notices-ui-status-sent = ✅ sent
notices-ui-status-cancelled = ✖ cancelled
notices-ui-action-cancel = Cancel it
notices-ui-action-edit = Edit text
notices-ui-action-report = Report
notices-ui-action-acks = Acknowledgements
notices-ui-cancel-notice = Cancel notice #{ $id }?
notices-ui-cancel-notice-yes = Yes, cancel it
notices-ui-cancelled-notice = Notice #{ $id } is cancelled.
notices-ui-ask-edit = Send the new text of notice #{ $id } (formatting is kept). Messages already sent in the groups are edited too. Send /cancel to stop.
notices-ui-edited = Notice #{ $id } is changed; its { $n } messages in the groups are updated.
notices-ui-edited-failed = Notice #{ $id } is changed; { $failed } of its { $n } messages in the groups could not be updated (perhaps deleted).
notices-ui-report-title = <b>Delivery report of notice #{ $id }</b>: { $excerpt }
notices-ui-report-delivered = ✅ { $group }
notices-ui-report-pinned = 📌 { $group } (pinned)
notices-ui-report-failed = ❌ { $group }: { $error }
notices-ui-report-pending = ⏳ { $group } (pending)
notices-ui-report-empty = Nothing has been sent yet.
notices-ui-report-summary = Delivered { $delivered }, failed { $failed }, pending { $pending }.
notices-ui-acks-title = <b>Acknowledgements of notice #{ $id }</b>: { $excerpt }
notices-ui-acks-done = ✅ Acknowledged ({ $n }): { $names }
notices-ui-acks-pending = ⏳ Not yet ({ $n }): { $names }
notices-ui-acks-nobody = nobody
notices-ui-acks-usage = Usage: /acks NOTICE_NUMBER (for example <code>/acks 12</code>). /notices shows the numbers.
