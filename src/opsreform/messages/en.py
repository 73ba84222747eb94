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
    "separation.combined-social-work": (
        "unit “{unit}” combines social work with the procedure of granting benefits by "
        "decision, which is exactly what the reorganisation separates (art. 110a)"),
    "separation.combined-services": (
        "unit “{unit}” combines services with the procedure of granting benefits by "
        "decision; the model separates them (art. 110a)"),
    # --- activity rules (rules/activities.py) ---
    # --- reading notes (checks.py, files/) ---
    # --- people, groups, absences, person-hours (issue 14) ---
    # --- planning (planning.py) ---
    "planning.refused": (
        "only {found} of the {needed} sessions fit between {start:date} and {end:date}"),
    "planning.refused-by": "{rule} refuses {days} day(s), the first {first:date}",
    # --- versions, diff, notice (issue 15) ---
    # --- amendments, durations, programmes, calls (issue 15) ---
    # --- delivery, attendance, indicators (issue 15) ---
    "indicators.below-target": (
        "indicator “{name}”: {achieved:num} of the target {target:num}{unit} achieved, and "
        "the project period ended on {end:date}"),
    "indicators.undecided": (
        "what indicator “{name}” achieved is unknown: {count} sessions past their date are "
        "still marked planned, so whether they were held is unknown ({ids:list})"),
    "indicators.unnamed": (
        "how many people indicator “{name}” reached is unknown: {count} delivered sessions "
        "do not name everyone who attended ({ids:list})"),
    "indicators.no-hours": (
        "how many hours indicator “{name}” counts is unknown: {count} delivered sessions "
        "state no hours ({ids:list})"),
    "indicators.not-stated": (
        "the project does not state what indicator “{name}” achieved (target: "
        "{target:num}{unit})"),
    "indicators.no-end": (
        "indicator “{name}” ({achieved:num} of {target:num}{unit} achieved): the project "
        "period is not stated, so whether the target is due yet is unknown"),
}
