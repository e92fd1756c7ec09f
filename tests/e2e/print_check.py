"""Prints a .docx or .xlsx the way a clerk does — LibreOffice opens it and makes a PDF — or reads
a PDF the browser printed, and reports what is on each page as JSON: the paper's size, and each
line of text with where it sits (mm from the paper's left and top edges), its smallest and largest
character size in points, and its width in characters (a Chinese character one, a Latin letter or
digit a half)."""
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine

MM = 25.4 / 72


def to_pdf(path):
    if path.endswith(".pdf"):
        return path
    out = tempfile.mkdtemp(prefix="zuofeng-print-")
    profile = "file://" + os.path.join(out, "profile")
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", out, path],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180,
    )
    return os.path.join(out, os.path.splitext(os.path.basename(path))[0] + ".pdf")


def lines_of(container):
    for item in container:
        if isinstance(item, LTTextLine):
            yield item
        elif isinstance(item, LTTextContainer):
            yield from lines_of(item)


def width(text):
    return sum(1 if ord(c) >= 0x2E80 else 0.5 for c in text if not c.isspace())


def main():
    pdf = to_pdf(sys.argv[1])
    pages = []
    # Lines are kept as LibreOffice set them: no merging of boxes across columns of a table.
    params = LAParams(line_margin=0.1, char_margin=1.0, word_margin=0.1)
    for page in extract_pages(pdf, laparams=params):
        height = page.height
        lines = []
        for line in lines_of(page):
            chars = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
            # A font may map 月 to the Kangxi radical ⽉ when text is extracted: radicals only are
            # read back as the characters they stand for (full-width punctuation stays).
            text = "".join(
                unicodedata.normalize("NFKC", c) if 0x2E80 <= ord(c) <= 0x2FDF else c
                for c in line.get_text()
            ).strip()
            if not chars or not text:
                continue
            lines.append({
                "text": text,
                "left": round(line.x0 * MM, 1),
                "right": round(line.x1 * MM, 1),
                "top": round((height - line.y1) * MM, 1),
                "bottom": round((height - line.y0) * MM, 1),
                "min_pt": round(min(c.size for c in chars), 1),
                "max_pt": round(max(c.size for c in chars), 1),
                "chars": width(text),
            })
        lines.sort(key=lambda l: (l["top"], l["left"]))
        pages.append({
            "width": round(page.width * MM, 1),
            "height": round(height * MM, 1),
            "lines": lines,
        })
    print(json.dumps({"pages": pages}, ensure_ascii=False))


main()
