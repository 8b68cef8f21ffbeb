"""Prepare a paragraph for line breaking: atoms, their widths, spaces and break rules.

A paragraph is a list of styled runs. Each run is split into atoms (see
``layout.engine.chars``); each atom gets a natural width in points, the space
it may give up when a line is tight, the space before it (Han–Latin spacing)
and whether a line may break before it. Adjacent punctuation is compressed
here, once, so that breaking sees the widths that will be set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate

from layout.engine.chars import NO_END, NO_START, NO_START_STRICT, Cls, atomize, classify
from layout.engine.fonts import FontChain
from layout.model.colour import Colour

HALF = 0.5
HAN_LATIN_SPACE = 0.25  # clreq: up to 1/4 em between Han and Latin letters or digits
HAN_LATIN_MIN = 0.125  # reduction step 6: no less than 1/8 em
PUNCT = (Cls.OPEN, Cls.CLOSE, Cls.PAUSE, Cls.STOP, Cls.MIDDLE)
RIGHT_SPACED = (Cls.CLOSE, Cls.PAUSE, Cls.STOP)


class Tier:
    """Where an atom's shrinkable space stands in clreq's reduction order."""

    SPACE = 0
    MIDDLE = 1
    BRACKET = 2
    PAUSE = 3
    HAN_LATIN = 4
    STOP = 5
    NONE = 6


_TIER_OF = {
    Cls.SPACE: Tier.SPACE,
    Cls.MIDDLE: Tier.MIDDLE,
    Cls.OPEN: Tier.BRACKET,
    Cls.CLOSE: Tier.BRACKET,
    Cls.PAUSE: Tier.PAUSE,
    Cls.STOP: Tier.STOP,
}


@dataclass(frozen=True)
class StyledRun:
    """Text in one font chain, size, colour and tracking (em)."""

    text: str
    chain: FontChain
    size: float
    colour: Colour
    tracking: float = 0.0


@dataclass
class PreparedParagraph:
    """Parallel lists, one entry per atom, ready for breaking and justification.

    ``width`` is the natural advance in points, ``lead`` the leading space
    already removed from an opening mark (its glyph is drawn that far left),
    ``gap`` the space before the atom, ``shrink`` the space the atom can still
    give up, ``breakable[i]`` whether a line may start at atom i. ``cum`` holds
    prefix sums of gap + width, with one more entry than there are atoms.
    """

    runs: list[StyledRun]
    atoms: list[str] = field(default_factory=list)
    cls: list[Cls] = field(default_factory=list)
    run_of: list[int] = field(default_factory=list)
    width: list[float] = field(default_factory=list)
    lead: list[float] = field(default_factory=list)
    gap: list[float] = field(default_factory=list)
    shrink: list[float] = field(default_factory=list)
    tier: list[int] = field(default_factory=list)
    breakable: list[bool] = field(default_factory=list)
    cum: list[float] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.atoms)

    def em(self, index: int) -> float:
        """The em (type size) of the atom's run."""
        return self.runs[self.run_of[index]].size

    def end_cut(self, index: int) -> float:
        """Space removed when the atom ends a line (full-width mark set half width, a space)."""
        cls = self.cls[index]
        if cls in RIGHT_SPACED and self.shrink[index] > 0:
            return HALF * self.em(index)
        if cls is Cls.SPACE:
            return self.width[index]
        return self.runs[self.run_of[index]].tracking * self.em(index)

    def start_cut(self, index: int, first_line: bool) -> float:
        """Space removed when the atom starts a line (an opening mark's leading half em)."""
        if not first_line and self.cls[index] is Cls.OPEN and self.lead[index] == 0:
            return HALF * self.em(index)
        return 0.0


