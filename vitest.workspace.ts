export default ["packages/*/vitest.config.ts", "scripts/consumer/vitest.config.ts"]
