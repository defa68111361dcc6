(() => {
  const log = document.getElementById("log");
  const progress = document.getElementById("progress");
  const form = document.getElementById("composer");
  const box = document.getElementById("message");
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}/ws/chat/`);
  const add = (role, text) => { const li = document.createElement("li"); li.className = role; li.textContent = text; log.appendChild(li); };
  socket.onmessage = (e) => {
    const f = JSON.parse(e.data);
    if (f.type === "conversation.state") f.messages.forEach((m) => add(m.role, m.text));
    else if (f.type === "agent.step") progress.textContent = f.status === "started" ? f.label : "";
    else if (f.type === "assistant.message") { progress.textContent = ""; add("assistant", f.text); }
    else if (f.type === "staff.message") add("staff", f.text);
    else if (f.type === "error") add("error", f.detail);
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = box.value.trim(); if (!text) return;
    add("user", text); box.value = "";
    socket.send(JSON.stringify({ type: "user.message", text, client_id: crypto.randomUUID() }));
  });
})();
