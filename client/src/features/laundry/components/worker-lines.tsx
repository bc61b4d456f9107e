import { useTranslation } from 'react-i18next';
import { currentLocale } from '@/lib/i18n';
import { serviceName } from '@/features/laundry/laundry-format';
import { lineAmount, type LineLike } from './line-summary';

interface DetailLine extends LineLike {
  id: number;
  itemCategory: string | null;
  conditionNotes: string | null;
  specialTreatment: string | null;
}

/** What to wash: amount, service and the item's notes, large enough to read at the machine. No prices. */
export function WorkLines({ lines }: { lines: DetailLine[] }) {
  const { t } = useTranslation('laundry');
  const locale = currentLocale();
  return (
    <ul role="list" className="stack gap-3">
      {lines.map((line) => {
        const notes = [line.itemType, line.itemCategory, line.conditionNotes, line.specialTreatment].filter(Boolean);
        return (
          <li key={line.id} className="panel split">
            <span className="amount text-xl work-lines__amount">{lineAmount(line, t, locale)}</span>
            <span className="stack gap-0-5 grow">
              <strong>{serviceName({ name: line.serviceName, nameEn: line.serviceNameEn }, locale)}</strong>
              {notes.length ? <span className="muted text-sm">{notes.join(' · ')}</span> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
