"""Report labels in Polish (the default) and English."""

from __future__ import annotations

from typing import Literal

Lang = Literal["pl", "en"]

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
    "budget_title": ("Budżet i źródła finansowania", "Budget and funding"),
    "organisation_title": ("Struktura organizacyjna", "Organisation"),
    "total": ("Razem", "Total"),
    "direct": ("Koszty bezpośrednie", "Direct costs"),
    "indirect": ("Koszty pośrednie", "Indirect costs"),
    "unknown": ("nie podano", "not stated"),
    "none": ("brak", "none"),
}


def label(key: str, lang: Lang) -> str:
    """Return the label ``key`` in ``lang``."""
    pl, en = LABELS[key]
    return pl if lang == "pl" else en
