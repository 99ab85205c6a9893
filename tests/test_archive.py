"""Archive-scale behaviour: incremental re-runs, and a killed run finishing like an uninterrupted one."""

import os
import signal
import subprocess
import sys
import time

from pipeline import run
from tools.synth import write_archive


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
