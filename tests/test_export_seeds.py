"""The bank generated from the bundled seed articles, exported in every format and read back:
the formats must carry real generated questions, not only the hand-made fixture bank."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import Counter

import markdown_it
import pygiftparser.parser as pygiftparser
import pytest
from lxml import etree, html

from quizlib.articles import seed_corpus
from quizlib.export import FORMATS, render
from quizlib.pipeline import generate

GIFT_TYPE = {"single": "SelectSet", "multi": "MultipleChoicesSet", "text": "ShortSet"}
GIFT_TYPE |= {"match": "MatchingSet", "rewrite": "Essay"}


@pytest.fixture(scope="module")
def bank():
    bank = generate(seed_corpus(), seed=0)
    assert len(bank) >= 20, "the generators should make a seed bank"
    return bank


@pytest.fixture(scope="module")
def exports(bank):
    return {fmt: render(bank, fmt, "seeds") for fmt in FORMATS}


def test_every_question_is_exported_or_listed(bank, exports):
    for fmt, done in exports.items():
        skipped = [n for n in done.notes if n.action == "skipped"]
        assert done.exported + len(skipped) == len(bank), fmt
        assert all(n.reason for n in done.notes)
    # the richest formats carry everything
    for fmt in ("qti", "csv", "markdown", "html"):
        assert not [n for n in exports[fmt].notes if n.action == "skipped"], fmt
    moodle_skips = {n.question_id for n in exports["moodle-xml"].notes if n.action == "skipped"}
    assert moodle_skips == {q.id for q in bank if q.form == "match" and len(set(q.options)) < 3}


def test_seed_gift_parses(bank, exports, tmp_path):
    path = tmp_path / "seeds.gift"
    path.write_bytes(exports["gift"].files["seeds.gift"])
    with path.open(encoding="utf-8") as f:
        parsed = {p.title.split()[-1]: p for p in pygiftparser.parseFile(f)}
    assert len(parsed) == exports["gift"].exported
    for q in bank:
        if q.id in parsed:
            assert parsed[q.id].valid, q.id
            assert type(parsed[q.id].answers).__name__ == GIFT_TYPE[q.form], q.id


def test_seed_moodle_xml_and_qti_parse(bank, exports):
    root = etree.fromstring(exports["moodle-xml"].files["seeds.xml"])
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    assert len(questions) == exports["moodle-xml"].exported
    assert {q.findtext("idnumber") for q in questions} <= {q.id for q in bank}
    zf = zipfile.ZipFile(io.BytesIO(exports["qti"].files["seeds.zip"]))
    assessment = next(n for n in zf.namelist() if n.count("/") == 1 and not n.endswith("assessment_meta.xml"))
    items = etree.fromstring(zf.read(assessment)).iter("{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}item")
    assert len(list(items)) == len(bank)


def test_seed_tables_and_pages(bank, exports):
    rows = list(csv.DictReader(io.StringIO(exports["csv"].files["seeds.csv"].decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == [q.id for q in bank]
    page = html.fromstring(exports["html"].files["seeds.html"])
    assert len(page.findall(".//section")) == len(bank)
    assert not page.findall(".//script")
    rendered = markdown_it.MarkdownIt("commonmark").render(exports["markdown"].files["seeds.md"].decode())
    assert rendered.count("<h3>") == len(bank)
    items = json.loads(exports["jupyterquiz"].files["seeds.json"])
    matches = [q for q in bank if q.form == "match"]
    assert len(items) == exports["jupyterquiz"].exported - len(matches) + sum(len(q.items) for q in matches)
    singles = sum(q.form == "single" for q in bank) + sum(len(q.items) for q in bank if q.form == "match")
    assert Counter(i["type"] for i in items)["multiple_choice"] == singles


def test_a_quoted_sentence_is_its_own_paragraph_and_mark_words_name_their_article(bank, exports):
    """Instructor walkthrough: in the LMS the prompt and its quoted sentence ran together in one <p>,
    and mark-the-words items had no "Article:" line (a word such as "a" stood in the title)."""
    root = etree.fromstring(exports["moodle-xml"].files["seeds.xml"])
    texts = {
        q.findtext("name/text").split()[-1]: html.fromstring(q.findtext("questiontext/text"))
        for q in root.iter("question")
        if q.get("type") != "category"
    }
    marks = [q for q in bank if q.kind == "mark_words" and q.id in texts]
    assert marks
    for q in marks:
        paras = [p.text_content() for p in texts[q.id].iter("p")]
        assert paras[-1].startswith("Article: “")
        assert q.prompt.split("\n\n")[-1] in paras and not any("\n\n" in p for p in paras)
    zf = zipfile.ZipFile(io.BytesIO(exports["qti"].files["seeds.zip"]))
    qti = "".join(zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith(".xml"))
    assert "\n\n“" not in qti
