## /settings: the group settings admins may change

cmd-settings = See and change this group's settings (admins)

settings-title = <b>Settings of "{ $group }"</b>
settings-section-join = <b>Joining by approval</b>
settings-section-newcomers = <b>New members</b>
settings-section-inactive = <b>Inactive members</b>
settings-section-activities = <b>Activities</b>
settings-line-default = • <code>{ $name }</code> = { $value } (default) — { $description }
settings-line-changed = • <code>{ $name }</code> = <b>{ $value }</b> (default: { $default }) — { $description }
settings-line-inherited = • <code>{ $name }</code> = { $value } (default: same as { $inherits }) — { $description }
settings-same-as = same as { $name }
settings-on = on
settings-off = off
settings-usage =
    To change one: /settings NAME VALUE, e.g. <code>/settings join_escalate_hours 12</code>, <code>/settings inactive_auto_remove on</code>
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
