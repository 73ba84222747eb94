"""Every sentence a finding says, in English (``--lang en``).

The same keys as :mod:`opsreform.messages.pl`, in the same order.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- common ---
    "not-checked": "not checked: {why}",
    # --- schedule rules (rules/schedule.py) ---
    "summer-break.unknown-year": (
        "the break cannot be checked in {year}: the holidays package has no Polish school "
        "holidays for that year"),
    "summer-break.in-break": (
        "“{label}” ({day:date}) falls in the break the project declared ({months:months}) "
        "for: {kind:kinds}"),
    "summer-break.in-school-break": (
        "“{label}” ({day:date}) falls in the break the project declared (school summer "
        "holidays) for: {kind:kinds}"),
    "public-holiday.holiday": (
        "{label} ({first:date}) is planned on a statutory public holiday ({name})"),
    "public-holiday.closed": (
        "{label} ({first:date}) is planned on a day the centre is closed"),
    "public-holiday.lieu": (
        "{label} ({first:date}) is planned on a day off given for the holiday "
        "{holiday:date} (Labour Code art. 130 § 2)"),
    "weekend.day": (
        "{label} ({first:date}) falls on a day the centre does not work ({day:weekday})"),
    "outside-period.no-period": (
        "the project period is not stated, so sessions cannot be checked against it"),
    "outside-period.project": (
        "{label} ({first:date}) lies outside the project period {start:date} – {end:date}"),
    "outside-period.signed": (
        "{label} ({first:date}) takes place before contract {contract} was signed "
        "({bound:date})"),
    "outside-period.opens": (
        "{label} ({first:date}) takes place before contract {contract} begins "
        "({bound:date})"),
    "outside-period.closes": (
        "{label} ({first:date}) takes place after contract {contract} ends ({bound:date})"),
    "double-booking.venue": (
        "venue {venue} is booked twice at the same time: {label_2} and {label} "
        "(session {id}), {day:date}"),
    "double-booking.person": (
        "{person} has two sessions at the same time: {label_2} and {label} "
        "(session {id}), {day:date}"),
    "double-booking.person-apart": (
        "{person} has two sessions at the same time at different venues: {label_2} and "
        "{label} (session {id}), {day:date}"),
    "hours-exceeded.no-limit": "the contract states neither a number of hours nor of sessions",
    "hours-exceeded.count": (
        "contract {contract} has {count} sessions scheduled but covers {sessions}; the "
        "first over the limit is {id} ({first:date})"),
    "hours-exceeded.hours": (
        "contract {contract} has {scheduled:num} {unit:unit} scheduled but covers "
        "{held:num}; the limit is exceeded at session {id} ({first:date})"),
    "hours-exceeded.unknown": "the hours of {count} sessions are not stated ({ids:list})",
    "numbering.repeat": "number {number} occurs {count} times",
    "numbering.gap": "number {missing:list} is missing (numbering goes up to {top})",
    "numbering.gaps": "numbers {missing:list} are missing (numbering goes up to {top})",
    "numbering.excerpt": (
        "the document gives only an excerpt of the activity table, so gaps in its "
        "numbering were not checked"),
    # --- funding rules (rules/funding.py) ---
    # --- organisation rules (rules/organisation.py) ---
    # --- activity rules (rules/activities.py) ---
    # --- reading notes (checks.py, files/) ---
    # --- people, groups, absences, person-hours (issue 14) ---
    # --- planning (planning.py) ---
    # --- versions, diff, notice (issue 15) ---
    # --- amendments, durations, programmes, calls (issue 15) ---
    "call-period.no-period": "the project period is not stated",
    "call-period.no-programme": (
        "the project's programme is not stated (neither by name nor in a call or agreement "
        "number), so it is not known when its expenditure is eligible"),
    "call-period.unknown-programme": (
        "the programme “{programme}” is not known, so it is not known when its expenditure "
        "is eligible"),
    "call-period.programme-window": (
        "the call's period is not stated; checked against the period of the programme "
        "{programme}"),
    "call-period.outside": "the project period {period:period} leaves {window:period}",
    "call-period.outside-amended": (
        "the project period {period:period} as amended on {signed:date} leaves "
        "{window:period}"),
    "call-period.agreement-late": (
        "the funding agreement was signed on {signed:date}, after the project ended"),
    "durability.no-period": (
        "the project period is not stated, so {months} months of durability cannot be "
        "placed"),
    "durability.no-start": (
        "the project runs {duration} months, but its start is not stated, so {months} "
        "months of durability cannot be placed"),
    "durability.period": "results must be kept for {months} months: {period:days}",
    "durability.period-amended": (
        "results must be kept for {months} months: {period:days} (from the end of the "
        "project period as amended on {signed:date})"),
    "durability.contract": (
        "contract {contract} runs until {last:date}, in the durability period, when the "
        "project no longer funds it"),
    "duration.mismatch": (
        "the project period {period:days} does not last the stated {months} months: "
        "{months} months from {start:date} end on {end:date}"),
    "duration.contract": (
        "the period {period:days} of contract {contract} does not last the stated {months} "
        "months: {months} months from {start:date} end on {end:date}"),
    "programme.mismatch": (
        "the programme stated as “{stated}” is not {programme}, which the prefix {code} of "
        "number {number} points to"),
    "agreement-number.programme": (
        "call number {call} points to the programme {call_programme}, agreement number "
        "{number} to {programme}"),
    "agreement-number.call-misprint": (
        "call number “{written}” has one digit too many in its group {group} (from "
        "character {position}: “{digits}”); it was read as {read}"),
    "agreement-number.misprint": (
        "agreement number “{written}” has one digit too many in its group {group} (from "
        "character {position}: “{digits}”); it was read as {read}"),
    "agreement-number.action": (
        "agreement {number} is for axis {axis} and action {action}, but call {call} for "
        "axis {call_axis} and action {call_action}"),
    "agreement-number.no-call": (
        "the call number is not stated, so the agreement number was not compared with it"),
    "amendment.after-end": (
        "the amendment of {signed:date} changes the project period after it ended "
        "({end:date})"),
    # --- delivery, attendance, indicators (issue 15) ---
}
