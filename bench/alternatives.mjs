// The JavaScript validators, bundled by esbuild for the browser run.
import Ajv from "ajv";
import { AJV_OPTIONS, schema } from "./rules/ajv-schema.mjs";
export { validate as zod } from "./rules/zod.mjs";
export { validate as valibot } from "./rules/valibot.mjs";
export { default as ajvStandalone } from "../target/bench/ajv-standalone.mjs";

export const ajv = new Ajv(AJV_OPTIONS).compile(schema);
