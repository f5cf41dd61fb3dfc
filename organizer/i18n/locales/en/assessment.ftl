## Assessment (charter 八(二)): /mystats, /leaderboard, /stats, /export

cmd-mystats = My scores and how they are made up
cmd-leaderboard = The group's top 10 (week, month or quarter)
cmd-stats = Group statistics (admins)
cmd-export = Export scores for HR as XLSX and CSV (admins)
assessment-help = 🏅 <b>Scores</b>
    /mystats [week|month|quarter] — your score in each of your groups, component by component
    /leaderboard [week|month|quarter] — the group's top 10
assessment-help-admin = 📈 <b>Statistics and exports (admins)</b>
    /stats [week|month|quarter] — members, activity, shares, questions, violations, activities, joins and leaves, with a chart
    /export [week|month|quarter] — the HR workbook (XLSX) and CSV, sent privately
    /settings leaderboard_public off — only admins may see the leaderboard

assessment-period-week = week { $start } – { $end }
assessment-period-month = month { $start } – { $end }
assessment-period-quarter = quarter { $start } – { $end }
assessment-bad-period = “{ $value }” is not a period: use week, month or quarter (周, 月, 季度).
assessment-untagged = untagged
assessment-duration-minutes = { $minutes } min
assessment-duration-hours = { $hours } h
assessment-duration-days = { $days } days
assessment-yes = yes
assessment-no = no

assessment-stats-title = 📈 <b>Statistics | { $group }</b> — { $period }
assessment-stats-timezone = Times in { $timezone }
assessment-stats-members = 👥 Members: { $members }, active { $active } ({ $share })
assessment-stats-messages = 💬 Messages: { $count }
assessment-stats-shares = 📚 Shares: { $count }
assessment-stats-item = • { $name }: { $count }
assessment-stats-questions = ❓ Questions: { $asked } asked, { $answered } answered; median time to answer { $median }
assessment-stats-violations = ⚠️ Violations: { $count }
assessment-stats-activities = 🗓 Activities held: { $count }; average rating { $rating }
assessment-stats-joins = ➕ Joined: { $joins } · ➖ Left: { $leaves }
assessment-chart-title = Messages per day
assessment-chart-messages = Messages

assessment-leaderboard-heading = 🏆 <b>{ $group }</b> — { $period }
assessment-leaderboard-title = Top { $count }:
assessment-leaderboard-line = { $rank }. { $name } — { $total }
assessment-leaderboard-empty = No scores yet for this period.
assessment-leaderboard-admins-only = In this group only admins may see the leaderboard.

assessment-mystats-title = 🏅 <b>{ $group }</b> — { $period }
assessment-mystats-total = Total <b>{ $total }</b> points, rank { $rank }
assessment-mystats-component = <b>{ $name }</b>: { $points }
assessment-mystats-indicator = · { $name }: { $raw } × { $weight } = { $points }
assessment-mystats-capped = { $name } (counted under the daily cap, of { $sent } sent)
assessment-mystats-none = You have no score yet in any group for this period.
assessment-mystats-sent = I sent your scores to you privately.

assessment-component-participation = Participation
assessment-component-share_quality = Shares
assessment-component-answers = Answers
assessment-component-compliance = Compliance
assessment-component-activities = Activities
assessment-indicator-days_active = Days active
assessment-indicator-messages = Messages
assessment-indicator-notice_acks = Notices acknowledged
assessment-indicator-shares = Shares
assessment-indicator-share_replies = Replies to shares
assessment-indicator-share_reactions = Reactions to shares
assessment-indicator-featured = Featured shares
assessment-indicator-answers = Questions answered
assessment-indicator-best_answers = Best answers
assessment-indicator-violation_points = Violation points
assessment-indicator-rules_accepted = Rules accepted
assessment-indicator-attended = Activities attended
assessment-indicator-no_shows = No-shows
assessment-indicator-surveys = Surveys answered
assessment-indicator-organised = Activities organised

assessment-type-employee = Employee
assessment-type-partner = Partner
assessment-type-student = Student
assessment-type-unknown = Unknown
assessment-sheet-members = Members
assessment-sheet-violations = Violations
assessment-sheet-activities = Activities
assessment-col-name = Name
assessment-col-username = Username
assessment-col-type = Member type
assessment-col-department = Department
assessment-col-total = Total
assessment-col-rank = Rank
assessment-col-date = Date
assessment-col-member = Member
assessment-col-rule = Rule
assessment-col-category = Category
assessment-col-charter = Charter ref.
assessment-col-sanction = Sanction
assessment-col-undone = Undone
assessment-col-title = Title
assessment-col-start = Start
assessment-col-organiser = Organiser
assessment-col-going = Going
assessment-col-attended = Attended
assessment-col-no-shows = No-shows
assessment-col-rating = Average rating

assessment-group-only = Use this command in a group.
assessment-admins-only = Only the group's admins can use this.
assessment-no-admin-groups = You administer no group I am in.
assessment-choose-group = Which group?
assessment-start-bot = Start a private chat with me first (press Start), then try again.
assessment-export-sent = I sent the export to you privately.
assessment-export-caption = { $group } — { $period }
