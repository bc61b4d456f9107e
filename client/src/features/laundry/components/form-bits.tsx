import type { ReactNode } from 'react';
import { Card } from '@/components/card';

/** A titled group of fields inside a form card. */
export function FormSection({ title, lead, children, id }: { title: string; lead?: string; children: ReactNode; id: string }) {
  return (
    <Card id={id} title={title} lead={lead} className="laundry-form__section">
      <div className="stack stack--sm">{children}</div>
    </Card>
  );
}
