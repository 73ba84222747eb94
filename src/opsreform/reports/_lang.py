"""Report labels in Polish (the default) and English."""

from __future__ import annotations

from opsreform.messages import KIND_SINGULAR, KIND_WORDS, Lang

__all__ = ["KIND_SINGULAR", "KIND_WORDS", "LABELS", "Lang", "kind_word", "label", "labels",
           "subject_text"]

LABELS: dict[str, tuple[str, str]] = {
    "number": ("Lp.", "No."),
    "kind_title": ("Rodzaj działania / nazwa", "Kind / title"),
    "date": ("Data", "Date"),
    "hours": ("Godzina", "Hours"),
    "address": ("Adres realizacji działania", "Address"),
    "table": ("Harmonogram", "Schedule table"),
    "activity": ("Zaplanowane działanie/wsparcie", "Planned activity/support"),
    "period": ("Okres realizacji", "Period"),
    "contract": ("Umowa", "Contract"),
    "month": ("Miesiąc", "Month"),
    "unit": ("Jednostka", "Unit"),
    "contracted": ("Zakontraktowano", "Contracted"),
    "scheduled": ("Zaplanowano", "Scheduled"),
    "delivered": ("Zrealizowano", "Delivered"),
    "remaining": ("Pozostało", "Remaining"),
    "rule": ("Reguła", "Rule"),
    "severity": ("Waga", "Severity"),
    "subject": ("Dotyczy", "Subject"),
    "message": ("Opis", "Message"),
    "source": ("Źródło", "Source"),
    "amount": ("Kwota", "Amount"),
    "share": ("Udział", "Share"),
    "item": ("Pozycja", "Item"),
    "category": ("Kategoria", "Category"),
    "kind": ("Rodzaj", "Kind"),
    "role": ("Rola", "Role"),
    "addresses": ("Adresy", "Addresses"),
    "structure": ("Struktura", "Structure"),
    "before": ("przed zmianą", "before the change"),
    "after": ("po zmianie", "after the change"),
    "schedule_title": ("Szczegółowy harmonogram udzielania wsparcia",
                       "Detailed support schedule"),
    "activities_title": ("Harmonogram wsparcia", "Support schedule (activities)"),
    "contracts_title": ("Realizacja umów", "Contract progress"),
    "findings_title": ("Wyniki kontroli", "Check findings"),
    "errors": ("błędy", "errors"),
    "warnings": ("ostrzeżenia", "warnings"),
    "notes": ("uwagi", "notes"),
    "no_findings": ("Kontrola nie wykazała uwag.", "The check found nothing."),
    "budget_title": ("Budżet i źródła finansowania", "Budget and funding"),
    "organisation_title": ("Struktura organizacyjna", "Organisation"),
    "total": ("Razem", "Total"),
    "direct": ("Koszty bezpośrednie", "Direct costs"),
    "indirect": ("Koszty pośrednie", "Indirect costs"),
    "unknown": ("nie podano", "not stated"),
    "cancelled": ("odwołane", "cancelled"),
    "marks": ("Uwagi", "Notes"),
    "no_sessions": ("brak zajęć w harmonogramie", "no sessions in the schedule"),
    "gap": ("brak pozycji o tym numerze w opublikowanym harmonogramie",
            "no item with this number in the published table"),
    "breaks": ("Przerwy w realizacji wsparcia", "Breaks in the support"),
    "break": ("Przerwa", "Break"),
    "school_holidays": ("ferie letnie", "school summer holidays"),
    "legend": ("Objaśnienia", "Legend"),
    "legend_error": ("błąd: zasada naruszona, harmonogram trzeba zmienić",
                     "error: a rule is broken, the schedule must change"),
    "legend_warning": ("ostrzeżenie: prawdopodobnie błąd, warto sprawdzić",
                       "warning: probably wrong, worth checking"),
    "legend_info": ("uwaga", "note"),
    "legend_numbers": ("numer przy znaku odsyła do opisu pod tabelą",
                       "the number by a sign refers to the list under the table"),
    "legend_gap": ("wiersz kursywą: numer (Lp.) pominięty w opublikowanym harmonogramie",
                   "row in italics: a number (Lp.) the published table skips"),
    "legend_cancelled": ("tekst przekreślony: zajęcia odwołane",
                         "struck-out text: the session is cancelled"),
    "logo": ("Logotypy", "Logos"),
    "findings_summary": ("Błędy: {errors}, ostrzeżenia: {warnings}, uwagi: {notes}",
                         "Errors: {errors}, warnings: {warnings}, notes: {notes}"),
    "none": ("brak", "none"),
    "no_sessions_to_export": (
        "brak zajęć w harmonogramie: nie ma czego eksportować do kalendarza",
        "no sessions in the schedule: there is nothing to export to a calendar"),
    "published_table": ("harmonogram z {date}", "table of {date}"),
    "contract_named": ("umowa: {title}", "contract: {title}"),
    "led_by": ("prowadzi: {names}", "led by: {names}"),
    # delivery, attendance, indicators (issue 15)
    "lesson_hours": ("godz. lekcyjne", "lesson hours"),
    "clock_hours": ("godz. zegarowe", "clock hours"),
    "hours_unknown": ("zrealizowane sesje bez podanych godzin (niepoliczone)",
                      "delivered sessions whose hours are not stated (not counted)"),
    "no_contract": ("bez umowy", "no contract"),
    "unit_of_hours": ("Jednostka godzin", "Unit of hours"),
    "sessions_delivered": ("Sesje zrealizowane", "Sessions delivered"),
    "delivery_contracts_title": ("Zrealizowane godziny według umów",
                                 "Delivered hours by contract"),
    "delivery_contracts_sheet": ("Umowy", "Contracts"),
    "delivery_months_title": ("Zrealizowane godziny według miesięcy",
                              "Delivered hours by month"),
    "delivery_months_sheet": ("Miesiące", "Months"),
    "delivery_people_title": ("Zrealizowane godziny według osób", "Delivered hours by person"),
    "delivery_people_sheet": ("Osoby", "People"),
    "person_id": ("Id osoby", "Person id"),
    "person_name": ("Imię i nazwisko", "Name"),
    "people_note": ("godziny sesji zrealizowanych, które osoba prowadziła lub na których była "
                    "obecna (wymieniona z imienia)",
                    "hours of the delivered sessions a person led or attended (named)"),
    "attendance_title": ("Obecność na zrealizowanych sesjach",
                         "Attendance at delivered sessions"),
    "attendance_sheet": ("Obecność", "Attendance"),
    "attendance_note": ("puste pole: nie podano (nie zero)",
                        "an empty cell: not stated (not zero)"),
    "session": ("Sesja", "Session"),
    "planned_headcount": ("Planowana liczba uczestników", "Planned headcount"),
    "attended": ("Obecni", "Attended"),
    "named_attendees": ("Wymienieni z imienia", "Named attendees"),
    "absent": ("Nieobecni", "Absent"),
    "as_of": ("stan na dzień", "as of"),
    "indicators_title": ("Wskaźniki", "Indicators"),
    "indicators_sheet": ("Wskaźniki", "Indicators"),
    "indicator_id": ("Id wskaźnika", "Indicator id"),
    "indicator_name": ("Wskaźnik", "Indicator"),
    "baseline": ("Wartość bazowa", "Baseline"),
    "target": ("Wartość docelowa", "Target"),
    "achieved": ("Osiągnięto", "Achieved"),
    "at_least": ("Co najmniej", "At least"),
    "share_of_target": ("Stopień realizacji", "Share of target"),
    # The Gantt chart (reports/chart.py) and the calendar of sessions (calendar_chart.py).
    "cancelled_session": ("zajęcia odwołane", "cancelled session"),
    "chart_activity": ("działanie harmonogramu", "activity of the schedule"),
    "chart_dash_item": ("pozycja bez numeru (-)", "unnumbered item (-)"),
    "chart_break": ("przerwa zadeklarowana w projekcie", "break declared by the project"),
    "chart_sessions": ("{kind} — sesje: {n}", "{kind} — sessions: {n}"),
    "milestones": ("kamienie milowe", "milestones"),
    "milestone": ("kamień milowy (numer: lista pod wykresem)",
                  "milestone (number: list under the chart)"),
    "milestone_list": ("Kamienie milowe", "Milestones"),
    "outside_axis": ("poza osią czasu", "outside the time line"),
    "calendar_title": ("Kalendarz zajęć", "Calendar of sessions"),
    "public_holiday": ("święto państwowe", "public holiday"),
    "centre_closed": ("ośrodek nieczynny", "centre closed"),
    "calendar_break": ("przerwa zadeklarowana w projekcie ({kinds})",
                       "break declared by the project ({kinds})"),
    "clash": ("kolizja: miejsce lub osoba zajęte dwa razy naraz",
              "clash: a venue or a person booked twice at once"),
    "clashes": ("Kolizje", "Clashes"),
    "calendar_empty": ("brak zajęć w harmonogramie: kalendarz zajęć nie ma czego pokazać",
                       "no sessions in the schedule: the calendar of sessions has nothing to "
                       "show"),
    # --- versions, diff, notice (issue 15) ---
    "diff_title": ("Zmiany w harmonogramie", "Changes to the schedule"),
    "diff_versions": ("Zmiany: {old} → {new}", "Changes: {old} → {new}"),
    "change": ("Zmiana", "Change"),
    "old_date": ("Było: data", "Was: date"),
    "new_date": ("Jest: data", "Now: date"),
    "old_hours": ("Było: godziny", "Was: hours"),
    "new_hours": ("Jest: godziny", "Now: hours"),
    "old_venue": ("Było: miejsce", "Was: venue"),
    "new_venue": ("Jest: miejsce", "Now: venue"),
    "no_changes": ("brak zmian", "no changes"),
    "change_added": ("dodana", "added"),
    "change_removed": ("usunięta", "removed"),
    "change_moved": ("przeniesiona", "moved"),
    "change_retimed": ("zmiana godzin", "re-timed"),
    "change_venue": ("zmiana miejsca", "venue changed"),
    "change_cancelled": ("odwołana", "cancelled"),
    "change_reinstated": ("przywrócona", "reinstated"),
    # The history of amendments (reports/history.py).
    "history_title": ("Aneksy do umowy o dofinansowanie", "Amendments to the funding agreement"),
    "history_number": ("Aneks", "Amendment"),
    "history_signed": ("Podpisany", "Signed"),
    "history_effective": ("Obowiązuje od", "In force from"),
    "history_changes": ("Zmiany", "Changes"),
    "history_period": ("okres realizacji: {}", "project period: {}"),
    "history_contract": ("umowa {}", "contract {}"),
    "history_ends": ("do {}", "until {}"),
    "history_hours": ("{} godz.", "{} hours"),
    "history_sessions": ("{} sesji", "{} sessions"),
    "history_total": ("wartość projektu: {}", "project value: {}"),
    "history_as_signed": ("Okres realizacji według umowy: {}", "Project period as signed: {}"),
    "history_final": ("Okres realizacji po zmianach: {}", "Project period as amended: {}"),
}


