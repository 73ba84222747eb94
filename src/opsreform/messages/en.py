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
    "diff.added": "{label} ({day:date}, session {id}): added",
    "diff.removed": "{label} ({day:date}, session {id}): removed from the schedule",
    "diff.moved": "{label} (session {id}): moved from {old_day:date} to {new_day:date}",
    "diff.retimed": (
        "{label} ({day:date}, session {id}): re-timed from {old_slots} to {new_slots}"),
    "diff.venue": (
        "{label} ({day:date}, session {id}): venue changed from {old_venues:list} to "
        "{new_venues:list}"),
    "diff.cancelled": "{label} ({day:date}, session {id}): cancelled",
    "diff.reinstated": "{label} ({day:date}, session {id}): reinstated (no longer cancelled)",
    "diff.none": "no changes",
    "notice.late": (
        "{label} ({first:date}) was announced only in the table of {published:date} "
        "(table {table}): on or after its day"),
    "notice.short-calendar": (
        "{label} ({first:date}) was announced {notice} days ahead (table of "
        "{published:date}); the project requires at least {min_days} days"),
    "notice.short-working": (
        "{label} ({first:date}) was announced {notice} working days ahead (table of "
        "{published:date}); the project requires at least {min_days} working days"),
    "notice.undated": (
        "table {table} has no publication date, so the notice of its sessions ({count}) "
        "is not known"),
    "notice.no-minimum": (
        "the project sets no minimum notice ([rules.notice] min_days); the shortest in "
        "the table of {published:date}: {notice} days — {label} ({first:date}, session "
        "{id})"),
    # --- amendments, durations, programmes, calls (issue 15) ---
    # --- delivery, attendance, indicators (issue 15) ---
}
