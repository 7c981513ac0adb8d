// The default layout, with a user menu whose accessible name holds the name it shows.
import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, UserMenu, useGetIdentity } from 'react-admin';

const NamedUserMenu = () => {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ?? 'ra.auth.user_menu'} />;
};

const RepereAppBar = () => <AppBar userMenu={<NamedUserMenu />} />;

export const Layout = ({ children }: { children: ReactNode }) => <RaLayout appBar={RepereAppBar}>{children}</RaLayout>;
