## Activity summary (charter 七(三)): the message, the chart and the exports

summary-title = 📊 <b>活动总结｜{ $title }</b>
summary-when = 🗓 { $kind } · { $start } – { $end }（{ $timezone }）
summary-kind-seminar = 专题研讨
summary-kind-sharing = 经验分享
summary-kind-case-analysis = 案例分析
summary-kind-other = 其他活动
summary-rsvp = 👥 <b>报名</b>：参加 { $going } · 待定 { $maybe } · 不参加 { $no } · 候补 { $waitlist }
summary-capacity = 名额 { $capacity }
summary-attendance = ✅ <b>出勤</b>：签到 { $attended } 人，其中迟到 { $late } 人；出勤率 { $rate }（签到人数 ÷ 报名参加人数）
summary-no-shows = 🚫 缺席：报名参加但未签到 { $count } 人，缺席率 { $rate }
summary-survey = 📝 <b>反馈问卷</b>：收回 { $answers } / { $sent } 份，回收率 { $rate }
summary-ratings = ⭐ 平均评分（1–5 分）：总体 { $overall } · 内容 { $content } · 组织 { $organisation }
summary-histogram-title = 总体评分分布：
summary-no-answers = 暂未收到问卷反馈。
summary-trend-title = 📈 <b>与此前 { $count } 次同类活动相比</b>：{ $label }
summary-trend-attendance = 出勤率 { $change } 个百分点（{ $label }）
summary-trend-overall = 总体评分 { $change } 分（{ $label }）
summary-trend-better = 更好
summary-trend-worse = 更差
summary-trend-same = 持平
summary-trend-first = 📈 此前没有同类活动，暂无可比较的记录。
summary-comments-title = 💬 <b>精选评价</b>
summary-improvements-title = 🛠 <b>改进建议</b>
summary-item = • { $text }
summary-more = …另有 { $count } 条未显示（见导出文件）
summary-notes-title = 🗒 <b>组织者备注</b>

## Rating questions, RSVP answers and yes/no, shared by the message, the chart and the exports

summary-rating-overall = 总体
summary-rating-content = 内容
summary-rating-organisation = 组织
summary-rsvp-going = 参加
summary-rsvp-maybe = 待定
summary-rsvp-no = 不参加
summary-rsvp-waitlist = 候补
summary-rsvp-none = 未报名
summary-bool-yes = 是
summary-bool-no = 否

## Attendance export (CSV and the XLSX sheets)

summary-col-name = 姓名
summary-col-username = @用户名
summary-col-rsvp = 报名
summary-col-checked-in = 签到时间（当地）
summary-col-late = 迟到
summary-col-answered = 已填问卷
summary-col-good = 做得好的
summary-col-improve = 需改进的
summary-figure-label = 项目
summary-figure-value = 数值
summary-figure-title = 活动
summary-figure-kind = 类型
summary-figure-starts = 开始时间（当地）
summary-figure-ends = 结束时间（当地）
summary-figure-timezone = 时区
summary-figure-capacity = 名额
summary-figure-going = 报名参加
summary-figure-maybe = 待定
summary-figure-no = 不参加
summary-figure-waitlist = 候补
summary-figure-attended = 签到人数
summary-figure-late = 迟到人数
summary-figure-no-shows = 缺席人数
summary-figure-no-show-rate = 缺席率
summary-figure-attendance-rate = 出勤率
summary-figure-surveys-sent = 问卷发出
summary-figure-answers = 问卷收回
summary-figure-response-rate = 回收率
summary-figure-average-overall = 平均分：总体
summary-figure-average-content = 平均分：内容
summary-figure-average-organisation = 平均分：组织

## Chart

summary-chart-ratings-title = 评分分布
summary-chart-stars = 评分（星）
summary-chart-people = 人数
summary-chart-trend-title = 与此前同类活动比较
summary-chart-attendance-rate = 出勤率
summary-chart-average-overall = 总体平均分
summary-chart-this = 本次
