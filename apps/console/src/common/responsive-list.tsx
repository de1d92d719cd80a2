/**
 * Lists on small screens (issue 8, defect 7): below the `md` breakpoint a list's table would be wider
 * than the screen (the side menu folds away below `sm`, but a 5-column table needs ~800 px), so a list
 * shows entries instead — react-admin's `SimpleList` where three lines say enough (the users list), or
 * `CardList`, which lays out the same fields as the table, one card per record, each field labelled.
 *
 * `ResponsiveDatagrid` is a drop-in for `<Datagrid>`: the same children and props on a wide screen, a
 * `CardList` of them on a narrow one. A new list gets phones by using it instead of `Datagrid`.
 */
import { Children, isValidElement, useId, useState, type ReactElement, type ReactNode } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  Collapse,
  LinearProgress,
  Link as MuiLink,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Datagrid,
  FieldTitle,
  Link,
  RecordContextProvider,
  useCreatePath,
  useListContext,
  useResourceContext,
  type DatagridProps,
  type RaRecord,
} from 'react-admin';

/** True below `md` (900 px): where lists show entries or cards rather than a table. */
export function useNarrowScreen(): boolean {
  return useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
}

/** The table on a wide screen, `narrow` (e.g. a `SimpleList` or `CardList`) on a narrow one. */
export function ResponsiveRows({ narrow, children }: { narrow: ReactNode; children: ReactNode }) {
  return <>{useNarrowScreen() ? narrow : children}</>;
}

/** Label–value pairs as a two-column `<dl>`: what a table row says, on a narrow screen. */
export function LabelledRows({ rows }: { rows: Array<{ label: ReactNode; value: ReactNode }> }) {
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: 'max-content minmax(0, 1fr)',
        columnGap: 2,
        rowGap: 0.5,
        m: 0,
        mt: 1,
      }}
    >
      {rows.map(({ label, value }, index) => (
        <Box key={index} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

interface FieldProps {
  label?: ReactNode;
  source?: string;
}

type FieldElement = ReactElement<FieldProps>;

function fieldsOf(children: ReactNode): FieldElement[] {
  return Children.toArray(children).filter(isValidElement) as FieldElement[];
}

export interface CardListProps {
  /** The fields, as a `<Datagrid>`'s children: the first is the card's title, the others labelled rows. */
  children: ReactNode;
  /** Names the list (`<ul aria-label>`), as the table's `aria-label` names the table. */
  'aria-label'?: string;
  /** The title links to the record's page. */
  linkType?: 'show' | 'edit' | false;
  /** More about the record, behind a "Details" button (the table's expandable row). */
  expand?: ReactNode;
  /** Shown when the list has no records (the table's `empty`). */
  empty?: ReactNode;
}

function CardTitle({
  record,
  link,
  children,
}: {
  record: RaRecord;
  link: CardListProps['linkType'];
  children: ReactNode;
}) {
  const resource = useResourceContext();
  const createPath = useCreatePath();
  if (!link) return <>{children}</>;
  return (
    <MuiLink
      component={Link}
      to={createPath({ resource, id: record.id, type: link })}
      underline="hover"
      sx={{ fontWeight: 500 }}
    >
      {children}
    </MuiLink>
  );
}

function RecordCard({
  record,
  fields,
  linkType,
  expand,
}: {
  record: RaRecord;
  fields: FieldElement[];
  linkType: CardListProps['linkType'];
  expand?: ReactNode;
}) {
  const resource = useResourceContext();
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const [title, ...rows] = fields;
  return (
    <RecordContextProvider value={record}>
      <Card component="li" variant="outlined" sx={{ listStyle: 'none', minWidth: 0 }}>
        <CardContent sx={{ '&:last-child': { pb: 2 } }}>
          <Typography component="div" variant="subtitle1" sx={{ overflowWrap: 'anywhere' }}>
            <CardTitle record={record} link={linkType}>
              {title}
            </CardTitle>
          </Typography>
          <LabelledRows
            rows={rows.map((field) => ({
              label: <FieldTitle label={field.props.label} source={field.props.source} resource={resource} />,
              value: field,
            }))}
          />
          {expand && (
            <>
              <Button
                size="small"
                onClick={() => setOpen(!open)}
                aria-expanded={open}
                aria-controls={detailId}
                endIcon={
                  <ExpandMoreIcon
                    sx={{ transform: open ? 'rotate(180deg)' : 'none', transition: 'transform 150ms' }}
                  />
                }
                sx={{ mt: 1, ml: -1 }}
              >
                Details
              </Button>
              <Collapse in={open} id={detailId} unmountOnExit>
                <Box sx={{ mx: -2, overflowWrap: 'anywhere' }}>{expand}</Box>
              </Collapse>
            </>
          )}
        </CardContent>
      </Card>
    </RecordContextProvider>
  );
}

/** The records of the list in context as cards (see the file's comment). */
export function CardList({ children, linkType = false, expand, empty, ...props }: CardListProps) {
  const { data, isPending } = useListContext();
  const fields = fieldsOf(children);
  if (isPending) return <LinearProgress sx={{ m: 2 }} aria-label="Loading" />;
  if (!data || data.length === 0) return <>{empty ?? null}</>;
  return (
    <Box
      component="ul"
      aria-label={props['aria-label']}
      sx={{ display: 'grid', gap: 1, m: 0, p: 1, minWidth: 0 }}
    >
      {data.map((record: RaRecord) => (
        <RecordCard key={record.id} record={record} fields={fields} linkType={linkType} expand={expand} />
      ))}
    </Box>
  );
}

/**
 * `<Datagrid>` on a wide screen; on a narrow one, a `CardList` of the same fields (row click `show` or
 * `edit` becomes a link on the card's title, `expand` a "Details" button).
 */
export function ResponsiveDatagrid(props: DatagridProps) {
  const narrow = useNarrowScreen();
  if (!narrow) return <Datagrid {...props} />;
  const { children, rowClick, expand, empty } = props;
  const linkType = rowClick === 'show' || rowClick === 'edit' ? rowClick : false;
  return (
    <CardList
      aria-label={props['aria-label']}
      linkType={linkType}
      expand={isValidElement(expand) ? expand : undefined}
      empty={empty}
    >
      {children}
    </CardList>
  );
}
