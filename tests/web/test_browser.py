"""The web checker in a real browser: the flows a communications officer goes through."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.text.run import Run
from playwright.sync_api import expect

from .conftest import ROOT, Server

DRAFT = (
    "Our outreach team met two prostitutes near the station on Friday.\n"
    "Several were described by police as drug addicts.\n"
    "Two of them asked where to get an AIDS test.\n"
)


def paste_and_check(page: Any, text: str = DRAFT, profile: str = "default") -> None:
    page.get_by_label("Paste your draft").fill(text)
    page.get_by_label("Profile").select_option(profile)
    page.get_by_role("button", name="Check the draft").click()
    page.locator("#results").wait_for(state="visible")


def highlight(page: Any, words: str) -> Any:
    return page.locator("#draft .hl", has_text=words)


def draft_text(page: Any) -> str:
    return str(page.locator("#draft").inner_text())


def test_paste_shows_highlights_with_the_right_rules(page: Any) -> None:
    paste_and_check(page)
    assert highlight(page, "prostitutes").get_attribute("data-rule") == "sex-work/prostitute"
    assert highlight(page, "drug addicts").get_attribute("data-rule") == "drug-use/addict"
    assert "sev-warning" in (highlight(page, "prostitutes").get_attribute("class") or "")
    assert draft_text(page).rstrip() == DRAFT.rstrip()
    assert highlight(page, "AIDS test").get_attribute("data-rule") == "hiv/aids-test"
    assert page.locator("#finding-list li").count() == 3


def test_clicking_a_finding_shows_reason_and_sources(page: Any) -> None:
    paste_and_check(page)
    highlight(page, "prostitutes").click()
    detail = page.locator("#detail")
    assert "sex-work/prostitute" in detail.inner_text()
    assert "criminal and moral stigma" in detail.inner_text()
    links = detail.locator("a")
    assert links.count() >= 2
    assert all(
        (links.nth(i).get_attribute("href") or "").startswith("https://")
        for i in range(links.count())
    )
    assert page.evaluate("document.activeElement.id") == "detail-title"


def test_accept_changes_the_text_and_undo_restores_it(page: Any) -> None:
    paste_and_check(page)
    highlight(page, "prostitutes").click()
    page.get_by_role("button", name="Accept “sex workers” instead of “prostitutes”").click()
    expect(page.locator("#draft")).not_to_contain_text("prostitutes")
    assert "met two sex workers near" in draft_text(page)
    assert page.locator("#draft .hl[data-rule='sex-work/prostitute']").count() == 0
    assert page.locator("#changes li").count() == 1
    expect(page.locator("#status")).to_contain_text("Changed “prostitutes” to “sex workers”")

    page.get_by_role("button", name="Undo the last change").click()
    expect(page.locator("#draft")).to_contain_text("prostitutes")
    assert highlight(page, "prostitutes").count() == 1
    assert page.locator("#changes li").count() == 0
    assert page.get_by_role("button", name="Undo the last change").is_disabled()


def test_checking_the_same_draft_again_keeps_the_accepted_changes(page: Any) -> None:
    paste_and_check(page)
    highlight(page, "prostitutes").click()
    page.get_by_role("button", name="Accept “sex workers” instead of “prostitutes”").click()
    expect(page.locator("#changes li")).to_have_count(1)
    paste_and_check(page, profile="strict")
    expect(page.locator("#changes li")).to_have_count(1)
    assert "met two sex workers near" in draft_text(page)
    paste_and_check(page, "Another draft about prostitutes.\n")
    expect(page.locator("#changes li")).to_have_count(0)


def test_accept_all_safe_fixes_then_undo_every_change(page: Any) -> None:
    paste_and_check(page)
    page.get_by_role("button", name="Accept all safe fixes").click()
    expect(page.locator("#changes li")).to_have_count(1)
    expect(page.locator("#draft")).to_contain_text("get an HIV test")
    assert page.locator("#draft .hl[data-rule='hiv/aids-test']").count() == 0
    assert "prostitutes" in draft_text(page)  # not a safe fix: left for a person to decide
    page.get_by_role("button", name="Undo the last change").click()
    expect(page.locator("#changes li")).to_have_count(0)
    expect(page.locator("#draft")).to_contain_text("get an AIDS test")


def test_accept_all_safe_fixes_reaches_past_the_bound_on_findings(page: Any) -> None:
    # 2,400 findings: the page shows the first 1,000, and the button keeps going
    paste_and_check(page, "Hookers met the johns there.\n" * 1_200)
    page.get_by_role("button", name="Accept all safe fixes").click()
    expect(page.locator("#status")).to_contain_text("Accepted the safe fixes. 0 findings left")
    assert "ooker" not in draft_text(page)
    page.get_by_role("button", name="Undo the last change").click()
    expect(page.locator("#changes li")).to_have_count(0)
    expect(page.locator("#draft")).to_contain_text("Hookers met the johns there.")


def test_conflation_explains_the_shape_and_offers_no_rewrite(page: Any) -> None:
    paste_and_check(page, "Prostitution is a form of human trafficking.\n")
    marks = page.locator("#draft .hl[data-rule^='conflation/']")
    assert marks.count() >= 1
    marks.first.click()
    detail = page.locator("#detail")
    assert "no automatic rewrite" in detail.inner_text()
    assert detail.locator("button.accept").count() == 0


def test_a_word_inside_a_conflation_offers_no_wording_to_accept(page: Any) -> None:
    paste_and_check(page, "Prostitution is a form of human trafficking.\n")
    page.locator("#finding-list li", has_text="sex-work/prostitution").locator(
        "button"
    ).first.click()
    detail = page.locator("#detail")
    detail.locator("code", has_text="sex-work/prostitution").wait_for()
    assert "Sex work" in detail.inner_text()  # offered as an idea
    assert detail.locator("button.accept").count() == 0


def test_a_reference_links_label_shows_wording_to_reword_by_hand(page: Any) -> None:
    page.get_by_label("Pasted text is").select_option("markdown")
    paste_and_check(page, "We met [prostitutes] today.\n\n[prostitutes]: notes.md\n")
    highlight(page, "prostitutes").click()
    detail = page.locator("#detail")
    assert "sex workers" in detail.inner_text()
    assert "reword them together with what uses them" in detail.inner_text()
    assert detail.locator("button.accept").count() == 0


def test_a_heading_fix_says_what_to_check_before_accepting(page: Any) -> None:
    page.get_by_label("Pasted text is").select_option("markdown")
    paste_and_check(page, "# Night outreach for prostitutes\n\nWe met prostitutes.\n")
    highlight(page, "prostitutes").first.click()
    detail = page.locator("#detail")
    expect(detail).to_contain_text("Before you accept")
    expect(detail).to_contain_text("It changes the heading's link anchor")
    assert detail.locator("button.accept").count() == 3
    highlight(page, "prostitutes").last.click()
    expect(detail).not_to_contain_text("Before you accept")


def test_only_wordings_that_fit_the_sentence_can_be_accepted(page: Any) -> None:
    paste_and_check(page, "We support HIV-infected mothers.\n")
    highlight(page, "HIV-infected").click()
    detail = page.locator("#detail")
    assert detail.locator("button.accept").count() == 1
    expect(detail).to_contain_text("Other ideas")
    expect(detail.locator("li", has_text="acquired HIV")).to_be_visible()
    page.get_by_role("button", name="Accept “mothers living with HIV” instead of").click()
    expect(page.locator("#draft")).to_contain_text("We support mothers living with HIV.")
    # a possessive that no wording has: every wording is an idea, listed without a button
    paste_and_check(page, "The junkie's bag was stolen.\n")
    highlight(page, "junkie").click()
    expect(detail).to_contain_text("Ideas")
    expect(detail.locator("li", has_text="person who uses drugs")).to_be_visible()
    assert detail.locator("button.accept").count() == 0


def make_docx() -> bytes:
    document: DocxDocument = docx.Document()
    document.add_heading("Outreach report", level=1)
    para = document.add_paragraph("This month we met ")
    bold = para.add_run("prostitutes")
    bold.bold = True
    para.add_run(" at the drop-in.")
    italic = document.add_paragraph().add_run("Some clients are drug addicts in recovery.")
    italic.italic = True
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def upload_and_accept_sex_workers(page: Any, tmp_path: Path) -> None:
    """Upload the report, then accept "sex workers" instead of "prostitutes"."""
    source = tmp_path / "report.docx"
    source.write_bytes(make_docx())
    page.get_by_label("Or upload a file").set_input_files(str(source))
    page.get_by_role("button", name="Check the draft").click()
    page.locator("#draft .hl").first.wait_for()
    assert page.locator("#draft-name").inner_text() == "report.docx"
    highlight(page, "prostitutes").click()
    page.get_by_role("button", name="Accept “sex workers” instead of “prostitutes”").click()
    expect(page.locator("#draft")).not_to_contain_text("prostitutes")


def test_upload_docx_and_download_it_corrected(page: Any, tmp_path: Path) -> None:
    upload_and_accept_sex_workers(page, tmp_path)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the corrected .docx").click()
    download = info.value
    assert download.suggested_filename == "report-checked.docx"
    saved = tmp_path / "out.docx"
    download.save_as(saved)
    fixed = docx.Document(str(saved))
    paragraphs = fixed.paragraphs
    assert paragraphs[0].text == "Outreach report"
    assert paragraphs[0].style.name == "Heading 1"
    assert paragraphs[1].text == "This month we met sex workers at the drop-in."
    runs = {r.text: r.bold for r in paragraphs[1].runs}
    assert runs["sex workers"] is True
    assert runs["This month we met "] is not True
    assert paragraphs[2].runs[0].italic is True
    assert paragraphs[2].text == "Some clients are drug addicts in recovery."


def test_download_docx_with_word_tracked_changes(page: Any, tmp_path: Path) -> None:
    upload_and_accept_sex_workers(page, tmp_path)
    page.get_by_label("with Word tracked changes").check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the corrected .docx").click()
    saved = tmp_path / "tracked.docx"
    info.value.save_as(saved)
    fixed = docx.Document(str(saved))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    paragraph = fixed.paragraphs[1]._p
    (ins,) = paragraph.iter(f"{w}ins")
    (dele,) = paragraph.iter(f"{w}del")
    assert ins.get(f"{w}author") == dele.get(f"{w}author") == "respectful-lint"
    assert "".join(t.text for t in ins.iter(f"{w}t")) == "sex workers"
    assert "".join(t.text for t in dele.iter(f"{w}delText")) == "prostitutes"
    # python-docx lists only the runs outside revisions: read the inserted run directly
    assert Run(ins[0], fixed.paragraphs[1]).bold is True
    assert fixed.paragraphs[0].style.name == "Heading 1"


def test_download_pasted_text_as_markdown(page: Any, tmp_path: Path) -> None:
    paste_and_check(page)
    page.get_by_role("button", name="Accept all safe fixes").click()
    expect(page.locator("#changes li")).to_have_count(1)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Markdown").click()
    assert info.value.suggested_filename == "draft-checked.md"
    saved = tmp_path / "d.md"
    info.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == DRAFT.replace("an AIDS test", "an HIV test")


XSS = [
    "<script>window.__xss = 1</script> prostitutes",
    '"><img src=x onerror="window.__xss = 2"> prostitutes',
    "<svg onload=window.__xss=3> hookers",
]


def test_xss_payloads_in_drafts_and_file_names_stay_text(page: Any, tmp_path: Path) -> None:
    for payload in XSS:
        paste_and_check(page, payload)
        assert payload.split(" prostitutes")[0].split(" hookers")[0] in draft_text(page)
        assert page.locator("#draft img, #draft script, #draft svg").count() == 0
        page.get_by_role("button", name="Edit the draft").click()
    evil = tmp_path / '"><img src=x onerror=window.__xss=4>.txt'
    evil.write_text("We met prostitutes.\n", encoding="utf-8")
    page.get_by_label("Or upload a file").set_input_files(str(evil))
    page.get_by_role("button", name="Check the draft").click()
    page.locator("#draft .hl").first.wait_for()
    assert page.locator("#draft-name").inner_text() == evil.name
    assert page.locator("img").count() == 0
    assert page.evaluate("window.__xss") is None


def test_rules_can_be_searched_and_explained(page: Any) -> None:
    search = page.get_by_label("Search by word, rule or category")
    search.fill("hooker")
    page.locator("#rule-list li", has_text="sex-work/hooker").first.wait_for()
    page.get_by_role("button", name="sex-work/hooker").click()
    detail = page.locator("#rule-detail")
    detail.locator("h3", has_text="sex-work/hooker").wait_for()
    assert "Preferred wording" in detail.inner_text()
    assert "Why" in detail.inner_text()


def test_a_rule_shows_its_best_general_wording_each_wording_once_and_no_template(
    page: Any,
) -> None:
    search = page.get_by_label("Search by word, rule or category")
    search.fill("crackhead")
    row = page.locator("#rule-list li", has_text="drug-use/junkie").first
    row.wait_for()
    assert "person who uses drugs" in row.inner_text()
    page.get_by_role("button", name="drug-use/junkie").click()
    detail = page.locator("#rule-detail")
    detail.locator("h3", has_text="drug-use/junkie").wait_for()
    items = detail.locator("ol li").all_inner_texts()
    assert items[0] == "person who uses drugs"
    assert [i.split(" (")[0] for i in items].count("person who uses crack") == 1
    crack = "person who uses crack (for crack fiend, crackhead (crack head, crack-head), druggie"
    assert f"{crack}, junkie)" in items
    assert "~" not in detail.inner_text()
    search.fill("wheelchair")
    page.get_by_role("button", name="disability/wheelchair-bound").click()
    detail.locator("h3", has_text="disability/wheelchair-bound").wait_for()
    assert "{noun}" not in detail.inner_text()


def test_keyboard_alone_checks_and_accepts(page: Any) -> None:
    page.get_by_label("Paste your draft").fill(DRAFT)
    page.get_by_role("button", name="Check the draft").focus()
    page.keyboard.press("Enter")
    page.locator("#draft .hl").first.wait_for()
    highlight(page, "prostitutes").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "detail-title"
    page.keyboard.press("Tab")
    for _ in range(10):
        name = page.evaluate("document.activeElement.textContent")
        if name.startswith("Accept"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#draft")).not_to_contain_text("prostitutes")


def test_phone_width_has_no_sideways_scrolling(page: Any) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    paste_and_check(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("#draft").bounding_box()["width"] > 250


def test_accessibility_check_passes(page: Any, axe_source: str) -> None:
    paste_and_check(page, DRAFT + "Prostitution is a form of human trafficking.\n")
    highlight(page, "prostitutes").click()
    page.get_by_label("Search by word, rule or category").fill("junkie")
    page.get_by_role("button", name="drug-use/junkie").click()
    page.locator("#rule-detail h3").wait_for()
    page.evaluate(axe_source)
    result = page.evaluate(
        "axe.run(document).then(r => r.violations.map(v => [v.id, v.impact, v.nodes.length]))"
    )
    serious = [v for v in result if v[1] in ("serious", "critical")]
    assert not serious, serious


def test_screenshot_for_the_readme(page: Any, tmp_path: Path) -> None:
    """The README's picture of the page, with findings and one opened. It is taken on every
    run; UPDATE_GOLDEN=1 writes it over docs/web-checker.png."""
    text = (
        "Community update\n\n"
        "This spring our outreach workers met prostitutes and their johns near the station, "
        "and handed out clean needles to drug addicts.\n\n"
        "Staff also supported several illegal immigrants and ex-offenders.\n\n"
        "Prostitution is a form of human trafficking, a speaker told the meeting.\n"
    )
    paste_and_check(page, text)
    highlight(page, "prostitutes").first.click()
    readme_picture = ROOT / "docs" / "web-checker.png"
    target = readme_picture if os.environ.get("UPDATE_GOLDEN") else tmp_path / "page.png"
    page.locator("#results").screenshot(path=str(target))
    assert target.stat().st_size > 10_000


def test_every_request_stays_on_the_checker(
    page: Any, server: Server, requests_seen: list[str]
) -> None:
    paste_and_check(page)
    highlight(page, "prostitutes").click()
    page.get_by_label("Search by word, rule or category").fill("addict")
    assert requests_seen
    assert all(u.startswith(server.base) for u in requests_seen)


def test_a_bad_upload_shows_a_clear_message_and_the_page_carries_on(
    page: Any, tmp_path: Path
) -> None:
    broken = tmp_path / "minutes.docx"
    broken.write_bytes(b"this is not a zip archive")
    page.get_by_label("Or upload a file").set_input_files(str(broken))
    page.get_by_role("button", name="Check the draft").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "minutes.docx: cannot read: not a Word document"
    )
    page.get_by_role("button", name="Remove the file").click()
    paste_and_check(page)
    expect(page.get_by_role("alert")).to_have_text("")
    assert highlight(page, "prostitutes").count() == 1


def test_any_accepted_change_can_be_undone_on_its_own(page: Any) -> None:
    paste_and_check(page)
    highlight(page, "prostitutes").click()
    page.get_by_role("button", name="Accept “sex workers” instead of “prostitutes”").click()
    expect(page.locator("#changes li")).to_have_count(1)
    highlight(page, "drug addicts").click()
    page.get_by_role(
        "button", name="Accept “people who use drugs” instead of “drug addicts”"
    ).click()
    expect(page.locator("#changes li")).to_have_count(2)
    page.get_by_role("button", name="Undo “prostitutes” → “sex workers”").click()
    expect(page.locator("#changes li")).to_have_count(1)
    expect(page.locator("#draft")).to_contain_text("met two prostitutes near")
    expect(page.locator("#draft")).to_contain_text("as people who use drugs.")
    assert highlight(page, "prostitutes").count() == 1


def test_without_javascript_the_draft_is_never_sent_or_put_in_the_address(
    browser: Any, server: Server
) -> None:
    # a form without its script would have been sent as a GET: the draft in the address bar,
    # the browser's history and anything that syncs it
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url)
    expect(page.locator(".notice")).to_contain_text("needs JavaScript")
    page.get_by_label("Paste your draft").fill("Client Jane Doe, 14, was a child prostitute.")
    expect(page.get_by_role("button", name="Check the draft")).to_be_disabled()
    page.get_by_label("Paste your draft").press("Enter")  # a new line, no submission
    assert "Jane" not in page.url
    assert page.get_by_label("Paste your draft").input_value().startswith("Client Jane Doe")
    context.close()


def test_a_refused_upload_leaves_the_draft_on_screen_and_its_changes_working(
    page: Any, tmp_path: Path
) -> None:
    paste_and_check(page)
    page.get_by_role("button", name="Accept all safe fixes").click()
    expect(page.locator("#changes li")).to_have_count(1)
    refused = tmp_path / "report.pdf"
    refused.write_bytes(b"%PDF-1.4 not a draft")
    page.get_by_label("Or upload a file").set_input_files(str(refused))
    page.get_by_role("button", name="Check the draft").click()
    expect(page.get_by_role("alert")).to_contain_text("report.pdf")
    # the accepted change is not lost: the draft on screen still downloads, and undoes
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Markdown").click()
    saved = tmp_path / "d.md"
    info.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == DRAFT.replace("an AIDS test", "an HIV test")
    page.get_by_role("button", name="Undo the last change").click()
    expect(page.locator("#draft")).to_contain_text("get an AIDS test")


def test_the_change_list_counts_fixes_as_the_summary_does(page: Any) -> None:
    # "a handicapped bay" becomes "an accessible bay": one fix, two edits
    paste_and_check(page, "Park in a handicapped bay by the door.\n")
    expect(page.locator("#summary")).to_contain_text("1 safe fix can be accepted at once")
    page.get_by_role("button", name="Accept all safe fixes").click()
    expect(page.locator("#changes li")).to_contain_text("All safe fixes (1 fix)")
    expect(page.locator("#draft")).to_contain_text("Park in an accessible")


def test_a_choice_names_all_the_words_it_replaces(page: Any) -> None:
    # "formerly incarcerated people" takes the place of "Ex-inmates", not of "inmates" alone
    paste_and_check(page, "Ex-inmates run the reentry workshop.\n")
    highlight(page, "inmates").click()
    page.get_by_role(
        "button", name="Accept “Formerly incarcerated people” instead of “Ex-inmates”"
    ).click()
    expect(page.locator("#changes li")).to_contain_text(
        "“Ex-inmates” → “Formerly incarcerated people”"
    )
    expect(page.locator("#draft")).to_contain_text("Formerly incarcerated people run")


def test_a_word_documents_header_is_named_in_the_draft(page: Any, tmp_path: Path) -> None:
    # the header's text follows the body's: a name says where it starts, outside the text
    document = docx.Document()
    document.add_paragraph("Night outreach for hookers.")
    document.sections[0].header.paragraphs[0].text = "Hookers: night outreach"
    path = tmp_path / "brief.docx"
    document.save(str(path))
    page.get_by_label("Or upload a file").set_input_files(str(path))
    page.get_by_role("button", name="Check the draft").click()
    page.locator("#results").wait_for(state="visible")
    expect(page.locator("#draft .part-label")).to_have_text(["Header"])
    assert draft_text(page).splitlines()[0] == "Night outreach for hookers."
    page.get_by_role("button", name="Accept all safe fixes").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as text").click()
    saved = tmp_path / "brief.txt"
    info.value.save_as(saved)
    # the header keeps its name in the text, so that it is not taken for the body
    assert saved.read_text(encoding="utf-8").splitlines() == [
        "Night outreach for sex workers.",
        "",
        "[Header]",
        "",
        "Sex workers: night outreach",
    ]


def test_html_is_downloaded_as_html(page: Any, tmp_path: Path) -> None:
    page.get_by_label("Pasted text is").select_option("html")
    paste_and_check(page, "<p>We met hookers.</p>\n")
    assert page.get_by_role("button", name="Download as text").is_hidden()
    page.get_by_role("button", name="Accept all safe fixes").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the corrected HTML").click()
    assert info.value.suggested_filename == "draft-checked.html"
    saved = tmp_path / "out.html"
    info.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == "<p>We met sex workers.</p>\n"


def test_the_finding_list_shows_words_without_their_markup(page: Any) -> None:
    page.get_by_label("Pasted text is").select_option("markdown")
    paste_and_check(page, "The van serves **prostituted** women downtown.\n")
    expect(page.locator("#finding-list li").first).to_contain_text("“prostituted women”")
