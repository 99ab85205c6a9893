"""Hostile and awkward inputs and runs (issue 13): each bad file gets its own row,
the good files beside it keep their results, nothing hangs, nothing is lost."""

import faulthandler
import json
import os
import signal
import time

import pytest

import pipeline.workers
from pipeline import Options, run
from pipeline import cache as result_cache
from pipeline.batch import TRANSIENT_ERRORS
from tests.conftest import CORPUS

GOOD = "000_244ec2eb958e1eda.txt"
ISSUER = "Ủy ban nhân dân tỉnh Hải Dương"


def _good(folder, name=GOOD, variant=0):
    """The good sample; each `variant` differs in trailing blank lines only (another content hash)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text((CORPUS / GOOD).read_text(encoding="utf-8") + "\n" * variant, encoding="utf-8")


def _under_input(source_path):
    return source_path.split("/", 1)[1]  # after the input folder's label


def _rows(result):
    return {_under_input(e.source_path): (e.stage, e.error) for e in result.errors}


def _issuers(result):
    return {_under_input(d.source_path): d.extraction.header.issuer for d in result.documents}


def test_a_name_that_is_not_utf8_gets_a_row_of_its_own(tmp_path):
    folder = tmp_path / "in"
    _good(folder)
    _good(folder, os.fsdecode(b"Quy\xea\xcct \xd0inh 12.txt"), variant=1)  # a name from a Windows zip, not UTF-8
    result, _ = run([folder], tmp_path / "out", progress=False)
    assert _issuers(result) == {GOOD: ISSUER, "Quy\\xea\\xcct \\xd0inh 12.txt": ISSUER}
    assert "\\xea" in (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8")


def test_fifos_devices_and_links_outside_are_not_read(tmp_path):
    folder = tmp_path / "in"
    _good(folder)
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.pdf").symlink_to("/dev/zero")
    secret = tmp_path / "secret.txt"
    secret.write_text("Số: 99/QĐ-UBND mật khẩu", encoding="utf-8")
    (folder / "outside.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / GOOD)
    started = time.monotonic()
    result, _ = run([folder], tmp_path / "out", progress=False)
    assert time.monotonic() - started < 60
    assert _rows(result) == {"pipe.txt": ("discover", "not-a-file"), "zero.pdf": ("discover", "not-a-file"),
                             "outside.txt": ("discover", "link-outside"),
                             "inside.txt": ("discover", "duplicate")}
    assert _issuers(result) == {GOOD: ISSUER}
    assert "mật khẩu" not in (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8")
    fifo_named, _ = run([folder / "pipe.txt", folder / GOOD], tmp_path / "out2", progress=False)
    assert [(e.error, e.message) for e in fifo_named.errors] == [
        ("not-a-file", "not a regular file (a FIFO, device or socket): not read")]


def test_the_same_name_under_two_inputs_is_two_rows(tmp_path):
    first, second = tmp_path / "a" / "batch", tmp_path / "b" / "batch"
    _good(first)
    (second).mkdir(parents=True)
    (second / GOOD).write_text((CORPUS / GOOD).read_text(encoding="utf-8").replace("2022", "2021"), encoding="utf-8")
    result, _ = run([first, second], tmp_path / "out", progress=False)
    names = sorted(d.source_path for d in result.documents)
    assert len(set(names)) == 2 and {_under_input(name) for name in names} == {GOOD}


def _kill_worker_on(name):
    """process_file, except that the worker reading `name` dies as a native crash would."""
    real = pipeline.workers.process_file

    def process(item, options):
        if item.source_path.endswith("/" + name):
            faulthandler.disable()  # pytest's, inherited: it would print the crash
            os.kill(os.getpid(), signal.SIGSEGV)
        return real(item, options)
    return process


def test_a_file_that_kills_its_worker_is_the_only_one_that_fails(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    for i in range(6):
        _good(folder, f"{i:02d}.txt", variant=i)
    monkeypatch.setattr(pipeline.workers, "process_file", _kill_worker_on("02.txt"))  # workers are forked
    result, summary = run([folder], tmp_path / "out", jobs=2, progress=False)
    assert _rows(result) == {"02.txt": ("read", "crashed")}
    assert "signal 11" in result.errors[0].message
    assert len(result.documents) == 5 and set(_issuers(result).values()) == {ISSUER}
    # a crash is not remembered: the next run tries the file again
    monkeypatch.undo()
    again, summary = run([folder], tmp_path / "out", jobs=2, progress=False)
    assert summary.processed == 1 and "02.txt" not in _rows(again)


def _hog_memory_on(name):
    real = pipeline.workers.process_file

    def process(item, options):
        if item.source_path.endswith("/" + name):
            hoard = []
            while True:
                hoard.append(bytearray(16 << 20))
                time.sleep(0.01)
        return real(item, options)
    return process


def test_a_worker_over_its_memory_budget_is_stopped_and_replaced(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _good(folder, "a.txt")
    _good(folder, "b.txt", variant=1)
    monkeypatch.setattr(pipeline.workers, "process_file", _hog_memory_on("a.txt"))
    result, _ = run([folder], tmp_path / "out", jobs=1, progress=False, memory_mib=600)
    assert _rows(result) == {"a.txt": ("read", "out-of-memory")}
    assert _issuers(result) == {"b.txt": ISSUER}


def test_a_worker_past_the_time_limit_is_stopped_even_in_native_code(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    _good(folder, "a.txt")
    _good(folder, "b.txt", variant=1)
    real = pipeline.workers.process_file

    def stuck(item, options):  # the alarm cannot interrupt a blocked system call with its signal ignored
        if item.source_path.endswith("/a.txt"):
            signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
            time.sleep(600)
        return real(item, options)
    monkeypatch.setattr(pipeline.workers, "process_file", stuck)
    started = time.monotonic()
    result, _ = run([folder], tmp_path / "out", options=Options(timeout=1), jobs=1, progress=False)
    assert time.monotonic() - started < 30
    assert _rows(result) == {"a.txt": ("read", "timeout")}
    assert _issuers(result) == {"b.txt": ISSUER}
    monkeypatch.undo()  # the next run tries the file that timed out again: a timeout is not cached
    again, summary = run([folder], tmp_path / "out", options=Options(timeout=1), jobs=1, progress=False)
    assert summary.processed == 1 and _issuers(again) == {"a.txt": ISSUER, "b.txt": ISSUER}


def test_timeouts_are_retried_and_the_time_limit_is_not_part_of_the_key(tmp_path):
    folder = tmp_path / "in"
    _good(folder)
    out = tmp_path / "out"
    _, first = run([folder], out, options=Options(timeout=600), progress=False)
    _, other_limit = run([folder], out, options=Options(timeout=300), progress=False)
    assert (first.processed, other_limit.processed) == (1, 0)
    cache = result_cache.ResultCache(out / ".cache", Options())
    assert "timeout" in TRANSIENT_ERRORS  # never put in the cache (see run.remember)
    assert cache.fingerprint == result_cache.ResultCache(out / ".cache", Options(timeout=5)).fingerprint


@pytest.mark.parametrize("entry", ["null", "{}", "[]", '"text"', '{"error": 5}', "TAMPERED"])
def test_a_cache_entry_of_the_wrong_shape_is_a_miss(tmp_path, entry):
    folder = tmp_path / "in"
    _good(folder)
    out = tmp_path / "work" / "out"
    reference, _ = run([folder], out, progress=False)
    (entry_path,) = (out / ".cache").rglob("*.json")
    if entry == "TAMPERED":
        record = json.loads(entry_path.read_text(encoding="utf-8"))
        record["doc_id"] = "../../escaped"
        entry = json.dumps(record, ensure_ascii=False)
    entry_path.write_text(entry, encoding="utf-8")
    result, summary = run([folder], out, progress=False)
    assert summary.processed == 1 and _issuers(result) == {GOOD: ISSUER}
    assert [d.doc_id for d in result.documents] == [d.doc_id for d in reference.documents]
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path / "work" / "escaped.txt").exists()


def test_a_changed_model_or_lexicon_reprocesses(tmp_path, monkeypatch):
    # The fingerprint covers every file of the stages; here a copy of them stands in for the install.
    producers = tmp_path / "install"
    for package in result_cache.PRODUCERS:
        (producers / package / "data").mkdir(parents=True)
        (producers / package / "__init__.py").write_text("# code\n", encoding="utf-8")
    lexicon = producers / "vietnamese" / "data" / "provinces.txt"
    lexicon.write_text("Hải Dương\n", encoding="utf-8")
    monkeypatch.setattr(result_cache, "ROOT", producers)
    folder = tmp_path / "in"
    _good(folder)
    out = tmp_path / "out"
    assert run([folder], out, progress=False)[1].processed == 1
    assert run([folder], out, progress=False)[1].processed == 0
    lexicon.write_text("Hải Dương\nHưng Yên\n", encoding="utf-8")
    assert run([folder], out, progress=False)[1].processed == 1
    (producers / "diacritics" / "data" / "model.npz").write_bytes(b"retrained")
    assert run([folder], out, progress=False)[1].processed == 1


def _pdf(objects: list[bytes]) -> bytes:
    """A minimal PDF of these objects (1: catalog), with a correct cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _one_page_pdf(page: bytes, *more: bytes) -> bytes:
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R " + page + b" >>", *more])


