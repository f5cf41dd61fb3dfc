## /settings: the group settings admins may change

cmd-settings = See and change this group's settings (admins)

settings-title = <b>Settings of "{ $group }"</b>
settings-section-join = <b>Joining by approval</b>
settings-section-newcomers = <b>New members</b>
settings-section-inactive = <b>Inactive members</b>
settings-section-activities = <b>Activities</b>
settings-section-content = <b>Content</b>
settings-section-moderation = <b>Moderation</b>
settings-section-supervision = <b>Supervision</b>
settings-line-default = • <code>{ $name }</code> = { $value } (default) — { $description }
settings-line-changed = • <code>{ $name }</code> = <b>{ $value }</b> (default: { $default }) — { $description }
settings-line-inherited = • <code>{ $name }</code> = { $value } (default: same as { $inherits }) — { $description }
settings-same-as = same as { $name }
settings-on = on
settings-off = off
settings-by-kind-private_data_check = { $kind ->
    [student_service] by group kind (student service: mobile, ID, bank card, e-mail)
   *[other] by group kind (here: ID and bank card)
}
settings-usage =
    To change one: /settings NAME VALUE, e.g. <code>/settings join_escalate_hours 12</code>, <code>/settings inactive_auto_remove on</code>
    Moderation lists (allowed domains, allow-listed members, advertisers, the ladder): /modlist
    To restore the default: /settings NAME default
settings-usage-one = To change it: /settings { $name } VALUE; to restore the default: /settings { $name } default
settings-set = Set <code>{ $name }</code> = { $value }.
settings-reset = Restored the default: <code>{ $name }</code> = { $value }.
settings-private = Send /settings in the group you want to configure (group admins only).

settings-error-unknown = There is no setting called "{ $name }". Send /settings to see them all.
settings-error-unknown-suggest = There is no setting called "{ $name }". Did you mean: { $suggestions }?
settings-error-not-int = "{ $value }" is not a whole number. { $name } takes a whole number from { $min } to { $max }, or default to restore the default.
settings-error-range = { $value } is out of range: { $name } takes a whole number from { $min } to { $max }.
settings-error-not-bool = "{ $value }" is not on or off. { $name } takes on/off (true/false, yes/no, 1/0), or default to restore the default.

settings-desc-join_escalate_hours = hours a join request may wait before it is escalated to the group admins (1–720)
settings-desc-join_escalate_hours_employee = the same, for company employees only (1–720)
settings-desc-join_escalate_hours_partner = the same, for external partners only (1–720)
settings-desc-join_escalate_hours_student = the same, for students only (1–720)
settings-desc-join_decline_hours = hours after which an undecided join request is declined (1–720, never before escalation)
settings-desc-join_decline_hours_employee = the same, for company employees only (1–720)
settings-desc-join_decline_hours_partner = the same, for external partners only (1–720)
settings-desc-join_decline_hours_student = the same, for students only (1–720)
settings-desc-returning_skip_approval = members who were in the group before are let back in without approval
settings-desc-require_join_request = join requests only: whoever joins by a plain link is removed (turned on by the first /invite)
settings-desc-welcome_timeout_hours = hours a newcomer has to accept the rules before removal (1–168)
settings-desc-clean_join_messages = delete the "… joined the group" notice once a newcomer accepts the rules or is removed
settings-desc-inactive_days = days of silence before a reminder (0–365; 0 turns the inactivity sweep off)
settings-desc-inactive_grace_days = days after the reminder before still-silent members go to the admins (1–90)
settings-desc-inactive_auto_remove = remove them automatically when the grace ends instead of sending the admins a card
settings-desc-publish_without_approval = activities proposed by admins and trusted organizers are published without review
settings-desc-question_raise_hours = hours an unanswered question in the group waits before it goes to the admins and experts (1–168)
settings-desc-moderation = moderation as a whole: off, the group's messages are no longer checked
settings-desc-ad_check = check for advertising (members on /modlist advertisers may advertise)
settings-desc-channel_forwards_allowed = allow forwards from channels; off, they count as advertising
settings-desc-private_data_check = check for private data (mobile, ID and bank-card numbers, e-mail addresses). Unset, by group kind: student-service groups check all four, other groups ID and bank-card numbers; on = all four, off = none
settings-desc-news_quota = industry news posts the group takes a day; more are moved to the next free slot (0–50, 0 = no cap; admins are not counted)
settings-desc-max_file_mb = files over this many MB get a notice (0–2000, 0 = no notice)
settings-desc-max_video_mb = videos over this many MB get a notice (0–2000, 0 = no notice)
settings-desc-max_voice_s = voice messages over this many seconds get a notice (0–3600, 0 = no notice)
settings-desc-warning_days = days warnings count for, deciding the next step on the ladder (1–365)
settings-desc-admins_exempt = group admins are exempt from moderation
settings-desc-digest_every_days = the admin digest of what is waiting (0–7: 0 = off, 1 = daily, 7 = weekly on Monday, 2–6 = every that many days), at 09:00 Beijing time
settings-desc-leaderboard_public = whether /leaderboard is shown to every member (off: admins only, sent privately)
settings-desc-commendations = a monthly post naming the top contributors (admins get the list in advance and may skip the month)
