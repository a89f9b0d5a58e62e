"""HTML for the quiz: every piece of article or question text goes through html.escape here.

Kept apart from the widgets so the escaping can be tested on plain strings and the feedback
is built in one place (and fast: it runs between Check and what the learner sees).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from ..articles import Article
from ..questions import Evidence, Question


def text(s: str) -> str:
    """Escaped text with line breaks kept."""
    return escape(s).replace("\n", "<br>")


def article_html(article: Article) -> str:
    """The whole article, title, headings and paragraphs, as escaped HTML (no evidence marks: shown
    before Check). Headings are part of what a reader reads (section questions ask about them)."""
    parts = [f"<h4>{escape(article.title)}</h4>"]
    headings = iter(article.headings)
    heading = next(headings, None)
    for p in article.paragraphs:
        while heading is not None and heading.start < p.start:
            parts.append(f"<h5>{escape(heading.value)}</h5>")
            heading = next(headings, None)
        parts.append(f"<p>{text(article.text[p.start : p.end])}</p>")
    return "".join(parts)


def _paragraph_range(article: Article, start: int, end: int) -> tuple[int, int]:
    """The span of the paragraphs that hold [start, end) (the span itself if none does)."""
    lo, hi = start, end
    for p in article.paragraphs:
        if p.start < end and start < p.end:
            lo, hi = min(lo, p.start), max(hi, p.end)
    return lo, hi


def evidence_html(evidence: Sequence[Evidence], articles: Mapping[str, Article]) -> str:
    """Each evidence passage highlighted inside its paragraph(s); passages in one paragraph share it."""
    blocks: list[tuple[str, int, int, list[Evidence]]] = []
    loose: list[Evidence] = []
    for e in evidence:
        article = articles.get(e.article_id)
        if article is None or article.text[e.start : e.end] != e.text:
            loose.append(e)
            continue
        lo, hi = _paragraph_range(article, e.start, e.end)
        for block in blocks:
            if block[0] == e.article_id and block[1] < hi and lo < block[2]:
                block[3].append(e)
                blocks[blocks.index(block)] = (block[0], min(block[1], lo), max(block[2], hi), block[3])
                break
        else:
            blocks.append((e.article_id, lo, hi, [e]))
    out = []
    for article_id, lo, hi, spans in blocks:
        article = articles[article_id]
        out.append(
            f'<blockquote class="qz-evidence"><div class="qz-meta">From “{escape(article.title)}”</div>'
            f"{_marked(article.text, lo, hi, [(e.start, e.end) for e in spans])}</blockquote>"
        )
    for e in loose:
        why = "article not loaded" if e.article_id not in articles else "article text differs from the bank's"
        out.append(
            f'<blockquote class="qz-evidence"><div class="qz-meta">From {escape(e.article_id)} ({why})</div>'
            f"<mark>{text(e.text)}</mark></blockquote>"
        )
    return "".join(out)


def _marked(text_: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> str:
    """text_[lo:hi] with the spans marked. A span inside another (a word inside its sentence) is
    marked again, more strongly, so the exact words stand out within the passage."""
    spans = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    inner = [s for s in spans if any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    outer: list[list[int]] = []
    for a, b in (s for s in spans if s not in inner):
        if outer and a <= outer[-1][1]:
            outer[-1][1] = max(outer[-1][1], b)
        else:
            outer.append([a, b])
    pieces, pos = [], lo
    for a, b in outer:
        pieces.append(text(text_[pos:a]))
        inside, at = [], a
        for c, d in sorted(s for s in inner if a <= s[0] and s[1] <= b):
            if c < at:
                continue
            inside.append(text(text_[at:c]))
            inside.append(f'<mark class="qz-key">{text(text_[c:d])}</mark>')
            at = d
        inside.append(text(text_[at:b]))
        pieces.append(f"<mark>{''.join(inside)}</mark>")
        pos = b
    pieces.append(text(text_[pos:hi]))
    return "".join(pieces)


def verdict_html(score: float) -> str:
    if score >= 1.0:
        return '<span class="qz-right-msg">✔ Correct.</span>'
    if score <= 0.0:
        return '<span class="qz-wrong-msg">✘ Not right.</span>'
    return f'<span class="qz-part-msg">◐ Partly right: {score:.0%}.</span>'


def rewrite_verdict_html(score: float) -> str:
    """A rewrite is self-checked: the widget can only tell whether the slanted words are gone and
    the content kept; whether the meaning is the same is the learner's call."""
    if score >= 1.0:
        return (
            '<span class="qz-right-msg">✔ The words to replace are gone and no new ones came in. '
            "Now check yourself against the model rewrite: same facts, no slant?</span>"
        )
    if score <= 0.0:
        return (
            '<span class="qz-wrong-msg">✘ Not right: keep what the sentence reports, and replace the slanted '
            "words without bringing in new ones.</span>"
        )
    return f'<span class="qz-part-msg">◐ Partly right: {score:.0%}. Some slanted words are still there.</span>'


