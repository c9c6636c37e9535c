"""Every state change of the desk goes through these functions (GUIDE §4): each checks the
permission, writes, and journals in the same transaction. Views never write models."""

from . import (
    appointments,
    demarches,
    export,
    files,
    purge,
    referrals,
    resume,
    simulation,
    visits,
)
from .base import ServiceError, StaleVersion

__all__ = [
    "ServiceError",
    "StaleVersion",
    "appointments",
    "demarches",
    "export",
    "files",
    "purge",
    "referrals",
    "resume",
    "simulation",
    "visits",
]
