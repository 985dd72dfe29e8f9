"""The dask and Ray engines on real local clusters: the same datasets as the local pool."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from parscore.pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ["seed-568-tb-sxd.txt", "percent-column-sct-2023.txt", "self-and-appraised-stp-2022.html"]


def notices(out: Path) -> list[dict[str, object]]:
    """Given an output folder, return its notices rows sorted by source path."""
    lines = (out / "notices.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    return sorted(rows, key=lambda r: str(r["source_path"]))


@pytest.mark.slow
@pytest.mark.parametrize(("engine", "module"), [("dask", "dask.distributed"), ("ray", "ray")])
def test_engine_matches_local_pool(
    tmp_path: Path, engine: str, module: str, capfd: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip(module)
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in INPUTS:
        (inputs / name).write_bytes((ROOT / "samples" / name).read_bytes())
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    args = ["run", str(inputs), "--quiet", "--workers", "2"]
    assert main([*args, "--out", str(tmp_path / "local")]) == 3
    capfd.readouterr()
    assert main([*args, "--out", str(tmp_path / engine), "--engine", engine]) == 3
    said = capfd.readouterr().err.splitlines()  # the engine's own banners stay off stderr
    assert said and all(line.startswith("parscore") for line in said), said
    assert notices(tmp_path / engine) == notices(tmp_path / "local")
    manifest = (tmp_path / engine / "manifest.jsonl").read_text(encoding="utf-8")
    assert manifest.count('"status": "ok"') == 3 and '"error_code": "corrupt-file"' in manifest


ENGINES = [("local", "parscore"), ("dask", "dask.distributed"), ("ray", "ray")]
#: A file that takes seconds: three scanned pages to OCR.
SLOW = "seed-568-tb-sxd-scan-150dpi.pdf"
QUICK = "seed-568-tb-sxd.txt"


def slow_and_quick(tmp_path: Path) -> Path:
    """Return a folder holding a file that takes seconds and one that takes milliseconds."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in (SLOW, QUICK):
        (inputs / name).write_bytes((ROOT / "samples" / name).read_bytes())
    return inputs


def manifest_rows(out: Path) -> dict[str, dict[str, object]]:
    """Given an output folder, return its manifest rows by file name."""
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return {Path(str(r["source_path"])).name: r for r in map(json.loads, lines)}


def kill_a_busy_worker(done: threading.Event) -> None:
    """Kill the first parscore worker process seen reading a file (past a second of CPU)."""
    import psutil

    while not done.is_set():
        for child in psutil.Process().children(recursive=True):
            try:
                if child.name() == "parscore-work" and child.cpu_times().user > 1.0:
                    child.kill()
                    return
            except psutil.Error:
                continue
        time.sleep(0.05)


