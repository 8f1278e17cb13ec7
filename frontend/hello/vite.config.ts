import { join } from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { dsfrTrim } from "../dsfrTrim";

// The stack's hello page (main.tsx), built only by BenchmarkDesktopMemory
// (app/e2e): `npx vite build --config hello/vite.config.ts --outDir DIR`. It
// ships the interface's DSFR files (../public/dsfr) with the same trimmed
// stylesheet (the components ../src uses), so that the two differ only by
// what eRPPS adds.
export default defineConfig({
    root: import.meta.dirname,
    publicDir: "../public",
    plugins: [react(), dsfrTrim({ srcDir: join(import.meta.dirname, "..", "src") })],
    base: "/",
    build: { emptyOutDir: true, sourcemap: false }
});
