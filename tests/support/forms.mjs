// Form tests' page helper: a fresh <form id=f> holding `html`, then `body` run in the
// page with small helpers in scope (type, tick, message, counter, collect), which the
// body may shadow.
export function formRunner(harness) {
  return function withForm(html, body, args = {}) {
    return harness.inPage(
      `document.querySelectorAll("form").forEach((f) => f.remove());
       const form = document.createElement("form");
       form.id = "f";
       form.innerHTML = args.html;
       document.body.append(form);
       const type = (name, text) => {
         const el = form.elements[name];
         el.value = text;
         el.dispatchEvent(new Event("input", { bubbles: true }));
       };
       const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
       const message = (name) => form.querySelector("[id$=message-" + name + "]")?.textContent;
       const counter = (name) => form.querySelector("[id$=counter-" + name + "]")?.textContent;
       /** Collects what is only weakly held, then lets the FinalizationRegistry callbacks run. */
       const collect = async (ref) => {
         for (let i = 0; i < 20 && ref.deref() !== undefined; i++) { gc(); await tick(); }
         for (let i = 0; i < 5; i++) { gc(); await tick(); }
         return ref.deref() === undefined;
       };
       { ${body} }`,
      { html, ...args },
    );
  };
}
