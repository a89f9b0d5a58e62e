"""The pipeline: determinism (byte for byte, across processes), seeds as variants, the report, the CLI."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from quizlib.articles import load_corpus
from quizlib.bank import Bank
from quizlib.cli import main
from quizlib.pipeline import generate

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
OWN_FIXTURES = [FIXTURES / f"{n}.txt" for n in ("council-budget", "football-transfer", "river-flood", "vaccine-trial")]

_SCRIPT = (
    "import sys, quizlib; "
    "sys.stdout.write(quizlib.generate(quizlib.load_corpus(None), seed=int(sys.argv[1])).to_json())"
)


def _bank_json(seed: int, hashseed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    return subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(seed)], env=env, capture_output=True, text=True, check=True
    ).stdout


def test_regeneration_is_byte_identical_across_processes():
    first = _bank_json(0, "1")
    again = _bank_json(0, "2")  # another str-hash order: no set iteration or hash() may leak
    assert first == again
    in_process = generate(load_corpus(None), seed=0).to_json()
    assert in_process == first


def test_other_seeds_give_other_selections_and_option_orders():
    corpus = load_corpus(None)
    a, b = generate(corpus, seed=0), generate(corpus, seed=1)
    ids_a, ids_b = {q.id for q in a}, {q.id for q in b}
    assert ids_a != ids_b
    shared = [(a[i], b[i]) for i in ids_a & ids_b if a[i].form == "single" and len(a[i].options) > 2]
    assert any(x.options != y.options for x, y in shared)


def test_report_accounts_for_every_candidate():
    bank = generate(load_corpus(OWN_FIXTURES), seed=0)
    for name, r in bank.report.items():
        assert r["made"] == r["kept"] + sum(r["dropped"].values()), name
    assert sum(r["kept"] for r in bank.report.values()) == len(bank)


def test_keep_everything_when_asked():
    corpus = load_corpus(OWN_FIXTURES)
    assert len(generate(corpus, seed=0, per_article_kind=None)) >= len(generate(corpus, seed=0))


def test_bank_round_trips_through_json(tmp_path):
    bank = generate(load_corpus(OWN_FIXTURES), seed=3)
    path = bank.save(tmp_path / "bank.json")
    assert Bank.load(path).to_json() == bank.to_json()


# -- CLI ------------------------------------------------------------------------------------


def test_cli_generate_and_show(tmp_path, capsys):
    out = tmp_path / "bank.json"
    assert main(["generate", *map(str, OWN_FIXTURES), "--seed", "2", "--out", str(out)]) == 0
    bank = Bank.load(out)
    assert len(bank) >= 40 and bank.seed == 2
    capsys.readouterr()
    assert main(["show", str(out), "--kind", "who_said"]) == 0
    shown = capsys.readouterr().out
    who = bank.filter(kind="who_said")
    assert who and all(q.prompt in shown and f"key: {q.key_text}" in shown for q in who)
    assert "evidence [" in shown and "why: " in shown
    assert main(["show", str(out), "--kind", "cloze"]) == 0
    shown = capsys.readouterr().out
    assert "key: " in shown and "(also accepted: )" not in shown  # instructor walkthrough


def test_cli_generate_csv(tmp_path):
    out = tmp_path / "bank.csv"
    assert main(["generate", str(OWN_FIXTURES[0]), "--format", "csv", "--out", str(out)]) == 0
    import pandas as pd

    frame = pd.read_csv(out)
    assert {"id", "kind", "prompt", "key", "evidence"} <= set(frame.columns) and len(frame) >= 10


def test_cli_generate_to_stdout(capsys):
    assert main(["generate", str(OWN_FIXTURES[1])]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["questions"]


def test_cli_errors_name_the_file(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main(["generate", str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err
    bad = tmp_path / "bank.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["show", str(bad)]) == 2
    assert str(bad) in capsys.readouterr().err


@pytest.mark.parametrize("seed", [0, 7])
def test_generate_never_raises_on_other_engineers_fixtures(seed):
    """Articles written for other parts of the course (whatever is in the folder) also generate."""
    bank = generate(load_corpus(FIXTURES), seed=seed)
    assert len(bank) > 0


def test_no_two_comprehension_questions_show_the_same_passage():
    """A second question on a sentence would show the first one's answer (its gap, its swap)."""
    from quizlib.pipeline import _passages

    for corpus in (load_corpus(None), load_corpus(OWN_FIXTURES)):
        spans = [
            (e.article_id, e.start, e.end)
            for q in generate(corpus, seed=0)
            if q.skill == "comprehension"
            for e in _passages(q)
        ]
        for i, (a, s, e) in enumerate(spans):
            for b, s2, e2 in spans[i + 1 :]:
                assert not (a == b and s < e2 and s2 < e), (a, s, e, s2, e2)


