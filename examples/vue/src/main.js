import { createApp } from "vue";
import init from "coc-incident/forms";
import App from "./App.vue";

// One init for the page, before anything mounts a bound form.
await init();
createApp(App).mount("#app");
