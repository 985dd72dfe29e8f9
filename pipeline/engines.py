"""Scale-out engines beyond the local process pool: dask.distributed and Ray.

Each file still runs in a process of its own with the per-file time limit (pebble), so a
hung or crashing file costs one task, never a dask worker. That needs workers started with
``distributed.worker.daemon: False`` (the local cluster is); on a cluster whose workers are
daemonic, files run inside the worker and the time limit is not enforced.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any

from parscore.extractors.errors import ErrorCode, UsageError
from parscore.pipeline.work import Job, work

if TYPE_CHECKING:
    from parscore.pipeline.settings import RunSettings

#: Set to a scheduler address (tcp://host:8786) to use an existing cluster.
SCHEDULER_ENV = "PARSCORE_DASK_SCHEDULER"


def guarded_work(path: str, limits: Any, grade_scale: str | None) -> dict[str, Any]:
    """Given one file, run `work` in a child process under the time limit; return its row."""
    import multiprocessing

    from pebble import ProcessExpired, concurrent

    if multiprocessing.current_process().daemon:  # a cluster started without worker.daemon=False
        return work(path, limits, grade_scale)
    future = concurrent.process(timeout=limits.timeout)(work)(path, limits, grade_scale)
    try:
        return dict(future.result())
    except FutureTimeout:
        return {
            "status": "failed",
            "error_code": str(ErrorCode.TIMEOUT),
            "message": f"more than {limits.timeout:g} s",
        }
    except ProcessExpired as err:
        return {
            "status": "failed",
            "error_code": str(ErrorCode.WORKER_CRASHED),
            "message": f"worker exited with code {err.exitcode}",
        }


def dask_client(workers: int) -> Any:
    """Given a worker count, return a client of $PARSCORE_DASK_SCHEDULER or a new local cluster."""
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise UsageError("--engine dask needs dask: pip install 'parscore[dask]'") from err
    address = os.environ.get(SCHEDULER_ENV)
    if address:
        return Client(address)
    # Non-daemonic workers may start the per-file child process that enforces the time limit.
    dask.config.set({"distributed.worker.daemon": False})
    # ":0": a free port for the scheduler's HTTP routes; with None distributed still binds its
    # fixed default, so two batches on one machine collided (the second cluster never started).
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    return Client(cluster)


def run_dask(jobs: Sequence[Job], settings: RunSettings) -> Iterator[tuple[Job, dict[str, Any]]]:
    """Given jobs, run them on a dask cluster and yield (job, outcome) as they finish."""
    from dask.distributed import as_completed

    scale = str(settings.grade_scale) if settings.grade_scale else None
    client = dask_client(settings.workers)
    try:
        futures = {
            client.submit(guarded_work, str(j.path), settings.limits, scale, pure=False): j
            for j in jobs
        }
        for future in as_completed(futures):
            yield futures[future], future.result()
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None:
            cluster.close()


#: Set to a Ray cluster address ("ray://host:10001" or "auto") to use an existing cluster.
RAY_ENV = "PARSCORE_RAY_ADDRESS"


def ray_start(workers: int) -> Any:
    """Given a worker count, return ray connected to $PARSCORE_RAY_ADDRESS or a new local one."""
    try:
        import ray
    except ImportError as err:
        raise UsageError("--engine ray needs ray: pip install 'parscore[ray]'") from err
    address = os.environ.get(RAY_ENV)
    ray.init(
        address=address or None,
        num_cpus=None if address else workers,
        include_dashboard=False,
        log_to_driver=False,
        configure_logging=False,
    )
    return ray


def run_ray(jobs: Sequence[Job], settings: RunSettings) -> Iterator[tuple[Job, dict[str, Any]]]:
    """Given jobs, run them as Ray tasks and yield (job, outcome) as they finish."""
    scale = str(settings.grade_scale) if settings.grade_scale else None
    ray = ray_start(settings.workers)
    try:
        task = ray.remote(num_cpus=1)(guarded_work)
        refs = {task.remote(str(j.path), settings.limits, scale): j for j in jobs}
        pending = list(refs)
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            yield refs.pop(done[0]), ray.get(done[0])
    finally:
        ray.shutdown()
