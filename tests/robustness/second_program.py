"""Drive ``store_child.py``: another program with the same database open, one command at a time."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from pathlib import Path

CHILD = Path(__file__).with_name("store_child.py")
ROOT = Path(__file__).resolve().parents[2]


class SecondProgram:
    def __init__(self, database: Path, busy_timeout_ms: int = 5000) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(CHILD), str(database), str(busy_timeout_ms)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._answers: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._answers.put(line.rstrip("\n"))
        self._answers.put("<ended>")

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def answer(self, timeout: float = 30) -> str:
        try:
            line = self._answers.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError("the second program did not answer in time") from None
        if line == "<ended>":
            assert self.process.stderr is not None
            raise AssertionError(f"the second program ended: {self.process.stderr.read()}")
        return line

    def ask(self, command: str, timeout: float = 30) -> str:
        self.send(command)
        return self.answer(timeout)

    def wait_ready(self) -> None:
        assert self.answer() == "ready"

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.send("quit")
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
