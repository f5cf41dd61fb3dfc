## Activity summary (charter 七(三)): the message, the chart and the exports

summary-title = 📊 <b>Activity summary | { $title }</b>
summary-when = 🗓 { $kind } · { $start } – { $end } ({ $timezone })
summary-kind-seminar = Seminar
summary-kind-sharing = Sharing session
summary-kind-case-analysis = Case analysis
summary-kind-other = Activity
summary-rsvp = 👥 <b>RSVPs</b>: going { $going } · maybe { $maybe } · can't { $no } · waitlist { $waitlist }
summary-capacity = capacity { $capacity }
summary-attendance = ✅ <b>Attendance</b>: { $attended } checked in, { $late } of them late; attendance rate { $rate } (checked in ÷ going)
summary-no-shows = 🚫 No-shows: { $count } said "going" but did not check in; no-show rate { $rate }
summary-survey = 📝 <b>Survey</b>: { $answers } of { $sent } answered, response rate { $rate }
summary-ratings = ⭐ Average ratings (1–5): overall { $overall } · content { $content } · organisation { $organisation }
summary-histogram-title = Overall rating:
summary-no-answers = No survey answers yet.
summary-trend-title = 📈 <b>Compared with the previous { $count ->
        [one] activity
       *[other] { $count } activities
    } of this kind</b>: { $label }
summary-trend-attendance = Attendance rate { $change } percentage points ({ $label })
summary-trend-overall = Overall rating { $change } ({ $label })
summary-trend-better = better
summary-trend-worse = worse
summary-trend-same = about the same
summary-trend-first = 📈 No earlier activity of this kind to compare with yet.
summary-comments-title = 💬 <b>What participants liked</b>
summary-improvements-title = 🛠 <b>What to improve</b>
summary-item = • { $text }
summary-more = … and { $count } more (see the export)
summary-notes-title = 🗒 <b>Organizer's notes</b>

## Rating questions, RSVP answers and yes/no, shared by the message, the chart and the exports

summary-rating-overall = Overall
summary-rating-content = Content
summary-rating-organisation = Organisation
summary-rsvp-going = going
summary-rsvp-maybe = maybe
summary-rsvp-no = can't
summary-rsvp-waitlist = waitlist
summary-rsvp-none = no answer
summary-bool-yes = yes
summary-bool-no = no

## Attendance export (CSV and the XLSX sheets)

summary-col-name = Name
summary-col-username = @username
summary-col-rsvp = RSVP
summary-col-checked-in = Checked in at (local time)
summary-col-late = Late
summary-col-answered = Survey answered
summary-col-good = What was good
summary-col-improve = What to improve
summary-figure-label = Figure
summary-figure-value = Value
summary-figure-title = Activity
summary-figure-kind = Kind
summary-figure-starts = Starts (local time)
summary-figure-ends = Ends (local time)
summary-figure-timezone = Timezone
summary-figure-capacity = Capacity
summary-figure-going = Going
summary-figure-maybe = Maybe
summary-figure-no = Can't
summary-figure-waitlist = Waitlist
summary-figure-attended = Checked in
summary-figure-late = Late
summary-figure-no-shows = No-shows
summary-figure-no-show-rate = No-show rate
summary-figure-attendance-rate = Attendance rate
summary-figure-surveys-sent = Surveys sent
summary-figure-answers = Surveys answered
summary-figure-response-rate = Response rate
summary-figure-average-overall = Average: overall
summary-figure-average-content = Average: content
summary-figure-average-organisation = Average: organisation

## Chart

summary-chart-ratings-title = Rating distribution
summary-chart-stars = Rating (stars)
summary-chart-people = People
summary-chart-trend-title = Compared with earlier activities of this kind
summary-chart-attendance-rate = Attendance rate
summary-chart-average-overall = Average overall rating
summary-chart-this = this one
