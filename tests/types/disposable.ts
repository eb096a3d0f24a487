// `using`, where the project's lib has Symbol.dispose (esnext): the README's augmentation.
import { IncidentClient } from "coc-incident/client";
import { bindForm } from "coc-incident/forms";
import type {} from "coc-incident";
declare module "coc-incident" {
  interface IncidentClient extends Disposable {}
  interface FormBinding extends Disposable {}
}
export function send(form: HTMLFormElement) {
  using client = new IncidentClient({ endpoint: "/x" });
  using binding = bindForm(form, { client });
  void binding;
}
