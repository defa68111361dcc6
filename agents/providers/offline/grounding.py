"""What counts as a figure in a reply, and which figures the gathered context supports.

Shared by the writer (to keep a revised draft grounded) and the critic (to check any draft,
offline or LLM-written).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from agents.context import SupportContext

INVOICE = re.compile(r"\bNW-\d+\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
MONEY = re.compile(r"\$\s?(\d[\d,]*(?:\.\d+)?)")
CARD = re.compile(r"(?:ending(?: in)?|last (?:four|4)(?: digits)?(?: are| of)?|[*•x]{2,}\s?)\s*(\d{4})\b", re.IGNORECASE)
NUMBER = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)")
LIST_MARKER = re.compile(r"^\s*\d+[.)]\s", re.MULTILINE)
TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


def _decimal(raw: str) -> Decimal | None:
    try:
        return Decimal(raw.replace(",", "")).normalize()
    except InvalidOperation:
        return None


@dataclass
class Figures:
    invoices: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    money: set[Decimal] = field(default_factory=set)
    cards: set[str] = field(default_factory=set)
    numbers: set[Decimal] = field(default_factory=set)
    times: set[str] = field(default_factory=set)


def figures_in(text: str) -> Figures:
    """Every invoice number, date, amount, card number and other number in text."""
    found = Figures()
    found.invoices = set(INVOICE.findall(text))
    rest = INVOICE.sub(" ", text)
    found.dates = set(ISO_DATE.findall(rest))
    rest = ISO_DATE.sub(" ", rest)
    found.times = set(TIME.findall(rest))
    rest = TIME.sub(" ", rest)
    found.cards = set(CARD.findall(rest))
    found.money = {d for raw in MONEY.findall(rest) if (d := _decimal(raw)) is not None}
    rest = LIST_MARKER.sub(" ", MONEY.sub(" ", rest))
    found.numbers = {d for raw in NUMBER.findall(rest) if (d := _decimal(raw.rstrip(".,"))) is not None}
    found.numbers -= {_decimal(c) for c in found.cards}
    return found


def context_corpus(ctx: SupportContext) -> str:
    """All the text a reply may take figures from: gathered facts, the customer, the rules, today."""
    # Panel drafts are excluded: they are drafts, not facts, and must not vouch for each other.
    facts = {name: value for name, value in ctx.facts.items() if name != "panel"}
    parts = [json.dumps(facts, default=str), ctx.today, ctx.staff_note]
    if ctx.customer is not None:
        parts.append(ctx.customer.model_dump_json())
    parts.append(ctx.constraints.model_dump_json())
    return "\n".join(parts)


@dataclass
class Grounding:
    """The figures the context supports, for checking a draft against."""

    invoices: set[str]
    dates: set[str]
    money: set[Decimal]
    cards: set[str]
    numbers: set[Decimal]
    times: set[str]

    @classmethod
    def of(cls, ctx: SupportContext) -> Grounding:
        corpus = context_corpus(ctx)
        found = figures_in(corpus)
        # Amounts in facts are plain numbers ("99.00") and card digits a "last4" field: any number
        # in the context may back an amount, and any four digits a card.
        numbers = found.numbers | found.money
        for raw in re.findall(r"\d+(?:\.\d+)?", corpus):
            if (d := _decimal(raw)) is not None:
                numbers.add(d)
        dates = found.dates | set(re.findall(r"\d{4}-\d{2}-\d{2}", corpus))
        times = found.times | {t[:5] for t in re.findall(r"(?<=T)\d{2}:\d{2}", corpus)}
        cards = set(re.findall(r"\b\d{4}\b", corpus))
        # A count the customer gave ("we're a team of 5") may be said back; it backs no amount, invoice or card. Until
        # this, "For a team of 5" was struck when no fact happened to hold a 5 (an entry's id did, in the demo).
        said = figures_in(ctx.message_as_typed or ctx.message).numbers
        return cls(invoices=found.invoices, dates=dates, money=numbers, cards=cards, numbers=numbers | said, times=times)

    def unsupported(self, text: str) -> list[tuple[str, str]]:
        """(kind, value) for every figure in text the context does not back."""
        found = figures_in(text)
        problems: list[tuple[str, str]] = []
        problems += [("invoice", v) for v in sorted(found.invoices - self.invoices)]
        problems += [("card", v) for v in sorted(found.cards - self.cards)]
        problems += [("date", v) for v in sorted(found.dates - self.dates)]
        problems += [("time", v) for v in sorted(found.times - self.times)]
        problems += [("amount", f"${v:,.2f}") for v in sorted(found.money - self.money)]
        problems += [("number", str(v)) for v in sorted(found.numbers - self.numbers)]
        return problems
