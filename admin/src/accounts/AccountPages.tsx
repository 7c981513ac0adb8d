// Pages reached from a mail or the login page, without a session: confirm an address, ask for a
// new password, choose it. They only call the API; it decides, and answers the same whether or
// not an address has an account.
import { Alert, Box, Button, Card, CardContent, Link, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { Login, LoginForm, useLocaleState, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';

const verifyEmailMutation = graphql(`mutation VerifyEmail($t: String!) { verifyEmail(token: $t) }`);

const requestResetMutation = graphql(
  `mutation RequestReset($e: String!, $l: Language) { requestPasswordReset(email: $e, language: $l) }`,
);

const resetPasswordMutation = graphql(
  `mutation ResetPassword($t: String!, $p: String!) { resetPassword(token: $t, password: $p) }`,
);

const needsFirstAdminQuery = graphql(`query NeedsFirstAdmin { needsFirstAdmin }`);

const createFirstAdminMutation = graphql(
  `mutation CreateFirstAdmin($input: FirstAdminInput!) { createFirstAdmin(input: $input) }`,
);

/** The language of the mails we ask for: the interface's. */
const useMailLanguage = () => {
  const [locale] = useLocaleState();
  return locale === 'en' ? 'EN' : 'FR';
};

const Page = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="main" sx={{ display: 'flex', justifyContent: 'center', mt: 8, px: 2 }}>
      <Card sx={{ maxWidth: 480, width: '100%' }}>
        <CardContent>
          <Stack spacing={2}>
            <Typography component="h1" variant="h5">
              {translate(title)}
            </Typography>
            {children}
            <Link href="#/login">{translate('repere.account.toLogin')}</Link>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};

type State = { kind: 'idle' | 'busy' | 'done' } | { kind: 'error'; message: string };

/** Runs `action` for a form, keeping what the API answered. */
function useAction() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const run = (action: () => Promise<unknown>) => async (event?: FormEvent) => {
    event?.preventDefault();
    setState({ kind: 'busy' });
    try {
      await action();
      setState({ kind: 'done' });
    } catch (error) {
      setState({ kind: 'error', message: (error as Error).message });
    }
  };
  return { state, run };
}

const Failure = ({ state }: { state: State }) => {
  const translate = useTranslate();
  return state.kind === 'error' ? (
    <Alert severity="error">{translate(state.message, { _: state.message })}</Alert>
  ) : null;
};

export const VerifyEmailPage = () => {
  const translate = useTranslate();
  const { token = '' } = useParams();
  const { state, run } = useAction();
  return (
    <Page title="repere.account.verifyTitle">
      {state.kind === 'done' ? (
        <Alert severity="success">{translate('repere.account.verified')}</Alert>
      ) : (
        <>
          <Typography>{translate('repere.account.verifyHelp')}</Typography>
          <Failure state={state} />
          <Button
            variant="contained"
            disabled={state.kind === 'busy'}
            onClick={run(() => request(verifyEmailMutation, { t: token }))}
          >
            {translate('repere.account.verify')}
          </Button>
        </>
      )}
    </Page>
  );
};

export const ForgotPasswordPage = () => {
  const translate = useTranslate();
  const language = useMailLanguage();
  const [email, setEmail] = useState('');
  const { state, run } = useAction();
  return (
    <Page title="repere.account.forgotTitle">
      {state.kind === 'done' ? (
        <Alert severity="info">{translate('repere.account.resetSent')}</Alert>
      ) : (
        <Stack
          component="form"
          spacing={2}
          onSubmit={run(() => request(requestResetMutation, { e: email, l: language }))}
        >
          <Typography>{translate('repere.account.forgotHelp')}</Typography>
          <TextField
            label={translate('ra.auth.username')}
            type="email"
            required
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Failure state={state} />
          <Button type="submit" variant="contained" disabled={state.kind === 'busy'}>
            {translate('repere.account.sendReset')}
          </Button>
        </Stack>
      )}
    </Page>
  );
};

