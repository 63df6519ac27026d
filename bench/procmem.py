"""Peak memory of a process tree (Linux): the summed resident set size of a process and all its
descendants, sampled every few tens of milliseconds in a background thread.

Shared pages (libraries loaded by several processes) are counted once per process, so the figure
is an upper bound of the memory the tree needs, which is what a machine must have free.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended meanwhile
            continue
        # the command name (2nd field) may hold spaces: the parent id follows its closing bracket
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def tree_rss(roots: list[int]) -> int:
    """Summed resident bytes of ``roots`` and every process descending from them."""
    children = _children_map()
    seen, todo, total = set(), list(roots), 0
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        todo.extend(children.get(pid, []))
    return total


class PeakTreeMemory:
    """``with PeakTreeMemory() as mem: mem.watch(pid) ...`` then ``mem.peak`` (bytes)."""

    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.roots: list[int] = []
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def watch(self, pid: int) -> None:
        self.roots.append(pid)

    def _sample(self) -> None:
        if self.roots:
            self.peak = max(self.peak, tree_rss(self.roots))

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> PeakTreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
