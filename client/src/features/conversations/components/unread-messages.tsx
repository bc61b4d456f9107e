import { useTranslation } from 'react-i18next';
import { useUnreadMessages } from '@/features/conversations/api/unread-count';
import '@/features/conversations/conversations-strings';

/** The unread messages' count beside the "Messages" navigation item (nothing when all is read). */
export function UnreadMessagesCount() {
  const { t } = useTranslation('conversations');
  const count = useUnreadMessages().data ?? 0;
  if (count === 0) return null;
  return (
    <span className="nav-item__count">
      <span aria-hidden="true" data-testid="messages-unread">
        {count > 99 ? '99+' : count}
      </span>
      <span className="visually-hidden">{t('badge', { count })}</span>
    </span>
  );
}

