import { createContext, use, type ReactNode } from 'react';
import type { AppConfig } from './app-config';

/** What the running app knows about its surroundings: the validated config and, when emulated, the emulator's controls. */
export interface Runtime {
  config: AppConfig;
  mode: 'live' | 'emulated';
  /** Present only in emulated mode. */
  emulation?: {
    /** Restores the demo seed (and its persisted state). */
    reset(): Promise<void>;
    /** The demo seed's operator, shown on the sign-in page so a newcomer can get in. */
    demoOperator?: { username: string; password: string };
  };
}

const RuntimeContext = createContext<Runtime | null>(null);

export function RuntimeProvider({ runtime, children }: { runtime: Runtime; children: ReactNode }) {
  return <RuntimeContext value={runtime}>{children}</RuntimeContext>;
}

export function useRuntime(): Runtime {
  const runtime = use(RuntimeContext);
  if (!runtime) throw new Error('useRuntime must be used inside <RuntimeProvider>');
  return runtime;
}

export function useConfig(): AppConfig {
  return useRuntime().config;
}
