"""The output folder: only the tool's own files are replaced or removed, never read back as
inputs, one run at a time, and the whole set of outputs changes as one."""

import os
import resource
import shutil
import signal
import subprocess
import sys

import pytest

from pipeline import run
from pipeline.cli import ExitCode, main
from pipeline.outfolder import MARKER, OutputFolder
from training.synth import write_archive

TABLES = ["documents.csv", "legal_bases.csv", "references.csv", "targets.csv", "errors.csv", "documents.jsonl"]


def _tables(out):
    return {name: (out / name).read_bytes() for name in TABLES}


def _user_files(folder):
    """What the user put in the folder: a decree, notes, a text folder of their own, hidden temporaries."""
    write_archive(folder, 3, seed=11)
    (folder / "notes.txt").write_text("Ghi chú của người dùng: không phải văn bản.", encoding="utf-8")
    (folder / "text").mkdir()
    (folder / "text" / "my-transcript.txt").write_text("Bản chép tay của tôi.", encoding="utf-8")
    (folder / ".draft.tmp").write_text("editor swap", encoding="utf-8")
    (folder / "text" / ".other.tmp").write_text("editor swap", encoding="utf-8")
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_out_equal_to_the_input_folder_deletes_and_reads_back_nothing(tmp_path):
    archive = tmp_path / "archive"
    mine = _user_files(archive)
    first, _ = run([archive], archive, progress=False)
    second, summary = run([archive], archive, progress=False)
    for path, content in mine.items():
        assert path.read_bytes() == content, f"{path} was changed or deleted"
    assert [d.source_path for d in second.documents] == [d.source_path for d in first.documents]
    inputs = {d.source_path for d in second.documents} | {e.source_path for e in second.errors}
    assert not inputs & {"documents.csv", "errors.csv", "documents.jsonl", MARKER}
    assert not any(p.startswith("text/") and p != "text/my-transcript.txt" for p in inputs)
    assert summary.processed == 0


def test_output_folder_inside_the_input_tree_is_not_an_input(tmp_path):
    archive = tmp_path / "archive"
    write_archive(archive, 3, seed=12)
    out = archive / "results"
    first, _ = run([archive], out, progress=False)
    second, _ = run([archive], out, progress=False)
    assert len(second.documents) == len(first.documents) == 3
    assert not second.errors


def test_a_second_run_into_a_busy_folder_stops_with_a_message(tmp_path, capsys):
    archive = tmp_path / "archive"
    write_archive(archive, 1, seed=13)
    out = tmp_path / "out"
    with OutputFolder(out):
        assert main(["extract", str(archive), "--out", str(out), "--quiet"]) == ExitCode.OUTPUT
    assert "another decrees run" in capsys.readouterr().err
    assert main(["extract", str(archive), "--out", str(out), "--quiet"]) == ExitCode.OK


def test_a_switch_stopped_halfway_is_marked_and_finished_by_the_next_run(tmp_path, monkeypatch):
    archive = tmp_path / "archive"
    write_archive(archive, 4, seed=14)
    reference = tmp_path / "reference"
    run([archive], reference, progress=False)

    out = tmp_path / "out"
    run([archive], out, progress=False)
    moves = []
    real_replace = os.replace

    def stop_after_two(source, target):
        if str(source).endswith(".new"):
            return real_replace(source, target)  # the journal itself
        moves.append(target)
        if len(moves) > 2:
            raise KeyboardInterrupt  # as if the run were stopped here
        return real_replace(source, target)

    monkeypatch.setattr("pipeline.outfolder.os.replace", stop_after_two)
    with pytest.raises(KeyboardInterrupt):
        run([archive], out, progress=False, excel=True)  # every table changes, nothing to process
    monkeypatch.undo()
    assert (out / MARKER).exists()

    run([archive], out, progress=False)
    assert not (out / MARKER).exists()
    assert _tables(out) == _tables(reference)


def _limit_file_size():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, like a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def _outputs_then_new_files(tmp_path, new: int):
    """An output folder of two documents, and `new` more files in its archive since."""
    archive, out = tmp_path / "archive", tmp_path / "out"
    write_archive(archive, 2, seed=15)
    run([archive], out, progress=False)
    write_archive(archive, new, seed=16, start=2)
    return archive, out, _tables(out)


