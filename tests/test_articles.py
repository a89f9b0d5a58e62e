"""The article loader: seeds, our own articles on other topics, and every kind of bad input."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quizlib
from quizlib import errors
from quizlib.articles import MAX_ARTICLE_BYTES, load_article, load_corpus, parse_article, seed_dir

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "loader"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def seeds():
    return load_corpus()


def reasons(article) -> list[str]:
    return [c.reason for c in article.chrome]


# -- the seeds ----------------------------------------------------------------------------------


def test_seed_files_are_byte_for_byte_copies():
    with (seed_dir() / "manifest.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 5
    for row in rows:
        data = (seed_dir() / row["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"], row["file"]
        if SHARED_SEEDS.is_dir():
            assert data == (SHARED_SEEDS / row["source_file"]).read_bytes()


def test_seed_corpus_in_manifest_order(seeds):
    assert [a.id for a in seeds] == ["analysis", "explainer", "news-site", "blog", "short-news"]
    assert not seeds.problems
    assert all(a.style for a in seeds)


def test_seed_titles(seeds):
    for article in seeds:
        first_line = next(line for line in article.text.splitlines() if line.strip())
        if article.id == "news-site":  # its first line is a breadcrumb, set aside
            assert "breadcrumb" in reasons(article)
            assert article.title in first_line and article.title != first_line
        elif article.id == "short-news":  # its first line is a category label
            assert next(t.value for t in article.tags) == first_line
        else:
            assert article.title == first_line


def test_seed_metadata(seeds):
    assert seeds["news-site"].byline.value == "James Carter"
    assert seeds["news-site"].author_role == "Senior News Editor"
    assert seeds["explainer"].date.value == "May 19, 2025"
    assert [t.value for t in seeds["short-news"].tags] == ["Politics", "President Trump", "Russia", "Ukraine"]
    for article in seeds:
        for field in filter(None, [article.byline, article.date, *article.tags]):
            assert article.text[field.start : field.end] == field.value


def test_seed_chrome_is_set_aside_with_reasons(seeds):
    assert sorted(reasons(seeds["explainer"])) == sorted(
        [
            "reading time",
            "title repeated",
            "title repeated",
            "table of contents",
            "table of contents",
            "title repeated",
            "title repeated",
            "interface label",
        ]
    )
    assert sorted(reasons(seeds["news-site"])) == sorted(
        ["breadcrumb", "related links", "comment form", "comment form", "ad-blocker notice", "ad-blocker notice"]
    )
    assert reasons(seeds["short-news"]) == ["title repeated"]
    assert reasons(seeds["analysis"]) == [] and reasons(seeds["blog"]) == []
    for article in seeds:
        for c in article.chrome:
            assert article.text[c.start : c.end] == c.text
            assert c.text not in article.body


def test_seed_sentence_counts_checked_by_hand(seeds):
    assert {a.id: len(a.sentences) for a in seeds} == {
        "analysis": 39,
        "explainer": 56,
        "news-site": 28,
        "blog": 106,
        "short-news": 19,
    }


def test_seed_headings(seeds):
    assert len(seeds["analysis"].headings) == 5  # markdown bold headings
    assert len(seeds["blog"].headings) == 6  # no blank lines at all in that text
    assert all(not h.value.startswith("**") for h in seeds["analysis"].headings)
    assert seeds["blog"].headings[-1].value.endswith("?")


def test_bullets_keep_their_label_out_of_the_sentence(seeds):
    bullets = [p for p in seeds["explainer"].paragraphs if p.bullet]
    assert len(bullets) == 18 and all(p.lead for p in bullets)
    first = seeds["explainer"].sentences
    assert not any(s.text.startswith(("•", "Personal Ambition:")) for s in first)


# -- articles we wrote on other topics --------------------------------------------------------


def test_news_page_with_chrome():
    a = load_article(FIXTURES / "council-budget.txt")
    assert a.id == "council-budget"
    assert a.title == "City Council Approves Harbor Budget After Long Debate"
    assert (a.byline.value, a.author_role, a.date.value) == ("Maria Lopez", "City Reporter", "4 March 2024")
    assert reasons(a) == [
        "breadcrumb",
        "reading time",
        "title repeated",
        "share buttons",
        "related links",
        "comment form",
        "copyright notice",
    ]
    texts = [s.text for s in a.sentences]
    assert "Council member Dr. Peter Okafor voted against it." in texts
    assert "Critics said the U.S. Army Corps of Engineers had not yet reviewed the sea wall design." in texts
    assert "Two small parks open along the quay in Sept. 2025." in texts  # label "Parks:" set apart
    assert [h.value for h in a.headings] == ["What the money pays for"]  # markdown bold, unwrapped
    assert len(texts) == 10


def test_hard_wrapped_markdown_is_joined_into_paragraphs():
    a = load_article(FIXTURES / "soil-wrapped.md")
    assert a.title == "Farmers Test New Soil Sensors"
    assert [h.value for h in a.headings] == ["Early results"]
    assert len(a.paragraphs) == 4
    assert a.sentences[1].text.startswith("Farmers in the Lenna valley") and a.sentences[1].text.endswith("every hour.")
    assert a.sentences[0].text == "A field trial in the valley reports its first results."  # emphasis trimmed
    assert len(a.sentences) == 6


def test_text_without_blank_lines():
    a = load_article(FIXTURES / "transfer-noblank.txt")
    assert a.title == "Club Signs Young Striker in Record Deal"
    assert [h.value for h in a.headings] == ["What the Coach Said", "Fans Divided"]
    assert [p.heading for p in a.paragraphs] == [None, 0, 1]
    assert len(a.sentences) == 8


def test_saved_web_page_through_trafilatura():
    a = load_article(FIXTURES / "page.html")
    assert a.title == "Library Opens Late-Night Study Hall"
    assert a.byline.value == "Sam Okoro"
    assert a.date.value == "2024-10-08"
    assert "Home" not in a.body and "You may also like" not in a.body and "newsletter" not in a.body
    assert a.sentences[0].text.startswith("The Northbridge public library")
    assert len(a.sentences) == 6


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Home » Sport » Cup final", "breadcrumb"),
        ("News › World › Floods › Latest", "breadcrumb"),
        ("4 min read", "reading time"),
        ("Leave a Reply", "comment form"),
        ("You might also like", "related links"),
        ("Recommended for you", "related links"),
        ("Ad Blocker Detected", "ad-blocker notice"),
        ("Table of Contents", "table of contents"),
        ("CLOSE", "interface label"),
        ("Share on Facebook", "share buttons"),
        # held-out sets 26 and 27: a correction keyed a fact claim, an editor's note a true/false
        ("Correction: An earlier version of this article gave her age as 81.", "correction note"),
        ("Editor's note: This article was updated at 4.40pm to add a comment.", "correction note"),
        # held-out set 28: a saved Facebook-group thread's buttons and reaction counts
        ("Reply", "interface label"),
        ("👍 212 · 💬 5 comments shown of 187 · ↪ 64 shares", "reaction counts"),
        ("👍 402 · ❤️ 118", "reaction counts"),
    ],
)
def test_chrome_patterns_are_general(line, reason):
    text = f"A Headline About Local Floods\n\n{line}\n\nThe river rose two meters overnight, officials said.\n"
    assert reasons(parse_article(text, "x")) == [reason]


def test_line_after_adblock_notice_is_set_aside_too():
    text = (
        "Town Fair Opens\n\nThe fair opened on Friday with forty stalls and a brass band.\n\n"
        "AdBlock Detected\nWe rely on ads to keep the lights on, thanks for understanding.\n"
    )
    a = parse_article(text, "x")
    assert reasons(a) == ["ad-blocker notice", "ad-blocker notice"]
    assert "lights" not in a.body


def test_plain_heading_is_not_mistaken_for_chrome():
    text = "Budget Vote Delayed\n\nShare Prices Fell Sharply\n\nThe index lost four percent on Monday, its worst day.\n"
    a = parse_article(text, "x")
    assert reasons(a) == [] and [h.value for h in a.headings] == ["Share Prices Fell Sharply"]


def test_windows_line_endings_and_bom(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes("\ufeffRain Ends Drought\r\n\r\nRain fell for three days. Farmers were relieved.\r\n".encode())
    a = load_article(p)
    assert a.title == "Rain Ends Drought" and "\r" not in a.text and not a.text.startswith("\ufeff")
    assert [s.text for s in a.sentences] == ["Rain fell for three days.", "Farmers were relieved."]


# -- bad input ------------------------------------------------------------------------------


def test_missing_path():
    with pytest.raises(errors.MissingPathError, match="nope.txt: no such file"):
        load_article("nope.txt")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \n"])
def test_empty_file(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    with pytest.raises(errors.EmptyArticleError, match="empty.txt: is empty"):
        load_article(p)


def test_binary_file(tmp_path):
    p = tmp_path / "photo.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(errors.BinaryFileError, match="photo.txt: is a binary file"):
        load_article(p)


def test_undecodable_file(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Caf\xe9 opens. It serves tea.".encode("latin-1"))
    with pytest.raises(errors.DecodeError, match=r"latin.txt: is not UTF-8 text \(bad byte at position 3\)"):
        load_article(p)


def test_too_large(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_text("word " * (MAX_ARTICLE_BYTES // 5 + 1))
    with pytest.raises(errors.ArticleTooLargeError, match="huge.txt: is .* bytes; articles are limited to 2,000,000"):
        load_article(p)


def test_unsupported_format(tmp_path):
    p = tmp_path / "notes.docx"
    p.write_bytes(b"PK\x03\x04")
    with pytest.raises(errors.UnsupportedFormatError, match="notes.docx: unsupported file type '.docx'"):
        load_article(p)


def test_folder_without_articles(tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n")
    with pytest.raises(errors.NoArticlesError, match="holds no article files"):
        load_corpus(tmp_path)


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "good.txt").write_text("Bridge Reopens\n\nThe bridge reopened on Monday after repairs.\n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa broken")
    (tmp_path / "empty.md").write_text("")
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus] == ["good"]
    assert sorted(Path(p.path).name for p in corpus.problems) == ["bad.txt", "empty.md"]
    assert isinstance(corpus.problems[0].error, errors.ArticleError)


def test_folder_where_nothing_loads(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(errors.NoArticlesError, match="no article could be loaded"):
        load_corpus(tmp_path)


def test_duplicate_ids_are_made_unique(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for d in ("a", "b"):  # two stories with one file name (the same text twice is loaded once)
        (tmp_path / d / "story.txt").write_text(f"Story\n\nSomething happened on Monday in town {d}.\n")
    corpus = load_corpus([tmp_path / "a", tmp_path / "b"])
    assert [a.id for a in corpus] == ["story", "story-2"]


# -- spans ----------------------------------------------------------------------------------


def all_fixture_articles():
    return [*load_corpus(), *(load_article(p) for p in sorted(FIXTURES.iterdir()))]


def check_spans(article):
    previous_end = 0
    for s in article.sentences:
        assert article.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        previous_end = s.end
        p = article.paragraphs[s.paragraph]
        assert p.start <= s.start and s.end <= p.end
        assert not any(c.start < s.end and s.start < c.end for c in article.chrome)


def test_every_sentence_span_matches_its_text():
    for article in all_fixture_articles():
        check_spans(article)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=st.characters(codec="utf-8"), max_size=120),
            st.sampled_from(["", "  • Item: Text here.", "**Bold Heading**", "Home » a » b", "By Ann Lee", "close"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_spans_hold_for_any_text(lines):
    text = "\n".join(lines)
    if not text.strip():
        with pytest.raises(errors.EmptyArticleError):
            parse_article(text, "x")
        return
    check_spans(parse_article(text, "x"))


def test_package_exports_are_lazy():
    assert quizlib.load_corpus is load_corpus
    assert quizlib.__version__


def test_the_same_story_twice_is_loaded_once_and_reported(tmp_path):
    """Instructor walkthrough: a .txt and a saved page of one story both loaded, so every question was
    asked twice."""
    paragraphs = [
        "The town library opened a repair café on Saturday, where volunteers mend lamps, bikes and coats.",
        "Forty residents brought broken things on the first morning, and most went home with them fixed.",
    ]
    (tmp_path / "a-story.txt").write_text(
        "Library Opens Repair Café\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8"
    )
    page = "".join(f"<p>{p}</p>" for p in paragraphs)
    (tmp_path / "b-story.html").write_text(
        f"<html><head><title>Library Opens Repair Café</title></head><body><article><h1>Library Opens Repair Café</h1>"
        f"{page}</article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "c-other.txt").write_text(
        "Ferry Timetable Changes\n\nThe island ferry will leave half an hour earlier from Monday, the operator said.\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert [a.id for a in corpus] == ["a-story", "c-other"]
    (problem,) = corpus.problems
    assert isinstance(problem.error, errors.DuplicateArticleError)
    assert problem.path.endswith("b-story.html") and "a-story.txt" in str(problem.error)


def test_a_page_with_only_a_menu_is_no_article(tmp_path):
    """Instructor walkthrough: a saved page with a nav bar and "(c) 2026" loaded as an article dated
    2026-01-01 (the date guessed from the copyright line)."""
    page = tmp_path / "menu.html"
    page.write_text(
        "<html><head><title>Riverside News</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a>"
        " <a href='/sport'>Sport</a></nav><footer>(c) 2026 Riverside News</footer></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(errors.EmptyArticleError, match="menu.html: has no running text"):
        load_article(page)


# -- page furniture of real web pages (held-out review, Dec 2026) --------------------------------

_PAGE = """Ferry fares to rise in spring | Harbour Post
Skip to main content
Harbour Post  |  News  Sport  What's On  Property  Subscribe  Sign in
Home > News > Transport
Ferry fares to rise in spring
By Lena Okafor, Transport Reporter
09:15, Tuesday 4 March  |  Updated 11:40
3 min read
Transport  Ferries  Isle of Brenn
Share on Facebook   Share on X   Email   Copy link

