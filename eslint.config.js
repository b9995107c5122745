import * as effectEslint from "@effect/eslint-plugin"
import js from "@eslint/js"
import tseslint from "typescript-eslint"

export default tseslint.config(
  { ignores: ["**/build/**", "**/dist/**", "docs/**", "**/node_modules/**", "scripts/bench/results/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...effectEslint.configs.dprint,
  {
    rules: {
      // The Effect repository's formatting: dprint through ESLint, so `pnpm lint` checks it and `eslint --fix` applies it.
      "@effect/dprint": ["error", {
        config: {
          indentWidth: 2,
          lineWidth: 120,
          semiColons: "asi",
          quoteStyle: "alwaysDouble",
          trailingCommas: "never",
          operatorPosition: "maintain",
          "arrowFunction.useParentheses": "force"
        }
      }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-assertions": ["error", { assertionStyle: "never" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-empty-object-type": "off",
      "@typescript-eslint/no-namespace": "off",
      "require-yield": "off",
      "no-console": ["error", { allow: ["error"] }]
    }
  },
  {
    files: ["scripts/**", "packages/*/test/**", "**/*.config.ts", "vitest.workspace.ts"],
    rules: { "no-console": "off" }
  },
  {
    // Plain Node scripts: TypeScript does not check them, and Node's globals are theirs.
    files: ["**/*.mjs", "**/*.js"],
    rules: { "no-undef": "off" }
  }
)
