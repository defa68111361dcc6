"""The garbage collector of a long-running server process, tuned once its start-up is done.

A server process holds some 130,000 objects from start-up (Django, the URL and admin machinery,
the intent model, the knowledge indexes) that live as long as the process. CPython's full
collection walks every one of them: 80–240 ms with the whole process stopped, every time enough
objects have survived into the oldest generation, which under load is every few seconds. Each
such pause lands on every conversation at once: it was the p95 of the #9 benchmark.

Once the process is warm, those objects are moved out of the collector's sight (`gc.freeze()`,
as Python's documentation suggests for long-lived servers), so a full collection walks only what
was made since. The youngest generation is also collected less often: at CPython's default of
700 container allocations, a run's short-lived objects are examined several times and partly
promoted before they die.
"""

from __future__ import annotations

import gc
import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def gc_tune_after_start() -> None:
    """Freeze the start-up objects out of the collector and set the young generation's threshold.

    Call once, when the process has loaded what it keeps for its life (the agents are ready):
    whatever is alive then is never examined again, so a cycle among those objects that became
    garbage later would never be freed. At start-up that is a bounded, one-time cost.
    """
    threshold = settings.SUPPORT["GC_YOUNG_THRESHOLD"]
    if threshold <= 0:
        return  # left as CPython has it
    gc.collect()  # what start-up left as garbage is freed, not frozen for the process's life
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(threshold, older, oldest)
    logger.info("Garbage collector: %d start-up objects frozen, young generation every %d allocations",
                gc.get_freeze_count(), threshold)
