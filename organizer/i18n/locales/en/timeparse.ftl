## Typed dates, times and durations (organizer/timeparse)

timeparse-empty = Please type a time, for example <code>tomorrow 19:30</code>.
timeparse-unknown =
    I cannot read "{ $value }" as a date and time. Please use one of these forms:
    <code>tomorrow 19:30</code>, <code>Dec 1 7:30pm</code>, <code>next wed 14:00</code>, <code>2026-12-01 19:30</code> or <code>in 2 hours</code>.
timeparse-time-unknown = I cannot read "{ $value }" as a time of day. Write it like <code>19:30</code>, <code>7:30pm</code> or <code>3 pm</code>.
timeparse-duration-unknown = I cannot read "{ $value }" as a duration. Write it like <code>90 min</code>, <code>1.5 hours</code>, <code>1h30m</code> or <code>2h</code>; a number alone means minutes.
timeparse-end-unknown =
    I cannot read "{ $value }" as an end. Give an end time or a duration:
    <code>21:00</code>, <code>9pm</code>, <code>tomorrow 10:00</code>, or <code>90 min</code>, <code>2h</code>.
timeparse-invalid-date = There is no such date as { $year }-{ $month }-{ $day } (year-month-day). Please check the month (1–12) and the days in that month, for example <code>Dec 1 19:30</code>.
timeparse-invalid-time = "{ $value }" is not a valid time: hours go from 0 to 23 and minutes from 0 to 59. For example <code>19:30</code> or <code>7:30pm</code>.
timeparse-time-missing = "{ $value }" is a day without a time. Please add the time, for example <code>{ $value } 19:30</code>.
timeparse-in-past = That time has already passed: { $when } (it is now { $now }). Please give a time in the future, for example <code>tomorrow 19:30</code>.
timeparse-end-before-start =
    The end, { $end }, is not after the start, { $start }. Please give a later time or a duration (for example <code>90 min</code>).
    If it runs past midnight, give the date as well (for example <code>Dec 2 01:00</code>) or a duration.
timeparse-duration-invalid = The duration "{ $value }" is not possible: it must be more than 0 and at most { $max_days } days. For example <code>90 min</code> or <code>2h</code>.
