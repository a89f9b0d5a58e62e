"""Hostile and random input through the whole pipeline: load, cues, generate, bank round trip.

Every input must end in valid questions (the bank survives to_json/from_json byte for byte and
every evidence span is the article text at its offsets) or in a typed QuizlibError that names
the file; never in another exception and never in a hang. Each case runs in a forked child
process with a time bound, so a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import json
import multiprocessing
import tempfile
import traceback
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizlib.bank import Bank
from quizlib.errors import (
    ArticleTooLargeError,
    BankError,
    BinaryFileError,
    DecodeError,
    EmptyArticleError,
    QuizlibError,
)

FIXTURES = Path(__file__).parent / "fixtures" / "robustness"
COMPANION = FIXTURES / "tram-strike.txt"  # a sound article loaded beside the hostile one
TIME_BOUND = 90.0  # seconds per run: far above the normal cost (under 6 s, the 1 MB file); beyond it is a hang
_FORK = multiprocessing.get_context("fork")


# -- running the pipeline in a bounded child process ----------------------------------------


def pipeline(paths: list[str], seed: int = 0) -> dict:
    """Load, find cues, classify sentences, generate and round-trip; checks every span on the way.

    Returns a small summary; raises AssertionError on an invalid result."""
    import quizlib
    from quizlib.cues import LABELS, classify_sentence

    try:
        corpus = quizlib.load_corpus(paths)
    except QuizlibError as exc:
        return {"error": type(exc).__name__, "message": str(exc), "path": exc.path}
    for problem in corpus.problems:
        assert isinstance(problem.error, QuizlibError)
        assert problem.error.path and Path(problem.error.path).name in str(problem.error), str(problem.error)
    for a in corpus:
        assert a.title.strip(), f"{a.id}: empty title"
        for p in a.paragraphs:
            assert 0 <= p.start < p.end <= len(a.text), (a.id, p)
        for s in a.sentences:
            assert s.text == a.text[s.start : s.end] and s.text.strip(), (a.id, s)
            assert classify_sentence(s.text).label in LABELS
        for source in (a, a.text):
            for c in quizlib.find_cues(source):
                assert c.text == a.text[c.start : c.end] and c.explanation, (a.id, c)
    bank = quizlib.generate(corpus, seed=seed)
    text = bank.to_json()
    again = Bank.from_json(text)
    assert again.to_json() == text, "bank does not round-trip through JSON"
    for q in bank:
        assert q.explanation.strip() and q.evidence, q.id
        for e in q.evidence:
            assert e.text and corpus[e.article_id].text[e.start : e.end] == e.text, (q.id, e)
    return {
        "questions": len(bank),
        "articles": [a.id for a in corpus],
        "problems": [type(p.error).__name__ for p in corpus.problems],
        "json": text,
    }


def _child(conn, fn, args) -> None:
    try:
        conn.send(("ok", fn(*args)))
    except BaseException as exc:  # everything is reported to the parent, which fails the test
        conn.send(("crash", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    finally:
        conn.close()


def bounded(fn, *args, timeout: float = TIME_BOUND):
    """fn(*args) in a forked child; fails the test on a crash or when it runs past `timeout`."""
    receive, send = _FORK.Pipe(duplex=False)
    proc = _FORK.Process(target=_child, args=(send, fn, args), daemon=True)
    proc.start()
    send.close()
    try:
        if not receive.poll(timeout):
            proc.kill()
            proc.join()
            pytest.fail(f"hang: {fn.__name__}{args!r:.200} did not finish within {timeout:.0f} s")
        try:
            status, value = receive.recv()
        except EOFError:
            proc.join()
            pytest.fail(f"the child process died (exit code {proc.exitcode}) on {args!r:.200}")
    finally:
        receive.close()
        proc.join(10)
    if status != "ok":
        pytest.fail(f"{fn.__name__} crashed on {args!r:.200}:\n{value}")
    return value


def run_file(tmp: Path, name: str, data: bytes, alone: bool = True) -> dict:
    """The file through the pipeline beside a sound article (a bad file becomes a load problem and
    the sound article still gives questions) and, with alone=True, on its own (a bad file is a
    typed error naming it). Returns the summary of the run on its own, else of the run beside."""
    path = tmp / name
    path.write_bytes(data)
    together = bounded(pipeline, [str(path), str(COMPANION)])
    assert "error" not in together, together
    assert together["questions"] > 0
    if not alone:
        return together
    result = bounded(pipeline, [str(path)])
    if "error" in result:
        assert result["path"] and Path(result["path"]).name == name, result
        assert name in result["message"], result
        assert result["error"] in together["problems"], (result, together)
    return result


@pytest.fixture(scope="module", autouse=True)
def warm():
    """Run the pipeline once here, so the forked children inherit compiled word lists and data
    instead of each building them again (that would only measure start-up, many times)."""
    pipeline([str(COMPANION)])


# -- the named hostile inputs -----------------------------------------------------------------

ARTICLE = COMPANION.read_text(encoding="utf-8")
LONG_SENTENCE = ("The committee " + "and the harbour board and the ferry union " * 1200)[:49_999] + "."
RTL_MIXED = (
    "Ferry Service Resumes on the Northern Route\n\n"
    "By Selin Aras, Transport Reporter\n\n"
    "The ferry service between Kalmar Point and the islands resumed on Monday, the operator said. "
    "قال المتحدث إن الخدمة ستعود يوم الاثنين. הרכבת תחזור לפעול ביום שני. "
    "Passengers welcomed the news, although some said the new timetable was “a total disaster”.\n\n"
    "\u202eThis line is reversed with a bidi override.\u202c The operator, Nordlink, said 14 boats would run. "
    "Сервис возобновлён. 渡轮服务已恢复。 フェリーが再開しました。\n"
)
EMOJI = (
    "🚨 Breaking: Stadium Roof Collapses 😱🔥\n\n"
    "By Ana Pérez\n\n"
    "The roof of the Elmfield stadium 🏟️ collapsed on Sunday 👇, the club said. Nobody was hurt 🙏🏽. "
    "Fans reacted with 💔 and 👨‍👩‍👧‍👦 emoji. Officials say it could possibly reopen in 2025 🇪🇺. "
    "Share this NOW!!! 🔁🔁🔁\n"
)
UNBALANCED = (
    "Council Rejects “Unfair Plan\n\n"
    "The mayor said \"we will not accept this and walked out. 'It is a shameful day, a member said.\n\n"
    "Critics claim the vote was rigged” but officials deny it'. « Nobody \" knows ‘what ’ happens next.\n"
)
HTML_IN_TEXT = (
    "<h1>Bridge Reopens After Repairs</h1>\n\n"
    "<script>alert('x')</script><p>The Dunmore bridge reopened on Friday, the city engineer, "
    'Marta Lind, said. <img src=x onerror="alert(1)"> Repairs cost 2.4 million euros.</p>\n\n'
    '<style>p { color: red }</style><a href="javascript:alert(2)">Click here</a> to read more!\n'
)
HTML_PAGE = (
    "<!doctype html><html><head><title>Bridge Reopens After Repairs</title>"
    "<script>document.write('<p>injected</p>'); alert('x')</script></head><body>"
    "<nav>Home | News | Sport</nav><article><h1>Bridge Reopens After Repairs</h1>"
    "<p>By Marta Lind</p>"
    "<p>The Dunmore bridge reopened on Friday after eight months of repairs, the city engineer said. "
    "The work cost 2.4 million euros, about 300,000 euros more than planned.</p>"
    "<p>Some drivers said the detour had added half an hour to their journeys. Shop owners on the "
    "east bank said they had lost customers during the closure.</p>"
    "<script>alert('inside article')</script><p>The council said a second bridge would be inspected in May.</p>"
    "</article><footer>© 2024 Example News</footer></body></html>"
)

NAMED_CASES = {
    "empty.txt": b"",
    "whitespace.txt": b" \n\t\n   \r\n\n  ",
    "long-sentence.txt": LONG_SENTENCE.encode(),
    "punctuation.txt": ("!?.,;:—…()[]\"'«»“”‘’-" * 300).encode(),
    "html-in-text.txt": HTML_IN_TEXT.encode(),
    "page.html": HTML_PAGE.encode(),
    "rtl-mixed.txt": RTL_MIXED.encode(),
    "emoji.md": EMOJI.encode(),
    "unbalanced-quotes.txt": UNBALANCED.encode(),
    "windows.txt": ARTICLE.replace("\n", "\r\n").encode(),
    "bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode(),
    "utf16.txt": ARTICLE.encode("utf-16"),
    "latin1.txt": "Café owners in Søndervik said prices rose.\n".encode("latin-1"),
    "nul.txt": b"The mayor\x00 said yes.\n",
    "too-large.txt": b"word " * 500_000,
}
EXPECTED_ERRORS = {
    "empty.txt": EmptyArticleError,
    "whitespace.txt": EmptyArticleError,
    "latin1.txt": DecodeError,
    "nul.txt": BinaryFileError,
    "too-large.txt": ArticleTooLargeError,
}
MUST_LOAD = ("long-sentence.txt", "html-in-text.txt", "page.html", "rtl-mixed.txt", "emoji.md")
MUST_LOAD += ("unbalanced-quotes.txt", "windows.txt", "bom.txt")


@pytest.mark.parametrize("name", sorted(NAMED_CASES))
def test_hostile_file(tmp_path, name):
    result = run_file(tmp_path, name, NAMED_CASES[name])
    if name in EXPECTED_ERRORS:
        assert result.get("error") == EXPECTED_ERRORS[name].__name__, result
    if name in MUST_LOAD:
        assert "error" not in result, result
    # Anything else may load or not; `pipeline` already fails on an untyped exception.


def test_one_megabyte_of_one_word(tmp_path):
    """A 1 MB file of one repeated word: a single 1 MB "sentence" for every stage, within the bound."""
    result = run_file(tmp_path, "one-word-1mb.txt", ("budget " * (1_000_000 // 7)).encode())
    assert "questions" in result or "error" in result


def test_windows_line_endings_and_bom_give_the_same_bank(tmp_path):
    """CRLF and a UTF-8 BOM are only encoding: the bank must equal the one from the plain file."""
    banks = {}
    for variant, data in {
        "plain": ARTICLE.encode(),
        "crlf": ARTICLE.replace("\n", "\r\n").encode(),
        "bom": b"\xef\xbb\xbf" + ARTICLE.encode(),
        "bom-crlf": b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode(),
    }.items():
        folder = tmp_path / variant
        folder.mkdir()
        (folder / "tram.txt").write_bytes(data)
        banks[variant] = bounded(pipeline, [str(folder / "tram.txt")])["json"]
    assert banks["plain"].count('"kind"') > 0
    assert len(set(banks.values())) == 1


def test_script_tags_never_reach_the_article_text(tmp_path):
    import quizlib

    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    article = quizlib.load_corpus(path)[0]
    assert "alert(" not in article.text and "injected" not in article.text
    assert "second bridge" in article.text


def _rendered_markup(paths: list[str]) -> list[str]:
    """Every HTML string the widgets would show for these articles and their questions."""
    import quizlib
    from quizlib.widgets.render import article_html, evidence_html, feedback_html

    corpus = quizlib.load_corpus(paths)
    articles = {a.id: a for a in corpus}
    out = [article_html(a) for a in corpus]
    for q in quizlib.generate(corpus):
        response = list(q.answer) if q.form in ("multi", "match") else q.answer[0]
        out += [evidence_html(q.evidence, articles), feedback_html(q, response, 1.0, articles)]
    return out


def test_tags_in_article_text_are_escaped_when_shown(tmp_path):
    """Rule 7: an article that contains tags is shown as text, never as markup."""
    path = tmp_path / "html-in-text.txt"
    path.write_text(HTML_IN_TEXT, encoding="utf-8")
    shown = bounded(_rendered_markup, [str(path), str(COMPANION)])
    assert any("&lt;script&gt;" in h for h in shown)
    for h in shown:
        assert "<script" not in h and "<img" not in h and "<style" not in h and 'href="javascript:' not in h


# -- random and mixed hostile text (hypothesis) ------------------------------------------------

FRAGMENTS = [
    "",
    " ",
    "\t",
    "\u00a0",
    "\u200b",
    "\u202e",
    "<script>alert(1)</script>",
    "<b>",
    "</p>",
    "&amp;",
    '"',
    "“",
    "’",
    "«",
    "...",
    "!!!",
    "?",
    "—",
    "- ",
    "* ",
    "# ",
    "By ",
    "Published: ",
    "12 March 2024",
    "Share this!",
    "👨‍👩‍👧‍👦",
    "🇪🇺",
    "مرحبا",
    "שלום",
    "A.",
    "Dr.",
    "U.S.",
    "1,200",
    "3.5%",
    "€4m",
    "Mayor Ana Ruiz said",
    "critics say",
    "could possibly",
    "\ufeff",
]
SENTENCES = [s.strip() + "." for s in ARTICLE.replace("\n", " ").split(". ") if s.strip()]
SEPARATORS = ["\n", "\r\n", "\n\n", "\r", " ", "", "\n\n\n"]

pieces = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(SENTENCES),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
)
hostile_texts = st.lists(st.tuples(pieces, st.sampled_from(SEPARATORS)), max_size=25).map(
    lambda parts: "".join(p + sep for p, sep in parts)
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_texts, suffix=st.sampled_from([".txt", ".md", ".html"]), bom=st.booleans())
def test_random_hostile_text_never_crashes_or_hangs(text, suffix, bom):
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        result = run_file(Path(tmp), "random" + suffix, data, alone=False)
    assert result["questions"] > 0


@settings(max_examples=40, deadline=None)
@given(text=hostile_texts, headline=st.booleans())
def test_cues_on_raw_strings_point_at_the_text(text, headline):
    """find_cues and classify_sentence take any string (CR and lone line breaks included)."""
    result = bounded(_cues_check, text, headline)
    assert result >= 0


def _cues_check(text: str, headline: bool) -> int:
    from quizlib.cues import LABELS, classify_sentence, find_cues

    cues = find_cues(text, headline=headline)
    for c in cues:
        assert c.text == text[c.start : c.end], c
    assert classify_sentence(text).label in LABELS
    return len(cues)


# -- bank files --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bank_text() -> str:
    paths = [str(p) for p in sorted(FIXTURES.glob("*.txt"))]
    result = bounded(pipeline, paths)
    assert result["questions"] > 0
    return result["json"]


def test_bank_round_trips(bank_text, tmp_path):
    path = Bank.from_json(bank_text).save(tmp_path / "bank.json")
    assert path.read_text(encoding="utf-8") == bank_text
    assert Bank.load(path).to_json() == bank_text


@pytest.mark.parametrize("fraction", [0.0, 0.01, 0.3, 0.5, 0.9, 0.999])
def test_truncated_bank_file_is_rejected(bank_text, tmp_path, fraction):
    path = tmp_path / "bank.json"
    path.write_text(bank_text[: int(len(bank_text.rstrip()) * fraction)], encoding="utf-8")
    with pytest.raises(BankError) as info:
        Bank.load(path)
    assert "bank.json" in str(info.value)
    assert "truncated" in info.value.problem or "not valid JSON" in info.value.problem


@pytest.mark.parametrize("version", [0, 2, "1", None])
def test_bank_of_another_schema_version_is_rejected(bank_text, tmp_path, version):
    data = json.loads(bank_text)
    data["schema_version"] = version
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BankError) as info:
        Bank.load(path)
    assert "schema version" in info.value.problem and repr(version) in info.value.problem
    assert "bank.json" in str(info.value)


@pytest.mark.parametrize(
    "where",
    ["top", "question", "evidence", "article"],
)
def test_bank_with_extra_fields_is_rejected(bank_text, tmp_path, where):
    data = json.loads(bank_text)
    target = {
        "top": data,
        "question": data["questions"][0],
        "evidence": data["questions"][0]["evidence"][0],
        "article": data["articles"][0],
    }[where]
    target["sneaky_extra"] = "x"
    with pytest.raises(BankError) as info:
        Bank.from_json(json.dumps(data), source="bank.json")
    assert "sneaky_extra" in info.value.problem, info.value.problem
    assert str(info.value).startswith("bank.json: ")


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda d: d.pop("questions"), "questions"),
        (lambda d: d.update(schema="something.else"), "not a quizlib question bank"),
        (lambda d: d["questions"][0].update(answer=["no such option"]), "key"),
        (lambda d: d["questions"][0]["evidence"][0].update(end=0), "evidence"),
        (lambda d: d["questions"].append(d["questions"][0]), "twice"),
    ],
    ids=["missing-questions", "foreign-schema", "key-not-an-option", "empty-evidence", "duplicate-question"],
)
def test_broken_bank_is_rejected_with_the_reason(bank_text, mutate, words):
    data = json.loads(bank_text)
    first_single = next(i for i, q in enumerate(data["questions"]) if q["form"] == "single")
    data["questions"].insert(0, data["questions"].pop(first_single))
    mutate(data)
    with pytest.raises(BankError) as info:
        Bank.from_json(json.dumps(data), source="bank.json")
    assert words in info.value.problem, info.value.problem


@pytest.mark.parametrize("data", [b"", b"\x00\x01binary", b"\xff\xfe\x00garbage", b"[]", b"null"])
def test_foreign_bank_files_are_rejected(tmp_path, data):
    path = tmp_path / "bank.json"
    path.write_bytes(data)
    with pytest.raises(BankError) as info:
        Bank.load(path)
    assert "bank.json" in str(info.value)


# -- the harness itself can fail ----------------------------------------------------------------


def _sleep_forever() -> None:
    import time

    time.sleep(600)


def _raise_untyped() -> None:
    raise ValueError("boom")


def test_the_time_bound_turns_a_hang_into_a_failure():
    with pytest.raises(pytest.fail.Exception, match="hang"):
        bounded(_sleep_forever, timeout=1)


def test_an_untyped_exception_fails_the_case():
    with pytest.raises(pytest.fail.Exception, match="ValueError: boom"):
        bounded(_raise_untyped)
