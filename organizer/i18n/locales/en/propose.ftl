## The activity proposal form (/propose) and its approval (handlers/propose)

## Ways in

propose-open-private = A proposal takes a few questions, so let's do it in a private chat: press the button below to propose an activity for "{ $group }".
propose-open-button = 📝 Propose an activity
propose-choose-group = Which group is the activity for?
propose-no-groups = I don't know yet which groups you are in. Please send /propose in the group the activity is for, then press the button I post there.
propose-not-member = You are not a member of "{ $group }", so you cannot propose activities for it.
propose-draft-exists =
    You have an unfinished proposal: "{ $title }" (group "{ $group }", stopped at "{ $step }").
    Would you like to continue it, or discard it and start over?
propose-draft-untitled = untitled
propose-button-continue = ▶ Continue
propose-button-restart = 🔄 Start over

## Steps

propose-step = <b>Step { $n } of { $total } · { $name }</b>
propose-current = Current: { $value }
propose-name-kind = Kind of activity
propose-name-title = Title
propose-name-description = Theme and description
propose-name-start = Start
propose-name-end = End
propose-name-place = Place or link
propose-name-capacity = Capacity
propose-name-deadline = RSVP deadline
propose-name-agenda = Agenda
propose-name-coordinator = Coordinator
propose-name-repeat = Repeat
propose-name-until = Number of sessions
propose-name-preview = Preview

propose-ask-kind = What kind of activity is it?
propose-ask-title = Please send the title (one line, at most { $max } characters).
propose-ask-description = Please send the theme and a description: what it covers, who it is for, what people will take away (at most { $max } characters).
propose-ask-start =
    When does it start? Pick a day in the calendar, or type the time, e.g. <code>Dec 1 19:30</code>, <code>tomorrow 7pm</code>, <code>next wed 14:00</code>, <code>2026-12-01 19:30</code>.
    Times are in the group's timezone, { $timezone }.
propose-ask-hour = { $date }: pick the hour it starts.
propose-ask-minute = { $date }, { $hour }:xx — pick the minutes.
propose-ask-end =
    It starts { $start }. When does it end?
    Send the end time or the duration, e.g. <code>21:00</code>, <code>90 min</code>, <code>2h</code>, or pick a duration.
