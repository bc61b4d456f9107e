import { z } from 'zod';

/** A short-let property's linen set and a turnover's counts (issue 20 §4). Pure: no Node or server imports. */

const quantity = (min: number) => z.number().int('a whole number').min(min).max(500);

export const LinenItem = z
  .object({ id: z.number().int(), serviceId: z.number().int(), serviceName: z.string(), label: z.string(), quantity: z.number().int() })
  .meta({ id: 'LinenItem' });

export const SaveLinenSetBody = z
  .object({
    items: z
      .array(z.object({ serviceId: z.number().int().positive().max(2_147_483_647), label: z.string().trim().min(1).max(120), quantity: quantity(1) }).strict())
      .max(40),
  })
  .strict()
  .meta({ id: 'SaveLinenSetBody', example: { items: [{ serviceId: 3, label: 'Jogo de cama de casal', quantity: 2 }] } });

export const JobLinen = z
  .object({
    jobId: z.number().int(),
    items: z.array(
      z.object({
        linenItemId: z.number().int(),
        label: z.string(),
        serviceName: z.string(),
        planned: z.number().int().meta({ description: 'As in the property’s linen set.' }),
        count: z.number().int().meta({ description: 'What goes to the laundry: the worker’s count, else the planned one.' }),
      }),
    ),
    order: z
      .object({ id: z.number().int(), orderNumber: z.string(), status: z.string() })
      .nullable()
      .meta({ description: 'The laundry order this turnover’s linen became on completion.' }),
  })
  .meta({ id: 'JobLinen' });

export const CountLinenBody = z
  .object({ counts: z.array(z.object({ linenItemId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), quantity: quantity(0) }).strict()).min(1).max(40) })
  .strict()
  .meta({ id: 'CountLinenBody' });

export type LinenItemDto = z.infer<typeof LinenItem>;
export type SaveLinenSetInput = z.infer<typeof SaveLinenSetBody>;
export type JobLinenDto = z.infer<typeof JobLinen>;
export type CountLinenInput = z.infer<typeof CountLinenBody>;
