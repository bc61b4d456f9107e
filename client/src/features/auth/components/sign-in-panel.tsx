import { useEffect, useRef, useState, type FormEvent, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type * as Contracts from '@contracts/auth';
import { Icon } from '@/components/icon';
import { ErrorNotice, Notice } from '@/components/notice';
import { Segmented } from '@/components/segmented';
import { SubmitButton } from '@/components/submit-button';
import { PasswordInput, TextInput } from '@/components/text-field';
import { useBusiness } from '@/lib/business';
import { flash, type Flash } from '@/lib/flash';
import { formErrorMap, issuesByField, validationMessage } from '@/lib/form-validation';
import type { Principal } from '@/features/auth/api/get-session';
import { loginClient } from '@/features/auth/api/login-client';
import { loginUser } from '@/features/auth/api/login-user';
import { usePasswordResetOptions } from '@/features/account/api/password-reset-options';
import { formatPhone } from '@/lib/format';

type AccountKind = 'client' | 'staff';
const KIND_KEY = 'lavandaria.signInKind';

function rememberedKind(): AccountKind {
  try {
    return localStorage.getItem(KIND_KEY) === 'staff' ? 'staff' : 'client';
  } catch {
    return 'client';
  }
}

/*
 * The sign-in forms are the one place that does not use react-hook-form nor the query cache: they sit
 * on the landing page, whose first load has a 120 kB budget and carries neither. They validate with
 * the same shared zod schemas, fetched when the user first focuses a field (zod is not needed to show
 * the page), and hand the new session to `onSignedIn`.
 */
let contracts: Promise<typeof Contracts> | undefined;
const loadContracts = () => (contracts ??= import('@contracts/auth').catch((error: unknown) => {
  contracts = undefined;
  throw error;
}));

export interface SignInPanelProps {
  /**
   * The account just signed in: the caller records the session and takes the user on. The form stays
   * pending until a returned promise settles (the app may still be on its way).
   */
  onSignedIn: (principal: Principal) => void | Promise<void>;
  /** Opens another in-app page (the e-mail password reset) without reloading. */
  navigate: (to: string) => void;
}

/** One sign-in request at a time, with its failure kept for the form to show. */
function useSignIn<T>(request: (values: T) => Promise<Principal>, onSignedIn: SignInPanelProps['onSignedIn']) {
  const [state, setState] = useState<{ isPending: boolean; error: unknown }>({ isPending: false, error: null });
  const mounted = useRef(true);
  const pending = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const mutate = (values: T) => {
    if (pending.current) return;
    pending.current = true;
    setState({ isPending: true, error: null });
    request(values)
      .then(onSignedIn)
      .then(
        () => {
          pending.current = false;
          if (mounted.current) setState({ isPending: false, error: null });
        },
        (error: unknown) => {
          pending.current = false;
          if (mounted.current) setState({ isPending: false, error });
        },
      );
  };
  return { ...state, mutate };
}

interface SignInFormProps<T> {
  fields: (errors: Record<string, string | undefined>, clear: (name: string) => void) => ReactNode;
  schema: () => Promise<z.ZodType<T>>;
  mutation: { mutate: (values: T) => void; isPending: boolean; error: unknown };
}

function SignInForm<T>({ fields, schema, mutation }: SignInFormProps<T>) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const result = (await schema()).safeParse(values, { error: formErrorMap });
    if (!result.success) {
      const byField = issuesByField(result.error.issues);
      setErrors(byField);
      formRef.current?.querySelector<HTMLInputElement>(`[name="${Object.keys(byField)[0]}"]`)?.focus();
      return;
    }
    setErrors({});
    mutation.mutate(result.data);
  };

  const clear = (name: string) => setErrors((previous) => (name in previous ? Object.fromEntries(Object.entries(previous).filter(([key]) => key !== name)) : previous));
  const messages = Object.fromEntries(Object.entries(errors).map(([name, token]) => [name, validationMessage(token, t)]));

  return (
    <form ref={formRef} className="form" onSubmit={(event) => void submit(event)} onFocus={() => void loadContracts().catch(() => undefined)} noValidate>
      <ErrorNotice error={mutation.error} />
      {fields(messages, clear)}
      <SubmitButton size="lg" block isPending={mutation.isPending} pendingLabel={t('signIn.submitting')}>
        {t('signIn.submit')}
        <Icon name="arrowRight" size={18} />
      </SubmitButton>
    </form>
  );
}

