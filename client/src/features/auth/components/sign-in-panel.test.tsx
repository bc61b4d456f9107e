import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignInPanel } from '@/features/auth/components/sign-in-panel';
import { setBusiness } from '@/lib/business';
import { flash } from '@/lib/flash';
import { envelope, renderWithProviders } from '@/test/render';

const fetchMock = vi.fn<typeof fetch>();
vi.stubGlobal('fetch', fetchMock);

// The panel also asks whether "forgot password" by e-mail is available; every other call is answered
// from this queue, in order.
const OPTIONS = '/api/auth/password-reset-options';
let emailReset = false;
const answers: Response[] = [];
const signInCalls = () => fetchMock.mock.calls.filter(([url]) => url !== OPTIONS);
beforeEach(() => {
  fetchMock.mockImplementation(async (url) =>
    url === OPTIONS ? envelope(200, { data: { emailResetAvailable: emailReset } }) : (answers.shift() ?? envelope(500, { error: { code: 'INTERNAL', message: 'unexpected call' } })),
  );
});
afterEach(() => {
  fetchMock.mockReset();
  answers.length = 0;
  emailReset = false;
});

const onSignedIn = vi.fn();
const navigate = vi.fn();
afterEach(() => {
  onSignedIn.mockReset();
  navigate.mockReset();
});
const panel = <SignInPanel onSignedIn={onSignedIn} navigate={navigate} />;

const principal = { id: 2, type: 'user', role: 'admin', name: 'Ricardo Almeida', username: 'admin', phone: null, locale: 'pt', mustChangePassword: false };

describe('sign-in panel', () => {
  it('when submitted empty, then each field says what is missing and nothing is sent', async () => {
    const user = userEvent.setup();
    renderWithProviders(panel);
    await user.click(screen.getByRole('button', { name: 'Entrar' }));
    expect(await screen.findAllByText('Preencha este campo.')).toHaveLength(2);
    expect(screen.getByLabelText('Número de telemóvel')).toHaveAttribute('aria-invalid', 'true');
    expect(signInCalls()).toEqual([]);
  });

  it('when a team member signs in, then the trimmed username is sent and the new session handed on', async () => {
    const user = userEvent.setup();
    answers.push(envelope(200, { data: principal }));
    renderWithProviders(panel);
    await user.click(screen.getByText('Equipa'));
    await user.type(screen.getByLabelText('Nome de utilizador'), '  admin ');
    await user.type(screen.getByLabelText('Palavra-passe'), 'admin123');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(principal));
    const [url, init] = signInCalls()[0]!;
    expect(url).toBe('/api/auth/login/user');
    expect(JSON.parse(init!.body as string)).toEqual({ username: 'admin', password: 'admin123' });
  });

  it('when the details are wrong, then the translated reason is announced', async () => {
    const user = userEvent.setup();
    answers.push(envelope(401, { error: { code: 'INVALID_CREDENTIALS', message: 'Invalid phone or password.' } }));
    renderWithProviders(panel);
    await user.type(screen.getByLabelText('Número de telemóvel'), '911111111');
    await user.type(screen.getByLabelText('Palavra-passe'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Estes dados não correspondem a nenhuma conta.');
    expect(signInCalls()[0]![0]).toBe('/api/auth/login/client');
  });

  it('when the server cannot e-mail reset links, then the panel says whom to call instead (the business phone from the settings)', async () => {
    renderWithProviders(panel);
    expect(await screen.findByText('Esqueceu-se da palavra-passe? Fale connosco e definimos uma nova.')).toBeInTheDocument();
    act(() => setBusiness({ name: 'Lavandaria Rosa', address: '', phone: '+351213456789', email: '', logoUrl: null }));
    expect(await screen.findByText('Esqueceu-se da palavra-passe? Ligue-nos para o +351 213 456 789 e definimos uma nova.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Esqueceu-se da palavra-passe?' })).toBeNull();
  });

  it('when e-mail reset is configured, then the panel links to it and opens it in the app', async () => {
    emailReset = true;
    const user = userEvent.setup();
    renderWithProviders(panel);
    const link = await screen.findByRole('link', { name: 'Esqueceu-se da palavra-passe?' });
    expect(link).toHaveAttribute('href', '/forgot-password');
    await user.click(link);
    expect(navigate).toHaveBeenCalledWith('/forgot-password');
  });

  it('when the session had expired, then the panel says so once', () => {
    flash.set('expired');
    renderWithProviders(panel);
    expect(screen.getByRole('status')).toHaveTextContent('A sua sessão terminou.');
    expect(flash.peek()).toBeNull();
  });
});
