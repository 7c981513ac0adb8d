// Moderators' dashboard: pending contributions, listings due for verification, departments
// with no structure. Professionals have no dashboard: they go to the directory.
import { Alert, Card, CardContent, Chip, Link, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, usePermissions, useRedirect, useTranslate } from 'react-admin';
import type { DashboardQuery } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { request } from '../graphql.ts';

const dashboardQuery = graphql(`
  query Dashboard {
    submissions(status: PENDING, first: 1) { totalCount }
    structures(first: 1, filter: { needsVerification: true }) { totalCount }
    coverageGaps { code name }
  }
`);

const Figure = ({ label, value, href }: { label: string; value: number; href: string }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: 1, minWidth: 220 }}>
      <CardContent>
        <Typography component="h2" variant="subtitle1">
          {translate(label)}
        </Typography>
        <Typography variant="h3" component="p" data-figure={label}>
          {value}
        </Typography>
        <Link href={href}>{translate('repere.dashboard.open')}</Link>
      </CardContent>
    </Card>
  );
};

export const Dashboard = () => {
  const { permissions, isPending } = usePermissions();
  const translate = useTranslate();
  const redirect = useRedirect();
  const [data, setData] = useState<DashboardQuery | null>(null);
  const [error, setError] = useState<string | null>(null);
  const moderator = permissions === 'MODERATOR' || permissions === 'ADMIN';
  useEffect(() => {
    if (isPending) return;
    if (!moderator) {
      redirect('/structures');
      return;
    }
    request(dashboardQuery).then(setData, (e: Error) => setError(e.message));
  }, [isPending, moderator, redirect]);
  if (!moderator) return null;
  const needs = encodeURIComponent(JSON.stringify({ needsVerification: true }));
  return (
    <Stack sx={{ gap: 2, mt: 2 }}>
      <Title title="repere.dashboard.title" />
      {error ? <Alert severity="error">{error}</Alert> : null}
      {data ? (
        <>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
            <Figure label="repere.dashboard.pending" value={data.submissions.totalCount} href="#/submissions" />
            <Figure
              label="repere.dashboard.needsVerification"
              value={data.structures.totalCount}
              href={`#/structures?filter=${needs}`}
            />
          </Stack>
          <Card>
            <CardContent>
              <Typography component="h2" variant="subtitle1">
                {translate('repere.dashboard.gaps')} ({data.coverageGaps.length})
              </Typography>
              {data.coverageGaps.length ? (
                <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap', mt: 1 }} data-gaps="true">
                  {data.coverageGaps.map((d) => (
                    <Chip key={d.code} size="small" label={`${d.code} ${d.name}`} />
                  ))}
                </Stack>
              ) : (
                <Typography>{translate('repere.dashboard.noGaps')}</Typography>
              )}
            </CardContent>
          </Card>
        </>
      ) : null}
    </Stack>
  );
};
