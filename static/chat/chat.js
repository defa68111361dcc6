// The Northwind support chat page: one websocket, the frames of DESIGN.md §4, no build step.
//
// Messages are never sent twice: each gets a client_id when typed and waits in an outbox
// (kept in sessionStorage, so a reload keeps it) until the server acknowledges it. After a
// reconnect the server's conversation.state says which ones it already has; the rest are sent
// again with the same client_id, which the server stores once.
(() => {
  "use strict";

  const config = JSON.parse(document.getElementById("chat-config").textContent);
  const $ = (id) => document.getElementById(id);
  const log = $("log");
  const progress = $("progress");
  const form = $("composer");
  const box = $("message");
  const errorLine = $("composer-error");
  const counter = $("counter");
  const connection = $("connection");
  const announcer = $("announcer");
  const statusLine = $("status-line");
  const handoffButton = $("handoff");
  const welcome = $("welcome");
  const conversationList = $("conversation-list");

  const CONVERSATION_KEY = `nw-chat:${config.owner}:conversation`;
  const OUTBOX_KEY = `nw-chat:${config.owner}:outbox`;
  const MAX_BACKOFF_MS = 15000;

  let socket = null;
  let conversationId = sessionStorage.getItem(CONVERSATION_KEY);
  let status = "open";
  let attempt = 0;
  let everConnected = false;
  let reconnectTimer = null;
  let flushTimer = null;
  let forgetConversation = false;
  let handoffWanted = false; // asked for a person while the socket was down: ask on (re)connect
  const outbox = loadOutbox(); // [{client_id, text, conversation_id, state, detail}]
  const bubbles = new Map(); // client_id or message_id -> <li>
  const streaming = new Map(); // run_id -> <li> being written
  const runningSteps = new Map(); // step_id -> label
  // Runs whose reply this page has. Their progress frames can still arrive after it: a socket
  // joins the conversation's group before the server reads the stored conversation, so frames
  // sent in between come after conversation.state, reply included. They are news no more.
  const answeredRuns = new Set();

  // --- small helpers -------------------------------------------------------------------------
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text; // text only: never parsed as HTML
    return node;
  }

  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16)); // plain-HTTP hosts lack randomUUID
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function charCount(text) {
    return [...text.trim()].length; // code points, as the server counts them
  }

  function loadOutbox() {
    try {
      return JSON.parse(sessionStorage.getItem(OUTBOX_KEY) || "[]");
    } catch (_) {
      return [];
    }
  }

  function saveOutbox() {
    sessionStorage.setItem(OUTBOX_KEY, JSON.stringify(outbox));
  }

  function announce(text) {
    // Re-setting the same text would not be announced again, so clear first.
    announcer.textContent = "";
    window.setTimeout(() => { announcer.textContent = text; }, 50);
  }

  function nearBottom() {
    return log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  }

  function scrollToEnd(force) {
    if (force || nearBottom()) log.scrollTop = log.scrollHeight;
  }

  function isOpen() {
    return socket !== null && socket.readyState === WebSocket.OPEN && socket.ready;
  }

  function sendFrame(frame) {
    if (!isOpen()) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  function updateWelcome() {
    if (welcome) welcome.hidden = log.children.length > 0;
  }

  // --- rendering messages --------------------------------------------------------------------
  function sourcesBlock(sources) {
    const wrap = el("div", "msg-sources");
    const faq = (sources || []).find((s) => s.kind === "faq");
    if (faq) wrap.appendChild(el("p", "msg-source", `From the help centre: ${faq.title}`));
    const articles = (sources || []).filter((s) => s.kind === "article");
    if (articles.length) {
      const para = el("p", "msg-source", "Help-centre articles: ");
      articles.forEach((article, index) => {
        const link = el("a", "", article.title);
        link.href = article.url || `/help/${encodeURIComponent(article.ref)}/`;
        if (index) para.appendChild(document.createTextNode(" · "));
        para.appendChild(link);
      });
      wrap.appendChild(para);
    }
    (sources || []).filter((s) => s.kind === "incident").forEach((incident) => {
      wrap.appendChild(el("p", "msg-source", `Service status: ${incident.title}`));
    });
    return wrap.children.length ? wrap : null;
  }

  function setBody(body, frame) {
    if (typeof frame.html === "string") body.innerHTML = frame.html; // rendered and sanitised by the server
    else body.textContent = frame.text;
  }

  function userBubble(text, clientId) {
    const li = el("li", "msg msg-user");
    li.appendChild(el("p", "msg-meta sr-only", "You"));
    li.appendChild(el("div", "msg-body", text));
    li.appendChild(el("p", "msg-state"));
    if (clientId) li.dataset.clientId = clientId;
    return li;
  }

  function setUserState(li, state, detail) {
    li.dataset.state = state;
    const line = li.querySelector(".msg-state");
    const words = {
      sending: "Sending…",
      queued: "Waiting for the connection — will send when we're back",
      sent: "",
      failed: `Not sent: ${detail || "please try again"}`,
      waiting: detail || "Waiting to send…",
    };
    line.textContent = words[state] || "";
  }

  function assistantBubble(frame) {
    const li = el("li", "msg msg-assistant");
    li.appendChild(el("p", "msg-meta", "Northwind assistant"));
    const body = el("div", "msg-body");
    li.appendChild(body);
    fillAssistant(li, frame);
    return li;
  }

  function fillAssistant(li, frame) {
    li.classList.remove("streaming");
    li.removeAttribute("aria-busy");
    const body = li.querySelector(".msg-body");
    setBody(body, frame);
    li.querySelectorAll(".msg-sources, .feedback").forEach((node) => node.remove());
    const sources = sourcesBlock(frame.sources);
    if (sources) li.appendChild(sources);
    if (frame.message_id) {
      li.dataset.messageId = frame.message_id;
      li.appendChild(feedbackBlock(frame.message_id, frame.feedback || null));
      bubbles.set(frame.message_id, li);
    }
  }

  function staffBubble(frame) {
    const li = el("li", "msg msg-staff");
    const meta = el("p", "msg-meta");
    meta.appendChild(el("span", "", `${frame.author || "Support team"} · Northwind support team`));
    meta.appendChild(el("span", "badge", "Person"));
    li.appendChild(meta);
    const body = el("div", "msg-body");
    setBody(body, frame);
    li.appendChild(body);
    if (frame.message_id) {
      li.dataset.messageId = frame.message_id;
      bubbles.set(frame.message_id, li);
    }
    return li;
  }

  function notice(text) {
    const li = el("li", "notice", text);
    log.appendChild(li);
    updateWelcome();
    scrollToEnd(true);
    return li;
  }

  // --- feedback -----------------------------------------------------------------------------
  // Drawn, not an emoji: many systems (and headless browsers) have no colour-emoji font.
  const THUMB_PATH = "M2 10h4v11H2zM8 21h9.3a2 2 0 0 0 2-1.6l1.6-7A2 2 0 0 0 19 10h-5.2l.8-4.1a1.8 1.8 0 0 0-3.2-1.4L8 9.5z";
  function thumbIcon() {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", THUMB_PATH);
    svg.appendChild(path);
    return svg;
  }

  function feedbackBlock(messageId, rating) {
    const wrap = el("div", "feedback");
    const row = el("div", "feedback-row");
    row.setAttribute("role", "group");
    row.setAttribute("aria-label", "Was this reply helpful?");
    row.appendChild(el("span", "feedback-question", "Helpful?"));
    const up = el("button", "thumb");
    up.type = "button";
    up.setAttribute("aria-label", "Helpful");
    up.appendChild(thumbIcon());
    const down = el("button", "thumb thumb-down");
    down.type = "button";
    down.setAttribute("aria-label", "Not helpful");
    down.appendChild(thumbIcon());
    row.append(up, down);
    const thanks = el("span", "feedback-thanks");
    thanks.setAttribute("role", "status");
    row.appendChild(thanks);
    wrap.appendChild(row);

    const commentForm = el("form", "feedback-comment");
    commentForm.hidden = true;
    const fieldId = `feedback-${messageId}`;
    const label = el("label", "", "Tell us more (optional)");
    label.htmlFor = fieldId;
    const field = el("textarea");
    field.id = fieldId;
    field.rows = 2;
    field.maxLength = 2000;
    const submit = el("button", "button-secondary", "Send feedback");
    submit.type = "submit";
    commentForm.append(label, field, submit);
    wrap.appendChild(commentForm);

    const press = (value) => {
      up.setAttribute("aria-pressed", String(value === "up"));
      down.setAttribute("aria-pressed", String(value === "down"));
      wrap.dataset.rating = value || "";
    };
    press(rating);
    const rate = (value) => {
      if (!sendFrame({ type: "feedback", message_id: messageId, rating: value })) {
        thanks.textContent = "You're offline — try again in a moment.";
        return;
      }
      press(value);
      commentForm.hidden = false;
      if (value === "down") field.focus();
    };
    up.addEventListener("click", () => rate("up"));
    down.addEventListener("click", () => rate("down"));
    commentForm.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = wrap.dataset.rating || "down";
      if (!sendFrame({ type: "feedback", message_id: messageId, rating: value, comment: field.value })) {
        thanks.textContent = "You're offline — try again in a moment.";
        return;
      }
      commentForm.dataset.sent = "1";
    });
    return wrap;
  }

  function feedbackSaved(frame) {
    const li = bubbles.get(frame.message_id);
    if (!li) return;
    const wrap = li.querySelector(".feedback");
    const commentForm = wrap.querySelector(".feedback-comment");
    wrap.querySelector(".feedback-thanks").textContent = frame.comment
      ? "Thanks — your comment was saved."
      : "Thanks for your feedback.";
    if (frame.comment) commentForm.hidden = true;
  }

  // --- progress and status -------------------------------------------------------------------
  function showProgress() {
    const labels = [...runningSteps.values()];
    progress.textContent = labels.length ? labels[labels.length - 1] : "";
    progress.classList.toggle("active", labels.length > 0);
  }

  function clearProgress() {
    runningSteps.clear();
    showProgress();
  }

  const STATUS_LINES = {
    open: "Our assistant answers in seconds, day and night.",
    waiting: "Waiting for a person from our support team — they'll reply here.",
    with_person: "You're chatting with a person from our support team.",
    closed: "This conversation is closed. Write a message to reopen it.",
  };

  // Waiting only for a member of staff to approve something (a refund above the agents' limit): the
  // assistant still answers, and the customer can still ask for a person.
  const APPROVAL_ONLY = "policy_needs_approval";
  let statusReason = "";
  function agentsAnswer(s = status, reason = statusReason) {
    return s === "open" || (s === "waiting" && reason === APPROVAL_ONLY);
  }

  function setStatus(next, reason, live) {
    const previous = status;
    const previousReason = statusReason;
    status = next;
    statusReason = reason || "";
    const approvalOnly = next === "waiting" && statusReason === APPROVAL_ONLY;
    statusLine.textContent = approvalOnly
      ? "A member of our staff is reviewing a request of yours; our assistant still answers here."
      : STATUS_LINES[next] || "";
    const personInvolved = !approvalOnly && (next === "waiting" || next === "with_person");
    handoffButton.disabled = personInvolved;
    handoffButton.textContent = personInvolved ? "A person is on the way" : "Talk to a person";
    if (next === "with_person") handoffButton.textContent = "With a person";
    document.body.dataset.status = approvalOnly ? "open" : next;
    if (!live || (previous === next && previousReason === statusReason)) return;
    if (approvalOnly) return; // the reply that asked for the approval has said so
    refreshConversations(); // the list shows each conversation's status too
    let text = "";
    if (next === "waiting") {
      clearProgress();
      text = reason === "customer_asked"
        // Not "you asked for a person": a complaint that support hasn't answered is handed over for the same reason.
        ? "A person from our support team will reply here, usually within a few minutes during support hours."
        : "We've passed your conversation to our support team. A person will reply here.";
    } else if (next === "with_person") {
      text = "A person from our support team has joined the conversation.";
    } else if (next === "open" && ((previous === "waiting" && previousReason !== APPROVAL_ONLY)
                                   || previous === "with_person")) {
      text = "Our support team handed the conversation back to the Northwind assistant. You can carry on here.";
    } else if (next === "closed") {
      text = "This conversation was closed. Write a message to reopen it.";
    }
    if (text) {
      notice(text);
      announce(text);
    }
  }

  // --- the conversation list (signed-in customers) --------------------------------------------
  let listTimer = null;
  function refreshConversations() {
    if (!conversationList) return;
    window.clearTimeout(listTimer);
    listTimer = window.setTimeout(async () => {
      try {
        const response = await fetch(config.conversationsUrl, { credentials: "same-origin" });
        if (!response.ok) return;
        renderConversations((await response.json()).conversations);
      } catch (_) {
        // Offline: the list refreshes with the next state.
      }
    }, 150);
  }

  function renderConversations(items) {
    conversationList.replaceChildren();
    const STATUS_WORDS = { open: "Open", waiting: "Waiting for a person", with_person: "With a person", closed: "Closed" };
    items.forEach((item) => {
      const li = el("li");
      const button = el("button", "conversation-item");
      button.type = "button";
      button.appendChild(el("span", "conversation-title", item.title));
      const when = new Date(item.last_message_at);
      button.appendChild(
        el("span", "conversation-meta", `${item.status === "waiting" && item.reason === APPROVAL_ONLY
          ? "Waiting for an approval" : STATUS_WORDS[item.status] || item.status} · ${when.toLocaleDateString()}`),
      );
      if (item.conversation_id === conversationId) button.setAttribute("aria-current", "true");
      button.addEventListener("click", () => switchConversation(item.conversation_id));
      li.appendChild(button);
      conversationList.appendChild(li);
    });
  }

  function switchConversation(id) {
    if (id === conversationId && isOpen()) return;
    conversationId = id;
    sessionStorage.setItem(CONVERSATION_KEY, id);
    const old = socket;
    socket = null; // its close must not schedule a reconnect
    if (old) old.close();
    log.replaceChildren();
    bubbles.clear();
    streaming.clear();
    answeredRuns.clear();
    clearProgress();
    toggleHistory(false);
    connect();
    box.focus();
  }

  async function startConversation() {
    const token = (document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/) || [])[1] || "";
    try {
      const response = await fetch(config.conversationsUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": decodeURIComponent(token) },
      });
      if (!response.ok) throw new Error(String(response.status));
      switchConversation((await response.json()).conversation_id);
      refreshConversations();
    } catch (_) {
      showError("We couldn't start a new conversation just now. Please try again.");
    }
  }

  const historyToggle = $("history-toggle");
  function toggleHistory(open) {
    if (!historyToggle) return;
    historyToggle.setAttribute("aria-expanded", String(open));
    $("chat-layout").classList.toggle("show-history", open);
  }

  // --- frames from the server ----------------------------------------------------------------
  function onState(frame) {
    conversationId = frame.conversation_id;
    sessionStorage.setItem(CONVERSATION_KEY, conversationId);
    log.replaceChildren();
    bubbles.clear();
    streaming.clear();
    clearProgress();
    const storedClientIds = new Set();
    frame.messages.forEach((message) => {
      let li;
      if (message.role === "user") {
        li = userBubble(message.text, message.client_id);
        setUserState(li, "sent");
        if (message.client_id) storedClientIds.add(message.client_id);
      } else if (message.role === "assistant") {
        li = assistantBubble(message);
        if (message.run_id) answeredRuns.add(message.run_id);
      } else if (message.role === "staff") {
        li = staffBubble(message);
      } else {
        return;
      }
      bubbles.set(message.message_id, li);
      log.appendChild(li);
    });
    setStatus(frame.status, frame.reason || "", false);
    // Messages the server already has were delivered (their ack was lost); the rest go again.
    for (let i = outbox.length - 1; i >= 0; i -= 1) {
      if (storedClientIds.has(outbox[i].client_id)) outbox.splice(i, 1);
    }
    outbox.forEach((item) => {
      if (!item.conversation_id) item.conversation_id = conversationId;
      if (item.conversation_id !== conversationId) return;
      const li = userBubble(item.text, item.client_id);
      setUserState(li, item.state === "failed" ? "failed" : "queued", item.detail);
      bubbles.set(item.client_id, li);
      log.appendChild(li);
    });
    saveOutbox();
    const last = frame.messages[frame.messages.length - 1];
    if (last && last.role === "user" && agentsAnswer()) {
      runningSteps.set("pending", "Working on your message…");
      showProgress();
      expectReply();
    } else {
      replyArrived();
    }
    updateWelcome();
    scrollToEnd(true);
    flushOutbox();
    if (handoffWanted && agentsAnswer() && sendFrame({ type: "handoff.request" })) {
      handoffWanted = false;
      showError("");
    }
    refreshConversations();
  }

  function onAck(frame) {
    const index = outbox.findIndex((item) => item.client_id === frame.client_id);
    if (index >= 0) outbox.splice(index, 1);
    saveOutbox();
    if (agentsAnswer()) expectReply();
    const li = bubbles.get(frame.client_id);
    if (li) {
      setUserState(li, "sent");
      bubbles.set(frame.message_id, li);
    }
    if (agentsAnswer() && !runningSteps.size) {
      runningSteps.set("pending", "Working on your message…");
      showProgress();
    }
    refreshConversations();
  }

  function onStep(frame) {
    runningSteps.delete("pending");
    if (frame.status === "started" && frame.label) runningSteps.set(frame.step_id, frame.label);
    else runningSteps.delete(frame.step_id);
    showProgress();
  }

  function onDelta(frame) {
    let li = streaming.get(frame.run_id);
    if (!li) {
      li = el("li", "msg msg-assistant streaming");
      li.setAttribute("aria-busy", "true");
      li.appendChild(el("p", "msg-meta", "Northwind assistant"));
      li.appendChild(el("div", "msg-body"));
      streaming.set(frame.run_id, li);
      log.appendChild(li);
      updateWelcome();
    }
    const body = li.querySelector(".msg-body");
    // A reset means the agents dropped that draft (the critic asked for a revision, or the
    // stream was cut and another writer took over): start the bubble again.
    if (frame.reset) body.textContent = "";
    body.textContent += frame.text; // partial Markdown shows as plain text until the reply is complete
    scrollToEnd(false);
  }

  function onAssistant(frame) {
    if (frame.run_id) answeredRuns.add(frame.run_id);
    if (frame.message_id && bubbles.has(frame.message_id)) return; // already shown (state after reconnect)
    const li = streaming.get(frame.run_id) || assistantBubble(frame);
    if (streaming.has(frame.run_id)) {
      streaming.delete(frame.run_id);
      fillAssistant(li, frame);
    }
    if (!li.isConnected) log.appendChild(li);
    clearProgress();
    updateWelcome();
    scrollToEnd(true);
    announce(`Northwind assistant: ${frame.text}`);
  }

  function onStaff(frame) {
    if (frame.message_id && bubbles.has(frame.message_id)) return;
    log.appendChild(staffBubble(frame));
    updateWelcome();
    scrollToEnd(true);
    announce(`${frame.author || "Support team"} from our support team: ${frame.text}`);
  }

  function onError(frame) {
    if (frame.code === "conversation_not_found") {
      forgetConversation = true; // the server closes this socket; connect to our latest instead
      return;
    }
    if (frame.message_id && bubbles.has(frame.message_id)) {
      const thanks = bubbles.get(frame.message_id).querySelector(".feedback-thanks");
      if (thanks) thanks.textContent = frame.detail;
      return;
    }
    const item = frame.client_id && outbox.find((entry) => entry.client_id === frame.client_id);
    if (!item) {
      showError(frame.detail);
      return;
    }
    const li = bubbles.get(item.client_id);
    if (frame.code === "rate_limited" || frame.code === "unavailable") {
      // Not accepted yet: keep it and send it again by itself when the server says.
      const seconds = Number(frame.retry_after) || 3;
      item.state = "waiting";
      if (li) setUserState(li, "waiting", `${frame.detail} We'll send it for you.`);
      showError(frame.detail);
      window.clearTimeout(flushTimer);
      flushTimer = window.setTimeout(flushOutbox, seconds * 1000);
    } else {
      item.state = "failed";
      item.detail = frame.detail;
      if (li) setUserState(li, "failed", frame.detail);
      outbox.splice(outbox.indexOf(item), 1);
      showError(frame.detail);
    }
    saveOutbox();
  }

  const handlers = {
    "conversation.state": onState,
    "message.ack": onAck,
    "agent.step": onStep,
    "assistant.delta": onDelta,
    "assistant.message": onAssistant,
    "staff.message": onStaff,
    "conversation.status": (frame) => setStatus(frame.status, frame.reason, true),
    "feedback.ack": feedbackSaved,
    error: onError,
  };

  // --- a reply that is overdue ----------------------------------------------------------------
  // A frame can be lost while the socket stays open (a channel layer briefly unreachable, a full
  // queue). The server always stores the reply first, so when one is awaited and nothing has been
  // heard for a while, the page loads the conversation again over a fresh socket; what it already
  // shows is not shown twice.
  let overdueTimer = null;

  function expectReply() {
    window.clearTimeout(overdueTimer);
    overdueTimer = window.setTimeout(resync, config.resyncAfterMs || 20000);
  }

  function replyArrived() {
    window.clearTimeout(overdueTimer);
    overdueTimer = null;
  }

  function isStale(frame) {
    return (frame.type === "agent.step" || frame.type === "assistant.delta") && answeredRuns.has(frame.run_id);
  }

  function heard(frame) {
    if (frame.type === "assistant.message" || frame.type === "staff.message") replyArrived();
    else if (frame.type === "conversation.status" && !agentsAnswer(frame.status, frame.reason)) replyArrived();
    else if (overdueTimer !== null && (frame.type === "agent.step" || frame.type === "assistant.delta")) expectReply();
  }

  function resync() {
    overdueTimer = null;
    if (!isOpen()) return; // a reconnect is under way and will load the conversation anyway
    const old = socket;
    socket = null; // its close must not schedule a reconnect
    old.close();
    connect();
  }

  // --- the connection ------------------------------------------------------------------------
  function connect() {
    window.clearTimeout(reconnectTimer);
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const query = conversationId ? `?conversation=${encodeURIComponent(conversationId)}` : "";
    const ws = new WebSocket(`${scheme}://${location.host}/ws/chat/${query}`);
    ws.ready = false;
    socket = ws;
    ws.addEventListener("message", (event) => {
      if (ws !== socket) return;
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (_) {
        return;
      }
      if (frame.type === "conversation.state") {
        ws.ready = true;
        connected();
      }
      if (isStale(frame)) return;
      const handler = handlers[frame.type];
      if (handler) handler(frame);
      heard(frame);
    });
    ws.addEventListener("close", () => {
      if (ws !== socket) return; // replaced on purpose (switching conversations)
      socket = null;
      if (forgetConversation) {
        forgetConversation = false;
        conversationId = null;
        sessionStorage.removeItem(CONVERSATION_KEY);
      }
      scheduleReconnect();
    });
  }

  function connected() {
    if (attempt > 0 || (everConnected && connection.textContent)) {
      connection.textContent = "Connected again.";
      connection.dataset.state = "ok";
      window.setTimeout(() => {
        if (connection.dataset.state === "ok") {
          connection.textContent = "";
          delete connection.dataset.state;
        }
      }, 3000);
    }
    everConnected = true;
    attempt = 0;
  }

  function scheduleReconnect() {
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt += 1;
    connection.textContent = navigator.onLine === false
      ? "You're offline. Reconnecting when you're back… Messages you write now will be sent then."
      : "Reconnecting… Messages you write now will be sent when we're back.";
    connection.dataset.state = "lost";
    markQueued();
    reconnectTimer = window.setTimeout(connect, delay);
  }

  function reconnectNow() {
    if (socket === null) {
      attempt = Math.max(attempt - 1, 0);
      connect();
    }
  }

  function markQueued() {
    outbox.forEach((item) => {
      const li = bubbles.get(item.client_id);
      if (li && li.dataset.state === "sending") setUserState(li, "queued");
    });
  }

  function flushOutbox() {
    if (!isOpen()) return;
    outbox.forEach((item) => {
      if (item.conversation_id && item.conversation_id !== conversationId) return;
      if (item.state === "failed") return;
      item.conversation_id = conversationId;
      item.state = "sending";
      const li = bubbles.get(item.client_id);
      if (li) setUserState(li, "sending");
      sendFrame({ type: "user.message", text: item.text, client_id: item.client_id });
    });
    saveOutbox();
  }

  // --- the composer --------------------------------------------------------------------------
  function showError(text) {
    errorLine.textContent = text || "";
  }

  function updateCounter() {
    const count = charCount(box.value);
    const over = count > config.maxMessageChars;
    counter.textContent = count > config.maxMessageChars * 0.8 ? `${count} / ${config.maxMessageChars}` : "";
    counter.classList.toggle("over", over);
    box.setAttribute("aria-invalid", String(over));
    if (over) showError(`Your message is too long: ${count} characters, and the most is ${config.maxMessageChars}. Please shorten it.`);
    else if (errorLine.textContent.startsWith("Your message is too long")) showError("");
  }

  function autoGrow() {
    box.style.height = "auto";
    box.style.height = `${Math.min(box.scrollHeight, 200)}px`;
  }

  function submitMessage(text) {
    const clean = text.trim();
    if (!clean) return false;
    const count = charCount(clean);
    if (count > config.maxMessageChars) {
      showError(`Your message is too long: ${count} characters, and the most is ${config.maxMessageChars}. Please shorten it.`);
      box.focus();
      return false;
    }
    showError("");
    const item = { client_id: newClientId(), text: clean, conversation_id: conversationId, state: "sending" };
    outbox.push(item);
    saveOutbox();
    const li = userBubble(clean, item.client_id);
    bubbles.set(item.client_id, li);
    log.appendChild(li);
    updateWelcome();
    if (isOpen()) {
      setUserState(li, "sending");
      sendFrame({ type: "user.message", text: clean, client_id: item.client_id });
    } else {
      item.state = "queued";
      setUserState(li, "queued");
    }
    scrollToEnd(true);
    return true;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (submitMessage(box.value)) {
      box.value = "";
      updateCounter();
      autoGrow();
    }
    box.focus();
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  box.addEventListener("input", () => {
    updateCounter();
    autoGrow();
  });
  document.querySelectorAll(".suggestion").forEach((button) => {
    button.addEventListener("click", () => {
      submitMessage(button.textContent);
      box.focus();
    });
  });
  handoffButton.addEventListener("click", () => {
    // Like a typed message, the request is never lost: without a connection it goes out on connect.
    if (!sendFrame({ type: "handoff.request" })) {
      handoffWanted = true;
      showError("We'll ask for a person as soon as we're connected.");
    }
  });
  const newButton = $("new-conversation");
  if (newButton) newButton.addEventListener("click", startConversation);
  if (historyToggle) {
    historyToggle.addEventListener("click", () => {
      toggleHistory(historyToggle.getAttribute("aria-expanded") !== "true");
    });
  }
  window.addEventListener("online", reconnectNow);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") reconnectNow();
  });

  connect();
  // From here the composer's keys are handled: Enter sends. Until then (the script is deferred), Enter typed into the
  // box is a plain newline; the browser tests wait for this mark before typing.
  form.dataset.ready = "true";
})();
