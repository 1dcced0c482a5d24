"""``newsx spark``: the pipeline on a Spark cluster (``extract.spark``)."""

from __future__ import annotations

import threading

import click

from extract.cli.options import DATE, INPUT_OR_URL, CONFIG, CONFIG_HELP, LABELS, pipeline_config, KeyValue
from extract.cli.util import STATE, err as _err, progress_flag


@click.command("spark")
@click.argument("inputs", nargs=-1, required=True, type=INPUT_OR_URL)
@click.argument("output")
@click.option("--master", default="local[*]", show_default=True, help="Spark master URL (local[N], spark://…, yarn, k8s://…).")
@click.option("--date", type=DATE, help="Document date for inputs that carry none.")
@click.option("--labels", type=LABELS, default=None, help="Comma-separated labels to extract (default: all).")
@click.option("--config", "config_file", type=CONFIG, default=None, help=CONFIG_HELP)
@click.option("--partitions", type=click.IntRange(1), default=None, help="Minimum input partitions per JSONL file.")
@click.option("--conf", "conf", multiple=True, type=KeyValue(), help="Extra Spark setting KEY=VALUE (repeatable).")
@click.option("--facts/--no-facts", default=True, show_default=True, help="Fact records under OUTPUT/facts (as newsx run).")
@click.option("--progress/--no-progress", default=None,
              help="Spark tasks done / total on stderr (default: when a terminal).")
def spark_command(inputs, output, master, date, labels, config_file, partitions, conf, facts, progress):
    """Run the pipeline on Spark: INPUTS (JSONL, .txt, folders; JSONL also hdfs://, s3a:// …) →
    Parquet under OUTPUT (documents/, mentions/, rejects/, facts/). The summary goes to stderr.

    Spark's own log lines are cut to errors; --verbose keeps Spark's defaults."""
    import warnings

    config = pipeline_config(config_file, labels)
    from extract.progress import Progress
    from extract.spark import run_spark, session

    if STATE.verbosity <= 0:  # pyspark's FutureWarnings about the pandas version, on every start
        warnings.filterwarnings("ignore", category=FutureWarning, module=r"pyspark(\.|$)")
    spark = session(master, conf=list(conf), quiet=STATE.verbosity <= 0)
    bar = Progress(enabled=progress_flag(progress), unit="tasks", description="spark")
    watcher = _watch_tasks(spark.sparkContext, bar) if bar.enabled else None
    try:
        counts = run_spark(spark, inputs, output, date=date, labels=config, partitions=partitions, facts=facts)
    finally:
        if watcher:
            watcher.set()
        bar.close()
        spark.stop()
    _err(f"documents: {counts['documents']}, rejects: {counts['rejects']}, mentions: {counts['mentions']}"
         + (f", facts: {counts['facts']}" if "facts" in counts else ""))
    _err(f"parquet: {output.rstrip('/')}/{{documents,mentions,rejects{',facts' if facts else ''}}}")


def _watch_tasks(sc, bar, every: float = 0.5) -> threading.Event:
    """Poll Spark's status tracker: tasks completed / total over the stages run so far (a stage
    Spark skips, its result cached, never counts). Set the returned event to stop; a last poll
    then draws the final count."""
    stop = threading.Event()
    stages: dict[int, tuple[int, int]] = {}
    tracker = sc.statusTracker()

    def once() -> bool:
        try:
            active = set(tracker.getActiveStageIds())
            ids = {sid for job in tracker.getJobIdsForGroup()
                   for sid in (getattr(tracker.getJobInfo(job), "stageIds", None) or [])}
            for sid in ids | active:
                info = tracker.getStageInfo(sid)
                if info is not None and (sid in active or info.numCompletedTasks or info.numActiveTasks):
                    stages[sid] = (info.numCompletedTasks, info.numTasks)
        except Exception:  # noqa: BLE001 - the context is stopping; the bar is only a view
            return False
        bar.set_completed(sum(d for d, _ in stages.values()), sum(t for _, t in stages.values()) or None)
        return True

    def poll() -> None:
        while not stop.wait(every) and once():
            pass
        once()

    thread = threading.Thread(target=poll, name="newsx-spark-progress", daemon=True)
    thread.start()

    class Stopper(threading.Event):
        def set(self) -> None:  # stop, and wait for the last poll
            stop.set()
            thread.join(timeout=5)

    return Stopper()
