"""diff on small documents written for each kind of change: what it pairs, how it classifies,
where it puts removed headings, and the title edit it shows."""

from __future__ import annotations

import pytest

from outline import Document, parse
from outline.diff import MIRROR, OPS, PRIORITY, Diff, diff, title_edit
from outline.render.diff.view import EN, notes

PLAN = (
    "一、总体要求\n坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。\n"
    "（一）指导思想\n（二）基本原则\n"
    "二、重点任务\n（一）加强组织领导\n（二）完善工作机制\n（三）强化督促检查\n"
    "三、保障措施\n"
)


def ops(result: Diff) -> list[tuple[str, str | None, str | None]]:
    """(op, old heading, new heading) of every change, markers included."""
    return [
        (
            c.op,
            c.old.marker + c.old.title if c.old else None,
            c.new.marker + c.new.title if c.new else None,
        )
        for c in result.changes
    ]


def changed(old: str, new: str, threshold: float = 0.6) -> list[tuple[str, str | None, str | None]]:
    return [t for t in ops(diff(parse(old), parse(new), threshold)) if t[0] != "unchanged"]


def test_inserting_a_section_in_the_middle_renumbers_the_later_siblings() -> None:
    new = PLAN.replace("（二）完善工作机制", "（二）健全考核评价\n（三）完善工作机制").replace(
        "（三）强化督促检查", "（四）强化督促检查"
    )
    assert changed(PLAN, new) == [
        ("added", None, "（二）健全考核评价"),
        ("renumbered", "（二）完善工作机制", "（三）完善工作机制"),
        ("renumbered", "（三）强化督促检查", "（四）强化督促检查"),
    ]


def test_a_deleted_section_shows_where_it_stood() -> None:
    new = PLAN.replace("（二）完善工作机制\n（三）强化督促检查", "（二）强化督促检查")
    result = diff(parse(PLAN), parse(new))
    assert changed(PLAN, new) == [
        ("removed", "（二）完善工作机制", None),
        ("renumbered", "（三）强化督促检查", "（二）强化督促检查"),
    ]
    removed = next(r for r in result.rows if r.op == "removed")
    assert removed.level == 2
    assert removed.ref.path == ("重点任务", "完善工作机制")


def test_an_edited_title_is_renamed_and_a_rewritten_one_with_the_same_body_too() -> None:
    assert changed(PLAN, PLAN.replace("加强组织领导", "加强党的组织领导")) == [
        ("renamed", "（一）加强组织领导", "（一）加强党的组织领导")
    ]
    rewritten = PLAN.replace("一、总体要求", "一、目标任务")
    assert changed(PLAN, rewritten) == [("renamed", "一、总体要求", "一、目标任务")]


def test_a_new_title_unlike_the_old_is_a_removal_and_an_addition() -> None:
    assert changed(PLAN, PLAN.replace("三、保障措施", "三、附则说明")) == [
        ("removed", "三、保障措施", None),
        ("added", None, "三、附则说明"),
    ]


def test_the_threshold_decides_how_alike_titles_must_be() -> None:
    old, new = "一、加强组织建设\n二、总结\n", "一、加强思想建设\n二、总结\n"
    assert changed(old, new) == [("renamed", "一、加强组织建设", "一、加强思想建设")]
    assert changed(old, new, threshold=0.9) == [
        ("removed", "一、加强组织建设", None),
        ("added", None, "一、加强思想建设"),
    ]


def test_a_heading_under_another_parent_is_moved() -> None:
    new = PLAN.replace("（三）强化督促检查\n三、保障措施\n", "三、保障措施\n（一）强化督促检查\n")
    result = diff(parse(PLAN), parse(new))
    moved = [c for c in result.changes if c.op == "moved"]
    assert [(c.ops, c.old.path, c.new.path) for c in moved if c.old and c.new] == [
        (("moved", "renumbered"), ("重点任务", "强化督促检查"), ("保障措施", "强化督促检查"))
    ]


