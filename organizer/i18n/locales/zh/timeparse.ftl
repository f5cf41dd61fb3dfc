## Typed dates, times and durations (organizer/timeparse)

timeparse-empty = 请输入时间，例如 <code>明天 19:30</code>。
timeparse-unknown =
    无法识别「{ $value }」。请按以下格式之一输入日期和时间：
    <code>明天 19:30</code>、<code>12月1日 晚上7点半</code>、<code>下周三 14:00</code>、<code>2026-12-01 19:30</code> 或 <code>2小时后</code>。
timeparse-time-unknown = 无法识别时间「{ $value }」。请这样写：<code>19:30</code>、<code>晚上7点半</code> 或 <code>下午3点</code>。
timeparse-duration-unknown = 无法识别时长「{ $value }」。请这样写：<code>90分钟</code>、<code>1.5小时</code>、<code>1小时30分</code> 或 <code>2h</code>；只写数字表示分钟。
timeparse-end-unknown =
    无法识别结束时间「{ $value }」。请写结束时间或时长：
    <code>21:00</code>、<code>晚上9点</code>、<code>明天 10:00</code>，或 <code>90分钟</code>、<code>2小时</code>。
timeparse-invalid-date = 日期不存在：没有 { $year }年{ $month }月{ $day }日 这一天。请检查月份（1–12）和该月的天数，例如 <code>12月1日 19:30</code>。
timeparse-invalid-time = 「{ $value }」不是有效的时间：小时为 0–23，分钟为 0–59。例如 <code>19:30</code>、<code>晚上7点半</code>；半夜请写 <code>凌晨1点</code>。
timeparse-time-missing = 「{ $value }」只有日期，还缺具体时间。请加上时间，例如 <code>{ $value } 19:30</code>。
timeparse-in-past = 这个时间已经过去了：{ $when }（现在是 { $now }）。请输入将来的时间，例如 <code>明天 19:30</code>。
timeparse-end-before-start =
    结束时间 { $end } 不晚于开始时间 { $start }。请输入开始之后的时间或一个时长（例如 <code>90分钟</code>）。
    如果活动跨过午夜，请写完整的日期和时间（例如 <code>12月2日 01:00</code>）或时长。
timeparse-duration-invalid = 时长「{ $value }」无效：必须大于 0，且不超过 { $max_days } 天。例如 <code>90分钟</code> 或 <code>2小时</code>。
