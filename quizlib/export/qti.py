"""Canvas QTI 1.2: the zip Canvas imports (Settings > Import course content > QTI .zip file).

Layout, as Canvas's own quiz exports have it: imsmanifest.xml at the top, and a folder named
after the assessment holding the assessment XML (<id>/<id>.xml) and assessment_meta.xml.
XML is built with ElementTree, so every text is entity-escaped; HTML shown by Canvas is
HTML-escaped first (mattext texttype="text/html"). The zip is deterministic (fixed timestamps).
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile

from ..bank import Bank
from ..questions import Question
from . import Note, Rendered, common

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

QUESTION_TYPE = {
    "single": "multiple_choice_question",
    "multi": "multiple_answers_question",
    "text": "short_answer_question",
    "match": "matching_question",
    "rewrite": "essay_question",
}


def _ident(*parts: str) -> str:
    return "g" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def _clean(text: str) -> str:
    return _ILLEGAL.sub("", text)


def _html(parts: list[str]) -> str:
    return "".join(f"<p>{html.escape(_clean(p), quote=False)}</p>" for p in common.blocks(parts))


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = _clean(text)
    return el


def _material(parent: ET.Element, markup: str, texttype: str = "text/html") -> None:
    _sub(_sub(parent, "material"), "mattext", markup, texttype=texttype)


def _meta(parent: ET.Element, fields: list[tuple[str, str]]) -> None:
    md = _sub(parent, "qtimetadata")
    for label, entry in fields:
        f = _sub(md, "qtimetadatafield")
        _sub(f, "fieldlabel", label)
        _sub(f, "fieldentry", entry)


def _feedback(item: ET.Element, ident: str, parts: list[str]) -> None:
    fb = _sub(item, "itemfeedback", ident=ident)
    _material(_sub(fb, "flow_mat"), _html(parts))


def _condition(parent: ET.Element, cont: str = "Yes") -> tuple[ET.Element, ET.Element]:
    rc = _sub(parent, "respcondition", **{"continue": cont})
    return rc, _sub(rc, "conditionvar")


def _show(rc: ET.Element, ident: str) -> None:
    _sub(rc, "displayfeedback", feedbacktype="Response", linkrefid=ident)


def _item(section: ET.Element, q: Question, number: int, names: dict[str, str]) -> Note | None:
    qtype = QUESTION_TYPE[q.form]
    if q.kind == "true_false" and set(q.options) == {"True", "False"}:
        qtype = "true_false_question"
    item = _sub(section, "item", ident=_ident(q.id), title=common.name(q, number))
    answer_ids = {o: _ident(q.id, "option", o) for o in q.options}
    _meta(
        _sub(item, "itemmetadata"),
        [
            ("question_type", qtype),
            ("points_possible", "1.0"),
            ("original_answer_ids", ",".join(answer_ids.values())),
            ("assessment_question_identifierref", _ident(q.id, "bank")),
        ],
    )
    pres = _sub(item, "presentation")
    extra = [f"A model answer: {q.answer[0]}"] if q.form == "rewrite" else []
    _material(pres, _html([q.prompt, common.article_line(q, names)]))
    proc = _sub(item, "resprocessing")
    outcomes = _sub(proc, "outcomes")
    _sub(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    rc, cond = _condition(proc)
    _sub(cond, "other")
    _show(rc, "general_fb")
    note = None

    if q.form in ("single", "multi"):
        lid = _sub(pres, "response_lid", ident="response1", rcardinality="Single" if q.form == "single" else "Multiple")
        choice = _sub(lid, "render_choice")
        for o in q.options:
            label = _sub(choice, "response_label", ident=answer_ids[o])
            _material(label, _clean(o), "text/plain")
            rc, cond = _condition(proc)
            _sub(cond, "varequal", answer_ids[o], respident="response1")
            _show(rc, f"{answer_ids[o]}_fb")
        rc, cond = _condition(proc, "No")
        if q.form == "single":
            _sub(cond, "varequal", answer_ids[q.answer[0]], respident="response1")
        else:
            both = _sub(cond, "and")
            for o in q.options:
                if o in q.answer:
                    _sub(both, "varequal", answer_ids[o], respident="response1")
                else:
                    _sub(_sub(both, "not"), "varequal", answer_ids[o], respident="response1")
        _sub(rc, "setvar", "100", action="Set", varname="SCORE")
        _show(rc, "correct_fb")
    elif q.form == "text":
        rs = _sub(pres, "response_str", ident="response1", rcardinality="Single")
        _sub(_sub(rs, "render_fib"), "response_label", ident="answer1", rshuffle="No")
        rc, cond = _condition(proc, "No")
        for a in q.answer:
            _sub(cond, "varequal", a, respident="response1")
        _sub(rc, "setvar", "100", action="Set", varname="SCORE")
        _show(rc, "correct_fb")
    elif q.form == "match":
        share = f"{100 / len(q.items):.2f}"
        for n, (i, a) in enumerate(zip(q.items, q.answer, strict=True), 1):
            lid = _sub(pres, "response_lid", ident=f"response_{n}")
            _material(lid, _clean(i), "text/plain")
            choice = _sub(lid, "render_choice")
            for o in q.options:
                _material(_sub(choice, "response_label", ident=answer_ids[o]), _clean(o), "text/plain")
            rc, cond = _condition(proc)
            _sub(cond, "varequal", answer_ids[a], respident=f"response_{n}")
            _sub(rc, "setvar", share, action="Add", varname="SCORE")
    elif q.form == "rewrite":
        rs = _sub(pres, "response_str", ident="response1", rcardinality="Single")
        _sub(_sub(rs, "render_fib"), "response_label", ident="answer1", rshuffle="No")
        rc, cond = _condition(proc, "No")
        _sub(cond, "other")
        note = Note(q.id, q.kind, "converted", "self-checked rewrite exported as an essay, graded by hand")

    _feedback(item, "general_fb", [*extra, *common.general_feedback(q, names)])
    if q.form in ("single", "multi", "text"):
        rc, cond = _condition(proc)
        _sub(cond, "other")
        _show(rc, "general_incorrect_fb")
        _feedback(item, "correct_fb", [common.CORRECT])
        _feedback(item, "general_incorrect_fb", [common.INCORRECT])
    if q.form in ("single", "multi"):
        for o in q.options:
            _feedback(item, f"{answer_ids[o]}_fb", [common.option_feedback(q, o)])
    return note


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8")


def _manifest(aid: str, title: str) -> bytes:
    root = ET.Element("manifest", {"identifier": _ident(aid, "manifest"), "xmlns": CP_NS})
    meta = _sub(root, "metadata")
    _sub(meta, "schema", "IMS Content")
    _sub(meta, "schemaversion", "1.1.3")
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    meta_id = _ident(aid, "meta")
    res = _sub(resources, "resource", identifier=aid, type="imsqti_xmlv1p2")
    _sub(res, "file", href=f"{aid}/{aid}.xml")
    _sub(res, "dependency", identifierref=meta_id)
    res = _sub(
        resources,
        "resource",
        identifier=meta_id,
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=f"{aid}/assessment_meta.xml",
    )
    _sub(res, "file", href=f"{aid}/assessment_meta.xml")
    return _xml(root)


def _assessment_meta(aid: str, title: str, points: int, description: str) -> bytes:
    root = ET.Element("quiz", {"identifier": aid, "xmlns": CANVAS_NS})
    for tag, text in [
        ("title", title),
        ("description", description),
        ("shuffle_answers", "true"),
        ("scoring_policy", "keep_highest"),
        ("hide_results", ""),
        ("quiz_type", "assignment"),
        ("points_possible", f"{points}.0"),
        ("show_correct_answers", "true"),
        ("anonymous_submissions", "false"),
        ("could_be_locked", "false"),
        ("allowed_attempts", "1"),
        ("one_question_at_a_time", "false"),
        ("cant_go_back", "false"),
        ("available", "false"),
    ]:
        _sub(root, tag, text)
    return _xml(root)


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def render(bank: Bank, stem: str, fmt: str = "qti") -> Rendered:
    names = common.titles(bank)
    aid = _ident("assessment", bank.id)
    title = f"quizlib {stem} ({bank.id})"
    root = ET.Element("questestinterop", {"xmlns": QTI_NS})
    assessment = _sub(root, "assessment", ident=aid, title=title)
    _meta(assessment, [("cc_maxattempts", "1")])
    section = _sub(assessment, "section", ident="root_section")
    notes = []
    for number, q in enumerate(bank.questions, 1):
        note = _item(section, q, number, names)
        if note:
            notes.append(note)
    description = f"Generated by quizlib {bank.quizlib_version} from bank {bank.id} (seed {bank.seed})."
    files = {
        "imsmanifest.xml": _manifest(aid, title),
        f"{aid}/{aid}.xml": _xml(root),
        f"{aid}/assessment_meta.xml": _assessment_meta(aid, title, len(bank.questions), description),
    }
    return Rendered({f"{stem}.zip": _zip(files)}, tuple(notes), len(bank.questions))
