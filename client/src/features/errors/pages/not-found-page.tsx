import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/components/page-header';
import { SingleCardPage } from '@/components/single-card-page';
import { NotFoundState } from '@/components/states';
import { homePath, SHELL_BASE } from '@/app/paths';
import { useSession } from '@/features/auth/api/get-session';
import { sessionHint } from '@/lib/session-hint';

/** A friendly 404: inside a shell it keeps the navigation; elsewhere it is a page of its own. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  const location = useLocation();
  const { data: principal } = useSession({ enabled: sessionHint.get() });
  const insideShell = Object.values(SHELL_BASE).some((base) => location.pathname.startsWith(`${base}/`));
  const home = principal ? homePath(principal.role) : '/';

  const body = <NotFoundState home={home} asPageTitle />;

  if (insideShell) return body;
  return <SingleCardPage>{body}</SingleCardPage>;
}
