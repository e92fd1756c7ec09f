#!/usr/bin/env bash
# Remakes the office-suite fixtures in tests/fixtures/office: workbooks this app writes, opened
# and saved again by LibreOffice (as a clerk's office suite would), so that the native tests
# read files an office suite wrote, not only our own. Needs LibreOffice (scripts/setup.sh
# --browser installs it). Run it when the writer changes and commit the files it makes.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(pwd)/tests/fixtures/office"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ZUOFENG_FIXTURE_OUT="$work/bank-saved-by-libreoffice.xlsx" \
  cargo test --quiet --lib write_bank_fixture -- --ignored >/dev/null
# Open and save as .xlsx ("Calc MS Excel 2007 XML"), in a profile of its own.
soffice -env:UserInstallation="file://$work/profile" --headless --calc \
  --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work/saved" \
  "$work/bank-saved-by-libreoffice.xlsx" >/dev/null
cp "$work/saved/bank-saved-by-libreoffice.xlsx" "$out/"
# A bank typed into a spreadsheet: the CSV opened by LibreOffice with its number recognition on
# (shares, amounts and dates become numbers with formats, as typing them would) and saved.
cp tests/fixtures/office/bank-typed.csv "$work/bank-typed-in-libreoffice.csv"
soffice -env:UserInstallation="file://$work/profile" --headless \
  --infilter='CSV:44,34,76,1,,2052,false,true,true' \
  --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work/saved" \
  "$work/bank-typed-in-libreoffice.csv" >/dev/null
cp "$work/saved/bank-typed-in-libreoffice.xlsx" "$out/"
echo "wrote $out/bank-saved-by-libreoffice.xlsx and bank-typed-in-libreoffice.xlsx"
