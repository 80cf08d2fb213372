"""What every fuzz target checks: no traceback, no hang, no memory blow-up.

Each input may end in a clean refusal (a :class:`~respectful_lint.errors.LintError`, which the
command line shows as one line and exit 2) or in a result; any other exception is a bug. An
input may take at most ``DEADLINE`` seconds (a timer interrupts a hang) and allocate at most
``3 * its size + 100 MB`` at its peak, as traced by ``tracemalloc``.

``RESPECTFUL_LINT_FUZZ=long`` turns the brief run that CI does into a long campaign (see
``benchmarks/RESULTS.md``); ``RESPECTFUL_LINT_FUZZ_EXAMPLES`` sets the examples per target.
"""

from __future__ import annotations

import os
import signal
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from hypothesis import HealthCheck, settings

from respectful_lint.errors import LintError

LONG = os.environ.get("RESPECTFUL_LINT_FUZZ", "") == "long"
EXAMPLES = int(os.environ.get("RESPECTFUL_LINT_FUZZ_EXAMPLES", "3000" if LONG else "25"))
DEADLINE = 10.0  # seconds one input may take, on a busy machine
MEMORY = 100 * 2**20  # bytes allowed on top of 3 * the input's size

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # the timer below stops a hang; hypothesis only measures afterwards
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=not LONG,  # CI runs the same inputs every time; a campaign explores
    database=None,
)

T = TypeVar("T")


class Hang(Exception):
    """An input ran past the deadline."""


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise Hang(f"an input took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def guarded(run: Callable[[], T], size: int) -> T | LintError:
    """Run one input: its result, or the clean error it ended in.

    Any other exception propagates (hypothesis then shrinks the input and reports it); so do
    :class:`Hang` and a memory peak over the bound.
    """
    tracemalloc.start()
    try:
        with _deadline(DEADLINE):
            try:
                result: T | LintError = run()
            except LintError as exc:
                message = str(exc)
                assert message and "\n" not in message, f"not one line: {message!r}"
                result = exc
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    bound = 3 * size + MEMORY
    assert peak <= bound, f"peak memory {peak:,} bytes over the bound of {bound:,}"
    return result
