import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { Plugin } from "vite";

// dsfrTrim ships only the DSFR the interface uses (vite build only): the
// stylesheet dist/dsfr/dsfr.min.css is rebuilt from the DSFR's own per-component
// files (core, scheme, then each component used, in the DSFR's cascade order:
// no rule is rewritten), and the .woff fonts, which no supported web view
// fetches (they all read the .woff2 listed first), are left out. The whole
// stylesheet is parsed by the web view at start-up and the build is embedded in
// the Go binary: both cost the desktop memory.
//
// The components used are found as react-dsfr's `only-include-used-components`
// finds them (imports of @codegouvfr/react-dsfr/<Component>, raw fr-* class
// names), with its own functions; the build fails on an import it cannot map.
// (That command itself rewrites node_modules, shared by our worktrees: not used.)

interface OnlyIncludeUsedComponents {
    getReactDsfrImportedModuleIds(params: { rawFileContent: string }): string[];
    resolveModuleIdToDsfrComponents(params: { moduleId: string }): string[] | undefined;
    detectDsfrComponentsFromClassNames(params: { rawFileContent: string }): string[];
    generateDsfrCssCode(params: { dsfrComponents: string[]; isMinified: boolean; readDsfrFile: (path: string) => string | undefined }): string;
}

const require = createRequire(import.meta.url);

function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(e => {
        const path = join(dir, e.name);
        if (e.isDirectory()) {
            return e.name === "wailsjs" ? [] : sourceFiles(path);
        }
        return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
    });
}

/** usedComponents lists the DSFR components that the sources under srcDir use. */
export function usedComponents(tool: OnlyIncludeUsedComponents, srcDir: string): string[] {
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
        const rawFileContent = readFileSync(file, "utf8");
        for (const moduleId of tool.getReactDsfrImportedModuleIds({ rawFileContent })) {
            const components = tool.resolveModuleIdToDsfrComponents({ moduleId });
            if (components === undefined) {
                throw new Error(`dsfrTrim: ${file} imports @codegouvfr/react-dsfr/${moduleId}, whose DSFR stylesheets are unknown`);
            }
            components.forEach(c => used.add(c));
        }
        tool.detectDsfrComponentsFromClassNames({ rawFileContent }).forEach(c => used.add(c));
    }
    return [...used].sort();
}

/** withoutWoff drops the .woff fallbacks of the @font-face rules (the .woff2 stays). */
export function withoutWoff(css: string): string {
    return css.replace(/,url\([^)]*\.woff\) format\("woff"\)/g, "");
}

export function dsfrTrim({ srcDir }: { srcDir: string }): Plugin {
    let outDir = "";
    return {
        name: "erpps-dsfr-trim",
        apply: "build",
        configResolved(config) {
            outDir = resolve(config.root, config.build.outDir);
        },
        closeBundle() {
            const tool = require("@codegouvfr/react-dsfr/bin/only-include-used-components.js") as OnlyIncludeUsedComponents;
            const dsfrDir = dirname(require.resolve("@codegouvfr/react-dsfr/dsfr/dsfr.min.css"));
            const readDsfrFile = (path: string) => {
                try {
                    return readFileSync(join(dsfrDir, path), "utf8");
                } catch {
                    return undefined;
                }
            };
            const components = usedComponents(tool, srcDir);
            const css = tool.generateDsfrCssCode({ dsfrComponents: components, isMinified: true, readDsfrFile });
            writeFileSync(join(outDir, "dsfr", "dsfr.min.css"), withoutWoff(css));
            const fonts = join(outDir, "dsfr", "fonts");
            for (const f of readdirSync(fonts)) {
                if (f.endsWith(".woff")) {
                    rmSync(join(fonts, f));
                }
            }
            this.info(`dsfr.min.css: core, scheme and ${components.length} components (${components.join(", ")})`);
        }
    };
}
