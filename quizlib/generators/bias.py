"""Bias-spotting generators: questions built on the cues an article uses to steer readers.

Each generator keeps only sentences where the key is unambiguous (one clear cue of the
asked kind, no competing cue a careful reader could also pick), because a wrong key teaches
the wrong lesson. Keys come from quizlib.cues; explanations reuse the cue explanations.
"""

from __future__ import annotations

import bisect
import functools
import random
import re
from collections import defaultdict

from ..articles import Article, Corpus, Sentence
from ..cues import (
    CATEGORY_LABELS,
    CUE_LISTS,
    FACT,
    MILD_LISTS,
    OPINION,
    Cue,
    classify_sentence,
    find_cues,
    headline_cues,
    lexicon,
    quote_spans,
    reported_from,
    titles,
)
from ..questions import Evidence, Question, make_question
from ..scoring import normalize_answer
from ..sentences import word_spans
from . import generator

VERSION = "1"
_GIVEAWAY_TOKENS = {"both", "neither", "all of the above", "none of the above"}
_MIN_WORDS, _MAX_WORDS = 8, 40

# Hedges that every careful reader recognises; sentences holding a weaker one ("potential",
# "uncertain", "somewhat") are not used for hedge keys, where a reader could fairly disagree.
_KEY_HEDGES = {
    "might",
    "may",
    "could",
    "perhaps",
    "possibly",
    "probably",
    "likely",
    "unlikely",
    "apparently",
    "seemingly",
    "reportedly",
    "allegedly",
    "potentially",
    "presumably",
    "supposedly",
    "seems",
    "purportedly",
}

# -- shared helpers -------------------------------------------------------------------------


def _article_cues(article: Article) -> list[Cue]:
    return _cached_cues(article.id, article.sha256, article)


_CUE_CACHE: dict[tuple[str, str], list[Cue]] = {}


def _cached_cues(id: str, sha: str, article: Article) -> list[Cue]:
    key = (id, sha)
    if key not in _CUE_CACHE:
        if len(_CUE_CACHE) >= 256:
            _CUE_CACHE.clear()  # a long session with many articles does not grow without bound
        _CUE_CACHE[key] = find_cues(article)
    return _CUE_CACHE[key]


def _body_cues_by_sentence(article: Article) -> dict[int, list[Cue]]:
    """Cues of the body, grouped by the index of the sentence that holds them."""
    out: dict[int, list[Cue]] = {i: [] for i in range(len(article.sentences))}
    starts = [s.start for s in article.sentences]  # sentences are in text order
    for c in _article_cues(article):
        if c.category == "headline_framing":
            continue
        i = bisect.bisect_right(starts, c.start) - 1
        if i >= 0 and c.end <= article.sentences[i].end:
            out[i].append(c)
    return out


def _usable(article: Article, s: Sentence) -> bool:
    """A sentence that can stand alone as a question: not too short or long, no quotation
    (quoted words belong to the speaker), a statement (a question asserts nothing)."""
    n = len(word_spans(s.text))
    if not (_MIN_WORDS <= n <= _MAX_WORDS):
        return False
    if quote_spans(s.text):
        return False
    return s.text[-1:] in ".!"


def _evidence(article: Article, start: int, end: int) -> Evidence:
    return Evidence(article.id, start, end, article.text[start:end])


def _quoted(text: str) -> str:
    return f"“{text}”"


