"""The laptops sharing one folder, as in tests/sync."""

from tests.sync.conftest import laptops, share, templates  # noqa: F401 - fixtures
