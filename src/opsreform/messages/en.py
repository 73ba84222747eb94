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
    "funding-sum.differs": (
        "{what}: {found:money} instead of the expected {expected:money}, a difference of "
        "{diff:money}"),
    "funding-sum.rounding": (
        "{what}: {found:money} instead of the expected {expected:money}, a difference of "
        "{diff:money} (rounding)"),
    "funding-sum.sources": "the sum of the sources",
    "funding-sum.no-funding": "the project states no funding",
    "funding-sum.no-sources": "no funding sources are stated",
    "funding-sum.no-amount": "no amount is stated for: {kinds:fundings}",
    "funding-sum.stated": (
        "the sum of the sources {total:money} does not agree with the stated value "
        "“{stated:stated}”"),
    "funding-sum.no-total": "the project's value is not stated",
    "funding-share.differs": (
        "{what}: {found:money} instead of the expected {expected:money}, a difference of "
        "{diff:money}"),
    "funding-share.rounding": (
        "{what}: {found:money} instead of the expected {expected:money}, a difference of "
        "{diff:money} (rounding)"),
    "funding-share.stated-share": "{kind:funding} at its stated share of {share:share}",
    "funding-share.programme-share": (
        "{kind:funding} at the programme's share of {share:share}"),
    "funding-share.no-total": (
        "the project's value is not stated exactly, so the shares cannot be computed"),
    "funding-share.not-in-programme": (
        "{kind:funding} of {amount:money} is not a source the programme provides for"),
    "budget-sum.differs": (
        "{what}: {found:money} instead of the expected {expected:money}, a difference of "
        "{diff:money}"),
    "budget-sum.rounding": (
        "{what}: {found:money} instead of the expected {expected:money}, a difference of "
        "{diff:money} (rounding)"),
    "budget-sum.line": "“{title}”: the stated amount",
    "budget-sum.indirect": (
        "indirect costs ({rate:share} of direct costs of {direct:money})"),
    "budget-sum.together-stated": (
        "budget lines ({direct:money}) and the stated indirect costs ({indirect:money}) "
        "together"),
    "budget-sum.together-flat": (
        "budget lines ({direct:money}) and flat-rate indirect costs of {rate:share} "
        "({indirect:money}) together"),
    "budget-sum.task": "the lines of task {task}",
    "budget-sum.no-amount": "a budget line has no amount",
    "budget-sum.over-total": (
        "the budget lines alone ({direct:money}) exceed the project's value {total:money}"),
    "budget-sum.incomplete": (
        "the document does not list every line: the remaining {rest:money} over the listed "
        "ones ({direct:money}) covers the other lines and the indirect costs"),
    "budget-sum.rest": (
        "the remaining {rest:money} over the listed lines matches {what} ({indirect:money}) "
        "{how}"),
    "budget-sum.to-stated": "the stated indirect costs",
    "budget-sum.to-flat": "the flat rate of indirect costs of {rate:share}",
    "budget-sum.exactly": "exactly",
    "budget-sum.rounded": "up to rounding ({gap:money})",
    "budget-sum.unexplained": (
        "the listed lines ({direct:money}) and indirect costs of {rate:share} "
        "({indirect:money}) leave {gap:money} of the project's value unexplained; the "
        "document may not list every line"),
    "budget-sum.no-exact-total": "the project's value is not stated exactly",
    "budget-sum.stated": (
        "the budget lines with indirect costs ({summed:money}) do not agree with the stated "
        "value “{stated:stated}”"),
    "budget-sum.task-over": (
        "the lines of task {task} ({summed:money}) exceed its amount {amount:money}"),
    "negative-amount.amount": "negative amount ({subject}): {amount:money}",
    "call-period.no-call-period": (
        "the call's period is not stated; checked against the programme's period"),
    "call-period.signed-after": (
        "the funding agreement was signed on {signed:date}, after the project ended"),
    # --- organisation rules (rules/organisation.py) ---
    "separation.combined-social-work": (
        "unit “{unit}” combines social work with the procedure of granting benefits by "
        "decision, which is exactly what the reorganisation separates (art. 110a)"),
    "separation.combined-services": (
        "unit “{unit}” combines services with the procedure of granting benefits by "
        "decision; the model separates them (art. 110a)"),
    "separation.no-structure": "the organisational structure is not described",
    "separation.missing-role": (
        "no unit has the role “{role:role}” in the structure {which:structure}"),
    "separation.missing-role-partial": (
        "no unit has the role “{role:role}” in the structure {which:structure} (the "
        "document lists only some units, so it need not be missing)"),
    "separation.no-assignments": (
        "the assignment of staff to units is not stated, so it is not known whether anyone "
        "combines social work with proceedings on benefits"),
    "separation.both": (
        "{person} does both social work and proceedings on benefits granted by decision "
        "(structure {which:structure})"),
    "staffing-ratio.no-organisation": "the centre's organisation is not described",
    "staffing-ratio.too-few": (
        "social workers: {heads}; the act requires at least {minimum}"),
    "staffing-ratio.no-heads": "the number of the centre's social workers is not stated",
    "staffing-ratio.no-heads-known": (
        "the number of the centre's social workers is not stated (only {bound:num} are "
        "known)"),
    "staffing-ratio.per-inhabitants": "{count} FTE for {population} inhabitants",
    "staffing-ratio.per-families": "{count} FTE for {families} families in social work",
    "staffing-ratio.no-need": (
        "neither the number of inhabitants nor the number of families in social work is "
        "stated"),
    "staffing-ratio.fte": "social workers' FTE: {fte:num}; the act requires {need}",
    "staffing-ratio.fte-either": (
        "social workers' FTE: {fte:num}; the act requires {need} or {need_2}"),
    "staffing-ratio.no-fte": "the FTE of the centre's social workers is not stated",
    "staffing-ratio.no-fte-known": (
        "the FTE of the centre's social workers is not stated (only {bound:num} are known)"),
    "family-assistant-load.over": (
        "{person} works with {families} families at a time; the limit is {limit}"),
    "family-assistant-load.unknown": (
        "it is not stated how many families each family assistant works with"),
    "supervisor-independence.certificate-unknown": (
        "it is not stated whether {name} holds the certificate of a supervisor of social "
        "work"),
    "supervisor-independence.uncertified": (
        "{name} supervises social work without a supervisor's certificate (art. 121a)"),
    "supervisor-independence.employer-unknown": (
        "the employer of supervisor {name} or the centre's name is not stated"),
    "supervisor-independence.employed": (
        "{name} is employed by {centre}, the centre whose workers they supervise"),
    "unit-without-staff.no-after": "the structure after the change is not described",
    "unit-without-staff.empty": "nobody works in unit {unit} ({kind:unitkind})",
    "unit-without-staff.unknown": "it is not stated who works in units: {units:list}",
    "over-allocation.no-assignments": "the assignment of staff to units is not stated",
    "over-allocation.over": (
        "{person}: {fte:num} FTE in the structure {which:structure}; at most {limit}"),
    # --- activity rules (rules/activities.py) ---
    "activity-outside-parent.outside": (
        "activity {id} ({period:period}) runs outside the period of its parent activity "
        "{parent} ({parent_period:period})"),
    "activity-outside-project.no-period": "the project period is not stated",
    "activity-outside-project.outside": (
        "activity {id} ({period:period}) runs outside the project period "
        "({project_period:period})"),
    # --- reading notes (checks.py, files/) ---
    "read-note.cp1250": (
        "file {file} was read as Windows-1250 (it is not in UTF-8); if Polish letters look "
        "wrong, save it in UTF-8 or add encoding = \"cp1250\""),
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
    "planning.refused": (
        "only {found} of the {needed} sessions fit between {start:date} and {end:date}"),
    "planning.refused-by": "{rule} refuses {days} day(s), the first {first:date}",
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