The island ferry company will raise fares by six per cent from April, it said on Tuesday, after its fuel bill doubled.

The operator said the rise was the first in four years and that season tickets would be frozen.

Do you have a story about your commute? Email desk@harbourpost.example

Related stories
Ferry timetable cut for the winter
New pier opens after two years of work
Comments (12)  |  Show comments
Most read
1. Bakery wins regional prize
2. Road to the lighthouse closes for repairs
Follow us: Facebook  X  Instagram
About us  |  Contact  |  Privacy notice  |  Terms and conditions
"""


def test_page_furniture_around_a_news_post_is_set_aside():
    a = parse_article(_PAGE, "ferry")
    assert a.title == "Ferry fares to rise in spring"  # the browser title's site name cut by the repeated headline
    assert a.byline.value == "Lena Okafor" and a.date.value == "4 March"
    assert [t.value for t in a.tags] == ["Transport", "Ferries", "Isle of Brenn"]
    assert a.headings == ()
    assert [s.text[:20] for s in a.sentences] == ["The island ferry com", "The operator said th"]
    assert reasons(a).count("related links") == 6  # two labels, two headlines, two numbered ones
    assert {"navigation links", "share buttons", "tip line", "comment form", "title repeated"} <= set(reasons(a))


def test_a_row_of_links_in_the_body_is_no_text():
    text = (
        "Floods Close Valley Road\n\nThe valley road closed on Monday after the river burst its banks near the mill. "
        "Water reached the first floor of two houses on Mill Lane, and the fire service moved eleven families to the "
        "school hall overnight, where volunteers served soup until the early hours.\n\n"
        "Floods  Mill Lane  River Brenn\n\nCrews expect to reopen it by Friday, the council said.\n"
    )
    a = parse_article(text, "x")
    assert reasons(a) == ["link list"] and a.tags == () and len(a.sentences) == 3
    assert (
        parse_article(text.replace("Mill Lane  River Brenn", "Mill Lane  Weather"), "x").chrome[0].reason
        == "navigation links"
    )


def test_headline_after_a_related_label_is_kept_when_text_follows():
    text = (
        "Library Extends Hours\n\nThe library will open until ten on weekdays from May, the council said on Monday.\n\n"
        "Read more\n\nWhat Readers Asked For\n\nA survey of 900 members found most wanted later hours on weekdays.\n"
    )
    a = parse_article(text, "x")
    assert reasons(a) == ["related links"] and [h.value for h in a.headings] == ["What Readers Asked For"]


def test_question_lines_of_an_explainer_are_headings():
    text = (
        "Bus Strike Explained\n\nDrivers at the city's bus company will strike for two days next week.\n\n"
        "Why are drivers striking?\n\nThe union says pay has fallen behind prices for three years running.\n\n"
        "Which routes are affected?\n\nAll twelve city routes will stop, but school buses will still run.\n"
    )
    a = parse_article(text, "x")
    assert [h.value for h in a.headings] == ["Why are drivers striking?", "Which routes are affected?"]
    assert [p.heading for p in a.paragraphs] == [None, 0, 1]


def test_a_single_rhetorical_question_line_stays_text():
    text = (
        "Why I Still Take the Bus\n\nEvery morning I wait at the same stop with the same neighbours.\n\n"
        "So what keeps me coming back?\n\nThe driver knows my name, and the ride costs less than parking does.\n"
    )
    a = parse_article(text, "x")
    assert a.headings == () and any(s.text == "So what keeps me coming back?" for s in a.sentences)


@pytest.mark.parametrize(
    ("line", "byline", "date"),
    [
        ("Posted by Gemma Hale on The Valley Blog | March 7", "Gemma Hale", "March 7"),
        ("Updated March 8 | 6 min read", None, "March 8"),
        ("14:32, Wednesday 22 May  |  Updated 16:05", None, "22 May"),
    ],
)
def test_bylines_and_dates_without_a_year(line, byline, date):
    body = "The market hall reopened on Saturday after a year of repairs costing two million."
    text = f"Market Hall Reopens\n\n{line}\n\n{body}\n"
    a = parse_article(text, "x")
    assert (a.byline.value if a.byline else None) == byline and a.date.value == date
    assert a.headings == ()


def test_a_sentence_with_a_date_is_no_date_line():
    body = "The market hall reopened on Saturday after a year of repairs costing two million."
    text = f"Market Hall Reopens\n\nThe vote is on March 9.\n\n{body}\n"
    a = parse_article(text, "x")
    assert a.date is None and a.sentences[0].text == "The vote is on March 9."


def test_wire_credit_line_is_set_aside():
    credit = "(Reporting by Sam Ode; Editing by Jo Park)"
    text = f"Port Reopens\n\nThe port reopened on Friday after the storm, officials said.\n\n{credit}\n"
    assert reasons(parse_article(text, "x")) == ["credit line"]


def test_saved_page_headings_stand_apart_and_desk_is_no_author(tmp_path):
    page = tmp_path / "rates.html"
    page.write_text(
        "<html><head><title>Rates rise again | The Ledger</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><h1>Rates rise again</h1><p class='byline'>By Owen Hart, Business &amp; Money Correspondent</p>"
        "<p>The central bank raised its main rate to four per cent on Thursday, the third rise this year.</p>"
        "<h2>Where the money goes from</h2><p>Savers will earn more on deposits, while borrowers on variable loans "
        "will pay more each month, the bank said in its statement.</p>"
        "<h2>What comes next</h2><p>Economists expect one more rise before the end of the year, though some "
        "think the bank will wait.</p></article></body></html>",
        encoding="utf-8",
    )
    a = load_article(page)
    assert [h.value for h in a.headings] == ["Where the money goes from", "What comes next"]  # no run-on into the text
    assert a.byline is None or a.byline.value == "Owen Hart"


# -- second held-out set (a press release, a council letter, a recipe blog, a column) ------------


def test_press_release_notes_after_the_end_mark_are_set_aside():
    text = (
        "Trust Opens New Ward\n\nFOR IMMEDIATE RELEASE\n\nThe trust opened a new ward on Monday with twenty beds for "
        "older patients.\n\nENDS\n\nNotes to editors\n\n1. The trust runs three hospitals.\n\n"
        "2. Media enquiries: Press Office, 0113 496 0000.\n"
    )
    a = parse_article(text, "x")
    assert [s.text[:12] for s in a.sentences] == ["The trust op"]
    assert reasons(a)[:2] == ["release label", "end of release"] and reasons(a).count("after the end mark") == 3


def test_letter_contact_block_and_signature_are_no_text_or_headings():
    text = (
        "Notice to Members\n\nWe are writing to tell you that the pool will close for repairs from 3 June.\n\n"
        "What you should do\n\nBook your swim at the other pool in town while the work goes on.\n\n"
        "Telephone: 0161 496 0000\nMonday to Friday, 9am to 6pm\nClosed Sundays and bank holidays\n\n"
        "Ana Reyes\nHead of Leisure Services\nTown Council\n"
    )
    a = parse_article(text, "x")
    assert [h.value for h in a.headings] == ["What you should do"]
    assert reasons(a) == ["contact details", "opening hours", "opening hours", "sign-off", "sign-off", "sign-off"]


def test_recipe_blog_furniture_and_reader_comments():
    text = (
        "Granny's Oat Loaf\n\nCrumbs > Bread > Oat Loaf\nPosted on 14 March 2024 by Jess | Updated 2 September 2024\n"
        "12 comments\n\nJump to recipe | Print recipe\n\nThis post may contain affiliate links. I may earn a small "
        "commission.\n\nPin this for later!\n\nMy granny baked this loaf every Saturday in her kitchen by the sea.\n\n"
        "You might also like: Seeded rolls | Soda bread\n\nKaren W. - March 15, 2024 at 9:12 am\n"
        "Made this today and it is gorgeous, thank you so much.\n\nLeave a reply\n"
    )
    a = parse_article(text, "x")
    assert a.date.value == "14 March 2024" and a.headings == ()
    assert [s.text[:9] for s in a.sentences] == ["My granny"]
    assert {"breadcrumb", "recipe buttons", "affiliate disclosure", "reader comment", "related links"} <= set(
        reasons(a)
    )


def test_team_byline_in_emphasis_and_a_columnist_s_note():
    explainer = parse_article(
        "# Ward Changes Explained\n\n*By the Vale Today explainers team | Updated 13 September 2024*\n\n"
        "If you live nearby, you have probably heard that the ward will close in December.\n",
        "x",
    )
    assert explainer.byline.value == "the Vale Today explainers team" and explainer.date.value == "13 September 2024"
    column = parse_article(
        "They Are Closing Our Ward\n\nBy Moira Fenwick\n\nMoira Fenwick is a retired teacher and the founder of a "
        "campaign group.\n\nOn Wednesday eleven people decided that the ward will close in December.\n",
        "y",
    )
    assert reasons(column) == ["author note"] and column.sentences[0].text.startswith("On Wednesday")


# -- third held-out set (a live blog, an interview, a listicle, a business report, a weather page) --


def test_live_blog_times_labels_and_reporters():
    text = (
        "LIVE: Council Votes on Market Street\n\nReporting: Sam Ode and Jo Park\n\nRefresh for updates\n\n"
        "20:31\n\nThe motion passed after a two-hour debate in the main chamber.\n\nFor: 31\nAgainst: 19\n\n"
        "20:15\n\nThe leader of the council opened the debate with a short speech.\n"
    )
    a = parse_article(text, "x")
    assert a.byline.value == "Sam Ode and Jo Park" and a.headings == ()
    assert reasons(a) == ["interface label", "timestamp", "timestamp"]


def test_a_byline_row_is_no_menu_and_boxes_and_notes_are_set_aside():
    text = (
        "Seven Things About Moving to the Coast\n\nBy Jess Morrow | Lifestyle | Updated 8 April 2025 | 6 min read\n\n"
        "So you have seen the photos of the harbour and the long sandy beach.\n\nContinue reading below\n\n"
        "+-----------------------------+\n|  Sign up to our weekly letter |\n+-----------------------------+\n\n"
        "Valerie Lund runs a shop on the harbour. The views expressed here are her own.\n\n"
        "Route        Start date       Flights\nLanmouth - Isle of Thorne      29 September 2025   6\n"
        "Carnmoor - Dunholm             27 October 2025     10\n\nHouses cost less here than in the city.\n"
    )
    a = parse_article(text, "x")
    assert a.byline.value == "Jess Morrow" and a.date.value == "8 April 2025" and a.headings == ()
    assert [s.text[:6] for s in a.sentences] == ["So you", "Houses"]
    assert {"interface label", "text box", "disclaimer", "link list"} <= set(reasons(a))


def test_letters_page_signatures_are_no_headings():
    text = (
        "Letters to the Editor\n\nDon't Cut Our Buses\n\nThe council plans to cut the Sunday bus, which many of us "
        "rely on to visit family.\n\nMargaret Haldane, Ellerby Cross\n\nThank You, Volunteers\n\nThe towpath has "
        "never looked better, and we owe it to a handful of people.\n\nOwen Prothero, Moss Fenton\n"
    )
    a = parse_article(text, "x")
    assert [h.value for h in a.headings] == ["Don't Cut Our Buses", "Thank You, Volunteers"]
    assert reasons(a) == ["signature", "signature"]
    place = parse_article(
        "Travel Notes\n\nWe left early on Monday morning from the old station by the river.\n\nParis, France\n\n"
        "The city was quiet and grey when we arrived after the long journey.\n",
        "y",
    )
    assert [h.value for h in place.headings] == ["Paris, France"]  # a heading above text stays one


# -- fifth held-out set (a forum thread, a meeting transcript, an FAQ) -----------------------------


def test_forum_thread_and_transcript_furniture():
    forum = parse_article(
        "Wind Farm - What Do We Think?\n\nThread started by hedgerow_hannah, 19 March | 10 replies\n\n"
        "BrackenfordDave\nMember | 1,046 posts\nPosted 19 Mar, 09:02\n\nI went to the drop-in at the library "
        "and had a proper look at the maps of the turbines.\n\nReply | Quote | Like (9)\n\nLike (22)\n",
        "x",
    )
    assert forum.headings == () and len(forum.sentences) == 1
    assert set(reasons(forum)) == {"forum post details", "forum buttons"}
    meeting = parse_article(
        "Planning Committee, Item 4\n\nPresent: Cllr Dorothy Hale (Chair), Cllr Peter Smith\n\n"
        "CHAIR: Would you introduce the report, please?\n\nMR ACHTERBERG: The application is for a garden "
        "centre extension of 400 square metres on the Oakley Road site.\n\n"
        "CHAIR: Are there any questions for the officer?\n\nCLLR SMITH: Yes, about the parking on the lane "
        "behind the site and the hours of the delivery vans.\n\nBrightwell Energy is a trading name of "
        "Brightwell Supply Ltd.\n",
        "y",
    )
    assert meeting.headings == ()
    assert set(reasons(meeting)) == {"attendance list", "legal notice"}


def test_a_bold_label_line_is_no_heading_and_an_affiliate_box_is_set_aside():
    text = (
        "# Bike Review\n\n> **Affiliate disclosure:** If you buy through links on this page we may earn a "
        "commission, at no extra cost to you.\n\n**Rating: 4/5**\n\n## Riding it\n\nThe bike is quiet and light "
        "on the hills, and the motor cuts in smoothly at every speed we tried.\n"
    )
    a = parse_article(text, "x")
    assert [h.value for h in a.headings] == ["Riding it"] and "affiliate disclosure" in reasons(a)


def test_a_headline_ending_on_a_quoted_name_is_the_title_not_a_sentence():
    # held-out set 8: a student paper's headline ended on the event's quoted name and was read as
    # the first sentence, so a subheading became the title
    headline = 'Chess club banned from the main hall after its "Midnight Blitz"'
    text = (
        f"{headline}\n\n"
        "By Ana Ruiz\n\n"
        "The college has banned its chess club from the main hall after a late tournament on Friday.\n\n"
        "What happened\n\n"
        "Players stayed until after midnight, and neighbours complained about the noise.\n"
    )
    a = parse_article(text, "x")
    assert a.title == headline
    assert all("Midnight Blitz" not in s.text for s in a.sentences)
    # a line that ends its sentence inside the quote is still running text
    said = 'The head of the college told students on Monday that the night "had gone too far."'
    b = parse_article(f"{said}\n\nMore text follows here for the article body.\n", "y")
    assert b.sentences[0].text == said


def test_the_writer_s_post_and_the_publisher_s_note_under_a_rule_are_set_aside():
    # held-out sets 7 and 8: an alumnus's post under his byline, and an italic "who we are" note
    # under a rule, were quoted as the article's own sentences
    column = parse_article(
        "The Club Deserves Better\n\nOPINION | Tom Adair\n\nTom Adair was captain of the rowing club in 1998.\n\n"
        "I have seen the club through floods, fires and three new boathouses since then.\n",
        "x",
    )
    assert reasons(column) == ["author note"] and column.sentences[0].text.startswith("I have seen")
    blog = parse_article(
        "Why the Licence Is Wrong\n\nThe council voted on Thursday to license holiday lets across the city.\n\n"
        "---\n\n*The Owners' Association represents around 600 owners across the city.*\n",
        "y",
    )
    assert "author note" in reasons(blog) and not any("represents" in s.text for s in blog.sentences)
    # italics elsewhere are text
    plain = parse_article(
        "Why the Licence Is Wrong\n\n*The council voted on Thursday to license holiday lets across the city.*\n",
        "z",
    )
    assert "author note" not in reasons(plain) and plain.sentences


def test_tenth_set_long_headline_question_heading_before_a_list_and_a_closing_tagline():
    # held-out set 10: an 18-word headline with no stop was read as the first paragraph; a question
    # heading above "... four main parts:" and a list was missed (so its sentences were keyed under the
    # heading before); the columnist's closing tagline was quoted as content
    headline = "‘It was my only way to work’: bike thefts soar in Eastby as police figures show a 31% rise"
    news = parse_article(f"{headline}\n\nBy Owen Hart\n\nBike thefts rose by almost a third last year.\n", "x")
    assert news.title == headline
    explainer = parse_article(
        "How Prices Are Set\n\nWho sets the price?\n\nThe regulator sets a cap on what each company may collect.\n\n"
        "What goes into the formula?\n\nThe cap is built from four main parts:\n\n- Operating costs and repairs.\n\n"
        "- Investment in new pipes.\n\nWhy do regions differ?\n\nSome regions have older pipes than others.\n",
        "y",
    )
    assert [h.value for h in explainer.headings] == [
        "Who sets the price?",
        "What goes into the formula?",
        "Why do regions differ?",
    ]
    column = parse_article(
        "Do Not Let Them Off\n\nBy Harriet Moss\n\nThe recall came three weeks too late for many families.\n\n"
        "Harriet Moss answers readers' consumer problems every Saturday.\n",
        "z",
    )
    assert reasons(column) == ["author note"]


def test_eleventh_set_forum_post_stacks_and_a_charity_sign_off():
    # held-out set 11: a forum's poster name, rank, post count and time were offered as "headings"; a
    # charity's "is a registered charity" line closing its blog was quoted as content
    forum = parse_article(
        "Coach Sacked\n\n---\nCourtKing\nSeason Ticket Holder\nPosts: 4,211\nPosted Mon 11:02\n\n"
        "About time. The club put it out on the site this morning, and the coach has gone.\n\n"
        "Reply | Quote | Like (38)\n\n---\nNetWatcher\nMember\nPosts: 327\nPosted Mon 11:09\n\n"
        "Gutted for him. He inherited a thin squad and lost his best player for two months.\n",
        "x",
    )
    assert forum.headings == () and reasons(forum).count("forum post details") == 8
    blog = parse_article(
        "Save Our Clubs\n\nThe council voted on Thursday to cut funding for youth clubs across the town.\n\n"
        "*Open Doors Trust is a registered charity working with young people across the town since 1998.*\n",
        "y",
    )
    assert reasons(blog) == ["legal notice"]


def test_fourteenth_set_letters_page_and_a_social_post():
    # held-out set 14: the last letter's signature and the page's masthead were offered as headings, the
    # submission notice was keyed an opinion ("should be"), and a social post's comments were quoted
    letters = parse_article(
        "Letters to the Editor\n\nThe Eastby Courier | Saturday 9 November\n\n"
        "Sir - I note that the county has begun switching off alternate streetlights after midnight.\n"
        "Margaret Oduya, Pellham\n\nBenches need mending\n\n"
        "Sir - The benches in the square have been broken since the summer, and nobody has fixed them.\n"
        "Ruth Kendrick, Eastby\n\n"
        "Letters should be no more than 250 words and include a full postal address.\n",
        "x",
    )
    assert [h.value for h in letters.headings] == ["Benches need mending"]
    assert sorted(reasons(letters)) == ["masthead", "signature", "signature", "submission notice"]
    post = parse_article(
        "I was laid off today\n\nAfter three years at the company, my role was cut this morning with 80 others.\n\n"
        "👍 1,284 · 212 comments · 96 reposts\n\nLike · Comment · Repost · Send\n\n"
        "Liz Haro · 2nd\nOperations\nBalloon arch to layoffs in 7 months. Classic.\nLike · Reply · 203\n",
        "y",
    )
    assert [s.text for s in post.sentences] == [
        "After three years at the company, my role was cut this morning with 80 others."
    ]


def test_a_spec_list_is_no_run_of_headings():
    """Held-out set 16: a review's "Display: 7-inch e-paper, 1264 x 1680 pixels (300ppi)" and "Dimensions:
    158 x 128 x 7.9mm" were headings, offered as such beside "Design and screen". A label whose value
    holds a figure is a spec line; a heading with a subtitle stays one."""
    text = (
        "Kettlecraft K2 review: quiet, quick and a little heavy\n\nBy Ana Vell, Home Tech\n\n"
        "Specs\nCapacity: 1.7 litres, with a window on both sides\nPower: 3,000 watts from a standard socket\n"
        "Dimensions: 24 x 16 x 22cm\n\nThe K2 is the quietest kettle we have tested this year.\n\n"
        "Design: a heavy steel body\n\nThe lid opens with a button on the handle, and the spout does not drip.\n\n"
        "Living with it\n\nIt boiled a full jug in three minutes and ten seconds in our tests.\n"
    )
    a = parse_article(text, "x")
    headings = [h.value for h in a.headings]
    assert not [h for h in headings if ":" in h and any(c.isdigit() for c in h)], headings
    assert headings[-2:] == ["Design: a heavy steel body", "Living with it"]


def test_every_interviewer_line_is_a_heading():
    """Held-out set 17: "Q: Last question. One thing every grower should do?" and "Q: The report's part on
    lead got the most attention. Should people worry?" were no headings (a stop inside), so "which heading"
    keys named the question before them."""
    text = (
        "Soil Scientist Interview\n\nBy Ana Vell\n\n"
        "Q: Let's start with the headline. Are the soils healthy?\n\nMostly, yes. The samples we took were in good "
        "order and most growers look after them well.\n\n"
        "Q: So your advice is to stop digging?\n\nOn heavy clay, largely yes, because digging breaks up the "
        "structure the worms have built.\n\n"
        "Q: Last question. One thing every grower should do this year?\n\nDig a hole a spade deep and look at "
        "the soil, then smell it and write down what you find.\n"
    )
    a = parse_article(text, "x")
    assert [h.value[:12] for h in a.headings] == ["Q: Let's sta", "Q: So your a", "Q: Last ques"]


def test_an_exclaimed_first_line_is_the_title():
    """Held-out set 19: a children's site's "Two red pandas are packing their bags!" read as running text
    (seven words and a stop), so the article was titled by its fact box's heading."""
    text = (
        "Two otters are moving to a brand new river home!\n\n"
        "Pip and Moss are otters. They live at Elmbury Park, but not for much longer.\n\n"
        "DID YOU KNOW?\nOtters can hold their breath for about four minutes under the water.\n"
    )
    a = parse_article(text, "x")
    assert a.title == "Two otters are moving to a brand new river home!"
    assert not any("brand new river" in p for p in a.body.split("\n"))
    # held-out set 21: a blog's two-sentence headline over its "Posted by" line
    blog = parse_article(
        "They told us on a Tuesday. We shut on Saturday.\n\nPosted by crumbs | Filed under: work, rants\n\n"
        "I have put off writing this because I am still shaking with anger about what happened at the shop.\n",
        "y",
    )
    assert blog.title == "They told us on a Tuesday. We shut on Saturday."


