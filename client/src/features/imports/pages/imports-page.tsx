import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { ImportDto } from '@contracts/imports';
import { Icon } from '@/components/icon';
import { PageHeader } from '@/components/page-header';
import { importKeys } from '@/features/imports/api/keys';
import { useDiscardImport } from '@/features/imports/api/undo-import';
import { ImportHistory } from '@/features/imports/components/import-history';
import { MappingStep } from '@/features/imports/components/mapping-step';
import { PreviewStep } from '@/features/imports/components/preview-step';
import { ResultStep } from '@/features/imports/components/result-step';
import { UploadStep } from '@/features/imports/components/upload-step';
import '@/features/imports/imports-strings';
import '@/components/kit.css';
import './imports.css';

const STEPS = ['upload', 'mapping', 'preview', 'result'] as const;
type Step = (typeof STEPS)[number];

/**
 * Spreadsheet import: upload → columns → check (every bad row and why, on its cell) → import in one go →
 * what was done, with links. Nothing is written before the last step's confirmation.
 */
export default function ImportsPage() {
  const { t } = useTranslation('imports');
  const queryClient = useQueryClient();
  const discard = useDiscardImport();
  const [step, setStep] = useState<Step>('upload');
  const [current, setCurrent] = useState<ImportDto | null>(null);

  const show = (next: Step, draft: ImportDto | null) => {
    setCurrent(draft);
    setStep(next);
    void queryClient.invalidateQueries({ queryKey: importKeys.all });
  };
  const restart = () => {
    if (current?.status === 'draft') discard.mutate(current.id);
    show('upload', null);
  };

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <div className="stack">
        <ol className="progress" aria-label={t('steps.label')}>
          {STEPS.map((s, i) => (
            <li key={s} className={`progress__step${STEPS.indexOf(step) >= i ? ' progress__step--done' : ''}`} aria-current={s === step ? 'step' : undefined}>
              <span className="progress__dot" aria-hidden="true">
                {STEPS.indexOf(step) > i ? <Icon name="check" size={14} /> : null}
              </span>
              <span className="progress__label">{t(`steps.${s}`)}</span>
            </li>
          ))}
        </ol>
        {step === 'upload' || !current ? (
          <UploadStep onRead={(draft) => show('mapping', draft)} />
        ) : step === 'mapping' ? (
          <MappingStep draft={current} onChecked={(draft) => show('preview', draft)} />
        ) : step === 'preview' ? (
          <PreviewStep draft={current} onCommitted={(done) => show('result', done)} onRestart={restart} />
        ) : (
          <ResultStep result={current} onUndone={(after) => show('result', after)} onAnother={() => show('upload', null)} />
        )}
        <ImportHistory onOpen={(item) => show(item.status === 'draft' ? 'preview' : 'result', item)} />
      </div>
    </>
  );
}
