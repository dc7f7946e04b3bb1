import { z } from 'zod';

const count = z.int();

export const timeSeriesPointSchema = z.object({
  at: z.string().describe('start of the bucket'),
  entered: count,
  converted: count,
  messagesSent: count,
  nodesEntered: z.record(z.string(), count).describe('entries per node, only nodes someone entered'),
});
export type TimeSeriesPoint = z.infer<typeof timeSeriesPointSchema>;

export const timeSeriesSchema = z
  .object({
    journeyId: z.string(),
    from: z.string(),
    to: z.string(),
    step: z.string(),
    points: z.array(timeSeriesPointSchema).describe('one per step from `from`, empty buckets included'),
  })
  .meta({ id: 'MetricsTimeSeries' });
export type TimeSeries = z.infer<typeof timeSeriesSchema>;
