"""Pins the public types: type-checked by mypy, never run."""

from datetime import date, time

import opsreform

period: opsreform.Period = opsreform.parse_period("lipiec – listopad 2018 roku")
day: date = opsreform.parse_date("22.05.2018")
slots: tuple[opsreform.TimeSlot, ...] = opsreform.parse_slots("08.00 - 11.00")
start: time = slots[0].start
minutes: int = slots[0].minutes
text: str = opsreform.format_period(period)
working: bool = opsreform.WorkCalendar().is_working_day(day)