propose-ask-place =
    Where does it take place? Send the place, or the online meeting link (starting with http:// or https://).
    For both, separate them with a bar, e.g. <code>Room 301 | https://meeting.example.com/123</code>
propose-ask-capacity = How many people at most? Send a whole number from 1 to { $max }; for no limit press "Skip".
propose-ask-deadline = When do RSVPs close? Send a time (e.g. <code>Nov 30 18:00</code>) or pick one; for no deadline press "Skip" (RSVPs then stay open until the start).
propose-ask-agenda =
    Please send the agenda, one item per message, e.g. <code>19:30 Welcome — Ms Zhang</code> or <code>Open discussion</code>.
    Press "Done" when finished; with no agenda, just press "Done".
propose-agenda-so-far =
    Agenda so far:
    { $items }
propose-agenda-empty = (nothing yet)
propose-ask-coordinator = Who coordinates it? Send a name (and a contact if you like); if nobody, press "Skip".
propose-ask-repeat = Does the activity repeat?
propose-ask-until = How many sessions in all? Pick a number, or send the date of the last one (e.g. <code>Jun 30</code>). At most { $max }.

propose-hours = { $n } h
propose-deadline-hour = 1 hour before start
propose-deadline-day = 1 day before start
propose-repeat-none = Does not repeat
propose-repeat-1 = Weekly
propose-repeat-2 = Every 2 weeks
propose-times = { $n } sessions

propose-picker-title = { $month } { $year }
propose-picker-months = Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec
propose-picker-weekdays = Mo Tu We Th Fr Sa Su
propose-picker-date = { $weekday } { $year }-{ $month }-{ $day }
propose-picker-hours = ◀ Another hour
propose-picker-back = ◀ Back to the calendar

propose-button-back = ◀ Back
propose-button-skip = Skip ⏭
propose-button-keep = Keep ▶
propose-button-cancel = ✖ Cancel
propose-button-done = ✅ Done
propose-button-undo = ↩ Remove last
propose-button-submit = ✅ Submit
propose-button-edit = ✏️ Change something
propose-button-revise = ✏️ Revise the proposal

## Preview and submit

propose-preview-header = <b>Preview</b>: this is how the announcement will look in "{ $group }". Please check it, then press "Submit".
propose-preview-repeat = 🔁 { $rule }, { $count } sessions: { $dates }
propose-preview-note = ✏️ The admins asked for: { $note }
propose-preview-review = After you submit, the group's admins review it; it is published once approved.
propose-preview-direct = You are an admin of this group: it is published as soon as you submit.
propose-edit-choose = What would you like to change? You will come back to the preview afterwards.
propose-submitted = 📨 "{ $title }" has been submitted and is waiting for the admins of "{ $group }" to review it. I will tell you the outcome privately.
propose-submitted-in-group = 📨 "{ $title }" has been submitted. None of the admins can get private messages from me yet, so I posted the review card in "{ $group }". I will tell you the outcome privately.
propose-published =
    🎉 "{ $title }" is published in "{ $group }". { $link ->
        [none] {""}
       *[other] See the announcement: { $link }
    }

## Cancel

propose-cancel-confirm = Discard this proposal? Everything you entered will be deleted.
propose-cancel-yes = Yes, discard it
propose-cancel-no = No, keep going
propose-cancelled = The proposal was discarded. Send /propose whenever you want to propose an activity.

## Errors (each is followed by the same question again)

propose-error-empty = That was empty; please send it again.
propose-error-title-too-long = The title is { $length } characters long, over the limit of { $max }. Please shorten it and send it again.
propose-error-title-one-line = Please keep the title to one line; the details go in the description, next.
propose-error-description-too-long = The description is { $length } characters long, over the limit of { $max }. Please shorten it and send it again.
propose-error-place-too-long = The place is { $length } characters long, at most { $max } fit. Please shorten it.
propose-error-url-invalid = "{ $value }" is not a valid web address. An online link must start with http:// or https://, e.g. <code>https://meeting.example.com/123</code>.
propose-error-url-too-long = The link is { $length } characters long, at most { $max } fit. Please use a shorter link.
propose-error-capacity-not-number = "{ $value }" is not a whole number. Please send a number from 1 to { $max }, or press "Skip" for no limit.
propose-error-capacity-range = The capacity must be from 1 to { $max }; you sent { $value }.
propose-error-start-past = That time has already passed: { $when } (it is now { $now }). Please choose a time in the future.
propose-error-start-first = Please set the start time first.
propose-error-end-before-start = The end must be after the start; please set the end again.
propose-error-deadline-after-start = The RSVP deadline ({ $deadline }) must be before the start ({ $start }).
propose-error-agenda-time-outside = The agenda time { $time } is outside the activity's time, { $start }–{ $end }. Please check it and send this item again.
propose-error-agenda-too-long = This agenda item is { $length } characters long, at most { $max } fit. Please shorten it.
propose-error-agenda-no-topic = This item has no topic; please send it again as <code>19:30 Topic — Speaker</code>.
propose-error-announcement-too-long = The whole announcement is { $length } characters long, more than the { $max } one message can hold. Please shorten the description (or the agenda); you will come back to the preview afterwards.
propose-error-agenda-full = The agenda can have at most { $max } items. Please press "Done".
propose-error-coordinator-too-long = The coordinator entry is { $length } characters long, at most { $max } fit. Please shorten it.
propose-error-until-too-soon = The last session must be on the day of the second one ({ $earliest }) or later.
propose-error-until-too-late = At most { $max } sessions: at this rhythm the last one can be on { $last } at the latest.
propose-error-use-buttons = Please use the buttons above for this step.
propose-error-text-only = Please send a text message.
propose-error-missing = This has not been filled in yet; please fill it in first.
propose-error-stale = This button has expired; please use the buttons of the latest message.
propose-error-no-draft = You have no proposal in progress. Send /propose to start one.
propose-error-group-gone = The group of this proposal is no longer available (I may have been removed from it), so the draft was deleted.

## Approval cards (to admins)

review-card-header =
    📝 <b>New activity proposal</b>
    Group: { $group }
    Proposed by: { $proposer }
review-card-revised = ✏️ This is the revised version. The admins had asked for: { $note }
review-card-in-group = None of the admins can get private messages from me yet, so please review it here (only this group's admins can press the buttons).
review-button-approve = ✅ Approve
review-button-reject = ❌ Reject
review-button-changes = ✏️ Ask for changes
review-card-approved = ✅ Approved and published by { $name }.
review-card-rejected = ❌ Rejected by { $name }. Reason: { $note }
review-card-changes = ✏️ { $name } asked the proposer for changes: { $note }
review-ask-reason = Please send the reason for rejecting "{ $title }"; I will pass it on to the proposer. Send /cancel to stop.
review-ask-note = Please write what should change in "{ $title }"; I will pass it on to the proposer. Send /cancel to stop.
review-note-asked = Please send your note in our private chat.
review-note-length = The note must be 1 to { $max } characters long (yours has { $length }); please send it again.
review-note-cancelled = Stopped; the proposal is still waiting for review.
review-need-private = Please send me /start in a private chat first, then press this button again: reasons and notes are written in private.
review-done-approved = Approved; the announcement is posted in the group.
review-done-rejected = Rejected; the proposer has been told.
review-done-changes = Changes requested; the proposer has been told.
activity-already-reviewed-by = { $name } already decided on this proposal on { $when }: { $outcome }.

propose-status-pending_approval = waiting for review
propose-status-changes_requested = changes requested
propose-status-rejected = rejected
propose-status-published = approved and published
propose-status-cancelled = cancelled
propose-status-completed = completed

## Outcomes (to the proposer)

propose-outcome-approved =
    🎉 Your proposal "{ $title }" was approved and the announcement is posted in "{ $group }". { $link ->
        [none] {""}
       *[other] See it here: { $link }
    }
propose-outcome-rejected =
    Sorry, your proposal "{ $title }" ({ $group }) was not approved.
    Reason: { $note }
propose-outcome-changes =
    The admins would like you to revise your proposal "{ $title }" ({ $group }):
    { $note }
    Press the button below to revise and resubmit it.
propose-revise-unavailable = This proposal cannot be revised any more (it may have been decided or withdrawn).
propose-revise-busy = You have another proposal in progress. Please submit or discard it first (send /propose), then revise this one.
