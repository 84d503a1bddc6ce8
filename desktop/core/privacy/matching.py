"""Finding a person's name in free text, case and accents ignored, whole words only.

« jeanne martin » finds « Jeanne MARTIN » and « Jéanne Martin », never « Jeannette » nor
the « anne » of « Annecy »: an erasure must not cut into other words. Folding is the
search's (text.fold); each folded character remembers the original one it came from, so
an occurrence is replaced in the original text, accents and all.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.forms.text import fold

ERASED = "[effacé]"
EXCERPT_CHARS = 40  # either side of an occurrence


@dataclass(frozen=True)
class NameMatcher:
    folded_name: str

    @classmethod
    def of(cls, name: str) -> NameMatcher:
        folded = " ".join(fold(name).split())
        if len(folded) < 2:
            raise ValueError("Indiquez un nom d'au moins deux caractères.")
        return cls(folded)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) in the original text of each whole-word occurrence."""
        folded, origin = _folded_with_origin(text)
        spans, start = [], 0
        while (found := folded.find(self.folded_name, start)) >= 0:
            end = found + len(self.folded_name)
            if _boundary(folded, found - 1) and _boundary(folded, end):
                spans.append((origin[found], origin[end - 1] + 1))
            start = found + 1
        return spans

    def found_in(self, text: str) -> bool:
        return bool(self.spans(text))

    def erase(self, text: str) -> tuple[str, int]:
        """The text with each occurrence replaced by « [effacé] », and how many."""
        spans = self.spans(text)
        for start, end in reversed(spans):
            text = text[:start] + ERASED + text[end:]
        return text, len(spans)

    def excerpt(self, text: str) -> str:
        """The first occurrence with some text around it, on one line."""
        spans = self.spans(text)
        if not spans:
            return ""
        start, end = spans[0]
        before = text[max(0, start - EXCERPT_CHARS) : start]
        after = text[end : end + EXCERPT_CHARS]
        lead = "…" if start > EXCERPT_CHARS else ""
        tail = "…" if end + EXCERPT_CHARS < len(text) else ""
        return " ".join(f"{lead}{before}{text[start:end]}{after}{tail}".split())


def _folded_with_origin(text: str) -> tuple[str, list[int]]:
    """The folded text (spaces collapsed) and, for each of its characters, its source index."""
    chars, origin = [], []
    for index, char in enumerate(text):
        piece = " " if char.isspace() else fold(char)
        if piece == " " and chars and chars[-1] == " ":
            continue
        chars.extend(piece)
        origin.extend([index] * len(piece))
    return "".join(chars), origin


def _boundary(folded: str, index: int) -> bool:
    return index < 0 or index >= len(folded) or not folded[index].isalnum()


def strings_in(value) -> list[str]:
    """Every string inside a field's value (table rows, lists, nested objects)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings_in(item)]
    return []


def erase_in(value, matcher: NameMatcher) -> tuple[object, int]:
    """The value with the name erased from every string in it, and how many occurrences."""
    if isinstance(value, str):
        return matcher.erase(value)
    if isinstance(value, list):
        pairs = [erase_in(item, matcher) for item in value]
        return [p[0] for p in pairs], sum(p[1] for p in pairs)
    if isinstance(value, dict):
        pairs = {key: erase_in(item, matcher) for key, item in value.items()}
        return {k: p[0] for k, p in pairs.items()}, sum(p[1] for p in pairs.values())
    return value, 0
