import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import { dsfrTrim } from "./dsfrTrim";

// Where `erpps web` listens during development (npm run dev / preview).
const apiTarget = process.env.ERPPS_API ?? "http://127.0.0.1:8080";

// The UI is served by the Go binary: embedded in the Wails webview (desktop)
// or by `erpps web` under "/". `npm run dev` proxies /api to a local `erpps web`,
// and the address erpps web prints with its token (open it with this server's
// port instead: http://127.0.0.1:5173/?token=…) to get its session cookie.
export default defineConfig({
    plugins: [react(), dsfrTrim({ srcDir: "src" })],
    base: "/",
    build: {
        outDir: "dist",
        emptyOutDir: true,
        sourcemap: false,
        chunkSizeWarningLimit: 1200
    },
    server: {
        host: "127.0.0.1",
        port: 5173,
        strictPort: true,
        proxy: {
            "/api": { target: apiTarget, changeOrigin: false },
            "^/\\?token=": { target: apiTarget, changeOrigin: false }
        }
    },
    preview: {
        host: "127.0.0.1",
        port: 4173,
        strictPort: true,
        proxy: {
            "/api": { target: apiTarget, changeOrigin: false },
            "^/\\?token=": { target: apiTarget, changeOrigin: false }
        }
    },
    test: {
        environment: "node",
        include: ["src/**/*.test.ts"]
    }
});
