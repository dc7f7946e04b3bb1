/** IPC between live.bench.ts and its child live-watchers.ts. */
import type { JourneyMetrics } from '@journey/shared';

export type WatcherRequest =
  | { command: 'subscribe' | 'unsubscribe' }
  | { command: 'report'; rest: JourneyMetrics }
  | { command: 'close' };

export type WatcherReply =
  /** Connected, subscribed or unsubscribed: every watcher is done. */
  | { kind: 'done' }
  /** Whether every watcher's folded counts equal `rest`. */
  | { kind: 'report'; agree: boolean }
  | { kind: 'failed'; error: string };
