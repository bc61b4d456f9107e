import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { RequireSession } from '@/app/require-session';
import { sessionHint } from '@/lib/session-hint';
import { envelope, renderWithProviders } from '@/test/render';

const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);
afterEach(() => fetchMock.mockReset());

function Where() {
  const location = useLocation();
  return <p>at {`${location.pathname}${location.search}`}</p>;
}

function renderGuarded(route: string) {
  return renderWithProviders(
    <Routes>
      <Route
        path="/admin/*"
        element={
          <RequireSession roles={['master', 'admin']}>
            <p>management area</p>
          </RequireSession>
        }
      />
      <Route path="*" element={<Where />} />
    </Routes>,
    { route },
  );
}

const principal = (overrides: object) => ({ id: 1, type: 'user', role: 'admin', name: 'A', username: 'a', phone: null, locale: 'pt', mustChangePassword: false, ...overrides });

describe('the session guard', () => {
  it('when this browser never signed in, then it goes to sign in remembering the page, without asking the server', async () => {
    renderGuarded('/admin/profile');
    expect(await screen.findByText('at /?next=%2Fadmin%2Fprofile')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('when the session is gone on the server, then it goes to sign in too', async () => {
    sessionHint.set(true);
    fetchMock.mockResolvedValueOnce(envelope(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in' } }));
    renderGuarded('/admin');
    expect(await screen.findByText('at /?next=%2Fadmin')).toBeInTheDocument();
    expect(sessionHint.get()).toBe(false);
  });

  it('when the password must be changed, then that page comes first', async () => {
    sessionHint.set(true);
    fetchMock.mockResolvedValueOnce(envelope(200, { data: principal({ mustChangePassword: true }) }));
    renderGuarded('/admin');
    expect(await screen.findByText('at /change-password?next=%2Fadmin')).toBeInTheDocument();
  });

  it('when another role opens the area, then it is sent to its own home', async () => {
    sessionHint.set(true);
    fetchMock.mockResolvedValueOnce(envelope(200, { data: principal({ role: 'client', type: 'client', username: null }) }));
    renderGuarded('/admin');
    expect(await screen.findByText('at /client')).toBeInTheDocument();
  });

  it('when the role belongs here, then the area is shown', async () => {
    sessionHint.set(true);
    fetchMock.mockResolvedValueOnce(envelope(200, { data: principal({}) }));
    renderGuarded('/admin');
    expect(await screen.findByText('management area')).toBeInTheDocument();
  });
});
