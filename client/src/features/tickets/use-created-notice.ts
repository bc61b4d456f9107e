import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Router state a new ticket's page receives, so it can confirm the ticket was sent. */
export const CREATED_STATE = { ticketCreated: true } as const;

const isCreated = (state: unknown) => typeof state === 'object' && state !== null && (state as { ticketCreated?: unknown }).ticketCreated === true;

/** True once on the page a new ticket lands on; taken out of the history entry so a reload does not repeat it. */
export function useCreatedNotice(): boolean {
  const location = useLocation();
  const navigate = useNavigate();
  const [kept] = useState(() => ({ path: location.pathname, created: isCreated(location.state) }));
  useEffect(() => {
    if (isCreated(location.state)) void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [location, navigate]);
  return kept.created && kept.path === location.pathname;
}
