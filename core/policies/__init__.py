"""Vendor policy engine: warranty decisions, deadlines and fees, explained (issue 4).

Pure functions over plain dataclasses: no Qt, no database. Policies are data (TOML presets in
`resources/policies/` or a center's own file); `settings` mappings carry a supervisor's overrides.
"""

from core.policies.calendar import CalendarNotAnnounced, WorkingCalendar
from core.policies.presets import list_presets, load_preset, parse_policy
from core.policies.schema import Policy
from core.policies.warranty import (
    UnitFacts,
    WarrantyDecision,
    extension_after_paid_repair,
    latest_extension,
    warranty,
)

__all__ = [
    "CalendarNotAnnounced",
    "Policy",
    "UnitFacts",
    "WarrantyDecision",
    "WorkingCalendar",
    "extension_after_paid_repair",
    "latest_extension",
    "list_presets",
    "load_preset",
    "parse_policy",
    "warranty",
]
