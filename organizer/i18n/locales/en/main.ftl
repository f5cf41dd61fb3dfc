## General

language-name = English
error-generic = Sorry, something went wrong while handling that. Please try again later; if it keeps happening, contact a group admin.
error-database-unavailable = Sorry, the system is briefly unavailable and that was not saved. Please try again in a minute.
error-not-for-you = This button is not for you.
error-stale-button = This button has expired. Please send the command again.
error-admins-only = Only this group's admins can do that.
error-group-only = Please use this command in a group.
error-private-only = Please use this command in a private chat with me.
error-group-unknown = I don't know this group yet. Add me to the group again, then an admin sends /setup.

## /start and /help

start-welcome =
    👋 Hello, { $name }! I am <b>Organizer</b>, the assistant for the company's training groups.
    I run groups by the Training Group Charter: activities from proposal to summary, approved joining, rules reminded and enforced, notices, and assessment statistics.
start-next-steps =
    • Admins: add me to your group as an admin, then send /setup in the group.
    • Members: send /rules in the group to read its rules.
    Send /help for every command you can use.

help-title = <b>Organizer help</b>
help-member =
    <b>Everyone</b>
    /start — start a private chat with me (so I can remind you privately)
    /help — show this help
    /rules — show the group's rules (send it in the group)
    /lang — choose a language: in private for yourself; in a group, admins set the group's language

    <b>Activities</b>
    /propose — propose an activity (seminar, experience sharing, case analysis): send it in the group and I guide you step by step in private; the draft is saved as you go
    /events — the group's upcoming activities (in the group); press Going / Maybe / Can't go on an announcement; when it is full you join the waitlist
    /myevents — the activities you answered (private)
    /calendar — in a group: the group's calendar file .ics; in private: calendar subscription links (my activities and each group); "Add to calendar" on an announcement sends you one activity
    /checkin CODE — check in to an in-person activity (private); online ones have a Check in button on the announcement
    /manage — change or cancel an activity you organise (private): time, place, capacity; everyone who answered is told
    /survey — continue an activity's feedback survey (private); members who checked in get it after the end
    /notes — add minutes or materials to an activity you organise (private, choose the activity; or in the group, reply to its announcement); they go into the summary
help-members =
    <b>Members and suggestions</b>
    /feedback TEXT — a suggestion to the group's admins (in a group the command is deleted; works in private too)
    /away DAYS — on leave (1–90 days): no inactivity reminders or removal meanwhile; /away off ends it
    /lost — report a compromised or lost account: the admins of every shared group are alerted at once and can restrict it everywhere
help-admin =
    <b>Group admins</b>
    /setup — in the group: set its kind, timezone and language, and check which admin rights I lack
    /lang — in the group: set the group's language
    /settings — see and change this group's settings: join deadlines (also per member type), returning members without approval, the welcome timeout, the inactivity sweep and automatic removal, and more; /settings NAME VALUE changes one, /settings NAME default restores it
    Reviewing activities: members' proposals come to you privately (approve / reject with a reason / ask for changes); admins' own proposals are published directly
    /manage — change or cancel any activity of your groups
    /attendance — correct attendance, see the check-in code, get the summary and exports (private)
    <b>Joining by approval</b>
    /invite — create an invite link that makes join requests (needs "Invite users"; the group then requires requests). Applicants are asked privately who they are (employee / partner / student) and who vouches; the card goes to that approver
    /approvers — list join approvers; /approvers add employee|partner|student @username [label] (or reply to a member), /approvers remove … @username
    Deadlines: a request is escalated to the admins after 24 h and declined after 72 h by default (change them with /settings)
    <b>New members and rules</b>
    A newcomer can post only after pressing "I have read and accept"; not accepted within 24 h (by default) means removal
    /setrules RULES — replace the group's rules (or reply to a message with them); members are asked to acknowledge the new version
    /rulesreminder off | weekly WEEKDAY(0=Mon) HH:MM — the periodic rules reminder (default Monday 09:00)
    <b>Inactive members</b>
    Daily: members silent for 30 days (by default) are reminded; silent 7 days more, the admins get one card (Remove all / selected / Keep); /settings can make removal automatic or turn the sweep off. Admins, approvers and members on leave are exempt
    /surveyq N new question — reword this group's survey question N (in the group; "/surveyq 2 -" restores the default)
    Tip: make me an admin with the rights "Delete messages", "Ban users", "Invite users via link" and "Pin messages" so every feature works.
