import { useEffect, useRef } from "react";
import { bindForm } from "coc-incident/forms";
import { IncidentClient } from "coc-incident/client";

/** A verification form, bound to coc-incident while it is mounted. */
export function VerifyForm({ incidentNum, onOutcome }) {
  const form = useRef(null);

  useEffect(() => {
    // Made here, not at module scope: a module's top level runs before main.jsx's
    // `await init()` has finished. Same origin here; a portal passes its COC endpoint
    // or proxy path.
    const client = new IncidentClient({ endpoint: "/" });
    const binding = bindForm(form.current, { client });
    const success = () => onOutcome("Verified.");
    const failure = (event) => onOutcome(`Not sent: ${event.detail.error.message}`);
    form.current.addEventListener("coc:success", success);
    form.current.addEventListener("coc:error", failure);
    const element = form.current;
    // The cleanup ends the binding: its listeners, counters and messages go with it.
    return () => {
      element.removeEventListener("coc:success", success);
      element.removeEventListener("coc:error", failure);
      binding.destroy();
      client.free();
    };
  }, [onOutcome]);

  return (
    <form ref={form} noValidate>
      <input type="hidden" name="incident_num" value={incidentNum} />
      <input type="hidden" name="operate_key" value="confirm" />
      <label>
        Operator <input name="operator" autoComplete="off" />
      </label>
      <fieldset>
        <legend>Is it fixed?</legend>
        <label>
          <input type="radio" name="virtual_confirm_result" value="true" /> Yes
        </label>
        <label>
          <input type="radio" name="virtual_confirm_result" value="false" /> No
        </label>
      </fieldset>
      <label>
        Comment <textarea name="virtual_confirm_comment" />
      </label>
      <button>Send</button>
    </form>
  );
}
