// The newslint web page: send the article to /v1/check, mark each finding in place, apply fixes.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const area = $("article"), view = $("view"), list = $("findings"), status = $("status");
  let last = null; // the latest answer, with the text it was for

  function chars(text) { return Array.from(text); } // offsets count code points

  function escapeText(node, text) { node.appendChild(document.createTextNode(text)); }

  async function check() {
    const text = area.value;
    status.textContent = "Checking…";
    let reply;
    try {
      const r = await fetch("/v1/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: text, format: $("format").value }),
      });
      reply = await r.json();
      if (!r.ok) { status.textContent = "Error: " + (reply.error ? reply.error.message : r.status); return; }
    } catch (e) { status.textContent = "Error: " + e; return; }
    last = { text: text, reply: reply };
    render();
    status.textContent = reply.findings.length + " finding(s)";
  }

  function render() {
    const { text, reply } = last;
    const cps = chars(text);
    view.textContent = "";
    list.textContent = "";
    const order = reply.spans.map((s, i) => i).sort((a, b) => reply.spans[a].start - reply.spans[b].start);
    let pos = 0;
    for (const i of order) {
      const s = reply.spans[i], f = reply.findings[i];
      if (s.start < pos) continue; // overlapping findings: the list still shows them
      escapeText(view, cps.slice(pos, s.start).join(""));
      const m = document.createElement("mark");
      m.className = f.severity;
      m.id = "finding-" + i;
      m.tabIndex = 0;
      m.title = f.rule + ": " + f.message;
      m.setAttribute("aria-label", f.severity + " " + f.rule + ": " + f.message);
      m.textContent = cps.slice(s.start, Math.max(s.end, s.start)).join("") || "\u00a0";
      view.appendChild(m);
      pos = s.end;
    }
    escapeText(view, cps.slice(pos).join(""));
    reply.findings.forEach((f, i) => list.appendChild(item(f, i)));
    $("count").textContent = "(" + reply.findings.length + ")";
    $("fix-all").disabled = reply.fixes_applied === 0;
    $("download").disabled = false;
  }

  function item(f, i) {
    const li = document.createElement("li");
    const go = document.createElement("button");
    go.type = "button";
    go.className = "goto";
    go.textContent = f.line + ":" + f.column;
    go.addEventListener("click", () => show(i));
    const sev = document.createElement("span");
    sev.className = "sev " + f.severity;
    sev.textContent = " " + f.severity + " ";
    const rule = document.createElement("code");
    rule.textContent = f.rule;
    li.append(go, sev, rule, document.createTextNode(" " + f.message));
    if (f.fix) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "apply";
      b.textContent = f.fix.safe ? "Apply fix" : "Apply fix (unsafe)";
      b.addEventListener("click", () => applyOne(i));
      li.appendChild(b);
    }
    return li;
  }

  function show(i) {
    document.querySelectorAll("mark.current").forEach((m) => m.classList.remove("current"));
    const m = $("finding-" + i);
    if (!m) return;
    m.classList.add("current");
    m.scrollIntoView({ block: "center" });
    m.focus();
  }

  function applyOne(i) {
    const s = last.reply.spans[i], f = last.reply.findings[i];
    const cps = chars(last.text);
    area.value = cps.slice(0, s.fix_start).join("") + f.fix.replacement + cps.slice(s.fix_end).join("");
    check();
  }

  function applyAll() {
    area.value = last.reply.fixed_text;
    check();
  }

  function download() {
    const ext = { md: "md", html: "html", txt: "txt" }[$("format").value];
    const url = URL.createObjectURL(new Blob([area.value], { type: "text/plain;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "article." + ext;
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  }

  function drop(e) {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (!file) return;
    const ext = file.name.split(".").pop().toLowerCase();
    $("format").value = { md: "md", markdown: "md", html: "html", htm: "html" }[ext] || "txt";
    file.text().then((t) => { area.value = t; check(); });
  }

  $("check").addEventListener("click", check);
  $("fix-all").addEventListener("click", applyAll);
  $("download").addEventListener("click", download);
  area.addEventListener("dragover", (e) => e.preventDefault());
  area.addEventListener("drop", drop);
  area.addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) check(); });
})();