def test_a_shop_link_is_chrome_and_a_question_under_an_empty_heading_is_one():
    """Held-out set 20: a saved review's "RRP £849 · Check price at GreenShed" was offered as the heading of
    the review's first part, and "Should you buy it?" (right under "Specifications", whose table the page
    lost) was no heading, so the verdict stood under "Specifications". A lone question after running text
    stays text, and a sentence about comparing prices is no link."""
    text = (
        "Pell Kettle review: quiet, quick and well made\n\n"
        "RRP £89 · Check price at KitchenHub\n\n"
        "The Pell is a heavy steel kettle with a small window, and shoppers can compare prices at most stores.\n\n"
        "It boiled a full jug in three minutes in our tests, which is quicker than most kettles at this price.\n\n"
        "Specifications\n\nShould you buy it?\n\n"
        "If you want a quiet kettle that lasts, it is a fair choice at this price for a busy family kitchen.\n"
    )
    a = parse_article(text, "x")
    assert [h.value for h in a.headings] == ["Specifications", "Should you buy it?"]
    assert [c.reason for c in a.chrome] == ["shop link"]
    after_text = parse_article(text.replace("Specifications\n\n", ""), "y")
    assert [h.value for h in after_text.headings] == []


def test_a_line_opening_a_quote_or_a_code_is_no_heading():
    """Held-out set 20 (and 15): "Council leader Cllr Denise Rutherford said:" above the quote, and the last
    batch code of a list ("HM24-0822"), were offered as headings."""
    text = (
        "Street Lights to Go Off\n\nThe council will switch off half of its street lights after midnight from May.\n\n"
        "## What is changing\n\nAbout 2,000 lights on quiet roads will go off between midnight and 5am.\n\n"
        'Council leader Cllr Ana Vell said:\n\n"This was not an easy decision, and we have worked with the police."\n\n'
        "Check the box for these codes:\n\nHM24-0815\nHM24-0822\n\n"
        "They come in 12-packs and 24-packs sold in shops across the county since March.\n"
    )
    a = parse_article(text, "x")
    assert [h.value for h in a.headings] == ["What is changing"]


