"""Long-lived worker processes that read one file at a time under the per-file time limit.

A ``Guard`` is one child interpreter that imports the readers once and then reads file after
file: no process starts per file. The parent enforces the limit: a file that is not done in
time gets its child killed (with the child's own children, e.g. Tesseract) and replaced, and
ends as a ``timeout`` failure; a child that dies (a crash in a C library, the OOM killer) ends
its file as ``worker-crashed`` and is replaced. The local engine runs a few guards side by
side (`run_guards`); a dask or Ray worker keeps guards of its own across its tasks
(`guarded_work`). A child runs in a session of its own, so a Ctrl-C at the terminal reaches
parscore only, which ends its children.

The child is a fresh interpreter (``python -c``), not a fork: it starts the same in a plain
process, a daemonic dask worker or a threaded Ray worker.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

import parscore
from parscore.extractors.errors import ErrorCode, WorkerStartError
from parscore.pipeline.work import Job, Row

#: Files one child reads before it is replaced (bounds what caches and fragmentation keep).
TASKS_PER_WORKER = 1000
#: A child whose peak memory passed this many KiB is replaced after its file.
MAX_WORKER_KIB = 1024 * 1024
#: Times a child that dies before it is ready (or whose start the system refuses: no memory,
#: no process slot, a transient exec fault) is started again before the run gives up.
START_ATTEMPTS = 3
#: Seconds waited before starting again a child whose start the system refused.
START_PAUSE = 0.2
#: What a child sends once its readers are imported, before its first file.
READY = "ready"
#: The child's name in ps and top.
TITLE = b"parscore-work"
#: The folder holding the parscore package this process runs (the child imports the same).
SOURCE_ROOT = str(Path(parscore.__file__).absolute().parent.parent)
#: The child's program: the folder added to its path only when its own path lacks it.
CHILD = (
    "import sys; root = {root!r}; sys.path[:0] = [] if root in sys.path else [root]; "
    "from parscore.pipeline.guard import serve; serve({inbox}, {outbox}, {preload!r})"
)


def serve(inbox_fd: int, outbox_fd: int, preload: Sequence[str] = ()) -> None:
    """In the child: import the readers (and the format readers named in `preload`), say
    ready, then answer every job until the parent closes the pipe (or dies)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    with contextlib.suppress(OSError):  # not Linux: the name only helps ps
        Path("/proc/self/comm").write_bytes(TITLE)
    from parscore.pipeline import process  # noqa: F401  (the readers, imported once)
    from parscore.pipeline.work import work

    for module in preload:  # one that fails fails again, with its message, at its first file
        with contextlib.suppress(ImportError):
            importlib.import_module(module)
    # What the imports made lives as long as the child: the collector need not walk it again
    # whenever a file's records make it look for cycles (about half its time in a child).
    gc.freeze()
    inbox, outbox = Connection(inbox_fd, writable=False), Connection(outbox_fd, readable=False)
    outbox.send(READY)
    while True:
        try:
            path, limits, scale = inbox.recv()
        except EOFError:
            return
        row = work(path, limits, scale)
        try:
            outbox.send((row, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
        except OSError:
            return  # the parent is gone


def spawn(argv: list[str], fds: tuple[int, ...]) -> subprocess.Popen[bytes]:
    """Given a child's command line and the descriptors it keeps, start it in a session of its
    own; a start the system refuses is tried again `START_ATTEMPTS` times in all, then raises
    WorkerStartError naming the program and the system's reason."""
    for attempt in range(1, START_ATTEMPTS + 1):
        try:
            return subprocess.Popen(
                argv, pass_fds=fds, stdin=subprocess.DEVNULL, start_new_session=True
            )
        except OSError as err:
            if attempt == START_ATTEMPTS:
                raise WorkerStartError(argv[0], err.strerror or type(err).__name__) from err
            time.sleep(START_PAUSE * attempt)
    raise AssertionError("unreachable")  # the loop returns or raises


class Guard:
    """One child process and the files handed to it, the first being read.

    Up to ``depth`` files wait in the child's pipe, so it starts the next the moment it ends
    one instead of waiting for the parent to wake up; the first file's clock starts when it
    is handed over or when the file before it ends.
    """

    def __init__(self, depth: int = 1, preload: Sequence[str] = ()) -> None:
        self.depth = depth
        self.preload = tuple(preload)  # format readers the child imports before it is ready
        self.proc: subprocess.Popen[bytes] | None = None
        self.inbox: Connection | None = None  # parent → child
        self.outbox: Connection | None = None  # child → parent
        self.ready = False
        self.tasks = 0
        self.jobs: deque[Job] = deque()
        self.requeue: list[Job] = []  # jobs a replaced child had not started
        self.deadline = 0.0
        self.failed_starts = 0

    @property
    def job(self) -> Job | None:
        """The file being read, if any."""
        return self.jobs[0] if self.jobs else None

    @property
    def wants(self) -> bool:
        """Whether the child can take another file now."""
        return self.ready and len(self.jobs) < self.depth and self.tasks < TASKS_PER_WORKER

    def start(self) -> None:
        """Start the child (it says ready once its readers are imported)."""
        down_r, down_w = os.pipe()
        up_r, up_w = os.pipe()
        code = CHILD.format(root=SOURCE_ROOT, inbox=down_r, outbox=up_w, preload=self.preload)
        try:
            self.proc = spawn([sys.executable, "-c", code], (down_r, up_w))
        except WorkerStartError:
            os.close(down_w)
            os.close(up_r)
            raise
        finally:
            os.close(down_r)
            os.close(up_w)
        self.inbox = Connection(down_w, readable=False)
        self.outbox = Connection(up_r, writable=False)
        self.ready, self.tasks = False, 0

    def send(self, job: Job, limits: Any, scale: str | None) -> None:
        """Given a job, hand it to the (ready) child; the first one's clock starts now."""
        assert self.inbox is not None
        if not self.jobs:
            self.deadline = time.monotonic() + limits.timeout
        self.jobs.append(job)
        self.tasks += 1
        self.inbox.send((str(job.path), limits, scale))

    def receive(self, limits: Any) -> Row | None:
        """Read what the child sent: None for its ready message, else the row of its first
        job (the next one's clock starts). A child that died instead gives the crash row and
        is replaced (`requeue` then holds the jobs it had not started)."""
        assert self.outbox is not None
        try:
            message = self.outbox.recv()
        except (EOFError, OSError):
            return self.replace(ErrorCode.WORKER_CRASHED, f"worker exited with code {self.end()}")
        if message == READY:
            self.ready, self.failed_starts = True, 0
            return None
        row, peak_kib = message
        self.jobs.popleft()
        self.deadline = time.monotonic() + limits.timeout
        if peak_kib > MAX_WORKER_KIB:
            self.tasks = TASKS_PER_WORKER  # take no more; replaced once its files are done
        if not self.jobs and self.tasks >= TASKS_PER_WORKER:
            self.close()
            self.start()
        return dict(row)

    def replace(self, code: ErrorCode, message: str) -> Row:
        """End the child, start a new one, and return the failed row of the job it was
        reading; the jobs queued behind that one go to `requeue`, to be handed out again."""
        code_at_exit = self.end()
        if self.job is None and not self.ready:  # it died starting: retry, a few times
            self.failed_starts += 1
            if self.failed_starts >= START_ATTEMPTS:
                raise WorkerStartError(sys.executable, f"it exited with code {code_at_exit}")
        if self.jobs:
            self.jobs.popleft()
        self.requeue, self.jobs = list(self.jobs), deque()
        self.start()
        return {"status": "failed", "error_code": str(code), "message": message}

    def overdue(self, limits: Any) -> Row:
        """Given the limits, end the child of a job past its time and return its timeout row."""
        return self.replace(ErrorCode.TIMEOUT, f"more than {limits.timeout:g} s")

    def end(self) -> int | None:
        """Kill the child and its own children now; return its exit code."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                self.proc.kill()
        code = self.proc.wait()
        self.close_pipes()
        return code

    def close(self) -> None:
        """Let the child go: it reads the end of its pipe and exits (killed if it lingers)."""
        self.close_pipes()
        if self.proc is not None:
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.end()
            self.proc = None

    def close_pipes(self) -> None:
        for conn in (self.inbox, self.outbox):
            if conn is not None:
                conn.close()
        self.inbox = self.outbox = None

    def run(self, job: Job, limits: Any, scale: str | None) -> Row:
        """Given one job, read it in the child under the time limit and return its row."""
        if self.proc is None:
            self.start()
        while not self.ready:
            self.receive(limits)
        self.send(job, limits, scale)
        assert self.outbox is not None
        if not self.outbox.poll(max(0.0, self.deadline - time.monotonic())):
            return self.overdue(limits)
        row = self.receive(limits)
        assert row is not None
        return row


#: Files waiting in a local worker's pipe behind the one it reads.
QUEUED = 1


def run_guards(
    jobs: Sequence[Job], workers: int, limits: Any, scale: str | None
) -> Iterator[tuple[Job, Row]]:
    """Given jobs, read them on `workers` children and yield (job, row) as each ends; a
    child that hangs past the limit or dies is replaced and its file ends failed."""
    guards = claim(min(workers, len(jobs)))
    try:
        for guard in guards:
            if guard.proc is None:
                guard.start()
        yield from run_on(guards, jobs, limits, scale)
    finally:
        for guard in guards:
            guard.end()


def run_on(
    guards: list[Guard], jobs: Sequence[Job], limits: Any, scale: str | None
) -> Iterator[tuple[Job, Row]]:
    """Given started guards and jobs, read the jobs on them; yield (job, row) as each ends."""
    pending = deque(jobs)
    for guard in guards:
        settle(guard, pending, limits, scale)
    while pending or any(g.jobs for g in guards):
        yield from step(guards, pending, limits, scale)


def step(
    guards: list[Guard], pending: deque[Job], limits: Any, scale: str | None
) -> Iterator[tuple[Job, Row]]:
    """Wait for the next message or deadline; yield the jobs that ended meanwhile, having
    handed each child its next jobs first (it reads while the parent records)."""
    busy = [g for g in guards if g.jobs]
    timeout = min((g.deadline for g in busy), default=None)
    left = None if timeout is None else max(0.0, timeout - time.monotonic())
    by_conn = {g.outbox: g for g in guards if g.outbox is not None}
    for conn in wait(list(by_conn), left):
        guard = by_conn[conn]  # type: ignore[index]
        job = guard.job
        row = guard.receive(limits)
        settle(guard, pending, limits, scale)
        if job is not None and row is not None:
            yield job, row
    now = time.monotonic()
    for guard in guards:
        if guard.job is not None and guard.deadline <= now:
            job, row = guard.job, guard.overdue(limits)
            settle(guard, pending, limits, scale)
            yield job, row


def settle(guard: Guard, pending: deque[Job], limits: Any, scale: str | None) -> None:
    """Given a guard, put back the jobs a replaced child never started, then hand it jobs
    while it wants them."""
    pending.extendleft(reversed(guard.requeue))
    guard.requeue = []
    while pending and guard.wants:
        guard.send(pending.popleft(), limits, scale)


#: Idle guards of this process, kept across the tasks a dask or Ray worker runs.
_IDLE: list[Guard] = []
_LOCK = threading.Lock()


def guarded_work(paths: Sequence[str], limits: Any, grade_scale: str | None) -> list[Row]:
    """Given a few files, read them in a guard of this process (started once, reused by
    every later task) under the time limit; return their rows in order. The engines' task:
    a task per few files keeps the scheduler's cost per file small."""
    with _LOCK:
        guard = _IDLE.pop() if _IDLE else Guard(depth=1 + QUEUED)
    try:
        if guard.proc is None:
            guard.start()
        jobs = [Job(path=Path(p), sha256=str(k)) for k, p in enumerate(paths)]
        rows = {job.sha256: row for job, row in run_on([guard], jobs, limits, grade_scale)}
        return [rows[job.sha256] for job in jobs]
    finally:
        with _LOCK:
            _IDLE.append(guard)


def claim(count: int) -> list[Guard]:
    """Given a count, return that many guards for a local run: first those `prestart`
    started (the run's children import the readers while it plans), then new ones."""
    with _LOCK:
        taken = [_IDLE.pop() for _ in range(min(count, len(_IDLE)))]
    return taken + [Guard(depth=1 + QUEUED) for _ in range(count - len(taken))]


def prestart(count: int, preload: Sequence[str] = ()) -> None:
    """Given a count (and the format readers the files will need), start that many guards
    for this process's engine tasks, or its local run, now (their children start up, and
    import those readers, while the engine does, or the run plans)."""
    with _LOCK:
        while len(_IDLE) < count:
            guard = Guard(depth=1 + QUEUED, preload=preload)
            guard.start()
            _IDLE.append(guard)


def close_idle() -> None:
    """End the guards this process keeps for engine tasks."""
    with _LOCK:
        while _IDLE:
            _IDLE.pop().end()
