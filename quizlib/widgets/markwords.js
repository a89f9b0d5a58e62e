// Mark-the-words: a passage in which candidate words are toggle buttons.
// Text is set with textContent only (never innerHTML), so article text cannot inject markup.
// The model never holds the key: Python sets `verdicts` only after the learner checks.

function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "qz-markwords";
  root.setAttribute("role", "group");
  const buttons = [];

  function build() {
    root.replaceChildren();
    buttons.length = 0;
    root.setAttribute("aria-label", model.get("label") || "Mark the words");
    const hint = document.createElement("p");
    hint.className = "qz-markwords-hint";
    hint.textContent = model.get("hint") || "";
    root.appendChild(hint);
    const passage = document.createElement("p");
    passage.className = "qz-markwords-passage";
    for (const token of model.get("tokens")) {
      if (token.c === null || token.c === undefined || token.c < 0) {
        passage.appendChild(document.createTextNode(token.t));
        continue;
      }
      const b = document.createElement("button");
      b.type = "button";
      b.className = "qz-word";
      b.textContent = token.t;
      b.dataset.choice = String(token.c);
      b.addEventListener("click", () => {
        if (model.get("disabled")) return;
        const chosen = new Set(model.get("selected"));
        if (chosen.has(token.c)) chosen.delete(token.c);
        else chosen.add(token.c);
        const selected = [...chosen].sort((x, y) => x - y);
        model.set("selected", selected);
        model.save_changes();
        // Also as a message: ipywidgets holds back a state update while an earlier one is
        // unanswered, so a quick click on Check could overtake it; messages keep their order.
        model.send({ type: "select", selected });
      });
      buttons.push(b);
      passage.appendChild(b);
    }
    root.appendChild(passage);
    update();
  }

  function update() {
    const chosen = new Set(model.get("selected"));
    const verdicts = model.get("verdicts") || {};
    const disabled = model.get("disabled");
    for (const b of buttons) {
      const c = Number(b.dataset.choice);
      const on = chosen.has(c);
      b.setAttribute("aria-pressed", on ? "true" : "false");
      b.classList.toggle("qz-on", on);
      b.disabled = disabled;
      b.classList.remove("qz-right", "qz-wrong", "qz-missed");
      const v = verdicts[String(c)];
      if (v) {
        b.classList.add("qz-" + v);
        b.title = { right: "marked, correct", wrong: "marked, but not in the key", missed: "should have been marked" }[v];
      } else {
        b.removeAttribute("title");
      }
    }
  }

  model.on("change:tokens", build);
  model.on("change:label", build);
  model.on("change:hint", build);
  model.on("change:selected", update);
  model.on("change:disabled", update);
  model.on("change:verdicts", update);
  build();
  el.appendChild(root);
}

export default { render };
