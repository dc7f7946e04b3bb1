import { requestJson } from './http';

export interface CustomerRecord {
  id: string;
  attributes: Record<string, unknown>;
  tags: string[];
}

export const customersApi = {
  get: (id: string) => requestJson<CustomerRecord>('GET', `/v1/customers/${encodeURIComponent(id)}`),
};
