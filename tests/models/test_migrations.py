from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    out = StringIO()
    # --check exits non-zero (SystemExit) when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_faq_key_migration_fills_every_key_and_stops_naming_the_entries_that_ask_one_question():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from supportsite.knowledge.models import FaqEntry

    without_keys = [("knowledge", "0002_faqentry_question_key")]
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("knowledge")
    executor = MigrationExecutor(connection)
    executor.migrate(without_keys)
    try:
        old_faq = executor.loader.project_state(without_keys).apps.get_model("knowledge", "FaqEntry")
        kept = old_faq.objects.create(question="How do I  reset my password?", answer="From the sign-in page.")
        twin = old_faq.objects.create(question="how do i reset my PASSWORD ? ", answer="Ask support.")
        other = old_faq.objects.create(question="Where are my receipts?", answer="Under Billing.")
        with pytest.raises(RuntimeError, match=f"FAQ entries ask the same question .*: {kept.pk} and {twin.pk}\\."):
            MigrationExecutor(connection).migrate(latest)
        old_faq.objects.filter(pk=twin.pk).delete()  # what staff do: keep one entry of the pair
        MigrationExecutor(connection).migrate(latest)
        assert dict(FaqEntry.objects.values_list("pk", "question_key")) == {
            kept.pk: "how do i reset my password", other.pk: "where are my receipts",
        }
    finally:
        MigrationExecutor(connection).migrate(latest)  # the schema the other tests expect
