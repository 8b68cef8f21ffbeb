"""The editors' trail as an edit: a proof exported from the editor is added to the document's
proofs as one change with its exact inverse (so the document is modified and saved with it)."""

from __future__ import annotations

from dataclasses import dataclass

from layout.model.document import Issue
from layout.model.proofing import ProofRecord


@dataclass
class SetProofs:
    """Replace the document's proof records; the inverse puts the old list back."""

    proofs: list[ProofRecord]
    label: str = "proof"

    def apply(self, issue: Issue) -> SetProofs:
        old, issue.proofs = issue.proofs, self.proofs
        return SetProofs(old, self.label)


def add_proof(issue: Issue, record: ProofRecord) -> SetProofs:
    """Add an exported proof's record to the trail."""
    return SetProofs([*issue.proofs, record], "proof exported")
