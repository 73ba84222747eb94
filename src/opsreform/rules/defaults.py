"""The default rules: every rule of the schedule, activity, funding, organisation, people."""

from __future__ import annotations

from opsreform.rules.activities import ACTIVITY_RULES
from opsreform.rules.amendments import AMENDMENT_RULES
from opsreform.rules.delivery import DELIVERY_RULES
from opsreform.rules.engine import Rule
from opsreform.rules.funding import FUNDING_RULES
from opsreform.rules.notice import NOTICE_RULES
from opsreform.rules.organisation import ORGANISATION_RULES
from opsreform.rules.people import PEOPLE_RULES
from opsreform.rules.programmes import PROGRAMME_RULES
from opsreform.rules.schedule import SCHEDULE_RULES

__all__ = ["default_rules"]


def default_rules() -> tuple[Rule, ...]:
    """Return a fresh tuple of every default rule, with its default parameters."""
    return (*SCHEDULE_RULES, *NOTICE_RULES, *ACTIVITY_RULES, *FUNDING_RULES, *ORGANISATION_RULES,
            *PROGRAMME_RULES, *AMENDMENT_RULES, *DELIVERY_RULES, *PEOPLE_RULES)
