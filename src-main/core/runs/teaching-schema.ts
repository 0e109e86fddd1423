// The part of run.json that a teaching run (My letters) adds: what it learned from, and its
// accuracy before and after on the held-back letters and the font letters' test part.
import { z } from 'zod';

const count = z.number().int().min(0);
const accuracy = z.object({ count, correct: count, accuracy: z.number().min(0).max(1) });
const measure = z.object({ heldBack: accuracy, fonts: accuracy.nullable() });

export const teachingSchema = z.object({
  plan: z.object({
    lettersPath: z.string(),
    lettersLabel: z.string(),
    mode: z.enum(['mixed', 'only']),
    share: z.number().min(0).max(1),
    holdBackByPicture: z.boolean(),
    withFonts: z.boolean(),
  }),
  from: z.object({ name: z.string(), source: z.enum(['run', 'saved']), epochs: count }),
  letters: z.object({ fileName: z.string(), train: count, heldBack: count }),
  fonts: z
    .object({ label: z.string(), fileName: z.string(), train: count, test: count })
    .nullable(),
  before: measure.nullable(),
  after: measure.nullable(),
});
