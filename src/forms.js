// `coc-incident/forms`: readForm and bindForm, live validation of a portal's <form>.
export { default, initSync, readForm, bindForm, FormBinding } from "./full.js";
