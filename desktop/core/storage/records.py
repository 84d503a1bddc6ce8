"""Plain data the core hands to the UI and the commands. No behaviour, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# In a module of its own for the window's first frame; one of these records all the same.
from desktop.core.storage.venue_summary import VenueSummary  # noqa: F401


@dataclass(frozen=True)
class Author:
    """Who makes the edits on this laptop: the device (made once) and the user's name."""

    device_id: str
    user_name: str


@dataclass(frozen=True)
class Venue:
    id: str
    name: str
    commune: str
    data: dict[str, Any]
    created_at: str
    updated_at: str
    deleted_at: str | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Visit:
    id: str
    venue_id: str
    template_id: str
    template_version: int
    data: dict[str, Any]
    carried_over: frozenset[str]
    carried_from: str | None  # date of the visit the carried-over fields come from
    errors: dict[str, list[str]]
    completeness: float
    author: str
    owner_device: str
    created_at: str
    updated_at: str
    deleted_at: str | None = None


@dataclass(frozen=True)
class VisitSummary:
    id: str
    venue_id: str
    venue_name: str
    visit_date: str
    visit_type: str  # French label
    author: str
    completeness: float
    error_count: int
    template_id: str = ""
    kind: str = ""  # its template's title: « Fiche de visite », « Compte rendu… »


@dataclass(frozen=True)
class ChangeResult:
    """What an edit changed, so the UI refreshes just that."""

    record_id: str
    changed: tuple[str, ...]
    errors: dict[str, list[str]]
    completeness: float = 0.0
    stamps: dict[str, str] = field(default_factory=dict)  # the new stamp of each field changed
    conflicts: tuple[str, ...] = ()  # fields whose value stored underneath was kept aside


@dataclass(frozen=True)
class SearchHit:
    visit_id: str
    venue_id: str
    venue_name: str
    visit_date: str
    snippet: str  # with text.HIT_START / HIT_END around matched words
    kind: str = ""  # its template's title


class SearchHits(list):
    """A search's hits, best first. `window`: when the query matched more visits than
    bm25 ranks (visit_search.RANK_WINDOW), how many of the newest matches it ranked;
    0 when every match was ranked."""

    def __init__(self, hits=(), window: int = 0) -> None:
        super().__init__(hits)
        self.window = window


@dataclass(frozen=True)
class Photo:
    id: str
    visit_id: str
    sha256: str
    original_name: str
    caption: str
    taken_on: str | None
    position: float
    identifiable_people: bool | None  # None: not reviewed yet (« à vérifier »)
    consent: str
    allowed_use: str | None  # interne / reseau / public
    thumbnail: str  # file paths, as text
    print_rendition: str
    rotation: int = 0  # degrees clockwise, applied wherever it is shown (media/rotation.py)

    @property
    def lacks_consent(self) -> bool:
        """Identifiable people and no authorisation: never leaves this laptop."""
        return bool(self.identifiable_people) and not self.consent.strip()

    @property
    def needs_review(self) -> bool:
        """Nobody said yet whether people can be recognised: stays internal meanwhile."""
        return self.identifiable_people is None


@dataclass(frozen=True)
class Document:
    id: str
    venue_id: str
    sha256: str
    original_name: str
    doc_type: str
    doc_date: str | None
    end_date: str | None
    path: str


@dataclass(frozen=True)
class AttachOutcome:
    """What happened to one file of a batch: attached, duplicate or refused (with why)."""

    name: str
    status: str
    message: str
    record_id: str | None = None


@dataclass(frozen=True)
class TrashItem:
    kind: str  # "venue" or "visit"
    id: str
    label: str
    deleted_at: str
