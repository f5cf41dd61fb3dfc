// The sandbox chat client: polls /api/view every 500 ms and posts actions. No build step.
"use strict";

const UI = {
  zh: {
    title: "Organizer 沙盒", persona: "身份", botLanguage: "机器人语言", plusHour: "+1 小时",
    plusDay: "+1 天", nextAction: "→ 下一个定时动作", tour: "引导", requestJoin: "申请入群",
    leave: "退群", write: "输入消息或命令…", send: "发送", back: "上一步", doIt: "替我完成",
    next: "下一步", private: "与机器人的私聊", notMember: "您不在这个群里。", pending: "入群申请待审核",
    joined: "加入了群组", left: "离开了群组", pinned: "置顶了一条消息", pinnedLabel: "📌 置顶：",
    admin: "管理员", organizer: "组织者", member: "成员", applicant: "申请人", working: "处理中…",
    nothing: "没有待执行的定时动作",
  },
  en: {
    title: "Organizer sandbox", persona: "Persona", botLanguage: "Bot language", plusHour: "+1 h",
    plusDay: "+1 day", nextAction: "→ next scheduled action", tour: "Guided tour",
    requestJoin: "Request to join", leave: "Leave", write: "Write a message or command…",
    send: "Send", back: "Back", doIt: "Do it for me", next: "Next", private: "Private chat with the bot",
    notMember: "You are not in this group.", pending: "Join request pending", joined: "joined the group",
    left: "left the group", pinned: "pinned a message", pinnedLabel: "📌 Pinned: ", admin: "admin",
    organizer: "organizer", member: "member", applicant: "applicant", working: "Working…",
    nothing: "No scheduled action pending",
  },
};
const state = { ui: "zh", persona: null, chat: null, meta: null, last: "", tourStep: 0, view: null };
const $ = (id) => document.getElementById(id);
const t = (key) => UI[state.ui][key] || key;

async function api(path, body) {
  const options = body ? { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body) } : {};
  const response = await fetch(path, options);
  const data = await response.json();
  if (!response.ok) { toast(data.error || response.statusText); throw new Error(data.error); }
  return data;
}

function toast(text) {
  if (!text) return;
  const box = $("toast");
  box.textContent = text; box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 3000);
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "onclick") node.onclick = value; else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function applyUiLanguage() {
  document.documentElement.lang = state.ui;
  document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
  document.querySelectorAll("[data-i18n-placeholder]").forEach((n) => {
    n.placeholder = t(n.dataset.i18nPlaceholder);
  });
  $("ui-lang").textContent = state.ui === "zh" ? "EN" : "中文";
  fillPersonas(); loadTour(); state.last = ""; refresh();
}

function fillPersonas() {
  const select = $("persona");
  select.replaceChildren(...state.meta.personas.map((p) =>
    el("option", { value: p.key }, `${p.name} (${t(p.role)})`)));
  select.value = state.persona;
}

async function refresh() {
  if (!state.persona) return;
  // A poll answered after the persona or chat changed describes the old one: drop it.
  const asked = `${state.persona}:${state.chat}`;
  const query = new URLSearchParams({ persona: state.persona, chat: state.chat || "" });
  const view = await api(`/api/view?${query}`);
  if (asked !== `${state.persona}:${state.chat}`) return;
  $("now").textContent = view.now;
  const key = JSON.stringify(view);
  if (key === state.last) return;
  state.last = key; state.view = view;
  $("persona-lang").value = view.language;
  renderChats(view.chats);
  renderConversation(view);
  document.body.dataset.view = asked; // what is on screen, for tests
}

function renderChats(chats) {
  $("chat-list").replaceChildren(...chats.map((chat) => el("div", {
    class: `chat${chat.id === state.chat ? " active" : ""}${chat.present || chat.private ? "" : " outside"}`,
    "data-id": chat.id, onclick: () => openChat(chat.id),
  }, el("div", {}, chat.private ? `🤖 ${t("private")}` : `👥 ${chat.title}`),
  el("div", { class: "preview" }, chat.preview))));
}

function openChat(id) {
  state.chat = id; state.last = ""; refresh();
}

