"""Benchmark: parsing and validating a share's record files, per file (issue 15).

Run: .venv/bin/python tests/benchmarks/validation.py
Over 2,000 record files of the sync benchmark's share (median of 5 rounds, interleaved):
json.loads against orjson.loads, and jsonschema's validator (built once, reused) against
the schema compiled by fastjsonschema. Carnet uses the faster of each pair
(record_reading.py, merge/compiled_schema.py).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402
from jsonschema import Draft202012Validator  # noqa: E402

from desktop.core.merge.compiled_schema import SCHEMA_PATH, passes_exchange_schema  # noqa: E402
from desktop.core.sync.share import APP_FOLDER  # noqa: E402
from tests.benchmarks.sync import cached_share  # noqa: E402

FILES, ROUNDS = 2000, 5


def per_file_us(function, items) -> float:
    started = time.perf_counter()
    for item in items:
        function(item)
    return (time.perf_counter() - started) / len(items) * 1e6


def main() -> dict:
    share, _ = cached_share(20, 500)
    paths = sorted((share / APP_FOLDER).rglob("*.json"))[:FILES]
    data = [p.read_bytes() for p in paths]
    documents = [json.loads(d) for d in data]
    reference = Draft202012Validator(json.loads(SCHEMA_PATH.read_text("utf-8")))
    passes_exchange_schema(documents[0])  # compiled once, outside the timing
    pairs = {
        "json.loads": (lambda d: json.loads(d.decode("utf-8")), data),
        "orjson.loads": (orjson.loads, data),
        "jsonschema (built once)": (lambda doc: reference.is_valid(doc), documents),
        "fastjsonschema (compiled)": (passes_exchange_schema, documents),
    }
    samples: dict[str, list[float]] = {name: [] for name in pairs}
    for _ in range(ROUNDS):
        for name, (function, items) in pairs.items():
            samples[name].append(per_file_us(function, items))
    figures = {name: statistics.median(values) for name, values in samples.items()}
    print(f"Per record file, over {len(data)} files of ~{sum(map(len, data)) // len(data)} bytes "
          f"(median of {ROUNDS}):")  # fmt: skip
    for name, value in figures.items():
        print(f"  {name:<27}: {value:8.1f} µs")
    return figures


if __name__ == "__main__":
    main()
