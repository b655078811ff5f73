#!/usr/bin/env python3
"""Makes the workbook fixtures of WorkbooksTests (see README.md beside this script).

Run from this folder: python3 make-fixtures.py  (needs openpyxl; LibreOffice's soffice for the
libreoffice-* files, which are skipped without it). The files are committed; the tests never run this.
"""
import datetime
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font
from openpyxl.utils.datetime import CALENDAR_MAC_1904

here = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(here, name)


def published():
    """A table as the inspectorate publishes it: title and source above, a blank row, notes below."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ratings"
    ws["A1"] = "Table 3: Youth justice inspection ratings, 2018 to 2025"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:F1")
    ws["A2"] = "Source: HM Inspectorate of Probation"
    header = ["area", "region", "inspected", "score", "share", "outstanding"]
    ws.append([])
    ws.append(header)
    rows = [
        ("Harrow", "London", datetime.date(2019, 3, 14), 36, 0.75, False),
        ("Brent", "London", datetime.date(2020, 1, 31), 41, 0.8125, True),
        ("Wigan", "North West", datetime.date(2021, 11, 2), 28, 0.5, False),
        ("Cardiff", "Wales", datetime.date(2024, 2, 29), 33, 0.6875, False),
    ]
    for row in rows:
        ws.append(row)
    for r in range(5, 9):
        ws.cell(row=r, column=3).number_format = "dd/mm/yyyy"
    ws.append([])
    ws.append(["Note: scores out of 48; shares of the measures rated good or outstanding."])
    # A second sheet, with a name to misspell.
    areas = wb.create_sheet("Areas")
    areas.append(["code", "name"])
    areas.append(["E09000015", "Harrow"])
    areas.append(["E09000005", "Brent"])
    wb.create_sheet("Empty")
    # Suppressed values as government statistics mark them: "[c]" in a number column.
    suppressed = wb.create_sheet("Suppressed")
    for row in (["area", "score"], ["Harrow", 36], ["Brent", "[c]"], ["Wigan", 28]):
        suppressed.append(row)
    wb.save(path("published.xlsx"))


def types():
    """Every kind of cell: integers, decimals, dates by built-in and custom formats, booleans, text with
    line breaks, rich text, errors, merged cells, a number in a text column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Types"
    ws.append(["id", "ratio", "built_in_date", "custom_date", "flag", "note", "rich", "maybe"])
    data = [
        (1, 0.5, datetime.date(1900, 1, 1), datetime.date(1900, 3, 1), True, "two\nlines", None, 1.0),
        (2, 1.25, datetime.date(1970, 1, 1), datetime.date(2000, 2, 29), False, "plain", None, "#N/A"),
        (3, -2.0, datetime.date(2025, 12, 31), datetime.date(1999, 12, 31), True, "Ünïcödé & <tags>", None, 3.0),
        (9007199254740993, 3.0, datetime.date(1900, 2, 28), datetime.date(2024, 6, 1), False, "  spaced  ", None, "#DIV/0!"),
    ]
    for row in data:
        ws.append(row)
    for r in range(2, 6):
        ws.cell(row=r, column=3).number_format = "mm-dd-yy"  # built-in 14
        ws.cell(row=r, column=4).number_format = '[$-809]d mmmm yyyy;@'
    ws["G2"] = CellRichText([TextBlock(InlineFont(b=True), "bold"), " and plain"])
    ws["G3"] = "simple"
    ws["G4"] = CellRichText(["one ", TextBlock(InlineFont(i=True), "two")])
    ws["G5"] = "last"
    merged = wb.create_sheet("Merged")
    merged.append(["region", "area", "score"])
    merged.append(["London", "Harrow", 36])
    merged.append([None, "Brent", 41])
    merged.append(["Wales", "Cardiff", 33])
    merged.merge_cells("A2:A3")
    wb.save(path("types.xlsx"))


def mac1904():
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Dates"
    ws.append(["day"])
    for d in (datetime.date(1904, 1, 1), datetime.date(2011, 12, 5)):
        ws.append([d])
        ws.cell(row=ws.max_row, column=1).number_format = "yyyy-mm-dd"
    wb.save(path("mac1904.xlsx"))


