// `coc-incident/element`: <coc-incident-form>. Importing the entry defines the element.
import type { HandleRequest, HandleResponse, ValidationReport } from "./types.js";

/** A ticket's state, as COC names it. */
export type IncidentState = "to_be_accepted" | "handling" | "to_be_verified" | "closed";
/** The action a state allows. */
export type IncidentAction = "acceptedIncident1" | "commitSolution1" | "confirm";

/** The events `<coc-incident-form>` fires (bubbling, composed). */
export interface IncidentFormEvents {
  /** A submit was blocked: the form is invalid. */
  "coc:invalid": CustomEvent<ValidationReport>;
  /** The action succeeded; the element now shows `state`, the ticket's new state. */
  "coc:success": CustomEvent<{ request: HandleRequest; response: HandleResponse; action: IncidentAction; state: IncidentState }>;
  /** The send failed; the form keeps what was typed, and only the user sends again.
   * `error` is what the send rejected with, as a catch block gets it: a `CocError`
   * (told apart by its `name`), or what the `token` function threw, passed through
   * unchanged: any value, even none. */
  "coc:error": CustomEvent<{ request: HandleRequest; error: unknown; action: IncidentAction }>;
}

/** The element's events with every other an element fires: its own `coc:*` ones in
 * place of any a page declared for every element (HTMLElementEventMap), so that the two
 * need not agree. */
export type IncidentFormEventMap = Omit<HTMLElementEventMap, keyof IncidentFormEvents> & IncidentFormEvents;

/**
 * `<coc-incident-form incident-num state operator endpoint locale>`: the form the
 * ticket's state allows (accept, submit a solution, verify), bound with `bindForm` and
 * sent with an `IncidentClient`. Attributes: `incident-num`; `state` (or set
 * `getState`); `operator` (prefilled); `endpoint` (as `IncidentClient`'s, `/` by
 * default); `locale` (`en` or `zh-CN`). Themable with CSS custom properties
 * (`--coc-accent`, `--coc-error`, `--coc-border`, `--coc-radius`, `--coc-gap`,
 * `--coc-font`, …) and `::part()` (`form`, `field`, `label`, `input`, `button`,
 * `status`, `error`, `heading`, `title`, and each input by its wire key).
 */
export declare class IncidentFormElement extends HTMLElement {
  /** Asked for the ticket's state when there is no `state` attribute, maybe async. Any
   * text is taken (what a portal's API answers, typed `string`): one that is no
   * `IncidentState` is said in the element as a state it does not know. */
  getState: ((incidentNum: string) => IncidentState | (string & {}) | Promise<IncidentState | (string & {})>) | null;
  /** The client's `token`: a string, or a function called for every request. */
  token: string | (() => string | null | undefined | Promise<string | null | undefined>) | undefined;
  /** `en` or `zh-CN`, from the `locale` attribute. */
  readonly locale: "en" | "zh-CN";
  addEventListener<K extends keyof IncidentFormEventMap>(
    type: K,
    listener: (this: IncidentFormElement, event: IncidentFormEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof IncidentFormEventMap>(
    type: K,
    listener: (this: IncidentFormElement, event: IncidentFormEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The states, in the order a ticket goes through them. */
export declare const STATES: readonly IncidentState[];

declare global {
  interface HTMLElementTagNameMap {
    "coc-incident-form": IncidentFormElement;
  }
}
