"""Short, informal questions about hosting an app (DNS, certificates, deploys, logs, memory, ports, jobs)
are technical, not out of scope; and a question about something no guide covers (email on a custom
domain) gets no guide, however many words it shares with one. The classifier runs the shipped model, the
guide search the demo help centre."""

from __future__ import annotations

import csv

import pytest

from agents.facts import ArticleFact
from agents.outcome import ARTICLE_RELEVANT_FROM
from agents.providers.offline.kb import EMAIL_HOSTING, OfflineArticleRetriever, names_uncovered_topic
from agents.providers.offline.training_data import EXAMPLES_CSV, HANDWRITTEN_SPLIT_TSV, read_examples
from supportsite.knowledge.evaluation import demo_article_facts, demo_faq_facts

NO_GUIDE = "I don't have a guide on that in our help centre"

# None of these is a training phrasing (see the test below): the model read each as out of scope, or
# as general chat, before the hand-written hosting phrasings were added.
HOSTING_QUESTIONS = [
    "what cname should i create",
    "what value goes in the cname",
    "where do i point my dns",
    "how long does dns take",
    "which nameservers do i use",
    "can i use cloudflare in front",
    "mixed content warnings",
    "where do i put secrets",
    "how do i scale up",
    "can i autoscale",
    "how do i get more ram",
    "more memory please",
    "what's the memory limit on pro",
    "what does exit code 137 mean",
    "db is full",
    "can i have a postgres database",
    "how do i run migrations",
    "set up a nightly job",
    "scheduled tasks",
    "websockets keep dropping",
    "what port should my app listen on",
    "port 8080 or 3000",
    "is there a region in the us",
    "git push rejected",
    "max upload size",
    "is the filesystem persistent",
    "static assets not served",
]


@pytest.mark.parametrize("message", HOSTING_QUESTIONS)
def test_a_short_question_about_hosting_an_app_is_technical(classifier, message):
    assert classifier.classify(message).label == "technical"


def test_the_hosting_questions_above_are_not_training_phrasings():
    # Otherwise the test above would show only that the model remembers what it was fitted on.
    trained = {e.text.lower() for e in read_examples() if e.split == "train"}
    assert not trained & {m.lower() for m in HOSTING_QUESTIONS}


@pytest.mark.parametrize("message", [
    # Trouble with the customer's own devices, and hosting words in everyday senses.
    "my laptop runs out of memory when gaming",
    "how do i back up my computer",
    "my phone runs out of memory",
    "how do i change the dns on my home router",
    "can you scale this photo for printing",
    "how do i scale a fish",
    "what's the best domain registrar",
    "find me a python tutor",
])
def test_everyday_questions_that_use_hosting_words_stay_out_of_scope(classifier, message):
    assert classifier.classify(message).label == "out_of_scope"


def test_hand_written_rows_with_their_own_split_keep_it_in_the_training_set():
    with HANDWRITTEN_SPLIT_TSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert {row["split"] for row in rows} == {"train", "test"}
    shipped = {(e.text, e.label, e.split) for e in read_examples(EXAMPLES_CSV)
               if e.source == "northwind/handwritten_split"}
    assert shipped == {(row["text"], row["label"], row["split"]) for row in rows}


def test_adding_rows_with_their_own_split_moves_no_drawn_row_between_train_and_test(tmp_path, monkeypatch):
    from agents.providers.offline import training_data

    datasets = training_data.DATA_DIR.parents[2] / "shared" / "datasets"
    if not (datasets / "clinc150").exists():
        pytest.skip("the public datasets (../shared/datasets) are not on this machine")
    with_them = training_data.build_examples(datasets)
    empty = tmp_path / "none.tsv"
    empty.write_text("label\ttext\tsplit\n", encoding="utf-8")
    monkeypatch.setattr(training_data, "HANDWRITTEN_SPLIT_TSV", empty)
    without_them = training_data.build_examples(datasets)
    assert with_them[:len(without_them)] == without_them
    assert {e.source for e in with_them[len(without_them):]} == {"northwind/handwritten_split"}


# --- guides, and none for what no guide covers ---------------------------------------------------

def _guides(retriever: OfflineArticleRetriever, message: str) -> list[str]:
    return [m.slug for m in retriever.search(message, k=3) if m.score >= ARTICLE_RELEVANT_FROM]


