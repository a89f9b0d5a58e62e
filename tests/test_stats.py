"""Item analysis on simulated class results whose properties are known by construction: an item
everyone gets right, one that only the stronger half gets right, one only the weaker half gets
right (reversed), and a distractor almost nobody picks."""

from __future__ import annotations

import csv
import json
import math
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from quizlib.bank import Bank
from quizlib.cli import main
from quizlib.stats import REQUIRED, ResultsError, analyse, chart, item_analysis, read_results

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "instructor"))
import build


@pytest.fixture(scope="module")
def bank() -> Bank:
    return build.bank()


def simulate(bank: Bank, learners: int = 40) -> list[dict]:
    """Learner i has ability i / learners. Known items:
    fact (single): everyone right; true_false: right iff strong half (discriminates);
    source: right iff weak half (reversed); mark_words: a score rising with ability;
    cloze: right for the top three quarters; role_match and neutral_rewrite rise with ability
    (they make the rest-of-test score follow ability). Nobody picks a distractor of 'fact'."""
    q = {x.kind: x for x in bank}
    rows = []
    for i in range(learners):
        ability = i / learners
        strong = ability >= 0.5
        learner = f"learner-{i:02d}"

        def add(kind, response, score, t=0, learner=learner, i=i):
            rows.append(
                {
                    "learner": learner,
                    "bank_id": bank.id,
                    "question_id": q[kind].id,
                    "kind": kind,
                    "skill": q[kind].skill,
                    "technique": q[kind].technique or "",
                    "response": json.dumps(response),
                    "score": score,
                    "time": f"2026-03-01T10:{t:02d}:{i % 60:02d}Z",
                }
            )

        add("fact", q["fact"].answer[0], 1.0)
        add("true_false", "True" if strong else "False", 1.0 if strong else 0.0)
        src = q["source"]
        # the weak half picks the key; the strong half all pick the same distractor
        add("source", src.answer[0] if not strong else src.options[1], 0.0 if strong else 1.0)
        if not strong:
            # a later attempt after feedback must not count
            add("source", src.options[1], 0.0, t=30)
        marks = ["shameful", "betrayal"] if ability >= 0.25 else ["shameful", "cuts"]
        add("mark_words", marks, 1.0 if ability >= 0.25 else 1 / 3)
        add("cloze", "12" if ability >= 0.25 else "21", 1.0 if ability >= 0.25 else 0.0)
        m = q["role_match"]
        right = min(3, int(ability * 4))  # 0..3 of the pairs right, rising with ability
        add("role_match", list(m.answer[:right]) + [m.options[3]] * (3 - right), right / 3)
        add("neutral_rewrite", "The fans were there." if ability >= 0.6 else "", 1.0 if ability >= 0.6 else 0.0)
    return rows


def write(path: Path, rows: list[dict], columns=REQUIRED) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(columns))
        w.writeheader()
        w.writerows(rows)
    return path


def test_known_items_get_their_known_figures(bank, tmp_path):
    rows = simulate(bank)
    # two files, columns in another order: the reader does not care
    half = len(rows) // 2
    a = write(tmp_path / "a.csv", rows[:half])
    b = write(tmp_path / "b.csv", rows[half:], columns=list(reversed(REQUIRED)))
    result = item_analysis([a, b], [bank])
    items = result.items.set_index("kind")
    assert result.learners == 40
    assert items.loc["fact", "facility"] == 1.0
    assert math.isnan(items.loc["fact", "discrimination"])  # everyone alike: undefined, not 0
    assert "very easy" in items.loc["fact", "flags"]
    assert items.loc["true_false", "facility"] == 0.5
    assert items.loc["true_false", "discrimination"] > 0.5
    assert items.loc["source", "facility"] == 0.5  # first attempts only
    assert items.loc["source", "discrimination"] < -0.6
    assert "reversed" in items.loc["source", "flags"]
    assert items.loc["mark_words", "discrimination"] > 0.2
    assert len(items) == len(bank)


def test_option_shares_and_rare_distractors(bank, tmp_path):
    result = item_analysis(write(tmp_path / "r.csv", simulate(bank)), [bank])
    opts = result.options
    fact = bank.filter(kind="fact")[0]
    rows = opts[opts.question_id == fact.id].set_index("option")
    assert list(rows.index) == list(fact.options)  # options nobody chose are listed too
    assert rows.loc[fact.answer[0], "share"] == 1.0
    assert rows["rare"].tolist() == [False, True, True, True]
    src = bank.filter(kind="source")[0]
    rows = opts[opts.question_id == src.id].set_index("option")
    assert rows.loc[src.options[1], "share"] == 0.5 and not rows.loc[src.options[1], "rare"]
    marks = opts[opts.question_id == bank.filter(kind="mark_words")[0].id].set_index("option")
    assert marks.loc["shameful", "share"] == 1.0 and marks.loc["cuts", "share"] == 0.25
    assert marks.loc["library", "rare"] and not marks.loc["cuts", "rare"]
    assert not any(opts.question_id == bank.filter(kind="cloze")[0].id)  # typed answers have no options


