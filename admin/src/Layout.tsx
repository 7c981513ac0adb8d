// The default layout, with a user menu whose accessible name holds the name it shows, and menu
// entries that wrap rather than cut a long name ("Échelle d’auto-évaluation").
import type { ReactNode } from 'react';
import { AppBar, Menu, Layout as RaLayout, UserMenu, useGetIdentity } from 'react-admin';

const NamedUserMenu = () => {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ?? 'ra.auth.user_menu'} />;
};

const RepereAppBar = () => <AppBar userMenu={<NamedUserMenu />} />;

const WrappingMenu = () => (
  // The label is a noWrap Typography inside each entry: that is what cut the text.
  <Menu sx={{ '& .RaMenuItemLink-root .MuiTypography-noWrap': { whiteSpace: 'normal', overflow: 'visible' } }} />
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={RepereAppBar} menu={WrappingMenu}>
    {children}
  </RaLayout>
);
