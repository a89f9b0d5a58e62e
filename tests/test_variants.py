"""Variants: balanced, reproducible banks drawn from one pool, with pins, drops and changes."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from quizlib.articles import seed_corpus
from quizlib.bank import Bank
from quizlib.cli import main
from quizlib.questions import make_question
from quizlib.variants import Edits, VariantsError, make_variants, pool_for, quotas, stratum, write_variants

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "instructor"))
import itertools

import build


@pytest.fixture(scope="module")
def pool() -> Bank:
    """The fixture bank's questions, each stratum (kind, skill, article) widened to 2-9 questions
    by rewording the prompt (a new prompt is a new question id)."""
    base = build.bank()
    out = []
    for n, q in enumerate(base):
        fields = {k: v for k, v in q.__dict__.items() if k != "id"}
        for i in range(2 + (n * 3) % 8):
            out.append(make_question(**{**fields, "prompt": f"{q.prompt} (wording {i + 1})"}))
    return Bank(tuple(out), base.articles, 0, {})


def makeup(bank: Bank) -> tuple:
    return tuple(sorted(Counter(stratum(q) for q in bank).items()))


def test_same_seed_same_variants_other_seed_others(pool):
    a = make_variants(pool, 5, size=10, seed=7)
    b = make_variants(pool, 5, size=10, seed=7)
    c = make_variants(pool, 5, size=10, seed=8)
    assert [v.to_json() for v in a] == [v.to_json() for v in b]
    assert [v.id for v in a] != [v.id for v in c]


def test_every_variant_has_the_same_balance(pool):
    variants = make_variants(pool, 30, size=12, seed=7)
    assert len(variants) == 30
    assert {len(v) for v in variants} == {12}
    assert len({makeup(v) for v in variants}) == 1
    for by in ("kind", "skill"):
        assert len({tuple(v.counts(by).items()) for v in variants}) == 1
    assert len({tuple(Counter(q.article_ids[0] for q in v).items()) for v in variants}) == 1
    # proportional to the pool, rounded: the largest strata get the most places
    q = quotas(list(pool), 12)
    assert sum(q.values()) == 12
    sizes = Counter(stratum(x) for x in pool)
    assert all(q[k] <= sizes[k] for k in q)


def test_variants_spread_over_the_pool(pool):
    variants = make_variants(pool, 3, size=10, seed=1)
    used = Counter(q.id for v in variants for q in v)
    # every question is used before any is used again (per stratum, rotation)
    for key in quotas(list(pool), 10):
        group = [q.id for q in pool if stratum(q) == key]
        counts = [used[i] for i in group]
        assert max(counts) - min(counts) <= 1, key
    assert len({v.id for v in variants}) == 3


def test_pins_drops_and_changes(pool, tmp_path):
    first = pool[0]
    dropped = [q.id for q in pool if stratum(q) == stratum(pool[5])]
    changed = pool[1]
    edits_path = tmp_path / "edits.json"
    edits_path.write_text(
        json.dumps(
            {
                "pin": [first.id, changed.id],
                "drop": dropped,
                "change": {changed.id: {"prompt": "A sharper prompt?", "explanation": "Instructor's words."}},
            }
        ),
        encoding="utf-8",
    )
    edits = Edits.load(edits_path)
    variants = make_variants(pool, 10, size=12, seed=3, edits=edits)
    assert len({makeup(v) for v in variants}) == 1
    for v in variants:
        ids = {q.id for q in v}
        assert first.id in ids
        assert not ids & set(dropped)
        assert changed.id not in ids
        new = [q for q in v if q.prompt == "A sharper prompt?"]
        assert len(new) == 1 and new[0].explanation == "Instructor's words." and new[0].id != changed.id
        assert new[0].evidence == changed.evidence
    assert json.loads(edits.to_json())["pin"] == [first.id, changed.id]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"pin": ["fact-000000000000"]}, "fact-000000000000 is not in the pool"),
        ({"pin": ["x"], "drop": ["x"]}, "x is both pinned and dropped"),
        ({"keep": []}, "unknown key(s) keep"),
        ({"pin": "abc"}, '"pin" must be a list'),
        ({"change": {"ID": {"id": "new"}}}, "cannot change id"),
        ({"change": {"ID": {"answer": ["not an option"]}}}, "answer 'not an option' is not among its options"),
        ({"change": {"ID": {"explanation": " "}}}, "needs an explanation"),
    ],
)
def test_bad_edits_name_the_file_and_the_problem(pool, tmp_path, data, message):
    path = tmp_path / "edits.json"
    text = json.dumps(data).replace("ID", pool[0].id)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VariantsError, match=message.replace("(", r"\(").replace(")", r"\)")) as err:
        make_variants(pool, 2, size=5, edits=Edits.load(path))
    assert err.value.path == str(path)


def test_edits_file_that_is_not_json(tmp_path):
    path = tmp_path / "edits.json"
    path.write_text("{pin: nope", encoding="utf-8")
    with pytest.raises(VariantsError, match="not a JSON edits file") as err:
        Edits.load(path)
    assert err.value.path == str(path)


def test_edits_from_a_dataframe(pool):
    frame = pool.to_frame()
    frame["action"] = ""
    frame.loc[0, "action"] = "pin"
    frame.loc[2, "action"] = "drop"
    frame.at[3, "prompt"] = "Reworded by the instructor"
    frame.at[4, "options"] = list(reversed(pool[4].options))
    edits = Edits.from_frame(frame, pool)
    assert edits.pin == (pool[0].id,) and edits.drop == (pool[2].id,)
    assert edits.change == {
        pool[3].id: {"prompt": "Reworded by the instructor"},
        pool[4].id: {"options": list(reversed(pool[4].options))},
    }
    frame.loc[5, "action"] = "keep"
    with pytest.raises(VariantsError, match="'keep' is not pin, drop or empty"):
        Edits.from_frame(frame, pool)


def test_a_frame_edit_that_would_be_ignored_is_an_error(pool):
    """Instructor walkthrough: a changed "key" cell was silently ignored (only "answer" is applied),
    and a bad answer failed later under the question's new id."""
    q = next(x for x in pool if x.form == "single")
    row = [x.id for x in pool].index(q.id)
    frame = pool.to_frame()
    frame.at[row, "key"] = next(o for o in q.options if o != q.answer[0])
    with pytest.raises(VariantsError, match=f"{q.id}: column 'key' cannot be edited; change the answer column"):
        Edits.from_frame(frame, pool)
    frame = pool.to_frame()
    frame.at[row, "answer"] = ["not an option"]
    edits = Edits.from_frame(frame, pool)
    with pytest.raises(VariantsError, match=f"{q.id}: the changed answer 'not an option' is not among its options"):
        make_variants(pool, 2, size=5, edits=edits)
    frame = pool.to_frame()
    frame.at[row, "answer"] = [next(o for o in q.options if o != q.answer[0])]
    assert Edits.from_frame(frame, pool).change  # a real answer edit is taken