def _q(kind, form, prompt, answer, options=()):
    from quizlib.questions import Evidence, make_question

    return make_question(
        kind=kind,
        form=form,
        skill="comprehension",
        prompt=prompt,
        answer=answer,
        options=options,
        explanation="The article says so.",
        evidence=(Evidence("a", 0, 4, "Text"),),
        article_ids=("a",),
        generator=f"comprehension.{kind}",
        generator_version="1",
    )


def test_neighbours_do_not_reveal_each_other():
    """Third round, rule 5: a typed answer is not among the next question's options, and two items
    with one key or one option set are not side by side (when another order exists)."""
    from quizlib.pipeline import _reveals, _spread

    titles = ("Port Deal", "Ferry Fares", "Bridge Vote", "Flood Plan")
    typed = _q("cloze", "text", "Type the missing organisation: “The _____ met.”", ("Harbour Board",))
    choice = _q("fact", "single", "Which body met?", ("Harbour Board",), ("Harbour Board", "Ferry Trust", "Dock Union"))
    w1 = _q("which_article", "single", "Which article contains “One.”?", (titles[0],), titles)
    w2 = _q("which_article", "single", "Which article contains “Two.”?", (titles[1],), titles)
    other = _q("number", "single", "Which figure?", ("12%",), ("12%", "20%", "40%"))
    assert _reveals(typed, choice) and _reveals(w1, w2) and not _reveals(w1, other)
    ordered = _spread([typed, choice, w1, w2, other])
    assert sorted(q.id for q in ordered) == sorted(q.id for q in (typed, choice, w1, w2, other))
    for a, b in itertools.pairwise(ordered):
        assert not _reveals(a, b), (a.prompt, b.prompt)


def test_seed_bank_neighbours_and_which_article_cap():
    """Third round, rules 5 and 7: in the seed bank no neighbours reveal each other, and no article
    has more than two which_article items."""
    from collections import Counter

    from quizlib.pipeline import _reveals

    bank = [q for q in generate(load_corpus(None), seed=0) if q.skill == "comprehension"]
    for a, b in itertools.pairwise(bank):
        assert not _reveals(a, b), (a.prompt, b.prompt)
    per_article = Counter(q.article_ids[0] for q in bank if q.kind == "which_article")
    assert max(per_article.values()) <= 2, per_article


def test_single_choice_keys_take_turns_over_the_positions():
    """A shuffle per question can leave every key of a kind at A or D (a final review found that on
    the seeds); the pipeline places keys so that positions differ by at most one within a kind."""
    from collections import Counter

    from quizlib.pipeline import _balance_key_positions, rng_for

    bank = generate(load_corpus(), seed=0)
    qs = [q for q in bank if q.skill == "comprehension"]
    # Put every key first, then let the pipeline's step spread them.
    first = [replace(q, options=(q.answer[0], *[o for o in q.options if o != q.answer[0]])) for q in qs]
    spread = _balance_key_positions(first, rng_for(0, "test"))
    by_kind: dict[str, Counter[int]] = {}
    for before, after in zip(first, spread, strict=True):
        assert sorted(before.options) == sorted(after.options) and before.answer == after.answer
        if after.form == "single" and len(after.options) >= 3:
            by_kind.setdefault(after.kind, Counter())[after.options.index(after.answer[0])] += 1
    assert by_kind
    for kind, counts in by_kind.items():
        n = max(len(q.options) for q in spread if q.kind == kind)
        values = [counts[i] for i in range(n)]
        assert max(values) - min(values) <= 1, (kind, counts)


def _words(text: str) -> list[str]:
    text = re.sub(r"\s*%|\s+per\s+cent\b", " percent", re.sub(r"[$£€]\s?", "", text.lower()))
    return [w.strip(".,-") for w in re.findall(r"[\w.,-]+", text) if w.strip(".,-")]


