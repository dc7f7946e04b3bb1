import { createReadStream, existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers';

const BANK_MARKETING_CSV = new URL('../../../../shared/data/bank-marketing.csv', import.meta.url);

function importFile(app: FastifyInstance, contentType: string, payload: string | NodeJS.ReadableStream, query = '') {
  return app.inject({
    method: 'POST',
    url: `/v1/customers/import${query}`,
    headers: { 'content-type': contentType },
    payload,
  });
}

async function customer(app: FastifyInstance, id: string) {
  return (await app.inject({ method: 'GET', url: `/v1/customers/${encodeURIComponent(id)}` })).json();
}

describe('POST /v1/customers/import (CSV)', () => {
  it('types decimals as numbers, leaves other text alone, skips empty cells and splits tags on |', async () => {
    const { app } = await buildTestApp();
    const csv = ['customer_no,age,balance,postcode,job,note,tags', 'A1,42,3.5,007,admin.,,vip|payroll', ''].join('\n');
    const response = await importFile(app, 'text/csv', csv, '?idColumn=customer_no');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 1, updated: 0, rejected: [] });
    expect(await customer(app, 'A1')).toMatchObject({
      attributes: { age: 42, balance: 3.5, postcode: '007', job: 'admin.' },
      tags: ['vip', 'payroll'],
    });
  });

  it('reports bad rows and goes on with the rest of the file', async () => {
    const { app } = await buildTestApp();
    const csv = ['id,age', 'c1,30', ',31', 'c3,32,extra', 'c4,33'].join('\r\n');
    const response = await importFile(app, 'text/csv', csv, '?idColumn=id');
    expect(response.json()).toEqual({
      imported: 2,
      updated: 0,
      rejected: [
        { row: 2, message: 'no value in the id column "id"' },
        { row: 3, message: expect.stringContaining('Invalid Record Length') },
      ],
    });
    expect((await customer(app, 'c4')).attributes).toEqual({ age: 33 });
  });

  it('counts customers that already existed as updated and merges into them', async () => {
    const { app } = await buildTestApp();
    await app.inject({ method: 'PUT', url: '/v1/customers/c1', payload: { attributes: { vip: true } } });
    const response = await importFile(app, 'text/csv', 'id,age\nc1,30\nc2,40\n', '?idColumn=id');
    expect(response.json()).toEqual({ imported: 1, updated: 1, rejected: [] });
    expect((await customer(app, 'c1')).attributes).toEqual({ vip: true, age: 30 });
  });

  it('numbers the customers by data row when there is no id column', async () => {
    const { app } = await buildTestApp();
    const csv = 'age,job\n30,admin.\n40,retired\n';
    const withoutQuery = await importFile(app, 'text/csv', csv);
    expect(withoutQuery.json()).toEqual({ imported: 2, updated: 0, rejected: [] });
    expect((await customer(app, '2')).attributes).toEqual({ age: 40, job: 'retired' });

    const unknownColumn = await importFile(app, 'text/csv', csv, '?idColumn=customer_no');
    expect(unknownColumn.json()).toEqual({ imported: 0, updated: 2, rejected: [] });
  });

  it('reports an unclosed quote once and keeps the rows before it', async () => {
    const { app } = await buildTestApp();
    const response = await importFile(app, 'text/csv', 'id,note\nc1,fine\nc2,"never closed\nc3,lost\n', '?idColumn=id');
    expect(response.json()).toEqual({
      imported: 1,
      updated: 0,
      rejected: [{ row: 2, message: expect.stringContaining('Quote Not Closed') }],
    });
  });

  it.skipIf(!existsSync(BANK_MARKETING_CSV))(
    'imports the 41,188 rows of the bank marketing data set (skipped when ../shared/data is absent)',
    async () => {
      const { app } = await buildTestApp();
      const response = await importFile(app, 'text/csv', createReadStream(BANK_MARKETING_CSV));
      expect(response.json()).toEqual({ imported: 41_188, updated: 0, rejected: [] });
      expect((await customer(app, '1')).attributes).toEqual({
        age: 56,
        job: 'housemaid',
        marital: 'married',
        education: 'basic.4y',
        default: 'no',
        housing: 'no',
        loan: 'no',
        contact: 'telephone',
        month: 'may',
        day_of_week: 'mon',
        duration: 261,
        campaign: 1,
        pdays: 999,
        previous: 0,
        output: 'no',
      });
    },
  );
});

describe('POST /v1/customers/import (NDJSON)', () => {
  it('imports one JSON object per line and reports the lines it cannot use', async () => {
    const { app } = await buildTestApp();
    const ndjson = [
      '{"id": "n1", "age": 30, "tags": ["vip"], "address": {"city": "Hangzhou"}}',
      '',
      'this is not JSON',
      '[1, 2]',
      '{"id": "", "age": 31}',
      '{"id": 7, "tags": "vip"}',
      '{"id": 8, "age": 32}',
    ].join('\n');
    const response = await importFile(app, 'application/x-ndjson', ndjson, '?idColumn=id');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      imported: 2,
      updated: 0,
      rejected: [
        { row: 2, message: expect.stringMatching(/^not valid JSON/) },
        { row: 3, message: 'expected a JSON object' },
        { row: 4, message: expect.stringMatching(/^id: /) },
        { row: 5, message: expect.stringMatching(/^tags: /) },
      ],
    });
    expect(await customer(app, 'n1')).toMatchObject({
      attributes: { age: 30, address: { city: 'Hangzhou' } },
      tags: ['vip'],
    });
    expect((await customer(app, '8')).attributes).toEqual({ age: 32 });
  });
});

it('refuses a body that is neither CSV nor NDJSON with a 415', async () => {
  const { app } = await buildTestApp();
  const response = await importFile(app, 'application/json', '[{"id": "c1"}]');
  expect(response.statusCode).toBe(415);
});
