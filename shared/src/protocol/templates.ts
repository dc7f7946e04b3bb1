import { z } from 'zod';
import { journeyDocumentSchema } from '../model/document';
import { type JourneyTemplate, templateParameterSchema, templateTranslationsSchema } from '../templates';

/** REST shapes of the template gallery: example journeys with the parameters asked when a journey is made from one. */

const templateValueSchema = z.union([z.string(), z.number()]);
/** Documents travel as plain JSON objects here; the server reads them with `parseJourneyTemplate`. */
const documentJsonSchema = z.record(z.string(), z.unknown()).describe('A journey document (schemaVersion 1)');

/** What a PUT /v1/templates/:id sends; the id comes from the path. */
export const templateInputSchema = z
  .strictObject({
    name: journeyDocumentSchema.shape.name,
    description: z.string().max(5000).optional(),
    category: z.string().trim().min(1).max(100).optional(),
    parameters: z.array(templateParameterSchema).max(100),
    translations: templateTranslationsSchema.optional(),
    document: documentJsonSchema,
  })
  .meta({ id: 'TemplateBody' });
export type TemplateInput = z.infer<typeof templateInputSchema>;

/** What a POST /v1/templates/:id/journeys sends: the new journey's id and name, and the values that differ. */
export const templateJourneyInputSchema = z
  .strictObject({
    id: z.string().describe('the new journey id'),
    name: z.string(),
    parameters: z
      .record(z.string(), templateValueSchema)
      .optional()
      .describe('parameter key → value; a parameter left out keeps the example value'),
  })
  .meta({ id: 'TemplateJourneyBody' });
export type TemplateJourneyInput = z.infer<typeof templateJourneyInputSchema>;

export const templateSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    category: z.string().optional(),
    parameters: z.array(templateParameterSchema.extend({ default: templateValueSchema })),
    translations: templateTranslationsSchema.optional(),
    nodeCount: z.int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'TemplateSummary' });
export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateDetailSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    category: z.string().optional(),
    parameters: z.array(templateParameterSchema),
    translations: templateTranslationsSchema.optional(),
    document: documentJsonSchema,
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'TemplateDetail' });
export type TemplateDetail = JourneyTemplate & { updatedAt: string };
