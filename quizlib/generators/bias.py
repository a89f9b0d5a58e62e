"""Bias-spotting generators: questions built on the cues an article uses to steer readers.

Each generator keeps only sentences where the key is unambiguous (one clear cue of the
asked kind, no competing cue a careful reader could also pick), because a wrong key teaches
the wrong lesson. Keys come from quizlib.cues; explanations reuse the cue explanations.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import random
import re
from collections import Counter, defaultdict

from ..articles import Article, Corpus, Sentence
from ..cues import (
    ATTRIBUTED,
    CATEGORY_LABELS,
    CUE_LISTS,
    FACT,
    MILD_LISTS,
    OPINION,
    SPECULATION,
    Cue,
    classify_sentence,
    find_cues,
    headline_cues,
    inflections,
    lexicon,
    lexicon_candidates,
    lexicon_search,
    quote_spans,
    reported_from,
    titles,
)
from ..entities import MONTHS, QA_ANSWER, names_a_firm, org_suffixes, place_names
from ..layout import own_publication, speaker_label, without_emphasis
from ..memo import per_article
from ..patterns import quicken
from ..questions import Evidence, Question, make_question
from ..scoring import normalize_answer
from ..sentences import count_words, lower_words, word_spans
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

# Hedges that pass on what others say rather than guess: a sentence resting on one reports unnamed
# sources ("residents are reportedly worried"), so "speculation" is no sound key for it (instructor
# walkthrough; "attributed claim" is as fair a reading).
_HEARSAY = {"reportedly", "allegedly", "supposedly", "purportedly", "reputedly", "rumoured", "rumored", "apparently"}

# "nobody in the boardroom seems to notice any more": the writer's impression of how things are, read as a verdict as
# often as a guess at what may happen or why (held-out sets 45 and 59), so no speculation key rests on it
_IMPRESSION = {"seems", "seem", "seemed", "seemingly", "appears", "appear", "appeared"}  # and "apparently", above
_NO_GUESS_KEY = frozenset(_HEARSAY | _IMPRESSION)

# -- shared helpers -------------------------------------------------------------------------


def _article_cues(article: Article) -> list[Cue]:
    return _cached_cues(article.id, article.sha256, article)


_CUE_CACHE: dict[tuple[str, str], list[Cue]] = {}


def _cached_cues(id: str, sha: str, article: Article) -> list[Cue]:
    key = (id, sha)
    if key not in _CUE_CACHE:
        if len(_CUE_CACHE) >= 2048:
            _CUE_CACHE.clear()  # a long session with many articles does not grow without bound
        _CUE_CACHE[key] = find_cues(article)
    return _CUE_CACHE[key]


@per_article
def _sentence_starts(article: Article) -> list[int]:
    """Where each sentence starts, in text order: a sentence's neighbours are found by bisection."""
    return [s.start for s in article.sentences]


@per_article
def _body_cues_by_sentence(article: Article) -> dict[int, list[Cue]]:
    """Cues of the body, grouped by the index of the sentence that holds them."""
    out: dict[int, list[Cue]] = {i: [] for i in range(len(article.sentences))}
    starts = _sentence_starts(article)
    for c in _article_cues(article):
        if c.category == "headline_framing":
            continue
        i = bisect.bisect_right(starts, c.start) - 1
        if i >= 0 and c.end <= article.sentences[i].end:
            out[i].append(c)
    return out


@per_article
def _usable(article: Article, s: Sentence) -> bool:
    """A sentence that can stand alone as a question: not too short or long, no quotation
    (quoted words belong to the speaker), a statement (a question asserts nothing). Memoised:
    the plan asks it of every sentence for five kinds."""
    n = count_words(s.text)
    if not (_MIN_WORDS <= n <= _MAX_WORDS):
        return False
    if quote_spans(s.text) or _in_quotation(article, s) or "|" in s.text:
        return False  # a "|" is page furniture run into the text (a sign-up box, a menu)
    return s.text[-1:] in ".!"


_INTERVIEW_QUESTION = re.compile(r"^(?:\*\*)?Q\s*[:.]\s", re.IGNORECASE)


def _in_quotation(article: Article, s: Sentence) -> bool:
    """A sentence of a quotation that runs over several sentences ("What they won't accept is ...", with
    the opening mark in it, or none at all in a middle one): the speaker's words, not the writer's
    (held-out review: a "fact claim" key on a union organiser's quoted words)."""
    if s.text.count("“") != s.text.count("”") or s.text.count('"') % 2:
        return True
    p = article.paragraphs[s.paragraph]
    if p.heading is not None and _INTERVIEW_QUESTION.match(article.headings[p.heading].value):
        return True  # an answer under "Q: ..." in an interview: the interviewee's words
    a, b = s.start - p.start, s.end - p.start
    return any(x < b and a < y for x, y in quote_spans(article.text[p.start : p.end]))


def _evidence(article: Article, start: int, end: int) -> Evidence:
    return Evidence(article.id, start, end, article.text[start:end])


def _quoted(text: str) -> str:
    return f"“{without_emphasis(text)}”"


def _tokens(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    return [(a, b, text[a - offset : b - offset]) for a, b in word_spans(text, offset)]


def _shouted(text: str) -> bool:
    """A common word in capitals ("yes, THAT Ostley", "NEVER"): the writer raising their voice, a steer no
    word list holds (held-out set 24 keyed it a plain fact claim); acronyms are no common words."""
    return any(
        w.lower() in _function_words() or w.lower() in _SHOUTED_WORDS for w in re.findall(r"\b[A-Z]{3,}\b", text)
    )


@per_article
def _shouts_loaded_words(article: Article) -> bool:
    """Whether the page writes a loaded or emotive word in capitals ("show … was AXED", "left in TEARS"): a tabloid's
    voice, whose sentences hold judging words no list has, so a one-word rewrite would leave them steering."""
    return any(
        lexicon_search("loaded.tsv", w.lower()) or w.lower() in _emotive_words()
        for w in re.findall(r"\b[A-Z]{4,}\b", article.text)
    )


_SHOUTED_WORDS = frozenset({"never", "always", "every", "nobody", "nothing", "really", "still", "again", "now", "yes"})


@functools.cache
def _function_words() -> frozenset[str]:
    return frozenset(e.entry.lower() for e in lexicon("function_words.txt").entries)


_CUE_WORD_LISTS = (*CUE_LISTS, "headline.txt", "evaluative.txt", "weak_hedges.txt")


@functools.lru_cache(maxsize=65536)
def _is_cue_word(text: str) -> bool:
    """Whether any word list (or the evaluative guard list) would match this text."""
    return any(lexicon_search(n, text) for n in _CUE_WORD_LISTS)


@functools.cache
def _emotive_words() -> frozenset[str]:
    """Strongly emotive words of a general sentiment lexicon: a guard for key sets, never a cue."""
    return frozenset(e.entry.lower() for e in lexicon("emotive_guard.txt").entries)


@functools.cache
def _hedge_foils() -> frozenset[str]:
    return frozenset(e.entry.lower() for e in lexicon("hedge_foils.txt").entries)


def _hedge_like(word: str) -> bool:
    return lexicon_search("hedges.txt", word) or lexicon_search("weak_hedges.txt", word)


def _evaluative_outside(s: Sentence, cues: list[Cue]) -> bool:
    """Whether a judgement word ("critical", "unique", "gamble") stands in the sentence outside
    the given cues: then a reader could fairly call the sentence an opinion."""
    text = s.text
    for c in cues:
        a, b = c.start - s.start, c.end - s.start
        text = text[:a] + " " * (b - a) + text[b:]
    return _has_evaluative(text)


def _severity_in(text: str) -> bool:
    """Whether the text has a word that may describe documented harm ("devastating"): never
    keyed as loaded, and sentences holding one are not asked about loaded words."""
    return lexicon_search("severity.txt", text)


@functools.lru_cache(maxsize=65536)
def _has_evaluative(text: str) -> bool:
    return lexicon_search("evaluative.txt", text)


# The plan asks several kinds about every sentence: each reads the sentence's label once.
_classify = functools.lru_cache(maxsize=65536)(classify_sentence)
_reported_from = functools.lru_cache(maxsize=65536)(reported_from)


_ADJECTIVE_ENDINGS = ("ous", "ive", "ful", "ible", "able", "ent", "ant", "ic", "al", "ly", "less")


def _topic_words(corpus: Corpus) -> frozenset[str]:
    """Words that recur in the corpus (in two articles, or twice anywhere): the topic's own
    vocabulary, safe as neutral distractors."""
    docs: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for a in corpus.articles:
        for low, n in Counter(lower_words(a.body)).items():
            docs[low].add(a.id)
            counts[low] += n
    return frozenset(w for w, ids in docs.items() if len(ids) >= 2 or counts[w] >= 2)


def _is_name(article: Article, word: str) -> bool:
    """A word the article's body writes capitalised inside sentences and never in lower case."""
    body = article.body
    low = re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", body)
    cap = re.search(rf"(?<=[\w,;] ){re.escape(word[:1].upper() + word[1:])}(?![\w-])", body)
    return bool(cap) and not low


_FOUND_THAT = re.compile(
    r"\b(?:ruling|ruled|found|finding|concluded|conclusion|decided|decision|judged|held|agreed|accepted)\s+that\b",
    re.IGNORECASE,
)
_DEMAND_BEFORE = re.compile(r"\bcall(?:s|ed|ing)?\s+on\b[^.;]*$", re.IGNORECASE)
# "twice as likely to end up in emergency": a study's relative risk (held-out set 52 keyed a guess)
_MORE_OR_LESS = re.compile(r"\b(?:more|less|most|least|as)\s+$", re.IGNORECASE)


def _comparative(s: Sentence, cue: Cue) -> bool:
    """ "Older people are more likely to become unwell": how likely, compared, is a claim about risk a
    record can check, not the writer's guess (fourth held-out review)."""
    return cue.text.lower() == "likely" and bool(_MORE_OR_LESS.search(s.text[: cue.start - s.start]))


def _weak_hedge_in(text: str, offset: int, keys: list[Cue]) -> bool:
    """Whether a weak hedge stands in the text outside the key cues."""
    for k in keys:
        a, b = k.start - offset, k.end - offset
        text = text[:a] + " " * (b - a) + text[b:]
    return lexicon_search("weak_hedges.txt", text) or bool(_APPROXIMATE.search(text))


# "about 84 days", "around £650,000": an approximate figure, which a careful reader may mark as a
# hedge too (held-out review); the word list cannot hold it, as "about" alone is mostly a preposition.
_APPROXIMATE = re.compile(
    r"\b(?:about|around|some)\s+(?:[$£€]\s?)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"a dozen|dozens|hundreds|thousands|half)\b)",
    re.IGNORECASE,
)


def _key_grade(cue: Cue) -> bool:
    """Whether a cue is clear enough to be a key: not a mild intensifier, not a weak hedge."""
    if cue.rule.split(":")[0] in MILD_LISTS:
        return False
    return cue.category != "hedge" or cue.text.lower() in _KEY_HEDGES


# "we could look at it for hours", "you could face a fine", "is eighty-one and could knit": "could" after
# a personal pronoun (or joining a second verb to a subject out of sight) and before an action tells what
# someone can do as often as it doubts a claim, so a reader may fairly leave it unmarked. Held-out sets
# 7-15: six of ten items whose whole key was a lone "could" were wrong or ambiguous, each a new context.
# "they might be", "you may have heard" (a state, not an act) stay hedges, and so do "may" and "might"
# ("they may express", "they might push").
_AGENT_BEFORE = re.compile(
    r"\b(?:I|we|you|he|she|they|and|or|but)\s+(?:(?:still|also|easily|only|just|then|now|even|probably|perhaps)\s+)?$",
    re.IGNORECASE,
)
_STATE_AFTER = re.compile(r"\s+(?:(?:still|also|well|even|never|not|yet|soon|already)\s+)?(?:be|have|become)\b")
_AGENT_MODALS = frozenset({"could", "can"})  # "they may express", "they might push for talks" guess


def _agent_modal(text: str, offset: int, cue: Cue) -> bool:
    """Whether a hedge cue is a bare modal after a person and before an action (see _AGENT_BEFORE)."""
    if cue.text.lower() not in _AGENT_MODALS:
        return False
    a, b = cue.start - offset, cue.end - offset
    return bool(_AGENT_BEFORE.search(text[max(0, a - 40) : a])) and not _STATE_AFTER.match(text[b:])