def handmade():
    """Hand-written XML: inline strings, formulas with cached values (number, text, error), a shared string
    with a phonetic run, cells without r= attributes, t="d" dates, and the 1900 leap-year day 60."""
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hand Made" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
        "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>label</t></si><si><t>total</t></si><si><r><t xml:space="preserve">東京 </t></r><r><rPr><b/></rPr><t>tokyo</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="20"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c t="inlineStr"><is><t>value</t></is></c><c t="inlineStr"><is><t>when</t></is></c><c t="inlineStr"><is><t>time</t></is></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><f>1+1</f><v>2</v></c><c r="C2" s="1"><v>61</v></c><c r="D2" s="2"><v>0.5</v></c></row>'
        '<row><c t="str"><f>"a"&amp;"b"</f><v>ab &amp; more</v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c><c t="d"><v>2023-04-05T00:00:00</v></c><c s="2"><v>0.25</v></c></row>'
        '<row r="4"><c r="A4" t="s"><v>1</v></c><c r="B4"><f>SUM(B2:B3)</f><v>2</v></c><c r="C4" s="1"><v>59</v></c><c r="D4" s="2"/></row>'
        '</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path("handmade.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            z.writestr(name, text)
    # The same, with a leap-year-quirk day (serial 60, 1900-02-29) in a date cell.
    quirk = dict(files)
    quirk["xl/worksheets/sheet1.xml"] = files["xl/worksheets/sheet1.xml"].replace('<v>59</v>', '<v>60</v>')
    with zipfile.ZipFile(path("leapday.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in quirk.items():
            z.writestr(name, text)
    # Hostile: a DTD with an external entity in the sheet.
    hostile = dict(files)
    hostile["xl/worksheets/sheet1.xml"] = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>'
    with zipfile.ZipFile(path("entity.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in hostile.items():
            z.writestr(name, text)
    # Hostile: a sheet part named outside the package.
    escape = dict(files)
    escape["xl/_rels/workbook.xml.rels"] = files["xl/_rels/workbook.xml.rels"].replace('Target="/xl/worksheets/sheet1.xml"', 'Target="../../../etc/passwd"')
    with zipfile.ZipFile(path("escape.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in escape.items():
            z.writestr(name, text)
    # Hostile: a sheet that inflates to 64 MiB of blanks from about 64 KiB (the tests set a 16 MiB cap).
    bomb = dict(files)
    bomb["xl/worksheets/sheet1.xml"] = '<worksheet><sheetData>' + ' ' * (64 << 20) + '</sheetData></worksheet>'
    with zipfile.ZipFile(path("bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in bomb.items():
            z.writestr(name, text)


def bad_files():
    with open(path("not-a-zip.xlsx"), "w") as f:
        f.write("area,score\nHarrow,36\n")
    data = open(path("published.xlsx"), "rb").read()
    with open(path("truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) // 2])
    # What Excel writes for a password-protected workbook: an OLE compound file (only its signature and a
    # stand-in body here; the reader looks no further).
    with open(path("encrypted.xlsx"), "wb") as f:
        f.write(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le"))


def libreoffice():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: libreoffice-* fixtures not made")
        return
    with tempfile.TemporaryDirectory() as work:
        # Formulas whose cached values LibreOffice computes, spans, dates and booleans, saved as ODS and XLSX.
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Scores"
        ws.append(["area", "score", "double", "inspected", "good", "ratio"])
        ws.append(["Harrow", 36, "=B2*2", datetime.date(2011, 12, 5), True, "=B2/48"])
        ws.append(["Brent", 41, "=B3*2", datetime.date(2019, 3, 14), False, "=B3/0"])
        ws.append(["Wigan", 28, "=B4*2", datetime.date(2024, 2, 29), True, "=B4/64"])
        for r in range(2, 5):
            ws.cell(row=r, column=4).number_format = "yyyy-mm-dd"
        ws["A6"] = "Total"
        ws["B6"] = "=SUM(B2:B4)"
        notes = wb.create_sheet("Notes")
        notes.append(["line"])
        notes.append(["first\nsecond"])
        notes.append(["   three spaces"])
        source = os.path.join(work, "libreoffice-source.xlsx")
        wb.save(source)
        for fmt in ("ods", "xlsx"):
            out = os.path.join(work, "out")
            subprocess.run([soffice, "--headless", "--convert-to", fmt, "--outdir", out, source], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.copy(os.path.join(out, "libreoffice-source." + fmt), path("libreoffice." + fmt))


if __name__ == "__main__":
    published()
    types()
    mac1904()
    handmade()
    bad_files()
    libreoffice()
