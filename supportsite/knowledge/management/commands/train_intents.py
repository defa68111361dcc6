"""Reproduce the offline provider's shipped models from the recorded data.

    python manage.py train_intents                   # intent model + FAQ calibration from agents/data
    python manage.py train_intents --rebuild-subset  # first re-draw examples.csv from ../shared/datasets
"""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from supportsite.knowledge.evaluation import demo_faq_facts


class Command(BaseCommand):
    help = "Train the offline intent classifier and fit the FAQ score calibration from agents/data."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild-subset", action="store_true",
                            help="Re-draw agents/data/intents/examples.csv from the public datasets first.")
        parser.add_argument("--datasets", default=str(Path(settings.BASE_DIR).parent / "shared" / "datasets"),
                            help="Where the public datasets are (only with --rebuild-subset).")

    def handle(self, *args, **options):
        # scikit-learn is imported here, at training time; the server reads the exported arrays with numpy.
        from agents.providers.offline import faq, intent_training, intents, training_data

        if options["rebuild_subset"]:
            datasets = Path(options["datasets"])
            if not datasets.exists():
                raise CommandError(f"{datasets} does not exist; see agents/data/intents/PROVENANCE.md.")
            examples = training_data.build_examples(datasets)
            training_data.write_examples(examples)
            self.stdout.write(f"Wrote {len(examples)} examples to {training_data.EXAMPLES_CSV}")
        examples = training_data.read_examples()
        train = [e for e in examples if e.split == "train"]
        started = time.perf_counter()
        pipeline = intent_training.train(train)
        metadata = intent_training.export(pipeline, examples=train)
        self.stdout.write(f"Intent model: {len(train)} training examples, {time.perf_counter() - started:.1f} s, "
                          f"scikit-learn {metadata['trained_with']['scikit-learn']} → {intents.MODEL_PATH} "
                          f"+ {intents.METADATA_PATH.name} (read with numpy only)")
        unrelated = [e.text for e in train if e.label == "out_of_scope"]
        calibration = faq.calibrate(demo_faq_facts(), unrelated=unrelated)
        self.stdout.write(f"FAQ calibration: {calibration} → {faq.CALIBRATION_PATH}")
