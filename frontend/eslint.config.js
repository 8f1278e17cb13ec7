// ESLint flat config: typescript-eslint (type-aware) + React hooks, and the two
// architectural boundaries of the UI:
//   - only src/ui/ may import the design system (@codegouvfr/react-dsfr);
//   - only src/api/ may import Wails-generated code (src/api/wailsjs/), call
//     fetch or touch window.go.
import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const designSystemImports = {
    group: ["@codegouvfr/*", "@gouvfr/*"],
    message: "Le système de design ne s'importe que dans src/ui/ : utilisez les composants de src/ui."
};
const wailsImports = {
    group: ["**/wailsjs/**", "**/wailsjs"],
    message: "Le code généré par Wails ne s'importe que dans src/api/ : utilisez src/api/client."
};

export default tseslint.config(
    { ignores: ["dist/", "public/", "node_modules/", "src/api/wailsjs/"] },
    js.configs.recommended,
    ...tseslint.configs.strictTypeChecked,
    {
        languageOptions: {
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
            globals: globals.browser
        }
    },
    reactHooks.configs.flat["recommended-latest"],
    {
        files: ["src/**/*.{ts,tsx}"],
        rules: {
            "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
            "no-restricted-imports": ["error", { patterns: [designSystemImports, wailsImports] }],
            "no-restricted-globals": ["error", { name: "fetch", message: "Les appels au service passent par src/api/." }],
            "no-restricted-properties": ["error", { object: "window", property: "go", message: "Les liaisons Go ne s'utilisent que dans src/api/." }]
        }
    },
    {
        files: ["src/ui/**/*.{ts,tsx}"],
        rules: { "no-restricted-imports": ["error", { patterns: [wailsImports] }] }
    },
    {
        files: ["src/api/**/*.{ts,tsx}"],
        rules: {
            "no-restricted-imports": ["error", { patterns: [designSystemImports] }],
            "no-restricted-globals": "off",
            "no-restricted-properties": "off"
        }
    },
    {
        files: ["*.config.{js,ts}", "hello/vite.config.ts", "dsfrTrim.ts"],
        extends: [tseslint.configs.disableTypeChecked],
        languageOptions: { globals: globals.node }
    }
);
