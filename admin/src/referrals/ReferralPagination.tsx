// Paging for a connection without a total (react-admin's own would print "26-50 of 50" for the
// 6 rows of a last page): the range counts the rows really shown; an empty box shows none.
import { TablePagination } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

export const ReferralPagination = () => {
  const { data, page, perPage, hasNextPage, isPending, setPage, setPerPage } = useListContext();
  const translate = useTranslate();
  if (isPending || (page === 1 && !data?.length)) return null;
  const from = (page - 1) * perPage + 1;
  const to = from - 1 + (data?.length ?? 0);
  return (
    <TablePagination
      component="div"
      count={-1}
      page={page - 1}
      rowsPerPage={perPage}
      rowsPerPageOptions={[10, 25, 50, 100]}
      onPageChange={(_event, p) => setPage(p + 1)}
      onRowsPerPageChange={(event) => setPerPage(Number(event.target.value))}
      labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
      labelDisplayedRows={() =>
        hasNextPage
          ? translate('ra.navigation.partial_page_range_info', { offsetBegin: from, offsetEnd: to })
          : translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: to })
      }
      getItemAriaLabel={(type) => translate(`ra.navigation.${type}`, { _: `Go to ${type} page` })}
      slotProps={{ actions: { nextButton: { disabled: !hasNextPage } } }}
    />
  );
};
