# 每月表彰（章程八）：群内表彰帖与提前发给管理员的名单。
commendations-month = { $year }年{ $month }月
commendations-title = 🌟 <b>感谢大家！{ $month }贡献之星</b>
commendations-item = { $medal } { $name } — { $points } 分，特别感谢其{ $main }
commendations-item-plain = { $medal } { $name } — { $points } 分
commendations-closing = 感谢每一位成员本月的付出——每一次发言、分享和解答都让群更好。继续加油！👏
commendations-main-participation = 积极参与讨论
commendations-main-share_quality = 分享优质资料
commendations-main-answers = 热心解答同事的问题
commendations-main-compliance = 模范遵守群规
commendations-main-activities = 踊跃参加和组织活动
commendations-preview-title = 🌟 <b>“{ $group }” { $month }表彰名单</b> — 将于 { $when } 在群内发布：
commendations-preview-note = 以上成员将被表彰（按本月目前的得分）。如本月不发布，请在此之前点击“本月跳过”。
commendations-skip-button = 本月跳过
commendations-skipped = “{ $group }” { $month }的表彰将不会发布。
