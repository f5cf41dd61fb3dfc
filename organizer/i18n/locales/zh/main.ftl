## General

language-name = 中文
error-generic = 抱歉，处理时出了点问题，请稍后再试。如果问题持续，请联系群管理员。
error-database-unavailable = 抱歉，系统正在短暂维护，刚才的操作没有保存。请在一分钟后重试。
error-not-for-you = 这个按钮不是给您的。
error-stale-button = 这个按钮已失效，请重新发送命令。
error-admins-only = 只有本群管理员可以这样做。
error-group-only = 请在群组中使用这个命令。
error-private-only = 请在与我的私聊中使用这个命令。
error-group-unknown = 我还不认识这个群。请把我重新加入群组，然后由管理员发送 /setup。

## /start and /help

start-welcome =
    👋 您好，{ $name }！我是 <b>Organizer</b>，公司培训群的管理助手。
    我按照《培训行业群管理制度》帮助群组运行：活动从策划到总结、成员入群审核、群规提醒与执行、通知发布、考核统计。
start-next-steps =
    • 管理员：把我加入群组并设为管理员，然后在群里发送 /setup。
    • 成员：在群里发送 /rules 查看群规。
    发送 /help 查看您可以使用的全部命令。

help-title = <b>Organizer 使用帮助</b>
help-member =
    <b>所有成员</b>
    /start — 开始与我私聊（这样我才能私下提醒您）
    /help — 显示本帮助
    /rules — 查看本群群规（在群里发送）
    /lang — 选择语言：私聊中设置您自己的语言，群里由管理员设置群语言

    <b>活动</b>
    /propose — 发起活动（研讨会、经验分享、案例分析）：在群里发送，我会私聊引导您逐步填写，草稿随时保存
    /events — 本群近期活动（在群里发送）；在活动公告上点「参加 / 可能 / 不参加」报名，名额满时自动候补
    /myevents — 我报名的活动（私聊）
    /calendar — 在群里：本群活动日历文件 .ics；在私聊：日历订阅链接（我的活动和各群）；公告上的「加入日历」把单个活动发给您
    /checkin 签到码 — 线下活动签到（私聊）；线上活动在公告上点「签到」
    /manage — 修改或取消您发起的活动（私聊）：时间、地点、名额；已回复的成员都会收到通知
    /survey — 继续填写活动反馈问卷（私聊）；活动结束后签到的成员会收到问卷
    /notes — 为您组织的活动补充纪要或资料（私聊选择活动；或在群里回复活动公告），会写入活动总结
help-members =
    <b>成员与建议</b>
    /feedback 内容 — 向群管理员提建议（在群里发送时命令会自动删除；私聊也可以）
    /away 天数 — 休假（1–90 天），期间不会因未发言被提醒或移出；/away off 取消
    /lost — 报告账号被盗或丢失：共同群组的管理员会立即收到警报，可一键在所有群限制该账号
help-admin =
    <b>群管理员</b>
    /setup — 在群里设置群类型、时区和语言，并检查我缺少的管理权限
    /lang — 在群里设置本群语言
    /settings — 查看并修改本群设置：入群审批期限（可按成员类型）、回归成员免审批、欢迎超时、不活跃清理天数与自动移出等；/settings 名称 值 修改，/settings 名称 default 恢复默认
    审核活动：成员提交的活动提案会私信发给您（批准 / 驳回并说明原因 / 要求修改）；管理员发起的活动直接发布
    /manage — 修改或取消本群任何活动
    /attendance — 更正活动出勤记录、查看签到码、获取总结和导出文件（私聊）
    <b>入群审批</b>
    /invite — 创建需申请入群的邀请链接（需「邀请用户」权限；本群随即要求入群申请）。申请人会被私聊询问身份（员工/合作伙伴/学员）与担保人，审批卡片发给对应审批人
    /approvers — 查看入群审批人；/approvers add employee|partner|student @用户名 [备注]（或回复成员消息），/approvers remove … @用户名
    期限：申请默认 24 小时未处理即升级给管理员，72 小时自动拒绝（/settings 可修改）
    <b>新成员与群规</b>
    新成员需点击「我已阅读并接受」群规后才能发言，默认 24 小时内未接受将被移出
    /setrules 群规 — 更新本群群规（也可回复一条消息发送），成员需确认新版本
    /rulesreminder off | weekly 星期(0=周一) HH:MM — 群规定期提醒（默认每周一 09:00）
    <b>不活跃成员清理</b>
    每天检查：默认 30 天未发言先提醒，再过 7 天仍未发言，管理员收到一张清理卡片（全部移出/选择移出/保留），也可用 /settings 改为自动移出或关闭。管理员、审批人和休假成员不在其列
    /surveyq 序号 新问题 — 修改本群反馈问卷的问题措辞（在群里发送；「/surveyq 2 -」恢复默认）
    提示：把我设为管理员并授予「删除消息」「限制成员」「邀请用户」「置顶消息」权限，各项功能才能完整工作。
