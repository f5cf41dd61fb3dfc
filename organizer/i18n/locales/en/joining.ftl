## Joining by request (charter 二): /invite, the applicant's questions, approval cards, /approvers

join-type-employee = Company employee
join-type-partner = External partner
join-type-student = Student
join-type-unknown = Not answered

join-ask-type = You asked to join “{ $group }”. Who are you? (Please answer within 5 minutes.)
join-ask-department = Which department do you work in? Please type its name.
join-ask-voucher = Who vouches for you (your department head or business contact)?
join-ask-voucher-username = Please type their Telegram @username, e.g. @zhang_san.
join-confirm = Please check your answers for “{ $group }”:
    Who you are: { $type }
    Department: { $department }
    Vouched for by: { $voucher }
join-button-someone-else = Someone else (type @username)
join-button-confirm = ✅ Send
join-button-restart = ↩️ Start over
join-sent-to-approver = Thank you. Your request went to { $name } for approval; you will be told the outcome.
join-sent-to-admins = Thank you. Your request went to the group's admins; you will be told the outcome.
join-welcome-back = Welcome back to “{ $group }”: as a returning member you were approved at once.

join-error-not-yours = This request is not yours.
join-error-closed = This request has already been decided.
join-error-already-answered = You have already sent your answers.
join-error-too-late = The 5 minutes for answering are over; the admins received your request with what you had answered.
join-error-incomplete = Please answer every question first.
join-error-not-found = This join request no longer exists.
join-error-decided = This join request has already been decided.
join-error-stale = This button has expired.
join-error-text-length = Please type between 1 and { $max } characters.
join-error-username-format = Please type a @username, e.g. @zhang_san.
join-error-not-approver = Only the approver the request went to, the group's approvers or its admins can decide this request.

join-card-title = Join request: { $name } ({ $username })
join-card-type = Who: { $type }
join-card-department = Department: { $department }
join-card-voucher = Vouched for by: { $voucher }
join-card-requested = Requested: { $when }
join-card-unanswered = ⚠️ The applicant did not finish the questions within 5 minutes.
join-card-approver-left = ⚠️ The chosen approver { $name } is no longer in the group, so the request came to the admins.
join-card-escalated = ⏰ Not decided in time: escalated to the admins.
join-card-group = A join request from { $name } is waiting. Admins: press a button (the details are sent privately to admins who have started me).
join-card-decided = { $outcome } by { $name }. Reason: { $reason }
join-button-approve = ✅ Approve
join-button-decline = ❌ Decline

join-status-pending = Pending
join-status-approved = Approved
join-status-declined = Declined
join-status-expired = Expired
join-decider-system = the bot
join-already-decided = Already decided by { $name } at { $when }: { $outcome }.
join-done-approved = Approved.
join-done-declined = Declined; the applicant has been told.
join-need-private = To decline with a reason, please start a private chat with me first, then press again.
join-ask-reason = Why is { $name }'s request declined? Type the reason (the applicant will see it), or /cancel.
join-reason-asked = I asked you for the reason privately.
join-decline-cancelled = Cancelled: the request is still waiting.

join-outcome-approved = Your request to join “{ $group }” was approved. Welcome!
join-outcome-declined = Your request to join “{ $group }” was declined. Reason: { $reason }
join-outcome-expired = Your request to join “{ $group }” was not decided in time and has been closed. You may ask again later.

join-invite-no-right = I cannot create invite links: please give me the admin right “Invite users via link”, then send /invite again.
join-invite-link = Invite link for “{ $group }” (people who open it ask to join and are approved first):
    { $link }
join-invite-sent-privately = I have sent you the invite link privately.

approvers-title = Join approvers of “{ $group }”:
approvers-line = { $type }: { $names }
approvers-none = none (the admins decide)
approvers-absent = { $name } (no longer in the group; skipped)
approvers-usage = Usage: /approvers add employee|partner|student @username [label] — or reply to a member's message; /approvers remove employee|partner|student @username.
approvers-added = { $name } now approves joins of: { $type }.
approvers-removed = { $name } no longer approves joins of: { $type }.
approvers-not-listed = { $name } was not an approver for: { $type }.
approvers-not-in-group = Note: { $name } is not in this group now; requests skip them until they join.
approvers-bad-type = “{ $value }” is not a member type: use employee, partner or student.
approvers-unknown-username = I have not seen { $username } yet: they must write in the group or start me privately first (or reply to one of their messages with /approvers add …).
approvers-no-groups = You do not administer any group I am in.
approvers-choose-group = Which group?
