#!/usr/bin/env python3
"""The HTML report of the seed plans, in Vietnamese and English: valid HTML5
(html5lib in strict mode), one chart per indicator with data and every
milestone status, as the JSON of the same run says; no external URL; then
rendered by headless Chromium to a PNG that is not blank, and printed to an
A4 PDF."""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

from support import check, finish, run

import html5lib

BIN = sys.argv[1]
PATHS = ["plans/", "examples/"]
TIMEOUT = 120
NS = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"


def produce(out_dir, lang):
    """The report written with --output, and the JSON of the same run."""
    path = os.path.join(out_dir, f"r-{lang}.html")
    code, out, err = run(BIN, "evaluate", *PATHS, "--format", "html", "--lang", lang, "--output", path)
    check(code in (0, 1) and out == "", f"{lang}: html exit {code}, stdout empty: {err}")
    code, out, err = run(BIN, "evaluate", *PATHS, "--format", "json")
    check(code in (0, 1), f"json exit {code}: {err}")
    with open(path, "rb") as f:
        return path, f.read(), json.loads(out)


def parse(raw, lang):
    try:
        return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(raw)
    except html5lib.html5parser.ParseError as e:
        check(False, f"{lang}: not valid HTML5: {e}")
        return html5lib.parse(raw)


def has_data(indicator):
    return indicator["baseline"] is not None or indicator["latest"] is not None


def check_structure(root, doc, lang):
    check(root.get("lang") == lang, f"{lang}: <html lang> is {root.get('lang')!r}")
    check(root.find(f"{NS}head/{NS}title") is not None, f"{lang}: a <title>")
    check(root.find(f"{NS}head/{NS}meta[@charset='utf-8']") is not None, f"{lang}: <meta charset=utf-8>")
    units = {u.get("data-unit"): u for u in root.iter(f"{NS}section") if u.get("data-unit")}
    check(list(units) == [u["id"] for u in doc["units"]], f"{lang}: a section per unit, in order")
    charts = [s for s in root.iter(f"{SVG}svg") if "chart" in s.get("class", "").split()]
    want_charts = sum(has_data(i) for u in doc["units"] for i in u["indicators"])
    check(len(charts) == want_charts, f"{lang}: {len(charts)} charts == {want_charts} indicators with data")
    for u in doc["units"]:
        section = units.get(u["id"])
        if section is None:
            continue
        articles = [c for c in section.iter(f"{NS}article") if c.get("data-card")]
        cards = {c.get("data-card"): c for c in articles}
        check(len(articles) == len(u["indicators"]) and set(cards) == {i["id"] for i in u["indicators"]},
              f"{lang}: {u['id']}: a card per indicator")
        for i in u["indicators"]:
            card = cards.get(i["id"])
            if card is None:
                continue
            statuses = [e.get("data-status") for e in card.iter() if e.get("data-status")]
            check(statuses == [m["status"] for m in i["milestones"]], f"{lang}: {u['id']}/{i['id']}: statuses {statuses}")
            chart = [s for s in card.iter(f"{SVG}svg") if s.get("data-indicator") == i["id"]]
            check(len(chart) == (1 if has_data(i) else 0), f"{lang}: {u['id']}/{i['id']}: chart when it has data")
            if chart:
                check(chart[0].find(f"{SVG}title") is not None and chart[0].get("aria-label"),
                      f"{lang}: {i['id']}: chart has a title and aria-label")


def check_no_url(root, raw, lang):
    text = raw.decode("utf-8")
    for el in root.iter():
        for attr in ("src", "href", "{http://www.w3.org/1999/xlink}href"):
            check(el.get(attr) is None, f"{lang}: no {attr} attribute ({el.tag})")
    check(not re.search(r"url\s*\(", text), f"{lang}: no url() in styles")
    check(not re.search(r"https?:|//", text), f"{lang}: no URL or // anywhere")
    check(b"<script" not in raw and b"@import" not in raw, f"{lang}: no script, no @import")


def check_numbers(raw, lang):
    text = raw.decode("utf-8")
    if lang == "vi":
        check(re.search(r">\d+,\d%", text) is not None, "vi: decimal comma in values")
        check("Báo cáo plancheck" in text, "vi: Vietnamese title")
    else:
        check(re.search(r">\d+\.\d%", text) is not None, "en: decimal point in values")