# A lone modal guesses at an outcome ("may shift", "could become a trap") or says what someone may or can do: a
# permission, an ability, an option ("may be sold under its other name", "could tell the time", "could at least
# put a schedule on the table"). Held-out sets 34-48: 13 of 26 "speculation" keys were wrong and 6 ambiguous,
# nearly all the second sort, each in a new context; so a modal makes that key only before a verb of outcome.
_MODALS_OF_GUESS = frozenset({"may", "might", "could", "can"})
_AFTER_MODAL = re.compile(
    r"(?:\s+well)?(?:,?\s+(?:also|even|yet|still|soon|just|not|never|one day|in turn|in time|[a-z]+ly)\b,?)*\s+"
    r"(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
# "could be a lull", "may be new": a state; "may be sold", "may be completely unaffected": a passive, a rule's word
# unless the verb is one of outcome ("could be delayed")
_PASSIVE = re.compile(
    r"be\s+(?:\w+ly\s+)?(?P<part>\w+ed|\w+en|sold|held|kept|made|paid|spent|lost|won|cut|hit|shut|put|set|let|"
    r"built|sent|bought|brought|caught|taught|thought|fought|sought|felt|left|meant|met|said|told|stood|"
    r"understood|found|seen|known|shown|done|gone|grown|thrown|drawn|run|begun|"
    # "could be sat in a silent booth for five days running" (held-out set 66)
    r"sat)\b",
    re.IGNORECASE,
)


_OPTION_WORD = re.compile(r"\b(?:simply|instead)\b", re.IGNORECASE)


@functools.cache
def _outcome_phrases(modal: str) -> dict[int, frozenset[tuple[str, ...]]]:
    """The outcome verbs after this modal (each one's inflected first words and the rest of its phrase),
    by length: the words after a modal are looked up, not compared with every phrase."""
    out: dict[int, set[tuple[str, ...]]] = {}
    for e in lexicon("outcome_verbs.txt").entries:
        if modal == "may" and e.alternative == "not after may":
            continue
        first, *rest = e.entry.split()
        for form in inflections(first):
            out.setdefault(1 + len(rest), set()).add((form, *rest))
    return {n: frozenset(phrases) for n, phrases in sorted(out.items())}


def _guesses_outcome(text: str, offset: int, cue: Cue) -> bool:
    """Whether a guess cue that is a lone modal stands before a verb of outcome (other cues always do)."""
    modal = cue.text.lower()
    if modal not in _MODALS_OF_GUESS:
        return True
    m = _AFTER_MODAL.match(text, cue.end - offset)
    rest = m.group("rest") if m else ""
    if m and modal in ("could", "can") and _OPTION_WORD.search(text, cue.end - offset, m.start("rest")):
        return False  # "Council could also simply decide that …": an option put forward, no outcome (held-out set 70)
    if re.match(r"be\s+to\s", rest):
        return False  # "the quickest way … may be to stop punishing …": a proposal, no outcome (held-out set 63)
    passive = _PASSIVE.match(rest)
    if passive:
        rest = rest[passive.start("part") :]
    words = tuple(w.lower() for w in re.findall(r"[\w’'-]+", rest[:60]))
    return any(words[:n] in phrases for n, phrases in _outcome_phrases(modal).items())


# -- one item per sentence ------------------------------------------------------------------

# The pipeline keeps at most this many items per article and kind by default. The plan gives
# "what kind of sentence" no more, so the pipeline keeps all of them and an article's keys stay
# varied; other kinds get every sentence they win, and the seeded selection picks among them.
_PER_ARTICLE = 6
_SLOTS = ("passage", "source", "fact_opinion", "neutral_rewrite", "mark_words", "which_word")


class _Positions:
    """Where the key goes among n options: a shuffled deck of positions per n, so each position
    is used about equally often (a plain shuffle put one kind's key at B in five of six items)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.decks: dict[int, list[int]] = {}
        self.used: Counter[tuple[str, int]] = Counter()  # passage distractors handed out so far

    def place(self, key: str, others: list[str] | tuple[str, ...]) -> list[str]:
        rest = list(others)
        self.rng.shuffle(rest)
        deck = self.decks.setdefault(len(rest) + 1, [])
        if not deck:
            deck.extend(range(len(rest) + 1))
            self.rng.shuffle(deck)
        rest.insert(deck.pop(), key)
        return rest


class _Plan:
    """Which kind may ask about which sentence (one bias item per sentence, so items never give
    each other away), and which sentences may serve as distractors of a passage item (sentences
    that look like the move but are clearly not it)."""

    # Passage distractors are borrowed from at most this many other articles (the ones after it in
    # the corpus, wrapping round): enough for any class set, and linear time on a large corpus.
    NEIGHBOURS = 8

    def __init__(self, corpus: Corpus) -> None:
        self.topic = _topic_words(corpus)
        self.articles = tuple(corpus.articles)
        self._index = {a.id: i for i, a in enumerate(self.articles)}
        self._by_id = {a.id: a for a in corpus.articles}
        self.owner: dict[tuple[str, int], str] = {}
        self.pool: dict[tuple[str, str], tuple[int, ...]] = {}  # (article, category) -> look-alike sentences
        probe = _Positions(random.Random(0))  # eligibility never depends on the rng
        for article in corpus.articles:  # every article's look-alikes first: passages may borrow them
            by_sentence = _body_cues_by_sentence(article)
            for category in ("motive_guessing", "engagement_bait"):
                self.pool[(article.id, category)] = tuple(
                    i for i, s in enumerate(article.sentences) if _look_alike(article, s, by_sentence[i], category)
                )
        for article in corpus.articles:
            by_sentence = _body_cues_by_sentence(article)
            eligible: dict[str, list[tuple[int, str]]] = {slot: [] for slot in _SLOTS}
            for i, s in enumerate(article.sentences):
                cues = by_sentence[i]
                for slot in _SLOTS[1:]:
                    q = _BUILDERS[slot](self, article, s, cues, probe)
                    if q is not None:
                        eligible[slot].append((i, q.answer[0] if slot == "fact_opinion" else ""))
            for i, s in enumerate(article.sentences):
                if _passage_question(self, article, s, by_sentence[i], probe) is not None:
                    eligible["passage"].append((i, ""))
            self._assign(article, eligible)
            # Two or more items with one label only (or one left after other kinds took their
            # sentences): "always answer X" would score 100 %, so the article gets no such items. A
            # single item sets no pattern.
            keys = self._kind_keys(article, eligible)
            if len(keys) >= 2 and len(set(keys)) < 2:
                eligible["fact_opinion"] = []
                for i in range(len(article.sentences)):  # this article's keys only: no scan of the whole plan
                    self.owner.pop((article.id, i), None)
                self._assign(article, eligible)

    def _assign(self, article: Article, eligible: dict[str, list[tuple[int, str]]]) -> None:
        """Kinds take turns, scarce kinds first, each taking its next sentence that no kind has."""
        keys: Counter[str] = Counter()
        progress = True
        while progress:
            progress = False
            for slot in _SLOTS:
                free = [(i, k) for i, k in eligible[slot] if (article.id, i) not in self.owner]
                if not free or (slot == "fact_opinion" and sum(keys.values()) >= _PER_ARTICLE):
                    continue
                if slot == "fact_opinion":  # the least used label first; among equals the scarcest
                    left = Counter(k for _i, k in free)
                    i, k = min(free, key=lambda ik: (keys[ik[1]], left[ik[1]]))
                    keys[k] += 1
                else:
                    i, k = free[0]
                self.owner[(article.id, i)] = slot
                progress = True

    def _kind_keys(self, article: Article, eligible: dict[str, list[tuple[int, str]]]) -> list[str]:
        """The key of each "what kind of sentence" item the article was given (one per item)."""
        return [k for i, k in eligible["fact_opinion"] if self.owner.get((article.id, i)) == "fact_opinion"]

    def neighbours(self, article: Article) -> tuple[Article, ...]:
        """The article and the NEIGHBOURS articles after it (wrapping round), in corpus order."""
        n = len(self.articles)
        start = self._index[article.id]
        picked = sorted({(start + k) % n for k in range(min(n, self.NEIGHBOURS + 1))})
        return tuple(self.articles[i] for i in picked)

    def sentence(self, ak: tuple[str, int]) -> str:
        return self._by_id[ak[0]].sentences[ak[1]].text

    def owns(self, slot: str, article: Article, i: int) -> bool:
        return self.owner.get((article.id, i)) == slot


_PLANS: dict[tuple, _Plan] = {}


def _plan(corpus: Corpus) -> _Plan:
    key = tuple((a.id, a.sha256) for a in corpus.articles)
    if key not in _PLANS:
        if len(_PLANS) >= 8:
            _PLANS.clear()
        _PLANS[key] = _Plan(corpus)
    return _PLANS[key]


def _planned(corpus: Corpus, rng: random.Random, slot: str) -> list[Question]:
    """The items of one slot, on the sentences the plan gives it, in text order."""
    plan = _plan(corpus)
    positions = _Positions(rng)
    out: list[Question] = []
    for article in corpus.articles:
        by_sentence = _body_cues_by_sentence(article)
        for i, s in enumerate(article.sentences):
            if plan.owns(slot, article, i):
                q = _BUILDERS[slot](plan, article, s, by_sentence[i], positions)
                if q is not None:
                    out.append(q)
    return out


# -- mark the words -------------------------------------------------------------------------

_HEDGE_EXAMPLES = ("might", "perhaps", "reportedly", "possibly", "likely")
_MARK_PROMPTS = {
    "loaded_language": "Select every loaded or emotive word in this sentence (words that tell you how to feel "
    "instead of just saying what happened):",
    "hedge": "Select every hedge in this sentence: words that make the claim less certain, such as {examples}. "
    "Words that only set a condition (“if”, “should”, “unless”) do not count.",
}


# At most this many mark-the-hedges items with the same key set ("could" alone): eleven items that
# only ask to find "could" teach one word, not a way of reading.
_SAME_KEYS = 3
# "the idea that diplomacy might prevail": the hedge is part of an idea the writer describes, not
# a softening of the writer's own claim.
_IDEA_THAT = re.compile(
    r"\b(?:idea|notion|possibility|prospect|hopes?|fears?|belief|suggestion|thought|chance|risk|concerns?|"
    r"worr(?:y|ies)|expectations?|speculation|question|theory|view|sense|feeling)\s+(?:that|of)\s+(?:[\w’'-]+[,;]?\s+){0,10}$",
    re.IGNORECASE,
)


def _described_idea(s: Sentence, cue: Cue) -> bool:
    return bool(_IDEA_THAT.search(s.text[: cue.start - s.start]))


@functools.lru_cache(maxsize=65536)
def _is_trap(word: str) -> bool:
    """A word that looks like a hedge but is not one ("will", "certain", "increasingly"). Cached: the
    plan asks it of every word of every sentence with one hedge."""
    return any(e.pattern.fullmatch(word) for e in lexicon_candidates("hedge_traps.txt", word))


@generator("bias.mark_words", VERSION, "bias")
def mark_words(corpus: Corpus, rng: random.Random) -> list[Question]:
    """The learner marks every loaded word (or every hedge) of a sentence; key = detected set.
    Hedge items with the same key set are capped, and those that offer a trap word or two
    different hedges are kept first."""
    items = _planned(corpus, rng, "mark_words")
    order = list(range(len(items)))
    rng.shuffle(order)

    def plain(k: int) -> bool:
        q = items[k]
        return len(set(q.answer)) < 2 and not any(_is_trap(o) for o in q.options)

    order.sort(key=plain)
    kept: set[int] = set()
    same: Counter[tuple[str, ...]] = Counter()
    for k in order:
        q = items[k]
        keys = tuple(sorted(normalize_answer(a) for a in q.answer)) if q.technique == "hedge" else (q.id,)
        if same[keys] < _SAME_KEYS:
            same[keys] += 1
            kept.add(k)
    return [q for k, q in enumerate(items) if k in kept]


# The cue categories the mark-the-words and which-word items ask about: a sentence without one of them
# is no such item, which the plan learns before reading the sentence further.
_WORD_CATEGORIES = ("loaded_language", "hedge")


def _has_category(cues: list[Cue], categories: tuple[str, ...]) -> bool:
    return any(c.category in categories for c in cues)


def _mark_item(plan: _Plan, article: Article, s: Sentence, cues: list[Cue], pos: _Positions) -> Question | None:
    if not _has_category(cues, _WORD_CATEGORIES) or not _usable(article, s):
        return None
    for category in ("loaded_language", "hedge"):
        if category == "hedge" and _reported_options(article, s):
            continue  # the sources' options, not the writer's doubt (held-out set 83)
        q = _mark_question(article, s, cues, category)
        if q:
            return q
    return None


# Adverbs that insinuate how something was done ("quietly emptying our irrigation canals", "quietly shred their visa
# blacklists": held-out sets 81 and 103): no list flags them, but a careful reader could mark them beside the key
_INSINUATING = frozenset({"quietly", "conveniently", "suspiciously", "mysteriously", "stealthily", "sneakily"})
_WELL_AFTER = re.compile(r"\s+well\b(?!\s+(?:as|before|after|over|under|below|above|beyond|into|past)\b)")


def _mark_question(article: Article, s: Sentence, cues: list[Cue], category: str) -> Question | None:
    targets = [c for c in cues if c.category == category]
    if not targets or any(" " in c.text or "-" in c.text for c in targets):
        return None
    if not all(_key_grade(c) for c in targets):
        return None
    if category == "hedge" and any(_DEMAND_BEFORE.search(s.text[: c.start - s.start]) for c in targets):
        return None  # "The petition calls on the council to keep them open, possibly with …": the demand's terms
    if category == "hedge" and any(_FOUND_THAT.search(s.text[: c.start - s.start]) for c in targets):
        return None  # "ruling that the concerns could be dealt with": the inspector's finding, not a doubt
    if category == "hedge" and any(_comparative(s, c) for c in targets):
        return None  # "more likely to become unwell": a comparison of risks, a reader may not mark it
    if category == "hedge" and (_instruction(s.text) or _listed_option(article, s)):
        return None  # "Tie down anything that could blow away", "It could lobby …": advice, not a claim to weigh
    if _instruction(s.text) and any(lexicon_search("literal_senses.txt", c.text) for c in targets):
        return None  # "slam the tin once on the worktop": a step of a recipe, not a verdict (held-out set 23)
    if category == "hedge" and any(_WELL_AFTER.match(s.text, c.end - s.start) for c in targets):
        return None  # "may well be true": one hedge in two words, so ticking "well" too is as right (held-out set 50)
    if category == "hedge" and _weak_hedge_in(s.text, s.start, targets):
        return None  # "often", "largely": a reader may fairly mark these as hedges too
    if category == "hedge" and any(_agent_modal(s.text, s.start, c) for c in targets):
        return None
    # "Ministers could cover the full cost and still have change", "the government could simply phase the rule in":
    # a lone "could" before an act tells what someone is able to do or might choose (held-out sets 7-15 and 49: most
    # keys on a lone "could" that reviewers rejected), so it is a key only before an outcome ("could escalate")
    if category == "hedge" and any(
        c.text.lower() == "could" and not _guesses_outcome(s.text, s.start, c) for c in targets
    ):
        return None
    if category == "hedge" and re.search(r"\b(?:would|can)\b", s.text, re.IGNORECASE):
        return None  # "would", "can" may fairly be heard as making a claim less certain, or as a condition
    if category == "hedge" and (_reported_from(s.text) is not None or any(_described_idea(s, c) for c in targets)):
        return None  # the hedge belongs to a reported claim or a described idea, not to the writer's own claim
    if _severity_in(s.text):
        return None  # "devastating" may describe documented harm: a reader may fairly leave it unmarked
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
    # A non-key word that a word list, the evaluative guard or a general sentiment lexicon marks
    # ("victory", "unfold", "generous") could be defended as loaded too: the key set would not be precise.
    if category == "loaded_language" and any(
        normalize_answer(o) not in key_norm
        and (_is_cue_word(o) or o.lower() in _emotive_words() or o.lower() in _INSINUATING)
        and normalize_answer(o) not in _function_words()
        for o in options
    ):
        return None
    answer = [o for o in options if normalize_answer(o) in key_norm]
    parts = [c.explanation + (f" A neutral word: “{c.alternative}”." if c.alternative else "") for c in targets]
    explanation = " ".join(parts)
    prompt = _MARK_PROMPTS[category]
    if category == "hedge":
        # Two examples the sentence lacks, varied by the sentence: always the same pair except where the
        # sentence holds one would hint that it does (walkthrough 9).
        free = [e for e in _HEDGE_EXAMPLES if e not in seen]
        at = int(hashlib.sha256(s.text.encode()).hexdigest()[:8], 16) % len(free)
        examples = (free[at:] + free[:at])[:2]
        prompt = prompt.format(examples=" or ".join(_quoted(e) for e in examples))
    return make_question(
        kind="mark_words",
        form="multi",
        skill="bias",
        prompt=f"{prompt}\n\n{_quoted(s.text)}",
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

# Rough difficulty: the common modal hedges are easiest.
_WHICH_DIFFICULTY = {
    "could": 0.3,
    "may": 0.3,
    "might": 0.3,
    "hedge": 0.4,
    "loaded_language": 0.45,
}
_WHICH_PROMPTS = {
    "loaded_language": "Which word in this sentence is loaded (it tells you how to feel)?",
    "hedge": "Which word in this sentence is a hedge (it makes the claim less certain)?",
}
# A second cue of these kinds would be a defensible answer too ("arguably" next to a hedge key).
_COMPETING = {
    "loaded_language": ("loaded_language",),
    "hedge": ("hedge", "opinion"),
}
# Cues of another kind that make fair distractors: they look like the asked kind (an evaluative
# word, a word about certainty) but are clearly not it by the prompt's definition.
_TRAP_CUES = {
    "loaded_language": ("hedge",),
    "hedge": ("loaded_language",),
}
# At least this many of the three distractors must be such look-alikes (or, for hedges, words
# like "will", "certain", "increasingly"); otherwise the key is the only evaluative or modal word
# on offer and can be found without reading.
_TRAPS_NEEDED = 2
# Loaded words are mostly describing words: their distractors are describing words too.
_DESCRIBING_ENDINGS = (*_ADJECTIVE_ENDINGS, "ed", "ing", "ary", "ory", "ish", "ern", "ile")


@generator("bias.which_word", VERSION, "bias")
def which_word(corpus: Corpus, rng: random.Random) -> list[Question]:
    """One sentence, exactly one cue of the asked kind; options are that cue and words of the
    same sentence and the same word class that are not cues there; and "which sentence" items
    for motive guesses and calls to react."""
    plan = _plan(corpus)
    positions = _Positions(rng)
    out: list[Question] = []
    for article in corpus.articles:
        by_sentence = _body_cues_by_sentence(article)
        for i, s in enumerate(article.sentences):
            for slot in ("which_word", "passage"):
                if plan.owns(slot, article, i):
                    q = _BUILDERS[slot](plan, article, s, by_sentence[i], positions)
                    if q:
                        out.append(q)
    return out


def _which_item(plan: _Plan, article: Article, s: Sentence, cues: list[Cue], pos: _Positions) -> Question | None:
    if not _has_category(cues, _WORD_CATEGORIES) or not _usable(article, s):
        return None
    for category in ("loaded_language", "hedge"):
        q = _which_question(article, s.start, s.text, cues, category, pos, plan.topic)
        if q:
            return q
    return None


def _foil(category: str, word: str, after: str | None, topic: frozenset[str]) -> bool:
    """Whether a single word may stand next to a single-word key: the same word class, so the
    learner has to judge what the word does here, not what kind of word it is. `after` is the
    next word when only a space separates them."""
    low = word.lower()
    if category == "hedge":
        return low in _hedge_foils() and not _hedge_like(low)
    if len(low) < 4 or low in _function_words() or _is_cue_word(word) or _severity_in(word):
        return False
    if category == "loaded_language":
        # A describing word right before another content word ("national newspapers"): an
        # adjective, not a noun that happens to end like one ("clinic in").
        return (
            low.endswith(_DESCRIBING_ENDINGS)
            and after is not None
            and after[:1].islower()
            and after.lower() not in _function_words()
        )
    return not low.endswith(_ADJECTIVE_ENDINGS) and low in topic


_LOWER_WORDS = re.compile(r"[a-z]+(?: [a-z]+)*")


def _which_question(
    article: Article,
    offset: int,
    text: str,
    cues: list[Cue],
    category: str,
    pos: _Positions,
    topic: frozenset[str],
) -> Question | None:
    targets = [c for c in cues if c.category == category]
    if len(targets) != 1:
        return None
    key_cue = targets[0]
    if not _key_grade(key_cue):
        return None
    if category == "hedge" and (_weak_hedge_in(text, offset, [key_cue]) or _agent_modal(text, offset, key_cue)):
        return None
    if category == "loaded_language" and _severity_in(text):
        return None
    others = [c for c in cues if c is not key_cue and not c.rule.startswith("rule:")]
    # A second steering word of the asked kind would be a defensible answer too.
    competing = _COMPETING[category]
    if any(c.category in competing for c in others):
        return None
    n = count_words(key_cue.text)
    tokens = _tokens(text, offset)
    candidates: list[tuple[int, int, str]] = []
    traps: set[str] = set()  # distractors that look like the key's kind but are not it here
    kinds: dict[str, str] = {}  # trap distractor -> the cue category it belongs to
    for j in range(len(tokens) - n + 1):
        window = tokens[j : j + n]
        a, b = window[0][0], window[-1][1]
        word = article.text[a:b]
        if any(c.start == a and c.end == b and c.category in _TRAP_CUES[category] and _key_grade(c) for c in others):
            if word[:1].isupper():
                continue
            traps.add(normalize_answer(word))  # a cue of another kind: "slammed" is no hedge
            kinds[normalize_answer(word)] = next(c.category for c in others if c.start == a and c.end == b)
            candidates.append((a, b, word))
            continue
        if any(a < c.end and c.start < b for c in cues):
            continue
        if n == 1 and category == "hedge" and _is_trap(word) and not word[:1].isupper():
            traps.add(normalize_answer(word))  # "will", "certain", "increasingly": sure, not hedging
            candidates.append((a, b, word))
            continue
        phrase = article.text[a:b]
        first, last = window[0][2].lower(), window[-1][2].lower()
        if not _LOWER_WORDS.fullmatch(phrase):
            continue  # names, numbers and phrases across punctuation are not candidates
        if n == 1:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            after = nxt[2] if nxt and article.text[b : nxt[0]] == " " else None
            if not _foil(category, phrase, after, topic):
                continue
        elif first in _function_words() or last in _function_words() or _is_cue_word(phrase):
            continue
        candidates.append((a, b, phrase))
    seen = {normalize_answer(key_cue.text)}
    distractors: list[str] = []
    order = list(range(len(candidates)))
    pos.rng.shuffle(order)
    order.sort(key=lambda k: normalize_answer(candidates[k][2]) not in traps)  # look-alikes first
    for k in order:
        phrase = candidates[k][2]
        if normalize_answer(phrase) in seen:
            continue
        seen.add(normalize_answer(phrase))
        distractors.append(phrase)
        if len(distractors) == 3:
            break
    if len(distractors) < 3 or sum(normalize_answer(d) in traps for d in distractors) < _TRAPS_NEEDED:
        return None  # the key would be the only word of its kind on offer: guessable by form

    key = key_cue.text.lower()
    options = pos.place(key, [d.lower() for d in distractors])
    label = CATEGORY_LABELS[category]
    explanation = key_cue.explanation + (f" A neutral choice: “{key_cue.alternative}”." if key_cue.alternative else "")
    explanation += " " + _why_not_words(distractors, kinds, label)
    return make_question(
        kind="which_word",
        form="single",
        skill="bias",
        prompt=f"{_WHICH_PROMPTS[category]}\n\n{_quoted(text)}",
        answer=[key],
        options=options,
        explanation=explanation,
        evidence=[_evidence(article, key_cue.start, key_cue.end), _evidence(article, offset, offset + len(text))],
        generator="bias.which_word",
        generator_version=VERSION,
        technique=category,
        difficulty=_WHICH_DIFFICULTY.get(key.lower(), _WHICH_DIFFICULTY.get(category, 0.4)),
        tags=("bias", category, "sentence"),
    )


def _why_not_words(distractors: list[str], kinds: dict[str, str], label: str) -> str:
    """Why each distractor is wrong: a cue of another kind, a word of certainty, or an ordinary word."""
    parts = []
    for d in distractors:
        k = kinds.get(normalize_answer(d))
        if k:
            parts.append(f"{_quoted(d)} is {CATEGORY_LABELS[k]}, not {label}")
        elif _is_trap(d):
            parts.append(f"{_quoted(d)} states something with certainty or says how things change; it does not hedge")
    plain = [_quoted(d) for d in distractors if not kinds.get(normalize_answer(d)) and not _is_trap(d)]
    if plain:
        parts.append(f"{', '.join(plain)} {'is an ordinary word' if len(plain) == 1 else 'are ordinary words'} here")
    return "; ".join(parts) + "."


_SENTENCE_PROMPTS = {
    "motive_guessing": "Which of these sentences guesses at why someone acts, without a source who would know?",
    "engagement_bait": "Which of these sentences asks you to do something ({examples}) instead of telling you "
    "something about the news?",
}
_CALL_EXAMPLES = ("comment", "share", "follow", "subscribe", "stay informed", "give your view", "sign up", "vote")


def _sentence_prompt(category: str, options: list[str]) -> str:
    """The prompt for a which-sentence item; its examples leave out every word an option uses (an
    example that opens the key would point at it)."""
    words = {w for o in options for w in re.findall(r"\w+", o.lower())}
    # "comment" points at "comments", "follow" at "following": a word that starts with the example counts.
    examples = [e for e in _CALL_EXAMPLES if not any(w.startswith(x) for x in e.split() for w in words)]
    return _SENTENCE_PROMPTS[category].format(examples=", ".join(examples[:5]))


_INTENT = re.compile(
    r"\b(?:aim\w*|seek\w*|sought|want\w*|hop\w*|intend\w*|intent\w*|goal\w*|motiv\w*|keen|desir\w*|ambiti\w*|"
    r"strateg\w*|purpose\w*|plan\w*|tr(?:y|ies|ied|ying)|wish\w*|eager\w*|determin\w*|willing\w*|yearn\w*|"
    r"long(?:s|ed|ing)\b|crav\w*|need\w*|interests?)\b",
    re.IGNORECASE,
)
# Purpose and explanation: "to bypass", "allows him to", "in order to", "because". A sentence that
# explains why is close enough to a motive guess that it is never a "plain" distractor.
_PURPOSE = re.compile(
    r"\b(?:in order|so as|so that|allow\w*|enabl\w*|let(?:s|ting)?|help\w*|designed|meant|because|why|reason\w*|"
    r"bid|effort\w*|attempt\w*|way to|in a move|as a means)\b"
    r"|\bto\s+(?!(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|be|date|end|about)\b)[a-z]+",
    re.IGNORECASE,
)
# Conditional and predicting modals: a sentence with one may be read as the writer's guess
# ("May" inside a sentence is the month).
_GUESSING = re.compile(r"\b(?:[Ww]ould|[Cc]ould|[Mm]ight|^May|may|[Ii]f|[Uu]nless|[Ww]hether)\b")
# A motive guess asked as such, not a guess about how others might see an act.
_PERCEPTION = re.compile(r"\b(?:seen|viewed|read|perceived|interpreted)\s+as\b", re.IGNORECASE)
# Calls to action that plainly ask the reader to do something: comment, share, subscribe, follow,
# stay informed, tell us what you think. A chatty sign-off ("stay tuned, guys") is not asked.
_CALL = re.compile(
    r"\b(?:comments?|share|subscribe|sign up|follow|stay informed|let us know|let me know|tell us|"
    r"what do you think|your (?:thoughts|views|opinion|opinions|predictions|take)|"
    # "I'd genuinely love to hear whether I'm wrong. Hit reply" (held-out set 10)
    r"(?:love|like|want) to hear|hear (?:from|what) you|hit reply|write to (?:me|us)|email (?:me|us))\b",
    re.IGNORECASE,
)


# Explanations of why someone acts that the intent and purpose words miss ("out of desperation").
_REASON = re.compile(
    r"\b(?:out of|driven by|in response|desperat\w*|fear\w*|pressur\w*|incentiv\w*|so as|calculat\w*|"
    r"sees?|saw|thinks?|believes?|feels?|views?|regards?|benefit\w*|gains?|advantage\w*)\b",
    re.IGNORECASE,
)
# Sentences that open by telling the reader to do something ("Imagine ...", "Don't ..."): a reader
# address that may fairly be read as a call to react, so never a distractor of one.
_IMPERATIVE = re.compile(
    r"^\W*(?:imagine|think|consider|picture|remember|look|watch|read|check|join|don['’]t|do|keep|make|take|tell|"
    r"let|get|stay|see|click|sign|vote|contact|write|call|ask|donate|buy|try|find|learn|help|go|come|please|"
    r"just|note|expect|prepare|follow|share|subscribe|comment|visit|leave|drop|like)\b",
    re.IGNORECASE,
)
# Asking or urging the reader anywhere in the sentence ("guess who", "we should all embrace",
# "you have to wonder", "What if ...?"): fairly read as a call to react, so never its distractor.
_URGES = re.compile(
    r"\b(?:guess|imagine|picture this|ask yourself|what if|let['’]s|let us)\b"
    r"|\b(?:we|you|us)\s+(?:\w+\s+)?(?:should|must|need|have to|ought|can(?:no|['’])t (?:help|forget|ignore))\b",
    re.IGNORECASE,
)
_READER = re.compile(
    r"\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Yy]ourself|[Ww]e|us|[Oo]ur|[Ll]et['’]s|guys|folks|readers)\b"
)  # "US" is no reader
# A label before the sentence ("Call to Action: Stay informed ...") names the move and gives it away.
_LABEL = re.compile(r"^[^.:!?]{1,40}:\s")


def _outside_quotes(text: str) -> str:
    for a, b in quote_spans(text):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _explains_why(text: str) -> bool:
    return bool(_PURPOSE.search(text) or _INTENT.search(text) or _REASON.search(text))  # most often true first


_WEB_ADDRESS = re.compile(r"https?://|www\.")


def _may_share_surface(text: str, cues: list[Cue], category: str) -> bool:
    """A necessary condition of _look_alike, read before its costlier tests: an unquoted sentence must
    guess (a modal, a hedge, a question or exclamation) to look like a motive guess, and one ending in a
    full stop must address the reader to look like a call to react."""
    if category == "motive_guessing":
        return bool(
            quote_spans(text) or _GUESSING.search(text) or any(c.category == "hedge" for c in cues) or text[-1] in "?!"
        )
    return text[-1] != "." or bool(_READER.search(text))


def _look_alike(article: Article, s: Sentence, cues: list[Cue], category: str) -> bool:
    """A distractor of a "which sentence" item: it shares the surface of the move (for motive
    guesses a guessing modal, a question or exclamation, or a motive the person states; for calls
    to react an address to the reader, a question or an exclamation) but is clearly not the move
    by the prompt's definition."""
    text = s.text
    if not 4 <= count_words(text) <= _MAX_WORDS or text[-1:] not in ".!?" or _WEB_ADDRESS.search(text):
        return False
    if any(c.category in ("motive_guessing", "engagement_bait", "vague_source") for c in cues) or _LABEL.match(text):
        return False
    if not _may_share_surface(text, cues, category):
        return False  # the cheap test of the last steps below first: most sentences end here
    if category == "motive_guessing":
        if _PERCEPTION.search(text) or _HYPOTHETICAL.search(text):
            return False
        own = _outside_quotes(text)
        if _explains_why(own):
            # A motive is named: only as a look-alike when the person states it themselves (quoted).
            return False
        if quote_spans(text) and _explains_why(text):
            return True  # "I want peace," the minister said: a motive with a source who knows
        if quote_spans(text):
            return False
        return bool(_GUESSING.search(text) or any(c.category == "hedge" for c in cues) or text[-1] in "?!")
    if quote_spans(text) or _CALL.search(text) or _IMPERATIVE.match(text) or _URGES.search(text):
        return False
    if _instruction(text):
        return False  # "Email your councillor ...", "Model your costs ...": it asks the reader to act (held-out set 12)
    reader = bool(_READER.search(text))
    if text.endswith("?"):
        return not reader  # a question that asks nothing of you ("What does a ceasefire mean?")
    if text.endswith("!"):
        return _reports(text)  # "Wow, what a week!" tells nothing either
    return reader


@functools.lru_cache(maxsize=1 << 16)
def _surface(text: str, category: str) -> frozenset[str]:
    """The surface features a "which sentence" option may share with the key: a question, an
    exclamation, and for motives a guessing modal or a named reason, for calls to react an
    address to the reader (an imperative addresses the reader too)."""
    out = {f for f, end in (("question", "?"), ("exclamation", "!")) if text.rstrip().endswith(end)}
    if category == "motive_guessing":
        if _GUESSING.search(text) or lexicon_search("hedges.txt", text) or lexicon_search("weak_hedges.txt", text):
            out.add("guess")
        if _explains_why(text):
            out.add("why")
    elif _READER.search(text) or _IMPERATIVE.match(text):
        out.add("reader")
    return frozenset(out)


def _reports(text: str) -> bool:
    """A name or a number: the sentence tells something about the news."""
    words = word_spans(text)
    return bool(re.search(r"\d", text)) or any(
        text[a].isupper() and text[a:b].lower() not in _PRONOUNS for a, b in words[1:]
    )


_OPENS_WITH_PRONOUN = re.compile(r"(?:It|This|That|These|Those)\b")


def _passage_question(plan: _Plan, article: Article, s: Sentence, cues: list[Cue], pos: _Positions) -> Question | None:
    """Which sentence makes the move: a motive guess or a call to react, against three sentences
    of the same article that look like the move (same modal, punctuation or reader address) but
    are clearly not it. Without three such sentences the item is not asked: plain distractors
    let the key be found by its form alone."""
    for category in ("motive_guessing", "engagement_bait"):
        targets = [c for c in cues if c.category == category]
        if len(targets) != 1 or quote_spans(s.text) or not 4 <= count_words(s.text) <= _MAX_WORDS:
            continue
        if _LABEL.match(s.text):
            continue
        if category == "engagement_bait" and not _CALL.search(s.text):
            continue
        if category == "motive_guessing" and _PERCEPTION.search(targets[0].text):
            continue
        if category == "motive_guessing" and _OPENS_WITH_PRONOUN.match(s.text):
            continue  # "It could be an attempt to ...": whose motive is guessed is in another sentence
        # The article's own look-alikes first, then other articles' (a call to react is rarely
        # surrounded by sentences that talk to the reader); among them, sentences no other item is
        # about, then the least used: a distractor met in every passage item is soon known as one.
        # Every distractor shares a surface feature with the key (a modal, a question mark, an
        # address to the reader), those sharing most first.
        key_surface = _surface(s.text, category)
        shared = {
            ak: len(key_surface & _surface(plan.sentence(ak), category))
            for a in plan.neighbours(article)
            for ak in ((a.id, k) for k in plan.pool.get((a.id, category), ()))
        }
        pool = [ak for ak, n in shared.items() if n]
        if len(pool) < 3:
            continue
        pos.rng.shuffle(pool)
        pool.sort(key=lambda ak: (-shared[ak], ak[0] != article.id, ak in plan.owner, pos.used[ak]))
        chosen = [pool[i] for i in _length_balanced(len(s.text), [len(plan.sentence(ak)) for ak in pool])]
        pos.used.update(chosen)
        picked = [without_emphasis(plan.sentence(ak)) for ak in chosen]
        key = without_emphasis(s.text)  # "Drop a comment below** —": Markdown bold is no part of the sentence
        if len({normalize_answer(o) for o in (key, *picked)}) != 4 or _length_gives_away(key, picked):
            continue
        cue = targets[0]
        why_not = _WHY_NOT[category]
        return make_question(
            kind="which_word",
            form="single",
            skill="bias",
            prompt=_sentence_prompt(category, [key, *picked]),
            answer=[key],
            options=pos.place(key, picked),
            explanation=f"{cue.explanation} {why_not}",
            evidence=[_evidence(article, cue.start, cue.end), _evidence(article, s.start, s.end)],
            generator="bias.which_word",
            generator_version=VERSION,
            technique=category,
            difficulty=0.6,
            tags=("bias", category, "passage"),
        )
    return None


# Lengths within this fraction of the key's look alike; a key more than _LENGTH_MARGIN longer (or
# shorter) than every other option stands out by its length alone.
_LENGTH_SLACK = 0.1
_LENGTH_MARGIN = 0.15


def _length_balanced(key: int, lengths: list[int], n: int = 3) -> list[int]:
    """Which n options to take from candidates ranked best first (their lengths given), so that the key
    (length `key`) does not stand out as the longest or the shortest: learners who pick the longest
    sentence must not score. The best-ranked n; when all are clearly shorter (or longer) than the key
    (by more than _LENGTH_SLACK of it), the worst of them gives way to the best-ranked candidate that
    is not, or failing that to the longest (shortest) candidate when it comes closer."""
    picked = list(range(min(n, len(lengths))))
    if len(picked) < 2:
        return picked
    for sign in (1, -1):  # 1: someone must be about as long as the key or longer; -1: as short or shorter
        bound = sign * key * (1 - sign * _LENGTH_SLACK)
        if any(sign * lengths[i] >= bound for i in picked):
            continue
        rest = range(len(picked), len(lengths))
        swap = next((j for j in rest if sign * lengths[j] >= bound), None)
        if swap is None and rest:
            swap = max(rest, key=lambda j: (sign * lengths[j], -j))
            if sign * lengths[swap] <= max(sign * lengths[i] for i in picked):
                swap = None
        if swap is not None:
            picked[-1] = swap  # all picks are on the other side of the key: that side stays covered
    return sorted(picked)


def _length_gives_away(key: str, others: list[str]) -> bool:
    """Whether the key is the longest or the shortest option by more than _LENGTH_MARGIN of the
    nearest other option: then a learner finds it without reading (a short "Share your views." among
    three long reports). A slightly longer key is no pattern; a much longer one is."""
    lengths = [len(o) for o in others]
    return len(key) > (1 + _LENGTH_MARGIN) * max(lengths) or len(key) < (1 - _LENGTH_MARGIN) * min(lengths)


_WHY_NOT = {
    "motive_guessing": "The other sentences may guess what will happen, ask or exclaim, or give a reason the "
    "person states themselves, but none of them claims to know why someone acts without a source.",
    "engagement_bait": "The other sentences may talk to you, ask a question or exclaim, but they tell you "
    "something (or ask what the article goes on to explain); none asks you to comment, share, follow or "
    "give your view.",
}


# -- what kind of sentence ------------------------------------------------------------------

# Editorial adverbs that colour a sentence without making it the writer's opinion.
# Markers that stress or presume rather than judge: alone they make no opinion key ("There is, of course, no
# sound from most of the room", a signing choir described plainly, keyed an opinion: held-out set 31)
_WEAK_OPINION_RULES = {
    "opinion.txt: notably",
    "opinion.txt: importantly",
    "opinion.txt: interestingly",
    "opinion.txt: of course",
    # "Some had clearly been hit by ships: broken jaws, deep propeller cuts": a booster on a claim a record can
    # check, no judgement (held-out set 49)
    "opinion.txt: clearly",
}
FACT_OPTION = "A fact claim: a statement that someone could go and check"
ATTRIBUTED_OPTION = "An attributed claim: the writer reports what someone says"
OPINION_OPTION = "The writer's opinion: a judgement in the writer's own voice"
SPECULATION_OPTION = "The writer's speculation: a guess at what may happen or why"
KIND_OPTIONS = (FACT_OPTION, ATTRIBUTED_OPTION, OPINION_OPTION, SPECULATION_OPTION)
# The fixed options have about the same length (within 10 characters): a learner who picks the
# longest label must not score on the labels the seeds key most.
# A judgement about the future ("is not going to be a walk in the park") is also a forecast: two
# labels fit, so such sentences are no opinion keys.
_FORECAST = re.compile(r"\b(?:will|won['’]t|going to|set to|bound to|expected to|likely to|shall)\b", re.IGNORECASE)
# A hedge that opens a side phrase ("..., potentially opening a new channel") leaves the main
# claim unhedged: the sentence is a claim with a guess on the side, and opinion may fit as well.
# "perhaps it could fill in the potholes first", "maybe the council should ...": advice in a hedge's words,
# the writer's view of what ought to happen, not a guess (held-out set 18 keyed it speculation)
_SUGGESTION = re.compile(
    r"\b(?:perhaps|maybe)\s+(?:it|they|we|you|he|she|the\s+[\w’'-]+)\s+(?:could|should|might)\s+(?!be\b|have\b|not\b)",
    re.IGNORECASE,
)
_SIDE_GUESS = re.compile(r"\s+\w+ing\b")
_DETAIL_HEDGE_BEFORE = re.compile(r"(?:,|\band|\bor)\s+$")
_SHORT_END = re.compile(r"(?:\s+[\w’'-]+){1,4}\s*[.!]?$")
_MODALS = re.compile(r"\b(?:will|would|should|must|can|cannot|need|needs|shall|ought)\b", re.IGNORECASE)
_SPEECH = re.compile(
    r"\b(?:indicat\w*|suggest\w*|express\w*|highlight\w*|emphasi[sz]\w*|underscor\w*|voic\w*|signal\w*|call\w* for|"
    r"urg\w*|advis\w*|describ\w*|report\w*|statement\w*|remarks?|words|claims?|view\w*|believ\w*|argu\w*|"
    r"think\w*|see\w*|seem\w*|appear\w*|question\w*|expect\w*|forecast\w*|estimat\w*|predict\w*|"
    r"anticipat\w*|plan\w*|intend\w*|consider\w*|"
    r"point\w* out|"  # "Rachel Denholm … points out that the £250,000 a year is the academy budget" (held-out set 108)
    # what someone maintains or a study finds (held-out review: "both sides insist" keyed a fact claim)
    r"insist\w*|say|says|said|told|warn\w*|maintain\w*|contend\w*|den(?:y|ies|ied)|admit\w*|acknowledg\w*|"
    r"conced\w*|accus\w*|found|finds|show(?:s|ed|n)?|"
    # a party's stated position, a body's count (held-out set 56: "Parvadia wants a timetable …", "The UN group
    # recorded 37 ceasefire violations" keyed fact claims)
    r"wants|wanted|demands|demanded|seeks|sought|recorded|counted|"
    # a reaction or a request reported ("welcomed by the cycling group", "the family has asked that ...")
    r"welcom\w*|prais\w*|condemn\w*|criticis\w*|criticiz\w*|ask\w*|request\w*)\b",
    re.IGNORECASE,
)

# "… after customers reported that the base could overheat": the guess is theirs, what the writer reports
_SPEECH_THAT = re.compile(_SPEECH.pattern + r"\s+that\b", re.IGNORECASE)


@generator("bias.fact_opinion", VERSION, "bias")
def fact_opinion(corpus: Corpus, rng: random.Random) -> list[Question]:
    """What kind of sentence is this: fact claim, attributed claim, the writer's opinion or the
    writer's speculation? Only clear cases, and only in articles that give two or more kinds,
    so no one answer is right every time."""
    return _planned(corpus, rng, "fact_opinion")


# A side clause after the main claim (", adding urgency to the talks"): the writer's comment on a
# claim. The main clause alone may be asked about; "including", "according" ... are part of it.
_SIDE_CLAUSE = re.compile(
    r",\s+(?!(?:including|according|following|during|regarding|concerning|excluding|pending)\b)[a-z]+ing\b"
)
_SUBORDINATE_START = re.compile(
    r"^(?:while|although|though|if|as|when|whenever|because|since|despite|after|before|unless|whether|once|until)\b",
    re.IGNORECASE,
)
_PART_PROMPT = "What kind of claim does this first part of a sentence make (the rest of the sentence is left out)?"


def _main_clause(s: Sentence) -> Sentence | None:
    """The main clause of a sentence that ends in a side clause (", adding ..."), or None."""
    m = _SIDE_CLAUSE.search(s.text)
    if not m or _SUBORDINATE_START.match(s.text) or not s.text.endswith("."):
        return None
    main = s.text[: m.start()]
    if count_words(main) < _MIN_WORDS:
        return None
    return Sentence(s.start, s.start + len(main), s.paragraph, main)


# An instruction ("Soak the oats for 30 minutes.", "Be wary of emails ..."): it tells the reader what to
# do, so none of the four kinds of claim fits (held-out review). A verb opens it, with no subject before.
_INSTRUCTION = re.compile(
    r"^(?!(?:The|A|An|This|That|These|Those|It|He|She|They|We|You|I|There|Here|Some|Many|Most|All|Each|Every|"
    r"No|Such|Both|Either|Neither|Several|Other|Another|Any|Its|Their|His|Her|Our|My|Your|One|Two|Three|"
    r"In|On|At|For|From|To|With|By|After|Before|During|Despite|Amid|Under|Over|As|If|When|While|Although|"
    r"Though|Since|Because|Until|Once|Across|Among|Between|Without|Within|Against|Through|Throughout|"
    r"Following|According|Beyond|Around|Behind|Near|Like|Unlike|Yet|So|But|And|Or|Then|Now|Still|Only|Even|"
    r"Also|Just|Today|Yesterday|Tomorrow|Last|Next|Later|Earlier|Meanwhile|However|Instead|Should|Would|Could|"
    r"Can|May|Might|Must|Will|Shall|Do|Does|Did|Is|Are|Was|Were|Has|Have|Had|What|Who|Why|How|Where|Whether)\b)"
    r"(?:[A-Z][a-z]+(?<!s)|[A-Z][a-z]*ss)\s+(?:not\s+)?(?:the|a|an|your|my|our|their|it|them|this|that|these|those|"
    r"at|for|in|on|up|out|down|off|into|with|to|all|every|each|some|any|wary|careful|sure|aware|away)\b"
    # a bare verb of what readers or officials are told to do, then a comma, "and" or what to do it to:
    # "Publish, in full, how the figure was worked out", "Come and stand at the bottom of my road" (set 28)
    r"|^(?:Publish|Come|Join|Write|Tell|Ask|Sign|Share|Stop|Give|Think|Remember|Imagine|Look|Listen|Read|Call|"
    r"Email|Contact|Vote|Demand|Show|Explain|Answer|Scrap|Reverse|Bring|Go|Get|Make|Take|Keep|Try|Check|Visit|"
    r"Support|Help|Watch|Drop|Pick|Leave|Put)\b(?:,|\s+and\b|\s+(?:us|me|him|her|them|how|what|why|where|who)\b)"
)


def _instruction(text: str) -> bool:
    """An instruction to the reader or an official, also after an opening clause of time or condition: "Before
    the remaining 1,188 practices switch on, publish the contract." (held-out set 37 keyed a fact claim)."""
    if _INSTRUCTION.match(text) or _DO_NOT.match(text):
        return True
    m = _OPENING_CLAUSE.match(text)
    return bool(m) and _INSTRUCTION.match(text[m.end()].upper() + text[m.end() + 1 :]) is not None


# "Do not use the caddy or crate until the week beginning 6 July." (held-out set 110 keyed a fact claim)
_DO_NOT = re.compile(r"^(?:Do not|Don['’]t|Never|Please)\s+[a-z]")
_OPENING_CLAUSE = re.compile(
    r"^(?:Before|After|If|When|Until|Once|Unless|While)\b(?:[^,;]|(?<=\d),(?=\d)){1,90},\s+(?=[a-z])"
)


# No claim of its own: "That students should be punished for ..." answers the question before it (read
# alone it says the opposite of the writer's point); "Let's be honest about ..." asks something of the
# reader (eighth held-out review); "Let's be honest, the plan is a failure" makes its claim after the comma.
_NO_CLAIM = re.compile(r"^(?:That\b|(?:Let[’']s|Let us)\b[^,:;]*$)")
# "Then perhaps a biopsy. Then a specialist, and another scan in six months.": the next step of a chain the writer
# imagines, no verb of its own (held-out set 55 keyed a fact claim)
_NEXT_STEP = re.compile(
    r"^(?:Then|And then|Or|Perhaps|Maybe)\s+(?:perhaps\s+|maybe\s+)?(?:a|an|the|another|more|some)\b"
    r"(?![^.;]*\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|did|does|[a-z]+ed)\b)"
)


@per_article
def _claims(article: Article, s: Sentence) -> bool:
    """A statement that can be asked about on its own: no question, instruction or fragment.
    Memoised: "what kind" and "who is the source" ask it of every sentence."""
    return (
        _usable(article, s)
        and not s.text.endswith("?")
        and not _instruction(s.text)
        and not _NO_CLAIM.match(s.text)
        and not _NEXT_STEP.match(s.text)
        and not _spoken(article, s)
        and not _reported_list_item(article, s)
    )


def _reported_list_item(article: Article, s: Sentence) -> bool:
    """An item of a list that a reported lead-in opens ("diplomats familiar with the talks describe a possible
    package along these lines:" / "- resumption of Westline flows, possibly with a revised transit fee."): the
    item is theirs, not the writer's claim or guess (held-out set 47)."""
    if not article.paragraphs[s.paragraph].bullet:
        return False
    lead = next((p for p in reversed(article.paragraphs[: s.paragraph]) if not p.bullet), None)
    if lead is None:
        return False
    text = article.text[lead.start : lead.end].rstrip()
    return text.endswith(":") and _REPORTED_LEAD.search(text) is not None


_REPORTED_LEAD = re.compile(
    r"\b(?:describe[sd]?|say|says|said|told|according to|reportedly|reports?|sources?|officials?|diplomats?|"
    r"insiders?|familiar with)\b",
    re.IGNORECASE,
)


def _spoken(article: Article, s: Sentence) -> bool:
    """A sentence of a transcript's speaker ("CLLR LINDQVIST: It's set out in the accounts", set 15), also
    after the first of their line ("… The permit is forty pounds for the first car, yes.", set 21)."""
    p = article.paragraphs[s.paragraph]
    return speaker_label(s.text) or speaker_label(article.text[p.start : min(p.end, p.start + 80)])


def _kind_item(plan: _Plan, article: Article, s: Sentence, cues: list[Cue], pos: _Positions) -> Question | None:
    """The whole sentence when exactly one label fits it; otherwise its main clause, when a side
    clause holds the only judgement ("... control 88% of the warheads, adding urgency")."""
    if not _claims(article, s):
        return None
    q = _kind_question(article, s, cues, pos, "What kind of sentence is this?")
    part = _main_clause(s) if q is None else None
    if part is not None:
        q = _kind_question(article, part, [c for c in cues if c.end <= part.end], pos, _PART_PROMPT, " …")
    return q


# Where a sentence joins two claims (", and ...", ", but ...", "; ..."): each may be of another kind.
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|yet|so)\s+|;\s+")
# "economic, political, and military": a list's last item, not a second claim.
_LIST_BEFORE = re.compile(r",\s+[\w’'-]+(?:\s+[\w’'-]+)?$")


