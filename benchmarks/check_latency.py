"""Check-to-feedback time in the kernel on a 500-question bank (target: median under 20 ms).

Usage: python benchmarks/check_latency.py [--questions 500] [--checks 200] [--json]

The bank repeats the hand-made fixture questions (tests/fixtures/widgets, every form) with
numbered prompts, so it is the same on every run. Each timed step is what a click on Check runs
in the kernel until the feedback HTML is set (read the control, score, build the feedback with the
evidence paragraph); the attempt is then committed to SQLite (a real file in a temporary folder),
reported separately as the whole callback. The browser's round trip is not included (see
tests/browser for that). By default this runs inside a fresh ipykernel (so widget updates are
really serialised and sent); --no-kernel measures in this process. Also reported: building the
Quiz and moving to the next question.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "widgets"))

TARGET_MS = 20.0


def respond(quiz) -> None:
    """Give the question on screen its key (or a near miss), through the control's widgets."""
    q, c = quiz.question, quiz.control
    if q.form in ("single", "text"):
        c.widget.value = q.answer[0]
    elif q.form == "match":
        for d, a in zip(c.dropdowns, q.answer, strict=True):
            d.value = a
    elif q.form == "multi":
        c.set_response(q.answer[:1])
    elif q.form == "rewrite":
        c.widget.value = q.answer[0]


def measure(n_questions: int, n_checks: int) -> dict:
    from fixture_bank import big_bank, fixture_corpus

    from quizlib.widgets import Quiz

    corpus = fixture_corpus()
    bank = big_bank(n_questions, corpus)
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        quiz = Quiz(bank, learner="bench", store=Path(tmp) / "progress.sqlite3", corpus=corpus)
        build_ms = (time.perf_counter() - t) * 1000
        step = max(1, n_questions // n_checks)
        checks: dict[str, list[float]] = {}
        totals: list[float] = []
        nexts: list[float] = []
        shown: list[float] = []
        quiz.feedback.observe(lambda _: shown.append(time.perf_counter()), "value")
        for pos in range(0, n_questions, step):
            t = time.perf_counter()
            quiz.go(pos)
            nexts.append((time.perf_counter() - t) * 1000)
            respond(quiz)
            form = quiz.question.form
            shown.clear()
            t = time.perf_counter()
            quiz.check_button.click()
            done = time.perf_counter()
            if not shown or not quiz.feedback.value or quiz.store.warning:
                raise SystemExit(f"check gave no feedback at question {pos} ({quiz.store.warning})")
            checks.setdefault(form, []).append((shown[-1] - t) * 1000)
            totals.append((done - t) * 1000)
        quiz.store.close()
    every = sorted(x for xs in checks.values() for x in xs)
    return {
        "questions": n_questions,
        "checks": len(every),
        "check_median_ms": round(statistics.median(every), 2),
        "check_p90_ms": round(every[int(0.9 * (len(every) - 1))], 2),
        "check_max_ms": round(every[-1], 2),
        "check_median_ms_by_form": {f: round(statistics.median(xs), 2) for f, xs in sorted(checks.items())},
        "check_and_save_median_ms": round(statistics.median(totals), 2),
        "next_median_ms": round(statistics.median(nexts), 2),
        "build_quiz_ms": round(build_ms, 1),
        "target_ms": TARGET_MS,
        "target_met": statistics.median(every) < TARGET_MS,
    }


def measure_in_kernel(n_questions: int, n_checks: int) -> dict:
    """The same measurement inside a real ipykernel, where every widget change is serialised and
    sent as a comm message (outside a kernel widgets have no comm and send nothing)."""
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3")
    try:
        code = (
            f"import sys, json; sys.path.insert(0, {str(Path(__file__).parent)!r}); import check_latency; "
            f"print('RESULT ' + json.dumps(check_latency.measure({n_questions}, {n_checks})))"
        )
        out: list[str] = []
        reply = kc.execute_interactive(
            code,
            timeout=600,
            output_hook=lambda m: out.append(m["content"].get("text", "") + m["content"].get("evalue", "")),
        )
        if reply["content"]["status"] != "ok":
            raise SystemExit(f"benchmark failed in the kernel: {''.join(out)[-2000:]}")
        line = next(x for x in "".join(out).splitlines() if x.startswith("RESULT "))
        return json.loads(line[len("RESULT ") :])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=500)
    parser.add_argument("--checks", type=int, default=200, help="how many questions to check (spread over the bank)")
    parser.add_argument("--no-kernel", action="store_true", help="measure in this process (widgets without comms)")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    args = parser.parse_args()
    run = measure if args.no_kernel else measure_in_kernel
    r = run(args.questions, min(args.checks, args.questions))
    r["in_kernel"] = not args.no_kernel
    print(
        f"Check to feedback{' in an ipykernel' if r['in_kernel'] else ''}, "
        f"{r['checks']} checks on a {r['questions']}-question bank: "
        f"median {r['check_median_ms']} ms, "
        f"p90 {r['check_p90_ms']} ms, max {r['check_max_ms']} ms (target: median < {TARGET_MS:g} ms: "
        f"{'met' if r['target_met'] else 'MISSED'})"
    )
    print("  by form: " + ", ".join(f"{f} {ms} ms" for f, ms in r["check_median_ms_by_form"].items()))
    print(
        f"  the whole Check callback, including the SQLite commit after the feedback: "
        f"median {r['check_and_save_median_ms']} ms"
    )
    print(f"  next question: median {r['next_median_ms']} ms; building the quiz: {r['build_quiz_ms']} ms")
    if args.json:
        print(json.dumps(r, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
