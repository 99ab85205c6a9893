"""Archive-scale behaviour: incremental re-runs, and a killed run finishing like an uninterrupted one."""

import os
import shutil
import signal
import subprocess
import sys
import time

from pipeline import run
from tests.conftest import CORPUS, DOCS
from training.synth import write_archive


def _outputs(out):
    names = ["documents.csv", "legal_bases.csv", "references.csv", "targets.csv", "errors.csv", "documents.jsonl"]
    return {name: (out / name).read_text(encoding="utf-8") for name in names}


def test_rerun_processes_only_new_changed_and_keeps_removed_out(tmp_path):
    archive = tmp_path / "archive"
    paths = write_archive(archive, 12)
    out = tmp_path / "out"
    _, first = run([archive], out, progress=False)
    assert first.processed == 12 and first.documents == 12

    write_archive(archive, 3, start=12)  # three new files
    paths[0].write_text(paths[0].read_text(encoding="utf-8").replace("Số: ", "Số: 9"), encoding="utf-8")  # one changed
    paths[1].unlink()  # one removed
    result, again = run([archive], out, progress=False)
    assert again.processed == 4
    names = {d.source_path for d in result.documents}
    assert len(names) == 14 and paths[1].name not in names
    assert paths[1].name not in (out / "documents.csv").read_text(encoding="utf-8")
    assert len(list((out / "text").glob("*.txt"))) == 14

    _, forced = run([archive], out, progress=False, force=True)
    assert forced.processed == 14


def _every_output(out):
    """Every file of the output folder but the record of the run (its times) and the tool's own state."""
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in sorted(out.rglob("*"))
            if path.is_file() and path.relative_to(out).parts[0] not in (".cache", ".decrees", "run.json")}


# Two decisions of my own, the second citing the first: adding the first links the second to it.
MARKETS = """ỦY BAN NHÂN DÂN
TỈNH HÀ NAM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: {number}/2026/QĐ-UBND
Hà Nam, ngày {date} năm 2026
QUYẾT ĐỊNH
{title}
ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
{basis}QUYẾT ĐỊNH:
Điều 1. {title} kèm theo Quyết định này.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Bình
"""
FIRST_RULES = MARKETS.format(number=12, date="05 tháng 01", title="Ban hành Quy định quản lý các chợ dân sinh", basis="")
AMENDMENT = MARKETS.format(number=40, date="20 tháng 8", title="Sửa đổi Quy định quản lý các chợ dân sinh",
                           basis="Căn cứ Quyết định số 12/2026/QĐ-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân "
                                 "tỉnh Hà Nam;\n")


def test_a_rerun_after_adding_files_writes_what_a_fresh_run_writes(tmp_path):
    """Re-runs keep what did not change (review pages, the spreadsheet of unchanged tables):
    the folder must end byte for byte as one run over all the files makes it, a document
    cited by one added included."""
    folder = tmp_path / "in"
    folder.mkdir()
    real = sorted(CORPUS.glob("*.txt")) + sorted(DOCS.glob("*.txt"))
    for path in real[:-2]:
        shutil.copy(path, folder)
    (folder / "amendment.txt").write_text(AMENDMENT, encoding="utf-8")
    out = tmp_path / "out"
    run([folder], out, progress=False)
    for path in real[-2:]:
        shutil.copy(path, folder)
    (folder / "rules.txt").write_text(FIRST_RULES, encoding="utf-8")
    _, again = run([folder], out, progress=False)
    assert again.processed == 3
    assert "Quyết định số 12/2026/QĐ-UBND" in (out / "links.csv").read_text(encoding="utf-8")  # now in the archive

    fresh = tmp_path / "fresh"
    run([folder], fresh, progress=False)
    written = _every_output(out)
    assert len(written) > 3 * len(real)  # texts, review pages, tables
    assert written == _every_output(fresh)


def test_killed_run_finishes_like_an_uninterrupted_one(tmp_path):
    archive = tmp_path / "archive"
    write_archive(archive, 40, seed=3)
    reference = tmp_path / "reference"
    run([archive], reference, progress=False)

    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "extract", str(archive), "--out", str(out), "--jobs", "1", "--quiet"]
    process = subprocess.Popen(command, start_new_session=True)
    cache = out / ".cache"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(cache.rglob("*.json"))) < 10:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished_before = len(list(cache.rglob("*.json")))
    assert 10 <= finished_before < 40, "the run must be killed halfway"

    result, summary = run([archive], out, progress=False)
    assert summary.processed == 40 - finished_before
    assert _outputs(out) == _outputs(reference)
    assert not list(out.rglob("*.tmp"))  # leftovers of the interrupted write are cleared