export const ResetPasswordPage = () => {
  const translate = useTranslate();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const { state, run } = useAction();
  const mismatch = again.length > 0 && again !== password;
  return (
    <Page title="repere.account.resetTitle">
      {state.kind === 'done' ? (
        <Alert severity="success">{translate('repere.account.resetDone')}</Alert>
      ) : (
        <Stack
          component="form"
          spacing={2}
          onSubmit={run(() => request(resetPasswordMutation, { t: token, p: password }))}
        >
          <Typography>{translate('repere.account.resetHelp')}</Typography>
          <TextField
            label={translate('repere.account.newPassword')}
            type="password"
            required
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <TextField
            label={translate('repere.account.repeatPassword')}
            type="password"
            required
            autoComplete="new-password"
            value={again}
            error={mismatch}
            helperText={mismatch ? translate('repere.account.mismatch') : ' '}
            onChange={(e) => setAgain(e.target.value)}
          />
          <Failure state={state} />
          <Button type="submit" variant="contained" disabled={state.kind === 'busy' || mismatch || !again}>
            {translate('repere.account.setPassword')}
          </Button>
        </Stack>
      )}
    </Page>
  );
};

/** Whether this install still has no admin (null while asking). */
function useNeedsFirstAdmin(): boolean | null {
  const [needed, setNeeded] = useState<boolean | null>(null);
  useEffect(() => {
    request(needsFirstAdminQuery).then(
      (data) => setNeeded(data.needsFirstAdmin),
      () => setNeeded(false),
    );
  }, []);
  return needed;
}

/** react-admin's login form, named, with the way to a new password; on a fresh install, to the setup page. */
export const LoginPage = () => {
  const translate = useTranslate();
  const needsFirstAdmin = useNeedsFirstAdmin();
  return (
    <Login>
      <Typography component="h1" variant="h6" sx={{ textAlign: 'center', pt: 1 }}>
        {translate('repere.title')}
      </Typography>
      {needsFirstAdmin ? (
        <Alert severity="info" sx={{ mx: 2 }}>
          {translate('repere.account.freshInstall')} <Link href="#/setup">{translate('repere.account.setupLink')}</Link>
        </Alert>
      ) : null}
      <LoginForm />
      <Box sx={{ px: 2, pb: 2, textAlign: 'center' }}>
        <Link href="#/password/forgot">{translate('repere.account.forgotLink')}</Link>
      </Box>
    </Login>
  );
};

/** The first admin of a fresh install, with the code from the server's log; gone once an admin exists. */
export const SetupPage = () => {
  const translate = useTranslate();
  const needed = useNeedsFirstAdmin();
  const [form, setForm] = useState({ setupCode: '', email: '', name: '', password: '' });
  const { state, run } = useAction();
  const field = (name: keyof typeof form, type = 'text', autoComplete?: string) => (
    <TextField
      label={translate(`repere.account.setup.${name}`)}
      type={type}
      required
      autoComplete={autoComplete}
      value={form[name]}
      onChange={(e) => setForm({ ...form, [name]: e.target.value })}
    />
  );
  if (needed === null) return null;
  return (
    <Page title="repere.account.setupTitle">
      {state.kind === 'done' ? (
        <Alert severity="success">{translate('repere.account.setupDone')}</Alert>
      ) : !needed ? (
        <Alert severity="info">{translate('repere.account.setupGone')}</Alert>
      ) : (
        <Stack component="form" spacing={2} onSubmit={run(() => request(createFirstAdminMutation, { input: form }))}>
          <Typography>{translate('repere.account.setupHelp')}</Typography>
          {field('setupCode', 'text', 'off')}
          {field('email', 'email', 'email')}
          {field('name', 'text', 'name')}
          {field('password', 'password', 'new-password')}
          <Failure state={state} />
          <Button type="submit" variant="contained" disabled={state.kind === 'busy'}>
            {translate('repere.account.setupCreate')}
          </Button>
        </Stack>
      )}
    </Page>
  );
};
