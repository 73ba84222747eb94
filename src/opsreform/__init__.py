"""opsreform: model, check and report the reorganisation projects of Polish social-welfare centres.

The projects are those of PO WER 2014-2020, Action 2.5 "Skuteczna pomoc społeczna",
co-financed by the European Social Fund. This module only re-exports the public names;
each lives in a module named for what it holds.
"""

from importlib.metadata import version as _version

from opsreform.checks import ProjectCheck, check, check_many
from opsreform.exceptions import (
    OpsReformError,
    ParseError,
    PlanningError,
    ProjectFileError,
    TemplateError,
    ValidationError,
)
from opsreform.files.project import dumps_project, load_project, loads_project, save_project
from opsreform.files.tables import read_session_table
from opsreform.findings import Finding, Severity
from opsreform.model.activities import Activity
from opsreform.model.amendments import Amendment
from opsreform.model.breaks import DeclaredBreak
from opsreform.model.contracts import Contract
from opsreform.model.funding import (
    Budget,
    BudgetCategory,
    BudgetLine,
    Funding,
    FundingAgreement,
    FundingKind,
    FundingSource,
    IndirectCostTiers,
    Programme,
    Task,
)
from opsreform.model.groups import Group
from opsreform.model.organisation import (
    Assignment,
    Change,
    ChangeKind,
    Engagement,
    EngagementKind,
    Institution,
    InstitutionKind,
    Organisation,
    Reorganisation,
    Structure,
    Unit,
    UnitKind,
    UnitRole,
    changes_between,
    role_from_name,
    roles_from_name,
)
from opsreform.model.people import Person, PersonEngagement, Profession
from opsreform.model.project import Milestone, Project, ProjectOrigin, ReadNote, SourceDocument
from opsreform.model.sessions import (
    Attendance,
    PublishedTable,
    Session,
    SessionKind,
    SessionStatus,
    SlotBooking,
)
from opsreform.model.venues import Venue
from opsreform.money import pln, round_grosz, share_of, split_total
from opsreform.periods import Period
from opsreform.planning import plan
from opsreform.programmes import FundingProgramme, programme_named
from opsreform.reports.orgchart import (
    render_organisation_text,
    render_orgchart_svg,
    render_orgchart_text,
)
from opsreform.rules.engine import Rule
from opsreform.text.addresses import Address, parse_address, parse_addresses
from opsreform.text.agreements import AgreementNumber, parse_agreement_number
from opsreform.text.amounts import (
    StatedAmount,
    format_amount,
    format_share,
    parse_amount,
    parse_amount_bound,
    parse_share,
)
from opsreform.text.calls import CallNumber, parse_call_number
from opsreform.text.dates import format_date, parse_date
from opsreform.text.periods import format_period, parse_period, parse_periods
from opsreform.text.slots import format_slot, format_slots, parse_slots
from opsreform.timeslots import TimeSlot
from opsreform.units import format_quantity, ureg
from opsreform.versions import diff
from opsreform.workcalendar import WorkCalendar

__version__: str = _version("opsreform")

# The frames for analysts need polars, whose import costs a fifth of a second: it is
# imported on first use, so that `opsreform check` starts without it.
_LAZY = {"findings_frame": "opsreform.frames", "sessions_frame": "opsreform.frames"}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        msg = f"module 'opsreform' has no attribute {name!r}"
        raise AttributeError(msg)
    from importlib import import_module  # noqa: PLC0415 - only when a frame is asked for

    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})

__all__ = [
    "Activity",
    "Address",
    "AgreementNumber",
    "Amendment",
    "Assignment",
    "Attendance",
    "Budget",
    "BudgetCategory",
    "BudgetLine",
    "CallNumber",
    "Change",
    "ChangeKind",
    "Contract",
    "DeclaredBreak",
    "Engagement",
    "EngagementKind",
    "Finding",
    "Funding",
    "FundingAgreement",
    "FundingKind",
    "FundingProgramme",
    "FundingSource",
    "Group",
    "IndirectCostTiers",
    "Institution",
    "InstitutionKind",
    "Milestone",
    "OpsReformError",
    "Organisation",
    "ParseError",
    "Period",
    "Person",
    "PersonEngagement",
    "PlanningError",
    "Profession",
    "Programme",
    "Project",
    "ProjectCheck",
    "ProjectFileError",
    "ProjectOrigin",
    "PublishedTable",
    "ReadNote",
    "Reorganisation",
    "Rule",
    "Session",
    "SessionKind",
    "SessionStatus",
    "Severity",
    "SlotBooking",
    "SourceDocument",
    "StatedAmount",
    "Structure",
    "Task",
    "TemplateError",
    "TimeSlot",
    "Unit",
    "UnitKind",
    "UnitRole",
    "ValidationError",
    "Venue",
    "WorkCalendar",
    "__version__",
    "changes_between",
    "check",
    "check_many",
    "diff",
    "dumps_project",
    "findings_frame",
    "format_amount",
    "format_date",
    "format_period",
    "format_quantity",
    "format_share",
    "format_slot",
    "format_slots",
    "load_project",
    "loads_project",
    "parse_address",
    "parse_addresses",
    "parse_agreement_number",
    "parse_amount",
    "parse_amount_bound",
    "parse_call_number",
    "parse_date",
    "parse_period",
    "parse_periods",
    "parse_share",
    "parse_slots",
    "plan",
    "pln",
    "programme_named",
    "read_session_table",
    "render_organisation_text",
    "render_orgchart_svg",
    "render_orgchart_text",
    "role_from_name",
    "roles_from_name",
    "round_grosz",
    "save_project",
    "sessions_frame",
    "share_of",
    "split_total",
    "ureg",
]