def test_same_run_on_a_dask_cluster(tmp_path):
    distributed = __import__("pytest").importorskip("distributed")
    archive = tmp_path / "archive"
    write_archive(archive, 8, seed=5)
    local, _ = run([archive], tmp_path / "local", progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        _, summary = run([archive], tmp_path / "cluster", progress=False, scheduler=cluster.scheduler_address)
    assert summary.processed == 8 and summary.errors == 0
    assert _outputs(tmp_path / "cluster") == _outputs(tmp_path / "local")


def _source_paths(out):
    return sorted(row.split(",", 2)[1] for row in (out / "documents.csv").read_text(encoding="utf-8").splitlines()[1:])


def test_batches_into_one_folder_give_the_union_and_only_a_scanned_folder_loses_files(tmp_path):
    first, second = tmp_path / "batch-1", tmp_path / "batch-2"
    first_paths = write_archive(first, 3, seed=21)
    write_archive(second, 2, seed=22, start=3)
    out = tmp_path / "out"
    run([first], out, progress=False)
    _, summary = run([second], out, progress=False)
    assert summary.documents == 5 and summary.processed == 2
    assert [p.split("/")[0] for p in _source_paths(out)] == ["batch-1"] * 3 + ["batch-2"] * 2

    first_paths[0].unlink()
    _, summary = run([second], out, progress=False)  # batch-1 not scanned: its document stays
    assert summary.documents == 5 and summary.removed == 0
    _, summary = run([second], out, progress=False, prune=True)  # unless asked
    assert summary.documents == 4 and summary.removed == 1
    assert f"batch-1/{first_paths[0].name}" not in _source_paths(out)


def test_a_folder_without_documents_changes_nothing(tmp_path, capsys):
    from pipeline.cli import ExitCode, main

    archive = tmp_path / "archive"
    write_archive(archive, 2, seed=23)
    out = tmp_path / "out"
    run([archive], out, progress=False)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    empty, wrong = tmp_path / "empty", tmp_path / "wrong"
    empty.mkdir()
    wrong.mkdir()
    (wrong / "photo.xyz").write_bytes(b"not a document")
    for folder in (empty, wrong):
        assert main(["extract", str(folder), "--out", str(out), "--quiet"]) == ExitCode.USAGE
        assert "no supported document" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert main(["extract", str(empty), "--out", str(tmp_path / "new"), "--quiet"]) == ExitCode.USAGE
    assert not (tmp_path / "new").exists()


def test_the_same_name_under_two_input_folders_gets_two_source_paths(tmp_path):
    one, two = tmp_path / "a" / "in", tmp_path / "b" / "in"
    write_archive(one, 1, seed=24)
    write_archive(two, 1, seed=25)
    result, _ = run([one, two], tmp_path / "out", progress=False)
    names = sorted(d.source_path for d in result.documents)
    assert len(names) == 2 and names[0].split("/")[0] != names[1].split("/")[0]
    assert {n.split("/")[-1] for n in names} == {p.name for p in one.glob("*.txt")}  # file names kept


def test_a_folder_inside_an_earlier_input_updates_that_input_s_documents(tmp_path):
    archive = tmp_path / "archive"
    write_archive(archive, 2, seed=26)
    sub = write_archive(archive / "2024", 2, seed=27, start=2)
    out = tmp_path / "out"
    run([archive], out, progress=False)
    sub[0].unlink()
    result, summary = run([archive / "2024"], out, progress=False)
    assert not result.errors and summary.documents == 3 and summary.removed == 1
    assert _source_paths(out) == sorted(
        [f"archive/{p.name}" for p in archive.glob("*.txt")] + [f"archive/2024/{sub[1].name}"])


def test_documents_made_with_other_options_stay_through_later_runs(tmp_path):
    from pipeline import Options

    first, second = tmp_path / "batch-1", tmp_path / "batch-2"
    write_archive(first, 2, seed=33)
    write_archive(second, 2, seed=34, start=2)
    out = tmp_path / "out"
    run([first], out, progress=False, options=Options(restore=False))
    for _ in range(2):
        _, summary = run([second], out, progress=False)
        assert summary.documents == 4 and summary.lost == 0 and summary.outdated == 2


def test_a_folder_given_with_a_folder_inside_it_counts_each_file_once(tmp_path):
    archive = tmp_path / "archive"
    write_archive(archive, 1, seed=37)
    write_archive(archive / "2024", 1, seed=38, start=1)
    result, _ = run([archive, archive / "2024", archive / "2024"], tmp_path / "out", progress=False)
    assert not result.errors and len(result.documents) == 2


def test_an_interrupted_run_keeps_the_last_result_of_a_changed_file_it_did_not_redo(tmp_path, monkeypatch):
    import pipeline.batch
    from tests.conftest import CORPUS

    folder = tmp_path / "in"
    folder.mkdir()
    sample = next(CORPUS.glob("*.txt")).read_text(encoding="utf-8")
    (folder / "a.txt").write_text(sample, encoding="utf-8")
    out = tmp_path / "out"
    _, first = run([folder], out, progress=False)
    (folder / "a.txt").write_text(sample + "\nMột dòng thêm.\n", encoding="utf-8")
    # Stopped before the changed file was redone: nothing finished, one file left.
    monkeypatch.setattr(pipeline.batch, "_extract", lambda files, *args: ([], 0, len(files)))
    _, second = run([folder], out, progress=False)
    assert first.documents == second.documents == 1 and second.unfinished == 1
    assert (out / "documents.csv").read_text(encoding="utf-8").count("\n") == 2  # header and the document
