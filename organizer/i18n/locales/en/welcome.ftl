## Welcome and rules acceptance

welcome-message =
    { $mention }, welcome to "{ $title }"!
    Please read the rules below and press "I have read and accept" to start writing; if you do not accept within { $hours } hours you will be removed from the group.

    { $rules }
welcome-accept-button = ✅ I have read and accept
welcome-not-for-you = This button is for the member who just joined; you need not press it.
welcome-accepted = Thank you! You accepted the rules and can write now.
welcome-nothing-pending = You have already accepted the rules.
welcome-expired-private = You did not accept the rules of "{ $title }" within { $hours } hours, so you were removed from the group (not banned). To join again, ask a group admin.
welcome-rules-short =
    1. Obey the law; share true and reliable information.
    2. Keep to training topics; be civil and respect others.
    3. No advertising, flooding, rumours or personal attacks.
    4. Never post company secrets or students' private data.
welcome-rules-more = Full rules: send /rules

## Versioned rules

rules-version-line = Current version: { $version }
setrules-usage = Usage: /setrules followed by the full rules, or reply /setrules to a message holding them.
setrules-too-long = The rules are too long (at most { $max } characters).
rules-updated =
    <b>The rules were updated (version { $version })</b>
    Please read them and press "Acknowledge" below.

    { $rules }
rules-ack-button = 📖 Acknowledge
rules-ack-recorded = Recorded: you acknowledged version { $version } of the rules.
rules-ack-already = You have already acknowledged the current rules.

## Rules reminder

rules-reminder-title = <b>Rules reminder</b>
rulesreminder-usage = Usage: /rulesreminder off, or /rulesreminder weekly WEEKDAY(0–6, 0 is Monday) HH:MM, e.g. /rulesreminder weekly 0 09:00
rulesreminder-off = The periodic rules reminder is off.
rulesreminder-weekly = Rules reminder: every { $weekday } at { $time } ({ $timezone }). Next: { $next }.
rules-weekday =
    { $day ->
        [0] Monday
        [1] Tuesday
        [2] Wednesday
        [3] Thursday
        [4] Friday
        [5] Saturday
       *[6] Sunday
    }

## /help lines (for the help text)

welcome-help-setrules = /setrules RULES — replace the group's rules (or reply to a message with them); members are asked to acknowledge the new version
welcome-help-rulesreminder = /rulesreminder off | weekly WEEKDAY HH:MM — the periodic rules reminder (default Monday 09:00)
welcome-request-required = "{ $title }" only admits members through an approved join request. You joined by a plain link, so you were removed (not banned). Ask a group admin for the request link and apply.
welcome-request-required-group = { $mention } this group only admits members through an approved join request, so you were removed (not banned). Ask an admin for the request link.