def test_a_question_line_resting_on_its_paragraph_is_a_heading():
    """Held-out set 16: a review's "Should you buy it?" sat right on its verdict paragraph like the
    review's other headings, but a lone question line was no heading; a question set apart by blank lines
    on both sides stays text (a rhetorical question)."""
    text = (
        "Pell Kettle Review\n\nThe Pell is a heavy steel kettle with a small window and a loud click.\n\n"
        "Design\nThe body is brushed steel and the handle stays cool even when the water has just boiled.\n\n"
        "Should you buy it?\nIf you want a quiet kettle, no. If you want one that lasts, it is a fair choice.\n\n"
        "Is a kettle ever worth this much?\n\nFor most people the cheaper model does the same job just as well.\n"
    )
    a = parse_article(text, "x")
    assert [h.value for h in a.headings] == ["Design", "Should you buy it?"]


def test_a_closing_and_the_lines_under_it_sign_off():
    """Held-out set 18: a union bulletin's "In solidarity," / "**Donna Featherstone**" / "Branch Secretary, ..."
    was offered as a heading of the bulletin."""
    text = (
        "Members' Bulletin\n\nThe trust's board voted on Thursday to bring back staff parking charges.\n\n"
        "## Why this matters\n\nThe trust wants staff to pay for parking again from May.\n\n"
        "## What you can do\n\nCome to the open meeting on Tuesday and bring a colleague with you.\n\n"
        "In solidarity,\n\n**Ana Vell**\nBranch Secretary, Kettle Valley Branch\n\n"
        "*Not a member yet? Join online today and your first month is free for new members.*\n"
    )
    a = parse_article(text, "x")
    assert [h.value for h in a.headings] == ["Why this matters", "What you can do"]
    assert [c.text for c in a.chrome if c.reason == "sign-off"][:3] == [
        "In solidarity,",
        "**Ana Vell**",
        "Branch Secretary, Kettle Valley Branch",
    ]


