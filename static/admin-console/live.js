// Live takeover view: frames arrive on the staff websocket (the conversation's channel-layer
// group, from any server process); customer messages are also fetched from a small JSON endpoint,
// so the transcript stays current even if the socket drops. Messages are keyed by id: no doubles.
(() => {
  const root = document.getElementById("live");
  if (!root) return;
  const list = document.getElementById("transcript");
  const conn = document.getElementById("conn");
  const statusPill = document.getElementById("status");
  const form = document.getElementById("reply-form");
  const box = document.getElementById("reply-text");
  const replyStatus = document.getElementById("reply-status");
  const statusLabels = { open: "Open", waiting: "Waiting for a person", with_person: "With a person", closed: "Closed" };
  const seen = new Set([...list.querySelectorAll("[data-message-id]")].map((li) => li.dataset.messageId));
  let lastSeen = new Date().toISOString();

  // Times as the server writes the rest of the transcript ("Dec 3, 06:50:13", Django's "M j, H:i:s"),
  // in the server's time zone, not the browser's locale and zone: one transcript, one clock.
  const clock = new Intl.DateTimeFormat("en-US", {
    timeZone: root.dataset.timeZone || "UTC", month: "short", day: "numeric",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
  });
  function formatTime(value) {
    const parts = Object.fromEntries(clock.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
    return `${parts.month} ${parts.day}, ${parts.hour}:${parts.minute}:${parts.second}`;
  }

  const scrollDown = () => { list.scrollTop = list.scrollHeight; };
  const traceUrl = (runId) => root.dataset.traceUrl.replace("00000000-0000-0000-0000-000000000000", runId);

  function addMessage(m) {
    if (!m.message_id || seen.has(m.message_id)) return;
    seen.add(m.message_id);
    const li = document.createElement("li");
    li.className = m.role + (m.delivered === false ? " undelivered" : "");
    li.dataset.messageId = m.message_id;
    const meta = document.createElement("span");
    meta.className = "meta";
    const who = m.role === "user" ? "Customer" : m.role === "staff" ? `${m.author || "Support team"} (staff)` : "Assistant";
    meta.textContent = `${who} · ${formatTime(m.created_at || Date.now())}`;
    if (m.run_id && m.role === "assistant") {
      const a = document.createElement("a");
      a.href = traceUrl(m.run_id);
      a.textContent = ` · run ${m.run_id.slice(0, 8)}`;
      meta.appendChild(a);
    }
    li.appendChild(meta);
    // The agents' and staff's Markdown arrives rendered and sanitised by the server (the customer's
    // chat shows the same HTML); the customer's own words are shown exactly as typed.
    const rendered = typeof m.html === "string" && m.role !== "user";
    const body = document.createElement(rendered ? "div" : "span");
    body.className = rendered ? "text md" : "text";
    if (rendered) body.innerHTML = m.html;
    else body.textContent = m.text;
    li.appendChild(body);
    list.appendChild(li);
    scrollDown();
  }

  function setStatus(status) {
    statusPill.textContent = statusLabels[status] || status;
    statusPill.dataset.status = status;
    // A reply takes the conversation: "Take this conversation" would offer what is done already.
    const take = document.getElementById("take-form");
    if (take) take.hidden = !(status === "waiting" || status === "open");
  }

  function onFrame(f) {
    if (f.type === "staff.message") addMessage({ ...f, role: "staff" });
    else if (f.type === "assistant.message") addMessage({ ...f, role: "assistant" });
    else if (f.type === "customer.message" || f.type === "user.message") addMessage({ ...f, role: "user" });
    else if (f.type === "conversation.state") f.messages.forEach(addMessage);
    else if (f.type === "conversation.status") setStatus(f.status);
  }

  let socket;
  function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    socket = new WebSocket(`${scheme}://${location.host}${root.dataset.wsPath}`);
    socket.onopen = () => { conn.textContent = "live"; conn.className = "nw-conn on"; };
    socket.onclose = () => { conn.textContent = "reconnecting…"; conn.className = "nw-conn off"; setTimeout(connect, 2000); };
    socket.onmessage = (e) => onFrame(JSON.parse(e.data));
  }
  connect();

  async function poll() {
    try {
      const r = await fetch(`${root.dataset.messagesUrl}?after=${encodeURIComponent(lastSeen)}`, { headers: { Accept: "application/json" } });
      if (r.ok) {
        const data = await r.json();
        data.messages.forEach((m) => { addMessage(m); if (m.created_at > lastSeen) lastSeen = m.created_at; });
        setStatus(data.status);
      }
    } catch (err) { /* offline for a moment: the next poll catches up */ }
    setTimeout(poll, 3000);
  }
  setTimeout(poll, 3000);

  if (form) {
    // The page's other forms (take, refund, unlock, hand back) reload it: a reply being written is kept
    // for this tab until it is sent.
    const draftKey = `nw-reply-draft:${form.action}`;
    if (!box.value) box.value = sessionStorage.getItem(draftKey) || "";
    box.addEventListener("input", () => {
      if (box.value) sessionStorage.setItem(draftKey, box.value);
      else sessionStorage.removeItem(draftKey);
    });
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const text = box.value.trim();
      if (!text) return;
      const body = new FormData(form);
      replyStatus.textContent = "Sending…";
      const r = await fetch(form.action, { method: "POST", body, headers: { Accept: "application/json", "X-CSRFToken": body.get("csrfmiddlewaretoken") } });
      const data = await r.json();
      if (r.ok) { addMessage(data); box.value = ""; sessionStorage.removeItem(draftKey); replyStatus.textContent = "Sent. The customer sees it at once."; setStatus("with_person"); }
      else replyStatus.textContent = data.detail || "Could not send the reply.";
    });
    box.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) form.requestSubmit(); });
  }
  scrollDown();
})();
