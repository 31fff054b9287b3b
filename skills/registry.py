"""The skills, in SKILLS.md order. Adding a skill = one module + one line here + its tests."""

from __future__ import annotations

from typing import Any

from skills import (
    create_customer,
    create_payment,
    create_subscription,
    find_customers,
    get_analytics,
    get_balance,
    list_payments,
    refund_payment,
)
from skills.base import Skill

SKILLS: dict[str, Skill[Any, Any]] = {
    module.SKILL.name: module.SKILL
    for module in (
        list_payments,
        create_payment,
        get_balance,
        find_customers,
        create_customer,
        refund_payment,
        get_analytics,
        create_subscription,
    )
}
