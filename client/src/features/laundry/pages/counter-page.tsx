import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaundryServiceDto } from '@contracts/laundry';
import { PageHeader } from '@/components/page-header';
import { ErrorState, PageLoader } from '@/components/states';
import { Card } from '@/components/card';
import { useLaundryCategories } from '@/features/laundry/api/list-laundry-categories';
import { useLaundryServices } from '@/features/laundry/api/list-laundry-services';
import { usePricePreview } from '@/features/laundry/api/preview-laundry-price';
import type { ClientOption } from '@/features/clients/api/client-options';
import { ClientPicker } from '@/features/laundry/components/client-picker';
import { addService, buildLines, pieceCount, splitLine, type CounterLine } from '@/features/laundry/counter/counter-draft';
import { CounterDone } from '@/features/laundry/counter/counter-done';
import { CounterLineRow } from '@/features/laundry/counter/counter-line-row';
import { CounterSummary } from '@/features/laundry/counter/counter-summary';
import { GarmentPicker } from '@/features/laundry/counter/garment-picker';
import { storedLabelFormat, storeLabelFormat, useCounterSubmit, type CounterResult, type LabelFormat } from '@/features/laundry/counter/use-counter-submit';
import { WalkInClient } from '@/features/laundry/counter/walk-in-client';
import { useDebounced } from '@/features/laundry/use-debounced';
import '@/features/laundry/counter/counter-strings';
import '@/features/laundry/laundry.css';
import '@/features/laundry/counter/counter.css';
import { BackLink } from '@/components/back-link';

/**
 * The counter (Balcão): a keyboard-first intake for a tablet or a desk. Client, garments by category (or
 * typed), details per line, express, the live ready date and total, then one "Create and print".
 */
