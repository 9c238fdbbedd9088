import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // One test file at a time: the end-to-end suites start real Firebase emulators, headless
    // Chromium and LibreOffice, and on a 2-core machine running them side by side only makes
    // each of them slower and their timeouts flakier.
    fileParallelism: false,
    reporters: ['default'],
  },
});
