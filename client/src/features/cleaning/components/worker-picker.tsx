import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { SelectField } from '@/components/form-controls';
import type { WorkerOption } from '@/features/cleaning/api/pickers';
import '@/features/cleaning/cleaning-strings';

/**
 * An ordered choice of team members: the first one leads the job (the order is the API's `workerIds`).
 * Up/down buttons reorder (keyboard and touch alike, no dragging needed); "Add" picks from the rest.
 */
export function WorkerPicker({ value, onChange, workers, errorMessage, names }: { value: number[]; onChange: (ids: number[]) => void; workers: WorkerOption[]; errorMessage?: string; names: Map<number, string> }) {
  const { t } = useTranslation('cleaning');
  const nameOf = (id: number) => names.get(id) ?? workers.find((w) => w.id === id)?.name ?? `#${id}`;
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  const available = workers.filter((w) => !value.includes(w.id));

  return (
    <div className="stack gap-2" role="group" aria-labelledby="worker-picker-label" aria-describedby="worker-picker-hint">
      <p id="worker-picker-label" className="visually-hidden">
        {t('form.workers')}
      </p>
      <p id="worker-picker-hint" className="muted text-sm">
        {t('form.workersHint')}
      </p>
      {value.length === 0 ? (
        <p className="panel muted text-sm">{t('form.noWorkers')}</p>
      ) : (
        <ol className="stack gap-2">
          {value.map((id, index) => {
            const name = nameOf(id);
            return (
              <li key={id} className="panel cluster worker-picker__item">
                <span className="timeline__dot strong text-sm" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="worker-picker__name cluster gap-2 strong">
                  {name}
                  {index === 0 ? <span className="badge badge--primary">{t('lead')}</span> : null}
                </span>
                <span className="cluster gap-0-5">
                  <Button variant="ghost" iconOnly size="sm" aria-label={t('form.moveUp', { name })} isDisabled={index === 0} onPress={() => move(index, -1)}>
                    <Icon name="chevronUp" size={18} />
                  </Button>
                  <Button variant="ghost" iconOnly size="sm" aria-label={t('form.moveDown', { name })} isDisabled={index === value.length - 1} onPress={() => move(index, 1)}>
                    <Icon name="chevronDown" size={18} />
                  </Button>
                  <Button variant="ghost" iconOnly size="sm" aria-label={t('form.remove', { name })} onPress={() => onChange(value.filter((v) => v !== id))}>
                    <Icon name="close" size={18} />
                  </Button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <SelectField
        label={t('form.addWorker')}
        placeholder={t('form.addWorkerPlaceholder')}
        options={available.map((w) => ({ id: w.id, label: w.name }))}
        value={null}
        isDisabled={available.length === 0}
        errorMessage={errorMessage}
        onChange={(id) => {
          if (id !== null) onChange([...value, Number(id)]);
        }}
        className="worker-picker__add"
      />
    </div>
  );
}
