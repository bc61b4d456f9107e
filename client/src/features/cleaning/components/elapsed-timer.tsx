import { useEffect, useState } from 'react';
import { formatElapsed } from '@/features/cleaning/job-format';

/** The time since `since`, ticking every second. Screen readers get it on demand, not every tick. */
export function ElapsedTimer({ since, label, className }: { since: string; label: string; className?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span role="timer" aria-live="off" aria-label={label} className={['elapsed', className].filter(Boolean).join(' ')}>
      {formatElapsed(now - Date.parse(since))}
    </span>
  );
}
