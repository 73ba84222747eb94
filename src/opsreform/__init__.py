"""opsreform: model, check and report the reorganisation projects of Polish social-welfare centres.

The projects are those of PO WER 2014-2020, Action 2.5 "Skuteczna pomoc społeczna",
co-financed by the European Social Fund. This module only re-exports the public names;
each lives in a module named for what it holds.
"""

from importlib.metadata import version as _version

from opsreform.exceptions import (
    OpsReformError,
    ParseError,
    PlanningError,
    ProjectFileError,
    ValidationError,
)
from opsreform.findings import Finding, Severity
from opsreform.model.people import Person, Profession
from opsreform.model.project import Project, SourceDocument
from opsreform.periods import Period
from opsreform.rules.engine import Rule
from opsreform.text.addresses import Address, parse_address, parse_addresses
from opsreform.text.dates import format_date, parse_date
from opsreform.text.periods import format_period, parse_period
from opsreform.text.slots import format_slot, format_slots, parse_slots
from opsreform.timeslots import TimeSlot
from opsreform.units import ureg
from opsreform.workcalendar import WorkCalendar

__version__: str = _version("opsreform")

__all__ = [
    "Address",
    "Finding",
    "OpsReformError",
    "ParseError",
    "Period",
    "Person",
    "PlanningError",
    "Profession",
    "Project",
    "ProjectFileError",
    "Rule",
    "Severity",
    "SourceDocument",
    "TimeSlot",
    "ValidationError",
    "WorkCalendar",
    "__version__",
    "format_date",
    "format_period",
    "format_slot",
    "format_slots",
    "parse_address",
    "parse_addresses",
    "parse_date",
    "parse_period",
    "parse_slots",
    "ureg",
]