def test_a_sentence_opening_with_a_figure_and_a_thread_commenter_line():
    """Held-out set 21: "Fire service numbers are in the Courier. 22 fires from disposables last year." was one
    sentence (keyed "no source"), and "Nicky Fenwick · 14 May at 22:58" over a reply was offered as a heading."""
    from quizlib.layout import comment_header
    from quizlib.sentences import split_sentences

    text = "Fire service numbers are in the Courier. 22 fires last year. The park opens in Sept. 2025, approx. 40 days."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Fire service numbers are in the Courier.",
        "22 fires last year.",
        "The park opens in Sept. 2025, approx. 40 days.",
    ]
    assert comment_header("Nicky Fenwick · 14 May at 22:58")
    assert not comment_header("Budget vote – 14 May")


def test_a_two_sentence_headline_is_the_title_and_a_sign_off_never_is():
    """Held-out set 27: a blog's headline of two short sentences was read as running text, and the title
    taken from its sign-off "Paul", a short line above the post's update."""
    body = (
        "I've started this post four times, and the first three versions were mostly swearing, so here we are.\n\n"
        "Paul\n\nUpdate, Sunday: a couple of people have asked how she is, and she is doing well now.\n"
    )
    a = parse_article("Mum's care home just failed its inspection. Here's what nobody is saying.\n\n" + body, "x")
    assert a.title == "Mum's care home just failed its inspection. Here's what nobody is saying."
    untitled = parse_article(
        "My mother has lived at the home for three years, since her second fall, and we visit every week.\n\n" + body,
        "y",
    )
    assert untitled.title != "Paul" and untitled.title.startswith("My mother has lived")


