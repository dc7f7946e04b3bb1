/** IPC between runtime.bench.ts and its child bench-server.ts. */

export type ControlRequest =
  | { id: number; command: 'usage' | 'profileStart' | 'close' }
  | { id: number; command: 'profileStop'; file: string };

export interface ControlReply {
  id: number;
  /** Sent once, with id 0, when the server listens. */
  address?: string;
  /** Bytes. */
  rss?: number;
  heapUsed?: number;
  maxRss?: number;
  /** CPU time the server process has used so far (all its threads), microseconds. */
  cpuMicros?: number;
  error?: string;
}
