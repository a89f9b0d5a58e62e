"""Every quizlib benchmark, by one command: `python3 tasks.py bench` (or `python benchmarks/run_all.py`).

Stages (each measured in fresh processes, so no cache of an earlier run helps a later one):
  import    `import quizlib` in a fresh interpreter, and which heavy libraries it pulls in
  seeds     load, cue detection and generation on the five seed articles
  scaling   one run each on the first 50, 100 and 200 of those articles (how time grows with size)
  big       the same on 1,000 articles built by benchmarks/corpus.py (fixed seed, temp folder)
  check     Check-to-feedback time on a 500-question bank (benchmarks/check_latency.py)
  nbval     the whole notebook run: pytest --nbval-lax --nbval-current-env notebooks

All stages run against a copy of quizlib/ taken when the run starts (first on every process's path),
so other work in the tree cannot mix versions of the code into one report.

"Pipeline" means what an instructor runs: generate(load_corpus(folder)). Its floor is a bare
pass of the sentence segmenter (blingfire) over the same article texts. Pipeline processes are
pinned to one CPU. Peak memory is the process's maximum resident set (getrusage), interpreter
included. Where a speed target is missed, a cProfile of the pipeline says where the time goes,
per module.

Prints a readable table and one JSON report (also written with --json PATH). Exit status: 0 when
every stage ran (targets met or not: each is reported), 1 when a stage errored or was skipped,
naming the stage.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
PY = sys.executable

TARGETS = {
    "pipeline_words_per_s": (">=", 100_000, "full pipeline words/s on one core (1,000 articles)"),
    "big_pipeline_s": ("<", 20.0, "1,000 articles: load + generate, seconds"),
    "big_peak_mb": ("<", 1024.0, "1,000 articles: peak memory, MB"),
    "import_s": ("<", 0.3, "`import quizlib`, seconds"),
    "floor_ratio": ("<=", 5.0, "pipeline time / segmenter floor (1,000 articles)"),
    "check_median_ms": ("<", 20.0, "Check-to-feedback median, ms (500-question bank)"),
}
SCALING = (50, 100, 200)
# Libraries that `import quizlib` must not pull in (they load when first used).
HEAVY = (
    "pandas", "numpy", "ipywidgets", "IPython", "anywidget", "matplotlib", "jsonschema", "trafilatura",
    "lxml", "blingfire", "pycountry", "platformdirs", "sqlite3", "nbformat", "scipy",
)  # fmt: skip


class StageError(Exception):
    """A stage that could not be measured; the run fails with its name."""


class TimedOut(StageError):
    """A run that did not finish in time: the stage failed, and its targets are not met."""

    def __init__(self, seconds: float, progress: dict) -> None:
        self.seconds = seconds
        self.progress = progress
        seen = ", ".join(f"{k} {_fmt(v)}" for k, v in sorted(progress.items()))
        super().__init__(f"a run did not finish within {seconds:.0f} s (stopped; seen so far: {seen or 'nothing'})")


def _sources_digest(package: Path) -> str:
    """A digest of the package's files: tells a changed tree (other work) from non-determinism."""
    import hashlib

    h = hashlib.sha256()
    for f in sorted(package.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            h.update(str(f.relative_to(package)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


def _progress(**fields) -> None:
    """One progress line from the worker (read by the parent if the run is stopped)."""
    sys.stdout.write(json.dumps({"progress": fields}) + "\n")
    sys.stdout.flush()


def _watch_memory(t_start: float) -> None:
    import resource
    import threading

    def loop() -> None:
        while True:
            time.sleep(5)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            _progress(peak_mb_so_far=peak, elapsed_s=time.perf_counter() - t_start)

    threading.Thread(target=loop, daemon=True).start()


# -- worker: one measured run in a fresh process -------------------------------------------


def worker(corpus_dir: str, floor_repeats: int) -> dict:
    """Load, generate and find cues once, cold, pinned to one CPU; and the segmenter floor."""
    import resource

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    stage = "import"
    try:
        t0 = time.perf_counter()
        import blingfire

        import quizlib

        out: dict = {"import_s": time.perf_counter() - t0, "sources": _sources_digest(Path(quizlib.__file__).parent)}
        _watch_memory(time.perf_counter())
        stage = "load"
        t0 = time.perf_counter()
        corpus = quizlib.load_corpus(corpus_dir)
        out["load_s"] = time.perf_counter() - t0
        _progress(load_s=out["load_s"], articles=len(corpus), words=sum(a.words for a in corpus))
        if corpus.problems:
            raise StageError(f"{len(corpus.problems)} articles did not load, e.g. {corpus.problems[0]}")
        stage = "generate"
        t0 = time.perf_counter()
        bank = quizlib.generate(corpus, seed=0)
        out["generate_s"] = time.perf_counter() - t0
        if len(bank) == 0:
            raise StageError("generate returned an empty bank")
        stage = "cues"
        t0 = time.perf_counter()
        n_cues = sum(len(quizlib.find_cues(a)) for a in corpus)
        out["cues_s"] = time.perf_counter() - t0
        stage = "floor"
        texts = [a.text for a in corpus]
        blingfire.text_to_sentences_and_offsets("Warm up. Twice.")
        floors = []
        for _ in range(floor_repeats):
            t0 = time.perf_counter()
            for text in texts:
                blingfire.text_to_sentences_and_offsets(text)
            floors.append(time.perf_counter() - t0)
        out["floor_s"] = statistics.median(floors)
        out.update(
            articles=len(corpus),
            words=sum(a.words for a in corpus),
            chars=sum(len(t) for t in texts),
            questions=len(bank),
            cues=n_cues,
            bank_id=bank.id,
            peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        )
        return out
    except Exception as exc:  # reported to the parent, which fails the run naming the stage
        return {"error": f"{stage}: {type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}


def _progress_of(stdout: bytes | str | None) -> dict:
    """What a stopped worker had reported (later lines win)."""
    text = stdout.decode("utf-8", "replace") if isinstance(stdout, bytes) else stdout or ""
    seen: dict = {}
    for line in text.splitlines():
        try:
            seen.update(json.loads(line).get("progress", {}))
        except json.JSONDecodeError:
            continue
    return seen


def run_worker(corpus_dir: Path, runs: int, timeout: float) -> dict:
    """Median of `runs` fresh worker processes."""
    results = []
    for run in range(runs):
        try:
            proc = subprocess.run(
                [PY, __file__, "--worker", str(corpus_dir)],
                capture_output=True,
                text=True,
                timeout=timeout,
                cwd=ROOT,
                env=dict(os.environ, OMP_NUM_THREADS="1", PYTHONHASHSEED=str(run)),  # other hash seeds: rule 3
            )
        except subprocess.TimeoutExpired as exc:
            raise TimedOut(timeout, _progress_of(exc.stdout)) from None
        try:
            res = [r for r in map(json.loads, proc.stdout.strip().splitlines()) if "progress" not in r][-1]
        except (IndexError, json.JSONDecodeError):
            raise StageError(f"worker crashed (exit {proc.returncode}): {proc.stderr.strip()[-2000:]}") from None
        if "error" in res:
            raise StageError(res["error"] + "\n" + res["traceback"])
        results.append(res)
    med = {k: statistics.median(r[k] for r in results) for k in results[0] if isinstance(results[0][k], float)}
    for k in ("articles", "words", "chars", "questions", "cues", "bank_id"):
        med[k] = results[0][k]
    med["bank_ids"] = [r["bank_id"] for r in results]
    med["sources"] = [r["sources"] for r in results]
    med["questions_per_run"] = [r["questions"] for r in results]
    med["peak_mb"] = max(r["peak_mb"] for r in results)
    med["runs"] = runs
    pipeline = med["load_s"] + med["generate_s"]
    med.update(
        pipeline_s=pipeline,
        articles_per_s=med["articles"] / pipeline,
        words_per_s=med["words"] / pipeline,
        load_words_per_s=med["words"] / med["load_s"],
        cues_words_per_s=med["words"] / med["cues_s"],
        generate_words_per_s=med["words"] / med["generate_s"],
        floor_words_per_s=med["words"] / med["floor_s"],
        floor_ratio=pipeline / med["floor_s"],
    )
    return med


# -- stages --------------------------------------------------------------------------------

_IMPORT_PROBE = (
    "import sys, time, json; before = set(sys.modules); t = time.perf_counter(); import quizlib; "
    "dt = time.perf_counter() - t; print(json.dumps({'s': dt, 'modules': sorted(set(sys.modules) - before)}))"
)


def stage_scaling(big_dir: Path, tmp: Path, timeout: float) -> dict:
    """One run on the first n articles for each n in SCALING: does time grow linearly?"""
    import shutil

    out = {}
    files = sorted(big_dir.glob("bench-*.txt"))
    for n in SCALING:
        sub = tmp / f"first-{n}"
        sub.mkdir()
        for f in files[:n]:
            shutil.copy(f, sub / f.name)
        try:
            r = run_worker(sub, 1, timeout)
        except TimedOut as exc:
            out[str(n)] = {"timed_out_after_s": exc.seconds, **exc.progress}
            break
        keep = ("articles", "words", "load_s", "cues_s", "generate_s", "pipeline_s", "words_per_s", "questions")
        keep += ("peak_mb",)
        out[str(n)] = {k: r[k] for k in keep}
    return out


def stage_import(runs: int) -> dict:
    times, modules = [], []
    for _ in range(runs):
        proc = subprocess.run([PY, "-c", _IMPORT_PROBE], capture_output=True, text=True, cwd=HERE, timeout=60)
        if proc.returncode:
            raise StageError(f"import quizlib failed: {proc.stderr.strip()[-2000:]}")
        res = json.loads(proc.stdout)
        times.append(res["s"])
        modules = res["modules"]
    top = sorted({m.split(".")[0] for m in modules})
    heavy = [m for m in HEAVY if m in top]
    return {"import_s": statistics.median(times), "runs": runs, "new_top_level_modules": top, "heavy_loaded": heavy}


def stage_check(timeout: float) -> dict:
    script = HERE / "check_latency.py"
    if not script.exists():
        raise StageError(f"{script.relative_to(ROOT)} does not exist (the widgets' Check-to-feedback benchmark)")
    proc = subprocess.run(
        [PY, str(script), "--questions", "500", "--json"], capture_output=True, text=True, cwd=ROOT, timeout=timeout
    )
    if proc.returncode:
        raise StageError(f"{script.name} exited {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-2000:]}")
    for line in reversed(proc.stdout.strip().splitlines()):
        try:
            return {"result": json.loads(line)}
        except json.JSONDecodeError:
            continue
    raise StageError(f"{script.name} printed no JSON line: {proc.stdout.strip()[-500:]}")


def stage_nbval(runs: int, timeout: float) -> dict:
    cmd = [PY, "-m", "pytest", "notebooks", "--nbval-lax", "--nbval-current-env", "-p", "no:cacheprovider", "-q"]
    times, summary = [], ""
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=timeout)
        times.append(time.perf_counter() - t0)
        lines = proc.stdout.strip().splitlines()
        summary = lines[-1] if lines else ""
        if proc.returncode:
            raise StageError(
                f"nbval run failed (exit {proc.returncode}) after {times[-1]:.1f} s: {summary}\n{proc.stdout[-3000:]}"
            )
    passed = re.search(r"(\d+) passed", summary)
    if not passed:
        raise StageError(f"nbval ran no cell: {summary}")
    return {"seconds": statistics.median(times), "runs": runs, "summary": summary, "cells_passed": int(passed[1])}


def profile_pipeline(corpus_dir: Path, timeout: float) -> dict:
    proc = subprocess.run(
        [PY, str(HERE / "profile_pipeline.py"), str(corpus_dir), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
    )
    if proc.returncode:
        raise StageError(f"profile_pipeline.py exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- report --------------------------------------------------------------------------------


def _git_head() -> str:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    dirty = subprocess.run(["git", "status", "--porcelain", "quizlib"], capture_output=True, text=True, cwd=ROOT)
    return proc.stdout.strip() + (" + uncommitted changes in quizlib/" if dirty.stdout.strip() else "")


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def targets(report: dict) -> dict:
    big, imp = report["stages"].get("big", {}), report["stages"].get("import", {})
    check = report["stages"].get("check", {}).get("result", {})
    values = {
        "pipeline_words_per_s": big.get("words_per_s"),
        "big_pipeline_s": big.get("pipeline_s"),
        "big_peak_mb": big.get("peak_mb"),
        "import_s": imp.get("import_s"),
        "floor_ratio": big.get("floor_ratio"),
        "check_median_ms": check.get("check_median_ms"),
    }
    out = {}
    for name, (op, limit, label) in TARGETS.items():
        v = values[name]
        met = None if v is None else {">=": v >= limit, "<": v < limit, "<=": v <= limit}[op]
        label = label.replace("1,000", f"{report.get('big_corpus', {}).get('articles', 1000):,}")
        out[name] = {"label": label, "value": v, "target": f"{op} {limit:g}", "met": met}
    stopped = report.get("big_timed_out_after_s")
    if stopped:  # the run was stopped: no figure, but the speed targets are certainly missed
        for name in ("pipeline_words_per_s", "big_pipeline_s", "floor_ratio"):
            out[name].update(value=f"stopped after {stopped:.0f} s", met=False)
        seen = report["stages"].get("big_stopped", {}).get("peak_mb_so_far")
        if seen is not None:
            over = seen >= TARGETS["big_peak_mb"][1]
            out["big_peak_mb"].update(value=f"{seen:.0f} when stopped", met=False if over else None)
    return out


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.0f}" if v >= 1000 else f"{v:.3g}" if v < 10 else f"{v:.1f}"
    return f"{v:,}" if isinstance(v, int) else str(v)


def table(report: dict) -> str:
    lines = []
    m = report["machine"]
    lines.append(
        f"machine: {m['nproc']} CPUs, {m['cpu']}, Python {m['python']}; load average (1, 5, 15 min) "
        f"{m['load_average_at_start']} at start, {m.get('load_average_at_end')} at end (other work slows every figure)"
    )
    cols = [
        ("articles", "articles"), ("words", "words"), ("load s", "load_s"), ("cues s", "cues_s"),
        ("generate s", "generate_s"), ("pipeline s", "pipeline_s"), ("articles/s", "articles_per_s"),
        ("words/s", "words_per_s"), ("floor s", "floor_s"), ("x floor", "floor_ratio"), ("peak MB", "peak_mb"),
        ("questions", "questions"),
    ]  # fmt: skip
    lines.append(f"{'corpus':<8}" + "".join(f"{c:>12}" for c, _ in cols))
    for name in ("seeds", "big"):
        s = report["stages"].get(name)
        if s:
            lines.append(f"{name:<8}" + "".join(f"{_fmt(s.get(k)):>12}" for _, k in cols))
    for name in ("seeds", "big"):
        s = report["stages"].get(name)
        if s:
            lines.append(
                f"{name}: words/s by stage: load {_fmt(s['load_words_per_s'])}, cues {_fmt(s['cues_words_per_s'])}, "
                f"generate {_fmt(s['generate_words_per_s'])}, segmenter floor {_fmt(s['floor_words_per_s'])}"
            )
    imp = report["stages"].get("import")
    if imp:
        lines.append(
            f"import quizlib: {imp['import_s'] * 1000:.0f} ms (median of {imp['runs']}); heavy libraries loaded: "
            f"{', '.join(imp['heavy_loaded']) or 'none'}; new top-level modules: {len(imp['new_top_level_modules'])}"
        )
    scaling = report["stages"].get("scaling")
    if scaling:
        parts = []
        for n, r in scaling.items():
            if "timed_out_after_s" in r:
                parts.append(f"{n} articles: stopped after {r['timed_out_after_s']:.0f} s")
            else:
                parts.append(f"{n} articles: {r['pipeline_s']:.1f} s ({_fmt(r['words_per_s'])} words/s)")
        lines.append("scaling (one run each): " + "; ".join(parts))
    chk = report["stages"].get("check")
    if chk:
        lines.append(f"Check-to-feedback (500-question bank): {json.dumps(chk['result'])}")
    nb = report["stages"].get("nbval")
    if nb:
        lines.append(f"nbval: {nb['seconds']:.1f} s ({nb['summary']})")
    prof = report.get("profile")
    if prof:
        lines.append(
            f"where the pipeline's time goes ({prof['articles']} articles, cProfile; {prof['total_s']:.1f} s under "
            "the profiler, which slows Python code more than C code):"
        )
        for row in prof["modules"][:12]:
            lines.append(f"  {row['share'] * 100:5.1f}%  {row['seconds']:7.2f} s  {row['module']}")
    lines.append("targets:")
    for t in report["targets"].values():
        state = "not measured" if t["met"] is None else "met" if t["met"] else "NOT MET"
        lines.append(f"  {state:<13}{t['label']}: {_fmt(t['value'])} (target {t['target']})")
    for name, err in report["errors"].items():
        lines.append(f"STAGE FAILED: {name}: {err.splitlines()[0]}")
    return "\n".join(lines)


def run_stages(args: argparse.Namespace, report: dict, stage) -> None:
    stage("import", stage_import, max(args.runs, 7))
    from corpus import build, digest  # benchmarks/corpus.py

    stage("seeds", run_worker, ROOT / "seeds", args.runs, args.timeout)
    with tempfile.TemporaryDirectory(prefix="quizlib-bench-") as tmp:
        paths = build(tmp, args.n, seed=0)
        report["big_corpus"] = {"articles": len(paths), "seed": 0, "digest": digest(paths)}
        with tempfile.TemporaryDirectory(prefix="quizlib-bench-subsets-") as sub:
            stage("scaling", stage_scaling, Path(tmp), Path(sub), args.timeout)
            stage("big", run_worker, Path(tmp), args.big_runs, args.timeout)
            report["targets"] = targets(report)
            speed = ("pipeline_words_per_s", "big_pipeline_s", "floor_ratio")
            if any(report["targets"][k]["met"] is False for k in speed):
                # Profile a corpus the profiler gets through in reasonable time (it slows Python code down).
                where = Path(sub) / f"first-{SCALING[0]}" if "big_timed_out_after_s" in report else Path(tmp)
                try:
                    print(f"[bench] profile ({where.name}) ...", file=sys.stderr, flush=True)
                    report["profile"] = profile_pipeline(where, args.timeout * 2)
                    report["profile"]["corpus"] = where.name
                except (StageError, subprocess.TimeoutExpired) as exc:
                    report["errors"]["profile"] = str(exc)
    stage("check", stage_check, args.timeout)
    stage("nbval", stage_nbval, args.nbval_runs, args.timeout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Run every quizlib benchmark.")
    ap.add_argument("--runs", type=int, default=5, help="fresh runs per measurement on the seeds (median)")
    ap.add_argument("--big-runs", type=int, default=3, help="fresh runs on the 1,000-article corpus (median)")
    ap.add_argument("--nbval-runs", type=int, default=1, help="runs of the whole nbval suite")
    ap.add_argument("--n", type=int, default=1000, help="articles in the big corpus")
    ap.add_argument("--timeout", type=float, default=300, help="seconds before a single run is stopped (a stage error)")
    ap.add_argument("--json", type=Path, help="also write the JSON report here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, floor_repeats=5)))
        return 0

    report: dict = {"machine": machine(), "stages": {}, "errors": {}}

    def stage(name: str, fn, *a) -> None:
        print(f"[bench] {name} ...", file=sys.stderr, flush=True)
        try:
            report["stages"][name] = result = fn(*a)
            if len(set(result.get("sources", ()))) > 1:
                report["errors"][name] = (
                    f"quizlib's files changed between the runs (digests {result['sources']}): the figures mix "
                    "versions of the code; run again when the tree is quiet"
                )
            elif len(set(result.get("bank_ids", ()))) > 1:  # rule 3: same articles + seed, same bank
                report["errors"][name] = (
                    f"not deterministic: the same corpus and seed gave different banks in fresh runs "
                    f"(bank ids {result['bank_ids']}, questions {result['questions_per_run']})"
                )
        except TimedOut as exc:
            report["errors"][name] = str(exc)
            if name == "big":
                report["big_timed_out_after_s"] = exc.seconds
                report["stages"]["big_stopped"] = exc.progress
        except StageError as exc:
            report["errors"][name] = str(exc)
        except subprocess.TimeoutExpired as exc:
            report["errors"][name] = f"timed out after {exc.timeout:.0f} s"

    # Every stage measures one version of the code: a copy of quizlib/ (and seeds/) taken now, first
    # on every process's path, so work going on in the tree meanwhile cannot mix versions.
    snapshot = Path(tempfile.mkdtemp(prefix="quizlib-bench-code-"))
    shutil.copytree(ROOT / "quizlib", snapshot / "quizlib", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "seeds", snapshot / "seeds")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(snapshot), os.environ.get("PYTHONPATH")]))
    report["code"] = {"quizlib_files_digest": _sources_digest(snapshot / "quizlib"), "git_head": _git_head()}
    try:
        run_stages(args, report, stage)
    finally:
        shutil.rmtree(snapshot, ignore_errors=True)
    report["targets"] = targets(report)
    report["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(table(report))
    text = json.dumps(report, indent=2, sort_keys=True)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    if report["errors"]:
        print(f"benchmark FAILED: stage(s) {', '.join(report['errors'])} errored or were skipped", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
