## Activity flow (charter 七(二)–七(三)): reminders, check-in, attendance, survey, summary, notes.
## Texts marked (alert) are shown as plain-text alerts: no HTML tags in them.

flow-stale-button = This button has expired. Please send the command again.
flow-cancelled = Cancelled.

## Reminders

flow-lead-days = { $days ->
    [one] in 1 day
   *[other] in { $days } days
}
flow-lead-hours = { $hours ->
    [one] in 1 hour
   *[other] in { $hours } hours
}
flow-lead-hours-minutes = in { $hours } h { $minutes } min
flow-lead-minutes = { $minutes ->
    [one] in 1 minute
   *[other] in { $minutes } minutes
}
flow-reminder-group = ⏰ <b>Reminder</b>: "{ $title }" starts { $lead }.
flow-reminder-private = ⏰ <b>Reminder</b>: "{ $title }" ({ $group }) starts { $lead }. You said you're going.
flow-reminder-when = 🕒 { $when }
flow-reminder-place = 📍 { $place }
flow-reminder-link = 🔗 { $url }
flow-reminder-mentions = { $mentions }: you said you're going, but I can't message you privately, so this is your reminder. To get reminders privately, open a chat with me and press Start.

## Check-in

flow-checkin-code-private =
    🔑 Check-in for "{ $title }" is open. Read this code out to the room: <b>{ $code }</b>
    Members send it to me privately: /checkin { $code } (or press Check in on the announcement). Check-in closes at { $closes }.
flow-checkin-code-unreachable = { $mention }: check-in for "{ $title }" is open, but I can't send you the check-in code privately. Open a private chat with me and send /attendance to see it.
# (alert)
flow-checkin-done = ✅ Checked in to "{ $title }" at { $time }.
# (alert)
flow-checkin-done-late = ✅ Checked in to "{ $title }" at { $time }, marked late (it started at { $start }).
# (alert)
flow-checkin-already = You already checked in to "{ $title }" at { $time }.
# (alert)
flow-checkin-closed = Check-in for "{ $title }" is not open now.
flow-checkin-ask-code = Send me the check-in code the organizer read out (4 digits). Send /cancel to stop.
flow-checkin-code-format = A check-in code is { $length } digits, like 0427. Please send it again.
flow-checkin-nothing-open = None of your groups has an in-person activity open for check-in right now. For an online activity, press Check in on the announcement in the group.
flow-checkin-wrong-code = "{ $code }" is not the check-in code. { $left ->
    [one] 1 attempt left.
   *[other] { $left } attempts left.
}
flow-checkin-too-many = Too many wrong codes. Please try again in { $minutes } min, or ask the organizer to mark you present.
flow-checkin-in-private = Please send the code to me in a private chat (tap my name, then send /checkin and the code), so nobody else can copy it.

## Attendance (/attendance)

flow-attendance-none = You have no recent activities to manage. Attendance can be marked by the organizer of an activity and by the group's admins.
flow-attendance-choose = Choose an activity:
flow-attendance-header =
    <b>{ $title }</b>
    🕒 { $when }
    Present: { $present } of { $total } · late: { $late }
flow-attendance-code = 🔑 Check-in code: <b>{ $code }</b>
flow-attendance-empty = Nobody has answered or checked in yet.
flow-attendance-hint = Tap a name to mark them present ✅ or absent ⬜.
flow-attendance-more = { $count } more are not shown (the list shows the first 90).
flow-attendance-late-mark = (late)
flow-attendance-exports = 📎 Summary, chart and exports
flow-attendance-back = « All activities
# (alert)
flow-attendance-not-allowed = Only the organizer of this activity or the group's admins can do that.
# (alert)
flow-attendance-not-on-roster = This member neither answered nor checked in; send /attendance to refresh the list.
# (alert)
flow-attendance-saved-present = Marked present.
# (alert)
flow-attendance-saved-absent = Marked absent.
# (alert)
flow-attendance-exports-not-yet = The summary and exports are available once the activity has ended.
# (alert)
flow-attendance-exports-coming = Sending the summary and the files…
flow-attendance-in-private = Please use /attendance in a private chat with me.

