import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// CI (.ci/run) sets VITEST_JSON so the closing `N passed, N failed` line can be computed from a report.
const jsonReport = process.env.VITEST_JSON;

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'out/**'],
    // Node by default; renderer tests opt in with a `// @vitest-environment jsdom` docblock.
    environment: 'node',
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    outputFile: jsonReport ? { json: jsonReport } : undefined,
  },
});