function ClientSignInForm({ onSignedIn }: Pick<SignInPanelProps, 'onSignedIn'>) {
  const { t } = useTranslation();
  const login = useSignIn(loginClient, onSignedIn);
  return (
    <SignInForm
      mutation={login}
      schema={() => loadContracts().then((m) => m.LoginClientBody)}
      fields={(errors, clear) => (
        <>
          <TextInput
            name="phone"
            label={t('signIn.phone')}
            description={t('signIn.phoneHint')}
            type="tel"
            inputMode="tel"
            autoComplete="username"
            errorMessage={errors.phone}
            onChange={() => clear('phone')}
          />
          <PasswordInput name="password" label={t('signIn.password')} autoComplete="current-password" errorMessage={errors.password} onChange={() => clear('password')} />
        </>
      )}
    />
  );
}

function StaffSignInForm({ onSignedIn }: Pick<SignInPanelProps, 'onSignedIn'>) {
  const { t } = useTranslation();
  const login = useSignIn(loginUser, onSignedIn);
  return (
    <SignInForm
      mutation={login}
      schema={() => loadContracts().then((m) => m.LoginUserBody)}
      fields={(errors, clear) => (
        <>
          <TextInput
            name="username"
            label={t('signIn.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck="false"
            errorMessage={errors.username}
            onChange={() => clear('username')}
          />
          <PasswordInput name="password" label={t('signIn.password')} autoComplete="current-password" errorMessage={errors.password} onChange={() => clear('password')} />
        </>
      )}
    />
  );
}

/** "Forgot password": a link to the e-mail reset when the server can send mail, otherwise a phone call. */
function ForgotPasswordHelp({ navigate }: Pick<SignInPanelProps, 'navigate'>) {
  const { t } = useTranslation();
  const options = usePasswordResetOptions();
  // A plain click opens the page in the app; a middle or modified click opens it as the browser does.
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate('/forgot-password');
  };
  const phone = useBusiness()?.phone;
  return (
    <p className="sign-in__help muted text-sm">
      <Icon name="lock" size={16} />
      {options?.emailResetAvailable ? (
        <a href="/forgot-password" onClick={open}>
          {t('signIn.forgotLink')}
        </a>
      ) : (
        <span>{phone ? t('signIn.forgot', { phone: formatPhone(phone) }) : t('signIn.forgotAsk')}</span>
      )}
    </p>
  );
}

/**
 * Sign-in for both kinds of account. It only signs in: the landing page sees the new session and
 * takes the user where they were going (or to the forced password change).
 */
export function SignInPanel({ onSignedIn, navigate }: SignInPanelProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<AccountKind>(rememberedKind);
  // Shown once: the message belongs to the redirect that brought the user here.
  const [notice] = useState<Flash | null>(flash.peek);
  useEffect(() => flash.clear(), []);

  const changeKind = (next: AccountKind) => {
    setKind(next);
    try {
      localStorage.setItem(KIND_KEY, next);
    } catch {
      // Not remembered; the client form is the default.
    }
  };

  return (
    <section className="sign-in card stack gap-5" aria-labelledby="sign-in-title">
      <div className="card__header">
        <h2 id="sign-in-title" className="sign-in__title text-2xl">
          {t('signIn.title')}
        </h2>
        <p className="muted text-sm">{t('signIn.subtitle')}</p>
      </div>
      {notice ? <Notice tone={notice === 'expired' ? 'warning' : 'success'}>{notice === 'expired' ? t('signIn.expired') : t('signIn.signedOut')}</Notice> : null}
      <Segmented
        label={t('signIn.tabsLabel')}
        value={kind}
        onChange={changeKind}
        look="account-switch"
        options={[
          {
            value: 'client',
            content: (
              <>
                <Icon name="phone" size={18} />
                {t('signIn.clientTab')}
              </>
            ),
          },
          {
            value: 'staff',
            content: (
              <>
                <Icon name="users" size={18} />
                {t('signIn.staffTab')}
              </>
            ),
          },
        ]}
      />
      {kind === 'client' ? <ClientSignInForm key="client" onSignedIn={onSignedIn} /> : <StaffSignInForm key="staff" onSignedIn={onSignedIn} />}
      <ForgotPasswordHelp navigate={navigate} />
    </section>
  );
}
