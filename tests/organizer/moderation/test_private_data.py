import pytest

from organizer.moderation import private_data
from organizer.moderation.private_data import is_luhn_valid, is_valid_id_number


@pytest.mark.parametrize(
    ("text", "rule", "evidence"),
    [
        ("我的手机 13812345678", "private.mobile", "138****5678"),
        ("电话:138-1234-5678", "private.mobile", "138****5678"),
        ("call 138 1234 5678", "private.mobile", "138****5678"),
        ("+86 199 8765 4321", "private.mobile", "199****4321"),
        ("+8613812345678", "private.mobile", "138****5678"),
        ("8613812345678", "private.mobile", "138****5678"),
        ("0086-13812345678", "private.mobile", "138****5678"),
        ("手机：１３８１２３４５６７８", "private.mobile", "138****5678"),  # full-width digits
        ("身份证 11010519491231002X", "private.id_number", "110***********002X"),
        ("身份证号 11010519491231002x", "private.id_number", "110***********002X"),
        ("ID 440308199901010012", "private.id_number", "440***********0012"),
        ("310115200002291235 是我的", "private.id_number", "310***********1235"),  # 29 Feb 2000
        ("卡号 6222021234567890128", "private.bank_card", "6222***********0128"),
        ("6228 4800 1234 5678 903", "private.bank_card", "6228***********8903"),
        ("4026-7400-0012-3458", "private.bank_card", "4026********3458"),
        ("转账到 6217001234567893 谢谢", "private.bank_card", "6217********7893"),
        ("卡号 6217 0012 3456 7893 123元", "private.bank_card", "6217********7893"),
        ("mail zhang.wei@example.com please", "private.email", "z***@example.com"),
        ("邮箱：12345678@qq.com", "private.email", "1***@qq.com"),
    ],
)
def test_private_data_is_found_and_masked(text: str, rule: str, evidence: str) -> None:
    hit = private_data.find(text)
    assert hit is not None
    assert (hit.rule, hit.evidence, hit.category, hit.charter_ref) == (
        rule,
        evidence,
        "private_data",
        "六(二)",
    )


@pytest.mark.parametrize(
    "text",
    [
        "订单号 12345678901",  # 11 digits, but 12… is no mobile prefix
        "编号 10012345678",
        "时间戳 1712345678901",  # 13 digits starting like a mobile
        "流水号 2024031513812345678",  # a mobile number inside a longer digit run
        "SO13812345678",  # glued to letters: an order code
        "13812345678901",  # 14 digits
        "12345",
        "身份证 110105194912310021",  # wrong check digit
        "身份证 440308199902300011",  # right check digit, but 30 February
        "身份证 44030823000101001X",  # right check digit, but born in 2300
        "卡号 4026740000123459",  # fails Luhn
        "1234567812345670",  # passes Luhn but starts like a snowflake id, not a card
        "0622021234567890128",  # starts with 0
        "6222 0212 3456 7890 1234 5678",  # too long a digit run for a card
        "会议 3月15日 14:00-16:00，房间 402",
        "@zhang_wei 你好",
        "a@b",
        "",
    ],
)
def test_ordinary_numbers_are_not_private_data(text: str) -> None:
    assert private_data.find(text) is None


def test_only_enabled_kinds_are_checked() -> None:
    text = "手机 13812345678，邮箱 a@example.com"
    assert private_data.find(text, kinds={"id_number", "bank_card"}) is None
    email_only = private_data.find(text, kinds={"email"})
    assert email_only is not None and email_only.rule == "private.email"


def test_id_number_comes_before_a_card_that_happens_to_pass_luhn() -> None:
    hit = private_data.find("11010519491231002X")
    assert hit is not None and hit.rule == "private.id_number"


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("11010519491231002X", True),
        ("11010519491231002Y", False),
        ("1101051949123100", False),
        ("110105194913310029", False),  # month 13
    ],
)
def test_id_number_validation(number: str, valid: bool) -> None:
    assert is_valid_id_number(number) is valid


@pytest.mark.parametrize(
    ("digits", "valid"),
    [("4111111111111111", True), ("4111111111111112", False), ("79927398713", True)],
)
def test_luhn(digits: str, valid: bool) -> None:
    assert is_luhn_valid(digits) is valid
