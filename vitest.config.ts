import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/ops/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          pool: 'forks',
          // A limit for hangs, not a speed check: CI shares two cores with PostgreSQL and child processes.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Tests never depend on the machine's zone: business dates are computed in Europe/Lisbon.
          env: { TZ: 'Pacific/Auckland' },
        },
      },
      {
        // The web app's component tests: its own Vite config (React, the @ and @contracts aliases).
        extends: './client/vite.config.ts',
        test: {
          name: 'client',
          root: './client',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['src/test/setup.ts'],
          // Typing into forms is slow on a busy two-core machine.
          testTimeout: 20_000,
          env: { TZ: 'Pacific/Auckland' },
        },
      },
    ],
  },
});
