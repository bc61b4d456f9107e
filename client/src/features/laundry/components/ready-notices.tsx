import { Link } from 'react-router';
import { Icon } from '@/components/icon';
import { useLaundryReadyNotices } from '@/features/laundry/api/list-notifications';
import { useMarkNotificationRead } from '@/features/laundry/api/mark-notification-read';

/**
 * The client's unread "your laundry is ready" notifications, each opening its order (the text comes
 * from the server in the client's language). Opening one marks it read.
 */
export function ReadyNotices() {
  const notices = useLaundryReadyNotices();
  const markRead = useMarkNotificationRead();
  if (!notices.data?.length) return null;
  return (
    <ul role="list" className="stack gap-3">
      {notices.data.map((notice) => (
        <li key={notice.id}>
          <Link to={notice.link ?? '/client/laundry'} className="notice notice--success text-base ready-notice" onClick={() => markRead.mutate(notice.id)}>
            <Icon name="checkCircle" size={22} />
            <span className="stack gap-0-5 grow">
              <strong>{notice.title}</strong>
              <span className="text-sm">{notice.body}</span>
            </span>
            <Icon name="chevronRight" size={20} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