export default function CounterPage() {
  const { t } = useTranslation('counter');
  const services = useLaundryServices();
  const categories = useLaundryCategories();
  const [client, setClient] = useState<ClientOption | null>(null);
  const [lines, setLines] = useState<CounterLine[]>([]);
  const [express, setExpress] = useState(false);
  const [format, setFormat] = useState<LabelFormat>(storedLabelFormat);
  const [problem, setProblem] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [result, setResult] = useState<CounterResult | null>(null);
  const quickRef = useRef<HTMLInputElement>(null);
  const weightRefs = useRef(new Map<string, HTMLInputElement>());
  const focusWeight = useRef<string | null>(null);
  const { submit, pending, error, reset } = useCounterSubmit();
  const catalogue = useMemo(() => services.data ?? [], [services.data]);

  const built = useMemo(() => buildLines(lines), [lines]);
  const previewBody = useMemo(
    () => (built.lines.length ? { ...(client ? { clientId: client.id } : {}), lines: built.lines.map((l) => ({ serviceId: l.serviceId, quantity: l.quantity, weightGrams: l.weightGrams })), express } : null),
    [built.lines, client, express],
  );
  const settledJson = useDebounced(previewBody ? JSON.stringify(previewBody) : '', 250);
  const preview = usePricePreview(useMemo(() => (settledJson ? JSON.parse(settledJson) : null), [settledJson]));
  const updating = (previewBody ? JSON.stringify(previewBody) : '') !== settledJson || preview.isFetching;
  // The price of each line that was priced, by its key (lines waiting for a weight are not).
  const lineTotals = useMemo(() => {
    const totals = new Map<string, number>();
    if (!preview.data || updating) return totals;
    lines.filter((l) => !built.errors[l.key]).forEach((l, i) => {
      const priced = preview.data.lines[i];
      if (priced) totals.set(l.key, priced.totalCents);
    });
    return totals;
  }, [preview.data, updating, lines, built.errors]);

  useEffect(() => {
    const key = focusWeight.current;
    if (key) weightRefs.current.get(key)?.focus();
    focusWeight.current = null;
  }, [lines]);

  const add = useCallback((service: LaundryServiceDto, amount?: string) => {
    setLines((current) => {
      const next = addService(current, service, amount);
      if (service.pricingUnit === 'per_kg' && !amount) focusWeight.current = next.key;
      return next.lines;
    });
    setProblem(null);
  }, []);

  const patch = (key: string, change: Partial<CounterLine>) => setLines((current) => current.map((l) => (l.key === key ? { ...l, ...change } : l)));

  const create = async () => {
    setShowErrors(true);
    if (!client) return setProblem(t('summary.chooseClient'));
    if (lines.length === 0) return setProblem(t('summary.noLines'));
    if (Object.keys(built.errors).length > 0) return setProblem(t('summary.fix'));
    setProblem(null);
    const done = await submit({ clientId: client.id, orderType: 'itemized', express, deliveryRequested: false, additionalChargesCents: 0, discountCents: 0, lines: built.lines }, lines.map((l) => l.photo), format);
    if (done) setResult(done);
  };

  const next = () => {
    setResult(null);
    setClient(null);
    setLines([]);
    setExpress(false);
    setShowErrors(false);
    reset();
  };

  // Ctrl+Enter (⌘+Enter) creates from anywhere on the screen: caught before a focused button sees it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !result) {
        event.preventDefault();
        event.stopPropagation();
        void create();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  if (services.isPending || categories.isPending) return <PageLoader />;
  if (services.isError) return <ErrorState error={services.error} onRetry={() => void services.refetch()} />;

  const header = (
    <PageHeader
      eyebrow={
        <BackLink to="/admin/laundry">{t('back')}</BackLink>
      }
      title={t('title')}
      lead={t('lead')}
    />
  );

  if (result) {
    return (
      <>
        {header}
        <CounterDone result={result} format={format} onNext={next} />
      </>
    );
  }

  return (
    <>
      {header}
      <div className="counter">
        <div className="stack gap-5">
          <section className="card stack gap-4 counter-client" aria-label={t('client.label')}>
            <ClientPicker
              label={t('client.label')}
              placeholder={t('client.placeholder')}
              selected={client}
              onSelect={(chosen) => {
                setClient(chosen);
                if (chosen) requestAnimationFrame(() => quickRef.current?.focus());
              }}
              errorMessage={showErrors && !client ? t('summary.chooseClient') : undefined}
            />
            <WalkInClient
              onCreated={(made) => {
                setClient(made);
                requestAnimationFrame(() => quickRef.current?.focus());
              }}
            />
          </section>
          <GarmentPicker services={catalogue} categories={categories.data ?? []} onAdd={add} quickRef={quickRef} />
        </div>
        <div className="stack gap-5">
          <Card id="counter-lines-title" title={t('lines.title')} className="stack gap-4">
            {lines.length === 0 ? (
              <p className="muted">{t('lines.empty')}</p>
            ) : (
              <ul role="list" className="stack gap-3">
                {lines.map((line) => (
                  <CounterLineRow
                    key={line.key}
                    line={line}
                    service={catalogue.find((s) => s.id === line.serviceId)}
                    totalCents={lineTotals.get(line.key)}
                    error={showErrors || line.weightKg ? built.errors[line.key] : undefined}
                    onChange={(change) => patch(line.key, change)}
                    onRemove={() => setLines((current) => current.filter((l) => l.key !== line.key))}
                    onSplit={() => setLines((current) => splitLine(current, line.key).lines)}
                    weightRef={(el) => {
                      if (el) weightRefs.current.set(line.key, el);
                      else weightRefs.current.delete(line.key);
                    }}
                  />
                ))}
              </ul>
            )}
          </Card>
          <CounterSummary
            express={express}
            onExpress={setExpress}
            preview={preview.data && previewBody ? preview.data : undefined}
            updating={Boolean(previewBody) && updating}
            pieces={pieceCount(lines)}
            format={format}
            onFormat={(value) => {
              setFormat(value);
              storeLabelFormat(value);
            }}
            problem={problem}
            failure={error}
            pending={pending}
            onSubmit={() => void create()}
          />
        </div>
      </div>
    </>
  );
}
