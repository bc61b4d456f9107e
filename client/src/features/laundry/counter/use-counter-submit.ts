import { useRef, useState } from 'react';
import type { CreateLaundryOrderInput, LaundryOrderDto } from '@contracts/laundry';
import { downloadFromApi } from '@/lib/api-download';
import { currentLocale } from '@/lib/i18n';
import { newId } from '@/lib/ids';
import { useCreateLaundryOrder } from '@/features/laundry/api/create-laundry-order';
import { uploadConditionPhoto } from '@/features/laundry/api/order-condition';

export type LabelFormat = 'roll' | 'sheet';
const FORMAT_KEY = 'lavandaria.labelFormat';

/** The label format this counter chose last (the printer beside it does not change). */
export function storedLabelFormat(): LabelFormat {
  try {
    return localStorage.getItem(FORMAT_KEY) === 'sheet' ? 'sheet' : 'roll';
  } catch {
    return 'roll';
  }
}

export function storeLabelFormat(format: LabelFormat): void {
  try {
    localStorage.setItem(FORMAT_KEY, format);
  } catch {
    // A private window without storage: the choice lasts this page only.
  }
}

export const labelsPath = (orderId: number, format: LabelFormat) => `/api/laundry-orders/${orderId}/labels?format=${format}`;
export const ticketPath = (orderId: number) => `/api/laundry-orders/${orderId}/ticket?lang=${currentLocale()}`;

export interface CounterResult {
  order: LaundryOrderDto;
  printError: unknown;
  photosSent: number;
  photosFailed: number;
}

/** Downloads the labels then the ticket of an order (what the counter prints). */
export async function printOrder(order: LaundryOrderDto, format: LabelFormat): Promise<void> {
  await downloadFromApi(labelsPath(order.id, format), `${order.orderNumber}-etiquetas.pdf`, { accept: 'application/pdf' });
  await downloadFromApi(ticketPath(order.id), `${order.orderNumber}-talao.pdf`, { accept: 'application/pdf' });
}

/**
 * "Create and print": the order under one Idempotency-Key per distinct body (a double press or a retry
 * is the same order), then its labels and ticket, then each line's condition photo on the line's first
 * item. A failed print or photo never hides the order that was made.
 */
export function useCounterSubmit() {
  const create = useCreateLaundryOrder();
  const attempt = useRef<{ json: string; key: string } | null>(null);
  const [finishing, setFinishing] = useState(false);

  const submit = async (body: CreateLaundryOrderInput, photos: Array<File | null>, format: LabelFormat): Promise<CounterResult | null> => {
    if (create.isPending || finishing) return null;
    const json = JSON.stringify(body);
    if (attempt.current?.json !== json) attempt.current = { json, key: newId() };
    const order = await create.mutateAsync({ body, idempotencyKey: attempt.current.key }).catch(() => null);
    if (!order) return null;
    setFinishing(true);
    try {
      let printError: unknown = null;
      await printOrder(order, format).catch((error: unknown) => {
        printError = error;
      });
      let photosSent = 0;
      let photosFailed = 0;
      const lines = [...(order.lines ?? [])].sort((a, b) => a.position - b.position);
      for (const [index, photo] of photos.entries()) {
        const item = photo ? (order.items ?? []).find((i) => i.lineId === lines[index]?.id) : undefined;
        if (!photo) continue;
        if (!item) {
          photosFailed += 1;
          continue;
        }
        await uploadConditionPhoto(item.id, photo).then(
          () => (photosSent += 1),
          () => (photosFailed += 1),
        );
      }
      return { order, printError, photosSent, photosFailed };
    } finally {
      setFinishing(false);
    }
  };

  return { submit, pending: create.isPending || finishing, error: create.error, reset: () => create.reset() };
}