def label(key: str, lang: Lang) -> str:
    """Return the label ``key`` in ``lang``."""
    pl, en = LABELS[key]
    return pl if lang == "pl" else en


# The first word(s) of a finding's subject, which is a stable English id in JSON, as a
# reader of each language sees it ("session 2018-05-07#6" → "sesja 2018-05-07#6").
SUBJECT_WORDS: dict[str, tuple[str, str]] = {
    "session": ("sesja", "session"),
    "contract": ("umowa", "contract"),
    "table": ("tabela", "table"),
    "activity": ("działanie", "activity"),
    "activities": ("harmonogram", "activities"),
    "project": ("projekt", "project"),
    "funding": ("finansowanie", "funding"),
    "agreement": ("umowa o dofinansowanie", "funding agreement"),
    "budget": ("budżet", "budget"),
    "source": ("źródło", "source"),
    "task": ("zadanie", "task"),
    "organisation": ("organizacja", "organisation"),
    "structure after": ("struktura po zmianie", "structure after"),
    "structure before": ("struktura przed zmianą", "structure before"),
    "unit": ("jednostka", "unit"),
    "person": ("osoba", "person"),
    "indicator": ("wskaźnik", "indicator"),
    "amendment": ("aneks", "amendment"),
    "call": ("nabór", "call"),
}