def test_summaries_per_skill_and_technique(bank, tmp_path):
    result = item_analysis(write(tmp_path / "r.csv", simulate(bank)), [bank])
    skills = result.by_skill.set_index("skill")
    assert skills.loc["comprehension", "questions"] == 4
    assert skills.loc["bias", "questions"] == 3
    assert skills.loc["comprehension", "facility"] == pytest.approx((1.0 + 0.5 + 0.75 + 0.5) / 4)
    tech = result.by_technique.set_index("technique")
    assert set(tech.index) == {"loaded_language", "vague_source"}


def test_few_learners_warn_and_no_bank_still_works(bank, tmp_path):
    rows = [r for r in simulate(bank, learners=8)]
    result = item_analysis(write(tmp_path / "r.csv", rows))
    assert any("only 8 learners" in w for w in result.warnings)
    assert any("no bank given" in w for w in result.warnings)
    assert all("few answers" in f for f in result.items["flags"])
    fact = bank.filter(kind="fact")[0]
    rows = result.options[result.options.question_id == fact.id]
    assert rows["key"].tolist() == [True]  # key inferred from full scores; unchosen options unknown
    assert "learners" in result.report_text()


def test_chart_is_one_figure(bank, tmp_path):
    result = item_analysis(write(tmp_path / "r.csv", simulate(bank)), [bank])
    fig = chart(result)
    ax = fig.axes[0]
    assert len(fig.axes) == 1
    assert sum(len(c.get_offsets()) for c in ax.collections) == 6  # the undefined 'fact' is not drawn
    fig.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 1000


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("learner,score\nx,1\n", "missing column(s) bank_id, question_id"),
        (",".join(REQUIRED) + '\na,b,q,k,s,,"""x""",lots,t\n', "line 2: score 'lots' is not a number"),
        (",".join(REQUIRED) + "\na,b,q,k,s,,{oops,1,t\n", "line 2: response is not JSON"),
        (",".join(REQUIRED) + '\na,b,q,k,s,,"""x""",1.5,t\n', "outside 0..1"),
        (",".join(REQUIRED) + "\na,b\n", "line 2: 2 fields"),
    ],
)
def test_bad_results_files_name_the_file_and_the_problem(tmp_path, content, message):
    path = tmp_path / "class.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResultsError, match=message.replace("(", r"\(").replace(")", r"\)")) as err:
        read_results(path)
    assert err.value.path == str(path)


def test_quoted_newlines_in_a_cell(tmp_path, bank):
    q = bank.filter(kind="neutral_rewrite")[0]
    path = write(
        tmp_path / "r.csv",
        [{c: "" for c in REQUIRED} | {"learner": "a\nb", "question_id": q.id, "response": '"x"', "score": 1}],
    )
    assert read_results(path).loc[0, "learner"] == "a\nb"


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(ResultsError, match="no such file"):
        read_results(tmp_path / "nope.csv")
    (tmp_path / "b.csv").write_bytes(b"\xff\xfe\x00bin")
    with pytest.raises(ResultsError, match="not UTF-8"):
        read_results(tmp_path / "b.csv")


def test_reads_what_progress_writes(bank, tmp_path):
    from quizlib import progress

    assert progress.CSV_COLUMNS == REQUIRED
    q = bank.filter(kind="fact")[0]
    attempts = [
        progress.Attempt(f"l{i}", bank.id, q.id, q.kind, q.skill, None, q.options[i % 2], float(i % 2 == 0), "t")
        for i in range(4)
    ]
    path = tmp_path / "p.csv"
    path.write_text(progress.attempts_to_csv(attempts), encoding="utf-8")
    result = analyse(read_results(path), [bank])
    assert result.items.loc[0, "facility"] == 0.5


def test_cli_stats(bank, tmp_path, capsys):
    results = write(tmp_path / "r.csv", simulate(bank))
    bank_path = bank.save(tmp_path / "bank.json")
    code = main(["stats", str(results), "--bank", str(bank_path), "--chart", str(tmp_path / "c.png")])
    out = capsys.readouterr()
    assert code == 0
    assert "reversed" in out.out and "40 learners" in out.out
    assert (tmp_path / "c.png").exists()
    assert main(["stats", str(tmp_path / "missing.csv")]) == 2
    assert "missing.csv: no such file" in capsys.readouterr().err


def test_unknown_questions_are_reported(bank, tmp_path):
    rows = simulate(bank)
    other = Bank(tuple(replace(q, id=q.id) for q in bank.questions[:1]), bank.articles)
    result = item_analysis(write(tmp_path / "r.csv", rows), [other])
    assert any("in none of the banks" in w for w in result.warnings)
