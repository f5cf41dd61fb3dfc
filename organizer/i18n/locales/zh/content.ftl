## Material library (/materials)

content-materials-title = <b>「{ $group }」资料库</b>（最新 { $count } 条）
content-materials-line = { $n }. <a href="{ $link }">{ $title }</a> { $tag } · { $date }
content-materials-none = 没有找到相关资料。可按分类查找：{ $tags }
content-materials-usage = 用法：/materials [标签] [关键词]，例如 /materials 资料 课件
content-materials-untagged = 文件

## Open questions (/questions)

content-questions-title = <b>「{ $group }」待回答的问题</b>（{ $count } 个）
content-questions-line = { $n }. <a href="{ $link }">{ $text }</a> — { $asker }，{ $age }
content-questions-age-minutes = { $minutes } 分钟前
content-questions-age-hours = { $hours } 小时前
content-questions-age-days = { $days } 天前
content-questions-none = 目前没有待回答的问题 👍
content-questions-hint = 直接回复问题即可作答；提问者可回复最佳回答并发送 /best。

## Experts (/experts)

content-experts-title = <b>「{ $group }」的专家</b>
content-experts-line = • { $name }
content-experts-none = 本群还没有设置专家。
content-experts-usage = 用法：/experts list；管理员：/experts add @用户名（或回复该成员的消息发送 /experts add），/experts remove @用户名
content-experts-added = 已将 { $name } 设为本群专家：长时间无人回答的问题会通知 TA。
content-experts-already = { $name } 已经是本群专家。
content-experts-removed = 已将 { $name } 移出本群专家。
content-experts-not-listed = { $name } 不是本群专家。
content-experts-unknown-user = 我还不认识 { $username }。请回复该成员的一条消息再发送命令。

## Best answer (/best)

content-best-usage = 请回复别人对您问题的回答，再发送 /best，把它标为最佳答案。
content-best-marked = ✅ 已将 { $name } 的回答标为最佳答案，问题已关闭。谢谢！
content-best-not-asker = 只有提问者可以选择最佳答案。
content-best-not-an-answer = 这条消息不是对某个问题的回答。请回复对您问题的回答再发送 /best。

## Question tracking (private or in-group notices)

content-question-answered = 您在「{ $group }」提的问题有人回答了：<a href="{ $link }">查看回答</a>。如果这是最佳答案，请在群里回复该回答并发送 /best。
content-question-raise =
    <b>「{ $group }」有一个问题 { $hours } 小时仍无人回答</b>
    { $asker } 问：<a href="{ $link }">{ $text }</a>
    请抽空在群里回复该消息。
content-question-raise-group = { $mentions }：{ $asker } 的问题已等待 { $hours } 小时，请帮忙回答：<a href="{ $link }">{ $text }</a>

## News quota (charter 三(三))

content-news-deferred-post =
    { $text }

    （代 { $author } 发布）
content-news-over-quota =
    「{ $group }」今天的行业资讯已达 { $quota } 条上限，您的帖子已从群里撤下。内容不会丢失：我会在 { $slot } 代您发布。
    原文：
    { $text }
content-news-over-quota-group = { $mention }：今天的行业资讯已达 { $quota } 条上限，您的帖子将于 { $slot } 由我代为发布。
content-news-over-quota-resend = 「{ $group }」今天的行业资讯已达 { $quota } 条上限，您的帖子已从群里撤下。请在 { $slot } 之后重新发布。

## Help (added to /help)

help-content =
    <b>资料与问答</b>
    分类标签：#进展 #资料 #反馈 #案例 #政策 #趋势 #经验 #通知 #提醒（也可用英文 #progress #material #feedback #case #policy #trend #experience #notice #reminder）。带标签的帖子和群里分享的文件自动进入资料库
    /materials [标签] [关键词] — 搜索本群资料库（在群里发送），例如 /materials 资料 课件
    /questions — 本群待回答的问题（以问号结尾或带 #问题 的消息会被跟踪；直接回复即可作答）
    /best — 回复别人对您问题的回答并发送，标为最佳答案
    行业资讯（#政策 #趋势 #经验）每群每天有数量上限，超出的帖子会撤下并在下一个空档由我代发
help-content-admin =
    <b>专家与问答</b>
    /experts — 本群专家：/experts add @用户名（或回复成员消息）、/experts remove @用户名、/experts list。问题数小时无人回答时，管理员和专家会收到提醒
    /feature — 回复成员的优质分享并发送，标为精选（计入其积分，未分类的帖子也会收入资料库）；/unfeature 取消精选。成员对分享的回复和点赞也计入分享质量
cmd-materials = 搜索本群资料库
cmd-questions = 本群待回答的问题
cmd-experts = 管理本群专家（管理员）
cmd-feature = 回复分享，标为精选（管理员）

## Featured shares (/feature, /unfeature)

content-feature-usage = 请回复成员的帖子或文件，再发送 /feature 标为精选（/unfeature 取消）。
content-feature-done = ⭐ 已将 { $name } 的分享「{ $title }」标为精选，计入其分享积分。谢谢分享！
content-feature-already = 「{ $title }」已经是精选分享了。
content-feature-undone = 已取消「{ $title }」的精选标记。
content-feature-not-featured = 这条消息不是精选分享，无需取消。
content-feature-own = 精选用于表彰他人的分享，不能标记自己的消息。
content-feature-nothing = 这条消息没有可收入资料库的文字或文件，无法标为精选。
