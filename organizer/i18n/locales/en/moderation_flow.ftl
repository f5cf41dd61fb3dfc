## What the automatic moderation tells the member, the group and the admins.

modflow-returned =
    Your message in "{ $group }" was removed. Reason: { $reason }
    { $sanction }
    Here is your text; you can edit it and post again:

    { $text }
modflow-returned-private =
    Your message in "{ $group }" contained personal data and was removed ({ $reason }).
    To give this to a member, write to them privately. { $sanction }
    Here is your text:

    { $text }
modflow-sanction-warn = This is a warning (violation { $count } in 30 days; the next one mutes you).
modflow-sanction-mute = You are muted until { $until } (violation { $count } in 30 days).
modflow-sanction-kick = You were removed from the group (not banned; violation { $count } in 30 days).
modflow-sanction-ban = You were banned from the group (violation { $count } in 30 days).
modflow-sanction-none = {""}
modflow-group-notice = { $mention }'s message was removed: { $reason }
modflow-log-card =
    🛡 "{ $group }": automatic action
    Member: { $member }
    Reason: { $reason }
    Evidence: { $evidence }
    Action: { $sanction }
    Text: { $text }
modflow-log-sanction-warn = message removed, warning ({ $count } in 30 days)
modflow-log-sanction-mute = message removed, muted until { $until } ({ $count } in 30 days)
modflow-log-sanction-kick = message removed, member removed ({ $count } in 30 days)
modflow-log-sanction-ban = message removed, member banned ({ $count } in 30 days)
modflow-log-sanction-none = message removed
modflow-log-not-deleted = ⚠️ the message could not be removed
modflow-rights-missing = ⚠️ In "{ $group }" I lack the "{ $right }" right, so I cannot { $action }. The violation is still recorded; please grant me the right.
modflow-right-delete = Delete messages
modflow-right-restrict = Ban/restrict members
modflow-action-delete = remove violating messages
modflow-action-restrict = mute or remove members
modflow-media-notice = { $mention }: { $reason }
