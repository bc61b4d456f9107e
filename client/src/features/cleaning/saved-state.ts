import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { DoubleBookingWarningDto } from '@contracts/cleaning';

/** What a save hands to the job page it lands on (router state): the confirmation and any warnings. */
export interface SavedState {
  saved: 'booked' | 'saved';
  count: number;
  warnings: DoubleBookingWarningDto[];
}

function isSavedState(value: unknown): value is SavedState {
  return typeof value === 'object' && value !== null && 'saved' in value && Array.isArray((value as SavedState).warnings);
}

/**
 * The confirmation a save handed over, shown once: it is taken out of the history entry at once, so a
 * reload or coming back later does not announce the same save again.
 */
export function useSavedState(): SavedState | null {
  const location = useLocation();
  const navigate = useNavigate();
  // Tied to the page it was handed to: following a link to another job shows nothing there.
  const [kept] = useState(() => ({ path: location.pathname, saved: isSavedState(location.state) ? location.state : null }));
  useEffect(() => {
    if (isSavedState(location.state)) void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [location, navigate]);
  return kept.path === location.pathname ? kept.saved : null;
}
