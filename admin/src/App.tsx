// The back office. Menus follow the viewer's role as the server reports it; the server still
// checks every request, so a hidden entry is a convenience, never the protection.
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import {
  ForgotPasswordPage,
  LoginPage,
  ResetPasswordPage,
  SetupPage,
  VerifyEmailPage,
} from './accounts/AccountPages.tsx';
import apiKeys from './apiKeys/index.ts';
import audit from './audit/index.ts';
import { authProvider } from './authProvider.ts';
import { Dashboard } from './dashboard/Dashboard.tsx';
import { dataProvider } from './dataProvider.ts';
import helplines from './helplines/index.ts';
import { i18nProvider } from './i18nProvider.ts';
import { Layout } from './Layout.tsx';
import moderators from './moderators/index.ts';
import professionals from './professionals/index.ts';
import referrals from './referrals/index.ts';
import reports from './reports/index.ts';
import scale from './scale/index.ts';
import structures from './structures/index.ts';
import submissions from './submissions/index.ts';
import { theme } from './theme.ts';

const isModerator = (role: unknown) => role === 'MODERATOR' || role === 'ADMIN';

export const App = () => (
  <Admin
    title="Repère"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    theme={theme}
    darkTheme={null}
    dashboard={Dashboard}
    loginPage={LoginPage}
    requireAuth
    disableTelemetry
  >
    {/* Reached from mails and the login page, without a session (the setup page: fresh installs only). */}
    <CustomRoutes noLayout>
      <Route path="/email/verify/:token" element={<VerifyEmailPage />} />
      <Route path="/password/forgot" element={<ForgotPasswordPage />} />
      <Route path="/password/reset/:token" element={<ResetPasswordPage />} />
      <Route path="/setup" element={<SetupPage />} />
    </CustomRoutes>
    {(role) => [
      <Resource
        key="structures"
        name="structures"
        {...structures}
        edit={isModerator(role) ? structures.edit : undefined}
        create={isModerator(role) ? structures.create : undefined}
      />,
      // Referrals are for vetted professionals only (moderators and admins never read them).
      ...(role === 'PROFESSIONAL' ? [<Resource key="referrals" name="referrals" {...referrals} />] : []),
      ...(isModerator(role)
        ? [
            <Resource key="submissions" name="submissions" {...submissions} />,
            <Resource key="reports" name="reports" {...reports} />,
            <Resource key="revisions" name="revisions" />,
          ]
        : []),
      ...(role === 'ADMIN'
        ? [
            <Resource key="professionals" name="professionals" {...professionals} />,
            <Resource key="moderators" name="moderators" {...moderators} />,
            <Resource key="apiKeys" name="apiKeys" {...apiKeys} />,
            <Resource key="helplines" name="helplines" {...helplines} />,
            // Publishing a new version is for admins only (the server checks).
            <Resource key="selfAssessmentScale" name="selfAssessmentScale" {...scale} />,
            <Resource key="auditLog" name="auditLog" {...audit} />,
            // No page of its own: the people the audit log's filters choose from.
            <Resource key="accounts" name="accounts" />,
          ]
        : []),
    ]}
  </Admin>
);
