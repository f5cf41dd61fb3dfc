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
