"""Every sentence a finding says, in Polish (the language of the field and the default).

One template per key; :mod:`opsreform.messages.en` has the same keys. The fields and
their specs (``{day:date}``) are described in :mod:`opsreform.messages`.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- common ---
    "not-checked": "nie sprawdzono: {why}",
    # --- schedule rules (rules/schedule.py) ---
    "summer-break.unknown-year": (
        "nie można sprawdzić przerwy w {year} r.: pakiet holidays nie ma polskich ferii "
        "szkolnych dla tego roku"),
    "summer-break.in-break": (
        "„{label}” ({day:date}) przypada w przerwie zapowiedzianej przez projekt "
        "({months:months}) dla rodzaju: {kind:kind}"),
    "summer-break.in-school-break": (
        "„{label}” ({day:date}) przypada w przerwie zapowiedzianej przez projekt "
        "(wakacje szkolne) dla rodzaju: {kind:kind}"),
    "public-holiday.holiday": (
        "{label} ({first:date}) zaplanowano na dzień ustawowo wolny od pracy ({name})"),
    "public-holiday.closed": (
        "{label} ({first:date}) zaplanowano na dzień, w którym ośrodek jest nieczynny"),
    "public-holiday.lieu": (
        "{label} ({first:date}) zaplanowano na dzień wolny udzielony za święto "
        "{holiday:date} (Kodeks pracy art. 130 § 2)"),
    "weekend.day": (
        "{label} ({first:date}) przypada w dniu, w którym ośrodek nie pracuje "
        "({day:weekday})"),
    "outside-period.no-period": (
        "okres realizacji projektu nie jest podany, więc nie można sprawdzić względem "
        "niego sesji"),
    "outside-period.project": (
        "{label} ({first:date}) wykracza poza okres realizacji projektu {start:date} – "
        "{end:date}"),
    "outside-period.signed": (
        "{label} ({first:date}) odbywa się przed zawarciem umowy {contract} ({bound:date})"),
    "outside-period.opens": (
        "{label} ({first:date}) odbywa się przed początkiem okresu umowy {contract} "
        "({bound:date})"),
    "outside-period.closes": (
        "{label} ({first:date}) odbywa się po końcu okresu umowy {contract} ({bound:date})"),
    "double-booking.venue": (
        "miejsce {venue} zajęte dwa razy w tym samym czasie: {label_2} oraz {label} "
        "(sesja {id}), {day:date}"),
    "double-booking.person": (
        "{person} ma dwie sesje w tym samym czasie: {label_2} oraz {label} (sesja {id}), "
        "{day:date}"),
    "double-booking.person-apart": (
        "{person} ma dwie sesje w tym samym czasie w różnych miejscach: {label_2} oraz "
        "{label} (sesja {id}), {day:date}"),
    "hours-exceeded.no-limit": "umowa nie określa ani liczby godzin, ani liczby sesji",
    "hours-exceeded.count": (
        "w ramach umowy {contract} zaplanowano {count} sesji, a umowa obejmuje {sessions}; "
        "pierwsza ponad limit to {id} ({first:date})"),
    "hours-exceeded.hours": (
        "w ramach umowy {contract} zaplanowano {scheduled:num} {unit:unit}, a umowa "
        "obejmuje {held:num}; limit przekroczono na sesji {id} ({first:date})"),
    "hours-exceeded.unknown": "nie podano godzin {count} sesji ({ids:list})",
    "numbering.repeat": "numer {number} występuje {count} razy",
    "numbering.gap": "w numeracji brak numeru {missing:list} (numeracja sięga {top})",
    "numbering.gaps": "w numeracji brak numerów {missing:list} (numeracja sięga {top})",
    "numbering.excerpt": (
        "dokument podaje tylko wycinek harmonogramu, więc luk w numeracji nie sprawdzono"),
    # --- funding rules (rules/funding.py) ---
    # --- organisation rules (rules/organisation.py) ---
    # --- activity rules (rules/activities.py) ---
    # --- reading notes (checks.py, files/) ---
    # --- people, groups, absences, person-hours (issue 14) ---
    "double-booking.group": (
        "{who} w dwóch sesjach w tym samym czasie w różnych miejscach: {label_2} "
        "(sesja {id_2}) oraz {label} (sesja {id}), {day:date}; osoby mogą być podzielone "
        "między sesje — koordynator powinien to potwierdzić"),
    "double-booking.other-project": (
        "{person} ma w tym samym czasie sesję w innym projekcie: {label} (sesja {id}) "
        "oraz {label_2} (sesja {id_2} w {other}), {day:date}"),
    "double-booking.other-project-group": (
        "{person} (przez grupę uczestników) ma w tym samym czasie sesję w innym "
        "projekcie: {label} (sesja {id}) oraz {label_2} (sesja {id_2} w {other}), "
        "{day:date}; koordynator powinien to potwierdzić"),
    "absence.absent": (
        "{person} {role} {label} (sesja {id}, {day:date}) w czasie swojej nieobecności "
        "({start:date} – {end:date})"),
    "absence.absent-elsewhere": (
        "{person} {role} {label} (sesja {id}, {day:date}) w czasie swojej nieobecności "
        "({start:date} – {end:date}), podanej w {other}"),
    "absence.leads": "prowadzi",
    "absence.attends": "uczestniczy w",
    "person-hours.over": (
        "{person}: w miesiącu {month} łącznie {hours:num} godz. (sesje: {sessions:num} "
        "godz., inne zaangażowania: {engaged:num} godz.{where}), a limit to {cap:num} godz."),
    "person-hours.where": ", w projektach: {projects:list}",
    "person-hours.unknown-engagement": (
        "zaangażowanie osoby {person} w miesiącu {month} nie jest w pełni znane (podano "
        "zaangażowanie bez etatu i liczby godzin), więc nie sprawdzono limitu {cap:num} "
        "godz.; znane godziny: {hours:num}"),
    "person-hours.unknown-session": (
        "godziny {count} sesji prowadzonych przez {person} w miesiącu {month} nie są "
        "podane, więc nie sprawdzono limitu {cap:num} godz.; znane godziny: {hours:num}"),
    "person-hours.undeclared": (
        "nie podano innych zaangażowań osoby {person} (engagements), więc limit {cap:num} "
        "godz. miesięcznie sprawdzono tylko dla godzin sesji"),
    # --- planning (planning.py) ---
    # --- versions, diff, notice (issue 15) ---
    # --- amendments, durations, programmes, calls (issue 15) ---
    # --- delivery, attendance, indicators (issue 15) ---
}
