// A live region: its container stays in the page, so screen readers announce each new value.
// The value is HTML that quizlib built with every piece of text escaped (quizlib/widgets/render.py).
function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "qz-live";
  box.setAttribute("role", "status");
  box.setAttribute("aria-live", "polite");
  const update = () => {
    box.innerHTML = model.get("value");
  };
  model.on("change:value", update);
  update();
  el.appendChild(box);
}

export default { render };