def test_pinned_questions_count_within_the_size(pool):
    """Instructor walkthrough: size=15 with one pin gave variants of 16."""
    edits = Edits(pin=(pool[0].id, pool[1].id))
    variants = make_variants(pool, 4, size=7, seed=3, edits=edits)
    assert all(len(v) == 7 and {pool[0].id, pool[1].id} <= {q.id for q in v} for v in variants)
    with pytest.raises(VariantsError, match="3 pinned questions do not fit in a variant of 2"):
        make_variants(pool, 2, size=2, edits=Edits(pin=tuple(q.id for q in pool.questions[:3])))


def test_sizes_that_cannot_be_drawn(pool):
    with pytest.raises(VariantsError, match="cannot be drawn from a pool"):
        make_variants(pool, 2, size=len(pool) + 1)
    with pytest.raises(VariantsError, match="at least 1"):
        make_variants(pool, 0)


def test_write_variants_and_read_them_back(pool, tmp_path):
    variants = make_variants(pool, 3, size=6, seed=2)
    paths = write_variants(variants, tmp_path / "out")
    assert [p.name for p in paths] == ["variant-01.json", "variant-02.json", "variant-03.json"]
    assert [Bank.load(p).id for p in paths] == [v.id for v in variants]
    index = (tmp_path / "out" / "index.csv").read_text().splitlines()
    assert index[0] == "variant,file,bank_id,questions" and len(index) == 4