help-org-admin = You are an organisation admin: you can manage every group I am in.
help-footer = The rules follow the company's Training Group Charter. Questions? Ask a group admin.

## Group lifecycle

group-bot-added =
    Thanks for adding me to "{ $title }"!
    A group admin should now send /setup (group kind, timezone, language). Until then the charter's default rules apply; /rules shows them.
group-needs-setup = This group is not set up yet: an admin should send /setup.

## /setup

setup-ask-kind =
    <b>Step 1 of 3: group kind</b>
    Which kind of group is this? The kind sets the default policies (student-service groups, for example, protect private data most strictly).
setup-ask-timezone =
    <b>Step 2 of 3: timezone</b>
    Activity times and reminders are shown in the group's timezone. Pick one, or press "Other" and send a timezone name (e.g. Asia/Tokyo).
setup-ask-timezone-typed = Send a timezone name such as <code>Asia/Tokyo</code> or <code>Europe/Berlin</code>. Send /cancel to stop.
setup-timezone-invalid = "{ $value }" is not a timezone name I know. Send a name like <code>Asia/Shanghai</code> (case matters), or press one of the buttons above.
setup-ask-language =
    <b>Step 3 of 3: language</b>
    Which language should I use in this group?
setup-cancelled = Timezone input cancelled; you can keep pressing the buttons.
setup-done =
    ✅ <b>Setup complete</b>
    Kind: { $kind }
    Timezone: { $timezone } (local time { $local_time })
    Language: { $language }
setup-rights-ok = I have every admin right I need.
setup-rights-missing =
    ⚠️ I still lack these admin rights, and the features that need them will not work:
    { $rights }
    Please grant them in the group's settings → Administrators.
setup-not-admin-bot =
    ⚠️ I am not an admin of this group yet. Please make me an admin with:
    { $rights }
setup-option-other = Other…
setup-step-saved = Saved.

kind-project = Project group
kind-student_service = Student-service group
kind-industry_exchange = Industry-exchange group
kind-unset = not set

right-can_delete_messages = Delete messages (to act on violations)
right-can_restrict_members = Ban users (mute and remove)
right-can_invite_users = Invite users via link (invite links and join approval)
right-can_pin_messages = Pin messages (important notices)

## /rules

rules-title = <b>Rules of "{ $title }"</b>
rules-title-default = <b>Group rules (company default)</b>
rules-default =
    <b>Principles</b>
    1. Lawful: obey the law; post nothing illegal or harmful.
    2. Truthful: what you post must be true and reliable; no false or misleading content.
    3. Professional: keep to the training business; share knowledge, experience and insight.
    4. Civil: be courteous and respect other views; no insulting or aggressive language.

    <b>Prohibited</b>
    1. Illegal content: pornography, violence, gambling, fraud, subversion.
    2. Rumours and false information.
    3. Flooding: many meaningless messages in a row.
    4. Advertising or selling without an admin's consent.
    5. Personal attacks and abuse.

    <b>Information security</b>
    Company secrets and students' private data must not be posted in the group.
rules-footer = Based on the Training Group Charter. Breaking the rules leads to a reminder, then a mute, and finally removal from the group.

## /lang

lang-choose = 请选择语言 / Choose a language:
lang-set-private = Done: I will write to you in English.
lang-set-group = Done: this group now uses English.

## Commands (menu descriptions)

cmd-start = Get started
cmd-help = Help
cmd-rules = Show the group rules
cmd-lang = Choose a language
cmd-setup = Set up this group (admins)
cmd-propose = Propose an activity
cmd-events = Upcoming activities
cmd-myevents = My activities
cmd-calendar = Activity calendar
cmd-manage = Manage my activities
cmd-checkin = Check in to an activity
cmd-survey = Answer a feedback survey
cmd-attendance = Attendance and exports
cmd-notes = Activity notes
cmd-surveyq = Reword survey questions (admins)
cmd-feedback = Suggest something to the admins
cmd-away = On leave (pause inactivity reminders)
cmd-lost = Report a compromised account
cmd-invite = Invite link with approval (admins)
cmd-approvers = Join approvers (admins)
cmd-setrules = Update the rules (admins)
cmd-rulesreminder = Rules reminder (admins)

## Scheduled notices

notice-with-mention = { $mention }: { $text }
