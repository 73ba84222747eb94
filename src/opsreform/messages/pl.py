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
    "funding-sum.differs": (
        "{what}: {found:money} zamiast oczekiwanych {expected:money}, różnica {diff:money}"),
    "funding-sum.rounding": (
        "{what}: {found:money} zamiast oczekiwanych {expected:money}, różnica {diff:money} "
        "(zaokrąglenie)"),
    "funding-sum.sources": "suma źródeł",
    "funding-sum.no-funding": "projekt nie podaje finansowania",
    "funding-sum.no-sources": "nie podano źródeł finansowania",
    "funding-sum.no-amount": "nie podano kwoty: {kinds:fundings}",
    "funding-sum.stated": (
        "suma źródeł {total:money} nie zgadza się z podaną wartością „{stated:stated}”"),
    "funding-sum.no-total": "nie podano wartości projektu",
    "funding-share.differs": (
        "{what}: {found:money} zamiast oczekiwanych {expected:money}, różnica {diff:money}"),
    "funding-share.rounding": (
        "{what}: {found:money} zamiast oczekiwanych {expected:money}, różnica {diff:money} "
        "(zaokrąglenie)"),
    "funding-share.stated-share": "{kind:funding} przy podanym udziale {share:share}",
    "funding-share.programme-share": "{kind:funding} przy udziale programu {share:share}",
    "funding-share.no-total": (
        "wartość projektu nie jest podana dokładnie, więc nie można obliczyć udziałów"),
    "funding-share.not-in-programme": (
        "{kind:funding} w kwocie {amount:money} nie jest źródłem przewidzianym w programie"),
    "budget-sum.differs": (
        "{what}: {found:money} zamiast oczekiwanych {expected:money}, różnica {diff:money}"),
    "budget-sum.rounding": (
        "{what}: {found:money} zamiast oczekiwanych {expected:money}, różnica {diff:money} "
        "(zaokrąglenie)"),
    "budget-sum.line": "„{title}”: podana kwota",
    "budget-sum.indirect": (
        "koszty pośrednie ({rate:share} kosztów bezpośrednich {direct:money})"),
    "budget-sum.together-stated": (
        "pozycje budżetu ({direct:money}) i podane koszty pośrednie ({indirect:money}) razem"),
    "budget-sum.together-flat": (
        "pozycje budżetu ({direct:money}) i ryczałtowe {rate:share} koszty pośrednie "
        "({indirect:money}) razem"),
    "budget-sum.task": "pozycje zadania {task}",
    "budget-sum.no-amount": "pozycja budżetu nie ma kwoty",
    "budget-sum.over-total": (
        "same pozycje budżetu ({direct:money}) przekraczają wartość projektu {total:money}"),
    "budget-sum.incomplete": (
        "dokument nie wymienia wszystkich pozycji: reszta {rest:money} ponad wymienione "
        "({direct:money}) obejmuje pozostałe pozycje i koszty pośrednie"),
    "budget-sum.rest": (
        "reszta {rest:money} ponad wymienione pozycje odpowiada {what} ({indirect:money}) "
        "{how}"),
    "budget-sum.to-stated": "podanym kosztom pośrednim",
    "budget-sum.to-flat": "ryczałtowi kosztów pośrednich {rate:share}",
    "budget-sum.exactly": "dokładnie",
    "budget-sum.rounded": "z dokładnością do zaokrąglenia ({gap:money})",
    "budget-sum.unexplained": (
        "wymienione pozycje ({direct:money}) i koszty pośrednie {rate:share} "
        "({indirect:money}) pozostawiają {gap:money} wartości projektu bez wyjaśnienia; "
        "dokument może nie wymieniać wszystkich pozycji"),
    "budget-sum.no-exact-total": "wartość projektu nie jest podana dokładnie",
    "budget-sum.stated": (
        "pozycje budżetu z kosztami pośrednimi ({summed:money}) nie zgadzają się z podaną "
        "wartością „{stated:stated}”"),
    "budget-sum.task-over": (
        "pozycje zadania {task} ({summed:money}) przekraczają jego kwotę {amount:money}"),
    "negative-amount.amount": "ujemna kwota ({subject}): {amount:money}",
    "call-period.no-call-period": (
        "okres naboru nie jest podany; sprawdzono względem okresu programu"),
    "call-period.signed-after": (
        "umowę o dofinansowanie podpisano {signed:date}, po zakończeniu projektu"),
    # --- organisation rules (rules/organisation.py) ---
    "separation.combined-social-work": (
        "jednostka „{unit}” łączy pracę socjalną z postępowaniami w sprawie świadczeń "
        "przyznawanych decyzją, a to właśnie ma rozdzielić reorganizacja (art. 110a)"),
    "separation.combined-services": (
        "jednostka „{unit}” łączy usługi z postępowaniami w sprawie świadczeń "
        "przyznawanych decyzją; model rozdziela je (art. 110a)"),
    "separation.no-structure": "nie opisano struktury organizacyjnej",
    "separation.missing-role": "brak jednostki o roli „{role:role}” w strukturze {which:structure}",
    "separation.missing-role-partial": (
        "brak jednostki o roli „{role:role}” w strukturze {which:structure} (dokument "
        "wymienia tylko część jednostek, więc to nie musi być brak)"),
    "separation.no-assignments": (
        "nie podano przydziału pracowników do jednostek, więc nie wiadomo, czy ktoś łączy "
        "pracę socjalną z postępowaniami w sprawie świadczeń"),
    "separation.both": (
        "{person} prowadzi i pracę socjalną, i postępowania w sprawie świadczeń "
        "przyznawanych decyzją (struktura {which:structure})"),
    "staffing-ratio.no-organisation": "nie opisano organizacji ośrodka",
    "staffing-ratio.too-few": (
        "pracownicy socjalni: {heads}; ustawa wymaga co najmniej {minimum}"),
    "staffing-ratio.no-heads": "nie podano liczby pracowników socjalnych ośrodka",
    "staffing-ratio.no-heads-known": (
        "nie podano liczby pracowników socjalnych ośrodka (wiadomo tylko o {bound:num})"),
    "staffing-ratio.per-inhabitants": "{count} etatów na {population} mieszkańców",
    "staffing-ratio.per-families": (
        "{count} etatów na {families} rodzin objętych pracą socjalną"),
    "staffing-ratio.no-need": (
        "nie podano ani liczby mieszkańców, ani liczby rodzin objętych pracą socjalną"),
    "staffing-ratio.fte": "etaty pracowników socjalnych: {fte:num}; ustawa wymaga {need}",
    "staffing-ratio.fte-either": (
        "etaty pracowników socjalnych: {fte:num}; ustawa wymaga {need} lub {need_2}"),
    "staffing-ratio.no-fte": "nie podano liczby etatów pracowników socjalnych ośrodka",
    "staffing-ratio.no-fte-known": (
        "nie podano liczby etatów pracowników socjalnych ośrodka (wiadomo tylko o "
        "{bound:num})"),
    "family-assistant-load.over": (
        "{person} pracuje z {families} rodzinami naraz; limit to {limit}"),
    "family-assistant-load.unknown": (
        "nie podano, z iloma rodzinami pracuje każdy asystent rodziny"),
    "supervisor-independence.certificate-unknown": (
        "nie podano, czy {name} ma certyfikat superwizora pracy socjalnej"),
    "supervisor-independence.uncertified": (
        "{name} prowadzi superwizję pracy socjalnej bez certyfikatu superwizora (art. 121a)"),
    "supervisor-independence.employer-unknown": (
        "nie podano pracodawcy superwizora {name} albo nazwy ośrodka"),
    "supervisor-independence.employed": (
        "{name} jest zatrudniony(-a) w {centre}, ośrodku, którego pracowników superwizuje"),
    "unit-without-staff.no-after": "nie opisano struktury po zmianie",
    "unit-without-staff.empty": "nikt nie pracuje w jednostce {unit} ({kind:unitkind})",
    "unit-without-staff.unknown": "nie podano, kto pracuje w jednostkach: {units:list}",
    "over-allocation.no-assignments": "nie podano przydziału pracowników do jednostek",
    "over-allocation.over": (
        "{person}: {fte:num} etatu w strukturze {which:structure}; najwyżej {limit}"),
    # --- activity rules (rules/activities.py) ---
    "activity-outside-parent.outside": (
        "działanie {id} ({period:period}) wykracza poza okres działania nadrzędnego "
        "{parent} ({parent_period:period})"),
    "activity-outside-project.no-period": "okres realizacji projektu nie jest podany",
    "activity-outside-project.outside": (
        "działanie {id} ({period:period}) wykracza poza okres realizacji projektu "
        "({project_period:period})"),
    # --- reading notes (checks.py, files/) ---
    "read-note.cp1250": (
        "plik {file} odczytano jako Windows-1250 (nie jest w UTF-8); jeśli polskie litery "
        "wyglądają źle, zapisz go w UTF-8 albo dodaj encoding = \"cp1250\""),
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
    "planning.refused": (
        "zmieściło się tylko {found} z {needed} sesji między {start:date} a {end:date}"),
    "planning.refused-by": "{rule} odrzuca dni: {days} (pierwszy {first:date})",
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
    "indicators.below-target": (
        "wskaźnik „{name}”: osiągnięto {achieved:num} z docelowych {target:num}{unit}, a "
        "okres realizacji projektu skończył się {end:date}"),
    "indicators.undecided": (
        "nie wiadomo, ile osiągnięto dla wskaźnika „{name}”: sesje po terminie nadal "
        "oznaczone jako zaplanowane, więc nie wiadomo, czy się odbyły ({count}: "
        "{ids:list})"),
    "indicators.unnamed": (
        "nie wiadomo, ile osób objął wskaźnik „{name}”: zrealizowane sesje nie wymieniają "
        "wszystkich obecnych ({count}: {ids:list})"),
    "indicators.no-hours": (
        "nie wiadomo, ile godzin liczy wskaźnik „{name}”: zrealizowane sesje bez podanych "
        "godzin ({count}: {ids:list})"),
    "indicators.not-stated": (
        "projekt nie podaje, ile osiągnięto dla wskaźnika „{name}” (cel: {target:num}"
        "{unit})"),
    "indicators.no-end": (
        "wskaźnik „{name}” (osiągnięto {achieved:num} z {target:num}{unit}): okres "
        "realizacji projektu nie jest podany, więc nie wiadomo, czy cel miał już zostać "
        "osiągnięty"),
}