def _heavy_inputs(folder):
    """Tiny files that ask for gigabytes: the audit's cases."""
    import zipfile
    import zlib

    from PIL import Image

    folder.mkdir(parents=True)
    (folder / "page-200-inches.pdf").write_bytes(_one_page_pdf(b"/MediaBox [0 0 14400 14400]"))
    side = 40_000
    pixels = zlib.compress(b"\xff" * (side // 8) * side, 9)
    drawing = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    (folder / "image-40000.pdf").write_bytes(_one_page_pdf(
        b"/MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 1 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n" % (side, side, len(pixels)) + pixels + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(drawing) + drawing + b"\nendstream"))
    Image.new("L", (6, 3000), 255).save(folder / "thin.png")
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("word/document.xml", "<w:document>" + " " * (300 << 20) + "</w:document>")
    Image.new("L", (9000, 9000), 255).save(folder / "big-but-fair.tif")  # 81 MP: reduced, then read


def test_pages_and_images_are_held_within_the_pixel_budget(tmp_path):
    """The 200-inch page is rendered at a lower resolution, the 40,000² scan is rendered
    line by line instead of decoded whole, a 6 × 3,000 strip is not enlarged 400 times
    (it took 5 GB before)."""
    import pypdfium2 as pdfium
    from PIL import Image

    from ocr.pdf import _facts, _page_image
    from ocr.preprocess import PAGE_PIXELS, prepare

    folder = tmp_path / "in"
    _heavy_inputs(folder)
    for name in ("page-200-inches.pdf", "image-40000.pdf"):
        document = pdfium.PdfDocument(folder / name)
        page = document[0]
        image = _page_image(page, _facts(page), pictures_only=False)
        assert image.width * image.height <= PAGE_PIXELS, name
        document.close()
    strip = prepare(Image.open(folder / "thin.png"))
    assert strip.width * strip.height <= PAGE_PIXELS


@pytest.mark.slow
def test_tiny_files_that_ask_for_gigabytes_stay_within_a_gigabyte(tmp_path):
    """Each heavy file gets a document (blank) or its own row, the good file beside them
    is unchanged, and no process of the run (--jobs 2) goes past 1 GiB."""
    import csv
    import subprocess
    import sys

    folder = tmp_path / "in"
    _heavy_inputs(folder)
    _good(folder)
    out = tmp_path / "out"
    measure = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")
    command = [sys.executable, "-c", measure, sys.executable, "-m", "pipeline", "extract", str(folder),
               "--out", str(out), "--jobs", "2", "--quiet", "--no-xlsx"]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    peak_mib = int(finished.stdout.split()[-1]) / 1024
    assert peak_mib < 1024, f"a process of the run used {peak_mib:.0f} MiB"
    with (out / "errors.csv").open(encoding="utf-8") as handle:
        rows = {_under_input(r["source_path"]): r["error"] for r in csv.DictReader(handle)}
    with (out / "documents.csv").open(encoding="utf-8") as handle:
        documents = {_under_input(r["source_path"]): r for r in csv.DictReader(handle)}
    assert rows == {"bomb.docx": "too-large"}
    assert documents[GOOD]["issuer"] == ISSUER
    assert set(documents) == {GOOD, "page-200-inches.pdf", "image-40000.pdf", "thin.png", "big-but-fair.tif"}


def _session_processes(session: int) -> list[int]:
    """Processes still alive in a session (zombies are gone already for our purpose)."""
    alive = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                alive.append(int(entry))
    return alive


def _session_empties(session: int, within: float = 10.0) -> bool:
    """Whether every process of the session is gone within `within` seconds (a killed
    worker may take a moment to be torn down on a loaded machine, longer than a fixed pause)."""
    deadline = time.monotonic() + within
    while _session_processes(session):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_an_interrupted_run_stops_at_once_keeps_what_it_finished_and_leaves_no_process(tmp_path, how):
    import csv
    import subprocess
    import sys

    from training.synth import write_archive

    archive = tmp_path / "archive"
    write_archive(archive, 60, seed=7)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "extract", str(archive), "--out", str(out), "--jobs", "2",
               "--quiet", "--no-xlsx"]
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((out / ".cache").rglob("*.json"))) < 5:
        time.sleep(0.05)
    if how == "ctrl-c":
        os.killpg(process.pid, signal.SIGINT)  # what a terminal sends to the whole group
    else:
        process.send_signal(signal.SIGTERM)  # to the run alone, as a batch system does
    stopped = time.monotonic()
    _, stderr = process.communicate(timeout=60)
    assert time.monotonic() - stopped < 10
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert _session_empties(process.pid), _session_processes(process.pid)
    finished = len(list((out / ".cache").rglob("*.json")))
    with (out / "documents.csv").open(encoding="utf-8") as handle:
        written = sum(1 for _ in csv.DictReader(handle))
    assert 5 <= written <= finished < 60  # what was finished is in the outputs; the rest waits for a re-run
    _, summary = run([archive], out, progress=False)
    assert summary.processed == 60 - finished and summary.documents == 60