def _shows(prompt: str, figure: list[str]) -> bool:
    words = _words(prompt)
    return any(words[i : i + len(figure)] == figure for i in range(len(words)))


@pytest.mark.parametrize("folder", ["articles", "heldout"])
def test_no_question_shows_the_figure_another_one_asks_about(folder):
    """Held-out reviews: "$3.6 million" to fill in from one article while another question quoted the
    other article's "asked the state for $3.6 million"; a true/false "38 per cent" statement beside a
    sentence showing it. Over our own articles (several stories each)."""
    bank = generate(load_corpus(Path(__file__).parent / "fixtures" / folder), seed=0)
    comp = [q for q in bank if q.skill == "comprehension"]
    asked = []
    for q in comp:
        if q.kind in ("number", "cloze", "when") and re.search(r"\d", q.answer[0]):
            asked.append((q, [w for w in _words(q.answer[0]) if w not in ("a", "an")]))
        elif q.kind == "true_false" and "number" in q.tags:
            words = _words(q.evidence[0].text)
            asked += [(q, [w]) for w in words if any(c.isdigit() for c in w)]
    assert len(asked) >= 15
    for q, fig in asked:
        for other in comp:
            assert other is q or not _shows(other.prompt, fig), (q.prompt, other.prompt)


def test_no_question_shows_the_name_another_asks_to_type():
    """Second held-out review: "Kelsford General Hospital" to type in one item, quoted in another's sentence."""
    comp = [q for q in generate(load_corpus(FIXTURES), seed=0) if q.skill == "comprehension"]
    typed = [(q, a) for q in comp if q.form == "text" for a in q.answer if a[:1].isupper() and len(a) > 2]
    assert len(typed) >= 5
    for q, name in typed:
        for other in comp:
            assert other is q or not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", other.prompt), (name, other.prompt)


def test_one_figure_date_or_person_is_asked_for_once():
    """Held-out sets 7 and 8: two articles on one story gave the same fine and the same meeting date,
    and each was asked for in both; one article asked to type "Tomasz Brennan" and then "Brennan"."""
    from quizlib.articles import Corpus, parse_article

    a = (
        "Regulator Fines Grocer Over Labels\n\n"
        "The Fair Trading Office fined the Dunmore Foods chain £4.6 million on Tuesday over misleading labels.\n\n"
        "Inspectors from the Fair Trading Office found that the labels had been used on 312 products in 40 stores.\n\n"
        "Dunmore Foods said it would appeal against the decision to the Market Tribunal in Leeford.\n\n"
        "The tribunal panel is due to meet on 3 March to set a date for the hearing.\n"
    )
    b = (
        "Grocer's Fine Puts Discounts Under the Spotlight\n\n"
        "The £4.6 million penalty imposed by the Fair Trading Office is small against Dunmore Foods turnover.\n\n"
        "Analysts in Leeford expect other grocers to review their promotions before the busy spring season.\n\n"
        "The appeal by Dunmore Foods will be heard after the tribunal panel meets on 3 March in Leeford.\n\n"
        "Tomasz Brennan, the chain's finance director, said the company had set aside money for the fine.\n\n"
        "Brennan said the board would review the chain's pricing rules over the next six months.\n"
    )
    corpus = Corpus((parse_article(a, "a"), parse_article(b, "b")))
    for seed in range(3):
        comp = [q for q in generate(corpus, seed=seed) if q.skill == "comprehension"]
        figures = [q.answer[0].removeprefix("a ") for q in comp if q.kind in ("number", "when")]
        assert len(figures) == len(set(figures)) >= 2, figures
        for article in ("a", "b"):
            typed = [set(q.answer) for q in comp if q.kind in ("cloze", "fact") and q.article_ids[0] == article]
            assert all(x.isdisjoint(y) for x, y in itertools.combinations(typed, 2)), typed


def test_a_figure_written_short_is_the_same_figure():
    """Held-out set 9: "£4.2m" typed in one article and "£4.2 million" picked in another."""
    from quizlib.pipeline import _tokens

    assert (
        _tokens("about £4.2m a year")
        == _tokens("about £4.2 million a year")
        == ["about", "4.2", "million", "a", "year"]
    )
    assert _tokens("a £1.5bn deal") == ["a", "1.5", "billion", "deal"]
    assert _tokens("a 5m wall") == ["a", "5m", "wall"]  # metres, not millions