def _tokens(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    return [(a, b, text[a - offset : b - offset]) for a, b in word_spans(text, offset)]


@functools.cache
def _function_words() -> frozenset[str]:
    return frozenset(e.entry.lower() for e in lexicon("function_words.txt").entries)


@functools.cache
def _cue_lexicons() -> tuple:
    names = (*CUE_LISTS, "headline.txt", "evaluative.txt", "weak_hedges.txt")
    return tuple(e.pattern for n in names for e in lexicon(n).entries)


@functools.lru_cache(maxsize=65536)
def _is_cue_word(text: str) -> bool:
    """Whether any word list (or the evaluative guard list) would match this text."""
    return any(p.search(text) for p in _cue_lexicons())


def _has_evaluative(text: str) -> bool:
    return any(e.pattern.search(text) for e in lexicon("evaluative.txt").entries)


_ADJECTIVE_ENDINGS = ("ous", "ive", "ful", "ible", "able", "ent", "ant", "ic", "al", "ly", "less")


def _topic_words(corpus: Corpus) -> frozenset[str]:
    """Words that recur in the corpus (in two articles, or twice anywhere): the topic's own
    vocabulary, safe as neutral distractors."""
    docs: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for a in corpus.articles:
        for _s, _e, tok in _tokens(a.body):
            low = tok.lower()
            docs[low].add(a.id)
            counts[low] += 1
    return frozenset(w for w, ids in docs.items() if len(ids) >= 2 or counts[w] >= 2)


def _is_name(article: Article, word: str) -> bool:
    """A word the article's body writes capitalised inside sentences and never in lower case."""
    body = article.body
    low = re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", body)
    cap = re.search(rf"(?<=[\w,;] ){re.escape(word[:1].upper() + word[1:])}(?![\w-])", body)
    return bool(cap) and not low


def _weak_hedge_in(text: str, offset: int, keys: list[Cue]) -> bool:
    """Whether a weak hedge stands in the text outside the key cues."""
    for k in keys:
        a, b = k.start - offset, k.end - offset
        text = text[:a] + " " * (b - a) + text[b:]
    return any(e.pattern.search(text) for e in lexicon("weak_hedges.txt").entries)


def _key_grade(cue: Cue) -> bool:
    """Whether a cue is clear enough to be a key: not a mild intensifier, not a weak hedge."""
    if cue.rule.split(":")[0] in MILD_LISTS:
        return False
    return cue.category != "hedge" or cue.text.lower() in _KEY_HEDGES


# -- mark the words -------------------------------------------------------------------------

_MARK_PROMPTS = {
    "loaded_language": "Select every loaded or emotive word in this sentence (words that tell you how to feel "
    "instead of just saying what happened):",
    "hedge": "Select every hedge in this sentence (words that make the claim less certain):",
}


@generator("bias.mark_words", VERSION, "bias")
def mark_words(corpus: Corpus, rng: random.Random) -> list[Question]:
    """The learner marks every loaded word (or every hedge) of a sentence; key = detected set."""
    out: list[Question] = []
    for article in corpus.articles:
        by_sentence = _body_cues_by_sentence(article)
        for i, s in enumerate(article.sentences):
            if not _usable(article, s):
                continue
            cues = by_sentence[i]
            for category in ("loaded_language", "hedge"):
                q = _mark_question(article, s, cues, category)
                if q:
                    out.append(q)
    return out


def _mark_question(article: Article, s: Sentence, cues: list[Cue], category: str) -> Question | None:
    targets = [c for c in cues if c.category == category]
    if not targets or any(" " in c.text or "-" in c.text for c in targets):
        return None
    if not all(_key_grade(c) for c in targets):
        return None
    if category == "hedge" and _weak_hedge_in(s.text, s.start, targets):
        return None  # "often", "largely": a reader may fairly mark these as hedges too
    # A competing word-level cue of another kind (an opinion word, a motive guess) could be
    # marked by a careful reader; leave such sentences out.
    if any(c.category != category and not c.rule.startswith("rule:") for c in cues):
        return None
    options: list[str] = []
    seen: set[str] = set()
    for _a, _b, tok in _tokens(s.text, s.start):
        norm = normalize_answer(tok)
        if not norm or norm in seen or norm in _GIVEAWAY_TOKENS:
            continue
        seen.add(norm)
        options.append(tok)
    key_norm = {normalize_answer(c.text) for c in targets}
    # Every occurrence of a key word must be a cue, or the key would be ambiguous.
    occurrences = [tok for _a, _b, tok in _tokens(s.text) if normalize_answer(tok) in key_norm]
    if len(occurrences) != len(targets):
        return None
    # A non-key word that a word list or the evaluative guard marks could be defended as loaded too.
    if category == "loaded_language" and any(
        normalize_answer(o) not in key_norm and _is_cue_word(o) and normalize_answer(o) not in _function_words()
        for o in options
    ):
        return None
    answer = [o for o in options if normalize_answer(o) in key_norm]
    parts = [c.explanation + (f" A neutral word: “{c.alternative}”." if c.alternative else "") for c in targets]
    explanation = " ".join(parts)
    return make_question(
        kind="mark_words",
        form="multi",
        skill="bias",
        prompt=f"{_MARK_PROMPTS[category]}\n\n{_quoted(s.text)}",
        answer=answer,
        options=options,
        explanation=explanation,
        evidence=[_evidence(article, c.start, c.end) for c in targets] + [_evidence(article, s.start, s.end)],
        generator="bias.mark_words",
        generator_version=VERSION,
        technique=category,
        difficulty=0.5 if category == "loaded_language" else (0.45 if len(answer) > 1 else 0.4),
        tags=("bias", category),
    )


# -- which word -----------------------------------------------------------------------------

# Rough difficulty: the common modal hedges are easiest; the pipeline keeps items near 0.5 first,
# so rarer moves (unnamed sources, headlines, motives) win a place over the hundredth "could".
_WHICH_DIFFICULTY = {
    "could": 0.3,
    "may": 0.3,
    "might": 0.3,
    "hedge": 0.4,
    "loaded_language": 0.45,
    "vague_source": 0.5,
    "headline_framing": 0.5,
}
_WHICH_PROMPTS = {
    "loaded_language": "Which word in this sentence is loaded (it tells you how to feel)?",
    "hedge": "Which word in this sentence is a hedge (it makes the claim less certain)?",
    "vague_source": "Which words in this sentence point to a source without naming who it is?",
    "motive_guessing": "Which words in this sentence guess at why someone acts, without a source who knows?",
    "engagement_bait": "Which words in this sentence ask you to react instead of informing you?",
    "headline_framing": "Which word in this headline is chosen to grab attention rather than inform?",
    "headline_hedge": "Which word in this headline makes its news less certain than the headline first sounds?",
}


@generator("bias.which_word", VERSION, "bias")
def which_word(corpus: Corpus, rng: random.Random) -> list[Question]:
    """One sentence, exactly one cue of the asked kind; options are that cue and other words
    (or word groups of the same length) of the same sentence that no word list marks."""
    out: list[Question] = []
    topic = _topic_words(corpus)
    for article in corpus.articles:
        by_sentence = _body_cues_by_sentence(article)
        for i, s in enumerate(article.sentences):
            if not _usable(article, s):
                continue
            cues = by_sentence[i]
            for category in ("loaded_language", "hedge", "vague_source", "motive_guessing", "engagement_bait"):
                q = _which_question(article, s.start, s.text, cues, category, rng, topic)
                if q:
                    out.append(q)
        for category in ("motive_guessing", "engagement_bait"):
            out += _which_sentence(article, by_sentence, category, rng)
        if article.title_span is not None:
            t = article.title_span
            title = article.text[t.start : t.end]
            words = [c for c in headline_cues(title, t.start) if not c.rule.startswith("rule:")]
            q = _which_question(article, t.start, title, words, "headline_framing", rng, topic, lower=False)
            if q:
                out.append(q)
    return out


def _which_question(
    article: Article,
    offset: int,
    text: str,
    cues: list[Cue],
    category: str,
    rng: random.Random,
    topic: frozenset[str],
    lower: bool = True,
) -> Question | None:
    targets = [c for c in cues if c.category == category]
    if len(targets) != 1:
        return None
    key_cue = targets[0]
    if not _key_grade(key_cue):
        return None
    if category == "hedge" and _weak_hedge_in(text, offset, [key_cue]):
        return None
    others = [c for c in cues if c is not key_cue and not c.rule.startswith("rule:")]
    if any(c.category in ("loaded_language", "hedge", "opinion") for c in others) and category in (
        "loaded_language",
        "hedge",
        "headline_framing",
    ):
        return None  # a second steering word would be a defensible answer too
    n = len(word_spans(key_cue.text))
    tokens = _tokens(text, offset)
    candidates: list[tuple[int, int, str]] = []
    for j in range(len(tokens) - n + 1):
        window = tokens[j : j + n]
        a, b = window[0][0], window[-1][1]
        if any(a < c.end and c.start < b for c in cues):
            continue
        phrase = article.text[a:b]
        first, last = window[0][2].lower(), window[-1][2].lower()
        if first in _function_words() or last in _function_words():
            continue
        shown = phrase if lower else phrase.lower()
        if not re.fullmatch(r"[a-z]+(?: [a-z]+)*", shown):
            continue  # names, numbers and phrases across punctuation are not candidates
        if lower and any(t[2][:1].isupper() for t in window):
            continue
        if not lower and any(_is_name(article, t[2]) for t in window):
            continue  # a headline word the body writes only capitalised is a name
        if n == 1 and (len(shown) < 4 or shown.endswith(_ADJECTIVE_ENDINGS) or (lower and shown not in topic)):
            continue  # single-word distractors: the topic's recurring nouns and verbs
        if _is_cue_word(phrase):
            continue
        candidates.append((a, b, phrase))
    seen = {normalize_answer(key_cue.text)}
    distractors: list[str] = []
    rng_order = list(range(len(candidates)))
    rng.shuffle(rng_order)
    for k in rng_order:
        phrase = candidates[k][2]
        if normalize_answer(phrase) in seen:
            continue
        seen.add(normalize_answer(phrase))
        distractors.append(phrase)
        if len(distractors) == 3:
            break
    if len(distractors) < 3:
        return None

    def show(p: str) -> str:
        return p.lower() if lower else p

    key = show(key_cue.text)
    options = [key, *(show(d) for d in distractors)]
    rng.shuffle(options)
    label = CATEGORY_LABELS[category]
    explanation = key_cue.explanation + (f" A neutral choice: “{key_cue.alternative}”." if key_cue.alternative else "")
    explanation += f" The other options are ordinary words here, not {label}."
    where = "headline" if category == "headline_framing" else "sentence"
    ask = "headline_hedge" if key_cue.rule.startswith("hedges.txt") and category == "headline_framing" else category
    return make_question(
        kind="which_word",
        form="single",
        skill="bias",
        prompt=f"{_WHICH_PROMPTS[ask]}\n\n{_quoted(text)}",
        answer=[key],
        options=options,
        explanation=explanation,
        evidence=[_evidence(article, key_cue.start, key_cue.end), _evidence(article, offset, offset + len(text))],
        generator="bias.which_word",
        generator_version=VERSION,
        technique=category,
        difficulty=_WHICH_DIFFICULTY.get(key.lower(), _WHICH_DIFFICULTY.get(category, 0.4)),
        tags=("bias", category, where),
    )


_SENTENCE_PROMPTS = {
    "motive_guessing": "Which of these sentences guesses at why someone acts, without a source who would know?",
    "engagement_bait": "Which of these sentences asks you to react instead of telling you something about the news?",
}
_INTENT = re.compile(
    r"\b(?:aim\w*|seek\w*|sought|want\w*|hop\w*|intend\w*|intent\w*|goal\w*|motiv\w*|keen|desir\w*|ambiti\w*|"
    r"strateg\w*|purpose\w*|plan\w*|tr(?:y|ies|ied|ying)|wish\w*|eager\w*|determin\w*|willing\w*|yearn\w*|"
    r"long(?:s|ed|ing)\b|crav\w*|need\w*|interests?)\b",
    re.IGNORECASE,
)


def _which_sentence(
    article: Article, by_sentence: dict[int, list[Cue]], category: str, rng: random.Random
) -> list[Question]:
    """Which sentence of the article makes the move: the cue's sentence against three
    sentences of the same article with no cue at all (and, for motives, no talk of intentions)."""
    plain = [
        s
        for i, s in enumerate(article.sentences)
        if not by_sentence[i]
        and _usable(article, s)
        and not _INTENT.search(s.text)
        and not re.search(r"https?://|www\.", s.text)
    ]
    out: list[Question] = []
    for i, s in enumerate(article.sentences):
        targets = [c for c in by_sentence[i] if c.category == category]
        if len(targets) != 1 or quote_spans(s.text) or not 4 <= len(word_spans(s.text)) <= _MAX_WORDS:
            continue
        if len(plain) < 3:
            break
        picked = rng.sample(plain, 3)
        options = [s.text, *(p.text for p in picked)]
        if len({normalize_answer(o) for o in options}) != 4:
            continue
        rng.shuffle(options)
        cue = targets[0]
        out.append(
            make_question(
                kind="which_word",
                form="single",
                skill="bias",
                prompt=_SENTENCE_PROMPTS[category],
                answer=[s.text],
                options=options,
                explanation=f"{cue.explanation} The other sentences report or describe without doing this.",
                evidence=[_evidence(article, cue.start, cue.end), _evidence(article, s.start, s.end)],
                generator="bias.which_word",
                generator_version=VERSION,
                technique=category,
                difficulty=0.5,
                tags=("bias", category, "passage"),
            )
        )
    return out


# -- fact or opinion ------------------------------------------------------------------------

# Editorial adverbs that colour a sentence without making it the writer's opinion.
_WEAK_OPINION_RULES = {"opinion.txt: notably", "opinion.txt: importantly", "opinion.txt: interestingly"}
FACT_OPTION = "Fact claim (it could be checked)"
OPINION_OPTION = "Opinion (the writer's own judgement)"
_MODALS = re.compile(r"\b(?:will|would|should|must|can|cannot|need|needs|shall|ought)\b", re.IGNORECASE)
_SPEECH = re.compile(
    r"\b(?:indicat\w*|suggest\w*|express\w*|highlight\w*|emphasi[sz]\w*|underscor\w*|voic\w*|signal\w*|call\w* for|"
    r"urg\w*|advis\w*|describ\w*|report\w*|statement\w*|remarks?|words|claims?|view\w*|believ\w*|argu\w*|"
    r"think\w*|see\w*|seem\w*|appear\w*|question\w*|expect\w*|forecast\w*|estimat\w*|predict\w*|"
    r"anticipat\w*|plan\w*|intend\w*|consider\w*)\b",
    re.IGNORECASE,
)


@generator("bias.fact_opinion", VERSION, "bias")
def fact_opinion(corpus: Corpus, rng: random.Random) -> list[Question]:
    """Fact claim or opinion? Only clear cases: opinion sentences with an opinion cue of the
    writer's own; fact sentences with no cue, no judgement word, no modal and a checkable detail."""
    out: list[Question] = []
    options = (FACT_OPTION, OPINION_OPTION)
    for article in corpus.articles:
        by_sentence = _body_cues_by_sentence(article)
        for i, s in enumerate(article.sentences):
            if not _usable(article, s) or s.text.endswith("?"):
                continue
            cues = by_sentence[i]
            cls = classify_sentence(s.text)
            strong = [
                c
                for c in cues
                if c.category == "opinion" and not c.rule.startswith("rule:") and c.rule not in _WEAK_OPINION_RULES
            ]
            if cls.label == OPINION and strong and reported_from(s.text) is None:
                key = OPINION_OPTION
                words = ", ".join(_quoted(c.text) for c in strong)
                explanation = (
                    f"The writer's own judgement shows in {words}: {strong[0].explanation} "
                    "Nobody could check it against a record; it is what the writer thinks."
                )
                evidence = [_evidence(article, c.start, c.end) for c in strong]
            elif cls.label == FACT and not cues and _checkable_fact(s.text):
                key = FACT_OPTION
                explanation = (
                    "It states what happened or what is the case, in details you could check against a record "
                    "(who, what, when, how many); it has no opinion words, hedges or judgement words. "
                    "A fact claim can still be wrong: 'fact' means it can be checked, not that it is true."
                )
                evidence = []
            else:
                continue
            out.append(
                make_question(
                    kind="fact_opinion",
                    form="single",
                    skill="bias",
                    prompt=f"Is this sentence a fact claim or the writer's opinion?\n\n{_quoted(s.text)}",
                    answer=[key],
                    options=options,
                    explanation=explanation,
                    evidence=[*evidence, _evidence(article, s.start, s.end)],
                    generator="bias.fact_opinion",
                    generator_version=VERSION,
                    technique="opinion",
                    difficulty=0.4 if key == OPINION_OPTION else 0.5,
                    tags=("bias", "opinion" if key == OPINION_OPTION else "fact"),
                )
            )
    return out


_PRONOUNS = {
    "it",
    "he",
    "she",
    "they",
    "this",
    "that",
    "these",
    "those",
    "we",
    "i",
    "you",
    "its",
    "his",
    "her",
    "their",
}


def _checkable_fact(text: str) -> bool:
    """A sentence an informed reader would agree is a plain, checkable claim."""
    if _has_evaluative(text) or _MODALS.search(text) or _SPEECH.search(text):
        return False
    if reported_from(text) is not None:
        return False
    words = word_spans(text)
    if not words or text[words[0][0] : words[0][1]].lower() in _PRONOUNS:
        return False  # "It has issued ...": who "it" is, and whose claim this is, lies in another sentence
    names = sum(1 for a, _b in words[1:] if text[a].isupper())
    return bool(re.search(r"\d", text)) or names >= 2


# -- who is the source ----------------------------------------------------------------------

PERSON = "A named person"
ORGANISATION = "A named organisation"
UNNAMED = "An unnamed source"
NO_SOURCE = "No source is given"
SOURCE_OPTIONS = (PERSON, ORGANISATION, UNNAMED, NO_SOURCE)
_VERBS = (
    r"said|says|stated|states|announced|told|confirmed|argued|warned|insisted|noted|added|advised|wrote|"
    r"explained|declared|predicted|predicts|expects|expected|estimates|estimated|forecasts?"
)
_CAP = r"(?:[A-Z][\w’'.-]*)"
_SPEAKER = re.compile(
    rf"(?:^|(?<=[\s,(]))(?!(?:As|While|When|If|But|And|So|Then|However|Although|Yet|Still)\b)(?P<who>(?:[Tt]he\s+)?(?:(?:former|then)\s+)?(?:{_CAP}|envoy|special)(?:\s+(?:{_CAP}|envoy|of))*)"
    rf"(?:\s+(?:himself|herself|itself))?\s+(?:has\s+|have\s+|had\s+)?(?P<verb>{_VERBS})\b"
)
_ACCORDING = re.compile(rf"\baccording to\s+(?P<who>(?:the\s+)?{_CAP}(?:\s+{_CAP})*)")
_ORG_WORDS = re.compile(
    r"\b(?:House|Ministry|Council|Department|Office|Committee|Agency|Government|Administration|Club|"
    r"University|Institute|Commission|Union|Bank|Party|Police|Court|Company|Association|Board|Service|Parliament|"
    r"Congress|Senate|Assembly|Authority|Organi[sz]ation|Foundation|Group|Inc|Ltd|Corp|Trust|Hospital|Fund|"
    r"Federation|League|Council|Cabinet)\b"
)


def _speaker_kind(article: Article, who: str) -> str | None:
    """PERSON or ORGANISATION for a speaker phrase, or None when unclear."""
    who = who.strip()
    if _ORG_WORDS.search(who) or re.match(r"[Tt]he\s+[A-Z]", who):
        return ORGANISATION
    words = [w for w in who.split() if w[:1].isupper()]
    if not words or re.match(r"[Tt]he\b", who):
        return None
    name_words = [w for w in words if w not in titles() and w.rstrip(".") not in ("U.S", "US", "UK", "U.K")]
    if not name_words:
        return None
    if len(name_words) >= 2:
        return PERSON
    # One capitalised word: a person only when the article also gives it as the end of a full name.
    surname = re.escape(name_words[-1])
    if re.search(rf"\b[A-Z][a-z]+\.?\s+(?:[A-Z]\.\s+)?{surname}\b", article.text):
        return PERSON
    return None


@generator("bias.source", VERSION, "bias")
def source(corpus: Corpus, rng: random.Random) -> list[Question]:
    """Who is the source of this claim: a named person, a named organisation, an unnamed
    source, or none? Only sentences where exactly one of these applies."""
    out: list[Question] = []
    for article in corpus.articles:
        by_sentence = _body_cues_by_sentence(article)
        for i, s in enumerate(article.sentences):
            if not _usable(article, s) or s.text.endswith("?"):
                continue
            cues = by_sentence[i]
            vague = [c for c in cues if c.category == "vague_source"]
            speakers = [(m, _speaker_kind(article, m.group("who"))) for m in _SPEAKER.finditer(s.text)]
            speakers += [(m, _speaker_kind(article, m.group("who"))) for m in _ACCORDING.finditer(s.text)]
            kinds = {k for _m, k in speakers}
            steering = [c for c in cues if c.category in ("loaded_language", "opinion", "hedge")]
            # The unnamed source must open the claim ("Critics say ..."), not trail a claim of the writer's.
            opens = bool(vague) and (vague[0].start - s.start) <= len(s.text) // 3
            if vague and opens and not speakers and not steering:
                key, who_span = UNNAMED, (vague[0].start, vague[0].end)
                why = vague[0].explanation
            elif len(speakers) == 1 and not vague and not steering and None not in kinds:
                m, kind = speakers[0]
                key = kind
                who_span = (s.start + m.start("who"), s.start + m.end("who"))
                who = article.text[who_span[0] : who_span[1]]
                what = "a person" if kind == PERSON else "an organisation"
                why = f"The claim is attributed to {_quoted(who)}, {what} you can identify and check."
            elif (
                not vague
                and not speakers
                and not cues
                and classify_sentence(s.text).label == FACT
                and _checkable_fact(s.text)
            ):
                key, who_span = NO_SOURCE, None
                why = (
                    "Nobody is named or quoted as the source: the writer states it on their own authority, so you "
                    "would have to check it elsewhere."
                )
            else:
                continue
            evidence = [_evidence(article, *who_span)] if who_span else []
            out.append(
                make_question(
                    kind="source",
                    form="single",
                    skill="bias",
                    prompt=f"Who is given as the source of this claim?\n\n{_quoted(s.text)}",
                    answer=[key],
                    options=SOURCE_OPTIONS,
                    explanation=why,
                    evidence=[*evidence, _evidence(article, s.start, s.end)],
                    generator="bias.source",
                    generator_version=VERSION,
                    technique="vague_source",
                    difficulty=0.4,
                    tags=("bias", "source"),
                )
            )
    return out


# -- say it neutrally -----------------------------------------------------------------------


@generator("bias.neutral_rewrite", VERSION, "bias")
def neutral_rewrite(corpus: Corpus, rng: random.Random) -> list[Question]:
    """Rewrite a sentence without its loaded words; the model answer swaps each for the
    neutral alternative of its word list (self-checked)."""
    out: list[Question] = []
    for article in corpus.articles:
        by_sentence = _body_cues_by_sentence(article)
        for i, s in enumerate(article.sentences):
            if not _usable(article, s):
                continue
            loaded = [c for c in by_sentence[i] if c.category == "loaded_language"]
            if not loaded or any(not c.alternative for c in loaded):
                continue
            model = _replace(s, loaded)
            words = ", ".join(f"{_quoted(c.text)} → {_quoted(c.alternative)}" for c in loaded)
            out.append(
                make_question(
                    kind="neutral_rewrite",
                    form="rewrite",
                    skill="bias",
                    prompt=(
                        "Say it neutrally: rewrite this sentence so it reports the same thing without loaded "
                        f"words.\n\n{_quoted(s.text)}"
                    ),
                    answer=[model],
                    items=[c.text for c in loaded],
                    explanation=f"The loaded words are {words}. {loaded[0].explanation}",
                    evidence=[_evidence(article, c.start, c.end) for c in loaded]
                    + [_evidence(article, s.start, s.end)],
                    generator="bias.neutral_rewrite",
                    generator_version=VERSION,
                    technique="loaded_language",
                    difficulty=0.6,
                    tags=("bias", "loaded_language"),
                )
            )
    return out


def _replace(s: Sentence, cues: list[Cue]) -> str:
    """The sentence with each cue replaced by its alternative, keeping case and a/an right."""
    text = s.text
    for c in sorted(cues, key=lambda c: -c.start):
        a, b = c.start - s.start, c.end - s.start
        alt = c.alternative or ""
        if text[a:b][:1].isupper():
            alt = alt[:1].upper() + alt[1:]
        text = text[:a] + alt + text[b:]
    return re.sub(
        r"\b([Aa])(n?)\s+(\w)",
        lambda m: f"{m.group(1)}{'n' if m.group(3).lower() in 'aeiou' else ''} {m.group(3)}",
        text,
    )


# -- comparing coverage ---------------------------------------------------------------------


def _label(article: Article) -> str:
    return article.title


def _rate(article: Article, category: str) -> tuple[float, list[Cue]]:
    cues = [c for c in _article_cues(article) if c.category == category]
    return 100 * len(cues) / max(article.words, 1), cues


@generator("bias.compare_coverage", VERSION, "bias")
def compare_coverage(corpus: Corpus, rng: random.Random) -> list[Question]:
    """Questions across articles: who hedges most, who relies most on unnamed sources, whose
    headline is a question, and who describes the same person differently."""
    articles = list(corpus.articles)
    if len(articles) < 2:
        return []
    out: list[Question] = []
    for category, ask in (
        ("hedge", "Which article uses the most hedges (words like “might”, “likely”, “reportedly”) per 100 words?"),
        ("vague_source", "Which article relies most on vague or unnamed sources (per 100 words)?"),
    ):
        q = _most_question(articles, category, ask)
        if q:
            out.append(q)
    q = _question_headline(articles)
    if q:
        out.append(q)
    out += _consistency(articles)
    return out


def _most_question(articles: list[Article], category: str, ask: str) -> Question | None:
    rates = [(_rate(a, category), a) for a in articles]
    ranked = sorted(rates, key=lambda r: -r[0][0])
    (top_rate, top_cues), top = ranked[0]
    second = ranked[1][0][0]
    # Only with a clear margin: a reader counting roughly must reach the same answer.
    if len(top_cues) < 3 or top_rate < 1.5 * second or len({_label(a) for a in articles}) != len(articles):
        return None
    table = "; ".join(f"{_label(a)}: {r:.1f}" for (r, _c), a in ranked)
    return make_question(
        kind="compare_coverage",
        form="single",
        skill="bias",
        prompt=ask,
        answer=[_label(top)],
        options=[_label(a) for a in articles],
        explanation=(
            f"Counted per 100 words, {CATEGORY_LABELS[category]} cues: {table}. "
            f"“{_label(top)}” has clearly the most, e.g. {', '.join(_quoted(c.text) for c in top_cues[:4])}."
        ),
        evidence=[_evidence(top, c.start, c.end) for c in top_cues[:6]],
        generator="bias.compare_coverage",
        generator_version=VERSION,
        technique=category,
        difficulty=0.6,
        tags=("bias", "compare", category),
    )


def _question_headline(articles: list[Article]) -> Question | None:
    asking = [
        a for a in articles if a.title_span and a.text[a.title_span.start : a.title_span.end].rstrip().endswith("?")
    ]
    if len(asking) != 1 or len(articles) < 3:
        return None
    a = asking[0]
    labels = [x.style or x.id for x in articles]
    if len(set(labels)) != len(labels):
        return None
    t = a.title_span
    return make_question(
        kind="compare_coverage",
        form="single",
        skill="bias",
        prompt="Which article's headline is a question?",
        answer=[a.style or a.id],
        options=labels,
        explanation=(
            f"The headline {_quoted(a.title)} is a question. {headline_cues('?')[0].explanation} "
            "Ask whether the article actually answers it."
        ),
        evidence=[_evidence(a, t.start, t.end)],
        generator="bias.compare_coverage",
        generator_version=VERSION,
        technique="headline_framing",
        difficulty=0.3,
        tags=("bias", "compare", "headline_framing"),
    )


def _title_pattern() -> re.Pattern[str]:
    alts = "|".join(re.escape(t) for t in titles())
    return re.compile(
        rf"(?<![\w-])(?P<desc>(?:(?:[Ff]ormer|[Tt]hen|[Aa]cting|[Cc]urrent)\s+)?(?:(?:U\.S\.|US|UK|U\.K\.|{_CAP}n|{_CAP}ian|"
        rf"{_CAP}ish|{_CAP}ese|{_CAP}ch)\s+)?(?:{alts}))\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)*(?:\s+[A-Z][\w’'-]+){{1,2}})"
    )


def _descriptions(article: Article) -> dict[str, list[tuple[str, int, int]]]:
    """Person name → the descriptions an article puts before it, with their spans (body only)."""
    out: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    pattern = _title_pattern()
    for p in article.paragraphs:
        text = article.text[p.start : p.end]
        for m in pattern.finditer(text):
            name = re.sub(r"[’']s$", "", m.group("name"))
            out[name].append((m.group("desc"), p.start + m.start(), p.start + m.start("name") + len(name)))
    return out


def _consistency(articles: list[Article]) -> list[Question]:
    """Where one article calls a person 'former ...' and another gives the same title without
    'former', a match question: which article uses which description."""
    described = [(a, _descriptions(a)) for a in articles]
    names = sorted({n for _a, d in described for n in d})
    out: list[Question] = []
    for name in names:
        former: list[tuple[Article, tuple[str, int, int]]] = []
        current: list[tuple[Article, tuple[str, int, int]]] = []
        for a, d in described:
            uses = d.get(name, [])
            f = [u for u in uses if u[0].lower().startswith("former")]
            c = [u for u in uses if not u[0].lower().startswith(("former", "then", "acting"))]
            if f and not c:
                former.append((a, f[0]))
            elif c and not f:
                current.append((a, c[0]))
        if not former or not current:
            continue
        (fa, fu), (ca, cu) = former[0], current[0]
        f_desc, c_desc = fu[0], cu[0]
        if normalize_answer(f_desc) == normalize_answer(c_desc):
            continue
        items = [_label(fa), _label(ca)]
        options = [f_desc, c_desc]
        out.append(
            make_question(
                kind="compare_coverage",
                form="match",
                skill="bias",
                prompt=f"Two articles describe {name} differently. Match each article to the description it uses.",
                items=items,
                options=sorted(options),
                answer=options,
                explanation=(
                    f"“{_label(fa)}” calls {name} {_quoted(f_desc)}; “{_label(ca)}” calls {name} {_quoted(c_desc)}. "
                    "The same person cannot both hold and no longer hold a title: check the dates of the articles, "
                    "and treat an article that gets such a basic fact wrong with more care."
                ),
                evidence=[_evidence(fa, fu[1], fu[2]), _evidence(ca, cu[1], cu[2])],
                generator="bias.compare_coverage",
                generator_version=VERSION,
                technique="consistency",
                difficulty=0.5,
                tags=("bias", "compare", "consistency"),
            )
        )
    return out
