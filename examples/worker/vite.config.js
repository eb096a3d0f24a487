import { defineConfig } from "vite";

// Module workers, as the browser runs them (top-level await, imports).
export default defineConfig({ worker: { format: "es" } });
