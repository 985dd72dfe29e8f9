"""Scale-out engines beyond the local process pool: dask.distributed and Ray.

A task reads a few files in a guard of its worker (``pipeline.guard``): a child interpreter
the worker starts once and reuses for every later file, killed and replaced when a file
overruns the time limit or crashes it. So a hung or crashing file costs its task one file,
never a worker, and no interpreter starts per file. The local dask cluster runs its workers
as threads of parscore's process, the local Ray node as threads of its one worker process
(each thread drives its own guard child); a remote cluster's workers start their own guards.

What a one-machine batch pays beyond the local engine is the cluster's start and stop, so
both start only what a batch uses: dask's local cluster without its 10 ms stack profiler and
with its health checks spaced out; Ray as a bare node (its store and raylet, without the
autoscaler's monitor, log monitor and dashboard server that ray.init adds), its one worker
started with the raylet and starting its guards as it starts (so the readers import while
the raylet waits on its agents and the driver connects), stopped without waiting on daemons
it never started. Both start no more guards than the batch has tasks.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from parscore.extractors.errors import UsageError
from parscore.pipeline.guard import close_idle, guarded_work, prestart
from parscore.pipeline.work import Job

if TYPE_CHECKING:
    from parscore.pipeline.settings import RunSettings

#: Set to a scheduler address (tcp://host:8786) to use an existing cluster.
SCHEDULER_ENV = "PARSCORE_DASK_SCHEDULER"


#: Files in one engine task at most (a task per file would cost the scheduler more than a
#: web page costs to read; a few per task still spreads the tail over the workers).
MAX_CHUNK = 16


def chunks(jobs: Sequence[Job], workers: int) -> list[list[Job]]:
    """Given jobs and the worker count, return them cut into tasks of consecutive jobs,
    at least four tasks a worker while there are enough jobs."""
    size = max(1, min(MAX_CHUNK, len(jobs) // (4 * workers)))
    return [list(jobs[k : k + size]) for k in range(0, len(jobs), size)]


def paths(chunk: Sequence[Job]) -> list[str]:
    """Given a task's jobs, return their paths as text (what a worker elsewhere receives)."""
    return [str(job.path) for job in chunk]


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
    # Workers as threads of this process: the files are read in their guards' children, so
    # worker processes would only add their start-up. ":0": a free port for the scheduler's
    # HTTP routes; with None distributed still binds its fixed default, so two batches on one
    # machine collided (the second cluster never started).
    with dask.config.set(QUIET_WORKERS):
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=False, dashboard_address=":0"
        )
    return Client(cluster)


#: What a local cluster (threads of parscore's process) does without or less often: sampling
#: every thread's stack each 10 ms for the dashboard's profile, timing the GIL, checking the
#: event loop's health each 20 ms, the workers' memory each 100 ms and the host each 500 ms.
#: All run beside the run's own threads and take the GIL; on 500 web pages they were about
#: two thirds of the cluster's event-loop time (0.9-1.4 s of CPU, 0.3-0.4 s without).
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}


def run_dask(jobs: Sequence[Job], settings: RunSettings) -> Iterator[tuple[Job, dict[str, Any]]]:
    """Given jobs, run them on a dask cluster and yield (job, outcome) as they finish."""
    from dask.distributed import as_completed

    scale = str(settings.grade_scale) if settings.grade_scale else None
    tasks = chunks(jobs, settings.workers)
    if not os.environ.get(SCHEDULER_ENV):
        # The local cluster's workers are threads of this process: their guards start now,
        # while the cluster does.
        prestart(max(1, min(settings.workers, len(tasks))))
    try:
        client = dask_client(settings.workers)
    except BaseException:
        close_idle()
        raise
    try:
        futures = {
            client.submit(guarded_work, paths(chunk), settings.limits, scale, pure=False): chunk
            for chunk in tasks
        }
        for future in as_completed(futures):
            yield from zip(futures[future], future.result(), strict=True)
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None:
            cluster.close()
        close_idle()


#: Set to a Ray cluster address ("ray://host:10001" or "auto") to use an existing cluster.
RAY_ENV = "PARSCORE_RAY_ADDRESS"


def ray_start(workers: int) -> tuple[Any, Any]:
    """Given a worker count, return ray connected to $PARSCORE_RAY_ADDRESS or to a new local
    node, and that node (None when the cluster is not ours to stop)."""
    try:
        import ray
    except ImportError as err:
        raise UsageError("--engine ray needs ray: pip install 'parscore[ray]'") from err
    address = os.environ.get(RAY_ENV)
    with quiet_stderr():  # Ray's banners; its daemons inherit the quiet stream too
        node = None if address else bare_node(workers)
        if node is not None:
            address = node.address
        try:
            ray.init(
                address=address or None,
                num_cpus=None if address else workers,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
            )
        except BaseException:
            if node is not None:
                node.kill_all_processes(check_alive=False, allow_graceful=False)
            raise
    return ray, node