help-org-admin = 您是组织管理员：您可以管理我所在的所有群组。
help-footer = 群规依据公司《培训行业群管理制度》。有问题请联系群管理员。

## Group lifecycle

group-bot-added =
    感谢把我加入「{ $title }」！
    请群管理员发送 /setup 完成设置（群类型、时区、语言）。在此之前，群规按制度默认版本执行，可用 /rules 查看。
group-needs-setup = 本群尚未完成设置，请管理员发送 /setup。

## /setup

setup-ask-kind =
    <b>第 1 步（共 3 步）：群类型</b>
    本群属于哪一类？类型决定默认的管理策略（例如学员服务群的隐私保护最严格）。
setup-ask-timezone =
    <b>第 2 步（共 3 步）：时区</b>
    活动时间和提醒都按本群时区显示。请选择，或点「其他」后直接发送时区名称（例如 Asia/Tokyo）。
setup-ask-timezone-typed = 请发送时区名称，例如 <code>Asia/Tokyo</code> 或 <code>Europe/Berlin</code>。发送 /cancel 取消。
setup-timezone-invalid = 「{ $value }」不是有效的时区名称。请发送类似 <code>Asia/Shanghai</code> 的名称（区分大小写），或点选上面的按钮。
setup-ask-language =
    <b>第 3 步（共 3 步）：语言</b>
    本群中我使用哪种语言？
setup-cancelled = 已取消输入时区，可以继续点选按钮。
setup-done =
    ✅ <b>设置完成</b>
    群类型：{ $kind }
    时区：{ $timezone }（当地时间 { $local_time }）
    语言：{ $language }
setup-rights-ok = 我拥有所需的全部管理权限。
setup-rights-missing =
    ⚠️ 我还缺少以下管理权限，相关功能将无法工作：
    { $rights }
    请在群设置 → 管理员中为我开启。
setup-not-admin-bot =
    ⚠️ 我还不是本群管理员。请把我设为管理员并授予：
    { $rights }
setup-option-other = 其他…
setup-step-saved = 已保存。

kind-project = 项目组群
kind-student_service = 学员服务群
kind-industry_exchange = 行业交流群
kind-unset = 未设置

right-can_delete_messages = 删除消息（处理违规内容）
right-can_restrict_members = 限制成员（禁言、移除）
right-can_invite_users = 邀请用户（邀请链接与入群审核）
right-can_pin_messages = 置顶消息（重要通知）

## /rules

rules-title = <b>「{ $title }」群规</b>
rules-title-default = <b>群规（公司默认版本）</b>
rules-default =
    <b>基本原则</b>
    1. 合法性：遵守国家法律法规，不发布违法违规、有害信息。
    2. 真实性：发布的信息应真实可靠，不传播虚假、误导性内容。
    3. 专业性：围绕培训业务交流，分享专业知识、经验和见解。
    4. 文明性：文明交流，尊重他人观点，不使用侮辱性、攻击性语言。

    <b>禁止行为</b>
    1. 发布违法违规信息：色情、暴力、赌博、诈骗、反动等内容。
    2. 传播谣言与虚假信息。
    3. 恶意刷屏：连续发送大量无意义信息。
    4. 未经管理员同意发布商业广告、推销产品或服务。
    5. 人身攻击与辱骂。

    <b>信息安全</b>
    涉及公司机密、学员隐私等敏感信息，不得在群内随意发布。
rules-footer = 依据《培训行业群管理制度》。违反群规将按规定提醒、禁言直至移出群组。

## /lang

lang-choose = 请选择语言 / Choose a language:
lang-set-private = 好的，我会用中文和您私聊。
lang-set-group = 好的，本群今后使用中文。

## Commands (menu descriptions)

cmd-start = 开始使用
cmd-help = 帮助
cmd-rules = 查看群规
cmd-lang = 选择语言
cmd-setup = 设置本群（管理员）
cmd-propose = 发起活动
cmd-events = 近期活动
cmd-myevents = 我的活动
cmd-calendar = 活动日历
cmd-manage = 管理我的活动
cmd-checkin = 活动签到
cmd-survey = 填写反馈问卷
cmd-attendance = 出勤与导出
cmd-notes = 活动纪要
cmd-surveyq = 修改问卷问题（管理员）
cmd-feedback = 向管理员提建议
cmd-away = 休假（暂停不活跃提醒）
cmd-lost = 报告账号被盗
cmd-invite = 创建入群申请链接（管理员）
cmd-approvers = 入群审批人（管理员）
cmd-setrules = 更新群规（管理员）
cmd-rulesreminder = 群规提醒设置（管理员）

## Scheduled notices

notice-with-mention = { $mention }：{ $text }
