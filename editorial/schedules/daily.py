"""Daily jobs the schedule runner runs beside the publish/unpublish schedules.

An app registers a job in its AppConfig.ready(): `daily.register("app.job", job)`. `run_jobs(now)`
calls every job on each of the runner's passes; a job decides itself whether today's run is due
and claims it (so several runners run it once between them: see marketplaces/rate_import.py).
One failing job is logged and never stops the schedules or the other jobs.
"""

import logging

log = logging.getLogger(__name__)

JOBS = {}


def register(name, job):
    """`job(now)` returns True when this pass did the day's work."""
    JOBS[name] = job


def run_jobs(now):
    """Names of the jobs that did their work on this pass."""
    ran = []
    for name, job in JOBS.items():
        try:
            if job(now):
                ran.append(name)
        except Exception:  # one broken job must not stop the runner
            log.exception("Daily job %s failed", name)
    return ran