def _every_clause_has(s: Sentence, deciding: list[Cue]) -> bool:
    """Whether each joined claim of the sentence holds one of the cues that decide its label: in
    "He's not afraid to break the mold, and he's likely to take it" only the second half guesses; the
    first judges, so the sentence has no one label."""
    joins = [m for m in _CLAUSE_JOIN.finditer(s.text) if not _LIST_BEFORE.search(s.text, 0, m.start())]
    bounds = [0, *(m.end() for m in joins), len(s.text)]
    return all(any(a <= c.start - s.start < b for c in deciding) for a, b in itertools.pairwise(bounds) if a < b)


def _kind_question(
    article: Article, s: Sentence, cues: list[Cue], pos: _Positions, ask: str, more: str = ""
) -> Question | None:
    cls = _classify(s.text)
    strong = [
        c
        for c in cues
        if c.category == "opinion" and not c.rule.startswith("rule:") and c.rule not in _WEAK_OPINION_RULES
    ]
    steering = [c for c in cues if c.category in ("loaded_language", "opinion", "engagement_bait")]
    guesses = [c for c in cues if c.category in ("hedge", "motive_guessing")]
    attribution = _attribution(article, s, cues)
    evidence: list[Evidence] = []
    if (
        cls.label == OPINION
        and strong
        and not guesses
        and not _GUESSING.search(s.text)
        and not _FORECAST.search(s.text)
        and _reported_from(s.text) is None
        and not _AGREE_THAT.search(s.text)
        and _every_clause_has(s, strong + [c for c in steering if c.category == "loaded_language"])
        # "Some fans clearly think the timing was no accident": put in unnamed mouths, a motive guess (set 38)
        and not any(c.category == "vague_source" for c in cues)
        # "So why do it? … A tough stand … arguably plays rather well in the provinces where his party is weakest.
        # Whether that was the whole motive I cannot say": a judgement that answers why, read as a motive guess as
        # fairly (held-out sets 44 and 50)
        and not _MOTIVE_TALK.search(article.paragraph_text(s.paragraph))
        # "Farmers must not draw water outside the hours set by their association" in a ministry's release: a rule
        # its maker states, no judgement (held-out set 44)
        # (also "should stop using them" in a county's release, held-out set 52)
        and not (own_publication(article.title, article.text) and all(_DEONTIC.match(c.text) for c in strong))
        # "… brought in the rule that now shapes …: one slot a day, when they must be available": the rule's content;
        # "Under the council's petition scheme, any petition signed by … must be debated" (held-out set 60)
        and not (
            all(_DEONTIC.match(c.text) for c in strong)
            and (
                _RULE_CONTENT.search(s.text, 0, strong[0].start - s.start) is not None
                or _UNDER_RULES.match(s.text)
                # "Under the Consumer Rights Act 2015, … . Anything you buy must be of satisfactory quality": the
                # act's terms, in the sentence after the one that names it (held-out set 80)
                or _UNDER_RULES.match(_sentence_before(article, s))
                # "Under Ireland's switching code, your new bank does most of the work. … You should not be charged
                # by either bank for the switch itself": the code's terms, further on in its paragraph (set 92)
                or _under_rules_earlier(article, s)
            )
        )
    ):
        key = OPINION_OPTION
        words = ", ".join(_quoted(c.text) for c in strong)
        # An opinion cue's own explanation would only say this again (walkthrough 9); other cues add to it.
        why = "nobody could" if strong[0].category == "opinion" else f"{strong[0].explanation} Nobody could"
        explanation = (
            f"The writer's own judgement shows in {words}: {why} check it against a record; it is what the "
            "writer thinks, not a fact you could check."
        )
        evidence = [_evidence(article, c.start, c.end) for c in strong]
    elif (
        cls.label == SPECULATION
        and guesses
        and not steering
        and all(_key_grade(c) and c.text.lower() not in _NO_GUESS_KEY for c in guesses)
        and not any(_comparative(s, c) for c in guesses)
        and not _weak_hedge_in(s.text, s.start, guesses)
        and not any(_agent_modal(s.text, s.start, c) for c in guesses)
        and all(_guesses_outcome(s.text, s.start, c) for c in guesses)
        and not _SPEECH_THAT.search(s.text, 0, min(c.start for c in guesses) - s.start)
        and not _SUGGESTION.search(s.text)
        and not _evaluative_outside(s, guesses)
        and not any(c.category == "vague_source" for c in cues)
        and _reported_from(s.text) is None
        and not _HYPOTHETICAL.search(s.text)
        and not any(_SIDE_GUESS.match(s.text, c.end - s.start) for c in guesses)
        # "… agreed to meet, probably in Porto.", "… will need inspections and possibly engine work.": a hedge on one
        # detail at the end of a checkable claim (held-out set 109 keyed both as guesses)
        and not any(
            _DETAIL_HEDGE_BEFORE.search(s.text, 0, c.start - s.start) and _SHORT_END.match(s.text, c.end - s.start)
            for c in guesses
        )
        and _every_clause_has(s, guesses)
        and not own_publication(article.title, article.text)  # an official forecast is no writer's guess
        and not _under_warning(article, s)
        and not _OWN_PLAN.match(s.text)
        and not _WORTH.search(s.text)
        and not _ROUGH_SIZE.search(s.text)
        and not _listed_option(article, s)
        and not _rejected_next(article, s)
        and not _reported_options(article, s)
        # "If Tolka wants to find out …, perhaps some of them should show it": advice, softened (held-out set 92)
        and not _SHOULD.search(s.text)
    ):
        key = SPECULATION_OPTION
        words = ", ".join(_quoted(c.text) for c in guesses)
        explanation = (
            f"The writer guesses: {words}. {guesses[0].explanation} Nobody is cited for it, and it is not a "
            "judgement of good or bad; it is the writer's own guess."
        )
        evidence = [_evidence(article, c.start, c.end) for c in guesses]
    elif (
        cls.label == ATTRIBUTED
        and attribution
        and attribution[0] != NO_SOURCE
        and not steering
        and not guesses
        and not _ENDORSED.search(s.text)
        and not _SAYS_IS.search(s.text)
    ):
        key = ATTRIBUTED_OPTION
        explanation = f"{attribution[2]} The writer reports what someone else says, without judging or guessing."
        if attribution[0] == UNNAMED:
            # "Critics argue that ...": reported, but a writer can choose unnamed critics to voice a view of their
            # own, so the sentence is not called neutral (held-out set 12)
            explanation = (
                f"{attribution[2]} The writer reports what someone else says, in words nobody has to stand behind: "
                "ask who they are, and why the writer chose them."
            )
        evidence = [_evidence(article, *attribution[1])]
    elif (
        cls.label == FACT
        and not cues
        and _checkable_fact(s.text)
        and not _reported_around(article, s)
        and not _shouted(s.text)
        and not _LEANS_ON_WRITER.search(s.text)
        and not _SOURCE_GROUP.search(s.text)
        and not _CONDITION_FIRST.match(s.text)  # "If Arlen Coast pays for 12 years, the town does fine" (set 48)
        # "It goes like this. Sarnavia lets … back. A few million euros trickle back …": a scenario told in the
        # present tense, not what happened (held-out set 103)
        and not _SCENARIO.search(article.text, article.paragraphs[s.paragraph].start, s.start)
    ):
        key = FACT_OPTION  # not where the paragraph reports someone ("X argues that ... Services have risen ...")
        explanation = (
            "It states what happened or what is the case, in details you could check against a record "
            "(who, what, when, how many); it has no opinion words, hedges, sources or judgement words. "
            "A fact claim can still be wrong: 'fact' means it can be checked, not that it is true."
        )
    else:
        return None
    return make_question(
        kind="fact_opinion",
        form="single",
        skill="bias",
        prompt=f"{ask}\n\n{_quoted(s.text + more)}",
        answer=[key],
        options=pos.place(key, [o for o in KIND_OPTIONS if o != key]),
        explanation=explanation,
        evidence=[*evidence, _evidence(article, s.start, s.end)],
        generator="bias.fact_opinion",
        generator_version=VERSION,
        technique="opinion",
        difficulty=0.4 if key == OPINION_OPTION else 0.5,
        tags=(
            "bias",
            {FACT_OPTION: "fact", ATTRIBUTED_OPTION: "attributed", OPINION_OPTION: "opinion"}.get(key, "speculation"),
        ),
    )