def _atom_width(atom: str, cls: Cls, run: StyledRun) -> float:
    """Natural width: punctuation and Han take whole em boxes, Latin its advances."""
    if cls in PUNCT:
        return run.size * (1.0 + run.tracking)
    lookup = run.chain.lookup
    total = 0.0
    for ch in atom:
        entry = lookup.get(ord(ch))
        total += entry[1] if entry is not None else 1.0
    if cls is Cls.HAN or cls is Cls.DASH:
        total += run.tracking * len(atom)
    return total * run.size


def _compress_adjacent(p: PreparedParagraph) -> None:
    """Two adjacent marks (2 em) take 1.5 em: the first gives up its trailing space,
    else the second its leading space (clreq: adjustment of adjacent punctuation)."""
    for i in range(1, len(p.atoms)):
        a, b = p.cls[i - 1], p.cls[i]
        if a not in PUNCT or b not in PUNCT:
            continue
        if a in RIGHT_SPACED and p.shrink[i - 1] > 0:
            p.width[i - 1] -= HALF * p.em(i - 1)
            p.shrink[i - 1] = 0.0
        elif b is Cls.OPEN and p.lead[i] == 0:
            p.width[i] -= HALF * p.em(i)
            p.lead[i] = HALF * p.em(i)
            p.shrink[i] = 0.0


def _gaps(p: PreparedParagraph) -> None:
    """A quarter em between Han and Latin atoms; it can shrink to 1/8 em."""
    for i in range(1, len(p.atoms)):
        pair = (p.cls[i - 1], p.cls[i])
        if pair in ((Cls.HAN, Cls.LATIN), (Cls.LATIN, Cls.HAN)):
            em = min(p.em(i - 1), p.em(i))
            p.gap[i] = HAN_LATIN_SPACE * em
            if p.tier[i] == Tier.NONE:
                p.tier[i] = Tier.HAN_LATIN
                p.shrink[i] = (HAN_LATIN_SPACE - HAN_LATIN_MIN) * em


def _break_rules(p: PreparedParagraph, strict: bool) -> None:
    """May a line start at atom i? Not before a no-start mark nor after a no-end mark."""
    no_start = NO_START_STRICT if strict else NO_START
    atoms = p.atoms
    p.breakable = [False] + [
        atoms[i][0] not in no_start and atoms[i - 1][-1] not in NO_END
        for i in range(1, len(atoms))
    ]
    for i in range(1, len(atoms)):
        if p.cls[i] is Cls.SPACE or (p.cls[i - 1] is Cls.LATIN and p.cls[i] is Cls.LATIN):
            p.breakable[i] = p.cls[i - 1] is Cls.SPACE
        elif p.cls[i - 1] is Cls.SPACE:
            p.breakable[i] = True


def prepare(runs: list[StyledRun], strict: bool = False) -> PreparedParagraph:
    """Atoms and metrics of a paragraph made of styled runs."""
    p = PreparedParagraph(runs=runs)
    for index, run in enumerate(runs):
        atoms = atomize(run.text)
        for atom in atoms:
            cls = classify(atom)
            p.atoms.append(atom)
            p.cls.append(cls)
            p.run_of.append(index)
            p.width.append(_atom_width(atom, cls, run))
            tier = _TIER_OF.get(cls, Tier.NONE)
            p.tier.append(tier)
            p.shrink.append(_shrinkable(cls, atom, run))
    count = len(p.atoms)
    p.lead = [0.0] * count
    p.gap = [0.0] * count
    _compress_adjacent(p)
    _gaps(p)
    _break_rules(p, strict)
    p.cum = [0.0, *accumulate(g + w for g, w in zip(p.gap, p.width))]
    return p


def _shrinkable(cls: Cls, atom: str, run: StyledRun) -> float:
    """Space an atom can give up under reduction."""
    if cls in PUNCT:
        return HALF * run.size
    if cls is Cls.SPACE and atom == " ":
        entry = run.chain.lookup.get(32)
        natural = entry[1] if entry else 0.25
        return max(0.0, natural - 0.25 * 0.5) * run.size
    return 0.0
