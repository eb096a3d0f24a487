import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import init from "coc-incident/forms";
import { App } from "./App.jsx";

// One init for the page, before anything renders a bound form.
await init();
createRoot(document.getElementById("root")).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
