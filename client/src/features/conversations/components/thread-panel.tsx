import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { ATTACHED_PHOTO_LIMITS } from '@contracts/attached-photos';
import { MESSAGE_MAX_LENGTH } from '@contracts/threads';
import { Button } from '@/components/button';
import { LoadMore } from '@/components/pager';
import { Card } from '@/components/card';
import { Icon } from '@/components/icon';
import { SelectField, TextAreaInput } from '@/components/form-controls';
import { ErrorNotice } from '@/components/notice';
import { ErrorState, NotFoundState, PageLoader } from '@/components/states';
import type { ListPage } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { newId } from '@/lib/ids';
import { usePrincipal } from '@/features/auth/api/get-session';
import { useThread } from '@/features/conversations/api/get-thread';
import { conversationsKeys, type ThreadMessage, type ThreadSubject } from '@/features/conversations/api/keys';
import { useMessages } from '@/features/conversations/api/list-messages';
import { useMarkThreadRead } from '@/features/conversations/api/mark-read';
import { sendMessage, sendPhotoMessage } from '@/features/conversations/api/send-message';
import { useAssignThread, useThreadAssignees } from '@/features/conversations/api/assign-thread';
import { AttachedPhotoStrip, PhotoPicker } from '@/features/photos/components/attached-photos';
import '@/features/conversations/conversations-strings';
import './conversations.css';

export interface ThreadPanelProps {
  subject: ThreadSubject;
  subjectId: number;
}

/** A message written here and not yet confirmed by the server (shown at once; "try again" if it failed). */
interface Outgoing {
  key: string;
  body: string;
  files: File[];
  state: 'sending' | 'failed';
  error?: unknown;
}

/** Phones type a new line with Enter and send with the button; a keyboard and mouse send with Enter. */
const enterSends = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(pointer: fine)').matches;

