import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/page-header';
import { Segmented } from '@/components/segmented';
import { LoadMore } from '@/components/pager';
import { QueryView } from '@/components/states';
import { formatDateTime } from '@/lib/format';
import { currentLocale } from '@/lib/i18n';
import { usePrincipal } from '@/features/auth/api/get-session';
import type { Thread } from '@/features/conversations/api/keys';
import { useThreads } from '@/features/conversations/api/list-threads';
import { useSubjectTitle } from '@/features/conversations/components/subject-title';
import { subjectHref } from '@/features/conversations/paths';
import '@/features/conversations/conversations-strings';
import '@/features/conversations/components/conversations.css';

function InboxRow({ thread, href }: { thread: Thread; href: string }) {
  const { t } = useTranslation('conversations');
  const locale = currentLocale();
  const title = useSubjectTitle()(thread);
  const unread = thread.unreadCount > 0;
  return (
    <li className={`tile focus-ring-within inbox-row stack gap-1${unread ? ' inbox-row--unread' : ''}`} data-testid="inbox-row">
      <div className="card__header--row">
        <h2 className="text-base">
          <Link to={href} className="tile__link">
            {title}
          </Link>
        </h2>
        {unread ? <span className="badge badge--primary">{t('inbox.unread', { count: thread.unreadCount })}</span> : null}
      </div>
      {thread.client ? (
        <p className="muted text-sm" translate="no">
          {thread.client.name}
        </p>
      ) : null}
      {thread.lastMessage ? (
        <>
          <p className="user-text muted">
            <strong translate="no">{thread.lastMessage.authorName}:</strong> {thread.lastMessage.excerpt ? <span translate="no">{thread.lastMessage.excerpt}</span> : t('inbox.photoOnly')}
          </p>
          <p className="muted text-sm">
            <time dateTime={thread.lastMessage.createdAt}>{formatDateTime(thread.lastMessage.createdAt, locale, 'short')}</time>
            {thread.assignee ? ` · ${t('assignee')}: ${thread.assignee.name}` : null}
          </p>
        </>
      ) : null}
    </li>
  );
}

type Filter = 'all' | 'unread' | 'mine';

/** What an empty inbox says under each filter. */
const FILTER_EMPTY = {
  all: { icon: 'message', title: 'inbox.emptyTitle', text: 'inbox.emptyText' },
  unread: { icon: 'check', title: 'inbox.emptyUnreadTitle', text: 'inbox.emptyUnreadText' },
  mine: { icon: 'message', title: 'inbox.emptyMineTitle', text: 'inbox.emptyMineText' },
} as const;

/** Every conversation the reader takes part in, those with unread messages first, then the most recent. */
export default function InboxPage() {
  const { t } = useTranslation('conversations');
  const principal = usePrincipal();
  const staff = principal.role === 'master' || principal.role === 'admin';
  const [filter, setFilter] = useState<Filter>('all');
  const list = useThreads(filter === 'unread', filter === 'mine');
  const empty = FILTER_EMPTY[filter];

  return (
    <>
      <PageHeader title={t('title')} lead={principal.role === 'client' ? t('inbox.leadClient') : t('inbox.lead')} />
      <div className="stack">
        <Segmented
          label={t('title')}
          look="segmented"
          className="inbox-filter"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', content: t('inbox.all') },
            { value: 'unread', content: t('inbox.unreadOnly') },
            ...(staff ? [{ value: 'mine' as const, content: t('inbox.mine') }] : []),
          ]}
        />
        <QueryView
          query={list}
          empty={{ icon: empty.icon, title: t(empty.title), text: t(empty.text) }}
          isEmpty={(data) => data.pages.every((page) => page.items.length === 0)}
        >
          {(data) => (
            <ul role="list" className="stack gap-3">
              {data.pages
                .flatMap((page) => page.items)
                .map((thread) => (
                  <InboxRow key={`${thread.subject}-${thread.subjectId}`} thread={thread} href={subjectHref(principal.role, thread.subject, thread.subjectId)} />
                ))}
            </ul>
          )}
        </QueryView>
        <LoadMore query={list} label={t('inbox.more')} />
      </div>
    </>
  );
}
