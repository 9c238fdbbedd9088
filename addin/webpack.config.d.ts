/** Types of the helpers webpack.config.js exports for tests and scripts. */
import type { BackendConfig } from './src/services/backend.ts';

export function backendConfig(mode: string, env?: Record<string, string | undefined>): BackendConfig | null;
export function manifestFor(xml: string, baseUrl: string | undefined): string;
declare const config: (
  env: unknown,
  argv: { mode?: string; env?: Record<string, unknown> },
) => Promise<unknown>;
export default config;
