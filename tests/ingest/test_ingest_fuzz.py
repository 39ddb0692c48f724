"""Random bytes and random text never raise out of ingest; bad input stores nothing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guarantor.ingest import clean_text, content_hash, normalise_text
from guarantor.runs import ingest_paths
from guarantor.settings import Settings
from guarantor.store import Store

SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".jsonl", ".bin"])
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _count(store: Store) -> int:
    return sum(1 for _ in store.documents())


@FUZZ
@given(data=st.binary(max_size=3000), suffix=SUFFIXES)
def test_random_bytes(
    data: bytes, suffix: str, tmp_path: Path, store: Store, settings: Settings
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    before = _count(store)
    failures: list[str] = []
    summary = ingest_paths(
        [str(path)], store, settings=settings, on_failure=lambda e: failures.append(e.render())
    )
    after = _count(store)
    assert summary.failed == len(failures)
    for message in failures:
        assert message.startswith(str(path)), message
        assert "\n" not in message and "Traceback" not in message
    if summary.failed and suffix != ".jsonl":
        assert after == before, "a bad file stores nothing"
    assert after - before == summary.stored


@FUZZ
@given(text=st.text(max_size=2000))
def test_random_text_is_stored_as_read_and_keyed_by_its_normalised_form(
    text: str, tmp_path: Path, store: Store, settings: Settings
) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    summary = ingest_paths([str(path)], store, settings=settings)
    normalised = normalise_text(text)
    if summary.stored:
        (doc,) = [d for d in store.documents() if d.content_hash == content_hash(normalised)]
        assert doc.text == clean_text(text)  # offsets index the file as read
        assert len(doc.text) == len(text.replace("\r\n", "\n"))
    else:
        assert summary.duplicates + summary.failed == 1
