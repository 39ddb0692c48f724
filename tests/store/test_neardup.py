"""Near-duplicates: syndicated copies join the first copy's cluster; other stories do not."""

from __future__ import annotations

import re
import subprocess
import sys
import zlib

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from store_docs import make_doc

from guarantor.store import Store, neardup
from guarantor.store.neardup import jaccard, shingles, signature

STORY = (
    "European defence ministers met in Paris on Tuesday to discuss a reassurance force "
    "for Ukraine after a ceasefire. Officials said that several countries were ready to "
    "send troops if the United States provided air cover and intelligence, while others "
    "insisted on a mandate from their parliaments before any deployment. The talks will "
    "continue next month in London, where planners will present options for the size of "
    "the force, its rotation and the cost of keeping it deployed for several years."
)
OTHER = (
    "Finance ministers in Brussels argued about how to use the income from immobilised "
    "central bank assets, with some capitals warning about legal risks and others "
    "pressing for a loan that would be repaid only if reparations were ever paid. No "
    "decision was taken and the file returns to the summit of leaders in December."
)


def test_signature_is_stable_across_processes() -> None:
    code = f"from guarantor.store.neardup import signature;print(signature({STORY!r}).fingerprint)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    sig = signature(STORY)
    assert sig is not None
    assert out.stdout.strip() == sig.fingerprint


def test_signature_is_the_one_stores_already_hold() -> None:
    """Bands stored by earlier versions must still match: the signature may get faster,
    never different (these values were computed by the first release's code)."""
    sig = signature(STORY)
    assert sig is not None
    assert sig.fingerprint == "655b0064e5b48703586c0f963521984c"
    assert sig.buckets[:2] == (-4928798949094136332, 4927500003856056819)


def _shingles_by_regex(text: str) -> np.ndarray:
    """The first release's shingles: every word found by the regex, hashed one by one."""
    words = re.findall(r"\w+", text.casefold())
    hashes = np.array([zlib.crc32(w.encode()) for w in words], dtype=np.uint64)
    if hashes.size < 3:
        return np.unique(hashes)
    mix = neardup._MIX
    with np.errstate(over="ignore"):
        mixed = (hashes[:-2] * mix[0] + hashes[1:-1] * mix[1] + hashes[2:] * mix[2]) >> 32
    return np.unique(mixed & 0xFFFFFFFF)


@settings(max_examples=80)
@given(st.text(alphabet="abXZ09_ -.,'\n\t\x00\x7féßſKİ中д\u00a0", max_size=120))
def test_shingles_are_the_regex_shingles_on_ascii_and_other_text(text: str) -> None:
    for variant in (text, text.encode("ascii", "ignore").decode()):
        found = shingles(variant)
        assert found.dtype == np.uint64
        assert found.tolist() == _shingles_by_regex(variant).tolist()


def test_jaccard_of_copies_and_of_different_stories() -> None:
    copy = STORY.replace("on Tuesday", "on Wednesday")
    assert jaccard(shingles(STORY), shingles(copy)) > 0.85
    assert jaccard(shingles(STORY), shingles(OTHER)) < 0.1
    assert signature("") is None
    assert signature("!!! ...") is None


def test_syndicated_copy_joins_the_first_cluster(store: Store) -> None:
    first = store.add_document(make_doc(STORY, outlet="Reuters"), [], None)
    copy = "By Jane Doe, AP\n\n" + STORY.replace("on Tuesday", "on Wednesday")
    second = store.add_document(make_doc(copy, outlet="AP"), [], None)
    other = store.add_document(make_doc(OTHER, outlet="Reuters"), [], None)
    third = store.add_document(make_doc(copy + " Updated.", outlet="BBC"), [], None)
    assert second.status == "stored"
    assert second.cluster_id == first.document_id
    assert third.cluster_id == first.document_id
    assert other.cluster_id == other.document_id
    counts = store.counts()
    assert (counts["documents"], counts["clusters"], counts["positions"]) == (4, 2, 0)


def test_threshold_is_honoured(store_url: str) -> None:
    half = STORY[: len(STORY) // 2]
    with Store.open(store_url, near_duplicate_threshold=0.95) as store:
        first = store.add_document(make_doc(STORY), [], None)
        part = store.add_document(make_doc(half + " " + OTHER), [], None)
    assert part.cluster_id != first.cluster_id
