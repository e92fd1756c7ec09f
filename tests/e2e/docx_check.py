"""Reads a .docx with python-docx, as Word would, and prints what the tests check as JSON:
the paragraphs' text, the fonts and sizes of their runs, the page's size and margins, and each
table's column widths (its w:tblGrid) in mm."""
import json
import sys

import docx

d = docx.Document(sys.argv[1])
section = d.sections[0]
mm = lambda length: round(length.mm, 1)
print(json.dumps({
    "paragraphs": [p.text for p in d.paragraphs],
    "runs": [
        {"text": r.text, "font": r.font.name, "east_asia": r._element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")), "pt": r.font.size.pt if r.font.size else None}
        for p in d.paragraphs for r in p.runs if r.text
    ],
    "footer": [p.text for p in section.footer.paragraphs],
    "page_field": "PAGE" in section.footer._element.xml,
    "tables": [
        [round(int(c.get(docx.oxml.ns.qn("w:w"))) / 56.7, 1) for c in t._tbl.tblGrid.findall(docx.oxml.ns.qn("w:gridCol"))]
        for t in d.tables
    ],
    "keep_next": [p.text for p in d.paragraphs if p.paragraph_format.keep_with_next],
    "page": {"width": mm(section.page_width), "height": mm(section.page_height), "top": mm(section.top_margin), "bottom": mm(section.bottom_margin), "left": mm(section.left_margin), "right": mm(section.right_margin)},
}, ensure_ascii=False))
