"""The self-check questions on the website, as a student meets them, in both editions, on a phone and on a
desktop screen: every question of the chapter is there with its data-question id, a wrong answer is marked
wrong with the feedback that explains it, the right answer is marked right, a French page takes a decimal
comma, a "read the chart" question is answered after setting the chart's controls as a student does,
nothing leaves the page, and the chapter's score is kept in the browser until the student clears it."""

from __future__ import annotations

import pytest
from conftest import EDITIONS

from clusterlab import labels, questions

WIDTHS = (390, 1280)
CHAPTERS = [path.stem for path in questions.files()]


def page_of(language: str, chapter: str) -> str:
    return f"{language}/chapters/{language}/{chapter}.html"


def typed(value: float, language: str) -> str:
    """A number as a student of that edition types it: ``2,5`` on a French page, ``2.5`` on an English one."""
    text = f"{value:.10g}"
    return text.replace(".", ",") if language == "fr" else text


def sample(found: list[questions.Question]) -> list[questions.Question]:
    """A question of each kind the chapter has (one answer, several answers, a number) and every question
    that reads a chart."""
    kinds = {}
    for q in found:
        kinds.setdefault((q.kind, q.multiple), q)
    chosen = {q.id: q for q in [*kinds.values(), *(q for q in found if q.reads_chart)]}
    return list(chosen.values())


def answer(host, question: questions.Question, response) -> None:
    """Answer as a student does: tick the options (by their index) or type the number, then press Check."""
    if question.kind == "choice":
        boxes = host.locator("input[data-option]")
        for i in range(boxes.count()):
            if question.multiple:
                boxes.nth(i).set_checked(i in response)
            elif i == response:
                boxes.nth(i).check()
    else:
        host.locator("input[data-number]").fill(response)
    host.locator("button.cl-question-check").click()


def verdict(host) -> tuple[str, str]:
    return host.get_attribute("data-verdict"), host.locator(".cl-question-feedback").inner_text()


def same(shown, value) -> bool:
    """Whether a control shows ``value`` (numbers compared as numbers: a slider writes 3 for 3.0)."""
    try:
        return float(shown) == float(value)
    except (TypeError, ValueError):
        return str(shown).lower() == str(value).lower()


def set_controls(page, host, controls: dict) -> None:
    """Set a chart's bound controls through its inputs, as a student does: the last chart above the question
    whose inputs carry those names."""
    names = list(controls)
    index = page.evaluate(
        """([names, question]) => {
            const charts = [...document.querySelectorAll('div.cl-chart')].filter(
                (c) => c.compareDocumentPosition(question) & Node.DOCUMENT_POSITION_FOLLOWING &&
                       names.every((n) => c.querySelector(`[name="${n}"]`)));
            const all = [...document.querySelectorAll('div.cl-chart')];
            return charts.length ? all.indexOf(charts[charts.length - 1]) : -1;
        }""",
        [names, host.element_handle()],
    )
    assert index >= 0, f"no chart above the question has the controls {names}"
    chart = page.locator("div.cl-chart").nth(index)
    for name, value in controls.items():
        control = chart.locator(f'[name="{name}"]')
        kind = control.first.evaluate("e => e.tagName === 'SELECT' ? 'select' : e.type")
        if kind == "select":
            options = control.evaluate("e => [...e.options].map(o => o.value)")
            control.select_option(next(o for o in options if same(o, value)))
        elif kind == "radio":
            chart.locator(f'input[name="{name}"][value="{value}"]').check()
        elif kind == "checkbox":
            control.set_checked(bool(value))
        else:  # a slider: move it to the value, as a drag or the arrow keys would
            control.evaluate(
                "(e, v) => { e.value = v; e.dispatchEvent(new Event('input', {bubbles: true}));"
                " e.dispatchEvent(new Event('change', {bubbles: true})); }",
                str(value),
            )
        shown = control.first.evaluate(
            "e => e.tagName === 'SELECT' ? e.value : (e.type === 'checkbox' ? e.checked : e.value)"
        )
        if kind == "radio":
            shown = chart.locator(f'input[name="{name}"]:checked').get_attribute("value")
        assert same(shown, value), (name, value, shown)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", EDITIONS)
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_questions_answer_with_feedback(visit, chapter, language, width):
    found = questions.chapter_questions(chapter)
    v = visit(page_of(language, chapter), width=width)
    page = v.page
    page.wait_for_selector(".cl-question form")
    ids = page.eval_on_selector_all(".cl-question", "hosts => hosts.map(h => h.dataset.question)")
    assert ids == [q.id for q in found]
    # the browser fetches the page's icon when it likes (once, after the page has loaded): not the questions' doing
    icons = set(page.eval_on_selector_all("link[rel~=icon]", "links => links.map(l => l.href)"))
    requests: list[str] = []
    page.on("request", lambda r: r.url in icons or requests.append(r.url))
    right_word, wrong_word = labels.label("question.right", language), labels.label("question.wrong", language)
    for q in sample(found):
        host = page.locator(f'.cl-question[data-question="{q.id}"]')
        host.scroll_into_view_if_needed()
        if q.chart:
            set_controls(page, host, q.chart["controls"])
        if q.kind == "choice":
            right = [i for i, o in enumerate(q.options) if o.correct]
            wrong = next(i for i, o in enumerate(q.options) if not o.correct)
            answer(host, q, [wrong] if q.multiple else wrong)
            assert verdict(host) == ("wrong", f"{wrong_word} {q.options[wrong].feedback[language]}"), q.id
            row = host.locator(".cl-question-option").nth(wrong)
            assert row.get_attribute("data-verdict") == "wrong"
            answer(host, q, right if q.multiple else right[0])
            state, feedback = verdict(host)
            assert state == "right" and feedback.startswith(right_word), (q.id, feedback)
            for i in right:
                assert q.options[i].feedback[language] in feedback
        else:
            a = q.answer
            if a.wrong:
                answer(host, q, typed(a.wrong[0].value, language))
                assert verdict(host) == ("wrong", f"{wrong_word} {a.wrong[0].feedback[language]}"), q.id
            answer(host, q, typed(a.value, language))
            assert verdict(host) == ("right", f"{right_word} {a.feedback[language]}"), q.id
        # the feedback is in a live region: a screen reader reads it out
        live = host.locator(".cl-question-feedback")
        assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"
    assert requests == [], f"answering asked for {requests}"
    assert v.blocked == [] and v.errors == [], (v.blocked, v.errors)
    # nothing wider than the column on a phone
    overflow = page.evaluate(
        "() => [...document.querySelectorAll('.cl-question')].filter(q => q.scrollWidth > q.clientWidth + 1).length"
    )
    assert overflow == 0


