// The self-assessment scale's shape, shared by the API (validation of a new version) and the
// back office (its editor). Texts come in French and English.
import { z } from 'zod';
import { scaleBands } from './enums.ts';
import { issueParams, keyed } from './issues.ts';

export const localizedText = (max: number) =>
  z.object({
    fr: z.string().trim().min(1, keyed('frenchText', 'the French text is required')).max(max),
    en: z.string().trim().min(1, keyed('englishText', 'the English text is required')).max(max),
  });

export const scaleContent = z
  .object({
    bands: z
      .array(
        z.object({
          band: z.enum(scaleBands),
          label: localizedText(120),
          advice: localizedText(2000),
          /** Helplines (slugs) to call at this band, most useful first. */
          helplines: z.array(z.string().regex(/^[a-z0-9-]+$/)).max(8),
        }),
      )
      .length(scaleBands.length, keyed('bandsEach', `bands: give each of ${scaleBands.join(', ')} once`)),
    items: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]{2,40}$/, keyed('itemId', 'items.id: lower-case letters, digits and dashes')),
          band: z.enum(scaleBands),
          text: localizedText(300),
        }),
      )
      .min(scaleBands.length)
      .max(200),
  })
  .superRefine((c, ctx) => {
    const bands = new Set(c.bands.map((b) => b.band));
    if (bands.size !== scaleBands.length)
      ctx.addIssue({
        code: 'custom',
        path: ['bands'],
        message: 'bands: each band once',
        params: issueParams('bandsOnce'),
      });
    const ids = c.items.map((i) => i.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) {
      const message = `items: id "${twice}" is used twice`;
      ctx.addIssue({ code: 'custom', path: ['items'], message, params: issueParams('itemTwice', { id: twice }) });
    }
    for (const band of scaleBands) {
      if (!c.items.some((i) => i.band === band)) {
        const message = `items: no item in band ${band}`;
        ctx.addIssue({ code: 'custom', path: ['items'], message, params: issueParams('bandEmpty', { band }) });
      }
    }
  });
export type ScaleContent = z.infer<typeof scaleContent>;
