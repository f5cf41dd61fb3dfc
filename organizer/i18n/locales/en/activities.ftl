## Activity kinds

activity-kind-seminar = Online seminar
activity-kind-sharing = Experience sharing
activity-kind-case_analysis = Case analysis
activity-kind-other = Other activity

## Announcement

announce-title = 📣 <b>{ $title }</b> ({ $kind })
announce-cancelled = ❌ <b>This activity has been cancelled</b>
announce-when = 🕒 When: { $when }
announce-place = 📍 Where: { $place }
announce-link = 🔗 Online: { $url }
announce-organizer = 👤 Organizer: { $name }
announce-coordinator = 🤝 Coordinator: { $name }
announce-agenda = <b>Agenda</b>
announce-counts-capacity = 👥 Going { $going }/{ $capacity } · maybe { $maybe } · waitlist { $waitlist }
announce-counts = 👥 Going { $going } · maybe { $maybe } · can't { $no }
announce-deadline = ⏳ RSVP by: { $deadline }

rsvp-going = ✅ Going { $n }
rsvp-maybe = 🤔 Maybe { $n }
rsvp-no = ❌ Can't go { $n }
checkin-button = 📍 Check in
calendar-button = 📅 Add to calendar

## RSVP answers (shown as a short alert)

rsvp-answer-going = You are going to "{ $title }".
rsvp-answer-maybe = Noted: you might come to "{ $title }".
rsvp-answer-no = Noted: you can't come to "{ $title }".
rsvp-answer-waitlist = It is full: you are number { $place } on the waitlist; I'll tell you when a place frees up.
rsvp-promoted = 🎉 Good news: a place freed up at "{ $title }" and you are now going. When: { $when }
rsvp-promoted-group = { $mention }: a place freed up at "{ $title }" and you are now going.

## Errors

activity-not-found = I can't find this activity; it may have been removed.
activity-already-reviewed = This proposal has already been handled (status: { $status }).
rsvp-invalid = This button has expired; please use the buttons on the announcement.
rsvp-not-open = This activity is not taking RSVPs at the moment.
rsvp-closed = RSVPs are closed.
capacity-invalid = Capacity must be a whole number greater than 0.

## Lists and calendar

events-title = <b>Upcoming activities</b>
events-item = • { $title } — { $when } · { $going } going { $link }
events-none = No upcoming activities in this group. Send /propose to suggest one.
myevents-title = <b>My activities</b>
myevents-item = • { $title } ({ $group }) — { $when } · { $answer }
myevents-none = You have not answered any upcoming activity yet.
myevents-answer-going = ✅ going
myevents-answer-maybe = 🤔 maybe
myevents-answer-no = ❌ can't go
myevents-answer-waitlist = ⏳ waitlist
calendar-sent = I sent you the calendar file privately.
calendar-start-first = I can't message you privately yet: open a private chat with me, send /start, then press again.
calendar-feed-caption = This group's activity calendar (.ics): open it with your calendar app to import every activity.

## Managing (/manage)

manage-none = You have no upcoming activity you can manage (only the organizer and group admins can change one).
manage-choose = Choose the activity to manage:
manage-menu = Manage "{ $title }":
manage-not-allowed = Only the activity's organizer and the group's admins can change it.
manage-action-time = 🕒 Change time
manage-action-place = 📍 Change place
manage-action-capacity = 👥 Change capacity
manage-action-cancel = ❌ Cancel activity
manage-ask-time = Send the new start, e.g. <code>Dec 3 19:30</code> or <code>tomorrow 8pm</code> (the length stays the same). Send /cancel to leave it.
manage-ask-place = Send the new place, or an online meeting link (starting with http). Send /cancel to leave it.
manage-ask-capacity = Send the new capacity (a whole number), or "unlimited". Send /cancel to leave it.
manage-capacity-invalid = "{ $value }" is not a valid capacity: send a whole number from 1 to 10000, or "unlimited".
manage-cancel-confirm = Cancel "{ $title }"? Everyone who answered will be told.
manage-cancel-yes = Yes, cancel it
manage-done = "{ $title }" is updated and everyone who answered has been told.
manage-input-cancelled = Change abandoned.
activity-not-editable = This activity is over, cancelled or not yet published; it can't be changed.
activity-already-over = This activity is already over; it can't be changed.
change-start-in-past = That start is in the past; send a time in the future.
change-end-before-start = The end must be after the start.
change-place-empty = Please send a place or a link.

activity-changed-time = 🕒 "{ $title }" now takes place: { $when }
activity-changed-place = 📍 "{ $title }" has a new place: { $where }
activity-changed-capacity = 👥 The capacity of "{ $title }" has changed.
activity-changed-cancelled = ❌ "{ $title }" has been cancelled.
activity-changed-group = { $mentions }
    { $text }
reconfirm-ask = 🕒 "{ $title }" has moved to { $when }. Are you still coming?
reconfirm-ask-group = { $mentions }: "{ $title }" has moved to { $when }. If you can't come, press "Can't go" on the announcement.
reconfirm-keep = ✅ Still coming
reconfirm-drop = ❌ Can't come now
reconfirm-going = Great, your place is kept.
reconfirm-waitlist = You are on the waitlist; I'll tell you when a place frees up.
reconfirm-no = Noted: you won't come.
reconfirm-maybe = Noted.
reconfirm-not-needed = No confirmation is needed.