#: How the slow file goes wrong → the options of the run, its error code and message.
TROUBLE = {
    "hung": (["--timeout", "1"], "timeout", "more than 1 s"),
    "crashed": ([], "worker-crashed", "worker exited with code -9"),
}


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.parametrize("trouble", sorted(TROUBLE))
@pytest.mark.parametrize(("engine", "module"), ENGINES)
def test_a_hung_or_crashed_file_is_a_typed_failure_and_the_run_goes_on(
    tmp_path: Path, engine: str, module: str, trouble: str
) -> None:
    """A file past the time limit ends `timeout`; a worker killed under its file (as the OOM
    killer or a crash in a C library would) ends it `worker-crashed`; the other file is read."""
    pytest.importorskip(module)
    pytest.importorskip("psutil")
    options, code, message = TROUBLE[trouble]
    inputs = slow_and_quick(tmp_path)
    args = ["run", str(inputs), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"]
    done = threading.Event()
    killer = threading.Thread(target=kill_a_busy_worker, args=(done,))
    if trouble == "crashed":
        killer.start()
    try:
        assert main([*args, "--engine", engine, *options]) == 3
    finally:
        done.set()
        if killer.is_alive():
            killer.join()
    rows = manifest_rows(tmp_path / "out")
    assert rows[SLOW]["status"] == "failed" and rows[SLOW]["error_code"] == code
    assert message in str(rows[SLOW]["message"])
    assert rows[QUICK]["status"] == "ok"


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_the_local_ray_node_runs_only_what_a_batch_uses_and_stops_whole() -> None:
    """Ray's local node is the store and the raylet (no autoscaler monitor, log monitor or
    dashboard server: interpreters a batch never uses), and stopping it leaves no process."""
    pytest.importorskip("ray")
    psutil = pytest.importorskip("psutil")
    from parscore.pipeline.engines import ray_start, ray_stop

    ray, node = ray_start(1)
    try:
        assert node is not None and sorted(node.all_processes) == ["gcs_server", "raylet"]
        assert ray.cluster_resources()["CPU"] == 1
        started = psutil.Process().children(recursive=True)
        commands = " ".join(" ".join(p.cmdline()) for p in started)
        assert "monitor.py" not in commands and "dashboard.py" not in commands
    finally:
        ray_stop(ray, node)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        alive = [p for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        if not alive:
            break
        time.sleep(0.1)
    assert not alive, [p.cmdline() for p in alive]


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_the_local_ray_node_starts_one_worker_and_its_guards_before_a_task() -> None:
    """Ray's local node starts one worker process with the raylet (the batch's tasks run on
    its threads), and it starts a guard a thread as it starts: the readers are imported
    before the first task arrives, and no interpreter imports Ray for each worker."""
    pytest.importorskip("ray")
    psutil = pytest.importorskip("psutil")
    from parscore.pipeline.engines import ray_start, ray_stop

    ray, node = ray_start(2)
    try:
        deadline = time.monotonic() + 60
        guards: list[psutil.Process] = []
        while len(guards) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
            started = psutil.Process().children(recursive=True)
            guards = [p for p in started if p.name() == "parscore-work"]
        assert len(guards) == 2, [p.cmdline() for p in started]
        parents = {guard.ppid() for guard in guards}
        assert len(parents) == 1 and os.getpid() not in parents  # both in the one Ray worker
        workers = [p for p in started if p.name().startswith("ray::") and "Agent" not in p.name()]
        assert [p.pid for p in workers] == list(parents), [p.name() for p in workers]
    finally:
        ray_stop(ray, node)


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_ray_runs_on_the_cluster_named_by_its_address_and_leaves_it_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """With PARSCORE_RAY_ADDRESS the files are Ray tasks on that cluster (not the local
    node's actor): the same notices as the local pool, and the cluster is not parscore's to
    stop."""
    pytest.importorskip("ray")
    from parscore.pipeline import engines

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in INPUTS:
        (inputs / name).write_bytes((ROOT / "samples" / name).read_bytes())
    args = ["run", str(inputs), "--quiet", "--workers", "2"]
    assert main([*args, "--out", str(tmp_path / "local")]) == 0
    cluster = engines.bare_node(2)
    try:
        monkeypatch.setenv(engines.RAY_ENV, cluster.address)
        monkeypatch.setattr(engines, "bare_node", None)  # parscore starts no node of its own
        capfd.readouterr()
        assert main([*args, "--out", str(tmp_path / "ray"), "--engine", "ray"]) == 0
        assert all(line.startswith("parscore") for line in capfd.readouterr().err.splitlines())
        assert notices(tmp_path / "ray") == notices(tmp_path / "local")
        assert cluster.live_processes()  # still running: its owner stops it
    finally:
        cluster.kill_all_processes(check_alive=False, allow_graceful=True)


@pytest.mark.slow
def test_the_local_dask_cluster_runs_no_stack_profiler() -> None:
    """The local cluster's workers are threads of parscore's process: the dashboard's stack
    sampler (every 10 ms on the event loop) would run beside the run for nothing."""
    pytest.importorskip("dask.distributed")
    from parscore.pipeline.engines import dask_client

    client = dask_client(1)
    try:
        assert client.submit(len, "abc").result() == 3
        workers = client.cluster.workers.values()
        assert workers and all("profile" not in w.periodic_callbacks for w in workers)
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
