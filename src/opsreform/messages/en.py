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
    "double-booking.group": (
        "{who} in two sessions at the same time at different venues: {label_2} "
        "(session {id_2}) and {label} (session {id}), {day:date}; people may be split "
        "between them — the coordinator should confirm"),
    "double-booking.other-project": (
        "{person} has a session in another project at the same time: {label} (session "
        "{id}) and {label_2} (session {id_2} in {other}), {day:date}"),
    "double-booking.other-project-group": (
        "{person} (through an attending group) has a session in another project at the "
        "same time: {label} (session {id}) and {label_2} (session {id_2} in {other}), "
        "{day:date}; the coordinator should confirm"),
    "absence.absent": (
        "{person} {role} {label} (session {id}, {day:date}) while absent "
        "({start:date} – {end:date})"),
    "absence.absent-elsewhere": (
        "{person} {role} {label} (session {id}, {day:date}) while absent "
        "({start:date} – {end:date}), as stated in {other}"),
    "absence.leads": "leads",
    "absence.attends": "attends",
    "person-hours.over": (
        "{person}: {hours:num} hours in {month} (sessions: {sessions:num} h, other "
        "engagements: {engaged:num} h{where}), over the cap of {cap:num} hours"),
    "person-hours.where": ", in projects: {projects:list}",
    "person-hours.unknown-engagement": (
        "the engagement of {person} in {month} is not fully known (an engagement without "
        "FTE or hours is given), so the cap of {cap:num} hours was not checked; known "
        "hours: {hours:num}"),
    "person-hours.unknown-session": (
        "the hours of {count} sessions led by {person} in {month} are not stated, so the "
        "cap of {cap:num} hours was not checked; known hours: {hours:num}"),
    "person-hours.undeclared": (
        "the other engagements of {person} are not stated (engagements), so the cap of "
        "{cap:num} hours a month was checked against session hours only"),
    # --- planning (planning.py) ---
    # --- versions, diff, notice (issue 15) ---
    # --- amendments, durations, programmes, calls (issue 15) ---
    # --- delivery, attendance, indicators (issue 15) ---
}
