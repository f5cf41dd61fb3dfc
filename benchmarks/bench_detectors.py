"""Moderation detectors: the pure pipeline (organizer/moderation) over 10,000 group messages.

A realistic mix: mostly clean zh and en chat, some with allowed links, @mentions of people,
dates, times and order numbers, and a few per cent that break a rule (banned terms, outside
links, contact handles, phone numbers, floods). No database, no Telegram: this is the cost the
pipeline adds to every group message. The target leaves the full message pipeline
(DESIGN.md §4, bench_pipeline.py) most of its budget. Run: make bench
"""

from __future__ import annotations

import random
import statistics
import time

from benchmarks.common import line
from organizer.moderation import MessageFacts, ModerationPolicy, Pipeline
from organizer.moderation.media import MediaFacts

MESSAGES, ROUNDS, TARGET = 10_000, 5, 20_000.0
GROUPS, MEMBERS = 5, 300
CLEAN = (
    "大家好，今天的研讨会几点开始？",
    "收到，谢谢老师",
    "这个案例很有参考价值，我们组下周也试试",
    "明天上午十点在三楼会议室，请大家准时参加",
    "好的，我来整理一下会议纪要，晚上发到群里",
    "学员反馈说第三章的练习题有点难，建议加几个例题",
    "课程开发进度：第二模块已完成 80%，预计 3月15日 上线",
    "請問下週的培訓資料在哪裡下載？",
    "我觉得这个方案可以，不过预算要再核一下",
    "刚才的分享太精彩了👍👍",
    "订单号 20240315001234 已处理",
    "Thanks, see you at the session tomorrow",
    "I will share the slides after the meeting",
    "Great point about the onboarding process",
    "Could someone resend the agenda for Friday's workshop?",
    "The class assessment results are in the shared folder",
    "Let's move the review to 3pm, room 402",
    "+1，同意",
    "哈哈哈",
    "ok",
)
WITH_FACTS = (
    "政策解读见 https://www.moe.gov.cn/jyb_xwfb/202403/t20240315.html",
    "公众号文章 https://mp.weixin.qq.com/s/AbCdEf123456 值得一看",
    "@zhang_wei 麻烦看一下这个问题",
    "@li_na can you check the numbers?",
    "会议链接 https://meeting.tencent.com/dm/abc123",
)
BREAKING = (
    "加我微信 abc12345 领取资料",
    "点击 https://cheap-courses.xyz/buy 立即购买",
    "兼职刷单，日赚千元",
    "我的手机号是 138 1234 5678",
    "你是不是傻逼",
)


def messages(count: int) -> list[MessageFacts]:
    rng = random.Random(20240315)
    out = []
    for _ in range(count):
        roll = rng.random()
        pool = CLEAN if roll < 0.88 else WITH_FACTS if roll < 0.97 else BREAKING
        media = MediaFacts("photo", size_bytes=350_000) if rng.random() < 0.05 else None
        out.append(
            MessageFacts(
                group_id=-100_000 - rng.randrange(GROUPS),
                user_id=1000 + rng.randrange(MEMBERS),
                text=rng.choice(pool),
                media=media,
            )
        )
    return out


def one_round(batch: list[MessageFacts], policies: dict[int, ModerationPolicy]) -> float:
    pipeline = Pipeline()  # a fresh flood guard each round
    hits = 0
    started = time.perf_counter()
    for index, facts in enumerate(batch):
        # 10,000 messages over ~83 minutes of chat: 2 a second across the groups.
        if pipeline.check(facts, policies[facts.group_id], now=index * 0.5) is not None:
            hits += 1
    elapsed = time.perf_counter() - started
    assert 0 < hits < len(batch) // 10, hits  # mostly clean, and the detectors do fire
    return len(batch) / elapsed


def main() -> None:
    batch = messages(MESSAGES)
    kinds = ("project", "student_service", "industry_exchange", None, "student_service")
    policies = {-100_000 - i: ModerationPolicy.for_kind(kinds[i]) for i in range(GROUPS)}
    one_round(batch[:500], policies)  # compile the lexicon and warm the caches
    rate = statistics.median(one_round(batch, policies) for _ in range(ROUNDS))
    print(line("moderation_detectors", rate, "msg/s", ">=", TARGET))


if __name__ == "__main__":
    main()
