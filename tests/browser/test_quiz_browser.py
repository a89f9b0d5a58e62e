"""The quiz in a real browser: JupyterLab and Voilà, headless Chromium through Playwright.

Each test answers every question of the fixture bank through the page (one right, one wrong,
the mark-the-words item by clicking words, then every other form), reads the feedback, checks
that hostile article text shows as text, reloads, and sees the progress kept in SQLite.
"""

from __future__ import annotations

import base64
import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "fixtures" / "widgets"))

from fixture_bank import HOSTILE, build_bank

pytestmark = pytest.mark.browser
ROOT = Path(__file__).parent.parent.parent
# Every run saves the screenshot under test-artifacts/; the committed copy in docs/ (shown by the
# README) is replaced only when missing or with QUIZLIB_UPDATE_SCREENSHOT=1, so tests leave git clean.
SCREENSHOT = ROOT / "test-artifacts" / "quiz-screenshot.png"
DOCS_SCREENSHOT = ROOT / "docs" / "quiz-screenshot.png"


@pytest.fixture(scope="module")
def bank():
    return build_bank()


def wrong(q) -> str:
    return next(o for o in q.options if o not in q.answer)


def answer(quiz, q, right: bool, keyboard: bool = False) -> None:
    """Answer the question on screen through its control, as a learner would (with the mouse, or
    with the keyboard alone: Space on a radio button, Enter on a word)."""
    if q.form == "single":
        radio = quiz.get_by_role("radio", name=q.answer[0] if right else wrong(q), exact=True)
        radio.press("Space") if keyboard else radio.check()
        assert radio.is_checked()
    elif q.form == "text":
        # found by their accessible names: the controls are labelled for screen readers
        quiz.get_by_role("textbox", name="Your answer:").fill(q.answer[0] if right else "no idea")
    elif q.form == "match":
        for item, key in zip(q.items, q.answer, strict=True):
            choice = key if right else next(o for o in q.options if o != key)
            quiz.get_by_role("combobox", name=item, exact=True).select_option(label=choice)
    elif q.form == "multi":
        for option in q.answer if right else (wrong(q),):
            word = quiz.get_by_role("group", name="Passage").get_by_role("button", name=option, exact=True).first
            word.press("Enter") if keyboard else word.click()
            quiz.locator("button.qz-word[aria-pressed=true]", has_text=option).first.wait_for()
    elif q.form == "rewrite":
        quiz.get_by_role("textbox", name="Your rewrite:").fill(q.answer[0] if right else " ".join(q.items))
    else:
        raise AssertionError(q.form)


def check(quiz, expected: str, keyboard: bool = False) -> None:
    button = quiz.get_by_role("button", name="Check", exact=True)
    button.press("Enter") if keyboard else button.click()
    # inside a live region that was already on the page, so screen readers announce it
    quiz.locator(f".qz-live[role=status][aria-live=polite] .qz-{expected}-msg").wait_for()


KERNEL_READY = """() => {
    const app = window.jupyterapp, nb = app && app.shell.currentWidget;
    const kernel = nb && nb.sessionContext && nb.sessionContext.session && nb.sessionContext.session.kernel;
    return !!kernel && kernel.connectionStatus === "connected" && kernel.status === "idle";
}"""
# What the page shows when the kernel is not ready in time, for the failure message (CI keeps no files).
KERNEL_STATE = """() => {
    const app = window.jupyterapp, nb = app && app.shell.currentWidget;
    const ctx = nb && nb.sessionContext, kernel = ctx && ctx.session && ctx.session.kernel;
    return {
        app: !!app, widget: nb ? nb.title.label : null, session: !!(ctx && ctx.session),
        kernel: kernel ? kernel.name : null, status: kernel ? kernel.status : null,
        connection: kernel ? kernel.connectionStatus : null,
        dialogs: [...document.querySelectorAll(".jp-Dialog")].map(d => d.innerText.slice(0, 200)),
    };
}"""


