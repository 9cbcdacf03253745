"""Printed profiles: rendered to PDF and read back with a PDF text extractor (pypdf)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPdfWriter, QTextCursor, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from db.model.formats import format_euro, format_period
from db.model.schemas import NetworkProfile
from db.storage.store import Store
from db.text.file_names import safe_file_stem
from db.text.profile_text import parse_profile
from db.text.samples import sample_texts
from desktop.cli import run_command
from desktop.printing.documents import (
    LazyProfiles,
    PageGeometry,
    PrintCancelled,
    PrintError,
    PrintOptions,
    keep_headings_with_next,
    new_document,
    pdf_file_names,
    pdf_writer,
    profile_document,
    split_blocks_at_page_breaks,
    write_pdf,
    write_pdf_folder,
)
from desktop.printing.profile_html import profile_html
from desktop.printing.view import (
    BatchChoice,
    BatchKind,
    PrintController,
    ProfilePreview,
    WindowPrinting,
    install_printing,
)
from desktop.window.main_window import MainWindow
from tests.db.factories import full_profile

PRINTED_ON = date(2026, 11, 25)
OPTIONS = PrintOptions(print_date=PRINTED_ON)
MARKUP = '<b>vet</b> & <img src="x.png"> <script>alert("x")</script>'


@pytest.fixture(scope="module")
def samples() -> list[NetworkProfile]:
    return [parse_profile(text, file_name=name).profile for name, text in sample_texts()]


def flat(text: str) -> str:
    return " ".join(text.split())


def page_texts(path: Path) -> list[str]:
    """Each page's text as a PDF text extractor reads it: poppler's pdftotext (fast), else pypdf."""
    if shutil.which("pdftotext"):
        done = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            check=True,
        )
        pages = done.stdout.decode("utf-8").split("\f")[:-1]  # each page ends with a form feed
        return [flat(page) for page in pages]
    return [flat(page.extract_text()) for page in PdfReader(path).pages]


def body_texts(pages: list[str]) -> str:
    """The pages' text without their header and footer, so a sentence running over a page end
    reads as one."""
    bodies = []
    for text in pages:
        text = re.sub(r"^Lokaal netwerk Borsbeek Borsbeek, Wommelgem ", "", text)
        bodies.append(re.sub(r" Afgedrukt op \d\d/\d\d/\d{4} Pagina \d+ / \d+$", "", text))
    return " ".join(bodies)


def in_order(text: str, parts: Sequence[str]) -> None:
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing after position {position}"
        position = found + len(part)


def first_words(text: str, count: int = 4) -> str:
    return " ".join(text.split()[:count])


def long_profile(sentences: int = 500, goals: int = 12) -> NetworkProfile:
    paragraphs = [
        " ".join(
            f"zin {number:04d} over financiële drempels." for number in range(start, start + 10)
        )
        for start in range(0, sentences, 10)
    ]
    return full_profile(
        vision="\n\n".join(paragraphs),
        goals=[
            {
                "title": f"Doelstelling {goal}",
                "actions": [{"text": f"Actie {goal}.{action}"} for action in range(1, 6)],
            }
            for goal in range(1, goals + 1)
        ],
    )


# --- one profile ---------------------------------------------------------------------------------


def test_each_sample_prints_its_facts_in_order(
    qapp: QApplication, samples: list[NetworkProfile], tmp_path: Path
) -> None:
    assert len(samples) == 5
    for profile in samples:
        path = tmp_path / f"{profile.lead_municipality}.pdf"
        entries = write_pdf(path, [profile], OPTIONS)
        text = " ".join(page_texts(path))
        expected = [profile.name, profile.lead_municipality]
        if profile.drawing_right_eur is not None:
            expected += ["Trekkingsrecht", format_euro(profile.drawing_right_eur)]
        expected += [
            format_period(p.ordinal, p.start_year, p.end_year) for p in profile.agreement_periods
        ]
        if profile.vision:
            expected += ["Visie", first_words(profile.vision)]
        if profile.partners:
            expected += ["Partners", first_words(profile.partners[0].name, 2)]
        if profile.goals:
            expected += [
                first_words(profile.goals[0].title, 3),
                first_words(profile.goals[-1].title, 3),
            ]
        if profile.meetings:
            expected += ["Overlegmomenten", first_words(profile.meetings)]
        expected += [section.title for section in profile.sections]
        expected += [contact.email for contact in profile.contacts]
        in_order(text, expected)
        assert "[at]" not in text
        assert entries[0].pages == len(PdfReader(path).pages)


def test_diacritics_survive_into_the_pdf_text(
    qapp: QApplication, samples: list[NetworkProfile], tmp_path: Path
) -> None:
    path = tmp_path / "all.pdf"
    write_pdf(path, samples, OPTIONS)
    text = " ".join(page_texts(path))
    for word in (
        "financiële",
        "sectorcoördinator",
        "éénoudergezinnen",
        "intensifiëren",
        "gecreëerd",
    ):
        assert word in text
    assert "ﬁ" not in text  # no ligature glyphs: a search for "specifieke" finds it
    assert "specifieke" in text


def test_markup_in_a_record_prints_literally(qapp: QApplication, tmp_path: Path) -> None:
    profile = full_profile(
        name=f"Netwerk {MARKUP}",
        vision=f"Visie {MARKUP}",
        goals=[{"title": f"Doel {MARKUP}", "actions": [{"text": f"Actie {MARKUP}"}]}],
        contacts=[{"name": f"Naam {MARKUP}"}],
    )
    path = tmp_path / "markup.pdf"
    write_pdf(path, [profile], OPTIONS)
    text = " ".join(page_texts(path))
    for prefix in ("Netwerk", "Visie", "Doel", "Actie", "Naam"):
        assert f"{prefix} {MARKUP}" in text


def test_every_page_has_a_header_and_a_footer_with_n_of_total(
    qapp: QApplication, tmp_path: Path
) -> None:
    profile = long_profile()
    path = tmp_path / "long.pdf"
    write_pdf(path, [profile], OPTIONS)
    pages = page_texts(path)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert text.startswith(f"{profile.name} Borsbeek, Wommelgem")
        assert f"Afgedrukt op 25/11/2026 Pagina {number} / {len(pages)}" in text


def test_long_texts_flow_over_pages_with_nothing_lost_or_doubled(
    qapp: QApplication, tmp_path: Path
) -> None:
    path = tmp_path / "long.pdf"
    write_pdf(path, [long_profile(sentences=400)], OPTIONS)
    pages = page_texts(path)
    numbers = [int(found) for found in re.findall(r"zin (\d{4})", body_texts(pages))]
    assert numbers == list(range(400))
    assert len([page for page in pages if "zin " in page]) >= 3
    assert len(re.findall(r"Actie \d+\.\d", " ".join(pages))) == 12 * 5


def test_long_list_items_flow_over_pages_with_nothing_lost_or_doubled(
    qapp: QApplication, tmp_path: Path
) -> None:
    def words(prefix: str, count: int) -> str:
        return " ".join(
            f"{prefix}{number:03d} tekst van een lange actie" for number in range(count)
        )

    profile = full_profile(
        goals=[
            {
                "title": f"Doel {goal}",
                "actions": [
                    {"text": words(f"a{goal}x", 60), "children": [{"text": words(f"d{goal}x", 40)}]}
                ],
            }
            for goal in range(4)
        ]
    )
    path = tmp_path / "lijsten.pdf"
    write_pdf(path, [profile], OPTIONS)
    text = body_texts(page_texts(path))
    for goal in range(4):
        assert re.findall(rf"a{goal}x(\d{{3}})", text) == [f"{n:03d}" for n in range(60)]
        assert re.findall(rf"d{goal}x(\d{{3}})", text) == [f"{n:03d}" for n in range(40)]


def test_a_paragraph_running_over_a_page_end_is_split_where_the_page_ends(
    qapp: QApplication, tmp_path: Path
) -> None:
    writer, geometry = _writer(tmp_path)
    html = profile_html(long_profile(sentences=400))
    document = new_document(html, writer, geometry.body.size())
    pages_before = document.pageCount()
    tops_before = [top for block in _root_blocks(document) for top, _bottom in _line_spans(block)]
    assert split_blocks_at_page_breaks(document) > 0
    assert document.pageCount() == pages_before
    tops_after = [top for block in _root_blocks(document) for top, _bottom in _line_spans(block)]
    assert tops_after == tops_before  # the same lines in the same places
    page = document.pageSize().height()
    for block in _root_blocks(document):
        spans = _line_spans(block)
        assert len({int((top + 0.5) // page) for top, _bottom in spans}) <= 1


def _writer(tmp_path: Path) -> tuple[QPdfWriter, PageGeometry]:
    writer = pdf_writer(str(tmp_path / "layout.pdf"), "layout")
    return writer, PageGeometry.of(writer)


def _root_blocks(document: QTextDocument) -> list[Any]:
    blocks, block = [], document.begin()
    while block.isValid():
        if QTextCursor(block).currentFrame() == document.rootFrame():
            blocks.append(block)
        block = block.next()
    return blocks


def _line_spans(block: Any) -> list[tuple[float, float]]:
    layout = block.layout()
    top = layout.position().y()
    spans = []
    for index in range(layout.lineCount()):
        line = layout.lineAt(index)
        spans.append((top + line.y(), top + line.y() + line.height()))
    return spans


def test_no_line_is_cut_across_a_page_boundary(qapp: QApplication, tmp_path: Path) -> None:
    writer, geometry = _writer(tmp_path)
    document = profile_document(long_profile(), writer, geometry.body.size(), OPTIONS)
    page = document.pageSize().height()
    lines = [span for block in _root_blocks(document) for span in _line_spans(block)]
    assert document.pageCount() >= 3 and len(lines) > 100
    for top, bottom in lines:
        assert int(top // page) == int((bottom - 0.01) // page), (top, bottom, page)
    assert page == int(page)


def _orphaned_headings(document: QTextDocument) -> list[str]:
    """Headings whose next text line starts on a later page than the heading itself."""
    page = document.pageSize().height()
    document.pageCount()  # finishes the lazy layout
    blocks = _root_blocks(document)
    orphans = []
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if block.blockFormat().headingLevel() == 0 or following.blockFormat().headingLevel() > 0:
            continue
        heading_page = int(_line_spans(block)[0][0] // page)
        next_page = int((_line_spans(following)[0][1] - 0.5) // page)
        if next_page != heading_page:
            orphans.append(block.text())
    return orphans


def test_a_goal_heading_is_not_left_alone_at_the_bottom_of_a_page(
    qapp: QApplication, tmp_path: Path
) -> None:
    writer, geometry = _writer(tmp_path)
    size = geometry.body.size()
    orphaned_without_rule = 0
    moved = 0
    # Vision lengths shift the goals down line by line, so every heading meets a page end once.
    for sentences in range(60, 200, 7):
        html = profile_html(long_profile(sentences=sentences, goals=8))
        orphaned_without_rule += len(_orphaned_headings(new_document(html, writer, size)))
        document = new_document(html, writer, size)
        moved += keep_headings_with_next(document)
        assert _orphaned_headings(document) == [], sentences
    assert orphaned_without_rule > 0 and moved > 0  # the rule had work to do


# --- many profiles ------------------------------------------------------------------------------


def test_one_pdf_for_many_has_a_title_page_and_contents(
    qapp: QApplication, samples: list[NetworkProfile], tmp_path: Path
) -> None:
    path = tmp_path / "alle.pdf"
    options = PrintOptions(print_date=PRINTED_ON, description="Zoekopdracht: uitpas")
    entries = write_pdf(path, samples, options)
    pages = page_texts(path)
    assert "Profielen van lokale netwerken vrijetijdsparticipatie" in pages[0]
    assert "5 netwerken Zoekopdracht: uitpas Afgedrukt op 25/11/2026" in pages[0]
    contents = pages[1]
    assert "Inhoud" in contents and "Pagina 2 / " in contents
    assert [entry.name for entry in entries] == [profile.name for profile in samples]
    for number, entry in enumerate(entries, start=1):
        assert contents.count(entry.name) == 1
        assert re.search(rf"{number}\. {re.escape(entry.name)} .*? {entry.first_page}\b", contents)
        first = pages[entry.first_page - 1]
        assert first.startswith(entry.name)  # the page header
        assert f"Pagina {entry.first_page} / {len(pages)}" in first
        assert entry.name not in pages[entry.first_page - 2].split("Inhoud")[0][:60]
    assert entries[0].first_page == 3
    assert entries[-1].first_page + entries[-1].pages - 1 == len(pages)


def test_contents_lists_every_network_once_across_contents_pages(
    qapp: QApplication, tmp_path: Path
) -> None:
    # Long municipality lists wrap in the contents, so a few networks fill more than a page.
    many = [f"Gemeente{letter}{number}" for number in range(6) for letter in "ABC"]
    profiles = [
        NetworkProfile(name=f"Intergemeentelijk netwerk {number:02d}", municipalities=many[number:])
        for number in range(12)
    ]
    path = tmp_path / "veel.pdf"
    entries = write_pdf(path, profiles, OPTIONS)
    assert entries[0].first_page > 3  # the contents took more than one page
    pages = page_texts(path)
    contents = " ".join(pages[1 : entries[0].first_page - 1])
    for entry in entries:
        assert contents.count(entry.name) == 1
        assert pages[entry.first_page - 1].startswith(entry.name)


def test_one_pdf_per_network_named_after_the_municipality(
    qapp: QApplication, samples: list[NetworkProfile], tmp_path: Path
) -> None:
    written = write_pdf_folder(tmp_path, samples, OPTIONS)
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "Borsbeek.pdf", "Dilbeek.pdf", "Genk.pdf", "Oudenaarde.pdf", "Wevelgem.pdf",
    ]  # fmt: skip
    for path, profile in zip(written, samples, strict=True):
        pages = page_texts(path)
        assert pages[0].startswith(profile.name)
        assert f"Pagina 1 / {len(pages)}" in pages[0]


def test_file_names_are_safe_and_unique() -> None:
    profiles = [
        full_profile(municipalities=[name])
        for name in ["Genk", "genk", "Aa/Bb:Cc", "CON", "Sint-Genesius-Rode", "..."]
    ]
    assert pdf_file_names(profiles) == [
        "Genk.pdf", "genk (2).pdf", "Aa Bb Cc.pdf", "CON_.pdf", "Sint-Genesius-Rode.pdf", "netwerk.pdf",
    ]  # fmt: skip
    assert safe_file_stem('a<b>c"d|e?f*g\\h') == "a b c d e f g h"


# --- cancel and failure leave nothing behind ----------------------------------------------------


def cancel_after(calls: int) -> Callable[[int, int, str], bool]:
    seen: list[int] = []

    def progress(done: int, total: int, name: str) -> bool:
        seen.append(done)
        return len(seen) <= calls

    return progress


def test_cancelling_a_combined_pdf_leaves_no_file(
    qapp: QApplication, samples: list[NetworkProfile], tmp_path: Path
) -> None:
    for calls in (0, 3, 7):  # during counting, and during printing
        with pytest.raises(PrintCancelled):
            write_pdf(tmp_path / "alle.pdf", samples, OPTIONS, cancel_after(calls))
        assert list(tmp_path.iterdir()) == []


def test_cancelling_keeps_an_existing_file_as_it_was(
    qapp: QApplication, samples: list[NetworkProfile], tmp_path: Path
) -> None:
    target = tmp_path / "alle.pdf"
    target.write_bytes(b"the previous export")
    with pytest.raises(PrintCancelled):
        write_pdf(target, samples, OPTIONS, cancel_after(6))
    assert target.read_bytes() == b"the previous export"
    assert list(tmp_path.iterdir()) == [target]


def test_cancelling_a_folder_export_leaves_no_file(
    qapp: QApplication, samples: list[NetworkProfile], tmp_path: Path
) -> None:
    with pytest.raises(PrintCancelled):
        write_pdf_folder(tmp_path, samples, OPTIONS, cancel_after(3))
    assert list(tmp_path.iterdir()) == []


def test_a_failure_half_way_leaves_no_file(
    qapp: QApplication,
    samples: list[NetworkProfile],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import desktop.printing.documents as printing

    real = printing.print_profile
    calls: list[str] = []

    def failing(device: Any, profile: NetworkProfile, options: Any = None) -> int:
        calls.append(profile.name)
        if len(calls) == 3:
            raise PrintError("Schijf vol.", "Disk full.")
        return real(device, profile, options)

    monkeypatch.setattr(printing, "print_profile", failing)
    with pytest.raises(PrintError):
        write_pdf_folder(tmp_path, samples, OPTIONS)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_a_clear_error(qapp: QApplication, tmp_path: Path) -> None:
    with pytest.raises(PrintError, match="bestaat niet"):
        write_pdf(tmp_path / "weg" / "x.pdf", [full_profile()], OPTIONS)
    with pytest.raises(PrintError, match="bestaat niet"):
        write_pdf_folder(tmp_path / "weg", [full_profile()], OPTIONS)
    with pytest.raises(PrintError, match="geen netwerken"):
        write_pdf(tmp_path / "x.pdf", [], OPTIONS)
    assert list(tmp_path.iterdir()) == []


# --- stored networks, fetched lazily ------------------------------------------------------------


def test_lazy_profiles_fetch_a_chunk_at_a_time(store: Store, samples: list[NetworkProfile]) -> None:
    for profile in samples:
        store.create(profile)
    ids = store.list_ids()
    lazy = LazyProfiles(store, ids, chunk=2)
    assert len(lazy) == 5
    assert [profile.id for profile in lazy] == ids
    assert lazy[-1].id == ids[-1] and lazy[1:3][0].id == ids[1]
    with pytest.raises(IndexError):
        lazy[5]
    store.delete(ids[4])
    with pytest.raises(PrintError, match="verwijderd"):
        LazyProfiles(store, ids, chunk=2)[4]


# --- the command line ---------------------------------------------------------------------------


@pytest.fixture
def sample_db(store: Store, samples: list[NetworkProfile], db_path: Path) -> Path:
    for profile in samples:
        store.create(profile)
    return db_path


def test_cli_prints_all_networks_into_one_pdf(
    qapp: QApplication, sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "alle.pdf"
    assert run_command(["--db", str(sample_db), "pdf", "--all", "-o", str(out)]) == 0
    pages = page_texts(out)
    assert "5 netwerken" in pages[0] and "Inhoud" in pages[1]
    assert f"5 netwerken, {len(pages)} pagina's" in capsys.readouterr().out


def test_cli_matches_names_and_municipalities_ignoring_case_and_accents(
    qapp: QApplication, sample_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "twee.pdf"
    assert (
        run_command(
            ["--db", str(sample_db), "pdf", "GENK", "lokaal netwerk dilbéék", "-o", str(out)]
        )
        == 0
    )
    contents = page_texts(out)[1]
    assert "Lokaal netwerk Genk" in contents and "Lokaal netwerk Dilbeek" in contents
    assert "Borsbeek" not in contents


def test_cli_refuses_an_unknown_name_and_writes_nothing(
    qapp: QApplication, sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert run_command(["--db", str(sample_db), "pdf", "Genk", "Nergensland", "-o", str(out)]) == 1
    assert "Geen netwerk gevonden voor 'Nergensland'" in capsys.readouterr().err
    assert not out.exists()


def test_cli_one_pdf_per_network_into_a_folder(
    qapp: QApplication, sample_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "pdf"
    assert run_command(["--db", str(sample_db), "pdf", "--all", "-d", str(folder)]) == 0
    assert len(list(folder.glob("*.pdf"))) == 5


def test_cli_query_prints_what_the_search_finds(
    qapp: QApplication, sample_db: Path, tmp_path: Path
) -> None:
    from db.search.query import SearchQuery
    from db.search.results import search_ids

    store = Store.open(sample_db)
    try:
        found = search_ids(store, SearchQuery(text="uitpas"))
        names = [profile.name for profile in store.get_many(found)]
    finally:
        store.close()
    assert 0 < len(names) < 5
    out = tmp_path / "q.pdf"
    assert run_command(["--db", str(sample_db), "pdf", "--query", "uitpas", "-o", str(out)]) == 0
    text = " ".join(page_texts(out))
    for name in names:
        assert name in text


# --- the window: the "Profiel" tab and the print actions ----------------------------------------


def test_preview_shows_the_profile_with_markup_as_text(qtbot: QtBot) -> None:
    preview = ProfilePreview()
    qtbot.addWidget(preview)
    assert "Kies een netwerk" in preview.toPlainText()
    preview.show_profile(full_profile(vision=f"Visie {MARKUP}"))
    text = preview.toPlainText()
    assert f"Visie {MARKUP}" in text and "€ 2.432,50" in text
    assert "Intern: bellen in maart." not in text
    preview.set_include_notes(True)
    assert "Intern: bellen in maart." in preview.toPlainText()
    preview.show_profile(None)
    assert "Kies een netwerk" in preview.toPlainText() and preview.profile is None


@pytest.fixture
def controller(qtbot: QtBot, store: Store) -> PrintController:
    parent = QWidget()
    qtbot.addWidget(parent)
    return PrintController(parent, lambda: store)


def test_export_pdf_writes_the_file_the_user_chose(
    controller: PrintController,
    samples: list[NetworkProfile],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[Path] = []
    target = tmp_path / "genk.pdf"

    def ask(suggested: Path) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(controller, "_ask_pdf_path", ask)
    genk = next(profile for profile in samples if profile.lead_municipality == "Genk")
    assert controller.export_pdf([genk]) == target
    assert asked[0].name == "Genk.pdf"
    pages = page_texts(target)
    assert pages[0].startswith("Lokaal netwerk Genk") and f"Pagina 1 / {len(pages)}" in pages[0]
    monkeypatch.setattr(controller, "_ask_pdf_path", lambda suggested: None)  # the user cancels
    assert controller.export_pdf([genk]) is None


def test_export_pdf_reports_a_failure_in_dutch(
    controller: PrintController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(controller, "_ask_pdf_path", lambda suggested: tmp_path / "weg" / "x.pdf")
    monkeypatch.setattr(
        controller, "_show_error", lambda title, message: errors.append((title, message))
    )
    assert controller.export_pdf([full_profile()]) is None
    assert errors == [
        (
            "Exporteren mislukt",
            f"De map {tmp_path / 'weg'} bestaat niet: x.pdf werd niet geschreven.",
        )
    ]


def test_export_batch_one_file_with_contents(
    controller: PrintController,
    samples: list[NetworkProfile],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "selectie.pdf"
    monkeypatch.setattr(
        controller, "_ask_batch_kind", lambda count: BatchChoice(BatchKind.ONE_FILE, False)
    )
    monkeypatch.setattr(controller, "_ask_pdf_path", lambda suggested: target)
    assert controller.export_batch(samples, description="Zoekopdracht: genk") == [target]
    pages = page_texts(target)
    assert "Zoekopdracht: genk" in pages[0] and "Inhoud" in pages[1]


def test_export_batch_one_file_per_network_asks_before_overwriting(
    controller: PrintController,
    samples: list[NetworkProfile],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "pdf"
    folder.mkdir()
    monkeypatch.setattr(
        controller, "_ask_batch_kind", lambda count: BatchChoice(BatchKind.FOLDER, True)
    )
    monkeypatch.setattr(controller, "_ask_folder", lambda start: folder)
    written = controller.export_batch(samples)
    assert sorted(path.name for path in written) == sorted(path.name for path in folder.iterdir())
    assert len(written) == 5
    before = {path: path.read_bytes() for path in written}
    asked: list[list[Path]] = []

    def refuse(clashes: list[Path]) -> bool:
        asked.append(clashes)
        return False

    monkeypatch.setattr(controller, "_confirm_overwrite", refuse)
    assert controller.export_batch(samples) == []
    assert len(asked[0]) == 5
    assert {path: path.read_bytes() for path in written} == before


def test_cancelling_the_progress_dialog_leaves_no_file(
    controller: PrintController,
    samples: list[NetworkProfile],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_progress = controller._progress

    def cancelling_progress(count: int) -> Callable[[int, int, str], bool]:
        report = real_progress(count)
        calls: list[int] = []

        def press_cancel_after_two(done: int, total: int, name: str) -> bool:
            calls.append(done)
            if len(calls) == 3:
                assert controller._progress_dialog is not None
                controller._progress_dialog.cancel()  # what the Annuleren button does
            return report(done, total, name)

        return press_cancel_after_two

    folder = tmp_path / "pdf"
    folder.mkdir()
    monkeypatch.setattr(controller, "_progress", cancelling_progress)
    monkeypatch.setattr(controller, "_ask_folder", lambda start: folder)
    for kind in (BatchKind.FOLDER, BatchKind.ONE_FILE):
        monkeypatch.setattr(
            controller, "_ask_batch_kind", lambda count, kind=kind: BatchChoice(kind, False)
        )
        monkeypatch.setattr(controller, "_ask_pdf_path", lambda suggested: folder / "alle.pdf")
        assert controller.export_batch(samples) == []
        assert list(folder.iterdir()) == []


def test_print_dialog_prints_to_the_chosen_printer(
    controller: PrintController,
    samples: list[NetworkProfile],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    output = tmp_path / "printer.pdf"

    def choose_pdf_printer(dialog: QPrintDialog) -> bool:
        dialog.printer().setOutputFileName(str(output))
        return True

    monkeypatch.setattr(controller, "_run_print_dialog", choose_pdf_printer)
    assert controller.print_dialog(samples[:2])
    pages = page_texts(output)
    assert "Inhoud" in pages[1] and pages[2].startswith(samples[0].name)
    monkeypatch.setattr(controller, "_run_print_dialog", lambda dialog: False)
    assert not controller.print_dialog(samples[:1])


def test_print_preview_shows_the_pages(
    controller: PrintController,
    samples: list[NetworkProfile],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counted: list[int] = []

    def show(dialog: QPrintPreviewDialog) -> None:
        preview = dialog.findChild(QPrintPreviewWidget)
        assert preview is not None
        preview.updatePreview()
        counted.append(preview.pageCount())

    monkeypatch.setattr(controller, "_run_preview_dialog", show)
    genk = next(profile for profile in samples if profile.lead_municipality == "Genk")
    controller.print_preview([genk])
    expected = write_pdf(tmp_path / "genk.pdf", [genk], OPTIONS)[0].pages
    assert counted == [expected]


# --- in the main window -------------------------------------------------------------------------

# The offscreen platform cannot pass a window's size hints on; the window tests ignore that.
offscreen_window = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def printing(window: MainWindow) -> WindowPrinting:
    installed = install_printing(window)
    window.select_first_record()
    return installed


@offscreen_window
def test_profile_tab_follows_the_record_and_each_save(
    window: MainWindow, printing: WindowPrinting, qtbot: QtBot
) -> None:
    assert window.tabs.tabText(printing.preview_tab) == "Profiel"
    shown = window.form.stored_profile()
    assert shown is not None
    window.tabs.setCurrentIndex(printing.preview_tab)
    assert printing.preview.toPlainText().startswith("Lokaal netwerk vrijetijdsparticipatie")
    assert shown.name in printing.preview.toPlainText()
    changed = shown.model_copy(update={"vision": "Een nieuwe visie & <meer>."})
    window.session.save(changed)
    assert "Een nieuwe visie & <meer>." in printing.preview.toPlainText()
    other = window.list_model.id_at(window.list_model.rowCount() - 1)
    assert other is not None and other != shown.id
    window.list_view.select_id(other)
    qtbot.waitUntil(lambda: window.form.current_id == other)
    assert window.session.get(other).name in printing.preview.toPlainText()


@offscreen_window
def test_print_actions_are_enabled_with_a_record(
    window: MainWindow, printing: WindowPrinting
) -> None:
    for action in (window.action_print, window.action_print_preview, window.action_export_pdf):
        assert action.isEnabled()
    assert window.action_print.shortcut().toString() == "Ctrl+P"
    assert printing.action_list_pdf in window.menu_file.actions()
    assert printing.action_list_pdf in window.menu_export.actions()
    window.form.clear()
    assert not window.action_print.isEnabled() and not window.action_export_pdf.isEnabled()


@offscreen_window
def test_export_pdf_from_the_menu_writes_the_shown_network(
    window: MainWindow, printing: WindowPrinting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda parent, title, suggested, filters: (str(tmp_path / "profiel"), filters),
    )
    window.action_export_pdf.trigger()
    written = tmp_path / "profiel.pdf"  # the extension is added when the user leaves it out
    shown = window.form.stored_profile()
    assert shown is not None
    pages = page_texts(written)
    assert pages[0].startswith(shown.name) and f"Pagina 1 / {len(pages)}" in pages[0]


@offscreen_window
def test_the_list_or_a_search_result_into_one_pdf(
    window: MainWindow, printing: WindowPrinting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "lijst.pdf"
    monkeypatch.setattr(
        printing.controller, "_ask_batch_kind", lambda count: BatchChoice(BatchKind.ONE_FILE, False)
    )
    monkeypatch.setattr(printing.controller, "_ask_pdf_path", lambda suggested: target)
    printing.action_list_pdf.trigger()
    contents = page_texts(target)[1]
    names = [window.session.get(network_id).name for network_id in window.list_model.ids()]
    assert len(names) == 3 and all(contents.count(name) == 1 for name in names)

    found = window.list_model.ids()[1:]
    window.list_model.show_ids(found)  # what a search does
    printing.action_list_pdf.trigger()
    pages = page_texts(target)
    assert "Zoekresultaat: 2 van 3 netwerken" in pages[0]
    found_names = [window.session.get(network_id).name for network_id in found]
    assert all(pages[1].count(name) == 1 for name in found_names)
    assert all(name not in pages[1] for name in names if name not in found_names)
