"""The domain layer: the Stripe service, money and date helpers, and the eight skills.

`skills` knows nothing of conversations or HTTP. `SKILLS` maps each skill name to its typed
definition, in the order of the skills contract (SKILLS.md).
"""

from skills.base import Plan, Preview, Risk, Skill, SkillContext
from skills.registry import SKILLS

__all__ = ["SKILLS", "Plan", "Preview", "Risk", "Skill", "SkillContext"]
