"""Make a press PDF a PDF/X-1a:2001 file: output intent, identification keys, version 1.3.

reportlab writes no OutputIntents and no GTS_PDFX keys (../shared/notes/
typesetting-and-print.md §3a); they are added here with pikepdf. Required
entries (§2b): one OutputIntent with /S /GTS_PDFX, OutputConditionIdentifier,
RegistryName (only for a condition the ICC registry knows: IFRA26, FOGRA39; a
custom condition is "Custom" with no registry), the embedded output profile and Info; Info GTS_PDFXVersion
(PDF/X-1:2001) and GTS_PDFXConformance (PDF/X-1a:2001), Title, CreationDate,
ModDate, Trapped /False; a trailer ID; a TrimBox on every page.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf

from layout.export.profiles import OutputCondition
from layout.export.subsets import rename_subsets


def finish_pdf(path: Path, file_key: str, title: str, condition: OutputCondition | None) -> None:
    """Name the font subsets for this file alone and, given a print condition, make it
    PDF/X-1a:2001; in place (read and written through Python's own files: pikepdf takes
    no path that is not UTF-8, as in a folder named in another encoding)."""
    with pikepdf.open(io.BytesIO(path.read_bytes())) as pdf:
        rename_subsets(pdf, file_key)
        made = io.BytesIO()
        if condition is None:
            pdf.save(made)
        else:
            _make_pdfx(pdf, title, condition)
            pdf.save(made, force_version="1.3", fix_metadata_version=False)
    path.write_bytes(made.getvalue())


def _make_pdfx(pdf: pikepdf.Pdf, title: str, condition: OutputCondition) -> None:
    """Add the PDF/X-1a:2001 structure to an open PDF."""
    profile = pikepdf.Stream(pdf, condition.profile_path().read_bytes())
    profile["/N"] = 4
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name("/GTS_PDFX"),
        OutputConditionIdentifier=condition.identifier,
        OutputCondition=condition.info,
        Info=condition.info,
        DestOutputProfile=profile,
    )
    if condition.registry_name:  # a custom condition names no registry that does not know it
        intent["/RegistryName"] = condition.registry_name
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
    for page in pdf.pages:
        if "/TrimBox" in page.obj and "/ArtBox" in page.obj:
            del page.obj["/ArtBox"]  # PDF/X: a TrimBox or an ArtBox, not both
    info = pdf.docinfo
    info["/Title"] = title
    info["/GTS_PDFXVersion"] = "PDF/X-1:2001"
    info["/GTS_PDFXConformance"] = "PDF/X-1a:2001"
    info["/Trapped"] = pikepdf.Name("/False")
    if "/ModDate" not in info and "/CreationDate" in info:
        info["/ModDate"] = info["/CreationDate"]
