// The reported listing's name, linking to its page (the report already carries id and name).
import type { MouseEvent } from 'react';
import { Link, useRecordContext } from 'react-admin';

export const StructureLink = (_props: { source: string; label?: string }) => {
  const record = useRecordContext<{ structure?: { id: string; name: string } | null }>();
  const structure = record?.structure;
  if (!structure) return <>—</>;
  return (
    // Inside a clickable row: following the link must not also open the report.
    <Link to={`/structures/${encodeURIComponent(structure.id)}/show`} onClick={(e: MouseEvent) => e.stopPropagation()}>
      {structure.name}
    </Link>
  );
};