def bare_node(workers: int) -> Any:
    """Given a worker count, start and return a local Ray node of the processes a batch
    uses: the store (GCS) and the raylet with one worker process, which starts a guard a
    worker as it starts (`Reader` reads on as many threads). ray.init would also start the
    autoscaler's monitor, a log monitor and the dashboard's API server: three more
    interpreters importing Ray, and ray.init waits for the API server before it starts the
    raylet. Return None if this Ray lacks the parts used (ray.init then starts the node as
    usual)."""
    try:
        from ray._private.node import Node
        from ray._private.parameter import RayParams
        from ray._private.ray_constants import WORKER_PROCESS_SETUP_HOOK_ENV_VAR as HOOK

        # include_log_monitor is typed str but read as a flag (None would mean True)
        params = RayParams(
            num_cpus=1,
            include_dashboard=False,
            no_monitor=True,
            include_log_monitor=False,  # type: ignore[arg-type]
            _system_config=dict(NODE_CONFIG),
        )
    except (ImportError, TypeError):
        return None

    class BareNode(Node):
        def start_api_server(self, **_: Any) -> None:
            """Start no API server (it serves the dashboard and usage reports)."""

    # The raylet hands its environment to the workers it starts: each runs the hook first.
    with (
        environment(HOOK, f"{__name__}.{worker_started.__name__}"),
        environment(GUARDS_ENV, str(workers)),
    ):
        return BareNode(
            params, head=True, shutdown_at_exit=False, spawn_reaper=True, ray_init_cluster=True
        )


#: The local node's raylet settings: start its worker with the raylet, not when the driver
#: connects (the driver's connection waited on its start, about a second, before the first
#: task could go).
NODE_CONFIG: dict[str, Any] = {"enable_worker_prestart": True}


def worker_started() -> None:
    """In the worker process of the local Ray node, as it starts: start the guards its
    threads read files in (their children import the readers while the worker connects and
    waits for its first task, instead of after that task arrives)."""
    with contextlib.suppress(Exception):  # a failing hook would end the worker; the task starts one
        import ray

        if ray.get_runtime_context().worker.mode == ray.WORKER_MODE:  # not a spilling worker
            prestart(int(os.environ.get(GUARDS_ENV, "1")))


#: How many guards the worker of parscore's local Ray node starts (one a reading thread).
GUARDS_ENV = "PARSCORE_RAY_GUARDS"


class Reader:
    """The one actor of parscore's local Ray node: its calls run on threads of one worker
    process, each reading its files in a guard of that process (as the local dask cluster's
    workers are threads): a worker process a thread would cost an interpreter importing Ray
    each (about 0.6 s of CPU) and read nothing itself."""

    def read(self, paths: Sequence[str], limits: Any, grade_scale: str | None) -> list[Any]:
        """Given a task's files, read them in a guard of this process; return their rows."""
        return guarded_work(paths, limits, grade_scale)


@contextlib.contextmanager
def environment(name: str, value: str) -> Iterator[None]:
    """Set an environment variable for the block (the processes started meanwhile inherit it)."""
    saved = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = saved


def ray_stop(ray: Any, node: Any) -> None:
    """Given ray and the node ray_start started (or None), disconnect and stop the node:
    the raylet ends its workers, the store goes."""
    with quiet_stderr():
        ray.shutdown()
        if node is not None:
            node.kill_all_processes(check_alive=False, allow_graceful=True)


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """Send what is written to stderr for the block to the null device: file descriptor 2
    (native code, the daemons started meanwhile) and sys.stderr (Python's logging). The run's
    own progress and messages come after it."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w", encoding="utf-8") as null, contextlib.redirect_stderr(null):
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def run_ray(jobs: Sequence[Job], settings: RunSettings) -> Iterator[tuple[Job, dict[str, Any]]]:
    """Given jobs, run them as Ray tasks (on the local node, calls of its one actor) and
    yield (job, outcome) as they finish."""
    scale = str(settings.grade_scale) if settings.grade_scale else None
    tasks = chunks(jobs, settings.workers)
    threads = max(1, min(settings.workers, len(tasks)))
    ray, node = ray_start(threads)
    try:
        if node is None:  # a cluster's workers: a task each
            read = ray.remote(num_cpus=1)(guarded_work).remote
        else:
            # a worker process that dies is restarted and its calls run again, as tasks are
            options = {"max_concurrency": threads, "max_restarts": 3, "max_task_retries": 3}
            read = ray.remote(num_cpus=1, **options)(Reader).remote().read.remote
        refs = {read(paths(chunk), settings.limits, scale): chunk for chunk in tasks}
        pending = list(refs)
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            yield from zip(refs.pop(done[0]), ray.get(done[0]), strict=True)
    finally:
        ray_stop(ray, node)
        close_idle()
