"""The rules on the activity tree (harmonogram wsparcia): periods nest, and lie in the project."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from opsreform.findings import Finding
from opsreform.messages import Message
from opsreform.model.activities import iter_activities
from opsreform.model.project import Project
from opsreform.rules.engine import Rule, not_checked

__all__ = ["ACTIVITY_RULES", "ActivityOutsideParent", "ActivityOutsideProject"]


@attrs.frozen
class ActivityOutsideParent(Rule):
    """A sub-activity's period lies within its parent's."""

    id = "activity-outside-parent"
    description = "Each sub-activity runs within its parent activity's period."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding for each activity that runs outside its parent's period."""
        for parent, activity in iter_activities(project.activities):
            if parent is None or parent.period is None or activity.period is None:
                continue
            if not parent.period.contains(activity.period):
                yield self.finding(
                    f"activity {activity.id}",
                    Message("activity-outside-parent.outside", id=activity.id,
                            period=activity.period, parent=parent.id,
                            parent_period=parent.period),
                    day=activity.period.start)


@attrs.frozen
class ActivityOutsideProject(Rule):
    """Every activity lies within the project period, where that is known."""

    id = "activity-outside-project"
    description = "Every activity runs within the project period."

    def check(self, project: Project) -> Iterator[Finding]:
        """Yield a finding for each activity that runs outside the project period."""
        if not project.activities:
            return
        period = project.final_period  # as amended: an activity may use an extension
        if period is None:
            yield not_checked(self, "activities", Message("activity-outside-project.no-period"))
            return
        for _parent, activity in iter_activities(project.activities):
            if activity.period is not None and not period.contains(activity.period):
                yield self.finding(
                    f"activity {activity.id}",
                    Message("activity-outside-project.outside", id=activity.id,
                            period=activity.period, project_period=period),
                    day=activity.period.start)


ACTIVITY_RULES: tuple[Rule, ...] = (ActivityOutsideParent(), ActivityOutsideProject())
"""The activity rules with their default parameters."""