def test_input_problems_are_named_as_such_and_messages_are_stable(tmp_path):
    folder = tmp_path / "in"
    _good(folder)
    (folder / "page-tree-loop.pdf").write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]))
    first, _ = run([folder], tmp_path / "out", progress=False)
    again, _ = run([folder], tmp_path / "out", progress=False, force=True)
    assert _rows(first) == {"page-tree-loop.pdf": ("read", "damaged")}
    assert [e.message for e in first.errors] == [e.message for e in again.errors]
    assert "0x" not in first.errors[0].message
    assert _issuers(first) == {GOOD: ISSUER}


def _tcvn3(text: str) -> bytes:
    """Text as a TCVN3 (ABC) file: capitals typed over the lowercase codes, as with .VnTimeH fonts."""
    from vietnamese.encodings import _tcvn3_table

    codes = {unicode: code for code, unicode in _tcvn3_table().items()}
    out = []
    for char in text:
        if char in codes:
            out.append(codes[char])
        elif char.lower() in codes and not char.isascii():
            out.append(codes[char.lower()])
        else:
            out.append(char)
    return "".join(out).encode("latin-1", "replace")


def test_text_files_are_read_in_their_encoding_and_only_bad_bytes_are_replaced(tmp_path):
    folder = tmp_path / "in"
    _good(folder)
    good = (CORPUS / GOOD).read_text(encoding="utf-8")
    damaged = bytearray(good.encode("utf-8"))
    damaged[len(damaged) // 2] = 0xFF  # one invalid byte in the middle
    (folder / "one-bad-byte.txt").write_bytes(bytes(damaged))
    (folder / "utf16-no-bom.txt").write_bytes((good + "\n").encode("utf-16-le"))
    (folder / "tcvn3.txt").write_bytes(_tcvn3(good.replace("\u201c", '"').replace("\u201d", '"') + "\n\n"))
    result, _ = run([folder], tmp_path / "out", progress=False)
    assert not result.errors
    by_name = {_under_input(d.source_path): d for d in result.documents}
    reference = by_name[GOOD].extraction.header
    for name in ("one-bad-byte.txt", "utf16-no-bom.txt", "tcvn3.txt"):
        header = by_name[name].extraction.header
        assert (header.issuer, header.number, header.signer, header.title) == (
            reference.issuer, reference.number, reference.signer, reference.title), name
    assert "\ufffd" in by_name["one-bad-byte.txt"].text and by_name["one-bad-byte.txt"].text.count("\ufffd") == 1
    assert "1 invalid bytes replaced" in by_name["one-bad-byte.txt"].page_decisions[0]["reason"]


def test_command_line_mistakes_get_messages_not_tracebacks(tmp_path, capsys):
    from pipeline.cli import ExitCode, main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(_one_page_pdf(b"/MediaBox [0 0 595 842]")[:200])  # truncated
    assert main(["restore", str(folder / "scan.pdf")]) == ExitCode.USAGE
    assert "is not a text file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        main(["extract", str(folder), "--timeout", "-5"])
    assert stopped.value.code == ExitCode.USAGE and "must be 0 (no limit) or more" in capsys.readouterr().err
    assert main(["extract", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == ExitCode.ALL_FAILED
    assert "every file failed" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_a_message(tmp_path, capsys):
    pytest.importorskip("distributed")
    from pipeline.cli import ExitCode, main

    _good(tmp_path / "in")
    code = main(["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9"])
    assert code == ExitCode.USAGE
    error = capsys.readouterr().err
    assert "cannot reach the scheduler tcp://127.0.0.1:9" in error and "Traceback" not in error


def test_a_zip_is_read_as_a_folder_safely(tmp_path):
    import zipfile

    folder = tmp_path / "in"
    _good(folder)
    good = (CORPUS / GOOD).read_text(encoding="utf-8")
    with zipfile.ZipFile(folder / "batch.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("decisions/a.txt", good + "\n")
        archive.writestr("../../escape.txt", good + "\n\n")
        archive.writestr("decisions/a.json", "{}")  # a sidecar: skipped
        archive.writestr("same-as-outside.txt", good)
        archive.writestr("nested.zip", b"PK")  # zips in zips are not opened
    result, summary = run([folder], tmp_path / "out", progress=False)
    assert _issuers(result) == {GOOD: ISSUER, "batch.zip/decisions/a.txt": ISSUER}
    assert _rows(result) == {"batch.zip/../../escape.txt": ("read", "unsafe-name"),
                             "batch.zip/same-as-outside.txt": ("discover", "duplicate")}
    assert summary.skipped == 2
    assert not (tmp_path / "escape.txt").exists() and not (tmp_path.parent / "escape.txt").exists()


WORD = CORPUS.parent / "tests" / "data" / "word"  # made here from our own sentences with LibreOffice


def test_older_word_documents_are_read_like_their_docx(tmp_path):
    """A .doc (Word 97-2003) gives the fields its .docx gives, in Unicode or in TCVN3 fonts."""
    import shutil

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("quyet-dinh.docx", "quyet-dinh.doc", "quyet-dinh-tcvn3.doc"):
        shutil.copy(WORD / name, folder / name)
    result, _ = run([folder], tmp_path / "out", progress=False)
    assert not result.errors
    headers = {_under_input(d.source_path): d.extraction.header for d in result.documents}

    def fields(header):
        return header.doc_type, header.number, header.issue_date, header.issuer, header.signer, header.title
    assert fields(headers["quyet-dinh.doc"]) == fields(headers["quyet-dinh.docx"])
    assert fields(headers["quyet-dinh-tcvn3.doc"]) == fields(headers["quyet-dinh.docx"])
    assert headers["quyet-dinh.docx"].number == "27/QĐ-UBND"
    by_name = {_under_input(d.source_path): d for d in result.documents}
    assert "Tỷ lệ hồ sơ trực tuyến\t80%" in by_name["quyet-dinh.doc"].text


def test_cache_entries_follow_the_umask_like_every_output(tmp_path):
    folder = tmp_path / "in"
    _good(folder)
    previous = os.umask(0o022)
    try:
        run([folder], tmp_path / "out", progress=False)
    finally:
        os.umask(previous)
    modes = {oct(path.stat().st_mode & 0o777) for path in (tmp_path / "out").rglob("*") if path.is_file()}
    assert modes == {"0o644"}, modes