def test_no_title_or_word_figure_gives_another_answer_away():
    """Held-out set 19: "£1.4 million" asked from a report whose title, offered in a which-article item,
    says "to save £1.4m a year"; "she is _____ years old" (five) beside another item's "Juniper, a
    five-year-old female". Either order of keeping is caught."""
    from quizlib.articles import Corpus, parse_article
    from quizlib.pipeline import _Shown
    from quizlib.questions import Evidence, make_question

    corpus = Corpus((parse_article("Zoo Report\n\nA text.\n", "a"), parse_article("Zoo News\n\nA text.\n", "b")))

    def q(kind, prompt, answer, options=(), start=0):
        return make_question(
            kind=kind,
            form="single",
            skill="comprehension",
            prompt=prompt,
            answer=answer,
            options=options or answer,
            explanation="The article says so.",
            evidence=(Evidence("a", start, start + 4, "Text"),),
            article_ids=("a",),
            generator=f"comprehension.{kind}",
            generator_version="1",
        )

    titles = ("College to save £1.4m a year", "Students protest", "Zoo opens")
    which = q("which_article", "Which article says “The union will vote.”?", titles[:1], titles, 0)
    saved = q("number", "Which figure completes “It would save _____ a year.”?", ("£1.4 million",), (), 10)
    five = q("number", "Which figure completes “She is _____ years old.”?", ("five",), ("five", "six", "four"), 20)
    shown = q("when", "Which date completes “Juniper, a five-year-old panda, moves on _____.”?", ("14 May",), (), 30)
    plain = q("when", "Which date completes “The park opens on _____.”?", ("21 June",), (), 40)
    for first, second in ((which, saved), (saved, which), (five, shown), (shown, five)):
        kept = _Shown(corpus)
        kept.add(first)
        assert kept.reveals(second), (first.prompt, second.prompt)
        assert not kept.reveals(plain)


def test_a_story_asks_a_day_a_typed_name_or_a_swapped_figure_once():
    """Held-out set 21: three articles on one ban asked "June" twice, "Group _____ Owen Saltmarsh" twice and
    "£100" (swapped for "£300") twice in true/false items. Another story may ask the same again."""
    from quizlib.articles import Corpus, parse_article
    from quizlib.pipeline import _Shown
    from quizlib.questions import Evidence, make_question

    ban = (
        "\n\nThe Castlebrook City Council voted for the ban on Monday. Councillor Nadia Ferreira, who proposed it, "
        "said the fires had to stop.\n"
    )
    harbour = "Harbour Reopens\n\nThe Dunmore Harbour Board said it would reopen the quay.\n"
    corpus = Corpus(
        (parse_article("Ban Agreed" + ban, "a"), parse_article("Ban Explained" + ban, "b"), parse_article(harbour, "c"))
    )

    def q(kind, form, answer, article, start, tags=(), options=()):
        return make_question(
            kind=kind,
            form=form,
            skill="comprehension",
            prompt=f"Question {start}?",
            answer=answer,
            options=options,
            explanation="The article says so.",
            evidence=(Evidence(article, start, start + 4, "Park wardens can issue a £100 notice."),),
            article_ids=(article,),
            generator=f"comprehension.{kind}",
            generator_version="1",
            tags=tags,
        )

    pairs = [
        (q("when", "single", ("June",), "a", 0, options=("June", "May")), "when", ("June",), ()),
        (q("cloze", "text", ("Manager", "Group Manager"), "a", 10), "cloze", ("Group Manager", "Manager"), ()),
        (
            q("true_false", "single", ("False",), "a", 20, ("false", "number"), ("True", "False")),
            "true_false",
            ("False",),
            ("false", "number"),
        ),
    ]
    for first, kind, answer, tags in pairs:
        form = "text" if kind == "cloze" else "single"
        options = () if form == "text" else (("June", "July") if kind == "when" else ("True", "False"))
        kept = _Shown(corpus)
        kept.add(first)
        same_story = q(kind, form, answer, "b", 40, tags, options)
        other_story = q(kind, form, answer, "c", 40, tags, options)
        assert kept.reveals(same_story), kind
        assert not kept.reveals(other_story), kind