def test_swapped_siblings_are_both_reordered_and_renumbered() -> None:
    new = PLAN.replace(
        "（一）加强组织领导\n（二）完善工作机制", "（一）完善工作机制\n（二）加强组织领导"
    )
    result = diff(parse(PLAN), parse(new))
    assert [(c.op, c.ops) for c in result.changes if c.op != "unchanged"] == [
        ("reordered", ("reordered", "renumbered")),
        ("reordered", ("reordered", "renumbered")),
    ]


def test_a_section_moved_far_is_the_only_one_reordered() -> None:
    new = PLAN.replace("一、总体要求", "三、总体要求").replace("二、重点任务", "一、重点任务")
    new = new.replace("三、保障措施", "二、保障措施")
    start = new.index("三、总体要求")
    end = new.index("一、重点任务")
    new = new[end:] + new[start:end]
    result = diff(parse(PLAN), parse(new))
    top = [(c.op, c.new.title) for c in result.changes if c.new and c.new.level == 1]
    assert top == [
        ("renumbered", "重点任务"),
        ("renumbered", "保障措施"),
        ("reordered", "总体要求"),
    ]


def test_promoted_and_demoted_headings_and_their_children() -> None:
    new = PLAN.replace("（二）基本原则\n", "二、基本原则\n").replace("二、重点任务", "三、重点任务")
    new = new.replace("三、保障措施", "四、保障措施")
    result = diff(parse(PLAN), parse(new))
    promoted = next(c for c in result.changes if c.op == "promoted")
    assert promoted.ops == ("promoted",)  # （二） became 二、: the same number
    assert (promoted.old.level, promoted.new.level) == (2, 1)  # type: ignore[union-attr]
    back = diff(parse(new), parse(PLAN))
    assert [c.op for c in back.changes if c.op == "demoted"] == ["demoted"]
    # a demoted section's children keep their parent: only the section itself is demoted
    deeper = PLAN.replace("三、保障措施\n", "（四）保障措施\n1.经费保障\n2.人员保障\n")
    before = PLAN.replace("三、保障措施\n", "三、保障措施\n（一）经费保障\n（二）人员保障\n")
    assert changed(before, deeper) == [("demoted", "三、保障措施", "（四）保障措施")]


def test_a_promoted_heading_is_not_taken_by_a_weaker_one_at_its_new_level() -> None:
    # The new 一、 is （一） promoted and lengthened; the old 一、 it replaced shares words with
    # it and stands at its level, but （一） is the heading it plainly is.
    old = (
        "一、推进国资国企改革向纵深发展\n（一）坚定推进国资国企改革\n（二）扩大对外开放\n"
        "二、保障措施\n"
    )
    new = "一、坚定推进国资国企改革攻坚\n二、保障措施\n"
    assert changed(old, new) == [
        ("removed", "一、推进国资国企改革向纵深发展", None),
        ("removed", "（二）扩大对外开放", None),
        ("promoted", "（一）坚定推进国资国企改革", "一、坚定推进国资国企改革攻坚"),
    ]
    assert changed(new, old) == [
        ("added", None, "一、推进国资国企改革向纵深发展"),
        ("demoted", "一、坚定推进国资国企改革攻坚", "（一）坚定推进国资国企改革"),
        ("added", None, "（二）扩大对外开放"),
    ]


def test_one_section_split_in_two_by_its_text() -> None:
    old = (
        "一、总体要求\n"
        "二、作风建设\n持续整治形式主义官僚主义，坚决纠治享乐主义奢靡之风。"
        "严肃查处违反中央八项规定精神问题，对顶风违纪者从严处理。\n"
    )
    new = (
        "一、总体要求\n"
        "二、整治形式主义\n持续整治形式主义官僚主义，坚决纠治享乐主义奢靡之风。\n"
        "三、严查违规问题\n严肃查处违反中央八项规定精神问题，对顶风违纪者从严处理。\n"
    )
    assert changed(old, new) == [
        ("split", "二、作风建设", "二、整治形式主义"),
        ("split", "二、作风建设", "三、严查违规问题"),
    ]
    assert changed(new, old) == [
        ("merged", "二、整治形式主义", "二、作风建设"),
        ("merged", "三、严查违规问题", "二、作风建设"),
    ]