@pytest.mark.parametrize("message", [
    "can I get an email inbox with my custom domain?",  # "custom domain" is the domains guide's title
    "how do i set up mx records so email on my domain works",
    "my emails to my custom domain bounce",
    "i want an email address like me@mydomain.com",  # the address's domain is not the app's
    "how do i add a dkim record for my domain",
    "can you host email for my domain",
])
def test_a_question_about_email_on_a_domain_gets_no_guide(kb_retriever, message):
    assert _guides(kb_retriever, message) == []


@pytest.mark.parametrize(("message", "slug"), [
    ("I got an email that my certificate renewal failed", "tls-certificates"),
    ("we got an email saying our deploy failed", "failed-deploys-build-timeouts"),
    ("the email alert says my app ran out of memory", "scaling-cold-starts"),
    ("what cname should i create", "custom-domains-dns"),
    ("my custom domain shows a certificate warning", "tls-certificates"),
])
def test_a_question_that_only_mentions_an_email_still_finds_its_guide(kb_retriever, message, slug):
    assert _guides(kb_retriever, message)[:1] == [slug]


def test_a_guide_on_email_is_found_once_the_help_centre_has_one():
    # The topic is uncovered only while no guide uses its words: a staff-written guide lifts it.
    email = ArticleFact(slug="email-forwarding", title="Email on your custom domain",
                        summary="Receive email at your custom domain by forwarding it to an inbox you already have.",
                        body="1. Go to **Settings → Domains → Email** and add a forwarding address.\n"
                             "2. Add the MX records shown at your DNS provider.",
                        tags=("email", "inbox", "mx"), url="/help/email-forwarding/")
    retriever = OfflineArticleRetriever([*demo_article_facts(), email])
    assert _guides(retriever, "can I get an email inbox with my custom domain?")[:1] == ["email-forwarding"]


async def test_asked_for_an_email_inbox_on_a_custom_domain_the_reply_says_there_is_no_guide(converse):
    (outcome,) = await converse("cus_alice", "can I get an email inbox with my custom domain?")
    assert NO_GUIDE in outcome.reply
    assert "Custom domains and DNS" not in outcome.reply
    assert [s for s in outcome.sources if s.kind == "article"] == []


async def test_asked_which_cname_to_create_the_reply_gives_the_domains_guide(converse):
    (outcome,) = await converse("cus_alice", "what cname should i create")
    assert outcome.intent.label == "technical"
    assert "Our guide “Custom domains and DNS” covers this." in outcome.reply
    assert "create a CNAME record" in outcome.reply


# --- hosting questions the help centre has no guide on -------------------------------------------

NO_GUIDE_QUESTIONS = [
    "can i have separate staging and prod environments?",
    "can i use my domain for email too?",
    "my emails stopped arriving after i pointed my domain",
    "google workspace email with my custom domain",
]


def test_the_no_guide_questions_below_are_not_training_phrasings():
    trained = {e.text.lower() for e in read_examples() if e.split == "train"}
    assert not trained & {m.lower() for m in NO_GUIDE_QUESTIONS}


@pytest.mark.parametrize("message", NO_GUIDE_QUESTIONS)
async def test_a_hosting_question_no_guide_covers_is_technical_and_offered_a_person(converse, message):
    # Staging environments were out of scope ("I can only help with your Northwind account"); email on
    # the domain was read as an account question (the account's email address) or got the DNS guide,
    # which says nothing of where a domain's mail goes.
    (outcome,) = await converse("cus_alice", message)
    assert outcome.intent.label == "technical"
    assert "I don't have a guide" in outcome.reply and "pass you to a person" in outcome.reply
    assert [s for s in outcome.sources if s.kind == "article"] == []
    assert "The email address on your account" not in outcome.reply
    assert "I can only help with" not in outcome.reply


@pytest.mark.parametrize("message", [
    "can i have separate staging and prod environments?",
    "do you have a staging environment",
    "preview apps for pull requests?",
    "how do i deploy from github",
])
def test_environments_and_deploying_from_a_git_host_get_no_guide(kb_retriever, message):
    # "environment" is also the environment-variables guide's word, "deploy" the failed-deploys
    # guide's, "request" the API guides': none of them says how to do these.
    assert _guides(kb_retriever, message) == []


@pytest.mark.parametrize(("message", "slug"), [
    ("how do i set environment variables for production", "environment-variables-secrets"),
    ("my production deploy failed", "failed-deploys-build-timeouts"),
    ("my github deploy failed", "failed-deploys-build-timeouts"),
    ("my api requests from github actions get 429", "api-rate-limits-429"),
    ("where do i point my dns", "custom-domains-dns"),
])
def test_a_question_that_only_mentions_an_environment_or_a_git_host_still_finds_its_guide(kb_retriever, message,
                                                                                          slug):
    assert _guides(kb_retriever, message)[:1] == [slug]


