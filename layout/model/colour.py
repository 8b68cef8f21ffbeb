"""Process colours. The paper prints CMYK, so the model keeps CMYK."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Colour:
    """A CMYK colour, each component from 0 to 1."""

    c: float = 0.0
    m: float = 0.0
    y: float = 0.0
    k: float = 0.0

    @classmethod
    def from_percent(cls, values: list[float] | tuple[float, ...]) -> Colour:
        """A colour from four percentages, as written in the file: [0, 0, 0, 100]."""
        c, m, y, k = (max(0.0, min(100.0, float(v))) / 100.0 for v in values)
        return cls(c, m, y, k)

    def to_percent(self) -> list[float]:
        """The four components as percentages, rounded for the file."""
        return [round(v * 100.0, 2) for v in (self.c, self.m, self.y, self.k)]

    def to_rgb(self) -> tuple[float, float, float]:
        """A naive RGB approximation for screen display (0..1 each)."""
        return tuple((1.0 - v) * (1.0 - self.k) for v in (self.c, self.m, self.y))  # type: ignore[return-value]

    @property
    def total_ink(self) -> float:
        """Total area coverage in percent (TAC)."""
        return (self.c + self.m + self.y + self.k) * 100.0


BLACK = Colour(0, 0, 0, 1)
WHITE = Colour(0, 0, 0, 0)