def test_a_thread_s_commenter_lines_with_a_weekday_are_no_headings():
    """Held-out set 28: "Darren Lusk · Thursday 5 March at 06:58" and "Admin note (Marrowfield Community
    Noticeboard) · Thursday 5 March at 13:05" were read as headings, and "which heading" items offered them."""
    from quizlib.layout import comment_header

    assert comment_header("Darren Lusk · Thursday 5 March at 06:58")
    assert comment_header("Admin note (Marrowfield Community Noticeboard) · Thursday 5 March at 13:05")
    assert not comment_header("Thursday 5 March at 06:58")
    text = (
        "Road Collapse Thread\n\nDarren Lusk · Thursday 5 March at 06:58\n\nAnyone know what is going on at "
        "the top of Lime Kiln Road? Police are everywhere this morning.\n\nReply\n\nSandra Whitlow · Thursday 5 "
        "March at 07:21\n\nPlease do not spread rumours, nobody was in the car at all.\n"
    )
    assert not parse_article(text, "x").headings


def test_a_dated_list_entry_is_no_heading():
    """Held-out set 33: a golf club's fixture list ("Sat 22 Nov: Captain's Charity Waltz in aid of the hospice")
    gave headings, and a "which heading" item keyed a fixture for the bar manager's notice below it."""
    from quizlib.layout import heading_text

    assert heading_text("Sat 22 Nov: Captain's Charity Waltz in aid of Brockhollow Hospice") is None
    assert heading_text("Wednesday 5 November – Bonfire night") is None
    assert heading_text("Course notes from the head greenkeeper") == "Course notes from the head greenkeeper"


