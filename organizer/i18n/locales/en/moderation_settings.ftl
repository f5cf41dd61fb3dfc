## /modlist: the list-valued parts of a group's moderation policy

cmd-modlist = Moderation lists: allowed domains, allow-list, advertisers, ladder (admins)

modset-help-admin =
    <b>Moderation settings</b>
    /settings, "Moderation" section: moderation on/off, advertising checks, channel forwards, private-data checks, the daily news quota, file/video/voice notice limits, how long warnings count, admins exempt; e.g. <code>/settings ad_check off</code>
    /modlist — allowed link domains, allow-listed members (exempt from moderation), members who may advertise, and the escalation ladder; /modlist domains|exempt|advertisers add|remove … (@username, user id or a reply), /modlist ladder warn mute:1h mute:24h kick or /modlist ladder default

modset-private = Send /modlist in the group you want to configure (group admins only).
modset-title = <b>Moderation lists of "{ $group }"</b>
modset-disabled = Moderation is switched off in this group (/settings moderation on switches it back on).
modset-section-domains = <b>Allowed link domains</b> (subdomains too)
modset-domains-default = Default: { $domains }
modset-domains-own = Added here: { $domains }
modset-section-exempt = <b>Allow-listed members</b> (exempt from moderation)
modset-section-advertisers = <b>Members who may advertise</b>
modset-member-line = • { $name } · <code>{ $id }</code>
modset-none = none
modset-section-ladder = <b>Escalation ladder</b>
modset-ladder-line = { $steps }
modset-ladder-default-note = (default; warnings count over { $days } days)
modset-ladder-own-note = (set for this group; warnings count over { $days } days)
modset-usage =
    To change: /modlist domains add|remove DOMAIN, /modlist exempt add|remove @username|user id (or reply to the member), /modlist advertisers add|remove …
    Ladder: /modlist ladder warn mute:1h mute:24h kick; to restore the default: /modlist ladder default

modset-domain-added = Links to <code>{ $domain }</code> (and its subdomains) are now allowed.
modset-domain-removed = Removed <code>{ $domain }</code>: its links are no longer allowed by default.
modset-bad-domain = "{ $value }" is not a domain. Write it like example.com or https://www.example.com/page.
modset-domain-default = <code>{ $domain }</code> is already allowed by default ({ $parent }).
modset-domain-already = <code>{ $domain }</code> is already among this group's allowed domains ({ $parent }).
modset-domain-is-default = <code>{ $domain }</code> is a default allowed domain ({ $parent }) and cannot be removed.
modset-domain-not-listed = <code>{ $domain }</code> was never added here. Send /modlist to see the lists.

modset-exempt-added = { $name } is now allow-listed: their messages are no longer moderated.
modset-exempt-removed = { $name } is no longer allow-listed.
modset-exempt-already-on = { $name } is already allow-listed.
modset-exempt-not-on = { $name } is not allow-listed.
modset-advertisers-added = { $name } may now advertise.
modset-advertisers-removed = { $name } may no longer advertise.
modset-advertisers-already-on = { $name } may already advertise.
modset-advertisers-not-on = { $name } was not allowed to advertise.

modset-ladder-set = The escalation ladder is now: { $steps }
modset-ladder-reset = Restored the default escalation ladder: { $steps }
modset-ladder-empty = Write the ladder's steps, e.g. <code>/modlist ladder warn mute:1h mute:24h kick</code>; to restore the default: /modlist ladder default
modset-ladder-too-long = A ladder has at most { $max } steps (you wrote { $count }).
modset-ladder-bad-step = "{ $step }" is not a valid step. Steps: warn, mute:DURATION (a duration is required), kick, ban or ban:DURATION; durations from 1 minute to 366 days, e.g. 30m, 2h, 1d.

modset-bad-user = "{ $value }" is not an @username or a user id. You can also send the command as a reply to the member's message.
modset-unknown-username = I don't know { $username }: they must have written in the group or to me first. You can also reply to their message, or give their user id.
modset-no-member = Name the member: @username or user id, or send the command as a reply to their message.
modset-target-not-member = That message was not sent by a member (a channel, an anonymous admin or a bot): it cannot go on the list.
modset-usage-unknown = There is no list called "{ $value }". Lists: domains, exempt, advertisers, ladder.
modset-usage-action = Write add or remove, e.g. <code>/modlist { $list } add …</code>.
modset-usage-domain = Write the domain, e.g. <code>/modlist domains { $action } example.com</code>.