function renderConversation(view) {
  const chat = view.chats.find((c) => c.id === state.chat);
  if (!chat) return;
  const inside = chat.private || chat.present;
  $("chat-title").textContent = chat.private ? t("private") : chat.title;
  $("leave").hidden = chat.private || !inside || chat.status === "creator";
  $("join").hidden = inside || chat.pending_request;
  $("not-member").hidden = inside;
  $("not-member").textContent = chat.pending_request ? t("pending") : t("notMember");
  $("composer").hidden = !inside;
  const pinned = view.messages.filter((m) => m.pinned).pop();
  $("pinned").hidden = !pinned;
  if (pinned) $("pinned").textContent = t("pinnedLabel") + textOf(pinned.html);
  const box = $("messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  box.replaceChildren(...view.messages.map(renderMessage));
  if (atBottom || renderConversation.chat !== state.chat) box.scrollTop = box.scrollHeight;
  renderConversation.chat = state.chat;
}

function textOf(html) {
  const div = document.createElement("div"); div.innerHTML = html; return div.textContent;
}

function renderMessage(m) {
  if (m.service) {
    const names = m.service.names.join(", ");
    return el("div", { class: "service" }, `${m.from} ${names} ${t(m.service.type)}`);
  }
  const node = el("div", { class: `msg${m.mine ? " mine" : ""}`, "data-id": m.id });
  if (!m.mine) node.append(el("div", { class: "from" }, m.from));
  if (m.photo) node.append(el("img", { src: m.photo.url, alt: m.photo.name }));
  if (m.document) node.append(renderDocument(m.document));
  const body = el("div", { class: "body" });
  body.innerHTML = m.html; // built server-side from entities, every text escaped
  node.append(body);
  if (m.poll) node.append(renderPoll(m));
  if (m.buttons.length) node.append(renderKeyboard(m));
  node.append(el("div", { class: "meta" }, `${m.edited ? "✎ " : ""}${m.pinned ? "📌 " : ""}${m.time}`));
  return node;
}

function renderDocument(doc) {
  const wrap = el("div");
  if (/\.(png|jpe?g|gif)$/i.test(doc.name)) wrap.append(el("img", { src: doc.url, alt: doc.name }));
  wrap.append(el("a", { class: "doc", href: doc.url, download: doc.name },
    `📎 ${doc.name} (${Math.ceil(doc.size / 1024)} KB)`));
  return wrap;
}

function renderPoll(m) {
  const box = el("div", { class: "poll" }, el("b", {}, `📊 ${m.poll.question}`));
  m.poll.options.forEach((option, i) => box.append(el("button", {
    class: "option", onclick: () => act("/api/vote", { chat: state.chat, message: m.id, option: i }),
  }, `${m.poll.mine.includes(i) ? "✔ " : ""}${option} — ${m.poll.counts[i]}`)));
  return box;
}

function renderKeyboard(m) {
  const keyboard = el("div", { class: "keyboard" });
  for (const row of m.buttons) {
    keyboard.append(el("div", { class: "row" }, ...row.map((b) => el("button", {
      class: b.kind, onclick: () => pressButton(m, b),
    }, b.text))));
  }
  return keyboard;
}

async function pressButton(m, button) {
  if (button.kind === "url") return openUrl(button.url);
  const answer = await act("/api/press", { chat: state.chat, message: m.id, label: button.text });
  if (answer) toast(answer.text);
}

function openUrl(url) {
  // A deep link to our bot opens its private chat and sends /start <payload>, as Telegram does.
  const bot = state.meta.bot.username;
  const deep = new RegExp(`^https://t\\.me/${bot}\\?start=(.+)$`).exec(url);
  if (!deep) return window.open(url, "_blank", "noopener");
  const me = state.meta.personas.find((p) => p.key === state.persona).id;
  openChat(me);
  return act("/api/send", { chat: me, text: `/start ${decodeURIComponent(deep[1])}` });
}

async function act(path, body) {
  // body[data-busy] counts actions in flight: a test (or a curious user) can wait on it.
  document.body.dataset.busy = (Number(document.body.dataset.busy || 0) + 1).toString();
  try {
    return await api(path, { persona: state.persona, ...body });
  } catch (error) {
    return null; // already shown as a toast
  } finally {
    document.body.dataset.busy = (Number(document.body.dataset.busy) - 1).toString();
    state.last = ""; refresh();
  }
}

async function travel(step) {
  const result = await act("/api/time", { step });
  if (result) $("now").textContent = result.now;
}

async function loadTour() {
  const steps = await api(`/api/tour?lang=${state.ui}`);
  $("tour-steps").replaceChildren(...steps.map((s, i) => el("li", {
    class: i === state.tourStep ? "current" : i < state.tourStep ? "done" : "",
  }, s.text)));
}

function moveTour(delta) {
  const count = $("tour-steps").children.length;
  state.tourStep = Math.max(0, Math.min(count, state.tourStep + delta));
  loadTour();
}

async function doTourStep() {
  toast(t("working"));
  const result = await act("/api/tour/do", { step: state.tourStep });
  if (result) moveTour(1);
}

function wire() {
  $("persona").onchange = (e) => {
    state.persona = e.target.value; state.chat = personaId(); state.last = "";
    $("chat-list").replaceChildren(); // nothing of the previous persona's left to click
    refresh();
  };
  $("persona-lang").onchange = (e) => act("/api/language", { language: e.target.value });
  $("t-hour").onclick = () => travel("hour");
  $("t-day").onclick = () => travel("day");
  $("t-next").onclick = () => travel("next");
  $("ui-lang").onclick = () => { state.ui = state.ui === "zh" ? "en" : "zh"; applyUiLanguage(); };
  $("tour-toggle").onclick = () => { $("tour").hidden = !$("tour").hidden; };
  $("tour-prev").onclick = () => moveTour(-1);
  $("tour-next").onclick = () => moveTour(1);
  $("tour-do").onclick = doTourStep;
  $("join").onclick = () => act("/api/join_request", { chat: state.chat });
  $("leave").onclick = () => act("/api/leave", { chat: state.chat });
  $("composer").onsubmit = (e) => {
    e.preventDefault();
    const text = $("text").value.trim();
    if (!text) return;
    $("text").value = "";
    act("/api/send", { chat: state.chat, text });
  };
  $("messages").onclick = (e) => {
    const command = e.target.closest(".command");
    if (command) act("/api/send", { chat: state.chat, text: command.dataset.command });
    const spoiler = e.target.closest(".spoiler");
    if (spoiler) spoiler.classList.add("shown");
  };
}

function personaId() {
  return state.meta.personas.find((p) => p.key === state.persona).id;
}

async function main() {
  state.meta = await api("/api/meta");
  state.persona = state.meta.personas[0].key;
  state.chat = personaId();
  $("tz").textContent = state.meta.timezone;
  wire();
  applyUiLanguage();
  setInterval(() => refresh().catch(() => {}), 500);
}

main();
