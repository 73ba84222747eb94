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
    "diff.added": "{label} ({day:date}, sesja {id}): dodana",
    "diff.removed": "{label} ({day:date}, sesja {id}): usunięta z harmonogramu",
    "diff.moved": "{label} (sesja {id}): przeniesiona z {old_day:date} na {new_day:date}",
    "diff.retimed": (
        "{label} ({day:date}, sesja {id}): zmiana godzin z {old_slots} na {new_slots}"),
    "diff.venue": (
        "{label} ({day:date}, sesja {id}): zmiana miejsca z {old_venues:list} na "
        "{new_venues:list}"),
    "diff.cancelled": "{label} ({day:date}, sesja {id}): odwołana",
    "diff.reinstated": "{label} ({day:date}, sesja {id}): przywrócona (nie jest już odwołana)",
    "diff.none": "brak zmian",
    "notice.late": (
        "{label} ({first:date}) ogłoszono dopiero w harmonogramie z {published:date} "
        "(tabela {table}): w dniu zajęć lub po nich"),
    "notice.short-calendar": (
        "{label} ({first:date}) ogłoszono z wyprzedzeniem {notice} dni (harmonogram z "
        "{published:date}); projekt wymaga co najmniej {min_days} dni"),
    "notice.short-working": (
        "{label} ({first:date}) ogłoszono z wyprzedzeniem {notice} dni roboczych "
        "(harmonogram z {published:date}); projekt wymaga co najmniej {min_days} dni "
        "roboczych"),
    "notice.undated": (
        "harmonogram {table} nie ma daty publikacji, więc nie wiadomo, z jakim "
        "wyprzedzeniem ogłoszono jego sesje ({count})"),
    "notice.no-minimum": (
        "projekt nie określa minimalnego wyprzedzenia ([rules.notice] min_days); "
        "najkrótsze w harmonogramie z {published:date}: {notice} dni — {label} "
        "({first:date}, sesja {id})"),
    # --- amendments, durations, programmes, calls (issue 15) ---
    # --- delivery, attendance, indicators (issue 15) ---
}
