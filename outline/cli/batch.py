"""Many documents at once: worker processes read, parse and render; the parent keeps the order.

Memory stays bounded whatever the size of the corpus: the tasks come from a generator, at most
`WINDOW` chunks of `CHUNK` documents per worker are in flight, and a worker sends back plain
data (the rendered output, or nothing when it wrote the file itself), never a Document.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from outline.cli.files import write_atomically
from outline.cli.inputs import InputError, ReadOptions, read_source

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

CHUNK = 16
"""Documents sent to a worker at once: enough to make the cost of a round trip small."""
WINDOW = 4
"""Chunks in flight per worker: enough to keep every worker busy while the parent writes."""
STDIN = "-"
GRACE = 0.5
"""Seconds a stopped worker has to remove its file and exit before it is killed."""


@dataclass(frozen=True, slots=True)
class Job:
    """What every document of a run is given: how to read it and what to make of it."""

    format: str
    """A key of `outline.render.FORMATS`."""
    read: ReadOptions = field(default_factory=ReadOptions)
    """How the inputs are read."""
    depth: int | None = None
    """Render levels 1..depth only."""
    md_style: str = "headings"
    """Markdown style, as `outline.render.Options` has it."""
    body: bool = False
    """Render each heading's own text too, in formats that can hold it."""
    head: str | None = None
    """When set, each output starts with this text, which the worker cuts off: the outputs of
    many documents go into one file that starts with it once."""
    open_depth: int | None = None
    """HTML: the levels whose sections start open."""
    layout: str | None = None
    """How the documents look, in a format that has layouts (docx)."""


@dataclass(frozen=True, slots=True)
class Task:
    """One document to export."""

    source: str
    """The input path, "-" for standard input."""
    target: str | None = None
    """The file to write the output to; None to send the output back to the parent."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document: plain data, cheap to send between processes."""

    source: str
    """The input path, as in its task."""
    output: str | bytes | None = None
    """The rendered document, when its task has no target and it could be read."""
    headings: int = 0
    """How many headings the document has (at every level, whatever the depth rendered)."""
    failed: str | None = None
    """The path the trouble is about (the input, or the file that could not be written)."""
    message: str = ""
    """What went wrong, one line for the user, when `failed` is set."""
    bug: bool = False
    """True when the trouble is an internal error rather than a bad input."""


def export_one(job: Job, task: Task) -> Outcome:
    """Read, parse and render one document; write it when its task has a target."""
    from outline.cli.names import printable
    from outline.render import FORMATS, Options

    try:
        loaded = read_source(task.source, job.read)
        options = Options.of(
            loaded,
            depth=job.depth,
            md_style=job.md_style,
            body=job.body,
            open_depth=job.open_depth,
            layout=job.layout,
        )
        options = replace(options, source=printable(task.source))  # a name any output holds
        output = FORMATS[job.format].render(loaded.doc, options)
        if job.head is not None and isinstance(output, str) and output.startswith(job.head):
            output = output[len(job.head) :]
        headings = sum(1 for _ in loaded.doc.walk())
    except InputError as e:
        return Outcome(task.source, failed=task.source, message=str(e))
    except Exception as e:  # a bug: report it with the document, go on with the others
        if os.environ.get("OUTLINE_DEBUG"):
            raise
        message = f"internal error: {type(e).__name__}: {e}"
        return Outcome(task.source, failed=task.source, message=message, bug=True)
    if task.target is None:
        return Outcome(task.source, output, headings)
    try:
        write_atomically(Path(task.target), output)
    except OSError as e:
        return Outcome(task.source, failed=task.target, message=f"cannot write: {e.strerror or e}")
    return Outcome(task.source, None, headings)


def export_chunk(job: Job, tasks: list[Task]) -> list[Outcome]:
    """What a worker does with one chunk of tasks."""
    return [export_one(job, task) for task in tasks]


def serial(job: Job, tasks: Iterable[Task]) -> Iterator[Outcome]:
    """The outcome of every task, in order, from this process alone."""
    return (export_one(job, task) for task in tasks)


Pending = deque[tuple[list["Task"], "Future[list[Outcome]]"]]
"""The chunks in flight, in order, each with the future of its outcomes."""


class Workers:
    """A pool of worker processes with a bounded number of chunks in flight.

    The processes are started on entry, before the caller starts any thread of its own (a
    progress bar). A worker that dies (killed, out of memory) breaks the pool: the documents of
    the chunk it was on are each tried again alone in a new pool, so that the one that kills a
    worker by itself is found and reported, and the chunks in flight are sent again.
    """

    def __init__(self, job: Job, jobs: int) -> None:
        self.job = job
        self.jobs = jobs
        self.pool = self._start()
        self.broken = False

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        else:  # interrupted, or stopped: no chunk is waited for
            self.stop()

    def stop(self) -> None:
        """End the workers now, whatever they are doing: each removes the file it was writing
        and exits (SIGTERM); one that does not within `GRACE` seconds is killed."""
        import time

        processes = list(getattr(self.pool, "_processes", {}).values())
        for process in processes:
            process.terminate()
        deadline = time.monotonic() + GRACE
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
        self.pool.shutdown(wait=False, cancel_futures=True)

    def _start(self) -> ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from outline.cli.interrupt import start_worker

        method = "fork" if sys.platform == "linux" else "spawn"  # fork is unsafe on macOS
        pool = ProcessPoolExecutor(
            self.jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=start_worker,
            initargs=(os.getpid(),),
        )
        pool.submit(int).result()  # start every process now
        return pool

    def _mend(self) -> None:
        """A new pool in place of a broken one."""
        if self.broken:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = self._start()
            self.broken = False

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """The outcome of every task, in order; standard input is read in this process."""
        chunks = _chunks(iter(tasks))
        pending: Pending = deque()
        while True:
            while len(pending) < self.jobs * WINDOW:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, self._submit(chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            yield from self._result(chunk, future, pending)

    def _submit(self, chunk: list[Task]) -> Future[list[Outcome]]:
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        done: Future[list[Outcome]] = Future()
        if chunk[0].source == STDIN:
            done.set_result(export_chunk(self.job, chunk))
            return done
        try:
            return self.pool.submit(export_chunk, self.job, chunk)
        except BrokenProcessPool as e:
            done.set_exception(e)
            return done

    def _result(
        self, chunk: list[Task], future: Future[list[Outcome]], pending: Pending
    ) -> list[Outcome]:
        """The outcomes of a chunk; after a break, each of its documents tried alone."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()
        except BrokenProcessPool:
            self.broken = True
        outcomes = [self._alone(task) for task in chunk]
        self._mend()
        for i, (waiting, sent) in enumerate(pending):
            if not (sent.done() and not sent.cancelled() and sent.exception() is None):
                pending[i] = (waiting, self._submit(waiting))
        return outcomes

    def _alone(self, task: Task) -> Outcome:
        """One document with nothing else in flight: if the pool breaks, it broke it."""
        from concurrent.futures.process import BrokenProcessPool

        self._mend()
        try:
            return self._submit([task]).result()[0]
        except BrokenProcessPool:
            self.broken = True
        message = "a worker process died on it (out of memory?)"
        return Outcome(task.source, failed=task.source, message=message, bug=True)


def _chunks(tasks: Iterator[Task]) -> Iterator[list[Task]]:
    """Tasks in chunks of at most CHUNK; standard input alone in its own (read by the parent)."""
    chunk: list[Task] = []
    for task in tasks:
        if task.source == STDIN:
            if chunk:
                yield chunk
            yield [task]
            chunk = []
            continue
        chunk.append(task)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1
