import { useSyncExternalStore } from 'react';
import { sentLog } from '../model/sent-log';

/** Emails this dashboard sent through the pool since 09:00 UTC; re-renders after each send. */
export function useSentToday(poolId: string): number {
  return useSyncExternalStore(sentLog.subscribe, () => sentLog.sentToday(poolId));
}

/** Resends this tab made to one user in the last hour. */
export function useResendsLastHour(poolId: string, username: string): number {
  return useSyncExternalStore(sentLog.subscribe, () => sentLog.resendsLastHour(poolId, username));
}