function MessageItem({
  message,
  outgoing,
  onRetry,
  onDiscard,
}: {
  message: Pick<ThreadMessage, 'body' | 'mine' | 'author' | 'createdAt' | 'photos'>;
  outgoing?: Outgoing;
  onRetry?: () => void;
  onDiscard?: () => void;
}) {
  const { t } = useTranslation('conversations');
  const locale = currentLocale();
  return (
    <li className={`thread-message${message.mine ? ' thread-message--mine' : ''}${outgoing?.state === 'failed' ? ' thread-message--failed' : ''}`} data-testid="thread-message">
      <p className="thread-message__meta cluster gap-2 muted">
        <strong translate={message.mine ? undefined : 'no'}>{message.mine ? t('you') : message.author.name}</strong>
        {outgoing ? (
          <span>{outgoing.state === 'sending' ? t('sending') : t('failed')}</span>
        ) : (
          <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, locale, 'short')}</time>
        )}
      </p>
      {/* Plain text as written: React escapes it, and line breaks are kept by the style, never as HTML. */}
      {message.body ? (
        <p className="user-text" translate="no">
          {message.body}
        </p>
      ) : null}
      <AttachedPhotoStrip photos={message.photos} testId="message-photos" />
      {outgoing && outgoing.files.length > 0 ? <p className="muted">{t('photosPending', { count: outgoing.files.length })}</p> : null}
      {outgoing?.state === 'failed' ? (
        <div className="thread-message__actions cluster gap-2">
          <Button size="sm" variant="soft" onPress={onRetry}>
            <Icon name="refresh" size={16} />
            {t('retry')}
          </Button>
          <Button size="sm" variant="ghost" onPress={onDiscard}>
            {t('discard')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/**
 * The conversation about an order, a job or a request: the messages (the reader's own on the right,
 * each with its author and time, a "new" line above the first unread), a box to write, and the read
 * mark moved to the newest message once they are shown.
 */
export function ThreadPanel({ subject, subjectId }: ThreadPanelProps) {
  const { t } = useTranslation('conversations');
  const principal = usePrincipal();
  const queryClient = useQueryClient();
  const thread = useThread(subject, subjectId);
  const messages = useMessages(subject, subjectId);
  const markRead = useMarkThreadRead(subject, subjectId);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [outgoing, setOutgoing] = useState<Outgoing[]>([]);
  const [empty, setEmpty] = useState(false);
  // The read mark as it was when the panel opened: the "new" line stays put while the reader reads.
  const [seenBefore, setSeenBefore] = useState<number | null>(null);
  const marked = useRef(0);
  const listEnd = useRef<HTMLLIElement>(null);
  const [desktop] = useState(enterSends);

  const items = (messages.data?.pages ?? []).flatMap((page) => page.items).slice().reverse();
  const newest = items.at(-1);
  const readMark = thread.data?.lastReadMessageId ?? 0;

  useEffect(() => {
    if (thread.data && seenBefore === null) setSeenBefore(thread.data.lastReadMessageId ?? 0);
  }, [thread.data, seenBefore]);

  // Shown is read: move the mark to the newest message when someone else wrote after it.
  useEffect(() => {
    if (!newest || !thread.data) return;
    const unseen = items.some((m) => !m.mine && m.id > Math.max(readMark, marked.current));
    if (!unseen) return;
    marked.current = newest.id;
    markRead.mutate(newest.id, { onSuccess: (data) => queryClient.setQueryData(conversationsKeys.thread(subject, subjectId), data) });
  }, [newest?.id, readMark, Boolean(thread.data)]);

  useEffect(() => {
    listEnd.current?.scrollIntoView?.({ block: 'nearest' });
  }, [newest?.id, outgoing.length]);

  const deliver = async (message: Outgoing) => {
    setOutgoing((list) => list.map((m) => (m.key === message.key ? { ...m, state: 'sending', error: undefined } : m)));
    try {
      const sent = message.files.length > 0 ? await sendPhotoMessage(subject, subjectId, message.body, message.files, message.key) : await sendMessage(subject, subjectId, message.body, message.key);
      // The confirmed message takes the place of the outgoing one at once, before the list is asked again.
      queryClient.setQueryData<InfiniteData<ListPage<ThreadMessage>, string | undefined>>(conversationsKeys.messages(subject, subjectId), (old) => {
        if (!old || old.pages.length === 0) return old;
        const [first, ...rest] = old.pages;
        return { ...old, pages: [{ ...first!, items: [sent, ...first!.items.filter((m) => m.id !== sent.id)] }, ...rest] };
      });
      setOutgoing((list) => list.filter((m) => m.key !== message.key));
      void queryClient.invalidateQueries({ queryKey: conversationsKeys.messages(subject, subjectId) });
      void queryClient.invalidateQueries({ queryKey: conversationsKeys.thread(subject, subjectId) });
      void queryClient.invalidateQueries({ queryKey: [...conversationsKeys.all, 'inbox'] });
    } catch (error) {
      setOutgoing((list) => list.map((m) => (m.key === message.key ? { ...m, state: 'failed', error } : m)));
    }
  };

  const submit = () => {
    const body = text.trim();
    if (!body && files.length === 0) {
      // A second press of a message just sent finds the box empty: nothing to say about it.
      if (!outgoing.some((m) => m.state === 'sending')) setEmpty(true);
      return;
    }
    if (body.length > MESSAGE_MAX_LENGTH) return;
    setEmpty(false);
    const message: Outgoing = { key: newId(), body, files, state: 'sending' };
    setOutgoing((list) => [...list, message]);
    setText('');
    setFiles([]);
    void deliver(message);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (desktop && event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  if (thread.isError && thread.error instanceof ApiError && thread.error.status === 404) return <NotFoundState />;
  const length = text.trim().length;
  const tooLong = length > MESSAGE_MAX_LENGTH;
  const staff = principal.role === 'master' || principal.role === 'admin';
  const lead = principal.role === 'client' ? t('panelLeadClient') : principal.role === 'worker' ? t('panelLeadWorker') : t('panelLeadStaff');
  const firstNew = seenBefore === null ? undefined : items.find((m) => !m.mine && m.id > seenBefore);
  const lastFailure = outgoing.find((m) => m.state === 'failed')?.error;

  return (
    <Card
      id="thread-panel-title"
      title={
        <>
          <Icon name="message" size={20} />
          {t('panelTitle')}
        </>
      }
      lead={lead}
      className="thread-panel"
      data-testid="thread-panel"
    >
      {staff && thread.data ? (
        <AssignControl subject={subject} subjectId={subjectId} assigneeId={thread.data.assignee?.id ?? null} />
      ) : thread.data?.assignee && principal.role !== 'worker' ? (
        <p className="muted text-sm" data-testid="thread-assignee">
          {t('assignee')}: {thread.data.assignee.name}
        </p>
      ) : null}
      {messages.isPending || thread.isPending ? (
        <PageLoader />
      ) : messages.isError ? (
        <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
      ) : (
        <div className="thread-panel__scroller">
          <LoadMore query={messages} label={t('older')} size="sm" className="thread-panel__older" />
          {items.length === 0 && outgoing.length === 0 ? <p className="muted thread-panel__empty">{t('empty')}</p> : null}
          <ol className="stack gap-3" aria-live="polite" aria-relevant="additions">
            {items.map((m) => (
              <MessageFragment key={m.id} message={m} separator={m === firstNew ? t('newSeparator') : null} />
            ))}
            {outgoing.map((m) => (
              <MessageItem
                key={m.key}
                message={{ body: m.body, mine: true, author: { kind: 'staff', id: 0, name: '' }, createdAt: '', photos: [] }}
                outgoing={m}
                onRetry={() => void deliver(m)}
                onDiscard={() => setOutgoing((list) => list.filter((x) => x.key !== m.key))}
              />
            ))}
            <li ref={listEnd} className="thread-panel__end" aria-hidden="true" />
          </ol>
        </div>
      )}
      <ErrorNotice error={lastFailure} />
      <form
        className="thread-panel__compose stack gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextAreaInput
          label={t('compose')}
          placeholder={t('placeholder')}
          value={text}
          rows={2}
          onChange={(value) => {
            setText(value);
            if (value.trim()) setEmpty(false);
          }}
          onKeyDown={onKeyDown}
          description={desktop ? t('hintDesktop') : undefined}
          errorMessage={
            empty ? t('validation.required', { ns: 'translation' }) : tooLong ? t('tooLong', { max: MESSAGE_MAX_LENGTH, count: length }) : undefined
          }
        />
        <PhotoPicker files={files} onChange={setFiles} max={ATTACHED_PHOTO_LIMITS.perMessage} label={t('attachPhotos')} />
        <div className="cluster justify-end">
          <Button type="submit" variant="primary" isDisabled={tooLong}>
            <Icon name="send" size={18} />
            {t('send')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Staff: who answers this conversation — a master or admin, or anyone on the team. */
function AssignControl({ subject, subjectId, assigneeId }: { subject: ThreadPanelProps['subject']; subjectId: number; assigneeId: number | null }) {
  const { t } = useTranslation('conversations');
  const people = useThreadAssignees(true);
  const assign = useAssignThread(subject, subjectId);
  const NOBODY = 'nobody';
  const options = [{ id: NOBODY, label: t('nobody') }, ...(people.data ?? []).map((p) => ({ id: String(p.id), label: p.name }))];
  return (
    <div className="text-sm" data-testid="thread-assign">
      <SelectField
        label={t('assignTo')}
        options={options}
        value={assigneeId === null ? NOBODY : String(assigneeId)}
        isDisabled={assign.isPending || people.isPending}
        onChange={(key) => {
          if (key === null) return;
          const next = key === NOBODY ? null : Number(key);
          if (next !== assigneeId) assign.mutate(next);
        }}
      />
      <ErrorNotice error={assign.error} />
    </div>
  );
}

function MessageFragment({ message, separator }: { message: ThreadMessage; separator: string | null }) {
  return (
    <>
      {separator ? (
        <li className="thread-panel__separator" data-testid="thread-new-separator">
          <span>{separator}</span>
        </li>
      ) : null}
      <MessageItem message={message} />
    </>
  );
}
