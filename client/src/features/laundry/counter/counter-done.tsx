import { useState } from 'react';
import { Card } from '@/components/card';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '@/components/button';
import { Icon } from '@/components/icon';
import { Notice } from '@/components/notice';
import { useDescribeError } from '@/lib/error-message';
import { downloadFromApi } from '@/lib/api-download';
import { labelsPath, ticketPath, type CounterResult, type LabelFormat } from './use-counter-submit';
import './counter-strings';

/** After "Create and print": what happened, the two PDFs again, the order, and the next client. */
export function CounterDone({ result, format, onNext }: { result: CounterResult; format: LabelFormat; onNext: () => void }) {
  const { t } = useTranslation('counter');
  const describe = useDescribeError();
  const [again, setAgain] = useState<unknown>(null);
  const { order } = result;
  const fetchAgain = (path: string, name: string) => {
    setAgain(null);
    downloadFromApi(path, name, { accept: 'application/pdf' }).catch(setAgain);
  };
  const printFailure = result.printError ? describe(result.printError) : again ? describe(again) : null;

  return (
    <Card
      id="counter-done-title"
      title={
        <>
          <Icon name="check" size={22} />
          {t('done.title', { order: order.orderNumber })}
        </>
      }
      className="stack gap-4"
      data-testid="counter-done"
    >
      {printFailure ? (
        <Notice tone="warning" reference={printFailure.reference}>
          {t('done.printFailed', { message: printFailure.message })}
        </Notice>
      ) : (
        <Notice tone="success">{t('done.printed')}</Notice>
      )}
      {result.photosSent > 0 ? <Notice tone="success">{t('done.photosSent', { count: result.photosSent })}</Notice> : null}
      {result.photosFailed > 0 ? <Notice tone="warning">{t('done.photoFailed')}</Notice> : null}
      <div className="cluster gap-2">
        <Button variant="primary" size="lg" onPress={onNext} autoFocus>
          {t('done.next')}
        </Button>
        <ButtonLink href={`/admin/laundry/${order.id}`} variant="secondary">
          {t('done.open')}
        </ButtonLink>
        <Button variant="secondary" onPress={() => fetchAgain(labelsPath(order.id, format), `${order.orderNumber}-etiquetas.pdf`)}>
          <Icon name="download" size={18} />
          {t('done.labels')}
        </Button>
        <Button variant="secondary" onPress={() => fetchAgain(ticketPath(order.id), `${order.orderNumber}-talao.pdf`)}>
          <Icon name="download" size={18} />
          {t('done.ticket')}
        </Button>
      </div>
    </Card>
  );
}
