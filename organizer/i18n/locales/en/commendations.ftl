# Monthly commendations (charter 八): the post in the group and the admins' advance copy.
commendations-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
  } { $year }
commendations-title = 🌟 <b>Thank you! Our top contributors of { $month }</b>
commendations-item = { $medal } { $name } — { $points } points, above all for { $main }
commendations-item-plain = { $medal } { $name } — { $points } points
commendations-closing = Thank you all for your contributions this month — every message, share and answer helps the group. Keep it up! 👏
commendations-main-participation = taking an active part in our discussions
commendations-main-share_quality = sharing valuable material
commendations-main-answers = answering colleagues' questions
commendations-main-compliance = setting a good example with our rules
commendations-main-activities = joining and organising activities
commendations-preview-title = 🌟 <b>Commendations for “{ $group }”, { $month }</b> — to be posted in the group on { $when }:
commendations-preview-note = These members will be named (scores so far this month). Press “✖ name” to leave someone out (the next-ranked member moves up); to post nothing this month, press “Skip this month” before then.
commendations-skip-button = Skip this month
commendations-skipped = The commendation for { $month } in “{ $group }” will not be posted.
commendations-drop-button = ✖ { $name }
commendations-restore-button = ↩ Put back the { $count ->
    [one] member
   *[other] { $count } members
} left out
commendations-dropped = { $name } is left out of this month's commendation.
commendations-restored = The full list is back.
commendations-list-empty = Nobody is left on the list: nothing will be posted this month. Press “Put back” to restore it.
