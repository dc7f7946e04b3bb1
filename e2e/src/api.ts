import { randomBytes } from 'node:crypto';
import type { JourneyDocument } from '@journey/shared';

// A small client of the runtime's REST API (see /openapi.json), with the few response shapes the tests read.

export interface JourneyRecord {
  id: string;
  name: string;
  status: 'draft' | 'live' | 'paused' | 'archived';
  liveVersion: number | null;
  draft: JourneyDocument;
}

export interface JourneyVersion {
  journeyId: string;
  version: number;
  document: JourneyDocument;
}

export interface NodeMetrics {
  entered: number;
  active: number;
  exited: number;
}

export interface JourneyMetrics {
  entered: number;
  nodes: Record<string, NodeMetrics>;
  goal: { converted: number };
  variants: Record<string, Record<string, { entered: number; converted: number }>>;
}

export interface ExperimentVariant {
  id: string;
  label: string | null;
  control: boolean;
  n: number;
  conversions: number;
}

export interface ExperimentsReport {
  splits: Array<{ nodeId: string; label: string | null; variants: ExperimentVariant[] }>;
}

export interface JourneyEvent {
  eventId: string;
  customerId: string;
  type: string;
  properties?: Record<string, unknown>;
}

export interface Task {
  id: number;
  journeyId: string;
  assignee: string | null;
  status: 'open' | 'done';
  outcome: string | null;
  customer: { id: string };
}

export interface CustomerJourney {
  journeyId: string;
  status: 'active' | 'completed' | 'goal' | 'exited';
  node: string;
  trace: Array<{ cause: string; fromNode: string | null; toNode: string; detail: Record<string, unknown> }>;
}

/** An id no other test (or earlier run against the same database) uses: `prefix-<time>-<random>`. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export class RuntimeApi {
  constructor(readonly baseUrl: string) {}

  /** Sends a request and returns the JSON body; any other status than `expected` fails with the server's answer. */
  async request<T>(method: string, path: string, body?: unknown, expected = 200): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status !== expected) {
      throw new Error(`${method} ${path}: expected ${expected}, got ${response.status}: ${text.slice(0, 2000)}`);
    }
    return JSON.parse(text) as T;
  }

  journey(id: string): Promise<JourneyRecord> {
    return this.request('GET', `/v1/journeys/${encodeURIComponent(id)}`);
  }

  async createJourney(document: JourneyDocument): Promise<JourneyRecord> {
    return this.request('POST', '/v1/journeys', document, 201);
  }

  async publish(id: string): Promise<JourneyVersion> {
    const result = await this.request<{ version: JourneyVersion }>(
      'POST',
      `/v1/journeys/${encodeURIComponent(id)}/publish`,
      {},
      201,
    );
    return result.version;
  }

  /** Creates the journey and publishes its first version. */
  async createAndPublish(document: JourneyDocument): Promise<JourneyVersion> {
    await this.createJourney(document);
    return this.publish(document.id);
  }

  async versions(id: string): Promise<JourneyVersion[]> {
    return (
      await this.request<{ versions: JourneyVersion[] }>('GET', `/v1/journeys/${encodeURIComponent(id)}/versions`)
    ).versions;
  }

  async sendEvents(events: JourneyEvent[]): Promise<void> {
    await this.request('POST', '/v1/events', { events }, 202);
  }

  /** Moves the manual clock, running due timers, messages and tasks on the way. */
  async advanceClock(duration: string): Promise<void> {
    await this.request('POST', '/v1/admin/clock', { advance: duration });
  }

  metrics(journeyId: string): Promise<JourneyMetrics> {
    return this.request('GET', `/v1/journeys/${encodeURIComponent(journeyId)}/metrics`);
  }

  experiments(journeyId: string): Promise<ExperimentsReport> {
    return this.request('GET', `/v1/journeys/${encodeURIComponent(journeyId)}/experiments`);
  }

  async putCustomer(id: string, attributes: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${this.baseUrl}/v1/customers/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ attributes }),
    });
    if (response.status !== 200 && response.status !== 201) {
      throw new Error(`PUT /v1/customers/${id}: ${response.status}: ${await response.text()}`);
    }
  }

  async putOrgUnit(id: string, unit: { name: string; kind: string; parentId?: string }): Promise<void> {
    await this.request('PUT', `/v1/org-units/${encodeURIComponent(id)}`, unit, 201);
  }

  async putStaff(
    id: string,
    member: { name: string; role: string; orgUnitId: string; referralCode: string },
  ): Promise<void> {
    await this.request('PUT', `/v1/staff/${encodeURIComponent(id)}`, member, 201);
  }

  async tasks(query: Record<string, string>): Promise<Task[]> {
    return (await this.request<{ tasks: Task[] }>('GET', `/v1/tasks?${new URLSearchParams(query)}`)).tasks;
  }

  async customerJourneys(customerId: string): Promise<CustomerJourney[]> {
    return (
      await this.request<{ instances: CustomerJourney[] }>(
        'GET',
        `/v1/customers/${encodeURIComponent(customerId)}/journeys`,
      )
    ).instances;
  }
}