def test_headings_inserted_before_a_pages_trailing_links_are_additions_not_a_split() -> None:
    # The links after the last section belong to its body; inserted before them, new
    # sections take them over, and their text alone once made them look split from it.
    page = (
        "关于加强工作的通知\n"
        "（一）加强组织领导\n各单位要高度重视，认真组织实施。\n"
        "（二）抓好总结评估\n各单位要高度重视，认真组织实施。\n"
        "{}【原文下载】\n【打印本页】 【关闭窗口】\n"
    )
    old, new = page.format(""), page.format("（三）附则\n（四）其他事项\n")
    assert changed(old, new) == [
        ("added", None, "（三）附则"),
        ("added", None, "（四）其他事项"),
    ]
    assert changed(new, old) == [
        ("removed", "（三）附则", None),
        ("removed", "（四）其他事项", None),
    ]


def test_one_section_split_in_two_by_its_children() -> None:
    old = "一、任务\n（一）甲项工作\n（二）乙项工作\n（三）丙项工作\n（四）丁项工作\n二、保障\n"
    new = (
        "一、前期任务\n（一）甲项工作\n（二）乙项工作\n"
        "二、后期任务\n（一）丙项工作\n（二）丁项工作\n三、保障\n"
    )
    assert changed(old, new) == [
        ("split", "一、任务", "一、前期任务"),
        ("split", "一、任务", "二、后期任务"),
        ("moved", "（三）丙项工作", "（一）丙项工作"),
        ("moved", "（四）丁项工作", "（二）丁项工作"),
        ("renumbered", "二、保障", "三、保障"),
    ]
    assert [t[0] for t in changed(new, old)] == ["merged", "merged", "moved", "moved", "renumbered"]


def test_a_new_section_that_took_one_point_is_an_addition_and_a_move() -> None:
    old = "一、任务\n（一）甲项工作\n（二）乙项工作\n（三）丙项工作\n二、保障\n"
    new = "一、任务\n（一）甲项工作\n（二）乙项工作\n二、新增事项\n（一）丙项工作\n三、保障\n"
    assert [t[0] for t in changed(old, new)] == ["added", "moved", "renumbered"]


def test_repeated_titles_are_paired_by_their_parents() -> None:
    old = "一、城市\n（一）总体要求\n（二）重点\n二、农村\n（一）总体要求\n（二）重点\n"
    new = "一、农村\n（一）总体要求\n（二）重点\n二、城市\n（一）总体要求\n（二）重点\n"
    result = diff(parse(old), parse(new))
    for change in result.changes:
        assert change.old is not None and change.new is not None
        assert change.old.path == change.new.path
        assert "moved" not in change.ops


def test_a_section_renamed_beyond_recognition_is_paired_by_its_children() -> None:
    old = "一、总体要求\n（一）指导思想\n（二）基本原则\n（三）主要目标\n二、附则\n"
    new = "一、战略部署\n（一）指导思想\n（二）基本原则\n（三）主要目标\n二、附则\n"
    assert changed(old, new) == [("renamed", "一、总体要求", "一、战略部署")]


def test_headings_without_titles_pair_in_order_under_paired_parents() -> None:
    untitled = parse("一、\n（一）\n（二）\n二、\n")
    assert {c.op for c in diff(untitled, untitled).changes} == {"unchanged"}
    assert changed("一、\n（一）\n二、\n", "一、\n（一）\n（二）\n二、\n") == [
        ("added", None, "（二）")
    ]


def styled(text: str, *lines: int) -> Document:
    """A document whose given lines are headings of level 1 by style alone (no marker)."""
    return parse(text, dict.fromkeys(lines, 1))


