"""Reads an .xlsx with openpyxl, as Excel would, and prints its first sheet's name and rows as JSON."""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
sheet = book.worksheets[0]
rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
print(json.dumps({"sheet": sheet.title, "rows": rows}, ensure_ascii=False, default=str))
