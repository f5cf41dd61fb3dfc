## Material library (/materials)

content-materials-title = <b>Library of “{ $group }”</b> (latest { $count })
content-materials-line = { $n }. <a href="{ $link }">{ $title }</a> { $tag } · { $date }
content-materials-none = Nothing found. You can search by category: { $tags }
content-materials-usage = Usage: /materials [tag] [words], e.g. /materials material slides
content-materials-untagged = file

## Open questions (/questions)

content-questions-title = <b>Open questions in “{ $group }”</b> ({ $count })
content-questions-line = { $n }. <a href="{ $link }">{ $text }</a> — { $asker }, { $age }
content-questions-age-minutes = { $minutes } min ago
content-questions-age-hours = { $hours } h ago
content-questions-age-days = { $days } days ago
content-questions-none = No open questions right now 👍
content-questions-hint = Reply to a question to answer it; the asker can reply to the best answer with /best.

## Experts (/experts)

content-experts-title = <b>Experts of “{ $group }”</b>
content-experts-line = • { $name }
content-experts-none = This group has no experts yet.
content-experts-usage = Usage: /experts list; admins: /experts add @username (or reply to the member's message with /experts add), /experts remove @username
content-experts-added = { $name } is now an expert of this group: questions nobody answers in time will be raised to them.
content-experts-already = { $name } is already an expert of this group.
content-experts-removed = { $name } is no longer an expert of this group.
content-experts-not-listed = { $name } is not an expert of this group.
content-experts-unknown-user = I do not know { $username } yet. Please reply to one of their messages with the command.

## Best answer (/best)

content-best-usage = Reply to someone's answer to your question with /best to mark it as the best answer.
content-best-marked = ✅ The answer by { $name } is marked as the best answer and the question is closed. Thank you!
content-best-not-asker = Only the person who asked can choose the best answer.
content-best-not-an-answer = That message is not an answer to a question. Reply to an answer to your question with /best.

## Question tracking (private or in-group notices)

content-question-answered = Your question in “{ $group }” has an answer: <a href="{ $link }">see the answer</a>. If it is the best one, reply to it in the group with /best.
content-question-raise =
    <b>A question in “{ $group }” has had no answer for { $hours } hours</b>
    { $asker } asks: <a href="{ $link }">{ $text }</a>
    Please reply to it in the group when you can.
content-question-raise-group = { $mentions }: { $asker }'s question has been waiting for { $hours } hours, can you help? <a href="{ $link }">{ $text }</a>

## News quota (charter 三(三))

content-news-deferred-post =
    { $text }

    (posted on behalf of { $author })
content-news-over-quota =
    “{ $group }” has reached today's limit of { $quota } industry-news posts, so your post was taken down. Nothing is lost: I will post it for you at { $slot }.
    Your text:
    { $text }
content-news-over-quota-group = { $mention }: today's limit of { $quota } industry-news posts is reached; I will post yours on your behalf at { $slot }.
content-news-over-quota-resend = “{ $group }” has reached today's limit of { $quota } industry-news posts, so your post was taken down. Please post it again after { $slot }.

## Help (added to /help)

help-content =
    <b>Materials and questions</b>
    Category tags: #progress #material #feedback #case #policy #trend #experience #notice #reminder (or in Chinese #进展 #资料 #反馈 #案例 #政策 #趋势 #经验 #通知 #提醒). Tagged posts and files shared in the group go into the library
    /materials [tag] [words] — search the group's library (in the group), e.g. /materials material slides
    /questions — the group's open questions (messages ending in a question mark or tagged #question are tracked; reply to answer)
    /best — reply to an answer to your question to mark it as the best answer
    Industry news (#policy #trend #experience) is capped per group and day; a post over the cap is taken down and I post it at the next free slot
help-content-admin =
    <b>Experts and questions</b>
    /experts — the group's experts: /experts add @username (or reply to a member's message), /experts remove @username, /experts list. When a question has had no answer for some hours, admins and experts are alerted
    /feature — reply to a member's valuable share to mark it as featured (it counts toward their score; an untagged post also goes into the library); /unfeature takes the mark back. Members' replies and reactions to a share count toward its quality too
cmd-materials = Search the group's library
cmd-questions = Open questions in this group
cmd-experts = The group's experts (admins)
cmd-feature = Mark a share as featured (admins, by reply)

## Featured shares (/feature, /unfeature)

content-feature-usage = Reply to a member's post or file and send /feature to mark it as featured (/unfeature takes it back).
content-feature-done = ⭐ { $name }'s share “{ $title }” is now featured and counts toward their share score. Thanks for sharing!
content-feature-already = “{ $title }” is already featured.
content-feature-undone = “{ $title }” is no longer featured.
content-feature-not-featured = That message is not a featured share; there is nothing to take back.
content-feature-own = Featuring is for recognising others' shares; you cannot feature your own message.
content-feature-nothing = That message has no text or file to keep in the library, so it cannot be featured.
