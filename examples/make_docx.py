#!/usr/bin/env python3
"""Build examples/volunteer-briefing.docx: a Word draft with a header, a table and runs.

python -m pip install python-docx && python examples/make_docx.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

OUT = Path(__file__).resolve().parent / "volunteer-briefing.docx"


def main() -> None:
    doc = Document()
    doc.core_properties.author = "Outreach team"
    doc.core_properties.title = "Volunteer briefing"
    doc.sections[0].header.paragraphs[0].text = "Draft for the prostitute outreach night"
    doc.add_heading("Volunteer briefing", level=1)
    doc.add_paragraph(
        "Thank you for joining the night van. You will meet people who sell sex, people who "
        "use drugs and people who sleep rough."
    )
    para = doc.add_paragraph("Some of the women are ")
    para.add_run("street").italic = True
    para.add_run("walkers who have worked here for years; greet them by name.")
    doc.add_paragraph("If a junkie asks for naloxone, hand over two kits; never take photos.")
    table = doc.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    cells = [
        ("Time", "What we hand out"),
        ("21:00", "Condoms, lubricant and naloxone"),
        ("23:00", "Hot drinks for the hookers at the harbour"),
    ]
    for row, (left, right) in zip(table.rows, cells, strict=True):
        row.cells[0].text = left
        row.cells[1].text = right
    doc.add_paragraph("Questions? Ask the shift lead before the van leaves.")
    doc.save(str(OUT))


if __name__ == "__main__":
    main()
