"""What every benchmark shares: a figure beside its baseline, timing, and whole-process probes.

This machine is shared and noisy: each figure is measured beside the best possible baseline in
the same run, and the ratio is what counts; absolute times are indications.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Figure:
    """One measured figure. ``target`` says in words what must hold; ``passed`` whether it did."""

    figure: str
    value: float
    baseline: float | None
    ratio: float | None
    target: str
    passed: bool
    unit: str = "ms"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def ratio_figure(
    name: str, value: float, baseline: float, limit: float, unit: str = "ms"
) -> Figure:
    ratio = value / baseline if baseline else float("inf")
    return Figure(name, value, baseline, ratio, f"≤ {limit:g}× baseline", ratio <= limit, unit)


def limit_figure(name: str, value: float, limit: float, unit: str = "ms") -> Figure:
    return Figure(name, value, None, None, f"< {limit:g} {unit}", value < limit, unit)


def median_ms(action: Callable[[], object], rounds: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


@dataclass
class ProcessRun:
    seconds: float
    peak_mb: float
    output: dict[str, Any]


def run_probe(script: Path, *args: str, env: dict[str, str] | None = None) -> ProcessRun:
    """Run ``python script args`` as a whole process: wall time from spawn to exit, peak RSS.

    The probe prints one JSON line as its last line of output.
    """
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    environment.update(env or {})
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(script), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
        cwd=ROOT,
    )
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    # ru_maxrss of the child alone: os.wait4 is gone after communicate(), so read it from the
    # child's own report (it prints VmHWM, its peak resident memory, before exiting).
    if process.returncode != 0:
        raise RuntimeError(f"{script.name} failed: {stderr.decode(errors='replace')[-2000:]}")
    last = stdout.decode().strip().splitlines()[-1]
    output = json.loads(last)
    return ProcessRun(seconds, float(output.get("peak_mb", 0.0)), output)


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM) in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def median_process(script: Path, rounds: int, *args: str) -> tuple[float, float, dict[str, Any]]:
    """Median wall time (ms) and median peak memory (MB) of ``rounds`` whole-process runs."""
    runs = [run_probe(script, *args) for _ in range(rounds)]
    return (
        statistics.median(r.seconds for r in runs) * 1000,
        statistics.median(r.peak_mb for r in runs),
        runs[-1].output,
    )


def run_alone(figures: Callable[[bool], list[Figure]], description: str | None) -> None:
    """``python -m benchmarks.<part> [--quick]``: one part of the suite, printed as its table."""
    import argparse

    from benchmarks.run import print_table

    parser = argparse.ArgumentParser(description=(description or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    print_table(figures(parser.parse_args().quick))
