"""Measure sentence segmenters on hand-split tricky news text and on the seed articles.

Usage: python benchmarks/segmenters.py
Prints, per candidate: exact-match sentence accuracy on the hand-split cases, and words/s over the
seeds (median of 5 runs). The choice written in the README comes from this output.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

# Each case: the list of sentences a careful reader would split the paragraph into.
CASES = [
    ["The U.S. and the U.K. signed the accord on Monday.", "It takes effect in May."],
    ["Vice President J.D. Vance met Mr. Smith and Dr. Okafor in Washington.", "They spoke for an hour."],
    ["“We will not give up,” she said.", "The talks resume on Friday."],
    ["Will the plan work?", "Nobody knows yet!", "Officials remain hopeful."],
    ["The company earned $3.5 billion, up 4.2% from 2023.", "Shares rose."],
    ["He cited a report by St. John's University (2021).", "Critics disagreed."],
    ["Prof. Lee, of the U.N. agency, spoke at 9 a.m. on Tuesday.", "Reporters waited outside."],
    ["The museum opened in Jan. 2020 after repairs.", "Visitors returned."],
    ["So, what happened next?", "Apparently, the vote was delayed."],
    ["The ministry said it “never closer” to a deal.", "Analysts were less sure."],
    ["Gen. Alvarez (ret.) declined to comment.", "His office gave no reason."],
    ["Sales grew in the E.U. last year.", "Growth slowed in Asia."],
    ["It was led by former U.S. President Donald Trump, officials said.", "Nobody objected."],
    ["He moved to the U.S.", "He works in Canada now."],
    ["“Enough deaths,” he said.", "“Enough lives destroyed.”"],
    ["He asked, “Is it over?”", "Nobody answered."],
    ["The meeting starts at 10 a.m.", "Officials will attend."],
    ["Let's be real, guys, this is not going to be easy.", "Imagine the relief!"],
    ["Hey everyone!", "So, the big news is out."],
    ["The U.N. Security Council met on Oct. 3 in New York.", "No vote was held."],
    ["Sen. Maria Ortiz (D-N.M.) objected.", "The bill stalled."],
    ["The firm, Acme Inc., posted gains.", "Its rival, Beta Corp. Ltd., did not."],
]


def candidates():
    out = {}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        out["pysbd 0.3"] = lambda t: [s.sent.strip() for s in seg.segment(t)]
    except ImportError:
        pass
    try:
        import syntok.segmenter as sy

        def syntok_split(t):
            res = []
            for para in sy.analyze(t):
                for sent in para:
                    res.append(
                        t[
                            sent[0].offset - len(sent[0].spacing) + len(sent[0].spacing) : sent[-1].offset
                            + len(sent[-1].value)
                        ].strip()
                    )
            return res

        out["syntok 1.4"] = syntok_split
    except ImportError:
        pass
    try:
        import blingfire

        def bf(t):
            _, offs = blingfire.text_to_sentences_and_offsets(t)
            return [t[a:b].strip() for a, b in offs]

        out["blingfire 0.1"] = bf
    except ImportError:
        pass
    try:
        from segtok.segmenter import split_single

        out["segtok 1.5"] = lambda t: [s.strip() for s in split_single(t) if s.strip()]
    except ImportError:
        pass
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        out["spacy sentencizer"] = lambda t: [s.text.strip() for s in nlp(t).sents]
    except ImportError:
        pass
    try:
        import quizlib.sentences as qs

        out["quizlib (chosen)"] = lambda t: [t[a:b] for a, b in qs.split_sentences(t)]
    except ImportError:
        pass
    return out


def main() -> None:
    seeds = [p.read_text("utf-8") for p in sorted(Path(__file__).resolve().parents[1].joinpath("seeds").glob("*.txt"))]
    words = sum(len(s.split()) for s in seeds)
    result = {}
    for name, split in candidates().items():
        correct = sum(split(" ".join(case)) == case for case in CASES)
        failures = [" ".join(c) for c in CASES if split(" ".join(c)) != c]
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            for s in seeds:
                for line in s.splitlines():
                    if line.strip():
                        split(line)
            times.append(time.perf_counter() - t0)
        result[name] = {
            "tricky_cases_correct": f"{correct}/{len(CASES)}",
            "words_per_s": round(words / statistics.median(times)),
            "failed": failures,
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