_MOTIVE_TALK = re.compile(
    # "Why would Sorvane want it this way? I can only guess, but …" (held-out set 91)
    r"\b(?:motives?|motivations?|deliberately|on purpose|I can only guess|my guess is|"
    r"why (?:do|did|does|would|should) (?:it|they|he|she|this|that)\b)",
    re.IGNORECASE,
)


def _sentence_before(article: Article, s: Sentence) -> str:
    """The sentence before this one in its paragraph, or "" (the paragraph's first)."""
    before = [x for x in article.sentences if x.end <= s.start and x.paragraph == s.paragraph]
    return before[-1].text if before else ""


_UNDER_RULES = re.compile(
    r"^Under\s+[^,;]{0,80}\b(?:scheme|rules?|code|law|act|regulations?|policy|constitution|standing orders|terms|"
    r"conditions|agreement|deal|treaty|contract|licen[cs]e|order)\b[^,;]{0,30},",
    re.IGNORECASE,
)
_RULE_CONTENT = re.compile(
    r"\b(?:rules?|code|law|regulations?|requirements?|policy|bylaws?)\b[^.;]*?(?:\bthat\b|\bwhich\b|\bwhen\b|"
    r"\bwhere\b|:)[^.;]*$",
    re.IGNORECASE,
)
_DEONTIC = re.compile(r"(?:must|should|shall|need to|needs to|have to|has to)(?: not)?(?: be)?", re.IGNORECASE)


