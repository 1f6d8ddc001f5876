"""Invariants of diff, on the seeds and on revisions of them made on purpose: a document
compared with itself is unchanged; diff(b, a) mirrors diff(a, b); random edits (insert, delete,
rename, move, swap, promote, demote) come back exactly as the changes they are; one section
inserted is one addition and the renumbering of the siblings after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from outline import Document, parse
from outline.diff import PRIORITY, Change, Diff, diff
from tests.support.corpus import SEEDS, parse_file
from tests.support.revise import (
    MAX_LEVEL,
    RARE,
    Editor,
    Section,
    expected,
    height,
    places,
    reads_as_merge,
    render,
    sections,
)
from tests.support.texts import soup

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "diff").glob("*.txt"))
DOCUMENTS = [*SEEDS, *FIXTURES]
SEED_TREES = [sections(parse_file(seed)) for seed in SEEDS]


def key(change: Change) -> tuple[str, tuple[str, ...], int | None, int | None]:
    return (
        change.op,
        change.ops,
        change.old.line if change.old else None,
        change.new.line if change.new else None,
    )


def assert_mirrors(forward: Diff, backward: Diff) -> None:
    assert sorted(key(c) for c in forward.changes) == sorted(
        key(c.mirrored()) for c in backward.changes
    )
    assert forward.similarity == pytest.approx(backward.similarity)
    assert forward.same == backward.same


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_a_document_against_itself_is_unchanged(path: Path) -> None:
    doc = parse_file(path)
    result = diff(doc, doc)
    assert {c.op for c in result.changes} == {"unchanged"}
    assert len(result.changes) == len(list(doc.walk()))
    assert result.same
    assert result.similarity == 1.0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(soup, soup)
def test_any_text_is_unchanged_against_itself_and_mirrors_any_other(a: str, b: str) -> None:
    old, new = parse(a), parse(b)
    same = diff(old, old)
    assert {c.op for c in same.changes} <= {"unchanged"}
    assert len(same.changes) == len(list(old.walk()))
    assert_mirrors(diff(old, new), diff(new, old))


PAIRS = [(a, b) for a in DOCUMENTS for b in DOCUMENTS if a != b]


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{a.stem}-{b.stem}" for a, b in PAIRS])
def test_diff_mirrors_on_every_pair_of_documents(pair: tuple[Path, Path]) -> None:
    a, b = (parse_file(p) for p in pair)
    assert_mirrors(diff(a, b), diff(b, a))


def test_every_heading_of_both_sides_appears() -> None:
    a, b = (parse_file(p) for p in (SEEDS[0], FIXTURES[0]))
    changes = diff(a, b).changes
    assert {c.old.line for c in changes if c.old} == {v.node.line for v in a.walk()}
    assert {c.new.line for c in changes if c.new} == {v.node.line for v in b.walk()}


@pytest.mark.parametrize("tree", SEED_TREES, ids=[s.stem for s in SEEDS])
def test_a_rendered_seed_skeleton_parses_back(tree: list[Section]) -> None:
    text, lines = render(tree)
    found = [(v.node.line, v.level, v.node.title) for v in parse(text).walk()]
    wanted = [(lines[i], p.level, p.title) for i, p in places(tree).items()]
    assert found == sorted(wanted)


def _insert(editor: Editor, draw: st.DrawFn) -> None:
    lists = [items for items, level, _ in editor.lists() if level <= MAX_LEVEL]
    items = draw(st.sampled_from(lists))
    title = draw(st.text(RARE, min_size=4, max_size=10))
    body = draw(st.one_of(st.just(""), st.text(RARE, min_size=20, max_size=40)))
    editor.insert(items, draw(st.integers(0, len(items))), title, f"对此，{body}。" * bool(body))


def _delete(editor: Editor, draw: st.DrawFn) -> None:
    if everything := editor.all():
        items, s, _ = draw(st.sampled_from(everything))
        items.remove(s)


def _rename(editor: Editor, draw: st.DrawFn) -> None:
    if everything := editor.all():
        _, s, _ = draw(st.sampled_from(everything))
        at = draw(st.integers(0, len(s.title)))
        s.title = s.title[:at] + draw(st.text(RARE, min_size=2, max_size=2)) + s.title[at:]


def _move(editor: Editor, draw: st.DrawFn) -> None:
    """To another parent at the same level (one of the seed's: a new section stays a leaf)."""
    choices = [
        (items, s, target)
        for items, s, level in editor.all()
        for target, target_level, owner in editor.lists()
        if level >= 2 and target_level == level and target is not items and owner in editor.original
    ]
    if choices:
        items, s, target = draw(st.sampled_from(choices))
        items.remove(s)
        target.insert(draw(st.integers(0, len(target))), s)


def _swap(editor: Editor, draw: st.DrawFn) -> None:
    lists = [items for items, _, _ in editor.lists() if len(items) >= 2]
    if lists:
        items = draw(st.sampled_from(lists))
        i, j = draw(st.lists(st.integers(0, len(items) - 1), min_size=2, max_size=2, unique=True))
        items[i], items[j] = items[j], items[i]


def _promote(editor: Editor, draw: st.DrawFn) -> None:
    """Out of its parent, to stand right after it."""
    choices = [(above, parent, s) for above, parent, _ in editor.all() for s in parent.children]
    if choices:
        above, parent, s = draw(st.sampled_from(choices))
        parent.children.remove(s)
        above.insert(above.index(parent) + 1, s)


def _demote(editor: Editor, draw: st.DrawFn) -> None:
    """Under its previous sibling (one of the seed's), as its last child."""
    choices = [
        (items, s)
        for items, s, level in editor.all()
        if items.index(s) > 0
        and items[items.index(s) - 1].id in editor.original
        and level + height(s) <= MAX_LEVEL
    ]
    if choices:
        items, s = draw(st.sampled_from(choices))
        items[items.index(s) - 1].children.append(s)
        items.remove(s)


EDITS = {
    "insert": _insert,
    "delete": _delete,
    "rename": _rename,
    "move": _move,
    "swap": _swap,
    "promote": _promote,
    "demote": _demote,
}


@st.composite
def revisions(draw: st.DrawFn) -> tuple[list[Section], list[Section]]:
    tree = draw(st.sampled_from(SEED_TREES))
    editor = Editor(tree)
    for kind in draw(st.lists(st.sampled_from(sorted(EDITS)), min_size=1, max_size=4)):
        EDITS[kind](editor, draw)
    assume(not reads_as_merge(tree, editor.tree))  # a merge in all but name: see there
    return tree, editor.tree


def ids_of(doc: Document, lines: dict[int, int]) -> dict[int, int]:
    """Section id by heading line, checking that the text parsed as it was written."""
    by_line = {line: i for i, line in lines.items()}
    assert sorted(v.node.line for v in doc.walk()) == sorted(by_line)
    return by_line


def test_points_moved_together_before_their_section_is_deleted_read_as_a_merge() -> None:
    """What random revisions avoid (see reads_as_merge): the diff reports the merge it is."""
    old_tree = SEED_TREES[0]
    editor = Editor(old_tree)
    first, second = editor.tree[0], editor.tree[1]
    assert len(first.children) == 2
    second.children[:0] = first.children
    editor.tree.remove(first)
    assert reads_as_merge(old_tree, editor.tree)
    (old_text, old_lines), (new_text, new_lines) = render(old_tree), render(editor.tree)
    old, new = parse(old_text), parse(new_text)
    old_ids, new_ids = ids_of(old, old_lines), ids_of(new, new_lines)
    merged = [
        (old_ids[c.old.line], new_ids[c.new.line])
        for c in diff(old, new).changes
        if c.op == "merged" and c.old and c.new
    ]
    assert merged == [(first.id, second.id), (second.id, second.id)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revisions())
def test_random_edits_come_back_exactly(revision: tuple[list[Section], list[Section]]) -> None:
    old_tree, new_tree = revision
    (old_text, old_lines), (new_text, new_lines) = render(old_tree), render(new_tree)
    old, new = parse(old_text), parse(new_text)
    old_ids, new_ids = ids_of(old, old_lines), ids_of(new, new_lines)
    result = diff(old, new)
    found: dict[int, set[str]] = {}
    for change in result.changes:
        assert change.op == next(op for op in PRIORITY if op in change.ops)
        ids = {old_ids[change.old.line]} if change.old else set()
        ids |= {new_ids[change.new.line]} if change.new else set()
        assert len(ids) == 1, change
        found[ids.pop()] = set(change.ops)
    assert found == expected(old_tree, new_tree)
    assert_mirrors(result, diff(new, old))
    assert result.same == (old_text == new_text)


@st.composite
def insertions(draw: st.DrawFn) -> tuple[list[Section], list[Section], int, set[int]]:
    """A seed with one section inserted: both trees, its id, the ids of the siblings after it."""
    tree = draw(st.sampled_from(SEED_TREES))
    editor = Editor(tree)
    _insert(editor, draw)
    (added,) = places(editor.tree).keys() - places(tree).keys()
    items = next(items for items, s, _ in editor.all() if s.id == added)
    at = [s.id for s in items].index(added)
    return tree, editor.tree, added, {s.id for s in items[at + 1 :]}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(insertions())
def test_inserting_one_section_adds_it_and_renumbers_only_the_later_siblings(
    insertion: tuple[list[Section], list[Section], int, set[int]],
) -> None:
    old_tree, new_tree, added, later = insertion
    (old_text, old_lines), (new_text, new_lines) = render(old_tree), render(new_tree)
    old, new = parse(old_text), parse(new_text)
    old_ids, new_ids = ids_of(old, old_lines), ids_of(new, new_lines)
    changes = diff(old, new).changes
    changed = {new_ids[c.new.line]: c.ops for c in changes if c.new and c.op != "unchanged"}
    assert all(c.new for c in changes)  # nothing removed
    assert all(old_ids[c.old.line] == new_ids[c.new.line] for c in changes if c.old and c.new)
    assert changed == {added: ("added",), **dict.fromkeys(later, ("renumbered",))}
    assert len(changes) == len(new_lines)