## Feedback survey

flow-survey-intro = 📝 Thank you for attending "{ $title }"! Five quick questions, about a minute; the written ones can be skipped. The survey closes { $closes }.
flow-survey-reminder = ⏰ A reminder: the survey for "{ $title }" closes { $closes }. It takes about a minute.
flow-survey-step = ({ $n }/{ $total })
flow-survey-q-overall = How would you rate the activity overall? (1 = poor, 5 = excellent)
flow-survey-q-content = How would you rate the content?
flow-survey-q-content-seminar = How useful was the seminar's content for your work?
flow-survey-q-content-sharing = How useful were the experiences shared?
flow-survey-q-content-case_analysis = How useful were the case and its analysis?
flow-survey-q-organisation = How would you rate the organisation (timing, venue or link, communication)?
flow-survey-q-good = What was good? Type your answer, or press Skip.
flow-survey-q-good-case_analysis = What will you take away from the case? Type your answer, or press Skip.
flow-survey-q-improve = What could we improve? Type your answer, or press Skip.
flow-survey-q-custom = { $text }
flow-survey-skip = Skip
flow-survey-use-buttons = Please answer with the buttons 1–5 below (or send a single digit from 1 to 5).
# (alert)
flow-survey-saved = Saved.
flow-survey-thanks = 🙏 Thank you! Your feedback on "{ $title }" has been saved.
flow-survey-none = You have no open survey right now.
# (alert)
flow-survey-not-found = I can't find this survey; the activity may have been cancelled.
# (alert)
flow-survey-not-yet = The survey for "{ $title }" opens when the activity ends.
# (alert)
flow-survey-closed = The survey for "{ $title }" has closed. Thank you all the same!
# (alert)
flow-survey-not-eligible = This survey is for members who checked in to "{ $title }".
# (alert)
flow-survey-already-done = You have already answered the survey for "{ $title }". Thank you!
# (alert)
flow-survey-not-current = That question has been answered already; please answer the latest one.
# (alert)
flow-survey-invalid = This button has expired.
flow-survey-group = 📝 { $mentions }: thank you for attending "{ $title }"! I can't message you privately, so please answer the short survey (it closes { $closes }):
flow-survey-group-reminder = ⏰ { $mentions }: the survey for "{ $title }" closes { $closes }; it takes about a minute:
flow-survey-group-link = 👉 { $link }
flow-survey-group-no-link = 👉 open a private chat with me (tap my name) and send /survey.

## Summary

flow-summary-chart-caption = 📊 "{ $title }": ratings and attendance trend
flow-summary-csv-caption = 📎 "{ $title }": attendees and answers (CSV)
flow-summary-xlsx-caption = 📎 "{ $title }": attendees and answers (Excel)
flow-summary-organizer-unreachable = { $mention }: the summary of "{ $title }" is above. I can't send you the chart and the exports privately: open a private chat with me and send /attendance to get them.

## Organizer's notes (/notes)

flow-notes-choose = Which activity are the notes for?
flow-notes-ask = Send the notes for "{ $title }" (minutes, links to materials) as one message. Send /cancel to stop.
flow-notes-saved = 🗒 Notes saved for "{ $title }"; they will appear in its summary.
flow-notes-saved-posted = 🗒 Notes saved for "{ $title }"; the updated summary has been posted in the group.
flow-notes-too-long = Notes can be at most { $limit } characters; yours have { $length }. Please shorten them.
flow-notes-group-usage = Reply to the activity's announcement with /notes and your text, or send /notes to me privately.

## A group's own survey wording (/surveyq, group admins)

flow-surveyq-title = <b>Feedback survey questions in this group</b>
flow-surveyq-usage = To reword a question: /surveyq 2 your wording. To restore the default: /surveyq 2 -
flow-surveyq-saved = Question { $n } reworded for this group.
flow-surveyq-reset = Question { $n } is back to the default wording.