@pytest.mark.parametrize("language", EDITIONS)
def test_a_french_page_takes_a_decimal_comma_and_an_english_page_a_point(visit, language):
    chapter = "04-measuring-clusters"
    q = questions.all_questions()["lq-by-hand-share"]
    page = visit(page_of(language, chapter)).page
    host = page.locator('.cl-question[data-question="lq-by-hand-share"]')
    answer(host, q, "2,5")
    expected = "right" if language == "fr" else "wrong"
    state, feedback = verdict(host)
    assert state == expected
    if language == "en":
        assert labels.label("question.not_a_number", "en") in feedback
    answer(host, q, "2.5")
    assert verdict(host)[0] == "right"


def test_the_score_is_kept_in_the_browser_until_cleared(visit):
    chapter = "04-measuring-clusters"
    found = questions.chapter_questions(chapter)
    v = visit(page_of("en", chapter))
    page = v.page
    q = next(q for q in found if q.kind == "choice" and not q.multiple)
    host = page.locator(f'.cl-question[data-question="{q.id}"]')
    answer(host, q, next(i for i, o in enumerate(q.options) if o.correct))
    score = page.locator(".cl-question-score .cl-score-value")
    assert score.inner_text() == f"1 / {len(found)}"
    stored = page.evaluate(f"() => JSON.parse(localStorage.getItem('clusterlab.questions.{chapter}'))")
    assert stored == {q.id: True}
    page.reload()
    page.wait_for_selector(".cl-question form")
    assert page.locator(".cl-question-score .cl-score-value").inner_text() == f"1 / {len(found)}"
    page.locator("button.cl-question-clear").click()
    assert page.locator(".cl-question-score .cl-score-value").inner_text() == f"0 / {len(found)}"
    assert page.evaluate(f"() => localStorage.getItem('clusterlab.questions.{chapter}')") is None


def test_a_question_is_answered_with_the_keyboard_alone(visit):
    q = questions.all_questions()["lq-meaning"]
    page = visit(page_of("fr", "04-measuring-clusters")).page
    host = page.locator('.cl-question[data-question="lq-meaning"]')
    # from the element before the question, Tab reaches its options, the arrows choose, Tab and Enter check
    host.locator("input[data-option]").first.focus()
    page.keyboard.press("ArrowDown")
    chosen = host.locator("input[data-option]:checked").get_attribute("value")
    assert chosen == "1"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('cl-question-check')")
    page.keyboard.press("Enter")
    assert verdict(host) == ("wrong", f"{labels.label('question.wrong', 'fr')} {q.options[1].feedback['fr']}")
    # a number typed and Enter pressed in its box checks it too
    number = page.locator('.cl-question[data-question="lq-by-hand-share"]')
    number.locator("input[data-number]").focus()
    page.keyboard.type("2,5")
    page.keyboard.press("Enter")
    assert verdict(number)[0] == "right"


@pytest.mark.parametrize("width", WIDTHS)
def test_answered_questions_keep_the_page_free_of_accessibility_violations(visit, width):
    """axe's full rule sets, as on every page, once the questions show their verdicts and feedback."""
    from conftest import axe_problems, axe_scan
    from test_browser import AXE_OPTIONS

    chapter = "08-threats"
    page = visit(page_of("fr", chapter), width=width).page
    for q in questions.chapter_questions(chapter):
        host = page.locator(f'.cl-question[data-question="{q.id}"]')
        if q.kind == "choice":
            wrong = next(i for i, o in enumerate(q.options) if not o.correct)
            answer(host, q, [wrong] if q.multiple else wrong)
        else:
            answer(host, q, typed(q.answer.value, "fr"))
    assert axe_problems(axe_scan(page, AXE_OPTIONS)) == []