def _listed_option(article: Article, s: Sentence) -> bool:
    """One of a run of "It could …" sentences: options the writer lists and recommends ("I am not saying the shire
    should do nothing. It could lobby Canberra … It could help small growers …", held-out set 46), no forecast."""
    m = _COULD_OPENING.match(s.text)
    if m is None:
        return False
    i = article.sentences.index(s)
    near = article.sentences[max(0, i - 1) : i] + article.sentences[i + 1 : i + 2]
    return any(n.paragraph == s.paragraph and n.text.startswith(m.group(0)) for n in near)


def _under_rules_earlier(article: Article, s: Sentence) -> bool:
    """Whether an earlier sentence of the paragraph opens "Under the … code/rules/act, …"."""
    p = article.paragraphs[s.paragraph]
    return any(
        _UNDER_RULES.match(x.text)
        for x in article.sentences
        if x.paragraph == s.paragraph and p.start <= x.start < s.start
    )


def _reported_options(article: Article, s: Sentence) -> bool:
    """One of the options a source lays out earlier in the paragraph ("Several options are being discussed, according
    to two officials briefed on the talks. … Or it could open a consular office in another city"): theirs, not the
    writer's guess (held-out set 83)."""
    p = article.paragraphs[s.paragraph]
    return (
        _OPTIONS_WORD.search(article.text, p.start, s.start) is not None
        and _REPORTED_LEAD.search(article.text, p.start, s.start) is not None
    )


_BODY_NOUN_BEFORE = re.compile(
    r"\b(?:group|organi[sz]ation|charity|union|association|campaign|body|firm|company|network|coalition|alliance|"
    r"society|trust|club|agency|regulator|watchdog)\s+$",
    re.IGNORECASE,
)
_SCENARIO = re.compile(
    r"\b(?:it (?:would )?goes? like this|imagine (?:this|that|a|the)|picture (?:this|the scene)|"
    r"here is how (?:it|this) (?:would|could|will) (?:go|work|play out))\b",
    re.IGNORECASE,
)
_NAMED_OPENING = re.compile(r"[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]+,\s+(?:the|a|an|who|[a-z]+\s+of)\b")
_NAME_GOES_BACK = re.compile(r"[A-Z][\w’'-]*\s+(?:for|of|and|on)\s+$")
_TIME_CLAUSE_BEFORE = re.compile(r"\b(?:after|before|since|until|once)\s+(?:the\s+)?$", re.IGNORECASE)
# after a word ("some of them should show it"), not the conditional "Should both leaders agree, …"
_SHOULD = re.compile(r"(?<=[a-z]\s)should\b")
_OPTIONS_WORD = re.compile(r"\b(?:options|proposals|ideas|scenarios|possibilities|alternatives)\b", re.IGNORECASE)


def _rejected_next(article: Article, s: Sentence) -> bool:
    """A guess the writer turns down within two sentences ("Perhaps this is all a coincidence. Perhaps the engineers
    simply have exquisite timing. I doubt it."): irony, the writer's verdict, not a guess (held-out set 51)."""
    i = bisect.bisect_left(_sentence_starts(article), s.end)  # s may be a main clause, ending before its sentence
    return any(n.paragraph == s.paragraph and _REJECTION.match(n.text) for n in article.sentences[i : i + 2])


