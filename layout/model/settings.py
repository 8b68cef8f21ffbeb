"""The numbers that are rules, in one place: what the press allows, what preflight warns
about, the smallest frame. The command line's defaults, preflight, the export
profiles, the edit operations and the file format's limits all read :data:`RULES`
(a frozen :class:`Rules`; another set is ``dataclasses.replace(RULES, ...)``).

Sources: ../shared/notes/typesetting-and-print.md §2 (newspapers' PDF specs ask a
total ink of 220–240 % on coldset newsprint, ISO 12647-3, and 170–200 ppi for
continuous-tone photos; 300 ppi is more than enough).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rules:
    """The thresholds a newspaper's pages are made and checked by."""

    # percent total area coverage: the default print condition's (newsprint, ISO 12647-3 as
    # WAN-IFRA applies it; layout/export/conditions.py, docs/print.md) and the coated one's
    # (FOGRA39, the limit of ISO Coated v2 300 %)
    press_ink_limit: float = 220.0
    coated_ink_limit: float = 300.0
    print_condition: str = "newsprint"  # the print condition press PDFs are made for unless told
    min_ppi: float = 200.0  # a placed photo's effective resolution below this is a warning
    press_image_ppi: float = 300.0  # press photos are brought down to this, never up
    proof_image_ppi: float = 150.0  # proofs' photos, for the screen
    bleed_mm: float = 3.0  # press bleed beyond the trimmed page
    min_frame_side: float = 1.0  # points: the smallest side of a frame that holds text or a photo


RULES = Rules()