async def test_a_custom_domain_that_is_not_working_still_gets_the_domains_guide(converse):
    # Guard for the email wordings above: a domain problem without email is the domains guide's.
    (outcome,) = await converse("cus_alice", "my custom domain isn't working")
    assert "Our guide “Custom domains and DNS” covers this." in outcome.reply


@pytest.mark.parametrize("message", [
    "what's the memory limit on pro",
    "is there a memory limit per instance",
    "what are the ram limits on business",
])
def test_a_memory_limit_is_the_scaling_guides_not_the_rate_limits(kb_retriever, message):
    # "limit" alone matched the API rate-limits guide, whose limits are on requests a minute.
    assert _guides(kb_retriever, message)[:1] == ["scaling-cold-starts"]


async def test_asked_about_the_memory_limit_the_reply_gives_the_scaling_guide(converse):
    (outcome,) = await converse("cus_alice", "what's the memory limit on pro")
    assert "Our guide “Scaling and cold starts” covers this." in outcome.reply
    assert "API rate limits" not in outcome.reply


@pytest.mark.parametrize("message", [
    "i want to use my domain for email",
    "can my custom domain have email addresses too?",
])
async def test_asked_about_email_on_a_domain_the_reply_does_not_give_the_accounts_email(converse, message):
    # The account part added "The email address on your account is alice@example.com": no one asked.
    (outcome,) = await converse("cus_alice", message)
    assert "I don't have a guide" in outcome.reply
    assert "alice@example.com" not in outcome.reply


@pytest.mark.parametrize(("message", "about_email_hosting"), [
    ("i want to use my domain for email", True),
    ("set up mx records for my domain", True),
    ("my mail stopped working after i changed my dns", True),
    ("what is the email address on my account", False),
    ("is my email address verified", False),
    ("change my email to bob@mydomain.com", False),
    ("the reset email never reached my inbox", False),
])
def test_email_hosting_is_recognised_by_the_guide_searchs_topic(message, about_email_hosting):
    assert names_uncovered_topic(message, EMAIL_HOSTING) is about_email_hosting


async def test_asked_for_the_email_address_on_the_account_the_reply_still_gives_it(converse):
    (outcome,) = await converse("cus_alice", "what is the email address on my account")
    assert "The email address on your account is alice@example.com." in outcome.reply


async def test_changing_the_email_address_on_the_account_is_still_an_account_question(converse):
    (outcome,) = await converse("cus_alice", "change the email address on my account")
    assert outcome.intent.label == "account"
    assert "Settings → Profile" in outcome.reply
    assert "I don't have a guide" not in outcome.reply


def test_the_shipped_faq_calibration_is_what_train_intents_fits_from_the_recorded_data(tmp_path):
    # Out-of-scope rows added here are the calibration's negatives too: round 20 added 46 and left the
    # shipped calibration fitted without them (a refit moved "do I have to pay for a TLS certificate?"
    # from 0.61 to 0.58). Whoever adds rows retrains both.
    import json

    from agents.providers.offline import faq

    unrelated = [e.text for e in read_examples() if e.split == "train" and e.label == "out_of_scope"]
    refitted = tmp_path / "faq_calibration.json"
    faq.calibrate(demo_faq_facts(), unrelated=unrelated, path=refitted)
    shipped = json.loads(faq.CALIBRATION_PATH.read_text(encoding="utf-8"))
    fitted = json.loads(refitted.read_text(encoding="utf-8"))
    assert (shipped["samples"], shipped["positives"]) == (fitted["samples"], fitted["positives"])
    for weight in ("bias", "w_top", "w_margin", "w_cover"):
        assert shipped[weight] == pytest.approx(fitted[weight], abs=1e-6)


def test_an_unsure_guess_declined_as_out_of_scope_is_no_surer_than_the_guess(classifier):
    # A misspelt follow-up ("wil i lose my apps?" after asking to cancel) is mostly unknown words: the
    # model's unsure guess is declined as out of scope, but that is no reason to be sure it is; at 0.74
    # (1 - the guess) it overrode the conversation it follows and got the fixed scope reply.
    from agents.providers.offline.intents import OOS_FLOOR

    prediction = classifier.predict("wil i lose my apps?")
    assert prediction.label == "out_of_scope"
    assert prediction.confidence < OOS_FLOOR