_REJECTION = re.compile(
    r"^(?:I|We)\s+(?:doubt|don['’]t believe|do not believe|don['’]t buy|do not buy|don['’]t think so|do not think so)\b"
    r"|^(?:Hardly|Unlikely|Not likely|Nonsense|Of course not|Not a chance)\b"
)
# "a storeroom built for perhaps a third as many", "leaves perhaps twenty in the pool": a rough size, no guess at
# what may happen or why (held-out set 62 keyed a reporter's scene a guess)
_ROUGH_SIZE = re.compile(
    r"\b(?:perhaps|maybe|possibly)\s+(?:a\s+(?:third|quarter|half|dozen|few|fifth|tenth)\b|\d|(?:one|two|three|four|five|"
    r"six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|hundreds|thousands)\b)",
    re.IGNORECASE,
)
_COULD_OPENING = re.compile(r"^(?:It|They|We|You|He|She) could\b")
# "I'll be posting updates from the summit next week, probably far too late at night": the writer's own plans,
# no guess about the news (held-out set 36)
_OWN_PLAN = re.compile(r"^(?:I|We)(?:['’]ll|['’]m going to|['’]re going to| will| shall| am going to| are going to)\b")
# "… could well be worth doing": a judgement of value, however softened (held-out set 37 keyed a guess)
# "There is some evidence she may be right": a verdict on someone's claim, opinion as much as a guess (set 49)
_WORTH = re.compile(
    r"\bworth\s+(?:doing|it|trying|having|considering|the\b|\w+ing\b)|\bbe\s+(?:right|wrong|correct|mistaken)\b|"
    # "it could mean everything", "Those pictures could mean something, if …": how much it matters (held-out set 56)
    r"\b(?:mean|matter)\s+(?:everything|something|nothing|a lot|little|much|the world|a great deal)\b",
    re.IGNORECASE,
)
# A sentence whose claim is the writer's picture or points back at the writer's judgement: "… is that kind of
# bill" (after a paragraph mocking such bills), "the decision landed like a hailstorm", "famously called" (held-out
# set 35 keyed all three fact claims)
_LEANS_ON_WRITER = re.compile(
    r"\b(?:that|this|the same)\s+(?:kind|sort|type)\s+of\b|\bfamously\b|"
    # "The complaint is real, and the occupation is, by any honest reading of the line, unlawful" (set 42)
    r"\bby any (?:\w+ )?(?:reading|measure|standard|definition)\b|"
    # "… earned exactly that applause": points back at the writer's judgement before it (held-out set 43)
    r"\b(?:exactly|precisely|just) (?:that|this|such) [a-z]|"
    r"\b(?:is|are|was|were) (?:real|genuine|justified|unjustified|legitimate|illegitimate|unlawful|unjust|unfair)\b|"
    # "Tanzania could hardly host a summit with a 38-kilometre queue up the road": the writer's reasoning (set 41)
    r"\b(?:could|can) hardly\b|"
    # "… has promised to publish quarterly accounts": a pledge reported, someone's word (set 41, ambiguous)
    r"\b(?:promised|pledged|vowed|insisted|denied|admitted|conceded)\b|"
    r"\b(?:landed|hit|struck|came|arrived|fell|spread|swept|went|felt|looked|sounded|read|reads)\s+like\s+an?\b|"
    # "By Thursday, the town looked as if someone had given it a light coat of varnish" (held-out set 52)
    r"\b(?:looks?|looked|seems?|seemed|feels?|felt|sounds?|sounded)\s+as\s+(?:if|though)\b|"
    # "At the club where she trained, the mood was more careful": the reporter's reading of a mood (set 57)
    r"\bthe\s+(?:mood|atmosphere|feeling|tone|air)\s+(?:was|is|seemed|felt|remained|had been)\b",
    re.IGNORECASE,
)


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


_DATE_WORD = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_ACTION = re.compile(
    r"\b(?:has|have|had)\s+(?:[a-z]+\s+){0,2}?[a-z]+(?:ed|en)\b"
    r"|(?<!being )(?<!been )(?<!be )\b[a-z]+ed\s+[a-z]"
)
_NUMBER_WORD = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|"
    r"thousand|thousands|million|millions|billion|dozen)\b",
    re.IGNORECASE,
)


_ESTIMATE = re.compile(
    r"\b(?:puts?|putting|reckons?|estimates?|estimated|values?|valued)\b[^.;]{0,60}?\bat\s+"
    r"(?:(?:about|around|roughly|some|up to|between)\s+)?[$£€]?\d",
    re.IGNORECASE,
)
# "that"/"this"/"it" as a clause's subject, at the start or after a comma (not "the plan that is due")
_POINTS_BACK = re.compile(r"(?:^|,\s+)(?:that|this|it)(?:['’]s|\s+(?:is|was|isn['’]t|wasn['’]t)\b)", re.IGNORECASE)


_NO_RECORD_SETTLES = re.compile(
    r"\b(?:anyone|everyone|anybody|everybody)\s+(?:who\s+[^.;]{1,200}?\s+)?knows\b|"
    # "recited it on Monday like a man reading from a laminated card": a sneer by simile (held-out set 97)
    r"\b(?:as if|as though|like a man|like a woman|like someone|like somebody|like a child)\b|"
    # "Ray, then 12, remembers his father … soaking the shed roof": his memory, told for him (held-out set 96)
    # (not a product recall: "Brindle recalled 84,000 doorbells")
    r"\bremember(?:s|ed)\b|\brecall(?:s|ed)\s+(?:how|that|when|the day|the moment|being|seeing|his|her|their)\b",
    re.IGNORECASE,
)
_NO_BEARING_VERDICT = re.compile(r"\b(?:little|nothing|everything|more|less)\s+to\s+do\s+with\b", re.IGNORECASE)


def _checkable_fact(text: str) -> bool:
    """A sentence an informed reader would agree is a plain, checkable claim."""
    if _has_evaluative(text) or _MODALS.search(text) or _SPEECH.search(text):
        return False
    if _reported_from(text) is not None:
        return False
    words = word_spans(text)
    if not words or text[words[0][0] : words[0][1]].lower() in _PRONOUNS:
        return False  # "It has issued ...": who "it" is, and whose claim this is, lies in another sentence
    if _ESTIMATE.search(text):
        return False  # "The ministry puts compliance at 1,200 to 3,000 kestrels": someone's estimate (held-out set 13)
    if _NO_BEARING_VERDICT.search(text) or _NO_RECORD_SETTLES.search(text):
        # "a number … that has almost nothing to do with medicine": a verdict (held-out set 90); "Anyone who has tried
        # to find a park … knows the town creaks": opinion put as common sense (set 94); someone's memory (set 96)
        return False
    if _POINTS_BACK.search(text):
        return False  # "For a pensioner ..., that's not a rounding error": what "that" is lies before (held-out set 11)
    if re.search(r"\d", text) or _DATE_WORD.search(text) or _NUMBER_WORD.search(text):
        return True  # a number or a date: something a record can confirm
    # Two names and an action ("The council has approved the plan", "X met Y in the capital"); names
    # with a state or an image only ("... are all being tested") give nothing to look up.
    names = sum(1 for a, _b in words[1:] if text[a].isupper())
    return names >= 2 and bool(_ACTION.search(text))


# -- who is the source ----------------------------------------------------------------------

PERSON = "A named person: someone cited by their own name"
ORGANISATION = "A named organisation: a body cited by its name"
# No example words in the label: a sentence holding one of them ("some", "reports") would match its option.
UNNAMED = "A vague or unnamed source: cited, but not named"
NO_SOURCE = "No source at all: the writer cites no one here"
_UNDER_DOCUMENT = re.compile(
    r"^(?:Under|By) (?:the|its|their|this|that|a|an|new) (?:[\w-]+ )?(?:ruling|order|rules?|licen[cs]e|law|act|"
    r"regulations?|conditions|terms|decision|plan|agreement|deal|scheme|proposals?|contract|bill)\b"
)
_CITING = re.compile(r"\bcit(?:ing|ed)\b", re.IGNORECASE)  # held-out set 9
SOURCE_OPTIONS = (PERSON, ORGANISATION, UNNAMED, NO_SOURCE)  # about the same length, as KIND_OPTIONS
# Verbs that attribute a claim to a speaker. "announced plans", "expects" are left out: there the
# speaker is the subject of an action, and whether the article gives a source for it is arguable.
_VERBS = (
    r"said|says|stated|states|told|tells|argued|argues|warned|warns|insisted|insists|noted|notes|added|adds|"
    r"wrote|writes|explained|explains|declared|declares|confirmed|confirms"
)
_CAP = r"(?:[A-Z][\w’'.-]*)"
_SPEAKER = re.compile(
    rf"(?:^|(?<=[\s,(]))(?!(?:As|While|When|If|But|And|So|Then|However|Although|Yet|Still)\b)(?P<who>(?:[Tt]he\s+)?(?:(?:former|then)\s+)?(?:{_CAP}|envoy|special)(?:\s+(?:{_CAP}|envoy|of|and(?=\s+[A-Z])))*)"
    rf"(?:\s+(?:himself|herself|itself))?\s+(?:has\s+|have\s+|had\s+)?(?P<verb>{_VERBS})\b"
    # "the bridge across the River Brenn added about three months": "added" before a word other than "that"
    # adds something, it says nothing (held-out set 17)
    r"(?!(?:(?<=added)|(?<=adds))\s+(?!that\b)[\w£$€])"
    # "Health Minister Colleen Rafuse has said the right things so far": the writer's verdict on her (held-out set 106)
    r"(?!\s+(?:all\s+)?the\s+right\s+things\b)"
    # "The Environment Agency declared drought status for the area": an act, no one quoted (held-out set 102)
    r"(?!(?:(?<=declared)|(?<=declares))\s+(?:an?\s+|the\s+|a\s+state\s+of\s+)?(?:\w+\s+)?(?:drought|emergency|"
    r"status|state|bankruptcy|insolvency|war|independence|holiday|zone|disaster|outbreak|pandemic|epidemic|closure)\b)"
    # "the closure of the Kalsa Deep declared by the Republic of Montvara": a passive, the lake says nothing (set 67)
    r"(?!\s+by\b)"
)
# The writer takes a side on what they report: "Critics argue it could cost more, and they are right"
# (held-out set 20 keyed it a claim reported without judging), "as critics rightly say".
_ENDORSED = re.compile(
    r"\b(?:and|but)\s+(?:they|he|she|it|we)\s+(?:are|is|were|was)\s+(?:absolutely\s+|quite\s+|dead\s+)?"
    r"(?:right|correct|wrong|mistaken)\b|\b(?:rightly|wrongly|correctly|mistakenly)\s+(?:\w+\s+)?"
    r"(?:say|says|said|argue|argues|argued|point|points|pointed|note|notes|noted|warn|warns|warned|claim|claims)\b|"
    # "Critics say the panel simply bowed to a well-drilled lobby, and it is hard to disagree" (held-out set 22)
    r"\b(?:it is|it's|it’s) (?:hard|difficult) to (?:disagree|argue with)|\b(?:they|he|she) (?:have|has) a point\b",
    re.IGNORECASE,
)
# "… short of the 95 per cent the World Health Organization says is needed": the source stands inside a clause
# about one figure; the sentence's own claim is the writer's (held-out set 52 keyed it attributed)
_SAYS_IS = re.compile(rf"\s(?:{_VERBS})\s+(?:is|are|was|were|will be|would be|has been|have been)\b")
# A speaker phrase ends in one of _VERBS after a space: a sentence without one has no _SPEAKER match,
# which this pattern tells in a fraction of the time _SPEAKER takes to try every capitalised word.
_SPEECH_VERB = re.compile(rf"\s(?:{_VERBS})\b")
# not "according to the Halsk gauge" (an instrument whose readings are data, held-out set 63)
_ACCORDING = re.compile(
    rf"\baccording to\s+(?P<who>(?:the\s+)?{_CAP}(?:\s+{_CAP})*)(?![\w’'-])"
    r"(?!\s+(?:gauge|data|figures|records|readings|report|survey|website|database|index|model|forecast|estimates?)\b)"
)
# The writer imagines what someone would say or think: "his supporters would argue", "critics may
# see". Nobody is cited, so these are never source keys.
_HYPOTHETICAL = re.compile(
    r"\b(?:would|might|may|could|will|can)\s+(?:\w+\s+)?(?:argue|say|see|claim|contend|suggest|view|insist|counter|"
    r"believe|think|point out|describe|call|consider|interpret|perceive|welcome|applaud|criticise|criticize)\b",
    re.IGNORECASE,
)


@functools.cache
def _org_words() -> re.Pattern[str]:
    """A word that ends an organisation's name (quizlib/data/org_words.txt), or names a government."""
    words = sorted({*org_suffixes(), "Government", "Administration", "Cabinet", "Corp"}, key=lambda w: (-len(w), w))
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b")


_FULL_NAME = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+\b")
_ADDRESSED = re.compile(
    r"^(?:Critics|Opponents|Sceptics|Skeptics|Those|People|Anyone|Detractors|Doubters)\s+who\s+[^.;]{1,100}?\s+"
    r"(?:should|must|need to|ought to|would do well to|might want to|may want to)\b"
)
# "The IURC says it will open an investigation, and state Sen. Lorna Beckwith plans to introduce legislation": a
# second claim with its own subject and no verb of saying is nobody's but the writer's (held-out set 53)
_SECOND_JOIN = re.compile(r",\s+(?:and|but|while)\s+(?!that\b|(?:it|he|she|they|this)\b)|;\s+")


def _second_claim(text: str, after: int) -> bool:
    """Whether a claim of its own (five words or more, not a list's last item, no verb of saying) is joined on
    after position `after`."""
    for m in _SECOND_JOIN.finditer(text, after):
        rest = text[m.end() :]
        if _LIST_BEFORE.search(text, 0, m.start()) or len(rest.split()) < 5:
            continue
        if not _SPEECH_VERB.search(" " + rest):
            return True
    return False


# A name inside a phrase of the subject, not the subject that speaks: "the two white plumes over the Odrin Nitrogen
# Works have told the town …" (held-out set 51), "the company behind a planned campus in southern Tippecanoe County
# says …" (set 53), "A trade union representing production staff at Calderfield Foods said …" (set 59)
_INSIDE_PHRASE_BEFORE = re.compile(
    r"\b(?:over|above|below|beneath|under|near|behind|beside|outside|inside|across|around|beyond|atop|in)\s+"
    r"(?:(?:north|south|east|west|northern|southern|eastern|western|central|rural|downtown|suburban)\s+)?$|"
    r"\b(?:representing|including|among)\s+(?:[\w’'-]+\s+){0,4}(?:at|in|of|from)\s+$|"
    r"\b(?:staff|workers|employees|members|customers|clients|patients|pupils|students)\s+(?:at|of|from)\s+$|"
    # "scientists advising the EU warned …": the scientists speak, unnamed (held-out set 68)
    r"\b(?:advising|advisers? to|advisors? to|close to)\s+$",
    re.IGNORECASE,
)
_PRONOUN_SPEAKER = re.compile(r"^(?:I|I['’]m|I['’]ve|We|We['’]ve|We['’]re|You|He|She|They|It)$")
# "It expects to save £1.3 million, though Mr Penrose said ...": the named speaker has only the second claim.
_JOINED_BEFORE = re.compile(r"(?:,\s+(?:though|although|but|while|whereas|and)|;)\s+[^,;]*$")


