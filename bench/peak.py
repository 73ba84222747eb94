"""The peak resident memory of this process, for the benchmark's figures."""

from __future__ import annotations

import resource


def peak_bytes() -> int:
    """Return the peak resident memory of this process, in bytes.

    Read from the kernel's high-water mark of this process (``VmHWM`` in
    ``/proc/self/status``), else from ``resource.getrusage``. On Linux ``ru_maxrss`` of a
    process started by another one includes its parent's size when it started (the
    kernel carries it over ``exec``), which would count the benchmark's own memory in
    every child it measures; ``VmHWM`` belongs to the process alone.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
