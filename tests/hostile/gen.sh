#!/usr/bin/env bash
# Writes the large hostile inputs (not kept in git) into DIR.
set -euo pipefail
dir=$1
mkdir -p "$dir"
python3 - "$dir" <<'PY'
import os, sys
d = sys.argv[1]
open(os.path.join(d, "deep.yaml"), "w").write("[\n" * 100000 + "]\n" * 100000)
open(os.path.join(d, "long-line.yaml"), "w").write('plancheck: 1\nunit: {id: u, name: U}\nx-long: "' + "a" * 200000 + '"\n')
with open(os.path.join(d, "huge.yaml"), "w") as f:
    f.write("plancheck: 1\n")
    line = "# " + "x" * 1021 + "\n"
    f.write(line * (100 * 1024 - 1))
with open(os.path.join(d, "many-errors.yaml"), "w") as f:
    f.write("plancheck: 1\nunit: {id: u, name: U}\nindicators:\n")
    for i in range(10000):
        f.write(f"  - {{id: i{i}, name: I, targets: {{2030: \"???\"}}}}\n")
os.makedirs(os.path.join(d, "loop"), exist_ok=True)
with open(os.path.join(d, "loop", "plan.yaml"), "w") as f:
    f.write("plancheck: 1\nunit: {id: u, name: U}\nindicators: [{id: a, name: A, targets: {2030: 1}}]\n")
# 20,000 broken files: their diagnostics must sort in n log n.
many = os.path.join(d, "many-files")
os.makedirs(many, exist_ok=True)
for i in range(20000):
    path = os.path.join(many, f"plan-{i:05}.yaml")
    if not os.path.exists(path):
        with open(path, "w") as f:
            f.write("plancheck: 1\nunit: {id: u%d, name: U}\nindicators: 7\n" % i)
link = os.path.join(d, "loop", "again")
if not os.path.islink(link):
    os.symlink("..", link)
PY
# Spreadsheets (issue 14): zip bombs, a million cells, broken parts.
python3 - "$dir" <<'PY'
import os, sys, zipfile
d = sys.argv[1]
WORKBOOK = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>')
SHEET_START = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_END = '</sheetData></worksheet>'

def xlsx(name, sheet_chunks, strings='<sst><si><t>x</t></si></sst>', parts=None):
    with zipfile.ZipFile(os.path.join(d, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr("xl/sharedStrings.xml", strings)
        for part, text in (parts or {}).items():
            z.writestr(part, text)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for chunk in sheet_chunks:
                f.write(chunk.encode())

# 100 MB of one sheet: over the 32 MB a part may unpack to.
xlsx("zip-bomb.xlsx", [SHEET_START] + [" " * (1 << 20)] * 100 + [SHEET_END])
# 20 MB that compress 1000 times: refused on the ratio before the size.
xlsx("ratio-bomb.xlsx", [SHEET_START] + [" " * (1 << 20)] * 20 + [SHEET_END])
# A million cells (5000 rows of 200 numbers, not compressible enough to be
# refused as a bomb) under a wide header that names three columns: each row
# is an error, said for the first 100, in bounded memory.
import random
rnd = random.Random(14)
header = '<row><c t="inlineStr"><is><t>unit</t></is></c><c t="inlineStr"><is><t>id</t></is></c><c><v>2025</v></c></row>'
rows = ("<row>" + "".join(f"<c><v>{rnd.randint(0, 99999)}</v></c>" for _ in range(200)) + "</row>" for _ in range(5000))
xlsx("million-cells.xlsx", [SHEET_START, header, *rows, SHEET_END])
row = '<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c><v>1</v></c></row>'
# A million cells and no header: reading stops after the first rows.
xlsx("million-no-header.xlsx", [SHEET_START] + [row * 1000] * 333 + [SHEET_END],
     strings='<sst><si><t>nowhere</t></si><si><t>a</t></si></sst>')
xlsx("shared-string.xlsx", [SHEET_START, '<row r="1"><c r="A1" t="s"><v>99</v></c></row>', SHEET_END])
xlsx("malformed.xlsx", [SHEET_START, '<row r="1"><c r="A1"><v>1</v></row>', SHEET_END])
xlsx("dtd.xlsx", [SHEET_START, SHEET_END],
     strings='<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
             '<sst><si><t>&lol2;</t></si></sst>')
with zipfile.ZipFile(os.path.join(d, "no-workbook.xlsx"), "w") as z:
    z.writestr("hello.txt", "not a workbook")
open(os.path.join(d, "not-zip.xlsx"), "w").write("unit,indicator,year,value\n")
# An .ods whose one non-empty cell is repeated over 16384 columns and a
# million rows: the repeats stop at the cell limit.
content = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
           '<table:table table:name="T"><table:table-row table:number-rows-repeated="1048576">'
           '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1">'
           '<text:p>1</text:p></table:table-cell></table:table-row></table:table>'
           '</office:spreadsheet></office:body></office:document-content>')
with zipfile.ZipFile(os.path.join(d, "repeat-bomb.ods"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("content.xml", content)
PY