def kind_word(kind: str, lang: Lang) -> str:
    """Return a session kind (its value, ``training``) as a reader of ``lang`` names it."""
    pl, en = KIND_WORDS[kind]
    return pl if lang == "pl" else en


def labels(lang: Lang) -> dict[str, str]:
    """Every label in ``lang``, by key (what templates receive as ``labels``)."""
    return {key: (pl if lang == "pl" else en) for key, (pl, en) in LABELS.items()}


SEVERITY_WORDS: dict[str, tuple[str, str]] = {
    "error": ("BŁĄD", "ERROR"),
    "warning": ("OSTRZEŻENIE", "WARNING"),
    "info": ("uwaga", "note"),
}


def subject_text(subject: str, lang: Lang) -> str:
    """Return a finding's subject in ``lang``: its leading words translated, ids kept.

    >>> subject_text("session 2018-05-07#6", "pl")
    'sesja 2018-05-07#6'
    >>> subject_text("structure after: unit z1", "pl")
    'struktura po zmianie: jednostka z1'
    """
    parts = []
    for part in subject.split(": "):
        for words in sorted(SUBJECT_WORDS, key=len, reverse=True):
            if part == words or part.startswith(words + " "):
                pl, en = SUBJECT_WORDS[words]
                part = (pl if lang == "pl" else en) + part[len(words):]
                break
        parts.append(part)
    return ": ".join(parts)
