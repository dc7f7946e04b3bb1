import { conditionSchema } from '@journey/shared';
import { z } from 'zod';
import type { Segment } from './store';

export const newSegmentSchema = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "_" and "-" only')
      .optional()
      .describe('A stable id journeys refer to (e.g. "payroll-customers"); generated when omitted'),
    name: z.string().trim().min(1).max(200),
    condition: conditionSchema.describe('Profile attributes and tags only; event properties are not in scope.'),
  })
  .meta({ id: 'NewSegment' });

export const segmentPreviewSchema = z
  .strictObject({ condition: newSegmentSchema.shape.condition })
  .meta({ id: 'SegmentPreview' });

export const segmentSchema = z
  .object({ id: z.string(), name: z.string(), condition: conditionSchema, createdAt: z.iso.datetime() })
  .meta({ id: 'Segment' });

export function toSegmentDto(segment: Segment): z.infer<typeof segmentSchema> {
  return { ...segment, createdAt: new Date(segment.createdAt).toISOString() };
}
