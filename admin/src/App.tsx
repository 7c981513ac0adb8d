// The back office. Menus follow the viewer's role as the server reports it; the server still
// checks every request, so a hidden entry is a convenience, never the protection.
import { Admin, Resource } from 'react-admin';
import { authProvider } from './authProvider.ts';
import { dataProvider } from './dataProvider.ts';
import { i18nProvider } from './i18nProvider.ts';
import { Layout } from './Layout.tsx';
import structures from './structures/index.ts';
import { theme } from './theme.ts';

const canEdit = (role: unknown) => role === 'MODERATOR' || role === 'ADMIN';

export const App = () => (
  <Admin
    title="Repère"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    theme={theme}
    darkTheme={null}
    requireAuth
    disableTelemetry
  >
    {(role) => [
      <Resource
        key="structures"
        name="structures"
        {...structures}
        edit={canEdit(role) ? structures.edit : undefined}
      />,
    ]}
  </Admin>
);
