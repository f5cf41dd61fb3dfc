"""The demo organisation, set up through the bot's own flows as a real admin would.

One group per kind the product knows (GroupKind), the bot added to each as an administrator and
configured with /setup (kind → timezone → language buttons); personas who have all pressed
/start in private. The applicant is in no group, to try "request to join".
"""

from __future__ import annotations

from emulator import EmuChat
from organizer.models import GroupKind
from sandbox.world import Persona, Sandbox

# key, role (shown in the persona switcher), display name
PERSONAS = (
    ("admin", "admin", "Ada"),
    ("organizer", "organizer", "Olivia"),
    ("member1", "member", "Mia"),
    ("member2", "member", "Max"),
    ("member3", "member", "Leo"),
    ("applicant", "applicant", "Ann"),
)
GROUP_TITLES = {
    GroupKind.PROJECT: "项目一组 Project team",
    GroupKind.STUDENT_SERVICE: "学员服务群 Student service",
    GroupKind.INDUSTRY_EXCHANGE: "行业交流群 Industry exchange",
}


async def seed(sandbox: Sandbox, language: str = "zh") -> None:
    for key, role, name in PERSONAS:
        user = sandbox.emu.create_user(name, username=name.lower(), language_code=language)
        sandbox.personas[key] = Persona(key, role, user)
    for persona in sandbox.personas.values():
        await _start_bot(sandbox, persona)
    for kind, title in GROUP_TITLES.items():
        sandbox.groups.append(await _register_group(sandbox, kind, title))


async def _start_bot(sandbox: Sandbox, persona: Persona) -> None:
    await sandbox.settled()
    await sandbox.send(persona, persona.user.id, "/start")
    await sandbox.emu.wait_for_message(sandbox.chat(persona, persona.user.id), timeout=15)


async def _register_group(sandbox: Sandbox, kind: GroupKind, title: str) -> EmuChat:
    emu, admin = sandbox.emu, sandbox.persona("admin")
    members = [p.user for p in sandbox.personas.values() if p.key not in ("admin", "applicant")]
    group = emu.create_group(title, owner=admin.user, members=members)
    await emu.add_bot_to_group(sandbox.bot, group, by=admin.user, admin=True)
    await emu.wait_for_message(group, timeout=15)  # the bot's hello
    await sandbox.settled()
    before = max(m.message_id for m in group.messages)
    await sandbox.send(admin, group.id, "/setup")
    wizard = await emu.wait_for_message(
        group, predicate=lambda m: bool(m.reply_markup), after=before, timeout=15
    )
    texts = sandbox.app.catalogue.for_language(admin.language)
    for label in (texts(f"kind-{kind.value}"), sandbox.timezone, texts("language-name")):
        await sandbox.settled()
        await sandbox.press(admin, group.id, wizard.message_id, label)
    await sandbox.settled()
    return group