def wait_for_kernel(page) -> None:
    """Wait on the kernel itself: menus and the execution indicator can be ready before it is, and
    JupyterLab may even swap kernels while loading."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(KERNEL_READY, timeout=90_000)
    except PlaywrightTimeout:
        raise AssertionError(f"kernel not connected and idle after 90 s: {page.evaluate(KERNEL_STATE)}") from None


def open_quiz(page, url: str, lab: bool):
    """Open the page; in JupyterLab also run every cell by command."""
    page.goto(url)
    if lab:
        wait_for_kernel(page)
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    quiz = page.locator(".qz-quiz").last
    quiz.wait_for(timeout=60_000)
    return quiz


def reopen_with_new_kernel(page, url: str, lab: bool):
    """A new kernel, so everything the new Quiz knows must come from the progress file. Voilà starts
    one per page load; in JupyterLab the learner restarts it and runs all cells again, in the same
    page (reloading a page with an unsaved, executed notebook was the one step that hung on CI)."""
    if not lab:
        return open_quiz(page, url, lab)
    wait_for_kernel(page)
    page.evaluate("window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.restart()")
    page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.locator(".qz-quiz").wait_for(state="detached")  # the old kernel's quiz is gone from the page
    wait_for_kernel(page)
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    quiz = page.locator(".qz-quiz").last
    quiz.wait_for(timeout=60_000)
    return quiz


def run_through(page, url: str, bank, lab: bool, db: Path, learner: str, keyboard: bool = False) -> None:
    quiz = open_quiz(page, url, lab)
    quiz.get_by_text(f"question 1 of {len(bank)}").wait_for()
    # nothing of the key is on the page before Check
    content = quiz.inner_text()
    assert bank[0].explanation not in content and "Correct" not in content

    for i, q in enumerate(bank):
        right = i != 1  # the second item is answered wrong on purpose
        if HOSTILE in q.prompt:
            # the article on demand, before Check: hostile markup in it shows as text
            quiz.get_by_role("button", name="Show article", exact=True).click()
            article = quiz.locator(".qz-article")
            article.wait_for()
            assert "<script>" in article.inner_text() and article.locator("script, img").count() == 0
            quiz.get_by_role("button", name="Hide article", exact=True).click()
            article.wait_for(state="detached")
        answer(quiz, q, right, keyboard)
        check(quiz, "right" if right else "wrong", keyboard)
        feedback = quiz.inner_text()
        assert q.explanation.split(";")[0][:40] in feedback
        if not right:
            assert "Not right" in feedback and q.answer[0] in feedback
        if q.form == "multi":
            assert quiz.locator("button.qz-word.qz-right").count() == len(q.answer)
            assert quiz.locator("button.qz-word[aria-pressed=true]").count() == len(q.answer)
            if lab:
                SCREENSHOT.parent.mkdir(exist_ok=True)
                quiz.screenshot(path=str(SCREENSHOT))
                if not DOCS_SCREENSHOT.exists() or os.environ.get("QUIZLIB_UPDATE_SCREENSHOT") == "1":
                    shutil.copy(SCREENSHOT, DOCS_SCREENSHOT)
        if HOSTILE in q.prompt:
            # shown as text, not turned into an element
            assert HOSTILE in quiz.locator(".qz-prompt").inner_text()
            assert quiz.locator(".qz-prompt img, .qz-evidence img, .qz-evidence script").count() == 0
            assert "<script>" in quiz.locator(".qz-evidence").first.inner_text()
        quiz.get_by_role("button", name="Finish" if i == len(bank) - 1 else "Next", exact=True).click()

    quiz.get_by_text("Your results").wait_for()
    assert f"Answered {len(bank)} of {len(bank)}" in quiz.inner_text()
    assert quiz.get_by_role("button", name="Retry the 1 I missed", exact=True).is_visible()
    link = quiz.get_by_role("link", name="Download my results (CSV) for the instructor")
    csv_text = base64.b64decode(link.get_attribute("href").split(",", 1)[1]).decode("utf-8")
    assert csv_text.startswith("learner,bank_id,question_id,kind,skill,technique,response,score,time\n")
    assert len(csv_text.splitlines()) == 1 + len(bank)

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT question_id, score FROM attempts WHERE learner = ?", (learner,)).fetchall()
    assert [r[0] for r in rows] == [q.id for q in bank]
    assert [r[1] for r in rows] == [0.0 if i == 1 else 1.0 for i in range(len(bank))]

    # a new kernel: the new Quiz reads the progress file and opens on the summary
    quiz = reopen_with_new_kernel(page, url, lab)
    quiz.get_by_text("Your results").wait_for()
    assert f"{len(bank)} of {len(bank)} answered" in quiz.inner_text()
    quiz.get_by_role("button", name="Retry the 1 I missed", exact=True).click()
    quiz.get_by_text("question 1 of 1").wait_for()
    answer(quiz, bank[1], right=True)
    check(quiz, "right")


def test_quiz_in_jupyterlab(jupyterlab, page, bank):
    run_through(page, jupyterlab.url, bank, lab=True, db=jupyterlab.db, learner=jupyterlab.learner)


def test_quiz_in_voila_on_a_narrow_screen_by_keyboard(voila, page, bank):
    page.set_viewport_size({"width": 390, "height": 844})
    run_through(page, voila.url, bank, lab=False, db=voila.db, learner=voila.learner, keyboard=True)
    # nothing sticks out sideways on a phone-sized screen
    width = page.evaluate("document.querySelector('.qz-quiz').scrollWidth")
    assert width <= 390
