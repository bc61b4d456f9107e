import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/button';
import { Icon } from '@/components/icon';
import { TextAreaInput } from '@/components/form-controls';
import { ErrorNotice } from '@/components/notice';
import { Card } from '@/components/card';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { initials } from '@/lib/initials';
import { useAddComment } from '@/features/tickets/api/add-comment';
import type { Ticket } from '@/features/tickets/api/keys';
import '@/features/tickets/tickets-strings';

/** The conversation on a ticket, oldest first, and a box to add to it (anyone who sees the ticket). */
export function TicketComments({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('tickets');
  const locale = currentLocale();
  const add = useAddComment();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const comments = ticket.comments ?? [];

  const send = () => {
    if (!body.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    add.mutate({ id: ticket.id, body: body.trim() }, { onSuccess: () => setBody('') });
  };

  return (
    <Card id="ticket-comments-title" title={t('comments.title')} className="stack gap-4">
      {comments.length === 0 ? (
        <p className="muted">{t('comments.empty')}</p>
      ) : (
        <ol className="stack gap-4">
          {comments.map((comment) => (
            <li key={comment.id} className="split ticket-comment">
              <span className="avatar" aria-hidden="true">
                {initials(comment.author.name)}
              </span>
              <div className="panel stack gap-1 grow">
                <p className="cluster gap-2 text-sm">
                  <strong>{comment.author.name}</strong>
                  <time dateTime={comment.createdAt} className="muted">{formatDateTime(comment.createdAt, locale, 'short')}</time>
                </p>
                <p className="user-text">{comment.body}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      <form
        className="stack gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <TextAreaInput
          label={t('comments.add')}
          placeholder={t('comments.placeholder')}
          value={body}
          onChange={(value) => {
            setBody(value);
            if (value.trim()) setEmpty(false);
          }}
          maxLength={4000}
          errorMessage={empty ? t('validation.required', { ns: 'translation' }) : undefined}
        />
        <ErrorNotice error={add.error} />
        <div>
          <Button type="submit" variant="secondary" isPending={add.isPending} pendingLabel={t('comments.sending')}>
            <Icon name="message" size={18} />
            {t('comments.send')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
