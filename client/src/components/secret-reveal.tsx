import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import '@/components/ui-strings';
import { Icon } from '@/components/icon';
import './kit.css';
import './secret-reveal.css';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A value the server returns once (a temporary password, a reset link): shown large and selectable,
 * with a copy button and a plain warning that it will not be shown again.
 */
export function SecretReveal({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const { t } = useTranslation('ui');
  const [state, setState] = useState<CopyState>('idle');
  const valueRef = useRef<HTMLElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // No clipboard (plain HTTP on the shop's network, or refused): select it for a manual copy.
      const range = document.createRange();
      if (valueRef.current) range.selectNodeContents(valueRef.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setState('failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 4000);
  };

  return (
    <div className="secret stack gap-2">
      <p className="strong text-sm">{label}</p>
      <div className="cluster">
        <code ref={valueRef} className="secret__value" data-testid="secret-value">
          {value}
        </code>
        <Button variant="primary" onPress={() => void copy()} className="secret__copy">
          <Icon name={state === 'copied' ? 'check' : 'copy'} size={18} />
          {state === 'copied' ? t('copied') : t('copy')}
        </Button>
      </div>
      <p className="secret__hint" role="status">
        <Icon name="alertCircle" size={16} />
        <span>{state === 'failed' ? t('copyFailed') : (hint ?? t('shownOnce'))}</span>
      </p>
    </div>
  );
}
