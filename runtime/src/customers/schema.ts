import { z } from 'zod';
import type { Customer } from './store';

/** Request and response shapes of the customer API; the import reuses them row by row. */

export const customerIdSchema = z.string().min(1).max(128);
export const tagSchema = z.string().min(1).max(100);
export const attributesSchema = z.record(z.string(), z.unknown());

export const customerPatchSchema = z
  .strictObject({
    attributes: attributesSchema
      .optional()
      .describe('Merged into the stored attributes (JSON Merge Patch, RFC 7396): a null value deletes the attribute.'),
    tags: z.array(tagSchema).max(1000).optional().describe('Replaces the tag set when present.'),
  })
  .meta({ id: 'CustomerPatch' });
export type CustomerPatch = z.infer<typeof customerPatchSchema>;

export const customerSchema = z
  .object({
    id: customerIdSchema,
    attributes: attributesSchema,
    tags: z.array(z.string()),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Customer' });
export type CustomerDto = z.infer<typeof customerSchema>;

export function toCustomerDto(customer: Customer): CustomerDto {
  return {
    ...customer,
    createdAt: new Date(customer.createdAt).toISOString(),
    updatedAt: new Date(customer.updatedAt).toISOString(),
  };
}