def unfilter(raw, stride, bpp, rows):
    """The first `rows` scanlines of a PNG's inflated image data, filters undone."""
    out, prev = [], bytearray(stride - 1)
    for r in range(rows):
        kind, line = raw[r * stride], bytearray(raw[r * stride + 1:(r + 1) * stride])
        for i in range(len(line)):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        out.append(bytes(line))
        prev = line
    return out


def png_colours(path, rows=700):
    """(width, height, distinct colours in the first rows) of an 8-bit RGB(A) PNG."""
    with open(path, "rb") as f:
        data = f.read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: PNG signature")
    width, height, depth, colour_type = struct.unpack(">IIBB", data[16:26])
    check(data[12:16] == b"IHDR" and depth == 8 and colour_type in (2, 6), f"{path}: IHDR 8-bit RGB(A)")
    if data[12:16] != b"IHDR" or depth != 8 or colour_type not in (2, 6):
        return width, height, 0
    idat, at = b"", 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind == b"IDAT":
            idat += data[at + 8:at + 8 + length]
        at += 12 + length
    bpp = 4 if colour_type == 6 else 3
    lines = unfilter(zlib.decompress(idat), width * bpp + 1, bpp, min(rows, height))
    return width, height, len({line[i:i + 3] for line in lines for i in range(0, len(line), bpp)})


def chromium():
    path = shutil.which("chromium")
    if path is None:
        check(os.environ.get("CI") != "true", "chromium is installed (scripts/ensure-deps.sh test)")
        print("chromium not installed: rendering skipped (outside CI)")
    return path


def browse(browser, html_path, out_dir, *what):
    with tempfile.TemporaryDirectory() as profile:
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *what, "file://" + os.path.abspath(html_path)]
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, cwd=out_dir)
            return p.returncode, p.stderr
        except subprocess.TimeoutExpired:
            return -1, f"timed out after {TIMEOUT} s"


def check_rendering(browser, html_path, out_dir, lang):
    png = os.path.join(out_dir, f"r-{lang}.png")
    code, err = browse(browser, html_path, out_dir, f"--screenshot={png}", "--window-size=1200,3000")
    check(code == 0 and os.path.exists(png), f"{lang}: chromium screenshot: exit {code} {err[-400:]}")
    if os.path.exists(png):
        width, height, colours = png_colours(png)
        check((width, height) == (1200, 3000), f"{lang}: screenshot is 1200x3000, not {width}x{height}")
        check(colours > 1, f"{lang}: screenshot not blank ({colours} colours)")
    pdf = os.path.join(out_dir, f"r-{lang}.pdf")
    code, err = browse(browser, html_path, out_dir, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    check(code == 0 and os.path.exists(pdf), f"{lang}: chromium print to PDF: exit {code} {err[-400:]}")
    if os.path.exists(pdf):
        with open(pdf, "rb") as f:
            data = f.read()
        check(data.startswith(b"%PDF-"), f"{lang}: a PDF")
        # A4 is 595 x 842 points (210 x 297 mm).
        boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
        check(boxes and all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in boxes),
              f"{lang}: PDF pages are A4: {boxes[:3]}")


def check_hostile_names():
    """Names full of markup characters come back as the same text, never as markup."""
    code, out, err = run(BIN, "evaluate", "tests/fixtures/escaping/", "--format", "html", "--lang", "en")
    check(code == 0, f"escaping fixture: exit {code} {err}")
    root = parse(out.encode("utf-8"), "escaping fixture")
    headings = ["".join(h.itertext()) for h in root.iter(f"{NS}h2")]
    check(any(h.startswith('Xã "Đặc <Biệt>" & Co | 100%') for h in headings), f"escaping fixture: unit name {headings}")
    names = ["".join(h.itertext()) for h in root.iter(f"{NS}h4")]
    check("Tỷ lệ hai, 'quoted'" in names, f"escaping fixture: indicator names {names}")
    check(not any(e.tag in (f"{NS}script", f"{NS}biệt") for e in root.iter()), "escaping fixture: no element from a name")


def main():
    browser = chromium()
    check_hostile_names()
    with tempfile.TemporaryDirectory() as out_dir:
        for lang in ("vi", "en"):
            path, raw, doc = produce(out_dir, lang)
            root = parse(raw, lang)
            check_structure(root, doc, lang)
            check_no_url(root, raw, lang)
            check_numbers(raw, lang)
            if browser:
                check_rendering(browser, path, out_dir, lang)
    finish()


main()
