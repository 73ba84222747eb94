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
    # --- planning (planning.py) ---
    # --- versions, diff, notice (issue 15) ---
    # --- amendments, durations, programmes, calls (issue 15) ---
    "call-period.no-period": "okres realizacji projektu nie jest podany",
    "call-period.no-programme": (
        "program projektu nie jest podany (ani nazwą, ani w numerze naboru lub umowy), "
        "więc nie wiadomo, kiedy jego wydatki są kwalifikowalne"),
    "call-period.unknown-programme": (
        "program „{programme}” nie jest znany, więc nie wiadomo, kiedy jego wydatki są "
        "kwalifikowalne"),
    "call-period.programme-window": (
        "okres naboru nie jest podany; sprawdzono względem okresu programu {programme}"),
    "call-period.outside": "okres realizacji {period:period} wykracza poza {window:period}",
    "call-period.outside-amended": (
        "okres realizacji {period:period} po aneksie z {signed:date} wykracza poza "
        "{window:period}"),
    "call-period.agreement-late": (
        "umowę o dofinansowanie podpisano {signed:date}, po zakończeniu projektu"),
    "durability.no-period": (
        "okres realizacji projektu nie jest podany, więc nie można umiejscowić {months} "
        "miesięcy trwałości"),
    "durability.no-start": (
        "projekt trwa {duration} miesięcy, ale jego początek nie jest podany, więc nie "
        "można umiejscowić {months} miesięcy trwałości"),
    "durability.period": "trwałość rezultatów przez {months} miesięcy: {period:days}",
    "durability.period-amended": (
        "trwałość rezultatów przez {months} miesięcy: {period:days} (od końca okresu "
        "realizacji zmienionego aneksem z {signed:date})"),
    "durability.contract": (
        "umowa {contract} trwa do {last:date}, w okresie trwałości, gdy środki projektu już "
        "jej nie finansują"),
    "duration.mismatch": (
        "okres realizacji {period:days} nie trwa podanych {months} miesięcy: {months} "
        "miesięcy od {start:date} kończy się {end:date}"),
    "duration.contract": (
        "okres umowy {contract} {period:days} nie trwa podanych {months} miesięcy: "
        "{months} miesięcy od {start:date} kończy się {end:date}"),
    "programme.mismatch": (
        "program podany jako „{stated}” to nie {programme}, na który wskazuje prefiks "
        "{code} numeru {number}"),
    "agreement-number.programme": (
        "numer naboru {call} wskazuje na program {call_programme}, a numer umowy {number} "
        "na {programme}"),
    "agreement-number.call-misprint": (
        "numer naboru „{written}” ma w grupie {group} (od znaku {position}) o jedną cyfrę "
        "za dużo („{digits}”); odczytano go jako {read}"),
    "agreement-number.misprint": (
        "numer umowy „{written}” ma w grupie {group} (od znaku {position}) o jedną cyfrę "
        "za dużo („{digits}”); odczytano go jako {read}"),
    "agreement-number.action": (
        "umowa {number} dotyczy osi {axis} i działania {action}, a nabór {call} osi "
        "{call_axis} i działania {call_action}"),
    "agreement-number.no-call": (
        "numer naboru nie jest podany, więc nie porównano z nim numeru umowy"),
    "amendment.after-end": (
        "aneks z {signed:date} zmienia okres realizacji po jego zakończeniu ({end:date})"),
    # --- delivery, attendance, indicators (issue 15) ---
}