def test_a_club_report_s_byline_is_no_heading():
    text = (
        "Harbour Sailing Club: Keane takes the autumn trophy\n\nClub report by Alys Penrose, race secretary\n\n"
        "Twenty boats started the last race of the autumn series on Sunday in a steady westerly breeze.\n\n"
        "Mark Keane finished second on the day, which was enough to take the trophy by two points.\n"
    )
    a = parse_article(text, "x")
    assert a.byline.value == "Alys Penrose" and a.author_role == "race secretary" and a.headings == ()


@pytest.mark.parametrize("label", ["Correction", "**Clarification**", "## Editor's note"])
def test_a_correction_heading_and_its_note_are_set_aside(label):
    text = (
        "Harbour Sailing Club: Keane takes the autumn trophy\n\nTwenty boats started the last race of the autumn "
        "series on Sunday in a steady westerly breeze.\n\nResults\n\nMark Keane finished second on the day, which "
        "was enough to take the trophy by two points.\n\nDiane Holt won the dinghy class for the third year.\n\n"
        f"{label}\n\nLast month's report said the spring series was won by Sam Ode. It was won by Ana Ruiz.\n"
    )
    a = parse_article(text, "x")
    assert reasons(a) == ["correction note", "correction note"]
    assert [h.value for h in a.headings] == ["Results"] and not any("Sam Ode" in s.text for s in a.sentences)


def test_a_release_s_letterhead_is_no_title_and_its_headline_is():
    text = (
        "MINISTRY OF WATER RESOURCES\nDepartment of Coastal Defence\n\nPRESS RELEASE\nNo. 41/2026\n\n"
        "FOR IMMEDIATE RELEASE\nLisbon, 3 March 2026\n\nNew sea wall for Alfama harbour to be finished by June\n\n"
        "The department announces that work on the new sea wall will finish in June, two months early.\n\n"
        "Residents who want to see the plans may register for a visit. Places are open to people who:\n\n"
        "- live within one kilometre of the harbour; and\n- are aged 16 or over.\n\n-- ENDS --\n\n"
        "Media contact:\nPress Office, Department of Coastal Defence\n"
    )
    a = parse_article(text, "x")
    assert a.title == "New sea wall for Alfama harbour to be finished by June"
    assert reasons(a)[:3] == ["letterhead", "letterhead", "release label"] and "end of release" in reasons(a)
    assert a.headings == () and not any("Press Office" in s.text for s in a.sentences)


def test_a_headline_over_the_release_label_stays_the_title():
    text = (
        "Harbour board approves new sea wall for the old port\n\nPRESS RELEASE\nPort of Alfama Authority\n"
        "FOR IMMEDIATE RELEASE\n\nThe board approved the new sea wall on Tuesday after a year of consultation.\n"
    )
    assert parse_article(text, "x").title == "Harbour board approves new sea wall for the old port"


def test_a_line_leading_into_a_list_is_no_heading():
    text = (
        "Travel Pass Opens\n\nThe new pass starts in August at three airports, the ministry said.\n\n"
        "The Travel Pass is open to citizens of Chile, Peru and Ecuador who:\n\n- hold an electronic passport;\n"
        "- are aged 12 or over.\n"
    )
    assert parse_article(text, "x").headings == ()


def test_a_release_s_issuer_and_alert_label_under_the_release_mark_are_no_title():
    """Held-out set 37: "FOR IMMEDIATE RELEASE" / "Department of Health, Victoria" / "Health Alert from the Chief
    Health Officer" / date / headline took the issuer's line as the title; "Quote attributable to Dr …:" was a
    heading."""
    text = (
        "FOR IMMEDIATE RELEASE\n\nDepartment of Transport, Tasmania\nService Alert from the Chief Engineer\n\n"
        "Friday 20 February 2026\n\nFerry services between Devonport and the islands suspended for two days "
        "after hull damage\n\nThe department has suspended two ferry services after damage was found on Friday.\n\n"
        'Quote attributable to the Chief Engineer, Dr Ana Ruiz:\n\n"We will not sail until the hull is safe."\n'
    )
    a = parse_article(text, "x")
    assert a.title.startswith("Ferry services between Devonport") and a.headings == ()


@pytest.mark.parametrize(
    ("top", "reason"),
    [
        ("THE HARBOUR GAZETTE\nOpinion › Your Letters", ["masthead", "section label"]),
        ("Portlow Evening Star\nLIVE", ["masthead", "masthead"]),
        ("THE SENTINEL\nEducation | The Long Read", ["masthead", "section label"]),
    ],
)
def test_the_paper_s_name_and_section_over_a_headline_are_no_title(top, reason):
    """Held-out set 40: a letters page, a live blog, a long read, a timeline and an obituary took the paper's name
    ("THE KELDERBY GAZETTE", "Whitlow Weekly News") or its section trail for their titles."""
    text = (
        f"{top}\n\nFerry fares to rise by a fifth from May, harbour board confirms\n\nBy Kim Lee\n\n"
        "The harbour board confirmed on Monday that ferry fares will rise by a fifth from the first of May.\n"
    )
    a = parse_article(text, "x")
    assert a.title.startswith("Ferry fares to rise") and reasons(a) == reason


def test_a_title_case_headline_with_a_site_name_stays_the_title():
    text = "Storm Closes Port | Coast News\n\nBy Kim Lee\n\nThe port closed on Monday as winds reached ninety miles.\n"
    assert parse_article(text, "x").title.startswith("Storm Closes Port")


