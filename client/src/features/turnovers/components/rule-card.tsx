import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@/components/card';
import { CheckboxField } from '@/components/fields';
import { TimeField } from '@/components/date-fields';
import { NumberInput, SelectField } from '@/components/form-controls';
import { Button } from '@/components/button';
import { ErrorNotice, Notice } from '@/components/notice';
import { PageLoader, QueryView } from '@/components/states';
import { useWorkers } from '@/features/cleaning/api/pickers';
import { useSaveTurnoverRule, useTemplates, useTurnoverRule, type TurnoverRule } from '@/features/turnovers/api/turnovers-api';
import '@/features/turnovers/turnovers-strings';

const NONE = 'none';

function RuleForm({ propertyId, rule }: { propertyId: number; rule: TurnoverRule }) {
  const { t } = useTranslation('turnovers');
  const workers = useWorkers();
  const templates = useTemplates();
  const save = useSaveTurnoverRule(propertyId);
  const [cleanTime, setCleanTime] = useState(rule.cleanTime);
  const [hours, setHours] = useState(rule.estimatedHours);
  const [checkInTime, setCheckInTime] = useState(rule.checkInTime);
  const [workerIds, setWorkerIds] = useState(rule.workerIds);
  const [templateId, setTemplateId] = useState<number | null>(rule.checklistTemplateId);
  const [saved, setSaved] = useState(false);

  // A newer version read from the server (after saving, or another person's change) replaces the form.
  useEffect(() => {
    setCleanTime(rule.cleanTime);
    setHours(rule.estimatedHours);
    setCheckInTime(rule.checkInTime);
    setWorkerIds(rule.workerIds);
    setTemplateId(rule.checklistTemplateId);
  }, [rule]);

  const templateOptions = [
    { id: NONE, label: t('rule.noChecklist') },
    ...(templates.data ?? [])
      .filter((tpl) => tpl.isActive || tpl.id === rule.checklistTemplateId)
      .map((tpl) => ({ id: tpl.id, label: tpl.isActive ? tpl.name : t('rule.off', { name: tpl.name }) })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate({ cleanTime, estimatedHours: hours, checkInTime, workerIds, checklistTemplateId: templateId, version: rule.version }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="rule-title">
      {rule.version === 0 ? <p className="muted">{t('rule.defaults')}</p> : null}
      <div className="form-grid">
        <TimeField label={t('rule.cleanTime')} description={t('rule.cleanTimeHelp')} value={cleanTime} onChange={setCleanTime} isRequired />
        <NumberInput
          label={t('rule.hours')}
          description={t('rule.hoursHelp')}
          value={hours}
          onChange={setHours}
          minValue={0.5}
          maxValue={24}
          step={0.5}
          incrementLabel={t('rule.more')}
          decrementLabel={t('rule.less')}
        />
        <TimeField label={t('rule.checkInTime')} description={t('rule.checkInTimeHelp')} value={checkInTime} onChange={setCheckInTime} isRequired />
        <SelectField
          label={t('rule.checklist')}
          description={t('rule.checklistHelp')}
          options={templateOptions}
          value={templateId ?? NONE}
          onChange={(value) => setTemplateId(value === NONE || value === null ? null : Number(value))}
        />
      </div>
      <fieldset className="stack gap-1">
        <legend className="field__label">{t('rule.workers')}</legend>
        <p className="muted text-sm">{t('rule.workersHelp')}</p>
        {workers.isPending ? (
          <PageLoader />
        ) : (workers.data ?? []).length === 0 ? (
          <p className="muted">{t('rule.noWorkers')}</p>
        ) : (
          <div className="rule-workers__list">
            {(workers.data ?? []).map((worker) => (
              <CheckboxField
                key={worker.id}
                isSelected={workerIds.includes(worker.id)}
                onChange={(on) => setWorkerIds((ids) => (on ? [...ids, worker.id] : ids.filter((id) => id !== worker.id)))}
              >
                <span translate="no">{worker.name}</span>
              </CheckboxField>
            ))}
          </div>
        )}
      </fieldset>
      <div aria-live="polite">
        {save.error ? (
          <ErrorNotice error={save.error} />
        ) : saved ? (
          <Notice tone="success">{t('rule.saved')}</Notice>
        ) : null}
      </div>
      <div className="cluster">
        <Button type="submit" variant="primary" isPending={save.isPending} pendingLabel={t('rule.saving')}>
          {t('rule.save')}
        </Button>
      </div>
    </form>
  );
}

/** The read-only rule, as the owning client sees it. */
function RuleFacts({ rule }: { rule: TurnoverRule }) {
  const { t } = useTranslation('turnovers');
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{t('rule.cleanTime')}</dt>
        <dd>{rule.cleanTime}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('rule.hours')}</dt>
        <dd>{t('rule.hoursValue', { count: rule.estimatedHours })}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('rule.checkInTime')}</dt>
        <dd>{rule.checkInTime}</dd>
      </div>
    </dl>
  );
}

/** The property's turnover rule: staff edit it, the owning client reads it. */
export function RuleCard({ propertyId, editable }: { propertyId: number; editable: boolean }) {
  const { t } = useTranslation('turnovers');
  const rule = useTurnoverRule(propertyId);
  return (
    <Card id="rule-title" title={t('rule.title')} lead={t('rule.lead')}>
      <QueryView query={rule}>{(data) => (editable ? <RuleForm propertyId={propertyId} rule={data} /> : <RuleFacts rule={data} />)}</QueryView>
    </Card>
  );
}