def feedback_html(q: Question, response: object, score: float, articles: Mapping[str, Article]) -> str:
    """What the learner sees after Check: verdict, the key, the explanation, the evidence."""
    parts = [f"<div>{rewrite_verdict_html(score) if q.form == 'rewrite' else verdict_html(score)}</div>"]
    if q.form == "match":
        given = list(response) if isinstance(response, (list, tuple)) else []
        rows = []
        for i, (item, key) in enumerate(zip(q.items, q.answer, strict=True)):
            got = given[i] if i < len(given) and given[i] else "—"
            mark = "✔" if got == key else "✘"
            rows.append(f"<tr><td>{escape(item)}</td><td>{mark} {escape(got)}</td><td>{escape(key)}</td></tr>")
        parts.append("<table><tr><th>Item</th><th>Your answer</th><th>Answer</th></tr>" + "".join(rows) + "</table>")
    elif q.form == "multi":
        chosen = set(response) if isinstance(response, (list, tuple)) else set()
        key = set(q.answer)
        parts.append(f"<p>The words to mark: <b>{escape(', '.join(q.answer))}</b>.</p>")
        wrong = [o for o in q.options if o in chosen - key]
        missed = [o for o in q.options if o in key - chosen]
        if wrong:
            parts.append(f"<p>Marked but not in the key: {escape(', '.join(wrong))}.</p>")
        if missed:
            parts.append(f"<p>Missed: {escape(', '.join(missed))}.</p>")
    elif q.form == "rewrite":
        from ..scoring import words_left

        left = words_left(str(response or ""), q.items)
        parts.append(f"<p>A model rewrite: <i>{escape(q.answer[0])}</i></p>")
        if left:
            parts.append(f"<p>Still in your version: <b>{escape(', '.join(left))}</b>.</p>")
        parts.append("<p>Compare with yours: does it keep every fact and drop the slant?</p>")
    else:
        parts.append(f"<p>Answer: <b>{escape(q.answer[0])}</b></p>")
    parts.append(f"<p>{text(q.explanation)}</p>")
    parts.append(evidence_html(q.evidence, articles))
    return "".join(parts)


def summary_html(rows: Sequence[tuple[str, str, int, int, float]], total: tuple[int, int, float]) -> str:
    """A table of (group, name, questions, answered, score sum) with a bar per row."""
    answered_all, n_all, score_all = total[1], total[0], total[2]
    pct_all = score_all / answered_all if answered_all else 0.0
    out = [
        '<div class="qz-summary"><h4>Your results</h4>',
        f"<p>Answered {answered_all} of {n_all}; score {round(score_all, 2):g} of {answered_all} ({pct_all:.0%}).</p>",
        "<table><tr><th>By</th><th></th><th>Answered</th><th>Score</th><th></th></tr>",
    ]
    for group, name, n, answered, total_score in rows:
        pct = total_score / answered if answered else 0.0
        bar = f'<span class="qz-bar" style="width:{round(pct * 80)}px" aria-hidden="true"></span>'
        out.append(
            f"<tr><td>{escape(group)}</td><td>{escape(name.replace('_', ' '))}</td>"
            f"<td>{answered} / {n}</td><td>{pct:.0%}</td><td>{bar}</td></tr>"
        )
    out.append("</table></div>")
    return "".join(out)