def test_a_letter_signed_on_two_lines_and_a_bold_standfirst_are_no_headings():
    """Held-out set 40: "Claire Whitmore-Ndiaye" / "Upper Hadstock" under a letter, and a transcript's bold
    standfirst of three sentences, were headings; a byline with a date after a bar was set aside as a masthead."""
    text = (
        "Your letters: ferry fares\n\nBy Kim Lee | Thursday 5 March 2026\n\n"
        "A fare rise is not fair\n\nSir, the harbour board has raised fares by a fifth. Pensioners will pay most.\n\n"
        "Claire Whitmore-Ndiaye\nUpper Hadstock\n\n---\n\nThe board had no choice\n\n"
        "Sir, fuel costs have doubled since 2022 and the ferries must be paid for.\n\nDennis Arkwright\nKelderby\n"
    )
    a = parse_article(text, "x")
    assert [h.value for h in a.headings] == ["A fare rise is not fair", "The board had no choice"]
    assert a.byline.value == "Kim Lee" and reasons(a).count("signature") == 4
    bold = (
        "Ferry Talk\n\n**Since January, ferries from the harbour have run on a new timetable. Fares rose by a fifth in "
        "May. Our reporter asked the harbour master how it is going.**\n\n**Kim Lee:** Why change at all?\n"
    )
    assert parse_article(bold, "x").headings == ()


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        # held-out sets 34, 36, 37, 41, 42: a wire dateline before the byline was read as a heading
        ("BONN, June 18 (Northline Wire) - By Hanne Sørvik and David Okafor", "Hanne Sørvik and David Okafor"),
        ("NAIROBI, March 11, 2026 (Continental Wire) – By Grace Atieno", "Grace Atieno"),
        # held-out set 42: a kind label, a bar and "By"; set 7: "Opinion | By …" kept the "By"
        ("Feature | By Hanne Delacroix in Vrana | Courant International | 16 May 2026", "Hanne Delacroix"),
        ("Opinion | By Ruth Callander", "Ruth Callander"),
    ],
)
def test_a_dateline_or_kind_label_before_by_is_a_byline(line, byline):
    text = f"Ferry Talks Resume\n\n{line}\n\nThe ferry talks resumed on Monday after a break of two weeks.\n"
    a = parse_article(text, "x")
    assert a.byline.value == byline and a.headings == ()


def test_a_section_trail_is_no_byline():
    text = "News | Local | Housing\n\nFerry Talks Resume\n\nThe ferry talks resumed on Monday, officials said.\n"
    assert parse_article(text, "x").byline is None


def test_a_release_s_letterhead_block_over_its_label_and_its_contact_block():
    """Held-out set 52: "COUNTY OF TAMARACK" / "Emergency Operations Centre", a blank line, "FOR IMMEDIATE RELEASE" /
    a date, then the headline: the county was the title and the headline a heading. Set 53: the name under
    "MEDIA CONTACT" was offered as a heading."""
    text = (
        "COUNTY OF HARBOURSIDE\nEmergency Operations Centre\n\nFOR IMMEDIATE RELEASE\n"
        "Thursday, March 5, 2026 – 2:00 p.m.\n\n"
        "Ice storm response: warming centres open and ferry crossings cancelled\n\n"
        "PORT ALDER – The county opened three warming centres on Thursday after the ice storm.\n\n"
        "WHAT RESIDENTS MUST DO\n\nResidents must keep generators outside and away from windows at all times.\n\n"
        "MEDIA CONTACT\nAlicia Penn, Director of Communications\nCounty of Harbourside\n(555) 555-0148\n"
    )
    a = parse_article(text, "x")
    assert a.title == "Ice storm response: warming centres open and ferry crossings cancelled"
    assert [h.value for h in a.headings] == ["WHAT RESIDENTS MUST DO"]
    assert reasons(a)[:2] == ["letterhead", "letterhead"]
    assert "contact details" in reasons(a) and not any("Penn" in s.text for s in a.sentences)


def test_a_long_colon_line_over_a_list_leads_into_it():
    """Held-out set 59: "Workers can register for the Corrindale Worker Transition Program:" over its bullets was a
    heading (mostly capitalised words, but a sentence)."""
    text = (
        "Ferry Pass Support\n\nThe council opened the new pass scheme on Monday for island residents.\n\n"
        "How to register\n\nResidents can register for the Island Ferry Pass Scheme:\n\n- by phone;\n- online.\n\n"
        "Family members are also welcome to attend the information sessions in June.\n"
    )
    assert [h.value for h in parse_article(text, "x").headings] == ["How to register"]


def test_a_letterhead_with_a_dash_is_still_a_body_s_name():
    """Held-out set 58: "REPUBLIC OF BELMORA" / "Ministry of Foreign Affairs – Directorate of Consular Affairs" over
    the release label: the republic was the title."""
    text = (
        "REPUBLIC OF HARBOURIA\nMinistry of Ferries – Directorate of Crossings\n\nFOR IMMEDIATE RELEASE\n"
        "Port Alder, 19 March 2026\n\nMinistry sets out arrangements for families of ferry crews held abroad\n\n"
        "The ministry today set out the arrangements now open to the families of 23 ferry crew members.\n"
    )
    assert parse_article(text, "x").title == "Ministry sets out arrangements for families of ferry crews held abroad"


def test_a_lead_in_line_ending_in_a_colon_is_no_heading():
    """Held-out set 73 keyed "Under the Dublin Understanding:" (the line opening a list) as a heading."""
    from quizlib.layout import heading_text

    assert heading_text("Under the Harbour Agreement:") is None
    assert heading_text("According to the Transport Ministry:") is None
    assert heading_text("What Has Been Agreed:") == "What Has Been Agreed:"


def test_a_release_s_title_is_its_headline_under_a_letterhead_and_tagline():
    """Held-out set 76 took the letterhead "LAKESHORE VALLEY RAIL" (over "An agency of the Province of Ontario")
    for a release's title."""
    text = (
        "HARBOUR FERRY SERVICES\nAn agency of the County of Westmarch\n\nFOR IMMEDIATE RELEASE\nMarch 13, 2026\n\n"
        "Winter ferry timetable begins Monday, with fare credits for season ticket holders\n\n"
        "The harbour ferry will run every forty minutes from Monday while two of its boats are repaired.\n"
    )
    article = parse_article(text, "release")
    assert article.title.startswith("Winter ferry timetable begins Monday"), article.title


def test_a_no_that_answers_a_question_ends_its_sentence():
    """Held-out set 30: "Was anyone hurt? No. Wyvern Fire and Rescue Service said ..." was one sentence, so a gap
    read "No. _____ said nobody was injured"; "No." after a word still abbreviates "number"."""
    from quizlib.sentences import split_sentences

    text = "Was anyone hurt? No. Wyvern Fire said nobody was hurt. The office at Room No. Five stays shut."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Was anyone hurt?",
        "No.",
        "Wyvern Fire said nobody was hurt.",
        "The office at Room No. Five stays shut.",
    ]
    for opening, expected in (  # a paragraph's first words
        ("No. Wyvern Fire said nobody was hurt.", ["No.", "Wyvern Fire said nobody was hurt."]),
        ("No. 10 Downing Street is shut.", ["No. 10 Downing Street is shut."]),
    ):
        assert [opening[a:b] for a, b in split_sentences(opening)] == expected


def test_a_photo_credit_under_the_byline_is_no_heading():
    """Held-out set 88: "Photographs by Ruby Acheson" under a feature's byline was offered as a heading."""
    text = (
        "After the fire: what the town remembers\n\nBy Hamish Tolland\nPhotographs by Ruby Acheson\n\n"
        "On the last Sunday in February, the captain drove the tanker down the lane.\n\n## A town on a ridge\n\n"
        "The town sits on a ridge above the forest.\n"
    )
    article = parse_article(text, "feature")
    assert [(x.text, x.reason) for x in article.chrome] == [("Photographs by Ruby Acheson", "credit")]
    assert "Photographs" not in article.body
