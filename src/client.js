// `coc-incident/client`: IncidentClient, which validates, builds and sends (gloo-net).
export { default, initSync, IncidentClient } from "./full.js";
