## Moderation records: refusals from the violation, report and block-word services
## (organizer/services/violations.py, reports.py, blockwords.py)

moderation-admin-report-self = You cannot report your own message.
moderation-admin-report-admin = Messages from admins cannot be reported. Send your concern with /feedback instead.
moderation-admin-blockword-bad-category = Unknown category "{ $category }". The categories are: { $categories }.
moderation-admin-blockword-bad-term = A blocked word must be 1 to { $max } characters long.
moderation-admin-duration-invalid = I cannot read "{ $value }" as a duration. Write it like <code>30m</code>, <code>2h</code> or <code>1d</code>.
moderation-admin-duration-range = The duration "{ $value }" is not possible: it must be at least 1 minute and at most 366 days.
moderation-admin-ladder-invalid = "{ $step }" is not an escalation step. Use <code>warn</code>, <code>mute:1h</code>, <code>kick</code>, <code>ban</code> or <code>ban:7d</code>.
