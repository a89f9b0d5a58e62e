"""CSV: one row a question, for spreadsheets and LMS tools that read tables.

Lists (options, items, accepted answers) are JSON arrays in their cells. A cell that a
spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
leading apostrophe, as OWASP advises for CSV injection.
"""

from __future__ import annotations

import csv
import io
import json

from ..bank import Bank
from . import Rendered, common

COLUMNS = (
    "number",
    "id",
    "kind",
    "form",
    "skill",
    "technique",
    "articles",
    "prompt",
    "options",
    "items",
    "answer",
    "key",
    "explanation",
    "evidence",
    "difficulty",
)


def cell(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render(bank: Bank, stem: str, fmt: str = "csv") -> Rendered:
    names = common.titles(bank)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for number, q in enumerate(bank.questions, 1):
        row = [
            str(number),
            q.id,
            q.kind,
            q.form,
            q.skill,
            q.technique or "",
            "; ".join(names.get(a, a) for a in q.article_ids),
            q.prompt,
            list(q.options),
            list(q.items),
            list(q.answer),
            q.key_text,
            q.explanation,
            " … ".join(e.text for e in q.evidence),
            f"{q.difficulty:.2f}",
        ]
        writer.writerow([cell(v) for v in row])
    # UTF-8 with a byte-order mark, so spreadsheet programs read the quotes and dashes right.
    return Rendered({f"{stem}.csv": ("\ufeff" + buf.getvalue()).encode("utf-8")}, (), len(bank.questions))