_ANSWER_WORD = re.compile(rf"{QA_ANSWER}\s+")


def _speaker_kind(article: Article, who: str) -> str | None:
    """PERSON or ORGANISATION for a speaker phrase, or None when unclear."""
    who = who.strip()
    words = who.split()
    for i in range(1, len(words) - 2):
        # "Commission Chair Laura Benedetti said": a person by her post, not the commission (held-out set 35)
        name = " ".join(words[i + 1 :])
        if words[i] in titles() and _CAPITALISED_NAME.fullmatch(name) and not _org_words().search(name):
            return PERSON  # "Ostavian Energy Minister Jonas Pellar said": a post and a full name (held-out set 99)
    if _org_words().search(who) or _BASED.match(who):
        return ORGANISATION  # "Sydney-based Tellwell Connect confirmed" (held-out set 55 keyed a person)
    # "Maritime NZ said", "Maritime New Zealand said": a body named after its country (held-out set 49 keyed a person)
    rest = _country_name().sub("", who)
    if rest != who and re.search(r"[A-Z]", rest) and not any(w in titles() for w in rest.split()):
        return ORGANISATION
    if " and " in who:
        return None  # "Smith and Jones said": two speakers
    if re.match(r"[Tt]he\s+[A-Z]", who):
        # "the Mayor says": a post, someone not named (held-out set 18 keyed a named organisation)
        return None if all(w in titles() for w in who.split()[1:]) else ORGANISATION
    words = [w for w in who.split() if w[:1].isupper()]
    if not words or re.match(r"[Tt]he\b", who):
        return None
    name_words = [w for w in words if w not in titles() and w.rstrip(".") not in ("U.S", "US", "UK", "U.K")]
    if not name_words:
        return None
    if len(name_words) >= 2:
        first, last = re.escape(name_words[0]), re.escape(name_words[-1])
        # "Skerry Air said": a person is called by the surname alone somewhere; a company is not
        return PERSON if re.search(rf"(?<!{first}\s)(?<![\w’'-]){last}(?![\w’'-])", article.text) else None
    # One capitalised word: a person only when the article also gives it as the end of a full name.
    # The full name stands on one line, and its first word is a name ("Mr." may end in a stop): neither
    # "Christmas.\n\nTumbleway said" nor "In Tumbleway's view" makes the toy maker a person (held-out set 7).
    # Where the text also writes the word as the start of a longer name ("Brindle Home"), a capitalised
    # word opening a sentence is no first name ("Read Brindle's statement": held-out set 10).
    surname = re.escape(name_words[-1])
    if names_a_firm(name_words[-1], article.text):
        return None  # "Glenmorrow said it hoped …" beside "Glenmorrow Coaches" and Alison Glenmorrow (held-out set 110)
    if re.search(rf"\b{surname}(?:n|ns|an|ans|ian|ians)\b", article.text):
        return None  # "Tavrenia argued" beside "Tavrenian": a country, whose people the text names (held-out set 93)
    body_name = re.search(rf"\b{surname}[ \t]+[A-Z][a-z]", article.text) is not None
    for m in re.finditer(rf"\b(?P<first>[A-Z][a-z]+)(?P<stop>\.?)[ \t]+(?:[A-Z]\.[ \t]+)?{surname}\b", article.text):
        first = m.group("first")
        if (m.group("stop") and len(first) > 3) or first.lower() in _function_words() or first in MONTHS:
            continue  # "In March Tavrenia cut the flow": a month is no first name (held-out set 93)
        if body_name and (m.start() == 0 or _SENTENCE_START.search(article.text[max(0, m.start() - 8) : m.start()])):
            continue
        return PERSON
    return None


_BASED = re.compile(r"^(?:[Tt]he\s+)?[A-Z][\w.-]*-based\s+[A-Z]")


@functools.cache
def _country_name() -> re.Pattern[str]:
    """A place name of two words or more, or in capitals ("New Zealand", "NZ"): no part of a person's name (a
    one-word place may be: "Georgia", "Jordan")."""
    names = sorted((n for n in place_names() if " " in n or n.replace(".", "").isupper()), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


_CAPITALISED_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][\w’'-]+){1,2}")
# The end of what stands before a sentence: a stop, or a line's start with any list bullet or emphasis
# ("- **Use Brightwell's recall checker.**": held-out set 16 took "Use" for a first name).
_SENTENCE_START = re.compile(r"(?:[.!?][”\"’)]?\s+|\n\s*(?:[-*•+]\s+|\d+[.)]\s+)?(?:\*\*|__|\*|_)?)$")


def _speakers_in(text: str) -> list[re.Match[str]]:
    """_SPEAKER's matches in the text, none looked for without a speech verb (most sentences)."""
    return list(_SPEAKER.finditer(text)) if _SPEECH_VERB.search(text) else []


def _attribution(article: Article, s: Sentence, cues: list[Cue]) -> tuple[str, tuple[int, int] | None, str] | None:
    """(key, span of who, why) when exactly one source answer applies to the sentence, else None."""
    return _attribution_of(article, s, tuple(cues))  # two kinds ask about every sentence: answer once


@per_article
def _attribution_of(
    article: Article, s: Sentence, cues: tuple[Cue, ...]
) -> tuple[str, tuple[int, int] | None, str] | None:
    if _HYPOTHETICAL.search(s.text):
        return None
    vague = [c for c in cues if c.category == "vague_source"]
    speakers = [
        (m, _speaker_kind(article, m.group("who")))
        for m in _speakers_in(s.text)
        if not _PRONOUN_SPEAKER.match(m.group("who"))  # "Some of them, I'm told, ...": hearsay, no one named
        and not _INSIDE_PHRASE_BEFORE.search(s.text, 0, m.start("who"))
        # "… agreed the loan on Wednesday, 11 weeks after Corvane Homes warned that …": a speaker inside a clause of
        # time dates the claim, it is not its source (held-out set 100)
        and not _TIME_CLAUSE_BEFORE.search(s.text, 0, m.start("who"))
        # "Matej Korbel of the Rostvar Institute for Foreign Relations said": the end of a longer name (set 105)
        and not _NAME_GOES_BACK.search(s.text, 0, m.start("who"))
    ]
    speakers += [(m, _speaker_kind(article, m.group("who"))) for m in _ACCORDING.finditer(s.text)]
    # "The parents' group Parents Tasmania said": a body its sentence calls one (held-out set 98 keyed a person)
    speakers = [(m, ORGANISATION if _BODY_NOUN_BEFORE.search(s.text, 0, m.start("who")) else k) for m, k in speakers]
    kinds = {k for _m, k in speakers}
    steering = [c for c in cues if c.category in ("loaded_language", "opinion", "hedge")]
    # The unnamed source must open the claim ("Critics say ..."), not trail a claim of the writer's.
    opens = bool(vague) and (vague[0].start - s.start) <= len(s.text) // 3
    # "it did exactly what critics said it would: …": the critics predicted; the claim is the writer's (set 39)
    opens = opens and not _PREDICTED_BEFORE.search(s.text, 0, vague[0].start - s.start)
    # "Critics who call this a stealth decision … should look at those numbers": the writer answers them; they are
    # not cited for the claim (held-out set 54)
    opens = opens and not _ADDRESSED.match(s.text)
    if vague and opens and not speakers and not steering:
        why = (
            f"{_quoted(vague[0].text)} points to a source without saying who it is: the sentence does cite "
            "someone, but nobody you could identify, check, or ask how they would know."
        )
        return UNNAMED, (vague[0].start, vague[0].end), why
    if (
        len(speakers) == 1
        and not vague
        and not steering
        and None not in kinds
        and not _JOINED_BEFORE.search(s.text, 0, speakers[0][0].start())
        and not _second_claim(s.text, speakers[0][0].end())
    ):
        m, kind = speakers[0]
        answer = _ANSWER_WORD.match(m.group("who"))  # "No. Wyvern Fire and Rescue Service said …" (set 30)
        span = (s.start + m.start("who") + (answer.end() if answer else 0), s.start + m.end("who"))
        who = article.text[span[0] : span[1]]
        what = "a person" if kind == PERSON else "an organisation"
        return kind, span, f"The claim is attributed to {_quoted(who)}, {what} you can identify and check."
    if (
        not vague
        and not speakers
        and not cues
        # "funded by a grant from the Greenway Foundation": the named body looks like a source
        and not (_org_words().search(s.text) or _FULL_NAME.search(s.text, 1))
        and _classify(s.text).label == FACT
        and _checkable_fact(s.text)
        and not _reported_around(article, s)
        and not _figure_reported_elsewhere(article, s)
        and not _DOCUMENT_SAYS.match(s.text)  # "The application gives a tip height of 150 metres": a document
        and not _CITING.search(s.text)  # "withdrew on Thursday, citing exhaustion": her reason, in her name
        and not own_publication(article.title, article.text)  # the publisher is the source
        and not _UNDER_DOCUMENT.match(s.text)  # "Under the ruling, the airport may ...": the ruling (set 22)
        and not _HOLDER.search(s.text)
        and not _SOURCE_GROUP.search(s.text)
        and not _LEANS_ON_WRITER.search(s.text)  # a verdict or a pledge: not a fact left unsourced
        # "Rob Tennant, the member of provincial parliament …, called on the company to …": a named person acts
        and not _NAMED_OPENING.match(s.text)
    ):
        why = (
            "Nobody is named or quoted as the source: the writer states it on their own authority, so you "
            "would have to check it elsewhere."
        )
        return NO_SOURCE, None, why
    return None


_PREDICTED_BEFORE = re.compile(r"\b(?:what|as)\s+$", re.IGNORECASE)
_CONDITION_FIRST = re.compile(r"^\W*(?:If|Unless|Provided|As long as)\b")
# Someone else's findings, neither the writer's fact nor unsourced: a body's people ("UN monitors have recorded 212
# violations", "Analysts at the International Monetary Fund have listed …", held-out set 45) or someone's count
# ("By the institute's count, 34 sawmills have closed", set 48)
_SOURCE_GROUP = re.compile(
    r"\b(?:[A-Z][\w.]*\s+)(?:monitors|analysts|inspectors|researchers|auditors|scientists|economists|investigators)\b"
    r"|\b(?i:monitors|analysts|inspectors|researchers|auditors|scientists|economists)"
    r" (?:at|from|with|for) (?:the )?[A-Z]"
    r"|(?i:\b(?:by|according to)\s+(?:the|its|their|our|his|her)\s+\w+['’]s?\s+(?:count|figures|estimates?|tally|"
    r"data|analysis|calculations?|reckoning)\b)"
)
# A document or an authority the sentence names as holding its facts: "In the paper's own terms, the hazard ratio
# was 1.29", "a 41-year-old whom police did not name" (held-out sets 37 and 38 keyed "no source")
_HOLDER = re.compile(
    r"\bthe (?:paper|study|report|survey|audit|review|analysis|filing|ruling|judgment|judgement|indictment|"
    r"charge sheet)['’]?s?\b|\b(?:police|prosecutors|investigators|detectives)\b"
    # "… and disclosed by Skarvøy before the market opened" (held-out set 39)
    r"|\b(?:disclosed|announced|confirmed|reported|published|revealed|filed|released)\s+by\b",
    re.IGNORECASE,
)


# Words of a paragraph that reports what someone said or found: its other sentences may carry on that
# report ("The results suggest ... And 31 per cent ..."), so none of them is the writer's own claim for sure.
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|attribut\w*|blam\w*|suggest\w*|found|finds|show(?:s|ed|n)?|reported|"
    r"reports|study|studies|survey\w*|research\w*|authors?|scientists?|findings|results|analysis|data|figures|records|estimat\w*|"
    r"insist\w*|argu\w*|claim\w*|believ\w*|heard|testif\w*|evidence|"
    # "Harcourt's board will tell you the numbers are perfectly defensible. Operating profit rose …" (set 59)
    r"(?:will|would)\s+(?:tell|say|point)|tell\s+you)\b",
    re.IGNORECASE,
)
_CARRIES_ON = re.compile(r"^(?:And|But|Also|So|Yet|Or|Still|Even so|Meanwhile)\b")


_AGREE_THAT = re.compile(
    r"\b(?:agree|agrees|agreed|accept|accepts|accepted|acknowledge[sd]?|admit(?:s|ted)?|concede[sd]?)\s+that\b",
    re.IGNORECASE,
)
_DOCUMENT_SAYS = re.compile(
    r"^(?:The|Its|Their|This|That)\s+(?:[\w-]+\s+)?(?:application|report|study|survey|document|plan|proposal|"
    r"filing|letter|statement|review|audit|assessment|consultation|paper|analysis|data|figures|records|"
    r"accounts|budget|forecast)\s+(?:gives|gave|shows|showed|says|said|states|stated|lists|listed|sets out|"
    r"estimates|estimated|finds|found|predicts|suggests|puts|puts|includes|included)\b"
)


def _figure_reported_elsewhere(article: Article, s: Sentence) -> bool:
    """A figure of the sentence that another sentence of the article attributes ("Skerry Air reported a
    12% rise" first, "Revenue rose 12% to £58 million" later): the later one restates a report."""
    figures = set(_FIGURE.findall(s.text))
    return bool(figures) and any(
        o is not s and _REPORTING.search(o.text) and figures & set(_FIGURE.findall(o.text)) for o in article.sentences
    )


_FIGURE = re.compile(r"\d[\d.,]*\d|\d")


_WARNING = re.compile(r"\b(?:warnings?|forecasts?|alerts?|advisor(?:y|ies)|outlook)\b", re.IGNORECASE)


def _under_warning(article: Article, s: Sentence) -> bool:
    """A guess that spells out an official warning or forecast named before it in its paragraph or heading ("A
    yellow warning for rain covers the region … Between 30mm and 50mm of rain may fall", held-out set 27): the
    forecasters', not the writer's."""
    p = article.paragraphs[s.paragraph]
    heading = article.headings[p.heading].value if p.heading is not None else ""
    return bool(_WARNING.search(article.text[p.start : s.start]) or _WARNING.search(heading))


def _reported_around(article: Article, s: Sentence) -> bool:
    """Whether the sentence may carry on someone else's report: it opens with "And"/"But", or a sentence
    of its paragraph up to it reports what someone said or found (held-out review: three "no source" keys
    on a study's results, told over several sentences), or the next one ends naming its source (set 16:
    "The recall covers two models ..." before "... were exported, the company said in a statement")."""
    if _CARRIES_ON.match(s.text):
        return True
    p = article.paragraphs[s.paragraph]
    if _REPORTING.search(article.text[p.start : s.end]):
        return True
    following = next((n for n in article.sentences if n.start >= s.end), None)
    if following is not None and following.paragraph == s.paragraph and _TRAILING_SOURCE.search(following.text):
        return True
    # whose figures these are, said later in the paragraph ("Thirty-eight children gone from the roll … Those aren't
    # my numbers … They are Ofsted's"), or figures going on from a paragraph that reported some ("…, the figures
    # showed." before "At the Cairns … more than a quarter of … patients were overdue"): held-out set 66
    if _DATA_TALK.search(article.text, s.end, p.end):
        return True
    if s.paragraph and _AMOUNT.search(s.text):
        before = article.paragraphs[s.paragraph - 1]
        if _DATA_TALK.search(article.text, before.start, before.end):
            return True
    # the paragraph before ends naming its source ("…, the researchers reported.") and this one goes on with the
    # same results (held-out set 55: "Side effects were mostly mild: …" keyed no source)
    i = bisect.bisect_left(_sentence_starts(article), s.start)
    sentences = article.sentences
    if i >= len(sentences) or sentences[i] is not s or (i and sentences[i - 1].paragraph == s.paragraph):
        return False  # not the paragraph's first sentence (nor a clause cut from one)
    j = i - 1
    while j >= 0 and sentences[j].end > p.start:
        j -= 1
    return j >= 0 and bool(_TRAILING_SOURCE.search(sentences[j].text))


