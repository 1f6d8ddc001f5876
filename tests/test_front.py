"""Front matter: title past site noise, date, salutation."""

from __future__ import annotations

from outline import parse
from tests.support.corpus import FIXTURES, read_fixture


def test_title_skips_site_noise_and_reads_date() -> None:
    source = read_fixture(next(p for p in FIXTURES if p.stem == "site-noise"))[0]
    doc = parse(source)
    assert (doc.title, doc.title_line, doc.date) == ("关于加强基层治理的实施意见", 4, "2024-03-01")


def test_salutation_and_title_of_a_speech() -> None:
    doc = parse("在全市工作会议上的讲话\n（2023年2月1日）\n同志们、朋友们：\n一、形势\n")
    assert (doc.title, doc.date, doc.salutation) == (
        "在全市工作会议上的讲话",
        "2023-02-01",
        "同志们、朋友们：",
    )
    assert parse("各位代表：\n现在报告工作。\n一、回顾\n").salutation == "各位代表："


def test_no_title_when_the_text_opens_with_prose() -> None:
    doc = parse("我们召开这次会议，主要任务是总结工作。\n一、回顾\n")
    assert doc.title is None
    assert parse("新华社北京3月8日电　　大家好！").title is None


def test_markdown_title() -> None:
    assert parse("# 关于印发方案的通知\n\n一、目标\n").title == "关于印发方案的通知"


def test_masthead_and_document_number_are_not_the_title() -> None:
    text = "XX市政府文件\nXX政发〔2024〕5号\n关于印发行动方案的通知\n各区县：\n一、目标\n"
    assert parse(text).title == "关于印发行动方案的通知"


def test_words_of_a_title_are_not_site_menus() -> None:
    for title in (
        "关于进一步加大招商引资力度的意见",
        "关于减小企业负担的意见",
        "关于加强注册登记管理的实施意见",
    ):
        assert parse(f"{title}\n一、目标\n").title == title
    assert parse("下载\n打印\n加大 减小\n默认\n关于X的通知\n一、目标\n").title == "关于X的通知"


def test_a_title_wrapped_over_two_lines_is_one_line() -> None:
    title = "关于进一步加强和改进新时代基层治理若干重大问题的实施意见"
    body = "为深入贯彻落实党中央决策部署，加强和改进基层治理，推进治理体系和治理能力现代化，" * 4
    lines = [title[:20], title[20:]]
    lines += [body[i : i + 20] for i in range(0, len(body), 20)]
    doc = parse("\n".join([*lines, "一、总体要求", ""]))
    assert doc.title == title


def test_a_breadcrumb_trail_is_not_the_title() -> None:
    text = "首页\n>\n政务信息\n>\n要闻\n2026年政府工作报告\n（皖政办〔2022〕6号）\n一、回顾\n"
    assert parse(text).title == "2026年政府工作报告"


def test_a_date_that_does_not_exist_is_passed_over() -> None:
    assert parse("通知\n2024年2月31日\n2024年3月1日\n一、目标\n").date == "2024-03-01"


def test_a_table_of_contents_is_not_the_title() -> None:
    text = "目录 第一章 总则 第二章 国旗\n第一章　总则\n第一条　为了维护国旗的尊严。\n"
    assert parse(text).title is None
    titled = "中华人民共和国国旗法\n目　　录\n第一章　总则\n第二章　国旗\n第一章　总则\n"
    assert parse(titled).title == "中华人民共和国国旗法"
