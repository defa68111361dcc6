"""Form fields the staff console's admin pages share."""

from __future__ import annotations

from typing import Any

from django import forms


class PhraseListField(forms.CharField):
    """A JSON list of phrases edited as plain text: one phrase a line, or separated by `separator`.

    Staff type phrasings and tags, not JSON: the stored value stays the same list of strings the
    search reads, without blanks or repeats.
    """

    def __init__(self, *, separator: str = "\n", **kwargs: Any) -> None:
        self.separator = separator
        kwargs.setdefault("required", False)
        super().__init__(strip=False, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            joiner = "\n" if self.separator == "\n" else f"{self.separator} "
            return joiner.join(str(item) for item in value)
        return value

    def to_python(self, value: Any) -> list[str]:
        if isinstance(value, list):
            items = [str(item) for item in value]
        else:
            text = value or ""
            items = text.splitlines() if self.separator == "\n" else text.split(self.separator)
        return list(dict.fromkeys(item.strip() for item in items if item.strip()))

    def validate(self, value: list[str]) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