def test_variants_of_the_generated_seed_pool():
    bank_pool = pool_for(seed_corpus(), seed=7)
    assert len(bank_pool) >= 40, "the generators should give a pool to draw from"
    variants = make_variants(bank_pool, 30, size=25, seed=7)
    assert len({makeup(v) for v in variants}) == 1
    assert {len(v) for v in variants} == {25}
    # The seed pool is small (about 70 sound questions in some 30 kind/article groups), so the
    # question sets repeat; option orders of their own still make every variant different.
    assert len({v.id for v in variants}) == 30
    sets = [frozenset(q.id for q in v) for v in variants]
    assert all(a != b for a, b in itertools.pairwise(sets))
    first = {q.id: q for q in variants[0]}
    for v in variants[1:]:
        for q in v:
            if q.id in first:
                assert sorted(q.options) == sorted(first[q.id].options) and q.answer == first[q.id].answer
    again = make_variants(pool_for(seed_corpus(), seed=7), 30, size=25, seed=7)
    assert [v.to_json() for v in again] == [v.to_json() for v in variants]


def test_variants_of_invented_articles():
    bank_pool = pool_for(build.corpus(), seed=1)
    assert len(bank_pool) > 0
    variants = make_variants(bank_pool, 4, size=min(5, len(bank_pool)), seed=1)
    assert len({makeup(v) for v in variants}) == 1


def test_cli_variants(tmp_path, capsys):
    corpus = [str(p) for p in sorted(build.HERE.glob("*.txt"))]
    out = tmp_path / "v"
    assert main(["variants", *corpus, "--count", "3", "--size", "4", "--seed", "7", "--out", str(out)]) == 0
    files = sorted(p.name for p in out.glob("variant-*.json"))
    assert files == ["variant-01.json", "variant-02.json", "variant-03.json"]
    first = (out / "variant-01.json").read_bytes()
    assert main(["variants", *corpus, "--count", "3", "--size", "4", "--seed", "7", "--out", str(out)]) == 0
    assert (out / "variant-01.json").read_bytes() == first
    assert main(["variants", *corpus, "--count", "2", "--out", str(out), "--edits", str(tmp_path / "none.json")]) == 2
    assert "none.json: no such file" in capsys.readouterr().err


def test_cli_generate_with_variants(tmp_path, capsys):
    corpus = [str(p) for p in sorted(build.HERE.glob("*.txt"))]
    out = tmp_path / "g"
    args = ["generate", *corpus, "--variants", "2", "--size", "3", "--seed", "7", "--out", str(out)]
    assert main(args) == 0
    assert sorted(p.name for p in out.iterdir()) == ["index.csv", "variant-01.json", "variant-02.json"]
    assert "2 variants drawn from a pool" in capsys.readouterr().out
    direct = make_variants(pool_for(build.corpus(), seed=7), 2, size=3, seed=7)
    assert Bank.load(out / "variant-02.json").to_json() == direct[1].to_json()
    assert main(["generate", *corpus, "--variants", "2"]) == 2
    assert "variants need --out FOLDER" in capsys.readouterr().err


def test_no_paper_holds_two_questions_that_give_each_other_away():
    """Held-out reviews 26 to 34: a bias item quoting the sentence a true/false item states (or showing the figure a
    gap hides) gives the comprehension item away in a paper that mixes skills. The seed pool's papers held 8 such
    pairs in 10 papers before variants drew around them."""
    from quizlib.pipeline import gives_away

    bank_pool = pool_for(seed_corpus(), seed=0)
    pairs = [(a, b) for a, b in itertools.combinations(bank_pool, 2) if gives_away(a, b)]
    assert any(a.skill != b.skill for a, b in pairs), "the seed pool should hold such pairs to draw around"
    for v in make_variants(bank_pool, 10, size=25, seed=0):
        assert not [(a.id, b.id) for a, b in itertools.combinations(v, 2) if gives_away(a, b)]
