// Types for scripts/runtime.mjs (plain JavaScript, because it runs before tsx is chosen to run).
export interface Runtime {
  path: string;
  version: string;
  source: 'forced' | 'system' | 'bundled';
  reason: string;
  package?: string;
}
export const END_OF_LIFE: Record<number, string>;
export function endOfLife(version: string): string | null | undefined;
export function isMaintained(version: string, today: string): boolean;
export function chooseRuntime(input: {
  today: string;
  forced?: { path: string; version: string };
  system: { path: string; version: string };
  bundled?: { path: string; version: string; package: string };
}): Runtime;
export function decide(env?: NodeJS.ProcessEnv): Runtime;
export function runtimeEnv(env: NodeJS.ProcessEnv, binary: string, shim: string): NodeJS.ProcessEnv;
export function runHere(): boolean;
