import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagLookupDto } from '@contracts/laundry-floor';
import { ErrorNotice, Notice } from '@/components/notice';
import { PageHeader } from '@/components/page-header';
import { Segmented } from '@/components/segmented';
import { isApiError } from '@/lib/api-error';
import { lookupTag } from '@/features/laundry/api/laundry-tags';
import { CameraScanner } from '@/features/laundry/scan/camera-scanner';
import { ItemPanel } from '@/features/laundry/scan/item-panel';
import { PickupPanel, usePickup } from '@/features/laundry/scan/pickup-panel';
import { normaliseCode } from '@/features/laundry/scan/qr-reader';
import { RackAssign } from '@/features/laundry/scan/rack-assign';
import { ScanField } from '@/features/laundry/scan/scan-field';
import '@/features/laundry/scan/scan-strings';
import '@/features/laundry/laundry.css';
import '@/features/laundry/floor.css';

type Mode = 'process' | 'pickup';
type Lookup = { code: string; phase: 'looking' } | { code: string; phase: 'found'; lookup: TagLookupDto } | { code: string; phase: 'unknown' } | { code: string; phase: 'failed'; error: unknown };

/**
 * The "Leitor": staff and the team scan a label (camera, USB/Bluetooth scanner or typed) and move the
 * item on with one tap; when its order is ready they put it on a rack. In pickup mode every item of
 * the order being collected is checked off and the missing ones are named.
 */
export default function ScanPage() {
  const { t } = useTranslation('scan');
  const [mode, setMode] = useState<Mode>('process');
  const [current, setCurrent] = useState<Lookup | null>(null);
  const [rackNote, setRackNote] = useState<string | null>(null);
  const pickup = usePickup();
  const latest = useRef(0);
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const pickupScan = useRef(pickup.scan);
  pickupScan.current = pickup.scan;

  const resolve = useCallback(async (text: string) => {
    const code = normaliseCode(text);
    if (!code) {
      setCurrent({ code: text.slice(0, 40), phase: 'unknown' });
      return;
    }
    const seq = ++latest.current;
    setCurrent({ code, phase: 'looking' });
    try {
      const lookup = await lookupTag(code);
      if (seq !== latest.current) return;
      setCurrent({ code, phase: 'found', lookup });
      setRackNote(null);
      if (modeRef.current === 'pickup') pickupScan.current(lookup);
    } catch (error) {
      if (seq !== latest.current) return;
      setCurrent(isApiError(error) && (error.status === 404 || error.code === 'VALIDATION_FAILED') ? { code, phase: 'unknown' } : { code, phase: 'failed', error });
    }
  }, []);

  const refresh = async (code: string) => {
    const lookup = await lookupTag(code).catch(() => null);
    if (lookup) setCurrent({ code, phase: 'found', lookup });
  };

  const found = current?.phase === 'found' ? current.lookup : null;

  return (
    <>
      <PageHeader title={t('title')} lead={mode === 'pickup' ? t('pickup.lead') : t('lead')} />
      <div className="scan-layout">
        <Segmented
          label={t('mode.label')}
          look="account-switch"
          value={mode}
          onChange={(value) => {
            setMode(value);
            setCurrent(null);
            pickup.reset();
          }}
          options={[
            { value: 'process', content: t('mode.process') },
            { value: 'pickup', content: t('mode.pickup') },
          ]}
        />
        <div className="scan-layout__camera">
          <CameraScanner onCode={(code) => void resolve(code)} />
        </div>
        <div className="card scan-layout__field">
          <ScanField onCode={(code) => void resolve(code)} />
        </div>
        <div className="stack scan-layout__result">
          {current?.phase === 'looking' ? <Notice tone="info">{t('lookup.searching', { code: current.code })}</Notice> : null}
          {current?.phase === 'unknown' ? <Notice tone="danger">{t('lookup.unknown', { code: current.code })}</Notice> : null}
          <ErrorNotice error={current?.phase === 'failed' ? current.error : null} />
          {mode === 'process' && found ? (
            <>
              <ItemPanel key={found.item.id} lookup={found} onUpdate={(lookup) => setCurrent({ code: lookup.item.globalCode, phase: 'found', lookup })} />
              {rackNote ? <Notice tone="success">{rackNote}</Notice> : null}
              {found.order.status === 'ready' && found.order.rack && !rackNote ? <Notice tone="info">{t('rack.onRack', { code: found.order.rack.code })}</Notice> : null}
              {found.order.status === 'ready' && !found.order.rack ? (
                <RackAssign
                  key={found.order.id}
                  orderId={found.order.id}
                  orderNumber={found.order.orderNumber}
                  suggested={found.order.suggestedRack}
                  onAssigned={(message) => {
                    setRackNote(message);
                    void refresh(found.item.globalCode);
                  }}
                />
              ) : null}
            </>
          ) : null}
          {mode === 'pickup' && pickup.session ? (
            <PickupPanel key={pickup.session.orderId} session={pickup.session} note={pickup.note} onFinished={pickup.finish} onReset={pickup.reset} />
          ) : null}
        </div>
      </div>
    </>
  );
}