_DATA_TALK = re.compile(r"\b(?:figures|numbers|data|statistics|stats)\b", re.IGNORECASE)
_AMOUNT = re.compile(
    r"\d|\b(?:a|one|two|three)\s+(?:quarter|third|fifth|tenth)s?\b|\b(?:half|majority)\b", re.IGNORECASE
)

# "..., the company said in a statement on Wednesday.": a source named at the end of the next sentence may
# cover the sentence before it too.
_TRAILING_SOURCE = re.compile(
    r",\s+(?:the\s+|its\s+|a\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,4}\s+(?:said|says|told|added|reported|estimated|wrote)\b[^.!?]*[.!?]?\s*$",
    re.IGNORECASE,
)


@generator("bias.source", VERSION, "bias")
def source(corpus: Corpus, rng: random.Random) -> list[Question]:
    """Who is the source of this claim: a named person, a named organisation, an unnamed
    source, or none? Only sentences where exactly one of these applies."""
    return _planned(corpus, rng, "source")


def _source_item(plan: _Plan, article: Article, s: Sentence, cues: list[Cue], pos: _Positions) -> Question | None:
    if not _claims(article, s):
        return None
    found = _attribution(article, s, cues)
    if found is None:
        return None
    key, who_span, why = found
    evidence = [_evidence(article, *who_span)] if who_span else []
    return make_question(
        kind="source",
        form="single",
        skill="bias",
        prompt=f"Who is given as the source of this claim?\n\n{_quoted(s.text)}",
        answer=[key],
        options=pos.place(key, [o for o in SOURCE_OPTIONS if o != key]),
        explanation=why,
        evidence=[*evidence, _evidence(article, s.start, s.end)],
        generator="bias.source",
        generator_version=VERSION,
        technique="vague_source",
        difficulty=0.4,
        tags=("bias", "source"),
    )


# -- say it neutrally -----------------------------------------------------------------------


@generator("bias.neutral_rewrite", VERSION, "bias")
def neutral_rewrite(corpus: Corpus, rng: random.Random) -> list[Question]:
    """Rewrite a sentence without its loaded words; the model answer swaps each for the
    neutral alternative of its word list (self-checked)."""
    return _planned(corpus, rng, "neutral_rewrite")


def _reports_something(s: Sentence) -> bool:
    """A sentence that reports an event or a claim: a name or a number, so a neutral rewrite keeps
    content (not "the world watches as these moments unfold")."""
    words = word_spans(s.text)
    names = [a for a, _b in words[1:] if s.text[a].isupper()]
    return bool(re.search(r"\d", s.text)) or bool(names)


def _rewrite_item(plan: _Plan, article: Article, s: Sentence, cues: list[Cue], pos: _Positions) -> Question | None:
    loaded = [c for c in cues if c.category == "loaded_language"]
    if not loaded or not _usable(article, s) or not _reports_something(s) or _severity_in(s.text):
        return None  # no loaded word: nothing to rewrite (the cheapest test first)
    if any(c.category in ("opinion", "engagement_bait", "vague_source", "motive_guessing") for c in cues):
        return None  # the writer's opinion stays an opinion in any wording, an unnamed source unnamed
    if _REVIEWED.search(article.title) or _RATING.search(article.text):
        return None  # a review's sentences are the critic's verdicts: "a stunning image" -> "a surprising image"
    if any(not c.alternative for c in loaded) or _evaluative_outside(s, loaded):
        return None  # a judgement word left in the model answer ("a major gamble") would still steer
    if _emotive_outside(s, loaded) or _shouted(s.text):
        return None  # "Po-faced", "FORCED", "outstanding", "yes, THAT Ostley" left in the model answer would steer
    if _shouts_loaded_words(article):
        return None  # a page that shouts "AXED" and "TEARS" loads more words than the lists know (held-out set 64)
    if any(_DEMAND_CLAUSE.match(s.text, c.end - s.start) for c in loaded):
        return None  # "insisted that the valley be added" -> "said that … be added" breaks the grammar (set 44)
    if any(_SAID_ON.match(s.text, c.end - s.start) and c.alternative in _SAYS for c in loaded):
        return None  # "insisted on its own coast guard" -> "said on its own coast guard" (held-out set 75)
    # "Gravonia, for all its bluster, has …" -> "for all its talk": the concession stays a jibe; "… were hardly
    # blameless in the … scandal" -> "controversy": the understatement still steers (held-out set 87)
    if any(_FOR_ALL_BEFORE.search(s.text, 0, c.start - s.start) for c in loaded) or _UNDERSTATED.search(s.text):
        return None
    # "has insisted, with a straight face, that …" -> "said": the sneer stays (held-out set 95); "did remarkable
    # work" -> "notable work": the stand-in still praises (set 93)
    if _STRAIGHT_FACE.search(s.text) or any(_has_evaluative(c.alternative) for c in loaded):
        return None
    model = _replace(s, loaded)
    if re.search(r"\b(\w+)\s+\1\b", model, re.IGNORECASE) and not re.search(r"\b(\w+)\s+\1\b", s.text, re.IGNORECASE):
        return None  # "state-of-the-art new lifeboat" -> "new new lifeboat"
    words = ", ".join(f"{_quoted(c.text)} → {_quoted(c.alternative)}" for c in loaded)
    return make_question(
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
        evidence=[_evidence(article, c.start, c.end) for c in loaded] + [_evidence(article, s.start, s.end)],
        generator="bias.neutral_rewrite",
        generator_version=VERSION,
        technique="loaded_language",
        difficulty=0.6,
        tags=("bias", "loaded_language"),
    )


_STRAIGHT_FACE = re.compile(r"\b(?:with a straight face|straight-faced|keeping a straight face)\b", re.IGNORECASE)
_FOR_ALL_BEFORE = re.compile(r"\bfor all (?:its|his|her|their|the|that|this)\s+$", re.IGNORECASE)
_UNDERSTATED = re.compile(r"\b(?:hardly|scarcely|barely|far from|not exactly|not entirely)\s+[a-z]+(?:less|ful|ent)\b")
_DEMAND_CLAUSE = re.compile(r"\s+that\s+[^.;]{1,80}?\s+(?:be|not be|have)\b")
_SAID_ON = re.compile(r"\s+(?:on|upon)\b")  # a verb's own preposition, which "said" does not take
_SAYS = frozenset({"say", "says", "said", "saying"})


# A review, by its title or a star rating (held-out set 5: two rewrites of a theatre critic's verdicts kept a
# verdict, "the production's success", "a surprising image")
_REVIEWED = re.compile(r"\breview\b", re.IGNORECASE)
_RATING = re.compile(r"[★☆]{3,}|\b[0-5](?:\.5)?\s*(?:/|out of)\s*(?:5|five)\b")


def _emotive_outside(s: Sentence, cues: list[Cue]) -> bool:
    """A strongly emotive describing word (the sentiment guard: "outstanding", "remarkable") or a shouted
    one ("FORCED") outside the cues: what a rewrite of the cues alone would leave steering."""
    reported = _reported_from(s.text)  # "many believe the club is panicking": the believers' word
    for a, _b, word in _tokens(s.text, s.start):
        if any(c.start <= a < c.end for c in cues) or (reported is not None and a - s.start >= reported):
            continue
        describing = "-" in word or word.lower().endswith(_DESCRIBING_SHAPES)  # not a noun such as "crisis"
        if (describing and word.lower() in _emotive_words()) or (len(word) >= 5 and word.isupper()):
            return True
    return False


_DESCRIBING_SHAPES = ("ed", "ing", "ous", "ful", "ive", "able", "ible", "ic", "al", "less", "ly", "ish", "est")


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


_BUILDERS = {
    "passage": _passage_question,
    "fact_opinion": _kind_item,
    "source": _source_item,
    "neutral_rewrite": _rewrite_item,
    "mark_words": _mark_item,
    "which_word": _which_item,
}


# -- comparing coverage ---------------------------------------------------------------------


def _label(article: Article) -> str:
    return article.title


def _sized(article: Article) -> str:
    return f"{_label(article)} ({article.words} words)"


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
    positions = _Positions(rng)
    for category, ask in (
        ("hedge", "Which article uses the most hedges per 100 words?"),
        ("vague_source", "Which article relies most on vague or unnamed sources per 100 words?"),
    ):
        q = _most_question(articles, category, ask, positions)
        if q:
            out.append(q)
    q = _question_headline(articles, positions)
    if q:
        out.append(q)
    out += _consistency(articles)
    return out


def _most_question(articles: list[Article], category: str, ask: str, pos: _Positions) -> Question | None:
    """Which article has the most cues of a category per 100 words. A learner can only do this
    with the words to count and each article's length, so the prompt gives both; it is asked only
    with a clear margin, and warns to compare rates when the longest list of hits is elsewhere."""
    rates = [(_rate(a, category), a) for a in articles]
    ranked = sorted(rates, key=lambda r: -r[0][0])
    (top_rate, top_cues), top = ranked[0]
    second = ranked[1][0][0]
    # Only with a clear margin: a reader counting roughly must reach the same answer.
    if len(top_cues) < 3 or top_rate < 1.5 * second or len({_label(a) for a in articles}) != len(articles):
        return None
    counted = sorted({c.text.lower() for (_r, cues), _a in rates for c in cues})
    # A learner counts every use of the listed words (quizlib leaves out "could not", "may" of
    # permission ...): the key must be the same under that count, with the same margin (held-out review).
    plain = sorted(((_plain_rate(a, counted), a) for a in articles), key=lambda r: -r[0])
    if plain[0][1] is not top or plain[0][0] < 1.5 * plain[1][0]:
        return None
    most_hits = max(len(cues) for (_r, cues), _a in rates)
    prompt = (
        f"{ask}\n\nCount these {CATEGORY_LABELS[category]} words and phrases where the writer uses them "
        f"(not inside quotations): {', '.join(_quoted(w) for w in counted)}. Each option gives the "
        "article's length."
    )
    if len(top_cues) < most_hits:
        prompt += (
            "\n\nCompare rates, not totals: a long article can use more of them in all and still fewer per "
            "100 words (hits ÷ words × 100)."
        )
    table = "; ".join(f"{_label(a)}: {len(c)} in {a.words} words = {r:.1f}" for (r, c), a in ranked)
    table += (
        f". These count each word where it works as a {CATEGORY_LABELS[category]} cue; counting every use of "
        f"the words outside quotations gives the same leader ({plain[0][0]:.1f} per 100 words, next "
        f"{plain[1][0]:.1f})"
    )
    return make_question(
        kind="compare_coverage",
        form="single",
        skill="bias",
        prompt=prompt,
        answer=[_sized(top)],
        options=pos.place(_sized(top), [_sized(a) for a in articles if a is not top]),
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


def _plain_rate(article: Article, words: list[str]) -> float:
    """Uses per 100 words of any of `words` outside quotations, as a learner would count them."""
    if not words:
        return 0.0
    rx = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", re.IGNORECASE)
    hits = 0
    for p in article.paragraphs:
        text = article.text[p.start : p.end]
        for a, b in reversed(quote_spans(text)):
            text = text[:a] + " " * (b - a) + text[b:]
        hits += len(rx.findall(text))
    return 100 * hits / max(article.words, 1)


def _question_headline(articles: list[Article], pos: _Positions) -> Question | None:
    """Which headline is a question: the options are the headlines themselves (what learners
    see), and only the main headline counts, not question lines in the body."""
    asking = [a for a in articles if a.title_span and a.title.rstrip().endswith("?")]
    if len(asking) != 1 or len(articles) < 3:
        return None
    a = asking[0]
    labels = [x.title for x in articles if x is not a]
    if len(set(labels)) != len(labels) or a.title in labels or any(not x.strip() for x in labels):
        return None
    t = a.title_span
    return make_question(
        kind="compare_coverage",
        form="single",
        skill="bias",
        prompt="One of these headlines is written as a question instead of a statement. Which one?",
        answer=[a.title],
        options=pos.place(a.title, labels),
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
    described: dict[str, list[tuple[Article, list[tuple[str, int, int]]]]] = defaultdict(list)
    for a in articles:  # name -> the articles that describe it, in corpus order (not names x articles)
        for name, uses in _descriptions(a).items():
            described[name].append((a, uses))
    out: list[Question] = []
    for name in sorted(described):
        former: list[tuple[Article, tuple[str, int, int]]] = []
        current: list[tuple[Article, tuple[str, int, int]]] = []
        for a, uses in described[name]:
            f = [u for u in uses if u[0].lower().startswith("former")]
            c = [u for u in uses if not u[0].lower().startswith(("former", "then", "acting"))]
            if f and not c:
                former.append((a, f[0]))
            elif c and not f:
                current.append((a, c[0]))
        if not former or not current:
            continue
        fu, cu = former[0][1], current[0][1]
        f_desc, c_desc = fu[0], cu[0]
        if normalize_answer(f_desc) == normalize_answer(c_desc):
            continue
        # Every article that gives one of the two readings is an item (not just one of each: with two
        # items and two options the second match is forced); the options name the reading, so
        # "former US President" and "former U.S. President" are one option.
        title = c_desc
        was, now = f"former {title}", title
        pairs = [(a, u, was) for a, u in former] + [(a, u, now) for a, u in current]
        pairs.sort(key=lambda p: articles.index(p[0]))
        said = "; ".join(f"“{_label(a)}” calls {name} {_quoted(u[0])}" for a, u, _ in pairs)
        out.append(
            make_question(
                kind="compare_coverage",
                form="match",
                skill="bias",
                prompt=(
                    f"The articles do not agree on whether {name} is {now} or {was}, a fact anyone can check "
                    f"for a given date. Match each article to how it describes {name}."
                ),
                items=[_label(a) for a, _, _ in pairs],
                options=sorted({was, now}),
                answer=[reading for _, _, reading in pairs],
                explanation=(
                    f"{said}. This is not a difference of wording: on a given date a person either holds a "
                    "title or no longer does. If two of these articles were written on the same date, they "
                    "cannot both be right; if not, each must be right for its own date. Check when each "
                    "article was written (its date line, where it has one) and another source; an article that "
                    "gets a checkable fact like this wrong deserves more care in its other claims too."
                ),
                evidence=[_evidence(a, u[1], u[2]) for a, u, _ in pairs],
                generator="bias.compare_coverage",
                generator_version=VERSION,
                technique="consistency",
                difficulty=0.5,
                tags=("bias", "compare", "consistency"),
            )
        )
    return out


quicken(globals())  # the rules above, with a first-letter lookahead: same matches, faster