def test_a_full_disk_gives_a_message_exit_3_and_leaves_the_outputs_as_they_were(tmp_path):
    archive, out, before = _outputs_then_new_files(tmp_path, 6)
    command = [sys.executable, "-m", "pipeline", "extract", str(archive), "--out", str(out), "--quiet", "--jobs", "1"]
    result = subprocess.run(command, capture_output=True, text=True, preexec_fn=_limit_file_size)
    assert result.returncode == ExitCode.OUTPUT, result.stderr
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr
    assert _tables(out) == before and not (out / MARKER).exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_subfolder_gives_exit_3_and_leaves_the_outputs_as_they_were(tmp_path):
    archive, out, before = _outputs_then_new_files(tmp_path, 1)
    (out / "text").chmod(0o555)
    try:
        assert main(["extract", str(archive), "--out", str(out), "--quiet"]) == ExitCode.OUTPUT
    finally:
        (out / "text").chmod(0o755)
    assert _tables(out) == before and not (out / MARKER).exists()


def test_outputs_follow_the_umask(tmp_path):
    archive = tmp_path / "archive"
    write_archive(archive, 1, seed=19)
    previous = os.umask(0o022)
    try:
        run([archive], tmp_path / "out", progress=False)
    finally:
        os.umask(previous)
    for name in [*TABLES, "decrees.xlsx", "run.json"]:
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == 0o644, name


def test_two_processes_into_one_folder_one_stops_with_a_message_the_other_completes(tmp_path):
    archive = tmp_path / "archive"
    write_archive(archive, 30, seed=20)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "extract", str(archive), "--out", str(out), "-q", "--jobs", "1"]
    runs = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = sorted((run.wait(timeout=300), run.stderr.read()) for run in runs)
    assert [code for code, _ in outcomes] == [ExitCode.OK, ExitCode.OUTPUT], outcomes
    assert "another decrees run" in outcomes[1][1]
    assert len((out / "documents.csv").read_text(encoding="utf-8").splitlines()) == 31


def test_a_file_of_the_user_s_with_an_output_s_name_is_never_replaced(tmp_path, capsys):
    archive = tmp_path / "archive"
    write_archive(archive, 1, seed=28)
    (archive / "documents.csv").write_text("my own table\n", encoding="utf-8")
    assert main(["extract", str(archive), "--out", str(archive), "-q"]) == ExitCode.OUTPUT
    assert "was not written by decrees" in capsys.readouterr().err
    assert (archive / "documents.csv").read_text(encoding="utf-8") == "my own table\n"
    assert not (archive / "errors.csv").exists()


def test_a_folder_of_an_older_version_is_taken_over(tmp_path):
    archive = tmp_path / "archive"
    write_archive(archive, 2, seed=29)
    out = tmp_path / "out"
    run([archive], out, progress=False)
    shutil.rmtree(out / ".decrees")  # as an older version left it: tables, texts and .cache only
    for path in out.iterdir():
        if path.name not in {".cache", "text", *TABLES}:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    stale = out / "text" / "0123456789abcdef.txt"
    stale.write_text("a document of an older run", encoding="utf-8")
    run([archive], out, progress=False)
    assert not stale.exists() and (out / ".decrees" / "manifest.json").exists()


def test_another_tool_s_cache_folder_does_not_make_the_user_s_files_ours(tmp_path, capsys):
    archive = tmp_path / "archive"
    write_archive(archive, 1, seed=30)
    (archive / ".cache" / "ab").mkdir(parents=True)
    (archive / ".cache" / "ab" / "settings.json").write_text("{}", encoding="utf-8")
    (archive / "documents.csv").write_text("my own table\n", encoding="utf-8")
    assert main(["extract", str(archive), "--out", str(archive), "-q"]) == ExitCode.OUTPUT
    assert (archive / "documents.csv").read_text(encoding="utf-8") == "my own table\n"


def test_the_spreadsheet_is_rewritten_only_when_a_table_changes(tmp_path):
    archive = tmp_path / "archive"
    write_archive(archive, 2, seed=35)
    out = tmp_path / "out"
    run([archive], out, progress=False, parquet=True)
    identity = lambda: [(p.stat().st_ino, p.stat().st_mtime_ns) for p in (out / "decrees.xlsx", out / "documents.parquet")]
    before = identity()
    run([archive], out, progress=False)
    assert identity() == before
    write_archive(archive, 1, seed=36, start=2)
    run([archive], out, progress=False)
    assert all(now != then for now, then in zip(identity(), before))
