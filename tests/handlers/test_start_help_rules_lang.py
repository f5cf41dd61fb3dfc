from handlers.callbacks import LanguageCallback
from organizer.services import groups, users
from tests.handlers.conftest import GROUP_ID, ORG_ADMIN


async def test_start_greets_in_the_users_telegram_language_and_records_them(
    harness, session_factory
) -> None:
    await harness.message("/start", user_id=5, lang="en", name="Dana")
    [reply] = harness.messenger.sent
    assert reply.chat_id == 5
    assert "Hello, Dana" in reply.text and "/setup" in reply.text
    async with session_factory() as session:
        user = await users.get(session, 5)
    assert user is not None and user.started_bot and user.can_message_privately


async def test_start_in_chinese_by_default(harness) -> None:
    await harness.message("/start", user_id=6, lang="ru", name="Иван")
    assert "您好，Иван" in harness.messenger.sent[0].text


async def _help_of(harness, user_id: int) -> str:
    """/help may take several messages (Telegram's 4096 characters): all of them, joined."""
    before = len(harness.messenger.sent)
    await harness.message("/help", user_id=user_id, lang="en")
    return "\n\n".join(m.text for m in harness.messenger.sent[before:])


async def test_help_shows_admin_commands_only_to_admins(harness) -> None:
    member_help = await _help_of(harness, 7)
    assert "/rules" in member_help and "/report" in member_help
    assert "/setup" not in member_help and "/warn" not in member_help
    org_help = await _help_of(harness, ORG_ADMIN)
    assert "/setup" in org_help and "/warn" in org_help and "/announce" in org_help
    assert "organisation admin" in org_help


async def test_rules_in_a_group_use_the_groups_language(harness, session_factory, clock) -> None:
    async with session_factory() as session:
        await groups.register(
            session, chat_id=GROUP_ID, title="Sales team", default_timezone="Asia/Shanghai",
            default_language="en", now=clock.now(),
        )  # fmt: skip
        await session.commit()
    await harness.message("/rules", user_id=8, chat_id=GROUP_ID, lang="zh")
    reply = harness.messenger.sent[-1]
    assert reply.chat_id == GROUP_ID and reply.reply_to_message_id is not None
    # The title is refreshed from the chat the command came from.
    assert 'Rules of "项目一组"' in reply.text and "Personal attacks" in reply.text


async def test_rules_in_private_show_the_charter_default(harness) -> None:
    await harness.message("/rules", user_id=9)
    assert "群规（公司默认版本）" in harness.messenger.sent[-1].text


async def test_lang_in_private_switches_the_users_language(harness, session_factory) -> None:
    await harness.message("/lang", user_id=10, lang="zh")
    keyboard = harness.messenger.sent[-1].keyboard
    labels = [button.text for row in keyboard for button in row]
    assert labels == ["中文", "English"]
    await harness.press(LanguageCallback(code="en").pack(), user_id=10, chat_id=10)
    assert harness.messenger.edits[-1][2] == "Done: I will write to you in English."
    await harness.message("/start", user_id=10, lang="zh")
    assert "Hello" in harness.messenger.sent[-1].text  # the choice beats Telegram's language


async def test_forged_language_code_is_refused(harness, session_factory) -> None:
    await harness.press(LanguageCallback(code="xx").pack(), user_id=11, chat_id=11)
    assert harness.alerts() == [harness.catalogue.text("zh", "error-stale-button")]
    assert harness.messenger.edits == []


async def test_group_language_only_by_admins(harness, session_factory, clock) -> None:
    async with session_factory() as session:
        await groups.register(
            session, chat_id=GROUP_ID, title="G", default_timezone="Asia/Shanghai",
            default_language="zh", now=clock.now(),
        )  # fmt: skip
        await session.commit()
    await harness.message("/lang", user_id=12, chat_id=GROUP_ID)
    assert harness.messenger.sent[-1].text == "只有本群管理员可以这样做。"
    await harness.press(LanguageCallback(code="en").pack(), user_id=12, chat_id=GROUP_ID)
    assert harness.alerts()[-1] == "只有本群管理员可以这样做。"
    await harness.press(LanguageCallback(code="en").pack(), user_id=ORG_ADMIN, chat_id=GROUP_ID)
    async with session_factory() as session:
        group = await groups.get(session, GROUP_ID)
    assert group is not None and group.language == "en"


async def test_unknown_button_gets_a_polite_refusal(harness) -> None:
    await harness.press("v0:something-old", user_id=13, chat_id=13, lang="en")
    assert harness.alerts() == [harness.catalogue.text("en", "error-stale-button")]


def test_help_pages_fit_in_telegram_messages() -> None:
    """Regression: the English admin help outgrew Telegram's 4096 characters."""
    from handlers.start import help_pages
    from organizer.i18n import Catalogue

    catalogue = Catalogue()
    for lang in ("zh", "en"):
        texts = catalogue.for_language(lang)
        for is_admin, is_org in ((False, False), (True, False), (True, True)):
            pages = help_pages(texts, is_admin=is_admin, is_org=is_org)
            assert all(0 < len(page) <= 4096 for page in pages)
            whole = "\n\n".join(pages)
            assert texts("help-member") in whole and texts("help-footer") in pages[-1]
            assert (texts("help-admin") in whole) == is_admin