def test_headings_marked_by_style_alone_pair_by_title_and_are_never_renumbered() -> None:
    old = styled("总则\n一、目的\n二、依据\n适用范围\n一、对象\n附则\n一、施行\n", 1, 4, 6)
    new = styled(
        "总则\n一、目的\n基本原则\n一、依法\n适用的范围\n一、对象\n二、依据\n附则\n一、施行\n",
        1,
        3,
        5,
        8,
    )
    assert [n.kind for n in (old.nodes + new.nodes)] == ["styled"] * 7
    # 附则 stands third, then fourth, among the styled headings: no number shows, none changed.
    assert [t for t in ops(diff(old, new)) if t[0] != "unchanged"] == [
        ("added", None, "基本原则"),
        ("added", None, "一、依法"),
        ("renamed", "适用范围", "适用的范围"),
        ("moved", "二、依据", "二、依据"),
    ]
    assert {c.op for c in diff(new, new).changes} == {"unchanged"}
    backward = diff(new, old)
    assert sorted(MIRROR.get(c.op, c.op) for c in backward.changes) == sorted(
        c.op for c in diff(old, new).changes
    )


def test_a_heading_that_lost_or_gained_its_number_is_renumbered() -> None:
    numbered = parse("一、总则\n二、附则\n")
    by_style = styled("一、总则\n附则\n", 2)
    result = diff(numbered, by_style)
    assert ops(result) == [
        ("unchanged", "一、总则", "一、总则"),
        ("renumbered", "二、附则", "附则"),
    ]
    assert notes(result.rows[1]) == ["原为 二、"]
    assert notes(diff(by_style, numbered).rows[1], EN) == ["was unnumbered"]


def test_a_document_without_headings() -> None:
    empty = parse("没有任何编号的文字。\n")
    result = diff(empty, empty)
    assert result.changes == ()
    assert result.same
    assert result.similarity == 1.0
    assert [c.op for c in diff(empty, parse(PLAN)).changes] == ["added"] * 8


def test_ops_priority_and_mirror_cover_every_op() -> None:
    assert sorted(OPS) == sorted(PRIORITY)
    for op, other in MIRROR.items():
        assert MIRROR[other] == op
    result = diff(parse(PLAN), parse(PLAN.replace("基本原则", "工作原则")))
    counts = result.counts()
    assert list(counts) == list(OPS)
    assert sum(counts.values()) == len(result.changes)
    assert 0.0 < result.similarity < 1.0


@pytest.mark.parametrize(
    ("old", "new", "segments"),
    [
        ("加强组织建设", "加强组织建设", [("=", "加强组织建设")]),
        (
            "加强组织建设",
            "加强思想建设",
            [("=", "加强"), ("-", "组织"), ("+", "思想"), ("=", "建设")],
        ),
        ("压实责任", "压紧压实责任", [("+", "压紧"), ("=", "压实责任")]),
        ("统一思想", "", [("-", "统一思想")]),
        (
            "统一思想筑牢根基",
            "凝聚思想夯实根基",
            [
                ("-", "统一"),
                ("+", "凝聚"),
                ("=", "思想"),
                ("-", "筑牢"),
                ("+", "夯实"),
                ("=", "根基"),
            ],
        ),
        ("推进改革", "深化发展", [("-", "推进改革"), ("+", "深化发展")]),
        (
            "提高站位强化担当",
            "提升站位压实担当",
            [
                ("=", "提"),
                ("-", "高"),
                ("+", "升"),
                ("=", "站位"),
                ("-", "强化"),
                ("+", "压实"),
                ("=", "担当"),
            ],
        ),
        ("甲乙丙丁", "甲子丙丑", [("=", "甲"), ("-", "乙丙丁"), ("+", "子丙丑")]),
    ],
)
def test_title_edit(old: str, new: str, segments: list[tuple[str, str]]) -> None:
    assert title_edit(old, new) == segments
    assert "".join(t for k, t in segments if k != "+") == old
    assert "".join(t for k, t in segments if k != "-") == new


def test_a_long_title_edit_keeps_what_both_share_at_either_end() -> None:
    shared = "加强组织建设" * 100
    old, new = shared + "甲乙" + shared, shared + "丙" + shared
    assert title_edit(old, new) == [("=", shared), ("-", "甲乙"), ("+", "丙"), ("=", shared)]
    rewritten = "丁" * 800
    assert title_edit(old, rewritten) == [("-", old), ("+", rewritten)]
